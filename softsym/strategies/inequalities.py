"""Inequalities by sign reasoning and monotonicity rules, with a trace of the rules used.

``lhs <= rhs`` holds when ``rhs - lhs >= 0``.  Bounds become slack variables first (so
``0 < phi < 1`` is a sign SymPy can use), then ``nonnegative`` tries, recursively:

- sign from SymPy's assumptions, on the expression, its rational normal form and its factors;
- a sum of nonnegative terms; a quotient or product of signed factors;
- monotone functions: ``f(a) - f(b) >= 0`` from ``a - b >= 0`` for exp, log, sqrt, atan, tanh;
- isolating one logarithm: ``log(A) + R >= 0`` iff ``A >= exp(-R)``;
- sums over a range: a sum of nonnegative terms; one term is at most the sum of nonnegatives;
  n terms each at most c sum to at most n·c;
- two-way ``Max``/``Min``/``Abs`` case splits on a free real symbol;
- a univariate function on an interval, by its critical points (found completely by
  ``solveset``) and its limits at the ends.
Every rule is sound on its own; a failed rule passes, it never refutes.
"""
from __future__ import annotations

import sympy as sp

from ..cases import sign_cases
from ..deadline import Deadline, attempt
from ..problem import Problem
from ..reparam import slacks, substitute
from ..domain import Domain
from ..entry_hypotheses import index_in_range, universal_indices, use_entry_hypotheses, use_entry_signs
from ..rewrite import apply_givens, canonical_dummies, evaluate_derivatives, internal, licensed_log_expand
from ..sums import known_le, normalize_sums, ordered_range, with_range
from ..verdict import Verdict, proved
from .means import by_am_gm, by_positive_monomials
from .monotonicity import by_lipschitz, by_monotonicity
from .sum_identities import use_sum_hypotheses

name = "inequalities"
MAX_DEPTH = 6
MONOTONE = (sp.exp, sp.log, sp.atan, sp.tanh, sp.asinh)


class Context:
    """What the rules may use: the domain (bounds, hypotheses), the time left, and the relation's
    own symbols (free integer symbols of a hypothesis outside them read "for every index")."""

    def __init__(self, domain: Domain, deadline: Deadline, relation_symbols: set) -> None:
        self.domain = domain
        self.deadline = deadline
        self.relation_symbols = relation_symbols


def _expand(e: sp.Basic) -> sp.Basic:
    """Distribute products over sums but keep logarithms whole, their arguments factored (so
    that a positive argument looks positive to SymPy)."""
    out = sp.expand(e, log=False)
    return out.replace(lambda x: isinstance(x, sp.log) and not x.args[0].is_Atom,
                       lambda x: sp.log(sp.factor(sp.cancel(x.args[0]))))


def _sign(e: sp.Basic, strict: bool) -> bool:
    return bool(e.is_positive) if strict else bool(e.is_nonnegative)


def nonnegative(e: sp.Basic, strict: bool, ctx: Context, depth: int = 0) -> tuple[str, ...] | None:
    """A trace of rules showing ``e >= 0`` (``e > 0`` when strict), or None."""
    if depth > MAX_DEPTH or ctx.deadline.expired():
        return None
    rel = ">" if strict else ">="
    if _sign(e, strict):
        return (f"sign of {e} {rel} 0 from the assumptions",)
    if e.is_negative or strict and e.is_nonpositive:
        return None             # (−e^{x_j}, a term of a difference: no rule can show it nonnegative)
    for rule in (_by_hypothesis, _by_bounds, _by_normal_form, _by_terms, _by_monotone_pair, _by_log_isolation, _by_sums,
                 *_convexity_rules(), _by_cases, _by_calculus, _by_square_substitution, _by_tangent_bounds,
                 _by_sum_bounds, _by_positive_scaling, _by_am_gm, _by_positive_monomials, _by_monotonicity,
                 _by_lipschitz):
        trace = attempt(ctx.deadline.sooner(max(ctx.deadline.remaining() / 3, 0.05)),
                        lambda r=rule: r(e, strict, ctx, depth), None)
        if trace:
            return trace
    return None


def _convexity_rules():
    from .convexity import gibbs_tangent, tangent_at_mean, weighted_jensen     # convexity builds on this module: late
    return (weighted_jensen, gibbs_tangent, tangent_at_mean)


def _hypotheses(ctx: Context):
    """Each inequality hypothesis as (claim >= 0 pattern, strict); free integer symbols of a
    hypothesis that the relation itself does not mention are read "for every index" (wildcards)."""
    out = []
    for g in ctx.domain.given:
        if isinstance(g, (sp.StrictLessThan, sp.LessThan)):
            claim, is_strict = g.rhs - g.lhs, isinstance(g, sp.StrictLessThan)
        elif isinstance(g, (sp.StrictGreaterThan, sp.GreaterThan)):
            claim, is_strict = g.lhs - g.rhs, isinstance(g, sp.StrictGreaterThan)
        else:
            continue
        # only a symbol that is just an entry index reads "for every l" (z[l] <= m); one that occurs as
        # a value (n >= 2) is about that one n — read for every n it is a false premise
        wild = {k: sp.Wild(f"w_{k.name}", properties=[lambda v: v.is_integer])
                for k in universal_indices(claim, ctx.domain, ctx.relation_symbols)}
        out.append((g, claim.xreplace(wild), is_strict, {w: k for k, w in wild.items()}))
    return out + _entry_bounds(ctx)


