"""Limits with parameters decided by a small sound limit algebra, case by case on the order of
the parameters; refuted only at a concrete admissible point where the limit is evaluated exactly
and confirmed numerically.

The limit variable is first written as ``t → 0⁺`` (``T = t``, ``T = −t``, ``T = 1/t``, ``T = p ± t``).
:class:`Algebra` then evaluates the limit bottom-up by rules that hold for *every* value of the
parameters — never SymPy's generic value:

- sums, products, quotients, powers, ``exp``, ``log``, continuous functions: the limit of the
  parts, when no indeterminate form arises (a quotient needs a denominator with a nonzero limit,
  or tending to 0 from a known side);
- a finite ``Sum`` whose bounds do not depend on the variable: the sum of the summands' limits,
  each finite (computed once for a symbolic index: valid for each index);
- exponentials ``e^{α/t + r(t)}``: a sum of such terms is ``e^{α_max/t} · B`` with ``B``'s
  exponents ``(α_k − α_max)/t ≤ 0`` (dominant-term factoring), and ``log(e^{α/t} B) = α/t + log B``
  (exact for real α) — softmax, log-sum-exp and sigmoid limits in a temperature;
- ``0/0`` of two functions analytic at ``t = 0`` with the denominator's derivative nonzero there:
  the quotient of the derivatives at 0.

Whenever a rule needs the sign of a parameter expression SymPy cannot tell, it raises
:class:`NeedSign`; the driver then splits the parameter set into cases that cover it: an order
hypothesis ``x > e`` (``x ≥ e``) is the reparametrization ``x = e + s`` with ``s > 0`` (``s ≥ 0``),
a sign of ``c`` linear in an unconstrained real symbol gives the three cases ``c > 0``, ``c = 0``,
``c < 0``, and a nonnegative slack ``s`` gives ``s = 0`` and ``s > 0``.  The relation is proved only
when it is proved in every case.  A rule that cannot decide raises :class:`Unknown`: no verdict.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from ..deadline import Deadline, attempt
from ..domain import Domain
from ..numeric.admissible import admitted, required_symbols, with_eliminated
from ..numeric.evaluate import confirm, show, show_point
from ..numeric.sampling import candidate_points
from ..problem import Problem
from ..rewrite import canonical_dummies, evaluate_derivatives, internal
from ..verdict import Counterexample, Verdict, proved, refuted
from .exact_numeric import exact_numeric
from .rational_form import rational_form
from .simplify_difference import simplify_difference

name = "limit_algebra"


class NeedSign(Exception):
    """A rule needs the sign of ``expr`` (free of the variable), which is not known."""

    def __init__(self, expr: sp.Basic) -> None:
        super().__init__(str(expr))
        self.expr = expr


class Unknown(Exception):
    """No rule decides this limit."""


@dataclass(frozen=True)
class Lim:
    """A limit: a finite value free of the variable, or ``±oo``; for a value 0, ``side`` is +1 / −1
    when the expression is eventually positive / negative, 0 when that is not known."""

    value: sp.Basic
    side: int = 0

    @property
    def infinite(self) -> int:
        return 1 if self.value == sp.oo else (-1 if self.value == -sp.oo else 0)


def sign_of(c: sp.Basic) -> int:
    """The sign of ``c`` for every value of its symbols, or :class:`NeedSign`."""
    if c.is_zero:
        return 0
    if c.is_positive:
        return 1
    if c.is_negative:
        return -1
    if not c.free_symbols and c.is_real:
        value = sp.N(c, 50)
        if value.is_Number and abs(value) > sp.Float("1e-40"):
            return 1 if value > 0 else -1
    raise NeedSign(c)


CONTINUOUS = (sp.sin, sp.cos, sp.tanh, sp.sinh, sp.cosh, sp.atan, sp.erf, sp.Abs)
MAX_DEPTH = 60


@dataclass
class Algebra:
    """The limit of an expression in ``t`` as ``t → 0⁺``."""

    t: sp.Symbol
    depth: int = 0
    rewrites: int = field(default=0)

    def lim(self, e: sp.Basic) -> Lim:
        self.depth += 1
        if self.depth > MAX_DEPTH * 20:
            raise Unknown("too deep")
        t = self.t
        if t not in e.free_symbols:
            if e.has(sp.oo, -sp.oo, sp.zoo, sp.nan, sp.Limit, sp.Integral, sp.Derivative):
                raise Unknown(str(e))
            return Lim(e)
        if e == t:
            return Lim(sp.Integer(0), 1)
        if isinstance(e, sp.Add):
            return self._add(e)
        if isinstance(e, sp.Mul):
            return self._mul(e)
        if isinstance(e, sp.Pow):
            return self._pow(e)
        if isinstance(e, sp.exp):
            return self._exp(e)
        if isinstance(e, sp.log):
            return self._log(e)
        if isinstance(e, sp.Sum):
            return self._sum(e)
        if isinstance(e, (sp.Max, sp.Min)) or (isinstance(e, CONTINUOUS) and len(e.args) == 1):
            parts = [self.lim(a) for a in e.args]
            if any(p.infinite for p in parts) or not all(p.value.is_real for p in parts):
                raise Unknown(str(e))
            return Lim(e.func(*[p.value for p in parts]))
        raise Unknown(str(e))

    # sums -----------------------------------------------------------------------------------
    def _add(self, e: sp.Add) -> Lim:
        alpha, rest = self.dominant(e)
        if alpha != 0:                                   # e^{α/t}·B, B balanced
            return self._scaled(alpha, rest)
        parts = [self.lim(a) for a in e.args]
        signs = {p.infinite for p in parts} - {0}
        if len(signs) == 2:
            raise Unknown(f"∞ − ∞ in {e}")
        if signs:
            return Lim(sp.oo if signs == {1} else -sp.oo)
        value = sp.Add(*[p.value for p in parts])
        side = 0
        if all(p.value == 0 for p in parts):
            sides = {p.side for p in parts}
            side = sides.pop() if len(sides) == 1 else 0
        return Lim(value, side)

    # products -------------------------------------------------------------------------------
    def _mul(self, e: sp.Mul) -> Lim:
        alpha, rest = self.dominant(e)
        if alpha != 0 or rest != e:
            return self._scaled(alpha, rest)
        unfolded = [self._unfolded_log(f) for f in e.args]
        if any(u is not None for u in unfolded):        # t·log(e^{a/t} + e^{b/t}) = a + t·log(1 + e^{(b−a)/t})
            self.rewrites += 1
            if self.rewrites > 8:
                raise Unknown("too many rewrites")
            factors = [f if u is None else u for f, u in zip(e.args, unfolded, strict=True)]
            return self.lim(sp.expand(sp.Mul(*factors), power_exp=False, power_base=False, log=False,
                                      multinomial=False, deep=False))
        parts = [self.lim(f) for f in e.args]
        infinite = [p for p in parts if p.infinite]
        zero = [p for p in parts if not p.infinite and p.value.is_zero]
        if infinite and zero:
            return self._indeterminate(e)
        if infinite:
            sign = 1
            for p in parts:
                sign *= p.infinite if p.infinite else sign_of(p.value)
            if sign == 0:
                return self._indeterminate(e)
            return Lim(sp.oo if sign > 0 else -sp.oo)
        value = sp.Mul(*[p.value for p in parts])
        side = 0
        if zero:
            side = 1
            for p in parts:
                if p.value.is_zero:
                    side *= p.side
                else:
                    try:
                        side *= sign_of(p.value)
                    except NeedSign:
                        side = 0
            side = side if len(zero) == len([p for p in parts if p.value.is_zero]) else 0
        return Lim(value, side)

    def _unfolded_log(self, f: sp.Basic) -> sp.Basic | None:
        """``log(e^{α/t} B)`` as ``α/t + log B`` (α real), else None."""
        if not isinstance(f, sp.log):
            return None
        alpha, rest = self.dominant(f.args[0])
        if alpha == 0 or alpha.is_real is not True:
            return None
        return alpha / self.t + sp.log(rest)

    def _indeterminate(self, e: sp.Basic) -> Lim:
        """0·∞: distribute a product over a sum, else the quotient of two analytic functions."""
        self.rewrites += 1
        if self.rewrites > 8:
            raise Unknown("too many rewrites")
        expanded = sp.expand(e, power_exp=False, power_base=False, log=False, multinomial=False, deep=False)
        if expanded != e:
            try:
                return self.lim(expanded)
            except Unknown:
                pass                                    # (e^{at} − 1)/t: ∞ − ∞ once distributed
        num, den = sp.fraction(sp.together(e))
        if den == 1:
            den_parts = [f for f in sp.Mul.make_args(e) if self.t in f.free_symbols]
            raise Unknown(f"0·∞ in {e} ({len(den_parts)} parts)")
        return self._analytic_ratio(num, den)

    def _analytic_ratio(self, num: sp.Basic, den: sp.Basic) -> Lim:
        """f/g with f, g analytic at t = 0 and f(0) = g(0) = 0: f'(0)/g'(0) when g'(0) ≠ 0 (Taylor);
        up to the third derivative."""
        t = self.t
        for _ in range(3):
            f0, g0 = self.analytic_value(num), self.analytic_value(den)
            if f0 is None or g0 is None:
                raise Unknown("not analytic at 0")
            gs = sign_of(g0)
            if gs != 0:
                return Lim(f0 / g0)
            if sign_of(f0) != 0:
                raise Unknown("c/0")
            num, den = sp.diff(num, t), sp.diff(den, t)
        raise Unknown("order too high")

    def analytic_value(self, e: sp.Basic) -> sp.Basic | None:
        """The value at t = 0 when ``e`` is analytic in a neighbourhood of t = 0 (built from t,
        constants, +, ×, integer powers of nonzero bases, exp, log of positive values, finite sums),
        else None."""
        t = self.t
        if t not in e.free_symbols:
            return None if e.has(sp.oo, sp.zoo, sp.nan, -sp.oo, sp.Limit) else e
        if e == t:
            return sp.Integer(0)
        if isinstance(e, (sp.Add, sp.Mul)):
            values = [self.analytic_value(a) for a in e.args]
            return None if any(v is None for v in values) else e.func(*values)
        if isinstance(e, sp.exp):
            v = self.analytic_value(e.args[0])
            return None if v is None else sp.exp(v)
        if isinstance(e, sp.log):
            v = self.analytic_value(e.args[0])
            return sp.log(v) if v is not None and sign_of(v) > 0 else None
        if isinstance(e, sp.Pow):
            if t in e.exp.free_symbols:
                return self.analytic_value(sp.exp(e.exp * sp.log(e.base)))
            v = self.analytic_value(e.base)
            if v is None:
                return None
            if e.exp.is_Integer and (e.exp >= 0 or sign_of(v) != 0):
                return v ** e.exp
            return v ** e.exp if sign_of(v) > 0 else None
        if isinstance(e, sp.Sum):
            if not _finite_range(e, t):
                return None
            v = self.analytic_value(e.function)
            return None if v is None else sp.Sum(v, *e.limits).doit()
        return None

    # powers, exp, log -------------------------------------------------------------------------
    def _pow(self, e: sp.Pow) -> Lim:
        base, ex = e.args
        if self.t in ex.free_symbols:
            if sign_of(self.lim(base).value) <= 0 if not self.lim(base).infinite else False:
                raise Unknown("power of a non-positive base")
            return self._exp(sp.exp(ex * sp.log(base)))
        alpha, rest = self.dominant(e)
        if alpha != 0 or rest != e:
            return self._scaled(alpha, rest)
        b = self.lim(base)
        integer = ex.is_Integer
        if b.infinite:
            s = sign_of(ex)
            if s == 0:
                return Lim(sp.Integer(1))
            if b.infinite < 0 and not integer:
                raise Unknown("non-integer power of a negative quantity")
            odd = -1 if (b.infinite < 0 and ex % 2 == 1) else 1
            return Lim(sp.oo * odd) if s > 0 else Lim(sp.Integer(0), odd)
        sb = sign_of(b.value)
        if sb != 0:
            if sb < 0 and not integer:
                raise Unknown("non-integer power of a negative value")
            return Lim(b.value ** ex)
        s = sign_of(ex)
        if s == 0:
            return Lim(sp.Integer(1))
        if b.side == 0 or (b.side < 0 and not integer):
            raise Unknown("power of a quantity tending to 0 from an unknown side")
        side = -1 if (b.side < 0 and ex % 2 == 1) else 1
        return Lim(sp.Integer(0), side) if s > 0 else Lim(sp.oo * side)

    def _exp(self, e: sp.exp) -> Lim:
        g = self.lim(e.args[0])
        if g.infinite > 0:
            return Lim(sp.oo)
        if g.infinite < 0:
            return Lim(sp.Integer(0), 1)
        return Lim(sp.exp(g.value))

    def _log(self, e: sp.log) -> Lim:
        arg = e.args[0]
        alpha, rest = self.dominant(arg)
        if alpha != 0:                                      # log(e^{α/t} B) = α/t + log B, α real
            if alpha.is_real is not True:
                raise Unknown("complex exponent")
            return self.lim(alpha / self.t + sp.log(rest))
        a = self.lim(arg)
        if a.infinite > 0:
            return Lim(sp.oo)
        if a.infinite < 0:
            raise Unknown("log of −∞")
        s = sign_of(a.value)
        if s > 0:
            return Lim(sp.log(a.value))
        if s == 0 and a.side > 0:
            return Lim(-sp.oo)
        raise Unknown("log of a value that is not positive")

    def _sum(self, e: sp.Sum) -> Lim:
        if not _finite_range(e, self.t):
            raise Unknown("a bound depends on the variable or is infinite")
        alpha, _ = self.dominant(e)
        if alpha != 0:
            raise Unknown("a sum of diverging exponentials")
        inner = self.lim(e.function)
        if inner.infinite:
            raise Unknown("an infinite summand")
        return Lim(sp.Sum(inner.value, *e.limits).doit())

    def _scaled(self, alpha: sp.Basic, rest: sp.Basic) -> Lim:
        """The limit of e^{α/t}·rest."""
        r = self.lim(rest)
        s = sign_of(alpha) if alpha != 0 else 0
        if s == 0:
            return r
        if r.infinite:
            if s > 0:
                return r
            raise Unknown("0·∞ (exponential against a diverging factor)")
        rs = sign_of(r.value)
        if s > 0:
            if rs == 0:
                raise Unknown("∞·0")
            return Lim(sp.oo * rs)
        return Lim(sp.Integer(0), rs)

    # dominant exponentials -------------------------------------------------------------------
    def dominant(self, e: sp.Basic) -> tuple[sp.Basic, sp.Basic]:
        """(α, B) with ``e = e^{α/t}·B`` exactly, α free of t, and the exponentials of B without a
        1/t part, or a sum's terms scaled by e^{(α_k − α)/t} with every α_k − α ≤ 0."""
        t = self.t
        if t not in e.free_symbols:
            return sp.Integer(0), e
        if isinstance(e, sp.exp):
            g = sp.expand(e.args[0])
            alpha = sp.Add(*[a.as_independent(t, as_Add=False)[0] for a in sp.Add.make_args(g)
                             if a.as_independent(t, as_Add=False)[1] == 1 / t])
            if alpha.is_real is not True and alpha != 0:
                return sp.Integer(0), e
            return alpha, sp.exp(sp.expand(g - alpha / t))
        if isinstance(e, sp.Mul):
            pairs = [self.dominant(f) for f in e.args]
            return sp.Add(*[a for a, _ in pairs]), sp.Mul(*[b for _, b in pairs])
        if isinstance(e, sp.Pow) and t not in e.exp.free_symbols and e.exp.is_real:
            alpha, rest = self.dominant(e.base)
            return (alpha * e.exp, rest ** e.exp) if alpha != 0 else (sp.Integer(0), e)
        if isinstance(e, sp.Add):
            pairs = [self.dominant(a) for a in e.args]
            alphas = [a for a, _ in pairs]
            if all(a == 0 for a in alphas):
                return sp.Integer(0), e
            top = None
            for m, am in enumerate(alphas):
                if all((ak - am).is_nonpositive or ak == am for ak in alphas):
                    top = m
                    break
            if top is None:
                for am in alphas:
                    for ak in alphas:
                        d = sp.expand(ak - am)
                        if d != 0 and not (d.is_nonpositive or d.is_nonnegative):
                            raise NeedSign(d)
                raise Unknown("no dominant term")
            am = alphas[top]
            terms = [sp.exp(sp.expand(ak - am) / t) * b if ak != am else b for ak, b in pairs]
            return am, sp.Add(*terms)
        if isinstance(e, sp.Sum):
            alpha, _ = self.dominant(e.function)
            if alpha != 0:
                raise Unknown("a sum of exponentials over a symbolic range")
            return sp.Integer(0), e
        return sp.Integer(0), e


