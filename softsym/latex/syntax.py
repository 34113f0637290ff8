"""The syntax tree of a TeX expression, and the Lark transformer that builds it from a parse tree.

The nodes keep what the reader needs to decide meaning: the order of factors and explicit
operators in a product (``\\sum`` takes the rest of it, ``f`` before ``(x)`` may be applied), the
scripts of every factor, the source span of every node (for the ``fragment`` of an error).
No SymPy object is made here; :mod:`softsym.latex.build` makes them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lark import Token, Transformer_NonRecursive

from .errors import Unparsed

NAME_KINDS = ("LETTER", "GREEK", "NAME")
"""Token kinds that are names."""
OPERATOR_KINDS = ("FUNC", "BIGOP", "LIM", "MAXMIN", "NABLA")
"""Token kinds that apply to what follows them."""


@dataclass(eq=False)
class Node:
    """Anything with a source span ``[start, end)``."""

    start: int
    end: int


@dataclass(eq=False)
class Leaf(Node):
    """One token: ``kind`` is its type (LETTER, GREEK, NUMBER, BIGOP, MULOP …), ``text`` its value."""

    kind: str
    text: str


@dataclass(eq=False)
class SignScript(Node):
    """A superscript that is only a sign: ``0^+`` (a limit's direction)."""

    sign: str


@dataclass(eq=False)
class Group(Node):
    """A delimited group: kind is paren, bracket, brace, set, abs, norm, floor or ceil.

    ``elements`` are its comma-separated parts (expressions or relations)."""

    kind: str
    elements: list[Node]
    semicolon: bool = False
    separators: tuple[str, ...] = ()

    @property
    def given(self) -> bool:
        """A conditional bar separates two of the elements (``P(a | b)``)."""
        return "|" in self.separators


@dataclass(eq=False)
class Frac(Node):
    num: Node
    den: Node


@dataclass(eq=False)
class Sqrt(Node):
    index: Node | None
    radicand: Node


@dataclass(eq=False)
class Binom(Node):
    top: Node
    bottom: Node


@dataclass(eq=False)
class Factor(Node):
    """A base with its scripts: ``x_i^2``, ``f'``, ``(x+1)^2``, ``\\sum_{i=1}^n``, ``n!``."""

    base: Node
    sub: Node | None = None
    sup: Node | None = None
    primes: int = 0
    bangs: int = 0

    @property
    def plain(self) -> bool:
        """No script of any kind."""
        return self.sub is None and self.sup is None and not self.primes and not self.bangs


@dataclass(eq=False)
class Product(Node):
    """Factors and explicit operators (Leaf MULOP / DIV) in written order."""

    items: list[Node]


@dataclass(eq=False)
class Expr(Node):
    """Signed terms; ``lone_sign`` is set when the expression is a sign alone (``{+}`` in ``0^{+}``)."""

    terms: list[tuple[str, Product]] = field(default_factory=list)
    lone_sign: str | None = None


@dataclass(eq=False)
class Relation(Node):
    """``a = b``, ``1 \\le i \\le 3``, ``x \\to 0``: parts and the operators (Leaf REL / TO) between them."""

    parts: list[Node]
    ops: list[Leaf]


@dataclass(eq=False)
class Seq(Node):
    """A comma-separated list (the top level, the inside of every group); ``semicolon`` when a ``;``
    separates some parts (only a declared function's arguments may)."""

    elements: list[Node]
    semicolon: bool = False
    separators: tuple[str, ...] = ()    # between the elements: ",", ";" or "|" (a conditional bar)

    @property
    def given(self) -> bool:
        """A conditional bar separates two of the elements (``P(a | b)``)."""
        return "|" in self.separators


@dataclass(eq=False)
class _Script(Node):
    """A script while the factor is being built: kind is sub, sup, prime or bang."""

    kind: str
    node: Node | None


def leaf(token: Token) -> Leaf:
    return Leaf(token.start_pos, token.end_pos, token.type, str(token.value))


def _span(children: list) -> tuple[int, int]:
    starts = [c.start_pos if isinstance(c, Token) else c.start for c in children]
    ends = [c.end_pos if isinstance(c, Token) else c.end for c in children]
    return min(starts), max(ends)


class ToSyntax(Transformer_NonRecursive):
    """Lark parse tree → syntax nodes (non-recursive, so deep nesting costs no Python stack)."""

    def __init__(self, tex: str) -> None:
        super().__init__()
        self.tex = tex

    def start(self, children: list) -> Seq:
        return children[0]

    def seq(self, children: list) -> Seq:
        elements = [c for c in children if not isinstance(c, Token)]
        separators = tuple("|" if c.type == "GIVEN" else c.value for c in children if isinstance(c, Token))
        return Seq(*_span(children), elements=elements, semicolon=";" in separators, separators=separators)

    def relation(self, children: list) -> Node:
        if len(children) == 1:
            return children[0]
        parts = children[0::2]
        ops = [leaf(t) for t in children[1::2]]
        return Relation(*_span(children), parts=parts, ops=ops)

    def expr(self, children: list) -> Expr:
        terms: list[tuple[str, Product]] = []
        sign = "+"
        for c in children:
            if isinstance(c, Token):
                sign = c.value
            else:
                terms.append((sign, c))
                sign = "+"
        return Expr(*_span(children), terms=terms)

    def lone_sign(self, children: list) -> Expr:
        return Expr(*_span(children), lone_sign=children[0].value)

    def sign(self, children: list) -> Token:
        return children[0]

    def product(self, children: list) -> Product:
        items = [leaf(c) if isinstance(c, Token) else c for c in children]
        return Product(*_span(children), items=items)

    def factor(self, children: list) -> Factor:
        base, scripts = _unbraced_name(children[0]), children[1:]
        f = Factor(*_span(children), base=base)
        for script in scripts:
            kind, node = script.kind, script.node
            if kind in ("sub", "sup"):
                if getattr(f, kind) is not None:
                    what = "subscript" if kind == "sub" else "superscript"
                    raise Unparsed(f"a double {what} (add braces to say which applies to what)",
                                   self.tex[f.start:f.end])
                setattr(f, kind, node)
            elif kind == "prime":
                if f.sup is not None:       # f_1' is f'_1 (J_\lambda'(\beta)); after a power it is unclear
                    raise Unparsed("a prime after a superscript (write f'^2 or (f')^2)", self.tex[f.start:f.end])
                f.primes += 1
            else:
                f.bangs += 1
        return f

    def sup(self, children: list) -> _Script:
        return _Script(*_span(children), kind="sup", node=_arg(children[1]))

    def sub(self, children: list) -> _Script:
        return _Script(*_span(children), kind="sub", node=_arg(children[1]))

    def prime(self, children: list) -> _Script:
        return _Script(*_span(children), kind="prime", node=None)

    def bang(self, children: list) -> _Script:
        return _Script(*_span(children), kind="bang", node=None)

    def sign_script(self, children: list) -> SignScript:
        t = children[0]
        return SignScript(t.start_pos, t.end_pos, sign=t.value)

    def atom(self, children: list) -> Leaf:
        return leaf(children[0])

    def _group(kind: str):
        def method(self, children: list) -> Group:
            seq = children[1]
            return Group(*_span(children), kind=kind, elements=seq.elements, semicolon=seq.semicolon,
                         separators=seq.separators)
        return method

    paren = _group("paren")
    bracket = _group("bracket")
    brace = _group("brace")
    setbrace = _group("set")
    abs = _group("abs")
    norm = _group("norm")
    floor = _group("floor")
    ceil = _group("ceil")
    del _group

    def frac(self, children: list) -> Frac:
        return Frac(*_span(children), num=_arg(children[1]), den=_arg(children[2]))

    def binom(self, children: list) -> Binom:
        return Binom(*_span(children), top=_arg(children[1]), bottom=_arg(children[2]))

    def sqrt(self, children: list) -> Sqrt:
        index = children[2] if len(children) == 5 else None
        return Sqrt(*_span(children), index=index, radicand=_arg(children[-1]))


def _unbraced_name(node: Node) -> Node:
    """``{W}`` in ``{W}^\\top`` is the name W: braces around one plain name are dropped."""
    if not (isinstance(node, Group) and node.kind == "brace" and len(node.elements) == 1):
        return node
    e = node.elements[0]
    if not (isinstance(e, Expr) and e.lone_sign is None and len(e.terms) == 1 and e.terms[0][0] == "+"):
        return node
    items = e.terms[0][1].items
    if len(items) == 1 and isinstance(items[0], Factor) and items[0].plain and isinstance(items[0].base, Leaf) \
            and items[0].base.kind in ("LETTER", "GREEK", "NAME"):
        return items[0].base
    return node


def _arg(node):
    return leaf(node) if isinstance(node, Token) else node


# -- queries the reader asks of the tree ---------------------------------------------------------
def as_factor(node: Node) -> Factor:
    return node if isinstance(node, Factor) else Factor(node.start, node.end, base=node)


def lone_factor(node: Node | None) -> Factor | None:
    """The single factor ``node`` consists of (through braces and a one-term expression), if any."""
    while True:
        if node is None:
            return None
        if isinstance(node, Factor):
            return node
        if isinstance(node, Seq | Group) and (not isinstance(node, Group) or node.kind == "brace"):
            if len(node.elements) != 1:
                return None
            node = node.elements[0]
        elif isinstance(node, Expr):
            if node.lone_sign or len(node.terms) != 1 or node.terms[0][0] != "+":
                return None
            node = node.terms[0][1]
        elif isinstance(node, Product):
            if len(node.items) != 1:
                return None
            node = node.items[0]
        elif isinstance(node, Leaf | Frac | Sqrt | Binom):
            return as_factor(node)
        else:
            return None


def lone_leaf(node: Node | None, kinds: tuple[str, ...]) -> Leaf | None:
    """The single script-free token of ``node`` if it is one of ``kinds``."""
    f = lone_factor(node)
    if f is not None and f.plain and isinstance(f.base, Leaf) and f.base.kind in kinds:
        return f.base
    return None


def items_of(node: Node) -> list[Node] | None:
    """The items of ``node`` read as one product (None when it is a sum, a list …)."""
    if isinstance(node, Leaf | Frac | Sqrt | Binom | Factor):
        return [as_factor(node)]
    if isinstance(node, Group | Seq) and (not isinstance(node, Group) or node.kind == "brace"):
        return items_of(node.elements[0]) if len(node.elements) == 1 else None
    if isinstance(node, Expr) and not node.lone_sign and len(node.terms) == 1 and node.terms[0][0] == "+":
        return list(node.terms[0][1].items)
    return None


def is_op(item: Node) -> bool:
    return isinstance(item, Leaf) and item.kind in ("MULOP", "DIV")


def is_gap(item: Node) -> bool:
    return isinstance(item, Leaf) and item.kind == "GAP"


def is_paren(item: Node | None) -> bool:
    return isinstance(item, Factor) and isinstance(item.base, Group) and item.base.kind == "paren"


def is_name_factor(item: Node | None) -> bool:
    return isinstance(item, Factor) and isinstance(item.base, Leaf) and item.base.kind in NAME_KINDS
