"""Refute a relation with a concrete point inside the assumptions, confirmed at high precision.

Symbolic dimensions are made concrete first (sizes varied independently, including 0 and a
reversed range where admissible; indices inside and outside the ranges), then points are tried
simple values first and seeded random ones after.  Every point is checked against the whole
domain before it may refute, and a hit is re-checked at 50 and 100 digits.  Never proves anything.
"""
from __future__ import annotations

from collections.abc import Iterator

import sympy as sp

from ..deadline import Deadline, attempt
from ..dimensions import SIZES, UndefinedHere, concretize, dimension_symbols, instances, size_assignments
from ..numeric.branch_cuts import cut_candidates
from ..numeric.admissible import admitted, concrete_at, connected, required_symbols, value_admitted, with_eliminated
from ..numeric.evaluate import Screen, confirm, show, show_point
from ..numeric.sampling import candidate_points
from ..problem import Problem
from ..entry_hypotheses import entry_rules
from ..rewrite import apply_givens, evaluate_derivatives, givens_substitution
from ..verdict import Counterexample, Verdict, refuted

name = "numeric_counterexample"


def _variables(expr: sp.Basic) -> list[sp.Basic]:
    """Free symbols and free ``Indexed`` entries (entries are variables of their own)."""
    indexed = {e for e in expr.atoms(sp.Indexed) if all(i.is_Integer for i in e.indices)}
    labels = {e.base.label for e in expr.atoms(sp.Indexed)}
    symbols = {s for s in expr.free_symbols if isinstance(s, sp.Symbol) and s not in labels}
    return list(symbols) + list(indexed)


def concrete_problems(problem: Problem, lhs: sp.Basic, rhs: sp.Basic, sizes: tuple[int, ...] = SIZES,
                      per_size: int = 64) -> Iterator[tuple[dict, sp.Basic, sp.Basic]]:
    """The relation at concrete sizes (varied independently, 0 and reversed ranges where
    admissible) and index values (inside and outside the ranges; at most ``per_size`` each)."""
    both = sp.Tuple(lhs, rhs)
    dims = dimension_symbols(both)
    dims += hypothesis_dimensions(problem, dims)
    for assignment in size_assignments(dims, problem.domain, preferred=sizes):
        for fixed in instances(both, problem.domain, dims, assignment, limit=per_size):
            try:
                yield fixed, concretize(lhs, fixed), concretize(rhs, fixed)
            except UndefinedHere:        # undefined at these sizes for every value: no counterexample here
                continue


def hypothesis_dimensions(problem: Problem, dims: list[sp.Symbol]) -> list[sp.Symbol]:
    """Sizes only a hypothesis names (``Σ_{i=1}^{n} p_i = 1`` about ``p_1``, ``p_2``): one value each
    (a point must assign them, ``required_symbols``), so they are made concrete like the relation's."""
    required = required_symbols(problem.domain)
    found = dimension_symbols(sp.Tuple(*problem.domain.given)) if problem.domain.given else []
    return [d for d in found if d in required and d not in dims]


def _entry_values(point: dict, fixed: dict, rules: list, domain) -> dict:
    """``point`` with each entry a "for every index" hypothesis fixes (``p[i] == 1/n``, i in 1..n)
    set to its value there, where the index lies in the hypothesis' range at these sizes (an entry
    outside it stays free: p[0] is no part of the hypothesis).  Only a candidate: the point must
    still pass every admissibility check."""
    out = dict(point)
    for entry in [k for k in point if isinstance(k, sp.Indexed)]:
        for pattern, value, wilds, _ in rules:
            if entry.base != pattern.base:
                continue
            found = entry.match(pattern)
            if not found or any(w not in found for w in wilds):
                continue
            at = {u: found[w] for w, u in wilds.items()}
            if not all(value_admitted(u, v, {**fixed, **out}, domain) for u, v in at.items()):
                continue
            concrete = concrete_at(value.xreplace(found), {**fixed, **out})
            if concrete is not sp.nan and not concrete.free_symbols:
                out[entry] = concrete
            break
    return out


