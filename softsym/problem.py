"""A relation ready for the prover: definitions unfolded, values substituted, numbers exact."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import sympy as sp

from .domain import Bound, Domain
from .dsl import Definition
from .integrals import held
from .rewrite import canonical_dummies, rename_bound, substitute_free

FLIP = {"==": "==", "<=": ">=", "<": ">", ">=": "<=", ">": "<"}


@dataclass(frozen=True)
class Problem:
    """``lhs rel rhs`` over ``domain``: the one thing every strategy reads.

    ``rel`` is one of ``== <= <``: ``>=`` and ``>`` are flipped on construction so strategies
    handle three relations, not five.  ``shown`` keeps the relation as the user wrote it.
    """

    lhs: sp.Basic
    rel: str
    rhs: sp.Basic
    domain: Domain
    shown: tuple[sp.Basic, str, sp.Basic] | None = None
    real_values: bool = False
    """Claimed only where both sides are real (documents: a point where a logarithm's argument
    is negative is not a counterexample).  ``prove`` and derivations compare complex values too."""

    @property
    def difference(self) -> sp.Expr:
        """``rhs - lhs`` (nonnegative for a true ``<=``; zero for a true ``==``)."""
        return self.rhs - self.lhs

    @property
    def free_symbols(self) -> set[sp.Basic]:
        """Free symbols of both sides (Indexed bases count through their labels)."""
        return set(self.lhs.free_symbols) | set(self.rhs.free_symbols)

    def key(self) -> str:
        """A stable text of the relation and its domain: seeds the numeric search."""
        return f"{sp.srepr(self.lhs)} {self.rel} {sp.srepr(self.rhs)} | {self.domain.describe()}"

    def replaced(self, lhs: sp.Basic, rhs: sp.Basic, domain: Domain | None = None) -> Problem:
        """The same relation with rewritten sides (and, optionally, a new domain)."""
        return Problem(lhs, self.rel, rhs, domain or self.domain, self.shown, self.real_values)


def exact(expr: sp.Basic) -> sp.Basic:
    """Replace floats by the exact rationals of their shortest decimal text (0.55 → 11/20)."""
    floats = expr.atoms(sp.Float)
    if not floats:
        return expr
    return expr.xreplace({f: sp.Rational(repr(float(f))) for f in floats})


def unfold(expr: sp.Basic, definitions: Iterable[Definition]) -> sp.Basic:
    """Replace every defined name by its definition, latest definitions first, until none is left.

    Inside a limit or an integral the names are unfolded first, with the variable as it is: in
    ``lim_{T→∞} p_i`` with ``p_i := e^{z_i/T}/Σ_j e^{z_j/T}`` the limit is of p_i as a function of
    T (what the text means), not of a constant beside a free T (what renaming the bound variable
    apart would make of it).  A definition of the variable itself is not unfolded there.  A name
    defined twice has its latest definition only (``T := 5`` after ``T := 2``: inside what was
    defined from T meanwhile too)."""
    latest: dict[sp.Basic, Definition] = {}
    for d in definitions:
        latest.pop(d.target, None)
        latest[d.target] = d
    defs = list(latest.values())
    if defs and expr.has(sp.Limit, sp.Integral, sp.Subs):
        expr = expr.replace(lambda e: isinstance(e, (sp.Limit, sp.Integral, sp.Subs)), lambda e: _unfold_binder(e, defs))
    for _ in range(len(defs) + 1):
        before = expr
        for d in reversed(defs):
            expr = _unfold_one(expr, d)
        if expr == before:
            return expr
    return expr


_VECTOR_NAMES: ContextVar[frozenset[str]] = ContextVar("vector_names", default=frozenset())


@contextmanager
def vector_names(names: Iterable[str]) -> Iterator[None]:
    """Within: ``names`` are vectors (a document said ``x, y \\in \\mathbb{R}^n``), whatever else the
    relation shows of them — a bare ``|y|^2`` beside ``f(x + y)`` makes y's reading unclear, not a scalar."""
    token = _VECTOR_NAMES.set(frozenset(names))
    try:
        yield
    finally:
        _VECTOR_NAMES.reset(token)


class UnfoldError(ValueError):
    """A definition that cannot be unfolded where it is used without a guess (the message says why)."""


def _vector_parameters(d: Definition) -> list[int]:
    """The positions of the parameters ``d``'s body takes entries of (``f(x) := Σ_i x_i^2``: x)."""
    labels = {str(e.base.label) for e in d.expr.atoms(sp.Indexed)}
    return [k for k, p in enumerate(d.target.args) if isinstance(p, sp.Symbol) and p.name in labels]


