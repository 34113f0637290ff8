"""Sigmoid as the two-class softmax: 000_cfcfa902fa46fb0a.txt §3.5, every printed line."""
from sympy import Mul, Pow, exp

from softsym.dsl import DerivationBuilder, Source

SRC = Source("000_cfcfa902fa46fb0a.txt", "§3.5")


def _ratio(a, b):
    """a/b as printed, without SymPy cancelling it on sight."""
    return Mul(a, Pow(b, -1, evaluate=False), evaluate=False)


d = DerivationBuilder("sigmoid_two_class_softmax", title="Sigmoid is the two-class softmax", source=SRC)
p, q = d.symbols("p q", real=True)           # the unnormalized scores p̃, q̃ (the source also writes p̄, q̄)

P_p = d.define("P_p", exp(p) / (exp(p) + exp(q)), at="P(y|x) = e^ȳ / Σ_y e^ȳ for y = p, q",
               why="softmax over the two outputs p, q: the probability of p")
P_q = d.define("P_q", exp(q) / (exp(p) + exp(q)), at="P(y|x) = e^ȳ / Σ_y e^ȳ for y = p, q",
               why="softmax over the two outputs p, q: the probability of q")
d.eq(P_q, 1 - P_p, at="P(y = q|x) = 1 − P(y = p|x)",
     why="only P(y = p|x) needs computing: the two probabilities sum to one")
d.eq(P_p, exp(p) / (exp(p) + exp(q)), at="P(y = p|x) = e^p̄ / (e^p̄ + e^q̄)",
     why="the expression P(y = p|x) expanded")
d.eq(P_p, _ratio(_ratio(exp(p), exp(p)), _ratio(exp(p), exp(p)) + _ratio(exp(q), exp(p))),
     at="aligned, line 2", why="divide numerator and denominator by e^p̄")
d.eq(P_p, 1 / (1 + exp(q - p)), at="aligned, line 3", why="e^p̄/e^p̄ = 1 and e^q̄/e^p̄ = e^(q̄ − p̄)")
d.erratum(1 / (1 + exp(q - p)), 1 - 1 / exp(p - q), at="1/(1 + e^(q̄ − p̄)) = 1 − 1/e^(p̄ − q̄)",
          why="printed as 'substitute back into the complement'; the right side drops the 1 + in the "
              "denominator, so the two sides differ (at p = q the left is 1/2, the right 0)")
d.eq(1 - 1 / (1 + exp(q - p)), 1 / (1 + exp(p - q)), at="1/(1 + e^(q̄ − p̄)) = 1 − 1/e^(p̄ − q̄), corrected",
     why="the complement P(y = q|x) = 1 − P(y = p|x) in the same form: 1 − 1/(1 + e^(q̄−p̄)) = 1/(1 + e^(p̄−q̄))")
d.instantiate({q: 0}, P_p, 1 / (1 + exp(-p)), at="P(y = p|x) = 1/(1 + e^(−p̃))",
              why="one equation, two unknowns: fix q̃ = 0; this is the sigmoid function")
d.instantiate({q: 0}, P_q, 1 - P_p, at="P(y = q|x) = 1 − P(y = p|x)",
              why="finally, the probability of q is the complement, with q̃ = 0 as well")

DERIVATION = d.build()
