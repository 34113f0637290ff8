"""Points of a generated relation's domain: the oracle's own sampler and admissibility check.

The sampler knows the declarations it is given (``model.Declarations``), so it draws points that
are meant to be admissible — dimensions first (stressing n ∈ {0, 1, 2, 7} and unequal sizes),
then scalars in declaration order (bounds may mention earlier names; interval ends, values near
0), indices at and beyond their ends, names defined by ``x == expr`` computed, entries drawn on
demand (below a cap ``z[l] <= M``, rescaled under ``Σ p = 1``).  Whether a point *is* admissible is
decided separately, by ``violations``: every assumption, bound and hypothesis evaluated at the
point, exactly or at 50 digits.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field, replace
from itertools import product

import sympy as sp

from .model import Declarations, Name
from .values import Unchecked, Undefined, at_point, compare, number, parse, settle, split_relation

R = sp.Rational
DIGITS = 50
STRESS_DIMENSIONS = (0, 1, 2, 7, 3, -1, -2, -3)
STRESS_REALS = (R(0), R(1), R(-1), R(1, 2), R(-1, 2), R(2), R(-2), R(1, 1000), R(-1, 1000), R(3), R(-7, 3), R(10))
MAX_FORALL = 400
OTHER = sp.Integer(-10**6)
"""An index no relation uses: stands for "every other entry" when a hypothesis holds for every l."""


@dataclass
class Point:
    """Values of the scalars (by name) and of the entries drawn or given so far.

    Attributes:
        values: exact value of each scalar.
        entries: exact value of each entry ``(base, index)``.
        drawn: the entries the sampler invented (not given by a counterexample).
        rng: the stream entries are drawn from.
    """

    values: dict[str, sp.Basic]
    rng: random.Random
    entries: dict[tuple[str, sp.Basic], sp.Basic] = field(default_factory=dict)
    drawn: set[tuple[str, sp.Basic]] = field(default_factory=set)

    def describe(self) -> str:
        """``n=2, x=1/2, z[1]=0`` (the names the sampler or the report fixed)."""
        parts = [f"{k}={v}" for k, v in self.values.items()]
        parts += [f"{b}[{i}]={v}" for (b, i), v in sorted(self.entries.items(), key=lambda e: (e[0][0], str(e[0][1])))]
        return ", ".join(parts) or "(no names)"


@dataclass(frozen=True)
class Hyp:
    """A parsed hypothesis: ``lhs op rhs`` for every value of the ``forall`` names."""

    text: str
    lhs: sp.Expr
    op: str
    rhs: sp.Expr
    forall: tuple[sp.Symbol, ...]


class World:
    """The oracle's reading of one relation's declarations (parsed once, used for every point)."""

    def __init__(self, decls: Declarations, free: frozenset[str] = frozenset()) -> None:
        """``free``: the names the relation uses free.  A hypothesis's "for every" name that the
        relation uses free means the relation's value there (as softsym reads it)."""
        decls = replace(decls, hypotheses=tuple(replace(h, forall=tuple(f for f in h.forall if f not in free))
                                                for h in decls.hypotheses))
        self.decls = decls
        self.bases = frozenset(b.name for b in decls.bases)
        self.bounds = {n.name: (self._parse(n.lower), self._parse(n.upper)) for n in decls.names}
        self.hypotheses = [self._hypothesis(h.text, h.forall) for h in decls.hypotheses]
        self.definitions = {h.defines[0]: self._parse(h.defines[1]) for h in decls.hypotheses if h.defines}
        self.caps = {h.caps[0]: (self._parse(h.caps[1]), h.forall[0] if h.forall else None)
                     for h in decls.hypotheses if h.caps}
        self.normalizations = [(b, self._parse(lo), self._parse(hi))
                               for b, _, lo, hi in (h.normalizes for h in decls.hypotheses if h.normalizes)]

    def parse(self, text: str) -> sp.Expr:
        """An expression over this world's names."""
        return parse(text, self.bases)

    def _parse(self, text: str | None) -> sp.Expr | None:
        return None if text is None else self.parse(text)

    def relevant(self, *exprs: sp.Basic) -> set[str]:
        """The names whose values matter for ``exprs`` and the hypotheses: their free names, the
        names the bounds of those mention, in turn (not the "for every" names)."""
        found = {str(s) for e in exprs for s in e.free_symbols if isinstance(s, sp.Symbol)}
        for h in self.hypotheses:
            found |= {str(s) for s in (h.lhs.free_symbols | h.rhs.free_symbols) - set(h.forall)
                      if isinstance(s, sp.Symbol)}
        while True:
            more = {str(s) for n in found if n in self.bounds for e in self.bounds[n] if e is not None
                    for s in e.free_symbols} - found
            if not more:
                return found & {n.name for n in self.decls.names}
            found |= more

    def _hypothesis(self, text: str, forall: tuple[str, ...]) -> Hyp:
        lhs, op, rhs = split_relation(text)
        return Hyp(text, self.parse(lhs), op, self.parse(rhs), tuple(sp.Symbol(n) for n in forall))

    # -- evaluation ---------------------------------------------------------------------------------
    def exact(self, expr: sp.Basic, point: Point, extra: dict[sp.Symbol, sp.Basic] | None = None) -> sp.Basic:
        """``expr`` at ``point`` as an exact number: free names bound, sums expanded, entries filled
        in (drawn when missing), integrals and limits evaluated (``extra`` binds more names)."""
        values = {sp.Symbol(k): v for k, v in point.values.items()}
        values.update(extra or {})
        try:
            return settle(at_point(expr, values, lambda base, index: self.entry(point, base, index)))
        except (ValueError, TypeError, ZeroDivisionError) as exc:   # SymPy refusing an undefined value
            raise Undefined(f"{type(exc).__name__}: {exc}") from None

    def entry(self, point: Point, base: str, index: sp.Basic) -> sp.Basic:
        """The value of ``base[index]`` at ``point`` (drawn on first use, below the base's cap)."""
        key = (base, index)
        if key not in point.entries:
            point.entries[key] = self._draw_entry(point, base, index)
            point.drawn.add(key)
        return point.entries[key]

    def _capped(self, point: Point, base: str, index: sp.Basic) -> sp.Basic | None:
        """The cap of ``base[index]`` under a hypothesis ``base[l] <= M`` (for l in l's declared
        range, if declared), as a number, or None."""
        if base not in self.caps:
            return None
        cap, forall = self.caps[base]
        declared = self.decls.name(forall) if forall else None
        if declared is not None:
            lower, upper = (None if e is None else self.exact(e, point) for e in self.bounds[declared.name])
            if any(e is not None and not e.is_number for e in (lower, upper)) or not index.is_number:
                return None
            if (lower is not None and index < lower) or (upper is not None and index > upper):
                return None
        top = self.exact(cap, point)
        return top if top.is_number else None

    def _draw_entry(self, point: Point, base: str, index: sp.Basic) -> sp.Basic:
        family = self.decls.base(base)
        facts = family.facts if family is not None else ("real",)
        rng = point.rng
        signed = "positive" in facts or "nonnegative" in facts
        top = self._capped(point, base, index)
        if top is not None and not signed:
            return top - R(rng.choice([0, 0, 1, 5, 30, 150, 400]), 100)
        if top is not None and bool(top > 0):
            return top * R(rng.randint(1 if "positive" in facts else 0, 100), 100)
        if "positive" in facts:
            return R(rng.randint(1, 400), 100) if rng.random() < 0.9 else R(1, 1000)
        if "nonnegative" in facts:
            return R(0) if rng.random() < 0.15 else R(rng.randint(1, 400), 100)
        return R(0) if rng.random() < 0.1 else R(rng.randint(-400, 400), 100)

    def normalize(self, point: Point, given: set[tuple[str, sp.Basic]]) -> None:
        """Under ``Σ_{k=lo}^{hi} p_k == 1``: draw the entries of the range that are not ``given`` and
        scale them so the sum is 1 (when a positive factor does it; else the check rejects the point)."""
        for base, lower, upper in self.normalizations:
            try:
                lo, hi = self.exact(lower, point), self.exact(upper, point)
            except Unchecked:
                continue
            if not (lo.is_Integer and hi.is_Integer) or hi < lo or hi - lo > 200:
                continue
            keys = [(base, sp.Integer(k)) for k in range(int(lo), int(hi) + 1)]
            for key in keys:
                self.entry(point, *key)
            free = [k for k in keys if k not in given]
            fixed = sum((point.entries[k] for k in keys if k in given), sp.Integer(0))
            drawn = sum((point.entries[k] for k in free), sp.Integer(0))
            if free and drawn > 0 and 1 - fixed > 0:
                for key in free:
                    point.entries[key] = point.entries[key] * (1 - fixed) / drawn

    # -- admissibility --------------------------------------------------------------------------------
    def name_violations(self, point: Point) -> tuple[list[str], list[str]]:
        """What ``point`` violates among the names' assumptions and bounds, and what is undecided."""
        bad: list[str] = []
        unknown: list[str] = []
        for n in self.decls.names:
            if n.name not in point.values:
                unknown.append(f"{n.name} has no value")
                continue
            self._check_name(n, point, bad, unknown)
        return bad, unknown

    def violations(self, point: Point) -> tuple[list[str], list[str]]:
        """What ``point`` violates (assumptions, bounds, hypotheses, entry signs), and what could
        not be decided there."""
        bad, unknown = self.name_violations(point)
        for (base, index), v in list(point.entries.items()):
            b = self.decls.base(base)
            for fact in b.facts if b else ():
                if _fact_holds(fact, v) is False:
                    bad.append(f"{base}[{index}]={v} is not {fact}")
        for h in self.hypotheses:
            holds = self._hypothesis_holds(h, point)
            if holds is False:
                bad.append(f"hypothesis {h.text} fails")
            elif holds is None:
                unknown.append(f"hypothesis {h.text} undecided")
        return bad, unknown

    def _check_name(self, n: Name, point: Point, bad: list[str], unknown: list[str]) -> None:
        value = point.values[n.name]
        facts = set(n.facts) | ({"integer"} if n.integer else set())
        for fact in facts:
            if _fact_holds(fact, value) is False:
                bad.append(f"{n.name}={value} is not {fact}")
        lower, upper = self.bounds[n.name]
        for end, op in ((lower, ">" if n.lower_strict else ">="), (upper, "<" if n.upper_strict else "<=")):
            if end is None:
                continue
            try:
                limit = self.exact(end, point)
                holds = _exact_compare(value, op, limit)
            except Unchecked:
                holds = None
            if holds is False:
                bad.append(f"{n.name}={value} violates {n.name} {op} {end}")
            elif holds is None:
                unknown.append(f"bound {n.name} {op} {end} undecided")

    def _hypothesis_holds(self, h: Hyp, point: Point) -> bool | None:
        """Whether a hypothesis holds at ``point`` (for every value of its "for every" names)."""
        found = [self._forall_range(s, h, point) for s in h.forall]
        ranges = [r for r in found if r is not None]
        if len(ranges) < len(found) or _size(ranges) > MAX_FORALL:
            return None
        before = set(point.entries)
        try:
            return self._holds_for_all(h, point, ranges)
        finally:                                     # forget the representative entries of "every other"
            for key in set(point.entries) - before:
                if key[1] == OTHER:
                    del point.entries[key]
                    point.drawn.discard(key)

    def _holds_for_all(self, h: Hyp, point: Point, ranges: list[list[sp.Basic]]) -> bool | None:
        verdict: bool | None = True
        for combo in product(*ranges):
            extra = dict(zip(h.forall, combo, strict=True))
            try:
                left = number(self.exact(h.lhs, point, extra), DIGITS)
                right = number(self.exact(h.rhs, point, extra), DIGITS)
            except Unchecked:
                verdict = None
                continue
            holds = compare(left, h.op, right, DIGITS)
            if holds is False:
                return False
            if holds is None:
                verdict = None
        return verdict

    def _forall_range(self, symbol: sp.Symbol, h: Hyp, point: Point) -> list[sp.Basic] | None:
        """The values a "for every" name takes: its declared range, else every index of the
        entries of the hypothesis' families that the point has, and ``OTHER`` for all the rest
        (an entry drawn like any other: it must be able to satisfy the hypothesis too)."""
        name = self.decls.name(symbol.name)
        if name is not None and (name.lower is not None or name.upper is not None):
            try:
                lo, hi = (self.exact(e, point) if e is not None else None for e in self.bounds[name.name])
            except Unchecked:
                return None
            if lo is None or hi is None or not (lo.is_number and hi.is_number):
                return None
            return [sp.Integer(k) for k in range(int(sp.ceiling(lo)), int(sp.floor(hi)) + 1)]
        families = {str(e.base.label) for e in (h.lhs.atoms(sp.Indexed) | h.rhs.atoms(sp.Indexed))}
        return sorted({i for (b, i) in point.entries if b in families} | {OTHER}, key=sp.default_sort_key)


