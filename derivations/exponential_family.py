"""Exponential families and GLMs: where sigmoid and softmax come from (001_829efe1236a9e906.txt).

The text follows CS229 lecture 3: the exponential-family form, the Gaussian with σ = 1, the
Bernoulli rewritten into the family and the logistic hypothesis, the multinomial rewritten into
the family and the softmax hypothesis.  Two printed lines are wrong and kept as errata: the
Bernoulli pmf φ^y(1−φ)^y, and the inverse φ = 1/(1 + e^η) (which the logistic hypothesis then
inherits as 1/(1 + e^{θᵀx})).  The multinomial's second line writes 1{y=k} inside a sum over i.
"""
from sympy import (Derivative, Eq, Integral, KroneckerDelta, Product, Rational, Sum, exp, factorial, log, oo,
                   pi, sqrt)

from softsym.dsl import DerivationBuilder, Source

FILE = "001_829efe1236a9e906.txt"

# -- the Gaussian with σ = 1 -------------------------------------------------------------------
d = DerivationBuilder("gaussian_exponential_family", title="The Gaussian (σ = 1) is an exponential family",
                      source=Source(FILE, "§指数函数分布族 · 高斯分布"))
y, mu = d.symbols("y mu", real=True)
p_gauss = d.define("p_mu", exp(-Rational(1, 2) * (y - mu)**2) / sqrt(2 * pi),
                   quote=r"p(y;\mu) &= \frac{1}{\sqrt{2\pi}} exp(-\frac{1}{2}(y-\mu)^2)",
                   why="the normal density with variance 1")
d.eq(p_gauss, exp(-Rational(1, 2) * y**2) / sqrt(2 * pi) * exp(mu * y - Rational(1, 2) * mu**2),
     quote=r"&= \frac{1}{\sqrt{2\pi}} exp(-\frac{1}{2}y^2) exp(\mu y - \frac{1}{2}\mu^2)",
     why="expand the square: −½(y−μ)² = −½y² + μy − ½μ²")
T = d.define("T", y, quote=r"thus,\\ T(y) &= y  \\ \eta &= \mu", why="the sufficient statistic")
eta = d.define("eta", mu, quote=r"\eta &= \mu", why="the natural parameter")
a_mu = d.define("a_mu", mu**2 / 2, quote=r"a(\eta) &= \mu^2/2", why="the log partition function, in μ")
d.eq(a_mu, eta**2 / 2, quote=r"&= \eta^2/2", why="η = μ")
b = d.define("b", exp(-y**2 / 2) / sqrt(2 * pi), quote=r"b(y) &= (1/\sqrt{2\pi})exp(-y^2/2)",
             why="the base measure")
d.eq(b * exp(eta * T - eta**2 / 2), p_gauss, at="§指数函数分布族", quote=r"p(y;\eta) = b(y) e^{\eta^T T(y) - a(\eta)}",
     why="the pieces reassemble the density: it is of exponential-family form")
et, yy = d.symbols("eta_s u", real=True)                   # η as a free parameter; u the integration variable
d.eq(Integral(exp(-yy**2 / 2) / sqrt(2 * pi) * exp(et * yy), (yy, -oo, oo)), exp(et**2 / 2),
     quote=r"`^a(\eta)` 指的是对数配分函数(log partition function), 用来满足PDF函数积分为1的约束",
     why="a(η) = η²/2 is the log-normalizer: ∫ b(y) e^{ηy} dy = e^{a(η)}, so the density integrates to 1")
d.eq(Integral(yy * exp(-yy**2 / 2) / sqrt(2 * pi) * exp(et * yy - et**2 / 2), (yy, -oo, oo)),
     Derivative(et**2 / 2, et), added=True,
     why="a′(η) = E[T(y)]: the mean of the Gaussian is η = μ, the derivative of a(η) = η²/2")
GAUSSIAN = d.build()

# -- the Bernoulli ----------------------------------------------------------------------------
d = DerivationBuilder("bernoulli_exponential_family", title="The Bernoulli in exponential-family form",
                      source=Source(FILE, "§案例：逻辑回归的推导 · 二分类的伯努利分布"))
phi = d.bounded("phi", 0, 1)
y = d.index("y", 0, 1)                      # y ∈ {0, 1}
d.erratum(phi**y * (1 - phi)**y, exp(y * log(phi) + (1 - y) * log(1 - phi)),
          quote=r"p(y;\phi) &= \phi^y(1-\phi)^y \\ &= exp(y.log(\phi) + (1-y).log(1-\phi))",
          why="printed with exponent y on (1 − φ): at y = 0 the printed pmf is 1, not 1 − φ, so the first line "
              "is not the Bernoulli pmf and does not equal the second (which is right)")
