"""Equalities proved by SymPy's heavier simplification of the difference, within the bounds.

Bounded symbols are first replaced by slack variables (see ``reparam``), so that a bound such
as ``t <= 2`` or ``0 < phi < 1`` becomes a sign SymPy can use.  A closed end of a two-sided
interval is then checked as its own case.
"""
from __future__ import annotations

import sympy as sp

from ..deadline import Deadline, attempt
from ..problem import Problem
from ..reparam import slacks, substitute
from ..entry_hypotheses import use_entry_signs, use_equal_expressions
from ..rewrite import apply_givens, evaluate_derivatives
from ..verdict import Verdict, proved
from ._equality import CHEAP, EXPENSIVE, _simplify, zero_by

name = "simplify_difference"


def _prove_zero(diff: sp.Basic, problem: Problem, deadline: Deadline) -> tuple[str, ...] | None:
    chosen = slacks(problem.domain, diff.free_symbols)
    if chosen:
        trace = tuple(s.note for s in chosen)
        inner = substitute(diff, chosen)
        how = zero_by(inner, deadline.sooner(deadline.remaining() * 0.5), CHEAP + EXPENSIVE)
        for slack in chosen if how else ():    # closed ends of two-sided intervals
            for end in slack.endpoints:
                at_end = diff.xreplace({slack.symbol: end})
                sub = _prove_zero(at_end, problem, deadline)
                if sub is None:
                    how = None
                    break
                trace += (f"end point {slack.symbol} = {end}: " + "; ".join(sub),)
        if how:
            return trace + (f"then {how}",)
    how = zero_by(diff, deadline, EXPENSIVE)
    if how:
        return (how,)
    return _through_squares(diff, problem, deadline)


def _through_squares(diff: sp.Basic, problem: Problem, deadline: Deadline) -> tuple[str, ...] | None:
    """``diff`` is 0 where a real name x it holds only in even powers or |x| (``log(1/σ²) + log σ²``) is written as
    a positive t = x² — every real x ≠ 0 is such a point, and the values there depend on x² alone — and at
    x = 0 the difference is 0 or undefined (a point where a side is undefined is not claimed)."""
    bounded = {b.symbol for b in problem.domain.bounds}
    bases = {p.base for p in diff.atoms(sp.Pow) if p.exp.is_Integer and p.exp.is_even} \
        | {a.args[0] for a in diff.atoms(sp.Abs)}
    binding = {v for e in diff.atoms(sp.Sum, sp.Product, sp.Integral, sp.Lambda, sp.Derivative, sp.Subs)
               for v in getattr(e, "variables", ())} | {v for e in diff.atoms(sp.Sum, sp.Product, sp.Integral)
                                                        for v, *_ in e.limits}
    bases = {b for b in bases if isinstance(b, (sp.Symbol, sp.Indexed)) and b.is_real and not b.is_nonnegative
             and not b.is_integer and b not in bounded and not b.free_symbols & binding}
    # (x_i inside Σ_i is no one point: |x_1| + |x_2| is no √t for one t)
    for base in sorted(bases, key=sp.default_sort_key):
        if deadline.expired():
            return None
        square = sp.Dummy("t", positive=True)
        inner = diff.replace(lambda e, b=base: isinstance(e, sp.Pow) and e.base == b and e.exp.is_Integer
                             and e.exp.is_even, lambda e, t=square: t ** (e.exp // 2))
        inner = inner.replace(lambda e, b=base: isinstance(e, sp.Abs) and e.args[0] == b,
                              lambda e, t=square: sp.sqrt(t))          # |x| = √(x²)
        if inner.has(base):
            continue                                  # x itself, or an odd power: not through x² alone
        how = zero_by(inner, deadline.sooner(deadline.remaining() * 0.5), CHEAP + EXPENSIVE)
        if not how:
            continue
        # x = 0 through the same guarded normal forms (SymPy's bare simplify turns δ(0, x²)·Σ … into 0), or a
        # side whose own value there is undefined (∞ as a sum's bound is not)
        zero = zero_by(diff.xreplace({base: sp.Integer(0)}), deadline.sooner(deadline.remaining() * 0.5),
                       CHEAP + EXPENSIVE)
        if not zero and not any(attempt(deadline, lambda e=side, b=base: _simplify(e.xreplace({b: sp.Integer(0)})
                                                                                  .doit()), None)
                                in (sp.nan, sp.zoo, sp.oo, -sp.oo) for side in (problem.lhs, problem.rhs)):
            continue
        return (f"{base}² written as a positive t (every real {base} ≠ 0), then {how}",
                f"at {base} = 0: {'0 by ' + zero if zero else 'a side is undefined'}")
    return None


def simplify_difference(problem: Problem, deadline: Deadline) -> Verdict | None:
    """Prove ``lhs == rhs`` by simplifying ``rhs - lhs`` to 0 (after slack substitution)."""
    if problem.rel != "==":
        return None
    used: list[str] = []
    diff = attempt(deadline, lambda: apply_givens(use_entry_signs(use_equal_expressions(
        evaluate_derivatives(problem.difference), problem.domain, problem.free_symbols, used), problem.domain,
        problem.free_symbols, used), problem.domain), None)
    if diff is None:
        return None
    trace = _prove_zero(diff, problem, deadline)
    if trace is None:
        return None
    trace = (*(f"with {g} at the indices written" for g in used), *trace)
    return proved(name, "rhs - lhs simplifies to 0: " + "; ".join(trace), trace)
