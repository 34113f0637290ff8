"""Identities with sums and products over a symbolic dimension n, proved for every n.

The sides are put in the sum normal form (linearity, Kronecker deltas resolved against the
declared index ranges, alpha-equivalent bound variables), each remaining sum becomes an atom
carrying its sign, and the difference is decided by the equality normal forms.
"""
from __future__ import annotations

import sympy as sp

from ..deadline import Deadline, attempt
from ..problem import Problem, canonical_dummies
from ..rewrite import apply_givens, evaluate_derivatives
from ..sums import atomize_sums, normalize_sums
from ..verdict import Verdict, proved
from ._equality import CHEAP, EXPENSIVE, zero_by

name = "sum_identities"


def sum_identities(problem: Problem, deadline: Deadline, methods=CHEAP + EXPENSIVE) -> Verdict | None:
    """Prove an equality between expressions containing ``Sum``/``Product`` for symbolic n."""
    if problem.rel != "==" or not sp.Tuple(problem.lhs, problem.rhs).has(sp.Sum, sp.Product):
        return None

    used: list[str] = []

    def normal() -> sp.Basic:
        diff = apply_givens(evaluate_derivatives(problem.difference), problem.domain)
        return use_sum_hypotheses(normalize_sums(diff, problem.domain), problem.domain, used)
    diff = attempt(deadline.sooner(deadline.remaining() * 0.4), normal, None)
    if diff is None:
        return None
    if diff.has(sp.Piecewise):
        return None                                  # an index range we could not establish
    atoms, _ = atomize_sums(diff, problem.domain)
    how = zero_by(atoms, deadline, methods)
    if how is None:
        return None
    hyp = f"; the hypotheses {', '.join(used)} replace their sums" if used else ""
    return proved(name, f"sum normal form (linearity, Kronecker deltas, alpha-equivalence){hyp}, then {how}",
                  ("sum normal form", *(f"hypothesis {u}" for u in used), how))


def use_sum_hypotheses(expr: sp.Basic, domain, used: list[str] | None = None) -> sp.Basic:
    """Replace each sum a hypothesis fixes (``Σ_i p_i = 1``) by its value.

    The hypothesis' sum is put in the same normal form (canonical bound variables, linearity), so
    ``Σ_k p_k`` in the expression matches ``Σ_i p_i`` in the hypothesis.  Sound: inside the domain
    the hypothesis holds, so the replaced expression has the same value at every admissible point.
    """
    subs: dict[sp.Basic, sp.Basic] = {}
    for g in domain.given:
        if not isinstance(g, sp.Eq):
            continue
        for side, value in ((g.lhs, g.rhs), (g.rhs, g.lhs)):
            if side.has(sp.Sum, sp.Product) and not value.has(sp.Sum, sp.Product):
                key = normalize_sums(canonical_dummies(side), domain)
                if isinstance(key, (sp.Sum, sp.Product)) and key not in subs:
                    subs[key] = value
                    if used is not None and expr.has(key):
                        used.append(str(g))
                break
    return expr.xreplace(subs) if subs else expr


def sum_identities_cheap(problem: Problem, deadline: Deadline) -> Verdict | None:
    """The same with the cheap normal forms only (run before the counterexample search)."""
    return sum_identities(problem, deadline, CHEAP)
