"""The generator's state: a seeded random stream, the names created so far, the bound variables
in scope, and what the construction relied on.

Names are created on demand with random declarations (a rule asking for a positive scalar gets an
existing one or a new ``y: positive``, ``t: 0 < t < 1``, ``x`` with ``--given 'x >= 0'``, ...).
A rule that needs a guard the random declarations may not give (``n >= 1`` for a softmax
normalization) checks it with ``require``; a missing guard makes the relation's truth unknown.
"""
from __future__ import annotations

import random
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TypeVar

from .model import Base, Case, Declarations, Hypothesis, Name, Sign
from .syntax import free_names, names

T = TypeVar("T")

REALS = ("x", "y", "u", "t", "c", "d")
INTERNAL = ("_s0", "_u0")
"""Names that look like a prover's internal symbols (a user may still type them)."""
DIMENSIONS = ("n", "m")
INDICES = ("i", "j")
BOUND = ("k", "r", "a", "b", "e")
BASES = ("z", "w", "p", "v", "g")
INTEGRATION = ("s",)
LIMIT = ("h",)
FORALL = "l"
CAP = "M"
MAX_SCALARS = 4


@dataclass(frozen=True)
class Scope:
    """A bound variable usable inside a sum (or integral) body.

    Attributes:
        var: its name.
        lower, upper: the limits as texts.
        count: the least number of terms over the domain (None: may be negative, Karr-reversed).
        first: the least value ``var`` takes when the range runs forward (for an integral from 0:
            0 when the upper limit is nonnegative).
        integral: True for an integration variable (a real, not an index).
    """

    var: str
    lower: str
    upper: str
    count: int | None
    first: int | None
    integral: bool = False

    def limits(self) -> str:
        """``(k, 1, n)``."""
        return f"({self.var}, {self.lower}, {self.upper})"