def _vectors_and_scalars(expr: sp.Basic, d: Definition) -> tuple[dict[str, sp.IndexedBase], set[sp.Symbol]]:
    """Around calls of the function ``d`` defines: the vectors (names whose entries the expression
    takes, names passed alone where the function takes a vector) and the scalars (names written
    outside those calls)."""
    positions = _vector_parameters(d)
    calls = [c for c in expr.atoms(sp.core.function.AppliedUndef) if c.func == d.target.func]
    vectors = {str(e.base.label): e.base for e in (*expr.atoms(sp.Indexed), *d.expr.atoms(sp.Indexed))}
    for name in _VECTOR_NAMES.get():
        vectors.setdefault(name, sp.IndexedBase(name, real=True))
    for c in calls:
        for k in positions:
            if k < len(c.args) and isinstance(c.args[k], sp.Symbol):
                vectors.setdefault(c.args[k].name, sp.IndexedBase(c.args[k].name, real=True))
    try:
        outside = expr.xreplace({c: sp.Integer(0) for c in calls})
    except (TypeError, ValueError):      # a call as a derivative's variable: no scalar is known beside it
        return vectors, set()
    entries = outside.atoms(sp.Indexed)  # (an entry's label and its indices are no scalars)
    scalars = {x for x in outside.free_symbols if isinstance(x, sp.Symbol)} \
        - {e.base.label for e in entries} - {i for e in entries for i in e.indices}
    return vectors, scalars


def _entrywise(body: sp.Basic, label: sp.Dummy, a: sp.Basic, call: sp.Basic,
               vectors: dict[str, sp.IndexedBase], scalars: set[sp.Symbol]) -> sp.Basic:
    """``body`` with each entry (on the fresh ``label``) of a vector parameter replaced by the
    argument ``a`` at that entry: its vectors at the entry, its scalars as they are.  A name in
    ``a`` that is neither known as a vector nor written as a scalar is not guessed."""
    kept = {e: sp.Dummy() for e in a.atoms(sp.Indexed)}     # entries written in it (x_1 of f(x_1 x)) stay
    a_bare = a.xreplace(kept)
    names = {x for x in a_bare.free_symbols if isinstance(x, sp.Symbol) and x not in kept.values()}
    both = sorted(x.name for x in names if x.name in vectors and x in scalars)
    unknown = sorted(x.name for x in names if x.name not in vectors and x not in scalars)
    if both or unknown or not any(x.name in vectors for x in names):
        which = both or unknown
        raise UnfoldError(f"{sp.sstr(call)} applies a function of a vector to {sp.sstr(a)}; which names in it "
                          f"are vectors is not clear{' (' + ', '.join(which) + ')' if which else ''}")

    def at(entry: sp.Indexed) -> sp.Basic:
        value = a_bare.xreplace({x: vectors[x.name][entry.indices] for x in names if x.name in vectors})
        return value.xreplace({v: e for e, v in kept.items()})
    return body.replace(lambda e: isinstance(e, sp.Indexed) and e.base.label == label, at)


def _unfold_binder(node: sp.Basic, defs: list[Definition]) -> sp.Basic:
    """A limit, an integral or a substitution (``f'(x)|_{x=0}``) with its body unfolded where its variables stay
    themselves."""
    if isinstance(node, sp.Limit):
        bound = {node.args[1]}
    elif isinstance(node, sp.Subs):
        bound = set(node.variables)
    else:
        bound = {limit[0] for limit in node.limits}
    kept = [d for d in defs if not (isinstance(d.target, sp.Symbol) and d.target in bound)]
    if len(kept) < len(defs):           # lim_{T→∞} q with T := 1/β (or "fix T := 2"): q as a function of T
        raise UnfoldError(f"the variable {', '.join(sorted(map(str, bound)))} of {type(node).__name__.lower()} is "
                          f"a defined name too: which one is meant inside it is not clear")
    body = unfold(node.args[0], kept)
    return node if body == node.args[0] else node.func(body, *node.args[1:])


def _defined_key(target: sp.Basic) -> str:
    if isinstance(target, sp.Indexed):
        return f"{target.base.label}[]"
    if isinstance(target, sp.core.function.AppliedUndef):
        return f"{target.func}()"
    return str(target)


