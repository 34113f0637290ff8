"""Softmax from first principles: 000_cfcfa902fa46fb0a.txt (从第一原则推导出 Softmax), every derivation
except §3.5 (sigmoid as the two-class softmax, in sigmoid_two_class_softmax.py).

One derivation per chain of reasoning:

- §3.1–3.3  normalize_scores_by_sum               5/(5+7+9) = 5/21, …, the three sum to 1
- §3.4      negative_scores_break_sum_normalization   −5/11 < 0; e^{−5}, e^7, e^9 normalized are valid
- §3.4      softmax_definition_sums_to_one          P(y|x) = e^ỹ/Σ_y e^ỹ for K classes (symbolic n)
- §3.6      conditional_probability_product_rule   P(A,B) = P(A)P(B|A); 0.55·0.88 = 0.484
- §3.6      exp_weighted_sum_is_product_of_factors  eq. (2): e^{Σ w_i x_i} = Π e^{w_i x_i}
- §3.6/3.8  softmax_regression_partition_function   eq. (1): e^ỹ/Σ e^ỹ = P̃(y,x)/normalizer; 0.2/1 = 3/15
- §3.7      gibbs_partition_function_table          Z_Φ = 20+25+15+4 = 64, the normalized table
- §3.9      crf_label_sequences_forward_partition   3^5 = 243; forward recursion = brute-force Z
- §3.10     naive_bayes_posterior_is_softmax        P(y|x) = softmax of log P(y) + Σ_k log P(x_k|y)
"""
from sympy import Add, Integer, Mul, Pow, Product, Rational, Sum, exp, log

from softsym.dsl import DerivationBuilder, Source

FILE = "000_cfcfa902fa46fb0a.txt"


def _ratio(a, b):
    """a/b as printed, without SymPy cancelling it on sight."""
    return Mul(a, Pow(b, -1, evaluate=False), evaluate=False)


def _plus(*terms):
    """A sum as printed (5 + 7 + 9), not evaluated."""
    return Add(*terms, evaluate=False)


def _times(*factors):
    """A product as printed (e^{w0x0} e^{w1x1} …), not evaluated."""
    return Mul(*factors, evaluate=False)


def _frac(a, b):
    """The printed fraction a/b of integers, unreduced (7/21 stays 7/21)."""
    return _ratio(Integer(a), Integer(b))


# -- §3.1–3.3: normalize the scores 5, 7, 9 by their sum ----------------------------------------
d1 = DerivationBuilder("normalize_scores_by_sum", title="Positive scores normalized by their sum",
                       source=Source(FILE, "§3.3"))
d1.numeric(_times(4, 3), 12, at="§3.1", quote="4 个输入乘以 3 个输出等于 12 个不同的权重",
           why="4 inputs times 3 outputs give 12 weights (Table 1)")
for score, name in ((5, "a"), (7, "b"), (9, "c")):
    d1.numeric(_ratio(score, _plus(5, 7, 9)), _frac(score, 21),
               quote=rf"P({name}|x) = \frac{{{score}}}{{5+7+9}} = \frac{{{score}}}{{21}}",
               why=f"divide the score {name}̃ = {score} by the sum of the scores 5 + 7 + 9 = 21")
for score, name in ((5, "a"), (7, "b"), (9, "c")):
    d1.numeric(0, _frac(score, 21), rel="<=", quote="在  $[0,1]$  上的一个非特殊的数字",
               why=f"P({name}|x) is a probability: at least 0")
    d1.numeric(_frac(score, 21), 1, rel="<=", quote="在  $[0,1]$  上的一个非特殊的数字",
               why=f"P({name}|x) is a probability: at most 1")
d1.numeric(_plus(_frac(5, 21), _frac(7, 21), _frac(9, 21)), 1,
           quote=r"\frac{5}{21} + \frac{7}{21} + \frac{9}{21} = 1 \checkmark",
           why="a valid distribution sums to 1")
d1.numeric(_frac(5, 21), _frac(9, 21), rel="<", at="§3.2", quote="最大的数字获得胜利",
           why="the largest score wins: after normalizing, c (9/21) is still more likely than a (5/21)")
d1.numeric(_frac(7, 21), _frac(9, 21), rel="<", at="§3.2", quote="我们的模型将有最好的机会生产 **c**",
           why="the largest score wins: after normalizing, c (9/21) is still more likely than b (7/21)")
