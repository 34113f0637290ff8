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
_NEGATED = re.compile(r"(?i)\b(?:not|never|no\s+longer|need\s+not|non-?integer)\b|不是|不为|非整数")
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


def integers_in_words(lines: list[str]) -> list[Typed]:
    """Every name a sentence of ``lines`` makes an integer, with the declaration and its reach."""
    out: list[Typed] = []
    for number, line in enumerate(lines, 1):
        for pattern, cjk in ((_QUANTIFIER, False), (_STATEMENT, False), (_QUANTIFIER_CJK, True), (_STATEMENT_CJK, True)):
            for m in pattern.finditer(line):
                before = _SENTENCE_END.split(line[:m.start()])[-1]
                if _NEGATED.search(before[-30:]) or _NEGATED.search(line[m.start():m.end()]):
                    continue                   # "$k$ need not be an integer", "for non-integer $x$"
                quantifier = pattern in (_QUANTIFIER, _QUANTIFIER_CJK)
                case = bool(_CASE_BEFORE.search(before))
                kind = _KINDS.get((m.group("kind") or "").lower(), "")
                if not kind and (re.search(r"(?i)\bnatural\s+numbers?|自然数", m.group(0))):
                    kind = "nonnegative"               # (0 is a natural number in most of this field's texts)
                for name in _names(m.group("math")):
                    out.append(Typed(name, f"{name}: integer{' ' + kind if kind else ''}", number, m.end(),
                                     sentence=quantifier or case))
    return out


_DISPLAY_OPENS = re.compile(r"\$\$|\\\[|\\begin\s*\{")


def reaches(typed: Typed, line: int, lines: list[str], in_section) -> bool:
    """Whether what ``typed`` says holds at ``line``: at or after its line, in its section
    (``in_section(first, second)``), and for a sentence's words, in that sentence or the display
    it leads into (no sentence end and no blank line before the display between them)."""
    if line < typed.line or not in_section(typed.line, line):
        return False
    if not typed.sentence or line == typed.line:
        return True
    if line - typed.line > 6:
        return False
    between = "\n".join([lines[typed.line - 1][typed.column:], *lines[typed.line:line - 1]])
    display = _DISPLAY_OPENS.search(between)
    words = between[:display.start()] if display else between
    if re.search(r"\n\s*\n", words):
        return False                           # a paragraph ended before it
    return not _SENTENCE_END.search(re.sub(r"\$[^$]*\$", " x ", words))
