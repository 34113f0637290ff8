"""Hypotheses about every entry of a family: ``p[i] == 1/n`` with ``1 <= i <= n`` and i not in the relation.

An integer symbol that occurs in a hypothesis only as an entry index, that the relation does not
mention and that no bound or value depends on, reads "for every index in its declared range" (the
numeric admissibility check reads it the same way: ``numeric.admissible.universal_symbols``).  Such
a hypothesis may be used at an entry ``p[t]`` only where t provably lies in that range: inside
``Σ_{k=a}^{b}`` at ``p[k]`` when ``a..b`` is an ordered range inside the declared one (``1..n``, not
``0..n`` nor ``1..n+1``), or at a free index whose own bounds put it there.
"""
from __future__ import annotations

from itertools import product

import sympy as sp

from .domain import Domain
from .numeric.admissible import required_symbols
from .rewrite import symbols_outside_entries
from .sums import known_le, with_range


def universal_indices(given: sp.Basic, domain: Domain, relation_symbols: set) -> set[sp.Symbol]:
    """The integer symbols of ``given`` read "for every index": only entry indices (``l`` in
    ``z[l] <= m``, not ``n`` in ``n >= 2``), not the relation's own, not an end of a bound (a bound
    ``i <= l`` makes l one value, as in the numeric search)."""
    values = symbols_outside_entries(given)
    required = required_symbols(domain)
    return {k for k in given.free_symbols if isinstance(k, sp.Symbol) and k.is_integer
            and k not in relation_symbols and k not in values and k not in required}


def index_in_range(symbol: sp.Symbol, value: sp.Basic, domain: Domain) -> bool:
    """Whether ``value`` provably lies in the declared range of the "for every index" ``symbol``
    (its sign is part of the range: ``i: positive`` says nothing about index 0)."""
    for fact, low, high in (("positive", 1, None), ("nonnegative", 0, None), ("negative", None, -1),
                            ("nonpositive", None, 0)):
        if getattr(symbol, f"is_{fact}") and not (
                (low is None or known_le(sp.Integer(low), value, domain))
                and (high is None or known_le(value, sp.Integer(high), domain))):
            return False
    if symbol.is_integer and (value.is_integer is not True):
        return False
    bound = domain.bound_of(symbol)
    if bound is None:
        return True
    step = sp.Integer(1) if symbol.is_integer else sp.Integer(0)
    if bound.lower is not None and not known_le(bound.lower + (step if bound.lower_strict else 0), value, domain):
        return False
    if bound.upper is not None and not known_le(value, bound.upper - (step if bound.upper_strict else 0), domain):
        return False
    return True


def entry_rules(domain: Domain, relation_symbols: set) -> list[tuple[sp.Basic, sp.Basic, dict, sp.Basic]]:
    """Each equality hypothesis ``base[idx(i)] == value`` with "for every index" symbols i, as
    (pattern with wildcards, value with wildcards, wildcard → symbol, hypothesis).  Every universal
    symbol must occur in the entry's indices (``p[i] == q[j]`` for all i, j is no rewrite of p[i])."""
    out = []
    for g in domain.given:
        if not isinstance(g, sp.Eq):
            continue
        universal = universal_indices(g, domain, relation_symbols)
        if not universal:
            continue
        for entry, value in ((g.lhs, g.rhs), (g.rhs, g.lhs)):
            if not isinstance(entry, sp.Indexed):
                continue
            in_indices = set().union(*(i.free_symbols for i in entry.indices))
            if not universal <= in_indices or value.has(entry.base) or value.has(sp.Sum, sp.Product, sp.Integral):
                continue
            wild = {u: sp.Wild(f"u_{u.name}", properties=[lambda v: v.is_integer]) for u in universal}
            out.append((entry.xreplace(wild), value.xreplace(wild), {w: u for u, w in wild.items()}, g))
            break
    return out


_SIGNS = {sp.StrictGreaterThan: "positive", sp.GreaterThan: "nonnegative", sp.StrictLessThan: "negative",
          sp.LessThan: "nonpositive"}
_MIRRORED = {sp.StrictGreaterThan: sp.StrictLessThan, sp.GreaterThan: sp.LessThan,
             sp.StrictLessThan: sp.StrictGreaterThan, sp.LessThan: sp.GreaterThan}


