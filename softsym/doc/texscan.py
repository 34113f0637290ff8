"""A small scanner for the TeX of one math block: tokens, nesting, and rows.

``tokens(tex)`` cuts a math string into tokens that know their kind and offsets; ``rows(tex)``
splits it at the ``\\\\`` that end rows (at brace depth 0, with alignment environments such as
``aligned`` transparent), joins rows that continue an expression, and marks the tokens that sit
at the top level (outside ``{}``, ``()``, ``[]``, ``\\{\\}``, ``\\left…\\right``, environments and
sub/superscript arguments).  ``chains`` builds relations out of these.

The regular expressions here only ever see one math string, never a whole document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

RELATION_WORDS: dict[str, str] = {
    "le": "<=", "leq": "<=", "leqslant": "<=", "leqq": "<=",
    "ge": ">=", "geq": ">=", "geqslant": ">=", "geqq": ">=",
    "lt": "<", "gt": ">", "ne": "!=", "neq": "!=",
    "coloneqq": ":=", "eqqcolon": "=:", "coloneq": ":=", "triangleq": ":=", "defeq": ":=", "eqdef": ":=",
    "equiv": "==",
    "approx": "approx", "simeq": "approx", "approxeq": "approx", "thickapprox": "approx",
    "propto": "propto", "varpropto": "propto",
    "Rightarrow": "implies", "implies": "implies", "Longrightarrow": "implies",
    "Leftarrow": "implies", "impliedby": "implies", "Longleftarrow": "implies",
    "iff": "implies", "Leftrightarrow": "implies", "Longleftrightarrow": "implies",
}
"""Control words that are relations, and the relation each names (``\\equiv`` is read as ``==``;
``⇐`` and ``⇔`` as ``implies``: the integrator checks each side on its own)."""
RELATION_SYMBOLS: dict[str, str] = {
    "=": "==", "<": "<", ">": ">", "<=": "<=", ">=": ">=", "==": "==", ":=": ":=", "=:": "=:",
    "=>": "implies", "==>": "implies", "<=>": "implies",
    "≤": "<=", "⩽": "<=", "≥": ">=", "⩾": ">=", "≠": "!=", "≈": "approx", "≃": "approx",
    "∝": "propto", "⇒": "implies", "⟹": "implies", "⇔": "implies", "⟺": "implies", "≡": "==",
    "≔": ":=", "≜": ":=",
}
"""Characters (and ASCII digraphs) that are relations.  ``!=`` is not among them: in TeX it is a
factorial followed by ``=`` (``3!=6``)."""
ROW_ENVIRONMENTS = frozenset({"aligned", "alignedat", "gathered", "split", "align", "alignat", "gather",
                              "eqnarray", "multline", "flalign", "equation"})
"""Environments whose ``\\\\`` end rows of a derivation (transparent when not nested in a group)."""
OPENERS = frozenset({"(", "[", "\\{", "\\langle", "\\lbrace", "\\lbrack", "\\lceil", "\\lfloor", "\\lvert",
                     "\\lVert"})
CLOSERS = frozenset({")", "]", "\\}", "\\rangle", "\\rbrace", "\\rbrack", "\\rceil", "\\rfloor", "\\rvert",
                     "\\rVert"})
SPACING = frozenset({"\\,", "\\;", "\\:", "\\!", "\\ ", "\\>", "~", "\\displaystyle", "\\textstyle",
                     "\\scriptstyle", "\\enspace", "\\thinspace", "\\medspace", "\\thickspace"})
BINARY = frozenset({"+", "-", "\\cdot", "\\times", "\\pm", "\\mp", "\\ast"})
"""Operators with which a row may continue the expression of the row before."""

_GROUP = r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}"
_DELIMITER = r"(?:\\[A-Za-z]+|\\.|[^\s\\])"
_TOKEN = re.compile(rf"""
  (?P<comment>%[^\n]*)
