"""The command line through click's CliRunner: exit codes, output lines, JSON, batch, injections."""
from __future__ import annotations

import json

import pytest
import sympy as sp

from softsym.cli import main


def run(runner, *args):
    return runner.invoke(main, list(args), catch_exceptions=False)


def test_prove_two_class_softmax_is_proved(runner):
    r = run(runner, "prove", "exp(p)/(exp(p)+exp(q))", "1/(1+exp(q-p))")
    assert r.exit_code == 0, r.output
    assert r.output.startswith("proved (rational_form")


def test_prove_printed_erratum_is_refuted_with_a_real_counterexample(runner):
    r = run(runner, "prove", "1/(1+exp(q-p))", "1 - 1/exp(p-q)", "--json")
    assert r.exit_code == 1, r.output
    result = json.loads(r.output)
    assert result["verdict"] == "refuted" and result["strategy"] == "numeric_counterexample"
    point = {sp.Symbol(k, real=True): sp.Rational(v) for k, v in result["counterexample"].items()}
    p, q = sp.symbols("p q", real=True)
    lhs = (1 / (1 + sp.exp(q - p))).xreplace(point)
    rhs = (1 - 1 / sp.exp(p - q)).xreplace(point)
    assert abs(sp.N(lhs - rhs, 50)) > 1e-10
    assert sp.sympify(result["lhs_value"]) == lhs and sp.sympify(result["rhs_value"]) == rhs


@pytest.mark.parametrize("decl,code,verdict", [("a b: real", 1, "refuted"), ("a b: positive", 0, "proved")])
def test_log_of_product_depends_on_the_assumptions(runner, decl, code, verdict):
    r = run(runner, "prove", "log(a*b)", "log(a)+log(b)", "--symbols", decl, "--json")
    assert r.exit_code == code, r.output
    assert json.loads(r.output)["verdict"] == verdict


def test_inequality_with_rel_option(runner):
    r = run(runner, "prove", "log(1+exp(x))", "x", "--rel", ">=", "--json")
    assert r.exit_code == 0 and json.loads(r.output)["strategy"] == "inequalities"


def test_wrong_direction_inequality_reports_both_sides_as_written(runner):
    r = run(runner, "prove", "x", "log(1+exp(x))", "--rel", ">=", "--json")
    out = json.loads(r.output)
    assert r.exit_code == 1 and out["verdict"] == "refuted"
    x = sp.Rational(out["counterexample"]["x"])
    assert sp.sympify(out["lhs_value"]) == x             # lhs is x, as the user wrote it


@pytest.mark.parametrize("attack", [
    "__import__('os').system('id')",
    "().__class__.__bases__[0].__subclasses__()",
    "exec('import os')",
    "eval('1')",
    "lambda: 0",
    "open('/etc/passwd')",
])
def test_injection_is_a_parse_error_and_runs_nothing(runner, monkeypatch, attack):
    calls = []
    import os
    monkeypatch.setattr(os, "system", lambda *a: calls.append(a) or 0)
    r = runner.invoke(main, ["prove", attack, "1"])
    assert r.exit_code == 2, r.output
    assert calls == []
    assert "Traceback" not in r.output


def test_parse_error_names_the_problem_without_traceback(runner):
    r = runner.invoke(main, ["prove", "exp(p", "1"])
    assert r.exit_code == 2
    assert "error:" in r.output and "Traceback" not in r.output


def test_bad_declaration_is_a_usage_error(runner):
    r = runner.invoke(main, ["prove", "x", "x", "--symbols", "x: purple"])
    assert r.exit_code == 2 and "purple" in r.output


def test_unknown_function_is_a_parse_error_not_a_guess(runner):
    r = runner.invoke(main, ["prove", "f(x)", "f(x) + 0*x"])
    assert r.exit_code == 2


def test_true_but_unprovable_is_undecided_with_exit_3(runner):
    r = run(runner, "prove", "exp(x)", "1 + x + x**2/2 + x**3/6 + x**4/24", "--rel", ">=", "--symbols", "x: x>=0",
            "--timeout", "5", "--json")
    assert r.exit_code == 3, r.output
    assert json.loads(r.output)["verdict"] in ("undecided", "timeout")


