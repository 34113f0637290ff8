"""The mathematics of a Markdown document, found by markdown-it-py and its plugins.

What is math: ``$…$``, ``$$…$$`` (block, or inside a paragraph), ``\\(…\\)``, ``\\[…\\]``,
top-level ``\\begin{equation|align|gather|multline|…}`` environments (amsmath plugin), fences
```` ```math ```` and ```` ```^ ````, and inline code ``` `^…` ```.  What is not: code fences and
code spans (other than the ``^`` forms), indented code, ``<code>``/``<pre>`` HTML, comments,
link reference definitions, front matter, and ``\\$``.

Line numbers: block tokens carry ``token.map``; an inline token's line is its paragraph's first
line plus the line breaks before its position inside the paragraph's source.  markdown-it does
not record inline positions, so :func:`_record_spans` wraps the few inline rules we read with one
that stores ``(start, end)`` offsets in ``token.meta["span"]``.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.amsmath import amsmath_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from .blocks import Declaration, LineIndex, MathBlock, declaration_text, drop_star, wrapping_environment

MATH_FENCES = ("math", "^")
"""Fence info words whose content is math (``^`` is the convention of some Chinese blogs)."""
_CODE_TAGS = ("code", "pre", "kbd", "samp", "tt", "script", "style", "textarea")
_HTML_TAG = re.compile(r"\A<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)")
_HTML_COMMENT = re.compile(r"<!--(?P<body>.*?)-->", re.DOTALL)
_INTERRUPTS = ["paragraph", "reference", "blockquote", "list"]


# -- the parser ------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """CommonMark with HTML, front matter, footnotes, dollar math, amsmath and ``\\(…\\)``/``\\[…\\]``."""
    md = MarkdownIt("commonmark", {"html": True})
    md.use(front_matter_plugin).use(footnote_plugin)
    md.use(dollarmath_plugin, allow_labels=True, allow_space=True, allow_digits=True,
           double_inline=True, allow_blank_lines=False)
    md.use(amsmath_plugin)
    md.use(bracket_math_plugin)
    _no_digits_around_dollars(md)
    _may_interrupt_paragraphs(md, "math_block")
    _record_spans(md, ("math_inline", "math_bracket_inline", "backticks", "html_inline"))
    return md


def _may_interrupt_paragraphs(md: MarkdownIt, name: str) -> None:
    """A ``$$`` line right after a line of prose starts a math block (as ``\\begin{align}`` does).

    A rule that may interrupt is also called in silent mode (does it start here?), where
    dollarmath's rule still pushes its token: the wrapper takes it back.
    """
    fn = next(r for r in md.block.ruler.__rules__ if r.name == name).fn

    def rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        if not silent:
            return fn(state, start_line, end_line, False)
        count, line = len(state.tokens), state.line
        found = fn(state, start_line, end_line, True)
        del state.tokens[count:]
        state.line = line
        return found

    md.block.ruler.at(name, rule, {"alt": _INTERRUPTS})


def _no_digits_around_dollars(md: MarkdownIt) -> None:
    """``$5 and $10`` is money, not math: no digit right before an opening or after a closing
    ``$``.  (dollarmath's ``allow_digits=False`` does this, but reads ``src[-1]`` for math at the
    start of a paragraph, so ``$x_0$ … 3`` would not be math.)"""
    fn = next(r for r in md.inline.ruler.__rules__ if r.name == "math_inline").fn

    def rule(state: StateInline, silent: bool) -> bool:
        start, src = state.pos, state.src
        if start > 0 and src[start - 1].isdigit():
            return False
        if not fn(state, True):  # silent: finds the closing $ and moves past it, pushes nothing
            return False
        end, state.pos = state.pos, start
        if end < len(src) and src[end].isdigit():
            return False
        if silent:
            state.pos = end
            return True
        return fn(state, False)

    md.inline.ruler.at("math_inline", rule)


def _record_spans(md: MarkdownIt, names: tuple[str, ...]) -> None:
    """Wrap the named inline rules so that each token they push records its source span."""
    wanted = {"math_inline", "math_inline_double", "math_bracket_inline", "code_inline", "html_inline"}

    def wrap(fn: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
        def rule(state: StateInline, silent: bool) -> bool:
            start, count = state.pos, len(state.tokens)
            ok = fn(state, silent)
            if ok and not silent:
                for token in state.tokens[count:]:
                    if token.type in wanted and "span" not in (token.meta or {}):
                        token.meta = {**(token.meta or {}), "span": (start, state.pos)}
            return ok
        return rule

    for name in names:
        rule = next(r for r in md.inline.ruler.__rules__ if r.name == name)
        md.inline.ruler.at(name, wrap(rule.fn), {"alt": rule.alt})


# -- \( … \) and \[ … \] ---------------------------------------------------------------------------
def bracket_math_plugin(md: MarkdownIt) -> None:
    """``\\(…\\)`` (inline) and ``\\[…\\]`` (display) math.

    texmath's "brackets" rules do part of this, but set no ``token.map`` on blocks, do not find
    ``\\[…\\]`` inside a paragraph and register rules under the names dollarmath uses; these follow
    dollarmath's conventions instead (an escaped backslash ``\\\\(`` is no delimiter).
    """
    md.inline.ruler.before("escape", "math_bracket_inline", _bracket_inline)
    md.block.ruler.before("math_block", "math_bracket_block", _bracket_block, {"alt": _INTERRUPTS})


def _escaped(src: str, pos: int) -> bool:
    """An odd number of backslashes right before ``pos``."""
    count = 0
    while pos - count - 1 >= 0 and src[pos - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def _bracket_inline(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if not src.startswith(("\\(", "\\["), pos) or _escaped(src, pos):
        return False
    closing = "\\)" if src[pos + 1] == "(" else "\\]"
    end = src.find(closing, pos + 2)
    while end != -1 and _escaped(src, end):
        end = src.find(closing, end + 1)
    if end == -1 or end > state.posMax or not src[pos + 2:end].strip():
        return False
    if not silent:
        token = state.push("math_bracket_inline", "math", 0)
        token.content = src[pos + 2:end]
        token.markup = src[pos:pos + 2]
    state.pos = end + 2
    return True


def _bracket_block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False  # indented code
    begin = state.bMarks[start_line] + state.tShift[start_line]
    if not state.src.startswith("\\[", begin):
        return False
    line, last = start_line, None
    while line < end_line:
        first = begin + 2 if line == start_line else state.bMarks[line]
        text = state.src[first:state.eMarks[line]]
        if line > start_line and not text.strip():
            return False  # a blank line ends the search, as for $$
        if text.rstrip().endswith("\\]"):
            last = line
            break
        if "\\]" in text:
            return False  # "\[x\] and more": inline math in a paragraph
        line += 1
    if last is None:
        return False
    if silent:
        return True
    closing = state.src.rindex("\\]", state.bMarks[last], state.eMarks[last] + 1)
    parts = [state.src[begin + 2:state.eMarks[start_line]] if last > start_line else ""]
    parts += [state.src[state.bMarks[k]:state.eMarks[k]] for k in range(start_line + 1, last)]
    if last > start_line:
        parts.append(state.src[state.bMarks[last]:closing])
        content = "\n".join(parts)
    else:
        content = state.src[begin + 2:closing]
    token = state.push("math_bracket_block", "math", 0)
    token.block = True
    token.content = content
    token.markup = "\\["
    token.map = [start_line, last + 1]
    state.line = last + 1
    return True


# -- walking the tokens ----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Event:
    """One thing met in document order: math, a declaration, or something between math blocks
    that is invisible (``neutral``: whitespace, comments, paragraph edges) or not (``prose``)."""

    kind: str  # "math" | "decl" | "neutral" | "prose"
    block: MathBlock | None = None
    decl: Declaration | None = None


_NEUTRAL = _Event("neutral")
_PROSE = _Event("prose")


def find(text: str) -> tuple[list[MathBlock], list[Declaration]]:
    """Math blocks and declarations of a Markdown text whose line breaks are ``\\n``."""
    md = parser()
    blocks: list[MathBlock] = []
    declarations: list[Declaration] = []
    clean = False  # only neutral events since the last display block
    for event in _block_events(md, md.parse(text)):
        if event.kind == "decl" and event.decl is not None:
            declarations.append(event.decl)
        elif event.kind == "prose":
            clean = False
        elif event.kind == "math" and event.block is not None:
            block = event.block
            if block.display and clean and blocks and blocks[-1].display:
                block = MathBlock(block.tex, block.line, block.end_line, True, block.env, adjacent=True)
            blocks.append(block)
            clean = block.display
    return blocks, declarations


def _block_events(md: MarkdownIt, tokens: list[Token]) -> Iterator[_Event]:
    for token in tokens:
        kind = token.type
        if kind == "inline" and token.map:
            yield from _inline_events(token.children or [], token.content, token.map[0] + 1)
        elif kind == "math_block" and token.map and "$$" in token.content:
            yield from _displays_on_a_line(md, token)
        elif kind in ("math_block", "math_block_label", "math_bracket_block") and token.map:
            env = wrapping_environment(token.content)
            yield _math(token.content, token.map[0] + 1, token.map[1], True, env)
        elif kind == "amsmath" and token.map:
            yield _amsmath(token)
        elif kind == "fence" and token.map:
            yield _fence(token)
        elif kind == "html_block" and token.map:
            yield from _html_block_events(md, token)
        elif kind in ("front_matter", "paragraph_open") or kind.endswith("_close"):
            yield _NEUTRAL
        else:
            yield _PROSE


def _displays_on_a_line(md: MarkdownIt, token: Token) -> Iterator[_Event]:
    """``$$a = b$$ where $a = 2$. Then $$c = d$$``: dollarmath reads one display from the first ``$$``
    to the last; it is two displays with prose between them, and the prose's inline math is read."""
    line = token.map[0] + 1
    for k, piece in enumerate(token.content.split("$$")):
        if k % 2 == 0:
            yield _math(piece, line, line + piece.count("\n"), True, wrapping_environment(piece))
        elif piece.strip():
            yield _PROSE
            for inline in md.parseInline(piece):
                yield from _inline_events(inline.children or [], piece, line)
        line += piece.count("\n")


