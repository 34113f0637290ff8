"""Equalities whose difference has a zero rational normal form (cheap; exp/log rewrites licensed)."""
from __future__ import annotations

from ..deadline import Deadline, attempt
from ..entry_hypotheses import use_entry_signs, use_equal_expressions
from ..problem import Problem
from ..rewrite import apply_givens, evaluate_derivatives
from ..verdict import Verdict, proved
from ._equality import CHEAP, zero_by

name = "rational_form"


def rational_form(problem: Problem, deadline: Deadline) -> Verdict | None:
    """Prove ``lhs == rhs`` when ``rhs - lhs`` normalizes to 0 by cheap, sound rewrites."""
    if problem.rel != "==":
        return None
    used: list[str] = []
    diff = attempt(deadline, lambda: apply_givens(use_entry_signs(use_equal_expressions(
        evaluate_derivatives(problem.difference), problem.domain, problem.free_symbols, used), problem.domain,
        problem.free_symbols, used), problem.domain), None)
    if diff is None:
        return None
    how = zero_by(diff, deadline, CHEAP)
    given = f" (with {'; '.join(used)} at indices inside its range)" if used else ""
    return proved(name, f"rhs - lhs is 0 by {how}{given}") if how else None
