"""The array-level vocabulary a kernel is lowered to: row reductions, gathers and puts at one entry
per row, and the few elementwise functions SymPy lacks.

An expression in this vocabulary is an ordinary SymPy expression whose symbols stand for whole
blocks of rows (``z`` is a ``(rows, n)`` block, ``t`` a ``(rows, 1)`` column of class indices) and
whose arithmetic broadcasts the way NumPy does.  Row quantities (a max, a sum, a gathered entry)
keep a trailing axis of length 1, so they broadcast against their rows.
"""
from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import log1p

__all__ = ["ArgMax", "RowMax", "Put", "RowSum", "Take", "OneHot", "RowEqual", "AsColumn", "AsRow", "AddDiagonal",
           "log1p", "is_row_value"]


class RowSum(sp.Function):
    """Σ over the entries of each row (shape ``(rows, 1)``)."""

    nargs = 1


class RowMax(sp.Function):
    """The max of each row (shape ``(rows, 1)``)."""

    nargs = 1


class ArgMax(sp.Function):
    """The position of a max of each row (an integer per row)."""

    nargs = 1


class Take(sp.Function):
    """``Take(X, c)``: the entry ``c`` (one position per row) of each row of ``X``."""

    nargs = 2


class Put(sp.Function):
    """``Put(X, c, v)``: ``X`` with the entry ``c`` of each row replaced by ``v`` (exactly)."""

    nargs = 3


class OneHot(sp.Function):
    """``OneHot(c, v)``: ``v`` at entry ``c`` of each row, 0 elsewhere; only ever transient during
    lowering, where adding it to a dense array becomes a ``Put``."""

    nargs = 2


class RowEqual(sp.Function):
    """``RowEqual(a, b)``: 1 where two per-row indices are equal, else 0 (δ_ab of two row indices)."""

    nargs = 2


class AsColumn(sp.Function):
    """``X[..., :, None]``: entry i of a row along the first of two entry axes (outer layout)."""

    nargs = 1


class AsRow(sp.Function):
    """``X[..., None, :]``: entry j of a row along the second of two entry axes (outer layout)."""

    nargs = 1


class AddDiagonal(sp.Function):
    """``AddDiagonal(X, v)``: the ``(n, n)`` blocks of ``X`` with ``v`` added on their diagonal."""

    nargs = 2


_ROW_FUNCTIONS = (RowSum, RowMax, ArgMax, Take, RowEqual)


def is_row_value(expr: sp.Basic, full: frozenset[sp.Symbol]) -> bool:
    """Whether ``expr`` has one value per row (no full-width array symbol outside a reduction)."""
    if isinstance(expr, _ROW_FUNCTIONS):
        return True
    if isinstance(expr, sp.Symbol):
        return expr not in full
    if isinstance(expr, (Put, OneHot, AsColumn, AsRow, AddDiagonal)):
        return False
    return all(is_row_value(a, full) for a in expr.args)