def _size(ranges: list) -> int:
    total = 1
    for r in ranges:
        total *= len(r)
    return total


def _fact_holds(fact: str, value: sp.Basic) -> bool | None:
    """Whether an exact number has an assumption (None: undecided)."""
    if not value.is_number:
        return None
    if fact == "integer":
        return bool(value.is_Integer) if value.is_Rational else value.is_integer
    if fact == "real":
        return value.is_real
    ops = {"positive": ">", "negative": "<", "nonnegative": ">=", "nonpositive": "<=", "nonzero": "!="}
    if fact not in ops:
        return None
    if ops[fact] == "!=":
        return _exact_compare(value, "!=", sp.Integer(0))
    return _exact_compare(value, ops[fact], sp.Integer(0))


def _exact_compare(left: sp.Basic, op: str, right: sp.Basic) -> bool | None:
    """``left op right`` for exact numbers: exactly when the difference is rational, else at 50
    digits (None when too close to tell)."""
    difference = left - right
    if difference.is_Rational:
        return {"<": difference < 0, "<=": difference <= 0, ">": difference > 0, ">=": difference >= 0,
                "==": difference == 0, "!=": difference != 0}[op] == sp.true
    d = number(difference, DIGITS)
    if abs(d) < sp.Float(10, DIGITS) ** (10 - DIGITS):
        return None
    return {"<": d < 0, "<=": d < 0, ">": d > 0, ">=": d > 0, "==": False, "!=": True}[op] == sp.true


