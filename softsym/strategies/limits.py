"""Relations with limits: evaluate each ``Limit`` with SymPy (under the time limit), then decide
the resulting relation with the equality strategies.
"""
from __future__ import annotations

from dataclasses import replace

import sympy as sp

from ..deadline import Deadline, attempt
from ..problem import Problem
from ..rewrite import evaluate_derivatives, exp_to_symbols
from ..verdict import Verdict
from .exact_numeric import exact_numeric
from .rational_form import rational_form
from .simplify_difference import simplify_difference

name = "limits"


def _cancel_exponentials(expr: sp.Basic) -> sp.Basic:
    """The same function with common exponential factors cancelled (value-preserving).

    ``e^{(a-d)/T} / (e^{a/T} + e^{(a-d)/T})`` becomes ``1 / (e^{d/T} + 1)``: SymPy's limit then
    no longer needs the sign of ``a``, which it cannot know.
    """
    rewritten, inverse = exp_to_symbols(sp.powsimp(expr))
    return sp.cancel(sp.together(rewritten)).xreplace(inverse)


def _one_limit(node: sp.Limit) -> sp.Basic:
    expr, var = node.args[0], node.args[1]
    inner = evaluate_derivatives(expr).doit()
    for piecewise in inner.atoms(sp.Piecewise):       # a closed form with a separate value at the point
        if any(isinstance(c, (sp.Eq, sp.Ne)) and c.has(var)
               for _, cond in piecewise.args for c in sp.preorder_traversal(cond)):
            raise ValueError(f"{expr} takes a separate value at isolated points of {var}: limit not trusted")
    try:
        value = node.doit()
        if not value.has(sp.Limit):
            return value
    except NotImplementedError:
        pass
    expr, var, point, direction = node.args
    return sp.Limit(_cancel_exponentials(expr), var, point, direction).doit()


def _evaluate(expr: sp.Basic) -> sp.Basic:
    return expr.replace(lambda e: isinstance(e, sp.Limit), _one_limit)


def limits(problem: Problem, deadline: Deadline) -> Verdict | None:
    """Evaluate the limits on either side, then prove or refute what remains."""
    if not sp.Tuple(problem.lhs, problem.rhs).has(sp.Limit):
        return None
    budget = deadline.sooner(max(deadline.remaining() * 0.6, 0.2))
    lhs = attempt(budget, lambda: _evaluate(problem.lhs), None)
    rhs = attempt(budget, lambda: _evaluate(problem.rhs), None)
    if lhs is None or rhs is None or sp.Tuple(lhs, rhs).has(sp.Limit):
        return None
    evaluated = problem.replaced(lhs, rhs)
    for strategy in (exact_numeric, rational_form, simplify_difference):
        verdict = strategy(evaluated, deadline)
        if verdict is not None:
            return replace(verdict, strategy=name,
                           message=f"SymPy's limit gives {lhs} {problem.rel} {rhs}; {verdict.message}")
    return None
