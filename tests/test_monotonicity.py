"""Inequalities by monotonicity from an anchor point and by the mean value theorem (issue 12's
frontier: Taylor-type bounds, convexity at a midpoint, Gibbs for two classes, Lipschitz bounds).

Each rule is checked both ways through the whole pipeline (a true relation proved with the rule in
its trace, a false twin refuted inside the assumptions), and the rule itself is checked to pass —
never to prove — where one of its conditions fails.
"""
from __future__ import annotations

import importlib

import pytest
import sympy as sp
from sympy.core.random import seed as seed_sympy

from softsym.deadline import Deadline, run_until
from softsym.domain import Domain
from softsym.errors import StepTimeout
from softsym.prover import SYMPY_SEED, prove
from softsym.strategies.monotonicity import by_lipschitz, by_monotonicity, hopeless, smooth
from softsym.text import parse_relation
from softsym.verdict import Status

inequalities = importlib.import_module("softsym.strategies.inequalities")


def verdict(lhs, rhs, rel, symbols="", given=(), timeout=20):
    return prove(parse_relation(lhs, rhs, rel, symbols, given), timeout=timeout)


def rule_alone(rule, e, strict=False, seconds=20):
    """The rule by itself on ``e >= 0`` (``> 0``), its subgoals proved by the inequality rules."""
    seed_sympy(SYMPY_SEED)                  # as prove() does: SymPy's assumption queries in a fixed order
    deadline = Deadline.after(seconds)
    ctx = inequalities.Context(Domain(), deadline, set(e.free_symbols))
    try:            # as in prove(): the deadline also cuts a SymPy call that runs away inside the rule
        return run_until(deadline, lambda: rule(e, strict, ctx, 0, inequalities.nonnegative))
    except StepTimeout:
        return None


@pytest.mark.parametrize("lhs, rhs, rel, symbols, words", [
    ("softplus(x)", "log(2) + x/2 + x**2/8", "<=", "", "monotone in x either side of x = 0"),
    ("x - x**3/3", "tanh(x)", "<=", "x: nonnegative", "monotone in x from its lower end 0"),
    ("softplus(x)", "exp(x)", "<", "", "from its lower end -oo"),
    ("exp((a + b)/2)", "(exp(a) + exp(b))/2", "<=", "", ""),         # also by convexity's tangent rule
])
def test_a_bound_that_rises_away_from_an_anchor_is_proved(lhs, rhs, rel, symbols, words):
    v = verdict(lhs, rhs, rel, symbols)
    assert v.status is Status.PROVED, v.message
    assert words in v.message


@pytest.mark.parametrize("lhs, rhs, rel, symbols", [
    ("softplus(x)", "log(2) + x/2 + x**2/9", "<=", ""),               # curvature a little too small
    ("softplus(x)", "log(2) + x/2 + x**2/8 - 1/1000", "<=", ""),      # tightened at the anchor
    ("x - x**3/3", "tanh(x)", "<=", ""),                              # the same bound for x < 0
    ("exp((a + b)/2)", "(exp(a) + exp(b))/2", "<", ""),                # strict: equality at a = b
    ("-(p*log(p) + (1-p)*log(1-p))", "-(p*log(q) + (1-p)*log(1-q))", "<", "p q: 0<p<1"),
])
def test_its_false_twins_are_refuted(lhs, rhs, rel, symbols):
    assert verdict(lhs, rhs, rel, symbols).status is Status.REFUTED


def test_midpoint_convexity_is_anchored_at_the_other_symbol():
    a, b = sp.symbols("a b", real=True)
    trace = rule_alone(by_monotonicity, (sp.exp(a) + sp.exp(b)) / 2 - sp.exp((a + b) / 2))
    assert trace is not None and "either side of a = b" in trace[0]


def test_a_positive_variable_is_anchored_at_one():
    x = sp.Symbol("x", positive=True)
    trace = rule_alone(by_monotonicity, x * sp.log(x) - x + 1)
    assert trace is not None and "either side of x = 1" in trace[0]
    assert rule_alone(by_monotonicity, x * sp.log(x) - x + sp.Rational(1, 2)) is None   # false at x = 1


def test_gibbs_for_two_classes_is_proved_from_the_anchor_q_equals_p():
    v = verdict("-(p*log(p) + (1-p)*log(1-p))", "-(p*log(q) + (1-p)*log(1-q))", "<=", "p q: 0<p<1", timeout=30)
    assert v.status is Status.PROVED, v.message      # (the pipeline finds Gibbs' tangent of log first)
    s, t = sp.symbols("s t", positive=True)            # p, q in (0, 1) as the prover's slacks write them
    p, q = s / (1 + s), t / (1 + t)
    trace = rule_alone(by_monotonicity, p * sp.log(p / q) + (1 - p) * sp.log((1 - p) / (1 - q)), seconds=30)
    assert trace is not None and "monotone in s either side of s = t" in trace[0]


