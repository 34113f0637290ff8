"""Validation on the (quick) hard inputs: every kernel within its limit, the seed's naive code failing,
gradients, proved properties, and the training comparison."""
from __future__ import annotations

import numpy as np
import pytest

from softsym.kernels.checks import gradient_checks, property_checks
from softsym.kernels.spec import KERNELS
from softsym.kernels.validate import beats_scipy, measure

DTYPES = ["float64", "float32"]
pytestmark = pytest.mark.xdist_group("kernels_validate")   # one worker measures the kernels once (a module fixture)


@pytest.fixture(scope="module")
def accuracy():
    return {(a.kernel, a.dtype, a.impl): a for spec in KERNELS for dt in DTYPES
            for a in measure(spec, np.dtype(dt), quick=True)}


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", [k.name for k in KERNELS])
def test_kernel_is_finite_unflushed_and_within_its_ulp_limit(accuracy, name, dtype):
    a = accuracy[(name, dtype, "softsym")]
    assert a.nonfinite == 0 and a.flushed == 0, a.worst
    assert a.limit_ok, f"{name} {dtype}: max {a.max_ulp:.3g} ULP, normalized {a.max_norm:.3g}: {a.worst}"


def test_softsym_is_at_least_as_accurate_as_scipy(accuracy):
    verdicts = beats_scipy(list(accuracy.values()))
    assert verdicts and all(verdicts.values()), {k: v for k, v in verdicts.items() if not v}


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", ["softmax", "cross_entropy"])
def test_the_seeds_naive_code_fails_with_a_concrete_input(accuracy, name, dtype):
    naive = accuracy[(name, dtype, "naive (004 §二)")]
    assert naive.nonfinite > 0 and not naive.ok
    assert "got nan" in naive.worst or "got inf" in naive.worst


def test_gradients_match_finite_differences_and_sympy():
    failed = [c for c in gradient_checks() if not c.passed]
    assert not failed, failed


@pytest.mark.parametrize("dtype", DTYPES)
def test_the_proved_properties_hold_in_numbers(dtype):
    failed = [c for c in property_checks(dtype) if not c.passed]
    assert not failed, failed


def test_softmax_regression_with_the_kernels_matches_the_reference():
    from softsym.kernels.train import compare, iris_path
    if not iris_path().exists():
        pytest.skip(f"SciPy ships no {iris_path()} here")
    tr = compare()
    ours = tr.accuracy["softsym kernels (gradient descent)"]
    assert ours >= tr.accuracy["scipy.special softmax − onehot (gradient descent)"] and ours > 0.85
    assert tr.max_weight_difference < 1e-10
