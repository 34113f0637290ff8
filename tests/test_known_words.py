"""Words that give σ, softplus, LSE, softmax (and the letters ψ, B, Γ) a meaning other than softsym's."""
from __future__ import annotations

import re

import pytest

from softsym.doc.known_words import letter_named_otherwise, namings, norm_named_otherwise

NAMED_OTHER = [
    ("Here $\\sigma$ is not the logistic function; it is the ReLU.", "sigma"),
    ("Throughout, $\\sigma$ is the hidden activation, namely the positive part $x \\mapsto \\max(0,x)$.", "sigma"),
    ("We use the ReLU as our nonlinearity and call it $\\sigma$.", "sigma"),
    ("Here $\\sigma(\\cdot)$ is the ReLU.", "sigma"),
    ("We let $\\sigma$ be the\nReLU.", "sigma"),
    ("$\\sigma$ denotes the standard normal CDF $\\Phi$ in this note.", "sigma"),
    ("Here $\\mathrm{LSE}$ stands for the least squares error of a fit.", "LSE"),
    ("In this post softplus means the ReLU, i.e. $\\max(0,x)$.", "softplus"),
    ("We write $\\mathrm{softplus}(x)$ for the rectifier $\\max(0, x)$.", "softplus"),
    ("In the experiments we use the sparsemax instead and keep writing softmax.", "softmax"),
    ("We take $\\sigma$ to be the ReLU.", "sigma"),
    ("With $\\sigma$ the ReLU, consider a layer.", "sigma"),
    ("The activation is the ReLU, which in what follows is written $\\sigma$.", "sigma"),
    ("By $\\mathrm{softmax}$ we mean the sparsemax.", "softmax"),
    ("In this post, softmax is shorthand for the sparsemax.", "softmax"),
    ("Here $\\sigma$ is the CDF of the standard normal distribution.", "sigma"),
    ("The logistic function is replaced by the ReLU everywhere below; we still write $\\sigma$.", "sigma"),
    ("The noise standard deviation $\\sigma(x)$ grows with the input.", "sigma"),
    # red team 77 (session 47)
    ("We reuse the letter $\\sigma$ for the sign of its argument.", "sigma"),
    ("We abuse the name softplus for $x \\mapsto \\max(0, x)$.", "softplus"),
    ("We call $\\sigma$ the ramp function.", "sigma"),
    ("In what follows σ is the rectified linear unit.", "sigma"),
    ("本文中 $\\sigma$ 表示 ReLU 函数。", "sigma"),
    ("设 $\\sigma$ 为线性整流函数，则", "sigma"),
    ("其中 $\\mathrm{softplus}$ 指的是 $\\max(0,x)$：", "softplus"),
    ("In our code softmax is implemented as the one-hot vector of the largest entry.", "softmax"),
    ("We use a softmax at temperature $T = 2$ throughout, and write it simply $\\mathrm{softmax}$.", "softmax"),
    ("In this section $\\mathrm{LSE}$ is the smooth maximum with inverse temperature $\\beta = 2$.", "LSE"),
    ("The model has a standard-deviation head $\\sigma$; at the origin it outputs", "sigma"),
]

NAMES_NOTHING = [
    "Swish is $x\\sigma(x)$, a smooth relative of the ReLU.",
    "$\\sigma$ is a smooth version of the step function.",
    "$\\sigma$ is the derivative of the softplus.",
    "The sigmoid $\\sigma$ and the ReLU are both activations.",
    "Softplus is a smooth approximation of the ReLU.",
    "We still write $\\sigma$ for the logistic sigmoid.",
    "Unlike the ReLU, $\\sigma$ is smooth everywhere.",
    "Compared with the ReLU, $\\sigma$ saturates.",
    "Softplus is a smooth ReLU that never undershoots it.",
]


@pytest.mark.parametrize("text, name", NAMED_OTHER)
def test_words_that_give_a_known_function_another_meaning_are_found(text, name):
    found = namings(text.splitlines())
    assert [n.name for n in found] == [name], found


