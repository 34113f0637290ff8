"""Prose for pdflatex: Unicode math symbols become LaTeX, other non-ASCII text stays out.

The sources are Chinese notes; the justifications mix English, Greek letters and math symbols.
pdflatex cannot set CJK text without extra fonts, so by design a run of CJK characters becomes
a marked elision ``[…]`` (the place is still identified by the file, section and formula) and
any other character we have no mapping for is dropped.  The output is therefore always plain
ASCII LaTeX that compiles with the base distribution.
"""
from __future__ import annotations

import re
import unicodedata

_SPECIALS = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
             "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
             "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}"}

_MATH = {
    "α": r"\alpha", "β": r"\beta", "γ": r"\gamma", "δ": r"\delta", "ε": r"\varepsilon", "ζ": r"\zeta",
    "η": r"\eta", "θ": r"\theta", "κ": r"\kappa", "λ": r"\lambda", "μ": r"\mu", "ν": r"\nu", "ξ": r"\xi",
    "π": r"\pi", "ρ": r"\rho", "σ": r"\sigma", "τ": r"\tau", "φ": r"\varphi", "ϕ": r"\phi", "χ": r"\chi",
    "ψ": r"\psi", "ω": r"\omega", "Σ": r"\Sigma", "Φ": r"\Phi", "Δ": r"\Delta", "Θ": r"\Theta",
    "Ω": r"\Omega", "Π": r"\Pi", "Γ": r"\Gamma", "Λ": r"\Lambda",
    "≤": r"\le", "≥": r"\ge", "≠": r"\ne", "≈": r"\approx", "→": r"\to", "←": r"\leftarrow",
    "⟺": r"\iff", "⇔": r"\iff", "⟹": r"\Rightarrow", "⇒": r"\Rightarrow", "⟸": r"\Leftarrow",
    "∞": r"\infty", "∑": r"\sum", "∏": r"\prod", "∂": r"\partial", "√": r"\surd", "·": r"\cdot",
    "×": r"\times", "−": "-", "±": r"\pm", "∈": r"\in", "∀": r"\forall", "∃": r"\exists",
    "ℝ": r"\mathbb{R}", "⊙": r"\odot", "ᵀ": r"^{\mathsf{T}}", "²": "^2", "³": "^3", "⁵": "^5",
    "₁": "_1", "₂": "_2", "₃": "_3", "ₖ": "_k", "ᵢ": "_i", "ⱼ": "_j", "ₙ": "_n", "‖": r"\|",
    "̃": "", "̄": "",
}
_TEXT = {"“": "``", "”": "''", "‘": "`", "’": "'", "–": "--", "—": "---", "…": r"\dots{}", "✓": r"\ensuremath{\checkmark}", "§": r"\S{}"}
_CJK = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]+")


def tex_text(text: str) -> str:
    """Plain text (a justification, a source place) as ASCII LaTeX for text mode."""
    out: list[str] = []
    text = unicodedata.normalize("NFD", text)          # ȳ → y + a combining macron (then dropped)
    for chunk in _CJK.split(text):
        out.append("".join(_char(c) for c in chunk))
    joined = r" [\dots] ".join(out) if _CJK.search(text) else out[0]
    return re.sub(r"\s+", " ", joined).strip()


def _char(c: str) -> str:
    if c in _SPECIALS:
        return _SPECIALS[c]
    if c in _TEXT:
        return _TEXT[c]
    if c.isascii():
        return c
    if c in _MATH:
        tex = _MATH[c]
        return f"\\ensuremath{{{tex}}}" if tex else ""
    return ""                                   # no mapping: dropped by design (see module docstring)
