"""Evaluate a relation at an exact point with SymPy's arbitrary-precision ``evalf``.

``violation`` screens a point at modest precision; ``confirm`` re-checks a hit at 50 and at
100 digits and only then says the relation fails there.  Points where either side is
undefined (division by zero, infinities, NaN) are never counterexamples.
"""
from __future__ import annotations

import functools

import sympy as sp
from sympy.core.function import AppliedUndef

SCREEN_DIGITS = 30
CONFIRM_DIGITS = (50, 100)
RELATIVE_MARGIN = sp.Float("1e-25", 60)


def value_at(expr: sp.Basic, point: dict, digits: int) -> sp.Basic | None:
    """``expr`` at ``point`` to ``digits`` digits, or None where it is undefined or not finite."""
    try:
        exact_value = expr.xreplace(point)
        if not _no_piece_lost(expr, point, digits):
            return None                 # (1 − β) Σ_k β^k at β = 1 is 0·∞, not the 0 substitution leaves
        if zero_to_a_variable(exact_value):
            return None                 # Σ_{n≥1} 0^{n−1}: SymPy's doit says 0, the sum is 1 (0⁰ = 1)
        if exact_value.has(sp.Sum, sp.Product, sp.Derivative, sp.Limit):
            exact_value = exact_value.doit(integrals=False)   # an integral by quadrature, not by SymPy's integrate
        if exact_value.free_symbols or exact_value.atoms(AppliedUndef):
            return None                 # (f'(θ) of a function the text never defines has no value)
        if exact_value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):       # an infinity in an integral's range is fine
            outside = exact_value.xreplace({i: sp.Integer(1) for i in exact_value.atoms(sp.Integral)})
            if outside.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
                return None
        if exact_value.has(sp.I):
            exact_value = on_cuts_exactly(exact_value, digits)
            if exact_value is None:
                return None
        if exact_value.has(sp.Integral):
            exact_value = by_quadrature(exact_value, digits)
            if exact_value is None:
                return None
        value = exact_value.evalf(digits, maxn=4 * digits + 100)
    except (ZeroDivisionError, ValueError, TypeError, OverflowError, AttributeError, RecursionError):
        return None
    if value.has(sp.nan, sp.zoo, sp.oo, -sp.oo) or not value.is_number:
        return None
    re, im = value.as_real_imag()
    if not (re.is_finite and im.is_finite) or not (re.is_Number and im.is_Number):
        return None
    return value


def by_quadrature(expr: sp.Basic, digits: int) -> sp.Basic | None:
    """``expr`` (a number) with each definite integral of one variable replaced by its value by
    tanh-sinh quadrature of the integrand compiled to mpmath (about twice as fast as SymPy's own
    ``evalf`` of an integral, which evaluates the integrand through ``evalf`` at every node); None
    where the quadrature's own error estimate is not well below ``digits`` digits, or where an
    integral is nested or not of that form (then SymPy's ``evalf`` is the fallback: unchanged)."""
    import mpmath
    values = {}
    for integral in expr.atoms(sp.Integral):
        if len(integral.limits) != 1 or len(integral.limits[0]) != 3 or integral.function.has(sp.Integral):
            return expr
        x, low, high = integral.limits[0]
        if (integral.function.free_symbols - {x}) or low.free_symbols or high.free_symbols:
            return expr
        with mpmath.workdps(digits + 15):
            try:
                f = sp.lambdify(x, integral.function, modules="mpmath")
                ends = [mpmath.mpmathify(sp.N(end, digits + 15)) if end.is_finite else
                        (mpmath.inf if end is sp.oo else -mpmath.inf) for end in (low, high)]
                value, error = mpmath.quad(f, ends, error=True)
                split, split_error = mpmath.quad(f, _break_points(integral, *ends), error=True)
            except Exception:  # noqa: BLE001 - a singular or undefined integrand: SymPy decides
                return expr
            if not (mpmath.isfinite(value) and mpmath.isfinite(split)) or mpmath.im(value) != 0:
                return expr
            tolerance = mpmath.mpf(10) ** (-digits - 5) * max(1, abs(value), abs(split))
            if max(error, split_error) > tolerance or abs(value - split) > tolerance:
                return None                    # not converged, or a peak one of the two missed: no value here
            values[integral] = sp.Float(mpmath.nstr(value, digits + 10), digits + 10)
    return expr.xreplace(values)


