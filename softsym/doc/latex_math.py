"""The mathematics of a LaTeX document, found by pylatexenc's ``LatexWalker``.

What is math: ``$…$``, ``\\(…\\)`` and ``\\begin{math}`` (inline); ``$$…$$``, ``\\[…\\]`` and the
environments equation, align, gather, multline, flalign, alignat, eqnarray, displaymath (and
their starred forms) (display).  What is not: the preamble (when there is a
``\\begin{document}``), the arguments of definitions (``\\newcommand``…), labels, references and
URLs, ``verbatim``/``lstlisting``/``minted``/``comment`` environments, ``\\verb``, and comments.
Declarations are ``% softsym: DECL`` comments anywhere, preamble included.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pylatexenc.latexwalker import (
    LatexCharsNode,
    LatexCommentNode,
    LatexEnvironmentNode,
    LatexGroupNode,
    LatexMacroNode,
    LatexMathNode,
    LatexWalker,
    LatexWalkerError,
    get_default_latex_context_db,
)
from pylatexenc.macrospec import EnvironmentSpec, ParsedVerbatimArgs, VerbatimArgsParser

from ..errors import UserError
from .blocks import Declaration, LineIndex, MathBlock, declaration_text, drop_star, wrapping_environment

DISPLAY_ENVIRONMENTS = frozenset(
    name + star for name in ("equation", "align", "gather", "multline", "flalign", "alignat", "eqnarray",
                             "displaymath") for star in ("", "*"))
INLINE_ENVIRONMENTS = frozenset({"math"})
VERBATIM_ENVIRONMENTS = ("lstlisting", "minted", "comment", "Verbatim", "alltt")
SKIPPED_MACROS = frozenset({
    "newcommand", "renewcommand", "providecommand", "def", "gdef", "edef", "let", "DeclareMathOperator",
    "newenvironment", "renewenvironment", "usepackage", "documentclass", "label", "ref", "eqref", "cref",
    "Cref", "autoref", "cite", "citep", "citet", "url", "href", "includegraphics", "input", "include",
    "bibliography", "bibliographystyle"})
LAYOUT_MACROS = frozenset({"noindent", "par", "smallskip", "medskip", "bigskip", "vspace", "newline",
                           "\\", "indent", "centering"})
"""Macros that put nothing visible between two displays (they keep a chain going)."""
_BEGIN = re.compile(r"\\begin\s*\{[^}]*\}")


class LatexReadError(UserError):
    """The LaTeX could not be read at all (pylatexenc gave up)."""


class _VerbatimEnvironment(VerbatimArgsParser):
    """pylatexenc's verbatim parser looks for ``\\end{verbatim}`` only; this one for the given name."""

    def __init__(self, name: str) -> None:
        super().__init__(verbatim_arg_type="verbatim-environment")
        self.name = name

    def parse_args(self, w, pos, parsing_state=None):
        from pylatexenc import latexwalker

        end = w.s.find(r"\end{" + self.name + "}", pos)
        if end == -1:
            end = len(w.s)
        chars = w.make_node(latexwalker.LatexCharsNode, parsing_state=parsing_state, chars=w.s[pos:end],
                            pos=pos, len=end - pos)
        return ParsedVerbatimArgs(verbatim_chars_node=chars), pos, end - pos


@lru_cache(maxsize=1)
def _context():
    db = get_default_latex_context_db()
    db.add_context_category(
        "softsym-verbatim", prepend=True,
        environments=[EnvironmentSpec(name, args_parser=_VerbatimEnvironment(name)) for name in VERBATIM_ENVIRONMENTS])
    return db


def find(text: str) -> tuple[list[MathBlock], list[Declaration]]:
    """Math blocks and declarations of a LaTeX text whose line breaks are ``\\n``."""
    lines = LineIndex(text)
    try:
        nodes, _, _ = LatexWalker(text, latex_context=_context(), tolerant_parsing=True).get_latex_nodes()
    except LatexWalkerError as exc:  # tolerant parsing rarely gives up; say where when it does
        where = getattr(exc, "pos", None)
        line = f" near line {lines.line(where)}" if isinstance(where, int) else ""
        raise LatexReadError(f"could not read the LaTeX{line}: {exc}; check that braces and "
                             f"\\begin/\\end pairs are balanced") from None
    reader = _Reader(text, lines)
    has_body = any(isinstance(n, LatexEnvironmentNode) and n.environmentname == "document" for n in nodes)
    reader.visit(nodes, in_body=not has_body)
    return reader.blocks, reader.declarations