class Gen:
    """Mutable state while one relation is generated (one per relation, seeded)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.names: dict[str, Name] = {}
        self.signs: dict[str, Sign] = {}
        self.bases: dict[str, Base] = {}
        self.hypotheses: list[Hypothesis] = []
        self.grouped: list[tuple[str, ...]] = []
        self.scopes: list[Scope] = []
        self.recipe: list[str] = []
        self.guarded = True
        self.sums_left = 3
        self.rules_left = 3

    # -- randomness and bookkeeping -------------------------------------------------------------
    def chance(self, p: float) -> bool:
        """True with probability ``p``."""
        return self.rng.random() < p

    def pick(self, options: Sequence[T]) -> T:
        """A uniformly random element."""
        return options[self.rng.randrange(len(options))]

    def note(self, step: str) -> None:
        """Record a rule, context or perturbation in the recipe."""
        self.recipe.append(step)

    def require(self, ok: bool, why: str) -> None:
        """Record that the construction needed ``why``; if it does not hold the truth is unknown."""
        if not ok:
            self.guarded = False
            self.note(f"unguarded: {why}")

    def bound_names(self) -> set[str]:
        """The variables of the enclosing sums and integrals."""
        return {s.var for s in self.scopes}

    def used(self) -> set[str]:
        """Every identifier taken by a name, a family or a bound variable in scope."""
        return set(self.names) | set(self.bases) | {s.var for s in self.scopes}

    def case(self, lhs: str, rel: str, rhs: str, label: str) -> Case:
        """The finished relation over the names it uses (see ``declarations``)."""
        return Case(lhs, rel, rhs, self.declarations(lhs, rhs), True if self.guarded else None,
                    tuple(self.recipe), label)

    def declarations(self, *texts: str) -> Declarations:
        """The model of the names ``texts`` use, the names their bounds and hypotheses mention,
        and those hypotheses (names made for attempts the generator discarded are left out)."""
        used = set().union(*(names(t) for t in texts))
        in_relation = set().union(*(free_names(t) for t in texts))
        kept: list[Hypothesis] = []
        while True:
            for n in list(used & set(self.names)):
                n_ = self.names[n]
                used |= set().union(*(names(e) for e in (n_.lower, n_.upper) if e))
            new = [h for h in self.hypotheses if h not in kept and (names(h.text) - set(h.forall)) & used]
            if not new:
                break
            kept += new
            used |= set().union(*(names(h.text) - set(h.forall) for h in new))
        declared_forall = {f for h in kept for f in h.forall if f in self.names and f not in in_relation}
        used |= declared_forall
        used |= set().union(*(names(e) for f in declared_forall
                              for e in (self.names[f].lower, self.names[f].upper) if e))
        hypotheses = tuple(h for h in self.hypotheses if h in kept)
        grouped = tuple(g for g in (tuple(x for x in group if x in used) for group in self.grouped) if len(g) > 1)
        return Declarations(tuple(n for n in self.names.values() if n.name in used),
                            tuple(b for b in self.bases.values() if b.name in used), hypotheses, grouped)

    # -- names ----------------------------------------------------------------------------------
    def add_name(self, name: Name, sign: Sign) -> Name:
        """Register a new scalar name with what is known about its sign; the names its bounds
        mention get declared (a bound may only mention declared names)."""
        for end in (name.lower, name.upper):
            for other in names(end) if end else ():
                known = self.names.get(other)
                if known is not None and not known.declared:
                    self.names[other] = replace(known, declared=True, facts=known.facts or ("real",))
        self.names[name.name] = name
        self.signs[name.name] = sign
        return name

    def scalar(self, need: Sign = Sign.ANY) -> tuple[str, Sign]:
        """A real scalar of sign at least ``need``: an existing one, or a new random declaration."""
        existing = [n for n, s in self.signs.items() if s >= need and self.names[n].role == "real"
                    and n not in {sc.var for sc in self.scopes}]
        free = [n for n in REALS if n not in self.used()]
        reals = sum(1 for n in self.names.values() if n.role == "real")
        if existing and (not free or reals >= MAX_SCALARS or self.chance(0.55)):
            name = self.pick(existing)
            return name, self.signs[name]
        if not free:
            return ("2", Sign.POS) if need else ("-1", Sign.ANY)
        internal = [n for n in INTERNAL if n not in self.used()]
        return _new_scalar(self, internal[0] if internal and self.chance(0.08) else free[0], need)

    def dimension(self, least: int | None = 1) -> Name:
        """An integer dimension (n, m); a new one is declared so that ``n >= least`` most of the time."""
        dims = [n for n in self.names.values() if n.role == "dimension"]
        fitting = [d for d in dims if least is None or (d.least is not None and d.least >= least)]
        free = [n for n in DIMENSIONS if n not in self.used()]
        if fitting and (not free or self.chance(0.8)):
            return self.pick(fitting)
        if dims and not free:
            return self.pick(dims)
        if not free:
            raise LookupError("no dimension name left")
        return _new_dimension(self, free[0], least if self.chance(0.88) else None)

    def index(self, lower: str, upper: str) -> str:
        """An integer index declared ``lower <= i <= upper`` (sometimes less: then guards fail)."""
        if not names(f"{lower} + {upper}") <= set(self.names):   # limits with a bound variable
            return self.index("1", self.dimension(1).name)
        for n in self.names.values():
            if n.role == "index" and n.lower == lower and n.upper == upper and n.name != FORALL:
                return n.name
        free = [n for n in INDICES if n not in self.used()]
        if not free:
            return self.pick([n.name for n in self.names.values() if n.role == "index" and n.name != FORALL])
        roll = self.rng.random()
        if roll < 0.12:
            name = Name(free[0], "index", integer=True, facts=("integer",))
        elif roll < 0.18:
            name = Name(free[0], "index", integer=True, facts=("integer",), lower=lower)
        else:
            name = Name(free[0], "index", integer=True, facts=("integer",), lower=lower, upper=upper)
        self.add_name(name, Sign.ANY)
        return name.name

    def index_within(self, scope: Scope) -> str:
        """An index for a delta or a softmax over ``scope``; a guard records whether it is in range."""
        return self.index_between(scope.lower, scope.upper)

    def index_between(self, lower: str, upper: str) -> str:
        """An index the construction needs declared ``lower <= i <= upper`` (a guard records whether it is)."""
        name = self.index(lower, upper)
        n = self.names[name]
        self.require(n.lower == lower and n.upper == upper, f"{name} in {lower}..{upper}")
        return name

    def base(self, need: Sign = Sign.ANY) -> Base:
        """An indexed family whose entries have sign at least ``need``."""
        fitting = [b for b in self.bases.values() if b.sign >= need]
        free = [n for n in BASES if n not in self.used()]
        if fitting and (not free or self.chance(0.6)):
            return self.pick(fitting)
        if not free:
            return self.pick(list(self.bases.values()))
        facts = {Sign.POS: ("positive",), Sign.NONNEG: self.pick([("nonnegative",), ("positive",)]),
                 Sign.ANY: self.pick([("real",), ("real",), ("positive",)])}[need]
        base = Base(free[0], facts, declared=facts != ("real",) or self.chance(0.7))
        self.bases[base.name] = base
        return base

    def add_hypothesis(self, hypothesis: Hypothesis) -> None:
        """Add a ``--given`` relation (once)."""
        if hypothesis.text not in {h.text for h in self.hypotheses}:
            self.hypotheses.append(hypothesis)

    # -- bound variables ------------------------------------------------------------------------
    def fresh(self, avoid: Collection[str] = ()) -> str:
        """An unused bound-variable name (now and then one that looks internal, ``_k0``)."""
        for name in (("_k0",) if self.chance(0.05) else ()) + BOUND:
            if name not in self.used() and name not in avoid:
                return name
        k = 2
        while f"k{k}" in self.used() | set(avoid):
            k += 1
        return f"k{k}"

    def sum_range(self, least: int = 0, nested: bool = True) -> Scope:
        """A random summation range over a dimension: ``(k, 1, n)``, ``(k, 0, n - 1)``, ... or,
        inside another sum, sometimes (``nested``) ``(j, 1, k)``: an inner limit using the outer index."""
        var = self.fresh()
        outer = [s for s in self.scopes if not s.integral]
        if outer and nested and self.chance(0.3):
            o = outer[-1]
            first = o.first if o.count is not None and o.count >= 0 else None
            lower = self.pick(["1", "1", "0"])
            count = None if first is None else first - int(lower) + 1
            return Scope(var, lower, o.var, count, int(lower))
        if self.chance(0.06):
            return Scope(var, "1", "3", 3, 1)
        dim = self.dimension(least + self.pick([0, 0, 0, 1]))
        lower, upper, shift = self.pick([("1", dim.name, 0), ("1", dim.name, 0), ("1", dim.name, 0),
                                         ("0", f"{dim.name} - 1", 0), ("1", f"{dim.name} - 1", -1),
                                         ("0", dim.name, 1)])
        count = None if dim.least is None else dim.least + shift
        return Scope(var, lower, upper, count, int(lower))

    @contextmanager
    def inside(self, scope: Scope) -> Iterator[Scope]:
        """Make ``scope``'s variable available to the terms generated within."""
        self.scopes.append(scope)
        try:
            yield scope
        finally:
            self.scopes.pop()

    def innermost(self, integral: bool = False) -> Scope | None:
        """The innermost bound variable in scope of the given kind."""
        return next((s for s in reversed(self.scopes) if s.integral == integral), None)


