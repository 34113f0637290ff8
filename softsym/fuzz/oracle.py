"""The oracle: does a verdict agree with high-precision evaluation at admissible points?

- ``proved`` / ``proved-instantiated``: both sides at up to ``POINTS`` admissible points (for "n =
  1..N" only sizes up to N), 50 digits; a failure re-checked at 100 digits is a disagreement.
- ``refuted``: the reported point must satisfy every assumption, bound and hypothesis (checked
  here, not by softsym) and the relation must fail there; a point that leaves names out is
  completed (names defined by ``x == expr`` computed, the rest drawn, several times).  Refuting a
  relation that is true by construction is a disagreement even when the point cannot be checked.
- ``vacuous`` (the assumptions admit no point): an admissible point is a disagreement.

Where the oracle cannot decide (undefined values, hypotheses it cannot satisfy) it says
``unchecked``, never guesses.
"""
from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass

import sympy as sp

from .model import Case
from .points import DIGITS, Point, Sampler, World
from .syntax import free_names
from .values import Unchecked, Undefined, compare, number
from .watchdog import OutOfTime, within

RECHECK_DIGITS = 100
POINTS = 12
TRIES = 60
COMPLETIONS = 4
BUDGET = 20.0
PROVED = ("proved", "proved-instantiated")

_ENTRY = re.compile(r"^\s*([A-Za-z_]\w*)\s*\[\s*(.+?)\s*\]\s*$")


@dataclass(frozen=True)
class Finding:
    """What the oracle concluded about one verdict.

    Attributes:
        kind: ``agree``, ``unchecked``, ``disagreement``, ``generator`` (the oracle confirms a
            refutation of a relation the generator believed true: a fuzzer bug) or ``none``
            (nothing to check: undecided, timeout, error).
        detail: the evidence, for the report.
    """

    kind: str
    detail: str = ""


@dataclass(frozen=True)
class Evaluation:
    """Both sides at one point: exact values, their 50-digit numbers, and the relation's status."""

    lhs: sp.Basic
    rhs: sp.Basic
    left: sp.Float
    right: sp.Float
    holds: bool | None


def judge(case: Case, status: str, instantiated_up_to: int | None = None,
          counterexample: tuple[tuple[str, str], ...] | None = None, budget: float = BUDGET) -> Finding:
    """Check one verdict about ``case`` within ``budget`` seconds."""
    if status not in (*PROVED, "refuted", "vacuous"):
        return Finding("none")
    try:
        return within(budget, lambda: _judge(case, status, instantiated_up_to, counterexample))
    except OutOfTime:
        return _unless_true(case, status, Finding("unchecked", f"the oracle ran out of time ({budget:g} s)"))
    except Unchecked as exc:
        return _unless_true(case, status, Finding("unchecked", str(exc)))
    except Exception as exc:  # noqa: BLE001 - an oracle failure is reported as such, never as a verdict
        return _unless_true(case, status, Finding("unchecked", f"oracle failure: {type(exc).__name__}: {exc}"))


def _judge(case: Case, status: str, up_to: int | None, counterexample: tuple[tuple[str, str], ...] | None) -> Finding:
    world = World(case.declarations, frozenset(free_names(case.lhs) | free_names(case.rhs)))
    lhs, rhs = world.parse(case.lhs), world.parse(case.rhs)
    if status in PROVED:
        return _check_proof(case, world, lhs, rhs, up_to if status == "proved-instantiated" else None)
    if status == "vacuous":
        return _check_vacuous(world, lhs, case.rel, rhs, case.label or case.lhs)
    return _unless_true(case, status, _check_counterexample(case, world, lhs, rhs, counterexample or ()))


def _unless_true(case: Case, status: str, finding: Finding) -> Finding:
    """A refutation the oracle could not check is still a disagreement for a relation true by construction."""
    if status == "refuted" and case.truth is True and finding.kind == "unchecked":
        return Finding("disagreement", f"refuted, but the relation is true by construction ({finding.detail})")
    return finding


def evaluate(world: World, lhs: sp.Basic, rel: str, rhs: sp.Basic, point: Point, digits: int = DIGITS) -> Evaluation:
    """Both sides at ``point`` and whether ``lhs rel rhs`` holds there (raises ``Unchecked``)."""
    exact_l, exact_r = world.exact(lhs, point), world.exact(rhs, point)
    left, right = number(exact_l, digits), number(exact_r, digits)
    holds = compare(left, rel, right, digits)
    if holds is None and sp.simplify(exact_l - exact_r) == 0:
        holds = False                                    # a strict relation between equal values
    return Evaluation(exact_l, exact_r, left, right, holds)


def fails_confirmed(world: World, case: Case, lhs: sp.Basic, rhs: sp.Basic, point: Point) -> Evaluation | None:
    """The evaluation at 100 digits when the relation fails there too (None otherwise)."""
    again = evaluate(world, lhs, case.rel, rhs, point, RECHECK_DIGITS)
    return again if again.holds is False else None


def _show(e: Evaluation) -> str:
    return f"lhs={sp.N(e.left, 20)}, rhs={sp.N(e.right, 20)}"


