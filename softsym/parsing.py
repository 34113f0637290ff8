"""Safe string → SymPy: build objects from a whitelist of ``ast`` nodes and names, never ``eval``."""
from __future__ import annotations

import ast
import keyword
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

import sympy as sp

from . import functions as ml
from .errors import ParseError, StepTimeout

MAX_CHARS = 20_000  # longest accepted text
MAX_NODES = 5_000  # most expression nodes in the syntax tree
MAX_DEPTH = 100  # deepest nesting (a chain like a + b + c counts as one level)
MAX_LITERAL_DIGITS = 1_000  # longest number literal
MAX_EXPONENT = 10_000  # largest |n| in x**n for a numeric n
MAX_RESULT_DIGITS = 4_000  # largest number the parser may compute (10**5000 is refused)
MAX_FACTORIAL = 10_000  # largest numeric argument of factorial, binomial, gamma, loggamma
MAX_HARMONIC = 1_000    # of digamma, polygamma (exact harmonic numbers: polygamma(1, 20000) took 41 s)
MAX_ARGUMENTS = 32  # most arguments of one Max or Min (SymPy compares them pairwise: 64 take 2 s)
LIMIT_DIRECTIONS = ("+", "-", "+-")


@dataclass(frozen=True)
class _Function:
    """A callable name: how to build it and how many arguments it takes (``most=None``: any)."""

    build: Callable[..., Any]
    least: int = 1
    most: int | None = 1

    def arity(self) -> str:
        plural = "argument" if self.least == 1 else "arguments"
        if self.most is None or self.most == self.least:
            return f"{'exactly' if self.most else 'at least'} {self.least} {plural}"
        return f"{self.least} to {self.most} arguments"


def _unevaluated(cls: type) -> Callable[..., sp.Basic]:
    return lambda *args: cls(*args, evaluate=False)


_FUNCTIONS: dict[str, _Function] = {
    **{f.__name__: _Function(f) for f in (
        sp.exp, sp.sqrt, sp.cbrt, sp.Abs, sp.sign, sp.floor, sp.ceiling, sp.sin, sp.cos, sp.tan, sp.asin,
        sp.acos, sp.atan, sp.sinh, sp.cosh, sp.tanh, sp.asinh, sp.acosh, sp.atanh, sp.erf, sp.erfc,
        sp.gamma, sp.loggamma, sp.digamma, sp.factorial, sp.Integer, sp.Not)},
    "polygamma": _Function(sp.polygamma, 2, 2), "beta": _Function(sp.beta, 2, 2),
    "log": _Function(sp.log, 1, 2), "ln": _Function(sp.log, 1, 2), "abs": _Function(sp.Abs),
    "root": _Function(sp.root, 2, 3), "atan2": _Function(sp.atan2, 2, 2),
    "Max": _Function(sp.Max, 1, MAX_ARGUMENTS), "Min": _Function(sp.Min, 1, MAX_ARGUMENTS),
    "max": _Function(sp.Max, 1, MAX_ARGUMENTS), "min": _Function(sp.Min, 1, MAX_ARGUMENTS),
    "binomial": _Function(sp.binomial, 2, 2), "Heaviside": _Function(sp.Heaviside, 1, 2),
    "KroneckerDelta": _Function(sp.KroneckerDelta, 2, 2), "Rational": _Function(sp.Rational, 1, 2),
    "Piecewise": _Function(sp.Piecewise, 1, None), "Integral": _Function(sp.Integral, 2, None),
    "Sum": _Function(sp.Sum, 2, None), "Product": _Function(sp.Product, 2, None),
    "Derivative": _Function(_unevaluated(sp.Derivative), 2, None),
    "diff": _Function(_unevaluated(sp.Derivative), 2, None),
    "Limit": _Function(sp.Limit, 3, 4), "limit": _Function(sp.Limit, 3, 4),
    "Eq": _Function(_unevaluated(sp.Eq), 2, 2), "Ne": _Function(_unevaluated(sp.Ne), 2, 2),
    "Lt": _Function(_unevaluated(sp.Lt), 2, 2), "Le": _Function(_unevaluated(sp.Le), 2, 2),
    "Gt": _Function(_unevaluated(sp.Gt), 2, 2), "Ge": _Function(_unevaluated(sp.Ge), 2, 2),
    "And": _Function(sp.And, 1, None), "Or": _Function(sp.Or, 1, None),
    # ML conveniences (softsym.functions, shared with derivation files), expanded into plain SymPy on parse
    **{f.__name__: _Function(f) for f in (ml.sigmoid, ml.softplus, ml.logit, ml.log1p, ml.expm1)},
    "logaddexp": _Function(ml.logaddexp, 2, 2), "logsumexp": _Function(ml.logsumexp, 1, None),
    "softmax": _Function(ml.softmax, 3, 3), "log_softmax": _Function(ml.log_softmax, 3, 3),
}
FUNCTIONS = frozenset(_FUNCTIONS)
"""Every name that may be called in an expression."""

