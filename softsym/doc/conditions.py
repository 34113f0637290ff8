"""Conditions a document writes beside its relations: in the row (``\\text{if } i \\ne j:``, ``\\quad
\\text{for } x \\ge 0``), after a display or an inline relation (``… when $c$``), ranges of indices
(``i = 1, \\ldots, K``), bounds on parameters (``T > 0``, ``p \\in (0, 1)``), one-hot targets; and which of
them a relation's hypotheses keep."""
from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp

from ..domain import Bound, Domain
from ..rewrite import substitute_free
from .chains import Relation, column_on_line
from .blocks import list_lead_in_line
from .hedges import EXCEPTING, FROM_HERE_ON, negation_in, sentence_around, unplain
from .names import as_relational, is_atomic, names_in, plain_context

_CONDITION_JOINERS = re.compile(r"\\(?:text|mbox|textrm)\s*\{\s*(?:and|,)\s*\}|\\(?:wedge|land)\b|;")

_INTERVAL = re.compile(r"^\s*(?P<name>[^,]+?)\s*\\in\s*(?:\\left)?(?P<open>[\(\[])(?P<lo>[^,]+),(?P<hi>[^,]+?)"
                       r"(?:\\right)?(?P<close>[\)\]])\s*$")

_BARE_SET = re.compile(r"^\s*(?:(?:\\left)?(?P<open>[\(\[])(?P<lo>[^,\[\]()]+),(?P<hi>[^,\[\]()]+?)(?:\\right)?(?P<close>[\)\]])"
                       r"|\\mathbb\s*\{?\s*R\s*\}?\s*(?:_\s*\{\s*(?P<sign>>\s*0|\\geq?\s*0|\+)\s*\}|(?:_|\^)\s*(?P<plus>\+)))\s*$")
"""A set written alone as a relation's condition ("on $(0, \\infty)$", "over $[0, 1]$", "on $\\mathbb{R}_{>0}$"): the
range of the relation's one name."""


def bare_set(text: str) -> bool:
    """Whether a relation's condition is a set written alone (``(0, \\infty)``): the range of its one name."""
    return bool(_BARE_SET.match(text))


def _as_interval(m: re.Match) -> str:
    """The interval ``_BARE_SET`` matched, written as ``_INTERVAL`` reads it."""
    if m.group("open"):
        return f"{m.group('open')}{m.group('lo')},{m.group('hi')}{m.group('close')}"
    return "[0,\\infty)" if m.group("sign") and m.group("sign").startswith("\\ge") else "(0,\\infty)"


_DOMAIN_AFTER = re.compile(r"^\s*,?\s*(?:on|over|throughout|across|in)\s+(?:the\s+(?:whole\s+)?(?:open\s+|closed\s+)?"
                           r"(?:interval|half-line|domain|range|set)\s+)?\$(?P<set>[^$]+)\$(?!\$)")
"""The words after an inline relation that give the range of its name: "$f''(x) = -1/x^2 < 0$ on $(0, \\infty)$"."""


def domains_in_words(lines: list[str], found: list[Relation]) -> list[Relation]:
    """``found`` with the relations of an inline block followed on its line by "on $(0, \\infty)$" (over, throughout,
    in the interval …) given that set as their condition: the range of the relation's one name (row_condition)."""
    out = list(found)
    for k, rel in enumerate(found):
        block = rel.block
        if block is None or block.display or block.line != block.end_line or rel.condition \
                or not 1 <= block.line <= len(lines):
            continue
        line = lines[block.line - 1]
        at = column_on_line(line, rel)
        end = line.find("$", at) if at >= 0 else -1
        if end < 0 or line[end + 1:end + 2] == "$":
            continue
        m = _DOMAIN_AFTER.match(line[end + 1:])
        if m is not None and _BARE_SET.match(m.group("set")):
            out[k] = replace(rel, condition=m.group("set").strip())
    return out


_NO_RESTRICTION = re.compile(r"^\s*(?:[^,]+?\s*\\in\s*\\mathbb\s*\{?\s*R\s*\}?(?:\s*\^\s*\{?[^{}]*\}?)?"
                             r"|\\?[A-Za-z]+(?:_\{?\w+\}?)?)\s*$")


def row_condition(text: str, context, lhs: sp.Basic, rhs: sp.Basic,
                  unfolded: tuple[sp.Basic, sp.Basic] | None = None) -> tuple[list[sp.Basic], str]:
    """The hypotheses a condition written in the row gives (``i \\neq j``, ``x \\ge 0``,
    ``0 < p < 1``, ``x \\in (0, 1)``), and what could not be used of it (its text), if anything.
    The condition's names are the relation's (an index stays an integer).  A bare set (``(0, \\infty)``) is the
    range of the relation's one name — of the one name its sides unfold to (``unfolded``), where given: "Let
    $u = \\log x$. Then $u < 0$ on $(0, 1)$" ranges x."""
    from ..latex import Unparsed, parse_tex
    if not text:
        return [], ""
    if text.startswith("?"):
        return [], text[1:]
    symbols = {s.name: s for s in sp.Tuple(lhs, rhs, *(unfolded or ())).atoms(sp.Symbol)}
    out: list[sp.Basic] = []
    for piece in _CONDITION_JOINERS.split(text):
        piece = piece.strip().strip(",").strip()
        if not piece or _NO_RESTRICTION.match(piece):
            continue
        ranged = re.match(r"^\s*[A-Za-z]\s*=\s*(.*)$", piece)
        if ranged is not None and _INDEX_RANGE.match(ranged.group(1)):
            continue                                  # i = 1, …, K: the index's range (the conventions give it)
        m = _INTERVAL.match(piece)
        bare = _BARE_SET.match(piece)
        if m is None and bare is not None:      # "… > 0 \quad \text{on } (0, \infty)": of the relation's one name
            own = sorted({x.name for x in sp.Tuple(*(unfolded or (lhs, rhs))).free_symbols
                          if isinstance(x, sp.Symbol) and not x.is_integer})
            if len(own) != 1:
                return out, text
            piece = f"{own[0]} \\in {_as_interval(bare)}"
            m = _INTERVAL.match(piece)
        try:
            if m is not None:
                name, lo, hi = (parse_tex(m.group(g), context) for g in ("name", "lo", "hi"))
                low = sp.Lt if m.group("open") == "(" else sp.Le
                high = sp.Lt if m.group("close") == ")" else sp.Le
                found = [low(lo, name), high(name, hi)]
            else:
                found = _condition_relations(piece, context)
        except Unparsed:
            return out, text
        if found is None:
            return out, text
        out.extend(c.xreplace({x: symbols[x.name] for x in c.free_symbols if isinstance(x, sp.Symbol)
                               and x.name in symbols}) for c in found)
    return out, ""

_CONDITION_OPS = re.compile(r"\\neq\b|\\ne\b|\\leq\b|\\le\b|\\geq\b|\\ge\b|\\lt\b|\\gt\b|<|>|=|≠|≤|≥")

_CONDITION_MAKERS = {"\\neq": "!=", "\\ne": "!=", "≠": "!=", "\\leq": "<=", "\\le": "<=", "≤": "<=",
                     "\\geq": ">=", "\\ge": ">=", "≥": ">=", "\\lt": "<", "<": "<", "\\gt": ">", ">": ">",
                     "=": "=="}


def _condition_relations(piece: str, context) -> list[sp.Basic] | None:
    """``a < x \\le b`` / ``i \\ne j`` / ``a, b > 0`` as relationals (None: not such a condition)."""
    from ..latex import parse_tex
    ops = list(_CONDITION_OPS.finditer(piece))
    if not ops:
        return None
    parts = [piece[:ops[0].start()]] + [piece[a.end():b.start()] for a, b in zip(ops, ops[1:])]\
        + [piece[ops[-1].end():]]
    if len(ops) == 1 and _LIST_NAMES.match(parts[0]):
        names = [parse_tex(x, context) for x in parts[0].split(",")]
        bound = parse_tex(parts[1], context)
        return [c for c in (as_relational(_CONDITION_MAKERS[ops[0].group()], x, bound) for x in names) if c is not None]
    values = [parse_tex(x, context) for x in parts]
    found = [as_relational(_CONDITION_MAKERS[op.group()], a, b) for op, a, b in zip(ops, values, values[1:])]
    return None if any(c is None for c in found) else found

_LIST_NAMES = re.compile(r"^\s*(?:[A-Za-z]|\\[A-Za-z]+)(?:\s*,\s*(?:[A-Za-z]|\\[A-Za-z]+))+\s*$")

_INDEX_RANGE = re.compile(r"^\s*(?P<lo>[^,]+?)\s*,\s*(?:\\[lc]?dots|\\dotsc|\.\.\.|…)\s*,\s*(?P<hi>[^,]+?)\s*$")

_ONE_HOT = re.compile(r"(?:one[- ]?hot|独热|单热)[^$\n]{0,40}?\$\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*)?"
                      r"([A-Za-z])\s*\}?\s*\$", re.IGNORECASE)


_ONE_HOT_AFTER = re.compile(r"\$\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*)?([A-Za-z])\s*\}?\s*\$\s*"
                            r"(?:(?:be|is|are)\s+(?:an?\s+|the\s+)?(?:(?!(?:not|no|only|approximately|nearly|almost|"
                            r"roughly|close|soft|smoothed|never)\b)[A-Za-z-]+\s+){0,2}|"
                            r"(?:是|为)\s*(?:一个)?\s*(?:对应的|相应的|对应|相应)?\s*)(?:one[- ]?hot|独热|单热)",
                            re.IGNORECASE)


_ONE_HOT_WORDS = re.compile(r"(?<![\\\w])(?:with|let|given)\s+"
                            r"(?:\$\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*)?([A-Za-z])\s*\}?\s*\$|(?!a\b|I\b)([A-Za-z]))"
                            r"\s+(?:(?:be|is)\s+(?:an?\s+)?)?one[- ]?hot\b(?![- ]?(?:[a-z]+s)\b)(?!\s+[a-z]+s\b)",
                            re.IGNORECASE)
"""The same said of a name in plain words, outside math: "with y one-hot", "let y be one-hot" (not "a
one-hot target y", which may name a case: "for a one-hot target y …; for general targets"; nor "n one-hot
rows", a count)."""
_NOT_PLAINLY = re.compile(r"(?i)\b(?:unlike|instead|rather|not|no\s+longer|never|drop\w*|earlier|previous\w*|was|were|"
                          r"if|when|whenever|suppose|case)\b")
"""Words in the sentence that make "with y one-hot" a case, a contrast or the past, not the text's assumption."""


_TRUE_CLASS = re.compile(r"(?i)(?:\b(?:true|correct|target|ground[- ]truth)\s+(?:class|label)|(?:真实|正确|目标)\s*(?:类别|类|标签))"
                         r"\s*(?:is\s+|为|是)?\s*\$\s*([A-Za-z])\s*\$")
_CLASS_NAMED = re.compile(r"(?i)(?:\b(?:true|correct|target|ground[- ]truth)\s+(?:class|label)|(?:真实|正确|目标)\s*(?:类别|类|标签))"
                          r"[^$。.;]{0,30}\$\s*([A-Za-z])")
_SENTENCE_BREAK = re.compile(r"[.;!?。；！？](?:\s|$)|\n\s*\n")


def one_hot_class(text: str, line: int, family: str) -> str | None:
    """The class a one-hot family is one-hot at, when the sentence on ``line`` that calls it one-hot names
    the true class ("若真实类别为 $c$，用 one-hot 向量 $y$ 表示", "the one-hot $y$ of the true class $c$"), or None."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return None
    start = sum(len(x) + 1 for x in lines[:line - 1])
    end = start + len(lines[line - 1])
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, 0, start)]
    begin = breaks[-1] if breaks else 0
    after = _SENTENCE_BREAK.search(text, end)
    sentence = text[begin:after.start() if after else len(text)]
    if not _ONE_HOT.search(sentence) and not _ONE_HOT_AFTER.search(sentence):
        return None
    classes = {m.group(1) for m in _TRUE_CLASS.finditer(sentence)}
    named = {m.group(1) for m in _CLASS_NAMED.finditer(text)}      # "If the true class is $j$" elsewhere too
    return classes.pop() if len(classes) == 1 and family not in classes and named <= classes else None


def names_a_true_class(text: str) -> bool:
    """Whether the words name the true class somewhere ("the true class is $j$")."""
    return bool(_CLASS_NAMED.search(text))


def _sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding ``text[start:end]``."""
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, 0, start)]
    after = _SENTENCE_BREAK.search(text, end)
    return text[breaks[-1] if breaks else 0:after.start() if after else len(text)]


def one_hot_families(text: str) -> list[tuple[int, str]]:
    """``a one-hot target $\\mathbf{y}$``, ``let $y$ be a one-hot target``, ``$y$ 是独热向量``: the family
    the text calls one-hot, by line."""
    found = [(m.start(), m.group(1)) for m in _ONE_HOT.finditer(text)
             if not _NOT_ONE_HOT.search(text[max(0, m.start() - 40):m.start()])
             and not re.search(r"(?i)\b(?:over|on|of|for|in|among|across|with)\b|上的|中的", m.group(0))]
    # ("a one-hot target over $K$ classes": K counts the classes, it is not the one-hot vector)
    found += [(m.start(), m.group(1)) for m in _ONE_HOT_AFTER.finditer(text)
              if not re.search(r"(?i)\b(?:not|no\s+longer|never)\s*$|不", text[m.end() - 40:m.end() - 8])]
    found += [(m.start(), m.group(1) or m.group(2)) for m in _ONE_HOT_WORDS.finditer(text)
              if not _NOT_PLAINLY.search(_sentence_at(text, m.start(), m.end()))
              and text.count("$", 0, m.start()) % 2 == 0]      # (words, not the inside of $…$)
    return sorted((text.count("\n", 0, at) + 1, name) for at, name in found)


_UNIT_NAME = r"\$\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?([a-z])\s*\}?\s*(?:\\in\s*[^$]*)?\$"
_UNIT_WORD = r"unit(?:[-\s]+(?:norm|length|euclidean\s+norm))?\s+vectors?"
_UNIT_PAIR = r"\$\s*([a-z])\s*,\s*([a-z])\s*(?:\\in\s*[^$]*)?\$"
_UNIT_VECTOR = re.compile(
    rf"(?i)\b{_UNIT_WORD}\s+{_UNIT_PAIR}|{_UNIT_PAIR}\s*,?\s*(?:are|be)\s+(?:(?:fixed|given|two|arbitrary|any)\s+)?"
    rf"{_UNIT_WORD}\b"
    rf"|\b{_UNIT_WORD}\s+{_UNIT_NAME}(?:\s*(?:,|and|,\s*and)\s*{_UNIT_NAME})?"
    rf"|{_UNIT_NAME}(?:\s*(?:,|and|,\s*and)\s*{_UNIT_NAME})?\s*,?\s*(?:is|are|be)\s+(?:an?\s+)?(?:(?:fixed|given|two|"
    rf"arbitrary|any)\s+)?{_UNIT_WORD}\b"
    rf"|{_UNIT_NAME}(?:\s*(?:,|and|,\s*and)\s*{_UNIT_NAME})?\s*,?\s*(?:has|have)\s+unit\s+(?:euclidean\s+)?(?:norm|length)\b"
    rf"|单位向量\s*{_UNIT_NAME}|{_UNIT_NAME}\s*(?:是|为)\s*单位向量")
"""Words that make a vector name a unit vector ("a unit vector $u$", "let $u$ and $v$ be unit vectors", "$w$ has
unit norm", "单位向量 $u$"): ‖u‖ = 1 is a hypothesis from there on."""
_NOT_UNIT = re.compile(r"(?i)\b(?:not|no\s+longer|never|nor|instead\s+of|rather\s+than|unlike|need\s+not|non-?)\b[^.;$]{0,20}$|不是\s*$")


def unit_norm_given(name: str, lengths: dict, dimension: sp.Symbol) -> sp.Basic:
    """Σ_k u_k² = 1 over the vector's length: what "u is a unit vector" says that the relations use."""
    k = sp.Symbol("k_unit", integer=True)
    lo, hi = lengths.get(name, (sp.Integer(1), dimension))
    return sp.Eq(sp.Sum(sp.IndexedBase(name, real=True)[k] ** 2, (k, lo, hi)), 1)


_SYMMETRIC = re.compile(
    r"(?i)\bsymmetric(?:al)?\b(?:\s+(?:non-?negative|nonnegative|positive|real|edge|affinity|similarity|adjacency|"
    r"weight|kernel|and|,))*\s*(?:weights?|matrix|matrices|affinities|similarities|kernels?|adjacency)?\s*"
    r"\$\s*(?:\\mathbf\s*\{\s*)?([A-Za-z])\s*\}?\s*(?:_\s*\{\s*[a-z]\s*,?\s*[a-z]\s*\})?\s*\$"
    r"|\$\s*(?:\\mathbf\s*\{\s*)?([A-Za-z])\s*\}?\s*(?:_\s*\{\s*[a-z]\s*,?\s*[a-z]\s*\})?\s*\$\s*(?:is|are)\s+"
    r"(?:a\s+)?symmetric\b|对称(?:的)?(?:非负)?(?:权重|矩阵)?\s*\$\s*([A-Za-z])")
"""Words that call a two-index family symmetric ("symmetric non-negative weights $w_{ij}$", "$W$ is symmetric")."""


def symmetric_families(text: str) -> list[tuple[int, str]]:
    """The two-index families the words call symmetric, by line (both w and W when a matrix W is, its entries
    written w_{ij} as often as W_{ij}) — not where a word before denies it ("not symmetric", "asymmetric")."""
    out = []
    for m in _SYMMETRIC.finditer(text):
        if re.search(r"(?i)\b(?:not|non|never|no\s+longer|need\s+not)\s*$|不", text[max(0, m.start() - 20):m.start()]):
            continue
        name = next(g for g in m.groups() if g)
        line = text.count("\n", 0, m.start()) + 1
        out += [(line, name), (line, name.lower() if name.isupper() else name.upper())]
    return sorted(set(out))


def unit_vectors(text: str) -> list[tuple[int, str]]:
    """The vector names the words make unit vectors, by line (:data:`_UNIT_VECTOR`) — not where a word before it
    denies it ("$u$ is not a unit vector", "instead of a unit vector $u$"), nor the inside of math."""
    from .hedges import negation_in
    found = []
    for m in _UNIT_VECTOR.finditer(text):
        sentence = _sentence_at(text, m.start(), m.end())
        before = sentence[:max(0, sentence.find(m.group(0)))] if m.group(0) in sentence else ""
        if text.count("$", 0, m.start()) % 2 or _NOT_UNIT.search(text[max(0, m.start() - 40):m.start()]) \
                or re.search(r"(?i)\b(?:not|never|no\s+longer)\b|不是", m.group(0)) or negation_in(sentence) \
                or re.search(r"(?i)\b(?:if|when|whenever|unless|whether|suppose\s+not|in\s+case)\b|如果|若", before):
            continue                # ("We cannot assume that $u$ and $v$ are unit vectors", "If $u$ is a unit
            #                         vector, …": a case, not what the text takes)
        line = text.count("\n", 0, m.start()) + 1
        found += [(line, name) for name in m.groups() if name]
    return sorted(set(found))


_NOT_ONE_HOT = re.compile(r"(?i)\b(?:instead\s+of|rather\s+than|unlike|not|no\s+longer|never|nor)\s+(?:an?\s+|the\s+)?$"
                          r"|不是\s*$|而非\s*$")
"""Words that deny the family is one-hot ("Instead of a one-hot target $y$, …")."""


def sums_to_one(family: str, lengths: dict, dimension: sp.Symbol) -> sp.Basic:
    """Σ_k y_k = 1 over the family's length: what "y is one-hot" says that the relations use."""
    k = sp.Symbol("k_hot", integer=True)
    lo, hi = lengths.get(family, (sp.Integer(1), dimension))
    return sp.Eq(sp.Sum(sp.IndexedBase(family, real=True)[k], (k, lo, hi)), 1)

OP_TEX = {"==": "=", "<=": "\\le", "<": "<", ">=": "\\ge", ">": ">", "!=": "\\ne", ":=": "=",
           "approx": "\\approx", "propto": "\\propto", "implies": "\\Rightarrow"}

_TRAILING_WORDS = re.compile(r"^\s*[,:]?\s*\(?\s*(?:(?:which\s+|this\s+|it\s+)?(?:holds|is\s+valid|is\s+true|valid|true)"
                             r"\s+)?(?:only\s+|exactly\s+|precisely\s+|just\s+)?(?:when|whenever|if|if\s+and\s+only\s+if|iff|provided(?: that)?|as long as|assuming|given|"
                             r"except\s+(?:when|if|for)|unless|(?:but\s+)?not\s+(?:for|when|if)|"
                             r"for(?:\s+(?:all|every|any|each))?|(?:on|over)(?:\s+the\s+(?:interval|range|set|domain|half-line))?|"
                             r"当|若|如果|只要|对于)\s*$", re.IGNORECASE)
_TRAILING_WEAK = re.compile(r"^\s*[,:]?\s*\(?\s*(?:with|where)\s*$", re.IGNORECASE)
""""with $x \\ge 0$", "where $q > 0$" after a display: a condition when what follows is an inequality
("where $\\kappa = L/\\mu$" names something instead)."""
_INEQUALITY_TEX = re.compile(r"\\(?:leq?|geq?|neq?|lt|gt)(?![A-Za-z])|[<>≤≥≠]")


def _trailing(prefix: str, tex: str) -> bool:
    """Whether ``prefix`` (the words between a display and an inline relation ``tex``) makes the
    relation a condition of the display."""
    if prefix.strip() in ("(", "（") and _SIMPLE_BOUND.fullmatch(tex) and "=" not in tex.replace("\\le", "").replace(
            "\\ge", "").replace("<=", "").replace(">=", ""):
        return True                     # "$\log u \le u - 1$ ($u > 0$)": the range, in parentheses
    return bool(_TRAILING_WORDS.match(prefix)) or bool(_TRAILING_WEAK.match(prefix) and _INEQUALITY_TEX.search(tex))


_NEGATING = re.compile(r"(?i)\b(?:except|unless|not)\b")
_BOTH_WAYS = re.compile(r"(?i)\b(?:if\s+and\s+only\s+if|iff|only\s+if|(?:exactly|precisely|just)\s+(?:when|if))\b")


_BOUND_PART = r"\s*(?:-?\s*\d+(?:\.\d+)?|\\infty|\\pi|(?:\\[A-Za-z]+|[A-Za-z])(?:\s*_\s*(?:\{[^{}]*\}|\w))?|\|\s*[A-Za-z]\s*\|)\s*"
_BARE_EQUALITY = re.compile(r"(?<![<>!\\])=")
_SIMPLE_BOUND = re.compile(rf"{_BOUND_PART}(?:(?:[<>]=?|\\[lg]eq?(?![A-Za-z])|\\ne(?![A-Za-z])|=|\\in(?![A-Za-z])){_BOUND_PART})+"
                           r"|\s*[A-Za-z]\s*\\in\s*[\(\[][^$]*[\)\]]\s*")
"""A condition on a name by numbers or other names (``x \\ge 0``, ``0 < t \\le 1``, ``|x| \\le 1``, ``w > 0``,
``y_i = 1``, ``x \\in [0, 1]``): what a second condition joined to a first looks like."""


def _inline_find(line: str, tex: str, start: int = 0) -> int:
    """Where inline math ``tex`` starts on ``line`` (from ``start`` on): inside its own delimiters (``$x > 0$``), not
    where the same text occurs inside other math (``$x^2 + x > 0$``); the first occurrence of the text when no
    delimited one is found."""
    m = re.compile(rf"(?:(?<!\$)\$|\\\()\s*{re.escape(tex.strip())}\s*(?:\$(?!\$)|\\\))").search(line, start)
    if m is None:
        return line.find(tex, start)
    return line.find(tex.strip(), m.start())


def inline_columns(lines: list[str], inline) -> dict[int, int]:
    """Where each one-line inline block starts on its line (by ``id``): blocks of a line are met in order, so the
    second "$\\binom{2n}{n} = 2n$" of a line is found after the first, not at it; -1 when not found."""
    out: dict[int, int] = {}
    after: dict[int, int] = {}                  # line → where the search for its next block starts
    for block in inline:
        if not 1 <= block.line <= len(lines) or block.line != block.end_line:
            continue
        line = lines[block.line - 1]
        at = _inline_find(line, block.tex, after.get(block.line, 0))
        out[id(block)] = at
        if at >= 0:
            after[block.line] = at + max(len(block.tex.strip()), 1)
    return out


def conditions_after(text: str, blocks, found: list[Relation]) -> tuple[dict[int, list[int]], set[int], set[int]]:
    """``$$ … $$ when $\\sum_i y_i = 1$.``: an inline relation introduced by "when", "if", "provided",
    "for" … right after a display is a condition of that display's relations.  Returns, for each
    relation of such a display, the inline relations that condition it, and those of them that
    condition it negated ("$$\\sqrt{x^2} = x$$ except when $x < 0$", "unless $x < 0$"), and those after
    "if and only if" (the display is claimed both ways: the condition alone does not check it)."""
    lines = text.split("\n")
    out: dict[int, list[int]] = {}
    displays = [b for b in blocks if b.display]
    inline = [b for b in blocks if not b.display]
    conditioned: dict[int, object] = {}            # an inline block that is a trailing condition → its display
    negating: set[int] = set()                     # … of them, those after "except when", "unless"
    both_ways: set[int] = set()                    # … and those after "if and only if"
    columns = inline_columns(lines, inline)

    def column(b) -> int:
        return columns.get(id(b), -1)
    for block in inline:
        line = lines[block.line - 1] if block.line - 1 < len(lines) else ""
        at = column(block) if block.line == block.end_line else _inline_find(line, block.tex)
        same_line = [b for b in inline if b.line == block.line == b.end_line and b is not block
                     and 0 <= column(b) < at and id(b) not in conditioned
                     and any(op in b.tex for op in ("=", "<", ">", "\\le", "\\ge", "\\ne"))]
        line_closes = re.search(r"\$\$|\\\]|\\end\{", line[:at]) is not None if at >= 0 else True
        before = max((b for b in displays if b.end_line < block.line or b.end_line == block.line and line_closes),
                     key=lambda b: b.end_line, default=None)     # (not "Unless $k = 0$, …, $$…$$" after it)
        chained = max((b for b in inline if b.line == block.line == b.end_line and b is not block
                       and id(b) in conditioned and 0 <= column(b) < at), key=column, default=None)
        if chained is not None and at >= 0 and (not same_line or column(same_line[-1]) < column(chained)):
            # "$w x_i > 0$ exactly when $y_i = 1$ for any $w > 0$": a second condition of the same relation
            between = line[column(chained) + len(chained.tex):at].strip().strip("$").strip()
            plain_and = re.fullmatch(r"(?:and|,|以及|且|和)?", between.strip(" ,"))
            if (_trailing(between, block.tex) or plain_and and not _BARE_EQUALITY.search(block.tex)) \
                    and _SIMPLE_BOUND.fullmatch(block.tex):    # (not "… and $e^{-x} \le 1 - x/2$": a new claim,
                # nor "… for $x \ge 0$, and $x = 0$ is the only point of equality")
                conditioned[id(block)] = conditioned[id(chained)]
                if _NEGATING.search(between):      # "for $|x| \le 1$, except when $x < 0$"
                    negating.add(id(block))
                if _BOTH_WAYS.search(between):
                    both_ways.add(id(block))
                continue
        head = line[:at].rstrip().rstrip("$").rstrip("\\(") if at >= 0 else "$"
        above = [b for b in inline if b.line == b.end_line == block.line - 1 and id(b) not in conditioned
                 and any(op in b.tex for op in ("=", "<", ">", "\\le", "\\ge", "\\ne"))]
        if not same_line and above and "$" not in head and block.line == block.end_line:
            # "… ($w x_i > 0$ exactly\nwhen $y_i = 1$ …)": the sentence runs over a line break
            upper = lines[block.line - 2]
            last = max(above, key=lambda b: upper.find(b.tex))
            tail = upper[upper.find(last.tex) + len(last.tex):].lstrip("$").lstrip("\\)")
            joined = f"{tail} {head}".strip()
            ended = last.tex.rstrip().endswith((".", "!", "?", "。")) or re.search(r"[.!?。]\s*$", tail)
            if upper.find(last.tex) >= 0 and "$" not in tail and not ended and not (not tail.strip() and head[:1].isupper()) \
                    and _trailing(joined, block.tex):
                conditioned[id(block)] = last
                if _NEGATING.search(joined):
                    negating.add(id(block))
                if _BOTH_WAYS.search(joined):
                    both_ways.add(id(block))
                continue
        if same_line and at >= 0:                 # "$σ(x) \le …$ for $x \ge 0$": the inline relation before
            start = column(same_line[-1]) + len(same_line[-1].tex)
            prefix = line[start:at].strip().strip("$").strip().rstrip("\\(").lstrip("\\)").strip()
            if line[start:at].strip().strip("$").strip() in ("(", "（"):
                prefix = "("                      # "$x^2 \ge x$ ($x \ge 1$)"
            if _trailing(prefix, block.tex) and block.line == block.end_line:
                conditioned[id(block)] = same_line[-1]
                if _NEGATING.search(prefix):
                    negating.add(id(block))
                if _BOTH_WAYS.search(prefix):      # "$w x_i > 0$ exactly when $y_i = 1$"
                    both_ways.add(id(block))
            continue
        if before is None or any(lines[n].strip() for n in range(before.end_line, block.line - 1)):
            continue                              # only blank lines may come between
        prefix = line[:at].rstrip().rstrip("$").rstrip("\\(") if at >= 0 else ""
        if before.end_line == block.line:
            prefix = re.split(r"\$\$|\\\]|\\end\{[a-z*]+\}", prefix)[-1]
        previous = next((b for b in inline if b.line == block.line and b is not block and id(b) in conditioned
                         and column(b) < at), None)
        if previous is not None:                  # "for $k \ne y$ and $0 < ε < 1$": the sentence goes on
            prefix = line[column(previous) + len(previous.tex):at].strip().strip("$").strip()
            if re.fullmatch(r"(?:and|,|以及|且|和)?", prefix.strip(" ,")):
                conditioned[id(block)] = conditioned[id(previous)]
            continue
        suffix = line[at + len(block.tex):].lstrip("$").lstrip("\\)").lstrip() if at >= 0 else ""
        new_paragraph = before.end_line < block.line - 1
        # "For $i \ne j$:" and "For $x < 0$, $$…$$" introduce what follows; "… for $x \ge 0$, and …" does not
        ended = before.tex.rstrip().rstrip("\\").rstrip().endswith((".", "。"))  # "$$…x.$$ If $x > 0$ we get more:"
        forward = suffix.startswith((":", "：")) or bool(re.match(r"[,，]\s*(?:\$|\\\[|\\\(|\\begin|$)", suffix)) \
            or ((new_paragraph or ended) and (prefix.strip()[:1].isupper()   # a new sentence ("当 $n = 1$ 时…"):
                                               # no condition of the display before it
                                               or bool(re.match(r"[\u4e00-\u9fff]", prefix.strip())))) \
            or bool(re.fullmatch(r"[^.;!?$]*[:：]\s*", suffix))
        if _trailing(prefix, block.tex) and not forward:
            conditioned[id(block)] = before
            if _NEGATING.search(prefix):
                negating.add(id(block))
            if _BOTH_WAYS.search(prefix):          # "… if and only if $u \ge 0$": one direction is checkable
                both_ways.add(id(block))
    negated: set[int] = set()
    both: set[int] = set()
    for c, rel in enumerate(found):
        block = next((b for b in inline if id(b) in conditioned and (
            rel.block is b if rel.block is not None else b.line <= rel.line <= b.end_line and rel.tex in b.tex)), None)
        if block is None or rel.chained and rel.op not in ("<", "<=", ">", ">="):   # "for $0 \le t \le 1$": both
            continue
        before = conditioned[id(block)]
        if id(block) in negating:
            negated.add(c)
        if id(block) in both_ways:
            both.add(c)
        for k, other in enumerate(found):
            if k != c and (other.block is before if other.block is not None and not before.display
                           else before.line <= other.line <= before.end_line and (before.display or other.tex in before.tex)):
                out.setdefault(k, []).append(c)
    return out, negated, both


