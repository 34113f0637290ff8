"""Steps concluded from earlier proved steps of the same derivation: a chain composed, or the
prover handed their relations as hypotheses.

A concluded step (``d.conclude(lhs, rel, rhs, from_steps=[...])``, the last step of ``d.chain``)
is checked in four stages:

1. the numeric counterexample search runs on the conclusion itself, assuming none of its
   dependencies: a confirmed counterexample refutes it whatever they say (one of them, or the
   composition, is then wrong — the message says so);
2. every dependency must be ``proved``: one that is ``proved-instantiated`` caps the conclusion at
   ``proved-instantiated`` with the smallest N; anything else leaves it ``undecided``, naming the
   dependency;
3. the dependencies compose as a chain from one side to the other (``chains.conclude``): ``proved``
   by ``chain``, with a trace naming each step used;
4. otherwise the prover gets the dependencies' relations as hypotheses (as ``prove --given``), and
   its proof is accepted with the same trace in front.

Only general facts may be used: a dependency must come earlier in the same derivation, be a
relation (not a definition, an instantiation with substituted values, or an erratum) and assume
no local hypothesis the conclusion does not also assume.  The builder refuses anything else when
the derivation is written; the checks here repeat that, so a hand-made ``Step`` cannot slip by.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Mapping

import sympy as sp

from . import chains
from .deadline import Deadline, run_until
from .dsl import Definition, Derivation, Kind, Step
from .errors import StepTimeout
from .problem import exact, prepare, unfold
from .prover import prove
from .strategies import PIPELINE
from .rewrite import canonical_dummies
from .strategies.numeric_counterexample import failing_point, refutation
from .verdict import Status, Verdict

STRATEGY = "conclude"
SMT_FIRST_SHARE = 0.15
"""Stage 4 tries the SMT strategy alone first, on this share of the step's time."""
_SMT_FIRST = tuple((label, strategy) for label, strategy in PIPELINE if label == "smt")
SEARCH_SHARE, SEARCH_MOST, SEARCH_POINTS, SEARCH_INSTANCES = 0.25, 5.0, 60, 24
"""Stage 1's own time (a share of the step's limit, at most SEARCH_MOST seconds) and effort."""
NOT_FACTS = {Kind.DEFINITION: "a definition (it is unfolded in every later step already)",
             Kind.INSTANTIATION: "an instantiation (it holds only at the values it substitutes, not in general)",
             Kind.FLOAT: "a float claim (numeric evidence about code at the inputs tried, not a fact)"}
_RELATIONALS = {"==": sp.Eq, "<=": sp.Le, "<": sp.Lt, ">=": sp.Ge, ">": sp.Gt}


def why_not_a_dependency(step: Step, dependency: Step) -> str | None:
    """Why ``dependency`` may not be used by ``step`` (None: it may)."""
    if dependency.index >= step.index:
        return f"step {dependency.index} comes after step {step.index}: a step may use only earlier steps"
    if dependency.erratum:
        return f"step {dependency.index} is an erratum (printed wrong, expected refuted): use its corrected step"
    if dependency.kind in NOT_FACTS:
        return f"step {dependency.index} is {NOT_FACTS[dependency.kind]}"
    missing = [g for g in dependency.given if g not in step.given]
    if missing:
        return (f"step {dependency.index} holds only under {', '.join(map(str, missing))}; give the concluding "
                f"step the same hypotheses (given=[...]) to use it")
    return None


def same_after(definitions: tuple[Definition, ...]) -> Callable[[sp.Basic, sp.Basic], bool]:
    """Structural equality after SymPy's canonical form, definitions unfolded, bound variables
    renamed canonically (the test of "the middle expressions match")."""
    def canon(expr: sp.Basic) -> sp.Basic:
        return canonical_dummies(exact(unfold(sp.sympify(expr), definitions)))

    def same(a: sp.Basic, b: sp.Basic) -> bool:
        return a == b or canon(a) == canon(b)
    return same


def _defined_name(target: sp.Basic) -> sp.Basic:
    """What a definition names: the symbol, the family of ``p[i]``, the function of ``f(x)``."""
    if isinstance(target, sp.Indexed):
        return target.base
    return target.func if isinstance(target, sp.core.function.AppliedUndef) else target


