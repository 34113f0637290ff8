"""A claim about floating-point results: NumPy code, the exact value it computes, and where to test it.

``d.float_claim(code, exact, inputs=...)`` says: run in IEEE float64 (float32, ...) at the given and
the searched inputs, ``code`` returns a finite value within ``rtol`` of ``exact`` wherever ``exact`` is
finite.  This module holds the claim as data and reads what the derivation file wrote; ``check.py``
tests it.  The roles of the inputs (the code's positional arguments, in order):

- an ``IndexedBase`` ``z``: a 2-D array, one point per row (row r holds z[1], …, z[n]);
- an integer symbol ``t`` (declared ``d.index("t", 1, n)``): one class per row, 1-based in the
  mathematics, 0-based in the code (the code gets t − 1, as NumPy indexes);
- a real symbol ``x``: a 1-D array, one point per element (an elementwise claim).

``entry``, an integer symbol of ``exact``, is the entry of a row's result along the last axis (1-based);
without it the code returns one value per row (or per element).  Any other free integer symbol of
``exact`` (the n of Σ_{k=1}^{n}) is the length of the rows.
"""
from __future__ import annotations

import ast
import inspect
import sys
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import sympy as sp

ROW, CLASS, ELEMENT = "row", "class", "element"
DTYPES = ("float64", "float32", "float16")


class ClaimError(ValueError):
    """A float claim the derivation file wrote wrong; the message says what (the builder adds the place)."""


def default_rtol(dtype: str) -> float:
    """√ε of the dtype (1.5e-8 in float64, 3.5e-4 in float32): an error above it has lost half the digits."""
    return float(np.sqrt(np.finfo(dtype).eps))


def default_atol(dtype: str) -> float:
    """The dtype's smallest normal number: differences below it are not judged (subnormal results)."""
    return float(np.finfo(dtype).smallest_normal)


@dataclass(frozen=True)
class FloatClaim:
    """``code`` evaluated in floating point is within tolerance of ``exact`` (see the module docstring).

    Attributes:
        code: the function called, with one NumPy array per input.
        code_text: what reports and exports show: the source the derivation file writes, or the
            import path of a function defined elsewhere (``softsym.kernels.softmax``).
        code_source: what the fingerprint covers: the code's source text where it can be read.
        exact: the exact value, a SymPy expression in the inputs.
        inputs: the symbols of ``exact`` the code's arguments carry, in argument order.
        roles: each input's role: ``row``, ``class`` or ``element``.
        entry: the entry index of a row's result (None: one value per row or element).
        points: the given inputs, one value per input each (a row as a tuple of floats, a class as
            its 1-based int, an element as a float).
        dtypes: the floating-point types it is tested in, in order.
        rtol, atol: per dtype, the tolerances: a result fails when it is not finite or
            ``|result − exact| > atol + rtol·|exact|``.
        search: whether the seeded hard inputs are tried after the given ones.
    """

    code: Callable[..., object] = field(compare=False, repr=False)
    code_text: str
    code_source: str
    exact: sp.Expr
    inputs: tuple[sp.Basic, ...]
    roles: tuple[str, ...]
    entry: sp.Symbol | None
    points: tuple[tuple[object, ...], ...]
    dtypes: tuple[str, ...]
    rtol: tuple[float, ...]
    atol: tuple[float, ...]
    search: bool = True

    @property
    def code_name(self) -> str:
        """The called function's name (``softmax``; ``code`` for a lambda)."""
        name = getattr(self.code, "__name__", "")
        return name if name.isidentifier() else "code"

    @property
    def elementwise(self) -> bool:
        """Whether the inputs are elements (1-D arrays), not rows."""
        return ELEMENT in self.roles

    @property
    def sizes(self) -> tuple[sp.Symbol, ...]:
        """The symbols that stand for the length of the rows (the n of Σ_{k=1}^{n})."""
        taken = {s for s, role in zip(self.inputs, self.roles) if role != ROW} | {self.entry}
        return tuple(sorted((s for s in self.exact.free_symbols
                             if isinstance(s, sp.Symbol) and s not in taken and not _is_row_label(s, self)),
                            key=str))

    def tolerance(self, dtype: str) -> tuple[float, float]:
        """``(rtol, atol)`` in ``dtype``."""
        k = self.dtypes.index(dtype)
        return self.rtol[k], self.atol[k]

    def call_text(self) -> str:
        """``softmax(z)[i]``: the code applied to the inputs, as reports write it."""
        entry = f"[{self.entry}]" if self.entry is not None else ""
        return f"{self.code_name}({', '.join(str(_name(s)) for s in self.inputs)}){entry}"

    def tolerance_text(self) -> str:
        """``rtol 1.5e-08 (float64), 0.00035 (float32)``; an atol only where it is not the default."""
        parts = []
        for dtype, rtol, atol in zip(self.dtypes, self.rtol, self.atol):
            extra = f", atol {atol:.2g}" if atol != default_atol(dtype) else ""
            parts.append(f"{rtol:.2g}{extra} ({dtype})")
        return "rtol " + ", ".join(parts)

    def fingerprint_text(self) -> str:
        """Everything that decides the verdict, as text (the code by its source)."""
        return "\n".join([self.code_source, sp.srepr(self.exact), repr(self.roles), sp.srepr(self.entry),
                          repr(self.points), repr(self.dtypes), repr(self.rtol), repr(self.atol), repr(self.search)])


