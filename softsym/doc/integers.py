"""Names the words make integers: "for all natural numbers $m > 0$", "for every integer $n \\ge 3$",
"for all positive integers $p$", "let $k$ be an integer", "对任意正整数 $n$", "$k$ 为整数".

Read as real, such a name takes values the text excludes, and a true claim is refuted between two
integers (m² ≥ 3m − 2 at m = 9/8: a false alarm).  Each phrase gives a declaration of the name
(``m: integer``, with ``positive``/``nonnegative``/``negative`` when the words say so; a natural
number is a nonnegative integer) and a reach: a quantifier ("for all integers $n$ …") and a case
("if $k$ is an integer …") hold for their sentence and the display it leads into; a statement ("let
$k$ be an integer", "where $n$ is a positive integer") holds from its line to the end of its section.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_KIND = r"(?P<kind>positive|nonnegative|non-negative|negative|natural)?"
_WHOLE = r"(?:integers?|natural\s+numbers?|whole\s+numbers?|counting\s+numbers?)"
_QUANTIFIER = re.compile(rf"(?i)\bfor\s+(?:all|every|any|each|arbitrary)\s+{_KIND}\s*{_WHOLE}\s*\$(?P<math>[^$]{{1,60}})\$")
_STATEMENT = re.compile(rf"(?i)\$(?P<math>[^$]{{1,40}})\$\s+(?:is|are|be|being)\s+(?:an?\s+|all\s+|both\s+)?"
                        rf"(?:arbitrary\s+|given\s+|fixed\s+)?{_KIND}\s*{_WHOLE}(?![A-Za-z])")
_QUANTIFIER_CJK = re.compile(r"(?:对于?|对)(?:任意|所有|每个|每一个|一切)(?:的)?(?P<kind>正|非负|负)?(?P<whole>整数|自然数)\s*"
                             r"\$(?P<math>[^$]{1,60})\$")
_STATEMENT_CJK = re.compile(r"\$(?P<math>[^$]{1,40})\$\s*(?:为|是|均为|都是)(?:一个|一|任意)?(?:的)?(?P<kind>正|非负|负)?"
                            r"(?P<whole>整数|自然数)")
_CASE_BEFORE = re.compile(r"(?i)(?:\b(?:if|when|whenever|unless|in\s+case|provided(?:\s+that)?|suppose\s+that\s+only)"
                          r"|若|如果|当)\s*(?:[^.;$]*\$[^$]*\$)?[^.;$]*$")
_NEGATED = re.compile(r"(?i)\b(?:not|never|no\s+longer|need\s+not|non-?integer|neither|nor|whether|unknown|unclear|"
                      r"say|says|said|call|called|recall|define[sd]?|probability|almost|event|check|test|decide|iff|"
                      r"if\s+and\s+only\s+if|whenever)\b|不是|不为|非整数|不知道|是否|不确定|称|定义|概率")
"""Words before the phrase that make it no statement of the name's kind ("It is unknown whether $y$
is an integer", "We say $x$ is an integer when …", "the event that $U$ is an integer")."""
_ENDS = re.compile(r"(?i)\s*(?:[.,;:!?)]|$|[。，；：！？、）]|\s(?:and|then|so|we|with|such|where|let|in|for|from|"
                   r"greater|less|at|larger|smaller|this|it|the|one|that)\b|\s*\$)")
"""What may follow the kind's word: the clause ends ("Let $k$ be an integer." / ", and …"), not
"an integer or a half-integer", "an integer multiple of", "整数的平方根"."""
_MORE = re.compile(r"(?i)^[^.;。；]*?\b(?:or|multiples?|divided|times|plus|minus|half|fractions?|powers?|parts?|roots?|"
                   r"iff|if\s+and\s+only\s+if|when|whenever|unless|except|probability)\b|^[^.;。；]*?(?:或|还是|当且仅当|除非)")
