"""Whether two readings of one name give it different values — decided the same way on every
machine, however loaded (no deadline in it), so that how a document is read never depends on time.

The reader asks this when a defined name is written again with another expression ("Now
$\\ell = -\\log(1 - p)$" after $\\ell := -\\log p$): a different value may be a new definition, so the
old one stops unfolding; the same value written another way ($\\log(1 + e^{-x})$ for $-\\log\\sigma(x)$)
changes nothing.  Values that cannot be compared count as different: the cautious answer, since it
only ever stops a definition from unfolding.
"""
from __future__ import annotations

import sympy as sp

from ..numeric.evaluate import value_at

_DIGITS = 30
_TOLERANCE = sp.Float("1e-20", _DIGITS)
_POINTS = 12
_LARGEST = 2000       # operations: larger readings count as different, unexamined
_TERMS = 500          # terms of a sum at one point


def _sample(k: int, i: int, count: int) -> sp.Rational:
    """The value of the ``i``-th of ``count`` unknowns at the ``k``-th point: distinct and not round
    (no accidental equality at 0 or 1), below 2 and near 10; all positive in increasing and in decreasing order, all
    negative, and of alternating signs both ways — so that |y − t| and y − t, √(x²) and x, max(a, b) − a
    and b − a, log x² and 2 log x are told apart."""
    size = sp.Rational(3 + 7 * (i if k % 2 == 0 else count - 1 - i) + 5 * k, 11 + 2 * k)
    sign = (1, 1, -1, -1, (-1) ** i, -(-1) ** i)[k % 6]
    return sign * size * (1 if k < 6 else 9)      # and nine times larger: min(max(0, z), 6) is not max(0, z)


def _long_ranges(expr: sp.Basic, point: dict) -> bool:
    """Whether a sum or product of ``expr`` runs over more than ``_TERMS`` terms at ``point`` (or over
    a range that is not a whole number of terms there)."""
    for node in expr.atoms(sp.Sum, sp.Product):
        for _, low, high in node.limits:
            count = (high - low).xreplace(point)
            if not count.is_Integer or count > _TERMS:
                return not (count.is_infinite and isinstance(node, sp.Sum))     # Σ_{k≥1} 2^{-k}: SymPy sums it whole
    return False


def differ(a: sp.Basic, b: sp.Basic) -> bool:
    """Whether ``a`` and ``b`` take different values, or cannot be shown to take the same ones."""
    difference = a - b
    if difference == 0:
        return False
    unknowns = sorted(difference.atoms(sp.Symbol, sp.Indexed) - {s for i in difference.atoms(sp.Indexed)
                                                                 for s in i.free_symbols},
                      key=sp.default_sort_key)
    bound = {s for node in difference.atoms(sp.Sum, sp.Product, sp.Integral, sp.Derivative, sp.Lambda)
             for s in getattr(node, "variables", ())}
    unknowns = [u for u in unknowns if u not in bound]
    if difference.has(sp.Integral) or sp.count_ops(difference) > _LARGEST:
        return True             # no quadrature nor a huge tree in a reading: cautious, and never slow
    compared = 0
    for k in range(_POINTS):
        point = {u: sp.Integer(2 + i + k) if u.is_integer else _sample(k, i, len(unknowns))
                 for i, u in enumerate(unknowns)}
        if _long_ranges(difference, point):
            continue                    # (a sum over thousands of terms there: not summed term by term)
        left, right = value_at(a, point, _DIGITS), value_at(b, point, _DIGITS)
        if left is None or right is None or left.as_real_imag()[1] != 0 and right.as_real_imag()[1] != 0:
            continue                    # (undefined there, or neither real: off the reals both speak of)
        if abs(left - right) > _TOLERANCE * (1 + abs(left)):
            return True
        compared += 1
    return compared == 0


def shown_different(a: sp.Basic, b: sp.Basic) -> bool:
    """Whether some point shows ``a`` and ``b`` take different values — the strict counterpart of
    :func:`differ` (values that cannot be compared count as the same here).  Whole-number names (a
    length n, an index i) are all set to 2, 3, 4 in turn and the sums over them written out, so the
    entries of a vector are names of their own (``\\mathrm{LSE}(x) := \\log\\sum_{i=1}^n e^{x_i}``
    is softsym's LSE, ``\\tau \\log\\sum_i e^{x_i/\\tau}`` is not)."""
    if a == b or sp.count_ops(a - b) > _LARGEST or (a - b).has(sp.Integral):
        return False
    whole = [s for s in (a - b).free_symbols if s.is_integer]
    for size in (2, 3, 4):
        at = {s: sp.Integer(size) for s in whole}
        try:
            left_form, right_form = (sp.sympify(side).xreplace(at).doit() for side in (a, b))
        except Exception:  # noqa: BLE001 - a form that does not write out: not compared there
            continue
        both = sp.Tuple(left_form, right_form)
        entries = both.atoms(sp.Indexed)
        unknowns = sorted(entries | (both.atoms(sp.Symbol) - {e.base.label for e in entries}),
                          key=sp.default_sort_key)
        for k in range(8):
            point = {u: _sample(k % 4, i, len(unknowns)) * (1 if k < 4 else 25) for i, u in enumerate(unknowns)}
            # (and 25 times larger: a softplus that returns x above 20, one clipped at 5, differ only out there)
            if _long_ranges(sp.Tuple(left_form, right_form), point):
                continue
            left, right = value_at(left_form, point, 60), value_at(right_form, point, 60)
            if left is None or right is None or left.as_real_imag()[1] != 0 or right.as_real_imag()[1] != 0:
                continue
            if abs(left - right) > sp.Float("1e-45", 60) * (1 + abs(left)):
                return True
    return False


def proved_same(a: sp.Basic, b: sp.Basic) -> bool:
    """Whether ``a`` and ``b`` simplify to the same expression with their whole-number names set to 2, 3 and 4
    (sums written out): a reading's test that a text's formula is a function softsym knows, not a proof."""
    if a == b:
        return True
    if sp.count_ops(a - b) > 200 or (a - b).has(sp.Integral, sp.Piecewise, sp.Min, sp.Max, sp.Abs):
        return False
    whole = [s for s in (a - b).free_symbols if s.is_integer]
    for size in (2, 3, 4):
        at = {s: sp.Integer(size) for s in whole}
        try:
            difference = sp.sympify(a).xreplace(at).doit() - sp.sympify(b).xreplace(at).doit()
            if difference != 0 and sp.simplify(difference) != 0:
                return False
        except Exception:  # noqa: BLE001 - not simplified: not shown the same
            return False
    return True