class Sampler:
    """Draws candidate points for a world (seeded; candidates may still be inadmissible).

    Args:
        world: the declarations.
        seed: text the streams are seeded from.
        max_size: the largest dimension to draw (for a proof "for n = 1..N"), if any.
    """

    def __init__(self, world: World, seed: str, max_size: int | None = None) -> None:
        self.world = world
        self.seed = seed
        self.max_size = max_size

    def draw(self, j: int, fixed: dict[str, sp.Basic] | None = None,
             entries: dict[tuple[str, sp.Basic], sp.Basic] | None = None) -> Point:
        """The ``j``-th candidate; ``fixed`` values and ``entries`` (a reported point) are kept."""
        rng = random.Random(f"{self.seed}|{j}")
        point = Point({}, rng, dict(entries or {}))
        fixed = fixed or {}
        for position, n in enumerate(self.world.decls.names):
            if n.name in fixed:
                point.values[n.name] = fixed[n.name]
            elif n.name in self.world.definitions:
                try:
                    point.values[n.name] = self.world.exact(self.world.definitions[n.name], point)
                except Unchecked:
                    continue
            else:
                point.values[n.name] = self._value(n, point, j, position, rng)
        self.world.normalize(point, set(entries or {}))
        return point

    def _value(self, n: Name, point: Point, j: int, position: int, rng: random.Random) -> sp.Basic:
        """A value for ``n``: a stress value (cycled over the first points) or a random one,
        preferring values inside its assumptions and bounds."""
        lo, hi = self._ends(n, point)
        stress = [v for v in self._stress(n, lo, hi, point) if self._fits(n, v, lo, hi)]
        if stress and ((j < 2 * len(stress) and rng.random() < 0.75) or rng.random() < 0.4):
            return stress[(j + position) % len(stress)] if j < len(stress) else rng.choice(stress)
        for _ in range(20):
            v = self._random(n, lo, hi, rng)
            if self._fits(n, v, lo, hi):
                return v
        return stress[0] if stress else self._random(n, lo, hi, rng)

    def _ends(self, n: Name, point: Point) -> tuple[sp.Basic | None, sp.Basic | None]:
        out = []
        for end in self.world.bounds[n.name]:
            try:
                value = None if end is None else self.world.exact(end, point)
            except Unchecked:
                value = None
            out.append(value if value is not None and value.is_number and value.is_real else None)
        return out[0], out[1]

    def _stress(self, n: Name, lo: sp.Basic | None, hi: sp.Basic | None, point: Point) -> list[sp.Basic]:
        if n.role == "dimension":
            return [sp.Integer(v) for v in STRESS_DIMENSIONS]
        if n.integer:
            around = [sp.ceiling(lo), sp.ceiling(lo) - 1] if lo is not None else []
            around += [sp.floor(hi), sp.floor(hi) + 1] if hi is not None else []
            dimensions = {d.name for d in self.world.decls.names if d.role == "dimension"}
            sizes = [v for k, v in point.values.items() if k in dimensions]
            candidates = around + [sp.Integer(v) for v in (0, 1, -1, 2)] + [s + d for s in sizes for d in (0, 1)]
            return list(dict.fromkeys(c for c in candidates if c.is_Integer))
        extra: list[sp.Basic] = []
        for end, sign in ((lo, 1), (hi, -1)):
            if end is not None:
                extra += [end, end + sign * R(1, 1000), end + sign * R(1, 2)]
        if lo is not None and hi is not None:
            extra.append((lo + hi) / 2)
        return list(dict.fromkeys([*extra, *STRESS_REALS]))

    def _fits(self, n: Name, v: sp.Basic, lo: sp.Basic | None, hi: sp.Basic | None) -> bool:
        if n.role == "dimension" and self.max_size is not None and v > self.max_size:
            return False
        facts = set(n.facts) | ({"integer"} if n.integer else set())
        if any(_fact_holds(f, v) is False for f in facts):
            return False
        if lo is not None and _exact_compare(v, ">" if n.lower_strict else ">=", lo) is not True:
            return False
        return hi is None or _exact_compare(v, "<" if n.upper_strict else "<=", hi) is True

    def _random(self, n: Name, lo: sp.Basic | None, hi: sp.Basic | None, rng: random.Random) -> sp.Basic:
        if n.integer:
            if lo is not None and hi is not None and sp.floor(hi) >= sp.ceiling(lo):
                return sp.Integer(rng.randint(int(sp.ceiling(lo)), int(sp.floor(hi))))
            if lo is not None:
                return sp.ceiling(lo) + rng.randint(0, 6)
            if hi is not None:
                return sp.floor(hi) - rng.randint(0, 6)
            return sp.Integer(rng.randint(-3, 9))
        if lo is not None and hi is not None:
            return lo + (hi - lo) * R(rng.randint(1, 999), 1000)
        step = R(rng.randint(1, 500), 100)
        if lo is not None:
            return lo + step
        if hi is not None:
            return hi - step
        if "positive" in n.facts:
            return step
        if "negative" in n.facts:
            return -step
        if "nonnegative" in n.facts:
            return step - R(1, 100)
        return R(rng.randint(-500, 500), 100)
