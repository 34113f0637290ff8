"""``softsym kernels bench``: each kernel against ``scipy.special``, a careful hand-written NumPy
version and ``np.copyto`` of the same array (the memory-bandwidth floor), timed in interleaved
rounds of one run; medians, ratios and the peak memory each call allocates beyond its input."""
from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from .. import kernels as K
from . import _runtime as _rt

SHAPES = ((4096, 4096), (65536, 16), (16, 65536))
QUICK_SHAPES = ((256, 256), (4096, 16), (16, 4096))
JACOBIAN_MAX_OUTPUT = 1 << 25          # (n, n) per row: only shapes whose output stays below 32 Mi values


# -- the hand-written references: the careful in-place NumPy one would write without a generator --------
def _hand_softmax(z: np.ndarray) -> np.ndarray:
    out = np.subtract(z, z.max(axis=-1, keepdims=True))
    np.exp(out, out=out)
    out /= out.sum(axis=-1, keepdims=True)
    return out


def _hand_log_softmax(z: np.ndarray) -> np.ndarray:
    out = np.subtract(z, z.max(axis=-1, keepdims=True))
    out -= np.log(np.exp(out).sum(axis=-1, keepdims=True))
    return out


def _hand_logsumexp(z: np.ndarray) -> np.ndarray:
    m = z.max(axis=-1, keepdims=True)
    e = np.subtract(z, m)
    np.exp(e, out=e)
    return np.log(e.sum(axis=-1)) + m[..., 0]


def _hand_sigmoid(x: np.ndarray) -> np.ndarray:
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1, e) / (1 + e)


def _hand_softplus(x: np.ndarray) -> np.ndarray:
    out = np.exp(-np.abs(x))
    np.log1p(out, out=out)
    out += np.maximum(x, 0)
    return out


def _hand_ce_grad(z: np.ndarray, t: np.ndarray) -> np.ndarray:
    out = _hand_softmax(z)
    out[np.arange(z.shape[0]), t] -= 1
    return out


def _onehot(x: np.ndarray, t: np.ndarray) -> np.ndarray:
    h = np.zeros_like(x)
    h[np.arange(x.shape[0]), t] = 1
    return h


def candidates(name: str, arrays: tuple[np.ndarray, ...], t: np.ndarray) -> dict[str, Callable[[], object]]:
    """The implementations to time for kernel ``name`` on ``arrays`` (and classes ``t``)."""
    import scipy.special as sc
    x = arrays[0]
    rows = np.arange(x.shape[0])
    ours = getattr(K, name)
    table: dict[str, tuple[Callable[[], object] | None, Callable[[], object] | None]] = {
        "softmax": (lambda: sc.softmax(x, axis=-1), lambda: _hand_softmax(x)),
        "log_softmax": (lambda: sc.log_softmax(x, axis=-1), lambda: _hand_log_softmax(x)),
        "logsumexp": (lambda: sc.logsumexp(x, axis=-1), lambda: _hand_logsumexp(x)),
        "sigmoid": (lambda: sc.expit(x), lambda: _hand_sigmoid(x)),
        "log_sigmoid": (lambda: sc.log_expit(x), lambda: -_hand_softplus(-x)),
        "softplus": (lambda: sc.softplus(x), lambda: _hand_softplus(x)),
        "softmax_jacobian": (None, lambda: x[..., :, None] * (np.eye(x.shape[-1], dtype=x.dtype) - x[..., None, :])),
        "softmax_jvp": (None, lambda: x * (arrays[1] - (x * arrays[1]).sum(axis=-1, keepdims=True))),
        "cross_entropy": (lambda: -sc.log_softmax(x, axis=-1)[rows, t],
                          lambda: _hand_logsumexp(x) - x[rows, t]),
        "cross_entropy_grad": (lambda: sc.softmax(x, axis=-1) - _onehot(x, t),
                               lambda: _hand_ce_grad(x, t)),
    }
    scipy_fn, hand_fn = table[name]
    out = {"softsym": (lambda: ours(*arrays, t)) if name.startswith("cross_entropy") else (lambda: ours(*arrays))}
    if scipy_fn is not None:
        out["scipy.special"] = scipy_fn
    out["hand-written NumPy"] = hand_fn
    dst = np.empty_like(x)
    out["np.copyto"] = lambda: np.copyto(dst, x)
    return out


@dataclass(frozen=True)
class Timing:
    """One kernel, shape and dtype: median seconds and peak extra bytes per implementation."""

    kernel: str
    shape: tuple[int, int]
    dtype: str
    median: dict[str, float]
    peak_bytes: dict[str, int]
    input_bytes: int
    samples: dict[str, tuple[float, ...]] = field(default_factory=dict)

    def ratio(self, other: str) -> float | None:
        """The median over rounds of other's time / softsym's in the same round (above 1: softsym is
        faster).  Pairing the rounds cancels the slow drifts of a shared machine's load."""
        if other not in self.median:
            return None
        if other in self.samples and "softsym" in self.samples:
            return float(np.median(np.array(self.samples[other]) / np.array(self.samples["softsym"])))
        return self.median[other] / self.median["softsym"]

    def rounds_faster(self, other: str) -> tuple[int, int] | None:
        """In how many rounds softsym was faster than ``other``, of how many."""
        if other not in self.samples:
            return None
        ours, theirs = self.samples["softsym"], self.samples[other]
        return sum(a < b for a, b in zip(ours, theirs)), len(ours)