def _hypothesis_entries(domain, fixed: dict, variables: list) -> list[sp.Basic]:
    """Concrete entries an equality hypothesis reads at these sizes that the sides do not
    (``p_3`` of ``Σ_{i=1}^{3} p_i = 1`` when the relation reads p_1, p_2): the point assigns them
    too, so it can be moved onto the hypothesis."""
    out: list[sp.Basic] = []
    for g in domain.given:
        if not (isinstance(g, sp.Eq) and g.has(sp.Sum) and g.has(sp.Indexed)):
            continue
        expr = concrete_at(g.lhs - g.rhs, fixed)
        if expr is sp.nan or expr.has(sp.Sum, sp.Product):
            continue
        for e in sorted(expr.atoms(sp.Indexed), key=sp.default_sort_key):
            if all(i.is_Integer for i in e.indices) and e not in variables and e not in out:
                out.append(e)
    return out[:12]


def _integer_hints(expr: sp.Basic) -> list[sp.Integer]:
    """Integers worth trying for integer variables: the constants of the concrete relation and
    their neighbours (an index meets a range end there: ``δ(k, 10 − j)`` leaves 1..n at j = 10)."""
    out: list[sp.Integer] = []
    for c in sorted({abs(int(a)) for a in expr.atoms(sp.Integer) if abs(int(a)) <= 10**6}):
        for v in (c, c + 1, c - 1, -c):
            if sp.Integer(v) not in out:
                out.append(sp.Integer(v))
    return out


def sides(problem: Problem, deadline: Deadline, integrals: bool = False) -> tuple[sp.Basic, sp.Basic] | None:
    """Both sides ready to evaluate: derivatives carried out, equality hypotheses substituted.

    With ``integrals`` a definite integral stays, to be evaluated by numeric quadrature (the audit
    only: a quadrature error can then only withhold a proof, never refute a true relation)."""
    lhs = attempt(deadline, lambda: apply_givens(evaluate_derivatives(problem.lhs), problem.domain), None)
    rhs = attempt(deadline, lambda: apply_givens(evaluate_derivatives(problem.rhs), problem.domain), None)
    if lhs is None or rhs is None or sp.Tuple(lhs, rhs).has(sp.Limit):
        return None
    found = sp.Tuple(lhs, rhs).atoms(sp.Integral)
    if found and not (integrals and all(len(i.limits) == 1 and len(i.limits[0]) == 3 for i in found)):
        return None
    return lhs, rhs


def failing_point(problem: Problem, deadline: Deadline, budget: int, sizes: tuple[int, ...] = SIZES,
                  instances_limit: int = 64, salt: str = "",
                  per_size: int = 64, integrals: bool = False) -> tuple[dict, dict, sp.Basic, sp.Basic, int] | None:
    """A point inside the domain where the relation fails, confirmed at 50 and 100 digits:
    (whole point, the part the sides read, left side, right side there, digits), or None.

    Every candidate is checked against the whole domain (``admissible``): declarations, bounds,
    hypotheses, and the symbols an equality hypothesis eliminated.
    """
    found = sides(problem, deadline, integrals)
    if found is None:
        return None
    lhs, rhs = found
    domain = problem.domain
    required = required_symbols(domain)
    needed = sorted(required - set(givens_substitution(domain)), key=str)
    rules = entry_rules(domain, problem.free_symbols)      # hypotheses about every entry: candidates meet them
    fruitless = 0
    for count, (fixed, left, right) in enumerate(concrete_problems(problem, lhs, rhs, sizes, per_size)):
        if deadline.expired() or count >= instances_limit:
            return None
        variables = _variables(sp.Tuple(left, right))
        screen = Screen(left, problem.rel, right, variables)
        variables += [v for v in needed if v not in variables and v not in fixed]
        variables += _hypothesis_entries(domain, fixed, variables)
        key = salt + problem.key() + repr(sorted(fixed.items(), key=str))
        hints = _integer_hints(sp.Tuple(left, right))
        equations = _linear_equations(domain, fixed, variables)
        for point in _on_branch_cuts(problem, deadline, left, right, variables, fixed, hints):
            hit = _confirmed(problem, deadline, fixed, point, left, right, required)   # no screen: it rounds
            if hit is not None:
                return hit
        entries = rules if any(isinstance(v, sp.Indexed) for v in variables) else []
        outside = [0, 0]                         # flagged candidates outside the domain, inside it
        for drawn in candidate_points(variables, domain, key, budget, hints, fixed):
            if deadline.expired():
                return None
            point = _projected(drawn, equations) if equations else drawn
            if entries:
                point = _entry_values(point, fixed, entries, domain)
            if not attempt(deadline, lambda: screen.flags(point), False):
                continue
            hit = _confirmed(problem, deadline, fixed, point, left, right, required, outside)
            if hit is not None:
                return hit
            if outside[0] >= FRUITLESS and not outside[1]:
                break                            # no drawn point meets the hypotheses here: the next instance
        fruitless = fruitless + 1 if outside[0] >= FRUITLESS and not outside[1] else 0
        if fruitless >= FRUITLESS_INSTANCES:
            return None                          # (an equation between entries no drawn point solves)
    return None


