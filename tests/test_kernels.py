"""softsym.kernels, the public interface: shapes, dtypes, axes, batch shapes, errors, edge values."""
from __future__ import annotations

import warnings

import numpy as np
import pytest
import scipy.special as sc

import softsym.kernels as K

ROW_KERNELS = ["softmax", "log_softmax", "logsumexp"]
ELEMENTWISE = {"sigmoid": sc.expit, "log_sigmoid": sc.log_expit, "softplus": sc.softplus}


def _ce_grad_ref(z, t):
    g = sc.softmax(z, axis=-1)
    np.put_along_axis(g, t[..., None], np.take_along_axis(g, t[..., None], -1) - 1, -1)
    return g


@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=["float64", "float32"])
@pytest.mark.parametrize("shape,axis", [((7,), -1), ((3, 5), -1), ((3, 5), 0), ((2, 3, 4), 1), ((1, 1), -1)],
                         ids=["vector", "matrix", "axis0", "batch3d-axis1", "single"])
def test_row_kernels_match_scipy_in_shape_dtype_and_value(dtype, shape, axis):
    z = (3 * np.random.default_rng(0).standard_normal(shape)).astype(dtype)
    tol = dict(rtol=1e-5, atol=1e-6) if dtype == np.float32 else dict(rtol=1e-13, atol=1e-15)
    for name in ROW_KERNELS:
        got, want = getattr(K, name)(z, axis=axis), getattr(sc, name)(z, axis=axis)
        assert got.shape == want.shape and got.dtype == dtype, name
        np.testing.assert_allclose(got, want, **tol, err_msg=name)


@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=["float64", "float32"])
def test_elementwise_kernels_keep_shape_and_dtype(dtype):
    x = np.linspace(-30, 30, 24).reshape(2, 3, 4).astype(dtype)
    for name, ref in ELEMENTWISE.items():
        got = getattr(K, name)(x)
        assert got.shape == x.shape and got.dtype == dtype
        np.testing.assert_allclose(got, ref(x), rtol=2e-6 if dtype == np.float32 else 1e-14)
    assert np.ndim(K.sigmoid(0.0)) == 0 and K.sigmoid(0.0) == 0.5


def test_cross_entropy_and_gradient_take_classes_per_row_along_axis():
    rng = np.random.default_rng(1)
    z = rng.standard_normal((2, 4, 5))
    t = rng.integers(0, 4, (2, 5))            # classes along axis 1
    moved = np.moveaxis(z, 1, -1)
    ce = -np.take_along_axis(sc.log_softmax(moved, axis=-1), t[..., None], -1)[..., 0]
    np.testing.assert_allclose(K.cross_entropy(z, t, axis=1), ce, rtol=1e-13)
    np.testing.assert_allclose(K.cross_entropy_grad(z, t, axis=1), np.moveaxis(_ce_grad_ref(moved, t), -1, 1),
                               rtol=1e-12, atol=1e-16)


def test_jacobian_and_jvp_from_the_softmax_output():
    rng = np.random.default_rng(2)
    p = K.softmax(rng.standard_normal((2, 3, 4)))
    v = rng.standard_normal((2, 3, 4))
    J = K.softmax_jacobian(p)
    assert J.shape == (2, 3, 4, 4)
    np.testing.assert_allclose(J, p[..., :, None] * (np.eye(4) - p[..., None, :]), rtol=1e-14, atol=1e-17)
    np.testing.assert_allclose(K.softmax_jvp(p, v), np.einsum("...ij,...j->...i", J, v), rtol=1e-12, atol=1e-16)
    np.testing.assert_allclose(K.softmax_jvp(p, v, axis=0), np.moveaxis(
        K.softmax_jvp(np.moveaxis(p, 0, -1), np.moveaxis(v, 0, -1)), -1, 0))


@pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=["float64", "float32"])
def test_the_failures_of_scipy_are_not_ours(dtype):
    z = np.array([[0.0, -46.0]], dtype)                        # p_0 = 1 − 1e-20
    assert K.log_softmax(z)[0, 0] < 0 and sc.log_softmax(z, axis=-1)[0, 0] == 0
    assert K.cross_entropy_grad(z, np.array([0]))[0, 0] < 0
    assert K.logsumexp(z)[0] > 0 and K.cross_entropy(z, np.array([0]))[0] > 0
    x = np.array([-740.0 if dtype == np.float64 else -100.0], dtype)   # a subnormal sigmoid, flushed by expit
    assert K.sigmoid(x)[0] > 0 and K.softplus(x)[0] > 0 and sc.expit(x)[0] == 0