def listed_condition(rel: Relation, domain: Domain) -> tuple[list[sp.Basic], tuple | None] | None:
    """``i = 1, \\ldots, K`` (the range of an index) or ``a, b > 0`` (a condition on each name):
    (the conditions, (index, lo, hi) for a range) — None for anything else."""
    from ..latex import Context, Unparsed, parse_tex
    context = Context(names=domain.names())

    def integer(tex: str) -> sp.Expr:
        value = parse_tex(tex, context)
        return value.xreplace({s: sp.Symbol(s.name, integer=True, positive=True) for s in value.free_symbols
                               if isinstance(s, sp.Symbol) and s.name not in context.names})
    try:
        m = _INDEX_RANGE.match(rel.rhs)
        if rel.op == "==" and m is not None and re.fullmatch(r"\s*[A-Za-z]\s*", rel.lhs):
            lo, hi = integer(m.group("lo")), integer(m.group("hi"))
            if lo.is_integer and hi.is_integer:
                return [], (rel.lhs.strip(), lo, hi)
            return None
        if rel.op in ("<", "<=", ">", ">=", "!=") and _LIST_NAMES.match(rel.lhs):
            bound = parse_tex(rel.rhs, context)
            names = [parse_tex(name, context) for name in rel.lhs.split(",")]
            if all(isinstance(x, sp.Symbol) for x in names) and not (bound.free_symbols & set(names)):
                return [c for c in (as_relational(rel.op, x, bound) for x in names) if c is not None], None
    except Unparsed:
        return None
    return None

ACCENTED = (r"\\(?:hat|bar|tilde|widehat|widetilde|overline|check|breve|dot|ddot)\s*"
            r"(?:\{\s*(?:[A-Za-z]|\\[A-Za-z]+)\s*\}|(?:[A-Za-z](?![A-Za-z])|\\[A-Za-z]+))")
"""A name under an accent (``\\hat c``, ``\\bar{y}``, ``\\tilde\\mu``): one name, as the parser reads it (c_hat)."""
NAME_TEX = rf"(?:{ACCENTED}|[A-Za-z]|\\[A-Za-z]+)"
"""A name as words write it in math: a letter, a macro (``\\alpha``), or either under an accent."""
_MEMBER_NAME = rf"{NAME_TEX}(?:\s*_\s*(?:\{{\s*\w+\s*\}}|\w))?"
MEMBERSHIP = re.compile(rf"^\s*(?P<names>{_MEMBER_NAME}(?:\s*,\s*{_MEMBER_NAME})*)\s*\\in\s*"
                         r"(?:\\left)?(?P<open>[\(\[])(?P<lo>[^,]+),(?P<hi>[^,]+?)(?:\\right)?(?P<close>[\)\]])\s*$")


LABEL_SET = re.compile(r"^\s*(?P<names>[A-Za-z](?:\s*,\s*[A-Za-z])*)\s*\\in\s*(?:\\left)?\\\{\s*(?P<lo>[^,{}]+?)\s*,"
                       r"(?:\s*(?P<next>[^,{}]+?)\s*,)?\s*(?:\\[lc]?dots|\.\.\.)\s*,\s*(?P<hi>[^,{}]+?)\s*(?:\\right)?\\\}\s*$")


_SET_MEMBER = r"(?:[A-Za-z]|\\[A-Za-z]+)(?:\s*_\s*(?:\{\s*[A-Za-z]\s*\}|[A-Za-z]))?"
FINITE_SET = re.compile(rf"^\s*{_SET_MEMBER}(?:\s*,\s*{_SET_MEMBER})*\s*\\in\s*(?:\\left)?\\\{{"
                        r"(?P<items>[^{}]*)(?:\\right)?\\\}\s*$")
"""``y \\in \\{0, 1\\}``, ``t \\in \\{-1, +1\\}``: names that take a few listed values."""


_LISTED_FAMILY = re.compile(r"^\s*(?P<name>[A-Za-z]|\\[A-Za-z]+)\s*_\s*\{?\s*\w+\s*\}?\s*,"
                            r"(?:\s*(?P=name)\s*_\s*\{?\s*\w+\s*\}?\s*,)?\s*(?:\\[lc]?dots|\\dotsc|\.\.\.|…)\s*,"
                            r"\s*(?P=name)\s*_\s*\{?\s*\w+\s*\}?\s*(?=\\in\b)")
"""``x_1, \\dots, x_n`` before ``\\in``: every entry of the family x."""


def finite_set(tex: str) -> tuple[list[str], str] | None:
    """The names and the listed values of ``y \\in \\{0, 1\\}`` (no ellipsis), or None;
    ``x_1, \\dots, x_n \\in \\{0, 1\\}`` is every entry of x (``x_i``)."""
    family = _LISTED_FAMILY.match(tex)
    if family is not None:
        tex = f"{family.group('name')}_i {tex[family.end():]}"
    m = FINITE_SET.match(tex)
    if m is None or re.search(r"\\[lc]?dots|\.\.\.|…", m.group("items")):
        return None
    names = [n.strip() for n in tex[:tex.index("\\in")].split(",")]
    return [n.lstrip("\\") for n in names], m.group("items").strip()


_NONNEGATIVE_NOUNS = (r"variances?|standard\s+deviations?|std|norms?|lengths?|distances?|entrop(?:y|ies)|radius|radii|magnitudes?|"
                      r"cross-?entrop(?:y|ies)(?:\s+loss(?:es)?)?|(?:elapsed\s+|wall-?clock\s+|running\s+)?times?|durations?|"
                      r"latenc(?:y|ies)|relu\s+(?:outputs?|activations?)|"
                      r"counts?|widths?|heights?|areas?|volumes?|perimeters?|(?:mean\s+)?squared\s+errors?|"
                      r"kl\s+divergences?|absolute\s+values?|moduli|modulus|likelihoods?|densit(?:y|ies)|mass(?:es)?|"
                      r"weights\s+in\s+(?:kg|grams?|kilograms?)|prices?|speeds?|wavelengths?|frequenc(?:y|ies)")
_UNIT_NOUNS = (r"probabilit(?:y|ies)(?!\s+densit)|chances?|accurac(?:y|ies)|fractions?|proportions?|precisions?|recalls?|f1(?:\s+scores?)?|"
               r"p-?values?|aucs?|areas?\s+under\s+the\s+(?:roc\s+)?curve|"
               r"(?:success|error|dropout|keep|hit|miss|click-?through|acceptance|rejection|win|false\s+positive|"
               r"true\s+positive|false\s+negative|true\s+negative|coverage|retention|churn|conversion)\s+"
               r"(?:rates?|probabilit(?:y|ies))|(?:hit|miss)\s+ratios?|(?:server\s+|link\s+|gpu\s+)?utili[sz]ations?|"
               r"load\s+factors?|occupanc(?:y|ies)")
_COSINE_NOUNS = r"cosine\s+similarit(?:y|ies)|cosines?|correlations?(?:\s+coefficients?)?"
_SPECIAL_NOUNS = (r"power\s+of\s+(?:two|2|ten|10)|(?:integer\s+|whole\s+)?multiple\s+of|golden\s+ratio|prime(?:\s+number)?|"
                  r"(?:even|odd)\s+(?:integer|number)|perfect\s+square|root\s+of\s+unity")
_COUNT_NOUNS = (r"number\s+of\s+[a-z]+|dimensions?|dimensionality|fan[- ]?(?:in|out)s?|(?:batch|sample|vocabulary|vocab|beam|minibatch|"
                r"mini-batch|population)\s+sizes?|(?:lengths?|sizes?)(?=[^.;$]{0,40}\bin\s+(?:tokens|words|characters|samples|steps|"
                r"bytes|bits|elements|items)\b)")
_OPEN_UNIT_NOUNS = (r"sigmoid\s+(?:outputs?|activations?|values?)|logistic\s+(?:outputs?|values?)|"
                    r"softmax\s+(?:outputs?|probabilit(?:y|ies)|values?|weights?)|attention\s+weights?|"
                    r"(?:outputs?|activations?|values?)\s+of\s+(?:a|the)\s+(?:sigmoid|logistic)")
_EXCESS_KURTOSIS_NOUNS = r"excess\s+kurtos[ie]s"
_KURTOSIS_NOUNS = r"(?<!excess\s)kurtos[ie]s"
_AT_LEAST_ONE_NOUNS = r"perplexit(?:y|ies)|condition\s+numbers?"
_NOUN_KINDS = (("excess kurtosis", _EXCESS_KURTOSIS_NOUNS), ("kurtosis", _KURTOSIS_NOUNS),
               ("at least one", _AT_LEAST_ONE_NOUNS),
               ("open unit", _OPEN_UNIT_NOUNS), ("count", _COUNT_NOUNS), ("nonnegative", _NONNEGATIVE_NOUNS), ("unit", _UNIT_NOUNS), ("cosine", _COSINE_NOUNS),
               ("special", _SPECIAL_NOUNS))
_ADJECTIVE = r"(?:(?!(?:of|log|logarithm|negative|inverse|change|difference|gradient|derivative|ratio|reciprocal|" \
             r"square\s+root|sign|shift|increase|decrease|error|loss|bias)\b)[A-Za-z-]+\s+){0,2}?"
_NOUN_NAME = (r"(?:\\hat\s*\{?\s*(?P<hat>[A-Za-z])\s*\}?|(?P<name>[A-Za-z]|\\[A-Za-z]+)(?:\s*_\s*(?:\{\s*(?P<sub>[A-Za-z0-9]{1,3})\s*\}|"
              r"\{?\s*\\(?:text|mathrm|textrm|rm)\s*\{\s*(?P<label>[A-Za-z]{1,12})\s*\}\s*\}?|"
              r"(?P<sub1>[A-Za-z0-9])))?)(?:\s*(?:\\approx|=)\s*\d+(?:\.\d+)?)?(?:\s*,\s*(?:\\[lc]?dots|\.\.\.)\s*,\s*[^$]*)?")
"""A name the words give a noun: ``v``, ``\\hat a`` (a_hat), ``a_k`` (every entry of a), ``a \\approx 0.9``, ``v_1, \\dots, v_K``."""
_NOUN_AFTER_NAME = r"\$\s*" + _NOUN_NAME + r"\s*\$\s*(?:(?:is|are|be|denotes?|represents?|as|for)\s+|,\s*)" \
                   r"(?:a|an|the|its|our|some|any)\s+" + _ADJECTIVE
_NOUN_BEFORE_NAME = r"\b(?:the|a|an|its|our)\s+" + _ADJECTIVE


def _noun_name(m) -> str:
    """The name a noun match speaks of: ``a_hat``, ``a[]`` for every entry of a family, or the plain name."""
    if m.group("hat"):
        return f"{m.group('hat')}_hat"
    name = m.group("name").lstrip("\\")
    if m.group("label"):                         # n_\text{in}: the label name n_in
        return f"{name}_{m.group('label')}"
    sub = m.group("sub") or m.group("sub1")
    if re.search(r"\\[lc]?dots|\.\.\.", m.group(0)) or sub and re.search(r"[A-Za-z]", sub):
        return f"{name}[]"
    return f"{name}_{sub}" if sub else name      # (v_1 alone: one entry, not a name a problem speaks of)


NOUN_RANGES = {"count": (0, None), "nonnegative": (0, None), "unit": (0, 1), "cosine": (-1, 1), "open unit": (0, 1),
               "kurtosis": (1, None), "excess kurtosis": (-2, None), "at least one": (1, None)}
"""The values each kind of noun leaves a name (low, high; None: unbounded); "open unit" excludes both ends and
"count" is whole."""


def nouns_in_words(lines: list[str]) -> list[tuple[int, str, str, str]]:
    """What a noun the words give a name says of its values: "Let $v$ be the variance of the returns" (v ≥ 0),
    "$a$ denotes the accuracy" (0 ≤ a ≤ 1), "the cosine similarity $c$" (−1 ≤ c ≤ 1), "$n$ is a power of two",
    "$\\phi$ for the golden ratio" (values softsym does not model), "$L$ is the length of the sequence in tokens"
    (a whole number), "the excess kurtosis $k$" (k ≥ −2), "the perplexity $P$" (P ≥ 1) — (line, name, kind, the
    noun as written), kind one of the keys of :data:`NOUN_RANGES` or special.  A sentence that negates or hedges
    gives none.  Only a doubt on a counterexample that breaks it: never a hypothesis of a proof."""
    out: list[tuple[int, str, str, str]] = []
    for number, line in enumerate(lines, 1):
        for kind, nouns in _NOUN_KINDS:
            for pattern in (rf"(?i){_NOUN_AFTER_NAME}(?P<noun>{nouns})\b", rf"(?i){_NOUN_BEFORE_NAME}(?P<noun>{nouns})"
                            rf"(?<!\bof)(?:\s+in\s+[a-z]+)?(?:\s+(?:is|equals|denoted(?:\s+by)?))?"
                            rf"\s+\$\s*{_NOUN_NAME}\s*\$",     # (not π of "a multiple of $\pi$"; "the length in tokens is $T$")
                            rf"(?i)\b(?:is|are|denotes?)\s+(?:the|an?)\s+[^$.;]{{0,40}}\band\s+\$\s*{_NOUN_NAME}\s*\$\s+"
                            rf"(?:the|its|our)\s+{_ADJECTIVE}(?P<noun>{nouns})\b",
                            rf"(?i)\b(?:of|with)\s+(?P<noun>{nouns})\s+\$\s*{_NOUN_NAME}\s*\$"):
                # ("a pendulum of length $L$", "a block of mass $m$": the noun right before the name)
                # ("where $n_\text{in}$ is the fan-in and $n_\text{out}$ the fan-out": the second, elliptical)
                for m in re.finditer(pattern, line):
                    sentence = sentence_around(line, m.start())
                    if kind == "count" and re.search(r"(?i)\b(?:mean|average|expected|typical)\s+(?:[a-z-]+\s+)?$",
                                                     line[:m.start("noun")]):
                        continue                    # ("the mean number of arrivals": an average, no count)
                    plain = re.sub(r"(?i)\bwhether\s+or\s+not\b", " ", sentence.replace(m.group(0), " "))
                    if negation_in(plain) or re.search(r"(?i)\b(?:if|whether|unless|suppose\s+not|not)\b", plain):
                        continue
                    out.append((number, _noun_name(m), kind, re.sub(r"\s+", " ", m.group("noun"))))
                    sub = m.group("sub") or m.group("sub1")
                    if m.group("name") and sub and re.fullmatch(r"[A-Za-z]", sub) and not re.search(
                            r"\\[lc]?dots|\.\.\.", m.group(0)):   # ("$p_o$ … the observed proportion": the label p_o
                        out.append((number, f"{m.group('name').lstrip(chr(92))}_{sub}", kind,   # too, where the text
                                    re.sub(r"\s+", " ", m.group("noun"))))                      # keeps it a name)
    return out


def named_as_quantity(lines: list[str], letter: str) -> tuple[int, str] | None:
    """Where the words name ``letter`` as a quantity that is no count ("Let $n$ be the refractive index of the
    water", "the refractive index $n$"): (line, the noun as written), or None — none does, or a noun names it a
    count or a size ("the number of samples", "the degree", "the batch size"), or the words name it two ways.
    A letter the conventions make a positive integer (n, the length of the document's vectors) is then a real."""
    token = re.escape(letter if len(letter) == 1 else "\\" + letter)
    after = rf"(?i)\$\s*{token}\s*\$\s*(?:,\s*)?(?:is|be|denotes?|represents?|stands\s+for)\s+(?:the|a|an|its|our)\s+(?P<noun>[A-Za-z-]+(?:\s+[A-Za-z-]+){{0,2}})"
    before = rf"(?i)\b(?:the|a|an|its|our|with|having|has)\s+(?P<noun>[A-Za-z-]+(?:\s+[A-Za-z-]+){{0,2}}?)" \
             rf"(?:\s+(?:in|of)\s+[a-z-]+)?(?:\s+(?:is|equals))?\s*,?\s*\$\s*{token}\s*\$"
    # ("with refractive index $n$", "The signal-to-noise ratio in decibels is $n$")
    found: list[tuple[int, str, str]] = []
    for number, line in enumerate(lines, 1):
        for pattern in (after, before):
            for m in re.finditer(pattern, line):
                noun = re.split(r"(?i)\s+(?:of|in|for|with|at|on|to|from|that|which|and|or|is|are)\b", m.group("noun"))[0]
                if not noun.strip():
                    continue
                sentence = sentence_around(line, m.start())
                if negation_in(sentence):
                    continue
                found.append((number, noun.strip(), line[m.start("noun") + len(noun):m.start("noun") + len(noun) + 60]))
    found = [f for f in found if not re.fullmatch(r"(?i)(?:exactly|about|only|roughly|approximately|around|nearly|"
                                                  r"precisely|just|at\s+least|at\s+most|some|many|all)", f[1])]
    counted_after = any(re.search(rf"\$\s*{token}\s*\$\s+(?!(?:is|was|has|gives|equals|varies|means|denotes|"
                                  rf"represents|remains|stays|becomes|does|takes|makes|holds|goes|tends|grows|"
                                  rf"decreases|increases|satisfies|depends|follows|changes|as|times)\b)[a-z]+s\b", line)
                        for line in lines)
    # ("A necklace with exactly $n$ beads": a count named after the letter)
    if not found or counted_after or any(_counted(noun, phrase) for _, noun, phrase in found):
        return None
    return found[0][:2]


def _counted(noun: str, phrase: str) -> bool:
    """Whether a noun (with the words after it, ``phrase``) names a count or a size: "the number of samples",
    "the class index", "the cardinality", "the length of the sequence" — not "the mean number of arrivals" (an
    average), "the length of the pendulum" (a measure)."""
    if re.match(r"(?i)(?:mean|average|expected|typical|effective|fractional|relative|normali[sz]ed)\b", noun):
        return False
    if re.match(r"(?i)numbers?\s+of\s+(?:moles?|mol|grams?|kilograms?|litres?|liters?|joules?|calories?|decibels?)\b",
                f"{noun} {phrase}"):
        return False                    # ("the number of moles": an amount, no count)
    if _COUNT_WORD.search(noun):
        return True
    if re.search(r"(?i)\b(?:class|sample|time|position|token|row|column|layer|step|item|node|state|word|summation|"
                 r"loop|running|array|list|entry|element|batch|epoch|iteration)\s+ind(?:ex|ices)\b", noun):
        return True
    return bool(re.search(r"(?i)\blengths?\b", noun) and (
        re.search(r"(?i)\bin\s+(?:tokens|words|characters|samples|steps|bytes|bits|elements|items)\b", phrase)
        or re.search(rf"(?i)^\s*of\s+(?:the|a|an|each|every|our|its|this)\s+(?:[a-z-]+\s+)?{_SEQUENCE_NOUN}", phrase)))


_SEQUENCE_NOUN = (r"(?:sequences?|vectors?|lists?|strings?|arrays?|inputs?|prompts?|windows?|contexts?|chains?|"
                  r"sentences?|documents?|codewords?|words?|tuples?|series|signals?|texts?|queues?|runs?|episodes?|"
                  r"trajector(?:y|ies)|batch(?:es)?|paths?|walks?|codes?)\b")


_COUNT_WORD = re.compile(r"(?i)\b(?:numbers?|counts?|cardinality|cardinalities|sizes?|dimensions?|dim|degrees?|orders?|ranks?|^ind(?:ex|ices)|"
                         r"multiplicit(?:y|ies)|exponents?|powers?|totals?|integers?|naturals?|whole|batch|epochs?|"
                         r"iterations?|steps?|layers?|width|depth|samples?|observations?|points?|trials?|draws?|rounds?|"
                         r"classes|categories|tokens?|items?|elements?|terms?|entries|nodes?|vertices|edges?|states?|"
                         r"arms?|users?|words?|documents?|features?|parameters?|heads?|experts?|bins?|buckets?|"
                         r"blocks?|periods?|days?|years?|months?|runs?|players?|agents?|coins?|flips?|tosses|"
                         r"throws?|rolls?|events?|arrivals?|successes|failures|examples?|instances?|cases?|"
                         r"people|patients?|subjects?|members?|customers?|clicks?|visits?|impressions?|"
                         r"neurons?|units?|channels?|filters?|kernels?|pixels?|bytes?|bits?|digits?|characters?|"
                         r"letters?|sentences?|sequences?|vectors?|matri(?:x|ces)|rows?|columns?|ensemble|"
                         r"generation|level|stage|position|slot|time|moment)\b")
"""Nouns of a count or a size ("the number of classes", "the sample size", "the degree", "the iteration"): a
letter named so may well be the integer the conventions make it."""


_SIGN_WORDS = {"positive": ">", "strictly positive": ">", "nonnegative": ">=", "non-negative": ">=",
               "negative": "<", "strictly negative": "<", "nonpositive": "<=", "non-positive": "<=",
               "positivity": ">", "strict positivity": ">", "nonnegativity": ">=", "non-negativity": ">=",
               "negativity": "<", "strict negativity": "<", "nonpositivity": "<=", "non-positivity": "<="}
_SIGN = r"(?P<sign>(?:strictly\s+)?(?:positive|negative)|non-?negative|non-?positive)"
_NAME_IN_MATH = rf"\$\s*(?P<name>{NAME_TEX})\s*\$"
_NAME_BOUNDED = r"\$\s*(?P<name>[A-Za-z]|\\[A-Za-z]+)\s*(?:(?:[<>]|\\[lg]eq?\b|\\neq?\b|\\[lg]eqslant\b)[^$]*)?\$"
"""A name alone in math, or with the bound it had (``$x > 0$`` of "we drop the assumption $x > 0$")."""
_NAMES_IN_MATH = r"(?P<names>\$[^$]+\$(?:\s*(?:,\s*and|,|and)\s*\$[^$]+\$)*)"
_SIGN_STATED = re.compile(rf"(?:^|\b(?:let|where|since|as|because|assume|assuming|suppose|given\s+that|with|hence|so|"
                          rf"thus|therefore|recall|note|remember|we\s+know|throughout,?|henceforth,?|in\s+what\s+follows,?|"
                          rf"from\s+now\s+on,?|(?P<noun>here|(?:the|our|each|every|this)(?:\s+(?!(?:of|at|in|for|on|to|with|by|when|whenever|if|where|that|which|unless|because|since|so|as|then|"
                          rf"and|or|is|are|be|case|cases|past|beyond|except|not)\b)"
                          rf"[A-Za-z-]+){{1,2}})),?\s+(?:(?:first|now|also|further|henceforth|throughout)\s+)?(?:that\s+)?)"
                          rf"{_NAMES_IN_MATH}\s+(?:is|be|are|denotes|represents)\s+(?P<neg>not\s+)?(?:both\s+|all\s+)?"
                          rf"(?:an?\s+|any\s+|(?:an\s+)?arbitrary\s+)?"
                          rf"(?:real\s+)?{_SIGN}"
                          rf"(?:\s+(?:real\s+)?(?:numbers?|reals?|constants?|scalars?|parameters?|integers?|quantity|"
                          rf"quantities|values?))?\s*(?:[.,;:]|$)",
                          re.I)
_SIGN_BY_SET = re.compile(rf"(?:^|\b(?:let|where|since|as|because|assume|assuming|suppose|given\s+that|with|recall|note)\s+"
                          rf"(?:that\s+)?){_NAMES_IN_MATH}\s+(?:lies|lie|is|are|be|belongs?\s+to|takes?\s+values)\s+"
                          rf"(?:in|to)\s+the\s+{_SIGN}\s+(?:reals|real\s+numbers|half-line|real\s+half-line)\s*(?:[.,;:]|$)",
                          re.I)
"""A sign said by the set a name lies in: "Assume $x$ lies in the positive reals"."""
_SIGN_BY_NOUN = re.compile(rf"(?:^|\b(?:let\s+us|we|I)\s+)?\b(?:assume|assuming|suppose|supposing|require|requiring|impose|imposing)\s+"
                           rf"(?:the\s+)?(?P<sign>(?:strict\s+)?(?:positivity|negativity)|non-?negativity|non-?positivity)\s+"
                           rf"of\s+{_NAMES_IN_MATH}\s*(?:[.,;:]|$)", re.I)
"""A sign said by its noun: "Assume positivity of $w$"."""
_SIGN_FIXED = re.compile(rf"(?i)(?:^|[.;:]\s*|\b(?:now|then|first|next|and)\s+)(?:fix|take|choose|pick|consider)\s+(?:an?\s+|any\s+|some\s+|(?:an\s+)?arbitrary\s+)?"
                         rf"(?:real\s+)?{_SIGN}\s+(?:real\s+)?(?:numbers?\s+|reals?\s+|constants?\s+|scalars?\s+|parameters?\s+)?"
                         rf"{_NAMES_IN_MATH}\s*(?:[.,;:]|$)")
"""A sign said as a choice: "Fix any positive $a$.", "Take a positive number $c$,", "Next consider negative $x$."."""
_SIGN_CJK = {"正数": ">", "负数": "<", "非负数": ">=", "非正数": "<=", "正的": ">", "负的": "<", "非负的": ">=",
             "正实数": ">", "负实数": "<", "非负实数": ">=", "非正实数": "<=",
             "大于零": ">", "小于零": "<", "大于0": ">", "小于0": "<"}
_CJK_SIGN = "(?P<sign>" + "|".join(sorted(_SIGN_CJK, key=len, reverse=True)) + ")"
_CJK_AFTER = r"(?![\d.．的或、]|\s*\$)"        # not "小于0.5", "正数的相反数", "正数或负数"
_SIGN_STATED_CJK = re.compile(rf"(?:设|令|假设|假定|已知|由于|因为|其中)\s*{_NAMES_IN_MATH}\s*(?:为|是|均为|都是)?\s*"
                              rf"(?:一个|一)?\s*{_CJK_SIGN}{_CJK_AFTER}")
_SIGN_CASE_CJK = re.compile(rf"(?:当|若|如果|对于)\s*{_NAME_IN_MATH}\s*(?:为|是)?\s*(?:一个|一)?\s*{_CJK_SIGN}{_CJK_AFTER}"
                            rf"(?:时候?|的时候)?")
NOT_A_CASE = re.compile(r"(?i)\b(?:except|unless|not\s+only|not\s+just|not\s+merely|beyond|dropping|drop|without|"
                         r"unlike|other\s+than|instead\s+of|rather\s+than|no\s+longer|but\s+not|not|relax(?:ing)?|"
                         r"remov(?:e|ing)|lift(?:ing)?|past|excluding|apart\s+from)\b[^.;]*$|除了|除去|不仅|去掉|去除|放宽|取消")
"""Words before a case or a heading's bound that make it no case of what follows ("Except for positive $x$",
"## Dropping $x > 0$")."""
_ABBREVIATION = re.compile(r"(?i)\b(?:w\.l\.o\.g|e\.g|i\.e|cf|etc|resp|vs)\.")
_WHERE_SIGN = re.compile(rf"\s*[,]?\s*where\s+{_NAME_IN_MATH}\s+is\s+(?:an?\s+)?{_SIGN}\b(?!\s*(?:,|or)\s*(?:or\s+)?"
                         rf"(?:positive|negative|zero|non))", re.I)
_WHERE_SIGN_CJK = re.compile(rf"\s*[,，]?\s*其中\s*{_NAME_IN_MATH}\s*(?:为|是)\s*(?:一个|一)?\s*{_CJK_SIGN}{_CJK_AFTER}")
_ANY_REAL_CJK = re.compile(rf"{_NAME_IN_MATH}\s*(?:为|是)\s*任意(?:的)?(?:实数|数|值|下标|索引|类别|分量)")


def _names_of(group: str) -> list[str]:
    """The names of ``$x$ and $y$`` / ``$x, y$``: single letters or macros, each alone."""
    out = []
    for math in re.findall(r"\$([^$]+)\$", group):
        for part in math.split(","):
            part = part.strip()
            part = re.sub(r"\s*\\in\s*(?:\\math(?:bb|bf|rm)\s*\{?\s*R\s*\}?|\\R\b|ℝ)\s*$", "", part)   # x ∈ ℝ
            if re.fullmatch(rf"{NAME_TEX}(?:\s*_\s*(?:\{{\s*[A-Za-z0-9]\s*\}}|[A-Za-z0-9]))?", part):
                out.append(part)                  # ($c_1$, $\alpha_t$: one entry, signed as a name is)
            elif part:
                return []                 # "$x + y$ is positive": a sum, no name's sign
    return out
_HEDGED = re.compile(r"(?i)\b(?:if|when|whenever|unless|otherwise|case|either|or|not|no|whether|unclear|unknown|may|"
                     r"might|can|could|need|mistake|mistaken|mistakenly|wrong|wrongly|error|erroneous|erroneously|"
                     r"incorrect|incorrectly|naive|naively|tempting|pitfall|fallacy|long|provided|valid|only|"
                     r"sometimes|instead|drop|dropping|relax|relaxing|remove|removing|without|never|longer|cannot|nor|invalid|"
                     r"contradiction|contradicts|absurd|towards)\b|n't\b|\?")
_SIGN_LOCAL = re.compile(rf"\bfor\s+(?:all\s+|every\s+|any\s+)?{_SIGN}\s+(?:real\s+)?(?:values?\s+(?:of\s+)?)?{_NAMES_IN_MATH}"
                         rf"(?!\s*(?:,|or)\s*(?:or\s+)?(?:positive|negative|zero|non|or))"
                         rf"|\b(?:for|with)\s+{_NAME_IN_MATH.replace('name', 'after')}\s+"
                         rf"{_SIGN.replace('sign', 'after_sign')}\b(?!\s*(?:,|or)\s*(?:or\s+)?(?:positive|negative|zero|non|or))",
                         re.I)   # "for $x$ positive", not "for $x$ positive, negative or zero"
_SIGN_EXCLUDED = re.compile(rf"\b(?:(?:leaving|setting|putting|laying)\s+aside|barring|excluding|except\s+for|"
                            rf"(?:apart|aside)\s+from|other\s+than|disregarding|ignoring|discarding|neglecting|"
                            rf"ruling\s+out)\s+(?:the\s+)?(?:cases?\s+(?:of\s+)?)?"
                            rf"(?:all\s+)?{_SIGN}\s+(?:real\s+)?(?:values?\s+(?:of\s+)?)?{_NAMES_IN_MATH}", re.I)
"""A sign case set aside ("Setting aside negative $w$, …", "Excluding positive $x$"): what follows holds in the other."""
_SIGN_CASE = re.compile(rf"\b(?P<case>when|whenever|if|for|unless|as\s+long\s+as|provided(?:\s+that)?)\s+{_NAMES_IN_MATH}"
                        rf"\s+(?:is|are)\s+(?P<neg>not\s+)?"
                        rf"(?:an?\s+)?{_SIGN}\b(?!\s+or\b)", re.I)       # not "when $x$ is positive or negative"
_OPPOSITE_SIGN = {">": "<=", ">=": "<", "<": ">=", "<=": ">"}
_NAME_OR_ENTRY_IN_MATH = rf"\$\s*(?P<name>{NAME_TEX}(?:\s*_\s*(?:\{{[^{{}}$]*\}}|[A-Za-z0-9]))?)\s*\$"
"""A name alone in math, or one entry of a family (``$c_1$``, ``$\\alpha_t$``): what words set free again."""
_ANY_REAL = re.compile(rf"{_NAME_OR_ENTRY_IN_MATH}\s+(?:(?:may|can)\s+)?(?:be|is|are)\s+(?:now\s+)?(?:(?:any|an\s+arbitrary|a|an)\s+real"
                       rf"|any\s+(?:nonzero\s+|non-zero\s+)?(?:number|value)|(?:any|an\s+arbitrary)\s+(?:other\s+)?"
                       rf"(?:index|entry|class|coordinate|component))"
                       rf"(?!\s+(?:strictly\s+)?(?:positive|negative|non-?negative|non-?positive))", re.I)
