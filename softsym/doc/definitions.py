"""Which lines define and how definitions are read: function definitions (``L(w) = …``,
``h_\\theta(x) = …``, ``\\sigma(\\mathbf{z})_i = …``), labelled names (``s_i^\\tau``), words as names,
repaired underscores, pair sums, recurrences, and unfolding with derivative variables kept."""
from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp

from ..deadline import Deadline, attempt
from ..dsl import Definition
from ..latex.probability import STATISTIC_WORDS
from ..problem import UnfoldError, unfold
from ..rewrite import evaluate_derivatives, rename_bound, substitute_free
from .chains import Relation
from .names import bare_name, names_in, probabilities_in, target_name


_UPRIGHT = r"\\(?:mathrm|text|textrm|operatorname|mathit)\s*\{\s*[A-Za-z]+\s*\}"

_DECORATED = r"\\(?:mathcal|mathscr|hat|tilde|bar|widehat|widetilde|overline)\s*\{?\s*[A-Za-z]\s*\}?"

_DECORATION_SUFFIX = {"mathcal": "cal", "mathscr": "scr", "hat": "hat", "widehat": "hat", "tilde": "tilde",
                      "widetilde": "tilde", "bar": "bar", "overline": "bar"}

FUNCTION_LHS = re.compile(rf"^\s*(?P<name>{_DECORATED}|[A-Za-z]|\\[A-Za-z]+|[A-Za-z]{{3,}}|{_UPRIGHT})"
                           rf"(?P<sub>_\s*(?:\\[A-Za-z]+|\{{\s*\\[A-Za-z]+\s*\}}|\{{\s*[A-Z]{{2,}}\s*\}}|"
                           rf"\{{\s*{_UPRIGHT}\s*\}}))?"
                           r"\s*(?:\\left)?\((?P<args>[^()]*?)(?:\\right)?\)"
                           r"(?P<entry>_\s*(?:\{\s*[A-Za-z]\s*\}|[A-Za-z]))?\s*$")

_LETTER_SUBSCRIPTED_LHS = re.compile(rf"^\s*(?:(?P<name>{_UPRIGHT}|[A-Za-z]|\\[A-Za-z]+)(?P<sub>_\s*(?:[A-Z]|\{{\s*[A-Z]\s*\}}))"
                                     rf"|(?P<word>{_UPRIGHT})(?P<wsub>_\s*(?:[a-z]|\{{\s*[a-z]\s*\}})))"
                                     r"\s*(?:\\left)?\((?P<args>[^()]*?)(?:\\right)?\)"
                                     r"(?P<entry>_\s*(?:\{\s*[A-Za-z]\s*\}|[A-Za-z]))?\s*$")
"""``p_T(i) := …``: a name with a capital subscript applied to parameters — with ``:=`` only, a
definition of the function ``p_T`` (written with ``=`` it may be the entry p_T times (i); a small
letter, ``p_i(T) := …``, is an entry i of p as a function of T)."""
_PARAM = re.compile(r"^\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*)?([A-Za-z]|\\[A-Za-z]+)\s*\}?\s*(\^\s*\{?\s*2\s*\}?)?\s*"
                    r"(?:_\s*(?:\{\s*([a-z])\s*\}|([a-z])))?\s*$")
"""A parameter: a name (``x``, ``\\mathbf{w}``), a squared one (``\\sigma^2`` of ``\\ell(\\mu, \\sigma^2)``) or
an entry at a letter (``p_t`` of ``\\mathrm{FL}(p_t) = -(1 - p_t)^\\gamma \\log p_t``: a function of that entry)."""


def parameter_name(param: str) -> str:
    """How the reader spells a parameter ``_PARAM`` matched: ``x``, ``sigma^2``, ``p_t`` (an entry)."""
    m = _PARAM.match(param)
    index = m.group(3) or m.group(4)
    return m.group(1).lstrip("\\") + ("^2" if m.group(2) else "") + (f"_{index}" if index else "")

_KNOWN_FUNCTIONS = frozenset({"sigma", "exp", "log", "ln", "tanh", "max", "min", "P", "Pr", "softmax", "sigmoid",
                              "softplus", "logsumexp", "LSE", "sin", "cos", "tan", "sinh", "cosh", "Gamma", "logit",
                              "erf", "erfc", "sech", "coth", "artanh", "arctanh", "Var", "Cov", "Corr", "Std", "SD", "Cor"})

OWN_VERSIONS = frozenset({"sigma", "softmax", "sigmoid"})
_EXPONENTIAL = re.compile(r"e\s*\^|\\exp\b|\bexp\b|\\(?:tanh|sinh|cosh|coth|sech|log|ln)\b|\\sigma\b|softmax|sigmoid|"
                          r"\\operatorname\s*\{|\\mathrm\s*\{")
"""A σ or softmax the text defines itself, the way it wants (``\\sigma(x) := \\max(0, x)``, a ReLU;
``\\mathrm{softmax}(z)_i := e^{-z_i}/…``, a softmin convention): a definition with ``:=``, or one
without an exponential (then it is no sigmoid or softmax at all).  ``\\sigma(z) = 1/(1 + e^{z})``
written with ``=`` is a claim about the sigmoid, checked (a flipped sign is a mistake to catch)."""

_NATURAL_EXPONENTIAL = re.compile(r"e\s*\^|\\exp\b|\bexp\b|\\sigma\b|softmax|sigmoid")
"""What a version the words say σ or softmax denotes may not hold: then it is a claim about the sigmoid."""


def _uses_parameters(args: str, rhs: str) -> bool:
    """Whether ``rhs`` writes each plain parameter of ``args`` (``x`` of ``\\sigma(x) := \\max(0, x)``)."""
    names = [re.sub(r"^\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*(.*?)\s*\}$", r"\1", p.strip()) for p in args.split(",")]
    return all(re.fullmatch(r"\\?[A-Za-z]+", n) and re.search(rf"(?<![A-Za-z]){re.escape(n)}(?![A-Za-z])", rhs)
               for n in names)


_WORD_LHS = re.compile(rf"^\s*(?:{_UPRIGHT})\s*$")


def squared_parameters(target: sp.Basic, body: sp.Basic) -> tuple[sp.Basic, sp.Basic] | None:
    """``ℓ(μ, σ²) := …`` as a function of the square: the target's parameter σ² becomes a name of its
    own (``σ²`` as written) and the body is read through it (σ = √(σ²)) — when the body depends on σ
    through σ² only (it is the same at −σ); ``(target, body)`` unchanged without a squared
    parameter, None when the body is not even in σ (the definition is then not one of σ²)."""
    if not isinstance(target, sp.core.function.AppliedUndef):
        return target, body
    args, mapping = [], {}
    for a in target.args:
        if isinstance(a, sp.Pow) and a.exp == 2 and isinstance(a.base, sp.Symbol):
            if sp.simplify(body - body.xreplace({a.base: -a.base})) != 0:
                return None
            square = sp.Symbol(f"{a.base.name}^2", positive=True)
            mapping[a.base] = sp.sqrt(square)
            args.append(square)
        else:
            args.append(a)
    if not mapping:
        return target, body
    return target.func(*args), sp.expand_power_base(body.xreplace(mapping), force=False)


