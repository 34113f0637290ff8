"""The engine and loader: steps in context, errata, instantiation checks, broken files."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import sympy as sp
from sympy import exp, log

from softsym.dsl import DerivationBuilder, Kind, Source
from softsym.engine import check_all, check_derivation
from softsym.errors import DerivationError
from softsym.loader import load
from softsym.verdict import Status

SRC = Source("test.txt", "§1")


def _bernoulli():
    d = DerivationBuilder("bern", title="Bernoulli natural parameter", source=SRC)
    phi = d.bounded("phi", 0, 1)
    eta = d.define("eta", log(phi / (1 - phi)), why="natural parameter", at="η")
    d.solve(phi, 1 / (1 + exp(-eta)), why="invert η(φ)", at="φ = 1/(1+e^{-η})")
    d.eq(log(1 + exp(eta)), -log(1 - phi), why="a(η)", at="a(η)")
    d.erratum(log(1 + exp(eta)), log(1 - phi), why="printed without the minus", at="a(η) typo")
    d.eq(log(1 + exp(eta)), -log(1 - phi), why="corrected", at="a(η)")
    return d.build()


def test_definitions_are_unfolded_and_solve_is_checked_by_substituting_back():
    result = check_derivation(_bernoulli())
    kinds = [r.step.kind for r in result.results]
    assert kinds[:2] == [Kind.DEFINITION, Kind.SOLVE]
    assert [r.verdict.status for r in result.results] == [
        Status.PROVED, Status.PROVED, Status.PROVED, Status.REFUTED, Status.PROVED]
    assert result.ok


def test_erratum_that_is_not_refuted_fails_the_derivation():
    d = DerivationBuilder("bad_erratum", title="t", source=SRC)
    p = d.symbols("p", real=True)
    d.erratum(exp(p) * exp(-p), 1, why="actually true", at="x")
    d.eq(p, p, why="corrected", at="y")
    result = check_derivation(d.build())
    assert not result.ok
    assert not result.results[0].ok and result.results[1].ok


def test_step_after_erratum_records_what_it_corrects():
    derivation = _bernoulli()
    assert derivation.steps[4].corrects == 4 and derivation.steps[3].erratum


def test_instantiation_outside_the_assumptions_is_an_error():
    d = DerivationBuilder("inst", title="t", source=SRC)
    u = d.symbols("u", positive=True)
    d.instantiate({u: -1}, sp.sqrt(u**2), u, why="u := -1 is not allowed", at="x")
    result = check_derivation(d.build())
    assert result.results[0].verdict.status is Status.ERROR
    assert "outside the assumptions" in result.results[0].verdict.message


def test_declared_sign_of_a_definition_must_be_proved():
    d = DerivationBuilder("sign", title="t", source=SRC)
    x = d.symbols("x", real=True)
    d.define("s", x - 1, positive=True, why="not positive for x < 1", at="x")
    result = check_derivation(d.build())
    assert result.results[0].verdict.status is Status.REFUTED


def test_erratum_as_last_step_is_rejected_at_build_time():
    d = DerivationBuilder("dangling", title="t", source=SRC)
    p = d.symbols("p", real=True)
    d.erratum(p, p + 1, why="w", at="x")
    with pytest.raises(DerivationError, match="corrected step"):
        d.build()


def test_steps_record_their_line_in_the_file():
    derivation = _bernoulli()
    here = Path(__file__).read_text().splitlines()
    line = derivation.steps[3].line
    assert "d.erratum(" in here[line - 1]


def _write(tmp_path: Path, name: str, body: str) -> Path:
    f = tmp_path / name
    f.write_text(textwrap.dedent(body))
    return f


GOOD = """
    from sympy import exp
    from softsym.dsl import DerivationBuilder, Source
    d = DerivationBuilder("good", title="good", source=Source("s.txt", "§1"))
    p = d.symbols("p", real=True)
    d.eq(exp(p) * exp(-p), 1, why="cancel", at="l1")
    DERIVATION = d.build()
"""


def test_broken_file_is_reported_with_its_line_and_others_still_load(tmp_path):
    _write(tmp_path, "a_good.py", GOOD)
    _write(tmp_path, "b_broken.py", "import sympy\n\nx = 1 / 0\n")
    derivations, errors = load(tmp_path)
    assert [d.name for d in derivations] == ["good"]
    assert len(errors) == 1 and errors[0].line == 3 and "ZeroDivisionError" in errors[0].message
    assert errors[0].file.endswith("b_broken.py")


def test_parallel_check_gives_the_same_verdicts_as_serial(tmp_path):
    _write(tmp_path, "a_good.py", GOOD)
    derivations, _ = load(tmp_path)
    serial = check_all(derivations, jobs=1, timeout=10)
    parallel = check_all(derivations, jobs=2, timeout=10)
    assert [(r.verdict.status, r.verdict.strategy) for d in serial for r in d.results] == \
           [(r.verdict.status, r.verdict.strategy) for d in parallel for r in d.results]


def test_editing_the_kernels_or_the_exporters_keeps_cached_verdicts_editing_the_prover_does_not(tmp_path, monkeypatch):
    import shutil

    from softsym import cache as module
    root = Path(module.__file__).resolve().parent
    copy = tmp_path / "softsym"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("__pycache__"))

    def hash_of(tree: Path) -> str:
        monkeypatch.setattr(module, "__file__", str(tree / "cache.py"))
        module._source_hash.cache_clear()
        try:
            return module._source_hash()
        finally:
            module._source_hash.cache_clear()
    before = hash_of(copy)
    (copy / "kernels" / "_generated.py").write_text("# edited\n", encoding="utf-8")
    (copy / "export" / "latex.py").write_text("# edited\n", encoding="utf-8")
    assert hash_of(copy) == before
    (copy / "strategies" / "case_split.py").write_text("# edited\n", encoding="utf-8")
    assert hash_of(copy) != before


_ENGINE_CHECK = __import__("softsym.engine", fromlist=["_check_in_worker"])._check_in_worker
_DIE_ONCE = Path("/nonexistent")


def _dying_worker(file, name, index, timeout):
    """Kill the worker process (as a crash in a C library would) the first time step 2 is checked."""
    import os
    if index == 2 and not _DIE_ONCE.exists():
        _DIE_ONCE.write_text("died")
        os._exit(1)
    return _ENGINE_CHECK(file, name, index, timeout)


def test_a_worker_that_dies_does_not_take_the_other_steps_with_it(tmp_path, monkeypatch):
    global _DIE_ONCE
    _DIE_ONCE = tmp_path / "died-once"
    (tmp_path / "ders").mkdir()
    (tmp_path / "ders" / "many.py").write_text(textwrap.dedent('''
        from sympy import exp
        from softsym.dsl import DerivationBuilder, Source
        d = DerivationBuilder("many", title="Many steps", source=Source.added("t"))
        x = d.symbols("x", real=True)
        for k in range(1, 7):
            d.eq(exp(k*x)*exp(-k*x), 1, why="cancel")
        DERIVATION = d.build()
    '''), encoding="utf-8")
    (derivation,), errors = load(tmp_path / "ders")
    monkeypatch.setattr("softsym.engine._check_in_worker", _dying_worker)
    (result,) = check_all([derivation], jobs=2)
    assert _DIE_ONCE.exists()                                   # the pool did break once
    assert [r.verdict.status for r in result.results] == [Status.PROVED] * 6
