"""softsym.doc.extract: the math of Markdown and LaTeX documents, with exact line numbers."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from softsym.doc.extract import Declaration, DocumentKindError, MathBlock, find_math, kind_of
from softsym.errors import UserError

SEEDS = Path(__file__).resolve().parents[1] / "derivations" / "sources"   # the five texts, vendored
DOCS = Path(__file__).parent / "docs"


def md(text: str) -> list[MathBlock]:
    return find_math(text, "markdown")[0]


def tex(text: str) -> list[MathBlock]:
    return find_math(text, "latex")[0]


def where(blocks: list[MathBlock]) -> list[tuple[str, int, int]]:
    return [(b.tex.strip(), b.line, b.end_line) for b in blocks]


def assert_lines_exact(text: str, blocks: list[MathBlock]) -> None:
    """Every line of every block's tex is found on the document line the invariant names:
    ``tex[i]`` is on line ``block.line + tex[:i].count("\\n")``."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for block in blocks:
        assert 1 <= block.line <= block.end_line <= len(lines), block
        for k, piece in enumerate(block.tex.split("\n")):
            if piece.strip():
                assert piece.strip() in lines[block.line - 1 + k], (block, k)


# -- kinds ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("path", "kind"), [("a.md", "markdown"), ("notes/A.MARKDOWN", "markdown"),
                                            ("seed.txt", "markdown"), ("paper.tex", "latex")])
def test_kind_of(path: str, kind: str) -> None:
    assert kind_of(path) == kind


@pytest.mark.parametrize("path", ["notes.rst", "paper.pdf", "README"])
def test_kind_of_unknown_teaches(path: str) -> None:
    with pytest.raises(DocumentKindError) as info:
        kind_of(path)
    assert isinstance(info.value, UserError) and isinstance(info.value, ValueError)
    message = str(info.value)
    assert path in message and ".md" in message and ".tex" in message


def test_find_math_rejects_an_unknown_kind() -> None:
    with pytest.raises(ValueError, match="markdown"):
        find_math("$x$", "rst")  # type: ignore[arg-type]


# -- Markdown: delimiters and lines -----------------------------------------------------------------
def test_inline_dollars_on_the_third_line_of_a_paragraph() -> None:
    text = "Intro.\n\nfirst line of prose\nsecond line with $a$\nthird line: $b = c$ and $d$\n"
    assert where(md(text)) == [("a", 4, 4), ("b = c", 5, 5), ("d", 5, 5)]
    assert all(not b.display and b.env is None for b in md(text))


def test_inline_math_spanning_lines() -> None:
    blocks = md("one\ntwo $x\n= y$ three\n")
    assert [(b.tex, b.line, b.end_line) for b in blocks] == [("x\n= y", 2, 3)]


def test_display_dollars_block_and_multiline() -> None:
    text = "Text.\n\n$$\na = b\n\\le c\n$$\n\n$$x = 1$$\n"
    blocks = md(text)
    assert [(b.line, b.end_line, b.display) for b in blocks] == [(3, 6, True), (8, 8, True)]
    assert blocks[0].tex == "\na = b\n\\le c\n"
    assert_lines_exact(text, blocks)


def test_display_dollars_right_after_prose_and_inside_a_paragraph() -> None:
    text = "We have\n$$\nx = 1\n$$\nand then $$y = 2$$ inline.\n"
    blocks = md(text)
    assert where(blocks) == [("x = 1", 2, 4), ("y = 2", 5, 5)]
    assert all(b.display for b in blocks)


def test_brackets_and_parens() -> None:
    text = "Inline \\(a < b\\) here.\n\n\\[\nc = d\n\\]\n\nA paragraph \\[e = f\\] too.\n"
    blocks = md(text)
    assert where(blocks) == [("a < b", 1, 1), ("c = d", 3, 5), ("e = f", 7, 7)]
    assert [b.display for b in blocks] == [False, True, True]


def test_escaped_delimiters_and_money_are_not_math() -> None:
    assert md("It costs \\$5 and \\$6, or \\$x\\$.\n") == []
    assert md("It costs $5 and $10 today.\n") == []
    assert md("A \\\\(not math\\\\) here.\n") == []
    assert where(md("Price $x$ and \\$ sign.\n")) == [("x", 1, 1)]


