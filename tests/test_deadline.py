"""Time limits: runaway calls are interrupted, nested limits honoured, outer limits restored."""
from __future__ import annotations

import time

import pytest

from softsym.deadline import Deadline, attempt, run_until
from softsym.errors import StepTimeout


def _spin(seconds: float) -> str:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass
    return "done"


def test_runaway_call_is_interrupted():
    start = time.monotonic()
    with pytest.raises(StepTimeout):
        run_until(Deadline.after(0.2), lambda: _spin(5))
    assert time.monotonic() - start < 1.0


def test_a_library_that_catches_exception_does_not_swallow_the_deadline():
    """SymPy code (and ours) treats ``except Exception`` as "no answer"; the deadline is not one."""
    def careless():
        try:
            _spin(5)
        except Exception:  # noqa: BLE001 - what the test is about
            pass
        return _spin(5)
    start = time.monotonic()
    with pytest.raises(StepTimeout):
        run_until(Deadline.after(0.2), careless)
    assert time.monotonic() - start < 1.0


def test_a_swallowed_deadline_fires_again_until_the_call_is_left():
    """A bare ``except:`` swallows one alarm; the next one follows shortly, so the step still ends."""
    swallowed = []

    def reckless():
        try:
            _spin(5)
        except BaseException:  # noqa: BLE001 - what the test is about
            swallowed.append(1)
        return _spin(5)
    start = time.monotonic()
    with pytest.raises(StepTimeout):
        run_until(Deadline.after(0.2), reckless)
    assert swallowed == [1] and time.monotonic() - start < 1.0


def test_no_alarm_outlives_the_call():
    import signal
    assert run_until(Deadline.after(0.5), lambda: _spin(0.01)) == "done"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    with pytest.raises(StepTimeout):
        run_until(Deadline.after(0.05), lambda: _spin(1))
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    _spin(0.2)   # a stray repeating alarm would raise here


def test_attempt_returns_default_when_its_own_limit_passes_and_outer_goes_on():
    outer = Deadline.after(3)

    def body():
        got = attempt(Deadline.after(0.1), lambda: _spin(5), "gave up")
        return got, _spin(0.05)
    assert run_until(outer, body) == ("gave up", "done")


def test_attempt_lets_an_expired_outer_deadline_through():
    def body():
        return attempt(Deadline.after(10), lambda: _spin(5), "swallowed")
    with pytest.raises(StepTimeout):
        run_until(Deadline.after(0.2), body)


def test_expired_deadline_raises_before_running():
    ran = []
    with pytest.raises(StepTimeout):
        run_until(Deadline(time.monotonic() - 1), lambda: ran.append(1))
    assert ran == []


def test_sympy_failures_count_as_no_answer():
    def fails():
        raise NotImplementedError("depends on the sign of z")
    assert attempt(Deadline.after(1), fails, None) is None


def test_an_alarm_delivered_during_cleanup_does_not_leave_a_stale_deadline(monkeypatch):
    """A pending alarm can run its handler in the middle of the cleanup; it must still complete."""
    import signal as real

    from softsym import deadline as module

    class AlarmDuringCleanup:
        def __init__(self):
            self.calls = 0

        def __getattr__(self, name):
            return getattr(real, name)

        def setitimer(self, which, seconds, interval=0.0):
            self.calls += 1
            real.setitimer(which, 0)
            if self.calls == 2:  # the first disarm in the cleanup: the alarm "arrives" now
                raise StepTimeout("time limit reached")

    monkeypatch.setattr(module, "signal", AlarmDuringCleanup())
    assert run_until(Deadline.after(5), lambda: "result") == "result"
    assert module._active == []
    monkeypatch.undo()
    assert real.getitimer(real.ITIMER_REAL) == (0.0, 0.0)
    assert attempt(Deadline.after(1), lambda: "answer", None) == "answer"