def _math(tex: str, line: int, end_line: int, display: bool, env: str | None) -> _Event:
    if not tex.strip():
        return _NEUTRAL
    return _Event("math", MathBlock(tex, line, end_line, display, env))


def _amsmath(token: Token) -> _Event:
    """``\\begin{align}…\\end{align}``: the body between the two, on its lines."""
    assert token.map is not None
    content = token.content.rstrip()
    opening = re.match(r"\\begin\s*\{[^}]*\}", content)
    start = opening.end() if opening else 0
    end = content.rfind("\\end")
    body = content[start:end if end >= start else len(content)]
    name = drop_star(token.meta.get("environment", "") + token.meta.get("numbered", ""))
    return _math(body, token.map[0] + 1, token.map[1] + 1, True, name or None)


def _fence(token: Token) -> _Event:
    """```` ```math ```` and ```` ```^ ```` fences are display math; any other fence is code."""
    assert token.map is not None
    info = token.info.split()
    if not info or info[0] not in MATH_FENCES:
        return _PROSE
    return _math(token.content, token.map[0] + 2, token.map[1], True, info[0])


def _html_block_events(md: MarkdownIt, token: Token) -> Iterator[_Event]:
    """An HTML block is read as inline Markdown (so ``<div>$x$</div>`` has math and comments
    hold declarations), except ``<pre>``, ``<script>``, ``<style>`` and ``<textarea>``."""
    assert token.map is not None
    tag = _HTML_TAG.match(token.content.lstrip())
    if tag and tag.group("name").lower() in ("pre", "script", "style", "textarea"):
        yield _PROSE
        return
    for inline in md.parseInline(token.content):
        yield from _inline_events(inline.children or [], token.content, token.map[0] + 1)


