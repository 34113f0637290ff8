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
wrong by the same amount is what this rule refuses to believe in.  An integrand with kinks
(|x − μ|, max, sign, Heaviside: ``integrals.HeldIntegral``, whose closed form ``integrate`` gets
wrong across a kink) is split at its kinks, found by ``solveset``, and integrated piece by piece with
each kink resolved by its sign inside the piece; quadrature integrates the original integrand over
the same pieces (a kink ``solveset`` missed makes the two disagree).  Other non-smooth integrands are
passed.  Never proves anything.
"""
from __future__ import annotations

import sympy as sp

from ..deadline import Deadline, attempt
from ..integrals import UNTRUSTED
from ..numeric.admissible import required_symbols
from ..numeric.evaluate import _fails, value_at
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
    if not problem.free_symbols or not both.has(sp.Integral):
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
                                                      "quadrature (agreeing), the relation ",
                                  read=sp.Tuple(left, right))
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
    closed, split = {}, {}
    for integral in integrals:
        pieces = attempt(step, lambda i=integral: _pieces(i), None)
        if pieces is None:
            return None
        x = integral.limits[0][0]
        value = attempt(step, lambda: sp.Add(*(sp.Integral(smooth, (x, lo, hi)).doit() for lo, hi, smooth in pieces)),
                        None)
        if value is None or value.has(sp.Integral) or value.free_symbols:
            return None
        closed[integral], split[integral] = value, [(lo, hi) for lo, hi, _ in pieces]
    exact_left, exact_right = at_left.xreplace(closed), at_right.xreplace(closed)
    if attempt(step, lambda: _fails(exact_left, problem.rel, exact_right, {}, 30, problem.real_values), None) is not True:
        return None
    hit = _confirmed(problem, deadline, fixed, point, exact_left, exact_right, required)   # admissible, 50/100 digits
    if hit is None:
        return None
    quadrature = {}
    for integral in integrals:                            # the independent evaluation of each integral
        numeric = attempt(deadline, lambda i=integral: _quadrature(i, split[i]), None)
        exact = value_at(closed[integral], {}, QUADRATURE_DIGITS)
        if numeric is None or exact is None or not _agree(numeric, exact):
            return None
        quadrature[integral] = numeric
    by_quadrature = attempt(deadline, lambda: _fails(at_left.xreplace(quadrature), problem.rel,
                                                     at_right.xreplace(quadrature), {}, QUADRATURE_DIGITS,
                                                     problem.real_values), None)
    return hit if by_quadrature is True else None


KINKED = (sp.Abs, sp.sign, sp.Heaviside, sp.Max, sp.Min)
"""Non-smooth functions whose kinks an integral is split at (the other untrusted ones: passed)."""


def _pieces(integral: sp.Integral) -> list[tuple[sp.Basic, sp.Basic, sp.Basic]] | None:
    """(lower, upper, integrand) pieces of ``integral`` (numbers for ends) between the kinks of
    its integrand, each integrand smooth there (|g| as ±g by g's sign inside the piece); the whole
    integral when it is smooth; None when the kinks are not found.  A kink ``solveset`` misses makes
    a piece's integrand wrong, which the quadrature of the original integrand then contradicts."""
    x, lo, hi = integral.limits[0]
    f = integral.function
    if not (lo.is_extended_real and hi.is_extended_real) or lo.free_symbols or hi.free_symbols:
        return None
    kinked = [n for n in f.atoms(*UNTRUSTED) if n.has(x)]
    if not kinked:
        return [(lo, hi, f)]
    if any(not isinstance(n, KINKED) or len(n.args) > 2 for n in kinked):
        return None
    t = sp.Dummy("t", real=True)
    zeros: set[sp.Basic] = set()
    for n in kinked:
        g = (n.args[0] - n.args[1]) if isinstance(n, (sp.Max, sp.Min)) else n.args[0]
        roots = sp.solveset(g.xreplace({x: t}), t, sp.Interval.open(lo, hi))
        if not isinstance(roots, sp.FiniteSet):
            return None                                   # infinitely many or unknown kinks
        for root in roots:
            if root.is_real and not root.free_symbols and bool(lo < root) and bool(root < hi):
                zeros.add(root)
    ends = [lo, *sorted(zeros, key=lambda r: sp.N(r, 30)), hi]
    out = []
    for a, b in zip(ends, ends[1:]):
        if a.is_infinite and b.is_infinite:
            inner = sp.Integer(0)
        elif a.is_infinite:
            inner = b - 1
        elif b.is_infinite:
            inner = a + 1
        else:
            inner = (a + b) / 2
        out.append((a, b, f.replace(lambda e: isinstance(e, KINKED) and e.has(x), lambda e: _smooth(e, x, inner))))
    return out


def _smooth(node: sp.Basic, x: sp.Symbol, inner: sp.Basic) -> sp.Basic:
    """The smooth expression a kinked function equals around ``x = inner`` (between its kinks)."""
    if isinstance(node, (sp.Max, sp.Min)):
        p, q = node.args
        first = _sign(p - q, x, inner) > 0
        return (p if first else q) if isinstance(node, sp.Max) else (q if first else p)
    g = node.args[0]
    sign = _sign(g, x, inner)
    if isinstance(node, sp.Abs):
        return sign * g
    if isinstance(node, sp.sign):
        return sp.Integer(sign)
    return sp.Integer(1 if sign > 0 else 0)              # Heaviside


def _sign(g: sp.Basic, x: sp.Symbol, inner: sp.Basic) -> int:
    value = sp.N(g.xreplace({x: inner}), 30)
    re, im = value.as_real_imag()
    if not re.is_Number or im != 0 or re == 0:
        raise ValueError("the sign of a kink's argument inside a piece is not clear")
    return 1 if re > 0 else -1


def _quadrature(integral: sp.Integral, pieces: list[tuple[sp.Basic, sp.Basic]]) -> sp.Basic | None:
    """The integral by quadrature of its own integrand, piece by piece (kinks at the ends only)."""
    x = integral.limits[0][0]
    total = sp.Integer(0)
    for lo, hi in pieces:
        value = value_at(sp.Integral(integral.function, (x, lo, hi)), {}, QUADRATURE_DIGITS)
        if value is None:
            return None
        total += value
    return total


def _agree(numeric: sp.Basic, exact: sp.Basic) -> bool:
    """Whether two values of one integral agree to ``AGREE`` relative to their size (at least 1)."""
    gap = sp.Abs(numeric - exact).evalf(QUADRATURE_DIGITS)
    size = sp.Abs(exact).evalf(QUADRATURE_DIGITS)
    return bool(gap.is_Number and size.is_Number and gap <= AGREE * max(size, sp.Integer(1)))


quick_integral_points.name = "integral_points"  # type: ignore[attr-defined]
