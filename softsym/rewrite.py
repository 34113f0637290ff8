"""Value-preserving rewrites the strategies share; each is licensed by the assumptions it states.

None of these uses ``force=True``: log and power rules fire only where SymPy's assumption
system can establish the side conditions (positivity) from the declared assumptions.
"""
from __future__ import annotations

from functools import lru_cache, reduce
from math import lcm

import sympy as sp

from .domain import Domain


def evaluate_derivatives(expr: sp.Basic) -> sp.Basic:
    """Carry out every ``Derivative`` (innermost first), then every point substitution ``Subs``
    whose derivatives are taken (``f'(2)``: ``Subs(Derivative(f(t), t), t, 2)`` once f is
    unfolded); other unevaluated objects stay.

    A derivative goes inside sums and products as they are (``doit(deep=False)``): SymPy's closed
    form of a sum is piecewise at isolated points (``Σ w^k`` is ``n`` at w = 1) and its derivative
    branch by branch is wrong there, and its evaluation of ``Σ δ`` assumes an upward range.  A
    function defined separately at isolated points of a differentiation variable (a ``Piecewise``
    with an ``Eq``/``Ne`` condition in it) is refused: ``ValueError``.
    """
    if not expr.has(sp.Derivative, sp.Subs):
        return expr
    if expr.has(sp.Derivative):
        expr = expr.replace(lambda e: isinstance(e, sp.Derivative), _derivative)
    return expr.replace(lambda e: isinstance(e, sp.Subs), _substituted) if expr.has(sp.Subs) else expr


def derivative_taken(node: sp.Derivative) -> sp.Basic:
    """One ``Derivative`` carried out as evaluate_derivatives does (undefined at the kinks of max, |·|)."""
    return _derivative(node)


def _derivative(node: sp.Derivative) -> sp.Basic:
    variables = {v for v in node.variables}
    for piecewise in node.expr.atoms(sp.Piecewise):
        for _, cond in piecewise.args:
            points = [c for c in sp.preorder_traversal(cond) if isinstance(c, (sp.Eq, sp.Ne))]
            if any(c.free_symbols & variables or any(c.has(v) for v in variables) for c in points):
                raise ValueError(f"{node.expr} is defined separately at isolated points of "
                                 f"{', '.join(map(str, variables))}: its derivative is not taken branch by branch")
    out = node.doit(deep=False)
    out = node.doit() if isinstance(out, sp.Derivative) else out
    return _undefined_at_seams(_undefined_at_kinks(out, node.expr), node.expr, variables)


def _undefined_at_seams(derivative: sp.Basic, expr: sp.Basic, variables: set) -> sp.Basic:
    """``derivative`` left undefined where a ``Piecewise`` of ``expr`` switches branch in a differentiation variable
    (``r = t`` for t ≥ 0, 0 below: r'(0) is no branch's value — SymPy takes the derivative branch by branch and reads
    the seam in whichever branch holds it).  A seam SymPy cannot list (not finitely many points) is refused."""
    seams: list[sp.Basic] = []
    for piecewise in expr.atoms(sp.Piecewise):
        for _, cond in piecewise.args:
            for rel in (c for c in sp.preorder_traversal(cond) if isinstance(c, sp.core.relational.Relational)):
                for v in variables:
                    if not rel.has(v):
                        continue
                    points = sp.solveset(rel.lhs - rel.rhs, v, domain=sp.S.Reals)
                    if not isinstance(points, sp.FiniteSet):
                        raise ValueError(f"{expr} switches branch where {rel} does, at points not listed: its "
                                         f"derivative there is not taken")
                    seams += [sp.Eq(v, p) for p in points]
    if not seams:
        return derivative
    return sp.Piecewise((sp.nan, sp.Or(*seams)), (derivative, True))


def _undefined_at_kinks(derivative: sp.Basic, expr: sp.Basic) -> sp.Basic:
    """``derivative`` with the step functions differentiation brought in left undefined where their argument is 0:
    SymPy's d/dt max(t, 0) is Heaviside(t), 1/2 at t = 0, and d/dt |t| is sign(t), 0 there — values of a derivative
    that does not exist at the kink (``r'(0) = 1/2`` of r = max(t, 0) would be proved).  Heaviside(a) becomes
    Heaviside(a, nan) and sign(a) becomes a/|a| (nan at 0), unless ``expr`` itself wrote them."""
    if not derivative.has(sp.Heaviside, sp.sign):
        return derivative
    if derivative.has(sp.Heaviside) and not expr.has(sp.Heaviside):
        derivative = derivative.replace(lambda e: isinstance(e, sp.Heaviside) and e.args[1:] in ((), (sp.S.Half,)),
                                        lambda e: sp.Heaviside(e.args[0], sp.nan))     # (SymPy keeps H(0) = 1/2)
    if derivative.has(sp.sign) and not expr.has(sp.sign):
        derivative = derivative.replace(lambda e: isinstance(e, sp.sign),
                                        lambda e: sp.Mul(e.args[0], sp.Pow(sp.Abs(e.args[0]), -1), evaluate=False))
    return derivative


