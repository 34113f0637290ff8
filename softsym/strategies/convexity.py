"""Convexity rules for ``nonnegative`` (softsym.strategies.inequalities): Jensen's inequality over a
symbolic sum, and Gibbs' inequality (the tangent bound of log) over explicit terms.

- ``weighted_jensen``: with weights w_k >= 0 whose total W = Σ_k w_k > 0 has a closed form (a
  hypothesis Σ p_k = 1, or a constant summand), a term c·Σ_k w_k φ(x_k) with φ convex and c > 0 (or
  φ concave and c < 0) is at least c·W·φ(Σ_k w_k x_k / W), and a term c·log(a Σ_k w_k x_k) with
  c, a > 0 is at least c·(log a + log W + Σ_k w_k log x_k / W) (log is concave).  φ: log, exp,
  x·log x, x^r (convex for r > 1 or r < 0, concave for 0 < r < 1).  The term is replaced by its
  bound and the rest is proved: Shannon entropy ≥ Rényi-2 entropy, entropy ≤ log n.
- ``gibbs_tangent``: the logarithms of an expression over explicit symbols are grouped by their
  weight, ``w·(log A_1 − log A_2 + …) = w·log(A_1/A_2·…)``, a numeric constant K may first be
  multiplied by a linear hypothesis Σ a_j x_j = 1 (K = K·Σ a_j x_j, so log 3 joins each p_j's
  group as p_j·log 3), then each group is bounded by the tangent of log at 1: w·log B ≥ w·(1 − 1/B)
  for w ≥ 0 and w·log B ≥ w·(B − 1) for w ≤ 0.  The relaxed, logarithm-free expression is proved
  with the linear equality hypotheses substituted: Σ p_j log(p_j/q_j) ≥ Σ p_j − Σ q_j = 0 (Gibbs,
  KL ≥ 0), −Σ p_j log p_j ≤ log m for m explicit classes.

Each rule only ever replaces a term by a proved lower bound, at points where the hypotheses hold; a
rule that cannot establish a side condition passes.
"""
from __future__ import annotations

import importlib

import sympy as sp

from ..domain import Domain
from ..rewrite import licensed_log_expand
from ..sums import normalize_sums
from .sum_identities import use_sum_hypotheses

ineq = importlib.import_module(f"{__package__}.inequalities")   # the module (the package exports its strategy function)


REST_SECONDS = 0.75
"""Time for proving what is left after one bound: the bounds these rules are for leave a rest
that is settled at once (0, or a hypothesis); a long search there only delays the other rules."""


def _briefly(ctx):
    """``ctx`` with at most ``REST_SECONDS`` (or a third of what is left) to go."""
    return ineq.Context(ctx.domain, ctx.deadline.sooner(min(REST_SECONDS, ctx.deadline.remaining() / 3)),
                        ctx.relation_symbols)


def _signed(c: sp.Basic, ctx) -> int:
    """+1 when c > 0, -1 when c < 0 (from the assumptions), else 0."""
    if c.is_positive or ineq._sign(c, True):
        return 1
    if c.is_negative or ineq._sign(-c, True):
        return -1
    return 0


def _each(f: sp.Basic, var, lo, hi, strict: bool, ctx, depth) -> bool:
    """Every term f(k), k in lo..hi, is >= 0 (> 0 when strict)."""
    if (f.is_positive if strict else f.is_nonnegative):
        return True
    return bool(ineq._term_nonneg(f, var, lo, hi, strict, ctx, depth + 2))


def _total(w: sp.Basic, var, lo, hi, ctx) -> sp.Basic | None:
    """Σ_k w_k in closed form (hypotheses used), when it has one and is positive, else None."""
    total = ineq._alpha(use_sum_hypotheses(normalize_sums(sp.Sum(w, (var, lo, hi)), ctx.domain), ctx.domain))
    if total.has(sp.Sum, sp.Product, sp.Piecewise) or not (total.is_positive or ineq._sign(total, True)):
        return None
    return total