def _entry_bounds(ctx: Context):
    """``S − p[k] >= 0`` for k in lo..hi, from a hypothesis ``Σ_{i=lo}^{hi} p[i] = S`` over a family of
    nonnegative entries (one entry is at most the sum of all: a probability is at most 1)."""
    out = []
    for g in ctx.domain.given:
        if not isinstance(g, sp.Equality):
            continue
        for total, value in ((g.lhs, g.rhs), (g.rhs, g.lhs)):
            if not (isinstance(total, sp.Sum) and len(total.limits) == 1) or value.has(sp.Sum):
                continue
            var, lo, hi = total.limits[0]
            if not (lo.is_integer or (lo == -sp.oo and hi.is_integer)):
                continue                    # from a non-integer lo the terms are p[lo], p[lo + 1], …: an
                                            # integer k in lo..hi is not one of them (Σ_{i=1/2}^{5/2})
            entry = total.function
            if not (isinstance(entry, sp.Indexed) and entry.indices == (var,) and entry.is_nonnegative) \
                    or var in value.free_symbols:
                continue
            w = sp.Wild("w_entry", properties=[lambda v: v.is_integer])
            out.append((g, value - entry.base[w], False, {w: ("range", lo, hi)}))
    return out


def _in_ranges(found: dict, wilds: dict, ctx: Context) -> bool:
    """Whether each index a "for every index" hypothesis was matched at lies in that index's
    declared range (``x[i] <= 1`` for 1 <= i <= n says nothing about x[0])."""
    for w, symbol in wilds.items():
        value = found.get(w)
        if value is None:
            continue
        if isinstance(symbol, tuple):                       # ("range", lo, hi): the index of a sum's range
            _, low, high = symbol
            if not (known_le(low, value, ctx.domain) and known_le(value, high, ctx.domain)):
                return False
        elif not index_in_range(symbol, value, ctx.domain):
            return False
    return True


def _by_hypothesis(e, strict, ctx, depth):
    for g, claim, is_strict, wilds in _hypotheses(ctx):
        if strict and not is_strict:
            continue
        if _expand(e - claim) == 0:
            return (f"by hypothesis {g}",)
        found = e.match(claim)
        if found is not None and _in_ranges(found, wilds, ctx):
            return (f"by hypothesis {g}",)
        rest = sp.Wild("rest")
        found = e.match(claim + rest)
        if found and found.get(rest, 0) != 0 and _in_ranges(found, wilds, ctx):
            inner = nonnegative(found[rest], False, ctx, depth + 1)
            if inner:
                return (f"by hypothesis {g}, plus a nonnegative rest",) + inner
    return None


def _by_bounds(e, strict, ctx, depth):
    """A chain of declared bounds (``i <= n <= 3`` gives ``3 - i >= 0``): each bounded symbol is
    replaced by the end of its range that can only lower ``e`` (``sums.known_le``).  For an
    integer-valued ``e`` (integer symbols, integer coefficients) ``e > 0`` is ``e >= 1``."""
    if not any(ctx.domain.bound_of(s) is not None for s in e.free_symbols):
        return None
    if strict:
        integral = all(getattr(s, "is_integer", False) for s in e.free_symbols) and \
            all(c.is_Integer for c in sp.Poly(e, *e.free_symbols).coeffs()) if e.is_polynomial() else False
        if not (integral and known_le(sp.Integer(1), e, ctx.domain)):
            return None
    elif not known_le(sp.Integer(0), e, ctx.domain):
        return None
    return (f"{e} {'>' if strict else '>='} 0 from the declared bounds",)


