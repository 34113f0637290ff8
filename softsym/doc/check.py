"""``check-doc``: the mathematics of one document, read as written and checked relation by relation.

The data flows one way: text → math blocks (``extract``) → relations (``chains``) → for each, a
reading (``read_document``: a definition, a skipped or unparsed line, or a ``Problem`` over the
document's declarations and conventions, with the definitions so far unfolded) → verdicts
(``check_document``) → the JSON result (``document_result``), which the reports print.

``check_document`` is a pure function of (path, text, options) apart from the verdict cache: a
user with thousands of documents can hand it to any executor.

Conventions (stated in the README): a declaration ``<!-- softsym: DECL -->`` / ``% softsym: DECL``
applies from its line on, after ``--symbols``; undeclared names are real; a name that ends a
summation range (``n`` in ``\\sum_{i=1}^{n}``) is a positive integer; an index of an entry that
is free in a relation (``i`` in ``z_i``) is an integer in ``1..n`` (the relation's one dimension,
else the document's default ``n``); ``\\sigma`` is the sigmoid and softmax the softmax unless
the document defines them.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial

import sympy as sp

from .. import __version__
from ..deadline import Deadline, attempt
from ..declarations import parse_declarations
from ..domain import Bound, Domain
from ..dsl import Definition
from ..errors import UserError
from ..problem import Problem, prepare, unfold
from ..prover import DEFAULT_TIMEOUT, prove
from ..verdict import Status, Verdict
from .chains import Relation, relations
from .extract import find_math, kind_of
from .macros import document_macros, expand

OPS = {"==": "==", "<=": "<=", "<": "<", ">=": ">=", ">": ">"}
"""Relation operators the prover checks; ``:=`` defines; the rest are skipped."""
SKIPPED = {"approx": "≈ is not an exact claim", "propto": "∝ hides a constant factor",
           "implies": "an implication: its conclusion is checked with its premise as a hypothesis"}
DEFAULT_DIMENSION = "n"


@dataclass(frozen=True)
class DocOptions:
    """What ``check-doc`` reads a document with."""

    symbols: str = ""
    timeout: float = DEFAULT_TIMEOUT


@dataclass(frozen=True)
class Reading:
    """One relation of a document as read: a problem for the prover, or a decided outcome."""

    relation: Relation
    problem: Problem | None = None
    verdict: str = ""               # definition / unparsed / skipped / error (set when problem is None)
    message: str = ""
    lhs: str = ""
    rhs: str = ""
    conventions: tuple[str, ...] = field(default=())
    doubts: tuple[str, ...] = field(default=())     # why a refutation of this reading is not trusted
    hollow: tuple[str, ...] = field(default=())     # why a proof of this reading would prove nothing


# -- reading a document ----------------------------------------------------------------------------
_UPRIGHT = r"\\(?:mathrm|text|textrm|operatorname|mathit)\s*\{\s*[A-Za-z]+\s*\}"
_DECORATED = r"\\(?:mathcal|mathscr|hat|tilde|bar|widehat|widetilde|overline)\s*\{?\s*[A-Za-z]\s*\}?"
_DECORATION_SUFFIX = {"mathcal": "cal", "mathscr": "scr", "hat": "hat", "widehat": "hat", "tilde": "tilde",
                      "widetilde": "tilde", "bar": "bar", "overline": "bar"}
_FUNCTION_LHS = re.compile(rf"^\s*(?P<name>{_DECORATED}|[A-Za-z]|\\[A-Za-z]+|[A-Za-z]{{3,}}|{_UPRIGHT})"
                           rf"(?P<sub>_\s*(?:\\[A-Za-z]+|\{{\s*\\[A-Za-z]+\s*\}}|\{{\s*[A-Z]{{2,}}\s*\}}|"
                           rf"\{{\s*{_UPRIGHT}\s*\}}))?"
                           r"\s*(?:\\left)?\((?P<args>[^()]*?)(?:\\right)?\)"
                           r"(?P<entry>_\s*(?:\{\s*[A-Za-z]\s*\}|[A-Za-z]))?\s*$")
_PARAM = re.compile(r"^\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*)?([A-Za-z]|\\[A-Za-z]+)\s*\}?\s*$")
_KNOWN_FUNCTIONS = frozenset({"sigma", "exp", "log", "ln", "tanh", "max", "min", "P", "Pr", "softmax", "sigmoid",
                              "softplus", "logsumexp", "LSE", "sin", "cos", "tan", "sinh", "cosh"})
_WORD_LHS = re.compile(rf"^\s*(?:{_UPRIGHT})\s*$")


def _function_definition(rel: Relation) -> tuple[str, list[str]] | None:
    """``f(x) = …`` / ``p(y;\\phi) := …`` / ``h_\\theta(x) = …`` / ``\\mathrm{Loss}(\\mathbf{x}) = …``:
    a name (a letter, a Greek letter with a Greek subscript, a word of three letters or more)
    applied to plain parameters on the left.  Returns the name as the reader spells it
    (``h_theta``, ``Loss``) and the parameters."""
    if rel.op not in ("==", ":="):
        return None
    m = _FUNCTION_LHS.match(rel.lhs)
    if m is None:
        return None
    decorated = re.fullmatch(r"\\([A-Za-z]+)\s*\{?\s*([A-Za-z])\s*\}?", m.group("name"))
    if decorated is not None and decorated.group(1) in _DECORATION_SUFFIX:       # \mathcal{L}(θ): L_cal
        if decorated.group(2) in ("P", "p"):
            return None                         # \tilde{P}(a, x) is a probability, not a function
        name = f"{decorated.group(2)}_{_DECORATION_SUFFIX[decorated.group(1)]}"
    else:
        name = re.sub(r"^\\[A-Za-z]+\s*\{\s*([A-Za-z]+)\s*\}$", r"\1", m.group("name")).lstrip("\\")
    own_sigma = name == "sigma" and m.group("entry")      # \sigma(\mathbf{z})_i = …: the text's own σ (a softmax)
    if (name in _KNOWN_FUNCTIONS or (len(name) > 1 and name.lower() in _KNOWN_FUNCTIONS)) and not own_sigma:
        return None             # P(A, B) = P(A) P(B | A) is about probabilities, not a function P
    if m.group("sub"):
        sub = re.sub(r"\\(?:mathrm|text|textrm|operatorname|mathit)\s*", "", m.group("sub"))
        name += "_" + re.sub(r"[_{}\s\\]", "", sub)
    args = re.sub(r"\\[,;:!]|\\(?:quad|qquad)\b", " ", m.group("args"))
    params = [p for p in re.split(r"[,;]|\\\||\\Vert\b", args)]
    if not params or not all(_PARAM.match(p) for p in params):
        return None
    if m.group("entry"):                        # \sigma(\mathbf{z})_i = …: the entry i is a parameter too
        params.append(re.sub(r"[_{}\s]", "", m.group("entry")))
    return name, [p.strip() for p in params]


_LABELLED = re.compile(r"^\s*(?P<name>\\[A-Za-z]+|[A-Za-z])\s*(?P<sub1>_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]))?\s*"
                       r"\^\s*(?P<sup>\{\s*\(\s*\\?[A-Za-z]+\s*\)\s*\}|\{\s*\\?[A-Za-z]+\s*\}|\\[A-Za-z]+|[A-Za-z])"
                       r"\s*(?P<sub2>_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]))?\s*$")
_NAME_LHS = r"^\s*{name}\s*(?:_\s*(?:\{{[^{{}}]*\}}|\\?[A-Za-z0-9]))?\s*$"


def _labels(found: list[Relation]) -> frozenset[tuple[str, str]]:
    """Names the text defines with a superscript that labels them (``s_i^\\tau = …`` after ``s_i``
    was defined, ``p_k^{(T)} = …``): (name, superscript) as the reader spells them.  A number, T or
    \\top (a transpose) never labels."""
    out = set()
    for k, rel in enumerate(found):
        m = _LABELLED.match(rel.lhs)
        if m is None or rel.op not in ("==", ":=") or rel.chained:
            continue
        name = m.group("name").lstrip("\\")
        raw = re.sub(r"[{}\s]", "", m.group("sup"))
        key = raw.replace("\\", "")
        if key in ("T", "top", "intercal", "prime") or name == "e":
            continue
        earlier = re.compile(_NAME_LHS.format(name=re.escape(m.group("name"))))
        if raw.startswith("(") or any(earlier.match(r.lhs) for r in found[:k]):
            out.add((name, key))
    return frozenset(out)


_LOST_UNDERSCORE = re.compile(r"(?<![\\A-Za-z])(?P<name>[A-Za-z]|\))\{(?P<index>[A-Za-z0-9])\}")
_SUM_WITHOUT_UNDERSCORE = re.compile(r"\\(sum|prod)\s*\{")


def _repaired(found: list[Relation], math: str) -> tuple[list[Relation], dict[int, list[str]]]:
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


def _function_parameters(found: list[Relation]) -> dict[str, tuple[str, ...]]:
    """The parameters of each function the text defines with one list of parameters only (``L(w) =
    …``: L is L(w) where it is written alone); a function defined with different lists has none."""
    seen: dict[str, set[tuple[str, ...]]] = {}
    for rel in found:
        fd = _function_definition(rel)
        if fd is None:
            continue
        names = tuple(_PARAM.match(p).group(1).lstrip("\\") for p in fd[1])
        seen.setdefault(_bare(fd[0]), set()).add(names)
    return {name: next(iter(lists)) for name, lists in seen.items() if len(lists) == 1}


def _word_names(found: list[Relation]) -> frozenset[str]:
    """Words the text defines as names: ``\\mathrm{Loss} = …``, ``\\text{normalizer} := …``."""
    return frozenset(re.sub(r"^.*\{\s*([A-Za-z]+)\s*\}\s*$", r"\1", rel.lhs) for rel in found
                     if rel.op in ("==", ":=") and not rel.chained and _WORD_LHS.match(rel.lhs)
                     and len(re.sub(r"^.*\{\s*([A-Za-z]+)\s*\}\s*$", r"\1", rel.lhs)) > 1)


def read_document(path: str, text: str, options: DocOptions = DocOptions()) -> list[Reading]:
    """Every relation of the document, read in order (definitions accumulate as they appear).

    Raises:
        UserError: the file kind is unknown or ``--symbols`` is malformed.
    """
    from ..latex import Context, Unparsed, VectorValued, parse_entry, parse_tex

    blocks, declarations = find_math(text, kind_of(path))
    macros = document_macros(text)
    found = [replace(r, lhs=expand(r.lhs, macros), rhs=expand(r.rhs, macros)) for r in relations(blocks)]
    found, repairs = _repaired(found, " ".join(b.tex for b in blocks))
    functions = {_bare(name) for rel in found if (fd := _function_definition(rel)) for name in [fd[0]]}
    parameters = _function_parameters(found)
    entry_functions = frozenset(_bare(fd[0]) for rel in found if (fd := _function_definition(rel))
                                and _FUNCTION_LHS.match(rel.lhs).group("entry"))
    words = _word_names(found)
    labels = _labels(found)
    one_hot = _one_hot_families(text)
    memberships = sorted(((b.line, b.tex) for b in blocks if not b.display and _MEMBERSHIP.match(b.tex)),
                         key=lambda m: m[0])
    dimension_of = partial(_dimension, inferred=_inferred_dimension(found))
    trailing = _trailing_conditions(text, blocks, found)
    trailing_conditions = {c for cs in trailing.values() for c in cs}
    inferred = _inferred_dimension(found)
    range_ends = _range_ends(found)
    lengths = _family_lengths(found, functions, doc_declarations(options.symbols) if options.symbols.strip()
                              else Domain(), declarations)
    base = doc_declarations(options.symbols) if options.symbols.strip() else Domain()
    pending = sorted(declarations, key=lambda d: d.line)
    applied: list[str] = []
    domain = base
    definitions: list[Definition] = []
    used: set[str] = set()
    out: list[Reading] = []
    premise_of = {k + 1: k - 1 for k, rel in enumerate(found)
                  if rel.op == "implies" and k >= 1 and k + 1 < len(found) and found[k - 1].op != "implies"}
    premises = set(premise_of.values())
    hypotheses: dict[int, sp.Basic | None] = {}      # a premise as a relational (None: unusable)
    constraints: list[sp.Basic | None] = []           # equations the text imposes (sum of p_i = 1)
    unread: dict[str, int] = {}                       # name -> line of an unparsed line that may define it
    conditions: list[tuple[int, sp.Basic | None]] = []  # inline conditions ("for $i = j$:") by line
    previous: Relation | None = None
    vectors: dict[str, tuple[sp.Expr, sp.Expr] | None] = {}   # names the text made vectors, with their ranges
    families: set[str] = set()                                  # names written with an index so far
    matrices: set[str] = set()                                  # names the text made matrices
    index_ranges: dict[str, tuple[sp.Expr, sp.Expr]] = {}       # "i = 1, …, K": the range of the index i
    bold_only: set[str] = set()                                 # vectors defined in bold (z is not \mathbf{z})
    recurrences: dict[str, int] = {}                            # m_t = β m_{t-1} + …: the family, its line
    standing: dict[str, tuple] = {}                             # "temperature $T > 0$": T's bound from here on
    examples: dict[str, int] = {}                               # vectors given numbers (an example), by line
    for k, rel in enumerate(found):
        if rel.chained and previous is not None:       # the left side is the previous right side
            rel = replace(rel, line=min(rel.line, previous.end_line))
        previous = found[k]
        while pending and pending[0].line <= rel.line:
            decl = pending.pop(0)
            try:
                domain = _merged(base, [*applied, decl.text])
                applied.append(decl.text)
            except UserError as joined:
                try:                                       # x: negative after x: positive — the later one wins
                    domain = domain.merged(doc_declarations(decl.text))
                    applied = [decl.text] if "declared twice" in str(joined) else applied
                    base = domain
                    continue
                except UserError:
                    exc = joined
                out.append(Reading(replace(rel, line=decl.line, end_line=decl.line, tex=decl.text, op=":=",
                                           chained=False),
                                   verdict="error", message=f"declaration not applied: {exc}"))
        if rel.op in SKIPPED:
            out.append(Reading(rel, verdict="skipped", message=SKIPPED[rel.op]))
            continue
        if rel.after_arrow:
            out.append(Reading(rel, verdict="skipped", message="written after an arrow (what something turns "
                                                               "into or maps to), not a claim"))
            continue
        while memberships and memberships[0][0] <= rel.line:   # "$p, q \in (0, 1)$": from here on
            _, member = memberships.pop(0)
            for name, bound in _membership_bounds(member, domain, functions):
                standing[name] = bound
        while one_hot and one_hot[0][0] <= rel.line:          # "a one-hot target $\mathbf{y}$": Σ_k y_k = 1
            _, family = one_hot.pop(0)
            constraints.append(_sums_to_one(family, lengths, dimension_of(domain)))
        listed = _listed_condition(rel, domain)
        if listed is not None:
            relationals, index_range = listed
            if index_range is not None:
                index_ranges[index_range[0]] = index_range[1:]
                message = (f"the range of an index: {index_range[0]} is an integer from {index_range[1]} to "
                           f"{index_range[2]} in what follows")
            else:
                conditions.extend((rel.line, c) for c in relationals)
                message = "a condition on names (a, b > 0), not a claim; it holds in the display after it"
            out.append(Reading(rel, verdict="skipped", message=message))
            continue
        if k in trailing_conditions:
            try:                                     # a constraint ("when Σ_i y_i = 1") holds from here on
                lhs_c, rhs_c = parse_tex(rel.lhs, _plain_context(domain, functions)), \
                    parse_tex(rel.rhs, _plain_context(domain, functions))
                if _is_constraint(rel, lhs_c, rhs_c, True):
                    constraints.append(_relational("==", lhs_c, rhs_c))
            except Unparsed:
                pass
            out.append(Reading(rel, verdict="skipped", message="a condition of the display before it (\"… when "
                                                               "$…$\"), not a claim: a hypothesis there"))
            continue
        if k in premise_of and hypotheses.get(premise_of[k], sp.true) is None:
            out.append(Reading(rel, verdict="skipped", message="the conclusion of an implication whose premise "
                                                               "could not be read"))
            continue
        dimension = _dimension(domain, inferred)
        context = Context(names=_names(domain, functions), dimension=dimension,
                          functions=frozenset(functions | {f"\\{f}" for f in functions}),
                          vectors=dict(vectors), families=frozenset(families), words=words,
                          matrices=frozenset(matrices), bold_only=frozenset(bold_only), lengths=lengths,
                          parameters=parameters, labels=labels, entry_functions=entry_functions,
                          range_ends=range_ends)
        entry: _Entry | None = None
        try:
            paired, pairs = _pair_sums(rel)
            try:
                (lhs, _, left_guesses), (rhs, _, right_guesses) = (parse_entry(paired.lhs, context),
                                                                   parse_entry(paired.rhs, context))
                guesses = (*pairs, *left_guesses, *right_guesses)
            except VectorValued:
                lhs, rhs, entry, guesses = _entrywise(paired, context)
                guesses = (*pairs, *guesses)
            lhs, rhs = _opaque(lhs), _opaque(rhs)
        except Unparsed as exc:
            if k in premises:
                hypotheses[k] = None
            name = _defined_by_unparsed(rel, context)
            if name is not None:
                unread[name] = rel.line
            out.append(Reading(rel, verdict="unparsed", message=f"{exc.reason}: {exc.fragment}"))
            continue
        lhs, rhs = _one_symbol_per_name(lhs, rhs)
        families |= {str(e.base.label) for e in sp.Tuple(lhs, rhs).atoms(sp.Indexed)}
        shown_l, shown_r = _plain(lhs), _plain(rhs)
        if entry is not None and entry.target is not None and lhs == rhs and rel.op in ("==", ":="):
            vectors[entry.target] = entry.span            # x = [x_0, …, x_3]: the vector of its entries
            out.append(Reading(rel, verdict="definition", lhs=shown_l, rhs=shown_r,
                               message=f"{entry.target} is the vector of its entries {shown_l} "
                                       f"({entry.describe(dimension)})"))
            continue
        standalone = not rel.chained and not (k + 1 < len(found) and found[k + 1].chained)
        pinned = set().union(*(_pinned_by(d) for d in definitions if _related(d, rhs))) if definitions else set()
        if any(not b.display and b.line <= rel.line <= b.end_line and rel.tex in b.tex for b in blocks) \
                and rel.op == "==" \
                and isinstance(lhs, sp.Symbol) and isinstance(rhs, sp.Symbol) and lhs != rhs \
                and len(lhs.name) == len(rhs.name) == 1:          # "if $i = j$", "at $q = p$": a condition
            conditions.append((rel.line, _relational(rel.op, lhs, rhs)))
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a condition between two names (i = j, at q = p), not a claim; "
                                       "it holds in the display after it"))
            continue
        if k in premises and rel.op in ("==", ":=") and _target_name(lhs) is not None \
                and _target_name(lhs) not in _names_in(rhs):
            standalone, pinned = True, set()      # "η = … ⇒ …": the premise defines η from here on
        if k in premises and not _defines(rel, lhs, rhs, used, pinned, standalone):
            hypotheses[k] = _relational(rel.op, lhs, rhs)
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="the premise of an implication: the conclusion is checked under it"))
            continue
        inline = not any(b.display and b.line <= rel.line <= b.end_line for b in blocks)
        display = not inline
        defined_names = {_target_name(d.target) for d in definitions}
        bound_of_defined = (lhs.is_Number or rhs.is_Number) and bool(_names_in(lhs, rhs) & defined_names)
        if k not in premise_of and ((_is_condition(rel.op, lhs, rhs) and not bound_of_defined) or (
                inline and rel.op == "==" and not rel.chained and isinstance(lhs, sp.Symbol) and rhs.is_Number)):
            if inline:
                conditions.append((rel.line, _relational(rel.op, lhs, rhs)))
                parameter = _parameter_bound(rel.op, lhs, rhs)
                if parameter is not None:
                    standing[parameter[0]] = (parameter[1],)
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a condition on a name (n > 2, or y = 1 in prose), not a claim; "
                                       "it holds in the display after it"))
            continue
        if rel.op == "!=":
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="≠ is not checked (the prover decides =, ≤, <)"))
            continue
        squared = lhs.base if isinstance(lhs, sp.Pow) and lhs.exp == 2 and isinstance(lhs.base, sp.Symbol) \
            and not isinstance(lhs.base, sp.Dummy) and "(" not in lhs.base.name else None
        if squared is not None and _defines(rel, squared, rhs, used, pinned, standalone, display):
            definitions.append(Definition(squared, sp.sqrt(rhs), len(definitions) + 1))   # σ² = …: σ ≥ 0
            unread.pop(squared.name, None)
            out.append(Reading(rel, verdict="definition", lhs=shown_l, rhs=shown_r,
                               message=f"{shown_l} := {shown_r} ({squared} is its nonnegative square root)"))
            used |= _names_in(lhs, rhs)
            continue
        recurrence = _recurrence(rel, lhs, rhs)
        if recurrence is not None:
            recurrences[recurrence] = rel.line
            unread.pop(f"{recurrence}[]", None)
            out.append(Reading(rel, verdict="definition", lhs=shown_l, rhs=shown_r,
                               message=f"a recurrence: {shown_l} := {shown_r} (softsym does not unfold it; "
                                       f"what rests on it is not refuted)"))
            used |= _names_in(lhs, rhs)
            continue
        earlier = next((d for d in reversed(definitions) if d.target == lhs), None)
        if earlier is not None and isinstance(lhs, sp.Symbol) and rel.op == "==" and standalone and display \
                and not (_names_in(rhs) & (_names_in(earlier.expr) | {lhs.name})) and _names_in(rhs):
            pinned = pinned - {lhs.name}      # η = θ^T x after η = μ: nothing in common, a new section's η
        swapped = isinstance(lhs, sp.core.function.AppliedUndef) and rel.op == "==" and any(
            isinstance(d.target, sp.core.function.AppliedUndef) and d.target.func == lhs.func
            and d.target.args != lhs.args and set(d.target.args) == set(lhs.args) for d in definitions)
        model = earlier.expr if earlier is not None else sp.S.Zero
        if not swapped and _defines(rel, lhs, rhs, used, pinned, standalone, display, model):  # KL(q‖p): a claim
            definitions.append(Definition(lhs, rhs, len(definitions) + 1))
            unread.pop(_target_name(lhs) or "", None)
            message = f"{shown_l} := {shown_r}"
            if _probabilities(lhs) == {lhs} and earlier is not None:
                message += " (a new model for the probability: notes give one model by model)"
            if entry is not None and entry.target is not None:
                if entry.column is None:
                    vectors[entry.target] = entry.span
                    if rhs.free_symbols <= {entry.index} and not rhs.atoms(sp.Indexed):
                        examples[entry.target] = rel.line      # z = [1, 2, 3]: an example's values
                    else:
                        examples.pop(entry.target, None)
                    bold_only.discard(entry.target)
                    if entry.bold:
                        bold_only.add(entry.target)
                else:
                    matrices.add(entry.target)
                unread.pop(entry.target, None)
                message += f" for every entry ({entry.describe(dimension)})"
            out.append(Reading(rel, verdict="definition", message=message, lhs=shown_l, rhs=shown_r))
            used |= _names_in(lhs, rhs) - ({str(i) for i in entry.indices} if entry is not None else set())
            continue
        if rel.op == "==" and _atomic(lhs) and _atomic(rhs) and not lhs.is_Number and not rhs.is_Number \
                and lhs != rhs:                         # \sqrt{x^2} = x for x > 0 reads x = x: a claim
            if inline:
                condition = _relational(rel.op, lhs, rhs)
                if isinstance(lhs, sp.Indexed) and isinstance(rhs, sp.Symbol) and not rhs.is_integer:
                    every = {i: sp.Symbol(f"{i}_every", integer=True) for i in lhs.indices
                             if isinstance(i, sp.Symbol)}          # "uniform logits $z_k = c$": every entry
                    condition = condition.xreplace(every) if condition is not None else None
                conditions.append((rel.line, condition))
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a condition between two names (i = j, at q = p), not a claim; "
                                       "it holds in the display after it"))
            continue
        defined = {_target_name(d.target) for d in definitions}
        if _is_constraint(rel, lhs, rhs, standalone) and not (_names_in(lhs, rhs) & defined):
            constraints.append(_relational("==", lhs, rhs))
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a constraint the text imposes on its names (an equation, not an "
                                       "identity): a hypothesis of the relations after it"))
            used |= _names_in(lhs, rhs)
            continue
        if rel.op == ":=":
            out.append(Reading(rel, verdict="unparsed", lhs=shown_l, rhs=shown_r,
                               message=f"the left side of a definition must be a name, an entry z_i or f(x), "
                                       f"not {shown_l}"))
            continue
        used |= _names_in(lhs, rhs) - ({str(i) for i in entry.indices} if entry is not None else set())
        premise = hypotheses.get(premise_of.get(k, -1))
        written, unusable = _row_condition(rel.condition, context, lhs, rhs)
        written = [*_conditions_for(rel, conditions, blocks), *written]
        for c in trailing.get(k, ()):
            given, missing = _row_condition(f"{found[c].lhs} {_OP_TEX[found[c].op]} {found[c].rhs}", context, lhs, rhs)
            written += given
            unusable = unusable or missing
        by_name = {x.name: x for x in sp.Tuple(lhs, rhs).atoms(sp.Symbol)}      # the relation's i, not a real i
        written = [c.xreplace({x: by_name[x.name] for x in c.free_symbols
                               if isinstance(x, sp.Symbol) and x.name in by_name}) for c in written]
        bounded_here = {x.name for c in written for x in c.free_symbols if isinstance(x, sp.Symbol)}
        written += [c for name, cs in standing.items() if name not in bounded_here for c in cs]
        same = {c.rhs: c.lhs for c in written if isinstance(c, sp.Eq) and all(
            isinstance(x, sp.Symbol) and x.is_integer for x in c.args) and c.lhs != c.rhs}   # "if i = j": j is i
        if same:
            lhs, rhs = lhs.xreplace(same), rhs.xreplace(same)
            written = [c.xreplace(same) for c in written if not (isinstance(c, sp.Eq) and c.rhs in same)]
        try:
            bounds, written = _as_bounds(written, domain)
            here = Domain(domain.symbols, domain.indexed, domain.bounds + bounds, domain.given)
            here = here.with_given(*(c for c in constraints if c is not None), *written)
            if premise is not None:
                here = here.with_given(premise)
            # definitions first, so that the conventions (K ends a range: a positive integer) reach
            # the names they bring in too
            left, right = _unfold(lhs, definitions), _unfold(rhs, definitions)
            here = Domain(here.symbols, here.indexed, here.bounds,
                          _relevant(tuple(_unfold(g, definitions) for g in here.given), left, right))
            here, ranges = _extremum_facts(left, right, here)
            ranges.update({name: span for name, span in index_ranges.items() if name not in ranges})
            ranges.update(_family_ranges(left, right, {**lengths, **vectors}))
            ranges.update(_family_ranges(lhs, rhs, {**lengths, **vectors}))      # entries unfolding took away
            if entry is not None:
                for index in entry.indices:
                    ranges[index.name] = entry.span or (sp.Integer(1), dimension)
            left, right, problem_domain, notes = _with_conventions(left, right, here, dimension, ranges)
            if entry is not None:
                notes = (f"read entrywise: {', '.join(map(str, entry.indices))} "
                         f"{'is the entry' if entry.column is None else 'are the row and the column'}", *notes)
            problem = prepare(left, OPS[rel.op], right, problem_domain, real_values=True)
        except _Unfoldable as exc:
            out.append(Reading(rel, verdict="unparsed", lhs=shown_l, rhs=shown_r, message=str(exc)))
            continue
        except Exception as exc:  # noqa: BLE001 - a reading SymPy cannot prepare is reported, never raised
            out.append(Reading(rel, verdict="error", lhs=shown_l, rhs=shown_r,
                               message=f"could not prepare the relation: {type(exc).__name__}: {exc}"))
            continue
        given_here = set()
        if premise is not None:                      # the premise says what its names are here
            given_here = {_target_name(premise.lhs) or "", _target_name(premise.rhs) or ""}
        guesses = (*repairs.get(k, ()), *guesses)
        doubts: list[str] = [f"it rests on a guess: {'; '.join(guesses)}"] if guesses else []
        if unusable:
            doubts.append(f"it holds under a condition softsym could not use ({unusable})")
        maybe_defined = sorted(_names_in(lhs, rhs) & (set(unread) - given_here))
        if maybe_defined:
            doubts.append("it rests on what softsym could not read ("
                          + "; ".join(f"{n} (line {unread[n]})" for n in maybe_defined) + ")")
        if _IMPLICIT_SUM.search(rel.lhs + " " + rel.rhs) and any(
                all(i.is_Integer for i in e.indices) for e in sp.Tuple(lhs, rhs).atoms(sp.Indexed)):
            doubts.append("the range of a sum written without bounds (read as 1..n) beside entries with "
                          "written indices is a guess")
        if rel.op == "==" and not rel.chained and (_probabilities(lhs) == {lhs} or _probabilities(rhs) == {rhs}):
            doubts.append(f"it gives the probability {shown_l if _probabilities(lhs) == {lhs} else shown_r} a value "
                          f"(notes give a probability a new value model by model), not a claim softsym can refute")
        unknown = sorted(str(x) for x in _probabilities(left, right))
        if unknown:
            doubts.append(f"it rests on probabilities or expectations ({', '.join(unknown)}) that softsym reads "
                          f"as unknown numbers: whether it holds may take the axioms of probability")
        resting = sorted({str(e.base.label) for e in sp.Tuple(left, right).atoms(sp.Indexed)} & set(recurrences))
        if resting:
            doubts.append("it rests on a recurrence softsym does not unfold ("
                          + "; ".join(f"{r} (line {recurrences[r]})" for r in resting) + ")")
        if _conventional_length(rel, left, right, dimension):
            doubts.append(f"the length of a vector is taken to be {dimension} (not written) while the relation "
                          f"sums to another bound")
        about = sorted(examples.keys() & {str(e.base.label) for e in sp.Tuple(lhs, rhs).atoms(sp.Indexed)}
                       | {name for name in examples if name in _names_in(lhs, rhs)})
        if about and _general(left, right, problem.domain):
            doubts.append("it speaks of every entry of " + ", ".join(f"{n} (line {examples[n]})" for n in about)
                          + ", which the text gave example values: a general statement is not refuted on them")
        flat = sorted(set(_independent_derivatives(left, right)) | set(_flat_derivatives(lhs, rhs, definitions)))
        hollow: list[str] = []
        if flat:
            doubts.append(f"it differentiates {', '.join(flat)}, which as read does not depend on the variable "
                          f"(what it is may be said in words, not in the math)")
            hollow.append(f"it differentiates {', '.join(flat)}, which as read does not depend on the "
                          f"variable: the derivative is 0 only because softsym does not know what it is")
        undefined = _named_only_in_words(left, right, set(domain.names()) | given_here)
        if undefined:
            doubts.append(f"its two sides share no name and {', '.join(undefined)} "
                          f"{'is' if len(undefined) == 1 else 'are'} defined nowhere in the document's math "
                          f"(perhaps in words): the line may say what {undefined[0]} is, not claim an identity")
        out.append(Reading(rel, problem=problem, lhs=shown_l, rhs=shown_r, conventions=notes, doubts=tuple(doubts),
                           hollow=tuple(hollow)))
    return out


_CONDITION_JOINERS = re.compile(r"\\(?:text|mbox|textrm)\s*\{\s*(?:and|,)\s*\}|\\(?:wedge|land)\b|;")
_INTERVAL = re.compile(r"^\s*(?P<name>[^,]+?)\s*\\in\s*(?:\\left)?(?P<open>[\(\[])(?P<lo>[^,]+),(?P<hi>[^,]+?)"
                       r"(?:\\right)?(?P<close>[\)\]])\s*$")
_NO_RESTRICTION = re.compile(r"^\s*(?:[^,]+?\s*\\in\s*\\mathbb\s*\{?\s*R\s*\}?(?:\s*\^\s*\{?[^{}]*\}?)?"
                             r"|\\?[A-Za-z]+(?:_\{?\w+\}?)?)\s*$")


def _row_condition(text: str, context, lhs: sp.Basic, rhs: sp.Basic) -> tuple[list[sp.Basic], str]:
    """The hypotheses a condition written in the row gives (``i \\neq j``, ``x \\ge 0``,
    ``0 < p < 1``, ``x \\in (0, 1)``), and what could not be used of it (its text), if anything.
    The condition's names are the relation's (an index stays an integer)."""
    from ..latex import Unparsed, parse_tex
    if not text:
        return [], ""
    if text.startswith("?"):
        return [], text[1:]
    symbols = {s.name: s for s in sp.Tuple(lhs, rhs).atoms(sp.Symbol)}
    out: list[sp.Basic] = []
    for piece in _CONDITION_JOINERS.split(text):
        piece = piece.strip().strip(",").strip()
        if not piece or _NO_RESTRICTION.match(piece):
            continue
        ranged = re.match(r"^\s*[A-Za-z]\s*=\s*(.*)$", piece)
        if ranged is not None and _INDEX_RANGE.match(ranged.group(1)):
            continue                                  # i = 1, …, K: the index's range (the conventions give it)
        m = _INTERVAL.match(piece)
        try:
            if m is not None:
                name, lo, hi = (parse_tex(m.group(g), context) for g in ("name", "lo", "hi"))
                low = sp.Lt if m.group("open") == "(" else sp.Le
                high = sp.Lt if m.group("close") == ")" else sp.Le
                found = [low(lo, name), high(name, hi)]
            else:
                found = _condition_relations(piece, context)
        except Unparsed:
            return out, text
        if found is None:
            return out, text
        out.extend(c.xreplace({x: symbols[x.name] for x in c.free_symbols if isinstance(x, sp.Symbol)
                               and x.name in symbols}) for c in found)
    return out, ""


_CONDITION_OPS = re.compile(r"\\neq\b|\\ne\b|\\leq\b|\\le\b|\\geq\b|\\ge\b|\\lt\b|\\gt\b|<|>|=|≠|≤|≥")
_CONDITION_MAKERS = {"\\neq": "!=", "\\ne": "!=", "≠": "!=", "\\leq": "<=", "\\le": "<=", "≤": "<=",
                     "\\geq": ">=", "\\ge": ">=", "≥": ">=", "\\lt": "<", "<": "<", "\\gt": ">", ">": ">",
                     "=": "=="}


def _condition_relations(piece: str, context) -> list[sp.Basic] | None:
    """``a < x \\le b`` / ``i \\ne j`` / ``a, b > 0`` as relationals (None: not such a condition)."""
    from ..latex import parse_tex
    ops = list(_CONDITION_OPS.finditer(piece))
    if not ops:
        return None
    parts = [piece[:ops[0].start()]] + [piece[a.end():b.start()] for a, b in zip(ops, ops[1:])] \
        + [piece[ops[-1].end():]]
    if len(ops) == 1 and _LIST_NAMES.match(parts[0]):
        names = [parse_tex(x, context) for x in parts[0].split(",")]
        bound = parse_tex(parts[1], context)
        return [c for c in (_relational(_CONDITION_MAKERS[ops[0].group()], x, bound) for x in names) if c is not None]
    values = [parse_tex(x, context) for x in parts]
    found = [_relational(_CONDITION_MAKERS[op.group()], a, b) for op, a, b in zip(ops, values, values[1:])]
    return None if any(c is None for c in found) else found


_LIST_NAMES = re.compile(r"^\s*(?:[A-Za-z]|\\[A-Za-z]+)(?:\s*,\s*(?:[A-Za-z]|\\[A-Za-z]+))+\s*$")
_INDEX_RANGE = re.compile(r"^\s*(?P<lo>[^,]+?)\s*,\s*(?:\\[lc]?dots|\\dotsc|\.\.\.|…)\s*,\s*(?P<hi>[^,]+?)\s*$")


_ONE_HOT = re.compile(r"(?:one[- ]?hot|独热|单热)[^$\n]{0,40}?\$\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*)?"
                      r"([A-Za-z])\s*\}?\s*\$", re.IGNORECASE)


def _one_hot_families(text: str) -> list[tuple[int, str]]:
    """``a one-hot target $\\mathbf{y}$`` (also 独热): the family the text calls one-hot, by line."""
    return [(text.count("\n", 0, m.start()) + 1, m.group(1)) for m in _ONE_HOT.finditer(text)]


def _sums_to_one(family: str, lengths: dict, dimension: sp.Symbol) -> sp.Basic:
    """Σ_k y_k = 1 over the family's length: what "y is one-hot" says that the relations use."""
    k = sp.Symbol("k_hot", integer=True)
    lo, hi = lengths.get(family, (sp.Integer(1), dimension))
    return sp.Eq(sp.Sum(sp.IndexedBase(family, real=True)[k], (k, lo, hi)), 1)


