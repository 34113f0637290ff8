"""``softsym.doc.information``: entropy, cross-entropy and KL of vectors, read as the usual sums only where
the text means them."""
from __future__ import annotations

import sympy as sp

from softsym.doc.chains import Relation
from softsym.doc.information import measures_meant, measures_written_out

K = sp.Symbol("K", integer=True, positive=True)
u, p = sp.Symbol("u", real=True), sp.Symbol("p", real=True)
H = sp.Function("H")
SPANS = {"p": (sp.Integer(1), K)}


def _rel(lhs: str, rhs: str, op: str = "==", chained: bool = False) -> Relation:
    return Relation(lhs=lhs, op=op, rhs=rhs, line=1, end_line=1, tex=f"{lhs} = {rhs}", chained=chained)


def test_a_cross_entropy_of_two_families_is_the_sum_over_their_entries():
    out, notes = measures_written_out(H(u, p), SPANS, frozenset({"H2", "KL"}), {"u", "p"})
    (total,) = out.atoms(sp.Sum)
    k = total.limits[0][0]
    assert total.limits[0][1:] == (1, K)
    assert sp.simplify(out + sp.Sum(sp.IndexedBase("u", real=True)[k] * sp.log(sp.IndexedBase("p", real=True)[k]),
                                    (k, 1, K))) == 0
    assert notes and "cross-entropy" in notes[0]


def test_a_measure_of_entries_the_text_never_gives_stays_opaque():
    expr = H(u, p)
    assert measures_written_out(expr, SPANS, frozenset({"H2"}), {"p"})[0] == expr       # u: no entries known
    assert measures_written_out(expr, {}, frozenset({"H2"}), {"u", "p"})[0] == expr     # no length known
    assert measures_written_out(expr, SPANS, frozenset({"H", "KL"}), {"u", "p"})[0] == expr  # H(·,·) not meant


def test_the_usual_measures_are_meant_only_where_the_words_speak_of_entropy_and_until_the_text_defines_its_own():
    said = "the cross-entropy of q and p"
    never = 10 ** 9
    assert measures_meant(said, [], other_base=False) == {"H": never, "H2": never, "KL": never}
    assert measures_meant("the entropy and the joint entropy of the two labels", [], False) == {"H": never, "KL": never}
    assert measures_meant("the loss", [], other_base=False) == {}
    assert measures_meant(said, [], other_base=True) == {}                             # bits
    assert measures_meant(said, [_rel("H(p)", r"-\sum_k p_k \log_2 p_k")], False) == {"H": 1, "H2": 1, "KL": never}
    assert measures_meant(said, [_rel("H(p)", r"\log K", op=":=")], False) == {"H": 1, "H2": 1, "KL": never}
    assert measures_meant(said, [_rel(r"\mathrm{KL}(p \| q)", r"\sum_k p_k \log \frac{p_k}{q_k}")], False) \
        == {"H": never, "H2": never, "KL": 1}
    assert measures_meant(f"{said}, the reverse KL divergence", [], False)["KL"] == 0
    # a value that holds a sum, or a link of a chain, defines nothing
    assert measures_meant(said, [_rel("H(u, p)", r"\log \sum_j e^{z_j} - \bar z"),
                                 _rel("H(q, p)", r"-\sum_k q_k \log p_k", chained=True)], False) \
        == {"H": never, "H2": never, "KL": never}
