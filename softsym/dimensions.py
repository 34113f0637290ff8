"""Symbolic dimensions: find n in ``Sum(..., (k, 1, n))``, and make a relation concrete for n = N."""
from __future__ import annotations

import functools
from collections.abc import Iterator
from itertools import product

import sympy as sp

from .domain import Domain
from .numeric.sampling import admits, inside, interval_at
from .rewrite import substitute_free

MAX_INDEX_COMBINATIONS = 64


def dimension_symbols(expr: sp.Basic) -> list[sp.Symbol]:
    """Free symbols that appear in the limits of a ``Sum`` or ``Product`` (the symbolic sizes)."""
    found: set[sp.Symbol] = set()
    for node in expr.atoms(sp.Sum, sp.Product):
        for _, lo, hi in node.limits:
            found |= {s for s in (lo.free_symbols | hi.free_symbols) if isinstance(s, sp.Symbol)}
    return sorted(found & expr.free_symbols, key=lambda s: s.name)     # an outer sum's index is bound, not a size


def index_symbols(expr: sp.Basic, domain: Domain, dims: list[sp.Symbol]) -> list[sp.Symbol]:
    """Free integer symbols used as indices, or bounded in terms of a dimension (``1 <= i <= n``)."""
    out: set[sp.Symbol] = set()
    for node in expr.atoms(sp.Indexed):
        out |= {s for s in node.free_symbols if isinstance(s, sp.Symbol) and s.is_integer
                and s not in dims}
    for b in domain.bounds:
        ends = [e for e in (b.lower, b.upper) if e is not None]
        if b.symbol.is_integer and b.symbol not in dims and any(set(dims) & e.free_symbols for e in ends):
            out.add(b.symbol)
    free = expr.free_symbols
    return sorted((s for s in out if s in free), key=lambda s: s.name)


SIZES = (1, 2, 3, 0, -1, -2, 7)
"""Preferred concrete sizes, in order: small ones first, then an empty (0) and a reversed range
(Karr's convention gives them meaning), then a larger one."""
MAX_ENUMERATED = 12


def integer_values(symbol: sp.Symbol, domain: Domain, point: dict, preferred) -> list[int]:
    """Admissible integer values of ``symbol`` given the values already chosen in ``point``:
    the preferred ones first, then the ends of its declared range and their neighbours inside."""
    lo, ls, hi, hs = interval_at(symbol, domain, point)
    pool = list(preferred)
    for end, step in ((lo, 1), (hi, -1)):
        if end is not None:
            start = int(sp.ceiling(end)) if step > 0 else int(sp.floor(end))
            pool += [start + step * t for t in range(3)]
    out: list[int] = []
    for v in pool:
        value = sp.Integer(v)
        if v not in out and admits(symbol, value) and inside(value, lo, ls, hi, hs):
            out.append(v)
    return out


def finite_range(symbol: sp.Symbol, domain: Domain, point: dict) -> list[int] | None:
    """Every admissible value of an integer ``symbol`` when its range is finite at ``point``
    (and at most ``MAX_ENUMERATED`` long), else None."""
    lo, ls, hi, hs = interval_at(symbol, domain, point)
    if lo is None or hi is None:
        return None
    first = int(sp.floor(lo)) + 1 if (ls or not lo.is_integer) else int(lo)
    last = int(sp.ceiling(hi)) - 1 if (hs or not hi.is_integer) else int(hi)
    if last - first + 1 > MAX_ENUMERATED:
        return None
    return [v for v in range(first, last + 1) if admits(symbol, sp.Integer(v))]


def size_assignments(dims: list[sp.Symbol], domain: Domain, per_dim: int | None = None,
                     preferred=SIZES) -> list[dict[sp.Symbol, sp.Integer]]:
    """Concrete sizes for the dimensions, varied independently (``n ≠ m`` too), simple first."""
    per_dim = per_dim or {1: 5, 2: 3}.get(len(dims), 2)
    out: list[dict] = [{}]
    for d in dims:
        grown = []
        for partial in out:
            for v in integer_values(d, domain, partial, preferred)[:per_dim]:
                grown.append({**partial, d: sp.Integer(v)})
        out = grown
    order = {v: k for k, v in enumerate(preferred)}
    return sorted(out, key=lambda a: (max((order.get(int(v), 99) for v in a.values()), default=0),
                                      sum(order.get(int(v), 99) for v in a.values())))


