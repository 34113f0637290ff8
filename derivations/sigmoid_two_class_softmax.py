"""Sigmoid as the two-class softmax: 000_cfcfa902fa46fb0a.txt §3.5, every printed line."""
from sympy import Mul, Pow, exp, log

from softsym.dsl import DerivationBuilder, Source

SRC = Source("000_cfcfa902fa46fb0a.txt", "§3.5")


def _ratio(a, b):
    """a/b as printed, without SymPy cancelling it on sight."""
    return Mul(a, Pow(b, -1, evaluate=False), evaluate=False)


d = DerivationBuilder("sigmoid_two_class_softmax", title="Sigmoid is the two-class softmax", source=SRC)
p, q = d.symbols("p q", real=True)           # the unnormalized scores p̃, q̃ (the source also writes p̄, q̄)

P_p = d.define("P_p", exp(p) / (exp(p) + exp(q)),
               quote=r"P(y|x) = \frac{e^{\bar{y}}}{\sum_y e^{\bar{y}}} \text{ for } y = p, q",
               why="softmax over the two outputs p, q: the probability of p")
P_q = d.define("P_q", exp(q) / (exp(p) + exp(q)),
               quote=r"P(y|x) = \frac{e^{\bar{y}}}{\sum_y e^{\bar{y}}} \text{ for } y = p, q",
               why="softmax over the two outputs p, q: the probability of q")
d.eq(P_q, 1 - P_p, quote=r"P(y = q|x) = 1 - P(y = p|x)",
     why="only P(y = p|x) needs computing: the two probabilities sum to one")
d.eq(P_p, exp(p) / (exp(p) + exp(q)), quote=r"P(y = p|x) = \frac{e^{\bar{p}}}{e^{\bar{p}} + e^{\bar{q}}}",
     why="the expression P(y = p|x) expanded")
d.eq(P_p, _ratio(_ratio(exp(p), exp(p)), _ratio(exp(p), exp(p)) + _ratio(exp(q), exp(p))),
     why="divide numerator and denominator by e^p̄",
     quote=r"&= \frac{\frac{e^{\bar{p}}}{e^{\bar{p}}}}{\frac{e^{\bar{p}}}{e^{\bar{p}}} + \frac{e^{\bar{q}}}{e^{\bar{p}}}}")
d.eq(P_p, 1 / (1 + exp(q - p)), quote=r"&= \frac{1}{1 + e^{\bar{q} - \bar{p}}}",
     why="e^p̄/e^p̄ = 1 and e^q̄/e^p̄ = e^(q̄ − p̄)")
d.erratum(1 / (1 + exp(q - p)), 1 - 1 / exp(p - q),
          quote=r"\frac{1}{1 + e^{\bar{q} - \bar{p}}} = 1 - \frac{1}{e^{\bar{p} - \bar{q}}}",
          why="printed as 'substitute back into the complement'; the right side drops the 1 + in the "
              "denominator, so the two sides differ (at p = q the left is 1/2, the right 0)")
d.eq(1 - 1 / (1 + exp(q - p)), 1 / (1 + exp(p - q)), added=True,
     why="the complement P(y = q|x) = 1 − P(y = p|x) in the same form: 1 − 1/(1 + e^(q̄−p̄)) = 1/(1 + e^(p̄−q̄))")
c, s = d.symbols("c", real=True), d.bounded("s", 0, 1)
d.eq(1 / (1 + exp((q + c) - (p + c))), 1 / (1 + exp(q - p)),
     quote=r"因此，我们的方程将有无数的解  $(\tilde{p}, \tilde{q})$",
     why="infinitely many solutions: P(y = p|x) depends on p̃ − q̃ only, so (p̃ + c, q̃ + c) gives the same "
         "probability for every c (shift invariance)")
d.eq(1 / (1 + exp((p + log((1 - s) / s)) - p)), s, added=True,
     why="for any probability s in (0, 1) and any p̃, q̃ = p̃ + log((1 − s)/s) solves P(y = p|x) = s: one solution "
         "for every p̃, so one unknown may be fixed")
d.instantiate({q: 0}, P_p, 1 / (1 + exp(-p)), quote=r"P(y = p|\mathbf{x}) = \frac{1}{1 + e^{-\tilde{p}}}",
              why="one equation, two unknowns: fix q̃ = 0; this is the sigmoid function")
d.instantiate({q: 0}, P_q, 1 - P_p, quote=r"P(y = q|\mathbf{x}) = 1 - P(y = p|\mathbf{x})",
              why="finally, the probability of q is the complement, with q̃ = 0 as well")

DERIVATION = d.build()