_ENTRY_FUNCTION_LHS = re.compile(r"^\s*(?P<name>[A-Za-z]|\\[A-Za-z]+)(?P<entry>_\s*(?:\{\s*[a-z]\s*\}|[a-z]))"
                                 r"\s*(?:\\left)?\((?P<args>[^()]*?)(?:\\right)?\)\s*$")
"""``p_i(T) := …``: entry i of a vector-valued function p of T (read as p(T, i), like ``\\sigma(z)_i``)."""


_OF_A_VARIABLE_LHS = re.compile(r"^\s*(?P<name>[fFMKGS]|\\(?:phi|varphi|psi))(?P<sub>_\s*(?:[A-Z]|\{\s*[A-Z](?:\s*_\s*\{?\s*[a-z0-9]\s*\}?)?\s*\}))"
                                r"\s*(?:\\left)?\((?P<args>\s*[a-z]\s*)(?:\\right)?\)(?P<entry>)\s*$")
"""``f_X(x) = …``, ``M_X(t) = …``, ``F_Y(y)``, ``\\varphi_X(t)``: the density, distribution, moment or cumulant
generating, characteristic function of a random variable (a capital subscript) at a small letter — a function
of its own, with ``=`` too (a density's letters are no vector's entries)."""


def _function_lhs(rel: Relation) -> re.Match | None:
    return FUNCTION_LHS.match(rel.lhs) or (_LETTER_SUBSCRIPTED_LHS.match(rel.lhs) if rel.op == ":=" else None) \
        or _OF_A_VARIABLE_LHS.match(rel.lhs) or _ENTRY_FUNCTION_LHS.match(rel.lhs)


def defines_an_entry(rel: Relation) -> bool:
    """Whether a function definition's left side names an entry: ``\\sigma(\\mathbf{z})_i := …``."""
    m = _function_lhs(rel) if function_definition(rel) is not None else None
    return m is not None and bool(m.group("entry"))


def function_definition(rel: Relation) -> tuple[str, list[str]] | None:
    """``f(x) = …`` / ``p(y;\\phi) := …`` / ``h_\\theta(x) = …`` / ``\\mathrm{Loss}(\\mathbf{x}) = …``:
    a name (a letter, a Greek letter with a Greek subscript, a word of three letters or more)
    applied to plain parameters on the left.  Returns the name as the reader spells it
    (``h_theta``, ``Loss``) and the parameters."""
    if rel.op not in ("==", ":="):
        return None
    m = _function_lhs(rel)
    if m is None:
        return None
    groups = m.groupdict()
    written, subscript = groups.get("name") or groups.get("word"), groups.get("sub") or groups.get("wsub")
    decorated = re.fullmatch(r"\\([A-Za-z]+)\s*\{?\s*([A-Za-z])\s*\}?", written)
    if decorated is not None and decorated.group(1) in _DECORATION_SUFFIX:       # \mathcal{L}(θ): L_cal
        if decorated.group(2) in ("P", "p"):
            return None                         # \tilde{P}(a, x) is a probability, not a function
        name = f"{decorated.group(2)}_{_DECORATION_SUFFIX[decorated.group(1)]}"
    else:
        name = re.sub(r"^\\[A-Za-z]+\s*\{\s*([A-Za-z]+)\s*\}$", r"\1", written).lstrip("\\")
    own_sigma = name == "sigma" and m.group("entry")      # \sigma(\mathbf{z})_i = …: the text's own σ (a softmax)
    own_sigma = own_sigma or name in OWN_VERSIONS and (rel.op == ":=" or not rel.claimed and (
        not _EXPONENTIAL.search(rel.rhs) or rel.denoted and not _NATURAL_EXPONENTIAL.search(rel.rhs))) \
        and _uses_parameters(m.group("args"), rel.rhs)       # (softmax(u) = [0.25, 0.75]: a value, no definition)
    known = name in _KNOWN_FUNCTIONS or (len(name) > 1 and name.lower() in _KNOWN_FUNCTIONS)
    worded = re.match(r"\\(?:operatorname|mathrm|text|textrm)\s*\{", written)
    if known and not own_sigma and not (worded and subscript):
        return None             # P(A, B) = P(A) P(B | A) is about probabilities, not a function P
        # (\operatorname{LSE}_\tau(x) := … names a function of its own: LSE_tau)
    if subscript:
        sub = re.sub(r"\\(?:mathrm|text|textrm|operatorname|mathit)\s*", "", subscript)
        name += "_" + re.sub(r"[_{}\s\\]", "", sub)
    args = re.sub(r"\\[,;:!]|\\(?:quad|qquad)\b", " ", m.group("args"))
    params = [p for p in re.split(r"[,;]|\\\||\\Vert\b", args)]
    if not params or not all(_PARAM.match(p) for p in params):
        return None
    if len({parameter_name(p) for p in params}) < len(params):
        return None                             # d(y, y) = 0: the function at a point, not its definition
    if name in STATISTIC_WORDS and not any(re.search(rf"(?<![A-Za-z\\]){re.escape(_PARAM.match(p).group(1))}(?![A-Za-z])",
                                                     rel.rhs) for p in params):
        return None     # "$$\operatorname{Var}(s) = d$$": the variance of that s, not Var of anything (Var(s/√d) is not d)
    if m.group("entry"):                        # \sigma(\mathbf{z})_i = …: the entry i is a parameter too
        params.append(re.sub(r"[_{}\s]", "", m.group("entry")))
    return name, [p.strip() for p in params]

_LABELLED = re.compile(r"^\s*(?:(?P<bold>\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*(?P<inner>\\?[A-Za-z]+)\s*\})"
                       r"|(?P<name>\\[A-Za-z]+|[A-Za-z]))\s*(?P<sub1>_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]))?\s*"
                       r"\^\s*(?P<sup>\{\s*\(\s*\\?[A-Za-z]+\s*\)\s*\}|\{\s*\\?[A-Za-z]+\s*\}|"
                       r"\{?\s*\\(?:mathrm|text|textrm|mathsf|operatorname)\s*\{\s*[A-Za-z]+\s*\}\s*\}?|\\[A-Za-z]+|[A-Za-z])"
                       r"\s*(?P<sub2>_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]))?\s*$")

_NAME_LHS = r"^\s*{name}\s*(?:_\s*(?:\{{[^{{}}]*\}}|\\?[A-Za-z0-9]))?\s*$"
_NUMBER = re.compile(r"\s*-?\s*\d+(?:\.\d+)?\s*(?:/\s*\d+(?:\.\d+)?)?\s*")