| (?P<space>\s+)
| (?P<beginargs>\\begin\s*\{{(?:alignat\*?|alignedat|array)\}}(?:\s*\[[tbc]\])?\s*{_GROUP})
| (?P<beginopt>\\begin\s*\{{(?:aligned|gathered)\}}\s*\[[tbc]\])
| (?P<begin>\\begin\s*\{{[A-Za-z]+\*?\}})
| (?P<end>\\end\s*\{{[A-Za-z]+\*?\}})
| (?P<left>\\left(?![A-Za-z])\s*{_DELIMITER})
| (?P<right>\\right(?![A-Za-z])\s*{_DELIMITER})
| (?P<middle>\\middle(?![A-Za-z])\s*{_DELIMITER})
| (?P<sized>\\[bB]igg?[lrm]?(?![A-Za-z])\s*{_DELIMITER})
| (?P<rowbreak>\\\\\*?(?:\[\s*-?[\d.]+\s*[a-z]{{2}}\s*\])?|\\cr(?![A-Za-z]))
| (?P<directive>\\(?:tag\*?|label)\s*{_GROUP}|\\(?:nonumber|notag)(?![A-Za-z]))
| (?P<skip>\\(?:hspace|vspace|phantom|hphantom|vphantom)\*?\s*{_GROUP})
| (?P<intertext>\\(?:short)?intertext\s*{_GROUP})
| (?P<text>\\(?:text|textrm|textit|textbf|textup|textnormal|textsf|mbox|hbox)\s*{_GROUP})
| (?P<stacked>\\(?:stackrel|overset|underset)\s*(?P<above>{_GROUP})\s*(?P<below>{_GROUP}))
| (?P<negated>\\not(?![A-Za-z])\s*(?:\\[A-Za-z]+|[^\s\\]))
| (?P<word>\\[A-Za-z]+)
| (?P<symbol>\\.)
| (?P<digraph><=>|<->|->|<-|<=|>=|==>|=>|==|:=|=:)
| (?P<char>.)
""", re.VERBOSE | re.DOTALL)
_ENV_NAME = re.compile(r"\{([A-Za-z]+)\*?\}")
_DEFINITION_MARKS = frozenset({"def", "\\Delta", "\\triangle", "Δ", "△", ":"})


@dataclass
class Token:
    """A piece of TeX: ``kind`` is one of space, open, close, begin, end, left, right, popen,
    pclose, rowbreak, amp, directive, intertext, text, rel, script, comma, colon, quad, word, char."""

    kind: str
    text: str
    start: int
    end: int
    op: str | None = None       # rel: the relation it names
    name: str | None = None     # begin/end: environment name (star dropped); text: the content
    top: bool = False           # at the top level of its row (set by ``rows``)


@dataclass
class Row:
    """Tokens of one row of a block (``\\\\``-separated, continuation rows joined)."""

    tokens: list[Token] = field(default_factory=list)
    prose: bool = False         # an \\intertext row


def tokens(tex: str) -> list[Token]:
    """The tokens of a math string, in order, covering it entirely."""
    return [_classify(m) for m in _TOKEN.finditer(tex)]


def _classify(m: re.Match[str]) -> Token:
    kind, text, start, end = m.lastgroup or "char", m.group(), m.start(), m.end()
    if kind in ("above", "below"):
        kind = "stacked"
    if kind in ("comment", "space", "skip"):
        return Token("space", text, start, end)
    if kind in ("begin", "beginargs", "beginopt", "end"):
        name = _ENV_NAME.search(text)
        return Token("end" if kind == "end" else "begin", text, start, end, name=name.group(1) if name else "")
    if kind == "sized":
        return Token(_sized_kind(text), text, start, end)
    if kind in ("text", "intertext"):
        inner = text[text.index("{") + 1:-1]
        return Token(kind, text, start, end, name=inner)
    if kind == "stacked":
        op = _stacked_relation(m.group("above"), m.group("below"))
        return Token("rel" if op else "word", text, start, end, op=op)
    if kind == "negated":
        negated = text[4:].strip()
        return Token("rel", text, start, end, op="!=") if negated == "=" else Token("word", text, start, end)
    if kind == "digraph":
        op = RELATION_SYMBOLS.get(text)
        return Token("rel", text, start, end, op=op) if op else Token("word", text, start, end)
    if kind == "word":
        return _word(text, start, end)
    if kind == "symbol":
        return _symbol(text, start, end)
    if kind in ("left", "right", "middle", "rowbreak", "directive"):
        return Token("word" if kind == "middle" else kind, text, start, end)
    return _char(text, start, end)


def _sized_kind(text: str) -> str:
    """``\\bigl(`` opens, ``\\bigr)`` closes; ``\\big(`` follows its delimiter."""
    head = re.match(r"\\[bB]igg?([lrm]?)", text)
    side = head.group(1) if head else ""
    delimiter = text[head.end():].strip() if head else ""
    if side == "l" or (not side and delimiter in OPENERS):
        return "popen"
    if side == "r" or (not side and delimiter in CLOSERS):
        return "pclose"
    return "word"


def _stacked_relation(above: str, below: str) -> str | None:
    """``\\stackrel{\\text{def}}{=}`` → ``:=``; ``\\overset{(1)}{=}`` → ``==``; not a relation → None."""
    inner = below[1:-1].strip()
    op = RELATION_SYMBOLS.get(inner) or (RELATION_WORDS.get(inner[1:]) if inner.startswith("\\") else None)
    if op == "==":
        mark = re.sub(r"\\(?:text|mathrm|textrm|rm|mbox)\b|[{}\s]", "", above)
        if mark in _DEFINITION_MARKS:
            return ":="
    return op


def _word(text: str, start: int, end: int) -> Token:
    name = text[1:]
    if name in RELATION_WORDS:
        return Token("rel", text, start, end, op=RELATION_WORDS[name])
    if name in ("quad", "qquad"):
        return Token("quad", text, start, end)
    if text in SPACING:
        return Token("space", text, start, end)
    if text in OPENERS:
        return Token("popen", text, start, end)
    if text in CLOSERS:
        return Token("pclose", text, start, end)
    if name in ("newline",):
        return Token("rowbreak", text, start, end)
    return Token("word", text, start, end)


def _symbol(text: str, start: int, end: int) -> Token:
    if text in SPACING:
        return Token("space", text, start, end)
    if text == "\\{":
        return Token("popen", text, start, end)
    if text == "\\}":
        return Token("pclose", text, start, end)
    return Token("char", text, start, end)


_CHAR_KINDS = {"{": "open", "}": "close", "(": "popen", "[": "popen", ")": "pclose", "]": "pclose",
               "&": "amp", "_": "script", "^": "script", ",": "comma", ":": "colon", "~": "space"}


def _char(text: str, start: int, end: int) -> Token:
    if text in RELATION_SYMBOLS:
        return Token("rel", text, start, end, op=RELATION_SYMBOLS[text])
    return Token(_CHAR_KINDS.get(text, "char"), text, start, end)


# -- rows ------------------------------------------------------------------------------------------
def rows(tex: str, transparent: frozenset[str] = ROW_ENVIRONMENTS) -> list[Row]:
    """The rows of a block, continuation rows joined, top-level tokens marked.

    ``transparent``: environments whose ``\\begin``/``\\end`` do not nest when met outside any
    group (their ``\\\\`` end rows of the block).
    """
    split = _split_rows(tokens(tex), transparent)
    joined = _join_continuations(split)
    for row in joined:
        _mark_top(row.tokens)
    return joined


def _split_rows(toks: list[Token], transparent: frozenset[str]) -> list[Row]:
    out = [Row()]
    depth = 0
    envs: list[bool] = []  # for each open environment: does it nest (False: transparent)?
    for tok in toks:
        if tok.kind == "begin":
            nests = depth > 0 or tok.name not in transparent
            envs.append(nests)
            depth += nests
            if not nests:
                out[-1].tokens.append(Token("space", " ", tok.start, tok.end))
                continue
        elif tok.kind == "end":
            nests = envs.pop() if envs else True
            if not nests:
                out[-1].tokens.append(Token("space", " ", tok.start, tok.end))
                continue
            depth = max(0, depth - 1)
        elif tok.kind in ("open", "left"):
            depth += 1
        elif tok.kind in ("close", "right"):
            depth = max(0, depth - 1)
        elif depth == 0 and tok.kind == "amp":
            out[-1].tokens.append(Token("space", " ", tok.start, tok.end, name="&"))   # (where the row aligns)
            continue
        elif depth == 0 and tok.kind == "rowbreak":
            out.append(Row())
            continue
        elif depth == 0 and tok.kind == "intertext":
            out.append(Row([tok], prose=True))
            out.append(Row())
            continue
        out[-1].tokens.append(tok)
    return [row for row in out if row.prose or any(t.kind != "space" for t in row.tokens)]


def _significant(row: Row) -> list[Token]:
    return [t for t in row.tokens if t.kind not in ("space", "amp", "quad", "directive")]


def _paren_balance(row: Row) -> int:
    return sum((t.kind == "popen") - (t.kind == "pclose") for t in row.tokens)


def _join_continuations(split: list[Row]) -> list[Row]:
    """Join a row to the one before when it continues its expression: it starts with ``+``,
    ``-``, ``\\cdot``…, the row before ends with one (or with an opening bracket or a relation
    operator: ``a = \\\\ b``), or the row before opens brackets that this or a later row closes
    (``&= [ \\\\ & a, \\\\ & b ]``)."""
    out: list[Row] = []
    pending = 0  # brackets the last row opened and some later row closes
    for k, row in enumerate(split):
        first = _significant(row)
        previous = _significant(out[-1]) if out and not out[-1].prose else []
        continues = bool(previous) and not row.prose and bool(first) and (
            first[0].text in BINARY and not _own_left_side(row, previous) or previous[-1].text in BINARY
            or previous[-1].kind in ("popen", "rel") or pending > 0)
        if continues:
            out[-1].tokens.extend([Token("space", " ", row.tokens[0].start, row.tokens[0].start), *row.tokens])
            pending = max(0, pending + _paren_balance(row))
        else:
            out.append(Row(list(row.tokens), row.prose))
            pending = 0
        if pending == 0 and not out[-1].prose:
            balance = _paren_balance(out[-1])
            if balance > 0 and _closed_later(split[k + 1:], balance):
                pending = balance
    return out


def _own_left_side(row: Row, previous: list[Token]) -> bool:
    """``-\\frac{(x-\\mu)^2}{2\\sigma^2} &= …`` under a row with that same left side: a row that starts
    with a sign but writes again the left side of the row before, and a relation after it, is a new
    statement (another version of the same expansion), not the rest of the row before.  Any other
    row that starts with a sign goes on from the row before (``g &= x^2 \\\\ - 2x + 1 &= …`` may be
    one chain)."""
    def left_side(tokens: list[Token]) -> str | None:
        depth, out = 0, []
        for t in tokens:
            if t.name == "&" and not out:
                return None                 # "& - 2x + 1 = …": the row goes on from its alignment point
            if t.kind in ("open", "popen"):
                depth += 1
            elif t.kind in ("close", "pclose"):
                depth -= 1
            elif t.kind == "rel" and depth == 0:
                return "".join(out)
            if t.kind not in ("space", "quad", "directive", "amp"):
                out.append(t.text)
        return None
    mine = left_side(row.tokens)
    return mine is not None and len(mine) > 1 and mine == left_side(previous)


def _closed_later(later: list[Row], balance: int) -> bool:
    for row in later:
        if row.prose:
            return False
        balance += _paren_balance(row)
        if balance <= 0:
            return True
    return False


def side_tokens(tex: str) -> list[Token]:
    """The tokens of a stretch of one row, alignment ``&`` (outside groups) turned into spaces
    and top-level tokens marked."""
    toks = [tok for row in _split_rows(tokens(tex), ROW_ENVIRONMENTS) for tok in row.tokens]
    _mark_top(toks)
    return toks


def _mark_top(toks: list[Token]) -> None:
    """Set ``top`` on tokens outside every bracket, group, environment and script argument."""
    groups: list[int] = []  # bracket depth saved at each open group ({, \left, \begin)
    brackets = 0            # open (, [, \{ … in the current group (an extra closer is ignored)
    script = False
    for tok in toks:
        outside = not groups and brackets == 0
        if tok.kind in ("open", "left", "begin"):
            tok.top = outside and not script
            groups.append(brackets)
            brackets, script = 0, False
        elif tok.kind in ("close", "right", "end"):
            brackets = groups.pop() if groups else 0
            tok.top = not groups and brackets == 0
        elif tok.kind == "popen":
            tok.top = outside and not script
            brackets, script = brackets + 1, False
        elif tok.kind == "pclose":
            brackets = max(0, brackets - 1)
            tok.top = not groups and brackets == 0
        elif tok.kind == "space":
            tok.top = outside
        else:
            tok.top = outside and not script
            script = tok.kind == "script"