def _finite_range(e: sp.Sum, t: sp.Symbol) -> bool:
    """Every bound is free of the variable and finite: a finite sum for each value of the bounds."""
    return all(t not in b.free_symbols and not b.has(sp.oo, -sp.oo, sp.zoo) for lim in e.limits for b in lim[1:])


# --- the limit variable as t → 0⁺ ----------------------------------------------------------

def in_t(node: sp.Limit) -> list[tuple[sp.Basic, sp.Symbol]]:
    """The expression of ``node`` as functions of t → 0⁺ (two for a two-sided limit)."""
    expr, var, point, direction = node.args
    t = sp.Dummy("t", positive=True)
    expr = evaluate_derivatives(expr)
    if point == sp.oo:
        subs = [1 / t]
    elif point == -sp.oo:
        subs = [-1 / t]
    elif point.is_real and point.is_finite is not False:
        d = str(direction)
        subs = {"+": [point + t], "-": [point - t]}.get(d, [point + t, point - t])
    else:
        raise Unknown("limit point")
    return [(expr.xreplace({var: s}), t) for s in subs]


def limit_of(node: sp.Limit) -> Lim:
    """The limit of ``node`` by the algebra, valid for every value of its parameters."""
    values = []
    for e, t in in_t(node):
        values.append(Algebra(t).lim(e))
    if len(values) == 2 and sp.simplify(values[0].value - values[1].value) != 0 \
            and values[0].value != values[1].value:
        raise Unknown("one-sided limits differ or cannot be compared")
    return values[0]


