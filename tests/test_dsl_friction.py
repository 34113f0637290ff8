"""Writing derivations: the field's functions, optional why=, builder calls checked at the caller's
line, and errata in definitions."""
from __future__ import annotations

import textwrap

import pytest
import sympy as sp
from sympy import Eq, Sum, exp, log

import softsym
from softsym import functions
from softsym.cli import main
from softsym.dsl import (
    DerivationBuilder,
    Kind,
    Source,
    log_softmax,
    logsumexp,
    sigmoid,
    softmax,
    softplus,
)
from softsym.engine import check_derivation
from softsym.errors import DerivationError
from softsym.export.latex import derivation_latex
from softsym.export.markdown import derivation_markdown
from softsym.parsing import _FUNCTIONS, parse_expr
from softsym.verdict import Status

SRC = Source("test.txt", "§1")
x, y = sp.symbols("x y", real=True)


# -- the field's functions: one definition for derivation files, the parser and the LaTeX reader -----------
@pytest.mark.parametrize("name", ["sigmoid", "softplus", "logsumexp", "logaddexp", "logit", "log1p", "expm1"])
def test_the_parser_calls_the_same_functions_derivation_files_import(name):
    assert _FUNCTIONS[name].build is getattr(functions, name)


def test_the_functions_are_importable_from_softsym_and_softsym_dsl():
    assert softsym.softmax is softmax is functions.softmax
    assert softsym.log_softmax is log_softmax and softsym.sigmoid is sigmoid
    assert parse_expr("sigmoid(x) + softplus(y)", {"x": x, "y": y}) == sigmoid(x) + softplus(y)
    assert parse_expr("logsumexp(x, y)", {"x": x, "y": y}) == log(exp(x) + exp(y)) == logsumexp([x, y])


def test_softmax_of_a_family_and_of_a_list():
    z = sp.IndexedBase("z", real=True)
    i, k, n = sp.symbols("i k n", integer=True)
    assert softmax(z, i, (k, 1, n)) == exp(z[i]) / Sum(exp(z[k]), (k, 1, n))
    assert log_softmax(z, i, (k, 1, n)) == z[i] - log(Sum(exp(z[k]), (k, 1, n)))
    assert logsumexp(z, (k, 1, n)) == log(Sum(exp(z[k]), (k, 1, n)))
    assert softmax([x, y])[0] == exp(x) / (exp(x) + exp(y))
    assert log_softmax([x, y], 1) == y - log(exp(x) + exp(y))
    with pytest.raises(TypeError, match="range of the family is a tuple"):
        softmax(z, i, n)


def test_the_latex_reader_builds_softmax_with_the_same_definition():
    from softsym.latex.applications import sigmoid as reader_sigmoid
    assert reader_sigmoid is functions.sigmoid


# -- why= is optional; reports and exports cope with an empty one --------------------------------------------
def _without_why():
    d = DerivationBuilder("no_why", title="t", source=SRC)
    p = d.symbols("p", real=True)
    d.eq(sigmoid(p), exp(p) / (1 + exp(p)))
    d.le(0, sigmoid(p))
    d.define("s", softplus(p))
    return d.build()


def test_why_is_optional_and_exports_show_no_stray_period():
    result = check_derivation(_without_why())
    assert result.ok and all(s.why == "" for s in result.derivation.steps)
    for text in (derivation_latex(result), derivation_markdown(result)):
        assert "{.}" not in text and "— ." not in text and "— \n" not in text


# -- a wrong builder call is an error at the caller's line that says what the call accepts -----------------
@pytest.mark.parametrize("call, expected", [
    (lambda d, p: d.eq(p, p, whyy="x"), "d.eq(): unknown keyword argument 'whyy' (did you mean 'why'?)"),
    (lambda d, p: d.le(p, p + 1, label=3), "d.le(): label= takes a string, got int 3"),
    (lambda d, p: d.lt(p, p + 1, wy="x"), "d.lt(): unknown keyword argument 'wy' (did you mean 'why'?)"),
    (lambda d, p: d.rel(p, "<=", p + 1, given=p > 0), "d.rel(): given= takes a list of relations"),
    (lambda d, p: d.eq(p, p, why=3), "d.eq(): why= takes a string, got int 3"),
    (lambda d, p: d.symbols("q", positve=True), "unknown keyword argument 'positve' (did you mean 'positive'?)"),
    (lambda d, p: d.eq(p), "missing a required argument: 'rhs'"),
], ids=["unknown-keyword", "le-wrong-type", "lt-unknown-keyword", "given-not-a-list", "why-not-a-string",
        "assumption-typo", "missing-argument"])