def _keys_in(expr: sp.Basic) -> set[str]:
    return {str(x) for x in expr.free_symbols if isinstance(x, sp.Symbol)} \
        | {f"{e.base.label}[]" for e in expr.atoms(sp.Indexed)} | {f"{f.func}()" for f in expr.atoms(sp.core.function.AppliedUndef)}


def fresh_binders(expr: sp.Basic, defs: list[Definition]) -> sp.Basic:
    """``expr`` with the variable of each limit and integral in it renamed to a fresh symbol (same
    assumptions, same name) where the body goes through no definition that speaks of that variable:
    ``\\lim_{x\\to\\infty}(\\mathrm{softplus}(x) - x)`` in a text that also took ``x = \\log 2`` is about
    its own x, which a value or a condition of the text's x does not reach.  Where the body does go
    through such a definition (``q := e^{-1/T}``), the variable is left as it is (which T is meant
    is for the caller to settle)."""
    def renamed(node: sp.Basic) -> sp.Basic:
        if isinstance(node, sp.Limit):
            bound = [node.args[1]]
        else:
            bound = [limit[0] for limit in node.limits]
        swap = {}
        for b in bound:
            others = [d for d in defs if d.target != b]          # (b's own definition: not inside its binder)
            if isinstance(b, sp.Symbol) and not any(b in _free_in_definition(d) for d in reached_definitions(node.args[0], others)):
                swap[b] = sp.Dummy(b.name, **b.assumptions0)
        return node.xreplace(swap) if swap else node
    return expr.replace(lambda e: isinstance(e, (sp.Limit, sp.Integral)), renamed)


def _free_in_definition(d: Definition) -> set[sp.Basic]:
    """The names a definition's right side speaks of that are not its own parameters (f(x) := x + a: a)."""
    own = set(d.target.args) if isinstance(d.target, sp.core.function.AppliedUndef) else set()
    return d.expr.free_symbols - own


def reached_definitions(expr: sp.Basic, defs: list[Definition]) -> list[Definition]:
    """The definitions that unfolding ``expr`` goes through (those of the names it uses, and of the
    names their right sides use, …)."""
    keys, reached, grown = _keys_in(expr), [], True
    while grown:
        grown = False
        for d in defs:
            if d not in reached and _defined_key(d.target) in keys:
                reached.append(d)
                keys |= _keys_in(d.expr)
                grown = True
    return reached


def patterned(d: Definition) -> bool:
    """Whether ``d`` defines a function at written forms of its arguments (``E[X^k] := …``), not at names."""
    return isinstance(d.target, sp.core.function.AppliedUndef) and any(
        not p.is_Symbol and not p.is_Number and not isinstance(p, sp.Indexed) for p in d.target.args)


def pattern_values(d: Definition, node: sp.Basic) -> dict | None:
    """The values a call gives the own names of a definition at written forms (``E[X^3]`` of ``E[X^k] := …``:
    k = 3), or None when the call is not one of those forms.  The own names are those the body uses (k);
    they take whole numbers only (E[X^Y] is no instance: Y may be random; nor E[Z^3] of E[Z^{2k}] := (2k − 1)!! at
    k = 3/2 — a formula meant for whole k); the other names (X) must be as written."""
    target = d.target
    if getattr(node, "func", None) != target.func or len(node.args) != len(target.args):
        return None
    body = d.expr.free_symbols
    fixed = [x for p in target.args for x in p.free_symbols if x not in body]          # X of E[X^k]
    found: dict = {}
    for p, a in zip(target.args, node.args):
        if p.is_Symbol:
            if found.get(p, a) != a:
                return None
            found[p] = a
            continue
        own = {x for x in p.free_symbols if isinstance(x, sp.Symbol) and x in body}
        if a == p:
            found.update({x: x for x in own})
            continue
        if not own:
            return None
        wilds = {x: sp.Wild(f"w_{x.name}", exclude=fixed, properties=[lambda v: v.is_Integer]) for x in own}
        m = a.match(p.xreplace(wilds))
        if m is None or any(wilds[x] not in m or found.get(x, m[wilds[x]]) != m[wilds[x]] for x in own):
            return None
        found.update({x: m[wilds[x]] for x in own})
    return found


