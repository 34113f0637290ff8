"""Random expressions as pairs of texts with equal values.

``term`` grows a random expression from the field's building blocks (exp, log of positive things,
sigmoid, softplus, Max/Min/Abs, squares, quotients by positive things, sums over symbolic
dimensions, Kronecker deltas, softmax, logsumexp, integrals, limits).  Both texts of a ``Pair``
start equal; at random nodes a value-preserving *rule* (exp(a+b) = exp(a)·exp(b), Σ_k δ_ki f_k =
f_i, a renamed bound variable, Karr's reversed range, ...) rewrites one side, so the pair is a
random expression and a rewriting of it.  Every pair carries the sign the generator can vouch
for, so logarithms and square roots only ever get arguments that are positive (nonnegative) on
the declared domain.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .gen import CAP, FORALL, INTEGRATION, LIMIT, Gen, Scope
from .model import Hypothesis, Name, Sign
from .syntax import names, par, substitute, swap


@dataclass(frozen=True)
class Pair:
    """Two texts with equal values wherever both are defined, and their sign."""

    lhs: str
    rhs: str
    sign: Sign = Sign.ANY

    @staticmethod
    def same(text: str, sign: Sign = Sign.ANY) -> Pair:
        """One text on both sides."""
        return Pair(text, text, sign)


def call(function: str, *args: Pair, sign: Sign = Sign.ANY) -> Pair:
    """``function(a, b, ...)`` on both sides."""
    return Pair(f"{function}({', '.join(a.lhs for a in args)})", f"{function}({', '.join(a.rhs for a in args)})", sign)


def infix(template: str, *args: Pair, sign: Sign = Sign.ANY) -> Pair:
    """``template`` (``{0} + {1}``) filled with the parenthesized sides of ``args``."""
    return Pair(template.format(*(par(a.lhs) for a in args)), template.format(*(par(a.rhs) for a in args)), sign)


def sum_sign(body: Sign, scope: Scope) -> Sign:
    """The sign of Σ body over ``scope`` (Karr: a range that may run backwards has no sign)."""
    if scope.count is None or body is Sign.ANY or scope.count < 0:
        return Sign.ANY
    return Sign.POS if body is Sign.POS and scope.count >= 1 else Sign.NONNEG


def add_sign(a: Sign, b: Sign) -> Sign:
    """The sign of a + b."""
    return Sign.ANY if Sign.ANY in (a, b) else max(a, b)


# -- the grammar ---------------------------------------------------------------------------------
Production = Callable[[Gen, int, Sign], "Pair | None"]


def term(g: Gen, depth: int, need: Sign = Sign.ANY) -> Pair:
    """A random pair of sign at least ``need``, at most ``depth`` levels deep."""
    if depth > 0 and g.rules_left > 0 and g.chance(0.3):
        pair = rewrite(g, depth, need)
        if pair is not None:
            return pair
    if depth <= 0 or g.chance(0.25):
        return leaf(g, need)
    for production in _shuffled(g, PRODUCTIONS):
        pair = production(g, depth - 1, need)
        if pair is not None and pair.sign >= need:
            return pair
    return leaf(g, need)


def rewrite(g: Gen, depth: int, need: Sign) -> Pair | None:
    """A value-preserving rule applied to fresh subterms (None if no rule fits ``need``)."""
    for name, rule in _shuffled(g, list(RULES.items())):
        g.rules_left -= 1
        pair = rule(g, depth - 1, need)
        if pair is not None and pair.sign >= need:
            g.note(name)
            return pair
        g.rules_left += 1
    return None


def _shuffled(g: Gen, items: list) -> list:
    out = list(items)
    g.rng.shuffle(out)
    return out


def leaf(g: Gen, need: Sign) -> Pair:
    """A name, a number, an entry, a bound variable or a Kronecker delta."""
    roll = g.rng.random()
    scope = g.innermost()
    integral = g.innermost(integral=True)
    if integral is not None and roll < 0.4:
        sign = Sign.NONNEG if integral.first == 0 else Sign.ANY
        if sign >= need:
            return Pair.same(integral.var, sign)
    if scope is not None and roll < 0.5:
        return entry(g, need, scope.var)
    if scope is not None and roll < 0.6 and need <= Sign.NONNEG:
        return Pair.same(_delta(g, scope), Sign.NONNEG)
    if scope is not None and roll < 0.65:
        forward = scope.count is not None and scope.count >= 0
        sign = Sign.POS if forward and scope.first is not None and scope.first >= 1 else Sign.ANY
        if sign >= need:
            return Pair.same(scope.var, sign)
    roll = g.rng.random()
    if roll < 0.3:
        return Pair.same(*_number(g, need))
    if roll < 0.4:
        indices = [n for n in g.names.values() if n.role == "index" and n.name != FORALL]   # l free: one value
        if indices and need is Sign.ANY:
            return entry(g, need, g.pick(indices).name)
    text, sign = g.scalar(need)
    return Pair.same(text, sign)


def _delta(g: Gen, scope: Scope) -> str:
    """``KroneckerDelta(k, i)`` for the scope's variable and an index (or an enclosing variable)."""
    outer = [s.var for s in g.scopes if not s.integral and s is not scope]
    other = g.pick(outer) if outer and g.chance(0.4) else g.index(scope.lower, scope.upper)
    return f"KroneckerDelta({scope.var}, {other})" if g.chance(0.5) else f"KroneckerDelta({other}, {scope.var})"


