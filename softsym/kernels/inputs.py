"""The hard inputs every kernel is validated on: seeded, so every run checks the same numbers.

Rows (for the vector kernels): normal values at scales 1e-3 … 1e4, one dominant entry, ties, ±700
mixes, values near the overflow threshold of exp (88.72 in float32, 709.78 in float64), rows of
length 1, masked −inf logits, and rows whose smallest softmax output is subnormal.  Elements (for
the elementwise kernels): the same scales, ±700 and beyond, the overflow and subnormal ranges of
exp, signed zeros, subnormal and huge inputs.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SCALES = (1e-3, 1e-1, 1.0, 10.0, 1e2, 1e3, 1e4)


@dataclass(frozen=True)
class Case:
    """A named group of inputs: 2-D rows (vector kernels) or 1-D elements, in the validated dtype."""

    group: str
    values: np.ndarray
    classes: np.ndarray | None = None      # one class per row: argmax, random, argmin in turn


def _exp_limits(dtype: np.dtype) -> tuple[float, float, float]:
    """log of the largest finite value, of the smallest normal and of the smallest subnormal."""
    info = np.finfo(dtype)
    return (float(np.log(info.max)), float(np.log(info.smallest_normal)),
            float(np.log(info.smallest_subnormal)))


def _classes(z: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    t = np.empty(z.shape[0], np.intp)
    for r in range(z.shape[0]):
        t[r] = (np.argmax(z[r]), rng.integers(z.shape[1]), np.argmin(np.where(np.isinf(z[r]), np.inf, z[r])))[r % 3]
    return t


def rows(dtype: np.dtype, quick: bool = False) -> list[Case]:
    """The hard rows in ``dtype`` (float32 or float64)."""
    dtype = np.dtype(dtype)
    rng = np.random.default_rng(20240404)
    count = 2 if quick else 6
    big, _, tiny = _exp_limits(dtype)
    cases: list[tuple[str, np.ndarray]] = []
    for s in SCALES:
        for n in (2, 7, 32, 100):
            cases.append((f"normal ×{s:g}", s * rng.standard_normal((count, n))))
    for n in (2, 8, 32, 64):
        z = rng.standard_normal((count, n))
        z[np.arange(count), rng.integers(n, size=count)] = 30 + 20 * rng.random(count) + z.max(axis=1)
        cases.append(("one dominant entry", z))
        cases.append(("one dominant entry, offset 1e3", z + 1e3))
    for n in (2, 5, 16, 40):
        z = np.round(rng.standard_normal((count, n)) * 4) / 4
        z[:, 1] = z[:, 0] = z.max(axis=1)
        cases.append(("ties", z))
        cases.append(("all equal", np.full((count, n), rng.standard_normal())))
    for n in (3, 16, 50):
        z = rng.choice([-700.0, 700.0], (count, n)) * rng.choice([1.0, rng.random()], (count, n))
        cases.append(("±700 mix", z))
    for n in (2, 8):
        cases.append(("near exp overflow", big - 0.05 + 0.1 * rng.random((count, n))))
        cases.append(("near exp overflow ±5", big + rng.uniform(-5, 5, (count, n))))
    cases.append(("length-1 rows", rng.standard_normal((3 * count, 1)) * 10.0 ** rng.integers(-3, 5, (3 * count, 1))))
    for n in (4, 16, 48):
        z = 3 * rng.standard_normal((count, n))
        mask = rng.random((count, n)) < 0.3
        mask[:, 0] = False
        cases.append(("masked −inf", np.where(mask, -np.inf, z)))
    gaps = np.linspace(-tiny - 0.5 - 36 * (dtype == np.float64) - 14 * (dtype == np.float32), -tiny - 0.5, count * 2)
    cases.append(("subnormal outputs", np.stack([np.zeros_like(gaps), -gaps, -gaps - 1], axis=1)))
    out = []
    for group, z in cases:
        z = z.astype(dtype)
        out.append(Case(group, z, _classes(z, rng)))
    return out


def elements(dtype: np.dtype, quick: bool = False) -> list[Case]:
    """The hard elements in ``dtype``."""
    dtype = np.dtype(dtype)
    rng = np.random.default_rng(20240405)
    count = 16 if quick else 64
    big, normal, tiny = _exp_limits(dtype)
    info = np.finfo(dtype)
    cases = [(f"normal ×{s:g}", s * rng.standard_normal(count)) for s in SCALES]
    cases += [("±700 and beyond", rng.uniform(-800, 800, count)),
              ("near exp overflow", np.concatenate([big + rng.uniform(-1, 1, count // 2),
                                                    -big + rng.uniform(-1, 1, count // 2)])),
              ("subnormal results", rng.uniform(tiny + 0.5, normal, count)),
              ("zeros, subnormal and tiny inputs", np.array([0.0, -0.0, float(info.smallest_subnormal),
                                                              -float(info.smallest_subnormal),
                                                              float(info.smallest_normal), 1e-30, -1e-30])),
              ("huge inputs", np.array([1e10, -1e10, float(info.max), -float(info.max), 1e30, -1e30]))]
    return [Case(group, x.astype(dtype)) for group, x in cases]
