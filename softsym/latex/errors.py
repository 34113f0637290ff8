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


class VectorValued(Unparsed):
    """A side whose value is a vector (``\\mathbf{p}``, ``\\mathrm{softmax}(z)``, ``[1, 2, 3]``) read
    without an entry: the caller may read the relation entrywise (``Context.entry``); ``matrix``
    when it is a matrix (``\\mathrm{diag}(p) - p p^\\top``: read at a row and a column,
    ``Context.column``)."""

    def __init__(self, reason: str, fragment: str = "", matrix: bool = False) -> None:
        super().__init__(reason, fragment)
        self.matrix = matrix

    def __reduce__(self):
        return (type(self), (self.reason, self.fragment, self.matrix))
