"""The constants a text uses as names of its own: ``e`` (an error, ``Let $e = y - t$``) and π (a prior
or a Bernoulli parameter, ``$\\pi \\in (0, 1)$``, ``$\\pi \\approx 0.01$``).

Where the text gives the letter such a value, it is that name to the end of the section (a
declaration ``e: real`` / ``pi: real`` there); elsewhere it is the constant — but a relation that
writes the letter outside that reach is neither proved nor refuted on the constant's reading (the
text uses the letter both ways: which one it means there is not clear).  Only evidence the constant
cannot satisfy names a letter: a value in other names, or a number, a range or an interval that
leaves π ≈ 3.14159 out (π).  ``0 \\le x \\le \\pi``, ``\\theta = \\pi`` are about the constant.
"""
from __future__ import annotations

import math
import re

from .approximate import listed_entries

DECLARATIONS = {"e": "e: real", "pi": "pi: real"}
"""The declaration that makes each letter a name of the text."""

_BINDERS = re.compile(r"\\(?:lim|sum|prod|int|iint|oint|sup|inf|max|min|mathbb\s*\{?\s*E)(?![A-Za-z])")
_GREEK = r"alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|kappa|lambda|mu|nu|xi|rho|sigma|tau|" \
         r"phi|varphi|chi|psi|omega|ell|Delta|Gamma|Theta|Lambda|Sigma|Phi|Psi|Omega"
_OTHER_NAME = re.compile(rf"(?<![A-Za-z\\])(?!e(?![A-Za-z]))[A-Za-z](?![A-Za-z])|\\(?:{_GREEK})(?![A-Za-z])")
_LAYOUT = re.compile(r"\\(?:left|right|big|Big|bigg|Bigg|frac|dfrac|tfrac|cdot|times|mathrm|operatorname|text|"
                     r"mathbf|boldsymbol|bm)(?![A-Za-z])|\^\s*\{?\s*(?:\\top|T)\s*\}?")
_NUMBER = r"-?\d+(?:\.\d+)?(?:/\d+)?|-?\.\d+|10\^\{?-?\d+\}?"
_PI_INTERVAL = re.compile(rf"\\pi\s*\\in\s*[(\[]\s*({_NUMBER})\s*,\s*({_NUMBER})\s*[)\]]")
_PI_BETWEEN = re.compile(rf"({_NUMBER})\s*(?:<|\\le|\\leq|\\lt)\s*\\pi\s*(?:<|\\le|\\leq|\\lt)\s*({_NUMBER})")
_SPACING = re.compile(r"\\(?:left|right|big|Big|bigg|Bigg)(?![A-Za-z])|\\[,;:! ]|\\(?:quad|qquad)(?![A-Za-z])")
_FRACTION = re.compile(r"\\[dt]?frac\s*(?:\{\s*(\d+)\s*\}|(\d))\s*(?:\{\s*(\d+)\s*\}|(\d))")


def _plain(tex: str) -> str:
    """``tex`` with spacing and sizing dropped and number fractions written a/b (``\\tfrac12`` → 1/2)."""
    tex = _SPACING.sub(" ", tex)
    return _FRACTION.sub(lambda m: f"{m.group(1) or m.group(2)}/{m.group(3) or m.group(4)}", tex)


def _value(number: str) -> float | None:
    """The value of a number ``_NUMBER`` matched (``0.3``, ``1/2``, ``10^{-2}``)."""
    number = number.replace(" ", "")
    try:
        if number.startswith("10^"):
            return 10.0 ** int(number[3:].strip("{}"))
        top, _, bottom = number.partition("/")
        return float(top) / float(bottom) if bottom else float(top)
    except (ValueError, ZeroDivisionError, OverflowError):
        return None

