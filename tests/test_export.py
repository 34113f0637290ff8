"""``softsym export latex``: the command, notebook display, and documents that pdflatex compiles.

The compile tests need pdflatex (``.ci/run`` installs it); without it they are skipped, never
silently passed. Golden files live in ``test_export_golden.py``.
"""
from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pytest
from sympy import Sum, exp

from softsym.cache import Cache
from softsym.cli import main
from softsym.dsl import DerivationBuilder, Source
from softsym.engine import DerivationResult, StepResult, check_all
from softsym.export.commands import export
from softsym.export.latex import latex_document
from softsym.export.notebook import DerivationView, show
from softsym.loader import default_path, load
from softsym.verdict import Counterexample, Status, Verdict

PDFLATEX = shutil.which("pdflatex")
needs_pdflatex = pytest.mark.skipif(PDFLATEX is None, reason="pdflatex is not installed (.ci/run installs TeX Live)")

WRONG_STEP = '''
from sympy import exp
from softsym.dsl import DerivationBuilder, Source
d = DerivationBuilder("wrong_step", title="A wrong step", source=Source("seed.txt", "§1"))
x = d.symbols("x", real=True)
d.eq(exp(x) * exp(x), exp(2 * x), why="e^x e^x = e^{2x}")
d.eq(exp(x) * exp(x), exp(x**2), why="not an erratum, yet wrong")
DERIVATION = d.build()
'''


def compile_latex(directory: Path, text: str) -> tuple[subprocess.CompletedProcess, str]:
    """Run pdflatex once on ``text``; returns the process and the log."""
    (directory / "doc.tex").write_text(text, encoding="utf-8")
    run = subprocess.run([PDFLATEX, "-interaction=nonstopmode", "-halt-on-error", "doc.tex"], cwd=directory,
                         capture_output=True, encoding="utf-8", errors="replace", timeout=300)
    return run, (directory / "doc.log").read_text(encoding="utf-8", errors="replace")


def assert_clean(run: subprocess.CompletedProcess, log: str) -> None:
    assert run.returncode == 0, log[-3000:]
    assert "Overfull" not in log, [line for line in log.splitlines() if "Overfull" in line]
    assert "Missing character" not in log


# -- the command --------------------------------------------------------------------------------
def test_export_writes_a_standalone_document(runner, tmp_path):
    out = tmp_path / "d.tex"
    r = runner.invoke(export, ["latex", "sigmoid_two_class_softmax", "-o", str(out)])
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith(r"\documentclass") and text.endswith("\\end{document}\n")
    assert r"\textbf{printed wrong}" in text and "Corrected in~(8)." in text


def test_export_is_registered_in_the_main_command(runner):
    r = runner.invoke(main, ["export", "latex", "sigmoid_two_class_softmax", "--fragment"])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("% softsym export") and r"\documentclass" not in r.output


def test_export_markdown(runner):
    r = runner.invoke(export, ["latex", "sigmoid_two_class_softmax", "--format", "markdown"])
    assert r.exit_code == 0, r.output
    assert r.output.startswith("# Verified derivations\n\n## Sigmoid is the two-class softmax")
    assert "$$" in r.output and "✘ **printed wrong**" in r.output


@pytest.mark.parametrize("args", [["latex", "nope"], ["latex", "all", "--path", "/no/such/dir"], ["latex"]],
                         ids=["unknown name", "bad path", "no names"])
def test_usage_errors_exit_2(runner, args):
    assert runner.invoke(export, args).exit_code == 2


def test_a_step_without_its_expected_verdict_is_marked_and_exits_1(runner, tmp_path):
    (tmp_path / "wrong.py").write_text(WRONG_STEP, encoding="utf-8")
    r = runner.invoke(export, ["latex", "all", "--path", str(tmp_path), "--no-cache", "--fragment"])
    assert r.exit_code == 1
    assert r"\textbf{refuted}" in r.output and "1 of 2 steps did not get the verdict they expect." in r.output
    assert "1 steps did not get their expected verdict" in r.stderr


# -- notebooks ------------------------------------------------------------------------------------
def test_a_derivation_displays_itself_in_a_notebook():
    derivations, _ = load(default_path())
    view = show(next(d for d in derivations if d.name == "sigmoid_two_class_softmax"))
    md = view._repr_markdown_()
    assert md.startswith("## Sigmoid is the two-class softmax") and "$$" in md and "printed wrong" in md
    assert repr(view) == "<DerivationView sigmoid_two_class_softmax: 12 of 12 steps as expected>"


def test_show_takes_a_check_result_without_checking_again():
    d = DerivationBuilder("tiny", title="Tiny", source=Source("seed.txt"))
    x = d.symbols("x", real=True)
    d.eq(exp(x) * exp(-x), 1, why="cancel")
    derivation = d.build()
    result = DerivationResult(derivation, (StepResult(derivation.steps[0], Verdict(Status.UNDECIDED, "none")),))
    view = show(result)
    assert isinstance(view, DerivationView) and "? **undecided**" in view._repr_markdown_()


# -- compiling ------------------------------------------------------------------------------------
@pytest.mark.slow
@needs_pdflatex
def test_the_whole_corpus_compiles_with_pdflatex_without_overfull_boxes(tmp_path, corpus_cache):
    derivations, errors = load(default_path())
    assert not errors
    results = check_all(derivations, jobs=2, timeout=30, cache=Cache(corpus_cache))
    run, log = compile_latex(tmp_path, latex_document(results))
    assert_clean(run, log)
    assert (tmp_path / "doc.pdf").stat().st_size > 50_000
    pdftotext = shutil.which("pdftotext")
    font = subprocess.run(["kpsewhich", "c70gbsn.fd"], capture_output=True, text=True).stdout.strip()
    if pdftotext and font:                      # with the CJK font installed, quotations are set, not elided
        text = subprocess.run([pdftotext, "doc.pdf", "-"], cwd=tmp_path, capture_output=True, text=True).stdout
        assert "逻辑回归的推导" in text


