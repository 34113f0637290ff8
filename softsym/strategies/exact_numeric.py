"""Relations without free symbols: decide them by exact arithmetic (5/21 + 7/21 + 9/21 = 1)."""
from __future__ import annotations

import sympy as sp

from ..deadline import Deadline, attempt
from ..numeric.evaluate import confirm, show
from ..problem import Problem
from ..rewrite import evaluate_derivatives
from ..verdict import Counterexample, Verdict, proved, refuted

name = "exact_numeric"


def exact_numeric(problem: Problem, deadline: Deadline) -> Verdict | None:
    """Prove or refute a constant relation.

    Equalities are proved only when the exact difference simplifies to 0; inequalities when
    SymPy determines the sign of the exact difference (its ``evalf`` carries error bounds).
    A failure is confirmed at 50 and 100 digits before ``refuted``.
    """
    if problem.free_symbols:
        return None
    lhs = attempt(deadline, lambda: evaluate_derivatives(problem.lhs).doit(), problem.lhs)
    rhs = attempt(deadline, lambda: evaluate_derivatives(problem.rhs).doit(), problem.rhs)
    if lhs.free_symbols or rhs.free_symbols:
        return None
    diff = attempt(deadline.sooner(max(deadline.remaining() / 2, 0.1)), lambda: sp.simplify(rhs - lhs), None)
    if diff is None:
        diff = rhs - lhs
    if problem.rel == "==" and diff == 0:
        return proved(name, "the exact difference is 0")
    if problem.rel == "<=" and diff.is_nonnegative:
        return proved(name, f"the exact difference rhs - lhs = {diff} is >= 0")
    if problem.rel == "<" and diff.is_positive:
        return proved(name, f"the exact difference rhs - lhs = {diff} is > 0")
    digits = confirm(lhs, problem.rel, rhs, {}, problem.real_values)
    if digits is not None and sp.Tuple(problem.lhs, problem.rhs).has(sp.Integral):
        # SymPy's closed form of an integral can be wrong (∫₀^{2π} dx/(cos x + √2) = 0, the value being
        # 2π): a refutation must also hold with every integral evaluated by quadrature
        digits = attempt(deadline, lambda: confirm(evaluate_derivatives(problem.lhs), problem.rel,
                                                   evaluate_derivatives(problem.rhs), {}, problem.real_values), None)
    if digits is not None:
        flipped = problem.shown is not None and problem.shown[1] in (">=", ">")   # (a >= b is held as b <= a)
        left, right = (rhs, lhs) if flipped else (lhs, rhs)
        cex = Counterexample((), show(left, {}), show(right, {}), digits)
        return refuted(name, cex, f"false as arithmetic: lhs = {cex.lhs_value}, rhs = {cex.rhs_value}")
    return None
