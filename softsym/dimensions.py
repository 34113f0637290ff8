"""Symbolic dimensions: find n in ``Sum(..., (k, 1, n))``, and make a relation concrete for n = N."""
from __future__ import annotations

from collections.abc import Iterator
from itertools import product

import sympy as sp

from .domain import Domain
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


def _range_of(symbol: sp.Symbol, domain: Domain, point: dict, default: tuple[int, int]) -> range:
    bound = domain.bound_of(symbol)
    lo, hi = default
    if bound is not None:
        if bound.lower is not None:
            value = sp.sympify(bound.lower).xreplace(point)
            if value.is_number:
                lo = int(sp.ceiling(value)) + (1 if bound.lower_strict and value.is_integer else 0)
        if bound.upper is not None:
            value = sp.sympify(bound.upper).xreplace(point)
            if value.is_number:
                hi = int(sp.floor(value)) - (1 if bound.upper_strict and value.is_integer else 0)
    if symbol.is_positive:
        lo = max(lo, 1)
    elif symbol.is_nonnegative:
        lo = max(lo, 0)
    return range(lo, hi + 1)


def dimension_values(dim: sp.Symbol, domain: Domain, upto: int) -> list[int]:
    """The admissible concrete sizes 1..upto (or 0..upto) for one dimension symbol."""
    return [v for v in _range_of(dim, domain, {}, (0, upto)) if v <= upto]


def instances(expr: sp.Basic, domain: Domain, dims: list[sp.Symbol], sizes: dict[sp.Symbol, int],
              given: tuple[sp.Basic, ...] = (), limit: int | None = MAX_INDEX_COMBINATIONS,
              ) -> Iterator[dict[sp.Basic, sp.Integer]]:
    """Assignments of the index symbols admissible for the given concrete sizes.

    Indices with no bound range over 1..max(size).  Assignments violating a ``given`` are
    skipped.  With ``limit=None`` every assignment is produced (a proof needs them all);
    otherwise at most ``limit`` (a search only needs some).
    """
    base = {d: sp.Integer(v) for d, v in sizes.items()}
    indices = index_symbols(expr, domain, dims)
    top = max(sizes.values(), default=3)
    ranges = [_range_of(i, domain, base, (1, max(top, 1))) for i in indices]
    count = 0
    for combo in product(*ranges):
        point = dict(base)
        point.update({i: sp.Integer(v) for i, v in zip(indices, combo)})
        if any(g.xreplace(point) is sp.false for g in given):
            continue
        yield point
        count += 1
        if limit is not None and count >= limit:
            return


def concretize(expr: sp.Basic, point: dict[sp.Basic, sp.Basic]) -> sp.Basic:
    """Substitute concrete sizes and indices and expand every sum and product into terms."""
    out = substitute_free(expr, point)
    return out.replace(lambda e: isinstance(e, (sp.Sum, sp.Product)) and _concrete_limits(e),
                       lambda e: e.doit())


def _concrete_limits(node: sp.Basic) -> bool:
    return all(lo.is_Integer and hi.is_Integer for _, lo, hi in node.limits)
