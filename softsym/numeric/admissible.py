"""Whether a point lies inside a relation's domain: the check every counterexample must pass.

A refutation is only as good as its point.  This module decides, independently of how the point
was found, whether a point satisfies every declaration (SymPy assumptions), every bound (ends
that mention other symbols included) and every hypothesis of the domain, exactly or at 50 digits.
Anything it cannot verify counts as *not* admissible: an honest ``undecided`` is better than a
counterexample outside the assumptions.
"""
from __future__ import annotations

from itertools import product

import sympy as sp

from ..domain import Domain
from ..rewrite import givens_substitution, symbols_outside_entries
from .sampling import admits

DIGITS = 50
MAX_COMBINATIONS = 512


def required_symbols(domain: Domain) -> set[sp.Symbol]:
    """Symbols a point must assign to witness the domain: bounded symbols, the symbols their bounds
    mention, and the value symbols of hypotheses.  A symbol that occurs in hypotheses only as an
    entry index (``l`` in ``z[l] <= m``) reads "for every l" and is not among them."""
    out: set[sp.Symbol] = set()
    values: set[sp.Symbol] = set()
    for g in domain.given:
        values |= symbols_outside_entries(g)
    universal_only = set().union(*(universal_symbols(g) for g in domain.given)) - values
    for b in domain.bounds:
        if b.symbol not in universal_only:
            out.add(b.symbol)
        for end in (b.lower, b.upper):
            if end is not None:
                out |= {s for s in end.free_symbols if isinstance(s, sp.Symbol)}
    return out | values


def universal_symbols(given: sp.Basic) -> set[sp.Symbol]:
    """Integer symbols of a hypothesis that occur only as entry indices: read "for every index"."""
    ints = {s for s in given.free_symbols if isinstance(s, sp.Symbol) and s.is_integer}
    return ints - symbols_outside_entries(given)


def concrete_at(expr: sp.Basic, point: dict) -> sp.Basic:
    """``expr`` at ``point``, sums and products over concrete ranges expanded, entries filled in;
    ``nan`` where SymPy cannot even build it (``Max(log(0), x)``): undefined, never settles a check."""
    from ..dimensions import concretize                      # dimensions imports numeric: late
    symbols = {k: v for k, v in point.items() if isinstance(k, sp.Symbol)}
    entries = {k: v for k, v in point.items() if isinstance(k, sp.Indexed)}
    try:
        value = concretize(expr, symbols) if expr.has(sp.Sum, sp.Product) else expr.xreplace(symbols)
        return value.xreplace(entries) if entries else value
    except (ValueError, TypeError):
        return sp.nan


def _truth(rel: sp.Basic) -> bool | None:
    """True/False for a relational without free symbols: exactly, or at 50 digits when the sides
    differ clearly; None when it cannot tell (undefined, non-real in an inequality, too close)."""
    if rel in (sp.true, sp.false):
        return rel is sp.true
    if not isinstance(rel, sp.Rel) or rel.free_symbols:
        return None
    try:
        diff = rel.lhs - rel.rhs
        if diff.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
            return None
        if not diff.is_Number:
            approx = diff.evalf(DIGITS)
            re, im = approx.as_real_imag()
            if not (re.is_Number and im.is_Number):
                return None
            if abs(re) + abs(im) > sp.Float(10) ** (10 - DIGITS):
                diff = approx
            elif sp.simplify(diff) == 0:
                diff = sp.Integer(0)
            else:
                return None                                   # too close to 0 to tell
    except (TypeError, ValueError, ZeroDivisionError, AttributeError):
        return None
    if isinstance(rel, (sp.Eq, sp.Ne)):
        return (diff == 0) == isinstance(rel, sp.Eq)
    re, im = diff.as_real_imag()
    if im != 0:
        return None
    table = {sp.Lt: re < 0, sp.Le: re <= 0, sp.Gt: re > 0, sp.Ge: re >= 0}
    return bool(table[type(rel)]) if type(rel) in table else None


GENERIC_INDEX = 10**6
"""An index no point uses: stands for every index outside a hypothesis' assigned entries."""