def _unfold_at_patterns(expr: sp.Basic, d: Definition) -> sp.Basic:
    """Calls of a function defined at written forms (``E[X^k] := Γ(α + k)/(Γ(α) β^k)``, ``E[X^2] := a``)
    unfolded where they are those forms (:func:`pattern_values`): E[X^3] at k = 3; E[X^3] is not E[X^2],
    nor E[Y^k] E[X^k]."""
    found: dict[sp.Basic, dict] = {}            # (each call matched once: the mapping the test found is used)

    def matches(node: sp.Basic) -> bool:
        mapping = pattern_values(d, node)
        if mapping is not None:
            found[node] = mapping
        return mapping is not None

    def call(node: sp.Basic) -> sp.Basic:
        mapping = found[node] if node in found else pattern_values(d, node)
        return node if mapping is None else substitute_free(d.expr, mapping)
    return expr.replace(matches, call)


def _unfold_one(expr: sp.Basic, d: Definition) -> sp.Basic:
    target = d.target
    if isinstance(target, sp.Symbol):
        if target not in expr.free_symbols:
            return expr
        families = {b: sp.IndexedBase(sp.Dummy(), **b.assumptions0)
                    for b in {e.base for e in expr.atoms(sp.Indexed)} if b.label == target}
        if families:                  # a family named like the defined scalar (eta_i after eta :=) stays itself
            hidden = substitute_free(expr.xreplace(families), {target: d.expr})
            return hidden.xreplace({v: k for k, v in families.items()})
        return substitute_free(expr, {target: d.expr})
    if isinstance(target, sp.Indexed):
        pattern = target.indices
        if not any(e.base == target.base for e in expr.atoms(sp.Indexed)):
            return expr
        if all(i.is_Integer for i in pattern):       # z_1 := w_1 x + b_1 defines that entry only
            return expr.replace(lambda e: isinstance(e, sp.Indexed) and e.base == target.base
                                and e.indices == pattern, lambda e: d.expr)

        def swap(node: sp.Basic) -> sp.Basic:
            mapping = dict(zip(pattern, node.indices))
            return substitute_free(d.expr, mapping)
        return rename_bound(expr).replace(lambda e: isinstance(e, sp.Indexed) and e.base == target.base
                                          and len(e.indices) == len(pattern), swap)
    if isinstance(target, sp.core.function.AppliedUndef):
        params = target.args
        if not expr.has(target.func):
            return expr
        split: list[tuple] = []             # the vectors and scalars around the calls, found once if needed

        def call(node: sp.Basic) -> sp.Basic:
            # the vector parameters' entries first move to fresh labels, all at once, so that D(q, p)
            # of D(p, q) := Σ p_i log(p_i/q_i) swaps them (renaming one at a time swapped them back)
            body, mapping, held = d.expr, dict(zip(params, node.args)), {}
            for p in params:
                bases = {e.base for e in body.atoms(sp.Indexed)
                         if isinstance(p, sp.Symbol) and str(e.base.label) == p.name}
                if bases:
                    fresh = sp.Dummy(p.name)
                    body = body.xreplace({b: sp.IndexedBase(fresh, **b.assumptions0) for b in bases})
                    held[p] = (fresh, next(iter(bases)))
            for p in held:
                if not isinstance(mapping[p], sp.Symbol) and p in body.free_symbols:
                    raise UnfoldError(f"{sp.sstr(node)}: the definition uses {p} whole as well as entry by entry, "
                                      f"and {sp.sstr(mapping[p])} is no single name to put there")
            body = substitute_free(body, mapping)      # (the entries, on fresh labels, are not touched)
            for p, (fresh, base) in held.items():
                a = mapping[p]
                if isinstance(a, sp.Symbol):
                    body = body.replace(lambda e, f=fresh: isinstance(e, sp.Indexed) and e.base.label == f,
                                        lambda e, a=a, b=base: sp.IndexedBase(a.name, **b.assumptions0)[e.indices])
                else:                                   # f(2x), g(z + c): entry by entry
                    split[:] = split or [_vectors_and_scalars(expr, d)]
                    body = _entrywise(body, fresh, a, node, *split[0])
            return body
        if patterned(d):
            return _unfold_at_patterns(expr, d)
        return rename_bound(expr).replace(lambda e: getattr(e, "func", None) == target.func
                                          and len(e.args) == len(params)          # H(p) is not H(p, q)
                                          and all(a == p for p, a in zip(params, e.args) if p.is_Number), call)
        # (a number among the parameters is a point: Z(1) := 1 + e^{-1} + e^{-2} is Z at 1 only, never
        # Z(1.001) with 1 "substituted" by 1.001)
    raise TypeError(f"cannot define {target!r}: use a name, p[i] or f(x)")


