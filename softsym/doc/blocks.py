"""What ``extract`` finds in a document: math blocks and declarations, and the helpers both
readers (Markdown, LaTeX) share.

Line numbers are 1-based and count ``\\n``, ``\\r\\n`` and a lone ``\\r`` as one line break each
(as editors do); the readers normalise line breaks to ``\\n`` first, which keeps every line number.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class MathBlock:
    """One piece of mathematics as written in a document.

    The character ``tex[i]`` sits on line ``line + tex[:i].count("\\n")``: ``line`` is the line of
    the first character of ``tex`` (for ``$$`` on its own line, that is the ``$$`` line: ``tex``
    then starts with a newline), so the line of any row of a multi-line block is exact.
    ``end_line`` is the line of the closing delimiter (``$``, ``$$``, ``\\]``, ``\\end{…}``, the
    closing fence).
    """

    tex: str           # the math as written, without delimiters
    line: int          # 1-based line of tex[0]
    end_line: int      # 1-based line of the closing delimiter
    display: bool      # display math ($$, \[, environments, math fences) vs inline ($, \(, `^…`)
    env: str | None    # "align", "equation", "gather", … (star dropped), "math"/"^" (fences), the one
    #                    environment wrapping a $$/\[ block ("aligned"), or None
    adjacent: bool = False  # display block separated from the previous (display) block by nothing
    #                         but whitespace and comments: a leading "= …" continues its chain


@dataclass(frozen=True)
class Declaration:
    """A ``<!-- softsym: DECL -->`` / ``% softsym: DECL`` comment: ``text`` uses the grammar of
    ``softsym prove --symbols`` and applies from ``line`` on."""

    text: str
    line: int


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n`` (line numbers are unchanged); a BOM is dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.removeprefix("\ufeff")


class LineIndex:
    """Offsets of a string to 1-based line numbers, by binary search over the line starts."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._first = first_line

    def line(self, offset: int) -> int:
        """The line of the character at ``offset`` (an offset past the end: the last line)."""
        return self._first + bisect.bisect_right(self._starts, max(offset, 0)) - 1


_DECLARATION = re.compile(r"\A\s*softsym\s*:(?P<body>.*)\Z", re.DOTALL)


def declaration_text(comment: str) -> str | None:
    """The DECL of a comment's text (without ``<!--``/``-->`` or ``%``), or None when the comment
    is not a softsym declaration.  Several lines are joined with ``;``: ::

        <!-- softsym:
             x y: positive
             n: integer positive -->      →  "x y: positive; n: integer positive"
    """
    m = _DECLARATION.match(comment)
    if m is None:
        return None
    parts = [p.strip().rstrip(";").strip() for p in m.group("body").split("\n")]
    return "; ".join(p for p in parts if p)


_BEGIN = re.compile(r"\\begin\s*\{(?P<name>[A-Za-z]+\*?)\}")
_ENV_EDGE = re.compile(r"\\(?P<kind>begin|end)\s*\{(?P<name>[A-Za-z]+\*?)\}")


def wrapping_environment(tex: str) -> str | None:
    """The environment that wraps the whole of ``tex`` (``aligned`` for
    ``\\begin{aligned}…\\end{aligned}``), star dropped, or None."""
    body = tex.strip()
    first = _BEGIN.match(body)
    if first is None:
        return None
    name = first.group("name")
    depth = 0
    for edge in _ENV_EDGE.finditer(body):
        if edge.group("name") != name:
            continue
        depth += 1 if edge.group("kind") == "begin" else -1
        if depth == 0:
            return name.rstrip("*") if edge.end() == len(body) else None
    return None


def drop_star(name: str) -> str:
    """``align*`` → ``align``."""
    return name.rstrip("*")


_DISABLED = re.compile(r"\\iffalse\b.*?\\fi\b|\\begin\s*\{comment\}.*?\\end\s*\{comment\}", re.S)


def without_disabled_latex(text: str) -> str:
    """``text`` with LaTeX that never typesets blanked out (``\\iffalse … \\fi``, the comment package's
    ``\\begin{comment} … \\end{comment}``), line breaks and lengths kept: nothing there is read."""
    return _DISABLED.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)



