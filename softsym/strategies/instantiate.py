"""The fallback for symbolic dimensions: prove the relation for each n = 1..N, and say so.

Every sum is expanded into its N terms and every index takes each admissible value; each
instance must be proved by the symbolic strategies.  The verdict is ``proved-instantiated``
with the largest N for which every instance of every size up to N was proved.
"""
from __future__ import annotations

import sympy as sp

from ..deadline import Deadline
from ..dimensions import concretize, dimension_symbols, dimension_values, instances
from ..problem import Problem
from ..verdict import Status, Verdict
from .inequalities import inequalities
from .rational_form import rational_form
from .simplify_difference import simplify_difference

name = "instantiate"
MAX_N = 6
MIN_N = 2


def _proved(problem: Problem, deadline: Deadline) -> bool:
    for strategy in (rational_form, simplify_difference, inequalities):
        verdict = strategy(problem, deadline)
        if verdict is not None and verdict.status.is_proved:
            return True
    return False


def instantiate(problem: Problem, deadline: Deadline) -> Verdict | None:
    """Prove for n = 1..N (N as large as the time allows, at least ``MIN_N``)."""
    both = sp.Tuple(problem.lhs, problem.rhs)
    dims = dimension_symbols(both)
    if not dims:
        return None
    done, first = 0, None
    for size in range(1, MAX_N + 1):
        sizes = {}
        for d in dims:
            if size not in dimension_values(d, problem.domain, MAX_N):
                break
            sizes[d] = size
        if len(sizes) != len(dims):
            continue
        for point in instances(both, problem.domain, dims, sizes, problem.domain.given, limit=None):
            concrete = problem.replaced(concretize(problem.lhs, point), concretize(problem.rhs, point))
            if deadline.remaining() < 0.05 or not _proved(concrete, deadline.sooner(deadline.remaining() / 2)):
                return _result(first, done, dims)
        done = size
        first = first or size
    return _result(first, done, dims)


def _result(first: int | None, done: int, dims: list) -> Verdict | None:
    if done < MIN_N or first is None:
        return None
    names = ", ".join(str(d) for d in dims)
    return Verdict(Status.PROVED_INSTANTIATED, name, instantiated_up_to=done,
                   message=f"proved for each {names} = {first}..{done} separately (every admissible size up to "
                           f"{done}), not for general {names}")
