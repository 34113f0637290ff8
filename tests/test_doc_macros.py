"""``softsym.doc.macros``: a document's macros, found and expanded as TeX would."""
from __future__ import annotations

import pytest

from softsym.doc.macros import document_macros, expand

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