def _inputs(name: str, shape: tuple[int, int], dtype: np.dtype, rng: np.random.Generator) -> tuple[tuple[np.ndarray, ...], np.ndarray]:
    z = (3 * rng.standard_normal(shape)).astype(dtype)
    t = rng.integers(0, shape[1], shape[0])
    if name in ("softmax_jacobian", "softmax_jvp"):
        p = K.softmax(z)
        return ((p,) if name == "softmax_jacobian" else (p, rng.standard_normal(shape).astype(dtype))), t
    return (z,), t


def _peak(fn: Callable[[], object]) -> int:
    _rt.release_scratch()          # count the scratch memory softsym's kernels keep between calls too
    tracemalloc.start()
    tracemalloc.reset_peak()
    before = tracemalloc.get_traced_memory()[0]
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak - before


MIN_SAMPLE_SECONDS = 0.02   # a sample repeats a call until it lasts this long (a 1 ms call is timed 20 times)


def _calls_per_sample(fn: Callable[[], object]) -> int:
    start = time.perf_counter()
    fn()
    once = time.perf_counter() - start
    return max(1, min(1000, int(MIN_SAMPLE_SECONDS / max(once, 1e-7)) + 1))


def measure(name: str, shape: tuple[int, int], dtype: str, rounds: int = 15, seed: int = 0) -> Timing:
    """Time every implementation in ``rounds`` interleaved rounds (after one warm-up call each).

    A sample is the mean of enough back-to-back calls to last ``MIN_SAMPLE_SECONDS`` (timer and
    scheduler noise would dominate a single millisecond call); the median over rounds is reported.
    """
    dt = np.dtype(dtype)
    arrays, t = _inputs(name, shape, dt, np.random.default_rng(seed))
    impls = candidates(name, arrays, t)
    samples: dict[str, list[float]] = {k: [] for k in impls}
    with np.errstate(all="ignore"):
        calls = {k: _calls_per_sample(fn) for k, fn in impls.items()}
        for _ in range(rounds):
            for k, fn in impls.items():
                start = time.perf_counter()
                for _ in range(calls[k]):
                    fn()
                samples[k].append((time.perf_counter() - start) / calls[k])
        peaks = {k: _peak(fn) for k, fn in impls.items()}
    return Timing(name, shape, dt.name, {k: float(np.median(v)) for k, v in samples.items()}, peaks,
                  sum(a.nbytes for a in arrays), {k: tuple(v) for k, v in samples.items()})


def run(names: tuple[str, ...], shapes: tuple[tuple[int, int], ...] = SHAPES,
        dtypes: tuple[str, ...] = ("float64", "float32"), rounds: int = 15,
        on_result: Callable[[Timing], None] | None = None) -> list[Timing]:
    """``measure`` for every kernel, shape and dtype (Jacobian shapes whose output would be too big skipped)."""
    out = []
    for name in names:
        for shape in shapes:
            if name == "softmax_jacobian" and shape[0] * shape[1] ** 2 > JACOBIAN_MAX_OUTPUT:
                continue
            for dtype in dtypes:
                result = measure(name, shape, dtype, rounds)
                out.append(result)
                if on_result:
                    on_result(result)
    return out


MEMORY_OF = ("softsym", "scipy.special", "hand-written NumPy")    # the memory columns, in order


def format_row(r: Timing) -> str:
    """One line of at most 100 columns: median, ratios to scipy / hand-written / copyto, and the peak
    extra memory per input of softsym, scipy and the hand-written version ("—" where there is none)."""
    def ratio(k: str) -> str:
        v = r.ratio(k)
        return f"{'—':>6}" if v is None else f"{v:6.2f}"
    mem = " ".join(f"{r.peak_bytes[k] / r.input_bytes:{w}.1f}" if k in r.peak_bytes else f"{'—':>{w}}"
                   for k, w in zip(MEMORY_OF, (7, 6, 6)))
    shape = f"{r.shape[0]}×{r.shape[1]}"
    won = r.rounds_faster("scipy.special")
    won_text = f"{'—':>7}" if won is None else f"{won[0]:>3}/{won[1]:<3}"
    return (f"{r.kernel:<18} {shape:>9} {r.dtype:<7} {r.median['softsym'] * 1e3:8.2f} ms "
            f"{ratio('scipy.special')} {won_text} {ratio('hand-written NumPy')} "
            f"{r.median['softsym'] / r.median['np.copyto']:7.1f} {mem}")


HEADER = (f"{'peak extra memory ÷ input':>100}\n"
          f"{'kernel':<18} {'shape':>9} {'dtype':<7} {'median':>11} {'×scipy':>6} {'faster':>7} {'×hand':>6} "
          f"{'/copyto':>7} {'softsym':>7} {'scipy':>6} {'hand':>6}")
