"""Equalities whose difference has a zero rational normal form (cheap; exp/log rewrites licensed)."""
from __future__ import annotations

from ..deadline import Deadline, attempt
from ..problem import Problem
from ..rewrite import apply_givens, evaluate_derivatives
from ..verdict import Verdict, proved
from ._equality import CHEAP, zero_by

name = "rational_form"


def rational_form(problem: Problem, deadline: Deadline) -> Verdict | None:
    """Prove ``lhs == rhs`` when ``rhs - lhs`` normalizes to 0 by cheap, sound rewrites."""
    if problem.rel != "==":
        return None
    diff = attempt(deadline, lambda: apply_givens(evaluate_derivatives(problem.difference), problem.domain), None)
    if diff is None:
        return None
    how = zero_by(diff, deadline, CHEAP)
    return proved(name, f"rhs - lhs is 0 by {how}") if how else None
