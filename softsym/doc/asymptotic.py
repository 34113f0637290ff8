"""Relations with a Landau remainder, as expansions write them: ``\\log(1 + e^x) = \\log 2 + \\frac{x}{2} +
\\frac{x^2}{8} + O(x^4)``, ``\\sigma(x) = \\frac12 + \\frac{x}{4} + o(x)``, ``H_n = \\log n + O(1/n)``.

``A = B + O(x^k)`` says that A − B is bounded by a multiple of |x|^k near the point the remainder names:
x → 0 for a positive power (``O(x^3)``), x → ∞ for a negative one (``O(1/n)``, ``O(n^{-2})``); with ``o`` the
difference vanishes faster than |x|^k.  It is checked on the series of A − B at that point (SymPy's
``series``, term by term): every term of a lower order than the remainder's zero proves it (and the
difference divided by |x|^k, evaluated near the point at 50 digits, must stay bounded); a lower-order term
with a nonzero number as its coefficient refutes it — the expansion is wrong in that term.  A remainder
of any other shape (``O(1)``, ``O(x \\log x)``, two variables), a coefficient that depends on other names,
or a series SymPy cannot compute is not judged: undecided.
"""
from __future__ import annotations

import re

import mpmath
import sympy as sp

_O_SPELLED = (r"(?P<letter>(?:\\math(?:cal|rm|bf|it)|\\text|\\operatorname)\s*\{\s*O\s*\}|\\mathcal\s*O|(?<![A-Za-z\\])[Oo])")
_OPENING = r"\s*(?:\\[,;:!]\s*)*(?:\\left\s*|\\[bB]igg?l?\s*)?[(\[]"
LANDAU = re.compile(r"(?:(?P<sign>[+-])|^)\s*" + _O_SPELLED + _OPENING +
                    r"(?P<arg>[^()\[\]]*(?:[(\[][^()\[\]]*[)\]][^()\[\]]*)*)"
                    r"(?:\\right\s*|\\[bB]igg?r?\s*)?[)\]]\s*[.,;]?\s*$")
"""A Landau term ending a side: ``+ O(x^6)``, ``+ \\mathcal{O}(1/n)``, ``- o(x)``."""


def landau_term(side: str) -> tuple[str, str, str] | None:
    """(the side without its Landau term, "O" or "o", the term's argument as written), or None."""
    m = LANDAU.search(side)
    if m is None:
        return None
    kind = "o" if m.group("letter") == "o" else "O"
    rest = side[:m.start()].rstrip()
    arg = re.sub(r"\\(?:right|[bB]igg?r?)\s*$", "", m.group("arg").strip()).strip()
    return rest if rest else "0", kind, arg       # (x² log x = O(x²): the side is 0 besides


LANDAU_ANYWHERE = re.compile(_O_SPELLED + _OPENING)
"""A Landau term anywhere (``O(x^2) \\cdot f``, ``\\mathcal{O}(n \\log n)``): read only as a side's last term."""


_TOWARD_INFINITY = re.compile(r"(?i)\\infty|∞|\blarge\b|\bgrows?\b|\bgrowing\b|asymptotic|\bbig\b")
_TOWARD_ZERO = re.compile(r"(?i)\\to\s*0|→\s*0|\b(?:near|around|about|at)\s+(?:MATH\s+)?(?:\$\s*(?:[A-Za-z]\s*=\s*)?)?(?:0|zero|the\s+origin)\b|\bsmall\b|"
                          r"\btaylor\b|\bmaclaurin\b|\bexpand\w*\s+(?:at|around|about)\s+0\b|原点|附近|很小|泰勒")
_ONE_SIDED = re.compile(r"(?i)-\s*\\infty|−\s*∞|0\s*\^\s*\{?\s*-|\bnegative\b|<\s*0\b|\bbelow\b|\\to\s*-")
_POSITIVE_SIDE = re.compile(r"(?i)0\s*\^\s*\{?\s*\+|\bpositive\b|>\s*0\b")


