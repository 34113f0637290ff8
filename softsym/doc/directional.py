"""Gradients with respect to a vector, read along a direction.

``\\nabla_w L(w) = \\sum_i (p_i - y_i)\\,x_i`` with ``p_i := \\sigma(w^\\top x_i)``: once unfolded, w occurs
only inside dot products ``dot(w, x[i])``, and the two sides are vectors.  Two vectors are equal when their
dot products with every vector u are: the relation is read as ``D_u L = \\sum_i (p_i - y_i)\\,(u \\cdot x_i)``,
the derivative of L at w along u (``\\frac{d}{dt} L(w + t u)`` at t = 0, each ``dot(w, a)`` becoming
``dot(w, a) + t\\,dot(u, a)``) against the right side dotted with u.  That reading is a scalar relation in
the dot products, which :mod:`.opaque` turns into free numbers where that is sound: a proof there holds for
every w, u and x (so for every direction: the gradients are equal), and a refutation names a direction
along which the two sides differ.

Only what is plainly a vector is read so: a derivative by a vector that occurs nowhere but in dot
products, a vector itself (a name the dot products take), and sums, scalar multiples and sums over an
index of those.  Anything else — a vector inside a function, a product of two vectors, a vector side
against a nonzero scalar — leaves the relation as it is.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from ..latex.applications import DOT

DIRECTION_NOTE = "read along a direction"
"""How the note of a relation read along a direction begins."""


def _vector_keys(whole: sp.Basic) -> set[sp.Basic]:
    """The vectors the dot products of ``whole`` take: plain names and the bases of families (``x`` of
    ``dot(w, x[i])``)."""
    keys: set[sp.Basic] = set()
    for call in whole.atoms(AppliedUndef):
        if call.func == DOT and len(call.args) == 2:
            for arg in call.args:
                if isinstance(arg, sp.Symbol):
                    keys.add(arg)
                elif isinstance(arg, sp.Indexed):
                    keys.add(arg.base)
    return keys


def _is_vector_atom(e: sp.Basic, keys: set[sp.Basic]) -> bool:
    return isinstance(e, sp.Symbol) and e in keys or isinstance(e, sp.Indexed) and e.base in keys


def _outside_dots(e: sp.Basic, keys: set[sp.Basic]) -> bool:
    """Whether a vector of ``keys`` occurs in ``e`` outside a dot product (a derivative by a vector counts)."""
    if isinstance(e, AppliedUndef) and e.func == DOT:
        return False
    if _is_vector_atom(e, keys):
        return True
    if isinstance(e, sp.Derivative):
        return any(v in keys for v in e.variables) or _outside_dots(e.expr, keys)
    if isinstance(e, sp.IndexedBase):
        return False
    return any(_outside_dots(a, keys) for a in e.args)


def _along(e: sp.Basic, w: sp.Symbol, u: sp.Symbol) -> sp.Basic | None:
    """``d/dt e(w + t u)`` at t = 0, with ``e`` holding ``w`` inside dot products only; None otherwise."""
    t = sp.Dummy("t")

    def moved(call: sp.Basic) -> sp.Basic:
        a, b = call.args
        if a == w and b == w:
            return call + 2 * t * DOT(u, w) + t ** 2 * DOT(u, u)
        if a == w:
            return call + t * DOT(u, b)
        if b == w:
            return call + t * DOT(a, u)
        return call
    if any(c.func == DOT and any(a != w and a.has(w) for a in c.args) for c in e.atoms(AppliedUndef)):
        return None                         # dot(w, A w), dot(w + x, y): w inside an argument, not read
    calls = {c: moved(c) for c in e.atoms(AppliedUndef) if c.func == DOT and len(c.args) == 2 and w in c.args}
    shifted = e.xreplace(calls)
    if w in shifted.xreplace({c: sp.Dummy() for c in shifted.atoms(AppliedUndef) if c.func == DOT}).free_symbols:
        return None                         # w elsewhere than in a dot product: not read
    return sp.diff(shifted, t).subs(t, 0)


def _paired(e: sp.Basic, keys: set[sp.Basic], u: sp.Symbol) -> sp.Basic | None:
    """``e · u`` for an expression ``e`` that is plainly a vector, or None."""
    if isinstance(e, sp.Derivative):
        if len(e.variable_count) != 1 or e.variable_count[0][1] != 1 or e.variables[0] not in keys \
                or not isinstance(e.variables[0], sp.Symbol) or _outside_dots(e.expr, keys):
            return None
        return _along(e.expr, e.variables[0], u)
    if _is_vector_atom(e, keys):
        return DOT(u, e)
    if isinstance(e, sp.Add):
        parts = [_paired(a, keys, u) for a in e.args]
        return None if any(p is None for p in parts) else sp.Add(*parts)
    if isinstance(e, sp.Mul):
        vector = [a for a in e.args if _outside_dots(a, keys)]
        if len(vector) != 1:
            return None
        inner = _paired(vector[0], keys, u)
        return None if inner is None else sp.Mul(*(a for a in e.args if a is not vector[0])) * inner
    if isinstance(e, sp.Sum):
        inner = _paired(e.function, keys, u)
        return None if inner is None else sp.Sum(inner, *e.limits)
    return None


def along_a_direction(left: sp.Basic, right: sp.Basic, given: tuple[sp.Basic, ...] = ()
                      ) -> tuple[sp.Basic, sp.Basic, str, frozenset[str]]:
    """``left`` and ``right`` read along a direction when they are vectors taken by dot products and one
    of them differentiates by such a vector (see the module), a note saying so ("" when not) and the
    direction's name (empty when not)."""
    whole = sp.Tuple(left, right, *given)
    keys = _vector_keys(whole)
    if not keys or not any(v in keys for d in whole.atoms(sp.Derivative) for v in d.variables):
        return left, right, "", frozenset()
    if any(_outside_dots(g, keys) for g in given):
        return left, right, "", frozenset()
    used = {s.name for s in whole.free_symbols if isinstance(s, sp.Symbol)} \
        | {str(b.label) for b in whole.atoms(sp.IndexedBase)}
    u = sp.Symbol(next(name for name in ("u", "v", "h", "u_dir") if name not in used), real=True)
    sides = []
    for side in (left, right):
        if side == 0:
            sides.append(sp.S.Zero)
            continue
        if not _outside_dots(side, keys):
            return left, right, "", frozenset()      # a scalar side against a vector one: not read
        paired = _paired(side, keys, u)
        if paired is None:
            return left, right, "", frozenset()
        sides.append(paired)
    if all(s == 0 for s in sides):
        return left, right, "", frozenset()
    differentiated = sorted({str(v) for d in whole.atoms(sp.Derivative) for v in d.variables if v in keys})
    return sides[0], sides[1], (f"{DIRECTION_NOTE} {u}: the gradient by {', '.join(differentiated)} is the "
                                f"vector whose dot product with every {u} is the derivative along {u}"), \
        frozenset({u.name})
