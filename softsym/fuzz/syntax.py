"""Text-level helpers on expressions (Python syntax, as ``softsym prove`` reads it): grouping,
binder-aware substitution of free names, and the set of names a text uses."""
from __future__ import annotations

import ast
import copy
from functools import lru_cache

BINDERS = frozenset({"Sum", "Product", "Integral"})
"""Calls whose limit tuples ``(var, lower, upper)`` bind ``var`` in the first argument."""


@lru_cache(maxsize=4096)
def atomic(text: str) -> bool:
    """Whether ``text`` needs no parentheses as an operand (a name, a nonnegative number, a call,
    an entry)."""
    try:
        node = ast.parse(text, mode="eval").body
    except SyntaxError:
        return False
    return isinstance(node, (ast.Name, ast.Call, ast.Subscript)) or (
        isinstance(node, ast.Constant) and isinstance(node.value, int) and node.value >= 0)


def par(text: str) -> str:
    """``text`` parenthesized unless it is atomic."""
    return text if atomic(text) else f"({text})"


def names(text: str) -> set[str]:
    """Every identifier ``text`` uses as a value (bound or free; not the called functions)."""
    tree = ast.parse(text, mode="eval")
    called = {id(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and id(n) not in called}


def free_names(text: str) -> set[str]:
    """The identifiers ``text`` uses free: not the variable of an enclosing ``Sum``, ``Product``,
    ``Integral`` (with limits) or ``Limit`` (a limit's ends are outside its binder)."""
    found: set[str] = set()

    def visit(node: ast.AST, bound: frozenset[str]) -> None:
        if isinstance(node, ast.Name):
            if node.id not in bound:
                found.add(node.id)
            return
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            function = node.func.id
            if function in BINDERS and len(node.args) >= 2:
                inner = bound
                for limit in reversed(node.args[1:]):    # the last tuple is the outermost
                    variable = bound_variable(limit)
                    if variable and isinstance(limit, ast.Tuple) and len(limit.elts) == 3:
                        for end in limit.elts[1:]:
                            visit(end, inner)
                        inner = inner | {variable}
                    else:                                # Integral(f, x): x stays free
                        visit(limit, inner)
                visit(node.args[0], inner)
                return
            if function in ("Limit", "limit") and len(node.args) >= 3 and isinstance(node.args[1], ast.Name):
                visit(node.args[0], bound | {node.args[1].id})
                for arg in node.args[2:]:
                    visit(arg, bound)
                return
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                visit(arg, bound)
            return
        for child in ast.iter_child_nodes(node):
            visit(child, bound)

    visit(ast.parse(text, mode="eval"), frozenset())
    return found


def bound_variable(limit: ast.expr) -> str | None:
    """The variable of a limit tuple ``(k, 1, n)``, if ``limit`` is one."""
    if isinstance(limit, ast.Tuple) and limit.elts and isinstance(limit.elts[0], ast.Name):
        return limit.elts[0].id
    return None


class _Substitute(ast.NodeTransformer):
    """Replace the free occurrences of one name by an expression (never inside its binders)."""

    def __init__(self, name: str, replacement: ast.expr) -> None:
        self.name = name
        self.replacement = replacement

    def visit_Name(self, node: ast.Name) -> ast.expr:
        return copy.deepcopy(self.replacement) if node.id == self.name else node

    def visit_Call(self, node: ast.Call) -> ast.expr:
        function = node.func.id if isinstance(node.func, ast.Name) else ""
        if function in BINDERS and len(node.args) >= 2:
            limits = node.args[1:]
            free = True
            for limit in reversed(limits):           # the last tuple is the outermost
                if free:
                    self._limit(limit)
                free = free and bound_variable(limit) != self.name
            if free:
                node.args[0] = self.visit(node.args[0])
            return node
        if function in ("Limit", "limit") and len(node.args) >= 3:
            variable = node.args[1].id if isinstance(node.args[1], ast.Name) else None
            if variable != self.name:
                node.args[0] = self.visit(node.args[0])
            node.args[2] = self.visit(node.args[2])
            return node
        if function in ("Derivative", "diff"):
            return node
        node.args = [self.visit(a) for a in node.args]
        return node

    def _limit(self, limit: ast.expr) -> None:
        if isinstance(limit, ast.Tuple) and len(limit.elts) == 3:
            limit.elts = [limit.elts[0], self.visit(limit.elts[1]), self.visit(limit.elts[2])]


def substitute(text: str, name: str, replacement: str) -> str:
    """``text`` with the free occurrences of ``name`` replaced by ``replacement`` (parenthesized)."""
    tree = ast.parse(text, mode="eval")
    new = _Substitute(name, ast.parse(replacement, mode="eval").body).visit(tree)
    return ast.unparse(new)


def swap(text: str, first: str, second: str) -> str:
    """``text`` with the free names ``first`` and ``second`` exchanged."""
    placeholder = "swap_placeholder_"
    return substitute(substitute(substitute(text, first, placeholder), second, first), placeholder, second)
