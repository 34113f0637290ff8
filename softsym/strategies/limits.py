"""Relations with limits: evaluate each ``Limit`` with SymPy (under the time limit), then decide
the resulting relation with the equality strategies.
"""
from __future__ import annotations

from dataclasses import replace

import sympy as sp

from ..deadline import Deadline, attempt
from ..numeric.admissible import admitted, required_symbols, with_eliminated
from ..numeric.evaluate import confirm, show, show_point
from ..numeric.sampling import admits, candidate_points, inside
from ..problem import Problem
from ..rewrite import evaluate_derivatives, exp_to_symbols
from ..verdict import Counterexample, Status, Verdict, refuted
from .exact_numeric import exact_numeric
from .rational_form import rational_form
from .simplify_difference import simplify_difference

name = "limits"


def _cancel_exponentials(expr: sp.Basic) -> sp.Basic:
    """The same function with common exponential factors cancelled (value-preserving).

    ``e^{(a-d)/T} / (e^{a/T} + e^{(a-d)/T})`` becomes ``1 / (e^{d/T} + 1)``: SymPy's limit then
    no longer needs the sign of ``a``, which it cannot know.
    """
    rewritten, inverse = exp_to_symbols(sp.powsimp(expr))
    return sp.cancel(sp.together(rewritten)).xreplace(inverse)


def _one_limit(node: sp.Limit) -> sp.Basic:
    expr, var = node.args[0], node.args[1]
    inner = evaluate_derivatives(expr).doit()
    for piecewise in inner.atoms(sp.Piecewise):       # a closed form with a separate value at the point
        if any(isinstance(c, (sp.Eq, sp.Ne)) and c.has(var)
               for _, cond in piecewise.args for c in sp.preorder_traversal(cond)):
            raise ValueError(f"{expr} takes a separate value at isolated points of {var}: limit not trusted")
    try:
        value = node.doit()
        if not value.has(sp.Limit):
            return value
    except NotImplementedError:
        pass
    expr, var, point, direction = node.args
    return sp.Limit(_cancel_exponentials(expr), var, point, direction).doit()


def _evaluate(expr: sp.Basic) -> sp.Basic:
    return expr.replace(lambda e: isinstance(e, sp.Limit), _one_limit)


def limits(problem: Problem, deadline: Deadline) -> Verdict | None:
    """Evaluate the limits on either side, then prove or refute what remains; when SymPy cannot
    evaluate a limit with symbols in it, refute at a concrete admissible point if one fails."""
    if not sp.Tuple(problem.lhs, problem.rhs).has(sp.Limit):
        return None
    budget = deadline.sooner(max(deadline.remaining() * 0.6, 0.2))
    lhs = attempt(budget, lambda: _evaluate(problem.lhs), None)
    rhs = attempt(budget, lambda: _evaluate(problem.rhs), None)
    if lhs is None or rhs is None or sp.Tuple(lhs, rhs).has(sp.Limit):
        return _refute_at_points(problem, deadline.sooner(max(deadline.remaining() * 0.3, 0.2)))
    generic = attempt(deadline, lambda: _generic_only(problem, lhs, rhs, deadline), False)
    if generic is False:         # no other strategy may prove it through the same generic value
        return Verdict(Status.UNDECIDED, name, message="SymPy's limit holds for a generic value of the "
                       "parameters only (it is wrong or cannot be evaluated at a special value): not proved")
    if generic is not None:
        return generic
    evaluated = problem.replaced(lhs, rhs)
    for strategy in (exact_numeric, rational_form, simplify_difference):
        verdict = strategy(evaluated, deadline)
        if verdict is not None:
            return replace(verdict, strategy=name,
                           message=f"SymPy's limit gives {lhs} {problem.rel} {rhs}; {verdict.message}")
    return None


POINTS = 12
"""Concrete points tried when a limit with symbols cannot be evaluated symbolically."""


