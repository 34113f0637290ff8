"""Quotations are the sources' own text, checked mechanically; derivations come in source order."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from softsym.cli import main
from softsym.dsl import DerivationBuilder, Source
from softsym.loader import default_path, load
from softsym.sources import SOURCES_ENV, normalize, quote_problem, read_source

BUNDLED = default_path()
SIGMOID = "sigmoid_two_class_softmax.py"
PRINTED = r'quote=r"&= \frac{1}{1 + e^{\bar{q} - \bar{p}}}"'       # 000 line 126, the aligned chain's last line


# -- normalization: what never changes the printed text ------------------------------------------------
@pytest.mark.parametrize("written, printed", [
    ("a + b", "a+b"),
    ("P(y|x)\n  = 1", "P(y|x) = 1"),
    (r"e^{\left(\sum_i w_i\right)}", r"e^{(\sum_i w_i)}"),
    (r"a\,b\;c\!d\quad e\qquad f\:g", "abcdefg"),
    (r"x \\ &= y", r"x\\&=y"),                       # a line break is kept whole
    (r"p(y)\ \ \ j", "p(y)j"),                       # control spaces go
], ids=["spaces", "line-breaks", "left-right", "spacing-commands", "line-break-kept", "control-space"])
def test_normalize_ignores_spacing_only(written, printed):
    assert normalize(written) == normalize(printed)


@pytest.mark.parametrize("different", [r"\leftarrow x", r"\rightarrow x", r"\quadrant"], ids=["leftarrow", "rightarrow",
                                                                                          "quadrant"])
def test_normalize_keeps_commands_that_only_start_like_spacing(different):
    assert normalize(different).startswith("\\")


def test_locate_gives_the_lines_of_a_quotation_across_line_breaks(tmp_path):
    text = tmp_path / "t.txt"
    text.write_text("title\n\n$$\\begin{aligned} a &= b \\\\\n &= c \\end{aligned}$$\nend\n", encoding="utf-8")
    source = read_source(text)
    assert source.locate("a &= b \\\\ &= c") == (3, 4)
    assert source.locate("title") == (1, 1)
    assert source.locate("a = c") is None


# -- the bundled corpus --------------------------------------------------------------------------------
def test_every_bundled_step_quotes_its_source_or_is_marked_added():
    derivations, errors = load(BUNDLED)
    assert not errors
    problems = [p for d in derivations for s in d.steps if (p := quote_problem(d, s))]
    assert problems == []
    quoting = [s for d in derivations for s in d.steps if s.source.quote]
    assert len(quoting) > 250 and all(s.source.lines for s in quoting)


def test_the_seeds_are_vendored_beside_the_derivations():
    names = sorted(p.name for p in (BUNDLED / "sources").glob("*.txt"))
    assert [n[:3] for n in names] == ["000", "001", "002", "003", "004"]


def _corpus_copy(tmp_path: Path, *files: str) -> Path:
    shutil.copytree(BUNDLED / "sources", tmp_path / "sources")
    for f in files:
        shutil.copy(BUNDLED / f, tmp_path / f)
    return tmp_path


def test_a_quote_changed_by_one_character_fails_with_the_file_and_line_of_the_quote(runner, tmp_path):
    corpus = _corpus_copy(tmp_path, SIGMOID)
    derivation = corpus / SIGMOID
    text = derivation.read_text(encoding="utf-8")
    assert text.count(PRINTED) == 1
    derivation.write_text(text.replace(PRINTED, PRINTED.replace("1 + e", "2 + e")), encoding="utf-8")
    line = next(n for n, ln in enumerate(derivation.read_text(encoding="utf-8").splitlines(), 1) if "{2 + e" in ln)

    r = runner.invoke(main, ["check", "all", "--path", str(corpus), "--quiet"])
    assert r.exit_code == 1, r.output
    assert f"{SIGMOID}:{line}: the quotation is not in " in r.output
    assert "sources/000_cfcfa902fa46fb0a.txt" in r.output
    assert "1 failed" in r.output

    derivation.write_text(text, encoding="utf-8")          # the printed text again: the run passes
    r = runner.invoke(main, ["check", "all", "--path", str(corpus), "--quiet"])
    assert r.exit_code == 0, r.output


def _tiny(tmp_path: Path, step: str, source: str = 'Source("000_cfcfa902fa46fb0a.txt", "§3.5")') -> Path:
    (tmp_path / "tiny.py").write_text(
        "from sympy import exp\nfrom softsym.dsl import DerivationBuilder, Source\n"
        f"d = DerivationBuilder('tiny', title='t', source={source})\n"
        "p, q = d.symbols('p q', real=True)\n"
        f"{step}\n", encoding="utf-8")
    return tmp_path


def test_a_step_that_cites_a_found_text_but_quotes_nothing_fails(runner, tmp_path):
    corpus = _tiny(_corpus_copy(tmp_path), "d.eq(exp(p) * exp(q), exp(p + q), why='exp of a sum')")
    r = runner.invoke(main, ["check", "all", "--path", str(corpus), "--quiet"])
    assert r.exit_code == 1
    assert "tiny.py:5: the step cites 000_cfcfa902fa46fb0a.txt but quotes nothing" in r.output


def test_added_material_needs_no_quotation_and_says_so(runner, tmp_path):
    corpus = _tiny(_corpus_copy(tmp_path), "d.eq(exp(p) * exp(q), exp(p + q), why='exp of a sum', added=True)")
    r = runner.invoke(main, ["check", "all", "--path", str(corpus), "--quiet", "--format", "json"])
    assert r.exit_code == 0, r.output
    assert "added by softsym (000_cfcfa902fa46fb0a.txt)" in r.output


def test_a_quoting_step_whose_text_is_nowhere_fails_and_names_the_variable(runner, tmp_path):
    corpus = _tiny(tmp_path, "d.eq(exp(p) * exp(q), exp(p + q), why='w', quote='e^{p+q}')",
                   source='Source("missing.txt", "§1")')
    r = runner.invoke(main, ["check", "all", "--path", str(corpus), "--quiet"])
    assert r.exit_code == 1
    assert "the source text missing.txt is not found" in r.output and SOURCES_ENV in r.output


def test_sources_may_live_elsewhere(runner, tmp_path, monkeypatch):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "notes.txt").write_text("We know that $e^{p+q} = e^p e^q$.\n", encoding="utf-8")
    (tmp_path / "ders").mkdir()
    corpus = _tiny(tmp_path / "ders", "d.eq(exp(p) * exp(q), exp(p + q), why='w', quote='e^{p+q} = e^p e^q')",
                   source='Source("notes.txt", "§1")')
    monkeypatch.setenv(SOURCES_ENV, str(texts))
    r = runner.invoke(main, ["check", "all", "--path", str(corpus), "--quiet", "--format", "json"])
    assert r.exit_code == 0, r.output
    assert "notes.txt:1 " in r.output


def test_derivations_without_source_texts_are_unaffected(runner, tmp_path):
    corpus = _tiny(tmp_path, "d.eq(exp(p) * exp(q), exp(p + q), why='w', at='eq. 3')", source='Source("s.txt", "§2")')
    r = runner.invoke(main, ["check", "all", "--path", str(corpus), "--quiet"])
    assert r.exit_code == 0, r.output


# -- order: the sources' order, not the alphabet ---------------------------------------------------------
def test_list_presents_derivations_in_source_order(runner):
    r = runner.invoke(main, ["list"])
    assert r.exit_code == 0
    names = [line.split()[0] for line in r.output.splitlines() if line and not line.startswith(" ")]
    texts = [re.search(r"\b(00[0-4])_", line).group(1) for line in r.output.splitlines()
             if line and not line.startswith(" ")]
    assert texts == sorted(texts)                                      # 000 → 004
    order = names.index
    assert order("normalize_scores_by_sum") == 0                      # §3.1–3.3 opens the first text
    assert order("negative_scores_break_sum_normalization") < order("sigmoid_two_class_softmax") \
        < order("gibbs_partition_function_table") < order("crf_label_sequences_forward_partition")
    assert order("gaussian_exponential_family") < order("bernoulli_exponential_family") \
        < order("multinomial_exponential_family") < order("multinomial_softmax_response")
    assert order("softmax_jacobian_003") < order("softmax_monotone_invariant") < order("softmax_jacobian_004")
    assert names != sorted(names)


def test_check_and_export_follow_the_same_order(runner, tmp_path):
    corpus = _corpus_copy(tmp_path, SIGMOID, "softmax_jacobian.py")
    r = runner.invoke(main, ["check", "all", "--path", str(corpus), "--quiet"])
    assert r.exit_code == 0, r.output
    shown = [line.split()[1] for line in r.output.splitlines() if line.startswith("ok ")]
    assert shown == ["sigmoid_two_class_softmax", "softmax_jacobian_003", "softmax_jacobian_004"]
    r = runner.invoke(main, ["export", "latex", "all", "--path", str(corpus), "--format", "markdown"])
    assert r.exit_code == 0, r.output
    headings = [line for line in r.output.splitlines() if line.startswith("`")]
    assert [h.split("`")[1] for h in headings] == shown


def test_export_title_and_author_are_options(runner, tmp_path):
    corpus = _tiny(tmp_path, "d.eq(exp(p) * exp(q), exp(p + q), why='w')", source='Source("s.txt", "§2")')
    r = runner.invoke(main, ["export", "latex", "all", "--path", str(corpus), "--title", "Softmax & friends",
                             "--author", "A. Reader"])
    assert r.exit_code == 0, r.output
    assert r"\title{Softmax \& friends}" in r.output and r"\author{A. Reader}" in r.output
    r = runner.invoke(main, ["export", "latex", "all", "--path", str(corpus)])
    assert r"\title{Verified derivations}" in r.output and r"\author{checked by softsym " in r.output
    r = runner.invoke(main, ["export", "latex", "all", "--path", str(corpus), "--format", "markdown",
                             "--title", "My notes", "--author", "A. Reader"])
    assert r.output.startswith("# My notes\n\nA. Reader\n\n## ")


def test_a_source_str_names_the_lines_of_its_quotation():
    assert str(Source("000.txt", "§3.5", "x", (126, 126))) == "000.txt:126 §3.5"
    assert str(Source("000.txt", "§3.5", "x", (79, 80))) == "000.txt:79-80 §3.5"
    assert str(Source.added("stable forms")) == "added by softsym: stable forms"
    d = DerivationBuilder("t", title="t", source=Source.added("stable", file="002.txt"))
    p = d.symbols("p", real=True)
    step = d.eq(p, p, why="w")
    assert step.source.is_added and str(step.source) == "added by softsym (002.txt): stable"