"""An alternative or a qualification later in the clause ("a positive integer, a negative integer, or
zero"; "a natural number or $-1$"): the words do not make the name an integer."""
_OPERATOR = re.compile(r"\s*(?:[<>=]|\\(?:[lg]eq?|neq?|in|ne)(?![A-Za-z])|≤|≥)")
_NAME = re.compile(r"[A-Za-z]|\\(?:alpha|beta|gamma|delta|kappa|lambda|mu|nu|tau)")
_SENTENCE_END = re.compile(r"[.;!?。；！？](?:\s|$)")
_KINDS = {"positive": "positive", "natural": "nonnegative", "nonnegative": "nonnegative",
          "non-negative": "nonnegative", "negative": "negative", "正": "positive", "非负": "nonnegative", "负": "negative"}


@dataclass(frozen=True)
class Typed:
    """A name the words make an integer: its declaration and the lines it reaches."""

    name: str              # as the declaration grammar spells it (``m``, ``lambda``)
    declaration: str       # ``m: integer positive``
    line: int              # where the words are
    column: int            # where they end on that line
    sentence: bool         # only its sentence and the display it leads into (else: to the section's end)
    until: int = 0         # a statement: the line where the text speaks of the name as real again (0: none)


def _names(math: str) -> list[str]:
    """The names a quantifier's math binds ("m > 0": m; "m, n \\ge 1": m, n; "k": k)."""
    head = _OPERATOR.split(math, maxsplit=1)[0]
    out = []
    for piece in re.split(r"\s*,\s*", head.strip()):
        if _NAME.fullmatch(piece):
            out.append(piece.lstrip("\\"))
        else:
            return []                          # "f(n)", "n_k": no plain name
    return out


def _phrases(lines: list[str]):
    """Each phrase of ``lines`` that speaks of names as integers: (line number, match, pattern, whether
    the words say the name is an integer of that kind — not "need not be an integer", not "an integer
    or a half-integer")."""
    for number, line in enumerate(lines, 1):
        for pattern, cjk in ((_QUANTIFIER, False), (_STATEMENT, False), (_QUANTIFIER_CJK, True), (_STATEMENT_CJK, True)):
            for m in pattern.finditer(line):
                before = _SENTENCE_END.split(line[:m.start()])[-1]
                after = line[m.end():]
                own = after.split("$", 1)[0]          # up to the next name: what the words say of this one
                doubted = _NEGATED.search(before) or _NEGATED.search(line[m.start():m.end()]) \
                    or not (cjk or _ENDS.match(after)) or cjk and re.match(r"\s*(?:的|或|还是|倍|乘|除|加|减)", after)
                plain = not (doubted or _MORE.search(after))
                yield number, m, pattern, before, plain, bool(doubted or _MORE.search(own))


def integers_in_words(lines: list[str]) -> list[Typed]:
    """Every name a sentence of ``lines`` makes an integer, with the declaration and its reach."""
    out: list[Typed] = []
    for number, m, pattern, before, plain, _ in _phrases(lines):
        if not plain:
            continue                   # "$k$ need not be an integer", "an integer or a half-integer"
        quantifier = pattern in (_QUANTIFIER, _QUANTIFIER_CJK)
        case = bool(_CASE_BEFORE.search(before))
        kind = _KINDS.get((m.group("kind") or "").lower(), "")
        if not kind and (re.search(r"(?i)\bnatural\s+numbers?|自然数", m.group(0))):
            kind = "nonnegative"               # (0 is a natural number in most of this field's texts)
        for name in _names(m.group("math")):
            out.append(Typed(name, f"{name}: integer{' ' + kind if kind else ''}", number, m.end(),
                             sentence=quantifier or case,
                             until=0 if quantifier or case else _spoken_of_again(lines, number, m.end(), name)))
    return out


def kinds_unread(lines: list[str]) -> dict[str, tuple[int, str]]:
    """Names the words speak of as integers in a way that makes them no integer softsym can read ("$n$
    is a positive integer or zero", "$k$ is an integer multiple of $m$", "$x$ need not be an integer"):
    no convention may make such a name a positive integer either (n is no dimension there), and a
    counterexample that gives it a value the words may exclude is doubted.  Each with its line and words."""
    out: dict[str, tuple[int, str]] = {}
    for number, m, _, _, _, unread in _phrases(lines):
        for name in _names(m.group("math")) if unread else ():
            out.setdefault(name, (number, lines[number - 1][m.start():m.end() + 24].strip()))
    for number, line in enumerate(lines, 1):
        for m in _NOT_NECESSARILY.finditer(line):
            out.setdefault((m.group(1) or m.group(2)).lstrip("\\"), (number, m.group(0).strip()))
    return out


