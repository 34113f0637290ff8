"""The TeX vocabulary the reader knows: which macro is which kind of token, and why the others are refused.

Every table here is data: the scanner (:mod:`softsym.latex.lexer`) looks macros up in it, the
reader (:mod:`softsym.latex.build`) looks names up in it.  A macro that appears in no table is
refused as "an unknown macro".
"""
from __future__ import annotations

GREEK = frozenset({
    "alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta",
    "iota", "kappa", "varkappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "varpi", "rho", "varrho",
    "sigma", "varsigma", "tau", "upsilon", "phi", "varphi", "chi", "psi", "omega",
    "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
    "varGamma", "varDelta", "varTheta", "varLambda", "varXi", "varPi", "varSigma", "varUpsilon",
    "varPhi", "varPsi", "varOmega",
})
"""Greek letters: each is a name (``\\theta`` is the real symbol ``theta``)."""

OTHER_LETTERS = {"ell": "ell", "imath": "imath", "jmath": "jmath"}
"""Letter-like macros read as a name."""

SPACING = frozenset({
    "thinspace", "medspace", "thickspace", "negthinspace", "negmedspace",
    "negthickspace", "enspace", "enskip", "displaystyle", "textstyle", "scriptstyle",
    "scriptscriptstyle", "limits", "nolimits", "nonumber", "notag", "hfill", "relax", "mathstrut",
    "strut", "allowbreak", "nobreak",
})
"""Macros that only change spacing or style: skipped (``\\quad`` and ``\\qquad`` are wide gaps, see lexer)."""

SPACING_SYMBOLS = frozenset(",;:! >")
"""``\\,`` ``\\;`` ``\\:`` ``\\!`` ``\\ `` ``\\>``: spacing, skipped."""

SIZES = frozenset({
    "big", "Big", "bigg", "Bigg", "bigl", "Bigl", "biggl", "Biggl", "bigr", "Bigr", "biggr", "Biggr",
    "bigm", "Bigm", "biggm", "Biggm", "left", "right", "middle",
})
"""Delimiter-size macros: the delimiter after them is read as if written alone."""

FONTS = frozenset({
    "mathbf", "boldsymbol", "bm", "vec", "mathit", "mathsf", "pmb", "symbf", "symbfit", "mathbfit",
    "mathnormal", "bold", "mathbold", "textbf", "textit", "boldmath",
})
"""Font macros that do not change the name (``\\mathbf{z}`` is ``z``)."""

WORD_MACROS = frozenset({"mathrm", "text", "textrm", "operatorname", "mbox", "mathup", "textup",
                         "textnormal", "rm", "hbox"})
"""Macros whose argument is upright text: a single letter is that letter, a word is a WORD token."""

DECORATIONS = {
    "hat": "hat", "widehat": "hat", "bar": "bar", "overline": "bar", "tilde": "tilde",
    "widetilde": "tilde", "check": "check", "breve": "breve", "dot": "dot", "ddot": "ddot",
    "acute": "acute", "grave": "grave", "mathring": "ring", "underline": "underline",
    "softsymmean": "angle",     # ⟨E⟩, the mean a text writes in angle brackets (see doc.macros.angle_means)
}
"""Decorations: ``\\hat{y}`` is the distinct name ``y_hat`` (suffix as given here)."""

SCRIPT_FONTS = {"mathcal": "cal", "mathscr": "scr", "mathfrak": "frak"}
"""Fonts that make a distinct name: ``\\mathcal{L}`` is ``L_cal``."""

INDICATOR_FONTS = frozenset({"mathbb", "mathbbm", "mathds", "bbold"})
"""Blackboard fonts: ``\\mathbb{1}`` is the indicator; any other letter (a set, an expectation) is refused."""

FUNCTIONS = frozenset({
    "exp", "log", "ln", "lg", "sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh",
    "coth", "arcsin", "arccos", "arctan",
})
"""Operator-name macros read as functions (``\\lg`` is refused by the reader: log base 2 or 10?)."""

BIG_OPERATORS = {"sum": "sum", "prod": "prod", "int": "int"}
"""Operators that take the rest of the product: sums, products, definite integrals (:mod:`.integrals`)."""
MAXMIN = frozenset({"max", "min"})

MULTIPLICATION = {"cdot": "\\cdot", "times": "\\times", "ast": "*", "cdotp": "\\cdot"}
DIVISION = frozenset({"div"})

RELATIONS = frozenset({
    "le", "leq", "leqslant", "ge", "geq", "geqslant", "ne", "neq", "lt", "gt", "approx", "propto",
    "sim", "simeq", "equiv", "cong", "doteq", "coloneqq", "eqqcolon", "triangleq", "ll", "gg",
    "Rightarrow", "Longrightarrow", "Leftarrow", "Longleftarrow", "Leftrightarrow",
    "Longleftrightarrow", "implies", "impliedby", "iff", "leftarrow", "gets", "mapsto",
    "longmapsto", "nleq", "ngeq", "prec", "succ", "preceq", "succeq", "asymp", "vdash", "models",
})
"""Relation macros: allowed in a subscript (``\\sum_{k \\ne t}``, ``\\max_{1 \\le i \\le 3}``),
refused in an expression ("a relation inside an expression")."""