def _number(g: Gen, need: Sign) -> tuple[str, Sign]:
    positive = ["2", "3", "1/2", "5/3", "1"]
    return (g.pick(positive), Sign.POS) if need or g.chance(0.7) else (g.pick(["-1", "-2", "0", "-1/3"]), Sign.ANY)


def entry(g: Gen, need: Sign, index: str) -> Pair:
    """``z[index]`` from a family whose entries have sign at least ``need``."""
    base = g.base(need)
    return Pair.same(f"{base.name}[{index}]", base.sign)


def _add(g: Gen, d: int, need: Sign) -> Pair:
    a, b = term(g, d, need), term(g, d, Sign.NONNEG if need else Sign.ANY)
    return infix("{0} + {1}", a, b, sign=add_sign(a.sign, b.sign))


def _sub(g: Gen, d: int, need: Sign) -> Pair | None:
    return None if need else infix("{0} - {1}", term(g, d), term(g, d))


def _mul(g: Gen, d: int, need: Sign) -> Pair:
    a, b = term(g, d, need), term(g, d, need)
    sign = Sign.POS if a.sign is b.sign is Sign.POS else min(a.sign, b.sign)
    return infix("{0}*{1}", a, b, sign=sign)


def _div(g: Gen, d: int, need: Sign) -> Pair:
    a, b = term(g, d, need), term(g, d, Sign.POS)
    return infix("{0}/{1}", a, b, sign=a.sign)


def _power(g: Gen, d: int, need: Sign) -> Pair:
    a = term(g, d, Sign.POS if need is Sign.POS else Sign.ANY)
    exponent = g.pick(["2", "2", "3", "-1"]) if a.sign is Sign.POS else g.pick(["2", "3"])
    sign = a.sign if exponent in ("3", "-1") else max(a.sign, Sign.NONNEG)
    return infix("{0}**" + exponent, a, sign=sign)


def _exp(g: Gen, d: int, need: Sign) -> Pair:
    return call("exp", term(g, d), sign=Sign.POS)


def _log(g: Gen, d: int, need: Sign) -> Pair | None:
    return None if need else call("log", term(g, d, Sign.POS))


def _sigmoid(g: Gen, d: int, need: Sign) -> Pair:
    a = term(g, d)
    return call("sigmoid", a, sign=Sign.POS) if g.chance(0.5) else infix("1/(1 + exp(-{0}))", a, sign=Sign.POS)


def _softplus(g: Gen, d: int, need: Sign) -> Pair:
    a = term(g, d)
    return call("softplus", a, sign=Sign.POS) if g.chance(0.4) else infix("log(1 + exp({0}))", a, sign=Sign.POS)


def _tanh(g: Gen, d: int, need: Sign) -> Pair | None:
    return None if need else call("tanh", term(g, d))


def _sqrt(g: Gen, d: int, need: Sign) -> Pair:
    a = term(g, d, Sign.NONNEG if need < Sign.POS else Sign.POS)
    return call("sqrt", a, sign=a.sign)


def _abs(g: Gen, d: int, need: Sign) -> Pair:
    a = term(g, d, Sign.POS if need is Sign.POS else Sign.ANY)
    return call("Abs", a, sign=max(a.sign, Sign.NONNEG))


def _max(g: Gen, d: int, need: Sign) -> Pair:
    a, b = term(g, d, need), term(g, d)
    if g.chance(0.5) and not need:
        return call("Min", a, b, sign=min(a.sign, b.sign))
    return call("Max", a, b, sign=max(a.sign, b.sign))


