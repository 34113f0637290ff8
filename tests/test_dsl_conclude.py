"""Steps concluded from earlier proved steps: d.conclude, d.chain, their verdicts, fingerprints and cache."""
from __future__ import annotations

import json
import textwrap

import pytest
import sympy as sp
from sympy import Derivative, KroneckerDelta, Sum, exp, log

from softsym.cache import Cache
from softsym.chains import Broken, Composed, compose, implies
from softsym.conclude import check_conclusion
from softsym.dsl import DerivationBuilder, Source, sigmoid, softmax
from softsym.engine import check_all, check_derivation, conclusion_key
from softsym.errors import DerivationError
from softsym.fingerprint import step_fingerprint
from softsym.verdict import Status, Verdict

SRC = Source("test.txt", "§1")


def _logistic(name: str = "logistic") -> tuple[DerivationBuilder, sp.Symbol]:
    d = DerivationBuilder(name, title="sigmoid < 1", source=SRC)
    return d, d.symbols("x", real=True)


def _statuses(result) -> list[Status]:
    return [r.verdict.status for r in result.results]


# -- chains.py: pure composition ------------------------------------------------------------------------
a, b, c, e = sp.symbols("a b c e")


@pytest.mark.parametrize("links, rel", [
    ([(a, "==", b), (b, "==", c)], "=="),
    ([(a, "<=", b), (b, "==", c)], "<="),
    ([(a, "<=", b), (b, "<", c)], "<"),
    ([(a, "<=", b), (c, ">", b)], "<"),             # c > b read from b goes up
    ([(a, ">=", b), (b, "==", c), (c, ">", e)], ">"),
], ids=["eq-eq", "le-eq", "le-lt", "le-gt-reversed", "ge-eq-gt"])
def test_compose_gives_the_strongest_relation(links, rel):
    composed = compose(a, links, lambda x, y: x == y)
    assert isinstance(composed, Composed) and composed.rel == rel


def test_compose_refuses_a_chain_that_turns_back():
    broken = compose(a, [(a, "<=", b), (b, ">=", c)], lambda x, y: x == y)
    assert isinstance(broken, Broken) and broken.link == 1 and "mixes <= and >=" in broken.reason


@pytest.mark.parametrize("composed, claimed, ok", [
    ("<", "<=", True), ("==", "<=", True), ("<=", "<", False), ("<=", "==", False), (">", ">=", True),
    ("<", ">=", False)])
def test_implies(composed, claimed, ok):
    assert implies(composed, claimed) is ok


# -- d.chain and d.conclude ------------------------------------------------------------------------------
def test_a_true_chain_is_proved_with_a_trace_naming_its_steps():
    d, x = _logistic()
    end = d.chain(sigmoid(x), ("==", exp(x) / (1 + exp(x)), "multiply by e^x"), ("<", 1), ("<=", 2),
                  why="so the sigmoid is below 2")
    derivation = d.build()
    assert end.index == 4 and end.depends_on == (1, 2, 3) and end.rel == "<" and end.rhs == 2
    assert derivation.steps[0].why == "multiply by e^x" and end.why == "so the sigmoid is below 2"
    result = check_derivation(derivation)
    assert _statuses(result) == [Status.PROVED] * 4
    last = result.results[-1].verdict
    assert last.strategy == "chain"
    assert [t.split(" (")[0] for t in last.trace[:3]] == ["uses step 1", "uses step 2", "uses step 3"]
    assert "composed: <" in last.trace


def test_conclude_takes_steps_or_their_labels():
    d, x = _logistic()
    first = d.eq(sigmoid(x), exp(x) / (1 + exp(x)))
    d.rel(exp(x) / (1 + exp(x)), "<", 1, label="below_one")
    end = d.conclude(1, ">", sigmoid(x), from_steps=[first, "below_one"], why="read the other way")
    assert end.depends_on == (1, 2)
    assert _statuses(check_derivation(d.build())) == [Status.PROVED] * 3


