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
from .rewrite import canonical_dummies
from .sums import atomize_sums, normalize_sums

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
        lemmas: ``(condition, words, facts)`` like obligations, but optional: classical
            inequalities about the terms present (log-sum-exp against its largest argument,
            Jensen for a sum of exponentials, Cauchy–Schwarz for weighted sums) whose ``facts`` are
            used only once ``condition`` is shown; a lemma whose condition fails is left out.
        variables: the z3 variable of each symbol and entry (for reading a model back).
        notes: the abstraction in words, for the trace.
        dropped: hypotheses left out, in words.
    """

    goal: Any = None
    assumptions: list[Any] = field(default_factory=list)
    defined: list[Any] = field(default_factory=list)
    facts: list[Any] = field(default_factory=list)
    obligations: list[tuple[Any, str, list[Any]]] = field(default_factory=list)
    lemmas: list[tuple[Any, str, list[Any]]] = field(default_factory=list)
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
        if e.has(sp.Sum, sp.Product, sp.Integral, sp.Limit):
            # evaluating these can take minutes, and the encoding runs with the alarm held back
            raise Untranslatable(f"the constant {e} is not evaluated for z3")
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
        self._log_sum_exp(e.args[0], v)
        self.out.notes.append(f"{e} is a variable, increasing in its argument, between 1 − 1/argument "
                              "and argument − 1")
        return v

    # -- lemmas: classical inequalities about the terms present ------------------------------
    def _log_sum_exp(self, argument: sp.Basic, v: Any) -> None:
        """``v = log(e^{u_1} + … + e^{u_k})`` (k ≥ 2) lies strictly above every ``u_j`` and at most
        ``log k`` above the largest: ``u_j ≥ u_i for all i ⇒ v ≤ u_j + log k``."""
        if not isinstance(argument, sp.Add) or len(argument.args) < 2 \
                or not all(isinstance(t, sp.exp) for t in argument.args):
            return
        exponents = [t.args[0] for t in argument.args]
        us = [self.term(u) for u in exponents]
        log_k = self.term(sp.log(len(us)))
        z3 = self.z3
        facts = [v > u for u in us]
        facts += [z3.Implies(z3.And([ui <= uj for ui in us]), v <= uj + log_k) for uj in us]
        words = f"log-sum-exp of {len(us)} terms is above each exponent and at most log {len(us)} above the largest"
        self.out.lemmas.append((z3.BoolVal(True), words, facts))
        scale = _common_factor(exponents)
        if scale is None:
            return
        # the same facts divided by a common factor s of the exponents (1/T, −β): what a goal
        # T·LSE(z/T) or −(1/β)·LSE(−βE) needs, stated as products z3 sees linearly
        with self.lenient():     # no new "≠ 0": the facts are used only where scale > 0 (< 0) is shown
            inverse, s = self.term(1 / scale), self.term(scale)
            ws = [self.term(sp.expand(u / scale)) for u in exponents]
        for sign, holds in ((1, s > 0), (-1, s < 0)):
            above = [(v * inverse > w) if sign > 0 else (v * inverse < w) for w in ws]
            top = [z3.Implies(z3.And([ui <= uj for ui in us]),
                              (v * inverse <= w + log_k * inverse) if sign > 0 else (v * inverse >= w + log_k * inverse))
                   for uj, w in zip(us, ws, strict=True)]
            self.out.lemmas.append((holds, f"{words}, divided by {scale}", above + top))

    def sum_lemmas(self) -> None:
        """Lemmas about the sums over symbolic ranges the encoding holds as variables."""
        present = {atom: node for atom, node in self.sum_atoms.items()
                   if atom in self.out.variables and isinstance(node, sp.Sum) and len(node.limits) == 1}
        by_form = {_canonical(node): atom for atom, node in present.items()}
        for atom, node in present.items():
            self._jensen(atom, node, by_form)
            self._cauchy_schwarz(atom, node, by_form)
        weighted_logs = [(atom, node, *found) for atom, node in present.items()
                         if (found := _weighted_log(node)) is not None]
        for first in weighted_logs:
            for second in [None, *weighted_logs]:
                self._log_tangent(first, second, by_form)

    def _log_tangent(self, first: tuple, second: tuple | None, by_form: dict) -> None:
        """Gibbs' inequality termwise: ``w log x − w log y = w log(x/y) ≥ w − w·y/x`` for ``w ≥ 0`` and
        ``x, y > 0`` (``log t ≥ 1 − 1/t``), summed over one range:
        ``Σ w log x − Σ w log y ≥ Σ w − Σ w y/x`` — used when those two sums are present."""
        atom, node, w, x = first
        (i, lo, hi), = node.limits
        if second is None:
            y, other = sp.Integer(1), None
        else:
            other, node2, w2, y = second
            (j, lo2, hi2), = node2.limits
            if other == atom or (lo2, hi2) != (lo, hi) or sp.expand(w2.xreplace({j: i}) - w) != 0:
                return
            y = y.xreplace({j: i})
        weights = by_form.get(_canonical(sp.Sum(w, (i, lo, hi))))
        ratio = by_form.get(_canonical(sp.Sum(sp.expand(sp.powsimp(w * y / x)), (i, lo, hi))))
        if weights is None or ratio is None:
            return
        left = self.variable(atom) - (self.variable(other) if other is not None else 0)
        words = f"{node}" + (f" − {self.sum_atoms[other]}" if other is not None else "")
        with self.lenient():        # a reversed range (hi < lo − 1) negates the sums: the bound flips
            ordered = self.term(hi) >= self.term(lo) - 1
        self.out.lemmas.append((ordered, f"log t >= 1 − 1/t termwise: {words} >= "
                                f"{self.sum_atoms[weights]} − {self.sum_atoms[ratio]}",
                                [left >= self.variable(weights) - self.variable(ratio)]))

    def _jensen(self, atom: sp.Symbol, node: sp.Sum, by_form: dict) -> None:
        """Jensen for the convex exp: ``log Σ_{i∈R} e^{f(i)} ≥ log N + (Σ_{i∈R} f(i))/N`` over a range
        of ``N ≥ 1`` terms, when the log of that sum and the sum of the exponents are both present."""
        summand = node.function
        if not isinstance(summand, sp.exp) or sp.log(atom) not in self.cache:
            return
        (i, lo, hi), = node.limits
        exponents = by_form.get(_canonical(sp.Sum(summand.args[0], (i, lo, hi))))
        if exponents is None:
            return
        count = sp.expand(hi - lo + 1)
        if sp.log(count) not in self.cache or not count.is_polynomial() or count.is_integer is not True:
            return                                   # log N comes with its own obligation (N > 0)
        n, log_n, log_s = self.term(count), self.cache[sp.log(count)], self.cache[sp.log(atom)]
        mean = self.variable(exponents) / n
        self.out.lemmas.append((n >= 1, f"Jensen: log {node} >= log({count}) + mean of the exponents",
                                [log_s >= log_n + mean]))

    def _cauchy_schwarz(self, atom: sp.Symbol, node: sp.Sum, by_form: dict) -> None:
        """Weighted Cauchy–Schwarz: ``(Σ w g)² ≤ (Σ w g²)(Σ w)`` for weights ``w ≥ 0`` over one range
        (a reversed or empty range negates all three sums: the inequality still holds)."""
        (i, lo, hi), = node.limits
        factors = sp.Mul.make_args(node.function)
        for w in factors:
            if not _declared_nonnegative(w, i):
                continue
            g = sp.Mul(*[f for f in factors if f is not w]) if factors.count(w) == 1 else node.function / w
            squares = by_form.get(_canonical(sp.Sum(sp.expand(w * g**2), (i, lo, hi))))
            weights = by_form.get(_canonical(sp.Sum(w, (i, lo, hi))))
            if squares is None or weights is None or squares == atom:
                continue
            b, a, c = self.variable(atom), self.variable(squares), self.variable(weights)
            self.out.lemmas.append((self.z3.BoolVal(True), f"Cauchy–Schwarz: ({node})² <= "
                                    f"{self.sum_atoms[squares]}·{self.sum_atoms[weights]}", [b * b <= a * c]))
            return

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


def _normal(g: sp.Basic, domain: Domain) -> sp.Basic:
    """A hypothesis in the sum normal form the relation's sides are put in (value-preserving)."""
    if not g.has(sp.Sum, sp.Product):
        return g
    try:
        return normalize_sums(g, domain)
    except (ValueError, TypeError, NotImplementedError):
        return canonical_dummies(g)


