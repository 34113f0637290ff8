"""Tests for softsym.declarations: DECL strings → Domain, assumption strengthening, and errors."""
from __future__ import annotations

import re

import pytest
import sympy as sp

from softsym.declarations import parse_declarations
from softsym.domain import Bound, Domain
from softsym.errors import DeclarationError


def test_contract_example() -> None:
    domain = parse_declarations(
        "p q: real; phi: 0<phi<1; n: integer positive; i: integer, 0<=i<=n-1; z: indexed, real")
    p, q = sp.Symbol("p", real=True), sp.Symbol("q", real=True)
    phi = sp.Symbol("phi", real=True, positive=True)
    n = sp.Symbol("n", integer=True, positive=True)
    i = sp.Symbol("i", integer=True, nonnegative=True)
    z = sp.IndexedBase("z", real=True)
    assert domain == Domain(
        symbols=(p, q, phi, n, i),
        indexed=(z,),
        bounds=(Bound(phi, sp.Integer(0), True, sp.Integer(1), True), Bound(i, sp.Integer(0), False, n - 1, False)),
    )
    assert domain.names() == {"p": p, "q": q, "phi": phi, "n": n, "i": i, "z": z}


def test_empty_text_is_an_empty_domain() -> None:
    assert parse_declarations("") == Domain()
    assert parse_declarations("  ; ") == Domain()


@pytest.mark.parametrize(("text", "facts"), [
    ("x:", {"real": True}),
    ("x: real", {"real": True}),
    ("x: positive", {"real": True, "positive": True}),
    ("x: 0<x<1", {"real": True, "positive": True}),
    ("x: 1 > x > 0", {"real": True, "positive": True}),
    ("x: x>0", {"real": True, "positive": True}),
    ("x: x >= 0", {"real": True, "nonnegative": True}),
    ("x: x>=2", {"real": True, "positive": True}),
    ("x: x >= -1", {"real": True}),
    ("x: x<0", {"real": True, "negative": True}),
    ("x: 0 >= x", {"real": True, "nonpositive": True}),
    ("x: x <= -3", {"real": True, "negative": True}),
    ("x: x < pi", {"real": True}),
    ("x: x > pi/2", {"real": True, "positive": True}),
    ("k: integer, 1<=k", {"integer": True, "positive": True}),
    ("k: integer 0 <= k <= 5", {"integer": True, "nonnegative": True}),
    ("x: positive, x>=0", {"real": True, "positive": True}),
    ("x: nonzero, x>=0", {"real": True, "positive": True}),
], ids=["no-items", "real", "positive", "open-unit", "reversed-chain", "strict-zero", "weak-zero",
        "positive-lower", "negative-lower", "strict-upper-zero", "weak-upper-zero", "negative-upper",
        "symbolic-upper", "symbolic-lower", "integer-from-one", "spaced-chain",
        "redundant", "nonzero-and-nonnegative"])
def test_assumptions_are_strengthened_from_numeric_bounds(text: str, facts: dict) -> None:
    (symbol,) = parse_declarations(text).symbols
    assert symbol == sp.Symbol(symbol.name, **facts)


@pytest.mark.parametrize(("text", "lower", "upper"), [
    ("x: x>=0 x<=1", (0, False), (1, False)),
    ("x: x>=0, x<=1", (0, False), (1, False)),
    ("x: 0 < x <= 1", (0, True), (1, False)),
    ("x: 2 >= x > -1", (-1, True), (2, False)),
    ("x: x <= 2", None, (2, False)),
    ("x: 0.5 < x", (sp.Rational(1, 2), True), None),
], ids=["two-bounds-space", "two-bounds-comma", "mixed-strictness", "reversed", "upper-only", "exact-float"])
def test_bounds(text: str, lower: tuple | None, upper: tuple | None) -> None:
    domain = parse_declarations(text)
    (bound,) = domain.bounds
    assert bound.symbol == domain.symbols[0]
    assert (bound.lower, bound.lower_strict) == (lower if lower else (None, False))
    assert (bound.upper, bound.upper_strict) == (upper if upper else (None, False))