pmf = d.define("p_y", phi**y * (1 - phi)**(1 - y), added=True,
               why="the Bernoulli pmf φ^y(1−φ)^{1−y}, the printed line corrected: φ at y = 1, 1 − φ at y = 0")
d.instantiate({y: 1}, pmf, phi, added=True, why="the pmf at y = 1 is φ")
d.instantiate({y: 0}, pmf, 1 - phi, added=True, why="the pmf at y = 0 is 1 − φ")
d.eq(pmf, exp(y * log(phi) + (1 - y) * log(1 - phi)), quote=r"&= exp(y.log(\phi) + (1-y).log(1-\phi))",
     why="a = e^{log a} for a > 0; log of a power")
d.eq(exp(y * log(phi) + (1 - y) * log(1 - phi)), exp(log(phi / (1 - phi)) * y + log(1 - phi)),
     quote=r"&= exp( log(\frac{\phi}{1-\phi}).y + log(1-\phi))", why="collect the terms in y")
eta = d.define("eta", log(phi / (1 - phi)), quote=r"\eta &= log(\frac{\phi}{1-\phi})",
               why="the natural parameter (the logit)")
d.erratum(phi, 1 / (1 + exp(eta)), quote=r"\eta &= log(\frac{\phi}{1-\phi}) => \phi = 1 / (1 + e^\eta)",
          why="printed with the wrong sign: 1/(1 + e^η) = 1 − φ, not φ (at φ = 1/4: 3/4)")
d.solve(phi, 1 / (1 + exp(-eta)), added=True,
        why="the printed inverse corrected: solve η = log(φ/(1−φ)): e^η = φ/(1−φ), so φ = e^η/(1 + e^η) "
            "= 1/(1 + e^{−η})")
d.eq(-log(1 - phi), log(1 + exp(eta)), quote=r"a(\eta) &= - log(1-\phi)) \\ &= log (1+e^\eta)",
     why="1 − φ = 1/(1 + e^η); this printed line is right (it agrees with the corrected inverse; "
         "the first line's extra ')' aside)")
d.eq(1 * exp(eta * y - log(1 + exp(eta))), pmf, quote=r"T(y) &= y  \\ b(y) &= 1",
     why="with T(y) = y, b(y) = 1 and a(η) = log(1 + e^η) the family form reproduces the pmf")
et = d.symbols("eta_s", real=True)                         # η as a free parameter
yb = d.symbols("u", integer=True)
d.eq(Sum(exp(et * yb), (yb, 0, 1)), exp(log(1 + exp(et))),
     quote=r"`^a(\eta)` 指的是对数配分函数(log partition function), 用来满足PDF函数积分为1的约束",
     why="a(η) = log(1 + e^η) is the log-normalizer: Σ_{y∈{0,1}} b(y) e^{ηy} = 1 + e^η = e^{a(η)}")
d.eq(Sum(yb * exp(et * yb - log(1 + exp(et))), (yb, 0, 1)), Derivative(log(1 + exp(et)), et), added=True,
     why="a′(η) = E[T(y)]: the mean e^η/(1 + e^η) = φ is the derivative of a(η) = log(1 + e^η)")
BERNOULLI = d.build()

# -- the Poisson ------------------------------------------------------------------------------
d = DerivationBuilder("poisson_exponential_family", title="The Poisson distribution is an exponential family",
                      source=Source(FILE, "§指数函数分布族"))
lam = d.symbols("lambda", positive=True)
yp = d.symbols("y", integer=True, nonnegative=True)
pp = d.define("p_lambda", lam**yp * exp(-lam) / factorial(yp), quote="泊松分布都属于这一类分布",
              why="the Poisson pmf λ^y e^{−λ}/y!, y = 0, 1, 2, …; the text says it belongs to the family and prints no form")
eta_p = d.define("eta", log(lam), added=True, why="the natural parameter η = log λ")
a_p = d.define("a_eta", exp(eta_p), added=True, why="the log partition function a(η) = e^η (= λ)")
d.eq(pp, 1 / factorial(yp) * exp(eta_p * yp - a_p), added=True,
     why="b(y) = 1/y!, T(y) = y: λ^y e^{−λ}/y! = (1/y!) exp(y log λ − λ), the family form b(y) e^{ηT(y) − a(η)}")