def test_a_chain_through_an_undecided_step_is_not_proved():
    d = DerivationBuilder("opaque", title="t", source=SRC)
    x_ = d.symbols("x", real=True)
    f = sp.Function("f", real=True)
    unknown = d.rel(f(x_), ">=", 0, why="nothing says so: neither provable nor refutable")
    known = d.rel(0, ">", -1)
    d.conclude(f(x_), ">", -1, from_steps=[unknown, known])
    result = check_derivation(d.build(), timeout=8)
    assert [r.verdict.status for r in result.results[:2]] == [Status.UNDECIDED, Status.PROVED]
    verdict = result.results[2].verdict
    assert verdict.status is Status.UNDECIDED and verdict.strategy == "conclude"
    assert "it depends on step 1 (" in verdict.message and "which is undecided" in verdict.message
    assert not result.ok


def _three_steps() -> tuple:
    d, x = _logistic()
    s1 = d.eq(sigmoid(x), exp(x) / (1 + exp(x)))
    s2 = d.rel(exp(x) / (1 + exp(x)), "<", 1)
    s3 = d.conclude(sigmoid(x), "<", 1, from_steps=[s1, s2])
    return d.build(), s3


@pytest.mark.parametrize("first, second, status, n", [
    (Verdict(Status.PROVED, "x"), Verdict(Status.PROVED_INSTANTIATED, "instantiate", instantiated_up_to=4),
     Status.PROVED_INSTANTIATED, 4),
    (Verdict(Status.PROVED_INSTANTIATED, "instantiate", instantiated_up_to=3),
     Verdict(Status.PROVED_INSTANTIATED, "instantiate", instantiated_up_to=5), Status.PROVED_INSTANTIATED, 3),
    (Verdict(Status.PROVED, "x"), Verdict(Status.TIMEOUT, "smt"), Status.UNDECIDED, None),
    (Verdict(Status.REFUTED, "numeric_counterexample"), Verdict(Status.PROVED, "x"), Status.UNDECIDED, None),
], ids=["instantiated-caps", "smallest-N", "timeout-dependency", "refuted-dependency"])
def test_the_conclusion_is_at_most_as_proved_as_its_weakest_dependency(first, second, status, n):
    derivation, step = _three_steps()
    verdict = check_conclusion(derivation, step, {1: first, 2: second}, timeout=10)
    assert verdict.status is status and verdict.instantiated_up_to == n
    if status is Status.UNDECIDED:
        failing = 1 if not first.status.is_proved else 2
        assert f"depends on step {failing} (" in verdict.message and str((first, second)[failing - 1].status) in verdict.message


def test_a_false_conclusion_is_refuted_even_from_proved_steps():
    d, x = _logistic()
    s1 = d.eq(sigmoid(x), exp(x) / (1 + exp(x)))
    s2 = d.rel(exp(x) / (1 + exp(x)), "<", 1)
    d.conclude(sigmoid(x), "<", sp.Rational(1, 3), from_steps=[s1, s2], why="wrong")
    verdict = check_derivation(d.build()).results[-1].verdict
    assert verdict.status is Status.REFUTED and verdict.counterexample is not None
    assert "one of them is wrong or does not give this conclusion" in verdict.message


def test_a_false_conclusion_from_an_unproved_step_is_refuted_not_undecided():
    d, x = _logistic("again")
    s1 = d.eq(sigmoid(x), exp(x) / (1 + exp(x)))
    wrong = d.conclude(sigmoid(x), "==", 1, from_steps=[s1])
    verdict = check_conclusion(d.build(), wrong, {1: Verdict(Status.UNDECIDED, "none")}, timeout=10)
    assert verdict.status is Status.REFUTED


def test_an_earlier_equality_is_substituted_into_a_hard_step():
    """The label-smoothed cross-entropy gradient, for symbolic n: its lower bound times out as one step
    (20 s); with the gradient proved first and substituted, it is proved."""
    d = DerivationBuilder("smoothed_ce", title="t", source=SRC)
    n = d.bounded("n", 2, None, strict=False, integer=True)
    eps = d.bounded("epsilon", 0, 1)
    z = d.indexed("z", real=True)
    t, j = d.index("t", 1, n), d.index("j", 1, n)
    k = d.symbols("k", integer=True)
    p, q = d.indexed("p", real=True), d.indexed("q", real=True)
    d.define(p[j], softmax(z, j, (k, 1, n)))
    d.define(q[j], (1 - eps) * KroneckerDelta(j, t) + eps / n, why="label smoothing")
    loss = d.define("L", -Sum(q[k] * log(p[k]), (k, 1, n)))
    gradient = d.eq(Derivative(loss, z[j]), p[j] - q[j], why="predicted minus smoothed target")
    d.conclude(Derivative(loss, z[j]), ">", -1, from_steps=[gradient])
    result = check_derivation(d.build(), timeout=20)
    verdict = result.results[-1].verdict
    assert verdict.status is Status.PROVED, verdict.message
    assert "substituted step 4: Derivative(L, z[j]) -> " in verdict.message


