"""The fallback for symbolic dimensions: prove the relation for each concrete size, and say so.

Every sum is expanded into its terms and every index with a finite range takes each of its
values (an index with an unbounded range stays a symbol: the instance must hold for all of
them); each instance must be proved by the symbolic strategies.  Dimensions vary independently.
The verdict is ``proved-instantiated`` with the largest N such that every admissible assignment
of sizes from the window's low end (0 or below where the declarations admit it) up to N was
proved, and the message names exactly the sizes checked.
"""
from __future__ import annotations

from itertools import product

import sympy as sp

from ..deadline import Deadline
from ..dimensions import UndefinedHere, concretize, dimension_symbols, instances, integer_values
from ..domain import Domain
from ..problem import Problem
from ..verdict import Counterexample, Status, Verdict
from .inequalities import inequalities
from .rational_form import rational_form
from .simplify_difference import simplify_difference

name = "instantiate"
MAX_N = 6
MIN_N = 2
LOWEST = -2
"""The smallest size tried where the declarations allow negative sizes (Karr's reversed ranges)."""
MAX_INSTANCES = 400


def _proved(problem: Problem, deadline: Deadline) -> bool:
    for strategy in (rational_form, simplify_difference, inequalities):
        verdict = strategy(problem, deadline)
        if verdict is not None and verdict.status.is_proved:
            return True
    return False


def _at(problem: Problem, point: dict) -> Problem | None:
    """The instance at ``point`` (its hypotheses made concrete too), or None when a hypothesis
    is false there (the point is outside the domain: nothing to prove)."""
    given = []
    for g in problem.domain.given:
        value = concretize(g, point)
        if value is sp.false:
            return None
        if value is not sp.true:
            given.append(value)
    d = problem.domain
    domain = Domain(d.symbols, d.indexed, d.bounds, tuple(given))
    return problem.replaced(concretize(problem.lhs, point), concretize(problem.rhs, point), domain)


def _window(dims: list[sp.Symbol], problem: Problem, top: int) -> dict[sp.Symbol, list[int]]:
    """Each dimension's admissible sizes from ``LOWEST`` up to ``top`` (bounds that mention
    other dimensions are resolved per assignment below)."""
    return {d: sorted(v for v in integer_values(d, problem.domain, {}, range(LOWEST, top + 1))
                      if LOWEST <= v <= top) for d in dims}


def instantiate(problem: Problem, deadline: Deadline) -> Verdict | None:
    """Prove for every admissible assignment of sizes up to N (N as large as the time allows,
    at least ``MIN_N``); dimensions vary independently."""
    both = sp.Tuple(problem.lhs, problem.rhs)
    dims = dimension_symbols(both)
    if not dims:
        return None
    done: int | None = None
    checked: list[dict] = []
    inside: list[dict] = []             # the sizes with at least one instance inside the hypotheses
    for top in range(MIN_N, MAX_N + 1):
        window = _window(dims, problem, top)
        if any(not values for values in window.values()):
            continue
        fresh = [dict(zip(dims, combo)) for combo in product(*window.values())
                 if max(combo) == top or done is None]
        points = [p for sizes in fresh
                  for p in instances(both, problem.domain, dims, {d: sp.Integer(v) for d, v in sizes.items()},
                                     exhaustive=True)]
        if len(points) + len(checked) > MAX_INSTANCES:
            break
        met: list[dict] = []
        for point in points:
            try:
                concrete = _at(problem, point)
            except UndefinedHere:        # SymPy cannot build the instance: it is not proved
                return _result(done, dims, window_of=checked, inside=inside)
            if concrete is None:
                continue
            if deadline.remaining() < 0.05 or not _proved(concrete, deadline.sooner(deadline.remaining() / 2)):
                return _result(done, dims, window_of=checked, inside=inside)
            met.append({d: point[d] for d in dims if d in point})
        checked.extend(fresh)
        inside.extend(met)
        done = top
    if done is not None and done >= MIN_N and inside:
        beyond = _refuted_beyond(problem, dims, done, deadline)
        if beyond is not None:
            return beyond
    return _result(done, dims, window_of=checked, inside=inside)


BEYOND = 40
"""Sizes past the proved window tried for a counterexample (all dimensions at one size), where
an instance has no other free symbol and so is decided by exact arithmetic: "n! <= 10000 for
every n >= 1" holds up to 7 and first fails at 8."""


def _refuted_beyond(problem: Problem, dims: list, done: int, deadline: Deadline) -> Verdict | None:
    """A refutation at a size past the window (exact arithmetic), or None."""
    from .exact_numeric import exact_numeric
    window = _window(dims, problem, BEYOND)
    sizes = sorted(set.intersection(*(set(v) for v in window.values())) - set(range(LOWEST, done + 1)))
    both = sp.Tuple(problem.lhs, problem.rhs)
    for size in sizes:
        if deadline.remaining() < 0.2:
            return None
        decidable, concrete = _instance_at(problem, both, dims, size)
        if not decidable:
            return None
        if concrete is None:
            continue
        verdict = exact_numeric(concrete, deadline.sooner(min(1.0, deadline.remaining() / 4)))
        if verdict is not None and verdict.status is Status.REFUTED and verdict.counterexample is not None:
            return _refuted_at(verdict, dims, size, done)
    return _refuted_far(problem, dims, done, deadline)


