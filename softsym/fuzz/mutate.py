"""Perturbations that make (mostly) false relations from true ones.

Text perturbations edit one side's syntax tree: flip the sign of an exponent, change a power or a
constant, drop a term, swap a bound variable for a free name, shift a summation limit by one,
exchange Max and Min, swap the operands of a difference, drop an Abs, shift a Kronecker delta.
Relation perturbations reverse or tighten the relation (or weaken it, which keeps it true).
Declaration perturbations drop a hypothesis, a bound or an assumption, or make the domain empty
(vacuously true).  Only the oracle says whether the result is false.
"""
from __future__ import annotations

import ast
import random
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from .model import Case, Declarations, Hypothesis, Name
from .syntax import BINDERS, bound_variable

T = TypeVar("T", bound=ast.AST)
Mutation = Callable[[ast.Expression, random.Random, Declarations], "str | None"]


def _nodes(tree: ast.AST, kind: type[T]) -> list[T]:
    return [n for n in ast.walk(tree) if isinstance(n, kind)]


def _call_name(node: ast.Call) -> str:
    return node.func.id if isinstance(node.func, ast.Name) else ""


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> None:
    """Put ``new`` where ``old`` is in ``tree``."""
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
                return
            if isinstance(value, list) and any(v is old for v in value):
                value[[id(v) for v in value].index(id(old))] = new
                return


def _limit_tuples(tree: ast.AST) -> list[ast.Tuple]:
    return [a for c in _nodes(tree, ast.Call) if _call_name(c) in BINDERS for a in c.args[1:]
            if isinstance(a, ast.Tuple) and len(a.elts) == 3]


def m_exp_sign(tree: ast.Expression, rng: random.Random, decls: Declarations) -> str | None:
    """exp(a) → exp(-a)."""
    calls = [c for c in _nodes(tree, ast.Call) if _call_name(c) == "exp" and c.args]
    if not calls:
        return None
    call = rng.choice(calls)
    call.args[0] = ast.UnaryOp(ast.USub(), call.args[0])
    return "flip the sign of an exponent"


def m_power(tree: ast.Expression, rng: random.Random, decls: Declarations) -> str | None:
    """a**2 → a**3 (any integer power ± 1, never 0)."""
    powers = [(p, p.right.value) for p in _nodes(tree, ast.BinOp) if isinstance(p.op, ast.Pow)
              and isinstance(p.right, ast.Constant) and isinstance(p.right.value, int)]
    if not powers:
        return None
    power, exponent = rng.choice(powers)
    value = exponent + rng.choice([-1, 1])
    power.right = ast.Constant(value if value else 2)
    return "change a power"


def m_constant(tree: ast.Expression, rng: random.Random, decls: Declarations) -> str | None:
    """A number (outside exponents and limits) off by one or doubled."""
    inside = {id(n) for t in _limit_tuples(tree) for n in ast.walk(t)}
    inside |= {id(p.right) for p in _nodes(tree, ast.BinOp) if isinstance(p.op, ast.Pow)}
    numbers = [(c, c.value) for c in _nodes(tree, ast.Constant) if isinstance(c.value, int) and id(c) not in inside]
    if not numbers:
        return None
    number, value = rng.choice(numbers)
    number.value = rng.choice([value + 1, value - 1 if value != 1 else 2, 2 * value + 1])
    return "change a constant"


def m_drop_term(tree: ast.Expression, rng: random.Random, decls: Declarations) -> str | None:
    """a + b → a (or b); a - b → a."""
    sums = [b for b in _nodes(tree, ast.BinOp) if isinstance(b.op, (ast.Add, ast.Sub))]
    if not sums:
        return None
    node = rng.choice(sums)
    keep = node.left if isinstance(node.op, ast.Sub) or rng.random() < 0.5 else node.right
    if node is tree.body:
        tree.body = keep
    else:
        _replace(tree, node, keep)
    return "drop a term"


