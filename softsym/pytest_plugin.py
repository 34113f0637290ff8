"""pytest plugin: collect derivation files as test items, so proofs gate the same CI job as code.

Opt in from the repository's pytest configuration::

    [tool.pytest.ini_options]
    softsym_derivations = ["derivations"]      # directories (or files) relative to the rootdir
    softsym_timeout = 30                        # seconds per step (optional)

Each derivation becomes one test item named after it; a failing item lists every step that did
not get its expected verdict, with file:line, the source place and the counterexample.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from .dsl import Derivation
from .engine import check_derivation
from .loader import load_file
from .numeric.display import readable, readable_message
from .report import relation_text


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini("softsym_derivations", "directories or files of softsym derivations to check as tests",
                  type="paths", default=[])
    parser.addini("softsym_timeout", "seconds per derivation step", default="30")


def _roots(config: pytest.Config) -> list[Path]:
    return [Path(p).resolve() for p in config.getini("softsym_derivations")]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix != ".py" or file_path.name.startswith("_"):
        return None
    resolved = file_path.resolve()
    for root in _roots(parent.config):
        if resolved == root or root in resolved.parents:
            return DerivationFile.from_parent(parent, path=file_path)
    return None


class DerivationFailure(Exception):
    """Raised by an item whose derivation has steps without their expected verdict."""


class DerivationFile(pytest.File):
    """A derivation module: one item per derivation it builds."""

    def collect(self):
        derivations, error = load_file(self.path)
        if error is not None:
            yield LoadErrorItem.from_parent(self, name=self.path.name, message=str(error))
        for d in derivations:
            yield DerivationItem.from_parent(self, name=d.name, derivation=d)


class LoadErrorItem(pytest.Item):
    """A derivation file that does not load fails as one item with file and line."""

    def __init__(self, *, message: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.message = message

    def runtest(self) -> None:
        raise DerivationFailure(self.message)

    def repr_failure(self, excinfo, style=None) -> str:
        return str(excinfo.value)

    def reportinfo(self):
        return self.path, 0, f"softsym load: {self.name}"


class DerivationItem(pytest.Item):
    """One derivation, checked step by step."""

    def __init__(self, *, derivation: Derivation, **kwargs) -> None:
        super().__init__(**kwargs)
        self.derivation = derivation

    def runtest(self) -> None:
        timeout = float(self.config.getini("softsym_timeout"))
        result = check_derivation(self.derivation, timeout)
        bad = [r for r in result.results if not r.ok]
        if bad:
            lines = [f"{len(bad)} of {len(result.results)} steps of {self.derivation.name} "
                     f"did not get their expected verdict:"]
            for r in bad:
                v = r.verdict
                lines.append(f"{r.step.place} step {r.step.index} ({r.step.source}): {relation_text(r)}")
                lines.append(f"    expected {r.step.expected}, got {v.status} by {v.strategy}: "
                             f"{readable_message(v.message, v.counterexample)}")
                if v.counterexample:
                    lines.append(f"    counterexample: {readable(v.counterexample)}")
            raise DerivationFailure("\n".join(lines))

    def repr_failure(self, excinfo, style=None) -> str:
        if isinstance(excinfo.value, DerivationFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def reportinfo(self):
        return self.path, self.derivation.line - 1, f"softsym: {self.derivation.name}"
