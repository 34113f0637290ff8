"""``parse_tex``: one side of a relation, written in TeX, read into a SymPy expression — or refused.

The pipeline: size checks → :func:`softsym.latex.lexer.tokenize` (TeX's reading rules) → the
LALR grammar ``grammar.lark`` → :class:`softsym.latex.syntax.ToSyntax` (a syntax tree) →
:class:`softsym.latex.build.Reader` (the conventions, SymPy objects built directly).  Every
failure along the way, including Lark's, SymPy's and Python's recursion limit, leaves as
:class:`Unparsed`; nothing is guessed and nothing is read through ``sympify``.
"""
from __future__ import annotations

import re
import sys
from dataclasses import replace
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib.resources import files

import sympy as sp
from lark import Lark, Token
from lark.exceptions import UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError
from lark.lexer import Lexer

from .build import Reader
from .context import Context
from .distributions import Distribution, is_divergence
from .errors import Unparsed
from .lexer import scan
from .syntax import ToSyntax

MAX_LENGTH = 20_000
"""Longest input accepted (characters)."""

_EQUATION_NUMBER = re.compile(r"\\q?quad\s*\(\s*\d+\s*\)\s*[.,]?\s*$")
_TEXT_FOR_TOKEN = {"$END": "the end"}


class _TokenList(Lexer):
    """A Lark 'lexer' that hands over the tokens :func:`tokenize` already made."""

    def __init__(self, lexer_conf) -> None:
        pass

    def lex(self, data: list[Token]) -> Iterator[Token]:  # type: ignore[override]
        yield from data


def grammar_text() -> str:
    """The LALR grammar (``grammar.lark``, shipped as package data)."""
    return files(__package__).joinpath("grammar.lark").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _parser() -> Lark:
    return Lark(grammar_text(), parser="lalr", lexer=_TokenList)


def parse_tex(tex: str, context: Context = Context()) -> sp.Expr:  # noqa: B008 - Context is frozen
    """Read one side of a relation (an expression, no top-level relation).

    Args:
        tex: the TeX of the expression, without ``$`` delimiters.
        context: declared names, the default range end, the document's functions.

    Returns:
        The SymPy expression (see :mod:`softsym.latex.build` for the conventions).

    Raises:
        Unparsed: whatever cannot be read unambiguously, with a reason and the offending fragment.
    """
    return parse_entry(tex, context)[0]


def parse_entry(tex: str, context: Context = Context()) -> tuple[sp.Expr, tuple, tuple]:  # noqa: B008
    """Like :func:`parse_tex`, with the index ranges of the vector-valued pieces read at
    ``context.entry`` (``(lo, hi)``, or None where the document gave none): ``[1, 2, 3]`` at the
    entry i is ``Σ_r r δ(i, r)`` over 1..3; and the guesses the reading made (``lnp_t`` read as
    ``ln(p_t)``), which a refutation must not rest on.

    Raises:
        Unparsed: as :func:`parse_tex`; ``VectorValued`` (a subclass) when a side is a vector and
            ``context.entry`` is None.
    """
    if not isinstance(tex, str):
        raise Unparsed("the input is not a string", repr(tex)[:40])
    if len(tex) > MAX_LENGTH:
        raise Unparsed(f"an input longer than {MAX_LENGTH:,} characters", tex[:40] + "…")
    try:
        with _recursion_room():
            return _read(tex, context)
    except Unparsed:
        raise
    except VisitError as exc:   # raised inside the transformer
        if isinstance(exc.orig_exc, Unparsed):
            raise exc.orig_exc from None
        raise Unparsed(f"an internal error while reading ({type(exc.orig_exc).__name__})", tex[:80]) from exc
    except RecursionError:
        raise Unparsed("nesting too deep to read", tex[:40]) from None
    except Exception as exc:
        raise Unparsed(f"SymPy could not build this expression ({type(exc).__name__}: {exc})"[:300],
                       tex[:80]) from exc


_SPACE = r"(?:\s|\\[,;: ]|~)"
_GROUPED = re.compile(rf"(?<![\d.])\d{{1,3}}(?:{_SPACE}+\d{{3}})+(?![\d])(?:\.\d+)?")
_SPACED_DIGITS = re.compile(rf"\d{_SPACE}*\\[,;: ]{_SPACE}*\d")


def _thousands(tex: str) -> str:
    """``1\\,048\\,576`` and ``2\\;598\\;960`` (digits grouped by threes with a thin space) are one
    number; any other digits separated by a space are unparsed (a separator or a product?)."""
    joined = _GROUPED.sub(lambda m: re.sub(_SPACE, "", m.group(0)), tex)
    bad = _SPACED_DIGITS.search(joined)
    if bad is not None:
        raise Unparsed("digits separated by a space (a thousands separator, or a product?)", bad.group(0))
    return joined


_PLUS_MINUS_RANGE = re.compile(r"(\\(?:sum|prod)\s*(?:\\limits\s*)?_\s*\{\s*[A-Za-z]\s*)=\s*\\pm\s*(\d+)\s*\}")
"""``\\sum_{s = \\pm 1}``: s runs over -1 and 1 (read as ``\\sum_{s \\in \\{-1, 1\\}}``)."""


_EVALUATED_AT = re.compile(r"(?P<bar>\\right\s*\||\\[bB]igg?r?\s*\||\\vert|\|)\s*_\s*\{\s*(?P<name>[^{}=]+?)\s*=\s*"
                           r"(?P<value>[^{}]+?)\s*\}\s*[.,;]?\s*$")
