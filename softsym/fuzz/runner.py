"""Run one generated relation through softsym's prover and the oracle."""
from __future__ import annotations

import time
import traceback
from dataclasses import dataclass

from ..deadline import disarm_leftover
from ..errors import StepTimeout, UserError
from ..text import prove_text
from .generator import generate_case
from .model import Case, Declarations
from .oracle import BUDGET, Finding, judge
from .watchdog import OutOfTime, within

SKIPPED = "skipped"
"""Status of a relation softsym rejected as input (a generator bug, not a verdict)."""
CRASH = "crash"
"""Status when ``prove_text`` raised instead of returning a verdict."""
HANG = "hang"
"""Status when ``prove_text`` ran far past its time limit and was stopped."""
NOTHING = Finding("none")
"""The finding when the oracle had nothing to check."""
HUNG = 5
"""A prover run is stopped after this many times its time limit (plus 5 s) of CPU time."""


@dataclass(frozen=True)
class Outcome:
    """softsym's verdict on one relation and the oracle's finding about it.

    Attributes:
        case: the relation.
        status: the verdict (``proved``, ``refuted``, ...), ``crash`` or ``skipped``.
        strategy: the deciding strategy (or the exception's place for a crash).
        message: the verdict's message (or the exception).
        seconds: wall time of the prover.
        instantiated_up_to: N of a ``proved-instantiated`` verdict.
        counterexample: the refuting point as ``(name, value)`` pairs.
        finding: the oracle's conclusion.
        oracle_seconds: wall time of the oracle.
    """

    case: Case
    status: str
    strategy: str = ""
    message: str = ""
    seconds: float = 0.0
    instantiated_up_to: int | None = None
    counterexample: tuple[tuple[str, str], ...] | None = None
    finding: Finding = NOTHING
    oracle_seconds: float = 0.0


def run_case(case: Case, timeout: float, budget: float = BUDGET) -> Outcome:
    """Prove ``case`` with softsym (``timeout`` seconds) and judge the verdict (``budget`` seconds)."""
    start = time.perf_counter()
    try:
        verdict = within(HUNG * timeout + 5, lambda: prove_text(case.lhs, case.rhs, case.rel, case.symbols,
                                                               timeout, case.given))
    except OutOfTime:
        return Outcome(case, HANG, message=f"prove did not return within {HUNG * timeout + 5:g} s of CPU time "
                                           f"(its limit was {timeout:g} s)", seconds=time.perf_counter() - start)
    except UserError as exc:
        return Outcome(case, SKIPPED, message=f"{type(exc).__name__}: {exc}")
    except (Exception, StepTimeout) as exc:  # noqa: BLE001 - a crash (a deadline escaping prove too), never a verdict
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        return Outcome(case, CRASH, f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno} in {frame.name}",
                       f"{type(exc).__name__}: {exc}", time.perf_counter() - start)
    seconds = time.perf_counter() - start
    if disarm_leftover():               # a deadline's timer outlived prove: it would fire in the oracle
        return Outcome(case, CRASH, "deadline", "prove returned with a step timer still armed", seconds)
    cex = verdict.counterexample.values if verdict.counterexample is not None else None
    status = str(verdict.status)
    start = time.perf_counter()
    finding = judge(case, status, verdict.instantiated_up_to, cex, budget)
    return Outcome(case, status, verdict.strategy, verdict.message, seconds, verdict.instantiated_up_to, cex,
                   finding, time.perf_counter() - start)


def run_label(label: str, timeout: float, budget: float = BUDGET) -> Outcome:
    """Generate the relation named ``label`` and run it (a generator failure counts as skipped)."""
    try:
        case = generate_case(label)
    except Exception as exc:  # noqa: BLE001 - a generator bug is counted, not fatal
        placeholder = Case("", "==", "", Declarations(), None, (), label)
        return Outcome(placeholder, SKIPPED, message=f"generator: {type(exc).__name__}: {exc}")
    return run_case(case, timeout, budget)


def describe(outcome: Outcome, timeout: float) -> str:
    """A report entry: the reproducing command, the verdict and the oracle's evidence."""
    case = outcome.case
    verdict = outcome.status + (f" (n = 1..{outcome.instantiated_up_to})" if outcome.instantiated_up_to else "")
    lines = [f"[{case.label}] recipe: {', '.join(case.recipe) or '-'}; truth by construction: "
             f"{ {True: 'true', None: 'unknown', False: 'false'}[case.truth] }",
             f"  {case.command(timeout)}",
             f"  verdict: {verdict} ({outcome.strategy}, {outcome.seconds:.2f} s): {outcome.message}"]
    if outcome.counterexample:
        lines.append(f"  counterexample: {', '.join(f'{k}={v}' for k, v in outcome.counterexample)}")
    if outcome.finding.detail:
        lines.append(f"  oracle: {outcome.finding.detail}")
    return "\n".join(lines)
