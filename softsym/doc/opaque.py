"""Dot products of vectors that appear nowhere else, read as opaque numbers.

``h_i := w_i^\\top x`` makes every relation through h hold ``dot(w[i], x)``, which no point can
evaluate: the counterexample search gives up.  When the vectors occur only inside such products,
the products are numbers that can take any values at once: each distinct product (per entry) is
an opaque real, ``w·x[i]``.  A proof of the relation in those numbers holds for every choice of
the vectors (they are one choice of the numbers).  A counterexample is met by some vectors too —
the products pair two separate groups of vectors (every w with x, never a vector with itself or
with one of its own group), and any table of such cross products is realizable in a space of
enough dimensions (x the unit vectors, each w a row of the table) — but not always by the vectors
the text has in mind (tied weights, unit norms, a low dimension, said in words): the reader
reports such a refutation as undecided.  Anything else — a vector
dotted with itself, a vector elsewhere in the relation, a derivative, a limit or an integral still
around — leaves the products as they are.
"""
from __future__ import annotations

import sympy as sp
from sympy.core.function import AppliedUndef

from ..latex.applications import DOT


def _key(arg: sp.Basic) -> str | None:
    """The vectors a product's argument names: ``w[]`` (the family) of ``w[i]``, ``w`` of ``w``; None for
    anything else."""
    if isinstance(arg, sp.Symbol):
        return arg.name
    if isinstance(arg, sp.Indexed) and all(isinstance(i, (sp.Symbol, sp.Integer)) for i in arg.indices):
        return f"{arg.base.label}[]"
    return None


def opaque_dot_products(left: sp.Basic, right: sp.Basic, given: tuple[sp.Basic, ...]
                        ) -> tuple[sp.Basic, sp.Basic, tuple[sp.Basic, ...], str]:
    """``left``, ``right`` and the hypotheses ``given`` with each dot product an opaque number where
    that is sound (see the module), and a note saying so ("" when nothing changed)."""
    whole = sp.Tuple(left, right, *given)
    products = [a for a in whole.atoms(AppliedUndef) if a.func == DOT]
    if not products or whole.has(sp.Derivative, sp.Integral, sp.Limit):
        return left, right, given, ""
    side: dict[str, int] = {}
    edges = []
    for p in products:
        if len(p.args) != 2:
            return left, right, given, ""
        keys = [_key(a) for a in p.args]
        if None in keys or keys[0] == keys[1]:
            return left, right, given, ""            # a vector dotted with itself: a square, not free
        edges.append((keys[0], keys[1]))
    for start in [k for edge in edges for k in edge]:     # two groups, every product across them
        if start in side:
            continue
        side[start], todo = 0, [start]
        while todo:
            here = todo.pop()
            for a, b in edges:
                for this, other in ((a, b), (b, a)):
                    if this == here and other not in side:
                        side[other] = 1 - side[here]
                        todo.append(other)
    if any(side[a] == side[b] for a, b in edges):
        return left, right, given, ""
    if len({k.removesuffix("[]") for k in side}) < len(side):
        return left, right, given, ""                # u and u_1 both: one letter, two objects
    holders = {p: sp.Dummy() for p in products}
    rest = whole.xreplace(holders)
    elsewhere = {x.name for x in rest.free_symbols if isinstance(x, sp.Symbol)} \
        | {str(e.base.label) for e in rest.atoms(sp.Indexed)}
    if elsewhere & {k.removesuffix("[]") for k in side}:
        return left, right, given, ""                # the vector also appears outside the products
    values: dict[sp.Basic, sp.Basic] = {}
    arity: dict[str, int] = {}
    for p in products:
        first, second = sorted(p.args, key=lambda a: side[_key(a)])
        label = f"{_key(first).removesuffix('[]')}·{_key(second).removesuffix('[]')}"
        indices = [i for a in (first, second) if isinstance(a, sp.Indexed) for i in a.indices]
        if arity.setdefault(label, len(indices)) != len(indices):
            return left, right, given, ""            # w as a vector and as a family: not one table
        values[p] = sp.Indexed(sp.IndexedBase(label, real=True), *indices) if indices \
            else sp.Symbol(label, real=True)
    out = whole.xreplace(values)
    names = ", ".join(sorted(arity))
    return out[0], out[1], tuple(out[2:]), (f"the dot products {names} read as opaque numbers (their vectors "
                                            f"appear nowhere else)")
