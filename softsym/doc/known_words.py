"""Words that give a function softsym knows (σ, softplus, LSE, softmax) another meaning.

A note may say in prose that its σ is not the logistic sigmoid ("$\\sigma$ denotes the ReLU", "Here
$\\sigma$ is not the logistic function", "We use the ReLU as our nonlinearity and call it $\\sigma$",
"In this post softplus means the ReLU", "we use the sparsemax instead and keep writing softmax").  What
uses that name after such words is not softsym's function: the reader doubts it (neither proved nor
refuted).  The words are read per paragraph, across line breaks; a sentence that merely mentions
another function beside σ ("Swish is $x\\sigma(x)$", "$\\sigma$ is a smooth version of the step
function", "$\\sigma$ is the derivative of the softplus") names nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OTHER_FUNCTION = (r"(?:softplus|sign\s+(?:function|of\s+(?:its|the)\s+(?:argument|input))|signum|relu|ramp\s+function|rectifie[rd]|rectified|step\s+function|heaviside|"
                  r"tanh|hyperbolic\s+tangent|gelu|swish|silu|elu|identity|arbitrary|generic|positive\s+part|"
                  r"\\?max\s*(?:\(|\\\{|\\left\s*(?:\(|\\\{))\s*(?:0\s*,|x\s*,\s*0)|max\s*\(\s*0|\(\s*x\s*\)\s*_\s*\{?\s*\+|rectifying|"
                  r"sine\b|cosine\b|sum\s+of\s+(?:the\s+|its\s+)?(?:positive\s+)?divisors|divisor\s+(?:sum|function)|"
                  r"prime[- ]counting|(?:natural\s+)?exponential\s+function|absolute\s+value|tempered|log[- ]?softmax|"
                  r"(?:standard\s+)?(?:normal|gaussian)\s+(?:cdf|cumulative)|probit|\\Phi\b|"
                  r"cumulative\s+distribution|error\s+function|\\operatorname\s*\{\s*erf|least[- ]squares?|squared\s+error|"
                  r"(?:any|some)\s+(?:smooth\s+)?(?:activation|function|nonlinearity)|(?:with|at)\s+(?:an?\s+)?(?:inverse\s+)?temperature|"
                  r"temperature[- ](?:scaled|version|variant)|"
                  r"cdf\s+of\s+(?:the\s+|a\s+)?(?:standard\s+)?(?:normal|gaussian)|softsign|hard[\s-]+(?:sigmoid|tanh)|arc\s*tan\w*|"
                  r"(?:an?|any|some)\s+(?!sigmoid|logistic)(?:[\w-]+\s+)?(?:activation|nonlinearity)(?:\s+function)?|"
                  r"hard\s*max\w*|argmax|sparsemax|entmax|one-?hot|zero-temperature|线性整流|整流|阶跃|符号函数|双曲正切|正态分布函数)")
"""Names of functions other than softsym's σ, softplus, LSE and softmax (or words that make them another one)."""

_SUBJECT = (r"(?<![\w$])σ(?![\w$])|\$\s*(?:\\sigma|\\(?:mathrm|operatorname)\s*\{\s*(?P<GROUP>softplus|LSE|logsumexp|softmax|sigmoid)\s*\})"
            r"\s*(?:(?:\\left\s*)?\(\s*[^()$]{0,12}\)\s*(?:_\s*\{?\s*\w\s*\}?\s*)?)?\$")
"""A function softsym knows written as inline math, alone, at ``\\cdot`` or at a plain argument."""
_WORD = r"\b(?P<GROUP>softplus|LSE|logsumexp|softmax)\b(?!\s*[$(\\])"
"""… or as a plain word of the prose."""


def _subject(group: str) -> str:
    return f"(?:{_SUBJECT.replace('GROUP', group)})"


def _word(group: str) -> str:
    return _WORD.replace("GROUP", group)


_VERB = (r"\s*,?\s*(?:here\s+|now\s+|in\s+(?:this|these)\s+\w+\s+)?(?:denotes?|is|stands?\s+for|means|refers\s+to|be|for|"
         r"is\s+(?:implemented|computed|taken|replaced)\s+(?:as|by|to\s+be)|in\s+the\s+role\s+of|"
         r"to\s+be|as|will\s+(?:denote|be|mean)|is\s+(?:shorthand|short)\s+for|(?=,?\s*(?:the|a|an)\s))")
