"""Softmax properties, the L1 norm of its Jacobian, cross-entropy and softmax regression from scratch:
004_e81365b828eb09e1.txt §一.2, §一.3 (the L1 norm), §一.4, §二 — and §二's code in IEEE floating point.

(The Jacobian itself, §一.3, is in softmax_jacobian.py as softmax_jacobian_004.)  n is the number
of classes of a single-label multi-class task (n >= 2); sums run over a bound index k.
"""
from sympy import Abs, Derivative, Eq, KroneckerDelta, Mul, Ne, Pow, Rational, Sum, exp, log, oo

from softsym import kernels
from softsym.dsl import DerivationBuilder, Source

FILE = "004_e81365b828eb09e1.txt"

# -- 1. §一.2: monotonicity, invariance, range and sum ----------------------------------------------------
d = DerivationBuilder("softmax_monotone_invariant", title="Softmax is monotone, shift invariant, in (0,1) and sums to 1",
                      source=Source(FILE, "§一.2 介绍"))
n = d.bounded("n", 2, None, strict=False, integer=True)
x = d.indexed("x", real=True)
i, j = d.index("i", 1, n), d.index("j", 1, n)
k = d.symbols("k", integer=True)
S = Sum(exp(x[k]), (k, 1, n))
p = d.indexed("p", real=True)
d.define(p[i], exp(x[i]) / S,
         quote=r"p_i = softmax(\mathbf{x})_i = \frac{e^{x_i}}{\sum_{j=1}^{n}{e^{x_j}}}", why="softmax entry i")
d.eq(p[i] / p[j], exp(x[i] - x[j]), quote=r"单调性：$p_i > p_j \Longleftrightarrow x_i > x_j$",
     why="the normalizer cancels in a ratio: p_i/p_j = e^{x_i − x_j}")
d.eq(p[i] - p[j], p[j] * (exp(x[i] - x[j]) - 1), quote=r"单调性：$p_i > p_j \Longleftrightarrow x_i > x_j$",
     why="so p_i − p_j = p_j(e^{x_i−x_j} − 1) has the sign of x_i − x_j (p_j > 0)")
d.rel(p[i], ">", p[j], given=[x[j] < x[i]],
      quote=r"单调性：$p_i > p_j \Longleftrightarrow x_i > x_j$", why="the ⟸ direction of the printed ⟺")
d.rel(p[i], "<=", p[j], given=[x[i] <= x[j]], quote=r"单调性：$p_i > p_j \Longleftrightarrow x_i > x_j$",
      why="the ⟹ direction, as its contrapositive: x_i ≤ x_j gives p_i ≤ p_j")
d.rel(p[i], "<", p[j], given=[x[i] < x[j]], quote='x_i > x_j$ , $<$ 同理', why="the same for <: x_i < x_j gives p_i < p_j")
d.rel(p[i], ">=", p[j], given=[x[j] <= x[i]], quote='x_i > x_j$ , $<$ 同理',
      why="and p_i < p_j ⟹ x_i < x_j, as its contrapositive x_i ≥ x_j ⟹ p_i ≥ p_j")
c = d.symbols("c", real=True)
d.eq(exp(x[i] + c) / Sum(exp(x[k] + c), (k, 1, n)), exp(x[i]) / S,
     quote=r"不变性：$softmax(\mathbf{x}) = softmax(\mathbf{x} + c)\ \ \  \forall c \in \mathbb{R}$",
     why="adding c to every input multiplies numerator and denominator by e^c")
d.rel(0, "<", p[i], quote='$softmax$ 将某层的输出，映射为 $(0, 1)$ 的值', why="lower end of (0, 1)")
d.rel(p[i], "<", 1, quote='$softmax$ 将某层的输出，映射为 $(0, 1)$ 的值',
      why="upper end of (0, 1): with n >= 2 classes the normalizer has another positive term")
d.eq(Sum(p[k], (k, 1, n)), 1, quote='这些值累加为1，满足概率的性质', why="the entries sum to 1")
SOFTMAX_MONOTONE_INVARIANT = d.build()

# -- 2. §一.3: the L1 norm of the Jacobian ------------------------------------------------------------------
d = DerivationBuilder("softmax_jacobian_l1_norm", title="½‖∂p/∂x‖₁ = 1 − Σ_i p_i²",
                      source=Source(FILE, "§一.3 梯度计算"))
