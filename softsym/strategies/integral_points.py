"""Refute a relation about definite integrals with parameters at concrete parameter values.

The counterexample search leaves integrals alone (a quadrature error must not refute a true
relation), so ``E[x²] = s²`` for a Gaussian of mean μ stayed undecided.  Here the parameters are
given simple admissible values, and each integral is then evaluated twice, independently:

- by SymPy's ``integrate`` with the numbers substituted (an exact closed form: at numbers SymPy
  decides the convergence conditions it leaves open for symbols), and
- by numeric quadrature (mpmath, through ``evalf``).

A point refutes only when both agree — every integral's closed form matches its quadrature to 30
digits — and the relation fails at 50 and 100 digits with the closed forms *and* at 50 digits with
the quadrature values.  A point where either evaluation fails, stays symbolic or disagrees with
the other is passed over: SymPy's closed forms can be wrong (∫₀^{2π} dx/(cos x + √2) = 0) and
quadrature can miss a narrow peak (a Gaussian of width 1/10 at 10 integrates to 10⁻²²⁵), but both
wrong by the same amount is what this rule refuses to believe in.  Integrals held from ``integrate``
(``integrals.HeldIntegral``: non-smooth integrands) never evaluate to a closed form, so a relation
holding one is passed.  Never proves anything.
"""
from __future__ import annotations

import sympy as sp

from ..deadline import Deadline, attempt
from ..integrals import HeldIntegral
from ..numeric.admissible import required_symbols
from ..numeric.evaluate import _fails, _value
from ..numeric.sampling import candidate_points
from ..problem import Problem
from ..rewrite import givens_substitution
from ..verdict import Verdict
from .numeric_counterexample import _confirmed, _integer_hints, _variables, concrete_problems, refutation, sides

name = "integral_points"

POINTS, QUICK_POINTS = 24, 4
"""Parameter points tried per concrete instance at most (full pass, quick pass)."""
AGREE = sp.Float("1e-30", 60)
"""How closely (relative to the value, at least 1) closed form and quadrature must agree."""
QUADRATURE_DIGITS = 50


def integral_points(problem: Problem, deadline: Deadline) -> Verdict | None:
    """``refuted`` at a parameter point where the relation fails with each integral both
    integrated exactly and by quadrature, the two agreeing; else None (the full pass, at the end)."""
    return _within(problem, deadline, POINTS, 0.9)


def quick_integral_points(problem: Problem, deadline: Deadline) -> Verdict | None:
    """A few simple parameter points only, before the expensive symbolic strategies: a false
    moment or normalisation usually fails at the first points."""
    return _within(problem, deadline, QUICK_POINTS, 0.25)


def _within(problem: Problem, deadline: Deadline, points: int, share: float) -> Verdict | None:
    both = sp.Tuple(problem.lhs, problem.rhs)
    if not problem.free_symbols or not both.has(sp.Integral) or both.has(HeldIntegral):
        return None
    own = deadline.sooner(max(deadline.remaining() * share, 0.2))
    return attempt(own, lambda: _search(problem, own, points), None)


def _search(problem: Problem, deadline: Deadline, points: int) -> Verdict | None:
    found = sides(problem, deadline, integrals=True)
    if found is None:
        return None
    lhs, rhs = found
    if any(i.function.has(sp.Integral) for i in sp.Tuple(lhs, rhs).atoms(sp.Integral)):
        return None                                       # nested integrals: quadrature of quadrature, not here
    domain = problem.domain
    required = required_symbols(domain)
    needed = sorted(required - set(givens_substitution(domain)), key=str)
    for fixed, left, right in concrete_problems(problem, lhs, rhs, per_size=8):
        if deadline.expired():
            return None
        variables = _variables(sp.Tuple(left, right))
        variables += [v for v in needed if v not in variables and v not in fixed]
        hints = _integer_hints(sp.Tuple(left, right))
        key = "integral_points" + problem.key() + repr(sorted(fixed.items(), key=str))
        for point in candidate_points(variables, domain, key, points, hints, fixed):
            if deadline.expired():
                return None
            hit = _at(problem, deadline, fixed, point, left, right, required)
            if hit is not None:
                return refutation(problem, hit, name, "with every integral evaluated both exactly and by "
                                                      "quadrature (agreeing), the relation ")
    return None


def _at(problem: Problem, deadline: Deadline, fixed: dict, point: dict, left: sp.Basic, right: sp.Basic,
        required: set) -> tuple | None:
    """The confirmed hit at ``point`` (as ``failing_point`` returns it), or None."""
    step = deadline.sooner(max(min(deadline.remaining() / 3, 3.0), 0.1))
    at_left = attempt(step, lambda: left.xreplace(point), None)
    at_right = attempt(step, lambda: right.xreplace(point), None)
    if at_left is None or at_right is None:
        return None
    integrals = sorted(sp.Tuple(at_left, at_right).atoms(sp.Integral), key=str)
    closed = {}
    for integral in integrals:
        value = attempt(step, lambda i=integral: i.doit(), None)
        if value is None or value.has(sp.Integral) or value.free_symbols:
            return None
        closed[integral] = value
    exact_left, exact_right = at_left.xreplace(closed), at_right.xreplace(closed)
    if attempt(step, lambda: _fails(exact_left, problem.rel, exact_right, {}, 30, problem.real_values), None) is not True:
        return None
    hit = _confirmed(problem, deadline, fixed, point, exact_left, exact_right, required)   # admissible, 50/100 digits
    if hit is None:
        return None
    quadrature = {}
    for integral in integrals:                            # the independent evaluation of each integral
        numeric = attempt(deadline, lambda i=integral: _value(i, {}, QUADRATURE_DIGITS), None)
        exact = _value(closed[integral], {}, QUADRATURE_DIGITS)
        if numeric is None or exact is None or not _agree(numeric, exact):
            return None
        quadrature[integral] = numeric
    by_quadrature = attempt(deadline, lambda: _fails(at_left.xreplace(quadrature), problem.rel,
                                                     at_right.xreplace(quadrature), {}, QUADRATURE_DIGITS,
                                                     problem.real_values), None)
    return hit if by_quadrature is True else None


def _agree(numeric: sp.Basic, exact: sp.Basic) -> bool:
    """Whether two values of one integral agree to ``AGREE`` relative to their size (at least 1)."""
    gap = sp.Abs(numeric - exact).evalf(QUADRATURE_DIGITS)
    size = sp.Abs(exact).evalf(QUADRATURE_DIGITS)
    return bool(gap.is_Number and size.is_Number and gap <= AGREE * max(size, sp.Integer(1)))


quick_integral_points.name = "integral_points"  # type: ignore[attr-defined]