def test_batch_writes_one_result_per_line_and_survives_bad_lines(runner, tmp_path):
    batch = tmp_path / "in.jsonl"
    batch.write_text("\n".join([
        json.dumps({"id": "a", "lhs": "exp(p)/(exp(p)+exp(q))", "rhs": "1/(1+exp(q-p))"}),
        "this is not json",
        json.dumps({"id": "c", "lhs": "__import__('os')", "rhs": "1"}),
        json.dumps({"id": "d", "lhs": "log(a*b)", "rhs": "log(a)+log(b)", "symbols": "a b: real"}),
        json.dumps({"id": "e", "lhs": "x", "rhs": "x+1", "rel": "<"}),
    ]) + "\n")
    r = run(runner, "prove", "--batch", str(batch))
    assert r.exit_code == 0, r.output
    results = [json.loads(line) for line in r.output.splitlines()]
    assert [x["id"] for x in results] == ["a", 2, "c", "d", "e"]
    assert [x["verdict"] for x in results] == ["proved", "error", "error", "refuted", "proved"]
    assert "in.jsonl:2" in results[1]["message"]


@pytest.mark.slow
def test_check_all_on_the_bundled_corpus_exits_0(runner, corpus_cache, monkeypatch):
    monkeypatch.setenv("SOFTSYM_CACHE_DIR", str(corpus_cache))
    r = run(runner, "check", "all", "--quiet", "--jobs", "2")
    assert r.exit_code == 0, r.output
    assert "ERRATUM" in r.output and "p=0, q=0: lhs=1/2, rhs=0" in r.output
    assert " 0 failed" in r.output
    assert "\n  NEW " not in r.output and "\n  CHANGED " not in r.output   # the lockfile has today's fingerprints


def test_check_unknown_name_is_a_usage_error(runner):
    r = runner.invoke(main, ["check", "no_such_derivation"])
    assert r.exit_code == 2 and "softsym list" in r.output


def test_check_json_report_follows_the_contract(runner):
    r = run(runner, "check", "sigmoid_two_class_softmax", "--format", "json", "--quiet")
    assert r.exit_code == 0
    doc = json.loads(r.output)
    assert set(doc) >= {"softsym_version", "derivations", "summary"}
    d = doc["derivations"][0]
    assert set(d) >= {"name", "title", "source", "file", "steps"}
    step = d["steps"][6]
    assert set(step) >= {"index", "line", "source", "rel", "lhs", "rhs", "expected", "verdict",
                         "strategy", "counterexample", "seconds", "message"}
    assert step["expected"] == "refuted" and step["verdict"] == "refuted"
    assert step["counterexample"] == {"p": "0", "q": "0"}
    back = run(runner, "prove", step["lhs"], step["rhs"], "--json")    # lhs/rhs are accepted back
    assert json.loads(back.output)["verdict"] == "refuted"


def test_check_reports_a_failing_step_with_file_line_and_counterexample(runner, tmp_path):
    (tmp_path / "broken.py").write_text(
        "from sympy import exp\n"
        "from softsym.dsl import DerivationBuilder, Source\n"
        "d = DerivationBuilder('broken', title='t', source=Source('s.txt', '§2'))\n"
        "p, q = d.symbols('p q', real=True)\n"
        "d.eq(exp(p)/(exp(p)+exp(q)), 1/(1+exp(p-q)), why='sign flipped', at='eq. 3')\n"
        "DERIVATION = d.build()\n")
    r = run(runner, "check", "all", "--path", str(tmp_path), "--quiet")
    assert r.exit_code == 1
    assert "broken.py:5 step 1 (s.txt §2 eq. 3)" in r.output
    assert "counterexample: p=" in r.output


def test_list_shows_every_derivation_with_its_source(runner):
    r = run(runner, "list")
    assert r.exit_code == 0
    assert "sigmoid_two_class_softmax" in r.output and "000_cfcfa902fa46fb0a.txt §3.5" in r.output


SIMPLEX = "n: integer positive; i: integer, 1<=i<=n; j: integer, 1<=j<=n; p: indexed, positive"
JACOBIAN_ROW_SUM = "Sum(p[i]*(KroneckerDelta(i,j) - p[j]), (i, 1, n))"


def test_given_hypothesis_is_used_and_named_in_the_proof(runner):
    result = runner.invoke(main, ["prove", JACOBIAN_ROW_SUM, "0", "--symbols", SIMPLEX,
                                  "--given", "Sum(p[k], (k, 1, n)) == 1"])
    assert result.exit_code == 0, result.output
    assert "proved" in result.output and "Eq(Sum(p[k], (k, 1, n)), 1)" in result.output
    without = runner.invoke(main, ["prove", JACOBIAN_ROW_SUM, "0", "--symbols", SIMPLEX])
    assert without.exit_code == 1 and "counterexample" in without.output


def test_a_counterexample_satisfies_every_hypothesis(runner):
    result = runner.invoke(main, ["prove", "x", "1", "--rel", "<", "--given", "x <= 1", "--given", "x >= 0", "--json"])
    assert result.exit_code == 1
    point = json.loads(result.output)["counterexample"]
    assert 0 <= float(sp.sympify(point["x"])) <= 1
    assert runner.invoke(main, ["prove", "x", "1", "--rel", "<=", "--given", "x < 1"]).exit_code == 0