# --- cases on the order of the parameters ---------------------------------------------------

_ORDER = (sp.StrictLessThan, sp.LessThan, sp.StrictGreaterThan, sp.GreaterThan)


@dataclass(frozen=True)
class Case:
    """Original symbols written through fresh ones (``b = a − s₁``); the hypotheses not used."""

    subst: tuple[tuple[sp.Symbol, sp.Basic], ...]
    rest: tuple[sp.Basic, ...]
    label: tuple[str, ...] = ()

    def apply(self, expr: sp.Basic) -> sp.Basic:
        return expr.xreplace(dict(self.subst)) if self.subst else expr

    def then(self, x: sp.Symbol, value: sp.Basic, label: str) -> Case:
        mapping = {k: v.xreplace({x: value}) for k, v in self.subst}
        if x not in mapping:
            mapping[x] = value
        return Case(tuple(mapping.items()), tuple(g.xreplace({x: value}) for g in self.rest), self.label + (label,))


def _eliminable(x: sp.Basic) -> bool:
    return isinstance(x, sp.Symbol) and x.is_real is True and not x.is_integer


def order_case(domain: Domain) -> Case:
    """Order hypotheses between real symbols as slacks: ``x > e`` is ``x = e + s`` (s > 0), one
    hypothesis per eliminated symbol, a symbol eliminated only when no other remaining hypothesis
    mentions it (so the parametrization covers the hypotheses' set)."""
    case = Case((), tuple(domain.given))
    for g in domain.given:                      # x == e: substitute (the other hypotheses follow)
        if isinstance(g, sp.Eq) and g in case.rest:
            for x, other in ((g.lhs, g.rhs), (g.rhs, g.lhs)):
                if isinstance(x, sp.Symbol) and x not in other.free_symbols and not other.has(sp.Limit) \
                        and (x.is_real is not True or other.is_real is True):
                    case = Case(case.subst, tuple(h for h in case.rest if h is not g), case.label).then(
                        x, other, f"{x} = {other}")
                    break
    changed = True
    while changed:
        changed = False
        for g in case.rest:
            if not isinstance(g, _ORDER):
                continue
            small, large = (g.lhs, g.rhs) if isinstance(g, (sp.StrictLessThan, sp.LessThan)) else (g.rhs, g.lhs)
            strict = isinstance(g, (sp.StrictLessThan, sp.StrictGreaterThan))
            others = [h for h in case.rest if h is not g]
            for x, other, sign in ((large, small, 1), (small, large, -1)):
                if not _eliminable(x) or x in other.free_symbols or other.is_real is not True:
                    continue
                if any(x in h.free_symbols for h in others) or other.has(sp.Indexed, sp.Sum, sp.Limit):
                    continue
                s = internal("s", **({"positive": True} if strict else {"nonnegative": True}))
                label = f"{g} as {x} = {other} {'+' if sign > 0 else '-'} {s}"
                case = Case(case.subst, tuple(others), case.label).then(x, other + sign * s, label)
                changed = True
                break
            if changed:
                break
    return case