def _refute_at_points(problem: Problem, deadline: Deadline) -> Verdict | None:
    """A point inside the assumptions where SymPy evaluates every limit to a number the relation
    fails for — each limit's value cross-checked by evaluating its expression ever closer to the
    limit point (50 digits), so a wrong SymPy limit cannot refute."""
    both = sp.Tuple(problem.lhs, problem.rhs)
    free = sorted(both.free_symbols, key=str)
    if not free or both.has(sp.Indexed, sp.Sum, sp.Product, sp.Integral, sp.Derivative) \
            or any(not isinstance(s, sp.Symbol) for s in free):
        return None
    domain = problem.domain
    required = required_symbols(domain)
    variables = free + sorted(required - set(free), key=str)      # hypotheses may name others
    for point in candidate_points(variables, domain, "limit" + problem.key(), POINTS, [], {}):
        if deadline.expired():
            return None
        full = attempt(deadline, lambda: admitted(with_eliminated(dict(point), domain), domain, required), None)
        if full is None:
            continue
        at = {k: v for k, v in full.items() if k in point}
        sides = [attempt(deadline, lambda e=e: _checked_limits(e.xreplace(at)), None) for e in both]
        infinite = _against_infinity(both, sides, problem.rel)
        if infinite is not None:
            return _refutation(problem, full, infinite, 50, "SymPy's limit at a concrete point, confirmed by evaluating "
                                                            "ever closer to the limit point, is finite, and the relation "
                                                            "with the infinity written on its other side")
        if any(v is None or not v.is_number or v.is_real is not True for v in sides):
            continue
        digits = attempt(deadline, lambda: confirm(sides[0], problem.rel, sides[1], {}, problem.real_values), None)
        if digits is None:
            continue
        return _refutation(problem, full, sides, digits, "SymPy's limits at a concrete point, each confirmed by "
                                                         "evaluating ever closer to the limit point: the relation")
    return None


def _against_infinity(both: sp.Tuple, sides: list, rel: str) -> list | None:
    """The sides when one is the infinity written in the relation (``lim e^{cx} = ∞``) and the other
    a confirmed finite real value the relation fails for; else None."""
    for k in (0, 1):
        written, other = both[k], sides[1 - k]
        if written in (sp.oo, -sp.oo) and other is not None and other.is_number and other.is_real and other.is_finite:
            values = [written, other] if k == 0 else [other, written]
            holds = {"==": sp.Eq, "<=": sp.Le, "<": sp.Lt}[rel](*values)
            if holds is sp.false:
                return values
    return None


def _refutation(problem: Problem, full: dict, sides: list, digits: int, how: str) -> Verdict:
    """``refuted`` at ``full`` with the sides' values there, in the user's orientation."""
    shown = problem.shown or (problem.lhs, problem.rel, problem.rhs)
    lv, rv = show(sides[0], {}), show(sides[1], {})
    flipped = shown[1] in (">=", ">")
    cex = Counterexample(show_point(full), rv if flipped else lv, lv if flipped else rv, digits)
    return refuted(name, cex, f"{how} fails at {cex.describe()}")


def _checked_limits(expr: sp.Basic) -> sp.Basic | None:
    """``expr`` with each limit evaluated by SymPy and confirmed numerically, or None."""
    values = {}
    for node in expr.atoms(sp.Limit):
        value = _one_limit(node)
        if value.has(sp.Limit) or not value.is_number or value.is_real is not True or not value.is_finite:
            return None
        if not _approaches(node, value):
            return None
        values[node] = value
    return expr.xreplace(values)


def _approaches(node: sp.Limit, value: sp.Basic, digits: int = 50) -> bool:
    """Whether the expression of ``node``, evaluated at 10⁻⁶ and 10⁻¹² from the limit point (or at
    10⁶ and 10¹² towards ±∞), comes within 10⁻³ of ``value`` (relative above 1) and closer the second time."""
    expr, var, point, direction = node.args
    if point in (sp.oo, -sp.oo):
        steps = [sp.sign(point) * sp.Integer(10) ** k for k in (6, 12)]
    elif point.is_number and point.is_real:
        signs = {"+": (1,), "-": (-1,)}.get(str(direction), (1, -1))
        return all(_approaches_along(expr, var, [point + s * sp.Rational(1, 10**k) for k in (6, 12)], value, digits)
                   for s in signs)
    else:
        return False
    return _approaches_along(expr, var, steps, value, digits)


