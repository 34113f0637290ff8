"""Definitions written in words between two pieces of inline math: "where $\\mathcal{N}_k$ abbreviates
$\\mathcal{N}(x \\mid \\mu_k, \\sigma^2)$", "$Z$ is shorthand for $\\sum_x e^{-\\beta E(x)}$".

Such a sentence defines the first name as the second expression as surely as ``:=`` does; read as a
free name instead, the name takes any value and a true line that uses it is refuted (a false alarm).
Only a name (a letter, a Greek or calligraphic letter, with a subscript) on the left and an
expression with no relation in it on the right make a definition; anything else stays prose.
"""
from __future__ import annotations

import re

from .blocks import MathBlock
from .chains import Relation

_ABBREVIATES = re.compile(
    r"\$(?P<name>[^$]{1,40})\$\s*(?:\(\s*)?(?:abbreviates|is\s+(?:an?\s+)?(?:abbreviation|shorthand|short)\s+for|"
    r"stands\s+for|is\s+our\s+shorthand\s+for|(?:is\s+)?(?:used\s+)?as\s+(?:an?\s+)?shorthand\s+for)"
    r"\s*\$(?P<expr>[^$]{1,400})\$(?=\s*(?:[.,;:)]|and\b|where\b|$))")
"""(The expression ends the clause: "$s$ stands for $t$ squared" says more than s := t.)"""
_LIMITS = re.compile(r"[_^]\s*\{[^{}]*\}")
"""A sum's or product's limits (``_{i=1}^{n}``): their "=" is no relation of the expression."""
_RENAMING_BEFORE = re.compile(r"(?i)(?:\b(?:now|from\s+now\s+on|henceforth|hereafter|from\s+here\s+on|in\s+what\s+follows|"
                              r"instead|this\s+time|for\s+the\s+rest\s+of\s+(?:this|the)\s+\w+)\s*,?|从现在起|此后|现在)\s*$")
"""Words right before the name that give it a new meaning ("Now $L$ is shorthand for …"): a name the
math used before is defined again from there on."""
_NAME = re.compile(r"\s*(?:\\(?:mathcal|mathbf|mathrm|boldsymbol|bm)\s*\{\s*)?\\?[A-Za-z]+\s*\}?"
                   r"(?:\s*_\s*(?:\{[^{}]{1,12}\}|[A-Za-z0-9]))?\s*")
_RELATION = re.compile(r"(?<!\\)(?:=|<|>)|\\(?:[lg]eq?|neq?|approx|propto|in|subset|to|mapsto)(?![A-Za-z])")


def definitions_in_words(lines: list[str], blocks: list[MathBlock]) -> list[Relation]:
    """The definitions the words make of a name by an expression (``name := expr``, at the line of the
    sentence), each attached to the inline block of its expression."""
    out: list[Relation] = []
    for number, line in enumerate(lines, 1):
        for m in _ABBREVIATES.finditer(line):
            name, expr = m.group("name").strip(), m.group("expr").strip()
            if not _NAME.fullmatch(name) or _RELATION.search(_LIMITS.sub("", expr)) or _RELATION.search(name):
                continue
            block = next((b for b in blocks if not b.display and b.line == number and b.tex.strip() == expr), None)
            renaming = bool(_RENAMING_BEFORE.search(line[:m.start()]))
            if block is None or not renaming and any(
                    b.line < number and re.search(rf"(?<![\\A-Za-z]){re.escape(name)}(?![A-Za-z])", b.tex) for b in blocks):
                continue        # (a name the math used before: what it says of it may be more than a name)
            out.append(Relation(lhs=name, op=":=", rhs=expr, line=number, end_line=number,
                                tex=f"{name} := {expr}", chained=False, display=False, block=block))
    return out