def dependency_relation(derivation: Derivation, dependency: Step, step: Step) -> chains.Relation:
    """The dependency's relation as ``step`` may read it: as written, unless a name it saw defined
    is defined again before ``step`` — then with the definitions it saw unfolded, so the name keeps
    the meaning it had there."""
    seen = derivation.definitions_before(dependency.index)
    later = {_defined_name(d.target) for d in derivation.definitions_before(step.index) if d.step > dependency.index}
    if later & {_defined_name(d.target) for d in seen}:
        return unfold(dependency.lhs, seen), dependency.rel, unfold(dependency.rhs, seen)
    return dependency.lhs, dependency.rel, dependency.rhs


def _named(dependency: Step) -> str:
    return f"step {dependency.index} ({dependency.place})"


def _shown(expr: sp.Basic) -> str:
    return sp.sstr(expr, order="none")


def _counterexample(derivation: Derivation, step: Step, timeout: float) -> Verdict | None:
    """Stage 1: a confirmed counterexample to the conclusion itself, none of its dependencies assumed."""
    problem = prepare(step.lhs, step.rel, step.rhs, derivation.domain.with_given(*step.given),
                      derivation.definitions_before(step.index))
    deadline = Deadline.after(min(SEARCH_MOST, max(0.5, timeout * SEARCH_SHARE)))
    try:
        hit = run_until(deadline, lambda: failing_point(problem, deadline, SEARCH_POINTS,
                                                        instances_limit=SEARCH_INSTANCES, salt="conclude"))
    except StepTimeout:
        return None
    if hit is None:
        return None
    uses = ", ".join(f"step {i}" for i in step.depends_on)
    return refutation(problem, hit, "numeric_counterexample",
                      f"concluded from {uses}, but one of them is wrong or does not give this conclusion: ")


def check_conclusion(derivation: Derivation, step: Step, verdicts: Mapping[int, Verdict],
                     timeout: float) -> Verdict:
    """The verdict of a step concluded from earlier steps, given their verdicts (by step index)."""
    start = time.perf_counter()
    dependencies = [derivation.steps[i - 1] for i in step.depends_on]
    for dependency in dependencies:
        reason = why_not_a_dependency(step, dependency)
        if reason is not None:
            return Verdict(Status.ERROR, STRATEGY, message=f"cannot conclude from {_named(dependency)}: {reason}")
    found = _counterexample(derivation, step, timeout)
    if found is not None:
        return found.timed(round(time.perf_counter() - start, 4))
    cap: int | None = None
    for dependency in dependencies:
        verdict = verdicts.get(dependency.index)
        if verdict is None or not verdict.status.is_proved:
            status = "not checked" if verdict is None else str(verdict.status)
            return Verdict(Status.UNDECIDED, STRATEGY, round(time.perf_counter() - start, 4),
                           f"not concluded: it depends on {_named(dependency)}, which is {status}"
                           + (f" ({verdict.message})" if verdict is not None and verdict.message else ""))
        if verdict.status is Status.PROVED_INSTANTIATED:
            n = verdict.instantiated_up_to or 0
            cap = n if cap is None else min(cap, n)
    used = tuple(f"uses {_named(d)}: {_shown(d.lhs)} {d.rel} {_shown(d.rhs)} ({verdicts[d.index].status})"
                 for d in dependencies)
    links = [dependency_relation(derivation, d, step) for d in dependencies]
    claim = (step.lhs, step.rel, step.rhs)
    composed = chains.conclude(claim, links, same_after(derivation.definitions_before(step.index)), _shown)
    if isinstance(composed, chains.Composed):
        verdict = Verdict(Status.PROVED, "chain", message=(
            f"composed from {', '.join(f'step {d.index}' for d in dependencies)}: "
            f"{' ; '.join(f'{_shown(a)} {r} {_shown(b)}' for a, r, b in links)} give "
            f"{_shown(step.lhs)} {composed.rel} {_shown(step.rhs)}"), trace=used + (f"composed: {composed.rel}",))
    else:
        verdict = _by_prover(derivation, step, links, dependencies, timeout - (time.perf_counter() - start),
                             used, composed)
    if verdict.status.is_proved and cap is not None:
        n = min(cap, verdict.instantiated_up_to or cap)
        verdict = Verdict(Status.PROVED_INSTANTIATED, verdict.strategy, message=(
            f"{verdict.message}; proved for n <= {n} only, as the dependencies it uses are"), instantiated_up_to=n,
            trace=verdict.trace)
    return verdict.timed(round(time.perf_counter() - start, 4))


