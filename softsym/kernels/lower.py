"""Lower a proved step to the array vocabulary of ``ir.py``: indices become axes, sums become row
reductions, the hypotheses "m is the max of z, attained at j" become a row max and an argmax,
Kronecker deltas become exact puts at one entry per row, ``log(1 + u)`` becomes ``log1p(u)`` and
``exp(u) − 1`` becomes ``expm1(u)``.

Nothing here changes a formula: every rule is an exact identity of arrays (a put replaces an entry
by the value the formula gives it; "Σ_k (1 − δ_kj) f_k" is the sum of f with entry j *set to 0*, not
the rounded difference Σ_k f_k − f_j).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import sympy as sp
from sympy.codegen.rewriting import ReplaceOptim, expm1_opt, optimize

from ..dsl import Derivation, Step
from .ir import (AddDiagonal, ArgMax, AsColumn, AsRow, OneHot, Put, RowEqual, RowMax, RowSum, Take, is_row_value,
                 log1p)
from .spec import KernelSpec

DIAGONAL = sp.Symbol("diagonal")   # the "entry" of OneHot that marks the diagonal i = j (outer layout)


class LoweringError(Exception):
    """A step the generator cannot turn into array code (says which step and which part)."""


# -- printer-level rewrites, as data: (query, replacement) pairs applied after lowering --------------------
def _is_log_one_plus(e: sp.Basic) -> bool:
    return isinstance(e, sp.log) and e.args[0].is_Add and sp.S.One in e.args[0].args


LOG1P = ReplaceOptim(_is_log_one_plus, lambda e: log1p(e.args[0] - 1))
REWRITES = (LOG1P, expm1_opt)   # log(1 + u) -> log1p(u); exp(u) - 1 -> expm1(u)


@dataclass(frozen=True)
class Lowered:
    """A kernel's formula as one array expression, with the symbols that are its arguments."""

    spec: KernelSpec
    step: Step
    expr: sp.Expr
    arrays: tuple[sp.Symbol, ...]
    classes: sp.Symbol | None
    reduced: bool
    also: tuple[Step, ...] = ()      # further steps the expression was assembled from


def lower(spec: KernelSpec, derivation: Derivation) -> Lowered:
    """The array expression of ``spec``'s step.

    Raises:
        KeyError: the derivation has no step with the spec's label.
        LoweringError: the step uses something the generator has no array form for.
    """
    main = lower_step(spec, derivation.step_labelled(spec.label))
    if not spec.at_class:
        return main
    at = lower_step(replace(spec, entries=(), at_class=""), derivation.step_labelled(spec.at_class))
    return replace(main, expr=Put(main.expr, main.classes, at.expr), also=(at.step,))


def lower_step(spec: KernelSpec, step: Step) -> Lowered:
    """The array expression of ``step``'s right-hand side, read with ``spec``'s roles of the symbols."""
    lowering = _Lowering(spec, step)
    expr = _share_max_entry(optimize(lowering.lower(step.rhs, lowering.axes), REWRITES))
    if expr.has(OneHot):
        raise LoweringError(f"{step.place}: a Kronecker delta is left without a dense term to put it into: {expr}")
    full = frozenset(lowering.arrays.values())
    reduced = spec.layout == "rows" and is_row_value(expr, full)
    return Lowered(spec, step, expr, tuple(lowering.arrays[a] for a in spec.arrays), lowering.classes, reduced)


