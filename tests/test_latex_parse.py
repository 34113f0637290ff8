"""``softsym.latex.parse_tex``: the fragment table, the error contract, and the seed corpus.

The seed corpus test reads every math fragment of derivations/sources/*.txt (the five seed texts) (``$…$``, ``$$…$$``,
```` ```^ ```` fences, inline `` `^…` ``), splits it at top-level relation operators and line breaks,
and checks that every side either parses or raises ``Unparsed`` — and that at least 60% parse.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
import sympy as sp
from latex_fragments import FRAGMENTS, UNPARSED, Equivalent

from softsym.latex import Context, Unparsed, parse_tex

SEEDS = Path(__file__).resolve().parents[1] / "derivations" / "sources"   # the five texts, vendored
MIN_SHARE = 0.60


def _row_id(row: tuple) -> str:
    tex = row[0]
    shown = tex if len(tex) <= 40 else tex[:37] + "..."
    return shown + (" [ctx]" if len(row) > 2 else "")


def test_the_table_is_large_enough():
    assert len(FRAGMENTS) >= 150


@pytest.mark.parametrize("row", FRAGMENTS, ids=[_row_id(r) for r in FRAGMENTS])
def test_fragment(row: tuple) -> None:
    tex, expected = row[0], row[1]
    context = row[2] if len(row) > 2 else Context()
    if expected == UNPARSED:
        with pytest.raises(Unparsed) as info:
            got = parse_tex(tex, context)
            pytest.fail(f"read as {got!r}")  # pragma: no cover - shown only on failure
        assert info.value.reason, "an Unparsed must say why"
        return
    got = parse_tex(tex, context)
    if isinstance(expected, Equivalent):
        assert sp.simplify(expected.value - got) == 0, f"{got!r} is not {expected.value!r}"
    else:
        assert got == expected, f"{got!r} != {expected!r}"


def test_the_grammar_has_no_lalr_conflicts() -> None:
    from lark import Lark
    from lark.exceptions import ConfigurationError

    from softsym.latex.parse import _TokenList, grammar_text

    try:
        Lark(grammar_text(), parser="lalr", lexer=_TokenList, strict=True)
    except (TypeError, ConfigurationError):  # pragma: no cover - a Lark without the strict option
        pytest.skip("this Lark has no strict mode")


@pytest.mark.parametrize("inline, fraction, context", [
    (r"\partial L / \partial b", r"\frac{\partial L}{\partial b}", Context()),
    (r"\partial^2 L / \partial b^2", r"\frac{\partial^2 L}{\partial b^2}", Context()),
    (r"\partial L/\partial w_j", r"\frac{\partial L}{\partial w_j}", Context()),
    (r"\partial L / \partial w", r"\frac{\partial L}{\partial w}", Context(functions=frozenset({"L"}),
                                                                           parameters={"L": ("w",)})),
    (r"\partial \mathbf{s} / \partial \mathbf{z}", r"\frac{\partial \mathbf{s}}{\partial \mathbf{z}}",
     Context(entry=sp.Symbol("i", integer=True), column=sp.Symbol("j", integer=True))),
    (r"dL/dz", r"\frac{dL}{dz}", Context()),
])
def test_an_inline_derivative_is_the_fraction(inline: str, fraction: str, context: Context) -> None:
    assert parse_tex(inline, context) == parse_tex(fraction, context)


# -- the error contract ---------------------------------------------------------------------------
@pytest.mark.parametrize("tex, fragment", [
    (r"a \approx b", r"\approx"),
    (r"\nabla f", r"\nabla"),
    (r"x \propto y", r"\propto"),
    (r"\int x dx", r"\int"),
    (r"\foo + 1", r"\foo"),
    (r"\phi_1 \cdots \phi_k", r"\cdots"),
    (r"x = 1", "="),
])
def test_refusals_name_the_macro(tex: str, fragment: str) -> None:
    with pytest.raises(Unparsed) as info:
        parse_tex(tex)
    assert info.value.fragment == fragment


@pytest.mark.parametrize("tex", [
    r"\sum_{d \mid n} d",        # the divisors of n, not a sum over d and over n
    r"0.(3)",                     # repeating digits, not 0 · 3
    r"3.14(2)",                   # an uncertainty, not 3.14 · 2
])
def test_notation_with_a_meaning_the_grammar_does_not_read_is_refused(tex: str) -> None:
    with pytest.raises(Unparsed):
        parse_tex(tex)


def test_a_relation_is_named_as_such() -> None:
    with pytest.raises(Unparsed) as info:
        parse_tex(r"a \le b")
    assert info.value.reason == "a relation inside an expression"


def test_ambiguous_run_reason_quotes_the_run() -> None:
    with pytest.raises(Unparsed) as info:
        parse_tex("thus")
    assert "ambiguous run of letters 'thus'" in info.value.reason


def test_text_inside_math_reason() -> None:
    for tex in (r"\text{for}", "x 的", r"\mathrm{foo}(x)"):
        with pytest.raises(Unparsed) as info:
            parse_tex(tex)
        assert info.value.reason.startswith("text inside math"), tex


@pytest.mark.parametrize("bad", [None, 3, b"x"])
def test_a_non_string_is_refused(bad) -> None:
    with pytest.raises(Unparsed):
        parse_tex(bad)  # type: ignore[arg-type]


def test_unparsed_carries_reason_and_fragment() -> None:
    exc = Unparsed("why", "here")
    assert (exc.reason, exc.fragment, str(exc)) == ("why", "here", "why: here")


def test_declared_names_are_used_as_given() -> None:
    z = sp.IndexedBase("z", positive=True)
    x = sp.Symbol("x", positive=True)
    got = parse_tex(r"\sum_i z_i x", Context(names={"z": z, "x": x}))
    i = sp.Symbol("i", integer=True)
    assert got == sp.Sum(z[i] * x, (i, 1, sp.Symbol("n", integer=True, positive=True)))


def test_bound_index_replaces_the_letter_in_the_summand() -> None:
    k = sp.Symbol("k", integer=True)
    assert parse_tex(r"\sum_{k=1}^{3} k") == sp.Sum(k, (k, 1, 3))


# -- the seed corpus --------------------------------------------------------------------------------
_FENCE = re.compile(r"```\^[ \t]*\n(.*?)```", re.DOTALL)
_CODE = re.compile(r"```.*?```", re.DOTALL)
_DISPLAY = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
_INLINE = re.compile(r"(?<![\\$])\$([^$\n]+?)\$")
_TICK = re.compile(r"`\^([^`\n]+)`")
_ALIGN = re.compile(r"\\(?:begin|end)\{(?:aligned|align\*?|equation\*?|split|gathered)\}")
_RELATION = re.compile(r"&?\s*(?::=|=|\\leq?(?![a-zA-Z])|\\geq?(?![a-zA-Z])|\\neq?(?![a-zA-Z])|\\approx"
                       r"|\\equiv|\\propto|\\Rightarrow|\\rightarrow|\\to(?![a-zA-Z])|\\Longleftrightarrow|<|>)")
_FUNCTION_DEFINITION = re.compile(r"(?m)(?:^|\\\\)\s*&?\s*([A-Za-z]|\\[A-Za-z]+)\s*\(([^()]*)\)\s*&?\s*:?=")
_PARAMETER = re.compile(r"^\s*([A-Za-z]|\\[A-Za-z]+)\s*$")


def math_fragments(text: str) -> list[str]:
    """The math of a Markdown-ish note: ```^ fences, `^inline`, $$display$$ and $inline$."""
    found = [m.group(1) for m in _FENCE.finditer(text)]
    text = _CODE.sub(" ", _FENCE.sub(" ", text))
    found += [m.group(1) for m in _TICK.finditer(text)]
    text = _TICK.sub(" ", text)
    found += [m.group(1) for m in _DISPLAY.finditer(text)]
    text = _DISPLAY.sub(" ", text)
    found += [m.group(1) for m in _INLINE.finditer(text)]
    return found


def relation_sides(fragment: str) -> list[str]:
    """Split at top-level relation operators (``=``, ``&=``, ``\\le`` …) and line breaks ``\\\\``."""
    fragment = _ALIGN.sub(" ", fragment)
    sides: list[str] = []
    current: list[str] = []
    depth, i = 0, 0
    while i < len(fragment):
        ch = fragment[i]
        if fragment.startswith("\\{", i) or fragment.startswith("\\}", i):
            current.append(fragment[i:i + 2])
            i += 2
            continue
        if ch in "{([":
            depth += 1
        elif ch in "})]":
            depth = max(0, depth - 1)
        if depth == 0 and fragment.startswith("\\\\", i):
            sides.append("".join(current))
            current, i = [], i + 2
            continue
        m = _RELATION.match(fragment, i) if depth == 0 and ch in "&=<>:\\" else None
        if m:
            sides.append("".join(current))
            current, i = [], m.end()
            continue
        current.append(ch)
        i += 1
    sides.append("".join(current))
    return [s for s in sides if s.strip(" \t\n&")]


def defined_functions(fragments: list[str]) -> frozenset[str]:
    """Names the note defines as functions (``T(y) &= y``), as the document checker passes them."""
    names = set()
    for fragment in fragments:
        for m in _FUNCTION_DEFINITION.finditer(fragment):
            if all(_PARAMETER.match(p) for p in re.split(r"[,;]", m.group(2))):
                names.add(m.group(1).lstrip("\\"))
    return frozenset(names)


def test_relation_sides_split_only_at_top_level() -> None:
    assert relation_sides(r"\sum_{i=1}^n z_i &= \frac{a}{b} \\ &\le c") == [r"\sum_{i=1}^n z_i ", r" \frac{a}{b} ", " c"]


def test_seed_corpus() -> None:
    notes = sorted(SEEDS.glob("*.txt"))
    if not notes:
        pytest.skip(f"no seed notes in {SEEDS}")
    parsed = refused = 0
    slowest = 0.0
    for note in notes:
        fragments = math_fragments(note.read_text(encoding="utf-8"))
        context = Context(functions=defined_functions(fragments))
        for fragment in fragments:
            for side in relation_sides(fragment):
                start = time.perf_counter()
                try:
                    got = parse_tex(side, context)
                except Unparsed:
                    refused += 1
                else:
                    assert isinstance(got, sp.Expr), side
                    parsed += 1
                slowest = max(slowest, time.perf_counter() - start)
    total = parsed + refused
    share = parsed / total
    print(f"\nseed corpus: {parsed} of {total} sides parsed ({share:.1%}); {refused} refused as Unparsed; "
          f"slowest side {slowest * 1000:.0f} ms")
    assert slowest < 2.0
    assert share >= MIN_SHARE