def test_amsmath_environments() -> None:
    text = ("Before.\n\n\\begin{align}\na &= b \\\\\n  &= c\n\\end{align}\n\n"
            "\\begin{equation*}\nx = y\n\\end{equation*}\n\n\\begin{gather}\np = q\n\\end{gather}\n")
    blocks = md(text)
    assert [(b.env, b.line, b.end_line, b.display) for b in blocks] == [
        ("align", 3, 6, True), ("equation", 8, 10, True), ("gather", 12, 14, True)]
    assert blocks[0].tex == "\na &= b \\\\\n  &= c\n"
    assert_lines_exact(text, blocks)


def test_math_fences_and_the_caret_forms() -> None:
    text = ("```math\na = b\n```\n\nText `^\\phi` and `^ y_i ` here.\n\n"
            "```^\n\\begin{aligned}\nx &= 1\n\\end{aligned}\n```\n")
    blocks = md(text)
    assert [(b.tex, b.line, b.end_line, b.display, b.env) for b in blocks] == [
        ("a = b\n", 2, 3, True, "math"), ("\\phi", 5, 5, False, "^"), (" y_i ", 5, 5, False, "^"),
        ("\\begin{aligned}\nx &= 1\n\\end{aligned}\n", 8, 11, True, "^")]


def test_code_is_not_math() -> None:
    text = ("```python\nx = $a$  # $b$\n```\n\n~~~\n$$c$$\n~~~\n\n    $indented$\n\n"
            "A span `$d$` and <code>$e$</code> but $f$.\n")
    assert where(md(text)) == [("f", 11, 11)]


def test_html_spans_hold_inline_math() -> None:
    text = 'Intro $n$ words.<span style="color:red;">inside $m = 1$ too</span> after $k$\n'
    assert where(md(text)) == [("n", 1, 1), ("m = 1", 1, 1), ("k", 1, 1)]


def test_html_blocks_hold_math_but_not_pre() -> None:
    text = '<div align="center">\n\n$$x = 1$$\n\n</div>\n\n<div>$y$</div>\n\n<pre>\n$z$\n</pre>\n'
    assert where(md(text)) == [("x = 1", 3, 3), ("y", 7, 7)]


def test_crlf_and_cr_input_keep_line_numbers() -> None:
    text = "a\n\nline $x$\nnext $y$\n\n$$\nz = 1\n$$\n\n```^\nq = 2\n```\n"
    expected = where(md(text))
    assert where(md(text.replace("\n", "\r\n"))) == expected
    assert where(md(text.replace("\n", "\r"))) == expected
    assert expected == [("x", 3, 3), ("y", 4, 4), ("z = 1", 6, 8), ("q = 2", 11, 12)]


def test_lists_quotes_and_headings_keep_line_numbers() -> None:
    text = "# Title $t$\n\n- item\n  with $a$\n- $b$\n\n> quoted\n> $c$\n\n1. $$d$$\n"
    assert where(md(text)) == [("t", 1, 1), ("a", 4, 4), ("b", 5, 5), ("c", 8, 8), ("d", 10, 10)]


def test_front_matter_and_reference_definitions_are_skipped() -> None:
    text = "---\ntitle: $x$\n---\n\n[a]: http://example.com \"$y$\"\n\nBody $z$.\n"
    assert where(md(text)) == [("z", 7, 7)]


def test_adjacent_display_blocks() -> None:
    text = "$$a = b$$\n\n$$= c$$\n<!-- note -->\n$$= d$$\n\nprose\n\n$$= e$$\n\n$x$\n\n$$f$$\n"
    blocks = md(text)
    assert [b.adjacent for b in blocks] == [False, True, True, False, False, False]


def test_wrapping_environment_of_a_display() -> None:
    blocks = md("$$\n\\begin{aligned} a &= b \\end{aligned}\n$$\n\n$$\\begin{cases} 1 \\end{cases} + 1$$\n")
    assert [b.env for b in blocks] == ["aligned", None]


