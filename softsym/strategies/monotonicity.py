"""Inequalities in one variable (the others held fixed) by monotonicity from an anchor point.

``f(x) >= 0`` on an interval holds when some point ``c`` of its closure has ``f(c) >= 0`` and ``f``
moves away from ``c`` upwards: ``f' >= 0`` to the right of ``c`` and ``f' <= 0`` to its left.  The
rule splits the interval at ``c`` into open pieces and writes each piece as ``x = φ(u)`` with a fresh
``u > 0`` and ``φ(0⁺) = c`` (``c + u``, ``c − u``, ``c/(1 + u)``); on a piece it then needs

- ``g(u) = f(φ(u))`` smooth for every ``u > 0`` (a composition of smooth functions whose logarithm
  arguments and real-power bases are positive, whose denominators are nonzero: checked on the
  expression, not assumed), and
- ``g(0⁺) >= 0`` and ``g'(u) >= 0`` for ``u > 0`` (strict: ``g(0⁺) > 0``, or ``g(0⁺) >= 0`` and
  ``g' > 0``) — both proved by the inequality rules, recursively, so a second application handles
  ``g'`` the same way (a Taylor-type bound: ``g(0) = g'(0) = 0`` and ``g'' >= 0``);

plus ``f(c) >= 0`` at ``c`` itself when ``c`` is a point of the interval.  Then
``g(u) − g(0⁺) = ∫₀ᵘ g' >= 0`` on each piece.  Anchors tried: the derivative's closed-form zeros (the
variational form of log-sum-exp has its minimum at p = σ(a − b)), each other symbol of the
expression whose range lies inside the variable's range (``q = p`` in Gibbs' inequality, ``a = b``
in a midpoint convexity), 0 (±1 for a signed symbol), and the interval's ends (finite or infinite,
through a one-sided limit).
A failed subgoal passes; the rule never refutes.
"""
from __future__ import annotations

import sympy as sp

from ..deadline import attempt
from ..rewrite import internal

INNER_SECONDS = 2.0                 # the budget of a try below a goal (after another rule's rewriting)
SOLVE_SECONDS = 0.5                 # for the derivative's closed-form zeros
INNER_TRIES = 3                     # and how many such tries one goal makes
MAX_ORDER = 3                       # derivatives taken along one chain of applications
SMOOTH = (sp.exp, sp.tanh, sp.atan, sp.sin, sp.cos, sp.sinh, sp.cosh, sp.asinh, sp.erf)
RANGES = ("positive", "negative", "nonnegative", "nonpositive")


def _range(x: sp.Symbol) -> str | None:
    """The declared range of a real, non-integer symbol as one word (``real`` when unsigned)."""
    if not x.is_real or x.is_integer:
        return None
    for word in RANGES:
        if getattr(x, f"is_{word}"):
            return word
    return "real"


_INSIDE = {"real": set(RANGES) | {"real"}, "positive": {"positive"}, "negative": {"negative"},
           "nonnegative": {"positive", "nonnegative"}, "nonpositive": {"negative", "nonpositive"}}


def _positive(e: sp.Basic) -> bool:
    return bool(e.is_positive) or bool(sp.factor(sp.together(e)).is_positive)


def _nonzero(e: sp.Basic) -> bool:
    if e.is_positive or e.is_negative:
        return True
    f = sp.factor(sp.together(e))
    return bool(f.is_positive) or bool(f.is_negative)


def smooth(e: sp.Basic) -> bool:
    """Whether ``e`` is, by its form alone, a smooth real function wherever the symbols' assumptions
    hold: built from sums, products, integer powers with nonzero bases, real powers of positive
    bases, logarithms of positive arguments and the smooth functions of ``SMOOTH``."""
    if e.is_Symbol:
        return bool(e.is_real)
    if e.is_Number:
        return e.is_finite is True and e.is_real is True
    if e.is_NumberSymbol:
        return True
    if isinstance(e, (sp.Add, sp.Mul)):
        return all(smooth(a) for a in e.args)
    if isinstance(e, sp.Pow):
        base, k = e.args
        if not (smooth(base) and smooth(k)):
            return False
        if k.is_Integer:
            return bool(k.is_nonnegative) or _nonzero(base)
        return _positive(base)
    if isinstance(e, sp.log):
        return smooth(e.args[0]) and _positive(e.args[0])
    if isinstance(e, SMOOTH):
        return all(smooth(a) for a in e.args)
    return False


