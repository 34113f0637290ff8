"""``≈`` between two closed numbers, as a worked example writes it (``\\log 2 \\approx 0.6931``,
``e^2 + e + 1 \\approx 7.389 + 2.718 + 1``, ``2^{100} \\approx 1.3 \\times 10^{30}``): the decimals
written say how close the sides must be.

A side made of written numbers and arithmetic only is a computation on roundings: each number
written with decimals (or in scientific notation) stands for any value within half a unit of its
last place (of the mantissa, times its power of ten), whole numbers inside arithmetic are exact,
and the side's range is computed exactly by interval arithmetic (``0.1 \\times 0.1`` is between
0.0025 and 0.0225, not "0.01 give or take 0.1").  A side that is one whole number alone
(``\\approx 3``, ``\\approx 1000``) rounds to its last nonzero digit, at most 10 % of its value.
Any other side (``\\log 2``, ``e^{-1.6}``: their numbers are exact inputs) is the value SymPy's
evalf gives at 30 and at 60 digits, used only when the two agree, so the verdict is a
computation, not a sample.  The relation holds as a rounding when the two ranges meet; when the
values are further apart than ten times the ranges' half-widths together *and* than 1 % of the
values it is refuted (a wrong constant, a flipped sign, a missing factor) — unless reading
``\\log`` to base 10 or 2 makes it hold; in between it is undecided.
Without a decimal or a lone whole number (``\\sqrt 2 \\approx \\frac{7}{5}``), with free
names, or with a value evalf cannot be trusted on (an infinite sum or product, an integral, a
limit: SymPy returns numbers for divergent series) the precision or the value is unknown, and
``≈`` stays skipped.
"""
from __future__ import annotations

import re

import sympy as sp

_NUMBER = re.compile(r"(?<![\d.])(\d*)\.?(\d*)(?:\s*(?:\\times|\\cdot)\s*10\s*\^\s*\{?\s*(-?\d+)\s*\}?)?")


def written_precision(tex: str) -> tuple[int, int] | None:
    """(the finest decimal place, how many decimals) of the numbers written with decimals in ``tex``
    (``9.0 \\times 10^{-5}``: the place 10⁻⁶), or None when none is."""
    places = []
    for m in _NUMBER.finditer(tex):
        whole, decimals, exponent = m.group(1), m.group(2), m.group(3)
        if not (whole or decimals) or "." not in m.group(0) and exponent is None:
            continue
        places.append(len(decimals) - int(exponent or 0))
    return (max(places), len(places)) if places else None


_LONE_INTEGER = re.compile(r"\s*-?\s*(\d+)\s*")
_ARITHMETIC = re.compile(r"(?:[\d.\s+\-*/()\[\]{}]|\\(?:times|cdot|[td]?frac|left|right|quad|big|Big)(?![A-Za-z])"
                         r"|\\[,;:! ])*")
_SCIENTIFIC = re.compile(r"(?:\\times|\\cdot)\s*10\s*\^\s*(?:\{\s*-?\d+\s*\}|-?\d)")
"""A side made of written numbers and arithmetic only (``7.389 + 2.718 + 1``, ``\\frac{0.3679}{1.5032}``,
``1.3 \\times 10^{30}``): what a rounding looks like."""


def _tolerance(tex: str) -> sp.Float:
    """Half a unit of the last decimal place written in ``tex`` (0 when no number is written with
    decimals); a side that is one whole number alone (``\\approx 3``, ``\\approx 1000``) rounds to its
    last nonzero digit."""
    if not _ARITHMETIC.fullmatch(_SCIENTIFIC.sub(" ", tex)):
        return sp.Float(0)                   # e^{-1.6}, 2^{0.5}: their decimals are exact inputs, not a rounding
    lone = _LONE_INTEGER.fullmatch(tex)
    if lone is not None:
        digits = lone.group(1)
        zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
        return sp.Float(10) ** zeros / 2
    precision = written_precision(tex)
    return sp.Float(0) if precision is None else sp.Float(10) ** -precision[0] / 2


_TOKEN = re.compile(r"\s*(?:(?P<number>(?:\d+(?:\.\d*)?|\.\d+)(?:\s*(?:\\times|\\cdot)\s*10\s*\^\s*(?:\{\s*(?P<exp>-?\d+)\s*\}"
                    r"|(?P<digit>-?\d)))?)|(?P<frac>\\[dt]?frac)(?![A-Za-z])|(?P<op>\\times|\\cdot|[-+*/])"
                    r"|(?P<open>[({\[])|(?P<close>[)}\]])|(?P<skip>\\(?:left|right|big|Big|bigg|Bigg|quad)(?![A-Za-z])|\\[,;:! ]))")


