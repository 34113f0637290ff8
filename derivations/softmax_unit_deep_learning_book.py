"""The softmax unit for Multinoulli outputs: 002_949840db951eddc2.txt (Deep Learning book §6.2.2.3,
"用于 Multinoulli 输出分布的 softmax 单元"), one derivation per chain of reasoning.

Conventions used throughout:
- n is the number of classes; where a claim needs a second class (ŷ_i < 1) n >= 2 is declared.
- "z_k <= m for every k" (m = max_k z_k) is written as the hypothesis ``z[l] <= m`` with l a free
  integer index that the relation does not mention: the prover reads it "for every index".
  "m is the max and it is attained at j" adds ``Eq(m, z[j])``.
- Orderings needed by symbolic limits are written as positive gaps (z_2 = z_1 - d, d > 0).
"""
from sympy import Derivative, Eq, Function, KroneckerDelta, Le, Limit, Ne, Rational, Sum, exp, log, oo

from softsym.dsl import DerivationBuilder, Source

FILE = "002_949840db951eddc2.txt"
SEC = "§用于 Multinoulli 输出分布的 softmax 单元"
SRC = Source(FILE, SEC)


# -- 1. binary case: exponentiate and normalize z = log P̃(y=1|x) -> sigmoid --------------------------
d = DerivationBuilder("sigmoid_from_unnormalized_log_probability",
                      title="Exponentiating and normalizing z = log P̃(y=1|x) gives the sigmoid", source=SRC)
z = d.symbols("z", real=True)
y = d.index("y", 0, 1)
Pt = Function("Ptilde")
d.define(Pt(y), exp(y * z), quote=r"z=\log \hat{P}(y=1\mid\boldsymbol x)",
         why="the predicted number z is the unnormalized log-probability of y = 1; as in the binary "
             "(Bernoulli) unit the log-probability is linear in y, log P̃(y) = y·z, so P̃(y=0) = 1")
d.eq(log(Pt(1)), z,
     quote=r"z=\log \hat{P}(y=1\mid\boldsymbol x)", why="z is the log of the unnormalized probability of y = 1")
yhat = d.define("yhat", Pt(1) / (Pt(0) + Pt(1)), quote="对其指数化和归一化",
                why="exponentiate and normalize over the two values y = 0, 1")
d.eq(yhat, exp(z) / (1 + exp(z)), quote="对其指数化和归一化", why="P̃(1) = e^z, P̃(0) = e^0 = 1")
d.eq(yhat, 1 / (1 + exp(-z)), quote="我们就得到了一个由 sigmoid  函数控制的 Bernoulli 分布",
     why="divide numerator and denominator by e^z: ŷ = σ(z)")
d.rel(0, "<", yhat, quote="因为这个数需要处在 0 和 1 之间", why="ŷ is a probability: above 0")
d.rel(yhat, "<", 1, quote="因为这个数需要处在 0 和 1 之间", why="ŷ is a probability: below 1")
d.eq(Pt(0) / (Pt(0) + Pt(1)), 1 - yhat, quote="由 sigmoid  函数控制的 Bernoulli 分布",
     why="the normalized probability of y = 0 is the complement of ŷ")
d.eq(Pt(0) / (Pt(0) + Pt(1)), 1 / (1 + exp(z)), quote="由 sigmoid  函数控制的 Bernoulli 分布", why="P(y=0|x) = σ(−z)")
SIGMOID_FROM_LOG_PROBABILITY = d.build()

# -- 2. the softmax unit and the log-softmax (eq. 6.30) ------------------------------------------------
d = DerivationBuilder("softmax_unit_log_softmax", title="The softmax unit and log softmax(z)_i = z_i − log Σ_j exp(z_j)",
                      source=SRC)
n = d.bounded("n", 2, None, strict=False, integer=True)
z = d.indexed("z", real=True)
i = d.index("i", 1, n)
k = d.index("k", 1, n)
j = d.symbols("j", integer=True)
S = Sum(exp(z[j]), (j, 1, n))
Pt = d.indexed("Ptilde", real=True)
d.define(Pt[i], exp(z[i]), quote=r"其中 $z_i=\log \hat{P}(y=i\mid\boldsymbol x)$",
         why="the linear layer predicts unnormalized log-probabilities z_i = log P̃(y=i|x)")
yhat = d.indexed("yhat", real=True)
d.define(yhat[i], exp(z[i]) / S,
         quote=r"\text{softmax}(\boldsymbol z)_i = \frac{\exp(z_i)}{\sum_j \exp(z_j)}", why="the softmax function, entry i")
