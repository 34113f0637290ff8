"""``≈`` between two closed numbers, as a worked example writes it (``\\log 2 \\approx 0.6931``,
``e^2 + e + 1 \\approx 7.389 + 2.718 + 1``, ``2^{100} \\approx 1.3 \\times 10^{30}``): the decimals
written say how close the sides must be.

Numbers written on a side are exact as written (``0.1 \\times 0.1`` is 0.01); a side written with
decimals (or in scientific notation) is a rounding to its finest place: it may be off by half a unit
of that place (of the mantissa, times its power of ten), and a side that is one whole number alone
(``\\approx 3``, ``\\approx 1000``) by half a unit of its last nonzero digit, at most 10 % of it.
The coarser side decides (``3.14159 \\approx 3.1``; ``e^2 + e + 1 \\approx 7.389 + 2.718 + 1``, off by
0.0003, holds; ``\\frac{0.5}{0.1} \\approx \\pi`` does not).  Each side's value is computed with SymPy's
evalf at 30 and at 60 digits, used only when the two agree, so the verdict is a computation, not a
sample.  Within that tolerance the relation holds as a rounding; further apart than ten tolerances
*and* than 1 % of the values it is refuted (a wrong constant, a flipped sign, a missing factor) —
unless reading ``\\log`` to base 10 or 2 makes it hold; in between it is undecided.
A definite integral with numbers for bounds (``\\Phi(1.253)`` of Φ(a) := ∫_{-∞}^a φ(t) dt) is evaluated in closed
form and by quadrature (at 30 and 45 digits), and used only when all agree (``_integral_value``).
Without a decimal or a lone whole number (``\\sqrt 2 \\approx \\frac{7}{5}``), with free
names, or with a value evalf cannot be trusted on (an infinite sum or product, an indefinite integral, a
limit: SymPy returns numbers for divergent series) the precision or the value is unknown, and
``≈`` stays skipped.
"""
from __future__ import annotations

import re

import sympy as sp

from ..deadline import Deadline, attempt
from ..latex.vocabulary import GREEK

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


_SCALED = re.compile(r"(?:\s|\\[,;:!]|~|\\cdot|\\times)*(-?\s*\d*\.\d+)(?:\s|\\[,;:!]|~|\\cdot|\\times)*")
"""A side that was one decimal times names, the names taken away (``2.269\\,J`` → ``2.269\\, ``)."""
_LONE_INTEGER = re.compile(r"\s*-?\s*(\d+)\s*")
_ARITHMETIC = re.compile(r"(?:[\d.,\s+\-*/()\[\]{}]|\\(?:times|cdot|[td]?frac|left|right|quad|big|Big)(?![A-Za-z])"
                         r"|\\[,;:! ])*")
_SCIENTIFIC = re.compile(r"(?:\\times|\\cdot)\s*10\s*\^\s*(?:\{\s*-?\d+\s*\}|-?\d)")
"""A side made of written numbers and arithmetic only (``7.389 + 2.718 + 1``, ``\\frac{0.3679}{1.5032}``, a list of
them ``(-0.9003,\\ -0.4502)`` (the units of all its entries summed: more than any one entry's),
``1.3 \\times 10^{30}``): what a rounding looks like."""


def rounding_tolerance(tex: str) -> sp.Float:
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


def _side(expr: sp.Basic, tex: str) -> tuple[sp.Basic, sp.Basic] | None:
    """(value, half a unit of its last place written) of one side: written numbers and arithmetic
    are exact as written (``expr``, the side as parsed) and round to their finest place, a lone whole
    number to its last nonzero digit (at most 10 % of it; a lone 0 as 0.0 does), any other side is the value evalf gives
    (no rounding: 0)."""
    lone = _LONE_INTEGER.fullmatch(tex)
    if lone is not None:
        value = sp.Integer(int(lone.group(0).replace(" ", "")))
        if value == 0:          # σ(−10) ≈ 0: negligible, as 0.0 rounds (10 % of 0 would be exactness)
            return value, sp.Rational(1, 20)
        return value, min(rounding_tolerance(tex), abs(value) / 10)
    value = _value(expr)
    return None if value is None else (value, rounding_tolerance(tex))


def _value(expr: sp.Basic) -> sp.Float | None:
    """The value of a closed expression, trusted only when evalf at 30 and 60 digits agree."""
    if expr.has(sp.Limit, sp.Derivative) or any(
            not all(lo.is_Integer and hi.is_Integer for _, lo, hi in node.limits)
            for node in expr.atoms(sp.Sum, sp.Product)):
        return None
    integrals = expr.atoms(sp.Integral)
    if any(len(limits) != 3 or not all(end.is_number for end in limits[1:])
           for node in integrals for limits in node.limits):
        return None                     # (an indefinite integral, a bound with a name in it: no number)
    if integrals:                       # ∫_{-∞}^{1.253} φ(t) dt: see _integral_value
        return _integral_value(expr)
    try:
        low, high = sp.N(expr, 30), sp.N(expr, 60)
    except Exception:  # noqa: BLE001 - a value SymPy cannot evaluate is not judged
        return None
    if not (low.is_Float or low.is_Integer) or not (high.is_Float or high.is_Integer) or not high.is_finite:
        return None
    if abs(low - high) > sp.Float("1e-25") * max(1, abs(high)):
        return None
    return sp.Float(high, 60)


