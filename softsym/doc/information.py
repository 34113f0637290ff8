"""Entropy, cross-entropy and KL divergence of distributions a text writes as vectors of probabilities.

Notes on cross-entropy and label smoothing write ``H(q, p)``, ``H(q)`` and ``\\mathrm{KL}(u \\| p)`` of
vectors whose entries they write elsewhere (``q_k``, ``p_k = e^{z_k}/\\sum_j e^{z_j}``): the usual measures,

* H(a) = −Σ_k a_k log a_k,  H(a, b) = −Σ_k a_k log b_k,  KL(a ‖ b) = Σ_k a_k log(a_k / b_k),

summed over the range the text sums those entries over (``\\sum_{k=1}^{K} q_k``).  Read that way only where
the text means them: its words speak of entropy (“cross-entropy”, “熵”), it never defines H or KL its own
way with ``:=`` (the text's own definition is then unfolded as written), nothing speaks of a logarithm to
another base (bits), and every argument is a family whose range the text gives.  Anything else stays an
opaque number, as before.
"""
from __future__ import annotations

import re

import sympy as sp

_ENTROPY_WORDS = re.compile(r"(?i)\bentrop\w*|\bcross[- ]?entrop\w*|熵")
_OWN_DEFINITION = re.compile(r"^\s*(?:H|\\mathrm\s*\{\s*(?:KL|H)\s*\}|\\operatorname\s*\{\s*(?:KL|H)\s*\}|KL|D_\s*\{?\s*"
                             r"(?:\\mathrm\s*\{\s*)?KL)")


_AS_A_SUM = re.compile(r"^\s*-?\s*(?:\\frac\s*\{\s*1\s*\}\s*\{[^{}]*\}\s*)?\\sum(?![A-Za-z]).*\\(?:log|ln)(?![A-Za-z])", re.DOTALL)
"""A measure written as its sum (``-\\sum_k p_k \\log p_k``), not a value that holds a sum (``\\log \\sum_j e^{z_j} - …``)."""


def measures_meant(words: str, relations: list, other_base: bool) -> dict[str, int]:
    """Which of the usual measures ("H", "KL") a text means by those names, each with the line its own
    definition starts at (the text's definition holds from there on, unfolded as written: the lengths its
    examples give reach it) or a line past the end: its words speak of entropy, nothing speaks of another base,
    and its own definition is a ``:=`` of the measure or a relation of its own (not a link of a chain) that
    writes it as a sum (``H(p) = -\\sum_k p_k \\log p_k``)."""
    if not _ENTROPY_WORDS.search(words) or other_base:
        return {}
    meant = {"H": 10 ** 9, "KL": 10 ** 9}
    for rel in relations:
        m = _OWN_DEFINITION.match(rel.lhs)
        if m and (rel.op == ":=" or rel.op == "==" and not rel.chained and _AS_A_SUM.match(rel.rhs)):
            kind = "H" if re.match(r"\s*(?:H|\\mathrm\s*\{\s*H|\\operatorname\s*\{\s*H)", rel.lhs) else "KL"
            meant[kind] = min(meant[kind], rel.line)
    return meant


def _is_measure(node: sp.Basic) -> str | None:
    """"H" or "KL" for ``H(a)``, ``H(a, b)``, ``KL(a ‖ b)`` as the reader builds them, else None."""
    if not isinstance(node, sp.core.function.AppliedUndef):
        return None
    name = node.func.__name__
    if name == "H" and len(node.args) in (1, 2):
        return "H"
    if len(node.args) == 2 and (name.startswith("KL(") or name in ("KL", "D_KL", "KL_")):
        return "KL"
    return None


def measures_written_out(expr: sp.Basic, ranges: dict[str, tuple[sp.Expr, sp.Expr]], meant: set[str],
                         known: set[str]) -> tuple[sp.Basic, list[str]]:
    """``expr`` with each measure of ``meant`` (those the text means here) of families whose range ``ranges`` gives and whose entries are
    ``known`` (defined, or distributions the words name and no line gives values) written out as the sums
    above, and notes saying so.  Anything else (a number, a distribution of a named family, a vector whose
    length or entries the text does not give: ``u`` of "For $u_k = 1/K$,") leaves that measure as it is."""
    notes: list[str] = []

    def written(node: sp.Basic) -> sp.Basic:
        kind = _is_measure(node)
        names = [a.name for a in node.args if isinstance(a, sp.Symbol)]
        if kind is None or kind not in meant or len(names) != len(node.args) or not set(names) <= known:
            return node
        spans = {ranges[n] for n in names if n in ranges}
        if len(spans) != 1 or len({n for n in names if n in ranges}) == 0:
            return node
        (low, high), = spans
        k = sp.Dummy("k", integer=True)
        entries = [sp.IndexedBase(n, real=True)[k] for n in names]
        if kind == "H":
            first, second = entries if len(entries) == 2 else (entries[0], entries[0])
            value = -sp.Sum(first * sp.log(second), (k, low, high))
        else:
            first, second = entries
            value = sp.Sum(first * sp.log(first / second), (k, low, high))
        notes.append(f"{sp.sstr(node)} read as {'the cross-entropy' if kind == 'H' and len(names) == 2 else 'the entropy' if kind == 'H' else 'the KL divergence'} "
                     f"of the entries over {sp.sstr(low)}..{sp.sstr(high)} (natural logarithm)")
        return value

    out = expr.replace(lambda e: _is_measure(e) is not None, written)
    return out, notes