d.eq(yhat[i], Pt[i] / Sum(Pt[j], (j, 1, n)), quote=r"softmax函数然后可以对 $z$ 指数化和归一化来获得需要的 $\hat{\boldsymbol y}$",
     why="softmax exponentiates the z_i (giving P̃) and normalizes")
d.rel(0, "<", yhat[i], quote=r"我们不仅要求每个 $\hat{y}_i$ 元素介于 0 和 1 之间", why="every entry is above 0: e^{z_i} > 0")
d.rel(yhat[i], "<", 1, quote=r"我们不仅要求每个 $\hat{y}_i$ 元素介于 0 和 1 之间",
      why="every entry is below 1: the normalizer has at least one other positive term (n >= 2)")
d.eq(Sum(yhat[j], (j, 1, n)), 1, quote="还要使得整个向量的和为 1", why="the entries sum to one: a valid distribution")
d.eq(log(yhat[i]), z[i] - log(S), quote=r"\log \text{softmax}(\boldsymbol z)_i = z_i - \log \sum_j \exp(z_j).",
     why="the log of the log-likelihood undoes the exp of the softmax (Σ_j exp(z_j) > 0)")
d.eq(Derivative(z[i], z[i]), 1, quote="式 6.30 中的第一项表示输入 $z_i$ 总是对代价函数有直接的贡献。因为这一项不会饱和",
     why="the first term's gradient with respect to z_i is 1 whatever z is: it never saturates, and it pushes z_i "
         "up (当最大化对数似然时，第一项鼓励 z_i 被推高)")
d.eq(Derivative(log(yhat[i]), z[i]), 1 - yhat[i], quote="所以即使 $z_i$ 对式 6.30 的第二项的贡献很小，学习依然可以进行",
     why="the gradient of the log-likelihood is 1 − softmax(z)_i: close to 1, not 0, when the second term contributes little")
d.eq(Derivative(-log(S), z[k]), -yhat[k], quote=r"而第二项则鼓励所有的 $\boldsymbol z$ 被压低",
     why="the gradient of −log Σ_j exp(z_j) with respect to any z_k is −softmax(z)_k")
d.rel(Derivative(-log(S), z[k]), "<", 0, quote=r"而第二项则鼓励所有的 $\boldsymbol z$ 被压低",
      why="that gradient is negative for every k: maximizing the log-likelihood pushes every z_k down")
SOFTMAX_UNIT_LOG_SOFTMAX = d.build()

# -- 3. log Σ_j exp(z_j) ≈ max_j z_j -------------------------------------------------------------------
d = DerivationBuilder("logsumexp_approximates_max", title="log Σ_j exp(z_j) ≈ max_j z_j: max ≤ LSE ≤ max + log n",
                      source=SRC)
n = d.symbols("n", integer=True, positive=True)
z = d.indexed("z", real=True)
m = d.symbols("m", real=True)
j = d.index("j", 1, n)
l = d.symbols("l", integer=True)
k = d.symbols("k", integer=True)
LSE = log(Sum(exp(z[k]), (k, 1, n)))
d.rel(z[j], "<=", LSE, quote=r"为了对第二项 $\log \sum_j \exp(z_j)$ 有一个直观的理解，注意到这一项可以大致近似为 $\max_j z_j$",
      why="lower bound, for every j: e^{z_j} is one of the positive terms of the sum, so z_j ≤ LSE")
d.rel(m, "<=", LSE, given=[Eq(m, z[j])], quote=r"注意到这一项可以大致近似为 $\max_j z_j$",
      why="in particular for the index j where the max is attained: max_j z_j ≤ LSE")
d.rel(LSE, "<=", m + log(n), given=[Le(z[l], m)], quote=r"注意到这一项可以大致近似为 $\max_j z_j$",
      why="upper bound: every z_l ≤ m = max, so the n terms are each at most e^m and the sum at most n·e^m")
d.eq(LSE - m, log(Sum(exp(z[k] - m), (k, 1, n))), quote=r"这种近似是基于对任何明显小于 $\max_j z_j$ 的 $z_k$，$\exp(z_k)$ 都是不重要的",
     why="the error of the approximation is the log of Σ_k exp(z_k − max), a sum of terms decided by the gaps")
dd = d.symbols("d", positive=True)
d.limit(log(exp(m) + exp(m - dd)) - m, dd, oo, 0, quote=r"这种近似是基于对任何明显小于 $\max_j z_j$ 的 $z_k$，$\exp(z_k)$ 都是不重要的",
        why="two entries, the other one d below the max: as the gap grows its exp stops mattering and LSE → max")
LOGSUMEXP_APPROXIMATES_MAX = d.build()

# -- 4. the correct answer with the largest input contributes little ----------------------------------
d = DerivationBuilder("softmax_nll_correct_max_contributes_little",
                      title="When the correct class has the largest input, −z_i + log Σ_j exp(z_j) ≈ 0", source=SRC)
