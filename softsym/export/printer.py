"""SymPy's LaTeX printer, adapted to how derivations name and write their math."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter, translate
from sympy.printing.precedence import PRECEDENCE

# Functions a derivation may leave unexpanded (``Function("softmax")``) and how books set them.
FUNCTION_NAMES = {
    "softmax": r"\operatorname{softmax}", "log_softmax": r"\operatorname{log\,softmax}",
    "sigmoid": r"\sigma", "logsumexp": r"\operatorname{logsumexp}", "LSE": r"\operatorname{LSE}",
    "softplus": r"\operatorname{softplus}", "logit": r"\operatorname{logit}", "relu": r"\operatorname{ReLU}",
    "argmax": r"\operatorname*{arg\,max}", "diag": r"\operatorname{diag}",
}
# Name parts that decorate the letter before them: ``y_hat`` is ŷ, ``P_tilde_a`` is P̃ₐ.
ACCENTS = {"hat": r"\hat", "tilde": r"\tilde", "bar": r"\bar", "dot": r"\dot", "ddot": r"\ddot",
           "vec": r"\vec", "check": r"\check", "breve": r"\breve"}
# Combining marks in Unicode names (``ŷ`` decomposes to y + U+0302).
_COMBINING = {"\u0302": "hat", "\u0303": "tilde", "\u0304": "bar", "\u0305": "bar", "\u0307": "dot",
              "\u0308": "ddot", "\u20d7": "vec"}
_GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta",
          "iota", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi",
          "varphi", "chi", "psi", "omega"}
_GREEK_UPPER = {"Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega"}
_BOUND = re.compile(r"_k(\d+)")          # softsym's canonical bound variables: _k0, _k1, ...


@dataclass(frozen=True)
class Name:
    """A symbol's name as LaTeX: the letter (with its accent) and its subscripts."""

    head: str
    subscripts: tuple[str, ...] = ()

    def tex(self, extra: tuple[str, ...] = ()) -> str:
        """``head_{subscripts,extra}``; single characters run together (δ_{ij}, σ_{c,ij})."""
        groups = [_join(g) for g in (self.subscripts, extra) if g]
        return f"{self.head}_{{{','.join(groups)}}}" if groups else self.head


def _join(parts: tuple[str, ...]) -> str:
    if "\\mid" in parts:
        return " ".join(parts)
    return "".join(parts) if all(len(p) == 1 for p in parts) else ",".join(parts)