def _substituted(derivation: Derivation, step: Step, links: list[chains.Relation],
                 dependencies: list[Step]) -> tuple[sp.Basic, sp.Basic, list[str]]:
    """The conclusion's sides with each equality among ``links`` substituted where one of its sides
    occurs (left by right, else right by left), definitions unfolded; and what was substituted."""
    definitions = derivation.definitions_before(step.index)

    def canon(expr: sp.Basic) -> sp.Basic:
        return canonical_dummies(exact(unfold(sp.sympify(expr), definitions)))
    lhs, rhs, done = canon(step.lhs), canon(step.rhs), []
    for (a, rel, b), dependency in zip(links, dependencies):
        if rel != "==":
            continue
        for (old, new), shown in zip(((canon(a), canon(b)), (canon(b), canon(a))), ((a, b), (b, a))):
            if old.is_Number or old.is_Symbol and old in new.free_symbols:
                continue
            left, right = lhs.subs(old, new), rhs.subs(old, new)
            if (left, right) != (lhs, rhs):
                lhs, rhs = canon(left), canon(right)
                done.append(f"substituted step {dependency.index}: {_shown(shown[0])} -> {_shown(shown[1])}")
                break
    return lhs, rhs, done


def _by_prover(derivation: Derivation, step: Step, links: list[chains.Relation], dependencies: list[Step],
               timeout: float, used: tuple[str, ...], composed: chains.Broken) -> Verdict:
    """Stage 4: earlier equalities substituted, then the prover with the dependencies' relations as
    hypotheses."""
    hypotheses = [_RELATIONALS[r](a, b, evaluate=False) for a, r, b in links]
    domain = derivation.domain.with_given(*step.given, *hypotheses)
    lhs, rhs, substituted = _substituted(derivation, step, links, dependencies)
    problem = prepare(lhs, step.rel, rhs, domain, derivation.definitions_before(step.index))
    # several hypotheses at once is what the arithmetic decision procedure is for: it goes first, on a
    # share of the time (2p(2p − 1 − Q) ≤ 0 from 2p − 1 − Q ≤ −(1 − p)²: 0.5 s, where the inequality
    # rules spend 24 s failing before it), then the whole pipeline on what is left
    started = time.perf_counter()
    verdict = prove(problem, max(timeout * SMT_FIRST_SHARE, 0.5), pipeline=_SMT_FIRST)
    if not verdict.status.is_proved:
        verdict = prove(problem, max(timeout - (time.perf_counter() - started), 1.0))
    uses = ", ".join(f"step {d.index}" for d in dependencies)
    how = f"from {uses} ({'; '.join(substituted)}; the rest as hypotheses)" if substituted else \
        f"from {uses} as hypotheses"
    if verdict.status.is_proved:
        return Verdict(verdict.status, verdict.strategy, message=f"{how}: {verdict.message}",
                       instantiated_up_to=verdict.instantiated_up_to, trace=used + tuple(substituted) + verdict.trace)
    if verdict.status is Status.REFUTED:      # the point satisfies every dependency: it refutes the conclusion
        return Verdict(verdict.status, verdict.strategy, message=f"false even where {uses} hold: {verdict.message}",
                       counterexample=verdict.counterexample)
    not_chain = f"{uses} do not compose as a chain (link {composed.link + 1}: {composed.reason})" \
        if composed.link < len(links) else f"{uses} do not give it as a chain ({composed.reason})"
    return Verdict(verdict.status, verdict.strategy, message=f"not concluded: {not_chain}; {how}: {verdict.message}")


__all__ = ["STRATEGY", "check_conclusion", "dependency_relation", "same_after", "why_not_a_dependency"]