def _by_normal_form(e, strict, ctx, depth):
    if depth > 2:
        return None
    for form_name, form in (("rational normal form", lambda x: sp.cancel(sp.together(x))),
                            ("licensed log expansion", licensed_log_expand),
                            ("factored", sp.factor), ("simplified", sp.simplify)):
        f = form(e)
        if f == e:
            continue
        if _sign(f, strict):
            return (f"{form_name} {f} has a known sign",)
        if form_name == "licensed log expansion":
            inner = nonnegative(f, strict, ctx, depth + 1)
            if inner:
                return (f"{form_name}: {f}",) + inner
            continue
        if isinstance(f, sp.Mul) and form_name == "factored":
            inner = _by_terms(f, strict, ctx, depth + 1)
            if inner:
                return (f"factored: {f}",) + inner
        num, den = sp.fraction(sp.together(f))
        if den != 1 and den.is_positive:
            num = _expand(num)
            # Clearing a positive denominator at the top is a reduction, not a step of the search:
            # a denominator-free numerator starts with the whole depth (a ratio bound such as
            # e^a/(e^a + Σ e^w) ≥ 1/(1 + n e^{−t}) needs every level for its numerator).  Only once,
            # and only for the rational normal form, whose numerator has no denominator to clear.
            # Tried at the next depth first (most numerators need no more, and the deeper search is slow).
            inner = nonnegative(num, strict, ctx, depth + 1)
            if not inner and depth == 0 and form_name == "rational normal form" \
                    and sp.fraction(sp.together(num))[1] == 1:
                inner = nonnegative(num, strict, ctx, depth)
            if inner:
                return (f"{form_name}: denominator {den} > 0",) + inner
    return None


def _by_terms(e, strict, ctx, depth):
    if isinstance(e, sp.Mul):
        positive = [f for f in e.args if f.is_positive]
        rest = [f for f in e.args if not f.is_positive]
        if len(rest) == 1 and positive:             # c·g >= 0 with c > 0  <=  g >= 0
            inner = nonnegative(rest[0], strict, ctx, depth + 1)
            if inner:
                return (f"positive factor {sp.Mul(*positive)} dropped",) + inner
        negatives = sum(1 for f in rest if f.is_negative)
        known = all(f.is_negative or (not strict and f.is_nonnegative) for f in rest)
        if known and negatives % 2 == 0:
            return ("product of factors of known sign",)
        unknown = [f for f in rest if not (f.is_positive or (not strict and f.is_nonnegative))]
        if 0 < len(unknown) <= 3 and len(unknown) < len(e.args):   # g·h >= 0 <= g, h >= 0, or g, h <= 0
            traces: list[str] = []
            flips = 0
            for f in unknown:
                if f.is_negative or (not strict and f.is_nonpositive):
                    flips += 1
                    continue
                sub = nonnegative(f, strict, ctx, depth + 1)
                if sub is None:
                    sub = nonnegative(_expand(-f), strict, ctx, depth + 1)
                    if sub is None:
                        return None
                    flips += 1
                    sub = (f"{f} {'<' if strict else '<='} 0:",) + sub
                traces.extend(sub)
            if flips % 2:
                return None
            return ("a product of factors of proved signs, an even number of them negative",) + tuple(traces)
        return None
    if not isinstance(e, sp.Add):
        return None
    traces: list[str] = []
    positive_seen = False
    for term in e.args:
        if term.is_positive:
            positive_seen = True
            continue
        if term.is_nonnegative:
            continue
        sub = nonnegative(term, False, ctx, depth + 1)
        if sub is None:
            return None
        traces.extend(sub)
    if strict and not positive_seen:
        return None
    return ("termwise: every term is nonnegative",) + tuple(traces)


def _split_pair(e):
    """``A - B`` as (A, B) when ``e`` is a two-term difference."""
    if isinstance(e, sp.Add) and len(e.args) == 2:
        a, b = e.args
        if b.could_extract_minus_sign():
            return a, -b
        if a.could_extract_minus_sign():
            return b, -a
    return None


def _real_power(x: sp.Basic) -> bool:
    """``B^g`` with a positive base and an exponent that is not a number (a real power, not a polynomial)."""
    return isinstance(x, sp.Pow) and not x.exp.is_Number and bool(x.base.is_positive) and bool(x.exp.is_real)


def _by_monotone_pair(e, strict, ctx, depth):
    pair = _split_pair(e)
    if pair is None:
        return None
    a, b = pair
    if not (a.is_real and b.is_real):
        return None
    if isinstance(a, sp.exp) and b.is_positive and not isinstance(b, sp.exp):   # e^A - c  <=  A - log c
        inner = nonnegative(_expand(a.args[0] - sp.log(b)), strict, ctx, depth + 1)
        if inner:
            return (f"exp is increasing: exp({a.args[0]}) >= {b} iff {a.args[0]} >= log({b})",) + inner
    if isinstance(b, sp.exp) and a.is_positive and not isinstance(a, sp.exp):   # c - e^B  <=  log c - B
        inner = nonnegative(_expand(sp.log(a) - b.args[0]), strict, ctx, depth + 1)
        if inner:
            return (f"exp is increasing: {a} >= exp({b.args[0]}) iff log({a}) >= {b.args[0]}",) + inner
    if _real_power(b) and a.is_positive:         # c - B^g  <=  log c - g·log B  (B > 0)
        inner = nonnegative(_expand(sp.log(a) - b.exp * sp.log(b.base)), strict, ctx, depth + 1)
        if inner:
            return (f"B^g = exp(g·log B) is increasing in g·log B: {a} >= {b} iff log({a}) >= {b.exp}·log({b.base})",) + inner
    if _real_power(a) and b.is_positive:         # B^g - c  <=  g·log B - log c
        inner = nonnegative(_expand(a.exp * sp.log(a.base) - sp.log(b)), strict, ctx, depth + 1)
        if inner:
            return (f"B^g = exp(g·log B) is increasing in g·log B: {a} >= {b} iff {a.exp}·log({a.base}) >= log({b})",) + inner
    for f in MONOTONE:
        if isinstance(a, f) and isinstance(b, f):
            if f is sp.log and not (a.args[0].is_positive and b.args[0].is_positive):
                continue
            inner = nonnegative(a.args[0] - b.args[0], strict, ctx, depth + 1)
            if inner:
                return (f"{f.__name__} is increasing",) + inner
    return None


