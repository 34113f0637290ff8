"""Gradients by a vector read along a direction (softsym.doc.directional)."""
import sympy as sp

from softsym.doc.directional import along_a_direction
from softsym.latex.applications import DOT

w, x, y, lam = sp.symbols("w x y lambda", real=True)
X = sp.IndexedBase("x", real=True)
i, n = sp.Symbol("i", integer=True), sp.Symbol("n", integer=True, positive=True)
u = sp.Symbol("u", real=True)


def test_both_sides_are_dotted_with_the_direction():
    left, right, note, ours = along_a_direction(sp.Derivative(DOT(w, x) ** 2, w), 2 * DOT(w, x) * x)
    assert sp.simplify(left - 2 * DOT(u, x) * DOT(w, x)) == 0 and sp.simplify(right - left) == 0
    assert note.startswith("read along a direction u") and ours == frozenset({"u"})


def test_a_sum_over_samples_pairs_each_term_with_the_direction():
    loss = sp.Sum(sp.log(1 + sp.exp(-DOT(w, X[i]))), (i, 1, n))
    left, right, _, _ = along_a_direction(sp.Derivative(loss, w), sp.Sum(-X[i] / (1 + sp.exp(DOT(w, X[i]))), (i, 1, n)))
    assert right == sp.Sum(-DOT(u, X[i]) / (1 + sp.exp(DOT(w, X[i]))), (i, 1, n))
    assert left.has(DOT(u, X[i])) and not left.has(sp.Derivative)


def test_the_square_of_the_norm_moves_twice():
    left, right, _, _ = along_a_direction(sp.Derivative(lam * DOT(w, w) / 2, w), lam * w)
    assert sp.expand(left - lam * DOT(u, w)) == 0 and right == lam * DOT(u, w)


def test_what_is_not_plainly_a_vector_is_left_as_it_is():
    for left, right in [
        (sp.Derivative(DOT(w, w + x), w), 2 * w + x),              # w inside an argument of the product
        (sp.Derivative(DOT(w, x), w), DOT(w, x)),                   # a scalar side against a vector one
        (sp.Derivative(DOT(w, x) * w, w), x),                       # w outside the dot products
        (sp.Derivative(sp.exp(DOT(w, x)), w), sp.exp(x)),           # a vector inside a function
        (sp.Derivative(x * y, y), x),                               # no vector differentiated
    ]:
        assert along_a_direction(left, right)[2] == ""
