"""SymPy's LaTeX printer, adapted to how the derivations write their math."""
from __future__ import annotations

import re

import sympy as sp
from sympy.printing.latex import LatexPrinter

_GREEK = {"phi", "eta", "theta", "mu", "sigma", "lambda", "alpha", "beta", "gamma", "delta", "omega", "tau",
          "pi", "psi", "chi", "rho", "kappa", "epsilon", "zeta", "xi", "nu"}


class DerivationLatexPrinter(LatexPrinter):
    """Entries as subscripts (z_{i}, W_{i,j}), δ_{ij} for Kronecker deltas, internal names hidden.

    Bound variables that softsym renamed (``_k0``) print as k, k', k''; slack and helper names
    never reach the page because export prints the steps as written, not the prover's forms.
    """

    def __init__(self, settings: dict | None = None) -> None:
        super().__init__({"mul_symbol": None, "fold_short_frac": False, "ln_notation": False,
                          **(settings or {})})

    def _print_Indexed(self, expr: sp.Indexed) -> str:
        base = self._print(expr.base.label)
        indices = ",".join(self._print(i) for i in expr.indices)
        return f"{{{base}}}_{{{indices}}}" if "_" in base or "^" in base else f"{base}_{{{indices}}}"

    def _print_IndexedBase(self, expr: sp.IndexedBase) -> str:
        return self._print(expr.label)

    def _print_KroneckerDelta(self, expr: sp.KroneckerDelta, exp: str | None = None) -> str:
        i, j = (self._print(a) for a in expr.args)
        sep = "," if len(i) > 1 or len(j) > 1 else ""
        tex = rf"\delta_{{{i}{sep}{j}}}"
        return f"{tex}^{{{exp}}}" if exp else tex

    def _print_Symbol(self, expr: sp.Symbol, style: str = "plain") -> str:
        name = expr.name
        match = re.fullmatch(r"_k(\d+)", name)
        if match:                                   # canonical bound variables: k, k', k''
            return "k" + "'" * int(match.group(1))
        if "_" in name and not name.startswith("_"):
            head, tail = name.split("_", 1)
            head_tex = f"\\{head}" if head in _GREEK else head
            tail_tex = f"\\{tail}" if tail in _GREEK else tail
            return f"{head_tex}_{{{tail_tex}}}" if len(head) == 1 or head in _GREEK else \
                rf"\mathrm{{{head}}}_{{{tail_tex}}}"
        return super()._print_Symbol(expr, style)


def latex(expr: sp.Basic) -> str:
    """An expression (or relation side) as LaTeX math, deterministic."""
    return DerivationLatexPrinter().doprint(expr)