n = d.symbols("n", integer=True, positive=True)
x = d.indexed("x", real=True)
i, j = d.index("i", 1, n), d.index("j", 1, n)
k = d.symbols("k", integer=True)
S = Sum(exp(x[k]), (k, 1, n))
p = d.indexed("p", real=True)
d.define(p[i], exp(x[i]) / S, at="§一.2",
         quote=r"p_i = softmax(\mathbf{x})_i = \frac{e^{x_i}}{\sum_{j=1}^{n}{e^{x_j}}}", why="softmax entry i")
J = d.indexed("J", real=True)
d.define(J[i, j], p[i] * KroneckerDelta(i, j) - p[i] * p[j],
         quote=r"\frac{\partial p_i}{\partial x_j} = p_i \delta_{i,j} - p_i p_j",
         why="the Jacobian entry, as summarized just above (proved in softmax_jacobian_004)")
d.rel(J[i, i], ">=", 0, quote=r"= \frac{1}{2} \sum_i (p_i - p_i^2)",
      why="the diagonal p_i − p_i² = p_i(1 − p_i) is ≥ 0 since 0 < p_i ≤ 1: |∂p_i/∂x_i| = p_i − p_i²")
d.rel(J[i, j], "<=", 0, given=[Ne(i, j)], quote=r"+ \frac{1}{2} \sum_{i \neq j} p_i p_j",
      why="off the diagonal −p_i p_j ≤ 0: |∂p_i/∂x_j| = p_i p_j")
half = Rational(1, 2)
# the printed sums run over i and j (1..n): the declared indices serve as the summation variables
L1 = d.define("L1_half", half * Sum(Sum(Abs(J[i, j]), (j, 1, n)), (i, 1, n)),
              quote=r"\frac{1}{2} \left\| \frac{\partial p}{\partial x} \right\|_1 = \frac{1}{2} \sum_{i,j} \left| \frac{\partial p_i}{\partial x_j} \right|", why="half the entrywise L1 norm of the Jacobian")
diag = half * Sum(p[i] - p[i]**2, (i, 1, n))
off = half * Sum(Sum((1 - KroneckerDelta(i, j)) * p[i] * p[j], (j, 1, n)), (i, 1, n))
d.eq(L1, diag + off, quote=r"= \frac{1}{2} \sum_i (p_i - p_i^2) + \frac{1}{2} \sum_{i \neq j} p_i p_j",
     why="split the double sum into the diagonal and the off-diagonal entries and drop the absolute values")
d.eq(diag + off, 1 - Sum(p[i]**2, (i, 1, n)), quote=r"= 1 - \sum_i p_i^2",
     why="Σ_i p_i = 1 and Σ_{i≠j} p_i p_j = (Σ_i p_i)² − Σ_i p_i² = 1 − Σ_i p_i²: the two halves are equal")
x1 = d.symbols("x_1", real=True)
dd = d.symbols("d", positive=True)
q1 = exp(x1) / (exp(x1) + exp(x1 - dd))
q2 = exp(x1 - dd) / (exp(x1) + exp(x1 - dd))
d.limit(1 - q1**2 - q2**2, dd, oo, 0, quote=r"这说明如果 $\mathbf{p}$ 接近 one hot 分布的时候，梯度消失现象会很严重",
        why="two classes, x_2 = x_1 − d: as p approaches one-hot (d → ∞) the Jacobian's norm 1 − Σ p_i² goes to 0")
tt = d.index("t", 1, n)
d.chain(1 - Sum(p[i]**2, (i, 1, n)), ("<=", 1 - p[tt]**2, "Σ_i p_i² ≥ p_t², one of its nonnegative terms"),
        ("<=", 2 * (1 - p[tt]), "1 − p_t² = (1 − p_t)(1 + p_t) ≤ 2(1 − p_t)"),
        quote=r"这说明如果 $\mathbf{p}$ 接近 one hot 分布的时候，梯度消失现象会很严重",
        why="for every n: the Jacobian's norm 1 − Σ_i p_i² is at most twice the distance 1 − p_t of any entry from 1, "
            "so it vanishes as p approaches the one-hot vector of t")
SOFTMAX_JACOBIAN_L1 = d.build()

