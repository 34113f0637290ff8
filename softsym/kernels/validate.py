"""``softsym kernels validate``: every kernel, float64 and float32, on the hard inputs, against
the mpmath truth of its proved step; SciPy (and the seed's from-scratch code) on the same inputs.

Verdicts: no non-finite output where the truth is finite, no representable result flushed to 0;
vector kernels within 5 ULP after dividing by the condition number, elementwise kernels and
logsumexp within 2 ULP; and never worse than ``scipy.special`` on the same inputs.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .. import kernels as K
from .accuracy import condition, errors
from .generate import derivations
from .inputs import elements, rows
from .naive import naive_kernels
from .reference import true_values
from .spec import BY_NAME, KERNELS, KernelSpec

VECTOR_LIMIT = 5.0     # ULP, after dividing by max(1, κ)
PLAIN_LIMIT = 2.0      # ULP, elementwise kernels and logsumexp
PLAIN = frozenset({"sigmoid", "log_sigmoid", "softplus"})          # judged by plain ULP
TIGHT = frozenset({"logsumexp"})                                   # 2 ULP after dividing by max(1, κ)
JACOBIAN_MAX_N = 16    # the (n, n) outputs of larger rows add nothing but time


@dataclass(frozen=True)
class Accuracy:
    """One implementation of one kernel in one dtype, over the whole hard input set."""

    kernel: str
    impl: str
    dtype: str
    count: int
    max_ulp: float
    p99_ulp: float
    max_norm: float
    p99_norm: float
    nonfinite: int
    flushed: int
    worst: str

    @property
    def limit_ok(self) -> bool:
        """Within the accuracy limit of its kind of kernel."""
        if self.kernel in PLAIN:
            return self.max_ulp <= PLAIN_LIMIT
        return self.max_norm <= (PLAIN_LIMIT if self.kernel in TIGHT else VECTOR_LIMIT)

    @property
    def ok(self) -> bool:
        """Finite where the truth is, nothing flushed, within the limit."""
        return self.nonfinite == 0 and self.flushed == 0 and self.limit_ok


# -- the implementations compared --------------------------------------------------------------------------
def _onehot(z: np.ndarray, t: np.ndarray) -> np.ndarray:
    h = np.zeros_like(z)
    h[np.arange(z.shape[0]), t] = 1
    return h


def implementations(name: str) -> dict[str, Callable[..., np.ndarray]]:
    """The implementations of kernel ``name``: softsym's, SciPy's where it has one, the seed's naive code."""
    import scipy.special as sc
    ours = getattr(K, name)
    impls: dict[str, Callable[..., np.ndarray]] = {"softsym": ours}
    scipy_impls: dict[str, Callable[..., np.ndarray]] = {
        "softmax": lambda z: sc.softmax(z, axis=-1),
        "log_softmax": lambda z: sc.log_softmax(z, axis=-1),
        "logsumexp": lambda z: sc.logsumexp(z, axis=-1),
        "sigmoid": sc.expit, "log_sigmoid": sc.log_expit, "softplus": sc.softplus,
        "cross_entropy": lambda z, t: -sc.log_softmax(z, axis=-1)[np.arange(z.shape[0]), t],
        "cross_entropy_grad": lambda z, t: sc.softmax(z, axis=-1) - _onehot(z, t),
    }
    if name in scipy_impls:
        impls["scipy.special"] = scipy_impls[name]
    if name == "softmax_jacobian":     # as 004 §一.3 prints it: p_i δ_ij − p_i p_j
        impls["printed p·δ − p·pᵀ"] = lambda p: p[:, :, None] * np.eye(p.shape[1], dtype=p.dtype) - p[:, :, None] * p[:, None, :]
    if name in ("softmax", "cross_entropy"):
        impls["naive (004 §二)"] = naive_kernels()[name]
    return impls


# -- inputs per kernel -------------------------------------------------------------------------------------
def cases_for(spec: KernelSpec, dtype: np.dtype, quick: bool) -> list[tuple[str, tuple[np.ndarray, ...], np.ndarray | None]]:
    """(group, arrays, classes) triples: logits, elements, or softmax outputs p with vectors v."""
    if spec.layout == "elementwise":
        return [(c.group, (c.values,), None) for c in elements(dtype, quick)]
    hard = rows(dtype, quick)
    if spec.arrays == ("z",):
        return [(c.group, (c.values,), c.classes if spec.classes else None) for c in hard]
    rng = np.random.default_rng(7)
    out = []
    for c in hard:
        if spec.layout == "outer" and c.values.shape[1] > JACOBIAN_MAX_N:
            continue
        p = K.softmax(c.values)
        arrays = (p,) if spec.layout == "outer" else (p, (10.0 ** rng.integers(-3, 4) * rng.standard_normal(p.shape)).astype(dtype))
        out.append((f"p = softmax({c.group})", arrays, None))
    return out