def _reduced(e: sp.Basic, ctx) -> sp.Basic:
    """The sums of ``e`` in normal form, the hypotheses' sums replaced by their values."""
    out = normalize_sums(e, ctx.domain) if e.has(sp.Sum) else e
    return ineq._expand(ineq._alpha(use_sum_hypotheses(out, ctx.domain)))


def _log_weights(f: sp.Basic, var, lo, hi, ctx) -> list[tuple[sp.Basic, sp.Basic]]:
    """Ways to write a summand as weight · value: ``inequalities._weights`` and, first, each weight a
    hypothesis sums over the same range (Σ_i p_i = 1 reads p_k³ as p_k · p_k²)."""
    out = []
    for g in ctx.domain.given:
        if not isinstance(g, sp.Eq):
            continue
        for side in (g.lhs, g.rhs):
            if isinstance(side, sp.Sum) and len(side.limits) == 1 and tuple(side.limits[0][1:]) == (lo, hi):
                w = side.function.xreplace({side.limits[0][0]: var})
                if w.has(var) and w != f:
                    out.append((w, sp.cancel(f / w)))
    return out + [pair for pair in ineq._weights(f, var) if pair not in out]


def _convex_forms(f: sp.Basic, var) -> list[tuple[sp.Basic, sp.Basic, str]]:
    """Ways to read a summand as w · φ(x): (w, x, φ's name) with φ in log, exp, xlogx, pow:r."""
    out = []
    factors = sp.Mul.make_args(f)
    for k, a in enumerate(factors):
        if not a.has(var):
            continue
        w = sp.Mul(*(factors[:k] + factors[k + 1:]))
        if isinstance(a, sp.log):
            out.append((w, a.args[0], "log"))
            out.append((w, sp.cancel(1 / a.args[0]), "neglog"))     # w·log A = w·(−log(1/A)), −log convex
            x = a.args[0]
            for j, b in enumerate(factors):           # x·log x: the factor x sits beside its logarithm
                if j != k and b == x:
                    out.append((sp.Mul(*(g for i, g in enumerate(factors) if i not in (j, k))), x, "xlogx"))
        elif isinstance(a, sp.exp):
            out.append((w, a.args[0], "exp"))
        elif isinstance(a, sp.Pow) and a.exp.is_Rational and a.exp not in (0, 1) and not a.exp.has(var):
            out.append((w, a.base, f"pow:{a.exp}"))
    return out


def _phi(kind: str, x: sp.Basic) -> sp.Basic:
    if kind == "log":
        return sp.log(x)
    if kind == "neglog":
        return -sp.log(x)
    if kind == "exp":
        return sp.exp(x)
    if kind == "xlogx":
        return x * sp.log(x)
    return x ** sp.Rational(kind.split(":")[1])


def _curvature(kind: str, x: sp.Basic, var, lo, hi, ctx, depth) -> int:
    """+1 when φ is convex on the values x_k take, -1 when concave, 0 when not established."""
    if kind == "exp":
        return 1 if x.is_real else 0
    positive = _each(x, var, lo, hi, True, ctx, depth)
    if kind == "log":
        return -1 if positive else 0
    if kind in ("xlogx", "neglog"):
        return 1 if positive else 0
    r = sp.Rational(kind.split(":")[1])
    if r.is_integer and r > 1 and r % 2 == 0 and x.is_real:
        return 1                                      # x², x⁴, …: convex on the reals
    if not positive:
        return 0
    return 1 if (r > 1 or r < 0) else (-1 if 0 < r < 1 else 0)


def weighted_jensen(e, strict, ctx, depth):
    """Jensen's inequality for a weighted sum over a symbolic range (see the module docstring)."""
    if depth > 0 or not e.has(sp.Sum):
        return None                                   # at the top only: the rule is tried on every subgoal otherwise
    domain = ctx.domain                               # hypotheses with canonical bound variables, as the rests have
    ctx = ineq.Context(Domain(domain.symbols, domain.indexed, domain.bounds, tuple(ineq._alpha(g) for g in domain.given)),
                       ctx.deadline, ctx.relation_symbols)
    for whole, t in [(e, t) for t in sp.Add.make_args(e)] + _merged_sums(e, ctx):
        for bound, note in _jensen_bounds(t, ctx, depth):
            if ctx.deadline.expired():
                return None
            rest = _reduced(whole - t + bound, ctx)
            inner = ineq.nonnegative(rest, strict, _briefly(ctx), depth + 2) or _one_log(rest, strict, ctx, depth + 2)
            if inner:
                return (note,) + inner
    return None


