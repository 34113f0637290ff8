"""The prover: run the strategy pipeline on one relation until a strategy decides it."""
from __future__ import annotations

import time

from .deadline import Deadline, run_until
from .errors import StepTimeout
from .problem import Problem
from .strategies import PIPELINE
from .verdict import Status, Verdict

DEFAULT_TIMEOUT = 30.0


def prove(problem: Problem, timeout: float = DEFAULT_TIMEOUT) -> Verdict:
    """Decide ``problem`` as well as the strategies can within ``timeout`` seconds.

    Returns:
        The first decisive verdict, stamped with the total time; ``undecided`` when every
        strategy passed; ``timeout`` when the time ran out first.
    """
    start = time.perf_counter()
    deadline = Deadline.after(timeout)
    tried: list[str] = []

    def pipeline() -> Verdict:
        for label, strategy in PIPELINE:
            if deadline.expired():
                raise StepTimeout
            tried.append(label)
            verdict = strategy(problem, deadline)
            if verdict is not None:
                return verdict
        return Verdict(Status.UNDECIDED, "none",
                       message="no strategy could prove it and no counterexample was found "
                               f"(tried {', '.join(dict.fromkeys(tried))})")

    try:
        verdict = run_until(deadline, pipeline)
    except StepTimeout:
        verdict = Verdict(Status.TIMEOUT, tried[-1] if tried else "none",
                          message=f"time limit of {timeout:g} s reached while trying {tried[-1] if tried else 'nothing'}")
    except RecursionError:
        verdict = Verdict(Status.ERROR, tried[-1] if tried else "none",
                          message="SymPy recursed too deeply on this expression")
    return verdict.timed(round(time.perf_counter() - start, 4))