def _instances(given: sp.Basic, point: dict, domain: Domain) -> list[tuple[sp.Basic, bool]] | None:
    """The instances of a "for every index" hypothesis the point must satisfy, each marked
    ``generic`` when it stands for every unassigned index of an unbounded range; None when the
    range is not settled by the point (half-bounded, symbolic ends, too long)."""
    from ..dimensions import finite_range                     # dimensions imports numeric: late
    universal = sorted(universal_symbols(given) - set(point), key=str)
    choices: list[list[tuple[int, bool]]] = []
    for u in universal:
        if domain.bound_of(u) is None:
            used = sorted({int(i) for k in point if isinstance(k, sp.Indexed) for i in k.indices if i.is_Integer})
            choices.append([(i, False) for i in used] + [(GENERIC_INDEX, True)])
            continue
        values = finite_range(u, domain, point)
        if not values:
            return None          # unsettled, or empty: the declaration of u needs some u (both readings agree)
        choices.append([(v, False) for v in values])
    combos = list(product(*choices))
    if len(combos) > MAX_COMBINATIONS:
        return None
    return [(given.xreplace({u: sp.Integer(v) for u, (v, _) in zip(universal, combo)}),
             any(g for _, g in combo)) for combo in combos]


def complete(point: dict, domain: Domain) -> dict | None:
    """``point`` with the entries a "for every index" hypothesis constrains filled in by simple
    admissible values that satisfy it (``z[l] <= M`` for l = 1..n with z positive needs M > 0), or
    None when that fails: then the point does not witness the domain."""
    from .sampling import admissible_values
    out = dict(point)
    for g in domain.given:
        if not universal_symbols(g) - set(out):
            continue
        found = _instances(g, out, domain)
        if found is None:
            return None
        for instance, generic in found:
            missing = [e for e in instance.atoms(sp.Indexed) if e not in out and all(i.is_Integer for i in e.indices)]
            if len(missing) > 1:
                return None
            if not missing:
                continue
            entry = missing[0]
            value = next((v for v in admissible_values(entry, domain, out) if holds(instance, {**out, entry: v}, domain)),
                         None)
            if value is None:
                return None
            if not generic:
                out[entry] = value
    return out


def holds(given: sp.Basic, point: dict, domain: Domain) -> bool:
    """Whether a hypothesis verifiably holds at ``point``; a "for every index" one at each index
    of its declared range (every index, where unbounded), the entries it reads assigned."""
    if universal_symbols(given) - set(point):
        found = _instances(given, point, domain)
        if found is None:
            return False
        return all(generic or holds(instance, point, domain) for instance, generic in found)
    try:
        value = concrete_at(given, point)
    except (TypeError, ValueError, ZeroDivisionError, AttributeError):
        return False
    if isinstance(value, (sp.And, sp.Or)):
        parts = [_truth(a) for a in value.args]
        return all(p is True for p in parts) if isinstance(value, sp.And) else any(p is True for p in parts)
    return _truth(value) is True


def _in_bound(symbol: sp.Symbol, value: sp.Basic, point: dict, domain: Domain) -> bool | None:
    """Whether ``value`` satisfies the declared bound of ``symbol`` at ``point`` (None: unknown)."""
    bound = domain.bound_of(symbol)
    if bound is None:
        return True
    checks = []
    for rel in bound.relations():
        checks.append(_truth(concrete_at(rel.xreplace({symbol: value}), point)))
    if False in checks:
        return False
    return True if all(c is True for c in checks) else None


def value_admitted(symbol: sp.Symbol, value: sp.Basic, point: dict, domain: Domain) -> bool:
    """Whether ``symbol = value`` satisfies its assumptions and its bound at ``point`` (verifiably)."""
    return admits(symbol, value) and _in_bound(symbol, value, point, domain) is True


def with_eliminated(point: dict, domain: Domain) -> dict:
    """The point extended by the symbols an equality hypothesis eliminates (``x == y**2`` gives
    x its value from y), so their own declarations can be checked."""
    out = dict(point)
    for symbol, value in givens_substitution(domain).items():
        if symbol in out:
            continue
        try:
            concrete = sp.simplify(concrete_at(value, out))
        except (TypeError, ValueError, ZeroDivisionError):
            continue
        if not concrete.free_symbols:
            out[symbol] = concrete
    return out


