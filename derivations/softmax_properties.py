"""Properties of the softmax function: 003_04a350387ef54e0e.txt §直观理解, §定义, §性质.

(The §导数 part of this source is in softmax_jacobian.py.)  K is the number of classes; the source
requires K > 1 (multi-class), so K >= 2 is declared.  Sums run over a bound index q (the source
reuses the letter i for the summation index; a separate letter keeps it apart from the free i).
"""
from sympy import Abs, E, KroneckerDelta, Sum, exp, log, oo

from softsym.dsl import DerivationBuilder, Source

FILE = "003_04a350387ef54e0e.txt"

# -- 1. the range (0, 1)^K and the sum one ---------------------------------------------------------------
d = DerivationBuilder("softmax_range_and_normalization",
                      title="Softmax maps R^K to (0,1)^K and its entries sum to 1", source=Source(FILE, "§定义"))
K = d.bounded("K", 2, None, strict=False, integer=True)
z = d.indexed("z", real=True)
i = d.index("i", 1, K)
j = d.symbols("j", integer=True)
q = d.symbols("q", integer=True)
S = Sum(exp(z[j]), (j, 1, K))
sigma = d.indexed("sigma", real=True)
d.define(sigma[i], exp(z[i]) / S, quote=r"\sigma(\mathbf{z}){i}=\frac{e^{z{i}}}{\sum_{j=1}^{K} e^{z_{j}}}",
         why="the standard softmax function, entry i")
d.eq(sigma[i], 1 / Sum(exp(z[q]), (q, 1, K)) * exp(z[i]),
     quote=r"=\frac{1}{\sum_{i=1}^{K} e^{z_{i}}}\left[\begin{array}{c} e^{z_{1}} \\ \vdots \\ e^{z_{K}} \end{array}\right]",
     why="the vector form: every exponential scaled by the same 1/Σ")
d.rel(0, "<", sigma[i], quote=r"输出向量 $\sigma(\mathbf{z})_{i}$ 的所有元素均属于 $(0,1)$ 区间",
      why="lower end: a positive exponential over a positive sum")
d.rel(sigma[i], "<", 1, quote=r"输出向量 $\sigma(\mathbf{z})_{i}$ 的所有元素均属于 $(0,1)$ 区间",
      why="upper end: with K > 1 the denominator has another positive term besides e^{z_i}")
d.eq(Sum(sigma[q], (q, 1, K)), Sum(exp(z[q]), (q, 1, K)) / S,
     quote=r"\sum_{i=1}^K\sigma(\mathbf{z}){i}=\frac{\sum{i=1}^K e^{z_{i}}}{\sum_{j=1}^{K} e^{z_{j}}}", why="the denominator does not depend on the summation index")
d.eq(Sum(exp(z[q]), (q, 1, K)) / S, 1,
     quote=r"=\frac{\sum{i=1}^K e^{z_{i}}}{\sum_{j=1}^{K} e^{z_{j}}}=1", why="the same sum over and under the fraction bar")
SOFTMAX_RANGE = d.build()

# -- 2. varying one input traces a sigmoid ---------------------------------------------------------------
d = DerivationBuilder("softmax_one_input_traces_sigmoid",
                      title="Varying z_i alone, σ(z)_i follows a sigmoid curve 1/(1 + e^{−(z_i − c)})",
                      source=Source(FILE, "§性质"))
K = d.bounded("K", 2, None, strict=False, integer=True)
z = d.indexed("z", real=True)
i = d.index("i", 1, K)
j = d.symbols("j", integer=True)
S = Sum(exp(z[j]), (j, 1, K))
sigma = d.indexed("sigma", real=True)
d.define(sigma[i], exp(z[i]) / S,
         quote=r"\sigma(\mathbf{z}){i}=\frac{e^{z{i}}}{\sum_{j=1}^{K} e^{z_{j}}}", why="softmax entry i")
R = d.define("R", Sum((1 - KroneckerDelta(i, j)) * exp(z[j]), (j, 1, K)),
             quote='单独改变某一个 $z_i$的值', why="Σ_{j≠i} e^{z_j}: the other terms, constant while only z_i changes")