def _by_log_isolation(e, strict, ctx, depth):
    """Isolate one logarithm: ``log A + R >= 0`` iff ``A >= exp(-R)``; ``R - log A >= 0`` iff ``exp(R) >= A``."""
    terms = sp.Add.make_args(e)                      # a lone −log A is 0 − log A (A <= 1)
    logs = [t for t in terms if (isinstance(t, sp.log) or isinstance(-t, sp.log)) and not t.is_number]
    for term in logs:
        rest = e - term
        if isinstance(term, sp.log) and term.args[0].is_positive:
            arg = term.args[0]
            inner = nonnegative(_expand(arg - sp.exp(-rest)), strict, ctx, depth + 1)
            if inner:
                return (f"log is increasing: log({arg}) >= {-rest} iff {arg} >= exp({-rest})",) + inner
        elif isinstance(-term, sp.log) and (-term).args[0].is_positive:
            arg = (-term).args[0]
            inner = nonnegative(_expand(sp.exp(rest) - arg), strict, ctx, depth + 1)
            if inner:
                return (f"log is increasing: {rest} >= log({arg}) iff exp({rest}) >= {arg}",) + inner
    return None


def _with_index(f: sp.Basic, var: sp.Symbol, lo, hi, ctx: Context):
    """A context where the bound variable is an index in ``lo..hi`` (its slack is taken care of)."""
    k = internal(f"k{var.name}", integer=True)
    return f.xreplace({var: k}), k


def _term_nonneg(f, var, lo, hi, strict, ctx, depth):
    """Every term ``f(k)``, k in lo..hi, is >= 0 (> 0 when strict); only for an ordered range,
    where the terms are those of lo..hi (``sums.ordered_range``)."""
    if not ordered_range(lo, hi, ctx.domain):
        return None
    body, k = _with_index(f, var, lo, hi, ctx)
    s = internal(f"t{k.name}", integer=True, nonnegative=True)
    ranged = Context(with_range(ctx.domain, k, lo, hi), ctx.deadline, ctx.relation_symbols | {k})
    return (nonnegative(body.xreplace({k: lo + s}), strict, ctx, depth + 1)
            or nonnegative(body, strict, ranged, depth + 1))


def _by_sums(e, strict, ctx, depth):
    terms = sp.Add.make_args(e)
    sums = [t for t in terms if isinstance(t, sp.Sum) and len(t.limits) == 1]
    if isinstance(e, sp.Sum) and len(e.limits) == 1:
        var, lo, hi = e.limits[0]
        inner = _term_nonneg(e.function, var, lo, hi, strict, ctx, depth)
        if inner and (not strict or known_le(lo, hi, ctx.domain)):
            return ("a sum of nonnegative terms",) + inner
    for s in sums:                                   # Σ_k f(k) - f(j) + R >= 0  <=  f >= 0, R >= 0
        var, lo, hi = s.limits[0]
        for t in terms:
            if t is s or not t.could_extract_minus_sign():
                continue
            for j in (-t).free_symbols:
                if not j.is_integer or not (known_le(lo, j, ctx.domain) and known_le(j, hi, ctx.domain)):
                    continue
                if sp.simplify(s.function.xreplace({var: j}) + t) != 0:
                    continue
                every = _term_nonneg(s.function, var, lo, hi, False, ctx, depth)
                rest_expr = e - s - t
                rest = nonnegative(rest_expr, strict, ctx, depth + 1) if rest_expr != 0 or not strict else None
                if every and rest:
                    return (f"one term (index {j} in range) is at most a sum of nonnegative terms",) + every + rest
                if strict and known_le(lo + 1, hi, ctx.domain):   # another positive term remains
                    positive = _term_nonneg(s.function, var, lo, hi, True, ctx, depth)
                    rest = nonnegative(rest_expr, False, ctx, depth + 1) if rest_expr != 0 else ("nothing else",)
                    if positive and rest:
                        return (f"one term (index {j} in range) is less than a sum of at least two positive terms",) \
                            + positive + rest
    neg_sums = [t for t in terms if isinstance(-t, sp.Sum) and len((-t).limits) == 1]
    for t in terms:                                   # −c·Σ f with c > 0 free of the index: Σ c·f
        scaled = _scaled_sum(-t, ctx)
        if scaled is not None and not isinstance(-t, sp.Sum) and scaled[0].is_positive:
            c, inner = scaled
            var, lo, hi = inner.limits[0]
            neg_sums.append(-sp.Sum(c * inner.function, (var, lo, hi)))
            e = e - t - sp.Sum(c * inner.function, (var, lo, hi))
    for t in neg_sums:
        s = -t
        var, lo, hi = s.limits[0]
        count = hi - lo + 1
        rest = e + s                                  # e = rest - Σ f
        if not known_le(lo, hi, ctx.domain):
            continue                                  # c = rest/count needs at least one term
        c = sp.cancel(rest / count)
        if c.has(var):
            continue
        each = _term_nonneg(c - s.function, var, lo, hi, strict, ctx, depth)
        if each:
            return (f"{count} terms each at most {c} sum to at most {count}·{c}",) + each
    return None