class _NotArithmetic(Exception):
    pass


def _tokens(tex: str) -> list[tuple[str, str, re.Match]]:
    out, at = [], 0
    while at < len(tex):
        if not tex[at:].strip():
            break
        m = _TOKEN.match(tex, at)
        if m is None or m.end() == at:
            raise _NotArithmetic(tex[at:])
        at = m.end()
        kind = next(k for k in ("number", "frac", "op", "open", "close", "skip") if m.group(k) is not None)
        if kind != "skip":
            out.append((kind, m.group(kind), m))
    return out


def _written_number(m: re.Match) -> tuple[sp.Rational, sp.Rational]:
    """A number as written and half a unit of its last place (0 for a whole number without a power of ten)."""
    text = m.group("number")
    mantissa = re.match(r"\d+(?:\.\d*)?|\.\d+", text).group(0)
    exponent = m.group("exp") or m.group("digit")
    value = sp.Rational(mantissa) * (sp.Integer(10) ** int(exponent) if exponent else 1)
    if "." not in mantissa and exponent is None:
        return value, sp.Integer(0)
    places = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return value, sp.Rational(1, 2) * sp.Integer(10) ** (int(exponent or 0) - places)


def written_range(tex: str) -> tuple[sp.Rational, sp.Rational, sp.Rational] | None:
    """(the value as written, the least and the greatest value) of a side made of written numbers
    and arithmetic only, each number with decimals standing for its rounding; None for any other side."""
    try:
        toks = _tokens(tex)
        at, result = _sum(toks, 0)
    except (_NotArithmetic, IndexError, ZeroDivisionError):
        return None
    return result if at == len(toks) else None


def _sum(toks, at):
    at, (v, lo, hi) = _product(toks, at)
    while at < len(toks) and toks[at][0] == "op" and toks[at][1] in "+-":
        sign = toks[at][1]
        at, (w, a, b) = _product(toks, at + 1)
        v, lo, hi = (v + w, lo + a, hi + b) if sign == "+" else (v - w, lo - b, hi - a)
    return at, (v, lo, hi)


def _product(toks, at):
    at, (v, lo, hi) = _factor(toks, at)
    while at < len(toks) and (toks[at][0] == "op" and toks[at][1] not in "+-" or toks[at][0] in ("number", "open",
                                                                                             "frac")):
        divide = toks[at][0] == "op" and toks[at][1] == "/"
        at, (w, a, b) = _factor(toks, at + 1 if toks[at][0] == "op" else at)
        if divide:
            if a <= 0 <= b:
                raise ZeroDivisionError
            v, w, a, b = v / w, 1 / w, 1 / b, 1 / a
            corners = [lo * a, lo * b, hi * a, hi * b]
        else:
            v = v * w
            corners = [lo * a, lo * b, hi * a, hi * b]
        lo, hi = min(corners), max(corners)
    return at, (v, lo, hi)


def _factor(toks, at):
    kind, text, m = toks[at]
    if kind == "op" and text in "+-":
        at, (v, lo, hi) = _factor(toks, at + 1)
        return (at, (-v, -hi, -lo)) if text == "-" else (at, (v, lo, hi))
    if kind == "number":
        value, half = _written_number(m)
        return at + 1, (value, value - half, value + half)
    if kind == "open":
        at, inside = _sum(toks, at + 1)
        if toks[at][0] != "close":
            raise _NotArithmetic(text)
        return at + 1, inside
    if kind == "frac":
        at, (v, lo, hi) = _factor(toks, at + 1)
        at, (w, a, b) = _factor(toks, at)
        if a <= 0 <= b:
            raise ZeroDivisionError
        corners = [lo / a, lo / b, hi / a, hi / b]
        return at, (v / w, min(corners), max(corners))
    raise _NotArithmetic(text)


def _range(expr: sp.Basic, tex: str) -> tuple[sp.Basic, sp.Basic, sp.Basic, sp.Basic | None] | None:
    """(value, least, greatest, own half unit) of one side: the range of written numbers and
    arithmetic (their finest place's half unit), a lone whole number's rounding, or the exact value of
    any other side (evalf at 30 and 60 digits agreeing; no half unit: None)."""
    lone = _LONE_INTEGER.fullmatch(tex)
    if lone is not None:
        value = sp.Integer(int(lone.group(0).replace(" ", "")))
        half = min(_tolerance(tex), abs(value) / 10)
        return value, value - half, value + half, half
    if _ARITHMETIC.fullmatch(_SCIENTIFIC.sub(" ", tex)):
        written = written_range(tex)
        if written is not None:
            return (*written, _tolerance(tex))
    value = _value(expr)
    return None if value is None else (value, value, value, None)


