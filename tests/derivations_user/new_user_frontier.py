"""A new user's derivations of the kinds issue 12 names, written with the public DSL only:
label smoothing for every n, the log-sum-exp Hessian is positive semidefinite for every n, and
temperature limits that need a hypothesis.  Material of our own: every step is ``added``."""
import sympy as sp
from sympy import KroneckerDelta, Sum, exp, log

from softsym import softmax
from softsym.dsl import DerivationBuilder, Source

# -- label smoothing: the gradient for every n --------------------------------------------------------
d = DerivationBuilder("label_smoothing_gradient", title="Label-smoothed cross-entropy gradient, every n",
                      source=Source.added("a new user's notes"))
n = d.symbols("n", integer=True, positive=True)
i = d.index("i", 1, n)
t = d.index("t", 1, n)
j, k = d.symbols("j k", integer=True)
z = d.indexed("z", real=True)
eps = d.bounded("epsilon", 0, 1)
q = (1 - eps) * KroneckerDelta(k, t) + eps / n
loss = -Sum(q * log(softmax(z, k, (j, 1, n))), (k, 1, n))
d.eq(sp.Derivative(loss, z[i]), softmax(z, i, (j, 1, n)) - ((1 - eps) * KroneckerDelta(i, t) + eps / n),
     why="∂/∂z_i of −Σ_k q_k log softmax(z)_k is softmax(z)_i − q_i")
d.eq(Sum(q, (k, 1, n)), 1, why="the smoothed target is a distribution")
LABEL_SMOOTHING = d.build()

# -- the Hessian of log-sum-exp is positive semidefinite, for every n ---------------------------------
d = DerivationBuilder("logsumexp_hessian_psd", title="vᵀ ∇² LSE(z) v ≥ 0 for every n",
                      source=Source.added("a new user's notes"))
n = d.symbols("n", integer=True, positive=True)
i, j = d.symbols("i j", integer=True)
z, v = d.indexed("z", real=True), d.indexed("v", real=True)
p = softmax(z, i, (j, 1, n))
form = Sum(p * v[i] ** 2, (i, 1, n)) - Sum(p * v[i], (i, 1, n)) ** 2
d.rel(form, ">=", 0, why="vᵀ(diag p − p pᵀ)v = Σ p_i v_i² − (Σ p_i v_i)², a variance: Cauchy–Schwarz")
d.rel(Sum(p * v[i] ** 2, (i, 1, n)) - Sum(p * v[i], (i, 1, n)) ** 2, ">", 0,
      why="NOT strictly positive: v constant along 1 is in the kernel (an erratum a user might write)")
HESSIAN = d.build()

# -- temperature limits ------------------------------------------------------------------------------
d = DerivationBuilder("temperature_limits", title="Softmax of two scores as the temperature goes to 0 and ∞",
                      source=Source.added("a new user's notes"))
a, b = d.symbols("a b", real=True)
T = d.symbols("T", positive=True)
first = exp(a / T) / (exp(a / T) + exp(b / T))
d.limit(first, T, 0, 1, given=[a > b], why="the larger score wins as T → 0⁺")
d.limit(first, T, sp.oo, sp.Rational(1, 2), why="uniform as T → ∞")
d.rel(T * log(exp(a / T) + exp(b / T)), "<=", sp.Max(a, b) + T * log(2), why="T·LSE(z/T) ≤ max + T log 2")
TEMPERATURE = d.build()
