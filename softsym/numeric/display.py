"""Counterexample values as people read them: short exact values as they are (``0``, ``-3/4``, ``e``),
anything else to 7 significant digits (``≈0.7310586``).  Reports, ``prove`` and the export all show
values through ``shown_value``; JSON keeps the full-precision strings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import mpmath
import sympy as sp

from ..errors import ParseError
from ..parsing import parse_expr
from ..verdict import Counterexample

DIGITS = 7                       # significant digits of a value that is not short and exact
_MORE_DIGITS = (10, 15, 20, 30, 45, 60)  # tried in turn when two different sides look equal at DIGITS
_DECIMAL = re.compile(r"\d\.|\.\d|\de[-+]?\d")   # a decimal in the text: the value is already rounded
_MAX_INTEGER_DIGITS = 8
_MAX_FRACTION_DIGITS = 4         # numerator and denominator of a fraction shown as it is
_MAX_CLOSED_FORM = 8             # characters of a closed form shown as it is (E, exp(2), sqrt(2), pi)


@dataclass(frozen=True)
class Shown:
    """A value as shown.

    Attributes:
        text: ``1/2``, ``E``, ``0.7310586``, or the original text when it is not a number (``undefined``).
        exact: whether ``text`` is the value itself (else it is rounded: write ``≈``).
        value: the number read from the original text (None when it is not one).
    """

    text: str
    exact: bool
    value: sp.Basic | None = None

    @property
    def sign(self) -> str:
        """``=`` for an exact value, ``≈`` for a rounded one."""
        return "=" if self.exact else "≈"


def shown_value(text: str, digits: int = DIGITS) -> Shown:
    """One value (a side's value or a coordinate of the point) as shown to people.

    Short exact values stay as they are: integers up to 8 digits, fractions with at most 4 digits
    above and below (``1/2``, ``-3/4``), closed forms up to 8 characters (``E``, ``exp(2)``,
    ``sqrt(2)``).  Other numbers get ``digits`` significant digits.  Text that is not a finite
    number (``undefined``, ``oo``, an expression with symbols) is returned unchanged, as exact.
    """
    value = _number(text)
    if value is None or not (value.is_finite or value.is_finite is None and value.is_number):
        return Shown(text, True, value)
    if not _DECIMAL.search(text) and _short(value):
        return Shown(sp.sstr(value), True, value)
    return Shown(_decimal(value, digits), False, value)


def shown_sides(lhs: str, rhs: str) -> tuple[Shown, Shown]:
    """Both sides shown the same way: a closed form beside a rounded value is rounded too (``≈2.718282``,
    not ``E``; exact integers and fractions stay), and two different values that would look equal
    get more digits."""
    left, right = shown_value(lhs), shown_value(rhs)
    if left.value is None or right.value is None or not (left.value.is_finite and right.value.is_finite):
        return left, right                                 # not two finite numbers: nothing to align
    if left.exact != right.exact:          # a closed form (E) beside a decimal: both as decimals
        left, right = (s if s.value.is_Rational else Shown(_decimal(s.value, DIGITS), False, s.value)
                       for s in (left, right))
    if _look_equal(left, right):
        for digits in _MORE_DIGITS:
            a, b = (s if s.exact else Shown(_decimal(s.value, digits), False, s.value) for s in (left, right))
            if not _look_equal(a, b):
                return a, b
    return left, right


def _look_equal(left: Shown, right: Shown) -> bool:
    """Two different values whose shown forms are the same number (``≈0.5`` and ``=1/2``)."""
    if left.exact and right.exact:
        return False
    shown_left, shown_right = _number(left.text), _number(right.text)
    return (shown_left is not None and shown_right is not None and shown_left == shown_right
            and _decimal(left.value, _MORE_DIGITS[-1]) != _decimal(right.value, _MORE_DIGITS[-1]))


def readable(cex: Counterexample) -> str:
    """``x≈0.6224593: lhs≈0.7310586, rhs=1/2`` (``Counterexample.describe`` keeps every digit)."""
    point = ", ".join(f"{name}{s.sign}{s.text}" for name, s in ((k, shown_value(v)) for k, v in cex.values))
    lhs, rhs = shown_sides(cex.lhs_value, cex.rhs_value)
    return f"{point or '(no free symbols)'}: lhs{lhs.sign}{lhs.text}, rhs{rhs.sign}{rhs.text}"


def readable_message(message: str, cex: Counterexample | None) -> str:
    """A verdict's message with its full-precision counterexample written as ``readable`` does."""
    return message.replace(cex.describe(), readable(cex)) if cex is not None and message else message


def _number(text: str) -> sp.Basic | None:
    try:
        value = parse_expr(text)
    except (ParseError, TypeError, ValueError, sp.SympifyError):
        return None
    return value if isinstance(value, sp.Expr) and value.is_number else None


def _short(value: sp.Basic) -> bool:
    if value.is_Integer:
        return len(str(abs(value))) <= _MAX_INTEGER_DIGITS
    if value.is_Rational:
        return max(len(str(abs(value.p))), len(str(value.q))) <= _MAX_FRACTION_DIGITS
    return len(sp.sstr(value)) <= _MAX_CLOSED_FORM and not value.has(sp.Float)


def _decimal(value: sp.Basic, digits: int) -> str:
    """``digits`` significant digits, trailing zeros dropped (``0.7310586``, ``1e-25``, ``0.5 + 1.2*I``)."""
    number = sp.N(value, digits + 10)
    if number.is_real is not True:
        return sp.sstr(sp.N(value, digits))
    with mpmath.workdps(digits + 10):        # mpf() rounds to the working precision
        return re.sub(r"\.0(?=e|$)", "", mpmath.nstr(mpmath.mpf(number), digits))


__all__ = ["DIGITS", "Shown", "readable", "readable_message", "shown_sides", "shown_value"]
