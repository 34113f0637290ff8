"""Corrections to SymPy assumption handlers that claim facts which are false (applied on import).

Found by the red team of the z3 strategy (SymPy 1.14): for a rational (e.g. integer) symbol ``x``,
``atan(x)``, ``asin(x)`` and ``acos(x)`` are called irrational — hence nonzero, and ``atan(x)``
positive for an integer ``x ≥ 0`` — although ``atan(0) = asin(0) = acos(1) = 0``; and
``binomial(n, 3)`` is called negative for every integer ``n`` although ``binomial(0, 3) = 0`` and
``binomial(5, 3) = 10``.  Every strategy reads such facts (``is_positive``, ``is_nonnegative``).

Subclasses would lose SymPy's own dispatch by type (``continuous_domain``, ``limit``), so the
handlers of SymPy's classes are wrapped instead: a claim stands only where it is true (the
argument is a number, or provably not the one value where the function is rational).  This
changes SymPy's answers in the process that imports softsym only by turning false answers into
"unknown".
"""
from __future__ import annotations

from collections.abc import Callable

import sympy as sp

_ZERO_AT = {sp.atan: 0, sp.asin: 0, sp.acos: 1}
"""The one rational argument where each inverse function is rational (its value there is 0)."""


def _rational_claim(original: Callable, special: int) -> Callable:
    def handler(self):  # type: ignore[no-untyped-def]
        arg = self.args[0]
        if arg.is_number or (arg - special).is_zero is False:
            return original(self)
        return None
    handler.__doc__ = original.__doc__
    handler.__softsym_patched__ = True  # type: ignore[attr-defined]
    return handler


def _binomial_sign(original: Callable) -> Callable:
    def handler(self):  # type: ignore[no-untyped-def]
        answer = original(self)
        return None if answer is False else answer       # False for odd k: binomial(0, 3) = 0 says otherwise
    handler.__softsym_patched__ = True  # type: ignore[attr-defined]
    return handler


def _install(cls: type, fact: str, wrap: Callable[[Callable], Callable]) -> None:
    """Replace ``cls._eval_is_<fact>`` and its entry in the handler table SymPy builds per class."""
    name = f"_eval_is_{fact}"
    original = cls.__dict__.get(name)
    if original is None or getattr(original, "__softsym_patched__", False):
        return
    handler = wrap(original)
    setattr(cls, name, handler)
    table = getattr(cls, "_prop_handler", None)
    if isinstance(table, dict) and fact in table:
        table[fact] = handler


def patch() -> None:
    """Wrap the handlers once (idempotent)."""
    for cls, special in _ZERO_AT.items():
        _install(cls, "rational", lambda original, special=special: _rational_claim(original, special))
    _install(sp.binomial, "nonnegative", _binomial_sign)


patch()
