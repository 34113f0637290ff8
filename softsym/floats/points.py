"""The inputs a float claim is tested at: its given points, then the seeded hard inputs.

The search reuses the hard inputs ``softsym kernels validate`` measures the kernels on
(``softsym.kernels.inputs``): rows at scales 1e-3 … 1e4, one dominant entry, ties, equal entries,
±700 mixes, values near the overflow threshold of exp in the dtype (88.72 in float32, 709.78 in
float64), rows of length 1 and rows whose smallest softmax output is subnormal — the rows of at
most ``MAX_ROW`` entries (a counterexample stays readable), and only finite ones; for elementwise
claims the hard elements (±700 and beyond, the overflow and subnormal ranges of exp, signed zeros,
huge values).  A second row input gets seeded normal values at a scale 10^k, a class input the
argmax, a random entry or the argmin of the row in turn.  Everything is seeded: every run tests
the same numbers.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from ..kernels.inputs import elements, rows
from .claim import CLASS, ROW, FloatClaim

MAX_ROW = 8
GIVEN = "given"


@dataclass(frozen=True)
class Batch:
    """Points the code is called on at once.

    Attributes:
        group: ``given`` or the name of the searched group (``near exp overflow``).
        arrays: one array per input in the dtype: rows ``(R, n)``, classes ``(R,)`` 0-based,
            elements ``(M,)``.
    """

    group: str
    arrays: tuple[np.ndarray, ...]

    @property
    def size(self) -> int:
        """How many points: rows or elements."""
        return int(self.arrays[0].shape[0])

    def point(self, k: int, claim: FloatClaim) -> tuple[object, ...]:
        """Point ``k`` as ``FloatClaim.points`` holds one: rows as float tuples, classes 1-based."""
        out: list[object] = []
        for array, role in zip(self.arrays, claim.roles):
            if role == ROW:
                out.append(tuple(float(v) for v in array[k]))
            elif role == CLASS:
                out.append(int(array[k]) + 1)
            else:
                out.append(float(array[k]))
        return tuple(out)


def as_batch(group: str, point: tuple[object, ...], claim: FloatClaim, dtype: np.dtype) -> Batch:
    """A batch of one point, its values rounded to ``dtype`` (classes 0-based, as the code indexes)."""
    arrays = []
    for value, role in zip(point, claim.roles):
        if role == ROW:
            arrays.append(np.array([value], dtype=dtype))
        elif role == CLASS:
            arrays.append(np.array([int(value) - 1], dtype=np.intp))       # type: ignore[call-overload]
        else:
            arrays.append(np.array([value], dtype=dtype))
    return Batch(group, tuple(arrays))


def batches(claim: FloatClaim, dtype: str) -> Iterator[Batch]:
    """The given points one by one, then (with ``search``) the hard inputs in groups."""
    kind = np.dtype(dtype)
    for point in claim.points:
        yield as_batch(GIVEN, point, claim, kind)
    if claim.search:
        yield from _searched(claim, kind)


def _searched(claim: FloatClaim, dtype: np.dtype) -> Iterator[Batch]:
    rng = np.random.default_rng(20250613)
    if claim.elementwise:
        for case in elements(dtype):
            first = case.values[np.isfinite(case.values)]
            yield Batch(case.group, tuple(first if k == 0 else rng.permutation(first)
                                          for k in range(len(claim.inputs))))
        return
    for case in rows(dtype):
        keep = np.isfinite(case.values).all(axis=1)
        if case.values.shape[1] > MAX_ROW or not keep.any():
            continue
        values, classes = case.values[keep], case.classes[keep]
        arrays, first = [], True
        for role in claim.roles:
            if role == ROW:
                arrays.append(values if first else
                              (10.0 ** rng.integers(-3, 4) * rng.standard_normal(values.shape)).astype(dtype))
                first = False
            elif role == CLASS:
                arrays.append(classes.astype(np.intp))
        yield Batch(case.group, tuple(arrays))


__all__ = ["Batch", "GIVEN", "MAX_ROW", "as_batch", "batches"]
