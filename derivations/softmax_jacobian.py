"""The softmax Jacobian for a symbolic number of classes.

003_04a350387ef54e0e.txt §导数 (both cases) and 004_e81365b828eb09e1.txt §一.3 (both cases and
the summary p_i δ_ij − p_i p_j).
"""
from sympy import Derivative, KroneckerDelta, Ne, Sum, exp

from softsym.dsl import DerivationBuilder, Source

# -- 003: y_i = e^{z_i} / Σ_K, cases i = j and i ≠ j -------------------------------------------
d3 = DerivationBuilder("softmax_jacobian_003", title="Softmax Jacobian, case by case (Σ_K notation)",
                       source=Source("003_04a350387ef54e0e.txt", "§导数"))
K = d3.symbols("K", integer=True, positive=True)
z = d3.indexed("z", real=True)
i, j = d3.index("i", 1, K), d3.index("j", 1, K)
c = d3.symbols("c", integer=True)             # the summation index of Σ_K
S = d3.define("Sigma_K", Sum(exp(z[c]), (c, 1, K)), positive=True,
              quote=r"我们定义 $\Sigma_{K}=\sum_{i=1}^{K} e^{z_{i}}$", why="the normalizer, named once")
y = d3.indexed("y", real=True)
d3.define(y[i], exp(z[i]) / S, quote=r"所以 $y_{i}=e^{z_{i}} / \Sigma_{K}$", why="softmax output i")
d3.eq(Derivative(y[i], z[i]), (exp(z[i]) * S - exp(z[i]) * exp(z[i])) / S**2,
      quote=r"&\text { if } i=j: \frac{\partial y_{i}}{\partial z_{i}}=\frac{\partial \frac{e^{z_{i}}}{\Sigma_{K}}}{\partial z_{i}}=\frac{e^{z_{i}} \Sigma_{K}-e^{z_{i}} e^{z_{i}}}{\Sigma_{K}^{2}}", why="quotient rule; ∂Σ_K/∂z_i = e^{z_i}")
d3.eq((exp(z[i]) * S - exp(z[i]) * exp(z[i])) / S**2, exp(z[i]) / S * (S - exp(z[i])) / S,
      quote=r"=\frac{e^{z_{i}}}{\Sigma_{K}} \frac{\Sigma_{K}-e^{z_{i}}}{\Sigma_{K}}", why="factor e^{z_i}/Σ_K out")
d3.eq(exp(z[i]) / S * (S - exp(z[i])) / S, exp(z[i]) / S * (1 - exp(z[i]) / S),
      quote=r"=\frac{e^{z_{i}}}{\Sigma_{K}}\left(1-\frac{e^{z_{i}}}{\Sigma_{K}}\right)", why="divide through by Σ_K")
d3.eq(Derivative(y[i], z[i]), y[i] * (1 - y[i]), quote=r"=y_{i}\left(1-y_{i}\right)", why="name the factors y_i")
xs = d3.symbols("x", real=True)
d3.eq(Derivative(1 / (1 + exp(-xs)), xs), 1 / (1 + exp(-xs)) * (1 - 1 / (1 + exp(-xs))),
      quote=r"注意: 如果 $i=j$ 那么这个导数和 Sigmoid_Function的导数很相似",
      why="the sigmoid's derivative is σ(x)(1 − σ(x)): the same form as ∂y_i/∂z_i = y_i(1 − y_i) above")
d3.eq(Derivative(y[i], z[j]), (0 - exp(z[i]) * exp(z[j])) / S**2, given=[Ne(i, j)],
      quote=r"&\text { if } i \neq j: \frac{\partial y_{i}}{\partial z_{j}}=\frac{\partial \frac{e^{z_{i}}}{\Sigma_{K}}}{\partial z_{j}}=\frac{0-e^{z_{i}} e^{z_{j}}}{\Sigma_{K}^{2}}", why="the numerator does not depend on z_j")
d3.eq((0 - exp(z[i]) * exp(z[j])) / S**2, -exp(z[i]) / S * exp(z[j]) / S, given=[Ne(i, j)],
      quote=r"=-\frac{e^{z_{i}}}{\Sigma_{K}} \frac{e^{z_{j}}}{\Sigma_{K}}", why="split the square")
