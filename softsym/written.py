"""A step's sides as the derivation file writes them: unevaluated copies, for display only.

SymPy evaluates as it builds: ``x - x*y + log(1 + exp(-x))`` arrives at the builder as
``-x*y + x + log(1 + exp(-x))`` and ``1/sqrt(2*pi)`` as ``sqrt(2)/(2*sqrt(pi))``.  The builder
knows the call it was given (file, and the exact span of the call in it), so it reads the
argument expressions of that call again, under ``sympy.evaluate(False)``, in the caller's own
namespace.  A copy is kept only when

1. its source is plain algebra: names, numbers, operators, subscripts, tuples and calls of
   functions by name — no method calls (``.doit()``, ``.subs()``), no computing functions
   (``diff``, ``simplify``...), no builder calls;
2. rebuilding it with evaluation on gives exactly the expression the prover checks.

So the printed form is always an expression SymPy evaluates to the checked one; the prover,
fingerprints and the lockfile never see it.  Anything else (no source, a lambda, a mismatch) gives
``None`` and the export prints the evaluated expression, as before.
"""
from __future__ import annotations

import ast
import linecache
import sys
from collections.abc import Sequence
from types import CodeType, FrameType

import sympy as sp
from sympy.core.cache import clear_cache

from . import functions

# Functions that compute rather than build: their result is not what the file "writes".
_COMPUTING = frozenset({
    "integrate", "simplify", "expand", "factor", "cancel", "together", "apart", "limit", "series",
    "solve", "nsimplify", "trigsimp", "powsimp", "logcombine", "expand_log", "collect", "radsimp", "ratsimp",
    "summation", "product", "N", "lambdify", "eval", "exec", "open", "print", "input", "__import__",
})
_PLAIN_NODES = (ast.Expression, ast.Name, ast.Constant, ast.BinOp, ast.UnaryOp, ast.Call, ast.Subscript,
                ast.Tuple, ast.List, ast.Load, ast.operator, ast.unaryop, ast.keyword, ast.Slice, ast.Attribute)


def _plain(node: ast.AST) -> bool:
    """Whether an argument is plain algebra (see the module docstring)."""
    for sub in ast.walk(node):
        if not isinstance(sub, _PLAIN_NODES):
            return False
        if isinstance(sub, ast.Call):
            func = sub.func
            if isinstance(func, ast.Name):
                if func.id in _COMPUTING:
                    return False
            elif not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                      and func.value.id in ("sp", "sympy") and func.attr not in _COMPUTING):
                return False                    # a method call: .doit(), d.eq(...)
    return True