ep = d.symbols("eta_s", real=True)
d.eq(Derivative(exp(ep), ep), exp(ep), added=True,
     why="a′(η) = e^η = λ, the Poisson mean E[y] = λ (the series Σ_y y λ^y e^{−λ}/y! itself is not checked)")
POISSON = d.build()

# -- logistic regression as a GLM ----------------------------------------------------------------
d = DerivationBuilder("logistic_regression_glm", title="Logistic regression from the GLM assumptions",
                      source=Source(FILE, "§案例：逻辑回归的推导 · 预测函数"))
m = d.symbols("m", integer=True, positive=True)      # number of features
theta, x = d.indexed("theta", real=True), d.indexed("x", real=True)
j = d.symbols("j", integer=True)
eta = d.define("eta", Sum(theta[j] * x[j], (j, 1, m)), at="§构造通用线性模型", quote=r"\eta &= \theta^Tx",
               why="the GLM's third assumption: η is linear in x")
phi = d.define("phi", 1 / (1 + exp(-eta)), added=True,
               why="the Bernoulli mean as a function of its natural parameter, φ(η) = 1/(1 + e^{−η}): the "
                   "corrected inverse of bernoulli_exponential_family (the text prints 1/(1 + e^η))")
d.eq(log(phi / (1 - phi)), eta, quote=r"\eta &= log(\frac{\phi}{1-\phi})", why="φ(η) inverts the natural parameter")
d.eq(1 * phi + 0 * (1 - phi), phi, quote=r"h_\theta(y|x; \theta) &= E(y|x; \theta) = \phi",
     why="the mean of a Bernoulli on {0, 1}")
d.erratum(phi, 1 / (1 + exp(eta)), quote=r"& = 1 / (1 + e^\eta)",
          why="carries the printed sign error of φ(η): 1/(1 + e^η) = 1 − φ")
d.eq(phi, 1 / (1 + exp(-eta)), added=True, why="the printed line corrected: φ(η) = 1/(1 + e^{−η}) as derived")
d.erratum(phi, 1 / (1 + exp(Sum(theta[j] * x[j], (j, 1, m)))), quote=r"& = 1 / (1 + e^{\theta^Tx})",
          why="the printed hypothesis has the sign of the exponent flipped: it is the probability of y = 0")
d.eq(phi, 1 / (1 + exp(-Sum(theta[j] * x[j], (j, 1, m)))), added=True,
     why="the printed line corrected, 1/(1 + e^{−θᵀx}): with η = θᵀx, the sigmoid of the linear score")
LOGISTIC = d.build()

# -- the multinomial --------------------------------------------------------------------------
d = DerivationBuilder("multinomial_exponential_family", title="The multinomial in exponential-family form",
                      source=Source(FILE, "§案例：Softmax 回归的推导"))
k = d.index("k", 2)                                   # number of classes
yk = d.index("y", 1, k)                               # the observed class
w = d.indexed("w", positive=True)                     # any positive weights: φ_i = w_i / Σ w
i, l = d.symbols("i l", integer=True)
W = Sum(w[l], (l, 1, k))
phi = d.indexed("phi", positive=True)
d.define(phi[i], w[i] / W, added=True,
         why="a distribution on k classes, written through positive weights so that Σ φ_i = 1 holds by construction")
d.eq(Sum(phi[l], (l, 1, k)), 1, quote=r"\sum_{i=1}^{k}\phi_i = 1", why="the constraint the text uses below")
Tv = d.indexed("T", real=True)
d.define(Tv[i], KroneckerDelta(yk, i), quote="我们通过函数T(y)把，把标量变成向量，注意这个向量的维度为 k -1",
         why="the sufficient statistic T(y)_i = 1{y = i}, i = 1..k−1 (T(y=k) = 0): indicator vectors of "
             "dimension k − 1")
d.eq(Product(phi[i]**KroneckerDelta(yk, i), (i, 1, k)), phi[yk],
     quote=r"p(y;\phi) &= \phi_1^{1 \left\{ y=1 \right\}} \phi_2^{1 \left\{ y=2 \right\}}...\phi_k^{1 \left\{ y=k \right\}}",
     why="exactly one exponent is 1: the pmf is φ_y")