def _new_scalar(g: Gen, name: str, need: Sign) -> tuple[str, Sign]:
    """Declare ``name`` with a random kind whose sign is at least ``need``."""
    others = [(n, s) for n, s in g.signs.items() if g.names[n].role == "real" and not g.names[n].integer]
    kinds = [k for k, sign in _SCALAR_KINDS.items() if sign >= need]
    if not others:
        kinds = [k for k in kinds if k not in ("relative", "between", "defined", "defined_bounded", "integer_param")]
    kind = g.pick(kinds)
    sign = _SCALAR_KINDS[kind]
    if kind == "real":
        new = Name(name, "real", facts=("real",))
    elif kind == "undeclared":
        new = Name(name, "real", declared=False)
    elif kind in ("positive", "nonnegative", "negative"):
        new = Name(name, "real", facts=(kind,))
    elif kind == "open01":
        new = Name(name, "real", lower="0", lower_strict=True, upper="1", upper_strict=True)
    elif kind == "closed01":
        new = Name(name, "real", lower="0", upper="1")
    elif kind == "wide":
        new = Name(name, "real", lower="-1", upper="2", upper_strict=g.chance(0.5))
    elif kind in ("relative", "between"):
        other, other_sign = g.pick(others)
        sign = other_sign if kind == "relative" else Sign.ANY
        upper = f"{other} + 1" if kind == "between" else None
        new = Name(name, "real", lower=other, lower_strict=g.chance(0.5), upper=upper, upper_strict=True)
    elif kind in ("given_ge", "given_gt"):
        new = Name(name, "real", declared=g.chance(0.5), facts=("real",))
        g.add_hypothesis(Hypothesis(f"{name} {'>=' if kind == 'given_ge' else '>'} 0"))
    elif kind == "integer_param":
        other, _ = g.pick(others)
        new = Name(name, "real", integer=True, facts=("integer",), lower=other)
    else:                                                 # defined by an equality hypothesis
        other, _ = g.pick(others)
        bounded = kind == "defined_bounded"
        expression = f"{other}**2" if bounded or g.chance(0.5) else f"exp({other})"
        new = Name(name, "real", declared=bounded or g.chance(0.5), facts=() if bounded else ("real",),
                   lower="0" if bounded else None, lower_strict=True, upper="1" if bounded else None,
                   upper_strict=True)
        sign = Sign.POS if bounded or expression.startswith("exp") else Sign.NONNEG
        g.add_hypothesis(Hypothesis(f"{name} == {expression}", defines=(name, expression)))
    g.add_name(new, sign)
    if _plain(new):
        _join_group(g, name)
    return name, sign