def _check_proof(case: Case, world: World, lhs: sp.Basic, rhs: sp.Basic, up_to: int | None) -> Finding:
    """Evaluate a proved relation at admissible points; a confirmed failure is a disagreement."""
    sampler = Sampler(world, case.label or f"{case.lhs}|{case.rhs}", up_to)
    checked, undefined, reasons = 0, 0, set()
    for j in range(TRIES):
        if checked >= POINTS:
            break
        point = sampler.draw(j)
        if any(world.name_violations(point)):
            continue
        try:
            e = evaluate(world, lhs, case.rel, rhs, point)
        except Undefined:
            undefined += 1
            continue
        except Unchecked as exc:
            reasons.add(str(exc))
            continue
        bad, unknown = world.violations(point)
        if bad or unknown:
            continue
        checked += 1
        if e.holds is not True:
            confirmed = fails_confirmed(world, case, lhs, rhs, point)
            if confirmed is not None:
                sizes = f" (sizes up to N={up_to})" if up_to is not None else ""
                return Finding("disagreement", f"fails at the admissible point {point.describe()}{sizes}: "
                                               f"{_show(confirmed)} (confirmed at {RECHECK_DIGITS} digits)")
    if checked == 0:
        why = sorted(reasons)[:2] + ([f"undefined at {undefined} of them"] if undefined else [])
        return Finding("unchecked", f"no admissible point where both sides are defined among {TRIES} tries"
                                    + (f" ({'; '.join(why)})" if why else ""))
    return Finding("agree", f"holds at {checked} admissible points")


def reported_point(world: World, values: tuple[tuple[str, str], ...]) -> tuple[dict, dict, list[str]]:
    """The counterexample's scalars and entries as exact numbers, and the names the oracle does not know."""
    scalars: dict[str, sp.Basic] = {}
    entries: dict[tuple[str, sp.Basic], sp.Basic] = {}
    unknown: list[str] = []
    for name, text in values:
        value = sp.sympify(text, rational=True)
        match = _ENTRY.match(name)
        if match and match.group(1) in world.bases:
            entries[(match.group(1), sp.sympify(match.group(2)))] = value
        elif world.decls.name(name) is not None:
            scalars[name] = value
        else:
            unknown.append(name)
    return scalars, entries, unknown


def _check_counterexample(case: Case, world: World, lhs: sp.Basic, rhs: sp.Basic,
                          values: tuple[tuple[str, str], ...]) -> Finding:
    """Is the reported point admissible, and does the relation fail there?"""
    scalars, entries, unknown = reported_point(world, values)
    missing = sorted(world.relevant(lhs, rhs) - set(scalars) - set(world.definitions))
    sampler = Sampler(world, case.label or case.lhs)
    notes = f" (names the oracle does not know: {', '.join(unknown)})" if unknown else ""
    holding: list[str] = []
    outside: list[str] = []
    undefined = ""
    invented = bool(missing)
    for t in range(COMPLETIONS):
        point = sampler.draw(t, scalars, entries)
        try:
            e = evaluate(world, lhs, case.rel, rhs, point)
        except Unchecked as exc:
            undefined = str(exc)
            continue
        invented = invented or bool(point.drawn)
        bad, unsure = world.violations(point)
        if not bad and not unsure:
            if e.holds is not True and fails_confirmed(world, case, lhs, rhs, point) is not None:
                if case.truth is True:
                    return Finding("generator",
                                   f"the oracle confirms the counterexample {point.describe()}: {_show(e)}")
                return Finding("agree", f"fails at the admissible point {point.describe()}")
            if e.holds is True:
                holding.append(f"{point.describe()}: {_show(e)}")
            elif e.holds is None:
                undefined = f"both sides agree to {DIGITS} digits at {point.describe()}: a strict relation is undecided"
        elif bad:
            outside.append(f"{point.describe()}: {'; '.join(bad)}")
        if not invented:
            break
    completed = " (values the report leaves out drawn by the oracle)" if invented else ""
    if holding:
        return Finding("disagreement", f"the relation holds at the reported point{completed}: {holding[0]}{notes}")
    if outside and not missing:
        return Finding("disagreement", f"the reported point is outside the domain{completed}: {outside[0]}{notes}")
    why = undefined or (f"no admissible completion: {outside[0]}" if outside else "admissibility undecided")
    return Finding("unchecked", f"{why}{notes}")


def _check_vacuous(world: World, lhs: sp.Basic, rel: str, rhs: sp.Basic, seed: str) -> Finding:
    """A claim that no point is admissible: search for one."""
    sampler = Sampler(world, seed)
    for j in range(TRIES):
        point = sampler.draw(j)
        with suppress(Unchecked):                    # only to draw the entries the relation uses
            evaluate(world, lhs, rel, rhs, point)
        bad, unknown = world.violations(point)
        if not bad and not unknown:
            return Finding("disagreement", f"called vacuous, but {point.describe()} satisfies every assumption")
    return Finding("agree", f"no admissible point among {TRIES} tries")