def test_an_alarm_delivered_while_arming_does_not_leave_a_stale_deadline(monkeypatch):
    """A deadline that is all but passed arms a 0.1 ms timer: its alarm can arrive before the call
    starts.  The deadline must still be popped, or every later call in the process (the next
    document a pool worker reads) finds an expired enclosing deadline and raises (CI, session 14)."""
    import signal as real

    from softsym import deadline as module

    class AlarmOnArming:
        def __getattr__(self, name):
            return getattr(real, name)

        def setitimer(self, which, seconds, interval=0.0):
            real.setitimer(which, 0)
            if seconds > 0:       # arming: the alarm "arrives" as the call returns
                raise StepTimeout("time limit reached")

    monkeypatch.setattr(module, "signal", AlarmOnArming())
    with pytest.raises(StepTimeout):
        run_until(Deadline.after(5), lambda: "never run")
    assert module._active == []
    monkeypatch.undo()
    assert real.getitimer(real.ITIMER_REAL) == (0.0, 0.0)
    assert attempt(Deadline.after(1), lambda: "answer", None) == "answer"


def test_an_alarm_inside_an_uninterrupted_section_is_delivered_when_it_ends():
    from softsym.deadline import uninterrupted
    finished = []

    def section():
        with uninterrupted():
            time.sleep(0.3)                 # the alarm (0.05 s) comes in here
            finished.append(True)           # ... and does not cut the section short
        finished.append("after")            # never reached: the alarm is delivered at the end

    start = time.monotonic()
    with pytest.raises(StepTimeout):
        run_until(Deadline.after(0.05), section)
    assert finished == [True] and time.monotonic() - start >= 0.3


def test_an_uninterrupted_section_that_ends_in_time_raises_nothing():
    from softsym.deadline import shielded
    assert run_until(Deadline.after(5), lambda: shielded(lambda: 42)) == 42


def test_an_alarm_during_a_finalizer_waits_for_the_finalizer_and_reaches_the_step():
    """An exception raised inside ``__del__`` is lost ("unraisable"); the alarm is held back
    until the finalizer returns and then interrupts the step itself."""
    import gc
    import sys
    finished, unraisable = [], []

    class Slow:
        def __del__(self):
            _spin(0.3)           # the deadline passes in here
            finished.append(1)

    def step():
        obj = Slow()
        obj.self = obj           # a cycle: freed by the collector, inside the step
        del obj
        gc.collect()
        return _spin(5)

    old_hook = sys.unraisablehook
    sys.unraisablehook = lambda info: unraisable.append(info)
    try:
        start = time.monotonic()
        with pytest.raises(StepTimeout):
            run_until(Deadline.after(0.1), step)
    finally:
        sys.unraisablehook = old_hook
    assert finished == [1] and unraisable == []
    assert time.monotonic() - start < 1.5


def test_reading_a_document_drops_a_deadline_an_interrupted_cleanup_left(monkeypatch):
    """An alarm delivered as ``run_until``'s ``finally`` begins skips ``_leave``: the passed deadline
    stays on the stack, and every later ``attempt`` would re-raise it as an enclosing one.  Reading a
    document is never inside a step: it starts from a clean stack and reads the document whole."""
    import signal

    from softsym import deadline as module
    from softsym.doc.reader import read_document

    monkeypatch.setattr(module, "_active", [time.monotonic() - 1.0])   # what the skipped cleanup leaves
    signal.setitimer(signal.ITIMER_REAL, 0)
    text = "Let $\\eta = \\log\\lambda$.\n\n$$\\frac{d}{d\\eta} e^{\\eta} = \\lambda$$\n"
    readings = read_document("note.md", text)
    assert readings and module._active == []
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_an_alarm_inside_the_import_systems_weakref_callback_is_held_back():
    """The import system drops a module lock through a weakref callback (``cb`` in
    ``<frozen importlib._bootstrap>``): an exception there is unraisable, so the alarm waits for it
    to end (the fuzzer's step once lost a timeout that way)."""
    from types import SimpleNamespace

    from softsym.deadline import _in_finalizer

    def frame(name: str, filename: str, back=None) -> SimpleNamespace:
        return SimpleNamespace(f_code=SimpleNamespace(co_name=name, co_filename=filename), f_back=back)

    step = frame("step", "softsym/prover.py")
    assert _in_finalizer(frame("cb", "<frozen importlib._bootstrap>", step))
    assert not _in_finalizer(frame("_find_and_load", "<frozen importlib._bootstrap>", step))
    assert not _in_finalizer(step)
