"""Vectors: bold names, lists ``[1, 2, 3]`` and ``(z_1, \\ldots, z_K)``, column vectors, read at an entry.
A mixin of :class:`softsym.latex.build.Reader`.

A side whose value is a vector is read entrywise: with ``Context.entry`` unset, the first
vector-valued piece raises :class:`VectorValued` (the caller reads the relation again at a fresh
entry index ``i``); with it set, every vector-valued piece is its entry ``i``.  Conventions:

* a bare name is a vector when the document made it one (``Context.vectors``) or when it is
  written bold and starts with a lowercase letter (``\\mathbf{p}``); a bold capital is a matrix
  (refused entrywise); ``\\mathbf{1}`` / ``\\mathbf{0}`` are the constant vectors;
* inside an argument of a probability or of a function (``P(y | \\mathbf{x})``, ``L(\\mathbf{w})``)
  and of a dot product, a vector stays a name;
* a list of two or more entries in value position is a vector: entries of one family with
  consecutive indices (``[x_0, x_1, x_2, x_3]``) keep their indices (range 0..3); an ellipsis list
  (``(z_1, \\ldots, z_K)``) is its pattern over the range it spans (1..K), as for sums; any other
  list is indexed from 1 (``[1, 2, 3]``: range 1..3; entry i is ``Σ_r a_r δ(i, r)``), unless an
  entry uses a symbolic index (``[\\log \\phi_1, \\log \\phi_{k-1}]``: an ellipsis left out?); a transpose
  of a list (``[…]^T``) is the same entries; a list of vectors (a matrix) is refused;
* every vector-valued piece records its range; the pieces of a relation must agree on it.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import sympy as sp

from .errors import VectorValued
from .syntax import NAME_KINDS, Expr, Factor, Group, Leaf, Node, Product, Relation, lone_factor
from .ellipsis import is_ellipsis

Range = tuple[sp.Expr, sp.Expr]
MAX_LIST = 100
"""Longest list read (entries)."""


class VectorReading:
    """Vector-valued pieces read at an entry (part of the Reader)."""

    # -- state ----------------------------------------------------------------------------------
    @contextmanager
    def opaque_arguments(self) -> Iterator[None]:
        """Inside: a vector is a name (the argument of a probability, a function, a dot product)."""
        self.opaque += 1
        try:
            yield
        finally:
            self.opaque -= 1

    @contextmanager
    def at_entry(self, index: sp.Expr, vectors: frozenset[str] = frozenset()) -> Iterator[list[Range]]:
        """Read vector-valued pieces at ``index`` (``vectors``: more names read as vectors); yields
        the list that collects the ranges of the pieces read."""
        saved = (self.entry, self.extra_vectors, self.opaque, self.ranges)
        self.entry, self.extra_vectors, self.opaque = index, self.extra_vectors | vectors, 0
        self.ranges = []
        try:
            yield self.ranges
        finally:
            self.entry, self.extra_vectors, self.opaque, self.ranges = saved

    def vector_piece(self, what: str, node: Node, span: Range | None) -> sp.Expr | None:
        """Register a vector-valued piece: its range, or raise VectorValued without an entry.
        Returns None when the piece is read at the entry (the caller builds the entry)."""
        if self.entry is None:
            raise VectorValued(f"{what} is a vector: the relation is read entrywise",
                               self.tex[node.start:node.end])
        self.ranges.append(span)
        return None

    def length_of(self, name: str) -> Range | None:
        """The index range of a vector or family, as the document gave or used it (None: unknown)."""
        span = self.ctx.vectors.get(name)
        return span if span is not None else self.ctx.lengths.get(name)

    # -- names -----------------------------------------------------------------------------------
    def is_vector_name(self, f: Factor) -> bool:
        """A bare name read as a vector (see the module's conventions)."""
        if self.opaque or f.sub is not None or not isinstance(f.base, Leaf) or f.base.kind not in NAME_KINDS:
            return False
        name = f.base.text
        declared = self.names.get(name)
        if declared is not None and not isinstance(declared, sp.IndexedBase):
            return False
        if name in self.extra_vectors:
            return True
        if name in self.ctx.vectors and (name not in self.ctx.bold_only or f.base.start in self.bold):
            return True
        if self.column is not None and name in self.ctx.families:      # in a matrix, p of p_j is the vector
            return True
        return f.base.start in self.bold and name[:1].islower()

    def is_matrix_name(self, f: Factor) -> bool:
        """A bare name read as a matrix: one the document made a matrix, or a bold capital (only
        where a vector or a matrix is read: elsewhere a bold capital stays a name)."""
        if self.opaque or f.sub is not None or not isinstance(f.base, Leaf) or f.base.kind not in NAME_KINDS:
            return False
        name = f.base.text
        if name in self.ctx.matrices and not isinstance(self.names.get(name), sp.Symbol):
            return True
        return f.base.start in self.bold and name[:1].isupper() and self.entry is not None

    def matrix_entry(self, f: Factor) -> sp.Expr:
        name = f.base.text
        if self.entry is None or self.column is None:
            raise VectorValued(f"{name} is a matrix: the relation is read entrywise", self.tex[f.start:f.end],
                               matrix=True)
        return self.indexed_base(name, f)[self.entry, self.column]

    def vector_entry(self, f: Factor) -> sp.Expr:
        name = f.base.text
        span = self.length_of(name)
        self.vector_piece(f"\\mathbf{{{name}}}", f, span)
        return self.indexed_base(name, f)[self.entry]

    # -- matrices --------------------------------------------------------------------------------
    def diagonal(self, g: Factor) -> sp.Expr:
        """``\\mathrm{diag}(v)`` at (row, column): ``δ(row, column) v[row]``."""
        if self.opaque:
            self.fail("diag(…) inside an argument", g)
        if self.entry is None or self.column is None:
            raise VectorValued("diag(…) is a matrix: the relation is read entrywise", self.tex[g.start:g.end],
                               matrix=True)
        arg = self.only(g.base.elements, g.base)
        f = lone_factor(arg)
        named = f.base.text if f is not None and f.plain and isinstance(f.base, Leaf) \
            and f.base.kind in NAME_KINDS else None
        with self.at_entry(self.entry, frozenset({named} if named else self.ctx.families)) as ranges:
            self.column, column = None, self.column
            try:
                value = self.value(arg)
            finally:
                self.column = column
        if self.entry not in value.free_symbols:
            self.fail("diag of something that is not a vector", g)
        self.ranges.extend(ranges)
        return sp.KroneckerDelta(self.entry, self.column) * value

    def row_vector(self, f: Factor) -> sp.Expr | None:
        """``v^\\top`` with nothing to multiply on its right: in a matrix, the column index
        (``p p^\\top`` at (i, j) is ``p_i p_j``); without an entry it makes the side a matrix."""
        if self.opaque or not (self.is_vector_name(f) or (f.sub is None and isinstance(f.base, Leaf)
                                                          and f.base.text in self.ctx.families)):
            return None
        if self.entry is None or self.column is None:
            raise VectorValued("v v^T is a matrix: the relation is read entrywise", self.tex[f.start:f.end],
                               matrix=True)
        self.ranges.append(self.length_of(f.base.text))
        return self.indexed_base(f.base.text, f)[self.column]

    def constant_vector(self, leaf: Leaf, value: sp.Expr) -> sp.Expr:
        """``\\mathbf{1}``, ``\\mathbf{0}``: every entry is the number."""
        self.vector_piece(f"\\mathbf{{{leaf.text}}}", leaf, None)
        return value

    # -- lists -----------------------------------------------------------------------------------
    def is_list(self, g: Node) -> bool:
        return (isinstance(g, Group) and g.kind in ("bracket", "paren") and len(g.elements) > 1
                and not g.semicolon and not g.given and not self.opaque)

    def vector_list(self, g: Group) -> sp.Expr:
        """A list in value position: its entry at ``self.entry`` (see the conventions)."""
        elements = self.list_elements(g)
        if len(elements) > MAX_LIST:
            self.fail(f"a list of more than {MAX_LIST} entries", g)
        if any(isinstance(e, Relation) for e in elements):
            self.fail("a list of relations (conditions or a system of equations?)", g)
        dots = [k for k, e in enumerate(elements) if is_ellipsis(e)]
        values = [self.list_entry(e, g) for e in elements if not is_ellipsis(e)]
        if len(dots) > 1 or (dots and dots[0] in (0, len(elements) - 1)):
            self.fail("an ellipsis in a list whose pattern is not clear (write the first entries and the last)", g)
        if dots and len(set(values)) == 1 and not values[0].atoms(sp.Indexed):
            # (1/K, \dots, 1/K): every entry the same number, the vector as long as the others of the relation
            self.vector_piece("a constant list", g, None)
            return values[0]
        if dots:
            found = self.pattern(values, dots[0])
            if found is None:
                self.fail("an ellipsis in a list whose pattern is not clear (write x_1, x_2, …, x_n)", g)
            pattern, k, start, end = found
            self.vector_piece("a list", g, (start, end))
            return pattern.xreplace({k: self.entry})
        run = self.consecutive_entries(values)
        if run is not None:
            base, start = run
            self.vector_piece("a list", g, (start, start + len(values) - 1))
            return base[self.entry]
        symbolic = sorted({str(i) for v in values for e in v.atoms(sp.Indexed) for i in e.indices
                           if not i.is_Integer}, key=str)
        if symbolic:
            self.fail(f"a list whose entries use the index {symbolic[0]} but no ellipsis: its length as "
                      f"written ({len(values)}) or a pattern with the ellipsis left out?", g)
        self.vector_piece("a list", g, (sp.Integer(1), sp.Integer(len(values))))
        index = self.entry
        if index.is_Integer:
            if not 1 <= index <= len(values):
                self.fail(f"entry {index} of a list of {len(values)}", g)
            return values[int(index) - 1]
        return sp.Add(*(v * sp.KroneckerDelta(index, r) for r, v in enumerate(values, start=1)))

    def list_elements(self, g: Group) -> list[Node]:
        """The entries, an ellipsis glued to the next entry (``x_2, ... x_n``) split off it."""
        out: list[Node] = []
        for e in g.elements:
            f = lone_factor(e) if not isinstance(e, Relation) else None
            items = e.terms[0][1].items if isinstance(e, Expr) and len(e.terms) == 1 and e.terms[0][0] == "+" \
                and not e.lone_sign else None
            if f is None and items and len(items) > 1 and is_ellipsis(items[0]):
                out.append(items[0])
                rest = Product(items[1].start, items[-1].end, items=items[1:])
                out.append(Expr(rest.start, rest.end, terms=[("+", rest)]))
            else:
                out.append(e)
        return out

    def list_entry(self, node: Node, g: Group) -> sp.Expr:
        """One entry, read as a number (an entry that is itself a vector makes a matrix: refused)."""
        saved = self.entry
        self.entry = None
        try:
            return self.value(node)
        except VectorValued:
            self.fail("a list of vectors (a matrix is not read)", g)
        finally:
            self.entry = saved

    @staticmethod
    def consecutive_entries(values: list[sp.Expr]) -> tuple[sp.IndexedBase, sp.Integer] | None:
        """``[x_0, x_1, x_2]``: entries of one family at consecutive whole indices (base, first)."""
        if not all(isinstance(v, sp.Indexed) and len(v.indices) == 1 and v.indices[0].is_Integer for v in values):
            return None
        if len({v.base for v in values}) != 1:
            return None
        first = values[0].indices[0]
        if any(v.indices[0] != first + r for r, v in enumerate(values)):
            return None
        return values[0].base, first

    def entry_span(self, ranges: list[Range | None], where: Node) -> Range | None:
        """The one range the vector-valued pieces agree on (None: none known)."""
        known = {(str(r[0]), str(r[1])): r for r in ranges if r is not None}     # K and K-positive alike
        if len(known) > 1:
            shown = " and ".join(f"{lo}..{hi}" for lo, hi in sorted(known))
            self.fail(f"vectors of different lengths ({shown})", where)
        return next(iter(known.values()), None)

    def transpose_of_list(self, f: Factor) -> Factor:
        """``[a, b, c]^T``: the same entries (a column or a row, entrywise alike)."""
        if self.is_list(f.base) and f.sup is not None and self.is_transpose(f.sup):
            return replace(f, sup=None)
        return f
