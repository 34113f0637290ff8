"""Composing relations along a chain: ``a ≤ b``, ``b < c`` give ``a < c``.

A chain is a list of relations read in order, each starting where the previous one ended: its
middle expressions must be the same (compared after SymPy's canonical form, definitions
unfolded and bound variables renamed canonically, by the ``same`` function the caller passes).
An equality may be read either way; an inequality ``x ≤ y`` read from ``y`` goes down.  The
links compose when they all go the same way: ``==`` with ``==`` is ``==``, any strict link makes
the whole strict, and a chain that goes up and then down (``a ≤ b``, ``b ≥ c``) says nothing
about ``a`` and ``c``.  Pure data in, pure data out: the builder checks a chain with it when the
derivation is written, and the engine composes proved steps with it.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import sympy as sp

Relation = tuple[sp.Basic, str, sp.Basic]
UP = {"<=": "<=", "<": "<", ">=": "<=", ">": "<"}       # every inequality written upwards (flip >, >=)


@dataclass(frozen=True)
class Composed:
    """What a chain gives end to end: ``start rel end`` (``rel`` one of ``== <= < >= >``)."""

    rel: str
    start: sp.Basic
    end: sp.Basic


@dataclass(frozen=True)
class Broken:
    """Why relations do not compose; ``link`` is the 0-based position of the offending one."""

    link: int
    reason: str


def _upward(rel: Relation) -> Relation:
    """``x >= y`` as ``y <= x`` (and ``>`` likewise); ``==``, ``<=``, ``<`` unchanged."""
    lhs, r, rhs = rel
    return (rhs, UP[r], lhs) if r in (">=", ">") else rel


def compose(start: sp.Basic, links: Sequence[Relation], same: Callable[[sp.Basic, sp.Basic], bool],
            shown: Callable[[sp.Basic], str] = str) -> Composed | Broken:
    """Walk ``links`` from ``start``, each link from where the previous one ended.

    Returns:
        ``Composed`` (the strongest relation between ``start`` and the last end), or ``Broken``
        naming the first link that does not start where the chain is, or that turns back.
    """
    here, going, strict = start, "", False          # going: "" (only ==), "up" or "down"
    for position, link in enumerate(links):
        lhs, rel, rhs = _upward(link)
        if same(here, lhs):
            step, there = ("up" if rel != "==" else ""), rhs
        elif same(here, rhs):
            step, there = ("down" if rel != "==" else ""), lhs
        else:
            return Broken(position, f"its sides {shown(link[0])} and {shown(link[2])} do not include "
                                    f"{shown(here)}, where the chain is after the links before it")
        if step and going and step != going:
            return Broken(position, f"it goes {step} ({shown(here)} {'<' if step == 'up' else '>'}"
                                    f"{'' if rel == '<' else '='} {shown(there)}) after the links before "
                                    f"went {going}: a chain that mixes <= and >= says nothing about its ends")
        going = going or step
        strict = strict or rel == "<"
        here = there
    if not going:
        return Composed("==", start, here)
    return Composed({("up", False): "<=", ("up", True): "<", ("down", False): ">=", ("down", True): ">"}[
        (going, strict)], start, here)


def implies(composed: str, claimed: str) -> bool:
    """Whether ``a composed b`` gives ``a claimed b`` (``<`` gives ``<=``; ``==`` gives ``<=`` and ``>=``)."""
    if composed == claimed:
        return True
    return claimed in ("<=", ">=") and composed in ("==", claimed.rstrip("="))


def conclude(claim: Relation, links: Sequence[Relation], same: Callable[[sp.Basic, sp.Basic], bool],
             shown: Callable[[sp.Basic], str] = str) -> Composed | Broken:
    """Whether ``links`` (in the order given, or reversed) lead from one side of ``claim`` to the
    other with a relation that gives ``claim``'s.

    Returns:
        ``Composed`` oriented as the claim (``claim.lhs composed.rel claim.rhs``), or the reason of
        the first order tried (``Broken``; ``link == len(links)`` when the chain ends elsewhere or
        is too weak).
    """
    lhs, rel, rhs = claim
    first: Broken | None = None
    for order in (list(links), list(reversed(links))):
        result = compose(lhs, order, same, shown)
        if isinstance(result, Composed):
            if not same(result.end, rhs):
                result = Broken(len(links), f"the chain ends at {shown(result.end)}, not at {shown(rhs)}")
            elif not implies(result.rel, rel):
                result = Broken(len(links), f"the links give {shown(lhs)} {result.rel} {shown(rhs)}, which "
                                            f"does not give {rel}" + (" (no link is strict)" if rel in "<>" else ""))
            else:
                return result
        first = first or result
    assert first is not None
    return first


__all__ = ["Broken", "Composed", "Relation", "compose", "conclude", "implies"]
