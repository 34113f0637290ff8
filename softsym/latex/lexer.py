"""The TeX-aware scanner that turns a math string into the tokens ``grammar.lark`` parses.

TeX's own reading rules live here, because a context-free grammar cannot express them:

* an unbraced argument is ONE token: ``\\frac12`` is ``\\frac{1}{2}``, ``e^\\eta`` is ``e^{\\eta}``,
  ``\\theta_ix`` is ``\\theta_{i} x``; an unbraced script of several digits (``x^23``, which TeX
  reads as ``x^{2}3``) is refused as a likely typo;
* font macros vanish (``\\mathbf{z}`` and ``\\boldsymbol z`` are ``z``); decorations and script fonts
  make a distinct NAME token (``\\hat{y}`` → ``y_hat``, ``\\mathcal{L}`` → ``L_cal``);
* upright text (``\\mathrm``, ``\\text``, ``\\operatorname``) becomes one WORD token (one letter:
  that LETTER);
* spacing (``\\,`` ``\\quad`` ``&`` ``~``) and sizes (``\\left`` ``\\big``) vanish, the delimiter
  after a size macro is kept;
* a bar ``|`` opens an absolute value unless it can close the innermost open one (it follows an
  operand and the innermost open delimiter is a bar); ``\\lvert``/``\\rvert`` and
  ``\\left|``/``\\right|`` say which side they are;
* plain letters are one LETTER token each (the reader sees which are adjacent and refuses
  ambiguous runs such as ``thus``);
* a wide space (``\\quad``, ``\\qquad``, ``\\ ``) between two operands becomes a GAP token (the reader
  refuses a product across it); ``;`` is a COMMA whose value is ``;`` (declared functions only);
* glued pieces are refused: a digit right after a letter (``L1``; but ``s_{i1}`` is ``s_{i,1}``), a brace group right after a name
  or ``)`` (``z{i}``, a lost ``_``), scientific notation (``2.5e-3``);
* a name or number written in a bold font (``\\mathbf{z}``, ``\\boldsymbol z``, ``\\vec z``,
  ``\\mathbf{1}``) is marked: :attr:`Scanned.bold` holds its start (the reader reads a bold
  lowercase name as a vector);
* a one-column matrix (``pmatrix``, ``bmatrix``, ``matrix``, ``array``, an ``aligned`` column
  inside ``\\left[ … \\right]``) is the list of its rows: ``\\begin{bmatrix} a \\\\ b
  \\end{bmatrix}`` scans as ``[a, b]``, ``\\vdots`` as an ellipsis; several columns are refused;
* a ``cases`` environment is one CASES token; :attr:`Scanned.cases` keeps the text of its rows.

Everything the scanner cannot place raises :class:`Unparsed` with the macro or character as the
fragment: unknown macros, text in other scripts, ellipses, environments, line breaks.
"""
from __future__ import annotations

import re
from decimal import Decimal
from dataclasses import dataclass

from lark import Token

from . import vocabulary as voc
from .errors import Unparsed

MAX_DEPTH = 100
"""Deepest nesting of groups and macro arguments accepted."""
MAX_DIGITS = 1000
"""Longest number accepted (in digits)."""

OPERAND_END = frozenset({
    "NUMBER", "LETTER", "GREEK", "NAME", "WORD", "INFTY", "INDICATOR", "TOP", "RPAR", "RBRACK",
    "RBRACE", "RSET", "ABSCLOSE", "NORMCLOSE", "FLOORCLOSE", "CEILCLOSE", "PRIME", "BANG",
})
"""Token types an expression can end with (a bar after one of them may close an open bar)."""

OPERAND_START = frozenset({
    "NUMBER", "LETTER", "GREEK", "NAME", "WORD", "INFTY", "INDICATOR", "PARTIAL", "NABLA", "LPAR", "LBRACK",
    "LBRACE", "LSET", "ABSOPEN", "NORMOPEN", "FLOOROPEN", "CEILOPEN", "FRAC", "SQRT", "BINOM",
    "BIGOP", "LIM", "FUNC", "MAXMIN",
})
"""Token types an expression can start with (a wide space between an end and a start is a GAP)."""
NAME_END = frozenset({"LETTER", "GREEK", "NAME"})

_STAR_SCRIPT = re.compile(r"\s*(?:\*|\\(?:star|ast)(?![A-Za-z])|\{\s*(?:\*|\\(?:star|ast))\s*\})")
_SIGN_SCRIPT = re.compile(r"(?:-|\+|\{\s*[-+]\s*\})(?!\s*(?:[\w{(]|\\(?!(?:[,;:! ]|quad|qquad|right|bigr|Bigr|"
                          r"big|Big|cdot|times|\\)(?![A-Za-z]))))")
"""A superscript that is a lone sign (``P_t^-``, ``m_t^{+}``), not the start of an exponent (``x^-1``, ``e^-\\alpha``)."""
_INCREMENT = re.compile(r"\s*(?:(?P<letter>[A-Za-z])(?![A-Za-z])|\\(?P<greek>[A-Za-z]+))")
"""After ``\\Delta``: the letter or Greek macro whose increment it names (``\\Delta z``, ``\\Delta\\theta``)."""
WIDE_SPACES = frozenset({"quad", "qquad"})
"""Spaces that separate rather than multiply (``p_j \\quad j \\ne t``): a GAP between two factors."""