_NOT_NAMING = re.compile(r"(?i)\b(?:derivative|approximat\w*|smooth(?:ed)?\s+(?:version|approximation|surrogate)|limit|"
                         r"gradient|integral|related|similar|like\s+(?:a|an|the)|close|inverse|bound\w*|relative|generali[sz]\w*|"
                         r"compared|unlike|whereas|while|and|or|than|applied|composed|times|(?:input|output)\s+of|of\s+a)\b")
"""Words between σ and another function's name that make it no naming ("$\\sigma$ is the derivative of the softplus")."""
_MORE_SUBJECTS = r"(?:\s*(?:,|and)\s*\$[^$]{1,20}\$)*"
"""Other names written beside the subject ("Here $\\sigma$ and $\\phi$ denote the ReLU and the identity")."""

_FORWARD = re.compile(rf"(?i)(?:{_subject('name')}{_MORE_SUBJECTS}{_VERB}|{_word('word')}\s*,?\s*(?:here\s+|now\s+)?"
                      rf"(?:(?:always|only|simply|just|really|actually|instead)\s+)?"
                      rf"(?:denotes?|stands?\s+for|means|refers\s+to|will\s+(?:denote|mean)|is\s+(?:shorthand|short)\s+for|is|"
                      rf"is\s+(?:implemented|computed|taken|replaced)\s+(?:as|by|to\s+be))|"
                      rf"\bby\s+(?:{_subject('by')}|{_word('byword')})\s*,?\s*(?:we|I|one)\s+(?:mean|denote|understand)\b)"
                      rf"(?P<between>(?:[^.;。；]|\b(?:i\.e|e\.g|cf|resp)\.){{0,60}}?)"
                      rf"\b{OTHER_FUNCTION}")
_NEGATED = re.compile(rf"(?i){_subject('neg')}\s*,?\s*(?:here\s+|now\s+|in\s+(?:this|these)\s+\w+\s+)?(?:is|denotes?)\s+not\b"
                      r"[^.;]{0,20}?\b(?:logistic|sigmoid|standard|usual|softplus|log-?sum-?exp|softmax)")
_CALLED = re.compile(rf"(?i)\b{OTHER_FUNCTION}[^.;。；]{{0,50}}?\b(?:call|denot|writ|nam|label)\w*\s+"
                     rf"(?:(?:it|this|that|them|the\s+\w+)\s+)?(?:(?:simply|just|also|again|still)\s+)?(?:by\s+|as\s+)?"
                     rf"(?:{_subject('called')}|{_word('cword')})")
_CALL_SUBJECT = re.compile(rf"(?i)\b(?:(?:we|I|one)\s+(?:call|name|dub)|(?:re-?use|abuse|borrow|recycle|overload)\w*\s+"
                           rf"(?:the\s+)?(?:letter|symbol|name|notation))\s+(?:{_subject('reused')}|{_word('rword')})"
                           rf"(?P<between>[^.;。；]{{0,50}}?)\b{OTHER_FUNCTION}")
""""We call $\\sigma$ the ramp function", "We reuse the letter $\\sigma$ for the sign of its argument", "We abuse the
name softplus for $x \\mapsto \\max(0, x)$"."""
_TEMPERED = re.compile(rf"(?i)(?:\b(?:we|I|one)\s+(?:(?:will|shall|now|always|only)\s+)?(?:use|take|employ|work\s+with|adopt|"
                       rf"soften|compute|evaluate)\s+(?:the\s+|a\s+|an\s+|our\s+)?|\b(?:our|this|the\s+model's|its)\s+)"
                       rf"(?:{_subject('tempered')}|(?<![A-Za-z])(?P<tword>softmax|LSE|logsumexp)(?![A-Za-z]))"
                       rf"(?:\s*,?\s*(?:is\s+)?(?:at|with|computed\s+with|evaluated\s+(?:at|with)|has|uses|takes)|"
                       rf"[^.;$]{{0,30}}\b(?:at|with)\s+(?:an?\s+|the\s+)?(?:inverse\s+)?temperature)"
                       rf"\s+(?:an?\s+|the\s+)?(?:inverse\s+)?temperature")
