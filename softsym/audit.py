"""The numeric audit of a proof: a proof that a high-precision evaluation contradicts is a bug.

Before ``proved`` (or ``proved-instantiated``) is reported, both sides are evaluated at points
inside the domain chosen to stress it: sizes 0, 1, 2 and 7 (and a reversed range where the
declarations admit one), dimensions varied independently, indices at and beyond the ends of their
ranges, the ends of declared intervals and seeded random values — each point checked against
every declaration, bound and hypothesis.  A disagreement confirmed at 50 and 100 digits turns the
verdict into ``error`` ("internal: proof contradicted at P").  The audit can only downgrade a
verdict, never upgrade one, and a failure of the audit itself leaves the verdict as it is.
"""
from __future__ import annotations

from dataclasses import replace

from .deadline import Deadline, run_until
from .errors import StepTimeout
from .numeric.evaluate import show, show_point
from .problem import Problem
import sympy as sp

from .strategies.limits import limit_audit
from .strategies.numeric_counterexample import failing_point
from .verdict import Counterexample, Status, Verdict

SIZES = (0, 1, 2, 7, 3, -1)
"""Sizes the audit stresses (those the declarations admit; for ``proved-instantiated`` only
those up to the proved N)."""
SHARE, MOST, LEAST = 0.2, 2.0, 0.2
"""The audit's own time: a share of the step's limit, between LEAST and MOST seconds."""
MOST_WITH_INTEGRALS = 6.0
"""A relation with a definite integral is checked by quadrature at 50 and 100 digits (about a
second a point): its audit may take up to this long, so that a shared machine's slowness does not
let a wrong proof through an audit that ran out of time."""
POINTS, INSTANCES, PER_SIZE = 6, 8, 2


def audit(problem: Problem, verdict: Verdict, timeout: float) -> Verdict:
    """``verdict`` unchanged, or ``error`` when an admissible point contradicts the proof."""
    sizes = SIZES
    if verdict.status is Status.PROVED_INSTANTIATED and verdict.instantiated_up_to is not None:
        sizes = tuple(v for v in SIZES if v <= verdict.instantiated_up_to)
        # only the sizes proved: where no preferred size is admissible (n >= 2, sizes 0, 1, 2 tried) the
        # search would take the next ones (n = 3), past what the verdict claims
        from .dimensions import dimension_symbols
        dims = dimension_symbols(sp.Tuple(problem.lhs, problem.rhs))
        if dims:
            top = sp.Integer(verdict.instantiated_up_to)
            problem = problem.replaced(problem.lhs, problem.rhs,
                                       problem.domain.with_given(*(sp.Le(d, top) for d in dims)))
    most = MOST_WITH_INTEGRALS if sp.Tuple(problem.lhs, problem.rhs).has(sp.Integral) else MOST
    deadline = Deadline.after(min(most, max(LEAST, timeout * SHARE)))
    try:
        hit = run_until(deadline, lambda: failing_point(problem, deadline, POINTS, sizes, INSTANCES, "audit", PER_SIZE,
                                                          integrals=True))
    except StepTimeout:
        return verdict
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except Exception:  # noqa: BLE001 - the audit only ever downgrades; its own failure changes nothing
        return verdict
    if hit is None:
        return _limit_audit(problem, verdict, deadline)
    full, point, left, right, digits = hit
    cex = Counterexample(show_point(full), show(left, point), show(right, point), digits)
    return replace(verdict, status=Status.ERROR, strategy="audit", counterexample=cex, instantiated_up_to=None,
                   message=f"internal: the proof by {verdict.strategy} is contradicted at {cex.describe()} "
                           f"(both sides evaluated at {digits} digits inside the assumptions); not reported as "
                           f"proved — please report this relation")


def _limit_audit(problem: Problem, verdict: Verdict, deadline: Deadline) -> Verdict:
    """A proof through a limit with parameters, checked at the parameters' special values
    (``strategies.limits``): refuted there, or not trusted (``undecided``), or unchanged."""
    if verdict.strategy in ("limits", "limit_algebra"):
        return verdict                        # checked before proving / never uses a generic value
    try:
        found = run_until(deadline, lambda: limit_audit(problem, deadline))
    except StepTimeout:
        found = False if sp.Tuple(problem.lhs, problem.rhs).has(sp.Limit) else None
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except Exception:  # noqa: BLE001
        found = None
    if found is None:
        return verdict
    if found is False:
        return replace(verdict, status=Status.UNDECIDED, strategy="audit", instantiated_up_to=None,
                       message=f"the proof by {verdict.strategy} goes through SymPy's limit for a generic value "
                               "of the parameters, which could not be confirmed at their special values: not proved")
    return replace(found, message=f"the proof by {verdict.strategy} went through SymPy's limit for a generic "
                                  f"value of the parameters; {found.message}")
