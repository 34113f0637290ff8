"""Errors in ULPs against the mpmath truth, raw and relative to the problem's conditioning.

For an output y = f(x) the componentwise relative condition number is
κ = Σ_k |∂y/∂x_k| |x_k| / |y|: the error a relative perturbation of ε in every input causes,
in units of ε|y|.  A kernel that rounds its inputs once (as subtracting the max does) cannot be
expected to beat κ ULPs, so vector kernels are judged by err / max(1, κ).  For the softmax
family the derivatives are the Jacobian J_ik = p_i (δ_ik − p_k) (p the exact softmax).
"""
from __future__ import annotations

from collections.abc import Sequence

import mpmath
import numpy as np

from .reference import DIGITS


def _ulp(value: mpmath.mpf, dtype: np.dtype) -> mpmath.mpf:
    """The spacing of ``dtype`` numbers in the binade of |value| (subnormal spacing near 0)."""
    info = np.finfo(dtype)
    smallest = mpmath.mpf(float(info.smallest_subnormal))
    if value == 0:
        return smallest
    _, exponent = mpmath.frexp(value)
    return max(mpmath.ldexp(1, int(exponent) - (info.nmant + 1)), smallest)


def errors(computed: np.ndarray, true: Sequence[mpmath.mpf], dtype: np.dtype) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per element: the error in ULPs (inf where the output is not finite but the truth is, or the
    reverse), whether a non-finite output replaced a finite truth, and whether a truth in the
    subnormal range that ``dtype`` can represent came out as 0 (flushed; the caller forgives a
    flush that the problem's conditioning explains, as in cancellation to a subnormal)."""
    dtype = np.dtype(dtype)
    tiny = mpmath.mpf(float(np.finfo(dtype).smallest_subnormal)) / 2
    normal = mpmath.mpf(float(np.finfo(dtype).smallest_normal))
    out = np.asarray(computed, dtype=np.float64).ravel()
    err = np.zeros(out.size)
    nonfinite = np.zeros(out.size, bool)
    flushed = np.zeros(out.size, bool)
    with mpmath.workdps(DIGITS):
        for k, (c, t) in enumerate(zip(out, true)):
            if mpmath.isnan(t):
                continue
            if mpmath.isinf(t):
                err[k] = 0.0 if c == float(t) else np.inf
                continue
            if not np.isfinite(c):
                err[k], nonfinite[k] = np.inf, True
                continue
            err[k] = float(abs(mpmath.mpf(float(c)) - t) / _ulp(t, dtype))
            flushed[k] = c == 0 and tiny < abs(t) < normal
    return err, nonfinite, flushed


# -- condition numbers ---------------------------------------------------------------------------------------
def _softmax(z: Sequence[mpmath.mpf]) -> list[mpmath.mpf]:
    finite = [v for v in z if mpmath.isfinite(v)]
    m = max(finite) if finite else mpmath.mpf(0)
    e = [mpmath.exp(v - m) for v in z]
    s = mpmath.fsum(e)
    return [x / s for x in e]


def _abs_z(z: Sequence[mpmath.mpf]) -> list[mpmath.mpf]:
    return [abs(v) if mpmath.isfinite(v) else mpmath.mpf(0) for v in z]   # a masked −inf is exact


def _relative(num: mpmath.mpf, y: mpmath.mpf) -> mpmath.mpf:
    if not mpmath.isfinite(y):
        return mpmath.mpf(0)
    return mpmath.inf if y == 0 else num / abs(y)


def condition(kernel: str, row: Sequence[Sequence[float]], t: int | None, true: Sequence[mpmath.mpf]) -> list[mpmath.mpf]:
    """κ for each output of one row (or one element) of ``kernel``."""
    with mpmath.workdps(DIGITS):
        if kernel in ("sigmoid", "log_sigmoid", "softplus"):
            return [mpmath.mpf(1)] * len(true)
        if kernel in ("softmax_jacobian", "softmax_jvp"):
            return _condition_of_p(kernel, row, true)
        z = [mpmath.mpf(float(v)) for v in row[0]]
        n, p, az = len(z), _softmax(z), _abs_z(z)

        def d(i: int, k: int) -> mpmath.mpf:      # |δ_ik − p_k|, with 1 − p_i as Σ_{m≠i} p_m (no cancellation)
            return mpmath.fsum(p[m] for m in range(n) if m != i) if i == k else p[k]

        def s(i: int) -> mpmath.mpf:
            return mpmath.fsum(d(i, k) * az[k] for k in range(n))
        if kernel == "softmax":
            return [s(i) for i in range(n)]
        if kernel == "log_softmax":
            return [_relative(s(i), true[i]) for i in range(n)]
        if kernel == "logsumexp":
            return [_relative(mpmath.fsum(p[k] * az[k] for k in range(n)), true[0])]
        if kernel == "cross_entropy":
            return [_relative(s(t), true[0])]
        if kernel == "cross_entropy_grad":
            return [_relative(p[i] * s(i), true[i]) for i in range(n)]
    raise KeyError(kernel)


def _condition_of_p(kernel: str, row: Sequence[Sequence[float]], true: Sequence[mpmath.mpf]) -> list[mpmath.mpf]:
    p = [mpmath.mpf(float(v)) for v in row[0]]
    n = len(p)
    if kernel == "softmax_jacobian":          # J_ij = p_i (δ_ij − p_j): ∂/∂p_k = δ_ik (δ_ij − p_j) − p_i δ_jk
        return [_relative(abs(int(i == j) - p[j]) * p[i] + p[i] * p[j], true[i * n + j])
                for i in range(n) for j in range(n)]
    v = [mpmath.mpf(float(x)) for x in row[1]]
    s = mpmath.fsum(pk * vk for pk, vk in zip(p, v))
    out = []
    for i in range(n):                          # y_i = p_i (v_i − Σ p_k v_k)
        dv = mpmath.fsum(abs(p[i] * (int(i == k) - p[k])) * abs(v[k]) for k in range(n))
        dp = mpmath.fsum(abs(int(i == k) * (v[i] - s) - p[i] * v[k]) * p[k] for k in range(n))
        out.append(_relative(dv + dp, true[i]))
    return out
