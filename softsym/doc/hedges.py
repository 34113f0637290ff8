"""How sure the words are: whether a hypothesis read from prose comes from a plain sentence, and
which names the words near a relation speak of the sign of.

The readings of prose (signs in words, "for $x > 0$", "except when …") are open vocabularies: each
new way of writing can be misread. So a proof that needs a hypothesis read from words is reported
only when the sentence it came from is plain — no negation, contrast, hedge, alternative or second
sign (:func:`unplain`) — and a refutation whose counterexample the words nearby may exclude is
reported only when it also fails on either side of the sign they speak of (:func:`signs_nearby`)
and at a value the restrictions they state in words admit (:func:`restricted_nearby`, :func:`admits`).
Both are judged on the sentence, not on a list of phrasings: a sentence the rules do not know
makes a proof undecided, never a false one proved.
"""
from __future__ import annotations

import re

import sympy as sp

from .blocks import without_disabled_latex

_RISKY = re.compile(
    r"(?i)\b(?:not|no|never|nor|neither|none|except|excluding|excluded|exclude|unless|otherwise|but|however|although|"
    r"though|whereas|instead|rather|without|drop|dropping|dropped|relax|relaxing|relaxed|remove|removing|removed|lift|"
    r"lifting|beyond|outside|past|opposite|contrary|unlike|wrong|wrongly|mistake|mistaken|mistakenly|error|erroneous|"
    r"erroneously|false|fail|fails|failing|invalid|incorrect|incorrectly|either|or|whether|as\s+well|also|too|iff|"
    r"only\s+if|e\.g|previous|preceding|earlier|above|same(?!\s+(?:variance|covariance|mean|scale|temperature|"
    r"length|size|dimension|rate|width|shape)s?\b)|similarly|likewise|analogous|"
    r"analogously|contradiction|contradicts|absurd|cannot|may|might|could|would|should|need|needs|tempting|naive|"
    r"naively|pitfall|trap|careful|beware|fallacy|claim|claims|claimed|some|sometimes|often|typically|usually|"
    r"regardless|arbitrary|vary|varies|until(?!\s+further\s+notice)|switch|switching|flip|flipped|flipping|reverse|reversed|negate|negated|"
    r"negation|complement|remaining|rest|other|others|else|apart|suppose\s+for|pretend|imagine|hypothetically|"
    r"counterexample|check\s+whether|see\s+whether|does\s+it|is\s+it|supposedly|allegedly|presumably|perhaps|"
    r"maybe|possibly|probably|roughly|approximately|up\s+to|modulo|unless|almost|nearly|(?:nothing|nobody|no\s+one)\s+"
    r"(?:guarantees?|ensures?|says?|implies|forces?|requires?|promises?|tells?)|hardly|barely|scarcely|seldom|rarely|"
    r"far\s+from)\b|n't\b|\?|往往|通常|一般|"
    r"可能|大概|也许|似乎|之差|之和|之积|相反数|"
    r"不(?![难妨])|非(?![负正])|没|无|或|否则|但|然而|却|除|去掉|去除|放宽|取消|错|误(?!差)|矛盾|反证|是否|任意|也|以及|"
    r"即使|同样|类似|前面|上面|之前|之外|以外|相反|另|其余|其他|假如|忽略(?![^，。；]{0,6}误差)|并非")
"""Words that make a sentence more than a plain statement of a case or an assumption."""
_NOT_US = re.compile(r"(?i)\b(?:we|I|here\s+we|this\s+(?:note|post|text|section))\s+(?:do|does|did|will|shall|can|"
                     r"won't|don't|doesn't|didn't)\s*(?:not|n't)?\b|\bnot\s+(?:here|us|we|so\s+here)\b|\bnot\s+in\s+this\b|我们不|本文不|"
                     r"\b(?:we|I)\s+(?:keep|leave)\s+(?:\S+\s+)?(?:free|general|arbitrary|unspecified)\b")
"""A clause after a semicolon that takes back what the clause before it said of others ("Prior work assumed $w > 0$;
we do not")."""
_SIGN_WORD = re.compile(r"(?i)\b(?:(?:strictly\s+)?(?:positive|negative)|non-?negative|non-?positive)\b|"
                        r"非负|非正|正数(?!的)|负数(?!的)|正的|负的|大于零|小于零|大于\s*0(?![.\d])|小于\s*0(?![.\d])")
_UPPER_SIDE = re.compile(r"(?i)(?<!non-)\bpositive\b|\bnon-?negative\b|(?<!非)正数(?!的)|(?<!非)正的|非负|大于零|大于\s*0(?![.\d])")
_LOWER_SIDE = re.compile(r"(?i)(?<!non-)\bnegative\b|\bnon-?positive\b|(?<!非)负数(?!的)|(?<!非)负的|非正|小于零|小于\s*0(?![.\d])")
_DISCLAIMING = re.compile(r"(?i)\b(?:not|nor|never|cannot|wrong|wrongly|error|erroneous|erroneously|mistake|mistaken|"
                          r"mistakenly|incorrect|incorrectly|invalid|contradiction|absurd|fallacy|whether|unclear|"
                          r"unknown)\b|n't\b|不(?![难妨])|错|误(?!差)|矛盾|反证|是否")
"""Words by which a sentence disclaims the sign it speaks of ("Nor do we assume $x$ is positive",
"假设 $x$ 为正数是错误的"): no case of what follows (see :func:`_disclaimed`)."""
_ALTERNATIVE = re.compile(r"(?i)\b(?:or|either|whether)\b|或|还是")
"""Words that offer alternatives: "positive or negative" names no case."""
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


def hedged_words(line: str) -> str:
    """``line`` with its inline math and HTML comments blanked out (see :func:`_words`)."""
    return _words(line)


def prose_text(text: str, kind: str) -> str:
    """``text`` with what is not prose blanked out, line breaks and lengths kept: HTML comments and
    struck-out text (``~~…~~``) in Markdown, ``%`` comments in LaTeX — words there state nothing."""
    def blank(m: re.Match) -> str:
        return re.sub(r"[^\n]", " ", m.group(0))
    if kind == "latex":
        return re.sub(r"(?<!\\)%[^\n]*", blank, without_disabled_latex(text))
    return re.sub(r"<!--.*?-->|~~[^~\n]+~~", blank, text, flags=re.S)


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
            r"other\s+than|unlike(?:\s+(?:in\s+)?the\s+cases?)?|barring|(?:leaving|setting|putting|laying)\s+aside|" \
            r"disregarding)\b|除了|除去"
"""The words that state a case by its complement ("except when $x < 0$"): a reading that negates the
case it names may use them (``unplain(…, allow=EXCEPTING)``)."""


_SWITCHING = re.compile(
    r"(?i)\b(?:otherwise|else|instead|however|but|whereas|conversely|contrary|opposite|rest|remaining|other|"
    r"no\s+longer|except|unless|apart|beyond|outside|switch|switching|flip|flipped|reverse)\b|"
    r"否则|但|然而|相反|其余|其他|另|不再|除")
"""Words by which the words leading into a relation may switch the case the text is in
("Otherwise,", "For the rest,", "In the other case")."""