def _sum(g: Gen, d: int, need: Sign) -> Pair | None:
    if g.sums_left <= 0:
        return None
    g.sums_left -= 1
    scope = g.sum_range(1 if need is Sign.POS else 0)
    with g.inside(scope):
        body = term(g, d, need)
    sign = sum_sign(body.sign, scope)
    return Pair(f"Sum({body.lhs}, {scope.limits()})", f"Sum({body.rhs}, {scope.limits()})", sign)


def _softmax(g: Gen, d: int, need: Sign) -> Pair | None:
    if g.sums_left <= 0:
        return None
    g.sums_left -= 1
    scope = g.sum_range(1)
    z = g.base().name
    i = g.index(scope.lower, scope.upper)
    text = f"exp({z}[{i}])/Sum(exp({z}[{scope.var}]), {scope.limits()})"
    return Pair.same(text, Sign.POS if scope.count and scope.count >= 1 else Sign.ANY)


def _logsumexp(g: Gen, d: int, need: Sign) -> Pair | None:
    if need:
        return None
    if g.sums_left > 0 and g.chance(0.5):
        g.sums_left -= 1
        scope = g.sum_range(1)
        if scope.count is not None and scope.count >= 1:      # log of a sum that is positive
            with g.inside(scope):
                body = term(g, d)
            return infix("log(Sum(exp({0}), " + scope.limits() + "))", body)
    return call("logsumexp", term(g, d), term(g, d))


def _integral(g: Gen, d: int, need: Sign) -> Pair | None:
    if need or g.innermost(integral=True) is not None:
        return None
    upper = term(g, 0)
    var = binder_name(g, INTEGRATION, upper.lhs)
    scope = Scope(var, "0", upper.lhs, None, 0 if upper.sign >= Sign.NONNEG else None, integral=True)
    with g.inside(scope):
        body = term(g, min(d, 1))
    return Pair(f"Integral({body.lhs}, ({var}, 0, {upper.lhs}))", f"Integral({body.rhs}, ({var}, 0, {upper.rhs}))")


def binder_name(g: Gen, pool: tuple[str, ...], *avoid_in: str) -> str:
    """A variable for an integral or a limit: its own name, or sometimes one that also occurs free
    elsewhere in the relation (but not in the texts ``avoid_in``)."""
    taken = set().union(*(names(t) for t in avoid_in)) | g.bound_names()
    related = set().union(*(names(h.text) for h in g.hypotheses),
                          *(names(e) for v in g.names.values() for e in (v.lower, v.upper) if e))
    reals = [n for n, v in g.names.items() if v.role == "real" and not v.integer and n not in taken | related]
    if reals and g.chance(0.35):
        return g.pick(reals)
    return next((p for p in pool if p not in g.used() and p not in taken), g.fresh(taken))


def _gamma(g: Gen, d: int, need: Sign) -> Pair:
    """Euler's gamma function (or its logarithm) of a positive term: positive, as the gamma is there."""
    a = term(g, d, Sign.POS)
    if need or g.chance(0.6):
        return call("gamma", a, sign=Sign.POS)
    return call("loggamma", a)


PRODUCTIONS: list[Production] = [_add, _add, _sub, _mul, _mul, _div, _power, _exp, _exp, _log, _sigmoid,
                                  _softplus, _tanh, _sqrt, _abs, _max, _sum, _sum, _softmax, _logsumexp,
                                  _integral, _gamma]


# -- value-preserving rules ------------------------------------------------------------------------
Rule = Callable[[Gen, int, Sign], "Pair | None"]


def r_exp_add(g: Gen, d: int, need: Sign) -> Pair:
    a, b = term(g, d), term(g, d)
    if g.chance(0.5):
        return Pair(f"exp({a.lhs} + {b.lhs})", f"exp({a.rhs})*exp({b.rhs})", Sign.POS)
    return Pair(f"exp({a.lhs} - {par(b.lhs)})", f"exp({a.rhs})/exp({b.rhs})", Sign.POS)


def r_log_mul(g: Gen, d: int, need: Sign) -> Pair | None:
    if need:
        return None
    p, q = term(g, d, Sign.POS), term(g, d, Sign.POS)
    if g.chance(0.5):
        return Pair(f"log({par(p.lhs)}*{par(q.lhs)})", f"log({p.rhs}) + log({q.rhs})")
    return Pair(f"log({par(p.lhs)}/{par(q.lhs)})", f"log({p.rhs}) - log({q.rhs})")


