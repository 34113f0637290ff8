"""``softsym.doc.macros``: a document's argument-free macros, found and expanded as TeX would."""
from __future__ import annotations

import pytest

from softsym.doc.macros import document_macros, expand

PREAMBLE = r"""\newcommand{\R}{\mathbb{R}} \newcommand{\x}{\mathbf{x}} \def\vz{\boldsymbol{z}}
\DeclareMathOperator{\softmax}{softmax} \newcommand{\f}[1]{#1^2} \renewcommand\w{\mathbf{w}}
\newcommand{\twice}{a} \newcommand{\twice}{b}"""


def test_argument_free_macros_are_found():
    assert document_macros(PREAMBLE) == {"R": r"\mathbb{R}", "x": r"\mathbf{x}", "vz": r"\boldsymbol{z}",
                                         "softmax": r"\operatorname{softmax}", "w": r"\mathbf{w}"}


@pytest.mark.parametrize("tex, expanded", [
    (r"\w^T \x", r"\mathbf{w}^T \mathbf{x}"),
    (r"\softmax(\vz)_i", r"\operatorname{softmax}(\boldsymbol{z})_i"),
    (r"\xi + \x", r"\xi + \mathbf{x}"),            # a longer macro name is not a defined one
    (r"\f{x}", r"\f{x}"),                          # a macro with arguments stays unknown
    (r"\twice", r"\twice"),                        # defined twice, differently: not guessed
])
def test_expansion(tex, expanded):
    assert expand(tex, document_macros(PREAMBLE)) == expanded