def _ascii_name(name: str) -> str:
    """Greek letters and accented letters in a Unicode name become their ASCII spelling."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFD", name):
        if ch.isascii():
            out.append(ch)
        elif ch in _COMBINING:
            out.append("_" + _COMBINING[ch])
        elif unicodedata.name(ch, "").startswith("GREEK"):
            words = unicodedata.name(ch).split()       # GREEK SMALL LETTER PHI, GREEK PHI SYMBOL
            word = words[words.index("LETTER") + 1] if "LETTER" in words else words[-2]
            out.append(word.capitalize() if "CAPITAL" in words else word.lower())
        else:
            out.append("x")                     # no spelling: a plain letter keeps the output valid
    return "".join(out)


def _word(part: str) -> str:
    """One name part: Greek spelled out → \\phi, a letter or digits as is, a word upright."""
    if part in _GREEK or part in _GREEK_UPPER:
        return "\\" + part
    if part == "given":
        return r"\mid"
    if len(part) == 1 or part.isdigit() or not part.isalpha():
        return part
    return rf"\mathrm{{{part}}}"


def split_name(name: str) -> Name:
    """How a SymPy name reads in a book: ``P_tilde_a`` → P̃ₐ, ``alpha1`` → α₁, ``NLL`` → NLL upright.

    Args:
        name: the symbol's (or indexed base's, or function's) name.

    Returns:
        the head letter with its accents, and the subscripts.
    """
    bound = _BOUND.fullmatch(name)
    if bound:
        return Name("k" + "'" * int(bound.group(1)))
    parts = [p for p in _ascii_name(name).split("_") if p]
    if not parts:
        return Name(r"\mathrm{x}")
    head, rest = parts[0], parts[1:]
    digits = re.fullmatch(r"([A-Za-z]+?)(\d+)", head)
    if digits and (len(digits.group(1)) == 1 or digits.group(1) in _GREEK | _GREEK_UPPER):
        head, rest = digits.group(1), [digits.group(2), *rest]
    head_tex = translate(head)                  # Greek (phi → \phi) and suffix accents (yhat → \hat{y})
    if head_tex == head and len(head) > 1:
        head_tex = rf"\mathrm{{{head}}}"
    while rest and rest[0] in ACCENTS:
        head_tex = f"{ACCENTS[rest.pop(0)]}{{{head_tex}}}"
    while head_tex.startswith(r"\mathrm{") and rest and len(rest[0]) > 1 and rest[0].isalpha():
        head_tex = head_tex[:-1] + rf"\,{rest.pop(0)}}}"      # cross_entropy_r → cross entropy_r
    return Name(head_tex, tuple(_word(p) for p in rest))


class DerivationLatexPrinter(LatexPrinter):
    """SymPy's printer with the notation of the derivations' sources.

    Entries as subscripts (z_i, W_{ij}, σ_{c,i}), δ_{ij} for Kronecker deltas, ∂p_i/∂x_j for
    derivatives of entries, names read as a book writes them (``y_hat`` ŷ, ``NLL`` upright),
    unexpanded softmax/sigmoid/logsumexp by their names, and softsym's renamed bound variables
    (``_k0``) as k, k′.
    """

    def __init__(self, settings: dict | None = None) -> None:
        super().__init__({"mul_symbol": None, "fold_short_frac": False, "ln_notation": False,
                          **(settings or {})})

    def _print_Symbol(self, expr: sp.Symbol, style: str = "plain") -> str:
        return split_name(expr.name).tex()

    _print_Dummy = _print_Symbol

    def _print_IndexedBase(self, expr: sp.IndexedBase) -> str:
        return split_name(str(expr.label)).tex()

    def _print_Indexed(self, expr: sp.Indexed) -> str:
        indices = tuple(self._print(i) for i in expr.indices)
        return split_name(str(expr.base.label)).tex(indices)

    def _print_KroneckerDelta(self, expr: sp.KroneckerDelta, exp: str | None = None) -> str:
        tex = rf"\delta_{{{_join(tuple(self._print(a) for a in expr.args))}}}"
        return f"{tex}^{{{exp}}}" if exp else tex

    def _print_Function(self, expr: sp.Function, exp: str | None = None) -> str:
        if not isinstance(expr, AppliedUndef):
            return super()._print_Function(expr, exp)
        name = expr.func.__name__
        head = FUNCTION_NAMES.get(name) or split_name(name).tex()
        if len(head) > 1 and head.isalpha():
            head = rf"\operatorname{{{head}}}"
        if exp is not None:
            head = f"{{{head}}}^{{{exp}}}"
        args = ", ".join(self._print(a) for a in expr.args)
        return rf"{head}\left({args}\right)"

    def _print_Derivative(self, expr: sp.Derivative) -> str:
        """∂ for partial derivatives of any order (∂²p_i/∂z_j∂z_i, ∂²/∂z_j∂z_i log Σ…); d only for a
        function of one variable (d²f/dx²).  A name is differentiated in the numerator."""
        target = expr.expr
        d = r"\partial" if _is_partial(expr) else "d"
        order = sum(int(count) for _, count in expr.variable_count)
        over = " ".join(f"{d} {self._print(x)}" if count == 1
                        else f"{d} {self.parenthesize_super(self._print(x))}^{{{self._print(count)}}}"
                        for x, count in reversed(expr.variable_count))
        top = d if order == 1 else f"{d}^{{{order}}}"
        if isinstance(target, (sp.Symbol, sp.Indexed, AppliedUndef)):
            return rf"\frac{{{top} {self._print(target)}}}{{{over}}}"
        body = self.parenthesize(target, PRECEDENCE["Mul"], is_neg=target.could_extract_minus_sign(), strict=True)
        return rf"\frac{{{top}}}{{{over}}} {body}"

    def _print_Mul(self, expr: sp.Mul) -> str:
        """A factor 1 or 0 written in the file (``1 * exp(...)``: b(y) = 1) shows as 1 · e^…, not "1e^…"."""
        first, rest = expr.args[0], expr.args[1:]
        if (self._settings["order"] == "none" and first in (sp.S.Zero, sp.S.One) and rest
                and not any(isinstance(a, sp.Pow) and a.exp.could_extract_minus_sign() for a in rest)):
            tail = rest[0] if len(rest) == 1 else sp.Mul(*rest, evaluate=False)
            return rf"{self._print(first)} \cdot {self.parenthesize(tail, PRECEDENCE['Mul'])}"
        return super()._print_Mul(expr)

    def _print_Add(self, expr: sp.Add, order: str | None = None) -> str:
        return " ".join(self.terms(expr))

    def _limit_head(self, expr: sp.Limit) -> str:
        _, z, z0, direction = expr.args
        if str(direction) == "+-" or z0 in (sp.oo, -sp.oo):
            return rf"\lim_{{{self._print(z)} \to {self._print(z0)}}}"
        return rf"\lim_{{{self._print(z)} \to {self._print(z0)}^{self._print(direction)}}}"

    def terms(self, expr: sp.Basic) -> list[str]:
        """The top-level terms of a sum, each with its sign (``a``, ``+ b``, ``- c``): the places a long
        formula may break.  Anything else is one term."""
        if isinstance(expr, sp.Limit) and isinstance(expr.args[0], sp.Add):
            inner = self.terms(expr.args[0])    # lim (a + b + c): the parentheses sized for all terms
            phantom = rf"\vphantom{{{' '.join(inner)}}}"
            inner[0] = rf"{self._limit_head(expr)} \left({phantom}\right. {inner[0]}"
            inner[-1] = rf"{inner[-1]} \left.{phantom}\right)"
            return inner
        if not isinstance(expr, sp.Add):
            return [self._print(expr)]
        out = []
        for i, term in enumerate(self._as_ordered_terms(expr, order=None)):
            sign = "" if i == 0 else "+ "
            if i and term.could_extract_minus_sign():
                sign, term = "- ", -term
            tex = self._print(term)
            out.append(sign + (rf"\left({tex}\right)" if self._needs_add_brackets(term) else tex))
        return out

    def _needs_mul_brackets(self, expr: sp.Basic, first: bool = False, last: bool = False) -> bool:
        """A power whose sum sits only in its exponent needs no brackets: φ_k^{1−Σ T_i} ∏ φ_i^{T_i}."""
        if isinstance(expr, (sp.Pow, sp.exp)) and not expr.as_base_exp()[0].has(sp.Sum, sp.Product, sp.Integral,
                                                                               sp.Piecewise):
            return False
        return super()._needs_mul_brackets(expr, first=first, last=last)


def _is_partial(expr: sp.Derivative) -> bool:
    """Partial: several variables, an entry of a vector as the variable, or a function of several."""
    from sympy.printing.conventions import requires_partial
    variables = [x for x, _ in expr.variable_count]
    return (len(set(variables)) > 1 or any(isinstance(x, sp.Indexed) for x in variables)
            or isinstance(expr.expr, sp.Indexed) or requires_partial(expr.expr))


def terms(expr: sp.Basic, **settings: object) -> list[str]:
    """The top-level terms of ``expr`` as LaTeX, signed (see ``DerivationLatexPrinter.terms``)."""
    return DerivationLatexPrinter(settings).terms(expr)


def latex(expr: sp.Basic, **settings: object) -> str:
    """An expression (or relation side) as LaTeX math, deterministic."""
    return DerivationLatexPrinter(settings).doprint(expr)


__all__ = ["FUNCTION_NAMES", "DerivationLatexPrinter", "Name", "latex", "split_name", "terms"]
