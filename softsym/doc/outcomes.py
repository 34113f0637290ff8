"""Outcomes: letters a document sums over as the points of one finite set (``\\sum_x p(x) \\log q(x)``,
``Z = \\sum_{x \\in \\mathcal{X}} e^{-\\beta E(x)}``), so that the reader takes ``p(x)`` for the value of
p at x (``Context.outcomes``), not for a product p·x nor an unknown function.

A letter is an outcome when the document
* sums over it without bounds (``\\sum_x``, ``\\sum_{x}``, ``\\sum_{x \\in \\mathcal{X}}``), and never
  with bounds (``\\sum_{x=1}^{n}``: then it counts, it is a number);
* applies a name to it alone (``p(x)``, ``E(x)``, ``p_\\beta(x)``) somewhere;
* never writes it with a subscript (``x_i``: then x is a vector, and ``E(x)`` a function of it).

All the sets its outcome sums name must be one set: two sets (``\\mathcal{X}`` and ``\\mathcal{Y}``)
would be read as having the same number of elements, so then no letter is an outcome.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

_SET = r"\\math(?:cal|scr|bb|sf)\s*\{\s*[A-Z]\s*\}|\\Omega\b|[A-Z](?![A-Za-z])"
_SUM_OVER = re.compile(rf"\\sum\s*_\s*(?:\{{\s*(?P<braced>[A-Za-z])\s*(?:\\in\s*(?P<set>{_SET})\s*)?\}}"
                       rf"|(?P<bare>[A-Za-z])(?![A-Za-z]))(?!\s*\^)")
_BOUNDED = r"\\sum\s*_\s*\{{\s*{letter}\s*(?:=|\\(?:ge|geq|le|leq|ne|neq)\b|[<>])|\\sum\s*_\s*\{{?\s*{letter}\s*\}}?\s*\^"
_APPLIED = r"(?<![A-Za-z\\])(?P<name>[A-Za-z]|\\[A-Za-z]+)(?:\s*_\s*(?:\\[A-Za-z]+|\{{\s*\\[A-Za-z]+\s*\}}))?" \
           r"\s*(?:\\left\s*)?\(\s*{letter}\s*(?:\\right\s*)?\)"
_NOT_APPLIED = frozenset({"\\sigma", "\\log", "\\ln", "\\exp", "\\tanh", "\\sin", "\\cos", "\\tan", "\\sinh", "\\cosh",
                          "\\sqrt", "\\left", "\\big", "\\Big", "\\bigg", "\\Bigg", "\\mathrm", "\\operatorname",
                          "\\text", "\\frac", "\\cdot", "\\max", "\\min", "\\sum", "\\prod", "\\quad", "\\qquad"})


_STATE_WORDS = re.compile(r"(?i)\b(?:states?|outcomes?|levels?|configurations?|elements?|classes|categories|"
                          r"microstates?)\b|状态|结果|类别|能级")
_SAMPLE_WORDS = re.compile(r"(?i)\b(?:samples?|sampled|draws?|drawn|drawing|i\.?i\.?d\.?|observations?|observed|data|"
                           r"points?|examples?|measurements?|replacement|repeat\w*|trials?)\b|样本|采样|抽取|观测")


def states_listed(lines: Iterable[str]) -> frozenset[str]:
    """Letters whose listing ``$x_1, \\dots, x_K$`` a sentence calls the states or outcomes ("list the states as
    …"), never a sample ("draw i.i.d. points $x_1, \\dots, x_n$", "outcomes repeat"): those x_k are the points
    of the set, and x stays its outcome."""
    out: set[str] = set()
    for line in lines:
        for sentence in re.split(r"(?<=[.!?;。！？；])\s*", line):
            words = re.sub(r"\$[^$]*\$", " ", sentence)
            if not _STATE_WORDS.search(words) or _SAMPLE_WORDS.search(words):
                continue
            out.update(m.group(1) for m in re.finditer(
                r"\$\s*([A-Za-z])\s*_\s*\{?\s*[0-9]\s*\}?\s*,\s*(?:\1\s*_\s*\{?\s*[0-9]\s*\}?\s*,\s*)?"
                r"(?:\\[lc]?dots|\\cdots|…|\.\.\.)\s*,\s*\1\s*_", sentence))
    return frozenset(out)


def _listing(letter: str) -> re.Pattern:
    """The outcomes listed by their letter (``x_1, \\dots, x_K``, ``x_1, x_2, \\ldots``) or one of them given to
    a name (``E(x_k)``): the points of the set by number, which leave the letter an outcome."""
    entry = rf"(?<![A-Za-z\\]){letter}\s*_\s*(?:\{{\s*[A-Za-z0-9]+\s*\}}|[A-Za-z0-9])"
    return re.compile(rf"{entry}(?:\s*,\s*(?:(?:\\[lc]?dots|\\cdots|…|\.\.\.)\s*,?\s*)?{entry})+(?:\s*,\s*(?:\\[lc]?dots|…|\.\.\.))?"
                      rf"|(?<=\()\s*{entry}\s*(?=\))")


def _unlisted(letter: str, text: str) -> str:
    """``text`` without the listings of the outcomes by ``letter`` (see ``_listing``)."""
    return _listing(letter).sub(" ", text)


def outcome_letters(maths: Iterable[str], listed: frozenset[str] = frozenset()) -> frozenset[str]:
    """The letters the math of a document (its displays and inline formulas) uses as outcomes; ``listed``:
    letters whose listings (``x_1, \\dots, x_K``) the words call the states (see ``states_listed``)."""
    maths_list = list(maths)
    text = "\n".join(maths_list)
    sums: dict[str, set[str]] = {}
    for m in _SUM_OVER.finditer(text):
        letter = m.group("braced") or m.group("bare")
        sums.setdefault(letter, set())
        if m.group("set"):
            sums[letter].add(re.sub(r"\s+", "", m.group("set")))
    out = set()
    for letter, sets in sums.items():
        if re.search(_BOUNDED.format(letter=letter), text) \
                or re.search(rf"(?<![A-Za-z\\]){letter}\s*_", _unlisted(letter, text) if letter in listed else text) \
                or _as_a_number(letter, maths_list, listed):
            # (x_1, …, x_K listing the states, E(x_k) = E_k: still the outcomes x)
            continue
        applied = [m.group("name") for m in re.finditer(_APPLIED.format(letter=letter), text)]
        if any(name not in _NOT_APPLIED for name in applied):
            out.add(letter)
    named_sets = {s for letter in out for s in sums[letter]}
    return frozenset(out) if len(named_sets) <= 1 and len(out) <= 1 else frozenset()
    # (two letters, \sum_x and \sum_y: two sets, whose sizes nothing relates — none is read)


def _as_a_number(letter: str, maths: list[str], listed: frozenset[str] = frozenset()) -> bool:
    """Whether the math uses ``letter`` as a number anywhere: outside ``\\sum_x``, a subscript ``_x``, a
    decorated name (``\\bar{y}``), ``x \\in …``, ``y = 1`` (a label compared), the arguments of a name's
    application (``p(x)``, ``P(Y = y | x)``, ``P\\{y | x\\}``; not of ``\\cos``, ``\\exp``, …) and a formula that is
    the letter alone (``$x$``) — ``g(x) := x``, ``x\\,p(x)``, ``\\lfloor x \\rfloor``: then its values are not
    labels, and no ``p(x)`` is read as an entry."""
    call = re.compile(r"(?<![A-Za-z\\])(?:\\[A-Za-z]+\s*\{\s*\\?[A-Za-z]+\s*\}|\\?(?!(?:cos|sin|tan|exp|log|ln|sqrt|tanh|sinh|"
                      r"cosh|lfloor|lceil|max|min|frac|left|right|big|Big|bigg|Bigg)\b)[A-Za-z]+)(?:\s*_\s*(?:\\[A-Za-z]+|\{[^{}]*\}|[A-Za-z]))?"
                      r"\s*(?:\\left\s*)?(?:\([^()]*\)|\\\{(?:[^{}]|\{[^{}]*\})*\\\})")
    allowed = re.compile(rf"\\sum\s*_\s*\{{\s*{letter}\s*(?:\\in\s*[^{{}}]*(?:\{{[^{{}}]*\}}[^{{}}]*)?)?\}}|\\sum\s*_\s*{letter}(?![A-Za-z])"
                         rf"|_\s*\{{?\s*{letter}\s*\}}?|\\[A-Za-z]+\s*\{{\s*{letter}\s*\}}|(?<![A-Za-z\\]){letter}\s*\\in\b"
                         rf"|(?<![A-Za-z\\:]){letter}\s*(?:=|\\neq?\b)(?!=)")     # P(y = 1 | x), 1\{{y = k\}}
    for math in (_unlisted(letter, m) if letter in listed else m for m in maths):   # (x_1, …, x_K: the states)
        if re.fullmatch(rf"\s*{letter}\s*'?\s*", math):
            continue
        rest = allowed.sub(" ", call.sub(" ", call.sub(" ", math)))
        if re.search(rf"(?<![A-Za-z\\]){letter}(?![A-Za-z])", rest):
            return True
    return False


_COUNTED = re.compile(r"(?i)\$\s*(?P<name>[A-Za-z]|\\[A-Za-z]+)\s*\$\s*(?:possible\s+|distinct\s+|discrete\s+|different\s+)?"
                      r"(?:outcomes?|states?|classes|categories|values|elements|points|labels|actions|symbols|"
                      r"configurations|faces|words|tokens)\b|\$\s*\(?\s*(?P<name2>[A-Za-z])\s*\)?\s*\$\s*个\s*(?:结果|状态|类别|类|取值|元素)")
_CARDINALITY = re.compile(r"\|\s*\\math(?:cal|scr|bb)\s*\{\s*[A-Z]\s*\}\s*\|\s*=\s*(?P<name>[A-Za-z]|\\[A-Za-z]+)(?![A-Za-z])|"
                          r"\\math(?:cal|scr|bb)\s*\{\s*[A-Z]\s*\}\s*=\s*(?:\\left\s*)?\\\{\s*1\s*,\s*(?:2\s*,\s*)?\\[lc]?dots\s*,\s*"
                          r"(?P<end>[A-Za-z])\s*(?:\\right\s*)?\\\}")


def outcome_count_named(lines: Iterable[str], letters: Iterable[str] = ()) -> str | None:
    """The name the words give the number of outcomes ("a distribution over $K$ outcomes", "$n$ states",
    "$|\\mathcal{X}| = n$", "$K$ 个类别", the states listed "$x_1, \\dots, x_K$" by an outcome letter), when
    they give one and only one; else None."""
    names = set()
    listed = [re.compile(rf"(?<![A-Za-z\\]){x}\s*_\s*\{{?\s*1\s*\}}?\s*,\s*(?:{x}\s*_\s*\{{?\s*2\s*\}}?\s*,\s*)?"
                         rf"(?:\\[lc]?dots|\\cdots|…|\.\.\.)\s*,\s*{x}\s*_\s*\{{?\s*(?P<name>[A-Za-z])\s*\}}?(?![A-Za-z0-9_])")
              for x in letters]
    for line in lines:
        for pattern in listed:
            names.update(m.group("name") for m in pattern.finditer(line))
        for m in (*_COUNTED.finditer(line), *_CARDINALITY.finditer(line)):
            name = m.group("name") or m.groupdict().get("name2") or m.groupdict().get("end") or ""
            if name and not re.fullmatch(r"\\(?:infty|mathcal|mathbb)", name):
                names.add(name.lstrip("\\"))
    return next(iter(names)) if len(names) == 1 else None


_PROBABILITY_ROOTS = frozenset({"p", "q", "P", "Q", "\\pi"})
"""Letters that name a distribution when applied to an outcome (``p(x)``, ``q(x)``, ``p_\\beta(x)``)."""


def outcome_distributions(maths: Iterable[str], outcomes: frozenset[str]) -> frozenset[str]:
    """The families (as the reader spells them: ``p``, ``q``, ``p_beta``, ``pi``) that are distributions
    over the outcomes by their letter: ``p(x)``, ``q(x)``, ``p_\\beta(x)``.  Their entries lie in [0, 1] and
    sum to 1 as the text means them; a counterexample elsewhere only doubts (it is looked for again on
    the simplex), nothing is assumed in a proof."""
    text = "\n".join(maths)
    out = set()
    for letter in outcomes:
        pattern = _APPLIED.format(letter=letter).replace(r"(?:\s*_\s*(?:", r"(?P<sub>\s*_\s*(?:", 1)
        for m in re.finditer(pattern, text):
            if m.group("name") not in _PROBABILITY_ROOTS:
                continue
            sub = re.sub(r"[\s_{}\\]", "", m.group("sub") or "")
            out.add(m.group("name").lstrip("\\") + (f"_{sub}" if sub else ""))
    return frozenset(out)


_VALUE_LETTERS = frozenset("uvwxyz")
"""Letters that name values rather than count (``x``, ``y``): summed over without bounds and used as numbers,
their values are what the text lists or means, not the labels 1, 2, …"""


def summed_values(maths: Iterable[str], listed: frozenset[str] = frozenset()) -> frozenset[str]:
    """Letters of ``_VALUE_LETTERS`` the math sums over without bounds (``\\sum_x``) and also uses as numbers
    (``g(x) := x``, ``x\\,p(x)``): a sum over such a letter is not read (over which values?)."""
    maths_list = list(maths)
    text = "\n".join(maths_list)
    letters = {m.group("braced") or m.group("bare") for m in _SUM_OVER.finditer(text)} & _VALUE_LETTERS
    return frozenset(x for x in letters if not re.search(_BOUNDED.format(letter=x), text)
                     and _as_a_number(x, maths_list, listed))