def split(case: Case, c: sp.Basic, free: set | None = None) -> list[Case] | None:
    """Cases covering every value for a sign question on ``c``, or None.  ``free``: the symbols
    free in the relation (in this case); a sign question on a bound variable — a sum's index, an
    outer limit's variable — has no case split (``m = k`` for every index k at once, or the outer
    variable replaced by a value, would not cover the parameters)."""
    c = sp.expand(c)
    if free is not None and not c.free_symbols <= free:
        return None
    for x in sorted(c.free_symbols, key=str):
        if not _eliminable(x) or any(getattr(x, f"is_{k}") is not None
                                     for k in ("positive", "negative", "nonnegative", "nonpositive", "zero")):
            continue
        coeff = c.coeff(x)
        rest = sp.expand(c - coeff * x)
        if coeff.is_number and coeff != 0 and x not in rest.free_symbols:
            s = internal("g", positive=True)
            return [case.then(x, (gap - rest) / coeff, f"{c} {rel} 0")
                    for gap, rel in ((s, ">"), (sp.Integer(0), "="), (-s, "<"))]
    positive = [x for x in sorted(c.free_symbols, key=str) if isinstance(x, sp.Symbol) and x.is_positive
                and not x.is_integer and c.coeff(x).is_number]
    if len(positive) == 2 and sp.expand(c - sum(c.coeff(x) * x for x in positive)) == 0:
        (x, y), (p, q) = positive, [c.coeff(x) for x in positive]
        if p * q < 0:                                    # p x + q y, both positive: x vs y (−q/p)·y
            if p < 0:
                (x, p), (y, q) = (y, q), (x, p)
            g = internal("g", positive=True)
            return [case.then(x, (-q * y + g) / p, f"{c} > 0"), case.then(x, -q * y / p, f"{c} = 0"),
                    case.then(y, (p * x + g) / -q, f"{c} < 0")]
    for x in sorted(c.free_symbols, key=str):
        if isinstance(x, sp.Symbol) and x.is_nonnegative and x.is_positive is None and not x.is_integer:
            p = internal("p", positive=True)
            return [case.then(x, sp.Integer(0), f"{x} = 0"), case.then(x, p, f"{x} > 0")]
    return None