def _plain_context(domain: Domain, functions: set[str]):
    from ..latex import Context
    return Context(names=_names(domain, functions), functions=frozenset(functions))


_OP_TEX = {"==": "=", "<=": "\\le", "<": "<", ">=": "\\ge", ">": ">", "!=": "\\ne", ":=": "=",
           "approx": "\\approx", "propto": "\\propto", "implies": "\\Rightarrow"}
_TRAILING_WORDS = re.compile(r"^\s*[,.;:]?\s*(?:when|whenever|if|provided(?: that)?|as long as|assuming|given|"
                             r"for|当|若|如果|只要|对于)\s*$", re.IGNORECASE)


def _trailing_conditions(text: str, blocks, found: list[Relation]) -> dict[int, list[int]]:
    """``$$ … $$ when $\\sum_i y_i = 1$.``: an inline relation introduced by "when", "if", "provided",
    "for" … right after a display is a condition of that display's relations.  Returns, for each
    relation of such a display, the inline relations that condition it."""
    lines = text.split("\n")
    out: dict[int, list[int]] = {}
    displays = [b for b in blocks if b.display]
    inline = [b for b in blocks if not b.display]
    conditioned: dict[int, object] = {}            # an inline block that is a trailing condition → its display
    for block in inline:
        line = lines[block.line - 1] if block.line - 1 < len(lines) else ""
        at = line.find(block.tex)
        same_line = [b for b in inline if b.line == block.line == b.end_line and b is not block
                     and 0 <= line.find(b.tex) < at and id(b) not in conditioned
                     and any(op in b.tex for op in ("=", "<", ">", "\\le", "\\ge", "\\ne"))]
        before = max((b for b in displays if b.end_line <= block.line), key=lambda b: b.end_line, default=None)
        if same_line and at >= 0:                 # "$σ(x) \le …$ for $x \ge 0$": the inline relation before
            start = line.find(same_line[-1].tex) + len(same_line[-1].tex)
            prefix = line[start:at].strip().strip("$").strip().rstrip("\\(").lstrip("\\)").strip()
            if _TRAILING_WORDS.match(prefix) and block.line == block.end_line:
                conditioned[id(block)] = same_line[-1]
            continue
        if before is None or any(lines[n].strip() for n in range(before.end_line, block.line - 1)):
            continue                              # only blank lines may come between
        prefix = line[:at].rstrip().rstrip("$").rstrip("\\(") if at >= 0 else ""
        if before.end_line == block.line:
            prefix = re.split(r"\$\$|\\\]|\\end\{[a-z*]+\}", prefix)[-1]
        previous = next((b for b in inline if b.line == block.line and b is not block and id(b) in conditioned
                         and line.find(b.tex) < at), None)
        if previous is not None:                  # "for $k \ne y$ and $0 < ε < 1$": the sentence goes on
            prefix = line[line.find(previous.tex) + len(previous.tex):at].strip().strip("$").strip()
            if re.fullmatch(r"(?:and|,|以及|且|和)?", prefix.strip(" ,")):
                conditioned[id(block)] = conditioned[id(previous)]
            continue
        suffix = line[at + len(block.tex):].lstrip("$").lstrip("\\)").lstrip() if at >= 0 else ""
        new_paragraph = before.end_line < block.line - 1
        forward = suffix.startswith((":", "：", ",", "，")) or (new_paragraph and prefix.strip()[:1].isupper())
        if _TRAILING_WORDS.match(prefix) and not forward:     # "For $i \ne j$:" introduces what follows
            conditioned[id(block)] = before
    for c, rel in enumerate(found):
        block = next((b for b in inline if b.line <= rel.line <= b.end_line and id(b) in conditioned
                      and rel.tex in b.tex), None)
        if block is None or rel.chained:
            continue
        before = conditioned[id(block)]
        for k, other in enumerate(found):
            if before.line <= other.line <= before.end_line and k != c:
                out.setdefault(k, []).append(c)
    return out


