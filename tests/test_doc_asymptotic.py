"""Relations with a Landau remainder (softsym.doc.asymptotic): the series of the difference decides."""
from __future__ import annotations

import sympy as sp

from softsym.doc.asymptotic import judge, landau_term

x = sp.Symbol("x", real=True)
n = sp.Symbol("n", integer=True, positive=True)


def test_the_remainder_ending_a_side_is_split_off():
    assert landau_term(r"\log 2 + \frac{x}{2} + O(x^4)") == (r"\log 2 + \frac{x}{2}", "O", "x^4")
    assert landau_term(r"1 + \mathcal{O}(1/n).") == ("1", "O", "1/n")
    assert landau_term(r"O(x^2)") == ("0", "O", "x^2")
    assert landau_term(r"\frac{x}{2} - o(x)") == (r"\frac{x}{2}", "o", "x")
    assert landau_term(r"\log(1 + x)") is None


def test_a_correct_expansion_is_proved_and_a_wrong_term_refutes():
    softplus = sp.log(1 + sp.exp(x))
    assert judge(softplus - (sp.log(2) + x / 2 + x**2 / 8), x**4, "O")[0] == "proved"
    verdict, why = judge(softplus - (sp.log(2) + x / 2 + x**2 / 4), x**4, "O")
    assert verdict == "refuted" and "-x**2/8" in why
    assert judge(sp.log(1 + 1 / n) - 1 / n, n**-2, "O")[0] == "proved"        # n → ∞
    assert judge(sp.log(1 + 1 / n) - 1 / n, n**-3, "O")[0] == "refuted"


def test_little_o_needs_the_term_of_its_own_order_gone_too():
    sigmoid = 1 / (1 + sp.exp(-x))
    assert judge(sigmoid - sp.Rational(1, 2), x, "o")[0] == "refuted"        # x/4 is no o(x)
    assert judge(sigmoid - sp.Rational(1, 2) - x / 4, x**2, "o")[0] == "proved"


def test_what_it_cannot_order_or_bound_is_undecided():
    y = sp.Symbol("y", positive=True)
    assert judge(y**2 * sp.log(y), y**2, "O")[0] == "undecided"             # log y grows: not bounded
    assert judge(sp.exp(x) - 1, x * sp.log(x), "O")[0] == "undecided"       # not a power of one name
    a = sp.Symbol("a", real=True)
    assert judge(sp.exp(a * x) - 1, x**2, "O")[0] == "undecided"            # a x: zero where a = 0


def test_an_expansion_through_a_function_softsym_does_not_know_is_undecided():
    phi = sp.Function("Phi")
    assert judge(phi(x) - sp.Rational(1, 2) - x / 2, x**3, "O")[0] == "undecided"    # Φ(0) − 1/2 is one term


def test_the_words_say_where_the_remainder_is_taken():
    from softsym.doc.asymptotic import remainder_point
    assert judge(x**3 + x - x, x**2, "O", r"As $x \to \infty$,")[0] == "refuted"     # x³ is no O(x²) at ∞
    assert judge(x**2 + x + 1 - x**2, x, "O", r"For large $x$,")[0] == "proved"
    assert judge(2 * n**2 + 3 * n + 1, n**2, "O")[0] == "proved"                      # a count: n → ∞
    assert judge(sp.Abs(x) - x, x**2, "O")[0] == "refuted"                           # from both sides of 0
    assert judge(sp.Abs(x) + x, x**2, "O", r"As $x \to 0^-$,")[0] == "undecided"      # from below: not judged
    assert remainder_point(r"as $x \to 0$ and for large $x$", x, sp.Integer(2)) is None
    assert remainder_point(r"for large $n$", x, sp.Integer(2)) == ("0", (1, -1))     # (n is not x)
    assert remainder_point("", sp.Symbol("y", positive=True), sp.Integer(2)) == ("0", (1,))