def test_a_strict_claim_is_not_proved_when_it_fails_at_the_closed_end():
    x = sp.Symbol("x", nonnegative=True)
    assert rule_alone(by_monotonicity, x * sp.exp(x), strict=True) is None
    assert rule_alone(by_monotonicity, x * sp.exp(x), strict=False) is not None


def test_a_function_with_a_pole_in_the_range_is_not_treated_as_smooth():
    x = sp.Symbol("x", real=True)
    assert not smooth(1 / x)
    assert not smooth(sp.log(x))
    assert smooth(sp.log(1 + sp.exp(x)) + 1 / (1 + x**2))
    # x + 1/x >= 2 holds for x > 0 but not across the pole: the rule must not prove it on the reals
    assert rule_alone(by_monotonicity, x + 1 / x - 2) is None


def test_the_sample_filter_only_prunes_what_fails_somewhere():
    x = sp.Symbol("x", real=True)
    assert hopeless(x - 1)
    assert not hopeless(x**2)


def test_the_mean_value_theorem_gives_the_lipschitz_bound_of_sigmoid():
    v = verdict("Abs(sigmoid(x) - sigmoid(y))", "Abs(x - y)/4", "<=")
    assert v.status is Status.PROVED, v.message
    assert "mean value theorem" in v.message
    assert verdict("Abs(sigmoid(x) - sigmoid(y))", "Abs(x - y)/5", "<=").status is Status.REFUTED


@pytest.mark.parametrize("f, m, truth", [("softplus", "1", True), ("softplus", "1/2", False), ("tanh", "1", True)])
def test_lipschitz_bounds_of_activations(f, m, truth):
    v = verdict(f"Abs({f}(x) - {f}(y))", f"{m}*Abs(x - y)", "<=")
    assert v.status is (Status.PROVED if truth else Status.REFUTED), v.message


def test_the_lipschitz_rule_needs_the_derivative_bound_on_the_whole_shared_range():
    x, y = sp.symbols("x y", positive=True)
    # |log x − log y| <= |x − y| fails on (0, 1): the rule must pass, not prove
    assert rule_alone(by_lipschitz, sp.Abs(x - y) - sp.Abs(sp.log(x) - sp.log(y))) is None
    # a difference of two different functions is not G(x) − G(y)
    assert rule_alone(by_lipschitz, sp.Abs(x - y) - sp.Abs(sp.tanh(x) - sp.atan(y))) is None


# -- AM–GM under a logarithm, critical points as anchors ------------------------------------------
def test_jensen_for_log_sum_exp_on_explicit_entries_is_proved_by_am_gm():
    from softsym.strategies.means import by_am_gm
    v = verdict("(a + b + c)/3 + log(3)", "log(exp(a) + exp(b) + exp(c))", "<=")
    assert v.status is Status.PROVED, v.message             # (convexity's tangent rule may come first)
    a, b, c = sp.symbols("a b c", real=True)
    lse = sp.log(sp.exp(a) + sp.exp(b) + sp.exp(c))
    trace = rule_alone(by_am_gm, lse - (a + b + c) / 3 - sp.log(3))
    assert trace is not None and "AM–GM" in trace[0]
    assert rule_alone(by_am_gm, lse - (a + b + c) / 3 - sp.log(4)) is None
    for rhs in ("(a + b + c)/3 + log(4)", "(a + b + c)/3 + log(3) + 1/1000"):     # wrong constant, tightened
        assert verdict(rhs, "log(exp(a) + exp(b) + exp(c))", "<=").status is Status.REFUTED
    assert verdict("(a + b + c)/3 + log(3)", "log(exp(a) + exp(b) + exp(c))", "<").status is Status.REFUTED


def test_am_gm_needs_positive_terms():
    from softsym.strategies.means import by_am_gm
    x, y = sp.symbols("x y", real=True)
    # log(x + y) >= log 2 + (log x + log y)/2 is meaningless for x, y of any sign: the rule passes
    assert rule_alone(by_am_gm, sp.log(x**2 + y) - sp.log(2) - (sp.log(x**2) + sp.log(y)) / 2) is None


def test_a_closed_form_zero_of_the_derivative_is_an_anchor():
    s = sp.Symbol("s", positive=True)
    a, b = sp.symbols("a b", real=True)
    p = s / (1 + s)
    gap = sp.log(sp.exp(a) + sp.exp(b)) - (p * a + (1 - p) * b - p * sp.log(p) - (1 - p) * sp.log(1 - p))
    trace = rule_alone(by_monotonicity, inequalities._expand(gap))
    assert trace is not None and ("s = exp(a - b)" in trace[0] or "a = b + log(s)" in trace[0]), trace
    assert rule_alone(by_monotonicity, inequalities._expand(gap - sp.Rational(1, 1000)), seconds=4) is None
