"""Candidate points on the branch cuts of a relation about complex (or imaginary) symbols.

An identity of principal branches, such as log(1/w) = −log(w), can fail only where an argument
lies on its function's branch cut — a set of measure zero that random complex points never hit.
``log(sigmoid(x)) = −softplus(−x)`` fails exactly where 1 + e^{−x} is a negative real number
(x = −log 2 ± iπ).  This module finds such points: for every logarithm, non-integer power and
inverse trigonometric or hyperbolic function of the relation, it solves "argument = a point of the
cut" (−1, −2, −1/2 for the negative real axis; ±2, ±2i for the others) for one symbol at a time,
the other symbols at simple admissible values, under a time limit, and keeps exact solutions
(shifted by ±2πi too: exponentials repeat).

Only candidates: each must still pass the admissibility check and the usual confirmation at 50
and 100 digits, where ``evaluate`` evaluates a function on its cut by its principal branch
(exactly: an argument numerically on the cut must be proved to lie on it, see ``evaluate``).
"""
from __future__ import annotations

import functools

import sympy as sp

from ..deadline import Deadline, attempt

R = sp.Rational
ON_NEGATIVE_AXIS = (sp.Integer(-1), sp.Integer(-2), R(-1, 2))
REAL_OUTSIDE_UNIT = (sp.Integer(2), sp.Integer(-2))
IMAGINARY_OUTSIDE_UNIT = (2 * sp.I, -2 * sp.I)
BELOW_ONE = (sp.Integer(-1), sp.Integer(0))

CUTS: tuple[tuple[type, tuple[sp.Basic, ...]], ...] = (
    (sp.log, ON_NEGATIVE_AXIS),
    (sp.asin, REAL_OUTSIDE_UNIT), (sp.acos, REAL_OUTSIDE_UNIT), (sp.atanh, REAL_OUTSIDE_UNIT),
    (sp.acoth, (R(1, 2), R(-1, 2))),
    (sp.atan, IMAGINARY_OUTSIDE_UNIT), (sp.asinh, IMAGINARY_OUTSIDE_UNIT), (sp.acot, (sp.I / 2, -sp.I / 2)),
    (sp.acosh, BELOW_ONE),
)
"""Each branched function with a few points of its (principal) branch cut."""
MAX_SOLUTIONS = 4
SOLVE_SECONDS = 0.4


def cut_arguments(expr: sp.Basic) -> list[tuple[sp.Basic, tuple[sp.Basic, ...]]]:
    """(argument, points of its cut) for each branched function of ``expr`` whose argument has
    free symbols (a non-integer power's base counts: b^e = exp(e log b))."""
    out: list[tuple[sp.Basic, tuple[sp.Basic, ...]]] = []
    for node in sp.preorder_traversal(expr):
        arg, cut = None, ()
        if isinstance(node, sp.Pow) and node.exp.is_integer is not True:
            arg, cut = node.base, ON_NEGATIVE_AXIS
        else:
            for kind, points in CUTS:
                if isinstance(node, kind):
                    arg, cut = node.args[0], points
                    break
        if arg is not None and arg.free_symbols and (arg, cut) not in out:
            out.append((arg, cut))
    return out


def cut_candidates(expr: sp.Basic, variables: list, base: dict, deadline: Deadline,
                   limit: int = 24) -> list[dict]:
    """Points (``base`` with one non-real variable moved) where an argument of ``expr`` lies on its
    branch cut; exact, at most ``limit``."""
    movable = [v for v in variables if isinstance(v, sp.Symbol) and v.is_real is not True and not v.is_integer]
    out: list[dict] = []
    for arg, cut in cut_arguments(expr):
        for v in movable:
            if not arg.has(v):
                continue
            others = {k: val for k, val in base.items() if k != v}
            reduced = arg.xreplace(others)
            if reduced.free_symbols != {v}:
                continue
            for target in cut:
                if deadline.expired() or len(out) >= limit:
                    return out
                for value in _solutions(reduced, v, target, deadline):
                    point = {**base, v: value}
                    if point not in out:
                        out.append(point)
    return out[:limit]


def _solutions(arg: sp.Basic, v: sp.Symbol, target: sp.Basic, deadline: Deadline) -> list[sp.Basic]:
    """Exact values of ``v`` (of its kind: imaginary when it is) where ``arg`` equals ``target``."""
    step = deadline.sooner(min(SOLVE_SECONDS, max(deadline.remaining() / 4, 0.05)))
    found = attempt(step, lambda: _solve(arg, v, target), ())
    out: list[sp.Basic] = []
    for value in found:
        for shift in (0, 2 * sp.pi * sp.I, -2 * sp.pi * sp.I):
            moved = value + shift
            if moved not in out and (v.is_imaginary is not True or moved.is_imaginary):
                out.append(moved)
    return out


@functools.lru_cache(maxsize=512)
def _solve(arg: sp.Basic, v: sp.Symbol, target: sp.Basic) -> tuple[sp.Basic, ...]:
    """``solve(arg = target)`` for a free complex ``v`` (for an imaginary ``v``: v = i t, t real),
    the exact solutions without free symbols; cached (the quick and the full search ask alike)."""
    if v.is_imaginary:
        t = sp.Dummy("t", real=True)
        found = [sp.I * s for s in sp.solve(sp.Eq(arg.xreplace({v: sp.I * t}), target), t)]
    else:
        z = sp.Dummy("z")
        found = sp.solve(sp.Eq(arg.xreplace({v: z}), target), z)
    out = []
    for s in found:
        if isinstance(s, sp.Basic) and not s.free_symbols and s.is_finite is not False and s not in out:
            out.append(sp.expand_complex(s) if sp.count_ops(s) < 40 else s)
        if len(out) >= MAX_SOLUTIONS:
            break
    return tuple(out)