def case_switch(text: str, allow: str = "") -> str:
    """The first word of ``text`` (math taken out or not) that may switch the case the text is in
    (:data:`_SWITCHING`), or ``""`` (``allow``: words of a form read, taken out once first)."""
    found = _SWITCHING.search(re.sub(allow, " ", _words(text), count=1) if allow else _words(text))
    return found.group(0).strip() if found else ""


def unplain(lines: list[str], line: int, column: int = -1, allow: str | tuple[str, ...] = "") -> str:
    """Why the sentence of ``lines`` at (``line``, ``column``) is no plain statement of a case or an
    assumption ("the word \"except\"", "both signs in one sentence"), or ``""`` when it is plain —
    a hypothesis read from it may then prove a relation. ``column`` < 0: the whole line; ``allow``:
    the words of the form read (taken out once before the sentence is judged; a tuple: each once)."""
    if not 1 <= line <= len(lines):
        return ""
    text, at = _paragraph_text(lines, line, column)
    sentence = sentence_around(text, at)
    for pattern in allow if isinstance(allow, tuple) else (allow,) if allow else ():
        sentence = re.sub(pattern, " ", sentence, count=1)
    sentence = _UNLESS_SAID.sub(" ", sentence)          # "Unless said otherwise, …": a default, no exception
    risky = _RISKY.search(sentence)
    if risky:
        return f"the word \"{risky.group(0).strip()}\""
    if _UPPER_SIDE.search(sentence) and _LOWER_SIDE.search(sentence):
        return "both signs in one sentence"
    words = _words(text)                                 # "Assume $x$ is positive: this fails for …"
    rest = words[max(0, at):]
    colon = re.match(r"[^.!?;。！？；]*?[:：]", rest)
    if colon:
        after = re.match(r"[^.!?;。！？；]*", rest[colon.end():]).group(0)
        disowned = _DISOWNING.search(after)
        if disowned:
            return f"the word \"{disowned.group(0)}\" after the colon"
    semicolon = re.match(r"[^.!?;。！？；]*?[;；]", rest)
    if semicolon:                                       # "Prior work assumed $w > 0$; we do not."
        after = re.match(r"[^.!?;。！？；]*", rest[semicolon.end():]).group(0)
        disowned = _DISOWNING.search(after) or _NOT_US.search(after)
        if disowned:
            return f"the words \"{disowned.group(0).strip()}\" after the semicolon"
    before = _words(text[:max(0, at)])                    # "The following step is wrong. Let $x$ be …"
    opening = max((m.end() for m in _STOP.finditer(before)), default=0)
    earlier = max((m.end() for m in _STOP.finditer(before, 0, max(0, opening - 1))), default=0)
    disowned = _DISOWNING.search(before[earlier:opening])
    if disowned:
        return f"the word \"{disowned.group(0)}\" in the sentence before"
    heading = next((lines[n - 1] for n in range(line, 0, -1) if _HEADING_LINE.match(lines[n - 1])), "")
    disowned = _DISOWNING.search(_words(heading))
    if disowned:
        return f"the word \"{disowned.group(0)}\" in the heading"
    return ""


def words_set_aside(lines: list[str], line: int, column: int, broad: bool = False) -> str:
    """The words by which the sentence of the inline math at (``line``, ``column``) sets it aside — a mistake, a
    form other texts use, a choice not made ("A common mistake is to write $f(x) = x^3$", "Had we chosen
    $f(x) = x^3$ instead", "which differs from the cubic loss $L(p) = (1 - p)^3$ used elsewhere", "常见的错误写法是
    $L(p) = 1 - p^2$"): the math is then no definition nor value of the text's own — or ``""``."""
    if column < 0 or not 1 <= line <= len(lines):
        return ""
    text, at = _paragraph_text(lines, line, column)
    if at < 0:
        return ""
    words = _words(text)
    start = max((m.end() for m in _STOP.finditer(words, 0, max(0, at))), default=0)
    math_end = at
    while math_end < len(words) and words[math_end] == "x":
        math_end += 1                                    # (the math itself, blanked to x's)
    end = next((m.start() for m in _STOP.finditer(words, math_end)), len(words))
    following = _NEXT_MATH.search(words, math_end, end)       # (up to the next math: its own words are its own)
    end = following.start() if following else end
    opening = at
    while opening > start and text[opening - 1] == "$":
        opening -= 1                                      # (the math's own delimiter, blanked with it)
    if text[max(start, opening - 2):opening] == "\\(":
        opening -= 2
    found = _REJECTED_BEFORE.search(words[start:opening].rstrip())
    if found is not None and (_TURNED.search(found.group(0)) or _ADOPTING_NARROW.search(found.group(0))):
        found = None            # "Avoid using a larger step and take $\eta = 0.01$": the math is what is taken
    found = found or _REJECTED_AFTER.search(words[math_end:end])
    if found is None and broad:
        return doubted_in(words[start:opening], words[math_end:end])
    return found.group(0).strip() if found else ""


def doubted_in(before: str, after: str) -> str:
    """A word of doubt (``_DOUBTING``) in the words of a definition's sentence before its math (``before``) or
    after it (``after``), or ``""``.  A word of contrast or of others' use before the math ("Rather than the
    hinge", "Unlike regression") is taken back by words after it that make the math the text's own ("from now on
    we use", "our loss is") — not a negation or a verdict ("It is not true that we use", "It is wrong to say that
    our loss is"), nor words that report what someone thinks or says."""
    before = re.sub(r"\([^()]*\)|（[^（）]*）", lambda m: " " * len(m.group(0)), before)   # (asides: "(the spread
    before = _COMMENT_CLAUSE.sub(lambda m: " " * len(m.group(0)), before)   # ("Many practitioners, we note, use")
    after = re.sub(r"\([^()]*\)|（[^（）]*）", lambda m: " " * len(m.group(0)), after)     # of the spectrum, not …)")
    doubts = list(_DOUBTING.finditer(before))
    if doubts:
        last = doubts[-1]
        adopted = _ADOPTING.search(before, last.end())
        if adopted is not None and _PASSIVE.match(adopted.group(0)) and "," not in before[last.end():adopted.start()]:
            adopted = None          # "the loss in older papers is defined as": the papers' loss (but "Following
            # the original paper, the loss is defined as": ours)
        if adopted is None or not _CONTRASTING.fullmatch(last.group(0).strip()) \
                or any(_REPORTING.search(before[d.start():adopted.start()]) for d in doubts) \
                or any(not _CONTRASTING.fullmatch(d.group(0).strip()) for d in doubts):
            return last.group(0).strip()
    found = _DOUBTING_AFTER.search(after)
    return found.group(0).strip() if found else ""


_COMMENT_CLAUSE = re.compile(r"(?i),\s*(?:as\s+)?(?:we|I)\s+(?:\w+\s+)?\w+\s*,|，\s*我们\S{1,4}\s*，")
"""A comment set off by commas ("Many practitioners, we note, use"): the writer's aside, no choice of theirs."""
_PASSIVE = re.compile(r"(?i)(?:is|are)\s+(?:defined|given|taken)")


_DOUBTING_AFTER = re.compile(r"(?i)\b(?:mistak\w*|wrong\w*|incorrect\w*|erroneous\w*|(?:an?|is|are|be)\s+(?:(?!the\b)\w+\s+)?errors?(?!\s+(?:terms?|of|functions?|signals?|vectors?|rates?|bars?))|"
                             r"false|untrue|"
                             r"typos?|bugs?|"
                             r"misprint\w*|slips?|blunder\w*|opposite|not\s+(?:correct|right|valid|true|what\s+we))\b|"
                             r"错|误(?!差)|不对|有误|反面|相反")
