"""A derivation file's calls of the builder, checked: a mistake becomes a ``DerivationError`` at the
caller's file and line that says what the call accepts — never a traceback from inside softsym.

``@checked_call`` binds the arguments to the method's signature before the method runs and checks
the simple types its annotations name (``str``, ``bool``, a list of relations, a mapping, a
symbol); keywords collected by ``**assumptions`` must be SymPy assumption names, and those of a
method declared ``@checked_call(kw_like="rel")`` the keywords ``rel`` accepts::

    derivations/x.py:14: d.eq(): unknown keyword argument 'whyy' (did you mean 'why'?);
    it accepts d.eq(lhs, rhs, *, why='', at='', given=(), label='')
"""
from __future__ import annotations

import difflib
import functools
import inspect
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

import sympy as sp
from sympy.core.assumptions import _assume_defined

from .errors import DerivationError

F = TypeVar("F", bound=Callable[..., Any])
ASSUMPTIONS = frozenset(_assume_defined)
"""The keywords SymPy accepts as assumptions (``real``, ``positive``, ``integer``...)."""

_TYPES: dict[str, tuple[Callable[[Any], bool], str]] = {
    "str": (lambda v: isinstance(v, str), "a string"),
    "bool": (lambda v: isinstance(v, bool), "True or False"),
    "sp.Symbol": (lambda v: isinstance(v, sp.Symbol), "a declared symbol"),
    "str | sp.Basic": (lambda v: isinstance(v, (str, sp.Basic)), "a name (a string) or a SymPy object"),
    "Mapping[sp.Basic, object]": (lambda v: isinstance(v, Mapping), "a dict such as {q: 0}"),
    "Iterable[sp.Basic]": (lambda v: isinstance(v, Iterable) and not isinstance(v, (str, sp.Basic)) and (
                           not isinstance(v, (list, tuple, set, frozenset))      # a generator is left unread
                           or all(isinstance(g, sp.Basic) and not g.is_Atom for g in v)),
                           "a list of relations such as [Ne(i, j), x < 1]"),
}


def _shown_name(method: Callable[..., Any]) -> str:
    return "DerivationBuilder" if method.__name__ == "__init__" else f"d.{method.__name__}"


def accepts(method: Callable[..., Any], kw_like: Callable[..., Any] | None = None) -> str:
    """``d.eq(lhs, rhs, *, why='', at='', given=(), label='')``: what a call may pass."""
    parts: list[str] = []
    star = False
    for p in list(inspect.signature(method).parameters.values())[1:]:
        if p.kind is p.VAR_KEYWORD and kw_like is not None:
            keywords = [q for q in inspect.signature(kw_like).parameters.values() if q.kind is q.KEYWORD_ONLY]
            parts.extend(([] if star else ["*"]) + [f"{q.name}={q.default!r}" for q in keywords])
            continue
        if p.kind is p.VAR_KEYWORD:
            parts.append(f"**{p.name}")
            continue
        if p.kind is p.KEYWORD_ONLY and not star:
            parts.append("*")
            star = True
        parts.append(p.name if p.default is p.empty else f"{p.name}={p.default!r}")
    return f"{_shown_name(method)}({', '.join(parts)})"


def _keyword_names(method: Callable[..., Any]) -> list[str]:
    return [p.name for p in inspect.signature(method).parameters.values()
            if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD) and p.name != "self"]


def _mismatch(method: Callable[..., Any], kw_like: Callable[..., Any] | None, args: tuple, kwargs: dict) -> str | None:
    """What is wrong with calling ``method(*args, **kwargs)``, or None."""
    signature = inspect.signature(method)
    params = signature.parameters
    var_kw = next((p for p in params.values() if p.kind is p.VAR_KEYWORD), None)
    borrowed = [] if kw_like is None else [p.name for p in inspect.signature(kw_like).parameters.values()
                                           if p.kind is p.KEYWORD_ONLY]
    known = _keyword_names(method) + borrowed
    for key in kwargs:
        if key in params and params[key].kind is not params[key].VAR_KEYWORD:
            continue
        if var_kw is not None and kw_like is None and key in ASSUMPTIONS:
            continue
        if key in borrowed:
            continue
        pool = known + (sorted(ASSUMPTIONS) if var_kw is not None and kw_like is None else [])
        close = difflib.get_close_matches(key, pool, n=1)
        return f"unknown keyword argument {key!r}" + (f" (did you mean {close[0]!r}?)" if close else "")
    try:
        bound = signature.bind(*args, **kwargs)
    except TypeError as exc:
        return str(exc)
    for name, value in bound.arguments.items():
        parameter = params[name]
        if parameter.kind is parameter.VAR_KEYWORD:
            if kw_like is None:
                for key, fact in value.items():
                    if not isinstance(fact, bool):
                        return f"the assumption {key}={fact!r} must be True or False"
            else:
                rule = inspect.signature(kw_like).parameters
                for key, item in value.items():
                    wanted = _TYPES.get(str(rule[key].annotation)) if key in rule else None
                    if wanted and not wanted[0](item):
                        return f"{key}= takes {wanted[1]}, got {type(item).__name__} {item!r}"
            continue
        wanted = _TYPES.get(str(parameter.annotation))
        if wanted is not None and not wanted[0](value):
            shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
            return f"{name}= takes {wanted[1]}, got {type(value).__name__} {shown}"
    return None


def checked_call(method: F | None = None, *, kw_like: str | None = None) -> F | Callable[[F], F]:
    """Decorate a builder method so that a wrong call is a ``DerivationError`` at the caller's line.

    Args:
        method: the method (when used as ``@checked_call``).
        kw_like: for a method taking ``**kw``, the name of the method whose keywords it accepts.
    """
    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            like = getattr(type(args[0]), kw_like) if kw_like else None
            like = getattr(like, "__wrapped__", like)
            problem = _mismatch(fn, like, args, kwargs)
            if problem is not None:
                frame = sys._getframe(1)
                raise DerivationError(f"{_shown_name(fn)}(): {problem}; it accepts {accepts(fn, like)}",
                                      frame.f_code.co_filename, frame.f_lineno)
            return fn(*args, **kwargs)
        return wrapper  # type: ignore[return-value]
    return decorate(method) if method is not None else decorate


__all__ = ["ASSUMPTIONS", "accepts", "checked_call"]
