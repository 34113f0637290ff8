"""What a generated relation declares: its names, indexed families and hypotheses.

The generator builds this model first and renders it as the ``--symbols`` and ``--given`` texts a
user would type; the oracle reads the model (never softsym's parse of the texts) to sample and to
check points.  A name is real unless it is an integer (a dimension, an index, an integer
parameter); ``facts`` are the SymPy assumption keywords it is declared with.
"""
from __future__ import annotations

import shlex
from dataclasses import dataclass, field, replace
from enum import IntEnum


class Sign(IntEnum):
    """What the generator knows about a value's sign on the whole domain (larger is stronger)."""

    ANY = 0
    NONNEG = 1
    POS = 2


@dataclass(frozen=True)
class Name:
    """One scalar name.

    Attributes:
        name: the identifier.
        role: ``real`` (a real parameter, or an integer one when ``integer``), ``dimension`` (an
            integer size such as n) or ``index`` (an integer index such as i).
        integer: whether values are integers.
        facts: assumption keywords of its declaration (``positive``, ``integer`` ...).
        lower, upper: bound texts (may mention earlier names), ``None`` when unbounded.
        lower_strict, upper_strict: whether the bounds are strict.
        declared: False when the name is left out of ``--symbols`` (undeclared names are real,
            integer where they bound a sum).
        least: the smallest value the generator may rely on (for signs and sizes), if known.
    """

    name: str
    role: str
    integer: bool = False
    facts: tuple[str, ...] = ()
    lower: str | None = None
    lower_strict: bool = False
    upper: str | None = None
    upper_strict: bool = False
    declared: bool = True
    least: int | None = None

    def declaration(self) -> str:
        """The ``NAMES: ITEMS`` group of this name (``i: integer, 1 <= i <= n``)."""
        items = list(self.facts)
        chain = self.chain()
        if chain:
            items.append(chain)
        return f"{self.name}: {', '.join(items) if chain else ' '.join(items) or 'real'}"

    def chain(self) -> str:
        """The bound as a chain (``0 < t < 1``), or an empty string."""
        left = f"{self.lower} {'<' if self.lower_strict else '<='} " if self.lower is not None else ""
        right = f" {'<' if self.upper_strict else '<='} {self.upper}" if self.upper is not None else ""
        return f"{left}{self.name}{right}" if left or right else ""


@dataclass(frozen=True)
class Base:
    """An indexed family ``z[k]``: its entries are real with the base's ``facts``."""

    name: str
    facts: tuple[str, ...] = ("real",)
    declared: bool = True

    def declaration(self) -> str:
        """``z: indexed, real``."""
        return f"{self.name}: indexed" + (f", {' '.join(self.facts)}" if self.facts else "")

    @property
    def sign(self) -> Sign:
        """The sign every entry has."""
        return Sign.POS if "positive" in self.facts else Sign.NONNEG if "nonnegative" in self.facts else Sign.ANY


@dataclass(frozen=True)
class Hypothesis:
    """A ``--given`` relation and, for the sampler, how points can satisfy it.

    Attributes:
        text: the relation as passed to ``--given``.
        defines: ``(name, expression)`` when the hypothesis is ``name == expression``: the sampler
            computes the name from the others.
        normalizes: ``(base, var, lower, upper)`` for ``Sum(base[var], (var, lower, upper)) == 1``:
            the sampler rescales those entries.
        caps: ``(base, bound)`` for ``base[l] <= bound``: the sampler draws entries below it.
        forall: index-only names read "for every value" (over their declared range if declared),
            unless the relation uses them free (then they mean the relation's value, as in softsym).
    """

    text: str
    defines: tuple[str, str] | None = None
    normalizes: tuple[str, str, str, str] | None = None
    caps: tuple[str, str] | None = None
    forall: tuple[str, ...] = ()


@dataclass(frozen=True)
class Declarations:
    """Every name, family and hypothesis of one relation, in dependency order."""

    names: tuple[Name, ...] = ()
    bases: tuple[Base, ...] = ()
    hypotheses: tuple[Hypothesis, ...] = ()
    grouped: tuple[tuple[str, ...], ...] = field(default=())

    def name(self, name: str) -> Name | None:
        """The scalar called ``name``, if any."""
        return next((n for n in self.names if n.name == name), None)

    def base(self, name: str) -> Base | None:
        """The family called ``name``, if any."""
        return next((b for b in self.bases if b.name == name), None)

    def symbols_text(self) -> str:
        """The ``--symbols`` text: declared names in order, then declared families.

        Names listed together in ``grouped`` (same facts, no bounds) share one group (``x y: real``).
        """
        parts: list[str] = []
        done: set[str] = set()
        for n in self.names:
            if not n.declared or n.name in done:
                continue
            group = next((g for g in self.grouped if n.name in g), (n.name,))
            done.update(group)
            parts.append(" ".join(group) + n.declaration()[len(n.name):])
        parts.extend(b.declaration() for b in self.bases if b.declared)
        return "; ".join(parts)

    def given(self) -> tuple[str, ...]:
        """The ``--given`` texts."""
        return tuple(h.text for h in self.hypotheses)

    def replaced_name(self, new: Name) -> Declarations:
        """A copy with the name of the same identifier replaced by ``new``."""
        grouped = tuple(g for g in self.grouped if new.name not in g)
        return replace(self, names=tuple(new if n.name == new.name else n for n in self.names), grouped=grouped)


@dataclass(frozen=True)
class Case:
    """One generated relation ``lhs rel rhs`` over ``declarations``.

    Attributes:
        truth: True when it holds by construction on the declared domain; None when unknown
            (perturbed, or built without a guard the construction needed).
        recipe: the rules, contexts and perturbations that built it (for grouping findings).
        label: where it came from (``seed 7 #123``), to regenerate it.
    """

    lhs: str
    rel: str
    rhs: str
    declarations: Declarations
    truth: bool | None
    recipe: tuple[str, ...]
    label: str = ""

    @property
    def symbols(self) -> str:
        """The ``--symbols`` text."""
        return self.declarations.symbols_text()

    @property
    def given(self) -> tuple[str, ...]:
        """The ``--given`` texts."""
        return self.declarations.given()

    def command(self, timeout: float) -> str:
        """The ``softsym prove`` command line that reproduces this relation (shell-quoted)."""
        options = [] if self.rel == "==" else ["--rel", self.rel]
        if self.symbols:
            options += ["--symbols", self.symbols]
        for g in self.given:
            options += ["--given", g]
        options += ["--timeout", f"{timeout:g}"]
        sides = [self.lhs, self.rhs]
        if any(s.lstrip().startswith("-") for s in sides):
            words = ["softsym", "prove", *options, "--", *sides]
        else:
            words = ["softsym", "prove", *sides, *options]
        return " ".join(shlex.quote(w) for w in words)
