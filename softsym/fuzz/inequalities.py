"""Random true inequalities: known facts of the field inside monotone contexts.

A fact is an inequality that holds on the declared domain (e^a ≥ 1 + a, log P ≤ P − 1,
max(a, b) < logsumexp(a, b), z_i ≤ logsumexp_k z_k for 1 ≤ i ≤ n, Σ p_k² ≤ 1 under Σ p_k = 1,
a declared bound, the sign of a positive term, ...).  Contexts preserve it: adding equal values
(the two texts of a ``Pair``), adding another inequality, multiplying by a positive factor,
increasing functions (exp, sigmoid, log of positive sides, cube, sqrt), negation (which swaps
the sides), Max with a common term, and sums or integrals over a range with at least zero terms.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .gen import INTEGRATION, Gen, Scope
from .model import Hypothesis, Name, Sign
from .syntax import names, par
from .terms import add_sign, binder_name, cap, start_sum, sum_sign, summand, term


@dataclass(frozen=True)
class Ineq:
    """``low < high`` (``strict``) or ``low <= high`` on the whole domain; ``low_sign`` is the
    sign of ``low`` (so of ``high`` too)."""

    low: str
    high: str
    strict: bool = False
    low_sign: Sign = Sign.ANY


def inequality(g: Gen, depth: int) -> Ineq:
    """A random true inequality at most ``depth`` contexts deep."""
    if depth > 0 and not g.chance(0.35):
        for name, wrap in _shuffled(g, list(CONTEXTS.items())):
            result = wrap(g, depth - 1)
            if result is not None:
                g.note(name)
                return result
    for name, fact in _shuffled(g, list(FACTS.items())):
        result = fact(g, depth)
        if result is not None:
            g.note(name)
            return result
    raise AssertionError("the sign fact always applies")


def _shuffled(g: Gen, items: list) -> list:
    out = list(items)
    g.rng.shuffle(out)
    return out


# -- facts -----------------------------------------------------------------------------------------
Fact = Callable[[Gen, int], "Ineq | None"]


def f_tangent(g: Gen, d: int) -> Ineq:
    """1 + a ≤ e^a, log P ≤ P − 1, 1 − 1/P ≤ log P."""
    form = g.rng.randrange(3)
    if form == 0:
        a = term(g, d)
        return Ineq(f"1 + {par(a.lhs)}", f"exp({a.rhs})", low_sign=Sign.ANY)
    p = term(g, d, Sign.POS)
    if form == 1:
        return Ineq(f"log({p.lhs})", f"{par(p.rhs)} - 1")
    return Ineq(f"1 - 1/{par(p.lhs)}", f"log({p.rhs})")


def f_logsumexp(g: Gen, d: int) -> Ineq:
    """max(a, b) < logsumexp(a, b) ≤ max(a, b) + log 2."""
    a, b = term(g, d), term(g, d)
    if g.chance(0.5):
        return Ineq(f"Max({a.lhs}, {b.lhs})", f"logsumexp({a.rhs}, {b.rhs})", strict=True)
    return Ineq(f"log(exp({a.lhs}) + exp({b.lhs}))", f"Max({a.rhs}, {b.rhs}) + log(2)")


def f_sigmoid(g: Gen, d: int) -> Ineq:
    """0 < sigmoid(a) < 1."""
    a = term(g, d)
    if g.chance(0.5):
        return Ineq(f"sigmoid({a.lhs})", "1", strict=True, low_sign=Sign.POS)
    return Ineq("0", f"sigmoid({a.lhs})", strict=True, low_sign=Sign.NONNEG)


def f_algebra(g: Gen, d: int) -> Ineq:
    """|a + b| ≤ |a| + |b|, 2ab ≤ a² + b², a(1 − a) ≤ 1/4, min ≤ mean ≤ max."""
    a, b = term(g, d), term(g, d)
    form = g.rng.randrange(5)
    if form == 0:
        return Ineq(f"Abs({a.lhs} + {b.lhs})", f"Abs({a.rhs}) + Abs({b.rhs})", low_sign=Sign.NONNEG)
    if form == 1:
        return Ineq(f"2*{par(a.lhs)}*{par(b.lhs)}", f"{par(a.rhs)}**2 + {par(b.rhs)}**2")
    if form == 2:
        return Ineq(f"{par(a.lhs)}*(1 - {par(a.lhs)})", "1/4")
    if form == 3:
        return Ineq(f"Min({a.lhs}, {b.lhs})", f"({a.rhs} + {b.rhs})/2")
    return Ineq(f"({a.lhs} + {b.lhs})/2", f"Max({a.rhs}, {b.rhs})")


def f_sign(g: Gen, d: int) -> Ineq:
    """0 < P for a term the generator knows is positive (0 ≤ N for a nonnegative one)."""
    t = term(g, d, Sign.NONNEG)
    return Ineq("0", t.lhs, strict=t.sign is Sign.POS, low_sign=Sign.NONNEG)


def f_bound(g: Gen, d: int) -> Ineq | None:
    """A declared bound: ``lower < t`` for ``t: lower < t``, ``i <= n`` for ``i: 1 <= i <= n``, t² < t on (0, 1)."""
    def usable() -> list:
        bound = g.bound_names()
        return [n for n in g.names.values() if (n.lower is not None or n.upper is not None) and n.name not in bound
                and not (names(f"{n.lower} + {n.upper}") & bound)]

    bounded = usable()
    if not bounded:
        g.scalar(Sign.ANY)
        bounded = usable()
        if not bounded:
            return None
    n = g.pick(bounded)
    definition = next((h.defines[1] for h in g.hypotheses if h.defines and h.defines[0] == n.name), None)
    value = par(definition) if definition and g.chance(0.5) else n.name
    if n.lower == "0" and n.upper == "1" and g.chance(0.5):
        return Ineq(f"{value}**2", value, strict=n.lower_strict and n.upper_strict)
    if n.lower is not None and (n.upper is None or g.chance(0.5)):
        end, strict = _chain(g, n.lower, n.lower_strict, lower=True)
        return Ineq(end, value, strict=strict)
    end, strict = _chain(g, n.upper or "", n.upper_strict, lower=False)
    return Ineq(value, end, strict=strict)


def _chain(g: Gen, end: str, strict: bool, lower: bool) -> tuple[str, bool]:
    """A bound that is a name bounded in turn (``i <= n`` with ``n <= 3``) is sometimes followed to its own bound."""
    other = g.names.get(end)
    if other is None or (other.lower if lower else other.upper) is None or not g.chance(0.5):
        return end, strict
    if lower:
        return other.lower or "", strict or other.lower_strict
    return other.upper or "", strict or other.upper_strict


def f_sums(g: Gen, d: int) -> Ineq | None:
    """0 ≤ Σ f_k² (at least zero terms), (Σ x_k)² ≤ n Σ x_k² (Cauchy–Schwarz, every n under Karr)."""
    scope = start_sum(g, 0)
    if scope is None:
        return None
    f = summand(g, max(d - 1, 0), Sign.ANY, scope)
    limits = scope.limits()
    if g.chance(0.5) or scope.lower != "1":
        g.require(scope.count is not None and scope.count >= 0, "a range with at least zero terms")
        return Ineq("0", f"Sum({par(f.lhs)}**2, {limits})", low_sign=Sign.NONNEG)
    return Ineq(f"Sum({f.lhs}, {limits})**2", f"{par(scope.upper)}*Sum({par(f.rhs)}**2, {limits})",
                low_sign=Sign.NONNEG)


def f_softmax(g: Gen, d: int) -> Ineq | None:
    """z_i ≤ logsumexp_k z_k and 0 < softmax_i ≤ 1 for i in the range; logsumexp ≥ mean + log n."""
    scope = start_sum(g, 1, nested=False)
    if scope is None:
        return None
    g.require(scope.count is not None and scope.count >= 1, "a nonempty range")
    z, k, limits = g.base().name, scope.var, scope.limits()
    form = g.rng.randrange(3)
    if form == 2 and scope.lower == "1":
        return Ineq(f"Sum({z}[{k}], {limits})/{par(scope.upper)} + log({scope.upper})",
                    f"log(Sum(exp({z}[{k}]), {limits}))")
    i = g.index_within(scope)
    if form == 0:
        return Ineq(f"{z}[{i}]", f"log(Sum(exp({z}[{k}]), {limits}))")
    return Ineq(f"exp({z}[{i}])/Sum(exp({z}[{k}]), {limits})", "1", low_sign=Sign.POS)


def f_distribution(g: Gen, d: int) -> Ineq | None:
    """Under Σ_k p_k = 1: Σ p_k² ≤ 1, 1/n ≤ Σ p_k², 0 ≤ −Σ p_k log p_k ≤ log n."""
    scope = start_sum(g, 1, nested=False)
    if scope is None:
        return None
    k, limits = scope.var, scope.limits()
    form = g.rng.randrange(4)
    p = g.base(Sign.POS if form >= 2 else Sign.NONNEG).name
    g.add_hypothesis(Hypothesis(f"Sum({p}[{k}], {limits}) == 1", normalizes=(p, k, scope.lower, scope.upper)))
    count = f"({scope.upper} - {par(scope.lower)} + 1)"
    if form == 0:
        return Ineq(f"Sum({p}[{k}]**2, {limits})", "1", low_sign=Sign.NONNEG)
    if form == 1:
        return Ineq(f"1/{count}", f"Sum({p}[{k}]**2, {limits})")
    if form == 2:
        return Ineq("0", f"-Sum({p}[{k}]*log({p}[{k}]), {limits})", low_sign=Sign.NONNEG)
    return Ineq(f"-Sum({p}[{k}]*log({p}[{k}]), {limits})", f"log{count}")


def f_cap(g: Gen, d: int) -> Ineq | None:
    """Under z_l ≤ M for every l (in 1..n when l is declared so): z_i ≤ M, logsumexp_{k≤n} z_k ≤ M + log n."""
    z = g.base().name
    bound, lower, upper = cap(g, z)
    if g.chance(0.5) or g.sums_left <= 0:
        scope = g.innermost()
        if scope is not None:
            g.require(upper is None or (scope.lower, scope.upper) == (lower, upper), f"{scope.var} in {lower}..{upper}")
            return Ineq(f"{z}[{scope.var}]", bound)
        i = g.index_between(lower, upper) if lower and upper else g.index("1", g.dimension(1).name)
        return Ineq(f"{z}[{i}]", bound)
    g.sums_left -= 1
    n = g.names[upper] if upper is not None else g.dimension(1)
    g.require(n.least is not None and n.least >= 1, f"{n.name} >= 1")
    k = g.fresh()
    return Ineq(f"log(Sum(exp({z}[{k}]), ({k}, 1, {n.name})))", f"{par(bound)} + log({n.name})")


def f_integer(g: Gen, d: int) -> Ineq | None:
    """For an integer q with a lower bound L: q − L ≤ (q − L)², true when L is an integer too
    (an integer bounded by a real L makes it unguarded: the oracle decides)."""
    integers = [n for n in g.names.values() if n.integer and n.lower is not None and n.name not in g.bound_names()]
    if not integers:
        return None
    q = g.pick(integers)
    lower = q.lower or "0"
    g.require(all(g.names[x].integer for x in names(lower)) and "/" not in lower, f"{lower} is an integer")
    step = f"{q.name} - {par(lower)}"
    return Ineq(step, f"({step})**2", low_sign=Sign.NONNEG)


def f_integral(g: Gen, d: int) -> Ineq | None:
    """|∫_0^b f| ≤ ∫_0^b |f| and 0 ≤ ∫_0^b f² for b ≥ 0; the variable may share a free name."""
    if g.innermost(integral=True) is not None:
        return None
    upper, sign = g.scalar(Sign.NONNEG)
    var = binder_name(g, INTEGRATION, upper)
    with g.inside(Scope(var, "0", upper, None, 0 if sign >= Sign.NONNEG else None, integral=True)):
        f = term(g, 1)
    limits = f"({var}, 0, {upper})"
    if g.chance(0.5):
        return Ineq(f"Abs(Integral({f.lhs}, {limits}))", f"Integral(Abs({f.rhs}), {limits})", low_sign=Sign.NONNEG)
    return Ineq("0", f"Integral({par(f.lhs)}**2, {limits})", low_sign=Sign.NONNEG)


def _distinct_scalars(g: Gen, count: int, need: Sign) -> list[str] | None:
    """``count`` different real names of sign at least ``need`` (None when the pool runs dry)."""
    out: list[str] = []
    for _ in range(4 * count):
        name, _sign = g.scalar(need)
        if name not in out and name in g.names:
            out.append(name)
        if len(out) == count:
            return out
    return None


def f_linear(g: Gen, d: int) -> Ineq | None:
    """From ``a < p·b + q`` and ``b < r·c + s`` (p > 0): ``a < p·r·c + p·s + q`` — a conclusion
    only several hypotheses give together (a sampler rarely lands on the near misses)."""
    found = _distinct_scalars(g, 3, Sign.ANY)
    if found is None:
        return None
    a, b, c = found
    p, r = g.pick(["2", "3", "1/2"]), g.pick(["3", "1", "5/3", "-1"])
    q, s = g.pick(["0", "1", "-1", "2"]), g.pick(["1", "0", "1/2"])
    strict = g.chance(0.5)
    op = "<" if strict else "<="
    g.add_hypothesis(Hypothesis(f"{a} {op} {p}*{b} + {q}"))
    g.add_hypothesis(Hypothesis(f"{b} {op} {r}*{c} + {s}"))
    return Ineq(a, f"{p}*{r}*{c} + {p}*{s} + {q}", strict=strict)


def f_chain(g: Gen, d: int) -> Ineq | None:
    """Along ``a <= b <= c <= d`` of positive names: ``a·c <= b·d`` (products are monotone)."""
    found = _distinct_scalars(g, 4, Sign.POS)
    if found is None:
        return None
    a, b, c, e = found
    for low, high in ((a, b), (b, c), (c, e)):
        g.add_hypothesis(Hypothesis(f"{low} <= {high}"))
    return Ineq(f"{a}*{c}", f"{b}*{e}", low_sign=Sign.POS)


def f_means(g: Gen, d: int) -> Ineq:
    """Means of nonnegative terms: √(PQ) ≤ (P + Q)/2, ∛(PQR) ≤ (P + Q + R)/3, ∛(PQR) ≤ max."""
    ts = [term(g, max(d - 1, 0), Sign.NONNEG) for _ in range(3)]
    p, q, r = (t.lhs for t in ts)
    form = g.rng.randrange(3)
    if form == 0:
        return Ineq(f"sqrt({par(p)}*{par(q)})", f"({p} + {q})/2", low_sign=Sign.NONNEG)
    if form == 1:
        return Ineq(f"({par(p)}*{par(q)}*{par(r)})**(1/3)", f"({p} + {q} + {r})/3", low_sign=Sign.NONNEG)
    return Ineq(f"({par(p)}*{par(q)}*{par(r)})**(1/3)", f"Max({p}, {q}, {r})", low_sign=Sign.NONNEG)


def f_logsumexp3(g: Gen, d: int) -> Ineq:
    """max(a, b, c) < log(e^a + e^b + e^c) ≤ max(a, b, c) + log 3, and at a temperature T > 0:
    T·log(e^{a/T} + e^{b/T}) ≤ max(a, b) + T log 2 (the lemmas of the z3 strategy)."""
    a, b, c = (term(g, max(d - 1, 0)) for _ in range(3))
    form = g.rng.randrange(3)
    lse = f"log(exp({a.lhs}) + exp({b.lhs}) + exp({c.lhs}))"
    if form == 0:
        return Ineq(f"Max({a.rhs}, {b.rhs}, {c.rhs})", lse, strict=True)
    if form == 1:
        return Ineq(lse, f"Max({a.rhs}, {b.rhs}, {c.rhs}) + log(3)")
    t, _ = g.scalar(Sign.POS)
    return Ineq(f"{t}*log(exp({par(a.lhs)}/{t}) + exp({par(b.lhs)}/{t}))", f"Max({a.rhs}, {b.rhs}) + {t}*log(2)")


def f_jensen(g: Gen, d: int) -> Ineq | None:
    """Jensen for exp over N ≥ 1 terms: mean(z) + log N ≤ log Σ e^{z_k}."""
    scope = start_sum(g, 1, nested=False)
    if scope is None:
        return None
    g.require(scope.count is not None and scope.count >= 1, f"{scope.limits()} has a term")
    z, k, limits = g.base().name, scope.var, scope.limits()
    count = f"({scope.upper} - {par(scope.lower)} + 1)"
    return Ineq(f"Sum({z}[{k}], {limits})/{count} + log{count}", f"log(Sum(exp({z}[{k}]), {limits}))")


def f_gibbs(g: Gen, d: int) -> Ineq | None:
    """Under Σ p_k = Σ q_k = 1 (positive): 0 ≤ Σ p log(p/q), −Σ p log p ≤ −Σ p log q."""
    scope = start_sum(g, 1, nested=False)
    if scope is None:
        return None
    p, q = g.base(Sign.POS).name, g.base(Sign.POS).name
    g.require(p != q, "two distributions")
    k, limits = scope.var, scope.limits()
    for x in (p, q):
        g.add_hypothesis(Hypothesis(f"Sum({x}[{k}], {limits}) == 1", normalizes=(x, k, scope.lower, scope.upper)))
    if g.chance(0.5):
        return Ineq("0", f"Sum({p}[{k}]*log({p}[{k}]/{q}[{k}]), {limits})", low_sign=Sign.NONNEG)
    return Ineq(f"-Sum({p}[{k}]*log({p}[{k}]), {limits})", f"-Sum({p}[{k}]*log({q}[{k}]), {limits})")


def f_variance(g: Gen, d: int) -> Ineq | None:
    """Under Σ p_k = 1 (p ≥ 0): (Σ p v)² ≤ Σ p v² (the softmax Jacobian's quadratic form ≥ 0)."""
    scope = start_sum(g, 1, nested=False)
    if scope is None:
        return None
    p, v = g.base(Sign.NONNEG).name, g.base().name
    g.require(p != v, "weights and values differ")
    k, limits = scope.var, scope.limits()
    g.add_hypothesis(Hypothesis(f"Sum({p}[{k}], {limits}) == 1", normalizes=(p, k, scope.lower, scope.upper)))
    return Ineq(f"Sum({p}[{k}]*{v}[{k}], {limits})**2", f"Sum({p}[{k}]*{v}[{k}]**2, {limits})",
                low_sign=Sign.NONNEG)


def f_label(g: Gen, d: int) -> Ineq | None:
    """An integer label with three values: y(y − 1)(y − 2) ≤ 0 for y ∈ {0, 1, 2} (false between
    the integers: only a case split proves it)."""
    free = [n for n in ("y", "t", "c") if n not in g.used()]
    if not free:
        return None
    y = g.add_name(Name(free[0], "real", integer=True, facts=("integer",), lower="0", upper="2"), Sign.NONNEG).name
    return Ineq(f"{y}*({y} - 1)*({y} - 2)", "0")


def f_calculus(g: Gen, d: int) -> Ineq:
    """Bounds proved by calculus (monotonicity from an anchor, the mean value theorem): Taylor-type
    bounds of softplus, tanh and x·log x, midpoint convexity of exp, softplus < exp, the
    Lipschitz constants of sigmoid (1/4), softplus and tanh (1), and AM–GM under a logarithm."""
    a, b = term(g, max(d - 1, 0)), term(g, max(d - 1, 0))
    form = g.rng.randrange(9)
    if form == 8:                       # AM–GM under a logarithm: Jensen for log-sum-exp on 3 entries
        c = term(g, max(d - 1, 0))
        return Ineq(f"({a.lhs} + {b.lhs} + {c.lhs})/3 + log(3)", f"log(exp({a.rhs}) + exp({b.rhs}) + exp({c.rhs}))")
    if form == 0:
        return Ineq(f"softplus({a.lhs})", f"log(2) + {par(a.rhs)}/2 + {par(a.rhs)}**2/8", low_sign=Sign.POS)
    if form == 1:
        return Ineq(f"exp(({a.lhs} + {b.lhs})/2)", f"(exp({a.rhs}) + exp({b.rhs}))/2", low_sign=Sign.POS)
    if form == 2:
        return Ineq(f"softplus({a.lhs})", f"exp({a.rhs})", strict=True, low_sign=Sign.POS)
    if form == 3:
        p = term(g, max(d - 1, 0), Sign.POS)
        return Ineq(f"{par(p.lhs)} - 1", f"{par(p.rhs)}*log({p.rhs})")
    if form == 4:
        t = term(g, max(d - 1, 0), Sign.NONNEG)
        return Ineq(f"{par(t.lhs)} - {par(t.lhs)}**3/3", f"tanh({t.rhs})")
    f, bound = (("sigmoid", "/4"), ("softplus", ""), ("tanh", ""))[form - 5]
    return Ineq(f"Abs({f}({a.lhs}) - {f}({b.lhs}))", f"Abs({a.rhs} - {par(b.rhs)}){bound}", low_sign=Sign.NONNEG)


FACTS: dict[str, Fact] = {
    "tangent": f_tangent, "logsumexp-max": f_logsumexp, "sigmoid-range": f_sigmoid, "inequality": f_algebra,
    "sign": f_sign, "declared-bound": f_bound, "sum-of-squares": f_sums, "softmax-range": f_softmax,
    "distribution-bound": f_distribution, "entry-cap": f_cap, "integer-step": f_integer,
    "integral-bound": f_integral, "linear-hypotheses": f_linear, "product-chain": f_chain,
    "means": f_means, "logsumexp-3": f_logsumexp3, "jensen-exp": f_jensen, "gibbs": f_gibbs,
    "variance": f_variance, "integer-label": f_label, "calculus": f_calculus,
}
"""Known true inequalities, by the name recipes use."""


# -- monotone contexts ------------------------------------------------------------------------------
Context = Callable[[Gen, int], "Ineq | None"]


def c_add(g: Gen, d: int) -> Ineq:
    """low + e ≤ high + e (e as two equal texts), or the sum of two inequalities."""
    a = inequality(g, d)
    if g.chance(0.3):
        b = inequality(g, 0)
        return Ineq(f"{a.low} + {b.low}", f"{a.high} + {b.high}", a.strict or b.strict,
                    add_sign(a.low_sign, b.low_sign))
    e = term(g, 1)
    return Ineq(f"{a.low} + {par(e.lhs)}", f"{a.high} + {par(e.rhs)}", a.strict, add_sign(a.low_sign, e.sign))


def c_scale(g: Gen, d: int) -> Ineq:
    """c·low ≤ c·high for a positive c."""
    a = inequality(g, d)
    c = term(g, 1, Sign.POS)
    sign = a.low_sign if a.low_sign >= Sign.NONNEG else Sign.ANY
    return Ineq(f"{par(c.lhs)}*{par(a.low)}", f"{par(c.rhs)}*{par(a.high)}", a.strict, sign)


def c_increasing(g: Gen, d: int) -> Ineq:
    """An increasing function of both sides: exp, sigmoid, cube; log, 1/x and sqrt where the
    sides are positive (nonnegative)."""
    a = inequality(g, d)
    forms = ["exp", "sigmoid", "cube"]
    forms += ["log", "reciprocal"] if a.low_sign is Sign.POS else []
    forms += ["sqrt"] if a.low_sign >= Sign.NONNEG else []
    form = g.pick(forms)
    if form == "exp":
        return Ineq(f"exp({a.low})", f"exp({a.high})", a.strict, Sign.POS)
    if form == "sigmoid":
        return Ineq(f"sigmoid({a.low})", f"sigmoid({a.high})", a.strict, Sign.POS)
    if form == "cube":
        return Ineq(f"{par(a.low)}**3", f"{par(a.high)}**3", a.strict, a.low_sign)
    if form == "log":
        return Ineq(f"log({a.low})", f"log({a.high})", a.strict)
    if form == "sqrt":
        return Ineq(f"sqrt({a.low})", f"sqrt({a.high})", a.strict, a.low_sign)
    return Ineq(f"1/{par(a.high)}", f"1/{par(a.low)}", a.strict, Sign.POS)


def c_negate(g: Gen, d: int) -> Ineq:
    """−high ≤ −low."""
    a = inequality(g, d)
    return Ineq(f"-{par(a.high)}", f"-{par(a.low)}", a.strict)


def c_max(g: Gen, d: int) -> Ineq:
    """max(low, e) ≤ max(high, e) (no longer strict)."""
    a = inequality(g, d)
    e = term(g, 1)
    return Ineq(f"Max({a.low}, {e.lhs})", f"Max({a.high}, {e.rhs})", False, max(a.low_sign, e.sign))


def c_sum(g: Gen, d: int) -> Ineq | None:
    """Σ_k low_k ≤ Σ_k high_k over a range with at least zero terms (strict with at least one)."""
    scope = start_sum(g, 0)
    if scope is None:
        return None
    g.require(scope.count is not None and scope.count >= 0, "a range with at least zero terms")
    with g.inside(scope):
        a = inequality(g, d)
    strict = a.strict and scope.count is not None and scope.count >= 1
    limits = scope.limits()
    return Ineq(f"Sum({a.low}, {limits})", f"Sum({a.high}, {limits})", strict, sum_sign(a.low_sign, scope))


def c_integral(g: Gen, d: int) -> Ineq | None:
    """∫_0^b low ≤ ∫_0^b high for b ≥ 0; the variable may share a free name."""
    if g.innermost(integral=True) is not None:
        return None
    upper, sign = g.scalar(Sign.NONNEG)
    var = binder_name(g, INTEGRATION, upper)
    with g.inside(Scope(var, "0", upper, None, 0 if sign >= Sign.NONNEG else None, integral=True)):
        a = inequality(g, 0)
    limits = f"({var}, 0, {upper})"
    return Ineq(f"Integral({a.low}, {limits})", f"Integral({a.high}, {limits})", False,
                Sign.NONNEG if a.low_sign >= Sign.NONNEG else Sign.ANY)


CONTEXTS: dict[str, Context] = {
    "add": c_add, "scale": c_scale, "increasing": c_increasing, "negate": c_negate, "max-context": c_max,
    "sum-context": c_sum, "integral-context": c_integral,
}
"""Contexts that keep an inequality true, by the name recipes use."""


def as_relation(g: Gen, ineq: Ineq) -> tuple[str, str, str]:
    """``(lhs, rel, rhs)``: ``low <= high`` or ``high >= low`` at random."""
    if g.chance(0.5):
        return ineq.low, "<" if ineq.strict else "<=", ineq.high
    return ineq.high, ">" if ineq.strict else ">=", ineq.low
