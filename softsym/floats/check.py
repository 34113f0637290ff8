"""Testing a float claim: the code on every batch in every dtype, each entry against the exact value.

Read this first.  For each dtype of the claim, in order: (1) the given points, then the searched
ones (``points.py``), are rounded to the dtype and handed to the code; (2) each entry of the result
is compared with the exact value at the rounded input (``exact.py``) — it fails when it is not
finite where the exact value is, or when ``|result − exact| > atol + rtol·|exact|``; a failure is
confirmed at 1000 digits; (3) the verdict: ``refuted`` with the first failing input (a given one,
else the shortest searched one, rounded to fewer digits while it still fails), its dtype, the
result and the exact value; otherwise ``checked-numerically`` — evidence at the inputs tried, never
a proof.  Code that raises or returns the wrong shape gives ``error``, naming the step.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass

import mpmath
import numpy as np

from ..dsl import Step
from ..errors import StepTimeout
from ..verdict import Counterexample, Status, Verdict
from .claim import CLASS, ROW, FloatClaim
from .exact import CONFIRM_DIGITS, ExactError, Reference
from .points import GIVEN, Batch, as_batch, batches

STRATEGY = "float_evaluation"
SHORTER = (2, 3, 4, 6, 8)        # significant digits a searched failure is rounded to, while it still fails


class CodeError(Exception):
    """The code raised, or returned something that is not one result per input."""


@dataclass(frozen=True)
class Failure:
    """One input where the code's result is wrong, confirmed."""

    dtype: str
    group: str
    point: tuple[object, ...]
    entry: int | None
    got: float
    exact: mpmath.mpf
    reason: str

    def size(self) -> tuple[int, float]:
        """Sort key: fewer entries, then smaller magnitudes, read first."""
        numbers = [abs(x) for v in self.point for x in (v if isinstance(v, tuple) else (v,))]
        return len(numbers), max(numbers, default=0.0)


@dataclass
class _Tally:
    """What one dtype saw."""

    given: int = 0
    searched: int = 0
    given_failed: int = 0
    searched_failed: int = 0
    worst: float = 0.0           # the largest relative error of an entry that passed


def check_float_claim(step: Step) -> Verdict:
    """The verdict of a float-claim step (``step.float_claim``)."""
    claim = step.float_claim
    assert claim is not None
    reference = Reference(claim)
    tallies = {dtype: _Tally() for dtype in claim.dtypes}
    failures: list[Failure] = []
    try:
        for dtype in claim.dtypes:
            for batch in batches(claim, dtype):
                failures += _judge_batch(claim, reference, dtype, batch, tallies[dtype])
        if failures:
            shown = _simplest(claim, reference, failures)
            return _refuted(claim, shown, tallies)
    except CodeError as exc:
        return Verdict(Status.ERROR, STRATEGY, message=f"{step.place} step {step.index}: {exc}")
    except ExactError as exc:
        return Verdict(Status.ERROR, STRATEGY, message=f"{step.place} step {step.index}: the exact value: {exc}")
    return _held(claim, tallies)


def _judge_batch(claim: FloatClaim, reference: Reference, dtype: str, batch: Batch, tally: _Tally) -> list[Failure]:
    out = _call(claim, batch, dtype)
    found = []
    for k in range(batch.size):
        failure = _judge(claim, reference, dtype, batch.group, batch.point(k, claim), out[k], tally)
        if batch.group == GIVEN:
            tally.given += 1
            tally.given_failed += failure is not None
        else:
            tally.searched += 1
            tally.searched_failed += failure is not None
        if failure is not None:
            found.append(failure)
    return found


def _judge(claim: FloatClaim, reference: Reference, dtype: str, group: str, point: tuple[object, ...],
           result: np.ndarray, tally: _Tally | None = None) -> Failure | None:
    """The first entry of ``result`` that fails at ``point``, confirmed at ``CONFIRM_DIGITS``."""
    rtol, atol = claim.tolerance(dtype)
    got = np.atleast_1d(result)
    exact = reference.values(point)
    for k, (value, truth) in enumerate(zip(got, exact)):
        reason = _fault(float(value), truth, rtol, atol)
        if reason is None:
            if tally is not None and truth and mpmath.isfinite(truth) and np.isfinite(value) and abs(truth) > atol:
                tally.worst = max(tally.worst, float(abs(mpmath.mpf(float(value)) - truth) / abs(truth)))
            continue
        confirmed = reference.values(point, CONFIRM_DIGITS)[k]
        reason = _fault(float(value), confirmed, rtol, atol)
        if reason is not None:
            entry = k + 1 if claim.entry is not None else None
            return Failure(dtype, group, point, entry, float(value), confirmed, reason)
    return None


def _fault(value: float, truth: mpmath.mpf | None, rtol: float, atol: float) -> str | None:
    """Why ``value`` is not ``truth`` within the tolerances (None: it is, or the truth is not finite)."""
    if truth is None:
        return None
    if not np.isfinite(value):
        return "a non-finite result where the exact value is finite"
    error = abs(mpmath.mpf(value) - truth)
    if error <= atol + rtol * abs(truth):
        return None
    if truth == 0:
        return f"off by {mpmath.nstr(error, 3)} from 0"
    return f"relative error {mpmath.nstr(error / abs(truth), 3)} > rtol {rtol:.2g}"


