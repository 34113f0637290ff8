"""``softsym.doc.macros``: a document's macros, found and expanded as TeX would."""
from __future__ import annotations

import pytest

from softsym.doc.macros import (averages, averaging_operator, document_macros, expand, implicit_averaging,
                                outcome_functions)

PREAMBLE = r"""\newcommand{\R}{\mathbb{R}} \newcommand{\x}{\mathbf{x}} \def\vz{\boldsymbol{z}}
\DeclareMathOperator{\softmax}{softmax} \newcommand{\f}[1]{#1^2} \renewcommand\w{\mathbf{w}}
\newcommand{\twice}{a} \newcommand{\twice}{b} \newcommand{\opt}[2][x]{#1 #2}"""


def test_macros_are_found_with_their_arguments():
    assert document_macros(PREAMBLE) == {"R": r"\mathbb{R}", "x": r"\mathbf{x}", "vz": r"\boldsymbol{z}",
                                         "softmax": r"\operatorname{softmax}", "w": r"\mathbf{w}",
                                         "f": (1, "#1^2")}


@pytest.mark.parametrize("tex, expanded", [
    (r"\w^T \x", r"\mathbf{w}^T \mathbf{x}"),
    (r"\softmax(\vz)_i", r"\operatorname{softmax}(\boldsymbol{z})_i"),
    (r"\xi + \x", r"\xi + \mathbf{x}"),            # a longer macro name is not a defined one
    (r"\f{x}", r"{x^2}"),                          # a macro with arguments: its argument substituted
    (r"\f x + 1", r"{x^2} + 1"),                   # a one-token argument
    (r"\f", r"\f"),                                # written without its argument: left as it is
    (r"\twice", r"\twice"),                        # defined twice, differently: not guessed
])
def test_expansion(tex, expanded):
    assert expand(tex, document_macros(PREAMBLE)) == expanded


def test_a_macro_with_two_arguments_and_one_with_an_optional_argument():
    macros = document_macros(r"\newcommand{\pd}[2]{\frac{\partial #1}{\partial #2}} \newcommand{\o}[2][x]{#1}")
    assert expand(r"\pd{L}{z_i} = 0", macros) == r"{\frac{\partial L}{\partial z_i}} = 0"
    assert "o" not in macros                       # an optional argument: not expanded (unparsed with the reason)


def test_an_averaging_operator_the_text_defines_is_read_as_its_sum():
    maths = [r"\langle f \rangle := \sum_x p_\beta(x) f(x)", r"Z = \sum_x e^{-\beta E(x)}",
             r"\langle E^2\rangle - \langle E\rangle^2 = \mathrm{Var}(E)"]
    operator = averaging_operator(maths, frozenset({"x"}))
    assert operator[:3] == ("f", "x", r"p_\beta(x)")
    functions, variances = outcome_functions(maths, operator)
    assert functions == variances == frozenset({"E"})     # (p_β a distribution, Var(E) tied to its brackets)
    squared = r"\left(\sum_{x} p_\beta(x) \left(E(x)\right)\right)^2"          # the whole average squared
    assert averages(r"\langle E \rangle^2", operator, functions) == squared
    assert averages(r"\mathrm{Var}(E)", operator, functions, variances).count(r"\sum_{x}") == 2


def test_brackets_the_operator_does_not_define_stay_as_written():
    maths = [r"\langle f \rangle := \sum_x p(x) f(x)", r"E(x)"]
    operator = averaging_operator(maths, frozenset({"x"}))
    functions, variances = outcome_functions(maths, operator)
    assert not variances                                                     # Var(E) never tied to ⟨E²⟩ − ⟨E⟩²
    for tex in (r"\langle x \rangle", r"\langle u, v \rangle", r"\langle E \rangle_q", r"\langle \beta \rangle",
                r"\mathrm{Var}(E)"):
        assert averages(tex, operator, functions, variances) == tex
    assert averaging_operator(maths, frozenset()) is None                     # x is no outcome: no operator
    two = maths + [r"\langle g \rangle := \frac{1}{K} \sum_x g(x)"]
    assert averaging_operator(two, frozenset({"x"})) is None                  # another bracket defined
    divided = [r"\langle f \rangle := \sum_x w(x) f(x) / Z"]
    assert averaging_operator(divided, frozenset({"x"})) is None              # f(x) does not end it


GIBBS = [r"p(x) := \frac{e^{-E(x)/T}}{Z(T)}, \qquad Z(T) := \sum_{x} e^{-E(x)/T}",
         r"\frac{\partial \log Z}{\partial \beta} = -\langle E \rangle", r"-\log p(x) = \beta E(x) + \log Z"]


def test_brackets_beside_the_one_distribution_the_text_defines_are_its_averages():
    operator = implicit_averaging(GIBBS, frozenset({"x"}), "this gives the average energy")
    assert operator[:3] == ("f", "x", "p(x)")        # (not the p(x) inside -\log p(x) = …: no second definition)
    assert r"\sum_{x} p(x) \left(E(x)\right)" in averages(r"\langle E \rangle", operator, frozenset({"E"}))


@pytest.mark.parametrize("maths, words, named", [
    (GIBBS, "the energy", {}),                                               # no words of averages or means
    ([*GIBBS, r"\langle f \rangle := \sum_x q(x) f(x)"], "the average", {}),  # the text defines its bracket
    ([*GIBBS, r"q(x) := \frac{1}{n}"], "the average", {}),                   # two distributions
    ([r"p(x) := e^{-E(x)/T}", r"\langle E \rangle = 1"], "the average", {}),  # not normalized
    (GIBBS, "the average", {"q": (3, False, False)}),                        # the words name another one
    (GIBBS, "the average energy of the training data", {}),                  # averages over data
    (GIBBS, r"the average; in this section $\langle E \rangle$ is the mean of the cooled system", {}),
])
def test_brackets_are_no_average_where_the_text_leaves_the_weight_open(maths, words, named):
    assert implicit_averaging(maths, frozenset({"x"}), words, frozenset(named)) is None
