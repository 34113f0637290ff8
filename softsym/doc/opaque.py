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

import re

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


_CONSTRAINING_WORDS = re.compile(r"(?i)\b(?:norms?|normali[sz]ed|unit|orthogonal|orthonormal|tied|shared|parallel|"
                                 r"perpendicular|cosine|angle)\b|范数|单位|正交|归一")
"""Words that may constrain what a dot product can be (unit norms, tied or orthogonal vectors)."""


def one_free_product(note: str, maths: list[str], words: str) -> bool:
    """Whether the products a note names are one scalar ``w·x`` whose vectors the text never constrains: no
    norm, value or entry of either written in its math (``\\|w\\|``, ``x = (1, 2)``, ``w_j``), no words of norms,
    units or ties — then every real is ``w·x`` for some vectors, and a counterexample at any value stands."""
    m = re.match(r"the dot products (\S+) read as", note)
    if m is None or "," in m.group(1) or "·" not in m.group(1):
        return False
    if _CONSTRAINING_WORDS.search(re.sub(r"\$[^$]*\$", " ", words)):
        return False
    for name in m.group(1).split("·"):
        letter = re.escape(name) if len(name) == 1 else rf"\\{re.escape(name)}"
        written = rf"(?<![A-Za-z\\]){letter}(?![A-Za-z])"
        for tex in maths:
            tex = re.sub(r"\\in\s*(?:\\mathbb\s*\{\s*R\s*\}|\\R\b|ℝ)(?:\s*\^\s*(?:\{[^{}]*\}|\w))?", " ", tex)   # x ∈ ℝ^d
            if re.search(rf"\\\|\s*(?:\\mathbf\s*\{{\s*)?{written}|\\lVert\s*(?:\\mathbf\s*\{{\s*)?{written}|‖\s*{written}"
                         rf"|\|\s*(?:\\mathbf\s*\{{\s*)?{written}\s*\}}?\s*\|"
                         rf"|{written}\s*\}}?\s*(?::=|=|\\in|\\sim)|{written}\s*_", tex):
                return False
    return True