def _integral_value(expr: sp.Basic) -> sp.Float | None:
    """The value of a closed expression holding definite integrals, trusted only when two evaluations agree:
    SymPy's closed form (``integrate``, within 3 s; none for an integrand with kinks, see ``integrals``) and
    quadrature (at 30 and 45 digits, each result carrying its digits: SymPy returns ``0.e+2`` where the
    quadrature lost them), within 10⁻²⁰ of the value.  A closed form or a quadrature can each be wrong (a narrow
    peak the quadrature steps over, ∫_0^{200π} sin² x dx), both wrong alike is what this refuses to believe in."""
    both = attempt(Deadline.after(3.0), lambda: (sp.N(expr, 30), sp.N(expr, 45)), None)
    closed = attempt(Deadline.after(3.0), lambda: expr.doit(), None)
    if both is None or closed is None or closed.has(sp.Integral):
        return None
    exact = attempt(Deadline.after(2.0), lambda: sp.N(closed, 45), None)
    values = (*both, exact)
    if any(v is None or not v.is_Float or not v.is_finite or v._prec < 90 for v in values):
        return None
    if max(values) - min(values) > sp.Float("1e-20") * max(1, abs(values[-1])):
        return None
    return sp.Float(exact, 45)


def rounding_written(left_tex: str, right_tex: str) -> bool:
    """Whether a side of ``left ≈ right`` is written as a rounding (decimals, or a lone whole number),
    perhaps times names (``0.2166\\,\\epsilon^2``)."""
    return bool(rounding_tolerance(left_tex) + rounding_tolerance(right_tex)) or bool(
        rounding_tolerance(_FACTOR_WRITTEN.sub(" ", left_tex)) + rounding_tolerance(_FACTOR_WRITTEN.sub(" ", right_tex)))


def _rebased(e: sp.Basic, base: int) -> sp.Basic:
    """``e`` with each natural ``\\log`` read to ``base``."""
    return e.replace(lambda x: isinstance(x, sp.log) and len(x.args) == 1, lambda x: sp.log(x.args[0]) / sp.log(base))


def _in_another_base(left: sp.Basic, right: sp.Basic, tolerance: sp.Float) -> int | None:
    """The base (10 or 2) in which the logarithms of ``left ≈ right`` make it hold, if any."""
    if not (left.has(sp.log) or right.has(sp.log)):
        return None
    for base in (10, 2):
        a, b = _value(_rebased(left, base)), _value(_rebased(right, base))
        if a is not None and b is not None and abs(a - b) <= tolerance * (1 + sp.Float("1e-9")):
            return base
    return None


_FACTOR_WRITTEN = re.compile(r"(?:\\(?:" + "|".join(sorted(GREEK, key=len, reverse=True)) + r")(?![A-Za-z])"
                             r"|(?<![A-Za-z\\])(?!e\s*\^)[A-Za-z](?![A-Za-z]))"
                             r"(?:\s*_\s*(?:\{[^{}]*\}|\w))?(?:\s*\^\s*(?:\{[^{}]*\}|\w))?(?!\s*\()")
"""A name (a letter, a Greek letter) written in a side, with its subscript and power (``\\epsilon^2``), not
applied to anything: the factor both sides share."""


_POWER_OF_TEN = re.compile(r"\s*10\s*\^\s*(?:\{\s*-?\s*\d+\s*\}|\d)\s*")
"""A side that is a bare power of ten (``\\approx 10^{21}``): an order of magnitude, not a rounding."""


def _order_of_magnitude(left: sp.Basic, right: sp.Basic, left_tex: str, right_tex: str) -> tuple[str, str] | None:
    """``6.02 \\times 10^{23} \\times 0.001 \\approx 10^{21}``: a side that is a bare power of ten says the order of
    magnitude only — it holds within half a decade, fails beyond one and a half (or at the other sign)."""
    if not (_POWER_OF_TEN.fullmatch(left_tex) or _POWER_OF_TEN.fullmatch(right_tex)) \
            or left.free_symbols or right.free_symbols:
        return None
    a, b = _value(left), _value(right)
    if a is None or b is None or a == 0 or b == 0:
        return None
    shown = f"left ≈ {sp.N(a, 8)}, right ≈ {sp.N(b, 8)}"
    if (a > 0) != (b > 0):
        return "refuted", f"≈ fails: {shown}, of different signs"
    decades = abs(sp.log(abs(a), 10) - sp.log(abs(b), 10))
    if decades <= sp.Rational(1, 2):
        return "proved", f"≈ holds to the order of magnitude written (a power of ten: {shown})"
    if decades > sp.Rational(3, 2):
        return "refuted", f"≈ fails: {shown}, {sp.N(decades, 3)} orders of magnitude apart"
    return "undecided", f"≈: {shown}, between half a decade and a decade and a half apart"