def _by_sum_bounds(e, strict, ctx, depth):
    """Classical bounds on weighted sums, tried after the cheaper rules: weighted averages,
    Cauchy–Schwarz, Jensen."""
    if not e.has(sp.Sum) or depth > 1:
        return None
    terms = sp.Add.make_args(e)
    if not strict:
        for t in terms:
            if isinstance(-t, sp.Sum) and len((-t).limits) == 1:
                found = _weighted_average(e, -t, ctx, depth)
                if found:
                    return found
            if isinstance(t, sp.Sum) and len(t.limits) == 1:        # the same, bounded from below
                found = _weighted_average(e, t, ctx, depth, below=True)
                if found:
                    return found
    for rule in (_cauchy_schwarz, _jensen):
        for t in terms:
            found = rule(e, t, strict, ctx, depth)
            if found:
                return found
    return None


def _scaled_sum(t, ctx):
    """``t`` as c · Σ_k f_k over a nonempty range with c free of k, or None."""
    sums = [f for f in sp.Mul.make_args(t) if isinstance(f, sp.Sum) and len(f.limits) == 1]
    if len(sums) != 1:
        return None
    s = sums[0]
    c = t / s
    var, lo, hi = s.limits[0]
    if var in c.free_symbols or not known_le(lo, hi, ctx.domain):
        return None
    return c, s


def _jensen(e, t, strict, ctx, depth):
    """Jensen's inequality for the concave log, with weights w_k ≥ 0 summing to W > 0:
    Σ w_k v_k ≤ W log(Σ w_k e^{v_k} / W) and Σ w_k v_k ≥ −W log(Σ w_k e^{−v_k} / W).  A sum term is
    replaced by the bound on the side that keeps e ≥ (the bound) and the rest is proved (the
    entropy of a softmax is at most log n)."""
    found = _scaled_sum(t, ctx)
    if found is None:
        return None
    c, s = found
    var, lo, hi = s.limits[0]
    positive = bool(c.is_positive or _sign(c, True))
    if not positive and not bool((-c).is_positive or _sign(-c, True)):
        return None
    sign = 1 if positive else -1
    for w, v in _weights(s.function, var):
        if var not in w.free_symbols or v.is_real is not True:
            continue
        each = sp.powsimp(w * sp.exp(-sign * v))
        if var in each.free_symbols:
            continue                  # only where w e^{∓v} is the same for every k (a closed-form bound)
        if not (w.is_positive or _term_nonneg(w, var, lo, hi, True, ctx, depth + 2)):
            continue
        total = _alpha(use_sum_hypotheses(normalize_sums(sp.Sum(w, (var, lo, hi)), ctx.domain), ctx.domain))
        if total.has(sp.Piecewise):
            continue
        bound = -sign * total * sp.log(_alpha(each * (hi - lo + 1)) / total)
        rest = nonnegative(_expand(_alpha(e - t + c * bound)), strict, ctx, depth + 2)
        if rest:
            side = "at least" if positive else "at most"
            return (f"Jensen (log is concave): Σ {w}·{v} is {side} {bound}",) + rest
    return None


def _cauchy_schwarz(e, t, strict, ctx, depth):
    """c·Σ_k g_k² ≥ c·(Σ_k g_k)²/N for c ≥ 0 and N ≥ 1 terms: replace the sum of squares by that
    lower bound and prove the rest (Σ p_k² ≥ 1/n when Σ p_k = 1)."""
    found = _scaled_sum(t, ctx)
    if found is None:
        return None
    c, s = found
    var, lo, hi = s.limits[0]
    if not (c.is_nonnegative or _sign(c, False)):
        return None
    f = s.function
    if not (f.is_nonnegative or f.is_positive):
        return None
    g = sp.powsimp(sp.powdenest(sp.sqrt(f), force=False))
    if any(r.q == 2 for r in g.atoms(sp.Rational)):
        return None                                   # not a perfect square (sqrt(x), e^{z/2})
    count = hi - lo + 1
    bound = c * sp.Sum(g, (var, lo, hi)) ** 2 / count
    reduced = _alpha(sp.expand(use_sum_hypotheses(_alpha(e - t + bound), ctx.domain)))
    inner = nonnegative(sp.together(reduced) if reduced.has(sp.Pow) else reduced, strict, ctx, depth + 1)
    if inner:
        return (f"Cauchy–Schwarz: Σ ({g})² >= (Σ {g})²/{count}",) + inner
    return None


