"""Expectations of names the text draws from a named family: ``X \\sim \\mathrm{Beta}(\\alpha, \\beta)`` and then
``\\mathbb{E}[X]``, ``\\operatorname{Var}(X)``, ``\\mathbb{E}[\\log X]``, ``\\mathbb{E}[e^{2Y}]``.

The reader reads an expectation as an unknown number (``E[_](X)``): nothing about it can be proved or refuted.
Where the one name in it is drawn from a family softsym knows, :func:`moments_written_out` writes the expectation
out in closed form from the textbook moments below, and returns the ranges of the parameters (α > 0, a variance > 0,
0 < p < 1) as facts the relation is checked under.  The table is the mathematics, not SymPy's integration (which
takes minutes on ``E[log X]`` of a Beta and returns an integral); ``tests/test_moments.py`` checks every entry
against numerical quadrature.

What is written out (f of one drawn name X, every other name a constant):

* a polynomial in X, through the raw moments E[X^k] (linearity);
* ``e^{tX}`` (the moment generating function) of a normal, Bernoulli, binomial or Poisson X;
* ``log X`` and ``(log X)^2`` of a Beta, gamma (by rate), exponential (by rate) or log-normal X; ``log(1 − X)`` of a Beta;
* powers X^k of a log-normal X for any real k;
* ``Var(f) = E[f²] − E[f]²`` of any f above.

Nothing else is: an expectation of two drawn names (their dependence is not known), a conditional one
(``E[X | X > s]``), one under a subscript (``E_p``), a name drawn twice from different families, a conditional draw
(``x_i \\mid \\lambda \\sim …``), or a family whose parameters the notes write two ways (a gamma or an exponential
whose words do not say "rate"; a normal written N(μ, σ) with σ unsquared: a standard deviation or a variance?),
a draw whose words give a parameter a meaning the table does not read (``_meaning_unread``: "$b$ the length of the
interval", "taking values ±1", "a window of length $t$", "in the order (success probability, trials)"; an inverse
rate and an inverse scale are read, as a scale and a rate), and any moment of a draw whose parameter the words make
random ("The mean $\\mu$ is random too").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import sympy as sp
from sympy.functions.combinatorial.numbers import stirling

from .conditions import SAMPLED

_FAMILIES = {
    "normal": "normal", "n": "normal", "gaussian": "normal", "gauss": "normal",
    "lognormal": "lognormal", "logn": "lognormal", "lnn": "lognormal", "lognorm": "lognormal",
    "bernoulli": "bernoulli", "bern": "bernoulli", "ber": "bernoulli",
    "binomial": "binomial", "bin": "binomial", "binom": "binomial",
    "poisson": "poisson", "pois": "poisson", "poi": "poisson",
    "exponential": "exponential", "exp": "exponential", "expo": "exponential",
    "beta": "beta",
    "gamma": "gamma",
    "uniform": "uniform", "unif": "uniform", "u": "uniform",
    "laplace": "laplace",
    "gumbel": "gumbel",
}
_ARITY = {"normal": 2, "lognormal": 2, "bernoulli": 1, "binomial": 2, "poisson": 1, "exponential": 1, "beta": 2,
          "gamma": 2, "uniform": 2, "laplace": 2, "gumbel": 2}
_RATE_WORDS = re.compile(r"(?i)\brate\b|速率")
_SCALE_WORDS = re.compile(r"(?i)\bscale\b|尺度")


@dataclass(frozen=True)
class Draw:
    """A name drawn from a family: the name as the reader spells it (``X``, ``mu_hat``), the family, the
    parameters' TeX, and how the words give a gamma's second parameter ("rate" or "scale", else "")."""
    name: str
    family: str
    params: tuple[str, ...]
    line: int
    by: str = ""


def every_draw(blocks, lines: list[str]) -> dict[str, list[Draw]]:
    """The names the text draws (``$X \\sim \\mathrm{Beta}(\\alpha, \\beta)$``) from one family each: a name drawn
    twice in two ways, drawn given something (``x \\mid \\lambda \\sim``), drawn several at once, or drawn in a
    sentence that hedges it ("Had we modelled the counts as …, the fit would …") is left out.  A parameter's
    convention ("rate $\\theta$", "in the shape–scale form") is read from the draw's own clause only (not from
    the Exp(θ) "with rate θ" drawn beside it)."""
    seen: dict[str, list[Draw]] = {}
    text = "\n".join(lines)
    masked = _math_masked(text)
    sampled = []
    for block in blocks:
        tex = block.tex.strip().rstrip(".,;").strip()
        m = SAMPLED.match(tex)
        if m is not None:
            sampled.append((block, tex, m, _located(block, lines, text)))
    for (block, tex, m, _), (clause, sentence) in zip(sampled, _clauses(sampled, text, masked)):
        family = _FAMILIES.get((m.group("braced") or m.group("plain")).lower())
        names = [n.strip() for n in m.group("names").split(",")]
        params = tuple(p.strip() for p in m.group("params").split(",")) if m.group("params").strip() else ()
        line = lines[block.line - 1] if 1 <= block.line <= len(lines) else ""
        by = _parameter_named(clause, params[-1] if params else "", family or "")
        about = _sentences_about(text, masked, [*names, *params], sentence)
        for name in names:
            draw = Draw(name, family or "", params, block.line, by)
            if "\\mid" in tex or len(names) > 1 or family is None or len(params) != _ARITY[family] \
                    or re.search(r"\\(?:overset|stackrel|underset)", tex) or _HEDGED.search(_blank_math(line)) \
                    or _HEDGED.search(_blank_math(sentence)) \
                    or _CONVENTION_SPOKEN.get(family or "", _NEVER).search(_blank_math(" ".join([clause, *about]))) \
                    or _meaning_unread(family, params, clause, about, name) \
                    or _family_convention(family or "", text):
                draw = Draw(name, "", params, block.line)       # (a draw softsym does not read: the name is out)
            seen.setdefault(name, []).append(draw)
    drawn = set(seen)
    return {name: [d if not any(re.search(rf"(?<![A-Za-z\\]){re.escape(other)}(?![A-Za-z])", p)
                                for p in d.params for other in drawn) else Draw(name, "", d.params, d.line)
                   for d in found] for name, found in seen.items()}
    # (N ~ Poisson(Λ) with Λ ~ Gamma: a parameter drawn too is no constant)


def draws_in(blocks, lines: list[str]) -> dict[str, Draw]:
    """The names the text draws one way only, wherever it draws them (see :func:`every_draw`)."""
    return {name: found[0] for name, found in every_draw(blocks, lines).items()
            if all(d.family and (d.family, d.params) == (found[0].family, found[0].params) for d in found)}


def draws_here(every: dict[str, list[Draw]], governs) -> dict[str, Draw]:
    """The draws that hold at a line: of each name, the draws ``governs(draw)`` says reach it, all of one
    family and parameters, all read ("For $X \\sim \\mathrm{Beta}(a, b)$" in one section and "For
    $X \\sim \\mathrm{Uniform}(a, b)$" in the next: each in its own section)."""
    out = {}
    for name, found in every.items():
        here = [d for d in found if governs(d)]
        if here and all(d.family and (d.family, d.params) == (here[0].family, here[0].params) for d in here):
            out[name] = here[-1]
    return out


def _math_masked(text: str) -> str:
    """``text`` with the inside of each ``$…$`` / ``$$…$$`` replaced by as many x's (offsets kept), so a period
    in the math (``$0.5$``) ends no sentence."""
    def mask(m: re.Match) -> str:
        return m.group(1) + "x" * len(m.group(2)) + m.group(3)
    return re.sub(r"(\$\$?)((?:[^$]|\n)*?)(\$\$?)", mask, text)


def _blank_math(text: str) -> str:
    """The words of ``text`` (its ``$…$`` math blanked: "\\mathrm{Gamma}" is no "mistake")."""
    return re.sub(r"\$[^$]*\$", " ", text)


def _located(block, lines: list[str], text: str) -> int:
    """The offset of ``block``'s math in ``text`` (the lines joined), or −1."""
    if not 1 <= block.line <= len(lines):
        return -1
    start = sum(len(row) + 1 for row in lines[:block.line - 1])
    return text.find(block.tex.strip(), start)


_SENTENCE_END = re.compile(r"[.!?。！？](?=\s|$)|\n\s*\n")


def _clauses(sampled, text: str, masked: str) -> list[tuple[str, str]]:
    """For each draw (``(block, tex, match, offset)``), its own clause and its sentence: the sentence around it,
    and of that the stretch from the last comma or semicolon before it after the draw before it in the sentence
    (or the sentence's start) to the same cut before the next draw (or the sentence's end).  Words between two
    draws describe the first, up to the last comma ("$Y \\sim \\mathrm{Exp}(\\theta)$ with rate $\\theta$, and let
    $X \\sim \\mathrm{Gamma}(2, \\theta)$ in the shape–scale form")."""
    ends = [m.end() for m in _SENTENCE_END.finditer(masked)]
    spans = []
    for block, tex, m, at in sampled:
        if at < 0:
            spans.append(None)
            continue
        start = max((e for e in ends if e <= at), default=0)
        end = min((e for e in ends if e > at), default=len(text))
        spans.append((start, end, at, at + len(block.tex.strip())))
    out = []
    for k, span in enumerate(spans):
        if span is None:
            out.append(("", ""))
            continue
        start, end, at, stop = span
        before = [s for s in spans[:k] if s is not None and s[0] == start]
        after = [s for s in spans[k + 1:] if s is not None and s[0] == start]
        lo = _cut(masked, before[-1][3], at) if before else start
        hi = _cut(masked, stop, after[0][2]) if after else end
        out.append((text[lo:hi], text[start:end]))
    return out


def _cut(masked: str, lo: int, hi: int) -> int:
    """Where the words between two draws (``masked[lo:hi]``) part: after their last comma or semicolon, else at
    the second draw."""
    gap = masked[lo:hi]
    last = max(gap.rfind(","), gap.rfind(";"), gap.rfind("，"), gap.rfind("；"))
    return lo + last + 1 if last >= 0 else hi


_NEVER = re.compile(r"(?!)")
_HEDGED = re.compile(r"(?i)\b(?:approx\w*|asymptotic\w*|roughly|nearly|about|only|mistak\w*|wrong\w*|error|"
                     r"instead|in\s+fact|actually|truncat\w*|not|never|suppose\s+wrongly|naive\w*|would|could|"
                     r"might|common|beginners?|some|many|textbooks?|vector|dimensional|multivariate|discrete|"
                     r"integer|die|dice|had|were|incorrect\w*|wrongly|rather|conditional\w*|conditioned|given\s+that|"
                     r"half-?\w+|pretend\w*|false\w*|tempting|erroneous\w*|mis\w+|folded|censored|shifted|scaled)\b"
                     r"|近似|错误|截断|大约|假如|如果|误")
"""Words in a draw's sentence (or on its line) that make it no exact draw of the text's ("only approximately",
"A common mistake is to assume", "truncated to [0, ∞)", "Had we modelled …", "conditioned on $X > 0$", a
d-dimensional draw)."""
_CONVENTION_SPOKEN = {
    "normal": re.compile(r"(?i)standard\s+deviation|precision|\bstd\b|"
                         r"(?:inverse|reciprocal)[\s-]+(?:of\s+(?:the\s+)?)?variance|标准差|精度"),
    "lognormal": re.compile(r"(?i)standard\s+deviation|precision|\bstd\b|"
                            r"(?:inverse|reciprocal)[\s-]+(?:of\s+(?:the\s+)?)?variance|标准差|精度"),
    "laplace": re.compile(r"(?i)\brate\b|速率"),
    "gumbel": re.compile(r"(?i)\brate\b|minim(?:um|a|al)\b|reversed|速率|最小"),   # (the minimum-type Gumbel law)
    "uniform": re.compile(r"(?i)cent(?:er|re)d?|width|\bdie\b|dice|discrete|integer|\broll|\bsided\b|\bfaces?\b|"
                          r"\bfair\b|\bcoin|中心|宽度|骰子|离散|整数"),
}
"""Words anywhere in the text that may give a family's parameters another meaning than the table's (a normal by
its standard deviation or precision, a Laplace by a rate, a uniform by its centre and width or on integers)."""


_KIND = (r"(?:(?:inverse|reciprocal)[\s-]+(?:of\s+(?:the\s+|a\s+|its\s+)?)?|1\s*/\s*|one\s+over\s+(?:the\s+)?|"
         r"(?:log|logarithm\s+of\s+the|log-?)\s*|(?:square|squared)[\s-]+(?:root\s+of\s+the\s+)?)?"
         r"(?:rate|scale|mean|variance|precision)")
"""A convention word, with what inverts or transforms it ("inverse rate", "reciprocal of the scale", "log-rate")."""


def _parameter_named(clause: str, param: str, family: str = "") -> str:
    """How the words of a draw's own clause give its last parameter: "rate" ("with rate $\\lambda$", "inverse scale
    $\\beta$", "in the shape–rate form"), "scale" ("scale $\\theta$", "inverse rate $\\theta$", "shape–scale"),
    "mean" ("with mean $\\beta$"), "variance", "precision" ("$\\tau$ is the inverse variance"), when they give it one
    way only; "?" where they give it a way not read here ("log-rate $\\beta$", "the reciprocal of the mean"); else
    "" (a log-normal's "log-variance" is its variance)."""
    if not param:
        return ""
    spelled = re.escape(param.strip())
    words = re.findall(rf"(?i)\b({_KIND})\s+(?:parameter\s+)?\$\s*{spelled}\s*(?:(?:>|\\geq?|\\ge)\s*0\s*)?\$", clause)
    # ("with rate $\lambda$", "with rate $\lambda > 0$")
    words += re.findall(rf"(?i)\$\s*{spelled}\s*\$\s*(?:,\s*)?(?:is|denotes|being|as|for|=)?\s*(?:the|an?|its)?\s*"
                        rf"(?:(?:distribution|gamma|exponential|normal)\W?s?\s+)?"
                        rf"(?:(?:mean|average|expected)\s+(?=(?:arrival\s+)?(?:rate|intensity)\b))?({_KIND})\b", clause)
    # ("$\lambda$ is the mean rate of arrivals": a rate)
    words += re.findall(r"(?i)\bshape[\s\-–—/]*(?:and\s+|-\s*)?((?:inverse[\s-]+)?(?:scale|rate))\b", clause)
    if family == "lognormal":
        words = [re.sub(r"(?i)^log[\s-]*", "", w) for w in words]
    named = {_kind_of(w) for w in words}
    return named.pop() if len(named) == 1 else "?" if "?" in named else ""


def _kind_of(word: str) -> str:
    """"rate", "scale", "mean", "variance", "precision" of a convention word (inverted: "inverse rate" → "scale");
    "?" for one transformed otherwise (a log, a root, an inverse mean)."""
    w = re.sub(r"[\s-]+", " ", word.lower()).strip()
    base = w.split()[-1]
    if w == base:
        return base
    if re.match(r"(?:inverse|reciprocal|1 ?/|one over)\b", w):
        return {"rate": "scale", "scale": "rate", "variance": "precision", "precision": "variance"}.get(base, "?")
    return "?"


def _sentences_about(text: str, masked: str, tokens: list[str], own: str) -> list[str]:
    """The sentences of ``text`` other than the draw's own (``own``) that speak of one of ``tokens`` (the drawn name,
    the parameters) as math of its own (``$b$``, ``$\\lambda$``): "Here $b$ is the length of the interval."."""
    spelled = [re.escape(t.strip()) for t in tokens if t.strip() and not re.fullmatch(r"[\d.\s]+", t)]
    if not spelled:
        return []
    mention = re.compile(rf"\$\s*(?:{'|'.join(spelled)})\s*\$")
    cuts = [0, *(m.end() for m in _SENTENCE_END.finditer(masked)), len(text)]
    out = []
    for lo, hi in zip(cuts, cuts[1:]):
        sentence = text[lo:hi]
        if mention.search(sentence) and sentence.strip() and sentence.strip() not in own:
            out.append(sentence)
    return out


_UNREAD_WORDS = re.compile(
    r"(?i)\b(?:inverse|reciprocal|one\s+over|length|width|span|duration|window|exposure|horizon|period|area|volume|"
    r"per|values?|taking|takes|signs?|spins?|odds|logit\w*|log(?!-?normal)\w*|square[\s-]+roots?|squared|half|twice|"
    r"double\w*|offset|fail\w*|radius|median|quantile|percent\w*|standardi[sz]ed|normali[sz]ed|dispersion|"
    r"concentration|standard\s+deviation|std|precision|temperature|"
    r"in\s+(?:the|this|that|reverse\w*|another|a\s+different)\s+order|order(?:ed|ing)?\s+(?:as|is|of|\()|"
    r"(?:argument|parameter)s?\s+order|reversed|swapped|transposed|"
    r"first\s+(?:argument|parameter)|second\s+(?:argument|parameter)|multipl\w*|divid\w*|times|"
    r"(?:sum|total|ratio|product|difference)\s+of)\b"
    r"|\\pm\b|\\mp\b|±|∓")
"""Words in a draw's clause (or a sentence about its name or parameters) that may give a parameter (or the drawn
name) a meaning the table does not read: an inverse or a log of it, a length or window it is a rate per, values
±1, the parameters in another order, … — the draw is then not read (unless ``_UNREAD_SPARED`` spares the
word)."""
_UNREAD_SPARED = {
    "exponential": re.compile(r"(?i)per|fail\w*"),  # (with rate λ per unit time, a failure rate: a waiting time's)
    "gamma": re.compile(r"(?i)per|fail\w*"),
    "lognormal": re.compile(r"(?i)log\w*"),          # ("whose log is normal")
}
_READ_CONVENTIONS = re.compile(r"(?i)\b(?:inverse|reciprocal)[\s-]+(?:of\s+(?:the\s+)?)?(?:rate|scale)\b")
"""Conventions read (``_kind_of``): an inverse rate is a scale, an inverse scale a rate."""

_ROLE_WORDS = {
    "probability": r"(?:success\s+)?probabilit(?:y|ies)|chance|bias",
    "trials": r"trials|attempts|(?:sample|population)\s+size|number\s+of\s+\w+|count",
    "shape": r"shapes?",
    "location": r"location|cent(?:er|re)|mode",
    "lower": r"lower|left|minimum|start",
    "upper": r"upper|right|maximum",
    "mean": r"mean|expectation|average",
    "variance": r"variance",
    "rate": r"rate|intensity",
    "scale": r"scale",
}
_ROLES_AT = {       # the roles the table reads each parameter in, by position
    "normal": ({"mean", "location"}, {"variance"}), "lognormal": ({"mean", "location"}, {"variance"}),
    "bernoulli": ({"probability", "mean"},), "binomial": ({"trials"}, {"probability"}),
    "poisson": ({"rate", "mean"},), "exponential": ({"rate", "scale", "mean"},),
    "beta": ({"shape"}, {"shape"}), "gamma": ({"shape"}, {"rate", "scale"}),
    "uniform": ({"lower"}, {"upper"}), "laplace": ({"location", "mean"}, {"scale", "rate"}),
    "gumbel": ({"location"}, {"scale", "rate"}),
}
_OF_THE_LOG = re.compile(r"(?i)\bof\s+(?:the\s+|its\s+)?(?:\$\s*\\(?:log|ln)|log|logarithm|underlying)|log[\s-]+scale|"
                         r"underlying\s+normal|\blog[\s-]+(?:mean|variance|location|sd)\b|对数")
"""Words that put a log-normal's mean and variance on the log scale ("the mean and variance of $\\log X$")."""
_PROBABILITY_LETTER = re.compile(r"\\?(?:p|q|pi|theta|rho|phi)(?:_\{?\w+\}?)?")
_COUNT_LETTER = re.compile(r"(?:n|N|m|M|T|K)(?:_\{?\w+\}?)?")


def _roles_named(words: str, param: str) -> set[str]:
    """The roles the words give ``param`` ("$p$ is the success probability", "number of trials $n$")."""
    spelled = re.escape(param.strip())
    out = set()
    for role, pattern in _ROLE_WORDS.items():
        if re.search(rf"(?i)\b(?:{pattern})\s+(?:parameter\s+|of\s+the\s+\w+\s+)?\$\s*{spelled}\s*\$", words) \
                or re.search(rf"(?i)\$\s*{spelled}\s*\$\s*(?:,\s*)?(?:(?:is|denotes|being|as|for|gives|sets)\s+)?"
                             rf"(?:(?:the|an?|its|our)\s+)?"
                             rf"(?:(?!(?:and|or|with|but|while|whereas|not)\b)[\w-]+\s+){{0,2}}?(?:{pattern})\b",
                             words):
            out.add(role)
    return out


_CONVENTION_VERB = re.compile(r"(?i)\b(?:written|writes?|writing|parametri[sz]\w*|specified|expressed)\s+(?:\w+\s+){0,3}?"
                              r"(?:by|in\s+terms\s+of|through|via|using|with)\b|\b(?:given|described)\s+by\s+(?:its|their)\b")
_FAMILY_WORD = {"normal": r"normal|gaussian", "lognormal": r"log-?normal", "bernoulli": r"bernoulli",
                "binomial": r"binomial", "poisson": r"poisson", "exponential": r"exponential", "beta": r"beta",
                "gamma": r"gamma", "uniform": r"uniform", "laplace": r"laplace", "gumbel": r"gumbel"}


def _family_convention(family: str, text: str) -> bool:
    """Whether a sentence of ``text`` says how the family's laws are written ("All Beta distributions in this
    note are written by their mean and concentration", "We write uniform laws by midpoint and half-length"):
    a convention of the text's that the table may not read, so its draws are not read."""
    word = _FAMILY_WORD.get(family)
    if word is None:
        return False
    prose = "\n".join(line for line in text.splitlines()
                      if not re.match(r"\s*(?:#|\\(?:sub)*section|\\title|\\paragraph)", line))   # (no headings)
    for sentence in re.split(r"(?<=[.!?。])\s+", _blank_math(prose)):
        if re.search(rf"(?i)\b(?:{word})\b", sentence) and _CONVENTION_VERB.search(sentence) \
                and not re.search(r"(?i)\b(?:function|density|pdf|pmf|cdf|integral)\b", sentence):
            return True
    return False


def _beside_the_draw(said: str, start: int, end: int, names: tuple[str, ...]) -> bool:
    """Whether the words at ``said[start:end]`` stand beside the draw, its name or one of its parameters (``names``):
    within 60 characters of the draw's own math (``$X \\sim …$``) or of a name written alone (``$b$``), in the same
    sentence ("inverse rate $\\beta$", "$b$ the length of the interval" — not "concentration $\\kappa = a + b$" of a
    reparametrisation after it)."""
    lo, hi = max(0, start - 60), min(len(said), end + 60)
    for m in re.finditer(r"\$\$?((?:[^$]|\n)*?)\$\$?", said):
        if m.end() < lo or m.start() > hi:
            continue
        inner = m.group(1).strip()
        between = said[min(m.end(), end):max(m.start(), start)]
        if re.search(r"[.;!?。；！？]\s", _math_masked(between)):
            continue
        if "\\sim" in inner or any(inner == p.strip() for p in names if p.strip()):
            return True
    return False


def _meaning_unread(family: str | None, params: tuple[str, ...], clause: str, about: list[str], name: str = "") -> bool:
    """Whether the words about a draw (its own clause, the sentences about its name or parameters) may give a
    parameter a meaning other than the table's: a word of ``_UNREAD_WORDS`` (an inverse variance, a length, a
    window, values ±1, "in the order (success probability, trials)"), a parameter given the role of another
    position ("$p$ is the success probability" of Binomial(p, n)), or a binomial's parameters written as
    Binomial(p, n).  Such a draw is not read: its moments stay unknown (never the default's)."""
    if family not in _ROLES_AT:
        return False
    said = " ".join([clause, *about])
    spared = _UNREAD_SPARED.get(family, _NEVER)
    if any(not spared.fullmatch(m.group(0)) and _beside_the_draw(said, m.start(), m.end(), (*params, name))
           for text in (_READ_CONVENTIONS.sub(lambda r: " " * len(r.group(0)), _math_masked(said)),)
           for m in _UNREAD_WORDS.finditer(text)) \
            or re.search(r"\\pm\b|\\mp\b|±|∓|\\\{\s*-\s*1\s*,", said) \
            or family in ("bernoulli", "binomial") and re.search(r"\$\s*-\s*1\s*\$", said):
        return True                 # (a Bernoulli "$1$ with probability $p$ and $-1$ otherwise": a sign)
    if family == "binomial" and len(params) == 2 and _PROBABILITY_LETTER.fullmatch(params[0].strip()) \
            and _COUNT_LETTER.fullmatch(params[1].strip()):
        return True                 # Binomial(p, n): the parameters in another order than the table's (n, p)
    for k, param in enumerate(params):
        if re.fullmatch(r"[\d.\s]+", param) or k >= len(_ROLES_AT[family]):
            continue
        allowed = set().union(*(_ROLES_AT[family][j] for j, q in enumerate(params) if q.strip() == param.strip()))
        if family == "lognormal" and not _OF_THE_LOG.search(said):
            allowed -= {"mean", "variance"}     # ("LogNormal(μ, σ²) with mean μ and variance σ²": X's own mean?)
        if _roles_named(said, param) - allowed:
            return True
    return False


class _Unknown(Exception):
    """An expectation the table does not give."""


def _normal_raw(k: int, mu: sp.Expr, var: sp.Expr) -> sp.Expr:
    return sp.Add(*(sp.binomial(k, j) * mu ** (k - j) * var ** (j // 2) * sp.factorial2(j - 1)
                    for j in range(0, k + 1, 2)))


_HIGHEST = 40
"""The highest raw moment written out (a Var of X^20 needs E[X^40])."""


class _Family:
    """The moments of one parameterized family (``family`` with its parameters ``p``)."""

    def __init__(self, family: str, p: tuple[sp.Expr, ...]):
        self.family, self.p = family, p

    def ranges(self) -> list[sp.Basic]:
        f, p = self.family, self.p
        if f in ("normal", "lognormal"):
            return [sp.Gt(p[1], 0)]
        if f == "bernoulli":
            return [sp.Le(0, p[0]), sp.Le(p[0], 1)]
        if f == "binomial":
            return [sp.Ge(p[0], 0), sp.Le(0, p[1]), sp.Le(p[1], 1)]
        if f in ("poisson", "exponential"):
            return [sp.Gt(p[0], 0)]
        if f in ("beta", "gamma"):
            return [sp.Gt(p[0], 0), sp.Gt(p[1], 0)]
        if f == "uniform":
            return [sp.Lt(p[0], p[1])]
        if f in ("laplace", "gumbel"):
            return [sp.Gt(p[1], 0)]
        return []

    def cdf(self, c: sp.Expr) -> sp.Expr:
        """P(X ≤ c) of a continuous family (P(X < c) too), or :class:`_Unknown` for the others."""
        f, p = self.family, self.p
        if f == "exponential":
            return sp.Piecewise((1 - sp.exp(-p[0] * c), c >= 0), (0, True))
        if f == "uniform":
            return sp.Piecewise((0, c < p[0]), ((c - p[0]) / (p[1] - p[0]), c <= p[1]), (1, True))
        if f == "laplace":
            return sp.Piecewise((sp.exp((c - p[0]) / p[1]) / 2, c < p[0]), (1 - sp.exp(-(c - p[0]) / p[1]) / 2, True))
        if f == "normal":
            return (1 + sp.erf((c - p[0]) / sp.sqrt(2 * p[1]))) / 2
        if f == "lognormal":
            return sp.Piecewise(((1 + sp.erf((sp.log(c) - p[0]) / sp.sqrt(2 * p[1]))) / 2, c > 0), (0, True))
        if f == "gumbel":
            return sp.exp(-sp.exp(-(c - p[0]) / p[1]))
        raise _Unknown

    def symmetric_about(self) -> sp.Expr | None:
        """The centre of a family symmetric about it (a normal's mean, a Laplace's location), else None."""
        return self.p[0] if self.family in ("normal", "laplace") else None

    def raw(self, k: int) -> sp.Expr:
        """E[X^k] for an integer k ≥ 0 (up to ``_HIGHEST``: E[K^600] of a binomial takes minutes to write out)."""
        f, p = self.family, self.p
        if k > _HIGHEST:
            raise _Unknown
        if k == 0:
            return sp.Integer(1)
        if f == "normal":
            return _normal_raw(k, p[0], p[1])
        if f == "lognormal":
            return sp.exp(k * p[0] + sp.Rational(k * k, 2) * p[1])
        if f == "bernoulli":
            return p[0]
        if f == "binomial":
            n, q = p
            return sp.Add(*(stirling(k, j) * sp.ff(n, j) * q ** j
                            for j in range(1, k + 1)))
        if f == "poisson":
            return sp.Add(*(stirling(k, j) * p[0] ** j for j in range(1, k + 1)))
        if f == "exponential":
            return sp.factorial(k) / p[0] ** k
        if f == "gamma":
            return sp.rf(p[0], k) / p[1] ** k
        if f == "beta":
            return sp.rf(p[0], k) / sp.rf(p[0] + p[1], k)
        if f == "uniform":
            a, b = p
            return (b ** (k + 1) - a ** (k + 1)) / ((k + 1) * (b - a))
        if f == "laplace" and k <= 2:
            mu, b = p
            return mu if k == 1 else mu ** 2 + 2 * b ** 2
        if f == "gumbel" and k <= 2:
            mu, beta = p
            mean = mu + beta * sp.EulerGamma
            return mean if k == 1 else mean ** 2 + sp.pi ** 2 * beta ** 2 / 6
        raise _Unknown

    def power(self, k: sp.Expr) -> sp.Expr:
        """E[X^k] for a k that is no natural number (a log-normal's any real k)."""
        if self.family == "lognormal":
            return sp.exp(k * self.p[0] + k ** 2 * self.p[1] / 2)
        raise _Unknown

    def mgf(self, t: sp.Expr) -> sp.Expr:
        """E[e^{tX}]."""
        f, p = self.family, self.p
        if f == "normal":
            return sp.exp(p[0] * t + p[1] * t ** 2 / 2)
        if f == "bernoulli":
            return 1 - p[0] + p[0] * sp.exp(t)
        if f == "binomial":
            return (1 - p[1] + p[1] * sp.exp(t)) ** p[0]
        if f == "poisson":
            return sp.exp(p[0] * (sp.exp(t) - 1))
        raise _Unknown

    def log_moment(self, k: int, complement: bool = False) -> sp.Expr:
        """E[(log X)^k] (or of log(1 − X)) for k = 1, 2."""
        f, p = self.family, self.p
        if f == "beta":
            a, b = (p[1], p[0]) if complement else p
            mean = sp.digamma(a) - sp.digamma(a + b)
            return mean if k == 1 else sp.polygamma(1, a) - sp.polygamma(1, a + b) + mean ** 2
        if complement:
            raise _Unknown
        if f == "lognormal":
            return p[0] if k == 1 else p[1] + p[0] ** 2
        if f == "gamma":                    # shape a, rate b
            mean = sp.digamma(p[0]) - sp.log(p[1])
            return mean if k == 1 else sp.polygamma(1, p[0]) + mean ** 2
        if f == "exponential":              # a gamma of shape 1
            mean = -sp.EulerGamma - sp.log(p[0])
            return mean if k == 1 else sp.pi ** 2 / 6 + mean ** 2
        raise _Unknown


_BY_READ = {
    "normal": ("", "variance"), "lognormal": ("", "variance"), "poisson": ("", "rate", "mean"),
    "bernoulli": ("", "mean"), "gamma": ("", "rate", "scale"), "exponential": ("", "rate", "scale", "mean"),
    "laplace": ("", "scale", "rate"), "gumbel": ("", "scale", "rate"),
}
"""How the words may give a family's last parameter (``Draw.by``) for the table to read it; by default only
unnamed."""


def _family(draw: Draw, parse) -> _Family | None:
    """The family of ``draw`` with its parameters read by ``parse`` (TeX → SymPy), in the parameterization of
    the table; None where the notes' parameterization is not settled."""
    try:
        p = tuple(parse(t) for t in draw.params)
    except Exception:  # noqa: BLE001 - a parameter not read: no moments
        return None
    f = draw.family
    if draw.by not in _BY_READ.get(f, ("",)):
        return None                 # (a normal "with precision τ", a beta "with rate b", a "log-rate": not read)
    if f in ("normal", "lognormal") and not (isinstance(p[1], sp.Pow) and p[1].exp == 2 or p[1] == 1
                                             or isinstance(p[1], sp.Mul) and any(isinstance(q, sp.Pow) and q.exp == 2
                                                                                 for q in p[1].args)):
        return None                 # N(μ, σ), N(0, σ_0), N(μ, β^{-1}): a standard deviation, a precision, a variance?
    if any(q.atoms(sp.Indexed) or any(x.name in ("I", "Sigma") for x in q.free_symbols) for q in p):
        return None                 # N(0, I), N(μ, Σ): a vector's draw
    if f == "gamma":
        if draw.by == "mean":
            return None             # (a gamma "with mean θ": which parameterization is that?)
        if draw.by == "scale":
            p = (p[0], 1 / p[1])
        elif draw.by != "rate":
            return None             # Gamma(α, β): a rate or a scale?
    if f in ("laplace", "gumbel") and draw.by == "rate":
        p = (p[0], 1 / p[1])        # (Laplace(μ, b) with inverse scale b: its scale is 1/b)
    if f == "exponential":
        if draw.by in ("scale", "mean"):
            p = (1 / p[0],)
        elif draw.by != "rate":
            return None             # Exp(λ): a rate or a scale (a mean)? read only where the words say which
    return _Family(f, p)


def _expectation(f: sp.Expr, x: sp.Basic, fam: _Family) -> sp.Expr:
    """E[f(X)] for X ~ ``fam`` written as ``x`` in ``f`` (every other name a constant), or :class:`_Unknown`."""
    f = sp.expand(f)
    if not f.has(x):
        return f
    if f.is_polynomial(x):
        if sp.degree(f, x) > _HIGHEST:
            raise _Unknown
        poly = sp.Poly(f, x)
        return sp.Add(*(c * fam.raw(int(k)) for (k,), c in poly.terms()))
    out = []
    for term in sp.Add.make_args(f):
        constant = sp.Mul(*(c for c in sp.Mul.make_args(term) if not c.has(x)))
        rest = sp.Mul(*(c for c in sp.Mul.make_args(term) if c.has(x)))
        out.append(constant * _one_term(rest, x, fam))
    return sp.Add(*out)


def _one_term(g: sp.Expr, x: sp.Basic, fam: _Family) -> sp.Expr:
    if g == x:
        return fam.raw(1)
    if isinstance(g, sp.Pow) and g.base == x and not g.exp.has(x):
        if g.exp.is_Integer and g.exp >= 0:
            return fam.raw(int(g.exp))
        return fam.power(g.exp)
    if isinstance(g, sp.exp):
        t = sp.expand(g.args[0])
        slope = t.coeff(x, 1) if t.is_polynomial(x) and sp.degree(t, x) == 1 else None
        if slope is not None:
            return sp.exp(t - slope * x) * fam.mgf(slope)
    for k, log in ((1, g), (2, g.base if isinstance(g, sp.Pow) and g.exp == 2 else None)):
        if isinstance(log, sp.log) and log.args[0] == x:
            return fam.log_moment(k)
        if isinstance(log, sp.log) and sp.expand(log.args[0] - (1 - x)) == 0:
            return fam.log_moment(k, complement=True)
    raise _Unknown


_RANDOM_IN_WORDS = re.compile(
    r"(?i)\$\s*\\?(?P<a>[A-Za-z]+)\s*\$\s*(?:,\s*)?(?:be|is|being|are|itself|too|also|as\s+well)\s+(?:(?:a|an)\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:random|uniform\w*|normal\w*|gaussian|exponential\w*|distributed|drawn|sampled|"
    r"stochastic|noisy|poisson|binomial|bernoulli|beta|gamma|unknown)\b|"
    r"\b(?:random|stochastic|uniform|sampled|drawn|(?:hyper)?priors?\s+(?:on|over|for|of))\s+(?:[\w-]+\s+){0,3}?"
    r"\$\s*\\?(?P<b>[A-Za-z]+)\s*\$")
"""A name the words make random ("The slope $t$ is itself random, uniform on [0, 1]", "a random $t$")."""


def random_in_words(text: str) -> frozenset[str]:
    """The names the words make random (see ``_RANDOM_IN_WORDS``): never a constant of a moment."""
    return frozenset(m.group("a") or m.group("b") for m in _RANDOM_IN_WORDS.finditer(text))


def _constants_only(arg: sp.Expr, x: sp.Basic, fam: _Family, random: frozenset[str] = frozenset()) -> bool:
    """Whether each other name in ``arg`` is surely no random one: a parameter of the family, or a power or a
    slope of x (``X^k``, ``e^{kY}``), and none the words make random.  A name beside x otherwise (``E[X Z]``)
    may be drawn too, in words."""
    if {s.name for s in arg.free_symbols - {x}} & random:
        return False
    known = set().union(*(q.free_symbols for q in fam.p))
    slopes: set = set()
    for power in arg.atoms(sp.Pow):
        if power.base.has(x):
            slopes |= power.exp.free_symbols
    for e in arg.atoms(sp.exp):
        if e.args[0].has(x):
            slopes |= sp.expand(e.args[0]).coeff(x).free_symbols
    known |= {s for s in slopes if re.fullmatch(r"[a-z]", s.name)}    # X^k, e^{tY}: a power or a slope written
    return arg.free_symbols - {x} <= known                             # as a small letter (E[e^{ZW}]: Z may be random)


_EVENT = re.compile(r"^(?:P|Pr|P_bb)\(_(?P<op><=|>=|<|>)_\)$")
"""A probability of one inequality the reader built (``P(_>_)(X, t)``)."""


def _event_probability(node: sp.Basic, x: sp.Basic, fam: _Family) -> sp.Expr | None:
    """P(X ≤ c), P(X > c), P(|X − m| > c) (m the centre of a symmetric family) of a continuous X ~ ``fam``, c free
    of X; None for any other event (a discrete family: P(N ≥ c) at a non-whole c needs care; not read)."""
    m = _EVENT.match(str(node.func)) if isinstance(node, sp.core.function.AppliedUndef) and len(node.args) == 2 else None
    if m is None:
        return None
    left, right = node.args
    op = m.group("op")
    if x in right.free_symbols or x not in left.free_symbols:
        return None
    try:
        if left == x:
            below = fam.cdf(right)
            return below if op in ("<", "<=") else 1 - below
        centre = fam.symmetric_about()
        if centre is not None and left in (sp.Abs(x - centre), sp.Abs(centre - x)):
            two_sided = 2 * (1 - fam.cdf(centre + right))
            inside = sp.Piecewise((two_sided, right >= 0), (1, True))
            return inside if op in (">", ">=") else 1 - inside
    except _Unknown:
        return None
    return None


def _statistic(node: sp.Basic) -> str:
    """"E" or "Var" for an unsubscripted, unconditional expectation or variance the reader built, else ""."""
    if not isinstance(node, sp.core.function.AppliedUndef) or len(node.args) != 1:
        return ""
    name = str(node.func)
    return {"E[_]": "E", "E(_)": "E", "Var[_]": "Var", "Var(_)": "Var"}.get(name, "")


def _named_draws(draws: dict[str, Draw], parse) -> dict[str, Draw]:
    """Each draw by the name of its drawn symbol as read (by name: the reader's assumptions on it may differ)."""
    named: dict[str, Draw] = {}
    for draw in draws.values():
        try:
            name = parse(draw.name)
        except Exception:  # noqa: BLE001 - a name not read: not drawn
            continue
        if isinstance(name, sp.Symbol):
            named[name.name] = draw
    return named


def statistic_of_a_draw(expr: sp.Basic, draws: dict[str, Draw], parse) -> bool:
    """Whether ``expr`` holds an expectation or a variance of a drawn name (``E[|Z|^k]`` of Z ~ N(0, 1)) — one
    :func:`moments_written_out` could not write out: its value is the family's, so a relation giving it one is a
    claim (perhaps a wrong one), never a definition."""
    names = _named_draws(draws, parse)
    return any(_statistic(node) and any(x.name in names for x in node.args[0].free_symbols)
               for node in expr.atoms(sp.core.function.AppliedUndef))


def moments_written_out(expr: sp.Basic, draws: dict[str, Draw], parse, unfold=lambda e: e,
                        random: frozenset[str] = frozenset()) -> tuple[sp.Basic, list[sp.Basic], list[str]]:
    """``expr`` with each expectation and variance of one drawn name written out (see the module), the ranges of
    the parameters used, and a note for each (``E[X] of X ~ beta(alpha, beta)``).  ``parse`` reads a parameter's
    TeX; ``unfold`` writes the names the text defines (X := e^Y) out in an argument first; ``random`` names (made
    random in words) are no constants beside the drawn name."""
    if not draws:
        return expr, [], []
    ranges: list[sp.Basic] = []
    notes: list[str] = []
    named = _named_draws(draws, parse)

    def drawn_in(arg: sp.Basic) -> list[tuple[sp.Basic, Draw]]:
        return [(atom, named[atom.name]) for atom in arg.free_symbols if atom.name in named]

    def write_event(node: sp.Basic) -> sp.Basic:
        found = drawn_in(node.args[0])
        if len(found) != 1 or found[0][0] in node.args[1].free_symbols or drawn_in(node.args[1]):
            return node         # (P(X < Y) of two drawn names: Y is no constant)
        (x, draw), = found
        fam = _family(draw, parse)
        if fam is None or {q.name for p in fam.p for q in p.free_symbols} & random \
                or node.args[1].free_symbols & {sp.Symbol(n) for n in random}:
            return node
        value = _event_probability(node, x, fam)
        if value is None:
            return node
        ranges.extend(r for r in fam.ranges() if r not in ranges and r is not sp.true)
        notes.append(f"{sp.sstr(node)} written out from {x} ~ {draw.family}({', '.join(draw.params)}) (line {draw.line})")
        return value

    def write(node: sp.Basic) -> sp.Basic:
        if _EVENT.match(str(getattr(node, "func", ""))) and len(node.args) == 2:
            return write_event(node)
        kind = _statistic(node)
        if not kind:
            return node
        arg = node.args[0]
        for opened in dict.fromkeys((arg, unfold(arg))):    # the name drawn as written, else what it unfolds to
            value = _written(kind, opened)                  # (g drawn from a Gumbel and set to −log(−log u))
            if value is not None:
                break
        else:
            return node
        return value

    def _written(kind: str, opened: sp.Basic) -> sp.Basic | None:
        found = drawn_in(opened)
        if len(found) != 1:
            return None
        (x, draw), = found
        fam = _family(draw, parse)
        if fam is None or not _constants_only(opened, x, fam, random) \
                or {q.name for p in fam.p for q in p.free_symbols} & random:
            return None         # (X ~ Beta(a, b) and "$b$ is itself random": no moment of a fixed b)
        try:
            mean = _expectation(opened, x, fam)
            value = mean if kind == "E" else _expectation(opened ** 2, x, fam) - mean ** 2
        except (_Unknown, sp.PolynomialError, ValueError, TypeError):
            return None
        ranges.extend(r for r in fam.ranges() if r not in ranges and r is not sp.true)
        notes.append(f"{kind}[{sp.sstr(opened)}] written out from {x} ~ {draw.family}({', '.join(draw.params)}) "
                     f"(line {draw.line})")
        return value

    out = expr.replace(lambda e: bool(_statistic(e)) or isinstance(e, sp.core.function.AppliedUndef)
                       and bool(_EVENT.match(str(e.func))), write)
    return out, ranges, notes
