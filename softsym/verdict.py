"""Verdicts: what the prover concluded about one relation, and the evidence."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum


class Status(str, Enum):
    """The verdicts of the contract; each is a promise (see README)."""

    PROVED = "proved"
    PROVED_INSTANTIATED = "proved-instantiated"
    REFUTED = "refuted"
    UNDECIDED = "undecided"
    ERROR = "error"
    TIMEOUT = "timeout"
    VACUOUS = "vacuous"
    CHECKED_NUMERICALLY = "checked-numerically"   # a float claim held at every input tried: evidence, not a proof

    @property
    def is_proved(self) -> bool:
        """True for both kinds of proof."""
        return self in (Status.PROVED, Status.PROVED_INSTANTIATED)

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Counterexample:
    """A point inside the assumptions where the relation fails, re-checked at high precision.

    Attributes:
        values: ``(name, value)`` pairs, values as exact strings that ``prove`` accepts back.
        lhs_value: the left side there (exact when SymPy could keep it exact, else 30 digits).
        rhs_value: the right side there.
        digits: the precision (decimal digits) at which the failure was confirmed.
    """

    values: tuple[tuple[str, str], ...]
    lhs_value: str
    rhs_value: str
    digits: int = 50

    def as_dict(self) -> dict[str, str]:
        """The point as ``{name: value}``."""
        return dict(self.values)

    def describe(self) -> str:
        """``p=0, q=0: lhs=1/2, rhs=0``."""
        point = ", ".join(f"{k}={v}" for k, v in self.values) or "(no free symbols)"
        return f"{point}: lhs={self.lhs_value}, rhs={self.rhs_value}"


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one relation.

    Attributes:
        status: the verdict.
        strategy: the name of the strategy that decided it (``"none"`` when undecided).
        seconds: wall time spent on the whole relation.
        message: a human sentence: how it was proved, or why not.
        counterexample: the refuting point, for ``refuted``.
        instantiated_up_to: N for ``proved-instantiated`` (proved for n = 1..N).
        trace: the rules or rewrites used, in order (inequalities, case splits).
    """

    status: Status
    strategy: str
    seconds: float = 0.0
    message: str = ""
    counterexample: Counterexample | None = None
    instantiated_up_to: int | None = None
    trace: tuple[str, ...] = field(default=())

    def timed(self, seconds: float) -> Verdict:
        """A copy carrying the given wall time."""
        return replace(self, seconds=seconds)


def proved(strategy: str, message: str, trace: tuple[str, ...] = ()) -> Verdict:
    """A symbolic proof for every value the assumptions allow."""
    return Verdict(Status.PROVED, strategy, message=message, trace=trace)


def refuted(strategy: str, counterexample: Counterexample, message: str = "") -> Verdict:
    """A confirmed counterexample."""
    return Verdict(Status.REFUTED, strategy, message=message or f"fails at {counterexample.describe()}",
                   counterexample=counterexample)