MAX_CASES = 27


def _case_domain(problem: Problem, case: Case) -> Domain:
    gone = {k for k, _ in case.subst}
    bounds = tuple(b for b in problem.domain.bounds
                   if b.symbol not in gone and not any(e is not None and e.free_symbols & gone
                                                       for e in (b.lower, b.upper)))
    return Domain(problem.domain.symbols, problem.domain.indexed, bounds, case.rest)


def _evaluated(expr: sp.Basic) -> sp.Basic:
    """The limits replaced by their values, bound variables renamed canonically (a sum taken out of
    a limit is one level less deep)."""
    return canonical_dummies(expr.replace(lambda e: isinstance(e, sp.Limit), lambda e: limit_of(e).value))


def _decide_case(problem: Problem, case: Case, lhs: sp.Basic, rhs: sp.Basic, deadline: Deadline) -> str | None:
    """How the relation holds in ``case`` once the limits are values, or None."""
    infinities = (sp.oo, -sp.oo)
    if lhs.has(*infinities) or rhs.has(*infinities):
        if lhs.has(sp.zoo, sp.nan) or rhs.has(sp.zoo, sp.nan):
            return None
        if not ((lhs in infinities or not lhs.has(*infinities)) and (rhs in infinities or not rhs.has(*infinities))):
            return None
        finite_ok = lambda v: v in infinities or v.is_finite is True  # noqa: E731
        if not (finite_ok(lhs) and finite_ok(rhs)):
            return None
        if problem.rel == "==":
            return "both sides infinite of one sign" if lhs == rhs else None
        if lhs == -sp.oo or rhs == sp.oo:
            if problem.rel == "<" and lhs == rhs:
                return None
            return "an infinite side on the right order"
        return None
    evaluated = problem.replaced(lhs, rhs, _case_domain(problem, case))
    for strategy in (exact_numeric, rational_form, simplify_difference):
        verdict = attempt(deadline, lambda s=strategy: s(evaluated, deadline), None)
        if verdict is not None and verdict.status.is_proved:
            return verdict.message
        if verdict is not None:
            return None
    if problem.rel in ("<=", "<"):
        gap = attempt(deadline, lambda: sp.simplify(rhs - lhs), None)
        if gap is not None and (gap.is_positive or (problem.rel == "<=" and gap.is_nonnegative)):
            return f"rhs - lhs = {gap} is {'> 0' if problem.rel == '<' else '>= 0'}"
    return None