def _positive_value(a: sp.Basic, ctx, depth: int) -> bool:
    """``a > 0``: from the assumptions, or a sum of positive terms over a nonempty range."""
    if a.is_positive or ineq._sign(a, True):
        return True
    found = ineq._scaled_sum(a, ctx)               # nonempty range, scale free of the index
    if found is None or not (found[0].is_positive or ineq._sign(found[0], True)):
        return False
    var, lo, hi = found[1].limits[0]
    return _each(found[1].function, var, lo, hi, True, ctx, depth)


def _one_log(e: sp.Basic, strict: bool, ctx, depth: int):
    """``k·log A >= 0`` for a number k and A > 0: A >= 1 when k > 0, A <= 1 when k < 0 (−log Σ q_k >= 0
    from Σ q_k <= 1)."""
    k, a = e.as_coeff_Mul()
    if not (isinstance(a, sp.log) and k != 0 and _positive_value(a.args[0], ctx, depth)):
        return None
    gap = a.args[0] - 1 if k > 0 else 1 - a.args[0]
    inner = ineq.nonnegative(ineq._expand(gap), strict, ctx, depth + 1)
    return (f"log is increasing: {e} {'>' if strict else '>='} 0 iff {gap} {'>' if strict else '>='} 0",) + inner \
        if inner else None


def _merged_sums(e: sp.Basic, ctx) -> list[tuple[sp.Basic, sp.Basic]]:
    """``e`` with its sums over one range merged into one sum, logarithms of each summand's factors
    combined where licensed (Σ p log p − Σ p log q = Σ p log(p/q), p, q > 0): (e rewritten, the sum)."""
    groups: dict[tuple, list] = {}
    for t in sp.Add.make_args(e):
        found = ineq._scaled_sum(t, ctx)
        if found is not None and not found[0].has(sp.Sum, sp.Product):   # a scale with its own sum stays outside
            groups.setdefault(tuple(found[1].limits[0][1:]), []).append((t, *found))
    out = []
    for (lo, hi), members in groups.items():
        if len(members) < 2:
            continue
        var = members[0][2].limits[0][0]
        body = sp.Add(*(c * s.function.xreplace({s.limits[0][0]: var}) for _, c, s in members))
        factored = sp.factor(body)
        body = sp.Mul(*(sp.logcombine(a, force=False) if isinstance(a, sp.Add) and a.has(sp.log) else a
                        for a in sp.Mul.make_args(factored)))
        merged = sp.Sum(body, (var, lo, hi))
        out.append((e - sp.Add(*(t for t, _, _ in members)) + merged, merged))
    return out


