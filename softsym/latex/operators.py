"""Operators that take what follows them: ``\\sum``/``\\prod``, ``\\lim``, ``\\max`` over a range, the
derivative operator ``\\frac{\\partial}{\\partial x}`` and derivative fractions, and a bare function
(``\\log x``).  A mixin of :class:`softsym.latex.build.Reader` (it uses the reader's names, values
and errors).

Conventions: an operator takes the rest of the product it stands in (up to the next top-level
``+``/``-``); ``\\sum_i`` runs from 1 to ``Context.dimension``; ``\\sum_{k \\ne t} f`` is
``Sum(f, (k, 1, n)) - f.subs(k, t)`` (``\\prod``: divided by it); the bound variable is an integer
symbol and replaces the letter in the summand; ``\\max_{a \\le i \\le b}`` lists at most 10 entries of a
concrete range and refuses a symbolic one; ``\\lim_{x \\to a}`` is two-sided (``dir="+-"``) unless
``a^+``/``a^-``; a bare function takes exactly one factor.
"""
from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp

from . import vocabulary as voc
from .errors import VectorValued
from .maxima import extremum_index
from .syntax import (
    NAME_KINDS,
    OPERATOR_KINDS,
    Expr,
    Factor,
    Frac,
    Group,
    Leaf,
    Node,
    Product,
    Relation,
    SignScript,
    is_name_factor,
    is_op,
    is_paren,
    items_of,
    lone_factor,
    lone_leaf,
)

MAX_RANGE = 10               # entries of a \\max over a concrete range (SymPy's Max is quadratic)
MAX_OPERATORS = 100          # operators applied to operators (\\log \\log …, \\sum_i \\sum_j …)
_SUBSCRIPT_RELATIONS = {"=": "=", "ne": "!=", "neq": "!=", "le": "<=", "leq": "<=", "leqslant": "<=",
                        "<": "<", "lt": "<", "ge": ">=", "geq": ">=", "geqslant": ">=",
                        ">": ">", "gt": ">"}


def _as_term(items: list[Node]) -> Expr:
    """Items of a product as the one-term expression a braced ``\\frac`` argument would be."""
    product = Product(items[0].start, items[-1].end, items)
    return Expr(product.start, product.end, terms=[("+", product)])


OUTCOME_COUNT = sp.Symbol("n_outcomes", integer=True, positive=True)
"""The number of outcomes when the words name no count of them: a name of its own, not the document's n."""


