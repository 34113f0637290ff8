"""Step fingerprints (the cache's and the lockfile's key): every assumption is part of the key."""
from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
import sympy as sp

from softsym.cache import Cache
from softsym.cli import main
from softsym.domain import Bound, Domain
from softsym.dsl import Definition, Derivation, Kind, Source, Step
from softsym.fingerprint import step_fingerprint

X, Y, Q = sp.symbols("x y q", real=True)
K, N = sp.symbols("k n", integer=True)


def _if(on: bool, **facts: bool) -> dict[str, bool]:
    return facts if on else {}


def fingerprint(lhs: sp.Basic, rhs: sp.Basic = sp.Integer(0), *, rel: str = ">", given=(), substitution=(),
                symbols=(), indexed=(), bounds=(), domain_given=(), definitions=(), why: str = "why",
                line: int = 1) -> str:
    """The fingerprint of one step ``lhs rel rhs`` (step 2, after the definitions made at step 1)."""
    kind = Kind.INSTANTIATION if substitution else Kind.RELATION
    step = Step(2, kind, lhs, rel, rhs, why, Source("s.txt", "§1"), "d.py", line,
                substitution=tuple(substitution), given=tuple(given))
    domain = Domain(tuple(symbols), tuple(indexed), tuple(bounds), tuple(domain_given))
    derivation = Derivation("d", "t", Source("s.txt"), domain, (step,),
                            tuple(Definition(target, expr, 1) for target, expr in definitions))
    return step_fingerprint(derivation, step)


# Each case builds the same step twice, with one assumption on (True) and off (False).
FLIPS: dict[str, Callable[[bool], dict]] = {
    "symbol real": lambda on: {"lhs": sp.Symbol("x", **_if(on, real=True))},
    "symbol positive": lambda on: {"lhs": sp.Symbol("x", real=True, **_if(on, positive=True))},
    "symbol nonnegative": lambda on: {"lhs": sp.Symbol("x", real=True, **_if(on, nonnegative=True))},
    "symbol nonzero": lambda on: {"lhs": sp.Symbol("x", real=True, **_if(on, nonzero=True))},
    "symbol integer": lambda on: {"lhs": sp.Symbol("n", **_if(on, integer=True))},
    "dummy positive": lambda on: {"lhs": sp.Dummy("u", **_if(on, positive=True))},
    "bound variable of a sum integer": lambda on: {
        "lhs": sp.Sum(sp.IndexedBase("z")[sp.Symbol("j", **_if(on, integer=True))],
                      (sp.Symbol("j", **_if(on, integer=True)), 1, N))},
    "symbol declared in the domain only": lambda on: {
        "lhs": X, "symbols": [X, sp.Symbol("y", real=True, **_if(on, positive=True))]},
    "function positive": lambda on: {"lhs": sp.Function("f", **_if(on, positive=True))(X)},
    "function real": lambda on: {"lhs": sp.Function("f", **_if(on, real=True))(X)},
    "function under a derivative": lambda on: {
        "lhs": sp.Derivative(sp.Function("f", **_if(on, positive=True))(X), X)},
    "function in the rhs": lambda on: {"lhs": X, "rhs": sp.Function("g", **_if(on, negative=True))(X)},
    "function in a hypothesis": lambda on: {"lhs": X, "given": [sp.Function("f", **_if(on, positive=True))(X) < X]},
    "function in a definition": lambda on: {
        "lhs": Y, "definitions": [(Y, sp.Function("f", **_if(on, positive=True))(X))]},
    "function as a definition's target": lambda on: {
        "lhs": sp.Function("h")(X), "definitions": [(sp.Function("h", **_if(on, positive=True))(X), X ** 2)]},
    "function in a substitution": lambda on: {
        "lhs": X, "substitution": [(Q, sp.Function("f", **_if(on, positive=True))(X))]},
    "indexed base positive": lambda on: {"lhs": sp.IndexedBase("z", **_if(on, positive=True))[K]},
    "indexed base real, plain label": lambda on: {"lhs": sp.IndexedBase(sp.Symbol("z"), **_if(on, real=True))[K]},
    "indexed base positive, plain label": lambda on: {
        "lhs": sp.IndexedBase(sp.Symbol("z"), real=True, **_if(on, positive=True))[K]},
    "indexed base declared in the domain": lambda on: {
        "lhs": X, "indexed": [sp.IndexedBase(sp.Symbol("w"), **_if(on, nonnegative=True))]},
    "indexed base in a hypothesis": lambda on: {
        "lhs": X, "given": [sp.IndexedBase(sp.Symbol("z"), **_if(on, positive=True))[K] < X]},
    "bound lower strict": lambda on: {"lhs": X, "symbols": [X], "bounds": [Bound(X, 0, on, 1, False)]},
    "bound upper strict": lambda on: {"lhs": X, "symbols": [X], "bounds": [Bound(X, 0, False, 1, on)]},
    "bound end's assumptions": lambda on: {
        "lhs": K, "symbols": [K], "bounds": [Bound(K, 1, False, sp.Symbol("n", **_if(on, integer=True)), False)]},
    "step hypothesis": lambda on: {"lhs": X, "given": [X > 0] if on else []},
    "step hypothesis strictness": lambda on: {"lhs": X, "given": [X > 0] if on else [X >= 0]},
    "domain hypothesis": lambda on: {"lhs": X, "domain_given": [sp.Ne(X, 1)] if on else []},
    "substituted symbol positive": lambda on: {"lhs": X, "substitution": [(sp.Symbol("q", **_if(on, positive=True)), 0)]},
}