def _approaches_along(expr: sp.Basic, var: sp.Symbol, steps: list, value: sp.Basic, digits: int) -> bool:
    """Evaluated with mpmath at ``digits`` (SymPy's own evalf raises its precision without bound on
    e^{10^12}-sized cancellations); a non-real or non-finite sample gives False."""
    import mpmath

    if expr.free_symbols - {var}:
        return False
    f = sp.lambdify(var, expr, modules="mpmath")
    with mpmath.workdps(digits):
        target = mpmath.mpf(sp.N(value, digits))
        gaps = []
        for t in steps:
            try:
                sample = f(mpmath.mpf(sp.N(t, digits)))
            except (ZeroDivisionError, ValueError, OverflowError, TypeError):
                return False
            if isinstance(sample, (int, float)):
                sample = mpmath.mpf(sample)                # a constant expression
            if not isinstance(sample, mpmath.mpf) or not mpmath.isfinite(sample):
                return False
            gaps.append(abs(sample - target))
        return gaps[-1] <= gaps[0] and gaps[-1] < mpmath.mpf(1) / 1000 * max(1, abs(target))


DISCONTINUOUS = (sp.floor, sp.ceiling, sp.sign, sp.Heaviside, sp.Abs, sp.Piecewise, sp.frac, sp.Max, sp.Min)
"""Functions whose limits SymPy gives for a generic parameter only (floor(x + c) at integer c)."""


def _parameters(node: sp.Limit) -> set:
    return node.free_symbols


def _generic_only(problem: Problem, lhs: sp.Basic | None, rhs: sp.Basic | None,
                  deadline: Deadline) -> Verdict | bool | None:
    """SymPy evaluates a limit with parameters for a *generic* value of them (``x/(x + c)`` → 0
    as x → 0 assumes c ≠ 0).  Before such a value may prove anything it is checked where it is
    most likely wrong: at the special values of each parameter (0, and the rational roots of each
    subterm free of the limit variable that is a polynomial in one parameter), the other
    parameters completed to a point inside the assumptions; there the limits are evaluated again
    with the numbers in place and confirmed numerically.  ``lhs``/``rhs`` are the generic values
    (None when SymPy gave none: then only the relation itself is checked there).

    Returns a refutation when the relation fails at such a point, ``False`` (no proof: the generic
    value is wrong there, or a discontinuous function makes every value special) when the
    generic value cannot be trusted, ``None`` when it passed these checks (or has no parameters).
    """
    both = sp.Tuple(problem.lhs, problem.rhs)
    nodes = [n for n in both.atoms(sp.Limit) if _parameters(n)]
    if not nodes:
        return None
    if any(n.args[0].has(*DISCONTINUOUS) for n in nodes):
        refuted_here = _refute_at_points(problem, deadline.sooner(max(deadline.remaining() * 0.3, 0.2)))
        return refuted_here if refuted_here is not None else False
    free = sorted(both.free_symbols, key=str)
    if any(not isinstance(x, sp.Symbol) for x in free) or both.has(sp.Indexed, sp.Sum):
        return False
    domain = problem.domain
    checked = []
    for n in nodes:         # a parameter part may vanish where no special value is tried (b·c − 1, c² − 2)
        if _all_checkable(n, deadline):
            checked.append(n)
            continue
        cancelled = _cancelled_twin(n, deadline)     # e^{a/T}/(e^{a/T} + e^{(a−d)/T}) is 1/(1 + e^{−d/T})
        if cancelled is None:
            return False
        checked.append(cancelled)
    nodes = checked
    required = required_symbols(domain)
    for x, v in _special_values(nodes, free):
        if deadline.expired():
            return False
        if not _may_take(x, v, domain):
            continue                                       # the parameter itself never takes this value
        others = [y for y in free if y != x] + sorted(required - set(free), key=str)
        full = None
        for point in candidate_points(others, domain, f"special {x}" + problem.key(), 6, [], {x: v}):
            full = attempt(deadline, lambda: admitted(with_eliminated({**point, x: v}, domain), domain, required),
                           None)
            if full is not None:
                break
        if full is None:
            return False                                   # not checked there: no proof
        at = {k: w for k, w in full.items() if k in free}
        concrete = [attempt(deadline, lambda e=e: _checked_limits(e.xreplace(at)), None) for e in both]
        if any(c is None for c in concrete):
            return False                                   # cannot even evaluate it there: no proof
        digits = attempt(deadline, lambda: confirm(concrete[0], problem.rel, concrete[1], {}, problem.real_values), None)
        if digits is not None:
            return _refutation(problem, full, concrete, digits,
                               "SymPy's limit holds for a generic parameter only; with the numbers in place it")
        for generic, exact in zip((lhs, rhs), concrete, strict=True):
            if generic is None:
                continue
            value = attempt(deadline, lambda g=generic: g.xreplace(at), None)
            if value is None or not _same_number(value, exact):
                return False                               # the generic value is wrong there
    return None


