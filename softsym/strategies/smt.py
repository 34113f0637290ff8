"""Decide the arithmetic core of a relation with z3, from every hypothesis at once.

The relation, its declarations, bounds and ``--given`` hypotheses are encoded for z3
(``z3_encoding``: polynomial arithmetic exact, roots, Max/Min/Abs, exp/log and other terms
abstracted soundly).  In order:

1. each side condition of an abstraction (a radicand ≥ 0, a log argument > 0) must follow from
   the assumptions, or the strategy passes;
2. ``unsat`` of the assumptions ∧ ¬relation proves the relation (strategy ``smt``; the trace
   lists the abstraction);
3. ``sat`` gives a model: a candidate point only.  It refutes only after softsym's own
   admissibility check and 50/100-digit confirmation (``numeric_counterexample``); otherwise the
   next model is tried, then the strategy passes.

z3 is optional: without it (``pip install softsym[smt]``) the strategy passes.
"""
from __future__ import annotations

from typing import Any

import sympy as sp

from ..deadline import Deadline, attempt, shielded, uninterrupted
from ..problem import Problem
from ..rewrite import evaluate_derivatives
from ..sums import normalize_sums
from ..verdict import Verdict, proved
from ..z3_encoding import Encoding, Untranslatable, encode
from .numeric_counterexample import failing_candidate, refutation

name = "smt"

MAX_SECONDS = 4.0
"""Longest single z3 call (and at most half of what is left of the step's time)."""
LEMMA_SECONDS = 0.3
"""Longest check of a lemma's condition (a condition that fails makes z3 search for a model)."""
MODELS = 3
"""How many of z3's models are tried as counterexamples."""


def available() -> bool:
    """Whether z3 can be imported."""
    try:
        import z3  # noqa: F401
    except ImportError:
        return False
    return True


def smt(problem: Problem, deadline: Deadline) -> Verdict | None:
    """Prove with z3's ``unsat``, or refute at one of its models once softsym confirms it."""
    if not available():
        return None
    import z3

    lhs = attempt(deadline, lambda: evaluate_derivatives(problem.lhs), None)
    rhs = attempt(deadline, lambda: evaluate_derivatives(problem.rhs), None)
    if lhs is None or rhs is None or sp.Tuple(lhs, rhs).has(sp.Limit, sp.Integral, sp.Derivative):
        return None
    if sp.Tuple(lhs, rhs).has(sp.Sum, sp.Product):    # linearity first: Σ_i e^{z_i} v_i / S is (Σ_i e^{z_i} v_i)/S
        lhs = attempt(deadline, lambda: normalize_sums(lhs, problem.domain), lhs)
        rhs = attempt(deadline, lambda: normalize_sums(rhs, problem.domain), rhs)
    # Everything that builds or holds z3 objects runs uninterrupted (softsym.deadline): the step's
    # alarm raised between z3 creating an AST and taking its reference crashes the process later.
    enc = attempt(deadline.sooner(min(MAX_SECONDS, deadline.remaining() * 0.3)),
                  lambda: shielded(lambda: _encode(lhs, problem.rel, rhs, problem)), None)
    if enc is None:
        return None
    with uninterrupted():
        solver, outcome, model = _solve(z3, enc, deadline)
    if outcome == z3.unsat:
        return proved(name, _proof_message(enc), trace=tuple(enc.notes) + tuple(
            f"hypothesis left out: {d}" for d in enc.dropped))
    if outcome == z3.sat:
        return _refute(z3, solver, model, enc, problem, deadline)
    return None


def _solve(z3: Any, enc: Encoding, deadline: Deadline) -> tuple[Any, Any, Any]:
    """The solver with the encoding's assumptions, and z3's answer on the negated relation (with a
    model when ``sat``); ``unknown`` when a root or log may not be real or nothing is defined."""
    solver = z3.Solver()
    solver.add(*enc.assumptions, *enc.defined, *enc.facts)
    for obligation, _, facts in enc.obligations:           # inner roots and logs first
        if _check(z3, solver, deadline, z3.Not(obligation))[0] != z3.unsat:
            return solver, z3.unknown, None                # a root or a log may not be real
        solver.add(*facts)
    used = []
    for condition, words, facts in enc.lemmas:             # optional: a lemma not shown is left out
        if z3.is_true(z3.simplify(condition)) \
                or _check(z3, solver, deadline, z3.Not(condition), seconds=LEMMA_SECONDS)[0] == z3.unsat:
            solver.add(*facts)
            used.append(f"lemma: {words}")
    enc.notes.extend(used)
    if _check(z3, solver, deadline)[0] != z3.sat:
        return solver, z3.unknown, None    # no point where the relation is defined, or z3 cannot tell
    outcome, model = _check(z3, solver, deadline, z3.Not(enc.goal))
    return solver, outcome, model


