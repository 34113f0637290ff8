"""``--watch``: run a check, then again whenever a watched file is saved (polling modification times).

Unchanged steps come from the verdict cache, so a re-check costs about what changed.  Ctrl-C ends
the loop cleanly (exit status 0).  ``iterations`` and ``sleep`` let a test drive the loop.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import click

INTERVAL = 0.5           # seconds between polls


def snapshot(paths: Iterable[Path], suffixes: tuple[str, ...]) -> dict[Path, float]:
    """Modification times of the watched files: the files given, and those under the directories."""
    seen: dict[Path, float] = {}
    for path in paths:
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.suffix in suffixes)
        for f in files:
            try:
                seen[f] = f.stat().st_mtime_ns
            except OSError:                     # removed while we looked
                continue
    return seen


def watch(paths: Iterable[Path], run: Callable[[], object], *, suffixes: tuple[str, ...] = (".py",),
          iterations: int | None = None, sleep: Callable[[float], None] = time.sleep) -> int:
    """Run ``run()`` now and after every change to the watched files; returns the exit status (0).

    Args:
        paths: files and directories to watch.
        run: one check (prints its own report).
        suffixes: which files under a directory count.
        iterations: stop after this many polls (tests); None: until Ctrl-C.
        sleep: how to wait between polls (tests inject their own).
    """
    paths = list(paths)
    sys.dont_write_bytecode = True              # an edit within the same second must not load a stale .pyc
    try:
        run()
        last = snapshot(paths, suffixes)
        click.echo(f"watching {', '.join(str(p) for p in paths)} for changes (Ctrl-C to stop)", err=True)
        polls = 0
        while iterations is None or polls < iterations:
            sleep(INTERVAL)
            polls += 1
            now = snapshot(paths, suffixes)
            if now != last:
                changed = sorted(str(p) for p in set(now) | set(last) if now.get(p) != last.get(p))
                click.echo(f"\nchanged: {', '.join(changed)}; checking again", err=True)
                last = now
                run()
                click.echo("watching for changes (Ctrl-C to stop)", err=True)
    except KeyboardInterrupt:
        click.echo("\nstopped watching", err=True)
    return 0


__all__ = ["INTERVAL", "snapshot", "watch"]
