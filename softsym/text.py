"""Relations given as text (command line, batch files, benchmarks): parse safely, then prove."""
from __future__ import annotations

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
    return prepare(parse_expr(lhs, names), rel, parse_expr(rhs, names), domain)


def prove_text(lhs: str, rhs: str, rel: str = "==", symbols: str = "",
               timeout: float = DEFAULT_TIMEOUT) -> Verdict:
    """Parse and prove one relation given as text."""
    return prove(parse_relation(lhs, rhs, rel, symbols), timeout)