def labelled_names(found: list[Relation]) -> frozenset[tuple[str, str]]:
    """Names the text defines with a superscript that labels them (``s_i^\\tau = …`` after ``s_i``
    was defined, ``p_k^{(T)} = …``): (name, superscript) as the reader spells them.  A number, T or
    \\top (a transpose) never labels."""
    out = set()
    for k, rel in enumerate(found):
        m = _LABELLED.match(rel.lhs)
        if m is None or rel.op not in ("==", ":=") or rel.chained:
            continue
        name = (m.group("inner") or m.group("name")).lstrip("\\")
        worded = re.search(r"\\(?:mathrm|text|textrm|mathsf|operatorname)\s*\{\s*([A-Za-z]+)\s*\}", m.group("sup"))
        raw = re.sub(r"[{}\s]", "", m.group("sup"))
        key = worded.group(1) if worded else raw.replace("\\", "")
        if key in ("T", "top", "intercal", "prime") or name == "e":
            continue
        if re.fullmatch(r"\([a-z]\)", key):
            continue                    # x^{(i)}: a sample index (a sum over i must reach it), no label
        base = m.group("name")
        if base and not (raw.startswith("(") or worded) and re.search(
                ("" if base.startswith("\\") else r"(?<![A-Za-z\\])") + rf"{re.escape(base)}(?![A-Za-z])(?!\s*[\^_])",
                rel.rhs or ""):
            continue                    # β^n = e^{n \ln β}: the power written another way, in β itself — no label
            #                             (not v^k = v^{k-1} + g, an iterate in terms of the one before)
        earlier = re.compile(_NAME_LHS.format(name=re.escape(m.group("bold") or m.group("name"))))
        # a vector to a power is no vector: \mathbf{p}^{\varepsilon} = … defines a labelled vector
        # a word as a superscript (y^{\mathrm{ls}}) is never a power
        if raw.startswith("(") or worded or m.group("bold") or any(
                earlier.match(r.lhs) and r.op in ("==", ":=") and not _NUMBER.fullmatch(r.rhs or "")
                for r in found[:k]):    # (after "β ≠ 1" or "β_1 = 0.9", β_1^k = 1/2 is a power of it)
            out.add((name, key))
    return frozenset(out)

_LOST_UNDERSCORE = re.compile(r"(?<![\\A-Za-z])(?P<name>[A-Za-z]|\))\{(?P<index>[A-Za-z0-9])\}")

_SUM_WITHOUT_UNDERSCORE = re.compile(r"\\(sum|prod)\s*\{")


def with_underscores_restored(found: list[Relation], math: str) -> tuple[list[Relation], dict[int, list[str]]]:
    """Underscores an editor lost, restored where the text shows what they were: ``\\sum{i=1}^K`` is
    ``\\sum_{i=1}^K``; ``z{i}`` is ``z_{i}`` and ``\\sigma(\\mathbf{z}){i}`` is ``\\sigma(\\mathbf{z})_{i}``
    when the text writes the same name (or a function value) with an underscore elsewhere.  Each
    repair is a guess noted on its relation: a refutation of it is not reported."""
    subscripted = set(re.findall(r"(?<![\\A-Za-z])([A-Za-z])\s*_", math))
    if re.search(r"\)\s*_", math):
        subscripted.add(")")
    out, notes = [], {}
    for k, rel in enumerate(found):
        sides = []
        for side in (rel.lhs, rel.rhs):
            fixed = _SUM_WITHOUT_UNDERSCORE.sub(lambda m: f"\\{m.group(1)}_{{", side)
            fixed = _LOST_UNDERSCORE.sub(lambda m: f"{m.group('name')}_{{{m.group('index')}}}"
                                         if m.group("name") in subscripted else m.group(0), fixed)
            if fixed != side:
                notes.setdefault(k, []).append(f"'{side[:40]}' read with the underscores restored "
                                               f"({fixed[:40]})")
            sides.append(fixed)
        out.append(replace(rel, lhs=sides[0], rhs=sides[1]))
    return out, notes


def function_parameters(found: list[Relation], line: int | None = None) -> dict[str, tuple[str, ...]]:
    """The parameters of each function the text defines (``L(w) = …``: L is L(w) where it is written
    alone): with one list of parameters only, that list; defined with different lists (``L(p)`` for
    one example, ``L(z)`` for the next), the list of the latest definition on or before ``line``
    (none before the first; none at all when ``line`` is None)."""
    seen: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for rel in found:
        fd = function_definition(rel)
        if fd is None:
            continue
        names = tuple(parameter_name(p) for p in fd[1])
        if bare_name(fd[0]) in seen and rel.op != ":=" and not any(
                re.search(rf"(?<![A-Za-z\\]){re.escape(name)}(?![A-Za-z])", rel.rhs) for name in names):
            continue        # f(\mu) = 1/2 after f(E) := …: a value at a point, not f of μ from then on
        seen.setdefault(bare_name(fd[0]), []).append((rel.line, names))
    out: dict[str, tuple[str, ...]] = {}
    for name, lists in seen.items():
        if len({names for _, names in lists}) == 1:
            out[name] = lists[0][1]
        elif line is not None:
            before = [names for at, names in lists if at <= line]
            if before:
                out[name] = before[-1]
    return out


def word_names(found: list[Relation]) -> frozenset[str]:
    """Words the text defines as names: ``\\mathrm{Loss} = …``, ``\\text{normalizer} := …``."""
    return frozenset(re.sub(r"^.*\{\s*([A-Za-z]+)\s*\}\s*$", r"\1", rel.lhs) for rel in found
                     if rel.op in ("==", ":=") and not rel.chained and _WORD_LHS.match(rel.lhs)
                     and len(re.sub(r"^.*\{\s*([A-Za-z]+)\s*\}\s*$", r"\1", rel.lhs)) > 1)

IMPLICIT_SUM = re.compile(r"\\sum_(?:\{\s*[A-Za-z]\s*\}|[A-Za-z])(?!\s*\^)")

_EXCLUDING_SUM = re.compile(r"\\sum_\{\s*([A-Za-z])\s*\\(?:ne|neq)\s*([A-Za-z])\s*\}")


def pair_sums(rel: Relation) -> tuple[Relation, list[str]]:
    """``\\sum_{i \\neq j} p_i p_j`` — the excluded index in the summand — is the double sum over
    pairs i ≠ j, or a sum over i that skips one fixed j (``\\sum_{k \\ne t} q_k``).  When j is written
    nowhere else in the relation it cannot be a fixed j: the pairs are read (``\\sum_j \\sum_{i \\ne j}``),
    noted as a guess; otherwise the line is unparsed."""
    from ..latex import Unparsed
    guesses: list[str] = []
    sides = []
    for side, other_side in ((rel.lhs, rel.rhs), (rel.rhs, rel.lhs)):
        for m in reversed(list(_EXCLUDING_SUM.finditer(side))):
            other = m.group(2)
            if not re.search(rf"_\{{?\s*{other}(?![A-Za-z])", _summand(side, m.end())):
                continue
            outside = side[:m.start()] + " " + side[m.end() + len(_summand(side, m.end())):] + " " + other_side
            if re.search(rf"(?<![A-Za-z\\]){other}(?![A-Za-z])", outside):
                raise Unparsed(f"a sum over {m.group(1)} \\ne {other} whose terms use {other}: the double sum "
                               f"over pairs, or one {other} left out?", m.group(0))
            side = side[:m.start()] + f"\\sum_{{{other}}} " + side[m.start():]
            guesses.append(f"{m.group(0)} read as the double sum over pairs {m.group(1)} \\ne {other}")
        sides.append(side)
    return replace(rel, lhs=sides[0], rhs=sides[1]), guesses