def _name(symbol: sp.Basic) -> sp.Basic:
    return symbol.label if isinstance(symbol, sp.IndexedBase) else symbol


def _is_row_label(symbol: sp.Symbol, claim: FloatClaim) -> bool:
    return any(role == ROW and _name(s) == symbol for s, role in zip(claim.inputs, claim.roles))


# -- reading what the derivation file wrote -------------------------------------------------------------
def make_claim(code: Callable[..., object] | str, exact: sp.Expr, *, inputs: Sequence[sp.Basic],
               entry: sp.Symbol | None, points: Iterable[Mapping[sp.Basic, object] | Sequence[object]],
               dtypes: Sequence[str], rtol: float | Mapping[str, float] | None,
               atol: float | Mapping[str, float] | None, search: bool, file: str) -> FloatClaim:
    """The claim ``d.float_claim`` describes, checked for consistency.

    Raises:
        ClaimError: a role, a point, a dtype or a tolerance that does not fit (the message says which).
    """
    function, text, source = _read_code(code, file)
    inputs = tuple(inputs)
    if not inputs:
        raise ClaimError("inputs= names no input: give the symbols of exact= the code's arguments carry, in order")
    roles = tuple(_role(s) for s in inputs)
    if ELEMENT in roles and (ROW in roles or CLASS in roles):
        raise ClaimError("inputs= mixes elements (real symbols) with rows (indexed families) or classes")
    if CLASS in roles and ROW not in roles:
        raise ClaimError("a class input (an integer symbol) indexes a row: give an indexed family too")
    if entry is not None and (not isinstance(entry, sp.Symbol) or entry in inputs or ELEMENT in roles):
        raise ClaimError(f"entry= must be an integer symbol of exact=, not an input, and only for rows; got {entry!r}")
    dtypes = tuple(dtypes)
    unknown = [t for t in dtypes if t not in DTYPES]
    if not dtypes or unknown:
        raise ClaimError(f"dtypes= takes some of {', '.join(DTYPES)}; got {dtypes!r}")
    claim = FloatClaim(function, text, source, exact, inputs, roles, entry,
                       tuple(_point(p, inputs, roles) for p in points), dtypes,
                       _per_dtype(rtol, dtypes, default_rtol, "rtol"), _per_dtype(atol, dtypes, default_atol, "atol"),
                       search)
    _check_symbols(claim)
    if not claim.points and not search:
        raise ClaimError("nothing to test: give points= or leave search=True")
    return claim