def r_log_pow(g: Gen, d: int, need: Sign) -> Pair | None:
    if need:
        return None
    p = term(g, d, Sign.POS)
    exponent = g.pick(["2", "3", "-1", "1/2"])
    return Pair(f"log({par(p.lhs)}**{par(exponent)})", f"{par(exponent)}*log({p.rhs})")


def r_exp_log(g: Gen, d: int, need: Sign) -> Pair:
    if g.chance(0.5) or need:
        p = term(g, d, Sign.POS)
        return Pair(f"exp(log({p.lhs}))", p.rhs, Sign.POS)
    a = term(g, d)
    return Pair(f"log(exp({a.lhs}))", a.rhs, a.sign)


def r_sigmoid(g: Gen, d: int, need: Sign) -> Pair:
    a = term(g, d)
    form = g.rng.randrange(4)
    if form == 0:
        return Pair(f"sigmoid(-{par(a.lhs)})", f"1 - sigmoid({a.rhs})", Sign.POS)
    if form == 1:
        return Pair(f"sigmoid({a.lhs})", f"exp({a.rhs})/(1 + exp({a.rhs}))", Sign.POS)
    if form == 2:
        return Pair(f"sigmoid({a.lhs})", f"(1 + tanh({par(a.rhs)}/2))/2", Sign.POS)
    return Pair(f"1/(1 + exp(-{par(a.lhs)}))", f"1 - 1/(1 + exp({a.rhs}))", Sign.POS)


def r_softplus(g: Gen, d: int, need: Sign) -> Pair | None:
    if need:
        return None
    a = term(g, d)
    if g.chance(0.5):
        return Pair(f"softplus({a.lhs}) - softplus(-{par(a.lhs)})", a.rhs)
    return Pair(f"log(1 + exp({a.lhs}))", f"{par(a.rhs)} + log(1 + exp(-{par(a.rhs)}))")


def r_logsumexp(g: Gen, d: int, need: Sign) -> Pair | None:
    if need:
        return None
    a, b, c = term(g, d), term(g, d), term(g, 0)
    if g.chance(0.5):
        return Pair(f"logsumexp({a.lhs}, {b.lhs})",
                    f"{par(c.rhs)} + log(exp({a.rhs} - {par(c.rhs)}) + exp({b.rhs} - {par(c.rhs)}))")
    return Pair(f"logsumexp({a.lhs}, {b.lhs})",
                f"Max({a.rhs}, {b.rhs}) + log(1 + exp(-Abs({a.rhs} - {par(b.rhs)})))")


def r_max_abs(g: Gen, d: int, need: Sign) -> Pair | None:
    a, b = term(g, d, need), term(g, d, need)
    form = g.rng.randrange(4)
    if form == 0:
        return Pair(f"Max({a.lhs}, {b.lhs})", f"({a.rhs} + {b.rhs} + Abs({a.rhs} - {par(b.rhs)}))/2",
                    max(a.sign, b.sign))
    if form == 1:
        return Pair(f"Min({a.lhs}, {b.lhs})", f"({a.rhs} + {b.rhs} - Abs({a.rhs} - {par(b.rhs)}))/2",
                    min(a.sign, b.sign))
    if form == 2 and not need:
        return Pair(f"Max({a.lhs}, {b.lhs}) + Min({a.lhs}, {b.lhs})", f"{a.rhs} + {b.rhs}")
    return Pair(f"Abs({a.lhs})", f"Max({a.rhs}, -{par(a.rhs)})", max(a.sign, Sign.NONNEG))


def r_algebra(g: Gen, d: int, need: Sign) -> Pair | None:
    a, b = term(g, d), term(g, d)
    form = g.rng.randrange(3)
    if form == 0:
        return Pair(f"({a.lhs} + {b.lhs})**2", f"{par(a.rhs)}**2 + 2*{par(a.rhs)}*{par(b.rhs)} + {par(b.rhs)}**2",
                    Sign.NONNEG)
    if need:
        return None
    if form == 1:
        return Pair(f"({a.lhs} - {par(b.lhs)})*({a.lhs} + {b.lhs})", f"{par(a.rhs)}**2 - {par(b.rhs)}**2")
    p, q = term(g, d, Sign.POS), term(g, d, Sign.POS)
    return Pair(f"1/{par(p.lhs)} - 1/{par(q.lhs)}", f"({q.rhs} - {par(p.rhs)})/({par(p.rhs)}*{par(q.rhs)})")


def r_sqrt_square(g: Gen, d: int, need: Sign) -> Pair:
    if g.chance(0.5):
        a = term(g, d)
        return Pair(f"sqrt({par(a.lhs)}**2)", f"Abs({a.rhs})", Sign.NONNEG)
    a = term(g, d, Sign.NONNEG)
    return Pair(f"sqrt({par(a.lhs)}**2)", a.rhs, a.sign)