# -- 3. §一.4: cross-entropy with a one-hot target and its gradient ----------------------------------------
d = DerivationBuilder("softmax_cross_entropy_gradient", title="Cross-entropy −ln p_t and its gradient p − onehot(t)",
                      source=Source(FILE, "§一.4 损失函数"))
n = d.bounded("n", 2, None, strict=False, integer=True)
x = d.indexed("x", real=True)
t, j = d.index("t", 1, n), d.index("j", 1, n)
i = d.index("i", 1, n)
k = d.symbols("k", integer=True)
S = Sum(exp(x[k]), (k, 1, n))
p = d.indexed("p", real=True)
d.define(p[i], exp(x[i]) / S, quote=r"\mathbf{p} = softmax(\mathbf{x})", why="the predicted class probabilities")
y = d.indexed("y", real=True)
Loss = d.define("Loss", -Sum(y[k] * log(p[k]), (k, 1, n)), quote=r"Loss(\mathbf{x}) = -\sum_{i = 1}^{n}y_i \cdot lnp_i",
                why="the cross-entropy between the target distribution y and p")
d.define(y[i], KroneckerDelta(i, t), quote='如果我们目标类别是 $t$, 我们可以将 $y_t$ 置为1，其他全部置为0',
         why="the one-hot target of class t")
d.eq(Loss, -log(p[t]), quote=r"Loss(\mathbf{x}) = -lnp_t", why="only the term of the target class remains")
d.eq(-Derivative(log(p[t]), x[j]), p[j] - KroneckerDelta(t, j),
     quote=r"-\frac{\partial ln p_t}{\partial x_j} = p_j - \delta_{t, j}",
     why="∂ln p_t/∂x_j = δ_{t,j} − e^{x_j}/Σ_k e^{x_k}")
d.eq(-Derivative(log(p[t]), x[j]), p[j] - 1, given=[Eq(j, t)], quote=r"p_j - 1\ \ \ j = t", why="the target entry")
d.eq(-Derivative(log(p[t]), x[j]), p[j], given=[Ne(j, t)],
     quote=r"p_j\ \ \ \ \ \ \ \ \ \ j \neq t", why="every other entry")
d.eq(-Derivative(log(p[t]), x[j]), p[j] - y[j],
     quote=r"\frac{\partial Loss(\mathbf{x})}{\partial \mathbf{x}} = \mathbf{p} - onehot(t)",
     why="with Loss(x) = −ln p_t: δ_{t,j} is the one-hot vector y of t, so the gradient is predicted minus target")
d.erratum(-Derivative(log(p[t]), x[j]), y[j] - p[j], quote="也就是说，它的梯度正好是目标分布与预测分布之差",
          why="'目标分布与预测分布之差' is target minus prediction, y − p: the sign is wrong (two classes, t = 1: "
              "the gradient on x_1 is p_1 − 1 < 0, the printed difference 1 − p_1 > 0)")
d.eq(-Derivative(log(p[t]), x[j]), p[j] - y[j], quote="目标类别 $p_t$ 减一，其余不变",
     why="corrected: prediction minus target, as the formula above prints it — the target entry p_t − 1, the others p_j")
d.rel(-Derivative(log(p[t]), x[t]), "<", 0, quote='只要两者不相等，那么梯度会一直存在',
      why="the target entry of the gradient p_t − 1 is never 0: p_t < 1 for n >= 2, so p never equals onehot(t)")
SOFTMAX_CE_GRADIENT = d.build()

# -- 4. §二: softmax regression from scratch: the math the code implements ----------------------------------
d = DerivationBuilder("softmax_regression_from_scratch", title="Softmax regression from scratch: shapes, softmax and cross_entropy",
                      source=Source(FILE, "§二 从零实现Softmax回归"))
d.numeric(Mul(784, 10, evaluate=False), 7840, quote=r"可以知道$\mathbf{W} \in \mathbb{R}^{784 * 10}$",
          why="W has num_inputs·num_outputs = 784·10 entries: the printed shape and the code agree")
d.erratum(Mul(10, 10, evaluate=False), 10, quote=r"$\mathbf{b} \in \mathbb{R}^{10 * 10}$",
          why="the printed shape of b has 10·10 = 100 entries, but in o = xW + b the bias has one entry per output: "
              "the code's b = torch.zeros(num_outputs) has 10 (10·10 would be the shape of XW for a batch of 10 "
              "examples, which the text wrongly takes num_outputs = 10 to mean; batch_size is 256)")