_OPENERS = {"(": ("LPAR", ")"), "[": ("LBRACK", "]"), "{": ("LBRACE", "}")}
_CLOSERS = {")": "RPAR", "]": "RBRACK", "}": "RBRACE"}
_SINGLE = {"+": "PLUS", "-": "MINUS", "*": "MULOP", "/": "DIV", ",": "COMMA", "'": "PRIME",
           "!": "BANG", "=": "REL", "<": "REL", ">": "REL"}
_UNICODE = {"\u2212": "MINUS", "\u2013": "MINUS", "\u00b7": "MULOP", "\u22c5": "MULOP", "\u00d7": "MULOP"}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_THOUSANDS = re.compile(r"(?:\{\s*,\s*\}\d{3})+(?![\d{])(?:\.\d+)?")
"""Groups of three digits after ``{,}`` (``32{,}768``): one number, the comma a thousands separator."""
_WORD = re.compile(r"[A-Za-z]+")
_SCIENTIFIC = re.compile(r"[eE][+-]?\d")
_POWER_OF_TEN = re.compile(r"\s*(?:\\times|\\cdot)\s*10\s*\^\s*(?:\{\s*(?P<exp>[+-]?\s*\d+)\s*\}|(?P<exp1>\d))(?![\d.])")
_FRAC = frozenset({"frac", "dfrac", "tfrac", "cfrac"})
_BINOM = frozenset({"binom", "dbinom", "tbinom"})

# delimiters after \left, \right, \big…: macro name -> (open type, close type) or a bar kind
_DELIMITER_MACROS = {
    "{": ("LSET", "RSET"), "}": ("LSET", "RSET"), "lbrace": ("LSET", "RSET"), "rbrace": ("LSET", "RSET"),
    "lvert": "abs", "rvert": "abs", "vert": "abs", "|": "norm", "lVert": "norm", "rVert": "norm",
    "Vert": "norm", "lfloor": ("FLOOROPEN", None), "rfloor": (None, "FLOORCLOSE"),
    "lceil": ("CEILOPEN", None), "rceil": (None, "CEILCLOSE"),
    "lbrack": ("LBRACK", "RBRACK"), "rbrack": ("LBRACK", "RBRACK"),
}
_SIDE = {"left": "open", "bigl": "open", "Bigl": "open", "biggl": "open", "Biggl": "open",
         "right": "close", "bigr": "close", "Bigr": "close", "biggr": "close", "Biggr": "close"}


BOLD_FONTS = frozenset({"mathbf", "boldsymbol", "bm", "vec", "pmb", "symbf", "symbfit", "mathbfit", "bold",
                        "mathbold", "textbf", "boldmath"})
"""Fonts that mark a vector (``\\mathbf{z}``); the others in ``vocabulary.FONTS`` only change the look."""
COLUMN_ENVIRONMENTS = {"pmatrix": ("LPAR", "RPAR"), "bmatrix": ("LBRACK", "RBRACK"),
                       "Bmatrix": ("LBRACK", "RBRACK"), "matrix": None, "smallmatrix": None, "array": None,
                       "aligned": None, "gathered": None}
"""One-column environments read as a list, with the brackets they print (None: those around them)."""


@dataclass(frozen=True)
class Scanned:
    """What the scanner made of a string: the tokens, where bold names start, the ``cases`` bodies."""

    tokens: list[Token]
    bold: frozenset[int] = frozenset()
    cases: tuple[tuple[str, int], ...] = ()      # (text of the environment's body, its offset)


def tokenize(tex: str) -> list[Token]:
    """The tokens of ``tex`` (see the module docstring for the reading rules).

    Raises:
        Unparsed: a character, macro or construct the reader does not support.
    """
    return scan(tex).tokens


def scan(tex: str, increments: bool = True, laplacian: bool = False) -> Scanned:
    """The tokens of ``tex`` with the marks the reader needs (bold names, ``cases`` bodies).

    Raises:
        Unparsed: a character, macro or construct the reader does not support.
    """
    scanner = _Scanner(tex, increments, laplacian)
    tokens = scanner.run()
    return Scanned(tokens, frozenset(scanner.bold), tuple(scanner.cases))