d.rel(R, ">", 0, quote='单独改变某一个 $z_i$的值', why="K > 1, so at least one other positive term")
d.eq(sigma[i], exp(z[i]) / (exp(z[i]) + R), quote='单独改变某一个 $z_i$的值',
     why="split e^{z_i} off the denominator")
c = d.define("c", log(R),
             quote=r"则 $\sigma(\mathbf{z})_{i}$ 的变化符合Sigmoid函数曲线", why="c = log Σ_{j≠i} e^{z_j}, the offset of the curve")
d.eq(sigma[i], 1 / (1 + exp(-(z[i] - c))), quote=r"则 $\sigma(\mathbf{z})_{i}$ 的变化符合Sigmoid函数曲线",
     why="divide by e^{z_i}: σ(z)_i = sigmoid(z_i − c), a sigmoid in z_i shifted by c")
t = d.symbols("t", real=True)
c0 = d.symbols("c_0", real=True)
d.limit(1 / (1 + exp(-(t - c0))), t, -oo, 0, quote=r"则 $\sigma(\mathbf{z})_{i}$ 的变化符合Sigmoid函数曲线", direction="+",
        why="with z_i = t and the constant offset c = c_0: the curve starts at 0 as z_i → −∞ ...")
d.limit(1 / (1 + exp(-(t - c0))), t, oo, 1, quote=r"则 $\sigma(\mathbf{z})_{i}$ 的变化符合Sigmoid函数曲线", direction="-",
        why="... and rises to 1 as z_i → +∞")
SOFTMAX_TRACES_SIGMOID = d.build()

# -- 3. adding the same value to every input -------------------------------------------------------------
d = DerivationBuilder("softmax_shift_invariance_003",
                      title="Adding the same value to every z_i multiplies numerator and denominator by the same factor",
                      source=Source(FILE, "§性质"))
K = d.bounded("K", 2, None, strict=False, integer=True)
z = d.indexed("z", real=True)
i = d.index("i", 1, K)
j = d.symbols("j", integer=True)
S = Sum(exp(z[j]), (j, 1, K))
sigma = d.indexed("sigma", real=True)
d.define(sigma[i], exp(z[i]) / S,
         quote=r"\sigma(\mathbf{z}){i}=\frac{e^{z{i}}}{\sum_{j=1}^{K} e^{z_{j}}}", why="softmax entry i")
d.erratum(exp(z[i] + 1), exp(i) * exp(z[i]),
          quote=r"\mathbf{z}=\left(z_{1}+1, \ldots, z_{K}+1\right)$ , 则根据定义, 相当于分子分母同时乘以一个系数 $e^i$",
          why="printed factor e^i is wrong: adding 1 to z_i multiplies e^{z_i} by e^1 = e, not by e^i "
              "(i is the index of the entry; the two agree only for i = 1, e.g. i = 2 gives e² ≠ e)")
d.eq(exp(z[i] + 1), E * exp(z[i]), added=True,
     why="the numerator is multiplied by e^1 = e")
d.eq(Sum(exp(z[j] + 1), (j, 1, K)), E * S, quote='相当于分子分母同时乘以一个系数 $e^i$, 结果不变',
     why="every term of the denominator is multiplied by the same e")
d.eq(exp(z[i] + 1) / Sum(exp(z[j] + 1), (j, 1, K)), exp(z[i]) / S, quote='相当于分子分母同时乘以一个系数 $e^i$, 结果不变',
     why="the common factor e cancels: σ(z + 1)_i = σ(z)_i")
cc = d.symbols("c", real=True)
d.eq(exp(z[i] + cc) / Sum(exp(z[j] + cc), (j, 1, K)), exp(z[i]) / S, quote=r"如果 $\mathbf{z}$ 中所有元素同时加减相同的值",
     why="any common value c: the factor is e^c, and it cancels")
psi = d.symbols("s", real=True)
d.eq(exp(z[i] - psi) / Sum(exp(z[j] - psi), (j, 1, K)), exp(z[i]) / S,
     quote='Softmax回归的参数是 “over-parameterized”, 意味着同样的结果, Softmax的参数可能不唯一',
     why="subtracting the same s = ψᵀx from every score z_j = θ_jᵀx (θ_j → θ_j − ψ) gives the same output")
SOFTMAX_SHIFT_003 = d.build()

