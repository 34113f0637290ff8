"""The oracle's own evaluation: parse with SymPy's parser, substitute free names without touching
bound ones, expand sums with concrete limits by Karr's convention, and compare at high precision.

Nothing here uses softsym's parser, rewriting or numeric code.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping

import mpmath
import sympy as sp
from sympy.parsing.sympy_parser import parse_expr, standard_transformations

from .syntax import names

MAX_TERMS = 400
"""The most terms a concrete sum may expand to (more: the oracle does not evaluate it)."""

OPERATORS = ("==", "<=", ">=", "<", ">")


class Unchecked(Exception):
    """The oracle cannot evaluate something (the message says what); it never guesses."""


class Undefined(Unchecked):
    """A side has no real value at the point (division by zero, log of a negative, ...)."""


def _logsumexp(*args: sp.Expr) -> sp.Expr:
    return sp.log(sp.Add(*(sp.exp(a) for a in args)))


def _kept(build: Callable[..., sp.Expr]) -> Callable[..., sp.Expr]:
    """``build`` run without SymPy's evaluation (its structure is checked when evaluated)."""
    def unevaluated(*args: sp.Expr) -> sp.Expr:
        with sp.evaluate(False):
            return build(*args)
    return unevaluated


CONVENIENCES: dict[str, Callable[..., sp.Expr]] = {name: _kept(build) for name, build in {
    "sigmoid": lambda x: 1 / (1 + sp.exp(-x)),
    "softplus": lambda x: sp.log(1 + sp.exp(x)),
    "logit": lambda p: sp.log(p / (1 - p)),
    "log1p": lambda x: sp.log(1 + x),
    "expm1": lambda x: sp.exp(x) - 1,
    "logaddexp": _logsumexp,
    "logsumexp": _logsumexp,
}.items()}
"""The field's conveniences as their definitions (the README's), written here independently."""


def parse(text: str, bases: frozenset[str]) -> sp.Expr:
    """``text`` as a SymPy expression: ``bases`` are indexed families, every other identifier a plain
    symbol (no assumptions: the oracle only ever evaluates at numbers)."""
    local: dict[str, object] = {n: sp.IndexedBase(n) if n in bases else sp.Symbol(n)
                                for n in names(text) if n not in ("oo", "pi", "E")}
    local.update(CONVENIENCES)
    expr = parse_expr(text, local_dict=local, transformations=standard_transformations, evaluate=False)
    return expr.replace(lambda e: isinstance(e, sp.Derivative), lambda e: e.doit())


def split_relation(text: str) -> tuple[str, str, str]:
    """``"a <= b"`` → ``("a", "<=", "b")`` (the first operator outside brackets)."""
    depth = 0
    for k, char in enumerate(text):
        depth += char in "([{"
        depth -= char in ")]}"
        if depth:
            continue
        for op in OPERATORS:
            if text.startswith(op, k):
                return text[:k].strip(), op, text[k + len(op):].strip()
    raise ValueError(f"no relation in {text!r}")


Entry = Callable[[str, sp.Basic], sp.Basic]
"""Gives the value of ``base[index]`` for a concrete index."""


