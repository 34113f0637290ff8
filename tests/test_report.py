"""Reports of a check run (softsym/report.py): steps short of a full proof are marked where they are
shown and listed before the summary; JUnit names are short (the quoted text, else the at= place) and
failures say in words what was tried."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from sympy import exp

from softsym.cli import main
from softsym.dsl import DerivationBuilder, Source
from softsym.engine import DerivationResult, StepResult
from softsym.report import STRATEGY_WORDS, json_report, junit_report, text_report
from softsym.strategies import PIPELINE
from softsym.verdict import Counterexample, Status, Verdict

LONG = "311229665600927282319450282873/500000000000000000000000000000"


def checked() -> DerivationResult:
    """Five steps with given verdicts: proved, proved for n ≤ 6 only, undecided, timeout, refuted."""
    d = DerivationBuilder("weak", title="t", source=Source("notes.txt", "§2"))
    x = d.symbols("x", real=True)
    d.eq(x + x, 2 * x, why="collect", at="eq. (1)")
    d.eq(x, x, why="small sizes", at="eq. (2)", label="pascal")
    d.eq(x, x, why="hard", at="eq. (3)", quote=r"x = \frac{2x}{2}")
    d.eq(x, x, why="slow", at="the line after eq. (3)")
    d.eq(1 / (1 + exp(-x)), 1 / (1 + exp(x)), why="σ(x) = σ(−x)?")
    derivation = d.build()
    verdicts = [
        Verdict(Status.PROVED, "rational_form", 0.01),
        Verdict(Status.PROVED_INSTANTIATED, "instantiate", 0.3, "proved for each n = 1..6 separately",
                instantiated_up_to=6),
        Verdict(Status.UNDECIDED, "none", 1.2, "no strategy could prove it and no counterexample was found "
                                                "(tried rational_form, sum_identities, instantiate)"),
        Verdict(Status.TIMEOUT, "smt", 30.0, "time limit of 30 s reached while trying smt"),
        Verdict(Status.REFUTED, "numeric_counterexample", 0.1,
                counterexample=Counterexample((("x", LONG),), "0.651207364543224839837003040123", "1/(1 + E)")),
    ]
    return DerivationResult(derivation, tuple(StepResult(s, v) for s, v in zip(derivation.steps, verdicts)))


def test_text_marks_each_weak_step_and_lists_them_before_the_summary():
    lines = text_report([checked()], [], 1.0).rstrip().splitlines()
    assert "1 proved for small n only" in lines[0]
    assert lines[1].startswith("       step 2: proved for n ≤ 6 only (") and "test_report.py:" in lines[1]
    start = lines.index("Steps without a full proof (3):")
    listed = lines[start + 1:start + 4]
    assert listed[0].startswith("  weak step 2 (pascal): proved for n ≤ 6 only — ") and "(notes.txt §2 eq. (2))" in listed[0]
    assert listed[1].startswith("  weak step 3: undecided — ") and "test_report.py:" in listed[1]
    assert listed[2].startswith("  weak step 4: timed out — ")
    assert lines[-1].startswith("1 derivation, 5 steps: 1 proved, 1 proved for small n only")   # the summary stays last


def test_text_shows_short_counterexample_values():
    text = text_report([checked()], [], 1.0)
    assert "counterexample: x≈0.6224593: lhs≈0.6512074, rhs≈0.2689414" in text
    assert LONG not in text and "0.651207364543" not in text


def test_junit_names_are_short_weak_steps_carry_properties_and_failures_say_what_was_tried():
    root = ET.fromstring(junit_report([checked()], [], 1.0))
    cases = root.findall(".//testcase")
    assert [c.get("name") for c in cases] == [
        "weak · step 1 · eq. (1)", "weak · step 2 (pascal) · eq. (2)", r"weak · step 3 · x = \frac{2x}{2}",
        "weak · step 4 · the line after eq. (3)", "weak · step 5 · σ(x) = σ(−x)?"]
    props = {p.get("name"): p.get("value") for p in cases[1].findall("properties/property")}
    assert props == {"verdict": "proved-instantiated", "strategy": "instantiate", "proved_up_to_n": "6"}
    assert cases[1].find("failure") is None and "proved for n ≤ 6 only" in cases[1].find("system-out").text
    assert cases[0].find("properties") is None
    undecided = cases[2].find("failure").get("message")
    assert undecided.startswith("undecided: no strategy could prove it") and "tried rational normal forms, sum " \
        "identities, a proof for each small size" in undecided and "rational_form" not in undecided
    assert cases[3].find("failure").get("message") == \
        "timed out: time limit of 30 s reached while trying the z3 solver (30.0 s)"
    refuted = cases[4].find("failure").get("message")
    assert refuted == "refuted: fails at x≈0.6224593: lhs≈0.6512074, rhs≈0.2689414 (0.1 s)"


def test_every_strategy_of_the_pipeline_has_words_for_failure_messages():
    assert {name for name, _ in PIPELINE} <= set(STRATEGY_WORDS)


def test_json_keeps_its_fields_and_full_precision():
    doc = json.loads(json_report([checked()], [], 1.0))
    step = doc["derivations"][0]["steps"][4]
    assert step["counterexample"] == {"x": LONG} and step["lhs_value"] == "0.651207364543224839837003040123"
    assert doc["derivations"][0]["steps"][1]["instantiated_up_to"] == 6


def test_check_marks_a_step_proved_for_small_n_only_end_to_end(runner, tmp_path):
    (tmp_path / "weak.py").write_text(
        "from sympy import Sum, binomial\n"
        "from softsym.dsl import DerivationBuilder, Source\n"
        "d = DerivationBuilder('pascal', title='t', source=Source('notes.txt', '§2'))\n"
        "n = d.symbols('n', integer=True, positive=True)\n"
        "k = d.symbols('k', integer=True)\n"
        "d.eq(Sum(binomial(n, k), (k, 0, n)), 2**n, why='row sums', at='eq. (4)')\n"
        "DERIVATION = d.build()\n", encoding="utf-8")
    r = runner.invoke(main, ["check", "all", "--path", str(tmp_path), "--quiet"])
    assert r.exit_code == 0, r.output
    lines = r.output.rstrip().splitlines()
    assert lines[0].startswith("ok   pascal") and "1 proved for small n only" in lines[0]
    assert lines[1].startswith("       step 1: proved for n ≤ 6 only")
    assert any(line.startswith("  pascal step 1: proved for n ≤ 6 only — ") for line in lines)
    assert lines[-1].startswith("1 derivation, 1 step: 0 proved, 1 proved for small n only")
    junit = runner.invoke(main, ["check", "all", "--path", str(tmp_path), "--quiet", "--format", "junit"]).output
    assert 'name="pascal · step 1 · eq. (4)"' in junit and '<property name="proved_up_to_n" value="6"/>' in junit