def _call(claim: FloatClaim, batch: Batch, dtype: str) -> np.ndarray:
    """The code's result on ``batch``: one row of entries (or one value) per point.

    Raises:
        CodeError: the code raised, or its result has the wrong shape or type.
    """
    where = f"in {dtype} at {_point_text(batch.point(0, claim), claim, dtype)}" + (
        f" (and {batch.size - 1} more inputs of the group {batch.group!r})" if batch.size > 1 else "")
    who = "the code" if claim.code_name == "code" else f"the code {claim.code_name}"
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = claim.code(*(a.copy() for a in batch.arrays))
        out = np.asarray(result)
    except StepTimeout:
        raise
    except Exception as exc:  # noqa: BLE001 - the user's code failing is an error verdict, not a traceback
        raise CodeError(f"{who} raised {type(exc).__name__}: {exc} {where}") from None
    if out.dtype.kind not in "fiub":
        raise CodeError(f"{who} returned {out.dtype} values, not real numbers, {where}")
    n = batch.arrays[0].shape[1] if ROW in claim.roles else None
    wanted = (batch.size, n) if claim.entry is not None else (batch.size,)
    if out.shape == (batch.size, 1) and claim.entry is None:
        out = out[:, 0]
    if out.shape != wanted:
        shapes = ", ".join(str(a.shape) for a in batch.arrays)
        each = "an entry per entry of a row" if claim.entry is not None else \
            f"one value per {'element' if claim.elementwise else 'row'}"
        raise CodeError(f"{who} returned shape {out.shape} for inputs of shape {shapes}; "
                        f"expected {wanted} ({each}) {where}")
    return out


def _simplest(claim: FloatClaim, reference: Reference, failures: list[Failure]) -> Failure:
    """The failure to report: the first dtype's, a given input if one fails, else the shortest searched
    input, rounded to as few digits as still fail."""
    dtype = next(t for t in claim.dtypes if any(f.dtype == t for f in failures))
    mine = [f for f in failures if f.dtype == dtype]
    given = [f for f in mine if f.group == GIVEN]
    if given:
        return given[0]
    best = min(mine, key=Failure.size)
    for digits in SHORTER:
        shorter = tuple(tuple(float(f"{x:.{digits}g}") for x in v) if role == ROW else
                        v if role == CLASS else float(f"{v:.{digits}g}")                    # type: ignore[str-format]
                        for v, role in zip(best.point, claim.roles))
        if shorter == best.point:
            break
        batch = as_batch(best.group, shorter, claim, np.dtype(dtype))
        found = _judge(claim, reference, dtype, best.group, batch.point(0, claim), _call(claim, batch, dtype)[0])
        if found is not None:
            return found
    return best


def _point_text(point: tuple[object, ...], claim: FloatClaim, dtype: str) -> str:
    """``z = [1166.02, -2785.15], t = 2``: each value as the dtype prints it (its shortest repr)."""
    return ", ".join(f"{name} = {text}" for name, text in _point_values(point, claim, dtype))


def _point_values(point: tuple[object, ...], claim: FloatClaim, dtype: str) -> list[tuple[str, str]]:
    kind = np.dtype(dtype).type
    out = []
    for symbol, role, value in zip(claim.inputs, claim.roles, point):
        name = str(symbol.label) if role == ROW else str(symbol)
        if role == ROW:
            out.append((name, "[" + ", ".join(str(kind(x)) for x in value) + "]"))   # type: ignore[union-attr]
        else:
            out.append((name, str(value) if role == CLASS else str(kind(value))))
    return out


def _counts(tallies: dict[str, _Tally], failed: bool) -> str:
    parts = []
    for dtype, t in tallies.items():
        given = (f"{t.given_failed} of {t.given} given" if failed else f"{t.given} given") if t.given else ""
        searched = (f"{t.searched_failed} of {t.searched} searched" if failed else f"{t.searched} searched") \
            if t.searched else ""
        parts.append(f"{dtype}: {' and '.join(x for x in (given, searched) if x)} inputs")
    return "; ".join(parts)


def _refuted(claim: FloatClaim, f: Failure, tallies: dict[str, _Tally]) -> Verdict:
    values = _point_values(f.point, claim, f.dtype)
    if f.entry is not None:
        values.append((str(claim.entry), str(f.entry)))
    values.append(("dtype", f.dtype))
    got = str(np.dtype(f.dtype).type(f.got))
    exact = mpmath.nstr(f.exact, 20)
    what = f"entry {claim.entry} = {f.entry} of the result" if f.entry is not None else "the result"
    found = "" if f.group == GIVEN else f" (found by the search: {f.group})"
    message = (f"in {f.dtype} at {_point_text(f.point, claim, f.dtype)}{found}: {what} is {got}, the exact "
               f"value {mpmath.nstr(f.exact, 7)}: {f.reason}. Failing inputs: {_counts(tallies, True)}")
    return Verdict(Status.REFUTED, STRATEGY, message=message,
                   counterexample=Counterexample(tuple(values), got, exact, CONFIRM_DIGITS))


def _held(claim: FloatClaim, tallies: dict[str, _Tally]) -> Verdict:
    worst = ", ".join(f"{t.worst:.2g} in {dtype}" for dtype, t in tallies.items())
    message = (f"held at every input tried ({_counts(tallies, False)}): finite, largest relative error {worst} "
               f"({claim.tolerance_text()}); numeric evidence at these inputs, not a proof")
    trace = tuple(f"{dtype}: {t.given + t.searched} inputs, largest relative error {t.worst:.3g}"
                  for dtype, t in tallies.items())
    return Verdict(Status.CHECKED_NUMERICALLY, STRATEGY, message=message, trace=trace)


__all__ = ["STRATEGY", "check_float_claim"]