def _call_at(frame: FrameType) -> ast.Call | None:
    """The call expression the frame is executing, from its instruction's source span."""
    code = frame.f_code
    try:
        positions = _positions(code)[frame.f_lasti // 2]
    except (AttributeError, IndexError):
        return None
    if None in positions:
        return None
    linecache.checkcache(code.co_filename)     # the file may have changed since (softsym check --watch)
    source = "".join(linecache.getlines(code.co_filename))
    if not source:
        return None
    calls = _calls(code.co_filename, source)
    return None if calls is None else calls.get(positions)


_POSITIONS: dict[CodeType, list] = {}


def _positions(code: CodeType) -> list:
    """The source span of each instruction of ``code`` (read once per code object)."""
    if code not in _POSITIONS:
        if len(_POSITIONS) > 512:          # (softsym check --watch loads files again and again)
            _POSITIONS.clear()
        _POSITIONS[code] = list(code.co_positions())
    return _POSITIONS[code]


_CALLS: dict[tuple[str, int], dict[tuple, ast.Call] | None] = {}


def _calls(filename: str, source: str) -> dict[tuple, ast.Call] | None:
    """Every call expression of a source file by its span (line, end line, column, end column);
    None when the file does not parse.  Parsed once per file content."""
    key = (filename, hash(source))
    if key not in _CALLS:
        try:
            tree = ast.parse(source, filename)
        except SyntaxError:
            _CALLS[key] = None
        else:
            spans: dict[tuple, ast.Call] = {}
            for node in ast.walk(tree):
                if isinstance(node, ast.Call):
                    spans.setdefault((node.lineno, node.end_lineno, node.col_offset, node.end_col_offset), node)
            _CALLS[key] = spans
    return _CALLS[key]


def _arguments(call: ast.Call) -> list[ast.expr]:
    """The argument expressions of a call, and the elements of tuple arguments (chain links)."""
    out: list[ast.expr] = []
    for arg in [*call.args, *(k.value for k in call.keywords)]:
        out.append(arg)
        if isinstance(arg, (ast.Tuple, ast.List)):
            out.extend(arg.elts)
    return out


class _Named(sp.Function):
    """A field function as written (``sigmoid(x)`` shown as σ(x)): unevaluated it keeps its name;
    built with evaluation on it is softsym's own expansion, so the written form still rebuilds to
    the checked expression."""

    nargs = 1
    expansion = staticmethod(lambda x: x)

    @classmethod
    def eval(cls, x):
        return cls.expansion(x)

    def _latex(self, printer) -> str:
        name = type(self).__name__
        head = "\\sigma" if name == "sigma" else f"\\operatorname{{{name}}}"
        return f"{head}\\left({printer._print(self.args[0])}\\right)"


def _named(shown: str, function) -> type[_Named]:
    return type(shown, (_Named,), {"expansion": staticmethod(function)})


_NAMED = {f.__name__: _named(shown, f) for shown, f in
          (("sigma", functions.sigmoid), ("softplus", functions.softplus), ("logit", functions.logit))}


def _evaluate_unevaluated(node: ast.expr, frame: FrameType) -> sp.Basic | None:
    if not _plain(node):
        return None
    node = _Differentiate().visit(ast.parse(ast.unparse(node), mode="eval"))
    namespace = {**frame.f_globals, **frame.f_locals, _DERIVATIVE: sp.Derivative}
    namespace.update({name: shown for name, shown in _NAMED.items()
                      if namespace.get(name) is getattr(functions, name)})     # σ(x) as written
    try:
        code = compile(ast.fix_missing_locations(node), frame.f_code.co_filename, "eval")
        with sp.evaluate(False):
            value = eval(code, namespace)  # the caller's own argument, read again
            if not isinstance(value, sp.Basic):
                value = sp.sympify(value)
            floats = value.atoms(sp.Float)
            if floats:                          # as the builder does: a float is its shortest rational
                value = value.xreplace({f: sp.Rational(repr(float(f))) for f in floats})
    except Exception:  # noqa: BLE001 - anything unusual: print the evaluated form instead
        return None
    finally:
        clear_cache()       # SymPy's cache ignores the evaluate flag: drop what was built unevaluated
    return _tidy(value)


_DERIVATIVE = "_softsym_written_Derivative"


class _Differentiate(ast.NodeTransformer):
    """``diff(f, x)`` as written is the derivative ∂f/∂x, not its value."""

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id == "diff" and not node.keywords:
            node.func = ast.Name(_DERIVATIVE, ast.Load())
        return node


def _tidy(expr: sp.Basic) -> sp.Basic:
    """Python's left-nested sums (``a + b + c``) and products flattened, order kept, a parenthesized
    sum kept; the ``1*`` SymPy puts into an unevaluated ``Sum``, ``Product`` or ``Integral`` dropped."""
    if not expr.args or isinstance(expr, (sp.Atom, sp.IndexedBase)):
        return expr
    args = [_tidy(a) for a in expr.args]
    if isinstance(expr, sp.Mul):
        flat: list[sp.Basic] = []
        for a in args:
            flat.extend(a.args if isinstance(a, sp.Mul) else [a])
        return sp.Mul(*flat, evaluate=False)
    if isinstance(expr, sp.Add):                # a + b + c is Add(Add(a, b), c); a + (b + c) keeps its parentheses
        head = list(args[0].args) if isinstance(args[0], sp.Add) else [args[0]]
        return sp.Add(*head, *args[1:], evaluate=False)
    if isinstance(expr, (sp.Sum, sp.Product, sp.Integral)) and isinstance(args[0], sp.Mul) and args[0].args[0] == 1:
        rest = args[0].args[1:]
        args[0] = rest[0] if len(rest) == 1 else sp.Mul(*rest, evaluate=False)
    try:
        return expr.func(*args, evaluate=False)
    except TypeError:
        return expr.func(*args)


def rebuilt(expr: sp.Basic, differentiate: bool = False) -> sp.Basic:
    """The expression built again bottom-up with evaluation on: what SymPy makes of it
    (``differentiate``: derivatives carried out, as ``diff`` does)."""
    if not expr.args or isinstance(expr, (sp.Atom, sp.IndexedBase)):
        return expr
    args = [rebuilt(a, differentiate) for a in expr.args]
    try:
        made = expr.func(*args)
        return made.doit(deep=False) if differentiate and isinstance(made, sp.Derivative) else made
    except Exception:  # noqa: BLE001 - a class that cannot be rebuilt from its args
        return expr


def _matches(written: sp.Basic, value: sp.Basic) -> bool:
    if written.has(sp.Piecewise) and not value.has(sp.Piecewise):
        return False
    try:
        return bool(rebuilt(written) == value
                    or written.has(sp.Derivative) and rebuilt(written, differentiate=True) == value)
    except Exception:  # noqa: BLE001
        return False


def as_written(frame: FrameType | None, values: Sequence[sp.Basic]) -> tuple[sp.Basic | None, ...]:
    """For each value (a side of the step being built), its unevaluated form as the call at
    ``frame`` writes it, or None.

    Args:
        frame: the derivation file's frame, stopped at the builder call.
        values: the sides as the builder made them (evaluated, floats exact).
    """
    if frame is None:
        return tuple(None for _ in values)
    call = _call_at(frame)
    if call is None:
        return tuple(None for _ in values)
    candidates = [w for w in (_evaluate_unevaluated(node, frame) for node in _arguments(call)) if w is not None]
    out: list[sp.Basic | None] = []
    used: set[int] = set()                      # each argument writes one side (5/21 + 1/3 + 3/7 = 1)
    for position, value in enumerate(values):
        found = None
        if isinstance(value, sp.Atom):
            # A number or a name is printed as written only by the argument in its own place
            # (1·φ + 0·(1 − φ) = φ keeps its left side; "= 1" never takes the left side's text).
            if position < len(candidates) and position not in used and _matches(candidates[position], value):
                used.add(position)
                found = None if candidates[position] == value else candidates[position]
        else:
            for k, w in enumerate(candidates):
                if k not in used and _matches(w, value):
                    found, _ = w, used.add(k)
                    break
            else:
                if isinstance(value, sp.Limit):   # d.limit(expr, var, point, value): the limit of an argument
                    k = next((k for k, w in enumerate(candidates) if k not in used and _matches(w, value.args[0])),
                             None)
                    if k is not None:
                        found, _ = sp.Limit(candidates[k], *value.args[1:]), used.add(k)
        out.append(found)
    return tuple(out)


def constant_derivatives(frame: FrameType | None, defined: dict[sp.Symbol, sp.Basic]) -> list[str]:
    """``diff(L, z)`` (or ``L.diff(z)``) in the call at ``frame`` where ``L`` is a name the derivation
    defined in terms of ``z``: SymPy differentiates the bare name, a constant, and gets 0 — the
    step would check something other than what its author meant.  Each such call as written."""
    if frame is None or not defined:
        return []
    call = _call_at(frame)
    if call is None:
        return []
    namespace = {**frame.f_globals, **frame.f_locals}
    by_name = {name: value for name, value in namespace.items()
               if isinstance(value, sp.Symbol) and value in defined}
    if not by_name:
        return []
    found: list[str] = []
    for node in ast.walk(call):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "diff" or (
                isinstance(func, ast.Attribute) and func.attr == "diff"
                and isinstance(func.value, ast.Name) and func.value.id in ("sp", "sympy")):
            target, variables = (node.args[0], node.args[1:]) if node.args else (None, [])
        elif isinstance(func, ast.Attribute) and func.attr == "diff":
            target, variables = func.value, node.args          # L.diff(z)
        else:
            continue
        if target is None:
            continue
        names = {n.id for n in ast.walk(target) if isinstance(n, ast.Name) and n.id in by_name}
        wrt = {namespace.get(n.id) for v in variables for n in ast.walk(v) if isinstance(n, ast.Name)}
        for name in sorted(names):
            if wrt & defined[by_name[name]].free_symbols:
                found.append(ast.unparse(node))
                break
    return found


def caller_frame(skip: frozenset[str]) -> FrameType | None:
    """The innermost frame outside the files in ``skip`` (the derivation file's call)."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename in skip:
        frame = frame.f_back
    return frame


__all__ = ["as_written", "caller_frame", "constant_derivatives", "rebuilt"]