def test_markdown_declarations() -> None:
    text = ("<!-- softsym: x y: positive -->\n\nText <!-- softsym: n: integer positive --> more.\n\n"
            "<!--\nsoftsym:\n  a: real\n  b: 0<b<1\n-->\n\n<!-- an ordinary comment with $m$ -->\n"
            "```\n<!-- softsym: not: this -->\n```\n")
    blocks, declarations = find_math(text, "markdown")
    assert blocks == []
    assert declarations == [Declaration("x y: positive", 1), Declaration("n: integer positive", 3),
                            Declaration("a: real; b: 0<b<1", 5)]


# -- LaTeX ------------------------------------------------------------------------------------------
LATEX = r"""\documentclass{article}
\newcommand{\half}{$\frac{1}{2}$}
% softsym: x: positive
\begin{document}
Inline $a = b$ and \(c < d\), money \$5, a comment % $e = f$
\[
g = h
\]
$$i = j$$
\begin{equation}
k = l \label{eq:k}
\end{equation}
\begin{align*}
m &= n \\
  &= o
\end{align*}
\begin{gather*} p = q \end{gather*}
\begin{multline}
r = s
\end{multline}
\begin{eqnarray}
t & = & u
\end{eqnarray}
\begin{verbatim}
$v = w$
\end{verbatim}
\section{On $\sigma$}
% softsym: n: integer positive
\end{document}
"""


def test_latex_delimiters_and_environments() -> None:
    blocks, declarations = find_math(LATEX, "latex")
    assert [(b.tex.strip(), b.line, b.end_line, b.display, b.env) for b in blocks] == [
        ("a = b", 5, 5, False, None), ("c < d", 5, 5, False, None), ("g = h", 6, 8, True, None),
        ("i = j", 9, 9, True, None), ("k = l \\label{eq:k}", 10, 12, True, "equation"),
        ("m &= n \\\\\n  &= o", 13, 16, True, "align"), ("p = q", 17, 17, True, "gather"),
        ("r = s", 18, 20, True, "multline"), ("t & = & u", 21, 23, True, "eqnarray"),
        ("\\sigma", 27, 27, False, None)]
    assert declarations == [Declaration("x: positive", 3), Declaration("n: integer positive", 28)]
    assert_lines_exact(LATEX, blocks)


def test_latex_crlf_and_no_document_environment() -> None:
    text = "A fragment $x$\n\\begin{align}\na &= b\n\\end{align}\n"
    expected = where(tex(text))
    assert expected == [("x", 1, 1), ("a &= b", 2, 4)]
    assert where(tex(text.replace("\n", "\r\n"))) == expected


def test_latex_adjacent_displays() -> None:
    text = "\\[ a = b \\]\n% a comment\n\\[ = c \\]\nso\n\\[ = d \\]\n"
    assert [b.adjacent for b in tex(text)] == [False, True, False]


def test_latex_other_verbatim_environments_are_skipped() -> None:
    text = "\\begin{lstlisting}\n$x = {$\n\\end{lstlisting}\nAfter $y$.\n"
    assert where(tex(text)) == [("y", 4, 4)]