def _listed_condition(rel: Relation, domain: Domain) -> tuple[list[sp.Basic], tuple | None] | None:
    """``i = 1, \\ldots, K`` (the range of an index) or ``a, b > 0`` (a condition on each name):
    (the conditions, (index, lo, hi) for a range) — None for anything else."""
    from ..latex import Context, Unparsed, parse_tex
    context = Context(names=domain.names())

    def integer(tex: str) -> sp.Expr:
        value = parse_tex(tex, context)
        return value.xreplace({s: sp.Symbol(s.name, integer=True, positive=True) for s in value.free_symbols
                               if isinstance(s, sp.Symbol) and s.name not in context.names})
    try:
        m = _INDEX_RANGE.match(rel.rhs)
        if rel.op == "==" and m is not None and re.fullmatch(r"\s*[A-Za-z]\s*", rel.lhs):
            lo, hi = integer(m.group("lo")), integer(m.group("hi"))
            if lo.is_integer and hi.is_integer:
                return [], (rel.lhs.strip(), lo, hi)
            return None
        if rel.op in ("<", "<=", ">", ">=", "!=") and _LIST_NAMES.match(rel.lhs):
            bound = parse_tex(rel.rhs, context)
            names = [parse_tex(name, context) for name in rel.lhs.split(",")]
            if all(isinstance(x, sp.Symbol) for x in names) and not (bound.free_symbols & set(names)):
                return [c for c in (_relational(rel.op, x, bound) for x in names) if c is not None], None
    except Unparsed:
        return None
    return None


