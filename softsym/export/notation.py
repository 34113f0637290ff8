"""The notation of plain-text math as LaTeX: Unicode symbols, scripts, accents, function names.

Data only (and one helper): the formula scanner and the prose renderer both read these tables.
"""
from __future__ import annotations

import unicodedata

DIGITS = "0123456789"                       # ASCII only: str.isdigit() is also true for ₁ and ²
GREEK = {
    "α": r"\alpha", "β": r"\beta", "γ": r"\gamma", "δ": r"\delta", "ε": r"\varepsilon", "ζ": r"\zeta",
    "η": r"\eta", "θ": r"\theta", "ι": r"\iota", "κ": r"\kappa", "λ": r"\lambda", "μ": r"\mu", "ν": r"\nu",
    "ξ": r"\xi", "π": r"\pi", "ρ": r"\rho", "σ": r"\sigma", "ς": r"\varsigma", "τ": r"\tau",
    "υ": r"\upsilon", "φ": r"\phi", "ϕ": r"\phi", "χ": r"\chi", "ψ": r"\psi", "ω": r"\omega",
    "Γ": r"\Gamma", "Δ": r"\Delta", "Θ": r"\Theta", "Λ": r"\Lambda", "Ξ": r"\Xi", "Π": r"\Pi",
    "Σ": r"\Sigma", "Υ": r"\Upsilon", "Φ": r"\Phi", "Ψ": r"\Psi", "Ω": r"\Omega",
}
# Symbols in math mode. Σ and Π are the big operators: in these texts they always are.
SYMBOLS = {
    "Σ": r"\sum", "∑": r"\sum", "Π": r"\prod", "∏": r"\prod",
    "≤": r"\le", "≥": r"\ge", "≠": r"\ne", "≈": r"\approx", "→": r"\to", "←": r"\leftarrow",
    "⟶": r"\to", "↦": r"\mapsto", "⟺": r"\iff", "⇔": r"\iff", "⟹": r"\Rightarrow", "⇒": r"\Rightarrow",
    "⟸": r"\Leftarrow", "⇐": r"\Leftarrow", "∞": r"\infty", "∂": r"\partial", "√": r"\surd",
    "·": r"\cdot", "⋅": r"\cdot", "×": r"\times", "−": "-", "±": r"\pm", "∈": r"\in", "∉": r"\notin",
    "∀": r"\forall", "∃": r"\exists", "ℝ": r"\mathbb{R}", "⊙": r"\odot", "⊗": r"\otimes", "‖": r"\|",
    "∝": r"\propto", "≡": r"\equiv", "∼": r"\sim", "…": r"\dots", "⋯": r"\cdots", "½": r"\tfrac{1}{2}",
    "∇": r"\nabla", "∘": r"\circ", "∧": r"\wedge", "∨": r"\vee", "≪": r"\ll", "≫": r"\gg",
    "⊂": r"\subset", "⊆": r"\subseteq", "∪": r"\cup", "∩": r"\cap", "∅": r"\emptyset", "§": r"\S",
}
ASCII_OPERATORS = {"<=>": r"\iff", "<=": r"\le", ">=": r"\ge", "!=": r"\ne", "=>": r"\Rightarrow",
                   "->": r"\to", "<-": r"\leftarrow", "*": r"\cdot"}
# Unicode superscripts and subscripts: (kind, argument).
SCRIPTS = {"²": ("^", "2"), "³": ("^", "3"), "¹": ("^", "1"), "⁰": ("^", "0"), "⁴": ("^", "4"),
           "⁵": ("^", "5"), "⁻": ("^", "-"), "ᵀ": ("^", r"\mathsf{T}"), "₀": ("_", "0"), "₁": ("_", "1"),
           "₂": ("_", "2"), "₃": ("_", "3"), "ₖ": ("_", "k"), "ᵢ": ("_", "i"), "ⱼ": ("_", "j"),
           "ₙ": ("_", "n"), "ₜ": ("_", "t")}
# Combining marks: as a math accent, and as a text accent.
ACCENTS = {"\u0302": (r"\hat", r"\^"), "\u0303": (r"\tilde", r"\~"), "\u0304": (r"\bar", r"\="),
           "\u0305": (r"\bar", r"\="), "\u0307": (r"\dot", r"\."), "\u0308": (r"\ddot", r"\""),
           "\u0301": (r"\acute", r"\'"), "\u0300": (r"\grave", r"\`"), "\u030c": (r"\check", r"\v"),
           "\u0306": (r"\breve", r"\u"), "\u0327": (None, r"\c"), "\u030a": (None, r"\r")}
FUNCTIONS = {"log": r"\log", "ln": r"\ln", "exp": r"\exp", "max": r"\max", "min": r"\min", "sup": r"\sup",
             "inf": r"\inf", "lim": r"\lim", "det": r"\det", "sin": r"\sin", "cos": r"\cos",
             "tanh": r"\tanh", "argmax": r"\operatorname*{arg\,max}", "argmin": r"\operatorname*{arg\,min}",
             "softmax": r"\operatorname{softmax}", "sigmoid": r"\operatorname{sigmoid}",
             "logsumexp": r"\operatorname{logsumexp}", "softplus": r"\operatorname{softplus}",
             "logit": r"\operatorname{logit}", "diag": r"\operatorname{diag}", "tr": r"\operatorname{tr}"}
TEXT = {"“": "``", "”": "''", "‘": "`", "’": "'", "–": "--", "—": "---", "…": r"\dots{}", "§": r"\S{}",
        "✓": r"\ensuremath{\checkmark}", "✔": r"\ensuremath{\checkmark}", "\u00a0": "~", "«": "<<", "»": ">>"}
LATEX_SPECIALS = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
                  "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
                  "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}"}


def decompose(text: str) -> str:
    """Letters with accents split into letter + combining mark (ȳ → y + U+0304); symbols stay (≠)."""
    return "".join(unicodedata.normalize("NFD", c) if c.isalpha() else c for c in text)


__all__ = ["ACCENTS", "ASCII_OPERATORS", "DIGITS", "FUNCTIONS", "GREEK", "LATEX_SPECIALS", "SCRIPTS", "SYMBOLS",
           "TEXT", "decompose"]
