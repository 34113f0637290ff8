"""How sure the words are (softsym.doc.hedges): plain sentences, and the signs words speak of."""
import pytest

from softsym.doc.hedges import EXCEPTING, case_switch, paragraph_around, sentence_around, signs_nearby, unplain


@pytest.mark.parametrize("line", [
    "Let $x$ be positive.",
    "Assume that $p$ is a positive real number.",
    "For $x > 0$ we have $\\sqrt{x^2} = x$.",
    "When $y$ is negative, the loss is",
    "设 $x$ 为正数，不难验证",                    # 不难: "it is not hard", no negation
    "设 $x$ 为正数，且忽略舍入误差，则",            # 误差: a rounding error, no mistake
    "对于 $i = j$ , 即对角线的情况：",              # 即: "that is", a restatement
    "*Case $i \\neq j$:* the numerator does not depend on $z_j$, so",   # the case ends at its colon
])
def test_a_plain_statement_of_a_case_or_an_assumption_is_plain(line):
    assert unplain([line], 1, line.find("$")) == ""


@pytest.mark.parametrize("line, word", [
    ("It is an error to assume that $x$ is positive.", "error"),
    ("Nor do we assume $x$ is positive.", "Nor"),
    ("For positive $x$ as well as for negative $x$, we have", "as well"),
    ("When $x$ is positive and also when it is negative,", "also"),
    ("Suppose $x$ is positive, towards a contradiction.", "contradiction"),
    ("Otherwise, for $x > 0$,", "Otherwise"),
    ("设 $x$ 为正数是错误的。", "错"),
    ("Is $x$ positive?", "?"),
])
def test_a_sentence_that_negates_hedges_or_contrasts_is_not_plain(line, word):
    assert word in unplain([line], 1, line.find("$"))


def test_both_signs_in_one_sentence_are_no_plain_case():
    assert unplain(["For negative $x$, unlike the formula with $x$ positive,"], 1, 0) != ""
    assert unplain(["Let $x$ be positive and $y$ negative."], 1, 0) == "both signs in one sentence"
    assert unplain(["Since $x$ is positive, all the terms below are positive."], 1, 0) == ""


def test_the_words_of_the_form_read_may_be_in_a_plain_sentence():
    line = "$$\\sqrt{x^2} = x$$ except when $x < 0$."
    assert unplain([line], 1, line.find("except")) != ""
    assert unplain([line], 1, line.find("except"), allow=EXCEPTING) == ""
    assert case_switch("Apart from the case when MATH is negative, we have", EXCEPTING) == ""
    assert case_switch("Otherwise, we have") == "Otherwise"


def test_the_sentence_around_a_column_ends_at_full_stops_outside_math():
    line = "For positive $x$ it is simple, $\\sqrt{x^2} = x$. Next, for every $x$, $y = 1.5$."
    assert "positive" in sentence_around(line, 5) and "every" not in sentence_around(line, 5)
    assert "every" in sentence_around(line, line.find("Next"))
    assert "w·l·o·g" in sentence_around("We cannot assume w.l.o.g. that $x$ is positive.", 30)


def test_signs_nearby_name_the_sides_the_words_speak_of():
    lines = ["If $x$ is positive, then", "$$|x| = x;$$", "otherwise", "$$|x| = -x.$$"]
    assert signs_nearby(lines, 1, 4) == {"x": {"+"}}
    assert signs_nearby(["Now let $x$ be negative. Then"], 1, 1) == {"x": {"-"}}
    assert signs_nearby(["Let $x$ be positive and $y$ negative."], 1, 1) == {"x": {"?"}, "y": {"?"}}
    assert signs_nearby(["Apart from the case when $y$ is negative, we have"], 1, 1) == {"y": {"?"}}
    assert signs_nearby(["For $x > 0$, i.e. for positive arguments, $|x| = x$."], 1, 1, skip="|x| = x") \
        == {"x": {"+"}}
    assert signs_nearby(["with $\\lambda > 0$, $0 < p < 1$, $t \\in [0, 1]$, $u \\le 0$ and $y > 1$"], 1, 1) \
        == {"lambda": {"+"}, "p": {"(0,1)"}, "t": {"[0,1]"}, "u": {"-"}, "y": {"?"}}


def test_a_counterexample_inside_the_interval_the_words_name_is_not_doubted():
    from softsym.doc.check import _contradicts_words
    assert not _contradicts_words({"p": "1/10"}, (("p", "(0,1)"),))
    assert _contradicts_words({"p": "2"}, (("p", "(0,1)"),))
    assert _contradicts_words({"p": "0"}, (("p", "(0,1)"),))
    assert not _contradicts_words({"t": "0"}, (("t", "[0,inf)"),))


@pytest.mark.parametrize("line", [
    "Whether $x$ is positive or negative, we have",            # both sides, alternatives: no case
    "Nor do we assume $x$ is positive.",                       # disclaimed
    "It is unclear whether $y$ is positive.",
    "设 $x$ 为正数的相反数，则",                                  # the opposite of a positive number
    "现在不再假设 $x$ 为正数，则",
])
def test_words_that_name_no_case_speak_of_no_sign(line):
    assert signs_nearby([line], 1, 1) == {}


def test_a_paragraph_reaches_back_over_a_blank_line_to_a_display_s_lead_in():
    lines = ["# Roots", "", "Dividing $x$ by its absolute value,", "", "$$\\frac{x}{|x|} = 1.$$", "",
             "Next paragraph."]
    assert paragraph_around(lines, 5, 5, display=True) == (3, 5)
    assert paragraph_around(lines, 5, 5, display=False) == (5, 5)
    assert paragraph_around(lines, 7, 7, display=False) == (7, 7)


def test_comments_and_struck_out_text_are_no_prose():
    from softsym.doc.hedges import prose_text
    text = "Let <!-- $x$ is positive -->\n~~Assume $y > 0$.~~ Now\n"
    assert prose_text(text, "markdown") == "Let " + " " * 24 + "\n" + " " * 20 + "Now\n"
    assert prose_text("a % $x > 0$\n\\% b\n", "latex") == "a          \n\\% b\n"


def test_a_sentence_wraps_lines_and_is_judged_with_the_one_before_and_the_heading():
    assert unplain(["We must", "not assume that $x$ is positive."], 2, 20) == "the word \"not\""
    assert "sentence before" in unplain(["The following step is wrong. Let $x$ be positive."], 1, 35)
    assert "heading" in unplain(["## A common mistake", "", "Let $x$ be positive."], 3, 4)
    assert unplain(["## Roots", "", "Let $x$ be positive."], 3, 4) == ""


def test_restrictions_in_words_are_checked_where_they_can_be_and_doubted_where_not():
    import sympy as sp

    from softsym.doc.hedges import admits, restricted_nearby, word_bound
    assert restricted_nearby(["Let $x$ lie between 0 and 1. Then", "For $n$ large enough,"], 1, 2) \
        == {"x": "between 0 and 1.", "n": "large enough,"}
    assert admits("between 0 and 1", 0.5) is True and admits("between 0 and 1", 2) is False
    assert admits("小于0.5时", 0.7) is False and admits("at most one", 1) is True
    assert admits("nonzero", -1) is True and admits("integer", 2.5) is False
    assert admits("large enough", 10) is None                     # cannot tell: the refutation is doubted
    x = sp.Symbol("x", real=True)
    assert word_bound("less than 0.5", x) == [x < sp.Rational(1, 2)]
    assert word_bound("between 0 and 1", x) == [x >= 0, x <= 1]
    assert word_bound("an integer", x) is None
