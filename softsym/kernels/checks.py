"""Gradient and property checks of the kernels: finite differences, the symbolic derivative (SymPy,
n = 4), and the identities the corpus proved (rows sum to 1, shift invariance, ...), in numbers."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import kernels as K


@dataclass(frozen=True)
class Check:
    """One numeric check: what, in which dtype, whether it held, and the number that says so."""

    name: str
    dtype: str
    passed: bool
    detail: str


def _rel(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.max(np.abs(a - b)) / max(1e-300, float(np.max(np.abs(b)))))


def _central(f, x: np.ndarray, direction: np.ndarray, h: float = 1e-6) -> np.ndarray:
    return (f(x + h * direction) - f(x - h * direction)) / (2 * h)


def gradient_checks(seed: int = 0) -> list[Check]:
    """Jacobian, JVP and gradient kernels against central differences and SymPy's derivative (float64)."""
    rng = np.random.default_rng(seed)
    z = 3 * rng.standard_normal((5, 6))
    t = rng.integers(0, 6, 5)
    p = K.softmax(z)
    v = rng.standard_normal(z.shape)
    fd_jac = np.stack([_central(K.softmax, z, np.eye(6)[j][None, :].repeat(5, 0)) for j in range(6)], axis=-1)
    fd_grad = np.stack([_central(lambda w: K.cross_entropy(w, t), z, np.eye(6)[j][None, :].repeat(5, 0))
                        for j in range(6)], axis=-1)
    fd_lse = np.stack([_central(K.logsumexp, z, np.eye(6)[j][None, :].repeat(5, 0)) for j in range(6)], axis=-1)
    x = np.linspace(-30, 30, 121)
    out = [
        ("softmax_jacobian(softmax(z)) = finite differences of softmax", K.softmax_jacobian(p), fd_jac, 1e-7),
        ("softmax_jvp(p, v) = finite difference of softmax along v", K.softmax_jvp(p, v), _central(K.softmax, z, v), 1e-7),
        ("cross_entropy_grad = finite differences of cross_entropy", K.cross_entropy_grad(z, t), fd_grad, 1e-7),
        ("softmax = finite differences of logsumexp", p, fd_lse, 1e-7),
        ("sigmoid = d softplus / dx (finite differences)", K.sigmoid(x), _central(K.softplus, x, np.ones_like(x)), 1e-7),
        ("sigmoid(−x) = d log_sigmoid / dx (finite differences)", K.sigmoid(-x), _central(K.log_sigmoid, x, np.ones_like(x)), 1e-7),
    ]
    checks = [Check(name, "float64", _rel(a, b) <= tol, f"max relative difference {_rel(a, b):.2e} (≤ {tol:g})")
              for name, a, b, tol in out]
    return checks + _symbolic_checks(z[:, :4], t % 4, v[:, :4])


def _symbolic_checks(z: np.ndarray, t: np.ndarray, v: np.ndarray) -> list[Check]:
    import sympy as sp
    n = z.shape[1]
    zs = sp.symbols(f"z0:{n}", real=True)
    soft = [sp.exp(a) / sum(sp.exp(b) for b in zs) for a in zs]
    jac = sp.lambdify([zs], sp.Matrix(n, n, lambda i, j: sp.diff(soft[i], zs[j])), "numpy")
    grads = [sp.lambdify([zs], [sp.diff(-sp.log(soft[c]), zk) for zk in zs], "numpy") for c in range(n)]
    J = np.array([jac(row) for row in z], dtype=float)
    G = np.array([grads[c](row) for row, c in zip(z, t)], dtype=float)
    x = sp.Symbol("x", real=True)
    dsoftplus = sp.lambdify([x], sp.diff(sp.log(1 + sp.exp(x)), x), "numpy")
    xs = np.linspace(-30, 30, 61)
    pairs = [("softmax_jacobian = SymPy's ∂softmax_i/∂z_j (n = 4)", K.softmax_jacobian(K.softmax(z)), J),
             ("softmax_jvp = SymPy's Jacobian times v (n = 4)", K.softmax_jvp(K.softmax(z), v), np.einsum("rij,rj->ri", J, v)),
             ("cross_entropy_grad = SymPy's ∂(−log softmax_t)/∂z (n = 4)", K.cross_entropy_grad(z, t), G),
             ("sigmoid = SymPy's d softplus/dx", K.sigmoid(xs), dsoftplus(xs))]
    return [Check(name, "float64", _rel(a, b) <= 1e-13, f"max relative difference {_rel(a, b):.2e} (≤ 1e-13)")
            for name, a, b in pairs]


