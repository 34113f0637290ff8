"""Content hashes of steps: what a step claims, in the context it claims it.

Two steps have the same fingerprint exactly when they would be checked the same way: same
relation, kind, hypotheses, substitution, erratum flag, domain and visible definitions, and the
same assumptions on every name in them; a definition erratum adds what it is checked against, a
float claim its code (by its source), inputs, points, dtypes and tolerances, and
a concluded step the fingerprints of the steps it uses (so a cached "proved" cannot outlive a
change to one of them).  Cosmetic fields (line, justification text, source
place) are left out, so moving a step or rewording its justification does not invalidate the
lockfile or the cache.

``srepr`` alone is not enough: it prints neither the assumptions of an undefined function
(``Function('f', positive=True)``) nor those of an ``IndexedBase`` whose label carries none,
and it prints a ``Dummy`` with a random per-process index.  ``_FingerprintPrinter`` prints
every symbol with all its assumptions, every undefined function with its keyword arguments and
assumptions, every indexed base with its own, and numbers dummies by first appearance.
"""
from __future__ import annotations

import hashlib

import sympy as sp
from sympy.core.function import FunctionClass, UndefinedFunction
from sympy.printing.repr import ReprPrinter

from .domain import Domain
from .dsl import Derivation, Step
from .problem import Problem

VERSION = "softsym-step-v2"     # v1 keys missed what srepr does not print: they are all invalid


def _facts(assumptions: dict) -> str:
    """Assumptions as sorted ``key=value`` pairs (the full deduced set, so equal facts print alike)."""
    return ", ".join(f"{k}={v!r}" for k, v in sorted(assumptions.items()))


class _FingerprintPrinter(ReprPrinter):
    """``srepr`` that also prints what decides a verdict but ``srepr`` leaves out.

    One instance prints one fingerprint, so a dummy gets the same number wherever it occurs.
    """

    def __init__(self) -> None:
        super().__init__()
        self._dummies: dict[sp.Dummy, int] = {}

    def text(self, obj: object) -> str:
        """``obj`` printed: SymPy objects by this printer, anything else (None, a flag) by ``repr``."""
        return self.doprint(obj) if isinstance(obj, (sp.Basic, FunctionClass)) else repr(obj)

    def _print_Symbol(self, expr: sp.Symbol) -> str:
        name = self._print(expr.name)
        if isinstance(expr, sp.Dummy):
            number = self._dummies.setdefault(expr, len(self._dummies))
            return f"Dummy({name}, #{number}, {_facts(expr.assumptions0)})"
        return f"{type(expr).__name__}({name}, {_facts(expr.assumptions0)})"

    def _print_FunctionClass(self, expr: FunctionClass) -> str:
        if isinstance(expr, UndefinedFunction):
            kwargs = ", ".join(f"{k}={v!r}" for k, v in sorted(expr._kwargs.items()))
            return f"Function({expr.__name__!r}, [{kwargs}], {_facts(expr.default_assumptions)})"
        if (expr.__module__ or "").startswith("sympy."):
            return expr.__name__
        # a function class written in a derivation file: its assumptions may be class attributes
        return f"{expr.__module__}.{expr.__qualname__}({_facts(expr.default_assumptions)})"

    def _print_IndexedBase(self, expr: sp.IndexedBase) -> str:
        args = ", ".join(self._print(a) for a in expr.args)
        return (f"IndexedBase({args}, offset={self._print(expr.offset)}, strides={self._print(expr.strides)}, "
                f"{_facts(expr.assumptions0)})")


def _domain_text(printer: _FingerprintPrinter, domain: Domain) -> str:
    text = printer.text
    parts = [text(s) for s in domain.symbols] + [text(b) for b in domain.indexed]
    parts += [f"{text(b.symbol)}:{text(b.lower)}:{b.lower_strict}:{text(b.upper)}:{b.upper_strict}"
              for b in domain.bounds]
    parts += [text(g) for g in domain.given]
    return "|".join(parts)


def step_fingerprint(derivation: Derivation, step: Step) -> str:
    """A hex SHA-256 of everything that decides the step's verdict."""
    printer = _FingerprintPrinter()
    text = printer.text
    pieces = [
        VERSION, str(step.kind), text(step.lhs), step.rel, text(step.rhs),
        "erratum" if step.erratum else "claim",
        ";".join(text(g) for g in step.given),
        ";".join(f"{text(k)}={text(v)}" for k, v in step.substitution),
        text(step.variable),
        _domain_text(printer, derivation.domain),
        ";".join(f"{text(d.target)}:={text(d.expr)}" for d in derivation.definitions_before(step.index)),
    ]
    if step.intended is not None:
        pieces.append(f"intended {text(step.intended)}")
    if step.float_claim is not None:
        pieces.append(f"float claim {step.float_claim.fingerprint_text()}")
    if step.depends_on:
        pieces.append("uses " + ";".join(step_fingerprint(derivation, derivation.steps[i - 1]) for i in step.depends_on))
    return hashlib.sha256("\n".join(pieces).encode()).hexdigest()


def problem_fingerprint(problem: Problem) -> str:
    """A hex SHA-256 of a prepared relation (definitions already unfolded) and its domain: the
    cache key of relations that come from documents rather than derivation files."""
    printer = _FingerprintPrinter()
    text = printer.text
    pieces = [VERSION, "problem", text(problem.lhs), problem.rel, text(problem.rhs), str(problem.real_values),
              _domain_text(printer, problem.domain)]
    return hashlib.sha256("\n".join(pieces).encode()).hexdigest()
