"""Derivation, Step, SourceRef: the plain data every later stage reads, and the builder
that derivation files use to write them.

A derivation file is a Python module in ``derivations/`` that builds one or more derivations::

    d = DerivationBuilder("sigmoid_two_class_softmax", title="Sigmoid is two-class softmax",
                          source=Source("000_cfcfa902fa46fb0a.txt", "§3.5"))
    p, q = d.symbols("p q", real=True)
    P = d.define("P_p", exp(p) / (exp(p) + exp(q)), why="softmax for y = p", at="§3.5 eq. 1")
    d.eq(P, 1 / (1 + exp(q - p)), why="divide by e^p", at="§3.5 aligned, line 3")
    DERIVATION = d.build()

Every builder call records the line of the file it was called from, so reports can say
``derivations/sigmoid.py:14 step 3``; a wrong call (an unknown keyword, a wrong type) is a
``DerivationError`` at that line saying what the call accepts.  ``why=`` is optional everywhere.
The field's functions (``sigmoid``, ``softplus``, ``logsumexp``, ``softmax``, ``log_softmax``...) can be
imported from here (``from softsym.dsl import sigmoid, softmax``): see ``softsym.functions``.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import Enum

import sympy as sp

from .calls import checked_call
from .domain import Bound, Domain
from .errors import DerivationError
from .floats.claim import ClaimError, FloatClaim, make_claim
from .functions import (
    expm1,
    log1p,
    log_softmax,
    logaddexp,
    logit,
    logsumexp,
    sigmoid,
    softmax,
    softplus,
)
from .written import as_written, caller_frame, constant_derivatives

RELATIONS = ("==", "<=", "<", ">=", ">")


class Kind(str, Enum):
    """What a step claims; the prover reads ``lhs rel rhs`` for all but definitions."""

    RELATION = "relation"          # lhs rel rhs, for all values the assumptions allow
    DEFINITION = "definition"      # name := expr (nothing to prove; later steps may use name)
    INSTANTIATION = "instantiation"  # lhs rel rhs after substituting values (q := 0)
    SOLVE = "solve"                # var = f(name): the definition solved for var, checked by
                                   # substituting the definition back in, within var's domain
    LIMIT = "limit"                # Limit(expr, x, a) == value
    NUMERIC = "numeric"            # an exact arithmetic fact without free symbols
    FLOAT = "float"                # code evaluated in IEEE floating point ≈ the exact value (float_claim):
                                   # tested at inputs, so at best checked-numerically, never proved

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Source:
    """A place in a source text, and what the project adds to it.

    Attributes:
        file: the source text's file name (``000_cfcfa902fa46fb0a.txt``); looked up by
            ``softsym.sources``.
        place: the section, plus an optional detail (``§3.5 aligned, line 2``).
        quote: the text as printed there (LaTeX as written); ``softsym check`` fails a step whose
            quotation its source does not print (whitespace and LaTeX spacing aside).
        lines: first and last line of the file printing the quotation (filled in when loaded).
        kind: ``"text"`` (printed in the source) or ``"added"`` (softsym's own material: a stable
            rewriting, a correction, a general case the text does not state).
    """

    file: str
    place: str = ""
    quote: str = ""
    lines: tuple[int, int] | None = None
    kind: str = "text"

    @classmethod
    def added(cls, note: str = "", file: str = "") -> Source:
        """Material softsym adds (no quotation): ``Source.added("numerically stable forms")``."""
        return cls(file, note, kind="added")

    @property
    def is_added(self) -> bool:
        """Whether this is softsym's own material rather than the source's text."""
        return self.kind == "added"

    def at(self, detail: str, quote: str = "", added: bool = False) -> Source:
        """A more precise place in the same file (``§3.5`` → ``§3.5 aligned, line 2``), quoting it."""
        place = self.place
        if detail:
            place = f"{self.place} {detail}" if self.place and not detail.startswith("§") else detail
        return Source(self.file, place, quote, None, "added" if added or self.is_added else self.kind)

    def __str__(self) -> str:
        if self.is_added:
            return f"added by softsym{f' ({self.file})' if self.file else ''}{': ' + self.place if self.place else ''}"
        where = self.file
        if self.lines:
            first, last = self.lines
            where += f":{first}" if first == last else f":{first}-{last}"
        return f"{where} {self.place}".strip()


@dataclass(frozen=True)
class Definition:
    """``target := expr``; ``target`` is a Symbol, an ``Indexed`` pattern ``p[i]`` or ``f(x)``."""

    target: sp.Basic
    expr: sp.Expr
    step: int


@dataclass(frozen=True)
class Step:
    """One line of a derivation.

    Attributes:
        index: 1-based position in the derivation.
        kind: what the step claims (see ``Kind``).
        lhs, rel, rhs: the relation (for a definition: target, ``":="``, expr).
        why: the justification, in words.
        source: where in the source text this line is printed.
        file, line: where in the derivation file the step was written.
        erratum: the source prints this step wrong; it is kept as printed and must be refuted.
        corrects: for the step after an erratum, the index of the erratum it corrects.
        substitution: for instantiations, the ``(symbol, value)`` pairs applied.
        given: hypotheses local to this step (``Ne(i, j)`` for an off-diagonal case).
        variable: for solve steps, the variable solved for.
        label: an optional name later stages use to find this step (``"log_softmax_stable"``).
        depends_on: for a step concluded from earlier steps (``conclude``, ``chain``), their indices.
        intended: for a definition erratum, what the printed definition is checked against: the
            correct expression (``printed == intended`` must be refuted), or a relation the printed
            definition breaks (``Eq(Sum(p[k], (k, 1, n)), 1)``, checked with it unfolded).
        float_claim: for a float step, the code, the exact value and the inputs it is tested at
            (``softsym.floats``); ``lhs`` is then the code applied to the inputs, ``rhs`` the exact value.
        written: the sides as the file writes them (unevaluated, in the writer's term order), for
            display only, or None where that is unknown (``softsym.written``); never checked.
    """

    index: int
    kind: Kind
    lhs: sp.Basic
    rel: str
    rhs: sp.Basic
    why: str
    source: Source
    file: str
    line: int
    erratum: bool = False
    corrects: int | None = None
    substitution: tuple[tuple[sp.Basic, sp.Basic], ...] = ()
    given: tuple[sp.Basic, ...] = ()
    variable: sp.Basic | None = None
    label: str = ""
    depends_on: tuple[int, ...] = ()
    intended: sp.Basic | None = None
    float_claim: FloatClaim | None = None
    written: tuple[sp.Basic | None, sp.Basic | None] = field(default=(None, None), compare=False, repr=False)

    @property
    def shown_lhs(self) -> sp.Basic:
        """The left side as written in the file (else as checked)."""
        return self.lhs if self.written[0] is None else self.written[0]

    @property
    def shown_rhs(self) -> sp.Basic:
        """The right side as written in the file (else as checked)."""
        return self.rhs if self.written[1] is None else self.written[1]

    @property
    def expected(self) -> str:
        """``"refuted"`` for an erratum, ``"checked-numerically"`` for a float claim, else ``"proved"``
        (either kind of proof)."""
        if self.erratum:
            return "refuted"
        return "checked-numerically" if self.kind is Kind.FLOAT else "proved"

    @property
    def place(self) -> str:
        """``derivations/x.py:14``."""
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Derivation:
    """A chain of reasoning from one source text, as checkable steps."""

    name: str
    title: str
    source: Source
    domain: Domain
    steps: tuple[Step, ...]
    definitions: tuple[Definition, ...] = ()
    file: str = ""
    line: int = 0

    def step_labelled(self, label: str) -> Step:
        """The step carrying ``label``.

        Raises:
            KeyError: no step has that label.
        """
        for s in self.steps:
            if s.label == label:
                return s
        raise KeyError(f"{self.name} has no step labelled {label!r}")

    def definitions_before(self, index: int) -> tuple[Definition, ...]:
        """The definitions a step may use: those made by earlier steps."""
        return tuple(d for d in self.definitions if d.step < index)


_INTERNAL = frozenset({__file__, sys.modules[checked_call.__module__].__file__})


def _caller(depth: int = 2) -> tuple[str, int]:
    """The file and line of the call in the derivation file: the first frame, from ``depth`` up,
    outside this module and the call guard."""
    frame = sys._getframe(depth)
    while frame.f_back is not None and frame.f_code.co_filename in _INTERNAL:
        frame = frame.f_back
    return frame.f_code.co_filename, frame.f_lineno


def _exact(value: object) -> sp.Basic:
    """Floats written in a derivation become exact rationals from their shortest repr."""
    expr = sp.sympify(value) if not isinstance(value, sp.Basic) else value
    floats = expr.atoms(sp.Float)
    if floats:
        expr = expr.xreplace({f: sp.Rational(repr(float(f))) for f in floats})
    return expr


class DerivationBuilder:
    """Collects steps in order; ``build()`` returns the frozen ``Derivation``."""

    @checked_call
    def __init__(self, name: str, *, title: str, source: Source) -> None:
        self.file, self.line = _caller()
        if not name.isidentifier():
            raise DerivationError(f"derivation name {name!r} must be an identifier", self.file, self.line)
        self.name, self.title, self.source = name, title, source
        self._symbols: list[sp.Symbol] = []
        self._indexed: list[sp.IndexedBase] = []
        self._bounds: list[Bound] = []
        self._steps: list[Step] = []
        self._definitions: list[Definition] = []

    # -- declarations ---------------------------------------------------------------------
    @checked_call
    def symbols(self, names: str, **assumptions: bool) -> tuple[sp.Symbol, ...] | sp.Symbol:
        """Declare scalar symbols with SymPy assumptions (``real=True``, ``integer=True``...)."""
        made = sp.symbols(names, seq=True, **assumptions)
        self._symbols.extend(made)
        return made if len(made) > 1 else made[0]

    @checked_call
    def bounded(self, name: str, lower: object = None, upper: object = None, *, strict: bool = True,
                **assumptions: bool) -> sp.Symbol:
        """Declare a real symbol inside an interval, e.g. ``bounded("phi", 0, 1)`` for 0 < φ < 1."""
        facts = {"real": True, **assumptions}
        lo = None if lower is None else sp.sympify(lower)
        hi = None if upper is None else sp.sympify(upper)
        if lo is not None and lo.is_number and (lo > 0 or (lo == 0 and strict)):
            facts.setdefault("positive", True)
        sym = sp.Symbol(name, **facts)
        self._symbols.append(sym)
        self._bounds.append(Bound(sym, lo, strict, hi, strict))
        return sym

    @checked_call
    def indexed(self, name: str, **assumptions: bool) -> sp.IndexedBase:
        """Declare an indexed family ``z[i]`` whose entries carry the assumptions."""
        base = sp.IndexedBase(name, **assumptions)
        self._indexed.append(base)
        return base

    @checked_call
    def index(self, name: str, lower: object, upper: object = None) -> sp.Symbol:
        """Declare an integer with ``lower <= name <= upper`` (``1 <= i <= n``; no upper: ``k >= 2``)."""
        low = sp.sympify(lower)
        facts = {"integer": True, **({"positive": True} if low.is_number and low > 0 else {})}
        sym = sp.Symbol(name, **facts)
        self._symbols.append(sym)
        self._bounds.append(Bound(sym, low, False, None if upper is None else sp.sympify(upper), False))
        return sym

    def _unfolded_definitions(self) -> dict[sp.Symbol, sp.Basic]:
        """Each defined name (a plain symbol) with its definition, earlier names unfolded in it."""
        out: dict[sp.Symbol, sp.Basic] = {}
        for d in self._definitions:
            if isinstance(d.target, sp.Symbol):
                out[d.target] = d.expr.xreplace(out)
        return out

    # -- steps ----------------------------------------------------------------------------
    def _add(self, kind: Kind, lhs: object, rel: str, rhs: object, why: str, at: str, *, quote: str = "",
             added: bool = False, read_written: bool = True, **extra: object) -> Step:
        file, line = _caller(3)
        if rel not in RELATIONS and kind is not Kind.DEFINITION:
            raise DerivationError(f"unknown relation {rel!r}; use one of {', '.join(RELATIONS)}", file, line)
        index = len(self._steps) + 1
        corrects = None
        if self._steps and self._steps[-1].erratum and not extra.get("erratum"):
            corrects = self._steps[-1].index
        try:
            left, right = _exact(lhs), _exact(rhs)
        except (sp.SympifyError, TypeError) as exc:
            raise DerivationError(f"cannot read the step as SymPy: {exc}", file, line, index) from None
        frame = caller_frame(_INTERNAL)
        flat = constant_derivatives(frame, self._unfolded_definitions())
        if flat:
            name = flat[0]
            raise DerivationError(
                f"{name} differentiates a name defined with d.define as if it were a constant (SymPy "
                f"gives 0 there, so the step would not say what it means): write Derivative(...) with the "
                f"same arguments — softsym unfolds the definition before it differentiates — or "
                f"differentiate the defining expression", file, line, index)
        written = as_written(frame, (left, right)) if read_written else (None, None)
        step = Step(index, kind, left, rel, right, why, self.source.at(at, quote, added), file, line,
                    corrects=corrects, written=written, **extra)  # type: ignore[arg-type]
        self._steps.append(step)
        return step

    @checked_call
    def eq(self, lhs: object, rhs: object, *, why: str = "", at: str = "", quote: str = "", added: bool = False,
           given: Iterable[sp.Basic] = (), label: str = "") -> Step:
        """``lhs = rhs`` for every value the assumptions (and ``given``) allow."""
        return self._add(Kind.RELATION, lhs, "==", rhs, why, at, quote=quote, added=added, given=tuple(given),
                         label=label)

    @checked_call
    def rel(self, lhs: object, rel: str, rhs: object, *, why: str = "", at: str = "", quote: str = "",
            added: bool = False, given: Iterable[sp.Basic] = (), label: str = "") -> Step:
        """``lhs rel rhs`` with ``rel`` one of ``== <= < >= >``."""
        return self._add(Kind.RELATION, lhs, rel, rhs, why, at, quote=quote, added=added, given=tuple(given),
                         label=label)

    @checked_call(kw_like="rel")
    def le(self, lhs: object, rhs: object, **kw: object) -> Step:
        """``lhs <= rhs``."""
        return self._add(Kind.RELATION, lhs, "<=", rhs, kw.pop("why", ""), kw.pop("at", ""),
                         quote=kw.pop("quote", ""), added=kw.pop("added", False), **kw)  # type: ignore[arg-type]

    @checked_call(kw_like="rel")
    def lt(self, lhs: object, rhs: object, **kw: object) -> Step:
        """``lhs < rhs``."""
        return self._add(Kind.RELATION, lhs, "<", rhs, kw.pop("why", ""), kw.pop("at", ""),
                         quote=kw.pop("quote", ""), added=kw.pop("added", False), **kw)  # type: ignore[arg-type]

    @checked_call
    def define(self, name: str | sp.Basic, expr: object, *, why: str = "", at: str = "", quote: str = "",
               added: bool = False, label: str = "",
               erratum: bool = False, intended: object = None, **assumptions: bool) -> sp.Basic:
        """Introduce ``name := expr``; returns the new name for later steps to use.

        ``name`` may be a string (a new symbol; give assumptions such as ``positive=True`` only
        when they follow from ``expr``: they are checked), an ``Indexed`` pattern like ``p[i]``
        (defines every entry), or an applied function ``f(x)``.

        ``erratum=True``: the source prints this definition WRONG.  It is kept as printed, never
        used by later steps, and must be refuted: checked against ``intended`` (the correct
        expression, or a relation the printed definition breaks such as ``Eq(Sum(p[k], (k, 1, n)), 1)``),
        by default against the corrected definition of the same name, which must come next.
        """
        target = sp.Symbol(name, **assumptions) if isinstance(name, str) else name
        step = self._add(Kind.DEFINITION, target, ":=", expr, why, at, quote=quote, added=added, label=label,
                         erratum=erratum, intended=None if intended is None else _exact(intended))
        if not erratum:
            self._definitions.append(Definition(target, step.rhs, step.index))
        return target

    @checked_call
    def instantiate(self, values: Mapping[sp.Basic, object], lhs: object, rhs: object, *, why: str = "",
                    at: str = "", quote: str = "", added: bool = False, rel: str = "==") -> Step:
        """The relation after substituting ``values`` (``{q: 0}``) into everything, definitions too."""
        pairs = tuple((k, _exact(v)) for k, v in values.items())
        return self._add(Kind.INSTANTIATION, lhs, rel, rhs, why, at, quote=quote, added=added,
                         substitution=pairs)

    @checked_call
    def solve(self, variable: sp.Basic, solution: object, *, why: str = "", at: str = "", quote: str = "",
              added: bool = False, label: str = "") -> Step:
        """``variable = solution`` where ``solution`` uses a defined name; checked by substituting back."""
        return self._add(Kind.SOLVE, variable, "==", solution, why, at, quote=quote, added=added,
                         variable=variable, label=label)

    @checked_call
    def limit(self, expr: object, var: sp.Symbol, point: object, value: object, *, why: str = "",
              at: str = "", quote: str = "", added: bool = False, direction: str = "+",
              given: Iterable[sp.Basic] = (), label: str = "") -> Step:
        """``lim_{var → point} expr = value`` (``direction`` '+', '-' or '+-'), for every value the
        assumptions (and ``given``: ``a > b``) allow."""
        lim = sp.Limit(_exact(expr), var, _exact(point), dir=direction)
        return self._add(Kind.LIMIT, lim, "==", value, why, at, quote=quote, added=added, given=tuple(given),
                         label=label)

    @checked_call
    def numeric(self, lhs: object, rhs: object, *, why: str = "", at: str = "", quote: str = "", added: bool = False,
                rel: str = "==") -> Step:
        """An exact arithmetic fact (``5/21 + 7/21 + 9/21 = 1``); write fractions as ``Rational``."""
        return self._add(Kind.NUMERIC, lhs, rel, rhs, why, at, quote=quote, added=added)

    @checked_call
    def erratum(self, lhs: object, rhs: object, *, why: str = "", at: str = "", quote: str = "", added: bool = False,
                rel: str = "==", given: Iterable[sp.Basic] = ()) -> Step:
        """A step the source prints WRONG, kept as printed: it must be refuted.

        The next step must be the corrected one (it records which erratum it corrects).
        """
        return self._add(Kind.RELATION, lhs, rel, rhs, why, at, quote=quote, added=added, erratum=True,
                         given=tuple(given))

    @checked_call
    def float_claim(self, code: object, exact: object, *, inputs: object, entry: object = None, points: object = (),
                    search: bool = True, dtypes: object = ("float64", "float32"), rtol: object = None,
                    atol: object = None, why: str = "", at: str = "", quote: str = "", added: bool = False,
                    erratum: bool = False, label: str = "") -> Step:
        """NumPy ``code`` evaluated in IEEE floating point gives ``exact`` (``softsym.floats``).

        ``code`` is a function, or Python source defining functions (``np`` is NumPy; the last one is
        called); it gets one array per input.  ``inputs`` are the symbols of ``exact`` its arguments
        carry, in order: an indexed family ``z`` is a 2-D array of rows, an integer symbol ``t`` a class
        per row (0-based in the code), a real symbol ``x`` a 1-D array of elements.  ``entry`` is the
        index of a row's result (``exact`` is then its entry ``entry``); any other integer symbol of
        ``exact`` is the length of the rows.  Tested in each of ``dtypes`` at the ``points`` given
        (``[{z: [1166.02, -2785.15]}]``, classes 1-based) and, with ``search``, at seeded hard inputs;
        a result fails when it is not finite where ``exact`` is, or is further from it than
        ``atol + rtol·|exact|`` (by default rtol = √ε of the dtype, atol its smallest normal number;
        either may be a dict by dtype).  ``erratum=True``: code a source prints, which must fail.

        The verdict is ``refuted`` with the failing input, or ``checked-numerically``: evidence at the
        inputs tried, never ``proved``.
        """
        file, line = _caller()
        if isinstance(inputs, (sp.Basic, str)) or not isinstance(inputs, Iterable):
            inputs = (inputs,)
        if isinstance(points, Mapping):
            points = (points,)
        try:
            claim = make_claim(code, _exact(exact), inputs=tuple(inputs), entry=entry,  # type: ignore[arg-type]
                               points=points, dtypes=dtypes, rtol=rtol, atol=atol,  # type: ignore[arg-type]
                               search=search, file=file)
        except (ClaimError, sp.SympifyError, TypeError) as exc:
            raise DerivationError(f"d.float_claim(): {exc}", file, line) from None
        call = sp.Function(claim.code_name)(*claim.inputs)          # lhs: the code applied to the inputs
        return self._add(Kind.FLOAT, call, "==", claim.exact, why, at, quote=quote, added=added, read_written=False,
                         erratum=erratum, label=label, float_claim=claim)

    # -- using what is already proved ------------------------------------------------------
    @checked_call(kw_like="rel")
    def conclude(self, lhs: object, rel: str, rhs: object, *, from_steps: Iterable[Step | str],
                 **kw: object) -> Step:
        """``lhs rel rhs`` concluded from earlier steps of this derivation (the ``Step`` objects the
        builder returned, or their labels): their chain composed (``a <= b``, ``b < c`` give
        ``a < c``), else the prover given their relations as hypotheses (an earlier equality
        substituted).  Proved only if every one of them is proved (``softsym.conclude``).

        Accepts the keywords of ``rel`` (``why``, ``at``, ``given``, ``label``...).
        """
        file, line = _caller()
        kw["given"] = tuple(kw.get("given", ()))  # type: ignore[arg-type]
        uses = self._dependencies(from_steps, kw["given"], file, line)  # type: ignore[arg-type]
        step = replace(self.rel(lhs, rel, rhs, **kw), depends_on=uses)
        self._steps[-1] = step
        return step

    @checked_call(kw_like="rel")
    def chain(self, first: object, *links: tuple | Step | str, **kw: object) -> Step:
        """``first rel₁ e₁ rel₂ e₂ …``: each link ``(rel, expr)`` (or ``(rel, expr, why)``) is a step of
        its own; an earlier step (or its label) may serve as a link where it starts where the chain
        is.  The end-to-end relation, the strongest the links give (``==`` with ``==`` is ``==``, any
        ``<`` makes ``<``), is a step concluded from the links, and is returned.

        Accepts the keywords of ``rel``: ``why`` is the conclusion's, the others apply to every link.

        Raises:
            DerivationError: a link is malformed, an earlier step does not start where the chain
                is, or the links mix ``<=`` and ``>=`` (such a chain says nothing about its ends).
        """
        from . import chains
        from .conclude import same_after

        file, line = _caller()
        if not links:
            raise DerivationError("chain() needs at least one link (rel, expr) after its first expression", file, line)
        kw["given"] = tuple(kw.get("given", ()))  # type: ignore[arg-type]
        shared = {k: v for k, v in kw.items() if k not in ("why", "label")}
        same = same_after(tuple(self._definitions))
        here, used = _exact(first), []
        for position, link in enumerate(links, 1):
            if isinstance(link, (Step, str)):
                step = self._steps[self._dependencies([link], tuple(kw.get("given", ())), file, line)[0] - 1]
            elif isinstance(link, tuple) and len(link) in (2, 3) and link[0] in RELATIONS:
                step = self.rel(here, link[0], link[1], why=link[2] if len(link) == 3 else "", **shared)
            else:
                raise DerivationError(f"chain link {position} must be (rel, expr), (rel, expr, why) with rel one of "
                                      f"{', '.join(RELATIONS)}, or an earlier step; got {link!r}", file, line)
            walked = chains.compose(_exact(first), [(s.lhs, s.rel, s.rhs) for s in [*used, step]], same)
            if isinstance(walked, chains.Broken):
                raise DerivationError(f"chain link {position} (step {step.index}, {step.place}): {walked.reason}",
                                      file, line)
            used.append(step)
            here = walked.end
        return self.conclude(first, walked.rel, here, from_steps=used, **kw)

    def _dependencies(self, uses: Iterable[Step | str], given: tuple, file: str, line: int) -> tuple[int, ...]:
        """The indices of the earlier steps ``uses`` names, each checked to be a general fact the
        next step may use (``conclude.why_not_a_dependency``)."""
        from .conclude import why_not_a_dependency

        if isinstance(uses, (str, Step)) or not isinstance(uses, Iterable):
            raise DerivationError("from_steps= takes a list of earlier steps (or their labels)", file, line)
        out: list[int] = []
        for use in uses:
            if isinstance(use, str):
                found = [s for s in self._steps if s.label == use]
                if not found:
                    labels = ", ".join(repr(s.label) for s in self._steps if s.label) or "none"
                    raise DerivationError(f"no earlier step is labelled {use!r} (labels: {labels})", file, line)
                use = found[0]
            if not isinstance(use, Step) or use.index > len(self._steps) or self._steps[use.index - 1] is not use:
                raise DerivationError(f"{use!r} is not a step of derivation {self.name}: a step may only use "
                                      f"earlier steps of its own derivation", file, line)
            probe = Step(len(self._steps) + 1, Kind.RELATION, sp.S.Zero, "==", sp.S.Zero, "", self.source, file, line,
                         given=tuple(given))
            reason = why_not_a_dependency(probe, use)
            if reason is not None:
                raise DerivationError(f"cannot use step {use.index} ({use.place}): {reason}", file, line)
            out.append(use.index)
        if not out:
            raise DerivationError("from_steps= is empty: name the earlier steps this one follows from", file, line)
        return tuple(out)

    # -- result ---------------------------------------------------------------------------
    def build(self) -> Derivation:
        """Validate and freeze.

        Raises:
            DerivationError: an erratum without a corrected step after it, or no steps.
        """
        if not self._steps:
            raise DerivationError(f"derivation {self.name} has no steps", self.file, self.line)
        last = self._steps[-1]
        if last.erratum:
            raise DerivationError("an erratum must be followed by its corrected step", last.file, last.line,
                                  last.index)
        self._resolve_definition_errata()
        domain = Domain(tuple(self._symbols), tuple(self._indexed), tuple(self._bounds))
        return Derivation(self.name, self.title, self.source, domain, tuple(self._steps),
                          tuple(self._definitions), self.file, self.line)


    def _resolve_definition_errata(self) -> None:
        """A definition erratum without ``intended`` is checked against the next step, which must
        define the same name (correctly)."""
        for position, step in enumerate(self._steps):
            if step.kind is not Kind.DEFINITION or not step.erratum or step.intended is not None:
                continue
            fix = self._steps[position + 1]
            if fix.kind is not Kind.DEFINITION or fix.lhs != step.lhs:
                raise DerivationError(f"the definition of {step.lhs} is marked erratum but the next step does not "
                                      f"define {step.lhs} again: define it correctly right after it, or give "
                                      f"intended= (the correct expression, or a relation the printed definition "
                                      f"breaks)", step.file, step.line, step.index)
            self._steps[position] = replace(step, intended=fix.rhs)


def with_file(derivation: Derivation, file: str) -> Derivation:
    """A copy whose file paths (derivation and steps) are shown relative, e.g. ``derivations/x.py``."""
    steps = tuple(replace(s, file=file) if s.file == derivation.file else s for s in derivation.steps)
    return replace(derivation, file=file, steps=steps)


__all__ = ["RELATIONS", "Definition", "Derivation", "DerivationBuilder", "Kind", "Source", "Step"]
__all__ += ["expm1", "log1p", "log_softmax", "logaddexp", "logit", "logsumexp", "sigmoid", "softmax", "softplus"]