def test_a_wrong_builder_call_names_file_line_and_what_it_accepts(call, expected):
    d = DerivationBuilder("calls", title="t", source=SRC)
    p = d.symbols("p", real=True)
    with pytest.raises(DerivationError) as err:
        call(d, p)
    assert err.value.file == __file__ and err.value.line is not None
    assert expected in str(err.value) and "; it accepts d." in str(err.value)


def test_what_le_accepts_is_what_rel_accepts():
    d = DerivationBuilder("calls", title="t", source=SRC)
    with pytest.raises(DerivationError) as err:
        d.le(1, 2, whyy="x")
    assert "it accepts d.le(lhs, rhs, *, why=''" in str(err.value) and "given=()" in str(err.value)


def test_check_reports_a_wrong_call_without_a_traceback(runner, tmp_path):
    file = tmp_path / "typo.py"
    file.write_text(textwrap.dedent("""\
        from sympy import exp
        from softsym.dsl import DerivationBuilder, Source, sigmoid

        d = DerivationBuilder("typo", title="t", source=Source("x.txt", "§1"))
        x = d.symbols("x", real=True)
        d.eq(sigmoid(x), exp(x) / (1 + exp(x)), whyy="multiply by e^x")
        DERIVATION = d.build()
    """))
    result = runner.invoke(main, ["check", str(file), "--no-cache"])
    assert result.exit_code == 1
    assert "typo.py:6: could not load: d.eq(): unknown keyword argument 'whyy' (did you mean 'why'?); " \
           "it accepts d.eq(lhs, rhs, *, why=''" in result.output
    assert "Traceback" not in result.output


def test_a_wrong_keyword_to_the_builder_itself_is_reported_at_its_line(runner, tmp_path):
    file = tmp_path / "titel.py"
    file.write_text('from softsym.dsl import DerivationBuilder, Source\n'
                    'd = DerivationBuilder("t", titel="t", source=Source("x.txt"))\n')
    result = runner.invoke(main, ["list", "--path", str(file)])
    assert result.exit_code == 1
    assert "titel.py:2: could not load: DerivationBuilder(): unknown keyword argument 'titel' (did you mean " \
           "'title'?); it accepts DerivationBuilder(name, *, title, source)" in result.output


# -- an erratum may be a definition ------------------------------------------------------------------------
def _softmax_printed_wrong(fix: bool = True, exp_forgotten: bool = False, **erratum: object):
    d = DerivationBuilder("printed_softmax", title="t", source=SRC)
    n = d.symbols("n", integer=True, positive=True)
    z, p = d.indexed("z", real=True), d.indexed("p", real=True)
    i = d.index("i", 1, n)
    k = d.symbols("k", integer=True)
    printed = exp(z[i]) / Sum(z[k], (k, 1, n)) if exp_forgotten else exp(z[i]) / Sum(exp(z[i]), (k, 1, n))
    d.define(p[i], printed, erratum=True, why="printed with z_i in the sum", **erratum)
    if fix:
        d.define(p[i], softmax(z, i, (k, 1, n)), why="the softmax")
    d.eq(Sum(p[k], (k, 1, n)), 1, why="sums to 1")
    return d.build()


def test_a_definition_printed_wrong_is_refuted_against_the_corrected_one():
    derivation = _softmax_printed_wrong()
    printed, fixed, _ = derivation.steps
    assert printed.kind is Kind.DEFINITION and printed.erratum and printed.intended == fixed.rhs
    assert fixed.corrects == 1 and [d.step for d in derivation.definitions] == [2]    # never used later
    result = check_derivation(derivation)
    assert [r.verdict.status for r in result.results] == [Status.REFUTED, Status.PROVED, Status.PROVED]
    assert result.ok and result.results[0].verdict.counterexample is not None


