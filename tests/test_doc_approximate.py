"""``≈`` between closed numbers in worked examples: judged by the decimals written."""
from __future__ import annotations

import sympy as sp

from softsym.doc.approximate import approximately, written_precision
from softsym.doc.check import DocOptions, check_document


def test_the_written_decimals_set_the_precision():
    assert written_precision(r"7.389 + 2.718 + 1") == (3, 2)
    assert written_precision(r"\log 2") is None


def test_a_correct_rounding_holds_and_a_wrong_constant_is_refuted():
    assert approximately(sp.log(2), sp.Rational(6931, 10000), "0.6931")[0] == "proved"
    assert approximately(sp.E**2 + sp.E + 1, sp.Float("7.389") + sp.Float("2.718") + 1, "7.389 + 2.718 + 1")[0] \
        == "proved"
    assert approximately((1 - sp.Rational(1, 1000)) ** 1000, sp.Rational(905, 1000), "0.905")[0] == "refuted"
    assert approximately(sp.log(sp.Rational(1, 5)), sp.Rational(1609, 1000), "1.609")[0] == "refuted"   # the sign


def test_near_misses_and_unknown_precision_are_not_judged_as_wrong():
    assert approximately(sp.pi, sp.Rational(32, 10), "3.2")[0] == "undecided"      # π rounds to 3.1
    assert approximately(sp.exp(-3), sp.S.Zero, "0") is None                           # no decimal: skipped
    x = sp.Symbol("x")
    assert approximately(sp.log(1 + sp.exp(x)), x, "0.5") is None                      # free names: skipped


def test_a_document_checks_its_worked_example_roundings():
    text = ("Numbers: $\\log 2 \\approx 0.6931$ and $$e^2 + e + 1 \\approx 7.389 + 2.718 + 1 = 11.107$$\n"
            "and $$(1 - 10^{-3})^{1000} \\approx 0.905$$ and $$e^{-3} \\approx 0$$\n")
    doc = check_document("numbers.md", text, DocOptions(timeout=5))
    assert [r["verdict"] for r in doc["relations"]] == ["proved", "proved", "proved", "refuted", "skipped"]
