"""A content-addressed cache of step verdicts: only saves time, never decides correctness.

The key covers the step's fingerprint, the time limit, softsym's version and source hash and
SymPy's version, so an entry can only be reused for exactly the same question asked of exactly
the same prover.
The directory is safe to delete.  A corrupt or unreadable entry is ignored with a warning and
recomputed; writes are atomic (temporary file + rename), so Ctrl-C never leaves half an entry.
Timeouts and errors are not cached (they depend on the machine, not on the step).
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
import warnings
from pathlib import Path

import sympy as sp

from . import __version__
from .verdict import Counterexample, Status, Verdict


def default_dir() -> Path:
    """``$SOFTSYM_CACHE_DIR``, else ``$XDG_CACHE_HOME/softsym``, else ``~/.cache/softsym``."""
    if os.environ.get("SOFTSYM_CACHE_DIR"):
        return Path(os.environ["SOFTSYM_CACHE_DIR"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "softsym"


NOT_DECIDING = frozenset({"kernels", "export"})


@functools.lru_cache(maxsize=1)
def _source_hash() -> str:
    """A hash of softsym's own source files (what decides a verdict besides SymPy).

    The kernels and the exporters only read verdicts: editing them keeps the cache.
    """
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*.py")):
        if path.relative_to(root).parts[0] in NOT_DECIDING:
            continue
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _to_json(v: Verdict) -> dict:
    cex = v.counterexample
    return {"status": v.status.value, "strategy": v.strategy, "seconds": v.seconds, "message": v.message,
            "instantiated_up_to": v.instantiated_up_to, "trace": list(v.trace),
            "counterexample": None if cex is None else {
                "values": [list(p) for p in cex.values], "lhs_value": cex.lhs_value,
                "rhs_value": cex.rhs_value, "digits": cex.digits}}


def _from_json(data: dict) -> Verdict:
    cex = data["counterexample"]
    return Verdict(Status(data["status"]), data["strategy"], float(data["seconds"]), data["message"],
                   None if cex is None else Counterexample(tuple(tuple(p) for p in cex["values"]),
                                                           cex["lhs_value"], cex["rhs_value"], int(cex["digits"])),
                   data["instantiated_up_to"], tuple(data["trace"]))


class Cache:
    """Verdicts on disk, one JSON file per key."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory or default_dir()
        self.hits = 0
        self.misses = 0

    def key(self, fingerprint: str, timeout: float) -> str:
        """The entry's name for a step fingerprint and time limit under this prover (its version
        and the hash of its source, so an edited prover never reuses an old verdict)."""
        text = f"{fingerprint}|{timeout:g}|softsym {__version__} {_source_hash()}|sympy {sp.__version__}"
        return hashlib.sha256(text.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> Verdict | None:
        """The cached verdict, or None (missing, unreadable or corrupt — the latter with a warning)."""
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            verdict = _from_json(data)
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            warnings.warn(f"ignoring unreadable cache entry {path}: {exc}", RuntimeWarning, stacklevel=2)
            self.misses += 1
            return None
        self.hits += 1
        return verdict

    def put(self, key: str, verdict: Verdict) -> None:
        """Store a decided verdict atomically; timeouts and errors are not stored."""
        if verdict.status in (Status.TIMEOUT, Status.ERROR):
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    json.dump(_to_json(verdict), f, sort_keys=True)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:  # a read-only or full cache must not break a check
            warnings.warn(f"could not write cache entry {path}: {exc}", RuntimeWarning, stacklevel=2)
