"""``≈`` between closed numbers in worked examples: judged by the decimals written."""
from __future__ import annotations

import sympy as sp

from softsym.doc.approximate import (approximately, natural_evidence, natural_only, natural_said, other_base_spoken,
                                     rounding_written, written_precision)
from softsym.doc.check import DocOptions, check_document


def test_the_written_decimals_set_the_precision():
    assert written_precision(r"7.389 + 2.718 + 1") == (3, 2)
    assert written_precision(r"9.0 \times 10^{-5}") == (6, 1)            # the mantissa's place, scaled
    assert written_precision(r"\log 2") is None
    assert rounding_written(r"2^{10}", "1000") and not rounding_written(r"\sqrt{2}", r"\frac{7}{5}")


def test_a_correct_rounding_holds_and_a_wrong_constant_is_refuted():
    assert approximately(sp.log(2), sp.Float("0.6931"), r"\log 2", "0.6931")[0] == "proved"
    assert approximately(sp.E**2 + sp.E + 1, sp.Float("7.389") + sp.Float("2.718") + 1, "e^2 + e + 1",
                         "7.389 + 2.718 + 1")[0] == "proved"
    assert approximately(sp.Integer(2) ** 100, sp.Float("1.3e30"), "2^{100}", r"1.3 \times 10^{30}")[0] == "proved"
    assert approximately(sp.Integer(2) ** 10, sp.Integer(1000), "2^{10}", "1000")[0] == "proved"   # to 1 figure
    assert approximately(sp.pi, sp.Float("3.14159"), r"\pi", "3.14159")[0] == "proved"
    assert approximately(sp.Float("3.14159"), sp.Float("3.1"), "3.14159", "3.1")[0] == "proved"   # coarser side
    assert approximately((1 - sp.Rational(1, 1000)) ** 1000, sp.Float("0.905"), "(1 - 10^{-3})^{1000}",
                         "0.905")[0] == "refuted"
    assert approximately(sp.log(sp.Rational(1, 5)), sp.Float("1.609"), r"\log 0.2", "1.609")[0] == "refuted"
    assert approximately(sp.exp(-sp.Rational(8, 5)), sp.Float("0.2231"), "e^{-1.6}", "0.2231")[0] == "refuted"
    assert approximately(sp.exp(-10), sp.Float("9.0e-5"), "e^{-10}", r"9.0 \times 10^{-5}")[0] == "refuted"


def test_near_misses_other_bases_and_untrusted_values_are_not_refuted():
    assert approximately(sp.E, sp.Float("2.71"), "e", "2.71")[0] == "undecided"          # a truncation
    assert approximately(sp.log(100), sp.Float("2.0"), r"\log 100", "2.0")[0] == "undecided"   # base 10 meant?
    n = sp.Symbol("n", integer=True, positive=True)
    divergent = sp.Sum(1 / (n * sp.log(n + 1)), (n, 1, sp.oo))       # evalf gives a number for it
    assert approximately(divergent, sp.Float("7.8"), r"\sum", "7.8") is None
    x = sp.Symbol("x")
    assert approximately(sp.log(1 + sp.exp(x)), x, r"\log(1 + e^x)", "x") is None      # free names: skipped


def test_a_document_checks_its_worked_example_roundings():
    text = ("Numbers: $\\log 2 \\approx 0.6931$ and $$e^2 + e + 1 \\approx 7.389 + 2.718 + 1 = 11.107$$\n"
            "and $$(1 - 10^{-3})^{1000} \\approx 0.905$$ and $$\\sqrt{2} \\approx \\frac{7}{5}$$\n\n"
            "$$10 \\text{ bits} \\approx 6.93 \\text{ nats}$$\n")
    doc = check_document("numbers.md", text, DocOptions(timeout=5))
    assert [r["verdict"] for r in doc["relations"]] == ["proved", "proved", "proved", "refuted", "skipped",
                                                        "skipped"]          # bits ≈ nats: not compared


def test_arithmetic_on_written_numbers_is_not_loosened_by_how_many_numbers_it_has():
    def verdict(left_tex, right_tex):
        from softsym.latex import parse_tex
        return approximately(parse_tex(left_tex), parse_tex(right_tex), left_tex, right_tex)[0]
    assert verdict(r"0.1 \times 0.1", "0.1") == "undecided"          # 0.01: not "0.1 give or take 0.15"
    assert verdict(r"0.1 + 0.2 + 0.3", "0.8") == "undecided"
    assert verdict(r"\frac{0.2}{0.4}", "0.6") == "undecided"
    assert verdict(r"0.1 \times 0.1", "0.01") == "proved"
    assert verdict(r"\frac{0.3679}{1.5032}", "0.2447") == "proved"
    assert verdict(r"\frac{1}{0.3}", "3.3") == "proved"
    assert verdict("e^{6.5}", "1000") == "undecided"                  # 665: a lone 1000 is within 10 %, not 50 %
    assert verdict("e^{6.9}", "1000") == "proved"
    assert verdict(r"e^2 + e + 1", "7.389 + 2.718 + 1") == "proved"   # roundings of e² and e, added


