"""Pieces of check-doc's reading pinned one by one: units after numbers, functions defined at written forms of their
arguments (E[X^k]), the value a system of equations settles, words that give every entry (or only some) a value."""
from __future__ import annotations

import pytest
import sympy as sp

from softsym.doc.reader import _converted, every_entry_said, solved_system
from softsym.doc.units import without_units
from softsym.dsl import Definition
from softsym.problem import unfold


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\frac{\ln 2}{0.15}", r"4.62\ \text{h}", (r"\frac{\ln 2}{0.15}", "4.62")),          # one side bare
    (r"0.231 \times 60\ \text{min}", r"23.1\ \text{min}", (r"0.231 \times 60", "23.1")),  # one unit on both
    (r"\frac{5}{3^2}", r"\frac{5}{3}\ \text{h}^2", (r"\frac{5}{3^2}", r"\frac{5}{3}")),    # a unit squared
    (r"x", r"125 \text{ per hour}", ("x", "125")),
    (r"\frac53\ \text{h}", r"100\ \text{min}", (r"\frac53\ \text{h}", r"100\ \text{min}")),   # two units: kept
    (r"f(x)", r"0 \text{ otherwise}", (r"f(x)", r"0 \text{ otherwise}")),                    # no unit: kept
    (r"\log 2", r"1 \text{ bit}", (r"\log 2", r"1 \text{ bit}")),                            # one quantity, two units
    (r"\frac{3}{25}", r"12\%", (r"\frac{3}{25}", "0.12")),                                   # a percentage
    (r"a", r"12.5\,\%", ("a", "0.125")),
    (r"\frac{3}{25} \times 100", r"12\%", (r"\frac{3}{25} \times 100", r"12\%")),            # percent points
    (r"40\% + 5", r"45\%", (r"40\% + 5", r"45\%")),       # percentage points: another reading holds, kept unread
    (r"50 + 20\%", "60", (r"50 + 20\%", "60")),              # a raise by 20 % of the number: likewise
    (r"50 + 20\%", "70.2", ("50 + 0.20", "70.2")),                              # neither reading: the decimal
])
def test_units_are_dropped_only_where_that_keeps_the_meaning(lhs, rhs, expected):
    assert without_units(lhs, rhs) == expected


def test_a_function_defined_at_a_written_form_unfolds_only_at_its_instances():
    E = sp.Function("E[_]")
    X, Y, k, a, alpha, beta = sp.symbols("X Y k a alpha beta")
    at_square = [Definition(E(X**2), a, 1)]
    assert unfold(E(X**3) + 1, at_square) == E(X**3) + 1          # E[X^3] is not E[X^2]
    assert unfold(E(X**2) + 1, at_square) == a + 1
    family = [Definition(E(X**k), sp.gamma(alpha + k) / beta**k, 1)]
    assert unfold(E(X**3), family) == sp.gamma(alpha + 3) / beta**3
    assert unfold(E(X), family) == sp.gamma(alpha + 1) / beta
    assert unfold(E(Y**2), family) == E(Y**2)                       # another variable: nothing known
    assert unfold(E(X**Y), family) == E(X**Y)                       # an exponent that may be random: not an instance


def test_a_linear_system_settles_its_names_and_nothing_else_does():
    va, vb, d, j = sp.symbols("V_A V_B D J")
    bellman = [sp.Eq(va, 1 + sp.Rational(1, 2) * vb), sp.Eq(vb, 2 + sp.Rational(1, 2) * va)]
    assert solved_system(va, bellman) == sp.Rational(8, 3)
    assert solved_system(vb, bellman) == sp.Rational(10, 3)
    assert solved_system(va, bellman[:1]) is None                   # one equation, two unknowns
    assert solved_system(d, [sp.Eq(d, 2 * j / (1 + j)), sp.Eq(j, d / (2 - d))]) is None   # not linear
    assert solved_system(va, [sp.Eq(va, 1 + vb), sp.Eq(vb, 2 + va)]) is None             # no solution


@pytest.mark.parametrize("line, every", [
    ("For all $i$, $q_i = 1$.", True),
    ("the uniform distribution $p_i = 1/n$", True),
    ("all entries equal, $p_i = 1/n$", True),
    ("for each $i \\in \\{1, \\dots, n\\}$, $q_i = 1$", True),
    ("For every state $i$ that is absorbing, $q_i = 1$.", False),
    ("For all $i \\in A$ we have $q_i = 1$.", False),
    ("each $k > 1$ has $q_k = 0$", False),
    ("Every entry of $q$ on an absorbing state is one, $q_i = 1$", False),
    ("When state $i$ is absorbing, $q_i = 1$.", False),
])
def test_words_give_every_entry_a_value_only_without_a_restriction(line, every):
    assert every_entry_said(line) is every


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"17 \% 5", "2", (r"17 \% 5", "2")),                                   # a remainder, not a percentage
    (r"\sigma^2 \mathrm{K}", "x", (r"\sigma^2 \mathrm{K}", "x")),           # after an exponent: a matrix K
    (r"-2\mathrm{K}", "U", (r"-2\mathrm{K}", "U")),                         # no space: a constant K
    (r"5\,\mathrm{m}", "x", ("5", "x")),                                    # set apart: metres
])
def test_letters_that_are_not_units_stay(lhs, rhs, expected):
    assert without_units(lhs, rhs) == expected


