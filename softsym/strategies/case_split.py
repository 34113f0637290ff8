"""Equalities proved case by case: Kronecker deltas of free indices (i = j, i != j), the sign
of a Max/Min/Abs/Piecewise pivot (three cases, see ``cases``), or every branch of a Piecewise.
"""
from __future__ import annotations

import sympy as sp

from ..cases import sign_cases
from ..deadline import Deadline, attempt
from ..problem import Problem
from ..rewrite import apply_givens, evaluate_derivatives
from ..sums import atomize_sums, normalize_sums
from ..verdict import Verdict, proved
from ._equality import CHEAP, EXPENSIVE, zero_by
from .sign_resolution import PIECEWISE, resolve

name = "case_split"


def _zero(expr: sp.Basic, problem: Problem, deadline: Deadline) -> str | None:
    resolved: list[str] = []
    if expr.has(*PIECEWISE):
        # a case fixes the sign of its pivot; a Max/Min it leaves (Max(e^{-s}, 1) when x = s > 0) may
        # still be decided by the inequality rules
        expr = attempt(deadline.sooner(deadline.remaining() / 2),
                       lambda: resolve(expr, problem.domain, deadline, problem.free_symbols | expr.free_symbols,
                                       resolved), expr)
    expr = normalize_sums(expr, problem.domain) if expr.has(sp.Sum, sp.Product) else expr
    atoms, _ = atomize_sums(expr, problem.domain)
    how = zero_by(atoms, deadline, CHEAP + EXPENSIVE)
    return how if how is None or not resolved else f"{'; '.join(resolved)}; then {how}"


def _delta_cases(diff: sp.Basic) -> list[tuple[str, sp.Basic]] | None:
    deltas = [d for d in diff.atoms(sp.KroneckerDelta)
              if all(isinstance(a, sp.Symbol) for a in d.args)]
    if not deltas:
        return None
    a, b = sorted(deltas[0].args, key=str)
    same = diff.xreplace({b: a})
    differ = diff.xreplace({sp.KroneckerDelta(a, b): sp.Integer(0), sp.KroneckerDelta(b, a): sp.Integer(0)})
    return [(f"{a} = {b}", same), (f"{a} != {b}", differ)]


def case_split(problem: Problem, deadline: Deadline) -> Verdict | None:
    """Split on the first Kronecker delta of two free indices, or on piecewise branches."""
    if problem.rel != "==":
        return None
    diff = attempt(deadline, lambda: apply_givens(evaluate_derivatives(problem.difference), problem.domain), None)
    if diff is None or diff.has(sp.nan):
        return None             # undefined somewhere (a derivative at a seam): no case of it is zero
    cases = _delta_cases(diff)
    if cases is None:
        split = sign_cases(diff, problem.domain)
        if split is not None:
            cases = [(c.label, diff.xreplace(c.substitution)) for c in split]
    if cases is None and diff.has(sp.Piecewise):
        folded = attempt(deadline, lambda: sp.piecewise_fold(diff), None)
        if isinstance(folded, sp.Piecewise):
            cases = [(f"branch {cond}", expr) for expr, cond in folded.args if cond is not sp.false]
    if not cases:
        return None
    trace = []
    for label, expr in cases:
        how = _zero(expr, problem, deadline.sooner(deadline.remaining() / 2))
        if how is None:
            return None
        trace.append(f"case {label}: {how}")
    return proved(name, "; ".join(trace), tuple(trace))
