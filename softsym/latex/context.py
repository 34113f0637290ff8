"""``Context``: what the document declared before the expression being read."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import sympy as sp


def _default_dimension() -> sp.Symbol:
    return sp.Symbol("n", integer=True, positive=True)


@dataclass(frozen=True)
class Context:
    """Declarations the reader honours.

    Attributes:
        names: declared names (keys as SymPy spells them: ``"phi"``, ``"z"``, ``"y_hat"``) mapped to
            a ``Symbol``, an ``IndexedBase`` or a ``Function`` class; a declared name is used as is.
        dimension: the range end of ``\\sum_i``, ``\\sum_{k \\ne t}`` and ``softmax`` (they run from
            1 to it); the name it carries is read as this symbol everywhere.
        functions: names the document defined as functions (``f`` in ``f(x) := …``; a leading
            backslash is ignored), so that ``f(x)`` is an application and ``f'(x)`` a derivative.
    """

    names: Mapping[str, sp.Basic] = field(default_factory=dict)
    dimension: sp.Symbol = field(default_factory=_default_dimension)
    functions: frozenset[str] = frozenset()