def m_bound_to_free(tree: ast.Expression, rng: random.Random, decls: Declarations) -> str | None:
    """One occurrence of a bound variable inside its sum replaced by a free name (an index or a scalar)."""
    frees = [n.name for n in decls.names
             if n.role in ("index", "dimension") or (n.role == "real" and rng.random() < 0.3)]
    binders = [c for c in _nodes(tree, ast.Call) if _call_name(c) in BINDERS and len(c.args) >= 2]
    rng.shuffle(binders)
    for call in binders:
        var = bound_variable(call.args[1])
        uses = [n for n in _nodes(call.args[0], ast.Name) if n.id == var]
        options = [f for f in frees if f != var]
        if uses and options:
            rng.choice(uses).id = rng.choice(options)
            return "swap a bound variable for a free name"
    return None


def m_limit(tree: ast.Expression, rng: random.Random, decls: Declarations) -> str | None:
    """A summation or integration limit off by one, or another dimension in its place."""
    limits = _limit_tuples(tree)
    if not limits:
        return None
    limit = rng.choice(limits)
    position = rng.choice([1, 2])
    end = limit.elts[position]
    dims = [n.name for n in decls.names if n.role == "dimension"]
    if isinstance(end, ast.Name) and end.id in dims and len(dims) > 1 and rng.random() < 0.3:
        limit.elts[position] = ast.Name(next(d for d in dims if d != end.id))
        return "replace a dimension by another"
    limit.elts[position] = ast.BinOp(end, rng.choice([ast.Add(), ast.Sub()]), ast.Constant(1))
    return "off-by-one in a limit"


def m_max_min(tree: ast.Expression, rng: random.Random, decls: Declarations) -> str | None:
    """Max ↔ Min."""
    calls = [c for c in _nodes(tree, ast.Call) if _call_name(c) in ("Max", "Min")]
    if not calls:
        return None
    call = rng.choice(calls)
    call.func = ast.Name("Min" if _call_name(call) == "Max" else "Max")
    return "exchange Max and Min"


def m_swap_difference(tree: ast.Expression, rng: random.Random, decls: Declarations) -> str | None:
    """a - b → b - a."""
    differences = [b for b in _nodes(tree, ast.BinOp) if isinstance(b.op, ast.Sub)]
    if not differences:
        return None
    node = rng.choice(differences)
    node.left, node.right = node.right, node.left
    return "swap the operands of a difference"


def m_drop_abs(tree: ast.Expression, rng: random.Random, decls: Declarations) -> str | None:
    """Abs(a) → a."""
    calls = [c for c in _nodes(tree, ast.Call) if _call_name(c) in ("Abs", "sqrt") and len(c.args) == 1]
    if not calls:
        return None
    call = rng.choice(calls)
    if call is tree.body:
        tree.body = call.args[0]
    else:
        _replace(tree, call, call.args[0])
    return "drop an Abs or a sqrt"


def m_delta(tree: ast.Expression, rng: random.Random, decls: Declarations) -> str | None:
    """KroneckerDelta(k, i) → KroneckerDelta(k, i + 1)."""
    calls = [c for c in _nodes(tree, ast.Call) if _call_name(c) == "KroneckerDelta" and len(c.args) == 2]
    if not calls:
        return None
    call = rng.choice(calls)
    position = rng.choice([0, 1])
    call.args[position] = ast.BinOp(call.args[position], ast.Add(), ast.Constant(1))
    return "shift a Kronecker delta"


TEXT_MUTATIONS: tuple[Mutation, ...] = (m_exp_sign, m_power, m_constant, m_drop_term, m_bound_to_free, m_limit,
                                        m_max_min, m_swap_difference, m_drop_abs, m_delta)


def mutate_text(case: Case, rng: random.Random) -> Case | None:
    """One side edited by a random applicable text mutation."""
    sides = ["lhs", "rhs"]
    rng.shuffle(sides)
    for side in sides:
        for mutation in rng.sample(TEXT_MUTATIONS, len(TEXT_MUTATIONS)):
            tree = ast.parse(getattr(case, side), mode="eval")
            what = mutation(tree, rng, case.declarations)
            if what is None:
                continue
            text = ast.unparse(tree)
            if text != getattr(case, side):
                lhs, rhs = (text, case.rhs) if side == "lhs" else (case.lhs, text)
                return replace(case, lhs=lhs, rhs=rhs, truth=None, recipe=(*case.recipe, f"perturb: {what}"))
    return None