@pytest.mark.slow          # about 12 s: CI's second step
def test_a_hard_step_split_into_a_chain_is_proved_end_to_end():
    """d/dz_j of the label-smoothed cross-entropy is at most 1 − ε/n: undecided as one step, proved
    as a chain of three small ones."""
    d = DerivationBuilder("smoothed_ce_bound", title="t", source=SRC)
    n = d.bounded("n", 2, None, strict=False, integer=True)
    eps = d.bounded("epsilon", 0, 1)
    z = d.indexed("z", real=True)
    t, j = d.index("t", 1, n), d.index("j", 1, n)
    k = d.symbols("k", integer=True)
    p, q = d.indexed("p", real=True), d.indexed("q", real=True)
    d.define(p[j], softmax(z, j, (k, 1, n)))
    d.define(q[j], (1 - eps) * KroneckerDelta(j, t) + eps / n)
    loss = d.define("L", -Sum(q[k] * log(p[k]), (k, 1, n)))
    end = d.chain(Derivative(loss, z[j]), ("==", p[j] - q[j], "the gradient"), ("<=", 1 - q[j], "p_j <= 1"),
                  ("<=", 1 - eps / n, "q_j >= eps/n"), why="the gradient is at most 1 - eps/n")
    result = check_derivation(d.build(), timeout=20)
    assert [r.verdict.status for r in result.results[3:]] == [Status.PROVED] * 4
    assert end.rel == "<=" and result.results[-1].verdict.strategy == "chain"


# -- what may be a dependency -----------------------------------------------------------------------------
def test_a_chain_whose_middle_does_not_match_is_an_error_naming_file_and_line():
    d, x = _logistic()
    other = d.rel(exp(x) / (2 + exp(x)), "<", 1)
    with pytest.raises(DerivationError) as err:
        d.chain(sigmoid(x), ("==", exp(x) / (1 + exp(x))), other)
    assert err.value.file == __file__ and err.value.line is not None
    assert "chain link 2 (step 1" in str(err.value) and "do not include" in str(err.value)


def test_a_chain_that_mixes_directions_is_an_error_that_teaches():
    d, x = _logistic()
    with pytest.raises(DerivationError, match="mixes <= and >= says nothing about its ends"):
        d.chain(sigmoid(x), ("<", 1), (">=", 0))


@pytest.mark.parametrize("make, reason", [
    (lambda d, x: d.instantiate({x: 0}, sigmoid(x), sp.Rational(1, 2)), "an instantiation"),
    (lambda d, x: d.erratum(sigmoid(x), 1, why="printed wrong") and d.eq(sigmoid(x), sigmoid(x)), None),
    (lambda d, x: d.rel(sigmoid(x), "<", 1, given=[x > 0]), "holds only under x > 0"),
], ids=["instantiation", "erratum", "local-hypothesis"])
def test_only_general_facts_of_the_same_derivation_may_be_used(make, reason):
    d, x = _logistic()
    make(d, x)
    used = d._steps[0]
    with pytest.raises(DerivationError) as err:
        d.conclude(sigmoid(x), "<", 2, from_steps=[used])
    assert (reason or "is an erratum") in str(err.value)


def test_a_dependency_with_hypotheses_is_usable_under_the_same_hypotheses():
    d, x = _logistic()
    step = d.rel(sigmoid(x), ">", sp.Rational(1, 2), given=[x > 0])
    end = d.conclude(sigmoid(x), ">", sp.Rational(1, 3), from_steps=[step], given=[x > 0])
    assert end.depends_on == (1,)
    assert _statuses(check_derivation(d.build())) == [Status.PROVED, Status.PROVED]


def test_steps_of_another_derivation_or_unknown_labels_are_refused():
    other, x = _logistic("other")
    foreign = other.eq(sigmoid(x), exp(x) / (1 + exp(x)))
    d, y = _logistic("mine")
    d.eq(sigmoid(y), sigmoid(y))
    with pytest.raises(DerivationError, match="not a step of derivation mine"):
        d.conclude(sigmoid(x), "<", 1, from_steps=[foreign])
    with pytest.raises(DerivationError, match="no earlier step is labelled 'nope'"):
        d.conclude(sigmoid(y), "<", 1, from_steps=["nope"])