def instances(expr: sp.Basic, domain: Domain, dims: list[sp.Symbol], sizes: dict,
              exhaustive: bool = False, limit: int = MAX_INDEX_COMBINATIONS) -> Iterator[dict[sp.Basic, sp.Integer]]:
    """Assignments of the index symbols for the given concrete sizes.

    For a search (``exhaustive=False``) an index takes values in and around the ranges: 1..max
    size, 0, one past the largest size and -1, each if admissible.  For a proof by instances
    (``exhaustive=True``) only indices whose declared range is finite at these sizes are
    enumerated, completely; an index with an unbounded range stays a symbol (the instance must
    hold for every value of it).
    """
    point = dict(sizes)
    top = max((int(v) for v in sizes.values()), default=3)
    near = [*range(1, max(top, 1) + 1), 0, max(top, 1) + 1, -1]
    choices: list[tuple[sp.Symbol, list[int]]] = []
    for i in index_symbols(expr, domain, dims):
        if exhaustive:
            values = finite_range(i, domain, point)
            if values is None:
                continue
        else:
            values = integer_values(i, domain, point, near)
        choices.append((i, values))
    count = 0
    for combo in product(*(v for _, v in choices)):
        yield {**point, **{i: sp.Integer(v) for (i, _), v in zip(choices, combo)}}
        count += 1
        if not exhaustive and count >= limit:      # a search needs some; a proof needs them all
            return


class UndefinedHere(ValueError):
    """SymPy cannot even build the expression at this point (``Max(log(0), x)``: zoo is not
    comparable): the relation is undefined there for every value of the other names."""


def concretize(expr: sp.Basic, point: dict[sp.Basic, sp.Basic]) -> sp.Basic:
    """Substitute concrete sizes and indices and expand every sum and product into terms.

    Raises:
        UndefinedHere: SymPy refuses to build the result (a non-comparable Max/Min argument).
    """
    try:
        return _concretize(expr, tuple(sorted(point.items(), key=sp.default_sort_key)))
    except UndefinedHere:
        raise
    except (ValueError, TypeError) as exc:
        raise UndefinedHere(str(exc)) from exc


@functools.lru_cache(maxsize=1024)
def _concretize(expr: sp.Basic, items: tuple) -> sp.Basic:
    """``concretize`` on hashable arguments: the searches and the audit ask for the same instances."""
    return write_out(substitute_free(expr, dict(items)))


MAX_TERMS = 2000


def write_out(expr: sp.Basic) -> sp.Basic:
    """Every sum and product over a concrete range written out term by term, outermost first, by
    Karr's convention (``Σ_{k=a}^{b} = −Σ_{k=b+1}^{a−1}`` when b < a − 1; SymPy's ``doit`` gets
    nested reversed ranges wrong).  Longer ranges are left to ``doit``."""
    if not expr.args or not expr.has(sp.Sum, sp.Product):
        return expr
    if isinstance(expr, (sp.Sum, sp.Product)):
        var, lo, hi = expr.limits[-1]
        if lo.is_Integer and hi.is_Integer and abs(int(hi) - int(lo)) <= MAX_TERMS:
            inner = expr.func(expr.function, *expr.limits[:-1]) if len(expr.limits) > 1 else expr.function
            forward = hi >= lo - 1
            ks = range(int(lo), int(hi) + 1) if forward else range(int(hi) + 1, int(lo))
            terms = [write_out(inner.xreplace({var: sp.Integer(k)})) for k in ks]
            if isinstance(expr, sp.Sum):
                total = sp.Add(*terms)
                return total if forward else -total
            total = sp.Mul(*terms)
            return total if forward else 1 / total
        if lo.is_Integer and hi.is_Integer:
            return expr.doit()
    return expr.func(*(write_out(a) for a in expr.args))
