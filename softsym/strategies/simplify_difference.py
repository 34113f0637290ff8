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
from ._equality import CHEAP, EXPENSIVE, zero_by

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
    return (how,) if how else None


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