def _instance_at(problem: Problem, both: sp.Tuple, dims: list, size: int) -> tuple[bool, Problem | None]:
    """The instance with every dimension at ``size``, every sum written out: (True, a problem of numbers only), (True,
    None) where a hypothesis is false at that size (nothing to decide there), (False, None) where exact arithmetic
    cannot decide it (entries or other names remain, SymPy cannot build it)."""
    found = list(instances(both, problem.domain, dims, {d: sp.Integer(size) for d in dims}, exhaustive=True))
    if len(found) != 1:
        return False, None
    try:
        concrete = _at(problem, found[0])
    except UndefinedHere:
        return False, None
    if concrete is not None and concrete.free_symbols:
        return False, None
    return True, concrete


def _refuted_at(verdict: Verdict, dims: list, size: int, done: int) -> Verdict:
    cex = verdict.counterexample
    values = tuple((str(d), str(size)) for d in dims)
    return Verdict(Status.REFUTED, name, counterexample=Counterexample(values, cex.lhs_value, cex.rhs_value,
                                                                      cex.digits),
                   message=f"holds for each size up to {done} but fails at "
                           f"{', '.join(f'{d} = {size}' for d in dims)} (exact arithmetic)")


FAR = (48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 2048, 4096, 8192, 16384, 32768, 65536)
"""Sizes past ``BEYOND`` where a closed form of the sums is evaluated ("Σ_k Σ_j kj ≤ 10⁶ for every n ≥ 1"
first fails at n = 45)."""
MAX_WRITTEN = 40000
"""The most terms a far instance is written out with to confirm a failure the closed form points at."""


def _refuted_far(problem: Problem, dims: list, done: int, deadline: Deadline) -> Verdict | None:
    """A refutation at a size past ``BEYOND``: SymPy's closed form of each sum whose summand is a polynomial
    (Faulhaber's sums) only points at a size where the relation fails — the smallest failing size between the
    sizes tried, by bisection — and the instance there, written out term by term, decides it by exact
    arithmetic, as the sizes up to ``BEYOND`` are decided.  None when no closed form fails or the instance is
    too long to write out."""
    from .exact_numeric import exact_numeric
    both = sp.Tuple(problem.lhs, problem.rhs)
    sums = list(both.atoms(sp.Sum))
    if not sums or both.has(sp.Product) or len(dims) != 1 or deadline.remaining() < 0.5:
        return None
    if not all(s.function.is_polynomial(*(v for v, *_ in s.limits)) for s in sums):
        return None
    d = dims[0]
    try:                     # (the sums only: an integral or a derivative beside them is not SymPy's to settle here)
        closed = both.replace(lambda x: isinstance(x, sp.Sum), lambda x: x.doit())
    except Exception:        # noqa: BLE001 — no closed form: nothing to point at
        return None
    if closed.has(sp.Sum, sp.Piecewise) or closed.free_symbols - {d}:
        return None
    depth = sum(len(s.limits) for s in sums)     # (nested sums counted at each level: an upper bound of the terms)

    def fails(size: int) -> bool | None:
        if size not in integer_values(d, problem.domain, {}, [size]):
            return None
        at = closed.xreplace({d: sp.Integer(size)})
        holds = {"==": sp.Eq, "<=": sp.Le, "<": sp.Lt}[problem.rel](at[0], at[1])
        return None if holds not in (sp.true, sp.false) else holds is sp.false
    low = BEYOND
    for size in FAR:
        if deadline.remaining() < 0.3:
            return None
        verdict_here = fails(size)
        if verdict_here is None:
            return None
        if not verdict_here:
            low = size
            continue
        high = size                              # fails at high, not at low: the smallest failing size
        while high - low > 1:
            mid = (low + high) // 2
            low, high = (low, mid) if fails(mid) else (mid, high)
        if high ** depth > MAX_WRITTEN:
            return None
        decidable, concrete = _instance_at(problem, both, dims, high)
        if concrete is None:
            return None
        verdict = exact_numeric(concrete, deadline.sooner(min(2.0, deadline.remaining() / 2)))
        if verdict is not None and verdict.status is Status.REFUTED and verdict.counterexample is not None:
            return _refuted_at(verdict, dims, high, done)
        return None
    return None


def _result(done: int | None, dims: list, window_of: list[dict], inside: list[dict]) -> Verdict | None:
    if done is None or done < MIN_N:
        return None
    if not inside:      # every instance broke a hypothesis (n = 1 given, sizes 2..6 tried): nothing was proved
        return None
    ranges = []
    for d in dims:
        values = sorted({int(a[d]) for a in window_of})
        ranges.append(f"{d} = {values[0]}..{values[-1]}" if values == list(range(values[0], values[-1] + 1))
                      else f"{d} in {{{', '.join(map(str, values))}}}")
    together = " and ".join(ranges) + (" (every combination)" if len(dims) > 1 else "")
    return Verdict(Status.PROVED_INSTANTIATED, name, instantiated_up_to=done,
                   message=f"proved for each {together} separately, every index in its range; "
                           f"not for general {', '.join(str(d) for d in dims)}")