def _describe(arrays: tuple[np.ndarray, ...], names: tuple[str, ...], t: int | None, got: float, true: float) -> str:
    shown = "; ".join(f"{n}={np.array2string(a, precision=17, separator=', ', max_line_width=10**6)}"
                      for n, a in zip(names, arrays))
    return f"{shown}{f'; t={t}' if t is not None else ''}: got {got!r}, true {true!r}"


def measure(spec: KernelSpec, dtype: np.dtype, quick: bool = False) -> list[Accuracy]:
    """Every implementation of ``spec`` on the hard inputs in ``dtype``."""
    dtype = np.dtype(dtype)
    derivation = derivations()[spec.derivation]
    step = derivation.step_labelled(spec.label)
    at_class = derivation.step_labelled(spec.at_class) if spec.at_class else None
    impls = implementations(spec.name)
    stats = {name: {"err": [], "norm": [], "nonfinite": 0, "flushed": 0, "worst": (-1.0, "")} for name in impls}
    for group, arrays, t in cases_for(spec, dtype, quick):
        truth = true_values(spec, step, arrays, t, at_class)
        if spec.layout == "elementwise":
            per_row = [([a[k : k + 1] for a in arrays], None, [truth[k]]) for k in range(arrays[0].size)]
        else:
            per_row = [([a[r] for a in arrays], None if t is None else int(t[r]), truth[r]) for r in range(arrays[0].shape[0])]
        kappas = [condition(spec.name, row, tr, true) for row, tr, true in per_row]
        for name, fn in impls.items():
            with np.errstate(all="ignore"):
                got = np.asarray(fn(*arrays) if t is None else fn(*arrays, t))
            got = got.reshape(len(per_row), -1)
            s = stats[name]
            for (row, tr, true), kappa, out in zip(per_row, kappas, got):
                err, nonfinite, flushed = errors(out.astype(dtype), true, dtype)
                norm = np.array([e / max(1.0, float(k)) if np.isfinite(e) else e for e, k in zip(err, kappa)])
                flushed &= norm > (PLAIN_LIMIT if spec.name in PLAIN | TIGHT else VECTOR_LIMIT)
                s["err"].append(err)
                s["norm"].append(norm)
                s["nonfinite"] += int(nonfinite.sum())
                s["flushed"] += int(flushed.sum())
                score = float(np.max(err if spec.name in PLAIN else norm))
                score = np.inf if (nonfinite.any() or flushed.any()) else score
                if score > s["worst"][0]:
                    k = int(np.argmax(np.where(nonfinite | flushed, np.inf, err if spec.name in PLAIN else norm)))
                    s["worst"] = (score, f"[{group}] " + _describe(tuple(row), spec.arrays, tr, float(out[k]),
                                                                     float(true[k])))
    out = []
    for name, s in stats.items():
        err, norm = np.concatenate(s["err"]), np.concatenate(s["norm"])
        out.append(Accuracy(spec.name, name, dtype.name, err.size, float(err.max()), float(np.percentile(err, 99, method="higher")),
                            float(norm.max()), float(np.percentile(norm, 99, method="higher")), s["nonfinite"], s["flushed"],
                            s["worst"][1]))
    return out


def measure_all(dtypes: tuple[str, ...] = ("float64", "float32"), quick: bool = False,
                names: tuple[str, ...] | None = None,
                on_start: Callable[[str, str, int, int], None] | None = None) -> list[Accuracy]:
    """``measure`` for every kernel (or ``names``) and dtype; ``on_start(kernel, dtype, k, total)``
    is called before each (progress)."""
    specs = KERNELS if names is None else tuple(BY_NAME[n] for n in names)
    jobs = [(spec, dt) for spec in specs for dt in dtypes]
    out: list[Accuracy] = []
    for k, (spec, dt) in enumerate(jobs, 1):
        if on_start is not None:
            on_start(spec.name, dt, k, len(jobs))
        out += measure(spec, np.dtype(dt), quick)
    return out


def beats_scipy(results: list[Accuracy]) -> dict[tuple[str, str], bool]:
    """Per (kernel, dtype): softsym at least as accurate as SciPy where SciPy has the function: no
    more non-finite or flushed outputs, and a worst error at most SciPy's plus 1 ULP (the two sum
    and divide in different orders; a different rounding of the same formula is not a verdict)."""
    by = {(a.kernel, a.dtype, a.impl): a for a in results}
    out = {}
    for a in results:
        ref = by.get((a.kernel, a.dtype, "scipy.special"))
        if a.impl == "softsym" and ref is not None:
            key = "max_ulp" if a.kernel in PLAIN else "max_norm"
            out[(a.kernel, a.dtype)] = (a.nonfinite <= ref.nonfinite and a.flushed <= ref.flushed
                                        and getattr(a, key) <= getattr(ref, key) + 1.0)
    return out
