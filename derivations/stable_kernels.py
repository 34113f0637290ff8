"""The numerically stable forms the NumPy kernels are generated from (softsym.kernels).

None of this is printed in the sources: every derivation here is material softsym adds
(``Source.added``), placed beside the text whose formula it makes stable.

Every step a kernel is printed from carries a ``label``; the generator reads that step's right-hand
side and its hypotheses.  Conventions, as in softmax_unit_deep_learning_book.py:
- "m is the max of z" is the pair of hypotheses ``Le(z[l], m)`` (l a free index the relation does
  not mention: z_l ≤ m for every l) and ``Eq(z[j], m)`` (the max is attained at entry j);
- n >= 1: a row may have a single entry;
- ``log(1 + u)`` and ``exp(u) − 1`` are written as such (SymPy has no log1p, expm1); the kernel printer
  emits ``np.log1p(u)`` and ``np.expm1(u)``;
- "the other entries" Σ_{k≠j} is written Σ_k (1 − δ_kj)(...): the generator turns it into a sum with
  entry j set to exactly 0, never into the (inaccurate) difference Σ_k − (term j).

What the stable forms fix is in the corpus too: softmax_regression_code_in_floats (softmax_cross_entropy.py)
runs 004 §二's printed softmax and cross_entropy in IEEE floats — errata, NaN and inf where the exact
values are finite — and then the kernels printed from here, at the same and the searched inputs.
"""
from sympy import Abs, Derivative, Eq, KroneckerDelta, Le, Max, Min, Piecewise, Sum, exp, log, sign

from softsym.dsl import DerivationBuilder, Source

BOOK = "002_949840db951eddc2.txt"
FROM_SCRATCH = "004_e81365b828eb09e1.txt"
EXPFAM = "001_829efe1236a9e906.txt"

# -- 1. softmax: subtract the max ------------------------------------------------------------------------
d = DerivationBuilder("stable_softmax", title="Softmax with the max subtracted: no overflow, no division by 0",
                      source=Source.added("the softmax with the max subtracted (the text states only softmax(z) = softmax(z − max_i z_i))", file=BOOK))
n = d.symbols("n", integer=True, positive=True)
z = d.indexed("z", real=True)
m = d.symbols("m", real=True)
i, j = d.index("i", 1, n), d.index("j", 1, n)
l = d.symbols("l", integer=True)
k = d.symbols("k", integer=True)
IS_MAX = [Le(z[l], m), Eq(z[j], m)]
S = Sum(exp(z[k]), (k, 1, n))
Sm = Sum(exp(z[k] - m), (k, 1, n))
p = d.indexed("p", real=True)
d.define(p[i], exp(z[i]) / S, why="the softmax, entry i")
others = Sum((1 - KroneckerDelta(k, j)) * exp(z[k] - m), (k, 1, n))
d.eq(p[i], exp(z[i] - m) / Sm, given=IS_MAX, label="softmax_shifted",
     why="multiply numerator and denominator by e^{−m}; m = max_l z_l is the shift the kernel uses")
d.eq(p[i], exp(z[i] - m) / (1 + others), given=IS_MAX, label="softmax",
     why="the max's own term is e^0 = 1: split it off the sum, so the small terms are added to each other "
         "before they are added to 1 (none is lost to rounding). What it fixes: 004 §二 prints the softmax as "
         "exp(X)/sum, which overflows — erratum softmax_regression_code_in_floats step 1, NaN at "
         "z = [1166.02, −2785.15] in float64; the kernel printed from this step is checked there and at the "
         "searched inputs in step 2")
d.rel(exp(z[l] - m), "<=", 1, given=[Le(z[l], m)],
      why="every shifted input z_l − m is ≤ 0")
d.rel(Sm, ">=", 1, given=[Eq(z[j], m)],
      why="the max's own term is e^0 = 1: the kernel never divides by an underflowed 0")
STABLE_SOFTMAX = d.build()

# -- 2. logsumexp and log-softmax: the max's own term split off, log(1 + Σ others) -------------------------
d = DerivationBuilder("stable_logsumexp_log_softmax",
                      title="logsumexp = m + log(1 + Σ_{k≠j} e^{z_k−m}) and log softmax = z − m − log(1 + Σ_{k≠j} e^{z_k−m})",
                      source=Source.added("logsumexp and log softmax in stable form", file=BOOK))
n = d.symbols("n", integer=True, positive=True)
z = d.indexed("z", real=True)
m = d.symbols("m", real=True)
i, j = d.index("i", 1, n), d.index("j", 1, n)
l = d.symbols("l", integer=True)
k = d.symbols("k", integer=True)
IS_MAX = [Le(z[l], m), Eq(z[j], m)]
S = Sum(exp(z[k]), (k, 1, n))
Sm = Sum(exp(z[k] - m), (k, 1, n))
others = Sum((1 - KroneckerDelta(k, j)) * exp(z[k] - m), (k, 1, n))
p = d.indexed("p", real=True)
d.define(p[i], exp(z[i]) / S, why="the softmax, entry i")
d.eq(log(S), m + log(Sm), label="logsumexp_shifted",
     why="take e^m out of the sum: log Σ_k e^{z_k} = m + log Σ_k e^{z_k − m}, for any real m")