def limit_audit(problem: Problem, deadline: Deadline) -> Verdict | bool | None:
    """The check of :func:`_generic_only` for a relation with parametric limits that another
    strategy proved (through SymPy's generic value, after slack variables): a refutation, ``False``
    (the proof cannot be trusted), or ``None`` (nothing found)."""
    if not sp.Tuple(problem.lhs, problem.rhs).has(sp.Limit):
        return None
    return _generic_only(problem, None, None, deadline)


def _cancelled_twin(node: sp.Limit, deadline: Deadline) -> sp.Limit | None:
    """The same limit with common exponential factors cancelled, when all its parameter parts are
    checkable and SymPy gives it the same value as ``node`` (the value that is to be trusted)."""
    expr, var, point, direction = node.args
    twin = attempt(deadline, lambda: sp.Limit(_cancel_exponentials(expr), var, point, direction), None)
    if twin is None or not _all_checkable(twin, deadline):
        return None
    same = attempt(deadline, lambda: sp.simplify(_one_limit(twin) - _one_limit(node)) == 0, False)
    return twin if same else None


def _all_checkable(node: sp.Limit, deadline: Deadline) -> bool:
    """Every parameter part of ``node`` is checkable — or is the coefficient c of a product c·g
    whose other factor g has a finite limit of its own with checkable parts (then the limit of
    c·g is c·lim g for every c, 0 included), or the constant c of a sum g + c whose other part g
    tends to ±∞ (which every finite c leaves infinite)."""
    expr, var, point, direction = node.args
    for sub in _parameter_parts(node):
        if _checkable(sub):
            continue
        # only at the top: a product nested in a quotient is harmless on its own, not inside it
        top = [expr, *(expr.args if isinstance(expr, sp.Add) else ())]
        owners = [m for m in top if isinstance(m, (sp.Mul, sp.Add)) and var in m.free_symbols
                  and m.func(*[a for a in m.args if var not in a.free_symbols]) == sub]
        if not owners:
            return False
        for m in owners:
            g = m.func(*[a for a in m.args if var in a.free_symbols])
            inner = sp.Limit(g, var, point, direction)
            if not all(_checkable(x) for x in _parameter_parts(inner)):
                return False
            value = attempt(deadline, lambda: inner.doit(), None)
            if value is None or value.has(sp.Limit, sp.zoo, sp.nan, sp.AccumBounds):
                return False
            infinite = value.has(sp.oo, -sp.oo)     # ±∞ (a·∞: a's own special values are checked)
            # c·g: c times a finite limit, for every c; g + c: an infinite g swamps every finite c
            if (isinstance(m, sp.Mul) and infinite) or (isinstance(m, sp.Add) and not infinite):
                return False
    return True


