"""How sure the words are: whether a hypothesis read from prose comes from a plain sentence, and
which names the words near a relation speak of the sign of.

The readings of prose (signs in words, "for $x > 0$", "except when …") are open vocabularies: each
new way of writing can be misread. So a proof that needs a hypothesis read from words is reported
only when the sentence it came from is plain — no negation, contrast, hedge, alternative or second
sign (:func:`unplain`) — and a refutation whose counterexample the words nearby may exclude is
reported only when it also fails on either side of the sign they speak of (:func:`signs_nearby`).
Both are judged on the sentence, not on a list of phrasings: a sentence the rules do not know
makes a proof undecided, never a false one proved.
"""
from __future__ import annotations

import re

_RISKY = re.compile(
    r"(?i)\b(?:not|no|never|nor|neither|none|except|excluding|excluded|exclude|unless|otherwise|but|however|although|"
    r"though|whereas|instead|rather|without|drop|dropping|dropped|relax|relaxing|relaxed|remove|removing|removed|lift|"
    r"lifting|beyond|outside|past|opposite|contrary|unlike|wrong|wrongly|mistake|mistaken|mistakenly|error|erroneous|"
    r"erroneously|false|fail|fails|failing|invalid|incorrect|incorrectly|either|or|whether|both|as\s+well|also|too|iff|"
    r"only\s+if|e\.g|previous|preceding|earlier|above|same|similarly|likewise|analogous|"
    r"analogously|contradiction|contradicts|absurd|cannot|may|might|could|would|should|need|needs|tempting|naive|"
    r"naively|pitfall|trap|careful|beware|fallacy|claim|claims|claimed|some|sometimes|often|typically|usually|"
    r"regardless|arbitrary|vary|varies|until|switch|switching|flip|flipped|flipping|reverse|reversed|negate|negated|"
    r"negation|complement|remaining|rest|other|others|else|apart|suppose\s+for|pretend|imagine|hypothetically|"
    r"counterexample|check\s+whether|see\s+whether|does\s+it|is\s+it)\b|n't\b|\?|"
    r"不(?![难妨])|非(?![负正])|没|无|或|否则|但|然而|却|除|去掉|去除|放宽|取消|错|误(?!差)|矛盾|反证|是否|任意|也|以及|"
    r"即使|同样|类似|前面|上面|之前|之外|以外|相反|另|其余|其他|假如|忽略(?![^，。；]{0,6}误差)|并非")
"""Words that make a sentence more than a plain statement of a case or an assumption."""
_SIGN_WORD = re.compile(r"(?i)\b(?:(?:strictly\s+)?(?:positive|negative)|non-?negative|non-?positive)\b|"
                        r"非负|非正|正数(?!的)|负数(?!的)|正的|负的|大于零|小于零|大于\s*0(?![.\d])|小于\s*0(?![.\d])")
_UPPER_SIDE = re.compile(r"(?i)(?<!non-)\bpositive\b|\bnon-?negative\b|(?<!非)正数(?!的)|(?<!非)正的|非负|大于零|大于\s*0(?![.\d])")
_LOWER_SIDE = re.compile(r"(?i)(?<!non-)\bnegative\b|\bnon-?positive\b|(?<!非)负数(?!的)|(?<!非)负的|非正|小于零|小于\s*0(?![.\d])")
_DISCLAIMING = re.compile(r"(?i)\b(?:not|nor|never|cannot|wrong|wrongly|error|erroneous|erroneously|mistake|mistaken|"
                          r"mistakenly|incorrect|incorrectly|invalid|contradiction|absurd|fallacy|whether|unclear|"
                          r"unknown)\b|n't\b|不(?![难妨])|错|误(?!差)|矛盾|反证|是否")