d.eq(Sm, 1 + others, given=[Eq(z[j], m)],
     why="the max's own term is e^{z_j − m} = e^0 = 1; the rest is the sum over the other entries")
d.eq(log(S), m + log(1 + others), given=IS_MAX, label="logsumexp",
     why="so logsumexp = m + log1p(Σ_{k≠j} e^{z_k − m}): when the others are tiny the log1p keeps them")
d.rel(others, ">=", 0, given=[Le(z[l], m)],
      why="the argument of log1p is a sum of positive terms")
d.rel(Sm, "<=", n, given=[Le(z[l], m)],
      why="... and 1 + that sum has n terms each at most 1: nothing overflows")
d.eq(log(p[i]), z[i] - log(S),
     why="the log undoes the exp of the numerator")
d.eq(log(p[i]), z[i] - m - log(Sm), label="log_softmax_shifted",
     why="log softmax = z − m − log Σ_k e^{z_k − m}, for any real m")
d.eq(log(p[i]), z[i] - m - log(1 + others), given=IS_MAX, label="log_softmax",
     why="with m the max: z_i − m − log1p(Σ_{k≠j} e^{z_k − m})")
d.eq(log(p[j]), -log(1 + others), given=[Eq(z[j], m)], label="log_softmax_at_max",
     why="at the max entry itself z_j − m = 0 exactly: log softmax = −log1p(Σ_{k≠j} e^{z_k − m}), about "
         "−Σ_{k≠j} e^{z_k−m} when the max dominates (never the 0 that log(1 + tiny) rounds to)")
STABLE_LOGSUMEXP = d.build()

# -- 3. cross-entropy and its gradient, for logits z and a target class t ---------------------------------
d = DerivationBuilder("stable_cross_entropy",
                      title="Cross-entropy −log p_t and its gradient p − onehot(t), with the target entry as −Σ_{k≠t} p_k",
                      source=Source.added("cross-entropy and its gradient from logits, in stable form (§一.4)", file=FROM_SCRATCH))
n = d.symbols("n", integer=True, positive=True)
z = d.indexed("z", real=True)
m = d.symbols("m", real=True)
i, j, t = d.index("i", 1, n), d.index("j", 1, n), d.index("t", 1, n)
l = d.symbols("l", integer=True)
k = d.symbols("k", integer=True)
IS_MAX = [Le(z[l], m), Eq(z[j], m)]
S = Sum(exp(z[k]), (k, 1, n))
others = Sum((1 - KroneckerDelta(k, j)) * exp(z[k] - m), (k, 1, n))
p = d.indexed("p", real=True)
d.define(p[i], exp(z[i]) / S, why="the softmax, entry i")
d.eq(-log(p[t]), -z[t] + log(S), why="the log undoes the exp of the numerator")
d.eq(-log(p[t]), m - z[t] + log(1 + others), given=IS_MAX, label="cross_entropy",
     why="logsumexp with the max split off: both terms are ≥ 0, so nothing cancels. What it fixes: 004 §二 "
         "prints the loss as −log of the softmax's entry t, which is inf where that entry underflows to 0 and NaN "
         "where the softmax overflows — erratum softmax_regression_code_in_floats step 3, inf at z = [0, −800], "
         "t = 2 in float64; the kernel printed from this step is checked there and at the searched inputs in step 4")
d.eq(-Derivative(log(p[t]), z[i]), p[i] - KroneckerDelta(i, t),
     why="the gradient of −log p_t is p − onehot(t)")
d.eq(p[t] - 1, -Sum((1 - KroneckerDelta(k, t)) * p[k], (k, 1, n)),
     why="the entries sum to 1, so p_t − 1 is minus the sum of the other p_k: no cancellation when p_t ≈ 1")
d.eq(p[i], exp(z[i] - m) / (1 + others), given=IS_MAX, label="softmax_of_logits",
     why="the stable softmax (stable_softmax): the max's term is exactly 1, split off the normalizer")
neither = Sum((1 - KroneckerDelta(k, j)) * (1 - KroneckerDelta(k, t)) * exp(z[k] - m), (k, 1, n))
d.eq(p[t] - 1, -(neither + 1 - KroneckerDelta(t, j)) / (1 + others), given=IS_MAX,
     why="−Σ_{k≠t} p_k with the max's term 1 split off: the entries that are neither the target nor the max, plus "
         "1 when the max is not the target; small terms are added to small terms, nothing cancels")
d.eq(p[t] - 1, (exp(z[t] - m) - 1 - others) / (1 + others), given=IS_MAX,
     label="cross_entropy_grad_at_target",
     why="the same value from the normalizer's own sum: e^{z_t−m} − 1 is e^u − 1 (expm1, exact at the max, where "
         "u = 0 and the entry is −Σ_{k≠j} e^{z_k−m} / (1 + Σ_{k≠j} e^{z_k−m}) with nothing lost), and at any "
         "other entry p_t ≤ ½, so p_t − 1 does not cancel either. No second pass over the row. The gradient "
         "is the softmax above with this value at entry t")
