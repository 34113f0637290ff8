"""Entropy, cross-entropy and KL divergence of distributions a text writes as vectors of probabilities.

Notes on cross-entropy and label smoothing write ``H(q, p)``, ``H(q)`` and ``\\mathrm{KL}(u \\| p)`` of
vectors whose entries they write elsewhere (``q_k``, ``p_k = e^{z_k}/\\sum_j e^{z_j}``): the usual measures,

* H(a) = −Σ_k a_k log a_k,  H(a, b) = −Σ_k a_k log b_k,  KL(a ‖ b) = Σ_k a_k log(a_k / b_k),

summed over the range the text sums those entries over (``\\sum_{k=1}^{K} q_k``).  Read that way only where
the text means them: its words speak of entropy (“cross-entropy”, “熵”; H(q, p) only where they say
cross-entropy, never beside a joint or conditional entropy), nothing speaks of another base (bits, shannons),
the words neither say what the measure is nor turn KL around, the text has not yet given its own definition
(a ``:=``, or a relation of its own writing it as a sum: from its line on that definition is unfolded as
written), and every argument is a family whose range the text gives and whose entries it defines.  Anything
else stays an opaque number, as before.
"""
from __future__ import annotations

import re

import sympy as sp

_ENTROPY_WORDS = re.compile(r"(?i)\bentrop\w*|\bcross[- ]?entrop\w*|熵")
_OWN_DEFINITION = re.compile(r"^\s*(?:H|\\mathrm\s*\{\s*(?:KL|H)\s*\}|\\operatorname\s*\{\s*(?:KL|H)\s*\}|KL|D_\s*\{?\s*"
                             r"(?:\\mathrm\s*\{\s*)?KL)")


_AS_A_SUM = re.compile(r"^\s*-?\s*(?:\\frac\s*\{\s*1\s*\}\s*\{[^{}]*\}\s*)?\\sum(?![A-Za-z]).*\\(?:log|ln)(?![A-Za-z])", re.DOTALL)
"""A measure written as its sum (``-\\sum_k p_k \\log p_k``), not a value that holds a sum (``\\log \\sum_j e^{z_j} - …``)."""


_SAID_IN_WORDS = re.compile(r"(?i)\$\s*(?P<m>(?:H|\\mathrm\s*\{\s*(?:H|KL)\s*\}|\\operatorname\s*\{\s*(?:H|KL)\s*\}|KL|"
                            r"D_\s*\{?\s*(?:\\mathrm\s*\{\s*)?KL\s*\}?\s*\}?)\s*(?:\\left|\\big\w*)?\s*\([^$]*\))\s*\$\s*"
                            r"(?:here\s+|in\s+these\s+notes\s+)?(?:is|denotes|means|stands\s+for|will\s+be)\b")
"""Words that say what a measure is ("$H(p, q)$ is the expected negative log-probability of the model"): the text's
convention, which may not be the usual one (an argument order, a direction)."""
_CROSS_WORDS = re.compile(r"(?i)\bcross[- ]?entrop\w*|交叉熵")
_JOINT_WORDS = re.compile(r"(?i)\bjoint\s+entrop\w*|\bconditional\s+entrop\w*|\bmutual\s+information|联合熵|条件熵|互信息")
_REVERSED = re.compile(r"(?i)\b(?:reverse[ds]?|backward|other\s+direction)\b[^.;]{0,40}\b(?:KL|divergence)|"
                       r"\b(?:KL|divergence)\b[^.;]{0,40}\b(?:reverse[ds]?|backward)\b|反向")
"""Words that turn KL around ("the reverse divergence")."""