"""Words after a definition's math that doubt it ("…, a frequent slip", "which is wrong"): verdicts only — "which is
not hard to evaluate", "as in the literature" after it say nothing against it."""

_CONTRASTING = re.compile(r"(?i)rather\s+than|instead\s+of|unlike|contrary|others|some|many|people|practitioners|textbooks?|"
                          r"sometimes|papers?|drafts?|original|older|literature|preprints?|elsewhere|follow-?up|"
                          r"earlier\s+\w+|previous\s+\w+|reviewers?|文献|论文|早期")
"""Doubting words that only contrast or attribute (which words adopting the math after them take back: "Following
the original paper, we define")."""
_REPORTING = re.compile(r"(?i)\b(?:think\w*|thought|say|says|said|saying|claim\w*|believ\w*|suggest\w*|argu\w*|"
                        r"assum\w*|insist\w*|write|writes|wrote)\b|认为|以为|说")
"""Words that report what someone thinks or says ("Beginners often think our loss is")."""


_TURNED = re.compile(r"(?i)\b(?:and|then|so)\s+(?:we\s+|to\s+)?(?:take|use|set|choose|pick|let|write|define|adopt|go\s+with)\b|"
                     r"\b(?:but|however|instead|we\s+(?:take|use|set|choose|adopt))\b")
"""Words in the tail of a rejection that turn to the math as the choice made ("Avoid using a larger step and take")."""
_ADOPTING_NARROW = re.compile(r"(?i)\b(?:from\s+now\s+on|henceforth|hereafter|we\s+(?:now\s+|instead\s+|here\s+)?(?:use|take|"
                              r"adopt|choose|define|work\s+with|write|set|pick)|(?:our|the\s+text's|this\s+note's)\s+"
                              r"(?:\w+\s+){0,2}(?:is|are))\b|我们(?:改)?(?:用|使用|采用|取|定义)")
"""Words inside a clear rejection that turn it to the math as the choice made ("Unlike regression our loss is")."""
_ADOPTING = re.compile(r"(?i)\b(?:from\s+now\s+on|henceforth|hereafter|we\s+(?:now\s+|instead\s+|here\s+|then\s+)?"
                       r"(?!could\b|would\b|might\b|should\b|do\s+not\b|don't\b|never\b|cannot\b|can't\b|may\b|"
                       r"had\b|were\b|saw\b|see\b|noted\b|mentioned\b|discussed\b|said\b|showed\b|know\b|will\s+see\b)"
                       r"[a-z]+|(?:our|the\s+text's|this\s+note's)\s+(?:\w+\s+){0,2}"
                       r"(?:is|are)|(?:is|are)\s+(?:defined|given|taken)\s+(?:as|by|to\s+be))\b|我们(?:改)?(?:用|使用|采用|取|定义)")
"""Words after a doubting word and before the math that make the math the text's own choice."""
_DOUBTING = re.compile(
    r"(?i)\b(?:not|never|no\s+longer|mistak\w*|erroneous\w*|wrong\w*|incorrect\w*|misconception\w*|"
    r"misprint\w*|typos?|blunder\w*|poor|bad|avoid\w*|instead\s+of|rather\s+than|unlike|contrary|would|could|might|"
    r"some|many|others|people|practitioners|beginners|novices|students|textbooks?|"
    r"claim\w*|believ\w*|tempt\w*|naive\w*|fallac\w*|myths?|beware|caution\w*|confus\w*|mislead\w*|"
    r"flaw\w*|bugs?|buggy|erratum|errata|hypothetical\w*|one\s+(?:sets?|writes?|defines?|uses?|takes?)|"
    r"sometimes|wrongly|nobody|no\s+one|cannot|can't|false|untrue|refrain\w*|slips?|preprints?|first\s+version|"
    r"old\s+version|earlier\s+(?:version|draft|edition|notes?)|"
    r"(?:an?|the|common|frequent|serious|classic|typical|same)\s+error|error\s+to|"
    r"in\s+error|papers?|drafts?|reviewers?|original|older|literature|misunderstand\w*|follow-?up|earlier\s+work|"
    r"previous\s+(?:work|version|edition)|elsewhere|historical\w*|legacy)\b|n't\b|"
    r"文献|论文|草稿|早期|不是|并不|不应|不能|不要|不可|不对|别把|别写|勿|错|误(?!差)|有些|有人|常把|常将|反面|相反|并非|而非|避免")
"""Words that may doubt the definition in their sentence ("It would be a mistake to define the loss as", "Many
practitioners define", "Contrary to what is sometimes claimed", "The loss is certainly not", "有些教材把损失写成"):
such a definition is not taken as the text's (``words_set_aside(…, broad=True)``: definitions by a formula only,
never a value or a case, which words like "would" often accompany)."""


_NEXT_MATH = re.compile(r"(?<![A-Za-z])x{3,}(?![A-Za-z])")
_TAIL = r"[^.;!?$。；！？]{0,40}"
_CLAUSE_TAIL = r"[^.;!?$,:。；！？，：]{0,40}"
_REJECTED_BEFORE = re.compile(
    rf"(?i)(?:\b(?:mistakes?|slips?|pitfalls?|typos?)\s+(?:is|are|was|would\s+be)\s+(?:to\s+)?{_TAIL}"
    rf"|\b(?:common|frequent|classic|typical|usual)\s+(?:errors?|mistakes?|slips?|pitfalls?|typos?)\b{_TAIL}"
    rf"|\b(?:errors?|mistakes?|slips?|typos?)\s*:{_TAIL}|\b(?:the|a|this)\s+typo\b{_TAIL}"
    rf"|\b(?:wrongly|incorrectly|erroneously|mistakenly|naively)\s+{_TAIL}"
    rf"|\b(?:wrong|incorrect|erroneous|naive|bogus|flawed|tempting|mistaken)\s+(?:formula|version|form|definition|"
    rf"derivation|step|answer|expression|value|choice|rate|loss|claim|identity|model|result|guess)s?\b{_TAIL}"
    rf"|\b(?:do\s+not|don't|never|avoid)\s+(?:write|writing|use|using|confuse|set|setting|take|assume)\b{_TAIL}"
    rf"|\b(?:students|beginners|people|many)\s+(?:often|sometimes|commonly|frequently|wrongly)\b{_TAIL}"
    rf"|\b(?:had\s+we|if\s+we\s+had|had\s+(?:the|it|they)\b[^.;!?$]{{0,20}}been|were\s+we\s+to|"
    rf"(?:one|we)\s+(?:could|might)(?:\s+also)?|could\s+also|alternatively|an\s+alternative|"
    rf"some\s+(?:texts|authors|books|sources|people|papers|notes|courses)|others\s+(?:write|use)|"
    rf"hypothetically)\b{_TAIL}"
    rf"|\b(?:instead\s+of|differs?\s+from|different\s+from|rather\s+than|unlike|as\s+opposed\s+to)\b{_CLAUSE_TAIL}"
    rf"|错误(?:的)?(?:写法|做法|地|之处|在于|的是)\S{{0,3}}|误写\S{{0,4}}|误以为\S{{0,4}}|(?<!所)有人(?:会)?(?:写|误|认为|用)\S{{0,4}})$")
