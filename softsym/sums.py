"""Normal form for sums and products over a symbolic range.

Linearity (split the summand, pull out factors free of the bound variable), Kronecker deltas
(``Σ_k f(k) δ_{jk} = f(j)`` when ``a <= j <= b`` follows from the declared bounds), constant
summands (``Σ_{k=a}^{b} c = (b-a+1) c``) and alpha-equivalence.  After this, sums that are equal
by these rules are the same SymPy object, so they can be treated as atoms.
"""
from __future__ import annotations

import sympy as sp

from .domain import Bound, Domain
from .rewrite import canonical_dummies, internal


def known_le(a: sp.Basic, b: sp.Basic, domain: Domain) -> bool:
    """Whether ``a <= b`` at every admissible point, from SymPy assumptions and declared bounds.

    ``d = b - a`` is replaced by a lower bound of itself, one bounded symbol at a time: where d
    grows with the symbol (a linear term with a nonnegative coefficient) its lower end, where d
    shrinks its upper end (for an integer symbol a strict integer end moves by one).  Each step
    keeps ``d >= d'`` on the whole domain, so ``d' >= 0`` proves ``a <= b``.
    """
    d = sp.expand(b - a)
    for _ in range(6):
        if d.is_nonnegative:
            return True
        lowered = _lower_bound(d, domain)
        if lowered is None:
            break
        d = lowered
    return bool(d.is_nonnegative) or bool(sp.simplify(d).is_nonnegative)


def _lower_bound(d: sp.Basic, domain: Domain) -> sp.Basic | None:
    """``d`` with one bounded symbol replaced by the end of its range that can only lower ``d``;
    the latest declared first (its bound may mention earlier ones, ``i <= n``, never later ones)."""
    order = {b.symbol: k for k, b in enumerate(domain.bounds)}
    for sym in sorted((s for s in d.free_symbols if s in order), key=lambda s: -order[s]):
        bound = domain.bound_of(sym)
        if bound is None or not d.is_polynomial(sym) or sp.degree(d, sym) != 1:
            continue
        coeff = d.coeff(sym)
        if coeff.is_nonnegative:
            end, strict, step = bound.lower, bound.lower_strict, 1
        elif coeff.is_nonpositive:
            end, strict, step = bound.upper, bound.upper_strict, -1
        else:
            continue
        if end is None:
            continue
        if strict and sym.is_integer and end.is_integer:
            end = end + step
        return sp.expand(d.xreplace({sym: end}))
    return None


def ordered_range(lo: sp.Basic, hi: sp.Basic, domain: Domain) -> bool:
    """Whether ``Σ_{k=lo}^{hi}`` runs upwards over ``lo..hi`` (possibly empty: ``hi = lo − 1``).

    softsym follows SymPy's (Karr's) convention: with ``hi < lo − 1`` the sum is
    ``−Σ_{k=hi+1}^{lo−1}``, so its terms are taken *outside* ``lo..hi`` and a rule that reads
    the index as lying in ``lo..hi`` (or the sum of nonnegative terms as nonnegative) applies only
    to an ordered range.
    """
    return known_le(lo - 1, hi, domain)


def _delta_partner(factor: sp.Basic, var: sp.Symbol) -> sp.Basic | None:
    if isinstance(factor, sp.KroneckerDelta):
        a, b = factor.args
        if a == var and var not in b.free_symbols:
            return b
        if b == var and var not in a.free_symbols:
            return a
    return None


def with_range(domain: Domain, var: sp.Symbol, lo: sp.Basic, hi: sp.Basic) -> Domain:
    """``domain`` plus ``lo <= var <= hi`` for a bound variable (shadowing any other bound on it);
    unchanged when the range may be reversed (then the terms are taken outside ``lo..hi``)."""
    if not ordered_range(lo, hi, domain):
        return domain
    return Domain(tuple(s for s in domain.symbols if s != var) + (var,), domain.indexed,
                  tuple(b for b in domain.bounds if b.symbol != var) + (Bound(var, lo, False, hi, False),),
                  domain.given)