def test_a_worked_number_that_holds_only_with_the_natural_log_fixes_which_log_the_text_means():
    quarter, digits = sp.log(sp.Rational(1, 4)), sp.Rational(-1386, 1000)
    assert natural_only(quarter, digits, r"\log 0.25", "-1.386")             # base 10 gives −0.602
    assert not natural_only(sp.log(100), sp.Float("2.0"), r"\log 100", "2.0")     # holds in base 10 only
    assert not natural_only(sp.exp(2), sp.Float("7.389"), "e^2", "7.389")         # no logarithm: no evidence
    assert approximately(sp.log(2), sp.Rational(301, 1000), r"\log 2", "0.301")[0] == "undecided"
    assert approximately(sp.log(2), sp.Rational(301, 1000), r"\log 2", "0.301", natural=True)[0] == "refuted"


def test_words_say_which_log_only_when_they_speak_of_the_texts_log():
    assert natural_said(["Here $\\log$ is the natural logarithm."]) == 1
    assert natural_said(["intro", "All logarithms are natural."]) == 2
    assert natural_said(["其中 $\\log$ 表示自然对数。"]) == 1
    assert natural_said(["The natural log would give nats instead of bits."]) is None   # a passing mention


def test_only_a_plain_statement_about_log_itself_says_it_is_natural():
    # red team 55: a hedged or quoted convention, "a natural tool", words about \ln, and a text that speaks
    # of bits or of base 10 anywhere said nothing of which logarithm \log is
    assert natural_said(["If $\\log$ were the natural logarithm we would have more."]) is None
    assert natural_said(['Some books say "$\\log$ is the natural logarithm".']) is None
    assert natural_said(["For digits, $\\log$ is a natural tool."]) is None
    assert natural_said(["$\\ln$ is the natural logarithm."]) is None
    assert natural_said(["$\\log$ is the natural logarithm.", "A byte holds 8 bits."]) is None
    assert other_base_spoken(["so $\\log$ means $\\log_2$"]) and other_base_spoken(["in base ten"])
    assert not other_base_spoken(["the log-partition function"])


def test_a_worked_number_says_which_log_only_when_it_writes_a_plain_log():
    assert natural_evidence(r"\log 0.25", "-1.386")
    assert not natural_evidence(r"\ln 2", "0.693") and not natural_evidence(r"\log_2 e", "1.443")


def test_a_closed_form_beside_a_decimal_that_is_neither_its_rounding_nor_its_truncation_is_refuted():
    def verdict(left_tex, right_tex):
        from softsym.latex import parse_tex
        return approximately(parse_tex(left_tex), parse_tex(right_tex), left_tex, right_tex)[0]
    assert verdict(r"\sqrt{2}", "1.42") == "refuted"            # 1.41 rounded or truncated
    assert verdict(r"\frac{1}{3}", "0.34") == "refuted"
    assert verdict(r"\pi", "3.2") == "refuted"
    assert verdict(r"-\log 2", "-0.70") == "refuted"
    assert verdict(r"\sqrt{2}", "1.41") == "proved"
    assert verdict(r"\frac{1}{8}", "0.13") == "proved" and verdict(r"\frac{1}{8}", "0.12") == "proved"   # a half
    assert verdict(r"\log 2", "0.30") == "undecided"             # log to base 10 holds
    assert verdict(r"1.4 \times 1.01", "1.42") == "undecided"    # arithmetic on roundings: their error carried


def test_a_lone_round_number_holds_only_where_its_leading_digits_are_the_values():
    def verdict(left_tex, right_tex):
        from softsym.latex import parse_tex
        return approximately(parse_tex(left_tex), parse_tex(right_tex), left_tex, right_tex)[0]
    assert verdict("e^{2.2}", "10") == "undecided"      # 9.025: 10 to the nearest ten, 9 to one figure
    assert verdict("e^{4.6}", "100") == "proved"        # 99.48: 100 to one figure
    assert verdict("e^{2.3}", "10") == "proved"         # 9.97


def test_a_value_rounded_up_is_a_rounding_where_the_words_round_up():
    from softsym.latex import parse_tex
    left, right = parse_tex(r"\frac{10}{3}"), parse_tex("3.34")
    assert approximately(left, right, r"\frac{10}{3}", "3.34")[0] == "refuted"
    assert approximately(left, right, r"\frac{10}{3}", "3.34", upward=True)[0] == "undecided"


def test_a_truncation_past_forty_digits_is_read_at_its_own_precision():
    pi50 = "3.14159265358979323846264338327950288419716939937510"
    assert approximately(sp.pi, sp.Rational(pi50.replace(".", "")) / 10 ** 50, r"\pi", pi50)[0] != "refuted"
