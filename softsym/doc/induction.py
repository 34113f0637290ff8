"""Closed forms of recurrences, checked through the recurrence.

A note defines ``m_t = β m_{t-1} + (1 - β) g_t`` with ``m_0 = 0`` and then claims a closed form,
``m_t = (1 - β) Σ_{i=1}^{t} β^{t-i} g_i``.  The claim speaks of every t, the recurrence gives m only
entry by entry, so the prover alone cannot decide it.  An :class:`InductionPlan` turns it into
problems the prover can decide:

- ``at:t=N`` — the claim at the first indices, where the recurrence is written out down to the given
  values: a refutation there refutes the claim (a counterexample at t = 2);
- ``step`` — ``F(t) = R(F(t - 1), t)`` for every t after the first: the recurrence's right side with
  the closed form put in for the previous entry.

The base case (the claim at its first index) and the step together prove it by induction.  Only
first-order recurrences (the right side names the previous entry only) are planned.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import sympy as sp

INSTANCES = 3
"""How many first indices the claim is checked at."""


@dataclass(frozen=True)
class InductionPlan:
    """The claim ``entry = closed`` about ``family`` at the index ``index``, from ``first`` on."""

    family: str
    index: sp.Symbol
    first: int            # the claim's first index: its written lower bound, else 1 (or the first given value's)
    entry: sp.Indexed
    closed: sp.Basic
    step_right: sp.Basic  # the recurrence's right side with the closed form for the previous entry
    upper: int | None = None   # a written upper bound on the index: only the instances up to it

    def followups(self) -> Iterator[tuple[str, list[sp.Basic], tuple[sp.Basic, sp.Basic] | None]]:
        """(kind, extra conditions, the sides to check or None for the claim's own)."""
        for n in range(self.first, self.first + INSTANCES):
            if self.upper is not None and n > self.upper:
                break
            yield f"at:{self.index.name}={n}", [sp.Eq(self.index, n)], None
        if self.upper is not None:
            return          # "for 1 ≤ t ≤ 2": no step for every t
        yield "step", [sp.Ge(self.index, self.first + 1)], (self.closed, self.step_right)


def induction_plan(lhs: sp.Basic, rhs: sp.Basic, op: str, rules: dict[str, tuple[sp.Indexed, sp.Basic]],
                   initial: list[sp.Basic], written: list[sp.Basic]) -> InductionPlan | None:
    """The plan for ``lhs = rhs`` when one side is an entry of a recurrence's family at a symbolic
    index and the other a closed form free of the family; None otherwise."""
    if op != "==":
        return None
    for entry, closed in ((lhs, rhs), (rhs, lhs)):
        if not (isinstance(entry, sp.Indexed) and str(entry.base.label) in rules and len(entry.indices) == 1):
            continue
        index = entry.indices[0]
        family = str(entry.base.label)
        if not (isinstance(index, sp.Symbol) and index.is_integer) \
                or any(str(e.base.label) == family for e in closed.atoms(sp.Indexed)):
            continue
        pattern, body = rules[family]
        (own,) = pattern.indices
        if not isinstance(own, sp.Symbol):
            return None
        body = body.xreplace({own: index})
        previous = entry.base[index - 1]
        if {e for e in body.atoms(sp.Indexed) if str(e.base.label) == family} != {previous}:
            return None                                   # not first order
        given = sorted(int(c.lhs.indices[0]) for c in initial
                       if str(c.lhs.base.label) == family and c.lhs.indices[0].is_Integer)
        bound = _lower_bound(index, written)
        if bound is None and not given:
            return None
        if any(index.name in {x.name for x in c.free_symbols} and not _bound_on(index, c) for c in written):
            return None     # "where g_t = 0": a condition at t only, the claim at t - 1 need not hold
        if bound is None:   # the claim from the first given value on: it must hold there too
            start = next(c for c in initial if str(c.lhs.base.label) == family and c.lhs.indices[0] == given[0])
            at_start = closed.xreplace({index: sp.Integer(given[0])}).doit() - start.rhs
            if sp.simplify(at_start) != 0:
                return None
        # without a written bound the index counts from 1, as every entry's index (the reader's
        # convention), and never from before the first given value
        first = bound if bound is not None else max(1, given[0])
        step_right = body.xreplace({previous: closed.xreplace({index: index - 1})})
        return InductionPlan(family, index, first, entry, closed, step_right, _upper_bound(index, written))
    return None


def _bound_on(index: sp.Symbol, c: sp.Basic) -> bool:
    """Whether ``c`` only bounds the index by a number (``t \\ge 1``)."""
    return isinstance(c, (sp.GreaterThan, sp.StrictGreaterThan, sp.LessThan, sp.StrictLessThan)) \
        and {c.lhs, c.rhs} & {x for x in c.free_symbols if x.name == index.name} != set() \
        and all(side.is_number or isinstance(side, sp.Symbol) and side.name == index.name for side in (c.lhs, c.rhs))


def _lower_bound(index: sp.Symbol, written: list[sp.Basic]) -> int | None:
    """The whole-number lower bound the conditions give ``index`` ("for $t \\ge 1$"), or None."""
    bounds = []
    for c in written:
        same = lambda x: isinstance(x, sp.Symbol) and x.name == index.name    # noqa: E731 - t read as real
        if isinstance(c, (sp.GreaterThan, sp.StrictGreaterThan)) and same(c.lhs) and c.rhs.is_Integer:
            bounds.append(int(c.rhs) + (1 if isinstance(c, sp.StrictGreaterThan) else 0))
        elif isinstance(c, (sp.LessThan, sp.StrictLessThan)) and same(c.rhs) and c.lhs.is_Integer:
            bounds.append(int(c.lhs) + (1 if isinstance(c, sp.StrictLessThan) else 0))
    return max(bounds) if bounds else None


def _upper_bound(index: sp.Symbol, written: list[sp.Basic]) -> int | None:
    """The whole-number upper bound the conditions give ``index`` ("$1 \\le t \\le 2$"), or None."""
    bounds = []
    for c in written:
        same = lambda x: isinstance(x, sp.Symbol) and x.name == index.name    # noqa: E731
        if isinstance(c, (sp.LessThan, sp.StrictLessThan)) and same(c.lhs) and c.rhs.is_Integer:
            bounds.append(int(c.rhs) - (1 if isinstance(c, sp.StrictLessThan) else 0))
        elif isinstance(c, (sp.GreaterThan, sp.StrictGreaterThan)) and same(c.rhs) and c.lhs.is_Integer:
            bounds.append(int(c.lhs) - (1 if isinstance(c, sp.StrictGreaterThan) else 0))
    return min(bounds) if bounds else None


_EXCEPTION_WORDS = re.compile(
    r"(?i)\b(?:except|excepting|unless|skip|skips|skipped|reset|resets|restart|restarts|restarted|instead|only|until|"
    r"after|afterwards|before|phase|phases|frozen|freeze|freezes|stop|stops|stopped|halt|halts|change|changes|"
    r"changed|switch|switches|otherwise|if|when|whenever|but|however|overflow|overflows|clip|clipped|cap|capped|"
    r"saturates?|constant|equal|every\s+other|even|odd|first\s+\w+\s+steps?|last|later|then\s+on|from\s+then|"
    r"replaced?|loads?|loaded|set\s+to|differs?|different|special|occasionally|sometimes|warm[- ]?up|schedule|"
    r"rather|suppose|supposing|now|start(?:s|ed)?\s+(?:from|at|with)|begins?\s+(?:from|at|with)|"
    r"re-?initiali[sz]e[sd]?)\b|"
    r"除|仅|只|直到|之后|以后|之前|重置|跳过|否则|改为|但|若|如果|当|除非|特殊")
"""Words that may suspend or change a recurrence for some indices ("except at the fourth step", "an
overflow resets it", "from the fourth step on it adds three instead"): a closed form is not checked
through the recurrence when the words around it hold one."""


def exceptions_around(words: list[str], start: int, end: int, family: str, index: str,
                      math: list[tuple[int, str]]) -> str:
    """Why the recurrence of ``family`` may not hold for every index, judged between the paragraph that
    leads into it (from line ``start`` back to a blank line) and the claim (before line ``end``), or
    ``""``: a word that may suspend or change it (also inside ``\\text{…}``), an entry of the family
    given at a second index ("$c_5 = 0$"), or a bound on the index from above or a set or a single
    value of it ("for $t \\in \\{1, 2, 3\\}$", "$t = 1, \\dots, 5$", "$t \\le 3$").  ``words`` are the
    document's lines with their inline math blanked; ``math`` the (line, TeX) of each piece of math."""
    first = start
    while first > 1 and words[first - 2].strip():
        first -= 1
    near = [(line, tex) for line, tex in math if first <= line < end]
    texts = " ".join(m.group(1) for _, tex in near for m in re.finditer(r"\\(?:text|mathrm|textrm|mbox)\s*\{([^{}]*)\}",
                                                                        tex))
    found = _EXCEPTION_WORDS.search(" ".join(words[first - 1:end - 1]) + " " + texts)
    if found:
        return f"the word \"{found.group(0).strip()}\" near the recurrence"
    entry = re.compile(rf"(?<![\\A-Za-z]){re.escape(family)}\s*_\s*\{{?\s*(\d+)")
    at = {m.group(1) for _, tex in near for m in entry.finditer(tex)}
    if len(at) > 1:
        return f"entries of {family} written at {len(at)} indices near the recurrence"
    name = re.escape(index)
    bounded = re.compile(rf"(?<![\\A-Za-z_^{{]){name}\s*(?:\\in\s*\\\{{|\\le(?:q)?(?![A-Za-z])|<|\\lt|=\s*-?\d+\s*(?:$|[^,\d\s])"
                         rf"|=\s*\d+\s*,[^$]*\\[lc]?dots\s*,)|(?:\\ge(?:q)?(?![A-Za-z])|>|\\gt)\s*{name}(?![A-Za-z])")
    for line, tex in near:
        if bounded.search(tex):
            return f"a bound on {index} near the recurrence (line {line})"
    return ""
