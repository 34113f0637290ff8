"""Probabilities: ``P(y = 1 | x)``, ``p(y; \\theta)``, ``P(A, B)``, ``\\Pr(A)`` read as opaque positive
numbers that depend on what they are written of.  A mixin of :class:`softsym.latex.build.Reader`.

Conventions:

* ``P``, ``p``, ``\\Pr``, ``\\mathbb{P}`` (also decorated, ``\\hat P``, or with a Greek or word subscript,
  ``p_\\theta``) applied to events are probabilities: with a conditional bar (``|``, ``\\mid``), a
  ``;``, a condition ``y = 1``, several arguments, or one name (``P(A)``); ``p(1 - p)`` stays a
  product.  With a conditional bar, ``q`` and ``Q`` and ``\\pi`` are probabilities too;
* a name the document declared or defined as a function keeps that meaning (unless a bar is written);
* the value is ``Function(<shape>, positive=True)(<the expressions written>)``: the shape keeps the
  separators, the relations and the words (``P(_=_|_)``, ``P(sex=girl)``), the arguments keep every
  symbol, so ``\\sum_k P(y = k | x)`` is a sum of terms that depend on k and two probabilities are
  the same number exactly when they are written alike;
* nothing else is known about them (no axioms: they need not sum to 1), so a relation softsym can
  prove about them holds for every positive value; the document checker never refutes one;
* a conditional bar anywhere else (``E(y | x)``, ``h_\\theta(y | x)``) is refused.
"""
from __future__ import annotations

import sympy as sp

from .syntax import Factor, Group, Leaf, Node, Relation, lone_leaf

PROBABILITY_NAMES = frozenset({"P", "p", "Pr", "P_bb"})
"""Names that are probabilities when applied to events."""
CONDITIONAL_NAMES = PROBABILITY_NAMES | {"q", "Q", "pi"}
"""Names that are probabilities when what they apply to has a conditional bar."""
_DECORATIONS = frozenset({"hat", "tilde", "bar", "cal", "bb"})


def is_probability(expr: sp.Basic) -> bool:
    """Whether ``expr`` is a probability as the reader builds it (an application of a shape)."""
    return isinstance(expr, sp.core.function.AppliedUndef) and "(" in expr.func.__name__


def probabilities(expr: sp.Basic) -> set[sp.Basic]:
    """The probabilities ``expr`` mentions."""
    return {f for f in expr.atoms(sp.core.function.AppliedUndef) if is_probability(f)}


def _root(name: str) -> str:
    """``P_hat`` → ``P``, ``P_bb`` → ``P_bb``, ``p`` → ``p`` (a decoration is not part of the root)."""
    base, _, suffix = name.partition("_")
    if name == "P_bb" or suffix not in _DECORATIONS:
        return name
    return base


class ProbabilityReading:
    """``P(a | b)`` and its relatives (part of the Reader)."""

    def probability_name(self, f: Factor, g: Factor) -> str | None:
        """The full name (``P``, ``p_theta``, ``P_hat``) when ``f(g)`` reads as a probability, else None."""
        group = g.base
        if not isinstance(group, Group) or f.sup is not None or f.primes or f.bangs:
            return None
        name = f.base.text
        if f.sub is not None:
            key = self.name_subscript(f.sub)
            if key is None:
                return None
            name = f"{name}_{key}"
        given = group.given
        root = _root(f.base.text)
        if given:
            return name if root in CONDITIONAL_NAMES else None
        if root not in PROBABILITY_NAMES or self.declared(name) or self.declared(f.base.text):
            return None
        events = group.semicolon or len(group.elements) > 1 or isinstance(group.elements[0], Relation)
        return name if events or self.single_name(group.elements[0]) else None

    def probability(self, name: str, g: Factor) -> sp.Expr:
        """``P(…)`` as an application of its shape to the expressions written in it."""
        group = g.base
        shape: list[str] = []
        args: list[sp.Expr] = []
        for k, element in enumerate(group.elements):
            if k:
                shape.append(group.separators[k - 1])
            if isinstance(element, Relation):
                for j, part in enumerate(element.parts):
                    if j:
                        shape.append(_relation_text(element.ops[j - 1]))
                    shape.append(self.event_piece(part, args))
            else:
                shape.append(self.event_piece(element, args))
        fn = sp.Function(f"{name}({''.join(shape)})", positive=True)
        return self.after_call(fn(*args), g)

    def event_piece(self, node: Node, args: list[sp.Expr]) -> str:
        """A word stays in the shape (``\\text{girl}``); an expression becomes an argument ``_``."""
        word = lone_leaf(node, ("WORD",))
        if word is not None:
            return word.text
        args.append(self.value(node))
        return "_"


def _relation_text(op: Leaf) -> str:
    return {"le": "<=", "leq": "<=", "ge": ">=", "geq": ">=", "ne": "!=", "neq": "!="}.get(op.text, op.text)
