"""Float claims on the page: the code as a listing, the code's call, and floating-point values as math.

A listing is set in the note beneath its step (``\\softsymcode``): typewriter, every character
escaped (no verbatim: it must survive a macro argument), indentation kept with unbreakable spaces,
and a long line free to break at a space, after ``(``, ``,`` and ``[``, or inside a run of 16
characters without a space, rather than run into the margin.  Markdown gets a fenced ``python`` block.
"""
from __future__ import annotations

import re

from ..floats import FloatClaim
from .printer import latex
from .prose import latex_text

# Characters a listing escapes (in \ttfamily): TeX specials, and quotes that text mode would curl.
_CODE_CHARS = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
               "^": r"\textasciicircum{}", "_": r"\_", "%": r"\%", "~": r"\textasciitilde{}",
               "'": r"\textquotesingle{}", '"': r"\char34{}", "-": r"-{}", "`": r"\textasciigrave{}"}
_BREAK_AFTER = "(,["
_LONGEST_RUN = 16                # characters without a space before a break is allowed anyway
_EXPONENT = re.compile(r"^([+-]?[0-9.]+)e([+-]?)0*([0-9]+)$")


def code_tex(text: str) -> str:
    """The listing of ``text`` for ``\\softsymcode``: lines ended by ``\\\\`` (a blank line as space)."""
    lines: list[str] = []
    gap = False
    for line in text.splitlines():
        if not line.strip():
            gap = bool(lines)
            continue
        body = line.lstrip(" ")
        indent = "~" * (len(line) - len(body))
        out, run = [], 0
        for c in body:
            if c == " ":
                out.append(r"\ ")
            elif c in _CODE_CHARS:
                out.append(_CODE_CHARS[c])
            elif c.isascii():
                out.append(c)
            else:
                out.append(latex_text(c))
            run = 0 if c == " " else run + 1
            if c in _BREAK_AFTER or run >= _LONGEST_RUN:
                out.append(r"\allowbreak{}")
                run = 0
        if gap:
            lines[-1] += r"\\[0.6ex]"
            gap = False
        elif lines:
            lines[-1] += r"\\"
        lines.append(rf"\mbox{{}}{indent}" + "".join(out))
    return "\n".join(lines)


def call_tex(claim: FloatClaim) -> str:
    """``\\texttt{softmax}(z)_{i}``: the code applied to the inputs (its entry as a subscript)."""
    args = ", ".join(latex(s) for s in claim.inputs)
    entry = f"_{{{latex(claim.entry)}}}" if claim.entry is not None else ""
    return rf"\texttt{{{latex_text(claim.code_name)}}}\left({args}\right){entry}"


def dtypes_tex(claim: FloatClaim) -> str:
    """``\\qquad \\text{in float64, float32}``."""
    return rf"\qquad \text{{in {', '.join(claim.dtypes)}}}"


def float_tex(text: str) -> str:
    """A value as the code's dtype prints it, as math: ``nan`` → NaN, ``inf`` → ∞, ``1e+30`` →
    1·10³⁰; a row ``[0.0, -800.0]`` entry by entry."""
    text = text.strip()
    if text.startswith("[") and text.endswith("]"):
        return "[" + ", ".join(float_tex(x) for x in text[1:-1].split(",")) + "]"
    special = {"nan": r"\mathrm{NaN}", "inf": r"\infty", "-inf": r"-\infty", "+inf": r"\infty"}
    if text.lower() in special:
        return special[text.lower()]
    found = _EXPONENT.match(text)
    if found:
        mantissa, sign, power = found.groups()
        return rf"{mantissa} \cdot 10^{{{'-' if sign == '-' else ''}{power}}}"
    return text if re.fullmatch(r"[+-]?[0-9.]+", text) else rf"\text{{\texttt{{{latex_text(text)}}}}}"


def code_markdown(text: str) -> list[str]:
    """A fenced ``python`` block (a fence longer than any run of backticks in the code)."""
    fence = "`" * max(3, 1 + max((len(m) for m in re.findall(r"`+", text)), default=0))
    return [f"{fence}python", *text.splitlines(), fence]


__all__ = ["call_tex", "code_markdown", "code_tex", "dtypes_tex", "float_tex"]