def _jensen_bounds(t, ctx, depth):
    """Lower bounds of the term ``t`` by Jensen's inequality, each with its note (a generator)."""
    c, core = t.as_independent(sp.Sum, as_Add=False)
    if isinstance(core, sp.log):                      # c·log(a·Σ w x) >= c·(log a + log W + Σ w log x / W)
        if _signed(c, ctx) != 1:
            return
        found = ineq._scaled_sum(core.args[0], ctx)
        if found is None:
            return
        a, s = found
        var, lo, hi = s.limits[0]
        if not (a.is_positive or ineq._sign(a, True)):
            return
        for w, x in _log_weights(s.function, var, lo, hi, ctx):
            if not (_each(w, var, lo, hi, False, ctx, depth) and _each(x, var, lo, hi, True, ctx, depth)):
                continue
            total = _total(w, var, lo, hi, ctx)
            if total is None:
                continue
            inner = sp.Sum(w * licensed_log_expand(sp.log(x)), (var, lo, hi))
            bound = c * (sp.log(a) + sp.log(total) + inner / total)
            yield bound, f"Jensen (log is concave): log(Σ {w}·{x}) >= log({total}) + Σ {w}·log({x})/{total}"
        return
    found = ineq._scaled_sum(t, ctx)
    if found is None:
        return
    c, s = found
    k, f = s.function.as_coeff_Mul()
    if k.is_negative:                                 # −Σ p log(q/p): the sign goes to the scale
        c, s = c * k, sp.Sum(f, *s.limits)
    sign = _signed(c, ctx)
    if sign == 0:
        return
    var, lo, hi = s.limits[0]
    for w, x, kind in _convex_forms(s.function, var):
        if _curvature(kind, x, var, lo, hi, ctx, depth) != sign:
            continue                                  # c·Σ w φ(x) >= c·W φ(mean) needs c·φ convex
        if not _each(w, var, lo, hi, False, ctx, depth):
            continue
        total = _total(w, var, lo, hi, ctx)
        if total is None:
            continue
        mean = sp.Sum(w * x, (var, lo, hi)) / total
        bound = c * total * _phi(kind, mean)
        shape = "convex" if sign == 1 else "concave"
        yield bound, f"Jensen ({kind} is {shape}, weights {w} sum to {total}): Σ {w}·φ({x}) " \
                     f"{'>=' if sign == 1 else '<='} {total}·φ(Σ {w}·{x}/{total})"


# --- Gibbs' inequality over explicit terms -------------------------------------------------------

def _linear_hypotheses(ctx) -> list[tuple[sp.Basic, list[sp.Symbol]]]:
    """Equality hypotheses linear in real symbols with a nonzero constant: (M, symbols) with the
    hypothesis read as M = 1 (``p0 + p1 + p2 == 1``; ``2a + 2b == 4`` is a + b = 1)."""
    out = []
    for g in ctx.domain.given:
        if not isinstance(g, sp.Eq) or g.has(sp.Sum, sp.Product, sp.Indexed, sp.Integral):
            continue
        expr = sp.expand(g.lhs - g.rhs)
        xs = sorted((s for s in expr.free_symbols if isinstance(s, sp.Symbol)), key=sp.default_sort_key)
        if not xs or not all(x.is_real for x in xs):
            continue
        try:
            poly = sp.Poly(expr, *xs)
        except sp.PolynomialError:
            continue
        if poly.total_degree() != 1 or not all(c.is_Rational for c in poly.coeffs()):
            continue
        constant = -expr.xreplace({x: 0 for x in xs})
        if constant == 0:
            continue
        out.append((sp.expand((expr + constant) / constant), xs))
    return out


def _log_groups(e: sp.Basic, ctx, depth: int):
    """``e`` as (groups, rest): groups maps a weight w to [(r, A)] with e = Σ_w w·Σ r·log A + rest,
    r rational, every A > 0 and the rest free of logarithms of symbols; None when ``e`` is not linear
    in its logarithms."""
    expanded = sp.expand(e)                          # (licensed log splits: log(p/q) = log p − log q, p, q > 0)
    logs = sorted((a for a in expanded.atoms(sp.log) if a.free_symbols), key=sp.default_sort_key)
    if not logs:
        return None
    parts = sp.collect(expanded, logs, evaluate=False)
    if set(parts) - set(logs) - {sp.S.One}:
        return None
    rest = parts.get(sp.S.One, sp.S.Zero)
    if any(rest.has(a) for a in logs):
        return None
    groups: dict[sp.Basic, list[tuple[sp.Basic, sp.Basic]]] = {}
    for atom in logs:
        coefficient = sp.factor(parts.get(atom, sp.S.Zero))
        if coefficient == 0 or coefficient.has(sp.log):
            if coefficient == 0:
                continue
            return None
        if not (atom.args[0].is_positive or _positive_by_bounds(atom.args[0], ctx.domain)):
            return None
        r, w = coefficient.as_coeff_Mul()
        if w.could_extract_minus_sign():
            r, w = -r, -w
        groups.setdefault(w, []).append((r, atom.args[0]))
    return groups, rest