NORMALIZE_SCORES_BY_SUM = d1.build()

# -- §3.4: a negative score breaks normalization by the sum; exponentiating repairs it ----------
d2 = DerivationBuilder("negative_scores_break_sum_normalization",
                       title="A negative score gives a negative 'probability'; exponentials do not",
                       source=Source(FILE, "§3.4"))
for score, name in ((-5, "a"), (7, "b"), (9, "c")):
    d2.numeric(_ratio(score, _plus(-5, 7, 9)), _frac(score, 11),
               quote=rf"P({name}|x) = \frac{{{score}}}{{-5 + 7 + 9}} = \frac{{{score}}}{{11}}",
               why=f"divide the score {name}̃ = {score} by the sum −5 + 7 + 9 = 11")
d2.numeric(_frac(-5, 11), 0, rel="<", quote=r"$\frac{-5}{11}$  不是一个有效的概率，因为它不会落入区间  $[0,1]$",
           why="−5/11 is negative, so it lies outside [0,1]: not a valid probability")
t = d2.symbols("t", real=True)
d2.rel(exp(t), ">", 0, quote="这个函数将实数作为输入，并产生严格的正实数作为输出。这只是一个指数",
       why="the exponential maps every real score to a strictly positive number")
base = d2.symbols("b", positive=True)
d2.rel(base**t, ">", 0, quote="任何正指数将会满足我们所说的目的",
       why="any positive base would do: b^t > 0 for b > 0 and real t")
den = _plus(exp(-5), exp(7), exp(9))
P_a = d2.define("P_a", _ratio(exp(-5), den), quote=r"P(a|x) = \frac{e^{-5}}{e^{-5} + e^7 + e^9}",
                why="the exponentiated score of a, normalized")
P_b = d2.define("P_b", _ratio(exp(7), den), quote=r"P(b|x) = \frac{e^7}{e^{-5} + e^7 + e^9}",
                why="the exponentiated score of b, normalized")
P_c = d2.define("P_c", _ratio(exp(9), den), quote=r"P(c|x) = \frac{e^9}{e^{-5} + e^7 + e^9}",
                why="the exponentiated score of c, normalized")
for P, name in ((P_a, "a"), (P_b, "b"), (P_c, "c")):
    d2.numeric(0, P, rel="<", quote="我们的归一化概率，即有效概率",
               why=f"P({name}|x) is strictly positive: a ratio of positive exponentials")
    d2.numeric(P, 1, rel="<", quote="我们的归一化概率，即有效概率",
               why=f"P({name}|x) is below 1: the denominator has two more positive terms")
d2.numeric(P_a + P_b + P_c, 1, quote="我们的归一化概率，即有效概率",
           why="the three normalized exponentials form a valid distribution")
NEGATIVE_SCORES_BREAK_SUM_NORMALIZATION = d2.build()

# -- §3.4: the softmax for K classes sums to one and lies in (0, 1) ------------------------------
d3 = DerivationBuilder("softmax_definition_sums_to_one", title="Softmax over K classes is a distribution",
                       source=Source(FILE, "§3.4"))
n3 = d3.bounded("n", 2, None, strict=False, integer=True)     # K classes (a, b, c: K = 3)
z3 = d3.indexed("z", real=True)                              # the unnormalized scores ỹ
i3 = d3.index("i", 1, n3)
j3, k3 = d3.symbols("j k", integer=True)
p3 = d3.indexed("p", real=True)
d3.define(p3[i3], exp(z3[i3]) / Sum(exp(z3[k3]), (k3, 1, n3)),
          quote=r"P(y|x) = \frac{e^{\bar{y}}}{\sum_y e^{\bar{y}}} \text{ for } y = a, b, c",
          why="the softmax function, for K = n classes (the text: y = a, b, c)")
d3.eq(Sum(p3[j3], (j3, 1, n3)), 1, at="§3.3", quote="作为有效的概率分布，所有数字必须总和为 1",
      why="the denominator is the sum of the numerators over all classes")
d3.rel(p3[i3], ">", 0, quote="我们的归一化概率，即有效概率",
       why="a positive numerator over a positive sum")