def _substituted(node: sp.Subs) -> sp.Basic:
    """``Subs(e, t, a)``: e at t = a, once no derivative in e is taken with respect to t (one of an
    unknown function, ``f'(2)`` with f defined nowhere, stays).  Only the substitution: nothing
    else in e is evaluated (SymPy's ``Subs.doit`` would also carry out its sums)."""
    if any(set(d.variables) & set(node.variables) for d in node.expr.atoms(sp.Derivative)):
        return node
    return substitute_free(node.expr, dict(zip(node.variables, node.point)))


BINDERS = (sp.Sum, sp.Product, sp.Integral, sp.Limit)
"""Objects that bind a variable: a substitution must not reach their bound occurrences."""

_CANONICAL_BASE = 7_000_000_000
"""``dummy_index`` of the canonical bound variables: one fixed Dummy per depth, so equal sums
compare equal, and no name a user can type (or a fresh Dummy) is ever the same object."""

_KEPT = ("integer", "real", "positive", "nonnegative", "negative", "nonpositive", "nonzero")


def internal(name: str, **assumptions: bool) -> sp.Dummy:
    """A fresh symbol for softsym's own use (slacks, atoms, case gaps): a ``Dummy``, which no
    user-written name can ever equal (``_u0`` typed by a user is a different object)."""
    return sp.Dummy(name, **assumptions)


def _rebind(expr: sp.Basic, make, depth: int = 0) -> sp.Basic:
    """Give each bound variable the symbol ``make(var, depth)``, renaming its occurrences in its
    scope only.  Capture-free when every name ``make`` returns is new to the expression.

    In ``Sum(f, L1, ..., Lm)`` (L1 innermost) the variable of ``Lk`` binds ``f`` and the ends of
    ``L1..L(k-1)``; the variables are renamed innermost first, so a name an inner limit shadows
    is never renamed in the inner scope.  An indefinite integral's variable is free in its value.
    """
    if not expr.args or not expr.has(*BINDERS):
        return expr
    if isinstance(expr, sp.Limit):
        scope, var, point, direction = expr.args
        new = make(var, depth)
        return sp.Limit(_rebind(scope.xreplace({var: new}), make, depth + 1), new,
                        _rebind(point, make, depth), str(direction))
    if not isinstance(expr, (sp.Sum, sp.Product, sp.Integral)):
        args = [_rebind(a, make, depth) for a in expr.args]
        try:
            return expr.func(*args)
        except (ValueError, TypeError):   # Max/Min of an argument SymPy cannot compare: keep it as built
            return expr.func(*args, evaluate=False)
    limits = [list(lim) for lim in expr.limits]
    body = expr.function
    count = len(limits)
    for k, lim in enumerate(limits):
        if isinstance(expr, sp.Integral) and len(lim) != 3:
            continue
        var = lim[0]
        new = make(_summation_variable(var, lim) if not isinstance(expr, sp.Integral) else var,
                   depth + count - 1 - k)
        body = body.xreplace({var: new})
        lim[0] = new
        for outer in limits[:k]:
            outer[1:] = [end.xreplace({var: new}) for end in outer[1:]]
    body = _rebind(body, make, depth + count)
    for k, lim in enumerate(limits):
        lim[1:] = [_rebind(end, make, depth + count - 1 - k) for end in lim[1:]]
    return expr.func(body, *(tuple(lim) for lim in limits))


def _summation_variable(var: sp.Symbol, lim: list) -> sp.Symbol:
    """What a sum's or product's variable really ranges over: ``lo, lo + 1, …`` — integers when
    ``lo`` is one, whatever the name was declared as elsewhere (``x: 0 < x < 1`` declares the free x,
    not the values of a ``Sum(…, (x, 0, n))``)."""
    lo = lim[1] if len(lim) > 1 else None
    if lo is not None and lo.is_integer:
        return sp.Dummy(var.name, integer=True)
    return sp.Dummy(var.name, real=True) if lo is not None and lo.is_real else sp.Dummy(var.name)


