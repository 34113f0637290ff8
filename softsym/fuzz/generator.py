"""One random relation from a label: a rewritten expression or a true inequality, then (half the
time) a perturbation."""
from __future__ import annotations

import random

from .gen import Gen
from .inequalities import as_relation, inequality
from .model import Case, Sign
from .mutate import perturb
from .terms import Pair, infix, rewrite, term

PERTURBED = 0.5
"""The share of relations that get a perturbation."""


def generate_case(label: str) -> Case:
    """The relation named by ``label`` (the same label always gives the same relation)."""
    rng = random.Random(label)
    g = Gen(rng)
    if g.chance(0.5):
        lhs, rel, rhs = _equality(g)
    else:
        lhs, rel, rhs = as_relation(g, inequality(g, rng.choice([0, 1, 1, 2])))
    case = g.case(lhs, rel, rhs, label)
    return perturb(case, rng) if rng.random() < PERTURBED else case


def _equality(g: Gen) -> tuple[str, str, str]:
    """An expression and a value-preserving rewriting of it (at least one rule applied)."""
    depth = g.pick([1, 2, 2, 3])
    pair = rewrite(g, depth, g.pick([Sign.ANY, Sign.ANY, Sign.ANY, Sign.NONNEG, Sign.POS])) if g.chance(0.5) \
        else term(g, depth)
    if pair is None or pair.lhs == pair.rhs:
        extra = rewrite(g, 1, Sign.ANY) or Pair.same("0")
        pair = extra if pair is None else infix(g.pick(["{0} + {1}", "{0}*{1}", "{1} - {0}"]), pair, extra)
    if g.chance(0.5):
        pair = Pair(pair.rhs, pair.lhs, pair.sign)
    return pair.lhs, "==", pair.rhs
