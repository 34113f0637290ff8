"""``prove`` never shows a traceback and exits 1 only for ``refuted`` (issue 10, item 9):
crashes become ``error`` results, batch lines are validated field by field, and a side may start
with '-'.  Every test runs with ``catch_exceptions=False``: a traceback fails it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import softsym.cli
from softsym.cli import main
from softsym.errors import StepTimeout
from softsym.verdict import Status, Verdict

BENCH_TABLE = Path(__file__).resolve().parent.parent / "bench" / "relations.jsonl"
EXIT = {"proved": 0, "proved-instantiated": 0, "refuted": 1, "undecided": 3, "timeout": 3, "error": 2}


def run(runner, *args: str):
    return runner.invoke(main, list(args), catch_exceptions=False)


def crash_on(monkeypatch, exc: Exception, when: str | None = None) -> None:
    """Make the prover raise ``exc`` (for the relation whose lhs is ``when``, or for all)."""
    real = softsym.cli.prove_text

    def prove_text(lhs, *args, **kwargs):
        if when is None or lhs == when:
            raise exc
        return real(lhs, *args, **kwargs)
    monkeypatch.setattr(softsym.cli, "prove_text", prove_text)


def write_batch(tmp_path: Path, *lines: object) -> Path:
    path = tmp_path / "rels.jsonl"
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


def results_of(r) -> list[dict]:
    assert r.exit_code == 0, r.output
    return [json.loads(line) for line in r.output.splitlines()]


# -- crashes and error verdicts ----------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["--", 'Limit(Abs(x)/x, x, 0, "+-")', "1"],          # once NotImplementedError from SymPy
    ["Integral(Abs(x-y),(x,0,2))", "0"],                   # once ValueError from a substitution into a binder
], ids=["two-sided limit", "integral with a parameter"])
def test_the_reported_crashes_give_a_verdict_and_its_exit_code(runner, args):
    r = run(runner, "prove", "--timeout", "10", "--json", *args)
    result = json.loads(r.output)
    assert r.exit_code == EXIT[result["verdict"]], r.output
    assert "Traceback" not in r.output and "\n" not in result["message"]


@pytest.mark.parametrize("exc", [NotImplementedError("Limits approaching a variable point are not supported"),
                                 ValueError("Invalid limits given:\n((_c + y, 0, 2),)"), RecursionError()],
                         ids=["NotImplementedError", "ValueError", "RecursionError"])
def test_an_exception_escaping_the_prover_is_an_error_with_exit_2(runner, monkeypatch, exc):
    crash_on(monkeypatch, exc)
    r = run(runner, "prove", "x", "x")
    assert r.exit_code == 2
    first, message = r.output.splitlines()
    assert first.startswith("error (internal, ")
    assert message.startswith(f"internal error, the relation could not be checked: {type(exc).__name__}")
    assert "Traceback" not in r.output

    r = run(runner, "prove", "x", "x", "--json")
    result = json.loads(r.output)
    assert r.exit_code == 2 and result["verdict"] == "error" and result["strategy"] == "internal"
    assert "\n" not in result["message"]


def test_an_error_verdict_of_the_prover_exits_2_not_3(runner, monkeypatch):
    monkeypatch.setattr(softsym.cli, "prove_text", lambda *a, **k: Verdict(Status.ERROR, "limits", 0.1, "it broke"))
    r = run(runner, "prove", "x", "x")
    assert r.exit_code == 2 and r.output.splitlines() == ["error (limits, 0.10 s)", "it broke"]


def test_a_time_limit_escaping_the_prover_is_a_timeout(runner, monkeypatch):
    crash_on(monkeypatch, StepTimeout())
    r = run(runner, "prove", "x", "x", "--timeout", "2", "--json")
    assert r.exit_code == 3 and json.loads(r.output)["verdict"] == "timeout"


def test_help_states_the_exit_codes_and_the_dash(runner):
    r = run(runner, "prove", "--help")
    text = " ".join(r.output.split())
    assert "Exit 0 proved, 1 refuted (the counterexample is printed), 3 undecided or timeout, 2 usage or parse error, " \
           "or an 'error' verdict" in text
    assert "softsym prove -x 'x*-1'" in text and "After '--' every word is a side" in text


# -- batch lines -------------------------------------------------------------------------------

def test_a_field_of_the_wrong_type_is_an_error_naming_it_and_the_batch_goes_on(runner, tmp_path):
    path = write_batch(tmp_path,
                       {"lhs": "x", "rhs": "x", "symbols": 5},
                       {"id": "next", "lhs": "x", "rhs": "x"},
                       {"id": [1], "lhs": 3, "rel": "=<"},
                       {"id": "after", "lhs": "2*x", "rhs": "x+x"})
    lines = results_of(run(runner, "prove", "--batch", str(path)))
    assert [x["id"] for x in lines] == [1, "next", 3, "after"]
    assert [x["verdict"] for x in lines] == ["error", "proved", "error", "proved"]
    assert lines[0]["message"] == f"{path}:1: field 'symbols' must be a string (a declaration such as 'a b: positive'), got 5"
    assert lines[2]["message"] == (f"{path}:3: missing field 'rhs'; field 'id' must be a string or a number, got [1]; "
                                   "field 'lhs' must be a string, got 3; field 'rel' must be one of ==, <=, <, >=, >, "
                                   'got "=<"')


@pytest.mark.parametrize("key,value,suggestion", [
    ("relation", "<=", "rel"), ("givens", ["x > 0"], "given"), ("symbol", "x: positive", "symbols"),
    ("Rel", "<", "rel"), ("hypotheses", ["x > 0"], "given"), ("colour", "red", None),
])
def test_an_unknown_field_is_an_error_suggesting_the_known_one(runner, tmp_path, key, value, suggestion):
    path = write_batch(tmp_path, {"id": "bad", "lhs": "x", "rhs": "x", key: value}, {"id": "good", "lhs": "x", "rhs": "x"})
    bad, good = results_of(run(runner, "prove", "--batch", str(path)))
    assert bad["verdict"] == "error" and good["verdict"] == "proved"
    hint = f" (did you mean {suggestion!r}?)" if suggestion else ""
    assert bad["message"] == f"{path}:1: unknown field {key!r}{hint}"


def test_a_crash_on_one_line_is_an_error_result_for_that_line(runner, tmp_path, monkeypatch):
    crash_on(monkeypatch, AttributeError("'int' object has no attribute 'strip'"), when="exp(x)")
    path = write_batch(tmp_path, {"id": "a", "lhs": "x", "rhs": "x"}, {"id": "b", "lhs": "exp(x)", "rhs": "1"},
                       {"id": "c", "lhs": "x", "rhs": "x+1", "rel": "<"})
    lines = results_of(run(runner, "prove", "--batch", str(path)))
    assert [x["verdict"] for x in lines] == ["proved", "error", "proved"]
    assert lines[1]["id"] == "b" and lines[1]["strategy"] == "internal"
    assert lines[1]["message"] == (f"{path}:2: internal error, the relation could not be checked: "
                                   "AttributeError: 'int' object has no attribute 'strip'")


def test_the_benchmark_table_is_a_valid_batch_file(runner, monkeypatch):
    """bench/relations.jsonl carries the metadata truth and note: accepted, never an error."""
    monkeypatch.setattr(softsym.cli, "prove_text", lambda *a, **k: Verdict(Status.UNDECIDED, "none"))
    lines = results_of(run(runner, "prove", "--batch", str(BENCH_TABLE)))
    assert len(lines) == sum(1 for line in BENCH_TABLE.read_text(encoding="utf-8").splitlines() if line.strip())
    assert [x for x in lines if x["verdict"] == "error"] == []


def test_metadata_of_the_wrong_type_is_an_error(runner, tmp_path):
    path = write_batch(tmp_path, {"id": "t", "lhs": "x", "rhs": "x", "truth": "yes"})
    [line] = results_of(run(runner, "prove", "--batch", str(path)))
    assert line["verdict"] == "error" and "field 'truth' must be true or false, got \"yes\"" in line["message"]


# -- sides that start with '-' -----------------------------------------------------------------

@pytest.mark.parametrize("args,verdict", [
    (["-x", "x*-1"], "proved"),
    (["-exp(x)", "-exp(x)"], "proved"),
    (["-1", "0", "--rel", "<"], "proved"),
    (["--rel", "<=", "-x", "-x"], "proved"),
    (["--rel=<", "-1", "0"], "proved"),
    (["-x", "--timeout", "5", "x*-1"], "proved"),
    (["-x", "x", "--rel", ">="], "refuted"),
    (["-x", "0", "--rel", "<", "--symbols", "x: positive"], "proved"),
    (["x", "-x", "--given", "-x >= 0", "--rel", "<="], "proved"),         # an option's value may start with '-'
    (["--", "-h", "-h"], "proved"),
])
def test_a_side_may_start_with_a_minus(runner, args, verdict):
    r = run(runner, "prove", "--json", *args)                # after '--' every word is a side
    assert json.loads(r.output)["verdict"] == verdict, r.output
    assert r.exit_code == EXIT[verdict]


def test_minus_h_is_still_help(runner):
    r = run(runner, "prove", "-h")
    assert r.exit_code == 0 and r.output.startswith("Usage: main prove [OPTIONS] [LHS] [RHS]")


def test_an_unknown_long_option_mentions_the_double_dash(runner):
    r = run(runner, "prove", "--x", "x")
    assert r.exit_code == 2
    assert "No such option '--x'. (a side that starts with '-' may follow '--': softsym prove -- LHS RHS)" in r.output


def test_a_misspelt_long_option_is_suggested(runner):
    r = run(runner, "prove", "x", "x", "--jsn")
    assert r.exit_code == 2 and "Did you mean '--json'?" in r.output


def test_a_single_dash_option_that_does_not_exist_is_read_as_a_side_and_explained(runner):
    r = run(runner, "prove", "x", "x", "-json")
    assert r.exit_code == 2
    assert "prove takes two sides, LHS and RHS; got 3 (extra: '-json'); '-json' is read as an expression: " \
           "did you mean --json?" in r.output


def test_a_single_side_still_asks_for_two(runner):
    r = run(runner, "prove", "-x")
    assert r.exit_code == 2 and "prove needs LHS and RHS" in r.output


def test_a_batch_file_that_is_not_utf8_is_a_usage_error(runner, tmp_path):
    path = tmp_path / "utf16.jsonl"
    path.write_bytes('{"lhs": "φ", "rhs": "φ"}\n'.encode("utf-16"))
    r = run(runner, "prove", "--batch", str(path))
    assert r.exit_code == 2 and "not UTF-8 text" in r.output


# -- issue 14, item 3: hints repeat the user's options; a directory argument is the path ------------
def _one_derivation(tmp_path):
    d = tmp_path / "myders"
    d.mkdir()
    (d / "mine.py").write_text(
        "import sympy as sp\n"
        "from softsym.dsl import DerivationBuilder, Source\n"
        "b = DerivationBuilder('mine', title='t', source=Source('s.txt'))\n"
        "x = b.symbols('x', real=True)\n"
        "b.eq(x + x, 2*x, why='algebra', at='1')\n"
        "DERIVATION = b.build()\n", encoding="utf-8")
    return d


def test_a_directory_given_as_a_name_is_read_as_the_path(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("SOFTSYM_CACHE_DIR", str(tmp_path / "cache"))
    d = _one_derivation(tmp_path)
    r = runner.invoke(main, ["check", str(d), "--quiet"])
    assert r.exit_code == 0, r.output
    assert "1 derivation, 1 step: 1 proved" in r.output
    assert f"softsym lock all --path {d}" in r.output            # the hint keeps the user's directory


def test_an_unknown_name_hint_keeps_the_path(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("SOFTSYM_CACHE_DIR", str(tmp_path / "cache"))
    d = _one_derivation(tmp_path)
    r = runner.invoke(main, ["check", "nosuch", "--path", str(d)])
    assert r.exit_code == 2 and f"softsym list --path {d}" in r.output