def _pieces(x: sp.Symbol, where: str, c: sp.Basic) -> list[tuple[sp.Basic, sp.Symbol]]:
    """The open pieces of x's range on either side of an interior anchor ``c``: substitutions
    ``x = φ(u)`` with ``u > 0`` and ``φ(0⁺) = c``, each onto its piece."""
    u, v = internal("u", positive=True), internal("v", positive=True)
    right = (c + u, u) if where in ("real", "positive", "nonnegative") else (c / (1 + u), u)   # (c, hi)
    left = (c - v, v) if where in ("real", "negative", "nonpositive") else (c / (1 + v), v)      # (lo, c)
    return [right, left]


def anchors(x: sp.Symbol, e: sp.Basic, critical: list[sp.Basic] = ()) -> list[tuple[str, sp.Basic]]:
    """Candidate anchors for ``x``, most telling first: ("inner", point) for the derivative's
    closed-form zeros, the other symbols in x's range, 0 or ±1; then ("low", end), ("high", end)."""
    where = _range(x)
    low = -sp.oo if where in ("real", "negative", "nonpositive") else sp.Integer(0)
    high = sp.oo if where in ("real", "positive", "nonnegative") else sp.Integer(0)
    out: list[tuple[str, sp.Basic]] = [("inner", c) for c in critical]
    for y in sorted(e.free_symbols - {x}, key=str):        # equality cases are most often x = y or x = 0
        if isinstance(y, sp.Symbol) and _range(y) in _INSIDE[where]:
            out.append(("inner", y))
    if where == "real":
        out.append(("inner", sp.Integer(0)))
    elif where in ("positive", "nonnegative"):      # log's and x·log x's natural point
        out.append(("inner", sp.Integer(1)))
    else:
        out.append(("inner", -sp.Integer(1)))
    return out + [("low", low), ("high", high)]


def subgoal(prove, e, strict, ctx, depth, order):
    """``prove`` on a subgoal of this rule, which may itself use the rule at its own top level."""
    keys = ("monotone_order", "monotone_base", "monotone_short", "monotone_tries")
    saved = {k: getattr(ctx, k, None) for k in keys}
    ctx.monotone_order, ctx.monotone_base, ctx.monotone_short, ctx.monotone_tries = order, depth, False, INNER_TRIES
    try:
        return prove(e, strict, ctx, depth)
    finally:
        for k, v in saved.items():
            if v is None:
                delattr(ctx, k)
            else:
                setattr(ctx, k, v)


def _critical_points(x: sp.Symbol, where: str, e: sp.Basic) -> list[sp.Basic]:
    """Closed-form zeros of ``∂e/∂x`` inside x's range (for every value of the other symbols, as
    SymPy's assumptions show), found by ``solve`` on the derivative's numerator — only candidates:
    the anchor's conditions are proved like any other's."""
    num = sp.numer(sp.together(sp.diff(e, x)))
    if sp.count_ops(num) > 40:
        return []
    try:
        found = sp.solve(num, x)
    except Exception:  # noqa: BLE001 - no closed form: no candidate
        return []
    inside = {"real": "is_real", "positive": "is_positive", "negative": "is_negative",
              "nonnegative": "is_nonnegative", "nonpositive": "is_nonpositive"}[where]
    return [c for c in found[:3] if not c.has(x) and getattr(c, inside) is True]


def by_monotonicity(e, strict, ctx, depth, prove):
    """A trace proving ``e >= 0`` (``> 0`` when strict) by monotonicity from an anchor, or None.

    ``prove(expr, strict, ctx, depth)`` is the inequality prover used for the subgoals; the number
    of derivatives taken along the current chain is kept on ``ctx`` (``monotone_order``).
    """
    order = getattr(ctx, "monotone_order", 0)
    # tried on a goal or subgoal itself, or two rules below it (a cleared denominator, a factor), not deep
    # inside other rules' searches (there it multiplies the work without proving more)
    below = depth - getattr(ctx, "monotone_base", 0)
    if below > 2:
        return None
    if below and not getattr(ctx, "monotone_short", False):    # below a goal: a few short tries only,
        if not order:                                            # and only on a derivative's subgoal (the
            return None                                          # relation itself gets the rule at its top)
        left = getattr(ctx, "monotone_tries", INNER_TRIES)
        if left <= 0:
            return None
        ctx.monotone_tries, ctx.monotone_short = left - 1, True
        try:
            return attempt(ctx.deadline.sooner(INNER_SECONDS), lambda: by_monotonicity(e, strict, ctx, depth, prove), None)
        finally:
            ctx.monotone_short = False
    if order >= MAX_ORDER or depth > 4 or e.has(sp.Sum, sp.Product, sp.Indexed, sp.Max, sp.Min, sp.Abs,
                                                 sp.Piecewise, sp.Integral, sp.Limit, sp.Derivative):
        return None
    free = sorted((s for s in e.free_symbols if isinstance(s, sp.Symbol)), key=str)
    if not 1 <= len(free) <= 3 or not smooth(e):
        return None
    for x in free:
        if _range(x) is None or ctx.domain.bound_of(x) is not None:
            continue
        critical = attempt(ctx.deadline.sooner(min(SOLVE_SECONDS, ctx.deadline.remaining() / 4)),
                           lambda: _critical_points(x, _range(x), e), [])
        for kind, c in anchors(x, e, critical):
            if ctx.deadline.expired():
                return None
            # one anchor may not take all the time: a third of what is left each
            trace = attempt(ctx.deadline.sooner(max(ctx.deadline.remaining() / 3, 0.2)),
                            lambda: _from_anchor(e, x, kind, c, strict, ctx, depth, prove, order), None)
            if trace:
                return trace
    return None


