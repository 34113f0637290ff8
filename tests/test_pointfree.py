"""Rules written point-free (softsym.doc.pointfree): read at a fresh point only where nothing else is meant."""
import pytest

from softsym.doc.pointfree import point_free, vector_function_alone


def test_a_rule_between_functions_alone_is_read_at_a_fresh_point():
    assert point_free("\\sigma'", "\\sigma(1-\\sigma)", sigmoid=True) == ("\\sigma'(t)", "\\sigma(t)(1-\\sigma(t))", "t")
    assert point_free("\\tanh'", "1 - \\tanh^2", sigmoid=False) == ("\\tanh'(t)", "1 - \\tanh^2(t)", "t")


@pytest.mark.parametrize("lhs, rhs, sigmoid", [
    ("\\sigma'(\\sigma)\\,\\sigma'", "\\sigma^2(1-\\sigma)\\,\\sigma'", True),   # a composition
    ("\\sigma'", "\\sigma(2)", True),                 # σ at a point
    ("\\sigma'", "\\sigma x", True),                  # another name
    ("\\sigma^{-1}", "1/\\sigma'", True),             # the inverse function
    ("\\sigma'", "\\sigma(1-\\sigma)", False),        # σ is no sigmoid in this text
    ("\\sigma", "\\sigma(1-\\sigma)", True),          # no prime: nothing says it is a rule
])
def test_anything_else_is_not_read_point_free(lhs, rhs, sigmoid):
    assert point_free(lhs, rhs, sigmoid=sigmoid) is None


def test_a_log_sum_exp_alone_above_a_derivative_in_an_entry_is_of_that_vector():
    assert vector_function_alone("\\frac{\\partial\\,\\mathrm{LSE}}{\\partial x_i}") == (
        "\\frac{\\partial\\,\\mathrm{LSE}(x)}{\\partial x_i}", "x")
    assert vector_function_alone("\\frac{\\partial \\mathrm{LSE}}{\\partial x_i} + "
                                 "\\frac{\\partial \\mathrm{LSE}}{\\partial z_i}") is None    # two vectors
    assert vector_function_alone("\\mathrm{LSE}(x)") is None
