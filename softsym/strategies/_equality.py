"""Normal forms that decide ``expr == 0`` symbolically; shared by the equality strategies."""
from __future__ import annotations

from collections.abc import Callable

import sympy as sp

from ..deadline import Deadline, attempt
from ..rewrite import exp_to_symbols, licensed_log_expand, rational_normal_form


def _is_zero(expr: sp.Basic) -> bool:
    return expr == 0 or expr.is_zero is True


def _rational(expr: sp.Basic) -> sp.Basic:
    return rational_normal_form(expr)


def _exp_rational(expr: sp.Basic) -> sp.Basic:
    rewritten, _ = exp_to_symbols(sp.powsimp(expr, deep=True))
    return rational_normal_form(rewritten)


def _log_exp_rational(expr: sp.Basic) -> sp.Basic:
    return _exp_rational(licensed_log_expand(expr))


def _log_combined(expr: sp.Basic) -> sp.Basic:
    """Combine logarithms where SymPy proves their arguments positive (no force), cancel inside
    each logarithm with exponentials as symbols, and expand again: log(e^a + e^b) − log(1 + e^{b−a})
    becomes log(e^a) = a."""
    rewritten, inverse = exp_to_symbols(sp.powsimp(expr, deep=True))
    combined = sp.logcombine(sp.expand(rewritten), force=False)
    combined = combined.replace(lambda e: isinstance(e, sp.log), lambda e: sp.log(sp.factor(sp.cancel(e.args[0]))))
    return _exp_rational(licensed_log_expand(combined.xreplace(inverse)))


_TRIGONOMETRIC = (sp.sinh, sp.cosh, sp.tanh, sp.coth, sp.sech, sp.csch, sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc)


def _hyperbolic(expr: sp.Basic) -> sp.Basic:
    """Hyperbolic and trigonometric functions as exponentials — those nodes only: ``expr.rewrite(exp)`` also
    writes x² as exp(2 log x), which is never 0, so 1{x² = 0} (a Kronecker delta, a Piecewise condition)
    became 0 even at x = 0."""
    return _log_exp_rational(expr.replace(lambda e: isinstance(e, _TRIGONOMETRIC), lambda e: e.rewrite(sp.exp)))


def _inverse_hyperbolic(expr: sp.Basic) -> sp.Basic | None:
    """atanh, asinh, acosh as the logarithms they are (principal branches, so exact wherever the
    functions are defined), then the licensed log normal forms; nothing to do without them."""
    inverse = (sp.atanh, sp.asinh, sp.acosh)
    if not expr.has(*inverse):
        return None
    return _log_exp_rational(expr.replace(lambda x: isinstance(x, inverse), lambda x: x.rewrite(sp.log)))


def _trusted_by_simplify(expr: sp.Basic) -> None:
    """``simplify`` rewrites binomials and factorials by identities that fail at negative integers
    (binomial(n, n) = 1 is false at n = −1): refuse them unless every argument is nonnegative; and it drops
    a Kronecker delta of a compound or real argument (1{x² = 0} beside a series) as if it were 0: refuse those."""
    for node in expr.atoms(sp.binomial, sp.factorial, sp.gamma, sp.loggamma, sp.RisingFactorial, sp.FallingFactorial):
        if not all(a.is_nonnegative for a in node.args):
            raise ValueError(f"simplify is not trusted with {node} (an argument may be negative)")
    for node in expr.atoms(sp.KroneckerDelta):       # δ(0, x²)·Σ cos k/k² simplified to 0, also at x = 0
        if not all(a.is_integer and isinstance(a, (sp.Symbol, sp.Integer, sp.Indexed)) for a in node.args):
            raise ValueError(f"simplify is not trusted with {node} (an argument that is not an integer name)")


def _simplify(expr: sp.Basic) -> sp.Basic:
    _trusted_by_simplify(expr)
    return sp.simplify(expr)


def _simplify_log(expr: sp.Basic) -> sp.Basic:
    _trusted_by_simplify(expr)
    return sp.simplify(licensed_log_expand(sp.simplify(expr)))


_SPECIAL = (sp.polygamma, sp.beta, sp.gamma, sp.loggamma)


def _special_functions(expr: sp.Basic) -> sp.Basic | None:
    """Euler's special functions by their defining identities (``expand_func`` of those nodes only: it also
    rewrites binomial(n, n) as 1, false at n = −1): B(a, b) as Γ(a)Γ(b)/Γ(a + b),
    ψ(x + 1) as ψ(x) + 1/x, Γ(x + 1) as xΓ(x), log Γ(u) as log(Γ(u)) where u > 0 — each an identity wherever
    both sides are defined — then Γ ratios cancelled (``gammasimp``, trusted only where every argument of Γ is
    nonnegative, as for ``simplify``) and the licensed log normal forms; nothing to do without them."""
    if not expr.has(*_SPECIAL):
        return None                     # (nothing to rewrite: not even the cost of asking whether expr is 0)
    positive_loggamma = expr.replace(lambda e: isinstance(e, sp.loggamma) and e.args[0].is_positive is True,
                                     lambda e: sp.log(sp.gamma(e.args[0])))
    expanded = positive_loggamma.replace(lambda e: isinstance(e, (sp.polygamma, sp.beta, sp.gamma)), sp.expand_func)
    _trusted_by_simplify(expanded)
    return _log_exp_rational(sp.gammasimp(licensed_log_expand(expanded)))


# (name, rewrite, share of the remaining time it may use)
CHEAP: tuple[tuple[str, Callable[[sp.Basic], sp.Basic], float], ...] = (
    ("rational normal form", _rational, 0.2),
    ("exp atoms as positive symbols + rational normal form", _exp_rational, 0.25),
    ("licensed log expansion + exp atoms + rational normal form", _log_exp_rational, 0.25),
    ("licensed log combination + cancellation inside logs", _log_combined, 0.3),
)
EXPENSIVE: tuple[tuple[str, Callable[[sp.Basic], sp.Basic], float], ...] = (
    ("rewrite to exp + rational normal form", _hyperbolic, 0.3),
    ("inverse hyperbolic functions as logs + licensed log normal forms", _inverse_hyperbolic, 0.3),
    ("special functions by their defining identities + Γ ratios cancelled", _special_functions, 0.3),
    ("simplify", _simplify, 0.5),
    ("simplify + licensed log expansion", _simplify_log, 0.6),
)


def zero_by(expr: sp.Basic, deadline: Deadline, methods=CHEAP) -> str | None:
    """The name of the first method whose normal form of ``expr`` is exactly zero, else None.

    A nonzero normal form proves nothing (these procedures are incomplete); only zero counts.
    """
    if _is_zero(expr):
        return "structural"
    for name, method, share in methods:
        budget = deadline.sooner(max(deadline.remaining() * share, 0.05))
        result = attempt(budget, lambda m=method: m(expr), None)
        if result is not None and _is_zero(result):
            return name
        if deadline.expired():
            return None
    return None