def test_bounds_may_use_earlier_and_same_group_names() -> None:
    domain = parse_declarations("n: integer positive; a b: 0<a<b; c: a <= c <= Max(a, b), real")
    n, a, b, c = domain.symbols
    assert [s.name for s in domain.symbols] == ["n", "a", "b", "c"]
    assert domain.bound_of(a) == Bound(a, sp.Integer(0), True, b, True)
    assert domain.bound_of(c) == Bound(c, a, False, sp.Max(a, b), False)
    assert a.is_positive and b.is_positive is None  # b is only real: the bound is on a


def test_indexed() -> None:
    domain = parse_declarations("z: indexed, real; w v: indexed integer positive; u: indexed")
    assert domain.indexed == (sp.IndexedBase("z", real=True), sp.IndexedBase("w", integer=True, positive=True),
                              sp.IndexedBase("v", integer=True, positive=True), sp.IndexedBase("u", real=True))
    assert domain.symbols == ()
    assert domain.indexed[1][0].is_positive and domain.indexed[3][0].is_real


def test_indexed_names_in_later_bounds() -> None:
    domain = parse_declarations("z: indexed; m: m >= z[1]")
    assert domain.bounds[0].lower == sp.IndexedBase("z", real=True)[1]


def test_names_may_be_separated_by_commas_and_shadow_functions() -> None:
    domain = parse_declarations("p, q: real; gamma: positive")
    assert [s.name for s in domain.symbols] == ["p", "q", "gamma"]


@pytest.mark.parametrize(("text", "message"), [
    ("x real", "declaration 'x real' has no ':'; write groups as NAMES: ITEMS"),
    (": real", "no names before ':'"),
    ("x: rational", "unknown item 'rational'; allowed: real, positive"),
    ("x: positive negative", "contradictory assumptions for x: positive negative"),
    ("x: negative, x > 0", "contradictory assumptions for x: negative and its bounds"),
    ("x: real; x: positive", "x is declared twice"),
    ("x x: real", "x is declared twice"),
    ("1x: real", "'1x' is not a valid name"),
    ("lambda: real", "'lambda' is not a valid name"),
    ("__x: real", "dunder"),
    ("phi: 0<phi<m", "bound for phi mentions undeclared name m; declare m in an earlier group"),
    ("i: integer, 0<=i<=n-1; n: integer", "bound for i mentions undeclared name n"),
    ("x: 0 < x < x + 1", "mentions x itself"),
    ("z: indexed, z > 0", "indexed names cannot have bounds"),
    ("x: 0 < y < 1", "the middle of the bound '0 < y < 1' must be one of x"),
    ("x y: x < y", "must have exactly one of x, y on one side"),
    ("x: 0 < x > 1", "must be a chain"),
    ("x: x == 1", "must be a chain"),
    ("x: x = 1", "cannot read the bound"),
    ("x: x > 0, x > 1", "x has two lower bounds"),
    ("x: x < 1 x <= 2", "x has two upper bounds"),
    ("x: x < exp(", "cannot read the bound"),
    ("x: x < __import__('os').system('id')", "call of __import__"),
    ("x: x < (y < 1)", "is not an expression"),
    ("x: x <= w[1]", "undeclared name w"),
], ids=["no-colon", "no-names", "unknown-keyword", "contradictory", "contradicts-bound", "twice",
        "twice-in-group", "bad-name", "keyword-name", "dunder", "undeclared", "declared-later", "self",
        "indexed-bound", "wrong-middle", "ambiguous", "mixed-directions", "equality", "assignment",
        "two-lower", "two-upper", "syntax", "injection", "relational-side", "undeclared-indexed"])
def test_errors(text: str, message: str) -> None:
    with pytest.raises(DeclarationError, match=re.escape(message)) as info:
        parse_declarations(text)
    assert any(repr(group.strip()) in str(info.value) for group in text.split(";"))  # quotes the group