FRUITLESS = 48
"""Flagged candidates of one concrete instance, every one outside the domain (a hypothesis such as
``exp(z_k)/Σ_j exp(z_j) == q_k`` that drawn points never meet), after which the search moves on."""
FRUITLESS_INSTANCES = 6
"""Consecutive such instances after which the search gives up: its time would go to points it cannot
use (the relation stays undecided rather than running out of time)."""


CUT_SHARE = 0.3
"""The share of a search's time that solving for branch-cut points may take."""


def _on_branch_cuts(problem: Problem, deadline: Deadline, left: sp.Basic, right: sp.Basic, variables: list,
                    fixed: dict, hints: list) -> list[dict]:
    """Points where an argument of a logarithm, root or inverse function lies on its branch cut
    (``numeric.branch_cuts``), for relations about complex or imaginary symbols; the other
    symbols at their first simple admissible values."""
    if problem.real_values or not any(isinstance(v, sp.Symbol) and v.is_real is not True and not v.is_integer
                                      for v in variables):
        return []
    base = next(iter(candidate_points(variables, problem.domain, "branch cuts", 1, hints, fixed)), None)
    if base is None:
        return []
    within = deadline.sooner(max(deadline.remaining() * CUT_SHARE, 0.2))
    return attempt(within, lambda: cut_candidates(sp.Tuple(left, right), variables, base, within), [])


def _linear_equations(domain, fixed: dict, variables: list) -> list[tuple[sp.Basic, list[sp.Basic]]]:
    """The equality hypotheses that are linear in the point's variables once the sizes are fixed
    (``Σ_i p_i = 1`` at n = 3 is p_1 + p_2 + p_3 − 1 = 0), as (expression = 0, its variables)."""
    out = []
    for g in domain.given:
        if not isinstance(g, sp.Eq):
            continue
        expr = concrete_at(g.lhs - g.rhs, fixed)
        if expr is sp.nan or expr.has(sp.Sum, sp.Product):
            continue
        xs = [v for v in variables if expr.has(v)]
        unknown = {a for a in expr.free_symbols if isinstance(a, sp.Symbol)} - set(variables) - set(fixed)
        if not xs or unknown - {i.base.label for i in xs if isinstance(i, sp.Indexed)}:
            continue
        try:
            poly = sp.Poly(expr, *xs)
        except sp.PolynomialError:
            continue
        if poly.total_degree() == 1 and all(c.is_Rational for c in poly.coeffs()):
            out.append((expr, xs))
    return out


def _projected(point: dict, equations: list[tuple[sp.Basic, list[sp.Basic]]]) -> dict:
    """``point`` moved onto the linear equality hypotheses: a drawn point almost never satisfies
    Σ p_i = 1 exactly.  A homogeneous part is scaled (keeping every sign: p / Σ p), else the last
    variable is solved for.  Only a candidate: the point must still pass every admissibility check."""
    out = dict(point)
    for expr, xs in equations:
        if not all(x in out for x in xs):
            continue
        constant = expr.xreplace({x: 0 for x in xs})
        value = expr.xreplace(out)
        if value == 0:
            continue
        part = value - constant                       # the linear part at the point
        if constant != 0 and part != 0 and (-constant / part) > 0:
            factor = -constant / part
            out.update({x: out[x] * factor for x in xs})
            continue
        x = xs[-1]
        coefficient = sp.diff(expr, x)
        if coefficient != 0:
            out[x] = out[x] - value / coefficient
    return out


def _confirmed(problem: Problem, deadline: Deadline, fixed: dict, point: dict, left: sp.Basic, right: sp.Basic,
               required: set, outside: list[int] | None = None) -> tuple[dict, dict, sp.Basic, sp.Basic, int] | None:
    """The hit at ``point`` when it lies inside the whole domain and the relation fails there at
    50 and 100 digits (both searches end here).  ``outside`` counts the points outside the domain and
    inside it."""
    domain = problem.domain
    full = attempt(deadline, lambda: admitted(with_eliminated({**fixed, **point}, domain), domain, required), None)
    if outside is not None:
        outside[full is not None] += 1
    if full is None:
        return None
    digits = attempt(deadline, lambda: confirm(left, problem.rel, right, point, problem.real_values), None)
    return None if digits is None else (full, point, left, right, digits)