ELLIPSES = frozenset({"cdots", "ldots", "dots", "dotsb", "dotsc"})
"""``a_1 + \\dots + a_n``: an ELLIPSIS token (the reader reads it only as a sum's missing terms)."""

CONDITIONAL_BARS = frozenset({"mid"})
"""``P(a \\mid b)``: a conditional bar (the reader accepts one only inside a probability)."""

PROBABILITY_MACROS = {"Pr": "Pr"}
"""``\\Pr(…)``: a probability (``\\mathbb{P}`` is the name ``P_bb``)."""

ARROWS = frozenset({"to", "rightarrow", "longrightarrow"})
"""``x \\to a`` in a limit's subscript."""

RELATION_TEXT = {
    "le": "<=", "leq": "<=", "leqslant": "<=", "lt": "<", "ge": ">=", "geq": ">=", "geqslant": ">=",
    "gt": ">", "ne": "!=", "neq": "!=",
}
"""What the reader makes of a relation macro in a subscript (others it refuses there too)."""

REFUSED = {
    "iint": "a multiple integral (only a single integral \\int_a^b f(x)\\,dx is read)",
    "iiint": "a multiple integral (only a single integral \\int_a^b f(x)\\,dx is read)",
    "oint": "a contour integral (only a single integral \\int_a^b f(x)\\,dx is read)",
    "vdots": "an ellipsis (the pattern it stands for is not written)",
    "ddots": "an ellipsis (the pattern it stands for is not written)",
    "begin": "an environment (matrix, cases, array) inside an expression",
    "end": "an environment (matrix, cases, array) inside an expression",
    "pm": "a \\pm (two expressions in one)",
    "mp": "a \\mp (two expressions in one)",
    "in": "a set membership \\in",
    "notin": "a set membership \\notin",
    "subset": "a set relation", "subseteq": "a set relation", "supset": "a set relation",
    "cup": "a set operation", "cap": "a set operation", "setminus": "a set operation",
    "emptyset": "a set", "varnothing": "a set",
    "forall": "a quantifier", "exists": "a quantifier", "neg": "a logical operator",
    "land": "a logical operator", "lor": "a logical operator", "wedge": "a logical operator",
    "vee": "a logical operator", "lnot": "a logical operator",
    "langle": "an angle bracket (inner product or bra-ket)",
    "rangle": "an angle bracket (inner product or bra-ket)",
    "odot": "an elementwise product", "otimes": "a tensor product", "oplus": "a direct sum",
    "circ": "a composition", "star": "a convolution or optimum mark",
    "sup": "a supremum", "inf": "an infimum", "argmax": "an argmax", "argmin": "an argmin",
    "limsup": "a limit superior", "liminf": "a limit inferior", "det": "a determinant",
    "tr": "a trace", "colon": "a colon (a map or a condition)",
    "tag": "an equation tag", "label": "a label", "checkmark": "a check mark",
    "color": "a colour command", "textcolor": "a colour command",
    "overset": "a stacked symbol", "underset": "a stacked symbol", "stackrel": "a stacked symbol",
    "not": "a negated relation", "choose": "\\choose (write \\binom)",
    "newline": "a line break", "cr": "a line break", "hline": "a table rule",
    "cfrac": None,  # read as \frac (listed so the table of refusals stays the one place to look)
}
"""Macros refused with the reason given (the fragment is the macro itself)."""
del REFUSED["cfrac"]

KNOWN_WORDS = frozenset({"softmax", "sigmoid", "softplus", "logsumexp", "LSE", "exp", "log", "ln",
                         "tanh", "sinh", "cosh", "sech", "csch", "coth", "max", "min", "sin", "cos", "tan", "diag", "onehot",
                         "artanh", "arctanh", "arsinh", "arcsinh", "logit", "erf", "erfc", "ReLU", "relu"})
"""Upright words (``\\mathrm``, ``\\text``, ``\\operatorname``) the reader knows as functions.  Not sign or
sgn: notes fix sign(0) by convention (0, 1, or left undefined), and each reading proves something false
under another."""

INFORMAL_FUNCTIONS = frozenset({"exp", "log", "ln", "softmax", "sigmoid", "tanh", "max", "min", "onehot"})
"""Runs of plain letters read as a function when followed by ``(``: ``exp(x)``, ``log(1-p)``."""

BARE_FUNCTIONS = {"log": "log", "ln": "ln", "exp": "exp"}
"""Runs of plain letters read as a bare function before an argument: ``log \\frac{a}{b}``, ``ln p_t``."""

VECTOR_FUNCTIONS = frozenset({"softmax", "logsumexp", "LSE"})
"""Functions of a whole vector (their argument is an indexed family)."""

BARE_WORDS = KNOWN_WORDS - VECTOR_FUNCTIONS - {"max", "min", "diag", "onehot"}
"""Upright words of scalar functions applied to one factor without parentheses (``\\operatorname{logit} p``), as
``\\tanh p`` is: not a vector function (``\\mathrm{softmax} z_i`` is softmax(z)_i or softmax(z_i)?) nor max/min."""


UNITS = frozenset("""ms ns us ps cm mm km nm kg mg Hz dB MB GB KB kB TB Mb Gb kb bit bits nat nats min sec""".split())
"""Unit abbreviations: a run of letters that spells one is never read as a product of letters."""