def _weights(f: sp.Basic, var: sp.Symbol) -> list[tuple[sp.Basic, sp.Basic]]:
    """Ways to write a summand as weight · value: each factor that depends on the index as the value
    (p_k · log p_k: weight p_k, value log p_k), and a positive square as its root times itself."""
    out = []
    factors = sp.Mul.make_args(f)
    for k, a in enumerate(factors):
        if a.has(var):
            out.append((sp.Mul(*(factors[:k] + factors[k + 1:])), a))
    if f.is_positive or f.is_nonnegative:
        root = sp.powsimp(sp.powdenest(sp.sqrt(f), force=False))
        if not isinstance(root, sp.Pow) or root.exp != sp.Rational(1, 2):
            out.append((root, root))
    return out


def _alpha(e: sp.Basic) -> sp.Basic:
    """Every sum with canonical bound variables, so equal sums are equal expressions."""
    return e.replace(lambda x: isinstance(x, (sp.Sum, sp.Product)), lambda x: canonical_dummies(x))


def _weighted_average(e, s, ctx, depth, below: bool = False):
    """R − Σ_k w_k a_k ≥ 0 when Σ_k w_k = W has a closed form, c = R/W does not depend on k and
    w_k (c − a_k) ≥ 0 for every k: then Σ_k w_k a_k ≤ c Σ_k w_k = R (a weighted average is at most
    its bound; p_k ≤ 1 gives Σ p_k² ≤ Σ p_k, log p_k ≤ 0 gives −Σ p_k log p_k ≥ 0).  With ``below``,
    ``e = Σ_k w_k a_k − R`` and w_k (a_k − c) ≥ 0 for every k (a weighted average is at least a lower
    bound of its values)."""
    var, lo, hi = s.limits[0]
    rest = -(e - s) if below else e + s
    for w, a in _weights(s.function, var):
        if var not in w.free_symbols:
            continue
        total = _alpha(use_sum_hypotheses(normalize_sums(sp.Sum(w, (var, lo, hi)), ctx.domain), ctx.domain))
        if total.has(sp.Piecewise) or not (total.is_positive or _sign(total, True)):
            continue                  # c = R/W must be defined everywhere: W > 0
        c = sp.cancel(_alpha(rest) / total)
        if var in c.free_symbols:
            continue
        k = sp.Dummy(var.name, integer=True)        # the sums in c use canonical names: keep the index apart
        gap = a.xreplace({var: k}) - c if below else c - a.xreplace({var: k})
        each = _term_nonneg(w.xreplace({var: k}) * gap, k, lo, hi, False, ctx, depth)
        if each:
            return (f"weights {w} sum to {total}: Σ {w}·({a}) {'>=' if below else '<='} ({c})·{total}",) + each
    return None


def _by_positive_scaling(e, strict, ctx, depth):
    """``e >= 0`` iff ``e / c >= 0`` for a positive symbol c that scales some term (a temperature:
    T·log Σ e^{z_k/T} − z_j ≥ 0 is log Σ e^{z_k/T} − z_j/T ≥ 0).  Only at the top, last."""
    if depth or not isinstance(e, sp.Add):
        return None
    scales = []
    for term in e.args:
        for f in sp.Mul.make_args(term):
            if isinstance(f, sp.Symbol) and f.is_positive and f not in scales:
                scales.append(f)
    for c in scales[:2]:
        scaled = _expand(e / c)
        inner = nonnegative(scaled, strict, ctx, depth + 1)
        if inner:
            return (f"divided by {c} > 0: {scaled}",) + inner
    return None


def _by_monotonicity(e, strict, ctx, depth):
    """One variable at a time, the others fixed: rising away from an anchor where e >= 0."""
    return by_monotonicity(e, strict, ctx, depth, nonnegative)


def _by_am_gm(e, strict, ctx, depth):
    """log(t_1 + … + t_n) >= log n + mean(log t_i) for positive terms (AM–GM)."""
    return by_am_gm(e, strict, ctx, depth, nonnegative)


def _by_positive_monomials(e, strict, ctx, depth):
    """A polynomial in positive variables (homogenized by a sum-to-one hypothesis) by its coefficients."""
    return by_positive_monomials(e, strict, ctx, depth, nonnegative)


