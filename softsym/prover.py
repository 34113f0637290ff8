"""The prover: run the strategy pipeline on one relation until a strategy decides it, then audit
a proof numerically before it is reported."""
from __future__ import annotations

import time

from sympy.core.random import seed as seed_sympy

from .audit import audit
from .deadline import Deadline, run_until
from .errors import StepTimeout
from .numeric.admissible import empty_because
from .problem import Problem
from .strategies import PIPELINE, Strategy
from .verdict import Status, Verdict

DEFAULT_TIMEOUT = 30.0
SYMPY_SEED = 20261201


def prove(problem: Problem, timeout: float = DEFAULT_TIMEOUT,
          pipeline: tuple[tuple[str, Strategy], ...] | None = None) -> Verdict:
    """Decide ``problem`` as well as the strategies can within ``timeout`` seconds.

    Returns:
        ``vacuous`` when the assumptions provably admit no point; else the first decisive
        verdict, stamped with the total time (a proof the numeric audit contradicts becomes
        ``error``); ``undecided`` when every strategy passed; ``timeout`` when the time ran out
        first; ``error`` when a strategy failed unexpectedly.  ``pipeline`` (default: every
        strategy, in order) lets a caller try some strategies first; every proof is audited alike.
    """
    start = time.perf_counter()
    # SymPy tries the facts of an assumption query in an order drawn from its own unseeded generator:
    # some orders take minutes (exptools._monotonic_sign recursing through derivatives) where others
    # take milliseconds.  A fixed seed per relation makes a verdict and its time the same in any process.
    seed_sympy(SYMPY_SEED)
    deadline = Deadline.after(timeout)
    tried: list[str] = []

    strategies = PIPELINE if pipeline is None else pipeline

    def pipeline() -> Verdict:
        reason = empty_because(problem.domain)
        if reason is not None:
            return Verdict(Status.VACUOUS, "domain",
                           message=f"the assumptions admit no point ({reason}): nothing is claimed either way")
        crashed: list[str] = []
        for label, strategy in strategies:
            if deadline.expired():
                raise StepTimeout
            tried.append(label)
            try:
                verdict = strategy(problem, deadline)
            except (ValueError, TypeError, NotImplementedError, ZeroDivisionError) as exc:
                # SymPy fails this way on some inputs ("the argument … is not comparable"): that
                # strategy has no answer, the others may still decide
                crashed.append(f"internal error in {label}: {type(exc).__name__}: {exc}")
                continue
            if verdict is not None:
                return verdict
        if crashed:          # nothing decided: the failure stays visible (a bug to report, not "undecided")
            return Verdict(Status.ERROR, crashed[0].split(":")[0].removeprefix("internal error in "),
                           message=f"{crashed[0]}; no other strategy decided")
        return Verdict(Status.UNDECIDED, "none",
                       message="no strategy could prove it and no counterexample was found "
                               f"(tried {', '.join(dict.fromkeys(tried))})")

    last = lambda: tried[-1] if tried else "none"  # noqa: E731 - the strategy running when it stopped
    try:
        verdict = run_until(deadline, pipeline)
    except StepTimeout:
        verdict = Verdict(Status.TIMEOUT, last(), message=f"time limit of {timeout:g} s reached while trying {last()}")
    except RecursionError:
        verdict = Verdict(Status.ERROR, last(), message="SymPy recursed too deeply on this expression")
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except Exception as exc:  # noqa: BLE001 - a crash inside a strategy is an error verdict, never a traceback
        verdict = Verdict(Status.ERROR, last(), message=f"internal error in {last()}: {type(exc).__name__}: {exc}")
    if verdict.status.is_proved:
        verdict = audit(problem, verdict, timeout)
    return verdict.timed(round(time.perf_counter() - start, 4))