def r_definition(g: Gen, d: int, need: Sign) -> Pair | None:
    """A name defined by a hypothesis ``x == y**2`` replaced by its definition."""
    bound = g.bound_names()
    defined = [h.defines for h in g.hypotheses if h.defines and g.signs.get(h.defines[0], Sign.ANY) >= need
               and not names(f"{h.defines[0]} + {h.defines[1]}") & bound]
    if not defined:
        return None
    name, expression = g.pick(defined)
    return Pair(name, expression, g.signs[name])


def summand(g: Gen, d: int, need: Sign, scope: Scope) -> Pair:
    """A body for a sum over ``scope`` that uses its variable."""
    with g.inside(scope):
        body = term(g, d, need)
        if scope.var not in names(body.lhs):
            body = infix("{0}*{1}", body, entry(g, need, scope.var), sign=min(body.sign, g.base(need).sign))
    return body


def start_sum(g: Gen, least: int = 0, nested: bool = True) -> Scope | None:
    """A summation range for a rule (None when the relation has enough sums already)."""
    if g.sums_left <= 0:
        return None
    g.sums_left -= 1
    return g.sum_range(least, nested)


def r_sum_linear(g: Gen, d: int, need: Sign) -> Pair | None:
    scope = start_sum(g)
    if scope is None:
        return None
    limits = scope.limits()
    c = term(g, d, Sign.POS if need else Sign.ANY)
    f = summand(g, d, need, scope)
    if g.chance(0.5):
        return Pair(f"Sum({par(c.lhs)}*{par(f.lhs)}, {limits})", f"{par(c.rhs)}*Sum({f.rhs}, {limits})",
                    sum_sign(f.sign, scope) if c.sign is Sign.POS else Sign.ANY)
    h = summand(g, d, need, scope)
    return Pair(f"Sum({f.lhs} + {h.lhs}, {limits})", f"Sum({f.rhs}, {limits}) + Sum({h.rhs}, {limits})",
                sum_sign(min(f.sign, h.sign), scope))


def r_sum_split(g: Gen, d: int, need: Sign) -> Pair | None:
    """Peel off the last or first term, or reverse the range (Karr's convention: all hold for every n)."""
    scope = start_sum(g)
    if scope is None:
        return None
    f = summand(g, d, Sign.ANY, scope)
    k, lo, hi = scope.var, scope.lower, scope.upper
    lhs = f"Sum({f.lhs}, {scope.limits()})"
    form = g.rng.randrange(3)
    if form == 0:
        return Pair(lhs, f"Sum({f.rhs}, ({k}, {lo}, {hi} - 1)) + {par(substitute(f.rhs, k, hi))}")
    if form == 1:
        return Pair(lhs, f"{par(substitute(f.rhs, k, lo))} + Sum({f.rhs}, ({k}, {lo} + 1, {hi}))")
    return Pair(lhs, f"-Sum({f.rhs}, ({k}, {hi} + 1, {lo} - 1))")


def r_sum_closed(g: Gen, d: int, need: Sign) -> Pair | None:
    """Closed forms: Σ c = (count)·c, Σ k = n(n+1)/2, Σ (2k-1) = n², Σ k² (Karr: every n)."""
    scope = start_sum(g)
    if scope is None:
        return None
    k, lo, hi = scope.var, scope.lower, scope.upper
    form = g.rng.randrange(4)
    if form == 0:
        c = term(g, d)
        return Pair(f"Sum({c.lhs}, {scope.limits()})", f"({hi} - {par(lo)} + 1)*{par(c.rhs)}")
    if lo != "1" or need:
        return None
    if form == 1:
        return Pair(f"Sum({k}, {scope.limits()})", f"{par(hi)}*({hi} + 1)/2")
    if form == 2:
        return Pair(f"Sum(2*{k} - 1, {scope.limits()})", f"{par(hi)}**2")
    return Pair(f"Sum({k}**2, {scope.limits()})", f"{par(hi)}*({hi} + 1)*(2*{par(hi)} + 1)/6")


