"""The AM–GM inequality as a relaxation of logarithms of explicit sums.

For positive terms ``t_1, …, t_n``, ``(t_1 + … + t_n)/n >= (t_1 ⋯ t_n)^{1/n}``, so, log being
increasing, ``log(t_1 + … + t_n) >= log n + (log t_1 + … + log t_n)/n`` — Jensen's inequality for
the log-sum-exp on explicitly written entries (``log(e^a + e^b + e^c) >= (a + b + c)/3 + log 3``).
A goal ``e >= 0`` in which such a logarithm has a positive coefficient becomes the goal with the
logarithm replaced by that lower bound (no term increased, so the new goal implies the old).
"""
from __future__ import annotations

import sympy as sp

MAX_TERMS = 8


def by_am_gm(e, strict, ctx, depth, prove):
    """A trace proving ``e >= 0`` (``> 0``) after the AM–GM relaxation of its logarithms of sums."""
    if depth > 2 or not isinstance(e, sp.Add):
        return None
    relaxed, used = e, []
    for term in e.args:
        w, rest = term.as_independent(sp.log, as_Add=False)
        if not (isinstance(rest, sp.log) and w.is_positive):
            continue
        parts = sp.Add.make_args(rest.args[0])
        if not 2 <= len(parts) <= MAX_TERMS or not all(t.is_positive for t in parts):
            continue
        n = len(parts)
        bound = sp.log(n) + sp.Add(*[sp.expand_log(sp.log(t), force=False) for t in parts]) / n
        if bound.has(sp.log) and any(isinstance(a, sp.log) and isinstance(a.args[0], sp.Add)
                                     for a in sp.preorder_traversal(bound)):
            continue                                  # the bound would keep a logarithm of a sum
        relaxed = relaxed - term + w * bound
        used.append(f"log({rest.args[0]}) >= log {n} + mean of the logarithms of its {n} terms")
    if not used:
        return None
    relaxed = sp.expand(relaxed)
    inner = prove(relaxed, strict, ctx, depth + 1)
    if inner is None:
        return None
    return (f"AM–GM: {'; '.join(used)}; then {relaxed} {'>' if strict else '>='} 0:",) + inner


def by_positive_monomials(e, strict, ctx, depth, prove):
    """A polynomial in positive variables is ``>= 0`` when each monomial's coefficient is.

    First, where a hypothesis says ``S = 1`` for a sum ``S`` of positive multiples of positive
    variables (``p1 + p2 + p3 = 1``), every term of lower degree in those variables is multiplied
    by a power of ``S`` (its value is unchanged) so that ``e`` becomes homogeneous in them: the
    variance ``Σ p a² − (Σ p a)²`` becomes ``Σ_{i<j} p_i p_j (a_i − a_j)²`` monomial by monomial
    (Lagrange's identity).  Strict: every coefficient ``>= 0`` and one of them ``> 0``.
    """
    if depth > 1:
        return None
    positive = sorted((s for s in e.free_symbols if isinstance(s, sp.Symbol) and s.is_positive), key=str)
    if not positive or not e.is_polynomial(*positive):
        return None
    work, note = e, ""
    for g in ctx.domain.given:
        if not isinstance(g, sp.Equality) or sp.Integer(1) not in g.args:
            continue
        total = g.rhs if g.lhs == 1 else g.lhs
        parts = sp.Add.make_args(total)
        symbols = [t.as_independent(*positive, as_Add=False)[1] for t in parts]
        if len(parts) < 2 or not all(s in positive and t.as_independent(s, as_Add=False)[0].is_positive
                                     for s, t in zip(symbols, parts)):
            continue
        terms = sp.Add.make_args(sp.expand(work))
        degrees = [sp.Poly(t, *symbols).total_degree() for t in terms]
        top = max(degrees)
        if top == min(degrees):
            continue
        work = sp.Add(*[t * total ** (top - d) for t, d in zip(terms, degrees)])
        note = f"homogenized with {total} = 1; "
        break
    poly = sp.Poly(sp.expand(work), *positive)
    if len(poly.terms()) > 40:
        return None
    traces: list[str] = []
    strict_seen = False
    for _monomial, coefficient in poly.terms():
        coefficient = sp.factor(coefficient)
        if strict and not strict_seen:
            inner = prove(coefficient, True, ctx, depth + 1)
            if inner is not None:
                strict_seen = True
                traces.extend(inner)
                continue
        inner = prove(coefficient, False, ctx, depth + 1)
        if inner is None:
            return None
        traces.extend(inner)
    if strict and not strict_seen:
        return None
    claim = ">= 0, one of them > 0" if strict else ">= 0"
    return (f"{note}a polynomial in the positive {', '.join(map(str, positive))} whose coefficients are "
            f"{claim}:",) + tuple(traces)