def _plain(n: Name) -> bool:
    """A declared real name without bounds (``x: real``): it may share a group with others."""
    return n.declared and n.facts == ("real",) and n.lower is None and n.upper is None and not n.integer


def _join_group(g: Gen, name: str) -> None:
    """Sometimes declare ``name`` in one group with an earlier plain real (``x y: real``)."""
    mates = [n.name for n in g.names.values() if n.name != name and _plain(n)]
    if not mates or not g.chance(0.5):
        return
    mate = g.pick(mates)
    for k, group in enumerate(g.grouped):
        if mate in group:
            g.grouped[k] = (*group, name)
            return
    g.grouped.append((mate, name))


_SCALAR_KINDS: dict[str, Sign] = {
    "real": Sign.ANY, "undeclared": Sign.ANY, "positive": Sign.POS, "nonnegative": Sign.NONNEG,
    "negative": Sign.ANY, "open01": Sign.POS, "closed01": Sign.NONNEG, "wide": Sign.ANY,
    "relative": Sign.ANY, "between": Sign.ANY, "given_ge": Sign.NONNEG, "given_gt": Sign.POS,
    "integer_param": Sign.ANY, "defined": Sign.NONNEG, "defined_bounded": Sign.POS,
}
"""Scalar declaration kinds and the sign each guarantees (``relative`` inherits its bound's)."""


def _new_dimension(g: Gen, name: str, least: int | None) -> Name:
    """Declare a dimension with a random kind guaranteeing ``name >= least`` (None: any kind)."""
    kinds = {"positive": 1, "nonnegative": 0, "bounded1": 1, "bounded0": 0, "given2": 2,
             "integer": None, "undeclared": None, "negative": None}
    fitting = [k for k, v in kinds.items() if least is None or (v is not None and v >= least)]
    kind = g.pick(fitting or list(kinds))
    if kind in ("positive", "nonnegative"):
        dim = Name(name, "dimension", integer=True, facts=("integer", kind), least=kinds[kind])
    elif kind in ("bounded1", "bounded0"):
        low = 1 if kind == "bounded1" else 0
        dim = Name(name, "dimension", integer=True, facts=("integer",), lower=str(low), upper=str(low + 2),
                   least=low)
    elif kind == "given2":
        dim = Name(name, "dimension", integer=True, facts=("integer",), declared=g.chance(0.5), least=2)
        g.add_hypothesis(Hypothesis(f"{name} >= 2"))
    elif kind == "negative":
        dim = Name(name, "dimension", integer=True, facts=("integer",), upper="-2")
    else:
        dim = Name(name, "dimension", integer=True, facts=("integer",), declared=kind == "integer")
    g.add_name(dim, Sign.ANY)
    return dim