def _prove(problem: Problem, deadline: Deadline) -> tuple[Verdict | None, list[Case]]:
    """A proof over cases, or None with the cases whose relation failed (points to try)."""
    queue = [order_case(problem.domain)]
    done: list[str] = []
    failed: list[Case] = []
    count = 0
    proof_ok = True
    while queue:
        if deadline.expired():
            return None, failed
        case = queue.pop(0)
        count += 1
        if count > MAX_CASES:
            return None, failed
        try:
            lhs = _evaluated(case.apply(problem.lhs))
            rhs = _evaluated(case.apply(problem.rhs))
        except NeedSign as need:
            free = sp.Tuple(case.apply(problem.lhs), case.apply(problem.rhs)).free_symbols
            more = split(case, need.expr, free)
            if more is None:
                proof_ok = False
                failed.append(case)
                continue
            queue.extend(more)
            continue
        except (Unknown, ValueError, TypeError, NotImplementedError, ZeroDivisionError, AttributeError):
            return None, failed
        how = _decide_case(problem, case, lhs, rhs, deadline)
        if how is None:
            proof_ok = False
            failed.append(case)
            continue
        where = "; ".join(case.label) or "every case"
        done.append(f"{where}: the limit algebra gives {lhs} {problem.rel} {rhs}; {how}")
    if not proof_ok:
        return None, failed
    return proved(name, " | ".join(done), tuple(done)), failed


# --- refutation at a concrete point ---------------------------------------------------------