def _from_anchor(e, x, kind, c, strict, ctx, depth, prove, order):
    where = _range(x)
    rel = ">" if strict else ">="
    if kind in ("low", "high"):
        # the whole range is one piece, x itself; mirrored (x = −w) when the anchor is the upper end
        if kind == "high":
            w = internal("w", **({"real": True} if where == "real" else
                                 {{"positive": "negative", "negative": "positive", "nonnegative": "nonpositive",
                                   "nonpositive": "nonnegative"}[where]: True}))
            g, var, end = e.xreplace({x: -w}), w, -c
        else:
            # a fresh symbol of x's range: a hypothesis about x (x > y) must not reach the derivative's
            # subgoal, whose sign is needed on the whole piece from the end on, not only where x is allowed
            w = internal("w", **({"real": True} if where == "real" else {where: True}))
            g, var, end = e.xreplace({x: w}), w, c
        closed = end.is_finite and where in ("nonnegative", "nonpositive")
        trace = _piece(g, var, end, strict, ctx, depth, prove, order)
        if trace is None:
            return None
        if closed:
            at = subgoal(prove, sp.simplify(e.xreplace({x: c})), strict, ctx, depth + 1, order)
            if at is None:
                return None
            trace = trace + (f"at {x} = {c}:",) + at
        side = "upper" if kind == "high" else "lower"
        return (f"monotone in {x} from its {side} end {c}",) + trace
    value = sp.simplify(e.xreplace({x: c}))
    if not smooth(value) or hopeless(value) or (strict and value == 0):
        return None
    at = subgoal(prove, value, strict, ctx, depth + 1, order)
    if at is None:
        return None
    traces = [f"monotone in {x} either side of {x} = {c}: the value there {rel} 0:", *at]
    for phi, u in _pieces(x, where, c):
        g = e.xreplace({x: phi})
        trace = _piece(g, u, sp.Integer(0), strict, ctx, depth, prove, order)
        if trace is None:
            return None
        traces += [f"for {x} = {phi}, {u} > 0:", *trace]
    if where in ("nonnegative", "nonpositive"):      # the closed end 0 lies outside both open pieces
        at = subgoal(prove, sp.simplify(e.xreplace({x: 0})), strict, ctx, depth + 1, order)
        if at is None:
            return None
        traces += [f"at {x} = 0:", *at]
    return tuple(traces)


def _samples(e: sp.Basic) -> list[dict]:
    """A few points of the symbols' declared ranges (for pruning only: never evidence of truth)."""
    values = {"positive": (sp.Rational(1, 3), sp.Rational(7, 4), 5), "negative": (-sp.Rational(1, 3), -sp.Rational(7, 4), -5),
              "nonnegative": (sp.Rational(1, 3), sp.Rational(7, 4), 5), "nonpositive": (-sp.Rational(1, 3), -sp.Rational(7, 4), -5),
              "real": (-sp.Rational(5, 2), sp.Rational(1, 3), 3)}
    free = sorted(e.free_symbols, key=str)
    points = []
    for k in range(5):
        point = {}
        for j, x in enumerate(free):
            options = values.get(_range(x) or "", None)
            if options is None:
                return []
            point[x] = options[(k + j * (k + 1)) % 3]
        points.append(point)
    return points


def hopeless(e: sp.Basic) -> bool:
    """Whether ``e >= 0`` visibly fails at a sample point (then no proof is attempted)."""
    for point in _samples(e):
        try:
            v = e.xreplace(point).evalf(20)
        except Exception:  # noqa: BLE001 - a failed evaluation prunes nothing
            continue
        if v.is_real and v < -1e-12:
            return True
    return False