"""Words right before a math that set it aside ("A common mistake is to write", "Some texts wrongly use", "Had we
chosen", "which differs from the cubic loss"): they must lead into the math — "the model is wrong with $z = -5$"
sets nothing aside."""
_REJECTED_AFTER = re.compile(
    r"(?i)\b(?:would\s+(?:diverge|blow\s+up|explode|oscillate|overflow|fail)|(?:is|was)\s+(?:an?\s+)?(?:\w+\s+)?"
    r"(?:error|mistake|blunder|bug)|but\s+we\s+(?:do\s+not|don't|won't|will\s+not)|is\s+(?:wrong|incorrect|"
    r"a\s+mistake|a\s+typo)|which\s+is\s+(?:wrong|incorrect|a\s+mistake|a\s+typo)|would\s+be\s+wrong|does\s+not\s+hold)\b|"
    r"是错|不对|有误|发散|不收敛")


_DISOWNING = re.compile(r"(?i)\b(?:wrong|wrongly|mistake|mistakes|mistaken|mistakenly|error|errors|erroneous|erroneously|"
                        r"incorrect|incorrectly|fallacy|fallacies|false|invalid|pitfall|pitfalls|myth|naive|naively|"
                        r"tempting|supposedly|bogus|flawed|bug|buggy|trap|beware|counterexample|fails|fail|failing)\b|"
                        r"错|误(?!差)|陷阱|谬|不成立")
"""Words by which a sentence, or a heading, disowns what follows ("The following step is wrong.",
"## A common mistake")."""
_HEADING_LINE = re.compile(r"^\s*(?:#{1,6}\s|\\(?:part|chapter|section|subsection|subsubsection|paragraph)\b)")


def _paragraph_text(lines: list[str], line: int, column: int) -> tuple[str, int]:
    """The lines of the paragraph around ``line`` joined by spaces (a sentence may wrap), and where
    (``column`` of ``line``) falls in it; ``column`` < 0: the whole line."""
    def ends(n: int) -> bool:
        text = lines[n - 1]
        return not text.strip() or bool(_HEADING_LINE.match(text)) or bool(
            re.match(r"\s*(?:\$\$|\\\[|\\\]|\\begin|\\end|[-*+]\s|\d+[.)]\s|\|)", text))
    if column < 0:
        return lines[line - 1], -1
    first = line
    while first > 1 and not ends(first - 1) and not ends(first):
        first -= 1
    last = line
    while last < len(lines) and not ends(last + 1):
        last += 1
    before = " ".join(lines[first - 1:line - 1])
    at = len(before) + (1 if before else 0) + column
    return " ".join(lines[first - 1:last]), at


_NEGATION = re.compile(r"(?i)\b(?:not|no|never|nor|neither|cannot|without)\b|n't\b|不|非(?![负正])|没|无")


def negation_in(sentence: str) -> str:
    """The negation in ``sentence``'s words ("cannot", "不"), or ``""``: a name set free by a sentence
    with none ("Now let $x$ be any real number") is free."""
    found = _NEGATION.search(_words(sentence))
    return f"the word \"{found.group(0)}\"" if found else ""


_LABEL = r"(?:\s*_\s*(?:\{\s*(?P<sub>[A-Za-z0-9]{1,3})\s*\}|(?P<sub1>[A-Za-z0-9])))?"
_NAME = re.compile(r"\$\s*(?P<name>[A-Za-z]|\\[A-Za-z]+)" + _LABEL + r"\s*\$")
_BOUND = re.compile(r"\$\s*(?P<name>[A-Za-z]|\\[A-Za-z]+)" + _LABEL + r"\s*(?P<op><|>|\\le(?:q|qslant)?|\\ge(?:q|qslant)?|\\lt|\\gt|≤|≥|"
                    r"\\in|\\notin|\\neq|\\ne)\s*(?P<rest>[^$]*)\$")
_ZERO_FIRST = re.compile(r"\$\s*0\s*(?P<op><|\\le(?:q|qslant)?|\\lt|≤)\s*(?P<name>[A-Za-z]|\\[A-Za-z]+)\s*"
                         r"(?:(?P<op2><|\\le(?:q|qslant)?(?![A-Za-z])|\\lt|≤)\s*(?P<top>-?\d+(?:\.\d+)?)\s*\$"
                         r"|[<≤]|\\le|\$)")
_INTERVAL = re.compile(r"^\s*(?P<open>[(\[])\s*(?P<lo>-?\d+(?:\.\d+)?)\s*,\s*(?P<hi>-?\d+(?:\.\d+)?|\\infty|\+\\infty)\s*"
                       r"(?P<close>[)\]])\s*[.,;]?\s*$")


def _bound_side(op: str, rest: str) -> str:
    """The side of zero a bound in math names: "+" for ``x > 0``, ``x \\ge 0``; "-" for ``x < 0``; an
    interval of numbers for ``x \\in (0, 1)`` (written as it is: "(0,1)", "[0,inf)"); else "?"."""
    interval = _INTERVAL.match(rest) if op == "\\in" else None
    if interval:
        hi = "inf" if "infty" in interval.group("hi") else interval.group("hi")
        return f"{interval.group('open')}{interval.group('lo')},{hi}{interval.group('close')}"
    if rest.strip() not in ("0", "0.", "0,"):
        return "?"
    if op.startswith((">", "\\g", "≥")):
        return "+"
    if op.startswith(("<", "\\l", "≤")):
        return "-"
    return "?"


def in_interval(sides: str, number: sp.Basic) -> bool | None:
    """Whether ``number`` lies in the interval ``sides`` names ("(0,1)", "[0,inf)"); None when
    ``sides`` is no interval."""
    m = re.fullmatch(r"(?P<open>[(\[])(?P<lo>[^,]+),(?P<hi>[^)\]]+)(?P<close>[)\]])", sides)
    if m is None:
        return None
    lo = sp.Rational(m.group("lo"))
    hi = sp.oo if m.group("hi") == "inf" else sp.Rational(m.group("hi"))
    above = number >= lo if m.group("open") == "[" else number > lo
    below = number <= hi if m.group("close") == "]" else number < hi
    return bool(above) and bool(below)


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


def sentences(lines: list[str], first: int, last: int):
    """Each sentence of lines ``first`` to ``last`` (a line at a time): the line (comments blanked),
    the sentence's words (math blanked), its columns and the line's number."""
    for number in range(max(1, first), min(len(lines), last) + 1):
        line = _COMMENT.sub(lambda m: " " * len(m.group(0)), lines[number - 1])
        words = _words(line)
        starts = [0, *(m.end() for m in _FULL_STOP.finditer(words)), len(words)]
        for a, b in zip(starts, starts[1:]):
            yield line, words[a:b], (a, b), number


def _spoken(m: re.Match) -> str:
    """The name a match of :data:`_NAME` or :data:`_BOUND` speaks of: ``x``, ``mu``, or a subscripted one as written
    (``v_x``: a label the reader may keep as a name of its own; an entry ``z_i`` matches no name of a problem)."""
    sub = m.group("sub") or m.group("sub1")
    return m.group("name").lstrip("\\") + (f"_{sub}" if sub else "")


