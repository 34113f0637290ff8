"""Jupyter display: ``show(derivation)`` checks it and renders its steps with their verdicts.

``Derivation`` is a frozen dataclass in ``dsl.py`` and stays free of display code; ``show`` wraps
a check result in a ``DerivationView``, which Jupyter renders through ``_repr_markdown_``:
Markdown with ``$``/``$$`` math, rendered by MathJax (no ``_repr_latex_``: the LaTeX export uses
its own macros, which a notebook's LaTeX conversion would not have).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..dsl import Derivation
from ..engine import DerivationResult, check_derivation
from ..prover import DEFAULT_TIMEOUT
from .markdown import derivation_markdown


@dataclass(frozen=True)
class DerivationView:
    """A checked derivation that displays itself as rendered math with its verdicts."""

    result: DerivationResult

    def _repr_markdown_(self) -> str:
        return derivation_markdown(self.result)

    def __repr__(self) -> str:
        d = self.result.derivation
        ok = sum(1 for r in self.result.results if r.ok)
        return f"<DerivationView {d.name}: {ok} of {len(self.result.results)} steps as expected>"


def show(derivation: Derivation | DerivationResult, timeout: float = DEFAULT_TIMEOUT) -> DerivationView:
    """A derivation ready for display in Jupyter: checked now, unless a check result is passed.

    Args:
        derivation: a derivation (checked here, step by step) or the result of a check.
        timeout: seconds per step.
    """
    if isinstance(derivation, DerivationResult):
        return DerivationView(derivation)
    return DerivationView(check_derivation(derivation, timeout))


__all__ = ["DerivationView", "show"]
