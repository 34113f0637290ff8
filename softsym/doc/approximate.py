"""``≈`` between two closed numbers, as a worked example writes it (``\\log 2 \\approx 0.6931``,
``e^2 + e + 1 \\approx 7.389 + 2.718 + 1``): the written decimals say how close the sides must be.

A side's value is computed to 30 significant digits (SymPy's evalf, which controls its error), so
the verdict is a computation, not a sample.  Within the written precision (half a unit in the last
decimal place per decimal written) the relation holds as a rounding; further apart than ten such
units *and* than 1 % of the values it is refuted (a wrong constant, a flipped sign, a missing
factor); in between it is left undecided.  Without a decimal (``e^{-3} \\approx 0``) or with free
names the precision meant is unknown, and ``≈`` stays skipped.
"""
from __future__ import annotations

import re

import sympy as sp

_DECIMAL = re.compile(r"(?<![\d.])\d*\.(\d+)(?![\d.])")


def written_precision(tex: str) -> tuple[int, int] | None:
    """(decimal places, how many decimals are written) of the decimals in ``tex``, or None."""
    places = [len(m.group(1)) for m in _DECIMAL.finditer(tex)]
    return (max(places), len(places)) if places else None


def approximately(left: sp.Basic, right: sp.Basic, tex: str) -> tuple[str, str] | None:
    """The verdict ("proved", "refuted" or "undecided") of ``left ≈ right`` and why, or None when it
    cannot be judged (free names, no decimal written, a value that is not a real number)."""
    precision = written_precision(tex)
    if precision is None or left.free_symbols or right.free_symbols:
        return None
    if left.atoms(sp.Indexed) or right.atoms(sp.Indexed):
        return None
    places, count = precision
    try:
        a, b = sp.N(left, 30), sp.N(right, 30)
    except Exception:  # noqa: BLE001 - a value SymPy cannot evaluate is not judged
        return None
    if not (a.is_real and b.is_real and a.is_finite and b.is_finite):
        return None
    gap = abs(a - b)
    unit = sp.Float(10) ** -places
    shown = f"left ≈ {sp.N(a, 8)}, right ≈ {sp.N(b, 8)}"
    if gap <= count * unit / 2 * (1 + sp.Float("1e-9")):
        return "proved", f"≈ holds as a rounding to the {places} decimal place{'s' if places > 1 else ''} " \
                         f"written ({shown})"
    if gap > 10 * count * unit and gap > sp.Float("0.01") * max(abs(a), abs(b)):
        return "refuted", f"≈ fails: {shown}, {sp.N(gap, 3)} apart, far beyond the {places} decimal " \
                          f"place{'s' if places > 1 else ''} written"
    return "undecided", f"≈: {shown}, {sp.N(gap, 3)} apart, more than the rounding of the {places} decimal " \
                        f"place{'s' if places > 1 else ''} written but not far from it"
