"""The names a document's relations use and define: declarations, symbols by name, targets of
definitions, probabilities read as opaque numbers, and the relationals conditions are made of."""
from __future__ import annotations

import functools
import re

import sympy as sp

from ..declarations import parse_declarations
from ..domain import Bound, Domain
from ..dsl import Definition
from ..rewrite import substitute_free

DEFAULT_DIMENSION = "n"


def plain_context(domain: Domain, functions: set[str]):
    from ..latex import Context
    return Context(names=context_names(domain, functions), functions=frozenset(functions))

_BINDERS = (sp.Sum, sp.Product, sp.Derivative, sp.Limit)


def opaque_probabilities(expr: sp.Basic, origins: dict[sp.Symbol, sp.Basic] | None = None) -> sp.Basic:
    """Each probability the reader built (``P(_|_)(a, x)``) as one positive name, so that
    ``P(a | x) = 5/21`` defines that probability only (never ``P`` as a function of its arguments).
    A probability of a summation index or of a differentiation variable stays an application: it
    depends on that variable."""
    from ..latex import probabilities
    found = probabilities(expr)
    if not found:
        return expr
    bound: set[sp.Basic] = set()
    for node in expr.atoms(*_BINDERS):
        bound |= {node.args[1]} if isinstance(node, sp.Limit) else set(node.variables)   # (lim_{t→∞}: t)
    names = {f: sp.Symbol(sp.sstr(f), **({"positive": True} if f.is_positive else {"real": True}))
             for f in found if not (f.free_symbols & bound)}
    if origins is not None:             # (what each name stands for: E[_](X**k) is E[X^k] as written)
        for f, name in names.items():
            origins.setdefault(name, f)
    return expr.xreplace(names)


_OPAQUE_ARGUMENTS = re.compile(r"^\w+\([_|;,= ]*\)\((?P<args>.*)\)$")


def own_parameters(target: sp.Basic) -> set[str]:
    """The names a definition's left side binds: ``x`` of ``f(x) = …``, ``x`` and ``η`` of
    ``p(x | η) = …`` (a probability's model, made an opaque name by :func:`opaque_probabilities`)."""
    if isinstance(target, sp.core.function.AppliedUndef):
        return {str(a) for a in target.args if isinstance(a, sp.Symbol)}
    m = _OPAQUE_ARGUMENTS.match(target.name) if isinstance(target, sp.Symbol) else None
    if m is None:
        return set()
    return {a.strip() for a in m.group("args").split(",") if re.fullmatch(r"\s*[A-Za-z_]\w*\s*", a)}


def model_parameters(target: sp.Basic) -> tuple[sp.Symbol, ...] | None:
    """The parameters of a probability written as a model, ``P(y | λ) = …`` with distinct plain
    names, as the reader built it; None for anything else (``P(y = 1 | x)``, ``P(y | y)``)."""
    from ..latex import probabilities
    name = target.func.__name__ if probabilities(target) == {target} else ""
    if not ("|" in name or ";" in name) or "=" in name or name.startswith("E"):
        return None                 # P(A), E[u] = h: values of what they are written of, not models;
                                    # P(y = q | x): an event's probability (q is a value, not a parameter)
    args = target.args
    if not all(isinstance(a, sp.Symbol) and not isinstance(a, sp.Dummy) for a in args) or len(set(args)) < len(args):
        return None
    return tuple(args)


def with_models(expr: sp.Basic, models: dict[str, tuple[tuple[sp.Symbol, ...], sp.Basic]],
                whole: bool = True) -> sp.Basic:
    """Each probability of a modelled kind (``P(y + 1 | λ)`` after ``P(y | λ) = λ^y e^{−λ}/y!``) as its
    model at those arguments.  ``whole=False``: a left side that is itself such a probability at
    plain names stays as written (it may give the model anew)."""
    from ..latex import probabilities
    if not models or (not whole and model_parameters(expr) is not None):
        return expr
    swap = {}
    for f in probabilities(expr):
        model = models.get(f.func.__name__)
        if model is not None and len(model[0]) == len(f.args):
            swap[f] = substitute_free(model[1], dict(zip(model[0], f.args)))
    return expr.xreplace(swap) if swap else expr