def test_a_malformed_hypothesis_is_a_usage_error_naming_it(runner):
    result = runner.invoke(main, ["prove", "a", "b", "--given", "a b"])
    assert result.exit_code == 2 and "hypothesis 'a b' has no relation" in result.output
    assert "Traceback" not in result.output


def test_batch_lines_may_carry_hypotheses(runner, tmp_path):
    path = tmp_path / "rels.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in [
        {"id": "row sum", "lhs": JACOBIAN_ROW_SUM, "rhs": "0", "symbols": SIMPLEX, "given": ["Sum(p[i], (i, 1, n)) == 1"]},
        {"id": "one", "lhs": "x", "rhs": "1", "rel": "<=", "given": "x < 1"},
        {"id": "bad", "lhs": "x", "rhs": "1", "given": 3},
    ]) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["prove", "--batch", str(path)])
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert [x["verdict"] for x in lines] == ["proved", "proved", "error"]
    assert "field 'given' must be a string or a list of strings, got 3" in lines[2]["message"]


def test_a_hypothesis_about_a_symbol_the_relation_does_not_use_proves_nothing_about_it(runner):
    """'n >= 2' is about one n, not "for every n" (that false premise once proved x <= 1)."""
    for hypothesis in ("n >= 2", "n - 2 >= 0"):      # an interval, and a hypothesis the search must satisfy
        result = runner.invoke(main, ["prove", "x", "1", "--rel", "<=", "--symbols", "x: positive; n: integer positive",
                                      "--given", hypothesis, "--json"])
        assert result.exit_code == 1, result.output
        point = json.loads(result.output)["counterexample"]
        assert int(point.get("n", 2)) >= 2 and float(sp.sympify(point["x"])) > 1


def test_an_index_only_hypothesis_still_holds_for_every_index(runner):
    result = runner.invoke(main, ["prove", "z[j] - m", "0", "--rel", "<=", "--symbols", "z: indexed, real; j: integer",
                                  "--given", "z[l] <= m"])
    assert result.exit_code == 0, result.output


def test_constant_bounds_given_as_hypotheses_act_as_declared_intervals(runner):
    result = runner.invoke(main, ["prove", "a*b", "0", "--rel", ">=", "--given", "a >= 0", "--given", "0 <= b"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(main, ["prove", "a*b", "0", "--rel", ">=", "--given", "a >= 0"]).exit_code == 1


def test_a_passing_run_shows_each_erratum_on_one_line_and_the_summary_last(runner, tmp_path, monkeypatch):
    monkeypatch.setenv("SOFTSYM_CACHE_DIR", str(tmp_path / "cache"))
    d = tmp_path / "ders"
    d.mkdir()
    (d / "e.py").write_text(
        "import sympy as sp\n"
        "from softsym.dsl import DerivationBuilder, Source\n"
        "b = DerivationBuilder('e', title='t', source=Source('s.txt'))\n"
        "x = b.symbols('x', real=True)\n"
        "b.erratum(x + x, 3*x, why='printed with 3', at='1')\n"
        "b.eq(x + x, 2*x, why='corrected', at='1')\n"
        "DERIVATION = b.build()\n", encoding="utf-8")
    r = run(runner, "check", "all", "--path", str(d), "--quiet")
    lines = r.output.rstrip().splitlines()
    assert lines[-1].startswith("1 derivation, 2 steps"), r.output
    errata = [line for line in lines if line.lstrip().startswith("ERRATUM")]
    assert len(errata) == 1 and "refuted as expected at x=" in errata[0] and "corrected by step 2" in errata[0]
    assert "    why:" not in r.output                     # the full block only with -v
    verbose = run(runner, "check", "all", "--path", str(d), "--quiet", "-v")
    assert "    why:      printed with 3" in verbose.output


def test_prove_notes_that_an_undeclared_E_is_eulers_number(runner):
    found = runner.invoke(main, ["prove", "exp(-E/T)/(1 + exp(-E/T))", "1/2", "--rel", "<=", "--symbols", "T: positive"])
    assert "note: E is Euler's number" in found.output and "declare 'E: real'" in found.output
    declared = runner.invoke(main, ["prove", "exp(-E/T)/(1 + exp(-E/T))", "1/2", "--rel", "<=",
                                    "--symbols", "T: positive; E: real"])
    assert declared.exit_code == 1 and "note:" not in declared.output      # the energy E = -1 refutes it
