"""Limits with parameters (issue 12, class 7): the limit algebra of ``strategies.limit_algebra``,
each rule with a true relation it proves and a false one refuted at a point inside the assumptions
(never the other way round)."""
from __future__ import annotations

import pytest
import sympy as sp

from softsym.prover import prove
from softsym.strategies.limit_algebra import Algebra, NeedSign, Unknown, limit_of
from softsym.text import parse_relation
from softsym.verdict import Status

SMOOTH_MAX = "Limit(T*log(exp(a/T) + exp(b/T)), T, 0, '+')"
SOFTMAX3 = "Limit(exp(a/T)/(exp(a/T) + exp(b/T) + exp(c/T)), T, 0, '+')"
SOFTMAX_N = "Limit(exp(z[i]/T)/Sum(exp(z[l]/T),(l,1,n)), T, oo)"
FAMILY = "n: integer positive; i j t: integer, 1<=i<=n; k l: integer; z: indexed, real"


def verdict(lhs: str, rhs: str, rel: str = "==", symbols: str = "", given: tuple[str, ...] = (), timeout: float = 10):
    return prove(parse_relation(lhs, rhs, rel, symbols, given), timeout=timeout)


def point_of(v) -> dict[str, sp.Basic]:
    return {k: sp.sympify(x) for k, x in v.counterexample.values}


# -- a case split on the order of the parameters ------------------------------------------------------
def test_smooth_max_limit_is_proved_by_cases_on_the_order_of_the_parameters():
    v = verdict(SMOOTH_MAX, "Max(a, b)")
    assert v.status is Status.PROVED, v.message
    assert v.strategy == "limit_algebra" and len(v.trace) == 3


def test_smooth_max_off_by_a_thousandth_is_refuted():
    v = verdict(SMOOTH_MAX, "Max(a, b) + 1/1000")
    assert v.status is Status.REFUTED, v.message


def test_smooth_max_towards_zero_from_below_is_the_min():
    assert verdict(SMOOTH_MAX.replace("'+'", "'-'"), "Min(a, b)").status is Status.PROVED
    assert verdict(SMOOTH_MAX.replace("'+'", "'-'"), "Max(a, b)").status is Status.REFUTED


# -- infinite limits and refutation at a concrete point -------------------------------------------------
def test_an_infinite_limit_refutes_a_finite_claim_at_a_concrete_point():
    v = verdict("Limit(T*log(exp(a/T) + exp(b/T)), T, oo)", "(a + b)/2")
    assert v.status is Status.REFUTED, v.message
    assert v.counterexample.lhs_value == "oo"


def test_an_infinite_limit_is_proved_infinite():
    assert verdict("Limit(T*log(exp(a/T) + exp(b/T)), T, oo)", "oo").status is Status.PROVED


# -- several order hypotheses as slacks --------------------------------------------------------------
def test_softmax_limit_with_two_strict_order_hypotheses_is_proved():
    v = verdict(SOFTMAX3, "1", given=("a > b", "a > c"))
    assert v.status is Status.PROVED, v.message


def test_softmax_limit_missing_a_hypothesis_is_refuted_inside_the_given_one():
    v = verdict(SOFTMAX3, "1", given=("a > b",))
    assert v.status is Status.REFUTED, v.message
    p = point_of(v)
    assert p["a"] > p["b"]


def test_softmax_limit_with_non_strict_hypotheses_is_not_proved():
    v = verdict(SOFTMAX3, "1", given=("a >= b", "a >= c"))
    assert v.status is Status.REFUTED, v.message          # 1/2 at a = b
    p = point_of(v)
    assert p["a"] >= p["b"] and p["a"] >= p["c"]


def test_a_tie_given_as_an_equality_gives_one_half():
    two = "Limit(exp(a/T)/(exp(a/T) + exp(b/T)), T, 0, '+')"
    assert verdict(two, "1/2", given=("a == b",)).status is Status.PROVED
    assert verdict(two, "1", given=("a == b",)).status is Status.REFUTED


def test_smallest_entry_wins_towards_zero_from_below_by_a_split_between_two_slacks():
    lhs = SOFTMAX3.replace("'+'", "'-'")
    assert verdict(lhs, "0", given=("a > b", "a > c")).status is Status.PROVED
    assert verdict(lhs, "1", given=("a > b", "a > c")).status is Status.REFUTED


# -- finite sums and quotients (limit algebra) ----------------------------------------------------------
def test_softmax_of_a_symbolic_family_tends_to_uniform():
    v = verdict(SOFTMAX_N, "1/n", symbols=FAMILY)
    assert v.status is Status.PROVED, v.message


def test_softmax_of_a_symbolic_family_wrong_value_is_refuted_at_a_concrete_size():
    v = verdict(SOFTMAX_N, "1/2", symbols=FAMILY)
    assert v.status is Status.REFUTED, v.message
    assert point_of(v)["n"] != 2


# -- 0/0 of analytic functions ---------------------------------------------------------------------------
def test_log_mean_exp_of_a_family_tends_to_the_mean():
    decl = "n: integer positive; k l: integer; z: indexed, real"
    lhs = "Limit(T*log(Sum(exp(z[l]/T),(l,1,n))/n), T, oo)"
    assert verdict(lhs, "Sum(z[l],(l,1,n))/n", symbols=decl).status is Status.PROVED
    assert verdict(lhs, "Sum(z[l],(l,1,n))", symbols=decl).status is Status.REFUTED


# -- the algebra on its own: passes, never guesses -------------------------------------------------------
def test_the_algebra_asks_for_a_sign_it_does_not_know():
    a = sp.Symbol("a", real=True)
    t = sp.Dummy("t", positive=True)
    with pytest.raises(NeedSign):
        Algebra(t).lim(sp.exp(a / t))
    assert Algebra(t).lim(sp.exp(-sp.Symbol("s", positive=True) / t)).value == 0


def test_the_algebra_passes_on_infinite_sums_and_unknown_functions():
    x, k = sp.Symbol("x"), sp.Symbol("k", integer=True)
    with pytest.raises(Unknown):
        limit_of(sp.Limit(sp.Sum(x ** k / sp.factorial(k), (k, 0, sp.oo)), x, 0))
    with pytest.raises(Unknown):
        limit_of(sp.Limit(sp.floor(x), x, 0))


def test_a_nonnegative_gap_is_split_into_zero_and_positive():
    v = verdict("Limit(exp(a/T)/(exp(a/T)+exp((a-d)/T)), T, 0, '+')", "1", symbols="a: real; d: nonnegative")
    assert v.status is Status.REFUTED, v.message
    assert point_of(v)["d"] == 0
