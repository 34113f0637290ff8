"""How sure the words are (softsym.doc.hedges): plain sentences, and the signs words speak of."""
import pytest

from softsym.doc.hedges import EXCEPTING, paragraph_around, risky_words, sentence_around, signs_nearby, unplain


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
    assert risky_words("Apart from the case when MATH is negative, we have", EXCEPTING) == ""
    assert risky_words("Otherwise, we have") == "Otherwise"


def test_the_sentence_around_a_column_ends_at_full_stops_outside_math():
    line = "For positive $x$ it is simple, $\\sqrt{x^2} = x$. Next, for every $x$, $y = 1.5$."
    assert "positive" in sentence_around(line, 5) and "every" not in sentence_around(line, 5)
    assert "every" in sentence_around(line, line.find("Next"))
    assert "w·l·o·g" in sentence_around("We cannot assume w.l.o.g. that $x$ is positive.", 30)


def test_signs_nearby_name_the_sides_the_words_speak_of():
    lines = ["If $x$ is positive, then", "$$|x| = x;$$", "otherwise", "$$|x| = -x.$$"]
    assert signs_nearby(lines, 1, 4) == {"x": {"+"}}
    assert signs_nearby(["Now let $x$ be negative. Then"], 1, 1) == {"x": {"-"}}
    assert signs_nearby(["Let $x$ be positive and $y$ negative."], 1, 1) == {"x": {"+", "-"}, "y": {"+", "-"}}
    assert signs_nearby(["Apart from the case when $y$ is negative, we have"], 1, 1) == {"y": {"+", "-"}}
    assert signs_nearby(["For $x > 0$, i.e. for positive arguments, $|x| = x$."], 1, 1, skip="|x| = x") \
        == {"x": {"?"}}


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
