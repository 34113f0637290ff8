"""Property-based soundness: value-preserving rewrites are never refuted, perturbations never proved."""
from __future__ import annotations

import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from softsym.verdict import Status
from tests.conftest import verdict_of

x, y = sp.symbols("x y", real=True)
ATOMS = st.sampled_from([x, y, sp.Integer(1), sp.Integer(2), sp.Rational(1, 2), sp.Integer(-3)])


def _grow(children: st.SearchStrategy) -> st.SearchStrategy:
    """Expressions defined on all of R^2: no division except by positive denominators."""
    return st.one_of(
        st.tuples(children, children).map(lambda ab: ab[0] + ab[1]),
        st.tuples(children, children).map(lambda ab: ab[0] * ab[1]),
        st.tuples(children, children).map(lambda ab: ab[0] - ab[1]),
        children.map(lambda a: sp.exp(a)),
        children.map(lambda a: 1 / (1 + sp.exp(-a))),           # sigmoid
        children.map(lambda a: sp.log(1 + sp.exp(a))),          # softplus
        children.map(lambda a: a**2),
    )


EXPRS = st.recursive(ATOMS, _grow, max_leaves=5)
REWRITES = {
    "expand": lambda e: sp.expand(e),
    "together": lambda e: sp.together(e),
    "powsimp": lambda e: sp.powsimp(e),
    "exp split": lambda e: sp.expand(e, power_exp=True, mul=False, multinomial=False),
    "cancel": lambda e: sp.cancel(e),
    "factor_terms": lambda e: sp.factor_terms(e),
}
SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(EXPRS, st.sampled_from(sorted(REWRITES)))
def test_value_preserving_rewrite_is_never_refuted(expr, rewrite):
    other = REWRITES[rewrite](expr)
    v = verdict_of(expr, "==", other, (x, y), timeout=8)
    assert v.status is not Status.REFUTED, (expr, other, v)


@SETTINGS
@given(EXPRS, st.sampled_from([sp.Rational(1, 7), sp.Integer(-2), sp.Rational(1, 1000)]))
def test_perturbed_expression_is_never_proved_equal(expr, shift):
    v = verdict_of(expr, "==", expr + shift, (x, y), timeout=8)
    assert not v.status.is_proved, (expr, shift, v)
    assert v.status is Status.REFUTED, (expr, shift, v)


@SETTINGS
@given(EXPRS)
def test_expression_is_not_strictly_less_than_itself(expr):
    v = verdict_of(expr, "<", expr, (x, y), timeout=8)
    assert v.status is Status.REFUTED, (expr, v)
