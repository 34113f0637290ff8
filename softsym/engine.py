"""The orchestrator: derivations → steps → verdicts, in this process or on a process pool.

Read this first.  For each step: (1) collect what it may assume — the derivation's domain, the
step's own hypotheses, the definitions made before it; (2) turn the step into a ``Problem``
(definitions unfolded, instantiation values substituted); (3) run the prover under the step's
time limit; (4) compare the verdict with what the step expects (an erratum expects ``refuted``).
A step concluded from earlier steps (``depends_on``) is checked after them, with their verdicts
(``conclude.py``); a definition printed wrong is checked against its ``intended`` expression.
A float claim (``d.float_claim``) is not a relation for the prover: its code is run in IEEE floating
point and compared with the exact value (``floats/``); it is never cached (its code may call
functions whose text its fingerprint cannot see), and it expects ``checked-numerically``.
Before all that, a step's quotation must be printed in its source text (``sources.py``): a step
whose quotation is not there fails with an ``error`` verdict, whatever its mathematics.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

import sympy as sp

from .cache import Cache
from .conclude import check_conclusion
from .deadline import Deadline, run_until
from .dsl import Definition, Derivation, Kind, Step
from .errors import StepTimeout
from .fingerprint import step_fingerprint
from .floats.check import check_float_claim
from .numeric.sampling import admits, inside
from .problem import prepare
from .sources import quote_problem
from .prover import DEFAULT_TIMEOUT, prove
from .verdict import Status, Verdict


@dataclass(frozen=True)
class StepResult:
    """A step and its verdict."""

    step: Step
    verdict: Verdict

    @property
    def ok(self) -> bool:
        """Whether the verdict is what the step expects."""
        if self.step.erratum:
            return self.verdict.status is Status.REFUTED
        if self.step.kind is Kind.FLOAT:
            return self.verdict.status is Status.CHECKED_NUMERICALLY
        return self.verdict.status.is_proved


@dataclass(frozen=True)
class DerivationResult:
    """A derivation and the results of its steps, in order."""

    derivation: Derivation
    results: tuple[StepResult, ...]

    @property
    def ok(self) -> bool:
        """Every step got its expected verdict."""
        return all(r.ok for r in self.results)

    @property
    def seconds(self) -> float:
        """Sum of the steps' times."""
        return sum(r.verdict.seconds for r in self.results)


def _check_definition(derivation: Derivation, step: Step, timeout: float) -> Verdict:
    """A definition is true by fiat; only assumptions declared on the new name need proof."""
    claims = {"positive": ">", "nonnegative": ">=", "negative": "<", "nonpositive": "<="}
    if step.erratum:
        return _check_definition_erratum(derivation, step, timeout)
    target = step.lhs
    for fact, rel in claims.items():
        if isinstance(target, sp.Symbol) and target.assumptions0.get(fact):
            problem = prepare(step.rhs, rel, sp.Integer(0), derivation.domain,
                              derivation.definitions_before(step.index))
            verdict = prove(problem, timeout)
            if not verdict.status.is_proved:
                return Verdict(verdict.status, verdict.strategy, verdict.seconds,
                               f"{target} is declared {fact} but that is not established: {verdict.message}",
                               verdict.counterexample)
            return Verdict(Status.PROVED, "definition", verdict.seconds,
                           f"defines {target}; its declared sign ({fact}) is proved: {verdict.message}")
    return Verdict(Status.PROVED, "definition", 0.0, f"defines {target} (nothing to prove)")


def _check_definition_erratum(derivation: Derivation, step: Step, timeout: float) -> Verdict:
    """A definition printed wrong must be refuted: ``printed == intended``, or the relation
    ``intended`` with the printed definition unfolded."""
    check = step.intended
    if isinstance(check, sp.core.relational.Relational) and check.rel_op in ("==", "<=", "<", ">=", ">"):
        lhs, rel, rhs = check.lhs, check.rel_op, check.rhs
    elif isinstance(check, sp.Expr):
        lhs, rel, rhs = step.lhs, "==", check
    else:
        return Verdict(Status.ERROR, "definition", message=f"the erratum definition of {step.lhs} has nothing to be "
                       f"checked against (intended= an expression or a relation ==, <=, <, >=, >; got {check!r})")
    definitions = derivation.definitions_before(step.index) + (Definition(step.lhs, step.rhs, step.index),)
    problem = prepare(lhs, rel, rhs, derivation.domain.with_given(*step.given), definitions)
    verdict = prove(problem, timeout)
    shown = f"{step.lhs} := {step.rhs} (as printed), checked: {lhs} {rel} {rhs}"
    return Verdict(verdict.status, verdict.strategy, verdict.seconds, f"{shown}: {verdict.message}",
                   verdict.counterexample, verdict.instantiated_up_to, verdict.trace)


