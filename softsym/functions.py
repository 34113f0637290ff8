"""The field's functions — sigmoid, softplus, logsumexp, softmax, log_softmax and friends — as plain SymPy.

One definition serves every front door: derivation files import them (``from softsym.dsl import
sigmoid, softmax``), the expression parser of ``softsym prove`` calls them by name, and the LaTeX
reader of ``check-doc`` builds its ``\\sigma(x)`` and ``\\mathrm{softmax}(z)_i`` with them.  Each
expands on the spot into exp, log and sums, so the prover only ever sees plain SymPy::

    sigmoid(x)                      1/(1 + exp(-x))
    logsumexp(a, b, c)              log(exp(a) + exp(b) + exp(c))
    logsumexp(z, (k, 1, n))         log(Sum(exp(z[k]), (k, 1, n)))      a family z over k = 1..n
    softmax(z, i, (k, 1, n))        exp(z[i]) / Sum(exp(z[k]), (k, 1, n))
    softmax([p, q])                 (exp(p)/(exp(p) + exp(q)), exp(q)/(exp(p) + exp(q)))
    log_softmax(z, i, (k, 1, n))    z[i] - log(Sum(exp(z[k]), (k, 1, n)))
"""
from __future__ import annotations

from collections.abc import Sequence

import sympy as sp


def sigmoid(x: sp.Expr) -> sp.Expr:
    """The logistic sigmoid ``1 / (1 + e^{-x})``."""
    return 1 / (1 + sp.exp(-x))


def softplus(x: sp.Expr) -> sp.Expr:
    """``log(1 + e^x)``."""
    return sp.log(1 + sp.exp(x))


def logit(p: sp.Expr) -> sp.Expr:
    """``log(p / (1 - p))``, the inverse of the sigmoid."""
    return sp.log(p / (1 - p))


def normal_cdf(x: sp.Expr, derivative: int = 0) -> sp.Expr:
    """The standard normal CDF ``Φ(x) = (1 + erf(x/√2))/2``, or its ``derivative``-th derivative (1: the density
    ``e^{-x²/2}/√(2π)``)."""
    if derivative == 0:
        return (1 + sp.erf(x / sp.sqrt(2))) / 2
    t = sp.Dummy("t", real=True)
    return sp.diff(sp.exp(-t**2 / 2) / sp.sqrt(2 * sp.pi), t, derivative - 1).subs(t, x)


def log1p(x: sp.Expr) -> sp.Expr:
    """``log(1 + x)``."""
    return sp.log(1 + x)


def expm1(x: sp.Expr) -> sp.Expr:
    """``e^x - 1``."""
    return sp.exp(x) - 1


def _family(z: object, limits: object, name: str) -> tuple[sp.IndexedBase, tuple[sp.Basic, ...]]:
    """``z`` and ``limits`` of the family form ``name(z, ..., (k, 1, n))``, checked."""
    if not isinstance(z, sp.IndexedBase):
        raise TypeError(f"{name}: the family form takes a family z (d.indexed('z', ...) in a derivation, "
                        f"'z: indexed' in --symbols), got {type(z).__name__}")
    if not (isinstance(limits, (tuple, sp.Tuple)) and len(limits) == 3 and isinstance(limits[0], sp.Symbol)):
        raise TypeError(f"{name}: the range of the family is a tuple (k, 1, n) as in Sum, got {limits!r}")
    return z, tuple(sp.sympify(x) for x in limits)


def _normalizer(z: sp.IndexedBase, limits: tuple[sp.Basic, ...]) -> sp.Expr:
    k = limits[0]
    return sp.Sum(sp.exp(z[k]), limits)


def _entries(values: object, name: str) -> list[sp.Basic]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence) or not values:
        raise TypeError(f"{name}: give the entries as a non-empty list ([p, q]) or a family "
                        f"with its range (z, i, (k, 1, n))")
    return [sp.sympify(v) for v in values]


def logsumexp(*args: object) -> sp.Expr:
    """``log Σ exp``: of its arguments (``logsumexp(a, b)``), of a list (``logsumexp([a, b])``), or of
    a family over a range (``logsumexp(z, (k, 1, n))``)."""
    if len(args) == 2 and isinstance(args[0], sp.IndexedBase):
        return sp.log(_normalizer(*_family(args[0], args[1], "logsumexp")))
    if len(args) == 1 and isinstance(args[0], (list, tuple)):
        args = tuple(args[0])
    values = _entries(list(args), "logsumexp")
    return sp.log(sp.Add(*(sp.exp(v) for v in values)))


def logaddexp(a: sp.Expr, b: sp.Expr) -> sp.Expr:
    """``log(e^a + e^b)``."""
    return logsumexp(a, b)


def softmax(z: object, i: object = None, limits: object = None) -> sp.Expr | tuple[sp.Expr, ...]:
    """Entry ``i`` of the softmax of the family ``z`` over ``limits`` (``softmax(z, i, (k, 1, n))``),
    or, for a list of entries, the whole vector (``softmax([p, q])[0]`` is ``e^p/(e^p + e^q)``)."""
    if isinstance(z, sp.IndexedBase) or limits is not None:
        base, rng = _family(z, limits, "softmax")
        if i is None:
            raise TypeError("softmax: the family form needs the entry: softmax(z, i, (k, 1, n))")
        return sp.exp(base[i]) / _normalizer(base, rng)
    values = _entries(z, "softmax")
    total = sp.Add(*(sp.exp(v) for v in values))
    vector = tuple(sp.exp(v) / total for v in values)
    return vector if i is None else vector[int(i)]


def log_softmax(z: object, i: object = None, limits: object = None) -> sp.Expr | tuple[sp.Expr, ...]:
    """``z_i - logsumexp(z)``: of a family (``log_softmax(z, i, (k, 1, n))``) or of a list of entries."""
    if isinstance(z, sp.IndexedBase) or limits is not None:
        base, rng = _family(z, limits, "log_softmax")
        if i is None:
            raise TypeError("log_softmax: the family form needs the entry: log_softmax(z, i, (k, 1, n))")
        return base[i] - sp.log(_normalizer(base, rng))
    values = _entries(z, "log_softmax")
    lse = logsumexp(*values)
    vector = tuple(v - lse for v in values)
    return vector if i is None else vector[int(i)]


__all__ = ["expm1", "log1p", "log_softmax", "logaddexp", "logit", "logsumexp", "normal_cdf", "sigmoid", "softmax",
           "softplus"]
