"""Slack variables: turn declared bounds into SymPy assumptions SymPy can reason with.

SymPy cannot state ``0 < phi < 1`` or ``t <= 2``, but it reasons well about the sign of a
symbol.  Each bounded symbol is replaced by an expression in a fresh symbol whose *sign* is
the bound, and whose range is exactly the interval (so nothing is lost either way):

    a < x            x = a + s,                 s > 0
    a <= x           x = a + s,                 s >= 0
    x < b            x = b - s,                 s > 0
    a < x < b        x = a + (b - a) s/(1 + s), s > 0      (onto the open interval)

A closed end of a two-sided interval is handled by ``endpoints``: the end value is a separate
case the caller checks by substitution.  Integer symbols keep integrality (``s`` integer).
Dropping an upper bound of an integer index (weakening the hypothesis) is sound for proofs.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .domain import Bound, Domain
from .rewrite import internal, substitute_free


@dataclass(frozen=True)
class Slack:
    """The substitution for one bounded symbol and the end points left to check separately."""

    symbol: sp.Symbol
    value: sp.Basic
    endpoints: tuple[sp.Basic, ...]
    note: str


def _slack_for(bound: Bound, n: int) -> Slack | None:
    x, lo, hi = bound.symbol, bound.lower, bound.upper
    integer = bool(x.is_integer)
    if integer:                           # x = end ± s needs an integer end (x >= 1/2 is x >= 1)
        if lo is not None and lo.is_integer:
            s = internal(f"s{n}", integer=True, **({"positive": True} if bound.lower_strict else {"nonnegative": True}))
            return Slack(x, lo + s, (), f"{x} = {lo} + {s} with {s} {'>' if bound.lower_strict else '>='} 0")
        if hi is not None and hi.is_integer:
            s = internal(f"s{n}", integer=True, **({"positive": True} if bound.upper_strict else {"nonnegative": True}))
            return Slack(x, hi - s, (), f"{x} = {hi} - {s}")
        return None
    if lo is not None and hi is not None:
        s = internal(f"s{n}", positive=True)
        ends = tuple(e for e, strict in ((lo, bound.lower_strict), (hi, bound.upper_strict)) if not strict)
        return Slack(x, lo + (hi - lo) * s / (1 + s), ends, f"{x} = {lo} + ({hi} - {lo})·{s}/(1+{s}), {s} > 0")
    if lo is not None:
        s = internal(f"s{n}", **({"positive": True} if bound.lower_strict else {"nonnegative": True}))
        return Slack(x, lo + s, (), f"{x} = {lo} + {s}")
    if hi is not None:
        s = internal(f"s{n}", **({"positive": True} if bound.upper_strict else {"nonnegative": True}))
        return Slack(x, hi - s, (), f"{x} = {hi} - {s}")
    return None


def slacks(domain: Domain, free: set[sp.Basic]) -> list[Slack]:
    """The substitutions for the bounded symbols that occur: declared bounds in declaration
    order, then one-sided hypotheses between symbols (``a > b`` gives ``a = b + s``, ``s > 0``)
    for symbols without a declared bound.  At most one substitution per symbol; a hypothesis not
    used this way is only left out (fewer assumptions: still sound for a proof)."""
    out = []
    bounds = list(domain.bounds)
    taken = {b.symbol for b in bounds}
    for bound in hypothesis_bounds(domain):
        if bound.symbol not in taken:
            bounds.append(bound)
            taken.add(bound.symbol)
    for n, bound in enumerate(bounds):
        if bound.symbol in free:
            slack = _slack_for(bound, n)
            if slack is not None:
                out.append(slack)
    return out


_ORDER = (sp.StrictLessThan, sp.LessThan, sp.StrictGreaterThan, sp.GreaterThan)


def hypothesis_bounds(domain: Domain) -> list[Bound]:
    """One-sided bounds ``x > e`` / ``x <= e`` read from hypotheses whose one side is a plain real
    symbol ``x`` and whose other side ``e`` is a real expression in other plain symbols (no
    entries, sums or limits: no "for every index" reading to get wrong)."""
    out = []
    for g in domain.given:
        if not isinstance(g, _ORDER):
            continue
        small, large = (g.lhs, g.rhs) if isinstance(g, (sp.StrictLessThan, sp.LessThan)) else (g.rhs, g.lhs)
        strict = isinstance(g, (sp.StrictLessThan, sp.StrictGreaterThan))
        for x, other, side in ((large, small, "lower"), (small, large, "upper")):
            if not isinstance(x, sp.Symbol) or x.is_real is not True or x in other.free_symbols:
                continue
            if other.is_real is not True or not all(isinstance(s, sp.Symbol) for s in other.free_symbols) \
                    or other.has(sp.Indexed, sp.Sum, sp.Product, sp.Limit, sp.Integral, sp.Derivative):
                continue
            out.append(Bound(x, other, strict) if side == "lower" else Bound(x, None, False, other, strict))
            break
    return out


def substitute(expr: sp.Basic, chosen: list[Slack]) -> sp.Basic:
    """Apply the substitutions, later symbols first (their bounds may mention earlier ones)."""
    for slack in reversed(chosen):
        expr = substitute_free(expr, {slack.symbol: slack.value})
    return expr
