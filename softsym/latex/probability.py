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
* ``E`` and ``\\mathbb{E}`` before ``(…)``/``[…]`` are expectations, read the same way but real (of
  any sign): ``E[y | x]`` is ``Function("E[_|_]", real=True)(y, x)``;
* a conditional bar anywhere else (``h_\\theta(y | x)``) is refused.
"""
from __future__ import annotations

import sympy as sp

from .syntax import Factor, Group, Leaf, Node, Relation, lone_leaf

EXPECTATION_NAMES = frozenset({"E", "E_bb"})
"""Names that are expectations before ``(…)`` or ``[…]`` (``E[y | x]``, ``\\mathbb{E}_{x}[f(x)]``)."""
STATISTIC_WORDS = {"Var": {"nonnegative": True}, "Cov": {"real": True}, "Corr": {"real": True},
                   "Std": {"nonnegative": True}, "KL": {"nonnegative": True}, "Bias": {"real": True}}
"""Words that are statistics of what is written in their ``(…)``/``[…]`` (``\\operatorname{Var}[X]``,
``\\mathrm{KL}(p \\| q)``): read like expectations, opaque numbers (a variance is nonnegative)."""
PROBABILITY_NAMES = frozenset({"P", "p", "Pr", "P_bb"})
"""Names that are probabilities when applied to events."""
CONDITIONAL_NAMES = PROBABILITY_NAMES | {"q", "Q", "pi"}
"""Names that are probabilities when what they apply to has a conditional bar."""
_DECORATIONS = frozenset({"hat", "tilde", "bar", "cal", "bb"})


def is_probability(expr: sp.Basic) -> bool:
    """Whether ``expr`` is a probability or an expectation as the reader builds it (an application
    of a shape: ``P(_|_)``, ``E[_]``)."""
    return isinstance(expr, sp.core.function.AppliedUndef) and any(c in expr.func.__name__ for c in "([")


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
        events = group.semicolon or len(group.elements) > 1 or isinstance(group.elements[0], Relation) \
            or bool(getattr(group.elements[0], "lone_sign", None))                # P(+): a test result
        return name if events or self.single_name(group.elements[0]) else None

    def is_expectation(self, f: Node, g: Node | None) -> bool:
        """``E(y | x; \\theta)``, ``E[X]``, ``\\mathbb{E}_{x \\sim p}[f(x)]`` (E not declared), and the
        statistics ``\\operatorname{Var}[X]``, ``\\mathrm{KL}(p \\| q)`` (not defined by the document)."""
        if not (isinstance(f, Factor) and isinstance(f.base, Leaf) and f.sup is None and not f.primes
                and not f.bangs and isinstance(g, Factor) and isinstance(g.base, Group)
                and g.base.kind in ("paren", "bracket")):
            return False
        if f.base.kind == "WORD":
            return f.base.text in STATISTIC_WORDS and self.function_object(f.base.text) is None
        return f.base.text in EXPECTATION_NAMES and f.base.kind in ("LETTER", "NAME") \
            and not self.declared(f.base.text) and self.at_outcome(f, g) is None    # E(x): an energy at x

    def expectation(self, f: Factor, g: Factor) -> sp.Expr:
        """An expectation: an unknown real number of what is written in it (like a probability,
        but of any sign): ``E[X] = 0`` gives it a value, nothing about linearity is known."""
        with self.opaque_arguments():
            group = g.base
            shape: list[str] = []
            args: list[sp.Expr] = []
            if f.sub is not None:
                shape.append("_{" + self.event_piece_or_relation(f.sub, args) + "}")
            shape.append("[" if group.kind == "bracket" else "(")
            for k, element in enumerate(group.elements):
                if k:
                    shape.append(group.separators[k - 1])
                shape.append(self.event_piece_or_relation(element, args))
            shape.append("]" if group.kind == "bracket" else ")")
            word = f.base.text if f.base.kind == "WORD" else "E"
            fn = sp.Function(f"{word}{''.join(shape)}", **STATISTIC_WORDS.get(word, {"real": True}))
            scale = sp.S.One
            if word in ("E", "Var") and len(args) == 1 and f.sub is None:
                scale, args[0] = self.sized_factor(args[0])
            return self.after_call(scale ** (2 if word == "Var" else 1) * fn(*args), g)

    def sized_factor(self, arg: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
        """``(c, X)`` with ``arg = c X`` and c made of numbers and sizes only (``1/\\sqrt{d}`` of
        ``\\mathbf{q}^\\top \\mathbf{k} / \\sqrt{d}``, d the length the sum runs to): a constant, which
        ``Var(c X) = c² Var(X)`` and ``E[c X] = c E[X]`` take out; ``(1, arg)`` when there is none.  A size
        the words make random (``Context.random``) is none."""
        sizes = {s.name for node in arg.atoms(sp.Sum, sp.Product) for _, lo, hi in node.limits
                 for s in (lo.free_symbols | hi.free_symbols)} | {self.ctx.dimension.name}
        sizes -= self.ctx.random            # "Let $N$ be a random variable": Var(N X) is no N² Var(X)
        constant = [c for c in sp.Mul.make_args(arg)
                    if {s.name for s in c.free_symbols} <= sizes and not c.atoms(sp.Indexed)]
        if not constant or len(constant) == len(sp.Mul.make_args(arg)):
            return sp.S.One, arg
        scale = sp.Mul(*constant)
        return scale, sp.Mul(*(c for c in sp.Mul.make_args(arg) if c not in constant))

    def event_piece_or_relation(self, node: Node, args: list[sp.Expr]) -> str:
        if isinstance(node, Group) and node.kind == "brace" and len(node.elements) == 1:
            node = node.elements[0]
        if isinstance(node, Relation):
            out = []
            for j, part in enumerate(node.parts):
                if j:
                    out.append(_relation_text(node.ops[j - 1]))
                out.append(self.event_piece(part, args))
            return "".join(out)
        return self.event_piece(node, args)

    def probability(self, name: str, g: Factor) -> sp.Expr:
        """``P(…)`` as an application of its shape to the expressions written in it."""
        with self.opaque_arguments():
            return self._probability(name, g)

    def _probability(self, name: str, g: Factor) -> sp.Expr:
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
        if getattr(node, "lone_sign", None):           # P(+ | D): a test result written as a sign
            return node.lone_sign
        args.append(self.value(node))
        return "_"


def _relation_text(op: Leaf) -> str:
    return {"le": "<=", "leq": "<=", "ge": ">=", "geq": ">=", "ne": "!=", "neq": "!="}.get(op.text, op.text)