def _positive_by_bounds(a: sp.Basic, domain) -> bool:
    """``a > 0`` from the declared bounds (``1 − p`` for ``0 < p < 1``): each bounded symbol that
    occurs linearly with a numeric coefficient is replaced by the end of its range that lowers
    ``a``; a strict end makes the inequality strict."""
    d, strict = sp.expand(a), False
    for _ in range(6):
        if d.is_positive or (strict and d.is_nonnegative):
            return True
        for x in sorted(d.free_symbols, key=sp.default_sort_key):
            bound = domain.bound_of(x)
            if bound is None or not d.is_polynomial(x) or sp.degree(d, x) != 1:
                continue
            c = d.coeff(x)
            if not c.is_number or c == 0:
                continue
            end, end_strict = (bound.lower, bound.lower_strict) if c > 0 else (bound.upper, bound.upper_strict)
            if end is None:
                continue
            d, strict = sp.expand(d.xreplace({x: end})), strict or end_strict
            break
        else:
            return False
    return False


def _homogenized(groups: dict, rest: sp.Basic, m: sp.Basic) -> tuple[dict, sp.Basic] | None:
    """The numeric constant K of ``rest`` written K·M (M = 1 by hypothesis): each term a·x of M joins
    the group of weight x (up to a rational factor) as a·K = w·log(exp(a·K/w)), or stays in the rest."""
    constant = sp.Add(*(t for t in sp.Add.make_args(rest) if not t.free_symbols))
    if constant == 0 or constant.is_real is not True:
        return None                                   # log(exp(K)) = K for a real K only
    groups = {w: list(v) for w, v in groups.items()}
    rest = rest - constant
    joined = False
    for term in sp.Add.make_args(m):
        a, x = term.as_coeff_Mul()
        for w in groups:
            ratio = sp.cancel(x / w)
            if ratio.is_Rational and ratio != 0:
                groups[w].append((sp.Integer(1), sp.exp(a * ratio * constant)))
                joined = True
                break
        else:
            rest = rest + constant * term
    return (groups, rest) if joined else None


def gibbs_tangent(e, strict, ctx, depth):
    """Gibbs' inequality over explicit terms by the tangent of log (see the module docstring)."""
    if depth > 0 or not isinstance(e, sp.Add) or e.has(sp.Sum, sp.Product, sp.Integral):
        return None
    found = _log_groups(e, ctx, depth)
    if found is None:
        return None
    hypotheses = _linear_hypotheses(ctx)
    candidates = [(found, None)]
    for m, _ in hypotheses:
        homogeneous = _homogenized(*found, m)
        if homogeneous is not None:
            candidates.insert(0, (homogeneous, m))
    for (groups, rest), m in candidates:
        if ctx.deadline.expired():
            return None
        relaxed, notes = rest, []
        for w, logs in groups.items():
            b = sp.powsimp(sp.Mul(*(a ** r for r, a in logs)))
            if w.is_nonnegative or ineq._by_bounds(w, False, ctx, depth + 2):
                relaxed += w * (1 - 1 / b)
                notes.append(f"({w})·log({b}) >= ({w})·(1 - 1/({b}))")
            elif w.is_nonpositive or ineq._by_bounds(-w, False, ctx, depth + 2):
                relaxed += w * (b - 1)
                notes.append(f"({w})·log({b}) >= ({w})·(({b}) - 1)")
            else:
                break
        else:
            for form, note in _with_hypotheses(relaxed, hypotheses):
                inner = ineq.nonnegative(form, strict, _briefly(ctx), depth + 1)
                if inner:
                    head = f"the constant times {m} (= 1 by hypothesis); " if m is not None else ""
                    return (f"Gibbs / tangent of log at 1: {head}" + "; ".join(notes) + note,) + inner
    return None