_ITEM = re.compile(r"^(?P<indent>\s*)(?:\d{1,3}[.)]|[-*+])\s+\S|^\s*\\item\b")
_LIST_EDGE = re.compile(r"\\(?:begin|end)\s*\{\s*(?:enumerate|itemize|description)\s*\}")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s|^\s*\\(?:sub)*section\*?\s*\{")


def _item_start(lines: list[str], line: int) -> tuple[int, int] | None:
    """The line where the list item holding ``line`` (1-based) begins and its marker's indentation, or None
    when ``line`` is in no list item (Markdown ``1.``/``-``/``*``/``+`` items, LaTeX ``\\item``)."""
    blank_since = False
    for at in range(line, 0, -1):
        text = lines[at - 1] if at <= len(lines) else ""
        item = _ITEM.match(text)
        if item is not None:
            return at, len(item.group("indent") or "")
        if _HEADING.match(text) or _LIST_EDGE.search(text):
            return None
        if not text.strip():
            blank_since = True
        elif blank_since and not text.startswith((" ", "\t")):
            return None                     # a paragraph of its own after a blank line: outside any list
    return None


def sibling_items(lines: list[str], first: int, second: int) -> bool:
    """Whether lines ``first`` < ``second`` sit in two different items of one list ("1. Match the slopes …
    2. Match the variances …"): items at one indentation, with nothing between them that ends the list."""
    if not 1 <= first < second <= len(lines):
        return False
    a, b = _item_start(lines, first), _item_start(lines, second)
    if a is None or b is None or a[0] == b[0] or a[1] != b[1]:
        return False
    for at in range(a[0] + 1, b[0]):
        text = lines[at - 1]
        if _LIST_EDGE.search(text) or _HEADING.match(text):
            return False
        if text.strip() and not text.startswith((" ", "\t")) and not _ITEM.match(text) and at > 1 \
                and not lines[at - 2].strip():
            return False                    # a paragraph of its own between them: two lists
        item = _ITEM.match(text)
        if item is not None and len(item.group("indent") or "") < a[1]:
            return False                    # an item of an outer list: the inner one ended
    return True


def _parent_item(lines: list[str], start: int, indent: int) -> tuple[int, int] | None:
    """The item of an outer list that holds the nested item starting at line ``start`` (indented ``indent``)."""
    for at in range(start - 1, 0, -1):
        text = lines[at - 1]
        if _HEADING.match(text) or _LIST_EDGE.search(text):
            return None
        item = _ITEM.match(text)
        if item is not None and len(item.group("indent") or "") < indent:
            return at, len(item.group("indent") or "")
        if text.strip() and not text.startswith((" ", "\t")) and item is None:
            return None                     # a paragraph of its own: the nested item has no parent item
    return None


def outer_sibling_items(lines: list[str], first: int, second: int) -> int:
    """The line of the item of an outer list that holds ``second`` when ``first`` and ``second`` sit in sub-items of
    two different items of that list ("1. Match the slopes: - … - hence $λ = …$  2. Match the variances: - … - hence
    $λ = …$"), else 0 (also when they are items of one list: see sibling_items)."""
    a, b = _item_start(lines, first), _item_start(lines, second)
    if a is None or b is None or a[1] == b[1] == 0:
        return 0
    chain_a = [a]
    while chain_a[-1][1] > 0 and (up := _parent_item(lines, *chain_a[-1])) is not None:
        chain_a.append(up)
    chain_b = [b]
    while chain_b[-1][1] > 0 and (up := _parent_item(lines, *chain_b[-1])) is not None:
        chain_b.append(up)
    for outer_a in chain_a[1:] or chain_a:
        for outer_b in chain_b[1:]:
            if outer_a[1] == outer_b[1] and outer_a[0] != outer_b[0] and sibling_items(lines, outer_a[0], outer_b[0]):
                return outer_b[0]
    return 0


def item_opening(lines: list[str], line: int, column: int) -> str:
    """The words of the list item holding (``line``, ``column``) from its marker up to that column ("Therefore"
    in "3. Therefore $λ = …$"), or "" outside a list."""
    start = _item_start(lines, line)
    if start is None or not 1 <= line <= len(lines):
        return ""
    text = [*lines[start[0] - 1:line - 1], lines[line - 1][:max(column, 0)]]
    return re.sub(r"^\s*(?:\d{1,3}[.)]|[-*+]|\\item\b)\s*", "", "\n".join(text), count=1)


def list_lead_in_line(lines: list[str], line: int) -> int:
    """The line of the words just before the list holding ``line`` (see list_lead_in), or 0."""
    start = _item_start(lines, line)
    if start is None:
        return 0
    at = start[0]
    while at > 1:
        previous = lines[at - 2]
        item = _ITEM.match(previous)
        if item is not None and len(item.group("indent") or "") == start[1]:
            at -= 1
            continue
        if previous.strip() and not previous.startswith((" ", "\t")) and not item:
            return at - 1
        at -= 1
    return 0


def list_lead_in(lines: list[str], line: int) -> str:
    """The words just before the list holding ``line`` (its first item's preceding non-blank line: "Two natural
    choices:"), or ""."""
    at = list_lead_in_line(lines, line)
    return lines[at - 1] if at else ""