def at_point(expr: sp.Basic, values: Mapping[sp.Basic, sp.Basic], entry: Entry) -> sp.Basic:
    """``expr`` with its free names replaced by ``values`` and its entries by ``entry``, sums over
    concrete ranges written out (Karr's convention), evaluated bottom-up.

    Bound variables of sums, integrals and limits are never replaced (a limit of an inner sum may
    use an outer variable).  A node is evaluated only once its arguments are numbers, and only
    after ``check`` has made sure it is defined over the reals: SymPy would otherwise turn
    exp(-log(s)) into 1/s before knowing that s < 0.  Integrals and limits are settled as soon as
    they are over numbers.

    Raises:
        Undefined: a logarithm or a fractional power is undefined at the point.
        Unchecked: a sum has limits that are not integers, or too many terms.
    """
    if isinstance(expr, sp.Symbol):
        return values.get(expr, expr)
    if not expr.args:
        return expr
    if isinstance(expr, sp.Sum):
        return _sum_at(expr, values, entry)
    if isinstance(expr, sp.Product):
        raise Unchecked("products are not evaluated")
    if isinstance(expr, sp.Integral):
        var, *ends = expr.limits[-1]
        inner = {k: v for k, v in values.items() if k != var}
        body = sp.Integral(expr.function, *expr.limits[:-1]) if len(expr.limits) > 1 else expr.function
        integral = sp.Integral(at_point(body, inner, entry), (var, *(at_point(e, values, entry) for e in ends)))
        return integral if integral.free_symbols else settle_one(integral)
    if isinstance(expr, sp.Limit):
        function, var, point, direction = expr.args
        inner = {k: v for k, v in values.items() if k != var}
        limit = sp.Limit(at_point(function, inner, entry), var, at_point(point, values, entry), str(direction))
        return limit if limit.free_symbols else settle_one(limit)
    if isinstance(expr, sp.Indexed):
        indices = tuple(at_point(i, values, entry) for i in expr.indices)
        if all(i.is_number for i in indices):
            return entry(str(expr.base.label), indices[0] if len(indices) == 1 else indices)
        return expr.base[indices]
    args = tuple(at_point(a, values, entry) for a in expr.args)
    if any(a.free_symbols for a in args):
        return expr.func(*args, evaluate=False)
    check(expr.func, args)
    return expr.func(*args)


def _sum_at(expr: sp.Sum, values: Mapping[sp.Basic, sp.Basic], entry: Entry) -> sp.Basic:
    """A sum over a concrete range, term by term (its outermost limit first)."""
    *inner, (var, lower, upper) = expr.limits
    span, sign = karr_range(at_point(lower, values, entry), at_point(upper, values, entry))
    body = sp.Sum(expr.function, *inner) if inner else expr.function
    return sign * sp.Add(*(at_point(body, {**values, var: sp.Integer(v)}, entry) for v in span))


def check(func: type, args: tuple[sp.Basic, ...]) -> None:
    """Raise ``Undefined`` for a logarithm of a number that is not positive, or a fractional
    power of a negative number (undefined over the reals)."""
    if func is sp.log and args[0].is_extended_positive is False:
        raise Undefined(f"log({args[0]})")
    if func is sp.Pow and not args[1].is_integer and args[0].is_extended_negative:
        raise Undefined(f"({args[0]})**({args[1]})")
    if any(a.is_real is False for a in args if a.is_number and not a.has(sp.Integral, sp.Limit)):
        raise Undefined(f"a complex value in {func.__name__}{args}")


def karr_range(lower: sp.Basic, upper: sp.Basic) -> tuple[range, int]:
    """The integers a sum from ``lower`` to ``upper`` runs over, and the sign (Karr's convention:
    Σ_{k=a}^{b} = −Σ_{k=b+1}^{a−1} when b < a − 1, and 0 when b = a − 1)."""
    if not (lower.is_Integer and upper.is_Integer):
        raise Unchecked(f"a summation limit is not an integer: ({lower}, {upper})")
    a, b = int(lower), int(upper)
    span = range(a, b + 1) if b >= a else range(b + 1, a)
    if len(span) > MAX_TERMS:
        raise Unchecked(f"a sum of {len(span)} terms")
    return span, 1 if b >= a - 1 else -1


KINKS = (sp.Abs, sp.Max, sp.Min, sp.Piecewise, sp.sign, sp.Heaviside, sp.floor, sp.ceiling)
"""Functions that make an integrand non-smooth, where quadrature is unreliable."""


def settle(expr: sp.Basic) -> sp.Basic:
    """Integrals and limits (over numbers now) evaluated, innermost first: polynomial integrands
    and integrands with a kink by SymPy's ``integrate`` (other smooth ones are left to quadrature
    in ``number``); limits by SymPy's ``limit`` (with the numbers that do not involve the variable
    as signed symbols, which SymPy handles far faster)."""
    return expr.replace(lambda e: isinstance(e, (sp.Integral, sp.Limit)), settle_one)


def settle_one(e: sp.Integral | sp.Limit) -> sp.Basic:
    """One integral or limit over numbers (see ``settle``)."""
    if e.has(sp.zoo, sp.nan):
        raise Undefined(f"{e} has an undefined part")
    if isinstance(e, sp.Integral):
        return _integral(e)
    value = _generalized_limit(e)
    if value.has(sp.Limit, sp.AccumBounds) or not value.is_number:
        raise Unchecked(f"SymPy cannot evaluate {e}")
    return value


