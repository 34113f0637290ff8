"""The lockfile: the checked-in record of every step's verdict that CI compares against.

``softsym.lock.json`` sits beside the derivations: sorted, stable JSON, one entry per step with
its fingerprint, verdict and deciding strategy (no timings, so two runs write the same bytes).
``compare`` reads a new run against it:

- a step that was proved and now is anything less, a float claim that was checked numerically and
  now is anything less, an erratum no longer refuted, or a locked step whose fingerprint vanished,
  is a **regression** (the check fails);
- a step whose fingerprint is not in the lockfile is **new** (reported; recorded only by
  ``softsym lock`` or ``check --update-lock``).
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .engine import DerivationResult
from .fingerprint import step_fingerprint
from .verdict import Status

FILENAME = "softsym.lock.json"
RANK = {Status.PROVED: 3, Status.PROVED_INSTANTIATED: 2, Status.CHECKED_NUMERICALLY: 2, Status.REFUTED: 1,
        Status.UNDECIDED: 0, Status.TIMEOUT: 0, Status.ERROR: 0, Status.VACUOUS: 0}


@dataclass(frozen=True)
class Change:
    """One difference between a run and the lockfile."""

    kind: str            # "regression" | "vanished" (these fail) | "new" | "changed" (reported)
    derivation: str
    place: str
    detail: str

    def __str__(self) -> str:
        return f"{self.kind.upper():<10} {self.derivation} {self.place}: {self.detail}"


def lock_path(derivations_dir: Path) -> Path:
    """Where the lockfile for a derivations directory (or file) lives."""
    return (derivations_dir if derivations_dir.is_dir() else derivations_dir.parent) / FILENAME


def entries(results: list[DerivationResult]) -> dict[str, list[dict]]:
    """The lockfile content for a run: per derivation, its steps in order."""
    out: dict[str, list[dict]] = {}
    for d in results:
        out[d.derivation.name] = [{
            "index": r.step.index, "fingerprint": step_fingerprint(d.derivation, r.step),
            "expected": r.step.expected, "verdict": r.verdict.status.value, "strategy": r.verdict.strategy,
            **({"instantiated_up_to": r.verdict.instantiated_up_to} if r.verdict.instantiated_up_to else {}),
        } for r in d.results]
    return out


def read(path: Path) -> dict[str, list[dict]] | None:
    """The locked entries, or None when there is no lockfile.

    Raises:
        ValueError: the lockfile exists but is not a softsym lockfile (the message names it).
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: unreadable lockfile ({exc}); regenerate it with `softsym lock`") from None
    if not isinstance(data, dict) or data.get("softsym_lock") != 1 or not isinstance(data.get("derivations"), dict):
        raise ValueError(f"{path}: not a softsym lockfile (version 1); regenerate it with `softsym lock`")
    return data["derivations"]


def write(path: Path, results: list[DerivationResult], keep: dict[str, list[dict]] | None = None) -> None:
    """Write the lockfile atomically; derivations not in this run are kept from ``keep``."""
    merged = dict(keep or {})
    merged.update(entries(results))
    text = json.dumps({"softsym_lock": 1, "derivations": merged}, indent=1, sort_keys=True) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".softsym.lock-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _worse(step_erratum: bool, before: Status, was: dict, verdict) -> str | None:
    """Why ``verdict`` is a regression from the locked ``before``, or None."""
    now = verdict.status
    if step_erratum:
        return f"erratum was refuted, now {now}" if before is Status.REFUTED and now is not Status.REFUTED else None
    if RANK[now] < RANK[before] or (before.is_proved and not now.is_proved):
        return f"was {before} by {was['strategy']}, now {now} by {verdict.strategy}"
    if now is Status.PROVED_INSTANTIATED and before is Status.PROVED_INSTANTIATED and \
            (verdict.instantiated_up_to or 0) < was.get("instantiated_up_to", 0):
        return f"was proved for n <= {was['instantiated_up_to']}, now only n <= {verdict.instantiated_up_to}"
    return None


def compare(results: list[DerivationResult], locked: dict[str, list[dict]], complete: bool = False) -> list[Change]:
    """Regressions, new, changed and vanished steps of ``results`` against the locked entries.

    A step is matched by fingerprint; failing that, by position, to a locked step whose
    fingerprint is gone (an edited step: "changed", compared with what it was).  Only
    derivations present in this run are compared, unless ``complete`` (a ``check all`` run):
    then a locked derivation missing from the run has vanished.
    """
    changes: list[Change] = []
    for d in results:
        name = d.derivation.name
        old = {e["fingerprint"]: e for e in locked.get(name, [])}
        fingerprints = {r.step.index: step_fingerprint(d.derivation, r.step) for r in d.results}
        current = set(fingerprints.values())
        orphans = {e["index"]: e for e in old.values() if e["fingerprint"] not in current}
        for r in d.results:
            place = f"{r.step.place} step {r.step.index}"
            was = old.get(fingerprints[r.step.index])
            kind = "regression"
            if was is None:
                was = orphans.pop(r.step.index, None)
                if was is None:
                    changes.append(Change("new", name, place, f"not in the lockfile ({r.verdict.status})"))
                    continue
                kind = "changed"
            why = _worse(r.step.erratum, Status(was["verdict"]), was, r.verdict)
            if why:
                changes.append(Change("regression", name, place, ("edited step: " if kind == "changed" else "") + why))
            elif kind == "changed":
                changes.append(Change("changed", name, place, f"edited; was {was['verdict']}, now {r.verdict.status}"))
        for e in orphans.values():
            changes.append(Change("vanished", name, f"step {e['index']} (locked)",
                                  f"a locked step ({e['verdict']} by {e['strategy']}) is gone"))
    if complete:
        for name in sorted(set(locked) - {d.derivation.name for d in results}):
            changes.append(Change("vanished", name, "(whole derivation)",
                                  f"{len(locked[name])} locked steps are gone (file removed or failed to load?)"))
    return changes


def failing(changes: list[Change]) -> list[Change]:
    """The changes that fail a check: regressions and vanished steps."""
    return [c for c in changes if c.kind in ("regression", "vanished")]