n = d.symbols("n", integer=True, positive=True)
z = d.indexed("z", real=True)
i = d.index("i", 1, n)
l = d.symbols("l", integer=True)
k = d.symbols("k", integer=True)
S = Sum(exp(z[k]), (k, 1, n))
loss = d.define("NLL", -log(exp(z[i]) / S), quote="负对数似然代价函数", why="the negative log-likelihood of the correct class i")
d.eq(loss, -z[i] + log(S),
     quote=r"那么 $-z_i$ 项和 $\log\sum_j \exp(z_j) \approx \max_j z_j = z_i$ 项将大致抵消", why="eq. 6.30, negated")
d.rel(0, "<=", -z[i] + log(S), quote="负对数似然代价函数",
      why="the two terms never cancel below zero: z_i ≤ log Σ_j exp(z_j), so the cost is ≥ 0")
d.rel(-z[i] + log(S), "<=", log(n), given=[Le(z[l], z[i])],
      quote=r"如果正确答案已经具有了 softmax 的最大输入，那么 $-z_i$ 项和 $\log\sum_j \exp(z_j) \approx \max_j z_j = z_i$ 项将大致抵消",
      why="if z_i is the largest input (z_l ≤ z_i for every l), log Σ_j exp(z_j) ≤ z_i + log n: the two terms "
          "cancel up to at most log n")
dd = d.symbols("d", positive=True)
zi = d.symbols("zeta", real=True)
d.limit(-zi + log(exp(zi) + exp(zi - dd)), dd, oo, 0, quote="这个样本对于整体训练代价贡献很小",
        why="two classes, the correct one (input ζ) ahead of the other by d: the example's cost vanishes as d grows")
w = d.index("w", 1, n)
d.rel(-z[i] + log(S), ">=", z[w] - z[i],
      quote="负对数似然代价函数总是强烈地惩罚最活跃的不正确预测",
      why="for any class w (in particular the most active incorrect one), the cost is at least z_w − z_i: "
          "it grows at least linearly with how far the most active wrong input is above the correct one")
d.eq(Derivative(-z[i] + log(S), z[w]), exp(z[w]) / S, given=[Ne(w, i)],
     quote="负对数似然代价函数总是强烈地惩罚最活跃的不正确预测",
     why="the gradient on an incorrect input z_w is its softmax output p_w ...")
d.rel(exp(z[w]) / S, ">=", exp(z[l]) / S, given=[Le(z[l], z[w])],
      quote="负对数似然代价函数总是强烈地惩罚最活跃的不正确预测",
      why="... which is the largest for the most active input (z_l ≤ z_w for every l): that input is pushed down hardest")
SOFTMAX_NLL_CORRECT_MAX = d.build()

# -- 5. unregularized maximum likelihood drives softmax to the empirical ratios -------------------------
# The printed ratio counts, among the m training examples, those with input x⁽ʲ⁾ = x: the denominator is
# Σ_j 1{x⁽ʲ⁾ = x}, not m.  Inputs are discrete values X[r] (an input x0 compared by a Kronecker delta).
d = DerivationBuilder("softmax_max_likelihood_empirical_ratios",
                      title="Maximum likelihood: the gradient vanishes where softmax(z)_i = Σ_j 1{y⁽ʲ⁾=i, x⁽ʲ⁾=x} / Σ_j 1{x⁽ʲ⁾=x}",
                      source=SRC)
n = d.bounded("n", 2, None, strict=False, integer=True)
M = d.symbols("m", integer=True, positive=True)
z = d.indexed("z", real=True)
yl = d.indexed("y", integer=True)
X = d.indexed("X", integer=True)
x0 = d.symbols("x", integer=True)
i = d.index("i", 1, n)
k = d.symbols("k", integer=True)
r = d.symbols("r", integer=True)
S = Sum(exp(z[k]), (k, 1, n))
p = d.indexed("p", real=True)
d.define(p[i], exp(z[i]) / S,
         quote=r"\text{softmax}(\boldsymbol z(\boldsymbol x; \boldsymbol \theta))_i", why="the softmax output for the input x (shared by the examples with that input)")
count = d.indexed("N", real=True)
d.define(count[i], Sum(KroneckerDelta(yl[r], i) * KroneckerDelta(X[r], x0), (r, 1, M)),
         quote=r"\sum_{j=1}^m \bm{1}_{y^{(j)}=i, \boldsymbol x^{(j)} = \boldsymbol x}",
         why="how many of the m training examples have input x and label i")
Mx = d.define("M_x", Sum(KroneckerDelta(X[r], x0), (r, 1, M)),
              quote=r"\sum_{j=1}^{m} \bm{1}_{\boldsymbol x^{(j)} = \boldsymbol x}",
              why="how many of the m training examples have input x: the printed denominator")
