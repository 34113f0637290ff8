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