@dataclass(frozen=True)
class _Entry:
    """A relation between vectors, read at one entry: ``index`` runs over ``span`` (None: 1..n);
    ``target`` is the bare name on the left that the relation makes a vector (``p = softmax(z)``)."""

    index: sp.Symbol
    span: tuple[sp.Expr, sp.Expr] | None
    target: str | None
    column: sp.Symbol | None = None          # a matrix relation: read at (index, column)
    bold: bool = False                       # the target was written bold (\mathbf{p} = …)

    def describe(self, dimension: sp.Symbol) -> str:
        lo, hi = self.span or (1, dimension)
        if self.column is not None:
            return f"{lo} <= {self.index}, {self.column} <= {hi}"
        return f"{lo} <= {self.index} <= {hi}"

    @property
    def indices(self) -> tuple[sp.Symbol, ...]:
        return (self.index,) if self.column is None else (self.index, self.column)


_ENTRY_INDICES = ("i", "j", "k", "l", "m", "r", "s", "u", "v")
_MACRO_NAME = re.compile(r"\\[A-Za-z]+")


def _entrywise(rel: Relation, context) -> tuple[sp.Basic, sp.Basic, _Entry, tuple[str, ...]]:
    """Both sides read at a fresh entry index (one side is a vector: ``\\mathbf{p}``,
    ``\\mathrm{softmax}(z)``, ``[1, 2, 3]``).  A bare name on the left becomes a vector too.

    Raises:
        Unparsed: a side cannot be read at an entry, or the vectors' lengths differ.
    """
    from ..latex import Unparsed, VectorValued, parse_entry, parse_tex
    written = set(re.findall(r"[A-Za-z]", _MACRO_NAME.sub(" ", rel.lhs + " " + rel.rhs)))
    name = next((c for c in _ENTRY_INDICES if c not in written and c not in context.names), "i_")
    index = sp.Symbol(name, integer=True)
    vectors = dict(context.vectors)
    target, bold = None, False
    try:
        plain = parse_tex(rel.lhs, context)
        if isinstance(plain, sp.Symbol) and "(" not in plain.name and rel.op in ("==", ":="):
            target = plain.name
            vectors.setdefault(target, None)
    except VectorValued:
        bare = re.fullmatch(r"\s*\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*(\\?[A-Za-z]+)\s*\}?\s*", rel.lhs)
        if bare is not None and rel.op in ("==", ":="):
            target, bold = bare.group(1).lstrip("\\"), True
    at = replace(context, entry=index, vectors=vectors)
    column = None
    try:
        lhs, left_ranges, left_guesses = parse_entry(rel.lhs, at)
        rhs, right_ranges, right_guesses = parse_entry(rel.rhs, at)
    except VectorValued as exc:
        if not exc.matrix:
            raise
        column = sp.Symbol(next(c for c in (*_ENTRY_INDICES, "j_") if c not in written and c != name
                                and c not in context.names), integer=True)
        matrices = context.matrices | ({target} if target else set())
        vectors.pop(target, None)
        at = replace(context, entry=index, column=column, vectors=vectors, matrices=frozenset(matrices))
        lhs, left_ranges, left_guesses = parse_entry(rel.lhs, at)
        rhs, right_ranges, right_guesses = parse_entry(rel.rhs, at)
        for side in (lhs, rhs):
            for term in sp.Add.make_args(sp.expand(side)):
                if index in term.atoms(sp.Symbol) and column not in term.atoms(sp.Symbol):
                    raise Unparsed("a vector added to a matrix (read entrywise at a row and a column)",
                                   rel.tex[:80]) from None
    known = {(str(r[0]), str(r[1])): r for r in (*left_ranges, *right_ranges) if r is not None}
    if len(known) > 1:
        shown = " and ".join(f"{lo}..{hi}" for lo, hi in sorted(known))
        raise Unparsed(f"a relation between vectors of different lengths ({shown})", rel.tex[:80])
    span = next(iter(known.values()), None)
    return lhs, rhs, _Entry(index, span, target, column, bold), (*left_guesses, *right_guesses)