d.erratum(Product(phi[i]**KroneckerDelta(yk, i), (i, 1, k - 1)) * phi[k]**(1 - Sum(KroneckerDelta(yk, k), (i, 1, k - 1))),
          phi[yk],
          quote=r"&= \phi_1^{1 \left\{ y=1 \right\}} \phi_2^{1 \left\{ y=2 \right\}}...\phi_k^{1 - \sum_i^{k-1}1\left\{ y=k \right\}}",
          why="the printed exponent sums 1{y=k} over i instead of 1{y=i}: at y = 1 it is 1, so φ_k is "
              "wrongly included (k = 2, y = 1: φ_1φ_2 instead of φ_1)")
d.eq(Product(phi[i]**KroneckerDelta(yk, i), (i, 1, k - 1)) * phi[k]**(1 - Sum(KroneckerDelta(yk, i), (i, 1, k - 1))),
     phi[yk], added=True,
     why="the printed line corrected: 1{y=k} = 1 − Σ_{i<k} 1{y=i}, the exponent of φ_k with 1{y=i}")
d.erratum(Product(phi[i]**Tv[i], (i, 1, k - 2)) * phi[k - 1]**1 * phi[k]**(1 - Sum(Tv[i], (i, 1, k - 1))), phi[yk],
          quote=r"&= \phi_1^{T(y)_1} \phi_2^{T(y)_2} ... \phi_{k-1}^{T(k-1)_{k-1}} \phi_k^{1 - \sum_i^{k-1}T(y)_i}",
          why="the printed exponent of φ_{k−1} is T(k−1)_{k−1}, the (k−1)-th entry of T(y = k−1), which is 1 whatever y "
              "is: φ_{k−1} is always included (k = 2, y = 2: φ_1φ_2 instead of φ_2)")
d.eq(Product(phi[i]**Tv[i], (i, 1, k - 1)) * phi[k]**(1 - Sum(Tv[i], (i, 1, k - 1))), phi[yk], added=True,
     why="the printed line corrected, with T(y)_{k−1}: the pmf in terms of the sufficient statistic")
line4 = exp(Sum(Tv[i] * log(phi[i]), (i, 1, k - 1)) + (1 - Sum(Tv[i], (i, 1, k - 1))) * log(phi[k]))
d.eq(Product(phi[i]**Tv[i], (i, 1, k - 1)) * phi[k]**(1 - Sum(Tv[i], (i, 1, k - 1))), line4,
     quote=r"&= exp( T(y)_1 log(\phi_1) + T(y)_2 log(\phi_2)) + ... + T(y)_{k-1} log(\phi_{k-1}) "
           r"+ (1 - \sum_i^{k-1}T(y)_i) log(\phi_k) )",
     why="a = e^{log a} for a > 0")
line5 = exp(Sum(Tv[i] * log(phi[i] / phi[k]), (i, 1, k - 1)) + log(phi[k]))
d.eq(line4, line5, quote=r"&= exp( T(y)_1 log(\phi_1/\phi_k) + T(y)_2 log(\phi_2/\phi_k)) + ... "
                         r"+ T(y)_{k-1} log(\phi_{k-1}/\phi_k) + log(\phi_k) )",
     why="collect the log φ_k terms")
eta = d.indexed("eta", real=True)
d.define(eta[i], log(phi[i] / phi[k]),
         quote=r"\eta &= \left[ log(\phi_1/\phi_k) , log(\phi_2/\phi_k) , log(\phi_{k-1}/\phi_k)  \right]^T",
         why="the natural parameter")
a_eta = d.define("a_eta", -log(phi[k]), quote=r"a(\eta) &= - log(\phi_k)", why="the log partition function")
d.erratum(1 * exp(yk * Sum(eta[i], (i, 1, k - 1)) - a_eta), phi[yk], quote=r"&= b(\eta) exp( \eta^T .y - a(\eta))",
          why="ηᵀ·y read as printed, with y the class label: exp(y Σ_i η_i − a(η)) is not φ_y (k = 2, y = 2: φ_1²/φ_2, "
              "not φ_2). The exponent needs the sufficient statistic T(y), not y. (b(η) for b(y) is a slip of notation "
              "only: b ≡ 1 here, so it changes no value)")
d.eq(1 * exp(Sum(eta[i] * Tv[i], (i, 1, k - 1)) - a_eta), line5, added=True,
     why="the printed line corrected: b(y) exp(ηᵀT(y) − a(η)) with b(y) = 1 reproduces the line above")
d.eq(Sum(eta[i] * Tv[i], (i, 1, k - 1)) - a_eta, log(phi[yk]), added=True,
     why="cross-check: the exponent ηᵀT(y) − a(η) is the log-probability log φ_y of the observed class")
MULTINOMIAL = d.build()

