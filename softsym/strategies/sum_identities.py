"""Identities with sums and products over a symbolic dimension n, proved for every n.

The sides are put in the sum normal form (linearity, Kronecker deltas resolved against the
declared index ranges, alpha-equivalent bound variables), each remaining sum becomes an atom
carrying its sign, and the difference is decided by the equality normal forms.
"""
from __future__ import annotations

import sympy as sp

from ..deadline import Deadline, attempt
from ..entry_hypotheses import use_entry_hypotheses, use_entry_signs
from ..numeric.admissible import admitted, required_symbols, with_eliminated
from ..numeric.sampling import candidate_points
from ..problem import Problem, canonical_dummies
from ..rewrite import apply_givens, evaluate_derivatives, licensed_log_expand
from ..sums import atomize_sums, deltas_collapsed, normalize_sums
from ..verdict import Verdict, proved
from ._equality import CHEAP, EXPENSIVE, zero_by

name = "sum_identities"


def sum_identities(problem: Problem, deadline: Deadline, methods=CHEAP + EXPENSIVE) -> Verdict | None:
    """Prove an equality between expressions containing ``Sum``/``Product`` for symbolic n."""
    if problem.rel != "==" or not sp.Tuple(problem.lhs, problem.rhs).has(sp.Sum, sp.Product):
        return None

    used: list[str] = []
    problem = _signed_by_bounds(problem)

    def normal() -> sp.Basic:
        entries = use_entry_signs(use_entry_hypotheses(evaluate_derivatives(problem.difference), problem.domain,
                                                       problem.free_symbols, used),
                                  problem.domain, problem.free_symbols, used)
        diff = normalize_sums(apply_givens(entries, problem.domain), problem.domain)
        if diff.has(sp.log) and any(isinstance(g, sp.Eq) and g.has(sp.Sum) for g in problem.domain.given):
            # a hypothesis' sum may hide in a summand's logarithm: Σ p_i log(n p_i) holds Σ p_i log n
            diff = normalize_sums(_summand_logs_expanded(diff), problem.domain)
        if any(isinstance(g, sp.Eq) and g.has(sp.Sum) for g in problem.domain.given):
            # a hypothesis' sum may hide in a polynomial summand: Σ (u_k − v_k)² holds Σ u_k² (‖u‖ = 1)
            diff = normalize_sums(_polynomial_summands_expanded(diff), problem.domain)
        return deltas_collapsed(use_sum_hypotheses(diff, problem.domain, used))
    diff = attempt(deadline.sooner(deadline.remaining() * 0.4), normal, None)
    if diff is None:
        return None
    if diff.has(sp.Piecewise):
        return None                                  # an index range we could not establish
    atoms, _ = atomize_sums(diff, problem.domain)
    how = zero_by(atoms, deadline, methods)
    if how is None and methods is not CHEAP and diff.has(sp.Sum):
        closed = attempt(deadline.sooner(deadline.remaining() * 0.5), lambda: _closed_forms(diff, problem), None)
        if closed is not None:
            how = zero_by(atomize_sums(closed, problem.domain)[0], deadline, methods)
            how = how and f"closed forms of the infinite series (SymPy's summation, each checked against partial " \
                          f"sums at two points), then {how}"
    if how is None:
        return None
    hyp = f"; the hypotheses {', '.join(used)} replace their sums and entries (an entry only at indices inside the " \
          f"hypothesis' range)" if used else ""
    return proved(name, f"sum normal form (linearity, Kronecker deltas, alpha-equivalence){hyp}, then {how}",
                  ("sum normal form", *(f"hypothesis {u}" for u in used), how))


def _signed_by_bounds(problem: Problem) -> Problem:
    """``problem`` with each real symbol its bounds make positive (``0 < β < 1``) carrying that
    assumption, as a declaration would: SymPy then moves ``β^{t-k}`` across a sum's range and its
    last term (the bound says no more than the assumption, so a proof stays a proof)."""
    from dataclasses import replace
    domain = problem.domain
    mapping = {}
    for bound in domain.bounds:
        s, low = bound.symbol, bound.lower
        if isinstance(s, sp.Symbol) and not isinstance(s, sp.Dummy) and s.is_real and s.is_positive is None \
                and low is not None and low.is_number and low.is_real and (low > 0 or low == 0 and bound.lower_strict):
            mapping[s] = sp.Symbol(s.name, positive=True, integer=True) if s.is_integer else \
                sp.Symbol(s.name, positive=True)
    if not mapping:
        return problem
    moved = replace(domain, symbols=tuple(mapping.get(s, s) for s in domain.symbols),
                    bounds=tuple(replace(b, symbol=mapping.get(b.symbol, b.symbol),
                                         lower=None if b.lower is None else b.lower.xreplace(mapping),
                                         upper=None if b.upper is None else b.upper.xreplace(mapping))
                                 for b in domain.bounds),
                    given=tuple(g.xreplace(mapping) for g in domain.given))
    return replace(problem, lhs=problem.lhs.xreplace(mapping), rhs=problem.rhs.xreplace(mapping), domain=moved)