""""We use the softmax at temperature $T = 2$": softmax (LSE) of the text is a tempered one (not "the same as using a
softmax with temperature $T$", a comparison)."""
_CHINESE = re.compile(rf"(?i)(?:{_subject('zh')}|(?<![A-Za-z])(?P<zhword>softplus|LSE|logsumexp|softmax)(?![A-Za-z]))"
                      rf"\s*(?:表示|为|指的是|指代|指|代表|记作|记为|记|取为|取作|采用|选为|是|即)[^。；;]{{0,20}}?{OTHER_FUNCTION}")
"""The same in Chinese: "本文中 $\\sigma$ 表示 ReLU 函数", "设 $\\sigma$ 为线性整流函数", "其中 softplus 指的是 max(0, x)"."""
_BEFORE = re.compile(rf"(?i)\b{OTHER_FUNCTION}[^.;$]{{0,20}}{_subject('after')}")
_CONTRAST = re.compile(r"(?i)\b(?:unlike|compared\s+(?:to|with)|than|whereas|as\s+opposed\s+to|versus|vs\.?|instead\s+of|"
                       r"rather\s+than|besides|beside|apart\s+from|except)\b[^.;$]{0,25}$")
"""Words before another function's name that set σ beside it, not equal to it ("Unlike the ReLU, $\\sigma$ is smooth")."""
_KEEP_WRITING = re.compile(rf"(?i)\b(?:keep\w*|still|continue\s+to)\s+(?:writ\w*|call\w*|denot\w*|nam\w*|(?:the\s+)?"
                           rf"(?:symbol|notation|name|letter))\s+(?:it\s+)?"
                           rf"(?:{_subject('kept')}|{_word('kword')}|\\sigma)")
_STANDARD_DEVIATION = re.compile(r"(?i)\b(?:standard[\s-]+deviation|noise\s+(?:level|scale)|std)[^.;$]{0,25}\$\s*\\sigma\s*(?:\(|\$)|"
                                 r"\$\s*\\sigma\s*\([^()$]{1,12}\)\s*\$\s*,?\s*(?:is|denotes|be)\s+(?:the\s+)?(?:\w+\s+)?"
                                 r"(?:standard\s+deviation|noise\s+(?:level|scale)|std)")
"""σ applied, named a standard deviation ("The noise standard deviation $\\sigma(x)$ of the input"): no sigmoid."""
EVERYWHERE = re.compile(r"(?i)\b(?:throughout(?!\s+(?:this|the)\s+(?:section|subsection|part|paragraph|example))|"
                         r"above|so\s+far|earlier|everywhere|all\s+(?:through|over)\s+(?:the|these|this|our)\b|in\s+(?:these|the\s+(?:whole|entire)|"
                         r"this\s+(?:whole|entire)|all\s+(?:of\s+)?(?:these|the))\s+(?:notes?|text|document|post|article|chapter)|"
                         r"(?:in\s+)?(?:every|each|all|any)\s+(?:formulas?|formulae|equations?|displays?)\b)\b|全文|通篇|上文|所有公式")
"""Words that make a naming, or a definition, hold also before its line ("Above, $\\mathrm{softplus}$ denotes the
ReLU", "Throughout this note, $\\mathrm{softplus}(x) = \\max(0, x)$") — not "In this note" or "From now on", which
may speak of what follows only."""


@dataclass(frozen=True)
class Naming:
    """The prose at ``line`` names ``name`` ("sigma", "softplus", "LSE", …) another function; ``everywhere`` when
    its words make that hold before the line too."""
    line: int
    name: str
    everywhere: bool


def _paragraphs(lines: list[str]) -> list[tuple[int, str]]:
    """Paragraphs of prose, each with the number of its first line; its lines joined by U+2028 (one
    separator a match may cross, counted to find the line of a match)."""
    out, start, held = [], 0, []
    for number, line in enumerate([*lines, ""], 1):
        if line.strip():
            if not held:
                start = number
            held.append(line.strip())
        elif held:
            out.append((start, "\u2028".join(held)))
            held = []
    return out


