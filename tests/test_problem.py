"""Preparing a relation: definitions unfold without capturing bound variables."""
from __future__ import annotations

import sympy as sp

from softsym.dsl import Definition
from softsym.problem import prepare, unfold
from softsym.domain import Domain


def test_unfolding_an_indexed_definition_does_not_capture_the_summation_variable():
    q, l = sp.symbols("q l", integer=True)
    a1, a2, u = sp.IndexedBase("a1"), sp.IndexedBase("a2"), sp.IndexedBase("u")
    body = u[2, l] * sp.Sum(a1[q] * u[q, l], (q, 1, 3))
    out = unfold(sp.Sum(a2[q], (q, 1, 3)), [Definition(a2[l], body, 1)])
    explicit = out.doit()
    expected = sum(u[2, o] * sum(a1[i] * u[i, o] for i in range(1, 4)) for o in range(1, 4))
    assert sp.expand(explicit - expected) == 0


def test_greater_relations_are_flipped_but_shown_as_written():
    x = sp.Symbol("x", real=True)
    p = prepare(x, ">=", sp.Integer(0), Domain((x,)))
    assert (p.lhs, p.rel, p.rhs) == (0, "<=", x)
    assert p.shown == (x, ">=", 0)


def test_a_function_defined_at_a_number_unfolds_at_that_number_only():
    # Z(1) := 1 + e^{-1} + e^{-2} (a worked example at β = 1): Z(1.001) is no other value of it — the
    # parameter 1 was once "substituted" by 1.001 inside the body
    Z, b = sp.Function("Z"), sp.Symbol("b")
    value = 1 + sp.exp(-1) + sp.exp(-2)
    defs = [Definition(Z(sp.Integer(1)), value, 1)]
    assert unfold(Z(sp.Rational(1001, 1000)) + Z(b), defs) == Z(sp.Rational(1001, 1000)) + Z(b)
    assert unfold(Z(sp.Integer(1)), defs) == value