def _with_hypotheses(relaxed: sp.Basic, hypotheses) -> list[tuple[sp.Basic, str]]:
    """The relaxed expression as it is and with the linear equality hypotheses solved for their
    last symbol and substituted (valid wherever they hold)."""
    out = [(sp.cancel(sp.together(relaxed)), "")]
    subs: dict = {}
    for m, xs in hypotheses:
        x = xs[-1]
        value = sp.solve(sp.Eq(m.xreplace(subs), 1), x)
        if len(value) == 1 and x not in subs:
            subs = {k: v.xreplace({x: value[0]}) for k, v in subs.items()}
            subs[x] = value[0]
    if subs:
        out.insert(0, (sp.cancel(sp.together(relaxed.xreplace(subs))),
                       "; with " + ", ".join(f"{k} = {v}" for k, v in subs.items())))
    return out



# --- Jensen over explicit terms: the tangent at the point another term names ---------------------

def tangent_at_mean(e, strict, ctx, depth):
    """Tangent lines at a point the expression itself names: with exp(m) weighted negatively, each
    positively weighted exp(x) is at least exp(m)·(1 + x − m) (exp is convex); with log(m) weighted
    positively, each negatively weighted log(x) is at most log(m) + (x − m)/m (log is concave).  The
    relaxed expression is proved (e^{(a+b)/2} ≤ (e^a + e^b)/2, log((x+y)/2) ≥ (log x + log y)/2,
    log Σ_j e^{z_j} ≥ mean z + log m after isolating the logarithm)."""
    if depth > 1 or not isinstance(e, sp.Add) or e.has(sp.Sum, sp.Product, sp.Integral):
        return None
    expanded = sp.expand(sp.powsimp(e, combine="exp"), power_exp=False, log=False)   # e^{a/3}e^{b/3} = e^{(a+b)/3}
    for kind in (sp.exp, sp.log):
        atoms = sorted((a for a in expanded.atoms(kind) if a.free_symbols), key=sp.default_sort_key)
        if len(atoms) < 2:
            continue
        parts = sp.collect(expanded, atoms, evaluate=False)
        if set(parts) - set(atoms) - {sp.S.One} or any(parts.get(sp.S.One, sp.S.Zero).has(a) for a in atoms):
            continue
        weights = {a: parts.get(a, sp.S.Zero) for a in atoms}
        if any(w.has(kind) for w in weights.values()):
            continue
        if kind is sp.exp:
            if not all(a.args[0].is_real for a in atoms):
                continue
            anchors = [a for a in atoms if weights[a].is_negative or ineq._sign(-weights[a], True)]
            movable = [a for a in atoms if weights[a].is_nonnegative or ineq._by_bounds(weights[a], False, ctx, depth)]
        else:
            if not all(a.args[0].is_positive or _positive_by_bounds(a.args[0], ctx.domain) for a in atoms):
                continue
            anchors = [a for a in atoms if weights[a].is_positive or ineq._sign(weights[a], True)]
            movable = [a for a in atoms if weights[a].is_nonpositive or ineq._by_bounds(-weights[a], False, ctx, depth)]
        for anchor in anchors[:3]:
            m = anchor.args[0]
            moved = [a for a in movable if a != anchor]
            if not moved:
                continue
            if kind is sp.exp:
                lines = {a: anchor * (1 + a.args[0] - m) for a in moved}
                note = f"exp is convex: exp(x) >= exp({m})·(1 + x − ({m})) for x = " + ", ".join(str(a.args[0]) for a in moved)
            else:
                lines = {a: anchor + (a.args[0] - m) / m for a in moved}
                note = f"log is concave: log(x) <= log({m}) + (x − ({m}))/({m}) for x = " + ", ".join(str(a.args[0]) for a in moved)
            relaxed = sp.Add(*(weights[a] * lines.get(a, a) for a in atoms)) + parts.get(sp.S.One, sp.S.Zero)
            relaxed = sp.factor(sp.cancel(sp.together(sp.expand(relaxed, power_exp=False, log=False))))
            inner = ineq.nonnegative(relaxed, strict, _briefly(ctx), depth + 1)
            if inner:
                return (note,) + inner
    return None
