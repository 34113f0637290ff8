"""Named distributions (``\\mathrm{Ber}(p)``, ``\\mathcal{N}(\\mu, \\sigma^2)``, …) and the closed forms of
their divergences: each closed form agrees with the divergence computed from its definition."""
from __future__ import annotations

import mpmath
import pytest
import sympy as sp

from softsym.latex import Unparsed, parse_tex
from softsym.latex.context import Context
from softsym.latex.distributions import (Bernoulli, Exponential, Normal, Poisson, closed_forms, kl,
                                         parameter_ranges)

a, b = sp.symbols("a b", real=True)


def _numeric_kl(first, second) -> mpmath.mpf:
    """KL from its definition: a sum over the support or an integral of the densities."""
    mpmath.mp.dps = 30
    if isinstance(first, Bernoulli):
        p, q = (mpmath.mpf(str(d.args[0])) for d in (first, second))
        return p * mpmath.log(p / q) + (1 - p) * mpmath.log((1 - p) / (1 - q))
    if isinstance(first, Poisson):
        l1, l2 = (mpmath.mpf(str(d.args[0])) for d in (first, second))
        pmf = lambda lam, k: mpmath.exp(-lam) * lam ** k / mpmath.factorial(k)   # noqa: E731
        return mpmath.nsum(lambda k: pmf(l1, k) * mpmath.log(pmf(l1, k) / pmf(l2, k)), [0, mpmath.inf])
    if isinstance(first, Normal):
        (m1, v1), (m2, v2) = ((mpmath.mpf(str(x)) for x in d.args) for d in (first, second))
        density = lambda m, v, x: mpmath.exp(-(x - m) ** 2 / (2 * v)) / mpmath.sqrt(2 * mpmath.pi * v)  # noqa: E731
        return mpmath.quad(lambda x: density(m1, v1, x) * mpmath.log(density(m1, v1, x) / density(m2, v2, x)),
                           [-mpmath.inf, m1, mpmath.inf])
    r1, r2 = (mpmath.mpf(str(d.args[0])) for d in (first, second))
    density = lambda r, x: r * mpmath.exp(-r * x)   # noqa: E731
    return mpmath.quad(lambda x: density(r1, x) * mpmath.log(density(r1, x) / density(r2, x)), [0, mpmath.inf])


@pytest.mark.parametrize("first, second", [
    (Bernoulli(sp.Rational(1, 3)), Bernoulli(sp.Rational(1, 2))),
    (Bernoulli(sp.Rational(9, 10)), Bernoulli(sp.Rational(1, 20))),
    (Poisson(sp.Rational(3, 2)), Poisson(4)),
    (Normal(1, 2), Normal(-sp.Rational(1, 2), sp.Rational(1, 3))),
    (Normal(0, 1), Normal(0, 9)),
    (Exponential(2), Exponential(sp.Rational(1, 5))),
])
def test_closed_form_divergences_agree_with_their_definitions(first, second):
    value = kl(first, second)
    assert abs(mpmath.mpf(str(sp.N(value, 30))) - _numeric_kl(first, second)) < mpmath.mpf("1e-15")


def test_divergences_of_two_families_or_of_other_things_are_not_written_out():
    assert kl(Bernoulli(a), Normal(a, b)) is None
    divergence = sp.Function("KL(_‖_)")(sp.Symbol("P"), sp.Symbol("Q"))
    assert closed_forms(divergence) == (divergence, [])


def test_a_closed_form_comes_with_the_ranges_of_its_parameters():
    s = sp.Symbol("s", real=True)
    value, facts = closed_forms(sp.Function("KL(_‖_)")(Bernoulli(a), Bernoulli(b)))
    assert not value.has(Bernoulli) and set(facts) == {sp.Lt(0, a), sp.Lt(a, 1), sp.Lt(0, b), sp.Lt(b, 1)}
    assert parameter_ranges(Normal(a, s ** 2)) == [sp.Ne(s, 0)]       # σ of N(μ, σ²): its sign is the text's
    assert parameter_ranges(Normal(a, b)) == [sp.Lt(0, b)]


@pytest.mark.parametrize("tex, family", [
    ("\\operatorname{KL}(\\mathrm{Ber}(p)\\,\\|\\,\\mathrm{Ber}(q))", Bernoulli),
    ("\\mathrm{KL}(\\mathcal{N}(\\mu_1, \\sigma_1^2) \\| \\mathcal{N}(\\mu_2, \\sigma_2^2))", Normal),
    ("\\operatorname{KL}(\\mathrm{Poisson}(\\lambda) \\| \\mathrm{Poisson}(\\mu))", Poisson),
    ("\\operatorname{KL}(\\mathrm{Exp}(\\lambda) \\| \\mathrm{Exp}(\\mu))", Exponential),
])
def test_named_distributions_are_read_as_objects_inside_a_divergence(tex, family):
    read = parse_tex(tex, Context())
    assert len(read.atoms(family)) == 2


@pytest.mark.parametrize("tex", ["\\mathrm{Ber}(p) + 1", "2\\,\\mathcal{N}(\\mu, \\sigma^2)", "\\log \\mathrm{Poisson}(\\lambda)"])
def test_a_distribution_used_as_a_number_is_unparsed(tex):
    with pytest.raises(Unparsed, match="distribution used as a number"):
        parse_tex(tex, Context())