_SQUARE = r"\s*(?:\{\s*[23]\s*\}|[23](?![\w.]))"
EULER_POWER = re.compile(rf"(?<![A-Za-z\\])e\s*\^(?!{_SQUARE})|\\(?:mathrm|operatorname|text)\s*\{{\s*e\s*\}}")
"""``e^{…}`` (but ``e^2``, ``e^3``: the name's square, its cube) or an upright ``\\mathrm{e}``: Euler's
number written where the text made e a name."""
BARE = {"e": re.compile(rf"(?<![A-Za-z\\])e(?![A-Za-z_])(?!\s*\^(?!{_SQUARE}))"),
        "pi": re.compile(r"\\pi(?![A-Za-z_])")}
"""The letter written as a number of its own (not ``e^{x}``, Euler's; not ``\\pi_k``; ``e^2`` is either)."""
CONSTANT_PI = re.compile(r"\\sqrt\s*(?:\{[^{}]*)?\\pi(?![A-Za-z])|[({]\s*2\s*\\pi\s*[)}]|"
                         r"\\(?:sin|cos|tan|cot|sec|csc)(?![A-Za-z])|\\pi\s*(?:\^\s*\{?\s*\d\s*\}?\s*)?/\s*\d|"
                         r"\\[dt]?frac\s*\{\s*\d*\s*\\pi\s*(?:\^\s*\{?\s*\d\s*\}?\s*)?\}\s*\{\s*\d+\s*\}")
"""π written the constant's way (``2\\pi``, ``\\sqrt{2\\pi}``, ``\\pi/2``, a trigonometric function) where the text
also makes π a name of its own: which one is meant is not clear."""


_NAMED_IN_WORDS = {
    "e": re.compile(r"(?i)\b(?:error|residual|charge|edge|event|embedding|unit\s+vector|vector)\s+\$\s*e\s*\$|"
                    r"(?:\$\s*e\s*\$\s*(?:be|is|denotes?|stands?\s+for|for|as)?\s*(?:the|an?|our|its)\s+"
                    r"|\b(?:let|where|with)\s+\$\s*e\s*\$\s+(?:be|denotes?|is)\s+(?:(?:the|an?|our|its)\s+)?)"
                    r"(?!(?:the|an?|our|its)\s)(?!euler|base|natural|exponential|"
                    r"constant|number|limit|famous|mathematical|irrational|transcendental)\w|"
                    r"\$\s*e\s*\$\s+(?:is|be|are|becomes|stays|turns)\s+(?:strictly\s+)?(?:negative|non-?positive|zero\b|"
                    r"(?:less|smaller|lower)\s+than\s+(?:zero|0|\$\s*0\s*\$)|below\s+(?:zero|0))|"
                    r"\b(?:for|when|whenever|if)\s+(?:a\s+)?(?:strictly\s+)?(?:negative|non-?positive)\s+\$\s*e\s*\$"),
    "pi": re.compile(r"(?i)\b(?:mixture|mixing|prior|policy|class|stationary)\s+(?:weights?\s+|probabilit(?:y|ies)\s+|"
                     r"distribution\s+)?\$\s*\\pi\s*\$|"
                     r"(?:\$\s*\\pi\s*\$\s*(?:be|is|denotes?|stands?\s+for)?\s*(?:the|an?|our|its)\s+"
                     r"|\b(?:let|where|with)\s+\$\s*\\pi\s*\$\s+(?:be|denote|is)\s+)(?!ratio|circle|constant|number)"
                     r"(?:mixture|prior|policy|weight|probability|class|stationary|proportion|mixing)|"
                     r"(?:先验|患病率|发病率|流行率|概率|比例|权重|策略|混合系数|平稳分布)[）)]?\s*(?:为|是|记为|记作|用)?\s*\$\s*\\pi\s*\$|"
                     r"\b(?:prevalence|base\s+rate|proportion|fraction)\s+(?:is\s+|of\s+\w+\s+)?\$\s*\\pi\s*\$"),
}
"""The words that make e or π a name of the text ("Let $e$ be the prediction error", "$\\pi$ the mixture
weight", "When $e$ is less than zero": no sign Euler's number can have), not Euler's number or the circle's
constant."""


