"""Symbol declarations (``"p q: real; phi: 0<phi<1"``) → a ``Domain`` of SymPy symbols and bounds."""
from __future__ import annotations

import ast
import keyword
import re
import unicodedata
from dataclasses import dataclass, field

import sympy as sp
from sympy.core.facts import InconsistentAssumptions

from .domain import Bound, Domain
from .errors import DeclarationError, ParseError
from .parsing import MAX_CHARS, parse_expr

ASSUMPTIONS = ("real", "positive", "negative", "nonnegative", "nonpositive", "nonzero", "integer", "complex",
               "imaginary")
"""SymPy assumption keywords a declaration may set (``complex``: any complex number, so that
branch-cut mistakes such as log(e^x) = x are caught; ``imaginary``: i·y with y real, y ≠ 0)."""
NOT_REAL = ("complex", "imaginary")
INDEXED = "indexed"
_ALLOWED = f"{', '.join(ASSUMPTIONS)}, {INDEXED}, or a bound such as 0<x<1, x>=0, 0<=i<=n-1"
_EXAMPLE = "write groups as NAMES: ITEMS, e.g. 'p q: real; phi: 0<phi<1; i: integer, 0<=i<=n-1'"
_LOWER_OPS = {ast.Lt: True, ast.LtE: False}  # a < x, a <= x: a is a lower bound (strict?)
_UPPER_OPS = {ast.Gt: True, ast.GtE: False}  # a > x, a >= x: a is an upper bound (strict?)
_OPEN_END = re.compile(r"[<>=!+\-*/(\[]$")  # a token that cannot end an item
_OPEN_START = re.compile(r"[<>=!+\-*/)\]]")  # a token that cannot start one


@dataclass
class _Group:
    """One ``NAMES: ITEMS`` group while it is being read."""

    text: str
    names: list[str]
    facts: dict[str, bool] = field(default_factory=dict)
    indexed: bool = False
    chains: list[str] = field(default_factory=list)
    lower: dict[str, tuple[sp.Expr, bool]] = field(default_factory=dict)
    upper: dict[str, tuple[sp.Expr, bool]] = field(default_factory=dict)

    def error(self, message: str) -> DeclarationError:
        return DeclarationError(f"{message} (in {self.text.strip()!r})")


def parse_declarations(text: str) -> Domain:
    """Read a declaration string into a ``Domain``.

    ``text`` holds ``;``-separated groups ``NAMES: ITEMS``; items are assumption keywords,
    ``indexed``, and bound chains that may mention names declared in earlier groups or in the
    same group.  Names without items are real; numeric bounds strengthen the assumptions
    (``0<phi<1`` makes ``phi`` positive).

    Args:
        text: e.g. ``"p q: real; phi: 0<phi<1; n: integer positive; i: integer, 0<=i<=n-1"``.

    Returns:
        The domain, with symbols and bounds in declaration order.

    Raises:
        DeclarationError: a group is malformed; the message quotes it.
    """
    if len(text) > MAX_CHARS:
        raise DeclarationError(f"declarations too long: {len(text)} characters (limit {MAX_CHARS})")
    symbols: list[sp.Symbol] = []
    indexed: list[sp.IndexedBase] = []
    bounds: list[Bound] = []
    declared: dict[str, sp.Basic] = {}
    for chunk in text.split(";"):
        if not chunk.strip():
            continue
        group = _read_group(chunk, declared)
        made = _make(group)
        for name, obj in made.items():
            declared[name] = obj
            (indexed if isinstance(obj, sp.IndexedBase) else symbols).append(obj)
        placeholders = {_placeholder(group, name): made[name] for name in group.names}
        for name in group.names:
            lower, lower_strict = group.lower.get(name, (None, False))
            upper, upper_strict = group.upper.get(name, (None, False))
            if lower is not None or upper is not None:
                bounds.append(Bound(made[name], _final(lower, placeholders), lower_strict,
                                    _final(upper, placeholders), upper_strict))
    return Domain(tuple(symbols), tuple(indexed), tuple(bounds))