def _break_points(integral: sp.Integral, low, high) -> list:
    """The range of ``integral`` cut where a narrow peak may hide from tanh-sinh quadrature's nodes
    (SymPy's ``evalf`` and mpmath alike give ∫ u·e^{-(u−67)²/2} du over ℝ as 1e-154): at 0, ±1,
    ±10, ±100 and at every number written in the integrand, with its sign and negated."""
    import mpmath
    numbers = {abs(a) for a in integral.function.atoms(sp.Number) if a.is_real and 0 < abs(a) < 10**6}
    cuts = {mpmath.mpf(0)}
    for c in (*numbers, 1, 10, 100):
        cuts |= {mpmath.mpmathify(sp.N(c, mpmath.mp.dps)), -mpmath.mpmathify(sp.N(c, mpmath.mp.dps))}
    return [low, *sorted(c for c in cuts if low < c < high), high]


def _no_piece_lost(expr: sp.Basic, point: dict, digits: int) -> bool:
    """Whether every sum, product, limit and integral that substitution made disappear (multiplied
    by an exact zero) has a finite value at ``point``: 0 · Σ_{k≥0} 1 is undefined, not 0."""
    pieces = [p for p in expr.atoms(sp.Sum, sp.Product, sp.Limit, sp.Integral)
              if p.free_symbols and p.free_symbols <= set(point)]
    if not pieces:
        return True
    exact_value = expr.xreplace(point)
    for piece in pieces:
        at = piece.xreplace(point)
        if not exact_value.has(at) and value_at(piece, point, digits) is None:
            return False
    return True


def zero_to_a_variable(expr: sp.Basic) -> bool:
    """Whether ``expr`` raises 0 to a power that still varies (a sum's or product's index): SymPy
    evaluates ``Sum(0**(n - 1), (n, 1, oo))`` to 0, losing the term 0⁰ = 1 at n = 1."""
    return any(p.base.is_zero and p.exp.free_symbols for p in expr.atoms(sp.Pow))


REAL_AXIS_CUTS = (sp.log, sp.asin, sp.acos, sp.atanh, sp.acoth, sp.acosh, sp.asec, sp.acsc, sp.asech, sp.loggamma,
                  sp.polylog, sp.LambertW)
IMAGINARY_AXIS_CUTS = (sp.atan, sp.acot, sp.asinh, sp.acsch)
"""Branched functions by the axis their principal branch cut lies on (non-integer powers: real)."""


def on_cuts_exactly(expr: sp.Basic, digits: int) -> sp.Basic | None:
    """``expr`` (a number) where each branched function whose argument lies on the axis of its
    cut, to ``digits`` digits, has that argument as an exact number of the axis — proved exactly,
    so the principal branch is the value (log(1 + e^{log 2 + iπ}) is log(−1) = iπ, never a rounding
    error's −iπ); None when an argument is that close to its axis without being provably on it
    (which side of the cut it lies on is then unknown: never a counterexample)."""
    def visit(node: sp.Basic) -> sp.Basic:
        if node.is_Atom or not node.args:
            return node
        args = tuple(visit(a) for a in node.args)
        if args != node.args:
            node = node.func(*args)
        if isinstance(node, sp.Pow) and node.exp.is_integer is not True:
            return _pinned(node, node.base, "real", lambda a: sp.Pow(a, node.exp), digits)
        if isinstance(node, REAL_AXIS_CUTS) and len(node.args) == 1:
            return _pinned(node, node.args[0], "real", node.func, digits)
        if isinstance(node, IMAGINARY_AXIS_CUTS) and len(node.args) == 1:
            return _pinned(node, node.args[0], "imaginary", node.func, digits)
        return node

    try:
        return visit(expr)
    except _OffAxisUnknown:
        return None


class _OffAxisUnknown(Exception):
    """An argument within rounding of its cut's axis, not provably on it."""


def _pinned(node: sp.Basic, arg: sp.Basic, axis: str, rebuild, digits: int) -> sp.Basic:
    if arg.free_symbols or not arg.has(sp.I) or arg.has(sp.Integral, sp.Sum, sp.Product, sp.Limit):
        return node                           # real arithmetic is exact on the axis; unevaluated parts: later
    exact = sp.expand_complex(arg)
    part = sp.im(exact) if axis == "real" else sp.re(exact)
    if part != 0 and part.is_zero is not True:
        approx = arg.evalf(digits + 10, maxn=4 * digits + 100)
        re, im = approx.as_real_imag()
        if not (re.is_Number and im.is_Number):
            return node
        across = im if axis == "real" else re
        if abs(across) > sp.Float(10, 30) ** (10 - digits) * max(abs(re), abs(im), sp.Integer(1)):
            return node                       # clearly off the axis: evalf decides the side correctly
        if sp.simplify(part) != 0:
            raise _OffAxisUnknown
    on_axis = sp.re(exact) if axis == "real" else sp.I * sp.im(exact)
    return rebuild(on_axis)


