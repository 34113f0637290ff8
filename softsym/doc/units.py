"""Units written after a number in math (``0.469 \\text{ bits}``, ``4.60 \\text{ h}``, ``12\\%``).

A unit is dropped before the relation is read when that does not change what it says: both sides in
the same unit, or one side in a unit and the other bare (``\\frac{\\ln 2}{0.15} \\approx 4.62\\ \\text{h}``:
the bare side is the number of hours).  Sides in different units keep them (``\\frac53\\ \\text{h} =
100\\ \\text{min}``, ``10 \\text{ bits} \\approx 6.93 \\text{ nats}``) and are reported unparsed; so does
``\\log 2 = 1 \\text{ bit}`` (one quantity in two units).  Only words known to be units are dropped
(``0 \\text{ otherwise}`` keeps its word, for the reader to report).  A percentage is its number over
a hundred, written as a decimal (``12\\%`` reads ``0.12``, so its rounding is the one written),
except where a side multiplies by 100 (``\\frac{3}{25} \\times 100 = 12\\%``: percent points, not a
fraction), which stays unparsed."""
from __future__ import annotations

import re
from decimal import Decimal

_INFORMATION = {"bit": "bit", "bits": "bit", "shannon": "bit", "shannons": "bit", "nat": "nat", "nats": "nat"}
_WORDS = {   # units a number is written in, in the forms notes write them (one spelling → one unit)
    **{w: "s" for w in ("s", "sec", "secs", "second", "seconds", "秒")},
    **{w: "ms" for w in ("ms", "millisecond", "milliseconds", "毫秒")},
    **{w: "min" for w in ("min", "mins", "minute", "minutes", "分钟")},
    **{w: "h" for w in ("h", "hr", "hrs", "hour", "hours", "小时")},
    **{w: "day" for w in ("d", "day", "days", "天")},
    **{w: "week" for w in ("week", "weeks", "周")},
    **{w: "year" for w in ("yr", "yrs", "year", "years", "年")},
    **{w: w.rstrip("s") if w.endswith("s") and len(w) > 3 else w for w in (
        "B", "KB", "kB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "byte", "bytes",
        "m", "cm", "mm", "km", "kg", "g", "K", "J", "eV", "W", "kW", "Hz", "kHz", "MHz", "GHz", "N",
        "step", "steps", "epoch", "epochs", "iteration", "iterations", "iter", "iters", "update", "updates",
        "sample", "samples", "token", "tokens", "example", "examples", "round", "rounds", "trial", "trials",
        "flip", "flips", "draw", "draws", "point", "points", "param", "params", "parameter", "parameters",
        "FLOP", "FLOPs", "GFLOP", "GFLOPs", "dollar", "dollars", "USD", "EUR", "euro", "euros", "cent", "cents")},
    **{w: "step" for w in ("步", "次", "轮")},
    **{w: "yuan" for w in ("元",)},
}
_UNIT = re.compile(r"(?<=[\d})])(?P<space>(?:\s|\\[,;:! ]|~|\\quad)*)\\(?:text|mathrm|textrm|mbox|rm)\s*\{(?P<inner>\s*)"
                   r"(?P<unit>(?:per\s+)?[A-Za-z\u4e00-\u9fff]+(?:\s*/\s*[A-Za-z\u4e00-\u9fff]+)?)\s*\}"
                   r"(?P<power>\s*\^\s*(?:\{\s*-?\d\s*\}|\d))?\s*$")
