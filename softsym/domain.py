"""The domain of a relation: declared symbols, their SymPy assumptions and their bounds."""
from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from . import safe_functions  # noqa: F401 - corrects SymPy's false sign claims before any use


@dataclass(frozen=True)
class Bound:
    """An interval constraint ``lower (<|<=) symbol (<|<=) upper`` on one declared symbol.

    Either end may be ``None`` (unbounded).  Ends may mention symbols declared earlier
    (``0 <= i <= n - 1``), never the bounded symbol itself.
    """

    symbol: sp.Symbol
    lower: sp.Expr | None = None
    lower_strict: bool = False
    upper: sp.Expr | None = None
    upper_strict: bool = False

    def __post_init__(self) -> None:
        for end in ("lower", "upper"):
            value = getattr(self, end)
            if value is not None and not isinstance(value, sp.Basic):
                object.__setattr__(self, end, sp.sympify(value))

    def relations(self) -> tuple[sp.Basic, ...]:
        """The bound as SymPy relationals (for display and for checking points)."""
        out: list[sp.Basic] = []
        if self.lower is not None:
            out.append(sp.StrictLessThan(self.lower, self.symbol, evaluate=False) if self.lower_strict
                       else sp.LessThan(self.lower, self.symbol, evaluate=False))
        if self.upper is not None:
            out.append(sp.StrictLessThan(self.symbol, self.upper, evaluate=False) if self.upper_strict
                       else sp.LessThan(self.symbol, self.upper, evaluate=False))
        return tuple(out)

    def __str__(self) -> str:
        left = f"{self.lower} {'<' if self.lower_strict else '<='} " if self.lower is not None else ""
        right = f" {'<' if self.upper_strict else '<='} {self.upper}" if self.upper is not None else ""
        return f"{left}{self.symbol}{right}"


@dataclass(frozen=True)
class Domain:
    """Everything a relation may assume about its free names.

    Attributes:
        symbols: declared scalar symbols, in declaration order (bounds may refer to earlier ones).
        indexed: declared ``IndexedBase`` objects; their entries carry the base's assumptions.
        bounds: interval constraints, at most one per symbol, in declaration order.
        given: extra hypotheses that are not intervals (``Ne(i, j)``, ``Eq(i, j)``), as relationals.
    """

    symbols: tuple[sp.Symbol, ...] = ()
    indexed: tuple[sp.IndexedBase, ...] = ()
    bounds: tuple[Bound, ...] = ()
    given: tuple[sp.Basic, ...] = field(default=())

    def names(self) -> dict[str, sp.Basic]:
        """Map each declared name to its SymPy object."""
        table: dict[str, sp.Basic] = {s.name: s for s in self.symbols}
        table.update({str(b.label): b for b in self.indexed})
        return table

    def bound_of(self, symbol: sp.Basic) -> Bound | None:
        """The bound declared for ``symbol``, if any."""
        for b in self.bounds:
            if b.symbol == symbol:
                return b
        return None

    def with_given(self, *relations: sp.Basic) -> Domain:
        """A copy with extra hypotheses appended."""
        return Domain(self.symbols, self.indexed, self.bounds, self.given + tuple(relations))

    def merged(self, other: Domain) -> Domain:
        """A copy that also declares everything ``other`` declares (``other`` wins on bounds)."""
        names = {s.name for s in other.symbols}
        labels = {str(b.label) for b in other.indexed}
        bounded = {b.symbol for b in other.bounds}
        return Domain(
            tuple(s for s in self.symbols if s.name not in names) + other.symbols,
            tuple(b for b in self.indexed if str(b.label) not in labels) + other.indexed,
            tuple(b for b in self.bounds if b.symbol not in bounded) + other.bounds,
            self.given + other.given,
        )

    def describe(self) -> str:
        """A one-line human description (``p q: real; 0 < phi < 1``)."""
        parts = []
        for s in self.symbols:
            facts = sorted(k for k, v in s.assumptions0.items() if v and k in _SHOWN)
            bound = self.bound_of(s)
            parts.append(f"{s}: {' '.join(facts) or 'complex'}" + (f", {bound}" if bound else ""))
        for b in self.indexed:
            facts = sorted(k for k, v in b.assumptions0.items() if v and k in _SHOWN)
            parts.append(f"{b.label}: indexed {' '.join(facts)}".rstrip())
        parts.extend(str(g) for g in self.given)
        return "; ".join(parts)


_SHOWN = {"real", "positive", "negative", "nonnegative", "nonpositive", "nonzero", "integer"}
