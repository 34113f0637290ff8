"""A CPU-time limit that library code cannot swallow.

SymPy catches ``Exception`` in places (integration, for one), which can absorb a time-out raised
as an ordinary exception.  ``within`` raises ``OutOfTime``, a ``BaseException``, from a repeating
``ITIMER_VIRTUAL`` timer: a separate clock and signal (SIGVTALRM) from softsym's own SIGALRM
deadlines, so both can run at once.  POSIX main thread only; elsewhere ``fn`` runs unlimited.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
REPEAT = 0.25
"""Seconds between repeated signals once the limit has passed."""


class OutOfTime(BaseException):
    """The CPU-time limit of ``within`` passed."""


def _raise(signum: int, frame: object) -> None:
    raise OutOfTime


def within(seconds: float, fn: Callable[[], T]) -> T:
    """Run ``fn()``; raise ``OutOfTime`` once it has used ``seconds`` of CPU time."""
    if not hasattr(signal, "ITIMER_VIRTUAL") or threading.current_thread() is not threading.main_thread():
        return fn()
    previous = signal.signal(signal.SIGVTALRM, _raise)
    signal.setitimer(signal.ITIMER_VIRTUAL, max(seconds, 1e-3), REPEAT)
    try:
        return fn()
    finally:
        while True:
            try:
                signal.setitimer(signal.ITIMER_VIRTUAL, 0)
                signal.signal(signal.SIGVTALRM, previous)
                break
            except OutOfTime:
                continue