def measures_meant(words: str, relations: list, other_base: bool) -> dict[str, int]:
    """Which of the usual measures ("H", "KL") a text means by those names, each with the line its own
    definition starts at (the text's definition holds from there on, unfolded as written: the lengths its
    examples give reach it) or a line past the end: its words speak of entropy, nothing speaks of another base,
    and its own definition is a ``:=`` of the measure or a relation of its own (not a link of a chain) that
    writes it as a sum (``H(p) = -\\sum_k p_k \\log p_k``)."""
    if not _ENTROPY_WORDS.search(words) or other_base:
        return {}
    meant = {"H": 10 ** 9, "H2": 10 ** 9, "KL": 10 ** 9}
    if not _CROSS_WORDS.search(words) or _JOINT_WORDS.search(words):
        meant.pop("H2")                 # H(q, p) is the cross-entropy where the words say so, never beside a joint one
    for m in _SAID_IN_WORDS.finditer(words):      # "$H(p, q)$ is the expected negative log-probability of …"
        kind = "KL" if "KL" in m.group("m") else "H2" if "," in m.group("m") else "H"
        meant.pop(kind, None)
    if _REVERSED.search(words) and "KL" in meant:
        meant["KL"] = 0                 # "KL(u ‖ p) here is the reverse divergence": the words' convention
    for rel in relations:
        m = _OWN_DEFINITION.match(rel.lhs)
        if m and (rel.op == ":=" or rel.op == "==" and not rel.chained and _AS_A_SUM.match(rel.rhs)):
            kind = "H" if re.match(r"\s*(?:H|\\mathrm\s*\{\s*H|\\operatorname\s*\{\s*H)", rel.lhs) else "KL"
            for own in (kind, "H2") if kind == "H" else (kind,):
                if own in meant:
                    meant[own] = min(meant[own], rel.line)
    return meant


def _is_measure(node: sp.Basic) -> str | None:
    """"H", "H2" or "KL" for ``H(a)``, ``H(a, b)``, ``KL(a ‖ b)`` as the reader builds them, else None."""
    if not isinstance(node, sp.core.function.AppliedUndef):
        return None
    name = node.func.__name__
    if name == "H" and len(node.args) in (1, 2):
        return "H" if len(node.args) == 1 else "H2"
    if len(node.args) == 2 and (name.startswith("KL(") or name in ("KL", "D_KL", "KL_")):
        return "KL"
    return None


def measures_written_out(expr: sp.Basic, ranges: dict[str, tuple[sp.Expr, sp.Expr]], meant: set[str],
                         known: set[str]) -> tuple[sp.Basic, list[str]]:
    """``expr`` with each measure of ``meant`` (those the text means here) of families whose range ``ranges``
    gives and whose entries are ``known`` (defined, or distributions the words name and no line gives values) written out as the sums
    above, and notes saying so.  Anything else (a number, a distribution of a named family, a vector whose
    length or entries the text does not give: ``u`` of "For $u_k = 1/K$,") leaves that measure as it is."""
    notes: list[str] = []

    def written(node: sp.Basic) -> sp.Basic:
        kind = _is_measure(node)
        names = [a.name for a in node.args if isinstance(a, sp.Symbol)]
        if kind is None or kind not in meant or len(names) != len(node.args) or not set(names) <= known:
            return node
        spans = {ranges[n] for n in names if n in ranges}
        if len(spans) != 1:
            return node
        (low, high), = spans
        k = sp.Dummy("k", integer=True)
        entries = [sp.IndexedBase(n, real=True)[k] for n in names]
        if kind in ("H", "H2"):
            first, second = entries if len(entries) == 2 else (entries[0], entries[0])
            value = -sp.Sum(first * sp.log(second), (k, low, high))
        else:
            first, second = entries
            value = sp.Sum(first * sp.log(first / second), (k, low, high))
        notes.append(f"{sp.sstr(node)} read as {'the cross-entropy' if kind == 'H2' else 'the entropy' if kind == 'H' else 'the KL divergence'} "
                     f"of the entries over {sp.sstr(low)}..{sp.sstr(high)} (natural logarithm)")
        return value

    out = expr.replace(lambda e: _is_measure(e) is not None, written)
    return out, notes


def has_measure(expr: sp.Basic) -> bool:
    """Whether ``expr`` holds an H or a KL that :func:`measures_written_out` might write out."""
    return any(_is_measure(e) is not None for e in expr.atoms(sp.core.function.AppliedUndef))