def r_delta(g: Gen, d: int, need: Sign) -> Pair | None:
    """Σ_k f_k δ_ki = f_i for an index declared inside the range."""
    scope = start_sum(g, 0, nested=False)
    if scope is None:
        return None
    k, lo, hi = scope.var, scope.lower, scope.upper
    form = g.pick(["plain", "plain", "shift", "reflect"])
    if form == "shift":                               # δ(k, i + 1) with lo - 1 <= i <= hi - 1
        i = g.index_between(offset(lo, -1), offset(hi, -1))
        where = f"{i} + 1"
    elif form == "reflect" and lo.isdigit():          # δ(k, c - i) with c - hi <= i <= c - lo
        c = g.pick([3, 10])
        i = g.index_between(f"{c} - {par(hi)}", str(c - int(lo)))
        where = f"{c} - {i}"
    else:
        i = g.index_within(scope)
        where = i
    f = summand(g, d, need, scope)
    delta = f"KroneckerDelta({k}, {where})" if g.chance(0.5) else f"KroneckerDelta({where}, {k})"
    return Pair(f"Sum({par(f.lhs)}*{delta}, {scope.limits()})", substitute(f.rhs, k, where), f.sign)


def offset(text: str, c: int) -> str:
    """``text + c`` (folded when ``text`` is an integer literal)."""
    if text.lstrip("-").isdigit():
        return str(int(text) + c)
    return f"{text} + {c}" if c > 0 else f"{text} - {-c}"


def r_rename(g: Gen, d: int, need: Sign) -> Pair | None:
    """Rename a bound variable, sometimes to a name that occurs free elsewhere (never captured)."""
    scope = start_sum(g)
    if scope is None:
        return None
    f = summand(g, d, need, scope)
    taken = names(f.rhs) | names(scope.lower) | names(scope.upper)
    candidates = [n for n in g.names if n not in taken and g.names[n].role != "dimension"]
    new = g.pick(candidates) if candidates and g.chance(0.5) else g.fresh(taken)
    renamed = substitute(f.rhs, scope.var, new)
    return Pair(f"Sum({f.lhs}, {scope.limits()})", f"Sum({renamed}, ({new}, {scope.lower}, {scope.upper}))",
                sum_sign(f.sign, scope))


def r_double_sum(g: Gen, d: int, need: Sign) -> Pair | None:
    """Exchange two sums over a rectangle, or the names of their variables."""
    if g.sums_left < 2:
        return None
    g.sums_left -= 2
    outer = g.sum_range(0)
    with g.inside(outer):
        inner = g.sum_range(0)
    if inner.upper == outer.var:
        dim = g.dimension(0)
        inner = Scope(inner.var, "1", dim.name, dim.least, 1)
    with g.inside(outer), g.inside(inner):
        f = term(g, d, need)
        if outer.var not in names(f.lhs) or inner.var not in names(f.lhs):
            base = g.base().name
            f = infix("{0}*{1}", f, Pair.same(f"({base}[{outer.var}] - {base}[{inner.var}])**2"),
                      sign=min(f.sign, Sign.NONNEG))
    lhs = (f"Sum({f.lhs}, {inner.limits()}, {outer.limits()})" if g.chance(0.3)
           else f"Sum(Sum({f.lhs}, {inner.limits()}), {outer.limits()})")
    sign = sum_sign(sum_sign(f.sign, inner), outer)
    if g.chance(0.5):
        return Pair(lhs, f"Sum(Sum({f.rhs}, {outer.limits()}), {inner.limits()})", sign)
    if (outer.lower, outer.upper) != (inner.lower, inner.upper):
        return Pair(lhs, f"Sum(Sum({f.rhs}, {outer.limits()}), {inner.limits()})", sign)
    return Pair(lhs, f"Sum(Sum({swap(f.rhs, outer.var, inner.var)}, {inner.limits()}), {outer.limits()})", sign)


def r_triangle(g: Gen, d: int, need: Sign) -> Pair | None:
    """Σ_{k=1}^{n} Σ_{j=1}^{k} g_j = Σ_{j=1}^{n} (n - j + 1) g_j (an inner limit using the outer index)."""
    if g.sums_left < 2 or need:
        return None
    g.sums_left -= 2
    n = g.dimension(0)
    g.require(n.least is not None and n.least >= 0, f"{n.name} >= 0 for the triangular sum")
    indices = [x for x, v in g.names.items() if v.role == "index"]
    k = g.pick(indices) if indices and g.chance(0.3) else g.fresh()      # may share a free index's name
    j = g.fresh({k})
    base = g.base().name
    lhs = (f"Sum({base}[{j}], ({j}, 1, {k}), ({k}, 1, {n.name}))" if g.chance(0.5)
           else f"Sum(Sum({base}[{j}], ({j}, 1, {k})), ({k}, 1, {n.name}))")
    return Pair(lhs, f"Sum(({n.name} - {j} + 1)*{base}[{j}], ({j}, 1, {n.name}))")


