"""Relations given as text (command line, batch files, benchmarks): parse safely, then prove."""
from __future__ import annotations

import sympy as sp

from .declarations import parse_declarations
from .domain import Domain
from .parsing import parse_expr
from .problem import Problem, prepare
from .prover import DEFAULT_TIMEOUT, prove
from .verdict import Verdict


def parse_relation(lhs: str, rhs: str, rel: str = "==", symbols: str = "") -> Problem:
    """``lhs rel rhs`` over the declarations ``symbols``, as a ``Problem``.

    Raises:
        ParseError: an expression is malformed or outside the whitelist.
        DeclarationError: the declarations are malformed.
    """
    domain = parse_declarations(symbols) if symbols.strip() else Domain()
    names = domain.names()
    left, right = _same_names(parse_expr(lhs, names), parse_expr(rhs, names))
    return prepare(left, rel, right, domain)


def _same_names(lhs: sp.Basic, rhs: sp.Basic) -> tuple[sp.Basic, sp.Basic]:
    """One symbol per undeclared name across both sides.

    Each side is parsed on its own, so ``n`` may be an integer on the side where it bounds a sum
    and a real on the other; the integer reading wins on both sides (it is the narrower claim).
    """
    by_name: dict[str, set[sp.Symbol]] = {}
    for s in lhs.free_symbols | rhs.free_symbols:
        if isinstance(s, sp.Symbol):
            by_name.setdefault(s.name, set()).add(s)
    mapping = {}
    for group in by_name.values():
        integers = [s for s in group if s.is_integer]
        if len(group) > 1 and len(integers) == 1:
            mapping.update({s: integers[0] for s in group if s is not integers[0]})
    return (lhs.xreplace(mapping), rhs.xreplace(mapping)) if mapping else (lhs, rhs)


def prove_text(lhs: str, rhs: str, rel: str = "==", symbols: str = "",
               timeout: float = DEFAULT_TIMEOUT) -> Verdict:
    """Parse and prove one relation given as text."""
    return prove(parse_relation(lhs, rhs, rel, symbols), timeout)