def _check_substitution(derivation: Derivation, step: Step) -> Verdict | None:
    """An instantiation's values must lie inside the assumptions of the symbols they replace."""
    for symbol, value in step.substitution:
        bound = derivation.domain.bound_of(symbol)
        ends = (None, False, None, False) if bound is None else (bound.lower, bound.lower_strict,
                                                                 bound.upper, bound.upper_strict)
        if not admits(symbol, value) or (value.is_number and not inside(value, *ends)):
            return Verdict(Status.ERROR, "instantiation",
                           message=f"{symbol} := {value} is outside the assumptions on {symbol}")
    return None


def quote_verdict(derivation: Derivation, step: Step) -> Verdict | None:
    """An ``error`` verdict when the step's quotation is not its source's text (None: it is)."""
    problem = quote_problem(derivation, step)
    return None if problem is None else Verdict(Status.ERROR, "quote", message=problem)


def check_step(derivation: Derivation, step: Step, timeout: float = DEFAULT_TIMEOUT,
               dependencies: Mapping[int, Verdict] | None = None) -> Verdict:
    """The verdict for one step of ``derivation``; our own failures become an ``error`` verdict.

    ``dependencies``: the verdicts (by step index) of the steps a concluded step uses; checked here
    when not given.
    """
    try:
        return quote_verdict(derivation, step) or _check_step(derivation, step, timeout, dependencies)
    except (KeyboardInterrupt, SystemExit):
        raise
    except StepTimeout:   # a time limit that fired outside the prover's own handler
        return Verdict(Status.TIMEOUT, "engine", message=f"time limit of {timeout:g} s reached")
    except Exception as exc:  # a bug or a SymPy crash on one step must not stop the run
        return Verdict(Status.ERROR, "engine", message=f"internal error while checking: {type(exc).__name__}: {exc}")


def _check_step(derivation: Derivation, step: Step, timeout: float,
                dependencies: Mapping[int, Verdict] | None = None) -> Verdict:
    start = time.perf_counter()
    if step.kind is Kind.DEFINITION:
        return _check_definition(derivation, step, timeout)
    if step.kind is Kind.FLOAT:
        return _check_float(step, timeout).timed(round(time.perf_counter() - start, 4))
    if step.depends_on:
        verdicts = dependencies if dependencies is not None else _dependency_verdicts(derivation, step, timeout)
        return check_conclusion(derivation, step, verdicts, timeout)
    bad = _check_substitution(derivation, step)
    if bad is not None:
        return bad
    domain = derivation.domain.with_given(*step.given)
    problem = prepare(step.lhs, step.rel, step.rhs, domain, derivation.definitions_before(step.index),
                      step.substitution)
    verdict = prove(problem, timeout)
    return verdict.timed(round(time.perf_counter() - start, 4))


def _check_float(step: Step, timeout: float) -> Verdict:
    """A float claim, under the step's time limit."""
    try:
        return run_until(Deadline.after(timeout), lambda: check_float_claim(step))
    except StepTimeout:
        return Verdict(Status.TIMEOUT, "float_evaluation", message=f"time limit of {timeout:g} s reached while "
                       f"running the code and its exact value")


def _dependency_verdicts(derivation: Derivation, step: Step, timeout: float) -> dict[int, Verdict]:
    """The verdicts of the steps ``step`` uses, directly or through other concluded steps."""
    needed, todo = set[int](), list(step.depends_on)
    while todo:
        index = todo.pop()
        if index not in needed:
            needed.add(index)
            todo.extend(derivation.steps[index - 1].depends_on)
    verdicts: dict[int, Verdict] = {}
    for index in sorted(needed):
        verdicts[index] = check_step(derivation, derivation.steps[index - 1], timeout, verdicts)
    return verdicts


def check_derivation(derivation: Derivation, timeout: float = DEFAULT_TIMEOUT) -> DerivationResult:
    """Check every step in order, in this process (a concluded step with the verdicts before it)."""
    verdicts: dict[int, Verdict] = {}
    for s in derivation.steps:
        verdicts[s.index] = check_step(derivation, s, timeout, verdicts)
    return DerivationResult(derivation, tuple(StepResult(s, verdicts[s.index]) for s in derivation.steps))


def conclusion_key(derivation: Derivation, step: Step, dependencies: Mapping[int, Verdict]) -> str:
    """What a concluded step's cached verdict rests on: its fingerprint (which covers those of
    the steps it uses) and their verdicts now."""
    return step_fingerprint(derivation, step) + "|uses " + ",".join(
        f"{i}:{dependencies[i].status}:{dependencies[i].instantiated_up_to}" for i in step.depends_on)