def sign_rules(domain: Domain, relation_symbols: set) -> list[tuple[sp.Basic, sp.Basic, dict, sp.Basic]]:
    """Each sign hypothesis ``base[idx(i)] > 0`` (``>= 0``, ``< 0``, ``<= 0``, either side) with "for every
    index" symbols i, as :func:`entry_rules` gives equalities: the entry pattern, and the same entry of a
    family that carries the sign (``IndexedBase("p", positive=True)``)."""
    out = []
    for g in domain.given:
        if type(g) not in _SIGNS:
            continue
        kind, entry = (type(g), g.lhs) if g.rhs == 0 else (_MIRRORED[type(g)], g.rhs) if g.lhs == 0 else (None, None)
        if not isinstance(entry, sp.Indexed) or not isinstance(entry.base.label, sp.Symbol):
            continue
        universal = universal_indices(g, domain, relation_symbols)
        in_indices = set().union(*(i.free_symbols for i in entry.indices))
        if not universal or not universal <= in_indices:
            continue
        signed = sp.IndexedBase(sp.Symbol(entry.base.label.name, **{_SIGNS[kind]: True}))
        wild = {u: sp.Wild(f"u_{u.name}", properties=[lambda v: v.is_integer]) for u in universal}
        out.append((entry.xreplace(wild), signed[entry.indices].xreplace(wild), {w: u for u, w in wild.items()}, g))
    return out


def use_entry_signs(expr: sp.Basic, domain: Domain, relation_symbols: set, used: list[str] | None = None) -> sp.Basic:
    """``expr`` with each entry a "for every index" sign hypothesis covers (``p[i] > 0``) made an entry of
    a family carrying that sign, where the entry's index provably lies in the hypothesis' range (inside a
    sum, with the sum's range): SymPy then combines ``log(p[k]/q[k])`` and weighs by ``p[k]``.

    Sound as :func:`use_entry_hypotheses` is: at every admissible point the entry has that sign, so a
    proof for every value of such an entry covers it.  An entry outside the range keeps the plain
    family (another name to SymPy: a proof that holds for independent values holds for equal ones).
    ``used`` collects the hypotheses applied."""
    rules = sign_rules(domain, relation_symbols)
    if not rules or not expr.has(sp.Indexed):
        return expr
    return _rewrite(expr, domain, rules, used)


def use_entry_hypotheses(expr: sp.Basic, domain: Domain, relation_symbols: set,
                         used: list[str] | None = None) -> sp.Basic:
    """``expr`` with each entry a "for every index" hypothesis fixes replaced by its value, where
    the entry's index provably lies in the hypothesis' range (inside a sum, with the sum's range).

    Sound: at every admissible point the hypothesis holds at each index of its range, so the
    rewritten expression has the same value there.  ``used`` collects the hypotheses applied.
    """
    rules = entry_rules(domain, relation_symbols)
    if not rules or not expr.has(sp.Indexed) or _contradicted(rules, domain):
        return expr
    return _rewrite(expr, domain, rules, used)


def _contradicted(rules, domain: Domain) -> bool:
    """Whether reading the rules "for every index" contradicts another hypothesis: ``q[i] == 1`` for every i
    beside ``Σ_{j=1}^{n} q_j == 1`` and ``n >= 2`` (n = 1 is outside its bound), ``p[k] == 9/10`` beside
    ``Σ_{k=1}^{K} p_k == 1`` (K = 10/9 is no integer).  Then no point is admissible: a proof through them would
    prove nothing (the text meant one entry), so they are not used."""
    ruled = {id(rule[3]) for rule in rules}
    for g in domain.given:
        if id(g) in ruled or not isinstance(g, sp.Eq) or not g.has(sp.Sum, sp.Product):
            continue
        try:
            difference = g.lhs - g.rhs
            rewritten = _rewrite(difference, domain, rules, None)
            if rewritten == difference:
                continue
            value = sp.simplify(rewritten.doit())
            if value.has(sp.Sum, sp.Product, sp.Indexed):
                continue
            if value.is_number:
                if value.is_zero is False:
                    return True
                continue
            free = value.free_symbols
            if len(free) != 1:
                continue
            size = next(iter(free))
            roots = sp.solve(value, size)
            if isinstance(roots, list) and all(_inadmissible(size, r, domain) for r in roots):
                return True
        except Exception:  # noqa: BLE001 - not settled: the rules stand as before
            continue
    return False