def test_a_double_factorial_is_read_as_one():
    from softsym.latex import parse_tex
    assert parse_tex("5!!") == 15                       # not (5!)!
    assert parse_tex("(2n-1)!!").func == sp.factorial2


def test_a_bare_power_of_ten_is_an_order_of_magnitude():
    from softsym.doc.approximate import approximately
    verdict, _ = approximately(sp.Float("6.02e20"), sp.Integer(10)**21, r"6.02 \times 10^{20}", "10^{21}")
    assert verdict == "proved"
    verdict, _ = approximately(sp.Float("6.02e18"), sp.Integer(10)**21, r"6.02 \times 10^{18}", "10^{21}")
    assert verdict == "refuted"


@pytest.mark.parametrize("unit_side, bare, converted", [
    (1, 168, True),                         # 1 week = 168 hours: 24 · 7
    (1, 2**30, True),                       # 1 GiB = 2^30 bytes: 1024 · 1024 · 1024
    (1, sp.Float("3.15e7"), True),          # 1 year ≈ 3.15 · 10^7 seconds: 365 · 86400, within 1 %
    (sp.Rational(3, 2), 90, True),          # 1.5 h = 90 minutes
    (1, 167, False),                        # no factor
    (2, 7, False),
    (sp.Float("5.88e22"), sp.Float("5.88e23"), False),     # off by a power of ten: a wrong number, not a conversion
])
def test_a_unit_conversion_is_one_or_two_known_factors_apart(unit_side, bare, converted):
    assert _converted(sp.sympify(unit_side), sp.sympify(bare), []) is converted


@pytest.mark.parametrize("sentence, expected", [
    ("Let $v$ be the variance of the returns.", [("v", "nonnegative")]),
    ("Let $a$ denote the accuracy of the classifier.", [("a", "unit")]),
    ("the cosine similarity $c$ of two embeddings", [("c", "cosine")]),
    ("Let $L$ be the length of the sequence in tokens.", [("L", "count"), ("L", "nonnegative")]),
    ("The rotation angle $\\theta$ is a multiple of $\\pi$.", [("theta", "special")]),
    ("Let $x$ be the log variance.", []),                    # a log variance may be negative
    ("If $x$ is a probability, then", []),                   # a case, not what x is
    ("Let $p$ be the chance of rain tomorrow.", [("p", "unit")]),
    ("Let $s$ be the softmax output for the first class.", [("s", "open unit")]),
    ("Let $B$ be the batch size.", [("B", "count")]),
    ("Let $d$ be the embedding dimension.", [("d", "count")]),
    ("Let $L$ be the likelihood of the data under the model.", [("L", "nonnegative")]),
    ("Let $c$ be any cosine similarity.", [("c", "cosine")]),
    ("Let $v$ be the variance of the returns whether or not we hedge.", [("v", "nonnegative")]),
    ("The sequence length in tokens is $T$, so", [("T", "count"), ("T", "nonnegative")]),
    ("Let $k$ be the excess kurtosis of the returns.", [("k", "excess kurtosis")]),
    ("Write $c_{uv}$ for the cosine similarity of $u$ and $v$.", [("c[]", "cosine")]),   # every entry
])
def test_a_noun_the_words_give_a_name_bounds_its_values(sentence, expected):
    from softsym.doc.conditions import nouns_in_words
    assert [(name, kind) for _, name, kind, _ in nouns_in_words([sentence])] == expected