class OperatorReading:
    """Operators and derivatives (part of the Reader)."""

    def is_prefix(self, items: list[Node], i: int) -> bool:
        item = items[i]
        if not isinstance(item, Factor):
            return False
        base = item.base
        if isinstance(base, Frac):
            parts = self.derivative_parts(base)
            return parts is not None and not parts[0] and item.plain
        if not isinstance(base, Leaf):
            return False
        if base.kind in ("BIGOP", "LIM", "NABLA"):
            return True
        if base.kind == "PARTIAL":              # \partial_{z_i} F, \partial_\beta F
            return item.sub is not None and item.sup is None and not item.primes
        if base.kind == "MAXMIN":
            return item.sub is not None
        if base.kind == "FUNC":
            return not is_paren(items[i + 1] if i + 1 < len(items) else None)
        if base.kind == "WORD" and base.text in voc.BARE_WORDS and base.text not in self.ctx.functions \
                and self.function_object(base.text) is None and item.sub is None and item.sup is None:
            nxt = items[i + 1] if i + 1 < len(items) else None     # \operatorname{logit} p: as \tanh p
            return nxt is not None and not is_paren(nxt) and not is_op(nxt)
        return False

    def starts_operator(self, item: Node) -> bool:
        """An item that ends a bare function's argument (another function or operator)."""
        if not isinstance(item, Factor):
            return False
        if isinstance(item.base, Leaf) and item.base.kind in OPERATOR_KINDS:
            return True
        if isinstance(item.base, Leaf) and item.base.kind == "WORD":
            return True
        return isinstance(item.base, Frac) and self.is_prefix([item], 0)

    def prefix(self, items: list[Node], i: int) -> tuple[sp.Expr, int]:
        """The operator at ``items[i]`` applied to what follows; the index after what it took."""
        item = items[i]
        self.operators += 1
        if self.operators > MAX_OPERATORS:
            self.fail("nesting deeper than 100 levels (operators applied to operators)", item)
        try:
            return self._prefix(items, i)
        finally:
            self.operators -= 1

    def _prefix(self, items: list[Node], i: int) -> tuple[sp.Expr, int]:
        item = items[i]
        base = item.base
        with self.deeper(item):
            if isinstance(base, Frac):
                return self.derivative_operator(item, items[i + 1:]), len(items)
            if base.kind == "BIGOP" and base.text == "int":
                return self.integral(item, items[i + 1:]), len(items)
            if base.kind == "BIGOP":
                return self.big_operator(item, items[i + 1:]), len(items)
            if base.kind == "LIM":
                return self.limit(item, items[i + 1:]), len(items)
            if base.kind == "NABLA":
                return self.gradient(item, items[i + 1:]), len(items)
            if base.kind == "PARTIAL":
                return self.partial_operator(item, items[i + 1:]), len(items)
            if base.kind == "MAXMIN":
                return self.max_over_range(item, items[i + 1:]), len(items)
            return self.bare_function(items, i)

    def body(self, rest: list[Node], operator: Node) -> sp.Expr:
        """What an operator applies to: the rest of the product."""
        if not rest:
            self.fail("an operator with nothing to apply to", operator)
        if is_op(rest[0]):
            self.fail("an operator followed by another operator", operator, rest[0])
        return self.product(rest, rest[0])

    def bare_function(self, items: list[Node], i: int) -> tuple[sp.Expr, int]:
        """``\\log x``, ``\\sin \\cos \\theta``, ``\\log \\sum_j e^{z_j}``: the argument is one factor."""
        f = items[i]
        j = i + 1
        if j >= len(items) or is_op(items[j]):
            self.fail(f"\\{f.base.text} with nothing to apply to", f)
        if f.primes:
            self.fail(f"a derivative \\{f.base.text}' without parentheses around its argument (write "
                      f"\\{f.base.text}'(x))", f, items[j])
        if self.is_prefix(items, j):
            arg, k = self.prefix(items, j)
        else:
            # "\tanh x\,(1 - \tanh^2 x)": tanh(x)·(…) or tanh(x·(…))? A name times (…) as the argument
            # is not guessed (call_name refuses it); \log p(x), \log \sigma(z) are applications
            outer, self.bare_head = getattr(self, "bare_head", None), items[j]
            try:
                arg, k = self.next_factor(items, j)
            finally:
                self.bare_head = outer
            if k < len(items) and not is_op(items[k]) and not self.starts_operator(items[k]):
                self.fail(f"an ambiguous argument of \\{f.base.text}: where does it end? (write "
                          f"\\{f.base.text}(…))", f, items[k])
        return self.elementary(f.base.text, f, arg), k

    def range_spec(self, op: Factor) -> tuple[list[str], sp.Expr, sp.Expr, sp.Expr | None]:
        """The variables, bounds and excluded value of ``\\sum_{…}^{…}`` (or \\prod, \\max)."""
        spec = self._range_spec(op)
        constant = next((v for v in spec[0] if v in ("e", "pi") and v not in self.names), None)
        if constant is not None:        # \sum_{e=1}^{3} e: the index, or Euler's number in the summand?
            self.fail(f"{constant} as the index of \\{op.base.text} (Euler's number or the index? declare it, or "
                      f"use another letter)", op)
        return spec

    def _range_spec(self, op: Factor) -> tuple[list[str], sp.Expr, sp.Expr, sp.Expr | None]:
        sub, sup = op.sub, op.sup
        upper = self.index_value(sup) if sup is not None else None
        if sub is None:
            self.fail(f"a \\{op.base.text} without its index (write \\{op.base.text}_{{i=1}}^{{n}})", op)
        name = self.bare_name(sub)
        if name is not None and upper is None and name in self.ctx.valued_sums:
            self.fail(f"a sum over the values of {name}, which the text uses as a number: over which values? "
                      f"(write the range, \\sum_{{{name}=1}}^{{n}}, or the values)", sub)
        if name is not None:
            if upper is None and name in self.ctx.outcomes:
                return [name], sp.Integer(1), self.outcome_count(), None      # \sum_x: over the outcomes
            return [name], sp.Integer(1), self.upper_or_dimension(upper), None
        elements = sub.elements if isinstance(sub, Group) and sub.kind == "brace" else [sub]
        if len(elements) > 1:
            if isinstance(sub, Group) and (sub.given or sub.semicolon):
                self.fail(f"an index of \\{op.base.text} with a condition (d \\mid n: the divisors of n?), which "
                          f"softsym does not read", sub)
            names = [self.bare_name(e) for e in elements]
            if None in names:
                self.fail("a list of indices that are not all single names", sub)
            return names, sp.Integer(1), self.upper_or_dimension(upper), None
        rel = elements[0]
        if not isinstance(rel, Relation):
            self.fail(f"an index of \\{op.base.text} that is not a name or a range", sub)
        if len(rel.parts) == 2 and rel.ops[0].text == "in" and op.base.text == "sum":
            var = self.bare_name(rel.parts[0])               # \sum_{x \in \mathcal{X}}: over the outcomes
            if var is None or var not in self.ctx.outcomes or upper is not None \
                    or lone_leaf(rel.parts[1], ("NAME", "GREEK", "LETTER")) is None:
                self.fail("a sum over the elements of a set (read only over the outcomes x of one finite set "
                          "the document sums over, \\sum_{x \\in \\mathcal{X}} p(x))", sub)
            return [var], sp.Integer(1), self.outcome_count(), None
        ops = [_SUBSCRIPT_RELATIONS.get(o.text) for o in rel.ops]
        if len(rel.parts) == 2 and ops[0] in ("=", "!="):
            var = self.bare_name(rel.parts[0])
            if var is None:
                self.fail("the variable of a range must be a single name", rel.parts[0])
            value = self.index_value(rel.parts[1])
            if ops[0] == "!=":
                return [var], sp.Integer(1), self.upper_or_dimension(upper), value
            if upper is None:
                self.fail("a lower bound without an upper bound (write ^{n})", op)
            return [var], value, upper, None
        if len(rel.parts) == 2 and ops[0] in (">=", ">") and op.base.text in ("sum", "prod"):
            var = self.bare_name(rel.parts[0])                       # \sum_{k \ge 0}: k = 0, 1, 2, …
            if var is None or upper is not None:
                self.fail("a range k \\ge a must have a single name on the left and no upper bound", sub)
            return [var], self.index_value(rel.parts[1]) + (1 if ops[0] == ">" else 0), sp.oo, None
        if len(rel.parts) == 3 and all(o in ("<=", "<") for o in ops):
            var = self.bare_name(rel.parts[1])
            if var is None or upper is not None:
                self.fail("a range a \\le i \\le b must have a single name in the middle", sub)
            lower = self.index_value(rel.parts[0]) + (1 if ops[0] == "<" else 0)
            high = self.index_value(rel.parts[2]) - (1 if ops[1] == "<" else 0)
            return [var], lower, high, None
        self.fail("a range the reader does not know (use i=1, k \\ne t or a \\le i \\le b)", sub)

    def listed_range(self, op: Factor) -> tuple[str, list[sp.Expr]] | None:
        """``\\sum_{s \\in \\{-1, +1\\}}``: the index and the whole numbers it runs over, written out (no
        upper script, two to ten distinct values); None for any other range."""
        sub = op.sub
        if sub is None or op.sup is not None or op.base.text not in ("sum", "prod"):
            return None
        elements = sub.elements if isinstance(sub, Group) and sub.kind == "brace" else [sub]
        rel = elements[0] if len(elements) == 1 else None
        if not isinstance(rel, Relation) or len(rel.parts) != 2 or rel.ops[0].text != "in":
            return None
        name = self.bare_name(rel.parts[0])
        f = lone_factor(rel.parts[1])
        if name is None or f is None or not isinstance(f.base, Group) or f.base.kind != "set" or f.sub is not None \
                or f.sup is not None or f.primes or f.bangs or any(isinstance(e, Relation) for e in f.base.elements):
            return None
        values = [self.index_value(e) for e in f.base.elements]
        if not 2 <= len(values) <= 10 or not all(v.is_Integer for v in values) or len(set(values)) < len(values):
            return None
        return name, values

    def outcome_count(self) -> sp.Symbol:
        """How many outcomes a sum over them runs over (see ``Context.outcome_size``)."""
        return self.ctx.outcome_size if self.ctx.outcome_size is not None else OUTCOME_COUNT

    def upper_or_dimension(self, upper: sp.Expr | None) -> sp.Expr:
        return self.ctx.dimension if upper is None else upper

    def bound_body(self, rest: list[Node], op: Factor, names: list[str]) -> tuple[sp.Expr, list[sp.Symbol]]:
        """The operand of a sum/product/max with the bound names made the integer index symbols."""
        self.binding.extend(names)
        try:
            body = self.body(rest, op)
        finally:
            del self.binding[len(self.binding) - len(names):]
        variables = []
        for name in names:
            var = self.index_symbol(name, op, bound=True)
            swap = {sp.Symbol(name, real=True): var}
            declared = self.names.get(name)
            if isinstance(declared, sp.Symbol) and declared != var:
                swap[declared] = var
            if name == self.ctx.dimension.name and self.ctx.dimension != var:
                swap[self.ctx.dimension] = var
            body = body.xreplace(swap)
            labels = {e: sp.Dummy() for e in body.atoms(sp.Indexed, sp.core.function.AppliedUndef)}
            if name in self.ctx.outcomes and body.xreplace(labels).has(var):     # (p[x], p_β(x): x labels)
                self.fail(f"the outcome {name} used as a number in the sum over it (its values are not the labels "
                          f"1, 2, …: over which values? write the range)", op)
            variables.append(var)
        return body, variables

    def big_operator(self, op: Factor, rest: list[Node]) -> sp.Expr:
        """``\\sum``/``\\prod`` with an index; ``\\sum_{k \\ne t} f`` is Σ_k f − f(k=t)."""
        if op.primes or op.bangs:
            self.fail("a script on a sum that is not its range", op)
        listed = self.listed_range(op)
        if listed is not None:         # \sum_{s \in \{-1, +1\}}: the terms at those values (an entry h_j as the
            # index, \sum_{h_j \in \{0, 1\}}, is not read)
            name, values = listed
            body, variables = self.bound_body(rest, op, [name])
            terms = [body.xreplace({variables[0]: v}) for v in values]
            return sp.Add(*terms) if op.base.text == "sum" else sp.Mul(*terms)
        names, lower, upper, excluded = self.range_spec(op)
        body, variables = self.bound_body(rest, op, names)
        if op.sup is None and (self.bare_name(op.sub) is not None or names[0] in self.ctx.outcomes):
            # \sum_i, \sum_{x \in \mathcal{X}}: the range of what it indexes
            if self.bare_name(op.sub) is not None and names[0] not in self.ctx.outcomes \
                    and not body.has(variables[0]):
                self.fail(f"a sum over {names[0]} without bounds of a term that does not depend on {names[0]} "
                          f"(it counts the range, which nothing it indexes gives: write the bounds)", op)
            lower, upper = self.implicit_range(body, variables[0], (lower, upper))
        cls = sp.Sum if op.base.text == "sum" else sp.Product
        result = cls(body, *[(v, lower, upper) for v in variables])
        if excluded is not None:
            term = body.subs(variables[0], excluded)
            result = result - term if cls is sp.Sum else result / term
        return result

    def implicit_range(self, body: sp.Expr, var: sp.Symbol, default: tuple[sp.Expr, sp.Expr]) -> tuple[sp.Expr, sp.Expr]:
        """The range of ``\\sum_i`` written without bounds: that of the vectors its body indexes by i,
        when the document gave one (``x = [x_0, …, x_3]``: 0..3) and no other, else 1..n."""
        labels = {str(e.base.label) for e in body.atoms(sp.Indexed) if var in e.indices}
        known = {self.ctx.vectors.get(name) for name in labels} - {None}
        spans = known or ({self.length_of(name) for name in labels} - {None})
        return next(iter(spans)) if len(spans) == 1 else default

    def max_over_range(self, op: Factor, rest: list[Node]) -> sp.Expr:
        """``\\max_{1 \\le i \\le 3} z_i``: Max of the entries; a symbolic range is refused."""
        names, lower, upper, excluded = self.range_spec(op)
        if len(names) != 1 or excluded is not None:
            self.fail(f"a \\{op.base.text} over a range the reader does not know", op)
        if op.sup is None and self.bare_name(op.sub) is not None:       # \max_i: the range of what it indexes
            probe, (var,) = self.bound_body(rest, op, names)
            lower, upper = self.implicit_range(probe, var, (lower, upper))
        if not (lower.is_Integer and upper.is_Integer):
            body, (var,) = self.bound_body(rest, op, names)
            if var not in body.free_symbols:
                self.fail(f"\\{op.base.text} over an index its argument does not use", op)
            return body.xreplace({var: extremum_index(op.base.text, body, var, lower, upper)})
        count = int(upper - lower) + 1
        if count < 1 or count > MAX_RANGE:
            self.fail(f"\\{op.base.text} over {count} entries (1 to {MAX_RANGE} are read)", op)
        body, (var,) = self.bound_body(rest, op, names)
        entries = [body.subs(var, sp.Integer(k)) for k in range(int(lower), int(upper) + 1)]
        return (sp.Max if op.base.text == "max" else sp.Min)(*entries)

    def limit(self, op: Factor, rest: list[Node]) -> sp.Expr:
        """``\\lim_{x \\to a}`` (two-sided), ``\\lim_{x \\to a^+}`` (from above), ``a^-`` (below)."""
        sub = op.sub
        rel = sub.elements[0] if isinstance(sub, Group) and len(sub.elements) == 1 else None
        if not isinstance(rel, Relation) or len(rel.parts) != 2 or rel.ops[0].kind != "TO" or op.sup:
            self.fail("a limit needs \\lim_{x \\to a}", op)
        name = self.bare_name(rel.parts[0])
        if name is None:
            self.fail("the variable of a limit must be a single name", rel.parts[0])
        point_node, direction = self.directed_point(rel.parts[1])
        point = self.value(point_node)
        var = self.symbol(name, op)
        if not isinstance(var, sp.Symbol):
            self.fail("the variable of a limit must be a name (not e, π or a declared family)", rel.parts[0])
        body = self.body(rest, op)
        if point in (sp.oo, -sp.oo):
            if direction:
                self.fail("a one-sided limit at infinity", rel.parts[1])
            return sp.Limit(body, var, point)
        return sp.Limit(body, var, point, direction or "+-")

    def directed_point(self, node: Node) -> tuple[Node, str | None]:
        f = lone_factor(node)
        if f is None or f.sup is None:
            return node, None
        sign = self.script_sign(f.sup)
        return (replace(f, sup=None), sign) if sign else (node, None)

    @staticmethod
    def script_sign(sup: Node) -> str | None:
        if isinstance(sup, SignScript):
            return sup.sign
        if isinstance(sup, Group) and sup.kind == "brace" and len(sup.elements) == 1:
            e = sup.elements[0]
            if isinstance(e, Expr) and e.lone_sign:
                return e.lone_sign
        return None

    def derivative_parts(self, frac: Frac) -> tuple[list[Node], list[tuple[sp.Expr, int]]] | None:
        """For a derivative fraction: (the items of F, [(variable, order)]); None for another fraction."""
        key = id(frac)
        if key not in self._derivatives:
            self._derivatives[key] = self._derivative_parts(frac)
        return self._derivatives[key]

    def _derivative_parts(self, frac: Frac) -> tuple[list[Node], list[tuple[sp.Expr, int]]] | None:
        num, den = items_of(frac.num), items_of(frac.den)
        if not num:
            return None
        style = self.differential_style(num[0])
        if style is None and den and self._declared_d(num[0]) and self._declared_d(den[0]):
            style = "d"     # \frac{d}{d\mu} where d is also a name of the text (a "$d$-dimensional" Gaussian): no one
            #                 writes d/(d·μ) for 1/μ — the derivative, as the same letter above and below says
        if style is None:
            return None
        variables = self.differentials(den, style) if den else None
        if variables is None:
            if style == "partial":
                self.fail("\\partial in a fraction that is not a derivative \\frac{\\partial F}{\\partial x}", frac)
            return None
        order = self.order_of(num[0].sup, frac)
        if order != sum(k for _, k in variables):
            self.fail("the order of the derivative (numerator) differs from the denominator's", frac)
        return num[1:], variables

    def inline_derivative(self, items: list[Node], i: int) -> tuple[sp.Expr, int] | None:
        """``\\partial L / \\partial b``, ``\\partial^2 L / \\partial b^2``, ``dL/dz`` starting at ``items[i]``:
        read exactly as ``\\frac{\\partial L}{\\partial b}`` (the same object); with the index after it.
        None when ``items[i]`` starts no such derivative (a ``d`` is then a name as before)."""
        style = self.differential_style(items[i])
        if style is None:
            return None
        over = self.inline_numerator_end(items, i)
        if over is None or not (is_op(items[over]) and items[over].kind == "DIV"):
            if style == "partial":
                last = items[min(len(items), over or i + 1) - 1]
                self.fail("\\partial outside a derivative (write \\frac{\\partial F}{\\partial x} or \\partial F / "
                          "\\partial x, with F one name or f(…))", items[i], last)
            return None
        end = over + 1
        while end + 1 < len(items) and self.differential_style(items[end]) == style \
                and is_name_factor(items[end + 1]):
            end += 2
        if end == over + 1:
            if style == "partial":
                self.fail("a derivative \\partial F / … without its variable (write \\partial F / \\partial x)",
                          items[i], items[over])
            return None
        if style == "d":
            self.inline_d_is_a_differential(items[i:end], 1 + (end - over - 1) // 2)
        frac = Frac(items[i].start, items[end - 1].end, num=_as_term(items[i:over]), den=_as_term(items[over + 1:end]))
        parts = self.derivative_parts(frac)
        if parts is None:
            self.fail("a derivative written with '/' that is not F / x (write \\frac{dF}{dx})", frac)
        return self.derivative(frac, parts), end

    @staticmethod
    def inline_numerator_end(items: list[Node], i: int) -> int | None:
        """Where the F of ``\\partial F / …`` ends: one factor, or a name and its parentheses (``L(w)``)."""
        j = i + 1
        if j >= len(items) or not isinstance(items[j], Factor):
            return None
        if is_name_factor(items[j]) and j + 2 < len(items) and is_paren(items[j + 1]):
            return j + 2
        head = items[j].base
        if isinstance(head, Leaf) and head.kind == "FUNC" and head.text in ("log", "ln", "exp") \
                and items[j].sub is None and items[j].sup is None and j + 2 < len(items) \
                and is_name_factor(items[j + 1]):       # \partial \log p_j / \partial z_k
            return j + 2
        return j + 1 if j + 1 < len(items) else None

    def inline_d_is_a_differential(self, written: list[Node], marks: int) -> None:
        """``dL/dz`` without ``\\frac`` is a derivative only where the letter d is nothing else: not the
        dimension, an indexed family, a size, a function's parameter, and written nowhere else in the
        expression (``d L / d z`` might be d·L / (d·z)).  Refused otherwise, with the reason."""
        ctx = self.ctx
        why = ("the dimension" if ctx.dimension.name == "d"
               else "an indexed family of the text" if "d" in ctx.families or "d" in ctx.vectors
               else "a size in the text" if ctx.range_ends is not None and "d" in ctx.range_ends
               else "a parameter of a function of the text" if any("d" in p for p in ctx.parameters.values())
               else "written elsewhere in the expression" if self.d_letters > marks
               else None)
        if why is not None:
            self.fail(f"d is {why}: is this a derivative or a product with d? (write \\frac{{dF}}{{dx}})",
                      written[0], written[-1])

    @staticmethod
    def _declared_d(item: Node) -> bool:
        """The letter d alone (no script but a power: ``d``, ``d^2``), whatever the text made it."""
        return isinstance(item, Factor) and isinstance(item.base, Leaf) and item.base.kind == "LETTER" \
            and item.base.text == "d" and item.sub is None and not item.primes and not item.bangs

    def differential_style(self, item: Node) -> str | None:
        if not isinstance(item, Factor) or item.sub is not None or item.primes or item.bangs:
            return None
        base = item.base
        if isinstance(base, Leaf) and base.kind == "PARTIAL":
            return "partial"
        if isinstance(base, Leaf) and base.kind == "LETTER" and base.text == "d" and not self.declared("d"):
            return "d"
        return None

    def differentials(self, items: list[Node], style: str) -> list[tuple[sp.Expr, int]] | None:
        """``\\partial x \\partial y`` / ``dx`` / ``\\partial x^2`` → [(x, 1), (y, 1)] / [(x, 2)]."""
        if len(items) % 2:
            return None
        out = []
        for mark, var in zip(items[0::2], items[1::2]):
            marked = self.differential_style(mark) or ("d" if self._declared_d(mark) else None)
            if marked != style or mark.sup is not None or not is_name_factor(var):
                return None
            if var.primes or var.bangs:
                return None
            order = self.order_of(var.sup, var)
            if self.column is not None and self.is_vector_name(var):      # ∂s/∂z in a matrix: the column
                symbol = self.indexed_base(var.base.text, var)[self.column]
            else:
                symbol = self.name_value(replace(var, sup=None))
            if not isinstance(symbol, sp.Symbol | sp.Indexed):
                self.fail("a derivative with respect to something that is not a variable", var)
            out.append((symbol, order))
        return out

    def order_of(self, sup: Node | None, where: Node) -> int:
        if sup is None:
            return 1
        n = lone_leaf(sup, ("NUMBER",))
        if n is None or not n.text.isdigit() or int(n.text) < 1:
            self.fail("the order of a derivative must be a positive whole number", where)
        return int(n.text)

    def derivative(self, frac: Frac, parts: tuple[list[Node], list[tuple[sp.Expr, int]]]) -> sp.Expr:
        items, variables = parts
        if not items:
            self.fail("a derivative operator with nothing to act on", frac)
        f = self.bare_sigmoid(items, variables)
        if f is None:
            f = self.differentiated(lambda: self.product(items, frac))
        return self.no_jacobian(sp.Derivative(f, *variables, evaluate=False), frac)

    def gradient(self, op: Factor, rest: list[Node]) -> sp.Expr:
        """``\\nabla_{\\mathbf{w}} L``: the gradient, a vector; its entry i is ∂L/∂w_i.  The variable
        must be written (a bare ``\\nabla L`` is refused: with respect to what?)."""
        if self.ctx.nabla_other:
            self.fail("\\nabla is another operator than the gradient in this text (its words say so): not read", op)
        if op.sub is None and op.sup is None and not op.primes and not op.bangs:
            at = self.gradient_at(rest)
            if at is not None:
                return at
        if op.sub is None and not op.primes and not op.bangs and (op.sup is None or self.order_of(op.sup, op) == 2):
            variable = self.own_variable(rest)
            if variable is not None:   # ∇J, ∇²J after J(θ) := … of one scalar θ: dJ/dθ, d²J/dθ²
                return sp.Derivative(self.differentiated(lambda: self.body(rest, op)),
                                     (variable, 1 if op.sup is None else 2), evaluate=False)
        name = self.bare_name(op.sub) if op.sub is not None else None
        hessian = op.sup is not None and self.order_of(op.sup, op) == 2
        if name is None or op.sup is not None and not hessian or op.primes or op.bangs:
            self.fail("a gradient \\nabla without its variable (write \\nabla_{\\mathbf{w}} L or the partial "
                      "derivatives)", op)
        written = self.tex[op.sub.start:op.sub.end] if hasattr(op.sub, "start") else ""
        if name not in self.ctx.families and name not in self.ctx.vectors and name not in self.ctx.bold_only \
                and not re.search(r"\\(?:mathbf|boldsymbol|bm|vec)\b", written) and len(name) == 1:
            # ∇_w L of a scalar w (the text never writes w_i nor a bold w): the derivative dL/dw (∇²_w: d²L/dw²)
            variable = sp.Symbol(name, real=True)
            return sp.Derivative(self.differentiated(lambda: self.body(rest, op)), (variable, 2 if hessian else 1),
                                 evaluate=False)
        if self.opaque or self.entry is None:
            raise VectorValued(f"a {'Hessian is a matrix' if hessian else 'gradient is a vector'}: the relation is "
                               f"read entrywise", self.tex[op.start:op.end], matrix=hessian)
        self.ranges.append(self.length_of(name))
        base = self.indexed_base(name, op)
        if hessian:        # ∇²_w L: the matrix of second derivatives, its entry (i, j) is ∂²L/∂w_i∂w_j
            if self.column is None:
                raise VectorValued("a Hessian is a matrix: the relation is read at a row and a column",
                                   self.tex[op.start:op.end], matrix=True)
            self.ranges.append(self.length_of(name))
            return sp.Derivative(self.differentiated(lambda: self.body(rest, op)), base[self.entry],
                                 base[self.column], evaluate=False)
        variable = base[self.column if self.column is not None else self.entry]
        return self.no_jacobian(sp.Derivative(self.differentiated(lambda: self.body(rest, op)), variable,
                                              evaluate=False), op)

    def own_variable(self, rest: list[Node]) -> sp.Symbol | None:
        """The one scalar parameter of the text's function written alone after ``\\nabla`` (``\\nabla J`` after
        ``J(\\theta) := …``: θ), or None — a function of several parameters, or of a vector, has a gradient that
        is a vector, and a name that is no function of the text has no variable the text shows."""
        if len(rest) != 1 or not isinstance(rest[0], Factor) or not rest[0].plain \
                or not isinstance(rest[0].base, Leaf) or rest[0].base.kind not in NAME_KINDS:
            return None
        params = self.ctx.parameters.get(rest[0].base.text)
        if not params or len(params) != 1 or not re.fullmatch(r"[A-Za-z]+", params[0]):
            return None
        name = params[0]
        if name in self.ctx.vectors or name in self.ctx.bold_only or name in self.ctx.families \
                or name in self.ctx.matrices or name in self.names and not isinstance(self.names[name], sp.Symbol):
            return None
        return sp.Symbol(name, real=True)

    def partial_operator(self, op: Factor, rest: list[Node]) -> sp.Expr:
        """``\\partial_{z_i} F``, ``\\partial_\\beta F``: the partial derivative of the rest of the product
        with respect to the variable written below (a name F does not show may be defined through it, as in
        ``\\partial_\\beta \\log Z``).  An index letter F does not show (``\\partial_j \\mathrm{LSE}(x)``: with
        respect to x_j?) is refused."""
        variable = self.value(op.sub)
        if not isinstance(variable, sp.Symbol | sp.Indexed) or isinstance(variable, sp.Symbol) and variable.is_integer:
            self.fail("\\partial with a subscript that is not a variable (write \\partial_{x_j} or "
                      "\\frac{\\partial}{\\partial x_j})", op)
        body = self.differentiated(lambda: self.body(rest, op))
        if isinstance(variable, sp.Symbol) and variable.name in "ijklmn" and variable not in body.free_symbols:
            self.fail("\\partial with respect to a variable the expression does not show (with respect to "
                      "what, then?)", op)
        return self.no_jacobian(sp.Derivative(body, variable, evaluate=False), op)

    def gradient_at(self, rest: list[Node]) -> sp.Expr | None:
        """``\\nabla f(\\theta_{t-1})``: the gradient of a function of one argument at a point, read as
        f'(θ_{t-1}) when the argument is a scalar as written (no bold, not a vector of the text);
        for a function the text never defines it stays an unknown function's derivative there.
        None when what follows is not a name applied to one argument (the caller decides)."""
        if len(rest) < 2 or not isinstance(rest[0], Factor) or not isinstance(rest[1], Factor):
            return None
        f, g = rest[0], rest[1]
        if not isinstance(f.base, Leaf) or f.base.kind not in NAME_KINDS or not f.plain \
                or not isinstance(g.base, Group) or g.base.kind != "paren" or len(g.base.elements) != 1 \
                or g.base.given or g.sub is not None or g.sup is not None or g.primes or g.bangs:
            return None
        name = f.base.text
        if name in self.names and not isinstance(self.names[name], sp.FunctionClass):
            return None                                           # a declared scalar: not a function
        written = self.tex[g.start:g.end]
        if re.search(r"\\(?:mathbf|boldsymbol|bm|vec)\b", written):
            return None
        fn = self.function_object(name) or sp.Function(name, real=True)
        with self.opaque_arguments():
            arg = self.value(self.only(g.base.elements, g.base))
        vectors = set(self.ctx.vectors) | set(self.ctx.bold_only)
        if {x.name for x in arg.free_symbols} & vectors or {str(b.label) for b in arg.atoms(sp.IndexedBase)} & vectors:
            return None
        value = self.after_call(self.derivative_at(fn, 1, arg, f, g, known=False), g)
        return value * self.product(rest[2:], rest[2]) if len(rest) > 2 else value

    def differentiated(self, read):
        """Read what a derivative differentiates: there a function written alone (L) is L(w)."""
        self.differentiating += 1
        try:
            return read()
        finally:
            self.differentiating -= 1

    def bare_sigmoid(self, items: list[Node], variables: list[tuple[sp.Expr, int]]) -> sp.Expr | None:
        """``\\frac{d\\sigma}{dz}``: the sigmoid written without its argument is σ(z) of the one variable."""
        if len(items) != 1 or len(variables) != 1 or self.declared("sigma"):
            return None
        f = items[0]
        if isinstance(f, Factor) and f.plain and isinstance(f.base, Leaf) and f.base.text == "sigma" \
                and f.base.kind == "GREEK":
            from ..functions import sigmoid
            return sigmoid(variables[0][0])
        return None

    def no_jacobian(self, d: sp.Derivative, where: Node) -> sp.Derivative:
        """Entrywise, ∂L/∂w is the gradient's entry ∂L/∂w_i; a vector by a vector (a Jacobian, whose
        entries need two indices) is refused."""
        if self.entry is not None and self.column is None and self.entry in d.expr.free_symbols and any(
                self.entry in getattr(v, "free_symbols", set()) for v in d.variables):
            raise VectorValued("the derivative of a vector by a vector is a matrix (the Jacobian): the relation "
                               "is read at a row and a column", self.tex[where.start:where.end], matrix=True)
        return d

    def derivative_operator(self, op: Factor, rest: list[Node]) -> sp.Expr:
        """``\\frac{\\partial}{\\partial x} F``: F is the rest of the product; a group alone is the group."""
        _, variables = self.derivative_parts(op.base)
        if rest and isinstance(rest[0], Factor) and isinstance(rest[0].base, Group) and len(rest) > 1:
            self.fail("after a derivative operator and a parenthesized group, is the rest inside the "
                      "derivative? (put it all inside the parentheses)", op, rest[-1])
        return self.no_jacobian(sp.Derivative(self.differentiated(lambda: self.body(rest, op)), *variables,
                                              evaluate=False), op)