def failing_candidate(problem: Problem, deadline: Deadline, candidates: list[dict],
                      fill: int = 8) -> tuple[dict, dict, sp.Basic, sp.Basic, int] | None:
    """The first of ``candidates`` (points from elsewhere: a solver's models) that lies inside the
    domain and where the relation fails, confirmed as in :func:`failing_point`.  Integer symbols
    of a candidate fix the sizes and indices; entries or symbols it lacks are filled with up to
    ``fill`` admissible values."""
    found = sides(problem, deadline)
    if found is None:
        return None
    lhs, rhs = found
    domain = problem.domain
    required = required_symbols(domain)
    needed = sorted(required - set(givens_substitution(domain)), key=str)
    own = problem.free_symbols | set(needed)        # a "for every index" name is no part of a point
    for candidate in candidates:
        fixed = {k: v for k, v in candidate.items() if isinstance(k, sp.Symbol) and k.is_integer and k in own}
        left = attempt(deadline, lambda: concretize(lhs, fixed), None)
        right = attempt(deadline, lambda: concretize(rhs, fixed), None)
        if left is None or right is None:
            continue
        variables = _variables(sp.Tuple(left, right))
        variables += [v for v in needed if v not in variables and v not in fixed]
        given = {v: candidate[v] for v in variables if v in candidate}
        missing = [v for v in variables if v not in given]
        fills = candidate_points(missing, domain, problem.key(), fill, _integer_hints(sp.Tuple(left, right)),
                                 {**fixed, **given}) if missing else iter([{}])
        for extra in fills:
            if deadline.expired():
                return None
            hit = _confirmed(problem, deadline, fixed, {**given, **extra}, left, right, required)
            if hit is not None:
                return hit
    return None


def search(problem: Problem, deadline: Deadline, budget: int, sizes: tuple[int, ...] = SIZES,
           instances_limit: int = 64) -> Verdict | None:
    """Try up to ``budget`` points per concrete instance; return ``refuted`` on a confirmed hit."""
    hit = failing_point(problem, deadline, budget, sizes, instances_limit)
    return None if hit is None else refutation(problem, hit, name)


def refutation(problem: Problem, hit: tuple[dict, dict, sp.Basic, sp.Basic, int], strategy: str,
               message: str = "", read: sp.Basic | None = None) -> Verdict:
    """The ``refuted`` verdict of a confirmed failing point, shown in the user's orientation.  The
    point shows every value the sides read (``read``: the sides before any value was put in, when
    the hit's sides are already evaluated)."""
    full, point, left, right, digits = hit
    shown = problem.shown or (problem.lhs, problem.rel, problem.rhs)
    flipped = shown[1] in (">=", ">")
    lv, rv = show(left, point), show(right, point)
    core = set(_variables(sp.Tuple(left, right) if read is None else read)) | (set(full) & problem.free_symbols)
    cex = Counterexample(show_point(shown_part(full, core, problem.domain)), rv if flipped else lv,
                         lv if flipped else rv, digits)
    return refuted(strategy, cex, f"{message}fails at {cex.describe()}" if message else "")


def shown_part(full: dict, core: set, domain) -> dict:
    """The part of an admissible point worth printing: what the sides read (``core``: entries,
    sizes, indices) and whatever a bound or hypothesis links to them."""
    keep = connected(core | {k.base for k in core if isinstance(k, sp.Indexed)}, domain)
    return {k: v for k, v in full.items() if k in keep or (isinstance(k, sp.Indexed) and k.base in keep)}


def quick_counterexample(problem: Problem, deadline: Deadline) -> Verdict | None:
    """A short search over simple values: most false steps fail at 0, 1 or -1."""
    return search(problem, deadline.sooner(max(deadline.remaining() * 0.15, 0.5)), budget=40,
                  sizes=(1, 2, 3, 0), instances_limit=12)


def numeric_counterexample(problem: Problem, deadline: Deadline) -> Verdict | None:
    """The full seeded search, run after the symbolic strategies gave up."""
    return search(problem, deadline, budget=200)


quick_counterexample.name = "numeric_counterexample"  # type: ignore[attr-defined]