def test_a_definition_erratum_may_be_refuted_by_a_property_it_breaks():
    n, k = sp.Symbol("n", integer=True, positive=True), sp.Symbol("k", integer=True)
    p = sp.IndexedBase("p", real=True)
    derivation = _softmax_printed_wrong(exp_forgotten=True, intended=Eq(Sum(p[k], (k, 1, n)), 1))
    result = check_derivation(derivation)
    assert result.results[0].verdict.status is Status.REFUTED and result.ok


def test_a_definition_erratum_that_is_right_fails_the_check():
    d = DerivationBuilder("not_wrong", title="t", source=SRC)
    p = d.symbols("p", real=True)
    d.define("s", 1 / (1 + exp(-p)), erratum=True, why="actually right")
    d.define("s", exp(p) / (1 + exp(p)), why="the same")
    result = check_derivation(d.build())
    assert result.results[0].verdict.status is Status.PROVED and not result.ok


def test_a_definition_erratum_needs_something_to_be_checked_against():
    with pytest.raises(DerivationError, match="does not define p\\[i\\] again"):
        _softmax_printed_wrong(fix=False)


# -- diff of a defined name is 0 in SymPy: refused at the step's line (new-user trial) ----------------------
@pytest.mark.parametrize("written", ["diff(L, z)", "L.diff(z)", "sp.diff(L + 1, z)", "diff(M, z)"])
def test_diff_of_a_defined_name_is_refused_at_its_line(runner, tmp_path, written):
    file = tmp_path / "trap.py"
    file.write_text(textwrap.dedent(f"""\
        import sympy as sp
        from sympy import Derivative, diff
        from softsym.dsl import DerivationBuilder, Source

        d = DerivationBuilder("trap", title="t", source=Source.added("notes"))
        z = d.symbols("z", real=True)
        L = d.define("L", z**2)
        M = d.define("M", 3 * L)
        d.eq(Derivative(L, z), 2*z)
        d.eq({written}, 0)
        DERIVATION = d.build()
    """))
    result = runner.invoke(main, ["check", str(file), "--no-cache"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"trap.py:10: could not load: step 4: {written} differentiates a name defined with d.define" \
        in result.output and "write Derivative(...)" in result.output


def test_derivative_of_a_defined_name_and_diff_in_another_variable_are_fine():
    d = DerivationBuilder("fine", title="t", source=SRC)
    z, w = d.symbols("z w", real=True)
    L = d.define("L", z**2)
    d.eq(sp.Derivative(L, z), 2 * z)
    d.eq(sp.diff(L, w), 0)                       # L does not depend on w: 0 is what it means
    derivation = d.build()
    assert check_derivation(derivation).ok


# -- summaries count in words: 1 derivation, 1 erratum; unknown names get suggestions ---------------------------
def test_an_unknown_name_is_answered_with_the_closest_names_and_a_missing_path_as_such(runner):
    r = runner.invoke(main, ["check", "softmax_jacobain"])
    assert r.exit_code == 2 and "did you mean softmax_jacobian_" in r.output
    r = runner.invoke(main, ["check", "myders/nope.py"])
    assert r.exit_code == 2 and "no such file or directory: myders/nope.py" in r.output


def test_export_reads_a_directory_given_as_a_name_as_the_path(runner, tmp_path):
    d = tmp_path / "myders"
    d.mkdir()
    (d / "mine.py").write_text(
        "from softsym.dsl import DerivationBuilder, Source\n"
        "b = DerivationBuilder('mine', title='t', source=Source.added('notes'))\n"
        "x = b.symbols('x', real=True)\n"
        "b.eq(x + x, 2*x)\n"
        "DERIVATION = b.build()\n", encoding="utf-8")
    r = runner.invoke(main, ["export", "latex", str(d), "--fragment", "--no-cache"])
    assert r.exit_code == 0, r.output
    assert "2 x" in r.output