# -- the seeds --------------------------------------------------------------------------------------
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.skipif(not SEED_FILES, reason="the seed documents are not on this machine")
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_seeds_extract_without_raising_and_lines_are_exact(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    blocks, _ = find_math(text, kind_of(str(path)))
    assert blocks
    assert [b.line for b in blocks] == sorted(b.line for b in blocks)
    assert_lines_exact(text, blocks)


def seed(prefix: str) -> list[MathBlock]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"), None)
    if path is None:
        pytest.skip("the seed documents are not on this machine")
    return md(path.read_text(encoding="utf-8"))


def test_seed_000_known_blocks() -> None:
    blocks = seed("000")
    assert MathBlock("1!", 9, 9, False, None) in blocks
    aligned = next(b for b in blocks if b.line == 126)
    assert aligned.display and aligned.env == "aligned" and aligned.tex.startswith("\\begin{aligned} P(y = p|x)")
    assert [b.tex for b in blocks if b.line == 280] == ["Z_{\\Phi} = 20 + 25 + 15 + 4", "= 64"]
    assert [(b.line, b.adjacent) for b in blocks if b.line in (202, 203)] == [(202, False), (203, True)]
    assert len(blocks) == 152


def test_seed_001_caret_fences_and_inline_code() -> None:
    blocks = seed("001")
    bernoulli = next(b for b in blocks if b.line == 78)
    assert (bernoulli.end_line, bernoulli.display, bernoulli.env) == (89, True, "^")
    assert bernoulli.tex.startswith("\\begin{aligned}\np(y;\\phi) &= \\phi^y(1-\\phi)^y \\\\\n")
    assert MathBlock("\\phi", 75, 75, False, "^") in blocks
    assert MathBlock("\\eta = \\theta^Tx", 68, 68, False, "^") in blocks
    assert next(b for b in blocks if b.display).line == 12
    assert len(blocks) == 43


def test_seed_002_math_inside_span_lines() -> None:
    blocks = seed("002")
    assert [b.tex for b in blocks if b.line == 11] == ["n", "n", "n"]  # the third one is inside <span>
    assert "\\log\\sum_j \\exp(z_j) \\approx \\max_j z_j = z_i" in [b.tex for b in blocks if b.line == 42]
    display = [(b.line, b.end_line) for b in blocks if b.display]
    assert display == [(15, 17), (23, 25), (29, 31), (36, 38), (46, 48), (61, 63), (67, 69)]


def test_seed_003_display_dollars_inside_paragraphs() -> None:
    blocks = seed("003")
    first = blocks[0]
    assert (first.tex, first.line, first.display) == ("\\sigma: \\mathbb{R}^{K} \\rightarrow(0,1)^{K}", 4, True)
    assert [b.env for b in blocks if b.line == 25 and b.display] == ["aligned"]


def test_seed_004_code_fences_hold_no_math() -> None:
    blocks = seed("004")
    assert not [b for b in blocks if 142 <= b.line <= 245]
    aligned = [(b.line, b.end_line, b.env) for b in blocks if b.env == "aligned"]
    assert aligned == [(57, 65, "aligned"), (69, 77, "aligned")]


# -- the sample documents ---------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "count", "declaration"), [
    ("softmax_notes.md", 26, Declaration("z: indexed, real; x y c: real; n: integer positive", 3)),
    ("sigmoid_zh.md", 13, Declaration("x: real; t: 0<t<1", 7)),
    ("exp_family.tex", 28, Declaration("phi: 0<phi<1; y: nonnegative; eta theta: real; mu: positive", 5)),
])
def test_sample_documents(name: str, count: int, declaration: Declaration) -> None:
    text = (DOCS / name).read_text(encoding="utf-8")
    blocks, declarations = find_math(text, kind_of(name))
    assert len(blocks) == count and declarations == [declaration]
    assert_lines_exact(text, blocks)


def test_sample_latex_skips_preamble_and_verbatim() -> None:
    blocks = tex((DOCS / "exp_family.tex").read_text(encoding="utf-8"))
    assert all(b.line > 10 for b in blocks)                     # \newcommand{\note}… holds $x = 1$
    assert not [b for b in blocks if "\\eta = 0" in b.tex]      # inside verbatim


# -- never raises -----------------------------------------------------------------------------------
PIECES = ["$", "$$", "\\", "(", ")", "[", "]", "{", "}", "`", "```", "```^", "^", "\n", "\r\n", " ", "a", "=",
          "&", "%", "<!--", "-->", "<span>", "</span>", "\\begin{align}", "\\end{align}", "\\[", "\\]", "> ",
          "- ", "    ", "\\begin{document}", "\\end{document}", "\\verb|", "|", "softsym:", "\t"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), st.sampled_from(["markdown", "latex"]))
def test_never_raises_and_lines_stay_in_the_document(text: str, kind: str) -> None:
    try:
        blocks, declarations = find_math(text, kind)  # type: ignore[arg-type]
    except UserError:  # only LaTeX pylatexenc cannot read at all
        assert kind == "latex"
        return
    count = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
    assert all(1 <= b.line <= b.end_line <= count for b in blocks)
    assert all(1 <= d.line <= count for d in declarations)
