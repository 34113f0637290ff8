"""The LaTeX printer: names as a book writes them, entries as subscripts, our notation."""
from __future__ import annotations

import pytest
import sympy as sp

from softsym.export.printer import latex, split_name

NAMES = [
    ("P_p", "P_{p}"), ("phi", r"\phi"), ("alpha1", r"\alpha_{1}"), ("q2", "q_{2}"), ("yhat", r"\hat{y}"),
    ("y_hat", r"\hat{y}"), ("Ptilde", r"\tilde{P}"), ("P_tilde_a", r"\tilde{P}_{a}"), ("NLL", r"\mathrm{NLL}"),
    ("NLL_i", r"\mathrm{NLL}_{i}"), ("z_last", r"z_{\mathrm{last}}"), ("Sigma_K", r"\Sigma_{K}"),
    ("a_eta", r"a_{\eta}"), ("P_B_given_A", r"P_{B \mid A}"), ("cross_entropy_r", r"\mathrm{cross\,entropy}_{r}"),
    ("φ", r"\phi"), ("ŷ", r"\hat{y}"), ("η_k", r"\eta_{k}"), ("_k0", "k"), ("_k2", "k''"),
]


@pytest.mark.parametrize("name, tex", NAMES, ids=[n for n, _ in NAMES])
def test_symbol_names_read_as_in_a_book(name, tex):
    assert split_name(name).tex() == tex
    assert latex(sp.Symbol(name)) == tex


i, j, k, n = sp.symbols("i j k n", integer=True)
z, W, sigma_c = sp.IndexedBase("z"), sp.IndexedBase("W"), sp.IndexedBase("sigma_c")
phi, T = sp.IndexedBase("phi"), sp.IndexedBase("T")
EXPRESSIONS = [
    ("entry", z[i], "z_{i}"),
    ("matrix entry", W[i, j], "W_{ij}"),
    ("compound index", W[i, k - 1], "W_{i,k - 1}"),
    ("base with its own subscript", sigma_c[i], r"\sigma_{c,i}"),
    ("Kronecker delta", sp.KroneckerDelta(i, j), r"\delta_{ij}"),
    ("derivative of an entry", sp.Derivative(z[i], z[j]), r"\frac{\partial z_{i}}{\partial z_{j}}"),
    ("softmax by name", sp.Function("softmax")(z[i]), r"\operatorname{softmax}\left(z_{i}\right)"),
    ("sigmoid by name", sp.Function("sigmoid")(sp.Symbol("x")), r"\sigma\left(x\right)"),
    ("logsumexp by name", sp.Function("logsumexp")(sp.Symbol("x")), r"\operatorname{logsumexp}\left(x\right)"),
    ("sum over classes", sp.Sum(sp.exp(z[k]), (k, 1, n)), r"\sum_{k=1}^{n} e^{z_{k}}"),
    ("sum only in an exponent needs no brackets",
     phi[k] ** (1 - sp.Sum(T[i], (i, 1, k - 1))) * sp.Product(phi[i] ** T[i], (i, 1, k - 1)),
     r"\phi_{k}^{1 - \sum_{i=1}^{k - 1} T_{i}} \prod_{i=1}^{k - 1} \phi_{i}^{T_{i}}"),
    ("one-sided limit", sp.Limit(sp.Symbol("x") ** 2, sp.Symbol("x"), 0, "+"), r"\lim_{x \to 0^+} x^{2}"),
]


@pytest.mark.parametrize("expr, tex", [(e, t) for _, e, t in EXPRESSIONS], ids=[i for i, _, _ in EXPRESSIONS])
def test_expressions(expr, tex):
    assert latex(expr) == tex
