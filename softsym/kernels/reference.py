"""The true value of a kernel: its proved step's right-hand side evaluated by mpmath at 60 digits.

The step is read exactly as the generator reads it (m := the row's max, j := where it is attained,
t := the class), but evaluated entry by entry with exact input values and mpmath arithmetic that
neither overflows nor underflows, so its result is the function's value, not a float evaluation.
"""
from __future__ import annotations

from collections.abc import Sequence

import mpmath
import numpy as np
import sympy as sp

from ..dsl import Step
from .spec import KernelSpec

DIGITS = 60


class _Evaluator:
    """mpmath values of the SymPy nodes a kernel step is made of; a node is evaluated once per row
    for each assignment of the indices it depends on."""

    def __init__(self, arrays: dict[str, list[mpmath.mpf]], scalars: dict[sp.Symbol, object],
                 free: dict[sp.Basic, tuple[sp.Symbol, ...]] | None = None) -> None:
        self.arrays, self.scalars = arrays, scalars
        self.memo: dict[tuple, object] = {}
        self.free = {} if free is None else free      # node -> its free symbols, shared by every row

    def __call__(self, e: sp.Basic, env: dict[sp.Symbol, int]) -> mpmath.mpf:
        free = self.free.get(e)
        if free is None:
            free = self.free[e] = tuple(sorted(e.free_symbols, key=str))
        key = (e, tuple(env.get(s) for s in free))
        if key not in self.memo:
            self.memo[key] = self._eval(e, env)
        return self.memo[key]

    def _eval(self, e: sp.Basic, env: dict[sp.Symbol, int]) -> mpmath.mpf:
        if e.is_Number:
            return mpmath.mpf(e.p) / e.q if e.is_Rational else mpmath.mpf(float(e))
        if isinstance(e, sp.Symbol):
            return env[e] if e in env else self.scalars[e]
        if isinstance(e, sp.Indexed):
            return self.arrays[e.base.name][int(self(e.indices[0], env)) - 1]
        if isinstance(e, sp.KroneckerDelta):
            return mpmath.mpf(int(self(e.args[0], env) == self(e.args[1], env)))
        if isinstance(e, sp.Sum):
            (k, lo, hi), = e.limits
            return mpmath.fsum(self(e.function, {**env, k: v})
                               for v in range(int(self(lo, env)), int(self(hi, env)) + 1))
        if isinstance(e, sp.log) and e.args[0].is_Add and sp.S.One in e.args[0].args:
            # log(1 + u) as log1p(u): at 60 digits 1 + u is 1 for u < 1e-60, log1p keeps every u
            return mpmath.log1p(self(e.args[0] - 1, env))
        if e.is_Add and sp.S.NegativeOne in e.args and any(isinstance(a, sp.exp) for a in e.args):
            # exp(u) − 1 as expm1(u): at 60 digits e^u − 1 loses u below 1e-60, expm1 keeps it
            u = next(a for a in e.args if isinstance(a, sp.exp))
            rest = [a for a in e.args if a is not u and a != sp.S.NegativeOne]
            return _exact_sum([mpmath.expm1(self(u.args[0], env)), *(self(a, env) for a in rest)])
        args = [self(a, env) for a in e.args]
        if e.is_Add:
            return _exact_sum(args)
        if e.is_Mul:
            return mpmath.fprod(args)
        if e.is_Pow:
            return args[0] ** args[1]
        functions = {sp.exp: mpmath.exp, sp.log: mpmath.log, sp.Abs: abs, sp.sign: mpmath.sign, sp.Max: max, sp.Min: min}
        if type(e) in functions:
            return functions[type(e)](*args)
        raise TypeError(f"no mpmath value for {type(e).__name__}: {e}")


def _exact_sum(terms: list[mpmath.mpf]) -> mpmath.mpf:
    """The sum rounded once: z_i − m + (−1e-164) keeps the −1e-164 when z_i = m.  Summed at a precision
    that holds every bit of every term (up to 100000 bits of spread), then rounded."""
    nonzero = [t for t in terms if t]
    if not all(mpmath.isfinite(t) for t in nonzero):
        return mpmath.fsum(terms)
    if not nonzero:
        return mpmath.mpf(0)
    top = max(int(t._mpf_[2]) + int(t._mpf_[3]) for t in nonzero)     # exponent + bit count: the leading bit
    bottom = min(int(t._mpf_[2]) for t in nonzero)
    with mpmath.workprec(min(top - bottom, 100_000) + 64):
        total = mpmath.fsum(nonzero)
    return +total


def _symbols(step: Step) -> dict[str, sp.Symbol]:
    return {s.name: s for e in (step.rhs, *step.given) for s in e.atoms(sp.Symbol)}


def _max_roles(step: Step) -> tuple[sp.Symbol | None, sp.Symbol | None, str | None]:
    m = j = base = None
    for g in step.given:
        lhs, rhs = g.lhs, g.rhs
        if isinstance(rhs, sp.Indexed):
            lhs, rhs = rhs, lhs
        m, base = rhs, lhs.base.name
        if isinstance(g, sp.Eq):
            j = lhs.indices[0]
    return m, j, base


def true_values(spec: KernelSpec, step: Step, inputs: Sequence[np.ndarray], t: np.ndarray | None = None,
                at_class: Step | None = None) -> list:
    """The exact outputs of the kernel for the 2-D ``inputs`` (or 1-D for elementwise kernels);
    with ``at_class``, entry t of each row is that step's right-hand side instead.

    Returns:
        one list of mpmath values per row (``n`` values, ``n*n`` for outer, 1 for a reduced kernel);
        for an elementwise kernel one value per input element.
    """
    with mpmath.workdps(DIGITS):
        if spec.layout == "elementwise":
            (x_name,) = spec.arrays
            x = _symbols(step)[x_name]
            return [_Evaluator({}, {x: mpmath.mpf(float(v))})(step.rhs, {}) for v in np.asarray(inputs[0]).ravel()]
        names = _symbols(step)
        if at_class is not None:
            names.update(_symbols(at_class))
        m, j, base = _max_roles(step)
        entries = [names[e] for e in spec.entries]
        out = []
        free: dict[sp.Basic, tuple[sp.Symbol, ...]] = {}
        for r in range(inputs[0].shape[0]):
            arrays = {name: [mpmath.mpf(float(v)) for v in a[r]] for name, a in zip(spec.arrays, inputs)}
            n = len(arrays[spec.arrays[0]])
            env: dict[sp.Symbol, int] = {}
            scalars: dict[sp.Symbol, object] = {}
            if base is not None:
                row = arrays[base]
                top = max(range(n), key=lambda k: (row[k], -k))
                scalars[m] = row[top]
                if j is not None:
                    env[j] = top + 1
            if spec.classes:
                env[names[spec.classes]] = int(t[r]) + 1
            scalars.update({hi: n for (_, _, hi) in (S.limits[0] for S in step.rhs.atoms(sp.Sum)) if hi.is_Symbol})
            ev = _Evaluator(arrays, scalars, free)
            if not entries:
                out.append([ev(step.rhs, env)])
            elif len(entries) == 1:
                out.append([ev(step.rhs, {**env, entries[0]: k}) for k in range(1, n + 1)])
                if at_class is not None:
                    out[-1][int(t[r])] = ev(at_class.rhs, env)
            else:
                out.append([ev(step.rhs, {**env, entries[0]: a, entries[1]: b})
                            for a in range(1, n + 1) for b in range(1, n + 1)])
        return out
