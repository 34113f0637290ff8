"""What every generated kernel shares and no formula is in: arrays to rows and back, the blocks of
rows that stay in cache (a block size per shape), and fast row reductions, gathers and puts.

Imported by the generated kernels; needs NumPy only (no SymPy), so ``import softsym.kernels`` is fast.
"""
from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterator
from functools import lru_cache

import numpy as np
from numpy.lib.array_utils import normalize_axis_index

BLOCK_BYTES = 512 << 10         # one block of one array: a quarter of a 2 MiB L2 cache
WHOLE_BYTES = 8 << 20           # long rows in an array this small are one block: it stays in L3
SHORT_ROW = 32                  # rows up to this long are summed by einsum
MANY_ROWS = 256                 # column-wise row max pays off from this many rows (n calls of NumPy)


# -- arrays in, arrays out --------------------------------------------------------------------------------
def _float_dtype(*arrays: np.ndarray) -> np.dtype:
    for a in arrays:
        if a.dtype.kind == "c":
            raise TypeError(f"complex input ({a.dtype}) is not supported; the kernels are real")
        if a.dtype.kind not in "biuf":
            raise TypeError(f"cannot compute on an array of {a.dtype}")
    return np.result_type(*arrays, np.float32)


def rows(name: str, axis: int, *arrays: object) -> tuple[list[np.ndarray], Callable[[np.ndarray], np.ndarray]]:
    """The inputs as C-contiguous ``(rows, n)`` float arrays with ``axis`` last, and a function that
    gives an output of shape ``(rows, n)``, ``(rows, 1)`` or ``(rows, n, n)`` the caller's shape back."""
    arrs = [np.asarray(a) for a in arrays]
    dtype = _float_dtype(*arrs)
    if len(arrs) > 1 and any(a.shape != arrs[0].shape for a in arrs):
        arrs = list(np.broadcast_arrays(*arrs))
    if arrs[0].ndim == 0:
        raise ValueError(f"{name} needs an array with at least one axis, got a scalar")
    axis = normalize_axis_index(axis, arrs[0].ndim)
    moved = arrs if axis == arrs[0].ndim - 1 else [np.moveaxis(a, axis, -1) for a in arrs]
    batch, n = moved[0].shape[:-1], moved[0].shape[-1]
    if n == 0:
        raise ValueError(f"{name}: axis {axis} has no entries")
    flat = [np.ascontiguousarray(m, dtype=dtype).reshape(-1, n) for m in moved]

    def restore(out: np.ndarray, reduced: bool = False) -> np.ndarray:
        if reduced:
            return out.reshape(batch)[()]     # one row in, a NumPy scalar out (as SciPy's)
        if out.ndim == 3:
            return out.reshape(batch + (n, n))
        if axis == len(batch):
            return out.reshape(batch + (n,))
        return np.moveaxis(out.reshape(batch + (n,)), -1, axis)
    return flat, restore


def classes(name: str, t: object, z: np.ndarray, shape: tuple[int, ...], axis: int) -> np.ndarray:
    """Class indices, one per row of ``z`` (``shape`` is the logits' shape), as an ``(rows, 1)`` intp array.

    Raises:
        TypeError: t is not integer.  ValueError: its shape is not the logits' shape without ``axis``.
        IndexError: a class is outside 0..n−1.
    """
    t = np.asarray(t)
    if t.dtype.kind not in "iu":
        raise TypeError(f"{name}: the class indices t must be integers, got {t.dtype}")
    axis = normalize_axis_index(axis, len(shape))
    want = shape[:axis] + shape[axis + 1:]
    if t.shape != want:
        raise ValueError(f"{name}: t has shape {t.shape}, expected {want} (the logits' shape without axis {axis})")
    n = z.shape[1]
    if t.size and (t.min() < 0 or t.max() >= n):
        bad = t[(t < 0) | (t >= n)].flat[0]
        raise IndexError(f"{name}: class index {bad} is outside 0..{n - 1}")
    return t.reshape(-1, 1).astype(np.intp, copy=False)


def flat(name: str, x: object) -> tuple[np.ndarray, Callable[[np.ndarray], np.ndarray]]:
    """An elementwise kernel's input as a contiguous 1-D float array, and the way back to x's shape."""
    a = np.asarray(x)
    dtype = _float_dtype(a)
    shape = a.shape
    return np.ascontiguousarray(a, dtype=dtype).reshape(-1), lambda out: out.reshape(shape)[()]