d.numeric(Mul(1, 10, evaluate=False), 10, added=True,
          why="o = xW + b for one flattened image x ∈ R^{1×784}: xW ∈ R^{1×10}, so b has num_outputs = 10 entries")
D, Q = d.symbols("D Q", integer=True, positive=True)       # num_inputs (784) and num_outputs (10)
r = d.symbols("r", integer=True, positive=True)              # a row of the minibatch
c = d.index("c", 1, Q)
t = d.index("t", 1, Q)                                       # the label y[r] of row r (1-based here)
k, m = d.symbols("k m", integer=True)
X, W, b = d.indexed("X", real=True), d.indexed("W", real=True), d.indexed("b", real=True)
O = d.indexed("O", real=True)
d.define(O[r, c], Sum(X[r, k] * W[k, c], (k, 1, D)) + b[c],
         quote='return softmax(torch.matmul(X.reshape((-1, W.shape[0])), W) + b)', why="o = x·W + b for row r (b broadcast over rows)")
Xexp = d.indexed("X_exp", real=True)
d.define(Xexp[r, c], exp(O[r, c]), quote='X_exp = torch.exp(X)', why="elementwise exp")
Srow = d.indexed("X_exp_sum", real=True)
d.define(Srow[r], Sum(Xexp[r, m], (m, 1, Q)), quote='X_exp.sum(dim=1, keepdim=True)', why="按行求和: the sum of row r")
yhat = d.indexed("y_hat", real=True)
d.define(yhat[r, c], Xexp[r, c] / Srow[r], quote='return X_exp / X_exp.sum(dim=1, keepdim=True)',
         why="每行都除以它对应行的和 (broadcast)")
d.eq(yhat[r, c], exp(O[r, c]) / Sum(exp(O[r, m]), (m, 1, Q)), quote='def softmax(X): X_exp = torch.exp(X) return X_exp / X_exp.sum(dim=1, keepdim=True)',
     why="the code computes §一.2's p_i = e^{x_i}/Σ_j e^{x_j} for each row")
d.eq(Sum(yhat[r, m], (m, 1, Q)), 1, quote='按行求和，然后每行都除以它对应行的和', why="every row of the output sums to 1")
ce = d.define("cross_entropy_r", -log(yhat[r, t]), quote='return -torch.log(y_hat[range(len(y_hat)), y])',
              why="row r: minus the log of the probability at the row's label t = y[r]")
d.eq(ce, -Sum(KroneckerDelta(m, t) * log(yhat[r, m]), (m, 1, Q)), quote='损失函数这里采取上文所述的交叉熵',
     why="selecting the label's probability is §一.4's −Σ_i y_i ln p_i with the one-hot y of t")
d.eq(ce, -O[r, t] + log(Sum(exp(O[r, m]), (m, 1, Q))), quote='def cross_entropy(y_hat, y): return -torch.log(y_hat[range(len(y_hat)), y])',
     why="−ln p_t = −o_t + log Σ_j e^{o_j}")
R = Rational
d.numeric(R("0.1") + R("0.3") + R("0.6"), 1, quote='y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])', why="the test rows are distributions")
d.numeric(R("0.3") + R("0.2") + R("0.5"), 1, quote='y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])', why="the test rows are distributions")
d.numeric(-log(R("0.1")), log(10), quote='y = torch.tensor([0, 2])',
          why="−ln 0.1 = ln 10")
d.numeric(-log(R("0.5")), log(2), quote='y = torch.tensor([0, 2])',
          why="−ln 0.5 = ln 2")
d.numeric(Mul(28, 28, evaluate=False), 784, added=True, at="§二",
          why="the images (Fashion-MNIST, load_data_fashion_mnist) are 28×28 pixel matrices: flattened, length 784")
d.numeric(R("0.6"), R("0.3"), rel=">", quote='y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])',
          why="row 0: 0.6 > 0.3 > 0.1, so argmax = 2")
d.numeric(R("0.5"), R("0.3"), rel=">", quote='y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])',
          why="row 1: 0.5 > 0.3 > 0.2, so argmax = 2: y_hat.argmax(axis=1) = [2, 2]")
d.numeric(KroneckerDelta(2, 0) + KroneckerDelta(2, 2), 1, quote="cmp = y_hat.type(y.dtype) == y",
          why="against y = [0, 2]: row 0 wrong (2 ≠ 0), row 1 right (2 = 2): accuracy() returns 1 correct")
