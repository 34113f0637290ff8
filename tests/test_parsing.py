"""Tests for softsym.parsing: the whitelist, exact numbers, name roles, injections and size limits."""
from __future__ import annotations

import builtins
import os
import time

import pytest
import sympy as sp

from softsym.errors import ParseError
from softsym.parsing import MAX_ARGUMENTS, MAX_CHARS, MAX_NODES, parse_expr

x, y, a, b, c, n = (sp.Symbol(s, real=True) for s in "x y a b c n".split())
k, i, j = (sp.Symbol(s, integer=True) for s in "k i j".split())
z, w = sp.IndexedBase("z", real=True), sp.IndexedBase("w", real=True)
n_int = sp.Symbol("n", integer=True)

VALID = [
    ("integer", "42", sp.Integer(42)),
    ("sum-and-difference", "x - y + 1", x - y + 1),
    ("division-is-exact", "1/3", sp.Rational(1, 3)),
    ("chained-division", "a/b/c", a / (b * c)),
    ("power", "x**2", x**2),
    ("power-right-assoc", "2**3**2", sp.Integer(512)),
    ("unary-minus", "-x", -x),
    ("unary-plus", "+x", x),
    ("leading-space", "  x + 1", x + 1),
    ("exp-log", "exp(x) * log(y)", sp.exp(x) * sp.log(y)),
    ("log-base", "log(x, 2)", sp.log(x, 2)),
    ("ln-alias", "ln(x)", sp.log(x)),
    ("abs-alias", "abs(x)", sp.Abs(x)),
    ("max-alias", "max(x, y)", sp.Max(x, y)),
    ("min-alias", "min(x, y, 0)", sp.Min(x, y, 0)),
    ("constants", "pi + E + I + oo", sp.pi + sp.E + sp.I + sp.oo),
    ("sqrt", "sqrt(x)", sp.sqrt(x)),
    ("root", "root(x, 3)", sp.root(x, 3)),
    ("atan2", "atan2(y, x)", sp.atan2(y, x)),
    ("kronecker-indices-are-integers", "KroneckerDelta(a, b)",
     sp.KroneckerDelta(sp.Symbol("a", integer=True), sp.Symbol("b", integer=True))),
    ("factorial", "factorial(5)", sp.Integer(120)),
    ("binomial", "binomial(5, 2)", sp.Integer(10)),
    ("rational", "Rational(2, 6)", sp.Rational(1, 3)),
    ("float-exact", "0.55", sp.Rational(11, 20)),
    ("float-exponent", "1e-3", sp.Rational(1, 1000)),
    ("float-big-exponent", "2.5e2", sp.Integer(250)),
    ("float-underscore", "1_000.5", sp.Rational(2001, 2)),
    ("float-sum-exact", "0.1 + 0.2", sp.Rational(3, 10)),
    ("imaginary", "2j", 2 * sp.I),
    ("less", "x < 1", sp.Lt(x, 1, evaluate=False)),
    ("greater-equal", "x >= y", sp.Ge(x, y, evaluate=False)),
    ("equal-unevaluated", "1 == 1", sp.Eq(1, 1, evaluate=False)),
    ("not-equal", "x != 1", sp.Ne(x, 1, evaluate=False)),
    ("chain", "0 < x < 1", sp.And(sp.Lt(0, x, evaluate=False), sp.Lt(x, 1, evaluate=False))),
    ("relational-calls", "Le(x, y)", sp.Le(x, y, evaluate=False)),
    ("boolean-ops", "(x > 0) & (y > 0) | ~(x < 1)",
     sp.Or(sp.And(sp.Gt(x, 0), sp.Gt(y, 0)), sp.Not(sp.Lt(x, 1)))),
    ("boolean-calls", "And(x > 0, Or(y > 0, Not(x < 1)))",
     sp.And(sp.Gt(x, 0), sp.Or(sp.Gt(y, 0), sp.Not(sp.Lt(x, 1))))),
    ("piecewise", "Piecewise((x, x > 0), (0, True))", sp.Piecewise((x, sp.Gt(x, 0)), (0, True))),
    ("sum-integer-variable-and-limit", "Sum(exp(z[k]), (k, 1, n))", sp.Sum(sp.exp(z[k]), (k, 1, n_int))),
    ("product", "Product(k, (k, 1, n))", sp.Product(k, (k, 1, n_int))),
    ("bound-variable-everywhere", "k + Sum(k*x, (k, 1, 3))", k + sp.Sum(k * x, (k, 1, 3))),
    ("subscript", "z[i]", z[i]),
    ("subscript-two-indices", "w[i, j]", w[i, j]),
    ("subscript-offset", "z[i + 1]", z[i + 1]),
    ("diff-unevaluated", "diff(x**2, x)", sp.Derivative(x**2, x)),
    ("derivative-order", "Derivative(x**3, (x, 2))", sp.Derivative(x**3, (x, 2))),
    ("limit-unevaluated", "limit(1/x, x, 0)", sp.Limit(1 / x, x, 0)),
    ("limit-direction", "Limit(1/x, x, 0, '-')", sp.Limit(1 / x, x, 0, dir="-")),
    ("limit-dir-keyword", "Limit(1/x, x, 0, dir='+-')", sp.Limit(1 / x, x, 0, dir="+-")),
    ("integral-unevaluated", "Integral(x, (x, 0, 1))", sp.Integral(x, (x, 0, 1))),
    ("function-name-as-symbol", "gamma + 1", sp.Symbol("gamma", real=True) + 1),
]

