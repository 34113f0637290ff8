"""Exceptions softsym raises.

``UserError`` and its subclasses are the user's to fix (malformed input, unknown names); the
CLI turns them into a one-line message and exit code 2 (or an ``error`` verdict for one step or
one batch line).  Anything else escaping softsym is our bug.
"""
from __future__ import annotations


class UserError(Exception):
    """Input the user must fix; the message says what and where."""


class ParseError(UserError):
    """An expression string could not be parsed safely.

    Attributes:
        text: the offending string.
        column: 0-based column of the offending token, when known.
    """

    def __init__(self, message: str, text: str = "", column: int | None = None) -> None:
        self.text = text
        self.column = column
        where = f" (column {column + 1})" if column is not None else ""
        shown = f": {text!r}" if text and len(text) <= 200 else ""
        super().__init__(f"{message}{where}{shown}")
        self.reason = message


class DeclarationError(UserError):
    """A symbol declaration (``"phi: 0<phi<1"``) is malformed."""


class DerivationError(UserError):
    """A derivation file is malformed; carries the file, line and step it concerns."""

    def __init__(self, message: str, file: str = "", line: int | None = None, step: int | None = None) -> None:
        self.file = file
        self.line = line
        self.step = step
        place = file + (f":{line}" if line else "")
        prefix = f"{place}: " if place else ""
        prefix += f"step {step}: " if step is not None else ""
        super().__init__(prefix + message)


class StepTimeout(BaseException):
    """A step's time budget ran out (raised from a SIGALRM handler inside SymPy code).

    A ``BaseException``, like ``KeyboardInterrupt``: the many ``except Exception`` that treat a
    failed SymPy call as "no answer" (ours and libraries') must not swallow the deadline, or the
    step goes on without one.  Code that means to stop at a deadline names ``StepTimeout``.
    """
