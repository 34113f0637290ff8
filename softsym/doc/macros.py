"""A document's own simple macros: ``\\newcommand{\\R}{\\mathbb{R}}``, ``\\def\\x{\\mathbf{x}}``,
``\\DeclareMathOperator{\\softmax}{softmax}`` — expanded in the math before it is read.

Only macros without arguments are expanded (``\\newcommand{\\f}[1]{…}`` stays an unknown macro, so
what uses it is unparsed with that reason); a macro defined twice with different bodies is not
expanded at all (which one applies where is not guessed).  Expansion is textual, as TeX's.
"""
from __future__ import annotations

import re

_DEFINER = re.compile(r"\\(?:re)?newcommand\*?\s*\{?\s*\\([A-Za-z]+)\s*\}?\s*(\[)?|\\def\s*\\([A-Za-z]+)\s*(?=\{)"
                      r"|\\DeclareMathOperator\*?\s*\{\s*\\([A-Za-z]+)\s*\}")
MAX_ROUNDS = 5


def document_macros(text: str) -> dict[str, str]:
    """The argument-free macros ``text`` defines, name (without backslash) → replacement."""
    found: dict[str, set[str]] = {}
    for m in _DEFINER.finditer(text):
        if m.group(2):                              # [n] arguments: not expanded
            continue
        body = _braced(text, m.end())
        if body is None:
            continue
        if m.group(4):
            name, value = m.group(4), f"\\operatorname{{{body}}}"
        else:
            name, value = m.group(1) or m.group(3), body
        found.setdefault(name, set()).add(value)
    return {name: next(iter(values)) for name, values in found.items() if len(values) == 1}


def expand(tex: str, macros: dict[str, str]) -> str:
    """``tex`` with the macros replaced (a few rounds, for macros that use macros)."""
    if not macros:
        return tex
    pattern = re.compile(r"\\(" + "|".join(sorted(map(re.escape, macros), key=len, reverse=True)) + r")(?![A-Za-z])")
    for _ in range(MAX_ROUNDS):
        new = pattern.sub(lambda m: macros[m.group(1)], tex)
        if new == tex:
            break
        tex = new
    return tex


def _braced(text: str, start: int) -> str | None:
    """The content of the brace group at ``start`` (after blanks), or None."""
    i = start
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text) or text[i] != "{":
        return None
    depth = 0
    for j in range(i, len(text)):
        c = text[j]
        if c == "\\":
            continue
        if c == "{" and (j == 0 or text[j - 1] != "\\"):
            depth += 1
        elif c == "}" and text[j - 1] != "\\":
            depth -= 1
            if depth == 0:
                return text[i + 1:j]
    return None