_NOT_NECESSARILY = re.compile(r"(?i)\$\s*([A-Za-z]|\\[a-z]+)\s*\$\s+(?:need\s+not|needn't|does\s+not\s+(?:need|have)\s+to|"
                              r"is\s+not\s+necessarily|may\s+not|might\s+not)\s+be\s+(?:an?\s+)?(?:integer|whole|natural)"
                              r"|\$\s*([A-Za-z]|\\[a-z]+)\s*\$\s+(?:is|be|being)\s+(?:zero|0|\$0\$)\s+or\b")
"""Words that leave a name no integer of a kind ("$n$ need not be an integer", "$n$ is zero or a positive integer")."""


def _spoken_of_again(lines: list[str], line: int, column: int, name: str) -> int:
    """The first line after the statement (or later on its own line) that speaks of ``name`` as real,
    arbitrary or no integer ("Now let $k$ be any real number", "suppose instead that $x$ is not an
    integer", "$k \\in \\mathbb{R}$"): the statement holds up to there; 0 when none does."""
    token = re.escape(name if len(name) == 1 else "\\" + name)
    mention = re.compile(rf"\$\s*{token}\s*(?:\$|\\in\s*\\mathbb\s*\{{?\s*R)")
    for number in range(line, len(lines) + 1):
        text = lines[number - 1][column:] if number == line else lines[number - 1]
        for m in mention.finditer(text):
            sentence_start = max((e.end() for e in _SENTENCE_END.finditer(text, 0, m.start())), default=0)
            sentence_end = next((e.start() for e in _SENTENCE_END.finditer(text, m.end())), len(text))
            if _AGAIN_REAL.search(text[sentence_start:sentence_end]):
                return number
    return 0


_AGAIN_REAL = re.compile(r"(?i)\b(?:real|reals|arbitrary|any|not\s+an?\s+integer|non-?integer|no\s+longer|instead|"
                         r"otherwise|fraction(?:al)?)\b|\\mathbb\s*\{?\s*R\b|实数|任意|不是整数|非整数|分数")


_DISPLAY_OPENS = re.compile(r"\$\$|\\\[|\\begin\s*\{")


def reaches(typed: Typed, line: int, lines: list[str], in_section, tex: str = "") -> bool:
    """Whether what ``typed`` says holds at the relation ``tex`` on ``line``: at or after its words,
    in its section (``in_section(first, second)``), before the text speaks of the name as real
    again; and for a sentence's words, in that sentence or the first display it leads into (no
    sentence end, and no blank line before that display, between them)."""
    if line < typed.line or not in_section(typed.line, line) or typed.until and line >= typed.until:
        return False
    if line == typed.line:
        at = lines[line - 1].find(tex.strip(), typed.column) if tex.strip() else -1
        if at < 0:
            return not typed.sentence and typed.until != line
        words = lines[line - 1][typed.column:at]
        if typed.sentence and re.search(r"\$\$[^$]+\$\$|\\\]|\\end\s*\{", words):
            return False                       # "For every integer $n$, $$…$$ whereas for non-integer $n$ …"
        return not typed.sentence or not _SENTENCE_END.search(re.sub(r"\$[^$]*\$", " x ", words))
    if not typed.sentence:
        return True
    if line - typed.line > 6:
        return False
    between = "\n".join([lines[typed.line - 1][typed.column:], *lines[typed.line:line - 1]])
    display = _DISPLAY_OPENS.search(between)
    words = between[:display.start()] if display else between
    if display and re.search(r"\$\$|\\\]|\\end\s*\{", between[display.end():]):
        return False                           # the display it leads into closed before this line
    if re.search(r"\n\s*\n", words):
        return False                           # a paragraph ended before it
    return not _SENTENCE_END.search(re.sub(r"\$[^$]*\$", " x ", words))