def _by_lipschitz(e, strict, ctx, depth):
    """|G(x) − G(y)| <= M·|x − y| from |G'| <= M (the mean value theorem)."""
    return by_lipschitz(e, strict, ctx, depth, nonnegative)


def _by_cases(e, strict, ctx, depth):
    cases = sign_cases(e, ctx.domain, tag=f"c{depth}")
    if cases is None:
        return None
    traces = []
    for case in cases:
        inner = nonnegative(_expand(e.xreplace(case.substitution)), strict, ctx, depth + 1)
        if inner is None:
            return None
        traces.append(f"case {case.label}: " + "; ".join(inner))
    return tuple(traces)


def _by_calculus(e, strict, ctx, depth):
    free = [s for s in e.free_symbols if isinstance(s, sp.Symbol)]
    if depth > 1 or len(free) != 1 or e.has(sp.Sum, sp.Product, sp.Max, sp.Min, sp.Abs, sp.Piecewise):
        return None
    x = free[0]
    if not x.is_real or x.is_integer:
        return None
    interval = sp.Interval.open(0, sp.oo) if x.is_positive else (
        sp.Interval(0, sp.oo) if x.is_nonnegative else sp.Reals)
    bound = ctx.domain.bound_of(x)
    if bound is not None:                             # a declared interval with constant ends
        lo = bound.lower if bound.lower is not None else -sp.oo
        hi = bound.upper if bound.upper is not None else sp.oo
        if not (lo.is_number and hi.is_number):
            return None
        interval = interval.intersect(sp.Interval(lo, hi, bound.lower_strict, bound.upper_strict))
        if not isinstance(interval, sp.Interval) or interval.measure == 0:
            return None
    if sp.calculus.util.continuous_domain(e, x, interval) != interval or \
            sp.calculus.util.continuous_domain(sp.diff(e, x), x, interval.interior) != interval.interior:
        return None                                   # the critical-point argument needs f, f' continuous
    solutions = sp.solveset(sp.diff(e, x), x, interval.interior)
    if solutions is sp.S.EmptySet:
        critical: list[sp.Basic] = []
    elif isinstance(solutions, sp.FiniteSet) and len(solutions) <= 8:
        critical = list(solutions)
    else:
        return None
    checks = [e.xreplace({x: c}) for c in critical]
    ends = [sp.limit(e, x, interval.start, "+") if interval.start.is_finite else sp.limit(e, x, -sp.oo),
            sp.limit(e, x, interval.end, "-") if interval.end.is_finite else sp.limit(e, x, sp.oo)]
    if interval.start.is_finite and not interval.left_open:
        checks.append(e.xreplace({x: interval.start}))
    if interval.end.is_finite and not interval.right_open:
        checks.append(e.xreplace({x: interval.end}))
    for t in (interval.start, interval.end):              # a derivative zero everywhere that solveset
        probe = _interior_point(interval, t)                  # did not see would hide every critical point
        if probe is not None and probe not in critical:
            slope = sp.diff(e, x).xreplace({x: probe}).evalf(30)
            if not slope.is_Number or abs(slope) < sp.Float("1e-20"):
                return None
    attained = all(_sign(sp.simplify(v), strict) for v in checks)
    # strict: an end's limit is only approached, so it must itself be > 0 (the infimum may be it)
    approached = all(v == sp.oo or _sign(sp.simplify(v), strict) for v in ends)
    if attained and approached:
        where = ", ".join(str(c) for c in critical) or "none"
        return (f"univariate in {x} on {interval}: critical points {where}; values there and limits at the ends are {'>' if strict else '>='} 0",)
    return None


def _interior_point(interval: sp.Interval, near: sp.Basic) -> sp.Basic | None:
    """A simple point inside ``interval`` near one of its ends (or None for a degenerate one)."""
    lo, hi = interval.start, interval.end
    if lo.is_finite and hi.is_finite:
        return lo + (hi - lo) * (sp.Rational(1, 3) if near == lo else sp.Rational(2, 3))
    if lo.is_finite:
        return lo + (sp.Rational(1, 2) if near == lo else 7)
    if hi.is_finite:
        return hi - (sp.Rational(1, 2) if near == hi else 7)
    return sp.Rational(-3, 2) if near == lo else sp.Rational(5, 2)


def _by_square_substitution(e, strict, ctx, depth):
    """Positive symbols under square roots: x = t² with t > 0 (a bijection of the positive reals)."""
    if depth > 2:
        return None
    roots = {b for b in e.atoms(sp.Pow) if b.exp == sp.Rational(1, 2) or b.exp == -sp.Rational(1, 2)}
    targets = set()
    for r in roots:
        base = sp.expand_power_base(r, force=False).atoms(sp.Pow)
        for b in {r} | base:
            if isinstance(b.base, sp.Symbol) and b.base.is_positive and b.exp.q == 2:
                targets.add(b.base)
        targets |= {x for x in r.base.free_symbols if isinstance(x, sp.Symbol) and x.is_positive}
    targets = {x for x in targets if ctx.domain.bound_of(x) is None}
    if not targets:
        return None
    mapping = {x: internal(f"r{x.name}", positive=True) ** 2 for x in sorted(targets, key=str)}
    inner = nonnegative(sp.factor(_expand(sp.powdenest(e.xreplace(mapping), force=False))), strict, ctx, depth + 1)
    if inner:
        names = ", ".join(f"{x} = {v}" for x, v in mapping.items())
        return (f"substitute {names} (positive square roots)",) + inner
    return None