def _canonical(node: sp.Sum) -> sp.Basic:
    """``node`` in alpha-normal form (``canonical_dummies``: no user name can equal its index) with
    its summand expanded: sums that differ only in the index's name or by expansion compare equal."""
    alpha = canonical_dummies(node)
    return sp.Tuple(sp.expand(alpha.function), *alpha.limits[0][1:])


def _common_factor(exponents: list[sp.Basic]) -> sp.Basic | None:
    """The product of the factors every exponent has (``1/T`` of ``a/T, b/T``; ``−β`` of ``−βa, −βb``),
    when it is not a plain number and contains no sum (so it has a plain encoding)."""
    shared = None
    for u in exponents:
        factors = set(sp.Mul.make_args(u))
        shared = factors if shared is None else shared & factors
    if not shared:
        return None
    scale = sp.Mul(*shared)
    if scale.is_number or scale.has(sp.Sum, sp.Product) or not scale.free_symbols:
        return None
    return scale


def _weighted_log(node: sp.Sum) -> tuple[sp.Basic, sp.Basic] | None:
    """``(w, x)`` when the summand is ``w·log(x)`` with ``w ≥ 0`` declared and ``x > 0`` built from
    declared-positive entries, exponentials and positive rationals."""
    (i, _, _), = node.limits
    factors = sp.Mul.make_args(node.function)
    logs = [f for f in factors if isinstance(f, sp.log) and len(f.args) == 1]
    if len(logs) != 1:
        return None
    w = sp.Mul(*[f for f in factors if f is not logs[0]])
    x = logs[0].args[0]
    if not _declared_nonnegative(w, i) or not _declared_positive(x):
        return None
    return w, x


