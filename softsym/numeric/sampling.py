"""Candidate points inside the assumptions: simple values first, then seeded random ones.

Every value is an exact SymPy number, so a counterexample can be re-checked at any precision
and printed exactly.  The random stream is seeded from the relation's text: the same relation
always gets the same points, and so the same counterexample.
"""
from __future__ import annotations

import functools
import hashlib
import random
from collections.abc import Iterator, Sequence

import sympy as sp

from ..domain import Domain

R = sp.Rational
SIMPLE_REAL = (R(0), R(1), R(-1), R(2), R(-2), R(1, 2), R(-1, 2), R(3), R(-3), R(1, 3), R(5),
               R(-5), R(1, 10), R(10), R(-10), R(3, 2), R(7, 4))
SIMPLE_COMPLEX = (sp.I, -sp.I, 1 + sp.I, 4 * sp.I, -1 + 2 * sp.I, -4 * sp.I)


def seed_of(key: str) -> int:
    """A stable 64-bit seed from a relation's text."""
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")


def admits(symbol: sp.Basic, value: sp.Basic) -> bool:
    """Whether ``value`` satisfies the SymPy assumptions of ``symbol``."""
    checks = {
        "integer": lambda v: v.is_integer, "positive": lambda v: v.is_positive,
        "negative": lambda v: v.is_negative, "nonnegative": lambda v: v.is_nonnegative,
        "nonpositive": lambda v: v.is_nonpositive, "nonzero": lambda v: v.is_nonzero,
        "real": lambda v: v.is_real, "zero": lambda v: v.is_zero, "imaginary": lambda v: v.is_imaginary,
    }
    for fact, test in checks.items():
        if getattr(symbol, f"is_{fact}") is True and test(value) is not True:
            return False
    return True


def interval_at(symbol: sp.Basic, domain: Domain, point: dict) -> tuple:
    """(lo, lo strict, hi, hi strict) of ``symbol``'s bound with ``point`` substituted; an end that
    stays symbolic is None (the admissibility check rejects what it lets through)."""
    bound = domain.bound_of(symbol) if isinstance(symbol, sp.Symbol) else None
    if bound is None:
        return None, False, None, False
    lo = None if bound.lower is None else sp.sympify(bound.lower).xreplace(point)
    hi = None if bound.upper is None else sp.sympify(bound.upper).xreplace(point)
    lo = lo if lo is None or lo.is_number else None   # an unresolved end: rely on rejection below
    hi = hi if hi is None or hi.is_number else None
    return lo, bound.lower_strict, hi, bound.upper_strict


def inside(value: sp.Basic, lo, lo_strict: bool, hi, hi_strict: bool) -> bool:
    """Whether ``value`` lies between the (numeric or None) ends."""
    if lo is not None and not bool(value > lo if lo_strict else value >= lo):
        return False
    if hi is not None and not bool(value < hi if hi_strict else value <= hi):
        return False
    return True


def _interval_points(lo, hi, integer: bool) -> list[sp.Basic]:
    """Readable points of an interval: its middle, quarters and points close to each end."""
    if integer:
        if lo is None and hi is None:
            return []
        if lo is not None and hi is not None:
            return [sp.Integer(v) for v in range(int(sp.ceiling(lo)), int(sp.floor(hi)) + 1)][:12]
        start = lo if lo is not None else hi
        step = 1 if lo is not None else -1
        return [sp.Integer(int(sp.ceiling(start) if step > 0 else sp.floor(start)) + step * k) for k in range(6)]
    if lo is not None and hi is not None:
        width = hi - lo
        return [lo + width * f for f in (R(1, 2), R(1, 4), R(3, 4), R(1, 10), R(9, 10), R(1, 100), R(99, 100))]
    if lo is not None:
        return [lo + d for d in (R(1), R(1, 2), R(2), R(1, 10), R(5), R(10), R(1, 100))]
    if hi is not None:
        return [hi - d for d in (R(1), R(1, 2), R(2), R(1, 10), R(5), R(10), R(1, 100))]
    return []


def admissible_values(symbol: sp.Basic, domain: Domain, point: dict, hints: Sequence[sp.Basic] = ()) -> list[sp.Basic]:
    """Simple values ``symbol`` may take, given the values already chosen for earlier symbols
    (``hints``: integers worth trying for an integer symbol, after the simple ones)."""
    lo, ls, hi, hs = interval_at(symbol, domain, point)
    return list(_values_in(symbol, lo, ls, hi, hs, tuple(hints) if symbol.is_integer else ()))


