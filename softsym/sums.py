"""Normal form for sums and products over a symbolic range.

Linearity (split the summand, pull out factors free of the bound variable), Kronecker deltas
(``Σ_k f(k) δ_{jk} = f(j)`` when ``a <= j <= b`` follows from the declared bounds), constant
summands (``Σ_{k=a}^{b} c = (b-a+1) c``) and alpha-equivalence.  After this, sums that are equal
by these rules are the same SymPy object, so they can be treated as atoms.
"""
from __future__ import annotations

import sympy as sp

from .domain import Domain
from .rewrite import canonical_dummies


def known_le(a: sp.Basic, b: sp.Basic, domain: Domain) -> bool:
    """Whether ``a <= b`` follows from SymPy assumptions and the declared bounds (one step deep)."""
    diff = sp.simplify(b - a)
    if diff.is_nonnegative:
        return True
    for sym in (b - a).free_symbols:
        bound = domain.bound_of(sym)
        if bound is None:
            continue
        candidates = []
        if bound.lower is not None and sym in b.free_symbols:
            candidates.append(b.xreplace({sym: bound.lower}) - a)
        if bound.upper is not None and sym in a.free_symbols:
            candidates.append(b - a.xreplace({sym: bound.upper}))
        if any(sp.simplify(c).is_nonnegative for c in candidates):
            return True
    return False


def _delta_partner(factor: sp.Basic, var: sp.Symbol) -> sp.Basic | None:
    if isinstance(factor, sp.KroneckerDelta):
        a, b = factor.args
        if a == var and var not in b.free_symbols:
            return b
        if b == var and var not in a.free_symbols:
            return a
    return None


def _sum_term(term: sp.Basic, var: sp.Symbol, lo: sp.Basic, hi: sp.Basic, domain: Domain) -> sp.Basic:
    coeff, dep = term.as_independent(var, as_Add=False)
    if dep == 1:
        return coeff * (hi - lo + 1)
    factors = sp.Mul.make_args(dep)
    for f in factors:
        partner = _delta_partner(f, var)
        if partner is None:
            continue
        rest = sp.Mul(*(g for g in factors if g is not f)).xreplace({var: partner})
        if known_le(lo, partner, domain) and known_le(partner, hi, domain):
            return coeff * rest
        return coeff * sp.Piecewise((rest, sp.And(sp.Le(lo, partner), sp.Le(partner, hi))), (0, True))
    return coeff * sp.Sum(dep, (var, lo, hi))


def _normalize_sum(node: sp.Sum, domain: Domain) -> sp.Basic:
    if len(node.limits) != 1:
        inner = sp.Sum(node.function, *node.limits[:-1])
        return _normalize_sum(sp.Sum(_normalize_sum(inner, domain), node.limits[-1]), domain) \
            if isinstance(inner, sp.Sum) else node
    var, lo, hi = node.limits[0]
    body = sp.expand(node.function, deep=False, log=False, power_exp=False, multinomial=False)
    if not isinstance(body, sp.Add):
        body = node.function
    return sp.Add(*(_sum_term(t, var, lo, hi, domain) for t in sp.Add.make_args(body)))


def _normalize_product(node: sp.Product) -> sp.Basic:
    if len(node.limits) != 1:
        return node
    var, lo, hi = node.limits[0]
    coeff, dep = node.function.as_independent(var, as_Add=False)
    count = hi - lo + 1
    if dep == 1:
        return coeff ** count
    if isinstance(dep, sp.exp):                  # Π exp(g) = exp(Σ g)
        return coeff ** count * sp.exp(sp.Sum(dep.args[0], (var, lo, hi)))
    return coeff ** count * sp.Product(dep, (var, lo, hi))


def normalize_sums(expr: sp.Basic, domain: Domain) -> sp.Basic:
    """Apply linearity, Kronecker deltas and constant-summand rules bottom-up, then alpha-normalize."""
    if not expr.has(sp.Sum, sp.Product):
        return expr
    for _ in range(4):
        before = expr
        expr = expr.replace(lambda e: isinstance(e, sp.Product), _normalize_product)
        expr = expr.replace(lambda e: isinstance(e, sp.Sum), lambda e: _normalize_sum(e, domain))
        if expr == before:
            break
    return canonical_dummies(expr)


def atomize_sums(expr: sp.Basic) -> tuple[sp.Basic, dict[sp.Symbol, sp.Basic]]:
    """Replace each distinct remaining sum/product by a symbol carrying its known sign.

    A sum of positive terms over a nonempty range is positive; the symbol says so, which lets
    log rules and cancellation use it.  Sound: the symbol stands for exactly that value.
    """
    nodes = sorted(expr.atoms(sp.Sum, sp.Product), key=sp.default_sort_key)
    mapping: dict[sp.Basic, sp.Symbol] = {}
    for n, node in enumerate(nodes):
        facts: dict[str, bool] = {}
        var, lo, hi = node.limits[0]
        nonempty = (hi - lo).is_nonnegative
        if node.function.is_positive and nonempty:
            facts["positive"] = True
        elif node.function.is_nonnegative:
            facts["nonnegative"] = True
        elif node.function.is_real:
            facts["real"] = True
        mapping[node] = sp.Symbol(f"_S{n}", **facts)
    return expr.xreplace(mapping), {v: k for k, v in mapping.items()}
