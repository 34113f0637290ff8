"""The proof-regression gate: lockfile diffs, the cache, JUnit output, shards (issue: CI gate)."""
from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from softsym.cli import main

BUNDLED = Path(__file__).resolve().parent.parent / "derivations"


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    """A scratch copy of one bundled derivation file, with its own cache directory."""
    target = tmp_path / "derivations"
    target.mkdir()
    shutil.copy(BUNDLED / "sigmoid_two_class_softmax.py", target)
    monkeypatch.setenv("SOFTSYM_CACHE_DIR", str(tmp_path / "cache"))
    return target


def check(runner, corpus, *extra):
    return runner.invoke(main, ["check", "all", "--path", str(corpus), "--quiet", *extra], catch_exceptions=False)


def test_break_restore_and_relock_a_proved_step(runner, corpus):
    assert runner.invoke(main, ["lock", "all", "--path", str(corpus), "--quiet"]).exit_code == 0
    lock = corpus / "softsym.lock.json"
    assert lock.exists()
    assert check(runner, corpus).exit_code == 0

    source = corpus / "sigmoid_two_class_softmax.py"
    original = source.read_text()
    broken = original.replace("d.eq(P_p, 1 / (1 + exp(q - p)),", "d.eq(P_p, 1 / (1 + exp(p - q)),")
    assert broken != original
    source.write_text(broken)
    r = check(runner, corpus)
    assert r.exit_code == 1
    assert "REGRESSION sigmoid_two_class_softmax" in r.output
    assert "step 6" in r.output and "was proved by rational_form, now refuted" in r.output

    source.write_text(original)
    assert check(runner, corpus).exit_code == 0

    intended = original.replace('why="e^p̄/e^p̄ = 1 and e^q̄/e^p̄ = e^(q̄ − p̄)")',
                                'why="e^p̄/e^p̄ = 1 and e^q̄/e^p̄ = e^(q̄ − p̄)")\n'
                                'd.eq(1 / (1 + exp(q - p)), exp(p) / (exp(p) + exp(q)), why="back", added=True)')
    source.write_text(intended)
    r = check(runner, corpus)
    assert r.exit_code == 0 and "NEW" in r.output          # a new step is reported, not failing
    before = lock.read_bytes()
    assert runner.invoke(main, ["lock", "all", "--path", str(corpus), "--quiet"]).exit_code == 0
    assert lock.read_bytes() != before
    r = check(runner, corpus)
    assert r.exit_code == 0 and "NEW" not in r.output


def test_a_vanished_step_fails_the_check(runner, corpus):
    runner.invoke(main, ["lock", "all", "--path", str(corpus), "--quiet"])
    source = corpus / "sigmoid_two_class_softmax.py"
    lines = source.read_text().splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith("d.instantiate({q: 0}, P_q")
            and "why=\"finally, the probability of q" not in line]
    source.write_text("".join(kept))
    r = check(runner, corpus)
    assert r.exit_code == 1 and "VANISHED" in r.output


def test_two_runs_write_identical_lockfiles_and_reports(runner, corpus, tmp_path):
    runner.invoke(main, ["lock", "all", "--path", str(corpus), "--quiet", "--no-cache"])
    first = (corpus / "softsym.lock.json").read_bytes()
    runner.invoke(main, ["lock", "all", "--path", str(corpus), "--quiet", "--no-cache"])
    assert (corpus / "softsym.lock.json").read_bytes() == first

    def report():
        out = json.loads(check(runner, corpus, "--format", "json", "--no-cache").output)
        for d in out["derivations"]:
            for s in d["steps"]:
                s.pop("seconds")
        out["summary"].pop("seconds")
        return out
    assert report() == report()


def test_warm_run_uses_the_cache_and_a_corrupt_entry_is_recomputed(runner, corpus, tmp_path):
    cold = check(runner, corpus)
    assert cold.exit_code == 0
    entries = sorted((tmp_path / "cache").rglob("*.json"))
    assert len(entries) >= 9
    entries[0].write_text("{not json")
    with pytest.warns(RuntimeWarning, match="unreadable cache entry"):
        warm = check(runner, corpus)
    assert warm.exit_code == 0
    assert json.loads(entries[0].read_text())["status"] in ("proved", "refuted")


def test_junit_has_one_test_case_per_step(runner, corpus):
    r = check(runner, corpus, "--format", "junit")
    root = ET.fromstring(r.output)
    cases = root.findall(".//testcase")
    assert len(cases) == 12                 # the steps of sigmoid_two_class_softmax.py
    assert not root.findall(".//failure")