def _role(symbol: sp.Basic) -> str:
    if isinstance(symbol, sp.IndexedBase):
        return ROW
    if isinstance(symbol, sp.Symbol) and symbol.is_integer:
        return CLASS
    if isinstance(symbol, sp.Symbol):
        return ELEMENT
    raise ClaimError(f"an input must be an indexed family (a row), an integer symbol (a class) or a real symbol "
                     f"(an element); got {symbol!r}")


def _check_symbols(claim: FloatClaim) -> None:
    """Every name of ``exact`` is an input, the entry, or (for rows) an integer size."""
    bases = {e.base for e in claim.exact.atoms(sp.Indexed)}
    rows = {s for s, role in zip(claim.inputs, claim.roles) if role == ROW}
    stray = bases - rows
    if stray:
        raise ClaimError(f"exact= uses the family {', '.join(map(str, stray))}, which is not among inputs=")
    indexing = {s for e in claim.exact.atoms(sp.Indexed) for s in e.free_symbols if isinstance(s, sp.Symbol)}
    for size in claim.sizes:
        if size in indexing:
            raise ClaimError(f"exact= indexes a row with {size}, which is not an input: give entry={size} (the "
                             f"entry of the result) or make it a class input")
        if claim.elementwise or not size.is_integer:
            raise ClaimError(f"exact= uses {size}, which is not an input" +
                             ("" if claim.elementwise else ", the entry, or an integer (a row length)"))
    if claim.entry is not None and claim.entry not in claim.exact.free_symbols:
        raise ClaimError(f"entry={claim.entry} does not occur in exact=")


def _point(point: Mapping[sp.Basic, object] | Sequence[object], inputs: tuple[sp.Basic, ...],
           roles: tuple[str, ...]) -> tuple[object, ...]:
    """One given point as a value per input: rows as float tuples, classes as ints, elements as floats."""
    if isinstance(point, Mapping):
        missing = [str(s) for s in inputs if s not in point]
        extra = [str(s) for s in point if s not in inputs]
        if missing or extra:
            raise ClaimError(f"the point {dict(point)!r} " + (f"lacks {', '.join(missing)}" if missing else
                                                             f"names {', '.join(extra)}, not an input"))
        values = [point[s] for s in inputs]
    elif len(inputs) == 1:                                    # one input: the point is its value
        values = [point]
    elif isinstance(point, Sequence) and not isinstance(point, str) and len(point) == len(inputs):
        values = list(point)
    else:
        raise ClaimError(f"a point is a dict {{input: value}} or a sequence of a value per input "
                         f"({len(inputs)} here); got {point!r}")
    out: list[object] = []
    for symbol, role, value in zip(inputs, roles, values):
        try:
            if role == ROW:
                row = tuple(float(v) for v in value)          # type: ignore[union-attr]
                if not row:
                    raise ValueError
                out.append(row)
            elif role == CLASS:
                out.append(_class_value(value))
            else:
                out.append(float(value))                      # type: ignore[arg-type]
        except (TypeError, ValueError):
            wanted = {ROW: "a list of numbers", CLASS: "a class number (1-based)", ELEMENT: "a number"}[role]
            raise ClaimError(f"the value of {symbol} in a point must be {wanted}; got {value!r}") from None
    lengths = {len(v) for v, role in zip(out, roles) if role == ROW}   # type: ignore[arg-type]
    if len(lengths) > 1:
        raise ClaimError(f"the rows of a point must have one length; got {sorted(lengths)}")
    for symbol, role, value in zip(inputs, roles, out):
        if role == CLASS and not 1 <= value <= next(iter(lengths)):          # type: ignore[operator]
            raise ClaimError(f"the class {symbol} = {value} of a point is outside 1..{next(iter(lengths))}")
    return tuple(out)