LL = d.define("LL", Sum(KroneckerDelta(X[r], x0) * (z[yl[r]] - log(S)), (r, 1, M)), quote="未正则化的最大似然",
              why="the part of the log-likelihood Σ_j log softmax(z(x⁽ʲ⁾))_{y⁽ʲ⁾} that depends on z = z(x): the examples "
                  "with x⁽ʲ⁾ = x")
d.eq(Derivative(LL, z[i]), count[i] - Mx * p[i], quote="未正则化的最大似然会驱动模型去学习一些参数",
     why="gradient: each example with input x contributes 1{y⁽ʲ⁾=i} − softmax(z)_i, for every number of examples")
d.eq(Derivative(LL, z[i]), Mx * (count[i] / Mx - p[i]),
     quote=r"\text{softmax}(\boldsymbol z(\boldsymbol x; \boldsymbol \theta))_i \approx \frac{\sum_{j=1}^m \bm{1}_{y^{(j)}=i, \boldsymbol x^{(j)} = \boldsymbol x}  }{ \sum_{j=1}^{m} \bm{1}_{\boldsymbol x^{(j)} = \boldsymbol x} }",
     why="where some example has input x (M_x > 0), the gradient vanishes exactly where softmax(z)_i equals the "
         "printed ratio N_i / M_x")
SOFTMAX_ML_RATIOS = d.build()

# -- 6. the squared error saturates ---------------------------------------------------------------------
d = DerivationBuilder("softmax_squared_error_saturates",
                      title="Squared error on a softmax: no gradient for a confidently wrong prediction", source=SRC)
u = d.symbols("u", real=True)
t = d.symbols("t", positive=True)
v = d.symbols("v", real=True)


def _p1(a, b):
    return exp(a) / (exp(a) + exp(b))


def _p2(a, b):
    return exp(b) / (exp(a) + exp(b))


p1 = d.define("p_1", _p1(u, v), quote="平方误差对于 softmax 单元来说是一个很差的损失函数",
              why="two classes, scores u (the correct class 1) and v")
p2 = d.define("p_2", _p2(u, v), quote="平方误差对于 softmax 单元来说是一个很差的损失函数", why="the probability of the wrong class 2")
SE = d.define("SE", (1 - p1)**2 + (0 - p2)**2,
              quote="平方误差对于 softmax 单元来说是一个很差的损失函数", why="squared error against the one-hot target (1, 0)")
d.eq(Derivative(SE, u), -4 * p1 * p2**2, quote="那些不使用对数来抵消 softmax 中的指数的目标函数，当指数函数的变量取非常小的负值时会造成梯度消失",
     why="chain rule with ∂p_1/∂u = p_1 p_2, ∂p_2/∂u = −p_1 p_2 and 1 − p_1 = p_2")
d.limit(-4 * _p1(u, u + t) * _p2(u, u + t)**2, t, oo, 0,
        quote="即使模型做出高度可信的不正确预测，也不能训练模型改变其输出",
        why="confidently wrong: the wrong score is v = u + t, ahead by t → ∞; the gradient −4 p_1 p_2² on the "
            "correct score vanishes")
NLL = d.define("NLL", -log(p1), quote="对数似然中的 log 可以抵消 softmax 中的 exp", why="the log-likelihood loss for comparison")
d.eq(Derivative(NLL, u), p1 - 1, quote="对数似然中的 log 可以抵消 softmax 中的 exp", why="the log undoes the exp: gradient p_1 − 1")
d.limit(_p1(u, u + t) - 1, t, oo, -1, quote="除了对数似然之外的许多目标函数对 softmax 函数不起作用",
        why="the log-likelihood gradient p_1 − 1 does not vanish in the same situation (v = u + t): it tends to −1")
# the same for any number n of classes: correct class c, the confidently predicted wrong class w ahead of it by t
nq = d.bounded("n", 2, None, strict=False, integer=True)
zq = d.indexed("z", real=True)
cq, wq = d.index("c", 1, nq), d.index("w", 1, nq)
kq = d.symbols("k", integer=True)
Sq = Sum(exp(zq[kq]), (kq, 1, nq))
pq = d.indexed("p", real=True)
d.define(pq[cq], exp(zq[cq]) / Sq, quote=r"\text{softmax}(\boldsymbol z)_i = \frac{\exp(z_i)}{\sum_j \exp(z_j)}",
         why="n classes: the softmax output of any class (c ranges over 1..n)")