@pytest.mark.parametrize("text, line, base", [
    (["In this section $\\log$ is base 2.", "### Worked example", "Again $\\log 4 = 2$."], 3, 2),   # a subsection
    (["We use natural logarithms. In the appendix, $\\log$ is base 2 instead.", "So $\\log 8 = 3$."], 2, 0),
    (["In the appendix, $\\log$ is base 2.", "## Appendix", "Here $\\log 8 = 3$."], 3, 2),
    (["All logarithms are base 2 except in the appendix, which uses natural logarithms.", "## Appendix",
      "Here $\\log 8 = 3$."], 3, 0),
    (["All logarithms are base 2 except in the appendix, which uses natural logarithms.", "Here $\\log 8 = 3$."],
     2, 2),
    (["We use natural logarithms. For the next formula only, $\\log$ is base 2: $\\log 8 = 3$.", "",
      "Then $\\log 4 = 2$."], 3, 0),
    (["For the next two formulas only, $\\log$ is base 2:", "$$\\log 4 = 2$$", "$$\\log 16 = 4$$",
      "After them, $\\log 8 = 3$."], 3, 2),
    (["For the next two formulas only, $\\log$ is base 2:", "$$\\log 4 = 2$$", "$$\\log 16 = 4$$",
      "After them, $\\log 8 = 3$."], 4, None),
    (["In Shannon's original paper $\\log$ is base 2.", "A fair coin has entropy $\\log 2 \\approx 0.69$."], 2, None),
    (["All logarithms are base 2 except in the examples, which use natural logarithms.", "## A counterexample",
      "Here $\\log 8 = 3$."], 3, 2),
])
def test_a_logarithm_base_reaches_as_far_as_its_words_say(text, line, base):
    from softsym.doc.conditions import log_base_at, logarithm_bases_scoped, section_starts
    lines = ["# Notes", "", *text]
    assert log_base_at(logarithm_bases_scoped(lines), lines, section_starts(lines), line + 2) == base


@pytest.mark.parametrize("sentence, named", [
    ("Let $n$ be the refractive index of the water in the tank.", True),
    ("the refractive index $n$ of glass", True),
    ("Let $n$ be the number of samples.", False),
    ("Let $n$ be the sample size.", False),
    ("Let $n$ be the degree of the polynomial.", False),
    ("Let $n$ be the index of the sample.", False),
    ("We draw $n$ samples.", False),
    ("Let $n$ be the length of the pendulum, in metres.", True),
    ("Let $n$ be the mean number of arrivals per minute.", True),
    ("Let $n$ be the length of the sequence.", False),
    ("Let $n$ be the cardinality of the training set.", False),
    ("Let $n$ be the class index of the example.", False),
])
def test_a_letter_named_as_a_quantity_is_no_count(sentence, named):
    from softsym.doc.conditions import named_as_quantity
    assert bool(named_as_quantity([sentence], "n")) == named


@pytest.mark.parametrize("sentence, base", [
    ("Every $\\log$ below is base 2, so entropies are in bits.", 2),
    ("Gains are quoted in dB, and every $\\log$ below is to base 10.", 10),
    ("From here on $\\log$ is the natural logarithm (nats).", 0),
    ("In the coding chapter logarithms are base 2, but in this chapter we work with natural logarithms.", 0),
])
def test_the_words_give_the_logarithm_its_base_or_take_it_back(sentence, base):
    from softsym.doc.conditions import logarithm_bases
    assert logarithm_bases([sentence]) == [(1, base)]


@pytest.mark.parametrize("sentence, named", [
    ("Let $\\Phi$ be the standard normal CDF.", True),
    ("with $t \\sim \\mathcal N(0,1)$ (density $\\varphi$, CDF $\\Phi$).", True),
    ("设 $\\Phi$ 为标准正态分布函数。", True),
    ("The loss is log-normal, and $\\Phi$ is its log-normal CDF.", False),
    ("Here $\\Phi$ is the normal CDF with variance $4$.", False),
    ("In the probit model, $\\Phi$ is the inverse of the normal CDF.", False),
    ("Let $F$ be the standard normal CDF and $\\Phi$ the CDF of the uniform distribution.", False),
])
def test_phi_is_the_standard_normal_cdf_only_where_the_words_name_it_so(sentence, named):
    from softsym.doc.reader import _normal_cdf_named
    assert _normal_cdf_named(sentence) is named


@pytest.mark.parametrize("text, conventional", [
    ("Two Gaussian classes err with probability $\\Phi(-\\Delta/2)$, and $\\Phi(-1) \\approx 0.1587$.", True),
    ("The z-test has power $\\Phi\\!\\left(2.02 - 1.96\\right)$ and $z_u = \\Phi^{-1}(u)$.", True),
    ("A coin lands heads with probability $\\Phi(-1)$.", False),                     # no normal law spoken of
    ("For Gaussian noise, let $\\Phi$ be the CDF of the noise: $\\Phi(0) = 1/2$.", False),   # the words say what
    ("Beside the Gaussian kernel, the features $\\Phi(x) = (1, x, x^2)$ give $\\Phi(1) = (1, 1, 1)$.", False),
    ("For the Gaussian kernel, $k(x, y) = \\Phi(x)^\\top \\Phi(y)$.", False),        # a feature map
    ("With Gaussian features, the design matrix $\\Phi w$ has rows $\\Phi_i$.", False),   # a matrix
    ("For normal data, $\\Phi(x) = \\int_{-\\infty}^x \\varphi(t)\\,dt$ and $\\Phi(0) = 1/2$.", True),
])
def test_phi_applied_in_a_text_about_normal_laws_is_the_standard_normal_cdf(text, conventional):
    from softsym.doc.reader import _normal_cdf_conventional
    assert _normal_cdf_conventional(text) is conventional