def namings(lines: list[str]) -> list[Naming]:
    """Every place the prose of ``lines`` (math kept, one string per line) names σ, softplus, LSE or softmax
    another function, in order."""
    found: list[Naming] = []
    for start, text in _paragraphs(lines):
        flat = text.replace("\u2028", " ")
        for pattern in (_FORWARD, _NEGATED, _CALLED, _CALL_SUBJECT, _CHINESE, _TEMPERED, _BEFORE, _KEEP_WRITING,
                        _STANDARD_DEVIATION):
            for m in pattern.finditer(flat):
                if pattern in (_FORWARD, _CALL_SUBJECT) and (_NOT_NAMING.search(m.group("between") or "") or re.search(
                        r"(?i)\bsmooth(?:ed)?\s+(?:relu|rectifier)", flat[m.start("between"):m.end()])):
                    continue        # ("is the derivative of the softplus"; "Softplus is a smooth ReLU")
                if pattern is _BEFORE and _CONTRAST.search(flat[max(0, m.start() - 40):m.start()]):
                    continue        # ("Unlike the ReLU, σ is smooth everywhere": no naming)
                if pattern is _KEEP_WRITING and not re.search(rf"(?i)\b{OTHER_FUNCTION}", _sentence(flat, m.start())):
                    continue        # ("we still write σ for the sigmoid": no other function in its sentence)
                groups = {k: v for k, v in m.groupdict().items() if v and k != "between"}
                name = next((v for v in groups.values()), None) or "sigma"
                name = "LSE" if name.lower() == "lse" else name if name == "sigma" else name.lower()   # ("Softmax with …")
                line = start + text.count("\u2028", 0, m.start())
                found.append(Naming(line, name, bool(EVERYWHERE.search(_sentence(flat, m.start())))))
    return sorted(set(found), key=lambda n: (n.line, n.name))


def _sentence(text: str, at: int) -> str:
    """The sentence of ``text`` around character ``at``."""
    begin = max(text.rfind(". ", 0, at), text.rfind("。", 0, at)) + 1
    ends = [i for i in (text.find(". ", at), text.find("。", at)) if i >= 0]
    return text[begin:min(ends) if ends else len(text)]


_DETERMINER = re.compile(r"(?i)^(?:the|a|an|our|its|this|that|their|each|every)$")
_NOT_A_NOUN = re.compile(r"(?i)^(?:of|to|with|by|at|is|are|be|let|write|writes|and|or|for|on|in|from|that|then|so|where|"
                         r"when|if|as|than|we|it|use|using|take|set|gives?|via|into|over|under|like|since|function|map|mapping)$")
_CALLED_BEFORE = re.compile(r"(?i)\b(?:is|are)?\s*(?:written|denoted|called|named|labell?ed|symboli[sz]ed)\s*(?:by|as)?\s*$"
                            r"|\b(?:we\s+)?(?:write|denote|call)\s+(?:it|this|them)?\s*(?:by|as)?\s*$")
_NAMES_AFTER = re.compile(r"(?i)^\s*(?:,\s*|,?\s*(?:here\s+)?(?:is|denotes?|stands?\s+for|means|be|counts?|(?:is\s+)?defined\s+as|"
                          r"(?:is\s+)?given\s+by|equals?)\s+)(?:the|a|an|our)\s+"
                          r"(?P<noun>[A-Za-z-]+(?:\s+[A-Za-z-]+){0,3})")


SPECIAL_FORMULA = re.compile(r"\\Gamma|\\int|!|\\psi|\\log|\\ln\b|\\sum|H_|\\gamma|\\frac\s*\{\s*d|'|\\prime|"
                              r"(?<![A-Za-z\\])[B\u0393\u03c8]\s*\(|\\operatorname|\\mathrm")
"""What a formula for Γ, ψ or B written by the text has when it is the special function's (Γ, ∫, a factorial,
a logarithm, a sum, H_n, γ, a derivative, the function again): ``B(m, n) = \\binom{m+n}{m}`` has none — the
text's own B."""


