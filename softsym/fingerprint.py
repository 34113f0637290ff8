"""Content hashes of steps: what a step claims, in the context it claims it.

Two steps have the same fingerprint exactly when they would be checked the same way: same
relation, kind, hypotheses, substitution, erratum flag, domain and visible definitions.
Cosmetic fields (line, justification text, source place) are left out, so moving a step or
rewording its justification does not invalidate the lockfile or the cache.
"""
from __future__ import annotations

import hashlib

import sympy as sp

from .dsl import Derivation, Step


def _text(obj: object) -> str:
    return sp.srepr(obj) if isinstance(obj, sp.Basic) else repr(obj)


def _domain_text(derivation: Derivation) -> str:
    d = derivation.domain
    parts = [_text(s) for s in d.symbols] + [_text(b) + repr(sorted(b.assumptions0.items())) for b in d.indexed]
    parts += [f"{_text(b.symbol)}:{_text(b.lower)}:{b.lower_strict}:{_text(b.upper)}:{b.upper_strict}"
              for b in d.bounds]
    parts += [_text(g) for g in d.given]
    return "|".join(parts)


def step_fingerprint(derivation: Derivation, step: Step) -> str:
    """A hex SHA-256 of everything that decides the step's verdict."""
    pieces = [
        "softsym-step-v1", str(step.kind), _text(step.lhs), step.rel, _text(step.rhs),
        "erratum" if step.erratum else "claim",
        ";".join(_text(g) for g in step.given),
        ";".join(f"{_text(k)}={_text(v)}" for k, v in step.substitution),
        _domain_text(derivation),
        ";".join(f"{_text(d.target)}:={_text(d.expr)}" for d in derivation.definitions_before(step.index)),
    ]
    return hashlib.sha256("\n".join(pieces).encode()).hexdigest()