_PERCENT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:\\[,;: ]|~)?\s*\\%(?!\s*[\w(])")
"""``12\\%`` (a percentage), not ``17 \\% 5`` (the remainder: an operand follows)."""
_RAISED = re.compile(r"(?<![\d.%\\^_{])(\d+(?:\.\d+)?)\s*([-+])\s*(\d+(?:\.\d+)?)\s*(?:\\[,;: ]|~)?\s*\\%(?!\s*[\w(])")
"""A number raised or cut by a percentage of it (``50 + 20\\%``: 60 in everyday use)."""
_HUNDRED = re.compile(r"(?:\\times|\\cdot)\s*100(?![\d.])|(?<![\d.])100\s*(?:\\times|\\cdot)")
_NATURAL_LOG = re.compile(r"\\ln\b|\\log(?!\s*_)|\\exp\b|e\^")
_BINARY_LOG = re.compile(r"\\log\s*_\s*\{?\s*2\b|\\lg\b")
_OTHER_BASE = re.compile(r"\\log\s*_\s*\{?\s*(?!2\b)[\w\\]")      # log_{10}: hartleys, neither bits nor nats


def _unit(tex: str) -> str | None:
    """The unit a side ends in (one name for each of its spellings, with its power), or None.  Not after an
    exponent or a subscript (``\\sigma^2 \\mathrm{K}``: a matrix K), and a one-letter unit only set apart as units
    are (``4.62\\ \\text{h}``, ``5\\,\\mathrm{m}``, ``\\text{ s}``), not ``-2\\mathrm{K}`` (a constant K)."""
    m = _UNIT.search(tex.rstrip())
    if not m or re.search(r"[\^_]\s*\{?\s*[\d.]*$", tex[:m.start()]):
        return None
    if len(m.group("unit")) == 1 and m.group("unit").isascii() and not (
            m.group("inner") or re.search(r"\\[,;:! ]|~|\\quad", m.group("space"))):
        return None
    word = re.sub(r"\s+", " ", m.group("unit"))
    per = word.startswith("per ")
    parts = [p.strip() for p in word.removeprefix("per ").split("/")]
    if any(p not in _WORDS and p not in _INFORMATION for p in parts):
        return None
    unit = "/".join(_INFORMATION.get(p) or _WORDS[p] for p in parts)
    return ("per " if per else "") + unit + re.sub(r"[\s{}^]", "", m.group("power") or "")


def _percent(lhs: str, rhs: str) -> tuple[str, str]:
    """Percentages written as the decimals they are (``12\\%`` → ``0.12``), unless a side multiplies by 100."""
    if not (_PERCENT.search(lhs) or _PERCENT.search(rhs)) or _HUNDRED.search(lhs) or _HUNDRED.search(rhs):
        return lhs, rhs
    raised = tuple(_RAISED.sub(lambda m: f"{m.group(1)} \\cdot (1 {m.group(2)} {m.group(3)}/100)", side) for side in (lhs, rhs))
    if not (_RAISED.search(lhs) or _RAISED.search(rhs)) and _as_points(lhs, rhs) \
            or raised != (lhs, rhs) and _as_points(*raised):
        # "45\% - 40\% = 5", "40\% + 5 = 45\%" (percentage points), "50 + 20\% = 60" (a raise): another reading of
        # the percent holds where the decimal one fails — which one is meant is not decided by which is true, so the
        # percent stays as written (not read: neither proved nor refuted)
        return lhs, rhs
    def decimal(m: re.Match) -> str:
        return format(Decimal(m.group(1)).scaleb(-2), "f")
    return _PERCENT.sub(decimal, lhs), _PERCENT.sub(decimal, rhs)


CONVERSIONS = (60, 3600, 24, 1440, 86400, 7, 365, 1000, 1024, 10**6, 10**9, 10**12, 2**20, 2**30, 2**40, 3.6, 100)
"""Factors between units of one kind (minutes in an hour, bytes in a KiB, km/h in m/s, …): one side written in a
unit, the other bare, and the two a factor apart — a conversion (1.5 h = 90 minutes), not a wrong number."""


def unit_on_one_side(lhs: str, rhs: str) -> bool:
    """Whether exactly one side ends in a unit other than bits or nats (then the other may be in another unit)."""
    units = _unit(lhs), _unit(rhs)
    return (units[0] is None) != (units[1] is None) and (units[0] or units[1]) not in ("bit", "nat")


def _as_points(lhs: str, rhs: str) -> bool:
    """Whether the two sides, numbers written, are equal with each ``N\\%`` read as N itself (percentage points)."""
    from ..latex import Unparsed, parse_tex
    try:
        a, b = (parse_tex(_PERCENT.sub(lambda m: m.group(1), side)) for side in (lhs, rhs))
    except (Unparsed, ValueError, TypeError):
        return False
    return a.is_number and b.is_number and a == b


def without_units(lhs: str, rhs: str) -> tuple[str, str]:
    """The two sides without their units where dropping them keeps the relation's meaning."""
    lhs, rhs = _percent(lhs, rhs)
    units = _unit(lhs), _unit(rhs)
    if units == (None, None):
        return lhs, rhs
    if None not in units and units[0] != units[1]:
        return lhs, rhs                                  # 10 bits ≈ 6.93 nats, 5/3 h = 100 min: different units
    unit = units[0] or units[1]
    bare = lhs if units[0] is None else rhs
    if unit == "bit" and (_NATURAL_LOG.search(bare) or _OTHER_BASE.search(bare)) \
            or unit == "nat" and (_BINARY_LOG.search(bare) or _OTHER_BASE.search(bare)):
        return lhs, rhs                                  # log 2 = 1 bit: the same quantity in two units
    return (_UNIT.sub("", lhs.rstrip()) if units[0] else lhs), (_UNIT.sub("", rhs.rstrip()) if units[1] else rhs)