_REVERSED = {"==": "<", "<=": ">", "<": ">=", ">=": "<", ">": "<="}
_TIGHTER = {"<=": "<", ">=": ">"}
_WEAKER = {"==": "<=", "<": "<=", ">": ">="}


def mutate_relation(case: Case, rng: random.Random) -> Case:
    """Reverse or tighten the relation (truth unknown), or weaken it (truth kept)."""
    roll = rng.random()
    if roll < 0.75 and case.rel in _TIGHTER:
        return replace(case, rel=_TIGHTER[case.rel], truth=None, recipe=(*case.recipe, "perturb: strict relation"))
    if roll < 0.45 or case.rel not in _WEAKER:
        return replace(case, rel=_REVERSED[case.rel], truth=None, recipe=(*case.recipe, "perturb: wrong direction"))
    rel = ">=" if case.rel == "==" and rng.random() < 0.5 else _WEAKER[case.rel]
    return replace(case, rel=rel, recipe=(*case.recipe, "weaken the relation"))


def mutate_declarations(case: Case, rng: random.Random) -> Case | None:
    """Drop a hypothesis, a bound or an assumption (truth unknown)."""
    decls = case.declarations
    options: list[tuple[str, Declarations]] = []
    for h in decls.hypotheses:
        options.append((f"drop the hypothesis {h.text}",
                        replace(decls, hypotheses=tuple(x for x in decls.hypotheses if x is not h))))
    for n in decls.names:
        if n.lower is not None or n.upper is not None:
            options.append((f"drop the bounds of {n.name}", decls.replaced_name(
                replace(n, lower=None, upper=None, facts=n.facts or ("real",)))))
        weaker = _weaker_facts(n)
        if weaker is not None:
            options.append((f"weaken {n.name} to {' '.join(weaker)}", decls.replaced_name(replace(n, facts=weaker))))
    for b in decls.bases:
        if b.facts != ("real",):
            options.append((f"make {b.name} real", replace(decls, bases=tuple(
                replace(x, facts=("real",), declared=True) if x is b else x for x in decls.bases))))
    if not options:
        return None
    what, new = rng.choice(options)
    return replace(case, declarations=new, truth=None, recipe=(*case.recipe, f"perturb: {what}"))


def _weaker_facts(n: Name) -> tuple[str, ...] | None:
    """Assumption keywords one step weaker (positive → nonnegative → none), if any."""
    for strong, weak in (("positive", "nonnegative"), ("nonnegative", None), ("negative", None)):
        if strong in n.facts:
            rest = tuple(f for f in n.facts if f != strong) + ((weak,) if weak else ())
            return rest or ("real",)
    return None


def empty_domain(case: Case, rng: random.Random) -> Case:
    """Add hypotheses no point satisfies (the relation is then vacuously true)."""
    reals = [n.name for n in case.declarations.names if n.role == "real" and not n.integer]
    name = rng.choice(reals) if reals else "x"
    decls = case.declarations
    if name not in {n.name for n in decls.names}:
        decls = replace(decls, names=(*decls.names, Name(name, "real", facts=("real",))))
    decls = replace(decls, hypotheses=(*decls.hypotheses, Hypothesis(f"{name} > 1"), Hypothesis(f"{name} < 0")))
    return replace(case, declarations=decls, recipe=(*case.recipe, f"empty domain: {name} > 1 and {name} < 0"))


def perturb(case: Case, rng: random.Random) -> Case:
    """One random perturbation (text, relation, declarations, or an empty domain)."""
    roll = rng.random()
    if roll < 0.55:
        mutated = mutate_text(case, rng)
        if mutated is not None:
            return mutated
    if roll < 0.75:
        return mutate_relation(case, rng)
    if roll < 0.95:
        mutated = mutate_declarations(case, rng)
        if mutated is not None:
            return mutated
    return empty_domain(case, rng)
