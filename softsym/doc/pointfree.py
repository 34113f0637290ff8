"""Rules written point-free: ``\\sigma' = \\sigma(1-\\sigma)``, ``\\tanh' = 1 - \\tanh^2``.

A relation between functions written without their argument is an identity at every point.  It is read at a
fresh variable t — ``\\sigma'(t) = \\sigma(t)(1 - \\sigma(t))`` — only where nothing else can be meant: a primed
function stands alone (no argument after it), every function in the relation stands alone (``\\sigma'(\\sigma)``
applies σ' to σ: a composition, not read), and the relation has no other name (``\\sigma' = 2\\sigma`` of two
noise scales σ and σ' is no rule).  σ is read so only where the text is one that applies the sigmoid."""
from __future__ import annotations

import re

_FUNCTIONS = {"sigma": r"\\sigma", "tanh": r"\\tanh"}
_OCCURRENCE = re.compile(r"\\(?P<name>sigma|tanh)(?![A-Za-z])(?P<primes>'*)(?P<power>\s*\^\s*(?:\{\s*\d+\s*\}|\d))?")
_COMMANDS = re.compile(r"\\(?:frac|dfrac|tfrac|cdot|times|left|right|[bB]ig[gl]?[lr]?|[,;:! ]|quad|qquad)(?![A-Za-z])")
_AFTER_ARGUMENT = re.compile(r"\s*(?:\\left\s*|\\[bB]igg?l?\s*)?\(")


def point_free(lhs: str, rhs: str, sigmoid: bool) -> tuple[str, str, str] | None:
    """``(lhs, rhs, t)`` with each function standing alone applied to a fresh ``t``, where the relation is a
    rule written point-free (see the module); None otherwise.  ``sigmoid``: σ is the sigmoid in this text."""
    tex = f"{lhs} = {rhs}"
    found = list(_OCCURRENCE.finditer(tex))
    if not found or not any(m.group("primes") for m in found):
        return None
    if not sigmoid and any(m.group("name") == "sigma" for m in found):
        return None
    for m in found:
        if re.match(r"\s*\^\s*\{?\s*-", tex[m.end():]):
            return None             # σ^{-1}: the inverse function, in a rule
        if m.group("primes") and _AFTER_ARGUMENT.match(tex, m.end()):
            return None             # σ'(σ), σ'(x): an application, not a rule
        if not m.group("primes") and _AFTER_ARGUMENT.match(tex, m.end()) \
                and not _OCCURRENCE.search(_group_after(tex, m.end())):
            return None             # σ(2): σ at a point (σ(1 − σ) is σ times (1 − σ) in a rule)
    rest = _COMMANDS.sub(" ", _OCCURRENCE.sub(" ", tex))
    if re.search(r"[A-Za-z\\]", rest):
        return None                 # another name (σ' = 2σ x), or a command not read here
    t = next(v for v in ("t", "u", "s", "v") if not re.search(rf"(?<![A-Za-z\\]){v}(?![A-Za-z])", tex))

    def applied(side: str) -> str:
        return _OCCURRENCE.sub(lambda m: f"{m.group(0)}({t})", side)
    return applied(lhs), applied(rhs), t


def _group_after(tex: str, at: int) -> str:
    """The parenthesized group that starts at ``at`` (after optional sizing), or "" when it does not close."""
    start = tex.find("(", at)
    depth = 0
    for k in range(start, len(tex)):
        depth += {"(": 1, ")": -1}.get(tex[k], 0)
        if depth == 0:
            return tex[start:k + 1]
    return ""


_VECTOR_ALONE = re.compile(
    r"(?P<head>\\frac\s*\{\s*\\partial\s*(?:\^\s*\{?\s*2\s*\}?)?\s*(?:\\[,;! ]\s*)*)"
    r"(?P<name>\\(?:mathrm|operatorname)\s*\{\s*(?:LSE|logsumexp)\s*\})(?P<after>\s*\}\s*\{\s*\\partial\s*"
    r"(?P<base>[A-Za-z])\s*_)")


def vector_function_alone(tex: str) -> tuple[str, str] | None:
    """``tex`` with a log-sum-exp written alone above a partial derivative in an entry of a vector
    (``\\frac{\\partial\\,\\mathrm{LSE}}{\\partial x_i}``, ``\\frac{\\partial^2 \\mathrm{LSE}}{\\partial x_i \\partial
    x_j}``) applied to that vector, and the vector's letter; None when there is none.  Every such derivative of
    the relation must be in the same vector (a derivative in x_i of an LSE that is of z is no entry of it)."""
    found = list(_VECTOR_ALONE.finditer(tex))
    if not found or len({m.group("base") for m in found}) != 1:
        return None
    base = found[0].group("base")
    return _VECTOR_ALONE.sub(lambda m: f"{m.group('head')}{m.group('name')}({base}){m.group('after')}", tex), base