def _inadmissible(symbol: sp.Symbol, value: sp.Basic, domain: Domain) -> bool:
    """Whether ``value`` is surely no admissible value of ``symbol`` (an integer's non-integer, outside its bound)."""
    if not value.is_number or value.is_real is False:
        return True
    if symbol.is_integer and value.is_integer is False:
        return True
    if symbol.is_positive and value.is_positive is False or symbol.is_nonnegative and value.is_negative:
        return True
    bound = domain.bound_of(symbol)
    if bound is None:
        return False
    if bound.lower is not None and bound.lower.is_number and (value < bound.lower or bound.lower_strict and value == bound.lower):
        return True
    if bound.upper is not None and bound.upper.is_number and (value > bound.upper or bound.upper_strict and value == bound.upper):
        return True
    return False


def _rewrite(expr: sp.Basic, domain: Domain, rules, used) -> sp.Basic:
    if isinstance(expr, sp.Indexed):
        for pattern, value, wilds, g in rules:
            if expr.base != pattern.base:
                continue
            found = expr.match(pattern)
            if not found or any(w not in found for w in wilds):
                continue
            if all(index_in_range(u, found[w], domain) for w, u in wilds.items()):
                if used is not None and str(g) not in used:
                    used.append(str(g))
                return value.xreplace({w: found[w] for w in wilds})
        return expr
    if isinstance(expr, (sp.Sum, sp.Product)):
        var, lo, hi = expr.limits[-1]
        inner = expr.func(expr.function, *expr.limits[:-1]) if len(expr.limits) > 1 else expr.function
        new_lo, new_hi = _rewrite(lo, domain, rules, used), _rewrite(hi, domain, rules, used)
        local = with_range(domain, var, lo, hi)
        if local is domain:                          # a reversed range: its terms lie outside lo..hi, and
            local = Domain(domain.symbols, domain.indexed,   # the variable is no declared symbol there
                           tuple(b for b in domain.bounds if b.symbol != var), domain.given)
        body = _rewrite(inner, local, rules, used)
        if body == inner and (new_lo, new_hi) == (lo, hi):
            return expr
        return expr.func(body, (var, new_lo, new_hi))
    if not expr.args or not expr.has(sp.Indexed):
        return expr
    args = [_rewrite(a, domain, rules, used) for a in expr.args]
    if all(a is b for a, b in zip(args, expr.args)):
        return expr
    try:
        return expr.func(*args)
    except (ValueError, TypeError):
        return expr.func(*args, evaluate=False)


MAX_INSTANCES = 64
"""The most index tuples a hypothesis about every entry is instantiated at in one relation."""


def use_equal_expressions(expr: sp.Basic, domain: Domain, relation_symbols: set,
                          used: list[str] | None = None) -> sp.Basic:
    """``expr`` with each instance of one side of a "for every index" equality hypothesis replaced by
    the other side at the same indices: under ``exp(z[k])/Σ_j exp(z[j]) == (1 - ε)[k = y] + ε/K`` for
    every k ("at the optimum p = q"), ``log(q_c/q_k)`` written out becomes ``log(p_c/p_k)``.

    Only at index tuples written free in ``expr`` that provably lie in the hypothesis' range, and one
    way per hypothesis (the written side of the two that occurs first: no rewriting back).  Sound as
    :func:`use_entry_hypotheses` is: the hypothesis holds at those indices at every admissible point,
    so the rewritten expression has the same value there.  ``used`` collects the hypotheses applied."""
    rules = []
    for g in domain.given:
        if not isinstance(g, sp.Eq) or isinstance(g.lhs, sp.Indexed) or isinstance(g.rhs, sp.Indexed):
            continue                                   # (an entry's own value: use_entry_hypotheses)
        universal = sorted(universal_indices(g, domain, relation_symbols), key=str)
        if universal:
            rules.append((g, universal))
    if not rules or not expr.has(sp.Indexed):
        return expr
    free = expr.free_symbols
    indices = sorted({i for e in expr.atoms(sp.Indexed) for i in e.indices
                      if i.free_symbols <= free and i.is_integer}, key=sp.default_sort_key)
    for g, universal in rules:
        tuples = [t for t in product(indices, repeat=len(universal))][:MAX_INSTANCES]
        tuples = [t for t in tuples if all(index_in_range(u, v, domain) for u, v in zip(universal, t))]
        for source, target in ((g.rhs, g.lhs), (g.lhs, g.rhs)):
            table = {}
            for t in tuples:
                at = dict(zip(universal, t))
                instance = source.xreplace(at)
                if not instance.is_Atom and expr.has(instance):
                    table[instance] = target.xreplace(at)
            if table:
                expr = expr.xreplace(table)
                if used is not None and str(g) not in used:
                    used.append(str(g))
                break
    return expr