CONSTANTS: dict[str, sp.Basic] = {"pi": sp.pi, "E": sp.E, "I": sp.I, "oo": sp.oo,
                                  "true": sp.true, "false": sp.false}
"""Names with a fixed meaning unless declared otherwise."""

_RENAMES = {"lambda": "lam", "in": "in_", "is": "is_", "as": "as_", "if": "if_", "for": "for_"}
"""Names users write that Python reserves, with the spelling to use instead."""
_TUPLE_ARGUMENTS = frozenset({"Sum", "Product", "Integral", "Derivative", "diff", "Piecewise",
                              "logsumexp", "softmax", "log_softmax"})     # the family forms: (k, 1, n)
_BIG_ARGUMENT_GUARD = frozenset({"factorial", "binomial", "gamma", "loggamma", "beta", "digamma", "polygamma"})
_HARMONIC_GUARD = frozenset({"digamma", "polygamma"})   # ψ(n) is an exact harmonic number: 1,000 is already big
_BOUND_VARIABLES = frozenset({"Sum", "Product", "logsumexp", "softmax", "log_softmax"})
_RELATIONS = {ast.Lt: sp.Lt, ast.LtE: sp.Le, ast.Gt: sp.Gt, ast.GtE: sp.Ge, ast.Eq: sp.Eq, ast.NotEq: sp.Ne}
_CHAINS = {ast.Add: "+", ast.Sub: "+", ast.Mult: "*", ast.Div: "*", ast.BitAnd: "&", ast.BitOr: "|"}
_OPERATOR_HINTS = {ast.BitXor: "'^' is not a power; write x**y", ast.FloorDiv: "'//' is not allowed; write floor(x/y)"}
_DESCRIPTIONS = {"Lambda": "lambda", "ListComp": "list comprehension", "SetComp": "set comprehension",
                 "DictComp": "dict comprehension", "GeneratorExp": "generator expression",
                 "JoinedStr": "f-string", "NamedExpr": "assignment expression (:=)", "List": "list",
                 "IfExp": "conditional expression", "Dict": "dict", "Set": "set", "Slice": "slice",
                 "Starred": "starred argument", "Tuple": "tuple", "BoolOp": "'and'/'or'"}