d3.rel(p3[i3], "<", 1, quote="我们的归一化概率，即有效概率",
       why="with K ≥ 2 the denominator has at least one more positive term than the numerator")
a3, b3, c3 = d3.symbols("a_s b_s c_s", real=True)            # ã, b̃, c̃ of §3.4
S3 = _plus(exp(a3), exp(b3), exp(c3))
d3.eq(_ratio(exp(a3), S3) + _ratio(exp(b3), S3) + _ratio(exp(c3), S3), 1,
      quote=r"\text{ for } y = a, b, c", why="cross-check: the three-class case, scores ã, b̃, c̃")
SOFTMAX_DEFINITION_SUMS_TO_ONE = d3.build()

# -- §3.6: conditional probability and the chain rule -------------------------------------------
d4 = DerivationBuilder("conditional_probability_product_rule", title="P(A, B) = P(A) P(B|A)",
                       source=Source(FILE, "§3.6"))
P_A = d4.bounded("P_A", 0, 1, strict=False, positive=True)  # 0 < P(A) <= 1: P(B|A) is defined
P_AB = d4.bounded("P_AB", 0, 1, strict=False)                 # the joint P(A, B)
P_BgA = d4.define("P_B_given_A", P_AB / P_A, quote=r"P(B|A) = \frac{P(A, B)}{P(A)}",
                  why="the definition of conditional probability (P(A) > 0)")
d4.solve(P_AB, P_A * P_BgA, quote="P(A, B) = P(A)P(B|A)", why="multiply the definition through by P(A)")
d4.numeric(_times(Rational("0.55"), Rational("0.88")), Rational("0.484"),
           quote=r"P(\text{sex} = \text{girl}, \text{likes} = \text{math}) = 0.55 * 0.88 = 0.484",
           why="P(girl) = 0.55 and P(likes math | girl) = 0.88 multiplied")
CONDITIONAL_PROBABILITY_PRODUCT_RULE = d4.build()

# -- §3.6 eq. (2): the exponential of a weighted sum is a product of factors ---------------------
d5 = DerivationBuilder("exp_weighted_sum_is_product_of_factors",
                       title="e^{Σ w_i x_i} = Π e^{w_i x_i}: the softmax numerator is a product of factors",
                       source=Source(FILE, "§3.6 eq. (2)"))
w5 = d5.indexed("w", real=True)
x5 = d5.indexed("x", real=True)
i5 = d5.symbols("i", integer=True)
y5 = d5.define("y_tilde", Sum(w5[i5] * x5[i5], (i5, 0, 3)), at="§3.2",
                quote=r"\tilde{a} = \sum_{i=0}^3 \omega_{i,a} x_i",
               why="the score of one output: a weighted sum of the four inputs x_0 … x_3")
terms = [w5[k] * x5[k] for k in range(4)]
d5.eq(exp(y5), exp(Sum(w5[i5] * x5[i5], (i5, 0, 3))),
      quote=r"e^{\bar{y}} &= e^{\left(\sum_i w_i x_i\right)}",
      why="the score is the weighted sum")
d5.eq(exp(Sum(w5[i5] * x5[i5], (i5, 0, 3))), exp(_plus(*terms)),
      quote=r"&= e^{(w_0 x_0 + w_1 x_1 + w_2 x_2 + w_3 x_3)}",
      why="write the sum out over i = 0..3")
d5.eq(exp(_plus(*terms)), _times(*(exp(tm) for tm in terms)),
      quote=r"&= e^{(w_0 x_0)} e^{(w_1 x_1)} e^{(w_2 x_2)} e^{(w_3 x_3)}",
      why="e^{u+v} = e^u e^v")
Pt5 = d5.define("P_tilde_a", Product(exp(w5[i5] * x5[i5]), (i5, 0, 3)),
                quote=r"\tilde{P}(a, \mathbf{x}) = \prod_i e^{(w_i x_i)}",
                why="the unnormalized joint probability is the product of the four factors e^{w_i x_i}")
d5.eq(_times(*(exp(tm) for tm in terms)), Pt5, quote=r"&= \tilde{P}(a, \mathbf{x}) \quad (2)",
      why="the four factors are the Gibbs factor product")