SEn = d.define("SE_n", Sum((exp(zq[kq]) / Sq - KroneckerDelta(kq, cq))**2, (kq, 1, nq)),
               quote="平方误差对于 softmax 单元来说是一个很差的损失函数",
               why="the squared error against the one-hot target of the correct class c, for n classes")
Q = Sum((exp(zq[kq]) / Sq)**2, (kq, 1, nq))
d.eq(Derivative(SEn, zq[cq]), 2 * pq[cq] * (2 * pq[cq] - 1 - Q), added=True,
     why="its gradient on the correct class's input: Σ_k 2(p_k − δ_kc) p_k(δ_kc − p_c) = 2p_c(2p_c − 1 − Σ_k p_k²)")
d.rel(2 * pq[cq] - 1 - Q, "<=", -(1 - pq[cq])**2, added=True, label="factor_le",
      why="Σ_k p_k² ≥ p_c², so 2p_c − 1 − Σ_k p_k² ≤ 2p_c − 1 − p_c² = −(1 − p_c)²")
d.rel(Q, "<=", 1, added=True, label="squares_le_one", why="Σ_k p_k² ≤ Σ_k p_k = 1")
d.conclude(2 * pq[cq] * (2 * pq[cq] - 1 - Q), "<=", 0, from_steps=["factor_le"], added=True,
           why="p_c > 0 times a factor ≤ 0: the gradient is ≤ 0")
d.conclude(2 * pq[cq] * (2 * pq[cq] - 1 - Q), ">=", -4 * pq[cq], from_steps=["squares_le_one"], added=True,
           why="the factor is at least 2p_c − 2 ≥ −2: the gradient's size is at most 4p_c")
tq = d.symbols("t_gap", positive=True)
d.rel(pq[cq], "<=", exp(-tq), given=[zq[cq] <= zq[wq] - tq],
      quote="即使模型做出高度可信的不正确预测，也不能训练模型改变其输出",
      why="confidently wrong: some class w scores t above the correct class c, so p_c ≤ e^{z_c − z_w} ≤ e^{−t}: "
          "the squared-error gradient (at most 4p_c ≤ 4e^{−t} in size) vanishes as t grows, for every n")
d.eq(Derivative(-log(pq[cq]), zq[cq]), pq[cq] - 1, added=True,
     why="the log-likelihood gradient on the same input is p_c − 1 ≤ e^{−t} − 1: it tends to −1, not 0, for every n")
SOFTMAX_SQUARED_ERROR = d.build()

# -- 7. shift invariance and the numerically stable variant (unnumbered in the text) ---------------------
d = DerivationBuilder("softmax_shift_invariance_stable_form",
                      title="softmax(z) = softmax(z + c) and the stable form softmax(z − max_i z_i)", source=SRC)
n = d.symbols("n", integer=True, positive=True)
z = d.indexed("z", real=True)
c = d.symbols("c", real=True)
m = d.symbols("m", real=True)
i = d.index("i", 1, n)
j = d.index("j", 1, n)
l = d.symbols("l", integer=True)
k = d.symbols("k", integer=True)
S = Sum(exp(z[k]), (k, 1, n))
d.eq(exp(z[i] + c) / Sum(exp(z[k] + c), (k, 1, n)), exp(z[i]) / S,
     quote=r"\text{softmax}(\boldsymbol z) = \text{softmax}(\boldsymbol z+c).", why="adding c to every input multiplies numerator and denominator by e^c")
d.eq(exp(z[i] - m) / Sum(exp(z[k] - m), (k, 1, n)), exp(z[i]) / S,
     quote=r"\text{softmax}(\boldsymbol z) = \text{softmax}(\boldsymbol z- \max_i z_i).", why="shift invariance with c = −max_i z_i")
d.rel(exp(z[l] - m), "<=", 1, given=[Le(z[l], m)], quote="变换后的形式允许我们在对 softmax 函数求值时只有很小的数值误差",
      why="every shifted input z_l − max is ≤ 0, so no exp overflows: each term is at most 1")
d.rel(Sum(exp(z[k] - m), (k, 1, n)), ">=", 1, given=[Eq(m, z[j])], quote="即使是当 $z$ 包含极正或者极负的数时",
      why="the term of the max is e^0 = 1, so the shifted normalizer is at least 1 (no division by an underflowed 0)")
SOFTMAX_SHIFT_STABLE = d.build()

# -- 8. saturation: to 1 for a dominant max, to 0 for a non-max entry ------------------------------------
d = DerivationBuilder("softmax_saturation_limits", title="Softmax saturates to 1 (dominant max) and to 0 (non-max)",
                      source=SRC)