ML_CONVENIENCES = [
    ("sigmoid", "sigmoid(x)", 1 / (1 + sp.exp(-x))),
    ("softplus", "softplus(x)", sp.log(1 + sp.exp(x))),
    ("logit", "logit(x)", sp.log(x / (1 - x))),
    ("log1p", "log1p(x)", sp.log(1 + x)),
    ("expm1", "expm1(x)", sp.exp(x) - 1),
    ("logaddexp", "logaddexp(a, b)", sp.log(sp.exp(a) + sp.exp(b))),
    ("logsumexp-3", "logsumexp(a, b, c)", sp.log(sp.exp(a) + sp.exp(b) + sp.exp(c))),
    ("logsumexp-1", "logsumexp(a)", a),  # log(exp(a)) is a for real a
]


@pytest.mark.parametrize(("text", "expected"), [case[1:] for case in VALID + ML_CONVENIENCES],
                         ids=[case[0] for case in VALID + ML_CONVENIENCES])
def test_valid_input_builds_the_expected_sympy_object(text: str, expected: sp.Basic) -> None:
    assert parse_expr(text) == expected


def test_undeclared_names_get_their_roles() -> None:
    expr = parse_expr("z[i] * x + Sum(k, (k, 1, n))")
    by_name = {str(s): s for s in expr.atoms(sp.Symbol)}
    assert by_name["x"].is_real and not by_name["x"].is_integer
    assert by_name["i"].is_integer and by_name["k"].is_integer
    assert by_name["n"].is_integer                  # a bare name as a sum limit is a dimension
    assert expr.atoms(sp.IndexedBase) == {z}


def test_same_name_is_one_object() -> None:
    assert parse_expr("x + x") == 2 * x
    assert parse_expr("z[k] - Sum(z[k], (k, 1, 2))").free_symbols >= {k}


def test_declared_names_win() -> None:
    p = sp.Symbol("p", positive=True)
    gamma = sp.Symbol("gamma", positive=True)
    v = sp.IndexedBase("v", positive=True)
    assert parse_expr("p + gamma + v[0]", {"p": p, "gamma": gamma, "v": v}) == p + gamma + v[0]
    assert parse_expr("E", {"E": p}) == p


