"""Applications: ``f(x)``, ``\\exp(x)``, ``\\sigma(x)``, ``\\mathrm{softmax}(z)_i``, ``f'(x)``,
``\\max(a, b)``, and the two readings glued to a neighbour: the transpose ``a^T b`` and the indicator
``1\\{y = k\\}``.  A mixin of :class:`softsym.latex.build.Reader`.

Conventions: ``name(…)`` applies a declared function (``Context.functions`` or a Function class in
``Context.names``), the sigmoid for an undeclared ``\\sigma``, or a known function; otherwise it is
a product, refused when the parentheses hold one name or number (``T(y)``), a constant (``F(0.5)``),
a list or a ``;``, or the name is a capital Greek letter (``\\Gamma(n + 1)``) (unless the name is declared).  softmax(z)_i is ``exp(z[i]) / Sum(exp(z[j]), (j, 1, n))`` with j the
first of j, k, l, … not written in the input.  ``a^T b`` is ``dot(a, b)``, an uninterpreted real
function of two names.  Indicators are ``KroneckerDelta`` of integer symbols (``1\\{y = k\\}``), or 1 where
inequalities hold and 0 elsewhere (``\\mathbb{1}\\{u < 0\\}``: a Piecewise).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace

import sympy as sp

from ..functions import logit, logsumexp, normal_cdf, sigmoid, softmax, softplus
from . import distributions, vocabulary as voc
from .errors import VectorValued
from .syntax import (
    NAME_KINDS,
    Factor,
    Group,
    Leaf,
    Node,
    Relation,
    is_name_factor,
    is_paren,
    lone_factor,
    lone_leaf,
)

DOT = sp.Function("dot", real=True)
"""``a^T b``: the dot product of two named vectors, left uninterpreted."""
MAX_ORDER_AT_POINT = 6
"""Highest order of a derivative taken at a point (``\\sigma''(0)``): it is computed while reading."""
FRESH_INDICES = ("j", "k", "l", "m", "p", "q", "r", "s", "u", "v", "w")
"""Candidates for the summation index that softmax and logsumexp introduce."""


_WRITTEN_LOGARITHMS: ContextVar[list | None] = ContextVar("written_logarithms", default=None)


@contextmanager
def logarithms_written() -> Iterator[list[sp.Basic]]:
    """The arguments of the logarithms written in what is read inside the block (``\\log \\sigma`` of
    ``\\exp(x - \\log \\sigma)``, which SymPy turns into ``e^x/σ`` at once): a point where one of them
    is not real refutes nothing the document claims."""
    found: list[sp.Basic] = []
    token = _WRITTEN_LOGARITHMS.set(found)
    try:
        yield found
    finally:
        _WRITTEN_LOGARITHMS.reset(token)


_PARAMETER_SUBSCRIPTS = frozenset({"\\theta", "\\phi", "\\varphi", "\\psi", "\\omega", "\\vartheta"})
"""Subscripts that name a model's parameters: ``s_\\theta(x)`` is the function s_θ at x, never s_θ times (x)."""
_POWERED_BEFORE = frozenset({"sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh", "coth", "sech", "csch"})
"""Words whose power may be written before the argument, as their macros' (``\\operatorname{sech}^2(u)``)."""

_FUNCTIONS = {
    "exp": sp.exp, "log": sp.log, "ln": sp.log, "sin": sp.sin, "cos": sp.cos, "tan": sp.tan,
    "sec": sp.sec, "csc": sp.csc, "cot": sp.cot, "sinh": sp.sinh, "cosh": sp.cosh, "tanh": sp.tanh,
    "coth": sp.coth, "sech": sp.sech, "csch": sp.csch, "arcsin": sp.asin, "arccos": sp.acos, "arctan": sp.atan,
    "sigmoid": sigmoid, "softplus": softplus, "logit": logit,
    "ReLU": lambda x: sp.Max(0, x), "relu": lambda x: sp.Max(0, x),     # the rectifier, max(0, x)
    "erf": sp.erf, "erfc": sp.erfc,         # the error function: Φ(x) = ½(1 + erf(x/√2)) of the normal CDF
    # the inverse hyperbolic functions through logarithms, whose domains the prover reads
    # (artanh(x) = ½ log((1 + x)/(1 − x)) is real for |x| < 1 only)
    "artanh": lambda x: (sp.log(1 + x) - sp.log(1 - x)) / 2, "arctanh": lambda x: (sp.log(1 + x) - sp.log(1 - x)) / 2,
    "arsinh": lambda x: sp.log(x + sp.sqrt(x ** 2 + 1)), "arcsinh": lambda x: sp.log(x + sp.sqrt(x ** 2 + 1)),
}


_FUNCTION_LETTERS = frozenset({"f", "g", "h", "F", "G", "H", "p", "q", "P", "Q", "phi", "varphi", "psi"})
"""Letters notes use for functions (f, g, h, a density p or q, a distribution function F, φ, ψ): undeclared, before
parentheses that hold one term (``f(\\log x)``, ``g(2x)``), a call as much as a product."""


def _one_term(parenthesized: str) -> bool:
    """Whether ``(…)`` holds one term: no + or − outside its braces and inner parentheses (``(\\log x)``, ``(2x)``,
    ``(e^{-x})``), not ``(1 - p)``."""
    inner = re.sub(r"^\\left\s*|\\right\s*(?=\))", "", parenthesized.strip())
    if not inner.startswith("("):
        return False
    flat, depth = [], 0
    for at, ch in enumerate(inner):
        if ch in "{(":
            depth += 1
        elif ch in "})":
            depth -= 1
            if depth == 0 and ch == ")":
                inner = inner[1:at]             # what the parentheses hold (not a power written after them)
                break
        elif depth == 1:
            flat.append(ch)
    return bool(inner.strip()) and not re.search(r"[+\-]|\\pm|\\mp", "".join(flat))