a = d.symbols("a", real=True)
g2, g3 = d.symbols("g_2 g_3", nonnegative=True)
t = d.symbols("t", positive=True)
# three inputs: z_1 = a is the max, z_2 = a − t − g_2 and z_3 = a − t − g_3 are at least t below it
Z1, Z2, Z3 = a, a - t - g2, a - t - g3
den = exp(Z1) + exp(Z2) + exp(Z3)
d.limit(exp(Z1) / den, t, oo, 1,
        quote=r"当其中一个输入是最大（$z_i = \max_i z_i$）并且 $z_i$ 远大于其他的输入时，相应的输出 $\text{softmax}(\boldsymbol z)_i$ 会饱和到 1",
        why="three inputs; z_1 is the max and the others fall t (or more) below it, t → ∞")
d.limit(exp(Z2) / den, t, oo, 0, quote=r"当 $z_i$ 不是最大值并且最大值非常大时，相应的输出 $\text{softmax}(\boldsymbol z)_i$ 也会饱和到 0",
        why="the same inputs: a non-max output goes to 0 as the max pulls away")
d.limit(exp(Z3) / den, t, oo, 0, quote="它变成了赢者通吃的形式（其中一个输出接近 1，其他的接近 0）",
        why="winner-take-all: every other output goes to 0")
# for every number of inputs: the max a and n other inputs w_k = a − t − g_k (g_k ≥ 0), each at least t below it
nn = d.symbols("n", integer=True, positive=True)
g = d.indexed("g", nonnegative=True)
kk = d.symbols("k", integer=True)
jj = d.index("j", 1, nn)
Sw = Sum(exp(a - t - g[kk]), (kk, 1, nn))
d.eq(1 - exp(a) / (exp(a) + Sw), Sw / (exp(a) + Sw), added=True,
     why="n + 1 inputs: the max a and w_k = a − t − g_k (k = 1..n); the max's distance from 1 is the others' share",
     label="distance_is_share")
s1 = d.chain(Sw / (exp(a) + Sw),
             ("<=", Sw / exp(a), "the denominator without the others' terms is smaller"),
             ("==", Sum(exp(-t - g[kk]), (kk, 1, nn)), "divide every term by e^a"),
             ("<=", nn * exp(-t), "n terms, each e^{−t−g_k} ≤ e^{−t}"),
             added=True, why="the others' share is at most n·e^{−t}", label="others_share")
d.conclude(1 - exp(a) / (exp(a) + Sw), "<=", nn * exp(-t), from_steps=["distance_is_share", "others_share"],
           quote=r"当其中一个输入是最大（$z_i = \max_i z_i$）并且 $z_i$ 远大于其他的输入时，相应的输出 $\text{softmax}(\boldsymbol z)_i$ 会饱和到 1",
           why="so for every n the max's output is within n·e^{−t} of 1")
d.limit(nn * exp(-t), t, oo, 0, quote="会饱和到 1", why="and n·e^{−t} → 0 as the gap t grows: saturation to 1, for every n")
d.erratum(Limit(exp(a - Rational(1, 10)) / (exp(a) + exp(a - Rational(1, 10))), a, oo), 0,
          quote=r"当 $z_i$ 不是最大值并且最大值非常大时，相应的输出 $\text{softmax}(\boldsymbol z)_i$ 也会饱和到 0",
          why="as worded ('the max is very large') it is false: two inputs z = (a, a − 1/10), the max a → ∞, and the "
              "other output stays 1/(1 + e^{1/10}) ≈ 0.475 (z = (1000, 999.9) gives 0.475). The book's original "
              "says the max is much greater than z_i; the translation dropped 'than z_i'")
d.rel(exp(a - t - g[jj]) / (exp(a) + Sw), "<=", exp(-t), added=True,
      why="the corrected claim, for every n: an input at least t below the max has output at most e^{−t}, which "
          "→ 0 as the gap t (not the max itself) grows")
d.numeric(exp(Rational(9999, 10)) / (exp(1000) + exp(Rational(9999, 10))), 1 / (1 + exp(Rational(1, 10))), added=True,
          why="the counterexample in numbers: z = (1000, 999.9) gives softmax(z)_2 = 1/(1 + e^{0.1})")
d.numeric(Rational(47, 100), 1 / (1 + exp(Rational(1, 10))), rel="<", added=True,
          why="≈ 0.475: far from 0 although the max is very large")
d.conclude(Sw / (exp(a) + Sw), "<=", nn * exp(-t), from_steps=["others_share"],
           quote="它变成了赢者通吃的形式（其中一个输出接近 1，其他的接近 0）",
           why="winner-take-all for every n: the other outputs together are at most n·e^{−t} → 0 (each at most e^{−t})")
SOFTMAX_SATURATION = d.build()

# -- 9. the n − 1 parametrization (z_n = 0) and the sigmoid --------------------------------------------
d = DerivationBuilder("softmax_n_minus_1_parametrization",
                      title="Only n − 1 parameters are needed; with two classes and one input fixed to 0, a sigmoid",
                      source=SRC)