def _split_delta(dep: sp.Basic, var: sp.Symbol, lo, hi, domain: Domain) -> sp.Basic | None:
    """``Σ_var g`` where a delta ``δ(var, j)`` sits inside g non-linearly (under Abs, a power...):
    ``Σ_var g = Σ_var g|δ=0 + g(j)|δ=1 − g(j)|δ=0``, valid when ``lo <= j <= hi``."""
    for delta in sorted(dep.atoms(sp.KroneckerDelta), key=sp.default_sort_key):
        partner = _delta_partner(delta, var)
        if partner is None or (partner - lo).is_integer is not True \
                or not (known_le(lo, partner, domain) and known_le(partner, hi, domain)):
            continue
        zero = dep.xreplace({delta: sp.Integer(0)})
        at_partner = dep.xreplace({var: partner})
        return sp.Sum(zero, (var, lo, hi)) + at_partner - zero.xreplace({var: partner})
    return None


def _shifted_limits(dep: sp.Basic, var: sp.Symbol, lo, hi) -> sp.Basic | None:
    """Canonical limits: ``Σ_{a}^{h-c}`` becomes ``Σ_{a}^{h} − (last c terms)`` and ``Σ_{a+c}^{h}``
    becomes ``Σ_{a}^{h} − (first c terms)`` for small constant offsets c (Karr's convention
    makes both exact for every range)."""
    h, c = hi.as_coeff_Add()[1], -hi.as_coeff_Add()[0]
    if c.is_Integer and 1 <= c <= 3 and not h.is_number:
        return sp.Sum(dep, (var, lo, h)) - sp.Add(*(dep.xreplace({var: h - t}) for t in range(int(c))))
    a, c = lo.as_coeff_Add()[1], lo.as_coeff_Add()[0]
    if c.is_Integer and 1 <= c <= 3 and not a.is_number:
        return sp.Sum(dep, (var, a, hi)) - sp.Add(*(dep.xreplace({var: a + t}) for t in range(int(c))))
    return None


def _sum_term(term: sp.Basic, var: sp.Symbol, lo: sp.Basic, hi: sp.Basic, domain: Domain) -> sp.Basic:
    term = sp.expand_power_exp(term)              # e^{z_k − c} = e^{z_k} e^{−c}: the factor e^{−c} comes out
    coeff, dep = term.as_independent(var, as_Add=False)
    if coeff != 1 and not _defined_everywhere(coeff) and not known_le(lo, hi, domain):
        return sp.Sum(term, (var, lo, hi))       # Σ over no terms of c/S is 0; (c/S)·0 is undefined at S = 0
    if dep == 1:
        return coeff * (hi - lo + 1)
    factors = sp.Mul.make_args(dep)
    for f in factors:
        partner = _delta_partner(f, var)
        if partner is None:
            continue
        if (partner - lo).is_integer is not True:
            continue                  # δ(x, y) is 0 at every x = lo, lo + 1, … when y − lo is not an integer
        rest = sp.Mul(*(g for g in factors if g is not f)).xreplace({var: partner})
        if known_le(lo, partner, domain) and known_le(partner, hi, domain):
            return coeff * rest
        shifted = _shifted_limits(dep, var, lo, hi)   # Σ to n-1: first extend to n, then resolve
        if shifted is not None:
            return coeff * shifted
        return coeff * sp.Piecewise((rest, sp.And(sp.Le(lo, partner), sp.Le(partner, hi))),       # Karr: a reversed
                                    (-rest, sp.And(sp.Le(hi + 1, partner), sp.Le(partner, lo - 1))),  # range counts
                                    (0, True))                                                     # negatively
    for rewrite in (lambda: _split_delta(dep, var, lo, hi, domain), lambda: _shifted_limits(dep, var, lo, hi)):
        out = rewrite()
        if out is not None:
            return coeff * out
    return coeff * sp.Sum(dep, (var, lo, hi))