_SIGN_FREED = (
    re.compile(rf"{_NAME_IN_MATH}\s+(?:now\s+)?(?:may|can|could|might|is\s+allowed\s+to|is\s+free\s+to)\s+(?:now\s+)?"
               rf"(?:also\s+)?(?:be(?:come)?|take|have)\s+(?:any\s+sign|either\s+sign|both\s+signs|negative|positive|zero|"
               rf"any\s+(?:real\s+)?value)", re.I),
    re.compile(rf"\ballow(?:s|ed|ing)?\s+(?:also\s+)?(?:negative|positive|nonpositive|non-positive|any)\s+"
               rf"(?:values\s+of\s+)?{_NAME_IN_MATH}", re.I),
    re.compile(rf"{_NAME_IN_MATH}\s+(?:now\s+)?ranges?\s+over\s+(?:all\s+(?:of\s+)?)?(?:\$\s*\\mathbb\s*\{{?\s*R\s*\}}?\s*\$|"
               rf"the\s+(?:whole\s+)?real\s+line|all\s+reals|the\s+reals)", re.I),
    re.compile(rf"\bsign\s+of\s+{_NAME_IN_MATH}\s+is\s+(?:now\s+)?(?:unrestricted|arbitrary|free|not\s+restricted)", re.I))
"""Words that free a name's sign ("From now on, $x$ may be negative", "Now we allow negative $x$", "Let $x$ now
range over all of ℝ", "the sign of $x$ is unrestricted"): a sign said before no longer holds."""
_EVERY_REAL = re.compile(rf"\bfor\s+(?:every|all|any|each)\s+real\s+(?:numbers?\s+)?{_NAME_IN_MATH}"
                         rf"|\$\s*(?P<real>[A-Za-z]|\\[A-Za-z]+)\s*\\in\s*(?:\\math(?:bb|bf|rm)\s*\{{?\s*R\s*\}}?|\\R\b|ℝ)\s*\$"
                         rf"(?!\s+(?:be|is|are)\s+(?:strictly\s+)?(?:positive|negative|non))"
                         rf"|\b(?:no\s+longer|not|never|stop|(?:do|does)\s+not|don't)\s+(?:assum(?:e|ing))\s+(?:that\s+|"
                         rf"anything\s+about\s+|the\s+sign\s+of\s+)?{_NAME_BOUNDED.replace('name', 'unassumed')}"
                         rf"|\b(?:assumption|condition|restriction|bound)s?\s+(?:on|about|of)\s+"
                         rf"{_NAME_BOUNDED.replace('name', 'lifted')}[^.;$]{{0,40}}?\b(?:is|are)\s+(?:now\s+|hereby\s+)?"
                         rf"(?:lifted|dropped|removed|relaxed|withdrawn|abandoned)\b"
                         rf"|{_NAME_IN_MATH.replace('name', 'freed')}\s+(?:is|are)\s+(?:now\s+|again\s+)?"
                         rf"(?:free|unrestricted|unconstrained)\b(?!\s+(?:of|from)\b)"
                         rf"|\b(?:keep|keeps|kept|leave|leaves|left)\s+{_NAME_IN_MATH.replace('name', 'kept')}\s+"
                         rf"(?:free|general|arbitrary|unspecified|unrestricted|unconstrained)\b"
                         rf"|\bfor\s+(?:all|every|each|any)\s+{_NAME_IN_MATH.replace('name', 'all')}"
                         rf"|\ballow\s+{_NAME_IN_MATH.replace('name', 'allowed')}\s+to\s+be\s+(?:negative|positive|any|zero)"
                         rf"|(?:不再假设|不再假定|允许)\s*{_NAME_IN_MATH.replace('name', 'cjk_end')}"
                         rf"|{_NAME_IN_MATH.replace('name', 'free')}\s+(?:be|is|are)\s+(?:now\s+)?arbitrary"
                         rf"|\b(?:general|arbitrary|any\s+real)\s+{_NAME_IN_MATH.replace('name', 'general')}"
                         rf"|(?:一般的?|任意的?)\s*{_NAME_IN_MATH.replace('name', 'general_cjk')}"
                         rf"|\b(?:drop|dropping|remove|removing|relax|relaxing|without)\s+(?:the\s+)?(?:assumption|"
                         rf"condition|requirement|restriction)\s+(?:that\s+|on\s+|about\s+|of\s+)?{_NAME_BOUNDED.replace('name', 'dropped')}"
                         rf"|\b(?:now\s+|next\s+|then\s+)?consider\s+(?:also\s+)?(?:the\s+)?(?:"
                         rf"arbitrary|general|any|all)\s+(?:(?:real\s+)?values?\s+of\s+)?{_NAME_IN_MATH.replace('name', 'considered')}"
                         rf"|\b(?:whatever|regardless\s+of)\s+the\s+sign\s+of\s+{_NAME_IN_MATH.replace('name', 'whatever')}"
                         rf"|\bthe\s+sign\s+of\s+{_NAME_IN_MATH.replace('name', 'sign_free')}\s+(?:now\s+)?(?:plays\s+no\s+role|"
                         rf"(?:does\s+not|doesn't|no\s+longer)\s+matter|is\s+(?:now\s+)?(?:irrelevant|immaterial|free))"
                         rf"|{_NAME_IN_MATH.replace('name', 'either')}\s+of\s+(?:either|any|both)\s+signs?\b",
                         re.I)     # "for every real $u$", "$p \in \mathbb{R}$", "$p$ be arbitrary", "drop the assumption that $x$ …"


def local_signs_in_words(lines: list[str]) -> list[tuple[int, str, str, int, int, str]]:
    """"For nonnegative $x$ we have $$…$$", "for $x$ positive, $…$", "当 $y$ 为负数时，$$…$$",
    "$$|v| = v$$ for nonnegative $v$.": (line, name, one of > >= < <=, the columns of the line it
    governs: from the words to the end of their sentence; (0, 0) for the display just before them;
    why their sentence is no plain one, see :func:`.hedges.unplain`)
    — a condition of the math of its sentence, or of that display, only."""
    def sentence_end(line: str, start: int) -> int:
        found = re.search(r"[.!?;](?=\s|$)|[。！？；]", blank_inline_math(line[start:]))
        return start + found.end() if found else len(line) + 1

    def sign_of(m: re.Match) -> str:
        if "sign" in m.groupdict() and m.group("sign") in _SIGN_CJK:
            return _SIGN_CJK[m.group("sign")]
        word = next(m.group(g) for g in ("sign", "after_sign") if g in m.groupdict() and m.group(g))
        sign = _SIGN_WORDS[re.sub(r"\s+", " ", word.lower())]
        negated = bool(m.groupdict().get("neg")) != (str(m.groupdict().get("case") or "").lower() == "unless")
        return _OPPOSITE_SIGN[sign] if negated else sign          # "if $z$ is not negative", "unless $y$ is negative"

    out = []
    for number, line in enumerate(lines, 1):
        for m in (_WHERE_SIGN.match(line), _WHERE_SIGN_CJK.match(line)):     # "$$|x| = x,$$\nwhere $x$ is positive."
            start = _display_above(lines, number) if m else None
            if start is not None:
                out.append((start, m.group("name"), sign_of(m), 0, 0, unplain(lines, number, m.start("name"))))
        for m in (*_SIGN_LOCAL.finditer(line), *_SIGN_CASE.finditer(line), *_SIGN_CASE_CJK.finditer(line),
                  *_SIGN_EXCLUDED.finditer(line)):
            names = _names_of(m.group("names")) if m.groupdict().get("names") else \
                [next(m.group(g) for g in ("name", "after") if g in m.groupdict() and m.group(g))]
            if not names:
                continue                                # "for positive $x + y$": no name's sign
            ahead = line[m.end():]
            following = next((k for k in range(number, min(number + 2, len(lines))) if lines[k].strip()), None)
            leads = re.search(r"\$|\\\[|\\\(", ahead) and not _SENTENCE_END.search(
                re.split(r"\$|\\\[|\\\(", ahead, maxsplit=1)[0]) \
                or not re.search(r"[.!?;。！？；]", _INLINE_MATH.sub(" ", ahead)) and following is not None \
                and re.match(r"\s*(?:\$\$|\\\[|\\begin)", lines[following]) \
                and (following == number or re.search(r"[,:，：]\s*$", ahead))   # "When $x$ is negative, we get"
            before = _INLINE_MATH.sub(" ", line[:m.start()])[-40:]
            excepted = m.re is _SIGN_EXCLUDED or re.search(
                r"(?i)\b(?:except|unless|but\s+not|excluding|apart\s+from|other\s+than)"
                r"(?:\s+(?:for\s+)?the\s+cases?)?\s*$|除了\s*$", before)
            sign = _OPPOSITE_SIGN[sign_of(m)] if excepted else sign_of(m)    # "Except for positive $x$": x ≤ 0
            if NOT_A_CASE.search(before) and not excepted:
                continue                      # "not only for positive $x$", "Beyond the case when …"
            doubt = unplain(lines, number, m.start(), allow=EXCEPTING if excepted else r"(?i)\b(?:unless|not)\b"
                            if m.groupdict().get("neg") or m.groupdict().get("case") else "")
            # (the words of the form read may be in it: "except for", "if $z$ is not …", "unless $y$ is …")
            if _HEADING.match(line):                                        # "# When $x$ is negative"
                out.extend((number, name, sign, 0, len(line) + 1, doubt) for name in names)
            elif re.search(r"(?i)(?:\$\$|\\\])\s*[,，]?\s*(?:(?:except|unless|but\s+not)\s*)?$", line[:m.start()]) \
                    and re.fullmatch(r"\s*[.,;:。，；]?\s*", ahead):         # "$$|v| = v$$ for nonnegative $v$."
                out.extend((number, name, sign, 0, 0, doubt) for name in names)     # (0, 0): that display only
            elif leads:
                out.extend((number, name, sign, m.start(), sentence_end(line, m.end()), doubt) for name in names)
            elif re.search(r"(?i)\$[^$]+\$\s*(?:(?:holds|is\s+valid|is\s+true)\s+)?(?:only\s+)?$", line[:m.start()]) \
                    and re.match(r"\s*(?:too|as\s+well|also)?\s*(?:[.,;:。，；]|$)", ahead):  # "$|x| = x$ holds for negative $x$"
                opening = max((e.end() for e in re.finditer(r"[.!?;](?=\s)|[。！？；]", blank_inline_math(line[:m.start()]))),
                              default=0)
                out.extend((number, name, sign, opening, sentence_end(line, m.end()), doubt) for name in names)
            elif _FILLER.fullmatch(line[:m.start()]) and re.fullmatch(r"\s*[.,;:。，；]?\s*", ahead):
                start = _display_above(lines, number)       # "$$\sqrt{x^2} = x$$\nis valid as long as $x$ is positive."
                if start is not None:
                    out.extend((start, name, sign, 0, 0, doubt) for name in names)
    return out


_FILLER = re.compile(r"(?i)\s*[,.]?\s*(?:(?:which|this|it)\s+)?(?:holds|is\s+valid|is\s+true|valid|true)?\s*(?:only\s+)?")


def blank_inline_math(line: str) -> str:
    """``line`` with its inline math blanked out (same length) — but a sentence's full stop written
    inside the math (``$x > 0.$``), which stays a full stop."""
    def blank(m: re.Match) -> str:
        inner = m.group(0)[1:-1].rstrip()
        if inner.endswith(".") and not inner.endswith(".."):
            return "x" * (len(m.group(0)) - 2) + ". "
        return "x" * len(m.group(0))
    return re.sub(r"\$[^$]*\$", blank, line)


def _display_above(lines: list[str], number: int) -> int | None:
    """The first line of the display that ends on the line before ``number`` (skipping nothing), or None."""
    above = number - 1
    if above < 1 or not re.search(r"(?:\$\$|\\\]|\\end\s*\{[a-z*]+\})\s*[,.]?\s*$", lines[above - 1]):
        return None
    if lines[above - 1].count("$$") >= 2 or re.match(r"\s*\\\[.*\\\]", lines[above - 1]):
        return above
    for k in range(above - 1, max(0, above - 30), -1):
        if re.match(r"\s*(?:\$\$|\\\[|\\begin\s*\{)", lines[k - 1]):
            return k
    return None


_MAY_BE_EITHER = re.compile(r"(?i)\$\s*\\?([A-Za-z]+)\s*\$[^.;$]{0,60}?\b(?:may|can|could|might)\s+(?:also\s+)?be\s+"
                            r"(?:negative|of\s+either\s+sign|of\s+any\s+sign|any\s+real)|"
                            r"\$\s*\\?([A-Za-z]+)\s*\$[^.;$]{0,40}?\bof\s+(?:either|any)\s+sign")
"""A name the words let take any sign ("The offset $c$, however, is a variable and may be negative")."""
_EVERY_NAME_SIGNED = re.compile(
    r"(?i)\b(?:all|every)\s+(?:the\s+|of\s+the\s+)?(?:variables?|quantities|numbers?|unknowns|symbols?|parameters?)"
    r"\s+(?:here\s+|below\s+|above\s+|in\s+(?:this|these)\s+\w+\s+|throughout\s+(?:this|these)\s+\w+\s+|"
    r"that\s+appear\s+)?(?:are|is)\s+"
    r"(?:assumed\s+(?:to\s+be\s+)?|taken\s+(?:to\s+be\s+)?)?(?:all\s+)?(?:strictly\s+)?"
    r"(?P<sign>positive|non-?negative|negative|non-?positive)\b"
    r"|(?:所有|全部|一切)(?:的)?(?:变量|量|参数|数)(?:均|都|全)?(?:为|是|取)?(?P<cjk>正数?|非负数?|负数?|非正数?)")
"""A sign for every name at once: "All variables are positive", "所有变量均为正"."""


def _blanket_sign(m: re.Match) -> str:
    """The relation to 0 a blanket sign gives ("positive" >, "nonnegative" >=, "negative" <, "nonpositive" <=)."""
    word = (m.group("sign") or "").lower().replace("-", "")
    cjk = m.group("cjk") or ""
    negative = word in ("negative", "nonpositive") or cjk.startswith(("负", "非正"))
    weak = word.startswith("non") or cjk.startswith("非")
    return {(False, False): ">", (False, True): ">=", (True, False): "<", (True, True): "<="}[(negative, weak)]
_EXCEPT = re.compile(r"(?i)\b(?:except(?:\s+for)?|but\s+not|apart\s+from|other\s+than)\b|除了")
_EVERY_NAME_FREED = re.compile(
    r"(?i)\b(?:drop|dropping|remove|removing|relax|relaxing|lift|lifting|abandon)\s+(?:this|that|the)\s+"
    r"(?:assumption|condition|positivity)|\bno\s+longer\s+(?:assume|positive)|\b(?:variables?|quantities|numbers?)\s+"
    r"(?:may|can|are\s+allowed\s+to)\s+(?:now\s+)?(?:take\s+any|be\s+(?:any|negative|of\s+(?:either|any)\s+sign))"
    r"|\bof\s+(?:either|any)\s+sign\b|\bany\s+real\s+values?\b|不再假设|可正可负|任意实数")
"""Words that set every name free of a blanket sign again ("We now drop this assumption")."""


def signs_in_words(lines: list[str]) -> list[tuple[int, str, str | None, str]]:
    """"Let $p$ be a positive real number.", "since $u$ is nonnegative": (line, name, one of > >= < <=)
    — a sign the text states for a name in words, from there on; "let $p$ be any real number" ends
    it (None).  A sentence that hedges or states a case ("whether $x$ is positive", "if …", "… or
    negative", "not") gives none.  The fourth item: why the sentence is no plain one (:func:`.hedges.unplain`)."""
    out: list[tuple[int, str, str | None, str]] = []
    for number, raw in enumerate(lines, 1):
        line = _ABBREVIATION.sub(lambda m: m.group(0).replace(".", "·"), raw)    # "w.l.o.g." ends nothing
        sentences = re.split(r"(?<=[.!?;])\s+|(?<=[。！？；])", line)
        for sentence in sentences:
            for m in (*_ANY_REAL.finditer(sentence), *_ANY_REAL_CJK.finditer(sentence)):
                out.append((number, m.group("name"), None, negation_in(sentence)))
            for m in (m for pattern in _SIGN_FREED for m in pattern.finditer(sentence)):
                out.append((number, m.group("name"), None, ""))
            for m in _EVERY_REAL.finditer(sentence):
                out.append((number, next(g for g in m.groups() if g is not None), None,
                            "" if m.group("unassumed") or m.group("dropped") or m.group("cjk_end") or m.group("lifted")
                            or m.group("freed") or m.group("kept")
                            or m.group("general") or m.group("general_cjk")
                            else negation_in(sentence)))       # ("no longer assume $x$ …" sets x free)
            if _EVERY_NAME_FREED.search(sentence) and not _EVERY_NAME_SIGNED.search(sentence):
                out.append((number, "*", None, ""))            # "We now drop this assumption": every name free
            for m in _EVERY_NAME_SIGNED.finditer(sentence):   # "All variables are positive": every name, "*"
                tail = sentence[m.end():]
                excepted = _EXCEPT.search(tail)         # "…, except $t$, which may be of either sign": t only
                excepted_names = re.findall(r"\$\s*\\?([A-Za-z]+)\s*\$", tail[excepted.end():]) if excepted else []
                rest = sentence[:m.start()] + " " + (tail[:excepted.start()] if excepted else tail)
                if negation_in(rest) or re.search(r"(?i)\bfalse\b|\bwrong\b|\bnot\b|\bcannot\b|n't\b|"
                                                      r"\bneither\b|\bnor\b|不|非|\bexamples?\b|\bcases?\b|"
                                                      r"\bfirst\b|\bsecond\b|\bin\s+(?:the\s+)?(?:appendix|appendices|"
                                                      r"exercises?|other\s+\w+)\b|\btextbooks?\b|\boften\b|\busually\b|"
                                                      r"\b(?:some|many|most|other)\s+(?:authors|texts|papers|people)\b|"
                                                      r"\bsay\b|\bsays\b|\bclaim", sentence[:m.start()]):
                    continue                # "It is false that all variables are positive", "We cannot assume …"
                if sentence.rstrip().endswith(";") and re.search(    # "… all variables are positive; we do not"
                        r"(?i)\bnot\b|n't\b|\bnever\b|\bany\s+sign\b|\beither\s+sign\b|\bneed\s+not\b|\bmain\s+text\b|"
                        r"\bhere\b|\bbut\b|不|任意", re.split(r"[.!?。！？]", line[line.find(sentence) + len(sentence):])[0]):
                    continue
                if re.fullmatch(r"(?i)\s*(?:if|when|whenever|assuming|provided(?:\s+that)?|for\s+the\s+case\s+that)\s*",
                                sentence[:m.start()]):
                    if re.search(r"(?i)\bnot?\b|n't\b", rest) or not re.fullmatch(    # (a case of the display it
                            r"(?i)\s*[,:]?\s*(?:then\s*)?(?:,?\s*(?:we\s+(?:have|get|obtain|find)|one\s+(?:has|gets|finds)|"
                            r"it\s+holds\s+that))?\s*[,:]?\s*", re.split(r"\$\$|\\\[", tail)[0]):
                        # (a case of the display it leads into, not "…, the bound is tight")
                        continue
                    sign = _blanket_sign(m)
                    out.append((number, "*case", sign, ""))      # "If all variables are positive, $$…$$": a case
                    continue
                if _HEDGED.search(_INLINE_MATH.sub(" ", rest)) or re.search(r"如果|若|当|是否|不", rest):
                    continue
                sign = _blanket_sign(m)
                throughout = re.search(r"(?i)\bthroughout\b|\b(?:these|the)\s+(?:notes|document|post|article|paper)\b|"
                                       r"\bfrom\s+now\s+on\b|\bhenceforth\b|全文|本文", sentence)
                out.append((number, "*" if throughout else "*section", sign, ""))
                out.extend((number, name, None, "") for name in excepted_names)   # (set free after the blanket)
            out.extend((number, next(g for g in freed.groups() if g), None, "")
                       for freed in _MAY_BE_EITHER.finditer(sentence))   # ("The offset $c$, however, may be negative":
            #                                                              free of a blanket sign said before)
            for pattern in (_SIGN_STATED, _SIGN_STATED_CJK, _SIGN_FIXED, _SIGN_BY_SET, _SIGN_BY_NOUN):
                m = pattern.search(sentence.strip())
                if m is None:
                    continue
                if re.match(r"(?i)\s*[,，]?\s*(?:where|其中)", sentence.strip()[m.start():]) and (
                        "$$" in line[:line.find(sentence.strip()[:20])] or _display_above(lines, number)):
                    continue                 # "$$|x| = x$$ where $x$ is positive": that display's case only
                rest = sentence.strip()[:m.start()] + " " + sentence.strip()[m.end():]
                if _HEDGED.search(_INLINE_MATH.sub(" ", rest)) or pattern is _SIGN_STATED_CJK and re.search(
                        r"如果|若|当|是否|或|不是|不为|并不|不一定|并非|错误|谬误|误以为|不对|不能|不可|不再|矛盾|反证", _INLINE_MATH.sub(" ", rest)):
                    continue
                sign = _SIGN_CJK.get(m.group("sign")) or _SIGN_WORDS[re.sub(r"\s+", " ", m.group("sign").lower())]
                if m.groupdict().get("neg") and re.search(r"(?i)\b(?:both|all)\b", m.group(0)):
                    continue                          # "$x$ and $y$ are not both positive": no sign of either
                sign = _OPPOSITE_SIGN[sign] if "neg" in m.groupdict() and m.group("neg") else sign   # "is not positive"
                column = max(0, line.find(sentence.strip()[:30])) + m.start()      # (line: raw, same length)
                doubt = unplain(lines, number, column, allow=r"\bnot\b" if m.groupdict().get("neg") else "")
                if not doubt and m.groupdict().get("noun") and not _SCOPE_NOUN.fullmatch(m.group("noun").strip()):
                    # "The weight $w$ is positive.": a description, which (not "Throughout this chapter, $y$ is …")
                    doubt = f"the words \"{m.group(0).strip()[:60]}\", which describe it and assume nothing"  # the next
                    # sentence may take back ("That is wrong for this data set"): never a ground for a proof
                out.extend((number, name, sign, doubt) for name in _names_of(m.group("names")))
    return out


_SCOPE_NOUN = re.compile(r"(?i)(?:this|the|our)\s+(?:chapter|section|note|notes|paper|text|article|document|part|book|"
                         r"appendix|derivation|lecture|post|discussion|analysis|rest(?:\s+of\s+\w+)?)")
"""The words before a sign that say where it holds, not what the name is ("Throughout this chapter, $y$ is positive")."""
_ENTRY_TEX = r"(?P<base>[A-Za-z]|\\[A-Za-z]+)\s*_\s*\{?\s*(?P<index>[a-z])\s*\}?"
_LIST_TEX = (r"(?P<lbase>[A-Za-z]|\\[A-Za-z]+)\s*_\s*\{?\s*[A-Za-z0-9]+\s*\}?\s*,\s*(?:\\[lc]?dots|…|\.\.\.)\s*,"
             r"\s*(?P=lbase)\s*_\s*(?:\{[^{}$]+\}|[A-Za-z0-9])")
_FAMILY_SIGN = re.compile(rf"\$\s*(?:{_ENTRY_TEX}|{_LIST_TEX})\s*\$\s+(?:(?:is|be|are)\s+(?:all\s+)?(?:an?\s+)?(?:real\s+)?"
                          rf"{_SIGN}\b|(?:均为|都是|为|是)?\s*{_CJK_SIGN.replace('sign', 'cjk')}{_CJK_AFTER})", re.I)
_LISTED_ENTRIES = (r"(?P<lbase>[A-Za-z]|\\[A-Za-z]+)\s*_\s*\{?\s*[A-Za-z0-9]+\s*\}?"
                   r"(?:\s*,\s*(?:(?:\\[lc]?dots|…|\.\.\.)\s*,\s*)?(?P=lbase)\s*_\s*(?:\{[^{}$]+\}|[A-Za-z0-9]))+")
"""``p_1, p_2``, ``p_1, \\dots, p_K``: entries of one family listed (with or without dots)."""
_FAMILY_SIGN_MATH = re.compile(rf"\$\s*{_LISTED_ENTRIES}\s*(?P<op>>|\\geq?(?:slant)?|<|\\leq?(?:slant)?)\s*0\s*\$", re.I)
_FAMILY_FREE = re.compile(rf"\$\s*(?:{_ENTRY_TEX}|{_LISTED_ENTRIES})\s*\$\s+(?:(?:may|can)\s+)?(?:be|is|are)\s+(?:now\s+)?"
                          rf"(?:any\s+real|arbitrary|of\s+any\s+sign)|\b(?:drop|dropping|remove|removing|relax|relaxing)"
                          rf"\s+the\s+(?:assumption|condition)\s+that\s+(?:the\s+)?\$\s*(?:{_ENTRY_TEX.replace('base', 'dbase').replace('index', 'dindex')})\s*\$"
                          rf"|(?:可以取|可取|取)任意(?:实数|值)", re.I)
"""Words that free every entry of a family again ("Now let $p_k$ be any real numbers")."""
_FAMILY_NOUN = re.compile(rf"(?i)(?:\bsingular\s+values?|奇异值)\s*(?:are|is|为|是|[:：])?\s*"
                          rf"\$\s*(?:{_ENTRY_TEX}|{_LISTED_ENTRIES})\s*\$")
"""Nouns that give every entry of a family its sign ("with singular values $s_1, \\dots, s_r$": positive, as a
compact SVD lists them)."""
_MATH_OP = {">": ">", "\\ge": ">=", "\\geq": ">=", "\\geqslant": ">=", "<": "<", "\\le": "<=", "\\leq": "<=",
            "\\leqslant": "<="}


_FAMILY_SIGN_EVERY = re.compile(
    r"\$\s*(?P<lbase>[A-Za-z]|\\[A-Za-z]+)\s*_\s*\{?\s*(?P<index>[A-Za-z])\s*\}?\s*"
    r"(?P<op>>|\\geq?(?:slant)?|<|\\leq?(?:slant)?)\s*0\s*\$\s*,?\s*"
    r"(?:(?i:for\s+(?:every|all|each|any))\s+\$?\s*(?P=index)(?![A-Za-z])|(?:对)?(?:任意|所有|每个|一切)(?:的)?\s*\$?\s*(?P=index))")
"""One entry's sign said of every index ("Let $y_k > 0$ for every $k$", "$p_i \\ge 0$ for all $i$")."""


def family_signs_in_words(lines: list[str]) -> list[tuple[int, str, str | None]]:
    """Signs the prose states for entries of a family: "Let $p_k$ be positive", "$w_1, \\dots, w_n$
    are nonnegative", "$p_1, \\dots, p_K > 0$", "设 $p_k$ 均为正数" — (line, the family's name as
    written, one of > >= < <=).  A sentence that hedges or takes a case ("if", "whether", "not", …)
    gives none.  Read widely ("$w_k$ is positive for even $k$" too): the signs only doubt a
    counterexample that breaks them (never a hypothesis of a proof)."""
    out: list[tuple[int, str, str | None]] = []
    for number, line in enumerate(lines, 1):
        for m in (*_FAMILY_SIGN.finditer(line), *_FAMILY_SIGN_MATH.finditer(line), *_FAMILY_SIGN_EVERY.finditer(line)):
            sentence = sentence_around(line, m.start())
            rest = sentence.replace(m.group(0), " ")
            if _HEDGED.search(_INLINE_MATH.sub(" ", rest)) or negation_in(sentence) or re.search(
                    r"如果|若|当|是否|或|不是|不为|并不|不一定|并非|错误|误以为|不能|不再", rest):
                continue
            groups = m.groupdict()
            if groups.get("op"):
                sign = _MATH_OP.get(groups["op"])
            elif groups.get("sign") or groups.get("cjk"):
                sign = _SIGN_CJK.get(groups["cjk"] or "") or _SIGN_WORDS.get(re.sub(r"\s+", " ", (groups["sign"] or "").lower()))
            else:
                sign = None
            base = groups.get("base") or groups.get("lbase")
            if sign and base:
                out.append((number, base, sign))
        for m in _FAMILY_NOUN.finditer(line):
            if not (_HEDGED.search(_INLINE_MATH.sub(" ", sentence_around(line, m.start())))
                    or negation_in(sentence_around(line, m.start()))):
                out.append((number, m.group("base") or m.group("lbase"), ">"))
        for m in _FAMILY_FREE.finditer(line):
            base = m.groupdict().get("base") or m.groupdict().get("lbase") or m.groupdict().get("dbase")
            if base is None:           # 现在 $p_k$ 可以取任意实数: the entry written before the words
                before = re.findall(r"\$\s*([A-Za-z]|\\[A-Za-z]+)\s*_\s*\{?\s*([A-Za-z0-9]+)\s*\}?\s*\$",
                                    line[:m.start()])
                base = before[-1][0] if before and not before[-1][1].isdigit() else None   # ($p_1$: one entry)
            if base:
                out.append((number, base, None))
    return sorted(out, key=lambda t: t[0])


_SET_ASIDE_BEFORE = re.compile(r"(?i)(?:\b(?:unlike\s+(?:in\s+)?the\s+cases?|(?:everywhere\s+|anywhere\s+)?(?:except|excepting)"
                               r"(?:\s+possibly)?(?:\s+(?:for|when|where|if|at|in))?(?:\s+the\s+(?:cases?|points?))?"
                               r"(?:\s+(?:where|when|at|of))?|(?:everywhere|anywhere)\s+but(?:\s+(?:at|for|when|where))?|"
                               r"save\s+(?:at|for|when|where)|excluding|unless|but\s+not(?:\s+(?:for|when|at|if))?|"
                               r"(?:apart|aside|away)\s+from(?:\s+the\s+(?:cases?|points?))?|other\s+than(?:\s+(?:at|for|when))?|"
                               r"with\s+the\s+exception\s+of|outside(?:\s+of)?|besides|barring|"
                               r"(?:leaving|setting|putting|laying)\s+aside|disregarding)"
                               r"(?:\s+the)?(?:\s+[a-z-]+){0,2}?(?:\s+(?:cases?|points?|values?|situations?|settings?))?|"
                               r"除了|除非|除去)\s*$")
# ("Excluding the fair case $2p = 1$", "apart from the degenerate case $a = 0$")
_SET_ASIDE_AFTER = re.compile(r"(?i)^[^.;]*?\b(?:is|are)\s+(?:left\s+(?:to\s+the\s+reader|as\s+an?\s+exercise)|treated\s+"
                              r"(?:separately|later|elsewhere|below)|handled\s+(?:separately|later|elsewhere))")
_THE_REST = re.compile(r"(?i)\b(?:rest|remaining|other|otherwise|else)\b|其余|其他|否则")


_TIGHT_BEFORE = re.compile(r"(?i)(?:\bequality\s+(?:holds\s+|is\s+(?:attained|achieved|reached)\s+)?(?:only\s+|exactly\s+|precisely\s+)?"
                           r"(?:at|when|iff|if|for|where)|\b(?:attained|achieved|reached|tight)\s+(?:only\s+)?(?:at|when|for|iff)|"
                           r"等号(?:在|当)|取等(?:号)?(?:在|当)?|(?:取到|达到)(?:最大值|最小值|上界|下界)?(?:在|当)?)\s*$")


def tight_at(lines: list[str], rel: Relation) -> bool:
    """Whether an inline value names where an inequality is tight ("with equality at $x = 0$",
    "等号在 $p = 1/2$ 时成立"): neither a claim nor a case of what follows."""
    found = _words_before(lines, rel)
    return found is not None and bool(_TIGHT_BEFORE.search(found[2]))


def _words_before(lines: list[str], rel: Relation) -> tuple[str, int, str] | None:
    """An inline relation's line, where it starts there, and the words of its sentence before it
    (inline math as "M"); None when it cannot be found on its line."""
    if not 1 <= rel.line <= len(lines):
        return None
    line = lines[rel.line - 1]
    at = line.find(rel.tex.strip())
    if at < 0:
        return None
    return line, at, _SENTENCE_END.split(_INLINE_MATH.sub(" M ", line[:at].rstrip().rstrip("$").rstrip("\\(")))[-1]


_INTRODUCED_BY = re.compile(r"(?i)(?:\b(?:let|pick|choose|take|fix|select)\s+M\s+(?:be\s+)?(?:an?\s+index\s+)?"
                            r"(?:such\s+that|so\s+that|with|satisfying|that\s+satisf(?:y|ies))|"
                            r"(?:设|取|令)\s*M\s*(?:使得?|满足))\s*$")