def _fresh(var: sp.Symbol, depth: int) -> sp.Dummy:
    return sp.Dummy(var.name, **{k: v for k, v in var.assumptions0.items() if k in _KEPT and v is not None})


def rename_bound(expr: sp.Basic) -> sp.Basic:
    """Every bound variable (sums, products, definite integrals, limits) renamed to a fresh
    Dummy: afterwards no bound variable is the same object as any free symbol or another binder."""
    return _rebind(expr, _fresh)


def bound_variables(expr: sp.Basic) -> set[sp.Symbol]:
    """The variables bound somewhere inside ``expr``."""
    out: set[sp.Symbol] = set()
    for node in sp.preorder_traversal(expr):
        if isinstance(node, (sp.Sum, sp.Product, sp.Integral)):
            out |= {lim[0] for lim in node.limits if len(lim) == 3 or not isinstance(node, sp.Integral)}
        elif isinstance(node, sp.Limit):
            out.add(node.args[1])
    return out


def substitute_free(expr: sp.Basic, mapping: dict) -> sp.Basic:
    """Replace the *free* occurrences of the keys of ``mapping`` (simultaneously): bound variables
    are renamed apart first, so neither a bound occurrence is replaced nor a symbol of a value
    captured by a binder.  A derivative in a replaced variable becomes a ``Subs`` (SymPy's rule)."""
    if not mapping:
        return expr
    if expr.has(*BINDERS):
        constant = all(not getattr(v, "free_symbols", True) for v in mapping.values())
        if not (constant and not set(mapping) & bound_variables(expr)):
            expr = rename_bound(expr)    # (numbers for free symbols can neither capture nor be captured)
    keys = set(mapping)
    if any(keys & set(d.variables) for d in expr.atoms(sp.Derivative)):
        return expr.subs(mapping, simultaneous=True)
    return expr.xreplace(mapping)


def canonical_dummies(expr: sp.Basic) -> sp.Basic:
    """Rename bound variables by nesting depth (alpha-normal form), capture-free.

    ``Sum(f(i), (i, 1, n))`` and ``Sum(f(k), (k, 1, n))`` become the same object.  Sums with
    several limits become nested sums.  First every bound variable gets a fresh Dummy (so no two
    binders and no free symbol share an object), then each gets the canonical Dummy of its depth;
    a canonical name that occurs free in ``expr`` is never reused as a binder.
    """
    if not expr.has(*BINDERS):
        return expr
    taken = expr.free_symbols
    fresh = rename_bound(expr)

    def canonical(var: sp.Symbol, depth: int) -> sp.Symbol:
        while True:
            symbol = _canonical_symbol(var, depth)
            if symbol not in taken:
                return symbol
            depth += 1000
    return _rebind(fresh, canonical)


def _canonical_symbol(var: sp.Symbol, depth: int) -> sp.Symbol:
    """The bound variable at ``depth``: one Dummy per depth, integer or not (a sum's range is in
    its limits, so its other assumptions are dropped); a limit's or integral's variable keeps its
    assumptions, which decide the value."""
    index = _CANONICAL_BASE + depth
    if var.is_integer:
        return sp.Dummy(f"k{depth}", dummy_index=index, integer=True)
    facts = {k: v for k, v in var.assumptions0.items() if k in _KEPT and v is not None}
    return sp.Dummy(f"x{depth}", dummy_index=index, **facts)


def exp_to_symbols(expr: sp.Basic) -> tuple[sp.Basic, dict[sp.Symbol, sp.Basic]]:
    """Write every ``exp(a)`` as a product of powers of new symbols ``u = exp(t / L)``.

    ``exp(z1 - z2/2)`` becomes ``u1**2 / u2`` with ``u1 = exp(z1/2)``-style bases chosen so all
    powers are integers.  A real ``t`` gives a positive ``u`` (exp maps the reals onto the
    positive reals, so an identity for all positive ``u`` is the same identity); otherwise
    ``u`` is only nonzero (a superset of exp's image: proofs stay sound).  Exponentials of a
    sum's bound variable are left alone: a symbol cannot stand for a term that varies with it.

    Returns:
        The rewritten expression and the map ``u -> exp(t / L)`` used.
    """
    bound = {v for node in expr.atoms(sp.Sum, sp.Product, sp.Integral) for v, *_ in node.limits}
    exps = [e for e in expr.atoms(sp.exp) if not (e.free_symbols & bound)]   # never a bound variable's term
    if not exps:
        return expr, {}
    parts: dict[sp.Basic, list[sp.Rational]] = {}
    split: dict[sp.Basic, list[tuple[sp.Basic, sp.Basic]]] = {}
    for e in exps:
        terms = sp.expand(e.args[0]).as_coefficients_dict()
        pieces = []
        for term, coeff in terms.items():
            if term == 1 or not coeff.is_Rational:
                pieces.append((sp.Integer(1), coeff * term))
                continue
            parts.setdefault(term, []).append(coeff)
            pieces.append((term, coeff))
        split[e] = pieces
    bases: dict[sp.Basic, tuple[sp.Symbol, int]] = {}
    inverse: dict[sp.Symbol, sp.Basic] = {}
    for n, (term, coeffs) in enumerate(sorted(parts.items(), key=lambda kv: sp.default_sort_key(kv[0]))):
        denom = reduce(lcm, (int(c.q) for c in coeffs), 1)
        facts = {"positive": True} if term.is_real else {"nonzero": True}
        u = internal(f"u{n}", **facts)
        bases[term] = (u, denom)
        inverse[u] = sp.exp(term / denom)
    mapping = {}
    for e, pieces in split.items():
        value = sp.Integer(1)
        for term, coeff in pieces:
            if term == 1:
                value *= sp.exp(coeff)
            else:
                u, denom = bases[term]
                value *= u ** int(coeff * denom)
        mapping[e] = value
    return expr.xreplace(mapping), inverse