def _summand(tex: str, start: int) -> str:
    """The text a sum operator at ``start`` applies to: up to the next + or − outside groups."""
    depth = 0
    for pos in range(start, len(tex)):
        ch = tex[pos]
        if ch in "{([":
            depth += 1
        elif ch in "})]":
            depth -= 1
            if depth < 0:
                return tex[start:pos]
        elif ch in "+-=" and depth == 0 and pos > start:
            return tex[start:pos]
    return tex[start:]


def recurrence_family(rel: Relation, lhs: sp.Basic, rhs: sp.Basic) -> str | None:
    """``m_t = \\beta m_{t-1} + (1 - \\beta) g_t``: an entry defined from the same family at a shifted
    index (a recurrence, the family's name), else None."""
    if rel.op not in ("==", ":=") or rel.chained or not isinstance(lhs, sp.Indexed):
        return None
    if len(lhs.indices) > 1:            # w_{t+1,i} = w_{t,i} e^{-η ℓ_{t,i}}: one index shifted, the others the same
        return str(lhs.base.label) if any(
            e.base == lhs.base and len(e.indices) == len(lhs.indices) and e.indices != lhs.indices
            and sum(a != b for a, b in zip(e.indices, lhs.indices)) == 1
            and all(a == b or (a - b).is_Integer and len(b.free_symbols) == 1 for a, b in zip(e.indices, lhs.indices))
            for e in rhs.atoms(sp.Indexed)) else None
    (t,) = lhs.indices
    if not (isinstance(t, sp.Symbol) or isinstance(t, sp.Add) and len(t.free_symbols) == 1
            and (t - next(iter(t.free_symbols))).is_Integer):
        return None                     # m_t = … m_{t-1}, θ_{t+1} = θ_t − η a θ_t
    shifted = [e for e in rhs.atoms(sp.Indexed) if e.base == lhs.base and len(e.indices) == 1
               and (e.indices[0] - t).is_Integer and e.indices[0] != t]
    return str(lhs.base.label) if shifted else None


class _Unresolved(Exception):
    """A recurrence written out at a whole index that does not reach entries with values."""


def through_recurrences(expr: sp.Basic, rules: dict[str, tuple[sp.Indexed, sp.Basic]],
                        values: list[sp.Basic], told: dict[str, sp.Basic] | None = None, depth: int = 16) -> sp.Basic:
    """``expr`` with each entry at a whole index of a recurrence's family (``m_2`` of ``m_t = β m_{t-1}
    + (1 - β) g_t``) written out through the recurrence, down to entries the ``values`` give
    (``m_0 = 0``); an entry that does not get there stays as it is, and so does the whole expression
    when an entry the text states apart (``told``: ``a_1 = 5`` written as its own line) comes out
    otherwise at the given values.  The values of other names are not put in here (the caller
    does)."""
    told = told or {}
    given = {c.lhs: c.rhs for c in values if isinstance(c, sp.Eq) and not c.rhs.free_symbols}
    known = {c.lhs: c.rhs for c in values if isinstance(c, sp.Eq) and isinstance(c.lhs, sp.Indexed)
             and all(i.is_Integer for i in c.lhs.indices) and not c.rhs.free_symbols}

    def whole(e: sp.Basic) -> bool:
        return isinstance(e, sp.Indexed) and str(e.base.label) in rules and len(e.indices) == 1 \
            and e.indices[0].is_Integer

    def written_out(entry: sp.Indexed, left: int) -> sp.Basic:
        same = next((v for k, v in known.items() if k.base.label == entry.base.label and k.indices == entry.indices),
                    None)
        if same is not None:
            return same
        if left == 0:
            raise _Unresolved
        pattern, body = rules[str(entry.base.label)]
        (index,) = pattern.indices
        (t,) = index.free_symbols
        step = body.xreplace({t: entry.indices[0] - (index - t)})
        if any(whole(e) and e.indices[0] >= entry.indices[0] for e in step.atoms(sp.Indexed)):
            raise _Unresolved               # not a recurrence towards smaller indices
        out = step.replace(whole, lambda e: written_out(e, left - 1))
        said = told.get(sp.sstr(entry))
        if said is not None and left < depth:      # a_1 = 5 said apart, 2 a_0 = 2 here: not the text's a_1
            at_values = out.xreplace(given)      # (a value it cannot be compared with, g_1 not given
            if not at_values.free_symbols and sp.simplify(at_values - said) != 0:   # here: written out)
                raise _Unresolved
        return out

    if not any(whole(e) for e in expr.atoms(sp.Indexed)):
        return expr
    try:
        return expr.replace(whole, lambda e: written_out(e, depth))
    except _Unresolved:
        return expr


def unfold_keeping_variables(expr: sp.Basic, definitions: list[Definition]) -> sp.Basic:
    """The definitions unfolded, except that a defined name a derivative is taken with respect to
    stays a variable inside that derivative (``∂ℓ/∂z`` with ``z := w^T x + b``: ℓ as a function of
    z); outside it, the name is unfolded as everywhere."""
    try:
        return _unfolded_keeping_variables(expr, definitions)
    except UnfoldError as exc:
        raise Unfoldable(str(exc)) from None
    except ValueError as exc:
        if "derivative wrt" not in str(exc):
            raise
        raise Unfoldable("a derivative with respect to a defined name that unfolds into an expression there "
                         "(∂L/∂p with p := softmax(z) and L not written in p): not read") from None