m5 = d5.symbols("m", integer=True, positive=True)
d5.eq(Product(exp(w5[i5] * x5[i5]), (i5, 0, m5 - 1)), exp(Sum(w5[i5] * x5[i5], (i5, 0, m5 - 1))),
      quote=r"\tilde{P}(a, \mathbf{x}) = \prod_i e^{(w_i x_i)}",
      why="in general: the product of the factors e^{w_i x_i} is the exponential of the weighted sum")
EXP_WEIGHTED_SUM_IS_PRODUCT_OF_FACTORS = d5.build()

# -- §3.6 eq. (1) and §3.8: softmax regression = unnormalized joint / partition function --------
d6 = DerivationBuilder("softmax_regression_partition_function",
                       title="Softmax regression: P(y|x) = P̃(y, x) / Z(x)", source=Source(FILE, "§3.8"))
n6 = d6.symbols("n", integer=True, positive=True)             # classes y = 1..n (a, b, c: n = 3)
m6 = d6.symbols("m", integer=True, positive=True)             # inputs x_0 … x_{m-1}
w6 = d6.indexed("w", real=True)                               # w[i, y]: weight of input i for output y
x6 = d6.indexed("x", real=True)
y6 = d6.index("y", 1, n6)
i6, c6 = d6.symbols("i c", integer=True)
s6 = d6.indexed("s", real=True)
d6.define(s6[y6], Sum(w6[i6, y6] * x6[i6], (i6, 0, m6 - 1)), at="§3.2",
          quote=r"\tilde{a} = \sum_{i=0}^3 \omega_{i,a} x_i",
          why="the score of output y")
Pt6 = d6.indexed("P_tilde", positive=True)
d6.define(Pt6[y6], Product(exp(w6[i6, y6] * x6[i6]), (i6, 0, m6 - 1)),
          at="§3.6", quote=r"\tilde{P}(a, \mathbf{x}) = \prod_i e^{(w_i x_i)}",
          why="the unnormalized joint: a product of factors")
Z6 = d6.define("Z", Sum(Pt6[c6], (c6, 1, n6)), at="§3.6", quote="实际上，这个“规范化器”被称为分区函数",
               why="the partition function: the sum of the unnormalized joint over the outputs")
P6 = d6.indexed("P", real=True)
d6.define(P6[y6], exp(s6[y6]) / Sum(exp(s6[c6]), (c6, 1, n6)),
          quote=r"P(y|\mathbf{X}) = \frac{P(y, \mathbf{X})}{P(\mathbf{X})} = \frac{e^{\bar{y}}}{\sum_y e^{\bar{y}}}",
          why="the model's conditional: the softmax of the scores")
d6.eq(P6[y6], exp(Sum(w6[i6, y6] * x6[i6], (i6, 0, m6 - 1)))
      / Sum(exp(Sum(w6[i6, c6] * x6[i6], (i6, 0, m6 - 1))), (c6, 1, n6)),
      quote=r"= \frac{e^{\left(\sum_i w_i x_i\right)_{\bar{y}}}}{\sum_y e^{\left(\sum_i w_i x_i\right)_{\bar{y}}}}",
      why="the scores are weighted sums")
d6.eq(exp(Sum(w6[i6, y6] * x6[i6], (i6, 0, m6 - 1)))
      / Sum(exp(Sum(w6[i6, c6] * x6[i6], (i6, 0, m6 - 1))), (c6, 1, n6)), Pt6[y6] / Z6,
      quote=r"= \frac{\tilde{P}(y, \mathbf{X})}{normalizer}",
      why="by eq. (2) each e^{Σ_i w_i x_i} is the factor product P̃(y, x); their sum over y is the normalizer")
sc6 = d6.symbols("s_y", positive=True)
d6.rel(exp(sc6), ">", 1, at="§3.6", quote=r"由于其值可能  $> 1$ ，因此不是一个有效的概率",
       why="P̃(y, x) = e^ỹ exceeds 1 whenever the score ỹ is positive: not a valid probability by itself")
d6.numeric(exp(9), 1, rel=">", at="§3.6", quote=r"由于其值可能  $> 1$ ，因此不是一个有效的概率",
           why="e.g. the score c̃ = 9 of §3.4: e^9 ≈ 8103 > 1")
d6.numeric(_ratio(Rational("0.2"), 1), _frac(3, 15), at="§3.6", quote=r"\frac{0.2}{1} = \frac{3}{15}",
           why="the analogy: the same ratio written with a different denominator")
