"""The z3 strategy: conclusions from several hypotheses at once, and each abstraction sound.

The strategy is called directly (not through the pipeline), so a passing test shows what *it*
decides; a false relation must never come back ``proved`` from it, and its refutations must lie
inside the assumptions.
"""
from __future__ import annotations

import importlib

import pytest
import sympy as sp

from softsym.deadline import Deadline
from softsym.domain import Domain
from softsym.problem import prepare
from softsym.strategies.smt import smt
from softsym.text import parse_relation
from softsym.verdict import Status
from softsym.z3_encoding import Untranslatable, encode

pytest.importorskip("z3")


def decide(lhs: str, rhs: str, rel: str = "==", symbols: str = "", given: tuple[str, ...] = ()):
    return smt(parse_relation(lhs, rhs, rel, symbols, given), Deadline.after(20))


def status(verdict) -> str:
    return "passed" if verdict is None else str(verdict.status)


def holds(relation: str, point: dict[str, str]) -> bool:
    names = {k: sp.Symbol(k, real=True) for k in point}
    expr = sp.sympify(relation, locals=names)
    return bool(expr.xreplace({names[k]: sp.Rational(v) for k, v in point.items()}))


# -- the classes of the issue: true proved, the false twin refuted inside the assumptions -----------
TWINS = [
    ("x", "7*z + 2", "7*z + 1", "<", "x y z: positive", ("x < 2*y", "y < 3*z + 1")),
    ("z", "1", None, "==", "x y z: integer positive", ("x + y + z <= 3", "x >= y", "y >= z")),
    ("x", "20", None, "<=", "", ("x <= 2*N", "N == 10")),
    ("x + N", "30", None, "<=", "", ("x <= 2*N", "10 == N")),
    ("a*c", "b*d", None, "<=", "a b c d: positive", ("a <= b", "b <= c", "c <= d")),
]


@pytest.mark.parametrize("lhs,rhs,near,rel,symbols,given", TWINS)
def test_a_conclusion_from_several_hypotheses_is_proved_by_z3(lhs, rhs, near, rel, symbols, given):
    verdict = decide(lhs, rhs, rel, symbols, given)
    assert status(verdict) == "proved" and verdict.strategy == "smt"


def test_a_near_miss_is_refuted_at_a_point_that_satisfies_every_hypothesis():
    verdict = decide("x", "7*z + 1", "<", "x y z: positive", ("x < 2*y", "y < 3*z + 1"))
    assert status(verdict) == "refuted"
    point = verdict.counterexample.as_dict()
    for hypothesis in ("x < 2*y", "y < 3*z + 1", "x > 0", "y > 0", "z > 0", "x >= 7*z + 1"):
        assert holds(hypothesis, point), (hypothesis, point)


def test_a_goal_false_only_at_the_boundary_the_hypotheses_allow_is_refuted_there():
    verdict = decide("x", "20", "<", "", ("x <= 2*N", "N == 10"))
    assert status(verdict) == "refuted"
    assert verdict.counterexample.as_dict()["x"] == "20"


def test_antisymmetry_and_its_near_miss():
    assert status(decide("x", "y", "==", "", ("x <= y", "x >= y"))) == "proved"
    assert status(decide("x", "y", "==", "", ("x <= y", "x >= y - 1"))) == "refuted"


def test_integrality_is_kept():
    """With room for z = 2 the claim z = 1 is false; over the reals z = 1 is not forced either."""
    assert status(decide("z", "1", "==", "x y z: integer positive", ("x + y + z <= 6", "x >= y", "y >= z"))) == "refuted"
    assert status(decide("z", "1", "==", "x y z: positive", ("x + y + z <= 3", "x >= y", "y >= z"))) != "proved"


@pytest.mark.parametrize("lhs,rhs,symbols", [
    ("sqrt(a*b)", "(a + b)/2", "a b: positive"),
    ("(a*b*c)**(1/3)", "(a + b + c)/3", "a b c: positive"),
    ("(a*b*c)**(1/3)", "Max(a, b, c)", "a b c: positive"),
    ("a", "Max(1, a)**2", ""),
    ("sqrt(1 + x**2*y**2)", "sqrt(1 + x**2)*sqrt(1 + y**2)", ""),
])
def test_roots_and_max_are_abstracted_and_proved(lhs, rhs, symbols):
    assert status(decide(lhs, rhs, "<=", symbols)) == "proved"
    strict = decide(lhs, rhs, "<", symbols)                # equality holds somewhere: never proved
    assert status(strict) in ("refuted", "passed")


# -- soundness of each abstraction ---------------------------------------------------------------
def test_a_root_of_a_possibly_negative_number_is_not_abstracted():
    """sqrt(x)² = |x| holds for x ≥ 0 only; a real variable r with r² = x would prove it."""
    assert status(decide("sqrt(x)*sqrt(x)", "Abs(x)", "==", "x: real")) != "proved"
    assert status(decide("sqrt(x)*sqrt(x)", "Abs(x)", "==", "x: nonnegative")) == "proved"


def test_a_denominator_inside_a_branch_excludes_zero_only_where_the_branch_is_taken():
    """At x = 0 the otherwise-branch gives 0, so the square is not > 0 there."""
    verdict = decide("Piecewise((1/x, x > 0), (x, True))**2", "0", ">")
    assert status(verdict) != "proved"


def test_a_denominator_is_excluded_where_the_relation_is_undefined():
    assert status(decide("x/(x - 1)", "1 + 1/(x - 1)", "==", "x: real")) == "proved"