_ALTERNATIVE = re.compile(r"(?i)\b(?:or|either|whether)\b|或|还是")
"""Words by which a sentence disclaims the sign it speaks of ("Nor do we assume $x$ is positive",
"假设 $x$ 为正数是错误的"): no case of what follows."""
_MATH = re.compile(r"\$\$.*?\$\$|\$[^$]*\$|\\\(.*?\\\)|\\\[.*?\\\]")
_ABBREVIATION = re.compile(r"(?i)\b(?:w\.l\.o\.g|e\.g|i\.e|cf|etc|resp|vs)\.")
_STOP = re.compile(r"[.!?;](?=\s|$)|[。！？；]")
_CLAUSE_END = re.compile(r"[.!?;:](?=\s|\*|$)|[。！？；：]")     # "*Case $i \ne j$:* the numerator does not …"
_FULL_STOP = re.compile(r"[.!?](?=\s|$)|[。！？]")
_COMMENT = re.compile(r"<!--.*?-->")


def _words(line: str) -> str:
    """``line`` with its math and HTML comments blanked out (same length) and the full stops of
    abbreviations kept from ending a sentence."""
    line = _COMMENT.sub(lambda m: " " * len(m.group(0)), line)
    line = _MATH.sub(lambda m: "x" * len(m.group(0)), line)
    return _ABBREVIATION.sub(lambda m: m.group(0).replace(".", "·"), line)


def sentence_around(line: str, column: int) -> str:
    """The words of the sentence of ``line`` that holds ``column`` (math blanked; it ends at a colon
    after the column too: "Case $i \\ne j$: the numerator does not depend …"), or the whole line
    when ``column`` is negative."""
    words = _words(line)
    if column < 0:
        return words
    start = max((m.end() for m in _STOP.finditer(words, 0, max(0, column))), default=0)
    end = next((m.end() for m in _CLAUSE_END.finditer(words, max(0, column))), len(words))
    return words[start:end]


EXCEPTING = r"(?i)\b(?:except(?:\s+(?:when|for|if|in\s+the\s+cases?))?|unless|but\s+not|excluding|apart\s+from|" \
            r"other\s+than|unlike(?:\s+(?:in\s+)?the\s+cases?)?)\b|除了|除去"
"""The words that state a case by its complement ("except when $x < 0$"): a reading that negates the
case it names may use them (``unplain(…, allow=EXCEPTING)``)."""


def risky_words(text: str, allow: str = "") -> str:
    """The first word of ``text`` (math taken out or not) that makes it no plain sentence, or ``""``
    (``allow``: words of a form read, taken out once first)."""
    found = _RISKY.search(re.sub(allow, " ", _words(text), count=1) if allow else _words(text))
    return found.group(0).strip() if found else ""


def unplain(lines: list[str], line: int, column: int = -1, allow: str = "") -> str:
    """Why the sentence of ``lines`` at (``line``, ``column``) is no plain statement of a case or an
    assumption ("the word \"except\"", "both signs in one sentence"), or ``""`` when it is plain —
    a hypothesis read from it may then prove a relation. ``column`` < 0: the whole line; ``allow``:
    the words of the form read (taken out once before the sentence is judged)."""
    if not 1 <= line <= len(lines):
        return ""
    sentence = sentence_around(lines[line - 1], column)
    if allow:
        sentence = re.sub(allow, " ", sentence, count=1)
    risky = _RISKY.search(sentence)
    if risky:
        return f"the word \"{risky.group(0).strip()}\""
    if _UPPER_SIDE.search(sentence) and _LOWER_SIDE.search(sentence):
        return "both signs in one sentence"
    return ""


_NEGATION = re.compile(r"(?i)\b(?:not|no|never|nor|neither|cannot|without)\b|n't\b|不|非(?![负正])|没|无")


def negation_in(sentence: str) -> str:
    """The negation in ``sentence``'s words ("cannot", "不"), or ``""``: a name set free by a sentence
    with none ("Now let $x$ be any real number") is free."""
    found = _NEGATION.search(_words(sentence))
    return f"the word \"{found.group(0)}\"" if found else ""


_NAME = re.compile(r"\$\s*(?P<name>[A-Za-z]|\\[A-Za-z]+)\s*\$")
_BOUND = re.compile(r"\$\s*(?P<name>[A-Za-z]|\\[A-Za-z]+)\s*(?:<|>|\\le(?:q|qslant)?|\\ge(?:q|qslant)?|\\lt|\\gt|≤|≥|"
                    r"\\in|\\notin|\\neq|\\ne)\s*[^$]*\$")