def _unfolded_keeping_variables(expr: sp.Basic, definitions: list[Definition]) -> sp.Basic:
    _no_captured_parameter(expr, definitions)
    points = expr.atoms(sp.Subs)
    if points:          # "\frac{d}{da}\Phi(\lambda a)\big|_{a=0}" with a := w^T x: the derivative in a, then a = 0
        values = {}
        for at in points:
            names = set().union(*(_keys(v) for v in at.variables))
            inner = _unfolded_keeping_variables(at.expr, [x for x in definitions if _key(x.target) not in names])
            taken = [d for d in inner.atoms(sp.Derivative) if set(d.variables) & set(at.variables)]
            if set(at.variables) & inner.xreplace({d: sp.Dummy() for d in taken}).free_symbols:
                raise Unfoldable(f"an evaluation bar whose reach is not clear ({', '.join(map(sp.sstr, at.variables))} "
                                 f"outside the derivative it evaluates, once the definitions are unfolded)")
            value = attempt(Deadline.after(2.0), lambda inner=inner, at=at: evaluate_derivatives(sp.Subs(
                inner, at.variables, at.point)), None)      # (not Subs.doit: d/dt max(t, 0) at 0 is no 1/2)
            if value is not None and any(set(s.variables) & set(at.variables) for s in value.atoms(sp.Subs)):
                value = attempt(Deadline.after(2.0), lambda inner=inner, at=at: sp.Subs(   # ∇f(θ_{t-1}) of an f
                    inner, at.variables, at.point).doit(), None)                             # written nowhere
            if value is None or any(set(s.variables) & set(at.variables) for s in value.atoms(sp.Subs)):
                raise Unfoldable(f"the value at {', '.join(f'{sp.sstr(v)} = {sp.sstr(p)}' for v, p in zip(at.variables, at.point))} "
                                 f"(an evaluation bar) could not be taken before the definitions are unfolded")
            values[at] = value
        return _unfolded_keeping_variables(expr.xreplace(values), definitions)
    defined = {_key(d.target) for d in definitions} - {None}
    derivatives = [d for d in expr.atoms(sp.Derivative)
                   if any(_keys(v) & defined for v in d.variables)]
    if not derivatives:
        return unfold(expr, definitions)
    kept: dict[sp.Basic, sp.Basic] = {}
    for d in derivatives:
        names = set().union(*(_keys(v) for v in d.variables))
        inner = _unfolded_keeping_variables(d.expr, [x for x in definitions if _key(x.target) not in names])
        inner = rename_bound(inner)      # L := Σ_k z_k² in ∂L/∂z_k: L's own k is not the k of z_k
        for v in d.variables:
            inner = _through_the_variable(inner, v, definitions)
            if inner is None:
                raise Unfoldable(f"the derivative with respect to {sp.sstr(v)}, a name defined in the text: whether "
                                 f"what it differentiates depends on it could not be settled in time")
        taken = sp.Derivative(inner, *d.variable_count, evaluate=False)
        done = attempt(Deadline.after(2.0), taken.doit, None)       # then the variable's definition in
        if done is None or any(set(e.variables) & set(d.variables) for e in done.atoms(sp.Derivative)):
            raise Unfoldable(f"the derivative with respect to {', '.join(map(sp.sstr, d.variables))}, a name "
                              f"defined in the text, could not be taken before its definition is unfolded")
        kept[d] = unfold(done, definitions)
    # the derivatives' values go in before the rest unfolds: a binder around one (Σ_j ∂α_i/∂a_j) is
    # renamed with its bound j inside the value too, never leaving that j free (the value is unfolded
    # already: unfolding it again changes nothing)
    return unfold(expr.xreplace(kept), definitions)


def _no_captured_parameter(expr: sp.Basic, definitions: list[Definition]) -> None:
    """Refuse ``f'(\\bar y)``, ``\\nabla f(b)`` — read as the derivative of f(ȳ) with respect to ȳ — when
    f's definition holds ȳ itself besides its argument (f(x) = ½x² − ȳx): the derivative of f at the
    point ȳ, or the derivative through ȳ's other place too?  Unfolded, it would silently be the second."""
    functions = {d.target.func: d for d in definitions if isinstance(d.target, sp.core.function.AppliedUndef)}
    if not functions:
        return
    for derivative in expr.atoms(sp.Derivative):
        for call in derivative.expr.atoms(sp.core.function.AppliedUndef):
            d = functions.get(call.func)
            if d is None or len(call.args) != len(d.target.args):
                continue
            others = [x for x in definitions if x is not d]
            body = attempt(Deadline.after(1.0), lambda d=d, others=others: unfold(d.expr, others), d.expr)
            # (through the definitions it uses: g(w) = f(w) + λw²/2 with f holding b, or c := 2b)
            inside = {x.name for x in body.free_symbols | d.expr.free_symbols} - {p.name for p in d.target.free_symbols}
            clash = [v for v in derivative.variables if isinstance(v, sp.Symbol) and not isinstance(v, sp.Dummy)
                     and v in call.args and v.name in inside]
            if clash:
                raise Unfoldable(f"{sp.sstr(call)} is differentiated with respect to {sp.sstr(clash[0])}, which "
                                 f"{call.func}'s definition also holds besides its argument: its derivative at the "
                                 f"point {sp.sstr(clash[0])}, or the derivative through both places? (write the "
                                 f"derivative at another letter, then set it)")


def at_last_index(lhs: sp.Basic) -> bool:
    """An entry at an uppercase index (``\\eta_K``, ``x_N``): the last entry of a family of K (N) — one
    entry, never a pattern for every entry."""
    return isinstance(lhs, sp.Indexed) and any(isinstance(i, sp.Symbol) and i.name[:1].isupper()
                                               for i in lhs.indices)


def circular(target: sp.Basic, expr: sp.Basic, definitions: list[Definition], anchoring: bool = True) -> list[str]:
    """The defined names through which ``target := expr`` would define ``target`` by itself
    (``z_i := log p_i`` after ``p_i := e^{z_i} / Σ_j e^{z_j}``: through p), or ``[]``.  Unfolded, such
    definitions grow without end."""
    key = _key(target)
    if key is None:
        return []
    if isinstance(target, sp.Indexed) and any(
            e.base == target.base and len(e.indices) == len(target.indices) and e != target
            and not all((a - b).is_Integer for a, b in zip(e.indices, target.indices)) for e in expr.atoms(sp.Indexed)) \
            and not (anchoring and anchored(target, expr)):
        return [key]                # u_k := u_{w_k}: the family at other entries of itself (no recurrence's shift)
    def defining(name: str) -> list[Definition]:
        return [d for d in definitions if _key(d.target) == name
                or name.endswith("[]") and (_key(d.target) or "").startswith(name[:-1])]
    through: dict[str, str | None] = {n: None for n in names_in(expr)}
    todo = list(through)
    while todo:
        name = todo.pop()
        for d in defining(name):
            for n in names_in(d.expr):
                if n not in through:
                    through[n] = name
                    todo.append(n)
    if key not in through and not (key.endswith("[]") and any(n.startswith(key[:-1]) for n in through)):
        return []
    return sorted(n for n, via in through.items() if via is None and defining(n))


def anchored(target: sp.Basic, expr: sp.Basic) -> bool:
    """``η_t := η_0 γ^t``: a family in closed form from its own entry at a fixed index (its start), and
    true there (γ^0 = 1) — unfolded, η_50 is η_0 γ^50 and η_0 stays itself, so it ends."""
    if not isinstance(target, sp.Indexed) or len(target.indices) != 1 or not isinstance(target.indices[0], sp.Symbol):
        return False
    (t,) = target.indices
    own = [e for e in expr.atoms(sp.Indexed) if e.base == target.base]
    if not own or any(len(e.indices) != 1 or not e.indices[0].is_Integer for e in own):
        return False
    if len({e.indices[0] for e in own}) != 1 or any(t in e.free_symbols for e in expr.atoms(sp.Indexed) if e not in own
                                                     and e.base == target.base):
        return False
    start = own[0]
    try:
        return sp.simplify(expr.subs(t, start.indices[0]) - start) == 0
    except Exception:       # noqa: BLE001 — SymPy fails in many ways on odd input; no anchor then
        return False


def _key(target: sp.Basic) -> str | None:
    """The name a definition gives: ``z``, ``z[]`` (every entry), ``z[1]`` (one entry), ``f``."""
    if isinstance(target, sp.Indexed) and all(i.is_Integer for i in target.indices):
        return sp.sstr(target)
    return target_name(target)


def _keys(variable: sp.Basic) -> set[str]:
    """The names whose definitions would replace ``variable``: θ_2 is θ_2's own and θ's (every entry)."""
    out = {_key(variable), target_name(variable)} - {None}
    if isinstance(variable, sp.Indexed):
        out.add(f"{variable.base.label}[]")
    return out


