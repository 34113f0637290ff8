"""Golden files for the export: the LaTeX and Markdown users paste into papers and pages.

Four corpus derivations are checked for real (two with printed errors); a synthetic derivation
gets fake verdicts so that every mark (proved for n ≤ N, undecided, timeout, error, a refuted
step, an erratum that was not refuted) is pinned without running the prover.

Regenerate after an intended change, then read the diff:

    SOFTSYM_REGENERATE_GOLDEN=1 python -m pytest tests/test_export_golden.py
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from sympy import Add, Derivative, Ne, Rational, Sum, exp, log, oo

from softsym.dsl import Derivation, DerivationBuilder, Source
from softsym.engine import DerivationResult, StepResult, check_derivation
from softsym.export.latex import derivation_latex, latex_document
from softsym.export.markdown import markdown_document
from softsym.loader import default_path, load
from softsym.verdict import Counterexample, Status, Verdict

GOLDEN = Path(__file__).parent / "golden" / "export"
REGENERATE = bool(os.environ.get("SOFTSYM_REGENERATE_GOLDEN"))
PINNED = ["sigmoid_two_class_softmax", "bernoulli_exponential_family", "softmax_jacobian_003",
          "softmax_saturation_limits"]


def assert_golden(name: str, text: str) -> None:
    """Compare with ``tests/golden/export/NAME`` (or write it, when regenerating)."""
    path = GOLDEN / name
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}: run with SOFTSYM_REGENERATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{path} differs; if the change is intended, regenerate (see this module's docstring)"


@pytest.fixture(scope="module")
def corpus() -> dict[str, Derivation]:
    derivations, _ = load(default_path())
    return {d.name: d for d in derivations}


@pytest.mark.parametrize("name", PINNED)
def test_latex_of_a_corpus_derivation_matches_its_golden_file(corpus, name):
    assert_golden(f"{name}.tex", derivation_latex(check_derivation(corpus[name], 30)))


def test_markdown_of_a_derivation_with_an_erratum_matches_its_golden_file(corpus):
    result = check_derivation(corpus["sigmoid_two_class_softmax"], 30)
    assert_golden("sigmoid_two_class_softmax.md", markdown_document([result]))


# -- a synthetic derivation with every kind of mark --------------------------------------------
def synthetic() -> DerivationResult:
    """A derivation exercising notation and prose, with verdicts given rather than computed."""
    d = DerivationBuilder("golden_synthetic_φ", title="Every mark: p_i = e^{z_i}/Σ_k e^{z_k} and 中文 notes",
                          source=Source("seed_golden.txt", "§1 测试"))
    n = d.symbols("n", integer=True, positive=True)
    z = d.indexed("z", real=True)
    i = d.index("i", 1, n)
    k = d.symbols("k", integer=True)
    x = d.symbols("x", real=True)
    phi = d.bounded("phi", 0, 1)
    y_hat = d.symbols("y_hat", real=True)
    p = d.indexed("p", real=True)
    S = Sum(exp(z[k]), (k, 1, n))
    d.define(p[i], exp(z[i]) / S, why="softmax entry i: p_i = e^{z_i}/Σ_k e^{z_k}", at="§1 测试 式 (1)")
    d.eq(Sum(p[k], (k, 1, n)), 1, why="the entries sum to 1", at="“概率之和为 1”")
    d.erratum(1 / (1 + exp(-x)), 1 / (1 + exp(x)), why="printed with the sign of x flipped: σ(x) ≠ σ(−x)",
              at="σ(x) = 1/(1 + e^x)")
    d.eq(1 / (1 + exp(-x)), 1 - 1 / (1 + exp(x)), why="σ(x) = 1 − σ(−x)", at="corrected")
    d.eq(1 - 1 / (1 + exp(x)), exp(x) / (1 + exp(x)), why="common denominator")
    d.le(log(phi), phi - 1, why="log is below its tangent at 1: 50% & $5 # ~ \\ {unbalanced")
    d.limit(exp(-x), x, oo, 0, why="e^{−x} → 0 as x → ∞")
    d.instantiate({x: 0}, 1 / (1 + exp(-x)), Rational(1, 2), why="σ(0) = ½")
    d.eq(Derivative(p[i], z[k]), -p[i] * p[k], given=[Ne(i, k)], why="off the diagonal: ∂p_i/∂z_k = −p_i p_k")
    d.erratum(y_hat, y_hat, why="transcribed as an erratum, but it is true (ŷ = ŷ)")
    d.eq(exp(x) * exp(x), exp(x**2), why="a wrong step that is not marked as an erratum: e^x e^x = e^{x²}")
    d.numeric(Add(Rational(5, 21), Rational(7, 21), Rational(9, 21), evaluate=False), 1,
              why="5/21 + 7/21 + 9/21 = 1 ✓")
    derivation = d.build()
    verdicts = [
        Verdict(Status.PROVED, "definition"),
        Verdict(Status.PROVED_INSTANTIATED, "instantiate", instantiated_up_to=4),
        Verdict(Status.REFUTED, "numeric_counterexample",
                counterexample=Counterexample((("x", "1"),), "1/(exp(-1) + 1)", "1/(1 + E)")),
        Verdict(Status.PROVED, "rational_form"),
        Verdict(Status.PROVED, "rational_form"),
        Verdict(Status.UNDECIDED, "none", message="no strategy decided: log(phi) <= phi - 1 (tried rational_form, simplify_difference, smt, finite_domain)"),
        Verdict(Status.PROVED, "limits"),
        Verdict(Status.TIMEOUT, "none", message="step took longer than 30 s"),
        Verdict(Status.ERROR, "engine", message="internal error while checking: ValueError: boom"),
        Verdict(Status.PROVED, "rational_form"),
        Verdict(Status.REFUTED, "numeric_counterexample",
                counterexample=Counterexample((("x", "1"),), "exp(2)", "E")),
        Verdict(Status.PROVED, "exact_numeric"),
    ]
    return DerivationResult(derivation, tuple(StepResult(s, v) for s, v in zip(derivation.steps, verdicts)))


def test_synthetic_latex_matches_its_golden_file():
    assert_golden("synthetic.tex", latex_document([synthetic()], fragment=True))


def test_synthetic_markdown_matches_its_golden_file():
    assert_golden("synthetic.md", markdown_document([synthetic()]))


def test_the_standalone_document_and_the_fragment_hold_the_same_section():
    section = derivation_latex(synthetic())
    fragment = latex_document([synthetic()], fragment=True)
    document = latex_document([synthetic()])
    assert document.startswith(r"\documentclass") and document.endswith("\\end{document}\n")
    assert section in fragment and section in document
    assert r"\documentclass" not in fragment and r"\providecommand\softsymformula" in fragment


def test_the_export_is_deterministic():
    assert latex_document([synthetic()]) == latex_document([synthetic()])


def test_the_document_names_no_strategy_by_its_identifier():
    """Plain words from the JUnit report's table (``report.STRATEGY_WORDS``), never ``smt`` or
    ``simplify_difference``."""
    from softsym.report import STRATEGY_WORDS

    text = latex_document([synthetic()]) + markdown_document([synthetic()])
    assert "the z3 solver" in text and "SymPy's simplify" in text
    for name in [n for n in STRATEGY_WORDS if "_" in n or n == "smt"]:      # ids, not English words
        assert name.replace("_", r"\_") not in text and name not in text.replace(r"\_", "_"), name
