"""Identities with sums and products over a symbolic dimension n, proved for every n.

The sides are put in the sum normal form (linearity, Kronecker deltas resolved against the
declared index ranges, alpha-equivalent bound variables), each remaining sum becomes an atom
carrying its sign, and the difference is decided by the equality normal forms.
"""
from __future__ import annotations

import sympy as sp

from ..deadline import Deadline, attempt
from ..problem import Problem
from ..rewrite import apply_givens, evaluate_derivatives
from ..sums import atomize_sums, normalize_sums
from ..verdict import Verdict, proved
from ._equality import CHEAP, EXPENSIVE, zero_by

name = "sum_identities"


def sum_identities(problem: Problem, deadline: Deadline, methods=CHEAP + EXPENSIVE) -> Verdict | None:
    """Prove an equality between expressions containing ``Sum``/``Product`` for symbolic n."""
    if problem.rel != "==" or not sp.Tuple(problem.lhs, problem.rhs).has(sp.Sum, sp.Product):
        return None

    def normal() -> sp.Basic:
        diff = apply_givens(evaluate_derivatives(problem.difference), problem.domain)
        return normalize_sums(diff, problem.domain)
    diff = attempt(deadline.sooner(deadline.remaining() * 0.4), normal, None)
    if diff is None:
        return None
    if diff.has(sp.Piecewise):
        return None                                  # an index range we could not establish
    atoms, _ = atomize_sums(diff)
    how = zero_by(atoms, deadline, methods)
    if how is None:
        return None
    return proved(name, f"sum normal form (linearity, Kronecker deltas, alpha-equivalence), then {how}",
                  ("sum normal form", how))


def sum_identities_cheap(problem: Problem, deadline: Deadline) -> Verdict | None:
    """The same with the cheap normal forms only (run before the counterexample search)."""
    return sum_identities(problem, deadline, CHEAP)
