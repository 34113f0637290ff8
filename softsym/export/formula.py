"""Formulas typed as plain text (``e^{x_i}/Σ_j e^{x_j}``, ``θ_jᵀx``, ``1{y=i}``) as LaTeX math.

A small scanner, not a parser: it maps symbols through ``notation``, reads ``_ij`` / ``^(…)`` /
``^{…}`` as one script, keeps ``{…}`` that is not a script argument as literal braces (an
indicator ``1{y=i}``), and refuses (``NotMath``) whatever would not be valid TeX, so the caller
can keep that span as text.
"""
from __future__ import annotations

import re

from .notation import ACCENTS, ASCII_OPERATORS, DIGITS, FUNCTIONS, GREEK, SCRIPTS, SYMBOLS, decompose


class NotMath(ValueError):
    """A span the scanner cannot turn into valid TeX; it is kept as text."""


def math_tex(span: str) -> str:
    """A formula typed as plain text, as LaTeX math.

    Raises:
        NotMath: the span would not be valid TeX (double superscript, a backslash, a character
            without a math rendering, unbalanced braces).
    """
    tex, end = _Scanner(decompose(span)).sequence(0, closing="")
    tex = re.sub(r"\s+", " ", tex).strip()
    return re.sub(r"(\\[A-Za-z]+) (?=[_^{}()\[\],.;:=+\-/|'<>!?])", r"\1", tex)      # "\eta _{i}" → "\eta_{i}"