def _read_group(chunk: str, declared: dict[str, sp.Basic]) -> _Group:
    """Split one group into names, keywords and bounds (bounds parsed against placeholders)."""
    if ":" not in chunk:
        raise DeclarationError(f"declaration {chunk.strip()!r} has no ':'; {_EXAMPLE}")
    head, _, items = chunk.partition(":")
    names = [unicodedata.normalize("NFKC", n) for n in re.split(r"[\s,]+", head) if n]  # as ast does
    group = _Group(chunk, names)
    if not group.names:
        raise group.error(f"no names before ':'; {_EXAMPLE}")
    for name in group.names:
        if not name.isidentifier() or keyword.iskeyword(name):
            raise group.error(f"{name!r} is not a valid name")
        if name.startswith("__"):
            raise group.error(f"{name!r} is not allowed (dunder)")
        if name in declared or group.names.count(name) > 1:
            raise group.error(f"{name} is declared twice")
    for item in _items(items):
        if any(op in item for op in "<>=!"):
            group.chains.append(item)
        elif item in ASSUMPTIONS:
            group.facts[item] = True
        elif item == INDEXED:
            group.indexed = True
        else:
            raise group.error(f"unknown item {item!r}; allowed: {_ALLOWED}")
    non_real = [f for f in NOT_REAL if f in group.facts]
    clash = [f for f in group.facts if f not in NOT_REAL]
    if non_real and (clash or group.chains):
        what = ", ".join(clash) if clash else "a bound"
        raise group.error(f"{non_real[0]} cannot go with {what}: bounds and signs are for real names "
                          f"(declare a real name instead, or leave the name complex)")
    if group.indexed and group.chains:
        raise group.error(f"indexed names cannot have bounds ({group.chains[0]!r})")
    names = {**declared, **{name: _placeholder(group, name) for name in group.names}}
    for chain in group.chains:
        _read_chain(group, chain, names)
    _share_bounds(group, names)
    return group


def _share_bounds(group: _Group, names: dict[str, sp.Basic]) -> None:
    """``i t: integer, 1<=i<=n``: a bound written for one name of a group applies to each name of
    the group that has no bound of its own — unless it relates names of the group (``x y: real,
    0<x<y`` bounds x by y, not y by itself)."""
    own = {n for n in group.names if n in group.lower or n in group.upper}
    if len(group.names) < 2 or len(own) != 1:
        return
    (source,) = own
    placeholders = {names[n] for n in group.names}
    ends = [end for table in (group.lower, group.upper) if source in table for end in [table[source][0]]]
    if any(end.free_symbols & placeholders for end in ends):
        return
    for name in group.names:
        if name == source:
            continue
        for table in (group.lower, group.upper):
            if source in table:
                table[name] = table[source]


def _items(text: str) -> list[str]:
    """Split items on commas (outside parentheses), then on spaces, keeping a spaced-out chain
    such as ``0 <= i <= n - 1`` together: a token that ends or starts with an operator, or an
    open parenthesis, glues to its neighbour."""
    items: list[str] = []
    for part in _split_commas(text):
        start = len(items)
        for token in part.split():
            previous = items[-1] if len(items) > start else None
            unclosed = previous is not None and _depth(previous) > 0
            if previous is not None and (unclosed or _OPEN_END.search(previous) or _OPEN_START.match(token)):
                items[-1] = f"{previous} {token}"
            else:
                items.append(token)
    return items


def _split_commas(text: str) -> list[str]:
    """Split ``text`` on the commas that are not inside parentheses or brackets."""
    parts, current = [], ""
    for char in text:
        if char == "," and _depth(current) <= 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def _depth(text: str) -> int:
    """How many parentheses and brackets ``text`` leaves open."""
    return text.count("(") + text.count("[") - text.count(")") - text.count("]")


