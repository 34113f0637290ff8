"""Ellipses: ``a_1 + a_2 + \\dots + a_n`` read as ``Sum(a_k, (k, 1, n))`` when the pattern is clear.
A mixin of :class:`softsym.latex.build.Reader`.

Conventions: the whole sum must be the series (``1 + x_1 + \\dots + x_n`` is refused); the last term
names the pattern: an entry whose index is not a number (``x_n``, ``x_{K-1}``) is the running index;
the pattern must give the first term at the first term's index and every other written term at its
place (``x_1 + x_2 + \\dots + x_n``, ``w_1 x_1 + \\dots + w_n x_n``); an ellipsis anywhere else
(a list, a vector, a product) is refused with the reason.
"""
from __future__ import annotations

import sympy as sp

from .syntax import Expr, Leaf, lone_factor

_FRESH = ("k", "j", "l", "m", "r", "s", "u", "v")


def is_ellipsis(node) -> bool:
    f = lone_factor(node)
    return f is not None and f.plain and isinstance(f.base, Leaf) and f.base.kind == "ELLIPSIS"


class EllipsisReading:
    """``a_1 + \\dots + a_n`` (part of the Reader)."""

    def series(self, node: Expr) -> sp.Expr:
        """The sum an expression with one ``+ \\dots +`` term stands for, or Unparsed."""
        at = [k for k, (_, prod) in enumerate(node.terms) if is_ellipsis(prod)]
        unclear = "an ellipsis whose pattern is not clear (write the sum as \\sum_{k=1}^{n} …)"
        if len(at) != 1 or at[0] == 0 or at[0] == len(node.terms) - 1 or node.terms[at[0]][0] != "+":
            self.fail(unclear, node)
        values = [(-1 if sign == "-" else 1) * self.product(prod.items, prod)
                  for k, (sign, prod) in enumerate(node.terms) if k != at[0]]
        found = self.pattern(values, at[0])
        if found is None:
            self.fail(unclear, node)
        pattern, k, start, end = found
        return sp.Sum(pattern, (k, start, end))

    def pattern(self, values: list[sp.Expr], before: int) -> tuple[sp.Expr, sp.Symbol, sp.Expr, sp.Expr] | None:
        """The pattern of ``values[0], …, values[before - 1], …, values[before], …`` (an ellipsis
        between): (pattern in k, k, first index, last index), or None when no pattern fits."""
        first, last = values[0], values[-1]
        taken = set(self.letters) | {s.name for s in sp.Tuple(*values).free_symbols}
        k = sp.Symbol(next((c for c in _FRESH if c not in taken), "k_"), integer=True)
        entries = (sp.Indexed, sp.core.function.AppliedUndef)     # z_K, or σ(z)_K of an entrywise function

        def positions(e: sp.Basic) -> tuple:
            return e.indices if isinstance(e, sp.Indexed) else e.args[-1:]

        for end in sorted({i for e in last.atoms(*entries) for i in positions(e) if not i.is_Integer}, key=str):
            pattern = last.replace(
                lambda e, end=end: isinstance(e, entries) and end in positions(e),
                lambda e, end=end: e.base[tuple(k if i == end else i for i in e.indices)] if isinstance(e, sp.Indexed)
                else e.func(*e.args[:-1], k if e.args[-1] == end else e.args[-1]))
            starts = {i for e in first.atoms(*entries) for i in positions(e) if i.is_Integer}
            for start in sorted(starts):
                head = [pattern.xreplace({k: start + j}) for j in range(before)]
                tail = [pattern.xreplace({k: end - j}) for j in range(len(values) - before)][::-1]
                if head == values[:before] and tail == values[before:]:
                    return pattern, k, start, end
        return None