def _extremum_facts(left: sp.Basic, right: sp.Basic, domain: Domain) -> tuple[Domain, dict]:
    """For every ``\\max_i f(z_i)`` read as ``f(z_μ)``: the hypothesis f(z_l) ≤ f(z_μ) for every
    l of the range (l an index only there, which reads "for every l"), and the ranges of μ and l."""
    from ..latex import extrema_in
    found = extrema_in(left, right, *domain.given)
    if not found:
        return domain, {}
    ranges: dict[str, tuple[sp.Expr, sp.Expr]] = {}
    given = []
    taken = {s.name for s in sp.Tuple(left, right, *domain.given).free_symbols}
    for k, ext in enumerate(found):
        other = sp.Symbol(next(c for c in (f"l{k}", f"l{k}_", f"l{k}__") if c not in taken), integer=True)
        given.append(ext.hypothesis(other))
        ranges[ext.index.name] = ranges[other.name] = (ext.lower, ext.upper)
    return domain.with_given(*given), ranges


def _family_ranges(left: sp.Basic, right: sp.Basic, vectors: dict) -> dict[str, tuple[sp.Expr, sp.Expr]]:
    """A free index of entries of vectors the text gave a range (``z = (z_1, …, z_K)``: 1..K)."""
    spans: dict[str, set] = {}
    for e in sp.Tuple(left, right).atoms(sp.Indexed):
        for i in e.indices:
            if isinstance(i, sp.Symbol) and i.is_integer:
                spans.setdefault(i.name, set()).add(vectors.get(str(e.base.label)))
    return {name: next(iter(s)) for name, s in spans.items() if len(s) == 1 and None not in s}


_IMPLICIT_SUM = re.compile(r"\\sum_(?:\{\s*[A-Za-z]\s*\}|[A-Za-z])(?!\s*\^)")
_EXCLUDING_SUM = re.compile(r"\\sum_\{\s*([A-Za-z])\s*\\(?:ne|neq)\s*([A-Za-z])\s*\}")


def _pair_sums(rel: Relation) -> tuple[Relation, list[str]]:
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


_BINDERS = (sp.Sum, sp.Product, sp.Derivative, sp.Limit)


def _opaque(expr: sp.Basic) -> sp.Basic:
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
        bound |= set(node.variables)
    return expr.xreplace({f: sp.Symbol(sp.sstr(f), **({"positive": True} if f.is_positive else {"real": True}))
                          for f in found if not (f.free_symbols & bound)})


def _probabilities(*exprs: sp.Basic) -> set[sp.Basic]:
    """The probabilities (as applications or as the names :func:`_opaque` made) in ``exprs``."""
    from ..latex import probabilities
    out: set[sp.Basic] = set()
    for e in exprs:
        out |= probabilities(e) | {s for s in e.free_symbols if isinstance(s, sp.Symbol) and ("(" in s.name
                                                                                             or "[" in s.name)}
    return out


_MEMBERSHIP = re.compile(r"^\s*(?P<names>(?:[A-Za-z]|\\[A-Za-z]+)(?:\s*,\s*(?:[A-Za-z]|\\[A-Za-z]+))*)\s*\\in\s*"
                         r"(?:\\left)?(?P<open>[\(\[])(?P<lo>[^,]+),(?P<hi>[^,]+?)(?:\\right)?(?P<close>[\)\]])\s*$")


