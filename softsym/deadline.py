"""Time limits for SymPy calls that can run away (simplify, limit, doit).

A ``Deadline`` is a point in time.  ``run_until(deadline, fn)`` runs ``fn`` and interrupts it
with ``StepTimeout`` when the deadline passes, using ``SIGALRM`` (POSIX, main thread; CLI
processes and pool workers both run steps in their main thread).  Nested limits are honoured:
an inner call can only shorten the time left, and the outer timer is restored afterwards.
Once a deadline passes the alarm repeats every ``_REPEAT`` seconds until the call is left, so a
handler that swallows one ``StepTimeout`` (``StepTimeout`` is a ``BaseException`` so that
``except Exception`` does not, but a bare ``except:`` would) cannot let the step run unbounded.
Elsewhere (a non-main thread) calls run without interruption but budgets are still checked
between calls.

``uninterrupted()`` marks a section the alarm must not cut: code that keeps a C library's state
in step with Python objects (z3's Python API creates an AST, then takes a reference to it; an
exception between the two leaves a reference count one short, and z3 later frees a live AST and
crashes the process).  An alarm inside such a section is delivered as ``StepTimeout`` when the
section ends; what runs inside must bound its own time (z3's solver timeout).
"""
from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from .errors import StepTimeout

T = TypeVar("T")


@dataclass(frozen=True)
class Deadline:
    """An absolute point on ``time.monotonic()``'s clock."""

    at: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        """The deadline ``seconds`` from now."""
        return cls(time.monotonic() + seconds)

    def remaining(self) -> float:
        """Seconds left (negative when passed)."""
        return self.at - time.monotonic()

    def expired(self) -> bool:
        """Whether the deadline has passed."""
        return self.remaining() <= 0

    def sooner(self, seconds: float) -> Deadline:
        """This deadline or ``seconds`` from now, whichever comes first."""
        return Deadline(min(self.at, time.monotonic() + seconds))


_active: list[float] = []  # stack of absolute deadlines currently armed in this process
_REPEAT = 0.05  # seconds between alarms once a deadline has passed, until the call is left


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


_shield = {"depth": 0, "pending": False}   # uninterrupted() sections open, and an alarm held back


_HOOK_MODULES = ("unraisableexception", "threadexception")   # pytest's exception hooks


def _in_finalizer(frame: object, limit: int = 64) -> bool:
    """Whether the interrupted code runs inside a finalizer (``__del__``, the weakref callback of the import
    system's module locks) or an exception hook.

    An exception raised there cannot reach the step: Python reports it as "unraisable" and goes
    on, and an alarm that fires while that report is written (pytest's unraisable hook, say)
    breaks the report itself.  Such code is short; the repeating alarm comes back once it ends.
    """
    for _ in range(limit):
        if frame is None:
            return False
        code = frame.f_code  # type: ignore[attr-defined]
        if code.co_name == "__del__" or any(m in code.co_filename for m in _HOOK_MODULES) \
                or code.co_name == "cb" and "importlib._bootstrap" in code.co_filename:
            return True     # (the import system's weakref callback on a module lock)
        frame = frame.f_back  # type: ignore[attr-defined]
    return False


def _on_alarm(signum: int, frame: object) -> None:
    if _shield["depth"]:
        _shield["pending"] = True
        return
    if _in_finalizer(frame):
        return  # the alarm repeats every _REPEAT seconds: it is delivered after the finalizer
    raise StepTimeout("time limit reached")


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold the step's alarm back while the body runs; deliver it (``StepTimeout``) at the end."""
    _shield["depth"] += 1
    try:
        yield
    finally:
        _shield["depth"] -= 1
        if not _shield["depth"] and _shield["pending"]:
            _shield["pending"] = False
            raise StepTimeout("time limit reached")


def shielded(fn: Callable[[], T]) -> T:
    """``fn()`` inside ``uninterrupted()``."""
    with uninterrupted():
        return fn()


def run_until(deadline: Deadline, fn: Callable[[], T]) -> T:
    """Run ``fn()`` and raise ``StepTimeout`` if ``deadline`` passes first.

    Raises:
        StepTimeout: the deadline passed (before or during the call).
    """
    if deadline.expired():
        raise StepTimeout("time limit reached")
    if not _can_alarm():
        return fn()
    at = min([deadline.at, *_active])
    previous = signal.getsignal(signal.SIGALRM)
    depth = len(_active)
    try:                # arming is inside: an alarm that arrives before fn starts is still undone
        signal.signal(signal.SIGALRM, _on_alarm)
        _active.append(at)
        signal.setitimer(signal.ITIMER_REAL, max(at - time.monotonic(), 1e-4), _REPEAT)
        return fn()
    finally:
        _leave(depth, previous)


def _leave(depth: int, previous: object) -> None:
    """Disarm, pop this call's deadline, restore the handler, re-arm the enclosing deadline.

    An alarm that was already pending when ``fn`` finished can interrupt this cleanup; the cleanup
    is therefore idempotent and retried, so the stack never keeps a stale deadline (which would
    re-arm a timer that fires long after the call returned).  An enclosing deadline that has
    passed is raised synchronously, after the state is consistent.
    """
    while True:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
            del _active[depth:]
            if previous is not None:        # None: a handler not set from Python (left as is)
                signal.signal(signal.SIGALRM, previous)
            if _active:
                left = min(_active) - time.monotonic()
                if left > 0:
                    signal.setitimer(signal.ITIMER_REAL, left, _REPEAT)
            break
        except StepTimeout:
            continue
    if _active and min(_active) <= time.monotonic():
        raise StepTimeout("time limit reached")


def disarm_leftover() -> bool:
    """Outside every ``run_until``: disarm a step timer still armed (which would raise
    ``StepTimeout`` in whatever code runs next) and drop deadlines left on the stack; whether
    there was any.  For callers that run other code after a proof (the fuzzer's oracle) and for
    entry points that are never inside a step (reading a document).

    A stack entry can outlive its call: an alarm delivered as ``run_until``'s ``finally`` begins,
    before ``_leave`` runs, unwinds past the cleanup (a window of a few bytecodes, hit under load).
    """
    if not _can_alarm():
        return False
    stale = bool(_active)
    del _active[:]
    if signal.getitimer(signal.ITIMER_REAL)[0] <= 0:
        return stale
    signal.setitimer(signal.ITIMER_REAL, 0)
    return True


def attempt(deadline: Deadline, fn: Callable[[], T], default: T) -> T:
    """Like ``run_until`` but return ``default`` when ``fn`` times out or SymPy gives up.

    Only an expiry of *this* deadline is swallowed; an enclosing, earlier deadline still raises.
    SymPy's own failures (``NotImplementedError``, recursion, ``TypeError``/``ValueError`` from an
    unsupported rewrite, even a stray ``StopIteration`` from ``simplify``) count as "no answer",
    never as an answer.
    """
    try:
        return run_until(deadline, fn)
    except StepTimeout:
        if _active and time.monotonic() >= min(_active) - 1e-3:
            raise  # an enclosing deadline passed too: let its owner handle it
        return default
    except Exception:  # noqa: BLE001 - any failure inside SymPy means "no answer"
        return default
