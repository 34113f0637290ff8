"""Units written after a number in math (``0.469 \\text{ bits}``): information units, which do not
change the number they follow, are dropped before the side is read; any other word stays and is
reported unparsed by the reader."""
from __future__ import annotations

import re

_UNIT = re.compile(r"(?<=\d)(?:\s|\\[,;:! ]|~|\\quad)*\\(?:text|mathrm|textrm|mbox)\s*\{\s*(?:bits?|nats?|shannons?)"
                   r"\s*\}\s*$")


def without_unit(tex: str) -> str:
    """``tex`` without an information unit after its final number (``1.75 \\text{ bits}`` → ``1.75``)."""
    return _UNIT.sub("", tex.rstrip())