_NAMED_LIMIT = re.compile(r"\$\s*\|?\s*\\?([A-Za-z]+)\s*\|?\s*\\(?:to|rightarrow)[^$]*\$|"
                          r"(?i:large|small|big)\s+\$\s*\\?([A-Za-z]+)\s*\$")
"""Words that take one name somewhere: "$x \\to \\infty$", "$|x| \\to \\infty$", "for large $n$"."""


def says_where(words: str) -> bool:
    """Whether words say where a remainder is taken (toward 0, ∞ or from one side)."""
    return bool(_TOWARD_INFINITY.search(words) or _TOWARD_ZERO.search(words) or _ONE_SIDED.search(words))


def remainder_point(words: str, variable: sp.Symbol, exponent: sp.Basic) -> tuple[str, tuple[int, ...]] | None:
    r"""Where a remainder in ``variable`` is taken and from which sides, from the words around it ("for large
    $n$", "as $x \to \infty$", "near 0", "Taylor"): ("0", (1, -1)) both sides of 0 (one, x > 0, when the words or
    the name make it positive), ("oo", (1,)) +∞ (both, ±∞, when the words write |x|); without words a count
    (an integer name) goes to ∞ and otherwise the power's sign decides.  None: not judged — the words take
    it from below or to −∞, or speak of both 0 and ∞."""
    named = [(m.group(0), m.group(1) or m.group(2)) for m in _NAMED_LIMIT.finditer(words)]
    phrases = [phrase for phrase, name in named if name == variable.name]
    others = [phrase for phrase, name in named if name != variable.name]
    if phrases:
        words = " ".join(phrases)           # ("$x \to \infty$", "large $x$": what the words say of this name)
    elif others:
        words = ""                          # ("for large $n$" says nothing of x)
    if _ONE_SIDED.search(words):
        return None
    infinity, zero = bool(_TOWARD_INFINITY.search(words)), bool(_TOWARD_ZERO.search(words))
    if infinity and zero:
        return None
    if not (infinity or zero):
        infinity = bool(variable.is_integer) or exponent < 0
    if infinity:
        return "oo", ((1, -1) if re.search(r"\|\s*[A-Za-z\\]", words) else (1,))
    positive = bool(variable.is_positive or variable.is_nonnegative) or bool(_POSITIVE_SIDE.search(words))
    return "0", ((1,) if positive else (1, -1))


def judge(difference: sp.Basic, arg: sp.Basic, kind: str, words: str = "") -> tuple[str, str]:
    """The verdict ("proved", "refuted" or "undecided") of ``difference = O(arg)`` (``o(arg)``) and why, at the
    point the words take it (see ``remainder_point``)."""
    base, exponent = arg.as_base_exp()
    if not (isinstance(base, sp.Symbol) and exponent.is_Rational and exponent != 0) or arg.free_symbols != {base}:
        return "undecided", f"a remainder {kind}({sp.sstr(arg)}) softsym does not read (only a power of one name)"
    x = base
    unknown = sorted({sp.sstr(f.func) for f in difference.atoms(sp.core.function.AppliedUndef)})
    if unknown or difference.has(sp.Derivative, sp.Subs, sp.Integral, sp.Sum, sp.Indexed, sp.Limit):
        return "undecided", (f"the expansion involves {', '.join(unknown)}, a function softsym does not know"
                             if unknown else "the expansion involves a derivative, a sum or an integral softsym "
                                             "does not expand")
    if difference.free_symbols - {x}:
        return "undecided", (f"the expansion has coefficients in {', '.join(sorted(map(str, difference.free_symbols - {x})))}, "
                             f"which may vanish for some values: not judged")
    taken = remainder_point(words, x, exponent)
    if taken is None:
        return "undecided", "the words take the remainder from below, toward −∞, or at two points: not judged"
    point, sides = taken
    t = sp.Symbol("t_landau", positive=True)
    verdicts = []
    for side in sides:
        at = side * t if point == "0" else side / t
        scale = t ** exponent if point == "0" else t ** (-exponent)        # |x|^k in t
        where = f"{x} → {'0' if point == '0' else '∞'}{'' if len(sides) == 1 else ('⁺' if side > 0 else '⁻') if point == '0' else '' if side > 0 else ' (−∞)'}"
        verdicts.append(_judge_side(sp.simplify(difference.xreplace({x: at}) / scale), t, kind, arg, where, x, side, point))
    refuted = next((v for v in verdicts if v[0] == "refuted"), None)
    if refuted:
        return refuted
    undecided = next((v for v in verdicts if v[0] != "proved"), None)
    if undecided:
        return undecided
    return "proved", verdicts[0][1].replace("0⁺", "0 (from both sides)") if len(sides) > 1 else verdicts[0][1]


