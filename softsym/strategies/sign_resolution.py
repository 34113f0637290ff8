"""Equalities with Abs, Max, Min, sign and piecewise conditions whose sign the inequality rules
can establish: replace each by the branch the proved sign selects, then decide the difference.

Inside a sum the bound variable's range is known (``1 <= i <= n`` for ``Σ_{i=1}^n``), so
``|p_i − p_i²| = p_i − p_i²`` can be resolved term by term.
"""
from __future__ import annotations

import sympy as sp

from ..deadline import Deadline, attempt
from ..domain import Domain
from ..problem import Problem
from ..rewrite import apply_givens, evaluate_derivatives
from ..sums import atomize_sums, normalize_sums, with_range
from ..verdict import Verdict, proved
from ._equality import CHEAP, EXPENSIVE, zero_by
from .inequalities import Context, nonnegative

name = "sign_resolution"
PIECEWISE = (sp.Abs, sp.Max, sp.Min, sp.sign, sp.Heaviside, sp.Piecewise)


def _holds(rel: sp.Basic, ctx: Context) -> bool | None:
    """True/False when the inequality rules prove ``rel`` or its negation, else None."""
    if rel in (sp.true, sp.false):
        return rel is sp.true
    if isinstance(rel, sp.And):
        parts = [_holds(a, ctx) for a in rel.args]
        return False if False in parts else (True if all(parts) else None)
    if isinstance(rel, (sp.LessThan, sp.StrictLessThan, sp.GreaterThan, sp.StrictGreaterThan)):
        gap = rel.rhs - rel.lhs if isinstance(rel, (sp.LessThan, sp.StrictLessThan)) else rel.lhs - rel.rhs
        strict = isinstance(rel, (sp.StrictLessThan, sp.StrictGreaterThan))
        if nonnegative(sp.expand(gap), strict, ctx):
            return True
        if nonnegative(sp.expand(-gap), not strict, ctx):
            return False
    return None


def _resolve_node(node: sp.Basic, ctx: Context, trace: list[str]) -> sp.Basic:
    if isinstance(node, sp.Abs):
        arg = node.args[0]
        if nonnegative(sp.expand(arg), False, ctx):
            trace.append(f"|{arg}| = {arg} (nonnegative)")
            return arg
        if nonnegative(sp.expand(-arg), False, ctx):
            trace.append(f"|{arg}| = -({arg}) (nonpositive)")
            return -arg
    elif isinstance(node, (sp.Max, sp.Min)) and len(node.args) == 2:
        a, b = node.args
        if nonnegative(sp.expand(a - b), False, ctx):
            trace.append(f"{a} >= {b}")
            return a if isinstance(node, sp.Max) else b
        if nonnegative(sp.expand(b - a), False, ctx):
            trace.append(f"{b} >= {a}")
            return b if isinstance(node, sp.Max) else a
    elif isinstance(node, sp.Piecewise):
        for expr, cond in node.args:
            decided = _holds(cond, ctx)
            if decided is True:
                trace.append(f"condition {cond} holds")
                return expr
            if decided is None:
                break
    return node


def resolve(expr: sp.Basic, domain: Domain, deadline: Deadline, relation_symbols: set,
            trace: list[str]) -> sp.Basic:
    """Top-down: resolve every piecewise node whose sign is provable in its local domain."""
    if isinstance(expr, (sp.Sum, sp.Product)) and len(expr.limits) == 1:
        var, lo, hi = expr.limits[0]
        body = resolve(expr.function, with_range(domain, var, lo, hi), deadline, relation_symbols, trace)
        return expr.func(body, (var, lo, hi))
    if not expr.args or not expr.has(*PIECEWISE):
        return expr
    rebuilt = expr.func(*(resolve(a, domain, deadline, relation_symbols, trace) for a in expr.args))
    if isinstance(rebuilt, PIECEWISE):
        return _resolve_node(rebuilt, Context(domain, deadline, relation_symbols), trace)
    return rebuilt


def sign_resolution(problem: Problem, deadline: Deadline) -> Verdict | None:
    """Prove an equality after resolving its piecewise parts by proved signs."""
    if problem.rel != "==" or not sp.Tuple(problem.lhs, problem.rhs).has(*PIECEWISE):
        return None
    trace: list[str] = []

    def rewrite() -> sp.Basic:
        diff = apply_givens(evaluate_derivatives(problem.difference), problem.domain)
        diff = normalize_sums(diff, problem.domain)
        return resolve(diff, problem.domain, deadline.sooner(deadline.remaining() * 0.5),
                       problem.free_symbols, trace)
    diff = attempt(deadline.sooner(deadline.remaining() * 0.6), rewrite, None)
    if diff is None or not trace:
        return None
    diff = normalize_sums(diff, problem.domain)
    atoms, _ = atomize_sums(diff, problem.domain)
    how = zero_by(atoms, deadline, CHEAP + EXPENSIVE)
    if how is None:
        return None
    return proved(name, "resolved by proved signs: " + "; ".join(trace) + f"; then {how}", tuple(trace) + (how,))
