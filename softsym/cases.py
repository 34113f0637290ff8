"""Case splits on the sign of a linear expression in a free real symbol.

``Max(a, b)``, ``Min(a, b)``, ``Abs(a)``, ``sign``, ``Heaviside`` and the conditions of a
``Piecewise`` all depend on the sign of some ``d = a - b``.  When ``d`` is linear in a real
symbol ``x`` that carries no other constraint (no sign assumption, no bound, no hypothesis),
``x`` can be written in terms of the gap: ``d = s`` (s > 0), ``d = 0``, ``d = -s`` (s > 0).  The
three cases cover every real value of ``x`` exactly once, and in each SymPy evaluates the
Max/Abs/Piecewise by itself.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .domain import Domain
from .rewrite import bound_variables, internal


@dataclass(frozen=True)
class Case:
    """One case: its description and the substitution that puts the expression in it."""

    label: str
    substitution: dict


def _pivots(expr: sp.Basic) -> list[sp.Basic]:
    """Differences whose sign decides a piecewise-defined part of ``expr``, free of bound
    variables (``|z - y|`` under ``∫ dz`` has no sign to split on: it varies with z)."""
    bound = bound_variables(expr)
    out: list[sp.Basic] = []
    for node in sorted(expr.atoms(sp.Max, sp.Min, sp.Abs, sp.sign, sp.Heaviside, sp.Piecewise),
                       key=sp.default_sort_key):
        if isinstance(node, (sp.Max, sp.Min)) and len(node.args) == 2:
            out.append(node.args[0] - node.args[1])
        elif isinstance(node, (sp.Abs, sp.sign, sp.Heaviside)):
            out.append(node.args[0])
        elif isinstance(node, sp.Piecewise):
            for _, cond in node.args:
                if isinstance(cond, (sp.StrictLessThan, sp.LessThan, sp.StrictGreaterThan, sp.GreaterThan,
                                     sp.Equality, sp.Unequality)):
                    out.append(cond.lhs - cond.rhs)
    return [d for d in out if not d.free_symbols & bound]


def _free_linear_symbol(d: sp.Basic, domain: Domain) -> tuple[sp.Symbol, sp.Basic, sp.Basic] | None:
    d = sp.expand(d)
    for x in sorted(d.free_symbols, key=str):
        if not isinstance(x, sp.Symbol) or x.is_real is not True or x.is_integer:
            continue
        if any(getattr(x, f"is_{k}") for k in ("positive", "negative", "nonnegative", "nonpositive", "zero")):
            continue
        if domain.bound_of(x) is not None or any(x in g.free_symbols for g in domain.given):
            continue
        coeff = d.coeff(x)
        rest = d - coeff * x
        if coeff.is_number and coeff != 0 and not rest.has(x):
            return x, coeff, rest
    return None


def sign_cases(expr: sp.Basic, domain: Domain, tag: str = "c") -> list[Case] | None:
    """Three cases for the first pivot that has a free linear symbol, or None."""
    for d in _pivots(expr):
        found = _free_linear_symbol(d, domain)
        if found is None:
            continue
        x, coeff, rest = found
        s = internal(tag, positive=True)
        cases = []
        for label, gap in ((f"{d} > 0", s), (f"{d} = 0", sp.Integer(0)), (f"{d} < 0", -s)):
            cases.append(Case(label, {x: (gap - rest) / coeff}))
        return cases
    return None
