"""Float claims (softsym/floats): NumPy code run in IEEE float64 and float32 against the exact value —
refuted with the input, dtype, result and exact value, or checked numerically (never proved); bad
code is an ``error`` naming the step; the verdict reaches the reports, the lockfile and the export."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from sympy import Sum, exp

from softsym import kernels
from softsym.cli import main
from softsym.dsl import DerivationBuilder, Derivation, Source, sigmoid
from softsym.engine import DerivationResult, check_derivation
from softsym.errors import DerivationError
from softsym.export.latex import latex_document
from softsym.export.markdown import markdown_document
from softsym.fingerprint import step_fingerprint
from softsym.lockfile import compare, entries
from softsym.report import json_report, junit_report, text_report
from softsym.verdict import Status

NAIVE = """
def softmax(X):
    X_exp = np.exp(X)
    return X_exp / X_exp.sum(axis=1, keepdims=True)
"""
NAN_AT = [1166.02, -2785.15]


def rows_claim(code, *, points=(), search=False, erratum=False, name="floats", **kw) -> Derivation:
    """One float claim about the softmax of rows z (its entry i), built as a derivation file would."""
    d = DerivationBuilder(name, title="float claims", source=Source.added("tests"))
    n = d.symbols("n", integer=True, positive=True)
    z = d.indexed("z", real=True)
    i = d.index("i", 1, n)
    k = d.symbols("k", integer=True)
    d.float_claim(code, exp(z[i]) / Sum(exp(z[k]), (k, 1, n)), inputs=[z], entry=i,
                  points=[{z: p} for p in points], search=search, erratum=erratum, why="w", **kw)
    if erratum:
        d.float_claim(kernels.softmax, exp(z[i]) / Sum(exp(z[k]), (k, 1, n)), inputs=[z], entry=i,
                      points=[{z: p} for p in points], why="the stable kernel")
    return d.build()


def first(derivation: Derivation):
    return check_derivation(derivation, 30).results[0]


# -- verdicts ------------------------------------------------------------------------------------------------
def test_the_printed_softmax_is_refuted_at_the_given_point_with_input_dtype_result_and_exact_value():
    r = first(rows_claim(NAIVE, points=[NAN_AT], erratum=True))
    v = r.verdict
    assert r.ok and v.status is Status.REFUTED and v.strategy == "float_evaluation"
    assert v.counterexample.as_dict() == {"z": "[1166.02, -2785.15]", "i": "1", "dtype": "float64"}
    assert v.counterexample.lhs_value == "nan" and v.counterexample.rhs_value == "1.0"
    assert "a non-finite result where the exact value is finite" in v.message


def test_the_search_alone_finds_an_overflow():
    v = first(rows_claim(NAIVE, search=True, erratum=True)).verdict
    assert v.status is Status.REFUTED and "found by the search" in v.message
    cex = v.counterexample.as_dict()
    assert cex["dtype"] == "float64" and v.counterexample.lhs_value in ("nan", "inf")
    assert max(abs(float(x)) for x in cex["z"].strip("[]").split(",")) > 709.78    # exp overflows there


def test_the_stable_kernel_is_checked_numerically_and_never_proved():
    result = check_derivation(rows_claim(NAIVE, points=[NAN_AT], search=True, erratum=True), 30)
    fixed = result.results[1]
    assert fixed.ok and fixed.verdict.status is Status.CHECKED_NUMERICALLY
    assert not fixed.verdict.status.is_proved and fixed.step.expected == "checked-numerically"
    assert fixed.step.corrects == 1 and "not a proof" in fixed.verdict.message
    assert [line.split(":")[0] for line in fixed.verdict.trace] == ["float64", "float32"]


def test_fine_in_float64_but_overflowing_in_float32_is_refuted_in_float32():
    v = first(rows_claim(NAIVE, points=[[100.0, 0.0]], erratum=True)).verdict       # e^100 > 3.4e38
    assert v.status is Status.REFUTED and v.counterexample.as_dict()["dtype"] == "float32"
    assert "float64: 0 of 1 given inputs; float32: 1 of 1 given inputs" in v.message
    assert first(rows_claim(NAIVE, points=[[100.0, 0.0]], dtypes=("float64",))).verdict.status \
        is Status.CHECKED_NUMERICALLY


def test_a_result_off_by_more_than_rtol_is_refuted_with_its_relative_error():
    v = first(rows_claim(lambda X: kernels.softmax(X) * 1.001, points=[[0.0, 1.0]])).verdict
    assert v.status is Status.REFUTED and "relative error 0.001 > rtol 1.5e-08" in v.message
    assert first(rows_claim(lambda X: kernels.softmax(X) * 1.001, points=[[0.0, 1.0]], rtol=0.01)).verdict.status \
        is Status.CHECKED_NUMERICALLY


@pytest.mark.parametrize("code, words", [
    (lambda X: 1 / 0, "raised ZeroDivisionError: division by zero in float64 at z = [1.0, 2.0]"),
    (lambda X: X.sum(axis=1), "returned shape (1,) for inputs of shape (1, 2); expected (1, 2)"),
    (lambda X: np.array([["a", "b"]]), "returned <U1 values, not real numbers"),
], ids=["raises", "wrong-shape", "not-numbers"])
def test_bad_code_is_an_error_naming_the_step(code, words):
    r = first(rows_claim(code, points=[[1.0, 2.0]]))
    assert not r.ok and r.verdict.status is Status.ERROR
    assert "test_floats.py:" in r.verdict.message and "step 1:" in r.verdict.message
    assert words in r.verdict.message


def test_an_elementwise_claim_with_code_as_text():
    d = DerivationBuilder("elements", title="t", source=Source.added("tests"))
    x = d.symbols("x", real=True)
    d.float_claim("def helper(v):\n    return np.exp(v)\n\ndef sigma(v):\n    return helper(v) / (1 + helper(v))\n",
                  sigmoid(x), inputs=x, erratum=True, why="e^x/(1 + e^x) overflows")
    d.float_claim(kernels.sigmoid, sigmoid(x), inputs=x, why="stable")
    wrong, right = check_derivation(d.build(), 30).results
    assert wrong.step.float_claim.code_name == "sigma"                       # the last function defined
    assert wrong.verdict.status is Status.REFUTED and wrong.verdict.counterexample.lhs_value == "nan"
    assert right.verdict.status is Status.CHECKED_NUMERICALLY
    assert right.step.float_claim.code_text == "softsym.kernels.sigmoid"


@pytest.mark.parametrize("call, words", [
    ("d.float_claim(NAIVE, e, inputs=[z], entry=i, dtypes=('float128',))", "dtypes= takes some of"),
    ("d.float_claim(NAIVE, e, inputs=[z], entry=i, points=[{z: [1, 2], i: 1}])", "names i, not an input"),
    ("d.float_claim(NAIVE, e, inputs=[z], entry=i, points=[{z: []}])", "must be a list of numbers"),
    ("d.float_claim(NAIVE, e, inputs=[z], entry=i, search=False)", "nothing to test"),
    ("d.float_claim('def f(:', e, inputs=[z], entry=i)", "code= is not Python"),
    ("d.float_claim(NAIVE, e, inputs=[z])", "exact= indexes a row with i, which is not an input: give entry=i"),
    ("d.float_claim(NAIVE, e, inputs=[z], entry=i, rtol={'float16': 1})", "rtol= names float16"),
], ids=["dtype", "point-names", "empty-row", "nothing", "syntax", "entry", "rtol"])
def test_a_malformed_claim_stops_loading_at_its_line(call, words):
    d = DerivationBuilder("bad", title="t", source=Source.added("tests"))
    n = d.symbols("n", integer=True, positive=True)
    z, i, k = d.indexed("z", real=True), d.index("i", 1, n), d.symbols("k", integer=True)
    e = exp(z[i]) / Sum(exp(z[k]), (k, 1, n))
    with pytest.raises(DerivationError, match="d.float_claim") as caught:
        exec(call, {"d": d, "z": z, "i": i, "e": e, "NAIVE": NAIVE})
    assert words in str(caught.value)


def test_a_float_claim_cannot_be_used_by_a_conclusion():
    d = DerivationBuilder("uses", title="t", source=Source.added("tests"))
    x = d.symbols("x", real=True)
    s = d.float_claim(kernels.sigmoid, sigmoid(x), inputs=x, points=[0.5], search=False)
    with pytest.raises(DerivationError, match="a float claim"):
        d.conclude(sigmoid(x), "<=", 1, from_steps=[s])


def test_the_fingerprint_covers_the_code():
    one, other = rows_claim(NAIVE, points=[NAN_AT]), rows_claim(NAIVE.replace("np.exp(X)", "np.exp(X - 1)"),
                                                                points=[NAN_AT])
    assert step_fingerprint(one, one.steps[0]) != step_fingerprint(other, other.steps[0])
    again = rows_claim(NAIVE, points=[NAN_AT])
    assert step_fingerprint(one, one.steps[0]) == step_fingerprint(again, again.steps[0])


# -- reports, lockfile, export ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def checked() -> DerivationResult:
    return check_derivation(rows_claim(NAIVE, points=[NAN_AT], erratum=True), 30)


def test_text_report_counts_checked_numerically_apart_from_proved(checked):
    lines = text_report([checked], [], 1.0, verbose=True).splitlines()
    assert "1 erratum refuted, 1 checked numerically" in lines[0]
    assert lines[-1].startswith("1 derivation, 2 steps: 0 proved, 0 proved for small n only, "
                                "1 checked numerically, 1 erratum refuted, 0 failed")
    text = "\n".join(lines)
    assert "step:     softmax(z)[i] ≈ exp(z[i])/Sum(exp(z[k]), (k, 1, n)) in float64, float32" in text
    assert "    code:     def softmax(X):" in text and "counterexample: z=[1166.02, -2785.15], i=1, dtype=float64" in text


def test_json_and_junit_carry_the_new_verdict(checked):
    doc = json.loads(json_report([checked], [], 1.0))
    erratum, fixed = doc["derivations"][0]["steps"]
    assert (erratum["kind"], erratum["expected"], erratum["verdict"]) == ("float", "refuted", "refuted")
    assert (fixed["expected"], fixed["verdict"], fixed["ok"]) == ("checked-numerically", "checked-numerically", True)
    assert fixed["float_claim"]["code"] == "softsym.kernels.softmax" and fixed["float_claim"]["dtypes"] == ["float64", "float32"]
    assert erratum["float_claim"]["points"] == [[NAN_AT]] and doc["summary"]["checked_numerically"] == 1
    cases = ET.fromstring(junit_report([checked], [], 1.0)).findall(".//testcase")
    props = {p.get("name"): p.get("value") for p in cases[1].findall(".//property")}
    assert props["verdict"] == "checked-numerically" and "not a proof" in cases[1].find("system-out").text


def test_a_float_claim_that_breaks_is_a_regression_against_the_lockfile(checked):
    derivation = checked.derivation
    locked = entries([checked])
    assert locked["floats"][1]["verdict"] == "checked-numerically"
    broken = DerivationResult(derivation, (checked.results[0], type(checked.results[1])(
        derivation.steps[1], first(rows_claim(NAIVE, points=[NAN_AT])).verdict)))
    (change,) = compare([broken], locked)
    assert change.kind == "regression" and "was checked-numerically" in change.detail


def test_the_export_shows_the_code_and_the_failing_input(checked):
    tex = latex_document([checked])
    assert r"\softsymcode{\mbox{}def\ softmax(\allowbreak{}X):\\" in tex
    assert r"Fails in float64 at $z = [1166.02, -2785.15]$, $i = 1$: the code gives $\mathrm{NaN}$" in tex
    assert r"$\checkmark$ numerically" in tex and r"\texttt{softmax}\left(z\right)_{i}" in tex
    md = markdown_document([checked])
    assert "```python\ndef softmax(X):" in md and "✔ numerically" in md


def test_check_on_the_command_line_exits_0_and_a_crash_is_no_traceback(runner, tmp_path: Path):
    (tmp_path / "f.py").write_text(
        "import numpy as np\nfrom sympy import exp, Sum\nfrom softsym.dsl import DerivationBuilder, Source\n"
        "d = DerivationBuilder('f', title='t', source=Source.added('x'))\n"
        "n = d.symbols('n', integer=True, positive=True)\nz = d.indexed('z', real=True)\n"
        "i, k = d.index('i', 1, n), d.symbols('k', integer=True)\n"
        "d.float_claim(lambda X: np.exp(X) / np.exp(X).sum(axis=1, keepdims=True), exp(z[i]) / Sum(exp(z[k]), (k, 1, n)),"
        " inputs=[z], entry=i, points=[[1.0, 2.0]], search=False)\n", encoding="utf-8")
    r = runner.invoke(main, ["check", str(tmp_path), "--quiet"])
    assert r.exit_code == 0, r.output
    assert "1 checked numerically" in r.output
    source = (tmp_path / "f.py").read_text(encoding="utf-8")
    (tmp_path / "f.py").write_text(source.replace("np.exp(X) /", "X.missing() /"), encoding="utf-8")
    r = runner.invoke(main, ["check", str(tmp_path), "--quiet"])
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "f.py:8 step 1: the code raised AttributeError" in r.output