# -- φ(η) is the softmax, and the softmax hypothesis --------------------------------------------
d = DerivationBuilder("multinomial_softmax_response", title="Inverting η_i = log(φ_i/φ_k) gives the softmax",
                      source=Source(FILE, "§案例：Softmax 回归的推导 · η 与 φ 的关系"))
k = d.index("k", 2)
i, j = d.index("i", 1, k), d.index("j", 1, k)
w = d.indexed("w", positive=True)
l = d.symbols("l", integer=True)
W = Sum(w[l], (l, 1, k))
phi = d.indexed("phi", positive=True)
d.define(phi[i], w[i] / W, added=True, why="a distribution on k classes (positive weights)")
eta = d.indexed("eta", real=True)
d.define(eta[i], log(phi[i] / phi[k]), quote=r"\eta_i    &= log \frac{\phi_i}{\phi_{k}}",
         why="the natural parameters, extended with η_k")
d.instantiate({i: k}, eta[i], 0, quote=r"注意这里指定了 `^\eta_k=0`, 扩展维度到k",
              why="the extension to dimension k: η_k = log(φ_k/φ_k) = 0")
d.eq(phi[i], exp(eta[i]) * phi[k], quote=r"\phi_{i}  &= e^{\eta_i} \phi_{k}", why="exponentiate η_i = log(φ_i/φ_k)")
d.eq(phi[k] * Sum(exp(eta[l]), (l, 1, k)), Sum(phi[l], (l, 1, k)),
     quote=r"\phi_{k}\sum_{i=1}^{k}e^{\eta_i} &= \sum_{i=1}^{k}\phi_i",
     why="sum φ_i = e^{η_i} φ_k over i")
d.eq(Sum(phi[l], (l, 1, k)), 1, quote=r"&= \sum_{i=1}^{k}\phi_i = 1", why="the probabilities sum to one")
d.eq(phi[k], 1 / Sum(exp(eta[l]), (l, 1, k)), quote=r"\phi_{k} &= 1 / \sum_{i=1}{k}e^{\eta_i}",
     why="divide by the sum: φ_k = 1/Σ_{i=1}^k e^{η_i} (the text prints \\sum_{i=1}{k}, the ^ of the upper "
         "limit missing)")
d.eq(phi[i], exp(eta[i]) / Sum(exp(eta[l]), (l, 1, k)), quote=r"\phi_{i} = \frac{e^{\eta_i}}{\sum_{i=1}^{k}e^{\eta_i}}",
     why="φ_i = e^{η_i} φ_k: this is the softmax of η")
theta, x = d.indexed("theta", real=True), d.indexed("x", real=True)
mdim = d.symbols("m", integer=True, positive=True)
r = d.symbols("r", integer=True)
score = d.indexed("s", real=True)
d.define(score[i], Sum(theta[i, r] * x[r], (r, 1, mdim)), at="§构造通用线性模型", quote=r"\eta &= \theta^Tx",
         why="the GLM assumption, class by class: η_i = θ_iᵀx")
h = d.indexed("h", real=True)
d.define(h[j], exp(score[j]) / Sum(exp(score[l]), (l, 1, k)),
         quote=r"h_{\theta}^j(x) = \frac{e^{\theta_jx}}{\sum_{i=1}^{k}e^{\theta_ix}}",
         why="the softmax hypothesis e^{θ_jᵀx}/Σ_i e^{θ_iᵀx} (the text writes θ_jx for the score θ_jᵀx)")
d.eq(Sum(h[l], (l, 1, k)), 1, quote=r"最后我们依据`^\sum_{i=1}^{k}\phi_i=1`，将`^h_\theta(x)`扩充一个维度",
     why="the k outputs form a distribution, so the (k−1)-vector E[T(y)|x] determines the last one")
d.eq(h[j], exp(score[j] - score[k]) / Sum(exp(score[l] - score[k]), (l, 1, k)),
     quote=r"我们指定`^\theta_k=0`，自然满足前面`^\eta_k=\theta_kx=0`的设置",
     why="fixing θ_k = 0 loses nothing: the softmax is invariant under subtracting θ_kᵀx from every score")
yk = d.index("y", 1, k)
d.eq(Sum(phi[l] * KroneckerDelta(l, j), (l, 1, k)), phi[j],
     quote=r"h_{\theta}(x) &= E(T(y)|x; \theta) \\ &= [\phi_1, \phi_2, ..., \phi_{k-1}]^T",
     why="the expectation of the indicator 1{y = j} is φ_j")
SOFTMAX_RESPONSE = d.build()