def _one_symbol_per_name(domain: Domain, left: sp.Basic, right: sp.Basic) -> Domain:
    """The domain with its declarations, bounds and hypotheses speaking of the relation's own symbols: a
    name declared or bounded as one SymPy symbol (``m`` real, ``m <= 0``) and written in the relation as
    another (``m`` a positive integer, the end of a sum) is one name — the bound must not silently
    apply to a symbol the relation does not contain (then the search ignored it: a counterexample
    outside the assumptions)."""
    own = {}
    for x in sp.Tuple(left, right).free_symbols:
        if isinstance(x, sp.Symbol) and not isinstance(x, sp.Dummy):
            own.setdefault(x.name, set()).add(x)
    own = {name: next(iter(xs)) for name, xs in own.items() if len(xs) == 1}
    stated = set(domain.symbols) | {b.symbol for b in domain.bounds} \
        | set().union(*(g.free_symbols for g in domain.given))
    swap = {x: own[x.name] for x in stated if isinstance(x, sp.Symbol) and not isinstance(x, sp.Dummy)
            and x.name in own and own[x.name] != x}
    if not swap:
        return domain
    bounds = tuple(Bound(swap.get(b.symbol, b.symbol), None if b.lower is None else b.lower.xreplace(swap),
                         b.lower_strict, None if b.upper is None else b.upper.xreplace(swap), b.upper_strict)
                   for b in domain.bounds)
    symbols = tuple(dict.fromkeys(swap.get(x, x) for x in domain.symbols))
    return Domain(symbols, domain.indexed, bounds, tuple(g.xreplace(swap) for g in domain.given))


def _nonzero_where_squared_positive(left: sp.Basic, right: sp.Basic, domain: Domain
                                    ) -> tuple[sp.Basic, sp.Basic, Domain]:
    """A hypothesis ``s**2 > 0`` (``0 < s**2``) of a real symbol ``s`` with no bound says exactly that
    ``s`` is not 0: the symbol takes that assumption (``nonzero``), where SymPy's rewriting can use it
    (``|s|/s`` has a sign, ``1/s**2`` exists); the hypothesis is kept."""
    swap: dict[sp.Symbol, sp.Symbol] = {}
    for g in domain.given:
        if not isinstance(g, (sp.StrictGreaterThan, sp.StrictLessThan)):
            continue
        big, small = (g.lhs, g.rhs) if isinstance(g, sp.StrictGreaterThan) else (g.rhs, g.lhs)
        if small == 0 and isinstance(big, sp.Pow) and isinstance(big.base, sp.Symbol) \
                and not isinstance(big.base, sp.Dummy) and big.base.is_real and big.base.is_zero is None \
                and big.exp.is_Integer and big.exp > 0 and big.exp % 2 == 0 and domain.bound_of(big.base) is None:
            s = big.base
            swap[s] = sp.Symbol(s.name, **{**s.assumptions0, "nonzero": True})
    if not swap:
        return left, right, domain
    symbols = tuple(swap.get(x, x) for x in domain.symbols)
    return left.xreplace(swap), right.xreplace(swap), Domain(symbols, domain.indexed, domain.bounds,
                                                             tuple(g.xreplace(swap) for g in domain.given))


def prepare(lhs: sp.Basic, rel: str, rhs: sp.Basic, domain: Domain,
            definitions: Iterable[Definition] = (),
            substitution: Iterable[tuple[sp.Basic, sp.Basic]] = (), real_values: bool = False) -> Problem:
    """Unfold definitions, substitute values, make numbers exact, and orient the relation.

    Bound variables of sums get canonical names (alpha-normal form), so they never clash with
    declared names.  Derivatives are left unevaluated here; strategies evaluate them under the
    step's time limit.
    """
    defs = list(definitions)
    subs = dict(substitution)

    def ready(expr: sp.Basic) -> sp.Basic:
        return held(canonical_dummies(substitute_free(exact(unfold(sp.sympify(expr), defs)), subs)))
    left, right = ready(lhs), ready(rhs)
    if defs or subs:                  # hypotheses speak of the same names: unfold and substitute them too
        domain = Domain(domain.symbols, domain.indexed, domain.bounds, tuple(ready(g) for g in domain.given))
    elif any(g.has(sp.Integral) for g in domain.given):
        domain = Domain(domain.symbols, domain.indexed, domain.bounds, tuple(held(g) for g in domain.given))
    domain = _one_symbol_per_name(domain, left, right)
    left, right, domain = _nonzero_where_squared_positive(left, right, domain)
    shown = (left, rel, right)
    if rel in (">=", ">"):
        left, right, rel = right, left, FLIP[rel]
    return Problem(left, rel, right, domain, shown, real_values)
