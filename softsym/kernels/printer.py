"""SymPy's NumPy printer, taught to print one scheduled operation as an in-place NumPy call."""
from __future__ import annotations

import sympy as sp
from sympy.printing.numpy import NumPyPrinter

from .schedule import ELEMENTWISE, Op

RUNTIME = "_rt"
RUNTIME_CALLS = frozenset({"row_sum", "row_max", "argmax", "take"})     # _rt.fn(x..., out=dst)


class KernelPrinter(NumPyPrinter):
    """Prints values by the names of the buffers they live in, and each operation with ``out=``.

    Args:
        names: the code name of every symbol that may appear (inputs, values, views).
    """

    printmethod = "_kernelcode"

    def __init__(self, names: dict[sp.Basic, str]) -> None:
        super().__init__({"fully_qualified_modules": True, "inline": True, "allow_unknown_functions": False})
        self._names = names

    def _print_Symbol(self, expr: sp.Symbol) -> str:
        return self._names[expr]

    def _print_Float(self, expr: sp.Float) -> str:
        return repr(float(expr))

    def _print_Rational(self, expr: sp.Rational) -> str:
        return str(expr.p) if expr.q == 1 else repr(float(expr))

    def _print_Integer(self, expr: sp.Integer) -> str:
        return str(int(expr))

    def statements(self, op: Op, dst: str, copy_first: bool) -> list[str]:
        """The lines that compute ``op`` into the buffer ``dst``."""
        args = [self._print(a) for a in op.args]
        lines = []
        source = op.overwrites
        if source is not None and (copy_first or self._print(source) != dst):
            lines.append(f"{self._module_format('numpy.copyto')}({dst}, {self._print(source)})")
        if op.fn in ("maximum", "minimum") and any(a.is_Number for a in op.args):
            # NumPy's max/min against a scalar runs a slow broadcast loop (2-3x an add); against a
            # block of that constant it is vectorized
            (array,) = [self._print(a) for a in op.args if not a.is_Number]
            (number,) = [a for a in op.args if a.is_Number]
            args = [array, f"{RUNTIME}.constant({self._print(number)}, {array})"]
        if op.fn in ELEMENTWISE or op.fn == "equal":
            lines.append(f"{self._module_format('numpy.' + op.fn)}({', '.join(args)}, out={dst})")
        elif op.fn in RUNTIME_CALLS:
            lines.append(f"{RUNTIME}.{op.fn}({', '.join(args)}, out={dst})")
        elif op.fn in ("put", "add_diagonal"):
            lines.append(f"{RUNTIME}.{op.fn}({', '.join([dst] + args[1:])})")
        else:
            raise ValueError(f"no printed form for the operation {op.fn}")
        return lines

    def view(self, op: Op) -> str:
        """The inline expression of a view (an input seen along another axis)."""
        (a,) = op.args
        return f"{self._print(a)}[..., :, None]" if op.fn == "as_column" else f"{self._print(a)}[..., None, :]"