@functools.lru_cache(maxsize=4096)
def _values_in(symbol: sp.Basic, lo, ls: bool, hi, hs: bool, hints: tuple) -> tuple[sp.Basic, ...]:
    """The simple values of ``symbol`` inside the (numeric or None) ends: depends on nothing else."""
    integer = bool(symbol.is_integer)
    pool = list(SIMPLE_REAL) + _interval_points(lo, hi, integer) + list(hints)
    if symbol.is_real is not True and not integer:
        pool += list(SIMPLE_COMPLEX)
    out: list[sp.Basic] = []
    for v in pool:
        if v not in out and admits(symbol, v) and (v.is_real is not True or inside(v, lo, ls, hi, hs)):
            out.append(v)
    return tuple(out)


def _random_value(symbol: sp.Basic, domain: Domain, point: dict, rng: random.Random) -> sp.Basic | None:
    lo, ls, hi, hs = interval_at(symbol, domain, point)
    integer = bool(symbol.is_integer)
    for _ in range(20):
        if lo is not None and hi is not None:
            v = lo + (hi - lo) * R(rng.randint(1, 999), 1000)
        else:
            scale = rng.choice((1, 1, 3, 10, 40))
            v = R(rng.randint(-8 * scale, 8 * scale), rng.choice((1, 2, 4, 8)))
            if lo is not None:
                v = lo + abs(v) + (R(1, 8) if ls else 0)
            elif hi is not None:
                v = hi - abs(v) - (R(1, 8) if hs else 0)
        if integer:
            v = sp.Integer(int(sp.floor(v)))
        if symbol.is_imaginary:
            v = sp.I * (v if v != 0 else R(1))
        elif symbol.is_real is not True and not integer and rng.random() < 0.3:
            v = v + sp.I * R(rng.randint(-16, 16), 4)
        if admits(symbol, v) and (v.is_real is not True or inside(v, lo, ls, hi, hs)):
            return v
    return None


def order_variables(variables: Sequence[sp.Basic], domain: Domain) -> list[sp.Basic]:
    """Declared symbols in declaration order (bounds refer to earlier ones), then the rest by name."""
    declared = [s for s in domain.symbols if s in variables]
    rest = sorted((v for v in variables if v not in declared), key=str)
    return declared + rest


def candidate_points(variables: Sequence[sp.Basic], domain: Domain, key: str,
                     budget: int = 120, hints: Sequence[sp.Basic] = (),
                     context: dict | None = None) -> Iterator[dict[sp.Basic, sp.Basic]]:
    """Points inside the assumptions: all-simple first, one variable moved at a time, then random.

    Args:
        variables: the free symbols (and ``Indexed`` entries) to assign.
        domain: assumptions and bounds to respect.
        key: the relation's text; seeds the random part.
        budget: how many points to yield at most.
        hints: integers worth trying for integer variables.
        context: values fixed already (sizes, indices) that bounds may mention; not yielded.
    """
    context = context or {}
    order = order_variables(variables, domain)
    rng = random.Random(seed_of(key))
    seen: set[tuple] = set()
    produced = 0

    def emit(point: dict) -> Iterator[dict]:
        nonlocal produced
        sig = tuple(point.get(v) for v in order)
        if None in sig or sig in seen:
            return
        seen.add(sig)
        produced += 1
        yield point

    for rank in range(4):                     # everyone at their rank-th simple value
        point: dict = {}
        for v in order:
            vals = admissible_values(v, domain, {**context, **point}, hints)
            if not vals:
                break
            point[v] = vals[min(rank, len(vals) - 1)]
        yield from emit(point)
    for v_moved in order:                      # one variable through its simple values
        for idx in range(1, 8):
            point = {}
            for v in order:
                vals = admissible_values(v, domain, {**context, **point}, hints)
                if not vals:
                    break
                point[v] = vals[min(idx, len(vals) - 1)] if v == v_moved else vals[0]
            yield from emit(point)
            if produced >= budget // 2:
                break
    attempts = 0
    while produced < budget and attempts < budget * 4:
        attempts += 1
        point = {}
        for v in order:
            if rng.random() < 0.35:
                vals = admissible_values(v, domain, {**context, **point}, hints)
                value = rng.choice(vals) if vals else None
            else:
                value = _random_value(v, domain, {**context, **point}, rng)
            if value is None:
                break
            point[v] = value
        yield from emit(point)
