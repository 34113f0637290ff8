"""Reading TeX math into SymPy: ``parse_tex(tex, context)`` → ``sympy.Expr``, or ``Unparsed``.

``parse_tex`` reads ONE side of a relation.  Whatever it cannot read unambiguously raises
``Unparsed(reason, fragment)``; it never guesses and never raises anything else.  Modules:
:mod:`.lexer` (TeX's reading rules → tokens), ``grammar.lark`` (LALR grammar), :mod:`.syntax`
(syntax tree), :mod:`.build` with :mod:`.operators` and :mod:`.applications` (the conventions, SymPy
objects built directly; :mod:`.integrals` reads definite integrals), :mod:`.parse` (entry point,
limits), :mod:`.vocabulary` (macro tables).

Conventions, one per line:

* a letter or Greek letter is ``Symbol(name, real=True)``; a name in ``Context.names`` is the declared object;
* ``e`` is Euler's number (``e^x`` is ``exp(x)``) and ``\\pi`` is π, unless declared; ``i`` is a name, not √−1;
* the name of ``Context.dimension`` (default ``n``, integer, positive) is that symbol everywhere;
* numbers are exact: ``0.5`` is ``Rational(1, 2)``; scientific notation ``2.5e-3`` is refused;
* ``\\mathbf{z}``, ``\\boldsymbol z``, ``\\bm{z}``, ``\\vec z``, ``\\mathit{z}`` are ``z``;
* ``\\hat{y}``, ``\\bar{p}``/``\\overline{p}``, ``\\tilde{q}``, ``\\mathcal{L}`` are the names ``y_hat``, ``p_bar``, ``q_tilde``, ``L_cal``;
* ``\\Delta z_k``, ``\\Delta W_{kj}``, ``\\Delta\\theta`` are increments, the names ``Delta_z``, ``Delta_W``, ``Delta_theta``
  (``\\Delta`` before a letter or a Greek letter; ``\\Delta(x)``, ``\\Delta_t``, ``\\Delta \\cdot 2`` keep Δ);
* a subscript of letters, numbers and arithmetic is an entry: ``z_i`` → ``IndexedBase("z", real=True)[i]``;
* ``z_{ij}`` (exactly two letters) and ``z_{i,j}`` are ``z[i, j]``; ``z_{ijk}`` is refused;
* a letter used as an index or a range bound is ``Symbol(k, integer=True)`` (a declared integer symbol if any);
* a Greek, text or decorated subscript makes a distinct name: ``h_\\theta`` → ``h_theta``, ``x_{\\text{max}}`` → ``x_max``;
* a declared scalar with an index subscript (``x`` declared, ``x_i`` written) is refused;
* adjacent plain letters are refused as ambiguous, except two declared letters (their product);
* ``exp log ln softmax sigmoid tanh max min`` written as plain letters are functions only before ``(``;
* ``name(…)`` applies a declared function (``Context.functions`` or a Function class in ``names``);
* otherwise ``name(…)`` is a product, refused when the parentheses hold one name or number, a list or ``;``;
* an undeclared ``\\sigma(x)`` is the sigmoid ``1/(1+exp(-x))``; ``\\sigma(z)_i`` is refused (softmax?);
* ``\\mathrm``/``\\text``/``\\operatorname{softmax}(z)_i`` and ``softmax(z_i)`` are ``exp(z[i])/Sum(exp(z[j]), (j, 1, n))``;
* softmax's summation index is the first of j, k, l, m, … not written anywhere in the input;
* ``logsumexp(z)``/``\\mathrm{LSE}(z)`` is ``log(Sum(exp(z[j]), (j, 1, n)))``; ``softplus(x)`` is ``log(1+exp(x))``;
* ``\\log``/``\\ln`` are natural logs, ``\\log_b x`` is ``log(x, b)``; ``\\lg`` and ``\\sin^{-1}`` are refused;
* a bare function (``\\log x``) takes one factor; ``\\log x y`` is refused, ``\\sin a \\cos b`` is two;
* ``\\sin^2 x`` is ``sin(x)**2``;
* ``\\sum``, ``\\prod``, ``\\lim``, ``\\max_{…}`` and ``\\frac{\\partial}{\\partial x}`` take the rest of the product;
* ``\\sum_i`` / ``\\sum_{i}`` / ``\\sum_i^m`` run from 1 (to n / m); ``\\sum_{i=1}`` without an upper bound is refused;
* ``\\sum_{k \\ne t} f`` is ``Sum(f, (k, 1, n)) - f.subs(k, t)``; ``\\prod_{k \\ne t} f`` divides by ``f.subs(k, t)``;
* ``\\sum_{i,j}`` is a double sum; ``\\sum_{1 \\le i \\le m}`` is a range;
* ``\\max``/``\\min`` over a concrete range of at most 10 entries is ``Max``/``Min`` of the entries; over a
  symbolic range, ``\\max_i z_i`` is ``z[argmax_z]``, the entry at an index of the maximum (see :mod:`.maxima`);
* ``\\max(a, b)`` / ``\\max\\{a, b\\}`` is ``Max(a, b)``; ``\\max`` of one argument is refused;
* ``\\delta_{ij}`` is ``KroneckerDelta(i, j)``; ``1\\{y=k\\}``, ``\\mathbb{1}_{\\{y=k\\}}``, ``I\\{y=k\\}`` are ``KroneckerDelta(y, k)``;
* derivatives are unevaluated ``Derivative(F, x, evaluate=False)``; ``\\frac{d}{dx}`` needs ``d`` undeclared;
* ``\\partial L / \\partial b``, ``\\partial^2 L / \\partial b^2`` (F one factor or ``f(…)``) are read as
  ``\\frac{\\partial L}{\\partial b}``; ``dL/dz`` too, where d is nothing else (not declared, the dimension,
  a family, a size, nor written elsewhere in the input);
* after ``\\frac{\\partial}{\\partial x}``, a parenthesized group followed by more factors is refused;
* ``f'(x)`` is ``Derivative(f(x), x)`` for a declared function f, refused otherwise; at another argument
  ``f'(a + b)`` is ``Subs(Derivative(f(t), t), t, a + b)`` (t a Dummy); ``\\sigma'``, ``\\tanh'``,
  ``\\log'``, ``\\mathrm{softplus}'`` … at a variable are ``Derivative``, elsewhere computed (``\\sigma'(0)`` is 1/4);
* ``\\int_a^b f(x)\\,dx`` (also ``\\mathrm{d}x``, ``d x``) is ``Integral(f, (x, a, b))``, x a fresh real symbol;
  indefinite and multiple integrals, a missing differential and a ``d`` that may be a factor are refused;
* ``\\lim_{x \\to a}`` is two-sided (``dir="+-"``), ``a^+``/``a^-`` one-sided, ``\\infty`` is ``oo``;
* ``a^T b``, ``a^\\top b`` (also ``a^T \\cdot b``) of two lowercase names is ``Sum(a[k]*b[k], (k, 1, n))``;
  of an entry or a capital (``\\theta_i^T x``, ``W^\\top h``) ``Function("dot", real=True)(a, b)``; a lone ``x^T`` is refused;
* vectors (:mod:`.vectors`): a bold lowercase name, a list ``[1, 2, 3]`` / ``(z_1, \\ldots, z_K)``, a
  one-column matrix environment, ``\\mathrm{softmax}(\\mathbf{z})`` make a side vector-valued: it raises
  ``VectorValued`` unless ``Context.entry`` is set, where each is its entry (``Context.column`` too:
  ``\\mathrm{diag}(p) - p p^\\top`` and ``\\partial \\mathbf{s} / \\partial \\mathbf{z}`` at a row and a column);
* ``\\begin{cases} v & c \\\\ … \\end{cases}`` is ``Piecewise((v, c), …)`` (:mod:`.cases`);
* ``log``/``ln``/``exp`` in plain letters before an argument are the functions (``ln p_t``); ``lnp_t``
  is ``log(p[t])`` noted as a guess (``parse_entry`` returns it);
* ``E(y | x)``, ``E[X]``, ``\\mathbb{E}_{x}[…]`` are expectations: opaque real numbers of what is written;
* ``T`` as a superscript is a transpose unless ``T`` is declared a scalar (then a power); ``e^T`` is ``exp(T)``;
* ``x^{(i)}`` (a sample index) and ``x^*`` are refused;
* at an outcome the document sums over (``Context.outcomes``: ``\\sum_x p(x) \\log q(x)``), ``p(x)``, ``E(x)``,
  ``p_\\beta(x)`` of a name not defined as a function are entries ``p[x]``; ``\\sum_{x \\in \\mathcal{X}}`` runs over
  them (1..n); an outcome used as a number in such a sum (``\\sum_x x\\,p(x)``) is refused;
* ``F[q]`` (a name glued to a bracket around one name) is refused: a functional's value or a product?
* ``P(y = 1 | x)``, ``p(y; \\theta)``, ``P(A, B)``, ``\\Pr(A)`` are opaque positive numbers
  ``Function("P(_=_|_)", positive=True)(y, 1, x)`` (see :mod:`.probability`); ``p(1 - p)`` is a product;
* ``|x|`` is ``Abs``; ``\\|x\\|`` is ``Abs`` only for a declared scalar, otherwise refused;
* ``a / b c`` is refused (is c in the denominator?); ``.`` between factors multiplies (``y.log(\\phi)``);
* a wide space (``\\quad``, ``\\ ``) between two factors is refused; thin spaces are ignored;
* a digit glued to a letter (``L1``), a brace group glued to a name or ``)`` (``z{i}``), ``x^23`` are refused;
* a final ``.``/``,`` and a final equation number ``\\quad (1)`` are dropped;
* an undefined result (``zoo``/``nan``: ``1/0``, ``\\log 0``) is refused;
* limits: 20,000 characters, nesting 100, numbers of 1,000 digits, integer exponents of magnitude 10,000.
"""
from __future__ import annotations

from .applications import DOT, logarithms_written
from .context import Context
from .errors import Unparsed, VectorValued
from .maxima import extrema_in
from .parse import parse_entry, parse_tex
from .probability import is_probability, probabilities

__all__ = ["DOT", "Context", "Unparsed", "VectorValued", "extrema_in", "is_probability", "logarithms_written",
           "parse_entry",
           "parse_tex", "probabilities"]