class _Reader:
    """Walks the node tree in document order, collecting math, declarations and adjacency."""

    def __init__(self, text: str, lines: LineIndex) -> None:
        self.text, self.lines = text, lines
        self.blocks: list[MathBlock] = []
        self.declarations: list[Declaration] = []
        self.clean = False  # nothing visible since the last display block

    def visit(self, nodes, in_body: bool) -> None:
        for node in nodes:
            if node is None:
                continue
            if isinstance(node, LatexCommentNode):
                self._comment(node)
            elif isinstance(node, LatexCharsNode):
                self.clean = self.clean and not node.chars.strip()
            elif isinstance(node, LatexMathNode):
                self._math_node(node, in_body)
            elif isinstance(node, LatexEnvironmentNode):
                self._environment(node, in_body)
            elif isinstance(node, LatexMacroNode):
                self._macro(node, in_body)
            elif isinstance(node, LatexGroupNode):
                self.visit(node.nodelist, in_body)
            else:  # specials (~, ``, &) are visible
                self.clean = False

    def _comment(self, node: LatexCommentNode) -> None:
        text = declaration_text(node.comment)
        if text is not None:
            self.declarations.append(Declaration(text, self.lines.line(node.pos)))

    def _comments_inside(self, nodes) -> None:
        for node in nodes or ():
            if isinstance(node, LatexCommentNode):
                self._comment(node)
            elif isinstance(node, (LatexEnvironmentNode, LatexGroupNode, LatexMathNode)):
                self._comments_inside(node.nodelist)

    def _math_node(self, node: LatexMathNode, in_body: bool) -> None:
        self._comments_inside(node.nodelist)
        if not in_body:
            return
        opening, closing = node.delimiters
        start, end = node.pos + len(opening), node.pos + node.len - len(closing)
        self._add(start, end, node.pos + node.len - 1, node.displaytype == "display", None)

    def _environment(self, node: LatexEnvironmentNode, in_body: bool) -> None:
        name = node.environmentname
        if name == "document":
            self.clean = False
            self.visit(node.nodelist, in_body=True)
            return
        if name in DISPLAY_ENVIRONMENTS or name in INLINE_ENVIRONMENTS:
            self._comments_inside(node.nodelist)
            if in_body:
                start, end = self._body(node)
                self._add(start, end, node.pos + node.len - 1, name not in INLINE_ENVIRONMENTS, drop_star(name))
            return
        self.clean = False
        if name in VERBATIM_ENVIRONMENTS or name == "verbatim":
            return
        self.visit(node.nodelist, in_body)
        self.clean = False

    def _body(self, node: LatexEnvironmentNode) -> tuple[int, int]:
        """Offsets of an environment's body: after ``\\begin{name}`` and its arguments, before ``\\end``."""
        raw = self.text[node.pos:node.pos + node.len]
        opening = _BEGIN.match(raw)
        start = node.pos + (opening.end() if opening else 0)
        args = getattr(node.nodeargd, "argnlist", None) or []
        for arg in args:
            if arg is not None:
                start = max(start, arg.pos + arg.len)
        end = node.pos + raw.rfind("\\end")
        return start, max(start, end)

    def _macro(self, node: LatexMacroNode, in_body: bool) -> None:
        name = node.macroname
        if name in LAYOUT_MACROS:
            return
        self.clean = False
        if name in SKIPPED_MACROS:
            return
        args = getattr(node.nodeargd, "argnlist", None) or []
        self.visit([a for a in args if a is not None], in_body)
        self.clean = False

    def _add(self, start: int, end: int, closing: int, display: bool, env: str | None) -> None:
        tex = self.text[start:end]
        if not tex.strip():
            return
        if env is None and display:
            env = wrapping_environment(tex)
        adjacent = display and self.clean and bool(self.blocks) and self.blocks[-1].display
        self.blocks.append(MathBlock(tex, self.lines.line(start), self.lines.line(closing), display, env,
                                     adjacent=adjacent))
        self.clean = display