class _Lowering:
    def __init__(self, spec: KernelSpec, step: Step) -> None:
        self.spec, self.step = spec, step
        names = {s.name: s for e in (step.rhs, *step.given) for s in e.atoms(sp.Symbol)}
        names.update({b.name: b for e in (step.rhs, *step.given) for b in e.atoms(sp.IndexedBase)})
        self.arrays = {a: sp.Symbol(a, real=True) for a in spec.arrays}
        missing = [e for e in spec.entries if e not in names]
        if missing:
            self._fail(f"the step has no index {', '.join(missing)}")
        kinds = ("col", "row") if spec.layout == "outer" else ("entry",)
        self.axes = {names[e]: kind for e, kind in zip(spec.entries, kinds)}
        self.classes = sp.Symbol(spec.classes, integer=True) if spec.classes else None
        self.class_index = names.get(spec.classes) if spec.classes else None
        self.max_symbol, self.argmax_index, self.max_of = self._read_hypotheses()
        self.length: sp.Basic | None = None

    def _fail(self, what: str) -> None:
        raise LoweringError(f"{self.step.place} step {self.step.index} ({self.spec.label}): {what}")

    # -- hypotheses: "z_l <= m for every l" and "z_j = m" -----------------------------------------------
    def _read_hypotheses(self) -> tuple[sp.Symbol | None, sp.Symbol | None, sp.Symbol | None]:
        m = j = base = None
        for g in self.step.given:
            lhs, rhs = (g.lhs, g.rhs) if isinstance(g, (sp.Eq, sp.LessThan)) else (None, None)
            if isinstance(g, sp.Eq) and isinstance(rhs, sp.Indexed):
                lhs, rhs = rhs, lhs
            if not (isinstance(lhs, sp.Indexed) and isinstance(rhs, sp.Symbol) and lhs.base.name in self.arrays):
                self._fail(f"cannot satisfy the hypothesis {g} in a kernel (only 'z[l] <= m' and 'z[j] = m')")
            if (m is not None and rhs != m) or (base is not None and lhs.base.name != base.name):
                self._fail(f"hypotheses about two different maxima: {g}")
            m, base = rhs, lhs.base
            if isinstance(g, sp.Eq):
                j = lhs.indices[0]
            elif lhs.indices[0] in self.step.rhs.free_symbols:
                self._fail(f"'{g}' must hold for every index: its index may not appear in the formula")
        return m, j, (self.arrays[base.name] if base is not None else None)

    def _max_value(self) -> sp.Expr:
        # where the formula uses the position j of the max too, argmax then gather (exactly the max,
        # and the argmax is computed once); otherwise the row max, which short rows get far cheaper
        if self.argmax_index is not None and self.argmax_index in self.step.rhs.free_symbols:
            return Take(self.max_of, ArgMax(self.max_of))
        return RowMax(self.max_of)

    def _row_index(self, s: sp.Basic) -> sp.Expr | None:
        if self.class_index is not None and s == self.class_index:
            return self.classes
        if self.argmax_index is not None and s == self.argmax_index:
            return ArgMax(self.max_of)
        return None

    # -- the rules, by expression type --------------------------------------------------------------------
    def lower(self, e: sp.Basic, axes: dict[sp.Symbol, str]) -> sp.Expr:
        if e.is_Number:
            return e
        if isinstance(e, sp.Symbol):
            return self._symbol(e, axes)
        if isinstance(e, sp.Indexed):
            return self._indexed(e, axes)
        if isinstance(e, sp.KroneckerDelta):
            return self._delta(e, axes)
        if isinstance(e, sp.Sum):
            return self._sum(e, axes)
        if e.is_Add:
            return self._add([self.lower(a, axes) for a in e.args])
        if e.is_Mul:
            return self._mul([self.lower(a, axes) for a in e.args])
        if e.is_Pow and e.exp.is_Number:
            base = self.lower(e.base, axes)
            if isinstance(base, (OneHot, Put)):
                self._fail(f"a power of a Kronecker delta term: {e}")
            return base ** e.exp
        if isinstance(e, sp.Piecewise):
            self._fail("write the branches as one formula with Min, Max and Abs: a Piecewise needs NumPy's masked "
                       "or where-selected operations, which cost several times an exp per element")
        if isinstance(e, (sp.exp, sp.log, sp.Abs, sp.sign, sp.Max, sp.Min)):
            args = [self.lower(a, axes) for a in e.args]
            if any(isinstance(a, (OneHot, Put)) for a in args):
                self._fail(f"a Kronecker delta inside {e.func.__name__}: {e}")
            return e.func(*args)
        self._fail(f"no array form for {type(e).__name__}: {e}")
        raise AssertionError  # unreachable

    def _symbol(self, s: sp.Symbol, axes: dict[sp.Symbol, str]) -> sp.Expr:
        if s == self.max_symbol:
            return self._max_value()
        if self.spec.layout == "elementwise" and s.name in self.arrays:
            return self.arrays[s.name]
        if s in axes or self._row_index(s) is not None:
            self._fail(f"the index {s} is used as a number")
        self._fail(f"the symbol {s} is neither an input, an index nor the max of a hypothesis")
        raise AssertionError

    def _indexed(self, e: sp.Indexed, axes: dict[sp.Symbol, str]) -> sp.Expr:
        name = e.base.name
        if name not in self.arrays or len(e.indices) != 1:
            self._fail(f"{e} is not an entry of an input ({', '.join(self.arrays)})")
        array, idx = self.arrays[name], e.indices[0]
        if idx in axes:
            return {"entry": array, "col": AsColumn(array), "row": AsRow(array)}[axes[idx]]
        row_index = self._row_index(idx)
        if row_index is None:
            self._fail(f"the index {idx} of {e} is neither an entry index nor a class or argmax index")
        return Take(array, row_index)

    def _delta(self, e: sp.KroneckerDelta, axes: dict[sp.Symbol, str]) -> sp.Expr:
        a, b = e.args
        if a in axes and b in axes:
            return OneHot(DIAGONAL, sp.S.One) if a != b else sp.S.One
        if self._row_index(a) is not None and self._row_index(b) is not None:
            return RowEqual(self._row_index(a), self._row_index(b))
        entry, other = (a, b) if a in axes else (b, a)
        row_index = self._row_index(other)
        if entry not in axes or row_index is None:
            self._fail(f"{e}: a Kronecker delta must compare an entry index with a class or argmax index")
        return OneHot(row_index, sp.S.One)

    def _sum(self, e: sp.Sum, axes: dict[sp.Symbol, str]) -> sp.Expr:
        if len(e.limits) != 1 or self.spec.layout != "rows":
            self._fail(f"only single sums over the entries of a row: {e}")
        k, lo, hi = e.limits[0]
        if lo != 1 or (self.length is not None and hi != self.length):
            self._fail(f"the sum {e} must run over every entry, 1..n")
        self.length = hi
        body = self.lower(e.function, {**axes, k: "entry"})
        if is_row_value(body, frozenset(self.arrays.values())):
            self._fail(f"the summand of {e} does not depend on the entry {k}")
        return RowSum(body)


    # -- arithmetic with one-hot terms: exact puts -----------------------------------------------------------
    def _is_row(self, x: sp.Expr) -> bool:
        return is_row_value(x, frozenset(self.arrays.values()))

    def _take(self, x: sp.Expr, c: sp.Expr) -> sp.Expr:
        """The entry c of each row of x, simplified where that is exact."""
        if isinstance(x, Put) and x.args[1] == c:
            return x.args[2]
        return x if self._is_row(x) else Take(x, c)

    def _add(self, terms: list[sp.Expr]) -> sp.Expr:
        """dense + OneHot(c, v) = Put(dense, c, dense_c + v); a Put absorbs the dense terms."""
        special = [t for t in terms if isinstance(t, (OneHot, Put))]
        dense = [t for t in terms if not isinstance(t, (OneHot, Put))]
        acc = sp.Add(*dense) if dense else None
        for s in special:
            if isinstance(s, Put):
                x, c, v = s.args
                acc = s if acc is None else Put(x + acc, c, v + self._take(acc, c))
                continue
            c, v = s.args
            if acc is None:
                acc = s
            elif c == DIAGONAL:
                acc = AddDiagonal(acc, v)
            else:
                acc = Put(acc, c, self._take(acc, c) + v)
        return acc

    def _mul(self, factors: list[sp.Expr]) -> sp.Expr:
        """F·OneHot(c, v) = OneHot(c, F_c·v); F·Put(X, c, v) = Put(F·X, c, F_c·v)."""
        special = [f for f in factors if isinstance(f, (OneHot, Put))]
        acc = sp.Mul(*[f for f in factors if not isinstance(f, (OneHot, Put))])
        for s in special:
            if isinstance(acc, OneHot):
                self._fail(f"a product of a Kronecker delta with another: {sp.Mul(*factors)}")
            if isinstance(s, OneHot):
                c, v = s.args
                if c == DIAGONAL and not self._is_row(acc):
                    self._fail(f"δ_ij times a factor that depends on i or j: {acc}")
                acc = OneHot(c, v * (acc if c == DIAGONAL else self._take(acc, c)))
            else:
                x, c, v = s.args
                acc = _put(acc * x if x != 1 else acc, c, 0 if v == 0 else self._take(acc, c) * v)
        return acc