_INVERSES: dict[tuple[sp.Basic, sp.Basic, sp.Symbol], sp.Basic | None] = {}
"""The inverses found (or found not to be one): a relation's reading and its check of flat derivatives
must agree on them (each solving again under its own deadline could differ on a loaded machine)."""


def _through_the_variable(inner: sp.Basic, variable: sp.Basic, definitions: list[Definition]) -> sp.Basic | None:
    """``inner`` with the name the variable is defined from written through the variable: with
    ``η := log(1 − θ)``, ``A(η) = −log θ`` differentiated in η is ``−log(1 − e^η)`` (θ = 1 − e^η).
    Only for one such name with one inverse that composes back to the identity both ways;
    otherwise ``inner`` as it is (its derivative then counts as not depending on the variable).
    None when that could not be settled in time: the derivative is then not read at all (taken with
    the name held fixed, dA/dη would be 0 under load and the same line proved when idle)."""
    definition = next((x for x in reversed(definitions) if x.target == variable), None)
    if definition is None or not isinstance(variable, sp.Symbol):
        return inner
    shared = [x for x in definition.expr.free_symbols & inner.free_symbols if isinstance(x, sp.Symbol)]
    if len(shared) != 1 or variable in inner.free_symbols:
        return inner
    name = shared[0]
    key = (variable, definition.expr, name)
    if key not in _INVERSES:
        inverse = _inverse(variable, definition.expr, name)
        if inverse is _UNSETTLED:
            return None
        if len(_INVERSES) > 4096:
            _INVERSES.clear()
        _INVERSES[key] = inverse
    inverse = _INVERSES[key]
    return inner if inverse is None else inner.xreplace({name: inverse})


_UNSETTLED = object()
"""What ``_inverse`` answers when SymPy did not answer in time (never cached)."""


def _inverse(variable: sp.Symbol, expr: sp.Basic, name: sp.Symbol) -> object:
    """The one ``name`` with ``variable = expr`` that composes back to the identity both ways; None when
    there is none (no solution, several, or one that does not compose back); ``_UNSETTLED`` when SymPy
    did not answer in time."""
    found = attempt(Deadline.after(1.0), lambda: sp.solve(sp.Eq(variable, expr), name, dict=False), _UNSETTLED)
    if found is _UNSETTLED:
        return _UNSETTLED
    if not isinstance(found, list) or len(found) != 1:
        return None
    inverse = found[0]
    for there, back, of in ((expr.xreplace({name: inverse}), variable, variable),
                            (inverse.xreplace({variable: expr}), name, name)):
        same = attempt(Deadline.after(1.0), lambda there=there, back=back: sp.simplify(there - back) == 0, _UNSETTLED)
        if same is _UNSETTLED:
            return _UNSETTLED
        if same is not True:
            return None
    return inverse


class Unfoldable(Exception):
    """A relation whose definitions cannot be unfolded (reported as unparsed, with the reason)."""


def flat_derivatives(lhs: sp.Basic, rhs: sp.Basic, definitions: list[Definition]) -> list[str]:
    """As :func:`independent_derivatives`, judged with the definitions unfolded except the
    variables' own (``∂L/∂α_j`` with α defined and L defined nowhere: L does not depend on α)."""
    out = []
    for d in sp.Tuple(lhs, rhs).atoms(sp.Derivative):
        names = set().union(*(_keys(v) for v in d.variables))
        inner = attempt(Deadline.after(1.0), lambda d=d, names=names: unfold(
            d.expr, [x for x in definitions if _key(x.target) not in names]), None)
        if inner is not None:
            for v in d.variables:
                inner = inner if inner is None else _through_the_variable(inner, v, definitions)
            if inner is None:               # (not settled in time: as if flat, so no refutation rests on it)
                out.append(sp.sstr(d.expr))
                continue
            if inner.is_Number and not d.expr.is_Number:      # L := ½(½ − 1)² in a worked example
                out.append(sp.sstr(d.expr))
                continue
            out += independent_derivatives(sp.Derivative(inner, *d.variable_count, evaluate=False))
    return out


def independent_derivatives(*exprs: sp.Basic) -> list[str]:
    """What a derivative differentiates when, as read, it does not depend on the variable at all
    (``∂L/∂w_j`` with L defined nowhere in the math): the author says it does."""
    out = []
    for d in sp.Tuple(*exprs).atoms(sp.Derivative):
        if d.expr.is_Number:
            continue
        for v in d.variables:
            if isinstance(v, sp.Indexed):
                depends = any(e.base == v.base for e in d.expr.atoms(sp.Indexed)) or v in d.expr.free_symbols
            else:
                depends = v in d.expr.free_symbols
            if not depends:
                out.append(sp.sstr(d.expr))
                break
    return sorted(set(out))


def named_only_in_words(left: sp.Basic, right: sp.Basic, declared: set[str]) -> list[str]:
    """The names that make ``left op right`` read as *what a name is* rather than as an identity.

    With the definitions unfolded, a relation whose two sides share no name, where one side
    holds a name the document neither defines in its math nor declares (``e^{\\bar y} =
    e^{\\sum_i w_i x_i}`` where ȳ is "the score of y" in prose), can only be an identity if
    both sides are constant: it much more likely names something.  A refutation of it is not
    trusted.  (A side without names, as in ``\\sigma(x) + \\sigma(-x) = 2``, is no such line.)

    Returns:
        The undeclared names of the side that has fewest of them (sorted), or [] when the sides
        share a name or a side has none.
    """
    sides = [names_in(left), names_in(right)]
    if not all(sides) or sides[0] & sides[1]:
        return []
    candidates = [sorted(side - declared) for side in sides]
    candidates = [c for c in candidates if c]
    return min(candidates, key=len) if candidates else []


def defined_by_unparsed(rel: Relation, context) -> str | None:
    """The name an unparsed ``name = …`` line may have defined (its left side reads as a name):
    a refutation that rests on that name is not reported until a line about it is read."""
    from ..latex import Unparsed, parse_tex
    if rel.op not in ("==", ":="):
        return None
    try:
        return target_name(parse_tex(rel.lhs, context))
    except Unparsed:
        applied = re.fullmatch(r"\s*([A-Za-z]|\\[A-Za-z]+)\s*_\s*\{?\s*[A-Za-z]\s*\}?\s*(?:\\left)?\(.*\)\s*", rel.lhs)
        if applied is not None:              # p_i(\tau) = …: the family p, as a function of τ
            return f"{applied.group(1).lstrip(chr(92))}[]"
        return None