def r_softmax(g: Gen, d: int, need: Sign) -> Pair | None:
    """Softmax and logsumexp: shift invariance and normalization."""
    scope = start_sum(g, 1, nested=False)
    if scope is None:
        return None
    g.require(scope.count is not None and scope.count >= 1, "a nonempty range")
    z, k, limits = g.base().name, scope.var, scope.limits()
    c = term(g, d)
    form = g.rng.randrange(3)
    if form == 0:
        i = g.index_within(scope)
        return Pair(f"exp({z}[{i}] + {c.lhs})/Sum(exp({z}[{k}] + {c.lhs}), {limits})",
                    f"exp({z}[{i}])/Sum(exp({z}[{k}]), {limits})", Sign.POS)
    if form == 1 and not need:
        return Pair(f"log(Sum(exp({z}[{k}]), {limits}))",
                    f"{par(c.rhs)} + log(Sum(exp({z}[{k}] - {par(c.rhs)}), {limits}))")
    j = g.fresh({k})
    return Pair(f"Sum(exp({z}[{k}])/Sum(exp({z}[{j}]), ({j}, {scope.lower}, {scope.upper})), {limits})", "1", Sign.POS)


def r_distribution(g: Gen, d: int, need: Sign) -> Pair | None:
    """Under ``--given 'Sum(p[k], (k, 1, n)) == 1'``: Σ p_k c = c and Σ p_k (δ_ki − p_i) = 0."""
    scope = start_sum(g, 1, nested=False)
    if scope is None:
        return None
    p = g.base(Sign.NONNEG).name
    k = scope.var
    g.add_hypothesis(Hypothesis(f"Sum({p}[{k}], {scope.limits()}) == 1",
                                normalizes=(p, k, scope.lower, scope.upper)))
    if g.chance(0.5) or need:
        c = term(g, d, need)
        return Pair(f"Sum({p}[{k}]*{par(c.lhs)}, {scope.limits()})", c.rhs, c.sign)
    i = g.index_within(scope)
    return Pair(f"Sum({p}[{k}]*(KroneckerDelta({k}, {i}) - {p}[{i}]), {scope.limits()})", "0")


def r_integral(g: Gen, d: int, need: Sign) -> Pair | None:
    """Antiderivatives of c·s^r and e^s, and linearity; the variable may share a free name."""
    if need or g.innermost(integral=True) is not None:
        return None
    c, upper = term(g, max(d - 1, 0)), term(g, 0)
    var = binder_name(g, INTEGRATION, c.lhs, c.rhs, upper.lhs)
    b = par(upper.rhs)
    form = g.rng.randrange(3)
    if form == 0:
        r = g.pick([0, 1, 2, 3])
        return Pair(f"Integral({par(c.lhs)}*{var}**{r}, ({var}, 0, {upper.lhs}))", f"{par(c.rhs)}*{b}**{r + 1}/{r + 1}")
    if form == 1:
        return Pair(f"Integral(exp({var}), ({var}, 0, {upper.lhs}))", f"exp({upper.rhs}) - 1")
    scope = Scope(var, "0", upper.lhs, None, 0 if upper.sign >= Sign.NONNEG else None, integral=True)
    with g.inside(scope):
        f, h = term(g, 1), term(g, 1)
    limits = f"({var}, 0, {upper.lhs})"
    return Pair(f"Integral({f.lhs} + {h.lhs}, {limits})", f"Integral({f.rhs}, {limits}) + Integral({h.rhs}, {limits})")


def r_limit(g: Gen, d: int, need: Sign) -> Pair | None:
    """Limits with known values; the limit variable may share a free name."""
    a = term(g, max(d - 1, 0))
    h = binder_name(g, LIMIT, a.lhs, a.rhs)
    form = g.rng.randrange(4)
    if form == 0 and not need:
        return Pair(f"Limit((exp({h}*{par(a.lhs)}) - 1)/{h}, {h}, 0)", a.rhs)
    if form == 3 and not need:
        return Pair(f'Limit(sin({h}*{par(a.lhs)})/{h}, {h}, 0, "+-")', a.rhs)
    if form == 1:
        return Pair(f"Limit((1 + {par(a.lhs)}/{h})**{h}, {h}, oo)", f"exp({a.rhs})", Sign.POS)
    return Pair(f"Limit(sigmoid({h}) + {par(a.lhs)}, {h}, oo)", f"1 + {par(a.rhs)}", Sign.ANY)