def _judge_side(ratio: sp.Basic, t: sp.Symbol, kind: str, arg: sp.Basic, where: str, x: sp.Symbol, side: int,
                point: str) -> tuple[str, str]:
    """``ratio`` = difference / |x|^k in t → 0⁺: bounded (O) or vanishing (o) exactly when its series has no
    negative power of t (and, for o, no constant)."""
    try:
        expansion = sp.expand(sp.simplify(sp.series(ratio, t, 0, n=1).removeO()))
    except Exception:  # noqa: BLE001 - no series: not judged
        return "undecided", f"no series of the difference at {where} could be computed"
    by_power: dict[sp.Basic, sp.Basic] = {}
    for term in sp.Add.make_args(expansion) if expansion != 0 else ():   # (the terms of one power together)
        coefficient, power = term.as_coeff_exponent(t)
        by_power[power] = by_power.get(power, sp.Integer(0)) + coefficient
    low = []
    for power, coefficient in by_power.items():
        coefficient = sp.simplify(coefficient)
        if coefficient == 0:
            continue
        if coefficient.has(t) or not power.is_number:        # t² log t beside O(t²): not a power series
            return "undecided", f"the series of the difference at {where} has a logarithmic term near {sp.sstr(arg)}"
        if power < 0 or kind == "o" and power == 0:
            low.append((power, coefficient))
    if low:
        power, coefficient = min(low, key=lambda pc: pc[0])
        if coefficient.is_number and coefficient != 0:
            order = arg.as_base_exp()[1] + power if point == "0" else arg.as_base_exp()[1] - power
            shown = sp.sstr(coefficient * x ** order) if side > 0 else f"{sp.sstr(coefficient)}·|{x}|^{sp.sstr(order)}"
            return "refuted", (f"the two sides differ by about {shown} as {where}, which is not {kind}({sp.sstr(arg)}): "
                               f"the expansion is wrong in that term")
        return "undecided", f"the difference at {where} has a term that may not vanish: not judged"
    if not _bounded_near(ratio, t, kind):
        return "undecided", f"the series at {where} has no term beyond {sp.sstr(arg)}, but evaluated near the point the " \
                            f"difference is not bounded by it"
    return "proved", f"the series of the difference at {where} has no term beyond {kind}({sp.sstr(arg)}), and evaluated " \
                     f"at 50 digits near the point it stays within a bounded multiple of it"


def _bounded_near(ratio: sp.Basic, t: sp.Symbol, kind: str) -> bool:
    """Whether |ratio| at t = 10^-3 and 10^-5 (50 digits) does not grow (and, for o, shrinks)."""
    try:
        f = sp.lambdify(t, ratio, modules="mpmath")
        with mpmath.workdps(50):
            a, b = abs(f(mpmath.mpf("1e-3"))), abs(f(mpmath.mpf("1e-5")))
    except Exception:  # noqa: BLE001 - not evaluated: the series alone is no confirmation
        return False
    if not (mpmath.isfinite(a) and mpmath.isfinite(b)):
        return False
    return b <= 10 * max(a, mpmath.mpf("1e-30")) + mpmath.mpf("1e-30") and (kind != "o" or b <= a + mpmath.mpf("1e-30"))
