"""Shared fixtures: a CliRunner and a helper that proves a relation given as SymPy objects."""
from __future__ import annotations

import os

import pytest
import sympy as sp
from click.testing import CliRunner

from softsym.domain import Bound, Domain
from softsym.problem import prepare
from softsym.prover import prove


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own verdict cache: no test reads what another run wrote."""
    monkeypatch.setenv("SOFTSYM_CACHE_DIR", str(tmp_path_factory.mktemp("softsym-cache")))


@pytest.fixture(scope="session")
def corpus_cache(tmp_path_factory):
    """One verdict cache for the tests that check the whole bundled corpus (the CLI gate and the
    PDF export): the corpus is proved once per run, not once per test.  The cache only saves time;
    each test alone still checks everything from scratch."""
    return tmp_path_factory.mktemp("corpus-cache")


@pytest.fixture(scope="session")
def document_cache(tmp_path_factory):
    """One verdict cache for the documents the tests check (tests/docs, the regression notes),
    shared by the pytest-xdist workers of this run: a relation written in many notes is proved once
    per run.  Like ``corpus_cache`` it only saves time: a test run alone proves everything itself."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent                  # the workers' common directory for this run
    path = root / "document-cache"
    path.mkdir(exist_ok=True)
    return path


def verdict_of(lhs, rel, rhs, symbols=(), bounds=(), indexed=(), given=(), timeout=20.0):
    """Prove ``lhs rel rhs`` over the given declarations; return the verdict."""
    domain = Domain(tuple(symbols), tuple(indexed), tuple(bounds), tuple(given))
    return prove(prepare(sp.sympify(lhs), rel, sp.sympify(rhs), domain), timeout)


__all__ = ["Bound", "verdict_of"]