@pytest.mark.parametrize("text", NAMES_NOTHING)
def test_a_sentence_that_mentions_another_function_beside_it_names_nothing(text):
    assert namings(text.splitlines()) == []


def test_a_naming_across_a_line_break_is_placed_on_the_line_it_starts():
    found = namings(["# Notes", "", "Some words first.", "We let $\\sigma$ be the", "ReLU."])
    assert [(n.line, n.name) for n in found] == [(4, "sigma")]


def test_words_such_as_above_make_the_naming_reach_back():
    assert namings(["Above, $\\mathrm{softplus}$ denotes the ReLU."])[0].everywhere
    assert not namings(["Here $\\mathrm{softplus}$ denotes the ReLU."])[0].everywhere


SPECIAL = re.compile(r"(?i)gamma|digamma|beta|euler|psi|polygamma|factorial|normali[sz]|constant|partition")


@pytest.mark.parametrize("text, letter", [
    ("For the step-size schedule $\\Gamma(t)$ we take $\\Gamma(1) = 1$.", r"\\Gamma"),
    ("The gain $\\Gamma(n)$ after $n$ steps doubles each step.", r"\\Gamma"),
    ("In this part, the influence function is written $\\psi$, and so on.", r"\\psi"),
    ("Now $B(m, n)$ is the number of lattice paths.", "B"),
    ("$\\Gamma(n)$, the number of subsets of an $n$-element set, doubles.", r"\\Gamma"),
    ("Here $\\Gamma(n)$ is defined as the number of subsets of a set.", r"\\Gamma"),
])
def test_a_letter_given_a_meaning_of_the_texts_own(text, letter):
    assert letter_named_otherwise(text, letter, SPECIAL) == 1


@pytest.mark.parametrize("text, letter", [
    ("The Beta function $B(a,b)$ satisfies a recurrence.", "B"),
    ("Recall the digamma function $\\psi$ here.", r"\\psi"),
    ("where $B(a, b)$ is the Beta function", "B"),
    ("the function $\\Gamma(x)$ grows fast", r"\\Gamma"),
    ("the normalizer $B(\\alpha, \\beta)$ of the density", "B"),
    ("For the harmonic sums $\\psi(n+1) = H_n - \\gamma$.", r"\\psi"),
    ("$\\Gamma(z)$, the gamma function, satisfies a recurrence.", r"\\Gamma"),
])
def test_a_letter_beside_its_special_functions_own_words_keeps_that_meaning(text, letter):
    assert letter_named_otherwise(text, letter, SPECIAL) is None


def test_a_naming_written_after_its_line_with_all_through_reaches_back():
    found = namings(["$$\\sigma(0) = 1/2$$", "", "(All through these notes $\\sigma$ is the ReLU.)"])
    assert found and found[0].everywhere


@pytest.mark.parametrize("text", [
    "Throughout, $\\|\\cdot\\|$ is the $\\ell_1$ norm. Let $u = (1, 1)$.",
    "Let $u = (1, 1)$ and let $\\|\\cdot\\|$ denote the max-norm. Then",
    "We measure errors in the Manhattan norm $\\|x\\|$ throughout.",
])
def test_words_that_make_the_bare_norm_another_norm_are_found(text):
    assert norm_named_otherwise([text]) == 1


@pytest.mark.parametrize("text", [
    "The $\\ell_1$ norm $\\|w\\|_1$ is used by the lasso; ridge uses $\\|w\\|^2$.",
    "Here $\\|x\\|$ is the Euclidean norm.",
])
def test_a_subscripted_or_euclidean_norm_names_no_other_norm(text):
    assert norm_named_otherwise([text]) is None


def test_a_formula_for_b_without_the_beta_functions_pieces_is_the_texts_own():
    special = re.compile(r"(?i)beta\s+function")
    assert letter_named_otherwise("In this section $B(m,n) = \\binom{m+n}{m}$ counts lattice paths.", "B", special) == 1
    assert letter_named_otherwise("Recall $B(a,b) = \\frac{\\Gamma(a)\\Gamma(b)}{\\Gamma(a+b)}$.", "B", special) is None
