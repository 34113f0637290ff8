"""The exact value of a float claim at one input: mpmath at 50 digits and more, never overflowing.

The claim's SymPy expression gets the row's length and classes put in (sums over 1..n become plain
sums), then each entry is compiled once per shape to an mpmath function of the row's entries
(``lambdify``, common subexpressions shared).  An input is a float, so its value is an exact binary
fraction: mpmath takes it as it is.  A value is accepted when two precisions (50 and 100 digits,
else 200, 400 … 3200) agree to ``AGREE`` relatively; a failure is confirmed once more at
``CONFIRM_DIGITS`` before it refutes anything.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import mpmath
import sympy as sp

from ..errors import StepTimeout
from .claim import CLASS, ELEMENT, ROW, FloatClaim

LADDER = (50, 100, 200, 400, 800, 1600, 3200)
AGREE = mpmath.mpf("1e-30")
CONFIRM_DIGITS = 1000


class ExactError(ValueError):
    """The exact expression cannot be evaluated at an input (an index out of range, an unknown function)."""


Value = mpmath.mpf | mpmath.mpc | None


class Reference:
    """The exact values of one claim's result, compiled per row length and classes."""

    def __init__(self, claim: FloatClaim) -> None:
        self.claim = claim
        self._compiled: dict[tuple[int, tuple[int, ...]], tuple[Callable[..., list], int]] = {}

    def values(self, point: Sequence[object], digits: int | None = None) -> list[Value]:
        """The exact result at ``point`` (a value per input, as ``FloatClaim.points`` holds them): one
        value per entry of the row (or one value); None where it is not a finite real number.

        Args:
            point: the input, rows as float tuples, classes 1-based.
            digits: evaluate at exactly this precision; by default the first two rungs of ``LADDER``
                that agree.

        Raises:
            ExactError: the expression cannot be evaluated there.
        """
        function, count = self._function(point)
        numbers = [mpmath.mpf(v) for v, role in zip(point, self.claim.roles) if role == ELEMENT]
        for v, role in zip(point, self.claim.roles):
            if role == ROW:
                numbers.extend(mpmath.mpf(x) for x in v)            # type: ignore[union-attr]
        if digits is not None:
            return [_finite(v) for v in _run(function, numbers, digits, count)]
        before = _run(function, numbers, LADDER[0], count)
        for rung in LADDER[1:]:
            now = _run(function, numbers, rung, count)
            if all(_agree(a, b) for a, b in zip(before, now)):
                break
            before = now
        return [_finite(v) for v in now]

    def _function(self, point: Sequence[object]) -> tuple[Callable[..., list], int]:
        claim = self.claim
        rows = [v for v, role in zip(point, claim.roles) if role == ROW]
        n = len(rows[0]) if rows else 0                                  # type: ignore[arg-type]
        classes = tuple(int(v) for v, role in zip(point, claim.roles) if role == CLASS)  # type: ignore[call-overload]
        key = (n, classes)
        if key not in self._compiled:
            self._compiled[key] = self._compile(n, classes)
        return self._compiled[key]

    def _compile(self, n: int, classes: tuple[int, ...]) -> tuple[Callable[..., list], int]:
        claim = self.claim
        elements = [s for s, role in zip(claim.inputs, claim.roles) if role == ELEMENT]
        bases = [s for s, role in zip(claim.inputs, claim.roles) if role == ROW]
        entries = {(b, k): sp.Dummy(f"{b.label}{k}") for b in bases for k in range(1, n + 1)}
        known = {**{s: n for s in claim.sizes},
                 **dict(zip((s for s, role in zip(claim.inputs, claim.roles) if role == CLASS), classes))}
        picks = range(1, n + 1) if claim.entry is not None else [None]

        def concrete(entry: int | None) -> sp.Basic:
            expr = claim.exact.xreplace({**known, **({claim.entry: entry} if entry is not None else {})}).doit()

            def entry_of(e: sp.Indexed) -> sp.Basic:
                k = e.indices[0] if len(e.indices) == 1 else None
                if k is None or not k.is_Integer or (e.base, int(k)) not in entries:
                    raise ExactError(f"{e} is not an entry of a row of length {n}")
                return entries[(e.base, int(k))]
            return expr.replace(lambda e: isinstance(e, sp.Indexed), entry_of)

        try:
            exprs = [concrete(p) for p in picks]
        except (ExactError, StepTimeout):
            raise
        except Exception as exc:  # noqa: BLE001 - SymPy failing on the user's expression is the user's to see
            raise ExactError(f"cannot put n = {n} into the exact value: {type(exc).__name__}: {exc}") from None
        left = [e for e in exprs if e.free_symbols - set(elements) - set(entries.values())]
        if left:
            names = sorted(map(str, left[0].free_symbols - set(elements) - set(entries.values())))
            raise ExactError(f"the exact value still has {', '.join(names)} once the input is put in")
        arguments = [*elements, *(entries[(b, k)] for b in bases for k in range(1, n + 1))]
        return sp.lambdify(arguments, exprs, modules="mpmath", cse=True), len(exprs)


def _run(function: Callable[..., list], numbers: list[mpmath.mpf], digits: int, count: int) -> list:
    """The values at ``digits`` digits; all None where the expression divides by zero there."""
    try:
        with mpmath.workdps(digits):
            return [+mpmath.mpmathify(v) for v in function(*numbers)]
    except ZeroDivisionError:
        return [None] * count
    except (ValueError, OverflowError, TypeError) as exc:
        raise ExactError(f"mpmath cannot evaluate the exact value: {type(exc).__name__}: {exc}") from None


def _agree(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is b
    if not (mpmath.isfinite(a) and mpmath.isfinite(b)):
        return str(a) == str(b)
    return abs(a - b) <= AGREE * max(abs(a), abs(b)) or a == b


def _finite(value: object) -> Value:
    """The value when it is a finite real number (a complex one with no imaginary part counts)."""
    if value is None:
        return None
    if isinstance(value, mpmath.mpc):
        if value.imag != 0:
            return None
        value = value.real
    return value if mpmath.isfinite(value) else None


__all__ = ["CONFIRM_DIGITS", "ExactError", "LADDER", "Reference"]
