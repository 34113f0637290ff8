"""Relations proved case by case over integer symbols with few values (a label y ∈ {0, 1}, a class
t ∈ {0, 1, 2}): each value is substituted — into the relation, the other bounds and the
hypotheses — and every case must be proved by the symbolic strategies.  Never refutes (a failing
case is left to the counterexample search, which tries these values anyway).
"""
from __future__ import annotations

import itertools
from dataclasses import replace

import sympy as sp

from ..deadline import Deadline
from ..domain import Bound, Domain
from ..numeric.sampling import admits
from ..problem import Problem
from ..rewrite import substitute_free
from ..verdict import Status, Verdict, proved

name = "finite_domain"

MAX_VALUES = 6
"""Most values one symbol may take to be split on."""
MAX_CASES = 16
"""Most cases (product over the symbols split on)."""
SKIP = ("finite_domain", "instantiate", "numeric_counterexample", "exact_numeric")
"""Strategies not run inside a case: this one, the weaker instantiated proof and the searches."""


def _values(symbol: sp.Symbol, domain: Domain) -> list[sp.Integer] | None:
    """The integers a bounded integer symbol may take, when both ends are numbers and they are few."""
    bound = domain.bound_of(symbol)
    if symbol.is_integer is not True or bound is None or bound.lower is None or bound.upper is None:
        return None
    lo, hi = bound.lower, bound.upper
    if not (lo.is_number and hi.is_number and lo.is_real and hi.is_real):
        return None
    first = sp.floor(lo) + 1 if bound.lower_strict and lo.is_integer else sp.ceiling(lo)
    last = sp.ceiling(hi) - 1 if bound.upper_strict and hi.is_integer else sp.floor(hi)
    if last - first + 1 > MAX_VALUES:
        return None
    values = [sp.Integer(v) for v in range(int(first), int(last) + 1)]
    return [v for v in values if admits(symbol, v)]


def _at(domain: Domain, values: dict[sp.Symbol, sp.Integer]) -> Domain:
    """``domain`` with the symbols fixed: their bounds dropped, every other bound and hypothesis
    rewritten (a hypothesis that becomes False leaves an empty case, which cannot be proved)."""
    bounds = []
    for b in domain.bounds:
        if b.symbol in values:
            continue
        ends = [None if e is None else substitute_free(e, values) for e in (b.lower, b.upper)]
        bounds.append(Bound(b.symbol, ends[0], b.lower_strict, ends[1], b.upper_strict))
    given = tuple(substitute_free(g, values) for g in domain.given)
    return Domain(tuple(s for s in domain.symbols if s not in values), domain.indexed, tuple(bounds),
                  tuple(g for g in given if g is not sp.true))


def finite_domain(problem: Problem, deadline: Deadline) -> Verdict | None:
    """Prove the relation at every value of the free integer symbols with at most ``MAX_VALUES``."""
    from . import PIPELINE                                   # the pipeline holds this strategy

    free = sorted((s for s in problem.free_symbols if isinstance(s, sp.Symbol)), key=str)
    choices = {s: v for s in free if (v := _values(s, problem.domain)) is not None}
    if not choices or any(not v for v in choices.values()):
        return None
    total = 1
    for v in choices.values():
        total *= len(v)
    if total > MAX_CASES:
        return None
    symbols = list(choices)
    strategies = [(label, s) for label, s in PIPELINE if label not in SKIP]
    trace = []
    for n, combo in enumerate(itertools.product(*(choices[s] for s in symbols))):
        values = dict(zip(symbols, combo, strict=True))
        try:      # SymPy may fail on a case (Max of an empty sum's quotient is "not comparable"): no answer
            case = replace(problem.replaced(substitute_free(problem.lhs, values), substitute_free(problem.rhs, values),
                                            _at(problem.domain, values)), shown=None)
        except (ValueError, TypeError, NotImplementedError, ZeroDivisionError):
            return None
        share = deadline.sooner(deadline.remaining() / (total - n))
        verdict = _prove_case(case, strategies, share)
        label = ", ".join(f"{s} = {v}" for s, v in values.items())
        if verdict is None:
            return None
        trace.append(f"case {label}: {verdict.strategy}")
    ranges = " × ".join(f"{s} ∈ {{" + ", ".join(map(str, choices[s])) + "}" for s in symbols)
    return proved(name, f"{ranges}, every case proved: " + "; ".join(trace), tuple(trace))


def _prove_case(case: Problem, strategies: list, deadline: Deadline) -> Verdict | None:
    for _, strategy in strategies:
        if deadline.expired():
            return None
        try:
            verdict = strategy(case, deadline)
        except (ValueError, TypeError, NotImplementedError, ZeroDivisionError, RecursionError):
            return None                      # a strategy that fails on a case proves nothing about it
        if verdict is not None:
            return verdict if verdict.status is Status.PROVED else None
    return None