@pytest.mark.parametrize("flip", FLIPS.values(), ids=FLIPS.keys())
def test_flipping_one_assumption_gives_a_new_key(flip):
    on, off = fingerprint(**flip(True)), fingerprint(**flip(False))
    assert on != off
    cache = Cache(Path("unused"))
    assert cache.key(on, 30) != cache.key(off, 30)
    assert fingerprint(**flip(True)) == on            # rebuilt from scratch (new dummies too): the same key


def test_two_dummies_of_one_name_are_not_one_dummy():
    u, v = sp.Dummy("u"), sp.Dummy("u")
    assert fingerprint(u, v, rel="==") != fingerprint(u, u, rel="==")


def test_cosmetic_fields_keep_the_key():
    assert fingerprint(X, why="one wording", line=3) == fingerprint(X, why="another", line=40)


# -- the stale cache through the command line --------------------------------------------------

FILE = """\
from sympy import Function, IndexedBase, Symbol
from softsym.dsl import DerivationBuilder, Source
d = DerivationBuilder('assumed', title='t', source=Source('s.txt', '§1'))
x = d.symbols('x', real=True)
k = d.symbols('k', integer=True)
{declaration}
d.rel({term}, '>', 0, why='positive by assumption', at='eq. 1')
DERIVATION = d.build()
"""
FUNCTION = ("f = Function('f', positive=True)", "f(x)")          # srepr prints Function('f')
INDEXED = ("z = IndexedBase(Symbol('z'), positive=True)", "z[k]")  # srepr prints IndexedBase(Symbol('z'))


def _write(directory: Path, declaration: str, term: str) -> None:
    (directory / "assumed.py").write_text(FILE.format(declaration=declaration, term=term), encoding="utf-8")


def _check(runner, directory: Path, *extra: str):
    return runner.invoke(main, ["check", "all", "--path", str(directory), "--quiet", *extra], catch_exceptions=False)


def test_removing_the_assumption_is_not_answered_from_the_cache(runner, tmp_path):
    """Issue 10: f(x) > 0 proved with f positive, then still "proved" from the cache without it."""
    declaration, term = FUNCTION
    _write(tmp_path, declaration, term)
    first = _check(runner, tmp_path)
    assert first.exit_code == 0 and "1 proved" in first.output, first.output

    _write(tmp_path, declaration.replace(", positive=True", ""), term)
    second = _check(runner, tmp_path)
    assert second.exit_code == 1, second.output
    assert "FAILED" in second.output and "expected: proved" in second.output and "1 failed" in second.output


def test_removing_the_assumption_is_a_regression_against_the_lockfile(runner, tmp_path):
    declaration, term = FUNCTION
    _write(tmp_path, declaration, term)
    assert runner.invoke(main, ["lock", "all", "--path", str(tmp_path), "--quiet"]).exit_code == 0

    _write(tmp_path, declaration.replace(", positive=True", ""), term)
    r = _check(runner, tmp_path)
    assert r.exit_code == 1, r.output
    assert "REGRESSION assumed" in r.output and "edited step: was proved" in r.output


@pytest.mark.parametrize("declaration,term", [FUNCTION, INDEXED], ids=["function", "indexed base"])
def test_removing_the_assumption_edits_the_locked_step(runner, tmp_path, declaration, term):
    """Whatever the verdicts, the step without the assumption is not the locked one."""
    _write(tmp_path, declaration, term)
    runner.invoke(main, ["lock", "all", "--path", str(tmp_path), "--quiet"], catch_exceptions=False)

    _write(tmp_path, declaration.replace(", positive=True", ""), term)
    r = _check(runner, tmp_path)
    assert "edited" in r.output and ("REGRESSION assumed" in r.output or "CHANGED    assumed" in r.output), r.output


def test_a_derivation_file_rebuilt_gives_the_locked_keys(runner, tmp_path):
    body = textwrap.dedent("""\
        from sympy import Dummy, Function, exp
        from softsym.dsl import DerivationBuilder, Source
        d = DerivationBuilder('dummies', title='t', source=Source('s.txt'))
        x = d.symbols('x', real=True)
        u = Dummy('u', positive=True)
        d.eq(exp(x + u) * exp(-u), exp(x), why='u cancels', at='1')
        DERIVATION = d.build()
        """)
    (tmp_path / "dummies.py").write_text(body, encoding="utf-8")
    assert runner.invoke(main, ["lock", "all", "--path", str(tmp_path), "--quiet"]).exit_code == 0
    r = _check(runner, tmp_path, "--no-cache")      # a new process would number its dummies differently
    assert r.exit_code == 0 and "NEW" not in r.output and "CHANGED" not in r.output, r.output