@pytest.mark.parametrize(("text", "names", "message"), [
    ("gamma(x)", {"gamma": sp.Symbol("gamma")}, "gamma is a declared symbol and cannot be called"),
    ("x[1]", {"x": x}, "x is declared as a scalar and cannot be subscripted"),
    ("gamma(x) + gamma", {}, "gamma is used both as a function and as a symbol"),
    ("z[i] + z", {}, "z is used both with a subscript"),
], ids=["call-declared", "subscript-scalar", "function-and-symbol", "indexed-and-bare"])
def test_name_conflicts(text: str, names: dict, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_expr(text, names)


INJECTIONS = [
    ("import-system", "__import__('os').system('touch {sentinel}')", r"call of __import__\('os'\)\.system"),
    ("subclasses", "().__class__.__bases__[0].__subclasses__()", r"call of \(\)\.__class__"),
    ("exec", "exec('open(\"{sentinel}\", \"w\")')", "unknown function 'exec'"),
    ("eval", "eval('1')", "unknown function 'eval'"),
    ("lambda", "lambda: 0", "lambda is not allowed"),
    ("comprehension", "[x for x in ()]", "list comprehension is not allowed"),
    ("open", "open('{sentinel}', 'w')", "unknown function 'open'"),
    ("getattr", "getattr(x, 'y')", "unknown function 'getattr'"),
    ("attribute", "x.__class__", r"attribute access \.__class__"),
    ("dunder-name", "__builtins__", "dunder"),
    ("f-string", "f'{{x}}'", "f-string is not allowed"),
    ("walrus", "(q := 1)", r"assignment expression \(:=\)"),
    ("string", "'abc'", "string 'abc' is not allowed"),
    ("starred", "Max(*x)", "starred argument is not allowed"),
    ("keyword", "exp(x, evaluate=False)", "keyword argument evaluate= is not allowed"),
    ("kwargs", "Limit(x, x, 0, **d)", r"keyword argument \*\* is not allowed"),
    ("subscript-of-call", "exp(x)[0]", "only names can be subscripted"),
    ("slice", "z[1:2]", "slice is not allowed"),
    ("conditional", "x if y else 0", "conditional expression is not allowed"),
    ("and-keyword", "x and y", "'and'/'or' is not allowed"),
    ("bare-tuple", "1, 2", "tuple is not allowed"),
    ("xor-power", "x ^ 2", r"write x\*\*y"),
    ("in-operator", "1 in x", "comparison In is not allowed"),
]


@pytest.mark.parametrize(("text", "message"), [case[1:] for case in INJECTIONS], ids=[c[0] for c in INJECTIONS])
def test_injections_are_rejected_and_nothing_runs(text: str, message: str, tmp_path, monkeypatch) -> None:
    sentinel = tmp_path / "sentinel"
    calls: list[tuple] = []
    monkeypatch.setattr(os, "system", lambda *args: calls.append(("system", args)) or 0)
    monkeypatch.setattr(builtins, "eval", lambda *args, **kw: calls.append(("eval", args)))
    monkeypatch.setattr(builtins, "exec", lambda *args, **kw: calls.append(("exec", args)))
    monkeypatch.setattr(builtins, "open", lambda *args, **kw: calls.append(("open", args)))
    with pytest.raises(ParseError, match=message) as info:
        parse_expr(text.format(sentinel=sentinel))
    assert calls == []
    assert not sentinel.exists()
    assert info.value.column is not None


def test_valid_parsing_calls_no_eval(monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(builtins, "eval", lambda *args, **kw: calls.append("eval"))
    monkeypatch.setattr(builtins, "exec", lambda *args, **kw: calls.append("exec"))
    parse_expr("sigmoid(x) + Sum(exp(z[k]), (k, 1, n)) + Piecewise((0.5, x > 0), (1, True))")
    assert calls == []


@pytest.mark.parametrize(("text", "message", "column"), [
    ("x +* 2", "syntax error", 3),
    ("exp(x", "syntax error", 3),
    ("exp(x) + y.z", r"attribute access \.z", 9),
    ("φ + x.y", r"attribute access \.y", 4),  # columns count characters, not UTF-8 bytes
    ("log(1, 2, 3)", "log takes 1 to 2 arguments, got 3", 0),
    ("sigmoid(x, y)", "sigmoid takes exactly 1 argument, got 2", 0),
    ("logaddexp(a)", "logaddexp takes exactly 2 arguments, got 1", 0),
    ("logsumexp()", "logsumexp takes at least 1 argument, got 0", 0),
    ("1 + foo(x)", "unknown function 'foo'", 4),
    ("Limit(x, x, 0, 'up')", "direction of Limit", 15),
    ("Integer(x)", "cannot build Integer", 0),
    ("x + (y < 1)", r"operand of \+ must be an expression", 5),
], ids=["syntax", "unclosed", "attribute", "unicode-column", "log-arity", "sigmoid-arity",
        "logaddexp-arity", "logsumexp-arity", "unknown-function", "limit-direction", "sympy-error",
        "boolean-in-sum"])
def test_errors_name_the_construct_and_column(text: str, message: str, column: int) -> None:
    with pytest.raises(ParseError, match=message) as info:
        parse_expr(text)
    assert info.value.column == column
    assert f"(column {column + 1})" in str(info.value)


def test_nested_power_tower_fails_fast() -> None:
    start = time.perf_counter()
    with pytest.raises(ParseError, match="exponent too large"):
        parse_expr("9**9**9**9")
    assert time.perf_counter() - start < 0.1


@pytest.mark.parametrize(("text", "message"), [
    ("x" * 100_000, "too long"),
    ("10**5000", "exponent too large"),
    ("2**-20000", "exponent too large"),
    ("x**20000", "exponent too large"),
    ("sqrt(3**1000)**10000", "exponent too large"),
    ("1" * 1001, "longer than 1000 digits"),
    ("1e5000", "longer than 1000 digits"),
    ("factorial(20000)", "factorial of a number larger than 10000"),
    ("binomial(100000, 3)", "binomial of a number larger than 10000"),
    ("gamma(10**6)", "gamma of a number larger than 10000"),
    ("loggamma(9999)", "number too large in loggamma"),
    ("Max(" + ", ".join(f"x{m}" for m in range(MAX_ARGUMENTS + 1)) + ")", "Max takes 1 to 32 arguments, got 33"),
    ("9**2000 * 9**2000 * 9**2000", "numbers too large"),
    ("+".join(["x"] * (MAX_NODES + 1)), "expression"),
    ("exp(" * 150 + "x" + ")" * 150, "nested too deeply"),
    ("-" * 1000 + "x", "nested too deeply"),
    ("", "empty expression"),
], ids=["100k-chars", "10**5000", "negative-exponent", "symbolic-base", "root-tower", "long-literal",
        "float-literal", "factorial", "binomial", "gamma", "loggamma", "max-arguments", "product-of-powers",
        "too-many-nodes", "deep-calls", "deep-unary", "empty"])
def test_size_limits(text: str, message: str) -> None:
    start = time.perf_counter()
    with pytest.raises(ParseError, match=message):
        parse_expr(text)
    assert time.perf_counter() - start < 1


def test_limits_leave_room_for_real_expressions() -> None:
    assert parse_expr("2**1000") == sp.Integer(2) ** 1000
    assert parse_expr("factorial(100)") == sp.factorial(100)
    assert len(parse_expr(" + ".join(f"x{m}" for m in range(300))).args) == 300
    assert len("x" * MAX_CHARS) == MAX_CHARS


@pytest.mark.parametrize("text, kind, lhs, rhs", [
    ("x >= y", "Ge", "x", "y"), ("x<=y", "Le", "x", "y"), ("x == y", "Eq", "x", "y"), ("x = y", "Eq", "x", "y"),
    ("x != y", "Ne", "x", "y"), ("x < y", "Lt", "x", "y"), ("x > y", "Gt", "x", "y"),
    ("Max(x, y) >= (x + y)/2", "Ge", "Max(x, y)", "x/2 + y/2"),
])
def test_hypotheses_are_split_at_their_relation_outside_brackets(text, kind, lhs, rhs):
    from softsym.text import parse_hypothesis
    g = parse_hypothesis(text, {})
    assert type(g).__name__ in (kind, {"Ge": "GreaterThan", "Le": "LessThan", "Eq": "Equality", "Ne": "Unequality",
                                       "Lt": "StrictLessThan", "Gt": "StrictGreaterThan"}[kind])
    assert str(g.lhs) == lhs and str(g.rhs) == rhs


def test_the_ml_family_forms_parse_and_a_python_keyword_as_a_name_gets_a_hint():
    from softsym.text import prove_text
    decl = "n: integer positive; i: integer, 1<=i<=n; k l: integer; z: indexed, real"
    assert str(prove_text("Sum(softmax(z, k, (l, 1, n)), (k, 1, n))", "1", "==", decl).status) == "proved"
    assert str(prove_text("log_softmax(z, i, (k, 1, n))", "z[i] - logsumexp(z, (k, 1, n))", "==", decl).status) == "proved"
    with pytest.raises(ParseError, match="'lambda' is a Python keyword .* write lam"):
        parse_expr("lambda*x")


def test_an_undeclared_name_inside_a_sum_limit_is_an_integer_dimension():
    from softsym.text import parse_relation
    problem = parse_relation("Sum(p[k], (k, n + 1, 2*n))", "0")
    n = next(s for s in problem.free_symbols if s.name == "n")
    assert n.is_integer