def _inline_events(children: list[Token], src: str, first_line: int) -> Iterator[_Event]:
    """Events of a paragraph's (or heading's, or HTML block's) inline tokens; ``src`` is the
    source those tokens were parsed from and ``first_line`` the line of its first character."""
    lines = LineIndex(src, first_line)
    in_code = 0  # depth of <code>/<pre>/… HTML around the current token
    for child in children:
        kind = child.type
        span = (child.meta or {}).get("span")
        if kind == "html_inline" and span is not None:
            yield from _html_inline_events(child.content, span[0], lines)
            tag = _HTML_TAG.match(child.content)
            if tag and tag.group("name").lower() in _CODE_TAGS and not child.content.endswith("/>"):
                in_code = max(0, in_code + (-1 if tag.group("close") else 1))
        elif in_code:
            yield _PROSE
        elif kind in ("math_inline", "math_inline_double", "math_bracket_inline") and span is not None:
            yield _inline_math(child, src, span, lines)
        elif kind == "code_inline" and span is not None:
            yield _caret_code(src, span, lines)
        elif kind in ("softbreak", "hardbreak") or (kind == "text" and not child.content.strip()):
            yield _NEUTRAL
        else:
            yield _PROSE


def _inline_math(token: Token, src: str, span: tuple[int, int], lines: LineIndex) -> _Event:
    start, end = span
    opening = len(token.markup) if token.type != "math_bracket_inline" else 2
    tex_start = start + opening
    display = token.type == "math_inline_double" or token.markup == "\\["
    env = wrapping_environment(token.content) if display else None
    return _math(token.content, lines.line(tex_start), lines.line(end - 1), display, env)


def _caret_code(src: str, span: tuple[int, int], lines: LineIndex) -> _Event:
    """`` `^\\phi` `` is inline math; any other code span is code."""
    start, end = span
    raw = src[start:end]
    ticks = len(raw) - len(raw.lstrip("`"))
    inner_start, inner_end = start + ticks, end - ticks
    inner = src[inner_start:inner_end]
    if len(inner) >= 2 and inner[0] == " " and inner[-1] == " " and inner.strip():
        inner_start, inner = inner_start + 1, inner[1:-1]
    if not inner.startswith("^"):
        return _PROSE
    return _math(inner[1:], lines.line(inner_start + 1), lines.line(end - 1), False, "^")


def _html_inline_events(html: str, start: int, lines: LineIndex) -> Iterator[_Event]:
    """A comment may hold a declaration; tags are neutral (the text between them is not)."""
    found = False
    for comment in _HTML_COMMENT.finditer(html):
        found = True
        text = declaration_text(comment.group("body"))
        if text is not None:
            yield _Event("decl", decl=Declaration(text, lines.line(start + comment.start())))
    yield _NEUTRAL if found or _HTML_TAG.match(html) else _PROSE
