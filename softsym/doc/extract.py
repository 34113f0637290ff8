"""Finding the mathematics of a document, with exact line numbers.

``find_math(text, kind)`` returns the document's math blocks in document order and its softsym
declarations; ``kind_of(path)`` says how to read a file.  Markdown is read by markdown-it-py with
the mdit-py-plugins dollarmath and amsmath plugins (``markdown_math``), LaTeX by pylatexenc's
``LatexWalker`` (``latex_math``): no regular expression looks for math over a whole document.

Conventions:

* line numbers are 1-based; ``\\n``, ``\\r\\n`` and a lone ``\\r`` each end a line;
* ``MathBlock.tex`` is the source between the delimiters, unstripped, and ``tex[i]`` is on line
  ``block.line + tex[:i].count("\\n")``; ``end_line`` is the line of the closing delimiter;
* ``display`` is TeX's display mode (``$$``, ``\\[``, environments, math fences), also for a
  ``$$…$$`` written inside a paragraph; ``$``, ``\\(``, ``\\begin{math}`` and `` `^…` `` are inline;
* ``env`` is the environment name without its star, the fence word (``math``, ``^``), the one
  environment wrapping a ``$$``/``\\[`` block (``aligned``), or None;
* ``adjacent`` marks a display block that follows the previous display block with nothing but
  whitespace and comments between them.
"""
from __future__ import annotations

from pathlib import PurePath
from typing import Literal

from ..errors import UserError
from . import latex_math, markdown_math
from .blocks import Declaration, MathBlock, normalize_newlines, without_disabled_latex

Kind = Literal["markdown", "latex"]
SUFFIXES: dict[str, Kind] = {".md": "markdown", ".markdown": "markdown", ".txt": "markdown", ".tex": "latex"}


class DocumentKindError(UserError, ValueError):
    """A file whose kind (Markdown or LaTeX) cannot be told from its name."""


def kind_of(path: str) -> Kind:
    """``.md``/``.markdown``/``.txt`` → ``"markdown"``, ``.tex`` → ``"latex"`` (case-insensitive).

    Raises:
        DocumentKindError (a ``UserError`` and a ``ValueError``): any other suffix.
    """
    suffix = PurePath(path).suffix.lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    shown = f"'{suffix}'" if suffix else "no suffix"
    raise DocumentKindError(
        f"{path}: cannot tell how to read a file with {shown}; softsym reads Markdown "
        f"(.md, .markdown, .txt) and LaTeX (.tex): rename or copy the file to one of these "
        f"(e.g. notes.md), or convert it (pandoc -t markdown)")


def find_math(text: str, kind: Kind) -> tuple[list[MathBlock], list[Declaration]]:
    """The math blocks (document order) and softsym declarations of a document.

    Never raises on Markdown; on LaTeX raises ``latex_math.LatexReadError`` (a ``UserError``)
    only if pylatexenc's tolerant parser gives up.
    """
    text = normalize_newlines(text)
    if kind == "markdown":
        return markdown_math.find(text)
    if kind == "latex":
        return latex_math.find(without_disabled_latex(text))
    raise ValueError(f"kind must be 'markdown' or 'latex', not {kind!r} (kind_of(path) tells which)")


__all__ = ["Declaration", "DocumentKindError", "Kind", "MathBlock", "find_math", "kind_of"]
