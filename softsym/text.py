"""Relations given as text (command line, batch files, benchmarks): parse safely, then prove."""
from __future__ import annotations

import sympy as sp

from .declarations import parse_declarations
from .domain import Bound, Domain
from .errors import ParseError
from .parsing import parse_expr
from .problem import Problem, prepare
from .prover import DEFAULT_TIMEOUT, prove
from .verdict import Verdict


RELATION_OPERATORS = ("==", "<=", ">=", "!=", "<", ">", "=")
_RELATIONALS = {"==": sp.Eq, "=": sp.Eq, "<=": sp.Le, ">=": sp.Ge, "!=": sp.Ne, "<": sp.Lt, ">": sp.Gt}


def parse_hypothesis(text: str, names: dict) -> sp.Basic:
    """A hypothesis such as ``Sum(p[i], (i, 1, n)) == 1`` or ``x <= y`` as a SymPy relational.

    Raises:
        ParseError: no relation operator outside brackets, or a malformed side.
    """
    depth = 0
    for k, ch in enumerate(text):
        depth += ch in "([{"
        depth -= ch in ")]}"
        if depth:
            continue
        for op in RELATION_OPERATORS:
            if text.startswith(op, k) and not (op in ("<", ">", "=") and text[k + 1:k + 2] == "="):
                left, right = parse_expr(text[:k], names), parse_expr(text[k + len(op):], names)
                return _RELATIONALS[op](left, right, evaluate=False)
    raise ParseError(f"hypothesis {text!r} has no relation (==, <=, <, >=, >, !=) outside brackets")


def parse_relation(lhs: str, rhs: str, rel: str = "==", symbols: str = "",
                   given: tuple[str, ...] = ()) -> Problem:
    """``lhs rel rhs`` over the declarations ``symbols`` and the hypotheses ``given``, as a ``Problem``.

    Raises:
        ParseError: an expression or hypothesis is malformed or outside the whitelist.
        DeclarationError: the declarations are malformed.
    """
    domain = parse_declarations(symbols) if symbols.strip() else Domain()
    names = domain.names()
    parts = _same_names(parse_expr(lhs, names), parse_expr(rhs, names),
                        *(parse_hypothesis(g, names) for g in given))
    left, right, hypotheses = parts[0], parts[1], list(parts[2:])
    if hypotheses:
        domain = with_hypotheses(domain, hypotheses)
    return prepare(left, rel, right, domain)


def with_hypotheses(domain: Domain, hypotheses: list[sp.Basic]) -> Domain:
    """``domain`` with the hypotheses: a constant bound on an undeclared-bound symbol (``x >= 0``,
    ``x < 1``) becomes an interval, like a declared one (the strategies reparametrize intervals);
    the rest stay hypotheses."""
    ends: dict[sp.Symbol, dict[str, tuple[sp.Expr, bool]]] = {}
    rest: list[sp.Basic] = []
    for h in hypotheses:
        found = _constant_bound(h)
        if found is None or domain.bound_of(found[0]) is not None:
            rest.append(h)
            continue
        symbol, side, value, strict = found
        previous = ends.setdefault(symbol, {}).get(side)
        if previous is not None:        # two bounds on one side: keep both as hypotheses, no interval
            rest.append(h)
            continue
        ends[symbol][side] = (value, strict)
    bounds = tuple(Bound(s, *(e.get("lower") or (None, False)), *(e.get("upper") or (None, False)))
                   for s, e in ends.items())
    if bounds:
        known = set(domain.symbols)
        domain = Domain(domain.symbols + tuple(s for s in ends if s not in known), domain.indexed,
                        domain.bounds + bounds, domain.given)
    return domain.with_given(*rest) if rest else domain


def _constant_bound(h: sp.Basic) -> tuple[sp.Symbol, str, sp.Expr, bool] | None:
    """(symbol, "lower" | "upper", value, strict) for ``symbol REL number`` or ``number REL symbol``."""
    if not isinstance(h, (sp.LessThan, sp.StrictLessThan, sp.GreaterThan, sp.StrictGreaterThan)):
        return None
    small, large = (h.lhs, h.rhs) if isinstance(h, (sp.LessThan, sp.StrictLessThan)) else (h.rhs, h.lhs)
    strict = isinstance(h, (sp.StrictLessThan, sp.StrictGreaterThan))
    if isinstance(small, sp.Symbol) and small.is_real and large.is_number and large.is_real:
        return small, "upper", large, strict
    if isinstance(large, sp.Symbol) and large.is_real and small.is_number and small.is_real:
        return large, "lower", small, strict
    return None


def _same_names(*parts: sp.Basic) -> tuple[sp.Basic, ...]:
    """One symbol per undeclared name across both sides and every hypothesis.

    Each text is parsed on its own, so ``n`` may be an integer where it bounds a sum and a real
    elsewhere (``--given 'n >= 2'``); the integer reading wins everywhere (it is the narrower
    claim), so a hypothesis always speaks of the relation's own symbol.
    """
    by_name: dict[str, set[sp.Symbol]] = {}
    for part in parts:
        for s in part.free_symbols:
            if isinstance(s, sp.Symbol):
                by_name.setdefault(s.name, set()).add(s)
    mapping = {}
    for group in by_name.values():
        integers = [s for s in group if s.is_integer]
        if len(group) > 1 and len(integers) == 1:
            mapping.update({s: integers[0] for s in group if s is not integers[0]})
    return tuple(part.xreplace(mapping) for part in parts) if mapping else parts


def prove_text(lhs: str, rhs: str, rel: str = "==", symbols: str = "",
               timeout: float = DEFAULT_TIMEOUT, given: tuple[str, ...] = ()) -> Verdict:
    """Parse and prove one relation given as text (under the hypotheses ``given``)."""
    return prove(parse_relation(lhs, rhs, rel, symbols, given), timeout)