def signs_nearby(lines: list[str], first: int, last: int, skip: str = "") -> dict[str, set[str]]:
    """The names (as written: ``x``, ``\\mu``) whose sign or range the words of lines ``first`` to
    ``last`` speak of, each with the sides the last sentence that speaks of it names ("+", "-"; "?"
    where that is not clear: both signs in one sentence, a range, a bound by a number other than
    0): a name written alone in a sentence with a sign word ("If $x$ is positive", "设 $x$ 为正数";
    not one that disclaims it or names both sides, "whether $x$ is positive or negative") or
    bounded in inline math ("$x > 0$", "$t \\in [0, 1]$"; not ``skip``, the relation in hand)."""
    out: dict[str, set[str]] = {}
    for line, sentence, (a, b), _ in sentences(lines, first, last):
        here: dict[str, set[str]] = {}
        upper, lower = bool(_UPPER_SIDE.search(sentence)), bool(_LOWER_SIDE.search(sentence))
        if (upper or lower) and not _disclaimed(sentence) \
                and not (upper and lower and _ALTERNATIVE.search(sentence)):   # "positive or negative": no case
            unclear = upper and lower or bool(re.search(EXCEPTING, sentence))   # "… $x$ positive and $y$ negative"
            for m in _NAME.finditer(line[a:b]):
                here.setdefault(_spoken(m), set()).add("?" if unclear else "+" if upper else "-")
        for m in _BOUND.finditer(line[a:b]):
            if not skip.strip() or m.group(0).strip("$ ").strip() != skip.strip():
                here.setdefault(_spoken(m), set()).add(_bound_side(m.group("op"), m.group("rest")))
        for m in _ZERO_FIRST.finditer(line[a:b]):                 # "$0 < p < 1$"
            side = "?"
            if m.group("top"):
                strict = ("<", "\\lt")
                side = ("(" if m.group("op") in strict else "[") + f"0,{m.group('top')}" \
                    + (")" if m.group("op2") in strict else "]")
            here.setdefault(m.group("name").lstrip("\\"), set()).add(side)
        out.update(here)                                         # the later sentence speaks last
    return out


def _disclaimed(sentence: str) -> bool:
    """Whether the sentence disclaims the sign it speaks of: a strong word anywhere ("wrong",
    "contradiction"), or a negation near a sign word ("is not positive", "never negative", "would be
    positive, which it is not") — not one elsewhere ("does not divide by zero")."""
    for m in _DISCLAIMING.finditer(sentence):
        word = m.group(0).lower()
        if word not in ("not", "n't", "nor", "never", "cannot", "不"):
            return True
        if _SIGN_WORD.search(sentence[m.end():m.end() + 50]) or _SIGN_WORD.search(sentence[max(0, m.start() - 30):m.start()]):
            return True                      # "cannot assume w.l.o.g. $x$ is positive", "positive, which it is not"
    return False


_RESTRICTING = re.compile(
    r"(?i)\b(?:integers?|integral|natural\s+numbers?|whole\s+numbers?|counts?|between|at\s+least|at\s+most|"
    r"greater\s+than|less\s+than|larger\s+than|smaller\s+than|bigger\s+than|more\s+than|exceeds?|exceeding|"
    r"(?:below|above|under|over|beneath)(?=\s+(?:zero|one|two|\$?\s*-?\d))|"
    r"non-?zero|(?:is|are|be)\s+(?:not|never)\s+(?:equal\s+to\s+)?(?:zero|0)|non-?vanishing|(?:the\s+)?same\s+signs?|"
    r"opposite\s+signs?|large\s+enough|small\s+enough|sufficiently|bounded|interval|range|ranges|probability|"
    r"probabilities|temperature|odd|even|divisible|rational|irrational|finite|distinct|unique(?:ly)?)\b|"
    r"唯一|整数|自然数|之间|至少|至多|大于|小于|不小于|不大于|不为零|非零|足够大|足够小|区间|范围|概率|温度|奇数|偶数")
"""Words that restrict a name in ways softsym does not read into a hypothesis ("Let $k$ be an
integer", "for $x$ between 0 and 1", "$n$ large enough", "the probability $p$"): a counterexample
that gives that name a value may be one the text excludes."""


_REGIME = re.compile(
    r"(?i)\b(?:in\s+the\s+(?:[\w-]+\s+)?limits?|at\s+(?:very\s+)?(?:infinite|zero|high|low)\s+temperatures?|"
    r"(?:high|low|zero|infinite)[- ]temperature|asymptotically|in\s+the\s+(?:[\w-]+\s+)?regime|"
    r"(?:tends?|tending|goes|going)\s+to|approach(?:es|ing)?\s+(?:zero|infinity|0|∞)|as\s+MATH\s+(?:grows|shrinks|"
    r"vanishes|becomes\s+(?:large|small))|(?:very|sufficiently|extremely|infinitely)\s+(?:hot|cold|large|small|high|low)|"
    r"(?:hot|cold|large|small|high|low)\s+enough|far\s+(?:above|below|from|beyond)|"
    r"to\s+(?:leading|first|second|lowest|highest|zeroth)\s+order|(?:leading|first|second|lowest)[- ]order|"
    r"vanishing(?:ly)?|infinitesimal(?:ly)?|(?:is|are|be|becomes?)\s+(?:very\s+)?(?:small|large|tiny|huge)|"
    r"(?:high|low)\s+temperatures?|for\s+(?:very\s+)?(?:large|small)|"
    r"(?:becomes?|turns?|gets?|grows?|goes|stays?|remains?)\s+(?:strictly\s+)?(?:negative|positive|non-?negative|non-?positive)|"
    r"at\s+(?:that|this|the|its|such\s+a)\s+(?:point|optimum|minimum|maximum|minimi[sz]er|maximi[sz]er|stationary\s+point|"
    r"fixed\s+point|critical\s+point|equilibrium|solution)|at\s+(?:the\s+)?(?:optimum|equilibrium|convergence))\b|"
    r"极限|趋于|趋向|趋近|高温|低温|无穷大时|无限大时|足够大|足够小|很大|很小|充分大|充分小|一阶近似|"
    r"在(?:该|这一?|此)点|(?:最优|驻|极值|不动)点处|最优解处")
_TO_IN_MATH = re.compile(r"\\to\b|\\rightarrow\b|→|\\ll\b|\\gg\b|≪|≫")
"""Words that put a claim in a regime or a limit softsym does not read into a hypothesis ("At
infinite temperature every state is equally likely", "as $T \\to \\infty$"), or at a point the text singles
out ("The gradient vanishes when $p = y$, and at that point …"): a counterexample at a point of the plain
reading may lie outside it."""


def regime_nearby(lines: list[str], first: int, last: int) -> str:
    """The first phrase of lines ``first`` to ``last`` that puts what they say in a regime or a limit
    (:data:`_REGIME`; or ``\\to`` in inline math), or ``""``."""
    for line, sentence, (a, b), _ in sentences(lines, first, last):
        found = _REGIME.search(sentence)
        if found is None:
            math = [t for t in re.findall(r"(?<!\$)\$([^$]+)\$(?!\$)", line[a:b]) if not _substitution(t)]
            found = next((m for m in map(_TO_IN_MATH.search, math) if m), None)
            if found is not None:
                return re.sub(r"\s+", " ", next(t for t in math if _TO_IN_MATH.search(t))).strip()
            continue
        return re.sub(r"\s+", " ", line[a + found.start():min(b, a + found.end() + 20)]).strip()
    return ""