def test_shards_partition_the_corpus(runner, tmp_path, monkeypatch):
    target = tmp_path / "d"
    target.mkdir()
    for name in ("sigmoid_two_class_softmax.py", "softmax_jacobian.py"):
        shutil.copy(BUNDLED / name, target)
    monkeypatch.setenv("SOFTSYM_CACHE_DIR", str(tmp_path / "cache"))
    names = []
    for k in (1, 2):
        out = json.loads(check(runner, target, "--shard", f"{k}/2", "--format", "json").output)
        names.append({d["name"] for d in out["derivations"]})
    everything = json.loads(check(runner, target, "--format", "json").output)
    assert names[0] | names[1] == {d["name"] for d in everything["derivations"]}
    assert not names[0] & names[1]


def test_bad_shard_is_a_usage_error(runner, corpus):
    r = runner.invoke(main, ["check", "all", "--path", str(corpus), "--shard", "3/2"])
    assert r.exit_code == 2 and "K/N" in r.output


def test_broken_file_is_an_error_for_that_file_and_the_others_are_checked(runner, corpus):
    (corpus / "zz_broken.py").write_text("from softsym.dsl import DerivationBuilder\nraise RuntimeError('oops')\n")
    r = check(runner, corpus)
    assert r.exit_code == 1
    assert "zz_broken.py:2" in r.output and "RuntimeError: oops" in r.output
    assert "ok   sigmoid_two_class_softmax" in r.output


def test_a_step_over_its_time_limit_becomes_timeout_and_the_run_goes_on(runner, tmp_path, monkeypatch):
    d = tmp_path / "slow"
    d.mkdir()
    (d / "slow.py").write_text(
        "import sympy as sp\n"
        "from softsym.dsl import DerivationBuilder, Source\n"
        "b = DerivationBuilder('slow', title='t', source=Source('s.txt'))\n"
        "x = b.symbols('x', real=True)\n"
        "b.rel(sp.exp(x), '>=', 1 + x + x**2/2 + x**3/6 + x**4/24 + x**5/120, why='true (odd Taylor order) but hard', at='1')\n"
        "b.eq(x + x, 2*x, why='easy', at='2')\n"
        "DERIVATION = b.build()\n")
    monkeypatch.setenv("SOFTSYM_CACHE_DIR", str(tmp_path / "cache"))
    r = runner.invoke(main, ["check", "all", "--path", str(d), "--quiet", "--timeout", "0.5", "--format", "json"])
    steps = json.loads(r.output)["derivations"][0]["steps"]
    assert steps[0]["verdict"] in ("timeout", "undecided") and steps[1]["verdict"] == "proved"
    assert r.exit_code == 1


def test_ctrl_c_while_writing_leaves_the_old_lockfile_and_no_temporary_file(runner, corpus, monkeypatch):
    runner.invoke(main, ["lock", "all", "--path", str(corpus), "--quiet"])
    lock = corpus / "softsym.lock.json"
    before = lock.read_bytes()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    import softsym.lockfile
    monkeypatch.setattr(softsym.lockfile.os, "replace", interrupted)
    r = runner.invoke(main, ["lock", "all", "--path", str(corpus), "--quiet", "--no-cache"])
    assert r.exit_code == 1 and "Aborted" in r.output          # click turns Ctrl-C into "Aborted!"
    assert lock.read_bytes() == before
    assert [p.name for p in corpus.iterdir() if p.name.startswith(".softsym.lock-")] == []


def test_ctrl_c_while_caching_leaves_no_partial_entry(tmp_path, monkeypatch):
    from softsym.cache import Cache
    from softsym.verdict import Status, Verdict
    cache = Cache(tmp_path / "c")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    import softsym.cache
    monkeypatch.setattr(softsym.cache.os, "replace", interrupted)
    key = cache.key("f" * 64, 30)
    with pytest.raises(KeyboardInterrupt):
        cache.put(key, Verdict(Status.PROVED, "rational_form"))
    assert list((tmp_path / "c").rglob("*.json")) == []
    assert cache.get(key) is None


def test_checking_one_file_does_not_count_the_other_locked_files_as_vanished(runner, corpus):
    shutil.copy(BUNDLED / "softmax_jacobian.py", corpus)
    runner.invoke(main, ["lock", "all", "--path", str(corpus), "--quiet"])
    r = runner.invoke(main, ["check", "all", "--path", str(corpus / "softmax_jacobian.py"), "--quiet"])
    assert r.exit_code == 0 and "VANISHED" not in r.output, r.output
    runner.invoke(main, ["lock", "all", "--path", str(corpus / "softmax_jacobian.py"), "--quiet"])
    locked = json.loads((corpus / "softsym.lock.json").read_text())["derivations"]
    assert "sigmoid_two_class_softmax" in locked          # locking one file keeps the others
