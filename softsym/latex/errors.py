"""``Unparsed``: the one exception :func:`softsym.latex.parse_tex` raises."""
from __future__ import annotations


class Unparsed(Exception):
    """A piece of TeX that cannot be read unambiguously.

    Attributes:
        reason: a short human sentence saying why (and, where it helps, what to write instead).
        fragment: the offending piece of the input, as written.
    """

    def __init__(self, reason: str, fragment: str = "") -> None:
        self.reason = reason
        self.fragment = fragment
        super().__init__(f"{reason}: {fragment}" if fragment else reason)

    def __reduce__(self):
        return (type(self), (self.reason, self.fragment))