def _batch_independent(z: np.ndarray, t: np.ndarray) -> bool:
    reps = -(-600 // z.shape[0])
    big, bigt = np.tile(z, (reps, 1)), np.tile(t, reps)
    for name in ("softmax", "log_softmax", "logsumexp", "cross_entropy", "cross_entropy_grad"):
        f = getattr(K, name)
        many = f(big, bigt) if name.startswith("cross") else f(big)
        for r in range(z.shape[0]):
            one = f(z[r:r + 1], t[r:r + 1]) if name.startswith("cross") else f(z[r:r + 1])
            if not np.array_equal(one[0], many[r], equal_nan=True):
                return False
    return True


def property_checks(dtype: str, seed: int = 1) -> list[Check]:
    """The proved identities, in numbers, in ``dtype``."""
    from .inputs import rows
    dt = np.dtype(dtype)
    eps = float(np.finfo(dt).eps)
    hard = [c for c in rows(dt, quick=True)]
    checks = []
    worst = max(float(np.max(np.abs(K.softmax(c.values).sum(-1, dtype=np.float64) - 1)) / c.values.shape[1]) for c in hard)
    checks.append(Check("softmax rows sum to 1 (every hard row)", dtype, worst <= 2 * eps,
                        f"max |Σp − 1| / n = {worst:.2e} (≤ 2ε = {2 * eps:.1e})"))
    worst = max(float(np.max(np.abs(K.cross_entropy_grad(c.values, c.classes).sum(-1, dtype=np.float64))))
                / c.values.shape[1] for c in hard)
    checks.append(Check("cross_entropy_grad rows sum to 0", dtype, worst <= 2 * eps, f"max |Σg| / n = {worst:.2e}"))
    # every path (a block per call, many blocks, the column-wise max of many short rows) gives each row
    # the value it gets alone: the result of a row never depends on the rows around it
    alone = all(_batch_independent(c.values, c.classes) for c in hard if c.values.shape[1] > 1)
    checks.append(Check("each row's result is the same alone and in a batch of 600 rows (every block path)", dtype,
                        bool(alone), "bitwise equal" if alone else "differ"))
    rng = np.random.default_rng(seed)
    z = (rng.integers(-64, 64, (6, 9)) / 8).astype(dt)            # exact in both dtypes, and so is z + 64
    t = rng.integers(0, 9, 6)
    same = all(np.array_equal(f(z + dt.type(64)), f(z)) for f in (K.softmax, K.log_softmax))
    same &= np.array_equal(K.cross_entropy(z + dt.type(64), t), K.cross_entropy(z, t))
    same &= np.array_equal(K.cross_entropy_grad(z + dt.type(64), t), K.cross_entropy_grad(z, t))
    checks.append(Check("shift invariance: softmax, log_softmax, cross_entropy(_grad) of z + 64 equal those of z",
                        dtype, bool(same), "bitwise equal" if same else "differ"))
    lse = K.logsumexp(z + dt.type(64)) - dt.type(64) - K.logsumexp(z)
    checks.append(Check("logsumexp(z + 64) = logsumexp(z) + 64", dtype, bool(np.max(np.abs(lse)) <= 64 * eps),
                        f"max difference {float(np.max(np.abs(lse))):.2e}"))
    x = np.linspace(-120, 120, 481).astype(dt)
    sym = np.abs(K.sigmoid(x).astype(np.float64) + K.sigmoid(-x) - 1).max()
    checks.append(Check("sigmoid(x) + sigmoid(−x) = 1", dtype, bool(sym <= eps), f"max difference {sym:.2e}"))
    checks.append(Check("log_sigmoid(x) = −softplus(−x)", dtype, bool(np.array_equal(K.log_sigmoid(x), -K.softplus(-x))),
                        "bitwise equal" if np.array_equal(K.log_sigmoid(x), -K.softplus(-x)) else "differ"))
    p = K.softmax(z)
    J = K.softmax_jacobian(p)
    ok = np.array_equal(J, np.swapaxes(J, -1, -2)) and float(np.abs(J.sum(-1, dtype=np.float64)).max()) <= 4 * eps
    checks.append(Check("softmax_jacobian is symmetric and its rows sum to 0", dtype, bool(ok),
                        f"max |row sum| {float(np.abs(J.sum(-1, dtype=np.float64)).max()):.2e}"))
    masked = np.where(np.arange(9) % 3 == 0, -np.inf, z).astype(dt)
    ls = K.log_softmax(masked)
    kept = ls[:, 1::3].astype(np.float64)
    # exp of a log-softmax value ℓ rounded to the dtype carries |ℓ|·ε of relative error on top of both kernels' own
    ok = bool(np.all(ls[:, ::3] == -np.inf)
              and np.all(np.abs(np.exp(kept) - K.softmax(masked)[:, 1::3]) <= 4 * eps * (1 + np.abs(kept)) * np.exp(kept))
              and np.all(K.softmax(masked)[:, ::3] == 0) and np.all(np.isfinite(K.logsumexp(masked))))
    checks.append(Check("masked −inf logits: softmax 0, log_softmax −inf there, finite elsewhere", dtype, ok,
                        "as proved" if ok else "wrong"))
    return checks
