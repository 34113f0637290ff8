"""Progress of a long check on stderr, with the step in hand.

On a terminal one line is rewritten every second (``[12/214] softmax_jacobian step 4: checking, 23 s``)
and after every step; in a log (not a terminal) a line follows a finished step at most once a
second, and a step still running is named every 10 seconds — after the first 5 seconds, so short
runs stay quiet.
"""
from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import Self

import click

from .dsl import Derivation, Step
from .verdict import Verdict

HEARTBEAT = 1.0          # seconds between refreshes of the line on a terminal
LOG_EVERY = 10.0         # seconds between "still checking" lines in a log


class Progress:
    """An ``on_step``/``on_start`` pair for ``engine.check_all`` and a ticker that names the step
    being checked.  Use as a context manager (the ticker runs inside it).

    Args:
        total: the number of steps.
        quiet: print nothing.
        tty: whether stderr is a terminal (default: ask it).
        clock: seconds (injectable for tests).
    """

    def __init__(self, total: int, quiet: bool = False, tty: bool | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total, self.quiet, self.clock = total, quiet, clock
        self.tty = sys.stderr.isatty() if tty is None else tty
        self.done = 0
        self.start = clock()
        self.last_line = -1e9
        self.running: dict[tuple[str, int], float] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _emit(self, line: str, final: bool = False) -> None:
        self.last_line = self.clock()
        if self.tty:
            click.echo(f"\r{line[:78]:<78}", err=True, nl=final)
        else:
            click.echo(line, err=True)

    def started(self, derivation: Derivation, step: Step) -> None:
        """A step was handed to the prover (in this process or a worker)."""
        with self._lock:
            self.running[(derivation.name, step.index)] = self.clock()

    def __call__(self, derivation: Derivation, step: Step, verdict: Verdict) -> None:
        with self._lock:
            self.done += 1
            self.running.pop((derivation.name, step.index), None)
            if self.quiet:
                return
            now = self.clock()
            line = f"[{self.done}/{self.total}] {derivation.name} step {step.index}: {verdict.status}"
            if self.tty:
                self._emit(line, final=self.done == self.total)
            elif now - self.start > 5 and (now - self.last_line >= HEARTBEAT or self.done == self.total):
                self._emit(line)

    def tick(self) -> None:
        """Name the step that has been running longest (called every second by the ticker)."""
        with self._lock:
            if self.quiet or not self.running:
                return
            (name, index), since = min(self.running.items(), key=lambda item: item[1])
            now = self.clock()
            line = f"[{self.done}/{self.total}] {name} step {index}: checking, {now - since:.0f} s"
            if self.tty or (now - self.start > 5 and now - since >= LOG_EVERY and now - self.last_line >= LOG_EVERY):
                self._emit(line)

    def __enter__(self) -> Self:
        if not self.quiet:
            self._thread = threading.Thread(target=self._run, name="softsym-progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(HEARTBEAT):
            self.tick()


def progress(total: int, quiet: bool = False) -> Progress:
    """A ``Progress`` for ``total`` steps (see the class)."""
    return Progress(total, quiet)


__all__ = ["HEARTBEAT", "LOG_EVERY", "Progress", "progress"]