def _parameter_parts(node: sp.Limit) -> list[sp.Basic]:
    """The parts of the limit's expression whose vanishing may change the limit.

    A rational function P/Q of the variable: the coefficients that decide the limit — leading
    ones at ±∞, the lowest-order ones of P(x₀ + h), Q(x₀ + h) at a point x₀ (which may hold
    parameters) — complete for this class.  Anything else: the maximal parts free of the variable
    (whole arguments of a node that has it, and the variable-free part of a sum or product:
    ``3c − 7`` of ``T + 3c − 7``)."""
    expr, var, point, direction = node.args
    rational = _deciding_coefficients(expr, var, point)
    if rational is not None:
        return rational
    through_exp = _through_one_exponential(node)
    if through_exp is None:
        through_exp = _continuous_in_exponentials(node)
    if through_exp is not None:
        return through_exp
    out = []
    for sub in sp.preorder_traversal(expr):
        if var not in sub.free_symbols or not sub.args:
            continue
        if isinstance(sub, sp.Add):       # c²·sin x − 2·sin x: the coefficient of sin x is c² − 2
            groups: dict[sp.Basic, list] = {}
            for term in sub.args:
                coefficient, dependent = term.as_independent(var, as_Add=False)
                groups.setdefault(dependent, []).append(coefficient)
            out.extend(sp.Add(*cs) for cs in groups.values())
        elif isinstance(sub, sp.Mul):
            out.append(sub.as_independent(var, as_Add=False)[0])
        else:
            out.extend(a for a in sub.args if var not in a.free_symbols)
    return [p for p in out if p.free_symbols]


def _roots(part: sp.Basic) -> tuple[sp.Symbol, list] | None:
    """(x, real roots) when ``part`` is a polynomial in its one symbol x, else None."""
    if len(part.free_symbols) != 1:
        return None
    (x,) = part.free_symbols
    if not part.is_polynomial(x):
        return None
    try:
        return x, sp.Poly(part, x).real_roots()
    except (sp.PolynomialError, NotImplementedError, ValueError):
        return None


def _continuous_in_exponentials(node: sp.Limit) -> list[sp.Basic] | None:
    """When the variable enters only through exponentials ``e^{g_i}`` whose exponents have finite
    limits or tend to ±∞, written as ``w_i = e^{g_i}`` (→ a finite value or 0) or ``e^{g_i} = 1/w_i``
    with ``w_i = e^{−g_i}`` → 0, and the expression is rational in the ``w_i``: it is continuous
    wherever its denominator at the limits ``w*`` is nonzero, so that denominator and the parts
    deciding each ``g_i``'s limit decide the limit."""
    expr, var, point, direction = node.args
    exps = sorted((e for e in expr.atoms(sp.exp) if var in e.free_symbols), key=sp.default_sort_key)
    if not exps:
        return None
    ws = [sp.Dummy(f"w{k}", nonnegative=True) for k in range(len(exps))]
    parts, limits, replaced = [], {}, {}
    for e, w in zip(exps, ws, strict=True):
        inner = _deciding_coefficients(e.args[0], var, point)
        if inner is None:
            return None
        g = sp.Limit(e.args[0], var, point, direction).doit()
        if g in (sp.oo, -sp.oo):            # e^{g} → 0, or e^{g} = 1/w with w = e^{−g} → 0
            limits[w], replaced[e] = sp.Integer(0), (w if g is -sp.oo else 1 / w)
        elif g.is_finite and not g.has(sp.Limit):
            limits[w], replaced[e] = sp.exp(g), w
        else:
            return None
        parts += inner
    in_w = expr.xreplace(replaced)
    if var in in_w.free_symbols:
        return None
    _, den = sp.fraction(sp.cancel(sp.together(in_w)))
    if not all(den.is_polynomial(w) for w in ws):
        return None
    at = sp.simplify(den.xreplace(limits))
    if at.is_zero or at.has(sp.nan, sp.zoo):
        return None
    return parts + ([at] if at.free_symbols else [])