def admissible(point: dict, domain: Domain, required: set[sp.Symbol] | None = None) -> bool:
    """Whether ``point`` lies inside ``domain``: every assigned symbol and entry satisfies its
    assumptions and its bound, every symbol needed to witness the domain is assigned, and every
    hypothesis verifiably holds."""
    for key, value in point.items():
        if not admits(key, value):
            return False
        if isinstance(key, sp.Symbol) and _in_bound(key, value, point, domain) is not True:
            return False
    required = required_symbols(domain) if required is None else required
    if any(symbol not in point for symbol in required):
        return False
    return all(holds(g, point, domain) for g in domain.given)


def admitted(point: dict, domain: Domain, required: set[sp.Symbol] | None = None) -> dict | None:
    """The point completed by the entries its hypotheses constrain (``complete``) when it lies
    inside ``domain`` (``admissible``), else None."""
    whole = complete(point, domain)
    return whole if whole is not None and admissible(whole, domain, required) else None


def _negations(first: sp.Basic, second: sp.Basic) -> bool:
    """Whether ``second`` is the negation of ``first`` as written (i = j and i ≠ j, x < a and x ≥ a)."""
    if not isinstance(first, sp.core.relational.Relational):
        return False
    try:
        negated = first.negated
    except (AttributeError, TypeError, ValueError):
        return False
    if isinstance(negated, sp.core.relational.Relational) and isinstance(second, sp.core.relational.Relational):
        return negated == second or negated.reversed == second
    return False


def empty_because(domain: Domain) -> str | None:
    """Why ``domain`` admits no point, when that follows from one bound (its ends, the symbol's
    sign and integrality); None when no such reason is found (the domain may still be empty)."""
    from ..sums import known_le                             # sums → dimensions → numeric: late
    for first in domain.given:
        if first == sp.false:           # a condition the names' assumptions contradict ("n <= 0" of a positive n)
            return "a condition is false for every value the names' assumptions allow"
        for second in domain.given:
            if _negations(first, second):
                return f"it is given both {sp.sstr(first)} and {sp.sstr(second)}"
    for b in domain.bounds:
        x = b.symbol
        lo, hi = b.lower, b.upper
        if x.is_nonnegative and (hi is not None and hi.is_number):
            lo_sign = sp.Integer(1) if x.is_positive and x.is_integer else sp.Integer(0)
            if hi < lo_sign or (hi == lo_sign and (b.upper_strict or (x.is_positive and not x.is_integer))):
                return f"{x} is {'positive' if x.is_positive else 'nonnegative'} but {b}"
        if x.is_nonpositive and (lo is not None and lo.is_number):
            hi_sign = sp.Integer(-1) if x.is_negative and x.is_integer else sp.Integer(0)
            if lo > hi_sign or (lo == hi_sign and (b.lower_strict or (x.is_negative and not x.is_integer))):
                return f"{x} is {'negative' if x.is_negative else 'nonpositive'} but {b}"
        if lo is None or hi is None:
            continue
        strict = b.lower_strict or b.upper_strict
        if x.is_integer and lo.is_number and hi.is_number:
            first = sp.floor(lo) + 1 if (b.lower_strict or not lo.is_integer) else lo
            last = sp.ceiling(hi) - 1 if (b.upper_strict or not hi.is_integer) else hi
            if first > last:
                return f"no integer {x} satisfies {b}"
        elif x.is_integer:
            if not (lo.is_integer and hi.is_integer):
                continue                                      # ends like n ± 1/2: no simple test
            gap = int(b.lower_strict) + int(b.upper_strict)      # integers strictly inside need room
            if known_le(hi + 1 - gap, lo, domain):
                return f"no integer {x} satisfies {b}"
        elif known_le(hi, lo, domain) and (strict or (lo - hi).is_positive):
            return f"no {x} satisfies {b}"
    return None


def connected(core: set, domain: Domain) -> set:
    """``core`` and every symbol linked to it through a bound or a hypothesis (transitively): the
    part of a point a reader needs to check it; an unrelated declared symbol only witnesses that
    its own declaration can be met."""
    links = [{b.symbol} | (b.lower.free_symbols if b.lower is not None else set())
             | (b.upper.free_symbols if b.upper is not None else set()) for b in domain.bounds]
    links += [symbols_outside_entries(g) | universal_symbols(g) | {e.base for e in g.atoms(sp.Indexed)}
              for g in domain.given]
    out = set(core)
    grown = True
    while grown:
        grown = False
        for group in links:
            if group & out and not group <= out:
                out |= group
                grown = True
    return out
