"""The reader: syntax nodes (:mod:`softsym.latex.syntax`) → SymPy objects, with the conventions.

:class:`Reader` folds products, reads names, indices, groups, fractions and powers; operators
(:mod:`.operators`) and applications (:mod:`.applications`) are its mixins.  Conventions:

* names — a letter or Greek letter is ``Symbol(name, real=True)`` unless ``Context.names`` declares
  it; ``e`` is Euler's number and ``\\pi`` is π unless declared; the name of
  ``Context.dimension`` is that symbol everywhere;
* runs — adjacent plain letters (``xy``, ``thus``) are refused, except a run of two declared letters
  (their product) and ``exp log ln softmax sigmoid tanh max min`` before ``(``;
* indices — a subscript made of letters, numbers and arithmetic is an entry ``IndexedBase(x)[i]``
  (``z_{ij}`` and ``z_{i,j}`` are ``z[i, j]``); a letter read as an index or a range bound is
  ``Symbol(k, integer=True)``; a Greek, word or decorated subscript makes a distinct name
  (``h_\\theta`` → ``h_theta``, ``x_{\\text{max}}`` → ``x_max``); ``\\delta_{ij}`` is KroneckerDelta;
* application — ``name(…)`` applies the name when it is a declared function, the sigmoid for an
  undeclared ``\\sigma``, a known function; otherwise it is a product, refused when the
  parentheses hold a single name (``T(y)``) or a list, unless the name is declared;
* operators — ``\\sum``, ``\\prod``, ``\\lim``, ``\\max_{…}`` and ``\\frac{\\partial}{\\partial x}``
  take the rest of the product (up to the next top-level ``+``/``-``); a bare ``\\log x`` takes one
  factor (more factors are refused as ambiguous);
* ``a / b c`` is refused (is ``c`` in the denominator?);
* ``a^T b`` / ``a^\\top b`` is ``dot(a, b)`` (an uninterpreted real function);
* sizes — integer exponents beyond 10,000 in magnitude and numbers beyond about 30,000 digits are
  refused before SymPy computes them.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import NoReturn

import sympy as sp

from . import vocabulary as voc
from .applications import ApplicationReading
from .context import Context
from .errors import Unparsed
from .ellipsis import EllipsisReading, is_ellipsis
from .lexer import Scanned
from .operators import OperatorReading
from .probability import ProbabilityReading
from .cases import CasesReading
from .vectors import VectorReading
from .integrals import IntegralReading
from .syntax import (
    NAME_KINDS,
    Binom,
    Expr,
    Factor,
    Frac,
    Group,
    Leaf,
    Node,
    Product,
    Relation,
    Seq,
    SignScript,
    Sqrt,
    as_factor,
    is_gap,
    is_name_factor,
    is_op,
    is_paren,
    items_of,
    lone_factor,
    lone_leaf,
)

MAX_EXPONENT = 10_000
MAX_BITS = 100_000           # about 30,000 decimal digits
MAX_FACTORIAL = 1_000
MAX_LEVEL = 400              # nested readings (a TeX nesting level costs a few)


class Reader(OperatorReading, ApplicationReading, ProbabilityReading, EllipsisReading, VectorReading,
             CasesReading, IntegralReading):
    """Reads one expression with the declarations of a ``Context``."""

    def __init__(self, context: Context, tex: str, letters: frozenset[str] = frozenset(),
                 scanned: Scanned | None = None) -> None:
        self.ctx = context
        self.tex = tex
        self.names = dict(context.names)
        self.functions = {f.lstrip("\\") for f in context.functions}
        self.letters = letters          # every plain letter written in the input (for fresh indices)
        self.bold = scanned.bold if scanned is not None else frozenset()
        self.cases = scanned.cases if scanned is not None else ()
        self.entry = context.entry      # vector-valued pieces are read at this entry (None: refused)
        self.column = context.column    # … and matrices at (entry, column)
        self.extra_vectors: frozenset[str] = frozenset()
        self.opaque = 0                 # inside arguments where a vector stays a name
        self.ranges: list = []          # index ranges of the vector-valued pieces read at the entry
        self.binding: list[str] = []    # the names the sums and products being read bind
        self.guesses: list[str] = []    # readings that are likely but not certain (a refutation is not trusted)
        self.differentiating = 0        # inside what a derivative differentiates (L alone is L(w) there)
        self.words = context.words      # multi-letter words the document uses as names
        self.index_mode = False
        self.level = 0
        self.operators = 0
        self._derivatives: dict[int, tuple | None] = {}
        self.d_letters = sum(1 for t in scanned.tokens if t.type == "LETTER" and t.value == "d") \
            if scanned is not None else 0       # letters d written (dL/dz: is d anything else?)

    def fail(self, reason: str, node: Node | None = None, end: Node | None = None) -> NoReturn:
        if node is None:
            raise Unparsed(reason, self.tex)
        stop = (end or node).end
        raise Unparsed(reason, self.tex[node.start:stop])

    @contextmanager
    def deeper(self, node: Node) -> Iterator[None]:
        self.level += 1
        if self.level > MAX_LEVEL:
            self.fail("nesting deeper than 100 levels", node)
        try:
            yield
        finally:
            self.level -= 1

    @contextmanager
    def indexing(self) -> Iterator[None]:
        """Read letters as integer indices inside the block."""
        old, self.index_mode = self.index_mode, True
        try:
            yield
        finally:
            self.index_mode = old

    def declared(self, name: str) -> bool:
        return name in self.names or name in self.functions

    def read(self, top: Seq) -> sp.Expr:
        """The expression of a whole input (a relation or a list is refused, so is an undefined value)."""
        value = self.value(self.only(top.elements, top, top_level=True))
        if value.has(sp.zoo, sp.nan):
            self.fail("an undefined value (a division by zero, a log of 0 or to base 1, ∞ − ∞)", top)
        return value

    def only(self, elements: list[Node], where: Node, top_level: bool = False) -> Node:
        """The single expression of a comma list (refusing lists and relations)."""
        if getattr(where, "given", False):
            self.fail("a conditional bar '|' outside a probability P(a | b) (a conditional expectation "
                      "or another function of a condition is not read)", where)
        if len(elements) != 1:
            if getattr(where, "semicolon", False):
                self.fail("a ';' between arguments of a name that is not a declared function "
                          "(p(y; \\theta): define p(y; \\theta) := … first)", where)
            what = "a list of expressions" if top_level else "a list (a, b) where one expression was expected"
            self.fail(f"{what} (a point, an interval, a vector or a set?)", where)
        node = elements[0]
        if isinstance(node, Relation):
            op = node.ops[0]
            raise Unparsed("a relation inside an expression", self.tex[op.start:op.end])
        return node

    def value(self, node: Node) -> sp.Expr:
        """The SymPy value of any expression node."""
        with self.deeper(node):
            if isinstance(node, Seq):
                return self.value(self.only(node.elements, node))
            if isinstance(node, Relation):
                self.only([node], node)
            if isinstance(node, Expr):
                return self.expr(node)
            if isinstance(node, Product):
                return self.product(node.items, node)
            if isinstance(node, SignScript):
                self.fail("a lone sign (write x^{-1}, not x^-1)", node)
            return self.product([as_factor(node)], node)

    def index_value(self, node: Node) -> sp.Expr:
        """A subscript or range bound: letters are integer symbols; the value must not be a non-integer."""
        with self.indexing():
            v = self.value(node)
        if v.is_integer is False and v not in (sp.oo, -sp.oo):
            self.fail("an index or range bound that is not an integer", node)
        return v

    def expr(self, node: Expr) -> sp.Expr:
        if node.lone_sign:
            self.fail("a sign with nothing after it", node)
        if any(is_ellipsis(prod) for _, prod in node.terms):
            return self.series(node)
        terms = []
        for sign, prod in node.terms:
            v = self.product(prod.items, prod)
            terms.append(-v if sign == "-" else v)
        return sp.Add(*terms)

    def product(self, items: list[Node], where: Node) -> sp.Expr:
        """Fold a product: operators take the rest, ``/`` takes one factor, juxtaposition multiplies."""
        factors: list[sp.Expr] = []
        op: Leaf | None = None
        after_div = thermal = False
        i = 0
        while i < len(items):
            item = items[i]
            if is_gap(item):
                self.fail("a wide space between two factors (\\quad): a product, or a condition or "
                          "comment after the formula? (write \\cdot for a product)", items[i - 1], items[i + 1])
            if is_op(item):
                if op is not None or not factors:
                    self.fail("an operator with nothing before it", op or item, item)
                op, i = item, i + 1
                continue
            start = item
            inline = self.inline_derivative(items, i)                    # \partial L / \partial b
            value, i = inline if inline is not None else self.next_factor(items, i)
            if op is not None and op.kind == "DIV":
                if inline is not None:
                    self.fail("a derivative ∂F/∂x after '/' (write \\frac{…}{…} or add parentheses)", op,
                              items[i - 1])
                if value == 0:
                    self.fail("a division by zero", op, items[i - 1])
                value, after_div = sp.Pow(value, -1), True
                thermal = _boltzmann(value.base if isinstance(value, sp.Pow) else value)
            elif op is None and after_div and thermal and _temperature(value):
                value, thermal = sp.Pow(value, -1), False   # E/k_B T: the thermal energy k_B T, one factor
            elif op is None and after_div:
                self.fail("after '/', is this factor in the denominator? (write \\frac{…}{…} or add "
                          "parentheses)", start, items[i - 1])
            else:
                after_div = inline is not None                           # ∂L/∂w x: x below the bar?
            factors.append(value)
            op = None
        if op is not None:
            self.fail("an operator with nothing after it", op)
        return self.mul(factors, where)

    def mul(self, factors: list[sp.Expr], where: Node) -> sp.Expr:
        bits = sum(f.p.bit_length() + f.q.bit_length() for f in factors if isinstance(f, sp.Rational))
        if bits > MAX_BITS:
            self.fail("a number too large to build (more than 30,000 digits)", where)
        if self.entry is not None and len(factors) > 1:
            self.no_matrix_product(factors, where)
        return sp.Mul(*factors)

    def no_matrix_product(self, factors: list[sp.Expr], where: Node) -> None:
        """Entrywise, a capital letter times a vector (``W\\mathbf{x}``) is a matrix product, not a
        scalar multiple: refused."""
        index = {self.entry, self.column} - {None}
        if not any(index & f.free_symbols for f in factors):
            return
        for f in factors:
            if isinstance(f, sp.Symbol) and f.name[:1].isupper() and f.name not in self.names \
                    and f != self.ctx.dimension and not f.is_integer:
                self.fail(f"{f.name} times a vector: a matrix product? (matrix products are not read)", where)

    def next_factor(self, items: list[Node], i: int) -> tuple[sp.Expr, int]:
        """The value of the factor starting at ``items[i]`` and the index after what it consumed."""
        item = items[i]
        if self.is_prefix(items, i):
            return self.prefix(items, i)
        nxt = items[i + 1] if i + 1 < len(items) else None
        run = self.letter_run(items, i)
        if len(run) > 1:
            return self.run(items, i, run)
        if self.is_expectation(item, nxt):
            return self.expectation(item, nxt), i + 2
        if is_paren(nxt) and self.callable(item):
            return self.call(item, nxt), i + 2
        if is_name_factor(item) and item.sup is None and not item.primes and isinstance(nxt, Factor) \
                and isinstance(nxt.base, Group) and nxt.base.kind == "bracket" and nxt.start == item.end \
                and len(nxt.base.elements) == 1 and self.single_name(nxt.base.elements[0]) \
                and not self.declared(item.base.text):
            self.fail(f"'{self.tex[item.start:nxt.end]}': a functional's value or a product? (write "
                      f"{self.tex[item.start:item.end]} \\cdot [...] for a product)", item, nxt)
        if self.is_max_of_set(item, nxt):
            return self.after_call(self.maxmin(item.base.text, item, nxt), nxt), i + 2
        if is_name_factor(item) and self.is_transpose(item.sup) and not self.is_euler(item):
            return self.transpose(items, i)
        indicator = self.indicator(item, nxt)
        if indicator is not None:
            value, used = indicator
            return value, i + used
        return self.factor(item), i + 1

    def letter_run(self, items: list[Node], i: int) -> list[Factor]:
        """Adjacent plain letters starting at ``items[i]`` (only the last may carry scripts)."""
        run: list[Factor] = []
        j = i
        while j < len(items):
            f = items[j]
            if not (isinstance(f, Factor) and isinstance(f.base, Leaf) and f.base.kind == "LETTER"):
                break
            if run and f.base.start != run[-1].base.end:
                break
            run.append(f)
            if not f.plain:
                break
            j += 1
        return run

    def run(self, items: list[Node], i: int, run: list[Factor]) -> tuple[sp.Expr, int]:
        word = "".join(f.base.text for f in run)
        after = i + len(run)
        nxt = items[after] if after < len(items) else None
        if word in voc.INFORMAL_FUNCTIONS and run[-1].plain and is_paren(nxt):
            word_leaf = Leaf(run[0].start, run[-1].end, "WORD", word)
            return self.call(Factor(word_leaf.start, word_leaf.end, base=word_leaf), nxt), after + 1
        if run[-1].plain and is_paren(nxt) and self.function_object(word) is not None:   # Loss(x), defined
            name_leaf = Leaf(run[0].start, run[-1].end, "NAME", word)
            return self.call_name(Factor(name_leaf.start, name_leaf.end, base=name_leaf), nxt), after + 1
        if word in voc.BARE_FUNCTIONS and run[-1].plain and nxt is not None and not is_op(nxt) \
                and not is_gap(nxt):                                       # log \frac{a}{b}, ln p_t
            func = Leaf(run[0].start, run[-1].end, "FUNC", voc.BARE_FUNCTIONS[word])
            spliced = [*items[:i], Factor(func.start, func.end, base=func), *items[after:]]
            value, k = self.bare_function(spliced, i)
            return value, k + len(run) - 1
        glued = self.glued_function(run)
        if glued is not None:                                              # lnp_t: ln(p_t)
            return glued, after
        if word in self.words:
            return self.symbol(word, run[0]), after
        if len(run) == 2 and all(f.base.text in self.names for f in run) or len(run) <= 3 and all(
                f.base.text in self.ctx.letters for f in run) and word not in voc.UNITS:   # 2ms^2 after m, s
            return self.factor(run[0]), i + 1
        self.fail(f"ambiguous run of letters '{word}': a word or a product? (write \\mathrm{{{word}}} "
                  f"for a function, or separate the factors)", run[0], run[-1])

    def glued_function(self, run: list[Factor]) -> sp.Expr | None:
        """``lnp_t``, ``logp_i``: a log glued to one letter (the letter's scripts are its argument's).
        Read as ``ln(p_t)``, noted as a guess (a refutation of the line is not trusted)."""
        word = "".join(f.base.text for f in run)
        for name in ("log", "ln", "exp"):
            if word.startswith(name) and len(word) == len(name) + 1:
                self.guesses.append(f"'{word}' read as {name}({word[-1]}…) (a function glued to its argument)")
                return self.elementary(voc.BARE_FUNCTIONS[name], run[0], self.factor(run[-1]))
        return None

    def symbol(self, name: str, where: Node) -> sp.Expr:
        """A bare name: declared object, index symbol, e, π, or a real symbol."""
        declared = self.names.get(name)
        if self.index_mode:
            return self.index_symbol(name, where)
        if declared is not None:
            if isinstance(declared, sp.FunctionClass):
                params = self.ctx.parameters.get(name)
                if not params or not self.differentiating and name not in self.ctx.bare:
                    self.fail(f"the function {name} without its argument", where)
                if not self.differentiating:     # "log Z" after Z(β) = …: Z(β), the usual shorthand, but a
                    self.guesses.append(          # worked example's "Z = 1 + e^{-1}" is Z at a value it names
                        f"{name} alone read as {name}({', '.join(params)}), the function at its own argument")
                return declared(*(sp.Symbol(p[:-2], real=True) ** 2 if p.endswith("^2")
                                  else self.indexed_base(p[:-2], where)[self.index_symbol(p[-1], where)]
                                  if p[-2:-1] == "_" else sp.Symbol(p, real=True)
                                  for p in params))    # ∂L/∂w: L(w); ℓ(μ, σ²) written alone: ℓ(μ, σ**2);
                # FL written alone after FL(p_t) := …: FL(p_t), the entry
            return declared
        if name == self.ctx.dimension.name:
            return self.ctx.dimension
        if name == "E_bb":
            self.fail("an expectation \\mathbb{E} without its argument [ … ]", where)
        if name == "e":
            return sp.E
        if name == "pi":
            return sp.pi
        return sp.Symbol(name, real=True)

    def index_symbol(self, name: str, where: Node, bound: bool = False) -> sp.Symbol:
        """A letter used as an index or a range bound: ``Symbol(name, integer=True)`` (or the declared
        integer symbol, or the dimension — except for a bound variable, which is its own symbol)."""
        declared = self.names.get(name)
        if isinstance(declared, sp.Symbol) and declared.is_integer:
            return declared
        if declared is not None and not isinstance(declared, sp.Symbol):
            self.fail(f"{name} is declared as an indexed family or a function, not an index", where)
        if name == self.ctx.dimension.name and not bound:
            return self.ctx.dimension
        return sp.Symbol(name, integer=True)

    def name_value(self, f: Factor) -> sp.Expr:
        """A name with its subscript (not its superscript): a symbol, an entry, a delta."""
        name = f.base.text
        if f.sub is None:
            if self.is_vector_name(f):
                return self.vector_entry(f)
            if self.is_matrix_name(f):
                if self.column is None and name not in self.ctx.matrices:
                    self.fail("a matrix (a bold capital) in a vector relation: matrix products are not read", f)
                return self.matrix_entry(f)
            return self.symbol(name, f)
        if name == "e" and f.base.start in self.bold and "e" not in self.names:
            self.fail("\\mathbf{e} with a subscript: the standard basis vector (1 at that index, 0 elsewhere) or an "
                      "entry of a vector e? (write 1\\{i = a\\} for the basis vector's entries)", f)
        key = self.name_subscript(f.sub) or self.label_subscript(f.sub) or self.family_subscript(f.sub) \
            or self.fraction_subscript(f.sub)
        if key is not None:
            return self.symbol(f"{name}_{key}", f)
        sign = self.script_sign(f.sub)
        if sign is not None:                # N_+, t_-: the positive and negative class's counts, targets
            if name in self.ctx.letters or name in self.names and not isinstance(self.names[name], sp.Symbol) \
                    or "parts" in self.ctx.special:        # (a text that speaks of positive parts: [x]_+)
                self.fail(f"{name}_{sign}: the positive part max({name}, 0) of {name}, or a name of its own?", f)
            return self.symbol(f"{name}_{'plus' if sign == '+' else 'minus'}", f)
        spelled = self.spelled_subscript(f.sub)
        if spelled is not None and f"{name}_{spelled}" in self.names:
            return self.names[f"{name}_{spelled}"]
        indices = self.indices(f.sub, name)
        if (name in self.ctx.matrices or name in self.ctx.paired) and len(indices) == 1 and indices[0].is_Integer \
                and indices[0] >= 10:
            digits = str(indices[0])              # J_{12} of a matrix J: row 1, column 2 (not entry 12)
            if len(digits) != 2 or "0" in digits:
                self.fail(f"an entry of the matrix {name} with a subscript {digits}: which row and column? "
                          f"(write {name}_{{i,j}})", f)
            indices = [sp.Integer(int(digits[0])), sp.Integer(int(digits[1]))]
        if name == "delta" and not self.declared("delta") and len(indices) == 2:
            return sp.KroneckerDelta(*indices)
        if name == "delta" and not self.declared("delta") and len(indices) > 2:
            self.fail("a Kronecker delta has two indices \\delta_{ij}", f)       # δ_t alone: an entry (a TD error)
        return self.indexed_base(name, f)[tuple(indices)]

    def indexed_base(self, name: str, where: Node) -> sp.IndexedBase:
        declared = self.names.get(name)
        if declared is None:
            return sp.IndexedBase(name, real=True)
        if isinstance(declared, sp.IndexedBase):
            return declared
        if isinstance(declared, sp.FunctionClass) and name in self.ctx.entry_functions:
            return sp.IndexedBase(name, real=True)    # p_i written alone beside p_i(T) := …: the family p
        self.fail(f"{name} is declared as a scalar or a function but used with an index "
                  f"(declare it an indexed family)", where)

    @staticmethod
    def name_subscript(sub: Node) -> str | None:
        """A subscript that names rather than indexes: Greek, a word, a decorated name, or capitals
        (``D_{KL}``)."""
        leaf = lone_leaf(sub, ("GREEK", "WORD", "NAME", "MAXMIN"))      # λ_{\max}: the largest λ, a name
        if leaf is not None and leaf.kind == "NAME" and len(leaf.text) == 6 and leaf.text.endswith("_star") \
                and leaf.text[0].islower():
            return None                         # z_{i^\star}: the entry at the index i*
        if leaf is not None:
            return leaf.text
        elements = sub.elements if isinstance(sub, Group) and sub.kind == "brace" else [sub]
        items = items_of(elements[0]) if len(elements) == 1 else None
        if items and len(items) > 1 and all(isinstance(it, Factor) and it.plain and isinstance(it.base, Leaf)
                                            and it.base.kind == "LETTER" and it.base.text.isupper()
                                            for it in items):
            return "".join(it.base.text for it in items)
        return None

    def label_subscript(self, sub: Node) -> str | None:
        """A capital letter that labels rather than indexes (``\\mu_B``): one the document never uses
        as a size (``Context.range_ends``) and never declared."""
        if self.ctx.range_ends is None or self.index_mode:
            return None
        leaf = lone_leaf(sub, ("LETTER",))
        if leaf is None or not leaf.text.isupper() or leaf.text in self.ctx.range_ends or leaf.text in self.names:
            return None
        return leaf.text

    def family_subscript(self, sub: Node) -> str | None:
        """Letters that name the document's data rather than index (``S_{xy}``, ``S_{xx}`` beside the
        samples ``x_i``, ``y_i``): a run of two or more letters, each the name of a family."""
        if self.index_mode:
            return None
        elements = sub.elements if isinstance(sub, Group) and sub.kind == "brace" else [sub]
        items = items_of(elements[0]) if len(elements) == 1 else None
        if items and len(items) > 1 and all(isinstance(it, Factor) and it.plain and isinstance(it.base, Leaf)
                                            and it.base.kind == "LETTER" and it.base.text in self.ctx.families
                                            for it in items):
            return "".join(it.base.text for it in items)
        return None

    def fraction_subscript(self, sub: Node) -> str | None:
        """A subscript that is a number but no integer (``t_{1/2}``, ``t_{\\frac12}``, ``q_{0.9}``): a label — the
        half-life, a quantile — never an entry (``half`` for 1/2, else ``1over3``, ``0p9``)."""
        text = re.sub(r"\s+", "", self.tex[sub.start:sub.end]).strip("{}")
        m = re.fullmatch(r"(\d+)/(\d+)|\\[dt]?frac\{?(\d+)\}?\{?(\d+)\}?|(\d*\.\d+)", text)
        if m is None:
            return None
        if m.group(5):
            return m.group(5).replace(".", "p") if "." in m.group(5) and float(m.group(5)) % 1 else None
        top, bottom = (int(m.group(1) or m.group(3)), int(m.group(2) or m.group(4)))
        if bottom == 0 or top % bottom == 0:
            return None
        return "half" if (top, bottom) == (1, 2) else f"{top}over{bottom}"

    @staticmethod
    def spelled_subscript(sub: Node) -> str | None:
        leaf = lone_leaf(sub, ("LETTER", "NUMBER"))
        return leaf.text if leaf is not None else None

    def indices(self, sub: Node, name: str | None = None) -> list[sp.Expr]:
        """``i``, ``1``, ``{k+1}``, ``{i,j}``, ``{ij}`` → the index expressions.  A digit then a letter is
        a row and a column (``\\delta_{1j}``, ``J_{1j}``; ``J_{2k}`` of a family the text writes with two
        indices or a matrix), never 1·j; ``x_{2k}`` of any other family is the entry 2k."""
        elements = sub.elements if isinstance(sub, Group) and sub.kind == "brace" else [sub]
        if len(elements) == 1:
            items = items_of(elements[0])
            if items and len(items) == 2 and all(isinstance(it, Factor) and it.plain and isinstance(it.base, Leaf)
                                                 for it in items) \
                    and items[0].base.kind == "NUMBER" and len(items[0].base.text) == 1 and items[0].base.text.isdigit() \
                    and items[1].base.kind == "LETTER" and (
                        items[0].base.text == "1" or name == "delta" and not self.declared("delta")
                        or name in self.ctx.paired or name in self.ctx.matrices):
                return [sp.Integer(int(items[0].base.text)), self.index_symbol(items[1].base.text, items[1])]
            if items and len(items) > 1 and all(
                    isinstance(it, Factor) and it.plain and isinstance(it.base, Leaf)
                    and it.base.kind == "LETTER" for it in items):
                if len(items) > 2:
                    self.fail("a run of letters in a subscript: separate the indices with commas", sub)
                return [self.index_symbol(it.base.text, it) for it in items]
        out = []
        for e in elements:
            if isinstance(e, Relation):
                self.fail("a condition in a subscript", e)
            out.append(self.index_value(e))
        return out

    def bare_name(self, node: Node) -> str | None:
        leaf = lone_leaf(node, NAME_KINDS)
        return leaf.text if leaf is not None else None

    def factor(self, f: Factor) -> sp.Expr:
        """A factor read alone (no application, no transpose, no indicator around it)."""
        f = self.iterate(self.primed(self.labelled(self.transpose_of_list(f))))
        base = f.base
        if f.primes:
            self.fail("a prime outside f'(x) (where f is a declared function)", f)
        if isinstance(base, Leaf):
            value = self.leaf(base, f)
        else:
            if f.sub is not None and isinstance(base, Group) and base.kind == "norm" \
                    and getattr(lone_leaf(f.sub, ("NUMBER",)), "text", None) == "2":
                f = replace(f, sub=None)            # ‖w‖_2: the Euclidean norm, as ‖w‖
            if f.sub is not None:
                self.fail("a subscript on an expression (an entry of a vector result?)", f)
            value = self.compound(base)
        if f.sup is not None:
            value = self.power(value, f.sup, f)
        if f.bangs == 2:                    # 5!! = 15: the double factorial, never (5!)! (written so)
            if value.is_Integer and value > MAX_FACTORIAL:
                self.fail(f"a double factorial of a number above {MAX_FACTORIAL}", f)
            value = sp.factorial2(value)
        elif f.bangs > 2:
            self.fail("three or more '!' in a row: a multifactorial or factorials of factorials? (write parentheses)", f)
        elif f.bangs:
            value = self.factorial(value, f)
        return value

    def labelled(self, f: Factor) -> Factor:
        """``s_i^\\tau``, ``p_k^{(T)}`` where the document defines that name (``Context.labels``): the
        superscript is part of the name (a family ``s^tau``), not a power."""
        if f.sup is None or not isinstance(f.base, Leaf) or f.base.kind not in NAME_KINDS or not self.ctx.labels:
            return f
        key = self.label_key(f.sup)
        if key is not None and key in self.binding:
            if (f.base.text, key) in self.ctx.labels:
                self.fail(f"{f.base.text}^{key} inside a sum over {key}: the label the text defines, or a power?", f)
            return f                    # β^k inside Σ_k: the sum's index raises a power, it labels nothing
        if key is None and f.base.start in self.bold and any(name == f.base.text for name, _ in self.ctx.labels) \
                and not self.is_transpose(f.sup):      # \mathbf{v}^2 beside \mathbf{v}^k: no vector has a power
            self.fail(f"a superscript on {f.base.text}, which the text labels with superscripts "
                      f"({', '.join(sorted(k for n, k in self.ctx.labels if n == f.base.text))}): "
                      f"a label or a power?", f)
        if key is None or (f.base.text, key) not in self.ctx.labels:
            return f
        return replace(f, base=replace(f.base, kind="NAME", text=f"{f.base.text}^{key}"), sup=None)

    def primed(self, f: Factor) -> Factor:
        """``x'``, ``\\mathbf{x}'``, ``\\mu'`` written alone, of a name the document never applies nor
        defines as a function: the name of another point, ``x_prime`` (``y' = 0`` of a second example).
        A prime on a function (``\\sigma'``, ``\\ell'`` after ``\\ell(w) := …``, ``f'`` of ``f(x)``) is a
        derivative at a point not written, and stays refused; so do two primes."""
        if f.primes != 1 or not isinstance(f.base, Leaf) or f.base.kind not in NAME_KINDS:
            return f
        name = f.base.text
        if name in self.ctx.applied or name in self.functions or self.function_object(name) is not None \
                or name in self.ctx.parameters or (name == "sigma" and not self.declared("sigma")):
            return f
        return replace(f, base=replace(f.base, kind="NAME", text=f"{name}_prime"), primes=0)

    def iterate(self, f: Factor) -> Factor:
        """``w^{(t)}``, ``w^{(0)}``, ``\\beta^{(t+1)}`` of a plain (not bold) name without a subscript: the
        entry t of the family ``w^()`` (an iterate, a sample) — never a power.  A bold name (a vector
        per sample) and a name with a subscript too (``x_j^{(i)}``) stay refused."""
        if not isinstance(f.base, Leaf) or f.base.kind not in NAME_KINDS or f.sub is not None \
                or f.base.start in self.bold or f.base.text == "e" or f.sup is None:
            return f
        inner = lone_factor(f.sup)
        if inner is None or not inner.plain or not isinstance(inner.base, Group) or inner.base.kind != "paren" \
                or len(inner.base.elements) != 1:
            return f
        return replace(f, base=replace(f.base, kind="NAME", text=f"{f.base.text}^()"), sub=inner.base.elements[0],
                       sup=None)

    @staticmethod
    def label_key(sup: Node) -> str | None:
        """The text of a superscript that may label a name: a name (``\\tau``), or one in parentheses."""
        leaf = lone_leaf(sup, (*NAME_KINDS, "WORD"))        # \tau; \mathrm{ls}
        if leaf is not None:
            return leaf.text
        inner = lone_factor(sup)
        if inner is not None and inner.plain and isinstance(inner.base, Group) and inner.base.kind == "paren" \
                and len(inner.base.elements) == 1:
            leaf = lone_leaf(inner.base.elements[0], NAME_KINDS)
            if leaf is not None:
                return f"({leaf.text})"
        return None

    def leaf(self, leaf: Leaf, f: Factor) -> sp.Expr:
        kind = leaf.kind
        if kind in NAME_KINDS:
            return self.name_value(f)
        if f.sub is not None:
            self.fail("a subscript on something that is not a name", f)
        if kind == "NUMBER":
            number = sp.Rational(leaf.text) if "." in leaf.text else sp.Integer(leaf.text)
            if leaf.start in self.bold and not self.opaque:
                return self.constant_vector(leaf, number)
            return number
        if kind == "CASES":
            return self.piecewise(leaf)
        if kind == "INFTY":
            return sp.oo
        if kind == "WORD":
            if leaf.text in self.words or isinstance(self.names.get(leaf.text), sp.FunctionClass):
                return self.symbol(leaf.text, f)          # \mathrm{NLL} alone after NLL(μ, σ²) := …
            if leaf.text in voc.KNOWN_WORDS:
                self.fail(f"the function {leaf.text} without its argument in parentheses", f)
            self.fail(f"text inside math: '{leaf.text}'", f)
        reasons = {
            "INDICATOR": "an indicator \\mathbb{1} without its condition \\{y = k\\}",
            "PARTIAL": "\\partial outside a derivative \\frac{\\partial F}{\\partial x}",
            "NABLA": "\\nabla with nothing to apply to",
            "TOP": "a transpose mark outside a superscript",
            "MAXMIN": f"\\{leaf.text} without parentheses or a range",
            "FUNC": f"\\{leaf.text} with nothing to apply to",
            "BIGOP": f"\\{leaf.text} with nothing to apply to",
            "LIM": "\\lim with nothing to apply to",
            "ELLIPSIS": "an ellipsis outside a sum a_1 + \\dots + a_n (a list, a vector or a product: the "
                        "pattern it stands for is not written)",
        }
        self.fail(reasons.get(kind, "a token the reader cannot place"), f)

    def compound(self, node: Node) -> sp.Expr:
        if isinstance(node, Group):
            return self.group(node)
        if isinstance(node, Frac):
            return self.fraction(node)
        if isinstance(node, Sqrt):
            return self.root(node)
        if isinstance(node, Binom):
            return self.binomial(node)
        self.fail("a construct the reader cannot place", node)

    def group(self, g: Group) -> sp.Expr:
        if self.is_list(g):
            return self.vector_list(g)
        if g.kind == "set":
            inner = g.elements[0] if len(g.elements) == 1 else None
            if isinstance(inner, Relation):
                self.fail("a condition {…} that is not an indicator's 1\\{y = k\\}", g)
            if inner is None:
                self.fail("a set {a, b, …} (not an expression)", g)
        if g.kind == "norm" and len(g.elements) == 1:
            f = lone_factor(g.elements[0])
            if is_name_factor(f) and f.sub is None and f.sup is None and not f.primes and not f.bangs \
                    and self.expands_dot(f, f):         # ‖w‖ of a vector name: √(Σ_k w_k²), as w^T w is Σ_k w_k²
                return sp.sqrt(self.dot_sum(f, f))
            combined = self.norm_of_combination(g.elements[0])
            if combined is not None:                    # ‖u − v‖, ‖x − 2y‖: √(Σ_k (u_k − v_k)²)
                return combined
        v = self.value(self.only(g.elements, g))
        if g.kind == "abs" and self.ctx.outcomes and isinstance(v, sp.Symbol) \
                and re.fullmatch(r"[A-Z]_(?:cal|scr|bb)|Omega", v.name):
            return self.outcome_count()           # |\mathcal{X}|: how many outcomes the sums over them run over
        if g.kind == "abs":
            return sp.Abs(v)
        if g.kind == "norm":
            if not self.is_scalar(v):
                self.fail("a norm of a vector (only the norm of a declared scalar is read, as |x|)", g)
            return sp.Abs(v)
        if g.kind == "floor":
            return sp.floor(v)
        if g.kind == "ceil":
            return sp.ceiling(v)
        return v

    def norm_of_combination(self, node: Node) -> sp.Expr | None:
        """``‖u - v‖``, ``‖x - 2y‖``, ``‖a + b‖`` of vector names (as ``‖w‖``: plain lowercase names, not declared
        scalars or functions), each term a number times one name: √(Σ_k (u_k − v_k)²) over the vectors' range.
        None for anything else (a coefficient that is a name — ``‖λw‖``: which factor is the vector? — an entry,
        a matrix, a product of vectors)."""
        inner = node.elements[0] if isinstance(node, Seq) and len(node.elements) == 1 else node
        if not isinstance(inner, Expr) or inner.lone_sign or len(inner.terms) < 2:
            return None
        parts: list[tuple[sp.Expr, Factor]] = []
        for sign, prod in inner.terms:
            items = [i for i in prod.items if not is_gap(i)]
            names = [i for i in items if is_name_factor(i)]
            rest = [i for i in items if i not in names]
            if len(names) != 1 or any(is_op(i) and i.text not in ("\\cdot", "*") for i in rest):
                return None
            name = names[0]
            if not name.plain or not self.expands_dot(name, name) or not self.shown_a_vector(name.base.text):
                return None
            coefficients = [i for i in rest if not is_op(i)]
            if any(not (isinstance(c, Leaf) and c.kind == "NUMBER" or isinstance(c, Factor) and isinstance(
                    c.base, (Leaf, Frac)) and (isinstance(c.base, Frac) or c.base.kind == "NUMBER") and c.plain
                    or isinstance(c, Frac)) for c in coefficients):
                return None
            value = sp.Mul(*(self.value(c) for c in coefficients))
            if not value.is_Rational:
                return None
            parts.append((-value if sign == "-" else value, name))
        known = {self.ctx.vectors.get(f.base.text) for _, f in parts} - {None}
        spans = known or ({self.length_of(f.base.text) for _, f in parts} - {None})
        if len(spans) > 1:
            return None                                 # (vectors of different lengths)
        lo, hi = next(iter(spans), (sp.Integer(1), self.ctx.dimension))
        k = self.fresh_index(sp.Integer(0), None)
        entry = sp.Add(*(c * self.indexed_base(f.base.text, f)[k] for c, f in parts))
        return sp.sqrt(self.sum_over(entry ** 2, k, (lo, hi)))

    def shown_a_vector(self, name: str) -> bool:
        """Whether the document shows ``name`` a vector: written with an index somewhere, made a vector, in bold, or
        transposed in this relation (``u^\\top v``) — not a name it gives a function's value (``u = \\sin t``) or a
        sequence it does not read."""
        return name in self.ctx.families or name in self.ctx.vectors or re.search(
            rf"(?<![A-Za-z\\]){re.escape(name)}\s*\^\s*\{{?\s*(?:\\top|T|\\intercal)\b", self.tex) is not None \
            or re.search(rf"\\(?:mathbf|boldsymbol|bm|vec)\s*\{{?\s*{re.escape(name)}\b", self.tex) is not None

    def is_scalar(self, v: sp.Expr) -> bool:
        """Built only from numbers and scalars declared in the context."""
        if v.atoms(sp.Indexed, sp.IndexedBase):
            return False
        declared = {o for o in self.names.values() if isinstance(o, sp.Symbol)}
        return all(s in declared for s in v.free_symbols)

    def fraction(self, frac: Frac) -> sp.Expr:
        parts = self.derivative_parts(frac)
        if parts is not None:
            return self.derivative(frac, parts)
        num, den = self.value(frac.num), self.value(frac.den)
        if den == 0:
            self.fail("a division by zero", frac)
        return self.mul([num, sp.Pow(den, -1)], frac)

    def root(self, node: Sqrt) -> sp.Expr:
        radicand = self.value(node.radicand)
        if node.index is None:
            return sp.sqrt(radicand)
        index = self.value(node.index)
        if index == 0:
            self.fail("a root of index 0", node)
        return sp.root(radicand, index)

    def binomial(self, node: Binom) -> sp.Expr:
        n, k = self.value(node.top), self.value(node.bottom)
        if n.is_Integer and abs(n) > MAX_EXPONENT:
            self.fail("a binomial coefficient too large to compute", node)
        return sp.binomial(n, k)

    def factorial(self, value: sp.Expr, f: Factor) -> sp.Expr:
        if value.is_Integer and value > MAX_FACTORIAL:
            self.fail(f"a factorial of a number above {MAX_FACTORIAL}", f)
        return sp.factorial(value)

    def is_euler(self, f: Factor) -> bool:
        return f.base.text == "e" and f.sub is None and "e" not in self.names

    def is_transpose(self, sup: Node | None) -> bool:
        if sup is None:
            return False
        if lone_leaf(sup, ("TOP",)) is not None:
            return True
        t = lone_leaf(sup, ("LETTER",))
        return t is not None and t.text == "T" and not isinstance(self.names.get("T"), sp.Expr)

    def power(self, base: sp.Expr, sup: Node, f: Node) -> sp.Expr:
        """``base^{sup}`` (``e^x`` is exp(x)); ``f`` is the factor written (for errors)."""
        if self.is_transpose(sup) and is_name_factor(f) and base is not sp.E:
            self.fail("a transpose x^T without a name after it (x^T y is read as a dot product)", f)
        if isinstance(sup, SignScript) or self.script_sign(sup):
            self.fail("a lone sign as an exponent (write x^{-1}, not x^-1)", f)
        if base is not sp.E and self.sample_index(sup):
            self.fail("a parenthesized superscript x^{(i)} (a sample index, not a power)", f)
        exponent = self.value(sup)
        if exponent is sp.S.Zero and is_name_factor(f) and base is not sp.E and lone_leaf(sup, ("NUMBER",)) is not None:
            # w^0 = 0, f(w^0): notes write the power 0 of a name (always 1) for nothing; it is the start of iterates
            self.fail("a superscript 0 on a name: the power 0 (always 1) or the first iterate? (write w^{(0)} or "
                      "w_0 for an iterate)", f)
        if exponent.is_Integer and abs(exponent) > MAX_EXPONENT:
            self.fail(f"an integer exponent beyond {MAX_EXPONENT:,}", f)
        if base.is_Rational and exponent.is_Rational:
            bits = max(base.p.bit_length(), base.q.bit_length())
            if bits * abs(exponent) > MAX_BITS:
                self.fail("a number too large to build (more than 30,000 digits)", f)
        if base is sp.E:
            return sp.exp(exponent)
        return sp.Pow(base, exponent)

    @staticmethod
    def sample_index(sup: Node) -> bool:
        f = lone_factor(sup)
        if f is None or not f.plain or not isinstance(f.base, Group) or f.base.kind != "paren":
            return False
        return lone_leaf(f.base.elements[0], ("LETTER", "GREEK", "NAME", "NUMBER")) is not None \
            and len(f.base.elements) == 1


def _boltzmann(value: sp.Basic) -> bool:
    """Boltzmann's constant as written (``k_B``, ``k_{\\mathrm{B}}``, ``k``): after ``/`` it takes the
    temperature that follows with it (``E/k_B T`` is ``E/(k_B T)`` by the convention of physics)."""
    if isinstance(value, sp.Indexed):
        return str(value.base.label) == "k" and len(value.indices) == 1 and str(value.indices[0]) in ("B", "b")
    return isinstance(value, sp.Symbol) and value.name in ("k_B", "k_{B}", "k_b", "k_{b}", "k")


def _temperature(value: sp.Basic) -> bool:
    """A temperature: ``T``, or ``T`` with a subscript (``T_c``, ``T_0``)."""
    return isinstance(value, sp.Symbol) and value.name == "T" or isinstance(value, sp.Indexed) \
        and str(value.base.label) == "T" and len(value.indices) == 1