def paragraph_around(lines: list[str], first: int, last: int, display: bool) -> tuple[int, int]:
    """The lines of the paragraph that holds lines ``first`` to ``last`` (blank lines and headings
    end it); for a display that starts its paragraph, from the paragraph before it (its lead-in)."""
    def blank(n: int) -> bool:
        return not lines[n - 1].strip() or bool(re.match(r"\s*(?:#{1,6}\s|\\(?:sub)*section\b)", lines[n - 1]))
    start = first
    while start > 1 and not blank(start - 1):
        start -= 1
    if display and start == first and start > 2:        # "Dividing by it,\n\n$$…$$": the words before
        before = start - 1
        while before > 1 and blank(before) and not re.match(r"\s*#", lines[before - 1]):
            before -= 1
        if not blank(before):
            start = before
            while start > 1 and not blank(start - 1):
                start -= 1
    end = last
    while end < len(lines) and not blank(end + 1):
        end += 1
    return start, end


def signs_nearby(lines: list[str], first: int, last: int, skip: str = "") -> dict[str, set[str]]:
    """The names (as written: ``x``, ``\\mu``) whose sign or range the words of lines ``first`` to
    ``last`` speak of, each with the sides they name ("+", "-"; "?" for a bound in math): a name
    written alone in a sentence with a sign word ("If $x$ is positive", "设 $x$ 为正数"; not one that
    disclaims it or names both sides, "whether $x$ is positive or negative") or bounded in inline
    math ("$x > 0$", "$t \\in [0, 1]$"; not ``skip``, the relation in hand)."""
    out: dict[str, set[str]] = {}
    for number in range(max(1, first), min(len(lines), last) + 1):
        line = _COMMENT.sub(lambda m: " " * len(m.group(0)), lines[number - 1])
        words = _words(line)
        starts = [0, *(m.end() for m in _FULL_STOP.finditer(words)), len(words)]
        for a, b in zip(starts, starts[1:]):
            sentence = words[a:b]
            upper, lower = bool(_UPPER_SIDE.search(sentence)), bool(_LOWER_SIDE.search(sentence))
            if (upper or lower) and not _DISCLAIMING.search(sentence) \
                    and not (upper and lower and _ALTERNATIVE.search(sentence)):   # "positive or negative": no case
                both = bool(re.search(EXCEPTING, sentence))       # "Apart from the case when $y$ is negative"
                for m in _NAME.finditer(line[a:b]):
                    out.setdefault(m.group("name").lstrip("\\"), set()).update("+-" if both else "+" * upper + "-" * lower)
        for m in _BOUND.finditer(line):
            if not skip.strip() or m.group(0).strip("$ ").strip() != skip.strip():
                out.setdefault(m.group("name").lstrip("\\"), set()).add("?")
    return out


_DISTRIBUTION = re.compile(r"(?i)\b(?:distributions?|probability\s+vectors?|probabilities)\b|分布|概率")


def distributions_named(lines: list[str]) -> dict[str, int]:
    """The names the words call distributions or probabilities ("Let $p$ and $q$ be two discrete
    distributions", "$p = (p_1, \\dots, p_K)$ 与 $q$ 是两个分布"), each with the first line that does:
    their entries lie in [0, 1] (a counterexample outside says nothing of what the text means)."""
    out: dict[str, int] = {}
    for number, raw in enumerate(lines, 1):
        line = _COMMENT.sub(lambda m: " " * len(m.group(0)), raw)
        words = _words(line)
        starts = [0, *(m.end() for m in _FULL_STOP.finditer(words)), len(words)]
        for a, b in zip(starts, starts[1:]):
            if _DISTRIBUTION.search(words[a:b]) and not _DISCLAIMING.search(words[a:b]):
                for m in re.finditer(r"\$\s*(?:\\mathbf\s*\{\s*)?(?P<name>[A-Za-z]|\\[A-Za-z]+)\s*\}?\s*(?:=|\$)",
                                     line[a:b]):
                    out.setdefault(m.group("name").lstrip("\\"), number)
    return out