n = d.bounded("n", 2, None, strict=False, integer=True)
z = d.indexed("z", real=True)
k = d.symbols("k", integer=True)
i = d.index("i", 1, n)
S = Sum(exp(z[k]), (k, 1, n))
p = d.indexed("p", real=True)
d.define(p[i], exp(z[i]) / S,
         quote=r"\text{softmax}(\boldsymbol z)_i = \frac{\exp(z_i)}{\sum_j \exp(z_j)}", why="the softmax outputs")
d.eq(p[n], 1 - Sum(p[k], (k, 1, n - 1)), quote="第 $n$ 个概率值可以通过 1 减去前面 $n-1$ 个概率来获得",
     why="the n outputs sum to 1, so the last one is 1 minus the first n − 1")
zl = d.symbols("z_last", real=True)
Sfix = Sum(exp(z[k]), (k, 1, n - 1)) + exp(zl)
d.instantiate({zl: 0}, exp(zl) / Sfix, 1 / (1 + Sum(exp(z[k]), (k, 1, n - 1))),
              quote="例如，我们可以要求 $z_n=0$", why="fixing z_n = 0 leaves the free inputs z_1..z_{n−1}; e^0 = 1")
z1, z2 = d.symbols("z_1 z_2", real=True)
s1 = d.define("s_1", exp(z1) / (exp(z1) + exp(z2)), quote=r"$P(y=1\mid\boldsymbol x)=\text{softmax}(\boldsymbol z)_1$",
              why="two classes: softmax entry 1")
d.eq(s1, 1 / (1 + exp(-(z1 - z2))), quote=r"定义 $P(y=1\mid\boldsymbol x)=\sigma(z)$ 等价于用二维的 $\boldsymbol z$",
     why="two-class softmax is the sigmoid of the difference of the inputs: softmax(z)_1 = σ(z_1 − z_2)")
d.instantiate({z1: 0}, s1, 1 / (1 + exp(z2)), added=True,
              why="with z_1 = 0, as printed: softmax(z)_1 = 1/(1 + e^{z_2}) = σ(−z_2), a sigmoid of the one free input")
d.erratum(1 / (1 + exp(-z2)), 1 / (1 + exp(z2)),
          quote=r"定义 $P(y=1\mid\boldsymbol x)=\sigma(z)$ 等价于用二维的 $\boldsymbol z$ 以及 $z_1=0$ 来定义 $P(y=1\mid\boldsymbol x)=\text{softmax}(\boldsymbol z)_1$",
          why="the printed equivalence, with z the free input z_2: σ(z_2) is not softmax(z)_1 at z_1 = 0, which is "
              "σ(−z_2) (at z_2 = 1: 0.73 vs 0.27). Fixing the input of the class itself gives the other class's sigmoid")
d.instantiate({z2: 0}, s1, 1 / (1 + exp(-z1)), added=True,
              why="corrected: fix the other class's input, z_2 = 0; then softmax(z)_1 = σ(z_1), the sigmoid unit of the "
                  "binary case (log P̃(y=0) = 0, z_1 = log P̃(y=1|x)) — 事实上，这正是 sigmoid 单元所做的")
SOFTMAX_N_MINUS_1 = d.build()

# -- 10. softmax is a soft argmax; softmax(z)ᵀz is a soft max --------------------------------------------
# The text says softmax "provides a softened version of argmax" ("softmax 函数因此提供了 argmax 的"软化"版本")
# and that the softened max is softmax(z)ᵀz; it has no temperature.  Reading "soft" through a temperature T
# (softmax(z/T) → one-hot argmax as T → 0+) is softsym's, so every step here is marked added.
d = DerivationBuilder("softmax_soft_argmax_soft_max",
                      title="softmax is a soft argmax and softmax(z)ᵀz a soft max", source=SRC)
a = d.symbols("a", real=True)
d1, d2 = d.symbols("d_1 d_2", positive=True)
T = d.symbols("T", positive=True)
# three inputs with a unique max: z_1 = a, z_2 = a − d_1, z_3 = a − d_2 (positive gaps)
zs = (a, a - d1, a - d2)
den = sum(exp(zk / T) for zk in zs)
soft = [exp(zk / T) / den for zk in zs]
softmax_dot_z = sum(sk * zk for sk, zk in zip(soft, zs))
d.limit(soft[0], T, 0, 1, added=True,
        why="softmax(z/T) as the temperature T → 0+: the entry of the max tends to 1 ...")
