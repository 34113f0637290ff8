"""The fragment table for ``softsym.latex.parse_tex``: what each piece of TeX must read as.

Each row is ``(tex, expected)`` or ``(tex, expected, context)``:

* ``expected`` is a SymPy object built directly here (never by parsing a string), or ``UNPARSED``
  when the fragment must raise ``Unparsed``; an expected value wrapped in :class:`Equivalent` is
  compared by ``sp.simplify(expected - got) == 0`` (used only where SymPy builds the same value in
  two structurally different ways — see the rows that use it);
* ``context`` is a ``Context`` (the default one when absent).

Rows marked ``# sympy`` rewrite a case of SymPy's own LaTeX parser test-suite
(sympy/parsing/tests/test_latex.py) in softsym's conventions: numbers are exact, relations are
refused (one side is read at a time), ``f(x)`` needs ``f`` declared, subscripts are entries of an
IndexedBase, ``\\overline{z}`` is the name ``z_bar``, indefinite integrals, ``\\lg``, ``\\sin^{-1}`` and
primes on names are refused.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from softsym.latex import DOT, Context
from softsym.latex.distributions import Normal

UNPARSED = "UNPARSED"


@dataclass(frozen=True)
class Equivalent:
    """An expected value compared up to ``sp.simplify`` rather than structurally."""

    value: sp.Expr


# -- the objects the conventions produce ------------------------------------------------------------
def R(name: str) -> sp.Symbol:
    """A real symbol (an undeclared name)."""
    return sp.Symbol(name, real=True)


def Z(name: str) -> sp.Symbol:
    """An integer symbol (an index or a range bound)."""
    return sp.Symbol(name, integer=True)


def V(name: str) -> sp.IndexedBase:
    """An indexed family (a name with a subscript)."""
    return sp.IndexedBase(name, real=True)


a, b, c, d, x, y, t_ = R("a"), R("b"), R("c"), R("d"), R("x"), R("y"), R("t")
F, T, W, h, k_, I_ = R("F"), R("T"), R("W"), R("h"), R("k"), R("I")
lam = R("lambda")
phi, theta, eta, beta, mu, sigma_, alpha = (R("phi"), R("theta"), R("eta"), R("beta"), R("mu"),
                                            R("sigma"), R("alpha"))
i, j, k, t, l_, m = Z("i"), Z("j"), Z("k"), Z("t"), Z("l"), Z("m")
n = sp.Symbol("n", integer=True, positive=True)          # the default dimension
K = sp.Symbol("K", integer=True, positive=True)
z, w, p, q, e_ = V("z"), V("w"), V("p"), V("q"), V("e")
x_v, y_v, omega, theta_v, eta_v, phi_v = V("x"), V("y"), V("omega"), V("theta"), V("eta"), V("phi")
f = sp.Function("f", real=True)
u_ = sp.Symbol("u")                                      # a bound variable (Subs compares up to renaming)
g = sp.Function("g", real=True)


def softmax(vec: sp.IndexedBase, entry: sp.Expr, bound: sp.Symbol = j, dim: sp.Symbol = n) -> sp.Expr:
    return sp.exp(vec[entry]) / sp.Sum(sp.exp(vec[bound]), (bound, 1, dim))


def Prob(shape: str, *args) -> sp.Expr:
    """A probability as the reader builds it: its shape applied to the expressions written in it."""
    return sp.Function(shape, positive=True)(*[sp.sympify(a) for a in args])


def sigmoid(v: sp.Expr) -> sp.Expr:
    return 1 / (1 + sp.exp(-v))


def D(expr: sp.Expr, *variables) -> sp.Derivative:
    return sp.Derivative(expr, *variables, evaluate=False)


DECLARED_XY = Context(names={"x": x, "y": y})
DECLARED_POSITIVE = Context(names={"x": sp.Symbol("x", positive=True), "z": sp.IndexedBase("z", positive=True)})
DECLARED_E = Context(names={"e": R("e")})
DIM_K = Context(dimension=K)
FUNCTIONS = Context(functions=frozenset({"f", "g", "\\sigma", "sigma", "p"}))
SCALAR_X = Context(names={"x": x})
VECTORS_XY = Context(families=frozenset({"x", "y"}))
SIGMA_SCALAR = Context(names={"sigma": sigma_})
DECLARED_T = Context(names={"T": T})
DECLARED_D = Context(names={"d": R("d")})
DIM_D = Context(dimension=sp.Symbol("d", integer=True, positive=True))
AT_I = Context(entry=i)                       # a vector relation read at the entry i
OUTCOMES_X = Context(outcomes=frozenset({"x"}))  # x is an outcome the document sums over (\sum_x p(x))
N_OUT = sp.Symbol("n_outcomes", integer=True, positive=True)   # how many outcomes, when the words do not say
P_OF_TAU = Context(functions=frozenset({"p"}), entry_functions=frozenset({"p"}), parameters={"p": ("tau",)})
"""p_i(τ) := … defined by the document: p an entry function of the temperature."""
AT_IJ = Context(entry=i, column=j)            # a matrix relation read at the row i and the column j

FRAGMENTS: list[tuple] = [
    # -- numbers ----------------------------------------------------------------------------------
    ("2", sp.Integer(2)),
    ("0", sp.Integer(0)),                                                     # sympy
    ("1", sp.Integer(1)),                                                     # sympy
    ("0.5", sp.Rational(1, 2)),
    ("0.125", sp.Rational(1, 8)),
    ("-3.14", -sp.Rational(314, 100)),                                        # sympy (exact, not a float)
    ("(-7.13)(1.5)", sp.Rational(-713, 100) * sp.Rational(3, 2)),             # sympy
    ("1000000", sp.Integer(10**6)),
    ("1.1.1", UNPARSED),                                                      # sympy (bad)
    (".5", UNPARSED),
    ("1" * 1001, UNPARSED),                                                   # more than 1,000 digits
    # -- arithmetic -------------------------------------------------------------------------------
    ("a + b", a + b),                                                         # sympy
    ("a - b", a - b),
    ("a + b - a", b),                                                         # sympy
    ("-c", -c),                                                               # sympy
    ("a \\cdot b", a * b),                                                    # sympy
    ("a \\times b", a * b),
    ("a * b", a * b),
    ("1*2", sp.Integer(2)),                                                   # sympy
    ("1 \\times 2 ", sp.Integer(2)),                                          # sympy
    ("a / b", a / b),                                                         # sympy
    ("a \\div b", a / b),                                                     # sympy
    ("a / b \\cdot c", a * c / b),
    ("a / b c", UNPARSED),                                                    # is c in the denominator?
    ("a // b", UNPARSED),                                                     # sympy (bad)
    ("a \\cdot \\cdot b", UNPARSED),                                          # sympy (bad)
    ("a \\div \\div b", UNPARSED),                                            # sympy (bad)
    ("a +", UNPARSED),                                                        # sympy (bad)
    ("a / b /", UNPARSED),                                                    # sympy (bad)
    ("-", UNPARSED),                                                          # sympy (bad)
    ("*", UNPARSED),                                                          # sympy (bad)
    ("3x - 1", 3 * x - 1),                                                    # sympy
    ("5^0 - 4^0", sp.Integer(0)),                                             # sympy
    ("1+1", sp.Integer(2)),                                                   # sympy
    # -- fractions and roots --------------------------------------------------------------------
    ("\\frac{a}{b}", a / b),                                                  # sympy
    ("\\dfrac{a}{b}", a / b),                                                 # sympy
    ("\\tfrac{a}{b}", a / b),                                                 # sympy
    ("\\frac12", sp.Rational(1, 2)),                                          # sympy
    ("\\frac12y", y / 2),                                                     # sympy
    ("\\frac1234", sp.Integer(17)),                                           # sympy: TeX reads (1/2)·34
    ("\\frac2{3}", sp.Rational(2, 3)),                                        # sympy
    ("\\frac{\\sin{x}}2", sp.sin(x) / 2),                                     # sympy
    ("\\frac{a + b}{c}", (a + b) / c),                                        # sympy
    ("\\frac{7}{3}", sp.Rational(7, 3)),                                      # sympy
    ("\\frac{1}{0}", UNPARSED),                                               # a division by zero
    ("\\frac{2}{}", UNPARSED),                                                # sympy (bad)
    ("\\frac{}{2}", UNPARSED),                                                # sympy (bad)
    ("\\frac{(2 + x}{1 - x)}", UNPARSED),                                     # sympy (bad)
    ("\\sqrt{x}", sp.sqrt(x)),                                                # sympy
    ("\\sqrt{x + b}", sp.sqrt(x + b)),                                        # sympy
    ("\\sqrt[3]{x}", sp.root(x, 3)),
    ("\\sqrt[3]{\\sin x}", sp.root(sp.sin(x), 3)),                            # sympy
    ("\\sqrt[y]{\\sin x}", sp.root(sp.sin(x), y)),                            # sympy
    ("\\sqrt[\\theta]{\\sin x}", sp.root(sp.sin(x), theta)),                  # sympy
    ("\\sqrt{\\frac{12}{6}}", sp.sqrt(2)),                                    # sympy
    ("\\sqrt{}", UNPARSED),                                                   # sympy (bad)
    ("\\sqrt", UNPARSED),                                                     # sympy (bad)
    # -- powers -----------------------------------------------------------------------------------
    ("x^2", x**2),                                                            # sympy
    ("x^{n+1}", x**(n + 1)),
    ("x^{3 + 1}", x**4),                                                      # sympy
    ("x^\\frac{1}{2}", sp.sqrt(x)),                                           # sympy
    ("e^{-x}", sp.exp(-x)),
    ("e^x", sp.exp(x)),
    ("e^\\eta", sp.exp(eta)),
    ("2^{10}", sp.Integer(1024)),
    ("x^23", UNPARSED),                                                       # TeX reads x^{2}3: a typo?
    ("x^-1", UNPARSED),                                                       # write x^{-1}
    ("x^{(i)}", V("x^()")[i]),                                                # a sample index, not a power
    ("w^{(t+1)} - w^{(t)}", V("w^()")[t + 1] - V("w^()")[t]),                 # iterates
    ("\\mathbf{x}^{(i)}", UNPARSED),                                         # a bold sample: a vector per sample
    ("x_j^{(i)}", UNPARSED),                                                  # feature j of sample i: two indices
    ("h_\\theta(x^{(i)})", sp.Function("h_theta", real=True)(V("x^()")[i])),   # θ names a model's parameters
    ("x^*", R("x_star")),                                                     # an optimum mark: a name
    ("\\theta^\\star + w^{*}", R("theta_star") + R("w_star")),
    ("z_i^*", V("z_star")[i]),                                                # entry i of the optimum z*
    ("z_c^\\star - z_k^\\star", V("z_star")[Z("c")] - V("z_star")[k]),        # as z^\\star_c
    ("w_{k+1}^{*}", V("w_star")[k + 1]),
    ("(x)^*", UNPARSED),                                                      # a star on an expression
    ("\\Delta z_2", V("Delta_z")[2]),                                          # an increment: one name
    ("\\Delta W_{kj} x_j", V("Delta_W")[k, j] * x_v[j]),
    ("\\Delta\\theta + \\Delta t", R("Delta_theta") + R("Delta_t")),
    ("\\Delta \\cdot 2", 2 * R("Delta")),                                     # Δ times 2: no increment
    ("\\Delta_t", V("Delta")[t]),                                              # a subscript: Δ's entry
    ("x' + y'", R("x_prime") + R("y_prime")),                                # another point's names
    ("x''", UNPARSED),                                                        # two primes: a derivative
    ("\\sigma'", UNPARSED),                                                  # the sigmoid's derivative
    ("f' + 1", UNPARSED, Context(applied=frozenset({"f"}))),                  # f applied in the text: f' is f's derivative
    ("x^{10001}", UNPARSED),                                                  # |integer exponent| > 10,000
    ("x^{-10001}", UNPARSED),
    ("(2^{10000})^{10000}", UNPARSED),                                        # a number far too large
    ("x^{2}^{3}", UNPARSED),                                                  # a double superscript
    ("\\pi^{|x y|}", sp.pi**sp.Abs(x * y)),                                   # sympy (pi is π; xy written apart)
    ("^", UNPARSED),                                                          # sympy (bad)
    ("_", UNPARSED),                                                          # sympy (bad)
    # -- groups and spacing ---------------------------------------------------------------------
    ("(x + y) z", (x + y) * R("z")),                                          # sympy
    ("\\left(x + y\\right) z", (x + y) * R("z")),                             # sympy
    ("\\left( x + y\\right ) z", (x + y) * R("z")),                           # sympy
    ("\\left[x + y\\right] z", (x + y) * R("z")),                             # sympy
    ("\\left\\{x + y\\right\\} z", (x + y) * R("z")),                         # sympy
    ("[x]", x),                                                               # sympy
    ("[a + b]", a + b),                                                       # sympy
    ("\\{a + b\\}", a + b),
    ("\\big( x + 1 \\big) y", (x + 1) * y),
    ("\\Bigl[ x \\Bigr]", x),
    ("a \\, b", a * b),                                                       # sympy
    ("a \\thinspace b", a * b),                                               # sympy
    ("a \\: b", a * b),                                                       # sympy
    ("a \\medspace b", a * b),                                                # sympy
    ("a \\; b", a * b),                                                       # sympy
    ("a \\thickspace b", a * b),                                              # sympy
    ("a \\! b", a * b),                                                       # sympy
    ("a \\negthinspace b", a * b),                                            # sympy
    ("a \\negmedspace b", a * b),                                             # sympy
    ("a \\negthickspace b", a * b),                                           # sympy
    ("a \\quad b", UNPARSED),                                                 # sympy: a wide gap is not a product
    ("a \\qquad b", UNPARSED),                                                # sympy
    ("x \\quad (1)", x),                                                      # an equation number
    ("(", UNPARSED),                                                          # sympy (bad)
    (")", UNPARSED),                                                          # sympy (bad)
    ("{", UNPARSED),                                                          # sympy (bad)
    ("}", UNPARSED),                                                          # sympy (bad)
    ("()", UNPARSED),                                                         # sympy (bad)
    ("((((((((((((((((()))))))))))))))))", UNPARSED),                         # sympy (bad)
    ("[0, 1)", UNPARSED),                                                     # an interval
    ("(a, b)", UNPARSED),                                                     # a pair
    ("a, b", UNPARSED),                                                       # a list
    ("\\{a, b\\}", UNPARSED),                                                 # a set
    ("(" * 100 + "x" + ")" * 100, x),                                         # 100 levels: read
    ("(" * 101 + "x" + ")" * 101, UNPARSED),                                  # 101 levels: refused
    ("x" * 20_001, UNPARSED),                                                 # longer than 20,000
    ("", UNPARSED),                                                           # sympy (bad)
    ("~", UNPARSED),                                                          # sympy (bad): a space only
    # -- implicit multiplication ----------------------------------------------------------------
    ("2x", 2 * x),                                                            # sympy
    ("2(x+1)", 2 * (x + 1)),
    ("x\\log y", x * sp.log(y)),
    ("\\phi(1-\\phi)", phi * (1 - phi)),
    ("x (1 - x)^2", x * (1 - x)**2),
    ("x y", x * y),
    ("(x+1)(x-1)", (x + 1) * (x - 1)),
    ("(\\csc x)(\\sec y)", sp.csc(x) * sp.sec(y)),                            # sympy
    ("L1", UNPARSED),                                                         # a digit glued to a letter
    ("z{i}", UNPARSED),                                                       # a lost _ before {i}
    # -- names ------------------------------------------------------------------------------------
    ("x", x),                                                                 # sympy
    ("\\phi", phi),
    ("\\theta", theta),
    ("\\eta", eta),
    ("\\beta", beta),
    ("\\Sigma", R("Sigma")),
    ("\\varepsilon", R("varepsilon")),
    ("\\pi", sp.pi),
    ("\\sqrt{2\\pi}", sp.sqrt(2 * sp.pi)),
    ("x", sp.Symbol("x", positive=True), DECLARED_POSITIVE),
    ("\\mathbf{z}", UNPARSED),                  # a vector: the relation is read entrywise (VectorValued)
    ("\\boldsymbol z", UNPARSED),
    ("\\mathbf{z}", z[i], Context(entry=i)),     # … at the entry i
    ("\\boldsymbol z", z[i], Context(entry=i)),
    ("\\bm{z}", z[i], Context(entry=i)),
    ("\\vec z", z[i], Context(entry=i)),
    ("\\mathbf{W}", R("W")),                     # a bold capital alone: a matrix, kept a name
    ("\\mathbf{W}", UNPARSED, Context(entry=i)), # … refused entrywise
    ("\\mathbf{z}_j", z[j]),                     # an entry of a bold vector
    ("\\mathbf{z}_i", z[i]),
    ("\\mathit{x}", x),                                                       # sympy
    ("\\hat{y}", R("y_hat")),
    ("\\widehat{y}", R("y_hat")),
    ("\\bar{p}", R("p_bar")),
    ("\\tilde{q}", R("q_tilde")),
    ("\\hat{\\boldsymbol y}", R("y_hat")),
    ("\\overline{z}", R("z_bar")),                                            # sympy (a name, not conjugate)
    ("\\overline{\\overline{z}}", R("z_bar_bar")),                            # sympy
    ("\\overline{x} + \\overline{y}", R("x_bar") + R("y_bar")),               # sympy
    ("\\overline{x + y}", UNPARSED),                                          # sympy: a decorated expression
    ("\\overline{}", UNPARSED),                                               # sympy (bad)
    ("\\mathcal{L}", R("L_cal")),
    ("\\hat{y}_i", V("y_hat")[i]),
    ("\\mathbb{R}", UNPARSED),
    ("\\mathbb{E}", UNPARSED),
    # -- runs of letters --------------------------------------------------------------------------
    ("xy", UNPARSED),
    ("xy", x * y, DECLARED_XY),
    ("thus", UNPARSED),
    ("softmax", UNPARSED),
    ("exp", UNPARSED),
    ("\\mathit{test}", UNPARSED),                                             # sympy: a word, refused
    ("\\log xy", UNPARSED),                                                   # sympy: the run xy
    ("\\ln xy", UNPARSED),                                                    # sympy
    ("exp(x)", sp.exp(x)),
    ("log(x)", sp.log(x)),
    ("ln(x)", sp.log(x)),
    ("log (1+e^\\eta)", sp.log(1 + sp.exp(eta))),
    ("tanh(x)", sp.tanh(x)),
    ("sigmoid(x)", sigmoid(x)),
    ("max(a, b)", sp.Max(a, b)),
    ("min(a, b)", sp.Min(a, b)),
    ("softmax(z)_i", softmax(z, i)),
    ("foo(x)", UNPARSED),
    ("lnp_t", sp.log(p[t])),                       # a log glued to one letter: read, noted as a guess
    ("lnpq", UNPARSED),
    ("ln p_t", sp.log(p[t])),                      # log/ln/exp in plain letters before an argument
    ("log \\frac{a}{b}", sp.log(a / b)),
    ("exp x", sp.exp(x)),
    ("log x y", UNPARSED),                         # where does the argument end?
    # -- subscripts -------------------------------------------------------------------------------
    ("z_i", z[i]),
    ("z_{i}", z[i]),
    ("z_{i,j}", z[i, j]),
    ("z_{ij}", z[i, j]),
    ("z_{ijk}", UNPARSED),
    ("z_1", z[1]),
    ("z_{k+1}", z[k + 1]),
    ("z_{k-1}", z[k - 1]),
    ("z_n", z[n]),
    ("x_0", x_v[0]),                                                          # sympy (an entry)
    ("x_{1}", x_v[1]),                                                        # sympy
    ("x_a", x_v[Z("a")]),                                                     # sympy
    ("x_{b}", x_v[Z("b")]),                                                   # sympy
    ("h_\\theta", R("h_theta")),                                              # sympy
    ("h_{\\theta}", R("h_theta")),                                            # sympy
    ("x_{\\text{max}}", R("x_max")),
    ("\\theta_ix", theta_v[i] * x),
    ("w_ix_i", w[i] * x_v[i]),
    ("z_{0.5}", R("z_0p5")),                                                  # a label (a quantile), never an entry
    ("t_{1/2}", R("t_half")),                                                 # a half-life
    ("t_{\\frac12}", R("t_half")),
    ("x_12", UNPARSED),
    ("z_i", sp.IndexedBase("z", positive=True)[i], DECLARED_POSITIVE),
    ("x_i", UNPARSED, DECLARED_POSITIVE),                                     # a declared scalar with an index
    ("\\sum_{i=0}^3 \\omega_{i,a} x_i", sp.Sum(omega[i, Z("a")] * x_v[i], (i, 0, 3))),
    # -- e, exp, log --------------------------------------------------------------------------------
    ("e", sp.E),
    ("e^{x}", sp.exp(x)),
    ("e^x", R("e")**x, DECLARED_E),
    ("\\exp x", sp.exp(x)),                                                   # sympy
    ("\\exp(x)", sp.exp(x)),                                                  # sympy
    ("\\exp(z_k)", sp.exp(z[k])),
    ("\\mathrm{e}^{x}", sp.exp(x)),
    ("\\log x", sp.log(x)),                                                   # sympy
    ("\\ln x", sp.log(x)),                                                    # sympy
    ("\\log_2 x", sp.log(x, 2)),                                              # sympy
    ("\\log_{2} x", sp.log(x, 2)),                                            # sympy
    ("\\log_a x", sp.log(x, a)),                                              # sympy
    ("\\log_{a} x", sp.log(x, a)),                                            # sympy
    ("\\log_{11} x", sp.log(x, 11)),                                          # sympy
    ("\\log_{a^2} x", sp.log(x, a**2)),                                       # sympy
    ("\\log_{10}(x)", sp.log(x, 10)),
    ("\\lg x", UNPARSED),                                                     # sympy: base 2 or 10?
    ("\\log x y", UNPARSED),                                                  # where does the argument end?
    ("\\log \\frac{\\phi}{1-\\phi}", sp.log(phi / (1 - phi))),
    ("\\log x + 1", sp.log(x) + 1),
    ("\\log x \\cdot y", sp.log(x) * y),
    ("\\log", UNPARSED),
    # -- sigmoid and friends ---------------------------------------------------------------------
    ("\\sigma(x)", sigmoid(x)),
    ("\\sigma(z_i)", sigmoid(z[i])),
    ("\\sigma(x)", sp.Function("sigma", real=True)(x), FUNCTIONS),
    ("\\sigma(x+1)", sigma_ * (x + 1), SIGMA_SCALAR),
    ("\\sigma(z)_i", UNPARSED),                                               # sigmoid or softmax?
    ("\\sigma^2", sigma_**2),
    ("\\tanh x", sp.tanh(x)),
    ("\\sinh(x)", sp.sinh(x)),
    ("\\cosh x", sp.cosh(x)),
    ("\\operatorname{sigmoid}(x)", sigmoid(x)),
    ("\\operatorname{softplus}(x)", sp.log(1 + sp.exp(x))),
    ("\\operatorname{logsumexp}(z)", sp.log(sp.Sum(sp.exp(z[j]), (j, 1, n)))),
    ("\\mathrm{LSE}(z)", sp.log(sp.Sum(sp.exp(z[j]), (j, 1, n)))),
    ("\\mathrm{LSE}(z)_i", UNPARSED),
    ("\\sin \\theta", sp.sin(theta)),                                         # sympy
    ("\\sin(\\theta)", sp.sin(theta)),                                        # sympy
    ("\\sin a \\cos b", sp.sin(a) * sp.cos(b)),                               # sympy
    ("\\sin \\cos \\theta", sp.sin(sp.cos(theta))),                           # sympy
    ("\\sin(\\cos \\theta)", sp.sin(sp.cos(theta))),                          # sympy
    ("\\sin^2 x", sp.sin(x)**2),
    ("\\sin^{-1} a", UNPARSED),                                               # sympy: inverse or reciprocal?
    ("\\sin^x", UNPARSED),                                                    # sympy (bad)
    ("\\cos^2", UNPARSED),                                                    # sympy (bad)
    ("\\cos 1 \\cos", UNPARSED),                                              # sympy (bad)
    # -- softmax ----------------------------------------------------------------------------------
    ("\\mathrm{softmax}(z)_i", softmax(z, i)),
    ("\\operatorname{softmax}(\\mathbf z)_i", softmax(z, i)),
    ("\\text{softmax}(z)_i", softmax(z, i)),
    ("\\text{softmax}(\\boldsymbol z)_1", softmax(z, 1)),
    ("\\mathrm{softmax}(z_i)", softmax(z, i)),
    ("\\mathrm{softmax}(z)_j", softmax(z, j, k)),                             # the bound index avoids j
    ("\\mathrm{softmax}(z)_i", softmax(z, i, j, K), DIM_K),
    ("\\log \\text{softmax}(\\boldsymbol z)_i", sp.log(softmax(z, i))),
    ("\\mathrm{softmax}(z)", UNPARSED),                                       # a vector, not an entry
    ("\\mathrm{softmax}(z + c)_i", UNPARSED),
    ("\\mathrm{softmax}(z_i)_i", UNPARSED),
    ("\\frac{\\exp(z_i)}{\\sum_j \\exp(z_j)}", sp.exp(z[i]) / sp.Sum(sp.exp(z[j]), (j, 1, n))),
    # -- absolute values and norms ---------------------------------------------------------------
    ("|x|", sp.Abs(x)),                                                       # sympy
    ("||x||", sp.Abs(sp.Abs(x))),                                             # sympy
    ("|x||y|", sp.Abs(x) * sp.Abs(y)),                                        # sympy
    ("||x||y||", UNPARSED),                                                   # sympy: ambiguous bars
    ("\\lvert x \\rvert", sp.Abs(x)),
    ("\\left| x - 1 \\right|", sp.Abs(x - 1)),
    ("\\|x\\|", sp.sqrt(sp.Sum(x_v[j] ** 2, (j, 1, n)))),                      # a vector's norm, as x^T x
    ("\\|x\\|", sp.Abs(x), SCALAR_X),                                         # a declared scalar's norm
    ("\\lVert z \\rVert^2", sp.Sum(z[j] ** 2, (j, 1, n))),
    ("\\|x + y\\|", sp.sqrt(sp.Sum((x_v[j] + y_v[j]) ** 2, (j, 1, n))), VECTORS_XY),   # a combination of vectors
    ("\\|x - \\tfrac12 y\\|^2", sp.Sum((x_v[j] - y_v[j] / 2) ** 2, (j, 1, n)), VECTORS_XY),
    ("\\|x + y\\|", UNPARSED),                                 # names the document never shows as vectors: which?
    ("\\|x + y\\|", UNPARSED, SCALAR_X),                                      # (x a declared scalar, y not: which?)
    ("\\|\\lambda x + y\\|", UNPARSED),                                         # which factor is the vector?
    ("\\|x_i - y\\|", UNPARSED),                                               # an entry beside a vector
    ("\\|x\\|_2^2", sp.Sum(x_v[j] ** 2, (j, 1, n))),                             # the Euclidean norm, named
    ("\\|x\\|_1", UNPARSED),                                                 # another norm: not read
    ("|", UNPARSED),                                                          # sympy (bad)
    ("||x|", UNPARSED),                                                       # sympy (bad)
    ("\\lfloor x \\rfloor", sp.floor(x)),                                     # sympy
    ("\\lceil x \\rceil", sp.ceiling(x)),                                     # sympy
    ("\\langle x |", UNPARSED),                                               # sympy: bra-ket refused
    ("| x \\rangle", UNPARSED),                                               # sympy
    # -- probabilities: opaque positive numbers of what they are written of --------------------------
    ("P(a|x)", Prob("P(_|_)", a, x)),
    ("P(a \\mid x)", Prob("P(_|_)", a, x)),
    ("P(y = 1 | \\mathbf{x})", Prob("P(_=_|_)", y, 1, x)),
    ("P(y=1\\mid\\boldsymbol x)", Prob("P(_=_|_)", y, 1, x)),
    ("p(y_i|x)", Prob("p(_|_)", y_v[i], x)),
    ("p(y; \\theta)", Prob("p(_;_)", y, theta)),
    ("p(y; \\theta)", sp.Function("p", real=True)(y, theta), Context(functions=frozenset({"p"}))),  # a function
    ("\\operatorname{swish}'(x)", sp.Derivative(sp.Function("swish", real=True)(x), x),
     Context(functions=frozenset({"swish"}))),       # the prime of a defined word function is kept
    ("f_1'(x)", sp.Derivative(sp.Function("f_1", real=True)(x), x),
     Context(functions=frozenset({"f_1"}))),         # a prime after the subscript: f'_1 written f_1'
    ("P(A, B)", Prob("P(_,_)", R("A"), R("B"))),
    ("P(A)", Prob("P(_)", R("A"))),
    ("\\Pr(A | B)", Prob("Pr(_|_)", R("A"), R("B"))),
    ("\\mathbb{P}(A)", Prob("P_bb(_)", R("A"))),
    ("\\tilde{P}(y, \\mathbf{x})", Prob("P_tilde(_,_)", y, x)),
    ("p_\\theta(y | x)", Prob("p_theta(_|_)", y, x)),
    ("q(z | x)", Prob("q(_|_)", R("z"), x)),
    ("P(\\text{sex} = \\text{girl})", Prob("P(sex=girl)")),
    ("\\sum_k P(y = k | x)", sp.Sum(Prob("P(_=_|_)", y, k, x), (k, 1, n))),   # depends on the index
    ("\\log P(y | x)^2", sp.log(Prob("P(_|_)", y, x)**2)),
    ("P(|x| > 1 | y)", Prob("P(_>_|_)", sp.Abs(x), 1, y)),
    ("p(1 - p)", R("p") * (1 - R("p"))),                                      # a product, not a probability
    ("\\Gamma(-1/2)", -2 * sp.sqrt(sp.pi)),          # the gamma function (it was refused: a value or a product?)
    ("F(0.5)", UNPARSED),                                                     # a value at a number, or a product?
    ("a(a + 1)", R("a") * (R("a") + 1)),                                      # a product: the group has a name
    ("q(x)", UNPARSED),                                                       # q without a bar: a value or a product?
    ("E(y | x)", sp.Function("E(_|_)", real=True)(y, x)),                      # a conditional expectation
    ("E[y \\mid x]", sp.Function("E[_|_]", real=True)(y, x)),
    ("\\mathbb{E}[X]", sp.Function("E[_]", real=True)(R("X"))),
    ("\\mathbb{E}_{x \\sim q}[x^2]", sp.Function("E_{_sim_}[_]", real=True)(x, R("q"), x**2)),
    ("E(x)", sp.Function("E(_)", real=True)(x)),
    ("E(x)", f(x), Context(names={"E": f})),          # a declared function E keeps its meaning
    ("h_\\theta(y | x)", UNPARSED),
    ("f(a | b)", UNPARSED),
    ("P(a|x)_i", UNPARSED),
    ("a \\mid b", UNPARSED),                                                  # a bar outside a probability
    ("\\{x | x > 0\\}", UNPARSED),                                           # set-builder notation
    # -- max and min ------------------------------------------------------------------------------
    ("\\max(a, b)", sp.Max(a, b)),
    ("\\min(a, b, c)", sp.Min(a, b, c)),
    ("\\max_{1 \\le i \\le 3} z_i", sp.Max(z[1], z[2], z[3])),
    ("\\min_{i=1}^{3} z_i", sp.Min(z[1], z[2], z[3])),
    ("\\max_{0 < i < 3} z_i", sp.Max(z[1], z[2])),
    ("\\max_i z_i", z[Z("argmax_z")]),             # a symbolic range: the entry at an index of the max
    ("\\max_{1 \\le i \\le n} z_i", z[Z("argmax_z")]),
    ("\\min_k w_k", w[Z("argmin_w")]),
    ("\\max_i c", UNPARSED),                        # the argument does not use the index
    ("\\max_{1 \\le i \\le 100} z_i", UNPARSED),                              # too many entries
    ("\\max(z)", UNPARSED),                                                   # max of a vector?
    ("\\max z", UNPARSED),
    # -- sums and products ---------------------------------------------------------------------
    ("\\sum_{i=1}^{n} z_i", sp.Sum(z[i], (i, 1, n))),
    ("\\sum_{i=1}^n z_i", sp.Sum(z[i], (i, 1, n))),
    ("\\sum_i z_i", sp.Sum(z[i], (i, 1, n))),
    ("\\sum_{i} z_i", sp.Sum(z[i], (i, 1, n))),
    ("\\sum_i z_i", sp.Sum(z[i], (i, 1, K)), DIM_K),
    ("\\sum_{j=1}^{K} e^{z_j}", sp.Sum(sp.exp(z[j]), (j, 1, Z("K")))),
    ("\\sum_{k \\ne t} z_k", sp.Sum(z[k], (k, 1, n)) - z[t]),
    ("\\sum_{k \\neq t} e^{z_k}", sp.Sum(sp.exp(z[k]), (k, 1, n)) - sp.exp(z[t])),
    ("\\prod_{i=1}^{n} z_i", sp.Product(z[i], (i, 1, n))),
    ("\\prod_i e^{w_i}", sp.Product(sp.exp(w[i]), (i, 1, n))),
    ("\\prod_{k \\ne t} z_k", sp.Product(z[k], (k, 1, n)) / z[t]),
    ("\\sum_i z_i + 1", sp.Sum(z[i], (i, 1, n)) + 1),
    ("\\sum_i z_i w_i", sp.Sum(z[i] * w[i], (i, 1, n))),
    ("\\sum_i z_i / 2", sp.Sum(z[i] / 2, (i, 1, n))),
    ("2 \\sum_i z_i", 2 * sp.Sum(z[i], (i, 1, n))),
    ("\\sum_{i,j} z_{ij}", sp.Sum(z[i, j], (i, 1, n), (j, 1, n))),
    ("\\sum_{1 \\le i \\le n} z_i", sp.Sum(z[i], (i, 1, n))),
    ("\\sum_{i=1} z_i", UNPARSED),                                            # no upper bound
    ("\\sum z_i", UNPARSED),                                                  # no index
    ("\\sum_i", UNPARSED),                                                    # no summand
    ("\\sum_{i \\in S} z_i", UNPARSED),
    ("\\sum_{k = 1}^{3} c", sp.Sum(c, (k, 1, 3))),                            # sympy
    ("\\sum_{k = 1}^3 c", sp.Sum(c, (k, 1, 3))),                              # sympy
    ("\\sum^{3}_{k = 1} c", sp.Sum(c, (k, 1, 3))),                            # sympy
    ("\\sum^3_{k = 1} c", sp.Sum(c, (k, 1, 3))),                              # sympy
    ("\\sum_{k = 1}^{10} k^2", sp.Sum(k**2, (k, 1, 10))),                     # sympy
    ("\\sum_{n = 0}^{\\infty} \\frac{1}{n!}",                                 # sympy
     sp.Sum(1 / sp.factorial(Z("n")), (Z("n"), 0, sp.oo))),
    ("\\sum_{k \\ge 0} c^k", sp.Sum(c**k, (k, 0, sp.oo))),                   # k = 0, 1, 2, …
    ("\\sum_{k > 0} c^k", sp.Sum(c**k, (k, 1, sp.oo))),
    ("\\sum_{k \\ge 0}^{n} c^k", UNPARSED),                                  # a lower bound twice over
    ("\\max_{k \\ge 0} c^k", UNPARSED),                                      # a max over infinitely many
    ("\\prod_{a = b}^{c} x", sp.Product(x, (Z("a"), Z("b"), Z("c")))),        # sympy
    ("\\prod_{a = b}^c x", sp.Product(x, (Z("a"), Z("b"), Z("c")))),          # sympy
    ("\\prod^{c}_{a = b} x", sp.Product(x, (Z("a"), Z("b"), Z("c")))),        # sympy
    ("\\prod^c_{a = b} x", sp.Product(x, (Z("a"), Z("b"), Z("c")))),          # sympy
    # -- Kronecker deltas and indicators ---------------------------------------------------------
    ("\\delta_{ij}", sp.KroneckerDelta(i, j)),
    ("\\delta_{i,j}", sp.KroneckerDelta(i, j)),
    ("\\delta_{kt}", sp.KroneckerDelta(k, t)),
    ("\\delta_{1j}", sp.KroneckerDelta(1, j)),                                # row 1, column j: never δ at 1·j
    ("\\delta_{2k}", sp.KroneckerDelta(2, k)),                                # a delta has two indices
    ("J_{1j}", sp.IndexedBase("J", real=True)[1, j]),                          # 1·j is written by no one
    ("x_{2k}", sp.IndexedBase("x", real=True)[2 * k]),                         # the entry 2k (even entries)
    ("s_{i1} - s_{i2}", sp.IndexedBase("s", real=True)[i, 1] - sp.IndexedBase("s", real=True)[i, 2]),  # row i, column 1
    ("x_{i12}", UNPARSED),                                                    # i,1,2 or i,12? refused
    ("s_{i1}^2", sp.IndexedBase("s", real=True)[i, 1] ** 2),
    ("p_i \\delta_{ij} - p_i p_j", p[i] * sp.KroneckerDelta(i, j) - p[i] * p[j]),
    ("\\delta_t + \\gamma \\delta_{t+1}", sp.IndexedBase("delta", real=True)[t]
     + sp.Symbol("gamma", real=True) * sp.IndexedBase("delta", real=True)[t + 1]),   # one index: a TD error's entry
    ("\\mathbb{1}\\{y = k\\}", sp.KroneckerDelta(Z("y"), k)),
    ("\\mathbb{1}_{\\{y=k\\}}", sp.KroneckerDelta(Z("y"), k)),
    ("\\mathbb{1}[y = k]", sp.KroneckerDelta(Z("y"), k)),                  # Iverson's brackets
    ("\\operatorname{Var}[X]", sp.Function("Var[_]", nonnegative=True)(R("X"))),   # a statistic: opaque
    ("P(+ \\mid D)", Prob("P(+|_)", R("D"))),                               # a test result as a sign
    ("P(+)", sp.Function("P(+)", positive=True)()),
    ("\\lambda_{\\max}", R("lambda_max")),                                 # a subscript \max names
    ("\\mathcal{N}(x \\mid 0, 2)", sp.exp(-x ** 2 / 4) / (2 * sp.sqrt(sp.pi))),     # the normal density
    ("\\mathcal{N}(0, 1)", Normal(0, 1)),                    # a distribution, not a number (an object: P = N(0, 1))
    ("\\mathcal{N}(0, 1) + 1", UNPARSED),                                     # a distribution used as a number
    ("1\\,048\\,576", sp.Integer(1048576)),                                   # digits grouped by threes
    ("2\\,000 + 3\\,000", sp.Integer(5000)),
    ("2\\,3", UNPARSED),                                                     # a separator, or a product?
    ("\\mathcal{N}(\\mathbf{x} \\mid \\mu, \\Sigma)", UNPARSED),                    # multivariate: not read
    ("\\mathrm{KL}(p \\| q)", sp.Function("KL(_‖_)", nonnegative=True)(R("p"), R("q"))),
    ("(1 - a)\\, \\mathbb{1}\\{k = y\\} + b", (1 - a) * sp.KroneckerDelta(k, Z("y")) + b),   # after a factor
    ("2 \\mathbb{1}\\{k = y\\}", 2 * sp.KroneckerDelta(k, Z("y"))),
    ("a\\,\\mathbb{1}\\{y = k\\} b", a * b * sp.KroneckerDelta(Z("y"), k)),
    ("\\mathbb{1}_{y=k}", sp.KroneckerDelta(Z("y"), k)),
    ("1\\{y=k\\}", sp.KroneckerDelta(Z("y"), k)),
    ("\\mathbf{1}\\{y=k\\}", sp.KroneckerDelta(Z("y"), k)),
    ("I\\{y=k\\}", sp.KroneckerDelta(Z("y"), k)),
    ("1 \\left\\{ y=1 \\right\\}", sp.KroneckerDelta(Z("y"), 1)),
    ("\\phi_1^{1\\{y=1\\}}", phi_v[1]**sp.KroneckerDelta(Z("y"), 1)),
    ("\\mathbb{1}", UNPARSED),
    ("1\\{y \\ne k\\}", sp.Piecewise((1, sp.Ne(Z("y"), k)), (0, True))),       # an indicator of an inequality
    ("\\mathbb{1}\\{x < 0\\}", sp.Piecewise((1, x < 0), (0, True))),
    ("1[0 \\le x \\le 1]", sp.Piecewise((1, (x >= 0) & (x <= 1)), (0, True))),   # Iverson brackets
    ("\\{y = k\\}", UNPARSED),
    # -- derivatives ------------------------------------------------------------------------------
    ("\\frac{\\partial}{\\partial z_j} F", D(F, z[j])),
    ("\\frac{\\partial F}{\\partial z_j}", D(F, z[j])),
    ("\\frac{\\partial y_i}{\\partial z_j}", D(y_v[i], z[j])),
    ("\\frac{d}{dx} F", D(F, x)),
    ("\\frac{dF}{dx}", D(F, x)),
    ("\\frac{\\partial^2 F}{\\partial x^2}", D(F, (x, 2))),
    ("\\frac{\\partial^2 F}{\\partial x \\partial y}", D(F, x, y)),
    ("\\frac{\\partial}{\\partial x} x^2 y", D(x**2 * y, x)),
    ("\\frac{\\partial}{\\partial x} x^2 + y", D(x**2, x) + y),
    ("\\frac{d}{dx}(x^2 + 1)", D(x**2 + 1, x)),
    ("\\frac{d}{dx}(x^2) y", UNPARSED),                                      # is y inside?
    ("\\frac{\\mathrm{d}}{\\mathrm{d}x} x^2", D(x**2, x)),
    ("\\frac{\\partial}{\\partial z_j} \\log \\sum_k e^{z_k}",
     D(sp.log(sp.Sum(sp.exp(z[k]), (k, 1, n))), z[j])),
    ("\\frac{d}{dx} x", D(x, x)),                                             # sympy
    ("\\frac{d}{dt} x", D(x, t_)),                                            # sympy
    ("\\frac{d}{dx} [ \\tan x ]", D(sp.tan(x), x)),                           # sympy
    ("\\frac{d f(x)}{dx}", D(f(x), x), FUNCTIONS),                            # sympy (f declared)
    ("\\frac{d f(x)}{dx}", UNPARSED),                                         # sympy: f undeclared
    ("\\frac{d}{dx}", UNPARSED),                                              # sympy (bad)
    ("(\\frac{d}{dx})", UNPARSED),                                            # sympy (bad)
    ("\\frac{d}{dx} + \\frac{d}{dt}", UNPARSED),                              # sympy (bad)
    ("\\frac{\\partial^2 F}{\\partial x}", UNPARSED),                         # orders differ
    ("\\partial y_i / \\partial z_j", D(y_v[i], z[j])),                         # inline: as \frac{∂y_i}{∂z_j}
    ("\\partial L / \\partial b", D(R("L"), b)),
    ("\\partial L/\\partial w_j", D(R("L"), w[j])),
    ("\\partial^2 L / \\partial b^2", D(R("L"), (b, 2))),
    ("\\partial^2 L / \\partial w \\partial b", D(R("L"), R("w"), b)),
    ("\\partial (x^2 y) / \\partial x", D(x**2 * y, x)),
    ("\\partial f(x) / \\partial x", D(f(x), x), FUNCTIONS),
    ("2 \\partial L / \\partial b + 1", 2 * D(R("L"), b) + 1),
    ("\\partial L / \\partial b \\cdot x", D(R("L"), b) * x),
    ("\\sum_j \\partial L / \\partial w_j", sp.Sum(D(R("L"), w[j]), (j, 1, n))),
    ("dL/dz", D(R("L"), R("z"))),                                             # d is nothing else here
    ("d L / d x", D(R("L"), x)),
    ("d\\sigma/dz", D(sigmoid(R("z")), R("z"))),
    ("\\partial L / \\partial w_j x_j", UNPARSED),                              # is x_j below the bar?
    ("\\partial L / \\partial b (x + 1)", UNPARSED),
    ("x / \\partial L / \\partial b", UNPARSED),
    ("\\partial L / \\partial b^2", UNPARSED),                                  # orders differ
    ("\\partial L / 2", UNPARSED),                                              # no variable
    ("\\partial / \\partial x", UNPARSED),
    ("\\partial \\log p / \\partial z", D(sp.log(R("p")), R("z"))),               # F is a factor, f(…) or \log name
    ("\\partial \\log p q / \\partial z", UNPARSED),                            # log(p)·q or log(pq)?
    ("\\partial L", UNPARSED),
    ("\\partial_x (x^2 + y)", D(x**2 + y, x)),                               # ∂_x F: the partial derivative
    ("\\partial_\\beta \\log Z", D(sp.log(R("Z")), R("beta"))),
    ("\\partial_{z_i} \\log z_i", D(sp.log(z[i]), z[i])),
    ("\\partial_j \\log x", UNPARSED),                                       # an index: with respect to x_j?
    ("\\partial_x", UNPARSED),                                                # nothing to differentiate
    ("dL/dz", UNPARSED, DIM_D),                                               # d the dimension
    ("dL/dz", UNPARSED, DECLARED_D),                                          # d a declared variable
    ("dL/dz", UNPARSED, Context(families=frozenset({"d"}))),                  # d_i elsewhere in the text
    ("dL/dz + d", UNPARSED),                                                  # d written elsewhere
    ("dL/dz + dM/dz", UNPARSED),
    ("d / 2", R("d") / 2),                                                    # a d that is no derivative
    ("\\nabla f", UNPARSED),
    ("\\nabla_w^2 f", D(R("f"), (R("w"), 2))),                                 # a scalar w: d²f/dw²
    ("\\nabla^2_{w} f", D(R("f"), (R("w"), 2))),
    ("\\nabla^3_w f", UNPARSED),                                              # only the Hessian
    ("\\nabla^2 f", UNPARSED),                                                # with respect to what?
    # the gradient of a function of one scalar at a point: its derivative there (an unknown function's
    # when the text never defines it; ∇ says f is a function, so f(…) is no product)
    ("\\nabla f(\\theta_{t-1})", sp.Subs(D(f(u_), u_), u_, theta_v[t - 1])),
    ("\\nabla f(2x) + 1", sp.Subs(D(f(u_), u_), u_, 2 * x) + 1, FUNCTIONS),
    ("\\nabla f(x) y", D(f(x), x) * y),
    ("\\nabla f(x)^2", UNPARSED),                                            # ∇(f(x)²) or (∇f(x))²?
    ("\\nabla f(x, y)", UNPARSED),                                           # a gradient of two
    ("\\nabla f(\\mathbf{w})", UNPARSED),                                    # at a vector
    ("\\nabla x(y)", UNPARSED, DECLARED_XY),                                 # x a declared scalar
    ("\\nabla f(\\theta)", UNPARSED, Context(vectors={"theta": None})),          # θ a vector of the text
    ("f'(x)", D(f(x), x), FUNCTIONS),
    ("f''(x)", D(f(x), (x, 2)), FUNCTIONS),
    ("f'(x)", UNPARSED),
    ("f'(2x)", sp.Subs(D(f(u_), u_), u_, 2 * x), FUNCTIONS),                  # at a point: f' at t, t = 2x
    ("f'(2)", sp.Subs(D(f(u_), u_), u_, 2), FUNCTIONS),
    ("f''(2)", sp.Subs(D(f(u_), (u_, 2)), u_, 2), FUNCTIONS),
    ("f'(a + b)^2", sp.Subs(D(f(u_), u_), u_, a + b)**2, FUNCTIONS),
    ("\\sigma'(0)", sp.Subs(D(sp.Function("sigma", real=True)(u_), u_), u_, 0), FUNCTIONS),  # the text's σ
    ("f'(2)", UNPARSED),                                                      # f undeclared
    ("f'(x, y)", UNPARSED, FUNCTIONS),                                        # with respect to which?
    ("\\sigma'(x)", D(sigmoid(x), x)),                                        # the sigmoid's derivative
    ("\\sigma^{-1}(p)", sp.log(R("p") / (1 - R("p")))),                       # the sigmoid's inverse: the logit
    ("\\sigma^{2}(p)", UNPARSED),                                             # σ(p)² or σ(σ(p))?
    ("\\sigma''(x)", D(sigmoid(x), (x, 2))),
    ("\\sigma'(0)", sp.Rational(1, 4)),                                       # computed at the point
    ("\\sigma''(0)", sp.Integer(0)),
    ("\\sigma'(0)^2", sp.Rational(1, 16)),
    ("\\sigma'(a + b)", sp.exp(-a - b) / (1 + sp.exp(-a - b))**2),
    ("\\sigma'(z_i)", sp.exp(-z[i]) / (1 + sp.exp(-z[i]))**2),
    ("\\sigma'(0)", UNPARSED, SIGMA_SCALAR),                                   # σ a declared scalar
    ("\\sigma'''''''(0)", UNPARSED),                                       # order 7 at a point
    ("\\tanh'(x)", D(sp.tanh(x), x)),                                         # once read as tanh(x)
    ("\\tanh'(0)", sp.Integer(1)),
    ("\\exp'(x)", D(sp.exp(x), x)),
    ("\\log'(2)", sp.Rational(1, 2)),
    ("\\sin'(\\pi)", sp.Integer(-1)),
    ("\\operatorname{softplus}'(x)", D(sp.log(1 + sp.exp(x)), x)),
    ("\\mathrm{softplus}'(0)", sp.Rational(1, 2)),
    ("\\mathrm{softmax}'(z)", UNPARSED),
    ("\\tanh' x", UNPARSED),                                                  # write \tanh'(x)
    ("\\operatorname{sign}(x)", UNPARSED),                                   # sign(0): a convention
    ("\\mathrm{sgn}(x - 1)", UNPARSED),
    ("\\operatorname{artanh}(x)", (sp.log(1 + x) - sp.log(1 - x)) / 2),     # real for |x| < 1 only
    ("\\operatorname{arsinh}(x)", sp.log(x + sp.sqrt(x ** 2 + 1))),
    ("\\log'_2(x)", UNPARSED),
    ("\\sin'^2(x)", UNPARSED),
    ("a'b+ab'", UNPARSED),                                                    # sympy: primes on names
    ("y''_1", UNPARSED),                                                      # sympy
    ("y_1''", UNPARSED),                                                      # sympy
    ("f'_1(x)", UNPARSED),                                                    # sympy
    # -- definite integrals: the differential ends the integrand, its variable is bound --------------
    ("\\int_0^{\\infty} \\lambda e^{-\\lambda x} \\, dx", sp.Integral(lam * sp.exp(-lam * x), (x, 0, sp.oo))),
    ("\\int_{-\\infty}^{\\infty} \\frac{1}{\\sqrt{2\\pi}} e^{-x^2/2} dx",
     sp.Integral(sp.exp(-x**2 / 2) / sp.sqrt(2 * sp.pi), (x, -sp.oo, sp.oo))),
    ("\\int_a^b f(x)\\,dx", sp.Integral(f(x), (x, a, b)), FUNCTIONS),
    ("\\int_0^1 x^2 \\mathrm{d}x", sp.Integral(x**2, (x, 0, 1))),
    ("\\int_0^1 x^2 d x", sp.Integral(x**2, (x, 0, 1))),
    ("\\int_0^1 x^2 \\ dx", sp.Integral(x**2, (x, 0, 1))),
    ("\\int_0^{2\\pi} \\sin \\theta \\, d\\theta", sp.Integral(sp.sin(theta), (theta, 0, 2 * sp.pi))),
    ("\\int_0^1 x dx + x", sp.Integral(x, (x, 0, 1)) + sp.Symbol("x", positive=True),
     DECLARED_POSITIVE),   # bound x, then the declared x
    ("2 \\int_0^1 x^2 dx + 1", 2 * sp.Integral(x**2, (x, 0, 1)) + 1),
    ("\\int_0^1 \\sum_{i=1}^n x^i dx", sp.Integral(sp.Sum(x**i, (i, 1, n)), (x, 0, 1))),
    ("\\int x \\, dx", UNPARSED),                                              # indefinite
    ("\\int_0 x \\, dx", UNPARSED),                                            # one bound
    ("\\int_0^1 f", UNPARSED),                                                   # no differential
    ("\\int_0^1 f(x)", UNPARSED, FUNCTIONS),
    ("\\int_0^1 \\frac{dx}{x}", UNPARSED),                                       # the differential not last
    ("\\int_0^1 dx \\, x^2", UNPARSED),
    ("\\int_0^1 x dx \\cdot 3", UNPARSED),
    ("\\int_0^1 x^2 \\cdot dx", UNPARSED),
    ("\\int_0^1 x \\, dx", UNPARSED, DECLARED_D),                                 # d a variable: d times x?
    ("\\int_0^1 x^d \\, dx", UNPARSED, DIM_D),
    ("\\int_0^1 d x \\, dx", UNPARSED),                                          # d written in the integrand
    ("\\int_0^1 \\frac{d}{dy} y^2 \\, dx", UNPARSED),
    ("\\int_0^1 \\int_0^1 x y \\, dy \\, dx", UNPARSED),                      # multiple integrals
    ("\\int_0^1 (\\int_0^1 y \\, dy) dx", UNPARSED),
    ("\\iint_D f \\, dA", UNPARSED),
    ("\\oint_C f \\, ds", UNPARSED),
    ("\\int_0^x x \\, dx", UNPARSED),                                            # the variable in its bound
    ("\\int_0^1 x \\, dx_i", UNPARSED),                                          # not a plain name
    ("\\int_0^1 x \\, d\\mathbf{x}", UNPARSED),
    ("\\int_0^1 z_x \\, dx", UNPARSED),                                          # x as an index
    ("\\int_0^1 e^{x} de", UNPARSED),
    ("\\frac{d}{dx} x^2", D(x**2, x), DIM_D),                                      # d elsewhere reads as before
    ("d x", sp.Symbol("d", integer=True, positive=True) * x, DIM_D),
    ("d x", R("d") * x, DECLARED_D),
    # -- applications of names ------------------------------------------------------------------
    ("f(x)", UNPARSED),                                                       # sympy: f undeclared
    ("f(x)", f(x), FUNCTIONS),                                                # sympy
    ("f(x, y)", f(x, y), FUNCTIONS),                                          # sympy
    ("f(x, y, z)", f(x, y, R("z")), FUNCTIONS),                               # sympy
    ("f(x, y)", UNPARSED),
    ("f(x)^2", f(x)**2, FUNCTIONS),
    ("g(f(x))", g(f(x)), FUNCTIONS),
    ("p(y; \\phi)", sp.Function("p", real=True)(y, phi), FUNCTIONS),
    ("p(y; \\phi)", Prob("p(_;_)", y, phi)),                                 # undeclared: a probability
    ("g(y; \\phi)", UNPARSED),
    ("f(x,,y)", UNPARSED, FUNCTIONS),                                         # sympy (bad)
    ("f(x,y,", UNPARSED, FUNCTIONS),                                          # sympy (bad)
    ("f(,", UNPARSED, FUNCTIONS),                                             # sympy (bad)
    ("f()", UNPARSED, FUNCTIONS),                                             # sympy (bad)
    ("T(y)", UNPARSED),                                                       # a value or a product?
    ("T(y)", T * y, DECLARED_T),
    ("h_\\theta(x)", sp.Function("h_theta", real=True)(x)),                 # the hypothesis h_θ at x (SymPy: h·θ·x)
    ("h_{\\theta}(x_0, x_1)", UNPARSED),                                      # several arguments: not guessed
    ("h^j(x)", UNPARSED),
    ("x(1 - x)", x * (1 - x)),
    # -- limits -----------------------------------------------------------------------------------
    ("\\lim_{T \\to \\infty} F", sp.Limit(F, T, sp.oo)),
    ("\\lim_{x \\to 0^+} f", sp.Limit(R("f"), x, 0, "+")),
    ("\\lim_{x \\to 0^-} \\frac{1}{x}", sp.Limit(1 / x, x, 0, "-")),
    ("\\lim_{x\\to 0} \\frac{\\sin x}{x}", sp.Limit(sp.sin(x) / x, x, 0, "+-")),
    ("\\lim_{x \\to 3} a", sp.Limit(a, x, 3, "+-")),                          # sympy
    ("\\lim_{x \\rightarrow 3} a", sp.Limit(a, x, 3, "+-")),                  # sympy
    ("\\lim_{x \\longrightarrow 3} a", sp.Limit(a, x, 3, "+-")),              # sympy
    ("\\lim_{x \\Rightarrow 3} a", UNPARSED),                                 # sympy: an implication
    ("\\lim_{x \\to 3^{+}} a", sp.Limit(a, x, 3, "+")),                       # sympy
    ("\\lim_{x \\to 3^{-}} a", sp.Limit(a, x, 3, "-")),                       # sympy
    ("\\lim_{x \\to 3^+} a", sp.Limit(a, x, 3, "+")),                         # sympy
    ("\\lim_{x \\to 3^-} a", sp.Limit(a, x, 3, "-")),                         # sympy
    ("\\lim_{x \\to \\infty} \\frac{1}{x}", sp.Limit(1 / x, x, sp.oo)),       # sympy
    ("\\lim x", UNPARSED),
    ("\\infty", sp.oo),                                                       # sympy
    ("-\\infty", -sp.oo),
    # -- transposes -------------------------------------------------------------------------------
    ("\\theta^T x", sp.Sum(theta_v[j] * x_v[j], (j, 1, n))),       # two vector names: Σ_j θ_j x_j
    ("\\theta^Tx", sp.Sum(theta_v[j] * x_v[j], (j, 1, n))),
    ("\\mathbf{w}^\\top \\mathbf{x} + b", sp.Sum(w[j] * x_v[j], (j, 1, n)) + b),
    ("\\theta_j^\\top x", DOT(theta_v[j], x)),
    ("W^\\top h", DOT(W, h)),
    ("{W}^\\top h + b", DOT(W, h) + b),
    ("\\boldsymbol W^\\top \\boldsymbol h+\\boldsymbol b", UNPARSED),   # a matrix times a vector
    ("\\boldsymbol W^\\top \\boldsymbol h", UNPARSED, Context(entry=i)),
    ("\\eta^T .y", sp.Sum(eta_v[j] * y_v[j], (j, 1, n))),
    ("e^{\\theta_i^T x}", sp.exp(DOT(theta_v[i], x))),
    ("x^T", UNPARSED),
    ("x^\\top (y + 1)", UNPARSED),
    ("e^T", sp.exp(T)),
    ("x^T", x**T, DECLARED_T),
    ("\\theta^T x", sp.Sum(theta_v[j] * x_v[j], (j, 1, n)),
     Context(names={"T": sp.Function("T", real=True)})),                     # T a function
    ("\\theta^T x", DOT(theta, x), Context(names={"theta": theta})),         # a declared scalar: opaque
    # -- text --------------------------------------------------------------------------------------
    ("\\text{for}", UNPARSED),
    ("x \\text{ if } x", UNPARSED),
    ("\\mathrm{foo}(x)", UNPARSED),
    ("\\operatorname{argmax}(z)", UNPARSED),
    ("x 的", UNPARSED),
    ("\\text{如果}", UNPARSED),
    ("\\mathit{HELLO world}", UNPARSED),                                      # sympy
    # -- informal forms from real notes ----------------------------------------------------------
    ("y.log(\\phi)", y * sp.log(phi)),
    ("exp(y.log(\\phi) + (1-y).log(1-\\phi))", sp.exp(y * sp.log(phi) + (1 - y) * sp.log(1 - phi))),
    ("1 / (1 + e^\\eta)", 1 / (1 + sp.exp(eta))),
    ("(1/\\sqrt{2\\pi})exp(-y^2/2)", sp.exp(-y**2 / 2) / sp.sqrt(2 * sp.pi)),
    ("\\frac{e^{\\theta_i^Tx}} { \\sum_{j=1}^{K} e^{\\theta_j^Tx} }",
     sp.exp(DOT(theta_v[i], x)) / sp.Sum(sp.exp(DOT(theta_v[j], x)), (j, 1, Z("K")))),
    ("\\frac{\\partial}{\\partial x_i} \\frac{e^{x_i}}{\\sum_{k=1}^{n}{e^{x_k}}}",
     D(sp.exp(x_v[i]) / sp.Sum(sp.exp(x_v[k]), (k, 1, n)), x_v[i])),
    ("\\text{softmax}(\\boldsymbol z)_i.", softmax(z, i)),                    # a sentence's full stop
    ("z_i - \\log \\sum_j \\exp(z_j)", z[i] - sp.log(sp.Sum(sp.exp(z[j]), (j, 1, n)))),
    # -- refused constructs ---------------------------------------------------------------------
    ("a \\approx b", UNPARSED),
    ("a \\propto b", UNPARSED),
    ("a \\Rightarrow b", UNPARSED),
    ("x = y", UNPARSED),                                                      # sympy (a relation)
    ("a^2 + b^2 = c^2", UNPARSED),                                            # sympy
    ("x \\neq y", UNPARSED),                                                  # sympy
    ("x < y", UNPARSED),                                                      # sympy
    ("x > y", UNPARSED),                                                      # sympy
    ("x \\leq y", UNPARSED),                                                  # sympy
    ("x \\geq y", UNPARSED),                                                  # sympy
    ("x \\le y", UNPARSED),                                                   # sympy
    ("x \\ge y", UNPARSED),                                                   # sympy
    ("\\int x dx", UNPARSED),                                                 # sympy: integrals unsupported
    ("\\int_0^7 dx", sp.Integral(1, (x, 0, 7))),                              # sympy
    ("\\int", UNPARSED),                                                      # sympy (bad)
    ("\\begin{pmatrix} 1 & 0 \\end{pmatrix}", UNPARSED),
    # -- ellipses: a sum whose pattern is clear, nothing else ----------------------------------------
    ("x_1 + \\cdots + x_n", sp.Sum(x_v[k], (k, 1, n))),
    ("x_1 + x_2 + \\dots + x_n", sp.Sum(x_v[k], (k, 1, n))),
    ("w_1 x_1 + \\dots + w_n x_n", sp.Sum(w[k] * x_v[k], (k, 1, n))),
    ("x_0 + x_1 + ... + x_{n-1}", sp.Sum(x_v[k], (k, 0, n - 1))),
    ("e^{z_1} + \\dots + e^{z_K}", sp.Sum(sp.exp(z[k]), (k, 1, Z("K")))),
    ("x_1^2 + \\ldots + x_n^2", sp.Sum(x_v[k]**2, (k, 1, n))),
    ("(x_1 + \\dots + x_n)^2", sp.Sum(x_v[k], (k, 1, n))**2),
    ("x_1, \\ldots, x_n", UNPARSED),                                          # a list
    ("(z_1, \\cdots, z_K)", UNPARSED),                                        # a vector
    ("\\phi_1 \\phi_2 \\cdots \\phi_k", UNPARSED),                           # a product
    ("1 + x_1 + \\dots + x_n", UNPARSED),                                     # more than the series
    ("x_1 + x_3 + \\dots + x_n", UNPARSED),                                   # the pattern is not x_k
    ("a + \\dots + b", UNPARSED),                                             # no index to run
    ("x_1 - \\dots - x_n", UNPARSED),
    ("\\vdots", UNPARSED),
    ("x .. y", UNPARSED),
    ("x_1 + ... + x_n", sp.Sum(x_v[k], (k, 1, n))),
    ("\\forall x", UNPARSED),
    ("\\foo", UNPARSED),
    ("a \\pm b", UNPARSED),
    ("x \\\\ y", UNPARSED),
    ("\\tilde{a}: 5", UNPARSED),
    ("@", UNPARSED),                                                          # sympy (bad)
    ("#", UNPARSED),                                                          # sympy (bad)
    ("$", UNPARSED),                                                          # sympy (bad)
    ("%", UNPARSED),                                                          # sympy (bad)
    ("!", UNPARSED),                                                          # sympy (bad)
    ("!0", UNPARSED),                                                         # sympy (bad)
    ("\\mathit{x + y}", x + y),                                               # sympy (bad there): a font
    ("\\mathit{21}", sp.Integer(21)),                                         # sympy (bad there): a font
    # -- factorials and binomials (sympy) -------------------------------------------------------
    ("x!", sp.factorial(x)),                                                  # sympy
    ("100!", sp.factorial(100)),                                              # sympy
    ("\\theta!", sp.factorial(theta)),                                        # sympy
    ("(x + 1)!", sp.factorial(x + 1)),                                        # sympy
    ("(x!)!", sp.factorial(sp.factorial(x))),                                 # sympy
    ("x!!", sp.factorial2(x)),       # the double factorial (SymPy's parser reads (x!)!, against the convention)
    ("x!!!", UNPARSED),              # a multifactorial or factorials of factorials? (SymPy: ((x!)!)!)
    ("5!7!", sp.factorial(5) * sp.factorial(7)),                              # sympy
    ("1001!", UNPARSED),
    ("\\binom{n}{k}", sp.binomial(n, k_)),                                    # sympy
    ("\\tbinom{n}{k}", sp.binomial(n, k_)),                                   # sympy
    ("\\dbinom{n}{k}", sp.binomial(n, k_)),                                   # sympy
    ("\\binom{n}{0}", sp.Integer(1)),                                         # sympy
    ("x^\\binom{n}{k}", x**sp.binomial(n, k_)),                               # sympy
    # -- more ordinary readings and refusals ------------------------------------------------------
    ("\\max\\{a, b\\}", sp.Max(a, b)),
    ("\\min\\{a, b, c\\}^2", sp.Min(a, b, c)**2),
    ("2.5e-3", UNPARSED),                                                     # scientific notation
    ("2e^{x}", 2 * sp.exp(x)),
    ("\\exp{x}", sp.exp(x)),
    ("\\sin x^2", sp.sin(x**2)),
    ("-x^2", -x**2),
    ("\\log(x)^2", sp.log(x)**2),
    ("\\sum_i -z_i", UNPARSED),
    ("1/2x", UNPARSED),                                                       # 1/(2x) or x/2?
    ("x^{\\frac{1}{2}}", sp.sqrt(x)),
    ("10^{-3}", sp.Rational(1, 1000)),
    (r"6 \times 10^{8} / 5 \times 10^{-7}", sp.Rational(6 * 10**15, 5)),     # scientific over scientific
    (r"\operatorname{ReLU}(x - 1)", sp.Max(0, x - 1)),                     # the rectifier
    (r"\mathrm{ReLU}'(0)", UNPARSED),                                        # 0, 1 or 1/2 by convention
    (r"\sum_{e=1}^{3} e", UNPARSED),                                          # the index, or Euler's e?
    (r"\mathbf{e}_a - p", UNPARSED),                                          # the basis vector, or an entry?
    ("32{,}768", sp.Integer(32768)),                                          # a thousands separator
    ("1{,}000{,}000 + 1{,}290.5", sp.Rational(2002581, 2)),
    ("2{,}5", UNPARSED),                                                      # a decimal comma, or a list?
    ("1234{,}567", UNPARSED),                                                 # not groups of three
    ("\\frac{1}{2}(y-\\mu)^2", (y - mu)**2 / 2),
    ("\\left(\\frac{a}{b}\\right)^2", a**2 / b**2),
    ("x \\", UNPARSED),
    ("0^{-1}", UNPARSED),                                                     # undefined values
    ("\\log_1 x", UNPARSED),
    ("\\log 0", UNPARSED),
    ("\\lim_{e \\to 0} x", UNPARSED),                                                       # a lone backslash
    ("\\int_a^b f", UNPARSED),
    ("x \\in \\mathbb{R}", UNPARSED),
    ("\\left. x \\right|_{0}", UNPARSED),
    # -- vectors, read at the entry i (Context.entry) ----------------------------------------------
    ("[1, 2, 3]", UNPARSED),                                  # a vector: the relation is read entrywise
    ("[1, 2, 3]", sp.KroneckerDelta(1, i) + 2 * sp.KroneckerDelta(2, i) + 3 * sp.KroneckerDelta(3, i), AT_I),
    ("[0.09, 0.24]", sp.Rational(9, 100) * sp.KroneckerDelta(1, i) + sp.Rational(6, 25) * sp.KroneckerDelta(2, i),
     AT_I),                                                   # rounded decimals are exact as written
    ("[x_0, x_1, x_2, x_3]", x_v[i], AT_I),                   # entries of one family keep their indices
    ("[x_1, x_2, ... x_n]", x_v[i], AT_I),                    # an ellipsis list is its pattern
    ("(z_1, \\ldots, z_K)", z[i], AT_I),
    ("[\\phi_1, \\phi_2, ..., \\phi_{k-1}]^T", phi_v[i], AT_I),   # a transposed list: the same entries
    ("[\\log \\phi_1, \\log \\phi_{k-1}]", UNPARSED, AT_I),     # a symbolic index and no ellipsis
    ("(z_1, \\ldots, w_K)", UNPARSED, AT_I),                   # no pattern
    ("[[1, 2], [3, 4]]", UNPARSED, AT_I),                     # a list of vectors: a matrix
    ("\\begin{bmatrix} 1 \\\\ 2 \\end{bmatrix}", sp.KroneckerDelta(1, i) + 2 * sp.KroneckerDelta(2, i), AT_I),
    ("\\begin{pmatrix} a \\\\ b \\\\ \\end{pmatrix}", a * sp.KroneckerDelta(1, i) + b * sp.KroneckerDelta(2, i),
     AT_I),
    ("\\left[\\begin{array}{c} e^{z_1} \\\\ \\vdots \\\\ e^{z_K} \\end{array}\\right]", sp.exp(z[i]), AT_I),
    ("\\begin{bmatrix} 1 & 2 \\end{bmatrix}", UNPARSED, AT_I),     # several columns
    ("\\vdots", UNPARSED),
    ("\\mathbf{1}", sp.Integer(1), AT_I),                    # the constant vectors
    ("\\mathbf{z} + c", z[i] + c, AT_I),                     # a scalar is added to every entry
    ("\\sigma(\\mathbf{z})", sigmoid(z[i]), AT_I),          # elementwise
    ("\\mathrm{softmax}(\\mathbf{z})", softmax(z, i), AT_I),
    ("\\mathrm{softmax}(\\mathbf{z})", UNPARSED),
    ("\\mathrm{softmax}(\\mathbf{z} + c)",
     sp.exp(z[i] + c) / sp.Sum(sp.exp(z[j] + c), (j, 1, n)), AT_I),
    ("\\mathrm{softmax}(z + c)_k", sp.exp(z[k] + c) / sp.Sum(sp.exp(z[j] + c), (j, 1, n)),
     Context(families=frozenset({"z"}))),                    # a family of the document is the vector
    ("\\mathrm{softmax}(z + c)_k", UNPARSED),                 # which name is the vector?
    ("\\mathrm{softmax}([1, 2])", sp.exp(sp.KroneckerDelta(1, i) + 2 * sp.KroneckerDelta(2, i))
     / (sp.E + sp.exp(2)), AT_I),
    ("\\mathrm{LSE}(\\mathbf{z} + c)", sp.log(sp.Sum(sp.exp(z[j] + c), (j, 1, n)))),
    ("\\mathrm{softmax}(\\mathbf{z})_1", sp.exp(z[1]) / (sp.exp(z[1]) + sp.exp(z[2]) + sp.exp(z[3])),
     Context(vectors={"z": (sp.Integer(1), sp.Integer(3))})),      # the length the document gave z
    ("\\sum_i z_i", sp.Sum(z[i], (i, 0, 3)),
     Context(vectors={"z": (sp.Integer(0), sp.Integer(3))})),      # an implicit range: z's own
    ("\\frac{\\partial L}{\\partial \\mathbf{w}}", D(R("L"), w[i]), AT_I),   # a gradient's entry
    ("\\frac{\\partial \\mathbf{s}}{\\partial \\mathbf{z}}", UNPARSED, AT_I),   # a Jacobian: a matrix
    ("\\mathbf{p} - \\max_j p_j", p[i] - p[Z("argmax_p")], AT_I),
    ("\\mathbf{W}^\\top \\mathbf{h}", UNPARSED, AT_I),           # a matrix times a vector
    ("\\mathbf{w}^\\top \\mathbf{x}", sp.Sum(w[j] * x_v[j], (j, 1, n)), AT_I),   # a scalar
    ("P(y | \\mathbf{x})", Prob("P(_|_)", y, x), AT_I),       # an argument stays a name
    # -- matrices, read at the row i and the column j (Context.column) ---------------------------
    ("\\mathrm{diag}(\\mathbf{s}) - \\mathbf{s}\\mathbf{s}^\\top",
     sp.KroneckerDelta(i, j) * V("s")[i] - V("s")[i] * V("s")[j], AT_IJ),
    ("\\mathrm{diag}(p) - p p^{\\top}", sp.KroneckerDelta(i, j) * p[i] - p[i] * p[j],
     Context(entry=i, column=j, families=frozenset({"p"}))),
    ("\\frac{\\partial \\mathbf{s}}{\\partial \\mathbf{z}}", D(V("s")[i], z[j]), AT_IJ),
    ("\\mathbf{J}", V("J")[i, j], AT_IJ),
    ("\\mathrm{diag}(\\mathbf{s})", UNPARSED),                 # a matrix: read at a row and a column
    ("\\mathrm{diag}(\\mathbf{s})", UNPARSED, AT_I),
    ("(1/K, \\dots, 1/K)", 1 / R("K"), AT_I),                 # a constant list: every entry the same number
    ("(0, \\dots, 1)", UNPARSED, AT_I),                   # no pattern
    # -- cases ---------------------------------------------------------------------------------------
    ("\\begin{cases} p_i - p_i^2, & i = j \\\\ -p_i p_j, & i \\neq j \\end{cases}",
     sp.Piecewise((p[i] - p[i]**2, sp.Eq(i, j)), (-p[i] * p[j], sp.Ne(i, j)), evaluate=False)),
    ("\\begin{cases} p_j - 1\\ \\ \\ j = t \\\\ p_j\\ \\ \\ j \\neq t \\end{cases}",
     sp.Piecewise((p[j] - 1, sp.Eq(j, t)), (p[j], sp.Ne(j, t)), evaluate=False)),
    ("\\begin{cases} x & \\text{if } x \\ge 0 \\\\ 0 & \\text{otherwise} \\end{cases}",
     sp.Piecewise((x, sp.Ge(x, 0)), (0, True), evaluate=False)),
    ("\\begin{cases} 1 & 0 < x < 1 \\\\ 0 & \\text{otherwise} \\end{cases}",
     sp.Piecewise((1, sp.And(sp.Lt(0, x), sp.Lt(x, 1))), (0, True), evaluate=False)),
    ("\\begin{cases} x \\\\ 0 \\end{cases}", UNPARSED),        # no conditions
    ("\\begin{cases} x & \\text{otherwise} \\\\ 0 & x < 0 \\end{cases}", UNPARSED),
    ("\\begin{cases} x & x > 0", UNPARSED),                    # never closed
    # -- outcomes of a finite set (Context.outcomes): p(x) is the entry p[x] ----------------------
    ("\\sum_{x} p(x) \\log q(x)", sp.Sum(V("p")[Z("x")] * sp.log(V("q")[Z("x")]), (Z("x"), 1, N_OUT)), OUTCOMES_X),
    ("\\sum_{x \\in \\mathcal{X}} e^{-\\beta E(x)}", sp.Sum(sp.exp(-R("beta") * V("E")[Z("x")]), (Z("x"), 1, N_OUT)),
     OUTCOMES_X),       # (over the outcomes' own count, not the dimension n: a die's faces are no n draws)
    ("\\log |\\mathcal{X}|", sp.log(N_OUT), OUTCOMES_X),
    ("\\sum_x 1", sp.Sum(1, (Z("x"), 1, N_OUT)), OUTCOMES_X),
    ("\\sum_x \\frac{1}{|\\mathcal{X}|}", sp.Sum(1 / N_OUT, (Z("x"), 1, N_OUT)), OUTCOMES_X),
    ("\\sum_x p(x)", sp.Sum(V("p")[Z("x")], (Z("x"), 1, K)), Context(outcomes=frozenset({"x"}), outcome_size=K)),
    ("\\sum_i 1", UNPARSED),                              # over which range? nothing it indexes gives one
    ("\\sum_i c", UNPARSED),
    ("\\pi(x)", V("pi")[Z("x")], Context(outcomes=frozenset({"x"}), names={"pi": R("pi")})),   # a policy named π
    ("p_\\beta(x)", V("p_beta")[Z("x")], OUTCOMES_X),
    ("E(x)^2", V("E")[Z("x")] ** 2, OUTCOMES_X),
    ("\\sum_x x\\, p(x)", UNPARSED, OUTCOMES_X),         # the outcomes' values are not the labels 1, 2, …
    ("\\sum_{x \\in \\mathcal{X}} p(x)", UNPARSED),        # x is no outcome here: a set the reader does not know
    ("\\sum_{y \\in \\mathcal{Y}} p(y)", UNPARSED, OUTCOMES_X),
    ("q(x)", UNPARSED),                                   # no outcome: a function value or a product?
    ("\\sigma(x)", sigmoid(x), OUTCOMES_X),              # the sigmoid stays the sigmoid
    ("F[q]", UNPARSED),                                   # a functional's value or a product?
    # -- an entry function p_i(τ) before parentheses: a call, or an entry times (…) ----------------------------
    ("p_i (z_i - \\bar z)", V("p")[i] * (V("z")[i] - R("z_bar")), P_OF_TAU),   # a sum with an entry at i: a product
    ("p_i\\left(\\frac{z_i}{\\tau} - \\log Z\\right)", V("p")[i] * (V("z")[i] / R("tau") - sp.log(R("Z"))), P_OF_TAU),
    ("p_j (z_j - \\bar z)^2", V("p")[j] * (V("z")[j] - R("z_bar")) ** 2, P_OF_TAU),
    ("p_j(\\tau + 1)", UNPARSED, P_OF_TAU),                 # p at τ + 1, or p_j times it?
    ("F \\cdot [q]", R("F") * R("q")),
    # -- physics notation: the thermal energy after '/', the error function, sums over listed values ---------
    ("E/k_B T", R("E") / (V("k")[Z("B")] * R("T"))),         # E/(k_B T) by the convention of physics
    ("E/k_B T x", UNPARSED),                               # but only the temperature joins k_B below the bar
    ("a/b c", UNPARSED),
    ("\\tfrac12\\big(1 + \\operatorname{erf}(x/\\sqrt{2})\\big)", (1 + sp.erf(x / sp.sqrt(2))) / 2),
    ("\\sum_{s = \\pm 1} s\\, e^{s}", -sp.exp(-1) + sp.E),
    ("\\sum_{s \\in \\{-1, +1\\}} e^{a s}", sp.exp(R("a")) + sp.exp(-R("a"))),
    ("\\sum_{s \\in \\{-1, -1\\}} e^{a s}", UNPARSED),          # a value listed twice: no set of values
    ("\\sum_{x \\in \\{0.5, 1\\}} x", UNPARSED),                 # whole numbers only
    ("\\exp(s_\\theta(x))", sp.exp(sp.Function("s_theta", real=True)(x))),   # a model's function of x
    ("q_\\phi(z)", sp.Function("q_phi", real=True)(R("z"))),
    ("s_i(x)", UNPARSED),                                  # an entry times (x), or a function? not guessed
    # -- special functions, evaluation bars, labels with a sign, row spacing in cases -------------------------
    ("\\frac{\\Gamma(\\alpha)\\Gamma(\\beta)}{\\Gamma(\\alpha + \\beta)}",
     sp.gamma(R("alpha")) * sp.gamma(R("beta")) / sp.gamma(R("alpha") + R("beta"))),
    ("\\Gamma(x)", sp.Function("Gamma", real=True)(x), Context(names={"Gamma": sp.Function("Gamma", real=True)},
                                                               functions=frozenset({"Gamma"}))),   # the text's own Γ
    ("\\psi(2)", UNPARSED),                                 # ψ is the digamma only where the words say so
    ("\\psi(2) - \\psi(1)", sp.Integer(1), Context(special=frozenset({"digamma"}))),
    ("\\psi'(x)", sp.polygamma(1, x), Context(special=frozenset({"digamma"}))),     # the trigamma
    ("\\frac{d}{dt}\\sigma(t)\\Big|_{t=0}", sp.Subs(sp.Derivative(sigmoid(t_), t_), t_, 0)),
    ("\\left. \\frac{d}{dx} x^3 \\right|_{x=2}", sp.Subs(sp.Derivative(x**3, x), x, 2)),
    ("x^2 \\big|_{x=3}", sp.Integer(9)),
    ("|x|_{x=1}", UNPARSED),                                 # an absolute value with a subscript: no bar
    ("\\right|_{x=1}", UNPARSED),
    ("y^2 \\Big|_{x=1}", UNPARSED),                        # a bar at a name the expression does not hold
    ("N_+ + N_-", R("N_plus") + R("N_minus")),              # the positive and negative class's counts
    ("\\frac{N_{+} + 1}{N_{+} + 2}", (R("N_plus") + 1) / (R("N_plus") + 2)),
    ("\\begin{cases} x, & x > 0,\\\\[2pt] 0, & x \\le 0 \\end{cases}",
     Equivalent(sp.Piecewise((x, x > 0), (0, True)))),  # the space a row break asks for
    ("f(\\log x)", UNPARSED),                               # a function letter before one term: f at log x, or f·log x?
    ("f_Y(\\log x)", UNPARSED),                             # a density of Y (a capital subscript) at log x
    ("g(2x)", UNPARSED),
    ("p(1 - p)", R("p") * (1 - R("p"))),                    # a sum in the parentheses: a product, as notes mean
    ("x(\\log x)", R("x") * sp.log(R("x"))),                # not a function letter: a product
    ("w^0", UNPARSED),                                     # the power 0 (always 1) or the first iterate?
    ("2^0", sp.Integer(1)),
    # -- equivalence comparisons (SymPy builds these in two structurally different ways) --------
    ("\\frac{1}{1 + e^{-x}} - \\sigma(x)", Equivalent(sp.Integer(0))),
    ("\\frac{\\frac{e^{p}}{e^{p}}}{\\frac{e^{p}}{e^{p}} + \\frac{e^{q}}{e^{p}}}",
     Equivalent(1 / (1 + sp.exp(R("q") - R("p"))))),
]
"""Every row: (tex, expected) or (tex, expected, context)."""