def _integral(e: sp.Integral) -> sp.Basic:
    var = e.limits[-1][0]
    if e.has(*KINKS) or e.function.is_polynomial(var):
        value = _sympy(e.doit, e)
        if not value.has(sp.Integral):
            return value
    return e                                             # left to quadrature (``number``)


def _generalized_limit(e: sp.Limit) -> sp.Basic:
    function, var, point, direction = e.args
    stand_ins: dict[sp.Basic, sp.Dummy] = {}

    def generalize(node: sp.Basic) -> sp.Basic:
        if node.is_number and not node.is_Rational and node.is_real and node.is_zero is False:
            return stand_ins.setdefault(node, sp.Dummy(positive=bool(node > 0), negative=bool(node < 0)))
        if not node.args or var not in node.free_symbols:
            return node
        return node.func(*(generalize(a) for a in node.args))

    general = sp.Limit(generalize(function), var, point, str(direction))
    value = _sympy(general.doit, e)
    return value.xreplace({d: n for n, d in stand_ins.items()})


def _sympy(evaluation: Callable[[], sp.Basic], e: sp.Basic) -> sp.Basic:
    """``evaluation()``, any SymPy failure reported as "unchecked"."""
    try:
        return evaluation()
    except Exception as exc:  # noqa: BLE001 - SymPy fails in many ways; the oracle then says "unchecked"
        raise Unchecked(f"SymPy cannot evaluate {e}: {type(exc).__name__}") from None


def number(expr: sp.Basic, digits: int) -> sp.Float:
    """``expr`` (free of symbols) to ``digits`` digits.

    Raises:
        Undefined: the value is infinite, undefined or not real.
    """
    if expr.free_symbols:
        raise Unchecked(f"free names without a value: {sorted(map(str, expr.free_symbols))}")
    if expr.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
        raise Undefined(f"{expr} is not finite")
    integrals = {i: _quadrature(i, digits + 10) for i in expr.atoms(sp.Integral)}
    value = sp.N(expr.xreplace(integrals) if integrals else expr, digits)
    if not value.is_Number:
        re, im = value.as_real_imag()
        if not (re.is_Number and im.is_Number) or abs(im) > sp.Float(10) ** (8 - digits) * max(1, abs(re)):
            raise Undefined(f"{expr} is not a real number")
        value = re
    if not value.is_finite:
        raise Undefined(f"{expr} is not finite")
    return value


def _quadrature(integral: sp.Integral, digits: int) -> sp.Float:
    """A smooth integral to ``digits`` digits by mpmath's tanh-sinh quadrature, or ``Unchecked``
    when its error estimate does not vouch for them."""
    var, lower, upper = integral.limits[-1]
    if len(integral.limits) > 1 or integral.function.has(sp.Integral):
        raise Unchecked(f"nested integral {integral}")
    try:
        f = sp.lambdify(var, integral.function, modules="mpmath")
        with mpmath.workdps(digits + 10):
            value, error = mpmath.quad(f, [mpmath.mpf(sp.N(lower, digits + 10)), mpmath.mpf(sp.N(upper, digits + 10))],
                                       error=True, maxdegree=12)
    except Exception as exc:  # noqa: BLE001 - an integrand mpmath cannot evaluate: no answer
        raise Unchecked(f"quadrature failed for {integral}: {type(exc).__name__}") from None
    if not mpmath.isfinite(value) or error > mpmath.mpf(10) ** (-digits) * max(1, abs(value)):
        raise Unchecked(f"quadrature cannot reach {digits} digits for {integral}")
    return sp.Float(value, digits)


def compare(left: sp.Float, op: str, right: sp.Float, digits: int) -> bool | None:
    """Whether ``left op right`` holds, judged at ``digits`` digits with a relative margin;
    None when a strict relation meets two values equal to within the margin."""
    difference = left - right
    margin = sp.Float(10, digits) ** (15 - digits) * max(1, abs(left), abs(right))
    if op == "==":
        return bool(abs(difference) <= margin)
    if op in ("<", ">"):
        signed = difference if op == "<" else -difference
        return True if bool(signed < -margin) else False if bool(signed > margin) else None
    signed = difference if op == "<=" else -difference
    return bool(signed <= margin)