def _class_value(value: object) -> int:
    if isinstance(value, bool) or int(value) != value:                     # type: ignore[call-overload]
        raise ValueError
    return int(value)                                                      # type: ignore[call-overload]


def _per_dtype(value: float | Mapping[str, float] | None, dtypes: tuple[str, ...],
               default: Callable[[str], float], name: str) -> tuple[float, ...]:
    if value is None:
        return tuple(default(t) for t in dtypes)
    if isinstance(value, Mapping):
        unknown = [t for t in value if t not in dtypes]
        if unknown:
            raise ClaimError(f"{name}= names {', '.join(unknown)}, which is not among dtypes={dtypes!r}")
        out = tuple(float(value.get(t, default(t))) for t in dtypes)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        out = tuple(float(value) for _ in dtypes)
    else:
        raise ClaimError(f"{name}= takes a number or a dict {{dtype: number}}; got {value!r}")
    if any(not np.isfinite(v) or v < 0 for v in out):
        raise ClaimError(f"{name}= must be finite and nonnegative; got {value!r}")
    return out


def _read_code(code: Callable[..., object] | str, file: str) -> tuple[Callable[..., object], str, str]:
    """The function to call, the text to show and the text to fingerprint.

    A string is Python source run with ``np`` (NumPy) in scope; the function called is the last one
    it defines (helpers first).  A function written in the derivation file shows its source; one
    imported from elsewhere shows its import path (``softsym.kernels.softmax``).
    """
    if isinstance(code, str):
        text = textwrap.dedent(code).strip("\n")
        try:
            tree = ast.parse(text)
        except SyntaxError as exc:
            raise ClaimError(f"code= is not Python: {exc.msg} (line {exc.lineno} of the code)") from None
        defined = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
        if not defined:
            raise ClaimError("code= as a string must define a function (def ...); the last one defined is called")
        namespace: dict[str, object] = {"np": np, "numpy": np}
        # the derivation file's own text, run as the file itself is: nothing from outside is executed
        exec(compile(tree, f"<code of a float claim in {file}>", "exec"), namespace)  # noqa: S102
        return namespace[defined[-1]], text, text          # type: ignore[return-value]
    if not callable(code):
        raise ClaimError(f"code= takes a function or Python source defining one; got {type(code).__name__}")
    try:
        source = textwrap.dedent(inspect.getsource(code)).strip("\n")
    except (OSError, TypeError):
        source = ""
    origin = getattr(getattr(code, "__code__", None), "co_filename", None)
    if origin is not None and file and origin == file and source:
        return code, _lambda_text(source) if code.__name__ == "<lambda>" else source, source
    path = _import_path(code)
    return code, path, f"{path}\n{source}"


def _lambda_text(source: str) -> str:
    """``lambda X: ...`` out of the lines that hold it (else the lines themselves)."""
    for text in (source, source.rstrip(",)") + ")"):
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        found = [node for node in ast.walk(tree) if isinstance(node, ast.Lambda)]
        if len(found) == 1:
            return ast.unparse(found[0])
    return source


def _import_path(function: Callable[..., object]) -> str:
    """``softsym.kernels.softmax`` for a function of ``softsym.kernels._generated`` that the package
    re-exports: the shortest module path that holds the same object."""
    module, name = getattr(function, "__module__", "") or "", getattr(function, "__qualname__", repr(function))
    parts = module.split(".")
    for k in range(1, len(parts) + 1):
        candidate = sys.modules.get(".".join(parts[:k]))
        if candidate is not None and getattr(candidate, name, None) is function:
            return f"{'.'.join(parts[:k])}.{name}"
    return f"{module}.{name}" if module else name


__all__ = ["CLASS", "DTYPES", "ELEMENT", "ROW", "ClaimError", "FloatClaim", "default_atol", "default_rtol",
           "make_claim"]
