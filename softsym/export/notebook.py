"""Jupyter display: ``show(derivation)`` checks it and renders its steps with their verdicts."""
from __future__ import annotations

from dataclasses import dataclass

from ..dsl import Derivation
from ..engine import DerivationResult, check_derivation
from .markdown import derivation_markdown


@dataclass(frozen=True)
class DerivationView:
    """A checked derivation that renders itself as Markdown with math in Jupyter."""

    result: DerivationResult

    def _repr_markdown_(self) -> str:
        return derivation_markdown(self.result)

    def __str__(self) -> str:
        return derivation_markdown(self.result)


def show(derivation: Derivation, timeout: float = 30.0) -> DerivationView:
    """Check ``derivation`` now and return an object Jupyter displays as rendered math."""
    return DerivationView(check_derivation(derivation, timeout))
