"""SymPy → z3: the arithmetic core of a relation, with what z3 cannot see abstracted soundly.

The encoding is an over-approximation: every point the assumptions admit (where the relation is
defined) maps to a model of the constraints, with each abstracted term given its true value.  So
``unsat`` of (constraints ∧ ¬relation) proves the relation; a ``sat`` model is only a candidate
point, which softsym confirms itself.

What z3 sees:
- symbols and entries ``z[i]`` as real variables (integers as integer variables), with their
  declared signs, bounds and hypotheses (a hypothesis z3 cannot read is left out: fewer
  assumptions prove less, never more);
- ``+ − ×`` and integer powers exactly; a quotient ``a/b`` as itself where ``b ≠ 0`` (the relation
  is claimed only where both sides are defined);
- a root ``r = a**(1/k)`` as a variable with ``r ≥ 0, r**k = a`` — only once z3 has shown
  ``a ≥ 0`` from the assumptions, else the encoding gives up (a root of a negative number is
  complex);
- ``Max/Min/Abs`` as variables with their defining disjunction, ``Piecewise`` and
  ``KroneckerDelta`` as if-then-else;
- ``exp(a)`` as a positive variable, ``log(a)`` (once ``a > 0`` is shown) as a variable, each with
  the facts their monotonicity gives for every pair of such terms (``a ≤ b ⇔ e^a ≤ e^b``), the
  comparison with ``e^0 = 1`` / ``log 1 = 0``, and the Taylor and tangent bounds (``e^a ≥ 1 + a``,
  ``e^a ≥ 1 + a + a²/2 + a³/6`` on all of ℝ, ``1 − 1/a ≤ log a ≤ a − 1``);
- constants (π, e, log 2) as variables within 10⁻²⁰ of their 40-digit values (relative to their
  size above 1);
- a sum over a symbolic n as a variable of the sign softsym's own sum rules give it, any other
  real term (sin x, binomial(n, 3)) as a real variable (SymPy's sign facts for those are not
  trusted: it calls binomial(n, 3) negative and atan(0) positive).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sympy as sp

from .domain import Domain
from .numeric.admissible import required_symbols, universal_symbols
from .sums import atomize_sums

MAX_POWER = 12
"""Largest integer exponent written out as a product."""
MAX_ROOT = 6
"""Largest root index (a**(1/k)) encoded."""


class Untranslatable(Exception):
    """The relation (or a part the proof needs) has no sound encoding."""


@dataclass
class Encoding:
    """The constraints of one relation, built by :func:`encode`.

    Attributes:
        goal: the relation itself (a z3 Boolean).
        assumptions: declarations, bounds and the hypotheses z3 can read.
        defined: where the relation is defined (denominators ≠ 0).
        facts: what the abstractions' definitions give (true at every point).
        obligations: ``(condition, words, facts)``: what an abstraction needs (a radicand ≥ 0, a
            log argument > 0), to be shown from the assumptions, ``defined``, ``facts`` and the
            facts of the obligations before it; only then may its own ``facts`` be used.
        variables: the z3 variable of each symbol and entry (for reading a model back).
        notes: the abstraction in words, for the trace.
        dropped: hypotheses left out, in words.
    """

    goal: Any = None
    assumptions: list[Any] = field(default_factory=list)
    defined: list[Any] = field(default_factory=list)
    facts: list[Any] = field(default_factory=list)
    obligations: list[tuple[Any, str, list[Any]]] = field(default_factory=list)
    variables: dict[sp.Basic, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


class _Encoder:
    def __init__(self, z3: Any, atoms: dict[sp.Symbol, sp.Basic]) -> None:
        self.z3 = z3
        self.out = Encoding()
        self.sum_atoms = atoms              # atom symbol -> the sum it stands for (for notes)
        self.cache: dict[sp.Basic, Any] = {}
        self.exps: list[tuple[Any, Any]] = []     # (argument, variable)
        self.logs: list[tuple[Any, Any]] = []
        self.fresh = 0
        self.strict = True        # a zero denominator here makes the side undefined (see _power)

    @contextmanager
    def lenient(self) -> Iterator[None]:
        """Inside a Kronecker delta, a condition or a hypothesis SymPy absorbs a zero denominator
        (``KroneckerDelta(zoo, 1)`` is 0, ``Eq(zoo, 2)`` False): no ``b != 0`` is recorded there, and
        z3's total division leaves ``1/0`` an arbitrary value — every SymPy outcome included."""
        before, self.strict = self.strict, False
        try:
            yield
        finally:
            self.strict = before

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Undo what a translation that fails part-way added (constraints, cached terms), so a
        dropped hypothesis leaves no trace."""
        out = self.out
        sizes = (len(out.assumptions), len(out.defined), len(out.facts), len(out.obligations), len(out.notes),
                 len(self.exps), len(self.logs))
        cached, known = set(self.cache), set(out.variables)
        try:
            yield
        except Untranslatable:
            for key in set(out.variables) - known:
                del out.variables[key]
            for lst, n in zip((out.assumptions, out.defined, out.facts, out.obligations, out.notes, self.exps,
                               self.logs), sizes, strict=True):
                del lst[n:]
            for key in set(self.cache) - cached:
                del self.cache[key]
            raise

    # -- variables -------------------------------------------------------------------------
    def _new(self, stem: str) -> Any:
        self.fresh += 1
        return self.z3.Real(f"{stem}!{self.fresh}")

    def variable(self, node: sp.Basic) -> Any:
        """The z3 variable of a symbol or an entry, with its declared sign."""
        if node in self.out.variables:
            return self._real(self.out.variables[node])
        if node.is_real is not True:
            raise Untranslatable(f"{self.sum_atoms.get(node, node)} is not known to be real")
        name = f"{node}" if not isinstance(node, sp.Dummy) else f"{node.name}!{node.dummy_index}"
        var = self.z3.Int(name) if node.is_integer else self.z3.Real(name)
        self.out.variables[node] = var
        real = self._real(var)
        for fact, holds in (("positive", real > 0), ("negative", real < 0), ("nonnegative", real >= 0),
                            ("nonpositive", real <= 0), ("nonzero", real != 0)):
            if getattr(node, f"is_{fact}") is True:
                self.out.assumptions.append(holds)
        if node in self.sum_atoms:
            self.out.notes.append(f"{self.sum_atoms[node]} is a variable ({_sign_words(node)})")
        return real

    def _real(self, var: Any) -> Any:
        return self.z3.ToReal(var) if self.z3.is_int(var) else var

    # -- terms -----------------------------------------------------------------------------
    def term(self, e: sp.Basic) -> Any:
        if e in self.cache:
            return self.cache[e]
        value = self._term(e)
        self.cache[e] = value
        return value

    def _term(self, e: sp.Basic) -> Any:
        z3 = self.z3
        if isinstance(e, sp.Rational):
            return z3.RealVal(Fraction(int(e.p), int(e.q)))
        if e.is_number and not e.free_symbols:
            if e.is_real is not True:
                raise Untranslatable(f"{e} is not known to be real")
            return self._constant(e)
        if isinstance(e, (sp.Symbol, sp.Indexed)):
            if isinstance(e, sp.Indexed) and not all(i.is_integer for i in e.indices):
                raise Untranslatable(f"the index of {e} is not known to be an integer")
            return self.variable(e)
        if isinstance(e, sp.Add):
            return z3.Sum([self.term(a) for a in e.args])
        if isinstance(e, sp.Mul):
            return z3.Product([self.term(a) for a in e.args])
        if isinstance(e, sp.Pow):
            return self._power(e)
        if isinstance(e, (sp.Max, sp.Min)):
            return self._extremum(e)
        if isinstance(e, sp.Abs):
            x = self.term(e.args[0])
            return z3.If(x >= 0, x, -x)
        if isinstance(e, sp.exp):
            return self._exp(e)
        if isinstance(e, sp.log):
            return self._log(e)
        if isinstance(e, sp.KroneckerDelta):
            with self.lenient():
                return z3.If(self.term(e.args[0]) == self.term(e.args[1]), z3.RealVal(1), z3.RealVal(0))
        if isinstance(e, sp.Piecewise):
            return self._piecewise(e)
        return self._atom(e)

    def _constant(self, e: sp.Basic) -> Any:
        """A real constant between rational bounds: its 40-digit value ± 10⁻²⁰ (relative to its
        size when that exceeds 1).  Beyond 10^±30 only its exact sign is kept (writing such a
        number out as a fraction would take longer than the proof)."""
        var = self._new("c")
        value = sp.N(e, 40)
        if not isinstance(value, sp.Float) or value == 0 or not 1e-30 < abs(value) < 1e30:
            if value.is_Float and value != 0:          # 40 correct digits: the sign is certain
                self.out.facts.append(var > 0 if value > 0 else var < 0)
            self.out.notes.append(f"{e} is a variable of its sign ({'positive' if value > 0 else 'negative'})")
            return var
        center = sp.Rational(value)
        eps = sp.Rational(1, 10**20) * max(1, abs(center))
        lo, hi = center - eps, center + eps
        self.out.facts += [var >= self.z3.RealVal(Fraction(int(lo.p), int(lo.q))),
                           var <= self.z3.RealVal(Fraction(int(hi.p), int(hi.q)))]
        self.out.notes.append(f"{e} is a variable in [{sp.N(lo, 12)}, {sp.N(hi, 12)}]")
        return var

    def _power(self, e: sp.Pow) -> Any:
        base, exponent = e.args
        if exponent.is_Integer:
            k = int(exponent)
            if abs(k) > MAX_POWER:
                raise Untranslatable(f"the power {e} is too large to write out")
            b = self.term(base)
            value = self.z3.Product([b] * abs(k)) if k else self.z3.RealVal(1)
            if k >= 0:
                return value
            if self.strict:
                self.out.defined.append(b != 0)
            return 1 / value
        if exponent.is_Rational:
            p, q = int(exponent.p), int(exponent.q)
            if q > MAX_ROOT or abs(p) > MAX_POWER:
                raise Untranslatable(f"the power {e} is beyond the encoding")
            root = self._root(base, q)
            value = self.z3.Product([root] * abs(p))
            if p > 0:
                return value
            if self.strict:
                self.out.defined.append(root != 0)
            return 1 / value
        if base == sp.E:
            return self._exp(sp.exp(exponent, evaluate=False))
        raise Untranslatable(f"the power {e} has a symbolic exponent")

    def _root(self, base: sp.Basic, q: int) -> Any:
        key = sp.Pow(base, sp.Rational(1, q), evaluate=False)
        if key in self.cache:
            return self.cache[key]
        a = self.term(base)
        r = self._new("root")
        self.out.obligations.append((a >= 0, f"{base} >= 0", [r >= 0, self.z3.Product([r] * q) == a]))
        self.out.notes.append(f"{key} is a variable r with r ≥ 0, r**{q} = {base}")
        self.cache[key] = r
        return r

    def _extremum(self, e: sp.Basic) -> Any:
        args = [self.term(a) for a in e.args]
        m = self._new("max" if isinstance(e, sp.Max) else "min")
        if isinstance(e, sp.Max):
            self.out.facts += [m >= a for a in args]
        else:
            self.out.facts += [m <= a for a in args]
        self.out.facts.append(self.z3.Or([m == a for a in args]))
        self.out.notes.append(f"{e} is a variable equal to one of its arguments and "
                              f"{'at least' if isinstance(e, sp.Max) else 'at most'} each")
        return m

    def _exp(self, e: sp.Basic) -> Any:
        a = self.term(e.args[0])
        v = self._new("exp")
        taylor = 1 + a + a * a / 2 + a * a * a / 6           # odd Taylor sums are lower bounds on ℝ
        self.out.facts += [v > 0, v >= 1 + a, v >= taylor, (a <= 0) == (v <= 1), (a >= 0) == (v >= 1)]
        for b, w in self.exps:
            self.out.facts += [(a <= b) == (v <= w), (b <= a) == (w <= v)]
        self.exps.append((a, v))
        self.out.notes.append(f"{e} is a positive variable, increasing in its argument, above its Taylor "
                              "sums of degree 1 and 3")
        return v

    def _log(self, e: sp.Basic) -> Any:
        if len(e.args) != 1:
            raise Untranslatable(f"{e} has a base")
        a = self.term(e.args[0])
        v = self._new("log")
        facts = [v <= a - 1, v * a >= a - 1, (a <= 1) == (v <= 0), (a >= 1) == (v >= 0)]
        for b, w in self.logs:                # each earlier log's argument is shown > 0 before this one
            facts += [(a <= b) == (v <= w), (b <= a) == (w <= v)]
        self.out.obligations.append((a > 0, f"{e.args[0]} > 0", facts))
        self.logs.append((a, v))
        self.out.notes.append(f"{e} is a variable, increasing in its argument, between 1 − 1/argument "
                              "and argument − 1")
        return v

    def _piecewise(self, e: sp.Piecewise) -> Any:
        """If-then-else; a branch's definedness conditions hold only where the branch is taken
        (its roots and logarithms must still be shown real everywhere: stronger, still sound)."""
        z3 = self.z3
        pieces = list(e.args)
        if pieces[-1].cond is not sp.true:
            raise Untranslatable("a Piecewise without an otherwise branch may be undefined")
        with self.lenient():
            conditions = [self.condition(p.cond) for p in pieces[:-1]]
        values = []
        for k, piece in enumerate(pieces):
            taken = z3.And([z3.Not(c) for c in conditions[:k]] + conditions[k:k + 1])
            mark = len(self.out.defined)
            values.append(self.term(piece.expr))
            branch = self.out.defined[mark:]
            del self.out.defined[mark:]
            if branch:
                self.out.defined.append(z3.Implies(taken, z3.And(branch)))
        value = values[-1]
        for c, v in zip(reversed(conditions), reversed(values[:-1]), strict=True):
            value = z3.If(c, v, value)
        return value

    def _atom(self, e: sp.Basic) -> Any:
        if e.has(sp.Derivative, sp.Limit, sp.Integral):
            raise Untranslatable(f"{e} is left to the other strategies")
        if e.is_real is not True:
            raise Untranslatable(f"{e} is not known to be real")
        v = self._new("atom")         # no sign: SymPy calls binomial(n, 3) negative, atan(0) positive
        self.out.notes.append(f"{e} is a real variable")
        return v

    # -- relations -------------------------------------------------------------------------
    def condition(self, c: sp.Basic) -> Any:
        z3 = self.z3
        if c is sp.true:
            return z3.BoolVal(True)
        if c is sp.false:
            return z3.BoolVal(False)
        if isinstance(c, sp.And):
            return z3.And([self.condition(a) for a in c.args])
        if isinstance(c, sp.Or):
            return z3.Or([self.condition(a) for a in c.args])
        if isinstance(c, sp.Not):
            return z3.Not(self.condition(c.args[0]))
        if isinstance(c, sp.Rel):
            lhs, rhs = self.term(c.lhs), self.term(c.rhs)
            ops = {"==": lambda: lhs == rhs, "!=": lambda: lhs != rhs, "<": lambda: lhs < rhs,
                   "<=": lambda: lhs <= rhs, ">": lambda: lhs > rhs, ">=": lambda: lhs >= rhs}
            if c.rel_op not in ops:
                raise Untranslatable(f"the relation {c} is not arithmetic")
            return ops[c.rel_op]()
        raise Untranslatable(f"the condition {c} is not arithmetic")

    def bound(self, at: sp.Basic, lower: sp.Basic | None, lower_strict: bool,
              upper: sp.Basic | None, upper_strict: bool) -> list[Any]:
        """``lower (<|<=) at (<|<=) upper``."""
        x = self.term(at)
        out = []
        if lower is not None:
            lo = self.term(lower)
            out.append(lo < x if lower_strict else lo <= x)
        if upper is not None:
            hi = self.term(upper)
            out.append(x < hi if upper_strict else x <= hi)
        return out


def _signed(x: Any, symbol: sp.Symbol) -> list[Any]:
    """What the declared sign of ``symbol`` says about a value ``x`` it may take."""
    return [holds for fact, holds in (("positive", x > 0), ("negative", x < 0), ("nonnegative", x >= 0),
                                      ("nonpositive", x <= 0), ("nonzero", x != 0))
            if getattr(symbol, f"is_{fact}") is True]


def _sign_words(e: sp.Basic) -> str:
    for fact in ("positive", "negative", "nonnegative", "nonpositive"):
        if getattr(e, f"is_{fact}") is True:
            return fact
    return "real"


def encode(lhs: sp.Basic, rel: str, rhs: sp.Basic, domain: Domain,
           values: set[sp.Basic] | None = None) -> Encoding:
    """The z3 encoding of ``lhs rel rhs`` (``==``, ``<=`` or ``<``) over ``domain``.

    Raises:
        Untranslatable: a side has no sound encoding (hypotheses z3 cannot read are dropped).
        ImportError: z3 is not installed.
    """
    import z3

    values = (lhs.free_symbols | rhs.free_symbols) if values is None else set(values)
    given = list(domain.given)
    both, atoms = atomize_sums(sp.Tuple(lhs, rhs, *given), domain)
    left, right, *hyps = both.args
    enc = _Encoder(z3, atoms)
    a, b = enc.term(left), enc.term(right)
    enc.out.goal = {"==": lambda: a == b, "<=": lambda: a <= b, "<": lambda: a < b}[rel]()
    for bound in domain.bounds:
        try:
            with enc.transaction(), enc.lenient():
                enc.out.assumptions += enc.bound(bound.symbol, bound.lower, bound.lower_strict,
                                                 bound.upper, bound.upper_strict)
        except Untranslatable as exc:
            enc.out.dropped.append(f"{bound} ({exc})")
    values |= required_symbols(domain)        # as the admissibility check reads "for every index"
    for original, g in zip(given, hyps, strict=True):
        universal = universal_symbols(original) - values
        try:
            with enc.transaction(), enc.lenient():
                if universal:
                    enc.out.assumptions += _instances(enc, g, universal, domain)
                else:
                    enc.out.assumptions.append(enc.condition(g))
        except Untranslatable as exc:
            enc.out.dropped.append(f"{original} ({exc})")
    return enc.out


def _instances(enc: _Encoder, g: sp.Basic, universal: set[sp.Symbol], domain: Domain) -> list[Any]:
    """A "for every index" hypothesis (``z[l] <= M`` for every l in l's range) at each entry of
    the same family the encoding already has: ``range(e) ⇒ g[l := e]``."""
    if len(universal) != 1:
        raise Untranslatable("a hypothesis for every value of several indices")
    (index_symbol,) = universal
    pattern = [e for e in g.atoms(sp.Indexed) if index_symbol in e.free_symbols]
    if not pattern or any(len(p.indices) != 1 or p.indices[0] != index_symbol for p in pattern):
        raise Untranslatable(f"{index_symbol} is not the plain index of the entries")
    bases = {p.base for p in pattern}
    entries = [e for e in list(enc.out.variables) if isinstance(e, sp.Indexed) and e.base in bases
               and len(e.indices) == 1]
    bound = domain.bound_of(index_symbol)
    out = []
    for entry in entries:
        index = entry.indices[0]
        if index.is_integer is not True:
            continue
        inside = enc.bound(index, bound.lower, bound.lower_strict, bound.upper, bound.upper_strict) \
            if bound is not None else []
        inside += _signed(enc.term(index), index_symbol)
        instance = enc.condition(g.xreplace({index_symbol: index}))
        out.append(enc.z3.Implies(enc.z3.And(inside), instance) if inside else instance)
        enc.out.notes.append(f"the hypothesis {g} at {index_symbol} = {index}")
    return out


__all__ = ["Encoding", "Untranslatable", "encode"]
