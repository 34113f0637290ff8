"""Prose (titles, justifications, source places) for LaTeX and Markdown: math set as math.

The derivations' texts mix English, formulas written the way one types them in plain text
(``e^{x_i}/Σ_j e^{x_j}``, ``θ_jᵀx``, ``1{y=i}``) and quotations of the Chinese sources. A text
is cut into pieces:

1. **CJK runs** (Chinese characters and CJK punctuation) become ``\\softsymcjk{…}``: the preamble
   sets them with CJKutf8 when the system has the ``gbsn`` font (Debian:
   ``latex-cjk-chinese-arphic-gbsn00lp``) and as a marked elision ``[…]`` otherwise, so the same
   ``.tex`` compiles either way. Markdown keeps them as they are.
2. **Formulas**: whitespace-separated tokens with a clear math signal (``_ ^ { = < > +``, Greek
   letters, math symbols, ``f(x)``) and the small tokens next to them (single letters, numbers,
   ``log``) are joined into spans and converted to LaTeX math by a small scanner (Unicode symbols
   to macros, ``_ij`` as one subscript, ``1{…}`` as literal braces). A span the scanner cannot
   make valid TeX of (a double superscript, a backslash, an unknown character) stays text.
3. **Text**: LaTeX specials escaped, quotes and accents set properly; a character with no
   rendering (outside CJK, Greek, Latin and the math symbols) becomes ``[…]`` in LaTeX.

The output is therefore always ASCII LaTeX apart from the CJK runs inside ``\\softsymcjk``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .formula import NotMath, math_tex
from .notation import ACCENTS, FUNCTIONS, GREEK, LATEX_SPECIALS, SCRIPTS, SYMBOLS, TEXT, decompose

# Chinese characters and CJK punctuation the gbsn font covers (its subfonts: U+30xx–32xx,
# U+4Exx–9Cxx, U+9Exx–9Fxx, U+FExx–FFxx); other scripts are elided.
_CJK = re.compile(r"[\u3000-\u32ff\u4e00-\u9cff\u9e00-\u9fff\ufe10-\ufe1f\ufe30-\ufe4f\uff00-\uffef]+")

ELISION = r"[\dots]"

_STRONG_CHARS = (set("_^{}=<>+|*") | set(GREEK) | set(SYMBOLS) | set(SCRIPTS) | set(ACCENTS)) - {"§", "…"}
_OPERATOR_CHARS = set("=<>+-*/") | set("≤≥≠≈→←⟺⇔⟹⇒⟸⇐·×−±∈⊙∝≡∼")
_FORBIDDEN = set("\\$%&#~")
_CLOSERS, _OPENERS = ",.;:!?)]”’\"'", "([“‘\"'"
_WORD_SLASH = re.compile(r"[A-Za-z]{2,}/[A-Za-z]{2,}")
_CALL = re.compile(r"([A-Za-z]|[A-Za-z]+(?=\())\(")
_SUFFIX = re.compile(r"(.*[)\w])(-[A-Za-z]{2,}(?:-[A-Za-z]+)*)")
_NUMBER = re.compile(r"[+-]?[0-9]+([.,][0-9]+)*")
# A name from code (``cross_entropy``, ``softsym.kernels.log_softmax``): a word of two or more
# characters joined by ``_`` to another — prose, not a subscript (``z_ij``, ``W_in`` stay math).
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9]+(?:[._][A-Za-z0-9]+)*_[A-Za-z0-9]{2,}(?:[._][A-Za-z0-9]+)*")


@dataclass(frozen=True)
class Piece:
    """A run of a text: ``text`` (prose), ``math`` (``tex`` holds the LaTeX) or ``cjk``."""

    kind: str
    text: str
    tex: str = ""


# -- cutting a text into pieces ------------------------------------------------------------
@dataclass
class _Token:
    text: str
    space: bool            # whitespace before it
    kind: str = "text"     # strong | weak | article | punct | text | math


def pieces(text: str) -> list[Piece]:
    """The text as text, math and CJK pieces, in order (see the module docstring)."""
    out: list[Piece] = []
    last = 0
    for match in _CJK.finditer(text):
        out.extend(_latin_pieces(text[last:match.start()]))
        if text[last:match.start()][-1:].isspace():
            out.append(Piece("text", " "))
        out.append(Piece("cjk", match.group()))
        last = match.end()
    out.extend(_latin_pieces(text[last:]))
    return [p for p in out if p.text]


def _latin_pieces(chunk: str) -> list[Piece]:
    tokens = _classify(_peel(_tokens(decompose(chunk))))
    out: list[Piece] = []
    i = 0
    while i < len(tokens):
        j = _span(tokens, i)
        if j == i:
            out.append(Piece("text", (" " if tokens[i].space else "") + tokens[i].text))
            i += 1
            continue
        span = "".join((" " if t.space and k > i else "") + t.text for k, t in enumerate(tokens[i:j], i))
        out.append(Piece("text", " " if tokens[i].space else ""))
        try:
            out.append(Piece("math", span, math_tex(span)))
        except NotMath:
            out.append(Piece("text", span))
        i = j
    return _merge(out)


def _span(tokens: list[_Token], i: int) -> int:
    """End of the formula starting at token ``i`` (``i`` itself when none starts there).

    A formula is a run of math tokens and the punctuation between them (``;`` and ``:`` only
    inside brackets); it may start with an opening bracket and end with a closing one, and is cut
    back to its longest prefix with balanced brackets.
    """
    first = i + 1 if tokens[i].text in ("(", "[") and tokens[i].kind == "punct" else i
    if first >= len(tokens) or tokens[first].kind != "math" or first > i and tokens[first].space:
        return i
    j, depth = first, int(first > i)
    while j < len(tokens):
        t = tokens[j]
        if t.kind == "math" and j > first and t.space and t.text[:1] in "([" and not _operator(tokens[j - 1].text):
            break                               # "x (a remark)": the remark is not an argument of x
        if t.kind == "math":
            depth += _depth(t.text)
            j += 1
        elif t.kind == "punct" and t.text in ")]" and depth > 0:
            depth -= 1
            j += 1
        elif t.kind == "punct" and t.text in "([" and t.space and not _operator(tokens[j - 1].text):
            break                               # "x (a remark)": the remark is not an argument of x
        elif t.kind == "punct" and (t.text in ",([" or t.text in ";:" and depth > 0):
            k = j                               # punctuation joins only when a formula token follows
            while k < len(tokens) and tokens[k].kind == "punct" and tokens[k].text in ",([;:":
                k += 1
            if k == len(tokens) or tokens[k].kind != "math":
                break
            depth += sum(_depth(x.text) for x in tokens[j:k])
            j = k
        else:
            break
    for end in range(j, first, -1):             # the longest balanced prefix ending in a formula token
        body = "".join(t.text for t in tokens[i:end])
        last = tokens[end - 1]
        if _balanced(body) and (last.kind == "math" or last.text in ")]"):
            if all(set(t.text) <= _OPERATOR_CHARS or t.kind == "punct" for t in tokens[i:end]):
                return i                        # a lone "+" or "=" is not a formula
            return end
    return i


def _depth(text: str) -> int:
    return text.count("(") + text.count("[") - text.count(")") - text.count("]")


def _balanced(text: str) -> bool:
    depth = 0
    for c in text:
        depth += (c in "([") - (c in ")]")
        if depth < 0:
            return False
    return depth == 0


def _tokens(chunk: str) -> list[_Token]:
    """Whitespace-separated tokens; a ``{…}`` group is one token even across spaces."""
    tokens: list[_Token] = []
    current, depth, space = "", 0, False
    for ch in chunk:
        if ch.isspace() and depth <= 0:
            if current:
                tokens.append(_Token(current, space))
                current = ""
            space = True
            continue
        depth += (ch == "{") - (ch == "}")
        current += ch
    if current:
        tokens.append(_Token(current, space))
    if tokens and depth > 0:                    # an unclosed brace: fall back to plain splitting
        return [_Token(t, k > 0 or chunk[:1].isspace()) for k, t in enumerate(chunk.split())]
    return tokens


def _peel(tokens: list[_Token]) -> list[_Token]:
    """Punctuation around a token becomes tokens of its own (a closing paren only if unmatched)."""
    out: list[_Token] = []
    for t in tokens:
        core, lead, tail = t.text, [], []
        suffix = _SUFFIX.fullmatch(core)            # (k−1)-vector: the word stays text
        if suffix and any(c in _STRONG_CHARS for c in suffix.group(1)):
            core, t = suffix.group(1), _Token(suffix.group(1), t.space)
            tail_word = suffix.group(2)
        else:
            tail_word = ""
        while core and core[0] in _OPENERS and not _balanced_without(core, 0):
            lead.append(core[0])
            core = core[1:]
        while core and core[-1] in _CLOSERS and not _balanced_without(core, -1):
            tail.insert(0, core[-1])
            core = core[:-1]
        space = t.space
        for ch in lead:
            out.append(_Token(ch, space, "punct"))
            space = False
        if core:
            out.append(_Token(core, space))
            space = False
        for ch in tail:
            out.append(_Token(ch, space, "punct"))
            space = False
        if tail_word:
            out.append(_Token(tail_word, False, "text"))
    return out


def _balanced_without(core: str, at: int) -> bool:
    """Whether the character at ``at`` is part of the token (a matched paren, a prime)."""
    ch = core[at]
    if ch in "()":
        return core.count("(") == core.count(")")
    if ch in "[]":
        return core.count("[") == core.count("]")
    if ch == "'" and at == -1:                  # y' is a prime unless the token opened a quote
        return not core.startswith("'") and len(core) > 1
    return False


def _kind(token: str) -> str:
    if token == "·":
        return "text"                           # a lone middle dot separates ("§3 · title"); J·v stays math
    if any(c in _FORBIDDEN for c in token) or _IDENTIFIER.fullmatch(token.strip(_CLOSERS + _OPENERS)):
        return "text"
    if any(c in _STRONG_CHARS for c in token) or _CALL.match(token) and _callable(token):
        return "strong"
    if "/" in token and not _WORD_SLASH.fullmatch(token):
        return "strong"
    if token in ("-", "−", "×"):
        return "strong"
    if token in ("a", "A", "I"):
        return "article"
    if _NUMBER.fullmatch(token):
        return "number"
    if len(token) == 1 and token.isalpha() or token in ("...", "…"):
        return "weak"
    if token in FUNCTIONS or re.fullmatch(r"[A-Za-z]+\(.*\)", token):
        return "weak"
    return "text"


def _callable(token: str) -> bool:
    name = token.split("(", 1)[0]
    return len(name) == 1 or name in FUNCTIONS


def _classify(tokens: list[_Token]) -> list[_Token]:
    """Strong tokens are math; weak ones join them when adjacent (across commas); lone letters too."""
    for t in tokens:
        if t.kind != "punct":
            t.kind = _kind(t.text)
    for t in tokens:
        if t.kind == "strong":
            t.kind = "math"
    changed = True
    while changed:
        changed = False
        for k, t in enumerate(tokens):
            if t.kind == "weak" and any(n.kind == "math" for n in _neighbours(tokens, k, through_commas=True)):
                t.kind, changed = "math", True
            elif t.kind in ("article", "number") and any(
                    n.kind == "math" and _operator(n.text) for n in _neighbours(tokens, k, through_commas=False)):
                t.kind, changed = "math", True
            elif t.kind == "number" and any(n.kind == "math" for n in _neighbours(tokens, k, through_commas=True)
                                            if n not in _neighbours(tokens, k, through_commas=False)):
                t.kind, changed = "math", True
    for t in tokens:
        if t.kind == "weak" and len(t.text) == 1 and t.text.isalpha():
            t.kind = "math"                     # a lone variable: "the pmf at y"
        elif t.kind in ("weak", "article", "number"):
            t.kind = "text"
    return tokens


def _neighbours(tokens: list[_Token], k: int, through_commas: bool) -> list[_Token]:
    found = []
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(tokens) and tokens[j].kind == "punct" and through_commas and tokens[j].text == ",":
            j += step
        if 0 <= j < len(tokens) and tokens[j].kind != "punct":
            found.append(tokens[j])
    return found


def _operator(token: str) -> bool:
    return token[:1] in _OPERATOR_CHARS or token[-1:] in _OPERATOR_CHARS


def _merge(out: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for p in out:
        if merged and p.kind == "text" and merged[-1].kind == "text":
            merged[-1] = Piece("text", merged[-1].text + p.text)
        else:
            merged.append(p)
    return merged


# -- rendering -----------------------------------------------------------------------------------
def latex_prose(text: str) -> str:
    """A text for LaTeX text mode: math as ``$…$``, CJK in ``\\softsymcjk{…}``, the rest escaped."""
    out: list[str] = []
    for p in pieces(text):
        if p.kind == "math":
            out.append(f"${p.tex}$")
        elif p.kind == "cjk":
            out.append(rf"\softsymcjk{{{p.text}}}")
        else:
            out.append(" ".join(_breakable(word) for word in re.split(r"[ \t\n]", p.text)))
    return re.sub(r"[ \t\n]+", " ", "".join(out)).strip()


def _breakable(word: str, every: int = 12) -> str:
    """A word of text; a very long one (a URL, a run without spaces) may break every few letters."""
    if len(word) <= 2 * every:
        return latex_text(word)
    chunks, current = [], ""
    for c in decompose(word):
        if len(current) >= every and not unicodedata.combining(c):
            chunks.append(current)
            current = ""
        current += c
    return r"\allowbreak{}".join(latex_text(chunk) for chunk in chunks + [current])


def latex_text(text: str) -> str:
    """Plain prose in LaTeX text mode: specials escaped, quotes curled, accents kept, ASCII out."""
    out: list[str] = []
    text = decompose(text)
    for k, c in enumerate(text):
        prev = text[k - 1] if k else " "
        if c in ACCENTS:                        # on the letter before it: ã → \~{a}
            if out and len(out[-1]) == 1 and out[-1].isalpha():
                out[-1] = f"{ACCENTS[c][1]}{{{out[-1]}}}"
            continue
        if c in ('"', "'"):
            opening = prev.isspace() or prev in "([{"
            out.append(("``" if opening else "''") if c == '"' else ("`" if opening else "'"))
        elif c in LATEX_SPECIALS:
            out.append(LATEX_SPECIALS[c])
        elif c.isascii():
            out.append(c)
        elif c in TEXT:
            out.append(TEXT[c])
        elif c in GREEK or c in SYMBOLS or c in SCRIPTS:
            tex = GREEK.get(c) or SYMBOLS.get(c) or f"{SCRIPTS[c][0]}{{{SCRIPTS[c][1]}}}"
            out.append(rf"\ensuremath{{{tex}}}")
        elif not out or out[-1] != ELISION:
            out.append(ELISION)                 # no rendering with pdflatex's base fonts
    return "".join(out)


def markdown_prose(text: str) -> str:
    """A text for Markdown: math as ``$…$`` (GitHub, MkDocs with arithmatex), the rest escaped."""
    out: list[str] = []
    for p in pieces(text):
        if p.kind == "math":
            out.append(f"${p.tex}$")
        elif p.kind == "cjk":
            out.append(p.text)
        else:
            out.append(markdown_text(unicodedata.normalize("NFC", p.text)))
    return re.sub(r"\s+", " ", "".join(out)).strip()


def markdown_text(text: str) -> str:
    """Markdown-escaped prose (``*``, ``_``, backticks, brackets, ``$``, ``<``)."""
    text = re.sub(r"([\\`*_\[\]$|])", r"\\\1", text)
    return text.replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["ELISION", "NotMath", "Piece", "latex_prose", "latex_text", "markdown_prose", "markdown_text",
           "math_tex", "pieces"]