d3.eq(Derivative(y[i], z[j]), -y[i] * y[j], given=[Ne(i, j)], quote='=-y_{i} y_{j}', why="name the factors")
SOFTMAX_JACOBIAN_003 = d3.build()

# -- 004: p_i = e^{x_i} / Σ_k e^{x_k}, both cases and the summary -------------------------------
d4 = DerivationBuilder("softmax_jacobian_004", title="Softmax Jacobian p_i δ_ij − p_i p_j",
                       source=Source("004_e81365b828eb09e1.txt", "§一.3 梯度计算"))
n = d4.symbols("n", integer=True, positive=True)
x = d4.indexed("x", real=True)
i, j = d4.index("i", 1, n), d4.index("j", 1, n)
k = d4.symbols("k", integer=True)
S = Sum(exp(x[k]), (k, 1, n))
p = d4.indexed("p", real=True)
d4.define(p[i], exp(x[i]) / S, at="§一.2",
          quote=r"p_i = softmax(\mathbf{x})_i = \frac{e^{x_i}}{\sum_{j=1}^{n}{e^{x_j}}}", why="softmax output i")
d4.eq(Derivative(p[i], x[i]), Derivative(exp(x[i]) / S, x[i]),
      quote=r"=\  &\frac{\partial}{\partial x_i} \frac{e^{x_i}}{\sum_{k=1}^{n}{e^{x_k}}}",
      why="on the diagonal j = i")
d4.eq(Derivative(exp(x[i]) / S, x[i]), (exp(x[i]) * S - exp(2 * x[i])) / S**2,
      quote=r"=\  &\frac{e^{x_i}\sum_{k=1}^{n}{e^{x_k}} - e^{2x_i}}{(\sum_{k=1}^{n}{e^{x_k}})^2}", why="quotient rule")
d4.eq((exp(x[i]) * S - exp(2 * x[i])) / S**2, exp(x[i]) / S - (exp(x[i]) / S)**2,
      quote=r"=\  &\frac{e^{x_i}}{\sum_{k=1}^{n}{e^{x_k}}} - (\frac{e^{x_i}}{\sum_{k=1}^{n}{e^{x_k}}})^2", why="split the fraction")
d4.eq(Derivative(p[i], x[i]), p[i] - p[i]**2, quote=r"=\  &p_i - p_i^{2}", why="name p_i")
d4.eq(Derivative(p[i], x[j]), Derivative(exp(x[i]) / S, x[j]), given=[Ne(i, j)],
      quote=r"=\  &\frac{\partial}{\partial x_j} \frac{e^{x_i}}{\sum_{k=1}^{n}{e^{x_k}}}", why="off the diagonal")
d4.eq(Derivative(exp(x[i]) / S, x[j]), (0 * S - exp(x[i] + x[j])) / S**2, given=[Ne(i, j)],
      quote=r"=\  &\frac{0 \cdot \sum_{k=1}^{n}{e^{x_k}} - e^{x_i + x_j}}{(\sum_{k=1}^{n}{e^{x_k}})^2}", why="quotient rule; ∂e^{x_i}/∂x_j = 0")
d4.eq((0 * S - exp(x[i] + x[j])) / S**2, -(exp(x[i]) / S) * (exp(x[j]) / S), given=[Ne(i, j)],
      quote=r"=\  &-\frac{e^{x_i}}{\sum_{k=1}^{n}{e^{x_k}}} \cdot \frac{e^{x_j}}{\sum_{k=1}^{n}{e^{x_k}}}", why="split the product")
d4.eq(Derivative(p[i], x[j]), -p[i] * p[j], given=[Ne(i, j)], quote=r"=\  &-p_ip_j", why="name p_i, p_j")
d4.eq(Derivative(p[i], x[j]), p[i] * KroneckerDelta(i, j) - p[i] * p[j],
      quote=r"\frac{\partial p_i}{\partial x_j} = p_i \delta_{i,j} - p_i p_j", why="both cases in one formula, for all i, j")
SOFTMAX_JACOBIAN_004 = d4.build()
