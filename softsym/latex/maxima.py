"""``\\max_i z_i`` over a symbolic range: the entry at an index where the maximum is attained.

``\\max_{i} f(z_i)`` cannot be listed when i runs to n, so the reader reads it as ``f(z_μ)`` where
μ = ``argmax_z`` is an integer symbol that stands for an index of the maximum: the facts "μ lies in
the range" and "f(z_l) ≤ f(z_μ) for every l of the range" make it the maximum, and what needs
the maximum to be attained (max ≤ log Σ e^{z_i}) follows because it *is* an entry.  The document
checker adds these facts (:func:`facts`) to every relation that mentions μ.  ``\\min`` alike, with ≥.

μ's name says what it is the argmax of (``argmax_z`` for ``\\max_i z_i``; a short digest of the
expression otherwise), so the same maximum written twice is the same symbol.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import sympy as sp


@dataclass(frozen=True)
class Extremum:
    """``kind`` (max/min) of ``body`` over ``var`` in ``lower..upper``, attained at ``index``."""

    index: sp.Symbol
    body: sp.Expr
    var: sp.Symbol
    lower: sp.Expr
    upper: sp.Expr
    kind: str

    def hypothesis(self, other: sp.Symbol) -> sp.Basic:
        """``body(other) ≤ body(index)`` (max) or ``≥`` (min), for every ``other`` of the range."""
        at_other = self.body.xreplace({self.var: other})
        at_index = self.body.xreplace({self.var: self.index})
        return sp.Le(at_other, at_index) if self.kind == "max" else sp.Ge(at_other, at_index)


_KNOWN: dict[str, Extremum] = {}


def extremum_index(kind: str, body: sp.Expr, var: sp.Symbol, lower: sp.Expr, upper: sp.Expr) -> sp.Symbol:
    """The symbol that stands for an index where ``kind`` (max/min) of ``body`` is attained."""
    if isinstance(body, sp.Indexed) and body.indices == (var,):
        label = str(body.base.label)
    else:
        probe = sp.Symbol("k_probe", integer=True)
        label = hashlib.sha1(sp.srepr(body.xreplace({var: probe})).encode()).hexdigest()[:6]
    name = f"arg{kind}_{label}"
    default = lower == 1 and getattr(upper, "name", None) == "n"
    if not default:
        name += f"_{lower}_{upper}".replace(" ", "").replace("-", "m").replace("+", "p")
    index = sp.Symbol(name, integer=True)
    _KNOWN.setdefault(name, Extremum(index, body, var, lower, upper, kind))
    return index


def extrema_in(*exprs: sp.Basic) -> list[Extremum]:
    """The maxima and minima whose index symbols occur in ``exprs`` (in a stable order)."""
    names = {s.name for e in exprs for s in e.free_symbols if isinstance(s, sp.Symbol)}
    return [_KNOWN[n] for n in sorted(names & set(_KNOWN))]