def _value(expr: sp.Basic) -> sp.Float | None:
    """The value of a closed expression, trusted only when evalf at 30 and 60 digits agree."""
    if expr.has(sp.Integral, sp.Limit, sp.Derivative) or any(
            not all(lo.is_Integer and hi.is_Integer for _, lo, hi in node.limits)
            for node in expr.atoms(sp.Sum, sp.Product)):
        return None
    try:
        low, high = sp.N(expr, 30), sp.N(expr, 60)
    except Exception:  # noqa: BLE001 - a value SymPy cannot evaluate is not judged
        return None
    if not (low.is_Float or low.is_Integer) or not (high.is_Float or high.is_Integer) or not high.is_finite:
        return None
    if abs(low - high) > sp.Float("1e-25") * max(1, abs(high)):
        return None
    return sp.Float(high, 60)


def rounding_written(left_tex: str, right_tex: str) -> bool:
    """Whether a side of ``left ≈ right`` is written as a rounding (decimals, or a lone whole number)."""
    return bool(_tolerance(left_tex) + _tolerance(right_tex))


def _in_another_base(left: sp.Basic, right: sp.Basic, tolerance: sp.Float) -> int | None:
    """The base (10 or 2) in which the logarithms of ``left ≈ right`` make it hold, if any."""
    if not (left.has(sp.log) or right.has(sp.log)):
        return None
    for base in (10, 2):
        def rebased(e: sp.Basic, base: int = base) -> sp.Basic:
            return e.replace(lambda x: isinstance(x, sp.log) and len(x.args) == 1,
                             lambda x: sp.log(x.args[0]) / sp.log(base))
        a, b = _value(rebased(left)), _value(rebased(right))
        if a is not None and b is not None and abs(a - b) <= tolerance * (1 + sp.Float("1e-9")):
            return base
    return None


def approximately(left: sp.Basic, right: sp.Basic, left_tex: str, right_tex: str) -> tuple[str, str] | None:
    """The verdict ("proved", "refuted" or "undecided") of ``left ≈ right`` and why, or None when it
    cannot be judged (free names, no decimal written, a value evalf cannot be trusted on)."""
    if not rounding_written(left_tex, right_tex) or left.free_symbols or right.free_symbols \
            or left.atoms(sp.Indexed) or right.atoms(sp.Indexed):
        return None
    ranges = _range(left, left_tex), _range(right, right_tex)
    if ranges[0] is None or ranges[1] is None:
        return None
    (a, a_lo, a_hi, a_half), (b, b_lo, b_hi, b_half) = ranges
    if a_half is not None and b_half is not None:
        # two sides of written numbers: a computation on them and its rounding ("0.3679/1.5032 ≈ 0.2447"):
        # the numbers as written, rounded to the coarser side's last place
        tolerance = max(a_half, b_half)
        a_lo, a_hi, b_lo, b_hi = a - tolerance, a + tolerance, b, b
    else:
        # an exact value and written numbers that round it ("e^2 + e + 1 ≈ 7.389 + 2.718 + 1"): the value
        # within the range the written numbers' roundings allow
        tolerance = ((a_hi - a_lo) + (b_hi - b_lo)) / 2
    gap = abs(a - b)
    shown = f"left ≈ {sp.N(a, 8)}, right ≈ {sp.N(b, 8)}"
    slack = sp.Float("1e-9") * max(abs(a), abs(b), sp.Float("1e-30"))
    if a_lo <= b_hi + slack and b_lo <= a_hi + slack:
        return "proved", f"≈ holds as a rounding to the decimals written ({shown}, within {sp.N(tolerance, 3)})"
    if gap > 10 * tolerance and gap > sp.Float("0.01") * max(abs(a), abs(b)):
        base = _in_another_base(left, right, tolerance)
        if base:                                        # \log 100 ≈ 2.0: a base-10 logarithm meant
            return "undecided", f"≈ fails with \\log read as the natural logarithm ({shown}), but holds with " \
                                f"the logarithm to base {base}, which the text may mean"
        return "refuted", f"≈ fails: {shown}, {sp.N(gap, 3)} apart, far beyond the rounding of the decimals " \
                          f"written ({sp.N(tolerance, 3)})"
    return "undecided", f"≈: {shown}, {sp.N(gap, 3)} apart, more than the rounding of the decimals written " \
                        f"({sp.N(tolerance, 3)}) but not far from it"