def _declared_positive(x: sp.Basic) -> bool:
    """Whether ``x > 0`` follows from declarations: products and integer powers of entries of bases
    declared positive, exponentials and positive rationals."""
    if isinstance(x, sp.Rational):
        return x > 0
    if isinstance(x, sp.exp):
        return True
    if isinstance(x, sp.Indexed):
        return x.is_positive is True                   # an entry's sign is its base's declaration
    if isinstance(x, sp.Pow):
        return x.exp.is_Integer and _declared_positive(x.base)
    if isinstance(x, sp.Mul):
        return all(_declared_positive(f) for f in x.args)
    return False


def _declared_nonnegative(w: sp.Basic, index: sp.Symbol) -> bool:
    """Whether ``w`` is ≥ 0 by a declaration, not by SymPy's inference on a compound term: an entry
    ``p[index]`` of a base declared nonnegative or positive, or ``exp(…)``."""
    if isinstance(w, sp.exp):
        return True
    return isinstance(w, sp.Indexed) and w.indices == (index,) and w.is_nonnegative is True   # from its base


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
    canonical = [_normal(g, domain) for g in given]          # the same sum, the same atom as in the relation
    both, atoms = atomize_sums(sp.Tuple(lhs, rhs, *canonical), domain)
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
    try:
        with enc.transaction():
            enc.sum_lemmas()
    except Untranslatable:
        pass                                   # a lemma is optional: the encoding stands without it
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