shifted = [exp((zk - a) / T) / (1 + exp(-d1 / T) + exp(-d2 / T)) for zk in zs]
d.eq(soft[1], shifted[1], added=True,
     why="shift invariance with c = −max/T: only the gaps below the max remain, e^{−d_1/T}/(1 + e^{−d_1/T} + e^{−d_2/T})")
d.limit(shifted[1], T, 0, 0, added=True,
        why="... and the others to 0 as T → 0+: the one-hot argmax")
d.eq(soft[2], shifted[2], added=True, why="the same shift for the third entry")
d.limit(shifted[2], T, 0, 0, added=True, why="... every non-max entry tends to 0")
d.limit(softmax_dot_z, T, 0, a, added=True,
        why="softmax(z/T)ᵀz → max_i z_i = a as T → 0+")
d.limit(soft[1], T, oo, Rational(1, 3), added=True,
        why="the other end of the temperature scale: as T → ∞ every entry tends to 1/n = 1/3 (uniform)")
d.limit(softmax_dot_z, T, oo, sum(zs) / 3, added=True,
        why="and softmax(z/T)ᵀz tends to the mean of z")
# without a temperature, for every number of inputs: softmax(z) approaches the one-hot argmax as the max pulls
# away (the max a, the others a − t − g_k, g_k ≥ 0), and softmax(z)ᵀz is a weighted average of z below max z
nn = d.symbols("n", integer=True, positive=True)
g = d.indexed("g", nonnegative=True)
t = d.symbols("t", positive=True)
kk = d.symbols("k", integer=True)
jj = d.index("j", 1, nn)
Sw = Sum(exp(a - t - g[kk]), (kk, 1, nn))
d.chain(1 - exp(a) / (exp(a) + Sw), ("==", Sw / (exp(a) + Sw), "the others' share"),
        ("<=", Sw / exp(a), "a smaller denominator"),
        ("==", Sum(exp(-t - g[kk]), (kk, 1, nn)), "divide every term by e^a"),
        ("<=", nn * exp(-t), "n terms, each at most e^{−t}"),
        quote='softmax 函数因此提供了 argmax 的"软化"版本',
        why="soft argmax, for every n: the argmax's entry is within n·e^{−t} of its one-hot value 1 ...")
d.rel(exp(a - t - g[jj]) / (exp(a) + Sw), "<=", exp(-t), quote='softmax 函数因此提供了 argmax 的"软化"版本',
      why="... and every other entry within e^{−t} of its one-hot value 0; both bounds → 0 as the gap t grows")
nz = d.symbols("m_n", integer=True, positive=True)
zz = d.indexed("z", real=True)
mx = d.symbols("M", real=True)
lq, kq = d.symbols("l q", integer=True)
Sz = Sum(exp(zz[kq]), (kq, 1, nz))
d.rel(Sum(exp(zz[kq]) * zz[kq], (kq, 1, nz)) / Sz, "<=", mx, given=[Le(zz[lq], mx)],
      quote=r"max 函数相应的软化版本是 $\text{softmax}(\boldsymbol z)^\top \boldsymbol z$",
      why="soft max, for every n: softmax(z)ᵀz = Σ_k softmax(z)_k z_k is a weighted average of the z_k (weights "
          "summing to 1), so it never exceeds max_k z_k (M bounds every z_l)")
SOFTMAX_SOFT_ARGMAX = d.build()

# -- 11. competition between the units (lateral inhibition) -------------------------------------------
d = DerivationBuilder("softmax_units_compete",
                      title="Softmax outputs sum to 1: raising one unit lowers the others", source=SRC)
n = d.bounded("n", 2, None, strict=False, integer=True)
z = d.indexed("z", real=True)
i = d.index("i", 1, n)
j = d.index("j", 1, n)
k = d.symbols("k", integer=True)
r = d.symbols("r", integer=True)
S = Sum(exp(z[k]), (k, 1, n))
p = d.indexed("p", real=True)
d.define(p[i], exp(z[i]) / S,
         quote=r"\text{softmax}(\boldsymbol z)_i = \frac{\exp(z_i)}{\sum_j \exp(z_j)}", why="the softmax outputs")
d.eq(Sum(p[r], (r, 1, n)), 1, quote="softmax 输出总是和为 1", why="the outputs always sum to 1")
d.eq(Sum(Derivative(p[r], z[i]), (r, 1, n)), 0, quote="所以一个单元的值增加必然对应着其他单元值的减少",
     why="the sum is constant, so the changes of all outputs under any input change add up to 0")
d.rel(Derivative(p[j], z[i]), "<", 0, given=[Ne(i, j)], quote="所以一个单元的值增加必然对应着其他单元值的减少",
      why="raising input i lowers every other output j: ∂p_j/∂z_i = −p_i p_j < 0")
SOFTMAX_COMPETE = d.build()
