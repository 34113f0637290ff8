"""Progress of a long check on stderr: a counter line on a terminal, a line every 10 steps otherwise
(after the first 5 seconds, so short runs stay quiet in logs)."""
from __future__ import annotations

import sys
import time
from collections.abc import Callable

import click

from .dsl import Derivation, Step
from .verdict import Verdict


def progress(total: int, quiet: bool = False) -> Callable[[Derivation, Step, Verdict], None]:
    """An ``on_step`` callback for ``engine.check_all`` that reports ``[done/total] name step k: status``."""
    done = 0
    start = time.perf_counter()

    def report(derivation: Derivation, step: Step, verdict: Verdict) -> None:
        nonlocal done
        done += 1
        if quiet:
            return
        line = f"[{done}/{total}] {derivation.name} step {step.index}: {verdict.status}"
        if sys.stderr.isatty():
            click.echo(f"\r{line[:78]:<78}", err=True, nl=done == total)
        elif time.perf_counter() - start > 5 and (done % 10 == 0 or done == total):
            click.echo(line, err=True)
    return report