# -- blocks that stay in cache ----------------------------------------------------------------------------
def block_rows(count: int, width: int, itemsize: int) -> int:
    """Rows per block: blocks of about ``BLOCK_BYTES`` per buffer (at least one row).  Rows of more
    than 1024 entries in an array of at most ``WHOLE_BYTES`` are one block: it stays in L3, and
    NumPy's per-call cost (a few µs) is paid once per operation instead of once per row or two."""
    if width > 1024 and count * width * itemsize <= WHOLE_BYTES:
        return max(1, count)
    return max(1, min(count, BLOCK_BYTES // max(1, width * itemsize)))


def blocks(count: int, width: int, dtype: np.dtype, kinds: str, n: int = 1,
           ) -> Iterator[tuple[slice, tuple[np.ndarray, ...]]]:
    """Slices of ``count`` rows of ``width`` elements, with the temporaries of each block.

    ``kinds`` names one temporary per letter: ``f`` a block like the input, ``o`` an ``(n, n)``
    block per row, ``r`` one value per row, ``i`` one index per row.
    The temporaries come from this thread's scratch memory (see ``scratch``) and are sliced for the
    last, shorter block.
    """
    per_row = width * n if "o" in kinds else width
    size = block_rows(count, per_row, dtype.itemsize)
    flat = width == 1 and "r" not in kinds and "o" not in kinds      # 1-D blocks of elementwise kernels
    temps = []
    for slot, kind in enumerate(kinds):
        if flat:
            shape: tuple[int, ...] = (size,)
        else:
            shape = (size, width) if kind == "f" else (size, n, n) if kind == "o" else (size, 1)
        temps.append(scratch(slot, shape, _INTP if kind == "i" else dtype))
    if size >= count:                   # one block: the common case for small arrays, no slicing
        if count:
            yield slice(0, count), tuple(temps)
        return
    for start in range(0, count, size):
        stop = min(count, start + size)
        yield slice(start, stop), tuple(t[: stop - start] for t in temps)


_INTP = np.dtype(np.intp)
SCRATCH_LIMIT = 2 * WHOLE_BYTES    # larger temporaries are allocated per call, not kept
_scratch = threading.local()


_constants: dict[tuple[float, str], np.ndarray] = {}


def constant(value: float, like: np.ndarray) -> np.ndarray:
    """A read-only array of ``value`` shaped like ``like`` (contiguous), kept between calls.

    NumPy vectorizes ``maximum(x, y)`` for two arrays but not against a scalar, where it is 2-3
    times slower than an add; reading a block of zeros from cache costs less than that.
    """
    key = (value, like.dtype.str)
    block = _constants.get(key)
    if block is None or block.size < like.size:
        if like.nbytes > SCRATCH_LIMIT:
            return np.full(like.shape, value, like.dtype)
        block = np.full(max(like.size, 2 * (0 if block is None else block.size)), value, like.dtype)
        block.flags.writeable = False
        _constants[key] = block
    return block[: like.size].reshape(like.shape)


def release_scratch() -> None:
    """Free the scratch memory this thread keeps (the next kernel call allocates it again)."""
    _scratch.buffers = []


def scratch(slot: int, shape: tuple[int, ...], dtype: np.dtype) -> np.ndarray:
    """An uninitialized array for temporary number ``slot`` of a kernel, from memory this thread keeps.

    Allocating and freeing megabytes on every call makes glibc hand the pages back to the OS and
    fault them in again (about 1000 page faults per 4 MiB, which cost as much as a pass over the
    array); kept scratch memory is faulted in once.  A thread holds at most one buffer per slot, of
    at most ``SCRATCH_LIMIT`` bytes; kernels never call each other, so a slot is never in use twice.
    """
    nbytes = math.prod(shape) * dtype.itemsize
    if nbytes > SCRATCH_LIMIT:
        return np.empty(shape, dtype)
    buffers = getattr(_scratch, "buffers", None)
    if buffers is None:
        buffers = _scratch.buffers = []
    while len(buffers) <= slot:
        buffers.append(np.empty(0, np.uint8))
    if buffers[slot].nbytes < nbytes:
        buffers[slot] = np.empty(max(nbytes, 2 * buffers[slot].nbytes), np.uint8)
    return buffers[slot][:nbytes].view(dtype).reshape(shape)


# -- row reductions, gathers, puts -------------------------------------------------------------------------
@lru_cache(maxsize=64)
def _row_starts(count: int, width: int) -> np.ndarray:
    return (np.arange(count, dtype=np.intp) * width).reshape(count, 1)


def row_sum(x: np.ndarray, out: np.ndarray) -> np.ndarray:
    """Σ of each row into ``out`` (``(rows, 1)``): einsum for short rows, where NumPy's reduction
    spends its time per row (a BLAS matrix-vector product is faster still but sums in an order
    that loses up to a few ULP more), and NumPy's pairwise sum otherwise."""
    if x.shape[1] <= SHORT_ROW:
        return np.einsum("ij->i", x, out=out[:, 0])
    return np.sum(x, axis=-1, keepdims=True, out=out)


def row_max(x: np.ndarray, out: np.ndarray) -> np.ndarray:
    """The max of each row into ``out`` (``(rows, 1)``).  Short rows take the elementwise max of
    their columns (NumPy's row reduction costs about 30 ns per row, several times that)."""
    count, n = x.shape[0], x.shape[1]
    if 1 < n <= SHORT_ROW and count >= MANY_ROWS:
        m = out[:, 0]
        np.maximum(x[:, 0], x[:, 1], out=m)
        for k in range(2, n):
            np.maximum(m, x[:, k], out=m)
        return out
    return np.max(x, axis=-1, keepdims=True, out=out)


def argmax(x: np.ndarray, out: np.ndarray) -> np.ndarray:
    """The position of the (first) max of each row into ``out``."""
    return np.argmax(x, axis=-1, keepdims=True, out=out)


def take(x: np.ndarray, index: np.ndarray, out: np.ndarray) -> np.ndarray:
    """``x[r, index[r]]`` for every row r, into ``out``."""
    return np.take(x, _row_starts(*x.shape[:2]) + index, out=out, mode="clip")


def put(x: np.ndarray, index: np.ndarray, value: object) -> None:
    """``x[r, index[r]] = value[r]`` for every row r (x contiguous), exactly."""
    np.put(x, _row_starts(*x.shape[:2]) + index, value, mode="clip")


def add_diagonal(x: np.ndarray, value: object) -> None:
    """Add ``value`` to the diagonal of every ``(n, n)`` block of ``x`` (contiguous ``(rows, n, n)``)."""
    count, n = x.shape[0], x.shape[1]
    diagonal = x.reshape(count, n * n)[:, :: n + 1]
    np.add(diagonal, value, out=diagonal)