_CAPITAL_GREEK = frozenset({"Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega"})
"""Capital Greek letters, which notes write before parentheses as functions far more than as factors
(Γ(n + 1), Φ(x - μ), Ψ(θ)): undeclared, such an application is ambiguous."""


def written_as_entry(name: str) -> re.Pattern:
    """``p_`` / ``\\alpha_``: the name ``name`` (a letter, or a macro's name) written with a subscript."""
    return re.compile(rf"(?<![A-Za-z\\]){re.escape(name)}\s*_" if len(name) == 1
                      else rf"\\{re.escape(name)}(?![A-Za-z])\s*_")


_INDICATOR_RELATIONS = {"<": sp.Lt, "lt": sp.Lt, ">": sp.Gt, "gt": sp.Gt, "le": sp.Le, "leq": sp.Le, "leqslant": sp.Le,
                        "<=": sp.Le, "≤": sp.Le, "ge": sp.Ge, "geq": sp.Ge, "geqslant": sp.Ge, ">=": sp.Ge, "≥": sp.Ge,
                        "ne": sp.Ne, "neq": sp.Ne, "≠": sp.Ne, "!=": sp.Ne}
"""The relations an indicator's condition may write besides y = k (``\\mathbb{1}\\{u < 0\\}``)."""


class ApplicationReading:
    """Function applications, transposes and indicators (part of the Reader)."""

    def transpose(self, items: list[Node], i: int) -> tuple[sp.Expr, int]:
        """``a^T b`` (also ``a^T \\cdot b``, ``a^T . b``) → dot(a, b) of two names."""
        left = items[i]
        j = i + 1
        if j < len(items) and isinstance(items[j], Leaf) and items[j].text in ("\\cdot", "."):
            j += 1
        right = items[j] if j < len(items) else None
        follows = items[j + 1] if j + 1 < len(items) else None
        if is_name_factor(right) and right.sup is None and is_paren(follows) \
                and self.function_object(right.base.text) is not None:      # \eta^T T(y), T a function
            return DOT(self.name_value(replace(left, sup=None)), self.call(right, follows)), j + 2
        if not is_name_factor(right) or right.sup is not None or right.primes or right.bangs \
                or is_paren(follows):
            row = self.row_vector(replace(left, sup=None)) if not isinstance(right, Factor) else None
            if row is not None:                                            # p p^T: the column index
                return row, i + 1       # (not u^T ∇_u f, u^T (v + w): a row times a column, a sum — not read)
            self.fail("a transpose x^T without a name after it (x^T y is read as a dot product)", left)
        if right.base.text.lstrip("\\")[:1].isupper() and is_name_factor(follows):
            self.fail("a quadratic form x^T A y (a matrix between two vectors: matrix products are not read)",
                      left, follows)                                # v^T J v: not (v·J) v
        a = replace(left, sup=None)
        if self.expands_dot(a, right):
            return self.dot_sum(a, right), j + 1
        if not self.opaque and (a.base.start in self.bold or right.base.start in self.bold) \
                and a.base.text[:1].isupper():
            if self.entry is None:
                raise VectorValued("a matrix times a vector is a vector: the relation is read entrywise",
                                   self.tex[left.start:right.end])
            self.fail("a matrix times a vector (matrix products are not read)", left, right)
        with self.opaque_arguments():
            return DOT(self.name_value(a), self.name_value(right)), j + 1

    def expands_dot(self, a: Factor, b: Factor) -> bool:
        """``\\mathbf{w}^\\top \\mathbf{x}`` of two vector names (plain, lowercase, not declared
        scalars or functions) is the sum Σ_k w_k x_k; a capital (a matrix: ``W^\\top h``) or an entry
        (``\\theta_i^T x``) stays an uninterpreted dot product."""
        for f in (a, b):
            if f.sub is not None or f.primes or f.bangs or f.sup is not None:
                return False
            name = f.base.text
            declared = self.names.get(name)
            if (declared is not None and not isinstance(declared, sp.IndexedBase)) or name in self.functions:
                return False
            if name == "e" or name == self.ctx.dimension.name:
                return False
        return a.base.text[:1].islower()

    def dot_sum(self, a: Factor, b: Factor) -> sp.Expr:
        """Σ_k a_k b_k over the vectors' range (the document's, else 1 to the dimension)."""
        known = {self.ctx.vectors.get(f.base.text) for f in (a, b)} - {None}
        if len(known) > 1:
            self.fail("a dot product of vectors of different lengths", a, b)
        spans = known or ({self.length_of(f.base.text) for f in (a, b)} - {None})
        if len(spans) > 1:
            self.guesses.append(f"the length of {a.base.text} and {b.base.text} (summed to different bounds "
                                f"elsewhere) read as {self.ctx.dimension}")
            spans = set()
        lo, hi = next(iter(spans), (sp.Integer(1), self.ctx.dimension))
        k = self.fresh_index(sp.Integer(0), None)
        return self.sum_over(self.indexed_base(a.base.text, a)[k] * self.indexed_base(b.base.text, b)[k], k, (lo, hi))

    def indicator(self, f: Node, nxt: Node | None) -> tuple[sp.Expr, int] | None:
        """``1\\{y=k\\}``, ``\\mathbb{1}_{\\{y=k\\}}``, ``\\mathbb{1}[y=k]``, ``I\\{y=k\\}`` → (KroneckerDelta(y, k),
        items used)."""
        if not isinstance(f, Factor) or not isinstance(f.base, Leaf) or f.sup or f.primes or f.bangs:
            return None
        b = f.base
        one = (b.kind == "NUMBER" and b.text == "1") or b.kind == "INDICATOR" or \
              (b.kind == "LETTER" and b.text == "I" and not self.declared("I"))
        if not one:
            return None
        if f.sub is not None:
            condition = self.condition(f.sub)
            if condition is None:
                if b.kind == "INDICATOR":
                    self.fail("an indicator whose subscript is not a condition {y = k}", f)
                return None
            return self.delta(condition), 1
        kinds = ("set", "bracket")      # \mathbb{1}[i = y], 1[u < 0] (Iverson: a relation in brackets is no factor)
        if isinstance(nxt, Factor) and isinstance(nxt.base, Group) and nxt.base.kind in kinds \
                and nxt.sub is None and len(nxt.base.elements) == 1 and isinstance(nxt.base.elements[0], Relation):
            value = self.delta(nxt.base.elements[0])
            if nxt.sup is not None:
                value = self.power(value, nxt.sup, nxt)
            return value, 2
        return None

    @staticmethod
    def condition(sub: Node) -> Relation | None:
        elements = sub.elements if isinstance(sub, Group) and sub.kind == "brace" else [sub]
        if len(elements) != 1:
            return None
        e = elements[0]
        if isinstance(e, Relation):
            return e
        inner = lone_factor(e)
        if inner is not None and inner.plain and isinstance(inner.base, Group) and inner.base.kind == "set" \
                and len(inner.base.elements) == 1 and isinstance(inner.base.elements[0], Relation):
            return inner.base.elements[0]
        return None

    def delta(self, rel: Relation) -> sp.Expr:
        """``1\\{y = k\\}``: KroneckerDelta(y, k); ``1\\{u < 0\\}``, ``1[0 \\le x \\le 1]``: 1 where the inequalities
        hold, 0 elsewhere (a Piecewise)."""
        if len(rel.parts) == 2 and rel.ops[0].text == "=":
            return sp.KroneckerDelta(self.index_value(rel.parts[0]), self.index_value(rel.parts[1]))
        makers = [_INDICATOR_RELATIONS.get(op.text.lstrip("\\")) for op in rel.ops]
        if len(rel.parts) > 3 or None in makers or sp.Eq in makers and len(makers) > 1:
            self.fail("an indicator of a condition other than y = k or an inequality", rel)
        values = [self.index_value(part) if makers == [sp.Ne] else self.value(part) for part in rel.parts]
        # (1{y ≠ k}: labels, integers as in 1{y = k}; 1{u < 0}: reals)
        condition = sp.And(*(make(a, b) for make, a, b in zip(makers, values, values[1:])))
        if condition in (sp.true, sp.false):
            return sp.Integer(1 if condition is sp.true else 0)
        return sp.Piecewise((sp.Integer(1), condition), (sp.Integer(0), True))

    def callable(self, item: Node) -> bool:
        """Could ``item (…)`` be an application? (The call decides whether it is one.)"""
        if not isinstance(item, Factor) or not isinstance(item.base, Leaf):
            return False
        kind = item.base.kind
        if kind in NAME_KINDS:
            return not item.bangs
        return kind in ("FUNC", "WORD", "MAXMIN") and not item.bangs

    @staticmethod
    def is_max_of_set(item: Node, nxt: Node | None) -> bool:
        """``\\max\\{a, b\\}``: a max of listed values written with set braces."""
        return isinstance(item, Factor) and isinstance(item.base, Leaf) and item.base.kind == "MAXMIN" \
            and item.plain and isinstance(nxt, Factor) and isinstance(nxt.base, Group) and nxt.base.kind == "set"

    def call(self, f: Factor, g: Factor) -> sp.Expr:
        """``f(…)`` where ``g`` is the parenthesized group (with its own scripts)."""
        kind = f.base.kind
        if kind == "FUNC":
            value = self.elementary(f.base.text, f, self.value(self.only(g.base.elements, g.base)))
        elif kind == "MAXMIN":
            value = self.maxmin(f.base.text, f, g)
        elif kind == "WORD":
            return self.call_word(f.base.text, f, g)
        else:
            return self.call_name(f, g)
        return self.after_call(value, g)

    def inverse_mark(self, sup: Node) -> bool:
        """Whether a superscript is ``-1`` (``\\sigma^{-1}``: the inverse function, not a power)."""
        return hasattr(sup, "start") and re.sub(r"[{}\s]", "", self.tex[sup.start:sup.end]) == "-1"

    def after_call(self, value: sp.Expr, g: Factor) -> sp.Expr:
        """The scripts written after ``f(x)``: a power; a subscript is refused."""
        if g.sub is not None:
            self.fail("a subscript on a function value (an entry of a vector-valued function?)", g)
        if g.primes or g.bangs:
            self.fail("a prime or factorial after a function value", g)
        if g.sup is not None:
            value = self.power(value, g.sup, g)
        return value

    def maxmin(self, name: str, f: Factor, g: Factor) -> sp.Expr:
        if not f.plain:
            self.fail(f"\\{name} with a script before its parentheses", f)
        if len(g.base.elements) < 2:
            self.fail(f"{name} of a single argument (of a vector's entries? write them out)", g)
        args = [self.value(self.only([e], g)) for e in g.base.elements]
        return (sp.Max if name == "max" else sp.Min)(*args)

    def call_word(self, word: str, f: Factor, g: Factor) -> sp.Expr:
        """``\\mathrm{softmax}(z)_i``, ``\\operatorname{sigmoid}(x)``, ``exp(x)``, ``max(a, b)``."""
        family = distributions.WORDS.get(word)
        if family is not None and self.function_object(word) is None and f.plain and not g.primes and not g.bangs \
                and g.sub is None and g.sup is None and len(g.base.elements) == family.arity \
                and not g.base.given and not g.base.semicolon:
            with self.opaque_arguments():     # \mathrm{Ber}(p): a distribution (an object, not a number)
                return family(*(self.value(self.only([e], g)) for e in g.base.elements))
        if word not in voc.KNOWN_WORDS or word in ("softmax", "sigmoid") and word in self.ctx.functions:
            if f.sub is not None and f.sup is None:        # \operatorname{swish}_\beta'(x) of swish_β(x) := …
                key = self.name_subscript(f.sub) or self.spelled_subscript(f.sub)
                fn = self.function_object(f"{word}_{key}") if key else None
                if fn is not None:
                    return self.apply(fn, replace(f, sub=None), g)
            if self.function_object(word) is not None:                     # \mathrm{Loss}(x), defined
                # (or the text's own softmax, "softmin convention": softmax(z)_i := e^{-z_i}/…)
                return self.call_name(replace(f, base=replace(f.base, kind="NAME")), g)   # primes kept
            self.fail(f"text inside math: '{word}' is not a function the reader knows", f)
        if word in _FUNCTIONS and f.primes and f.sub is None and f.sup is None:   # \mathrm{softplus}'(x)
            arg = self.value(self.only(g.base.elements, g.base))
            return self.after_call(self.elementary(word, f, arg), g)
        if f.sub is not None and f.sup is None:            # \operatorname{LSE}_\tau(x), defined by the text
            key = self.name_subscript(f.sub) or self.spelled_subscript(f.sub)
            fn = self.function_object(f"{word}_{key}") if key else None
            if fn is not None:
                return self.apply(fn, replace(f, sub=None), g)
        if word in _POWERED_BEFORE and f.sub is None and f.sup is not None and not f.primes and not f.bangs:
            arg = self.value(self.only(g.base.elements, g.base))        # \operatorname{sech}^2(u): (sech u)²
            return self.after_call(self.elementary(word, f, arg), g)      # (a positive whole power only)
        if not f.plain:
            self.fail(f"{word} with a script before its parentheses", f)
        if word in voc.VECTOR_FUNCTIONS:
            return self.vector_function(word, g)
        if word == "diag":
            return self.after_call(self.diagonal(g), replace(g, sub=None))
        if word == "onehot":
            return self.one_hot(g)
        if word in ("max", "min"):
            return self.after_call(self.maxmin(word, f, g), g)
        arg = self.value(self.only(g.base.elements, g.base))
        return self.after_call(self.elementary(word, f, arg), g)

    def vector_function(self, word: str, g: Factor) -> sp.Expr:
        """softmax(z)_i = exp(z_i) / Σ_j exp(z_j); logsumexp(z) = log Σ_j exp(z_j) (j over z's range,
        1 to n unless the document gave z one).  The argument may be an expression of vectors
        (``\\mathrm{softmax}(\\mathbf{z} + c)``, ``\\mathrm{LSE}([1, 2])``): its entry j is read
        with the vectors at j (a lone name, a bold or listed name, a family of the document)."""
        if len(g.base.elements) > 1:                         # LSE(a, b) = log(e^a + e^b): its entries listed
            return self.vector_function_of_list(word, g)
        arg = self.only(g.base.elements, g.base)
        f = lone_factor(arg)
        index = self.index_value(g.sub) if g.sub is not None else None
        if is_name_factor(f) and f.sup is None and not f.primes and not f.bangs and f.sub is not None:
            return self.vector_function_of_entry(word, g, f, index)
        whole = word == "softmax" and index is None          # the vector softmax(z), read at the entry
        if whole:
            if self.opaque or self.entry is None:
                raise VectorValued("softmax of a vector is a vector: the relation is read entrywise",
                                   self.tex[g.start:g.end])
            index = self.entry
        if word != "softmax" and index is not None:
            self.fail(f"{word} of a vector has no entries", g)
        named = f.base.text if is_name_factor(f) and f.plain else None
        vectors = frozenset({named} if named else self.ctx.families)
        j = self.fresh_index(index if index is not None else sp.Integer(0),
                             sp.IndexedBase(named) if named else None)
        with self.at_entry(j, vectors) as ranges:
            at_j = self.value(arg)
        if j not in at_j.free_symbols:
            self.fail(f"{word} of an expression without a vector in it (which name is the vector?)", g)
        span = self.entry_span(ranges, g) or (sp.Integer(1), self.ctx.dimension)
        if whole:
            self.ranges.append(span if span != (sp.Integer(1), self.ctx.dimension) else None)
        if named and span == (sp.Integer(1), self.ctx.dimension):       # the form softmax() builds
            base = self.indexed_base(named, f)
            value = softmax(base, index, (j, 1, self.ctx.dimension)) if word == "softmax" \
                else logsumexp(base, (j, 1, self.ctx.dimension))
            return self.after_call(value, replace(g, sub=None))
        total = self.sum_over(sp.exp(at_j), j, span)
        if word == "softmax":
            with self.at_entry(index, vectors):
                at_i = self.value(arg)
            value = sp.exp(at_i) / total
        else:
            value = sp.log(total)
        return self.after_call(value, replace(g, sub=None))

    def one_hot(self, g: Factor) -> sp.Expr:
        """``\\mathrm{onehot}(t)``: the vector whose entry i is δ(i, t) (``onehot(t)_k`` is δ(k, t))."""
        label = self.index_value(self.only(g.base.elements, g.base))
        if g.sub is not None:
            return self.after_call(sp.KroneckerDelta(self.index_value(g.sub), label), replace(g, sub=None))
        if self.opaque or self.entry is None:
            raise VectorValued("onehot(…) is a vector: the relation is read entrywise", self.tex[g.start:g.end])
        self.ranges.append(None)
        return self.after_call(sp.KroneckerDelta(self.entry, label), g)

    @staticmethod
    def sum_over(body: sp.Expr, j: sp.Symbol, span: tuple[sp.Expr, sp.Expr]) -> sp.Expr:
        """Σ_j body over the span: written out for a short concrete range, a Sum otherwise."""
        lo, hi = span
        if lo.is_Integer and hi.is_Integer and 0 <= hi - lo < 20:
            return sp.Add(*(body.xreplace({j: sp.Integer(r)}) for r in range(int(lo), int(hi) + 1)))
        return sp.Sum(body, (j, lo, hi))

    def vector_function_of_list(self, word: str, g: Factor) -> sp.Expr:
        """``\\mathrm{LSE}(a, b)`` = log(e^a + e^b); ``\\mathrm{softmax}(a, b)_1`` = e^a/(e^a + e^b): the
        vector of the listed values (an entry by a number only: which entry a letter names is not
        guessed)."""
        values = [self.value(self.only([e], g)) for e in g.base.elements]
        total = sp.Add(*(sp.exp(v) for v in values))
        if word != "softmax":
            if g.sub is not None:
                self.fail(f"{word} of a vector has no entries", g)
            return self.after_call(sp.log(total), g)
        index = self.index_value(g.sub) if g.sub is not None else None
        if index is None or not index.is_Integer or not 1 <= int(index) <= len(values):
            self.fail("softmax of listed values at an entry that is not one of their positions (write "
                      "\\mathrm{softmax}(a, b)_1)", g)
        return self.after_call(sp.exp(values[int(index) - 1]) / total, replace(g, sub=None))

    def vector_function_of_entry(self, word: str, g: Factor, f: Factor, index: sp.Expr | None) -> sp.Expr:
        """``softmax(z_i)`` (entry i of softmax(z)); ``logsumexp(z_i)`` is refused."""
        base = self.indexed_base(f.base.text, f)
        entry = self.indices(f.sub)
        if len(entry) != 1:
            self.fail(f"{word} of an entry with several indices", f)
        if word != "softmax":
            self.fail(f"{word} of a vector has no entries", g)
        if index is not None:
            self.fail("softmax of an entry with a subscript after it", g)
        span = self.length_of(f.base.text)
        j = self.fresh_index(entry[0], base)
        if span is None:
            value = softmax(base, entry[0], (j, 1, self.ctx.dimension))
        else:
            value = sp.exp(base[entry[0]]) / self.sum_over(sp.exp(base[j]), j, span)
        return self.after_call(value, replace(g, sub=None))

    def fresh_index(self, index: sp.Expr, base: sp.IndexedBase | None) -> sp.Symbol:
        """The summation index of softmax: the first of j, k, l … written nowhere in the input."""
        taken = {str(s) for s in index.free_symbols} | ({str(base.label)} if base is not None else set()) \
            | set(self.letters) | ({str(self.entry)} if self.entry is not None else set())
        for name in FRESH_INDICES:
            if name not in taken:
                return sp.Symbol(name, integer=True)
        return sp.Symbol("j_", integer=True)

    def normal_density(self, f: Factor, g: Factor) -> sp.Expr:
        """``\\mathcal{N}(x \\mid \\mu, \\sigma^2)`` / ``\\mathcal{N}(x; \\mu, \\sigma^2)``: the normal density at x
        (one dimension: x, μ and σ² read as numbers).  ``\\mathcal{N}(\\mu, \\sigma^2)`` alone is a
        distribution, not a number."""
        group = g.base
        if len(group.elements) == 2 and group.separators[0] == "," and not group.given and not group.semicolon \
                and f.plain and g.sub is None and g.sup is None and not g.primes:
            with self.opaque_arguments():     # \mathcal{N}(\mu, \sigma^2): the distribution (compared in a KL)
                mean, variance = (self.value(self.only([e], g)) for e in group.elements)
            return distributions.Normal(mean, variance)
        if len(group.elements) != 3 or group.separators[0] not in ("|", ";") or group.separators[1] != ",":
            self.fail("a normal distribution N(μ, σ²) is not a number (its density at x is N(x | μ, σ²))", f, g)
        vector = any(is_name_factor(e) and (e.base.text in self.ctx.vectors or e.base.text in self.ctx.matrices)
                     for element in group.elements for e in [lone_factor(element)])
        if vector or re.search(r"\\(?:mathbf|boldsymbol|bm|vec)\b|\\Sigma\b", self.tex[g.start:g.end]):
            self.fail("a multivariate normal density (only one dimension is read)", f, g)
        with self.opaque_arguments():
            x, mean, variance = (self.value(self.only([e], g)) for e in group.elements)
        if variance.is_nonpositive:
            self.fail("a normal density with a variance that is not positive", f, g)
        return sp.exp(-(x - mean) ** 2 / (2 * variance)) / sp.sqrt(2 * sp.pi * variance)

    def call_name(self, f: Factor, g: Factor) -> sp.Expr:
        """``f(x)`` with f a name: an application, the sigmoid, f'(x), or a product."""
        name = f.base.text
        at_outcome = self.at_outcome(f, g)
        if at_outcome is not None:
            return self.after_call(at_outcome, g)
        probability = self.probability_name(f, g)
        if probability is not None and (g.base.given or not self.function_object(probability)):
            return self.probability(probability, g)
        if name == "N_cal" and f.plain and not self.declared("N_cal") and self.function_object("N_cal") is None:
            return self.after_call(self.normal_density(f, g), g)
        if g.base.given:
            self.fail(f"a conditional bar in {self.tex[f.start:g.end]}: only probabilities P(a | b), p(y | x) "
                      f"are read (a conditional expectation, or a function of a condition?)", f, g)
        full: str | None = name
        if f.sub is not None:
            key = self.name_subscript(f.sub) or self.spelled_subscript(f.sub)
            full = f"{name}_{key}" if key else None
        own = self.function_object(name)
        if f.sub is not None and own is not None and name in self.ctx.entry_functions and g.sub is None \
                and (full is None or self.function_object(full) is None):
            if f.sup is not None or f.primes and len(g.base.elements) != 1:   # p_j(T) of p_i(T) := …: entry j
                self.fail("a script or a prime between an entry function's name and its argument", f)   # of p at T
            # (a prime alone, H_b'(p) of H_b(p) := …: the derivative in the one argument, entry by entry)
            argument = self.tex[g.start:g.end].replace("\\left", "").replace("\\right", "").strip()
            spaced = re.search(r"\\[,;:! ]|\\[bB]igg?[lr]?\s*$", self.tex[f.end:g.start]) \
                or re.match(r"\\[bB]igg?[lr]?", argument)
            index = self.tex[f.sub.start:f.sub.end].strip("_{} ") if f.sub is not None else ""
            same_entry = bool(re.fullmatch(r"[A-Za-z]", index)) and re.search(
                rf"(?<![A-Za-z\\])\\?[A-Za-z]+\s*_\s*\{{?\s*{index}\s*\}}?(?![A-Za-z])", argument) is not None \
                and re.search(r"(?<!\^)(?<!_)[+\-]", argument[1:-1]) is not None
            if (written_as_entry(name).search(argument) or re.search(r"\\delta\s*_", argument) or same_entry) \
                    and len(g.base.elements) == 1 and (g.sup is None or same_entry) and g.sub is None and not g.primes:
                # (p_i (z_i − z̄) of p_i(τ) := …: a sum that holds an entry at the same index i: a product)
                # p_i(δ_ij − p_j), p_i(1 − p_i) after p_i(T) := …: p at T = (an expression in p itself, or a
                # Kronecker delta) would be circular: the entry times (…)
                return self.factor(replace(f, sup=None)) * self.after_call(
                    self.value(self.only(g.base.elements, g.base)), g)      # (p_j (z_j − z̄)^2: the square of (…))
            if spaced or len(g.base.elements) != 1 or re.search(r"(?<!\^)(?<!_)[+\-]", argument[1:-1]):
                # p_i(1 - p_i), p_i\,\big(\bar z(T) - z_i\big) after p_i(T) := …: p_i at that value, or p_i times
                # it? (p_j(T), p_i(2T), p_i(T/2) are calls: no sum, no spacing, no sized parentheses)
                self.fail(f"{self.tex[f.start:g.end]}: the entry function {name} at that value, or an entry times "
                          f"(…)? (write \\cdot for a product)", f, g)
            return self.apply(own, replace(f, sub=None), replace(g, sub=f.sub))
        fn = self.function_object(full) if full else None
        if fn is not None:
            if f.sup is not None:
                self.fail("a superscript between a function's name and its argument", f)
            return self.apply(fn, f, g)
        if name == "B" and "beta" in self.ctx.special and len(g.base.elements) == 2 and not f.primes \
                and f.sub is None and f.sup is None and not self.declared("B") and "B" not in self.ctx.functions \
                and not g.base.given and not g.base.semicolon and g.base.separators[0] == ",":
            # B(a, b) where the words name the Beta function (and the text neither declares nor defines B)
            return self.after_call(sp.beta(*(self.not_huge(self.value(self.only([e], g.base)), f)
                                             for e in g.base.elements)), g)
        special = self.special_function(name, f)
        if special is not None and len(g.base.elements) == 1:
            # Γ(α) the gamma function; ψ(α), ψ'(α) the digamma and trigamma where the words name the digamma
            return self.after_call(special(self.not_huge(self.value(self.only(g.base.elements, g.base)), f)), g)
        if f.primes and name == "sigma" and f.sub is None and f.sup is None and not self.declared("sigma") \
                and len(g.base.elements) == 1:                               # σ'(x): the sigmoid's derivative
            arg = self.value(self.only(g.base.elements, g.base))
            return self.after_call(self.derivative_at(sigmoid, f.primes, arg, f, g), g)
        if f.primes:
            renamed = self.primed(f)        # y'_j(δ_jk − p_k) of a y' the document names: an entry times (…)
            if renamed.primes or f.sub is None:
                self.fail("a prime on a name that is not a declared function (define f(x) := … first)", f)
            f, name = renamed, renamed.base.text
            full = f"{name}_{key}" if key else None
        if name == "sigma" and f.sub is None and f.sup is not None and not f.primes and not self.declared("sigma") \
                and self.inverse_mark(f.sup) and len(g.base.elements) == 1 and g.sub is None:
            # σ^{-1}(p): the sigmoid's inverse, the logit log(p / (1 − p)) (for 0 < p < 1, where it is real)
            return self.after_call(logit(self.value(self.only(g.base.elements, g.base))), g)
        if name == "sigma" and f.sub is None and f.sup is None and not self.declared("sigma"):
            if g.sub is not None:
                self.fail("\\sigma(z)_i: a sigmoid has no entries (softmax? write \\mathrm{softmax}(z)_i)", g)
            return self.after_call(sigmoid(self.value(self.only(g.base.elements, g.base))), g)
        shown = self.tex[f.start:g.end]
        if len(g.base.elements) > 1:
            self.fail(f"'{shown}' looks like a function application but {full or name} is not a "
                      f"declared function", f, g)
        inner = self.only(g.base.elements, g.base)
        declared = any(key in self.names and not isinstance(self.names[key], sp.FunctionClass)
                       for key in ({full, name} if f.sub is None else {full}) if key)   # a declared scalar times (…)
        if not declared and full is not None and f.sub is not None and f.sup is None \
                and self.tex[f.sub.start:f.sub.end].strip("_{} ") in _PARAMETER_SUBSCRIPTS \
                and name not in self.ctx.families and name not in self.ctx.vectors:
            # s_\theta(x), q_\phi(z): a function with its parameters as a subscript (a model, a score)
            return self.apply(sp.Function(full, real=True), replace(f, sub=None), g)
        if not declared and self.single_name(inner):
            self.fail(f"'{shown}': a function value or a product? (declare {full or name} as a function, "
                      f"or write {full or name} \\cdot (…))", f, g)
        if not declared and name in _FUNCTION_LETTERS and f.sup is None and _one_term(self.tex[g.start:g.end]) \
                and not re.search(r"\\[,;:! ]", self.tex[f.end:g.start]):
            # f(\log x), f_Y(\log x), g(2x), p_X(x^2): a function at one term as much as a product (p(1 - p),
            # x(x + 1): a sum in the parentheses, a product)
            self.fail(f"'{shown}': a function value or a product? (declare {full or name} as a function, "
                      f"or write {full or name} \\cdot (…))", f, g)
        if not declared and name in _CAPITAL_GREEK:      # \Gamma(n + 1), \Phi(x - \mu): names of functions
            self.fail(f"'{shown}': a function value or a product? (\\{name} is not declared: declare it as a "
                      f"function, or write \\{name} \\cdot (…))", f, g)
        other = self.factor(g)
        entry = f.sub is not None and self.name_subscript(f.sub) is None and name in self.ctx.families and not f.primes
        euler_power = name == "e" and f.sup is not None and f.sub is None and not f.primes and not self.declared("e") \
            and "e" not in self.ctx.functions    # e^{-3}(1 + 3): a power of Euler's number times (…), no function's value
        if not declared and not other.free_symbols and not entry and not euler_power:
            # \Gamma(-1/2), F(0.5): a value at a number, or a product? (p_i (1 - 1) of a family p: an entry times it)
            self.fail(f"'{shown}': a function value at a number or a product? (declare {full or name} as a "
                      f"function, or write {full or name} \\cdot (…))", f, g)
        if getattr(self, "bare_head", None) is f:          # \tanh x (1 - y): where does tanh's argument end?
            self.fail("an ambiguous argument of a function written without parentheses: where does it end? "
                      f"('{shown}' is a product: put the argument in parentheses, \\tanh(x)(…) or \\tanh(x(…)))", f, g)
        return self.factor(f) * other

    def not_huge(self, value: sp.Expr, where) -> sp.Expr:
        """``value`` as the argument of a special function, unless it is a number above 1,000 (Γ(100000),
        ψ(100000) are exact numbers SymPy would spend minutes building)."""
        if value.is_Rational and abs(value) > 1000:
            self.fail("a special function of a number above 1,000 (its exact value is too large to build)", where)
        return value

    def special_function(self, name: str, f: Factor):
        """The special function ``\\Gamma`` (unless the document declares or defines Γ, or writes it alone as a name
        of its own: ``Context.special`` holds "Gamma_name") or ``\\psi``
        (the digamma, its primes the polygammas, where the document's words name the digamma: ψ is an
        influence function, a feature map elsewhere) or ``\\Phi`` (the standard normal CDF, its prime the density,
        where the words name it so) names, as a map of the argument; None otherwise."""
        if f.sub is not None or f.sup is not None or self.declared(name) or name in self.ctx.functions:
            return None
        if name == "Gamma" and not f.primes and "Gamma_name" not in self.ctx.special:
            return sp.gamma
        if name == "psi" and "digamma" in self.ctx.special:
            return sp.digamma if not f.primes else (lambda x, n=f.primes: sp.polygamma(n, x))
        if name == "Phi" and "normal_cdf" in self.ctx.special:
            return lambda x, n=f.primes: normal_cdf(x, n)
        if name in ("varphi", "phi") and f"normal_pdf:{name}" in self.ctx.special:   # φ the standard normal density
            return lambda x, n=f.primes: normal_cdf(x, n + 1)
        return None

    def at_outcome(self, f: Factor, g: Factor) -> sp.Expr | None:
        """``p(x)``, ``E(x)``, ``p_\\beta(x)``, ``q(x')`` at an outcome the document sums over
        (``Context.outcomes``), of a name it does not define as a function: the entry ``p[x]`` of a family
        indexed by the outcomes, at x the integer index (as a sum over x binds it).  None otherwise."""
        group = g.base
        if not self.ctx.outcomes or not isinstance(group, Group) or group.kind != "paren" or group.given \
                or group.semicolon or len(group.elements) != 1 or g.sub is not None \
                or g.primes or f.primes or f.sup is not None or f.bangs or not isinstance(f.base, Leaf) \
                or f.base.kind not in ("LETTER", "GREEK", "NAME"):
            return None
        point = lone_factor(group.elements[0])
        if point is None or not isinstance(point.base, Leaf) or point.base.kind != "LETTER" \
                or point.base.text not in self.ctx.outcomes or point.sub is not None or point.sup is not None \
                or point.bangs or point.primes > 1:
            return None
        name = f.base.text
        full = name
        if f.sub is not None:
            key = self.name_subscript(f.sub)
            if key is None:
                return None                  # p_i(x): an entry function, or an entry times (x)
            full = f"{name}_{key}"
        if name in ("sigma", "exp", "log", "ln") or self.function_object(full) is not None \
                or self.function_object(name) is not None or name in _CAPITAL_GREEK and full == name:
            return None
        declared = self.names.get(full)
        letter = point.base.text + ("_prime" if point.primes else "")
        if declared is None or isinstance(declared, sp.IndexedBase):
            return self.indexed_base(full, f)[self.index_symbol(letter, point)]
        if f.base.kind == "GREEK" and isinstance(declared, sp.Symbol) and not declared.is_integer:
            return sp.IndexedBase(full, real=True)[self.index_symbol(letter, point)]   # ("a policy $\pi$": π(x))
        return None

    @staticmethod
    def single_name(node: Node) -> bool:
        """A name (perhaps with a subscript) or a number alone: ``(y)``, ``(y_i)``, ``(1)``; a name of a
        point or an iterate counts (``(x')``, ``(x^{(i)})``)."""
        f = lone_factor(node)
        if f is None or f.primes > 1 or f.bangs:
            return False
        if f.sup is not None:
            inner = lone_factor(f.sup)
            if inner is None or not isinstance(inner.base, Group) or inner.base.kind != "paren" or f.primes:
                return False
            f = replace(f, sup=None)
        if f.primes:
            f = replace(f, primes=0)
        return is_name_factor(f) or (isinstance(f.base, Leaf) and f.base.kind == "NUMBER" and f.sub is None)

    def function_object(self, name: str) -> sp.FunctionClass | None:
        declared = self.names.get(name)
        if isinstance(declared, sp.FunctionClass):
            return declared
        if name in self.functions:
            return sp.Function(name, real=True)
        return None

    def apply(self, fn: sp.FunctionClass, f: Factor, g: Factor) -> sp.Expr:
        with self.opaque_arguments():
            args = [self.value(self.only([e], g)) for e in g.base.elements]
        entry = None
        if g.sub is not None and str(fn) in self.ctx.entry_functions:       # σ(z)_k, σ defined entrywise
            entry = self.index_value(g.sub)
            args.append(entry)
            g = replace(g, sub=None)
        if not f.primes:
            return self.after_call(fn(*args), g)
        if entry is not None and len(args) == 2:        # H_b'(p) of H_b(p) := …: in the argument, at the entry
            return self.after_call(self.derivative_at(lambda t: fn(t, entry), f.primes, args[0], f, g, known=False), g)
        if len(args) != 1:
            self.fail(f"{fn}'(…) of several arguments: with respect to which? (write \\frac{{\\partial {fn}}}"
                      f"{{\\partial x}})", f, g)
        return self.after_call(self.derivative_at(fn, f.primes, args[0], f, g, known=False), g)

    def derivative_at(self, fn, order: int, arg: sp.Expr, f: Factor, g: Factor, known: bool = True) -> sp.Expr:
        """``f'(x)``, ``f''(x)``: the derivative of a function of one argument, at ``arg``.

        At a variable x it is ``Derivative(fn(x), (x, order))``, unevaluated.  At any other argument
        (``\\sigma'(0)``, ``f'(a + b)``) it is the derivative at a fresh variable t with ``t = arg``:
        for a function whose formula is known (σ, tanh, softplus, exp, log …) computed and
        substituted (``\\sigma'(0)`` is 1/4); for a function of the document, whose definition is
        unfolded later, ``Subs(Derivative(fn(t), t), t, arg)`` (t a Dummy: no name of the document
        can be captured when fn's definition is put in)."""
        if isinstance(arg, sp.Symbol):
            return sp.Derivative(fn(arg), (arg, order), evaluate=False)
        if arg.atoms(sp.IndexedBase) - {e.base for e in arg.atoms(sp.Indexed)}:
            self.fail("a derivative at a vector (only a function of one real argument is differentiated)", f, g)
        if order > MAX_ORDER_AT_POINT:
            self.fail(f"a derivative of order {order} at a point (orders up to {MAX_ORDER_AT_POINT} are read)", f, g)
        t = sp.Dummy("t", real=True)
        if known:
            return sp.diff(fn(t), (t, order)).subs(t, arg)
        return sp.Subs(sp.Derivative(fn(t), (t, order), evaluate=False), t, arg)

    def elementary(self, name: str, f: Factor, arg: sp.Expr) -> sp.Expr:
        """An elementary function with the scripts of its name: ``\\log_2``, ``\\sin^2``."""
        if name == "lg":
            self.fail("\\lg: the logarithm to base 2 or base 10? (write \\log_2 or \\log_{10})", f)
        if f.primes:                                                        # \tanh'(x), \log'(2)
            if name in ("ReLU", "relu"):
                self.fail("the derivative of the ReLU (it has none at 0, and notes fix ReLU'(0) by convention: "
                          "0, 1 or 1/2; write the case, 1\\{x > 0\\})", f)
            if f.sub is not None or f.sup is not None:
                self.fail(f"a prime and a script on \\{name} (write (\\{name}'(x))^2 or the derivative "
                          f"\\frac{{d}}{{dx}})", f)
            return self.derivative_at(_FUNCTIONS[name], f.primes, arg, f, f)
        base = None
        if f.sub is not None:
            if name != "log":
                self.fail(f"a subscript on \\{name}", f)
            base = self.value(f.sub)
        elif name == "log" and self.ctx.log_base is not None:      # "log denotes the logarithm to base 2"
            base = sp.Integer(self.ctx.log_base)
        value = sp.log(arg, base) if base is not None else _FUNCTIONS[name](arg)
        collected = _WRITTEN_LOGARITHMS.get()
        if collected is not None and name in ("log", "ln"):
            collected.append(arg)
        if f.sup is not None:
            n = lone_leaf(f.sup, ("NUMBER",))
            if n is None:
                power = self.value(f.sup)
                if power == -1:
                    self.fail(f"\\{name}^{{-1}}: the inverse function or the reciprocal?", f)
                self.fail(f"a superscript on \\{name} that is not a positive whole power", f)
            value = value ** sp.Integer(n.text)
        return value