def r_cap(g: Gen, d: int, need: Sign) -> Pair | None:
    """Under ``--given 'z[l] <= M'`` ("for every l"): Max(z[i], M) = M."""
    if need or CAP in g.bound_names():
        return None
    z = g.base().name
    bound, lower, upper = cap(g, z)
    scope = g.innermost()
    if scope is not None:
        g.require(upper is None or (scope.lower, scope.upper) == (lower, upper), f"{scope.var} in {lower}..{upper}")
        i = scope.var
    else:
        i = g.index_between(lower, upper) if lower and upper else g.index("1", g.dimension(1).name)
    return Pair(f"Max({z}[{i}], {bound})", bound)


def cap(g: Gen, z: str) -> tuple[str, str | None, str | None]:
    """Hypothesize ``z[l] <= M`` (once per family): for every l, or — with ``l`` declared
    ``1 <= l <= n`` — for l in 1..n.  Returns the bound and l's range (None: every integer)."""
    for h in g.hypotheses:
        if h.caps and h.caps[0] == z:
            declared = g.names.get(h.forall[0]) if h.forall else None
            return h.caps[1], declared.lower if declared else None, declared.upper if declared else None
    bound = cap_bound(g, z)
    lower = upper = None
    if FORALL not in g.names and g.chance(0.3):
        lower, upper = "1", g.dimension(1).name
        g.add_name(Name(FORALL, "index", integer=True, facts=("integer",), lower=lower, upper=upper), Sign.ANY)
    elif FORALL in g.names:
        lower, upper = g.names[FORALL].lower, g.names[FORALL].upper
    g.add_hypothesis(Hypothesis(f"{z}[{FORALL}] <= {bound}", caps=(z, bound), forall=(FORALL,)))
    return bound, lower, upper


def cap_bound(g: Gen, z: str) -> str:
    """A bound for every entry of ``z``: a new real ``M`` or a number (positive for a signed family)."""
    if CAP not in g.names and g.chance(0.7):
        g.add_name(Name(CAP, "real", facts=("real",)), Sign.ANY)
        return CAP
    if CAP in g.names:
        return CAP
    return g.pick(["0", "1", "2"] if g.bases.get(z) and g.bases[z].sign is Sign.ANY else ["1", "2"])


def r_special(g: Gen, d: int, need: Sign) -> Pair | None:
    """The defining identities of Euler's special functions at a positive term p: Γ(p + 1) = pΓ(p),
    log Γ(p + 1) = log Γ(p) + log p, B(p, q) = Γ(p)Γ(q)/Γ(p + q), ψ(p + 1) = ψ(p) + 1/p, ψ'(p + 1) = ψ'(p) − 1/p²."""
    p, q = term(g, d, Sign.POS), term(g, d, Sign.POS)
    form = g.rng.randrange(5)
    if form == 0:
        return Pair(f"gamma({p.lhs} + 1)", f"{par(p.rhs)}*gamma({p.rhs})", Sign.POS)
    if form == 1 and not need:
        return Pair(f"loggamma({p.lhs} + 1)", f"loggamma({p.rhs}) + log({p.rhs})")
    if form == 2:
        return Pair(f"beta({p.lhs}, {q.lhs})", f"gamma({p.rhs})*gamma({q.rhs})/gamma({p.rhs} + {par(q.rhs)})", Sign.POS)
    if form == 3 and not need:
        return Pair(f"digamma({p.lhs} + 1)", f"digamma({p.rhs}) + 1/{par(p.rhs)}")
    if form == 4:
        return Pair(f"polygamma(1, {p.lhs} + 1)", f"polygamma(1, {p.rhs}) - 1/{par(p.rhs)}**2", Sign.POS)
    return None


RULES: dict[str, Rule] = {
    "special": r_special,
    "exp-add": r_exp_add, "log-product": r_log_mul, "log-power": r_log_pow, "exp-log": r_exp_log,
    "sigmoid": r_sigmoid, "softplus": r_softplus, "logsumexp": r_logsumexp, "max-abs": r_max_abs,
    "algebra": r_algebra, "sqrt-square": r_sqrt_square, "definition": r_definition,
    "sum-linear": r_sum_linear, "sum-split": r_sum_split, "sum-closed": r_sum_closed, "delta": r_delta,
    "rename-bound": r_rename, "double-sum": r_double_sum, "triangle": r_triangle, "softmax": r_softmax,
    "distribution": r_distribution, "integral": r_integral, "limit": r_limit, "cap": r_cap,
}
"""The value-preserving rewrites, by the name recipes use."""