def approximately(left: sp.Basic, right: sp.Basic, left_tex: str, right_tex: str,
                  approximated: frozenset[str] = frozenset(), natural: bool = False,
                  upward: bool = False, whole: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """The verdict ("proved", "refuted" or "undecided") of ``left ≈ right`` and why, or None when it
    cannot be judged (free names, no decimal written, a value evalf cannot be trusted on).  Two sides
    that are numbers times one factor in names (``\\epsilon^2 \\cdot 0.2689 \\cdot 0.7311 \\approx
    0.2166\\,\\epsilon^2``) are judged by their numbers.  ``natural``: the text's ``\\log`` is known to be
    the natural logarithm (see ``natural_only``), so a base 10 or 2 that would make it hold is no excuse;
    ``upward``: the words round up ("rounding up to be safe"), so a value rounded away from zero is one too;
    ``whole``: names (as written) whose values put in are whole numbers the text gave, no roundings."""
    if left.free_symbols or right.free_symbols:
        (a, rest_a), (b, rest_b) = left.as_coeff_Mul(), right.as_coeff_Mul()
        if rest_a == rest_b and rest_a.free_symbols and not (a.free_symbols or b.free_symbols):
            left, right = a, b
            left_tex, right_tex = _FACTOR_WRITTEN.sub(" ", left_tex), _FACTOR_WRITTEN.sub(" ", right_tex)
        else:
            return None
    decade = _order_of_magnitude(left, right, left_tex, right_tex)
    if decade is not None:
        return decade
    if not rounding_written(left_tex, right_tex) or left.free_symbols or right.free_symbols \
            or left.atoms(sp.Indexed) or right.atoms(sp.Indexed):
        return None
    sides = _side(left, left_tex), _side(right, right_tex)
    for at, (expr, tex) in enumerate(((left, left_tex), (right, right_tex))):
        stripped = _FACTOR_WRITTEN.sub(" ", tex)
        if stripped != tex and not rounding_tolerance(tex) and rounding_tolerance(stripped):
            # "2.269\,J" where the example gave J = 1: the name's value went in, and the rounding of the
            # number written scales with it (half a unit of 2.269, times |J|); no lone number: not judged
            number = _SCALED.fullmatch(stripped)
            value = _value(expr)
            if number is None or value is None or not float(number.group(1).replace(" ", "")):
                return None
            scale = abs(value / sp.Float(number.group(1).replace(" ", ""), 30))
            sides = (*sides[:at], (value, rounding_tolerance(stripped) * scale), *sides[at + 1:])
            left_tex, right_tex = (stripped, right_tex) if at == 0 else (left_tex, stripped)
    if sides[0] is None or sides[1] is None:
        return None
    (a, a_half), (b, b_half) = sides
    a_half, b_half = (_computed_rounding(tex, approximated, half) for tex, half in ((left_tex, a_half), (right_tex, b_half)))
    tolerance = max(a_half, b_half)          # 3.14159 ≈ 3.1: the coarser side's rounding decides
    gap = abs(a - b)
    shown = f"left ≈ {sp.N(a, 8)}, right ≈ {sp.N(b, 8)}"
    if gap <= tolerance * (1 + sp.Float("1e-9")):
        for tex, other in ((left_tex, b), (right_tex, a)):
            lone = _LONE_INTEGER.fullmatch(tex)
            digits = lone.group(1).lstrip("-") if lone is not None else ""
            figures = len(digits.rstrip("0"))
            if digits.endswith("0") and digits.strip("0") and gap > sp.Rational(1, 2) \
                    and float(f"{abs(float(other)):.{figures}g}") != float(digits):
                # e^{2.2} ≈ 10: 9.025 is 10 to the nearest ten, but 9 to one significant figure — which
                # rounding "10" means is not written (99.48 ≈ 100 is both)
                return "undecided", (f"≈: {shown} — the value is {digits} to the nearest "
                                     f"{10 ** (len(digits) - figures)} but not to {figures} significant "
                                     f"figure{'s' if figures > 1 else ''}; which rounding is meant is not written")
        return "proved", f"≈ holds as a rounding to the decimals written ({shown}, within {sp.N(tolerance, 3)})"
    misrounded = _misrounded(left, right, left_tex, right_tex, natural, upward, whole)
    if misrounded:
        return misrounded
    # arithmetic on written roundings carries their error along ("1.4 \\times 100" is off by up to 5): a
    # relation with such a side is refuted only when it is off by more than 10 %
    arithmetic = [bool(re.search(r"[-+*/]|\\times|\\cdot|\\d?frac", _SCIENTIFIC.sub(" ", _unsigned(tex))) and half)
                  for tex, half in ((left_tex, a_half), (right_tex, b_half))]
    computed = any(arithmetic)
    # carried through the arithmetic to first order, the roundings of every decimal written say how far
    # a computed side may be off (0.9 · 0.4170 within 0.000045; 1.4 × 100 within 5); without that
    # figure, 10 % of the value
    carried = sum((carried_rounding(tex, approximated) for (tex, half), worked in zip(((left_tex, a_half),
                                                                                      (right_tex, b_half)), arithmetic)
                   if half and worked), sp.Float(0)) if computed else sp.Float(0)
    # (a lone number's own rounding is the tolerance already: "… ≈ 0.10" adds nothing carried)
    exact_other = any(half and not other_half for (_, half), (_, other_half) in ((sides[0], sides[1]),
                                                                                 (sides[1], sides[0])))
    # (the side carried is arithmetic on roundings, the other an exact quantity written as such: σ(0.5)σ(1) —
    # not 0.6225 + 0.7311 ≈ 1.3537, numbers on both sides: that sum is 1.3536 as written)
    if carried and exact_other and gap <= carried and carried <= sp.Float("0.001") * max(abs(a), abs(b)):
        # σ(0.5)σ(1) ≈ 0.6225 × 0.7311: the product of the roundings is off by up to 0.000068 — it is 0.000056 (a
        # fine rounding only: 100√2 ≈ 1.4 × 100 may be off by 5, and is left undecided)
        return "proved", f"≈ holds within the rounding carried through the arithmetic on the decimals written " \
                         f"({shown}, within {sp.N(carried, 3)})"
    share = "0.01" if not computed or carried else "0.1"
    exact_inputs = not computed or not carried and not any(
        _written_places(tex) for tex, half in ((left_tex, a_half), (right_tex, b_half)) if half)
    # (0.1 · LSE(10, 20, 30) ≈ 3.0045: no rounding goes in; a value written to many places that is 50 of
    # its units off is off, however small a share of the value that is)
    written_only = all(_ARITHMETIC.fullmatch(_SCIENTIFIC.sub(" ", tex)) for tex in (left_tex, right_tex))
    # (1.2319 - 0.0056 ≈ 1.2375: arithmetic on numbers as written, on both sides — the only error it can carry is
    # the roundings', so 0.0112 off is off even if that is under 1 % of the value)
    if gap > 10 * max(tolerance, carried) and (gap > sp.Float(share) * max(abs(a), abs(b))
                                               or (exact_inputs or written_only) and gap > 50 * max(tolerance, carried)):
        base = None if natural or not re.search(r"\\log(?![A-Za-z])|(?<![\\A-Za-z])log\b", left_tex + right_tex) \
            else _in_another_base(left, right, tolerance)      # (\ln is the natural logarithm, written so)
        if base:                                        # \log 100 ≈ 2.0: a base-10 logarithm meant
            return "undecided", f"≈ fails with \\log read as the natural logarithm ({shown}), but holds with " \
                                f"the logarithm to base {base}, which the text may mean"
        return "refuted", f"≈ fails: {shown}, {sp.N(gap, 3)} apart, far beyond the rounding of the decimals " \
                          f"written ({sp.N(tolerance, 3)})"
    return "undecided", f"≈: {shown}, {sp.N(gap, 3)} apart, more than the rounding of the decimals written " \
                        f"({sp.N(tolerance, 3)}) but not far from it"


_DECIMAL_ALONE = re.compile(r"\s*(-?)\s*(\d+)\.(\d+)\s*")
_COMMANDS = re.compile(r"\\(?:sqrt|[dt]?frac|log|ln|exp|sin|cos|tan|tanh|sinh|cosh|arctan|pi|left|right|cdot|times|"
                       r"big|Big|bigl|bigr|Bigl|Bigr)(?![A-Za-z])|\\sigma\s*(?=\\left|\()|"
                       r"\\(?:mathrm|operatorname)\s*\{\s*(?:sigmoid|softplus|erf|exp|log|tanh|logit)\s*\}|"
                       r"\b(?:exp|log|ln|sqrt|sin|cos|tan|tanh|sigmoid|softplus|erf)\b|(?<![A-Za-z\\])e(?![A-Za-z])")
"""What a closed form of written integers may be made of besides digits: the functions and constants softsym
knows (σ applied, ``\\sqrt``, ``\\log``, π, e) — any other letter may be a name whose value is a rounding."""


def _misrounded(left: sp.Basic, right: sp.Basic, left_tex: str, right_tex: str,
                natural: bool = False, upward: bool = False, whole: frozenset[str] = frozenset()
                ) -> tuple[str, str] | None:
    """``\\sqrt{2} \\approx 1.42``, ``1/3 \\approx 0.34``: a closed form of written integers (no decimal, no name
    whose value could be a rounding) beside a lone decimal that is neither its rounding nor its truncation to
    the places written — refuted with both; None otherwise (a truncation, ``\\sqrt{2} \\approx 1.41`` or
    ``e \\approx 2.71``, is left to the caller)."""
    for exact, exact_tex, written_tex in ((left, left_tex, right_tex), (right, right_tex, left_tex)):
        m = _DECIMAL_ALONE.fullmatch(written_tex)
        bare = _COMMANDS.sub(" ", exact_tex)
        for name in whole:      # (names the text gave whole numbers: "$V = 50\,257$ … $\log V \approx 10.83$")
            bare = re.sub(rf"\\?(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", " ", bare)
        if m is None or re.search(r"\d\.\d", exact_tex) or re.search(r"[A-Za-z]", bare):
            continue
        value = _value(exact)
        if value is None or not value.is_real:
            continue
        places = len(m.group(3))
        written = sp.Rational(f"{m.group(1)}{m.group(2)}.{m.group(3)}")
        scaled = value * 10 ** places if value.is_Rational else sp.Float(exact.evalf(places + 25), places + 25) * 10 ** places
        rounded = {sp.floor(scaled + sp.Rational(1, 2)), sp.ceiling(scaled - sp.Rational(1, 2))}   # (a half: both)
        truncated = sp.floor(scaled) if value >= 0 else sp.ceiling(scaled)
        away = sp.ceiling(scaled) if value >= 0 else sp.floor(scaled)       # "rounding up to be safe"
        if written not in {sp.Rational(int(k), 10 ** places) for k in (*rounded, truncated, *((away,) if upward else ()))}:
            nearest = sp.Rational(int(sp.floor(scaled + sp.Rational(1, 2))), 10 ** places)
            shown = f"{sp.N(value, places + 4)}"
            if not natural and re.search(r"\\log(?![A-Za-z])|(?<![\\A-Za-z])log\b", exact_tex):
                base = _in_another_base(left, right, sp.Rational(1, 2 * 10 ** places))
                if base:                        # \log 2 ≈ 0.30: a base-10 logarithm meant
                    return "undecided", (f"≈ fails with \\log read as the natural logarithm ({exact_tex.strip()} = "
                                         f"{shown}…), but holds with the logarithm to base {base}, which the text "
                                         f"may mean")
            return "refuted", (f"≈ fails: {exact_tex.strip()} = {shown}…, which is {float(nearest):.{places}f} "
                               f"to {places} decimal place{'s' if places > 1 else ''}; "
                               f"{written_tex.strip()} is neither its rounding nor its truncation")
    return None


def natural_only(left: sp.Basic, right: sp.Basic, left_tex: str, right_tex: str,
                 approximated: frozenset[str] = frozenset()) -> bool:
    """Whether ``left ≈ right`` holds as a rounding with its ``\\log`` read as the natural logarithm and with
    it read to base 10 and to base 2 does not (``\\log 0.25 \\approx -1.386``): the text's own worked numbers
    show which logarithm it means."""
    if not (left.has(sp.log) or right.has(sp.log)):
        return False
    judged = approximately(left, right, left_tex, right_tex, approximated)
    if judged is None or judged[0] != "proved":
        return False
    for base in (10, 2):
        other = approximately(_rebased(left, base), _rebased(right, base), left_tex, right_tex, approximated)
        if other is None or other[0] == "proved":
            return False
    return True


_NATURAL_WORDS = re.compile(r"(?i)\$\s*\\log\s*\$\s*(?:is|denotes|means|stands\s+for|will\s+be)\s+(?:always\s+)?(?:the\s+)?"
                            r"natural\s+(?:log|logarithm)\b|\b(?:all\s+)?(?:the\s+)?logarithms?\s+(?:here\s+|below\s+|throughout\s+)?"
                            r"(?:are|is)\s+(?:always\s+)?(?:the\s+)?natural(?:\s+ones?|\s+logarithms?)?\s*(?:[.;,]|$)|"
                            r"\$\s*\\log\s*\$\s*(?:一律|都|均|总)?\s*(?:为|是|表示|指)\s*自然对数")
r"""Words that say the text's ``\log`` is the natural logarithm ("$\log$ is the natural logarithm", "All logarithms
are natural."); not ``\ln``'s, not a passing mention ("$\log$ is a natural tool")."""
_OTHER_BASE = re.compile(r"(?i)\bbase[-\s]*(?:2|10|two|ten)\b|\bbits?\b|\bbinary\s+(?:log(?:arithms?|s)?|digits?|units?)\b|\bcommon\s+log|\bdecimal\s+(?:digits?|log)"
                         r"|\bdecibels?\b|\bnats?\b|\bshannons?\b|\bhartleys?\b|\bbans?\b|\bdits?\b|\\log\s*_|\\lg\b|以\s*(?:2|10)\s*为底|比特")
r"""Words or math that speak of a logarithm to another base (or of units that need one): a text that does
leaves which logarithm ``\log`` is to its words."""
_HEDGED_EVIDENCE = re.compile(r"(?i)\b(?:if|were|would|suppose|supposing|say|says|said|some|not|instead|unlike)\b")


def natural_said(lines: list[str]) -> int | None:
    r"""The first line whose words say the text's logarithm is the natural one, or None (always None in a
    text that speaks of another base anywhere: "bits", "base 10", ``\log_2``)."""
    if other_base_spoken(lines):
        return None
    for n, line in enumerate(lines, 1):
        for sentence in re.split(r"(?<=[.!?;])\s+", line):
            if _NATURAL_WORDS.search(sentence) and not _HEDGED_EVIDENCE.search(re.sub(r"\$[^$]*\$", " ", sentence)):
                return n
    return None


def other_base_spoken(lines: list[str]) -> bool:
    """Whether the text speaks of a logarithm to another base anywhere (see ``_OTHER_BASE``)."""
    return any(_OTHER_BASE.search(line) for line in lines)


def natural_evidence(left_tex: str, right_tex: str) -> bool:
    r"""Whether a relation's written logarithms are all a plain ``\log`` (no ``\ln``, no ``\log_2``): only
    those say what the text's ``\log`` is."""
    tex = f"{left_tex} {right_tex}"
    return bool(re.search(r"\\log(?![A-Za-z])(?!\s*_)", tex)) and not re.search(r"\\ln\b|\\log\s*_|\\lg\b", tex)


def equality_rounding(tex: str) -> sp.Float:
    """How far an ``=`` between written numbers may be off when its decimals are roundings of computed
    values (``3 + 0.0486``, ``1 \\cdot (2 - 4.055) + 2 \\cdot (4 - 16.445)``): twice the half units of
    the numbers written with three significant digits or more, summed (a number such as ``0.9`` or
    ``0.62`` is taken as exact: a worked example's input or its result, not a rounding)."""
    if not _ARITHMETIC.fullmatch(_SCIENTIFIC.sub(" ", tex)):
        return sp.Float(0)
    total = sp.Float(0)
    for m in _NUMBER.finditer(tex):
        whole, decimals, exponent = m.group(1), m.group(2), int(m.group(3) or 0)
        if "." not in m.group(0) or not decimals:
            continue
        if len((whole + decimals).lstrip("0")) >= 3:          # twice half a unit of its last place
            total += sp.Float(10) ** (exponent - len(decimals))   # (4.54 × 10⁻⁵: of the mantissa's)
    return total


_DECIMAL = re.compile(r"\s*-?\s*\d*\.(\d+)\s*")
_LISTED = re.compile(r"\s*(?:\\left\s*)?[(\[]\s*(?P<items>[^()\[\]]*)\s*(?:\\right\s*)?[)\]]\s*[.,;]?\s*")


def decimal_rounding(tex: str, entry: int | None = None) -> sp.Float:
    """Half a unit of the last place of a side that is one decimal alone (``0.88``: 0.005) or a list of
    them (``(0.665, 0.245, 0.0900)``: that of the entry at position ``entry`` (from 0), each entry being
    compared alone; without it, the coarsest); else 0.  An
    ``=`` from an exact expression with no decimals of its own (``\\sigma(2) = 0.88``) to such a side
    can only mean its correctly rounded value: no irrational number is a short decimal."""
    listed = _LISTED.fullmatch(tex)
    items = listed.group("items").split(",") if listed else [tex.rstrip(" .,;")]
    if not items or any(_DECIMAL.fullmatch(item) is None and _LONE_INTEGER.fullmatch(item) is None for item in items):
        return sp.Float(0)
    if entry is not None:
        if not listed or not 0 <= entry < len(items):
            return sp.Float(0)
        items = [items[entry]]
    places = [len(m.group(1)) for item in items if (m := _DECIMAL.fullmatch(item))]
    return sp.Float(10) ** -min(places) / 2 if places else sp.Float(0)


def _written_places(tex: str) -> set[int | None]:
    """The decimal places of the numbers ``tex`` writes with decimals and three significant digits or
    more (``1.5032``: 4; ``4.54 \\times 10^{-5}``: 7): the numbers a worked example rounds; shorter ones
    (``0.9``, ``0.62``) are taken as exact inputs of an ``=``."""
    out = set()
    for m in _NUMBER.finditer(tex):
        whole, decimals, exponent = m.group(1), m.group(2), int(m.group(3) or 0)
        if "." not in m.group(0) or not decimals or len((whole + decimals).lstrip("0")) < 3:
            continue
        out.add(max(len(decimals) - exponent, 0))
    return out


def propagated_rounding(difference: sp.Basic, texts: tuple[str, ...]) -> sp.Float:
    """How far a closed ``difference`` (left − right of an ``=``) may be from 0 when the decimals
    ``texts`` write anywhere in it — also inside functions (``1002 + \\log 1.5032``,
    ``\\log(1 + 20.0855)``) — are roundings: each is moved by one unit of its last place and the
    moves are carried through to first order (Σ |∂difference/∂d| · unit, with 10 % to spare for the
    second order).  0 when nothing is written as a rounding, when the difference has free names, or
    when its derivatives have no trusted value.  It only ever withholds a refutation."""
    if difference.free_symbols or difference.atoms(sp.Indexed):
        return sp.Float(0)
    places = set().union(*(_written_places(tex) for tex in texts))
    # a written rounding may be folded into another number as the sides are built (1 + 20.0855 is
    # 21.0855): every number of the difference with as many decimal places as one written is moved
    # (places as written: 1.60 is moved by 0.01, not 0.1; an exponent — the ½ of a square root — is no rounding)
    moved_numbers = {abs(r) for r in _numbers_outside_exponents(difference) if r.q != 1
                     and _places(abs(r)) is not None and any(_places(abs(r)) <= p for p in places)}
    spread = sp.Float(0)
    for value in moved_numbers:
        d = sp.Dummy("d")
        moved = difference.xreplace({value: value + d, -value: -value - d})
        if moved == difference:
            continue
        slope = _value(sp.diff(moved, d).subs(d, 0))
        if slope is None:
            return sp.Float(0)
        spread += abs(slope) * sp.Rational(1, 10 ** min(p for p in places if p >= _places(value)))
    return spread * sp.Float("1.1")


def _numbers_outside_exponents(expr: sp.Basic) -> set[sp.Rational]:
    """The rationals of ``expr`` but those written only as an exponent (``√3`` is ``3^{1/2}``)."""
    if isinstance(expr, sp.Rational):
        return {expr}
    if isinstance(expr, sp.Pow):
        return _numbers_outside_exponents(expr.base) | (set() if expr.exp.is_Rational
                                                          else _numbers_outside_exponents(expr.exp))
    return set().union(set(), *(_numbers_outside_exponents(a) for a in expr.args))


def _unsigned(tex: str) -> str:
    """``tex`` without the sign written before it (``-0.69``, ``+2.5``): a signed number is no arithmetic."""
    return re.sub(r"^\s*[-+]\s*", "", tex)


def _computed_rounding(tex: str, approximated: frozenset[str], half: sp.Basic) -> sp.Basic:
    """The rounding of a side written as arithmetic on numbers (``\\frac{0.1}{3}``): what its rounded
    inputs carry through (:func:`carried_rounding`; 0.1 of ε = 0.1 is an exact input, so 0.1/3 is
    exactly 1/30, not a rounding to ±0.05), not half a unit of the finest place written; ``half`` for
    any other side, or one that cannot be read alone."""
    from ..latex import Unparsed, parse_tex
    if not half or not re.search(r"[-+*/]|\\times|\\cdot|\\d?frac", _SCIENTIFIC.sub(" ", _unsigned(tex))):
        return half                     # (-0.69 is a number written with its sign, no arithmetic)
    try:
        parse_tex(tex)
    except (Unparsed, Exception):  # noqa: BLE001 - a side not readable alone keeps its rounding
        return half
    return min(half, carried_rounding(tex, approximated))


def carried_rounding(tex: str, approximated: frozenset[str] = frozenset()) -> sp.Float:
    """How far a side written as arithmetic on roundings (``0.9 \\cdot 0.4170 + 0.1 \\cdot 1.3837``) may be
    off: each decimal of three significant digits or more (or one ``approximated``: written after ≈ in
    the text) moved by half a unit of its last place, the side read again, the moves summed
    (exact for sums and products by exact numbers); 0 when a side cannot be read alone."""
    from ..latex import Unparsed, parse_tex
    try:
        base = parse_tex(tex)
    except (Unparsed, Exception):  # noqa: BLE001 - a side not readable alone: no figure
        return sp.Float(0)
    spread = sp.Float(0)
    for m in _NUMBER.finditer(tex):
        whole, decimals, exponent = m.group(1), m.group(2), m.group(3)
        if "." not in m.group(0) or not decimals or exponent is not None \
                or len((whole + decimals).lstrip("0")) < 3 and m.group(0).strip() not in approximated:
            continue                    # (0.9, 0.1: a worked example's exact inputs, as for "=", unless the
            # text wrote the number after "≈" somewhere: p ≈ 0.14 is a rounding of 1/7 wherever it is used)
        moved_text = str(sp.Rational(f"{whole or 0}.{decimals}") + sp.Rational(1, 2 * 10 ** len(decimals)))
        moved_tex = f"{tex[:m.start()]}\\left({moved_text}\\right){tex[m.end():]}"
        try:
            moved = parse_tex(moved_tex)
        except (Unparsed, Exception):  # noqa: BLE001
            return sp.Float(0)
        step = _value(moved - base)
        if step is None:
            return sp.Float(0)
        spread += abs(step)
    return spread * sp.Float("1.1")


def _places(value: sp.Rational) -> int | None:
    """How many decimal places a terminating decimal has (``21.0855``: 4); None for 1/3."""
    for p in range(0, 31):
        if (value * 10 ** p).is_integer:
            return p
    return None



_LIST_OPEN = re.compile(r"^\s*(?:\\(?:left|bigl?|Bigl?|biggl?|Biggl?)\s*)?[(\[]")
_LIST_CLOSE = re.compile(r"(?:\\(?:right|bigr?|Bigr?|biggr?|Biggr?)\s*)?[)\]]\s*(?:\^\s*(?:\{\s*\\top\s*\}|\\top|T|\{\s*T\s*\}))?\s*$")


def listed_entries(tex: str) -> list[str] | None:
    """The entries of a side written as a list of numbers (``(0.0900, 0.2447, 0.6552)``,
    ``\\big(-1.6094,\\ -1.2040\\big)^\\top``), each as written, or None when the side is not such a list."""
    opened, closed = _LIST_OPEN.match(tex), _LIST_CLOSE.search(tex)
    if opened is None or closed is None or closed.start() <= opened.end():
        return None
    inner, depth, items, start = tex[opened.end():closed.start()], 0, [], 0
    for at, c in enumerate(inner):
        if c in "({[":
            depth += 1
        elif c in ")}]":
            depth -= 1
            if depth < 0:
                return None                     # (1, 2)(3, 4): two lists, not one
        elif c == "," and depth == 0:
            items.append(inner[start:at])
            start = at + 1
    items.append(inner[start:])
    items = [re.sub(r"\\[,;:! ]|~", " ", item).strip() for item in items]
    if len(items) < 2 or not all(item and _ARITHMETIC.fullmatch(_SCIENTIFIC.sub(" ", item)) for item in items):
        return None
    return items


_MOST_ENTRIES = 20
"""Most entries a list written with ``≈`` is judged at, one by one."""


def approximately_by_entry(left: sp.Basic, right: sp.Basic, index: sp.Symbol, span: tuple[sp.Expr, sp.Expr],
                           left_tex: str, right_tex: str, approximated: frozenset[str] = frozenset(),
                           natural: bool = False, valued=lambda e: e) -> tuple[str, str] | None:
    """The verdict of ``vector ≈ (list of numbers)`` read at an entry ``index`` over ``span``
    (``\\mathrm{softmax}(z) \\approx (0.0900, 0.2447, 0.6552)`` of ``z = (1000, 1001, 1002)``): each entry
    judged by ``approximately`` with the decimals written for it; refuted when one entry is, proved when
    every one holds, None when an entry cannot be judged and none is refuted.  ``valued`` gives a side at
    one entry the values the text gives its names (z_3 = 1002)."""
    lo, hi = span
    if not (getattr(lo, "is_Integer", False) and getattr(hi, "is_Integer", False)) or not 1 <= hi - lo + 1 <= _MOST_ENTRIES:
        return None
    count = int(hi - lo + 1)
    texts = []
    for tex in (left_tex, right_tex):
        listed = listed_entries(tex)
        if listed is not None and len(listed) != count:
            return None
        texts.append(listed or [tex] * count)
    verdicts = []
    for n, (a_tex, b_tex) in enumerate(zip(*texts)):
        at = {index: lo + n}
        judged = approximately(valued(left.xreplace(at)).doit(), valued(right.xreplace(at)).doit(), a_tex, b_tex,
                               approximated, natural)
        if judged is not None and judged[0] == "refuted":
            return "refuted", f"entry {lo + n}: {judged[1]}"
        verdicts.append(judged)
    if any(v is None for v in verdicts):
        return None
    if all(v[0] == "proved" for v in verdicts):
        return "proved", f"≈ holds entry by entry as a rounding to the decimals written ({count} entries)"
    n, undecided = next((n, v) for n, v in enumerate(verdicts) if v[0] != "proved")
    return "undecided", f"entry {lo + n}: {undecided[1]}"