def test_a_conclusion_in_a_file_that_uses_a_definition_is_a_load_error_with_file_and_line(runner, tmp_path):
    from softsym.cli import main
    file = tmp_path / "bad_chain.py"
    file.write_text(textwrap.dedent("""\
        from sympy import exp
        from softsym.dsl import DerivationBuilder, Source, sigmoid
        d = DerivationBuilder("bad_chain", title="t", source=Source("x.txt", "§1"))
        x = d.symbols("x", real=True)
        s = d.define("s", sigmoid(x))
        d.conclude(s, "<", 1, from_steps=[d._steps[0]])
        DERIVATION = d.build()
    """))
    result = runner.invoke(main, ["check", str(file), "--no-cache"])
    assert result.exit_code == 1
    assert "bad_chain.py:6:" in result.output and "is a definition" in result.output
    assert "Traceback" not in result.output


# -- fingerprints, cache, parallel, report ----------------------------------------------------------------
def _with_dependency(bound: object) -> tuple:
    d, x = _logistic()
    s1 = d.eq(sigmoid(x), exp(x) / (1 + exp(x)))
    s2 = d.rel(exp(x) / (1 + exp(x)), "<", bound)
    d.conclude(sigmoid(x), "<", 2, from_steps=[s1, s2])
    derivation = d.build()
    return derivation, derivation.steps[-1]


def test_a_concluded_steps_fingerprint_covers_its_dependencies():
    first, step = _with_dependency(1)
    again, same = _with_dependency(1)
    changed, moved = _with_dependency(sp.Rational(3, 2))
    assert step_fingerprint(first, step) == step_fingerprint(again, same)
    assert step_fingerprint(first, step) != step_fingerprint(changed, moved)   # the conclusion itself is unchanged


def test_the_cache_key_of_a_conclusion_covers_the_verdicts_it_used():
    derivation, step = _with_dependency(1)
    proved = {1: Verdict(Status.PROVED, "x"), 2: Verdict(Status.PROVED, "y")}
    weaker = {1: Verdict(Status.PROVED, "x"), 2: Verdict(Status.TIMEOUT, "y")}
    assert conclusion_key(derivation, step, proved) != conclusion_key(derivation, step, weaker)


def test_check_all_checks_conclusions_after_their_steps_and_caches_them(tmp_path):
    derivation, _ = _with_dependency(1)
    cache = Cache(tmp_path / "cache")
    serial = check_all([derivation], jobs=1, timeout=10, cache=cache)
    assert [r.verdict.status for r in serial[0].results] == [Status.PROVED] * 3
    again = check_all([derivation], jobs=1, timeout=10, cache=cache)
    assert cache.hits == 3 and [r.verdict for r in again[0].results] == [r.verdict for r in serial[0].results]


def test_the_json_report_lists_what_a_step_uses(runner, tmp_path):
    from softsym.cli import main
    file = tmp_path / "chained.py"
    file.write_text(textwrap.dedent("""\
        from sympy import exp
        from softsym.dsl import DerivationBuilder, Source, sigmoid
        d = DerivationBuilder("chained", title="t", source=Source("x.txt", "§1"))
        x = d.symbols("x", real=True)
        d.chain(sigmoid(x), ("==", exp(x) / (1 + exp(x))), ("<", 1), why="below one")
        DERIVATION = d.build()
    """))
    result = runner.invoke(main, ["check", str(file), "--no-cache", "--format", "json"])
    assert result.exit_code == 0, result.output
    steps = json.loads(result.output)["derivations"][0]["steps"]
    assert [s["depends_on"] for s in steps] == [[], [], [1, 2]]
    assert steps[0]["why"] == "" and steps[2]["strategy"] == "chain"


def test_the_lockfile_sees_a_changed_dependency_as_a_changed_conclusion():
    from softsym.lockfile import compare, entries
    before, _ = _with_dependency(1)
    after, _ = _with_dependency(sp.Rational(3, 2))
    locked = entries([check_derivation(before)])
    changes = compare([check_derivation(after)], locked)
    assert sorted(c.place.rsplit(" ", 1)[-1] for c in changes if c.kind == "changed") == ["2", "3"]
