"""Definite integrals SymPy's ``integrate`` must not evaluate.

SymPy integrates non-smooth integrands wrongly over ranges that cross their kinks:
∫₀¹⁰ |sin x| dx comes back as cos(10) + 3 ≈ 2.16 (the value is 7 + cos(10) ≈ 6.16), so a false
relation was proved and a true one refuted from that closed form (red team, 2026-12-01).  An
integral whose integrand holds such a function is kept as a ``HeldIntegral``: ``doit`` leaves it
as it is (no strategy sees a closed form), and ``evalf`` still integrates it numerically.  Such a
relation is decided only without the integral's value — usually it stays ``undecided``.
"""
from __future__ import annotations

import sympy as sp

UNTRUSTED = (sp.Abs, sp.sign, sp.Heaviside, sp.Max, sp.Min, sp.floor, sp.ceiling, sp.frac, sp.Piecewise,
             sp.DiracDelta, sp.re, sp.im, sp.arg)
"""Functions with kinks, jumps or branches, where ``integrate`` over a range is not trusted."""


class HeldIntegral(sp.Integral):
    """An ``Integral`` that ``doit`` does not evaluate (printed, compared and evaluated numerically
    like any ``Integral``)."""

    def doit(self, **hints):
        return self


def held(expr: sp.Basic) -> sp.Basic:
    """``expr`` with every integral of a non-smooth integrand held (see the module docstring)."""
    if not expr.has(sp.Integral):
        return expr
    return expr.replace(lambda e: type(e) is sp.Integral and e.function.has(*UNTRUSTED),
                        lambda e: HeldIntegral(e.function, *e.limits))
