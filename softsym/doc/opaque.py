"""Dot products of vectors that appear nowhere else, read as opaque numbers.

``h_i := w_i^\\top x`` makes every relation through h hold ``dot(w[i], x)``, which no point can
evaluate: the counterexample search gives up.  When the vectors occur only inside such products,
the products are numbers that can take any values at once: each distinct product (per entry) is
an opaque real, ``w·x[i]``.  A proof of the relation in those numbers holds for every choice of
the vectors (they are one choice of the numbers).  A counterexample is met by some vectors too —
the products pair two separate groups of vectors (every w with x, never a vector with itself or
with one of its own group), and any table of such cross products is realizable in a space of
enough dimensions (x the unit vectors, each w a row of the table) — but not always by the vectors
the text has in mind (tied weights, unit norms, a low dimension, said in words): the reader
reports such a refutation as undecided, unless one plain vector meets all the others (``ONE_VECTOR``),
the relation is an equation and the text says nothing more of the vectors (``vectors_spoken_of``).  Anything else — a vector
dotted with itself, a vector elsewhere in the relation, a derivative, a limit or an integral still
around — leaves the products as they are.
"""
from __future__ import annotations

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from ..latex.applications import DOT


def _key(arg: sp.Basic) -> str | None:
    """The vectors a product's argument names: ``w[]`` (the family) of ``w[i]``, ``w`` of ``w``; None for
    anything else."""
    if isinstance(arg, sp.Symbol):
        return arg.name
    if isinstance(arg, sp.Indexed) and all(isinstance(i, (sp.Symbol, sp.Integer)) for i in arg.indices):
        return f"{arg.base.label}[]"
    return None


def opaque_dot_products(left: sp.Basic, right: sp.Basic, given: tuple[sp.Basic, ...],
                        ours: frozenset[str] = frozenset()) -> tuple[sp.Basic, sp.Basic, tuple[sp.Basic, ...], str]:
    """``left``, ``right`` and the hypotheses ``given`` with each dot product an opaque number where
    that is sound (see the module), and a note saying so ("" when nothing changed).  ``ours``: vectors
    the reader brought in (the direction u of :mod:`.directional`), free to be anything: one plain vector
    of the text beside them in its group still meets any table (in as many dimensions as the group has
    vectors)."""
    whole = sp.Tuple(left, right, *given)
    products = [a for a in whole.atoms(AppliedUndef) if a.func == DOT]
    if not products or whole.has(sp.Derivative, sp.Integral, sp.Limit):
        return left, right, given, ""
    side: dict[str, int] = {}
    edges = []
    for p in products:
        if len(p.args) != 2:
            return left, right, given, ""
        keys = [_key(a) for a in p.args]
        if None in keys or keys[0] == keys[1]:
            return left, right, given, ""            # a vector dotted with itself: a square, not free
        edges.append((keys[0], keys[1]))
    for start in [k for edge in edges for k in edge]:     # two groups, every product across them
        if start in side:
            continue
        side[start], todo = 0, [start]
        while todo:
            here = todo.pop()
            for a, b in edges:
                for this, other in ((a, b), (b, a)):
                    if this == here and other not in side:
                        side[other] = 1 - side[here]
                        todo.append(other)
    if any(side[a] == side[b] for a, b in edges):
        return left, right, given, ""
    if len({k.removesuffix("[]") for k in side}) < len(side):
        return left, right, given, ""                # u and u_1 both: one letter, two objects
    holders = {p: sp.Dummy() for p in products}
    rest = whole.xreplace(holders)
    elsewhere = {x.name for x in rest.free_symbols if isinstance(x, sp.Symbol)} \
        | {str(e.base.label) for e in rest.atoms(sp.Indexed)}
    if elsewhere & {k.removesuffix("[]") for k in side}:
        return left, right, given, ""                # the vector also appears outside the products
    values: dict[sp.Basic, sp.Basic] = {}
    arity: dict[str, int] = {}
    for p in products:
        first, second = sorted(p.args, key=lambda a: side[_key(a)])
        label = f"{_key(first).removesuffix('[]')}·{_key(second).removesuffix('[]')}"
        indices = [i for a in (first, second) if isinstance(a, sp.Indexed) for i in a.indices]
        if arity.setdefault(label, len(indices)) != len(indices):
            return left, right, given, ""            # w as a vector and as a family: not one table
        values[p] = sp.Indexed(sp.IndexedBase(label, real=True), *indices) if indices \
            else sp.Symbol(label, real=True)
    out = whole.xreplace(values)
    names = ", ".join(sorted(arity))
    return out[0], out[1], tuple(out[2:]), (f"the dot products {names} read as opaque numbers (their vectors "
                                            f"appear nowhere else{ONE_VECTOR if _one_row(side, ours) else ''})")


ONE_VECTOR = "; one plain vector meets all of them"
"""Said in the note when one group is a single vector (w·x_i for every i): any table of such products is met
by vectors of one dimension (w = 1, x_i = the value), whatever the dimension, the other group's norms or
ties — only what the text says of both groups together (unit norms of both, w = x, w ⊥ x) can exclude it."""


