"""Export: golden LaTeX/Markdown for three derivations (one with errata), and the whole corpus
compiles with pdflatex.  Regenerate the golden files with ``SOFTSYM_REGENERATE_GOLDEN=1``."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from softsym.cli import main
from softsym.engine import check_all
from softsym.export.latex import latex_document
from softsym.export.markdown import markdown_document
from softsym.export.notebook import show
from softsym.export.text import tex_text
from softsym.loader import default_path, load

GOLDEN = Path(__file__).parent / "golden" / "export"
PINNED = ["sigmoid_two_class_softmax", "bernoulli_exponential_family", "softmax_jacobian_003"]


@pytest.fixture(scope="module")
def corpus_results():
    derivations, errors = load(default_path())
    assert not errors
    return check_all(derivations, jobs=2, timeout=30)


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("SOFTSYM_REGENERATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}: run with SOFTSYM_REGENERATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", PINNED)
def test_latex_of_a_derivation_matches_its_golden_file(corpus_results, name):
    result = [r for r in corpus_results if r.derivation.name == name]
    _golden(f"{name}.tex", latex_document(result, fragment=True))


def test_markdown_matches_its_golden_file(corpus_results):
    result = [r for r in corpus_results if r.derivation.name == "sigmoid_two_class_softmax"]
    _golden("sigmoid_two_class_softmax.md", markdown_document(result))


def test_an_erratum_is_marked_with_its_counterexample_and_correction(corpus_results):
    result = [r for r in corpus_results if r.derivation.name == "sigmoid_two_class_softmax"]
    tex = latex_document(result, fragment=True)
    assert r"\textbf{printed wrong}" in tex
    assert "Counterexample: p = 0, q = 0: left side 1/2, right side 0." in tex
    assert "Corrected in (8)." in tex


def test_text_stays_ascii_and_latex_safe():
    out = tex_text("单调性：p_i > p_j ⟺ x_i > x_j, 50% & e^ȳ")
    assert out.isascii()
    assert out.startswith(r"[\dots] p\_i \textgreater{} p\_j \ensuremath{\iff}")
    assert r"50\% \& e\textasciicircum{}y" in out


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="pdflatex is not installed (.ci/run installs it)")
def test_the_whole_corpus_compiles_with_pdflatex_without_overfull_boxes(corpus_results, tmp_path):
    (tmp_path / "corpus.tex").write_text(latex_document(corpus_results), encoding="utf-8")
    run = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "corpus.tex"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    log = (tmp_path / "corpus.log").read_text(errors="replace")
    assert run.returncode == 0, log[-3000:]
    assert "Overfull" not in log
    assert (tmp_path / "corpus.pdf").stat().st_size > 10_000


def test_export_command_writes_a_standalone_document(runner, tmp_path):
    out = tmp_path / "d.tex"
    r = runner.invoke(main, ["export", "latex", "sigmoid_two_class_softmax", "-o", str(out)])
    assert r.exit_code == 0, r.output
    text = out.read_text()
    assert text.startswith(r"\documentclass") and text.rstrip().endswith(r"\end{document}")


def test_export_unknown_name_is_a_usage_error(runner):
    assert runner.invoke(main, ["export", "latex", "nope"]).exit_code == 2


def test_notebook_view_renders_markdown(corpus_results):
    derivations, _ = load(default_path())
    view = show(next(d for d in derivations if d.name == "sigmoid_two_class_softmax"))
    md = view._repr_markdown_()
    assert md.startswith("## Sigmoid is the two-class softmax") and "$$" in md