d6.eq(Sum(Pt6[c6] / Z6, (c6, 1, n6)), 1,
      at="§3.6", quote="分母是一个常数，可以确保",
      why="the normalizer is the constant that makes the normalized values sum to one (any number of outputs)")
Pa, Pb, Pc = d6.symbols("Pt_a Pt_b Pt_c", positive=True)
d6.eq(_ratio(Pa, _plus(Pa, Pb, Pc)) + _ratio(Pb, _plus(Pa, Pb, Pc)) + _ratio(Pc, _plus(Pa, Pb, Pc)), 1,
      at="§3.6", quote=r"\frac{\tilde{P}(a, \mathbf{x})}{normalizer} + \frac{\tilde{P}(b, \mathbf{x})}{normalizer} "
                       r"+ \frac{\tilde{P}(c, \mathbf{x})}{normalizer}$$ 其和为 1",
      why="the three outputs a, b, c as printed, normalizer = P̃(a,x) + P̃(b,x) + P̃(c,x)")
d6.eq(P6[y6], Pt6[y6] / Z6, quote="由配分函数归一化的输入元素的乘积的一个指数化因子",
      why="the whole chain: softmax regression is the Gibbs product normalized by the partition function")
SOFTMAX_REGRESSION_PARTITION_FUNCTION = d6.build()

# -- §3.7, §3.7.2: the Gibbs factor product, for any number of factors; factorization over a graph --
dg = DerivationBuilder("gibbs_factor_product", title="The Gibbs factor product Π_i φ_i(D_i) and its graph",
                       source=Source(FILE, "§3.7"))
Kg = dg.symbols("k", integer=True, positive=True)             # the number of factors
fg = dg.indexed("phi", positive=True)                         # phi[i] = φ_i(D_i) at the current assignment
ig = dg.symbols("i", integer=True)
Ptg = dg.define("P_tilde_Phi", Product(fg[ig], (ig, 1, Kg)),
                quote=r"\tilde{P}_{\Phi}(X_1, \dots, X_n) = \prod_{i=1}^k \phi_i(D_i)",
                why="the unnormalized Gibbs measure: the product of the k factors, each at its scope's values")
dg.rel(Ptg, ">", 0, quote=r"\tilde{P}_{\Phi}(X_1, \dots, X_n) = \prod_{i=1}^k \phi_i(D_i)",
       why="for every k: positive factors give a positive unnormalized measure (so Z_Φ > 0 can normalize it)")
thg = dg.indexed("theta", real=True)
dg.eq(Product(exp(thg[ig]), (ig, 1, Kg)), exp(Sum(thg[ig], (ig, 1, Kg))), at="§3.11",
      quote="我们的因子是  $e^z$  形式",
      why="for every k: factors of the form e^{θ_i} multiply to e^{Σ_i θ_i}, the exponentiated linear combination")
g1 = dg.symbols("phi_1_D1", positive=True)                    # φ_1(D_1)
tab = dg.indexed("phi_2", positive=True)                      # φ_2's table over its scope's 4 assignments
dv = dg.index("d", 1, 4)                                      # the current assignment of D_2
dg.erratum(g1 * tab[2], g1 * tab[dv], quote=r"\Phi = \{\phi_1(D_1), \dots, \phi_k(k)\}",
           why="k = 2 factors, φ_2's scope D_2 with 4 assignments (like the table of φ(A, B)): the printed last "
               "member φ_k(k) evaluates the factor at the number k = 2, not at its scope's values D_2, so the "
               "product no longer follows the assignment (at d = 1 it is φ_1·φ_2(2), not φ_1·φ_2(1))")
dp = dg.index("d_p", 1, 4)
dg.eq(g1 * tab[dv] / (g1 * tab[dp]), tab[dv] / tab[dp], at="§3.7.2",
      quote=r"\Phi = \{\phi_1(D_1), \dots, \phi_k(D_k)\}",
      why="as §3.7.2 prints it, φ_k(D_k): the product changes with D_2's assignment as φ_2's table does")