class _Scanner:
    """One pass over the string; ``stack`` holds the open delimiters (their token types)."""

    def __init__(self, tex: str, increments: bool = True, laplacian: bool = False) -> None:
        self.increments, self.laplacian = increments, laplacian
        self.s = tex
        self.i = 0
        self.out: list[Token] = []
        self.stack: list[tuple[str, int]] = []   # (open token type, start position)
        self.arg_depth = 0                       # unbraced macro/script arguments being scanned
        self.arg_braces = 0                      # braces opened as such an argument (counted once)
        self.gap = False                         # a wide space was skipped since the last token
        self.bold: set[int] = set()              # starts of names and numbers written in a bold font
        self.cases: list[tuple[str, int]] = []   # bodies of cases environments (CASES tokens index them)
        self.env_closers: list[str | None] = []  # the closing token of each open column environment
        self.bold_depth = 0                      # inside a bold font's argument

    # -- driver ------------------------------------------------------------------------------------
    def run(self) -> list[Token]:
        while self._skip_space():
            self.unit("normal")
        if self.stack:
            _, start = self.stack[-1]
            raise Unparsed("an opening delimiter is never closed", self.s[start:start + 40])
        return self.out

    def _skip_space(self) -> bool:
        """Skip blanks, ``&`` and ``~``; tell whether anything is left."""
        s, n = self.s, len(self.s)
        while self.i < n and (s[self.i].isspace() or s[self.i] in "&~"):
            if s[self.i] == "&" and self.stack and self.stack[-1][0].startswith("ENV:") \
                    and self.stack[-1][0] not in ("ENV:aligned", "ENV:gathered"):
                raise Unparsed("a matrix with several columns (only a column vector is read as a list)",
                               s[self.stack[-1][1]:self.i + 1])
            self.i += 1
        return self.i < n

    def emit(self, kind: str, value: str, start: int, end: int | None = None) -> None:
        end = self.i if end is None else end
        prev = self.out[-1] if self.out else None
        if self.gap and prev is not None and prev.type in OPERAND_END and kind in OPERAND_START:
            self.out.append(Token("GAP", " ", start_pos=prev.end_pos, end_pos=start))
        self.gap = False
        if self.bold_depth and kind in ("LETTER", "GREEK", "NAME", "NUMBER"):
            self.bold.add(start)
        self.out.append(Token(kind, value, start_pos=start, end_pos=end))

    def _glued(self, what: str, start: int) -> None:
        """Refuse ``z{i}`` / ``\\sigma(z){i}`` (a lost _ or ^) and ``L1`` (an index, a product or a name?)."""
        prev = self.out[-1] if self.out else None
        if prev is None:
            return
        if what == "{" and prev.type in NAME_END | {"RPAR", "RBRACK"}:
            raise Unparsed("a braced group right after a name or ')': a missing _ or ^? (write z_{i})",
                           self.s[prev.start_pos:self.s.find("}", start) + 1 or start + 1])
        if what == "digit" and prev.type in NAME_END and prev.end_pos == start:
            m = _NUMBER.match(self.s, start)
            if prev.type == "LETTER" and re.search(r"_\s*\{\s*$", self.s[:prev.start_pos]) \
                    and re.match(r"[0-9]\s*\}", self.s[start:]):
                # s_{i1}, W_{k2}: a row index and a column number, as s_{i,1} (the mirror of J_{1j}) — a
                # subscript holding only the letter and the number
                self.emit("COMMA", "", start, start)
                return
            raise Unparsed("a number right after a letter: an index, a product or a name? (write x_1, "
                           "2x or x \\cdot 2)", self.s[prev.start_pos:m.end()])

    def _depth_check(self) -> None:
        """One level per group, per script and per macro argument (a braced argument counts once)."""
        if len(self.stack) + self.arg_depth - self.arg_braces > MAX_DEPTH:
            raise Unparsed(f"nesting deeper than {MAX_DEPTH} levels", self.s[self.i:self.i + 40])

    # -- one unit --------------------------------------------------------------------------------
    def unit(self, mode: str) -> None:
        """Scan one unit.  ``mode`` is "normal", "script" (after ^ or _) or "arg" (a macro's argument):
        in the last two the unit is exactly one TeX argument (a braced group is scanned whole)."""
        while True:
            if not self._skip_space():
                raise Unparsed("a macro or script is missing its argument", self.s[-20:])
            before = len(self.out)
            self._one(mode)
            if mode == "normal" or len(self.out) > before:
                return

    def _one(self, mode: str) -> None:
        s, start = self.s, self.i
        c = s[start]
        if c.isascii() and c.isalpha():
            self.i += 1
            self.emit("LETTER", c, start)
        elif c.isdigit() and c.isascii():
            self._number(mode)
        elif c == "\\":
            self._macro(mode)
        elif c in _OPENERS:
            if mode != "normal" and c != "{":
                raise Unparsed("an unbraced script or argument must be one token: add braces",
                               s[max(0, start - 2):start + 10])
            self._open(c, start, mode)
        elif c in _CLOSERS:
            self._close(c, start)
        elif c == "|":
            self.i += 1
            if self._conditional_bar():
                self.emit("GIVEN", "|", start)
            else:
                self._bar("abs", None, start)
        elif c == "^" and (self._starred(start) or self._signed_label(start)):
            return
        elif c in "^_":
            self.i += 1
            self.emit("CARET" if c == "^" else "UNDERSCORE", c, start)
            self.arg_depth += 1
            self._depth_check()
            self.unit("script")
            self.arg_depth -= 1
        elif c == ".":
            self._dot(start)
        elif c == ":":
            if s.startswith(":=", start):
                self.i += 2
                self.emit("REL", ":=", start)
            else:
                raise Unparsed("a colon (a map or a condition, not an expression)", ":")
        elif c in _SINGLE:
            if mode == "script" and c == "*":
                raise Unparsed("a starred superscript x^* (an optimum, not a power)", s[max(0, start - 2):start + 1])
            self.i += 1
            self.emit(_SINGLE[c], c, start)
        elif c in _UNICODE:
            self.i += 1
            self.emit(_UNICODE[c], c, start)
        elif c == ";":
            self.i += 1
            self.emit("COMMA", ";", start)
        elif not c.isascii():
            end = start
            while end < len(s) and not s[end].isascii():
                end += 1
            raise Unparsed("text inside math: a word in another script", s[start:end])
        elif c == "$":
            raise Unparsed("a '$' inside the expression (math delimiters belong outside it)", "$")
        elif c == "%":
            raise Unparsed("a '%' (a TeX comment or a percent sign)", "%")
        else:
            raise Unparsed(f"an unexpected character {c!r}", c)

    # -- pieces --------------------------------------------------------------------------------
    def _scripted_base(self) -> int | None:
        """Where in ``out`` the plain name stands whose subscript the last tokens close (``z_c``, ``w_{k+1}``:
        one token, or a braced group, after ``_``), or None."""
        end = len(self.out) - 1
        if end < 2:
            return None
        if self.out[end].type == "RBRACE":
            depth, k = 0, end
            while k >= 0:
                depth += {"RBRACE": 1, "LBRACE": -1}.get(self.out[k].type, 0)
                if depth == 0:
                    break
                k -= 1
            start = k
        elif self.out[end].type in ("LETTER", "NUMBER", "GREEK"):
            start = end
        else:
            return None
        if start < 2 or self.out[start - 1].type != "UNDERSCORE" or self.out[start - 2].type not in ("LETTER", "GREEK") \
                or start - 3 >= 0 and self.out[start - 3].type in ("UNDERSCORE", "CARET"):
            return None
        return start - 2

    def _signed_label(self, start: int) -> bool:
        r"""``P_t^-``, ``m_t^{+}`` right after a name with a subscript: the distinct names ``P_minus``, ``m_plus`` (a
        prior and a posterior, as Kalman filters write them) at that entry — never a power (a lone sign is none).
        Not after a plain name (``x^+`` may be a positive part) nor where a limit approaches (``t \to a_0^+``)."""
        m = _SIGN_SCRIPT.match(self.s, start + 1)
        prev = self.out[-1] if self.out else None
        if m is None or prev is None or prev.end_pos != start or re.search(r"\\to\s*[^\s]*$", self.s[:start]):
            return False
        base = self._scripted_base()
        if base is None:
            return False
        name = self.out[base]
        label = "minus" if "-" in m.group(0) else "plus"
        self.out[base] = Token("NAME", f"{name.value}_{label}", start_pos=name.start_pos, end_pos=name.end_pos)
        self.i = m.end()
        return True

    def _starred(self, start: int) -> bool:
        r"""``x^*``, ``w^\star``, ``i^{\ast}`` right after a name: the distinct name ``x_star`` (an
        optimum, a minimizer), as ``\hat{x}`` is ``x_hat`` — never a power, a convolution or a
        conjugate.  After anything else (``z_i^*``, ``(x)^*``) the star stays refused."""
        prev = self.out[-1] if self.out else None
        m = _STAR_SCRIPT.match(self.s, start + 1)
        if m is not None and prev is not None and prev.end_pos == start:
            base = self._scripted_base()
            if base is not None:            # z_c^\star, w_{k}^*: entry c of the optimum z_star (as z^\star_c)
                name = self.out[base]
                self.out[base] = Token("NAME", f"{name.value}_star", start_pos=name.start_pos, end_pos=name.end_pos)
                self.i = m.end()
                return True
        if prev is None or prev.type not in NAME_END or prev.end_pos != start \
                or len(self.out) > 1 and self.out[-2].type in ("UNDERSCORE", "CARET"):   # z_i^*: z's star
            return False
        if m is None:
            return False
        self.out.pop()
        self.i = m.end()
        self.emit("NAME", f"{prev.value}_star", prev.start_pos)
        return True

    def _number(self, mode: str) -> None:
        s, start = self.s, self.i
        if mode != "normal":
            self.i += 1
            if mode == "script" and self.i < len(s) and s[self.i].isdigit():
                m = _NUMBER.match(s, start)
                raise Unparsed(f"an unbraced script of several digits: TeX reads it as {s[start]} "
                               f"followed by {m.group()[1:]}; write braces ^{{{m.group()}}}", s[start - 1:m.end()])
            self.emit("NUMBER", s[start], start)
            return
        self._glued("digit", start)
        m = _NUMBER.match(s, start)
        digits = m.group()
        grouped = _THOUSANDS.match(s, m.end()) if "." not in digits and len(digits) <= 3 else None
        if grouped is not None:         # 32{,}768, 1{,}290.5: a thousands separator TeX writes without a space
            digits = digits + re.sub(r"\{\s*,\s*\}", "", grouped.group())
            m = grouped
        if len(digits.replace(".", "")) > MAX_DIGITS:
            raise Unparsed(f"a number longer than {MAX_DIGITS} digits", digits[:20] + "…")
        self.i = m.end()
        if s.startswith(".", self.i) and self.i + 1 < len(s) and s[self.i + 1].isdigit():
            raise Unparsed("a malformed number (two decimal points)", s[start:self.i + 2])
        if "." in digits and re.match(r"\(\s*\d+\s*\)", s[self.i:]):
            raise Unparsed("a decimal followed by digits in brackets (3.14(2): an uncertainty, or repeating digits?)",
                           s[start:self.i + 5])
        if _SCIENTIFIC.match(s, self.i):
            raise Unparsed("a number in scientific notation (write 2.5 \\cdot 10^{-3}; 2.5e-3 reads as "
                           "2.5 times Euler's e minus 3)", s[start:_SCIENTIFIC.match(s, self.i).end()])
        power = _POWER_OF_TEN.match(s, self.i)
        exponent = re.sub(r"\s+", "", (power.group("exp") or power.group("exp1"))) if power is not None else ""
        divided = re.search(r"(?:/|\\div)\s*$", s[:start]) is not None
        over_scientific = re.search(r"10\s*\^\s*(?:\{\s*[+-]?\s*\d+\s*\}|\d)\s*(?:/|\\div)\s*$", s[:start]) is not None
        if power is not None and abs(int(exponent)) <= 40 and ("." in digits or not divided or over_scientific):
            # (a · 10^8 / 5 \times 10^{-7}: a number in scientific notation over another, 5·10^{-7})
            # (after "/" only a decimal mantissa: 0.1/1.14\times 10^{-3}; 3/4 \times 10^6 is (3/4)·10^6)
            # 1.14\times 10^{-3}: one number, as scientific notation is read (0.1/1.14\times 10^{-3} is 0.1/0.00114)
            self.i = power.end()
            digits = format(Decimal(digits).scaleb(int(exponent)), "f")
        self.emit("NUMBER", digits, start)

    def _dot(self, start: int) -> None:
        s = self.s
        nxt = s[start + 1] if start + 1 < len(s) else ""
        if s.startswith("...", start):
            self.i += 3
            self.emit("ELLIPSIS", "...", start)
            return
        if nxt == ".":
            raise Unparsed("two dots (an ellipsis has three)", s[start:start + 2])
        if nxt.isdigit():
            raise Unparsed("a number starting with '.' (write 0.5, not .5)", s[start:start + 4])
        if nxt in "({" and start > 0 and s[start - 1].isdigit():
            raise Unparsed("a number ending in '.' before a bracket (0.(3): repeating digits, or a product?)",
                           s[max(0, start - 3):start + 4])
        self.i += 1
        self.emit("MULOP", ".", start)

    def _open(self, c: str, start: int, mode: str) -> None:
        kind, _ = _OPENERS[c]
        if c == "{" and mode == "normal":
            self._glued("{", start)
        self.i += 1
        if mode != "normal":           # a braced argument: scan it whole
            self.arg_braces += 1
            self._push(kind, start)
            self.emit(kind, c, start)
            self._finish_group()
            self.arg_braces -= 1
            return
        self._push(kind, start)
        self.emit(kind, c, start)

    def _finish_group(self) -> None:
        base = len(self.stack) - 1
        while len(self.stack) > base:
            if not self._skip_space():
                raise Unparsed("an opening brace is never closed", self.s[self.stack[-1][1]:][:40])
            self._one("normal")

    def _push(self, kind: str, start: int) -> None:
        self.stack.append((kind, start))
        self._depth_check()

    def _close(self, c: str, start: int, kind: str | None = None) -> None:
        kind = kind or _CLOSERS[c]
        opener = {"RPAR": ("LPAR",), "RBRACK": ("LBRACK",), "RBRACE": ("LBRACE",), "RSET": ("LSET",),
                  "FLOORCLOSE": ("FLOOROPEN",), "CEILCLOSE": ("CEILOPEN",)}[kind]
        if not self.stack:
            raise Unparsed("a closing delimiter without an opening one", self.s[max(0, start - 20):start + 1])
        top, top_start = self.stack[-1]
        if top in ("ABSOPEN", "NORMOPEN"):
            raise Unparsed("a '|' that never closes before this delimiter (a conditional bar as in "
                           "P(a|x)?)", self.s[top_start:start + 1])
        if top not in opener:
            raise Unparsed("mismatched delimiters (a half-open interval?)", self.s[top_start:start + 1])
        self.stack.pop()
        self.i = max(self.i, start + 1)
        self.emit(kind, c, start)

    def _conditional_bar(self) -> bool:
        """A ``|`` right after an operand, directly inside parentheses, with no second ``|`` before
        they close (``P(y = 1 | x)``): it cannot be an absolute value, so it is a conditional bar
        (the reader accepts one only in a probability)."""
        if not (self.stack and self.stack[-1][0] in ("LPAR", "LBRACK") and self.out
                and self.out[-1].type in OPERAND_END):
            return False
        closer = self._closer_before_bar(lambda j: 1 if self.s[j] == "|" else 0)
        return closer == (")" if self.stack[-1][0] == "LPAR" else "]")

    def _divergence_bar(self) -> bool:
        """A ``\\|`` right after an operand, directly inside parentheses, with no second ``\\|`` before
        they close (``\\mathrm{KL}(p \\,\\|\\, q)``): it separates two arguments, it is no norm."""
        if not (self.stack and self.stack[-1][0] == "LPAR" and self.out and self.out[-1].type in OPERAND_END):
            return False
        return self._closer_before_bar(lambda j: 2 if self.s.startswith(("\\|", "\\Vert"), j) else 0) == ")"

    def _closer_before_bar(self, bar_at) -> str | None:
        """From the cursor on: the delimiter that closes the innermost open group, or None when a
        bar of that group's own level (``bar_at(j)``: its width, 0 for none) or the end comes first."""
        s, depth, j = self.s, 0, self.i
        while j < len(s):
            width = bar_at(j)
            if width:
                if depth == 0:
                    return None
                j += width
                continue
            c = s[j]
            if c == "\\":
                j += 2
                continue
            if c in "([{":
                depth += 1
            elif c in ")]}":
                if depth == 0:
                    return c
                depth -= 1
            j += 1
        return None

    def _bar(self, bar: str, side: str | None, start: int) -> None:
        """A ``|`` (bar="abs") or ``\\|`` (bar="norm"); side is "open", "close" or None (infer)."""
        open_kind, close_kind = ("ABSOPEN", "ABSCLOSE") if bar == "abs" else ("NORMOPEN", "NORMCLOSE")
        can_close = bool(self.stack) and self.stack[-1][0] == open_kind
        if side is None:
            side = "close" if can_close and self.out and self.out[-1].type in OPERAND_END else "open"
        if side == "close":
            if not can_close:
                raise Unparsed("a closing bar without an opening one", self.s[max(0, start - 20):self.i])
            self.stack.pop()
            self.emit(close_kind, "|", start)
        else:
            self._push(open_kind, start)
            self.emit(open_kind, "|", start)

    # -- macros -------------------------------------------------------------------------------
    def _macro(self, mode: str) -> None:
        s, start = self.s, self.i
        m = _WORD.match(s, start + 1)
        if m is None:
            self._symbol_macro(start)
            return
        name = m.group()
        self.i = m.end()
        if name in WIDE_SPACES:
            self.gap = mode == "normal"
            return
        if name in voc.SPACING:
            return
        if name in voc.SIZES:
            self._sized_delimiter(name, start)
        elif name == "Delta" and mode == "normal" and self.increments and self._increment(start):
            return
        elif name == "Delta" and self.laplacian:
            raise Unparsed("the Laplacian \\Delta (an operator on functions softsym does not read)", "\\Delta")
        elif name in voc.GREEK:
            self.emit("GREEK", name, start)
        elif name in voc.OTHER_LETTERS:
            self.emit("NAME", voc.OTHER_LETTERS[name], start)
        elif name in voc.FONTS:
            self._font(name, start)
        elif name == "begin":
            self._begin(start)
        elif name == "end":
            self._end(start)
        elif name == "vdots" and self.stack and self.stack[-1][0].startswith("ENV:"):
            self.emit("ELLIPSIS", "\\dots", start)
        elif name in voc.DECORATIONS or name in voc.SCRIPT_FONTS:
            self._decorated(name, start)
        elif name in voc.INDICATOR_FONTS:
            self._blackboard(name, start)
        elif name in voc.WORD_MACROS:
            self._word(name, start, mode)
        elif name in _FRAC or name in _BINOM:
            self.emit("FRAC" if name in _FRAC else "BINOM", name, start)
            self._args(2)
        elif name == "sqrt":
            self._sqrt(start)
        else:
            self._simple_macro(name, start)

    def _simple_macro(self, name: str, start: int) -> None:
        """Macros that are one token and take no argument."""
        table = {"infty": "INFTY", "partial": "PARTIAL", "top": "TOP", "intercal": "TOP", "lim": "LIM",
                 "prime": "PRIME", "nabla": "NABLA"}
        if name in table:
            self.emit(table[name], name, start)
        elif name in voc.BIG_OPERATORS:
            self.emit("BIGOP", voc.BIG_OPERATORS[name], start)
        elif name in voc.MAXMIN:
            self.emit("MAXMIN", name, start)
        elif name in voc.FUNCTIONS:
            self.emit("FUNC", name, start)
        elif name in voc.MULTIPLICATION:
            self.emit("MULOP", voc.MULTIPLICATION[name], start)
        elif name in voc.DIVISION:
            self.emit("DIV", name, start)
        elif name in voc.ELLIPSES:
            self.emit("ELLIPSIS", "\\dots", start)
        elif name in voc.CONDITIONAL_BARS:
            self.emit("GIVEN", "|", start)
        elif name in voc.PROBABILITY_MACROS:
            self.emit("NAME", voc.PROBABILITY_MACROS[name], start)
        elif name in voc.RELATIONS:
            self.emit("REL", name, start)
        elif name in voc.ARROWS:
            self.emit("TO", name, start)
        elif name in _DELIMITER_MACROS:
            self._delimiter_macro(name, None, start)
        elif name == "in" and [t.type for t in self.out[-4:]] == ["BIGOP", "UNDERSCORE", "LBRACE", "LETTER"] \
                and self.out[-4].value == "sum":
            self.emit("REL", name, start)           # \sum_{x \in \mathcal{X}}: the reader decides which sets
        elif name in voc.REFUSED:
            raise Unparsed(voc.REFUSED[name], "\\" + name)
        else:
            raise Unparsed("an unknown macro", "\\" + name)

    def _symbol_macro(self, start: int) -> None:
        """``\\`` followed by a non-letter: spacing, ``\\{``, ``\\}``, ``\\|`` or refused."""
        s = self.s
        c = s[start + 1] if start + 1 < len(s) else ""
        self.i = start + 2
        if not c:
            raise Unparsed("a lone backslash at the end", "\\")
        if c.isspace():
            self.gap = True
            return
        if c in voc.SPACING_SYMBOLS:
            return
        if c == "\\":
            if self.stack and self.stack[-1][0].startswith("ENV:"):
                self._row_break(start)
                return
            raise Unparsed("a line break \\\\ inside an expression (split the lines first)", "\\\\")
        if c in "{}|":
            self._delimiter_macro(c, None, start)
            return
        raise Unparsed("an escaped character that is not mathematics", s[start:start + 2])

    def _sized_delimiter(self, name: str, start: int) -> None:
        """The delimiter after ``\\left``, ``\\right``, ``\\big`` … (read as if written alone)."""
        if not self._skip_space():
            raise Unparsed(f"\\{name} without its delimiter", "\\" + name)
        side = _SIDE.get(name)
        s, at = self.s, self.i
        c = s[at]
        if c == ".":
            raise Unparsed("an invisible delimiter \\left. / \\right. (an evaluation bar?)", s[start:at + 1])
        if c in _OPENERS:
            self._open(c, at, "normal")
        elif c in _CLOSERS:
            self._close(c, at)
        elif c == "|":
            self.i += 1
            self._bar("abs", side, at)
        elif c == "/":
            self.i += 1
            self.emit("DIV", "/", at)
        elif c == "\\":
            m = _WORD.match(s, at + 1)
            key = m.group() if m else s[at + 1:at + 2]
            self.i = (m.end() if m else at + 2)
            if key not in _DELIMITER_MACROS:
                reason = voc.REFUSED.get(key, f"an unsupported delimiter after \\{name}")
                raise Unparsed(reason, s[start:self.i])
            self._delimiter_macro(key, side, at)
        else:
            raise Unparsed(f"an unsupported delimiter after \\{name}", s[start:at + 1])

    def _delimiter_macro(self, key: str, side: str | None, start: int) -> None:
        spec = _DELIMITER_MACROS[key]
        if spec == "norm" and side is None and key in ("|", "Vert") and self._divergence_bar():
            self.emit("COMMA", "‖", start)             # D_{KL}(p \| q): two arguments, not a norm
            return
        if spec in ("abs", "norm"):
            if side is None and key in ("lvert", "lVert"):
                side = "open"
            elif side is None and key in ("rvert", "rVert"):
                side = "close"
            self._bar(spec, side, start)
            return
        open_kind, close_kind = spec
        is_open = key in ("{", "lbrace", "lbrack", "lfloor", "lceil")
        if is_open:
            self._push(open_kind, start)
            self.emit(open_kind, key, start)
        else:
            self._close(key, start, close_kind)

    def _args(self, count: int) -> None:
        self.arg_depth += 1
        self._depth_check()
        for _ in range(count):
            self.unit("arg")
        self.arg_depth -= 1

    def _sqrt(self, start: int) -> None:
        self.emit("SQRT", "sqrt", start)
        if self._skip_space() and self.s[self.i] == "[":
            at = self.i
            self.i += 1
            self._push("LBRACK", at)
            self.emit("LBRACK", "[", at)
            self._finish_group()
        self._args(1)

    def _captured_arg(self) -> list[Token]:
        """Scan one argument and take its tokens back out of the output."""
        before = len(self.out)
        self._args(1)
        got = self.out[before:]
        del self.out[before:]
        if len(got) == 3 and got[0].type == "LBRACE" and got[2].type == "RBRACE":
            got = [got[1]]
        return got

    def _font(self, name: str, start: int) -> None:
        bold = name in BOLD_FONTS
        self.bold_depth += bold
        try:
            got = self._captured_arg()
        finally:
            self.bold_depth -= bold
        self.out.extend(got)

    # -- environments: a column vector is a list, cases one token -------------------------------
    def _environment_name(self, start: int) -> str:
        m = re.compile(r"\s*\{([A-Za-z]+)\*?\}").match(self.s, self.i)
        if m is None:
            raise Unparsed("an environment without its name", self.s[start:start + 20])
        self.i = m.end()
        return m.group(1)

    def _begin(self, start: int) -> None:
        name = self._environment_name(start)
        if name == "cases":
            self._cases(start)
            return
        if name not in COLUMN_ENVIRONMENTS:
            raise Unparsed(f"an environment ({name}) inside an expression", self.s[start:self.i])
        if name == "array":                      # the column specification: one column only
            m = re.compile(r"\s*\{([^{}]*)\}").match(self.s, self.i)
            if m is None or len(re.sub(r"[^lcr]", "", m.group(1))) != 1:
                raise Unparsed("an array with several columns (only a column vector is read as a list)",
                               self.s[start:(m.end() if m else self.i)])
            self.i = m.end()
        brackets = COLUMN_ENVIRONMENTS[name]
        inside = bool(self.stack) and self.stack[-1][0] in ("LPAR", "LBRACK") and self.out \
            and self.out[-1].type in ("LPAR", "LBRACK")
        if brackets is None and not inside:
            brackets = ("LBRACK", "RBRACK")
        if brackets is None and name in ("aligned", "gathered") and not inside:
            raise Unparsed(f"an environment ({name}) inside an expression", self.s[start:self.i])
        self._push(f"ENV:{name}", start)
        self.env_closers.append(brackets[1] if brackets else None)
        if brackets:
            self.emit(brackets[0], "[" if brackets[0] == "LBRACK" else "(", start)

    def _end(self, start: int) -> None:
        name = self._environment_name(start)
        if not self.stack or self.stack[-1][0] != f"ENV:{name}":
            raise Unparsed(f"an \\end{{{name}}} that closes no environment opened here", self.s[start:self.i])
        self.stack.pop()
        closer = self.env_closers.pop()
        if self.out and self.out[-1].type == "COMMA":          # a final \\ before \end
            self.out.pop()
        if closer:
            self.emit(closer, ")" if closer == "RPAR" else "]", start)

    def _row_break(self, start: int) -> None:
        """``\\\\`` inside a column vector separates two entries."""
        if self.out and self.out[-1].type in ("COMMA", "LPAR", "LBRACK"):
            return                                             # an empty row
        self.emit("COMMA", ",", start)

    def _cases(self, start: int) -> None:
        """``\\begin{cases} … \\end{cases}``: one CASES token; the reader reads the rows."""
        body_start, depth, j = self.i, 0, self.i
        pattern = re.compile(r"\\(begin|end)\s*\{([A-Za-z]+)\*?\}")
        while True:
            m = pattern.search(self.s, j)
            if m is None:
                raise Unparsed("a cases environment that is never closed", self.s[start:start + 40])
            if m.group(2) == "cases":
                if m.group(1) == "begin":
                    depth += 1
                elif depth == 0:
                    break
                else:
                    depth -= 1
            j = m.end()
        self.cases.append((self.s[body_start:m.start()], body_start))
        self.i = m.end()
        self.emit("CASES", str(len(self.cases) - 1), start)

    def _increment(self, start: int) -> bool:
        r"""``\Delta z_k``, ``\Delta W_{kj}``, ``\Delta\theta``: an increment, the one name ``Delta_z``
        (as notes mean it: the change of z, never Δ times z).  Only before a single letter or a Greek
        letter's macro; ``\Delta(x)``, ``\Delta_t``, ``\Delta^{K-1}`` and ``\Delta = 2`` stay Δ."""
        m = _INCREMENT.match(self.s, self.i)
        if m is None or (m.group("greek") and m.group("greek") not in voc.GREEK):
            return False
        self.i = m.end()
        self.emit("NAME", f"Delta_{m.group('letter') or m.group('greek')}", start)
        return True

    def _decorated(self, name: str, start: int) -> None:
        got = self._captured_arg()
        if len(got) != 1 or got[0].type not in ("LETTER", "GREEK", "NAME"):
            raise Unparsed(f"a decoration \\{name} over an expression (only a name can be decorated)",
                           self.s[start:self.i])
        suffix = voc.DECORATIONS.get(name) or voc.SCRIPT_FONTS[name]
        self.emit("NAME", f"{got[0].value}_{suffix}", start)

    def _raw_argument(self, name: str, start: int) -> str:
        """The text of a braced argument (balanced braces) or of a single character."""
        if not self._skip_space():
            raise Unparsed(f"\\{name} without its argument", "\\" + name)
        s = self.s
        if s[self.i] == "*" and name == "operatorname":
            self.i += 1
            self._skip_space()
        if self.i >= len(s):
            raise Unparsed(f"\\{name} without its argument", "\\" + name)
        if s[self.i] != "{":
            self.i += 1
            return s[self.i - 1]
        depth, j = 0, self.i
        while j < len(s):
            if s[j] == "\\":
                j += 2
                continue
            if s[j] == "{":
                depth += 1
            elif s[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if j >= len(s):
            raise Unparsed("an opening brace is never closed", s[start:start + 40])
        text = s[self.i + 1:j]
        self.i = j + 1
        return text

    def _word(self, name: str, start: int, mode: str) -> None:
        text = self._raw_argument(name, start).strip()
        fragment = self.s[start:self.i]
        if not text:
            return
        if not text.isascii():
            raise Unparsed("text inside math: a word in another script", fragment)
        if len(text) == 1 and text.isalpha():
            self.emit("LETTER", text, start)
        elif _WORD.fullmatch(text):
            self.emit("WORD", text, start)
        elif text.startswith("\\") and text[1:] in voc.GREEK:
            self.emit("GREEK", text[1:], start)
        else:
            raise Unparsed("text inside math: not a name the reader knows", fragment)

    def _blackboard(self, name: str, start: int) -> None:
        text = self._raw_argument(name, start).strip()
        if text == "1":
            self.emit("INDICATOR", "1", start)
        elif text == "P":
            self.emit("NAME", "P_bb", start)
        elif text == "E":
            self.emit("NAME", "E_bb", start)
        else:
            raise Unparsed("a blackboard-bold letter (a set such as \\mathbb{R} or an operator such "
                           "as \\mathbb{E})", self.s[start:self.i])
