"""Value-preserving rewrites the strategies share; each is licensed by the assumptions it states.

None of these uses ``force=True``: log and power rules fire only where SymPy's assumption
system can establish the side conditions (positivity) from the declared assumptions.
"""
from __future__ import annotations

from functools import reduce
from math import lcm

import sympy as sp

from .domain import Domain


def evaluate_derivatives(expr: sp.Basic) -> sp.Basic:
    """Carry out every ``Derivative`` (innermost first); other unevaluated objects stay."""
    if not expr.has(sp.Derivative):
        return expr
    return expr.replace(lambda e: isinstance(e, sp.Derivative), lambda e: e.doit())


def canonical_dummies(expr: sp.Basic) -> sp.Basic:
    """Rename the bound variables of sums and products by nesting depth (alpha-normal form).

    ``Sum(f(i), (i, 1, n))`` and ``Sum(f(k), (k, 1, n))`` become the same object, keeping the
    bound variable's assumptions (integer).
    """
    def walk(node: sp.Basic, depth: int) -> sp.Basic:
        if not node.args:
            return node
        if isinstance(node, (sp.Sum, sp.Product)):
            body = node.function
            limits = []
            for offset, (var, lo, hi) in enumerate(node.limits):
                fresh = _canonical_symbol(var, depth + offset)
                body = body.xreplace({var: fresh})
                limits.append((fresh, walk(lo, depth), walk(hi, depth)))
            return node.func(walk(body, depth + len(limits)), *limits)
        return node.func(*(walk(a, depth) for a in node.args))
    return walk(expr, 0)


def _canonical_symbol(var: sp.Symbol, depth: int) -> sp.Symbol:
    """The bound variable at ``depth``: one symbol per depth, integer or not, whatever the
    original's other assumptions (its range is in the limits), so equal sums compare equal."""
    return sp.Symbol(f"_k{depth}", integer=True) if var.is_integer else sp.Symbol(f"_x{depth}", real=True)


def exp_to_symbols(expr: sp.Basic) -> tuple[sp.Basic, dict[sp.Symbol, sp.Basic]]:
    """Write every ``exp(a)`` as a product of powers of new symbols ``u = exp(t / L)``.

    ``exp(z1 - z2/2)`` becomes ``u1**2 / u2`` with ``u1 = exp(z1/2)``-style bases chosen so all
    powers are integers.  A real ``t`` gives a positive ``u`` (exp maps the reals onto the
    positive reals, so an identity for all positive ``u`` is the same identity); otherwise
    ``u`` is only nonzero (a superset of exp's image: proofs stay sound).  Exponentials of a
    sum's bound variable are left alone: a symbol cannot stand for a term that varies with it.

    Returns:
        The rewritten expression and the map ``u -> exp(t / L)`` used.
    """
    bound = {v for node in expr.atoms(sp.Sum, sp.Product, sp.Integral) for v, *_ in node.limits}
    exps = [e for e in expr.atoms(sp.exp) if not (e.free_symbols & bound)]   # never a bound variable's term
    if not exps:
        return expr, {}
    parts: dict[sp.Basic, list[sp.Rational]] = {}
    split: dict[sp.Basic, list[tuple[sp.Basic, sp.Basic]]] = {}
    for e in exps:
        terms = sp.expand(e.args[0]).as_coefficients_dict()
        pieces = []
        for term, coeff in terms.items():
            if term == 1 or not coeff.is_Rational:
                pieces.append((sp.Integer(1), coeff * term))
                continue
            parts.setdefault(term, []).append(coeff)
            pieces.append((term, coeff))
        split[e] = pieces
    bases: dict[sp.Basic, tuple[sp.Symbol, int]] = {}
    inverse: dict[sp.Symbol, sp.Basic] = {}
    for n, (term, coeffs) in enumerate(sorted(parts.items(), key=lambda kv: sp.default_sort_key(kv[0]))):
        denom = reduce(lcm, (int(c.q) for c in coeffs), 1)
        facts = {"positive": True} if term.is_real else {"nonzero": True}
        u = sp.Symbol(f"_u{n}", **facts)
        bases[term] = (u, denom)
        inverse[u] = sp.exp(term / denom)
    mapping = {}
    for e, pieces in split.items():
        value = sp.Integer(1)
        for term, coeff in pieces:
            if term == 1:
                value *= sp.exp(coeff)
            else:
                u, denom = bases[term]
                value *= u ** int(coeff * denom)
        mapping[e] = value
    return expr.xreplace(mapping), inverse


def rational_normal_form(expr: sp.Basic) -> sp.Basic:
    """``cancel(together(expr))``: zero exactly when ``expr`` is zero as a rational function of its atoms."""
    return sp.cancel(sp.together(expr))


def licensed_log_expand(expr: sp.Basic) -> sp.Basic:
    """``expand_log`` without force: splits log(ab), log(a/b), log(a^k) only where SymPy proves positivity."""
    return sp.expand_log(expr, deep=True, force=False)


def symbols_outside_entries(expr: sp.Basic) -> set[sp.Symbol]:
    """The symbols of ``expr`` that occur as values, not only as the index of an entry: in
    ``z[l] <= m`` that is {m}; in ``n >= 2`` it is {n}."""
    hidden = expr.replace(lambda e: isinstance(e, sp.Indexed), lambda e: sp.Dummy()) if expr.has(sp.Indexed) else expr
    return {s for s in hidden.free_symbols if isinstance(s, sp.Symbol) and not isinstance(s, sp.Dummy)}


def givens_substitution(domain: Domain) -> dict[sp.Basic, sp.Basic]:
    """From hypotheses ``Eq(m, e)`` with ``m`` a bare symbol not in ``e``: the substitution m -> e.

    Only bare symbols are replaced: an entry ``z[j]`` with a symbolic index aliases some
    ``z[k]`` once indices are concrete, so replacing it would lose the hypothesis.
    """
    out: dict[sp.Basic, sp.Basic] = {}
    for g in domain.given:
        if isinstance(g, sp.Eq):
            a, b = g.args
            if isinstance(a, sp.Symbol) and a not in b.free_symbols and a not in out:
                out[a] = b
            elif isinstance(b, sp.Symbol) and b not in a.free_symbols and b not in out:
                out[b] = a
    return out


def apply_givens(expr: sp.Basic, domain: Domain) -> sp.Basic:
    """Use the hypotheses: ``Eq(m, e)`` with ``m`` a bare symbol replaces ``m`` by ``e``, and
    ``Ne(i, j)`` makes ``KroneckerDelta(i, j)`` zero."""
    subs = givens_substitution(domain)
    if subs:
        expr = expr.xreplace(subs)
    for g in domain.given:
        if isinstance(g, sp.Ne):
            a, b = g.args
            expr = expr.xreplace({sp.KroneckerDelta(a, b): sp.Integer(0), sp.KroneckerDelta(b, a): sp.Integer(0)})
    return expr
