"""The prover's strategies, in the order they are tried.

A strategy is a function ``(problem, deadline) -> Verdict | None``; ``None`` means "no opinion,
try the next".  Cheap symbolic proofs come first, then a short counterexample search over
simple values (most false steps fail at 0 or 1, and it spares the expensive strategies), then
the expensive symbolic strategies, the instantiated fallback, and the full counterexample search.
"""
from __future__ import annotations

from collections.abc import Callable

from ..deadline import Deadline
from ..problem import Problem
from ..verdict import Verdict
from .case_split import case_split
from .exact_numeric import exact_numeric
from .finite_domain import finite_domain
from .inequalities import inequalities
from .instantiate import instantiate
from .integral_points import integral_points, quick_integral_points
from .limit_algebra import limit_algebra
from .limits import limits
from .numeric_counterexample import numeric_counterexample, quick_counterexample
from .rational_form import rational_form
from .sign_resolution import sign_resolution
from .simplify_difference import simplify_difference
from .smt import smt
from .sum_identities import sum_identities, sum_identities_cheap

Strategy = Callable[[Problem, Deadline], Verdict | None]

PIPELINE: tuple[tuple[str, Strategy], ...] = (
    ("exact_numeric", exact_numeric),
    ("limit_algebra", limit_algebra),
    ("limits", limits),
    ("rational_form", rational_form),
    ("sum_identities", sum_identities_cheap),
    ("numeric_counterexample", quick_counterexample),
    ("integral_points", quick_integral_points),
    ("sum_identities", sum_identities),
    ("inequalities", inequalities),
    ("smt", smt),
    ("sign_resolution", sign_resolution),
    ("simplify_difference", simplify_difference),
    ("case_split", case_split),
    ("finite_domain", finite_domain),
    ("instantiate", instantiate),
    ("numeric_counterexample", numeric_counterexample),
    ("integral_points", integral_points),
)

__all__ = ["PIPELINE", "Strategy"]
