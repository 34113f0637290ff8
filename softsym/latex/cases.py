"""``\\begin{cases} … \\end{cases}``: a ``Piecewise`` of its rows.  A mixin of :class:`softsym.latex.build.Reader`.

Conventions: a row is ``value & condition`` (``p_i - p_i^2, & i = j``), or, without ``&``, a value
and a condition after a wide space (``p_j - 1 \\ \\ \\ j = t``); a condition is a relation (or a
chain ``a < x < b``) after an optional ``\\text{if}``/``\\text{for}``/``\\text{when}``, and
``\\text{otherwise}``/``\\text{else}`` (or nothing after ``&``) is the rest; a letter of a
condition that the values use as an index is that integer index (``i = j`` between entries
``p_i``, ``p_j``).  A row whose condition cannot be read is refused.
"""
from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp

from .errors import Unparsed
from .syntax import Leaf

_WIDE = re.compile(r"(?:\\ |\\quad\b|\\qquad\b|~)+")
_CONDITION_WORDS = re.compile(r"\\(?:text|mbox|textrm|mathrm)\s*\{\s*(?:if|for|when|where|,)?\s*\}|"
                              r"^\s*(?:if|for|when)\b")
_OTHERWISE = re.compile(r"^\s*(?:\\(?:text|mbox|textrm|mathrm)\s*\{\s*(?:otherwise|else|o\.w\.)\s*\.?\s*\}|"
                        r"otherwise|else)\s*\.?\s*$")
_RELATION = re.compile(r"\\neq\b|\\ne\b|\\leq\b|\\le\b|\\geq\b|\\ge\b|\\lt\b|\\gt\b|!=|<=|>=|=|<|>|≠|≤|≥")
_MAKERS = {"\\neq": sp.Ne, "\\ne": sp.Ne, "!=": sp.Ne, "≠": sp.Ne, "=": sp.Eq,
           "\\leq": sp.Le, "\\le": sp.Le, "<=": sp.Le, "≤": sp.Le, "\\geq": sp.Ge, "\\ge": sp.Ge,
           ">=": sp.Ge, "≥": sp.Ge, "<": sp.Lt, "\\lt": sp.Lt, ">": sp.Gt, "\\gt": sp.Gt}
MAX_ROWS = 20


_ROW_SPACING = re.compile(r"^\*?\s*\[\s*-?[\d.]+\s*[a-z]{2}\s*\]")
"""The space a row break may ask for after it (``\\\\[2pt]``, ``\\\\*[1ex]``): at the start of the next row."""


def _top_level_split(text: str, sep: str) -> list[str]:
    """``text`` cut at ``sep`` outside braces (``sep`` is ``\\\\`` or ``&``)."""
    parts, depth, start, k = [], 0, 0, 0
    while k < len(text):
        c = text[k]
        if c == "\\" and not text.startswith(sep, k):
            k += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif depth == 0 and text.startswith(sep, k):
            parts.append(text[start:k])
            k += len(sep)
            start = k
            continue
        k += 1
    parts.append(text[start:])
    return parts


def _compared_with_indices(condition: sp.Basic) -> dict[sp.Symbol, sp.Symbol]:
    """``j = t`` where j is an index: t is an index too (an integer), as the y of ``1\\{y = k\\}``."""
    out = {}
    for rel in condition.atoms(sp.Eq, sp.Ne):
        a, b = rel.args
        for one, other in ((a, b), (b, a)):
            if isinstance(one, sp.Symbol) and one.is_integer and isinstance(other, sp.Symbol) \
                    and not other.is_integer:
                out[other] = sp.Symbol(other.name, integer=True)
    return out


class CasesReading:
    """``cases`` environments (part of the Reader)."""

    def piecewise(self, leaf: Leaf) -> sp.Expr:
        body, _ = self.cases[int(leaf.text)]
        rows = [_ROW_SPACING.sub("", r, count=1) for r in _top_level_split(body, "\\\\")]
        rows = [r for r in rows if r.strip()]
        if not rows or len(rows) > MAX_ROWS:
            self.fail(f"a cases environment with {len(rows)} rows", leaf)
        pieces = [self.case_row(row, leaf) for row in rows]
        values = sp.Tuple(*(v for v, _ in pieces))
        indices = {s.name: s for e in values.atoms(sp.Indexed) for i in e.indices for s in i.free_symbols
                   if isinstance(s, sp.Symbol) and s.is_integer}
        indices |= {s.name: s for d in values.atoms(sp.KroneckerDelta) for a in d.args for s in a.free_symbols}
        args = []
        for value, condition in pieces:
            if condition is not sp.true:
                condition = condition.xreplace({s: indices[s.name] for s in condition.free_symbols
                                                if isinstance(s, sp.Symbol) and s.name in indices})
                condition = condition.xreplace(_compared_with_indices(condition))
            args.append((value, condition))
        if any(c is sp.true for _, c in args[:-1]):
            self.fail("a case 'otherwise' before the last row", leaf)
        return sp.Piecewise(*args, evaluate=False)

    def case_row(self, row: str, leaf: Leaf) -> tuple[sp.Expr, sp.Basic]:
        cells = _top_level_split(row, "&")
        if len(cells) == 1:
            cells = self.split_at_wide_space(row, leaf)
        if len(cells) != 2:
            self.fail("a row of cases that is not 'value & condition'", leaf)
        value_text, condition_text = cells[0].strip().rstrip(",").strip(), cells[1].strip()
        return self.case_value(value_text, leaf), self.case_condition(condition_text, leaf)

    def split_at_wide_space(self, row: str, leaf: Leaf) -> list[str]:
        """``p_j - 1\\ \\ \\ j = t``: the value, then the condition after the last wide space before
        the condition's relation."""
        m = _RELATION.search(row)
        if m is None:
            self.fail("a row of cases without a condition (write value & condition)", leaf)
        gaps = [g for g in _WIDE.finditer(row, 0, m.start()) if g.end() < m.start()]
        if not gaps:
            self.fail("a row of cases without '&' between the value and the condition", leaf)
        return [row[:gaps[-1].start()], row[gaps[-1].end():]]

    def sub_read(self, text: str, leaf: Leaf) -> sp.Expr:
        from .parse import parse_tex                       # parse imports the reader: late
        try:
            return parse_tex(text, replace(self.ctx, entry=self.entry))
        except Unparsed as exc:
            raise Unparsed(f"in a case: {exc.reason}", exc.fragment) from None

    def case_value(self, text: str, leaf: Leaf) -> sp.Expr:
        if not text:
            self.fail("a row of cases without a value", leaf)
        return self.sub_read(text, leaf)

    def case_condition(self, text: str, leaf: Leaf) -> sp.Basic:
        text = text.strip().lstrip(",").strip()
        if not text or _OTHERWISE.match(text):
            return sp.true
        text = _CONDITION_WORDS.sub(" ", text).strip().rstrip(".,;").strip()
        ops = list(_RELATION.finditer(text))
        if not ops or len(ops) > 2:
            self.fail("a condition of cases that is not a relation (i = j, x \\ge 0, otherwise)", leaf)
        sides = [text[:ops[0].start()]] + [text[a.end():b.start()] for a, b in zip(ops, ops[1:])] \
            + [text[ops[-1].end():]]
        values = [self.sub_read(side.strip(), leaf) for side in sides]
        parts = [_MAKERS[op.group()](a, b, evaluate=False) for op, a, b in zip(ops, values, values[1:])]
        return sp.And(*parts) if len(parts) > 1 else parts[0]