# -- 4. multiplying every input by a coefficient changes the sharpness -----------------------------------
d = DerivationBuilder("softmax_scaling_sharpness",
                      title="Scaling z by c > 1 sharpens the softmax, by 0 < c < 1 flattens it", source=Source(FILE, "§性质"))
K = d.bounded("K", 2, None, strict=False, integer=True)
z = d.indexed("z", real=True)
i, jj = d.index("i", 1, K), d.index("j", 1, K)
q = d.symbols("q", integer=True)
S = Sum(exp(z[q]), (q, 1, K))
sigma = d.indexed("sigma", real=True)
d.define(sigma[i], exp(z[i]) / S,
         quote=r"\sigma(\mathbf{z}){i}=\frac{e^{z{i}}}{\sum_{j=1}^{K} e^{z_{j}}}", why="softmax entry i")
cs = d.symbols("c", positive=True)
scaled = d.indexed("sigma_c", real=True)
d.define(scaled[i], exp(cs * z[i]) / Sum(exp(cs * z[q]), (q, 1, K)), quote='同样, 如果所有元素乘以一个系数',
         why="the softmax of c·z, for a positive coefficient c (the claims below are about c > 1 and 0 < c < 1)")
d.eq(sigma[i] / sigma[jj], exp(z[i] - z[jj]), quote='则会改变结果向量的"突起程度"',
     why="the ratio of two entries depends only on the difference of the inputs")
d.eq(scaled[i] / scaled[jj], (sigma[i] / sigma[jj])**cs, quote='同样, 如果所有元素乘以一个系数',
     why="scaling by c raises every ratio of entries to the power c")
d.eq(scaled[i] / scaled[jj], exp(cs * (z[i] - z[jj])), quote='同样, 如果所有元素乘以一个系数',
     why="the scaled ratio is e^{c(z_i − z_j)}: the difference of the inputs multiplied by c")
# c > 1 is written c = 1 + e and 0 < c < 1 is written c = 1/(1 + e), with e > 0 (each covers its range exactly)
e1 = d.symbols("e_1", positive=True)
d.rel(exp((1 + e1) * (z[i] - z[jj])), ">", exp(z[i] - z[jj]), given=[z[jj] < z[i]],
      quote='如果系数大于1, 会增加结果向量内部的差异',
      why="c = 1 + e > 1 and z_i > z_j: the ratio σ(cz)_i/σ(cz)_j = e^{c(z_i−z_j)} exceeds σ(z)_i/σ(z)_j = e^{z_i−z_j}")
e2 = d.symbols("e_2", positive=True)
d.rel(exp((z[i] - z[jj]) / (1 + e2)), "<", exp(z[i] - z[jj]), given=[z[jj] < z[i]],
      quote='如果系数小于1, 则会减小结果向量内部的差异(变得更平缓)',
      why="c = 1/(1 + e) in (0, 1) and z_i > z_j: the ratio shrinks towards 1 ...")
d.rel(exp((z[i] - z[jj]) / (1 + e2)), ">", 1, given=[z[jj] < z[i]],
      quote='如果系数小于1, 则会减小结果向量内部的差异(变得更平缓)',
      why="... without crossing it: the order of the entries is kept, only the differences shrink")
cn = d.symbols("c_any", real=True)
d.erratum(Abs(cn * (z[i] - z[jj])), Abs(z[i] - z[jj]), rel="<=", given=[cn < 1],
          quote='如果系数小于1, 则会减小结果向量内部的差异(变得更平缓)',
          why="as printed, for every coefficient below 1: false for c < −1. The differences c(z_i − z_j) grow in size "
              "(c = −3 triples them): the result is sharper, with the order of the entries reversed. The text does not "
              "say the coefficient is positive, so the claim as worded covers c < 0")
cb = d.bounded("c_b", -1, 1, strict=False)
d.rel(Abs(cb * (z[i] - z[jj])), "<=", Abs(z[i] - z[jj]), added=True,
      why="corrected: a coefficient of size at most 1 (−1 ≤ c ≤ 1) shrinks every difference of the inputs, so every "
          "ratio of entries e^{c(z_i − z_j)} moves towards 1 (flatter); 0 < c < 1 also keeps the order (above)")
SOFTMAX_SCALING = d.build()