# §3.7.2: φ(A, B), φ(B, C) over {A, B, C}: the graph A — B — C factorizes P, and A ⟂ C | B
NA, NC = dg.symbols("N_A N_C", integer=True, positive=True)
av, cv = dg.index("a", 1, NA), dg.index("c", 1, NC)
bv, a2, c2 = dg.symbols("b a2 c2", integer=True)
fab, fbc = dg.indexed("phi_AB", positive=True), dg.indexed("phi_BC", positive=True)
Zb = Sum(Sum(fab[a2, bv] * fbc[bv, c2], (c2, 1, NC)), (a2, 1, NA))
dg.eq(Sum(Sum(fab[a2, bv] * fbc[bv, c2] / Zb, (c2, 1, NC)), (a2, 1, NA)), 1, at="§3.7.2",
      quote=r"\tilde{P} = \tilde{P}_{\Phi} = \prod_{i=1}^k \phi_i(D_i)",
      why="the factors φ(A, B), φ(B, C) multiply to a measure on {A, B, C}; normalized given B = b it sums to 1")
dg.eq(fab[av, bv] * fbc[bv, cv] / Zb,
      (Sum(fab[av, bv] * fbc[bv, c2], (c2, 1, NC)) / Zb) * (Sum(fab[a2, bv] * fbc[bv, cv], (a2, 1, NA)) / Zb),
      at="§3.7.2", quote="推理图将有用线连接的三个圆圈",
      why="what the graph A — B — C (no line A — C) says, for any numbers of values: P(a, c | b) = P(a | b) P(c | b), "
          "A and C are independent given B")
GIBBS_FACTOR_PRODUCT = dg.build()

# -- §3.7: the Gibbs distribution, the partition function of the factor table --------------------
d7 = DerivationBuilder("gibbs_partition_function_table", title="The partition function Z_Φ = 64 of a factor table",
                       source=Source(FILE, "§3.7.3"))
N7 = d7.symbols("N", integer=True, positive=True)            # the number of joint assignments
Pt7 = d7.indexed("P_tilde", positive=True)                   # P̃_Φ at each assignment (factor products)
r7, c7 = d7.symbols("r c", integer=True)
Z7 = d7.define("Z_Phi", Sum(Pt7[c7], (c7, 1, N7)), quote="要计算此函数，我们只需将非标准化表中的所有值相加",
               why="the partition function: the sum of every entry of the unnormalized table")
d7.eq(Sum(Pt7[r7] / Z7, (r7, 1, N7)), 1,
      quote=r"P_{\Phi}(X_1, \dots, X_n) = \frac{1}{Z_{\Phi}} \tilde{P}_{\Phi}(X_1, \dots, X_n)",
      why="dividing by Z_Φ gives a valid (normalized) distribution, for any number of assignments")
f00, f01, f10, f11 = d7.symbols("phi_a0b0 phi_a0b1 phi_a1b0 phi_a1b1", positive=True)
Zt = d7.define("Z_table", _plus(f00, f01, f10, f11), quote="我们只需将非标准化表中的所有值相加",
               why="the partition function of the factor φ(A, B) with scope {A, B}")
table = {f00: 20, f01: 25, f10: 15, f11: 4}
d7.instantiate(table, Zt, _plus(20, 25, 15, 4), quote=r"Z_{\Phi} = 20 + 25 + 15 + 4",
               why="the values of the factor table φ(A, B)")
d7.numeric(_plus(20, 25, 15, 4), 64, quote=r"Z_{\Phi} = 20 + 25 + 15 + 4$ $= 64", why="add the four entries")
for f, value, (ia, ib) in ((f00, 20, "00"), (f01, 25, "01"), (f10, 15, "10"), (f11, 4, "11")):
    d7.instantiate(table, f / Zt, _frac(value, 64), at="normalized table",
                   quote=rf"$a^{ia}$ $b^{ib}$ $\frac{{{value}}}{{64}}$",
                   why="the entry divided by the partition function")
d7.eq(f00 / Zt + f01 / Zt + f10 / Zt + f11 / Zt, 1, quote="我们的有效概率分布变为",
      why="the normalized entries sum to one for any positive factor values")
d7.numeric(_plus(_frac(20, 64), _frac(25, 64), _frac(15, 64), _frac(4, 64)), 1,
           quote="我们的有效概率分布变为", why="the printed table sums to one")
GIBBS_PARTITION_FUNCTION_TABLE = d7.build()