def probabilities_in(*exprs: sp.Basic) -> set[sp.Basic]:
    """The probabilities (as applications or as the names :func:`opaque_probabilities` made) in ``exprs``."""
    from ..latex import probabilities
    out: set[sp.Basic] = set()
    for e in exprs:
        out |= probabilities(e) | {s for s in e.free_symbols if isinstance(s, sp.Symbol) and ("(" in s.name
                                                                                             or "[" in s.name)
                                   and not _CALL_VALUE.fullmatch(s.name)}
    return out


_CALL_VALUE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)?\((?!_)(?![^)]*[(\[]_)[^|;]*\)")
"""The name ``opaque.opaque_calls`` gives the value of a function defined nowhere at its one argument (``f(x)``):
a number, no probability."""


def bare_name(name: str) -> str:
    return name.lstrip("\\")


def merged_declarations(base: Domain, texts: list[str]) -> Domain:
    """``--symbols`` and the document's declarations so far (later ones win)."""
    return base.merged(doc_declarations("; ".join(texts)))

_KEYWORD = "lambda"


def doc_declarations(text: str) -> Domain:
    """A DECL as written in a document: names may carry LaTeX's backslash (``\\phi: 0<\\phi<1``) and
    may be ``lambda`` (a Python keyword the plain grammar refuses), which is what ``\\lambda`` reads as."""
    plain = re.sub(r"\\([A-Za-z]+)", r"\1", text)
    placeholder = "lambda_kw_"
    domain = parse_declarations(re.sub(rf"\b{_KEYWORD}\b", placeholder, plain))
    old = next((x for x in domain.symbols if x.name == placeholder), None)
    if old is None:
        return domain
    new = sp.Symbol(_KEYWORD, **{k: v for k, v in old.assumptions0.items() if v is not None})
    swap = {old: new}
    return Domain(tuple(swap.get(x, x) for x in domain.symbols), domain.indexed,
                  tuple(Bound(swap.get(b.symbol, b.symbol), b.lower.xreplace(swap) if b.lower is not None else None,
                              b.lower_strict, b.upper.xreplace(swap) if b.upper is not None else None,
                              b.upper_strict) for b in domain.bounds),
                  tuple(g.xreplace(swap) for g in domain.given))


def context_names(domain: Domain, functions: set[str]) -> dict[str, sp.Basic]:
    names = dict(domain.names())
    for f in functions:
        names.setdefault(f, sp.Function(f, real=True))
    return names


def document_dimension(domain: Domain, inferred: str | None = None) -> sp.Symbol:
    declared = domain.names().get(DEFAULT_DIMENSION)
    if isinstance(declared, sp.Symbol):
        return declared
    name = inferred or DEFAULT_DIMENSION
    if isinstance(domain.names().get(name), sp.Symbol):
        return domain.names()[name]
    return sp.Symbol(name, integer=True, positive=True)


def names_in(*exprs: sp.Basic) -> set[str]:
    """The names an expression uses: scalars by name, a family ``z_i`` as ``z[]`` (not the scalar
    ``z``), applied functions by name."""
    out: set[str] = set()
    for e in exprs:
        out |= _names_of(e)
    return out


@functools.lru_cache(maxsize=8192)
def _names_of(e: sp.Basic) -> frozenset[str]:
    """:func:`names_in` of one expression (cached: the reader asks it of the same hypotheses and sides
    relation after relation)."""
    from ..rewrite import symbols_outside_entries
    entries = e.atoms(sp.Indexed)
    return frozenset({str(x) for x in symbols_outside_entries(e)}
                     | {str(x) for i in entries for index in i.indices for x in index.free_symbols}
                     | {f"{i.base.label}[]" for i in entries}
                     | {str(f.func) for f in e.atoms(sp.core.function.AppliedUndef)})


def related_to(d: Definition, rhs: sp.Basic) -> bool:
    """Whether a new value speaks of what a definition speaks of (its target or its names, indices
    and sizes aside): φ = 1/(1 + e^{-η}) after η := log(φ/(1 - φ)) does; the y_i = γ x̂_i + β of a
    batch-norm section does not speak of an earlier loss's y_i log ŷ_i."""
    def values(*exprs: sp.Basic) -> set[str]:
        integers = {s.name for e in exprs for s in e.atoms(sp.Symbol) if s.is_integer}
        return names_in(*exprs) - integers
    return bool(values(rhs) & (values(d.target, d.expr) | {target_name(d.target) or ""}))


def one_symbol_per_name(lhs: sp.Basic, rhs: sp.Basic) -> tuple[sp.Basic, sp.Basic]:
    """One letter, one symbol: the t of ``\\eta_t`` (an integer index) and of ``\\gamma^t`` (read as a
    real) are the same t — the one that knows most (an integer) — so that a definition's pattern
    reaches both."""
    by_name: dict[str, list[sp.Symbol]] = {}
    for x in sp.Tuple(lhs, rhs).atoms(sp.Symbol):
        if not isinstance(x, sp.Dummy):
            by_name.setdefault(x.name, []).append(x)
    same = {}
    for group in (g for g in by_name.values() if len(g) > 1):
        best = max(group, key=lambda x: (bool(x.is_integer), bool(x.is_positive), len(x.assumptions0)))
        same.update({x: best for x in group if x != best})
    return (keeping_bases(lhs, same), keeping_bases(rhs, same)) if same else (lhs, rhs)


def keeping_bases(expr: sp.Basic, mapping: dict) -> sp.Basic:
    """``expr.xreplace(mapping)`` that leaves the label of every indexed family alone: the label y of
    ``y_k = 1\\{y = k\\}`` names the family, the integer y the indicator compares is another name, and
    a family relabelled is no longer the family a definition's pattern names."""
    keep = {b: b for b in expr.atoms(sp.IndexedBase)}
    return expr.xreplace({**mapping, **keep})

_RELATIONALS = {"==": sp.Eq, "<=": sp.Le, "<": sp.Lt, ">=": sp.Ge, ">": sp.Gt, "!=": sp.Ne}


def as_relational(op: str, lhs: sp.Basic, rhs: sp.Basic) -> sp.Basic | None:
    """The premise ``lhs op rhs`` as a hypothesis (None when it is not a relation SymPy keeps)."""
    maker = _RELATIONALS.get(op)
    if maker is None:
        return None
    try:
        value = maker(lhs, rhs, evaluate=False)
    except (TypeError, ValueError):
        return None
    return value


def is_atomic(e: sp.Basic) -> bool:
    return isinstance(e, (sp.Symbol, sp.Indexed)) or e.is_Number


def pinned_by(d: Definition) -> set[str]:
    """The names a definition ties down: its target and what its value mentions (the parameters
    of ``f(x) = …`` are its own, not the document's ``x``)."""
    params = {str(a) for a in d.target.args} if isinstance(d.target, sp.core.function.AppliedUndef) else set()
    return names_in(d.target, d.expr) - params


def target_name(lhs: sp.Basic) -> str | None:
    if isinstance(lhs, sp.Symbol) and not isinstance(lhs, sp.Dummy):
        return lhs.name
    if isinstance(lhs, sp.Indexed) and all(isinstance(i, sp.Symbol) for i in lhs.indices):
        return f"{lhs.base.label}[]"
    if isinstance(lhs, sp.core.function.AppliedUndef) and str(lhs.func) != "dot" and all(
            isinstance(a, sp.Symbol) or isinstance(a, sp.Pow) and a.exp == 2 and isinstance(a.base, sp.Symbol)
            or isinstance(a, sp.Indexed) and len(a.indices) == 1 and isinstance(a.indices[0], sp.Symbol)
            for a in lhs.args) and len({a.base if isinstance(a, sp.Pow) else a for a in lhs.args}) == len(lhs.args):
        return str(lhs.func)                  # f(x), ℓ(μ, σ²), FL(p_t)
    return None                               # (u_o^T v_c = 2 is a value of that product, not a function "dot")


_LETTER_ENTRY = re.compile(r"^\s*(?P<base>\\?[A-Za-z]+)\s*_\s*(?:\{\s*(?P<braced>[a-z])\s*\}|(?P<bare>[a-z]))\s*$")
_SUBSCRIPT = re.compile(r"(?P<base>\\?[A-Za-z]+)\s*_\s*(?P<sub>\{[^{}]*\}|[A-Za-z0-9])")
_COMMAND = re.compile(r"\\[A-Za-z]+")
_INDEX_LETTERS = frozenset("ijklmn")
"""Letters that index whatever else they do (``a_n = n^2`` is the sequence a, not a name a_n)."""
_INDEX_LIKE = re.compile(r"(?:\\mathbb|\\mathbf|\\mathds|\\bm)\s*\{?\s*1\s*\}?\s*(?:_\s*)?(?:\\left\s*)?(?:\\\{|\[|\{|\()"
                         r"(?P<inside>[^\]\)}]*)|\\(?:delta|mathbb\s*\{?\s*I\s*\}?)\s*_\s*\{(?P<delta>[^{}]*)\}"
                         r"|(?P<name>[a-z])\s*(?:\\in\s*(?:\\\{|\[|\\mathbb\s*\{?\s*[NZ])|=\s*\d+\s*,\s*(?:\\[lc]?dots|…|\.\.\.))")
"""Where letters are used as indices: inside an indicator (``\\mathbb{1}[i = y]``, ``\\mathbb{1}\\{y = k\\}``), a
Kronecker delta's subscript, a membership in a set of integers (``y \\in \\{1, …, K\\}``, ``k \\in [K]``) or a
range (``k = 1, \\dots, K``)."""


_LETTER_RUN = re.compile(r"(?<![\\A-Za-z_])[A-Za-z]+")
"""A run of letters not part of a command; one or two letters (``x``, ``xy``) are that many variables."""


def subscript_labels(found, math: list[str] = ()) -> list[str]:
    """Subscripted names that label rather than index (``m_x = 2x`` and ``m_y = y + 1``; the partial
    derivatives ``g_x = 2xy``, ``g_y = x^2``): a base defined at two or more letters whose definitions
    are not one formula written at different indices, one of them using its own letter as a
    variable (``2x``), each letter a variable of the text (written alone somewhere) and never an index
    of anything else (no ``z_x``, no ``\\sum_x``), nor compared or ranged as one in ``math`` (the
    document's math: ``\\mathbb{1}[i = y]``, ``y \\in \\{1, \\dots, K\\}``, ``k = 1, \\dots, K``).  Each
    such ``g_x`` is a name of its own."""
    defined: dict[str, dict[str, str]] = {}
    for rel in found:
        m = _LETTER_ENTRY.match(rel.lhs)
        if m is not None and rel.op in ("==", ":=") and not rel.chained:
            defined.setdefault(m.group("base"), {}).setdefault(m.group("braced") or m.group("bare"), rel.rhs)
    candidates = {base: letters for base, letters in defined.items() if len(letters) > 1}
    if not candidates:
        return []
    texts = [side for rel in found for side in (rel.lhs, rel.rhs)]
    indexing: dict[str, set[str]] = {}              # letter: the bases it is a subscript of
    for text in texts:
        for m in _SUBSCRIPT.finditer(text):
            for letter in set(_COMMAND.sub(" ", m.group("sub"))) & set("abcdefghijklmnopqrstuvwxyz"):
                indexing.setdefault(letter, set()).add(m.group("base"))
    alone = set()
    for text in texts:
        bare = _COMMAND.sub(" ", _SUBSCRIPT.sub(lambda m: m.group("base"), text))
        alone |= {letter for run in _LETTER_RUN.findall(bare) if len(run) <= 2 for letter in run if letter.islower()}

    ranged = set()
    computed = {letter for text in texts for m in _SUBSCRIPT.finditer(text)        # a_{n+1}: n an index
                if re.search(r"[-+*/]", m.group("sub")) for letter in re.findall(r"(?<![\\A-Za-z])[a-z](?![A-Za-z])",
                                                                                   m.group("sub"))}
    for text in [*texts, *math]:
        for m in _INDEX_LIKE.finditer(text):
            ranged |= set(_COMMAND.sub(" ", m.group("inside") or m.group("name") or ""))

    def template(rhs: str, letter: str) -> str:         # (2xy: the letters x and y, a product)
        return re.sub(r"\s+", "", _LETTER_RUN.sub(lambda m: m.group(0).replace(letter, "@")
                                                  if len(m.group(0)) <= 2 else m.group(0), rhs))

    def uses_own(letter: str, rhs: str) -> bool:
        return any(letter in run for run in _LETTER_RUN.findall(_SUBSCRIPT.sub(" ", _COMMAND.sub(" ", rhs)))
                   if len(run) <= 2)
    out = []
    for base, letters in candidates.items():
        if len({template(rhs, letter) for letter, rhs in letters.items()}) == 1:
            continue                                # a_k = k^2 and a_j = j^2: one family
        if not any(uses_own(letter, rhs) for letter, rhs in letters.items()):
            continue                                # q_i := …, q_y = 1 − ε + ε/K: the entry at the class y
        if all(letter in alone and letter not in ranged and letter not in _INDEX_LETTERS
               and indexing.get(letter, set()) <= {base} and letter not in computed for letter in letters):
            out += [f"{base.lstrip(chr(92))}_{letter}" for letter in sorted(letters)]
    return out


_BINDER = re.compile(r"\\(?:sum|prod|max|min|sup|inf|bigcup|bigcap)\s*(?:\\limits\s*)?_\s*\{?\s*(?P<var>[a-z])(?![A-Za-z])")


def scalar_labels(math: list[str]) -> list[str]:
    """Subscripts that label rather than index (``T_c``, the critical temperature, beside the temperature
    ``T``; ``p_o`` and ``p_e``, observed and expected agreement): a base whose every subscript letter is never
    written alone, never subscripts another name, never runs through a sum, a range or an indicator, never sits
    in arithmetic inside a subscript, and is no usual index letter (i, j, k, l, m, n, t, s).  Each such ``T_c`` is a name of
    its own (read as the entry ``T[c]`` at a free index, it was a family and a number at once).  The reader
    keeps bases the text defines whole (``p = \\mathrm{softmax}(z)``: p_c is its entry)."""
    text = " ".join(math)
    subscripts: dict[str, set[str]] = {}
    for m in _SUBSCRIPT.finditer(text):
        subscripts.setdefault(m.group("base"), set()).add(re.sub(r"[{}\s]", "", m.group("sub")))
    bare = _COMMAND.sub(" ", _SUBSCRIPT.sub(lambda m: m.group("base"), text))
    alone = {letter for run in _LETTER_RUN.findall(bare) if len(run) <= 2 for letter in run if letter.islower()}
    bound = {m.group("var") for m in _BINDER.finditer(text)}
    alone_bases = {run for run in re.findall(r"(?<![\\A-Za-z_^])([A-Za-z])(?![A-Za-z_])", _COMMAND.sub(" ", text))} \
        | {m.group(1) for m in re.finditer(r"\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([A-Za-z])\s*\}(?!\s*_)", text)}
    ranged = {letter for m in _INDEX_LIKE.finditer(text)
              for letter in _COMMAND.sub(" ", m.group("inside") or m.group("name") or m.group("delta") or "")}
    out = []
    for base, subs in subscripts.items():
        letters = {s for s in subs if not s.isdigit()}
        if not letters or len(base.lstrip("\\")) > 1 and not base.startswith("\\") \
                or len(letters) > 1 and base.lstrip("\\") in alone_bases:
            continue        # (p_a and p_b beside a vector $p$: its entries)
        if all(re.fullmatch(r"[a-z]", letter) and letter not in _INDEX_LETTERS | {"t", "s"} and letter not in alone
               and letter not in bound and letter not in ranged
               and not any(re.search(rf"(?<![\\A-Za-z]){letter}(?![A-Za-z])", sub)
                           for b, other in subscripts.items() if b != base for sub in other)
               for letter in letters):      # (p_o and p_e, observed and expected: each a label)
            out.extend(f"{base.lstrip(chr(92))}_{letter}" for letter in letters)
    return sorted(out)