"""A side that ends in an evaluation bar: ``\\frac{d}{dt}\\sigma(t)\\Big|_{t=0}``, ``\\left. f'(x) \\right|_{x=1}``."""


def _evaluated_at(tex: str, context: Context) -> tuple[sp.Expr, tuple, tuple] | None:
    """``E|_{x = a}`` read as E with x set to a (after its derivatives are taken: ``Subs``), or None when
    ``tex`` ends in no evaluation bar.  A bare ``|`` is a bar only where the rest holds no other ``|`` (else
    ``|x|_{…}`` could be an absolute value); ``\\right|`` only after a ``\\left.`` that opens the side."""
    m = _EVALUATED_AT.search(tex)
    if m is None:
        return None
    rest, bar = tex[:m.start()], m.group("bar")
    if bar.startswith("\\right"):
        opened = re.match(r"\s*\\left\s*\.", rest)
        if opened is None:
            return None
        rest = rest[opened.end():]
    elif bar in ("|", "\\vert") and re.search(r"(?<!\\)\||\\vert|\\[lr]vert", rest):
        return None
    if not rest.strip():
        return None
    name = _read(m.group("name"), replace(context, entry=None))[0]
    if not isinstance(name, sp.Symbol):
        raise Unparsed("an evaluation bar that sets something other than a name", m.group(0))
    value = _read(m.group("value"), replace(context, entry=None))[0]
    expr, ranges, guesses = _read(rest, context)
    if name not in expr.free_symbols and not any(name in d.variables for d in expr.atoms(sp.Derivative)):
        raise Unparsed(f"an evaluation bar at {name}, which the expression before it does not hold", m.group(0))
    taken = [d for d in expr.atoms(sp.Derivative) if name in d.variables]
    outside = expr.xreplace({d: sp.Dummy() for d in taken})
    if taken and name in outside.free_symbols or not taken and isinstance(expr, sp.Add) and not bar.startswith("\\right"):
        # "x \frac{d}{dx} x^2 \Big|_{x=1}", "1 + x f'(x)|_{x=0}": the bar of the derivative only, or of all?
        raise Unparsed(f"an evaluation bar whose reach is not clear ({name} outside what it evaluates: write "
                       f"\\left. … \\right|_{{…}} or the value at the point)", m.group(0))
    return sp.Subs(expr, name, value).doit() if not expr.has(sp.Derivative) else sp.Subs(expr, name, value), \
        ranges, guesses


def _read(tex: str, context: Context) -> tuple[sp.Expr, tuple, tuple]:
    evaluated = _evaluated_at(tex, context)
    if evaluated is not None:
        return evaluated
    tex = _PLUS_MINUS_RANGE.sub(lambda m: f"{m.group(1)}\\in \\{{-{m.group(2)}, {m.group(2)}\\}}}}", tex)
    source = _thousands(_EQUATION_NUMBER.sub("", tex))
    scanned = scan(source, increments=context.increments, laplacian=context.laplacian)
    tokens = _without_final_punctuation(scanned.tokens)
    if not tokens:
        raise Unparsed("nothing to read", tex)
    try:
        tree = _parser().parse(tokens)
    except UnexpectedInput as exc:
        raise _syntax_error(exc, source) from None
    syntax = ToSyntax(source).transform(tree)
    letters = frozenset(t.value for t in tokens if t.type == "LETTER")
    reader = Reader(context, source, letters, scanned)
    value = reader.read(syntax)
    if not isinstance(value, sp.Expr):
        raise Unparsed("not an expression", tex[:80])
    if not isinstance(value, Distribution) and value.has(Distribution):
        inside = value.replace(lambda e: isinstance(e, sp.core.function.AppliedUndef) and is_divergence(e),
                               lambda e: sp.Dummy())
        if inside.has(Distribution):       # \mathrm{Ber}(p) + 1: a distribution is no number
            raise Unparsed("a distribution used as a number (only KL(A ‖ B) of two of one family is read)", tex[:80])
    return value, tuple(reader.ranges), tuple(reader.guesses)


def _without_final_punctuation(tokens: list[Token]) -> list[Token]:
    """A sentence's final ``.`` or ``,`` after the formula is not part of it."""
    while tokens and (tokens[-1].type == "COMMA" or (tokens[-1].type == "MULOP" and tokens[-1].value == ".")):
        tokens = tokens[:-1]
    return tokens


def _syntax_error(exc: UnexpectedInput, tex: str) -> Unparsed:
    token = getattr(exc, "token", None)
    if isinstance(exc, UnexpectedEOF) or (isinstance(exc, UnexpectedToken) and token.type == "$END"):
        return Unparsed("the expression ends too early (an operator, script or macro is missing its "
                        "operand)", tex[-40:])
    start = token.start_pos if token is not None and token.start_pos is not None else 0
    end = token.end_pos if token is not None and token.end_pos is not None else start + 1
    shown = tex[start:end] or str(token)
    return Unparsed(f"cannot read '{shown}' here", tex[max(0, start - 25):end + 25])


@contextmanager
def _recursion_room(limit: int = 8000) -> Iterator[None]:
    """Deep (but bounded, ≤ 100 levels) nesting needs more than Python's default 1000 frames."""
    old = sys.getrecursionlimit()
    if old < limit:
        sys.setrecursionlimit(limit)
    try:
        yield
    finally:
        if old < limit:
            sys.setrecursionlimit(old)
