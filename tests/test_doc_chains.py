"""softsym.doc.chains: the relations each math block states, pair by pair, with their lines."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from softsym.doc.chains import OPS, Relation, relations
from softsym.doc.extract import MathBlock, find_math, kind_of

SEEDS = Path(__file__).resolve().parents[1] / "derivations" / "sources"   # the five texts, vendored
DOCS = Path(__file__).parent / "docs"


def rels(tex: str, *, display: bool = True, line: int = 1) -> list[tuple[str, str, str]]:
    return [(r.lhs, r.op, r.rhs) for r in relations([block(tex, display=display, line=line)])]


def block(tex: str, *, display: bool = True, line: int = 1, adjacent: bool = False) -> MathBlock:
    return MathBlock(tex, line, line + tex.count("\n"), display, None, adjacent=adjacent)


def of_markdown(text: str) -> list[Relation]:
    return relations(find_math(text, "markdown")[0])


# -- chains -----------------------------------------------------------------------------------------
def test_a_chain_gives_consecutive_pairs() -> None:
    found = relations([block("a = b = c")])
    assert [(r.lhs, r.op, r.rhs, r.chained) for r in found] == [("a", "==", "b", False), ("b", "==", "c", True)]
    assert [r.tex for r in found] == ["a = b", "b = c"]


def test_aligned_rows_continue_from_the_right_side() -> None:
    tex = "\\begin{aligned}\nf(x) &= (x+1)^2 \\\\\n     &= x^2 + 2x + 1 \\\\\ng(x) &= 0\n\\end{aligned}"
    found = relations([block(tex, line=10)])
    assert [(r.lhs, r.rhs, r.chained, r.line) for r in found] == [
        ("f(x)", "(x+1)^2", False, 11), ("(x+1)^2", "x^2 + 2x + 1", True, 12), ("g(x)", "0", False, 13)]
    assert [r.tex for r in found] == ["f(x) &= (x+1)^2", "&= x^2 + 2x + 1", "g(x) &= 0"]


def test_a_lone_row_is_the_left_side_of_the_rows_below() -> None:
    tex = "\\begin{aligned}\nh(x) \\\\\n&= \\frac{1}{1+e^{-x}} \\\\\n&= \\sigma(x)\n\\end{aligned}"
    found = relations([block(tex)])
    assert [(r.lhs, r.rhs, r.chained, r.line) for r in found] == [
        ("h(x)", "\\frac{1}{1+e^{-x}}", False, 3), ("\\frac{1}{1+e^{-x}}", "\\sigma(x)", True, 4)]


def test_prose_rows_break_the_chain() -> None:
    tex = "\\begin{aligned}\na &= b \\\\\nthus,\\\\\n&= c \\\\\n\\intertext{so}\n&= d\n\\end{aligned}"
    assert rels(tex) == [("a", "==", "b")]


def test_mixed_inequalities_and_equalities_stay_pairs() -> None:
    tex = "\\begin{align} a &\\le b + 1 \\\\ &= c \\\\ &< d \\\\ &\\geq e \\\\ &> f \\\\ &\\ne g \\end{align}"
    assert [op for _, op, _ in rels(tex)] == ["<=", "==", "<", ">=", ">", "!="]
    assert rels("x \\leq y \\leqslant z \\geqslant w")[1] == ("y", "<=", "z")


def test_gather_rows_and_eqnarray_alignment() -> None:
    assert rels("\\begin{gather} a = b \\\\ c = d \\end{gather}") == [("a", "==", "b"), ("c", "==", "d")]
    assert rels("\\begin{array}{rcl} a & = & b \\\\ & = & c \\end{array}") == [("a", "==", "b"), ("b", "==", "c")]


# -- what is not split -------------------------------------------------------------------------------
@pytest.mark.parametrize(("tex", "lhs", "rhs"), [
    ("\\sum_{i=1}^n x_i = S", "\\sum_{i=1}^n x_i", "S"),
    ("\\sum_{k \\ne t} p_k = 1 - p_t", "\\sum_{k \\ne t} p_k", "1 - p_t"),
    ("\\lim_{T \\to \\infty} f(T) = 0", "\\lim_{T \\to \\infty} f(T)", "0"),
    ("\\max_{1 \\le i \\le n} z_i = m", "\\max_{1 \\le i \\le n} z_i", "m"),
    ("\\mathbb{1}\\{y = k\\} = \\delta_{yk}", "\\mathbb{1}\\{y = k\\}", "\\delta_{yk}"),
    ("\\phi^{1 \\left\\{ y=1 \\right\\}} = q", "\\phi^{1 \\left\\{ y=1 \\right\\}}", "q"),
    ("P(y = 1 \\mid x) = \\sigma(z)", "P(y = 1 \\mid x)", "\\sigma(z)"),
    ("[a = b] = c", "[a = b]", "c"),
    ("\\frac{a}{b = c} = d", "\\frac{a}{b = c}", "d"),
    ("f = \\begin{cases} 1, & x = 0 \\\\ 0, & x \\ne 0 \\end{cases}",
     "f", "\\begin{cases} 1, & x = 0 \\\\ 0, & x \\ne 0 \\end{cases}"),
    ("\\left\\langle x, y \\right\\rangle = \\text{a=b}", "\\left\\langle x, y \\right\\rangle", "\\text{a=b}"),
    ("\\lim_{x \\to 0} e^{x} = 1", "\\lim_{x \\to 0} e^{x}", "1"),
])
def test_operators_inside_groups_scripts_and_limits_are_not_split(tex: str, lhs: str, rhs: str) -> None:
    assert rels(tex) == [(lhs, "==", rhs)]


def test_factorial_then_equals_is_not_not_equal() -> None:
    assert rels("3!=6") == [("3!", "==", "6")]


# -- operators ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("tex", "op"), [
    ("x := 1", ":="), ("x \\coloneqq 1", ":="), ("x \\triangleq 1", ":="), ("x \\stackrel{\\text{def}}{=} 1", ":="),
    ("x \\equiv 1", "=="), ("x \\overset{(1)}{=} 1", "=="), ("x \\approx 1", "approx"), ("x \\simeq 1", "approx"),
    ("x \\propto 1", "propto"), ("x \\neq 1", "!="), ("x \\not= 1", "!="), ("x <= 1", "<="), ("x >= 1", ">="),
    ("x ≤ 1", "<="), ("x \\lt 1", "<"), ("x \\gt 1", ">"),
])
def test_relation_operators(tex: str, op: str) -> None:
    assert rels(tex) == [("x", op, "1")]


def test_implies_separates_two_relations() -> None:
    tex = "\\eta = log(\\frac{\\phi}{1-\\phi}) => \\phi = 1 / (1 + e^\\eta)"
    found = relations([block(tex)])
    assert [(r.lhs, r.op, r.rhs, r.chained) for r in found] == [
        ("\\eta", "==", "log(\\frac{\\phi}{1-\\phi})", False),
        ("\\eta = log(\\frac{\\phi}{1-\\phi})", "implies", "\\phi = 1 / (1 + e^\\eta)", False),
        ("\\phi", "==", "1 / (1 + e^\\eta)", False)]
    for arrow in ("\\Rightarrow", "\\implies", "\\Longrightarrow", "\\iff"):
        assert [op for _, op, _ in rels(f"a = b {arrow} c < d")] == ["==", "implies", "<"]


def test_arrows_are_not_relations() -> None:
    assert rels("x \\rightarrow y") == [] and rels("f: X \\to Y") == [] and rels("a -> b") == []


# -- what sides lose ---------------------------------------------------------------------------------
def test_tags_labels_and_numbering_are_removed() -> None:
    tex = "\\begin{align} a &= b \\tag{1} \\label{eq:a} \\\\ &= c \\nonumber \\\\ &= d \\notag \\end{align}"
    assert rels(tex) == [("a", "==", "b"), ("b", "==", "c"), ("c", "==", "d")]


@pytest.mark.parametrize("tail", [",", ".", ";", "\\,", "\\;", "\\quad", ",\\quad", "\\checkmark", ". \\qquad",
                                  "\\quad (3)", "\\quad \\text{(by (1))}", "\\text{ by the chain rule}"])
def test_trailing_punctuation_spacing_and_justifications_are_removed(tail: str) -> None:
    assert rels(f"a + b = c {tail}") == [("a + b", "==", "c")]


def test_ellipsis_and_decimals_survive_trimming() -> None:
    assert rels("s = a_1 + \\dots + a_n") == [("s", "==", "a_1 + \\dots + a_n")]
    assert rels("s = a_1 + ...") == [("s", "==", "a_1 + ...")]


def test_conditions_are_dropped() -> None:
    assert rels("P(y) = \\frac{e^{y}}{Z} \\text{ for } y = a, b, c") == [("P(y)", "==", "\\frac{e^{y}}{Z}")]
    assert rels("f(x+c) = f(x) \\quad \\forall c \\in \\mathbb{R}") == [("f(x+c)", "==", "f(x)")]
    assert rels("f(x) = \\log x, \\; x > 0") == [("f(x)", "==", "\\log x")]
    assert rels("f(x + c) = f(x), c \\in \\mathbb{R}") == [("f(x + c)", "==", "f(x)")]
    assert rels("&\\text{if } i = j: \\frac{\\partial y_i}{\\partial z_i} = y_i(1 - y_i)") == [
        ("\\frac{\\partial y_i}{\\partial z_i}", "==", "y_i(1 - y_i)")]


def test_statements_separated_by_quad_commas_and_words() -> None:
    assert rels("x = 1, \\quad y = 2") == [("x", "==", "1"), ("y", "==", "2")]
    assert rels("x = 1, y = 2") == [("x", "==", "1"), ("y", "==", "2")]
    assert rels("a = b \\quad\\text{and}\\quad c = d") == [("a", "==", "b"), ("c", "==", "d")]
    assert rels("y = a, b, c") == [("y", "==", "a, b, c")]
    assert rels("a = b \\quad = c") == [("a", "==", "b"), ("b", "==", "c")]


def test_a_word_in_text_is_part_of_the_expression() -> None:
    assert rels("\\text{softmax}(z)_i = \\frac{e^{z_i}}{Z}") == [("\\text{softmax}(z)_i", "==", "\\frac{e^{z_i}}{Z}")]


def test_continuation_rows_are_joined() -> None:
    tex = "\\begin{multline} a = b + c \\\\ + d + e \\\\ = f \\end{multline}"
    assert rels(tex) == [("a", "==", "b + c + d + e"), ("b + c + d + e", "==", "f")]
    tex = "\\begin{aligned} h &= [ \\\\ & u, \\\\ & v ] \\\\ &= w \\end{aligned}"
    assert rels(tex) == [("h", "==", "[ u, v ]"), ("[ u, v ]", "==", "w")]


# -- across blocks, and lines ------------------------------------------------------------------------
def test_a_chain_continues_into_the_next_display() -> None:
    text = "$$\n\\frac{e^{a}}{e^{a}+e^{b}} = \\frac{1}{1+e^{b-a}}\n$$\n\n$$\n= \\sigma(a-b).\n$$\n"
    found = of_markdown(text)
    assert [(r.lhs, r.rhs, r.chained, r.line, r.tex) for r in found] == [
        ("\\frac{e^{a}}{e^{a}+e^{b}}", "\\frac{1}{1+e^{b-a}}", False, 2, "\\frac{e^{a}}{e^{a}+e^{b}} = \\frac{1}{1+e^{b-a}}"),
        ("\\frac{1}{1+e^{b-a}}", "\\sigma(a-b)", True, 6, "= \\sigma(a-b)")]


@pytest.mark.parametrize("between", ["\n\nSo we get\n\n", "\n\n- item\n\n", "\n\n$x$\n\n"])
def test_prose_between_displays_breaks_the_chain(between: str) -> None:
    text = f"$$a = b$${between}$$= c$$\n"
    assert [(r.lhs, r.rhs) for r in of_markdown(text)] == [("a", "b")]


def test_inline_math_never_continues() -> None:
    assert [(r.lhs, r.rhs) for r in of_markdown("$a = b$ and $= c$, $$= d$$\n")] == [("a", "b")]


def test_line_numbers_per_row() -> None:
    text = ("Intro\n\n$$\n\\begin{aligned}\np(y) &= \\phi^y (1-\\phi)^{1-y} \\\\\n"
            "     &= \\exp\\left(y \\log \\phi\n        + (1-y) \\log(1-\\phi)\\right)\n\\end{aligned}\n$$\n")
    found = of_markdown(text)
    assert [(r.line, r.end_line) for r in found] == [(5, 5), (6, 7)]


def test_latex_rows_have_document_lines() -> None:
    text = "\\begin{document}\nText.\n\\begin{align}\n  a &= b \\\\\n    &\\le c\n\\end{align}\n\\end{document}\n"
    found = relations(find_math(text, "latex")[0])
    assert [(r.lhs, r.op, r.rhs, r.line) for r in found] == [("a", "==", "b", 4), ("b", "<=", "c", 5)]


# -- the seeds and the sample documents --------------------------------------------------------------
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.skipif(not SEED_FILES, reason="the seed documents are not on this machine")
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_relations_are_found_without_raising(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = relations(find_math(text, kind_of(str(path)))[0])
    lines = text.split("\n")
    assert found and all(r.op in OPS and r.lhs and r.rhs for r in found)
    assert all(1 <= r.line <= r.end_line <= len(lines) for r in found)


def seed_relations(prefix: str) -> list[Relation]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"), None)
    if path is None:
        pytest.skip("the seed documents are not on this machine")
    return of_markdown(path.read_text(encoding="utf-8"))


def test_seed_001_bernoulli_block() -> None:
    found = [r for r in seed_relations("001") if 78 <= r.line <= 89]
    assert [(r.line, r.op, r.chained) for r in found] == [
        (79, "==", False), (80, "==", True), (81, "==", True), (83, "==", False), (84, "==", False),
        (85, "==", False), (85, "implies", False), (85, "==", False), (86, "==", False), (87, "==", True)]
    assert (found[6].lhs, found[7].lhs, found[7].rhs) == (
        "\\eta = log(\\frac{\\phi}{1-\\phi})", "\\phi", "1 / (1 + e^\\eta)")


def test_seed_004_lone_first_row_then_equals_rows() -> None:
    found = [r for r in seed_relations("004") if 57 <= r.line <= 65]
    assert [(r.line, r.chained) for r in found] == [(60, False), (61, True), (62, True), (63, True)]
    assert found[0].lhs == "\\frac{\\partial p_i}{\\partial x_j}" and found[-1].rhs == "p_i - p_i^{2}"


def test_seed_000_condition_and_equation_number() -> None:
    found = seed_relations("000")
    assert [(r.lhs, r.rhs) for r in found if r.line == 110] == [
        ("P(y|x)", "\\frac{e^{\\bar{y}}}{\\sum_y e^{\\bar{y}}}")]
    assert [r.rhs for r in found if r.line == 162][-1].endswith("_{\\bar{y}}}}")  # "\quad (1)" dropped
    assert [(r.lhs, r.rhs) for r in found if r.line == 78] == [
        ("\\frac{5}{21} + \\frac{7}{21} + \\frac{9}{21}", "1")]  # \checkmark dropped


SAMPLES = [("softmax_notes.md", 28), ("sigmoid_zh.md", 12), ("exp_family.tex", 21)]


@pytest.mark.parametrize(("name", "count"), SAMPLES)
def test_sample_documents_relations_and_planted_lines(name: str, count: int) -> None:
    text = (DOCS / name).read_text(encoding="utf-8")
    found = relations(find_math(text, kind_of(name))[0])
    assert len(found) == count
    planted = [int(n) for n in re.findall(r"planted: line (\d+)", text)]
    assert len(planted) == (3 if name == "softmax_notes.md" else 2)
    for line in planted:  # exactly one relation on each planted line, and it is a checked one
        on_line = [r for r in found if r.line == line]
        assert len(on_line) == 1 and on_line[0].op in ("==", "<=", "<", ">=", ">"), (name, line)


# -- never raises ------------------------------------------------------------------------------------
PIECES = ["a", "b", "=", "&=", "\\le", "<", ">", "=>", "\\Rightarrow", ":=", "\\\\", "&", "{", "}", "(", ")",
          "[", "]", "\\{", "\\}", "\\left(", "\\right)", "_", "^", ",", ":", "\\quad", "\\text{for }",
          "\\text{and}", "\\forall", "\\in", "\\begin{aligned}", "\\end{aligned}", "\\begin{cases}",
          "\\end{cases}", "\\tag{1}", "%", "\n", " ", "+", "-", "\\intertext{so}", "\\stackrel{def}{=}"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.booleans())
def test_relations_never_raise(tex: str, display: bool) -> None:
    blocks = [block(tex, display=display, line=3), block(tex, display=display, line=9, adjacent=True)]
    for r in relations(blocks):
        assert r.op in OPS and r.lhs and r.rhs
        assert 3 <= r.line <= r.end_line <= 9 + tex.count("\n")


@pytest.mark.parametrize("tex, claims, after", [
    ("\\tilde{a} = -5 \\rightarrow e^{-5}", [("\\tilde{a}", "==", "-5")], []),
    ("z = (z_1, z_2) \\rightarrow z = (z_1 + 1, z_2 + 1)", [("z", "==", "(z_1, z_2)")],
     [("z", "==", "(z_1 + 1, z_2 + 1)")]),
    ("e^{x} \\to 0 = y", [], [("0", "==", "y")]),
    ("x \\mapsto y = 2", [], [("y", "==", "2")]),
])
def test_what_follows_a_top_level_arrow_is_marked_and_never_a_claim(tex, claims, after) -> None:
    found = relations([block(tex)])
    assert [(r.lhs, r.op, r.rhs) for r in found if not r.after_arrow] == claims
    assert [(r.lhs, r.op, r.rhs) for r in found if r.after_arrow] == after


@pytest.mark.parametrize("tex, conditions", [
    ("\\text{if } i \\neq j: \\frac{\\partial p_i}{\\partial z_j} = -p_i p_j", ["i \\neq j"]),
    ("\\sigma(x) \\le \\frac{1}{2} + \\frac{x}{4} \\quad \\text{for } x \\ge 0", ["x \\ge 0"]),
    ("|x| = x \\text{ if } x \\ge 0", ["x \\ge 0"]),
    ("a = b = c \\quad \\text{for all } x > 0", ["x > 0", "x > 0"]),
    ("f(x) = 0 \\quad \\text{unless } x = 1", ["?unless x = 1"]),
    ("f(x) = 0 \\quad \\text{for some } x", ["?for some x"]),
    ("a = b \\quad \\text{by (1)}", [""]),                          # a justification, not a condition
    ("f(x) = g(x), c \\in (0, 1)", ["c \\in (0, 1)"]),
])
def test_a_condition_written_in_the_row_governs_its_relations(tex, conditions) -> None:
    assert [r.condition for r in relations([block(tex)])] == conditions