# -- §3.9: the CRF's label sequences; the chain partition function by the forward recursion ----
d8 = DerivationBuilder("crf_label_sequences_forward_partition",
                       title="CRF: 3^5 = 243 label sequences; the forward recursion computes Z",
                       source=Source(FILE, "§3.9"))
ys = d8.symbols("y1 y2 y3 y4 y5", integer=True)
d8.numeric(Sum(1, *((y, 1, 3) for y in ys)), Pow(3, 5, evaluate=False),
           quote="5 个字的语句已经有  $3^5 = 243$  个可能的输出",
           why="3 labels for each of the 5 words: one sequence per choice")
d8.numeric(Pow(3, 5, evaluate=False), 243, quote="$3^5 = 243$", why="3·3·3·3·3")
# A chain of length 3 over labels 1..3: unary factors u[t, y] at positions t = 1..3 and
# transition factors v[y, y'] between neighbouring labels, every factor strictly positive.
u8 = d8.indexed("u", positive=True)
v8 = d8.indexed("v", positive=True)
a1, a2, a3 = (d8.indexed(f"alpha{t}", positive=True) for t in (1, 2, 3))
# Each recursion sums over its own bound label (q2, q3), for readability; unfolding renames
# bound variables, so reusing one name would be safe too (tests/test_problem.py pins that).
l8, q2, q3 = d8.symbols("l q2 q3", integer=True)
d8.define(a1[l8], u8[1, l8], added=True,
          why="the text names only 'some dynamic programming tricks'; the forward recursion is softsym's: "
              "α_1(y) = u_1(y), the total weight of the label prefixes ending in y")
d8.define(a2[l8], u8[2, l8] * Sum(a1[q2] * v8[q2, l8], (q2, 1, 3)),
          added=True, why="α_2(y) = u_2(y) Σ_{y'} α_1(y') v(y', y): extend every prefix by one label")
d8.define(a3[l8], u8[3, l8] * Sum(a2[q3] * v8[q3, l8], (q3, 1, 3)),
          added=True, why="α_3(y) = u_3(y) Σ_{y'} α_2(y') v(y', y): extend every prefix by one label")
z1, z2, z3 = d8.symbols("s1 s2 s3", integer=True)
brute = Sum(u8[1, z1] * v8[z1, z2] * u8[2, z2] * v8[z2, z3] * u8[3, z3], (z1, 1, 3), (z2, 1, 3), (z3, 1, 3))
d8.eq(brute, Sum(a3[l8], (l8, 1, 3)),
      quote=r"我们使用一些动态编程技巧来确保我们在合理的时间内计算  $P\{y|x\}$",
      why="the dynamic programme, on a chain of 3 words: Z(x), the sum over all 3·3·3 label sequences, "
          "is Σ_y α_3(y); pushing each sum inside the product gives the forward recursion")
# The inductive step, for a chain of any length and any number of labels: W[r, q] is the weight of the r-th of
# the R label prefixes of length t − 1 followed by label q; α_t(q) = Σ_r W[r, q].
K8 = d8.symbols("K", integer=True, positive=True)
R8 = d8.symbols("R", integer=True, positive=True)
W8 = d8.indexed("W", positive=True)
r8, q8 = d8.symbols("r q", integer=True)
y8 = d8.index("y", 1, K8)
uu, vv = d8.indexed("u_next", positive=True), d8.indexed("v_trans", positive=True)
d8.eq(Sum(Sum(W8[r8, q8] * vv[q8, y8] * uu[y8], (r8, 1, R8)), (q8, 1, K8)),
      uu[y8] * Sum(vv[q8, y8] * Sum(W8[r8, q8], (r8, 1, R8)), (q8, 1, K8)),
      quote=r"我们使用一些动态编程技巧来确保我们在合理的时间内计算  $P\{y|x\}$",
      why="for every length and every number K of labels: the total weight of the prefixes of length t + 1 ending in y "
          "(left, every prefix extended) is u_{t+1}(y) Σ_q v(q, y) α_t(q) (right): the forward recursion. With the "
          "base α_1 = u_1 this gives Z = Σ_y α_L(y) for every L by induction on t (the induction is by hand; "
          "softsym checks the step)")
CRF_LABEL_SEQUENCES_FORWARD_PARTITION = d8.build()