def _fails(lhs: sp.Basic, rel: str, rhs: sp.Basic, point: dict, digits: int, real: bool = False) -> bool | None:
    """True if the relation fails at ``point`` (at this precision), False if it holds, None if unknown
    (with ``real``: also where a side is not real — outside what a document claims).  Sides that
    are exact rationals at the point are compared exactly (no margin: 1 ≠ 1 + 10⁻³⁰)."""
    if real and not _real_on_the_way(lhs, rhs, point, digits):
        return None              # √x √y at x = y = -1 is -1 only through i·i: before the exact comparison
    if not (_no_piece_lost(lhs, point, digits) and _no_piece_lost(rhs, point, digits)):
        return None              # (1 − β) Σ_k β^k at β = 1: 0·∞ is no value to compare
    exact = _exact_comparison(lhs, rel, rhs, point)
    if exact is not None:
        return exact
    left, right = value_at(lhs, point, digits), value_at(rhs, point, digits)
    if left is None or right is None:
        return None
    diff = value_at(lhs - rhs, point, digits)
    if diff is None:
        return None
    lre, lim = left.as_real_imag()
    rre, rim = right.as_real_imag()
    scale = max(abs(lre), abs(lim), abs(rre), abs(rim), sp.Integer(1))
    margin = RELATIVE_MARGIN * scale
    dre, dim = diff.as_real_imag()
    if rel == "==":
        if real and (abs(lim) > margin or abs(rim) > margin):
            return None
        return bool(abs(dre) > margin or abs(dim) > margin)
    if abs(lim) > margin or abs(rim) > margin:
        return None                       # an inequality between non-real values: not in its domain
    if rel == "<=":
        return bool(dre > margin)
    if rel == "<":
        if dre > margin:
            return True
        if abs(dre) <= margin:                 # equal sides fail a strict relation: only if exactly equal
            return _strictly_below(lhs, rhs, point, digits)
        return False
    raise ValueError(f"unknown relation {rel}")


def _exact_comparison(lhs: sp.Basic, rel: str, rhs: sp.Basic, point: dict) -> bool | None:
    """Whether the relation fails, when both sides are exact rational numbers at ``point``."""
    try:
        left, right = lhs.xreplace(point), rhs.xreplace(point)
    except (ZeroDivisionError, ValueError, TypeError):
        return None
    if not (left.is_Rational and right.is_Rational):
        return None
    fails = {"==": left != right, "<=": left > right, "<": left >= right}.get(rel)
    return None if fails is None else bool(fails)


def _real_on_the_way(lhs: sp.Basic, rhs: sp.Basic, point: dict, digits: int) -> bool:
    """Whether every logarithm and every root on the way is real at ``point``: a document speaks of
    real numbers, so exp(-log(-1) + 2 log 2) = -4, real only through a complex log, is outside what
    it claims.  (Pieces inside sums, whose bound variable has no value here, are not checked.)"""
    both = sp.Tuple(lhs, rhs)
    pieces = [(e.args[0], None) for e in both.atoms(sp.log)]                     # None: a logarithm
    pieces += [(e.base, e.exp) for e in both.atoms(sp.Pow) if not e.exp.is_Integer]
    for arg, power in pieces:
        at = arg.xreplace(point)
        if at.free_symbols or at.has(sp.Sum, sp.Product, sp.Derivative, sp.Limit, sp.Integral):
            continue
        value = value_at(at, {}, digits)
        if value is None:
            continue
        re, im = value.as_real_imag()
        if abs(im) > RELATIVE_MARGIN * max(abs(re), sp.Integer(1)):
            return False
        if power is None and re <= 0:
            return False
        if power is not None and re < 0:
            exponent = value_at(power.xreplace(point), {}, digits)
            if exponent is None or not exponent.is_Number or exponent != int(exponent):
                return False
    return True


def _strictly_below(lhs: sp.Basic, rhs: sp.Basic, point: dict, digits: int) -> bool | None:
    """For sides too close for the absolute margin: True (``<`` fails) when they are equal or the
    left is larger, False when the left is smaller, None when it cannot tell.

    The difference is evaluated with guaranteed relative accuracy: a difference that is large
    *relative to the sides* decides by its sign, whatever their size (sides near 1e-32 are not
    "equal").  Only a difference that vanishes to that accuracy may be called zero, and then only
    if an exact rewriting agrees — ``simplify`` alone is not trusted: it calls
    ``3 log(1 + e^{-145/2})/125 - log(1 + e^{-145/2}) log(e^{3/125} + e)`` zero."""
    work = digits + 20
    try:
        exact = (lhs - rhs).xreplace(point).doit()
        value = exact.evalf(work, maxn=10 * work)
        scale = max(abs(sp.N(side.xreplace(point).doit(), work)) for side in (lhs, rhs))
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    if not value.is_Number or not scale.is_Number:
        return None
    if value != 0 and getattr(value, "_prec", 2) > 1:
        re, im = value.as_real_imag()
        if im != 0:
            return None
        if abs(re) > sp.Float(10) ** (-digits) * scale:
            return bool(re > 0)
    try:
        return True if sp.expand(exact) == 0 or sp.simplify(exact) == 0 else None
    except (TypeError, ValueError, ZeroDivisionError):
        return None