def _membership_bounds(tex: str, domain: Domain, functions: set[str]) -> list[tuple[str, sp.Basic]]:
    """``p, q \\in (0, 1)`` written in prose: each name's bounds (a hypothesis from there on)."""
    from ..latex import Unparsed, parse_tex
    m = _MEMBERSHIP.match(tex)
    context = _plain_context(domain, functions)
    try:
        lo, hi = parse_tex(m.group("lo"), context), parse_tex(m.group("hi"), context)
        names = [parse_tex(x, context) for x in m.group("names").split(",")]
    except Unparsed:
        return []
    low = sp.Lt if m.group("open") == "(" else sp.Le
    high = sp.Lt if m.group("close") == ")" else sp.Le
    out = []
    for x in names:
        if isinstance(x, sp.Symbol) and not (lo.free_symbols | hi.free_symbols) & {x}:
            out.append((x.name, (low(lo, x), high(x, hi))))
    return out


def _as_bounds(conditions: list[sp.Basic], domain: Domain) -> tuple[tuple[Bound, ...], list[sp.Basic]]:
    """Conditions that bound one undeclared symbol by numbers (``0 < p``, ``p < 1``, ``T > 0``) as its
    ``Bound`` — what the proof rules read best (0 < p < 1 becomes p = s/(1 + s)); the rest as they are."""
    declared = domain.names()
    ends: dict[sp.Symbol, dict[str, tuple[sp.Expr, bool]]] = {}
    rest = []
    for c in conditions:
        if isinstance(c, (sp.StrictLessThan, sp.LessThan, sp.StrictGreaterThan, sp.GreaterThan)):
            low, high = (c.lhs, c.rhs) if isinstance(c, (sp.StrictLessThan, sp.LessThan)) else (c.rhs, c.lhs)
            strict = isinstance(c, (sp.StrictLessThan, sp.StrictGreaterThan))
            if isinstance(high, sp.Symbol) and low.is_Number and high.name not in declared:
                ends.setdefault(high, {})["lower"] = (low, strict)
                continue
            if isinstance(low, sp.Symbol) and high.is_Number and low.name not in declared:
                ends.setdefault(low, {})["upper"] = (high, strict)
                continue
        rest.append(c)
    bounds = []
    for x, e in ends.items():
        lower, upper = e.get("lower", (None, False)), e.get("upper", (None, False))
        bounds.append(Bound(x, lower[0], lower[1], upper[0], upper[1]))
    return tuple(bounds), rest


def _parameter_bound(op: str, lhs: sp.Basic, rhs: sp.Basic) -> tuple[str, sp.Basic] | None:
    """``T > 0``, ``\\varepsilon < 1`` written in prose about a parameter (a Greek or capital name, not
    a variable such as x): it holds from there on (a later bound on the same name replaces it)."""
    if op not in ("<", "<=", ">", ">="):
        return None
    name, number = (lhs, rhs) if rhs.is_Number else (rhs, lhs) if lhs.is_Number else (None, None)
    if not isinstance(name, sp.Symbol) or len(name.name) == 1 and name.name.islower():
        return None
    relational = _relational(op, lhs, rhs)
    return (name.name, relational) if relational is not None else None


def _relevant(given: tuple[sp.Basic, ...], left: sp.Basic, right: sp.Basic) -> tuple[sp.Basic, ...]:
    """The hypotheses that speak of the relation's names (through one another): a constraint on
    names the relation never mentions (Σ_k y_k = 1 beside a relation in z only) cannot matter to
    it — any point of the relation extends to one that satisfies it — and would only hide
    counterexamples from the search."""
    integers = {s.name for e in (left, right, *given) for s in e.atoms(sp.Symbol) if s.is_integer}

    def values(*exprs: sp.Basic) -> set[str]:               # indices and sizes (integers) connect nothing
        return _names_in(*exprs) - integers

    names = values(left, right)
    chosen: list[sp.Basic] = []
    rest = list(given)
    changed = True
    while changed:
        changed = False
        for g in list(rest):
            if values(g) & names or not values(g):
                chosen.append(g)
                names |= values(g)
                rest.remove(g)
                changed = True
    return tuple(g for g in given if g in chosen)


def _general(left: sp.Basic, right: sp.Basic, domain: Domain) -> bool:
    """Whether the relation ranges over a size that is not a number (a sum to n, an index up to K)."""
    both = sp.Tuple(left, right)
    if any(not (lo.is_Integer and hi.is_Integer) for node in both.atoms(sp.Sum, sp.Product)
           for _, lo, hi in node.limits):
        return True
    return any(b.symbol in both.free_symbols and not ((b.lower is None or b.lower.is_Integer)
                                                       and (b.upper is not None and b.upper.is_Integer))
               for b in domain.bounds if b.symbol.is_integer)


def _recurrence(rel: Relation, lhs: sp.Basic, rhs: sp.Basic) -> str | None:
    """``m_t = \\beta m_{t-1} + (1 - \\beta) g_t``: an entry defined from the same family at a shifted
    index (a recurrence, the family's name), else None."""
    if rel.op not in ("==", ":=") or rel.chained or not isinstance(lhs, sp.Indexed) or len(lhs.indices) != 1:
        return None
    (t,) = lhs.indices
    if not isinstance(t, sp.Symbol):
        return None
    shifted = [e for e in rhs.atoms(sp.Indexed) if e.base == lhs.base and len(e.indices) == 1
               and (e.indices[0] - t).is_Integer and e.indices[0] != t]
    return str(lhs.base.label) if shifted else None


def _conventional_length(rel: Relation, left: sp.Basic, right: sp.Basic, dimension: sp.Symbol) -> bool:
    """The relation sums to the conventional length n (written nowhere in it) and to another bound."""
    both = sp.Tuple(left, right)
    ends = {s.name for node in both.atoms(sp.Sum, sp.Product) for _, _, hi in node.limits
            for s in hi.free_symbols if isinstance(s, sp.Symbol)}
    written = re.search(rf"(?<![A-Za-z\\]){re.escape(dimension.name)}(?![A-Za-z])", rel.lhs + " " + rel.rhs)
    return dimension.name in ends and len(ends - {dimension.name}) > 0 and written is None


def _unfold(expr: sp.Basic, definitions: list[Definition]) -> sp.Basic:
    """The definitions unfolded, except that a defined name a derivative is taken with respect to
    stays a variable inside that derivative (``∂ℓ/∂z`` with ``z := w^T x + b``: ℓ as a function of
    z); outside it, the name is unfolded as everywhere."""
    defined = {_target_name(d.target) for d in definitions}
    derivatives = [d for d in expr.atoms(sp.Derivative)
                   if any(_target_name(v) in defined for v in d.variables)]
    if not derivatives:
        return unfold(expr, definitions)
    kept: dict[sp.Basic, sp.Basic] = {}
    for d in derivatives:
        names = {_target_name(v) for v in d.variables}
        inner = _unfold(d.expr, [x for x in definitions if _target_name(x.target) not in names])
        taken = sp.Derivative(inner, *d.variable_count, evaluate=False)
        done = attempt(Deadline.after(2.0), taken.doit, None)       # then the variable's definition in
        if done is None or any(set(e.variables) & set(d.variables) for e in done.atoms(sp.Derivative)):
            raise _Unfoldable(f"the derivative with respect to {', '.join(map(sp.sstr, d.variables))}, a name "
                              f"defined in the text, could not be taken before its definition is unfolded")
        kept[d] = unfold(done, definitions)
    holders = {d: sp.Dummy(f"d{k}") for k, d in enumerate(kept)}
    outside = unfold(expr.xreplace(holders), definitions)
    return outside.xreplace({holders[d]: value for d, value in kept.items()})


class _Unfoldable(Exception):
    """A relation whose definitions cannot be unfolded (reported as unparsed, with the reason)."""


def _flat_derivatives(lhs: sp.Basic, rhs: sp.Basic, definitions: list[Definition]) -> list[str]:
    """As :func:`_independent_derivatives`, judged with the definitions unfolded except the
    variables' own (``∂L/∂α_j`` with α defined and L defined nowhere: L does not depend on α)."""
    out = []
    for d in sp.Tuple(lhs, rhs).atoms(sp.Derivative):
        names = {_target_name(v) for v in d.variables}
        inner = attempt(Deadline.after(1.0), lambda d=d, names=names: unfold(
            d.expr, [x for x in definitions if _target_name(x.target) not in names]), None)
        if inner is not None:
            out += _independent_derivatives(sp.Derivative(inner, *d.variable_count, evaluate=False))
    return out


def _independent_derivatives(*exprs: sp.Basic) -> list[str]:
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


def _named_only_in_words(left: sp.Basic, right: sp.Basic, declared: set[str]) -> list[str]:
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
    sides = [_names_in(left), _names_in(right)]
    if not all(sides) or sides[0] & sides[1]:
        return []
    candidates = [sorted(side - declared) for side in sides]
    candidates = [c for c in candidates if c]
    return min(candidates, key=len) if candidates else []


def _defined_by_unparsed(rel: Relation, context) -> str | None:
    """The name an unparsed ``name = …`` line may have defined (its left side reads as a name):
    a refutation that rests on that name is not reported until a line about it is read."""
    from ..latex import Unparsed, parse_tex
    if rel.op not in ("==", ":="):
        return None
    try:
        return _target_name(parse_tex(rel.lhs, context))
    except Unparsed:
        return None


def _bare(name: str) -> str:
    return name.lstrip("\\")


def _merged(base: Domain, texts: list[str]) -> Domain:
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


def _names(domain: Domain, functions: set[str]) -> dict[str, sp.Basic]:
    names = dict(domain.names())
    for f in functions:
        names.setdefault(f, sp.Function(f, real=True))
    return names


def _dimension(domain: Domain, inferred: str | None = None) -> sp.Symbol:
    declared = domain.names().get(DEFAULT_DIMENSION)
    if isinstance(declared, sp.Symbol):
        return declared
    name = inferred or DEFAULT_DIMENSION
    if isinstance(domain.names().get(name), sp.Symbol):
        return domain.names()[name]
    return sp.Symbol(name, integer=True, positive=True)