def _one_row(side: dict[str, int], ours: frozenset[str] = frozenset()) -> bool:
    """Whether one group is a single plain vector of the text, perhaps with vectors of ``ours`` (or ours
    alone): its vectors are the unit vectors of a space of that many dimensions, the other group's vectors
    the columns of any table of products."""
    for group in (0, 1):
        members = [k for k in side if side[k] == group]
        if members and not any(k.endswith("[]") for k in members) and len([k for k in members if k not in ours]) <= 1:
            return True
    return False


_NORM_SAID = re.compile(r"(?:\\\||\\[lr]?Vert(?![A-Za-z])|\\norm\b)[^$]{0,40}?(?:\\\||\\[lr]?Vert(?![A-Za-z])|\})\s*"
                        r"(?:_\s*\{?\s*2\s*\}?)?\s*(?:\^\s*\{?\s*2\s*\}?)?\s*(?:=|\\le|\\leq|<|\\ge|\\geq|>)|\\perp\b")
"""Math that bounds a norm or makes vectors orthogonal (a penalty ``\\frac{\\lambda}{2}\\|w\\|^2`` says nothing of w)."""
_VECTOR_WORDS = re.compile(r"\bunit\b|\bnormali[sz]|\borthogon|\borthonormal|\btied\b|\btying\b|\bshared?\b|\bidentical\b|"
                           r"\bnorms?\b|\blength\b|\bsame\b|\bequal\b|\bnon-?negative\b|\b(?:positive|negative)\s+(?:entries|"
                           r"components|coordinates|vectors?)\b|\bone-?hot\b|\bbinary\s+(?:vectors?|features?|entries|"
                           r"weights?|inputs?)\b|\bentries\b|\bsphere\b|\bcosine\b|\bties?\b|\bcoincid\w*|\b0\s+or\s+1\b|"
                           r"\bzeros?\s+(?:and|or)\s+ones?\b|单位|归一|正交|范数|共享|一样|相同|相等|"
                           r"非负|独热|二值|球面", re.IGNORECASE)
"""Words that may say what vectors are beyond their dot products: unit length, signs, ties, orthogonality."""
_MATH = re.compile(r"\$\$.*?\$\$|\$[^$]*\$|\\\(.*?\\\)|\\\[.*?\\\]", re.DOTALL)


def vectors_spoken_of(text: str, letters: set[str]) -> str:
    """What in ``text`` may tie the vectors ``letters`` down beyond their dot products, quoted, or "" when
    nothing does: a norm's value or bound or ⊥ anywhere in the math; words about them (unit length, signs,
    ties: see ``_said_of_vectors``) in a paragraph that writes one of them; a value given to the vector or its
    entries (``x = (1, 2)``, ``w = v``, ``x_1 = 2``).  A letter given a plain number (``at $x = 0$``) is some
    scalar x of another line (a vector is given a tuple)."""
    bound = _NORM_SAID.search(text)
    if bound:
        return bound.group(0)
    said = _said_of_vectors(re.split(r"\n\s*\n", text), letters)
    if said:
        return said
    bold = r"\\(?:mathbf|boldsymbol|bm|vec)\s*\{{\s*{0}\s*\}}|(?<![\\A-Za-z]){0}(?![A-Za-z])"
    for letter in sorted(letters):
        name = f"(?:{bold.format(re.escape(letter))})"
        entry = r"_\s*(?:\{[^{}$]*\}|[A-Za-z0-9])"
        vector = r"(?:\\left\s*)?[([]|\\begin\s*\{|\\mathbf\s*\{\s*[01]|(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?" \
                 r"[A-Za-z]\s*\}?\s*(?:[$,.;]|\\quad|\\qquad|$)"
        valued = re.search(rf"{name}\s*(?:=|:=|\\coloneqq)\s*(?:{vector})|{name}{entry}\s*(?:=|:=)\s*-?\d|"
                           rf"{name}(?:{entry})?\s*\\in\s*\\{{", text, re.MULTILINE)
        if valued:
            return valued.group(0).strip()
    return ""


def _said_of_vectors(pieces: list[str], letters: set[str]) -> str:
    """What the words of a piece of text (a line, a paragraph) that writes one of the vectors ``letters`` in
    its math say of their norms, unit length, signs, orthogonality or ties ("where $u$ and $v$ have unit
    length"), quoted, or "" (the math itself is no such word: ``$\\|w\\|^2 = 25$`` is a claim, checked)."""
    for piece in pieces:
        maths = " ".join(_MATH.findall(piece))
        if not any(re.search(rf"(?<![\\A-Za-z]){re.escape(x)}(?![A-Za-z])", maths) for x in letters):
            continue
        said = _VECTOR_WORDS.search(_MATH.sub(" ", piece))
        if said:
            return said.group(0)
    return ""


OPAQUE_CALLS = "the values of the functions"
"""How the note names the functions ``opaque_calls`` made numbers (the reader finds them by it)."""
_PLAIN_FUNCTION = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)?")


