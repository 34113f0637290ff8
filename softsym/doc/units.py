"""Units written after a number in math (``0.469 \\text{ bits}``): an information unit is dropped
before the relation is read when that does not change what it says — both sides in the same unit,
or one side in bits (nats) and the other with no logarithm of another base.  ``10 \\text{ bits}
\\approx 6.93 \\text{ nats}`` and ``\\log 2 = 1 \\text{ bit}`` keep their units (and are reported
unparsed): their numbers are in different units.  Any other word stays, for the reader to report."""
from __future__ import annotations

import re

_UNIT = re.compile(r"(?<=\d)(?:\s|\\[,;:! ]|~|\\quad)*\\(?:text|mathrm|textrm|mbox)\s*\{\s*(?P<unit>bit|nat|shannon)s?"
                   r"\s*\}\s*$")
_NATURAL_LOG = re.compile(r"\\ln\b|\\log(?!\s*_)|\\exp\b|e\^")
_BINARY_LOG = re.compile(r"\\log\s*_\s*\{?\s*2\b|\\lg\b")
_OTHER_BASE = re.compile(r"\\log\s*_\s*\{?\s*(?!2\b)[\w\\]")      # log_{10}: hartleys, neither bits nor nats


def _unit(tex: str) -> str | None:
    m = _UNIT.search(tex.rstrip())
    return {"shannon": "bit"}.get(m.group("unit"), m.group("unit")) if m else None


def without_units(lhs: str, rhs: str) -> tuple[str, str]:
    """The two sides without their information units where dropping them keeps the relation's meaning."""
    units = _unit(lhs), _unit(rhs)
    if units == (None, None):
        return lhs, rhs
    if None not in units and units[0] != units[1]:
        return lhs, rhs                                  # 10 bits ≈ 6.93 nats: different units
    unit = units[0] or units[1]
    bare = lhs if units[0] is None else rhs
    if unit == "bit" and (_NATURAL_LOG.search(bare) or _OTHER_BASE.search(bare)) \
            or unit == "nat" and (_BINARY_LOG.search(bare) or _OTHER_BASE.search(bare)):
        return lhs, rhs                                  # log 2 = 1 bit: the same quantity in two units
    return _UNIT.sub("", lhs.rstrip()), _UNIT.sub("", rhs.rstrip())
