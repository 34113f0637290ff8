"""The relations a document states: each math block split at its top-level relation operators.

``relations(blocks)`` reads the blocks ``extract.find_math`` found, in order, and returns one
``Relation`` per consecutive pair of a chain: ``a = b \\le c`` gives ``a = b`` and ``b <= c``;
rows of ``aligned``/``align``/… that start with an operator (``&= x``) continue from the right
side before; so does a display block that starts with one when only whitespace separates it from
the previous display block.  The integrator composes the pairs (``a = b``, ``b <= c`` ⇒ ``a <= c``).

Conventions (one line each):

* operators split only at the top level: not inside ``{}``, ``()``, ``[]``, ``\\{\\}``,
  ``\\left…\\right``, environments (``cases``, ``array``, matrices) or sub/superscripts;
* ops: ``==`` (``=``, ``\\equiv``, ``\\overset{…}{=}``), ``<=``, ``<``, ``>=``, ``>``, ``!=``
  (``\\ne``, ``\\not=``; ``!=`` itself is a factorial), ``:=`` (``\\coloneqq``, ``\\triangleq``,
  ``\\stackrel{def}{=}``), ``approx`` (``\\approx``, ``\\simeq``), ``propto``, ``implies``
  (``=>``, ``\\Rightarrow``, ``\\implies``, ``\\iff``, ``\\Leftarrow``…); arrows (``\\to``,
  ``\\rightarrow``, ``->``), ``\\sim``, ``\\in`` and ``\\ll`` are not relations;
* ``implies`` separates two independent statements: ``A = B => C = D`` gives ``A = B``,
  ``(A = B) implies (C = D)``, ``C = D``, the last one not chained;
* ``chained`` is True exactly when ``lhs`` is the right side of the relation just before (the
  left side of a ``&=`` row under a lone expression row such as ``h(x) \\\\ &= …`` is not);
* sides lose alignment ``&``, ``\\tag``/``\\label``/``\\nonumber``/``\\notag``, and at their ends
  spacing (``\\,``, ``\\quad``…), ``,`` ``;`` ``.`` and marks (``\\checkmark``, ``\\qed``);
* a top-level arrow (``\\to``, ``\\rightarrow``, ``\\mapsto``, ``->``) ends a statement; the relations
  after it (up to the row's end) are marked ``after_arrow`` (what something turns into, not a claim);
* ``\\quad`` separates statements in a row (``a = b, \\quad c = d``; an equation number ``(1)``
  after it is dropped); a chain goes on across it only if the next statement starts with an
  operator;
* prose in a row ends the relation before it: ``\\text{for …}``/``\\text{if …}``/``\\forall``/
  ``\\text{(by (1))}``… and what follows up to a top-level ``:`` (``\\text{if } i=j: a = b``) or
  the end of the row is dropped; ``\\text{and}``, ``\\text{thus}``… separate statements;
  a single word (``\\text{softmax}``) is part of the expression;
* a top-level comma separates two statements when both sides of it hold a relation
  (``x = 1, y = 2``), unless what follows is a condition (an inequality between single names
  or numbers, ``x > 0``, or a membership ``c \\in \\mathbb{R}``), which is dropped;
* rows that continue an expression (start or end with ``+``, ``-``, ``\\cdot``…, or close a
  bracket a previous row opened) are joined to the row before;
* a row without a relation is a lone expression: it becomes the left side of a following
  ``&= …`` row, unless it is prose (``thus,``, Chinese text, ending in ``,``/``;``/``:``), which
  breaks the chain;
* ``line`` is the line of the operator, ``end_line`` that of the last character of the right side;
  ``tex`` is the source from the left side (or, when it is carried over, from the operator) to the
  end of the right side.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .blocks import MathBlock, wrapping_environment
from .texscan import BINARY, ROW_ENVIRONMENTS, Row, Token, rows, side_tokens

OPS = ("==", "<=", "<", ">=", ">", "!=", ":=", "approx", "propto", "implies")
"""Every ``Relation.op``."""

CONDITION_WORDS = frozenset({
    "for", "if", "when", "whenever", "where", "with", "given", "unless", "provided", "assuming",
    "since", "because", "as", "by", "from", "using", "via", "s.t.", "st", "such", "otherwise", "on", "in",
    "at", "whereas", "holds"})
"""First words of a ``\\text{…}`` that starts a condition or a justification (dropped)."""
CONNECTOR_WORDS = frozenset({
    "and", "or", "thus", "hence", "so", "then", "therefore", "i.e.", "ie", "i.e.,", "that", "we", "which",
    "giving", "gives", "yielding", "yields", "implies", "it", "follows", "also"})
"""First words of a ``\\text{…}`` that separates two statements (both kept)."""
PROSE_WORDS = frozenset({"thus", "hence", "so", "therefore", "then", "where", "and", "i.e.", "ie", "since",
                         "or", "with", "we", "note", "let", "because", "finally", "now"})
"""Lone rows made of one of these words are prose, not a left side."""
TRAILING_MARKS = frozenset({"\\checkmark", "\\blacksquare", "\\square", "\\Box", "\\qed", "\\qedhere"})
MEMBERSHIP = frozenset({"\\in", "\\notin", "\\subset", "\\subseteq", "\\supset", "\\supseteq"})
QUANTIFIERS = frozenset({"\\forall", "\\exists", "\\nexists"})
ARROWS = frozenset({"\\to", "\\rightarrow", "\\longrightarrow", "\\mapsto", "\\longmapsto", "->", "\\leadsto"})
"""A top-level arrow ends a statement: ``\\tilde a = -5 \\rightarrow e^{-5}`` states ã = -5; what follows
the arrow says what something turns into (``z \\rightarrow z = (z_1 + 1, …)``), never a claim."""
_CJK = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")
_EQUATION_NUMBER = re.compile(r"\A\(\s*[\w.*']+\s*\)\Z")
_ATOM = re.compile(r"\A-?\s*(?:\\?[A-Za-z]+|\d+(?:\.\d+)?)(?:_(?:\{[^{}]*\}|\\?\w+))?(?:\^(?:\{[^{}]*\}|\w))?\Z")
_INEQUALITIES = frozenset({"<", "<=", ">", ">=", "!="})


@dataclass(frozen=True)
class Relation:
    """One relation of a document, as written."""

    lhs: str          # tex of the left side (stripped)
    op: str           # one of OPS
    rhs: str
    line: int         # line of the operator
    end_line: int     # line of the end of the right side
    tex: str          # the relation as written, for reports
    chained: bool     # lhs is the rhs of the relation just before (a = b = c, &= rows)
    after_arrow: bool = False   # written after a top-level arrow (a = -5 \rightarrow b = e^{-5}): not a claim
    condition: str = ""         # a condition written in the row (\text{if } i \ne j: …, … \quad \text{for } x \ge 0)
    display: bool | None = None  # whether its block is display math (None: not known, judged by lines)
    arrow: str = "implies"      # for an implication: "implies" (⇒), "implied" (⇐: the right side is the
                                # premise) or "iff" (⇔: the converse is claimed too)
    block: MathBlock | None = field(default=None, compare=False, repr=False)   # the math it is written in
    claimed: bool = False       # the words make it a claim about a function softsym knows (σ, softmax) that
                                # has no exponential ("the sigmoid satisfies σ(x) = ½ + x/4"): no own version
    denoted: bool = False       # the words say the name denotes it ("σ denotes the hyperbolic tangent"): the
                                # text's own version even through tanh or log (never through e^x or σ itself)
    disputed: bool = False      # the words define the text's own σ/softmax ("In this note σ is the softplus")
                                # by a formula with e^x that softsym would check as the sigmoid: which one the
                                # later lines mean is not decided (neither proved nor refuted through σ)
    column: int = field(default=-1, compare=False, repr=False)   # where its TeX starts on its line (the n-th of
                                # the same text there), once the reader has found it; -1: not known


def column_on_line(line: str, rel: Relation, length: int = 20) -> int:
    """Where ``rel``'s TeX starts on ``line`` (its own line): the column the reader found for it — the second
    "$\\tanh(x) = \\tanh(0.5)$" of a line is not the first — else the first place its text is written, or -1."""
    if rel.column >= 0:
        return rel.column
    text = rel.tex.strip()[:length]
    return line.find(text) if text else -1


def relations(blocks: Iterable[MathBlock]) -> list[Relation]:
    """Every relation of the blocks, in document order."""
    out: list[Relation] = []
    carry: _Carry | None = None
    for block in blocks:
        if not (block.display and block.adjacent):
            carry = None
        reader = _BlockReader(block, carry, out)
        carry = reader.read()
        if not block.display:
            carry = None
    return out


# -- sides -----------------------------------------------------------------------------------------
@dataclass
class _Side:
    """A run of tokens between operators (positions are offsets in the block's tex)."""

    tokens: list[Token] = field(default_factory=list)

    def trimmed(self) -> list[Token]:
        toks = [t for t in self.tokens if t.kind != "directive"]
        while toks and _is_padding(toks[0]):
            toks.pop(0)
        while toks and (_is_padding(toks[-1]) or _is_trailing_mark(toks)):
            toks.pop()
        return toks

    def text(self) -> str:
        parts = []
        for tok in self.trimmed():
            plain = (tok.kind == "space" and not tok.text.startswith("\\")) or (tok.kind == "rowbreak" and tok.top)
            parts.append(" " if plain else tok.text)
        return re.sub(r"\s+", " ", "".join(parts)).strip()

    def empty(self) -> bool:
        return not self.trimmed()

    @property
    def start(self) -> int:
        toks = self.trimmed()
        return toks[0].start if toks else 0

    @property
    def end(self) -> int:
        toks = self.trimmed()
        return toks[-1].end if toks else 0


def _is_padding(tok: Token) -> bool:
    return tok.kind in ("space", "quad", "amp", "directive", "rowbreak")


def _is_trailing_mark(toks: list[Token]) -> bool:
    last = toks[-1]
    if last.text in TRAILING_MARKS or last.text in (",", ";") or last.kind == "comma":
        return True
    if last.text == ".":
        return not (len(toks) > 1 and toks[-2].text == ".")
    return False


@dataclass(frozen=True)
class _Carry:
    """What a row or block that starts with an operator continues from."""

    text: str
    from_relation: bool  # the right side of a relation (chained) or a lone expression


@dataclass
class _Statement:
    """Tokens of one statement of a row: sides and top-level operators alternate."""

    tokens: list[Token] = field(default_factory=list)
    soft: bool = True  # preceded by \quad (a chain may go on) rather than prose/comma
    after_arrow: bool = False  # follows a top-level arrow: what something turns into, not a claim
    condition: str = ""        # the TeX of a condition that governs it ("i \neq j"; "unless …" as written)


# -- one block -------------------------------------------------------------------------------------
class _BlockReader:
    """Reads the rows of one block, appending relations to ``out``; ``read`` returns the carry."""

    def __init__(self, block: MathBlock, carry: _Carry | None, out: list[Relation]) -> None:
        self.block, self.carry, self.out = block, carry, out
        self.last_clause: list[_Side] | None = None     # the last clause of the row before (a row "&\iff C" goes on)

    def read(self) -> _Carry | None:
        transparent = ROW_ENVIRONMENTS
        if wrapping_environment(_without_directives(self.block.tex)) == "array":
            transparent = transparent | {"array"}
        for row in rows(self.block.tex, transparent):
            if row.prose:
                self.carry = None
                continue
            for statement in _statements(row):
                if not statement.soft:
                    self.carry = None
                self._statement(statement)
        return self.carry

    def _line(self, offset: int) -> int:
        return self.block.line + self.block.tex.count("\n", 0, max(offset, 0))

    # a statement: sides and operators
    def _statement(self, statement: _Statement) -> None:
        sides: list[_Side] = [_Side()]
        ops: list[Token] = []
        for tok in statement.tokens:
            if tok.kind == "rel" and tok.top:
                ops.append(tok)
                sides.append(_Side())
            else:
                sides[-1].tokens.append(tok)
        if not ops:
            self.last_clause = None                    # (a row with no relation: no clause for "&\iff C" to go on from)
            if statement.after_arrow:
                self.carry = None
                return
            self._lone(sides[0])
            return
        clauses = _clauses(sides, ops)
        before = len(self.out)
        for k, (clause_sides, clause_ops) in enumerate(clauses):
            self._clause(clause_sides, clause_ops, may_continue=k == 0)
            if k + 1 < len(clauses):
                left = clause_sides
                if k == 0 and len(clause_sides) == 1 and clause_sides[0].empty() \
                        and self.last_clause is not None:
                    left = self.last_clause        # "A &\iff B \\ &\iff C": the row goes on from B
                self._implication(left, clauses[k + 1][0], ops)
                self.carry = None
        last = clauses[-1][0]
        self.last_clause = last if last and not last[0].empty() and not statement.after_arrow else None
        if statement.after_arrow:
            self.out[before:] = [replace(r, after_arrow=True) for r in self.out[before:]]
            self.carry = None
        if statement.condition:
            self.out[before:] = [replace(r, condition=statement.condition) for r in self.out[before:]]

    def _lone(self, side: _Side) -> None:
        text = side.text()
        if not text or _EQUATION_NUMBER.match(text):
            return
        self.carry = None if _is_prose(text) else _Carry(text, from_relation=False)

    def _clause(self, sides: list[_Side], ops: list[Token], may_continue: bool) -> None:
        """``s0 op1 s1 op2 s2 …``: the pairs (s0, s1), (s1, s2)…, s0 carried over when empty."""
        lhs: _Carry | None = None
        lhs_start: int | None = None
        if not sides[0].empty():
            lhs, lhs_start = _Carry(sides[0].text(), from_relation=False), sides[0].start
        elif may_continue:
            lhs = self.carry
        self.carry = None
        for op, rhs in zip(ops, sides[1:], strict=True):
            if rhs.empty():
                lhs, lhs_start = None, None
                continue
            if lhs is not None and op.op == "=:":          # "… = softmax(x)_j =: p_j": p_j := softmax(x)_j
                start = lhs_start if lhs_start is not None else _with_alignment(self.block.tex, op.start)
                self.out.append(Relation(
                    lhs=rhs.text(), op=":=", rhs=lhs.text, line=self._line(op.start),
                    end_line=self._line(rhs.end - 1), tex=self.block.tex[start:rhs.end].strip(),
                    chained=False, display=self.block.display, block=self.block))
            elif lhs is not None:
                start = lhs_start if lhs_start is not None else _with_alignment(self.block.tex, op.start)
                self.out.append(Relation(
                    lhs=lhs.text, op=op.op or "==", rhs=rhs.text(), line=self._line(op.start),
                    end_line=self._line(rhs.end - 1), tex=self.block.tex[start:rhs.end].strip(),
                    chained=lhs.from_relation, display=self.block.display, block=self.block))
            lhs, lhs_start = _Carry(rhs.text(), from_relation=True), rhs.start
        self.carry = lhs if lhs is not None and lhs.from_relation else None

    def _implication(self, left: list[_Side], right: list[_Side], ops: list[Token]) -> None:
        """``(left clause) implies (right clause)``, when both are there."""
        first, last = left[0] if not left[0].empty() else None, right[-1]
        if first is None or last.empty():
            return
        op = next((o for o in ops if o.start >= _clause_end(left) and o.op == "implies"), None)
        if op is None:
            return
        start, end = first.start, last.end
        self.out.append(Relation(
            lhs=_source(self.block.tex, first.start, op.start), op="implies",
            rhs=_source(self.block.tex, op.end, end), line=self._line(op.start), end_line=self._line(end - 1),
            tex=self.block.tex[start:end].strip(), chained=False, display=self.block.display, block=self.block,
            arrow=arrow_kind(op.text)))


_IMPLIED = frozenset({"\\Leftarrow", "\\Longleftarrow", "\\impliedby", "⇐", "⟸", "<=="})
_IFF = frozenset({"\\iff", "\\Leftrightarrow", "\\Longleftrightarrow", "<=>", "⇔", "⟺"})


def arrow_kind(text: str) -> str:
    """What an arrow claims: "implies" (⇒), "implied" (⇐) or "iff" (⇔)."""
    text = text.strip()
    return "implied" if text in _IMPLIED else "iff" if text in _IFF else "implies"


def _with_alignment(tex: str, start: int) -> int:
    """Start a carried-over relation's text at its row's ``&`` (``&= c``), if right before the operator."""
    before = tex[:start].rstrip()
    return len(before) - 1 if before.endswith("&") else start


def _clauses(sides: list[_Side], ops: list[Token]) -> list[tuple[list[_Side], list[Token]]]:
    """Split ``s0 op1 s1 …`` at ``implies`` operators into independent clauses."""
    out: list[tuple[list[_Side], list[Token]]] = [([sides[0]], [])]
    for op, side in zip(ops, sides[1:], strict=True):
        if op.op == "implies":
            out.append(([side], []))
        else:
            out[-1][1].append(op)
            out[-1][0].append(side)
    return out


def _clause_end(sides: list[_Side]) -> int:
    ends = [s.end for s in sides if not s.empty()]
    return max(ends) if ends else 0


def _source(tex: str, start: int, end: int) -> str:
    """A stretch of source as a side: alignment marks and directives removed, spaces collapsed."""
    return _Side(side_tokens(tex[start:end])).text()


def _without_directives(tex: str) -> str:
    return re.sub(r"\\(?:tag\*?|label)\s*\{[^{}]*\}|\\(?:nonumber|notag)\b", "", tex)


def _is_prose(text: str) -> bool:
    """A lone row that reads as prose (``thus,``, Chinese text), not as a left side."""
    if _CJK.search(text) or text.endswith((",", ";", ":")):
        return True
    plain = re.sub(r"\\text\s*\{([^{}]*)\}", r"\1", text).strip().rstrip(",.;:").strip().lower()
    return plain in PROSE_WORDS or (text.startswith("\\text") and " " in plain)


# -- statements of a row ---------------------------------------------------------------------------
def _statements(row: Row) -> list[_Statement]:
    """Cut a row into statements at ``\\quad``, prose and commas (see the module's conventions).
    A condition (``\\text{if } i \\ne j:``, ``\\quad \\text{for } x \\ge 0``, ``c \\in S``) is kept as
    the ``condition`` of the statements it governs: those after it up to the row's end when a colon
    ends it, else the statement before it."""
    out: list[_Statement] = [_Statement()]
    dropping: list[Token] | None = None   # a condition or justification being read, to a ':' or the row's end
    keep = ""                             # what kind of text it is: a condition (kept) or not ("")
    governing = ""                        # the condition of the statements after a 'condition:'
    seen_op = False
    toks = row.tokens
    for k, tok in enumerate(toks):
        if tok.top:
            role = _role(tok, toks, k, seen_op)
            if dropping is not None:
                if role == "colon-end":
                    governing = _joined(keep, dropping) if keep else governing
                    dropping, keep = None, ""
                    seen_op = False
                    out.append(_Statement(soft=False, condition=governing))
                else:
                    dropping.append(tok)
                continue
            if role == "colon-end" and _case_label(out[-1].tokens) \
                    and any(t.kind == "rel" for t in toks[k + 1:]):
                # "p_t = 0.9:&\quad \mathrm{CE} = …": a case the rest of the row is written for
                governing = _joined("cond", out[-1].tokens, governing)
                out[-1] = _Statement(soft=False, condition=governing)
                seen_op = False
                continue
            if role in ("quad", "connector"):
                out.append(_Statement(soft=role == "quad", after_arrow=out[-1].after_arrow and role == "quad",
                                      condition=governing if role == "quad" else ""))
                seen_op = False
                continue
            if role == "arrow":
                out.append(_Statement(soft=False, after_arrow=True))
                seen_op = False
                continue
            if role == "drop":
                dropping, keep = [], _condition_kind(tok)
                if tok.text in MEMBERSHIP or tok.text in QUANTIFIERS:
                    dropping = _drop_member_name(out[-1]) + ([tok] if tok.text in MEMBERSHIP else [])
                continue
            if role == "space":
                out[-1].tokens.append(Token("space", " ", tok.start, tok.end))
                continue
        elif dropping is not None:
            dropping.append(tok)
            continue
        if tok.kind == "rel" and tok.top:
            seen_op = True
        out[-1].tokens.append(tok)
    if dropping is not None and keep:                 # "a = b \quad \text{for } x \ge 0": the statement before
        target = next((st for st in reversed(out) if any(t.kind == "rel" and t.top for t in st.tokens)), None)
        if target is not None:
            target.condition = _joined(keep, dropping, target.condition)
    result: list[_Statement] = []
    for statement in out:
        conditioned = False                  # "\quad a > 0, b > 0": the pieces after a condition are conditions too
        for piece in _comma_statements(statement):
            bare = _unbracketed(piece.tokens)
            if (piece.soft or conditioned) and result and (_condition_text(bare) or _parenthesized(piece.tokens) and _pin_text(bare)) \
                    and (_names(bare) <= _names(result[-1].tokens)
                         or _parenthesized(piece.tokens) and _NOT_EQUAL.search("".join(t.text for t in bare))
                         and bool(_names(bare) & _names(result[-1].tokens))) \
                    and any(t.kind == "rel" and t.top for t in result[-1].tokens):
                # ("q_k = \frac{\varepsilon}{K} \quad (k \ne c)": the other entries than the class c)
                # "\sqrt{y^2} = y \qquad (y > 0)": a condition on the names of the statement before it
                result[-1].condition = _joined("cond", bare, result[-1].condition)
                conditioned = True
                continue
            conditioned = False
            result.append(piece)
    return result


def _unbracketed(tokens: list[Token]) -> list[Token]:
    """The tokens without surrounding spaces, a final full stop and one pair of brackets around them all."""
    toks = list(tokens)
    while toks and (toks[0].kind == "space" or toks[0].kind == "comma"):
        toks = toks[1:]
    while toks and (toks[-1].kind == "space" or toks[-1].text in (".", ",", ";")):
        toks = toks[:-1]
    if len(toks) >= 2 and toks[0].kind == "popen" and toks[-1].kind == "pclose":
        return toks[1:-1]
    return toks


_NOT_EQUAL = re.compile(r"\\neq?(?![A-Za-z])|≠")
_INEQUALITY_TEXT = re.compile(r"\\(?:leq?|geq?|neq?|lt|gt)(?![A-Za-z])|[<>≤≥≠]")


def _condition_text(tokens: list[Token]) -> bool:
    """``y > 0``, ``0 < p < 1`` as written (brackets taken off): inequalities between single names
    or numbers."""
    text = "".join(t.text for t in tokens).strip()
    sides = _INEQUALITY_TEXT.split(text)
    return len(sides) >= 2 and all(_simple_side(side) for side in sides)


_NORM_SIDE = re.compile(r"\A(?:\\left)?(?:\||\\\||\\lvert|\\lVert)\s*\\?[A-Za-z]+(?:_\{?\w+\}?)?\s*(?:\\right)?"
                        r"(?:\||\\\||\\rvert|\\rVert)\Z")
_CONSTANT_OVER = re.compile(r"\A-?\s*(?:\d+(?:\.\d+)?|\\pi|\\?[A-Za-z])\s*/\s*\d+\Z")


def _simple_side(side: str) -> bool:
    """A side of a condition as written: a name or a number (``y``, ``1``, ``\\tfrac12``), a list of
    names (``a, b > 0``), an absolute value or norm of a name (``|x| < 1``, ``\\|w\\| \\le 1``), or a
    name or π over a number (``|x| < \\pi/2``)."""
    side = side.strip()
    if "," in side:
        return all(_ATOM.match(part.strip()) for part in side.split(","))
    return bool(_ATOM.match(side) or _FRACTION.match(side) or _NORM_SIDE.match(side) or _CONSTANT_OVER.match(side))


def _parenthesized(tokens: list[Token]) -> bool:
    toks = [t for t in tokens if t.kind not in ("space", "comma") and t.text not in (".", ",", ";")]
    return len(toks) >= 2 and toks[0].kind == "popen" and toks[-1].kind == "pclose"


def _pin_text(tokens: list[Token]) -> bool:
    """``p = 1/2`` in brackets after a relation (``… = 0 \\quad (p = 1/2)``): the value it holds at."""
    text = "".join(t.text for t in tokens).strip()
    sides = text.split("=")
    return len(sides) == 2 and bool(_ATOM.match(sides[0].strip())) and not sides[0].strip()[:1].isdigit() and bool(
        _FRACTION.match(sides[1].strip()) or re.fullmatch(r"-?\s*\d+(?:\.\d+)?", sides[1].strip()))


_FRACTION = re.compile(r"\A-?\s*(?:\d+\s*/\s*\d+|\\[dt]?frac\s*(?:\{\s*\d+\s*\}|\d)\s*(?:\{\s*\d+\s*\}|\d))\Z")
"""A number written as a fraction (``1/2``, ``\\frac{1}{2}``, ``\\tfrac12``): a side of a condition."""


def _names(tokens: list[Token]) -> set[str]:
    """The one-letter and command names written in ``tokens`` (``y``, ``\\theta``)."""
    text = "".join(t.text for t in tokens)
    text = re.sub(r"_\{([A-Za-z]{2,4})\}", lambda m: "_{" + " ".join(m.group(1)) + "}", text)   # δ_{ij}: i and j
    return set(re.findall(r"\\[A-Za-z]+|(?<![\\A-Za-z])[A-Za-z](?![A-Za-z])", text)) - {
        "\\sqrt", "\\frac", "\\tfrac", "\\dfrac", "\\left", "\\right", "\\ge", "\\le", "\\geq", "\\leq", "\\ne", "\\neq", "\\lt", "\\gt",
        "\\leqslant", "\\geqslant", "\\pi", "\\infty"}        # (relation commands and constants are no names: "(i \\neq j)")


CONDITIONS = frozenset({"if", "for", "when", "whenever", "where", "given", "provided", "assuming", "with",
                        "at", "s.t.", "such", "unless", "otherwise", "iff", "wherever", "whereas", "on", "over",
                        "throughout", "across"})
"""First words of a ``\\text{…}`` whose formula restricts the relation (kept as its ``condition``);
the other dropped texts justify it (``\\text{by (1)}``, ``\\text{since …}``) and are ignored."""


def _condition_kind(tok: Token) -> str:
    """"cond" for a condition (with its words when they say more than "if"/"for": "for some"), "" else."""
    if tok.text in MEMBERSHIP or tok.text in QUANTIFIERS:
        return "cond"
    if tok.kind != "text":
        return ""
    words = (tok.name or "").strip().lower().replace(",", " ").split()
    if not words or words[0] not in CONDITIONS:
        return ""
    rest = [w for w in words[1:] if w not in ("all", "any", "every", "each", "the", "case", "that")
            and not (words[0] in ("on", "over", "throughout", "across")     # "\text{on the interval } (0, 1)"
                     and w in ("whole", "open", "closed", "interval", "half-line", "domain", "range", "set"))]
    if words[0] in ("unless", "otherwise") or rest:
        return "words:" + " ".join(words)
    return "cond"


def _joined(kind: str, tokens: list[Token], before: str = "") -> str:
    """The condition's TeX (``?words …`` when its words make it unusable as a hypothesis)."""
    tex = "".join(t.text for t in tokens).strip().rstrip(",.;:").strip()
    if kind.startswith("words:"):
        tex = f"?{kind[6:]} {tex}".strip()
    if before:
        return f"{before}; {tex}" if tex else before          # (";" joins conditions: "a > 0, b > 0")
    return tex


def _drop_member_name(statement: _Statement) -> list[Token]:
    """``f(x) = g(x), c \\in R``: the ``c`` after the last top-level comma belongs to the membership
    (returned, the comma left out)."""
    toks = statement.tokens
    last_op = max((k for k, t in enumerate(toks) if t.kind == "rel" and t.top), default=-1)
    comma = max((k for k, t in enumerate(toks) if t.kind == "comma" and t.top), default=-1)
    if comma > last_op >= 0:
        name = toks[comma + 1:]
        del toks[comma:]
        return name
    return []


def _role(tok: Token, toks: list[Token], k: int, seen_op: bool) -> str:
    """What ``tok`` (``toks[k]``), at the top level, does to the statements of its row."""
    if tok.kind == "quad":
        following = next((t for t in toks[k + 1:k + 40] if t.kind not in ("space", "amp", "quad")), None)
        preceding = next((t for t in reversed(toks[max(0, k - 40):k]) if t.kind not in ("space", "amp", "quad")),
                         None)
        if any(t is not None and t.kind == "rel" and t.op == "implies" for t in (following, preceding)):
            return "space"               # "a = 0 \quad\Longleftrightarrow\quad b = 0": the arrow joins them
        return "space" if following is not None and following.text in BINARY else "quad"
    if tok.kind == "text":
        return _text_role(tok.name or "")
    if tok.kind == "word" and tok.text in QUANTIFIERS:
        return "drop"
    if tok.kind == "word" and tok.text in MEMBERSHIP and seen_op:
        return "drop"
    if tok.kind == "colon":
        return "colon-end"
    if tok.kind == "word" and tok.text.replace(" ", "") in ARROWS:
        return "arrow"
    return "keep"


def _text_role(content: str) -> str:
    """``\\text{…}``: spacing, a connector, the start of a condition, or part of the expression."""
    words = content.strip().lower().replace(",", " , ").split()
    if not words:
        return "space"
    first = words[0]
    if first in CONNECTOR_WORDS or first == ",":
        return "connector"
    if first in CONDITION_WORDS or first.startswith(("(", "（", "[")) or _CJK.search(content) or len(words) > 1:
        return "drop"
    return "keep"


def _comma_statements(statement: _Statement) -> list[_Statement]:
    """``x = 1, y = 2`` → two statements; ``y = a, b, c`` stays one; ``f(x) = …, x > 0`` drops the
    condition."""
    parts: list[list[Token]] = [[]]
    for tok in statement.tokens:
        if tok.kind == "comma" and tok.top:
            parts.append([])
        parts[-1].append(tok)
    shared = _shared_bounds(parts)
    if shared is not None:
        return [_Statement(tokens, statement.soft and k == 0, statement.after_arrow, statement.condition)
                for k, tokens in enumerate(shared)]
    out: list[_Statement] = []
    for part in parts:
        has_op = any(t.kind == "rel" and t.top for t in part)
        body = part[1:] if part and part[0].kind == "comma" else part
        if not out:
            out.append(_Statement(list(part), statement.soft, statement.after_arrow, statement.condition))
            continue
        current_has_op = any(t.kind == "rel" and t.top for t in out[-1].tokens)
        if current_has_op and _is_condition(body) and _is_condition(_unbracketed(out[-1].tokens)):
            out.append(_Statement(list(body), soft=False, after_arrow=statement.after_arrow,
                                  condition=statement.condition))      # "a < b, c < d": two conditions
            continue
        if current_has_op and _is_condition(body):        # "\sqrt{z^2} = z, \; z \ge 0": its condition
            out[-1].condition = _joined("cond", body, out[-1].condition)
            continue
        if current_has_op and _is_membership(body):
            continue
        if has_op and current_has_op:
            out.append(_Statement(list(body), soft=False, after_arrow=statement.after_arrow,
                                  condition=statement.condition))
        else:
            out[-1].tokens.extend(part)
    return out


def _shared_bounds(parts: list[list[Token]]) -> list[list[Token]] | None:
    """``0 < \\beta_1, \\beta_2 < 1``: bounds written once for a list of names, one chain per name
    (``0 < \\beta_1 < 1``, ``0 < \\beta_2 < 1``), or one lower end (``0 < a, b``); None for anything
    else.  Only ends that are numbers (``2\\pi``, ``\\frac{1}{2}``) and a list of single names: ``s \\le S,
    t \\le T`` are two bounds, not shared ones."""
    if len(parts) < 2:
        return None
    def ops(part: list[Token]) -> list[int]:
        return [k for k, t in enumerate(part) if t.kind == "rel" and t.top]
    def solid(tokens: list[Token]) -> list[Token]:
        return [t for t in tokens if t.kind not in ("space", "amp", "comma")]
    def atom(tokens: list[Token]) -> bool:
        text = "".join(t.text for t in solid(tokens))
        return bool(text) and bool(_ATOM.match(text))
    def number(tokens: list[Token]) -> bool:         # 0, 1, 2\pi, \frac{1}{2}, -1: an end without names
        text = "".join(t.text for t in solid(tokens)).replace(" ", "")
        return bool(re.fullmatch(r"[-+]?(?:\d+(?:\.\d+)?|\\frac\{\d+\}\{\d+\}|\d*\\pi|\\pi/\d+|\d+/\d+)", text))
    first, last, middle = parts[0], parts[-1], parts[1:-1]
    o1, o2 = ops(first), ops(last)
    if len(o1) != 1 or len(o2) > 1 or any(ops(part) for part in middle):
        return None
    op1 = first[o1[0]]
    lower, name1 = first[:o1[0]], first[o1[0] + 1:]
    if op1.op not in _INEQUALITIES - {"!="} or not number(lower):
        return None
    if not o2:                                       # "0 < a, b": a lower end for each name
        names = [name1, *middle, last]
        if not all(atom(n) and not number(n) for n in names):
            return None
        return [[*lower, op1, *solid(name)] for name in names]
    op2 = last[o2[0]]
    if op2.op not in _INEQUALITIES - {"!="} or (op1.op[0] == "<") != (op2.op[0] == "<"):
        return None
    namek, upper = last[:o2[0]], last[o2[0] + 1:]
    names = [name1, *middle, namek]
    if not number(upper) or not all(atom(n) and not number(n) for n in names):
        return None                                  # "s \le S, t \le T": two bounds, no shared ends
    return [[*lower, op1, *solid(name), op2, *upper] for name in names]


def _is_condition(part: list[Token]) -> bool:
    """``x > 0``, ``0 < \\phi < 1``, ``i \\neq j``: inequalities between single names or numbers."""
    ops = [t for t in part if t.kind == "rel" and t.top]
    if not ops or any(o.op not in _INEQUALITIES for o in ops):
        return False
    sides: list[list[str]] = []
    current: list[str] = []
    for tok in part:
        if any(tok is o for o in ops):
            sides.append(current)
            current = []
        elif tok.kind not in ("space", "amp"):
            current.append(tok.text)
    sides.append(current)
    return all(_ATOM.match("".join(side)) for side in sides)


def _case_label(part: list[Token]) -> bool:
    """``p_t = 0.9``, ``x > 0``, ``K = 2`` written before a colon: one relation between single names or
    numbers (fractions too) — the case what follows the colon is written for."""
    ops = [t for t in part if t.kind == "rel" and t.top]
    if len(ops) != 1:
        return False
    text = "".join(t.text for t in part if t.kind not in ("space", "amp")).strip()
    sides = text.split(ops[0].text, 1)
    return len(sides) == 2 and all(_ATOM.match(side.strip()) or _FRACTION.match(side.strip())
                                   or re.fullmatch(r"-?\d*\.\d+", side.strip()) for side in sides)


def _is_membership(part: list[Token]) -> bool:
    return not any(t.kind == "rel" and t.top for t in part) and any(t.top and t.text in MEMBERSHIP for t in part)


__all__ = ["OPS", "Relation", "relations"]



def sides_of_arrows(found: list[Relation]) -> set[int]:
    """The positions of the relations written inside the sides of an arrow whose sides are chains
    (``-1 < q < 1 \\iff 0 < \\eta < 2/a``: the four inequalities): each is part of one side of an
    implication or an equivalence.  (With one relation each side, ``a = b \\Rightarrow c = d``, the
    reader checks the conclusion under the premise instead.)"""
    def inside(rel: Relation, side: str) -> bool:
        flat = " ".join(side.split())
        return " ".join(rel.lhs.split()) in flat and " ".join(rel.rhs.split()) in flat

    out: set[int] = set()
    for m, arrow in enumerate(found):
        if arrow.op != "implies":
            continue
        before, after = [], []
        j = m - 1
        while j >= 0 and found[j].op != "implies" and (found[j].end_line >= arrow.line or found[j].block is not None
                                                       and found[j].block is arrow.block) and inside(found[j], arrow.lhs):
            # (the premise may end on a line above its arrow: "Σ … = 0 \n \Longleftrightarrow \n e^ŵ = …")
            before.append(j)
            j -= 1
        j = m + 1
        while j < len(found) and found[j].op != "implies" and found[j].line <= arrow.end_line \
                and inside(found[j], arrow.rhs):
            after.append(j)
            j += 1
        if len(before) > 1 or len(after) > 1:      # one relation each side: a premise and its conclusion
            out |= {*before, *after}
    return out
