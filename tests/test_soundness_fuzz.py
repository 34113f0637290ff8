"""Differential soundness fuzzing in the suite (``bench/soundness_fuzz.py`` runs the same for minutes).

Seeded relations from ``softsym.fuzz`` are proved by softsym and every verdict is checked by the
fuzzer's independent oracle.  The oracle itself is tested first on verdicts written by hand (the
wrong verdicts of issue 10), so these tests do not depend on the prover's current state.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from softsym.fuzz.generator import generate_case
from softsym.fuzz.model import Base, Case, Declarations, Hypothesis, Name
from softsym.fuzz.oracle import judge
from softsym.fuzz.runner import SKIPPED, describe, run_label
from softsym.text import parse_relation

TIMEOUT = 2.0
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                    phases=(Phase.explicit, Phase.generate), suppress_health_check=[HealthCheck.too_slow])
LABELS = st.integers(min_value=0, max_value=10**9).map(lambda n: f"suite:{n}")

N_POSITIVE = Name("n", "dimension", integer=True, facts=("integer", "positive"), least=1)


def case(lhs: str, rel: str, rhs: str, names: tuple[Name, ...] = (), bases: tuple[Base, ...] = (),
         hypotheses: tuple[Hypothesis, ...] = (), truth: bool | None = None) -> Case:
    """A relation written by hand, as the generator would describe it."""
    return Case(lhs, rel, rhs, Declarations(names, bases, hypotheses), truth, (), "test")


# -- the oracle on hand-written verdicts ------------------------------------------------------------
def test_a_false_proof_over_nested_sums_is_a_disagreement():
    c = case("Sum(Sum(w[a]*(v[a] - v[b])**2, (b, 1, n)), (a, 1, n))", "==", "0", (N_POSITIVE,),
             (Base("w"), Base("v")))
    assert judge(c, "proved").kind == "disagreement"


def test_sums_follow_karr_convention():
    m = Name("m", "dimension", integer=True, facts=("integer",), upper="-2")
    c = case("Sum(x[k]**2, (k, 1, m))", ">=", "0", (m,), (Base("x"),))
    assert judge(c, "proved").kind == "disagreement"
    assert judge(case("Sum(k, (k, 1, m))", "==", "m*(m + 1)/2", (m,)), "proved").kind == "agree"


def test_a_proof_for_sizes_up_to_n_is_checked_with_unequal_sizes():
    dims = (N_POSITIVE, Name("m", "dimension", integer=True, facts=("integer", "positive"), least=1))
    c = case("Sum(x[k], (k, 1, n))", "==", "Sum(x[k], (k, 1, m))", dims, (Base("x"),))
    finding = judge(c, "proved-instantiated", instantiated_up_to=3)
    assert finding.kind == "disagreement", finding


def test_an_unbounded_index_is_tried_outside_the_range():
    i = Name("i", "index", integer=True, facts=("integer",))
    c = case("Sum(x[k]*KroneckerDelta(k, i), (k, 1, n))", "==", "x[i]", (N_POSITIVE, i), (Base("x"),))
    assert judge(c, "proved-instantiated", instantiated_up_to=4).kind == "disagreement"


def test_a_counterexample_outside_a_bound_that_mentions_another_name_is_a_disagreement():
    n = Name("n", "dimension", integer=True, facts=("integer",), lower="1", upper="3", least=1)
    i = Name("i", "index", integer=True, facts=("integer",), lower="1", upper="n")
    finding = judge(case("i", "<=", "3", (n, i)), "refuted", counterexample=(("i", "5"), ("n", "3")))
    assert finding.kind == "disagreement" and "outside the domain" in finding.detail


def test_a_counterexample_is_completed_by_an_equality_hypothesis():
    x = Name("x", "real", lower="0", lower_strict=True, upper="1", upper_strict=True)
    y = Name("y", "real", facts=("real",))
    c = case("y**2", "<", "1", (y, x), hypotheses=(Hypothesis("x == y**2", defines=("x", "y**2")),))
    finding = judge(c, "refuted", counterexample=(("y", "1"),))
    assert finding.kind == "disagreement" and "x=1 violates" in finding.detail


def test_a_counterexample_where_the_relation_holds_is_a_disagreement():
    x = Name("x", "real", facts=("real",))
    assert judge(case("exp(x)", ">=", "1 + x", (x,)), "refuted", counterexample=(("x", "1"),)).kind == "disagreement"
    assert judge(case("exp(x)", "<=", "1 + x", (x,)), "refuted", counterexample=(("x", "1"),)).kind == "agree"


def test_refuting_a_relation_true_by_construction_is_a_disagreement_even_unchecked():
    c = case("Sum(z[k], (k, 1, n))", "==", "Sum(z[r], (r, 1, n))", (N_POSITIVE,), (Base("z"),), truth=True)
    assert judge(c, "refuted", counterexample=(("n", "1"),)).kind == "disagreement"


def test_for_every_index_means_its_declared_range():
    i = Name("i", "index", integer=True, facts=("integer",), lower="1", upper="n")
    c = case("x[0]", "<=", "1", (N_POSITIVE, i), (Base("x"),),
             (Hypothesis("x[i] <= 1", caps=("x", "1"), forall=("i",)),))
    assert judge(c, "proved").kind == "disagreement"
    assert judge(case("x[1]", "<=", "1", c.declarations.names, c.declarations.bases,
                      c.declarations.hypotheses), "proved").kind == "agree"


def test_a_hypothesis_for_every_index_constrains_entries_the_relation_does_not_use():
    m = Name("M", "real", facts=("real",))
    c = case("M", ">", "0", (m,), (Base("z", ("positive",)),),
             (Hypothesis("z[l] <= M", caps=("z", "M"), forall=("l",)),))
    assert judge(c, "refuted", counterexample=(("M", "0"),)).kind == "disagreement"
    assert judge(c, "proved").kind == "agree"


def test_an_empty_domain_has_no_counterexample_and_a_nonempty_one_is_not_vacuous():
    x = Name("x", "real", facts=("real",))
    empty = case("x", ">", "0", (x,), hypotheses=(Hypothesis("x > 1"), Hypothesis("x < 0")), truth=True)
    assert judge(empty, "refuted", counterexample=(("x", "0"),)).kind == "disagreement"
    assert judge(empty, "vacuous").kind == "agree"
    assert judge(case("x", ">", "0", (x,), hypotheses=(Hypothesis("x > 1"),)), "vacuous").kind == "disagreement"


def test_undefined_values_are_unchecked_not_guessed():
    s = Name("s", "real", facts=("negative",))
    c = case("exp(-log(s))", "==", "1/s", (s,))
    assert judge(c, "proved").kind == "unchecked"


# -- the generator ------------------------------------------------------------------------------------
@settings(max_examples=150, deadline=None, derandomize=True, database=None)
@given(LABELS)
def test_generated_relations_are_reproducible_and_valid_input(label):
    c = generate_case(label)
    assert generate_case(label) == c
    parse_relation(c.lhs, c.rhs, c.rel, c.symbols, c.given)     # raises UserError on a generator bug


@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(LABELS.map(generate_case).filter(lambda c: c.truth is True))
def test_relations_true_by_construction_hold_at_every_admissible_point(c):
    finding = judge(c, "proved")
    assert finding.kind != "disagreement", f"{c.command(TIMEOUT)}\n{c.recipe}\n{finding.detail}"


# -- softsym against the oracle -----------------------------------------------------------------------
@contextmanager
def no_garbage_collection() -> Iterator[None]:
    """Hypothesis times garbage collection with a ``gc`` callback; softsym's SIGALRM time limit
    firing inside it would be swallowed (and reported as an unraisable exception)."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@SETTINGS
@given(LABELS)
def test_every_verdict_agrees_with_the_oracle(label):
    with no_garbage_collection():
        outcome = run_label(label, TIMEOUT)
    if outcome.status == SKIPPED or outcome.finding.kind in ("disagreement", "generator"):
        pytest.fail(f"{outcome.finding.kind}:\n{describe(outcome, TIMEOUT)}", pytrace=False)