def _summand_logs_expanded(expr: sp.Basic) -> sp.Basic:
    """The logarithms inside sums split where SymPy proves the factors positive (never forced)."""
    return expr.replace(lambda x: isinstance(x, sp.Sum) and x.function.has(sp.log),
                        lambda x: x.func(licensed_log_expand(sp.expand(x.function)), *x.limits))


def _polynomial_summands_expanded(expr: sp.Basic) -> sp.Basic:
    """Each sum whose summand is a polynomial in its entries and names written out as a sum of monomials (an
    identity: linearity then splits the sum); summands that would grow past 40 terms stay as written."""
    def expanded(x: sp.Sum) -> sp.Basic:
        atoms = [*x.function.atoms(sp.Indexed), *x.function.free_symbols]
        if not x.function.is_polynomial(*atoms):
            return x
        out = sp.expand(x.function)
        return x.func(out, *x.limits) if len(sp.Add.make_args(out)) <= 40 else x
    return expr.replace(lambda x: isinstance(x, sp.Sum), expanded)


def use_sum_hypotheses(expr: sp.Basic, domain, used: list[str] | None = None) -> sp.Basic:
    """Replace each sum a hypothesis fixes (``Σ_i p_i = 1``) by its value.

    The hypothesis' sum is put in the same normal form (canonical bound variables, linearity), so
    ``Σ_k p_k`` in the expression matches ``Σ_i p_i`` in the hypothesis.  Sound: inside the domain
    the hypothesis holds, so the replaced expression has the same value at every admissible point.
    """
    subs: dict[sp.Basic, sp.Basic] = {}
    for g in domain.given:
        if not isinstance(g, sp.Eq):
            continue
        for side, value in ((g.lhs, g.rhs), (g.rhs, g.lhs)):
            if side.has(sp.Sum, sp.Product) and not value.has(sp.Sum, sp.Product):
                key = normalize_sums(canonical_dummies(side), domain)
                if isinstance(key, (sp.Sum, sp.Product)) and key not in subs:
                    subs[key] = value
                    if used is not None and expr.has(key):
                        used.append(str(g))
                break
    return expr.xreplace(subs) if subs else expr


def sum_identities_cheap(problem: Problem, deadline: Deadline) -> Verdict | None:
    """The same with the cheap normal forms only (run before the counterexample search)."""
    return sum_identities(problem, deadline, CHEAP)


def _closed_forms(expr: sp.Basic, problem: Problem) -> sp.Basic | None:
    """``expr`` with each infinite series ``Σ_{k=a}^{∞} f(k)`` replaced by SymPy's closed form — only
    one without conditions (no Piecewise, no unevaluated sum) that the partial sums approach at
    two admissible points of its parameters; None when a series has none."""
    series = [s for s in expr.atoms(sp.Sum) if len(s.limits) == 1 and s.limits[0][2] is sp.oo
              and s.limits[0][1].is_Integer]
    if not series:
        return None
    values = {}
    for s in series:
        value = s.doit()
        if value.has(sp.Sum, sp.Piecewise, sp.zoo, sp.nan) or not _partial_sums_approach(s, value, problem):
            return None
        values[s] = value
    return expr.xreplace(values)


def _partial_sums_approach(series: sp.Sum, value: sp.Basic, problem: Problem) -> bool:
    """Whether the partial sums up to 200 and 400 terms come within 10⁻¹⁰ of ``value`` (the second
    closer) at two admissible points of the series' parameters (simple positive values first)."""
    (k, lo, _), = series.limits
    free = sorted(series.free_symbols, key=str)
    if any(not isinstance(x, sp.Symbol) for x in free):
        return False
    checked = 0
    required = required_symbols(problem.domain)
    for point in candidate_points(free, problem.domain, "series" + problem.key(), 12, [], {}):
        if admitted(with_eliminated(dict(point), problem.domain), problem.domain, required) is None:
            continue
        f = series.function.xreplace(point)
        target = sp.N(value.xreplace(point), 30)
        if not target.is_number or not target.is_finite:
            return False
        gaps = []
        for terms in (200, 400):
            partial = sp.N(sp.Add(*(f.xreplace({k: lo + j}) for j in range(terms))), 30)
            gaps.append(abs(partial - target))
        if not (gaps[1] <= gaps[0] and gaps[1] < sp.Float("1e-10") * max(1, abs(target))):
            return False
        checked += 1
        if checked == 2:
            return True
    return False