def named_constants(found: list, blocks: list, declared: set[str], lines: list[str] = ()) -> dict[str, list[int]]:
    """The lines where the text makes ``e`` or π a name of its own (see the module), by letter; a
    letter the document or ``--symbols`` declares is the declaration's."""
    out: dict[str, list[int]] = {}
    for number, line in enumerate(lines, 1):
        for letter, pattern in _NAMED_IN_WORDS.items():
            if letter not in declared and pattern.search(line):
                out.setdefault(letter, []).append(number)
    for rel in found:
        for alone, other in ((rel.lhs, rel.rhs), (rel.rhs, rel.lhs)):
            letter = {"e": "e", "\\pi": "pi"}.get(alone.strip())
            if letter is None or letter in declared or rel.op not in ("==", ":=", "approx") or rel.chained \
                    and alone is rel.lhs:
                continue
            if letter == "e" and not _BINDERS.search(other) and _OTHER_NAME.search(_LAYOUT.sub(" ", other)) \
                    and not EULER_POWER.search(other) and not re.search(r"\\exp(?![A-Za-z])|\\ln(?![A-Za-z])", other):
                out.setdefault("e", []).append(rel.line)      # e = |y − t|, y − t = e: an error, not Euler's number
            if letter == "pi" and not _BINDERS.search(other) and _OTHER_NAME.search(_LAYOUT.sub(" ", other)) \
                    and not CONSTANT_PI.search(other) and not re.search(r"\\pi(?![A-Za-z])", other):
                out.setdefault("pi", []).append(rel.line)     # π = 1/(e^{βε} + 1): a probability, not 3.14159
            value = _value(_plain(other).strip()) if re.fullmatch(rf"\s*(?:{_NUMBER})\s*", _plain(other)) else None
            taken = value is not None and 1 <= rel.line <= len(lines) and re.search(
                r"(?i)\b(?:take|taking|use|using|set|setting|let|with|approximat\w*|plug\w*|substitut\w*)\s*(?:\$\s*)?$|取\s*\$?\s*$",
                lines[rel.line - 1][:max(0, lines[rel.line - 1].find(rel.lhs.strip()))])
            if letter == "pi" and value is not None and (abs(value - math.pi) > 0.5 or taken):
                out.setdefault("pi", []).append(rel.line)     # π ≈ 0.01, π = \frac12: a prior (not "π = 3", "π = 3.1":
                #                                               the constant, roughly — a claim, checked)
            if letter == "pi" and listed_entries(other) is not None:
                out.setdefault("pi", []).append(rel.line)     # π = (0.2, 0.3, 0.5): class probabilities (see
                #                                               named_vectors)
            if letter == "e" and value is not None and (abs(value - math.e) > 0.1 or taken):   # (e = 2.72: Euler's)
                out.setdefault("e", []).append(rel.line)      # e = 3: a name given a value, not Euler's number
    if "pi" not in declared:
        for block in blocks:
            plain = _plain(block.tex)
            for m in (*_PI_INTERVAL.finditer(plain), *_PI_BETWEEN.finditer(plain)):
                low, high = _value(m.group(1)), _value(m.group(2))
                if low is not None and high is not None and not low <= math.pi <= high:   # π ∈ (0, 1)
                    out.setdefault("pi", []).append(block.line)
    return {letter: sorted(set(lines)) for letter, lines in out.items()}


def named_vectors(found: list, named: dict[str, list[int]]) -> dict[str, str]:
    """The declaration of each letter ``named_constants`` found named, as the text uses it: π that the text
    gives a list of numbers wherever it names it (``\\pi = (0.2, 0.3, 0.5)``) is a vector of class
    probabilities, ``pi: indexed, real``; otherwise the letter's ``DECLARATIONS`` (a real number)."""
    listed = {rel.line for rel in found if rel.op in ("==", ":=", "approx") and rel.lhs.strip() == "\\pi"
              and listed_entries(rel.rhs) is not None}
    return {letter: "pi: indexed, real" if letter == "pi" and set(lines) <= listed else DECLARATIONS[letter]
            for letter, lines in named.items()}