def _through_one_exponential(node: sp.Limit) -> list[sp.Basic] | None:
    """When the variable enters only through one exponential ``w = e^{g}`` with ``g → ±∞`` (so
    ``w → ∞`` or ``w → 0``) and the expression is rational in ``w``: the coefficients that decide
    the limit in ``w``, plus the parts that decide ``g``'s own limit."""
    expr, var, point, direction = node.args
    exps = [e for e in expr.atoms(sp.exp) if var in e.free_symbols]
    if len(exps) != 1:
        return None
    w = sp.Dummy("w", positive=True)
    in_w = expr.xreplace({exps[0]: w})
    if var in in_w.free_symbols:
        return None
    inner = sp.Limit(exps[0].args[0], var, point, direction)
    inner_parts = _deciding_coefficients(inner.args[0], var, point)
    if inner_parts is None:
        return None
    g = inner.doit()
    if g not in (sp.oo, -sp.oo):
        return None
    coefficients = _deciding_coefficients(in_w, w, sp.oo if g is sp.oo else sp.Integer(0))
    return None if coefficients is None else coefficients + inner_parts


def _deciding_coefficients(expr: sp.Basic, var: sp.Symbol, point: sp.Basic) -> list[sp.Basic] | None:
    """For a rational function of ``var`` (coefficients free of it), the coefficients whose
    vanishing changes its limit at ``point``; None when it is not one."""
    num, den = sp.fraction(sp.cancel(sp.together(expr)))
    try:
        if point in (sp.oo, -sp.oo):
            polys = [sp.Poly(num, var), sp.Poly(den, var)]
            coefficients = [p.LC() for p in polys]
        else:
            h = sp.Dummy("h")
            polys = [sp.Poly(sp.expand(e.xreplace({var: point + h})), h) for e in (num, den)]
            coefficients = [p.all_coeffs()[-1 - min(m[0] for m in p.monoms())] for p in polys]
    except (sp.PolynomialError, sp.GeneratorsNeeded, ValueError, TypeError):
        return None
    if any(c.has(var) for c in coefficients):
        return None
    return [c for c in coefficients if c.free_symbols]


def _checkable(part: sp.Basic) -> bool:
    """A parameter part SymPy's generic value may be trusted around: provably nonzero, or a
    polynomial in one parameter whose real roots are all rational (then each is a special value
    that is checked)."""
    if part.is_nonzero or part.is_positive or part.is_negative:
        return True
    found = _roots(part)
    return found is not None and len(found[1]) <= 4 and all(r.is_rational for r in found[1])


def _may_take(x: sp.Symbol, v: sp.Basic, domain) -> bool:
    """False only when ``x`` provably never equals ``v``: its declared sign, or a bound with
    numeric ends, excludes it."""
    if not admits(x, v):
        return False
    bound = domain.bound_of(x)
    if bound is None:
        return True
    ends = [e for e in (bound.lower, bound.upper) if e is not None]
    if not all(e.is_number for e in ends):
        return True
    return inside(v, bound.lower, bound.lower_strict, bound.upper, bound.upper_strict)


def _special_values(nodes: list, free: list) -> list[tuple[sp.Symbol, sp.Basic]]:
    """(parameter, special value) pairs: 0 for each, and the rational real roots of each
    parameter part that is a polynomial in one parameter."""
    specials: dict[sp.Symbol, set] = {x: {sp.Integer(0)} for x in free}
    for node in nodes:
        for part in _parameter_parts(node):
            found = _roots(part)
            if found is not None and found[0] in specials:
                specials[found[0]] |= {r for r in found[1][:4] if r.is_rational}
    return [(x, v) for x, values in specials.items() for v in sorted(values, key=sp.default_sort_key)]


def _same_number(a: sp.Basic, b: sp.Basic) -> bool:
    difference = sp.N(a - b, 50)
    return difference.is_number and abs(difference) < sp.Rational(1, 10**30)