def _by_tangent_bounds(e, strict, ctx, depth):
    """Convexity: w·log(A) >= w·(1 − 1/A) for w >= 0 and w·log(A) >= w·(A − 1) for w <= 0 (from
    1 − 1/A <= log A <= A − 1), and w·exp(A) >= w·(1 + A) for w >= 0.  Terms sharing a logarithm
    are collected first.  If the relaxed expression is >= 0, so is ``e`` (no term increased)."""
    if depth > 2 or not isinstance(e, sp.Add):
        return None
    relaxed, used = e, []
    for atom in sorted(e.atoms(sp.log, sp.exp), key=sp.default_sort_key):
        arg = atom.args[0]
        parts = sp.collect(relaxed, [atom], evaluate=False)
        if set(parts) - {atom, sp.S.One}:
            continue                                  # atom appears non-linearly
        weight = sp.factor(sp.cancel(sp.together(parts.get(atom, sp.S.Zero))))
        rest = parts.get(sp.S.One, sp.S.Zero)
        if weight == 0 or rest.has(atom):
            continue
        if isinstance(atom, sp.log) and arg.is_positive and weight.is_nonnegative:
            relaxed, note = rest + weight * (1 - 1 / arg), f"log({arg}) >= 1 - 1/({arg})"
        elif isinstance(atom, sp.log) and arg.is_positive and weight.is_nonpositive:
            relaxed, note = rest + weight * (arg - 1), f"log({arg}) <= ({arg}) - 1"
        elif isinstance(atom, sp.exp) and arg.is_real and weight.is_nonnegative:
            relaxed, note = rest + weight * (1 + arg), f"exp({arg}) >= 1 + {arg}"
        else:
            continue
        used.append(note)
    if not used:
        return None
    inner = nonnegative(sp.factor(sp.cancel(sp.together(_expand(relaxed)))), strict, ctx, depth + 1)
    if inner:
        return ("tangent-line bounds: " + "; ".join(used),) + inner
    return None


def inequalities(problem: Problem, deadline: Deadline) -> Verdict | None:
    """Prove ``lhs <= rhs`` or ``lhs < rhs`` from the sign of ``rhs - lhs``."""
    if problem.rel not in ("<=", "<"):
        return None
    strict = problem.rel == "<"
    entries: list[str] = []
    diff = attempt(deadline, lambda: apply_givens(use_entry_signs(
        use_entry_hypotheses(evaluate_derivatives(problem.difference), problem.domain, problem.free_symbols, entries),
        problem.domain, problem.free_symbols, entries), problem.domain), None)
    if diff is None:
        return None
    if diff.has(sp.Sum, sp.Product):
        diff = attempt(deadline, lambda: normalize_sums(diff, problem.domain), diff)
    chosen = slacks(problem.domain, diff.free_symbols)
    if any(s.endpoints for s in chosen):
        chosen = []                                   # closed two-sided intervals: keep the symbols
    domain = problem.domain
    if chosen:                                        # hypotheses speak of the same symbols: rewrite them too
        domain = Domain(domain.symbols, domain.indexed, domain.bounds,
                        tuple(substitute(g, chosen) for g in domain.given))
    work = _expand(substitute(diff, chosen)) if chosen else diff
    # a slack that replaced a relation symbol is the relation's own: never a "for every index" wildcard
    ctx = Context(domain, deadline, problem.free_symbols | work.free_symbols
                  | {x for s in chosen for x in s.value.free_symbols})
    trace = None
    if chosen:      # first a short try without the slacks: p_i > p_j from x_j < x_i needs none, and the
        # slacked search fails slowly there (its indices x[_s + 1] no longer match the hypothesis)
        trace = nonnegative(diff, strict, Context(problem.domain, deadline.sooner(min(1.0, deadline.remaining() / 8)),
                                                  problem.free_symbols))
        if trace is not None:
            chosen = []
    if trace is None:
        trace = nonnegative(work, strict, ctx)
    if trace is None and chosen:
        trace = nonnegative(diff, strict, Context(problem.domain, deadline, problem.free_symbols))
        chosen = []
    if trace is None:
        return None
    trace = tuple(f"hypothesis {g} at entries inside its range" for g in entries) + tuple(s.note for s in chosen) + trace
    return proved(name, f"rhs - lhs {'>' if strict else '>='} 0: " + "; ".join(trace), trace)