def _defined_everywhere(expr: sp.Basic) -> bool:
    """Whether ``expr`` has no denominator that may vanish (so 0·expr is 0 at every point)."""
    _, den = sp.fraction(sp.together(expr))
    return den.is_number and den != 0 or bool(den.is_nonzero)


def _sum_of(body: sp.Basic, var: sp.Symbol, lo: sp.Basic, hi: sp.Basic, domain: Domain) -> sp.Basic:
    expanded = sp.expand(body, deep=False, log=False, power_exp=False, multinomial=False)
    terms = sp.Add.make_args(expanded if isinstance(expanded, sp.Add) else body)
    return sp.Add(*(_sum_term(t, var, lo, hi, domain) for t in terms))


def _product_of(body: sp.Basic, var: sp.Symbol, lo: sp.Basic, hi: sp.Basic) -> sp.Basic:
    coeff, dep = body.as_independent(var, as_Add=False)
    count = hi - lo + 1
    if dep == 1:
        return coeff ** count
    if isinstance(dep, sp.exp):                  # Π exp(g) = exp(Σ g)
        return coeff ** count * sp.exp(sp.Sum(dep.args[0], (var, lo, hi)))
    if isinstance(dep, sp.Pow) and dep.base.is_positive and dep.exp.is_real:   # Π b^e = exp(Σ e log b), b > 0
        return coeff ** count * sp.exp(sp.Sum(dep.exp * sp.log(dep.base), (var, lo, hi)))
    return coeff ** count * sp.Product(dep, (var, lo, hi))


def _norm(expr: sp.Basic, domain: Domain) -> sp.Basic:
    """One top-down pass; inside a sum the bound variable's range is part of the domain."""
    if isinstance(expr, (sp.Sum, sp.Product)):
        var, lo, hi = expr.limits[-1]
        inner = expr.func(expr.function, *expr.limits[:-1]) if len(expr.limits) > 1 else expr.function
        lo, hi = _norm(lo, domain), _norm(hi, domain)
        local = with_range(domain, var, lo, hi)
        body = _norm(inner, local)
        return _sum_of(body, var, lo, hi, local) if isinstance(expr, sp.Sum) else _product_of(body, var, lo, hi)
    if not expr.args or not expr.has(sp.Sum, sp.Product):
        return expr
    return expr.func(*(_norm(a, domain) for a in expr.args))


def normalize_sums(expr: sp.Basic, domain: Domain) -> sp.Basic:
    """Apply linearity, Kronecker-delta, constant-summand and limit rules, then alpha-normalize."""
    if not expr.has(sp.Sum, sp.Product):
        return expr
    for _ in range(4):
        before = expr
        expr = canonical_dummies(_norm(expr, domain))
        if expr == before:
            break
    return expr


def deltas_collapsed(expr: sp.Basic) -> sp.Basic:
    """Each term ``δ(a, b)·F(b)`` (a, b free symbols) as ``δ(a, b)·F(a)``: the term is 0 unless a = b.
    Then ``δ(j, k) y_j − δ(j, k) y_k`` cancels, as the second derivatives of a sum leave it.  A term
    whose F divides by an expression in a or b is left as it is (0·F(b) and 0·F(a) may differ
    in where they are defined); bound occurrences are never touched."""
    from .rewrite import substitute_free
    if not expr.has(sp.KroneckerDelta):
        return expr
    out = []
    for term in sp.Add.make_args(sp.expand_mul(expr)):
        factors = sp.Mul.make_args(term)
        delta = next((f for f in factors if isinstance(f, sp.KroneckerDelta)
                      and all(isinstance(a, sp.Symbol) for a in f.args) and f.args[0] != f.args[1]), None)
        if delta is None:
            out.append(term)
            continue
        keep, drop = sorted(delta.args, key=sp.default_sort_key)
        rest = sp.Mul(*(f for f in factors if f is not delta))
        _, den = sp.fraction(sp.together(rest))
        if den.has(keep) or den.has(drop):
            out.append(term)
            continue
        out.append(delta * substitute_free(rest, {drop: keep}))
    return sp.Add(*out)