def _read_chain(group: _Group, chain: str, names: dict[str, sp.Basic]) -> None:
    """Record the bound a chain like ``0 < phi <= 1`` puts on one of the group's names."""
    try:
        tree = ast.parse(chain.strip(), mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise group.error(f"cannot read the bound {chain!r}") from None
    ops = [type(op) for op in tree.ops] if isinstance(tree, ast.Compare) else []
    directions = {op in _LOWER_OPS for op in ops}
    if not ops or len(ops) > 2 or not set(ops) <= {*_LOWER_OPS, *_UPPER_OPS} or len(directions) > 1:
        raise group.error(f"bound {chain!r} must be a chain a < x < b or x >= a (using < <= > >=)")
    operands = [tree.left, *tree.comparators]
    named = [i for i, o in enumerate(operands) if isinstance(o, ast.Name) and o.id in group.names]
    if len(ops) == 2:
        if 1 not in named:
            raise group.error(f"the middle of the bound {chain!r} must be one of {', '.join(group.names)}")
        where = 1
    elif len(named) != 1:
        raise group.error(f"bound {chain!r} must have exactly one of {', '.join(group.names)} on one side")
    else:
        where = named[0]
    name = operands[where].id
    for i, op in enumerate(ops):
        side_index = i if i < where else i + 1
        side = _side(group, chain, ast.get_source_segment(chain.strip(), operands[side_index]), name, names)
        is_lower = (op in _LOWER_OPS) == (side_index < where)
        strict = {**_LOWER_OPS, **_UPPER_OPS}[op]
        table = group.lower if is_lower else group.upper
        if name in table:
            raise group.error(f"{name} has two {'lower' if is_lower else 'upper'} bounds")
        table[name] = (side, strict)


def _side(group: _Group, chain: str, text: str | None, name: str, names: dict[str, sp.Basic]) -> sp.Expr:
    """Parse one end of a bound and check it mentions only declared names, never ``name`` itself."""
    try:
        value = parse_expr(text or "", names)
    except ParseError as exc:
        raise group.error(f"cannot read {text!r} in the bound {chain!r}: {exc.reason}") from None
    if not isinstance(value, sp.Expr):
        raise group.error(f"{text!r} in the bound {chain!r} is not an expression")
    known = set(names.values()) | {b.label for b in names.values() if isinstance(b, sp.IndexedBase)}
    for symbol in sorted(value.free_symbols - known, key=str):
        if isinstance(symbol, sp.Indexed):
            continue
        raise group.error(f"bound for {name} mentions undeclared name {symbol}; "
                          f"declare {symbol} in an earlier group")
    if names[name] in value.free_symbols:
        raise group.error(f"the bound {chain!r} for {name} mentions {name} itself")
    return value


def _placeholder(group: _Group, name: str) -> sp.Basic:
    """The stand-in for a group name while its bounds are read (its assumptions are not known yet)."""
    if group.indexed:
        return sp.IndexedBase(name, real=True)
    return sp.Symbol(name, **({"integer": True} if group.facts.get("integer") else {"real": True}))


def _make(group: _Group) -> dict[str, sp.Basic]:
    """Create each name of the group with its keywords plus the facts its numeric bounds imply."""
    made: dict[str, sp.Basic] = {}
    for name in group.names:
        facts = dict(group.facts)
        if not facts.get("integer") and not any(facts.get(f) for f in NOT_REAL):
            facts["real"] = True
        facts.update(_implied(group.lower.get(name), group.upper.get(name), facts))
        try:
            made[name] = sp.IndexedBase(name, **facts) if group.indexed else sp.Symbol(name, **facts)
        except InconsistentAssumptions:
            bounded = " and its bounds" if name in group.lower or name in group.upper else ""
            raise group.error(f"contradictory assumptions for {name}: {' '.join(group.facts)}{bounded}") from None
    return made


def _implied(lower: tuple[sp.Expr, bool] | None, upper: tuple[sp.Expr, bool] | None,
             facts: dict[str, bool]) -> dict[str, bool]:
    """Sign facts that numeric bounds imply and ``facts`` do not already give."""
    implied: dict[str, bool] = {}
    if lower is not None and lower[0].is_number and lower[0].is_extended_real:
        value, strict = lower
        if value.is_positive or (value.is_zero and strict):
            implied["positive"] = True
        elif value.is_zero:
            implied["nonnegative"] = True
    if upper is not None and upper[0].is_number and upper[0].is_extended_real:
        value, strict = upper
        if value.is_negative or (value.is_zero and strict):
            implied["negative"] = True
        elif value.is_zero:
            implied["nonpositive"] = True
    try:
        current = sp.Symbol("_", **facts)
    except InconsistentAssumptions:
        return implied
    return {k: v for k, v in implied.items() if getattr(current, f"is_{k}") is not True}


def _final(expr: sp.Expr | None, placeholders: dict[sp.Basic, sp.Basic]) -> sp.Expr | None:
    """Replace the group's placeholders by the symbols finally made."""
    return None if expr is None else expr.xreplace(placeholders)
