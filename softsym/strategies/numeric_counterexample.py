"""Refute a relation with a concrete point inside the assumptions, confirmed at high precision.

Symbolic dimensions are made concrete first (n = 1, 2, 3 and every admissible index), then
points are tried simple values first and seeded random ones after.  A hit is re-checked at 50
and 100 digits before it is reported.  Never proves anything.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import product

import sympy as sp

from ..deadline import Deadline, attempt
from ..dimensions import concretize, dimension_symbols, dimension_values, instances
from ..numeric.evaluate import Screen, confirm, show, show_point
from ..numeric.sampling import candidate_points
from ..problem import Problem
from ..rewrite import apply_givens, evaluate_derivatives, symbols_outside_entries
from ..verdict import Counterexample, Verdict, refuted

name = "numeric_counterexample"
DIMENSIONS = (1, 2, 3)


def _variables(expr: sp.Basic) -> list[sp.Basic]:
    """Free symbols and free ``Indexed`` entries (entries are variables of their own)."""
    indexed = {e for e in expr.atoms(sp.Indexed) if all(i.is_Integer for i in e.indices)}
    labels = {e.base.label for e in expr.atoms(sp.Indexed)}
    symbols = {s for s in expr.free_symbols if isinstance(s, sp.Symbol) and s not in labels}
    return list(symbols) + list(indexed)


def _hypothesis_variables(givens: list[sp.Basic], fixed: dict) -> list[sp.Symbol]:
    out: list[sp.Symbol] = []
    for g in givens:
        for s in sorted(symbols_outside_entries(g), key=str):
            if s not in fixed and s not in out:
                out.append(s)
    return out


def _holds(given: sp.Basic, point: dict) -> bool:
    """Whether a hypothesis is verifiably true at ``point`` (unresolved counts as not).

    Integer symbols left free in a hypothesis (``z[k] <= m`` for every k) range over the indices
    of the entries the point assigns: the hypothesis must hold for each of them.
    """
    try:
        value = given.xreplace(point)
        free = [s for s in value.free_symbols if isinstance(s, sp.Symbol) and s.is_integer]
        if free:
            used = sorted({i for k in point if isinstance(k, sp.Indexed) for i in k.indices if i.is_Integer})
            if not used or len(used) ** len(free) > 512:
                return False
            return all(_holds(given.xreplace(dict(zip(free, combo))), point)
                       for combo in product(used, repeat=len(free)))
        if value in (sp.true, sp.false):
            return value is sp.true
        if isinstance(value, sp.Rel) and not value.free_symbols:
            return bool(value.doit())
    except (TypeError, ValueError):
        pass
    return False


def _concrete_problems(problem: Problem, lhs: sp.Basic, rhs: sp.Basic) -> Iterator[tuple[dict, sp.Basic, sp.Basic]]:
    both = sp.Tuple(lhs, rhs)
    dims = dimension_symbols(both)
    if not dims:
        for fixed in instances(both, problem.domain, [], {}, problem.domain.given):
            yield fixed, concretize(lhs, fixed), concretize(rhs, fixed)
        return
    for size in DIMENSIONS:
        sizes = {}
        for d in dims:
            allowed = dimension_values(d, problem.domain, max(DIMENSIONS))
            if not allowed:
                return
            sizes[d] = size if size in allowed else allowed[min(len(allowed) - 1, DIMENSIONS.index(size))]
        for fixed in instances(both, problem.domain, dims, sizes, problem.domain.given):
            yield fixed, concretize(lhs, fixed), concretize(rhs, fixed)


def search(problem: Problem, deadline: Deadline, budget: int) -> Verdict | None:
    """Try up to ``budget`` points per concrete instance; return ``refuted`` on a confirmed hit."""
    lhs = attempt(deadline, lambda: apply_givens(evaluate_derivatives(problem.lhs), problem.domain), None)
    rhs = attempt(deadline, lambda: apply_givens(evaluate_derivatives(problem.rhs), problem.domain), None)
    if lhs is None or rhs is None or sp.Tuple(lhs, rhs).has(sp.Limit, sp.Integral):
        return None
    givens = [apply_givens(g, problem.domain) for g in problem.domain.given]   # used-up ones become True
    for fixed, left, right in _concrete_problems(problem, lhs, rhs):
        if deadline.expired():
            return None
        variables = _variables(sp.Tuple(left, right))
        screen = Screen(left, problem.rel, right, variables)
        # symbols only the hypotheses mention (``n >= 2`` about an n the relation does not use) are
        # sampled too, so a point can satisfy them; index-only ones (``z[l] <= m``) stay "for every l"
        variables += [v for v in _hypothesis_variables(givens, fixed) if v not in variables]
        key = problem.key() + repr(sorted(fixed.items(), key=str))
        for point in candidate_points(variables, problem.domain, key, budget):
            if deadline.expired():
                return None
            full = {**fixed, **point}
            if not all(_holds(g, full) for g in givens):
                continue                    # only points where every hypothesis verifiably holds
            if not attempt(deadline, lambda: screen.flags(point), False):
                continue
            digits = attempt(deadline, lambda: confirm(left, problem.rel, right, point), None)
            if digits is None:
                continue
            shown = problem.shown or (problem.lhs, problem.rel, problem.rhs)
            flipped = shown[1] in (">=", ">")
            lv, rv = show(left, point), show(right, point)
            cex = Counterexample(show_point(full), rv if flipped else lv, lv if flipped else rv, digits)
            return refuted(name, cex)
    return None


def quick_counterexample(problem: Problem, deadline: Deadline) -> Verdict | None:
    """A short search over simple values: most false steps fail at 0, 1 or -1."""
    return search(problem, deadline.sooner(max(deadline.remaining() * 0.15, 0.5)), budget=40)


def numeric_counterexample(problem: Problem, deadline: Deadline) -> Verdict | None:
    """The full seeded search, run after the symbolic strategies gave up."""
    return search(problem, deadline, budget=200)


quick_counterexample.name = "numeric_counterexample"  # type: ignore[attr-defined]