def parse_expr(text: str, names: Mapping[str, Any] | None = None) -> sp.Basic:
    """Parse ``text`` (SymPy/Python syntax) into a SymPy object without executing anything.

    Args:
        text: the expression, e.g. ``"exp(z[i]) / Sum(exp(z[k]), (k, 1, n))"``.
        names: declared names and the objects they stand for; they win over built-in names.
            Undeclared names become real symbols (integer ones when bound by ``Sum``/``Product``
            or used as subscripts); undeclared subscripted names become real ``IndexedBase``s.

    Returns:
        The SymPy object; ``Derivative``, ``Limit`` and ``Integral`` stay unevaluated and
        relations are built with ``evaluate=False``.

    Raises:
        ParseError: the text is malformed, too large, or uses anything outside the whitelist.
    """
    if not isinstance(text, str):
        raise ParseError(f"expected a string, got {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise ParseError(f"expression too long: {len(text)} characters (limit {MAX_CHARS})")
    body = text.lstrip()
    if not body.strip():
        raise ParseError("empty expression", text)
    builder = _Builder(text, body, names or {})
    try:
        tree = ast.parse(body, mode="eval")
    except SyntaxError as exc:
        column = builder.offset(exc.lineno or 1, (exc.offset or 1) - 1, chars=True)
        words = set(re.findall(r"[A-Za-z_]\w*", body))
        reserved = sorted(w for w in words if keyword.iskeyword(w))
        hint = (f" — {', '.join(map(repr, reserved))} {'is a Python keyword' if len(reserved) == 1 else 'are Python keywords'}"
                f" and cannot be a name: write {' / '.join(_RENAMES.get(w, w + '_') for w in reserved)}"
                if reserved else "")
        raise ParseError(f"syntax error: {exc.msg}{hint}", text, column) from None
    except (RecursionError, MemoryError):
        raise ParseError("expression nested too deeply", text) from None
    builder.scan(tree.body)
    return builder.build(tree.body)


@dataclass
class _Builder:
    """Walks one expression's syntax tree; caches the symbols it creates."""

    text: str
    body: str
    names: Mapping[str, Any]
    integers: set[str] = field(default_factory=set)
    cache: dict[str, sp.Basic] = field(default_factory=dict)

    # -- locations and errors ----------------------------------------------------------------
    def offset(self, lineno: int, col: int, chars: bool = False) -> int:
        """The character offset in ``text`` of a (line, column) of ``body``; ast columns are bytes."""
        lines = self.body.splitlines(keepends=True) or [""]
        lineno = min(max(lineno, 1), len(lines))
        line = lines[lineno - 1]
        within = col if chars else len(line.encode()[:col].decode(errors="ignore"))
        return len(self.text) - len(self.body) + sum(map(len, lines[:lineno - 1])) + within

    def fail(self, message: str, node: ast.AST | None = None) -> ParseError:
        column = self.offset(node.lineno, node.col_offset) if hasattr(node, "lineno") else None
        return ParseError(message, self.text, column)

    def source(self, node: ast.AST) -> str:
        shown = ast.get_source_segment(self.body, node) or type(node).__name__
        return shown if len(shown) <= 60 else shown[:57] + "..."

    # -- pre-pass: sizes and the roles of names -------------------------------------------------
    def scan(self, root: ast.expr) -> None:
        """Check size limits and decide which undeclared names are integers or indexed."""
        indexed, called, bare = set[str](), set[str](), set[str]()
        count, stack = 0, [(root, 1)]
        while stack:
            node, depth = stack.pop()
            if isinstance(node, ast.expr):
                count += 1
                if count > MAX_NODES:
                    raise ParseError(f"expression too large: more than {MAX_NODES} nodes", self.text)
                if depth > MAX_DEPTH:
                    raise self.fail(f"expression nested too deeply (limit {MAX_DEPTH} levels)", node)
            children = list(ast.iter_child_nodes(node))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                called.add(node.func.id)
                children.remove(node.func)
                if node.func.id in _BOUND_VARIABLES:
                    self.integers.update(a.elts[0].id for a in node.args[1:] if isinstance(a, ast.Tuple)
                                         and a.elts and isinstance(a.elts[0], ast.Name))
                    for a in node.args[1:]:             # a name in a limit is a dimension: integer (n, n + 1)
                        if isinstance(a, ast.Tuple):
                            for end in a.elts[1:]:
                                functions = {c.func for c in ast.walk(end) if isinstance(c, ast.Call)}
                                self.integers.update(e.id for e in ast.walk(end)
                                                     if isinstance(e, ast.Name) and e not in functions)
                if node.func.id == "KroneckerDelta":      # δ_ij compares indices: its bare names are integers
                    self.integers.update(a.id for a in node.args if isinstance(a, ast.Name))
            elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
                indexed.add(node.value.id)
                children.remove(node.value)
                self.integers.update(n.id for n in ast.walk(node.slice) if isinstance(n, ast.Name))
            elif isinstance(node, ast.Name):
                bare.add(node.id)
            for child in children:
                same_chain = (isinstance(child, ast.BinOp) and isinstance(node, ast.BinOp) and child is node.left
                              and _CHAINS.get(type(child.op), "") == _CHAINS.get(type(node.op)))
                deeper = isinstance(child, ast.expr) and not same_chain
                stack.append((child, depth + deeper))
        for name in sorted((indexed & bare) - set(self.names))[:1]:
            raise ParseError(f"{name} is used both with a subscript ({name}[...]) and without", self.text)
        for name in sorted((called & bare & FUNCTIONS) - set(self.names))[:1]:
            raise ParseError(f"{name} is used both as a function and as a symbol; declare it to use it "
                             f"as a symbol", self.text)

    # -- building -----------------------------------------------------------------------------
    def build(self, node: ast.AST) -> Any:
        """The SymPy object for ``node``; every failure becomes a ``ParseError`` at its column."""
        handler = {ast.Constant: self._constant, ast.Name: self._name, ast.UnaryOp: self._unary,
                   ast.BinOp: self._binary, ast.Compare: self._compare, ast.Call: self._call,
                   ast.Subscript: self._subscript}.get(type(node))
        if isinstance(node, ast.Attribute):
            raise self.fail(f"attribute access .{node.attr} is not allowed", node)
        if handler is None:
            kind = type(node).__name__
            hint = {"BoolOp": "; use & | ~", "Tuple": f" outside {', '.join(sorted(_TUPLE_ARGUMENTS))}"}.get(kind, "")
            raise self.fail(f"{_DESCRIPTIONS.get(kind, kind)} is not allowed{hint}", node)
        try:
            result = handler(node)
        except (ParseError, StepTimeout):
            raise
        except RecursionError:
            raise self.fail("expression nested too deeply", node) from None
        except Exception as exc:  # SymPy rejects what it is given in many ways
            raise self.fail(f"cannot build {self.source(node)}: {type(exc).__name__}: {exc}", node) from None
        if isinstance(result, (sp.Rational, sp.Mul, sp.Pow)) and _size(result) > MAX_RESULT_DIGITS:
            raise self.fail(f"number too large in {self.source(node)} (limit {MAX_RESULT_DIGITS} digits)", node)
        return result

    def _expr(self, node: ast.AST, what: str) -> sp.Expr:
        value = self.build(node)
        if not isinstance(value, sp.Expr):
            raise self.fail(f"operand of {what} must be an expression, not {self.source(node)}", node)
        return value

    def _constant(self, node: ast.Constant) -> sp.Basic:
        value = node.value
        if isinstance(value, bool):
            return sp.true if value else sp.false
        if isinstance(value, int):
            if _digits(value) > MAX_LITERAL_DIGITS:
                raise self.fail(f"number literal longer than {MAX_LITERAL_DIGITS} digits", node)
            return sp.Integer(value)
        if isinstance(value, (float, complex)):
            literal = (ast.get_source_segment(self.body, node) or "").replace("_", "").rstrip("jJ")
            parts = Decimal(literal).as_tuple()
            if len(parts.digits) + abs(int(parts.exponent)) > MAX_LITERAL_DIGITS:
                raise self.fail(f"number literal longer than {MAX_LITERAL_DIGITS} digits", node)
            exact = Fraction(literal)
            number = sp.Rational(exact.numerator, exact.denominator)
            return number * sp.I if isinstance(value, complex) else number
        if isinstance(value, str):
            raise self.fail(f"string {value[:20]!r} is not allowed (strings only as the direction "
                            f"of Limit: {', '.join(map(repr, LIMIT_DIRECTIONS))})", node)
        raise self.fail(f"constant {value!r} is not allowed", node)

    def _name(self, node: ast.Name) -> Any:
        name = node.id
        if name.startswith("__"):
            raise self.fail(f"name {name} is not allowed (dunder)", node)
        if name in self.names:
            value = self.names[name]
            return value if isinstance(value, sp.Basic) else sp.sympify(value, strict=True)
        if name in CONSTANTS:
            return CONSTANTS[name]
        if name not in self.cache:
            assumption = "integer" if name in self.integers else "real"
            self.cache[name] = sp.Symbol(name, **{assumption: True})
        return self.cache[name]

    def _unary(self, node: ast.UnaryOp) -> sp.Basic:
        if isinstance(node.op, ast.Invert):
            return sp.Not(self.build(node.operand))
        if isinstance(node.op, ast.Not):
            raise self.fail("'not' is not allowed; use ~", node)
        value = self._expr(node.operand, "unary minus")
        return -value if isinstance(node.op, ast.USub) else value

    def _binary(self, node: ast.BinOp) -> sp.Basic:
        if isinstance(node.op, ast.Pow):
            return self._power(node)
        chain = _CHAINS.get(type(node.op))
        if chain is None:
            hint = _OPERATOR_HINTS.get(type(node.op), f"operator {type(node.op).__name__} is not allowed")
            raise self.fail(hint, node)
        # a + b - c is a left-leaning tree; walk it without recursion and build one flat node
        operands: list[tuple[ast.operator | None, ast.expr]] = []
        current: ast.expr = node
        while isinstance(current, ast.BinOp) and _CHAINS.get(type(current.op)) == chain:
            operands.append((current.op, current.right))
            current = current.left
        operands.append((None, current))
        operands.reverse()
        if chain in "&|":
            values = [self.build(operand) for _, operand in operands]
            return sp.And(*values) if chain == "&" else sp.Or(*values)
        values = [self._expr(operand, chain) for _, operand in operands]
        if chain == "+":
            values = [-v if isinstance(op, ast.Sub) else v for (op, _), v in zip(operands, values)]
            denominators = sum(_digits(c.q) for c in (v.as_coeff_Mul()[0] for v in values)
                                if isinstance(c, sp.Rational))
            estimate = max(_size(v) for v in values) + denominators
        else:
            values = [sp.Pow(v, -1) if isinstance(op, ast.Div) else v for (op, _), v in zip(operands, values)]
            estimate = sum(_size(v) for v in values)
        if estimate > MAX_RESULT_DIGITS:
            raise self.fail(f"numbers too large in {self.source(node)}: about {estimate:.0f} digits "
                            f"(limit {MAX_RESULT_DIGITS})", node)
        return sp.Add(*values) if chain == "+" else sp.Mul(*values)

    def _power(self, node: ast.BinOp) -> sp.Expr:
        base = self._expr(node.left, "**")
        exponent = self._expr(node.right, "**")  # 9**9**9 is 9**(9**9): the inner power is checked first
        if isinstance(exponent, sp.Rational):
            if abs(exponent) > MAX_EXPONENT:
                raise self.fail(f"exponent too large in {self.source(node)} (limit |n| <= {MAX_EXPONENT})", node)
            estimate = _size(base) * abs(float(exponent))
            if estimate > MAX_RESULT_DIGITS:
                raise self.fail(f"exponent too large in {self.source(node)}: the result would have about "
                                f"{estimate:.0f} digits (limit {MAX_RESULT_DIGITS})", node)
        return sp.Pow(base, exponent)

    def _compare(self, node: ast.Compare) -> sp.Basic:
        values = [self._expr(operand, "a comparison") for operand in (node.left, *node.comparators)]
        relations = []
        for op, left, right in zip(node.ops, values, values[1:]):
            relation = _RELATIONS.get(type(op))
            if relation is None:
                raise self.fail(f"comparison {type(op).__name__} is not allowed; use < <= > >= == !=", node)
            relations.append(relation(left, right, evaluate=False))
        return relations[0] if len(relations) == 1 else sp.And(*relations)

    def _subscript(self, node: ast.Subscript) -> sp.Indexed:
        if not isinstance(node.value, ast.Name):
            raise self.fail(f"subscript of {self.source(node.value)} is not allowed; only names "
                            f"can be subscripted (z[i])", node)
        name = node.value.id
        if name.startswith("__"):
            raise self.fail(f"name {name} is not allowed (dunder)", node)
        base = self.names[name] if name in self.names else self.cache.setdefault(name, sp.IndexedBase(name, real=True))
        if not isinstance(base, sp.IndexedBase):
            raise self.fail(f"{name} is declared as a scalar and cannot be subscripted", node)
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        return base[tuple(self._expr(item, "[]") for item in items)]

    def _call(self, node: ast.Call) -> sp.Basic:
        if not isinstance(node.func, ast.Name):
            raise self.fail(f"call of {self.source(node.func)} is not allowed; only whitelisted "
                            f"functions can be called", node)
        name = node.func.id
        if name in self.names:
            raise self.fail(f"{name} is a declared symbol and cannot be called", node)
        function = _FUNCTIONS.get(name)
        if function is None:
            raise self.fail(f"unknown function {name[:40]!r}; allowed: {', '.join(sorted(FUNCTIONS))}", node)
        keywords: dict[str, str] = {}
        for argument in node.keywords:
            if argument.arg != "dir" or name not in ("Limit", "limit"):
                shown = f"{argument.arg}=" if argument.arg else "**"
                raise self.fail(f"keyword argument {shown} is not allowed in {name}(...)", argument)
            keywords["dir"] = self._direction(argument.value)
        count = len(node.args) + len(keywords)
        if count < function.least or (function.most is not None and count > function.most):
            raise self.fail(f"{name} takes {function.arity()}, got {count}", node)
        args = [self._argument(name, position, arg) for position, arg in enumerate(node.args)]
        if name in _BIG_ARGUMENT_GUARD:
            for arg, value in zip(node.args, args):
                most = MAX_HARMONIC if name in _HARMONIC_GUARD else MAX_FACTORIAL
                if isinstance(value, sp.Rational) and abs(value) > most:
                    raise self.fail(f"{name} of a number larger than {most} is not allowed", arg)
        if name in ("Sum", "Product"):
            for arg, limit in zip(node.args[1:], args[1:]):
                if isinstance(limit, tuple) and len(limit) == 3 and getattr(limit[0], "is_integer", False) \
                        and limit[1] != -sp.oo and getattr(limit[1], "is_integer", None) is not True:
                    # the index runs over lo, lo + 1, …: an integer index (cos(2πi) = 1 already) from a
                    # lower limit that may be no integer (1/2, a real a) would change the terms' values
                    raise self.fail(f"the lower limit {limit[1]} of {name} must be an integer (its index "
                                    f"{limit[0]} is an integer)", arg)
        result = function.build(*args, **keywords)
        if isinstance(result, sp.Basic) and any(_size(r) > MAX_RESULT_DIGITS for r in result.atoms(sp.Rational)):
            raise self.fail(f"number too large in {self.source(node)} (limit {MAX_RESULT_DIGITS} digits)", node)
        return result

    def _argument(self, name: str, position: int, arg: ast.expr) -> Any:
        """One call argument: tuples only where SymPy takes limits or pairs, a string only as a direction."""
        if isinstance(arg, ast.Tuple) and name in _TUPLE_ARGUMENTS:
            return tuple(self.build(item) for item in arg.elts)
        if name in ("Limit", "limit") and position == 3:
            return self._direction(arg)
        return self.build(arg)

    def _direction(self, node: ast.expr) -> str:
        if isinstance(node, ast.Constant) and node.value in LIMIT_DIRECTIONS:
            return node.value
        raise self.fail(f"the direction of Limit must be one of {', '.join(map(repr, LIMIT_DIRECTIONS))}", node)


def _digits(n: int) -> float:
    """About how many decimal digits ``n`` has (no string conversion)."""
    return abs(n).bit_length() * 0.30103


def _size(expr: Any) -> float:
    """About how many digits the number inside ``expr`` has or will have once SymPy evaluates it."""
    if isinstance(expr, sp.Rational):
        return max(_digits(expr.p), _digits(expr.q))
    if isinstance(expr, sp.Pow) and isinstance(expr.exp, sp.Rational):
        return _size(expr.base) * abs(float(expr.exp))
    if isinstance(expr, sp.Mul):
        return sum(_size(arg) for arg in expr.args)
    return 0.0
