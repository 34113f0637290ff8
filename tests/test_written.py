"""Steps keep the form their file writes (``softsym.written``) for the export; the prover still
checks the evaluated expression."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import sympy as sp

from softsym.export.commands import export
from softsym.loader import load

PDFLATEX = shutil.which("pdflatex")

USER_FILE = '''
from sympy import Add, Derivative, Rational, Sum, diff, exp, log, pi, sqrt
from softsym import sigmoid
from softsym.dsl import DerivationBuilder, Source

d = DerivationBuilder("bce_with_logits", title="Binary cross-entropy with logits", source=Source.added("notes"))
x, y = d.symbols("x y", real=True)
u, m = d.symbols("u mu", real=True)
s = d.symbols("sigma", positive=True)
n = d.symbols("n", integer=True, positive=True)
i = d.index("i", 1, n)
j = d.index("j", 1, n)
k = d.index("k", 1, n)
z = d.indexed("z", real=True)
d.eq(-y*log(sigmoid(x)) - (1 - y)*log(1 - sigmoid(x)), x - x*y + log(1 + exp(-x)), why="log σ(x) = −log(1+e^{−x})")
d.eq(diff(x - x*y + log(1 + exp(-x)), x), sigmoid(x) - y, why="the gradient")
d.eq(log(1/sqrt(2*pi)/s*exp(-(u - m)**2/(2*s**2))), -(u - m)**2/(2*s**2) - log(s) - log(2*pi)/2, why="log-density")
d.eq(Derivative(log(Sum(exp(z[k]), (k, 1, n))), z[i], z[j]).doit(), Derivative(log(Sum(exp(z[k]), (k, 1, n))), z[i], z[j]).doit(),
     why="a computed side is printed as computed")
d.eq(1/sqrt(2*pi)*exp(-(u-m)**2/(2*s**2))/s + 1/sqrt(2*pi)*exp(-(u+m)**2/(2*s**2))/s
     + 1/sqrt(2*pi)*exp(-(u-2*m)**2/(2*s**2))/s + 1/sqrt(2*pi)*exp(-(u+2*m)**2/(2*s**2))/s,
     (exp(-(u-m)**2/(2*s**2)) + exp(-(u+m)**2/(2*s**2)) + exp(-(u-2*m)**2/(2*s**2))
      + exp(-(u+2*m)**2/(2*s**2)))/(s*sqrt(2*pi)), why="a long formula: broken at its top-level + signs")
d.numeric(Add(Rational(5, 21), Rational(7, 21), Rational(9, 21), evaluate=False), 1, why="a number stays a number")
DERIVATION = d.build()
'''


@pytest.fixture
def user_dir(tmp_path: Path) -> Path:
    (tmp_path / "ders").mkdir()
    (tmp_path / "ders" / "user.py").write_text(USER_FILE, encoding="utf-8")
    return tmp_path / "ders"


def test_the_prover_sees_the_evaluated_sides_and_the_export_the_written_ones(user_dir):
    (derivation,), errors = load(user_dir)
    assert not errors
    first = derivation.steps[0]
    x, y = sp.symbols("x y", real=True)
    assert first.rhs == -x * y + x + sp.log(1 + sp.exp(-x))            # what is checked (and fingerprinted)
    assert [type(a) for a in first.shown_rhs.args][:2] == [sp.Symbol, sp.Mul] and first.shown_rhs.args[0] == x
    assert derivation.steps[3].written == (None, None)                  # .doit(): no written form
    assert derivation.steps[5].written == (None, None)                  # "= 1" is never the left side's text


def test_the_export_keeps_term_order_constants_and_partial_derivatives(runner, user_dir):
    r = runner.invoke(export, ["latex", "all", "--path", str(user_dir), "--fragment"])
    assert r.exit_code == 0, r.output
    text = r.output
    assert r"\softsymp{= x}\softsymp{- x y}\softsymp{+ \log{\left(1 + e^{- x} \right)}}" in text      # not −xy + x
    assert r"{\sqrt{2 \pi} \sigma}" in text and r"\sqrt{2}" not in text                             # not √2/(2√π)
    assert r"\left(u - \mu\right)^{2}" in text                                                        # not (−μ + u)²
    assert r"\frac{\partial}{\partial x} \left(x - x y" in text                                      # diff(...) as ∂/∂x
    assert "d^{2}" not in text
    long_row = next(line for line in text.splitlines() if r"\text{(5)}" in line)
    assert long_row.count(r"\softsymp{+ ") == 3                           # every top-level + of a side: a break point
    assert r"\softsymp{= \frac{5}{21} + \frac{1}{3} + \frac{3}{7}}" not in text


@pytest.mark.skipif(PDFLATEX is None, reason="pdflatex is not installed (.ci/run installs TeX Live)")
def test_a_user_file_compiles_without_overfull_boxes_and_without_shrinking(runner, user_dir, tmp_path):
    out = tmp_path / "user.tex"
    r = runner.invoke(export, ["latex", "all", "--path", str(user_dir), "-o", str(out), "--title", "My notes"])
    assert r.exit_code == 0, r.output
    run = subprocess.run([PDFLATEX, "-interaction=nonstopmode", "-halt-on-error", "user.tex"], cwd=tmp_path, check=False,
                         capture_output=True, encoding="utf-8", errors="replace", timeout=300)
    log = (tmp_path / "user.log").read_text(encoding="utf-8", errors="replace")
    assert run.returncode == 0, log[-3000:]
    assert "Overfull" not in log, [line for line in log.splitlines() if "Overfull" in line]


ERRATUM_FILE = '''
from sympy import exp
from softsym.dsl import DerivationBuilder, Source

d = DerivationBuilder("complement", title="A complement printed wrong", source=Source.added("notes"))
p, q = d.symbols("p q", real=True)
d.erratum(1 / (1 + exp(q - p)), 1 - 1 / exp(p - q), why="the 1 + is dropped")
d.eq(1 - 1 / (1 + exp(q - p)), 1 / (1 + exp(p - q)), why="the complement")
DERIVATION = d.build()
'''


def test_the_text_and_json_reports_show_the_written_step_and_what_is_checked(runner, tmp_path):
    import json

    from softsym.cli import main
    (tmp_path / "ders").mkdir()
    (tmp_path / "ders" / "c.py").write_text(ERRATUM_FILE, encoding="utf-8")
    args = ["check", "--path", str(tmp_path / "ders"), "all", "--no-cache"]
    verbose = runner.invoke(main, [*args, "-v"])
    assert verbose.exit_code == 0, verbose.output
    assert "step:     1/(1 + exp(q - p)) == 1 - 1/exp(p - q)\n" in verbose.output
    assert "checked:  1/(1 + exp(q - p)) == 1 - exp(q - p)\n" in verbose.output
    first = json.loads(runner.invoke(main, [*args, "--format", "json"]).output)["derivations"][0]["steps"][0]
    assert (first["written_rhs"], first["rhs"]) == ("1 - 1/exp(p - q)", "1 - exp(q - p)")
    second = json.loads(runner.invoke(main, [*args, "--format", "json"]).output)["derivations"][0]["steps"][1]
    assert second["written_lhs"] == second["lhs"]                        # no checked: line when they agree


NAME_SIDE_FILE = '''
from sympy import Integral, exp, oo, pi, sqrt
from softsym.dsl import DerivationBuilder, Source

d = DerivationBuilder("bernoulli_mean", title="The mean of a Bernoulli", source=Source.added("notes"))
phi = d.symbols("phi", positive=True)
u = d.symbols("u", real=True)
d.eq(1*phi + 0*(1 - phi), phi, why="E[y] for y in {0, 1}")
d.eq(phi, 1*phi + 0*(1 - phi), why="the same, sides swapped")
d.eq(Integral(exp(-u**2/2)/sqrt(2*pi), (u, -oo, oo)), 1, why="the normal density integrates to 1")
DERIVATION = d.build()
'''


def _only_derivation(tmp_path: Path, source: str):
    """The one derivation of a user file written from ``source``, loaded without errors."""
    (tmp_path / "ders").mkdir()
    (tmp_path / "ders" / "user.py").write_text(source, encoding="utf-8")
    (derivation,), errors = load(tmp_path / "ders")
    assert not errors
    return derivation


def test_a_side_that_evaluates_to_a_name_keeps_its_written_form_and_integrals_lose_sympys_1(tmp_path):
    derivation = _only_derivation(tmp_path, NAME_SIDE_FILE)
    phi = sp.Symbol("phi", positive=True)
    first, swapped, integral = derivation.steps
    assert first.lhs == phi and first.written[1] is None               # checked: φ = φ; shown: 1·φ + 0·(1 − φ) = φ
    assert str(first.written[0]) == "1*phi + 0*(1 - phi)"
    assert swapped.written[0] is None and str(swapped.written[1]) == "1*phi + 0*(1 - phi)"
    assert not sp.latex(integral.written[0]).startswith(r"\int\limits_{-\infty}^{\infty} 1")
    assert integral.written[1] is None                                  # "= 1" keeps no other side's text


NAMED_FILE = '''
from sympy import Derivative, log
from softsym.dsl import DerivationBuilder, Source, sigmoid, softplus
d = DerivationBuilder("named", title="t", source=Source.added("notes"))
z = d.symbols("z", real=True)
d.eq(Derivative(softplus(z), z), sigmoid(z))
d.eq(log(sigmoid(z)), -softplus(-z))
DERIVATION = d.build()
'''


def test_the_fields_functions_are_shown_by_name_and_checked_expanded(tmp_path):
    derivation = _only_derivation(tmp_path, NAMED_FILE)
    z = sp.Symbol("z", real=True)
    first, second = derivation.steps
    assert first.rhs == 1 / (1 + sp.exp(-z))                          # the prover sees the expansion
    assert str(first.written[0]) == "Derivative(softplus(z), z)" and str(first.written[1]) == "sigma(z)"
    assert str(second.written[0]) == "log(sigma(z))" and str(second.written[1]) == "-softplus(-z)"
    from softsym.written import rebuilt
    assert rebuilt(second.written[1]) == second.rhs                   # the shown form rebuilds to the checked one