def test_logarithms_need_a_positive_argument_and_keep_their_tangent_line():
    assert status(decide("log(x)", "x - 1", "<=", "x: positive")) == "proved"
    assert status(decide("log(x)", "x - 1", "<", "x: positive")) in ("refuted", "passed")
    assert status(decide("log(x)", "x - 1", "<=", "x: real")) == "passed"


def test_exp_is_increasing_in_both_directions():
    assert status(decide("exp(x)", "exp(y)", "<=", "", ("x <= y",))) == "proved"
    assert status(decide("x", "y", "<=", "", ("exp(x) <= exp(y)",))) == "proved"
    assert status(decide("exp(x)", "exp(y)", "<", "", ("x <= y",))) != "proved"


@pytest.mark.parametrize("rel,truth", [("<", True), (">", False)])
def test_constants_are_bracketed_by_rational_bounds(rel, truth):
    verdict = decide("pi", "355/113", rel)
    assert (status(verdict) == "proved") is truth


def test_a_hypothesis_for_every_index_is_used_inside_the_index_range_only():
    symbols = "n: integer positive; l: integer, 1 <= l <= n; i: integer, 1 <= i <= n; z: indexed, real"
    assert status(decide("z[i]", "M", "<=", symbols, ("z[l] <= M",))) == "proved"
    outside = "n: integer positive; l: integer, 1 <= l <= n; i: integer; z: indexed, real"
    assert status(decide("z[i]", "M", "<=", outside, ("z[l] <= M",))) != "proved"


def test_a_symbol_not_known_to_be_real_is_not_encoded():
    x = sp.Symbol("x")                        # complex, as in a derivation without real=True
    problem = prepare(x**2, ">=", sp.Integer(0), Domain())
    with pytest.raises(Untranslatable):
        encode(problem.lhs, problem.rel, problem.rhs, problem.domain)
    assert smt(problem, Deadline.after(5)) is None


def test_without_z3_the_strategy_passes(monkeypatch):
    module = importlib.import_module("softsym.strategies.smt")   # the package re-exports the function
    monkeypatch.setattr(module, "available", lambda: False)
    assert decide("x", "y", "==", "", ("x <= y", "x >= y")) is None


def test_the_trace_names_the_abstraction():
    verdict = decide("(a*b*c)**(1/3)", "Max(a, b, c)", "<=", "a b c: positive")
    assert any("r**3" in line for line in verdict.trace)
    assert any("Max(a, b, c)" in line for line in verdict.trace)
    assert verdict.status is Status.PROVED


def test_the_command_line_proves_from_several_hypotheses_and_says_so(runner):
    import json

    from softsym.cli import main
    result = runner.invoke(main, ["prove", "x", "7*z + 2", "--rel", "<", "--symbols", "x y z: positive",
                                  "--given", "x < 2*y", "--given", "y < 3*z + 1", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["strategy"] in ("smt", "inequalities")   # both combine the hypotheses


# -- found by the red team: each once proved something false ------------------------------------
RED_TEAM = [
    # a denominator of a hypothesis z3 could not read left x != 0 behind
    ("x**2 + (y**2-2)**2", "0", ">", "", ("Piecewise((0, x <= 0), (1/x + y**13, True)) >= 0",)),
    # the instance of a "for every index" hypothesis held its denominator outside the index range
    ("z[i]**2 + (y**2-2)**2", "0", ">", "n: integer positive; l: integer, 1<=l<=n; i: integer; z: indexed, real",
     ("1/z[l] >= 1",)),
    # SymPy absorbs a zero denominator inside a delta, a condition, a hypothesis
    ("KroneckerDelta(1/x, 1) + x**2", "0", ">", "", ()),
    ("Piecewise((1, Eq(1/x, 2)), (x**2, True))", "0", ">", "", ()),
    ("x**2 + (y**2-2)**2", "0", ">", "", ("1/x != 2",)),
    # SymPy's sign facts: binomial(n, 3) "negative", atan(m) "positive" for integers
    ("(y**2-2)**2 - binomial(n, 3)", "w", ">", "n: integer, n <= 2", ("w <= 2*v", "v <= 0")),
    ("atan(m) + (y**2-2)**2", "w", ">", "m: integer nonnegative", ("w <= 2*v", "v <= 0")),
    # the index range of a "for every" hypothesis includes the index's declared sign
    ("(z[i] - 1)**2 + (y**2-2)**2", "0", ">",
     "n: integer positive; l: integer positive, l <= n; i: integer, 0 <= i <= n; z: indexed, real", ("z[l] <= 0",)),
    # a name the relation uses is one value even where a derivative drops it
    ("z[i] + diff(l, x)", "0", "<=", "i l: integer; z: indexed, real", ("z[l] <= 0",)),
]


@pytest.mark.parametrize("lhs,rhs,rel,symbols,given", RED_TEAM)
def test_false_relations_the_red_team_found_are_never_proved(lhs, rhs, rel, symbols, given):
    assert status(decide(lhs, rhs, rel, symbols, given)) != "proved"


def test_a_model_value_too_long_to_print_is_no_crash():
    chain = ("a == 10",) + tuple(f"{b} == {a}**2" for a, b in zip("abcdefghkmpqrs", "bcdefghkmpqrst"))
    assert status(decide("(y**2-2)**2", "0", ">", "", chain)) in ("passed", "refuted")