def letter_named_otherwise(text: str, letter: str, special: re.Pattern) -> int | None:
    """The line where the words give a letter softsym reads as a special function (``\\psi``, ``B``, ``\\Gamma``)
    a meaning of the text's own, or None: a noun before it ("the step-size schedule $\\Gamma(t)$", "The gain
    $\\Gamma(n)$"), "written/denoted/called $\\psi$" ("the influence function is written $\\psi$"), or "$B(m, n)$ is
    the number of lattice paths" — where no word of ``special`` (the special function's own names) is among
    those words.  The letter must stand alone in its math or at plain arguments (not ``$\\psi(n+1) = H_n - \\gamma$``)."""
    alone = re.compile(rf"\$\s*{letter}\s*(?:(?:\\left\s*)?\(\s*\\?[A-Za-z]+(?:\s*,\s*\\?[A-Za-z]+)*\s*(?:\\right\s*)?\)\s*)?\$")
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    for m in re.finditer(rf"\$\s*{letter}\s*(?:\\left\s*)?\(\s*\\?[A-Za-z]+(?:\s*,\s*\\?[A-Za-z]+)*\s*(?:\\right\s*)?\)\s*"
                         rf"(?::=|=|\\coloneqq|\\triangleq|\\equiv)(?P<rhs>[^$]+)\$", text):
        if not SPECIAL_FORMULA.search(m.group("rhs")):     # "In this section $B(m,n) = \binom{m+n}{m}$ counts …"
            return sum(1 for s in line_starts if s <= m.start())
    for m in alone.finditer(text):
        start = max(text.rfind("\n\n", 0, m.start()), 0)
        before = re.split(r"\$[^$]*\$|[,;:.!?，；：。(（]", text[start:m.start()])[-1]
        rest = text[m.end():m.end() + 120]
        comma = re.match(r"\s*,", rest)          # ("$\Gamma(n)$, the number of subsets of …": an apposition)
        after = ("," if comma else "") + re.split(r"\$[^$]*\$|[,;:.!?，；：。)）]", rest[comma.end() if comma else 0:])[0]
        words = before.split()[-5:]
        apposition = len(words) >= 2 and any(_DETERMINER.match(w) for w in words[:-1]) \
            and re.fullmatch(r"[A-Za-z-]{3,}", words[-1]) is not None and not _NOT_A_NOUN.match(words[-1])
        called = _CALLED_BEFORE.search(before) is not None
        names = _NAMES_AFTER.match(after)
        said = " ".join(words) if apposition else before if called else names.group("noun") if names else None
        if said is not None and not special.search(f"{before} {after}"):   # ("Write $\psi$ for the digamma")
            return sum(1 for s in line_starts if s <= m.start())
    return None


_BARE_NORM = r"(?:\\\||\\[lr]?Vert|‖)[^$‖]{0,24}?(?:\\\||\\[lr]?Vert|‖)(?!\s*_)"
"""A norm written without a subscript (``\\|\\cdot\\|``, ``\\lVert x \\rVert``, ``‖·‖``)."""
_OTHER_NORM = (r"(?:(?:\\ell|ℓ|\b[lL])\s*[_^]?\s*\{?\s*(?:1|\\infty|∞|p|q)\s*\}?\s*\$?\s*[- ]?\s*(?:norm|范数)|"
               r"\b(?:1|one|infinity|∞)[- ]norm|\blargest\s+absolute\s+(?:entry|value|coordinate)|"
               r"\b(?:max(?:imum)?|sup(?:remum)?|infinity|uniform|manhattan|taxicab|chebyshev|spectral|operator|"
               r"nuclear|trace|mahalanobis|weighted|p)[- ]norm|\babsolute[- ]value\s+norm|\bsum\s+of\s+(?:the\s+)?absolute)")
_NORM_NAMED = re.compile(rf"(?i){_BARE_NORM}[^.;。；]{{0,60}}?{_OTHER_NORM}|{_OTHER_NORM}[^.;。；]{{0,25}}?{_BARE_NORM}|"
                         rf"\b(?:all|every|each|our)\s+(?:the\s+)?norms?\s+(?:here\s+|below\s+)?(?:are|is|means?|denotes?)\s+"
                         rf"(?:the\s+|an?\s+)?\$?\s*{_OTHER_NORM}")
