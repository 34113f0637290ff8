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

LANDAU = re.compile(r"(?:(?P<sign>[+-])|^)\s*(?P<kind>\\mathcal\s*\{\s*O\s*\}|\\mathcal\s*O|\\operatorname\s*\{\s*O\s*\}|"
                    r"(?<![A-Za-z\\])[Oo])\s*(?:\\left\s*|\\big[lr]?\s*|\\Big[lr]?\s*)?\((?P<arg>[^()]*(?:\([^()]*\)[^()]*)*)"
                    r"(?:\\right\s*|\\big[lr]?\s*|\\Big[lr]?\s*)?\)\s*[.,;]?\s*$")
"""A Landau term ending a side: ``+ O(x^6)``, ``+ \\mathcal{O}(1/n)``, ``- o(x)``."""


def landau_term(side: str) -> tuple[str, str, str] | None:
    """(the side without its Landau term, "O" or "o", the term's argument as written), or None."""
    m = LANDAU.search(side)
    if m is None:
        return None
    kind = "o" if m.group("kind") == "o" else "O"
    rest = side[:m.start()].rstrip()
    return rest if rest else "0", kind, m.group("arg").strip()       # (x² log x = O(x²): the side is 0 besides


LANDAU_ANYWHERE = re.compile(r"(?:\\mathcal\s*\{\s*O\s*\}|\\mathcal\s*O|\\operatorname\s*\{\s*O\s*\}|(?<![A-Za-z\\])[Oo])"
                             r"\s*(?:\\left\s*|\\big[lr]?\s*|\\Big[lr]?\s*)?\(")
"""A Landau term anywhere (``O(x^2) \\cdot f``, ``\\mathcal{O}(n \\log n)``): read only as a side's last term."""


def _order(arg: sp.Basic) -> tuple[sp.Symbol, sp.Basic, sp.Basic] | None:
    """(variable, point, exponent in the variable that tends to 0) of a remainder ``x^k`` (x → 0, k > 0) or
    ``x^{-k}`` (x → ∞), or None."""
    base, exponent = arg.as_base_exp()
    if not (isinstance(base, sp.Symbol) and exponent.is_Rational and exponent != 0) or arg.free_symbols != {base}:
        return None
    return (base, sp.Integer(0), exponent) if exponent > 0 else (base, sp.oo, -exponent)


def judge(difference: sp.Basic, arg: sp.Basic, kind: str) -> tuple[str, str]:
    """The verdict ("proved", "refuted" or "undecided") of ``difference = O(arg)`` (``o(arg)``) and why."""
    order = _order(arg)
    if order is None:
        return "undecided", f"a remainder {kind}({sp.sstr(arg)}) softsym does not read (only a power of one name)"
    x, point, k = order
    unknown = sorted({sp.sstr(f.func) for f in difference.atoms(sp.core.function.AppliedUndef)})
    if unknown or difference.has(sp.Derivative, sp.Subs, sp.Integral, sp.Sum, sp.Indexed, sp.Limit):
        return "undecided", (f"the expansion involves {', '.join(unknown)}, a function softsym does not know"
                             if unknown else "the expansion involves a derivative, a sum or an integral softsym "
                                             "does not expand")
    t = sp.Symbol("t_landau", positive=True)
    near = difference.xreplace({x: 1 / t}) if point is sp.oo else difference.xreplace({x: t})
    others = near.free_symbols - {t}
    cut = int(sp.floor(k)) + (1 if kind == "o" or not k.is_Integer else 0)
    try:
        expansion = sp.series(near, t, 0, n=max(cut, 1)).removeO()
        expansion = sp.expand(sp.simplify(expansion))
    except Exception:  # noqa: BLE001 - no series: not judged
        return "undecided", f"no series of the difference at {x} → {point} could be computed"
    where = f"{x} → {'∞' if point is sp.oo else '0'}"
    terms = sp.Add.make_args(expansion) if expansion != 0 else ()
    by_power: dict[sp.Basic, sp.Basic] = {}
    for term in terms:                          # (the terms of one power together: Φ(0) − 1/2 is one term)
        coefficient, power = term.as_coeff_exponent(t)
        by_power[power] = by_power.get(power, sp.Integer(0)) + coefficient
    low = []
    for power, coefficient in by_power.items():
        coefficient = sp.simplify(coefficient)
        if coefficient == 0:
            continue
        if coefficient.has(t) and (not power.is_number or power <= k):    # t² log t beside O(t²): not bounded
            return "undecided", f"the series of the difference at {where} has a logarithmic term near {sp.sstr(arg)}"
        if power.is_number and (power < k or kind == "o" and power == k):
            low.append((power, coefficient))
    if not low and expansion != 0 and any(not term.as_coeff_exponent(t)[1].is_number for term in terms):
        return "undecided", f"the series of the difference at {where} has terms softsym cannot order"
    if low:
        power, coefficient = min(low, key=lambda pc: pc[0])
        written = sp.sstr(coefficient * (x ** power if point == 0 else x ** (-power)))
        if coefficient.is_number and coefficient != 0 and not others:
            return "refuted", (f"the two sides differ by {written} + … as {where}, which is not {kind}({sp.sstr(arg)}): "
                               f"the expansion is wrong in that term")
        return "undecided", f"the two sides differ by {written} + … as {where}, which may vanish for some values"
    if others:
        return "proved", f"the series of the difference at {where} has no term below {sp.sstr(arg)} (series)"
    if not _bounded_near(near, t, k, kind):
        return "undecided", f"the series at {where} has no term below {sp.sstr(arg)}, but evaluated near the point the " \
                            f"difference is not bounded by it"
    return "proved", f"the series of the difference at {where} has no term below {sp.sstr(arg)}, and evaluated at 50 " \
                     f"digits near the point it stays within a bounded multiple of it"


def _bounded_near(near: sp.Basic, t: sp.Symbol, k: sp.Basic, kind: str) -> bool:
    """Whether |difference| / t^k, at t = 10^-3 and 10^-5 (50 digits), does not grow (and, for o, shrinks)."""
    try:
        f = sp.lambdify(t, near / t ** k, modules="mpmath")
        with mpmath.workdps(50):
            a, b = abs(f(mpmath.mpf("1e-3"))), abs(f(mpmath.mpf("1e-5")))
    except Exception:  # noqa: BLE001 - not evaluated: the series alone is no confirmation
        return False
    if not (mpmath.isfinite(a) and mpmath.isfinite(b)):
        return False
    return b <= 10 * max(a, mpmath.mpf("1e-30")) + mpmath.mpf("1e-30") and (kind != "o" or b <= a + mpmath.mpf("1e-30"))