def atomize_sums(expr: sp.Basic, domain: Domain | None = None) -> tuple[sp.Basic, dict[sp.Symbol, sp.Basic]]:
    """Replace each distinct remaining sum/product by a symbol carrying its known sign.

    A sum of positive terms over a nonempty ordered range is positive, of nonnegative terms over
    an ordered range nonnegative (a reversed range negates it, see ``ordered_range``); the symbol
    says so, which lets log rules and cancellation use it.  Sound: the symbol stands for exactly
    that value.
    """
    domain = domain or Domain()
    nodes = sorted(expr.atoms(sp.Sum, sp.Product), key=sp.default_sort_key)
    mapping: dict[sp.Basic, sp.Symbol] = {}
    for n, node in enumerate(nodes):
        facts: dict[str, bool] = {}
        ordered = all(ordered_range(lo, hi, domain) for _, lo, hi in node.limits)
        nonempty = ordered and all(known_le(lo, hi, domain) for _, lo, hi in node.limits)
        if isinstance(node, sp.Product) and node.function.is_positive:
            facts["positive"] = True               # a product of positive terms, in either orientation
        elif node.function.is_positive and nonempty:
            facts["positive"] = True
        elif node.function.is_nonnegative and ordered:
            facts["nonnegative"] = True
        elif node.function.is_real:
            facts["real"] = True
        mapping[node] = internal(f"S{n}", **facts)
    return expr.xreplace(mapping), {v: k for k, v in mapping.items()}


def empty_when_reversed(expr: sp.Basic, domain: Domain) -> tuple[sp.Basic, tuple[sp.Basic, ...]]:
    """``expr`` with the usual convention for ranges that may run backwards, and the conditions
    under which none does.

    Written mathematics reads ``Σ_{t=3}^{n}`` at ``n = 1`` as a sum over no terms (0; a product 1),
    where Karr's convention (``ordered_range``) gives ``−Σ_{t=2}^{2}``.  A sum or product whose range
    the domain does not show to run upwards (``hi >= lo − 1``) becomes
    ``Piecewise((sum, hi >= lo − 1), (0, True))``; the conditions on names free in the whole
    expression are returned (a condition on an outer sum's index is not).
    """
    conditions: list[sp.Basic] = []

    def walk(node: sp.Basic, here: Domain, bound: frozenset) -> sp.Basic:
        if isinstance(node, (sp.Sum, sp.Product)):
            empty = sp.Integer(0) if isinstance(node, sp.Sum) else sp.Integer(1)
            limits, domains, inside = [], [], here      # outermost first: each range in the ones around it
            for var, lo, hi in reversed(node.limits):
                lo, hi = walk(lo, inside, bound), walk(hi, inside, bound)
                limits.append((var, lo, hi))
                domains.append(inside)
                inside, bound = with_range(inside, var, lo, hi), bound | {var}
            out = walk(node.function, inside, bound)
            for (var, lo, hi), around in reversed(list(zip(limits, domains))):   # innermost first
                out = node.func(out, (var, lo, hi))
                if ordered_range(lo, hi, around):
                    continue
                upwards = sp.Ge(hi, lo - 1)
                if upwards is sp.false:
                    out = empty
                    continue
                if not upwards.free_symbols & {v for v, _, _ in limits} and not upwards.free_symbols & bound \
                        and upwards not in conditions:
                    conditions.append(upwards)
                out = sp.Piecewise((out, upwards), (empty, True))
            return out
        if not node.args or not node.has(sp.Sum, sp.Product):
            return node
        return node.func(*(walk(a, here, bound) for a in node.args))

    return walk(expr, domain, frozenset()), tuple(conditions)