def opaque_calls(left: sp.Basic, right: sp.Basic, given: tuple[sp.Basic, ...]
                 ) -> tuple[sp.Basic, sp.Basic, tuple[sp.Basic, ...], list[str]]:
    """``left``, ``right`` and ``given`` with each call of a function the text never defines (``f(x)`` of the
    margin ``m := y f(x)``) an opaque real number, where the relation calls that function at one argument only
    and takes no derivative, limit, integral, sum or product (their variable may run through the argument):
    an arbitrary function takes any value there, so a proof in the number holds for every function and a
    counterexample is met by some function.  Returns the functions' names (empty when nothing changed)."""
    whole = sp.Tuple(left, right, *given)
    if whole.has(sp.Derivative, sp.Integral, sp.Limit, sp.Subs, sp.Sum, sp.Product):
        return left, right, given, []
    by_function: dict[sp.Basic, set[sp.Basic]] = {}
    for call in whole.atoms(AppliedUndef):
        if call.func != DOT and _PLAIN_FUNCTION.fullmatch(str(call.func)) and call.args:
            by_function.setdefault(call.func, set()).add(call)
    values = {next(iter(calls)): sp.Symbol(sp.sstr(next(iter(calls))), real=True)
              for calls in by_function.values() if len(calls) == 1}
    if not values:
        return left, right, given, []
    if any(a.atoms(AppliedUndef) for call in values for a in call.args):
        return left, right, given, []            # f(g(x)): the inner call first — not read
    out = whole.xreplace(values)
    return out[0], out[1], tuple(out[2:]), sorted(str(call.func) for call in values)


_CALL_WORDS = re.compile(r"(?i)\b(?:positive|negative|nonnegative|non-negative|probabilit\w*|normali[sz]\w*|"
                         r"partition|bounded|densit\w*|distribution|cdf|pdf|likelihood|between|at\s+most|"
                         r"at\s+least|range|interval)\b|正|负|概率|归一|有界|区间")
"""Words that may bound a function's value at a point (its shape — convex, monotone, linear — does not)."""


def sentences_in(text: str) -> list[str]:
    """The sentences of ``text``, its math kept whole (a period inside ``$…$`` ends nothing)."""
    blanked = _MATH.sub(lambda m: "x" * len(m.group(0)), text)
    out, start = [], 0
    for m in re.finditer(r"[.!?](?=\s)|[。！？]|\n\s*\n", blanked):
        out.append(text[start:m.end()])
        start = m.end()
    return [*out, text[start:]]


_BOUNDING = re.compile(r"<|>|\\[lg]eq?(?![A-Za-z])|\\[lg]eqslant|\\in(?![A-Za-z])|\\to(?![A-Za-z])|\\mapsto|"
                       r"\\colon|\\subset|\\ne(?:q)?(?![A-Za-z])|≤|≥|∈|→")


_ANY_FUNCTION = re.compile(r"(?i)\b(?:scores?|functions?|models?|classifiers?|predictors?|networks?|regressors?|"
                           r"mappings?|maps?|hypothes[ie]s|outputs?|logits?|learners?)\b|函数|模型|分类器|打分|得分")
"""Words that make a letter an arbitrary function of its input ("a real-valued score $f(x)$", "the model $h$"), rather
than one the text knows by name (the entropy $H(p)$, the partition function $Z$ of a system)."""


def calls_named_as_functions(text: str, names: list[str]) -> bool:
    """Whether, for every function of ``names``, a sentence whose math writes it calls it a score, a function, a
    model, a classifier… (see ``_ANY_FUNCTION``): only then are its values any numbers."""
    def named(name: str) -> bool:
        letter = re.escape(name.split("_")[0])
        for piece in sentences_in(text):
            maths = " ".join(_MATH.findall(piece))
            if re.search(rf"(?<![\\A-Za-z])\\?{letter}(?![A-Za-z])", maths) and _ANY_FUNCTION.search(_MATH.sub(" ", piece)):
                return True
        return False
    return all(named(n) for n in names)


def calls_spoken_of(text: str, names: list[str]) -> str:
    """What ties the values of the functions ``names`` down, quoted, or "" when nothing does: math anywhere that
    writes one of them (applied, or ``f :``) beside a bound, a set or a map (``0 < f(x) < 1``, ``f : \\mathbb{R}^d
    \\to (0, 1)``), or the words of a sentence whose math calls one (positive, a probability, bounded…)."""
    for math in _MATH.findall(text):
        for name in names:
            letter = re.escape(name.split("_")[0])
            if re.search(rf"(?<![\\A-Za-z])\\?{letter}(?:_\{{?[^$(]*?\}}?)?\s*(?:\(|:|\\colon)", math) \
                    and _BOUNDING.search(math):
                return math.strip("$").strip()
    for piece in sentences_in(text):
        maths = " ".join(_MATH.findall(piece))
        if not any(re.search(rf"(?<![\\A-Za-z]){re.escape(n.split('_')[0])}(?:_\{{?[^$]*?\}}?)?\s*\(", maths)
                   for n in names):
            continue
        said = _CALL_WORDS.search(_MATH.sub(" ", piece))
        if said:
            return said.group(0)
    return ""
