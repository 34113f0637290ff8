"""Definite integrals: ``\\int_a^b f(x)\\,dx`` read as ``Integral(f, (x, a, b))``, unevaluated.
A mixin of :class:`softsym.latex.build.Reader`.

Conventions: ``\\int`` takes the rest of the product (up to the next top-level ``+``/``-``), like
``\\sum``; the product must end with the differential ``dx`` (also ``\\,dx``, ``\\mathrm{d}x``,
``d x``, ``d\\theta``), whose variable is bound: a fresh real symbol of that name, which replaces
the name (declared or not) in the integrand.  Both bounds are required.  Refused, each with its
reason: an indefinite integral, a missing differential or one that is not last, a ``d`` that could
be a factor (``d`` declared, the dimension, or written elsewhere in the integrand), a variable that
is not a plain name, the variable in its own bounds, and multiple integrals (``\\iint`` and
``\\int … \\int``).
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, is_dataclass

import sympy as sp

from .syntax import Factor, Leaf, Node, is_gap, is_name_factor, is_op


def leaves_in(node: object) -> Iterator[Leaf]:
    """Every token inside a syntax node (through groups, fractions, terms and scripts)."""
    if isinstance(node, Leaf):
        yield node
    elif isinstance(node, list | tuple):
        for item in node:
            yield from leaves_in(item)
    elif is_dataclass(node):
        for field in fields(node):
            yield from leaves_in(getattr(node, field.name))


class IntegralReading:
    """``\\int_a^b f(x)\\,dx`` (part of the Reader)."""

    def integral(self, op: Factor, rest: list[Node]) -> sp.Expr:
        """``\\int_a^b`` applied to the rest of the product, which ends with its differential."""
        if op.primes or op.bangs:
            self.fail("a script on an integral that is not a bound", op)
        if op.sub is None or op.sup is None:
            self.fail("an integral without both bounds: an indefinite integral (or one over a set) is not "
                      "read (write \\int_a^b f(x)\\,dx)", op)
        body, var_node = self.differential_at_end(op, rest)
        var = self.integration_variable(var_node)
        lower, upper = self.value(op.sub), self.value(op.sup)
        for bound, node in ((lower, op.sub), (upper, op.sup)):
            if self.mentions(bound, var_node.base.text):
                self.fail(f"the variable of integration {var} in its own bound (write \\int_a^{{{var}}} f(t)\\,dt)",
                          node)
        integrand = self.product(body, body[0]) if body else sp.Integer(1)
        integrand = integrand.xreplace(self.to_bound_variable(var_node.base.text, var))
        if sp.Symbol(var.name, integer=True) in integrand.free_symbols:
            self.fail(f"the variable of integration {var} used as an index in the integrand", op, var_node)
        return sp.Integral(integrand, (var, lower, upper))

    def differential_at_end(self, op: Factor, rest: list[Node]) -> tuple[list[Node], Factor]:
        """Split ``f(x) \\, dx`` into the integrand's items and the variable's factor."""
        if len(rest) < 2 or not self.is_differential_mark(rest[-2]) or not is_name_factor(rest[-1]):
            inner = next((k for k in range(len(rest) - 1)
                          if self.is_differential_mark(rest[k]) and is_name_factor(rest[k + 1])), None)
            if inner is not None:
                self.fail("the differential of an integral must end its integrand (write \\int_a^b f(x)\\,dx; "
                          "an integral followed by more factors is not read)", rest[inner], rest[-1])
            self.fail("an integral without its differential dx at the end (with respect to what?)", op,
                      rest[-1] if rest else None)
        body, mark, var_node = rest[:-2], rest[-2], rest[-1]
        if body and is_gap(body[-1]):                      # f(x) \ dx: the space before the differential
            body = body[:-1]
        if body and is_op(body[-1]):
            self.fail("an operator between the integrand and its differential", body[-1], var_node)
        if self.declared("d") or self.ctx.dimension.name == "d":
            self.fail("d is a name declared here: is 'd x' the differential or d times x? (rename the "
                      "variable d)", mark, var_node)
        if any(leaf.kind == "BIGOP" and leaf.text == "int" for leaf in leaves_in(body)):
            self.fail("a multiple integral (only a single integral \\int_a^b f(x)\\,dx is read)", op, var_node)
        if any(leaf.kind == "LETTER" and leaf.text == "d" for leaf in leaves_in(body)):
            self.fail("d is also written in the integrand: is the final 'd x' the differential or d times "
                      "x? (rename the variable d)", op, var_node)
        return body, var_node

    @staticmethod
    def is_differential_mark(item: Node) -> bool:
        """A plain letter d (``d``, ``\\mathrm{d}``)."""
        return isinstance(item, Factor) and item.plain and isinstance(item.base, Leaf) \
            and item.base.kind == "LETTER" and item.base.text == "d"

    def integration_variable(self, f: Factor) -> sp.Symbol:
        """The bound variable of ``dx``: a fresh real symbol named as written."""
        name = f.base.text
        if not f.plain:
            self.fail("the variable of integration must be a plain name (not an entry x_i or a power)", f)
        if f.base.start in self.bold:
            self.fail("an integral over a vector (\\mathbf{x}): only a single integral over a real variable is "
                      "read", f)
        if name == "d" or (name in ("e", "pi") and name not in self.names):
            self.fail(f"{name} as the variable of integration", f)
        declared = self.names.get(name)
        if declared is not None and not isinstance(declared, sp.Symbol):
            self.fail(f"{name} is declared as an indexed family or a function, not a variable of integration", f)
        return sp.Symbol(name, real=True)

    def to_bound_variable(self, name: str, var: sp.Symbol) -> dict[sp.Basic, sp.Basic]:
        """What the integrand read for the name (undeclared, declared, the dimension) → the bound variable."""
        swap: dict[sp.Basic, sp.Basic] = {sp.Symbol(name, real=True): var}
        declared = self.names.get(name)
        if isinstance(declared, sp.Symbol):
            swap[declared] = var
        if name == self.ctx.dimension.name:
            swap[self.ctx.dimension] = var
        return swap

    def mentions(self, value: sp.Expr, name: str) -> bool:
        """Whether ``value`` uses the name (as any symbol of that name)."""
        return any(getattr(s, "name", None) == name for s in value.free_symbols)