def _piece(g, u, end, strict, ctx, depth, prove, order):
    """``g(u) >= 0`` on u's range from its lower end ``end``: the limit there, then ``g' >= 0``."""
    if not smooth(g):
        return None
    from .inequalities import _expand
    slope = _expand(sp.diff(g, u))
    if hopeless(slope):
        return None
    if end.is_finite:
        at_end = g.xreplace({u: end})
        start = sp.simplify(at_end) if smooth(at_end) else sp.limit(g, u, end, "+")
    else:
        start = sp.limit(g, u, end)
    if start.has(sp.oo, -sp.oo, sp.zoo, sp.nan, sp.AccumBounds, sp.Limit) or not start.is_real:
        return None
    # strict: a positive start and a rising g, or a zero start and a strictly rising g
    for start_strict, slope_strict in ((True, False), (False, True)) if strict else ((False, False),):
        if start == 0 and not start_strict:
            base: tuple | None = ()
        else:
            base = subgoal(prove, start, start_strict, ctx, depth + 1, order)
        if base is None:
            continue
        rising = subgoal(prove, slope, slope_strict, ctx, depth + 1, order + 1)
        if rising is not None:
            rel = ">" if slope_strict else ">="
            return (f"limit {start} at {u} → {end}; derivative {slope} {rel} 0:",) + base + rising
    return None


def by_lipschitz(e, strict, ctx, depth, prove):
    """The mean value theorem: ``|G(x) − G(y)| <= M·|x − y|`` when ``|G'| <= M`` between x and y.

    A term ``−w·|G(x) − G(y)|`` (w > 0) of ``e`` whose companion ``c·|x − y|`` gives ``M = c/w`` is
    replaced by ``−c·|x − y|`` (no larger), once ``M − G'(t) >= 0`` and ``M + G'(t) >= 0`` are proved
    for every t of the range x and y share (a fresh symbol with their assumptions) and G is smooth
    there; then ``e`` minus both terms must be ``>= 0``.  Non-strict only.
    """
    if strict or depth > 1 or not isinstance(e, sp.Add):
        return None
    for term in e.args:
        w, rest = term.as_independent(sp.Abs, as_Add=False)
        if not (isinstance(rest, sp.Abs) and w.is_negative):
            continue
        found = _difference_of_one_function(rest.args[0])
        if found is None:
            continue
        G, x, y, t = found
        if ctx.domain.bound_of(x) is not None or ctx.domain.bound_of(y) is not None:
            continue                                   # t must range over all that x and y may take
        gap = [a for a in e.args if isinstance(a.as_independent(sp.Abs, as_Add=False)[1], sp.Abs)
               and a.as_independent(sp.Abs, as_Add=False)[1] in (sp.Abs(x - y), sp.Abs(y - x))]
        if len(gap) != 1:
            continue
        c = gap[0].as_independent(sp.Abs, as_Add=False)[0]
        M = c / -w
        if not (M.is_positive and M.free_symbols <= set()) or not smooth(G):
            continue
        slope = sp.diff(G, t)
        upper = subgoal(prove, sp.together(M - slope), False, ctx, depth + 1, 0)
        if upper is None:
            continue
        lower = subgoal(prove, sp.together(M + slope), False, ctx, depth + 1, 0)
        if lower is None:
            continue
        remainder = e - term - gap[0]
        inner = () if remainder == 0 else subgoal(prove, remainder, False, ctx, depth + 1, 0)
        if inner is None:
            continue
        return (f"mean value theorem: |G({x}) − G({y})| <= {M}·|{x} − {y}| with G({t}) = {G}, "
                f"since |G'({t})| <= {M}:",) + upper + lower + inner
    return None


def _difference_of_one_function(a: sp.Basic):
    """``(G(t), x, y, t)`` when ``a = G(x) − G(y)`` (or its negative) for two real symbols of one
    declared range, no bounds, t a fresh symbol with that range."""
    free = sorted((s for s in a.free_symbols if isinstance(s, sp.Symbol)), key=str)
    if len(free) != 2:
        return None
    x, y = free
    where = _range(x)
    if where is None or where != _range(y):
        return None
    left = sp.Add(*[term for term in sp.Add.make_args(a) if term.free_symbols == {x}])
    right = sp.Add(*[term for term in sp.Add.make_args(a) if term.free_symbols == {y}])
    if sp.expand(left + right - a) != 0 or sp.expand(right + left.xreplace({x: y})) != 0:
        return None
    t = internal("t", **({"real": True} if where == "real" else {where: True}))
    return left.xreplace({x: t}), x, y, t