def _encode(lhs: sp.Basic, rel: str, rhs: sp.Basic, problem: Problem) -> Encoding | None:
    try:       # the relation's names as written (a derivative may have dropped one): one value each
        return encode(lhs, rel, rhs, problem.domain, values=problem.free_symbols)
    except Untranslatable:
        return None


def _check(z3: Any, solver: Any, deadline: Deadline, *extra: Any, seconds: float = MAX_SECONDS) -> tuple[Any, Any]:
    """``solver.check`` with ``extra`` pushed, within z3's own timeout (a C call cannot be
    interrupted by the step's alarm): the result and, when ``sat``, the model."""
    seconds = min(seconds, MAX_SECONDS, deadline.remaining() * 0.5)
    if seconds < 0.05:
        return z3.unknown, None
    solver.set("timeout", max(int(seconds * 1000), 1))
    solver.push()
    try:
        solver.add(*extra)
        result = solver.check()
        return result, solver.model() if result == z3.sat else None
    finally:
        solver.pop()


def _proof_message(enc: Encoding) -> str:
    parts = ["z3: the assumptions and the negated relation have no common solution"]
    if enc.notes:
        parts.append(f"with {len(enc.notes)} abstraction{'s' if len(enc.notes) > 1 else ''} (see the trace)")
    if enc.dropped:
        parts.append(f"without {len(enc.dropped)} hypothesis{'es' if len(enc.dropped) > 1 else ''} z3 cannot read")
    return ", ".join(parts)


def _refute(z3: Any, solver: Any, model: Any, enc: Encoding, problem: Problem,
            deadline: Deadline) -> Verdict | None:
    """Try z3's models as counterexamples, blocking each one that softsym cannot confirm."""
    blocked: list[Any] = []
    if sp.Tuple(problem.lhs, problem.rhs, *problem.domain.given).has(sp.Sum, sp.Product):
        return None          # sums are opaque variables to z3: its models say nothing about them
    budget = deadline.sooner(min(MAX_SECONDS, deadline.remaining() * 0.25))
    for _ in range(MODELS):
        try:
            point = shielded(lambda: _point(z3, model, enc))
        except (ValueError, OverflowError):      # a model value too long to convert: not a candidate
            return None
        if point is None or budget.expired():
            return None
        hit = failing_candidate(problem, budget, [point])     # SymPy only: may be interrupted
        if hit is not None:
            return refutation(problem, hit, name, "z3 suggested the point; ")
        with uninterrupted():
            blocked.append(z3.Or([var != model.eval(var, model_completion=True) for var in enc.variables.values()]))
            outcome, model = _check(z3, solver, deadline, z3.Not(enc.goal), *blocked)
        if outcome != z3.sat:
            return None
    return None


def _point(z3: Any, model: Any, enc: Encoding) -> dict | None:
    """The model's values of the user's symbols and entries (entries at their concrete index)."""
    symbols: dict[sp.Basic, sp.Basic] = {}
    entries: list[tuple[sp.Indexed, sp.Basic]] = []
    for node, var in enc.variables.items():
        value = _number(z3, model.eval(var, model_completion=True))
        if value is None:
            return None
        if isinstance(node, sp.Dummy):
            continue
        if isinstance(node, sp.Indexed):
            entries.append((node, value))
        else:
            symbols[node] = value
    for entry, value in entries:
        indices = [sp.sympify(i).xreplace(symbols) for i in entry.indices]
        if all(i.is_Integer for i in indices):
            symbols.setdefault(entry.base[tuple(indices)] if len(indices) > 1 else entry.base[indices[0]], value)
    return symbols


def _number(z3: Any, value: Any) -> sp.Basic | None:
    if z3.is_int_value(value):
        return sp.Integer(value.as_long())
    if z3.is_rational_value(value):
        return sp.Rational(value.numerator_as_long(), value.denominator_as_long())
    if z3.is_algebraic_value(value):
        return sp.Rational(value.approx(30).as_decimal(30).rstrip("?"))
    return None
