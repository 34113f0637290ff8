"""Relations written point-free, between functions rather than values: ``\\sigma' = \\sigma(1 - \\sigma)``,
``\\tanh' = 1 - \\tanh^2``.

Notes write the derivative rule of a known function without its argument.  Read literally, ``\\sigma'``
is a prime outside f'(x) and ``\\sigma(1 - \\sigma)`` the sigmoid applied to 1 − σ; meant is the
identity at every point t: σ'(t) = σ(t)(1 − σ(t)).  A relation is read so only when one of its sides
holds the function with a prime and no argument, the function is the reader's own (the document does
not define it), and no occurrence of it carries a subscript (σ_i is an entry, not the function).
"""
from __future__ import annotations

import re

_FUNCTIONS = {"sigma": r"\\sigma", "tanh": r"\\tanh"}
_OPENING = r"\s*(?:\(|\\left\s*\(|\\[bB]ig[gl]?\s*\()"
_CANDIDATE_POINTS = ("t", "u", "s", "v", "x")


def point_free(lhs: str, rhs: str, defined: set[str], letters: set[str]) -> tuple[str, str, str] | None:
    """``(lhs, rhs, point)`` rewritten at a fresh point when the relation is written point-free (see the
    module), else None.  ``defined``: the functions the document defines; ``letters``: the one-letter
    names its math uses (the point is none of them)."""
    both = f"{lhs} = {rhs}"
    for name, macro in _FUNCTIONS.items():
        if name in defined:
            continue
        bare_prime = re.compile(rf"{macro}(?![A-Za-z])\s*'+(?!{_OPENING})")
        if not bare_prime.search(both):
            continue
        if re.search(rf"{macro}(?![A-Za-z])\s*'*\s*_", both):
            return None                                  # σ_i: an entry, not the function
        if not all(re.search(macro, group) for group in _groups_after(both, macro)):
            return None                                  # σ'(…) beside σ(x): not point-free
        point = next((p for p in _CANDIDATE_POINTS if p not in letters and not re.search(rf"(?<![\\A-Za-z]){p}(?![A-Za-z])", both)), None)
        if point is None:
            return None

        def at_point(side: str) -> str:
            # σ'' / σ' / σ not applied: σ…(t); σ followed by "(": the value σ(t) times what follows
            return re.sub(rf"({macro})(?![A-Za-z])(\s*'*)", lambda m: f"{m.group(1)}{m.group(2).strip()}({point})", side)

        return at_point(lhs), at_point(rhs), point
    return None


def _groups_after(text: str, macro: str) -> list[str]:
    """What the parentheses right after each occurrence of ``macro`` hold (balanced)."""
    out = []
    for m in re.finditer(rf"{macro}(?![A-Za-z])\s*'*{_OPENING}", text):
        depth, k = 1, m.end()
        while k < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[k], 0)
            k += 1
        out.append(text[m.end():k - 1])
    return out