def rational_normal_form(expr: sp.Basic) -> sp.Basic:
    """``cancel(together(expr))``: zero exactly when ``expr`` is zero as a rational function of its atoms."""
    return sp.cancel(sp.together(expr))


def licensed_log_expand(expr: sp.Basic) -> sp.Basic:
    """``expand_log`` without force: splits log(ab), log(a/b), log(a^k) only where SymPy proves positivity."""
    return sp.expand_log(expr, deep=True, force=False)


def symbols_outside_entries(expr: sp.Basic) -> set[sp.Symbol]:
    """The symbols of ``expr`` that occur as values, not only as the index of an entry: in
    ``z[l] <= m`` that is {m}; in ``n >= 2`` it is {n}."""
    return set(_symbols_outside_entries(expr))


@lru_cache(maxsize=4096)
def _symbols_outside_entries(expr: sp.Basic) -> frozenset[sp.Symbol]:
    # memoized: the numeric search asks this of the same hypotheses at every point, and rebuilding a
    # hypothesis with its entries hidden re-evaluates it (an Eq asks SymPy's assumptions each time)
    hidden = expr.replace(lambda e: isinstance(e, sp.Indexed), lambda e: sp.Dummy()) if expr.has(sp.Indexed) else expr
    return frozenset(s for s in hidden.free_symbols if isinstance(s, sp.Symbol) and not isinstance(s, sp.Dummy))


def givens_substitution(domain: Domain) -> dict[sp.Basic, sp.Basic]:
    """From hypotheses ``Eq(m, e)`` with ``m`` a bare symbol (or an entry at whole indices, ``s[1, 1]``)
    not in ``e``: the substitution m -> e.

    An entry ``z[j]`` with a symbolic index is not replaced: it aliases some ``z[k]`` once indices
    are concrete, so replacing it would lose the hypothesis.  (Replacing ``z[1]`` where ``z[j]``
    also occurs is sound: the result equals the original wherever the hypothesis holds.)
    """
    def plain(x: sp.Basic) -> bool:
        return isinstance(x, sp.Symbol) or isinstance(x, sp.Indexed) and all(i.is_Integer for i in x.indices)

    out: dict[sp.Basic, sp.Basic] = {}
    for g in domain.given:
        if isinstance(g, sp.Eq):
            a, b = g.args
            if plain(a) and not b.has(a) and a not in out:
                out[a] = b
            elif plain(b) and not a.has(b) and b not in out:
                out[b] = a
    return out


def apply_givens(expr: sp.Basic, domain: Domain) -> sp.Basic:
    """Use the hypotheses: ``Eq(m, e)`` with ``m`` a bare symbol replaces ``m`` by ``e``, and
    ``Ne(i, j)`` makes ``KroneckerDelta(i, j)`` zero."""
    subs = givens_substitution(domain)
    if any(isinstance(k, sp.Indexed) for k in subs):      # s[1, 1] = s[1, 2]: sums over a concrete range
        from .dimensions import write_out                  # written out first, so that the entry they hold
        expr = write_out(expr)                             # is replaced too
    if subs:
        expr = expr.xreplace(subs)
    for g in domain.given:
        if isinstance(g, sp.Ne):
            a, b = g.args
            expr = expr.xreplace({sp.KroneckerDelta(a, b): sp.Integer(0), sp.KroneckerDelta(b, a): sp.Integer(0)})
    return expr