def test_masked_logits_and_extreme_rows_stay_finite():
    z = np.array([[-np.inf, 0.0, 1.0], [1000.0, -1000.0, 999.0], [88.7, 88.72, 88.6]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for dtype in (np.float64, np.float32):
            zz = z.astype(dtype)
            assert np.all(np.isfinite(K.softmax(zz))) and np.all(np.isfinite(K.logsumexp(zz)))
            assert K.log_softmax(zz)[0, 0] == -np.inf and np.all(np.isfinite(K.log_softmax(zz)[1:]))
            assert np.all(np.isfinite(K.cross_entropy_grad(zz, np.array([1, 1, 2]))))


def test_bad_arguments_are_reported():
    z = np.zeros((2, 3))
    with pytest.raises(IndexError, match="outside 0..2"):
        K.cross_entropy(z, np.array([0, 3]))
    with pytest.raises(ValueError, match="expected \\(2,\\)"):
        K.cross_entropy(z, np.array([0, 1, 2]))
    with pytest.raises(TypeError, match="integers"):
        K.cross_entropy_grad(z, np.array([0.0, 1.0]))
    with pytest.raises(ValueError, match="no entries"):
        K.softmax(np.zeros((2, 0)))
    with pytest.raises(ValueError, match="scalar"):
        K.logsumexp(1.0)
    with pytest.raises(TypeError, match="complex"):
        K.sigmoid(np.array([1j]))


def test_integer_input_computes_in_float64_and_empty_batches_work():
    assert K.softmax(np.array([1, 2, 3])).dtype == np.float64
    assert K.softmax(np.zeros((0, 3))).shape == (0, 3) and K.logsumexp(np.zeros((0, 3))).shape == (0,)
    assert K.sigmoid(np.zeros(0, np.float32)).dtype == np.float32


def test_many_blocks_give_the_same_result_as_one(monkeypatch):
    from softsym.kernels import _runtime
    z = np.random.default_rng(3).standard_normal((37, 5))
    t = np.arange(37) % 5
    whole = [K.softmax(z), K.log_softmax(z), K.logsumexp(z), K.cross_entropy_grad(z, t), K.softplus(z)]
    monkeypatch.setattr(_runtime, "WHOLE_BYTES", 0)
    monkeypatch.setattr(_runtime, "BLOCK_BYTES", 5 * 8 * 4)      # 4 rows per block, a short last block
    blocked = [K.softmax(z), K.log_softmax(z), K.logsumexp(z), K.cross_entropy_grad(z, t), K.softplus(z)]
    for a, b in zip(whole, blocked):
        np.testing.assert_array_equal(a, b)


def test_outputs_never_share_the_scratch_memory_kept_between_calls():
    z = np.random.default_rng(3).standard_normal((64, 300))
    first = K.log_softmax(z)
    kept = first.copy()
    second = K.log_softmax(z[::-1].copy())
    assert not np.shares_memory(first, second)
    np.testing.assert_array_equal(first, kept)            # the second call did not write into the first result
    g = K.cross_entropy_grad(z, np.zeros(64, int))
    np.testing.assert_array_equal(K.log_softmax(z), kept)
    assert not np.shares_memory(g, first)


def test_kernels_running_in_threads_at_once_give_the_serial_results():
    from concurrent.futures import ThreadPoolExecutor
    rng = np.random.default_rng(4)
    inputs = [rng.standard_normal((512, 700)) * s for s in (0.1, 1, 10, 100)]
    serial = [(K.softmax(z), K.logsumexp(z), K.sigmoid(z)) for z in inputs]
    with ThreadPoolExecutor(4) as pool:
        threaded = list(pool.map(lambda z: (K.softmax(z), K.logsumexp(z), K.sigmoid(z)), inputs * 3))
    for got, want in zip(threaded, serial * 3):
        for g, w in zip(got, want):
            np.testing.assert_array_equal(g, w)


def test_constant_blocks_are_read_only_and_never_returned():
    from softsym.kernels import _runtime as rt
    like = np.empty((3, 5), np.float32)
    block = rt.constant(0, like)
    assert block.shape == like.shape and block.dtype == like.dtype and not block.any()
    with pytest.raises(ValueError):
        block[0, 0] = 1
    x = np.linspace(-5, 5, 15, dtype=np.float32)
    y = K.softplus(x)
    assert y.flags.writeable and not np.shares_memory(y, rt.constant(0, x))


@pytest.mark.parametrize("rows", [50, 300])
@pytest.mark.parametrize("n", [2, 31, 32, 33, 100])
def test_short_and_long_row_strategies_agree_with_the_definition(n, rows):
    """Rows of at most SHORT_ROW entries run other proved steps than longer rows (and, from MANY_ROWS
    rows on, a column-wise max): every path gives the values."""
    from softsym.kernels._runtime import MANY_ROWS, SHORT_ROW
    assert SHORT_ROW == 32 and 50 < MANY_ROWS <= 300
    rng = np.random.default_rng(n)
    z = rng.standard_normal((rows, n)) * 3
    t = rng.integers(0, n, rows)
    t[:10] = np.argmax(z[:10], axis=1)
    z[np.arange(10), t[:10]] += 45                     # a dominant target: p_t − 1 ≈ −Σ_{k≠t} e^{z_k − z_t}
    p = sc.softmax(z, axis=1)
    np.testing.assert_allclose(K.softmax(z), p, rtol=1e-14, atol=0)
    g = K.cross_entropy_grad(z, t)
    expect = p.copy()
    others = p.copy()
    others[np.arange(rows), t] = 0
    expect[np.arange(rows), t] = -others.sum(axis=1)                 # −Σ_{k≠t} p_k: no cancellation
    np.testing.assert_allclose(g, expect, rtol=1e-13, atol=0)
    assert np.all(g[np.arange(10), t[:10]] < 0)


def test_a_single_row_reduces_to_a_numpy_scalar_like_scipy():
    assert isinstance(K.logsumexp([1.0, 2.0]), np.floating)
    assert isinstance(K.cross_entropy(np.float32([1.0, 2.0]), 0), np.float32)
    assert K.logsumexp(np.zeros((2, 3))).shape == (2,)