def violation(lhs: sp.Basic, rel: str, rhs: sp.Basic, point: dict) -> bool:
    """A quick screen: does the relation seem to fail at ``point``?"""
    return _fails(lhs, rel, rhs, point, SCREEN_DIGITS) is True


def confirm(lhs: sp.Basic, rel: str, rhs: sp.Basic, point: dict, real: bool = False) -> int | None:
    """Re-check a failure at every confirmation precision; return the highest, or None.  With
    ``real``, a point where a side is not real never confirms."""
    for digits in CONFIRM_DIGITS:
        if _fails(lhs, rel, rhs, point, digits, real) is not True:
            return None
    return CONFIRM_DIGITS[-1]


def show(expr: sp.Basic, point: dict) -> str:
    """A side's value at ``point``: exact when short (``1/2``), else 30 significant digits."""
    try:
        value = expr.xreplace(point)
        if value.has(sp.Sum, sp.Product, sp.Derivative):
            value = value.doit()
    except (ZeroDivisionError, ValueError, TypeError):
        return "undefined"
    if value.is_Rational or (sp.count_ops(value) <= 6 and not value.has(sp.Float)):
        return str(value)
    return str(value.evalf(30))


def show_point(point: dict) -> tuple[tuple[str, str], ...]:
    """The point as sorted ``(name, exact value)`` pairs."""
    return tuple(sorted((str(k), str(v)) for k, v in point.items()))


class Screen:
    """A fast first look at many points: both sides compiled to mpmath at 30 digits.

    Only a screen: a point it flags is re-checked by ``confirm`` with exact substitution.  It
    falls back to the exact path when a side cannot be compiled (infinite sums, limits).
    """

    def __init__(self, lhs: sp.Basic, rel: str, rhs: sp.Basic, variables: list[sp.Basic]) -> None:
        self.lhs, self.rel, self.rhs = lhs, rel, rhs
        self.variables = list(variables)
        self._compiled = None
        if not sp.Tuple(lhs, rhs).has(sp.Sum, sp.Product, sp.Derivative, sp.Limit, sp.Integral):
            self._compiled = _compile(lhs, rhs, tuple(self.variables))

    def flags(self, point: dict) -> bool:
        """Whether the relation seems to fail at ``point`` (then ``confirm`` must re-check it)."""
        if self._compiled is None:
            return violation(self.lhs, self.rel, self.rhs, point)
        import mpmath
        with mpmath.workdps(SCREEN_DIGITS):
            try:
                args = [mpmath.mpmathify(sp.N(point[v], SCREEN_DIGITS)) if not point[v].is_Rational
                        else mpmath.mpf(int(point[v].p)) / int(point[v].q) for v in self.variables]
                left, right = self._compiled(*args)
                left, right = mpmath.mpmathify(left), mpmath.mpmathify(right)
            except Exception:  # noqa: BLE001 - undefined here (division by zero, domain error)
                return False
            if not (mpmath.isfinite(left) and mpmath.isfinite(right)):
                return False
            scale = max(abs(left), abs(right), 1)
            margin = mpmath.mpf("1e-20") * scale
            diff = left - right
            if self.rel == "==":
                # sides equal to 20 digits: exact rationals may still differ (1 vs 1 + 10⁻³⁰)
                return abs(diff) > margin or bool(_exact_comparison(self.lhs, self.rel, self.rhs, point))
            if abs(mpmath.im(left)) > margin or abs(mpmath.im(right)) > margin:
                return False
            if self.rel == "<=":
                return mpmath.re(diff) > margin or (abs(diff) <= margin and bool(
                    _exact_comparison(self.lhs, self.rel, self.rhs, point)))
            return mpmath.re(diff) > -margin        # "<": equality counts as a failure, confirm decides


@functools.lru_cache(maxsize=256)
def _compile(lhs: sp.Basic, rhs: sp.Basic, variables: tuple):
    """Both sides as one mpmath function of ``variables`` (None where lambdify cannot print them);
    cached: the searches and the audit screen the same instances."""
    stand_in = {v: sp.Dummy(f"v{n}") for n, v in enumerate(variables)}
    try:
        return sp.lambdify(list(stand_in.values()), [lhs.xreplace(stand_in), rhs.xreplace(stand_in)],
                           modules="mpmath")
    except Exception:  # noqa: BLE001 - anything lambdify cannot print goes the exact way
        return None
