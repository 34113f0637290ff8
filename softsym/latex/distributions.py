"""Named distributions as values: ``\\mathrm{Ber}(p)``, ``\\mathcal{N}(\\mu, \\sigma^2)``,
``\\mathrm{Poisson}(\\lambda)``, ``\\mathrm{Exp}(\\lambda)`` written where notes compare two of them
(``\\operatorname{KL}(\\mathrm{Ber}(p) \\| \\mathrm{Ber}(q))``, or ``P = \\mathcal{N}(\\mu_1, \\sigma_1^2)`` and then
``\\operatorname{KL}(P \\| Q)``).

A distribution is no number: the reader builds it as an object of its own (a SymPy function of its
parameters that SymPy never evaluates), and :func:`closed_forms` replaces what the notes compute of two
of the same family — the Kullback–Leibler divergence — by its closed form, with the ranges of the
parameters (0 < p < 1; a variance > 0, σ ≠ 0 when it is written σ²; λ > 0) as facts the relation is
checked under (a formula read outside them would refute or prove what the notes do not claim).  A
distribution left anywhere else is no value softsym reads (:func:`left_over`).

The closed forms (natural logarithm; a normal by its mean and variance):

* KL(Ber(p) ‖ Ber(q)) = p log(p/q) + (1 − p) log((1 − p)/(1 − q))
* KL(N(μ₁, v₁) ‖ N(μ₂, v₂)) = ½ log(v₂/v₁) + (v₁ + (μ₁ − μ₂)²)/(2 v₂) − ½   (½ log(v₂/v₁) written
  log(|σ₂|/|σ₁|) when the variances are written σ₁², σ₂²)
* KL(Poisson(a) ‖ Poisson(b)) = a log(a/b) − a + b
* KL(Exp(a) ‖ Exp(b)) = log(a/b) + b/a − 1   (rates)
"""
from __future__ import annotations

import sympy as sp


class Distribution(sp.Function):
    """A named distribution of its parameters: an object, never a number (SymPy leaves it unevaluated)."""

    is_number = False

    @classmethod
    def eval(cls, *args):  # noqa: D102 - never evaluated: a distribution has no value
        return None


class Bernoulli(Distribution):
    nargs = 1
    arity = 1


class Normal(Distribution):
    nargs = 2
    arity = 2                   # mean, variance


class Poisson(Distribution):
    nargs = 1
    arity = 1


class Exponential(Distribution):
    nargs = 1
    arity = 1                   # rate


WORDS: dict[str, type[Distribution]] = {
    "Ber": Bernoulli, "Bern": Bernoulli, "Bernoulli": Bernoulli,
    "Poisson": Poisson, "Pois": Poisson, "Poi": Poisson,
    "Exp": Exponential, "Exponential": Exponential, "Expo": Exponential,
}
"""The words (in ``\\mathrm``, ``\\operatorname``, ``\\text``) that name a family; ``\\mathcal{N}(\\mu, \\sigma^2)`` is
the normal."""


def parameter_ranges(dist: sp.Basic) -> list[sp.Basic]:
    """Where a distribution's parameters make sense: 0 < p < 1, variance > 0, rate > 0."""
    if isinstance(dist, Bernoulli):
        return [sp.Lt(0, dist.args[0]), sp.Lt(dist.args[0], 1)]
    if isinstance(dist, Normal):
        variance = dist.args[1]
        if isinstance(variance, sp.Pow) and variance.exp == 2 and isinstance(variance.base, (sp.Symbol, sp.Indexed)):
            return [sp.Ne(variance.base, 0)]        # N(μ, σ²): σ ≠ 0 (its sign is the text's to say)
        return [sp.Lt(0, variance)]
    if isinstance(dist, (Poisson, Exponential)):
        return [sp.Lt(0, dist.args[0])]
    return []


def kl(first: sp.Basic, second: sp.Basic) -> sp.Expr | None:
    """KL(first ‖ second) of two distributions of one family, or None (another pair: not read)."""
    if isinstance(first, Bernoulli) and isinstance(second, Bernoulli):
        p, q = first.args[0], second.args[0]
        return p * sp.log(p / q) + (1 - p) * sp.log((1 - p) / (1 - q))
    if isinstance(first, Normal) and isinstance(second, Normal):
        (m1, v1), (m2, v2) = first.args, second.args
        spread = sp.log(_deviation(v2) / _deviation(v1))
        # (log|σ₂|/|σ₁|: log(σ₂/σ₁) as notes write it holds where the text takes σ₁, σ₂ > 0 — a "for real
        # t ≠ 0" of N(0, t²) does not)
        return spread + (v1 + (m1 - m2) ** 2) / (2 * v2) - sp.Rational(1, 2)
    if isinstance(first, Poisson) and isinstance(second, Poisson):
        a, b = first.args[0], second.args[0]
        return a * sp.log(a / b) - a + b
    if isinstance(first, Exponential) and isinstance(second, Exponential):
        a, b = first.args[0], second.args[0]
        return sp.log(a / b) + b / a - 1
    return None


def _deviation(variance: sp.Basic) -> sp.Basic:
    """The standard deviation of a variance as written: |σ| of σ², else its square root."""
    return sp.Abs(variance.base) if isinstance(variance, sp.Pow) and variance.exp == 2 else sp.sqrt(variance)


def is_divergence(node: sp.Basic) -> bool:
    """``KL(A ‖ B)`` as the reader builds it: the statistic ``KL(_‖_)``, or the text's own function KL."""
    return isinstance(node, sp.core.function.AppliedUndef) and len(node.args) == 2 \
        and (node.func.__name__.startswith("KL(") or node.func.__name__ in ("KL", "D_KL", "KL_"))


def closed_forms(expr: sp.Basic) -> tuple[sp.Basic, list[sp.Basic]]:
    """``expr`` with each KL(A ‖ B) of two distributions of one family written out, and the ranges of the
    parameters of every distribution it wrote out (the facts the formula is meant under)."""
    facts: list[sp.Basic] = []

    def written_out(node: sp.Basic) -> sp.Basic:
        first, second = node.args
        value = kl(first, second) if isinstance(first, Distribution) and isinstance(second, Distribution) else None
        if value is None:
            return node
        facts.extend(c for c in (*parameter_ranges(first), *parameter_ranges(second)) if c not in facts)
        return value

    if not expr.has(Distribution):
        return expr, facts
    return expr.replace(is_divergence, written_out), facts


def left_over(expr: sp.Basic) -> sp.Basic | None:
    """A distribution ``expr`` still holds where a number should be, or None."""
    return next(iter(expr.atoms(Distribution)), None)