def defines(rel: Relation, lhs: sp.Basic, rhs: sp.Basic, used: set[str], pinned: set[str] = frozenset(),
             standalone: bool = False, display: bool = True, model_of: sp.Basic | None = sp.S.Zero) -> bool:
    """Whether ``lhs = rhs`` defines its left side (a symbol, an entry ``z_i`` or ``f(x)`` with
    plain parameters) rather than claims something:

    - ``x := …`` (``\\coloneqq``, ``\\triangleq``), ``f(x) = …`` (the form of a definition), and
      "set ``x = 0``" (a value given to a name);
    - the first ``name = expr`` of a name not used before (nor in ``expr``);
    - a standalone ``name = expr`` (not part of a chain) of a name that no definition in force
      mentions, in display math or bringing in a name not seen before ("write $p = \\sigma(a)$"):
      notes reuse names section by section (``a(\\eta)`` of each distribution).  Inline
      ``q = p`` in prose ("vanishes at $q = p$") is not one.
      A name a definition mentions is pinned: ``\\phi = 1/(1 + e^{\\eta})`` after
      ``\\eta = \\log(\\phi/(1-\\phi))`` is a claim, and is checked.

    An entry ``z_k = c`` whose value does not use the index says what one entry is (``\\eta_k = 0``
    for the last class), not what every entry is: it is not a definition.  A probability given a
    value free of probabilities is its model (``model_of`` is the value it had, 0 when none): a new
    one when it shares no name with the old (notes give a probability a model model by model), a
    claim about it otherwise (``P(y = 0 | x) = \\sigma(-z)`` after ``1 - \\sigma(z)``).
    """
    if rel.op not in (":=", "=="):
        return False
    whole = isinstance(lhs, sp.Indexed) and all(i.is_Integer for i in lhs.indices) and bool(names_in(rhs))
    target = target_name(lhs) or (sp.sstr(lhs) if whole else None)     # z_1 = w_1 x + b_1: that entry
    if target is None:
        return False
    if isinstance(lhs, sp.Indexed) and (rel.op != ":=" or at_last_index(lhs)) and not whole and not (
            {str(i) for i in lhs.indices} & {s.name for s in rhs.atoms(sp.Symbol)}):
        return False            # \eta_k = 0, \eta_K := 0: a value at one index (the last class), not every entry's
    if rel.op != ":=" and probabilities_in(lhs) == {lhs} and probabilities_in(rhs) \
            and not conditional_probability(lhs, rhs):
        return False            # P(A | B) = P(A, B)/P(A), = P(B | A): probabilities have their meaning, a claim
    if probabilities_in(lhs) == {lhs} and model_of is not None and probabilities_in(model_of) and not names_in(rhs) \
            and rel.op != ":=":
        return False            # P(A | B) = 0.7 after P(A | B) = P(A, B)/P(B): an example's check, not a model
    if rel.op == ":=" or (not rel.chained and (isinstance(lhs, sp.core.function.AppliedUndef)
                                              and not rhs.atoms(lhs.func)       # f(x) = f(x + c): a claim
                                              or (isinstance(lhs, sp.Symbol) and rhs.is_Number))):
        return True
    if not rel.chained and probabilities_in(lhs) == {lhs} and not probabilities_in(rhs) and model_of is not None\
            and not (names_in(rhs) & names_in(model_of)) and (names_in(rhs) or model_of == 0):
        return True             # P(y = 1 | x) = σ(z): a probability's (new) model, in names the old one had not
    if target in names_in(rhs) and not _from_fixed_entries(lhs, rhs):
        return False
    fresh = bool(names_in(rhs) - used)
    return target not in used or (standalone and target not in pinned and (display or fresh))


_PROBABILITY = re.compile(r"(?P<name>[A-Za-z_]+)\((?P<shape>[^()]*)\)\((?P<args>[^()]*)\)")


def _probability_parts(p: sp.Basic) -> tuple[str, str, tuple[str, ...]] | None:
    m = _PROBABILITY.fullmatch(sp.sstr(p))
    if m is None:
        return None
    return m.group("name"), m.group("shape"), tuple(a.strip() for a in m.group("args").split(","))


def conditional_probability(lhs: sp.Basic, rhs: sp.Basic) -> bool:
    """Whether ``lhs = rhs`` is the definition of conditional probability, ``P(A | B) = P(A, B) / P(B)``
    (the joint in either order), which a text may write as a definition; any other equation between
    probabilities is a claim about them."""
    left = _probability_parts(lhs)
    if left is None or left[1] != "_|_" or len(left[2]) != 2:
        return False
    event, given = left[2]
    numerator, denominator = sp.fraction(rhs)
    joint, marginal = _probability_parts(numerator), _probability_parts(denominator)
    return joint is not None and marginal is not None and joint[0] == marginal[0] == left[0] \
        and joint[1] == "_,_" and sorted(joint[2]) == sorted((event, given)) \
        and marginal[1] == "_" and marginal[2] == (given,)


def _from_fixed_entries(lhs: sp.Basic, rhs: sp.Basic) -> bool:
    """``\\eta_t = \\eta_0 \\gamma^t``: an entry at a free index given by entries of the same family at
    fixed whole indices (an initial value), not by itself."""
    if not isinstance(lhs, sp.Indexed) or not any(isinstance(i, sp.Symbol) for i in lhs.indices):
        return False
    same = [e for e in rhs.atoms(sp.Indexed) if e.base == lhs.base]
    return bool(same) and all(all(i.is_Integer for i in e.indices) for e in same)\
        and lhs.base.label not in {s for s in rhs.free_symbols if not isinstance(s, sp.Indexed)} - {lhs.base.label}


def is_constraint(rel: Relation, lhs: sp.Basic, rhs: sp.Basic, standalone: bool) -> bool:
    """A standalone ``polynomial in free names = number`` (``\\sum_i \\phi_i = 1``, ``\\theta_k x = 0``):
    a constraint the text imposes on its names, not an identity to prove.  (The caller checks that
    no name in it is defined: ``\\sum_i s_i = 1`` after ``s_i := softmax(z)_i`` is a claim.)"""
    if rel.op != "==":
        return False
    side = lhs if rhs.is_Number else rhs if lhs.is_Number else None
    if side is None or side.is_Number or not (side.free_symbols or side.atoms(sp.Indexed)):
        return False
    allowed = (sp.Symbol, sp.Indexed, sp.IndexedBase, sp.Idx, sp.Add, sp.Mul, sp.Sum, sp.Tuple, sp.Number)
    for node in sp.preorder_traversal(side):
        if isinstance(node, sp.Pow):
            if not (node.exp.is_Integer and node.exp > 0):
                return False
        elif not isinstance(node, allowed):
            return False
    return True


def defined_where(lhs: sp.Basic, rhs: sp.Basic, definitions: list[Definition]) -> list[sp.Basic]:
    """Where the names a relation uses are defined as real numbers: ``arg > 0`` for each logarithm
    in the (unfolded) definition of a name the relation mentions.  A document speaks of real
    numbers, so ``η := log(φ/(1 − φ))`` says nothing at φ = 0, and a relation about η is not
    refuted there — SymPy may simplify ``e^η`` to ``φ/(1 − φ)`` and lose the logarithm."""
    facts: list[sp.Basic] = []
    for d in definitions:
        calls = [c for c in sp.Tuple(lhs, rhs).atoms(sp.core.function.AppliedUndef)
                 if isinstance(d.target, sp.core.function.AppliedUndef) and c.func == d.target.func
                 and len(c.args) == len(d.target.args) and all(isinstance(a, sp.Symbol) for a in d.target.args)]
        for call in calls:          # f(p) := −p log p − (1 − p) log(1 − p): f(q), f'(q) speak of 0 < q < 1
            value = substitute_free(d.expr, dict(zip(d.target.args, call.args)))   # (f(x) := d/dx g at f(0):
            value = value.replace(lambda e: isinstance(e, sp.Piecewise), lambda e: sp.Dummy())   # a Subs)
            for node in value.atoms(sp.log):
                argument = node.args[0]
                if argument.free_symbols and not argument.is_positive and not argument.has(sp.Indexed, sp.Sum) \
                        and not argument.atoms(sp.core.function.AppliedUndef):
                    fact = sp.Gt(argument, 0)
                    if fact not in facts and fact is not sp.true:
                        facts.append(fact)
        if not (isinstance(d.target, sp.Symbol) and (lhs.has(d.target) or rhs.has(d.target))):
            continue
        value = unfold_keeping_variables(d.expr, definitions)
        # a logarithm inside a branch (Piecewise) need only be defined where its branch is taken
        value = value.replace(lambda e: isinstance(e, sp.Piecewise), lambda e: sp.Dummy())
        for node in value.atoms(sp.log):
            argument = node.args[0]
            if argument.free_symbols and not argument.is_positive and not argument.has(sp.Indexed, sp.Sum):
                fact = sp.Gt(argument, 0)
                if fact not in facts and fact is not sp.true:
                    facts.append(fact)
    return facts