def _put(x: sp.Expr, c: sp.Expr, v: sp.Expr) -> sp.Expr:
    """``Put(x, c, v)``, with entries set to 0 in one canonical order (the argmax's first): zeroing
    two entries commutes, and a canonical order lets the array with only the max zeroed be shared."""
    def key(index: sp.Expr) -> tuple:
        return (not isinstance(index, ArgMax), sp.default_sort_key(index))
    if v == 0 and isinstance(x, Put) and x.args[2] == 0 and key(c) < key(x.args[1]):
        return Put(_put(x.args[0], c, 0), x.args[1], 0)
    return Put(x, c, v)


def _share_max_entry(expr: sp.Expr) -> sp.Expr:
    """Where the formula uses both E = exp(z − z_j) (j the argmax) and E with entry j zeroed, write E
    as "E with entry j zeroed, then set to 1".  The two arrays are bitwise equal: z_j − z_j is 0 and
    exp(0) is 1 in floating point, so this is exact; it lets the zeroed array be computed in place
    and shared instead of copied."""
    def is_shifted_exp(e: sp.Basic) -> bool:
        if not isinstance(e, sp.exp) or not e.args[0].is_Add or len(e.args[0].args) != 2:
            return False
        a, b = e.args[0].args
        x, m = (a, -b) if isinstance(-b, Take) else (b, -a)
        return isinstance(m, Take) and isinstance(m.args[1], ArgMax) and m.args[0] == x == m.args[1].args[0]
    for zeroed in sorted(expr.atoms(Put), key=sp.default_sort_key):
        e, c, v = zeroed.args
        if v == 0 and isinstance(c, ArgMax) and is_shifted_exp(e):
            hole = sp.Dummy("zeroed")
            expr = expr.xreplace({zeroed: hole}).xreplace({e: Put(hole, c, 1)}).xreplace({hole: zeroed})
    # (row factors) · Put(X, c, v) = Put((row factors) · X, c, (row factors) · v): the product then
    # reads X instead of overwriting it
    def scaled_put(e: sp.Basic) -> bool:
        return e.is_Mul and sum(isinstance(a, Put) for a in e.args) == 1 and \
            all(isinstance(a, Put) or not _has_array(a) for a in e.args)
    def push(e: sp.Mul) -> sp.Expr:
        (put,) = [a for a in e.args if isinstance(a, Put)]
        rest = sp.Mul(*[a for a in e.args if a is not put])
        return Put(rest * put.args[0], put.args[1], rest * put.args[2])
    return expr.replace(scaled_put, push)


def _has_array(e: sp.Basic) -> bool:
    """Whether e varies along the entries of a row (outside a reduction or a gather)."""
    return not is_row_value(e, frozenset(s for s in e.free_symbols if s.is_real and not s.is_integer))