def introduced_by(lines: list[str], rel: Relation) -> str | None:
    """The name (as written) a sentence introduces by the inline relation after it ("Let $k$ be such
    that $z_k = \\max_j z_j$", "取 $k$ 使得 …"): what the relation says of it holds wherever the name
    is used after (a standing condition), not in the next display only; None when it is no such."""
    found = _words_before(lines, rel)
    if found is None or not _INTRODUCED_BY.search(found[2]):
        return None
    line, at, _ = found
    math = list(_INLINE_MATH.finditer(line[:at].rstrip().rstrip("$").rstrip("\\(")))
    if not math:
        return None
    name = math[-1].group(0).strip("$").strip().removeprefix("\\(").removesuffix("\\)").strip()
    return name if re.fullmatch(r"[A-Za-z]|\\[A-Za-z]+", name) else None


def excluded_in_words(lines: list[str], rel: Relation) -> bool:
    """Whether the words right before an inline relation exclude its case ("unless $p = 1/2$",
    "but not at $t = 0$", "except when $x < 0$"), whether or not the sentence goes on to a display."""
    found = _words_before(lines, rel)
    return found is not None and bool(_SET_ASIDE_BEFORE.search(found[2]))


_STATEMENT_NOUN = r"(?:event|statement|inequality|assertion|claim|proposition|predicate|condition|indicator\s+of)"
_NAMES_THE_MATH = re.compile(r"(?i)(?:\bM\s*(?:\(\s*)?(?:stands?\s+for|abbreviates|denotes?|means|refers\s+to|"
                             r"is\s+(?:an?\s+|our\s+)?(?:abbreviation|shorthand|short|notation)\s+for|"
                             rf"(?:is|be|denotes?|for|as)\s+(?:the\s+|an?\s+)?{_STATEMENT_NOUN}(?:\s+that)?)"
                             rf"|\b(?:denote|write)\s+by\s+M\s+the\s+{_STATEMENT_NOUN}(?:\s+that)?"
                             r"|M\s*(?:表示|代表|记作|是事件))\s*$")
"""Words that make the inline math after them what a name stands for ("$P$ stands for $x \\le y$",
"$A$ is the event $X > 0$"): a named statement, neither a claim nor an assumption of the text."""


def named_in_words(lines: list[str], rel: Relation) -> bool:
    """Whether an inline relation is what a name stands for: "In the figure, $P$ stands for $x \\le y$"
    assumes nothing about x and y (read as a condition, max(x, y) = y was proved for real x, y)."""
    found = _words_before(lines, rel)
    return found is not None and bool(_NAMES_THE_MATH.search(found[2]))


def set_aside(lines: list[str], rel: Relation) -> bool:
    """Whether the sentence around an inline condition sets its case aside: "Unlike the case $x < 0$,
    …", or "The case $y < 0$ is left to the reader. For the rest, $$…$$" — what follows is then about
    the other case."""
    found = _words_before(lines, rel)
    if found is None:
        return False
    line, at, before = found
    after = line[at + len(rel.tex.strip()):].lstrip("$").lstrip("\\)")
    if _SET_ASIDE_BEFORE.search(before):       # "except when $x < 0$." ends its sentence: not the next display's
        following = " ".join([after.split("$$")[0], *([] if "$$" in after else lines[rel.line:rel.line + 2])])
        return not _SENTENCE_END.search(following.split("$$")[0])
    to_display = after.split("$$")[0] if "$$" in after else " ".join([after, *lines[rel.line:rel.line + 2]]).split("$$")[0]
    return bool(_SET_ASIDE_AFTER.match(after)) and bool(_THE_REST.search(to_display)) \
        and bool(re.search(r"(?i)\bcases?\s*$", before))         # "The case $y < 0$ is left …", not a proof


def label_set(tex: str, domain: Domain) -> list[tuple[str, sp.Expr, sp.Expr]]:
    """``y \\in \\{1, \\ldots, K\\}`` (also ``\\{0, 1, \\dots, K - 1\\}``) in prose: each name is an integer
    from lo to hi — (name, lo, hi); nothing for other sets."""
    from ..latex import Context, Unparsed, parse_tex
    m = LABEL_SET.match(tex)
    if m is None:
        return []
    context = Context(names=domain.names())
    try:
        lo, hi = parse_tex(m.group("lo"), context), parse_tex(m.group("hi"), context)
        step = parse_tex(m.group("next"), context) - lo if m.group("next") else sp.Integer(1)
    except Unparsed:
        return []
    hi = hi.xreplace({x: sp.Symbol(x.name, integer=True, positive=True) for x in hi.free_symbols
                      if isinstance(x, sp.Symbol) and x.name not in context.names})
    if not (lo.is_Integer and step == 1 and hi.is_integer):
        return []
    return [(name.strip(), lo, hi) for name in m.group("names").split(",")]


SAMPLED = re.compile(rf"^\s*(?P<names>{_MEMBER_NAME}(?:\s*,\s*{_MEMBER_NAME})*)\s*(?:\\mid\s*[^$]*?)?"
                     r"(?:\\sim|\\(?:overset|stackrel)\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\s*\{\s*\\sim\s*\})\s*"
                     r"(?:\\(?:mathrm|operatorname|text|textrm|mathsf|mathcal|mathit)\s*\{\s*(?P<braced>[A-Za-z]+)\s*\}|"
                     r"(?P<plain>[A-Za-z]+))\s*(?:\\left)?[\(\[](?P<params>[^()\[\]]*)(?:\\right)?[\)\]]\s*$")
"""``x_i \\mid \\lambda \\sim \\mathrm{Poisson}(\\lambda)``, ``y \\overset{iid}{\\sim} \\mathrm{Bern}(p)``: names drawn
from a distribution the text names."""

_SUPPORTS = {       # a family's support (lower, lower open, upper, upper open; None: unbounded) and, for
    # each parameter by position, its range as (lower, open, upper, open) — the textbook definitions
    "poisson": ((0, False, None, False), [(0, True, None, False)]),
    "bernoulli": ((0, False, 1, False), [(0, False, 1, False)]),
    "bern": ((0, False, 1, False), [(0, False, 1, False)]),
    "binomial": ((0, False, None, False), [(0, False, None, False), (0, False, 1, False)]),
    "bin": ((0, False, None, False), [(0, False, None, False), (0, False, 1, False)]),
    "geometric": ((0, False, None, False), [(0, True, 1, False)]),
    "exponential": ((0, False, None, False), [(0, True, None, False)]),
    "exp": ((0, False, None, False), [(0, True, None, False)]),
    "expo": ((0, False, None, False), [(0, True, None, False)]),
    "gamma": ((0, True, None, False), [(0, True, None, False), (0, True, None, False)]),
    "beta": ((0, False, 1, False), [(0, True, None, False), (0, True, None, False)]),
    "laplace": (None, [None, (0, True, None, False)]),
}
_UNBOUNDED = frozenset({"normal", "n", "gaussian", "gauss", "laplace", "cauchy", "t", "student", "logistic",
                        "gumbel"})
"""Families whose draws are any real: a draw from one drops the bounds an earlier draw gave the name."""


def is_stated_range(tex: str) -> bool:
    """``p \\in (0, 1)`` or ``x_i \\sim \\mathrm{Poisson}(\\lambda)`` in prose: bounds on names from there on."""
    return bool(MEMBERSHIP.match(tex) or _sampled(tex))


def _sampled(tex: str) -> re.Match | None:
    """A draw from a named family (any: one softsym has no support for clears the name's bounds)."""
    return SAMPLED.match(tex)


def _ranged(x: sp.Basic, bounds: tuple | None) -> tuple[sp.Basic, ...]:
    if bounds is None:
        return ()
    lo, lo_open, hi, hi_open = bounds
    out = []
    if lo is not None:
        out.append((sp.Lt if lo_open else sp.Le)(sp.sympify(lo), x))
    if hi is not None:
        out.append((sp.Lt if hi_open else sp.Le)(x, sp.sympify(hi)))
    return tuple(out)


def sampled_bounds(tex: str, domain: Domain, functions: set[str]) -> list[tuple[str, tuple[sp.Basic, ...]]]:
    """``x_i \\mid \\lambda \\sim \\mathrm{Poisson}(\\lambda)``: the support of the named family bounds each
    name drawn (x_i ≥ 0) and its range bounds each parameter written as a name alone (λ > 0); a
    parameter written as an expression (``\\mathrm{Poisson}(e^{\\theta x})``) bounds nothing."""
    from ..latex import Unparsed, parse_tex
    m = _sampled(tex)
    if m is None:
        return []
    family = (m.group("braced") or m.group("plain")).lower()
    if family not in _SUPPORTS and family not in _UNBOUNDED and family not in ("uniform", "unif", "u"):
        return []                               # a family softsym has no table for: nothing read, nothing dropped
    support, parameters = _SUPPORTS.get(family, (None, None))
    context = plain_context(domain, functions)
    try:
        names = [parse_tex(x, context) for x in m.group("names").split(",")]
        params = [parse_tex(x, context) for x in m.group("params").split(",")] if m.group("params").strip() else []
    except Unparsed:
        return []
    if family in ("uniform", "unif", "u") and len(params) == 2 and all(p.is_number for p in params):
        support, parameters = (params[0], False, params[1], False), [None, None]   # U(0, 1): 0 ≤ x ≤ 1
    if parameters is None or len(params) != len(parameters):
        parameters = []                     # another parameterization (Gamma(k)): the support only
    out = []                                # (an unbounded family: the names drawn lose earlier bounds)
    for x in names:
        if isinstance(x, (sp.Symbol, sp.Indexed)):
            out.append((sp.sstr(x), _ranged(x, support)))
    for value, bounds in zip(params, parameters):
        if isinstance(value, sp.Symbol) and _ranged(value, bounds):
            out.append((value.name, _ranged(value, bounds)))
    return out


def membership_bounds(tex: str, domain: Domain, functions: set[str]) -> list[tuple[str, sp.Basic]]:
    """``p, q \\in (0, 1)`` written in prose: each name's bounds (a hypothesis from there on); names
    drawn from a named distribution: see ``sampled_bounds``."""
    from ..latex import Unparsed, parse_tex
    if not MEMBERSHIP.match(tex):
        return sampled_bounds(tex, domain, functions)
    m = MEMBERSHIP.match(tex)
    context = plain_context(domain, functions)
    try:
        lo, hi = parse_tex(m.group("lo"), context), parse_tex(m.group("hi"), context)
        names = [parse_tex(x, context) for x in m.group("names").split(",")]
    except Unparsed:
        return []
    low = sp.Lt if m.group("open") == "(" else sp.Le
    high = sp.Lt if m.group("close") == ")" else sp.Le
    out = []
    for x in names:
        if isinstance(x, (sp.Symbol, sp.Indexed)) and not (lo.free_symbols | hi.free_symbols) & x.free_symbols:
            out.append((sp.sstr(x), (low(lo, x), high(x, hi))))
    return out


def as_bounds(conditions: list[sp.Basic], domain: Domain,
              doubled: set[str] | None = None, tight: bool = False) -> tuple[tuple[Bound, ...], list[sp.Basic]]:
    """Conditions that bound one undeclared symbol by numbers (``0 < p``, ``p < 1``, ``T > 0``) as its
    ``Bound`` — what the proof rules read best (0 < p < 1 becomes p = s/(1 + s)); the rest as they are.
    Of two bounds on one side the looser is kept, or with ``tight`` the tighter: every bound written
    then holds (a ValueError where they leave no value)."""
    declared = domain.names()
    doubled = set() if doubled is None else doubled        # names given two different bounds on one side
    ends: dict[sp.Symbol, dict[str, tuple[sp.Expr, bool]]] = {}
    rest = []
    for c in conditions:
        if isinstance(c, (sp.StrictLessThan, sp.LessThan, sp.StrictGreaterThan, sp.GreaterThan)):
            low, high = (c.lhs, c.rhs) if isinstance(c, (sp.StrictLessThan, sp.LessThan)) else (c.rhs, c.lhs)
            strict = isinstance(c, (sp.StrictLessThan, sp.StrictGreaterThan))
            # x > 1 and x > 0 both written before a display: which one the claim is made under ("the case
            # x > 1 is easy; for every x > 0 …", "we take x > 1 rather than x > 0") is the prose's to say —
            # the looser one is kept (a proof under it holds under both) and the name is reported as doubled
            if isinstance(high, sp.Symbol) and low.is_Number and high.name not in declared:
                known = ends.setdefault(high, {}).get("lower")
                if known is not None and (known[0], known[1]) != (low, strict):
                    doubled.add(high.name)
                if known is None or (low > known[0] or low == known[0] and strict if tight
                                     else low < known[0] or low == known[0] and not strict):
                    ends[high]["lower"] = (low, strict)
                continue
            if isinstance(low, sp.Symbol) and high.is_Number and low.name not in declared:
                known = ends.setdefault(low, {}).get("upper")
                if known is not None and (known[0], known[1]) != (high, strict):
                    doubled.add(low.name)
                if known is None or (high < known[0] or high == known[0] and strict if tight
                                     else high > known[0] or high == known[0] and not strict):
                    ends[low]["upper"] = (high, strict)
                continue
        rest.append(c)
    bounds = []
    for x, e in ends.items():
        lower, upper = e.get("lower", (None, False)), e.get("upper", (None, False))
        if tight and lower[0] is not None and upper[0] is not None and (
                lower[0] > upper[0] or lower[0] == upper[0] and (lower[1] or upper[1])):
            raise ValueError(f"the bounds written on {x} leave no value")
        bounds.append(Bound(x, lower[0], lower[1], upper[0], upper[1]))
    return tuple(bounds), rest


def parameter_bound(op: str, lhs: sp.Basic, rhs: sp.Basic) -> tuple[str, sp.Basic] | None:
    """``T > 0``, ``\\varepsilon < 1`` written in prose about a parameter (a Greek or capital name, not
    a variable such as x): it holds from there on (a later bound on the same name replaces it)."""
    if op not in ("<", "<=", ">", ">="):
        return None
    name, number = (lhs, rhs) if rhs.is_Number else (rhs, lhs) if lhs.is_Number else (None, None)
    if name is not None and _squared_positive(name, number) and op in (">", "<") and (name == lhs) == (op == ">"):
        name = name.base                # "variance $\sigma^2 > 0$": σ's own condition
    key = parameter_key(name)
    if key is None:
        return None
    letter = name.name if isinstance(name, sp.Symbol) else str(name.base.label)
    if len(letter) == 1 and letter.islower():
        return None
    relational = as_relational(op, lhs, rhs)
    return (key, relational) if relational is not None else None


_THROUGHOUT = re.compile(rf"(?i){FROM_HERE_ON}|\b(?:for\s+the\s+rest\s+of|(?:in|for)\s+(?:this|the\s+(?:whole|entire))\s+"
                         r"(?:section|note|post|chapter|document|text)|everywhere\s+below)\b|"
                         r"全文|本节(?:中)?(?:总|均|都)?(?:设|假设|假定)|(?:以下|下文)(?:中)?(?:总|均|都|一律)(?:设|假设|假定)|始终")


def bound_throughout(lines: list[str], rel: "Relation", op: str, lhs: sp.Basic,
                     rhs: sp.Basic) -> tuple[str, sp.Basic] | None:
    """``x > 0`` on any one name in a sentence that says it holds from there on ("We work with $x > 0$
    throughout", "from now on $0 < p < 1$", "以下总设 $x > 0$"): a standing bound like a parameter's
    (see :func:`parameter_bound`), or None."""
    if op not in ("<", "<=", ">", ">=") or not 1 <= rel.line <= len(lines):
        return None
    name = lhs if rhs.is_Number else rhs if lhs.is_Number else None
    key = parameter_key(name) if name is not None else None
    if key is None:
        return None
    from .hedges import sentence_around
    line = lines[rel.line - 1]
    at = column_on_line(line, rel)
    if at < 0 or not _THROUGHOUT.search(sentence_around(line, at)):
        return None
    relational = as_relational(op, lhs, rhs)
    return (key, relational) if relational is not None else None


def family_bound_for_every(lines: list[str], rel: "Relation", column: int, op: str, lhs: sp.Basic,
                           rhs: sp.Basic) -> tuple[str, sp.Basic] | None:
    """``p_k > 0`` (``p(x) > 0`` at an outcome) in a sentence that assumes it of every index ("Assume
    $p_k > 0$ for all $k$", "I assume $p(x) > 0$ and $q(x) > 0$ for all $x$", "设对任意 $k$ …"): a
    standing bound on every entry of the family, keyed ``"p[]"``, with the index made ``k_every`` (a
    symbol no relation writes: the prover reads it "for every index").  None for anything else — a
    restricted index ("for every $k \\ge 2$"), a case ("if …"), a hedge."""
    from .hedges import assumed_in_words
    if op not in ("<", "<=", ">", ">=") or not 1 <= rel.line <= len(lines) or column < 0:
        return None
    entry, number = (lhs, rhs) if rhs.is_Number else (rhs, lhs) if lhs.is_Number else (None, None)
    if not isinstance(entry, sp.Indexed) or len(entry.indices) != 1 or not isinstance(entry.indices[0], sp.Symbol) \
            or not entry.indices[0].is_integer or number.free_symbols:
        return None
    index = entry.indices[0].name
    line = lines[rel.line - 1]
    end = line.find("$", column + 1)
    if end < 0:
        return None
    after = line[end + 1:]
    quantified = re.match(rf"(?i)\s*(?:,?\s*and\s+\$[^$]*\$\s*)*,?\s*(?:for\s+(?:all|every|each|any)\s+\$\s*{re.escape(index)}\s*\$"
                          rf"(?=\s*(?:[.,;:]|and\b|$))|(?:对)?(?:任意|所有|每个|一切)(?:的)?\s*\$\s*{re.escape(index)}\s*\$)", after)
    if quantified is None or not assumed_in_words(lines, rel.line, column):
        return None
    from .hedges import _UNLESS_SAID, _paragraph_text
    paragraph, _ = _paragraph_text(lines, rel.line, column)
    paragraph = _UNLESS_SAID.sub(" ", paragraph)            # ("Unless said otherwise, …": a default, no exception)
    base = re.escape(str(entry.base.label))
    if re.search(r"(?i)\bexcept|\bexception|\bbut\b|\bwhile\b|\bhowever\b|\bunless\b|\bother\s+than\b|除了|除非|但|然而",
                 re.sub(r"\$[^$]*\$", " ", paragraph)) \
            or re.search(rf"\$[^$]*(?<![A-Za-z\\])\\?{base}\s*_\s*\{{?\s*\d", paragraph):
        return None        # "…for all $k$; the first entry $p_1$ is the exception": not every entry
    every = sp.Symbol("k_every", integer=True)
    relational = as_relational(op, lhs.xreplace({entry.indices[0]: every}), rhs.xreplace({entry.indices[0]: every}))
    return (f"{entry.base.label}[]", relational) if relational is not None else None


_SET_FOR_ALL = re.compile(rf"(?i){FROM_HERE_ON}|\b(?:for|in)\s+(?:the|all|our|these)\s+(?:derivations?|computations?|"
                          r"calculations?|algebra|rest|remainder)\b|(?:以下|下文|后面)(?:的)?(?:推导|计算)?(?:中)?(?:都|均|一律)?")
_SETTING = re.compile(r"(?i)\b(?:set|fix|take)\b|取|令|设")


def pin_throughout(lines: list[str], rel: "Relation", column: int, lhs: sp.Basic, rhs: sp.Basic
                   ) -> tuple[str, sp.Basic] | None:
    """A value the text sets for what follows ("For the derivations I set $\\alpha_t = 1$; it just multiplies
    everything", "From now on we take $\\tau = 1$", "以下推导中取 $a = 1$"): a standing value of that name (or
    of that entry as written, ``alpha[t]``: it holds where a relation writes that entry), keyed as a
    standing bound is.  None for anything else, or a sentence that hedges (:func:`unplain`)."""
    from .hedges import sentence_around, unplain
    if not 1 <= rel.line <= len(lines) or column < 0 or not rhs.is_Number:
        return None
    if isinstance(lhs, sp.Indexed):
        key = sp.sstr(lhs)
    else:
        key = parameter_key(lhs)
    if key is None:
        return None
    sentence = sentence_around(lines[rel.line - 1], column)
    if not (_SET_FOR_ALL.search(sentence) and _SETTING.search(sentence)) or unplain(lines, rel.line, column):
        return None
    return key, sp.Eq(lhs, rhs)


def parameter_key(name: sp.Basic) -> str | None:
    """The key of a standing bound's name: a scalar's name, or an entry with numbers for indices
    (``\\beta_1``: "beta[1]", one parameter of a numbered pair); None for anything else."""
    if isinstance(name, sp.Symbol):
        return name.name
    if isinstance(name, sp.Indexed) and all(i.is_Integer for i in name.indices):
        return sp.sstr(name)
    return None


def spoken_keys(*exprs: sp.Basic) -> set[str]:
    """The keys (see :func:`parameter_key`) of the names and numbered entries ``exprs`` speak of."""
    out: set[str] = set()
    for e in exprs:
        out |= {x.name for x in e.free_symbols if isinstance(x, sp.Symbol)}
        out |= {k for i in e.atoms(sp.Indexed) if (k := parameter_key(i)) is not None}
    return out


def relevant_hypotheses(given: tuple[sp.Basic, ...], left: sp.Basic, right: sp.Basic,
                        bounded: frozenset[str] = frozenset()) -> tuple[sp.Basic, ...]:
    """The hypotheses that speak of the relation's names (through one another): a constraint on
    names the relation never mentions (Σ_k y_k = 1 beside a relation in z only) cannot matter to
    it — any point of the relation extends to one that satisfies it — and would only hide
    counterexamples from the search.  ``bounded``: the names the domain bounds ("Let $b > 0$": the case
    b = a − 1 then matters to a relation in a alone, a > 1)."""
    integers = {s.name for e in (left, right, *given) for s in e.atoms(sp.Symbol) if s.is_integer}

    def values(*exprs: sp.Basic) -> set[str]:               # indices and sizes (integers) connect nothing
        named = names_in(*exprs) - integers
        numbered = {i for e in exprs for i in e.atoms(sp.Indexed) if all(j.is_Integer for j in i.indices)}
        general = {f"{i.base.label}[]" for e in exprs for i in e.atoms(sp.Indexed)
                   if not all(j.is_Integer for j in i.indices)}
        # β_1 and β_2 are two parameters: a bound on β_1 says nothing of β_2 (β_i speaks of both)
        return (named - {f"{i.base.label}[]" for i in numbered} | general) | {sp.sstr(i) for i in numbered}

    def meet(a: set[str], b: set[str]) -> bool:
        families = {n.split("[", 1)[0] for n in a if n.endswith("[]")}
        others = {n.split("[", 1)[0] for n in b if n.endswith("[]")}
        return bool(a & b) or any(n.split("[", 1)[0] in families for n in b if "[" in n) \
            or any(n.split("[", 1)[0] in others for n in a if "[" in n)

    names = values(left, right)
    given = tuple(g for g in given if not _free_to_choose(g, [o for o in given if o is not g],
                                                          names_in(left, right) - integers, bounded))
    chosen: list[sp.Basic] = []
    rest = list(given)
    changed = True
    while changed:
        changed = False
        for g in list(rest):
            if meet(values(g), names) or not values(g):
                chosen.append(g)
                names |= values(g)
                rest.remove(g)
                changed = True
    return tuple(g for g in given if g in chosen)


def _free_to_choose(hypothesis: sp.Basic, others: list[sp.Basic], names: set[str],
                    bounded: frozenset[str] = frozenset()) -> bool:
    """An equation ``g_k = g`` whose one side is a name found nowhere else (not in the relation, not
    in the other hypotheses, not in its own other side) and not bounded: any point extends to one
    that satisfies it by choosing that name, so it cannot matter to the relation."""
    if not isinstance(hypothesis, sp.Eq):
        return False
    for side, other in ((hypothesis.lhs, hypothesis.rhs), (hypothesis.rhs, hypothesis.lhs)):
        if not isinstance(side, (sp.Symbol, sp.Indexed)) or isinstance(side, sp.Dummy):
            continue
        name = names_in(side)
        symbol = side.base.label if isinstance(side, sp.Indexed) else side
        limited = any(getattr(symbol, f"is_{a}") for a in ("positive", "negative", "nonnegative", "nonpositive",
                                                           "integer", "zero")) or sp.sstr(side) in bounded
        if len(name) == 1 and not limited and not name & (names | names_in(other)) \
                and not any(name & names_in(o) for o in others):
            return True
    return False


def is_condition(op: str, lhs: sp.Basic, rhs: sp.Basic) -> bool:
    """``n > 2``, ``x \\ge 0``, ``i \\ne j``: an inequality between a name and a number or another
    name states where the text is, not something to prove."""
    if op in (">", "<") and _squared_positive(lhs if op == ">" else rhs, rhs if op == ">" else lhs):
        return True                     # "the same variance $\sigma^2 > 0$": σ is not 0
    return op in ("<", "<=", ">", ">=", "!=") and is_atomic(lhs) and is_atomic(rhs) and not (lhs.is_Number
                                                                                       and rhs.is_Number)


def _squared_positive(big: sp.Basic, small: sp.Basic) -> bool:
    """``σ^2 > 0`` (``big`` an even power of a name, ``small`` zero)."""
    return small == 0 and isinstance(big, sp.Pow) and isinstance(big.base, (sp.Symbol, sp.Indexed)) \
        and big.exp.is_Integer and big.exp > 0 and big.exp % 2 == 0


def _one_sentence(lines: list[str], line: int, column: int, rel: Relation) -> bool:
    """Whether the inline math at (``line``, ``column``) and the inline relation ``rel`` on a later
    line are in one sentence: no stop and no blank line between them ("当 $y = 0$ 时，…，\n梯度为 $…$")."""
    if not 1 <= line < rel.line <= len(lines) or column < 0 or rel.line - line > 3:
        return False
    last = lines[rel.line - 1]
    cut = column_on_line(last, rel)
    first = lines[line - 1]
    close = first.find("$", column)                  # (the column is where the condition's tex starts)
    between = "\n".join([first[close + 1 if close >= 0 else column:], *lines[line:rel.line - 1], last[:max(cut, 0)]])
    if re.search(r"\$\$|\\\[|\\begin\s*\{", between):
        return False                                 # a display between: its own case (see _goes_on)
    return not _SENTENCE_END.search(_INLINE_MATH.sub(" x ", between))


def conditions_for(rel: Relation, conditions: list[tuple[int, sp.Basic | None]], blocks,
                   lines: list[str] | None = None, columns: dict | None = None) -> list[sp.Basic]:
    """The inline conditions that govern ``rel``: "for $i = j$: $$…$$" — those written after the
    previous display block and before the display that holds ``rel`` — or, for inline math, those
    earlier on the same line ("for $x \\ge 0$, $\\sigma(x) \\le …$") and, in the paragraph that goes
    on right after a display ("For $K = 2$: $$…$$ So $p_1 = …$"), those of that display."""
    block = None if rel.display is False else rel.block if rel.block is not None and rel.block.display else \
        next((b for b in blocks if b.display and b.line <= rel.line <= b.end_line), None)
    headed: list[sp.Basic] = []
    if lines is not None:              # a heading between a condition and the display ends it
        starts = section_starts(lines)
        conditions = [(line, c) for line, c in conditions if in_scope(starts, line, rel.line)]
        headed = [c for line, c in conditions if line in starts and _simple(c)    # "\paragraph{$T = 1$.}",
                  and not NOT_A_CASE.search(_INLINE_MATH.sub(" ", lines[line - 1]))]   # not "## Dropping $x > 0$"
    if block is None:
        here = [c for c in headed]
        sentence = [c for line, c in conditions if c is not None and line < rel.line and lines is not None
                    and columns is not None and _one_sentence(lines, line, columns.get((line, c), -1), rel)]
        lead = list_lead_in_line(lines, rel.line) if lines is not None else 0
        listed = [c for line, c in conditions if lead and line == lead and c is not None and is_pin(c)
                  and lines[lead - 1].rstrip().endswith((":", "："))] if lead and rel.line - lead <= 12 else []
        # ("**Example 3.** $x = (1, 2)$:\n- $β = 1$: $LSE(x) = …$\n- $β = 10$: …": the lead-in's values, every item's)
        same_line = [c for line, c in conditions if line == rel.line and c is not None]
        for c in [*listed, *sentence, *same_line]:
            here = [d for d in here if not _contradict(d, c) or d in same_line and c in same_line] + [c]
            # ("for $x<0$ … For $x > 0$ we have …": the later case; but "For both $x < 0$ and $x > 0$, $…$" on one
            # line: both, which admit no point together — the claim is left, not proved in one case only)
        before = max((b for b in blocks if b.display and b.end_line < rel.line), key=lambda b: b.end_line,
                     default=None)
        if before is not None and lines is not None and _goes_on(lines, before.end_line, rel.line) \
                and not any(before.end_line < h <= rel.line for h in starts) \
                and not _UNIVERSAL.search(lines[rel.line - 1] if 1 <= rel.line <= len(lines) else ""):
            previous = max((b.end_line for b in blocks if b.display and b.end_line < before.line), default=0)
            here += [c for line, c in conditions if previous <= line <= before.line and c is not None
                     and not any(_contradict(c, d) for d in here)]     # "… holds for negative $x$ too"
        return _latest_pins(here, conditions)
    first = run_start(block, blocks, lines)
    previous = max((b.end_line for b in blocks if b.display and b.end_line < first.line), default=0)
    cut = _end_of_display_before(block, blocks, lines)       # "If $a = b$ then $$…$$ In general, $$…$$"
    here = [c for line, c in conditions if previous < line <= block.line and c is not None
            and not (cut is not None and line == block.line and columns is not None
                     and 0 <= columns.get((line, c), -1) < cut)
            and not (lines is not None and case_paragraph_before(lines, line, block.line))
            and not (is_pin(c) and lines is not None and any(line < h <= block.line for h in starts))
            and not (lines is not None and columns is not None
                     and _case_switched_after(lines, line, columns.get((line, c), -1), block.line))]
    here = _without_cases_of_their_own(here, [(line, c) for line, c in conditions if previous < line <= block.line
                                              and c is not None], lines, columns, block)
    here = _from_condition_display(first, blocks, conditions, lines, columns) + here
    # (a value given before a heading, even a subsection's — "熵关于 $p=\tfrac12$ 对称。### 1.1 一阶导数
    # $$H'(p) = …$$" — is no case of the display after it)
    here = [c for c in headed if c not in here] + here
    kept: list[sp.Basic] = []
    for c in here:                   # "The case $x < 0$ is trivial. For $x > 0$ we have $$…$$": the later one
        kept = [d for d in kept if not _opposed(d, c)] + [c]
    here = kept
    if lines is not None and columns is not None:       # "For $n = 2$ (unlike $n = 3$)": not the case of the display
        at = {id(c): line for line, c in conditions if c is not None}
        here = [c for c in here if not (is_pin(c) and _contrasted(lines, at.get(id(c), 0), columns.get((at.get(id(c), 0), c), -1)))]
    return _latest_pins(here, conditions)


def _latest_pins(here: list[sp.Basic], conditions: list[tuple[int, sp.Basic | None]]) -> list[sp.Basic]:
    """``here`` with one value per name: x = 2, then x = 3 — the later by the line it is written on (a heading's
    value comes first in the list; "**Example 3.** $x = (1, 2)$" after example 2's $x = (-3, …)$)."""
    written_at = {id(c): line for line, c in conditions if c is not None}
    latest: dict = {}
    for c in sorted((c for c in here if is_pin(c)), key=lambda c: written_at.get(id(c), 0)):
        latest[c.lhs] = c
    return [c for c in here if not is_pin(c) or latest[c.lhs] is c]


_CONTRAST_BEFORE = re.compile(r"(?i)\b(?:unlike|rather\s+than|compared\s+(?:with|to)|instead\s+of|as\s+opposed\s+to|"
                              r"in\s+contrast\s+(?:with|to)|in\s+comparison\s+(?:with|to)|relative\s+to|as\s+against|"
                              r"against(?:\s+the\s+(?:baseline|reference))?|whereas|contrary\s+to|different\s+from|"
                              r"vis[- ]?[aà][- ]?vis|"
                              r"not|except|versus|vs\.?)\s+(?:(?:the|a)\s+)?(?:(?:case|value)\s+(?:of\s+|at\s+)?|"
                              r"(?:at|for|with)\s+)?$|(?:不同于|而非|不是|相比于?)\s*$")