_SUM_END = re.compile(r"\\(?:sum|prod)\s*_\s*\{[^{}]*=[^{}]*\}\s*\^\s*\{?\s*([A-Za-z])\s*\}?")
_RANGE_END = re.compile(r"(?:\\[lc]?dots|\.\.\.)\s*,\s*([A-Za-z])\s*$")
_N_WRITTEN = re.compile(rf"(?<![A-Za-z\\]){DEFAULT_DIMENSION}(?![A-Za-z])")


def _family_lengths(found: list[Relation], functions: set[str], base: Domain, declarations) -> dict:
    """The range of every family the text sums over one range only, from 1 to a name (``\\sum_{j=1}^{K}
    e^{z_j}``: z over 1..K), read from every relation before the checking starts."""
    from ..latex import Context, Unparsed, parse_tex
    try:
        domain = _merged(base, [d.text for d in declarations])
    except UserError:
        domain = base
    unwritten = sp.Symbol("unwritten_bound_", integer=True, positive=True)      # \sum_i: no bound written
    context = Context(names=_names(domain, functions), functions=frozenset(functions), dimension=unwritten)
    seen: dict[str, set] = {}
    for rel in found:
        for side in (rel.lhs, rel.rhs):
            try:
                value = parse_tex(side, context)
            except Unparsed:
                continue
            for node in value.atoms(sp.Sum, sp.Product):
                for var, lo, hi in node.limits:
                    if lo != 1 or hi.is_Integer or len(hi.free_symbols) != 1 or unwritten in hi.free_symbols:
                        continue
                    for e in node.function.atoms(sp.Indexed):
                        if e.indices == (var,):
                            seen.setdefault(str(e.base.label), set()).add(hi)
    out = {}
    for name, ends in seen.items():
        if len(ends) == 1:
            (hi,) = ends
            end = next(iter(hi.free_symbols))
            out[name] = (sp.Integer(1), hi.xreplace({end: sp.Symbol(end.name, integer=True, positive=True)}))
    return out


def _range_ends(found: list[Relation]) -> frozenset[str]:
    """Letters the text uses as sizes: ends of sums and products, of index ranges (``i = 1, …, N``),
    of ellipsis lists (``z_1, …, z_K``)."""
    ends: set[str] = set()
    for rel in found:
        text = rel.lhs + " " + rel.rhs
        ends |= set(re.findall(r"\\(?:sum|prod)\s*_\s*(?:\{[^{}]*\}|\S)\s*\^\s*\{?\s*([A-Za-z])", text))
        ends |= set(re.findall(r"(?:\\[lc]?dots|\.\.\.)\s*,?\s*[A-Za-z]*_\s*\{?\s*([A-Za-z])\s*\}?", text))
        ends |= set(_RANGE_END.findall(rel.rhs))
    return frozenset(ends)


def _inferred_dimension(found: list[Relation]) -> str | None:
    """The one letter every written range ends at (``\\sum_{j=1}^{K}``, ``i = 1, …, K``) in a text
    that never writes n: the length of its vectors, where a sum or softmax leaves it unwritten."""
    ends: set[str] = set()
    for rel in found:
        text = rel.lhs + " " + rel.rhs
        if _N_WRITTEN.search(text):
            return None
        ends |= set(_SUM_END.findall(text)) | set(_RANGE_END.findall(rel.rhs))
    return next(iter(ends)) if len(ends) == 1 else None


def _names_in(*exprs: sp.Basic) -> set[str]:
    """The names an expression uses: scalars by name, a family ``z_i`` as ``z[]`` (not the scalar
    ``z``), applied functions by name."""
    from ..rewrite import symbols_outside_entries
    out: set[str] = set()
    for e in exprs:
        entries = e.atoms(sp.Indexed)
        out |= {str(x) for x in symbols_outside_entries(e)}
        out |= {str(x) for i in entries for index in i.indices for x in index.free_symbols}
        out |= {f"{i.base.label}[]" for i in entries}
        out |= {str(f.func) for f in e.atoms(sp.core.function.AppliedUndef)}
    return out