class _Scanner:
    def __init__(self, text: str) -> None:
        self.s = text

    def sequence(self, i: int, closing: str) -> tuple[str, int]:
        """Convert from ``i`` up to ``closing`` (or the end); returns the TeX and the index after."""
        out: list[str] = []
        used: set[str] = set()                  # scripts already attached to the current nucleus
        parens = 0
        while i < len(self.s):
            c = self.s[i]
            if closing and c == closing:
                return "".join(out), i + 1
            if c in "_^" or c in SCRIPTS or c == "'":
                kind = c if c in "_^" else SCRIPTS[c][0] if c in SCRIPTS else "'"
                if c in "_^":
                    arg, i = self.script(i + 1)
                elif c in SCRIPTS:
                    arg, i = SCRIPTS[c][1], i + 1
                else:
                    arg, i = "", i + 1
                slot = "^" if kind == "'" else kind
                if slot in used and not (kind == "'" and out and out[-1] == "'"):
                    raise NotMath(f"double {'superscript' if slot == '^' else 'subscript'}")
                used.add(slot)
                if not out:
                    out.append("{}")
                out.append("'" if kind == "'" else f"{kind}{{{arg}}}")
                continue
            if c.isspace():                     # spaces do not end a nucleus: "x^a ^b" is a double superscript
                out.append(" ")
                i += 1
                continue
            used = set()
            if c.isalpha() and c.isascii():
                word, i = self.word(i)
                out.append(word)
            elif c in DIGITS:
                j = i
                while j < len(self.s) and (self.s[j] in DIGITS or self.s[j] == "." and j + 1 < len(self.s)
                                           and self.s[j + 1] in DIGITS):
                    j += 1
                out.append(self.s[i:j])
                i = j
            elif c == "{":
                inner, i = self.sequence(i + 1, closing="}")
                out.append(rf"\{{{inner}\}}")
            elif c == "}":
                raise NotMath("unbalanced }")
            elif c == "|":
                out.append(r"\mid " if parens > 0 else "|")
                i += 1
            elif self.s.startswith(tuple(ASCII_OPERATORS), i):
                op = next(o for o in ASCII_OPERATORS if self.s.startswith(o, i))
                out.append(ASCII_OPERATORS[op] + " ")
                i += len(op)
            elif c in "()[]=<>+-/,.;:!?":
                parens += (c in "([") - (c in ")]")
                out.append(c)
                i += 1
            elif c in GREEK or c in SYMBOLS:
                macro = GREEK[c] if c in "ΣΠ" and self.names_a_value(i) else SYMBOLS.get(c) or GREEK[c]
                i += 1
                out.append(self.accented(macro, i)[0] + " ")
                i = self.accented(macro, i)[1]
            else:
                raise NotMath(f"no math rendering for {c!r}")
        if closing:
            raise NotMath(f"missing {closing}")
        return "".join(out), i

    def names_a_value(self, i: int) -> bool:
        """Whether Σ (or Π) at ``i`` is a name (Σ_K, a normalizer) rather than a sum: nothing to sum follows."""
        j = i + 1
        try:
            while j < len(self.s) and self.s[j] in "_^":
                j = self.script(j + 1)[1]
        except NotMath:
            return False
        while j < len(self.s) and self.s[j].isspace():
            j += 1
        return j == len(self.s) or self.s[j] in ")]},.;:/=−-+<>≤≥²³'"

    def word(self, i: int) -> tuple[str, int]:
        """An identifier: a known function (\\log), a letter (with its accent), or a word upright."""
        j = i
        while j < len(self.s) and self.s[j].isascii() and self.s[j].isalnum():
            j += 1
        name = self.s[i:j]
        if j < len(self.s) and self.s[j] in ACCENTS:     # p̄: the accent sits on the last letter
            accent = ACCENTS[self.s[j]][0]
            if accent is None or not name[-1].isalpha():
                raise NotMath("accent without a math form")
            prefix = name[:-1]
            tex = (self._name(prefix) if prefix else "") + f"{accent}{{{name[-1]}}}"
            return tex, j + 1
        return self._name(name, call=self.s.startswith("(", j)), j

    @staticmethod
    def _name(name: str, call: bool = False) -> str:
        if name in FUNCTIONS:
            return FUNCTIONS[name] + " "
        if len(name) == 1 or re.fullmatch(r"[A-Za-z][0-9]+", name) or name.isdigit():
            return name
        return rf"\operatorname{{{name}}}" if call else rf"\mathrm{{{name}}}"

    def accented(self, macro: str, i: int) -> tuple[str, int]:
        if i < len(self.s) and self.s[i] in ACCENTS and ACCENTS[self.s[i]][0]:
            return f"{ACCENTS[self.s[i]][0]}{{{macro}}}", i + 1
        return macro, i

    def script(self, i: int) -> tuple[str, int]:
        """The argument of ``_`` or ``^``: a group, a parenthesis, a signed run of letters and digits."""
        if i >= len(self.s):
            raise NotMath("script without an argument")
        c = self.s[i]
        if c == "{":
            return self.sequence(i + 1, closing="}")
        if c == "(":
            inner, j = self.sequence(i + 1, closing=")")
            return f"({inner})", j
        sign = ""
        if c in "+-−":
            sign, i = ("-" if c == "−" else c), i + 1
            if i >= len(self.s):
                raise NotMath("script without an argument")
            c = self.s[i]
        if c.isascii() and c.isalnum():
            j = i                               # _ij, _k2: letters (then digits); _0x: just 0
            while j < len(self.s) and self.s[j].isascii() and (self.s[j] in DIGITS or c.isalpha()
                                                             and self.s[j].isalpha()):
                j += 1
            run = self.s[i:j]
            if j < len(self.s) and self.s[j] in ACCENTS and ACCENTS[self.s[j]][0]:
                return sign + run[:-1] + f"{ACCENTS[self.s[j]][0]}{{{run[-1]}}}", j + 1
            return sign + (FUNCTIONS.get(run) or run), j
        if c in GREEK or c in SYMBOLS:
            return self.accented(sign + (SYMBOLS.get(c) or GREEK[c]), i + 1)
        if c == "*":
            return sign + "*", i + 1
        raise NotMath(f"cannot read a script argument at {c!r}")


__all__ = ["NotMath", "math_tex"]