def _concrete_limit(node: sp.Limit) -> sp.Basic | None:
    """The value of a limit without parameters: by the algebra (or SymPy), confirmed by evaluating
    the expression ever closer to the limit point; None when not confirmed."""
    from .limits import _approaches, _one_limit
    if node.free_symbols:
        return None
    try:
        value = limit_of(node).value
    except (NeedSign, Unknown, ValueError, TypeError, NotImplementedError, ZeroDivisionError, AttributeError):
        try:
            value = _one_limit(node)
        except (ValueError, TypeError, NotImplementedError, ZeroDivisionError, AttributeError):
            return None
        if value.has(sp.Limit) or value.free_symbols:
            return None
    if value in (sp.oo, -sp.oo):
        return value if _diverges(node, 1 if value == sp.oo else -1) else None
    if not value.is_number or value.is_real is not True:
        return None
    return value if _approaches(node, value) else None


def _diverges(node: sp.Limit, sign: int, digits: int = 50) -> bool:
    """The expression, at two points ever closer to the limit point, has the given sign, grows in
    size, and exceeds 10⁴ at the closer one."""
    import mpmath
    samples = []
    for e, t in in_t(node):
        if e.free_symbols - {t}:
            return False
        f = sp.lambdify(t, e, modules="mpmath")
        with mpmath.workdps(digits):
            values = []
            for k in (6, 12):
                try:
                    v = f(mpmath.mpf(10) ** -k)
                except (ZeroDivisionError, ValueError, OverflowError, TypeError):
                    return False
                v = mpmath.mpmathify(v)
                if not isinstance(v, mpmath.mpf) or not mpmath.isfinite(v):
                    return False
                values.append(v)
            samples.append(values)
    return all(v1 * sign > 0 and v2 * sign > 0 and abs(v2) > abs(v1) and abs(v2) > 10**4 for v1, v2 in samples)


def _fails(rel: str, left: sp.Basic, right: sp.Basic, real: bool) -> int | None:
    infinities = (sp.oo, -sp.oo)
    if left in infinities or right in infinities:
        for v in (left, right):
            if v not in infinities and not (v.is_number and v.is_real and v.is_finite):
                return None
        holds = {"==": sp.Eq, "<=": sp.Le, "<": sp.Lt}[rel](left, right)
        return 50 if holds is sp.false else None
    if left.has(sp.Limit) or right.has(sp.Limit):
        return None
    return confirm(left, rel, right, {}, real)


def _case_points(problem: Problem, cases: list[Case]) -> list[dict]:
    """Points of the original symbols inside each case: slacks 1 (or 0 where nonnegative), other
    fresh or free symbols 0, then 1."""
    out = []
    originals = sorted({s for s in problem.free_symbols if isinstance(s, sp.Symbol)}, key=str)
    for case in cases:
        fresh = sorted({s for _, v in case.subst for s in v.free_symbols} - set(originals), key=str)
        for base in (0, 1):
            values = {s: (sp.Integer(1) if s.is_positive else sp.Integer(base)) if s.is_nonnegative
                      else sp.Integer(base) for s in fresh}
            point = {x: sp.Integer(base) for x in originals}
            point.update({x: sp.nsimplify(v.xreplace(values).xreplace(point)) for x, v in case.subst})
            out.append(point)
    return out


def _refute(problem: Problem, deadline: Deadline, cases: list[Case]) -> Verdict | None:
    from ..dimensions import SIZES  # noqa: F401 - dimensions imports numeric late
    from .numeric_counterexample import _variables, concrete_problems
    domain = problem.domain
    required = required_symbols(domain)
    tried = 0
    for fixed, left, right in concrete_problems(problem, problem.lhs, problem.rhs, (1, 2, 3), 8):
        if deadline.expired():
            return None
        variables = _variables(sp.Tuple(left, right))
        variables += sorted(required - set(variables) - set(fixed), key=str)
        points = [p for p in _case_points(problem, cases) if all(v in p for v in variables)] if not fixed else []
        points += list(candidate_points(variables, domain, "limit-algebra" + problem.key(), 24, [], fixed))
        for point in points:
            if deadline.expired() or tried > 60:
                return None
            tried += 1
            full = attempt(deadline, lambda: admitted(with_eliminated({**fixed, **point}, domain), domain, required),
                           None)
            if full is None:
                continue
            at = {k: v for k, v in point.items() if k in variables}
            sides = []
            for side in (left, right):
                value = attempt(deadline, lambda s=side: _with_limits(s.xreplace(at)), None)
                sides.append(value)
            if any(v is None for v in sides):
                continue
            digits = attempt(deadline, lambda: _fails(problem.rel, sides[0], sides[1], problem.real_values), None)
            if digits is None:
                continue
            shown = problem.shown or (problem.lhs, problem.rel, problem.rhs)
            lv, rv = show(sides[0], {}), show(sides[1], {})
            flipped = shown[1] in (">=", ">")
            from .numeric_counterexample import shown_part
            core = set(at) | set(fixed)
            cex = Counterexample(show_point(shown_part(full, core, domain)), rv if flipped else lv,
                                 lv if flipped else rv, digits)
            return refuted(name, cex, "the limit at a concrete point inside the assumptions, evaluated exactly and "
                                      "confirmed by evaluating ever closer to the limit point: the relation fails at "
                                      f"{cex.describe()}")
    return None