Sm = Sum(exp(z[k] - m), (k, 1, n))
d.eq(p[i], exp(z[i] - m) / Sm, given=IS_MAX, label="softmax_of_logits_shifted",
     why="for short rows the max-subtracted softmax without the split: it needs the row's max, not where it is "
         "(finding the position costs more than the rest of a 16-entry row)")
d.eq(p[t] - 1, -Sum((1 - KroneckerDelta(k, t)) * exp(z[k] - m), (k, 1, n)) / Sm, given=IS_MAX,
     label="cross_entropy_grad_at_target_shifted",
     why="and the target entry −Σ_{k≠t} p_k from the same terms: the sum of the others, with entry t set to 0, "
         "over the normalizer; nothing cancels")
STABLE_CROSS_ENTROPY = d.build()

# -- 4. the softmax Jacobian and its product with a vector, in terms of the output p ----------------------
d = DerivationBuilder("stable_softmax_jacobian", title="J = diag(p) − p pᵀ as p_i(δ_ij − p_j), and J·v = p ⊙ (v − Σ p ⊙ v)",
                      source=Source.added("the Jacobian and the Jacobian-vector product of the softmax (§一.3)", file=FROM_SCRATCH))
n = d.symbols("n", integer=True, positive=True)
z = d.indexed("z", real=True)
v = d.indexed("v", real=True)
i, j = d.index("i", 1, n), d.index("j", 1, n)
k = d.symbols("k", integer=True)
S = Sum(exp(z[k]), (k, 1, n))
p = d.indexed("p", real=True)
d.define(p[i], exp(z[i]) / S, why="the softmax, entry i")
d.eq(Derivative(p[i], z[j]), p[i] * KroneckerDelta(i, j) - p[i] * p[j],
     why="the quotient rule, both cases in one formula")
d.eq(p[i] * KroneckerDelta(i, j) - p[i] * p[j], p[i] * (KroneckerDelta(i, j) - p[j]), label="softmax_jacobian",
     why="factor p_i: on the diagonal p_i(1 − p_i), where 1 − p_i is exact for p_i ≥ ½, instead of p_i − p_i²")
d.eq(Sum(Derivative(p[i], z[k]) * v[k], (k, 1, n)), p[i] * (v[i] - Sum(p[k] * v[k], (k, 1, n))),
     label="softmax_jvp",
     why="J·v: Σ_k p_i(δ_ik − p_k) v_k = p_i (v_i − Σ_k p_k v_k); one pass, no n×n matrix")
STABLE_SOFTMAX_JACOBIAN = d.build()

# -- 5. sigmoid, softplus, log-sigmoid: exp of −|x| only ---------------------------------------------------
d = DerivationBuilder("stable_sigmoid_softplus",
                      title="sigmoid in two branches, softplus = max(x, 0) + log(1 + e^{−|x|}), log sigmoid = −softplus(−x)",
                      source=Source.added("the sigmoid and softplus in stable forms; 001 prints φ = 1/(1 + e^η) (a sign error) and a(η) = log(1 + e^η)", file=EXPFAM))
x = d.symbols("x", real=True)
e = exp(-Abs(x))
sig = d.define("sigma", 1 / (1 + exp(-x)), why="the logistic sigmoid")
d.eq(sig, Piecewise((1 / (1 + e), x >= 0), (e / (1 + e), True)), label="sigmoid_two_branch",
     why="x ≥ 0: e^{−|x|} = e^{−x}; x < 0: multiply by e^x/e^x; either way no exp of a positive number")
d.eq(sig, exp(Min(x, 0)) / (1 + e),
     why="both branches in one formula: the numerator e^{min(x, 0)} is 1 for x ≥ 0 and e^x = e^{−|x|} for x < 0 "
         "(NumPy's masked and where-selected operations cost several times an exp; this costs one exp more)")
d.eq(sig, Max(e, sign(x)) / (1 + e), label="sigmoid",
     why="the same numerator without a second exp: for x > 0, max(e^{−x}, 1) = 1; at 0, max(1, 0) = 1; for x < 0, "
         "max(e^{x}, −1) = e^{x}, which is the e^{−|x|} already computed — bitwise the same value")
sp_ = d.define("softplus", log(1 + exp(x)), why="the Bernoulli log-partition: softplus")
d.eq(sp_, Max(x, 0) + log(1 + e), label="softplus",
     why="x ≥ 0: log(e^x(e^{−x} + 1)) = x + log(1 + e^{−x}); x < 0: as is; the log1p argument is in (0, 1]")
d.eq(log(sig), -log(1 + exp(-x)), why="log sigmoid(x) = −softplus(−x)")
d.eq(log(sig), Min(x, 0) - log(1 + e), label="log_sigmoid",
     why="−softplus(−x) with the stable softplus: −max(−x, 0) = min(x, 0)")
STABLE_SIGMOID = d.build()
