"""Prose for LaTeX and Markdown: formulas typed as text become math; nothing breaks pdflatex."""
from __future__ import annotations

import pytest

from softsym.export.formula import NotMath, math_tex
from softsym.export.prose import latex_prose, latex_text, markdown_prose, pieces

LATEX = [
    ("plain", "divide by the sum", "divide by the sum"),
    ("subscripts", "name p_i, p_j", "name $p_{i}, p_{j}$"),
    ("a lone variable", "the pmf at y", "the pmf at $y$"),
    ("the article a", "a sigmoid of a power", "a sigmoid of a power"),
    ("a as a variable", "a = e^{log a} for a > 0", r"$a = e^{\log a}$ for $a > 0$"),
    ("Greek and sums", "Σ_i φ_i = 1", r"$\sum_{i} \phi_{i} = 1$"),
    ("Σ as a sum", "Σ_k p_k v_k", r"$\sum_{k} p_{k} v_{k}$"),
    ("Σ as a name", "divide through by Σ_K", r"divide through by $\Sigma_{K}$"),
    ("two-letter subscript", "δ_ij − p_j", r"$\delta_{ij} - p_{j}$"),
    ("digit subscripts", "w_0x_0 + w_1x_1", "$w_{0}x_{0} + w_{1}x_{1}$"),
    ("indicator braces", "the indicator 1{y = j}", r"the indicator $1\{y = j\}$"),
    ("transpose and superscript", "θ_jᵀx and p_i²", r"$\theta_{j}^{\mathsf{T}}x$ and $p_{i}^{2}$"),
    ("accents", "e^p̄ and ŷ", r"$e^{\bar{p}}$ and $\hat{y}$"),
    ("parenthesized exponent", "e^(q̄ − p̄)", r"$e^{(\bar{q} - \bar{p})}$"),
    ("functions", "log softmax(z)_i", r"$\log \operatorname{softmax} (z)_{i}$"),
    ("conditional bar", "P(y=1|x)", r"$P(y=1\mid x)$"),
    ("not-equal under a sum", "Σ_{k≠t} e^{z_k−m}", r"$\sum_{k\ne t} e^{z_{k}- m}$"),
    ("ASCII operators", "n >= 2 => p", r"$n \ge 2 \Rightarrow p$"),
    ("a remark in brackets", "c (9/21) is larger", "$c$ $(9/21)$ is larger"),
    ("hyphenated word after a formula", "the (k−1)-vector", "the $(k- 1)$-vector"),
    ("equation numbers stay text", "eq. 6.33 softmax(z)_i", r"eq. 6.33 $\operatorname{softmax} (z)_{i}$"),
    ("specials", "50% & $5 # ~ \\ _", r"50\% \& \$5 \# \textasciitilde{} \textbackslash{} \_"),
    ("quotes", "the book's 'equivalent' and \"soft\"", "the book's `equivalent' and ``soft''"),
    ("CJK runs", "§3.4 有效概率 (a valid probability)", r"\S{}3.4 \softsymcjk{有效概率} (a valid probability)"),
    ("CJK next to math", "第 n 个概率", r"\softsymcjk{第} $n$ \softsymcjk{个概率}"),
    ("unknown script", "Привет x", r"[\dots] $x$"),
    ("accented Latin", "naïve façade", r'na\"{i}ve fa\c{c}ade'),
    ("double superscript stays text", "e^x^2 here", r"e\textasciicircum{}x\textasciicircum{}2 here"),
    ("unbalanced brackets stay text", "log(1 + tiny) rounds", "log(1 + tiny) rounds"),
]


@pytest.mark.parametrize("text, expected", [(t, e) for _, t, e in LATEX], ids=[i for i, _, _ in LATEX])
def test_latex_prose(text, expected):
    assert latex_prose(text) == expected


@pytest.mark.parametrize("span", ["e^x^2", "x_", "a \\ b", "{x", "x}", "€", "x_{i", "α_1_2"])
def test_spans_that_are_not_valid_tex_are_refused(span):
    with pytest.raises(NotMath):
        math_tex(span)


def test_pieces_keep_the_cjk_text_for_markdown():
    assert [p.kind for p in pieces("第 n 个 z_i")] == ["cjk", "text", "math", "text", "cjk", "text", "math"]
    assert markdown_prose("第 n 个 z_i") == "第 $n$ 个 $z_{i}$"


def test_markdown_escapes_its_specials():
    assert markdown_prose("see [c] and `d`, $5 and x_i") == r"see \[c\] and \`d\`, \$5 and $x_{i}$"


def test_latex_text_is_ascii_apart_from_nothing():
    assert latex_text("σ ≤ 1 — “ok” 中文").isascii()


def test_names_from_code_stay_prose_and_subscripts_stay_math():
    assert latex_prose("the printed cross_entropy:") == r"the printed cross\_entropy:"
    assert "$" not in latex_prose("softsym.kernels.log_softmax")
    assert latex_prose("z_ij and W_in") == "$z_{ij}$ and $W_{in}$"