# -- §3.10: HMM : naive Bayes :: CRF : softmax regression -----------------------------------------
dh = DerivationBuilder("crf_hmm_one_position", title="A CRF of one position is softmax regression; an HMM of one "
                       "position is naive Bayes", source=Source(FILE, "§3.10"))
nh = dh.symbols("n", integer=True, positive=True)
mh = dh.symbols("m", integer=True, positive=True)
yh = dh.index("y", 1, nh)
ch, kh = dh.symbols("c k", integer=True)
sh = dh.indexed("s", real=True)                               # s[t, y]: the score of label y at position t
th = dh.symbols("t", integer=True)
dh.eq(Product(exp(sh[th, yh]), (th, 1, 1)) / Sum(Product(exp(sh[th, ch]), (th, 1, 1)), (ch, 1, nh)),
      exp(sh[1, yh]) / Sum(exp(sh[1, ch]), (ch, 1, nh)),
      quote="每一对中的前者通过对一系列标签进行建模而建立在后者上",
      why="a CRF over a sequence of one label has no transition factors: P(y|x) = e^{s_y}/Σ_c e^{s_c}, the softmax "
          "regression of §3.8 — the CRF builds on it by modelling a sequence of labels")
pih, emh = dh.indexed("pi", positive=True), dh.indexed("e", positive=True)
dh.eq(pih[yh] * Product(emh[kh, yh], (kh, 1, mh)) / Sum(pih[ch] * Product(emh[kh, ch], (kh, 1, mh)), (ch, 1, nh)),
      exp(log(pih[yh]) + Sum(log(emh[kh, yh]), (kh, 1, mh)))
      / Sum(exp(log(pih[ch]) + Sum(log(emh[kh, ch]), (kh, 1, mh))), (ch, 1, nh)),
      quote="隐式马尔可夫模型是朴素贝叶斯条件随机场的 softmax 回归",
      why="an HMM of one position: initial π(y) and m emissions independent given y — the naive Bayes joint; its "
          "posterior is the softmax of log π(y) + Σ_k log P(x_k|y) (as in naive_bayes_posterior_is_softmax)")
CRF_HMM_ONE_POSITION = dh.build()

# -- §3.10: naive Bayes' posterior is a softmax of log joint scores -------------------------------
# §3.10 names naive Bayes (隐式马尔可夫模型是朴素贝叶斯条件随机场的 softmax 回归) but prints no formula of it:
# every step here is softsym's own.
d9 = DerivationBuilder("naive_bayes_posterior_is_softmax", title="Naive Bayes: the posterior is a softmax",
                       source=Source.added("§3.10 names naive Bayes and prints none of its formulas", file=FILE))
n9 = d9.symbols("n", integer=True, positive=True)             # classes
m9 = d9.symbols("m", integer=True, positive=True)             # features x_1 … x_m
prior = d9.indexed("prior", positive=True)                    # P(y)
lik = d9.indexed("lik", positive=True)                        # lik[k, y] = P(x_k | y) at the observed x_k
y9 = d9.index("y", 1, n9)
k9, c9 = d9.symbols("k c", integer=True)
J9 = d9.indexed("J", positive=True)
d9.define(J9[y9], prior[y9] * Product(lik[k9, y9], (k9, 1, m9)),
          why="the naive Bayes joint P(y, x) = P(y) Π_k P(x_k|y): features independent given the class")
post = d9.indexed("post", real=True)
d9.define(post[y9], J9[y9] / Sum(J9[c9], (c9, 1, n9)),
          why="Bayes' rule: P(y|x) = P(y)Π_k P(x_k|y) / Σ_y' P(y')Π_k P(x_k|y'), the joint over its sum")
s9 = d9.indexed("s", real=True)
d9.define(s9[y9], log(prior[y9]) + Sum(log(lik[k9, y9]), (k9, 1, m9)),
          why="s_y = log P(y) + Σ_k log P(x_k|y), the log joint score of class y")
d9.eq(exp(s9[y9]), J9[y9],
      why="exp turns the sum of logs into the product of the (positive) probabilities")
d9.eq(post[y9], exp(s9[y9]) / Sum(exp(s9[c9]), (c9, 1, n9)),
      why="the posterior is the softmax of the log joint scores: P(y|x) = exp(s_y)/Σ_y' exp(s_y')")
NAIVE_BAYES_POSTERIOR_IS_SOFTMAX = d9.build()