def _contrasted(lines: list[str], line: int, column: int) -> bool:
    """Whether the inline math at (``line``, ``column``) is a value the words contrast with the case ("For $n = 2$
    (unlike $n = 3$)", "rather than $n = 3$", "compared with the value at $n = 3$")."""
    if column < 0 or not 1 <= line <= len(lines):
        return False
    before = lines[line - 1][:column].rstrip().rstrip("$").split("$")[-1]
    return bool(_CONTRAST_BEFORE.search(before.replace("(", " ")))


def values_alongside(pin: sp.Basic, line: int, conditions: list[tuple[int, sp.Basic | None]], lines: list[str],
                     columns: dict) -> list[sp.Basic]:
    """The other cases the words put the name of the case ``pin`` (written at ``line``) in, beside it: "for $t = 0$ or
    $t = 1$", "Both for $n = 2$ and for $n = 3$,", "it holds for $n = 3$; it also holds for $n = 2$", "For $x > 0$ (the
    case $x = 0$ is trivial)", "Now take $n = 3$. Exactly as for $n = 2$, …": what follows is said of each (or of
    another than the value kept), and conditions_for keeps only one, so a proof there proves nothing alone."""
    at = columns.get((line, pin), -1)
    if at < 0 or not 1 <= line <= len(lines):
        return []
    others = []
    for other_line, other in conditions:
        if other is None or other is pin or abs(other_line - line) > 3 or not isinstance(other, sp.Basic) \
                or pin.lhs not in other.free_symbols and other.lhs != pin.lhs \
                or is_pin(other) and other.lhs == pin.lhs and other.rhs == pin.rhs:
            continue
        column = columns.get((other_line, other), -1)
        if column < 0 or not 1 <= other_line <= len(lines):
            continue
        (first, start), (last, end) = sorted([(line, at), (other_line, column)])
        if (first, start) == (last, end):
            continue
        close = lines[first - 1].find("$", start)
        between = "\n".join([lines[first - 1][close + 1 if close >= 0 else start:] if first < last else
                             lines[first - 1][close + 1 if close >= 0 else start:end],
                             *lines[first:last - 1], *([lines[last - 1][:end]] if first < last else [])])
        if re.search(r"\$\$|\\\[|\\begin\s*\{|\n\s*\n", between):
            continue
        words = _INLINE_MATH.sub(" x ", between)
        if not re.search(r"[.!?。！？](?:\s|$)", words) or _AS_FOR.search(words):
            others.append(other)
    return others


def rival_values(pin: sp.Basic, line: int, conditions: list[tuple[int, sp.Basic | None]], lines: list[str],
                 columns: dict) -> list[sp.Basic]:
    """Another value of the name of the case ``pin`` (written at ``line``) given shortly before it, in the same
    paragraph, when ``pin`` itself is not plainly introduced as the case at hand ("Take $T = 1$. In contrast with
    $T = 2$, …", "Relative to $T = 2$", "与 $T = 2$ 对比"): which of the two the words mean is not clear — the later
    is kept as the case, so a proof or a refutation there says nothing alone."""
    at = columns.get((line, pin), -1)
    if at < 0 or not 1 <= line <= len(lines) or not is_pin(pin):
        return []
    rivals = []
    for other_line, other in conditions:
        if other is None or other is pin or not isinstance(other, sp.Basic) or not is_pin(other) \
                or other.lhs != pin.lhs or other.rhs == pin.rhs or not line - 3 <= other_line <= line:
            continue
        column = columns.get((other_line, other), -1)
        if other_line == line and not 0 <= column < at:
            continue
        if any(not lines[n - 1].strip() for n in range(other_line, line + 1)):
            continue                                # another paragraph: a new case, plainly
        rivals.append(other)
    if not rivals:
        return []
    text = lines[line - 1][:at]
    sentence = re.split(r"[.!?。！？；;](?:\s|$)|[。！？；]", _INLINE_MATH.sub(" x ", text.rstrip().rstrip("$")))[-1]
    if _PLAIN_CASE_CUE.search(sentence) and not _COMPARED.search(sentence):
        return []
    return rivals


def changed_in_words(lines: list[str], line: int, column: int, here: int, here_column: int,
                     names: frozenset[str] = frozenset()) -> str:
    """A word of the prose between the value written at (``line``, ``column``) and the relation at (``here``,
    ``here_column``; < 0: the whole line) that changes the example's values ("Double every entry", "The reversed
    vector", "after doubling the temperature", "for a hotter system"), or ``""``: the value given before may not
    be the one the relation speaks of."""
    if not 1 <= line <= here <= len(lines):
        return ""
    first = lines[line - 1]
    close = first.find("$", column + 1) if column >= 0 else -1
    start = close + 1 if close >= 0 else max(column, 0)
    if line == here:
        text = first[start:here_column] if here_column >= 0 else first[start:]
    else:
        last = lines[here - 1][:here_column] if here_column >= 0 else lines[here - 1]
        text = "\n".join([first[start:], *lines[line:here - 1], last])
    found = _CHANGING.search(_INLINE_MATH.sub(" ", text))
    if found:
        return found.group(0).strip()
    bases = [n.split("[")[0] for n in names if n.split("[")[0]]
    alone = [rf"\$\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{{\s*)?\\?{re.escape(n)}\s*\}}?\s*\$" for n in bases]
    leading = re.sub(r"(?:\$\$(?:(?!\$\$).)*\$\$|\\\[(?:(?!\\\[).)*\\\]|\\begin\{(\w+\*?)\}(?:(?!\\begin\{).)*"
                     r"(?:\\end\{\1\}|$))\s*[.,;]?\s*$", "",
                     text.rstrip(), flags=re.DOTALL)          # (the relation's own display taken off the end)
    pieces = re.split(r"[.!?;。！？；](?:\s|$)|\n\s*\n|\$\$", leading)
    for sentence in pieces[:-1]:           # (not the sentence that leads into the relation: "The logit $z = 4$ is
        #                                     scaled to $$z/T = 2$$" says how it is computed) "Suppose the last logit is raised to
        verb = _CHANGED.search(_INLINE_MATH.sub(" ", sentence))               # $5$", "every entry of $z$ shrinks"
        if verb and (_CHANGED_OBJECT.search(_INLINE_MATH.sub(" ", sentence))
                     or any(re.search(a, sentence) for a in alone)):
            return verb.group(0).strip()
    return ""


_CHANGED = re.compile(r"(?i)\b(?:rais(?:e|es|ed|ing)|lower(?:s|ed|ing)|shr[iu]nks?|shrank|shrinking|grows?|grew|growing|"
                      r"negat(?:e|es|ed|ing)|chang(?:e|es|ed|ing)|updat(?:e|es|ed|ing)|modif(?:y|ies|ied|ying)|"
                      r"alter(?:s|ed|ing)?|adjust(?:s|ed|ing)?|subtract(?:s|ed|ing)?|becomes?|became|set\s+to|"
                      r"mov(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|doubl(?:e|es|ed|ing)|"
                      r"halv(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|shift(?:s|ed|ing)?|scal(?:e|es|ed|ing)|"
                      r"flip(?:s|ped|ping)?|revers(?:e|es|ed|ing)|swap(?:s|ped|ping)?|permut(?:e|es|ed|ing)|"
                      r"replac(?:e|es|ed|ing)|perturb(?:s|ed|ing)?|drop(?:s|ped|ping)?|remov(?:e|es|ed|ing)|"
                      r"delet(?:e|es|ed|ing)|append(?:s|ed|ing)?|add(?:s|ed|ing)?|clip(?:s|ped|ping)?|"
                      r"set(?:s|ting)?\b[^.;]{0,40}?\bto|bump(?:s|ed|ing)?|zero(?:s|ed|ing)?\s+out|increment\w*|"
                      r"decrement\w*|tweak\w*|instead|now\s+(?:is|are|equals?)|edit\w*|overwrit\w*|reset\w*|"
                      r"divid(?:e|es|ed|ing)|cent(?:er|re)(?:s|ed|ing)?|normali[sz](?:e|es|ed|ing)|"
                      r"standardi[sz](?:e|es|ed|ing)|sort(?:s|ed|ing)?|cool\w*|heat\w*|warm\w*|sharpen\w*|soften\w*|"
                      r"flatten\w*|anneal\w*|exponentiat\w*|multipl(?:y|ies|ied|ying)|squar(?:e|es|ed|ing)|"
                      r"as\s+(?:large|small|big|high|low|great|much)|(?:larger|smaller|higher|lower)\s+by)\b|"
                      r"变为|变成|改为|改成|设为|设成|换成|更新|增加|减少|取反|清零|置为|降温|升温|加倍|减半")
"""Verbs that may change an example's values, read with an object of the example in the same sentence."""
_CHANGED_OBJECT = re.compile(r"(?i)\b(?:logits?|entry|entries|components?|coordinates?|elements?|scores?|vector|"
                             r"inputs?|weights?|temperature)\b|分量|元素|向量|温度|权重")


_OBJECT = r"(?:\s+(?:(?:every|each|all|both|them|these|those)\b|the\s+(?:\w+\s+)?(?:logits?|entries|entry|vector|inputs?|scores?|values?|"\
          r"temperature|order|signs?|list|sequence|data)\b))"
_CHANGING = re.compile(rf"(?i)\b(?:(?:doubl|halv|tripl)(?:e|ed|es|ing)\b|(?:revers|shift|negat|swap|permut|replac|scal|rescal|"
                       rf"increas|decreas|flip|squar|multipl|perturb)\w*(?!\s+both\s+sides){_OBJECT}|rescal\w*\s+by\b|"
                       rf"(?:drop|remov|delet|add)\w*\s+(?:the\s+)?(?:last|first|second|third|final|\w+)\s+(?:logit|entry|"
                       rf"component|coordinate|element|score)|times\s+(?:larger|smaller|bigger)|one\s+more\s+(?:entry|logit|"
                       rf"component|coordinate)|extend\w*\s+(?:\S+\s+)?(?:by|with)|"
                       rf"add\w*\s+\S+\s+to\s+(?:the\s+)?(?:\w+\s+)?(?:logit|entry|component|coordinate|element|score)s?|"
                       rf"the\s+reversed\s+(?:vector|order|"
                       rf"list|sequence|entries|logits)\b|append\w*|hotter|colder|"
                       rf"add(?:ed|ing)?\s+(?:\S+\s+){{0,3}}?to\s+(?:every|each|all)\b)|"
                       rf"翻倍|加倍|减半|反转|反序|平移|缩放|替换|增大|减小")


_PLAIN_CASE_CUE = re.compile(r"(?i)(?:\b(?:for|if|when|whenever|at|with|take|taking|let|set|setting|put|putting|now|"
                             r"suppose|assume|consider|choose|pick|plug(?:ging)?\s+in|substitut\w*|in\s+the\s+case"
                             r"(?:\s+of)?|case)|当|若|如果|对于|取|令|设|在)\s*(?:the\s+value\s+)?$")
_COMPARED = re.compile(r"(?i)\b(?:contrast\w*|compar\w*|relative|against|whereas|contrary|differ\w*|unlike|versus|vs|"
                       r"vis|opposed|rather|instead|baseline|reference|other|previous|earlier)\b|对比|相比|不同|而非|比较")


_AS_FOR = re.compile(r"(?i)\b(?:as|like|similarly\s+to)\s+(?:for|in\s+the\s+case(?:\s+of)?|with|at)\s*$|\bas\s+for\b|"
                     r"\bas\s+in\s+the\s+case\b|同样|与\s*x\s*时?相同|和\s*x\s*时?一样")
"""Words that point back to another case ("Exactly as for $n = 2$, …", "As in the case $n = 2$"): what follows is
said of the case at hand by likeness, the other value stays beside it."""


_OTHERWISE = re.compile(r"(?i)\b(?:otherwise|else|elsewhere|in\s+the\s+other\s+case|if\s+not)\b|否则|反之|其他情况")
"""Words that switch to the other case (before session 43 the later table of the same name replaced this one)."""


def _case_switched_after(lines: list[str], line: int, column: int, display_line: int) -> bool:
    """Whether the words after a condition (at ``line``, ``column``) and before the display on ``display_line``
    switch to the other case ("If $x > 0$ then $|x| = x$; otherwise $|x| = -x$. … $$…$$"): the condition is then no
    case of that display."""
    if column < 0 or not 1 <= line <= display_line <= len(lines):
        return False
    close = lines[line - 1].find("$", column)                 # (the column is where the condition's tex starts)
    text = "\n".join([lines[line - 1][close + 1 if close >= 0 else column:], *lines[line:display_line - 1]])
    return bool(_OTHERWISE.search(_INLINE_MATH.sub(" ", text)))


_OWN_CASE_IN_DISPLAY = re.compile(r"\\(?:text|mbox|textrm|mathrm\s*\{\s*(?:for|if|when))|\\forall|"
                                  r"\\q?quad\s*(?:[(\[]|\\left|\\big|\\forall|-?\d+(?:\.\d+)?\s*(?:<|\\le)|"
                                  r"\\?[A-Za-z]+\s*(?:_\s*(?:\{[^{}]*\}|\\?\w+)\s*)?(?:[<>,]|\\[lg]eq?\b|\\neq?\b|\\in\b))|"
                                  r"\(\s*\\?[A-Za-z]+\s*(?:[<>]|\\[lg]e|\\ne|\\in)")


def _end_of_display_before(block, blocks, lines: list[str] | None) -> int | None:
    """Where, on the line ``block`` opens on, a display written before it on that line ends (None: there
    is none): the conditions written before that end are that display's."""
    if lines is None or not 1 <= block.line <= len(lines):
        return None
    order = next((n for n, b in enumerate(blocks) if b is block), None)
    before = [b for b in blocks[:order] if b.display and b.end_line == block.line] if order is not None else []
    if not before:
        return None
    text, end = lines[block.line - 1], None
    at = 0
    for b in before:                                  # each earlier display's closing, in order
        tail = (b.tex.rstrip().split("\n")[-1] or " ")[-20:]
        found = text.find(tail, at)
        close = _DISPLAY_CLOSING.search(text, found + len(tail)) if found >= 0 else None
        if close is None:
            return None
        end = at = close.end()
    return end


def run_start(block, blocks, lines: list[str] | None):
    """The first display of the run ``block`` ends: "Now set $x = -1$. Then $$x^2 = 1$$ $$|x| = -x$$" —
    displays with nothing but blank lines or punctuation between them share the prose before the first."""
    if lines is None:
        return block
    while True:
        if _OWN_CASE_IN_DISPLAY.search(block.tex):    # "$$|t| = -t \quad \text{for every } t$$": its own case
            return block
        before = max((b for b in blocks if b.display and b.end_line < block.line), key=lambda b: b.end_line,
                     default=None)
        if before is None:
            return block
        between = " ".join([lines[before.end_line - 1][_closing_end(lines[before.end_line - 1]):],
                            *lines[before.end_line:block.line - 1],
                            lines[block.line - 1][:_opening_start(lines[block.line - 1])]])
        if widened_after(lines, block) or not (_RESTATING_ONLY.fullmatch(between) or _DERIVING_ONLY.fullmatch(between)
                                               and _case_leads_into(before, blocks, lines)):
            return block
        block = before


def _case_leads_into(block, blocks, lines: list[str]) -> bool:
    """Whether the prose right before ``block`` (since the display before it) ends in a case written in math ("For
    $K = 2$,", "If $x = 0$ we have", "当 $T = 1$ 时，") or runs on from a display that does."""
    before = max((b for b in blocks if b.display and b.end_line < block.line), key=lambda b: b.end_line, default=None)
    start = before.end_line if before is not None else 0
    text = "\n".join([*lines[start:block.line - 1], lines[block.line - 1][:_opening_start(lines[block.line - 1])]])
    if _CASE_LEAD.search(text):
        return True
    if before is None:
        return False
    between = " ".join([lines[before.end_line - 1][_closing_end(lines[before.end_line - 1]):], text])
    return bool(_RESTATING_ONLY.fullmatch(between) or _DERIVING_ONLY.fullmatch(between)) \
        and _case_leads_into(before, blocks, lines)


def widened_after(lines: list[str], block) -> bool:
    """Whether the words right after a display (to the end of their sentence) widen it beyond a case written
    before it ("$$(a + b)^n = a^n + b^n$$ which is the freshman's rule, valid for every $n$")."""
    if not 1 <= block.end_line <= len(lines):
        return False
    tail = lines[block.end_line - 1]
    close = max(tail.rfind("$$"), tail.rfind("\\]"), tail.rfind("\\end{"))
    text = "\n".join([tail[close + 2:] if close >= 0 else "", *lines[block.end_line:block.end_line + 2]])
    end = re.search(r"[.;!?。；！？](?:\s|$)|\n\s*\n|\$\$|\\\[|\\begin", text)
    words = re.sub(r"\$[^$]*\$", " ", text[:end.start()] if end else text)
    return bool(re.search(r"(?i)\b(?:every|all|any|each|general|generally|always|arbitrary)\b|一般|任意|所有", words))


_RESTATING_ONLY = re.compile(r"(?i)[\s,.;:，、]*(?:(?:and|or)\b[\s,]*)?(?:(?:equivalently|more\s+(?:cleanly|simply|compactly|"
                             r"neatly|symmetrically)|i\.\s*e\.|that\s+is|in\s+other\s+words|rearranged|rearranging|"
                             r"simplif(?:ied|ying)|即|也就是说?|等价地)[\s,，:：]*)?")
"""The words that may stand between two displays of one run (the prose before the first governs both): none,
punctuation, or a restatement of what the first display says ("For $K = 2$, $$p_1 = …$$ and, more cleanly,
$$p_1 = σ(z_1 - z_2)$$") — not "in general", "otherwise": the case may end there (for "so", "hence": DERIVING)."""
_DERIVING_ONLY = re.compile(
    r"(?i)[\s,.;:，、]*(?:(?:and|or)\b[\s,]*)?(?:(?:(?:so|hence|thus|therefore|whence)[\s,]+)?"
    r"(?:dividing|multiplying)(?:\s+(?:through|both\s+sides|top\s+and\s+bottom|numerator\s+and\s+denominator))?"
    r"\s+by\s+\$[^$=<>]*\$|(?:so|hence|thus|therefore|whence)(?:\s+that)?|"
    r"which\s+(?:simplifies\s+to|reduces\s+to|becomes|gives|(?:we\s+(?:can|may)\s+)?(?:re)?writes?\s+as)|"
    r"(?:(?:dividing|multiplying)(?:\s+(?:through|both\s+sides|top\s+and\s+bottom|numerator\s+and\s+denominator))?"
    r"\s+by\s+\$[^$=<>]*\$|taking\s+(?:the\s+)?(?:logs?|logarithms?))|"
    r"化简(?:得|后|为)?|整理(?:得|后)?|于是|因此|从而|所以)[\s,，:：]*"
    r"(?:(?:we\s+(?:get|have|obtain|find)|one\s+(?:gets|has|finds)|it\s+becomes|得到?|有)[\s,，:：]*)?")
"""Words between two displays that derive the second from the first ("hence", "which simplifies to", "dividing
through by $e^{z_1}$,", "化简得"): one run when the first is written in a case ("For $K = 2$, $$…$$ hence $$…$$": the
second holds in that case too) — not between any two displays of a derivation, whose prose is their own."""
_CASE_LEAD = re.compile(r"(?i)(?:\b(?:for|if|when|whenever|with|taking|setting)\s+\$[^$]*=[^$]*\$|当\s*\$[^$]*\$\s*时)"
                        r"[^$.;!?。；！？]*$")


def _from_condition_display(first, blocks, conditions: list[tuple[int, sp.Basic | None]],
                            lines: list[str] | None, columns: dict | None) -> list[sp.Basic]:
    """The conditions a display of its own states for the display right after it, when the argument goes on
    between them: "Suppose\\n$$a = b,$$\\nso $$p = \\tfrac12.$$" — not after "in general", "for every" —
    (the display's own relations that were read as conditions: those without a column in the prose)."""
    if lines is None:
        return []
    before = max((b for b in blocks if b.display and b.end_line < first.line), key=lambda b: b.end_line,
                 default=None)
    if before is None or not _goes_on(lines, before.end_line, first.line):
        return []
    between = " ".join([lines[before.end_line - 1][_closing_end(lines[before.end_line - 1]):],
                        *lines[before.end_line:first.line - 1],
                        lines[first.line - 1][:_opening_start(lines[first.line - 1])]])
    if not _CONSEQUENCE_ONLY.fullmatch(between) and not (       # not "We do not assume …; without that assumption,"
            re.fullmatch(r"(?i)[\s,.;:]*(?:then|so|hence|thus|therefore)\b[^.;:!?]*", between)
            and not re.search(r"(?i)\b(?:general|generally|every|all|any|otherwise|without|instead|not|never|other)\b",
                              between)):    # ("Suppose $$m^2 \ge 1.$$ Then the squared hinge term vanishes and $$…$$")
        return []
    return [c for line, c in conditions if before.line <= line <= before.end_line and c is not None
            and (columns is None or (line, c) not in columns)]


_CONSEQUENCE_ONLY = re.compile(r"(?i)[\s,.;:，、]*(?:(?:and\s+)?(?:so|hence|thus|therefore|then|we\s+(?:get|have|obtain|find)|"
                               r"this\s+gives|which\s+gives|it\s+follows\s+that|giving|所以|因此|于是|则|从而|可得|得到|我们得到|有)"
                               r"[\s,，:：]*)?")
"""The words that may stand between a condition displayed on its own and the display it governs: none, or
one consequence word ("so", "we get", "所以") — not "We do not assume …", "Otherwise", "the general formula"."""


_DISPLAY_CLOSING = re.compile(r"\$\$|\\\]|\\end\{[^}]*\}")
"""Where display math closes: ``$$``, ``\\]``, ``\\end{…}``."""


def _closing_end(text: str) -> int:
    """Where the last display math closing on ``text`` ends (its length: none)."""
    closings = list(_DISPLAY_CLOSING.finditer(text))
    return closings[-1].end() if closings else len(text)


def _opening_start(text: str) -> int:
    """Where the first display math opening on ``text`` starts (0: none)."""
    opening = re.search(r"\$\$|\\\[|\\begin\{", text)
    return opening.start() if opening else 0


def _outside_math_before(lines: list[str], block) -> bool:
    """Whether prose starts the display's first line before its math ("Hence $$…$$")."""
    text = lines[block.line - 1] if 1 <= block.line <= len(lines) else ""
    return bool(text[:_opening_start(text)].strip())


def _outside_math_after(lines: list[str], block) -> bool:
    """Whether prose follows the display's math on its last line ("$$…$$ so")."""
    text = lines[block.end_line - 1] if 1 <= block.end_line <= len(lines) else ""
    return bool(text[_closing_end(text):].strip().strip(".,;:"))


_PARAGRAPH_CASE = re.compile(r"(?i)\s*(?:[-*]\s+)?(?:for|if|when|whenever|当|若|如果|对于)\b")


def case_paragraph_before(lines: list[str], line: int, display: int) -> bool:
    """Whether the condition on ``line`` sits in a paragraph that starts with a case ("For $x \\ge 0$ we
    have …") and another paragraph of prose comes between it and the display on line ``display``:
    the case was that paragraph's, not the display's — or an assumption for what follows ("For the rest
    of this note, let $x > 0$."): the reader does not apply it, and doubts a point that breaks it."""
    if not 1 <= line < display <= len(lines) + 1:
        return False
    start = line
    while start > 1 and lines[start - 2].strip():
        start -= 1
    if not _PARAGRAPH_CASE.match(lines[start - 1]):
        return False
    gap = lines[line:display - 1]
    breaks = [k for k, text in enumerate(gap) if not text.strip()]
    if not breaks:
        return False
    after = _DISPLAYED.sub(" ", "\n".join(gap[breaks[0]:]))      # (the displays between are no prose)
    return any(text.strip() and not text.strip().startswith(("$$", "\\[", "\\begin"))
               and not _RESTATING_ONLY.fullmatch(text) for text in re.split(r"\n\s*\n", after))


_DISPLAYED = re.compile(r"\$\$.*?\$\$|\\\[.*?\\\]", re.S)


def _simple(condition: sp.Basic | None) -> bool:
    """A value or a bound by a number on one name (``T = 1``, ``x > 0``): what a heading's math
    (``### Case $x > 0$``) says of the section it heads."""
    if condition is None:
        return False
    if is_pin(condition):
        return True
    return isinstance(condition, sp.core.relational.Relational) and condition.rel_op in ("<", "<=", ">", ">=") \
        and len(condition.free_symbols) == 1 and any(side.is_Number for side in condition.args)


_UNIVERSAL = re.compile(r"(?i)\b(?:every|all|any|whole|entire|always|in\s+general|generally)\b|任意|所有|一般")
"""Words that widen a claim beyond the case before it ("extends to every real number: $|x| = x$")."""


def _contradict(first: sp.Basic, second: sp.Basic) -> bool:
    """Whether two bounds of one name by numbers admit no value together (x < 0, then x > 0), or two cases give
    one name two values (h = 1/(2β), then h = 1/β: "$\\beta h = 0.5$ gives …, and $\\beta h = 1$ gives …")."""
    if isinstance(first, sp.Eq) and isinstance(second, sp.Eq) and isinstance(first.lhs, sp.Symbol) \
            and first.lhs == second.lhs and first.rhs != second.rhs:
        return True             # (two forms of one value: keeping the later one changes nothing)
    names = first.free_symbols
    if len(names) != 1 or names != second.free_symbols or not all(
            isinstance(c, sp.core.relational.Relational) and c.rel_op in ("<", "<=", ">", ">=") for c in (first, second)):
        return False
    try:
        return sp.solvers.inequalities.reduce_inequalities([first, second], list(names)) is sp.false
    except Exception:  # noqa: BLE001 - bounds SymPy cannot combine: kept both
        return False


def _opposed(first: sp.Basic, second: sp.Basic) -> bool:
    """Whether two conditions admit no value together: bounds by numbers (x < 0, x > 0), or an
    equation and its negation (i = j, i ≠ j)."""
    pair = {type(first), type(second)}
    if pair == {sp.Eq, sp.Ne}:
        return set(first.args) == set(second.args)
    return _contradict(first, second)


_INLINE_RELATION = re.compile(r"(?<![$\\])\$(?!\$)[^$]*?(?:=|<|>|\\[lg]eq?\b|\\neq?\b|\\approx)[^$]*\$")


def _without_cases_of_their_own(here: list[sp.Basic], written: list[tuple[int, sp.Basic]], lines: list[str] | None,
                                columns: dict | None, block) -> list[sp.Basic]:
    """``here`` without the cases prose settles on its own before the display: "for $i = j$,
    $\\partial p_i/\\partial z_i = p_i - p_i^2$, and for $i \\ne j$, $… = -p_i p_j$. Both cases are
    summarized by $$…$$" — each case has its inline claim, and the display is neither case's.  A
    case followed by its own claim, then by the opposite case, is that claim's; so is the opposite
    case when its own claim follows it too.  (Not "The case $x < 0$ is trivial. For $x > 0$ we have
    $$…$$": the first has no claim of its own, and the later case is the display's.)"""
    if lines is None or columns is None or len(written) < 2:
        return here
    placed = sorted(((line, columns.get((line, c), -1), c) for line, c in written), key=lambda x: x[:2])
    if any(col < 0 for _, col, _ in placed):
        return here

    def claim_between(start: tuple[int, int], end: tuple[int, int]) -> bool:
        (l1, c1), (l2, c2) = start, end
        if l1 == l2:
            text = lines[l1 - 1][c1:c2]
        else:
            text = "\n".join([lines[l1 - 1][c1:], *lines[l1:l2 - 1], lines[l2 - 1][:c2]])
        close = text.find("$")                           # the end of the condition's own math
        return close >= 0 and bool(_INLINE_RELATION.search(text[close + 1:]))

    settled: set[int] = set()
    for n in range(len(placed) - 1):
        (l1, c1, first), (l2, c2, second) = placed[n], placed[n + 1]
        if _opposed(first, second) and claim_between((l1, c1), (l2, c2)):
            settled.add(n)
            display_at = (block.line, _opening_start(lines[block.line - 1]) if 1 <= block.line <= len(lines) else 0)
            if n + 1 == len(placed) - 1 and claim_between((l2, c2), display_at):
                settled.add(n + 1)
    gone = [placed[n][2] for n in settled]
    return [c for c in here if not any(c is g for g in gone)]


_GOING_ON = re.compile(r"^\s*(?:[a-z]|(?:so|thus|hence|therefore|then|this|which|that)\b|[,;:]|所以|因此|于是|则|即|从而)",
                       re.I)


def _goes_on(lines: list[str], end: int, line: int) -> bool:
    """Whether the text from the line after a display (``end``) to ``line`` continues its sentence or
    argument: no paragraph break, or a new paragraph that begins in lower case or with "so", "thus",
    "then", "所以"… ("For $K = 2$: $$…$$ So $p_1 = …$")."""
    between = lines[end:line - 1] if 0 <= end < line <= len(lines) + 1 else []
    if all(x.strip() for x in between):
        return True
    first = next((x for x in [*between, lines[line - 1] if line <= len(lines) else ""] if x.strip()), "")
    return bool(_GOING_ON.match(first))


_CONDITION_CUES = frozenset("""where when whenever if iff unless at take taking let letting with assume assuming
suppose supposing given provided set setting choose choosing e.g. fix fixing example instance initialise initialize
initialising initializing initially initial starting start starts started sample data""".split())
_CLAIM_CUES = frozenset("""so then thus hence therefore gives giving yields yield get gets obtain obtains shows show
follows means tells implies proves conclude concludes note recall conversely similarly likewise""".split())
_CONDITION_NOUNS = frozenset("condition conditions requirement requirements constraint constraints assumption "
                             "assumptions".split())
_SUPPOSED = frozenset("suppose supposing assume assuming".split())    # "Suppose the draw is $…$": still supposed
_WEAK_CLAIM_CUES = frozenset("is are equals becomes become be being have has that".split())   # only right before
_CJK_CONDITION_CUES = ("如果", "假设", "假定", "给定", "其中", "满足", "使得", "当", "若", "设", "令", "取", "在", "举例",
                       "例如", "比如", "譬如", "条件", "要求", "记", "定义", "例子", "示例", "样本")
_CJK_CLAIM_CUES = ("所以", "因此", "于是", "可得", "得到", "从而", "则", "故")
_CJK_WEAK_CLAIM_CUES = ("是", "为", "有", "得")
_TRANSPARENT = re.compile(r"\b(?:i\.e\.|that\s+is|namely)|也就是说|也就是|即")
_NEGATED = re.compile(r"^\s*(?:就|便|则|也)?\s*(?:is\s+(?:false|wrong|incorrect|not\s+true)|does\s+not\s+hold|fails|并不成立|不成立|"
                      r"是错|把符号弄反|弄反|只在|only\s+(?:holds\s+)?(?:when|if|at|for))")
