"""How a step's verdict shows on the page: its mark, and a counterexample as math."""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from ..dsl import Derivation, Kind, Step
from ..engine import DerivationResult, StepResult
from ..errors import ParseError
from ..numeric.display import Shown, shown_sides, shown_value
from ..parsing import parse_expr
from ..report import in_words
from ..verdict import Counterexample, Status
from .code import float_tex
from .printer import latex
from .prose import latex_text


@dataclass(frozen=True)
class Mark:
    """The mark beside a line.

    Attributes:
        tone: ``proved`` (green: proved, or a float claim checked numerically), ``wrong`` (red: a printed
            error, or a refuted step) or ``open`` (amber: undecided, timeout, error, or an erratum that
            was not refuted).
        symbol: ``check``, ``cross`` or ``query``.
        label: words after the symbol (``printed wrong``, ``undecided``, ``def.``, ``numerically``), may
            be empty.
        bound: N for a step proved for each n ≤ N only.
        ok: whether the verdict is the one the step expects.
    """

    tone: str
    symbol: str
    label: str = ""
    bound: int | None = None
    ok: bool = True


def mark(result: StepResult) -> Mark:
    """The mark for a checked step: taken from its verdict, never assumed."""
    step, v = result.step, result.verdict
    if step.erratum:
        if v.status is Status.REFUTED:
            return Mark("wrong", "cross", "printed wrong")
        return Mark("open", "query", f"erratum, but {v.status}", ok=False)
    if v.status is Status.PROVED:
        return Mark("proved", "check", "def." if step.kind is Kind.DEFINITION else "")
    if v.status is Status.PROVED_INSTANTIATED:
        return Mark("proved", "check", bound=v.instantiated_up_to)
    if v.status is Status.CHECKED_NUMERICALLY and step.kind is Kind.FLOAT:
        return Mark("proved", "check", "numerically")
    if v.status is Status.REFUTED:
        return Mark("wrong", "cross", "refuted", ok=False)
    return Mark("open", "query", str(v.status), ok=False)


@dataclass(frozen=True)
class Evidence:
    """A counterexample as LaTeX math: the point (``name = value`` each) and both sides there; for a
    float claim, the dtype it fails in, the code's result (lhs) and the exact value (rhs)."""

    point: tuple[str, ...]
    lhs: str
    rhs: str
    dtype: str = ""


def evidence(derivation: Derivation, step: Step, cex: Counterexample) -> Evidence:
    """The counterexample in the derivation's notation (``phi`` → φ, ``z[2]`` → z₂, ``E`` → e), each
    value as ``shown_value`` shows it: ``\\frac{1}{2}``, else ``\\approx 0.7310586``."""
    names = _names(derivation, step)
    point = tuple(f"{_math(name, names)} {_value_math(shown_value(value), names)}" for name, value in cex.values)
    lhs, rhs = shown_sides(cex.lhs_value, cex.rhs_value)
    return Evidence(point, _value_math(lhs, names, "").strip(), _value_math(rhs, names, "").strip())


def float_evidence(derivation: Derivation, step: Step, cex: Counterexample) -> Evidence:
    """A float claim's failing input: each input and the entry as math, the dtype, the code's result
    as its dtype prints it (NaN, ∞) and the exact value as ``shown_value`` shows it."""
    names = _names(derivation, step)
    values = [(name, value) for name, value in cex.values if name != "dtype"]
    dtype = dict(cex.values).get("dtype", "")
    point = tuple(f"{_math(name, names)} = {float_tex(value)}" for name, value in values)
    return Evidence(point, float_tex(cex.lhs_value), _value_math(shown_value(cex.rhs_value), names, "").strip(), dtype)


def _value_math(shown: Shown, names: dict[str, sp.Basic], equals: str = "=") -> str:
    """``= \\frac{1}{2}`` for an exact value, ``\\approx 0.7310586`` for a rounded one."""
    if shown.exact:
        return f"{equals} {_math(shown.text, names)}"
    try:
        number = latex(sp.Float(shown.text, ""))            # the digits shown; 1.5e-30 → 1.5 \cdot 10^{-30}
    except ValueError:                                      # a rounded complex value
        number = _math(shown.text, names)
    return rf"\approx {number}"


def _names(derivation: Derivation, step: Step) -> dict[str, sp.Basic]:
    names: dict[str, sp.Basic] = {str(b.label): b for b in derivation.domain.indexed}
    names.update({s.name: s for s in derivation.domain.symbols})
    for side in (step.lhs, step.rhs):
        names.update({s.name: s for s in side.free_symbols if isinstance(s, sp.Symbol)})
        names.update({str(b.label): b for b in side.atoms(sp.IndexedBase)})
    return names


def _math(text: str, names: dict[str, sp.Basic]) -> str:
    """A value or name from a counterexample as math; unparsable text stays verbatim."""
    try:
        return latex(parse_expr(text, names), fold_short_frac=True)
    except (ParseError, TypeError, ValueError, sp.SympifyError):
        return rf"\text{{\texttt{{{latex_text(text)}}}}}"


@dataclass(frozen=True)
class Note:
    """What is printed beneath a line, in reading order.

    Attributes:
        why: the justification, as written in the derivation.
        evidence: the counterexample of a refuted step.
        corrected_in: for an erratum, the number of the step that corrects it.
        corrects: for a correction, the number of the erratum.
        instantiated_up_to: N for a step proved for each n ≤ N only.
        message: for a step without its expected verdict, what the check said.
        place: where the source prints the line, relative to the derivation's section.
        code: a float claim's code as the derivation file shows it (else empty).
        tested: for a float claim checked numerically, where and how closely it held.
    """

    why: str
    evidence: Evidence | None = None
    corrected_in: int | None = None
    corrects: int | None = None
    instantiated_up_to: int | None = None
    message: str = ""
    place: str = ""
    code: str = ""
    tested: str = ""

    @property
    def continues(self) -> bool:
        """Whether sentences follow the justification (then it ends with a period)."""
        return bool(self.evidence or self.corrected_in or self.corrects or self.instantiated_up_to or self.message
                    or self.tested)


def notes(result: DerivationResult) -> list[Note]:
    """The note beneath each step of a checked derivation."""
    d = result.derivation
    corrections = {r.step.corrects: r.step.index for r in result.results if r.step.corrects}
    out = []
    for r in result.results:
        step, v = r.step, r.verdict
        place, section = step.source.place, d.source.place
        if section and place.startswith(section):
            place = place[len(section):].strip()
        if step.source.lines:          # where the source prints the quotation
            first, last = step.source.lines
            place = ", ".join(x for x in (place, f"line {first}" if first == last else f"lines {first}–{last}") if x)
        elif step.source.is_added and not d.source.is_added:
            place = ", ".join(x for x in (place, "added by softsym") if x)
        message = in_words(v.message) if not r.ok and v.counterexample is None else ""      # no strategy ids
        claim = step.float_claim
        shown = (float_evidence if claim else evidence)(d, step, v.counterexample) if v.counterexample else None
        tested = ("Held at every input tried: " + "; ".join(v.trace) + "." if claim and r.ok and not step.erratum
                  else "")
        out.append(Note(step.why, shown, corrections.get(step.index) if step.erratum else None, step.corrects,
                        v.instantiated_up_to, message if len(message) <= 160 else message[:157] + "...", place,
                        claim.code_text if claim else "", tested))
    return out


__all__ = ["Evidence", "Mark", "Note", "evidence", "float_evidence", "mark", "notes"]
