"""The from-scratch softmax and cross-entropy of 004_e81365b828eb09e1.txt §二, lambdified as written.

The corpus transcribes the printed code as definitions (derivation ``softmax_regression_from_scratch``
in derivations/softmax_cross_entropy.py): ``X_exp = exp(O)``, ``X_exp_sum = Σ_m X_exp``,
``y_hat = X_exp / X_exp_sum`` and ``cross_entropy = −log(y_hat[r, t])``.  Those definitions are
unfolded, read row by row (the row index r becomes the batch axis), lowered like the kernels but
without any stable rewrite, and handed to SymPy's ``lambdify`` with its NumPy printer: no max is
subtracted, so exp overflows and the log of an underflowed probability is −inf.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np
import sympy as sp
from sympy.printing.numpy import NumPyPrinter

from ..dsl import Derivation
from ..loader import default_path, load_file
from .ir import RowSum, Take
from .lower import lower_step
from .spec import KernelSpec

DERIVATION = "softmax_regression_from_scratch"
FILE = "softmax_cross_entropy.py"


class _LambdifyPrinter(NumPyPrinter):
    """lambdify's NumPy printer plus the two row operations of the lowered formula."""

    def _print_RowSum(self, e: RowSum) -> str:
        return f"{self._module_format('numpy.sum')}({self._print(e.args[0])}, axis=-1, keepdims=True)"

    def _print_Take(self, e: Take) -> str:
        return f"{self._module_format('numpy.take_along_axis')}({self._print(e.args[0])}, {self._print(e.args[1])}, axis=-1)"


def _definitions(d: Derivation) -> dict[str, tuple[sp.Basic, sp.Basic, int]]:
    out = {}
    for defn in d.definitions:
        target = defn.target
        name = target.base.name if isinstance(target, sp.Indexed) else str(target)
        out[name] = (target, defn.expr, defn.step)
    return out


def naive_kernels(derivation: Derivation | None = None) -> dict[str, Callable[..., np.ndarray]]:
    """``{"softmax": f(z), "cross_entropy": g(z, t)}`` for 2-D logits z and classes t (0-based)."""
    if derivation is None:
        found, error = load_file(default_path() / FILE)
        if error is not None:
            raise RuntimeError(str(error))
        derivation = next(d for d in found if d.name == DERIVATION)
    defs = _definitions(derivation)
    y_target, _, y_step = defs["y_hat"]
    ce_target, ce_expr, ce_step = defs["cross_entropy_r"]
    z = sp.IndexedBase("z", real=True)

    def row_form(expr: sp.Basic) -> sp.Basic:
        """Unfold the printed names (y_hat uses X_exp_sum and X_exp) and read O[r, c] as z[c]."""
        printed = {"y_hat", "X_exp_sum", "X_exp"}
        while expr.has(*[e for e in expr.atoms(sp.Indexed) if e.base.name in printed]):
            expr = expr.replace(lambda e: isinstance(e, sp.Indexed) and e.base.name in printed,
                                lambda e: _apply(defs[e.base.name], e))
        return expr.replace(lambda e: isinstance(e, sp.Indexed) and e.base.name == "O", lambda e: z[e.indices[1]])

    c = y_target.indices[1]
    softmax_spec = KernelSpec("naive_softmax", DERIVATION, "", "rows", ("z",), (str(c),))
    softmax_ir = lower_step(softmax_spec, replace(derivation.steps[y_step - 1], rhs=row_form(y_target), given=()))
    ce_spec = KernelSpec("naive_cross_entropy", DERIVATION, "", "rows", ("z",), (), classes="t")
    ce_ir = lower_step(ce_spec, replace(derivation.steps[ce_step - 1], rhs=row_form(ce_expr), given=()))
    f = sp.lambdify([softmax_ir.arrays[0]], softmax_ir.expr, modules="numpy", printer=_LambdifyPrinter)
    g = sp.lambdify([ce_ir.arrays[0], ce_ir.classes], ce_ir.expr, modules="numpy", printer=_LambdifyPrinter)
    return {"softmax": f,
            "cross_entropy": lambda logits, classes: g(logits, np.asarray(classes).reshape(-1, 1))[:, 0]}


def _apply(definition: tuple[sp.Basic, sp.Basic, int], use: sp.Indexed) -> sp.Basic:
    """The definition ``target := expr`` applied at the indices of ``use``."""
    target, expr, _ = definition
    return expr.xreplace(dict(zip(target.indices, use.indices)))
