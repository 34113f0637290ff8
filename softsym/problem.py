"""A relation ready for the prover: definitions unfolded, values substituted, numbers exact."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sympy as sp

from .domain import Domain
from .dsl import Definition
from .rewrite import canonical_dummies

FLIP = {"==": "==", "<=": ">=", "<": ">", ">=": "<=", ">": "<"}


@dataclass(frozen=True)
class Problem:
    """``lhs rel rhs`` over ``domain``: the one thing every strategy reads.

    ``rel`` is one of ``== <= <``: ``>=`` and ``>`` are flipped on construction so strategies
    handle three relations, not five.  ``shown`` keeps the relation as the user wrote it.
    """

    lhs: sp.Basic
    rel: str
    rhs: sp.Basic
    domain: Domain
    shown: tuple[sp.Basic, str, sp.Basic] | None = None

    @property
    def difference(self) -> sp.Expr:
        """``rhs - lhs`` (nonnegative for a true ``<=``; zero for a true ``==``)."""
        return self.rhs - self.lhs

    @property
    def free_symbols(self) -> set[sp.Basic]:
        """Free symbols of both sides (Indexed bases count through their labels)."""
        return set(self.lhs.free_symbols) | set(self.rhs.free_symbols)

    def key(self) -> str:
        """A stable text of the relation and its domain: seeds the numeric search."""
        return f"{sp.srepr(self.lhs)} {self.rel} {sp.srepr(self.rhs)} | {self.domain.describe()}"

    def replaced(self, lhs: sp.Basic, rhs: sp.Basic, domain: Domain | None = None) -> Problem:
        """The same relation with rewritten sides (and, optionally, a new domain)."""
        return Problem(lhs, self.rel, rhs, domain or self.domain, self.shown)


def exact(expr: sp.Basic) -> sp.Basic:
    """Replace floats by the exact rationals of their shortest decimal text (0.55 → 11/20)."""
    floats = expr.atoms(sp.Float)
    if not floats:
        return expr
    return expr.xreplace({f: sp.Rational(repr(float(f))) for f in floats})


def unfold(expr: sp.Basic, definitions: Iterable[Definition]) -> sp.Basic:
    """Replace every defined name by its definition, latest definitions first, until none is left."""
    defs = list(definitions)
    for _ in range(len(defs) + 1):
        before = expr
        for d in reversed(defs):
            expr = _unfold_one(expr, d)
        if expr == before:
            return expr
    return expr


def _fresh_bound_variables(expr: sp.Basic) -> sp.Basic:
    """Rename the bound variables of sums/products to fresh dummies (keeping assumptions), so
    substituting into the body cannot capture a name used at the call site."""
    def rename(node: sp.Basic) -> sp.Basic:
        mapping = {v: sp.Dummy(v.name, **{k: val for k, val in v.assumptions0.items()
                                          if k in ("integer", "real", "positive", "nonnegative")})
                   for v, *_ in node.limits}
        return node.xreplace(mapping)
    return expr.replace(lambda e: isinstance(e, (sp.Sum, sp.Product)), rename)


def _unfold_one(expr: sp.Basic, d: Definition) -> sp.Basic:
    target = d.target
    if isinstance(target, sp.Symbol):
        return expr.xreplace({target: d.expr}) if target in expr.free_symbols else expr
    if isinstance(target, sp.Indexed):
        pattern = target.indices

        def swap(node: sp.Basic) -> sp.Basic:
            mapping = dict(zip(pattern, node.indices))
            return _fresh_bound_variables(d.expr).xreplace(mapping)
        return expr.replace(lambda e: isinstance(e, sp.Indexed) and e.base == target.base
                            and len(e.indices) == len(pattern), swap)
    if isinstance(target, sp.core.function.AppliedUndef):
        params = target.args

        def call(node: sp.Basic) -> sp.Basic:
            return _fresh_bound_variables(d.expr).xreplace(dict(zip(params, node.args)))
        return expr.replace(lambda e: getattr(e, "func", None) == target.func, call)
    raise TypeError(f"cannot define {target!r}: use a name, p[i] or f(x)")


def prepare(lhs: sp.Basic, rel: str, rhs: sp.Basic, domain: Domain,
            definitions: Iterable[Definition] = (),
            substitution: Iterable[tuple[sp.Basic, sp.Basic]] = ()) -> Problem:
    """Unfold definitions, substitute values, make numbers exact, and orient the relation.

    Bound variables of sums get canonical names (alpha-normal form), so they never clash with
    declared names.  Derivatives are left unevaluated here; strategies evaluate them under the
    step's time limit.
    """
    defs = list(definitions)
    left = canonical_dummies(exact(unfold(sp.sympify(lhs), defs)))
    right = canonical_dummies(exact(unfold(sp.sympify(rhs), defs)))
    subs = dict(substitution)
    if subs:
        left, right = left.subs(subs), right.subs(subs)
    shown = (left, rel, right)
    if rel in (">=", ">"):
        left, right, rel = right, left, FLIP[rel]
    return Problem(left, rel, right, domain, shown)
