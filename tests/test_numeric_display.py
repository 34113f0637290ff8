"""Counterexample values as shown to people (softsym/numeric/display.py): one function for the
text reports, ``prove`` and the export; JSON keeps every digit."""
from __future__ import annotations

import json

import pytest
from sympy import exp

from softsym.cli import main
from softsym.dsl import DerivationBuilder, Source
from softsym.export.verdicts import evidence
from softsym.numeric.display import readable, readable_message, shown_sides, shown_value
from softsym.verdict import Counterexample

LONG = "311229665600927282319450282873/500000000000000000000000000000"


@pytest.mark.parametrize("text, shown, exact", [
    ("0", "0", True),
    ("-3/4", "-3/4", True),
    ("1/2", "1/2", True),
    ("12345678", "12345678", True),
    ("123456789", "1.234568e+8", False),
    (LONG, "0.6224593", False),                                     # a long fraction: 7 digits
    ("0.367879441171442321595523770161", "0.3678794", False),       # a 30-digit decimal
    ("0.500000000000000000000000000000", "0.5", False),             # already rounded: stays ≈
    ("1/(exp(-1) + 1)", "0.7310586", False),                        # a closed form too long to read
    ("E", "E", True), ("exp(2)", "exp(2)", True), ("sqrt(2)", "sqrt(2)", True),
    ("1.5e-30", "1.5e-30", False),
    ("undefined", "undefined", True), ("oo", "oo", True),           # not finite numbers: verbatim
], ids=lambda v: str(v)[:20])
def test_short_exact_values_stay_and_others_get_7_digits(text, shown, exact):
    s = shown_value(text)
    assert (s.text, s.exact, s.sign) == (shown, exact, "=" if exact else "≈")


@pytest.mark.parametrize("lhs, rhs, shown", [
    ("1/(exp(-1) + 1)", "1/(1 + E)", ("≈0.7310586", "≈0.2689414")),
    ("0.367879441171442321595523770161", "E", ("≈0.3678794", "≈2.718282")),   # E beside a decimal: both decimals
    ("0", "1/1000000000000", ("=0", "≈1e-12")),                                # an exact 0 stays 0
    ("0.50000000001", "1/2", ("≈0.50000000001", "=1/2")),
    ("0.50000000001", "0.5", ("≈0.50000000001", "≈0.5")),                      # more digits where they differ
    ("E", "exp(2)", ("=E", "=exp(2)")),
])
def test_both_sides_are_shown_the_same_way(lhs, rhs, shown):
    left, right = shown_sides(lhs, rhs)
    assert (left.sign + left.text, right.sign + right.text) == shown


def test_a_counterexample_reads_short_and_its_message_follows():
    cex = Counterexample((("theta[1]", "1"), ("x", LONG)), "1/(exp(-1) + 1)", "1/(1 + E)")
    assert readable(cex) == "theta[1]=1, x≈0.6224593: lhs≈0.7310586, rhs≈0.2689414"
    assert readable_message(f"fails at {cex.describe()}", cex) == f"fails at {readable(cex)}"


def test_the_latex_export_shows_the_same_values():
    d = DerivationBuilder("d", title="t", source=Source("s.txt"))
    x = d.symbols("x", real=True)
    d.eq(1 / (1 + exp(-x)), 1 / (1 + exp(x)), why="w")
    derivation = d.build()
    ev = evidence(derivation, derivation.steps[0], Counterexample((("x", LONG),), "1/(exp(-1) + 1)", "1/2"))
    assert ev.point == (r"x \approx 0.6224593",)
    assert (ev.lhs, ev.rhs) == (r"\approx 0.7310586", "1 / 2")
    assert "0000000" not in " ".join([*ev.point, ev.lhs, ev.rhs])


def test_prove_prints_short_values_once_and_json_keeps_every_digit(runner):
    r = runner.invoke(main, ["prove", "sigmoid(x)", "1/(1+exp(x))"])
    assert r.exit_code == 1
    assert r.output.splitlines()[1:] == ["counterexample: x=1: lhs≈0.7310586, rhs≈0.2689414"]
    result = json.loads(runner.invoke(main, ["prove", "sigmoid(x)", "1/(1+exp(x))", "--json"]).output)
    assert (result["lhs_value"], result["rhs_value"]) == ("1/(exp(-1) + 1)", "1/(1 + E)")
    assert result["message"] == "fails at x=1: lhs=1/(exp(-1) + 1), rhs=1/(1 + E)"


def test_check_doc_shows_the_same_short_values(runner, tmp_path):
    note = tmp_path / "n.md"
    note.write_text("Notes\n\n$$\\frac{1 - \\sigma(x)}{\\sigma(x)} = e^{x}$$\n", encoding="utf-8")
    r = runner.invoke(main, ["check-doc", str(note), "--no-cache"])
    assert "    counterexample: x = 1: left side ≈ 0.3678794, right side ≈ 2.718282" in r.output.splitlines()