_EQUAL_CASE = re.compile(
    r"(?i)\b(?:when|whenever|if|once|as\s+long\s+as|so\s+long\s+as|provided(?:\s+that)?|unless|only\s+when)\s+"
    r"(?:[\w·-]+\s+){0,6}?(?:are|is|be|become|becomes|were)\s+(?:all\s+)?(?:not\s+)?(?:all\s+)?"
    r"(?:equal|identical|the\s+same|distinct|different|constant|uniform|tied)\b"
    r"|\b(?:when|whenever|if|once|unless)\s+all\s+(?:[\w·-]+\s+){0,4}?(?:coincide|agree|tie|equal)\b"
    r"|(?:当|若|如果|只要|一旦|假如|倘若)[^。；！？.;!?]{0,30}?(?:全|都|均|皆|全部)?(?:不)?(?:全)?(?:相等|相同|一样|一致|等于)")
"""Words that state a relation for a case of equal (or distinct) values the math does not write as a
condition ("$L = \\log K$ when all logits are equal", "只要 logits 不全相等，就有 …"): a counterexample
of the plain reading may lie outside that case."""


def equal_case(words: str) -> str:
    """The phrase of ``words`` that puts what they say in a case of equal or distinct values
    (:data:`_EQUAL_CASE`), or ``""``."""
    found = _EQUAL_CASE.search(words or "")
    return re.sub(r"\s+", " ", found.group(0)).strip() if found else ""


def _substitution(math: str) -> bool:
    """``x \\to x/2``, ``z \\to z + c``: a name replaced by an expression of itself (a substitution, no
    limit) — not ``x \\to x_0``, ``\\theta \\to \\theta^*``, ``T \\to T_0^+``: another point, a limit."""
    m = re.fullmatch(r"\s*(\\?[A-Za-z]+(?:_\{?\w+\}?)?)\s*(?:\\to|\\rightarrow|→)\s*(.+?)\s*[.,;]?\s*", math)
    return m is not None and bool(re.search(rf"(?<![\\A-Za-z]){re.escape(m.group(1))}(?![A-Za-z_^'*]|\s*[_^'])", m.group(2))) \
        and m.group(2).strip() != m.group(1)


_OTHERS = re.compile(r"(?i)\b(?:(?:every|all|each|any|the)\s+others?|others|other\s+(?:classes|entries|indices|"
                     r"components|coordinates|terms|states|tokens|labels|units|experts)|(?:the\s+)?remaining|the\s+rest|"
                     r"except|apart\s+from|other\s+than|besides|non-?target|off-?diagonal)\b|"
                     r"其余|其他|其它|剩下|别的|除了|以外|之外|非真实|非目标")
"""Words by which an inline relation speaks of the entries other than one the sentence named ("the
true class gets $q_y = …$ and every other class gets $q_i = ε/K$"): a case softsym does not read."""


def others_before(line: str, column: int) -> str:
    """The words of ``line``'s sentence before ``column`` that restrict what follows to "the other"
    entries (:data:`_OTHERS`), or ``""``."""
    if column < 0:
        return ""
    words = _words(line)
    start = max((m.end() for m in _STOP.finditer(words, 0, column)), default=0)
    found = list(_OTHERS.finditer(words, start, column))
    return re.sub(r"\s+", " ", found[-1].group(0)) if found else ""


def restricted_nearby(lines: list[str], first: int, last: int) -> dict[str, str]:
    """The names (as written) that a sentence of lines ``first`` to ``last`` restricts in words
    softsym does not read (:data:`_RESTRICTING`), each with the word."""
    out: dict[str, str] = {}
    found_sentences = list(sentences(lines, first, last))
    other_case = any(_OTHER_CASE.search(sentence) for _, sentence, _, _ in found_sentences)
    for line, sentence, (a, b), _ in found_sentences:
        words = list(_RESTRICTING.finditer(sentence))
        if not words or _disclaimed(sentence):
            continue
        names = list(_NAME.finditer(line[a:b]))
        for m, following in zip(names, [*(n.start() for n in names[1:]), len(sentence)]):
            # its own word: the first after it, before the next name ("If $n$ is an integer … if $x$
            # exceeds 1": x exceeds 1), else the last before it ("a count $k$")
            found = next((w for w in words if m.end() <= w.start() < following), None)
            if found is not None and _ANOTHER_SUBJECT.search(sentence[m.end():found.start()]):
                continue            # "of $n$ terms, each at most $e^m$": the terms are at most e^m, not n
            found = found or next((w for w in reversed(words) if w.end() <= m.start()), words[0])
            phrase = re.sub(r"\s+", " ", line[a + found.start():min(b, a + found.end() + 24)]).strip()
            if _WHOLE_WORD.match(phrase) and (_NOT_BEFORE.search(sentence[max(0, found.start() - 30):found.start()])
                                              or other_case or _NEVER_AFTER.search(sentence[found.end():])):
                phrase = f"not {phrase}"       # "is not an integer", "an integer with probability zero",
            if phrase.startswith("not "):                    # "… If it is not, …": any value may be meant
                out[_spoken(m)] = phrase
            else:
                out.setdefault(_spoken(m), phrase)
    return out


_ANOTHER_SUBJECT = re.compile(r"(?i)\b(?:each|every|all|whose|which)\b|每个|每一")
"""Words between a name and a restricting word that give the restriction another subject ("$n$ terms, each
at most …")."""
_WHOLE_WORD = re.compile(r"(?i)(?:integers?|integral|natural|whole)\b|整数|自然数")
_NOT_BEFORE = re.compile(r"(?i)\b(?:not|non|neither|nor|no|never)\b[^.;]*$|不是|不为|非\s*$")
_NEVER_AFTER = re.compile(r"(?i)^[^.;]{0,30}?\b(?:probability\s+(?:zero|0)|with\s+probability\s+(?:zero|0)|almost\s+never)\b")
_OTHER_CASE = re.compile(r"(?i)\b(?:(?:if|when|where)\s+(?:it|they|this|that)\s+(?:is|are)\s+not|otherwise|for\s+the\s+other|"
                         r"for\s+all\s+other|else)\b|否则|其他情况|不是整数")
"""Words that speak of the other case of an integer restriction: a counterexample at an integer may
be one the text excludes there ("If $t$ is an integer, …. For the other $t$ we have …")."""


_SINGLED_OUT = re.compile(r"(?i)\b(?:unique(?:ly)?|distinct|arg\s*max|arg\s*min|maximi[sz]er|minimi[sz]er|"
                          r"(?:maximum|minimum|largest|smallest|highest|lowest|maximal|minimal)|argmax|argmin)\b|"
                          r"\\arg\s*\\?(?:max|min)|唯一|互不相同|最大|最小")
"""Words by which a text introduces a name as one singled out in a way softsym does not read ("the
maximum is attained at a unique index $k$", "distinct indices $i, j$")."""