d.numeric(Mul(1, Pow(2, -1, evaluate=False), evaluate=False), R(1, 2), quote="return metric[0] / metric[1]",
          why="1 correct of y.numel() = 2: the rate is 0.5")
SOFTMAX_REGRESSION = d.build()

# -- 5. §二 in IEEE floating point: the printed code gives NaN and inf; the stable kernels do not ---------------
# The printed torch code, transcribed to NumPy (torch.exp → np.exp, .sum(dim=1, keepdim=True) → .sum(axis=1,
# keepdims=True), torch.log → np.log): the same IEEE operations.  softsym.kernels.naive runs it in
# `softsym kernels validate` too.
PRINTED_SOFTMAX = """
def softmax(X):
    X_exp = np.exp(X)
    return X_exp / X_exp.sum(axis=1, keepdims=True)
"""
PRINTED_CROSS_ENTROPY = PRINTED_SOFTMAX + """
def cross_entropy(y_hat, y):
    return -np.log(y_hat[range(len(y_hat)), y])

def loss(X, y):            # the code's use: cross_entropy(net(X), y)
    return cross_entropy(softmax(X), y)
"""
d = DerivationBuilder("softmax_regression_code_in_floats",
                      title="The printed softmax and cross_entropy in IEEE float64 and float32: NaN and inf where the "
                            "exact values are finite, and the stable kernels that fix them",
                      source=Source(FILE, "§二 从零实现Softmax回归"))
n = d.symbols("n", integer=True, positive=True)
z = d.indexed("z", real=True)
i, t = d.index("i", 1, n), d.index("t", 1, n)
k = d.symbols("k", integer=True)
S = Sum(exp(z[k]), (k, 1, n))
NAN_AT = {z: [1166.02, -2785.15]}             # exp(1166.02) overflows in float64: inf/inf
INF_AT = {z: [0, -800], t: 2}                  # p_2 = e^{-800}/(1 + e^{-800}) underflows to 0: −log 0
d.float_claim(PRINTED_SOFTMAX, exp(z[i]) / S, inputs=[z], entry=i, points=[NAN_AT], erratum=True,
              label="printed_softmax",
              quote="def softmax(X): X_exp = torch.exp(X) return X_exp / X_exp.sum(dim=1, keepdim=True)",
              why="the code as printed computes §一.2's softmax only while no exp overflows: e^{z} is inf above 709.78 "
                  "in float64 (88.72 in float32), and inf/inf is NaN — at z = [1166.02, −2785.15] the first entry is "
                  "NaN where the exact value is 1")
d.float_claim(kernels.softmax, exp(z[i]) / S, inputs=[z], entry=i, points=[NAN_AT], added=True,
              label="stable_softmax",
              why="corrected: softsym's softmax kernel (softsym.kernels, printed from step 3 of the stable-softmax "
                  "derivation) subtracts the row's max m first — softmax(z) = softmax(z − m) — so "
                  "every exp argument is ≤ 0 (no overflow) and the normalizer 1 + Σ_{k≠j} e^{z_k − m} is ≥ 1 (no 0/0)")
d.float_claim(PRINTED_CROSS_ENTROPY, -z[t] + log(S), inputs=[z, t], points=[INF_AT, {**NAN_AT, t: 1}], erratum=True,
              label="printed_cross_entropy",
              quote="def cross_entropy(y_hat, y): return -torch.log(y_hat[range(len(y_hat)), y])",
              why="−log of the printed softmax's entry t, as the code uses them: where p_t underflows to 0 the loss is "
                  "−log 0 = ∞ — at z = [0, −800], t = 2 it is inf where the exact value is 800 — and where the "
                  "softmax is NaN so is the loss")
d.float_claim(kernels.cross_entropy, -z[t] + log(S), inputs=[z, t], points=[INF_AT, {**NAN_AT, t: 1}], added=True,
              label="stable_cross_entropy",
              why="corrected: softsym's cross-entropy kernel (softsym.kernels, printed from step 3 of the stable "
                  "cross-entropy derivation) computes the loss from the logits, "
                  "m − z_t + log1p(Σ_{k≠j} e^{z_k − m}): never the log of a rounded probability, and both terms are "
                  "≥ 0, so nothing cancels")
SOFTMAX_CODE_IN_FLOATS = d.build()
