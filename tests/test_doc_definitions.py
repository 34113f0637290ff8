"""``softsym.doc.definitions``: readings of names a text uses without defining them itself — the i-th term of a
sum it defined, and a function of the temperature written in the inverse temperature."""
from __future__ import annotations

import sympy as sp

from softsym.dsl import Definition
from softsym.doc.definitions import summand_definition, written_in_new_name

w = sp.Symbol("w", real=True)
i = sp.Symbol("i", integer=True)
n = sp.Symbol("n", integer=True, positive=True)
ell = sp.Function("ell")
x = sp.IndexedBase("x", real=True)
LOSS = Definition(ell(w), -sp.Sum((w - x[i]) ** 2, (i, 1, n)), 1)


def test_the_term_of_a_defined_sum_where_the_words_derive_it():
    term = summand_definition(ell(w, i), [LOSS], "each term simplifies:")
    assert term is not None and term.target == ell(w, i) and term.expr == -(w - x[i]) ** 2


def test_no_term_where_the_words_make_the_name_something_else():
    assert summand_definition(ell(w, i), [LOSS], "The per-example loss is") is None         # its own definition
    assert summand_definition(ell(w, i), [LOSS], "so the loss with the i-th term removed is") is None
    assert summand_definition(ell(w, i), [LOSS], "the loss becomes") is None                 # no word of terms
    m = sp.Symbol("m", integer=True)
    assert summand_definition(ell(w, m), [LOSS], "so each term is") is None                  # another index


def test_a_function_of_the_temperature_at_the_inverse_temperature_is_the_same_quantity():
    T, beta, z, u = (sp.Symbol(s, real=True) for s in ("T", "beta", "z", "u"))
    Z, f = sp.Function("Z"), sp.Function("f")
    defs = [Definition(Z(T), sp.exp(-1 / T), 1), Definition(beta, 1 / T, 2)]
    read, notes = written_in_new_name(Z(beta) + 1, defs)
    assert read == Z(T) + 1 and notes
    other = [Definition(f(z), 1 / (1 + sp.exp(-z)), 1), Definition(u, -z, 2)]        # u := -z: another point
    assert written_in_new_name(f(u), other) == (f(u), [])
    doubled = [Definition(Z(T), sp.exp(-1 / T), 1), Definition(beta, 2 / T, 2)]      # not the inverse temperature
    assert written_in_new_name(Z(beta), doubled) == (Z(beta), [])