_ARG_EXTREMUM = re.compile(r"\$\s*(?P<name>[A-Za-z]|\\[A-Za-z]+)\s*(?:\\in|=)\s*\\(?:arg\s*\\?|operatorname\s*\{\s*arg\s*)"
                           r"(?:max|min)")


_EXTREMUM_IN_MATH = re.compile(r"\$[^$]*\\(?:max|min)(?![A-Za-z])[^$]*\$")
"""Inline math that names a largest or smallest value (``$z_k = \\max_j z_j$``): the sentence that
introduces a name with it singles that name out."""


def restricted_where_introduced(lines: list[str]) -> dict[str, tuple[int, str]]:
    """The names (as written) whose first mention alone in math (``$k$``) is in a sentence that
    singles them out in words softsym does not read (:data:`_SINGLED_OUT`: "suppose the maximum is
    attained at a unique index $k$"): each with that line and the phrase.  What a name is
    introduced as, it stays for the section."""
    out: dict[str, tuple[int, str]] = {}
    seen: set[str] = set()
    for line, sentence, (a, b), number in sentences(lines, 1, len(lines)):
        names = [_spoken(m) for m in _NAME.finditer(line[a:b])]
        fresh = [n for n in names if n not in seen]
        seen.update(names)
        for m in _ARG_EXTREMUM.finditer(line[a:b]):            # "$k \in \arg\max_i z_i$": k singled out
            out.setdefault(m.group("name").lstrip("\\"), (number, m.group(0).strip("$ ")))
        found = _SINGLED_OUT.search(sentence) if fresh else None
        extremum = _EXTREMUM_IN_MATH.search(line[a:b]) if fresh and not found else None
        if extremum:                                # "Let $k$ be such that $z_k = \max_j z_j$"
            found = extremum
            phrase = re.sub(r"\s+", " ", line[a + extremum.start():min(b, a + extremum.end() + 24)]).strip()
        if found and not _disclaimed(sentence):
            phrase = phrase if extremum else \
                re.sub(r"\s+", " ", line[a + found.start():min(b, a + found.end() + 24)]).strip()
            for name in fresh:
                out[name] = (number, phrase)
    return out


_NUMBER = r"\$?\s*(-?\d+(?:\.\d+)?)\s*\$?"
_WORD_BOUNDS = (
    (re.compile(rf"(?i)^(?:greater|larger|bigger|more)\s+than\s+{_NUMBER}|^exceed(?:s|ing)?\s+{_NUMBER}|"
                rf"^(?:above|over)\s+{_NUMBER}|^大于\s*{_NUMBER}"), lambda v, n: v > n),
    (re.compile(rf"(?i)^(?:less|smaller)\s+than\s+{_NUMBER}|^(?:below|under|beneath)\s+{_NUMBER}|^小于\s*{_NUMBER}"),
     lambda v, n: v < n),
    (re.compile(rf"(?i)^at\s+least\s+{_NUMBER}|^不小于\s*{_NUMBER}|^至少\s*{_NUMBER}"), lambda v, n: v >= n),
    (re.compile(rf"(?i)^at\s+most\s+{_NUMBER}|^不大于\s*{_NUMBER}|^至多\s*{_NUMBER}"), lambda v, n: v <= n),
)
_WORD_NUMBERS = {"zero": "0", "one": "1", "two": "2", "零": "0", "一": "1"}


def word_bound(phrase: str, name):
    """The restriction in words as a SymPy relation on ``name`` ("less than 0.5": name < 1/2,
    "between 0 and 1": 0 ≤ name ≤ 1 as a list), or None when it is no bound by numbers."""
    import sympy as sp
    text = re.sub(r"(?i)\b(zero|one|two)\b|零|一", lambda m: _WORD_NUMBERS[m.group(0).lower()], phrase)
    ops = (sp.Gt, sp.Lt, sp.Ge, sp.Le)
    for (pattern, _), op in zip(_WORD_BOUNDS, ops):
        m = pattern.search(text)
        if m:
            return [op(name, sp.nsimplify(next(g for g in m.groups() if g is not None)))]
    m = re.search(rf"(?i)^between\s+{_NUMBER}\s+and\s+{_NUMBER}", text)
    if m:
        low, high = sorted(sp.nsimplify(g) for g in m.groups())
        return [sp.Ge(name, low), sp.Le(name, high)]
    return None


def admits(phrase: str, value) -> bool | None:
    """Whether a restriction in words admits a number: "greater than 0.5", "小于0.5", "at most one",
    "between 0 and 1", "nonzero", "an integer" — True or False, or None when softsym cannot tell."""
    text = re.sub(r"(?i)\b(zero|one|two)\b|零|一", lambda m: _WORD_NUMBERS[m.group(0).lower()], phrase)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    for pattern, holds in _WORD_BOUNDS:
        m = pattern.search(text)
        if m:
            bound = next(g for g in m.groups() if g is not None)
            return holds(number, float(bound))
    m = re.search(rf"(?i)^between\s+{_NUMBER}\s+and\s+{_NUMBER}", text)
    if m:
        low, high = sorted(float(g) for g in m.groups())
        return low <= number <= high
    if re.match(r"(?i)^non-?zero|^non-?vanishing|^(?:is|are|be)\s+(?:not|never)\s+(?:equal\s+to\s+)?(?:zero|0)\b|^不为零|^非零", text):
        return number != 0
    if re.match(r"(?i)^(?:integers?|integral|natural|whole|counts?)\b|^整数|^自然数", text):
        return number == int(number) and (number >= 0 or not re.match(r"(?i)^(?:natural|whole|counts?)|^自然数", text))
    return None


_DISTRIBUTION = re.compile(r"(?i)\b(?:distributions?|probability\s+vectors?|probabilities|(?:probability\s+)?simplex|"
                           r"one-?hot|(?:mixing|mixture)\s+(?:weights?|proportions?|coefficients?)|(?:class|label|category)\s+"
                           r"(?:proportions?|fractions?|frequenc(?:y|ies)|shares?)|(?:proportions?|fractions?)\s+of\s+(?:the\s+)?"
                           r"(?:samples?|examples?|points?)\s+(?:in|of|from)\s+(?:each\s+)?class)\b|分布|概率|单纯形|混合权重|"
                           r"类(?:样本|别)?的?(?:比例|占比|频率)")
_MIXTURE = re.compile(r"(?i)\b(?:mixtures?|mixing)\b|混合")
_COMPONENTS = re.compile(r"(?i)\bcomponents?\b|分量|成分")
_WEIGHTS_HERE = re.compile(r"(?i)\bweights?\s*$|权重\s*$")
"""A mixture's weights ("With $K$ components, weights $\\phi_k$ …"): a distribution over the components."""
_ONE_HOT = re.compile(r"(?i)\bone-?hot\b|独热")
_WHERE_LED = re.compile(r"(?i)^\s*[,，]?\s*(?:where|here|其中|这里)")
_ONE_NAME = r"(?:\\mathbf\s*\{\s*)?(?:[A-Za-z]|\\[A-Za-z]+)\s*\}?(?:\s*_\s*(?:\{[^{}$]*\}|[A-Za-z0-9]))?"
_AT_POINT = r"(?:\s*\(\s*[A-Za-z]\s*\))?"
_LISTED_NAMES = re.compile(rf"\$\s*(?P<names>(?:{_ONE_NAME}{_AT_POINT}\s*,\s*)*{_ONE_NAME}{_AT_POINT})\s*(?:=|\$|\\in\b)")
"""``$p$ and $q$``, ``$p, q \\in …``, ``$p(x)$`` (a distribution written at its outcome): names a sentence lists."""


