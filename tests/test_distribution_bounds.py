"""Bounds that follow from a sum-to-one hypothesis (issue 12's frontier): one entry of a nonnegative
family is at most the family's sum, and a polynomial in positive weights is made homogeneous by
Σ p = 1 before its coefficients are read (the variance of explicit entries, Lagrange's identity).
"""
from __future__ import annotations

import pytest

from softsym.prover import prove
from softsym.text import parse_relation
from softsym.verdict import Status

FAMILY = "n: integer positive; k: integer, 1<=k<=n; p: indexed, positive"
SUM_ONE = ("Sum(p[i], (i, 1, n)) == 1",)
VARIANCE3 = "p1*a**2 + p2*b**2 + p3*c**2 - (p1*a + p2*b + p3*c)**2"


def verdict(lhs, rhs, rel, symbols, given=(), timeout=20):
    return prove(parse_relation(lhs, rhs, rel, symbols, given), timeout=timeout)


@pytest.mark.parametrize("lhs, rhs", [("p[k]", "1"), ("log(p[k])", "0"), ("Sum(p[i]**2, (i, 1, n))", "1"),
                                      ("0", "-Sum(p[i]*log(p[i]), (i, 1, n))")])
def test_an_entry_of_a_distribution_is_at_most_one_for_every_n(lhs, rhs):
    v = verdict(lhs, rhs, "<=", FAMILY, SUM_ONE)
    assert v.status is Status.PROVED, v.message
    assert "by hypothesis" in v.message


def test_the_entry_bound_needs_the_index_inside_the_sums_range():
    # p[0] is not in the sum: it may be 2
    v = verdict("Sum(p[i]**2, (i, 0, n))", "1", "<=", FAMILY, SUM_ONE)
    assert v.status is Status.REFUTED
    assert verdict("p[k]", "1", "<=", "n: integer positive; k: integer, 0<=k<=n; p: indexed, positive",
                   SUM_ONE).status is not Status.PROVED


def test_the_entry_bound_needs_nonnegative_entries():
    v = verdict("p[k]", "1", "<=", "n: integer positive; k: integer, 1<=k<=n; p: indexed, real", SUM_ONE)
    assert v.status is not Status.PROVED


@pytest.mark.parametrize("weights, total", [("p1 p2 p3", "p1 + p2 + p3 == 1")])
def test_the_variance_of_explicit_entries_is_proved_by_homogenizing_with_the_sum(weights, total):
    v = verdict(VARIANCE3, "0", ">=", f"{weights}: positive", (total,))
    assert v.status is Status.PROVED, v.message
    assert "homogenized with p1 + p2 + p3 = 1" in v.message


@pytest.mark.parametrize("rel, total", [(">=", "p1 + p2 + p3 == 2"), (">", "p1 + p2 + p3 == 1")])
def test_its_false_twins_are_refuted(rel, total):
    # weights summing to 2 break it (a = b = c = 1); strict fails where a = b = c
    assert verdict(VARIANCE3, "0", rel, "p1 p2 p3: positive", (total,)).status is Status.REFUTED