HOST = r"""\documentclass{book}
\usepackage{amsmath,amssymb,graphicx,xcolor}
\begin{document}
\chapter{Softmax}
Some text of the book.
\input{fragment}
\end{document}
"""


@needs_pdflatex
def test_a_fragment_compiles_inside_a_host_document(tmp_path):
    d = DerivationBuilder("fragment_test", title="σ(x) = 1/(1 + e^{−x})", source=Source("seed.txt", "§1 中文"))
    x = d.symbols("x", real=True)
    d.erratum(1 / (1 + exp(-x)), 1 / (1 + exp(x)), why="sign flipped", at="印刷错误")
    d.eq(1 / (1 + exp(-x)), 1 - 1 / (1 + exp(x)), why="σ(x) = 1 − σ(−x)")
    derivation = d.build()
    cex = Counterexample((("x", "1"),), "1/(exp(-1) + 1)", "1/(1 + E)")
    verdicts = [Verdict(Status.REFUTED, "numeric_counterexample", counterexample=cex), Verdict(Status.PROVED, "x")]
    result = DerivationResult(derivation, tuple(StepResult(s, v) for s, v in zip(derivation.steps, verdicts)))
    (tmp_path / "fragment.tex").write_text(latex_document([result], fragment=True), encoding="utf-8")
    run, log = compile_latex(tmp_path, HOST)
    assert_clean(run, log)


NASTY_CODE = """
def softmax(X):   # 50% & $5 # ~ \\ ^ _ { } | < > ' " ` 中文 ≠ ∑
    s = "{%s}" % '\\n'; t = `x` if False else None
    return np.exp(X) / np.exp(X).sum(axis=1, keepdims=True)  # """ + "a_very_long_run_without_spaces" * 6 + """

def f(X):
    return softmax(X)
"""


@needs_pdflatex
def test_float_claims_with_any_code_compile(tmp_path):
    from softsym import kernels
    d = DerivationBuilder("float_code", title="Code in IEEE floats", source=Source("seed.txt", "§2"))
    n = d.symbols("n", integer=True, positive=True)
    z = d.indexed("z", real=True)
    i, k = d.index("i", 1, n), d.symbols("k", integer=True)
    exact = exp(z[i]) / Sum(exp(z[k]), (k, 1, n))
    d.float_claim(NASTY_CODE.replace("`x`", "'x'"), exact, inputs=[z], entry=i, points=[[1166.02, -2785.15]],
                  search=False, erratum=True, why="NaN: inf/inf", at="§2 code")
    d.float_claim(kernels.softmax, exact, inputs=[z], entry=i, points=[[1166.02, -2785.15]], search=False,
                  why="max subtracted", added=True)
    cex = Counterexample((("z", "[1166.02, -2785.15]"), ("i", "1"), ("dtype", "float64")), "nan", "1.0")
    verdicts = [Verdict(Status.REFUTED, "float_evaluation", counterexample=cex),
                Verdict(Status.CHECKED_NUMERICALLY, "float_evaluation",
                        trace=("float64: 1 inputs, largest relative error 0", "float32: 1 inputs, largest relative error 0"))]
    derivation = d.build()
    result = DerivationResult(derivation, tuple(StepResult(s, v) for s, v in zip(derivation.steps, verdicts)))
    run, log = compile_latex(tmp_path, latex_document([result]))
    assert_clean(run, log)


NASTY = ["50% & $5 # ~ \\ ^ _ { } | < >", "e^x^2 and x__y and a^^b", "Σ_ and e^ at the end ^", "{unbalanced",
         "unbalanced} } }", "log(1 + (2 + (3", "))) ]]] x_i)", "Привет, мир 안녕 こんにちは 中文", "naïve café ŷ p̄ ã",
         "∮ ∯ ⊕ ⨁ 🙂 \u200b \u00a0 non-breaking", "“quotes” ‘single’ 'x' \"y\"", "x_{i_{j_{k}}} and 1{y=i}",
         "p(y;φ) = φ^y(1−φ)^{1−y} => ok", "—– … · × − ±", "a" * 300, "\\section{x} \\end{document}",
         "see https://example.org/a/very/long/path_with_underscores?x=1&y=2#fragment"]


@needs_pdflatex
def test_any_prose_and_any_name_compiles(tmp_path):
    rng = random.Random(20261122)
    alphabet = "abxyzXY019_^{}()[]|=<>+-*/.,;:!?'\"\\$%&#~§" + "αβΣφηθσ≤≥≠→∞∂·×−½ᵀ²₁ȳŷ中文概率" + "\u0301\u0302"
    def word() -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 10)))

    texts = NASTY + [" ".join(word() for _ in range(rng.randint(1, 12))) for _ in range(150)]
    d = DerivationBuilder("nasty_πρόζα", title=texts[0] + " " + texts[7], source=Source("seed_ü.txt", texts[12]))
    n = d.symbols("n", integer=True, positive=True)
    z = d.indexed("z_β", real=True)
    k = d.symbols("k", integer=True)
    w = d.symbols("ŵ_φ", real=True)
    for number, text in enumerate(texts):
        d.eq(Sum(exp(z[k]) * w, (k, 1, n)), w * Sum(exp(z[k]), (k, 1, n)), why=text, at=texts[-number - 1])
    derivation = d.build()
    verdict = Verdict(Status.PROVED, "sum_identities")
    result = DerivationResult(derivation, tuple(StepResult(s, verdict) for s in derivation.steps))
    run, log = compile_latex(tmp_path, latex_document([result]))
    assert_clean(run, log)