def _defines(rel: Relation, lhs: sp.Basic, rhs: sp.Basic, used: set[str], pinned: set[str] = frozenset(),
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
    target = _target_name(lhs)
    if target is None:
        return False
    if isinstance(lhs, sp.Indexed) and rel.op != ":=" and not ({str(i) for i in lhs.indices}
                                                               & {s.name for s in rhs.atoms(sp.Symbol)}):
        return False            # \eta_k = 0: a value at one index (the last class), not every entry's
    if rel.op == ":=" or (not rel.chained and (isinstance(lhs, sp.core.function.AppliedUndef)
                                              or (isinstance(lhs, sp.Symbol) and rhs.is_Number))):
        return True
    if not rel.chained and _probabilities(lhs) == {lhs} and not _probabilities(rhs) and model_of is not None \
            and not (_names_in(rhs) & _names_in(model_of)):
        return True             # P(y = 1 | x) = σ(z): a probability's (new) model, in names the old one had not
    if target in _names_in(rhs) and not _from_fixed_entries(lhs, rhs):
        return False
    fresh = bool(_names_in(rhs) - used)
    return target not in used or (standalone and target not in pinned and (display or fresh))


def _related(d: Definition, rhs: sp.Basic) -> bool:
    """Whether a new value speaks of what a definition speaks of (its target or its names, indices
    and sizes aside): φ = 1/(1 + e^{-η}) after η := log(φ/(1 - φ)) does; the y_i = γ x̂_i + β of a
    batch-norm section does not speak of an earlier loss's y_i log ŷ_i."""
    def values(*exprs: sp.Basic) -> set[str]:
        integers = {s.name for e in exprs for s in e.atoms(sp.Symbol) if s.is_integer}
        return _names_in(*exprs) - integers
    return bool(values(rhs) & (values(d.target, d.expr) | {_target_name(d.target) or ""}))


def _one_symbol_per_name(lhs: sp.Basic, rhs: sp.Basic) -> tuple[sp.Basic, sp.Basic]:
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
    return (lhs.xreplace(same), rhs.xreplace(same)) if same else (lhs, rhs)


def _from_fixed_entries(lhs: sp.Basic, rhs: sp.Basic) -> bool:
    """``\\eta_t = \\eta_0 \\gamma^t``: an entry at a free index given by entries of the same family at
    fixed whole indices (an initial value), not by itself."""
    if not isinstance(lhs, sp.Indexed) or not any(isinstance(i, sp.Symbol) for i in lhs.indices):
        return False
    same = [e for e in rhs.atoms(sp.Indexed) if e.base == lhs.base]
    return bool(same) and all(all(i.is_Integer for i in e.indices) for e in same) \
        and lhs.base.label not in {s for s in rhs.free_symbols if not isinstance(s, sp.Indexed)} - {lhs.base.label}


def _is_constraint(rel: Relation, lhs: sp.Basic, rhs: sp.Basic, standalone: bool) -> bool:
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


_RELATIONALS = {"==": sp.Eq, "<=": sp.Le, "<": sp.Lt, ">=": sp.Ge, ">": sp.Gt, "!=": sp.Ne}


def _relational(op: str, lhs: sp.Basic, rhs: sp.Basic) -> sp.Basic | None:
    """The premise ``lhs op rhs`` as a hypothesis (None when it is not a relation SymPy keeps)."""
    maker = _RELATIONALS.get(op)
    if maker is None:
        return None
    try:
        value = maker(lhs, rhs, evaluate=False)
    except (TypeError, ValueError):
        return None
    return value


def _atomic(e: sp.Basic) -> bool:
    return isinstance(e, (sp.Symbol, sp.Indexed)) or e.is_Number


def _is_condition(op: str, lhs: sp.Basic, rhs: sp.Basic) -> bool:
    """``n > 2``, ``x \\ge 0``, ``i \\ne j``: an inequality between a name and a number or another
    name states where the text is, not something to prove."""
    return op in ("<", "<=", ">", ">=", "!=") and _atomic(lhs) and _atomic(rhs) and not (lhs.is_Number
                                                                                       and rhs.is_Number)


def _conditions_for(rel: Relation, conditions: list[tuple[int, sp.Basic | None]], blocks) -> list[sp.Basic]:
    """The inline conditions that govern ``rel``: "for $i = j$: $$…$$" — those written after the
    previous display block and before the display that holds ``rel`` — or, for inline math, those
    earlier on the same line ("for $x \\ge 0$, $\\sigma(x) \\le …$")."""
    block = next((b for b in blocks if b.display and b.line <= rel.line <= b.end_line), None)
    if block is None:
        return [c for line, c in conditions if line == rel.line and c is not None]
    previous = max((b.end_line for b in blocks if b.display and b.end_line < block.line), default=0)
    return [c for line, c in conditions if previous <= line <= block.line and c is not None]


def _pinned_by(d: Definition) -> set[str]:
    """The names a definition ties down: its target and what its value mentions (the parameters
    of ``f(x) = …`` are its own, not the document's ``x``)."""
    params = {str(a) for a in d.target.args} if isinstance(d.target, sp.core.function.AppliedUndef) else set()
    return _names_in(d.target, d.expr) - params


def _target_name(lhs: sp.Basic) -> str | None:
    if isinstance(lhs, sp.Symbol) and not isinstance(lhs, sp.Dummy):
        return lhs.name
    if isinstance(lhs, sp.Indexed) and all(isinstance(i, sp.Symbol) for i in lhs.indices):
        return f"{lhs.base.label}[]"
    if isinstance(lhs, sp.core.function.AppliedUndef) and all(isinstance(a, sp.Symbol) for a in lhs.args) \
            and len(set(lhs.args)) == len(lhs.args):
        return str(lhs.func)
    return None


def _with_conventions(lhs: sp.Basic, rhs: sp.Basic, domain: Domain, dimension: sp.Symbol,
                      ranges: dict[str, tuple[sp.Expr, sp.Expr]] | None = None
                      ) -> tuple[sp.Basic, sp.Basic, Domain, tuple[str, ...]]:
    """The relation with the document's conventions applied: a name that ends a summation range
    is a positive integer; a free index of an entry, or a name an indicator compares (the y of
    ``1\\{k = y\\}``), is an integer in 1..(the dimension) — or in the range ``ranges`` gives
    it (an entry of a vector the text listed, an index of a maximum) — whose ends are positive
    integers too."""
    declared = domain.names()
    ranges = ranges or {}
    both = sp.Tuple(lhs, rhs)
    given_symbols = set().union(*(g.free_symbols for g in domain.given))
    ends = {s for node in both.atoms(sp.Sum, sp.Product) for _, lo, hi in node.limits
            for s in (lo.free_symbols | hi.free_symbols)
            if isinstance(s, sp.Symbol) and s.name not in declared and not isinstance(s, sp.Dummy)}
    present = {s.name for s in both.free_symbols | given_symbols}
    ends |= {s for name, (lo, hi) in ranges.items() if name in present for end in (lo, hi)
             for s in end.free_symbols if isinstance(s, sp.Symbol) and s.name not in declared}
    names = {s.name for s in ends}
    every = both.free_symbols | set().union(*(g.free_symbols for g in domain.given))
    swap = {s: sp.Symbol(s.name, integer=True, positive=True) for s in every
            if isinstance(s, sp.Symbol) and s.name in names and not isinstance(s, sp.Dummy)
            and not (s.is_integer and s.is_positive)}          # one K, whatever each side read it as
    both = both.xreplace(swap) if swap else both
    by_name: dict[str, list[sp.Symbol]] = {}
    for x in both.free_symbols | set().union(*(g.free_symbols for g in domain.given)):
        if isinstance(x, sp.Symbol) and not isinstance(x, sp.Dummy):
            by_name.setdefault(x.name, []).append(x)
    same = {}                   # one name, one symbol: the one that knows most (an integer over a real)
    for group in (g for g in by_name.values() if len(g) > 1):
        best = max(group, key=lambda x: (bool(x.is_integer), bool(x.is_positive), len(x.assumptions0)))
        same.update({x: best for x in group if x != best})
    if same:
        both = both.xreplace(same)
        swap.update(same)
    domain = Domain(domain.symbols, domain.indexed, domain.bounds, tuple(g.xreplace(swap) for g in domain.given))
    dims = sorted({swap.get(s, s) for s in ends} | ({dimension} if dimension in both.free_symbols else set()),
                  key=str)
    dims = list({d.name: d for d in dims}.values())
    notes: list[str] = [f"{d}: integer positive (ends a summation range)" for d in dims if d.name not in declared]
    compared = [i for d in both.atoms(sp.KroneckerDelta) for i in d.args]   # the y of 1{k = y}: a class
    free_here = both.free_symbols | {s for d in both.atoms(sp.Derivative) for v in d.variables
                                     for s in v.free_symbols}      # the j of ∂/∂z_j is free too
    free_indices = sorted({i for i in [*(i for e in both.atoms(sp.Indexed) for i in e.indices), *compared]
                           if isinstance(i, sp.Symbol) and i in free_here and i.name not in declared
                           and i.is_integer}, key=str)
    universal = sorted({s for g in domain.given for s in g.free_symbols if isinstance(s, sp.Symbol)
                        and s.name in ranges and s not in both.free_symbols and s.name not in declared
                        and s.is_integer}, key=str)          # the l of "z_l <= z_argmax for every l"
    symbols, bounds = list(domain.symbols), list(domain.bounds)
    top = dims[0] if len(dims) == 1 else dimension
    for d in dims:
        if d.name not in declared:
            symbols.append(d)
    by_name = {s.name: s for s in both.free_symbols | set().union(*(g.free_symbols for g in domain.given))
               if isinstance(s, sp.Symbol)}
    for i in [*free_indices, *universal]:
        symbols.append(i)
        lo, hi = ranges.get(i.name, (sp.Integer(1), top))
        fix: dict[sp.Basic, sp.Basic] = {}
        for s in (lo.free_symbols | hi.free_symbols) - {i}:
            if not isinstance(s, sp.Symbol):
                continue
            if s.name in declared:
                fix[s] = declared[s.name]
                continue
            end = by_name.get(s.name)
            if end is None or not (end.is_integer and end.is_positive):
                end = sp.Symbol(s.name, integer=True, positive=True)
            fix[s] = end
            if end not in symbols:
                symbols.insert(0, end)
        lo, hi = lo.xreplace(fix), hi.xreplace(fix)
        bounds.append(Bound(i, lo, False, hi, False))
        if i in free_indices:
            notes.append(f"{i}: integer, {lo} <= {i} <= {hi} (an index)")
    if top not in symbols and free_indices and top.name not in declared:
        symbols.append(top)
    new = Domain(tuple(symbols), domain.indexed, tuple(bounds), domain.given)
    return both.args[0], both.args[1], new, tuple(notes)


def _plain(expr: sp.Basic) -> str:
    return sp.sstr(expr)


# -- checking -----------------------------------------------------------------------------------
def check_document(path: str, text: str, options: DocOptions = DocOptions(), *,
                   verdicts: Callable[[list[Problem]], list[Verdict]] | None = None) -> dict:
    """The JSON result of one document (contract schema).  ``verdicts`` decides the problems
    (default: in this process, one after the other); the CLI passes a parallel, cached one."""
    start = time.perf_counter()
    readings = read_document(path, text, options)
    problems = [r.problem for r in readings if r.problem is not None]
    decide = verdicts or (lambda ps: [prove(p, options.timeout) for p in ps])
    decided = iter(decide(problems))
    results = [_result(r, next(decided) if r.problem is not None else None) for r in readings]
    return document_result(path, results, time.perf_counter() - start)


def _result(reading: Reading, verdict: Verdict | None) -> dict:
    rel = reading.relation
    out = {"line": rel.line, "end_line": rel.end_line, "tex": rel.tex, "rel": rel.op,
           "lhs": reading.lhs, "rhs": reading.rhs}
    if verdict is None:
        return {**out, "verdict": reading.verdict, "strategy": None, "counterexample": None,
                "message": reading.message}
    if verdict.status in (Status.PROVED, Status.PROVED_INSTANTIATED) and reading.hollow:
        return {**out, "verdict": "undecided", "strategy": verdict.strategy, "counterexample": None,
                "message": f"as read it is {verdict.status}, but {'; and '.join(reading.hollow)}: not reported "
                           f"as proved"}
    if verdict.status is Status.REFUTED and reading.doubts:
        return {**out, "verdict": "undecided", "strategy": verdict.strategy, "counterexample": None,
                "message": f"as read it {verdict.message}, but {'; and '.join(reading.doubts)}: "
                           f"not reported as refuted"}
    cex = verdict.counterexample
    message = verdict.message
    if reading.conventions and verdict.status in (Status.PROVED, Status.PROVED_INSTANTIATED, Status.REFUTED):
        message += f" [conventions: {'; '.join(reading.conventions)}]"
    return {**out, "verdict": str(verdict.status), "strategy": verdict.strategy,
            "counterexample": cex.as_dict() if cex else None,
            "lhs_value": cex.lhs_value if cex else None, "rhs_value": cex.rhs_value if cex else None,
            "message": message, "seconds": verdict.seconds}


def document_result(path: str, results: list[dict], seconds: float) -> dict:
    """One document's entry: its relations and a summary of their verdicts."""
    counts: dict[str, int] = {}
    for r in results:
        counts[r["verdict"]] = counts.get(r["verdict"], 0) + 1
    return {"path": path, "relations": results,
            "summary": {"relations": len(results), **dict(sorted(counts.items())), "seconds": round(seconds, 3)}}


def documents_json(documents: list[dict]) -> dict:
    """The whole ``check-doc --format json`` object."""
    return {"softsym_version": __version__, "documents": documents}


# -- many relations: cache and processes ----------------------------------------------------------
_worker_documents: dict[tuple[str, str, DocOptions], list[Problem]] = {}


def _problems_of(path: str, text: str, options: DocOptions) -> list[Problem]:
    key = (path, text, options)
    if key not in _worker_documents:
        _worker_documents.clear()
        _worker_documents[key] = [r.problem for r in read_document(path, text, options) if r.problem is not None]
    return _worker_documents[key]


def _decide_in_worker(path: str, text: str, options: DocOptions, index: int) -> Verdict:
    """A worker reads the document itself (a pure function) and proves its ``index``-th problem."""
    return prove(_problems_of(path, text, options)[index], options.timeout)


def parallel_verdicts(path: str, text: str, options: DocOptions, *, jobs: int = 1, cache=None,
                      on_done: Callable[[Verdict, int], None] | None = None
                      ) -> Callable[[list[Problem]], list[Verdict]]:
    """A ``verdicts`` function for ``check_document``: cached verdicts first, the rest proved in
    ``jobs`` processes (each re-reads the document: relations are independent tasks)."""
    import os
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from ..fingerprint import problem_fingerprint

    def decide(problems: list[Problem]) -> list[Verdict]:
        out: dict[int, Verdict] = {}
        keys = [cache.key(problem_fingerprint(p), options.timeout) if cache else None for p in problems]
        todo = []
        for k, key in enumerate(keys):
            hit = cache.get(key) if cache and key else None
            if hit is not None:
                out[k] = hit
                if on_done:
                    on_done(hit, len(problems))
            else:
                todo.append(k)

        def record(k: int, verdict: Verdict) -> None:
            out[k] = verdict
            if cache and keys[k]:
                cache.put(keys[k], verdict)
            if on_done:
                on_done(verdict, len(problems))

        if jobs <= 1 or len(todo) <= 1:
            for k in todo:
                record(k, prove(problems[k], options.timeout))
        else:
            with ProcessPoolExecutor(max_workers=min(jobs, os.cpu_count() or jobs)) as pool:
                futures = {pool.submit(_decide_in_worker, path, text, options, k): k for k in todo}
                for future in as_completed(futures):
                    k = futures[future]
                    try:
                        verdict = future.result()
                    except Exception as exc:  # noqa: BLE001 - a worker that died fails its relation only
                        verdict = Verdict(Status.ERROR, "engine", message=f"worker failed: {type(exc).__name__}: {exc}")
                    record(k, verdict)
        return [out[k] for k in range(len(problems))]
    return decide