# -- parallel checking ---------------------------------------------------------------------
_worker_cache: dict[tuple[str, str], Derivation] = {}


def _check_in_worker(file: str, name: str, index: int, timeout: float) -> Verdict:
    from .loader import load_file
    key = (file, name)
    if key not in _worker_cache:
        for d in load_file(Path(file))[0]:
            _worker_cache[(file, d.name)] = d
    derivation = _worker_cache[key]
    return check_step(derivation, derivation.steps[index - 1], timeout)


def check_all(derivations: Iterable[Derivation], *, jobs: int = 1, timeout: float = DEFAULT_TIMEOUT,
              cache: Cache | None = None,
              on_step: Callable[[Derivation, Step, Verdict], None] | None = None,
              on_start: Callable[[Derivation, Step], None] | None = None) -> list[DerivationResult]:
    """Check many derivations; with ``jobs > 1`` the steps are spread over a process pool.

    Args:
        derivations: what to check (their ``file`` must be importable in a worker for jobs > 1).
        jobs: worker processes (1 checks in this process).
        timeout: seconds per step.
        cache: where decided verdicts are looked up first and stored after (None: no cache).
        on_step: called after each step is decided (for progress output), in completion order.
        on_start: called when a step is handed to the prover (to a worker: in the order they take them).
    """
    derivations = list(derivations)
    verdicts: dict[tuple[str, int], Verdict] = {}
    todo: list[tuple[Derivation, Step, str | None]] = []
    waiting: list[tuple[Derivation, Step]] = []

    def from_cache(d: Derivation, s: Step, key: str | None) -> bool:
        """Take the step's verdict from the cache when it is there."""
        hit = cache.get(key) if cache and key else None
        if hit is None:
            return False
        verdicts[(d.name, s.index)] = hit
        if on_step:
            on_step(d, s, hit)
        return True

    for d in derivations:
        for s in d.steps:
            misquoted = quote_verdict(d, s)      # never cached: the quotation is not in the fingerprint
            if misquoted is not None:
                verdicts[(d.name, s.index)] = misquoted
                if on_step:
                    on_step(d, s, misquoted)
                continue
            if s.depends_on:              # checked last, with the verdicts of the steps it uses
                waiting.append((d, s))
                continue
            key = cache.key(step_fingerprint(d, s), timeout) if cache and s.kind is not Kind.FLOAT else None
            if not from_cache(d, s, key):
                todo.append((d, s, key))

    def record(d: Derivation, s: Step, key: str | None, verdict: Verdict) -> None:
        verdicts[(d.name, s.index)] = verdict
        if cache and key:
            cache.put(key, verdict)
        if on_step:
            on_step(d, s, verdict)

    def start(d: Derivation, s: Step) -> None:
        if on_start:
            on_start(d, s)

    if jobs <= 1 or len(todo) <= 1:
        for d, s, key in todo:
            start(d, s)
            record(d, s, key, check_step(d, s, timeout))
    else:
        for d, s, _ in todo:
            start(d, s)
        for round_no in range(2):      # a worker that dies breaks the pool: its other steps get a second pool
            lost = []
            with ProcessPoolExecutor(max_workers=min(jobs, os.cpu_count() or jobs)) as pool:
                futures = {pool.submit(_check_in_worker, str(Path(d.file).resolve()), d.name, s.index, timeout):
                           (d, s, key) for d, s, key in todo}
                for future in as_completed(futures):
                    d, s, key = futures[future]
                    try:
                        verdict = future.result()
                    except BrokenProcessPool as exc:
                        if round_no == 0:
                            lost.append((d, s, key))
                            continue
                        verdict = Verdict(Status.ERROR, "engine", message=(
                            f"a worker process died twice while this step was queued or running ({exc}); "
                            "`--jobs 1` checks the steps one by one and shows which step it is"))
                    except Exception as exc:  # the worker raised: this step fails, the others go on
                        verdict = Verdict(Status.ERROR, "engine", message=f"worker failed: {type(exc).__name__}: {exc}")
                    record(d, s, key, verdict)
            if not lost:
                break
            todo = lost
    for d, s in waiting:               # in derivation order: a conclusion may use an earlier conclusion
        uses = {i: verdicts[(d.name, i)] for i in s.depends_on}
        key = cache.key(conclusion_key(d, s, uses), timeout) if cache else None
        if not from_cache(d, s, key):
            start(d, s)
            record(d, s, key, check_step(d, s, timeout, uses))
    return [DerivationResult(d, tuple(StepResult(s, verdicts[(d.name, s.index)]) for s in d.steps))
            for d in derivations]