_TERM_WORDS = re.compile(r"(?i)\b(?:terms?|summands?|per[- ](?:example|sample|observation|point|datum)|"
                         r"(?:each|every|one|a\s+single|single)\s+(?:example|sample|observation|data\s*point|datum))\b|"
                         r"每一?项|单个样本|每个样本|每一个样本|单项")
"""Words that speak of the terms of a sum: "each term simplifies", "the per-example loss"."""


_NOT_THE_TERM = re.compile(r"(?i)\b(?:partial|first|last|removed?|without|leav\w*|excluding|except|up\s+to|"
                           r"cumulative|remaining|rest|omit\w*|drop\w*|other)\b|部分和|前\s*\S*\s*项|去掉|除去|剩余")
"""Words that make a subscripted name something else than one term ("the partial sum of the first $m$ terms",
"the loss with the $i$-th term removed")."""


_DERIVED = re.compile(r"(?i)\b(?:simplif\w*|becomes?|reduces?|gives|yields|hence|thus|so|therefore|rewrit\w*|"
                      r"works?\s+out|comes?\s+out)\b|化简|简化|得到|于是|因此|变为|变成")
"""Words that derive what follows ("each term simplifies:"): the line is a claim about the term, not the text's own
definition of a new family ("The per-example loss is $$L_i(w) = n (w - x_i)^2$$")."""


def summand_definition(lhs: sp.Basic, definitions: list[Definition], words: str) -> Definition | None:
    """``ℓ_i(w) := -[…]_i`` read off ``ℓ(w) := -\\sum_{i=1}^n […]_i`` when the text writes ℓ_i, defined nowhere,
    where its words speak of the terms and derive the line ("each term simplifies:"): the i-th term of the
    sum, its sign with it.  Not for a sum scaled otherwise (``\\frac1n \\sum_i``: is the 1/n in each term?),
    a body that is more than the sum, or a term that already speaks of the letter i."""
    if not _TERM_WORDS.search(words) or not _DERIVED.search(words) or _NOT_THE_TERM.search(words):
        return None
    undef = sp.core.function.AppliedUndef
    if isinstance(lhs, undef) and len(lhs.args) >= 1 and isinstance(lhs.args[-1], sp.Symbol):
        index, whole = lhs.args[-1], tuple(lhs.args[:-1])
        matches = [d for d in definitions if isinstance(d.target, undef) and d.target.func == lhs.func
                   and d.target.args == whole]
    elif isinstance(lhs, sp.Indexed) and len(lhs.indices) == 1 and isinstance(lhs.indices[0], sp.Symbol):
        index = lhs.indices[0]
        matches = [d for d in definitions if isinstance(d.target, sp.Symbol) and d.target.name == str(lhs.base.label)]
    else:
        return None
    if not matches or any(d.target == lhs for d in definitions):
        return None
    body = matches[-1].expr
    sign = -1 if isinstance(body, sp.Mul) and body.args[0] == -1 and len(body.args) == 2 else 1
    total = body.args[1] if sign == -1 else body
    if not isinstance(total, sp.Sum) or len(total.limits) != 1:
        return None
    variable = total.limits[0][0]
    term = total.function
    if variable.name != index.name:     # S_m of S := Σ_k a_k: another index, perhaps a partial sum
        return None
    if index in term.free_symbols - {variable} or index.name in {x.name for x in term.free_symbols if x != variable}:
        return None
    return Definition(lhs, sign * term.xreplace({variable: index}), matches[-1].step)


def _inverse_temperatures(param: sp.Symbol, arg: sp.Symbol, symbol_defs: dict) -> bool:
    """Whether ``arg`` is the inverse temperature of the temperature ``param`` or the other way round, by the
    text's definition (``β := 1/T``, ``β := 1/(k_B T)``, ``T := 1/β``): the one reparametrization notes write
    as the same function (u := −z, T' := 2T, w' := w − η g, β := 2/T are other points)."""
    if {param.name, arg.name} not in ({"beta", "T"}, {"beta", "tau"}):
        return False
    for new, old in ((arg, param), (param, arg)):
        value = symbol_defs.get(new)
        if value is None or old not in value.free_symbols:
            continue
        ratio = sp.simplify(value * old)        # 1, or 1/k_B
        return ratio == 1 or isinstance(ratio, sp.Pow) and ratio.exp == -1 and isinstance(ratio.base, sp.Symbol)
    return False


def written_in_new_name(expr: sp.Basic, definitions: list[Definition]) -> tuple[sp.Basic, list[str]]:
    """``expr`` with each call of a function the text defined in a parameter (``Z(T) := Σ_x e^{-E(x)/T}``) at a
    name defined from that parameter (``β := 1/T``, or ``T := 1/β``) read as the function written in the new
    name — ``Z(β)`` is Z at the same temperature, the physicist's shorthand, not Z at T = β — and notes saying
    so.  Not where the text defines the function at that name too (``Z(β) := …``: its own)."""
    undef = sp.core.function.AppliedUndef
    symbol_defs = {d.target: d.expr for d in definitions if isinstance(d.target, sp.Symbol)}
    swaps: dict[sp.Basic, sp.Basic] = {}
    notes = []
    for call in expr.atoms(undef):
        if any(isinstance(d.target, undef) and d.target == call for d in definitions):
            continue
        for d in reversed(definitions):
            if not (isinstance(d.target, undef) and d.target.func == call.func and len(d.target.args) == len(call.args)):
                continue
            args = tuple(param if isinstance(param, sp.Symbol) and isinstance(arg, sp.Symbol) and param != arg
                         and _inverse_temperatures(param, arg, symbol_defs) else arg
                         for param, arg in zip(d.target.args, call.args))
            if args != call.args:
                swaps[call] = call.func(*args)
                notes.append(f"{sp.sstr(call)} read as {sp.sstr(d.target)} written in "
                             f"{', '.join(sp.sstr(a) for a, b in zip(call.args, args) if a != b)} (the same quantity)")
            break
    return (expr.xreplace(swaps), notes) if swaps else (expr, [])