BARE_NORM_TEX = re.compile(r"(?:\\\||\\[lr]?Vert|‖)(?:(?!\\\||\\[lr]?Vert|‖).){0,80}?(?:\\\||\\[lr]?Vert|‖)(?!\s*_)")
"""The same norm in a relation's TeX, whatever it holds (``\\|x - y\\|^2``): what :func:`norm_named_otherwise` makes
the text's own."""


def norm_named_otherwise(lines: list[str]) -> int | None:
    """The first line whose words make the norm written without a subscript another norm than the Euclidean
    one softsym reads ("Throughout, $\\|\\cdot\\|$ is the $\\ell_1$ norm", "let $\\|\\cdot\\|$ denote the max-norm"),
    or None: every such norm of the text is then its own."""
    for start, text in _paragraphs(lines):
        flat = text.replace("\u2028", " ")
        m = _NORM_NAMED.search(flat)
        if m is not None:
            return start + text.count("\u2028", 0, m.start())
    return None


_POSITIVE_ROLE = re.compile(
    r"(?i)(?:(?<!log[- ])(?<!log)\b(?:(?:net\s+|decimal\s+|fractional\s+)?odds|(?:learning|decay|growth|arrival|event|failure|hazard|"
    r"sampling|dropout|keep|warm-?up|interest|discount)\s+rate|rate|step[- ]?size|temperature|"
    r"(?:length[- ])?scale|bandwidth|variance|standard\s+deviation|precision|half[- ]life|time\s+constant|"
    r"stake|wealth|capital|carrying\s+capacity|noise\s+level|width|number\s+of\s+[a-z]+(?:\s+[a-z]+)?(?:\s+(?:is|are|be))?)"
    r"(?:\s+(?:parameter|constant|of\s+\w+))?\s*(?:\$|\\\()\s*(?P<name>\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*(?:\$|\\\))|"
    r"(?:赔率|学习率|速率|温度|方差|标准差|步长|半衰期|衰减率|增长率|(?:通道|类别|类|样本|层|步|迭代|特征|维|节点|头|词表?|状态|动作|簇|元素|观测|数据点|批次|轮)数(?:都|均)?(?:是|为)?)\s*(?:\$|\\\()\s*(?P<zh>\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*(?:\$|\\\)))")
"""A name the words introduce by a role that is positive ("pays net odds $b$", "a decay rate $k$", "temperature $T$",
"学习率 $\\eta$", a count: "the number of channels $C$", "通道数都是 $C$"): alone, right after the noun."""


_COUNT_ROLE = re.compile(
    r"(?i)\bnumber\s+of\s+[a-z]+(?:\s+[a-z]+)?(?:\s+(?:is|are|be))?\s*(?:\$|\\\()\s*(?P<name>\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*"
    r"(?:\$|\\\))|(?:通道|类别|类|样本|层|步|迭代|特征|维|节点|头|词表?|状态|动作|簇|元素|观测|数据点|批次|轮)数(?:都|均)?(?:是|为)?\s*"
    r"(?:\$|\\\()\s*(?P<zh>\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*(?:\$|\\\))|"
    r"(?:\$|\\\()\s*(?P<before>\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*(?:\$|\\\))\s+(?:be|is|denotes?|counts?)\s+"
    r"the\s+(?:total\s+)?number\s+of\b")
"""A name the words introduce as a count ("the number of channels $C$", "通道数都是 $C$"): a whole number."""


def counts_by_role(text: str) -> set[str]:
    """The TeX of the names the words introduce as counts (see :data:`_COUNT_ROLE`): retried positive and whole."""
    return {m.group("name") or m.group("zh") or m.group("before") for m in _COUNT_ROLE.finditer(text.replace("\n", " "))}


def positive_by_role(text: str) -> set[str]:
    """The TeX of the names the words introduce by a positive role (see :data:`_POSITIVE_ROLE`): a refutation that
    makes one of them 0 or negative is looked for again with it positive, as for a Greek step size or rate."""
    return {m.group("name") or m.group("zh") for m in _POSITIVE_ROLE.finditer(text.replace("\n", " "))}