_OTHER_NOUN = re.compile(r"(?i)(?:\b(?:logits?|scores?|features?|inputs?|parameters?|weights?|temperatures?|"
                         r"energ(?:y|ies)|biases?|activations?|numbers?|constants?|scalars?|counts?|sizes?|"
                         r"dimensions?|indices|index|steps?)|对数几率|logit|分数|特征|输入|参数|权重|温度|能量|常数|维数)\s*$")
_COUNTING = re.compile(r"(?i)^\s*(?:个|种|类|维|\b(?:classes|categories|outcomes|entries|components|states|tokens|"
                       r"labels|values|dimensions|elements)\b)")


def _called(text: str, listed: list[re.Match], weighted: bool = False) -> list[bool]:
    """Which of the math names ``listed`` in a sentence that speaks of distributions the words call
    one: all of them (the sentence speaks of them together: "设 $p$ 和 $q$ 是 … 上的分布"), except a
    name the words right before give another noun ("logits $z$ and a one-hot target $y$") and a count
    ("$n$ 个类别", "on $K$ classes"); the other noun does not count where the distribution word is
    right before the name too ("the one-hot target distribution $y$")."""
    out = []
    for k, m in enumerate(listed):
        start = listed[k - 1].end() if k else 0
        before = _INLINE_MATH_HERE.sub(" ", text[start:m.start()])
        after = text[m.end():listed[k + 1].start() if k + 1 < len(listed) else len(text)]
        if _COUNTING.match(after):
            out.append(False)
        else:
            out.append(bool(_DISTRIBUTION.search(before)) or not _OTHER_NOUN.search(before)
                       or weighted and bool(_WEIGHTS_HERE.search(before)))
    return out


_INLINE_MATH_HERE = re.compile(r"\$[^$]*\$")


_DOTS = re.compile(r"\s*(?:\\[lc]?dots|\\ldots|…|\.\.\.)\s*")


def distributions_named(lines: list[str]) -> dict[str, tuple[int, bool, bool]]:
    """The names the words call distributions or probabilities ("Let $p$ and $q$ be two discrete
    distributions", "设 $p, q$ 是两个分布", "let $\\pi$ lie in the probability simplex") or one-hot
    vectors, each with the first line that does, whether that sentence is a "where" clause ("其中 $u$
    是均匀分布", said of the display before it) and whether the name is called one-hot (the words
    up to the next math say so): their entries lie in [0, 1] and sum to 1 (a counterexample
    elsewhere says nothing of what the text means), a one-hot vector's are 0 or 1."""
    out: dict[str, tuple[int, bool, bool]] = {}
    mixture = bool(_MIXTURE.search("\n".join(lines)))    # a text about a mixture: its components' weights
    for line, sentence, (a, b), number in sentences(lines, 1, len(lines)):
        weighted = mixture and bool(_COMPONENTS.search(sentence) or _MIXTURE.search(sentence)) \
            and bool(re.search(r"(?i)\bweights?\b|权重", sentence))
        if (_DISTRIBUTION.search(sentence) or weighted) and not _disclaimed(sentence):
            where = bool(_WHERE_LED.match(sentence))
            text = line[a:b]
            listed = [m for m in _LISTED_NAMES.finditer(text)
                      if not ("_" in m.group("names") and "," in m.group("names"))
                      or len({re.sub(r"\s*_.*$", "", n) for n in re.split(r"\s*,\s*", m.group("names"))
                              if not _DOTS.fullmatch(n)}) == 1]
            # ("$\pi_1, \dots, \pi_K$": the entries of one family, listed — that family)
            called = _called(text, listed, weighted)
            for m, it in zip(listed, called):
                if not it:                  # "logits $z$, $p = …$ and a one-hot target $y$": z is not one
                    continue
                after = text[m.end():].split("$", 1)[0]
                said = after if _DISTRIBUTION.search(after) else sentence
                hot = bool(_ONE_HOT.search(said)) and not re.search(
                    r"(?i)\b(?:distributions?|probabilit\w*|simplex)\b|分布|概率", said)
                for name in re.split(r"\s*,\s*", m.group("names")):
                    if _DOTS.fullmatch(name):
                        continue
                    name = re.sub(r"\s*\(\s*[A-Za-z]\s*\)$", "", name)     # p(x): p
                    name = re.sub(r"\s*_.*$", "", name)      # e_y, one row of e: the family e
                    name = re.sub(r"\\mathbf\s*\{\s*|\s*\}", "", name).strip().lstrip("\\")
                    if name:
                        out.setdefault(name, (number, where, hot))
    return out


_ASSUMING = re.compile(r"(?i)\b(?:let|assume|assuming|suppose|supposing|given|where|with|throughout|fix)\b|"
                       r"设|假设|假定|其中|给定")
_CASING = re.compile(r"(?i)\b(?:if|for|when|whenever|case|cases|unless|except|otherwise|example|e\.g|instead|"
                     r"now|then|consider|take|try|suppose\s+instead)\b|若|当|如果|对于|例如|否则|比如")


def assumed_in_words(lines: list[str], line: int, column: int) -> bool:
    """Whether the inline condition at (``line``, ``column``) is written in a sentence that assumes
    it for what follows ("Let $X$ be … with singular values $s_1 \\ge \\dots \\ge s_r > 0$",
    "设 $0 < p < 1$"), not one that takes a case, an example or a change ("for $x > 0$", "now let"),
    and is plain (:func:`unplain`)."""
    if column < 0 or not 1 <= line <= len(lines):
        return False
    text, at = _paragraph_text(lines, line, column)
    sentence = sentence_around(text, at)
    start = max((m.end() for m in _STOP.finditer(_words(text), 0, max(0, at))), default=0)
    before = _words(text)[start:max(start, at)]
    sentence = _FOR_EVERY_INDEX.sub(" ", sentence)     # "Assume $q_j \ge 0$ for all $j$.": no case
    sentence = _UNLESS_SAID.sub(" ", sentence)         # "Unless said otherwise, …": a default, no case
    return bool(_ASSUMING.search(before)) and not _CASING.search(sentence) and not unplain(lines, line, column)


FROM_HERE_ON = r"\b(?:throughout|from\s+(?:now|here)\s+on|henceforth|in\s+what\s+follows)\b|此后|从现在起"
"""The words that make what a sentence says hold from there on ("throughout", "from now on", "此后"): the
part of the scope patterns of :mod:`.conditions` and :mod:`.reader` they share (as source, to compose)."""
_UNLESS_SAID = re.compile(r"(?i)\bunless\s+(?:(?:it\s+is|we\s+have)\s+)?(?:said|stated|noted|specified|mentioned|indicated)"
                          r"\s+otherwise\b|除非另有说明")
_FOR_EVERY_INDEX = re.compile(r"(?i)\bfor\s+(?:all|every|each|any)\s+(?:\$\s*[A-Za-z]\s*\$|xxx\b)(?=\s*(?:[.,;]|and\b|then\b|$))")
"""An index quantified bare, ``$k$`` (blanked as ``xxx`` in the words): no case of the sentence."""