_CJK_CASE_AFTER = re.compile(r"^\s*(?:[，、,和与及]\s*(?:\$[^$]*\$|\\\(.*?\\\))\s*)*(?:时|的时候)")
_LIST_TAIL = re.compile(r"(?:\$[^$]*\$|\\\(.*?\\\))\s*(?:,|，|、|and|or|和|及|与)?\s*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _on_its_line(lines: list[str], rel: Relation) -> tuple[str, int] | None:
    """The line an inline relation starts on and where its math begins there, or None (not found on it)."""
    if not 1 <= rel.line <= len(lines):
        return None
    line = lines[rel.line - 1]
    at = column_on_line(line, rel)
    return (line, at) if at >= 0 else None


_CHOICE_DROPPED = re.compile(r"(?i)\b(?:drop|dropping|abandon|abandoning|forget|undo|undoing|lift|lifting|relax|"
                             r"relaxing|release|releasing)\s+(?:that|the|this|our|these|those|any)\s+(?:\w+\s+)?choices?\b|"
                             r"\bchoices?\s+(?:is|are)\s+(?:now\s+)?(?:dropped|abandoned|lifted|undone|relaxed)\b|"
                             r"\bno\s+longer\s+(?:choose|fix|pick|hold)\b|\bwithout\s+(?:that|the|this|our|any|such\s+a)\s+"
                             r"(?:\w+\s+)?choice\b|\b(?:heat|cool|warm)(?:s|ed|ing)?\b|\bin\s+general\b|\bgeneral(?:ly)?\b|\bany\s+other\b|"
                             r"放弃|不再取|加热|冷却|升温|降温|一般地|一般情况")
_NAME_CHANGED = r"(?:varies|vary|varying|changes|change|changing|grows|grow|growing|increases|increasing|decreases|" \
                r"decreasing|ranges|range|goes|tends|runs|moves|rises|falls|is\s+(?:free|arbitrary|unrestricted)|" \
                r"(?:be|is)\s+(?:now\s+|again\s+)?(?:any|an?\s+(?:arbitrary|general|positive|negative|real|new|other)))\b"
_CHANGE_VERB = r"(?:heat|cool|warm|rais|lower|increas|decreas|doubl|halv|tripl|vary|varie|chang|reduc|multipl|divid|" \
               r"scal|shift|sweep|tun)\w*"


def choice_ended(lines: list[str], line: int, column: int, until: int, until_column: int, names: frozenset[str],
                 noun: str) -> bool:
    """Whether the words after a choice ("Choose the temperature so that $\\beta\\varepsilon = \\ln 3$", on ``line`` at
    ``column``) and before (``until``, ``until_column``) end it: "drop that choice", a name of it let vary or given
    a new range ("As $\\beta$ varies", "Now let $\\beta$ be any positive number", "$\\beta$ is free"), or what was
    chosen changed ("Now heat the system", "double the temperature")."""
    if until <= line and until_column <= column:
        return False
    pieces = []
    for number in range(line, min(until, len(lines)) + 1):
        text = lines[number - 1]
        start = text.find("$", column + 1) + 1 if number == line and column >= 0 else 0
        end = until_column if number == until and until_column > 0 else len(text)
        pieces.append(text[start:end] if number != until or until_column > 0 or number == line else "")
    words = " ".join(pieces)
    if _CHOICE_DROPPED.search(blank_inline_math(words)):
        return True
    plain = blank_inline_math(words)
    for name in names:
        tex = rf"\$\s*\\?{re.escape(name)}\s*\$"
        within = rf"\$\s*\\?{re.escape(name)}(?![A-Za-z])[^$]*\$"        # $\beta > 0$, $\beta \to 0$
        if re.search(rf"(?i)\b(?:for|at|with)\s+(?:any|all|every|each|arbitrary|other)\s+(?:[a-z-]+\s+){{0,2}}{within}|"
                     rf"\bwhatever\s+(?:the\s+)?(?:value\s+of\s+)?{within}|\bindependent(?:ly)?\s+of\s+{within}|"
                     rf"\$\s*\\?{re.escape(name)}\s*\\to\b", words):
            return True                 # "For every $\beta > 0$", "Independently of $\beta$", "as $\beta \to 0$"
        if re.search(rf"(?i){tex}\s+(?:now\s+|again\s+|may\s+|can\s+)?{_NAME_CHANGED}", words) \
                or re.search(rf"(?i)\b(?:vary|varying|change|changing|increase|increasing|decrease|decreasing|sweep|"
                             rf"sweeping|let)\s+{tex}(?!\s*(?:=|\\in))", words) and not re.search(
                    rf"(?i)\blet\s+{tex}\s+be\s+(?:as|the\s+same)", words):
            return True
    if noun and re.search(rf"(?i)\b(?:arbitrary|any|every|all|general|other|different|varying|each)\s+(?:\w+\s+)?"
                          rf"{re.escape(noun)}s?\b", blank_inline_math(words)):
        return True                     # "Returning to an arbitrary temperature", "For all temperatures"
    if noun and re.search(rf"(?i)\bwhatever\s+(?:the\s+)?(?:\w+\s+)?{re.escape(noun)}|\bindependent(?:ly)?\s+of\s+(?:the\s+)?"
                          rf"{re.escape(noun)}|\b(?:away\s+from|outside|except\s+at|other\s+than|beyond)\s+(?:this|that|the)\s+"
                          rf"(?:[\w-]+\s+)?{re.escape(noun)}|\b[\w-]*{re.escape(noun)}[\w-]*\s+limit\b|\blimit\s+of\s+(?:\w+\s+)?"
                          rf"{re.escape(noun)}", plain):
        return True                     # "Whatever the temperature", "In the high-temperature limit"
    if noun and re.search(rf"(?i)\b{_CHANGE_VERB}\b[^.;]{{0,60}}\b{re.escape(noun)}|\b{re.escape(noun)}\b[^.;]{{0,30}}"
                          rf"\b(?:varies|changes|grows|rises|falls|increases|decreases|is\s+(?:raised|lowered|doubled|"
                          rf"halved|changed|varied))", blank_inline_math(words)):
        return True
    return False


_PREMISE = re.compile(r"(?i)(?:^|[.;:!?]\s+|,\s*)(?:and\s+)?(?:since|because|as)\s*$|(?:由于|因为)\s*$")


def premise_before(lines: list[str], rel: Relation) -> bool:
    """Whether an inline relation opens a clause of what the step rests on: "Since $…$, …", "…, because $…$"."""
    found = _on_its_line(lines, rel)
    if found is None:
        return False
    line, at = found
    start = line.rfind("$", 0, at)
    return start >= 0 and bool(_PREMISE.search(line[:start].rstrip("$").rstrip()))


_CASE_BY_NOUN = re.compile(r"(?i)(?:^|[,;:]\s*|\b(?:and|but|now)\s+)(?:for|in)\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,3}?"
                           r"(?:distribution|case|coin|die|model|prior|chain|network|system|classifier|policy|example|"
                           r"setting|choice)\s*,?\s*$|^\s*对(?:于)?(?:一个|某个|这个)?[\u4e00-\u9fff]{1,8}\s*[，,]?\s*$")
"""A case named by a noun before its values: "For the uniform distribution $p_i = 1/n$", "for a fair coin $p = 1/2$",
"对均匀分布 $p_i = 1/n$"."""


def case_by_noun(lines: list[str], rel: Relation) -> bool:
    """Whether the words right before an inline relation name the case it gives values ("For the uniform
    distribution $p_i = 1/n$"): a case of its sentence, not a definition of the name from there on."""
    return bool(_CASE_BY_NOUN.search(_sentence_before(lines, rel).rstrip().rstrip("$").rstrip("\\(")))


def prose_role(lines: list[str], rel: Relation) -> str | None:
    """What the words around an inline relation make of it: ``"condition"`` ("where $…$", "take
    $z_1 = 0$, $z_2 = …$", "当 $…$ 时"), ``"claim"`` ("so $…$", "the loss is $…$", "$…$ is false"),
    ``"used"`` (a fact a step rests on: "Using $…$, …"), or None when the sentence says neither."""
    found = _on_its_line(lines, rel)
    if found is None:
        return None
    line, at = found
    start = line.rfind("$", 0, at)
    start = start - 1 if start > 0 and line[start - 1] == "$" else start
    before = line[:start if start >= 0 else at]
    if rel.op == "==" and _LIST_MARKER.fullmatch(before) and not _VALUE_GIVEN.fullmatch(f"{rel.lhs}={rel.rhs}") \
            and not _supposed_list(lines, rel.line):
        return "claim"                              # "**Moments:**\n- $\mathbb{E}[X] = e^{\mu + \sigma^2/2}$": a list
        # of facts (not "Assume:\n- $…$", nor an example's values)
    end = line.find("$", at + len(rel.tex[:20]))
    if end >= 0 and _NEGATED.match(line[end + 1:].lstrip("$")):
        return "claim"
    if rel.op == "==" and end >= 0 and _GIVES_AFTER.match(line[end + 1:].lstrip("$")) \
            and _NAMES_VALUED.fullmatch(f"{rel.lhs}={rel.rhs}"):
        return "condition"                             # "…, and $\beta h = 1$ gives $…$": that example's case
    if end >= 0 and _CJK_CASE_AFTER.match(line[end + 1:].lstrip("$")):
        return "condition"                             # "$p_t = 0.9$，$\gamma = 2$ 时": a case, "when …"
    k = rel.line - 1                                   # the sentence may begin on the lines before
    while k > 0 and lines[k - 1].strip() and not _SENTENCE_END.search(before):
        before = lines[k - 1] + " " + before
        k -= 1
    pieces = [p for p in _SENTENCE_END.split(before.replace("**", ""))]   # ("**Match the slope at the origin.**
    if len(pieces) > 1 and not pieces[-1].strip() and _EXAMPLE_TITLE.fullmatch(pieces[-2]):   # $…$": a sentence
        return "condition"          # "**Example.** $x = (3, 1, -2)$": the example's values       # of its own)
    before = pieces[-1] if pieces else before
    restated = _RESTATED.search(before)
    if restated:                       # "$\tanh(x) = 2\sigma(2x) - 1$, or equivalently $…$": the role of the
        before = before[:restated.start()]    # relation it restates ("where $x > 0$, or equivalently $…$" too)
    cased = re.search(r"(?i)\b(?:for|when|whenever|if)\s+(?:all\s+|every\s+|any\s+)?\$[^$=]*(?:\\in\b|<|>|\\[lg]eq?\b)[^$=]*\$"
                      r"\s*,\s*$", before)
    if cased and rel.op == "==":          # "for $p \in (0, 1)$, $\sigma^{-1}(p) = …$": the case, then the claim in it
        return "claim"
    while True:                                        # "$z_1 = 0$, $z_2 = …$": the list's first item decides
        trimmed = _LIST_TAIL.sub("", before)
        if trimmed == before:
            break
        before = trimmed
    before = _TRANSPARENT.sub(" ", _INLINE_MATH.sub(" ", before)).strip().lower()
    if _CJK.search(before):                        # the last strong cue of the sentence decides
        last = max(((before.rfind(c), role) for cues, role in ((_CJK_CONDITION_CUES, "condition"),
                                                               (_CJK_CLAIM_CUES, "claim")) for c in cues),
                   default=(-1, None))
        if last[0] >= 0:
            return last[1]
        if any(c in before.rstrip(" ，,：:")[-2:] for c in _CJK_WEAK_CLAIM_CUES):
            return "claim"
    if not before and end >= 0 and re.fullmatch(r"\s*(?:[,;，]?\s*(?:and\s+|及|和)?\$[^$]+\$\s*)*[:：]\s*", line[end + 1:]):
        return "condition"                          # "$x = (1, 2, 3)$, $n = 3$:" heading a worked example: its setup
    if _EXAMPLE_HEADING.fullmatch(re.sub(r"^(?:\\[a-z]+\*?\{[^{}]*\}\s*)+|^[^\w\u4e00-\u9fff]+", "", before)):
        # ("\paragraph{Example.} Data: $…$")
        return "condition"                          # "Example: $z = (1000, 1001, 1002)$.": the example's value
    if re.search(r"(?i)(?:[,(—–]|\bor)\s*say\s*,?\s*$", before):
        return "condition"                          # "…, say $s^2 = 0.5$, then …": an example's value
    if rel.op == "==" and _CASE_BY_NOUN.search(before):
        return "condition"                          # "For the uniform distribution $p_i = 1/n$ we have …": its case
    if rel.op == "==" and _ITEM_LABEL.fullmatch(before) and _under_examples_heading(lines, rel.line):
        return "condition"                          # "## Worked examples … **(a)** $z = (0.3, -0.1)$": its values
    if before.endswith((":", "：")):
        return "claim"                              # "… is not governed by it: $…$"
    if _DERIVING_GERUND.search(before):
        return "claim"                              # "Inverting, $\sigma^2 = -1/(2\eta_2)$": what the step gives
    supposed = re.search(r"\b(?:let|suppose|supposing|assume|assuming|given|consider|choose|choosing|pick|picking|"
                         r"select|selecting|fix|fixing|tune|tuning|scale|scaling)\b", before)
    before = re.sub(r"\bsuch\s+that\b", " where ", re.sub(r"\bso\s+that\b", " where " if supposed else " so ", before))
    # ("Let $z$ be centred scores, so that $\sum_i z_i = 0$": what the supposition says, not a claim)
    words = re.findall(r"[a-z]+(?:\.[a-z]\.)?", before)
    appositive = before.rstrip().endswith(",")          # "assume the data are centered, $…$"
    if len(words) >= 2 and words[-1] in _WEAK_CLAIM_CUES and words[-2] in _CONDITION_NOUNS:
        return "condition"                          # "the convergence condition is $0 < \eta < 2/a$"
    for k, word in enumerate(reversed(words[-6:])):
        if word in _CONDITION_CUES or word == "for" and k == 0:      # "for $x > 0$", not "for all x, $…$"
            return "condition"
        if word in _WEAK_CLAIM_CUES and k < 2 and not appositive and _SUPPOSED.intersection(words[-6:][:-k - 1]) \
                and not _CLAIM_CUES.intersection(words[-6:][:-k - 1]):
            return "condition"                      # "Suppose the noise draw is $G = (0.5, -0.3, 0.1)$"
        if word in _CLAIM_CUES or word in _WEAK_CLAIM_CUES and k < 2 and not appositive:
            return "claim"
        if word in _USING and not _VALUE_GIVEN.fullmatch(f"{rel.lhs}={rel.rhs}"):
            return "used"                           # "Using $\sum_k \beta^k = …$, …": a fact the step rests on
    return None


_ITEM_LABEL = re.compile(r"\s*(?:\(?(?:[a-h]|[ivx]{1,4}|\d{1,2})[.)]|part\s+\(?[a-h]\)?[.:]?)\s*", re.I)
"""A label that opens an item of a list of cases ("(a)", "ii.", "3)", "Part (b):") with nothing else before the math."""
_EXAMPLES_WORD = re.compile(r"(?i)\bexamples?\b|\bworked\b|例")


def _under_examples_heading(lines: list[str], line: int) -> bool:
    """Whether the nearest heading above ``line`` names examples ("## Worked examples", "\\subsection{例}")."""
    own = max((h for h in section_starts(lines) if h <= line), default=0)
    return 1 <= own <= len(lines) and bool(_EXAMPLES_WORD.search(lines[own - 1]))


_GIVES_AFTER = re.compile(r"(?i)\s*,?\s*(?:gives|give|yields|yield|leads\s+to|results\s+in|produces)\b")
_NAMES_VALUED = re.compile(r"\s*(?:(?:\\[A-Za-z]+|[A-Za-z])\s*(?:_\s*(?:\{[^{}]*\}|\w))?\s*(?:\\,|\\cdot)?\s*)+=\s*-?\s*"
                           r"(?:\d+(?:\.\d+)?|\\(?:ln|log)\s*\d+|\\frac\s*\{\d+\}\s*\{\d+\}|\d+\s*/\s*\d+)\s*")
"""Names (alone or side by side) given a number: ``\\beta h = 1``, ``x = 2``, ``\\beta\\varepsilon = \\ln 3``."""
_LIST_MARKER = re.compile(r"\s*(?:[-*+]|\d{1,2}[.)])\s+")
_LIST_CONDITIONS = re.compile(r"(?i)\b(?:assum\w*|suppos\w*|let|given|conditions?|constraints?|requirements?|"
                              r"hypothes[ie]s|where|if|when|take|set|choose|example|instance|values?|inputs?|data|"
                              r"setup|setting|notation|throughout|standing|premises?|defin\w*|let's)\b|"
                              r"假设|设|令|条件|约束|例|取")


def _supposed_list(lines: list[str], line: int) -> bool:
    """Whether the list holding ``line`` is led in by words that suppose or give values ("Assume:", "Take the
    inputs", "Example values:"), read on the nearest line above it that is not one of its items."""
    k = line - 1
    while k > 0 and (_LIST_MARKER.match(lines[k - 1] + " ") or not lines[k - 1].strip()):
        k -= 1                          # (the items above, and blank lines between the lead-in and the list)
    lead = lines[k - 1] if k > 0 else ""
    return bool(_LIST_CONDITIONS.search(_INLINE_MATH.sub(" ", lead)))


_USING = frozenset("using use uses used".split())
_VALUE_GIVEN = re.compile(r"\s*\\?[A-Za-z]+\s*(?:_\s*(?:\{[^{}]*\}|\w))?\s*=\s*-?\s*[\d.]+\s*")
"""A name given a number ("Using $\\eta = 0.1$, …"): an example's value, which "using" does not make a claim."""


_DERIVING_GERUND = re.compile(r"(?:^|[^\w\s,]\s*)(?:and\s+)?(?:inverting|solving|rearranging|differentiating|integrating|simplifying|"
                              r"expanding|combining|collecting|cancell?ing|factoring|factori[sz]ing|exponentiating|"
                              r"taking\s+(?:logs?|logarithms|exponentials|the\s+derivative))\b[^,;:]{0,40},\s*$")
"""A sentence that opens with the step it takes ("Inverting, $…$", "Solving for x, $…$"): what follows is what the
step gives, a claim."""


_EXAMPLE_TITLE = re.compile(r"(?i)\s*(?:\d+\.\s*)?(?:an?\s+|another\s+|worked\s+|numerical\s+|numeric\s+|concrete\s+|quick\s+|"
                            r"toy\s+|small\s+)*(?:example|instance|check|sanity\s+check)s?\s*\d*\s*|例|例子|示例|举例")
"""A bold title that ends its own sentence before the math ("**Example.** $x = (3, 1, -2)$")."""
_EXAMPLE_HEADING = re.compile(r"(?:(?:an?|another|worked|numerical|numeric|concrete|quick|toy|small|for)\s+)*"
                              r"(?:example|instance|e\.g\.|data|dataset|inputs?|numbers|values|setup)\s*(?:\d+\s*)?[:：]|"
                              r"(?:例|例如|举例|比如|示例|数据)\s*[:：]")
"""The words that open a sentence as a worked example ("Example:", "A quick example:", "例如："): the
relation after them is the example's value."""


_RESTATED = re.compile(r"(?i)\$[^$]+\$\s*,?\s*(?:or\s+|and\s+)?(?:equivalently|in\s+other\s+words)\s*,?\s*$|"
                       r"\$[^$]+\$\s*[,，]?\s*(?:或者?等价地|等价地|等价于)\s*[,，]?\s*$")
"""An inline relation that restates the one before it ("…, or equivalently $…$"): it has that one's role."""


_DEFINING = re.compile(r"(?i)\b(?:where|with|let|(?:re-?)?define|(?:re-?)?defining|denote|denoting|write|writing)\b|其中|记|令|设|定义")
_SUPPOSING = re.compile(r"(?i)\b(?:if|when|whenever|suppose|assume|assuming|take|taking|given|unless|at)\b|当|若|如果|假设|取")


def defining_cue(lines: list[str], rel: Relation) -> bool:
    """Whether the words just before an inline relation name what it is ("where $\\kappa = L/\\mu$",
    "其中 …", "let …") rather than suppose it ("if $a = b + c$", "当 … 时"): the nearer cue decides."""
    if not 1 <= rel.line <= len(lines):
        return False
    line = lines[rel.line - 1]
    at = column_on_line(line, rel)
    before = _INLINE_MATH.sub(" ", line[:at if at >= 0 else 0])
    before = _SENTENCE_END.split(before)[-1]
    defining = [m.end() for m in _DEFINING.finditer(before)]
    supposing = [m.end() for m in _SUPPOSING.finditer(before)]
    claiming = [m.end() for m in _CLAIM_BEFORE.finditer(before)]      # "记 $H_2 := H/\ln 2$，则 $PPL = 2^{H_2}$"
    return bool(defining) and max(defining) > max(supposing, default=-1) and max(defining) > max(claiming, default=-1)


_EXAMPLE = re.compile(r"(?i)\b(?:let|take|taking|set|setting|with|example|instance|e\.g|choose|fix|say|initiali[sz]e)\b"
                      r"|取|令|设|举例|例如|比如|譬如|例子|示例|样本")
_HYPOTHESIS = re.compile(r"(?i)\b(?:if|when|whenever|suppose|assume|assuming|instead|unless|were|would)\b"
                         r"|若|如果|假设|假如|当")


def _sentence_before(lines: list[str], rel: Relation) -> str:
    """The words of the sentence before an inline relation (math blanked): on its line, and on the lines before
    when the sentence began there (a paragraph wrapped at a fixed width: "Suppose the noise draw\nis $G = …$";
    at most two lines back, never past a blank line, a heading or display math)."""
    if not 1 <= rel.line <= len(lines):
        return ""
    line = lines[rel.line - 1]
    at = column_on_line(line, rel)
    before = _INLINE_MATH.sub(" ", line[:at if at >= 0 else 0])
    k = rel.line - 1
    while len(_SENTENCE_END.split(before)) == 1 and k > 0 and rel.line - k < 3 and lines[k - 1].strip() \
            and not _NOT_PROSE.match(lines[k - 1]) and lines[k - 1].count("$") % 2 == 0:
        before = _INLINE_MATH.sub(" ", lines[k - 1]) + " " + before
        k -= 1
    return _SENTENCE_END.split(before)[-1]


_NOT_PROSE = re.compile(r"\s*(?:\$\$|\\\[|\\begin|\\end|#|\\(?:sub)*section|<!--|[-*+|>]\s|\d+[.)]\s)")
"""A line that does not continue a sentence of prose: display math, an environment, a heading, a comment, a list
item, a table row, a quotation."""


def example_cue(lines: list[str], rel: Relation) -> bool:
    """Whether an inline value is an example's ("let $x = 2$", "take …", "取 …") rather than a case
    supposed for a moment ("if instead $x = 3$", "当 … 时"): the nearer cue of its sentence decides."""
    before = _sentence_before(lines, rel)
    example = [m.end() for m in _EXAMPLE.finditer(before)]
    if _LISTED_NUMBERS.match(rel.rhs):        # "For $x = (1, 2, 3)$ we have …": a worked example's vector
        example += [m.end() for m in _FOR.finditer(before)]
        example += [m.end() for m in _SUPPOSE.finditer(before)]    # "Suppose the noise draw is $G = (0.5, …)$"
    supposed = [m.end() for m in _HYPOTHESIS.finditer(before) if m.end() not in example]
    return bool(example) and max(example) > max(supposed, default=-1)


_LISTED_NUMBERS = re.compile(r"^\s*(?:\\left\s*)?[(\[]\s*-?\d+(?:\.\d+)?(?:\s*,\s*(?:\\[,;: ]\s*)?-?\d+(?:\.\d+)?)+"
                             r"\s*(?:\\right\s*)?[)\]]\s*$")
_FOR = re.compile(r"(?i)\bfor\b|对于?")
_SUPPOSE = re.compile(r"(?i)\b(?:suppose|assume)\b|假设")


_SUPPOSING_ONLY = re.compile(r"(?i)\b(?:if|when|whenever|unless)\b|若|如果|假如|当")
# ("Suppose $a = 2b$." stands for what follows, as a definition does: not a case of one display)


def supposed_cue(lines: list[str], rel: Relation) -> bool:
    """Whether the nearest cue before an inline relation in its sentence supposes it ("If $a = 2b$
    then …", "When $\\mu_1 = \\mu_2$, …") rather than defines it or gives an example's value ("let",
    "take", "where"): a case of what follows, never a definition."""
    before = _sentence_before(lines, rel)
    supposed = [m.end() for m in _SUPPOSING_ONLY.finditer(before)]
    other = [m.end() for m in (*_EXAMPLE.finditer(before), *_DEFINING.finditer(before))
             if not any(0 <= m.start() - end <= 8 and re.fullmatch(r"(?i)\s*(?:we\s+|I\s+|one\s+)?", before[end:m.start()])
                        for end in supposed)]      # ("若取 $…$", "if we take $…$": supposed all the same)
    return bool(supposed) and max(supposed) > max(other, default=-1)


def standing_supposition(lines: list[str], rel: Relation) -> bool:
    """Whether the sentence of an inline condition supposes what holds from here on ("Let $z_1, \\dots, z_n$ be
    scores with $\\sum_i z_i^2 = n$", "Assume …"), not one case of the display after it."""
    return bool(re.search(r"(?i)\b(?:let|suppose|supposing|assume|assuming|given|consider)\b|设|假设|假定|令",
                          _sentence_before(lines, rel)))


_AT_THE_POINT = re.compile(r"(?i)(?:\b(?:at|when|whenever|if)|当|在)\s*(?:\$|\\\()?\s*$")


_SUPPOSED_VALUE = re.compile(r"(?i)\b(?:suppose|supposing|assume|assuming)\b[^.;:]*\b(?:is|are|be|equals?)\s*(?:\$|\\\()?\s*$")


def worded_value(lines: list[str], rel: Relation) -> bool:
    """Whether the words before an inline relation give it as a supposed or an example's value ("Suppose the
    output is $p = (0.5, 0.6, 0.7)$", "Example: $z = (1, 2, 3)$")."""
    before = _sentence_before(lines, rel)
    words = _TRANSPARENT.sub(" ", _INLINE_MATH.sub(" ", before)).strip().rstrip("$").rstrip("\\(").strip().lower()
    return bool(_SUPPOSED_VALUE.search(before) or _EXAMPLE_HEADING.fullmatch(words))


def case_at_point(lines: list[str], rel: Relation) -> bool:
    """Whether the words right before an inline relation make it the case the sentence is in ("At
    $\\beta\\varepsilon = 1$: $x = e^{-1}$", "when $T = 2$, …", "当 … 时")."""
    return bool(_AT_THE_POINT.search(_sentence_before(lines, rel)))


def in_display_math(rel: Relation, blocks) -> bool:
    """Whether ``rel`` is written in display math (known from its block; else judged by its line)."""
    if rel.display is not None:
        return rel.display
    return any(b.display and b.line <= rel.line <= b.end_line for b in blocks)


def in_inline_math(rel: Relation, blocks) -> bool:
    """Whether ``rel`` is written in inline math (``$T > 0$`` may share its line with a display)."""
    if rel.display is not None:
        return not rel.display
    return any(not b.display and b.line <= rel.line <= b.end_line and rel.tex in b.tex for b in blocks)


_SENTENCE_END = re.compile(r"[.!?;](?:\s|$)|[。！？；]|\n\s*\n")     # Chinese stops need no space after
_INLINE_MATH = re.compile(r"\$\$.*?\$\$|\$[^$]*\$|\\\(.*?\\\)", re.S)


_IMPOSING = re.compile(r"(?i)(?:\b(?:setting|set|solving|solve|requiring|require|imposing|impose|enforcing|enforce)"
                       r"|令|设|让|求解|解方程|要求)\s*(?:\$|\\\()?\s*$")


def imposed_in_prose(lines: list[str], rel: Relation) -> bool:
    """Whether an inline relation follows a word that imposes it ("Setting $\\partial L/\\partial b = 0$
    gives …", "solving $f'(x) = 0$"): a condition the text solves, not a claim."""
    if not 1 <= rel.line <= len(lines) or not rel.tex:
        return False
    line = lines[rel.line - 1]
    at = line.find(rel.tex)
    return at >= 0 and bool(_IMPOSING.search(line[:at]))


_IMPOSING_BEFORE = re.compile(r"(?i)\b(?:setting|set|equating|equate)\b[^.;]*\b(?:to\s+zero|to\s+0|equal\s+to\s+zero|"
                             r"=\s*0)\b|\b(?:stationary|first[- ]order)\s+condition|令[^。；]*(?:为零|等于零|为\s*0|=\s*0)"
                             r"|(?:梯度|导数|偏导)[^。；]*(?:为零|等于零)"
                             r"|\b(?:at|in)\s+(?:the|a|any|an|each|every)\s+(?:stationary|critical|optimal|extreme|extremal|"
                             r"saddle)\s+points?\b|\bat\s+(?:the|an?)\s+(?:optimum|minimum|maximum|minimi[sz]er|"
                             r"maximi[sz]er|extremum)\b|(?:在|于)?(?:驻点|极值点|最优点|最优解|极小值点|极大值点|临界点)处")


def imposed_display(lines: list[str], rel: Relation, blocks) -> bool:
    """Whether the prose right before the display holding ``rel`` imposes it: "Setting the partial
    derivatives to zero, $$… = 0$$", "令梯度为零".  (The caller keeps it to relations with a side 0.)"""
    block = next((b for b in blocks if b.display and b.line <= rel.line <= b.end_line), None)
    if block is None or block.line < 2:
        return False
    before = " ".join(lines[max(0, block.line - 3):block.line - 1])
    before = _SENTENCE_END.split(before)[-1] if _SENTENCE_END.search(before) else before
    # "… Setting $$\frac{\partial \ell}{\partial \lambda} = \frac{S}{\lambda} - n = 0$$ gives": the sentence
    # runs through the display, whose relation the imposing word introduces
    return bool(_IMPOSING_BEFORE.search(before)) or bool(_IMPOSING.search(re.sub(r"\\\[\s*$|\$\$\s*$", "", before)))


_CASE_CUE = re.compile(r"\b(?:for|when|whenever|if|where)\b|当|若|对")
_CASE_START = re.compile(r"\s*(?:for|when|whenever|if|where)\b|\s*(?:当|若|对)")


def case_after(found: list[Relation], k: int, lines: list[str], blocks) -> bool:
    """Whether a condition in prose right after ``found[k]`` restricts it to a range ("$$f(x) = x$$ for
    $x \\ge 0$", "$g(x) = x^2$ for $x \\ge 0$"): the next relation is an inline inequality within two
    lines, introduced as a condition."""
    if k + 1 >= len(found):
        return False
    rel, after = found[k], found[k + 1]
    if after.op not in ("<", "<=", ">", ">=") or not 0 <= after.line - rel.end_line <= 2 \
            or in_display_math(after, blocks) or not 1 <= after.line <= len(lines):
        return False
    line = lines[after.line - 1]
    inline = next((b for b in blocks if not b.display and b.line == after.line and after.tex in b.tex), None)
    if inline is None:
        return False
    start = max(line.find(f"${inline.tex}$"), line.find(f"\\({inline.tex}\\)"))   # the condition's own math,
    if start < 0:                                                              # not an x inside f(x)
        return False
    prefix = line[:start]
    if after.line == rel.end_line:                  # "… $g(x) = x^2$ for $x \ge 0$": the same sentence
        end = prefix.rfind("$", 0, max(0, len(prefix) - 1))
        between = prefix[end + 1:] if end >= 0 else prefix
        return not _SENTENCE_END.search(between) and bool(_CASE_CUE.search(between))
    return in_display_math(rel, blocks) and bool(_CASE_START.match(prefix))    # "$$f(x) = x$$ for $x \ge 0$"


_OTHER_CASES_AFTER = re.compile(r"(?i)\b(?:otherwise|else|elsewhere|(?:every|all|any)\s+other|for\s+the\s+rest)\b|"
                                r"否则|其他情况|其余")
"""Words after a display that give its function other cases ("and zero for every other $x$")."""
_SIGN_CUE = re.compile(r"(?i)\b(?:when|whenever|if|for|on)\b[^.;]*\b(?:non-?negative|positive|negative|non-?positive)\b|"
                       r"\b(?:non-?negative|positive|negative|non-?positive)\b")


def words_after_display(lines: list[str], rel: Relation, blocks) -> str:
    """The text on the last line of the display holding ``rel`` after its math ("$$…$$ when all $x_i$
    are equal"), or ``""``."""
    block = _display_of(rel, blocks)
    if block is None or not 1 <= block.end_line <= len(lines):
        return ""
    return re.split(r"\$\$|\\\]|\\end\s*\{[a-z*]+\}", lines[block.end_line - 1])[-1]


_SIGN_OF_NAME = re.compile(r"(?i)\$\s*\\?(?P<name>[A-Za-z]+)\s*\$\s+(?:is|are|be|stays?)\s+(?:strictly\s+)?"
                           r"(?P<sign>positive|non-?negative|negative)\b|\b(?P<sign2>positive|non-?negative|negative)\s+"
                           r"\$\s*\\?(?P<name2>[A-Za-z]+)\s*\$")
_GOES_ON = re.compile(r"(?i)^\s*(?:valid|where|since|as|holds?|true|when|whenever|for|provided|assuming|which|this\s+holds)\b")


def signs_after_display(lines: list[str], rel: Relation, blocks) -> list[tuple[str, str, int]]:
    """(name, sign, line) for each sign the words right after the display holding ``rel`` give a name:
    "$$y + 1/y \\ge 2,$$ valid whenever $y$ is positive", "$$|c| = c$$ when $c$ is nonnegative" — on the
    display's last line or in the next line when it goes on the sentence ("valid …", "where …")."""
    block = _display_of(rel, blocks)
    if block is None or not 1 <= block.end_line <= len(lines):
        return []
    texts = [(block.end_line, words_after_display(lines, rel, blocks))]
    following = next((n for n in range(block.end_line + 1, min(len(lines), block.end_line + 3) + 1)
                      if lines[n - 1].strip()), None)
    if following is not None and _GOES_ON.match(lines[following - 1]) and "$$" not in lines[following - 1]:
        texts.append((following, lines[following - 1]))
    out = []
    for line, text in texts:
        sentence = _SENTENCE_END.split(text)[0]
        if re.search(r"(?i)\b(?:not|never|unless|or)\b", _INLINE_MATH.sub(" ", sentence)):
            continue
        for m in _SIGN_OF_NAME.finditer(sentence):
            name, sign = (m.group("name"), m.group("sign")) if m.group("name") else (m.group("name2"), m.group("sign2"))
            out.append((name, _SIGN_WORDS[re.sub(r"\s+", " ", sign.lower())], line))
    return out


def case_in_words(lines: list[str], rel: Relation, blocks, names: set[str]) -> bool:
    """Whether the words right after the display holding ``rel`` make it one case ("$$g(x) = x$$ when
    $x$ is nonnegative, and $g$ is zero otherwise"): "otherwise", or a sign of one of ``names`` in
    the same sentence."""
    tail = _SENTENCE_END.split(words_after_display(lines, rel, blocks))[0]
    if _OTHER_CASES_AFTER.search(tail):
        return True
    named = {m.group(1) for m in re.finditer(r"\$\s*\\?([A-Za-z]+)\s*\$", tail)}
    member = {m.group(1) for m in re.finditer(r"\$\s*\\?([A-Za-z]+)\s*\\in\b", tail)}    # "for $x \in [0, 1]$"
    return bool(member & names) or bool(named & names) and bool(_SIGN_CUE.search(tail))


def after_a_display(lines: list[str], line: int, tex: str) -> bool:
    """Whether the inline math ``tex`` on ``line`` follows a display on that line as its condition
    ("$$h(x) = x$$ for $x \\in [0, 1]$"): a case of that display, not a bound from there on."""
    if not 1 <= line <= len(lines):
        return False
    text = lines[line - 1]
    at = text.find(tex)
    return at > 0 and "$$" in text[:at] and bool(_TRAILING_WORDS.match(text[:at].split("$$")[-1].rstrip().rstrip("$")))


def a_case_of(lines: list[str], line: int, tex: str) -> bool:
    """Whether the inline math ``tex`` on ``line`` is introduced as a case ("For $t \\in [0, 1]$ we
    have", "if $p \\in (0, 1)$"): a condition of what follows it, not a bound from there on."""
    if not 1 <= line <= len(lines):
        return False
    text = lines[line - 1]
    at = text.find(tex)
    words = _INLINE_MATH.sub(" ", text[:at]) if at > 0 else ""
    return bool(re.search(r"(?i)\b(?:for(?:\s+(?:every|all|any|each))?|if|when|whenever|whereas|while)\s*$",
                          words.rstrip().rstrip("$")))


_CLAIM_BEFORE = re.compile(r"(?i)\b(?:(?<!as\s)follows|hence|therefore|thus|so(?!\s+that)|because|since|(?<!consider\s)then|gives|giving|"
                           r"yields|obtain|we\s+(?:also\s+|then\s+|now\s+)?(?:get|have|find|obtain|see|conclude)|implies|consequently|proves|shows|"
                           r"means|in\s+particular|equivalently|note\s+that|i\.e\.|that\s+is|recall(?:s|ing)?|"
                           r"(?:this|it|which)\s+is\s+also|(?:can|may)\s+also\s+be\s+written|also\s+equals|written\s+out|"
                           r"satisf(?:y|ies)|equivalent\s+(?:form|expression|formula|way)|(?:simplif|rewrit)\w*\s+(?:it\s+)?"
                           r"(?:as|to)|by\s+(?:the\s+)?definition|expand(?:ing|s)?|unfold(?:ing|s)?|plugging)\b|所以|因此|于是|可得|得到|从而|故|等价|化简为|展开|代入|(?<![规法准原细否])则")     # not 即: "namely"
_DEFINING_BEFORE = re.compile(r"(?i)\b(?:let(?!\s+us\b|'s\b)|let(?:\s+us|'s)\s+(?:\w+\s+)?(?:take|set|define|use|choose|"
                              r"consider|redefine)|define|defining|defined\s+(?:as|by|to\s+be)(?!\s+(?:above|before|earlier|previously|in))|"
                              r"denote|denoting|consider(?=\s*$|\s+(?:MATH|instead|now|a|an|the|next)\b)|redefine|"
                              r"instead|replace[sd]?|now\s+(?:take|set|use|let)|(?:another|a\s+new)\s+(?:value|model|"
                              r"definition|choice))\b|^\s*for\s+(?:a|an|the)\s+"
                              r"(?!case\b|cases\b|rest\b|same\b|other\b|fixed\b|given\b|all\b)[a-z-]+\b|:=|(?<![命指])令|(?<!假)设(?![计置备施])|(?<![由按据照])(?<!展开)(?<!代入)(?<!利用)定义|记|改为|改成|换成|替换为")
_BECOMING = re.compile(r"(?i)\b(?:becomes?|reduces\s+to|simplifies\s+to|turns\s+into)\b|变为|变成|化为|简化为")
_CONDITIONAL = re.compile(r"(?i)\b(?:if|when|with|setting|for)\s+MATH\b|如果|若|当|置为|设")
""""With $y = 0$ this becomes …", "如果 … 置为1 … 变为": a new form under a condition the sentence
states (not "Expanding, this becomes …", a derivation)."""


def _display_of(rel: Relation, blocks):
    """The display block that holds ``rel`` (of two displays on its line, the one whose math it is)."""
    if rel.block is not None and rel.block.display:
        return rel.block
    holding = [b for b in blocks if b.display and b.line <= rel.line <= b.end_line]
    return next((b for b in holding if rel.tex.strip() and rel.tex.strip() in b.tex), holding[0] if holding else None)


def conditioned(lead: str | None) -> bool:
    """Whether the words leading into a display say a condition ("Suppose", "when", "if", "假设"…):
    without them, an inequality about a defined quantity is a claim ("And $$m \\le a$$" of m := max(a, b))."""
    if lead is None:
        return True
    words = re.findall(r"[a-z.]+", lead.lower())
    return any(w in _CONDITION_CUES or w in _CONDITION_NOUNS for w in words) \
        or any(c in lead for c in _CJK_CONDITION_CUES)


def lead_in(lines: list[str], rel: Relation, blocks, keep_math: bool = False) -> str | None:
    """The words of the sentence that leads into the display holding ``rel`` (its own line's text
    before the display included; inline math taken out unless ``keep_math``), or None for inline math."""
    block = _display_of(rel, blocks)
    if block is None or not 1 <= block.line <= len(lines):
        return None
    own = lines[block.line - 1]
    first = block.tex.split("\n", 1)[0].strip()
    at = own.find(first) if first else -1
    twins = [b for b in blocks if b.line == block.line and b.tex.split("\n", 1)[0].strip() == first]
    for _ in range(next((n for n, b in enumerate(twins) if b is block), 0)):   # "$$M = 10$$ … $$M = 10$$"
        at = own.find(first, at + len(first)) if at >= 0 else -1
    own = own[:at] if at >= 0 else own
    own = re.split(r"\$\$(?=[^$]*\$\$)|\\\]", own)[-1] if own.count("$$") >= 3 or "\\]" in own else own
    own = re.sub(r"(?:\$\$|\\\[|\\begin\s*\{[a-z*]+\})\s*$", "", own.rstrip())
    previous = max((b.end_line for b in blocks if b.display and b.end_line < block.line), default=0)
    start = max(0, block.line - 3, previous - 1)
    earlier = list(lines[start:block.line - 1])
    if earlier and previous and start == previous - 1:      # the text after the previous display only
        earlier[0] = re.split(r"\$\$|\\\]|\\end\s*\{[a-z*]+\}", earlier[0])[-1]
    headed = [n for n, text in enumerate(earlier) if _HEADING.match(text)]
    earlier = earlier[headed[-1] + 1:] if headed else earlier       # a heading starts the text afresh
    before = " ".join(x for x in [*earlier, own] if x.strip())
    before = _SENTENCE_END.split(before)[-1] if _SENTENCE_END.search(before) else before
    return before if keep_math else _INLINE_MATH.sub(" MATH ", before)   # "with MATH this becomes"


_REPLACING = re.compile(r"(?i)\b(?:replace[sd]?|replacing|substitute[sd]?|substituting)\s+\$\s*\\?(?P<name>[A-Za-z]+)")


_LONE_NAME = re.compile(r"(?<![\\$])\$\s*\\?(?P<name>[A-Za-z]+)(?P<sub>_\{?[A-Za-z0-9]+\}?)?\s*\$(?!\$)")
_RENAMING = re.compile(r"(?i)\b(?:(?:denotes?|is|be)\s+(?:an?\s+)?(?:arbitrary|general)|from\s+now\s+on|henceforth|hereafter|from\s+(?:here|this\s+point)\s+on|"
                       r"from\s+this\s+point|for\s+the\s+rest\s+of|in\s+what\s+follows|in\s+the\s+following|below(?=\s*[,:]|\s+(?:we|I)\b)|^\s*below\b|below\b(?=.*\b(?:stands?\s+for|denotes?|refers?\s+to|is\s+used\s+for)\b)|"
                       r"re-?defin(?:e|es|ed|ing)|re-?us(?:e|es|ed|ing)|abus(?:e|es|ing)\s+(?:of\s+)?notation|"
                       r"switch(?:es|ing)?\s+notation|change\s+of\s+notation|overload(?:s|ed|ing)?|"
                       r"(?:keep|use|reuse)\s+the\s+(?:same\s+)?(?:name|letter|symbol)|same\s+(?:name|letter|symbol)|"
                       r"(?:is|are)\s+now|now\s+(?:denotes?|stands?\s+for|means?|refers?\s+to|is|be|names?)\b|"
                       r"names?\s+(?:another|a\s+different|a\s+new)\b|"
                       r"(?:denotes?|stands?\s+for|means?|refers?\s+to)\b[^.;]*\binstead\b|"
                       r"(?:re-?draw|re-?sampl|re-?generat)\w*|"
                       r"draw\w*\s+(?:it|them)?\s*(?:again|anew|afresh)|(?:fresh|new|unrelated|separate|independent)\s+"
                       r"(?:variables?|names?|symbols?|unknowns?)|unrelated\s+to)|"
                       r"从现在起|此后|以下|下文|重新定义|改记|改为表示|现在表示|同一个?记号|同样的记号|沿用|替换|重新采样|重新抽取")
"""Words that give a name another meaning from there on ("From now on $s$ denotes the difference
instead of the sum", "$s$ is reused for …"): a definition before them stops unfolding ("just below $T_c$" is
a value below it, no renaming; "in the runs reported below $\\tau$ stands for …" renames)."""


_CALLED_AGAIN = re.compile(r"(?i)\b(?:again|also|likewise|too|still)\s+(?:call|calls|called|denoted?|denotes|write|writes|"
                           r"written|name[sd]?)\s+(?:it\s+|by\s+|as\s+)?\$?\s*\\?(?P<name>[A-Za-z]+)\b|"
                           r"\b(?:call|denote|write|name)\s+(?:it\s+)?\$?\s*\\?(?P<later>[A-Za-z]+)\s*\$?\s+(?:again|as\s+well)\b|"
                           r"(?:也|仍|同样)(?:记|记作|记为|称为)\s*\$?\s*\\?(?P<cjk>[A-Za-z]+)")
"""A name given to a second object in words ("its own partition function, which we again call Z")."""


def renamed_in_words(lines: list[str]) -> list[tuple[int, str, int]]:
    """The (line, name, column) triples where a sentence in prose gives a name written alone in inline math
    (``$s$``, ``$\\lambda$``) another meaning from there on (see ``_RENAMING``), or names a second
    object by it (``_CALLED_AGAIN``)."""
    found = []
    for number, line in enumerate(lines, 1):
        for m in _LONE_NAME.finditer(line):
            sentence = sentence_around(line, m.start())
            said = _RENAMING.search(sentence)
            if said and not negation_in(sentence[max(0, said.start() - 25):said.start()]):  # "We never redefine $s$"
                sub = (m.group("sub") or "").strip("_{}")
                found.append((number, f"{m.group('name')}_{sub}" if sub else m.group("name"), m.start()))
        for m in _CALLED_AGAIN.finditer(line):
            found.append((number, m.group("name") or m.group("later") or m.group("cjk"), m.start()))
        for m in _REQUANTIFIED.finditer(line):
            if m.group("lead").lower().startswith(("for", "对")) or _ARBITRARY.search(m.group("rest") or "") \
                    or _DESCRIBED_ANEW.match(m.group("rest") or "") and not _AS_BEFORE.search(m.group("rest") or "") \
                    and re.match(r"(?i)(?:now\s+|this\s+time\s+)?(?:let|take)$|this\s+time", m.group("lead")):
                # ("Now let $X$ be the number shown by a fair die", "Let $X$ denote the number of heads", "This time
                # $X$ is the …": X given another meaning — not "Let $X$ be the variable defined above")
                found.append((number, m.group("name"), m.start()))
    return found


_REPLACED = re.compile(r"(?i)\b(?:replace|replaces|replacing|overwrite|overwrites|overwriting|update|updates|updating)\s+"
                       r"(?P<math>\$\s*(?:\\mathbf\s*\{\s*)?\\?[A-Za-z]+\s*\}?\s*\$)\s+(?:by|with)\b")
"""A name replaced in words ("Now replace $X$ by $1 - X$", "Overwrite $X$ with $X^2$")."""


def replaced_in_words(lines: list[str]) -> list[tuple[int, str, int]]:
    """The (line, name, column) where the words replace a name written alone in inline math by something else
    ("Now replace $X$ by $1 - X$"): what was drawn for it no longer holds (a substitution into a formula — "replace
    $x$ by a root $a$ of $f$" — changes no definition, so only draws read it)."""
    found = []
    for number, line in enumerate(lines, 1):
        for m in _REPLACED.finditer(line):
            name = re.sub(r"[$\s{}]|\\mathbf", "", m.group("math")).lstrip("\\")
            found.append((number, name, m.start("math")))
    return found


def described_in_words(lines: list[str]) -> list[tuple[int, str]]:
    """The (line, TeX) of names written alone in inline math (``$x^*$``, ``$\\hat\\theta$``) in a sentence
    that makes them an optimum, a root or an estimate ("Let $x^*$ be the minimizer of $f$", "the MLE
    $\\hat\\mu$"): what such a name is, the words say, in a way softsym does not read."""
    found = []
    for number, line in enumerate(lines, 1):
        for m in _LONE_TEX.finditer(line):
            if _IMPLICIT.search(sentence_around(line, m.start())) and any(
                    w.end() > m.start() - 30 and w.start() < m.end() + 25 for w in _IMPLICIT.finditer(line)):
                found.append((number, m.group(1)))     # (near the name: "the minimizer $x^*$", not "the same $T$
                #                                        does not change their order, the argmax prediction")
    return found


_LONE_TEX = re.compile(r"(?<![\\$])\$([^$]{1,40})\$(?!\$)")
_IMPLICIT = re.compile(r"(?i)\b(?:minimi[sz](?:er|ers|ing|es)|maximi[sz](?:er|ers|ing|es)|optim(?:um|a|al|izer)|"
                       r"arg\s*(?:min|max)|solution|solves|roots?\s+of|zeros?\s+of|fixed\s+point|stationary|"
                       r"critical\s+point|saddle|equilibrium|maximum[-\s]likelihood|MLE|MAP|mode|estimat(?:e|es|or|ors))\b|"
                       r"最优|极小|极大|最小值点|最大值点|最大似然|驻点|不动点|估计")


_REQUANTIFIED = re.compile(r"(?i)(?P<lead>\bfor\s+(?:(?:any|all|every|each|arbitrary)(?:\s+(?:real|positive|fixed|other|"
                           r"smooth|continuous|convex|[a-z]+(?:able|ible)))?|an?\s+(?:general|generic|arbitrary|smooth|"
                           r"continuous|convex|[a-z]+(?:able|ible)))"
                           r"(?:(?:\s+[A-Za-z-]+){0,2}?\s+(?:functions?|maps?|transforms?|transformations?|mappings?|links?|activations?|"
                           r"losses?|estimators?|statistics?)|\s+(?:numbers?|values?|constants?|vectors?))?|\b(?:now\s+|this\s+time\s+)?(?:let|take)|"
                           r"\bthis\s+time,?|对(?:任意|所有)(?:的)?)\s*"
                           r"\$\s*\\?(?P<name>[A-Za-z]+)(?:\s*_\s*(?:\{[^{}$]*\}|[A-Za-z0-9]))?\s*"
                           r"(?:(?:\\in\b|\\[lg]eq?\b|\\neq?\b|[<>])[^$]*)?\$(?P<rest>[^.;。]*)")
_ARBITRARY = re.compile(r"(?i)\b(?:arbitrary|any|general)\b|任意")
_DESCRIBED_ANEW = re.compile(r"(?i)\s*(?:instead\s+)?(?:be|denotes?|is|to\s+be|count|counts|record|records)\s+"
                             r"(?:instead\s+)?(?:the|an?|how\s+many)\s")
"""A name described in words after "let"/"take" ("Now let $X$ be the number shown by a die", "let $X$ denote the …",
"take $X$ to be a …", "let $N$ count how many …")."""
_AS_BEFORE = re.compile(r"(?i)\b(?:above|before|earlier|previous(?:ly)?|same|again|as\s+in|from\s+(?:section|§)|"
                        r"defined|introduced|given|we\s+(?:had|used|met|saw))\b|上文|前面|之前|同一")
"""Words that keep a name's meaning ("Let $X$ be the lognormal variable defined above", "the same variable")."""
"""A name quantified anew ("For any $\\lambda > 0$", "Now let $w \\in \\mathbb{R}^2$ be arbitrary"): a value
or definition given it before no longer holds from there on."""


_FOR_EVERY = re.compile(r"(?i)\bfor\s+(?:every|all|any|each|arbitrary)\s+(?:real\s+)?(?:numbers?\s+|values?\s+(?:of\s+)?)?"
                        r"\$\s*\\?(?P<name>[A-Za-z]+)\s*(?P<entry>_\s*(?:\{[^{}$]{1,8}\}|[A-Za-z0-9]))?\s*\$|"
                        r"对(?:任意|所有)(?:的)?(?:实数)?\s*\$\s*\\?(?P<cjk>[A-Za-z]+)\s*(?P<cjk_entry>_\s*(?:\{[^{}$]{1,8}\}|[A-Za-z0-9]))?\s*\$")
"""A quantifier over a name or a family's entries ("for any real $y_i$": the family y, named ``y[]``)."""


def quantified_names(lines: list[str], rel: Relation, blocks) -> set[str]:
    """The names the sentence leading into the display holding ``rel`` quantifies over ("Hence, for
    every real $z$, $$…$$"): a value given them earlier ("at $z = 0$") does not hold there."""
    before = lead_in(lines, rel, blocks, keep_math=True) or ""
    cases = list(_SUPPOSING_ONLY.finditer(before))   # "For every real $x$, if $x < 0$ then $$…$$": a case of x
    return {(m.group("name") or m.group("cjk")) + ("[]" if m.group("entry") or m.group("cjk_entry") else "")
            for m in _FOR_EVERY.finditer(before[cases[-1].end() if cases else 0:])}


_RESTRICTED_AFTER = re.compile(r"(?i)^\s*,?\s*(?:with|such\s+that|satisfying|that\s+satisf(?:y|ies)|provided(?:\s+that)?|"
                               r"where|for\s+which|obeying|subject\s+to|in\b|\\in\b)|^\s*[,，]?\s*(?:且|满足|使得|其中)")


def quantified_with_restriction(lines: list[str], rel: Relation, blocks) -> set[str]:
    """The names of :func:`quantified_names` whose quantifier goes on to restrict them ("For every real
    $x$ with $x > 0$", "对任意实数 $v$ 且 $v \\ge 0$"): the condition written there still holds."""
    before = lead_in(lines, rel, blocks, keep_math=True) or ""
    return {(m.group("name") or m.group("cjk")) for m in _FOR_EVERY.finditer(before)
            if _RESTRICTED_AFTER.match(before[m.end():])}


def replaces_other_name(lines: list[str], rel: Relation, blocks, function: str) -> bool:
    """Whether the words leading into ``rel`` replace a name other than ``function`` ("We replace $x$
    by a root $a$ of $f$: $$f(a) = 0$$" — the argument is replaced, f stays what it was)."""
    before = lead_in(lines, rel, blocks, keep_math=True)
    found = list(_REPLACING.finditer(before or ""))
    return bool(found) and found[-1].group("name") != function


_IN_GENERAL = re.compile(r"(?i)\b(?:in\s+general|generally|for\s+(?:all|every|any|arbitrary|(?:a\s+)?general)|arbitrary|always|"
                         r"in\s+all\s+cases|identically|(?:does|do)\s+not\s+depend\s+on|independent(?:ly)?\s+of|"
                         r"regardless\s+of|whatever|no\s+matter)\b|一般地|一般来说|一般情形|对任意|对所有|任意|恒|与[^。]*无关|不依赖")


_WIDENING = re.compile(r"(?i)\b(?:identity|identities|be\s+any|any\s+(?:real|value|number|point|input))\b")


def widened_since(lines: list[str], line: int, rel: Relation, blocks=()) -> bool:
    """Whether the words from ``line`` (an example's value: "Take $x = 1$") to the end of the sentence
    holding ``rel`` say something holds in general ("The identity $$…$$ holds for all real $x$", "Now
    let $x$ be any real number", "For all $x$, …, and therefore $$…$$"): the example's value is then
    no longer the relation's."""
    if not 1 <= line <= rel.line <= rel.end_line <= len(lines):
        return False
    last = lines[rel.end_line - 1]
    tail = (rel.tex.strip().split("\n")[-1] or " ")[-20:]
    at = last.find(tail)                    # the end of this relation's own display, not a later one's
    twins = [b for b in blocks if b.end_line == rel.end_line and tail in b.tex]
    for _ in range(next((n for n, b in enumerate(twins) if b is rel.block), 0)):   # "$$x = 9.$$ … $$x = 9.$$"
        at = last.find(tail, at + len(tail)) if at >= 0 else -1
    close = _DISPLAY_CLOSING.search(last, at + len(tail)) if at >= 0 else None
    end = close.end() if close else _closing_end(last)
    after = last[end:]
    if close and re.search(r"[.!?;。！？]", last[at + len(tail):close.start()]) or re.match(r"\s*[A-Z]", after):
        after = ""                          # "$$x_1^2 = 9.$$ In general, …": its sentence ended inside it
    after = _SENTENCE_END.split(after)[0] if _SENTENCE_END.search(after) else after
    words = _INLINE_MATH.sub(" MATH ", "\n".join([*lines[line - 1:rel.end_line - 1], last[:end], after]))
    words = re.sub(r"\$\$.*?\$\$", " ", words, flags=re.S)
    return bool(_IN_GENERAL.search(words) or _WIDENING.search(words))


def said_in_general(lines: list[str], rel: Relation, blocks) -> bool:
    """Whether the prose leading into the display holding ``rel`` says it holds in general ("In
    general", "for all $x$"): not a worked example's check at the values given before."""
    before = lead_in(lines, rel, blocks)
    starts = section_starts(lines)
    heading = max((h for h in starts if h <= rel.line), default=None)   # "### In general" over it
    after = re.split(r"[.;!?。；](?:\s|$)", words_after_display(lines, rel, blocks))[0]
    return before is not None and bool(_IN_GENERAL.search(before)) \
        or heading is not None and bool(_IN_GENERAL.search(lines[heading - 1])) \
        or bool(_GENERAL_AFTER.match(after))       # "$$2^n = n^2$$ for every $n \ge 2$", "… holds for all $n$"


_GENERAL_AFTER = re.compile(r"(?i)\s*[,，]?\s*(?:(?:which\s+|and\s+)?(?:holds|is\s+true|is\s+valid|valid)\s+)?"
                            r"(?:for\s+(?:all|every|any|each|arbitrary)|in\s+general|always|identically)\b"
                            r"|\s*[,，]?\s*(?:对(?:任意|所有|一切|每个))")
"""Words right after a display that quantify it over every value ("$$…$$ for every $n \\ge 2$")."""


def _last(pattern: re.Pattern, text: str) -> int:
    """Where the last match of ``pattern`` in ``text`` ends (-1: none)."""
    return max((m.end() for m in pattern.finditer(text)), default=-1)


def _cue(lines: list[str], rel: Relation, blocks) -> str | None:
    """"claim" or "definition": what the words leading into the display holding ``rel`` say it is —
    the cue nearest the display wins ("Let $a$ be a root, so $$f(a) = 0$$" is a claim) — or None."""
    before = lead_in(lines, rel, blocks)
    if before is None:
        return None
    claim, definition = _last(_CLAIM_BEFORE, before), _last(_DEFINING_BEFORE, before)
    if definition >= 0 and _gives_a_value_after(lines, rel, blocks, before, definition):
        definition = -1               # "Taking instead $x = 1$, $$f(x) = 8$$": the cue gave x its value
    if _BECOMING.search(before) and _CONDITIONAL.search(before):
        definition = max(definition, _last(_BECOMING, before))
    if claim < 0 and definition < 0:
        return None
    return "claim" if claim > definition else "definition"


_VALUE_MATH = re.compile(r"\A\s*\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?\s*=\s*[-+]?\s*(?:\d+(?:\.\d+)?|"
                         r"\\[dt]?frac\s*\{\s*-?\d+\s*\}\s*\{\s*\d+\s*\}|\d+\s*/\s*\d+)\s*\Z")


def _gives_a_value_after(lines: list[str], rel: Relation, blocks, before: str, cue_end: int) -> bool:
    """Whether the math written after a defining cue in the lead-in gives a name a number (``$x = 1$``):
    the cue ("let", "instead", "take") then speaks of that value, not of the display after it."""
    with_math = lead_in(lines, rel, blocks, keep_math=True)
    if with_math is None or with_math.count("$") % 2:
        return False
    pieces = _INLINE_MATH.split(with_math)
    math = _INLINE_MATH.findall(with_math)
    words = " MATH ".join(pieces)                   # the lead-in as ``before`` has it, piece by piece
    if words != before:
        return False
    at = 0
    for piece, tex in zip(pieces, math):
        at += len(piece)
        if at >= cue_end and _VALUE_MATH.match(tex.strip("$").removeprefix("\\(").removesuffix("\\)")):
            return True
        at += len(" MATH ")
    return False


def claimed_before(lines: list[str], rel: Relation, blocks) -> bool:
    """Whether the prose leading into the display that holds ``rel`` says it is derived ("It follows
    that", "Hence", "Then", "所以"), more closely than it says it defines something."""
    return _cue(lines, rel, blocks) == "claim"


_CLAIM_LEAD = re.compile(r"(?i)(?:^|[.;:!?]\s+|,\s*)(?:and\s+)?(?:hence|therefore|thus|so|consequently|it\s+follows\s+that|"
                         r"this\s+(?:gives|shows|means)|which\s+(?:gives|shows|means)|we\s+(?:get|obtain|conclude))"
                         r"(?:\s+that)?\s*,?\s*$|(?:因此|所以|于是|从而|故)\s*[，,]?\s*$")
_CLAIM_LEAD_WITHIN = re.compile(r"(?i)\b(?:it\s+follows\s+that|this\s+(?:gives|shows|means)|which\s+(?:gives|shows|means)|"
                                r"we\s+(?:get|obtain|conclude))(?:\s+that)?\s*,?\s*$")
"""The same cues after a case within the sentence ("For $N_+ = 8$ this gives $t_+ = …$")."""
_LISTED_BEFORE = re.compile(r"(?:\s*\bx\s*(?:,\s*and|,|and|as\s+well\s+as)\s*)+$")
"""The items of a list before an inline relation ("this gives $a = 1$, $b = 2$ and $…$"): the list's lead decides."""


def claimed_inline(lines: list[str], line: int, column: int, within: bool = False) -> bool:
    """Whether the words right before inline math at (``line``, ``column``) mark it derived ("Hence $…$.",
    "Therefore $\\bar x = 2$, and so $…$", "因此 $…$"): a claim, never a constraint or a value the text sets.
    ``within``: also after a case in the same sentence ("For $N_+ = 8$ this gives $t_+ = \\tfrac{9}{10}$"), and
    for the later items of a list the cue leads ("… and $t_- = \\tfrac{1}{11}$"), where the caller knows the claim
    can be decided at the values the text gave (not "so $n = 3$, $S = 12$" of S := Σ x_i, the data a vector)."""
    if not 1 <= line <= len(lines) or column <= 0:
        return False
    before = _INLINE_MATH.sub(" x ", lines[line - 1][:column]).rstrip().removesuffix("\\(").removesuffix("$")
    if _CLAIM_LEAD.search(before):
        return True
    listed = _LISTED_BEFORE.sub("", before)         # (a list's later items: only where the caller checks them)
    return within and bool(_CLAIM_LEAD.search(listed) or _CLAIM_LEAD_WITHIN.search(before)
                           or _CLAIM_LEAD_WITHIN.search(listed))


def defined_before(lines: list[str], rel: Relation, blocks) -> bool:
    """Whether the prose leading into the display that holds ``rel`` gives it as a definition ("Let",
    "Define", "Consider instead", "For a coin, …", "令"; "becomes" after a condition), more closely
    than it says it is derived."""
    return _cue(lines, rel, blocks) == "definition"


def same_sentence(lines: list[str], earlier: tuple[int, str], rel: Relation) -> bool:
    """Whether the inline math ``earlier`` (its line and tex) is written in the sentence that leads to
    ``rel`` ("Setting $\\partial L/\\partial b = 0$ … gives $n e^b = \\sum y_i$"): no sentence ends
    and no paragraph breaks between them."""
    line, tex = earlier
    if not 1 <= line <= rel.line <= len(lines):
        return False
    first = lines[line - 1]
    at = first.find(tex)
    if at < 0:
        return False
    after = at + len(tex)
    close = min((k for k in (first.find("$", after), first.find("\\)", after)) if k >= 0), default=-1)
    if close >= 0:                                  # past the end of the math it is in ($…$ or \(…\))
        after = close + (2 if first.startswith(("$$", "\\)"), close) else 1)
    between = "\n".join([first[after:], *lines[line:rel.line - 1]])
    if rel.line > line:
        last = lines[rel.line - 1]
        cut = last.find(rel.tex.split("\n")[0][:20]) if rel.tex else -1
        between += "\n" + (last[:cut] if cut >= 0 else "")
    else:
        cut = first.find(rel.tex[:20], after) if rel.tex else -1
        between = first[after:cut] if cut >= 0 else between
    return not _SENTENCE_END.search(_INLINE_MATH.sub(" x ", between))


def is_pin(condition: sp.Basic) -> bool:
    """A condition that gives a name or an entry one value (``x = 0``, ``z_1 = \\log 2``): a relation it
    governs is claimed at that value only, which prose may or may not mean."""
    return isinstance(condition, sp.Eq) and isinstance(condition.lhs, (sp.Symbol, sp.Indexed)) \
        and not isinstance(condition.lhs, sp.Dummy) and not condition.rhs.free_symbols


def solved_value(lhs: sp.Basic, rhs: sp.Basic, keep: frozenset[str] = frozenset()) -> sp.Eq | None:
    """An example's value of a combination of names ("$\\beta h = 0.5$ gives …", "choose the temperature so that
    $\\beta\\varepsilon = \\ln 3$", "$a + b = 1$"), solved for one of its names (h = 0.5/β, the last by name
    that is not in ``keep``, the names the text defines): a case the prover can use.  None
    unless the right side is a nonzero real number and the left side is made of plain names (one name: times a
    number, 3x = 12), one of them to the first power with a coefficient that is a nonzero number or that the case itself
    makes nonzero (β in βh = 0.5) — then the solved form loses no point of the case."""
    if rhs.free_symbols or not rhs.is_number or rhs.is_zero is not False or rhs.is_extended_real is not True \
            or lhs.atoms(sp.Indexed, sp.Function, sp.Dummy) or not isinstance(lhs, (sp.Mul, sp.Add)) \
            or not lhs.is_polynomial(*lhs.free_symbols):
        return None             # (μ/σ = 2 solved, μ = 2σ, would admit σ = 0, which the case excludes)
    names = sorted(lhs.free_symbols, key=str)
    if not names or not all(isinstance(x, sp.Symbol) and not x.is_integer for x in names):
        return None
    for name in reversed([x for x in names if x.name not in keep]):
        slope = sp.diff(lhs, name)
        if name in slope.free_symbols or len(names) == 1 and not slope.is_number:
            continue            # (one name: "Suppose $3x = 12$" is the case x = 4; not x^2 = 4)
        rest = sp.expand(lhs - slope * name)
        if slope.is_number and slope.is_zero is False or rest == 0 and slope.free_symbols:
            return sp.Eq(name, (rhs - rest) / slope)
    return None


def product_value(condition: sp.Basic) -> bool:
    """A value an example gives one dot product (``u_o^\\top v_c = 2``): that product, wherever it is written."""
    return isinstance(condition, sp.Eq) and isinstance(condition.lhs, sp.core.function.AppliedUndef) \
        and str(condition.lhs.func) == "dot" and not condition.rhs.free_symbols


def mentioned(name: sp.Basic, *exprs: sp.Basic) -> bool:
    """Whether ``exprs`` speak of ``name`` (a symbol, or an entry: any entry of its family counts)."""
    if isinstance(name, sp.Indexed):
        return any(e.base == name.base for x in exprs for e in x.atoms(sp.Indexed))
    return any(name in x.free_symbols for x in exprs)


def pairwise_indices(lhs: sp.Basic, rhs: sp.Basic, written: list[sp.Basic]) -> tuple[sp.Symbol, sp.Symbol] | None:
    """The two free indices i, j of a relation about a pair of entries of one family (``s_i``, ``s_j``)
    that nothing relates — no δ_ij, no condition written on them — or None."""
    both = sp.Tuple(lhs, rhs)
    indices = sorted({i for e in both.atoms(sp.Indexed) for i in e.indices
                      if isinstance(i, sp.Symbol) and i.is_integer and i in both.free_symbols}, key=str)
    if len(indices) != 2:
        return None
    i, j = indices
    families = {e.base for e in both.atoms(sp.Indexed) if i in e.indices} & \
        {e.base for e in both.atoms(sp.Indexed) if j in e.indices}
    related = any({i, j} <= d.free_symbols for d in both.atoms(sp.KroneckerDelta)) or any(
        {i, j} & c.free_symbols for c in written)
    return (i, j) if families and not related else None


_HEADING = re.compile(r"^\s*(?:#{1,6}\s|\\(?:part|chapter|section|subsection|subsubsection|paragraph)\b)")
_LEVEL = re.compile(r"^\s*(?:(#{1,6})\s|\\(part|chapter|section|subsection|subsubsection|paragraph)\b)")
_LATEX_LEVELS = {"part": 0, "chapter": 0, "section": 1, "subsection": 2, "subsubsection": 3, "paragraph": 4}


def section_starts(lines: list[str]) -> dict[int, int]:
    """The lines (1-based) where a heading starts a section (Markdown ``#``, LaTeX ``\\section``…),
    each with its level (``#`` and ``\\section`` 1, ``##`` and ``\\subsection`` 2, …, ``\\paragraph`` 4;
    a title — the first heading, above all the others — 99: its text governs no section)."""
    starts = {}
    for k, line in enumerate(lines, 1):
        m = _LEVEL.match(line)
        if m:
            starts[k] = len(m.group(1)) if m.group(1) else _LATEX_LEVELS[m.group(2)]
    if starts:                    # "# Title" over "## …" sections: what its text says ends at the first one
        first = min(starts)
        if sum(level <= starts[first] for level in starts.values()) == 1 and len(starts) > 1:
            starts[first] = 99
    return starts


def same_section(starts: dict[int, int], first: int, second: int) -> bool:
    """Whether no heading lies between lines ``first`` and ``second`` (inclusive of ``second``)."""
    return not any(first < h <= second for h in starts)


def in_scope(starts: dict[int, int], first: int, second: int) -> bool:
    """Whether what line ``first`` says (a condition, an example's value) still governs line
    ``second``: no heading between them at the level of the heading ``first`` stands under or above
    it. A ``\\paragraph`` or ``###`` inside a section keeps the section's conditions ("Let $T > 0$ …
    \\paragraph{Effect of $T$.}"); the next section ends them; text before any heading ends at the
    first one."""
    own = max((h for h in starts if h <= first), default=None)
    level = starts[own] if own is not None else 99
    return not any(first < h <= second and starts[h] <= level for h in starts)


def in_preamble(starts: dict[int, int], line: int, setups: frozenset[int] = frozenset()) -> bool:
    """Whether ``line`` stands before the first section, under the title or above every heading, or in a
    top-level section the text calls its setup (``setups``, :func:`setup_sections`): the setup of the
    whole text ("$K$ classes, $y_k \\ge 0$, $\\sum_k y_k = 1$", "温度 $T > 0$", "\\section{Setup} … with
    $0 < \\phi < 1$").  Its assumptions (not its examples' values) hold in every section."""
    own = max((h for h in starts if h <= line), default=None)
    return own is None or starts[own] == 99 or own in setups


_SETUP_HEADING = re.compile(r"(?i)^\s*(?:#{1,6}\s*|\\(?:part|chapter|section)\*?\s*\{\s*)(?:\d+(?:\.\d+)*\.?\s*)?"
                            r"(?:(?:the\s+)?(?:setup|set-up|setting|notation|notations|preliminaries|assumptions|definitions|conventions|"
                            r"(?:setup|notation)\s+and\s+(?:notation|assumptions|setup))|符号(?:约定|说明)?|记号|设定|预备知识|基本设定)"
                            r"\s*[.:}]?\s*\}?\s*$")


def setup_sections(lines: list[str], starts: dict[int, int]) -> frozenset[int]:
    """The top-level sections whose heading names them the text's setup ("## Setup", "\\section{Notation}",
    "## 符号约定"), by their heading line."""
    top = min(starts.values(), default=99)
    return frozenset(h for h, level in starts.items() if level == top and 1 <= h <= len(lines)
                     and _SETUP_HEADING.match(lines[h - 1]))


def _at_point(value: sp.Basic, at: dict[str, sp.Basic]) -> sp.Basic | None:
    """``value`` at the point ``at`` (names → numbers; sums over a size the point gives are expanded first), or None
    when a name of it is not there."""
    taken = value.xreplace({x: at[x.name] for x in value.free_symbols if isinstance(x, sp.Symbol) and x.name in at})
    taken = taken.doit() if taken.has(sp.Sum, sp.Product) else taken      # (free names only: a sum's own index stays)
    taken = taken.xreplace({x: at[sp.sstr(x)] for x in taken.atoms(sp.Indexed) if sp.sstr(x) in at})
    taken = taken.xreplace({x: at[x.name] for x in taken.atoms(sp.Symbol) if x.name in at})
    return None if taken.free_symbols or taken.atoms(sp.core.function.AppliedUndef) else taken


def to_base(expr: sp.Basic, base: int) -> sp.Basic:
    """``expr`` with every natural logarithm taken to ``base`` instead (log x → log x / log base)."""
    return expr.replace(sp.log, lambda *a: sp.log(a[0]) / sp.log(base) if len(a) == 1 else sp.log(*a))


def _holds_numerically(left: sp.Basic, right: sp.Basic, rel: str) -> bool | None:
    """Whether ``left rel right`` holds between two numbers (to 1e-12, relative), or None when either is not real."""
    a, b = sp.N(left, 30), sp.N(right, 30)
    if not (a.is_real and b.is_real):
        return None
    gap = float(b - a)
    scale = max(1.0, abs(float(a)), abs(float(b)))
    return {"==": abs(gap) <= 1e-12 * scale, "<": gap > 1e-12 * scale, "<=": gap >= -1e-12 * scale}.get(rel)


def holds_in_another_base(problem, counterexample) -> int | None:
    """The base (2 or 10) in which the relation of ``problem``, refuted at ``counterexample`` with its logarithms
    natural, holds at that point with every logarithm taken to that base instead — or None."""
    try:
        point = _point(counterexample) if counterexample is not None else {}
        for base in (2, 10):
            left, right = (_at_point(to_base(side, base), point) for side in (problem.lhs, problem.rhs))
            if left is None or right is None:
                return None
            if _holds_numerically(left, right, problem.rel):
                return base
    except Exception:  # noqa: BLE001 - not settled: no other base
        return None
    return None


def fails_in_another_base(problem) -> int | None:
    """The base (2 or 10) in which a relation, proved with its logarithms natural, fails with every logarithm
    taken to that base instead ("$\\log 2 \\approx 0.693$", "$\\frac{d}{dm}\\log m = 1/m$" in a text that measures in
    bits) — at the relation's numbers, or at a few positive points of its names — or None.  A relation whose
    logarithms were all evaluated away (log e = 1) is not judged here."""
    names = sorted((x for x in sp.Tuple(problem.lhs, problem.rhs).free_symbols if isinstance(x, sp.Symbol)), key=str)
    points = [{}] if not names else [{x: sp.Rational(v) for x, v in zip(names, values)}
                                     for values in (("1/2",) * len(names), ("3/2",) * len(names), ("7/3",) * len(names),
                                                    ("5",) * len(names), tuple(f"{k + 2}/{k + 1}" for k in range(len(names))))]
    try:
        for base in (2, 10):
            left, right = (to_base(side, base) for side in (problem.lhs, problem.rhs))
            if (left, right) == (problem.lhs, problem.rhs):
                return None
            left, right = left.doit(), right.doit()
            if any(_holds_numerically(left.xreplace(point), right.xreplace(point), problem.rel) is False
                   for point in points):
                return base
    except Exception:  # noqa: BLE001 - not settled: no other base
        return None
    return None


def _point(counterexample) -> dict[str, sp.Basic]:
    from ..parsing import parse_expr
    return {key: parse_expr(value) for key, value in dict(counterexample.values).items()}


def _cases(name: str, point: dict[str, sp.Basic]) -> list[tuple[str, dict[str, sp.Basic], bool]]:
    """Where a stated ``name`` meets the point: (the point's key, the index values, whether a square)."""
    entry = re.fullmatch(r"(?P<base>\w+)\[(?P<index>[A-Za-z_]\w*)\]", name)
    square = re.fullmatch(r"(?P<base>\w+)\*\*2", name)
    if entry:                       # p_i = 1/n: at each entry p[1], p[2] of the point
        return [(key, {entry.group("index"): sp.Integer(key[len(entry.group("base")) + 1:-1])}, False) for key in point
                if re.fullmatch(rf"{re.escape(entry.group('base'))}\[-?\d+\]", key)]
    if square:
        return [(square.group("base"), {}, True)] if square.group("base") in point else []
    return [(name, {}, False)] if name in point else []


def contradicted(counterexample, stated: tuple[tuple[str, object, int], ...], taken_as: str = "took") -> str:
    """How a counterexample contradicts values the text gave names earlier in the section (``the
    text took x = 1 (line 17)``), or ``""``.  A name may be a family's entry at an index (``p[i]`` with
    ``p_i = 1/n``: each entry of the point) or a square (``sigma**2`` with ``σ² = log 4``)."""
    from ..parsing import parse_expr
    try:
        point = _point(counterexample)
    except Exception:  # noqa: BLE001 - a point softsym cannot read back: say nothing
        return ""
    clashes = []
    for name, value, line in stated:
        for key, index, square in _cases(name, point):
            try:
                taken = _at_point(parse_expr(value) if isinstance(value, str) else value, {**point, **index})
                if taken is None:       # (a value in other names — E_2 = ε — at the point's values)
                    continue
                there = point[key] ** (2 if square else 1)
                same = sp.simplify(there - taken) == 0
            except Exception:  # noqa: BLE001 - a value softsym cannot read back: say nothing
                continue
            if not same:
                shown = f"{key}**2" if square else key
                clashes.append(f"{shown} = {sp.sstr(there)} while the text {taken_as} {name} = {sp.sstr(value)} "
                               f"(line {line})")
                break
    return "; ".join(clashes[:2])


def fails_at_stated(problem, counterexample, stated: tuple[tuple[str, object, int], ...]) -> bool:
    """Whether the relation of ``problem`` is false too at the counterexample with the stated names set to their
    values there (σ² = log 4: σ its nonnegative root) — then the values do not save it (λφ(0) = λ/√π fails at
    the λ the text derived as at any other)."""
    from ..parsing import parse_expr
    try:
        point = _point(counterexample)
        moved = dict(point)
        for name, value, _ in stated:
            for key, index, square in _cases(name, point):
                taken = _at_point(parse_expr(value) if isinstance(value, str) else value, {**point, **index})
                if taken is None:
                    return False
                moved[key] = sp.sqrt(taken) if square else taken
        left, right = (_at_point(side, moved) for side in (problem.lhs, problem.rhs))
        if left is None or right is None:
            return False
        a, b = sp.N(left, 30), sp.N(right, 30)
        if not (a.is_real and b.is_real):
            return False
        gap = float(b - a)
        scale = max(1.0, abs(float(a)), abs(float(b)))
        return {"==": abs(gap) > 1e-12 * scale, "<": gap <= 1e-12 * scale, "<=": gap < -1e-12 * scale}.get(problem.rel, False)
    except Exception:  # noqa: BLE001 - not settled: the values may save it
        return False


_NUMBER = r"\s*-?(?:\d+(?:\.\d+)?|\\t?frac\s*\{\s*\d+\s*\}\s*\{\s*\d+\s*\}|\d+\s*/\s*\d+)\s*"
_BARE = r"\s*(\\?[A-Za-z]+)\s*"


def scalar_range_name(found: list[Relation], k: int) -> str | None:
    """The name of a two-sided numeric range written in one chain (``0 < p < 1``) that ``found[k]``
    begins or ends, or None: a name bounded so is one number from there on, whatever it was before."""
    def ends(rel: Relation) -> tuple[str, str] | None:       # (name, side the number is on)
        if rel.op not in ("<", "<="):
            return None
        left, right = re.fullmatch(_BARE, rel.lhs), re.fullmatch(_BARE, rel.rhs)
        if right and re.fullmatch(_NUMBER, rel.lhs):
            return right.group(1), "left"
        if left and re.fullmatch(_NUMBER, rel.rhs):
            return left.group(1), "right"
        return None
    here = ends(found[k])
    if here is None:
        return None
    other = found[k + 1] if here[1] == "left" and k + 1 < len(found) and found[k + 1].chained else \
        found[k - 1] if here[1] == "right" and k > 0 and found[k].chained else None
    there = ends(other) if other is not None else None
    return here[0] if there is not None and there[0] == here[0] and there[1] != here[1] else None


def _admits(name: sp.Symbol, value: sp.Basic) -> bool:
    """Whether ``value`` is one ``name`` may take (an integer for an index, positive for a size)."""
    return all(getattr(value, f"is_{fact}") is True for fact in ("integer", "positive", "nonnegative", "real")
               if getattr(name, f"is_{fact}") is True)


def with_values(expr: sp.Basic, conditions: list[sp.Basic]) -> sp.Basic:
    """``expr`` at the values the pins among ``conditions`` give (``z_1 = 2``, ``n = 3``): a sum over a
    few whole indices of a family given values is written out first, so that its entries take them.
    (The pins stay hypotheses too: this only lets the prover see the example's numbers.)"""
    values = {c.lhs: c.rhs for c in conditions if is_pin(c) or product_value(c)}
    if not values:
        return expr
    by_name = {k.name: v for k, v in values.items() if isinstance(k, sp.Symbol)}
    for x in expr.free_symbols:          # "true class $c = 1$": the c a definition brought in (an integer)
        if isinstance(x, sp.Symbol) and x not in values and x.name in by_name and _admits(x, by_name[x.name]):
            values[x] = by_name[x.name]
    families = {v.base for v in values if isinstance(v, sp.Indexed)} \
        | {e.base for v in values if isinstance(v, sp.core.function.AppliedUndef) for e in v.atoms(sp.Indexed)}
    lasts = {(v.base, v.indices[0]) for v in values if isinstance(v, sp.Indexed) and len(v.indices) == 1
             and isinstance(v.indices[0], sp.Symbol)}               # η_K = 0: the last entry of a family

    def last_apart(node: sp.Basic) -> sp.Basic:
        """Σ_{j=a}^{K} f(η_j) = Σ_{j=a}^{K-1} f(η_j) + f(η_K) (Karr's convention: for every K)."""
        if isinstance(node, sp.Sum) and len(node.limits) == 1:
            var, lo, hi = node.limits[0]
            if any((e.base, hi) in lasts and e.indices == (var,) for e in node.function.atoms(sp.Indexed)):
                return sp.Sum(node.function, (var, lo, hi - 1)) + node.function.xreplace({var: hi})
        return node
    if lasts:
        expr = expr.replace(lambda n: isinstance(n, sp.Sum), last_apart)

    def written_out(node: sp.Basic) -> sp.Basic:
        if isinstance(node, sp.Sum) and len(node.limits) == 1:
            var, lo, hi = node.limits[0]
            lo, hi = lo.xreplace(values), hi.xreplace(values)
            if lo.is_Integer and hi.is_Integer and 0 <= hi - lo < 32 and any(
                    e.base in families for e in node.function.atoms(sp.Indexed)):
                return sp.Add(*(node.function.xreplace({var: sp.Integer(k)}) for k in range(int(lo), int(hi) + 1)))
        return node
    if families:
        expr = expr.replace(lambda n: isinstance(n, sp.Sum), written_out)
    named = {k for k in values if isinstance(k, sp.Symbol)}
    hidden = {e: sp.Dummy() for e in expr.atoms(sp.Indexed) if e.base.label in named}   # t = 50 is not t_w's t
    try:
        out = substitute_free(expr.xreplace(hidden), values)   # a derivative in a name given a value: at it
    except (ValueError, TypeError):
        return expr                                            # no reading at the value: the pins stay hypotheses
    return out.xreplace({d: e for e, d in hidden.items()})


_LOG_WORD = r"(?:\$\s*\\log\s*\$|\blogs?\b|\blogarithms?\b)"
_LOG_SCOPE = r"(?:\s+(?:below|here|throughout|henceforth|(?:in|throughout|for)\s+(?:this|these|the\s+rest\s+of\s+(?:the|this))\s+\w+))?"
_LOG_BASE = re.compile(
    rf"(?i){_LOG_WORD}{_LOG_SCOPE}\s+(?:(?:denotes|is|are|means|stands\s+for|is\s+taken|are\s+taken|will\s+be)\s+)"
    rf"(?:the\s+)?(?:logarithms?\s+)?(?:taken\s+)?(?:to|in|with)?\s*(?:the\s+)?base[-\s]*\$?\s*(?P<base>2|10)\b"
    rf"|(?:\blogarithms?\b|\$\s*\\log\s*\$){_LOG_SCOPE}\s+(?:are|is)\s+(?:all\s+)?(?P<binary>binary|dyadic)\b"
    r"|(?:对数|\\log)\s*(?:均|都)?\s*以\s*\$?\s*(?P<cjk>2|10)\s*\$?\s*为底")
"""``\\log`` given a base in words: "log denotes the logarithm to base 2", "All logarithms in this note are
base 2", "every $\\log$ below is to base 10", "对数以 2 为底"."""
_LOG_NATURAL = re.compile(
    rf"(?i){_LOG_WORD}{_LOG_SCOPE}\s+(?:denotes|is|are|means|stands\s+for|will\s+be)\s+(?:the\s+|a\s+)?natural\b"
    r"|\b(?:work|works|working|use|uses|using)\s+(?:with\s+)?natural\s+(?:logarithms?|logs?)\b"
    r"|\bback\s+to\s+(?:the\s+)?natural\s+(?:logarithms?|logs?)\b"
    r"|\b(?:are|is|measured|expressed|given|quoted)\s+in\s+nats\b"
    r"|\bnatural\s+(?:logarithms?|logs?)\s+(?:throughout|from\s+here\s+on|below|henceforth)"
    r"|(?:对数|\\log)\s*(?:均|都)?\s*(?:为|是|取)\s*自然对数")
"""Words that make ``\\log`` the natural logarithm from there on ("From here on $\\log$ is the natural
logarithm", "in this chapter we work with natural logarithms"): a base given before no longer holds."""


def logarithm_bases_scoped(lines: list[str]) -> list[tuple[int, int, tuple[str, str], int]]:
    """:func:`logarithm_bases`, each with the reach the words give it (:func:`log_base_at` reads it) and the column
    where it is said: ("", "") from there on; ("section", "") its section and the subsections in it ("Every
    $\\log$ in this appendix is to base 10"; said under the title, the whole text), ("where", "") the same but never
    past the title's own part ("The gain is $10 \\log P$, where $\\log$ is to base 10"); ("formula", "N") the next
    N formulas only ("For the next two formulas only, $\\log$ is base 2: …"); ("only", word) the sections whose
    heading names it ("In the appendix, $\\log$ is base 2"); ("except", word) all but those ("All logarithms are
    base 2 except in the appendix, which uses natural logarithms": there the natural logarithm)."""
    out = []
    for line, base, sentence, said, offset in _logarithm_bases_said(lines):
        at = offset + said[-1][0]
        other = re.search(r"(?i)\bexcept\s+(?:in\s+|for\s+)?(?:the\s+)?(?P<part>appendix|appendices|introduction|"
                          r"examples?|exercises?|(?:section|chapter|part)\s+\d+(?:\.\d+)*)\b", sentence)
        if other:
            part = re.sub(r"\s+", " ", other.group("part").lower())
            part = part if part[-1].isdigit() else part.rstrip("s").replace("appendice", "appendix")
            before = [b for where, b in said if where < other.start()]
            after = [b for where, b in said if where > other.start()]
            if before:
                out.append((line, before[-1], ("except", part), at))
            if after:
                out.append((line, after[-1], ("only", part), at))
            continue
        named = re.search(r"(?i)\b(?:in|for|throughout)\s+(?:the\s+)?(?P<part>appendix|appendices)\b", sentence)
        counted = re.search(r"(?i)\b(?:next|following)\s+(?:(?P<count>one|two|three|four|five|\d)\s+)?"
                            r"(?:formula|equation|display|line|expression)s?\s+only\b|"
                            r"\bonly\s+(?:for|in)\s+the\s+(?:next|following)\s+(?:(?P<count2>one|two|three|four|five|\d)\s+)?"
                            r"(?:formula|equation|display|expression)s?\b|"
                            r"\b(?:in|for)\s+this\s+(?:formula|equation|expression)\b", sentence)
        if named:
            out.append((line, base, ("only", named.group("part").lower().replace("appendices", "appendix")), at))
        elif counted:
            count = counted.group("count") or counted.group("count2") or "one"
            this = re.match(r"(?i)(?:in|for)\s+this", counted.group(0)) is not None
            before_it = list(re.finditer(r"\$[^$]+\$", sentence[:counted.start()])) if this else []
            out.append((line, base, ("formula", str(_COUNT_WORDS.get(count.lower(), count))),
                        offset + before_it[-1].start() if before_it else offset if this else at))
            # ("… $\log 16 = 4$ bits (in this formula $\log$ is base 2)": the formula of its own sentence)
        elif re.search(r"(?i)\b(?:in|for|throughout)\s+this\s+(?:appendix|section|subsection|chapter|part|example|"
                       r"paragraph)\b|本节|本章|\bhere\b(?!\s+on\b)", sentence):    # ("measured in nats here")
            out.append((line, base, ("section", ""), at))
        elif re.search(r"(?i)\bwhere\s+\$?\s*\\?log\b|这里", sentence):
            out.append((line, base, ("where", ""), offset))     # (the formula before it in its sentence too)
        else:
            out.append((line, base, ("", ""), at))
    return out


_COUNT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def log_base_at(scoped: list[tuple[int, int, tuple[str, str], int]], lines: list[str], sections: dict[int, int],
                line: int, column: int = 0) -> int | None:
    """The base the words give ``\\log`` at (``line``, ``column``) (0: natural), or None where none reaches it: the
    latest statement before it whose reach (:func:`logarithm_bases_scoped`) takes it in."""
    for said, base, (reach, part), at in reversed(scoped):
        if (said, at) > (line, column):
            continue
        own = max((h for h in sections if h <= said), default=None)
        if reach in ("section", "where") and not in_scope(sections, said, line) \
                and not (reach == "section" and own is not None and sections[own] == 99):
            continue                    # ("In this section …" under the title: the whole text; "…, where $\\log$ is
            #                             to base 10": its own part of it)
        if reach == "formula" and _formulas_between(lines, (said, at), (line, column)) >= int(part or 1):
            continue
        if reach in ("only", "except"):
            headed = _headings_over(sections, lines, line) + [_paragraph_label(lines, line)]
            named = any(_heading_names(heading, part) for heading in headed) or _nth_section(sections, lines, line, part)
            if (reach == "only") != named:
                continue
        return base
    return None


def _formulas_between(lines: list[str], start: tuple[int, int], end: tuple[int, int]) -> int:
    """How many formulas (math with a relation: ``$\\log 8 = 3$``, a display) the text writes from ``start`` up to
    ``end`` (line, column; the formula ``end`` stands in not counted)."""
    text = "\n".join(lines[start[0] - 1:end[0]]) if 1 <= start[0] <= end[0] <= len(lines) else ""
    if not text:
        return 0
    last = sum(len(l) + 1 for l in lines[start[0] - 1:end[0] - 1]) + end[1]
    count = 0
    for m in re.finditer(r"\$\$(.+?)\$\$|\$([^$]+)\$|\\\[(.+?)\\\]|\\begin\s*\{(?:equation|align|gather|multline)\*?\}"
                         r"(.+?)\\end\s*\{", text, re.S):
        if m.start() >= start[1] and m.end() <= last and re.search(r"=|<|>|≠|\\(?:approx|le|ge|leq|geq|ne|neq)\b",
                                                                   next(g for g in m.groups() if g is not None)):
            count += 1
    return count


def _paragraph_label(lines: list[str], line: int) -> str:
    """The label a paragraph opens with ("**Example.**", "\\paragraph{Example}", "*Exercise 2.*"), or ""."""
    first = line
    while first > 1 and lines[first - 2].strip():
        first -= 1
    m = re.match(r"\s*(?:\*\*([^*]+)\*\*|\*([^*]+)\*|\\(?:paragraph|textbf)\s*\{([^}]*)\})",
                 lines[first - 1] if 1 <= first <= len(lines) else "")
    return next((g for g in m.groups() if g), "") if m else ""


def _heading_names(heading: str, part: str) -> bool:
    """Whether a heading is that of the part ("## Appendix: coding", "\\section{Appendix B}", "## 3. Gaussian source"
    of "section 3") — the part's name first, not mentioned inside ("## Main result (proof in the appendix)")."""
    title = re.sub(r"^\s*(?:#+|\\(?:sub)*section\*?\s*\{|\\paragraph\*?\s*\{|\\chapter\*?\s*\{|\*\*)\s*", "", heading)
    number = re.fullmatch(r"(?:section|chapter|part) (\d+(?:\.\d+)*)", part)
    if number:
        return re.match(rf"(?i)(?:(?:section|chapter|part)\s+)?{re.escape(number.group(1))}(?:[.:)]|\s|$)", title) \
            is not None
    return re.match(rf"(?i)(?:\d+(?:\.\d+)*\.?\s*)?(?:the\s+)?{part}s?\b", title) is not None


def _nth_section(sections: dict[int, int], lines: list[str], line: int, part: str) -> bool:
    """Whether ``line`` is in the N-th section of a text whose headings carry no numbers ("except in Section 3" of
    "## Uniform source … ## Binary source … ## Gaussian source"): sections counted at the top level under the title."""
    number = re.fullmatch(r"(?:section|chapter|part) (\d+)", part)
    if number is None or any(re.match(r"\s*(?:#+|\\(?:sub)*section\*?\s*\{)\s*(?:(?:section|chapter|part)\s+)?\d",
                                      lines[h - 1], re.I) for h in sections if 1 <= h <= len(lines)):
        return False
    levels = sorted(set(sections.values()) - {99})
    if not levels:
        return False
    top = levels[0] if sum(1 for v in sections.values() if v == levels[0]) > 1 or len(levels) == 1 else levels[1]
    heads = sorted(h for h, v in sections.items() if v == top)
    own = [h for h in heads if h <= line]
    return bool(own) and len(own) == int(number.group(1))


def _headings_over(sections: dict[int, int], lines: list[str], line: int) -> list[str]:
    """The headings of the section ``line`` stands in and of the sections that hold it."""
    out, level = [], 99
    for heading in sorted((h for h in sections if h <= line), reverse=True):
        if sections[heading] < level:
            out.append(lines[heading - 1] if 1 <= heading <= len(lines) else "")
            level = sections[heading]
    return out


def logarithm_bases(lines: list[str]) -> list[tuple[int, int]]:
    """(line, base) where the text gives ``\\log`` a base in words, from there on: 10 or 2, or 0 for the
    natural logarithm (a base given before is taken back).  Of two in one sentence the later counts ("In the
    coding chapter logarithms are base 2, but in this chapter we work with natural logarithms"); a sentence
    that hedges or denies it gives none."""
    return [(line, base) for line, base, _, _, _ in _logarithm_bases_said(lines)]


def _logarithm_bases_said(lines: list[str]) -> list[tuple[int, int, str, list[tuple[int, int]], int]]:
    """:func:`logarithm_bases` with the sentence that says each, where in it each base is said and where the
    sentence starts on its line.  A base said of another text ("In Shannon's original paper $\\log$ is base 2")
    is none of this one's."""
    out = []
    for number, line in enumerate(lines, 1):
        offset = 0
        for sentence in re.split(r"(?<=[.!?;])\s+|(?<=[。！？；])", line):
            offset = line.find(sentence, offset)
            said = sorted([(m.start(), int(m.group("base") or m.group("cjk") or 2)) for m in _LOG_BASE.finditer(sentence)]
                          + [(m.start(), 0) for m in _LOG_NATURAL.finditer(sentence)
                             if not (_NATS_WORD.search(m.group(0)) and re.search(r"\\ln\b", sentence))])
            # ("The cross-entropy reported by PyTorch is measured in nats, so we divide it by $\ln 2$": the nats of
            # another quantity, no base of this text's \log)
            if not said or negation_in(sentence) or re.search(r"(?i)\b(?:if|unless|whether|or)\b", sentence) \
                    or _OTHER_TEXT.search(sentence):
                continue
            out.append((number, said[-1][1], sentence, said, max(offset, 0)))
    return out


_NATS_WORD = re.compile(r"(?i)\bnats\b")
_OTHER_TEXT = re.compile(r"(?i)\b(?:in|for)\s+[A-Z][a-z]+'s\b|\boriginal\s+(?:paper|work|article)\b|"
                         r"\b(?:some|many|other|most|older)\s+(?:authors|texts|textbooks|papers|books|references|sources)\b|"
                         r"\bin\s+the\s+(?:literature|textbook|reference)\b")
"""Words that say a base is another text's ("In Shannon's original paper", "many textbooks")."""


_NAMING_NOUN = re.compile(r"(?i)(?:\bdistributions?|\bvectors?|分布|向量)\s*$")


def named_by_noun(lines: list[str], rel: Relation) -> bool:
    """Whether an inline relation stands right after the noun it names ("the uniform distribution
    $u_k = 1/K$", "均匀分布 $u_k = 1/K$"): an appositive that says what the new name is, not a case."""
    found = _on_its_line(lines, rel)
    if found is None:
        return False
    line, at = found
    before = re.sub(r"[\s$]*(?:\\\(\s*)?$", "", line[:at])
    return bool(_NAMING_NOUN.search(before)) and not re.search(
        r"(?i)\b(?:if|when|whenever|suppose|assume|unless)\b|若|如果|假设|当", _SENTENCE_END.split(_INLINE_MATH.sub(" ", before))[-1])