def _numerically_consistent(problem: Problem, deadline: Deadline, points: int = 3) -> bool | None:
    """False when, at an admissible point, the algebra's value of a limit is not what the expression
    approaches numerically (a proof is then withheld); None when nothing could be checked."""
    from .limits import _approaches
    from .numeric_counterexample import _variables, concrete_problems
    domain = problem.domain
    required = required_symbols(domain)
    checked = 0
    for fixed, left, right in concrete_problems(problem, problem.lhs, problem.rhs, (1, 2, 3), 2):
        variables = _variables(sp.Tuple(left, right))
        variables += sorted(required - set(variables) - set(fixed), key=str)
        for point in candidate_points(variables, domain, "limit-audit" + problem.key(), 12, [], fixed):
            if deadline.expired() or checked >= points:
                return None if not checked else True
            full = attempt(deadline, lambda: admitted(with_eliminated({**fixed, **point}, domain), domain, required),
                           None)
            if full is None:
                continue
            at = {k: v for k, v in point.items() if k in variables}
            complete = True                   # a point counts only when every limit there was compared
            for node in sp.Tuple(left, right).xreplace(at).atoms(sp.Limit):
                if node.free_symbols:
                    complete = False
                    continue
                try:
                    value = limit_of(node).value
                except (NeedSign, Unknown, ValueError, TypeError, NotImplementedError, ZeroDivisionError):
                    complete = False
                    continue
                ok = _diverges(node, 1 if value == sp.oo else -1) if value in (sp.oo, -sp.oo) \
                    else (_approaches(node, value) or _at_noise_level(node, value))
                if not ok:
                    return False
            checked += complete
    return True if checked else None


def _at_noise_level(node: sp.Limit, value: sp.Basic, digits: int = 50) -> bool:
    """The expression within 10⁻³⁰ (relative above 1) of ``value`` at both sample points (an
    expression constant up to rounding, which ``_approaches`` wants to see decrease)."""
    import mpmath
    for e, t in in_t(node):
        if e.free_symbols - {t}:
            return False
        f = sp.lambdify(t, e, modules="mpmath")
        with mpmath.workdps(digits):
            target = mpmath.mpf(sp.N(value, digits))
            for k in (6, 12):
                try:
                    v = mpmath.mpmathify(f(mpmath.mpf(10) ** -k))
                except (ZeroDivisionError, ValueError, OverflowError, TypeError):
                    return False
                if not isinstance(v, mpmath.mpf) or abs(v - target) > mpmath.mpf(10) ** -30 * max(1, abs(target)):
                    return False
    return True


def _with_limits(expr: sp.Basic) -> sp.Basic | None:
    values = {}
    for node in expr.atoms(sp.Limit):
        value = _concrete_limit(node)
        if value is None:
            return None
        values[node] = value
    out = expr.xreplace(values)
    if out.has(sp.Sum):
        out = out.doit()
    return out if not out.free_symbols else None


# --- the strategy ---------------------------------------------------------------------------

def limit_algebra(problem: Problem, deadline: Deadline) -> Verdict | None:
    """Prove a relation with parametric limits case by case, or refute it at a concrete point."""
    both = sp.Tuple(problem.lhs, problem.rhs)
    nodes = both.atoms(sp.Limit)
    if not nodes or not any(n.free_symbols or n.has(sp.Sum, sp.Indexed) for n in nodes):
        return None
    budget = deadline.sooner(max(deadline.remaining() * 0.4, 0.3))
    found = attempt(budget, lambda: _prove(problem, budget), None)
    verdict, cases = found if found is not None else (None, [])
    if verdict is not None:
        checked = attempt(deadline.sooner(max(deadline.remaining() * 0.3, 0.3)),
                          lambda: _numerically_consistent(problem, deadline), None)
        return verdict if checked is True else None      # compared at a point at least, and never contradicted
    return attempt(deadline.sooner(max(deadline.remaining() * 0.4, 0.3)),
                   lambda: _refute(problem, deadline, cases), None)
