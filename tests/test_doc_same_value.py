"""Whether a name written again is given another value (softsym.doc.same_value): deterministic, and
never "the same" for values that differ on the reals (red team 34: |y − t| against y − t)."""
import pytest
import sympy as sp

from softsym.doc.same_value import differ

x, y, t, a, b, p = sp.symbols("x y t a b p", real=True)
z = sp.IndexedBase("z")
i, n = sp.symbols("i n", integer=True)


@pytest.mark.parametrize("first, second", [
    (sp.Abs(y - t), y - t),                      # the absolute error, then the signed residual
    (sp.sqrt((y - t) ** 2), y - t),
    (sp.Max(a, b) - a, b - a),                   # equal only where b ≥ a
    (sp.Abs(x), x),
    (sp.log(x ** 2), 2 * sp.log(x)),             # equal only for x > 0
    (-sp.log(1 / (1 + sp.exp(-x))), -sp.log(1 - 1 / (1 + sp.exp(-x)))),   # −log p, then −log(1 − p)
    (x ** 3 - 3 * x, 3 * x),
    (sp.Sum(z[i], (i, 1, n)), sp.Sum(2 * z[i], (i, 1, n))),
])
def test_values_that_differ_somewhere_on_the_reals_differ(first, second):
    assert differ(first, second)
    assert differ(second, first)


@pytest.mark.parametrize("first, second", [
    (-sp.log(1 / (1 + sp.exp(-x))), sp.log(1 + sp.exp(-x))),      # −log σ(x) written another way
    (x ** 3 - 3 * x, x * (x ** 2 - 3)),
    (-sp.log(p), sp.log(1 / p)),                                   # (both complex at p < 0: not compared there)
    (sp.exp(a + b), sp.exp(a) * sp.exp(b)),
])
def test_the_same_value_written_another_way_does_not_differ(first, second):
    assert not differ(first, second)


def test_values_that_cannot_be_compared_count_as_different():
    f = sp.Function("f")
    assert differ(f(x), 2 * x)               # a function the text never defines has no value


def test_readings_too_large_to_compare_count_as_different_without_evaluating_them():
    x, k = sp.symbols("x k")
    assert differ(sp.Sum(x ** k, (k, 1, 10 ** 9)), x)                  # never summed term by term
    assert differ(sp.Integral(sp.exp(-x ** 2), (x, 0, 1)), sp.Integer(1))   # no quadrature in a reading
    assert not differ(sp.Sum(2 ** -k, (k, 1, sp.oo)), sp.Integer(1))      # a closed-form series still is


def test_shown_different_writes_sums_out_and_needs_a_point_that_differs():
    from softsym.doc.same_value import shown_different
    j = sp.Symbol("j", integer=True)
    tau = sp.Symbol("tau", real=True)
    lse = sp.log(sp.Sum(sp.exp(z[j]), (j, 1, n)))
    assert not shown_different(lse, sp.log(sp.Sum(sp.exp(z[i]), (i, 1, n))))        # the same LSE, another index
    assert shown_different(lse, tau * sp.log(sp.Sum(sp.exp(z[i] / tau), (i, 1, n))))  # a temperature
    assert shown_different(1 / (1 + sp.exp(-x)), 1 / (1 + sp.exp(-2 * x)))
    assert not shown_different(sp.Integral(x, (x, 0, a)), a)        # not compared: never "shown" different
