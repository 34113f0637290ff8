"""``check-doc``'s reader: every relation of one document, read as written (what :mod:`.check` decides).

Text → math blocks (``extract``) → relations (``chains``) → for each, a reading: a definition, a
skipped or unparsed line, or a ``Problem`` over the document's declarations and conventions, with
the definitions so far unfolded, and what would make its refutation or proof untrustworthy (its
doubts, its variants).  What a line means is decided with
helpers in :mod:`.names` (names, targets, probabilities), :mod:`.definitions` (which lines define,
unfolding), :mod:`.conditions` (conditions written beside relations) and :mod:`.entrywise`
(vectors, matrices, sizes and the conventions of a relation).

Conventions (stated in the README): a declaration ``<!-- softsym: DECL -->`` / ``% softsym: DECL``
applies from its line on, after ``--symbols``; undeclared names are real; a name that ends a
summation range (``n`` in ``\\sum_{i=1}^{n}``) is a positive integer; an index of an entry that
is free in a relation (``i`` in ``z_i``) is an integer in ``1..n`` (the relation's one dimension,
else the document's default ``n``); ``\\sigma`` is the sigmoid and softmax the softmax unless
the document defines them.
"""
from __future__ import annotations

from collections import Counter

import itertools
import math
import re
from dataclasses import dataclass, field, replace
from functools import partial

import sympy as sp

from ..deadline import Deadline, attempt

from ..domain import Domain
from ..dsl import Definition
from ..errors import UserError
from ..latex.applications import written_as_entry
from ..latex.errors import Unparsed
from ..latex.lexer import tokenize
from ..latex.probability import is_probability
from ..latex.vocabulary import GREEK
from ..latex.distributions import Distribution, closed_forms, is_divergence, left_over, parameter_ranges
from ..latex.operators import OUTCOME_COUNT
from ..problem import Problem, fresh_binders, pattern_values, patterned, prepare, reached_definitions, unfold, vector_names
from ..rewrite import derivative_taken, substitute_free
from ..prover import DEFAULT_TIMEOUT
from ..sums import empty_when_reversed
from .approximate import approximately, approximately_by_entry, natural_evidence, natural_only, natural_said, other_base_spoken, rounding_written
from .asymptotic import LANDAU_ANYWHERE, judge, landau_term, says_where
from .abbreviations import definitions_in_words
from .integers import integers_in_words, kinds_unread, reaches as integer_reaches
from .chains import Relation, column_on_line, relations, sides_of_arrows
from .hedges import (EXCEPTING, FROM_HERE_ON, _UNLESS_SAID, assumed_in_words, words_set_aside, doubted_in, equal_case, hedged_words, case_switch, distributions_named, negation_in, others_before, paragraph_around, prose_text, regime_nearby, restricted_nearby, restricted_where_introduced,
                     sentence_around, sentences, signs_nearby, unplain, word_bound)
from .conditions import (_GENERAL_AFTER, _SEQUENCE_NOUN, NAME_TEX, NOUN_RANGES, log_base_at, logarithm_bases_scoped, named_as_quantity, nouns_in_words, to_base, _sentence_before, bare_set, case_at_point, named_by_noun, product_value, replaced_in_words, solved_value,
                         worded_value, domains_in_words, premise_before, case_by_noun,
    conditioned, family_bound_for_every, pin_throughout,
    LABEL_SET, OP_TEX, is_stated_range, MEMBERSHIP as _MEMBERSHIP, NOT_A_CASE, after_a_display, as_bounds, case_after, case_in_words, claimed_before, bound_throughout, introduced_by, conditions_after, conditions_for, excluded_in_words, named_in_words, tight_at,
    defined_before, defining_cue, example_cue, supposed_cue, widened_since, finite_set, words_after_display, imposed_display, imposed_in_prose, in_display_math,
    claimed_inline, in_inline_math, is_condition, is_pin, label_set, family_signs_in_words, listed_condition, local_signs_in_words, membership_bounds,
    mentioned,
    names_a_true_class, one_hot_class, one_hot_families, symmetric_families, unit_norm_given, unit_vectors, pairwise_indices, parameter_bound, parameter_key, spoken_keys, prose_role, relevant_hypotheses, row_condition,
    a_case_of, blank_inline_math, lead_in, quantified_names, quantified_with_restriction, replaces_other_name, said_in_general, same_section, in_preamble, in_scope, setup_sections, same_sentence, scalar_range_name, section_starts, set_aside, signs_in_words,
    described_in_words, logarithm_bases, renamed_in_words, signs_after_display, sums_to_one, with_values, _contradict, _SENTENCE_END, case_paragraph_before,
    changed_in_words, rival_values, run_start, standing_supposition, values_alongside, widened_after, choice_ended,
)
from .blocks import item_opening, list_lead_in, outer_sibling_items, sibling_items
from .moments import draws_here, every_draw, moments_written_out, random_in_words, statistic_of_a_draw
from .pointfree import point_free, vector_function_alone
from .induction import exceptions_around, induction_plan
from .same_value import differ, proved_same, shown_different
from .known_words import BARE_NORM_TEX, EVERYWHERE, SPECIAL_FORMULA, counts_by_role, letter_named_otherwise, namings, norm_named_otherwise, positive_by_role
from .definitions import (
    IMPLICIT_SUM, OWN_VERSIONS, defines_an_entry, Unfoldable, defined_by_unparsed, defined_where, defines, flat_derivatives,
    function_definition, function_parameters, independent_derivatives, is_constraint, labelled_names,
    at_last_index, circular, named_only_in_words, pair_sums, recurrence_family, through_recurrences, unfold_keeping_variables,
    squared_parameters, summand_definition, with_underscores_restored, word_names, written_in_new_name,
)
from .information import has_measure, measures_meant, measures_written_out
from .directional import DIRECTION_NOTE, along_a_direction
from .opaque import ONE_VECTOR, OPAQUE_CALLS, calls_named_as_functions, calls_spoken_of, opaque_calls, opaque_dot_products, sentences_in, vectors_spoken_of
from .entrywise import (
    Entry, conventional_length, example_entries, listed_length, extremum_facts, family_lengths, family_ranges, inferred_dimension,
    instance_of_length, lengths_in_section, lengths_in_words, recounted, read_entrywise, sizes_written, speaks_generally, with_conventions,
)
from .constants import BARE, CONSTANT_PI, EULER_POWER, named_constants, named_vectors
from .extract import find_math, kind_of
from .macros import VARIANCE, angle_means, argument_gradients, averages, averaging_operator, document_macros, expand, \
    implicit_averaging, probability_letter, \
    outcome_functions, variance_link_written
from .outcomes import outcome_count_named, outcome_distributions, outcome_letters, states_listed, summed_values
from .names import (
    DEFAULT_DIMENSION, as_relational, bare_name, context_names, doc_declarations, document_dimension, is_atomic,
    merged_declarations, model_parameters, names_in, one_symbol_per_name, opaque_probabilities, own_parameters,
    pinned_by, plain_context, probabilities_in, related_to, scalar_labels, subscript_labels, target_name, with_models,
)
from .units import CONVERSIONS, unit_on_one_side, without_units

OPS = {"==": "==", "<=": "<=", "<": "<", ">=": ">=", ">": ">", ":=": "=="}
"""Relation operators the prover checks (``:=`` only where it defines a function softsym knows,
``\\mathrm{softplus}(x) := …``: checked against softsym's reading); ``:=`` defines; the rest are skipped."""

SKIPPED = {"approx": "≈ is not an exact claim", "propto": "∝ hides a constant factor",
           "implies": "an implication: its conclusion is checked with its premise as a hypothesis"}


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
    variants: tuple[tuple[str, Problem], ...] = field(default=())  # also checked: "unpinned" (without the
    # values prose gave its names), "distinct" (two free indices i, j different), "sectioned" (without
    # the standing bounds of earlier sections), "stated" (an example's line at the values prose gave
    # earlier in its section: it may prove, never refute)
    pins: tuple[str, ...] = field(default=())       # those values ("x = 0"), as shown
    at_pins: bool = False                           # every name it speaks of has such a value (an example)
    elsewhere: tuple[str, ...] = field(default=())  # bounds from earlier sections ("0 < p < 1 (line 3)")
    example_values: tuple[str, ...] = field(default=())   # values prose gave earlier in the section ("stated")
    checks_of: tuple[str, int] | None = None   # "BCE(3, 0) = …": a check of a formula the text wrote with "=" (line)
    values_unique: bool = True                      # no name was given two values in the section
    pair: tuple[str, str] = ("", "")                # the two free indices of the "distinct" variant
    stated: tuple[tuple[str, str, int], ...] = field(default=())   # values the text gave names before it
    stated_here: tuple[tuple[str, str, int], ...] = field(default=())   # … of them, those its section gives
    links: tuple[tuple[str, str, int], ...] = field(default=())   # names prose tied to others in its paragraph
    derived: tuple[tuple[str, sp.Basic, int], ...] = field(default=())  # values the text derived for names before it
    # ("which gives $\alpha = \frac12\log\frac{1-\epsilon}{\epsilon}$") in its section: a point off them is doubted
    # before it ("with $E_1 = 0$ and $E_2 = \varepsilon$"): a counterexample that breaks one is no refutation
    one_way: bool = False           # the conclusion of an equivalence ⟺: checked under its premise only
    base_other: bool = False        # … and the text speaks of bits, dB or base 10, never of nats or the natural log
    base_open: bool = False         # it writes \log without a base, and the text has not said its logarithm is
    # the natural one: a refutation that another base (2, 10) undoes is doubted ("$H = \log 8 = 3$ bits")
    followups: tuple[tuple[str, Problem], ...] = field(default=())   # decided only when the verdict asks:
    # "plain" (without the hypotheses read from sentences that are no plain ones), when it is proved;
    # "above:x" / "below:x" (x > 0, x < 0, for a name whose sign the words nearby speak of), when refuted
    worded: tuple[str, ...] = field(default=())     # those hypotheses, with their lines and why ("x > 0 (line 3: …)")
    distributions: tuple[str, ...] = field(default=())   # families the words call distributions (entries in [0, 1])
    simplex_sizes: tuple[str, ...] = field(default=())   # the ends of the ranges the relation sums them over
    one_hot: tuple[str, ...] = field(default=())         # … of them, those the words call one-hot (entries 0 or 1)
    symmetric: tuple[tuple[str, int], ...] = field(default=())   # two-index families the words call symmetric
    # ("symmetric weights $w_{ij}$"), with the line: a counterexample with w[1, 2] ≠ w[2, 1] is doubted
    restricted: tuple[tuple[str, str], ...] = field(default=())   # names words near it restrict in ways not read
    # ("Let $k$ be an integer", "$x$ between 0 and 1"), each with the word
    listed: tuple[tuple[str, tuple[str, ...], int], ...] = field(default=())   # names the text lists the values
    # of ("$y \in \{0, 1\}$"), each with those values and the line: "values:y=0,…" follow-ups check it there
    unproved: str = ""      # why a proof is not reported (a function written alone that the words before
    # it may mean at another argument: "at $2\beta$ … $$\log Z = …$$")
    induction: tuple[str, int, int, str] | None = None   # a closed form of a recurrence: (the index, its
    # first value, the recurrence's line, its family); "at:t=N" and "step" follow-ups check it
    numbers_before: tuple[int, ...] = field(default=())   # whole numbers the text writes on its other lines (7 when
    # its words bound a size: "at most one hundred"): a size past the proved window beyond one of them may be one the
    # text bounds ("Our sequences have length at most $100$", before or after it, in any section)
    sizes: tuple[str, ...] = field(default=())      # names the text uses as sizes (ends of its sums) that
    # the relation holds: a counterexample that makes one no positive integer is not reported
    entry_values: tuple[tuple[str, tuple[str, ...], int], ...] = field(default=())   # "$y_k \in \{0, 1\}$":
    # each family's entries' listed values, and the line: a counterexample outside them is not reported
    assumed: tuple[tuple[sp.Basic, int], ...] = field(default=())   # inequalities the section assumed
    # before it in words ("Let … with $s_1 \ge \dots \ge s_r > 0$"), with their lines: a counterexample
    # that breaks one is not reported, whether or not the reading took it as a hypothesis
    signless: tuple[str, ...] = field(default=())   # parameters named by a Greek letter the text gives no sign
    whole: tuple[str, ...] = field(default=())    # of them, counts in words ("the number of channels $C$"): whole
    # or bound (a step size α, a Huber δ): a counterexample that makes one 0 or negative is looked for again
    # with each positive ("parameters"), and not reported if none is found there
    nearby: tuple[tuple[str, str], ...] = field(default=())   # those names, each with the sides the words
    # name ("-": "Now let $x$ be negative"), when only a counterexample contradicting them is doubted; "" always


# -- reading a document ----------------------------------------------------------------------------
_MOST_BROKEN = 12          # relations a reading may set aside after internal errors before the document fails


def read_document(path: str, text: str, options: DocOptions = DocOptions()) -> list[Reading]:
    """Every relation of the document, read in order (definitions accumulate as they appear).

    An internal error while one relation is read does not lose the document: that relation is
    reported as an ``error`` (with the exception) and the document is read again without it.

    Raises:
        UserError: the file kind is unknown or ``--symbols`` is malformed.
    """
    broken: dict[int, str] = {}
    while True:
        reading_at = [-1]
        try:
            return _read_document(path, text, options, broken, reading_at)
        except UserError:
            raise
        except Exception as exc:  # noqa: BLE001 - an internal error of one relation: that relation, not the document
            k = reading_at[0]
            if k < 0 or k in broken or len(broken) >= _MOST_BROKEN:
                raise
            broken[k] = f"{type(exc).__name__}: {exc}"[:300]


def _read_document(path: str, text: str, options: DocOptions, broken: dict[int, str],
                   reading_at: list[int]) -> list[Reading]:
    """:func:`read_document` with the relations set aside (``broken``: index → the internal error);
    ``reading_at[0]`` is the index of the relation being read (−1 outside the loop)."""
    from ..deadline import disarm_leftover
    from ..latex import Context, Unparsed, VectorValued, logarithms_written, parse_entry, parse_tex

    disarm_leftover()              # never inside a step: a deadline an interrupted cleanup left must not fire here
    blocks, declarations = find_math(text, kind_of(path))
    words_text = prose_text(text, kind_of(path))      # (comments and struck-out text state nothing)
    prose_lines = words_text.splitlines()
    macros = document_macros(text)
    maths = [expand(b.tex, macros) for b in blocks]
    listed_states = states_listed(prose_lines)          # "list the states as $x_1, \\dots, x_K$"
    outcomes = outcome_letters((b.tex for b in blocks), listed_states)
    named_distributions = distributions_named(prose_lines)
    draws = every_draw(blocks, prose_lines)             # "$X \sim \mathrm{Beta}(\alpha, \beta)$": its moments
    random_worded = random_in_words(" ".join(prose_lines)) if draws else frozenset()
    operator = averaging_operator(maths, outcomes)      # ⟨f⟩ := Σ_x p(x) f(x), written
    implicit_operator = False
    if operator is None:                                # ⟨E⟩ beside the one distribution p(x) := … / Z of the text
        operator = implicit_averaging(maths, outcomes, " ".join(prose_lines), named_distributions)
        implicit_operator = operator is not None        # (the text's one distribution: its whole text after it)
        named_distributions = {n: v for n, v in named_distributions.items() if probability_letter(n)}
    operator_line = next((b.line for b, tex in zip(blocks, maths) if operator and tex == operator[3]), 0)
    if operator and _BRACKET_WORDS.search(" ".join(prose_lines[operator_line:])):
        operator = None     # "From here on, $\langle \cdot \rangle$ denotes the uniform average": words redefine it
    averaged, variances = outcome_functions(maths, operator, named_distributions) if operator \
        else (frozenset(), frozenset())
    early_sections = section_starts(prose_lines)
    repeats: dict[int, int] = {}            # a block written again on its line: how many times before it
    seen: dict[tuple[int, str], int] = {}
    for b in blocks:
        repeats[id(b)] = seen.get((b.line, b.tex.strip()), 0)
        seen[(b.line, b.tex.strip())] = repeats[id(b)] + 1

    def averaged_side(side: str, r: Relation) -> str:       # (in the definition's section and its subsections;
        own = frozenset() if variance_link_written(r.lhs, r.rhs, variances) else variances   # not the link itself)
        return averages(side, operator, averaged, own) \
            if operator and r.line >= operator_line and (implicit_operator or in_scope(early_sections, operator_line, r.line)) \
            else side
    written_sides = [(r, [argument_gradients(angle_means(averaged_side(expand(side, macros), r))) for side in (r.lhs, r.rhs)])
                     for r in sorted([*relations(blocks), *definitions_in_words(prose_lines, blocks)],
                                     key=lambda r: (r.line, _column_on_line(prose_lines, r, repeats)))]
    found = [replace(r, **dict(zip(("lhs", "rhs"), without_units(*sides)))) for r, sides in written_sides]
    unit_dropped = {(r.line, r.tex) for r, sides in written_sides if unit_on_one_side(*sides)}
    # ("1.5\ \text{h} = 90": minutes on the bare side, perhaps — checked for a conversion once read)
    found, repairs = with_underscores_restored(found, " ".join(b.tex for b in blocks))
    chain_roles: dict[int, str | None] = {}   # the prose role each inline relation was read in (a chain's links share it)
    term_read: dict[int, list[str]] = {}    # how a relation's sides were read: the term of a defined sum, a
    # function written in a new name, the usual entropy of vectors

    def read_as(k: int, *notes: str) -> None:
        term_read.setdefault(k, []).extend(n for n in notes if n not in term_read[k])
    found = domains_in_words(prose_lines, [_as_worded(prose_lines, _point_free(rel, text), blocks) for rel in found])
    functions = {bare_name(name) for rel in found if (fd := function_definition(rel)) for name in [fd[0]]}
    named = _special_names(words_text, found, prose_lines)   # (not the words of comments)
    special_clash = _special_clash(text, found, prose_lines)     # B of its own in one section, the Beta function named too
    # ("ψ(n) = H_{n-1} − γ", "B(a, 1) = 1/a" where the words name ψ the digamma, B the Beta function: claims about them)
    functions -= {name for name in named if not any(
        rel.op == ":=" and (fd := function_definition(rel)) and bare_name(fd[0]) == name for rel in found)}
    definition_lines = [(bare_name(fd[0]), rel.line) for rel in found if (fd := function_definition(rel))]

    def written_definitions_near(name: str, line: int) -> int:
        """How many definitions of function ``name`` the section of ``line`` writes (another section's ℓ(λ) of
        another model is no other case of this one)."""
        return sum(1 for n, at in definition_lines if n == name and same_section(sections, min(at, line), max(at, line)))
    function_lines: dict[str, int] = {}                       # where each function is first defined
    for rel in found:
        if (fd := function_definition(rel)) is not None:
            function_lines.setdefault(bare_name(fd[0]), rel.line)
    late_functions: dict[str, int] = {}
    for name, line in function_lines.items():      # p_i used as a family before "p(T) = softmax(z/T)": p stays
        entry = written_as_entry(name)     # a family (the vector as a function of T is not read), not a function
        if (len(name) == 1 or name in GREEK) and any(r.line < line and entry.search(f"{r.lhs} {r.rhs}") for r in found):
            late_functions[name] = line    # before that line
    sigma_applied = any(_SIGMA_CALLED.search(r.lhs + " " + r.rhs) for r in found)   # σ(x) somewhere: the sigmoid
    sigma_valued = next((r.line for r in found if r.op in ("==", ":=") and "\\sigma" in (r.lhs.strip(), r.rhs.strip())
                         and re.fullmatch(r"\s*-?\d+(?:\.\d+)?\s*", r.rhs if r.lhs.strip() == "\\sigma" else r.lhs)),
                        None) if not any(bare_name(name) == "sigma" for name in function_lines) else None
    entry_functions = frozenset(bare_name(fd[0]) for rel in found if (fd := function_definition(rel))
                                and defines_an_entry(rel))
    own_versions = {name: line for name, line in function_lines.items() if name in OWN_VERSIONS
                    and any((name not in entry_functions or _THIS_SECTION.search(words)) and not _THROUGHOUT.search(words)
                            for r in found if r.line == line for words in [_words_into(prose_lines, r, blocks)])}
    # (the text's own σ or softmax — a ReLU "in this section" — is its own in its section only; a
    # σ(z)_i := … of its own, a softmax by another name, is the text's throughout)
    words = word_names(found)
    labels = labelled_names(found)
    one_hot = one_hot_families(words_text)
    unit_said = unit_vectors(words_text)
    matrix_defined: str | None = None         # what a relation of matrices left unread defines (its left side)
    numbers_on = [{int(x) for x in re.findall(r"(?<![\w.^_{])\d{1,7}(?![\w.])", line) if int(x) > 6}
                  for line in words_text.split("\n")]     # (whole numbers above the proved window, line by line)
    matrix_algebra = any("&" in m.group(2) for m in re.finditer(
        r"\\begin\s*\{\s*([pbvBV]?matrix|array)\s*\}(.*?)\\end\s*\{\s*\1\s*\}", words_text, re.S)) \
        or bool(_MATRICES_SAID.search(words_text))
    # (or the words call capitals matrices: "square matrices $A$ and $B$", "$A \in \mathbb{R}^{n \times n}$")
    # (a matrix of several columns written out: its capitals may be matrices, whose products do not commute)
    star_defined = next((r.line for r in found if (_DEFINING_OP.search(r.tex) or _STAR_OF_NAMES.fullmatch(r.lhs))
                         and bool(_STAR_OPERATOR.search(r.lhs)) != bool(_STAR_OPERATOR.search(r.rhs))), None)
    # (or "define the operation $a * b = a + b + ab$": an operation on two names, written out)
    own_norm, own_norm_how = next(((n, m.group(0).strip()) for n, line in enumerate(prose_lines, 1)
                                   for m in [_OTHER_NORM.search(line)] if m), (None, ""))
    own_norm, own_norm_how = next(((r.line, r.tex) for r in found if r.op in ("==", ":=") and _NORM_BARS.match(r.lhs)
                                   and _NORM_OF_NAME.fullmatch(r.lhs) and _NORM_FORMULA.search(r.rhs)),
                                  (own_norm, own_norm_how))
    # ("all distances here are Manhattan distances: $\|x\| = |x_1| + |x_2|$", "the Hamming distance", "the $L^2$
    # norm $\|f\|^2 = \int …$": norms of the text's own)
    # ("$\pi(1 - p) + (1 - \pi)p \equiv \pi * p$": the binary convolution, an operator of the text's own)
    symmetric_said = symmetric_families(words_text)
    one_hot_names: set[str] = set()                   # families the text calls one-hot, so far
    hot_constraints: list[sp.Basic] = []              # … what that says (Σ_k y_k = 1), and their definitions
    hot_definitions: list[Definition] = []
    hot_dropped = [text_line for text_line, line in enumerate(prose_lines, 1) if _ONE_HOT_DROPPED.search(line)]
    dropped_lines = frozenset(hot_dropped)
    classed: set[str] = set()                         # … at a true class the words name (not read which)
    chain_first: tuple[int, sp.Basic] = (-1, sp.Integer(0))   # the first side of the chain being read
    probability_named = probabilities_in_words(prose_lines)      # "Let $p$ be the probability of heads"
    families_restated = {name for name, count in Counter(
        m.group(1) for r in found if r.op in ("==", ":=")
        for m in [re.fullmatch(r"\s*\\?([A-Za-z]+)\s*_\s*\{?\s*[a-z]\s*\}?\s*", r.lhs)] if m).items() if count > 1}
    # (η_t given by two closed forms: neither is read as every η_t's from its start)
    memberships = sorted([(b.line, _unspaced(b.tex)) for b in blocks if not b.display and is_stated_range(_unspaced(b.tex))]
                         + [(b.line, _unspaced(b.tex).strip().rstrip(".,;").strip()) for b in blocks if b.display
                            and is_stated_range(_unspaced(b.tex).strip().rstrip(".,;").strip())
                            and not _MEMBERSHIP.match(_unspaced(b.tex).strip().rstrip(".,;").strip())]   # $$z \sim N(0, 1)$$
                         + ranges_in_words(prose_lines)         # "Let $a$ be a number in $(0, 1)$"
                         + [(b.line, ray) for b in blocks if not b.display
                            and (ray := positive_ray(_unspaced(b.tex))) and is_stated_range(ray)],   # x ∈ ℝ_{>0}
                         key=lambda m: m[0])      # ("$x \in (0,\,1)$", "\left(0, 1\right)": spacing and sizing dropped)
    finite_sets = sorted(((b.line, b.tex) for b in blocks if not b.display and finite_set(b.tex)),
                         key=lambda m: m[0])
    listed_values: dict[str, tuple[int, str]] = {}              # "t \in \{-1, +1\}": the values, the line
    entry_values: dict[str, tuple[tuple[str, ...], int]] = {}   # "y_k \in \{0, 1\}": a family's entries
    redrawn: list[tuple[sp.Basic, int]] = []                    # bounds a second draw of a name dropped
    member_cases: list[tuple[sp.Basic, int]] = []               # "For $a, b \in (0, 1)$, write …": a case's bounds
    approximated = frozenset(re.findall(r"(?:\\approx|≈|\\simeq)\s*(-?\d*\.\d+)", text))   # "p ≈ 0.14": a rounding
    other_base = other_base_spoken(text.splitlines())   # "bits", "base 10", \log_2: the words decide
    natural_spoken = bool(re.search(r"(?i)\bnats?\b|\bnatural\s+(?:log|logarithm)|\\ln(?![A-Za-z])|自然对数|\\log\s*_", text)) \
        and not re.search(r"(?i)\b(?:measured|expressed|quoted|given|reported|counted)\s+in\s+(?:bits|decibels|dB)\b|"
                          r"以比特(?:为单位|计)", text)      # ("All entropies below are measured in bits": log₂, nats or not;
    #                                                     a text that writes \log_2 where it means base 2: \log is natural)
    natural_at = natural_said(prose_lines)  # "$\log$ is the natural log", or a worked number showing it
    distributions = distributions_named(prose_lines)  # "p, q are two distributions": entries in [0, 1]
    closed_divergences = _own_divergence_is_standard(found, text.splitlines())   # KL(P ‖ Q) := Σ_x Q log(Q/P): not the usual one
    outcomes = outcome_letters((b.tex for b in blocks), listed_states)   # \sum_x p(x) log q(x): p(x) at x
    counted_by = outcome_count_named(prose_lines, outcomes & listed_states) if outcomes else None   # "over $K$ outcomes": the sums' end
    outcome_size = sp.Symbol(counted_by, integer=True, positive=True) if counted_by else None
    valued_sums = summed_values((b.tex for b in blocks), listed_states)     # \sum_x of an x the text uses as a number: not read
    varied: set[str] = set()                                    # names the text differentiates by (dH/dT): no counts
    pinned_through: dict[str, int] = {}                         # values set "for the derivations", by line
    outcome_listings = [(b.line, m.group(1)) for b in blocks if not b.display    # "$x \in \{0, 1\}$": an instance
                        for m in re.finditer(r"(?<![A-Za-z\\])([A-Za-z])\s*\\in\s*\\\{", b.tex) if m.group(1) in outcomes]
    for name in outcome_distributions((b.tex for b in blocks), outcomes):
        distributions.setdefault(name, (1, False, False))     # p(x), q(x): distributions over the outcomes
    worded = signs_in_words(prose_lines)              # "Let $p$ be a positive real number", by line
    local_worded = local_signs_in_words(prose_lines)  # "For nonnegative $x$ we have", by line
    families_anew = sorted((b.line, m.group(1).lstrip("\\")) for b in blocks if not b.display   # "Let $y_1, \dots,
                           for m in [_FAMILY_LISTED.search(b.tex)] if m is not None)              # y_n$ be …"
    labels_sets = sorted(((b.line, b.tex) for b in blocks if not b.display and LABEL_SET.match(b.tex)),
                         key=lambda m: m[0])
    dimension_of = partial(document_dimension, inferred=inferred_dimension(found))
    trailing, negated_after, both_ways_after = conditions_after(words_text, blocks, found)
    trailing_conditions = {c for cs in trailing.values() for c in cs}
    inferred = inferred_dimension(found)
    range_ends = sizes_written(found)
    counting_lines = [number for number, text in enumerate(prose_lines, 1)
                      if _COUNTED_IN_WORDS.search(text) or _SIZED_IN_WORDS.search(text) or _ANY_VECTOR.search(text)
                      or _RECOUNTED.search(text)]
    all_lengths, numbered_lengths = family_lengths(found, functions, doc_declarations(options.symbols)
                                                   if options.symbols.strip() else Domain(), declarations)
    lengths = all_lengths
    measures = measures_meant(" ".join(prose_lines), found, other_base_spoken(prose_lines))
    valued_letters = {m.group(1) for r in found for m in [re.fullmatch(
        r"\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?([A-Za-z])\s*\}?\s*(?:_\s*\{?\s*[A-Za-z0-9]\s*\}?)?\s*", r.lhs)] if m}
    # (letters some line gives a value or a definition: "For $u_k = 1/K$", "$p = (1/2, 1/4, 1/4)$")
    base = doc_declarations(options.symbols) if options.symbols.strip() else Domain()
    laplacian = bool(_LAPLACIAN.search(text))       # the Laplacian Δu: an operator, not read
    powers_iterate = bool(_POWERS_ITERATE.search(text)) or any(   # (or a relation that says so: f²(x) = f(f(x)))
        re.sub(r"\s+", "", r.rhs) == f"\\{m.group(1)}(\\{m.group(1)}({m.group(2)}))"
        for r in found for m in [re.fullmatch(r"\s*\\(\w+)\s*\^\s*\{?\s*2\s*\}?\s*\(\s*(\w+)\s*\)\s*", r.lhs)] if m)
    # ("powers of a function denote its iterates: $\tanh^2(x) := \tanh(\tanh(x))$")
    sigma_prime_named = any(not re.search(r"(?i)derivativ|slope|gradient|differentiat|导数", text[max(0, m.start() - 60):m.start()])
                            and (re.search(r"(?i)\b(?:writing|write|let|denote|call|and)\s*$", text[max(0, m.start() - 20):m.start()])
                                 or re.match(r"(?i)\s*(?:for\b|denotes?\b|stands?\s+for|be\b|is\s+(?:the|a|an)\s+"
                                             r"(?!derivative|slope|gradient))", text[m.end():m.end() + 40]))
                            for m in re.finditer(r"\$\s*\\sigma\s*'+\s*\$", text))
    # ("Writing $\sigma'$ for the standard deviation of the second sensor": σ' a name, no derivative)
    nabla_other = any(_NABLA_OTHER.search(blank_inline_math(s)) and "\\nabla" in s
                      or re.search(r"\$\s*\\nabla\s*\$", s) and re.search(r"(?i)respect\s+to|w\.\s*r\.\s*t|关于", s)
                      for s in sentences_in(text))
    # (or "Below, $\nabla$ is the gradient with respect to $x$": a variable in words, not read)
    # ("Here $\nabla$ denotes the backward difference operator": no gradient)
    phi_by_convention = "Phi" in named and not _normal_cdf_named(words_text)
    special = frozenset({"digamma"} if "psi" in named else ()) \
        | frozenset({"normal_cdf"} if "Phi" in named else ()) \
        | frozenset({f"normal_pdf:{letter}" for letter in ("varphi", "phi") if letter in named}) \
        | frozenset({"beta"} if "B" in named else ()) \
        | frozenset({"parts"} if _PARTS.search(text) else ()) \
        | frozenset({"Gamma_name"} if _GAMMA_ALONE.search(_GAMMA_ITSELF.sub(" ", text)) or _GAMMA_GIVEN.search(text)
                    or _GAMMA_FORMULA.search(_GAMMA_ITSELF.sub(" ", text)) and not _gamma_function_named(text)
                    or letter_named_otherwise(text, r"\\Gamma", _SPECIAL_WORDS) is not None else ())
    # ("ψ is the digamma function", "x_+ the positive part", "Let $\Gamma$ be the precision matrix": Γ(a + b) no value
    # of the gamma function)
    euler_gamma = _euler_gamma_named(text)             # "ψ(1) = −γ, with γ ≈ 0.5772 Euler's constant": the constant
    increments = not (laplacian or _DELTA_ITSELF.search(text))   # "\Delta := 2", "$\Delta$": Δx is Δ times x
    kinds_in_words = kinds_unread(prose_lines)
    unread_kinds = {name for name in kinds_in_words if len(name) == 1} - set(base.names()) - set(functions)
    called_real = sorted(({next(g for g in m.groups() if g) for m in _CALLED_REAL.finditer(text)}
                          | (unread_kinds - range_ends))
                         - set(base.names()) - set(functions))   # ("a positive integer or zero": no dimension)
    letter = inferred or DEFAULT_DIMENSION
    if letter not in range_ends | set(base.names()) | set(functions) | set(called_real) | _dimensions(text) \
            and named_as_quantity(prose_lines, letter):   # "Let $n$ be the refractive index": no dimension
        #                                                   (unless ℝ^n makes it one)
        called_real.append(letter)
    if called_real:                 # "for every real $n$", "$n \in \mathbb{R}$": n is no count nor dimension
        try:
            base = base.merged(doc_declarations(f"{' '.join(called_real)}: real"))
        except UserError:
            pass
    counted_loosely = sorted((unread_kinds & range_ends) - set(called_real))
    if counted_loosely:             # Σ_{k=1}^{n} with "n is a positive integer or zero": n = 0 is the empty sum
        try:
            base = base.merged(doc_declarations(f"{' '.join(counted_loosely)}: integer nonnegative"))
        except UserError:
            pass
    labelled = [name for name in [*subscript_labels(found, [b.tex for b in blocks]),
                                  *(name for name in scalar_labels([b.tex for b in blocks])
                                    if not any(r.op in ("==", ":=") and re.fullmatch(
                                        rf"\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{{\s*)?\\?{name.split('_')[0]}\s*\}}?\s*",
                                        r.lhs) for r in found))] if name not in base.names()
                and name.split("_")[0] not in set(base.names()) | set(functions)]
    if labelled:                    # m_x = 2x, m_y = y + 1: names of their own, not entries m[x], m[y]
        try:
            base = base.merged(doc_declarations(f"{' '.join(labelled)}: real"))
        except UserError:
            pass
    subscripted = set(re.findall(r"(?<![\\A-Za-z])([A-Za-z])\s*_", " ".join(b.tex for b in blocks)))
    counted = sorted(set(_COUNTED_IN_WORDS.findall(words_text)) | {a or b for a, b in _SIZED_IN_WORDS.findall(words_text)} | set(_NUMBER_OF.findall(words_text))
                     - set(base.names()) - set(functions) - subscripted)   # (not d of d_k: a family too)
    if counted:                     # "over $K$ classes", "$N$ samples", "$n$ 个类别": sizes, positive integers
        try:
            base = base.merged(doc_declarations(f"{' '.join(counted)}: integer positive"))
        except UserError:
            pass
    pending = sorted(declarations, key=lambda d: d.line)
    applied: list[str] = []
    domain = base
    family_said = _family_conditions(family_signs_in_words(prose_lines) + _counted_families(blocks)
                                     + _drawn_nonnegative(prose_lines) + _summed_counts(prose_lines), domain,
                                     functions)                     # "Let $p_k$ be
    # positive": every entry, by line; "Let $\gamma_i \in (0, 1)$ for all $i$": each bound of every entry too
    family_said = sorted(family_said + _family_ranges(memberships, domain, functions, prose_lines), key=lambda f: f[0])
    noun_said = nouns_in_words(prose_lines)       # "Let $v$ be the variance …", "$n$ is a power of two", by line
    family_said = sorted(family_said + _family_conditions(       # "$a_k$ is the accuracy of the k-th model": every entry
        [(line, name[:-2], kind if kind in ("count", "unit", "cosine", "open unit") else ">=")
         for line, name, kind, _ in noun_said
         if name.endswith("[]") and kind in ("count", "nonnegative", "unit", "cosine", "open unit")], domain, functions),
        key=lambda f: f[0])
    parameter_facts: list[tuple[int, sp.Basic]] = []    # a named distribution's parameter ranges, by line
    equals_defined: dict[str, int] = {}                 # functions defined with "=" in a display, by line
    solved_forms: dict[str, tuple[sp.Symbol, int]] = {}  # "3a = 12" solved for a: its left side as written → (a, line)
    definitions: list[Definition] = []
    used: set[str] = set()
    out: list[Reading] = []
    arrow_sides = sides_of_arrows(found) | {                           # "a < b < c ⟺ d < e": no claim alone,
        j for k, rel in enumerate(found) if rel.op == "implies" and rel.arrow == "implied"   # nor the sides of ⇐
        for j in (k - 1, k + 1) if 0 <= j < len(found) and found[j].op != "implies"}
    premise_of = {k + 1: k - 1 for k, rel in enumerate(found)
                  if rel.op == "implies" and k >= 1 and k + 1 < len(found) and found[k - 1].op != "implies"
                  and not {k - 1, k + 1} & arrow_sides}
    premises = set(premise_of.values())
    hypotheses: dict[int, sp.Basic | None] = {}      # a premise as a relational (None: unusable)
    constraints: list[sp.Basic | None] = []           # equations the text imposes (sum of p_i = 1)
    imposed_at: dict[sp.Basic, int] = {}               # where an equation in the text's words was imposed
    system_equations: set[sp.Basic] = set()            # … of them, the rows of a system of equations it solves
    superseded: set[sp.Basic] = set()                   # … of those, rows of a system a later one in its names replaced
    opaque_origins: dict[sp.Symbol, sp.Basic] = {}     # the expectation each opaque name stands for (E[X^k])
    system_valued: set[int] = set()                    # claims of a value the system leaves a name (V_A = 10)
    roots_checked: set[int] = set()                    # values the words solve for, read as the root claimed
    contradicted_on_line: set[tuple[int, str]] = set()  # bounds on one name a line gives both ways (A < 0, A > 0)
    unread: dict[str, int] = {}                       # name -> line of an unparsed line that may define it
    unread_inline: list[tuple[int, str]] = []         # unparsed inline relations (line, tex): maybe premises
    models: dict[str, tuple[tuple[sp.Symbol, ...], sp.Basic]] = {}   # P(y | λ) = …: parameters, value
    imposed: list[tuple[int, str]] = []               # "Setting $∂L/∂b = 0$": conditions imposed in prose
    lines = prose_lines
    conditions: list[tuple[int, sp.Basic | None]] = []  # inline conditions ("for $i = j$:") by line
    example_pins: list[tuple[int, sp.Basic]] = []         # the values "let/take/for example" gave, by line
    branches: set[str | None] = set()                     # names defined by cases, on ranges ("for 0 ≤ t ≤ t_w")
    branch_at: dict[str | None, list[int]] = {}          # … and the lines of their cases

    def branched(name: str | None, line: int) -> bool:
        """Whether ``name`` is defined by cases in the section of ``line`` ("Try $g(x) = \\sqrt x$" in a later
        section is a new g, not a third piece of the one written in two pieces before)."""
        return name in branches and any(same_section(sections, at, line) for at in branch_at.get(name, []))
    entry_vectors_at: dict[str, int] = {}                 # z = (z_1, z_2): the vector of its entries, where
    entry_vectors_span: dict[str, object] = {}            # … and their span
    noise_models: dict[sp.Basic, tuple[int, str]] = {}        # a data model with noise: its line, the name it models
    sides_written: list[tuple[int, int, str]] = []        # every equation's line, index and left side's name
    set_aside_at: dict[str, list[int]] = {}    # the lines where words set aside a definition or value of a name
    formula_aside_at: dict[str, list[int]] = {}    # … a formula (a definition) only
    previous: Relation | None = None
    vectors: dict[str, tuple[sp.Expr, sp.Expr] | None] = {}   # names the text made vectors, with their ranges
    families: set[str] = set()                                  # names written with an index so far
    zero_based = _written_from_zero("\n".join(prose_lines))
    letters: set[str] = {name for name in draws if re.fullmatch(r"[A-Za-z]", name)} | {
        b.tex.strip() for b in blocks if not b.display and re.fullmatch(r"\s*[A-DF-Za-ce-hj-z]\s*", b.tex)}
    # (never d: "$d$ features" beside \frac{d}{dz} would make dz a product d·z)
    # one-letter names read alone so far, drawn ("$Y \sim \mathcal{N}(…)$"), or written alone ("for any real $k$")
    matrices: set[str] = set()                                  # names the text made matrices
    two_index_at: dict[str, list[int]] = {}             # a_{ij}: a_{11} is the entry (1, 1) — where a is so written
    for r in found:
        for m in _TWO_LETTER_INDICES.finditer(f"{r.lhs} {r.rhs}"):
            if m.group(1) != "\\delta":
                two_index_at.setdefault(m.group(1).lstrip("\\"), []).append(r.line)
    random_names = frozenset(m.group("a") or m.group("b") or m.group("c") for m in _RANDOM_NAME.finditer(text))
    applied_names = frozenset(name for b in blocks for m in _APPLIED.finditer(b.tex)
                        for name in {m.group(1).lstrip("\\"), m.group(1)[-1] if m.group(1)[0] != "\\" else ""})
    # (f(x), x(1 - x), the y of xy(…): no new point x'; \theta( is θ's, never a's)
    index_ranges: dict[str, tuple[sp.Expr, sp.Expr]] = {}       # "i = 1, …, K": the range of the index i
    index_range_lines: dict[str, int] = {}                       # … and the line that gave it
    excluded_cases: list[tuple[sp.Basic, int]] = []              # "Unless $k = 0$": k ≠ 0, by line
    taken: list[tuple[sp.Basic, int]] = []                       # "Take $n_h = nW_h$": a choice of formula, by line
    bold_only: set[str] = set()                                 # vectors defined in bold (z is not \mathbf{z})
    recurrences: dict[str, int] = {}                            # m_t = β m_{t-1} + …: the family, its line
    rules_seen: set[str] = set()                                # families given a recurrence so far
    ruled_twice: set[str] = set()                               # … given two different ones (odd t, even t)
    recurrence_rules: dict[str, tuple[sp.Indexed, sp.Basic]] = {}   # the family: (m_t, β m_{t-1} + …)
    standing: dict[str, tuple] = {}                             # "temperature $T > 0$": T's bound from here on
    standing_line: dict[str, int] = {}                          # the line each standing bound was written on
    stated: dict[str, tuple[sp.Basic, int]] = {}                # values the text gave names (x = 1), by name
    previous_bound: dict[int, sp.Basic] = {}                    # "0 < p" of "0 < p < 1", by line
    examples: dict[str, int] = {}                               # vectors given numbers (an example), by line
    sections = section_starts(lines)
    setups = setup_sections(lines, sections)             # "## Setup": its assumptions hold throughout
    renamed = named_constants(found, blocks, set(base.names()) | {
        name for decl in declarations for name in _declared_names(decl.text)}, prose_lines)   # e = y − t, π ∈ (0, 1)
    named_as = named_vectors(found, renamed)                      # π = (0.2, 0.3, 0.5): a vector
    introduced = {**kinds_in_words, **restricted_where_introduced(prose_lines)}   # ("an integer multiple of $n$")
    declared_anywhere = set(doc_declarations(options.symbols).names() if options.symbols.strip() else ()) \
        | set(counted) | {name for decl in declarations for name in _declared_names(decl.text)}   # (not "for real $n$"
    # elsewhere: a sentence's integer n wins over that document-wide default there)
    typed_integers = [t for t in integers_in_words(prose_lines)       # "for all natural numbers $m > 0$"
                      if t.name not in declared_anywhere and t.name not in range_ends and t.name not in functions]
    typed_applied: list[str] = []
    sized_spaces = sorted([(b.line, name, size) for b in blocks
                           for name, size in _vectors_in_space(b.tex)]          # x ∈ ℝ^3: x runs over 1..3
                          + lengths_in_words(prose_lines), key=lambda t: t[0])  # "a 3-dimensional vector $x$"
    in_spaces = [(line, name) for line, name, _ in sized_spaces]                # x, y ∈ ℝ^n
    spaced: dict[str, int] = {}                                 # vectors whose length a membership gave: where
    last_use: dict[str, int] = {}                               # the line where each used name was last used
    first_use: dict[str, int] = {}                              # … and where it was first used
    defined_at: dict[str, list[int]] = {}                       # the lines where each name was defined

    local_spans: dict[tuple[int, sp.Basic], tuple[int, int]] = {}   # a sign in words: the columns it governs
    worded_doubts: dict[tuple[int, sp.Basic], str] = {}   # a condition read from prose: why its sentence is no
    standing_doubts: dict[str, str] = {}                  # plain one ("" if plain); the same for standing bounds
    released: dict[str, tuple[int, int]] = {}             # "let $p$ be any real number": line, column, by name
    unsigned: dict[str, int] = {}                         # the line that last set a name free of any sign
    every_signed: tuple[int, str, bool] | None = None     # "All variables are positive": line, sign, throughout
    entries_given_next = -1                               # the relation that gives a vector's entries values
    index_floor: dict[str, int] = {}                      # a family defined from an index on ("for k ≥ 1")
    branch_cases: list[tuple[sp.Basic, int]] = []         # a family's case definitions, as conditions
    disputed_own: dict[str, tuple[int, bool]] = {}        # σ/softmax the text defines its own way: line, everywhere
    disputed_at: dict[str, int] = {}                      # … the line of one defined "throughout" (from line 0)
    disputed_before: dict[str, int] = {}                  # … defined "throughout" on a line after some that use it
    given_again: dict[str, tuple[int, int]] = {}          # a name given a second distribution: its two lines
    for r in found:             # "$\sigma = \tanh$", "$\sigma(\cdot) = \max(0, \cdot)$", "$\mathrm{softplus} := g$":
        alone = _KNOWN_ALONE.fullmatch(r.lhs) if r.op in ("==", ":=") else None   # a function the text gives
        if alone and (re.fullmatch(r"\s*(?:\\(?:mathrm|operatorname)\s*\{\s*\w+\s*\}|\\[A-Za-z]+|[A-Za-z])\s*", r.rhs)
                      or "\\cdot" in r.rhs):                                      # another meaning, not read
            # (a function: \tanh, g, \max(0, \cdot) — not σ = 0.5 or σ = \sqrt{v}, a standard deviation)
            disputed_own.setdefault(alone.group("name") or "sigma", (r.line, True))
    for r in found:             # "Throughout this note, $\mathrm{softplus}(x) = \max(0, x)$" after lines that use it:
        known = _KNOWN_DEFINED.match(r.lhs) if r.op in ("==", ":=") else None     # the text's own from the start
        if known is not None and EVERYWHERE.search(_words_into(prose_lines, r, blocks)):
            try:
                plain = plain_context(domain, functions)
                sides = parse_tex(r.lhs, plain), parse_tex(r.rhs, plain)
            except Unparsed:
                continue
            if shown_different(*sides) or not proved_same(*sides):      # (after it, the reader reads it as it
                disputed_before.setdefault(known.group("name") or known.group("letter"), r.line)   # reads any)
    resized = _vectors_resized(lines)                    # z ∈ ℝ² and later z = (1, 0, 0): (lines, lengths)
    norm_named_at = norm_named_otherwise(prose_lines)     # "$\|\cdot\|$ is the $\ell_1$ norm": the text's own norm
    for naming in namings(prose_lines):
        # "σ denotes the softplus activation", "$\mathrm{softplus}$ denotes the ReLU": what speaks of it after (or,
        # "Above, …", before) is not softsym's — up to a formula of the text's own for it, which is read from its
        # line on (own_versions), not where it comes after the claim or stands in another section
        formula_at = function_lines.get(naming.name) if naming.name in OWN_VERSIONS else None
        if formula_at is not None and (formula_at <= naming.line or same_section(sections, naming.line, formula_at)):
            continue        # ("Throughout these notes $\sigma$ denotes the ReLU, $\sigma(x) = \max(0, x)$": the formula)
        at = 0 if naming.everywhere else naming.line - 1
        if at < disputed_own.get(naming.name, (at + 1,))[0]:        # (the earliest: a "σ := \tanh" further on is
            disputed_own[naming.name] = (at, True)                    # no reason to read σ before it)
            disputed_at[naming.name] = naming.line
    reassigned = sorted((number, m.start(), m.group("name").lstrip("\\"))     # "z \gets 2z": (line, column, name)
                        for number, line in enumerate(lines, 1) for m in _REASSIGNED.finditer(line))
    degrees_at = next((n for n, text_line in enumerate(prose_lines, 1) if _DEGREES.search(text_line)), 0)
    if any(_DEGREES.search(text_line) and re.search(r"(?i)\b(?:throughout|everywhere|all\s+angles|every\s+angle|"
                                                    r"in\s+(?:this|these)\s+notes?)\b", text_line)
           for text_line in prose_lines):
        degrees_at = 1          # ("Note: throughout this note, angles are measured in degrees", said after them)
    units_declared = [(n, units) for n, text_line in enumerate(prose_lines, 1)
                      for units in [_units_declared(text_line)] if units]

    def declared_units_at(line: int) -> set[str]:
        """The units the words declare for the values before ``line`` (in its section, or in the setup)."""
        return set().union(*(u for n, u in units_declared if n <= line
                             and (in_scope(sections, n, line) or in_preamble(sections, n))))
    # ("Durations below are in minutes and rates in tokens per second": the units of the values given after it)
    # ("Angles are measured in degrees throughout this note": sin 30 is sin(π/6) there)
    log_scoped = logarithm_bases_scoped(prose_lines)     # "log denotes the logarithm to base 2", by line, with how
    #                                                      far the words let it reach
    case_signed: tuple[int, str] | None = None            # "If all variables are positive, …": line, sign
    unused_conditions: list[tuple[int, str]] = []         # conditions in prose softsym could not use: line, tex
    placed_near: dict[str, tuple[int, str]] = {}          # a name the words place at ≈ a number: line, its interval
    unused_standing: list[tuple[int, str, frozenset]] = []  # … of them, those supposed from there on: and names
    live_cache: dict[int, list[tuple[int, sp.Basic | None]]] = {}

    def stand_if_chosen(rel: Relation, condition: sp.Basic | None) -> None:
        """"Let $k$ be such that $z_k = \\max_j z_j$": what the sentence chooses k by holds from here on."""
        chosen = introduced_by(lines, rel)
        if chosen is None or condition is None or isinstance(condition, bool) \
                or chosen.lstrip("\\") not in {x.name for x in condition.free_symbols}:
            return
        key = chosen.lstrip("\\")
        standing[key] = (condition,)
        standing_line[key] = rel.line
        standing_doubts[key] = ""
    dimensions = _dimensions(text) - set(base.names()) - set(functions)
    by_role = _symbols_listed(sorted(positive_by_role(text) | counts_by_role(text) | _positive_in_examples(text)),
                              domain, functions)
    counted_by_role = _symbols_listed(sorted(counts_by_role(text)), domain, functions)
    # ("pays net odds $b$"; "CosFace with $m = 0.35$" and no other value of m: a refutation at m ≤ 0 is looked for
    # again with m positive)
    for letter in sorted(dimensions):
        try:                # q ∈ ℝ^d: d > 0 from the start (a bound a value or "any real d" ends, as any)
            dimension_name = parse_tex(letter, plain_context(domain, functions))
        except Unparsed:
            continue
        if isinstance(dimension_name, sp.Symbol):
            standing[dimension_name.name] = (sp.StrictGreaterThan(dimension_name, 0),)
            standing_line[dimension_name.name] = 0
            standing_doubts[dimension_name.name] = ""
    doubts_later: dict[str, tuple[int, int]] = {}               # a name written twice: its two lines
    up_front: set[str] = set()              # standing bounds assumed before the first heading ("Assume $x > 0$.")
    displayed_at: dict[str, list[int]] = {}                     # the lines of definitions in display math

    def setup_line(line: int) -> bool:
        """Whether ``line`` is in the text's setup (see :func:`in_preamble`), its words not keeping what they say to
        their section ("## Definitions … In this section only, assume $x > 0$")."""
        return in_preamble(sections, line, setups) and not (1 <= line <= len(lines)
                                                            and _THIS_SECTION.search(lines[line - 1]))

    def setup_holds(line: int, c: sp.Basic | None) -> bool:
        """Whether an assumption of the text's setup (before the first section: "$y_k \\ge 0$, $\\sum_k y_k
        = 1$", "温度 $T > 0$") still holds here, in a later section: not when the text has since put
        another condition on one of its names ("Suppose now that $x < 0$") or given one a new meaning."""
        if c is None or is_pin(c) or not setup_line(line):
            return False
        names = {x.name for x in c.free_symbols} | {str(e.base.label) for e in c.atoms(sp.Indexed)}
        later = [d for at, d in conditions if line < at <= rel.line and d is not None
                 and in_scope(sections, at, rel.line)]        # (not an example's value in a section since closed)
        if any(names & ({x.name for x in d.free_symbols} | {str(e.base.label) for e in d.atoms(sp.Indexed)})
               for d in later):
            return False
        return not any(line < at <= rel.line and name.split("_")[0].removesuffix("[]") in names
                       for name, at in renamed_at.items()) \
            and not any(line < at <= rel.line and name in names for at, name in renamed_words)

    def live_conditions() -> list[tuple[int, sp.Basic | None]]:
        """The conditions of the current section so far but the values the text has changed since
        ("x \\gets x - 2\\eta x"); once per relation (conditions of other sections govern nothing)."""
        if k not in live_cache:                     # k: the relation in hand (its object may be rebuilt)
            live_cache.clear()
            live_cache[k] = [(line, c) for line, c in conditions if (in_scope(sections, line, rel.line)
                                                                    or setup_holds(line, c))
                                   and not (c is not None and is_pin(c)
                                            and changed_since(out, c.lhs, line, lines, rel.line, rel.tex))]
        return live_cache[k]

    condition_columns: dict[tuple[int, sp.Basic], int] = {}     # an inline condition: where it is on its line

    columns_found: dict[int, int] = {}

    def column_of(index: int) -> int:
        """Where ``found[index]`` starts on its line (the n-th of the same text), or -1."""
        relation = found[index]
        if not 1 <= relation.line <= len(lines):
            return -1
        if index in columns_found:
            return columns_found[index]
        at, text = -1, relation.tex.strip()[:30]
        for _ in range(1 + sum(1 for r in found[:index] if r.line == relation.line and r.tex.strip()[:30] == text)):
            at = lines[relation.line - 1].find(text, at + 1)
        previous = index - 1 if index > 0 and found[index - 1].line == relation.line else -1
        after = column_of(previous) if previous >= 0 else -1
        whole = re.compile(r"(?<!\$)\$\s*(" + re.escape(relation.tex.strip()) + r")\s*\$(?!\$)")
        alone = whole.search(lines[relation.line - 1], max(0, after - 1) if after >= 0 else 0)
        if alone is not None and alone.start(1) > after:   # "$\ell(m) = 2m^2$ … $\ell(m) = 2m$": the inline
            at = alone.start(1)                             # math that is all of it, after the relation before
        elif 0 <= at <= after:      # "$r'(t) = 2t$. … $r'(t) = 2$": not inside the math of a relation before it
            later = lines[relation.line - 1].find(text, after + 1)
            at = later if later >= 0 else at
        columns_found[index] = at
        return at

    def assumed_of_defined(relational: sp.Basic | None) -> bool:
        """An inequality the words assume ("Assume $0 < k < n$") between a defined name and a number or
        a name: a standing bound on what the name is defined as (unfolded: a bound on k itself would
        bound nothing once k is unfolded), from here on.  Whether it was taken so."""
        if relational is None or getattr(relational, "rel_op", "") not in ("<", "<=", ">", ">=") \
                or in_display_math(rel, blocks):
            return False
        defined_now = {target_name(d.target) for d in definitions}
        keys = [key for key in (parameter_key(relational.lhs), parameter_key(relational.rhs)) if key in defined_now]
        if not keys or not assumed_in_words(lines, rel.line, column_of(k)):
            return False
        key, bound = keys[0], _unfolded_or_not(relational, definitions)
        standing[key] = (*standing[key], bound) if standing_line.get(key) == rel.line and key in standing \
            else (bound,)
        standing_line[key] = rel.line
        standing_doubts[key] = ""
        return True

    def add_condition(condition: sp.Basic | None, allow: str | tuple[str, ...] = "") -> None:
        if condition is sp.true:
            return                      # "t ∈ (0, ∞)": its bound t < ∞ says nothing
        if condition is sp.false:       # "Set $\theta_K := +\infty$" of a real θ: SymPy settles Eq(θ_K, ∞) as
            return                      # False — never a hypothesis (it would make every claim after it vacuous)
        conditions.append((rel.line, condition))
        if condition is not None and not in_display_math(rel, blocks):
            condition_columns[(rel.line, condition)] = column_of(k)
            doubt = unplain(lines, rel.line, column_of(k), allow)
            worded_doubts[(rel.line, condition)] = doubt and f"{rel.tex} (line {rel.line}: {doubt})"
        if rel.chained and condition is not None and is_pin(condition):   # "$m_0 = v_0 = 0$": m_0 is 0 too
            atoms = (sp.Symbol, sp.Indexed)
            for line, other in list(conditions):
                if line == rel.line and isinstance(other, sp.Eq) and isinstance(other.lhs, atoms) \
                        and other.rhs == condition.lhs and not is_pin(other):
                    pin = sp.Eq(other.lhs, condition.rhs)
                    if isinstance(pin, sp.Eq):
                        conditions.append((rel.line, pin))

    def use(names: set[str]) -> None:
        used.update(names)
        last_use.update(dict.fromkeys(names, rel.line))
        for name in names:
            first_use.setdefault(name, rel.line)

    def neither_unfolded(first: int, message: str) -> None:
        """A second body of the relation's function beside line ``first``: which one holds after it is the words'
        to say — neither is unfolded, and what rests on the name after it is doubted, not checked."""
        nonlocal definitions
        doubts_later[target_name(lhs)] = (first, rel.line)
        definitions = [d for d in definitions if not _same_kind(d.target, lhs)]
        out.append(Reading(rel, verdict="definition", lhs=shown_l, rhs=shown_r, message=message))
        use(names_in(lhs, rhs))
    def given_new_meaning(message: str) -> None:
        """The relation gives its left side a new meaning (the earlier definition stops unfolding; what uses the name
        after it is doubted): skipped, with ``message``."""
        nonlocal definitions
        definitions = _given_new_meaning(definitions, target_name(lhs), rel.line, renamed_at)
        out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r, message=message))
        use(names_in(lhs, rhs))
    guessed_defs: dict[str, int] = {}                   # names defined through a function written alone
    derived_defs: dict[str, int] = {}                   # names defined by a display the words conclude
    concluded_before = 0                                # (the previous relation's line if its words concluded)
    defs_before: list[Definition] = []                  # (the definitions before the previous relation)
    rooted: dict[str, int] = {}                         # m^2 = …: m read as the nonnegative root (a guess)
    domains: dict[str, tuple] = {}                      # f: (its parameters, the bounds on them, the line)
    assuming: dict[tuple[int, sp.Basic], bool] = {}     # whether the sentence of each condition assumes it
    bare_before, defined_count = 0, 0                   # (the previous relation's line if it had one)
    valued_in_prose: dict[str, tuple[int, str]] = {}    # a function with constants given a value in prose
    renamings = renamed_in_words(lines)                 # "From now on $s$ denotes …": (line, name, column)
    renamed_words = [(line, name.split("_")[0]) for line, name, _ in renamings]    # (all of them, kept)
    redrawn_by = [*((line, name.split("_")[0], column) for line, name, column in renamings),
                  *((line, name, column) for line, column, name in reassigned),   # … and the updates in math,
                  *replaced_in_words(lines)]                                       # or in words ("replace $X$ by …")
    renamed_at: dict[str, int] = {}                     # a defined name given another meaning in words: where
    described_at = _described_names(lines)              # "Let $x^*$ be the minimizer": the name, its line
    chosen_at: dict[str, tuple[int, int]] = {}          # "取 $v = c$ …，则 …": the choice's line, its paragraph's end
    solved_cases: set[sp.Basic] = set()                 # "$\beta h = 0.5$ gives": h = 0.5/β, a case like a value
    premised_claims: set[int] = set()                   # "Since $f''(x) = …$": derivatives stated as a step's premise

    def one_entry(c: sp.Basic, line: int) -> bool:
        """Whether ``c`` gives one entry at a free index a value (``q_i = 1`` of "state $i$ is absorbing") where
        the prover would read it for every index: only where the words say every entry ("uniform", "all", "each")."""
        return isinstance(c, sp.Eq) and any(
            isinstance(side, sp.Indexed) and any(not i.is_Integer for i in side.indices) and not other.has(sp.Indexed)
            and not other.free_symbols & set().union(*(i.free_symbols for i in side.indices))
            for side, other in ((c.lhs, c.rhs), (c.rhs, c.lhs))) \
            and 1 <= line <= len(lines) and not every_entry_said(lines[line - 1]) and any(
                re.search(rf"(?<![A-Za-z\\]){re.escape(str(e.base.label))}\s*_", lines[line - 1]) for e in c.atoms(sp.Indexed))
        # (written as an entry, "$q_i = 1$" — not a listed vector, "$z = (0, 0, 0)$", every entry's value)
    def system_changed(c: sp.Basic) -> bool:
        """Whether the words since a system's equation was imposed change the system ("Now raise the reward of $A$
        to $3$", "Suppose instead the discount is 0.9"): its rows no longer hold here."""
        start = imposed_at.get(c)
        if start is None or not 1 <= start <= len(lines):
            return False
        key = (start, reading_at[0])
        if key not in changed_between:      # (the words between are joined once per relation and start line)
            at = column_of(reading_at[0]) if found[reading_at[0]].line == rel.line else -1
            words = " ".join([*lines[start:rel.line - 1], lines[rel.line - 1][:at] if at >= 0 else lines[rel.line - 1]])
            changed_between[key] = bool(_SYSTEM_CHANGED.search(blank_inline_math(words)))
        return changed_between[key]
    changed_between: dict[tuple[int, int], bool] = {}
    split_chains: list[tuple[int, str, object]] = []   # inline chains whose first link is a condition (line, tex, block)
    derived_values: list[tuple[int, int, sp.Basic, sp.Basic]] = []   # claims that give a name a value (line, k, name,
    # value): "which gives $\alpha = …$" — a refutation after them at a point off them is doubted
    choices: dict[str, tuple] = {}                      # "Choose … so that $βε = \ln 3$": the name solved for →
    # (line, column, what stands for it, the equation's names, the noun chosen): until its section ends or the
    # words free one of its names, drop the choice or change what was chosen
    circular_at: dict[str, int] = {}                    # a name defined through itself (not unfolded): where
    last_values: dict[str, tuple] = {}                  # η_K := 0: the family's line, condition and text
    previous_definitions: list[Definition] = []
    sections_own: dict[str, int] = {}                   # η := logit μ of the Bernoulli section, not read in the next
    found[:] = [replace(r, column=column_of(n)) for n, r in enumerate(found)]   # (the n-th of a text written twice)
    system_rows = {k: names for k, names in _systems(found).items()     # rows of a display that solve for each
                   if not _COUNTERFACTUAL.search(blank_inline_math(lead_in(lines, found[k], blocks) or ""))}   # other's
    assignment_rows = {k for k in system_rows if _ASSIGNMENTS.search(lead_in(lines, found[k], blocks) or "")}   # names
    system_rows = {k: names for k, names in system_rows.items() if k not in assignment_rows}
    # (not "One pass of the loop performs the assignments $$t = a + b,\ a = b,\ b = t$$": done in order; nor
    # "Without discounting the values would have to solve $$…$$, which has no solution": a system supposed)
    for k, rel in enumerate(found):
        moments_read = False            # (set where the sides are read: a moment written out of a drawn name)
        reading_at[0] = k
        if k in broken:
            out.append(Reading(rel, verdict="error", message=f"softsym failed while reading this relation (an internal "
                                                             f"error, {broken[k]}): the rest of the document is read "
                                                             f"without it; please report it"))
            continue
        lengths = lengths_in_section(all_lengths, numbered_lengths, sections, rel.line, counting_lines)
        for name in [name for name, at in spaced.items() if recounted(at, rel.line, sections, counting_lines)]:
            vectors.pop(name, None)                     # x ∈ ℝ³, then "a vector with $n$ entries": not here
            del spaced[name]
        for name in [name for name, at in entry_vectors_at.items() if recounted(at, rel.line, sections, counting_lines)]:
            if vectors.get(name) == entry_vectors_span[name]:   # z = (z_1, z_2), then "now let z have three entries"
                vectors.pop(name, None)
            del entry_vectors_at[name]
        while sized_spaces and sized_spaces[0][0] <= rel.line:
            at, name, size = sized_spaces.pop(0)
            if entry_vectors_at.get(name, at) < at or examples.get(name, at) < at:   # z = (1, 2, 3), then "Let
                definitions = [d for d in definitions               # $z \in \mathbb{R}^n$ be arbitrary": not the
                               if not (isinstance(d.target, sp.Indexed) and str(d.target.base.label) == name)]  # example's z
                vectors.pop(name, None)
                entry_vectors_at.pop(name, None)
                examples.pop(name, None)
            if name in spaced or name not in vectors and size is not None:
                if size is None:                                # "Now let x ∈ ℝ^n": of any length again
                    vectors.pop(name, None)
                    spaced.pop(name, None)
                else:
                    vectors[name] = (sp.Integer(1), size)
                    spaced[name] = at
        while reassigned and (reassigned[0][0] < rel.line or reassigned[0][0] == rel.line and 1 <= rel.line <= len(lines)
                              and reassigned[0][1] < max(0, lines[rel.line - 1].find(rel.tex.strip()[:20]))):
            at, _, name = reassigned.pop(0)     # "z \gets z - 3", "w \leftarrow w/2": a defined name made another
            keys = {name, f"{name}[]"} & {target_name(d.target) for d in definitions}
            if keys:
                definitions = [d for d in definitions if target_name(d.target) not in keys]
                for key in keys:
                    unread[key] = at
        instances = [d for d in definitions if _instance_elsewhere(target_name(d.target) or "", first_use, defined_at,
                                                                   sections, setups, rel.line)]
        if instances:       # "For a single spin … $$Z = e^{βh} + e^{-βh}$$" of the Z of a general Gibbs distribution:
            definitions = [d for d in definitions if not any(d is x for x in instances)]   # that section's Z only
        sections_own.update({target_name(d.target): max((n for n in defined_at.get(target_name(d.target) or "", [])
                                                         if n <= rel.line), default=0) for d in instances})
        for name in [name for name in sections_own if name in {target_name(d.target) for d in definitions}]:
            del sections_own[name]      # defined again since
        definitions = _about_current_meanings(definitions, previous_definitions)
        previous_definitions = list(definitions)
        for line, name, column in [r for r in renamings if r[0] < rel.line or r[0] == rel.line
                                   and (column_of(k) < 0 or r[2] < column_of(k))]:
            renamings.remove((line, name, column))       # (on the relation's own line: only words before it)
            entry = re.sub(r"_(\w+)$", r"[\1]", name)          # s_1: the entry s[1]

            def about_it(d: Definition) -> bool:    # (E[X] := a/(a + b) of the X renamed: about the old X)
                return name in (target_name(d.target), sp.sstr(d.target)) or sp.sstr(d.target) == entry \
                    or target_name(d.target) == f"{name}[]" \
                    or re.fullmatch(rf"[^(]*\[_[^(]*\(.*(?<![A-Za-z_]){re.escape(name)}(?![A-Za-z_\[]).*\)", sp.sstr(d.target))
            if any(about_it(d) for d in definitions):
                dropped = [d for d in definitions if about_it(d)]
                definitions = [d for d in definitions if not any(d is x for x in dropped)]
                renamed_at[name] = line
                for d in dropped:           # g_i renamed: g_j, g_1 too (the family's every entry)
                    if target_name(d.target):
                        renamed_at.setdefault(target_name(d.target), line)
        if bare_before and len(definitions) > defined_count:   # F = -\log Z / (2\beta): F rests on the guess
            guessed_defs.update(dict.fromkeys((target_name(d.target) or sp.sstr(d.target)
                                               for d in definitions[defined_count:]), bare_before))
        kept_before = {id(d) for d in defs_before}
        for d in [d for d in definitions if id(d) not in kept_before]:   # "so the mean energy is $$⟨E⟩ = …$$" (a name defined
            if concluded_before and d.expr.free_symbols:   # again without such words is defined, no longer derived;
                derived_defs[target_name(d.target) or sp.sstr(d.target)] = concluded_before   # a closed value
            else:                                       # computed, v = (…)/3, is no derivation)
                derived_defs.pop(target_name(d.target) or sp.sstr(d.target), None)
        bare_before, defined_count, defs_before = 0, len(definitions), list(definitions)
        lead_words = lead_in(lines, rel, blocks) or ""
        concluded_before = rel.line if _CONCLUDING.match(lead_words) or re.fullmatch(
            r"\s*(?:所以|因此|于是|从而|故)\s*", re.split(r"[，；：。]", lead_words.rstrip(" ,，:："))[-1]) else 0
        # ("交叉项的期望为零，所以 $$…$$": the last clause concludes)
        used_before = set(used)                         # names earlier relations used
        if rel.chained and previous is not None:       # the left side is the previous right side
            rel = replace(rel, line=min(rel.line, previous.end_line))
        previous = found[k]
        named_here = {letter for letter, at in renamed.items()
                      if any(line <= rel.line and (in_scope(sections, line, rel.line) or setup_line(line)) for line in at)}
        # (a prior π named in the text's setup, before its first section, is the text's name in every section)
        if "pi" in renamed and "pi" not in named_here:
            vectors.pop("pi", None)     # π = (0.2, 0.3, 0.5) a section before: here π is the constant (π²/3)
        for letter in renamed:      # e, π: the text's names in the section that makes them so, constants elsewhere
            if (letter in named_here) != (named_as[letter] in applied):
                applied = [*applied, named_as[letter]] if letter in named_here \
                    else [a for a in applied if a != named_as[letter]]
                domain = merged_declarations(base, applied)
        typed_here = sorted({t.declaration for t in typed_integers
                             if integer_reaches(t, rel.line, lines, lambda a, b: in_scope(sections, a, b), rel.tex)})
        if typed_here != typed_applied:     # "for every integer $n \ge 3$, …": n an integer in that sentence
            kept = [a for a in applied if a not in typed_applied]
            try:
                domain, applied = merged_declarations(base, [*kept, *typed_here]), [*kept, *typed_here]
                typed_applied = typed_here
            except UserError:               # (a name the words make an integer twice, two ways: neither)
                domain, applied, typed_applied = merged_declarations(base, kept), kept, []
        while pending and pending[0].line <= rel.line:
            decl = pending.pop(0)
            try:
                domain = merged_declarations(base, [*applied, decl.text])
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
        if "pi" in named_here and CONSTANT_PI.search(f"{rel.lhs} {rel.rhs}"):
            out.append(Reading(rel, verdict="unparsed", message=f"π written the constant's way where line "
                                                               f"{renamed['pi'][0]} makes π a name of the text "
                                                               f"(π ∈ (0, 1), π ≈ 0.01): which one is meant?"))
            continue
        if own_norm is not None and _NORM_BARS.search(rel.tex):
            out.append(Reading(rel, verdict="unparsed", message=f"a norm of the text's own (line {own_norm}: "
                                                               f"{own_norm_how}), not read as the Euclidean norm"))
            continue
        if star_defined is not None and _STAR_OPERATOR.search(f"{rel.lhs} {rel.rhs}"):
            out.append(Reading(rel, verdict="unparsed", message=f"* is an operator the text defines (line "
                                                               f"{star_defined}: a \\equiv or := with a * b on one "
                                                               f"side), not read as multiplication"))
            continue
        curried = _CURRIED.search(f"{rel.lhs} {rel.rhs}")
        if curried is not None and not re.match(r"\\(?:sigma|exp|log|ln|tanh|sin|cos)\b", curried.group("name")):
            out.append(Reading(rel, verdict="unparsed", message=f"an operator's value applied again ({curried.group(0)}: "
                                                               f"B_n(f)(t), the function B_n makes of f, at t), which "
                                                               f"softsym does not read"))
            continue
        if "e" in named_here and EULER_POWER.search(f"{rel.lhs} {rel.rhs}"):
            out.append(Reading(rel, verdict="unparsed", message=f"e^… where line {renamed['e'][0]} names e (e = …): "
                                                               f"Euler's number or that e? — say which with a "
                                                               f"declaration or write \\exp"))
            continue
        scalar = scalar_range_name(found, k)
        if scalar is not None and not in_display_math(rel, blocks):
            vectors.pop(scalar, None)           # "Bernoulli(p) with $0 < p < 1$" after p = (p_1, …, p_K)
        approximate = rel.op == "approx" and rounding_written(rel.lhs, rel.rhs)
        if rel.disputed and _standard_as_written(rel, plain_context(domain, functions)):
            rel = replace(rel, disputed=False)      # "Define $\mathrm{softmax}(z)_i = e^{z_i}/\sum_j e^{z_j}$": the
            #                                         standard one, written out: the text's and softsym's agree
        if rel.disputed:                    # "In this note σ is the softplus, σ(x) = log(1 + e^x)"
            name = bare_name(function_definition(replace(rel, op=":="))[0])
            disputed_own[name] = (rel.line, bool(_THROUGHOUT.search(_words_into(prose_lines, rel, blocks))))
            out.append(Reading(rel, verdict="undecided",
                               message=f"the words define the text's own {name} by a formula softsym would check as "
                                       f"the standard {name}: which of the two the lines after it mean is not decided"))
            continue
        if rel.op in SKIPPED and not approximate:
            out.append(Reading(rel, verdict="skipped", message=SKIPPED[rel.op]))
            continue
        if not in_display_math(rel, blocks) and rel.line in sections \
                and NOT_A_CASE.search(re.sub(r"\$[^$]*\$", " ", lines[rel.line - 1])):
            out.append(Reading(rel, verdict="skipped", message="written in a heading that sets it aside "
                                                               "(\"Dropping $x > 0$\"): neither a claim nor a case"))
            continue
        if rel.after_arrow:
            out.append(Reading(rel, verdict="skipped", message="written after an arrow (what something turns "
                                                               "into or maps to), not a claim"))
            continue
        while local_worded and local_worded[0][0] <= rel.line:   # "For nonnegative $x$ we have $$…$$"
            sign_line, name_tex, sign, start, end, doubt = local_worded.pop(0)
            try:
                named = parse_tex(name_tex, plain_context(domain, functions))
            except Unparsed:
                continue
            if isinstance(named, sp.Symbol) \
                    and as_relational(sign, named, sp.Integer(0)) not in (sp.true, sp.false):
                conditions.append((sign_line, as_relational(sign, named, sp.Integer(0))))
                local_spans[(sign_line, conditions[-1][1])] = (start, end)
                worded_doubts[conditions[-1]] = doubt and f"{conditions[-1][1]} (line {sign_line}: {doubt})"
        for name, (at, column, held, names, noun) in list(choices.items()):
            if standing.get(name) != held:
                choices.pop(name)
            elif not same_section(sections, at, rel.line) or choice_ended(
                    lines, at, column, rel.line, 0 if in_display_math(rel, blocks) else column_of(k), names, noun):
                standing.pop(name)                          # ("As $\beta$ varies", "We drop that choice", "Now heat
                choices.pop(name)                           # the system", the next section)
        while worded and worded[0][0] <= rel.line:         # "Let $p$ be a positive real number": from here on
            sign_line, name_tex, sign, doubt = worded.pop(0)
            if name_tex == "*case":                         # "If all variables are positive, $$…$$"
                case_signed = (sign_line, sign)
                continue
            if name_tex.startswith("*"):                    # "All variables are positive": every name from here
                every_signed = (sign_line, sign, name_tex == "*") if sign else None   # (on, or in its section
                continue                                    # only); "We now drop this assumption": none
            try:
                named = parse_tex(name_tex, plain_context(domain, functions))
            except Unparsed:
                continue
            if isinstance(named, sp.Indexed):
                if sign is None:                            # "Now let $c_1$ be any real number" after $c_1 > 0$,
                    standing.pop(sp.sstr(named), None)      # "$\alpha_t$ … any real number" after "… in (0, 1)"
                elif not doubt:                             # "Let $c_1$ be a positive number": that entry's sign
                    standing[sp.sstr(named)] = (as_relational(sign, named, sp.Integer(0)),)
                    standing_line[sp.sstr(named)] = sign_line
                    standing_doubts[sp.sstr(named)] = ""
                continue
            if isinstance(named, sp.Symbol) and name_tex.lstrip("\\") not in functions:
                if sign is None:                            # "Now let $p$ be any real number"
                    ranged = _range_in_words(lines, sign_line, name_tex, domain, functions)
                    if ranged:                              # "… any number in $(0, 1]$": that range
                        standing[named.name] = ranged
                        standing_line[named.name] = sign_line
                        continue
                    standing.pop(named.name, None)
                    for key in [key for key, held in standing.items() if held and all(
                            isinstance(c, sp.Eq) and named in c.free_symbols for c in held)]:
                        standing.pop(key)       # ("β is arbitrary again" ends "choose … so that βε = ln 3")
                    unsigned[named.name] = sign_line
                    if not doubt:                           # (a refutation at any p stands, see _word_checks)
                        released[named.name] = (sign_line, lines[sign_line - 1].rfind(f"${name_tex}$")
                                                if 1 <= sign_line <= len(lines) else -1)
                    continue
                standing[named.name] = (as_relational(sign, named, sp.Integer(0)),)
                standing_line[named.name] = sign_line
                standing_doubts[named.name] = doubt and f"{standing[named.name][0]} (line {sign_line}: {doubt})"
        while memberships and memberships[0][0] <= rel.line:   # "$p, q \in (0, 1)$": from here on
            member_line, member = memberships.pop(0)
            doubt = unplain(lines, member_line, lines[member_line - 1].find(member))
            drawn = not _MEMBERSHIP.match(member)
            if drawn and NOT_A_CASE.search(blank_inline_math(lines[member_line - 1][
                    :max(0, lines[member_line - 1].find(member))])):
                continue                        # "Unlike the model $z \sim \mathrm{Laplace}(0, 1)$ of chapter 2"

            def redraw(name: str) -> None:      # a second draw of a name: the first one's bounds (and the
                for c in standing.pop(name, ()):   # constraints on it) are dropped, and a counterexample that
                    redrawn.append((c, member_line))   # breaks them is not reported
                base = name.split("[")[0]
                for c in [c for c in constraints if c is not None and (
                        base in {x.name for x in c.free_symbols if isinstance(x, sp.Symbol)}
                        | {str(e.base.label) for e in c.atoms(sp.Indexed)})]:
                    constraints.remove(c)
                    redrawn.append((c, member_line))
            if after_a_display(lines, member_line, member) or a_case_of(lines, member_line, member):
                # "$$…$$ for $t \in [0, 1]$", "for $t \in [0, 1]$ we have $$…$$": that display's case
                for name, bound in membership_bounds(member, domain, functions):
                    if drawn:
                        redraw(name)            # "If instead $ε \sim \mathcal{N}(0, 1)$": another draw
                    for c in bound:
                        if c in (sp.true, sp.false):
                            continue            # "t ∈ (0, ∞)": its bound t < ∞ says nothing (False: no hypothesis)
                        conditions.append((member_line, c))
                        member_cases.append((c, member_line))     # (doubts later relations of the section)
                        condition_columns[(member_line, c)] = lines[member_line - 1].find(member)
                        worded_doubts[(member_line, c)] = doubt and f"{member} (line {member_line}: {doubt})"
                continue
            moved = drawn and _law_moved(lines[member_line - 1], member)
            for name, bound in membership_bounds(member, domain, functions):
                if moved and name.split("[")[0] in moved:
                    bound = ()              # "$X_i \sim \mathrm{Exp}(\lambda)$ shifted by $-5$": not the law's support
                if drawn and (name in standing and standing[name] != bound or not bound):
                    redraw(name)    # (any real: what was imposed on the name goes too;
                    # "$z \sim \mathcal{N}(0, 1)$" after "$z \sim \mathrm{Exp}(1)$")
                if not bound:
                    continue
                if drawn and re.search(r"(?i)geom", member) and bound[0].rhs.free_symbols:
                    # trials (1, 2, …) or failures (0, 1, …) before the first success: x ≥ 0 holds under
                    # both, and a counterexample below 1 is not reported
                    redrawn.append((sp.Le(1, bound[0].rhs), member_line))
                standing[name] = bound
                standing_line[name] = member_line
                standing_doubts[name] = doubt and f"{member} (line {member_line}: {doubt})"
        while finite_sets and finite_sets[0][0] <= rel.line:   # "a label $t \in \{-1, +1\}$"
            set_line, member = finite_sets.pop(0)
            names, items = finite_set(member)
            entries = {name: re.fullmatch(r"([A-Za-z]+)\s*_\s*\{?\s*[A-Za-z]\s*\}?", name) for name in names}
            for name, entry in entries.items():                 # "$y_k \in \{0, 1\}$": every entry of y
                numbers = _listed_numbers(items)
                if entry is not None and numbers:
                    entry_values[entry.group(1)] = (tuple(sp.sstr(v) for v in numbers), set_line)
            names = [name for name in names if entries[name] is None]
            listed_values.update(dict.fromkeys(names, (set_line, items)))
        while families_anew and families_anew[0][0] <= rel.line:   # "Let $y_1, \dots, y_n$ be i.i.d." after
            listed_at, family = families_anew.pop(0)                    # the example's "$y = (1, 0, 1)$": y is
            numbered = [d for d in definitions if target_name(d.target) in (family, f"{family}[]")   # a family of
                        and isinstance(d.target, sp.Indexed)                                        # n entries
                        and not (d.expr.free_symbols - set(d.target.indices))]                     # again
            if examples.get(family, listed_at) < listed_at or numbered and max(defined_at.get(f"{family}[]", [0])
                                                                                + defined_at.get(family, [0])) < listed_at:
                definitions = [d for d in definitions if target_name(d.target) not in (family, f"{family}[]")]
                examples.pop(family, None)
                vectors.pop(family, None)
        while labels_sets and labels_sets[0][0] <= rel.line:   # "a label $y \in \{1, \ldots, K\}$"
            _, member = labels_sets.pop(0)
            for name, lo, hi in label_set(member, domain):
                index_ranges[name] = (lo, hi)
                index_range_lines[name] = rel.line
        while hot_dropped and hot_dropped[0] <= rel.line:     # "Now drop the one-hot assumption", "soft labels"
            hot_dropped.pop(0)
            constraints = [c for c in constraints if not any(c is h for h in hot_constraints)]
            definitions = [d for d in definitions if not any(d is h for h in hot_definitions)]
            one_hot_names.clear()
        while unit_said and unit_said[0][0] <= rel.line:      # "Let $u$ be a unit vector": Σ_k u_k² = 1
            said_at, unit_name = unit_said.pop(0)               # (in its section, or everywhere said in the setup)
            constraints.append(unit_norm_given(unit_name, lengths, dimension_of(domain)))
            imposed_at[constraints[-1]] = said_at
        while one_hot and one_hot[0][0] <= rel.line:          # "a one-hot target $\mathbf{y}$": Σ_k y_k = 1
            said_at, family = one_hot.pop(0)
            if said_at in dropped_lines:                    # "drop the one-hot assumption: $y$ is any vector"
                continue
            one_hot_names.add(family)
            constraints.append(sums_to_one(family, lengths, dimension_of(domain)))
            hot_constraints.append(constraints[-1])
            hot = one_hot_class(words_text, said_at, family)
            if hot is None and names_a_true_class(words_text):
                classed.add(family)             # one-hot at a class the words name, which one not read
            if hot is not None and f"{family}[]" not in {target_name(d.target) for d in definitions}:
                # "若真实类别为 $c$，用 one-hot 向量 $y$ 表示": y_k is 1 at k = c and 0 elsewhere
                entry = sp.Symbol("k_onehot", integer=True)
                definitions.append(Definition(sp.IndexedBase(family, real=True)[entry],
                                              sp.KroneckerDelta(entry, sp.Symbol(hot, integer=True)),
                                              len(definitions) + 1))
                hot_definitions.append(definitions[-1])
                defined_at.setdefault(f"{family}[]", []).append(said_at)
        for freed_at, family, sign in family_said:            # "Now let $p_k$ be any real numbers": the
            key = f"{family}[]"                              # standing sign of every entry no longer holds
            if sign is None and key in standing and standing_line.get(key, rel.line) < freed_at <= rel.line:
                standing.pop(key)
        for key, since in list(pinned_through.items()):   # "Here $a$ is a general weight": the value set no longer
            spelled = _spelled(key)                                                                # holds
            if spelled and key in standing and (
                    _name_freed(lines, spelled, since, rel.line)
                    or re.search(r"(?i)\bin\s+this\s+(?:part|section|example)\b|本节|这一节",
                                 lines[since - 1] if 1 <= since <= len(lines) else "")
                    and not in_scope(sections, since, rel.line)):
                kept = tuple(c for c in standing[key] if not is_pin(c))      # (a ∈ (0, 1] said before stays)
                if kept:
                    standing[key] = kept
                else:
                    standing.pop(key)
                pinned_through.pop(key)
        for key in [key for key in standing if isinstance(key, str) and key.endswith("[]")]:
            since = standing_line.get(key, rel.line)
            if not (in_scope(sections, since, rel.line) or setup_line(since)
                    or _THROUGHOUT_WORDS.search(lines[since - 1] if 1 <= since <= len(lines) else "")) \
                    or _family_freed(lines, key[:-2], since, rel.line):
                standing.pop(key)          # "Now allow negative $p_k$", a later section: no longer every entry
        listed = listed_condition(rel, domain)
        if listed is not None:
            relationals, index_range = listed
            if index_range is not None:
                index_ranges[index_range[0]] = index_range[1:]
                index_range_lines[index_range[0]] = rel.line
                message = (f"the range of an index: {index_range[0]} is an integer from {index_range[1]} to "
                           f"{index_range[2]} in what follows")
            else:
                conditions.extend((rel.line, c) for c in relationals)
                doubt = "" if in_display_math(rel, blocks) else unplain(lines, rel.line, column_of(k))
                for c in relationals:                   # "a, b > 0": the parameters' signs, from here on
                    worded_doubts[(rel.line, c)] = doubt and f"{rel.tex} (line {rel.line}: {doubt})"
                    named = [x for x in c.free_symbols if isinstance(x, sp.Symbol)]
                    if len(named) == 1 and c.rel_op in ("<", "<=", ">", ">=") and not (c.lhs.free_symbols
                                                                                    and c.rhs.free_symbols):
                        standing[named[0].name] = (c,)
                        standing_line[named[0].name] = rel.line
                        standing_doubts[named[0].name] = worded_doubts[(rel.line, c)]
                message = "a condition on names (a, b > 0), not a claim; it holds from here on"
            out.append(Reading(rel, verdict="skipped", message=message))
            continue
        if k in trailing_conditions:
            try:                                     # a constraint ("when Σ_i y_i = 1") holds from here on
                lhs_c, rhs_c = parse_tex(rel.lhs, plain_context(domain, functions)),\
                    parse_tex(rel.rhs, plain_context(domain, functions))
                if is_constraint(rel, lhs_c, rhs_c, True) and not (
                        isinstance(lhs_c, (sp.Symbol, sp.Indexed)) and rhs_c.is_Number):
                    constraints.append(as_relational("==", lhs_c, rhs_c))   # (not "当 $n = 1$ 时": a case)
                    imposed_at.setdefault(constraints[-1], rel.line)
                owners = [found[j] for j, cs in trailing.items() if k in cs]
                if rel.op in ("<", "<=", ">", ">=") and any(
                        r.relation is o and r.verdict == "skipped" and r.message.startswith("a condition")
                        and not in_display_math(o, blocks) for o in owners for r in out[-6:]):
                    add_condition(as_relational(rel.op, lhs_c, rhs_c))   # "Let $z$ satisfy $z^2 - 1 = 0$ with $z > 0$":
                    #                                                     the supposition's own bound, as it holds
                parameter = parameter_bound(rel.op, lhs_c, rhs_c) or _parameter_of_definition(
                    rel, lhs_c, rhs_c, [found[j] for j, cs in trailing.items() if k in cs],
                    {id(r.relation) for r in out if r.verdict == "definition"})
                if parameter is not None:             # "… for $\mu > 0$": μ's bound from here on too
                    key = parameter[0]                # (both ends of "with $0 < \phi < 1$")
                    standing[key] = (*standing[key], parameter[1]) if standing_line.get(key) == rel.line \
                        and key in standing else (parameter[1],)
                    standing_line[parameter[0]] = rel.line
                    doubt = unplain(lines, rel.line, column_of(k))
                    standing_doubts[parameter[0]] = doubt and f"{rel.tex} (line {rel.line}: {doubt})"
            except Unparsed:
                pass
            out.append(Reading(rel, verdict="skipped", message="a condition of the display before it (\"… when "
                                                               "$…$\"), not a claim: a hypothesis there"))
            continue
        if k in arrow_sides:
            out.append(Reading(rel, verdict="skipped", message="a side of an implication or an equivalence written "
                                                               "as a chain (a < b < c ⟺ …): not a claim by itself"))
            continue
        if k in premise_of and hypotheses.get(premise_of[k], sp.true) is None:
            out.append(Reading(rel, verdict="skipped", message="the conclusion of an implication whose premise "
                                                               "could not be read"))
            continue
        dimension = document_dimension(domain, inferred)
        words_base = _log_base_here(log_scoped, lines, sections, rel, column_of(k))   # \log's base the words give
        spoken_base = any(line <= rel.line for line, *_ in log_scoped)   # … here, or a base said before at all
        def context_with(functions: set[str]) -> Context:
            return Context(names={**({"gamma": sp.EulerGamma} if euler_gamma else {}), **context_names(domain, functions)},
                           dimension=dimension, increments=increments,
                           laplacian=laplacian, special=special, nabla_other=nabla_other,
                           functions=frozenset(functions | {f"\\{f}" for f in functions}),
                           vectors={**{n: None for n in one_hot_names if n not in functions}, **vectors},
                           families=frozenset(families), words=words,
                           matrices=frozenset(matrices), bold_only=frozenset(bold_only), lengths=lengths,
                           parameters={f: ps for f, ps in function_parameters(found, rel.line).items()
                                       if f in functions}, labels=labels,
                           bare=frozenset(f for f in functions if function_lines.get(f, rel.line) < rel.line),
                           entry_functions=entry_functions | late_functions.keys(), range_ends=range_ends, letters=frozenset(letters),
                           zero_based=zero_based, paired=frozenset(name for name, at in two_index_at.items()   # (in its section: "Let $a_k = 2k$" later
                                            if any(same_section(sections, min(line, rel.line), max(line, rel.line))
                                                   or in_scope(sections, line, rel.line) for line in at)),
                           applied=applied_names, random=random_names, outcomes=outcomes, valued_sums=valued_sums,
                           outcome_size=dimension if outcome_size is not None and outcome_size.name == dimension.name
                           else outcome_size,
                           log_base=words_base or None)
        context = context_with(functions - {f for f, at in late_functions.items() if rel.line < at}
                               - {f for f, at in own_versions.items()
                                  if rel.line < at or not in_scope(sections, at, rel.line)})
        entry: Entry | None = None
        instance: sp.Basic | None = None                # n = 3 of "z = (1, 2, 3)" with z over 1..n
        remainder: tuple[str, str] | None = None        # "+ O(x^4)" ending a side: an expansion's remainder
        try:
            iterate = _iterate_superscript(f"{rel.lhs} {rel.rhs}")
            if iterate:             # θ^{t+1} = θ^t − η ∇L(θ^t): iterates, not powers
                raise Unparsed("a superscript that counts iterates as much as it raises a power (write θ_{t+1} or "
                               "θ^{(t+1)} for iterates)", iterate)
            paired, pairs = pair_sums(rel)
            if operator and (variance_unread := _variance_of(averaged - variances).search(f"{paired.lhs} {paired.rhs}")):
                raise Unparsed("a variance of what the text averages, which softsym reads only under weights the text "
                               "normalizes and says it is ⟨E²⟩ − ⟨E⟩² of", variance_unread.group(0))
            landau = [term if term is not None and term[1] not in functions else None
                      for term in (landau_term(paired.lhs), landau_term(paired.rhs))]   # (o(t) := tanh t: the text's o)
            if any(landau):
                kinds = {(term[1], re.sub(r"\s+", "", term[2])) for term in landau if term is not None}
                if len(kinds) > 1:
                    raise Unparsed("two different remainders O(…) on the two sides", paired.lhs)
                if landau[1] is None:       # "1 + x + O(x²) = 1 + x": a remainder the right side drops
                    raise Unparsed("a remainder O(…) on the left side only (the right side would drop it)", paired.lhs)
                remainder = next((term[1], term[2]) for term in landau if term is not None)
                paired = replace(paired, **{side: term[0] for side, term in zip(("lhs", "rhs"), landau) if term})
            for side in (paired.lhs, paired.rhs):      # (o(x) of a function o the text defines is its own)
                if (stray := LANDAU_ANYWHERE.search(side)) and stray.group("letter") not in functions:
                    raise Unparsed("a remainder O(…) that does not end a side (read only as its last term)",
                                   stray.group(0))
            if sigma_valued is not None and "sigma" not in domain.names() \
                    and (called := _SIGMA_CALLED.search(rel.lhs + " " + rel.rhs)):
                raise Unparsed(f"\\sigma given a number (line {sigma_valued}) and written before parentheses: "
                               f"the sigmoid, or σ times what follows?", called.group(0))
            iterate_power = _FUNCTION_POWER.search(rel.lhs + " " + rel.rhs) if powers_iterate else None
            if iterate_power:
                raise Unparsed("a power of a function where the text makes powers of functions their iterates "
                               "(tanh²(x) = tanh(tanh(x))?): not read", iterate_power.group(0))
            inverse = _SIGMA_INVERSE.search(rel.lhs + " " + rel.rhs) if sigma_applied else None
            if inverse and "sigma" not in domain.names():
                raise Unparsed("\\sigma^{-1} alone where the text applies σ as a function: its inverse function, or "
                               "1/σ?", inverse.group(0))
            both = sigma_applied and (_SIGMA_TIMES.search(rel.lhs) or _SIGMA_TIMES.search(rel.rhs))
            if both and "sigma" not in domain.names():
                raise Unparsed("\\sigma written before a factor without parentheses, where the text also applies "
                               "it, \\sigma(…): the sigmoid of what follows, or a name σ times it?", both.group(0))

            free = point_free(paired.lhs, paired.rhs, sigmoid=sigma_applied and sigma_valued is None
                              and "sigma" not in domain.names() and not sigma_prime_named)
            if free is not None:        # σ' = σ(1 − σ): a rule at every point, read at a fresh t
                paired = replace(paired, lhs=free[0], rhs=free[1])
                read_as(k, f"written point-free: read at every {free[2]}")
            alone = [vector_function_alone(side) for side in (paired.lhs, paired.rhs)]
            if any(alone) and len({a[1] for a in alone if a}) == 1:   # ∂LSE/∂x_i: the LSE of x
                paired = replace(paired, **{side: a[0] for side, a in zip(("lhs", "rhs"), alone) if a})
                read_as(k, f"LSE written alone above a derivative in an entry of {next(a[1] for a in alone if a)}: "
                           f"the LSE of that vector")

            def read(context: Context) -> tuple:
                try:
                    (lhs, _, left_guesses), (rhs, _, right_guesses) = (parse_entry(paired.lhs, context),
                                                                       parse_entry(paired.rhs, context))
                    return lhs, rhs, None, (*pairs, *left_guesses, *right_guesses)
                except VectorValued:
                    lhs, rhs, entry, guesses = read_entrywise(paired, context)
                    return lhs, rhs, entry, (*pairs, *guesses)
            try:
                with logarithms_written() as logarithms:
                    lhs, rhs, entry, guesses = read(context)
                    bare_before = rel.line if any(_BARE_GUESS.match(g) for g in guesses) else 0
            except Unparsed as exc:
                later = re.match(r"the function (\w+) without its argument", exc.reason)
                target = re.fullmatch(r"\s*\\?(?:mathbf\s*\{\s*)?([A-Za-z]+)\s*\}?\s*", rel.lhs)
                if later is not None and function_lines.get(later.group(1), 0) > rel.line:
                    context = context_with(functions - {later.group(1)})   # p the number, before p(w) is defined
                elif later is not None and function_lines.get(later.group(1)) == rel.line and any(
                        (fd := function_definition(r)) is not None and bare_name(fd[0]) == later.group(1)
                        for r in found[k + 1:] if r.line == rel.line):
                    # "$$p_i = e^{-βE_i}/Z, \qquad Z(β) = Σ_i e^{-βE_i}$$": Z at its own argument, a guess
                    context = replace(context, bare=context.bare | {later.group(1)})
                elif target is not None and "vectors of different lengths" in exc.reason \
                        and (instance_of_length(exc.reason, [c for line, c in conditions if line == rel.line])
                             or in_inline_math(rel, blocks)
                             and (instance := listed_length(exc.reason, lengths.get(target.group(1)))) is not None
                             or in_inline_math(rel, blocks) and re.search(r"\(1\.\.\d+ and 1\.\.\d+\)", exc.reason)
                             and re.fullmatch(r"\s*\\?(?:left\s*)?\(.*\)\s*", rel.rhs.strip(), re.S)):
                    # ("**Worked example 2.** $x = (0, 3, 1, 3)$" after example 1's $x = (10, 11, 12)$: the next
                    # example's vector, of its own length)
                    # "For $z = (1, 2, 3)$" after Σ_{i=1}^{n} e^{z_i}: an instance with n = 3
                    context = replace(context, lengths={n: span for n, span in lengths.items()
                                                        if n != target.group(1)},
                                      vectors={n: span for n, span in vectors.items() if n != target.group(1)})
                elif "vectors of different lengths" in exc.reason and (instance := next(
                        (c for _, c in _example_values_here(example_pins, sections, rel.line, [])
                         if instance_of_length(exc.reason, [c])), None)) is not None:
                    # "Take $n = 3$ with $\pi = (0.2, 0.3, 0.5)$" then "$α + G ≈ (…)$": the example's n
                    def at_instance(spans: dict) -> dict:
                        return {name: span if span is None else tuple(sp.sympify(b).subs(instance.lhs, instance.rhs)
                                                                      for b in span) for name, span in spans.items()}
                    context = replace(context, lengths=at_instance(context.lengths), vectors=at_instance(context.vectors))
                else:                 # "take $n = 3$, $z = (2, 1, 0)$" after Σ_{j=1}^n e^{z_j}: an instance
                    raise
                with logarithms_written() as logarithms:
                    lhs, rhs, entry, guesses = read(context)
            raw_lhs = lhs
            lhs, rhs = with_models(lhs, models, whole=False), with_models(rhs, models)
            (lhs, left_ranges), (rhs, right_ranges) = (_divergences_written_out(side, definitions, closed_divergences)
                                                       for side in (lhs, rhs))
            distribution_ranges = [*left_ranges, *(c for c in right_ranges if c not in left_ranges)]   # KL(P ‖ Q)
            moments_read = False
            if draws:                   # E[X], Var(X) of X ~ Beta(α, β): written out from the family's moments
                drawn_now = draws_here(draws, lambda d: d.line <= rel.line and (in_scope(sections, d.line, rel.line)
                                                                                or setup_line(d.line))
                                       and not any(name == d.name and at <= rel.line and (d.line < at or d.line == at
                                                   and column > _drawn_column(lines, d))
                                                   for at, name, column in redrawn_by))
                for side_name in ("lhs", "rhs"):
                    side = lhs if side_name == "lhs" else rhs
                    side, moment_ranges, moment_notes = moments_written_out(
                        side, drawn_now,
                        # ("From now on $X$ denotes $1 - X$", "we update $S \leftarrow S^2$": the draw no longer holds)
                        lambda t: parse_tex(t, context),
                        lambda e: unfold_keeping_variables(e, definitions), random_worded)
                    lhs, rhs = (side, rhs) if side_name == "lhs" else (lhs, side)
                    distribution_ranges += [c for c in moment_ranges if c not in distribution_ranges]
                    read_as(k, *moment_notes)
                    moments_read = moments_read or bool(moment_notes)   # (a claim about a moment: never a definition)
                moments_read = moments_read or statistic_of_a_draw(lhs, drawn_now, lambda t: parse_tex(t, context))
                # ("Integrating against the density, $$E[|Z|^k] = …$$" of Z ~ N(0, 1): not written out, still a claim)
            if measures and (has_measure(lhs) or has_measure(rhs)):    # H(q, p), KL(u ‖ p) of vectors: the usual sums
                spans = {**{n: span for n, span in vectors.items() if span is not None}, **lengths}
                for d in definitions:       # p_i := e^{z_i}/Σ_j e^{z_j} with z over 1..K: p over 1..K too
                    t = d.target
                    if isinstance(t, sp.Indexed) and len(t.indices) == 1 and str(t.base.label) not in spans:
                        through = {spans[str(e.base.label)] for e in d.expr.atoms(sp.Indexed)
                                   if e.indices == t.indices and str(e.base.label) in spans}
                        if len(through) == 1:
                            spans[str(t.base.label)] = through.pop()
                known = {(target_name(d.target) or "").removesuffix("[]") for d in definitions} \
                    | (set(named_distributions) - valued_letters)
                meant_here = {kind for kind, own_from in measures.items() if rel.line < own_from}
                (lhs, measured_left), (rhs, measured_right) = (measures_written_out(side, spans, meant_here, known)
                                                               for side in (lhs, rhs))
                read_as(k, *measured_left, *measured_right)
            lhs, rhs = (opaque_probabilities(moment_instances(side, definitions, opaque_origins), opaque_origins)
                        for side in (lhs, rhs))
            if matrix_algebra and (_matrix_algebra_in(lhs, rhs) or _CAPITALS_SIDE_BY_SIDE.search(rel.tex)):
                matrix_defined = target_name(lhs) if rel.op in ("==", ":=") else None
                # (what it defines is unread: doubted after; the written product too — P D P^{-1} is D to SymPy)
                raise Unparsed("a product or an inverse of capital letters in a text that works with matrices (a "
                               "matrix with several columns): matrix algebra is not read", rel.tex)
        except Unparsed as exc:
            if k in premises:
                hypotheses[k] = None
            continued = k > 0 and rel.chained and found[k - 1].line <= rel.line and found[k - 1].rhs == rel.lhs
            name = None if continued else matrix_defined or defined_by_unparsed(rel, context)   # (a chain's link:
            matrix_defined = None                                                     # its left side is
            # the link before's right side, no name it defines)
            counting = _COUNTING.fullmatch(rel.rhs)
            if name is not None and counting is not None and re.fullmatch(r"\s*[A-Za-z]\s*", rel.lhs):
                # "at step $t = 1, 2, \dots$": t counts up from 1 — a bound from here on, not a definition
                counter = sp.Symbol(name, real=True)
                standing[name] = (sp.Ge(counter, sp.Integer(int(counting.group(1)))),)
                standing_line[name] = rel.line
                standing_doubts[name] = ""
                out.append(Reading(rel, verdict="skipped", message=f"{name} counts up from {counting.group(1)} "
                                                                   f"(a condition from here on, not a claim)"))
                continue
            if name is not None and not (name == "psi" and special):  # ("$\psi := (\log\Gamma)'$ the digamma":
                unread[name] = rel.line                               # ψ is the digamma the words name)
            if not in_display_math(rel, blocks):
                unread_inline.append((rel.line, rel.tex))
            out.append(Reading(rel, verdict="unparsed", message=f"{exc.reason}: {exc.fragment}"))
            continue
        lhs, rhs = one_symbol_per_name(lhs, rhs)
        def pinned_now() -> dict[sp.Basic, sp.Basic]:
            return {v.lhs: v.rhs for _, v in live_conditions() if v is not None and is_pin(v) and v.rhs.is_number}
        tuple_values = _tuple_pins(rel, lambda t: parse_tex(t, context), pinned_now) \
            if rel.op == "==" and in_inline_math(rel, blocks) and not rel.chained else None
        if tuple_values and not any(target_name(c.lhs) in {target_name(d.target) for d in definitions}
                              or any(is_pin(v) and v.lhs == c.lhs for _, v in live_conditions() if v is not None)
                              for c in tuple_values) \
                and not _CHOSEN_TUPLE.search(_INLINE_MATH_RE.sub(" x ", _sentence_before(lines, rel))) \
                and not _RANGE_TUPLE.search(_INLINE_MATH_RE.sub(" x ", _sentence_before(lines, rel))):
            # "The minimiser is $(p, q) = (3, 1)$": values the words say the names have (found, solved, read off) —
            # neither a choice to go on from nor a claim softsym can check; what rests on them is doubted
            for c in tuple_values:
                unread.setdefault(target_name(c.lhs) or "", rel.line)
            out.append(Reading(rel, verdict="skipped", lhs=sp.sstr(lhs), rhs=sp.sstr(rhs),
                               message="values the words say several names have ((p, q) = (3, 1) found or solved): "
                                       "neither a claim softsym can check nor values it goes on from"))
            continue
        pins = _tuple_pins(rel, lambda t: parse_tex(t, context), pinned_now) \
            if rel.op == "==" and in_inline_math(rel, blocks) \
            and not rel.chained and not claimed_inline(lines, rel.line, column_of(k), within=True) \
            and not _ASSERTED_LEAD.search(_INLINE_MATH_RE.sub(" x ", _sentence_before(lines, rel))) \
            and (_CHOSEN_TUPLE.search(_INLINE_MATH_RE.sub(" x ", _sentence_before(lines, rel)))
                 or _RANGE_TUPLE.search(_INLINE_MATH_RE.sub(" x ", _sentence_before(lines, rel)))) else None
        if pins and any(target_name(c.lhs) in {target_name(d.target) for d in definitions}
                        or any(is_pin(v) and v.lhs == c.lhs for _, v in live_conditions() if v is not None)
                        for c in pins):
            pins = None             # ("define $g_1 = 2w$ … The gradient is $(g_1, g_2) = (3, 4)$": a claim about them)
        if pins:                    # "Take $(a, b) = (1, 2)$", "use uint8, $[q_{\min}, q_{\max}] = [0, 255]$": each name's
            for pin in pins:        # value, as "$a = 1$" would give it
                add_condition(pin)
            out.append(Reading(rel, verdict="skipped", lhs=sp.sstr(lhs), rhs=sp.sstr(rhs),
                               message="values the text gives several names at once ((a, b) = (1, 2)), not a claim; "
                                       "they hold in what follows"))
            use(names_in(lhs, rhs))
            continue
        if k in assignment_rows:    # "Each Jacobi sweep replaces the old values by $$x = 1 + 0.5y,\ y = 2 + 0.5x$$"
            out.append(Reading(rel, verdict="skipped", lhs=sp.sstr(lhs), rhs=sp.sstr(rhs),
                               message="an update of a loop or a sweep (rows that assign in turn, each from the "
                                       "previous values): neither an equation to solve nor a definition"))
            use(names_in(lhs, rhs))
            continue
        if k in system_rows and not names_in(lhs, rhs) & {target_name(d.target) for d in definitions} \
                and _linear_in(lhs - rhs, system_rows[k]):
            # "$$V_A = 1 + 0.9 V_B, \quad V_B = 0.9(0.5 V_A + 0.5 V_B)$$": equations the text solves together
            constraints.append(as_relational("==", lhs, rhs))
            imposed_at[constraints[-1]] = rel.line      # (the same row in a later example's system: imposed there)
            superseded.update(c for c in system_equations if c.free_symbols & constraints[-1].free_symbols
                              and not any(system_rows[j] is system_rows[k] and imposed_at.get(c) == found[j].line
                                          for j in system_rows if j < k))   # (an earlier system in these names:
            superseded.discard(constraints[-1])                             # this one replaces it)
            system_equations.add(constraints[-1])
            out.append(Reading(rel, verdict="skipped", lhs=sp.sstr(lhs), rhs=sp.sstr(rhs),
                               message=f"an equation of a system the text solves ({', '.join(system_rows[k])} on "
                                       f"both sides of its rows): a hypothesis of the relations after it, not a claim"))
            use(names_in(lhs, rhs))
            continue
        if rel.op in ("==", ":="):      # "记逆温度 $β := 1/T$，于是 $Z(β) = Σ_x e^{-βE(x)}$": Z written in β (and
            renamed_left = []           # "F := -T \log Z" after Z(β) was written: Z, not Z at T = β)
            if rel.op == "==":
                lhs, renamed_left = written_in_new_name(lhs, definitions)
            rhs, renamed_right = written_in_new_name(rhs, definitions)
            read_as(k, *renamed_left, *renamed_right)
        if remainder is not None:           # log(1 + e^x) = log 2 + x/2 + x²/8 + O(x⁴): the series of the difference
            kind, arg_tex = remainder
            try:
                if rel.op != "==":
                    raise Unparsed("a remainder O(…) in a relation other than =", arg_tex)
                arg = parse_tex(arg_tex, context)
                difference = unfold_keeping_variables(lhs - rhs, definitions)
                around = (lead_in(lines, rel, blocks, keep_math=True) or "") if in_display_math(rel, blocks) \
                    else _raw_sentence_before(lines, rel)     # (its own lead-in: "For large $n$,", or the
                if not says_where(around):                     # section's words before it: "Throughout, $x \to \infty$")
                    since = max([h for h in sections if h <= rel.line] + [rel.line - 9, 1])    # (its own section)
                    around = " ".join(lines[since - 1:rel.line]).replace(rel.tex.strip() or "\0", " ")
                verdict, message = judge(difference, arg, kind, around)
            except Unparsed as exc:
                verdict, message = "unparsed", f"{exc.reason}: {exc.fragment}"
            except Exception as exc:  # noqa: BLE001 - an expansion SymPy cannot take is not judged
                verdict, message = "undecided", f"the remainder {kind}({arg_tex}) could not be judged ({type(exc).__name__})"
            out.append(Reading(rel, verdict=verdict, lhs=_plain(lhs), rhs=f"{_plain(rhs)} + {kind}({arg_tex})",
                               message=message))
            use(names_in(lhs, rhs))
            continue
        if isinstance(rhs, Distribution) and isinstance(lhs, (sp.Symbol, sp.Indexed)) and rel.op in ("==", ":=") \
                and not rel.chained:
            # "Let $P = \mathrm{Ber}(p)$", "Now let $Q = \mathcal{N}(0, 1)$": P names that distribution from here on
            before = next((d for d in definitions if d.target == lhs and isinstance(d.expr, Distribution)), None)
            if before is not None and before.expr != rhs:   # "取 $q = \mathcal{N}(0,1)$，则 …" after q = N(μ₂, σ₂²): a
                given_again[sp.sstr(lhs)] = (max(defined_at.get(target_name(lhs) or sp.sstr(lhs), [0])), rel.line)
                #                         case, perhaps, for its paragraph: after it, which q is meant is not clear
            definitions = [d for d in definitions if d.target != lhs] + [Definition(lhs, rhs, len(definitions) + 1)]
            defined_at.setdefault(target_name(lhs) or sp.sstr(lhs), []).append(rel.line)
            parameter_facts.extend((rel.line, fact) for fact in parameter_ranges(rhs)   # "Let $P = \mathrm{Ber}(p)$":
                                   if len(fact.free_symbols) == 1)      # 0 < p < 1, a doubt in its section only
            out.append(Reading(rel, verdict="definition", lhs=_plain(lhs), rhs=_plain(rhs),
                               message=f"{_plain(lhs)} := {_plain(rhs)} (a distribution: compared in a KL divergence, "
                                       f"never a number)"))
            continue
        families |= {str(e.base.label) for e in sp.Tuple(lhs, rhs).atoms(sp.Indexed)}
        varied.update(v.name for d in sp.Tuple(lhs, rhs).atoms(sp.Derivative) for v, _ in d.variable_count
                      if isinstance(v, sp.Symbol) and not v.is_integer)
        letters |= {x.name for x in sp.Tuple(lhs, rhs).free_symbols if isinstance(x, sp.Symbol) and len(x.name) == 1}
        shown_l, shown_r = _plain(lhs), _plain(rhs)
        solved_next = not in_display_math(rel, blocks) and rel.op == "==" and not rel.chained \
            and len(names_in(lhs, rhs)) == 1 and not names_in(lhs, rhs) & {target_name(d.target) for d in definitions} \
            and k + 1 < len(found) and not found[k + 1].chained \
            and re.match(r"\s*" + re.escape(next(iter(names_in(lhs, rhs)))) + r"\s*=", found[k + 1].lhs + "=") is not None \
            and _SOLVED_NEXT.match(_rest_of_sentence(lines, rel, column_of(k)))
        # ("Equating the coefficients yields $-\tfrac16 = a - \tfrac{2}{3\pi}$, i.e. $$a = …$$": the equation for a)
        if not in_display_math(rel, blocks) and rel.op == "==" and not rel.chained and names_in(lhs, rhs) \
                and 1 <= rel.line <= len(lines) and column_of(k) > 0 \
                and (_SOLVING_BEFORE.search(lines[rel.line - 1][:column_of(k)].rstrip().rstrip("$").removesuffix("\\("))
                     or solved_next) \
                and as_relational(rel.op, lhs, rhs) not in (None, sp.true, sp.false):
            # "Calibrating means solving $\sigma(2/T) = 0.75$:": an equation the text solves — a case of what follows
            # it (not of the whole section: "The median solves $S(x) = 1/2$"), not a claim at an example's T = 1
            unknown = next(iter(sp.Tuple(lhs, rhs).free_symbols), None) if solved_next else None
            value = _one_value(sp.Eq(lhs, rhs), unknown) if isinstance(unknown, sp.Symbol) else None
            add_condition(sp.Eq(unknown, value) if value is not None else as_relational(rel.op, lhs, rhs))
            # (one value: the solution itself, so "i.e. $$a = …$$" is checked against it)
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="an equation the text solves (\"solving …\"): a condition of the display "
                                       "after it, not a claim"))
            use(names_in(lhs, rhs))
            continue
        if rel.op in ("==", ":=") and not rel.chained and isinstance(lhs, sp.Symbol) and isinstance(rhs, sp.Indexed) \
                and str(rhs.base.label) == lhs.name and not any(i.is_Integer for i in rhs.indices):
            # "Let $z = z_{1-\alpha/2}$ be the standard normal quantile": z is short for the subscripted name (a label,
            # not an entry of a family z), so "for 95% intervals $z = 1.96$" gives z its value
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message=f"notation: {shown_l} is short for {rel.rhs.strip()} (a label, not an entry of "
                                       f"a family {shown_l})"))
            use(names_in(lhs))
            continue
        if rel.op in ("<", "<=", ">", ">=") and in_inline_math(rel, blocks) \
                and _THRESHOLD_LEAD.search(_INLINE_MATH_RE.sub(" x ", _sentence_before(lines, rel)).rstrip(" $")):
            # "the usual 99% cut-off for $d = 2$ is $D_M^2 > -2\ln 0.01$": the region a rule flags, not a claim
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="the region a rule or a threshold picks out (\"the cut-off is …\"): neither a "
                                       "claim nor a condition"))
            continue
        if rel.op == "==" and not rel.chained and in_inline_math(rel, blocks) and isinstance(lhs, sp.Symbol) \
                and rhs.is_number and _OPTIMUM_AT.search(_INLINE_MATH_RE.sub(" x ", _sentence_before(lines, rel))):
            # "The loss $$L(q) = (q - 3)^2$$ is minimised at $q = 2$": where the words place the optimum — a claim about
            # L softsym does not check, never q's value for what follows
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="where the words place an optimum (\"minimised at …\"): neither a value of the "
                                       "name nor a claim softsym checks"))
            continue
        if rel.op == "==" and in_inline_math(rel, blocks) and 1 <= rel.line <= len(lines) \
                and not (k + 1 < len(found) and found[k + 1].chained and found[k + 1].block is rel.block) \
                and _NO_SOLUTION.match(_rest_of_sentence(lines, rel, column_of(k))):
            # "the score equation $\frac{d}{d\theta}\log L = -n/\theta = 0$ has no solution": an equation the text
            # says is never met — neither a claim nor a case
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="an equation the words say has no solution (\"… has no solution\"): neither a "
                                       "claim nor a case"))
            use(names_in(lhs, rhs))
            continue
        if rel.op in ("==", "<", "<=", ">", ">=") and in_inline_math(rel, blocks) \
                and (excluded_in_words(lines, rel) or set_aside(lines, rel)
                     or rel.chained and k > 0 and found[k - 1].block is rel.block
                     and (excluded_in_words(lines, found[k - 1]) or set_aside(lines, found[k - 1]))):
            # "Unless $2p = 1$, we have $$…$$", "Excluding the fair case $2p = 1$", "Unlike the case $x < 0$, …":
            # the case left out — never a value, a definition or a constraint; what the sentence goes on to is
            # checked in the other case (2p ≠ 1: a point at p = 1/2 is none)
            relational = as_relational(rel.op, lhs, rhs)
            raw = lines[rel.line - 1] if 1 <= rel.line <= len(lines) else ""
            close = raw.find("$", column_of(k) + 1) if column_of(k) >= 0 else -1
            joined = rel.chained or (k + 1 < len(found) and found[k + 1].chained and found[k + 1].block is rel.block) \
                or close >= 0 and re.match(r"(?i)\s*(?:and|or|,)\s*(?:\$(?!\$)|\\\()", raw[close + 1:]) is not None \
                or column_of(k) > 0 and re.search(r"(?i)(?:\$|\\\))\s*(?:and|or|,)\s*$", raw[:column_of(k)]) is not None
            alternatives = not rel.chained and (
                close >= 0 and re.match(r"(?i)\s*or\s*(?:\$|\\\()", raw[close + 1:]) is not None
                or column_of(k) > 0 and re.search(r"(?i)(?:\$|\\\))\s*,?\s*or\s*(?:\$|\\\()?$", raw[:column_of(k)]) is not None)
            # ("Unless $u > 1$ or $u < -1$": neither case — the negation of each is a hypothesis)
            if (set_aside(lines, rel) or alternatives and any(set_aside(lines, found[j]) for j in (k - 1, k)
                                                               if j >= 0)) \
                    and relational is not None and relational not in (sp.true, sp.false) \
                    and (not joined or alternatives):   # ("Unless $0 \le y \le 1$", "Unless $c > 0$ and $d > 0$": the
                add_condition(relational.negated, allow=(EXCEPTING, r"(?i)\bor\b") if alternatives else EXCEPTING)
                # (the other case of a conjunction is a disjunction — no hypothesis)
            if relational is not None and relational not in (sp.true, sp.false) and (not joined or alternatives):
                excluded_cases.append((relational.negated, rel.line))   # (a doubt on what its paragraph goes on to)
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a case the text excludes (\"unless …\", \"excluding …\", \"… is left to the "
                                       "reader\"): neither a claim nor a value; what follows is checked in the other "
                                       "case"))
            use(names_in(lhs, rhs))
            continue
        if rel.op == "==" and not rel.chained and in_inline_math(rel, blocks) and isinstance(lhs, sp.Symbol) \
                and names_in(rhs) and lhs not in rhs.free_symbols and lhs not in {d.target for d in definitions} \
                and any(isinstance(d.target, sp.core.function.AppliedUndef) and lhs in d.target.args
                        for d in definitions) \
                and _AT_A_POINT.search(_words_into(lines, rel, blocks).strip(" $")) \
                and not re.fullmatch(r"(?i)\W*(?:at|when|if|for)\W*", _sentence_before(lines, rel)) \
                and not _AT_THE_CASE.search(_rest_of_sentence(lines, rel, column_of(k))):
            # "Each unit has a single kink at $x = -b_j/w_j$" of f(x) := …: where, on f's axis, not what x is
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a point the words place something at (\"a kink at $x = -b/w$\"), on the axis of "
                                       "a function the text defined: neither a definition of the name nor a claim"))
            continue
        if approximate and not in_display_math(rel, blocks) and sp.Tuple(lhs, rhs).free_symbols \
                and any(pattern.search(_words_into(lines, rel, blocks).strip(" $")
                                       or (lines[rel.line - 2] if 2 <= rel.line <= len(lines) + 1 else ""))
                        for pattern in (_AT_A_POINT, _ROOT_IS)):
            # (math that opens its line: the words end the line before)
            near = _placed_near(lhs, rhs, rel.rhs if isinstance(lhs, sp.Symbol) else rel.lhs)
            if near is not None:     # "its minimum sits … at $x^* \approx -1.2785$": what speaks of x^* after it
                placed_near[near[0]] = (rel.line, f"{near[1]} (the point placed at line {rel.line})")   # is there
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a point the words place something at (\"has its maximum at $x \\approx 2.4$\"), "
                                       "not a claim"))
            continue
        if approximate:                    # log 2 ≈ 0.6931: a rounding, judged by the decimals written
            values = [c for c in conditions_for(rel, live_conditions(), blocks, lines, condition_columns) if is_pin(c)
                      and c.lhs not in (lhs, rhs)]     # (μ_2 ≈ … after "initialise μ_2 = 2": the new value)
            in_row, unread_row = row_condition(rel.condition, context, lhs, rhs)
            in_row = [c for c in in_row if is_pin(c)]
            values = [*in_row, *(c for c in values if c.lhs not in {v.lhs for v in in_row})]   # "τ = 0.5&: y ≈ (…)"
            values += [c for at, c in _example_values_here(example_pins, sections, rel.line, values)   # "Take $z =
                       if c.lhs not in (lhs, rhs)                          # (1, 2, 3)$" above (not μ_2 ≈ …: a new value,
                       and not changed_since(out, c.lhs, at, lines, rel.line, rel.tex)]  # nor one changed since)
            words_before = _words_into(lines, rel, blocks)
            in_regime = _IN_THE_LIMIT.search(words_before if not rel.display else
                                             lead_in(lines, rel, blocks, keep_math=True) or "") \
                or _REGIME_WORDS.search(re.sub(r"\$[^$]*\$", " MATH ", words_before))
            if in_regime:                   # "As $z \to 0$, $$σ(z) ≈ 1/2$$", "For large $z$, $e^{-z} ≈ 0$":
                values = []                 # a limit or a regime, not the worked example's value
            if 1 <= rel.end_line <= len(lines) and rel.tex:       # "$p_3 \approx 0.867$ at $z = (2, 4, 6)$": the
                line_text = lines[rel.end_line - 1]                 # point it is at follows it
                after = line_text[line_text.find(rel.tex.strip()[-15:]) + 15:] if rel.tex.strip()[-15:] in line_text else ""
                after = _SENTENCE_END.split(after)[0]
                later = set(re.findall(r"(?i)\b(?:at|for|with|when|where)\s+\$\s*\\?(?:mathbf\s*\{\s*)?([A-Za-z]+)\s*\}?\s*=",
                                       after))
                values = [c for c in values if not (isinstance(c.lhs, sp.Indexed) and str(c.lhs.base.label) in later
                                                    or isinstance(c.lhs, sp.Symbol) and c.lhs.name in later)]
            values = [c for c in values if not any(                 # "Now double every logit", "When all three
                _NEW_VALUES.search(re.sub(r"\$[^$]*\$", " MATH ", lines[n - 1]))     # logits are equal": the
                for n in range(max(1, _pinned_line(c, conditions, example_pins, rel.line)), rel.line)  # example
                if n <= len(lines))]               # changed in words (on the relation's own line: its own change)
            unread_row = " ".join([unread_row, *(r.relation.tex for r in out if r.relation.line == rel.line
                                                 and r.verdict == "unparsed")])   # ("z = (3, 2, 1)&:" read apart)
            row_names = {n.lstrip("\\") for n in re.findall(r"(?<![\\A-Za-z])[A-Za-z](?![A-Za-z])|\\[A-Za-z]+",
                                                          unread_row)}
            values = [c for c in values if not row_names & {    # "z = (3, 2, 1)&: p ≈ (…)": the row's own values,
                str(c.lhs.base.label) if isinstance(c.lhs, sp.Indexed) else sp.sstr(c.lhs)}]   # unread: not the example's
            try:
                sides = [with_values(unfold_keeping_variables(with_values(side, values), definitions), values)
                         for side in (lhs, rhs)]
                natural = natural_at is not None and natural_at <= rel.line \
                    or words_base == 0
                by_entry = entry is not None and entry.column is None and entry.span is not None \
                    and all(entry.index in side.free_symbols for side in sides) \
                    and not sp.Tuple(*sides).has(sp.Derivative, sp.Integral, sp.Limit, sp.Subs)  # softmax(z) ≈ (…)
                # (a derivative still unevaluated would be taken after the example's values went in: 0)
                # (not \log π ≈ (−1.6094, …) with π the constant: a side the same at every entry)
                from_zero = any(lo == 0 for side in sides for node in side.atoms(sp.Sum) for _, lo, _ in node.limits) \
                    or any(str(e.base.label) in context.zero_based for side in (lhs, rhs) for e in side.atoms(sp.Indexed))
                unplaced = by_entry and (from_zero and entry.span[0] != 0 or bool(_REORDERED.search(words_before)))
                # (p_k for k = 0, 1, 2 beside a list read from 1; "Sorted in decreasing order, p ≈ (…)": which entry
                # each number is, not read)

                def rounding(natural_log: bool) -> tuple[str, str] | None:
                    if unplaced:
                        return None
                    if by_entry:
                        return approximately_by_entry(*sides, entry.index, entry.span, rel.lhs, rel.rhs,
                                                      approximated, natural=natural_log,
                                                      valued=lambda e: with_values(e, values))
                    return approximately(*sides, rel.lhs, rhs_tex, approximated, natural=natural_log,
                                         whole=frozenset(sp.sstr(c.lhs) for c in values if isinstance(c.lhs, sp.Symbol)
                                                         and c.rhs.is_Integer and sp.sstr(c.lhs) not in approximated),
                                         upward=bool(_ROUNDED_UP.search(around_words)))
                rhs_tex = rel.rhs
                around_words = (_paragraph_before(lines, rel, column_of(k)) + " "
                                + _rest_of_sentence(lines, rel, column_of(k))) if in_inline_math(rel, blocks) \
                    else (lead_in(lines, rel, blocks) or "") + " " + words_after_display(lines, rel, blocks)
                # ("$\frac13 \approx 0.34$, rounded up to stay on the safe side": the words after it too)
                magnitude = _MAGNITUDE_AFTER.match(_rest_of_sentence(lines, rel, column_of(k))) \
                    if in_inline_math(rel, blocks) and re.fullmatch(r"\s*\d+(?:\.\d+)?\s*", rel.rhs) \
                    and not (k + 1 < len(found) and found[k + 1].chained and found[k + 1].block is rel.block) else None
                if magnitude is not None and not by_entry:   # "… \approx 2.1$M tokens": 2.1 million
                    power = _MAGNITUDES[magnitude.group(1).lower() if len(magnitude.group(1)) > 1
                                        else magnitude.group(1)]
                    rhs_tex = f"{rel.rhs.strip()} \\times 10^{{{power}}}"
                    sides = [sides[0], sides[1] * sp.Integer(10) ** power]
                judged = rounding(natural)
                if judged is not None and judged[0] == "refuted" and magnitude is not None and not by_entry \
                        and len(magnitude.group(1)) == 1:
                    power = _MAGNITUDES[magnitude.group(1)]    # "≈ 0.25$ M" of a concentration: M the molar unit?
                    sides, rhs_tex = [sides[0], sides[1] / sp.Integer(10) ** power], rel.rhs
                    bare = rounding(natural)
                    if bare is not None and bare[0] == "proved":
                        judged = ("undecided", f"{judged[1]}; but read without the magnitude it holds: the letter "
                                               f"{magnitude.group(1)} after it may be a unit (M molar, T tesla, G "
                                               f"gauss), not a power of ten")
                sentence_words = _sentence_before(lines, rel) + " " + _rest_of_sentence(lines, rel, column_of(k)) \
                    if in_inline_math(rel, blocks) else around_words
                if judged is not None and judged[0] in ("refuted", "proved") and _TOLERANCE.search(sentence_words):
                    judged = ("undecided", f"{judged[1]}; but the words give it a tolerance of their own (\"within "
                                           f"one standard error\", ±): not a rounding to the digits written")
                figures = _SIGNIFICANT.search(sentence_words)
                if judged is not None and judged[0] in ("refuted", "proved") and figures and not by_entry:
                    at_figures = _rounds_to_figures(sides, figures)      # "To four significant figures,
                    if at_figures is not None and (at_figures == (judged[0] == "proved")) is False:   # $e^{10}
                        judged = ("undecided", f"{judged[1]}; but the words say it is rounded to "   # \approx 22000$"
                                               f"{figures.group(1)} significant figures, and to them it "
                                               f"{'holds' if at_figures else 'does not hold'}")
                if judged is not None and judged[0] == "proved" and other_base and not natural_spoken \
                        and not natural and not by_entry \
                        and _BARE_LOG.search(rel.tex) and not spoken_base:
                    for base in (2, 10):      # "$\log 2 \approx 0.693$" in a text that measures in bits
                        swapped = [to_base(side, base) for side in sides]
                        other = approximately(*swapped, rel.lhs, rel.rhs, approximated, natural=True) \
                            if swapped != sides else None
                        if other is not None and other[0] != "proved":
                            judged = ("undecided", f"{judged[1]} with \\log the natural logarithm, but the text speaks "
                                                   f"of another base (bits, dB or base 10), and to base {base} it is "
                                                   f"{other[0]}: which base is meant is not read")
                            break
                if natural and judged is not None and judged[0] == "refuted" \
                        and (rounding(False) or ("",))[0] != "refuted":
                    judged = (judged[0], f"{judged[1]}; read to base 10 or 2 it would hold, but the text's \\log is "
                                         f"the natural logarithm (line {natural_at})")
                if (natural_at is None or natural_at > rel.line) and not other_base \
                        and natural_evidence(rel.lhs, rel.rhs) and natural_only(*sides, rel.lhs, rel.rhs, approximated) \
                        and not (not in_display_math(rel, blocks) and unplain(lines, rel.line, column_of(k))):
                    natural_at = rel.line       # "\log 0.25 \approx -1.386": holds only as the natural logarithm
            except Exception:  # noqa: BLE001 - a side that cannot be unfolded or evaluated is not judged
                judged = None
            verdict, message = judged if judged is not None else ("skipped", SKIPPED["approx"])
            for name, value in ((lhs, rhs), (rhs, lhs)):         # "p_1 ≈ 0.665": a value the example gave p_1
                if isinstance(name, (sp.Symbol, sp.Indexed)) and not value.free_symbols and not value.atoms(sp.Indexed):
                    stated.setdefault(sp.sstr(name), (value, rel.line))
            replaced = sorted({target_name(c.lhs) for c in values if mentioned(c.lhs, lhs, rhs)}
                              & {target_name(d.target) for d in definitions} - {None})
            tails = _tails_used(definitions, sp.Tuple(raw_lhs, lhs, rhs), out)
            if tails and verdict in ("proved", "refuted"):     # ("P(|Y| > 1) ≈ 0.736" of a tail the text derived)
                verdict, message = "undecided", f"{message}; but it rests on {tails[0][0]}, a probability the text " \
                                                f"derived (line {tails[0][1]}) and softsym does not check"
            if verdict == "refuted" and (rel.line, rel.tex) in unit_dropped and _converted(lhs, rhs, definitions):
                verdict, message = "skipped", "a conversion between units (one side in a unit, the other a factor " \
                                              "of it apart: 4.62 h ≈ 277 minutes), not a claim about the numbers"
            prefix = _prefix_apart(sides) if verdict == "refuted" and not by_entry else 0
            if verdict == "refuted" and not by_entry and not prefix and re.match(
                    r"\s*(?:\\[,;: ]|~)?\s*[KMGT]iB\b", _rest_of_sentence(lines, rel, column_of(k))
                    if in_inline_math(rel, blocks) else ""):
                prefix = _prefix_apart(sides, binary=True)      # (2^{32}/3 bytes ≈ 1.33 GiB: 2^{30} apart)
            if prefix and _UNIT_NEXT.match(_rest_of_sentence(lines, rel, column_of(k)) if in_inline_math(rel, blocks) else
                                           (lines[rel.end_line - 1] if 1 <= rel.end_line <= len(lines) else "")
                                           .split("$$")[-1].split("\\]")[-1]) \
                    or prefix and _UNIT_NEXT.search(rel.rhs):
                # "$2n^3/P \approx 0.44$ ms" with $P = 312$ TFLOP/s: 10⁹ apart, the prefixes of units the
                # arithmetic leaves out (T, m) — a conversion the text does not write, not a wrong number
                verdict, message = "undecided", f"{message}; but the sides are 10^{prefix} apart and a unit follows " \
                                                f"it: a unit prefix the arithmetic leaves out may be meant"
            elif verdict == "refuted" and not by_entry and _prefix_apart(sides, step=2) == -2 and re.match(
                    r"\s*(?:\\[,;: ]\s*)?(?:percent|per\s+cent|%)", _rest_of_sentence(lines, rel, column_of(k))
                    if in_inline_math(rel, blocks) else ""):
                verdict, message = "undecided", f"{message}; but a percent sign follows it (\\frac{{1}}{{3}} ≈ 33.3 " \
                                                f"percent): the right side is in hundredths"
            if verdict in ("proved", "refuted") and not by_entry:   # "$r = 20.5$ tokens per second … $t = 3$
                used_values = [c for c in values if mentioned(c.lhs, lhs, rhs)]   # minutes … $rt \approx 61.5$"
                after_here = _units_after(lines[rel.end_line - 1], _closing_column(lines, rel, column_of(k))) \
                    if in_inline_math(rel, blocks) and 1 <= rel.end_line <= len(lines) else set()
                own_here = {_UNIT_CANON[w.strip()] for w in re.findall(r"\\(?:text|mathrm|rm|mbox)\s*\{([^{}]*)\}",
                                                                       rel.tex) if w.strip() in _UNIT_CANON}
                mixed = _mixed_units(_units_of_pins(used_values, [*conditions, *example_pins], condition_columns, lines)
                                     + [after_here | own_here]
                                     + ([declared_units_at(rel.line)] if used_values or names_in(lhs, rhs) & {
                                         target_name(d.target) for d in definitions if d.expr.is_number} else []))
                # ("$5\,\text{km} \approx 3.11$ miles": a conversion the arithmetic does not make; units the words
                # declare for the values, "Durations below are in minutes and rates in tokens per second")
                if mixed:
                    verdict, message = "undecided", f"{message}; but the values it uses carry units ({mixed}) the " \
                                                    f"arithmetic does not convert"
            owned = next((name for name, (at, throughout) in disputed_own.items()
                          if at <= rel.line and (throughout or in_scope(sections, at, rel.line))
                          and not at < own_versions.get(name, 0) <= rel.line
                          and re.search(_OWN_VERSION_TEX[name], rel.tex)), None)
            if verdict in ("proved", "refuted") and owned:    # "In this note $\sigma(x) = \tanh(x)$ …": σ(1) ≈ 0.73
                verdict, message = "undecided", f"{message}; but it uses {owned}, which the text defines as its own " \
                                                f"(line {disputed_at.get(owned, disputed_own[owned][0])}, not read)"
            if verdict in ("proved", "refuted") and degrees_at and degrees_at <= rel.line \
                    and (_TRIG_OF_NUMBER.search(rel.tex) or sp.Tuple(*sides).has(*_TRIG_FUNCTIONS)):
                # (of a number, or of a name given one: θ = 30; or through a definition)
                verdict, message = "undecided", f"{message}; but the text measures angles in degrees (line " \
                                                f"{degrees_at}), and softsym reads them in radians"
            apart = next((d for d in reversed(definitions) if d.target == lhs and all(   # (closed, or made of such)
                              isinstance(x, sp.Symbol) and x.name in {target_name(e.target) for e in definitions}
                              for x in d.expr.free_symbols)
                          and target_name(lhs) and defined_at.get(target_name(lhs)) and not any(
                              in_scope(sections, line, rel.line) for line in defined_at[target_name(lhs)])), None)
            if verdict == "refuted" and apart is not None:   # "## Top-p … $$\tilde p_A \approx 0.665$$" after the
                verdict, message = "undecided", f"{message}; but it restates {target_name(lhs)}, given a value in " \
                                                f"another section (line {defined_at[target_name(lhs)][-1]}): in " \
                                                f"prose it may give it anew"     # top-k section's p̃_A := e²/(e² + e)
            if verdict == "refuted" and replaced:        # "take λ = 2" after λ = log 2: the example's λ
                verdict, message = "undecided", f"{message}; but it rests on values an example gives in prose to " \
                                                f"names the text defines in general ({', '.join(replaced)})"
            out.append(Reading(rel, verdict=verdict, lhs=shown_l, rhs=shown_r, message=message,
                               conventions=(PHI_CONVENTION,) if phi_by_convention and _PHI_ANYWHERE.search(rel.tex)
                               and verdict in ("proved", "refuted") else ()))
            continue
        if rel.op == "==" and not in_display_math(rel, blocks) and tight_at(lines, rel) \
                and (target_name(lhs) or "") in {target_name(d.target) or "" for d in definitions}:
            # "L ≥ H(y), with equality iff $p = y$": where an inequality is tight, not a definition of p
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="where an inequality is tight (\"with equality at …\"): neither a claim "
                                       "nor a case of what follows"))
            continue
        if entry is not None and entry.target is not None and lhs == rhs and rel.op in ("==", ":="):
            vectors[entry.target] = entry.span            # x = [x_0, …, x_3]: the vector of its entries
            entry_vectors_at[entry.target], entry_vectors_span[entry.target] = rel.line, entry.span
            if k + 1 < len(found) and found[k + 1].chained and found[k + 1].op == "==":
                entries_given_next = k + 1      # "η = (η_1, η_2) = (μ/σ², −1/(2σ²))": what the entries are
            out.append(Reading(rel, verdict="definition", lhs=shown_l, rhs=shown_r,
                               message=f"{entry.target} is the vector of its entries {shown_l} "
                                       f"({entry.describe(dimension)})"))
            continue
        standalone = not rel.chained and not (k + 1 < len(found) and found[k + 1].chained)
        pinned = set().union(*(pinned_by(d) for d in definitions if related_to(d, rhs))) if definitions else set()
        bare_names = [x.name if isinstance(x, sp.Symbol) else str(x.base.label) if isinstance(x, sp.Indexed)
                      and len(x.indices) == 1 and isinstance(x.indices[0], sp.Symbol) and not any(
                          str(x.indices[0]) in b.tex.split(str(x.base.label), 1)[-1][:6] for b in blocks
                          if b.line == rel.line and not b.display and b.tex.strip() == rel.tex.strip()) else None
                      for x in (lhs, rhs)]
        if in_inline_math(rel, blocks) and rel.op == "==" and not rel.chained and None not in bare_names \
                and bare_names[0] != bare_names[1] and (isinstance(lhs, sp.Indexed) or isinstance(rhs, sp.Indexed)) \
                and all(len(n) == 1 for n in bare_names) \
                and set(bare_names) <= {str(d.target.base.label) for d in definitions if isinstance(d.target, sp.Indexed)} \
                    | set(vectors) and not tight_at(lines, rel) and not negation_in(_raw_sentence_before(lines, rel)):
            # "At the minimiser $p = q$" of p := softmax(z) (read p_i) and q_i := …: entry by entry
            bases = {str(d.target.base.label): d.target.base for d in definitions if isinstance(d.target, sp.Indexed)}
            add_condition(sp.Eq(*(sp.Indexed(bases.get(n, sp.IndexedBase(n)), _EVERY) for n in bare_names)))
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a condition between two families (at p = q: entry by entry), not a claim; "
                                       "it holds in the display after it"))
            continue
        if in_inline_math(rel, blocks)\
                and rel.op == "=="\
                and isinstance(lhs, sp.Symbol) and isinstance(rhs, sp.Symbol) and lhs != rhs\
                and len(lhs.name) == len(rhs.name) == 1 \
                and not (lhs in {d.target for d in definitions} and _RENEWING.search(_clause_of_inline(lines, rel)))\
                and not (not lhs.is_integer and lhs.name not in used and rhs.name in used
                         and not any(d.target == lhs for d in definitions) and defining_cue(lines, rel)) \
                and not (_ASSERTED_LEAD.search(_INLINE_MATH_RE.sub(" x ", _sentence_before(lines, rel)))
                         and {lhs.name, rhs.name} <= {target_name(c.lhs) for line, c in live_conditions()
                                                      if c is not None and is_pin(c) and line <= rel.line
                                                      and in_scope(sections, line, rel.line)}):
            # "if $i = j$", "at $q = p$": a condition (not "Now $g = x$ instead" of a defined g: a new g, nor
            # "Let $a = \sqrt{x^2}$ and $b = x$" of an x the text used before: a name for x)
            families = {str(d.target.base.label) for d in definitions if isinstance(d.target, sp.Indexed)} \
                | set(vectors)
            if {lhs.name, rhs.name} <= families and not tight_at(lines, rel) \
                    and not negation_in(_raw_sentence_before(lines, rel)):   # (not "with equality only at $p = q$")
                # "令梯度为零得到 $p = q$" of p_k, q_k: entry by entry
                bases = {str(d.target.base.label): d.target.base for d in definitions
                         if isinstance(d.target, sp.Indexed)}
                add_condition(sp.Eq(*(sp.Indexed(bases.get(x.name, sp.IndexedBase(x.name)), _EVERY)
                                      for x in (lhs, rhs))))
            add_condition(as_relational(rel.op, lhs, rhs))
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a condition between two names (i = j, at q = p), not a claim; "
                                       "it holds in the display after it"))
            continue
        if in_inline_math(rel, blocks) and rel.op == "==" and _fixed_entry(lhs) and _fixed_entry(rhs) \
                and lhs.base == rhs.base and lhs != rhs and not rel.chained \
                and not any(isinstance(d.target, sp.Indexed) and d.target.base == lhs.base for d in definitions):
            # "With $s_{11} = s_{12}$ we get $$a_{11} = \frac12$$": two entries of one family made equal
            add_condition(as_relational(rel.op, lhs, rhs))
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a condition between two entries of one family (s_{11} = s_{12}), not a "
                                       "claim; it holds in the display after it"))
            continue
        if in_inline_math(rel, blocks) and rel.op == "==" and sp.Tuple(lhs, rhs).has(sp.Derivative, sp.Subs)\
                and imposed_in_prose(lines, rel):              # "Setting $∂L/∂b = 0$ gives …": solved
            imposed.append((rel.line, rel.tex))
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a condition the text imposes (setting a derivative to a value), not a "
                                       "claim; what its sentence derives from it is not refuted"))
            continue
        if in_display_math(rel, blocks) and rel.op == "==" and lhs.free_symbols | rhs.free_symbols \
                and not rel.chained and _equation_to_solve(lines, rel, blocks):
            # "The equation $$x^2 = 2x$$ has the two roots …", "方程 $$…$$ 的根为": an equation in the unknown
            imposed.append((rel.line, rel.tex))
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="an equation the words pose to be solved (\"the equation …\", \"… has the roots\"), "
                                       "not an identity; what its sentence derives from it is not refuted"))
            use(names_in(lhs, rhs))
            continue
        if in_display_math(rel, blocks) and rel.op == "==" and (lhs == 0 or rhs == 0) \
                and (lhs.free_symbols or rhs.free_symbols or sp.Tuple(lhs, rhs).atoms(sp.core.function.AppliedUndef)) \
                and imposed_display(lines, rel, blocks):
            # (σ(0) − 1 = 0 after "Setting …": nothing left to solve for, a claim)
            # "Setting the partial derivatives to zero, $$∂L/∂p_i = −log p_i − 1 + α − βE_i = 0$$": solved
            imposed.append((rel.line, rel.tex))
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a condition the text imposes (\"setting … to zero\" before the display), "
                                       "not a claim; what its sentence derives from it is not refuted"))
            continue
        if not rel.chained:
            chain_first = (k, lhs)
        start = k
        while start > 0 and found[start].chained:
            start -= 1
        if chain_first[0] == start and _names_the_result(rel, lhs, rhs, used_before, definitions, functions):
            # "$$\frac{\partial\,\mathrm{LSE}}{\partial x_j} = \frac{e^{x_j}}{\sum_i e^{x_i}} = p_j,$$": the chain ends
            # in a name first written there — it names what the chain computes, its first side (not its last
            # step, which may be the wrong one)
            definitions.append(Definition(rhs, chain_first[1], len(definitions) + 1))
            defined_at.setdefault(target_name(rhs) or "", []).append(rel.line)
            out.append(Reading(rel, verdict="definition", lhs=shown_r, rhs=sp.sstr(chain_first[1]),
                               message=f"{shown_r} := {sp.sstr(chain_first[1])} (the chain ends in a name first written "
                                       f"here: a name for what it computes)"))
            use(names_in(lhs, rhs))
            continue
        if in_inline_math(rel, blocks) and rel.op == "==" and rhs == 1 and isinstance(lhs, sp.Indexed) \
                and str(lhs.base.label) in one_hot_names and len(lhs.indices) == 1 \
                and f"{lhs.base.label}[]" not in {target_name(d.target) for d in definitions} \
                and isinstance(lhs.indices[0], sp.Symbol) and not lhs.indices[0].is_Number:
            # "a one-hot target $y$ (so $y_c = 1$ for the true class $c$)": y_k is 1 at k = c and 0 elsewhere
            entry = sp.Symbol("k_onehot", integer=True)
            definitions.append(Definition(lhs.base[entry], sp.KroneckerDelta(entry, lhs.indices[0]),
                                          len(definitions) + 1))
            defined_at.setdefault(target_name(lhs.base[entry]) or "", []).append(rel.line)
            out.append(Reading(rel, verdict="definition", lhs=shown_l, rhs=shown_r,
                               message=f"{lhs.base} is one-hot at {lhs.indices[0]}: {lhs.base}_k = 1 if k = "
                                       f"{lhs.indices[0]}, 0 otherwise"))
            use(names_in(lhs, rhs))
            continue
        if k in premises and rel.op in ("==", ":=") and target_name(lhs) is not None\
                and target_name(lhs) not in names_in(rhs) and names_in(rhs) and found[k + 1].arrow != "iff":
            standalone, pinned = True, set()      # "η = … ⇒ …": the premise defines η from here on (x = 2 does not)
        if k in premises and (not defines(rel, lhs, rhs, used, pinned, standalone) or not names_in(rhs)
                              or found[k + 1].arrow == "iff"):      # "x = 2 ⟹ x² = 4": x is 2 there only
            hypotheses[k] = as_relational(rel.op, lhs, rhs)
            if k not in premise_of:          # (x = 3 ⟹ x² = 4 ⟹ x⁴ = 16: the middle is a conclusion too)
                out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                                   message="the premise of an implication: the conclusion is checked under it"))
                continue
        inline = not in_display_math(rel, blocks)
        display = not inline
        if rel.op in ("==", ":=") and not rhs.is_number:     # (a value, "$y = 3$" of one sample, models nothing)
            sides_written.append((rel.line, k, target_name(lhs) or ""))
        aside = words_set_aside(lines, rel.line, column_of(k)) if inline and rel.op in ("==", ":=") and not rel.chained \
            and (isinstance(lhs, (sp.Symbol, sp.Indexed)) or isinstance(lhs, sp.core.function.AppliedUndef)
                 and not all(a.is_number for a in lhs.args)) else ""
        # ("A common mistake is to write $f(x) = x^3$", "Had we chosen $\eta = 2$ instead": a form the words set aside
        # — never the text's definition nor a value of its own; as a claim it is checked, and a mistake refuted)
        defined_names = {target_name(d.target) for d in definitions}
        bound_of_defined = (lhs.is_Number or rhs.is_Number) and bool(names_in(lhs, rhs) & defined_names)
        # "Then every entry is at most the largest one: $$p_j \le p_k$$": a display the text derives is
        # a claim, even between two names (a display with no such cue may be the case that follows)
        derived_display = display and not rel.chained and claimed_before(lines, rel, blocks) \
            and not _CASE_AFTER_CUE.search(_after_last_claim_cue(lead_in(lines, rel, blocks) or ""))
        if display and not rel.chained and not derived_display and _CONNECTIVE_ONLY.fullmatch(lead_in(lines, rel, blocks) or ""):
            before_it = max((j for j in range(k) if found[j].display is not False and found[j].block is not None
                             and found[j].block is not rel.block and found[j].end_line >= rel.line - 2), default=None)
            derived_display = before_it is not None and claimed_before(lines, found[before_it], blocks)
            # ("Then $$a + b = 5,$$ $$b < a,$$", "… and $$b < a,$$": the second display goes on with what the first claims)
        claimed_of_defined = display and not rel.chained and rel.op in ("<", "<=", ">", ">=") \
            and bool(names_in(lhs, rhs) & defined_names) and not conditioned(lead_in(lines, rel, blocks))
        # "Then $$m \ge a.$$ And $$m \le a.$$" of m := max(a, b): no word makes it a case: a claim about m
        against_standing = display and not rel.chained and _breaks_standing(as_relational(rel.op, lhs, rhs), standing)
        claimed_here = inline and target_name(lhs) in defined_names and (
            claimed_inline(lines, rel.line, column_of(k)) or claimed_inline(lines, rel.line, column_of(k), within=True)
            and _rests_only_on(lhs, definitions, {target_name(c.lhs) for c in conditions_for(
                rel, live_conditions(), blocks, lines, condition_columns) if is_pin(c)} - {target_name(lhs)}))
        # ("For the counts 1, 4, 1 we get $t = 6$" of t := Σ c_i, the counts given in words: t's value, not a claim)
        # ("Therefore $\bar x = 2$" of x̄ := Σ x_i / n: a claim about x̄; "所以 $\hat\lambda = 2$": a value given)
        # ("$\alpha_t$ is any number in $(0, 1)$ … $$\alpha_t \ge 1$$": no case it could be: a claim, false)
        if (rel.line, rel.tex) in unit_dropped and _converted(lhs, rhs, definitions):
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a conversion between units (one side in a unit, the other a factor of it "
                                       "apart: 1.5 h = 90 minutes), not a claim about the numbers"))
            use(names_in(lhs, rhs))
            continue
        root = _root_checked(lines, rel, found, k, lhs, rhs, context, definitions) \
            if inline and rel.op == "==" else None
        if root is not None:    # "so $f'(θ) = 2θ − 6$. Setting this to zero gives $θ = 2$": the root claimed, checked
            lhs, rhs = root                                 # (2·2 − 6 = 0, false: neither a value nor a case after it)
            roots_checked.add(k)
            read_as(k, f"the expression the words set to zero, at {shown_l} = {shown_r}")
        if rel.op == "==" and is_constraint(rel, lhs, rhs, standalone) and (
                display and _ANOTHER_OBJECT.search(lead_in(lines, rel, blocks) or "")
                and not _DERIVED_LEAD.search(lead_in(lines, rel, blocks) or "")
                or inline and len(names_in(lhs, rhs)) >= 2
                and (_IMPOSING.search(_INLINE_MATH_RE.sub(" x ", _sentence_before(lines, rel)))
                     or _ANOTHER_CASE.search(_INLINE_MATH_RE.sub(" x ", _sentence_before(lines, rel))))
                and not re.search(r"(?i)\b(?:therefore|thus|hence|consequently|follows|must|necessarily)\b"
                                  if _ANOTHER_CASE.search(_INLINE_MATH_RE.sub(" x ", _sentence_before(lines, rel))) else
                                  r"(?i)\b(?:therefore|thus|hence|so|consequently|then|also|still|again|follows|"
                                  r"must|necessarily)\b", _INLINE_MATH_RE.sub(" x ", _sentence_before(lines, rel)))
                and _inconsistent_with([c for c in constraints if c is not None and same_section(
                    sections, imposed_at.get(c, rel.line), rel.line)], as_relational("==", lhs, rhs),
                    nonlinear=bool(_ANOTHER_CASE.search(_INLINE_MATH_RE.sub(" x ", _sentence_before(lines, rel)))
                                   or re.search(r"(?i)\b(?:satisf|obey|fulfil)", _sentence_before(lines, rel))))):
            # ("The large model satisfies $a + b = 10$ …" after the small model's $a + b = 4$, $a - b = 2$: equations
            # no value meets together — another model's)
            # "The second layer, separately, needs $$a + b = 10$$ …" after the first layer's $$a + b = 4$$: the
            # constraints imposed before on its names belong to another case
            names_here = names_in(lhs, rhs)
            constraints = [c for c in constraints if c is None or not names_in(c) & names_here]
        if rel.op in ("==", "<", "<=", ">", ">=") and k not in system_rows and constraints \
                and not (inline and (example_cue(lines, rel) or defining_cue(lines, rel))) \
                and _settled_by_system(lhs, rhs, [c for c in constraints if c is not None
                                                  and in_scope(sections, imposed_at.get(c, rel.line), rel.line)
                                                  and same_section(sections, imposed_at.get(c, rel.line), rel.line)
                                                  and not (c in system_equations and (
                                                      system_changed(c) or c in superseded))]):
            system_valued.add(k)    # "Solving the two equations gives $V_A = 10$", "so the total is $$V_A + V_B = 7$$"
            #                         (and "We know $$x + y = 10, \quad x - y = 2.$$ Solving gives $x = 7$"):
            #                         names the system of equations settles — a claim (checked under the system,
            #                         true or false), not a definition, nor a value or a constraint to go on from
        elif rel.op == "==" and isinstance(lhs, sp.Symbol) and rhs.is_number and not rel.chained and any(
                isinstance(c, sp.Eq) and (not is_pin(c) or c in solved_cases) and c.free_symbols == {lhs}
                and line <= rel.line
                and (_one_value(c, lhs) is not None or _off_its_roots(c, lhs, rhs))
                for line, c in [*live_conditions(), *((imposed_at.get(c, 0), c) for c in constraints if c is not None
                                                      and in_scope(sections, imposed_at.get(c, rel.line), rel.line))]):
            system_valued.add(k)    # "Suppose $3x = 12$. Then $x = 5$": the value the supposition settles, a claim
        elif inline and rel.op in ("==", "<", "<=", ">", ">=") and not is_pin(as_relational(rel.op, lhs, rhs)) \
                and names_in(lhs, rhs) and _ASSERTED_LEAD.search(_INLINE_MATH_RE.sub(" x ", _sentence_before(lines, rel))) \
                and names_in(lhs, rhs) <= {target_name(c.lhs) for line, c in live_conditions()
                                           if c is not None and is_pin(c) and line <= rel.line
                                           and in_scope(sections, line, rel.line)}:
            system_valued.add(k)    # "width $d = 512$ … $e = 256$. Since $d = e$, …": a claim about the values the
            #                         text gave (checked there), never a condition that would replace them
        elif inline and rel.op == "==" and not rel.chained and (lhs.is_number or rhs.is_number) \
                and len(names_in(lhs, rhs)) >= 2 and not is_pin(as_relational(rel.op, lhs, rhs)) \
                and not re.search(r"(?i)\b(?:take|taking|let|set|setting|choose|choosing|pick|fix|suppose|assume|"
                                  r"if|when|whenever)\b[^.;:]{0,25}$",
                                  _INLINE_MATH_RE.sub(" x ", _sentence_before(lines, rel))) \
                and not re.search(r"(?i)\b(?:need|needs|needed|require|requires|required|must|should|want|wants|"
                                  r"aim|aims|target|targets|goal|hope|wish|plan|plans|so\s+that|such\s+that|to\s+make|"
                                  r"in\s+order\s+to)\b",
                                  _INLINE_MATH_RE.sub(" x ", _sentence_before(lines, rel))) \
                and names_in(lhs, rhs) <= {target_name(c.lhs) for line, c in live_conditions()
                                           if c is not None and is_pin(c) and line <= rel.line
                                           and in_scope(sections, line, rel.line)} \
                | {target_name(c.lhs) for _, c in _example_values_here(example_pins, sections, rel.line, [])}:
            system_valued.add(k)    # "Take $\varepsilon = 0.001$ … $N = 10^6$ … an error of at most $\varepsilon N
            #                         = 100$": every name has its value — a claim about them, checked there
        if k not in premise_of and k not in system_valued and ((is_condition(rel.op, lhs, rhs) and not bound_of_defined
                                     and not derived_display and not claimed_of_defined and not against_standing) or (
                inline and rel.op == "==" and not rel.chained and rhs.is_Number and not claimed_here
                and (isinstance(lhs, sp.Symbol) or isinstance(lhs, sp.Abs) and isinstance(lhs.args[0], (sp.Symbol, sp.Indexed))
                     and rhs >= 0))):
            # (and "Document $d_1$ has $|d_1| = 10$ tokens": the size the text gives, as a value)
            if inline and set_aside(lines, rel):   # "Unlike the case $x < 0$, …": the other case
                relational = as_relational(rel.op, lhs, rhs)
                add_condition(relational.negated if relational is not None else None, allow=EXCEPTING)
                out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                                   message="a case the text sets aside (\"unlike …\", \"… is left to the reader\"): "
                                           "the display after it is checked in the other case"))
                continue
            if inline and rel.op == "==" and tight_at(lines, rel):     # "… \le 1/4, with equality at $x = 0$"
                out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                                   message="where an inequality is tight (\"with equality at …\"): neither a claim "
                                           "nor a case of what follows"))
                continue
            if aside:                                         # "A common mistake is to set $\eta = 2$"
                set_aside_at.setdefault(target_name(lhs) or "", []).append(rel.line)
                out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                                   message=f"a form the words set aside (\"{aside}\"): not a value or a case of the "
                                           f"text's"))
                continue
            if inline and named_in_words(lines, rel):         # "$P$ stands for $x \le y$": a named statement
                out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                                   message="what a name stands for (\"$P$ stands for …\", \"$A$ is the event …\"): "
                                           "neither a claim nor an assumption"))
                continue
            if inline and excluded_in_words(lines, rel):      # "But not at $t = 0$: there …" (its sentence ends)
                out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                                   message="a case the text excludes (\"unless …\", \"but not at …\"): "
                                           "neither a claim nor a condition"))
                continue
            if inline and assumed_of_defined(as_relational(rel.op, lhs, rhs)):
                pass                        # "Assume $0 < k < n$" of k := Σ x_i: from here on, not a case
            elif inline and _index_restricted_after(lines, rel, lhs, rhs):
                pass                        # "Let $u_k > 0$ for every $k \ge 2$": not of every entry (u_1 > 0
                #                             was proved from it); the words only doubt a counterexample
            elif display:                   # "Suppose\n$$a > b,$$\nso $$p > \tfrac12$$": the display after it
                add_condition(as_relational(rel.op, lhs, rhs))
            elif inline:
                add_condition(as_relational(rel.op, lhs, rhs))
                stand_if_chosen(rel, as_relational(rel.op, lhs, rhs))
                valued = as_relational(rel.op, lhs, rhs)
                if valued is not None and is_pin(valued) and any(   # "Henceforth $x > 0$ … set $x = -1$":
                        c.xreplace({valued.lhs: valued.rhs}) is sp.false   # the bound no longer stands
                        for c in standing.get(parameter_key(valued.lhs) or "", ())):
                    standing.pop(parameter_key(valued.lhs), None)
                if rel.op == "==" and example_cue(lines, rel):          # "let $x = 2$": the example's value
                    example_pins.append((rel.line, as_relational(rel.op, lhs, rhs)))
                parameter = parameter_bound(rel.op, lhs, rhs) or bound_throughout(lines, rel, rel.op, lhs, rhs)
                if parameter is None:
                    parameter = _assumed_up_front(sections, lines, rel, column_of(k), lhs, rhs)
                    if parameter is not None:
                        up_front.add(parameter[0])
                if parameter is None:                   # "Assume $p_k > 0$ for all $k$": every entry, from here on
                    parameter = family_bound_for_every(lines, rel, column_of(k), rel.op, lhs, rhs)
                if parameter is None and rel.op == "==":  # "For the derivations I set $\alpha_t = 1$"
                    parameter = pin_throughout(lines, rel, column_of(k), lhs, rhs)
                    if parameter is not None:
                        pinned_through[parameter[0]] = rel.line
                if parameter is not None:
                    same_chain = standing_line.get(parameter[0]) == rel.line and parameter[0] in standing
                    if same_chain and not _consistent(*standing[parameter[0]], parameter[1]):
                        standing.pop(parameter[0])      # "For both $x < 0$ and $x > 0$", "Platt writes $A < 0$; I
                        standing_line.pop(parameter[0], None)   # use $A > 0$": two cases or two conventions on one
                        contradicted_on_line.add((rel.line, parameter[0]))   # line — neither holds from here on
                    elif (rel.line, parameter[0]) not in contradicted_on_line:
                        # (0 < θ < 1: both ends)
                        standing[parameter[0]] = (*standing[parameter[0]], parameter[1]) if same_chain \
                            else (parameter[1],)
                        standing_line[parameter[0]] = rel.line
                        standing_doubts[parameter[0]] = worded_doubts.get((rel.line, as_relational(rel.op, lhs, rhs)), "")
                elif rel.chained and k > 0 and found[k - 1].line == rel.line:
                    chain = [as_relational(rel.op, lhs, rhs)]          # 0 < p < 1 for one letter: a range,
                    ends = previous_bound.get(rel.line)                # from here on (x >= 0 alone is a case)
                    key = parameter_key(lhs)
                    if ends is not None and spoken_keys(ends) == spoken_keys(chain[0]) == {key} \
                            and key is not None and rhs.is_Number:
                        standing[key] = (ends, chain[0])
                        standing_line[key] = rel.line
                        standing_doubts[key] = worded_doubts.get((rel.line, chain[0]), "")
                if parameter_key(rhs) is not None and lhs.is_Number and rel.op in ("<", "<="):
                    previous_bound[rel.line] = as_relational(rel.op, lhs, rhs)
            if inline and k + 1 < len(found) and found[k + 1].chained and found[k + 1].block is rel.block \
                    and rel.block is not None:     # "we have $W_{T+1} \ge w_{T+1,i} = e^{-\eta L_{T,i}}$": the chain
                split_chains.append((rel.line, rel.block.tex, rel.block))   # goes on — as claims, what follows
                #                                                                  may use all of it
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a condition on a name (n > 2, or y = 1 in prose), not a claim; "
                                       "it holds in the display after it"))
            continue
        if rel.op == "!=":
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="≠ is not checked (the prover decides =, ≤, <)"))
            continue
        if display and not rel.chained and rel.op in ("==", "<", "<=", ">", ">=") and names_in(lhs, rhs) \
                and ((names_in(lhs, rhs) <= used or rel.op in ("<", "<=", ">", ">="))
                     and _SUPPOSED.search(lead_in(lines, rel, blocks) or "") or rel.op in (
                    "<", "<=", ">", ">=") and (_KEPT_WITH.search(lead_in(lines, rel, blocks) or "")
                                               or _NEEDED.search(lead_in(lines, rel, blocks) or ""))) \
                and not (k + 1 < len(found) and found[k + 1].chained and found[k + 1].line <= rel.end_line
                         and not (_NEEDED.search(lead_in(lines, rel, blocks) or "") and rhs.is_number)):
            # (a chain goes on from it — unless a requirement's bound goes on to its value: "$$\sqrt{n} \ge
            # \frac{1.6449 + 0.8416}{0.5} = 4.973$$": the arithmetic is checked, the bound supposed)
            # "Suppose\n$$a = b + \log 2,$$\nso $$p = \tfrac23$$" (a, b used before, or defined): a supposition
            # for the display after it, neither a claim nor a definition
            add_condition(as_relational(rel.op, lhs, rhs))
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a supposition (\"Suppose\", \"If\", \"with\" before the display), not a claim; it holds "
                                       "in the display after it"))
            use(names_in(lhs, rhs))
            continue
        valued_here = {target_name(c.lhs) for c in conditions_for(rel, live_conditions(), blocks, lines, condition_columns) if is_pin(c)}
        checks_example = target_name(lhs.base if isinstance(lhs, sp.Pow) else lhs) in valued_here \
            or k in premise_of \
            or bool(valued_here) and bool(names_in(lhs, rhs)) and names_in(lhs, rhs) <= valued_here and not rhs.free_symbols
        # "x^2 = 4 ⟺ x = 2": a conclusion, never a definition; "Take $x = 1/2$. Then $$x(1 - x) = 1/4$$": the
        # example's check, no constraint
        # "take $a = 2$: $$a^2 = 4$$": the example's check at the value prose gave, not a definition of a
        powered = isinstance(lhs, sp.Pow) and lhs.exp in (2, -1, -2) and (
            isinstance(lhs.base, sp.Symbol) and not isinstance(lhs.base, sp.Dummy) and "(" not in lhs.base.name
            or isinstance(lhs.base, sp.Indexed) and len(lhs.base.indices) == 1
            and isinstance(lhs.base.indices[0], sp.Symbol))          # 1/τ_n² = 1/τ² + n/σ²: the entry τ_n of each n
        squared = lhs.base if powered else None
        squared_name = (target_name(squared) or "") if squared is not None else ""
        if squared is not None and squared_name in {target_name(d.target) for d in definitions} and (any(
                same_section(sections, line, rel.line) for line in defined_at.get(squared_name, ()))
                or not rhs.free_symbols and any(d.expr.free_symbols or d.expr.atoms(sp.Indexed) for d in definitions
                                                if d.target == squared)) \
                and not _RENEWING.search((lead_in(lines, rel, blocks) or "") if display else _clause_of_inline(lines, rel)):
            squared = None      # "Let $a := 3$ … $$a^2 = 10$$": a claim about the a this section defined
            # (not "Now let $a$ instead be the positive number with $$a^2 = 2$$": a new a)
        if squared is not None and not checks_example and squared_name not in listed_values \
                and not any(c is not None and is_pin(c) and c.lhs == squared for _, c in conditions) \
                and not any(c is not None and line_c <= rel.line and same_section(sections, line_c, rel.line)
                            and (isinstance(c, sp.Eq) or isinstance(c, sp.Ne) and rhs.is_number
                                 and c.xreplace({squared: sp.sqrt(rhs) if lhs.exp == 2 else 1 / rhs if lhs.exp == -1
                                                 else 1 / sp.sqrt(rhs)}) is sp.false)
                            and c.has(squared) for line_c, c in conditions) \
                and not (not display and rhs.is_number and re.search(    # ("…, say $s^2 = 0.5$": an example's
                    r"(?i)\b(?:say|for\s+(?:example|instance)|e\.g\.?)\s*,?\s*[$(]?\s*$",       # value, a case of its
                    _sentence_before(lines, rel))) \
                and defines(rel, squared, rhs, used - ({squared_name} if _used_before_section(
                    squared_name, last_use, sections, rel.line) and squared_name not in names_in(rhs)
                    and squared_name not in {target_name(d.target) for d in definitions} else set()),
                    pinned, standalone, display):
            value = {2: sp.sqrt(rhs), -1: 1 / rhs, -2: 1 / sp.sqrt(rhs)}[int(lhs.exp)]    # σ² = …: σ ≥ 0
            definitions.append(Definition(squared, value, len(definitions) + 1))        # 1/σ² = 1/σ_1² + 1/σ_2²
            unread.pop(squared_name, None)
            if re.sub(r"_(?:hat|bar|tilde|star|\d+|[A-Za-z])$", "", squared_name) not in _NONNEGATIVE_BY_NAME \
                    and not squared.is_nonnegative:
                rooted[squared_name] = rel.line      # "m^2 = \bar E^2 … m is the negative of the energy"
            root = "its nonnegative square root" if lhs.exp == 2 else "the reciprocal" if lhs.exp == -1 \
                else "the reciprocal of its nonnegative square root"
            out.append(Reading(rel, verdict="definition", lhs=shown_l, rhs=shown_r,
                               message=f"{shown_l} := {shown_r} ({squared} is {root})"))
            use(names_in(lhs, rhs))
            continue
        scaled = _scaled_name(lhs, rhs, used | {target_name(d.target) or "" for d in definitions}) \
            if display and rel.op == "==" and not rel.chained and not checks_example else None
        again = solved_forms.get(re.sub(r"\s+", "", rel.lhs)) if display and rel.op == "==" and not rel.chained \
            and scaled is None and not checks_example and not rhs.free_symbols else None
        if again is not None and (not same_section(sections, again[1], rel.line)
                                  or _ANOTHER_OBJECT.search(lead_in(lines, rel, blocks) or "")) \
                and not _DERIVED_LEAD.search(lead_in(lines, rel, blocks) or ""):
            # "## Experiment 2\n The fitted scale satisfies $$3a = 15$$" after experiment 1's $$3a = 12$$ (a := 4):
            # the same equation in another section ("In the second run it satisfies $$3a = 15$$": or another case
            # the words name) gives a its new value there
            value = rhs / sp.Mul(*(f for f in lhs.args if f != again[0]))
            definitions = [d for d in definitions if d.target != again[0]] + [Definition(again[0], value,
                                                                                         len(definitions) + 1)]
            defined_at.setdefault(again[0].name, []).append(rel.line)
            solved_forms[re.sub(r"\s+", "", rel.lhs)] = (again[0], rel.line)
            out.append(Reading(rel, verdict="definition", lhs=shown_l, rhs=shown_r,
                               message=f"{again[0]} := {value} ({shown_l} = {shown_r} solved for {again[0]} anew, as "
                                       + (f"in another section on line {again[1]})"
                                          if not same_section(sections, again[1], rel.line) else
                                          f"on line {again[1]}, for another case the words name)")))
            use(names_in(lhs, rhs))
            continue
        if scaled is not None and (_DERIVED_LEAD.search(lead_in(lines, rel, blocks) or "")
                                   or re.search(r"_(?:hat|star|tilde|bar)$", scaled.name)):
            # (an estimate or an optimum, μ̂, x*: what solves an equation the text derives, never defined by it)
            unread.setdefault(scaled.name, rel.line)    # "Therefore $$k_B T_c = 2Jz$$", "… gives $$2n\hat\mu = Σ x_i$$":
            scaled = None                               # derived, a claim about a name the text defines in words
        if scaled is not None and defines(rel, scaled, rhs, used, pinned, standalone, display):
            # "a solution branches off when βJz = 1: $$k_B T_c = J z$$": T_c, new here, is what the rest makes it
            value = rhs / sp.Mul(*(f for f in lhs.args if f != scaled))     # Jz / k_B
            definitions.append(Definition(scaled, value, len(definitions) + 1))
            defined_at.setdefault(scaled.name, []).append(rel.line)
            solved_forms[re.sub(r"\s+", "", rel.lhs)] = (scaled, rel.line)
            unread.pop(scaled.name, None)
            out.append(Reading(rel, verdict="definition", lhs=shown_l, rhs=shown_r,
                               message=f"{scaled} := {value} ({shown_l} = {shown_r} solved for {scaled}, new here)"))
            use(names_in(lhs, rhs))
            continue
        recurrence = recurrence_family(rel, lhs, rhs)
        if recurrence is not None and rel.op == "==" and any(
                isinstance(d.target, sp.Indexed) and str(d.target.base.label) == recurrence
                and any(isinstance(i, sp.Symbol) and i in d.expr.free_symbols for i in d.target.indices)
                for d in definitions):
            recurrence = None   # "$$E_n := \frac{1 - β^n}{1 - β}$$ … Adding one more example: $$E_n = E_{n-1} + β^n$$":
            #                     a family the text defined at every index already — its recurrence is a claim about it
        if recurrence is not None:
            recurrences[recurrence] = rel.line
            # "Let $\theta = (0.1, 0.3)$" in one example, "$\theta_{t+1} = \theta_t + …$" in the next: the
            # entries are the recurrence's from here on, not the earlier vector's
            definitions = [d for d in definitions if not (
                isinstance(d.target, sp.Indexed) and str(d.target.base.label) == recurrence
                or target_name(d.target) in (recurrence, f"{recurrence}[]"))]
            index = {x.name for x in lhs.indices[0].free_symbols}
            index_conditions = [j for j, other in enumerate(found) if j != k and abs(other.line - rel.line) <= 2
                                and other.op in ("<", "<=", ">", ">=", "!=")
                                and index & set(re.findall(r"(?<![A-Za-z\\])[A-Za-z](?![A-Za-z])",
                                                           other.lhs + " " + other.rhs))]
            if rel.condition and index & set(re.findall(r"(?<![A-Za-z\\])[A-Za-z](?![A-Za-z])", rel.condition)):
                index_conditions.append(k)        # "a_t = 2 a_{t-1} \quad \text{for } t \ge 2": the same
            earlier_rule = recurrence_rules.get(recurrence)
            other_rule = recurrence in rules_seen and (earlier_rule is None or sp.simplify(
                earlier_rule[1].xreplace({earlier_rule[0].indices[0]: lhs.indices[0]}) - rhs) != 0)
            rules_seen.add(recurrence)
            if other_rule:                        # "for odd t … and for even t …": two rules, neither for every t
                ruled_twice.add(recurrence)
            through_index = any(d.target != lhs and names_in(d.target) & names_in(rhs)
                                and index & {x.name for x in d.expr.free_symbols} for d in definitions)
            if through_index:                     # "h := 2t - 1 … c_t = c_{t-1} + h": h is h at which step?
                ruled_twice.add(recurrence)
            if not index_conditions and recurrence not in ruled_twice and len(lhs.indices) == 1:   # "for t ≥ 2,
                # a_t = 2 a_{t-1}": not (nor a rule of two indices, w_{t+1,i} = w_{t,i} e^{…}: never written out)
                recurrence_rules[recurrence] = (lhs, rhs)                # written out below its range)
            else:
                recurrence_rules.pop(recurrence, None)
            unread.pop(f"{recurrence}[]", None)
            out.append(Reading(rel, verdict="definition", lhs=shown_l, rhs=shown_r,
                               message=f"a recurrence: {shown_l} := {shown_r} (written out only at whole indices "
                                       f"down to values the text gives, m_0 = 0; what rests on it otherwise is "
                                       f"not refuted)"))
            use(names_in(lhs, rhs))
            continue
        summand = summand_definition(lhs, definitions, _words_into(lines, rel, blocks)) \
            if rel.op == "==" and not checks_example and isinstance(lhs, (sp.core.function.AppliedUndef, sp.Indexed)) \
            else None
        if summand is not None:         # "each term simplifies: $$\ell_i(w) = …$$" of ℓ(w) := -Σ_i […]: its i-th term
            definitions.append(summand)
            family = lhs.func if isinstance(lhs, sp.core.function.AppliedUndef) else lhs.base.label
            read_as(k, f"{sp.sstr(lhs)} read as the term of the sum that defines {sp.sstr(family)}: "
                       f"{sp.sstr(summand.expr)}")
        earlier = next((d for d in reversed(definitions) if d.target == lhs), None)
        same_entries = _entry_renamed(lhs, definitions, recurrences) if earlier is None else None
        renamed_entry = same_entries is not None and rel.op != ":="
        earlier = earlier or same_entries           # J_{ik} after J_{jk} := …: the same entries
        new_section = earlier is not None and isinstance(lhs, sp.Symbol) and rel.op == "==" and standalone \
            and (display or not is_atomic(rhs)) \
            and not (names_in(rhs) & (names_in(earlier.expr) | {lhs.name})) and bool(names_in(rhs))
        later_section = earlier is not None and rel.op == "==" and standalone and display \
            and (isinstance(lhs, sp.Symbol) or isinstance(lhs, sp.Indexed) and not all(
                i.is_Integer for i in lhs.indices) or isinstance(lhs, sp.core.function.AppliedUndef) and lhs.args
                and all(isinstance(a, sp.Symbol) for a in lhs.args)) and bool(real_names(rhs)) \
            and not any(same_section(sections, line, rel.line) for line in defined_at.get(target_name(lhs), [])) \
            and not (target_name(lhs) in last_use and last_use[target_name(lhs)] < rel.line
                     and same_section(sections, last_use[target_name(lhs)], rel.line)) \
            and not claimed_before(lines, rel, blocks) \
            and not (rel.condition or trailing.get(k) or any(   # "For $b = 0$, $$s = a$$" of s = a + b: a claim
                names_in(c) & names_in(earlier.expr) - names_in(rhs)
                for c in conditions_for(rel, live_conditions(), blocks, lines, condition_columns)))
        # "It follows that $$s = a - b$$", "For $b = 0$, $$s = a$$": a claim, not a new definition; nor an ℓ this
        # section already wrote claims about (ℓ = … "which gives", then "Both cases combine into" ℓ = …)
        between_defined = earlier is not None and rel.op == "==" and bool(names_in(rhs)) \
            and names_in(rhs) <= {target_name(d.target) for d in definitions} - {target_name(lhs)} \
            and not (defined_before(lines, rel, blocks) if display else defining_cue(lines, rel)) \
            and not _another_family_since(lines, defined_at.get(target_name(lhs) or "", [0])[-1], rel.line)
        # (not "Now we redefine $$a = b.$$": the words make it a definition; nor "For the Poisson family the natural
        # parameter is $η = \log λ$. Then $A(η) = e^η$" of the Bernoulli A: the other family's A)
        same_again = earlier is not None and rel.op == "==" and display and not rel.chained \
            and not _restated_otherwise(rhs, earlier.expr, definitions)
        # "这也给出了数值稳定的实现方式：$$\zeta(x) = \max(x, 0) + \log(1 + e^{-|x|})$$" of ζ defined in an
        # earlier section: the same function written another way, a claim (checked), not a new ζ
        if same_again:
            new_section = later_section = False
        restated = earlier is not None and rel.op == "==" and display and claimed_before(lines, rel, blocks) \
            and 1 <= rel.line <= len(lines) \
            and max(defined_at.get(target_name(lhs) or "", [0])) >= paragraph_around(lines, rel.line, rel.line, True)[0]
        # (defined in the words that lead into it — not a name defined paragraphs before that the text now
        # specialises: "For two levels …, which written out is $$Z = 1 + e^{-βε}$$" after Z := Σ_s e^{-βE_s})
        if restated:            # "the heat capacity is $C = ∂U/∂T$, which written out is $$C = …$$": C derived, a claim
            new_section = later_section = False
        if between_defined:     # "Here $$a = b$$" of a := √(x²), b := x: a relation between two quantities
            new_section = later_section = False     # the text defined, a claim (not a := b from here on)
        if later_section and not new_section:   # η_t of the cosine schedule, then with warmup in a new section:
            new_section = True                  # notes define a name again section by section
        if new_section:
            pinned = pinned - {lhs.name} if isinstance(lhs, sp.Symbol) else pinned - {target_name(lhs)}
        swapped = isinstance(lhs, sp.core.function.AppliedUndef) and rel.op == "==" and any(
            isinstance(d.target, sp.core.function.AppliedUndef) and d.target.func == lhs.func
            and d.target.args != lhs.args and set(d.target.args) == set(lhs.args) for d in definitions)
        at_a_point = isinstance(lhs, sp.core.function.AppliedUndef) and rel.op == "==" and not rel.chained \
            and (not defined_before(lines, rel, blocks) or replaces_other_name(lines, rel, blocks, str(lhs.func))) \
            and all(isinstance(a, sp.Symbol) for a in lhs.args) and not (rhs.free_symbols & set(lhs.args)) and any(
                isinstance(d.target, sp.core.function.AppliedUndef) and d.target.func == lhs.func
                and d.target.args != lhs.args and same_section(sections, line, rel.line)
                for d in definitions for line in defined_at.get(target_name(d.target) or "", [])) \
            and not any(isinstance(d.target, sp.core.function.AppliedUndef) and d.target.func == lhs.func
                        and set(lhs.args) <= d.expr.free_symbols for d in definitions)
        # (f(μ) = 1/2 of f(E) := 1/(e^{(E−μ)/k_B T} + 1): μ is a name f's definition uses, f there is a closed
        # value — a claim, checked)
        if at_a_point:                   # "Choose $a$ so that $$v(a) = 0$$" after v(x) = …: a condition on a
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message=f"a value of {lhs.func} the text defined, at a point it names: a condition "
                                       f"on {', '.join(map(str, lhs.args))}, not a new definition of {lhs.func}"))
            continue
        if (inline or any(isinstance(d.target, sp.core.function.AppliedUndef) and d.target == lhs and not new_section
                          for d in definitions)) \
                and isinstance(lhs, sp.core.function.AppliedUndef) and rel.op == "==" and not rhs.free_symbols \
                and not rel.chained and not (display and all(a.is_number for a in lhs.args)) \
                and not (lhs.args and all(isinstance(a, sp.Symbol) and a.name in valued_here for a in lhs.args)) \
                and not (inline and lhs.args and all(a.is_number for a in lhs.args)
                         and (claimed_inline(lines, rel.line, column_of(k))
                              or _closed_value_stated(lines, rel, column_of(k), lhs, definitions, defined_at))) \
                and any(isinstance(d.target, sp.core.function.AppliedUndef) and d.target.func == lhs.func
                        for d in definitions):      # "$$L(x) = -4$$" at the x prose gave: a value, no definition
            # (not "…, so $B(2, 3) = \tfrac{1}{12}$": derived, a claim about B at those numbers; nor "Let $g(t) = t^3 - t$.
            # In particular, $g(2) = 7$": g at 2 is a number already, nothing the line could fix — a claim)
            # (displayed at a number, it is a claim; in prose "setting $L(0) = 10$" may stipulate it)
            if branched(target_name(lhs), rel.line) and (rel.condition or trailing.get(k)):   # f(x) = 0 for x < 0
                definitions = [d for d in definitions if not _same_kind(d.target, lhs)]
            elif all(a.is_number for a in lhs.args):    # "the data give y(0) = 2" of y(t) = C e^{kt}: C = 2?
                value = attempt(Deadline.after(1.0), lambda: unfold_keeping_variables(lhs, definitions), None)
                valued_here_now = {c.lhs for line, c in live_conditions() if c is not None and is_pin(c)
                                   and line <= rel.line} | {c.lhs for line, c in example_pins
                                                            if line <= rel.line and in_scope(sections, line, rel.line)}
                if value is not None and value.free_symbols - valued_here_now:   # (the words may only suppose it:
                    valued_in_prose.setdefault(str(lhs.func), (rel.line, rel.tex.strip()))   # no hypothesis, a doubt
                # below; not FL(0.5) = 0.25 log 2 "with α = 1 and γ = 2": the example's value, no constant fixed)
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message=f"a value of {lhs.func} the text already defined, written in prose (\"the "
                                       f"boundary r(x) = 1/2\"): where it takes that value, not a new definition"))
            continue
        model = earlier.expr if earlier is not None else sp.S.Zero
        fresh = sorted(names_in(rhs) - used - {str(lhs)})
        renewed: list[Definition] = []
        if isinstance(lhs, sp.Symbol) and rel.op == "==" and standalone and lhs.name in pinned and fresh\
                and lhs.name not in names_in(rhs):
            # λ = t e^η after η = log λ, with t new here: a new model of λ (an exposure), not a claim
            # about the old one — the definitions written in terms of the old λ stop unfolding
            renewed = [d for d in definitions if lhs.name in names_in(d.expr) and not (
                earlier is None and defined_at.get(target_name(d.target) or "", [0])[-1] == rel.line)]
            # ("Let $p_i = e^{-βE_i}/Z$ with $Z = Σ_i e^{-βE_i}$": Z, never given before, completes p's definition)
            pinned = pinned - {lhs.name} if renewed else pinned
        section_start = max((h for h in sections if h <= rel.line), default=0)
        used_here = used
        if isinstance(lhs, sp.Symbol) and earlier is None and standalone and rel.op == "==" \
                and last_use.get(lhs.name, rel.line) < section_start and lhs.name not in names_in(rhs):
            used_here = used - {lhs.name}      # η, a free parameter in §1, given by μ in §3: a definition there
        if isinstance(lhs, sp.Symbol) and rel.chained and rel.op == "==" and k > 0 and found[k - 1].line == rel.line \
                and definitions and definitions[-1].expr == lhs and first_use.get(lhs.name) == found[k - 1].line:
            used_here = used - {lhs.name}      # "U = ⟨E⟩ = Σ_i p_i E_i": the name the chain just brought in, defined
        own = set(lhs.args) if isinstance(lhs, sp.core.function.AppliedUndef) else \
            set(lhs.indices) if isinstance(lhs, sp.Indexed) else set()
        own_names = {sp.sstr(x) for x in own if isinstance(x, sp.Symbol)}
        def on_own(tex: str) -> bool:
            return any(re.search(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", tex) for name in own_names)
        # "f(x) = x for x ≥ 0", "For $x < 0$, $$f(x) = 0$$": a condition on the definition's own variable
        # written as a case (not "with $0 < \theta < 1$ … $$L(\theta) = …$$", the domain of its parameter)
        ranged = on_own(rel.condition) \
            or isinstance(lhs, sp.core.function.AppliedUndef) and bool(own_names) \
            and _otherwise_after(lines, rel, blocks) \
            or any(found[c].op in ("<", "<=", ">", ">=", "!=") and on_own(f"{found[c].lhs} {found[c].rhs}")
                   and not _domain_after(lines, rel, found[c])
                   and not (isinstance(lhs, sp.core.function.AppliedUndef) and written_definitions_near(str(lhs.func), rel.line) <= 1
                            and not _cased_before([found[c].tex], context, rhs))    # "… for $0 < p < 1$": where
                   for c in trailing.get(k, ())) \
            or display and any(c.rel_op in ("<", "<=", ">", ">=", "!=") and {x.name for x in c.free_symbols} & own_names
                               and not all(_a_domain(c, line, lines, condition_columns, live_conditions())
                                           for line, d in live_conditions() if d == c)
                               and not (isinstance(lhs, sp.core.function.AppliedUndef)   # (one definition of it
                                        and written_definitions_near(str(lhs.func), rel.line) <= 1    # in the text: no other case)
                                        and (_natural_domain(c, rhs)
                                             or _GENERATING.search(_words_into(lines, rel, blocks))))
                               for c in conditions_for(rel, live_conditions(), blocks, lines, condition_columns)) \
            or case_after(found, k, lines, blocks) and on_own(found[k + 1].lhs + " " + found[k + 1].rhs) \
            and not (isinstance(lhs, sp.core.function.AppliedUndef) and written_definitions_near(str(lhs.func), rel.line) <= 1
                     and not _cased_before([r.tex for r in found[k + 1:k + 3] if r.line == rel.line
                                            and r.op in ("<", "<=", ">", ">=")], context, rhs)) \
            or display and bool(own_names) and case_in_words(lines, rel, blocks, own_names) \
            or inline and isinstance(lhs, sp.core.function.AppliedUndef) and bool(own_names) \
            and _cased_before(_case_before_inline(lines, rel.line, column_of(k), own_names), context, rhs) \
            or not display and isinstance(lhs, sp.Indexed) and len(own_names) >= 2 and any(
                isinstance(c, sp.Ne) and {x.name for x in c.free_symbols} <= own_names
                for c in conditions_for(rel, live_conditions(), blocks, lines, condition_columns)) \
            or isinstance(lhs, sp.Indexed) and len(own_names) >= 2 and bool(re.search(
                r"(?i)\boff[- ]diagonal\b|非对角", _words_into(lines, rel, blocks)))
        # ("For $i \ne j$ we have $J_{ij} = -p_i p_j$", "The off-diagonal entries are $J_{ij} = …$": a case)
        ranged = ranged and not (rel.op == ":=" and defined_before(lines, rel, blocks) and not branched(target_name(lhs), rel.line)
                                 and not case_after(found, k, lines, blocks))
        def index_range(c: Relation) -> bool:     # k ≥ 1, k > 0, 1 ≤ k, k ≤ n: where the index runs
            flip = {">": "<", ">=": "<=", "<": ">", "<=": ">="}
            index, op, bound = (c.lhs.strip(), c.op, c.rhs.strip()) if c.lhs.strip() in own_names \
                else (c.rhs.strip(), flip.get(c.op, ""), c.lhs.strip())
            return index in own_names and op in (">", ">=") and bound in ("0", "1")
        floor_only = isinstance(lhs, sp.Indexed) and len(lhs.indices) == 1 and not branched(target_name(lhs), rel.line) \
            and not on_own(rel.condition) and bool(trailing.get(k)) \
            and all(index_range(found[c]) for c in trailing.get(k, ()))
        if ranged and floor_only:   # a_k from k = 1 (or 0) on: entries below are no entries of this definition
            index_floor[str(lhs.base.label)] = 0 if any(found[c].op == ">=" and "0" in (found[c].lhs.strip(), found[c].rhs.strip())
                                                        for c in trailing.get(k, ())) else 1
        ranged = ranged and not floor_only
        # ("Let $a_k = \frac1k$ for $k \ge 1$": the family's index range, not one case of a definition)
        # ("For $p \in (0, 1)$ define $$\logit(p) := …$$": the function's domain, not one case of it)
        of_recurrence = isinstance(lhs, sp.Indexed) and str(lhs.base.label) in recurrences
        branch = rel.op in ("==", ":=") and bool(own_names) and target_name(lhs) is not None and not of_recurrence and (
            branched(target_name(lhs), rel.line) or ranged and earlier is None and not checks_example)
        if branch and aside:            # "A common mistake is to write $f(x) = 0$ for $x < 0$"
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message=f"a form the words set aside (\"{aside}\"): not the text's definition"))
            use(names_in(lhs, rhs))
            continue
        if branch:          # "f(x) = x for x ≥ 0" (and "f(x) = 0 for x < 0"): a definition by cases
            branches.add(target_name(lhs)); branch_at.setdefault(target_name(lhs), []).append(rel.line)
            if isinstance(lhs, sp.Indexed) and len(lhs.indices) == 1 and isinstance(lhs.indices[0], sp.Symbol):
                cases = []          # y_k = 0 "for k ≠ c": at any point, k = c or y_k = 0 (a refutation that
                for c in trailing.get(k, ()):       # breaks it is looked for again inside it)
                    try:
                        cases.append(as_relational(found[c].op, parse_tex(found[c].lhs, context),
                                                   parse_tex(found[c].rhs, context)))
                    except Exception:  # noqa: BLE001 - a case not read: no such condition
                        cases = []
                        break
                by_name = {i.name: i for i in lhs.indices}
                cases = [c.xreplace({x: by_name.get(x.name, sp.Symbol(x.name, integer=True)) for x in c.free_symbols
                                     if isinstance(x, sp.Symbol)}) for c in cases]   # (indices: integers)
                if cases and all(c.free_symbols & set(lhs.indices) for c in cases):
                    branch_cases.append((sp.Or(sp.Not(sp.And(*cases)), sp.Eq(lhs, rhs)), rel.line))
            definitions = [d for d in definitions if not _same_kind(d.target, lhs)]
            out.append(Reading(rel, verdict="definition", lhs=shown_l, rhs=shown_r,
                               message=f"{shown_l} := {shown_r} on a range only (a case of a definition by "
                                       f"cases): not unfolded (a relation about {lhs.func if own and isinstance(lhs, sp.core.function.AppliedUndef) else shown_l} is not refuted or proved through it)"))
            use(names_in(lhs, rhs))
            continue
        # "$$v(x) = x^2$$ … Hence $$v(x) = x^3$$": a name this section defined is restated, not redefined,
        # unless the text says so ("Let", "Consider instead", ":=")
        defined_here = [line for line in displayed_at.get(target_name(lhs) or "", [])   # "$p = softmax(z)$ with
                        if same_section(sections, line, rel.line)]                    # entries $$p_i = …$$": no
        if not defined_here and display and rel.op == "==" and earlier is not None \
                and isinstance(lhs, sp.core.function.AppliedUndef):
            # "Let $f(x) = x^3 - 3x$." then "Also $$f(x) = 3x,$$": the same function restated, not redefined
            defined_here = [line for line in defined_at.get(target_name(lhs) or "", [])
                            if line <= rel.line and same_section(sections, line, rel.line)]
        if not defined_here and display and rel.op == "==" and not rhs.free_symbols and not rhs.atoms(sp.Indexed):
            # "Let $a := 3$." then $$a = 2$$: a value written for a name defined inline — not a new definition
            defined_here = [line for line in defined_at.get(target_name(lhs) or "", [])
                            if line <= rel.line and same_section(sections, line, rel.line)]
        restated = display and rel.op != ":=" and not probabilities_in(lhs) and target_name(lhs) is not None \
            and bool(defined_here) and not defined_before(lines, rel, blocks) \
            or display and earlier is not None and probabilities_in(lhs) == {lhs} \
            and claimed_before(lines, rel, blocks)                 # "Hence $$P(A) = 0.5$$": no new model
        # neither "Hence" nor "Let": checked against the definition, but it may be a new one — not refuted,
        # and the name is not unfolded after it
        if inline and rel.op == "==" and earlier is not None and not rel.chained \
                and isinstance(lhs, sp.core.function.AppliedUndef) and earlier.target == lhs \
                and _LONE_CUE.fullmatch(_raw_sentence_before(lines, rel).rstrip().removesuffix("\\(")
                                        .removesuffix("$")) \
                and not _MODEL_SWITCH.search(blank_inline_math(" ".join(
                    lines[max(paragraph_around(lines, rel.line, rel.line, True)[0], 1) - 1:rel.line]))) \
                and not _another_family_since(lines, defined_at.get(target_name(lhs) or "", [0])[-1], rel.line) \
                and not _RENEWING.search(_clause_of_inline(lines, rel)) and not defining_cue(lines, rel):
            restated = True     # "Let $Φ(a) := ∫_{-∞}^a φ(t) dt$. Then $Φ(a) = ½(1 + erf(a/√2))$": a claim about Φ
        twice = restated and display and summand is None and not claimed_before(lines, rel, blocks) and not (
            earlier is not None and sp.expand(rhs - earlier.expr) == 0) \
            and not (k > 0 and rel.chained and found[k - 1].rhs == rel.lhs) \
            and not _QUANTIFIED_BOUND.search(lead_in(lines, rel, blocks, keep_math=True) or "")
        # ("another way to write it": the same; "For all real $x$, $$L = 10$$": a claim about every x, not a new L;
        # "… = \pi_k = \mathbb{E}[x_k]": a chain goes on from π_k, it does not write π_k anew)
        # "a_2 = 4 + b" of a_t = 2 a_{t-1}: an entry of a recurrence is what the recurrence makes it, a claim
        # (so is "m_t = (1 - β) Σ_i β^{t-i} g_i for t ≥ 1", its closed form: of_recurrence above)
        undef = sp.core.function.AppliedUndef
        if isinstance(lhs, undef) and rel.op == "==" and display and not rel.chained and summand is None \
                and not any(d.target == lhs for d in definitions) \
                and all(isinstance(a, (sp.Symbol, sp.Indexed)) for a in lhs.args) and len(set(lhs.args)) == len(lhs.args) \
                and not rhs.has(lhs.func) and not claimed_before(lines, rel, blocks) and any(
                    isinstance(d.target, undef) and d.target.func == lhs.func and len(d.target.args) != len(lhs.args)
                    for d in definitions):      # A(η) of the Poisson, then A(η₁, η₂) of the Gaussian: a new A
            definitions = [d for d in definitions if not (isinstance(d.target, undef) and d.target.func == lhs.func)]
            definitions.append(Definition(lhs, rhs, len(definitions) + 1))
            defined_at.setdefault(target_name(lhs) or "", []).append(rel.line)
            displayed_at.setdefault(target_name(lhs) or "", []).append(rel.line)
            out.append(Reading(rel, verdict="definition", lhs=shown_l, rhs=shown_r,
                               message=f"{shown_l} := {shown_r} (with {len(lhs.args)} arguments: a new definition "
                                       f"of {lhs.func})"))
            use(names_in(lhs, rhs) - {a.name for a in lhs.args if isinstance(a, sp.Symbol)})
            continue
        again = [line for line in defined_at.get(target_name(lhs) or "", []) if line <= rel.line
                 and same_section(sections, line, rel.line)] if rel.op == ":=" and earlier is not None else []
        if again and differ(rhs, earlier.expr) and aside:      # "Some texts drop the outer factor, … := …; we keep it"
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message=f"a form the words set aside (\"{aside}\"): not the text's definition "
                                       f"(line {again[-1]} stays)"))
            use(names_in(lhs, rhs))
            continue
        if again and differ(rhs, earlier.expr):
            # "let LSE_τ(x, y) := τ log(…)" and, in the same section, "some texts drop the factor,
            # LSE_τ(x, y) := log(…); we keep it": which one holds after is the words' to say — neither
            neither_unfolded(again[-1], f"{shown_l} := {shown_r}, a second definition of {target_name(lhs)} in the "
                                        f"section (line {again[-1]}): which one holds after it is not clear, "
                                        f"neither is unfolded")
            continue
        at_defined = isinstance(lhs, sp.core.function.AppliedUndef) and rel.op != ":=" and any(
            isinstance(d.target, sp.core.function.AppliedUndef) and d.target.func == lhs.func
            and len(d.target.args) == len(lhs.args) and set(d.target.args).isdisjoint(lhs.args)
            for d in definitions) and bool(
            names_in(*lhs.args) & ({target_name(d.target) for d in definitions} - {None})) and not re.search(
            r"(?i)\b(?:define[sd]?|defining|new|different|another|instead|replace[sd]?)\b|定义|新的|另一个|换成",
            lead_in(lines, rel, blocks) or "")      # "We now define a different loss $L(y, p) = …$": a new L
        # NLL(μ̂, σ̂²) = … after NLL(μ, σ²) := … and μ̂ := x̄: the function at the estimates, a claim
        derived = (earlier is not None or isinstance(lhs, sp.core.function.AppliedUndef) and (any(
            isinstance(d.target, sp.core.function.AppliedUndef) and d.target.func == lhs.func
            and len(d.target.args) == len(lhs.args) for d in definitions)
            or target_name(lhs) in doubts_later)) \
            and rel.op != ":=" and display and claimed_before(lines, rel, blocks) \
            and not probabilities_in(lhs) and bool(rhs.free_symbols) \
            and not (fresh and target_name(lhs) is not None and not any(            # "## Output layer: By
                in_scope(sections, line, rel.line) for line in defined_at.get(target_name(lhs), []))
                and _BY_DEFINITION.search(lead_in(lines, rel, blocks) or "")
                and not _named_soon_after(found, k, set(fresh)))       # (not "…, where $s = wx + b$")
        # definition, the output pre-activation is $$z = v h + c$$" after another section's z := w x + b: in
        # names never seen before, a new z, not a claim about the old  # "… by e^{-m/T} gives $$p_i = …$$" of a
        # p_i defined: a claim about it (a number, "Then $$L = 1/8$$", stays a worked example's value)
        derived = derived or earlier is not None and rel.op == "==" and display and not rel.chained \
            and not defined_before(lines, rel, blocks) and any(
                r.problem is not None and r.relation.display and r.relation.lhs.strip() == rel.lhs.strip()
                and same_section(sections, r.relation.line, rel.line)
                and r.relation.line > max(defined_at.get(target_name(lhs) or "", [0])) for r in out)
        # "ℓ(x,y) = … which gives $$ℓ(x,y) = …$$ (x < 0). Both cases combine into $$ℓ(x,y) = …$$": a section that
        # wrote claims about ℓ goes on claiming (checked), it does not define ℓ anew without saying so
        derived = derived or isinstance(lhs, sp.core.function.AppliedUndef) and rel.op == "==" \
            and not rhs.free_symbols and any(d.target == lhs for d in definitions) and bool(lhs.args) \
            and all(isinstance(a, sp.Symbol) and a.name in valued_here for a in lhs.args)
        # "取 $z = 2$。当 $y = 1$ 时，$\ell = \log(1 + e^{-2})$" of ℓ(z, y): its value at those values, a claim
        derived = derived or earlier is not None and rel.op == "==" and display and not rhs.free_symbols \
            and not rhs.atoms(sp.Indexed) and claimed_before(lines, rel, blocks) and not valued_here \
            and _rests_on_variables(earlier.expr, definitions)
        # "此时 $p_t = p$，$\mathrm{FL} = -(1-p)^\gamma \log p$" of FL(p_t) := …: the function in the case the
        # sentence puts its argument in, written without it — a claim there, not a new FL
        derived = derived or earlier is not None and rel.op == "==" and inline and _without_its_argument(lhs, rhs, definitions) \
            and not _RENEWING.search(_clause_of_inline(lines, rel)) and not defining_cue(lines, rel)
        # "Let $L = x^3$. Take $x = 2$. Then $$L = 9.$$": what L is at the value prose gave, a claim checked there
        # (L still rests on a name prose gave no value: the example's value of L, as below)
        derived = derived or earlier is not None and rel.op == "==" and display and not rhs.free_symbols \
            and not rhs.atoms(sp.Indexed) and not defined_before(lines, rel, blocks) and bool(valued_here) \
            and _rests_only_on(earlier.expr, definitions, valued_here)
        # (so is "Take $x = 3$: $$L = 10$$", and "Taking instead $x = 1$, $$L = 2$$": no "hence" needed)
        # "$$H(u) = -\sum_k \frac1K \log \frac1K$$" after H(p) := -Σ p_k log p_k: H at u (its right side
        # does not use u), a claim — not H := log K for every argument; so is "展开定义：$$KL(a‖b) = …$$"
        # (not "η = log(1 − θ) and $A(η) = -\log θ$": A of a defined η, in a new model)
        derived = derived or isinstance(lhs, sp.core.function.AppliedUndef) and rel.op == "==" and not rel.chained \
            and bool(lhs.args) \
            and all(isinstance(a, sp.Symbol) for a in lhs.args) \
            and not {a.name for a in lhs.args} & {target_name(d.target) for d in definitions} \
            and (not ({a.name for a in lhs.args} & _used_names(rhs)) or claimed_before(lines, rel, blocks)) and any(
                isinstance(d.target, sp.core.function.AppliedUndef) and d.target.func == lhs.func
                and len(d.target.args) == len(lhs.args) and {a.name for a in d.target.args if isinstance(a, sp.Symbol)}
                & _used_names(d.expr) for d in definitions) \
            and not re.search(r"(?i)\b(?:define[sd]?|defining|new|different|another|instead|replace[sd]?|now)\b|定义|新的|另一个|换成",
                              lead_in(lines, rel, blocks) or "")
        twice = twice and not derived     # "Take $x = 2$: $$f(x) = 8$$" of f(x) := x³: f at the value, not a new f
        # "When the logits agree, $$a - b = 0,$$ so $$p = \frac12$$" of p := e^a/(e^a + e^b): what p is there
        # (under the equation or the condition written before it), a claim — not p := 1/2 for the rest of the note
        # (in a worked example, at the values prose gave, "Then $$L = 1/8$$" stays the example's value)
        said_again = inline and rel.op == "==" and isinstance(lhs, sp.Symbol) \
            and lhs.name in {target_name(d.target) for d in definitions} \
            and any(same_section(sections, line, rel.line) for line in defined_at.get(lhs.name, ())) \
            and not defining_cue(lines, rel) and not example_cue(lines, rel) \
            and not _RENEWING.search(_clause_of_inline(lines, rel)) and not names_in(rhs) - used
        # (not "For the geometric, … $\eta = \log(1 - \theta)$": a new model, in a name not seen before)
        last_defined = max(defined_at.get(target_name(lhs) or "", [0]))
        another_example = inline and rel.op == "==" and isinstance(lhs, sp.Symbol) and not rel.chained \
            and earlier is not None and not earlier.expr.free_symbols and not earlier.expr.atoms(sp.Indexed) \
            and not rhs.free_symbols and not rhs.atoms(sp.Indexed) and differ(rhs, earlier.expr) and any(
                last_defined < line <= rel.line and c is not None and is_pin(c) and target_name(c.lhs) != target_name(lhs)
                and any(line0 <= last_defined and c0 is not None and is_pin(c0) and c0.lhs == c.lhs and c0.rhs != c.rhs
                        for line0, c0 in conditions)
                for line, c in conditions)      # (a new value of a name an earlier example valued: p_t = 0.5 after 0.9)
        another_choice = rel.op == "==" and isinstance(lhs, sp.Symbol) and earlier is not None \
            and not earlier.expr.free_symbols and not earlier.expr.atoms(sp.Indexed) and not rhs.free_symbols \
            and not rhs.atoms(sp.Indexed) and differ(rhs, earlier.expr) \
            and _alternative_items(lines, last_defined, rel.line,
                                   _column_on_line(lines, rel) if display else column_of(k))
        # (not "3. Therefore $λ = π/8$": a step that derives the value, checked against the first)
        if another_example or another_choice:
            # "… and $CE = -\log 0.9$ … For a hard example with $p_t = 0.5$, $CE = \log 2$": the next example's value,
            # perhaps (no claim that it equals the first), perhaps a wrong restatement of the same; "1. Match the slopes:
            # … $$λ = \sqrt{π/8}$$  2. Match the variances: $λ = \sqrt3/π$": items of a list the words call choices,
            # alternatives — neither checked nor taken: the name no longer unfolds, and what rests on it is doubted
            definitions = [d for d in definitions if d is not earlier]
            doubts_later[target_name(lhs)] = (last_defined, rel.line)
            why = "after the text gave a name a new value (a second worked example?):" if another_example else \
                f"in another item of the list that gave it a value (line {last_defined}): an alternative,"
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message=f"another value of {shown_l} {why} not compared with the value of line "
                                       f"{last_defined}, and neither is used after it"))
            use(names_in(lhs, rhs))
            continue
        # "the loss is $L = -\log p_c$ … and $L = \log K$ when all logits are equal": a claim about that L
        roots_of = [c for c in constraints if rel.op == "==" and isinstance(lhs, sp.Symbol) and not rhs.free_symbols
                    and lhs in c.free_symbols and in_scope(sections, imposed_at.get(c, rel.line), rel.line)]
        solved = any(c.xreplace({lhs: rhs}) is sp.true for c in roots_of)
        wrong_root = bool(roots_of) and not solved and all(c.free_symbols == {lhs} for c in roots_of)
        wrong_root = wrong_root or k in system_valued
        # ("so $$x = 2$$" of 3x² − 3 = 0: a claim, refuted at the root x = 1)
        # "At the minimum, $$2(\theta - 1) = 0,$$ so $$\theta = 1.$$": a root of what the text imposed,
        # there — not θ := 1 for the rest of the note
        if solved:          # neither a definition nor a hypothesis: a root, perhaps one of several
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a root of an equation the text imposed before it (at a minimum, a critical "
                                       "point): neither a definition of the name nor a hypothesis after it"))
            use(names_in(lhs, rhs))
            continue
        solved_in_case = display and rel.op == "==" and isinstance(lhs, sp.Symbol) and any(
            isinstance(c, sp.Eq) and not is_pin(c) and lhs in c.free_symbols
            for c in conditions_for(rel, live_conditions(), blocks, lines, condition_columns))
        # "If $p = \sigma(x)$, then $$x = \log\frac{p}{1-p}$$": x solved from the case, a claim under it
        if inline and rel.op == "==" and 1 <= rel.line <= len(lines) and lines[rel.line - 1].find(rel.tex) >= 0 \
                and _IFF_AFTER.match(lines[rel.line - 1][lines[rel.line - 1].find(rel.tex) + len(rel.tex):].lstrip("$")):
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="one side of an equivalence written in words (\"$D = 0$ if and only if $p = q$\"): "
                                       "neither a definition nor a claim alone"))
            use(names_in(lhs, rhs))
            continue
        lead = (lead_in(lines, rel, blocks) or "") if display else ""
        valued_claim = earlier is not None and rel.op == "==" and not rhs.free_symbols and not rhs.atoms(sp.Indexed) \
            and bool(earlier.expr.free_symbols or earlier.expr.atoms(sp.Indexed)) and (
                inline and claimed_inline(lines, rel.line, column_of(k))
                or display and re.search(r"(?i)\bfor\s+(?:any|all|every|each)\b|\bin\s+general\b|对任意|对所有", lead))
        # (not "Then $$\bar y = \frac{1+3+2+5}{4}$$" in a worked example: the example's value, checked as such)
        # ("For any data, $$\bar x = 2$$", "Therefore $\bar x = 2$" of x̄ := Σ x_i / n: a claim about x̄, false)
        defining = not swapped and not checks_example and not restated and not of_recurrence and not at_defined \
            and not valued_claim and not moments_read \
            and not solved_in_case \
            and not derived and not said_again and not wrong_root and not (between_defined and rel.op != ":=") \
            and not (display and _fixed_entry(lhs) and _fixed_entry(rhs) and lhs.base == rhs.base) \
            and not (rel.op == "==" and any(patterned(d) and d.target != lhs and pattern_values(d, lhs) is not None
                                            for d in definitions)) \
            and not (isinstance(lhs, sp.core.function.AppliedUndef) and rel.op == "==" and function_definition(rel) is None
                     and rhs.free_symbols & set(lhs.args) and any(     # silu(x^*) = x^* + 1 of the text's silu(x):
                         isinstance(d.target, sp.core.function.AppliedUndef) and d.target.func == lhs.func   # at a point,
                         for d in definitions)) \
            and not same_again and not (display and isinstance(lhs, sp.Symbol) and isinstance(rhs, sp.Symbol)
                                        and lhs.name in used and rhs.name in used and earlier is None
                                        and rhs not in {d.target for d in definitions}) \
            and defines(rel, lhs, rhs, used_here, pinned, standalone, display and not restated or new_section, model) \
            and not (inline and rel.op == "==" and supposed_cue(lines, rel)) \
            and not (inline and rel.op == "==" and _case_of_defined(lines, rel, lhs, definitions)) \
            and not (renamed_entry and (isinstance(lhs, sp.core.function.AppliedUndef)
                                        or isinstance(lhs, sp.Indexed) and all(i.is_Integer for i in lhs.indices))) \
            and not (rel.op != ":=" and isinstance(lhs, (sp.Symbol, sp.Indexed)) and (target_name(lhs) or "") in unread
                     and not defined_before(lines, rel, blocks)) \
            and not (rel.op != ":=" and isinstance(lhs, sp.core.function.AppliedUndef) and lhs.args
                     and not rhs.free_symbols and not rhs.atoms(sp.Indexed)
                     and ((target_name(lhs) or "") in unread or {a.name for a in lhs.args if isinstance(a, sp.Symbol)}
                          & used)) \
            and not (rel.op != ":=" and isinstance(lhs, sp.Symbol) and lhs.name.endswith("_angle")
                     and _equated_before(out, lhs, sections, rel.line) and not defining_cue(lines, rel)) \
            and not (rel.op != ":=" and isinstance(lhs, sp.core.function.AppliedUndef)
                     and _written_as_operator(rel.lhs, [b.tex for b in blocks if b.line < rel.line])) \
            and not (rel.op != ":=" and isinstance(lhs, (sp.Symbol, sp.core.function.AppliedUndef))
                     and not rhs.free_symbols and re.match(r"(?:E|Var)[\[(]_[\])]", str(lhs)) and display
                     and claimed_before(lines, rel, blocks)) \
            and not (inline and rel.op == "==" and _top_level_items(rel.lhs) is not None
                     and not _CHOSEN_TUPLE.search(_INLINE_MATH_RE.sub(" x ", _sentence_before(lines, rel))))
        # ("The roots … are $(x_1, x_2) = (2, 4)$", "The gradient is $(g_1, g_2) = (3, 4)$": a claim about the entries,
        # not the family defined by them)
        # ("Let $Y$ take the values ±1 … Then $$\mathbb{E}[Y] = 0.5$$": what the text derives, a claim — never the
        # value that defines E[Y] for what follows)
        # ("the operator reproduces linear functions, $B_n(t) = t$" of "$B_n(f)(t) = …$": no formula of B_n's own)
        # ("$$\mathbb{E}[X^2] = …$$" after "$$\mathbb{E}[X^k] = …$$": the moment at k = 2, a claim about it)
        # ("… = −⟨E⟩", then "也就是说 $$⟨E⟩ = ∂ log Z/∂β$$": what ⟨E⟩ is was said already, a claim about it;
        # "$$f(\mu) = \tfrac12$$" after an f(E) := … softsym could not read, or with μ a name the text uses: f's
        # value at that point, not f ≡ 1/2)
        # p_i = … derived ("multiplying by e^{-m/T} gives") after an unread p_i = softmax_T(z)_i: a claim about
        # the p softsym could not read (doubted), not a new p
        if k == entries_given_next and isinstance(lhs, sp.Indexed) and not rhs.has(lhs.base) \
                and not any(isinstance(d.target, sp.Indexed) and d.target.base == lhs.base for d in definitions):
            defining = True             # the entries of a vector just named, given their values
        doubted = aside or (words_set_aside(lines, rel.line, column_of(k), broad=True)
                            if defining and inline and rel.op in ("==", ":=") and not rel.chained and not rhs.is_number
                            else doubted_in(lead_in(lines, rel, blocks) or "", "")
                            if defining and display and rel.op in ("==", ":=") and not rhs.is_number
                            and (k == 0 or found[k - 1].line < rel.line or not rel.chained)
                            else "")           # ("It would be a mistake to define the loss as $$L(p) = …$$")
        if defining and doubted:
            # "It would be a mistake to define the loss as $L(p) = …$", "Many practitioners define …": no definition
            # of the text's — and an earlier one of that name in another section may be what the words reject or
            # replace ("Rather than the squared loss we use here …"): it is not unfolded after it (one of its own
            # section stays: "The loss is …. A common mistake is to write …")
            kept = [d for d in definitions if target_name(d.target) != target_name(lhs) or aside and any(
                same_section(sections, line, rel.line) for line in defined_at.get(target_name(lhs) or "", []))]
            # (words that only may set it aside — "Rather than the hinge, from now on we use …" — leave no
            # definition of the name standing: which one the text means is not read)
            dropped = len(kept) < len(definitions)
            definitions = kept
            set_aside_at.setdefault(target_name(lhs) or "", []).append(rel.line)
            formula_aside_at.setdefault(target_name(lhs) or "", []).append(rel.line)
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message=f"a form the words {'set aside' if aside else 'may set aside'} (\"{doubted}\"): "
                                       f"not the text's definition"
                                       + (f", and the earlier {target_name(lhs)} is not unfolded after it either"
                                          if dropped else "")))
            use(names_in(lhs, rhs))
            continue
        if defining and _pieced(lines, rel, lhs, rhs, earlier, defined_at, sections):
            # "On positive inputs, $h(x) = x$. On negative inputs, $h(x) = 0.1x$.": two bodies of h in one section
            # and no words that leave the first — pieces of a definition by cases: neither is unfolded after it
            first = [line for line in defined_at.get(target_name(lhs) or "", []) if line <= rel.line]
            branches.add(target_name(lhs)); branch_at.setdefault(target_name(lhs), []).append(rel.line)
            neither_unfolded(first[-1], f"{shown_l} := {shown_r}, a second body of {target_name(lhs)} in the section "
                                        f"(line {first[-1]}) with no words that leave the first: two pieces of a "
                                        f"definition by cases? neither is unfolded")
            continue
        anchoring = not (isinstance(lhs, sp.Indexed) and str(lhs.base.label) in families_restated) \
            and not _FOR_A_STRETCH.search(" ".join(lines[max(0, rel.line - 2):rel.end_line + 1]))
        # (η_t = η_0 γ^t "until step 10", or given again in another section: its closed form is not every η_t's)
        looped = circular(lhs, rhs, [d for d in definitions if d not in renewed], anchoring) if defining else []
        if looped and rel.op != ":=" and isinstance(lhs, sp.core.function.AppliedUndef) and any(
                isinstance(d.target, sp.core.function.AppliedUndef) and d.target.func == lhs.func
                and len(d.target.args) == len(lhs.args) for d in definitions):
            defining, looped = False, []    # H(p, q) = H(p) + KL(p‖q) after H(p, q) := …: a claim about it
        if looped and _restates_through(lhs, rhs, definitions):
            defining, looped = False, []    # "T = 1/β" after β := 1/T: the same relation again, a claim (true)
        if looped:          # z_i := log p_i after p_i := softmax(z)_i: z through itself — neither is wrong, but
            how = "at other entries of itself" if looped == [target_name(lhs)] \
                else f"through {', '.join(looped)}, defined from it"          # (u_k := u_{w_k}: its own family)
            out.append(Reading(rel, verdict="definition", lhs=shown_l, rhs=shown_r,     # unfolded it never ends
                               message=f"{shown_l} := {shown_r} would define {target_name(lhs) or shown_l} through "
                                       f"itself ({how}): not unfolded"))
            circular_at[target_name(lhs) or shown_l] = rel.line
            use(names_in(lhs, rhs))
            continue
        if defining and (noise := _noise_in(rhs, text)):
            # "$y_i = w x_i + \varepsilon_i$ with $\varepsilon_i \sim \mathcal{N}(0, \sigma^2)$": how the data arise,
            # with a draw in it — not y_i := w x_i + ε_i to unfold (w there is the true weight, not J's variable), but
            # a hypothesis of what follows
            constraints.append(as_relational("==", lhs, rhs))
            imposed_at.setdefault(constraints[-1], rel.line)
            noise_models[constraints[-1]] = (rel.line, target_name(lhs) or "")
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message=f"a model of how {shown_l} arises, with a random draw in it ({noise}): a "
                                       f"hypothesis of what follows, not a definition to unfold"))
            use(names_in(lhs, rhs))
            continue
        if defining:
            pointed = _arguments_with_a_value(lhs, rhs, {**{name: set() for name in vectors if name not in spaced}, **{
                target_name(d.target): _used_names(d.expr) for d in definitions if target_name(d.target)}})
            if pointed:          # "$$H(p) = 0.5 \log 2 + …$$" of the example's p: H there, not H of anything
                out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                                   message=f"a value of {lhs.func} at {', '.join(pointed)}, which the text gave a value "
                                           f"(its right side does not use it): not {lhs.func} of every argument"))
                use(names_in(lhs, rhs))
                continue
            modelled = model_parameters(raw_lhs)
            if modelled is not None and set(modelled) & rhs.free_symbols:   # P(y | λ) = …, every argument
                models[raw_lhs.func.__name__] = (modelled, rhs)
            definitions = [d for d in definitions if d not in renewed]
            squared = (lhs, rhs)
            if isinstance(lhs, sp.core.function.AppliedUndef) and any(isinstance(a, sp.Pow) for a in lhs.args):
                try:                         # ℓ(μ, σ²) := … z … with z := (x − μ)/σ: σ inside z is the same σ
                    own = {x.name for a in lhs.args for x in a.free_symbols}   # (σ := 2 is not ℓ's σ)
                    squared = squared_parameters(lhs, unfold_keeping_variables(
                        rhs, [d for d in definitions if target_name(d.target) not in own]))
                except Exception:  # noqa: BLE001 - not unfolded: not read as a function of the square
                    squared = None
            if squared is None:              # ℓ(μ, σ²) := … σ …: not a function of σ² after all
                out.append(Reading(rel, verdict="unparsed", lhs=shown_l, rhs=shown_r,
                                   message=f"a function of a square whose definition is not even in the root "
                                           f"(which root is meant?): {rel.lhs}"))
                continue
            older = [d for d in definitions if d.target == lhs
                     or target_name(lhs) is not None and target_name(d.target) == target_name(lhs)]
            if older and inline and target_name(lhs) and all(sp.sstr(d.expr) != sp.sstr(rhs) for d in older):
                # "Now let $z_i = \log p_i$" after z_i := a u_i: the old z no longer unfolds (not even inside
                # s := softmax(z), defined from it), and what rests on s is doubted: the old z or the new?
                definitions = _given_new_meaning(definitions, target_name(lhs), rel.line, renamed_at)
            if inline and entry is not None and entry.target is not None and entry.column is None \
                    and entry.target in vectors and example_cue(lines, rel):
                # "二维时取 $\mathbf{x} = (0, z)$" of x = (x_1, …, x_n): an example in its sentence, not x from here on
                out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                                   message=f"an example's value of {entry.target}, a vector the text introduced "
                                           f"before: not its definition from here on"))
                use(names_in(lhs, rhs))
                continue
            if isinstance(lhs, sp.core.function.AppliedUndef) and lhs.args and not rhs.free_symbols:
                at = {c.lhs: c.rhs for c in conditions_for(rel, live_conditions(), blocks, lines, condition_columns)
                      if is_pin(c) and isinstance(c.lhs, sp.Symbol) and not c.rhs.free_symbols}
                if all(a in at for a in lhs.args):    # "β = 1: $$Z = 1 + e^{-1} + e^{-2}$$": Z(1), not Z(β) for every β
                    squared = (lhs.xreplace(at), rhs)
            definitions.append(Definition(*squared, len(definitions) + 1))
            if inline and target_name(lhs) and _supposed_choice(lines, rel.line, column_of(k)):
                chosen_at[target_name(lhs)] = (rel.line, paragraph_around(lines, rel.line, rel.end_line, False)[1])
            counted = sorted({x for summed in rhs.atoms(sp.Sum, sp.Product) for _, lo, hi in summed.limits
                              for x in (lo.free_symbols | hi.free_symbols) if x in lhs.args}, key=sp.sstr) \
                if isinstance(lhs, sp.core.function.AppliedUndef) else []
            if isinstance(lhs, sp.core.function.AppliedUndef) and (own_names or counted):
                # "where $x > 0$: $$f(x) = x$$"; "$$\psi(n) = \sum_{k=1}^{n-1} 1/k - \gamma$$": n counts terms, an integer
                domains[str(lhs.func)] = (lhs.args, [
                    c for c in conditions_for(rel, live_conditions(), blocks, lines, condition_columns)
                    if getattr(c, "rel_op", "") in ("<", "<=", ">", ">=") and {x.name for x in c.free_symbols} & own_names]
                    + [sp.Eq(sp.floor(x, evaluate=False), x, evaluate=False) for x in counted],
                    rel.line)
            if ranged and own_names and target_name(lhs) is not None:   # a later range is another case
                branches.add(target_name(lhs)); branch_at.setdefault(target_name(lhs), []).append(rel.line)
            defined_at.setdefault(target_name(lhs) or "", []).append(rel.line)
            if isinstance(lhs, sp.core.function.AppliedUndef):     # BCE(a, y) = … written with "=": a formula
                equals_defined.pop(str(lhs.func), None)            # the text's checks may disagree with
                if rel.op == "==" and display:
                    equals_defined[str(lhs.func)] = rel.line
            if display:
                displayed_at.setdefault(target_name(lhs) or "", []).append(rel.line)
            if not rhs.free_symbols and isinstance(lhs, (sp.Symbol, sp.Indexed)):
                stated[sp.sstr(lhs)] = (rhs, rel.line)          # L = ½(½ − 1)²: a worked example's value
            unread.pop(target_name(lhs) or "", None)
            message = f"{shown_l} := {shown_r}"
            if renewed:
                message += (f" (a new model of {shown_l}: {', '.join(fresh)} first "
                            f"{'appears' if len(fresh) == 1 else 'appear'} here; "
                            f"{', '.join(str(d.target) for d in renewed)}, defined from the old {shown_l}, "
                            f"no longer {'unfolds' if len(renewed) == 1 else 'unfold'})")
            if probabilities_in(lhs) == {lhs} and earlier is not None:
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
            if display:     # "For $t > 0$ define $$\mathrm{LSE}_t(x) := t \log …$$": t > 0 wherever LSE_t is
                arguments = set(lhs.args) if isinstance(lhs, sp.core.function.AppliedUndef) else set()
                in_row = row_condition(rel.condition, context, lhs, rhs)[0] if rel.condition else []
                # ("$$q_k = (1 - ε) y_k + ε/K, \qquad 0 < ε < 1$$": ε's range wherever q is)
                for c in [*conditions_for(rel, live_conditions(), blocks, lines, condition_columns), *in_row]:
                    bounded = parameter_key(c.lhs if getattr(c, "rhs", None) is not None and c.rhs.is_Number
                                            else getattr(c, "rhs", None)) if isinstance(c, sp.Rel) else None
                    if bounded is not None and getattr(c, "rel_op", "") in ("<", "<=", ">", ">=") \
                            and c.free_symbols <= rhs.free_symbols - arguments \
                            and (bounded not in standing or standing_line.get(bounded) == rel.line):
                        standing[bounded] = (*standing.get(bounded, ()), c) if bounded in standing else (c,)
                        standing_line[bounded] = rel.line
                        standing_doubts[bounded] = ""
            out.append(Reading(rel, verdict="definition", message=message, lhs=shown_l, rhs=shown_r))
            use(names_in(lhs, rhs) - ({str(i) for i in entry.indices} if entry is not None else set())
                - (own_parameters(lhs) - used))                      # f(x) = …: x is f's own, not yet used
            continue
        if rel.op == "==" and is_atomic(lhs) and is_atomic(rhs) and not lhs.is_Number and not rhs.is_Number\
                and lhs != rhs and not probabilities_in(lhs, rhs) \
                and not (inline and earlier is not None and _RENEWING.search(_clause_of_inline(lines, rel))) \
                and not (display and claimed_before(lines, rel, blocks)
                         and not _CASE_AFTER_CUE.search(_after_last_claim_cue(lead_in(lines, rel, blocks) or ""))) \
                and not (display and between_defined and target_name(rhs) is not None) \
                and k not in system_valued:
            # "Therefore $$s = d$$": a claim (not "So for the indices where $$z_j = z_k$$ …": a case)       # P(A | B) = P(A) is about events                         # \sqrt{x^2} = x for x > 0 reads x = x: a claim
            if display and (isinstance(lhs, sp.Symbol) and isinstance(rhs, sp.Symbol)
                            or _fixed_entry(lhs) and _fixed_entry(rhs)) and not claimed_before(lines, rel, blocks):
                add_condition(as_relational(rel.op, lhs, rhs))    # "When the logits agree, $$a = b,$$ so $$…$$"
            if inline:
                condition = as_relational(rel.op, lhs, rhs)
                if isinstance(lhs, sp.Indexed) and isinstance(rhs, sp.Symbol) and not rhs.is_integer:
                    every = {i: sp.Symbol(f"{i}_every", integer=True) for i in lhs.indices
                             if isinstance(i, sp.Symbol)}          # "uniform logits $z_k = c$": every entry
                    condition = condition.xreplace(every) if condition is not None else None
                add_condition(condition)
                stand_if_chosen(rel, condition)
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a condition between two names (i = j, at q = p), not a claim; "
                                       "it holds in the display after it"))
            continue
        role = prose_role(lines, rel) if inline and (lhs.free_symbols or rhs.free_symbols) \
            and k not in system_valued else "claim"     # (a claim about the values the text gave: "… $\varepsilon N = 100$")
        if role is None and inline and sp.Tuple(lhs, rhs).has(sp.Derivative, sp.Integral, sp.Limit) \
                and premise_before(lines, rel):
            role = "claim"      # "Since $\frac{d^2}{dx^2}\log x = -1/x^2 < 0$ on …": a derivative the step rests on, stated
            premised_claims.add(k)
        known = _KNOWN_DEFINED.match(rel.lhs) if rel.op in ("==", ":=") \
            and not lhs.atoms(sp.core.function.AppliedUndef) else None    # (one the text defined already: its own)
        if known is not None and (not re.search(rf"(?<![A-Za-z\\]){re.escape(known.group('argument'))}(?![A-Za-z])",
                                                rel.rhs) or known.group("argument").lstrip("\\") in defined_names):
            known = None        # "softmax(u) = [0.25, 0.75]" at the text's u: a value there, no definition
        defining_known = known is not None and (role == "condition" or inline and defining_cue(lines, rel)
                                                or rel.op == ":=" or bool(_OWN_WORDS.search(_lead_words(lines, rel)))
                                                or bool(_OWN_AFTER.search(_words_after(lines, rel))))
        if known is not None and (role != "claim" or defining_known) \
                and not aside and (shown_different(lhs, rhs) or defining_known and not proved_same(lhs, rhs)
                                   or rel.op != ":=" and any(
                                       r.line == rel.line and r.op == "==" and r is not rel
                                       and re.sub(r"\s+", "", r.lhs) == re.sub(r"\s+", "", rel.lhs)
                                       and re.sub(r"\s+", "", r.rhs) != re.sub(r"\s+", "", rel.rhs) for r in found)):
            # (one the text writes in pieces — "σ(t) = … for t ≥ 0 and σ(t) = 0 for t < 0" — is its own too)
            # "Let $\mathrm{softplus}(x) = \log(1 + e^{2x})$ in these notes": the text's own softplus — what uses it
            # after is checked against neither (softsym's would refute what holds of the text's)
            own_name = known.group("name") or known.group("letter")
            throughout = bool(_THROUGHOUT.search(_words_into(prose_lines, rel, blocks)))
            disputed_own[own_name] = (0 if throughout else rel.line, True)   # (in every section after it, and with
            #                                                                   "Throughout this note" before it too)
            if defining_known:
                out.append(Reading(rel, verdict="definition", lhs=shown_l, rhs=shown_r,
                                   message=f"the text's own {own_name}, not softsym's: what uses it after "
                                           f"this line is checked against neither"))
                use(names_in(lhs, rhs))
                continue
        elif known is not None and role == "condition":
            role = "claim"      # "Let $\mathrm{LSE}(x) = \log\sum_j e^{x_j}$": softsym's own function, defined as
            #                     "Define" would: checked against softsym's reading (not a supposition it cannot use)
        if role == "used":      # "Using $\sum_{k=0}^{t-1} β^k = …$": an identity stated as used, a claim — of
            role = None if names_in(lhs, rhs) & {target_name(d.target) for d in definitions} else "claim"   # the text's defined names, a step's
            # shorthand (d log Z/dT = −z̄/T² of a z̄ whose weights are read apart from p(T)): not settled
        if role == "condition" and rel.op == "==" and not lhs.is_number and not rhs.is_number:
            # "Now suppose instead that $3x + ε = y$": y modelled anew (not "for the first sample, $y = 3$")
            sides_written.extend((rel.line, k, name) for name in names_in(lhs, rhs))
        if aside and role != "claim":       # "A common mistake is to set $\eta = 2$": no value of the text's own
            set_aside_at.setdefault(target_name(lhs) or "", []).append(rel.line)
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message=f"a form the words set aside (\"{aside}\"): not a value or a case of the text's"))
            use(names_in(lhs, rhs))
            continue
        if role == "condition" and rel.op == "==" and (lhs == 0 or rhs == 0) and sp.Tuple(lhs, rhs).has(sp.Derivative) \
                and 1 <= rel.line <= len(lines) and _SOLVED_FOR.search(
                    blank_inline_math(lines[rel.line - 1][:max(0, lines[rel.line - 1].find(rel.tex.strip()[:20]))])):
            # "Its maximum is where $H'(p) = 0$, i.e. at $p = 1/2$": an equation that locates a point, not a claim
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="an equation the words solve (where a derivative vanishes), not a claim"))
            use(names_in(lhs, rhs))
            continue
        if role == "condition" and sp.Tuple(lhs, rhs).has(sp.Derivative, sp.Integral, sp.Limit, sp.Subs):
            role = "claim"      # (a derivative, an integral, a limit in prose is stated, not supposed; where the
            #                     sentence says neither — "Using $\frac{d \log Z}{dT} = …$" — it stays doubted)
        if role != "claim" and inline and rel.chained and chain_roles.get(k - 1) == "claim" \
                and not (k - 1 in premised_claims and rel.op != "==" and not rel.condition):
            # (not "Since $J''(w) = 2(S_{xx} + λ) > 0$": the sign may rest on a case of the sentences before)
            premised_claims.update({k} if k - 1 in premised_claims else set())
            role = "claim"      # "$\frac{d}{da}\Phi(\lambda a)\big|_{a=0} = \lambda\phi(0) = \lambda/\sqrt{\pi}$": the chain's
        chain_roles[k] = role   # first link a derivative, a claim — so are the links it goes on with
        if role == "condition" and rel.op == "==" and (target_name(lhs) or "") in {target_name(d.target) for d in definitions} \
                and worded_value(lines, rel):
            # "Suppose the softmax output is $p = (0.5, 0.6, 0.7)$" of p_i := softmax(z)_i: a value the text's own
            # definition may not allow — neither a claim to refute at any z nor a value to prove things from
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message=f"a value supposed (or an example's) for {target_name(lhs)}, which the text "
                                       f"defines (line {max(defined_at.get(target_name(lhs), [0]))}): not checked, "
                                       f"and not used"))
            continue              # "…, with $\\frac{d}{dz} f = …$": a derivative is stated, not assumed
        if instance is not None and role != "condition":      # z = (1, 2, 3) is an instance as an example only
            out.append(Reading(rel, verdict="unparsed", lhs=shown_l, rhs=shown_r,
                               message=f"a relation between vectors of different lengths (1..{instance.rhs} and "
                                       f"1..{instance.lhs}), written as a claim: {rel.tex}"))
            continue
        if role == "condition" and rel.op == "==" and target_name(lhs) is not None and names_in(rhs) \
                and (not any(e.base == lhs.base and len(e.indices) == len(lhs.indices) for e in rhs.atoms(sp.Indexed))
                     if isinstance(lhs, sp.Indexed) else target_name(lhs) not in names_in(rhs)) \
                and target_name(lhs) not in {target_name(d.target) for d in definitions} \
                and not isinstance(lhs, sp.core.function.AppliedUndef) \
                and (defining_cue(lines, rel) or named_by_noun(lines, rel) and target_name(lhs) not in used) \
                and not (case_by_noun(lines, rel) and _written_before(lines, rel, lhs)):
            # "where $\kappa = L/\mu$ is the condition number": κ is what it names from here on (and "均匀分布
            # $u_k = 1/K$": the new name the noun before it names)
            looped = circular(lhs, rhs, definitions, False)
            if looped:      # "令 $z_i = \log p_i$" after p_i := softmax(z)_i: through itself, never unfolded
                out.append(Reading(rel, verdict="definition", lhs=shown_l, rhs=shown_r,
                                   message=f"{shown_l} := {shown_r} would define {target_name(lhs)} through itself "
                                           f"(through {', '.join(looped)}, defined from it): not unfolded"))
                circular_at[target_name(lhs)] = rel.line
                use(names_in(lhs, rhs))
                continue
            definitions.append(Definition(lhs, rhs, len(definitions) + 1))
            defined_at.setdefault(target_name(lhs), []).append(rel.line)
            unread.pop(target_name(lhs), None)
            out.append(Reading(rel, verdict="definition", lhs=shown_l, rhs=shown_r,
                               message=f"{shown_l} := {shown_r} (named in a \"where\" clause, from here on)"))
            use(names_in(lhs, rhs))
            continue
        if role == "condition" and rel.op == "==" and target_name(lhs) is not None and names_in(rhs) \
                and not isinstance(lhs, sp.core.function.AppliedUndef) and defining_cue(lines, rel):
            before = [d for d in definitions if target_name(d.target) == target_name(lhs)]
            if before and all(sp.simplify(d.expr - rhs.xreplace(dict(zip(lhs.indices, d.target.indices))
                                                              if isinstance(lhs, sp.Indexed)
                                                              and isinstance(d.target, sp.Indexed)
                                                              and len(lhs.indices) == len(d.target.indices)
                                                              else {})) != 0 for d in before):
                # "Now let $z_i = \log p_i$" after z_i := w x_i: a new meaning (the old one stops unfolding,
                # and what uses the name afterwards is doubted), neither a case nor a claim
                given_new_meaning(f"a new meaning for {target_name(lhs)}, defined before (line "
                                  f"{max(defined_at.get(target_name(lhs), [0]))}): the earlier definition no longer "
                                  f"unfolds, and relations through {target_name(lhs)} are doubted")
                continue
        valued_before = [d for d in definitions if isinstance(lhs, sp.Symbol) and d.target == lhs] \
            if rel.op == "==" and not rel.chained and not rhs.free_symbols and rhs.is_number else []
        if valued_before and all(d.expr.is_number for d in valued_before) \
                and all(sp.simplify(d.expr - rhs) != 0 for d in valued_before):
            since = max(defined_at.get(target_name(lhs), [0]))
            if any(since < line <= rel.line and c is not None and is_pin(c) and same_section(sections, line, rel.line)
                   for line, c in conditions):
                # "$n_in = 256$ … $$a = \sqrt{6/384} = 0.125$$ … $n_in = 784$ … $$a = \sqrt{6/1084}$$": the next
                # example's value of a name the last example gave a number — a new meaning, not a claim against it
                given_new_meaning(f"another example's value of {target_name(lhs)} (the values in prose changed since "
                                  f"line {since}, where it was given a number): not a claim against that number")
                continue
        unit_norm = _UNIT_NORM.fullmatch(rel.lhs) if rel.op == "==" and rel.rhs.strip() == "1" else None
        if unit_norm is not None and 1 <= rel.line <= len(lines) and re.search(
                r"(?i)(?:\bunit(?:[-\s]+(?:norm|length))?\s+vectors?|\bunit[-\s]+(?:norm|length)|单位向量)\s*\$\s*"
                + re.escape(unit_norm.group(1)) + r"\s*(?:\\in\s*\\mathbb\s*\{?\s*R\s*\}?\s*(?:\^\s*\{?\s*\w+\s*\}?)?\s*)?\$", " ".join(lines[max(0, rel.line - 2):rel.line])):
            # "there is a unit vector $u$ (so $\|u\| = 1$)": what the words say of u, a hypothesis — not a claim about
            # any vector u
            relational = as_relational(rel.op, lhs, rhs)
            if relational is not None:
                constraints.append(relational)
                imposed_at.setdefault(relational, rel.line)
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message=f"what the words say of {unit_norm.group(1)} (a unit vector): a hypothesis of "
                                       f"the relations after it, not a claim"))
            use(names_in(lhs, rhs))
            continue
        if role == "condition" and rel.op in ("==", "<", "<=", ">", ">="):
            relational = as_relational(rel.op, lhs, rhs)
            given_here = [relational] if relational is not None and (is_pin(relational) or product_value(relational)) \
                else []                         # (u_o^T v_c = 2: the example's value of that product)
            given_here += example_entries(entry, lhs, rhs) if rel.op == "==" else []
            given_here += [instance] if instance is not None and given_here else []
            for value in given_here:          # "take $z_1 = 0$", "take $z = (2, 1, 0)$": a value, checked both ways
                add_condition(value)
                if example_cue(lines, rel):   # "let", "take", "for example": the example's value, not an "if"
                    example_pins.append((rel.line, value))
            pinned_on = pin_throughout(lines, rel, column_of(k), lhs, rhs) if inline and rel.op == "==" else None
            if pinned_on is not None:         # "For the derivations I set $\alpha_t = 1$": from here on
                pinned_through[pinned_on[0]] = rel.line
                standing[pinned_on[0]] = (*(c for c in standing.get(pinned_on[0], ()) if not is_pin(c)), pinned_on[1])
                standing_line[pinned_on[0]] = rel.line
                standing_doubts[pinned_on[0]] = ""
            if not given_here and assumed_of_defined(relational):
                pass                         # "let $k = Σ x_i$ … Assume $0 < k < n$": a bound on k from here on
            elif not given_here and rel.op in ("<", "<=", ">", ">=") and inline and relational is not None \
                    and names_in(lhs, rhs) and not names_in(lhs, rhs) & defined_names:
                add_condition(relational)                   # "If $x y > 0$, then $$…$$": that display's case
            elif not given_here and rel.op == "==" and inline and (
                    isinstance(lhs, sp.Symbol) and lhs not in rhs.free_symbols
                    or isinstance(lhs, sp.Indexed) and all(isinstance(i, sp.Symbol) for i in lhs.indices)
                    and not rhs.has(lhs.base)) and names_in(rhs) \
                    and relational is not None and not names_in(lhs, rhs) & defined_names and supposed_cue(lines, rel):
                add_condition(relational)                   # "If $p = \sigma(x)$, solve for $x$: $…$": its case
                # (and "若取 $\ell_i = \lceil -\log_2 p_i \rceil$，则 …": the entry at that index)
            elif not given_here and rel.op == "==" and inline and relational is not None and isinstance(lhs, sp.Pow) \
                    and lhs.exp == 2 and isinstance(lhs.base, (sp.Symbol, sp.Indexed)) and rhs.is_number \
                    and rhs.is_positive and target_name(lhs.base) not in defined_names:
                add_condition(relational)                   # "Take … $\sigma_n^2 = 0.25$": the square's value (either root)
            elif not given_here and rel.op == "==" and inline and isinstance(lhs, sp.Indexed) and relational is not None \
                    and all(isinstance(i, sp.Symbol) for i in lhs.indices) and not rhs.has(lhs.base) \
                    and target_name(lhs) not in defined_names and case_by_noun(lines, rel):
                add_condition(relational)                   # "For the uniform distribution $p_i = 1/n$, $…$": its case
                # (every entry, as the noun names the whole: not "If $x_i = 0$", which may be one entry)
            elif not given_here and rel.op == "==" and inline and relational is not None \
                    and names_in(lhs, rhs) & defined_names and case_at_point(lines, rel):
                add_condition(relational)                   # "At $\beta\varepsilon = 1$: $x = e^{-1}$": its case
            elif not given_here and rel.op == "==" and lhs.has(sp.Sum) != rhs.has(sp.Sum) \
                    and is_constraint(rel, lhs, rhs, True) and not names_in(lhs, rhs) & defined_names \
                    and not unplain(lines, rel.line, column_of(k)):
                constraints.append(as_relational("==", lhs, rhs))   # "Let $y$ be … ($\sum_i y_i = 1$)"
                imposed_at.setdefault(constraints[-1], rel.line)
            elif not given_here and rel.op == "==" and inline and relational is not None \
                    and (solved := solved_value(lhs, rhs, frozenset(defined_names))) is not None:
                add_condition(solved)       # "For example $\beta h = 0.5$ gives $…$": the case h = 0.5/β
                solved_cases.add(solved)    # (checked without it too, as a value: it may hold there only)
                chose = _CHOSEN_FOR_WHAT_FOLLOWS.search(_sentence_before(lines, rel))
                if chose and not unplain(lines, rel.line, column_of(k)) \
                        and not _QUALIFIED_AFTER.search(_rest_of_sentence(lines, rel, column_of(k))):
                    # (not "One could choose …, but we do not", "If we choose …", "Choosing … makes …", "… ; we keep
                    # β free")
                    condition_columns.pop((rel.line, solved), None)     # (the rest of its line too, past a stop)
                    solved_cases.discard(solved)        # (chosen for what follows: not a case it may hold in only)
                    standing[solved.lhs.name] = (*(c for c in standing.get(solved.lhs.name, ()) if not isinstance(
                        c, sp.Eq)), solved)                 # "Choose the temperature so that $βε = \ln 3$": it
                    standing_line[solved.lhs.name] = rel.line   # holds from here on in its section (b > 0 said
                    standing_doubts[solved.lhs.name] = ""       # before stays beside b = a − 1)
                    choices[solved.lhs.name] = (rel.line, column_of(k), standing[solved.lhs.name],
                                                frozenset(names_in(lhs, rhs)), chose.group("noun") or chose.group("subject") or "")
            elif not given_here and inline and _as_case(lines, rel.line, column_of(k)):
                unused_conditions.append((rel.line, rel.tex))    # "损失在 $q = \tilde y$ 时最小": not used
            elif not given_here and rel.op == "==" and inline and relational is not None \
                    and len(names_in(lhs, rhs)) == 1 and not names_in(lhs, rhs) & defined_names \
                    and standing_supposition(lines, rel) and _finitely_many_roots(relational):
                add_condition(relational)   # "Let $x$ be a real root of $x^2 - 5x + 6 = 0$", "Suppose $\log x = 0$":
                #                             what follows holds at its roots (a value off them is a claim, checked)
            elif not given_here and names_in(lhs, rhs) and inline and standing_supposition(lines, rel):
                unused_standing.append((rel.line, rel.tex, frozenset(names_in(lhs, rhs))))
                # "Let … with $\sum_i z_i^2 = n$": a supposition softsym does not impose (neither a value nor a
                # constraint): what speaks of its names after it may rest on it
            family = target_name(lhs) if isinstance(lhs, sp.Indexed) and rel.op == "==" and inline else None
            old = [d for d in definitions if family and target_name(d.target) == family
                   and not d.expr.free_symbols - {i for i in d.expr.free_symbols if i.is_integer}]
            if old and not rhs.has(*(d.target.base for d in old if isinstance(d.target, sp.Indexed))):
                # "**Worked example 2.** $x = (0, 3, 1, 3)$" after example 1's $x = (10, 11, 12)$: example 1's x is
                # no longer unfolded, and what rests on x after it is doubted, not checked against either
                definitions = [d for d in definitions if not any(d is o for o in old)]
                doubts_later[family] = (max(defined_at.get(family, [rel.line])), rel.line)
            if inline and rel.op == "==" and relational is not None and relational not in (sp.true, sp.false) \
                    and not is_pin(relational) and example_cue(lines, rel):
                taken.append((relational, rel.line))    # "取 $n_h = nW_h$": what the section goes on from (a doubt)
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a condition, an assumption or an example's value written in prose "
                                       "(\"where …\", \"take …\", \"当…时\"), not a claim"))
            continue
        defined = {target_name(d.target) for d in definitions}
        recurring = {str(e.base.label) for e in sp.Tuple(lhs, rhs).atoms(sp.Indexed)} & set(recurrences)
        made_of_defined = set().union(*(names_in(d.expr) for d in definitions)) - {
            n for d in definitions for n in names_in(d.expr) if "[" not in n}        # (families only: y of k := Σ y_i)
        if inline and rel.op == "==" and (lhs.is_number or rhs.is_number) \
                and _VALUE_MEANS.match(_rest_of_sentence(lines, rel, column_of(k))):
            # "$\delta_i = 1$ 表示观察到事件，$\delta_i = 0$ 表示右删失": what a value means, no constraint
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="what a value of the name means (\"… means …\"), not a claim or a constraint"))
            use(names_in(lhs, rhs))
            continue
        if is_constraint(rel, lhs, rhs, standalone) and not (names_in(lhs, rhs) & defined) and not checks_example \
                and not (inline and (excluded_in_words(lines, rel) or set_aside(lines, rel))) \
                and not (inline and claimed_inline(lines, rel.line, column_of(k))) \
                and not (display and names_in(lhs, rhs) & made_of_defined and claimed_before(lines, rel, blocks)) \
                and not (display and re.match(r"(?:E|Var)[\[(]_[\])]", str(lhs)) and claimed_before(lines, rel, blocks)) \
                and not recurring and not wrong_root and not (display and (
                    said_in_general(lines, rel, blocks) or widened_since(lines, rel.line, rel, blocks))) \
                and not any(isinstance(c, sp.Eq) and c.free_symbols & (lhs.free_symbols | rhs.free_symbols)
                            for c in conditions_for(rel, live_conditions(), blocks, lines, condition_columns)):
            # (not "For every real $x$ we have $$x^2 - 5x + 6 = 0.$$": a claim about every x, checked — never a
            # hypothesis the text imposes; nor "If $a = 2b$ then $$a - 2b = 0$$": a claim in the case supposed;
            # m_2 = 0.58 of m_t = β m_{t-1} + …: a claim; nor "Also we have $$\sum_i y_i^2 = 8$$" of the family
            # of k := Σ y_i: derived from what the text said of k)
            constraints.append(as_relational("==", lhs, rhs))
            imposed_at.setdefault(constraints[-1], rel.line)
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message="a constraint the text imposes on its names (an equation, not an "
                                       "identity): a hypothesis of the relations after it"))
            use(names_in(lhs, rhs))
            continue
        own_version = False
        if twice:
            doubts_later[target_name(lhs)] = (defined_here[-1], rel.line)
        if rel.op == ":=" and at_last_index(lhs) and not rhs.free_symbols:
            add_condition(sp.Eq(lhs, rhs))      # "set $\eta_K := 0$": the last entry's value, from here on
            last_values[str(lhs.base.label)] = (rel.line, sp.Eq(lhs, rhs), rel.tex.strip())
            out.append(Reading(rel, verdict="skipped", lhs=shown_l, rhs=shown_r,
                               message=f"the value of one entry ({shown_l}, at the last index), not of every "
                                       f"entry: a hypothesis of the relations after it"))
            continue
        if rel.op == ":=":
            if not re.match(r"^\s*\\(?:mathrm|operatorname|text)\s*\{\s*(?:softplus|sigmoid|softmax|logsumexp|LSE|logit)\s*\}"
                            r"|^\s*\\sigma\s*\(", rel.lhs):
                out.append(Reading(rel, verdict="unparsed", lhs=shown_l, rhs=shown_r,
                                   message=f"the left side of a definition must be a name, an entry z_i or f(x), "
                                           f"not {shown_l}"))
                continue
            own_version = True        # softplus(x) := log(1 + e^x): checked against softsym's softplus
        use(names_in(lhs, rhs) - ({str(i) for i in entry.indices} if entry is not None else set()))
        premise = hypotheses.get(premise_of.get(k, -1))
        written, unusable = row_condition(rel.condition, context, lhs, rhs, attempt(
            Deadline.after(0.5), lambda: (unfold(lhs, definitions), unfold(rhs, definitions)), None)
            if rel.condition and bare_set(rel.condition) else None)
        if display:                         # "在 $q = \tilde y$ 时 … ：$$…$$": a case softsym could not use
            holding = next((b for b in blocks if b.display and b.line <= rel.line <= b.end_line), None)
            since = max((b.end_line for b in blocks if b.display and holding is not None
                         and b.end_line < holding.line), default=0)
            unused = [tex for line, tex in unused_conditions if holding is not None and since < line <= holding.line
                      and in_scope(sections, line, rel.line)]
            unusable = unusable or (unused[-1] if unused else "")
        standing_unused = [tex for line, tex, names in unused_standing if line < rel.line
                           and in_scope(sections, line, rel.line) and names & names_in(lhs, rhs)]
        unusable = unusable or (standing_unused[-1] if standing_unused else "")
        prose = conditions_for(rel, live_conditions(), blocks, lines, condition_columns)
        one_entry_doubt = ""
        one_entries = [c for c in prose if one_entry(c, max((line for line, d in live_conditions() if d == c), default=0))
                       and not {i for e in c.atoms(sp.Indexed) for i in e.free_symbols if i.is_integer}
                       & sp.Tuple(lhs, rhs).free_symbols]
        if one_entries:                 # (of the family the relation speaks of, once its definitions are unfolded)
            spoken_of = attempt(Deadline.after(0.5), lambda: unfold_keeping_variables(sp.Tuple(lhs, rhs), definitions),
                                sp.Tuple(lhs, rhs))
            one_entries = [c for c in one_entries if any(mentioned(e, lhs, rhs, spoken_of) for e in c.atoms(sp.Indexed))]
        if one_entries:                 # "When state $i$ is absorbing, $q_i = 1$": one entry, not every q_j
            prose = [c for c in prose if c not in one_entries]
            one_entry_doubt = (f"it may rest on the value the text gives one entry ({sp.sstr(one_entries[0])}), which "
                               f"softsym does not read as every entry's")
        prose = [c for c in prose if not ((is_pin(c) or product_value(c)) and changed_since(   # "Take $x = 2$. Set $x \to -x$."
            out, c.lhs, _pinned_line(c, conditions, [], rel.line), lines, rel.line, rel.tex))]
        if in_inline_math(rel, blocks) and 1 <= rel.line <= len(lines):   # "for positive $x$, $…$. Next, $…$"
            at = column_of(k)
            prose = [c for c in prose if not ((rel.line, c) in local_spans
                                             and not local_spans[(rel.line, c)][0] <= at < local_spans[(rel.line, c)][1])
                     and not ((rel.line, c) in condition_columns       # "For $x > 0$ we have $…$. For every $x$, $…$"
                              and _SENTENCE_END_IN.search(blank_inline_math(lines[rel.line - 1])[
                                  min(condition_columns[(rel.line, c)], at):max(condition_columns[(rel.line, c)], at)]))]
        everywhere: set[str] = set()
        restricted_here: set[str] = set()          # of them, those the quantifier bounds: "with $x > 0$"
        if display:                    # "at $z = 0$ … Hence, for every real $z$, $$…$$": not at z = 0
            everywhere = quantified_names(lines, rel, blocks)
            made_of_any = {target_name(d.target) for d in definitions if names_in(d.expr) & everywhere}
            restricted_here = quantified_with_restriction(lines, rel, blocks)     # "for every real $x$ with $x > 0$"
            prose = [c for c in prose if not (is_pin(c) and target_name(c.lhs) in everywhere | made_of_any
                                              or isinstance(c, sp.Basic) and not is_pin(c) and bool(
                                                  {x.name for x in c.free_symbols if isinstance(x, sp.Symbol)}
                                                  & (everywhere - restricted_here)))]
            # ("对 $x<0$，… 而上界为：对所有实数 $x$，$$…$$": a case of x before, every x here; "In the
            # example, $k = 7$. For any real $y_i$, $$k^2 = 7k$$" of k := Σ y_i: no longer the example's k)

            def reaches(c: sp.Basic) -> bool:        # a sign in words whose sentence ends before the display
                spans = [(line, local_spans[(line, c)]) for line in range(max(1, rel.line - 12), rel.line + 1)
                         if (line, c) in local_spans]
                return not spans or any(span == (0, 0) or span[1] > len(lines[line - 1]) for line, span in spans)
            prose = [c for c in prose if reaches(c)]
        if 1 <= rel.line <= len(lines):     # "at $p = q$" of two families holds in its own paragraph only
            own_paragraph = paragraph_around(lines, rel.line, rel.end_line, False)[0]
            leading = _leads_into(lines, own_paragraph) if display else 0    # "At the minimiser $p = q$, so the
            prose = [c for c in prose if not (_entrywise(c) and all(        # gap is\n\n$$…$$": its lead-in
                line < own_paragraph and line != leading for line, d in live_conditions() if d == c))]
        def worded_doubt(c: sp.Basic) -> str:       # the nearest line that gave this condition decides
            origins = [line for line, d in live_conditions() if d == c and line <= rel.end_line]
            return worded_doubts.get((max(origins), c), "") if origins else ""
        doubt_of = [worded_doubt(c) for c in prose] + [""] * len(written)   # (rows of the display: math)
        rows = len(written)
        written = [*prose, *written]
        for c in trailing.get(k, ()):
            given, missing = row_condition(f"{found[c].lhs} {OP_TEX[found[c].op]} {found[c].rhs}", context, lhs, rhs)
            if c in both_ways_after:                 # "if and only if $u \ge 0$": the converse is claimed too
                given, missing = [], f"{found[c].tex}, with \"if and only if\""
            elif c in negated_after:                 # "except when $x < 0$": x ≥ 0 (one condition only)
                negation = sp.Not(given[0]) if len(given) == 1 else None
                given = [negation] if isinstance(negation, sp.core.relational.Relational) else []
                missing = missing or (f"{found[c].tex} negated" if not given else "")
            written += given
            doubt = unplain(lines, found[c].line, column_of(c), allow=EXCEPTING if c in negated_after else "")
            doubt_of += [doubt and f"{g} (line {found[c].line}: {doubt})" for g in given]
            unusable = unusable or missing
        said = lead_in(lines, rel, blocks, keep_math=True) if display else \
            sentence_around(lines[rel.line - 1], column_of(k)) if 1 <= rel.line <= len(lines) else ""
        if display and said is not None and _CONSEQUENCE_WORD.fullmatch(said):   # "… distinct … $$…$$ Hence $$…$$"
            start, _ = paragraph_around(lines, rel.line, rel.end_line, True)
            said = " ".join(lines[start - 1:rel.line])
        apart = _distinct_in_words(lhs, rhs, said or "")
        if apart is not None and apart not in written:      # "For two different indices $i$ and $j$, $$δ_{ij} = 0$$"
            written.append(apart)
            doubt_of.append("")

        def said_at(c: sp.Basic) -> tuple[int, int]:        # where the text last gave a condition before here
            return max(((line, condition_columns.get((line, c), -1)) for line, d in live_conditions()
                        if d == c and line <= rel.line), default=(0, -1))
        conflicting = sorted({sp.sstr(c.lhs) for c in written if isinstance(c, sp.Basic) and is_pin(c)
                              for d in written if isinstance(d, sp.core.relational.Relational) and not is_pin(d)
                              and d.free_symbols == {c.lhs} and d.xreplace({c.lhs: c.rhs}) is sp.false
                              and said_at(d) > said_at(c)})     # (not "Henceforth $x > 0$. Now set $x = -2$")
        by_name = {x.name: x for x in sp.Tuple(lhs, rhs).atoms(sp.Symbol)}      # the relation's i, not a real i
        written = [c.xreplace({x: by_name[x.name] for x in c.free_symbols
                               if isinstance(x, sp.Symbol) and x.name in by_name}) for c in written]
        log_facts = []                  # "\exp(x - \log \sigma)": σ ≤ 0 refutes nothing, SymPy's e^x/σ or not
        for argument in logarithms:
            argument = argument.xreplace({x: by_name[x.name] for x in argument.free_symbols
                                          if isinstance(x, sp.Symbol) and x.name in by_name})
            if argument.free_symbols and not argument.has(sp.Indexed, sp.Sum, sp.Product, sp.Integral) \
                    and argument.free_symbols <= sp.Tuple(lhs, rhs).free_symbols:
                fact = sp.Gt(argument, 0)
                if isinstance(fact, sp.core.relational.Relational) and fact not in log_facts:
                    log_facts.append(fact)

        doubled_bounds: set[str] = set()       # "x > 1 … x > 0" both before the display: the looser is kept

        def initial_values() -> list[sp.Basic]:
            """The values the text gives a recurrence's first entries ("with $m_0 = 0$"): with the
            recurrence or after it, in its own section or in this one, and not changed since."""
            here = max((h for h in sections if h <= rel.line), default=0)
            return [c for line, c in conditions if c is not None and is_pin(c)
                    and not _as_case(lines, line, condition_columns.get((line, c), -1))   # "If $c_0 = 0$, …"
                    and isinstance(c.lhs, sp.Indexed) and str(c.lhs.base.label) in recurrence_rules
                    and rel.line >= line >= recurrences.get(str(c.lhs.base.label), 0)
                    and (in_scope(sections, line, rel.line)
                         or in_scope(sections, recurrences[str(c.lhs.base.label)], line)
                         and not _entry_spoken_of(lines, here, rel.line, c.lhs))   # "its first value $c_0$ is
                    and not changed_since(out, c.lhs, line, lines, rel.line, rel.tex)]     # set to 5 instead"

        # "For every $x$, $…$" after x := logit(p): x is any real there, not the x the text defined
        quantified = _quantified_names(_raw_sentence_before(lines, rel) if inline
                                       else lead_in(lines, rel, blocks, keep_math=True) or "", domain, functions)

        paragraph_start, _ = paragraph_around(lines, rel.line, rel.line, display) if 1 <= rel.line <= len(lines) \
            else (rel.line, rel.line)
        general_here = bool(_FOR_ANY.search(_raw_sentence_before(lines, rel) if inline
                                            else lead_in(lines, rel, blocks) or "")) or any(
            _FOR_ANY.search(blank_inline_math(lines[n - 1])) for n in range(max(1, paragraph_start), rel.line + 1))
        # ("Now let $x$ be arbitrary. Then $$f(x) \ge -2.$$": the paragraph leading to it)

        upwards: list[sp.Basic] = []    # the last build's ranges that run upwards only under a condition
        outside_floor: list[str] = []   # the last build's entries below the index a definition starts at
        def build(written: list[sp.Basic], lhs: sp.Basic = lhs, rhs: sp.Basic = rhs,
                  dropped: frozenset[str] = frozenset(), op: str | None = None,
                  premised: bool = True, logged: bool = False, entrywise: bool = False,
                  tight: bool = False) -> tuple:
            """The relation as a problem under the conditions ``written`` (and the standing ones but
            ``dropped``): (problem, conventions, unfolded left and right sides, the sides as read)."""
            below = {e: sp.Symbol(f"{e.base.label}_{e.indices[0]}_below", real=True)
                     for e in sp.Tuple(lhs, rhs).atoms(sp.Indexed) if str(e.base.label) in index_floor
                     and len(e.indices) == 1 and e.indices[0].is_Integer and e.indices[0] < index_floor[str(e.base.label)]}
            if below:                  # a_0 of a_k := 1/k "for k ≥ 1": not what that definition gives
                lhs, rhs = lhs.xreplace(below), rhs.xreplace(below)
                outside_floor[:] = sorted(map(str, below))
            bounded_here = spoken_keys(*written) | dropped
            written_entries = {sp.sstr(e) for e in sp.Tuple(lhs, rhs, *(
                d.expr for d in reached_definitions(sp.Tuple(lhs, rhs), definitions))).atoms(sp.Indexed)}
            written = written + [c for name, cs in standing.items() if name not in bounded_here
                                 and not (isinstance(name, str) and re.search(r"\[[^\]]*[A-Za-z_][^\]]*\]$", name)
                                          and name not in written_entries)   # alpha[t] = 1: where alpha[t] is
                                 for c in cs]
            signs_all = every_signed if every_signed is not None and (
                every_signed[2] or in_scope(sections, every_signed[0], rel.line) or setup_line(every_signed[0])) else None
            # ("# Notes\n\nAll variables below are positive.\n\n## Products …": the setup's words hold in every section)
            if case_signed is not None and case_signed[0] <= rel.line <= case_signed[0] + 2 and not any(
                    not lines[n - 1].strip() for n in range(case_signed[0], rel.line + 1) if 1 <= n <= len(lines)):
                signs_all = (*case_signed, False)   # (the case holds in its sentence and the display right after it)
            if signs_all is not None:
                # "All variables are positive": each real name of it not signed
                signed_here = spoken_keys(*written)      # otherwise nor set free since
                written = written + [as_relational(signs_all[1], x, sp.Integer(0)) for x in sorted(
                    sp.Tuple(lhs, rhs).free_symbols, key=sp.default_sort_key)
                    if isinstance(x, sp.Symbol) and x.is_real is not False and not x.is_integer
                    and x.name not in signed_here and unsigned.get(x.name, 0) < signs_all[0]]
            values = {c.lhs: c.rhs for c in written if is_pin(c)}
            if values:      # "Henceforth $x > 0$. … Now set $x = -2$": the later value replaces the bound
                written = [c for c in written if is_pin(c) or not isinstance(c, sp.Basic)
                           or c.xreplace(values) is not sp.false]
            same = {c.rhs: c.lhs for c in written if isinstance(c, sp.Eq) and all(
                isinstance(x, sp.Symbol) and x.is_integer for x in c.args) and c.lhs != c.rhs}   # "if i = j": j is i
            if same:
                lhs, rhs = lhs.xreplace(same), rhs.xreplace(same)
                written = [c.xreplace(same) for c in written if not (isinstance(c, sp.Eq) and c.rhs in same)]
            for c in written if entrywise else ():   # "at $p = q$" of two families: p's entries written q's way
                if _entrywise(c):
                    entries = {e: sp.Indexed(c.rhs.base, *e.indices) for e in sp.Tuple(lhs, rhs).atoms(sp.Indexed)
                               if e.base == c.lhs.base}
                    lhs, rhs = lhs.xreplace(entries), rhs.xreplace(entries)
            bounds, written = as_bounds(written, domain, doubled_bounds if not tight else set(), tight=tight)
            here = Domain(domain.symbols, domain.indexed, domain.bounds + bounds, domain.given)
            here = here.with_given(*(c for c in constraints if c is not None and (     # (an equation imposed in
                not (c in system_equations and (system_changed(c) or c in superseded)) and (
                c not in imposed_at or (same_section(sections, imposed_at[c], rel.line)
                                        or setup_holds(imposed_at[c], c))
                and not general_here and not one_entry(c, imposed_at[c])
                and not {x.name for x in c.free_symbols} & everywhere
                and not (c in noise_models and any(noise_models[c][0] < at <= rel.line and j != k and name == noise_models[c][1]
                                               for at, j, name in sides_written))))),
            # (a model of y with noise, then "Now suppose instead that $y = 3x + ε$", "the data follow $y = 3x$": y
            # is given again — the first model no longer holds)
            # (an equation imposed in another section, a subsection,
            # or before "In general" / "for any real x" / "对任意": not here)
                *written,
                                   *(log_facts if logged else ()))
            if premise is not None and premised:
                here = here.with_given(premise)
            # definitions first, so that the conventions (K ends a range: a positive integer) reach
            # the names they bring in too
            # a value prose gives a name goes in first (take λ = 2 after λ = log 2: the example's λ),
            # then again for the names the definitions bring in ("take z = (2, 1, 0)")
            # a defined name the example gives a value ("k := Σ y_i" … "with $k = 7$ heads") is that
            # value there: its definition is not unfolded around the value
            # … but not inside a derivative (∂k/∂y_1 is 1 whatever k's value), nor where the relation
            # speaks of what the definition is made of (Σ_i y_i written beside L: k is that sum there)
            lhs, rhs = fresh_binders(lhs, definitions), fresh_binders(rhs, definitions)   # lim_x of its own x
            varied_here = {v for d in sp.Tuple(lhs, rhs).atoms(sp.Derivative) for v in d.variables}
            first = [c for c in written if not (is_pin(c) and sp.Tuple(lhs, rhs).has(sp.Derivative)
                                                and (any(d.target == c.lhs for d in definitions)
                                                     or c.lhs in varied_here))]
            # (∂p_1/∂z_2 at z = (1, 2, 3): z_2's value is put in once p_1 is unfolded, or p_1's z_2 would
            # not be the variable differentiated)
            valued = {c.lhs for c in first if is_pin(c) and isinstance(c.lhs, sp.Symbol)}
            unfolding = [d for d in definitions if d.target not in valued
                         and not (isinstance(d.target, sp.Symbol) and d.target.name in quantified)]
            with vector_names({*vectors, *(name for at, name in in_spaces if at <= rel.line)}):
                left, right = unfold_keeping_variables(sp.Tuple(with_values(lhs, first), with_values(rhs, first)),
                                                       unfolding).args      # (together: g(z + c) = g(z) + c)
            if re.search(r"\\sum\s*_\s*(?:\{\s*[A-Za-z]\s*\}|[A-Za-z](?![A-Za-z]))(?!\s*\^)", f"{rel.lhs} {rel.rhs}") and any(
                    not total.function.has(total.limits[0][0]) and total.limits[0][1] == 1
                    and total.limits[0][2] in (dimension, OUTCOME_COUNT, outcome_size)
                    for total in sp.Tuple(left, right).atoms(sp.Sum) if len(total.limits) == 1) \
                    and not any(not total.function.has(total.limits[0][0])
                                for total in sp.Tuple(lhs, rhs).atoms(sp.Sum) if len(total.limits) == 1) \
                    and any(str(call.func) in functions and total.limits[0][0] in call.args
                            for total in sp.Tuple(lhs, rhs).atoms(sp.Sum) if len(total.limits) == 1
                            for call in total.function.atoms(sp.core.function.AppliedUndef)):
                # "$u(x) = 1/K$ … $$\sum_x u(x)$$": once u is unfolded the sum only counts its range, which
                # nothing it indexes gives (the outcomes? the samples?)
                raise Unfoldable("a sum without bounds whose terms, once the definitions are unfolded, do not depend "
                                 "on its index: it counts its range, which nothing it indexes gives (write the bounds)")
            numbered = _outcome_as_a_number(sp.Tuple(left, right), outcome_size or OUTCOME_COUNT)
            if numbered:                    # E(s) := s², p(k) := (1 − r) r^k at an outcome x: x² and r^x
                raise Unfoldable(f"the outcome {numbered} is given to a definition that uses it as a number (its "
                                 f"values are not the labels 1, 2, …: over which values? write the range)")
            for node in sp.Tuple(lhs, rhs, left, right).atoms(sp.Limit, sp.Integral):
                bound = {node.args[1]} if isinstance(node, sp.Limit) else {lim[0] for lim in node.limits}
                clash = bound & {x for c in written for x in getattr(c, "free_symbols", ())} \
                    | {b for b in bound if sp.sstr(b) in stated}
                if clash:                   # "Fix $T = 2$ … $\lim_{T \to 0^+} q$": T fixed and varied
                    raise Unfoldable(f"{', '.join(sorted(map(str, clash)))} is given a value or a condition in the "
                                     f"text and is also the variable of a limit or an integral here: which is meant "
                                     f"is not clear")
            made_of = set().union(*(names_in(d.expr) for d in definitions if d.target in valued))
            if made_of & (names_in(left, right) - {sp.sstr(v) for v in valued}):
                with vector_names({*vectors, *(name for at, name in in_spaces if at <= rel.line)}):
                    left, right = unfold_keeping_variables(sp.Tuple(with_values(lhs, first),
                                                                    with_values(rhs, first)), definitions).args
            left, right = with_values(left, written), with_values(right, written)
            listed_entries = {str(t.base.label) for t in (*(d.target for d in definitions),
                                                          *(c.lhs for c in written if isinstance(c, sp.Eq)))
                              if isinstance(t, sp.Indexed) and all(i.is_Integer for i in t.indices)}
            if listed_entries and not sp.Tuple(lhs, rhs, left, right).has(sp.Derivative, sp.Limit, sp.Integral):
                # Σ_{i=0}^{1} e^{-βE_i} with E_0 = 0, E_1 := ε: the terms, each entry's value (not under a derivative:
                # a value put in there would freeze what is differentiated)
                expanded = [_written_out_sums(side, listed_entries) for side in (left, right)]
                if expanded != [left, right]:
                    left, right = (with_values(unfold_keeping_variables(side, definitions), written) for side in expanded)
            if recurrence_rules:                                                      # m_2 with m_0 = 0 given
                told = {key: value for key, (value, _) in stated.items() if "[" in key}   # a_1 = 5 said apart
                initial = initial_values()
                left = with_values(through_recurrences(left, recurrence_rules, [*initial, *written], told), written)
                right = with_values(through_recurrences(right, recurrence_rules, [*initial, *written], told), written)
                # names the rule uses that the text defines (h := …, g_t := 2t - 1) unfold there too
                left = with_values(unfold_keeping_variables(left, definitions), written)
                right = with_values(unfold_keeping_variables(right, definitions), written)
            broken = [c for c in distribution_ranges if with_values(c, written) == sp.false]
            if broken:                  # "Let $s = -2$ and $P = \mathcal{N}(0, s^2)$": σ > 0 of N(μ, σ²) fails
                raise Unfoldable(f"a named distribution whose parameters the text gives values outside its range "
                                 f"({sp.sstr(broken[0])} fails there): its closed forms do not hold as written")
            left, left_facts = closed_forms(left)         # KL(P ‖ Q) of P := N(μ₁, σ₁²), Q := N(μ₂, σ₂²)
            right, right_facts = closed_forms(right)
            if left_over(sp.Tuple(left, right)) is not None:
                raise Unfoldable(f"a distribution used as a number ({left_over(sp.Tuple(left, right))}: only KL(A ‖ B) "
                                 f"of two of one family is read)")
            overridden = {target_name(d.target) for d in definitions} - {None} \
                | {d.target for d in definitions}                            # (put in above, not unfolded;
            # an entry by itself: m̂_1 := g_1 does not override the value g_1 = 0.5 given later)
            given = tuple(unfold_keeping_variables(g, definitions) for g in here.given
                          if not (is_pin(g) and (target_name(g.lhs) in overridden or g.lhs in overridden))) \
                + tuple(defined_where(lhs, rhs, definitions)) \
                + tuple(c for c in (*distribution_ranges, *left_facts, *right_facts))   # (0 < p < 1 of Ber(p): where
            # its KL is meant)
            given = tuple(_derivatives_taken(g) for g in given)   # log f(g) > 0 of f(g) := F'(g): a function of g
            here = Domain(here.symbols, here.indexed, here.bounds, relevant_hypotheses(
                given, left, right, frozenset(sp.sstr(b.symbol) for b in here.bounds)))
            before = set(here.given)
            here, ranges = extremum_facts(left, right, here)
            if set(here.given) - before:    # max_k a_k of a defined a: the fact speaks of what a unfolds to
                facts = tuple(g if g in before else with_values(unfold_keeping_variables(g, definitions), written)
                              for g in here.given)
                if any(_index_outside_entries(f, ranges) for f in facts if f not in before):
                    raise Unfoldable("the maximum or minimum of a family defined through its own index "
                                     "(a_k := z_k + k): its fact would not say \"for every index\" once unfolded")
                here = Domain(here.symbols, here.indexed, here.bounds, facts)
            ranges.update({name: span for name, span in index_ranges.items() if name not in ranges})
            ranges.update(family_ranges(left, right, {**lengths, **vectors}))
            ranges.update(family_ranges(lhs, rhs, {**lengths, **vectors}))      # entries unfolding took away
            if entry is not None:
                for index in entry.indices:
                    ranges[index.name] = entry.span or (sp.Integer(1), dimension)
            left, right, direction, ours = along_a_direction(left, right, here.given)   # ∇_w L = Σ (p_i − y_i) x_i
            left, right, opaque_given, opaque = opaque_dot_products(left, right, here.given, ours)   # along u
            if opaque:                      # h_i := w_i^T x with w and x nowhere else: (w·x)[i], any reals
                here = Domain(here.symbols, here.indexed, here.bounds, opaque_given)
            left, right, called_given, called = opaque_calls(left, right, here.given)
            if called:                      # m := y f(x) with f defined nowhere: f(x) any real
                here = Domain(here.symbols, here.indexed, here.bounds, called_given)
                opaque = (f"{opaque}; " if opaque else "") + f"{OPAQUE_CALLS} {', '.join(called)} " \
                                                              f"(defined nowhere, each called at one argument)"
            left, right, problem_domain, notes = with_conventions(left, right, here, dimension, ranges)
            notes = (*notes, direction) if direction else notes
            if phi_by_convention and _PHI_ANYWHERE.search(rel.tex):
                notes = (*notes, PHI_CONVENTION)
            left, upwards_left = empty_when_reversed(left, problem_domain)   # Σ_{t=3}^{n} at n = 1: no terms
            right, upwards_right = empty_when_reversed(right, problem_domain)
            upwards[:] = [*upwards_left, *(c for c in upwards_right if c not in upwards_left)]
            notes = (*notes, opaque) if opaque else notes
            if entry is not None:
                notes = (f"read entrywise: {', '.join(map(str, entry.indices))} "
                         f"{'is the entry' if entry.column is None else 'are the row and the column'}", *notes)
            problem = prepare(left, OPS.get(op or rel.op, "=="), right, problem_domain, real_values=True)
            return problem, notes, left, right, lhs, rhs
        two_spoken = None
        try:
            problem, notes, left, right, lhs, rhs = build(written)
            said_before = " ".join(lines[paragraph_around(lines, rel.line, rel.end_line, True)[0] - 1:rel.line - 1]) \
                if display else _raw_sentence_before(lines, rel) or ""
            two, count = _count_said(said_before)
            two_spoken = _TWO_SPOKEN.search(said_before) if not two and isinstance(dimension, sp.Symbol) \
                and dimension in problem.free_symbols and re.search(
                    r"(?i)softmax|\\operatorname\s*\{\s*LSE|\\mathrm\s*\{\s*LSE|logsumexp", rel.tex) else None
            if two and isinstance(dimension, sp.Symbol) and dimension in problem.free_symbols \
                    and re.search(r"(?i)softmax|\\operatorname\s*\{\s*LSE|\\mathrm\s*\{\s*LSE|logsumexp", rel.tex) \
                    and not re.search(r"\\mathbb\s*\{?\s*R\s*\}?\s*\^|\\in\b", " ".join(lines[rel.line - 1:rel.end_line])) \
                    and not any(isinstance(c, sp.Eq) and c.lhs == dimension for c in written):
                # "For binary classification the softmax reduces to the sigmoid: $$softmax(z)_1 = σ(z_1 − z_2)$$":
                # the vector's length the words give (not n, any)
                problem, notes, left, right, lhs, rhs = build([*written, sp.Eq(dimension, count)])
                notes = (*notes, f"{dimension} = {count}: the words say \"{two}\"")
            nonempty = tuple(upwards)
            below_floor = tuple(outside_floor)
        except Unfoldable as exc:
            out.append(Reading(rel, verdict="unparsed", lhs=shown_l, rhs=shown_r, message=str(exc)))
            continue
        except Exception as exc:  # noqa: BLE001 - a reading SymPy cannot prepare is reported, never raised
            out.append(Reading(rel, verdict="error", lhs=shown_l, rhs=shown_r,
                               message=f"could not prepare the relation: {type(exc).__name__}: {exc}"))
            continue
        pins = [c for c in written[:len(prose)] if (is_pin(c) or c in solved_cases) and (mentioned(c.lhs, lhs, rhs) or mentioned(
            c.lhs, unfold_keeping_variables(lhs, definitions), unfold_keeping_variables(rhs, definitions)))]
        variants: list[tuple[str, Problem]] = []
        defined_now = {target_name(d.target) for d in definitions}
        at_pins = {c.lhs: c.rhs for c in pins}
        broken_by_pins = any(isinstance(c, sp.Basic) and not is_pin(c) and c.xreplace(at_pins) is sp.false
                             for c in (*written, *(c for cs in standing.values() for c in cs)))
        if pins and not broken_by_pins and not any(target_name(c.lhs) in defined_now for c in pins):
            # (a proof without the values holds at them only where they meet the other conditions:
            # not "Henceforth $x > 0$ … Now set $x = -2$")
            # "… at $x = 0$, hence $$…$$": the relation is checked without the value too (not when the
            # value replaces a definition, "take λ = 2" after λ = log 2: without it, it is another λ)
            try:
                variants.append(("unpinned", build([c for c in written if c not in pins],     # nor x > 0 said
                                                   dropped=frozenset(target_name(c.lhs) or "" for c in pins))[0]))
            except Exception:  # noqa: BLE001 - no second reading: the pinned one stands as before
                pass
        section_values = {}                 # the values an example gave names earlier in this section
        given_twice = set()
        for line, c in example_pins:
            if line <= rel.line and in_scope(sections, line, rel.line) and not _value_released(lines, c, line, rel.line):
                key = sp.sstr(c.lhs)
                if key in section_values and section_values[key].rhs != c.rhs \
                        or changed_since(out, c.lhs, line, lines, rel.line, rel.tex):
                    given_twice.add(key)
                section_values[key] = c
        section_values = {key: c for key, c in section_values.items() if key not in given_twice}
        example_values = [c for c in section_values.values() if c not in written]
        valued_names = {f"{c.lhs.base.label}[]" if isinstance(c.lhs, sp.Indexed) else str(c.lhs)
                        for c in example_values}
        own_case = any(valued_names & names_in(c) for c in prose if not is_pin(c))   # "For negative $x$, $$…$$"
        example_line = not real_names(lhs) or not real_names(rhs) or _ends_in_a_number(found, k)
        if example_values and example_line \
                and not own_case and not said_in_general(lines, rel, blocks):  # "In general, …": not x = 2
            # an example's line: one side a number
            try:                # "Let w = (3, 4) and b = -5. … −b w/‖w‖² = (0.6, 0.8)": at the example's values
                variants.append(("stated", build([*written, *example_values])[0]))
            except Exception:  # noqa: BLE001 - no such reading: the relation stands as read
                pass
        elsewhere = frozenset(name for name in standing if (name in names_in(lhs, rhs) | spoken_keys(lhs, rhs)
                              or name in up_front and name in names_in(left, right) | spoken_keys(left, right))   # (d·a of a := √(x²), x > 0 up front)
                              and not in_scope(sections, standing_line.get(name, 0), rel.line)
                              and not (setup_line(standing_line.get(name, 0)) and not general_here  # (setup, not
                                       and not any(standing_line.get(name, 0) < at <= rel.line  # renamed or bounded
                                                   for n, at in [*renamed_at.items(),               # again since)
                                                                 *((n, at) for at, n in renamed_words)] if n == name)
                                       and not any(standing_line.get(name, 0) < at <= rel.line and d is not None
                                                   and name in {x.name for x in d.free_symbols}
                                                   for at, d in conditions)))
        if elsewhere:        # "0 < p < 1" in an earlier section: the relation is checked without it too
            try:
                variants.append(("sectioned", build(written, dropped=elsewhere)[0]))
            except Exception:  # noqa: BLE001 - no second reading: the bounded one stands as before
                pass
        if doubled_bounds:   # "For $0 \le x \le \tfrac12$ …; for $\tfrac12 \le x \le 1$ …": checked where every
            try:             # bound written holds too (false there, false whichever the claim is made under)
                variants.append(("tightest", build(written, tight=True)[0]))
            except Exception:  # noqa: BLE001 - the bounds leave no value: the doubt stands
                pass
        if log_facts:         # "\exp(x - \log\sigma)": a counterexample at σ < 0 is none (the log is not real)
            try:
                variants.append(("logged", build(written, logged=True)[0]))
            except Exception:  # noqa: BLE001 - no second reading
                pass
        if any(_entrywise(c) for c in [*written, *prose]):
            try:                # "令梯度为零得到 $p = q$": p_y/p_k written as q_y/q_k, q's definition unfolded
                variants.append(("entrywise", build(written, entrywise=True)[0]))
            except Exception:  # noqa: BLE001 - no second reading
                pass
        conclusion = as_relational(rel.op, lhs, rhs)
        if premise is not None and k in premise_of and found[k - 1].arrow == "iff" \
                and isinstance(conclusion, sp.core.relational.Relational) \
                and isinstance(premise, sp.core.relational.Relational):
            try:                # "p_i > p_j ⟺ x_i > x_j": the converse, the premise under the conclusion
                variants.append(("converse", build([*written, conclusion], lhs=premise.lhs, rhs=premise.rhs,
                                                   op=premise.rel_op, premised=False)[0]))
            except Exception:  # noqa: BLE001 - no converse to check: the equivalence stays undecided
                pass
        pair = pairwise_indices(lhs, rhs, written)
        if pair is not None:  # ∂ℓ/∂s_i of ℓ = −log σ(s_i − s_j): a pair i, j is two different items too
            try:
                variants.append(("distinct", build([*written, sp.Ne(*pair)])[0]))
            except Exception:  # noqa: BLE001 - no second reading
                pass
        own_words = (sentence_around(lines[rel.line - 1], column_of(k)) if 1 <= rel.line <= len(lines) else "") \
            if inline else lead_in(lines, rel, blocks) or ""         # its sentence, or a display's lead-in
        free = {name for name, (line, at) in released.items() if in_scope(sections, line, rel.line)
                and not (line == rel.line and inline and column_of(k) < at)} | (everywhere - restricted_here)
        if said_in_general(lines, rel, blocks) or _UNIVERSAL_HERE.search(own_words):
            free |= {x.name for x in sp.Tuple(lhs, rhs).free_symbols if isinstance(x, sp.Symbol)}   # "in general"
            raw_words = _sentence_after(lines[rel.line - 1], rel.tex) if inline and 1 <= rel.line <= len(lines) \
                else lead_in(lines, rel, blocks, keep_math=True) or ""
            free -= _quantified_with_bound(raw_words, domain, functions) - (everywhere - restricted_here)   # "for every $s > 0$": that
            # is its range (not "对 $x<0$ … 对所有实数 $x$": every x)
        math_held = free | {x.name for c in (*written[len(prose):len(prose) + rows],     # rows of the display,
                                             *(c for c in constraints if c is not None),   # constraints, premises,
                                             *([premise] if premise is not None else []))   # declarations
                            for x in getattr(c, "free_symbols", ()) if isinstance(x, sp.Symbol)} \
            | {b.symbol.name for b in domain.bounds}
        followups, worded_hypotheses, nearby, restricted = _word_checks(
            build, problem, written, doubt_of, [not len(prose) <= i < len(prose) + rows for i in range(len(written))],
            standing, standing_doubts, math_held, case_switch(own_words, EXCEPTING), elsewhere, free,
            lhs, rhs, left, right, lines, rel)
        spoken_here = names_in(lhs, rhs) | names_in(left, right)
        restricted += [(name, phrase) for name, (line, phrase) in sorted(probability_named.items())
                       if line <= rel.line and (in_scope(sections, line, rel.line) or setup_line(line))
                       and name in spoken_here
                       and name not in {n for n, _ in restricted} and name not in everywhere]
        # ("Let $p$ be the probability of heads" two paragraphs up: a counterexample at p = 2 is doubted)
        restricted += [(name, phrase) for name, (line, phrase) in sorted(placed_near.items())
                       if line <= rel.line and in_scope(sections, line, rel.line) and name in spoken_here
                       and name not in {n for n, _ in restricted} and name not in everywhere]
        # ("its minimum sits at $x^* \approx -1.2785$": a counterexample at x^* = 0 is not that point)
        restricted += [(name, phrase) for name, (line, phrase) in sorted(introduced.items())
                       if line < rel.line and in_scope(sections, line, rel.line) and name in spoken_here
                       and standing_line.get(name) != line           # (what a "such that" says of it is read)
                       and name not in {n for n, _ in restricted}      # "a unique index $k$" (lines before)
                       and name not in everywhere]                      # (not "对所有实数 $x$" here)
        given_here = set()
        if isinstance(premise, sp.Eq):              # the premise says what its names are here ("η = … ⟹"),
            given_here = {target_name(premise.lhs) or "", target_name(premise.rhs) or ""}
        # (a comparison does not: "p_i > p_j ⟺ x_i > x_j" with p's definition unread rests on p)
        maybe_premised = names_in(premise) if isinstance(premise, sp.Basic) else set()
        guesses = (*repairs.get(k, ()), *guesses)
        opaque_products = [n for n in notes if n.startswith("the dot products ")]
        undefined_here = {x.name for x in sp.Tuple(lhs, rhs).free_symbols if isinstance(x, sp.Symbol)
                          and not x.is_integer} \
            - {target_name(d.target) for d in definitions} - set(standing) \
            - {str(e.base.label) for e in sp.Tuple(lhs, rhs).atoms(sp.Indexed)} - {str(dimension)} \
            - set(function_parameters(found, rel.line).get(
                next((m.group(1) for g in guesses if (m := _BARE_GUESS.match(g))), ""), ()))
        doubted_guesses = [g for g in guesses if not (_bare_at_its_written_argument(g, rel) and not (
            undefined_here - {p.strip() for m in [_BARE_GUESS.match(g)] if m for p in m.group(2).split(",")}))]
        # (Z alone as Z(β) in "β U − log Z", U defined; not beside ⟨E⟩_β that nothing defines: what Z means
        # there is what the text may say in words)
        doubts: list[str] = [f"it rests on a guess: {'; '.join(doubted_guesses)}"] if doubted_guesses else []
        if one_entry_doubt:
            doubts.append(one_entry_doubt)
        if moments_read and sp.Tuple(lhs, rhs).has(sp.EulerGamma) \
                and "gamma" in {x.name for x in sp.Tuple(lhs, rhs).free_symbols}:
            doubts.append("a moment written out holds Euler's constant, and the line writes γ, which the text does "
                          "not say is that constant")     # ("E[log T] = −γ − log λ" of an exponential T)
        entrywise_name = str(lhs.base.label) if entry is not None and isinstance(lhs, sp.Indexed) else ""
        if entrywise_name and not rhs.atoms(sp.Indexed) and defined_at.get(entrywise_name) \
                and defined_at.get(f"{entrywise_name}[]"):
            # "so $\eta = -2$" of η = −β (a number, one section) and η = (η_1, η_2) (a vector, another): read
            # entrywise, each entry −2 — which η the words mean is not clear
            doubts.append(f"it reads {entrywise_name} entrywise, and the text defines {entrywise_name} both as a "
                          f"number (line {defined_at[entrywise_name][-1]}) and as a vector (line "
                          f"{defined_at[f'{entrywise_name}[]'][-1]}): which one it means is not clear")
        own_elsewhere = sorted(name for name in sections_own if name in names_in(lhs, rhs) | names_in(left, right))
        if own_elsewhere:   # η := logit μ in the Bernoulli section, then "n σ(η) = n μ" in the binomial one
            doubts.append(f"it uses {', '.join(own_elsewhere)}, which another section defined for its own model "
                          f"(line {sections_own[own_elsewhere[0]]}): whether that holds here too is not read")
        other_case = _valued_in_other_case(problem, lines, max((h for h in sections if h <= rel.line), default=1),
                                           rel.line)
        if other_case:      # Σ^{-1} μ_k, then "common variance $\sigma^2 = 1$" in a 1-D example: Σ is σ² there
            doubts.append(f"it leaves {other_case[0]} free where its section gives {other_case[1]} (the same letter) a "
                          f"value: the example may mean {other_case[0]} by it")
        if below_floor:
            doubts.append(f"it speaks of {', '.join(below_floor)}, below the index the text defined that family "
                          f"from (\"for k ≥ 1\"): a value given elsewhere, perhaps in words")
        free_table = bool(opaque_products) and ONE_VECTOR in opaque_products[0] and rel.op == "==" and not vectors_spoken_of(
            "\n".join(lines), {v for m in re.finditer(r"([^\s,·]+)·([^\s,·]+)", opaque_products[0]) for v in m.groups()})
        # a point of free products: the vectors the text means may not meet it — unless one vector meets all the
        # others, the text says nothing of them beyond their products (then any table of values is met) and the
        # relation is an equation (one that fails at a point fails nearly everywhere; a bound such as s ≤ 1 may
        # fail only where words the reader missed — "on the sphere", "0 or 1" — forbid)
        opaque_functions = [n for note in notes for n in re.findall(rf"{OPAQUE_CALLS} ([^(]*) \(", note)]
        called_said = calls_spoken_of("\n".join(lines), [f.strip() for n in opaque_functions for f in n.split(",")]) \
            if opaque_functions else ""
        if called_said:                 # "a positive score $f(x)$", "the density $p(x)$": not any value
            doubts.append(f"it reads the values of {opaque_functions[0]} as free numbers, and the words say more of "
                          f"{'it' if ',' not in opaque_functions[0] else 'them'} (\"{called_said}\")")
        elif opaque_functions and not calls_named_as_functions(
                "\n".join(lines), [f.strip() for n in opaque_functions for f in n.split(",")]):
            doubts.append(f"it reads the values of {opaque_functions[0]} as free numbers, and the words do not call "
                          f"{'it' if ',' not in opaque_functions[0] else 'them'} any function (a score, a model): "
                          f"what {'it is' if ',' not in opaque_functions[0] else 'they are'} may be known by name "
                          f"(H(p) the entropy)")
        if two_spoken:      # "When there are only two classes", "With $K = 2$ classes", "If the problem is binary":
            doubts.append(f"the words before it speak of two (\"{two_spoken.group(0).strip()}\"), which softsym does "
                          f"not read as the case: a point with another count may not be one")   # not n = 2 unread
        if opaque_products and not free_table:
            doubts.append(f"it reads {opaque_products[0][len('the '):].split(' read as')[0]} as free numbers, and what "
                          f"the text says of the vectors (norms, ties, dimension) is not read")
        listed_outcomes = [line for line, letter in outcome_listings if line < rel.line
                           and in_scope(sections, line, rel.line)]
        valued_families = {str(c.lhs.base.label) for _, c in live_conditions()
                           if c is not None and is_pin(c) and isinstance(c.lhs, sp.Indexed)}
        over_outcomes = any(total.limits[0][2] in (OUTCOME_COUNT, outcome_size) or total.limits[0][2] == dimension
                            and total.limits[0][1] == 1 and IMPLICIT_SUM.search(" ".join(
                                (rel.lhs, rel.rhs, *(r.tex for r in found if r.line < rel.line)))) is not None
                            and not {str(e.base.label) for e in total.function.atoms(sp.Indexed)} & valued_families
                            for total in problem.difference.atoms(sp.Sum))
        # (Σ_s e^{-βE_s} written without bounds, read over 1..n, is a sum over the states too — unless the math
        # gives the states' energies, E_0 = 0 and E_1 = ε)
        if over_outcomes and not listed_outcomes:      # "Take two states with energies $0$ and $ε$. $$Z = 1 + e^{-βε}$$"
            summed_at = [line for d in reached_definitions(sp.Tuple(lhs, rhs), definitions) if d.expr.has(sp.Sum)
                         for line in defined_at.get(target_name(d.target) or "", []) if line < rel.line][-1:]
            window = " ".join(" ".join(lines[max(0, at - 9):at]) for at in (*summed_at, rel.line))
            # (or before the definition it reaches the sum through: Z := Σ_i e^{-βE_i} of "two states", used later)
            system = _PARTICULAR_SYSTEM.search(re.sub(r"\$[^$]*\$", " MATH ", window))
            if system:
                doubts.append(f"it sums over the outcomes while the words before it take a particular system "
                              f"(\"{system.group(0)}\"), whose values are given in words: a counterexample may not "
                              f"be that system")
        if listed_outcomes and problem.difference.has(sp.Sum):    # "two states $x \in \{0, 1\}$, E(0) = 0"
            doubts.append(f"it sums over the outcomes, whose elements the text lists on line {listed_outcomes[-1]} "
                          f"(read as a set of any size, with values of its own)")
        defined_names = {target_name(d.target) for d in definitions}
        from_one = {str(e.base.label) for total in problem.difference.atoms(sp.Sum) if total.limits[0][1] == 1
                    for e in total.function.atoms(sp.Indexed)}
        listed_here = [*written, *(c for line, c in live_conditions() if line <= rel.line and isinstance(c, sp.Eq)
                                   and isinstance(c.lhs, sp.Indexed) and c not in written)]    # (or earlier in its
        # section: "Take two states with energies $E_0 = 0$ and $E_1 = ε$." a paragraph before)
        listed_here += [c for c in (*problem.domain.given, *(sp.Eq(d.target, d.expr) for d in definitions
                                                             if isinstance(d.target, sp.Indexed)
                                                             and all(i.is_Integer for i in d.target.indices)))
                        if isinstance(c, sp.Eq) and isinstance(c.lhs, sp.Indexed) and c not in listed_here]
        # (or given as entries of their own: "the ground level has $E_0 = 0$ and the first $E_1 = ε$")
        zero_pinned = sorted({str(e.base.label) for c in listed_here if isinstance(c, sp.Basic)
                              for e in c.atoms(sp.Indexed) if e.indices == (0,)} & from_one)
        if zero_pinned:         # "Two states with energies $E_0 = 0$ and $E_1 = ε$", Z(β) := Σ_{i=1}^{n} e^{-βE_i}
            doubts.append(f"the text gives {', '.join(f'{name}_0' for name in zero_pinned)} a value, while the sums "
                          f"over it run from 1: {ZERO_PINNED}")
            counted = _counted_from_zero(problem, listed_here, set(zero_pinned))
            listed_count = 1 + max((int(e.indices[0]) for c in listed_here if isinstance(c, sp.Eq)
                                    for e in [c.lhs] if isinstance(e, sp.Indexed) and str(e.base.label) in zero_pinned
                                    and len(e.indices) == 1 and e.indices[0].is_Integer), default=0)
            window = re.sub(r"\$[^$]*\$", " MATH ", " ".join(lines[max(0, rel.line - 12):rel.line]))
            if counted is not None and _said_to_be_all(window, listed_count):
                variants.append(("from_zero", counted))     # (false there too: false under either reading)
        defined_now = {(target_name(d.target) or "").removesuffix("[]") for d in definitions}
        written_after = sorted({m.group(1) for r in found[k + 1:] if display and r.line == rel.line
                                and r.op in ("==", ":=") and in_display_math(r, blocks)
                                for m in [re.match(r"\s*\\?([A-Za-z]+)\s*(?:_|\(|$)", r.lhs or "")] if m}
                               & {name.removesuffix("[]") for name in names_in(lhs, rhs)} - defined_now)
        if written_after:   # "$$r_k(x) = \mathrm{softmax}(a)_k, \qquad a_k = \log\pi_k - …$$": a, said after it
            doubts.append(f"it uses {', '.join(written_after)}, which the text writes after it on the same line "
                          f"(perhaps what {written_after[0]} is): read here as any value")
        counts = sorted(x.name for x in problem.free_symbols if isinstance(x, sp.Symbol) and x != OUTCOME_COUNT
                        and (x.is_integer or x.name in ("n", "N", "K", "m", "M")))
        if OUTCOME_COUNT in problem.free_symbols and counts:     # Σ_x 1/n with n the number of draws, or of the
            doubts.append(f"it sums over the outcomes, whose number the text does not name, beside "   # outcomes
                          f"{', '.join(counts)}: the words may make {counts[0]} that number")
        frozen = _constant_calls(sp.Tuple(lhs, rhs), definitions)
        if frozen:              # A(η) = λ (with η := log λ), then A(η + t): λ as a function of η is not read
            doubts.append("it applies " + ", ".join(f"{sp.sstr(d.target.func)} at another point than its definition "
                                                    f"{sp.sstr(d.target)} := {sp.sstr(d.expr)}" for d in frozen)
                          + ", whose value does not mention its parameter: what it is as a function, the text "
                            "may say elsewhere")
        unproved = _elsewhere_meant(guesses, _lead_in_math(lines, rel, blocks)) \
            if any(_BARE_GUESS.match(g) for g in guesses) else ""          # (the words read only for such a guess)
        through_guess = sorted(name for name in names_in(lhs, rhs) if name in guessed_defs)
        if through_guess and not unproved:
            unproved = (f"it unfolds {', '.join(through_guess)}, defined (line "
                        f"{guessed_defs[through_guess[0]]}) through a function written alone, read as applied "
                        f"to its own parameters, which the words may not mean")
        elsewhere_lengths = sorted(f for f in set(all_lengths) - set(lengths)
                                   if IMPLICIT_SUM.search(rel.lhs + " " + rel.rhs)
                                   and any(str(e.base.label) == f for e in sp.Tuple(left, right).atoms(sp.Indexed)))
        if elsewhere_lengths:           # "With three values … Σ_{i=1}^{3}" in another section, then Σ_i here
            doubts.append(f"{', '.join(elsewhere_lengths)} is summed over a written number of entries in another "
                          f"section (line {min(min(numbered_lengths[f]) for f in elsewhere_lengths)}) and read over "
                          f"1..{dimension} here: which length is meant is not clear")
        families_here = {str(e.base.label) for e in sp.Tuple(lhs, rhs).atoms(sp.Indexed)}
        some_entries = next(((imposed_at[c], c) for c in constraints if c is not None and c in imposed_at
                             and imposed_at[c] <= rel.line and in_scope(sections, imposed_at[c], rel.line)
                             and one_entry(c, imposed_at[c])
                             and {str(e.base.label) for e in c.atoms(sp.Indexed)} & families_here), None)
        if some_entries is not None:        # "For every state $i$ that is absorbing, $q_i = 1$" … "$q_1 + q_4 = 2$"
            doubts.append(f"the words give some entries a value ({sp.sstr(some_entries[1])}, line {some_entries[0]}) "
                          f"and which ones is said in words: a counterexample may break it")
        through_derived = sorted({name for name in names_in(lhs, rhs) if name in derived_defs} | {
            sp.sstr(a) for a in sp.Tuple(raw_lhs, lhs, rhs).atoms(sp.core.function.AppliedUndef)
            if sp.sstr(a) in derived_defs})   # (E_p[(x − μ_2)^2] = …, concluded: "…，所以 $$…$$")
        if through_derived:
            doubts.append(f"it unfolds {', '.join(through_derived)}, which the text concluded (line "
                          f"{derived_defs[through_derived[0]]}: \"so …\") rather than defined: if that step is "
                          f"wrong, so is this reading")
        tails = _tails_used(definitions, sp.Tuple(raw_lhs, lhs, rhs), out)
        if tails:       # "Tails: $$P(|X| > t) = 2e^{-t/b}$$", then "$P(|X| > b) = 2e^{-1}$": a fact of the distribution
            doubts.append(f"it rests on {tails[0][0]}, a probability the text derived (line {tails[0][1]}) and "
                          f"softsym does not check: if that step is wrong, so is this reading")
            unproved = unproved or doubts[-1]
        if conflicting:     # "with $\epsilon = 0$ … With $\epsilon > 0$, $$…$$", or "set ε = 0 (in practice ε > 0)":
            doubts.append(f"the text gives {', '.join(conflicting)} a value and, before it too, a bound that value "
                          f"breaks: which one holds here is not clear")          # (which one holds is the words')
            unproved = unproved or doubts[-1]
        outside = _outside_domain(sp.Tuple(lhs, rhs), domains)
        if outside:                     # f(-1) after "where $x > 0$: $$f(x) = x$$": not what the text defined
            doubts.append(outside)
            unproved = unproved or outside
        reached = dict(rooted)                   # k := m + Ē after m^2 = Ē^2: k rests on the root too
        for d in definitions if rooted else ():
            through = sorted(names_in(d.expr) & set(reached))
            if through and target_name(d.target):
                reached.setdefault(target_name(d.target), reached[through[0]])
        roots = sorted(name for name in names_in(lhs, rhs) if name in reached
                       and not (name in rooted and _only_squared(sp.Tuple(lhs, rhs), name)))
        # (τ_n² = 0.5 after 1/τ_n² = …: the root's sign does not matter where only the square is written)
        if roots:                       # m^2 = Ē^2 read as m = |Ē|: the text may mean the other root
            doubts.append(f"it unfolds {', '.join(roots)}, read through the nonnegative root of a square (line "
                          f"{reached[roots[0]]}), which the text may not mean")
            unproved = unproved or doubts[-1]
        if not unproved:
            unproved = _meant_anew(guesses, prose, live_conditions(), function_lines, lines, rel)
        if display and _IN_THE_LIMIT.search(lead_in(lines, rel, blocks, keep_math=True) or ""):
            doubts.append("the words before it take a limit (\"as $T \\to \\infty$\"): it is meant in that limit, "
                          "not as written")
            unproved = unproved or doubts[-1]
        if not unproved and display and _DROPPED.search(lead_in(lines, rel, blocks) or ""):
            unproved = ("the words before it drop an assumption made earlier (\"dropping this assumption\", "
                        "\"without assuming\", \"for general real entries\"), and softsym does not tell which of its "
                        "hypotheses go with it")
        named_other = inline and rel.op == "==" and earlier is not None and not twice \
            and _named_otherwise(lines, rel, max(defined_at.get(target_name(lhs) or "", [0])))
        if named_other:     # "The squared loss is $L = …$. … The absolute loss is $L = |y - \hat y|$": another L
            doubts.append(f"{target_name(lhs)} was {named_other}: another quantity of that name, perhaps")
            definitions = [d for d in definitions if not _same_kind(d.target, lhs)]
        if twice:
            doubts.append(f"{target_name(lhs)} was defined on line {defined_here[-1]}: written again without "
                          f"\"hence\" or \"let\", this may define it anew")
            definitions = [d for d in definitions if not _same_kind(d.target, lhs)]
        hot_somewhere = sorted(family for family in classed if f"{family}[]" in names_in(lhs, rhs)
                               and f"{family}[]" not in {target_name(d.target) for d in definitions})
        if hot_somewhere:       # "If the true class is $c$ … If the true class is $j$ …": y one-hot at which?
            doubts.append(f"{', '.join(hot_somewhere)} is one-hot at a true class the words name, and which one "
                          f"holds here is not read")
        used_here = names_in(lhs, rhs) | {target_name(x) for x in (lhs, rhs)}
        reached_here = used_here | names_in(*(d.expr for d in reached_definitions(sp.Tuple(lhs, rhs), definitions)))
        twice_here = sorted(name for name, (_, line) in doubts_later.items()
                            if line < rel.line and ({name, name.removesuffix("[]")} & used_here
                                                    and in_scope(sections, line, rel.line)
                                                    or name in reached_here   # (or later, the family itself, or
                                                    # through a definition that uses it — S := -Σ p_i log p_i —, while
                                                    and name not in {target_name(d.target) for d in definitions}))
        # no section has defined it again: read as a free name there, any value it takes is a guess)
        if twice_here:
            doubts.append("it uses " + ", ".join(f"{name}, defined twice (lines {doubts_later[name][0]} and "
                                                 f"{doubts_later[name][1]})" for name in twice_here)
                          + ": which definition holds here is not clear")
            defined_now = {target_name(d.target) for d in definitions}
            if any(name in names_in(lhs, rhs) | {target_name(x) for x in (lhs, rhs)} and name in defined_now
                   for name in twice_here):
                unproved = unproved or doubts[-1]   # ("Let $a := 3$. $$a = 2$$ $$a + a = 4$$": not through a = 2;
                # a proof with the name free, neither definition used, holds whatever it is)
        by_variable = {target_name(v) or sp.sstr(v) for side in (lhs, rhs) if isinstance(side, sp.Derivative)
                       for v in side.variables}     # dFL/dp_t = …: an identity in p_t, whatever the words call it
        renamed_here = sorted(name for name, line in renamed_at.items() if name not in by_variable
                              if name in names_in(lhs, rhs, left, right) | {target_name(x) for x in (lhs, rhs)}
                              | {sp.sstr(x).replace("[", "_").rstrip("]") for x in sp.Tuple(lhs, rhs).atoms(sp.Indexed)}
                              and line < rel.line and not any(line <= at < rel.line for at in defined_at.get(name, [])))
        described_here = sorted(name for name, line in described_at.items() if line <= rel.line
                                and name in names_in(lhs, rhs, left, right)
                                and not any(line <= at < rel.line for at in defined_at.get(name, [])))
        if renamed_entry and isinstance(lhs, sp.Indexed) and all(i.is_Integer for i in lhs.indices) and earlier \
                and {x.name for node in earlier.expr.atoms(sp.Sum, sp.Product) for _, lo, hi in node.limits
                     for x in (lo.free_symbols | hi.free_symbols)} - {   # p_1 of p_i := e^{z_i}/Σ_{j=1}^{n}: n not
                    sp.sstr(c.lhs) for line, c in [*conditions, *example_pins]      # read as 2 ("with two classes")
                    if c is not None and is_pin(c) and line <= rel.line and in_scope(sections, line, rel.line)}:
            doubts.append(f"it restates the entry {sp.sstr(lhs)} of {lhs.base.label}, defined for "
                          f"every entry before, perhaps for a case the words set up (\"with two classes\") that "
                          f"softsym does not read")
        if described_here:      # "Let $x^*$ be the minimizer of f": f(x^*) <= f(0) fails at x^* = -1, not a minimizer
            doubts.append("it uses " + ", ".join(f"{name}, which the words make an optimum, a root or an estimate "
                                                 f"(line {described_at[name]})" for name in described_here)
                          + ": softsym does not read that, and a value that fails may not be one the words allow")
        unapplied = sorted(label for label, (line, c, _) in last_values.items() if line < rel.line
                           and same_section(sections, line, rel.line) and c not in written
                           and any(str(e.base.label) == label for e in sp.Tuple(left, right).atoms(sp.Indexed)))
        if unapplied:       # η_K := 0 given, but not among the hypotheses read for this relation
            doubts.append("it speaks of " + ", ".join(f"{label}, whose last entry the text set (line "
                                                      f"{last_values[label][0]}: {last_values[label][2]})"
                                                      for label in unapplied) + ", which softsym did not apply here")
        looped_here = sorted(name for name, line in circular_at.items() if line <= rel.line
                             and name in names_in(lhs, rhs) | {target_name(x) for x in (lhs, rhs)})
        if looped_here:
            doubts.append("it uses " + ", ".join(f"{name}, defined through itself (line {circular_at[name]})"
                                                 for name in looped_here) + ": that definition is not unfolded")
        chosen_here = sorted(name for name, (line, end) in chosen_at.items()
                             if end < rel.line and name in names_in(lhs, rhs)
                             and not any(line < at <= rel.line for at in defined_at.get(name, [])))
        if chosen_here:         # "take $v = c$, then …" in an earlier paragraph: the choice may not hold here
            doubts.append("it uses " + ", ".join(f"{name}, chosen on line {chosen_at[name][0]} for the argument of "
                                                 f"that sentence (\"take …, then …\")" for name in chosen_here)
                          + ": whether that choice still holds here is not clear")
        if renamed_here:
            doubts.append("it uses " + ", ".join(f"{name}, given another meaning in words on line {renamed_at[name]}"
                                                 for name in renamed_here)
                          + ": its definition no longer unfolds, and what it means here is not read")
        restated_apart = (inline or earlier is not None and not earlier.expr.free_symbols) and earlier is not None \
            and rel.op == "==" and target_name(lhs) is not None \
            and bool(defined_at.get(target_name(lhs))) and not any(in_scope(sections, line, rel.line) for line in defined_at.get(target_name(lhs), [])) \
            and not valued_claim                # ("Therefore $\bar x = 2$": derived, no new x̄)
        if restated_apart:
            doubts.append(f"it restates {target_name(lhs)}, defined in another section (line "     # "## Adding a
                          f"{defined_at[target_name(lhs)][-1]}): in prose it may define it anew")      # temperature"
        in_a_case = isinstance(lhs, sp.core.function.AppliedUndef) and any(
            isinstance(c, sp.core.relational.Relational) and not is_pin(c) and any(_mentions(c, a) for a in lhs.args)
            for c in prose)             # "对 $x<0$，$\zeta(x) = \zeta(-|x|)$": a claim about that case, no new ζ
        if (restated_apart or inline and role is None and earlier is not None and rel.op == "=="
                and target_name(lhs) is not None) and not in_a_case \
                and _restated_otherwise(rhs, earlier.expr, definitions):
            # "## y = 0 … 此时 $\mathrm{FL} = -p^\gamma \log(1-p)$" after FL := -(1-p)^γ log p of y = 1, or
            # "Now $\ell = -\log(1 - p)$" after ℓ := −log p (a subsection, the same paragraph, "instead"):
            # which one the derivatives after it differentiate is not clear — neither unfolds
            doubts_later[target_name(lhs)] = (defined_at.get(target_name(lhs), [rel.line])[-1], rel.line)
            definitions = [d for d in definitions if not _same_kind(d.target, lhs)]
        valued = sorted(name for name in names_in(lhs, rhs) if name in valued_in_prose
                        and valued_in_prose[name][0] < rel.line)
        if valued:          # y(t) = C e^{kt}, "the data give $y(0) = 2$" (or only suppose it): C is the text's
            line, tex = valued_in_prose[valued[0]]
            doubts.append(f"it uses {valued[0]}, whose constants the text gives a value in prose (line {line}: "
                          f"{tex}), which softsym does not take as a hypothesis")
        reparametrized = _reparametrized(lhs, rhs, definitions)
        if reparametrized:  # Z(T) := Σ_x e^{-E(x)/T}, β := 1/T, "于是 $Z(β) = Σ_x e^{-βE(x)}$": Z written in β
            doubts.append(f"it applies {reparametrized}: the text may mean the same quantity written as a "
                          f"function of the new name, not the function at that value")
        hidden = _hidden_constants(lhs, rhs, left, right, conditions)      # (values given anywhere before)
        if hidden:          # T(t) = 20 + D e^{-t}, "our cup starts at 60 degrees": T(1) = 20 + 40/e
            doubts.append(f"as written it names no variable, yet it rests on {', '.join(hidden)} of a definition, "
                          f"which the text may fix in words")
        others = others_before(lines[rel.line - 1], column_of(k)) if inline and 1 <= rel.line <= len(lines) \
            and any(i in sp.Tuple(lhs, rhs).free_symbols for e in sp.Tuple(lhs, rhs).atoms(sp.Indexed)
                    for i in e.indices if not i.is_number) else ""
        if others and any(isinstance(g, sp.Ne) and g.free_symbols and g.free_symbols <= problem.free_symbols
                          for g in problem.domain.given):
            others = ""     # "the off-diagonal entries are $…$ for $i \neq j$": the condition names them
        if others:          # "… and every other class gets $q_i = ε/K$": i is not the class named before
            doubts.append(f"the sentence speaks of the entries other than one it names (\"{others}\"): a "
                          f"counterexample may be at that one")
        if not sp.Tuple(lhs, rhs).has(sp.Limit) and (names_in(lhs, rhs) or names_in(left, right)):
            # (arithmetic on numbers is the same in every regime: "The next layer, $256 \to 128$, has …")
            opening = min((b.line for b in blocks if b.display and b.line <= rel.line <= b.end_line), default=rel.line)
            before = opening - 1 if display else rel.line       # the paragraph leading into it (or its own)
            while display and before > 1 and not lines[before - 1].strip():
                before -= 1
            first_line, _ = paragraph_around(lines, before, before, False)
            regime = regime_nearby(lines, max(first_line, before - 8), before)
            if regime:          # "At infinite temperature every state is equally likely. Hence … $$⟨E⟩ = …$$"
                doubts.append(f"the words before it put it in a regime or a limit softsym does not read "
                              f"(\"{regime}\"): a counterexample may lie outside it")
        said_case = equal_case(own_words if inline else        # (a display's: its lead-in and what follows it)
                               f"{own_words} {hedged_words(words_after_display(lines, rel, blocks))}")
        beside = _ANOTHER_ACTIVATION.search(blank_inline_math(own_words)) if _KNOWN_IN_TEX.search(rel.tex) else None
        if beside and not _LOGISTIC_WORDS.search(blank_inline_math(own_words)):
            doubts.append(f"its sentence speaks of another function (\"{beside.group(0)}\"): which function "
                          f"{_KNOWN_IN_TEX.search(rel.tex).group(0).lstrip(chr(92))} is here is not clear")
        other_variable = _respect_to_another(_raw_sentence_before(lines, rel) if inline
                                             else lead_in(lines, rel, blocks, keep_math=True) or "", rel.tex)
        if other_variable:      # "the gradient with respect to the input $x$ is $$\nabla \ell(w) = …$$"
            doubts.append(f"its words differentiate with respect to {other_variable}, while the math differentiates "
                          f"a function of another variable: which derivative is meant is not clear")
        counterfactual = bool(_COUNTERFACTUAL.search(blank_inline_math(own_words)))
        if not counterfactual and 1 <= rel.line <= len(lines):     # "Suppose $\sigma$ were the ReLU. Then $$…$$":
            lead_first = paragraph_around(lines, rel.line, rel.line, display)[0]   # a supposed world frames what
            leading = " ".join(lines[lead_first - 1:rel.line - 1]) + " " + \
                lines[rel.line - 1][:max(0, lines[rel.line - 1].find(rel.tex.strip()[:20]))]   # its paragraph says
            counterfactual = bool(_SUPPOSED_WORLD.search(blank_inline_math(leading)))
        if counterfactual:      # ("If we had used a ReLU, … would fail"; "Replacing σ by a ReLU gives $$…$$")
            doubts.append("its sentence states it counterfactually (\"Had we used …\"): not the text's own claim")
        changed = _CHANGED.search(blank_inline_math(own_words))
        if not changed and display and 1 <= rel.line <= len(lines):     # "We now double the rate. $$…$$": the
            lead_first = paragraph_around(lines, rel.line, rel.line, display)[0]   # sentence before it, in its
            changed = _CHANGED.search(blank_inline_math(" ".join(lines[lead_first - 1:rel.line - 1])))   # paragraph
        if changed:             # ("After doubling the rate, $$\mathbb{E}[T] = 2\lambda$$": the math writes no change)
            why = (f"its sentence states it after a change the math does not write (\"{changed.group(0)}\"): "
                   f"a proof or a counterexample is of softsym's reading, not of the changed setting")
            doubts.append(why)
        class_said = _CLASS_SAID.search(re.sub(r"\$\$.*?\$\$|\$[^$]*\$|\\\(.*?\\\)", " MATH ", _raw_sentence_before(lines, rel) if inline
                                                         else lead_in(lines, rel, blocks, keep_math=True) or ""))
        if class_said and not names_in(lhs, rhs) & defined_names and not _KNOWN_IN_TEX.search(rel.tex):
            doubts.append(f"the words state it of a kind of object softsym does not model (\"{class_said.group(0).strip()}\"): "
                          f"a counterexample may be no such object")   # ("the lengths of any prefix code satisfy")
        if said_case:           # "$L = \log K$ when all logits are equal": a case the math does not write
            doubts.append(f"the words state it for a case softsym does not read (\"{said_case}\"): a counterexample "
                          f"may lie outside it")
        if own_version:
            doubts.append("it defines a function softsym knows: checked against softsym's reading, a different "
                          "definition is the text's own")
        if unusable:
            doubts.append(f"it holds under a condition softsym could not use ({unusable})")
        spoken_names = names_in(left, right) | names_in(lhs, rhs)
        cases = [(line, d) for line, d in live_conditions() if d is not None and not is_pin(d) and names_in(d)
                 and _as_case(lines, line, condition_columns.get((line, d), -1))]
        lead_first = paragraph_around(lines, rel.line, rel.line, display)[0] if 1 <= rel.line <= len(lines) else 0
        if any(lead_first <= line <= rel.line and names_in(d) & spoken_names for line, d in cases):
            cases = [(line, d) for line, d in cases if line >= lead_first]   # "For $p \in (0, 1)$, $claim$": its
        apart = [c for c in prose if c is not None and not is_pin(c) and names_in(c)    # own case, not one said
                 and not names_in(c) & spoken_names and any(d == c for _, d in cases)]  # before ("For $t > 0$, …")
        if apart and spoken_names:     # "损失在 $q = \tilde y$ 时最小 … $$z_c - z_j = …$$": a link the words make
            # (a relation of no names at all, Γ(5) = 20 "for x > 0", is the same in every case)
            doubts.append(f"the text states it under {sp.sstr(apart[0])}, which as read has nothing to do with "
                          f"it: a link the words make is missing")
        if doubled_bounds:
            doubts.append(f"the text gives {', '.join(sorted(doubled_bounds))} two bounds before it; checked under "
                          f"the looser one, which the claim may not be made under{DOUBLED_BOUNDS}")
        listed_here = sorted(name for name in names_in(lhs, rhs) | names_in(left, right)   # (s := 2y - 1: y too)
                             if name in listed_values
                             and in_scope(sections, listed_values[name][0], rel.line))
        listed_up_front = sorted(
            name for name in names_in(lhs, rhs) | names_in(left, right)
            if name in listed_values and name not in listed_here
            and in_preamble(sections, listed_values[name][0], setups)
            and name not in {target_name(d.target) for d in definitions}         # ("Here $y := w^T x + ε$")
            and not _as_case(lines, listed_values[name][0],                       # ("… the hard-label case is
                             _listing_column(lines[listed_values[name][0] - 1], name))   # when $y \in \{0, 1\}$")
            and not _listing_left(lines, name, listed_values[name][0], rel.line)    # ("the target $y$ is a real")
            and not _ranged_again(lines, name, listed_values[name][0], rel.line))   # ("$y \in [0, 1]$", "the label
        #                                                                            is $y \in \{1, …, K\}$")
        if listed_up_front:             # "Binary labels $y \in \{-1, +1\}$" before the first section: y may be
            doubts.append("it speaks of " + ", ".join(     # that label here, or the section's own y
                f"{name}, listed up front as {{{listed_values[name][1]}}} (line {listed_values[name][0]})"
                for name in listed_up_front) + ": a counterexample at other values may not be one")
        value_sets: tuple[tuple[str, tuple[str, ...], int], ...] = ()
        induction: tuple[str, int, int, str] | None = None
        if listed_here:
            cases = listed_cases(listed_here, listed_values, {**{x.name: x for x in sp.Tuple(left, right).atoms(
                sp.Symbol)}, **by_name}, lines)     # (y of m := y f(x), reached by unfolding m, too)
            if cases is not None and any(c.xreplace(dict(case)) == sp.false for case in cases
                                         for c in written if isinstance(c, sp.Basic)):
                cases = None            # its own conditions exclude a listed value: they allow others
            withdrawn = any(released.get(name, (0,))[0] >= listed_values[name][0] for name in listed_here) or any(
                negation_in(words) for name in listed_here          # "… $y$ is not restricted to …"
                for line, words, (a, b), _ in sentences(lines, listed_values[name][0], rel.line - 1)
                if re.search(rf"\$[^$]*(?<![A-Za-z\\]){re.escape(name)}(?![A-Za-z])[^$]*\$", line[a:b])) \
                or any(_listing_left(lines, name, listed_values[name][0], rel.line) for name in listed_here)
            if cases is not None and (not cases or withdrawn or k in premise_of or k in premises
                                      or any(kind == "converse" for kind, _ in variants)):
                cases = None            # withdrawn ("y is not restricted to …"), or an equivalence's side
            if cases is None:
                doubts.append("it speaks of " + ", ".join(f"{name} in {{{listed_values[name][1]}}} (line "
                                                          f"{listed_values[name][0]})" for name in listed_here)
                              + ", values softsym does not use: a counterexample elsewhere is not one")
            else:              # "$y \in \{0, 1\}$": checked at each value too (refuted there, or proved in each)
                value_sets = tuple((name, tuple(sp.sstr(v) for v in _listed_numbers(listed_values[name][1])),
                                listed_values[name][0]) for name in listed_here)
                for case in cases:
                    key = ",".join(f"{sp.sstr(symbol)}={sp.sstr(value)}" for symbol, value in case)
                    followups.append((f"values:{key}",
                                      build([*written, *(sp.Eq(symbol, value) for symbol, value in case)])[0]))
        cased = {f"{e.base.label}[]" for c, _ in branch_cases for e in c.atoms(sp.Indexed)}
        by_cases = sorted((names_in(lhs, rhs) | names_in(left, right)) & {b for b in branches if b}
                          - {target_name(d.target) for d in definitions} - cased)
        if by_cases:                    # "Let $y_k = 0$ for $k \ne c$, and $y_c = 1$": not unfolded, so a point
            doubts.append(f"it rests on {', '.join(by_cases)}, defined by cases that softsym does not unfold: "  # may
                          f"a point may break them")                 # break them (y = (0, 1) at c = 1)
        valued_here = {target_name(c.lhs) for _, c in live_conditions() if c is not None and is_pin(c)}
        put_aside = sorted(name for name in names_in(lhs, rhs) | names_in(left, right)
                           if any(line < rel.line for line in formula_aside_at.get(name, []))
                           and name not in {target_name(d.target) for d in definitions} and name not in valued_here
                           and not any(name in names_in(c) for c in constraints if c is not None   # (a system solved
                                       and formula_aside_at[name][-1] < imposed_at.get(c, 0) <= rel.line))   # since)
        if put_aside:                   # "The paper instead lets … $$p_\ell = 1 - \frac{\ell}{L}(1 - p_L)$$": what the
            doubts.append(f"it uses {', '.join(put_aside)}, whose formula the words may set aside (line "   # text's
                          f"{formula_aside_at[put_aside[0]][-1]}): what the text means by it is not read")    # p_ℓ is
        maybe_defined = sorted((names_in(lhs, rhs) | names_in(left, right) | maybe_premised)
                               & (set(unread) - given_here) - by_variable)
        # (z̄ := Σ_j p_j z_j with p unread: a relation about z̄ rests on p too)
        if maybe_defined:
            doubts.append("it rests on what softsym could not read ("
                          + "; ".join(f"{n} (line {unread[n]})" for n in maybe_defined) + ")")
        if role is None and (lhs.free_symbols or rhs.free_symbols):
            doubts.append("it is written inline, in a sentence that does not say whether it is a claim or a "
                          "condition, an assumption or an example's value (display math is checked as a claim)")
        defined_now = {target_name(d.target) for d in definitions}
        examples_here = [c for c in pins if target_name(c.lhs) in defined_now or isinstance(c.lhs, sp.Indexed)
                         and f"{c.lhs.base.label}[]" in defined_now]
        if examples_here:
            doubts.append("it rests on values an example gives in prose ("
                          + ", ".join(sp.sstr(c.lhs) + " = " + sp.sstr(c.rhs) for c in examples_here[:3])
                          + ") to names the text defines in general")
        arithmetic = not (left.free_symbols or right.free_symbols or left.atoms(sp.Indexed) or right.atoms(sp.Indexed))
        premise_unread = None if arithmetic else \
            next((u for u in reversed(unread_inline) if same_sentence(lines, u, rel)   # 1/3 (0 − 7/6): no premise
                  and not _FUNCTION_NOTATION.fullmatch(u[1])          # (nor "with $\operatorname{sech} = 1/\cosh$",
                  and not _PROBABILITY_STATED.match(u[1])), None)     # nor a probability stated: P(N(t) ≥ 2) = …)
        if premise_unread is None and not arithmetic:    # "the embeddings are normalized, $\|u\| = 1$, … $$…$$"
            spoken = {n.removesuffix("[]") for n in names_in(lhs, rhs)}
            premise_unread = next((u for u in reversed(unread_inline) if u[0] <= rel.line
                                   and same_paragraph(lines, u[0], rel.line)
                                   and not _FUNCTION_NOTATION.fullmatch(u[1])
                                   and not _PROBABILITY_STATED.match(u[1])     # (P(N(t) ≥ 2) = …: its event's ≥)
                                   and re.search(r"(?:=|<|>|\\[lg]eq?(?![A-Za-z]))\s*-?\d+(?:\.\d+)?\s*$|<|>|"
                                                 r"\\[lg]eq?(?![A-Za-z])|\\in(?![A-Za-z])", u[1]) and any(
                                       re.search(rf"(?<![A-Za-z\\]){re.escape(n)}(?![A-Za-z])", u[1]) for n in spoken)),
                                  None)
        if premise_unread is None and not arithmetic:    # "这里 $W_hS_h = (5, 6, 8)$" … $$\frac{(\sum_h W_hS_h)^2}{n} = …$$
            spoken = {n.removesuffix("[]") for n in names_in(lhs, rhs)}
            premise_unread = next((u for u in reversed(unread_inline) if u[0] < rel.line
                                   and same_section(sections, u[0], rel.line)
                                   and re.search(r"=\s*\(\s*-?\d[\d.,\s-]*\)\s*$", u[1]) and any(
                                       re.search(rf"(?<![A-Za-z\\]){re.escape(n)}(?![A-Za-z])", u[1]) for n in spoken)),
                                  None)         # (values listed for the names it uses, not read: what it rests on)
        if premise_unread is not None:
            doubts.append(f"it may rest on a condition in its sentence, paragraph or section that softsym could not "
                          f"read (line {premise_unread[0]}: {premise_unread[1]})")
        premise_imposed = None if arithmetic else next((u for u in reversed(imposed) if same_sentence(lines, u, rel)),
                                                       None)
        solved_in_words = _SET_TO_ZERO_BEFORE.search(_sentence_before(lines, rel)) if inline else None
        if solved_in_words and premise_imposed is None and k not in roots_checked:   # "… setting this to zero gives $θ_k = n_k/λ$"
            doubts.append(f"it is what the words solve for (\"{solved_in_words.group(0)}\"): a root of an equation, "
                          f"not an identity")
        if premise_imposed is not None:
            doubts.append(f"it rests on a condition the text imposes in the same sentence, which softsym does not "
                          f"use (line {premise_imposed[0]}: {premise_imposed[1]})")
        continuous = {v for d in sp.Tuple(lhs, rhs).atoms(sp.Derivative) for v, _ in d.variable_count} | {
            a for c in sp.Tuple(lhs, rhs).atoms(sp.core.function.AppliedUndef) for a in c.args
            if isinstance(a, sp.Symbol)}            # ∂/∂T, p_j(T): T varies continuously, it is no range end
        continuous |= {x for x in sp.Tuple(lhs, rhs).free_symbols if isinstance(x, sp.Symbol) and x.name in varied}
        # (dH/dT earlier in the text: T varies there too)
        capitals = sorted(x.name for x in (*lhs.free_symbols, *rhs.free_symbols)     # (also the range its sums
                          if isinstance(x, sp.Symbol) and len(x.name) == 1 and x.name.isupper()   # and maxima get:
                          and not (x in continuous and not re.search(      # (not "Over $T$ steps, … \sum_t")
                              rf"\\sum_\{{?\s*{x.name.lower()}\b", rel.lhs + " " + rel.rhs)))
        # Σ_a read over 1..T where the words give a ∈ {1, 2, 3} — a refutation at T = 1 is no refutation)
        defined_lists: dict[str, list[tuple[str, ...]]] = {}
        for done in out:                    # the functions defined so far, with each list of parameters
            fd = function_definition(done.relation) if done.verdict == "definition" else None
            if fd is not None:
                defined_lists.setdefault(bare_name(fd[0]), []).append(tuple(p.strip().lstrip("\\") for p in fd[1]))

        def latest_of(call: sp.Basic) -> tuple[str, ...] | None:
            same = [ps for ps in defined_lists.get(str(call.func), ()) if len(ps) == len(call.args)]
            return same[-1] if same else None
        overloaded_calls = sorted({sp.sstr(c) for c in sp.Tuple(lhs, rhs).atoms(sp.core.function.AppliedUndef)
                                   if tuple(map(str, c.args)) in defined_lists.get(str(c.func), ())
                                   and tuple(map(str, c.args)) != latest_of(c)})
        # (a call written with an earlier definition's own parameters, L(p) after L(z) := …: that one?)
        if overloaded_calls:           # L(p) := -log p_y, then L(z) := …: which L is L(p) here?
            doubts.append(f"it calls {', '.join(overloaded_calls)}, a function the text defines twice with "
                          f"different parameters: which definition the call means is not clear")
            unproved = unproved or doubts[-1]
        through = [sp.Tuple(d.target, d.expr) for d in reached_definitions(sp.Tuple(lhs, rhs), definitions)]
        ranged_by_capital = sorted({str(v) for piece in (sp.Tuple(lhs, rhs, left, right), *through)
                                    for total in piece.atoms(sp.Sum)
                                    for v, lo, hi in total.limits if hi == dimension and len(str(v)) == 1
                                    and str(v).upper() in {x.name for x in piece.free_symbols | sp.Tuple(
                                        lhs, rhs).free_symbols if isinstance(x, sp.Symbol)} - {
                                        str(e.base.label) for e in sp.Tuple(piece, lhs, rhs).atoms(sp.Indexed)}
                                    and str(v).upper() != str(dimension)})
        if ranged_by_capital:           # c(T) := (1/T) Σ_t 1 "over T time steps": t may run to T, not to n
            doubts.append(f"a sum over {', '.join(ranged_by_capital)} (through a definition) is read over "
                          f"1..{dimension}, while {', '.join(v.upper() for v in ranged_by_capital)} is named beside "
                          f"it and may be its range")
            unproved = unproved or doubts[-1]
        one_range = {hi for total in sp.Tuple(lhs, rhs, left, right).atoms(sp.Sum) for _, _, hi in total.limits} \
            <= {dimension}                  # (K of Σ_j read over 1..K, every sum over 1..K: that range)
        labelled = {str(e.base.label) for e in sp.Tuple(lhs, rhs, left, right).atoms(sp.Indexed)} \
            | {target_name(d.target) for d in definitions if _computed(d.expr, definitions)}
        # (E of E_i, U := Σ_i p_i E_i, Z := Σ_i e^{-βE_i}: no count, as V := 5000 may be)
        other_capitals = [c for c in capitals if (c != str(dimension) or not one_range) and c not in labelled
                          and not (outcome_size is not None and c == str(outcome_size) and {
                              hi for total in sp.Tuple(left, right).atoms(sp.Sum) for _, _, hi in total.limits}
                              <= {outcome_size})]     # (the states listed x_1, …, x_K: sums over them run to K)
        if IMPLICIT_SUM.search(rel.lhs + " " + rel.rhs) and other_capitals:
            doubts.append(f"a sum written without bounds is read over 1..{dimension}, while the relation names "
                          f"{', '.join(other_capitals)}, which may be its range")      # Σ_w (N_wc + 1) = N_c + V
        if IMPLICIT_SUM.search(rel.lhs + " " + rel.rhs) and any(
                all(i.is_Integer for i in e.indices) for e in sp.Tuple(lhs, rhs).atoms(sp.Indexed)):
            doubts.append("the range of a sum written without bounds (read as 1..n) beside entries with "
                          "written indices is a guess")
        given_by_definition = {d.target for d in definitions       # (Var(E) := 1/K Σ_x E(x)² − … of this section:
                               if re.match(r"(?:Var|Cov|Corr|Cor|Std|SD|E)[\[(]", sp.sstr(d.target))   # a statistic
                               and d.expr.has(sp.Sum)}     # of the data, not a probability, which notes give a new
        # value model by model, nor a moment of a draw, which a convention may change)
        if rel.op == "==" and not rel.chained and (probabilities_in(lhs) == {lhs} and lhs not in given_by_definition
                                                   or probabilities_in(rhs) == {rhs} and rhs not in given_by_definition):
            doubts.append(f"it gives the probability {shown_l if probabilities_in(lhs) == {lhs} else shown_r} a value "
                          f"(notes give a probability a new value model by model), not a claim softsym can refute")
        unknown = sorted(str(x) for x in probabilities_in(left, right)) + sorted(
            x.name for x in sp.Tuple(left, right).free_symbols if x.name.endswith("_angle"))   # ⟨E⟩ nothing defines
        if unknown and not (rel.op == "==" and _scaled_statistic(left, right)):
            doubts.append(f"it rests on probabilities or expectations ({', '.join(unknown)}) that softsym reads "
                          f"as unknown numbers: whether it holds may take the axioms of probability")
        resting = sorted({str(e.base.label) for e in sp.Tuple(left, right).atoms(sp.Indexed)} & set(recurrences))
        if resting:
            doubts.append("it rests on a recurrence softsym does not unfold ("
                          + "; ".join(f"{r} (line {recurrences[r]})" for r in resting) + ")")
            plan = induction_plan(lhs, rhs, rel.op, recurrence_rules, initial_values(), written)
            if plan is not None and (defined_before(lines, rel, blocks) or not in_scope(
                    sections, recurrences[plan.family], rel.line) and _entry_spoken_of(
                    lines, max((h for h in sections if h <= rel.line), default=0), rel.line, plan.entry)):
                plan = None     # "In this section $m_t$ denotes something else … we set $$m_t = r^t$$"
            exception = exceptions_around([hedged_words(line) for line in lines], recurrences[plan.family],
                                          rel.line, plan.family, plan.index.name,
                                          [(b.line, b.tex) for b in blocks]) if plan is not None else ""
            if exception:       # "except at the fourth step", "$c_5 = 0$ after the reset": not for every t
                doubts[-1] += f"; it is not checked through it: {exception}"
                plan = None
            if plan is not None:    # "m_t = (1 - β) Σ_i β^{t-i} g_i", a closed form: at t = 1, 2, 3 and by induction
                nearby_words = " ".join(lines[max(rel.line - 6, 0):rel.line])
                some_indices = re.search(rf"(?i)\b(?:even|odd|every\s+other|multiples?\s+of|偶数|奇数)\b[^.$]*\$\s*"
                                         rf"{re.escape(plan.index.name)}\b", nearby_words)
                for kind, extra, sides in plan.followups():
                    if some_indices and kind.startswith("at:") and kind != f"at:{plan.index.name}={plan.first}":
                        continue       # "for every even $t$": not every index is claimed
                    try:
                        case = build([*written, *extra], *sides)[0] if sides else build([*written, *extra])[0]
                    except Exception:  # noqa: BLE001 - a case softsym cannot build is not checked
                        continue
                    if kind.startswith("at:") and any(str(e.base.label) == plan.family for e in
                                                      sp.Tuple(case.lhs, case.rhs).atoms(sp.Indexed)):
                        continue       # not written out down to a value the text gives: no instance
                    followups.append((kind, case))
                induction = (plan.index.name, plan.first, recurrences[plan.family], plan.family)
        both_sides = sp.Tuple(left, right)
        numbered_variables = any(isinstance(v, sp.Indexed) and any(i.is_Number for i in v.indices)
                                 for d in sp.Tuple(lhs, rhs).atoms(sp.Derivative) for v in d.variables)
        listed = any(any(a.is_Number for a in d.args) for d in both_sides.atoms(sp.KroneckerDelta)) \
            and not numbered_variables          # (∂g_1/∂h_2 makes δ(2, k) of its own: nothing listed)
        mismatched = sorted({sp.sstr(node.limits[0][2]) for node in both_sides.atoms(sp.Sum)
                             if not node.limits[0][2].is_Number and listed}
                            | {sp.sstr(x) for p in both_sides.atoms(sp.Piecewise) for _, c in p.args
                               if listed and c is not sp.true for x in c.free_symbols if x.is_integer})
        if mismatched:                  # z := Σ_i w_i x_i over 1..n, then "take w = (0.5, -1), x = (2, 1)"
            doubts.append(f"it sums entries of a vector the text listed over 1..{', '.join(mismatched)}, a range "
                          f"it did not write for them")
        if conventional_length(rel, left, right, dimension, range_ends):
            doubts.append(f"the length of a vector is taken to be {dimension} (not written) while the relation "
                          f"sums to another bound")
        extremes = _extreme_entries(sp.Tuple(left, right), definitions)
        if extremes:                    # "0 < μ = λ_min ≤ λ_i ≤ λ_max = L": λ_min is the least λ_i, not any number
            doubts.append(f"{', '.join(extremes)} names the least or greatest entry of a family, which softsym "
                          f"reads as a number of its own")
        about = sorted(examples.keys() & {str(e.base.label) for e in sp.Tuple(lhs, rhs).atoms(sp.Indexed)}
                       | {name for name in examples if name in names_in(lhs, rhs)})
        named = [{x for x in side.free_symbols if not x.is_integer} for side in (lhs, rhs)]
        nowhere = rel.op == "==" and attempt(Deadline.after(0.5), lambda: (lambda d: d.is_number and d != 0)(
            sp.expand(lhs - rhs)), False)       # (x_i^2 − (x_i − 2)^2 = 4x_i + 4: off by 8 at every x — no equation
        #                                         the example's values could fail to solve, false at each of them)
        if about and not nowhere and (speaks_generally(left, right, problem.domain) or all(named)):   # x_2 = (5 − 3x_1)/4
            doubts.append("it speaks of every entry of " + ", ".join(f"{n} (line {examples[n]})" for n in about)
                          + ", which the text gave example values: a general statement is not refuted on them")
        flat = sorted(set(independent_derivatives(left, right)) | set(flat_derivatives(lhs, rhs, definitions)))
        hollow: list[str] = ["its sentence states it counterfactually: a proof is of softsym's reading, not of what "
                             "the sentence supposes"] if counterfactual else []
        if display and k > 0 and found[k - 1].line <= rel.line and found[k - 1].block is not rel.block and any(
                r.relation is found[k - 1] and r.verdict == "skipped" for r in out[-3:]) \
                and _RESTATED.search(lead_in(lines, rel, blocks) or ""):
            hollow.append("it restates the condition before it (\"or equivalently\", \"that is\"): a proof under that "
                          "condition shows one direction only")      # "we need $$1/\sqrt n \le 0.1$$ or equivalently"
        if changed:
            hollow.append(f"its sentence states it after a change the math does not write (\"{changed.group(0)}\")")
        if other_variable:      # (a proof would be of the derivative softsym reads, not the one the words take)
            hollow.append(f"its words differentiate with respect to {other_variable}, not the variable the math "
                          f"differentiates by")
        through_lines = [max((n for n in defined_at.get(target_name(d.target) or "", []) if n <= rel.line), default=0)
                         for d in reached_definitions(sp.Tuple(lhs, rhs), definitions)] if own_versions or disputed_own else []
        for name, at in own_versions.items():  # σ := ReLU in an earlier section: the logistic σ here, or still it?
            if name in _OWN_VERSION_TEX and 1 <= at <= len(lines) \
                    and not re.search(r"e\s*\^|\\exp\b", lines[at - 1]) and any(   # (σ := 1/(1 + e^{-x}): the same σ)
                    at < line and not in_scope(sections, at, line) and re.search(_OWN_VERSION_TEX[name], text)
                    for line, text in [(rel.line, rel.tex), *((n, lines[n - 1]) for n in through_lines
                                                              if 1 <= n <= len(lines))]):
                why = f"it uses {name}, the text's own in another section (line {at}): which {name} it means here " \
                      f"is not clear"
                doubts.append(why)
                hollow.append(why)
        data_at = _unnamed_data(lines, rel.line, display) if 1 <= rel.line <= len(lines) else 0
        spoken = [sp.Tuple(lhs, rhs), *(d.expr for d in reached_definitions(sp.Tuple(lhs, rhs), definitions))] \
            if data_at or resized else []       # (the relation and the definitions it unfolds)
        if data_at:
            families = {str(e.base.label) for expr in spoken for e in expr.atoms(sp.Indexed)}
            if families:        # "数据为 $(2, 4, 4, 4, 5, 5, 7, 9)$ … 所以 $\hat\sigma^2_n = 32/8$": the data are the
                # values of the family the definitions sum over, though the text gives them no name
                doubts.append(f"the text lists data it gives no name (line {data_at}): they may be the entries of "
                              f"{', '.join(sorted(families))}, which a counterexample chooses freely")
        for name, (first_at, first_length, later_at, later_length) in resized.items():
            if later_at <= rel.line and in_scope(sections, later_at, rel.line) and any(
                    name in {str(e.base.label) for e in expr.atoms(sp.Indexed)} | {x.name for x in expr.free_symbols}
                    for expr in spoken):
                # ("Let $z = (z_1, z_2) \in \mathbb{R}^2$ … $p_k = e^{z_k}/(e^{z_1} + e^{z_2})$" … "For $K = 3$ and
                # $z = (1, 0, 0)$, $$p_1 = \frac{e}{e + 2}$$": the definition is of the two-entry z)
                doubts.append(f"it speaks of {name}, given {first_length} entries (line {first_at}) and "
                              f"{later_length} entries (line {later_at}): a definition or a value of the other may not hold")
        for name, own_at in special_clash.items():
            if re.search(_SPECIAL_LETTERS[name], rel.tex) and not same_section(sections, own_at, rel.line):
                why = (f"it uses {name}, which the text makes its own at line {own_at} while its words also name the "
                       f"{'digamma' if name == 'psi' else 'Beta'} function: which one is meant here is not clear")
                doubts.append(why)
                hollow.append(why)
        if norm_named_at is not None and BARE_NORM_TEX.search(rel.tex):
            why = f"it uses a norm the words make another than the Euclidean one (line {norm_named_at}), not read"
            doubts.append(why)
            hollow.append(why)
        for name, defined_later in disputed_before.items():
            if rel.line < defined_later and re.search(_OWN_VERSION_TEX[name], rel.tex):
                why = f"it uses {name}, which the text defines as its own (\"throughout\") at line {defined_later}"
                doubts.append(why)
                hollow.append(why)
        for name, (drawn_at, redrawn_at) in given_again.items():
            if redrawn_at < rel.line and not in_scope(sections, redrawn_at, rel.line) \
                    and re.search(rf"(?<![A-Za-z\\]){re.escape(name)}(?![A-Za-z])", rel.tex):
                doubts.append(f"it uses {name}, given two distributions (lines {drawn_at} and {redrawn_at}): which one "
                              f"holds here is not clear")
        pin_units = _units_of_pins([*pins, *example_values], [*conditions, *example_pins], condition_columns, lines)
        after_units = _units_after(lines[rel.end_line - 1] if 1 <= rel.end_line <= len(lines) else "",
                                   _closing_column(lines, rel, column_of(k)) if inline else -1)
        own_units = {_UNIT_CANON[w.strip()] for w in re.findall(r"\\(?:text|mathrm|rm|mbox)\s*\{([^{}]*)\}", rel.tex)
                     if w.strip() in _UNIT_CANON}        # ("$S\tau = 60\,\text{min}$": the claim's own unit)
        figures = _SIGNIFICANT.search(((_sentence_before(lines, rel) + " " + _rest_of_sentence(lines, rel, column_of(k)))
                                       if inline else (lead_in(lines, rel, blocks) or "") + " "
                                       + words_after_display(lines, rel, blocks)) or "")
        if figures and rel.op == "==" and not (problem.lhs.free_symbols or problem.rhs.free_symbols) \
                and _rounds_to_figures((problem.lhs, problem.rhs), figures):
            doubts.append(f"the words say it is rounded to {figures.group(1)} significant figures, and it is")
            # ("To two significant figures, $e^{10} = 22000$", "$e^{10} = 22000$ (2 s.f.)")
        valued_here = pin_units or names_in(lhs, rhs) & {target_name(d.target) for d in definitions
                                                         if d.expr.is_number}   # ("$$t = 3, r = 20$$" too)
        declared_here = declared_units_at(rel.line) if valued_here else set()
        mixed = _mixed_units(pin_units + [u for u in (after_units, own_units, declared_here) if u])
        if mixed:               # "$r = 20$ tokens per second … $t = 3$ minutes … $r t = 60$": units the arithmetic
            why = f"the values it uses carry units ({mixed}) the arithmetic does not convert"   # leaves out
            doubts.append(why)
            hollow.append(why)
        if rel.op == "==" and not (lhs.free_symbols or rhs.free_symbols or lhs.atoms(sp.Indexed, sp.Function)
                                   or rhs.atoms(sp.Indexed, sp.Function)):
            prefix = _prefix_apart((lhs, rhs))
            after = _rest_of_sentence(lines, rel, column_of(k)) if inline else \
                (lines[rel.end_line - 1] if 1 <= rel.end_line <= len(lines) else "").split("$$")[-1].split("\\]")[-1]
            if prefix and (_UNIT_NEXT.match(after) or _UNIT_NEXT.search(rel.rhs)):
                doubts.append(f"its sides are 10^{prefix} apart and a unit follows it: a unit prefix the arithmetic "
                              f"leaves out may be meant (2 × 7 × 10⁹ bytes = 14 GB)")
        if degrees_at and degrees_at <= rel.line and (_TRIG_OF_NUMBER.search(rel.tex) or sp.Tuple(
                problem.lhs, problem.rhs).has(*_TRIG_FUNCTIONS)):     # (h/L of h := L sin θ: through a definition)
            why = f"the text measures angles in degrees (line {degrees_at}), and softsym reads them in radians"
            doubts.append(why)
            hollow.append(why)
        for name, (at, throughout) in disputed_own.items():
            if at < rel.line and (throughout or in_scope(sections, at, rel.line)) \
                    and not at < own_versions.get(name, 0) <= rel.line \
                    and any(re.search(_OWN_VERSION_TEX[name], tex) for tex in [rel.tex, *(
                        lines[n - 1] for n in through_lines if at < n <= len(lines))]):
                # (also through a definition after it: f(x) := w σ(x) after "σ denotes the softplus")
                why = f"it uses {name}, which the text defines as its own at line {disputed_at.get(name, at)} " \
                      f"(not read)"
                doubts.append(why)
                hollow.append(why)
        if flat:
            doubts.append(f"it differentiates {', '.join(flat)}, which as read does not depend on the variable "
                          f"(what it is may be said in words, not in the math)")
            hollow.append(f"it differentiates {', '.join(flat)}, which as read does not depend on the "
                          f"variable: the derivative is 0 only because softsym does not know what it is")
        block = next((b for b in blocks if b.display and b.line <= rel.line <= b.end_line), None)
        later = sorted({m.group(2) + (f"_{m.group(1)}" if m.group(1) in _ACCENTS else "") for k2, r in enumerate(found[k + 1:], k + 1)
                        if r.line <= block.end_line and r.op in ("==", ":=")
                        and not r.chained and k2 not in premise_of and k2 not in premises
                        for m in [_LATER_NAME.fullmatch(r.lhs)] if m is not None}
                       & {name.removesuffix("[]") for name in names_in(lhs, rhs)} - used_before) \
            if block is not None else []
        optimum = _OPTIMUM_NAME.fullmatch(rel.lhs) if rel.op == "==" else None
        if optimum is not None and any(
                r.op in ("==", ":=") and re.sub(r"\s+", "", r.lhs) == re.sub(r"\s+", "", rel.lhs)
                and not in_scope(sections, r.line, rel.line) for r in found[:k]):
            # ("## Averaged loss … $$w^\star = \frac{\sum_i x_i y_i}{\sum_i x_i^2 + n\lambda}$$": the optimum of
            # the problem this section poses, not the one an earlier section solved)
            doubts.append(f"it gives {rel.lhs.strip()}, the optimum or estimate of a problem, a formula again in a "
                          f"later section than the one that gave it: of another problem?")
        if later:                       # "… = λ a/(a + b) + … \qquad λ = n/(a + b + n)": defined after it
            doubts.append(f"it uses {', '.join(later)}, which the same display defines after it")
        undefined_yet = {name for name in names_in(lhs, rhs) if (name not in used_before or first_use.get(name) == rel.line)
                         and not any(name in (target_name(d.target), _family(d.target)) for d in definitions)}
        after = _defined_after_where(found, k, lines, undefined_yet) if undefined_yet and not later else []
        if after:                       # "… is $s_y - 1 < 0$, where $$s_c = \frac{e^{u_c}}{…}$$": defined after it
            doubts.append(f"it uses {', '.join(after)}, which the text defines after it (\"where …\")")
        again_after = _function_defined_after_where(found, k, lines, {target_name(d.target) for d in definitions
                                                                       if isinstance(d.target, sp.core.function.AppliedUndef)})
        if again_after:                 # "$$\ell(2) = 4,$$ where $\ell(\lambda) = \lambda^3$" after ℓ(λ) := λ² in §1
            why = f"it uses {again_after}, which the words after it (\"where …\") define again"
            doubts.append(why)
            hollow.append(why)
        applied_at_own = {a: sp.Dummy() for a in sp.Tuple(lhs, rhs).atoms(sp.core.function.AppliedUndef)
                          if a.args and all(isinstance(x, sp.Symbol) for x in a.args)
                          and not is_probability(a)}      # A(η) of ∂²A/∂η_i∂η_j: A's own variable, not η of §1
        section_by_section = sorted(name for name in names_in(*sp.Tuple(lhs, rhs).xreplace(applied_at_own).args)
                                    & set(defined_at)
                                    if len({max((h for h in sections if h <= line), default=0)
                                            for line in defined_at[name]}) > 1
                                    and all(not in_scope(sections, line, rel.line) for line in defined_at[name]))
        if section_by_section:          # A(η) of the Bernoulli section, then of the Poisson one, used in a third
            doubts.append("it uses " + ", ".join(f"{name} (defined section by section: lines "
                                                 f"{', '.join(map(str, defined_at[name]))})"
                                                 for name in section_by_section)
                          + ", and which definition it means here is not clear")
        both_ways = sorted(letter for letter in renamed if letter not in named_here
                           and BARE[letter].search(f"{rel.lhs} {rel.rhs}"))
        if both_ways:                   # π ∈ (0, 1) in one section, π here: the prior or the constant?
            doubts.append("it writes " + ", ".join(f"{'π' if letter == 'pi' else letter}, which the text makes a "
                                                   f"name of its own elsewhere (line {renamed[letter][0]})"
                                                   for letter in both_ways)
                          + ": the constant or that name? — not proved or refuted on either reading")
            unproved = unproved or doubts[-1]
        guessed_plain = sorted(name for g in guesses if (m := _BARE_GUESS.match(g)) for name in [m.group(1)]
                               if any(line < function_lines.get(name, 0) for line in defined_at.get(name, ())))
        if guessed_plain:               # Z := Σ e^{z_k}, then Z(T) := …: "Z(T) = Z" is no identity of Z(T)
            doubts.append(f"it reads {', '.join(guessed_plain)} alone as the function, while the text also "
                          f"defines {', '.join(guessed_plain)} as a number")
            unproved = unproved or doubts[-1]
        family_defined = {str(d.target.base.label) for d in definitions if isinstance(d.target, sp.Indexed)}
        bare_entries = sorted({str(e.base.label) for e in sp.Tuple(lhs, rhs).atoms(sp.Indexed)}
                              & {f for f in entry_functions if function_lines.get(f, rel.line) < rel.line}
                              - family_defined)
        if bare_entries:                # "记 $Z(T) := …$，则 $\log p_i = z_i/T - \log Z(T)$" after p_i(T) := …
            doubts.append(f"it writes {', '.join(bare_entries)} with an index and without the argument of the "
                          f"entry function defined as {bare_entries[0]}_i(…): that function at its argument, or "
                          f"another family of the same name?")

        both_kinds = _plain_and_function(definitions, names_in(lhs, rhs))
        if both_kinds:                  # Z := Σ e^{z_j}, then Z(T) := Σ e^{z_j/T}; z̄ := Σ p_i z_i after p_i(T):
            doubts.append(f"it rests on {', '.join(both_kinds)}, defined both as a number and as a function "
                          f"(of a temperature?): which one it means here is not clear")
            unproved = unproved or doubts[-1]
        valued = lhs if isinstance(lhs, (sp.Symbol, sp.Indexed)) and not rhs.free_symbols else \
            rhs if isinstance(rhs, (sp.Symbol, sp.Indexed)) and not lhs.free_symbols else None
        family = f"{valued.base.label}[]" if isinstance(valued, sp.Indexed) else None    # p_1 of p_i := …
        if valued is not None and k not in system_valued and (target_name(valued) or family or sp.sstr(valued)) not in {
                target_name(d.target) or sp.sstr(d.target) for d in definitions}:
            doubts.append(f"it gives {sp.sstr(valued)} a value, and {sp.sstr(valued)} is defined nowhere softsym "
                          f"could read")                  # p_1 = e²/(e² + e + 1) in a worked example
            if k not in premise_of:             # "x^2 = 4 ⟺ x = 2" gives x no value
                stated.setdefault(sp.sstr(valued), (rhs if valued is lhs else lhs, rel.line))
        revalued = next((side for side, other in ((lhs, rhs), (rhs, lhs)) if isinstance(side, sp.Symbol)
                         and not other.free_symbols and not other.atoms(sp.Indexed)), None) if rel.op == "==" else None
        closed_value = next((d.expr for d in reversed(definitions) if d.target == revalued), None) \
            if revalued is not None else None
        if closed_value is not None and not closed_value.free_symbols and not closed_value.atoms(sp.Indexed):
            since = max(defined_at.get(revalued.name, [0]))
            case = next((r.relation.tex for r in out if r.relation.line == rel.line and since < r.relation.line
                         and r.verdict in ("definition", "skipped") and r.relation.op in ("==", ":=")), None)
            if case is not None:        # "$$\mathcal{L} = \log(1 + e^{-0.3})$$" in an example, then "At initialisation
                doubts.append(          # $\pi_\theta = \pi_{ref}$, so … $\mathcal{L} = \log 2$": another case's value
                    f"it gives {revalued.name}, the number {sp.sstr(closed_value)} of line {since}, a value in the "
                    f"case its sentence sets up (${case.strip()}$): the text's new case, not a claim about that number")
        if not display and rel.op == "==" and 1 <= rel.line <= len(lines):
            written_left = re.sub(r"\s+", "", rel.lhs)
            defining = next((r.relation for r in out if r.verdict == "definition" and r.relation.line < rel.line
                             and re.sub(r"\s+", "", r.relation.lhs) == written_left), None)
            other_model = _OTHER_MODEL.search(sentence_around(lines[rel.line - 1], column_of(k))) \
                if defining is not None else None
            if other_model is not None:     # "(The exact 2D Onsager value is $k_B T_c = 2J/\log(1+\sqrt 2)$: mean
                doubts.append(              # field overestimates T_c)" after $$k_B T_c = J z$$ defined T_c
                    f"it writes {rel.lhs.strip()} again, which line {defining.line} defined, in a sentence of "
                    f"another model or value (\"{other_model.group(0)}\"): that other quantity, not a claim about "
                    f"the one defined")
        named = next((side for side, other in ((lhs, sp.Tuple(rhs, right)), (rhs, sp.Tuple(lhs, left)))
                      if isinstance(side, sp.Indexed) and any(isinstance(i, sp.Symbol) for i in side.indices)
                      and not any(e.base == side.base for e in other.atoms(sp.Indexed))), None) \
            if rel.op == "==" else None     # (η_k = log p_k with p := softmax(η) is a claim about η: checked;
        # "采用典则连接 $\log\mu_i = \eta_i$" names η_i on its right side: a family defined nowhere either)
        if named is not None and f"{named.base.label}[]" not in {
                target_name(d.target) or sp.sstr(d.target) for d in definitions} and not any(
                isinstance(d.target, sp.Indexed) and d.target.base == named.base for d in definitions) \
                and str(named.base.label) not in recurrences and not any(
                    c is not None and any(e.base == named.base for e in c.atoms(sp.Indexed))
                    for _, c in live_conditions()):         # (a recurrence's family, entries given values)
            doubts.append(f"it says what every entry {sp.sstr(named)} is, and {named.base.label} is defined nowhere "
                          f"softsym could read (perhaps in words: \"the natural parameters are …\")")
        along = next((n.split(":")[0].split()[-1] for n in notes if n.startswith(DIRECTION_NOTE)), None)
        undefined = [name for name in named_only_in_words(left, right, set(domain.names()) | given_here)
                     if along is None or not (name.startswith(f"{along}·") or name.endswith(f"·{along}"))]
        # (u·w, u·x of ∇_w (w^T x) = w read along u are ours: what the text leaves undefined is the rest)
        if undefined and any(isinstance(c, sp.Eq) and names_in(c.lhs, c.rhs) & names_in(left)
                             and names_in(c.lhs, c.rhs) & names_in(right) for c in [*written, *problem.domain.given]
                             if isinstance(c, sp.Basic)):
            undefined = []      # "If $p = \sigma(x)$, then $$x = …$$": the case it is under links its sides (or the
            #                     system of equations the text solves: V_B = 9/11 V_A of V_A = 1 + 0.9 V_B, …)
        if undefined:
            doubts.append(f"its two sides share no name and {', '.join(undefined)} "
                          f"{'is' if len(undefined) == 1 else 'are'} defined nowhere in the document's math "
                          f"(perhaps in words): the line may say what {undefined[0]} is, not claim an identity")
            for name in undefined:          # x̄ = s/n said in words: what rests on x̄ later rests on this line
                if re.search(r"_(?:bar|hat|tilde|star)$", name):      # (a decorated name: a statistic, an
                    unread.setdefault(name, rel.line)                  # estimate; not a plain parameter η)
        powered = next((side for side, other in ((lhs, rhs), (rhs, lhs)) if other.is_number and (
            isinstance(side, sp.Symbol) or isinstance(side, sp.Pow) and isinstance(side.base, sp.Symbol)
            and side.exp.is_Number and side.exp not in (0, 1))), None) if rel.op == "==" else None
        pinned_names = [powered.name if isinstance(powered, sp.Symbol) else powered.base.name] \
            if powered is not None and not undefined and not right.atoms(sp.Indexed) and not left.atoms(sp.Indexed) \
            and names_in(left, right) <= names_in(lhs, rhs) else []
        # (σ^2 = log 1.25, not σ(t) + σ(-t) = 2 nor x/|x| = 1: a claim for every t, every x)
        if pinned_names and k not in system_valued and set(pinned_names).isdisjoint(set(domain.names()) | given_here | {
                target_name(d.target) for d in definitions}) and not re.search(
                r"(?i)\b(?:every|all|any|each|general|arbitrary)\b|任意|所有|一般",
                blank_inline_math(_raw_sentence_before(lines, rel) if inline else lead_in(lines, rel, blocks) or "")):
            # "E.g. $m = 10$, $v = 25$: $\sigma^2 = \log 1.25$" of a σ defined nowhere: an equation that gives σ
            # a value, which no value of σ the prover picks can refute
            doubts.append(f"it gives {', '.join(pinned_names)}, defined nowhere in the document's math, a value "
                          f"(an equation in {pinned_names[0]}, not an identity)")
        for line, c in conditions:
            if c is not None and is_pin(c) and line <= rel.line:
                stated.setdefault(sp.sstr(c.lhs), (c.rhs, line))
        defined_targets = {sp.sstr(d.target) for d in definitions}
        last_pin = {}
        for line, c in conditions:
            if c is not None and is_pin(c) and line <= rel.line:
                last_pin[sp.sstr(c.lhs)] = line
        valued_twice = {sp.sstr(c.lhs) for line, c in conditions if c is not None and is_pin(c) and line <= rel.line
                        and c.rhs != stated.get(sp.sstr(c.lhs), (c.rhs,))[0]
                        and any(c2 is not None and not is_pin(c2) and last_pin[sp.sstr(c.lhs)] < line2 <= rel.line
                                and c.lhs in c2.free_symbols for line2, c2 in conditions)}
        # (given again as a variable, "with mean $\mu > 0$", after its examples' values: no example's any more)
        # ("For $μ = 0.8$ …", then "with mean $μ = 4.5$": examples' values, each in its own paragraph — not a
        # value of μ for the rest of the text)
        known_values = {name: (value, line) for name, (value, line) in stated.items()
                        if (in_scope(sections, line, rel.line) or name not in defined_targets | valued_twice)
                        and name not in everywhere
                        and not _value_released(lines, sp.Eq(sp.Symbol(name), value, evaluate=False), line, rel.line)}
        unfolded_names = {sp.sstr(x) for x in (*left.free_symbols, *right.free_symbols, *left.atoms(sp.Indexed),
                                               *right.atoms(sp.Indexed))
                          if not (isinstance(x, sp.Symbol) and x.is_integer)}
        try:                            # the names it unfolds to before any value is put in (x, w, b of z_k)
            bare = [unfold_keeping_variables(side, definitions) for side in (lhs, rhs)]
            named_before = {sp.sstr(x) for side in bare for x in (*side.free_symbols, *side.atoms(sp.Indexed))
                            if not (isinstance(x, sp.Symbol) and x.is_integer)}
        except Exception:  # noqa: BLE001 - not unfoldable without the values: the names after them
            bare, named_before = [], unfolded_names
        written_names = {sp.sstr(x) for x in (*lhs.free_symbols, *rhs.free_symbols, *lhs.atoms(sp.Indexed),
                                              *rhs.atoms(sp.Indexed)) if not (isinstance(x, sp.Symbol) and x.is_integer)}
        def family_of(name: str) -> str:
            return name.split("[", 1)[0] + "[]" if "[" in name else name
        known_families = {family_of(name) for name in known_values}
        sequences = _sequences_defined_nowhere(definitions)
        entries_met = [e for side in bare for e in side.atoms(sp.Indexed)]
        through_sequence = [name for name in sorted({family_of(x) for x in named_before} & set(sequences)
                                                    - {family_of(x) for x in written_names} - known_families)
                            if all(i.is_Integer for e in entries_met if family_of(sp.sstr(e)) == name
                                   for i in e.indices)]
        # (H_1, H_4 of ψ(n) := H_{n-1} − γ: values of a sequence the text knows; not z_j, E_x of p_i := e^{z_i}/Σ_j
        # e^{z_j}: data at any entry)
        defined_families = {target_name(d.target) for d in definitions}
        both_sides = sp.Tuple(lhs, rhs)
        as_numbers = both_sides.xreplace({e: sp.Dummy() for e in (*both_sides.atoms(sp.Indexed),
                                                                  *both_sides.atoms(sp.core.function.AppliedUndef))}
                                         ).free_symbols      # (n in log n; not i of ℓ_i(w), an argument)
        shifted = sorted({f"{e.base.label}[]" for e in sp.Tuple(lhs, rhs).atoms(sp.Indexed)
                          if any(not i.is_Symbol and not i.is_Integer and i.free_symbols
                                 or i.is_Symbol and i in as_numbers and i.name not in _INDEX_LETTERS
                                 for i in e.indices)
                          and f"{e.base.label}[]" not in defined_families | known_families
                          and not any(c is not None and any(x.base == e.base for x in c.atoms(sp.Indexed))
                                      for _, c in live_conditions())})
        if shifted and rel.op == "==":  # "ψ(n) = H_{n-1} − γ" with ψ the digamma: H at n − 1, a sequence defined
            doubts.append("it takes " + ", ".join(name[:-2] for name in shifted) + " at a shifted index or at a number it "
                          "also uses (H_n − log n), a sequence "
                          "the text defines nowhere (a known one, such as the harmonic numbers H_n?): the line may "
                          "say what it is")     # nowhere — perhaps a known one the line states, not an identity
        if through_sequence:            # ψ(2) − ψ(5) = … after "Using $\psi(n) = H_{n-1} - \gamma$": H_n, defined nowhere
            doubts.append("it rests on " + ", ".join(f"{name[:-2]} (in the definition of {sequences[name]})"
                                                       for name in through_sequence)
                          + ", a sequence the text defines nowhere (a known one, such as the harmonic numbers H_n?): "
                            "its values are not read")
        made_from_known = {family_of(y) for d in definitions if sp.sstr(d.target) in known_values
                           and in_scope(sections, known_values[sp.sstr(d.target)][1], rel.line)
                           for y in names_in(d.expr)} - known_families     # s = 10 of s := Σ x_i: x only through it
        closed_as_written = not lhs.free_symbols and not rhs.free_symbols       # ℓ(2) = 10 log 2 − 10 − log 288
        at_a_number = rel.op == "==" and any(     # "$$s_4^2 = \frac{90}{4 - 1}$$": one entry (s_4) of a family the
            other.is_number and _ENTRY_AT_A_NUMBER.fullmatch(written)      # text defines from data (x) it gives in
            for written, other in ((rel.lhs, rhs), (rel.rhs, lhs)))          # a table, not in math
        if (not lhs.free_symbols or not rhs.free_symbols) \
                and ({family_of(x) for x in unfolded_names | named_before | written_names} & (
                    known_families | (made_from_known if closed_as_written else set())) or at_a_number):
            # ("$p = 0.9$ 时 … $p - 1 = -0.1$" of p := σ(x): p was given its value, x only through it; the
            # deviance Σ_i y_i log(y_i/μ̂_i) at the example's y, μ̂ given in words)
            unknown = sorted(x for x in unfolded_names if x not in known_values and family_of(x) not in known_families)
            closed = any(kind == "stated" and not (v.lhs.free_symbols or v.rhs.free_symbols)
                         for kind, v in variants)      # every name it unfolds to has the example's value
            if unknown and not closed:  # p_1 = e/(e + 1 + e^{-1}) with x, w given and the biases in words
                doubts.append("it is a worked example's value that uses names the text gave values only in "
                              f"words, if at all ({', '.join(unknown[:4])})")
        elif (not lhs.free_symbols) != (not rhs.free_symbols) and rel.op == "==" and any(
                in_scope(sections, line, rel.line) and line <= rel.line for _, line in known_values.values()):
            loose = sorted(x for x in unfolded_names | written_names if family_of(x) not in known_families)
            if loose and all(target_name(sp.Symbol(x)) not in defined_targets and f"{family_of(x)}" not in {
                    target_name(d.target) for d in definitions} for x in loose):
                # "For $y = (2, 0, 3, 1)$ … $n\hat\mu = 4 \times 1.5$": n and μ̂ are the example's, given by the
                # words (n counts the listed y, μ̂ is ȳ), and defined nowhere: the line computes, it states no law
                doubts.append(f"it is a worked example's number computed from names defined nowhere and given no value "
                              f"in the math ({', '.join(loose[:4])}): the words may give them")
        pinned_at = {c: line for line, c in sorted(conditions, key=lambda x: x[0])     # where each value was
                     if c in pins and line <= rel.line and in_scope(sections, line, rel.line)}   # given last
        for c, at in pinned_at.items():      # "for $t = 0$ or $t = 1$": said of each, checked at the later only
            others = values_alongside(c, at, live_conditions(), lines, condition_columns)
            if others:
                hollow.append(f"it is said of {sp.sstr(c.lhs)} = {', '.join(sp.sstr(o.rhs) for o in others)} as well "
                              f"(line {at}), and is checked at {sp.sstr(c.lhs)} = {sp.sstr(c.rhs)} only")
            changed = changed_in_words(lines, at, condition_columns.get((at, c), -1), rel.line,
                                       column_of(k) if inline else -1, frozenset({target_name(c.lhs) or ""}))
            if changed:         # "**Example 3.** $T = 1$: … after doubling the temperature, $1/T = 1$"
                said = f"the words change the value {sp.sstr(c.lhs)} = {sp.sstr(c.rhs)} (line {at}) before it " \
                       f"(\"{changed}\"): the value checked may not be the one meant"
                hollow.append(said)
                doubts.append(said)
            later_aside = [line for line in set_aside_at.get(target_name(c.lhs) or "", []) if at <= line < rel.line
                           and in_scope(sections, line, rel.line) and not same_section(sections, at, line)]
            if later_aside:     # "A typical choice is $\eta = 0.1$. Avoid using a larger step and take $\eta = 0.01$"
                said = f"the words set aside another value of {sp.sstr(c.lhs)} (line {later_aside[-1]}) after " \
                       f"{sp.sstr(c.lhs)} = {sp.sstr(c.rhs)} (line {at}): which one holds here is not read"
                hollow.append(said)
                doubts.append(said)
            rivals = rival_values(c, at, live_conditions(), lines, condition_columns)
            if rivals:          # "Take $T = 1$. In contrast with $T = 2$, …": which value is the case?
                said = f"the words give {sp.sstr(c.lhs)} = {sp.sstr(rivals[-1].rhs)} just before {sp.sstr(c.lhs)} = " \
                       f"{sp.sstr(c.rhs)} (line {at}), and do not plainly make the later one the case: it is " \
                       f"checked at {sp.sstr(c.lhs)} = {sp.sstr(c.rhs)}, which may not be the value meant"
                hollow.append(said)
                doubts.append(said)
        valued_twice = _valued_twice([(line, o) for line, o in conditions if o in pins or is_pin(o)]
                                     + [(imposed_at.get(o, 0), o) for o in constraints if is_pin(o)],
                                     sp.Tuple(left, right), lambda line: line < rel.line and same_section(
                                         sections, line, rel.line), problem.domain.given)
        if valued_twice:    # "initialise $\mu_1 = 0$ … after moving the centres to $\mu_1 = -0.5$ … EM step.": which
            said = f"the text gives {valued_twice} two values in this section before it: which one holds here is " \
                   f"not read"                      # centres the step uses is not read
            doubts.append(said)
            hollow.append(said)
        for name, (_, line) in known_values.items():
            family = name.split("[", 1)[0]
            if line < rel.line and in_scope(sections, line, rel.line) and (name in unfolded_names | written_names or any(
                    n.split("[", 1)[0] == family for n in unfolded_names | written_names)):
                changed = changed_in_words(lines, line, -1, rel.line, column_of(k) if inline else -1,
                                           frozenset({family}))
                if changed:         # "Let $z = (0, 0)$. … Shifting every logit by $c = 1$ gives …"
                    said = f"the words change {family}, given a value on line {line}, before it (\"{changed}\"): " \
                           f"the values used may not be the ones meant"
                    if said not in doubts:
                        hollow.append(said)
                        doubts.append(said)
        for d in reached_definitions(sp.Tuple(lhs, rhs), definitions):
            given = [line for line in defined_at.get(target_name(d.target) or "", []) if line < rel.line]
            if given and not d.expr.free_symbols - set(getattr(d.target, "indices", ())) and not d.expr.atoms(sp.Indexed):
                changed = changed_in_words(lines, given[-1], -1, rel.line, column_of(k) if inline else -1,
                                           frozenset({target_name(d.target) or ""}))
                if changed and given[-1] < rel.line:    # "**Worked example 2.** Double every entry of the vector."
                    said = f"the words change {target_name(d.target)}, given its values on line {given[-1]}, " \
                           f"before it (\"{changed}\"): the values used may not be the ones meant"
                    hollow.append(said)
                    doubts.append(said)
        assumed = _assumed_before(live_conditions(), rel.line, lines, condition_columns, assuming) \
            + tuple(redrawn) + _family_signs_before(family_said, rel.line) \
            + tuple((fact, line) for line, fact in parameter_facts if line <= rel.line and in_scope(sections, line, rel.line))
        assumed += tuple((c, standing_line.get(name, rel.line)) for name, cs in standing.items()
                         if name in spoken_keys(*written) for c in cs         # "p ∈ (0, 1) and p > 0": a bound
                         if not any(_contradict(c, w) for w in written))       # the case keeps, not overrides
        widened = re.search(r"(?i)\b(?:whole|entire|every|all|any|general|generally|other|otherwise|arbitrary|"
                            r"beyond|outside|instead)\b|任意|所有|一般|其余|否则", lead_in(lines, rel, blocks) or "")
        holder = next((b for b in blocks if b.display and b.line <= rel.line <= b.end_line), None)
        if holder is not None:       # "For $x \ge 0$ we have …" two paragraphs up: not applied, but a point
            above = max((b.end_line for b in blocks if b.display and b.end_line < holder.line), default=0)
            assumed += tuple((c, line) for line, c in live_conditions()    # that breaks it is doubted
                             if c is not None and above < line <= holder.line
                             and case_paragraph_before(lines, line, holder.line))
        families_here = {str(e.base.label) for e in sp.Tuple(problem.lhs, problem.rhs).atoms(sp.Indexed)}
        assumed += tuple((c, rel.line) for c in written if isinstance(c, sp.Ne) and isinstance(c.lhs, sp.Symbol)
                         and c.lhs.name in families_here and c.rhs == 0)      # "(v ≠ 0)" of a vector v_{jd}
        assumed += tuple((c, line) for c, line in member_cases          # "For $a, b \in (0, 1)$, write …" before
                         if line < rel.line and in_scope(sections, line, rel.line)   # it in the section (not "On
                         and not widened)                                            # the whole real line, …")
        assumed += tuple((sp.Eq(*c.lhs.indices, *c.rhs.indices), line) for line, c in conditions  # "Write $p_t = p_c$
                         if line < rel.line and in_scope(sections, line, rel.line) and _same_entry_named(c))  # for the true class"
        assumed += tuple((c, line) for line, c in live_conditions()     # "Set $x_i = 1$ for every $i$" earlier in
                         if c is not None and line < rel.line and is_pin(c) and isinstance(c.lhs, sp.Indexed)  # the
                         and any(not i.is_Integer for i in c.lhs.indices) and c not in written   # section, not applied
                         and str(c.lhs.base.label) in families_here)      # here: a point at x_1 = 0 is doubted
        made_of_here = {d.target for d in definitions if isinstance(d.target, sp.Symbol)
                        and {str(e.base.label) for e in d.expr.atoms(sp.Indexed)} & families_here}
        assumed += tuple((c, line) for line, c in live_conditions()     # "k = 7" of k := Σ_i y_i, the relation in
                         if c is not None and line <= rel.line and is_pin(c) and c.lhs in made_of_here  # y: a point
                         and not general_here and not ({n.removesuffix("[]") for n in quantified} | set(re.findall(
                             r"(?i)\bfor\s+(?:any|all|every|arbitrary)\s+(?:real\s+)?\$\s*\\?([A-Za-z]+)\s*_",
                             _raw_sentence_before(lines, rel) if inline else lead_in(lines, rel, blocks, keep_math=True)
                             or ""))) & {n.removesuffix("[]") for n in names_in(_unfolded_or_not(c, definitions))})
        # (not "For any real $y_i$ …": every y, not the example's)
        # with Σ_i y_i = 0 is doubted (given as a value of k, it bounds nothing the relation writes)
        assumed = tuple((_unfolded_or_not(c, definitions), line) for c, line in assumed)   # d_k := x_{k+1} − x_k
        if display:                     # "$$y + 1/y \ge 2,$$ valid whenever $y$ is positive": a refutation at
            spoken = {x.name: x for x in sp.Tuple(problem.lhs, problem.rhs).free_symbols if isinstance(x, sp.Symbol)}
            assumed += tuple((as_relational(sign, spoken[name], sp.Integer(0)), line)    # y = −1 breaks it
                             for name, sign, line in signs_after_display(lines, rel, blocks) if name in spoken)
        if rel.chained and rel.op in ("<", "<=", ">", ">=") and chain_first[0] >= 0 \
                and chain_first[1].has(sp.Derivative):      # "$h''(p) = -\frac{1}{p(1-p)\ln 2} < 0$" of h(p) with
            assumed += tuple((c, found[chain_first[0]].line) for c in _real_where(chain_first[1], definitions)
                             if c.free_symbols <= problem.free_symbols)     # log p, log(1 − p): where h is real
        assumed += tuple((c, 0) for c in nonempty)      # a point where a sum's range runs backwards (n = 1 of
        # Σ_{t=3}^{n}) reads it as empty: a refutation there is looked for again where the ranges run upwards
        spoken_here = {x.name: x for x in sp.Tuple(problem.lhs, problem.rhs).free_symbols if isinstance(x, sp.Symbol)}
        written_names = {x.name for x in sp.Tuple(lhs, rhs).free_symbols if isinstance(x, sp.Symbol)}
        for line, name, kind, noun in noun_said:     # "Let $v$ be the variance of the returns": v ≥ 0
            if line > rel.line or not (in_scope(sections, line, rel.line) or in_preamble(sections, line)) \
                    or name not in spoken_here and not (kind == "special" and name in written_names):
                # (what a name is, said under the title, holds in every section: "where $n$ is the fan-in")
                continue                         # ("$\phi = 1.618$ for the golden ratio": φ² = φ + 1 at φ = 1.618)
            if kind == "special":
                said = f"the words call {name} a {noun} (line {line}), which softsym does not read: a counterexample " \
                       f"may be no such value" if name in spoken_here else \
                       f"the words call {name} a {noun} (line {line}), which softsym does not read: the value they give " \
                       f"it may be that constant rounded"
                if said not in doubts:
                    doubts.append(said)
                continue
            x = spoken_here[name]
            low, high = NOUN_RANGES[kind]
            assumed += tuple((c, line) for c in ((x > low) if kind == "open unit" else (x >= low),
                                                 ((x < high) if kind == "open unit" else (x <= high))
                                                 if high is not None else None,
                                                 sp.Eq(sp.floor(x), x, evaluate=False) if kind == "count" else None)
                             if isinstance(c, sp.Rel))      # (a count is a whole number: ⌊L⌋ = L)
        assumed += tuple((_unfolded_or_not(c, definitions), line) for c, line in taken   # "取 $n_h = nW_h$" earlier
                         if line < rel.line and same_section(sections, line, rel.line)   # in the section: a point that
                         and names_in(c) & names_in(lhs, rhs))                          # breaks it is doubted
        assumed += tuple((c, line) for c, line in excluded_cases     # "Unless $k = 0$, …. So $$k^2 > 0$$": the
                         if line <= rel.line and c.free_symbols <= problem.free_symbols   # paragraph goes on in the
                         and not any(not lines[at - 1].strip() for at in range(line, rel.line)))   # case k ≠ 0
        for later in found[k + 1:]:     # "$\theta = 1.25 > \sigma_2^2 = 1$": a later link of the chain gives σ_2²
            if not later.chained or later.block is not rel.block:             # its value — a point that breaks
                break                                                          # it is doubted
            try:
                pin = as_relational("==", parse_tex(later.lhs, context), parse_tex(later.rhs, context)) \
                    if later.op == "==" else None
            except Unparsed:
                continue
            pinned = pin.lhs.base if isinstance(pin, sp.Eq) and isinstance(pin.lhs, sp.Pow) else \
                pin.lhs if isinstance(pin, sp.Eq) else None
            if isinstance(pinned, (sp.Symbol, sp.Indexed)) and pin.rhs.is_number and pinned in problem.free_symbols \
                    | sp.Tuple(problem.lhs, problem.rhs).atoms(sp.Indexed):
                assumed += ((pin, later.line),)
        for name, (low, high) in index_ranges.items():   # "Let $i$ index the samples, $i = 1, \dots, n$": a bare
            x = spoken_here.get(name)                     # i at i = 1/2 breaks it
            if x is not None and not x.is_integer:
                assumed += tuple((c, index_range_lines.get(name, rel.line))
                                 for c in (sp.Le(low, x), sp.Le(x, high), sp.Eq(sp.floor(x), x, evaluate=False))
                                 if isinstance(c, sp.Rel))
        if assumed:            # a refutation whose point breaks what the text assumed: looked for again inside it
            try:
                followups.append(("assumed", build([*written, *(c for c, _ in assumed)])[0]))
            except Exception:  # noqa: BLE001 - no such reading: the refutation stays doubted
                pass
        families_of_it = {str(e.base.label) for e in sp.Tuple(problem.lhs, problem.rhs).atoms(sp.Indexed)}
        assumed += tuple((c, line) for c, line in branch_cases       # y_k = 0 "for k ≠ c": a point must keep it
                         if {str(e.base.label) for e in c.atoms(sp.Indexed)} & families_of_it)   # at every entry
        # (checked at the point only: a search under "for every k" is not one softsym can run)
        ends = holder.end_line if holder is not None else rel.end_line      # "$$ … $$ 其中 $u$ 是均匀分布"
        said = {name: hot for name, (line, where, hot) in distributions.items()
                if line <= rel.line or where and ends < line <= ends + 2}
        said.update({name: True for name in one_hot_names if name not in said})   # ("with y one-hot" in words)
        called = tuple(sorted(said))
        summed = simplex_conditions(problem, tuple(name for name, hot in said.items() if not hot))
        if summed:             # a refutation off the simplex of a family the words call a distribution:
            try:               # looked for again on it
                followups.append(("simplex", _entries_positive(build([*written, *summed])[0], {
                    str(e.lhs.function.atoms(sp.Indexed).pop().base.label) for e in summed})))
            except Exception:  # noqa: BLE001 - no such reading: the refutation stays doubted
                pass
        listed_entries = _listed_entry_bounds(problem, entry_values)
        if listed_entries:     # a refutation at y_1 = −1 of "y_k ∈ {0, 1}": looked for again between 0 and 1
            try:
                followups.append(("entries", build([*written, *listed_entries])[0]))
            except Exception:  # noqa: BLE001 - no such reading: the refutation stays doubted
                pass
        signless = _signless_parameters(problem, written, by_role)
        if signless:           # a refutation at α = 0 of a learning rate the text gives no sign: looked for
            try:               # again with every such parameter positive
                followups.append(("parameters", build([*written, *(sp.Gt(x, 0) for x in signless), *(
                    sp.Eq(sp.floor(x, evaluate=False), x, evaluate=False) for x in signless if x.name in counted_by_role
                )])[0]))        # (a count, "the number of channels $C$": a whole number too)
            except Exception:  # noqa: BLE001 - no such reading: the refutation stays doubted
                pass
        both_sides = sp.Tuple(problem.lhs, problem.rhs)
        scalar_and_family = sorted({x.name for x in both_sides.xreplace(        # (f(x) of a vector x: its name)
                                        {e: sp.Dummy() for e in (*both_sides.atoms(sp.Indexed),
                                                                 *both_sides.atoms(sp.core.function.AppliedUndef))}
                                    ).free_symbols
                                    if isinstance(x, sp.Symbol) and not isinstance(x, sp.Dummy) and not x.is_integer}
                                   & {str(e.base.label) for e in both_sides.atoms(sp.Indexed)})
        leaning = [line for line, tex, block in split_chains if line < rel.line and same_paragraph(lines, line, rel.line)
                   and _letters(tex) & _letters(rel.tex)
                   and any(r.relation.block is block and r.problem is not None and r.relation.op == "=="
                           for r in out)]       # (an equation read as a claim: not "For $0 < t < 1/\theta$", a range)
        asserted = [line for line, tex, block in split_chains if line < rel.line and same_paragraph(lines, line, rel.line)
                    and _letters(tex) & _letters(rel.tex)
                    and any(r.relation.block is block and r.relation.chained is False and r.verdict == "skipped"
                            and _ASSERTED_LEAD.search(_INLINE_MATH_RE.sub(" x ", _sentence_before(lines, r.relation)))
                            for r in out)]
        if asserted:                    # "So we have $W \ge w = e^{\eta L}$, and therefore $$\log W \ge \eta L$$": a
            hollow.append(f"it may rest on the chain the text asserts in prose on line {asserted[-1]} (\"we have …\"), "
                          f"whose first link is read as a condition: a proof from it is no proof of the chain")
        if leaning:                     # "… $W_{T+1} \ge w_{T+1,i} = e^{-\eta L_{T,i}}$, … so $$\ln W_{T+1} … $$"
            doubts.append(f"it may rest on the chain written in prose on line {leaning[-1]}, whose first link is read "
                          f"as a condition and the rest as claims (not as hypotheses here)")
        barred = sorted(x.name for x in both_sides.free_symbols if isinstance(x, sp.Symbol) and x.name.endswith("_bar")
                        and x.name[:-4] in {str(e.base.label) for e in both_sides.atoms(sp.Indexed)})
        listed_side = [bool(re.fullmatch(r"\s*(?:\\left)?\(\s*[^()]*,[^()]*\)\s*", side_tex)) for side_tex in (rel.lhs, rel.rhs)]
        if entry is not None and entry.column is None and listed_side.count(True) == 1 and not (
                (lhs, rhs)[listed_side.index(False)].free_symbols & set(entry.indices)):
            # "w_2 = w_1 - x_2 = (2, 0)" with w_1, x_2 vectors of a sequence (w_1^\top x_2 written too): one side is
            # read as one number, the other as a listed vector — a number equal to each entry is not what it says
            doubts.append("it reads one side as a number and the other as a listed vector, entry by entry: the "
                          "subscripted names may be vectors of a sequence, not entries")
        if barred:                      # "… = \frac{n\mu}{\sigma^2}(\bar x - \mu/2)" beside Σ x_i, x̄ never defined
            doubts.append(f"it uses {', '.join(barred)}, not defined, beside the entries it bars: the mean of them, "
                          f"perhaps, which softsym does not read")
        if scalar_and_family:           # KL(a‖b) of KL(p‖q) := Σ_k p_k ln(p_k/q_k) with a a number: a_k and a
            doubts.append(f"it names {', '.join(scalar_and_family)} both as a number and as a family of entries "
                          f"(once unfolded): which one it means is not clear")
            unproved = unproved or doubts[-1]
        notes = (*notes, *term_read.get(k, ()))
        derived_here = _derived_here(derived_values, rel, k, lhs, rhs, definitions, sections)
        if rel.op == "==" and _derivable_name(lhs) is not None \
                and attempt(Deadline.after(0.5), lambda: unfold(lhs, definitions) == lhs, False) \
                and not rhs.has(*([lhs.base] if isinstance(lhs, sp.Indexed) else [lhs])):
            derived_values.append((rel.line, k, lhs, rhs))     # "which gives $α = …$", "Then $σ^2 = \log 4$"
        out.append(Reading(rel, problem=problem, lhs=shown_l, rhs=shown_r, conventions=notes, doubts=tuple(doubts),
                           derived=derived_here,
                           assumed=assumed, signless=tuple(sorted(x.name for x in signless)),
                           whole=tuple(sorted(x.name for x in signless if x.name in counted_by_role)), sizes=tuple(sorted(((range_ends | {d for d in dimensions if d in standing and standing_line.get(d) == 0})
                                                               & {x.name for x in problem.free_symbols
                                                                  if isinstance(x, sp.Symbol)})
                                                              - {note.split(":", 1)[0] for note in notes   # (a name
                                                                 if note.endswith("(begins a summation range)")})),
                           # the text bounds where a range begins is no size)
                           entry_values=tuple((family, values, at) for family, (values, at) in entry_values.items()),
                           stated=tuple((name, sp.sstr(v), line) for name, (v, line) in known_values.items()
                                        if (example_line                                     # an example's line,
                                            or _quotes_a_value(lhs, rhs, known_values))     # or one quoting a value
                                        and not (display and _GENERAL_AFTER.match(re.split(      # (not "$$2^n = n^2$$
                                            r"[.;!?。；](?:\s|$)", words_after_display(lines, rel, blocks))[0]))),  # for
                           # every $n \ge 2$": said of every n, not of the example's)
                           one_way=k in premise_of and found[k - 1].op == "implies" and found[k - 1].arrow == "iff",
                           base_other=not natural_spoken,
                           base_open=other_base and bool(_BARE_LOG.search(rel.tex))   # (a text that speaks of bits,
                           and (natural_at is None or natural_at > rel.line)           # dB or base 10 somewhere)
                           and not spoken_base,    # (a base the words give, here or for another part: read)
                           stated_here=tuple((name, sp.sstr(v), line) for name, (v, line) in known_values.items()
                                             if in_scope(sections, line, rel.line)),
                           links=tuple((sp.sstr(c.lhs), sp.sstr(c.rhs), line) for line, c in conditions
                                       if line <= rel.line and isinstance(c, sp.Eq)
                                       and isinstance(c.lhs, (sp.Symbol, sp.Indexed)) and not isinstance(c.lhs, sp.Dummy)
                                       and c.rhs.free_symbols and c.lhs not in c.rhs.free_symbols
                                       and same_paragraph(lines, line, rel.line)
                                       and not said_in_general(lines, rel, blocks)),
                           hollow=tuple(hollow), variants=tuple(variants), followups=tuple(followups),
                           worded=tuple(worded_hypotheses), nearby=tuple(nearby), restricted=tuple(restricted),
                           listed=value_sets, induction=induction, unproved=unproved,
                           distributions=called, one_hot=tuple(sorted(n for n, hot in said.items() if hot)),
                           numbers_before=tuple(sorted({x for n, found_here in enumerate(numbers_on, 1)
                                                        if not rel.line <= n <= rel.end_line for x in found_here}
                                                       | ({7} if _SIZE_BOUND_WORDS.search(words_text) else set()))),
                           symmetric=tuple((name, line) for line, name in symmetric_said if line <= rel.line),
                           simplex_sizes=tuple(sorted({
                               x.name for c in summed if isinstance(c.lhs, sp.Sum)
                               for x in c.lhs.limits[0][2].free_symbols})),
                           pair=tuple(map(str, pair)) if pair is not None else ("", ""),
                           pins=tuple(f"{sp.sstr(c.lhs)} = {sp.sstr(c.rhs)}" for c in pins),
                           example_values=tuple(f"{sp.sstr(c.lhs)} = {sp.sstr(c.rhs)}" for c in example_values),
                           values_unique=not given_twice,
                           at_pins=bool(pins) and ((not lhs.free_symbols or not rhs.free_symbols)
                           and not (left.free_symbols or right.free_symbols)       # σ(z) = 1/2 at z = 0
                           and all(any(c == e for at, e in example_pins if in_scope(sections, at, rel.line))
                                   or same_paragraph(lines, line, rel.line)
                                   and _runs_into(lines, line, condition_columns.get((line, c), -1), rel)
                                   or line in sections   # "### $T = 1$"
                                   for c, line in pinned_at.items())
                           or len(pinned_at) == len(pins) and all(      # "For $K = 2$, $$p_1 = σ(z_1 - z_2)$$"
                               _case_into_display(lines, line, condition_columns.get((line, c), -1), rel, blocks)
                               for c, line in pinned_at.items()))
                           and not any(changed_since(out, c.lhs, line, lines, rel.line, rel.tex)
                                       or widened_since(lines, line, rel, blocks) for c, line in pinned_at.items()),
                           elsewhere=tuple(f"{sp.sstr(c)} (line {standing_line.get(name, '?')})"
                                           for name in sorted(elsewhere) for c in standing[name]),
                           checks_of=(str(lhs.func), equals_defined[str(lhs.func)])
                           if isinstance(lhs, sp.core.function.AppliedUndef) and rel.op == "=="
                           and lhs.args and all(a.is_number for a in lhs.args) and str(lhs.func) in equals_defined
                           and in_scope(sections, equals_defined[str(lhs.func)], rel.line) else None))
    reading_at[0] = -1
    return out


_ONE_HOT_DROPPED = re.compile(r"(?i)\b(?:drop|dropping|remove|removing|relax|relaxing|without)\s+(?:the\s+|this\s+)?"
                              r"one[- ]hot\s+(?:assumption|condition|constraint)|\bno\s+longer\s+(?:a\s+)?one[- ]hot|"
                              r"\bnot\s+(?:necessarily\s+)?(?:a\s+)?one[- ]hot|\bsoft\s+(?:labels?|targets?)\b|"
                              r"\bnot\s+summ?ing\s+to\s+(?:one|1)\b|\b(?:arbitrary|any|general)\s+(?:non-?negative\s+)?"
                              r"(?:class\s+)?weights\b|不再是?\s*(?:one[- ]hot|独热)")
"""Words that end what "y is one-hot" said ("Now drop the one-hot assumption", "soft labels")."""
_ASSIGNING = re.compile(r"\\(?:gets|leftarrow|mapsto|coloneqq)\b|:=|\\leftarrow")
_VECTOR_LENGTH = re.compile(r"(?<![A-Za-z\\])(?:\\(?:mathbf|boldsymbol|vec|bm)\s*\{\s*)?(?P<name>[A-Za-z]|\\[a-z]+)\s*\}?\s*"
                            r"(?:=\s*(?:\\left\s*)?[(\[](?P<items>[^()\[\]$=]*?)(?:\\right\s*)?[)\]](?:\s*\^\s*\{?\s*(?:\\top|T)\s*\}?)?"
                            r"\s*(?=[$,.;]|\\in|\\quad|\s+(?:and|with)\b)|\\in\s*(?:\\mathbb\s*\{\s*R\s*\}|\\R\b|ℝ)\s*\^\s*\{?\s*(?P<power>\d+)\s*\}?)")
"""A vector given a length: listed (``z = (1, 0, 0)``, ``z = (z_1, z_2)``) or in ℝ^k (``z \\in \\mathbb{R}^2``)."""


def _only_squared(expr: sp.Basic, name: str) -> bool:
    """Whether the name (``x``, or a family ``tau[]``) occurs in ``expr`` only under even integer powers."""
    def named(e: sp.Basic) -> bool:
        if name.endswith("[]"):
            return isinstance(e, sp.Indexed) and str(e.base.label) == name[:-2]
        return isinstance(e, sp.Symbol) and e.name == name

    def ok(e: sp.Basic) -> bool:
        if named(e):
            return False
        if isinstance(e, sp.Pow) and named(e.base):
            return e.exp.is_integer is True and e.exp.is_even is True
        return all(ok(a) for a in e.args)
    return ok(expr)


_DATA_TUPLE = re.compile(r"(?<![=\w}\\])(?<!\\in)\s*\$?\s*(?:\\left\s*)?[(\[]\s*-?\d+(?:\.\d+)?(?:\s*,\s*-?\d+(?:\.\d+)?){2,}\s*"
                         r"(?:\\right\s*)?[)\]]")
"""A list of three or more numbers written without a name (``数据为 $(2, 4, 4, 4, 5)$``, "the data (1, 3, 8)")."""


def _unnamed_data(lines: list[str], line: int, display: bool) -> int:
    """The line of the paragraph around ``line`` that lists numbers without a name, or 0."""
    first, last = paragraph_around(lines, line, line, display)
    first = max(1, first - 6)               # (the example's data a paragraph or a display before it)
    for heading in range(line, first - 1, -1):
        if re.match(r"\s*(?:#{1,6}\s|\\(?:sub)*section\b)", lines[heading - 1]):
            first = heading
            break
    for number in range(first, min(line, last) + 1):
        text = lines[number - 1]
        for m in _DATA_TUPLE.finditer(text):
            before = text[:m.start()].rstrip().rstrip("$").rstrip()
            if not re.search(r"(?:=|\\in|\\coloneqq|:=|\\to|\\mapsto|\\sim)\s*$", before):
                return number
    return 0


def _vectors_resized(lines: list[str]) -> dict[str, tuple[int, int, int, int]]:
    """The vectors the text gives one number of entries and later another (``z \\in \\mathbb{R}^2``, then
    ``z = (1, 0, 0)``): name → (first line, its length, the line of the other, that length)."""
    lengths: dict[str, tuple[int, int]] = {}
    out: dict[str, tuple[int, int, int, int]] = {}
    for number, line in enumerate(lines, 1):
        for m in _VECTOR_LENGTH.finditer(line):
            if m.group("power"):
                length = int(m.group("power"))
            else:
                items = m.group("items").split(",")
                if len(items) < 2 or re.search(r"\\[lc]?dots|\.\.\.|…", m.group("items")):
                    continue            # (one number in parentheses; an ellipsis: a length of its own)
                length = len(items)
            name = m.group("name").lstrip("\\")
            if name not in lengths:
                lengths[name] = (number, length)
            elif lengths[name][1] != length and name not in out:
                out[name] = (*lengths[name], number, length)
    return out


def _drawn_column(lines: list[str], draw) -> int:
    """Where on its line the text draws ``draw``'s name (``X \\sim``), or 0."""
    line = lines[draw.line - 1] if 1 <= draw.line <= len(lines) else ""
    m = re.search(rf"(?<![A-Za-z\\]){re.escape(draw.name)}\s*\\sim\b", line)
    return m.start() if m else 0


_REASSIGNED = re.compile(r"(?<![\\A-Za-z_])(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?(?P<name>\\?[A-Za-z]+)\s*\}?\s*"
                         r"(?:\\gets\b|\\leftarrow\b|\\mapsto\b|\\(?:to|rightarrow)\b(?=[^$]*?(?<![\\A-Za-z])(?P=name)(?![A-Za-z])))")
"""A name given a new value by an update written in math: ``z \\gets z - 3``, ``w \\leftarrow w/2``, ``v \\mapsto
v/\\|v\\|``, ``x \\to -x`` (not ``x \\to 0``)."""


_BARE_GUESS = re.compile(r"^(\S+) alone read as \S+?\((.*)\), the function at its own argument$")
_RELATION_SIGN = re.compile(r"<|>|=|\\le|\\ge|\\leq|\\geq|\\neq|\\in\b")


_DOMAIN_WORDS = re.compile(r"\s*[,;]?\s*(?:with|where|and|for\s+(?:all|every|any))\s*$|\s*[(（]\s*$|\s*,\s*$")


def _listed_entry_bounds(problem: Problem, entry_values: dict[str, tuple[tuple[str, ...], int]]) -> list[sp.Basic]:
    """For each family the problem speaks of whose entries the text lists the values of ("$y_k \\in
    \\{0, 1\\}$"), every entry between the least and the greatest of them (an index read "for every
    entry": see :mod:`softsym.entry_hypotheses`)."""
    out: list[sp.Basic] = []
    for base in sorted({e.base for e in sp.Tuple(problem.lhs, problem.rhs).atoms(sp.Indexed)
                        if len(e.indices) == 1}, key=sp.default_sort_key):
        values = entry_values.get(str(base.label))
        numbers = [sp.nsimplify(v) for v in values[0]] if values else []
        if not numbers or not all(x.is_real and x.is_number for x in numbers):
            continue
        every = sp.Symbol(f"{base.label}_entry_every", integer=True)
        out += [sp.Ge(base[every], min(numbers)), sp.Le(base[every], max(numbers))]
    return out


_SIGNED_PARAMETERS = frozenset({"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "eta", "kappa", "lambda",
                                 "mu", "nu", "rho", "sigma", "tau"})
"""Greek letters notes use for parameters that are positive by their role (a step size, a rate, a
scale, a temperature), even when the text never says so."""


def _signless_parameters(problem: Problem, written: list, by_role: set[str] = frozenset()) -> list[sp.Symbol]:
    """The free scalars of ``problem`` named by such a letter (alone or with a subscript or accent:
    ``alpha``, ``beta_1``, ``hat{sigma}``), or that the words introduce by a positive role (``by_role``: "net odds
    $b$"), that have no sign, no bound and no hypothesis on them."""
    spoken = set().union(*(c.free_symbols for c in (*problem.domain.given, *written) if isinstance(c, sp.Basic)
                           and (len(c.free_symbols) == 1 or not isinstance(c, sp.core.relational.Relational)
                                or isinstance(c, sp.Eq))))
    # (a name a hypothesis bounds alone, or ties by an equation; not the m of "0 ≤ θ ≤ π − m", which gives m no sign)
    bounded = {b.symbol for b in problem.domain.bounds}
    out = []
    for x in sorted(problem.free_symbols, key=sp.default_sort_key):
        if not isinstance(x, sp.Symbol) or x.is_integer or x in spoken or x in bounded \
                or x.is_positive is not None or x.is_negative is not None or x.is_nonnegative is not None:
            continue
        letter = re.sub(r"^(?:hat|bar|tilde)\{?|\}$", "", x.name.split("_")[0])
        if letter in _SIGNED_PARAMETERS or x.name in by_role:
            out.append(x)
    return out


def _assumed_up_front(sections: dict[int, int], lines: list[str], rel: Relation, column: int, lhs: sp.Basic,
                      rhs: sp.Basic) -> tuple[str, sp.Basic] | None:
    """A bound on one name that the text assumes before its first heading ("Assume $x > 0$." then
    "## Section"): it stands for the whole note, as a "throughout" one does — a relation after a heading
    proved only under it is undecided, not refuted where it breaks it."""
    own = max((h for h in sections if h <= rel.line), default=None)
    title = own is not None and sections[own] == 99 or own is not None and sections[own] == min(sections.values()) \
        and list(sections.values()).count(sections[own]) == 1          # "# Notes" over the whole note
    if rel.op not in ("<", "<=", ">", ">=") or own is not None and not title \
            or not assumed_in_words(lines, rel.line, column):
        return None
    name = lhs if rhs.is_Number else rhs if lhs.is_Number else None
    key = parameter_key(name) if name is not None else None
    relational = as_relational(rel.op, lhs, rhs)
    return (key, relational) if key is not None and relational is not None else None


_FOR_ANY = re.compile(r"(?i)\barbitrary\b|\bin\s+general\b|\bgenerally\b|\bfor\s+(?:a\s+)?general\b|\beverywhere\b|"
                      r"\bfor\s+(?:any|all|every)\s+(?![$\\]|real\b|x\b)[a-z]+s\b(?!\s*(?:\$|x+\b|MATH\b))|"
                      r"\bat\s+(?:every|any|each)\s+point\b|\baway\s+from\b|\bdrop(?:ping|s)?\s+(?:that|this|the)\s+(?:\w+\s+)?"
                      r"(?:condition|assumption|constraint|restriction|bound)s?\b|\ballow\s+any\b|对(?:于)?(?:任意|任何|一切)|一般(?:地|情况|而言)|任意|处处")
"""Words that say a relation holds beyond a case imposed before it ("in general", "对任意"; "for any
real $x$" names its variable: :func:`~.conditions.quantified_names`)."""


def _named_soon_after(found: list[Relation], k: int, names: set[str]) -> bool:
    """Whether a relation within four lines after ``found[k]`` gives one of ``names`` on its left
    ("$$p = σ(s)$$ where $s = wx + b$", "with $u = …$", "其中 $s = …$")."""
    rel = found[k]
    for r in found[k + 1:]:
        if r.line > rel.end_line + 4:
            break
        m = _LATER_NAME.fullmatch(re.sub(r"_\s*\{?\s*[A-Za-z0-9]+\s*\}?\s*$", "", r.lhs)) if r.op in ("==", ":=") else None
        if m is not None and m.group(2) in names:
            return True
    return False


_BY_DEFINITION = re.compile(r"(?i)\bby\s+(?:the\s+)?definition\b|\bexpand(?:ing|s)?\b|\bunfold(?:ing|s)?\b|展开|代入")
"""Cues that say a display follows from definitions — which may be new ones, in a new section."""


def _restated_otherwise(written: sp.Basic, defined: sp.Basic, definitions: list[Definition]) -> bool:
    """Whether a defined name written again as ``written`` is given another value than its
    definition's (unfolded, compared at fixed points; what cannot be unfolded counts as another)."""
    try:
        return differ(unfold_keeping_variables(written, definitions), unfold_keeping_variables(defined, definitions))
    except Exception:  # noqa: BLE001 - not unfolded: not shown to be the same
        return True


def _domain_after(lines: list[str], rel: Relation, condition: Relation) -> bool:
    """Whether a condition right after a definition on its line is the domain of its parameter ("Let
    $p_i(T) := …$ with $T > 0$", "$f(x) := \\log x$ ($x > 0$)"), not one case of a definition by cases
    ("$f(x) := x$ for $x \\ge 0$")."""
    if condition.line != rel.end_line or not 1 <= condition.line <= len(lines):
        return False
    text = lines[condition.line - 1]
    tail = rel.rhs.strip()[-12:]
    end = text.find(tail) + len(tail) if tail and tail in text else -1
    start = text.find(condition.lhs.strip(), max(end, 0))
    if end < 0 or start < 0:
        return False
    between = text[end:start]
    between = re.sub(r"^\s*\$+|\$+\s*$", "", between)
    return bool(_DOMAIN_WORDS.fullmatch(between))


def _lead_in_math(lines: list[str], rel: Relation, blocks) -> list[str]:
    """The prose math written between the display (or paragraph) before ``rel`` and ``rel``."""
    before = max((n for n, line in enumerate(lines[:rel.line - 1], 1) if re.match(r"\s*(?:#|\\(?:sub)*section)", line)),
                 default=0)                     # from the section's heading (displays between included)
    text = " ".join(lines[before:rel.line - 1]) if rel.line - 1 > before else ""
    own = lines[rel.line - 1] if 1 <= rel.line <= len(lines) else ""
    text += " " + own[:max(own.find(rel.tex.strip()[:20]), 0)]
    text = re.sub(r"\$\$.*?\$\$|\\\[.*?\\\]|\\begin\{(\w+\*?)\}.*?\\end\{\1\}", " ", text)   # displays out
    return [m.group(1).strip() for m in re.finditer(r"\$([^$]+)\$", text)]


def _outside_domain(expr: sp.Basic, domains: dict[str, tuple]) -> str:
    """Why ``expr`` may speak of a function outside the range its definition was given on (``f(-1)``
    after "where $x > 0$: $$f(x) = x$$"), or ``""``: a bound on a parameter fails at the argument."""
    for applied in sorted(expr.atoms(sp.core.function.AppliedUndef), key=sp.sstr):
        params, bounds, line = domains.get(str(applied.func), ((), [], 0))
        if len(params) != len(applied.args) or not bounds:
            continue
        at = dict(zip(params, applied.args))
        for bound in bounds:
            value = bound.xreplace(at)
            if value is sp.false or value.is_Relational and not value.free_symbols and value.simplify() is sp.false:
                what = f"the integers ({sp.sstr(bound.rhs)} bounds a sum)" if isinstance(bound, sp.Eq) \
                    else sp.sstr(bound)
                return (f"{sp.sstr(applied)} is outside the range {what} the text gave {applied.func} "
                        f"on (line {line}): what it is there was not read")
    return ""


_NONNEGATIVE_BY_NAME = frozenset({"sigma"})
"""Names whose square is written for them in notes and that are nonnegative by convention (a standard
deviation σ, σ̂): ``σ^2 = …`` defines σ as the nonnegative root without a guess (a correlation r or ρ,
a slope s may be negative)."""

_ANOTHER_OBJECT = re.compile(r"(?i)\b(?:second|another|other|new|different|own|doubled|halved|tripled|scaled|"
                             r"shifted|modified|changed|instead|separately)\b|另|第二|新的|不同")


def _derivatives_taken(fact: sp.Basic) -> sp.Basic:
    """A hypothesis with its derivatives of closed forms carried out (``Derivative(exp(-exp(-g)), g) > 0``,
    the argument of a logarithm the text writes as f(g) with f := F'): a numeric search can test it.
    Unchanged when it has none, has sums or products, or SymPy takes more than a second."""
    if not isinstance(fact, sp.Basic) or not fact.has(sp.Derivative) or fact.has(sp.Sum, sp.Product, sp.Integral):
        return fact
    taken = attempt(Deadline.after(1.0), lambda: fact.replace(
        lambda e: isinstance(e, sp.Derivative) and not e.expr.has(sp.core.function.AppliedUndef), derivative_taken),
        None)
    return fact if taken is None else taken


def _meant_anew(guesses: tuple[str, ...], prose: list[sp.Basic], live: list[tuple[int, sp.Basic | None]],
                function_lines: dict[str, int], lines: list[str], rel: Relation) -> str:
    """Why a proof is not reported because the words since a name was read may speak of another object
    of the same name: a function written alone whose definition the words since call another system's
    ("A second system has every energy doubled; its own log-partition function is $$\\log Z = …$$"),
    or a one-letter name a prose condition bounds that a later sentence writes alone again beside such
    words ("Let $x > 0$ … a shifted input, also called $x$, which can be negative"); or ``""``."""
    for guess in guesses:
        m = _BARE_GUESS.match(guess)
        since = function_lines.get(m.group(1).lstrip("\\")) if m is not None else None
        if since is None:
            continue
        for _, words, _, _ in sentences(lines, since + 1, rel.line):
            found = _ANOTHER_OBJECT.search(words)
            if found:
                return (f"{m.group(1)} is written alone and read as the function defined on line {since}, while the "
                        f"words since say \"{found.group(0)}\": it may mean another one")
    for c in prose:
        origins = [line for line, d in live if d == c and line < rel.line]
        for x in sorted(c.free_symbols, key=str) if origins else ():
            if isinstance(x, sp.Symbol) and len(x.name) == 1 and _letter_left(lines, x.name, max(origins), rel.line):
                return (f"it is proved under {sp.sstr(c)} (line {max(origins)}), and a later sentence writes ${x.name}$ "
                        f"again beside words by which it may be another {x.name}")
    return ""


def _restates_through(lhs: sp.Basic, rhs: sp.Basic, definitions: list[Definition]) -> bool:
    """Whether ``lhs = rhs`` is what the definitions already say, one substitution away (``T = 1/\\beta`` after
    ``\\beta := 1/T``: 1/(1/T) is T): a restatement, checked as a claim, not a definition through itself."""
    try:
        put = rhs.xreplace({d.target: d.expr for d in definitions if isinstance(d.target, (sp.Symbol, sp.Indexed))})
        return bool(put != rhs and sp.simplify(put - lhs) == 0)
    except Exception:  # noqa: BLE001 - no such reading: not a restatement
        return False


_THROUGHOUT_WORDS = re.compile(rf"(?i){FROM_HERE_ON}|{_UNLESS_SAID.pattern.removeprefix('(?i)')}|\beverywhere\b|全文|以下")
"""Words that carry a standing sign of every entry past its section (see :data:`.hedges.FROM_HERE_ON`)."""
_FREEING_WORDS = re.compile(r"(?i)\bnegative\b|\bany\s+(?:nonzero\s+|non-zero\s+)?real|\bdrop|\ballow|\barbitrary|"
                            r"\bno\s+longer|\brelax|\bwithout\s+(?:assuming|the\s+assumption)|\bmay\s+be\b|\bcan\s+be\b|"
                            r"\bany\s+sign|负|任意")


def _name_freed(lines: list[str], spelled: str, since: int, here: int) -> bool:
    """Whether a line between ``since`` (excluded) and ``here`` writes the name alone (``$a$``) with words that
    give it back its range ("Here $a$ is a general weight", "Now let $a$ be any number", "a free parameter
    again")."""
    alone = re.compile(rf"\$\s*{spelled}\s*\$")
    words = re.compile(r"(?i)\bgeneral\b|\bany\b|\barbitrary\b|\bfree\b|\bno\s+longer\b|\bagain\b|\bvar(?:y|ies)\b|\bdrop\b|"
                       r"\binstead\b|\bunknown\b|任意|一般")
    return any(alone.search(lines[n - 1]) and words.search(re.sub(r"\$[^$]*\$", " ", lines[n - 1]))
               for n in range(since + 1, min(here, len(lines) + 1)))


_OWN_KL = re.compile(r"^\s*(?:\\operatorname\s*\{\s*KL\s*\}|\\mathrm\s*\{\s*KL\s*\}|\\text\s*\{\s*KL\s*\}|\\KL\b|KL|"
                     r"D_\s*\{?\s*(?:\\mathrm\s*\{\s*)?KL)")
_STANDARD_KL = re.compile(r"(?P<w>[A-Za-z])\s*\\log\s*(?:\\frac\s*\{\s*(?P<n>[A-Za-z])\s*\}\s*\{\s*(?P<d>[A-Za-z])\s*\}|"
                          r"\(\s*(?P<n2>[A-Za-z])\s*/\s*(?P<d2>[A-Za-z])\s*\))")


def _own_divergence_is_standard(found: list[Relation], lines: list[str] = ()) -> bool:
    """Whether the closed forms of KL may be used: the text defines no KL of its own (a relation that gives
    ``KL(P ‖ Q)`` or ``KL(P, Q)`` of two letters a sum), or defines it once and as exactly the usual one
    (``\\sum_x p(x) \\log \\frac{p(x)}{q(x)}``, ``\\sum_k p_k \\log(p_k/q_k)``, nothing else: not negated, halved,
    symmetrised, nor in bits); and speaks of no other logarithm base (bits, ``\\log_2``)."""
    if logarithm_bases(list(lines)):
        return False                # ("$\\log$ denotes the logarithm to base 2": a KL in bits)
    own = []
    for r in found:
        lhs = re.sub(r"\\[,;:! ]|\\[bB]igg?[lr]?|\\left|\\right", "", r.lhs or "").replace("\\|", "||")
        args = re.fullmatch(r"\s*(?:\\operatorname\{KL\}|\\mathrm\{KL\}|\\text\{KL\}|\\KL|KL|D_\{?(?:\\mathrm\{)?KL\}?\}?)"
                            r"\s*\(\s*([A-Za-z])\s*(?:\|\||,)\s*([A-Za-z])\s*\)\s*", lhs)
        if r.op not in (":=", "==") or r.chained or args is None or "\\sum" not in (r.rhs or "") or not re.search(
                rf"(?<![A-Za-z\\])(?i:{args.group(1)})\s*(?:\(|_)", r.rhs or ""):
            continue                # (a sum of the arguments' values: a definition of KL, not a claim about normals)
        own.append((args, r.rhs or ""))
    if not own:
        return True
    args, rhs = own[0]
    letters = (args.group(1), args.group(2))
    if len({re.sub(r"\s+", "", other) for a, other in own if (a.group(1), a.group(2)) == letters}) > 1:
        return False                # (KL(p ‖ q) defined twice: another section's, a reversed one; KL(p ‖ u) = …
        # of other letters is a claim about it)
    plain = re.sub(r"\\[,;:! ]|\\left|\\right", "", rhs)
    plain = re.sub(r"(?<=[A-Za-z])\s*(?:\(\s*[a-z]\s*\)|_\s*(?:\{\s*[a-z]\s*\}|[a-z]))", "", plain)   # p(x), p_k: p
    plain = re.sub(r"^\s*\\sum\s*(?:_\s*(?:\{[^{}]*\}|\w))?\s*(?:\^\s*(?:\{[^{}]*\}|\w))?", "", plain)
    m = _STANDARD_KL.fullmatch(plain.strip().rstrip(".,; "))
    first, second = args.group(1).lower(), args.group(2).lower()
    return bool(m and m.group("w").lower() == (m.group("n") or m.group("n2")).lower() == first
                and (m.group("d") or m.group("d2")).lower() == second)


def _divergences_written_out(expr: sp.Basic, definitions: list[Definition],
                             closed: bool = True) -> tuple[sp.Basic, list[sp.Basic]]:
    """``KL(P ‖ Q)`` with P, Q distributions of one family (written in it, or names the text defined as one:
    ``P = \\mathcal{N}(\\mu_1, \\sigma_1^2)``) as its closed form; the ranges of their parameters are added
    where the relation is built (see :func:`..latex.distributions.closed_forms`)."""
    named = {d.target: d.expr for d in definitions if isinstance(d.target, (sp.Symbol, sp.Indexed))
             and isinstance(d.expr, Distribution)}
    if not named and not expr.has(Distribution):
        return expr, []
    if not closed and any(is_divergence(e) for e in expr.atoms(sp.core.function.AppliedUndef)):
        raise Unparsed("a divergence the text defines its own way (not the usual Σ p log p/q): its closed forms are "
                       "not softsym's", sp.sstr(expr)[:80])
    put = expr.replace(is_divergence, lambda e: e.func(*(named.get(a, a) for a in e.args)))
    written, ranges = closed_forms(put)
    unread = [e for e in written.atoms(sp.core.function.AppliedUndef) if is_divergence(e) and any(
        a.has(Distribution) for a in e.args)]
    if unread:                          # KL(Ber(p) ‖ N(0, 1)): no closed form softsym knows (+∞ across families)
        raise Unparsed("a divergence between distributions softsym has no closed form for (two families, or a "
                       "distribution it does not know)", sp.sstr(unread[0]))
    return written, ranges


def _written_out_sums(expr: sp.Basic, families: set[str], most: int = 20) -> sp.Basic:
    """``expr`` with each sum over a few numbered terms (numbers for bounds, at most ``most`` terms) of an entry
    of ``families`` written out term by term, so that the values the text gives those entries reach them."""
    def short(e: sp.Basic) -> bool:
        return isinstance(e, sp.Sum) and len(e.limits) == 1 and e.limits[0][1].is_Integer \
            and e.limits[0][2].is_Integer and 0 <= int(e.limits[0][2]) - int(e.limits[0][1]) < most \
            and any(str(x.base.label) in families for x in e.function.atoms(sp.Indexed))
    try:
        return expr.replace(short, lambda e: e.doit(deep=False))
    except Exception:  # noqa: BLE001 - not written out: as it was
        return expr


def _outcome_as_a_number(expr: sp.Basic, count: sp.Symbol) -> str:
    """The outcome a sum over the outcomes (1..``count``) uses as a number once definitions are unfolded,
    outside the entries it labels (``Σ_x x²`` of E(s) := s²), or ``""``."""
    for total in expr.atoms(sp.Sum):
        for index, _, end in total.limits:
            if end == count:
                hidden = {e: sp.Dummy() for e in total.function.atoms(sp.Indexed, sp.core.function.AppliedUndef)}
                if total.function.xreplace(hidden).has(index):
                    return str(index)
    return ""


ZERO_PINNED = "it counts that instance's entries from 0"
DOUBLED_BOUNDS = " (only a point where every bound holds is shown)"


def _counted_from_zero(problem: Problem, written: list, families: set[str]) -> Problem | None:
    """The relation read over the instance the text lists from index 0 ("two states $E_0 = 0$, $E_1 = ε$"
    and Z := Σ_{i=1}^{n} e^{-βE_i}): each sum over those families from 1 to n runs over 0..m, the entries
    listed, with their values put in, and n is m + 1; None when the listed entries are not 0..m or a sum
    runs otherwise."""
    listed: dict[str, dict[int, sp.Basic]] = {}
    for c in (*written, *problem.domain.given):
        if isinstance(c, sp.Eq) and isinstance(c.lhs, sp.Indexed) and str(c.lhs.base.label) in families \
                and len(c.lhs.indices) == 1 and c.lhs.indices[0].is_Integer:
            listed.setdefault(str(c.lhs.base.label), {})[int(c.lhs.indices[0])] = c.rhs
    tops = {name: max(values) for name, values in listed.items()}
    if not tops or any(sorted(values) != list(range(tops[name] + 1)) for name, values in listed.items()) \
            or len(set(tops.values())) != 1 or 0 in tops.values():    # (E_0 = 0 alone: the ground state, no list)
        return None
    top = next(iter(tops.values()))
    ends: set[sp.Basic] = set()
    unread = False

    def recount(total: sp.Sum) -> sp.Basic:
        nonlocal unread
        if len(total.limits) != 1 or total.limits[0][1] != 1 or not isinstance(total.limits[0][2], sp.Symbol):
            unread = True
            return total
        index, _, end = total.limits[0]
        ends.add(end)
        return sp.Sum(total.function, (index, 0, top))

    sides = [side.replace(lambda e: isinstance(e, sp.Sum) and any(str(x.base.label) in families
                                                                  for x in e.function.atoms(sp.Indexed)), recount)
             for side in (problem.lhs, problem.rhs)]
    if unread or len(ends) != 1:
        return None
    end = next(iter(ends))
    count = sp.Integer(top + 1)
    bounded = [b for b in problem.domain.bounds if b.symbol == end]
    if any(b.lower is not None and b.lower.is_number and bool(count < b.lower or b.lower_strict and count == b.lower)
           or b.upper is not None and b.upper.is_number and bool(count > b.upper or b.upper_strict and count == b.upper)
           for b in bounded) \
            or any(g.has(end) and g.xreplace({end: count}) is sp.false for g in problem.domain.given
                   if isinstance(g, sp.core.relational.Relational)):
        return None         # "$n \ge 3$ energy levels … $E_0 = 0$, $E_1 = ε$": the entries listed are not all of them
    try:
        put = [s.xreplace({end: top + 1}).doit().replace(
            lambda e: isinstance(e, sp.Indexed) and len(e.indices) == 1 and e.indices[0].is_Integer
            and int(e.indices[0]) in listed.get(str(e.base.label), {}),
            lambda e: listed[str(e.base.label)][int(e.indices[0])]) for s in sides]
    except Exception:  # noqa: BLE001 - no such reading
        return None
    if any(isinstance(x, sp.Indexed) and str(x.base.label) in families for s in put for x in s.atoms(sp.Indexed)):
        return None
    domain = replace(problem.domain, symbols=tuple(x for x in problem.domain.symbols if x != end),
                     given=tuple(g for g in problem.domain.given
                                 if not any(str(x.base.label) in families for x in g.atoms(sp.Indexed))))
    return replace(problem, lhs=put[0], rhs=put[1], domain=domain)


_RANGE_IN_WORDS = re.compile(rf"(?i)\$\s*(?P<name>{NAME_TEX}(?:\s*_\s*(?:\{{[^{{}}$]*\}}|[A-Za-z0-9]))?)\s*\$\s+"
                             r"(?:(?:is|be|are)\s+(?:now\s+)?)?(?:an?\s+|any\s+|(?:an\s+)?arbitrary\s+|some\s+)?(?:real\s+)?"
                             r"(?:numbers?|values?|reals?|scalars?|parameters?|constants?)\s+(?:in|from)"
                             r"\s+(?:the\s+(?:open\s+|closed\s+|half-open\s+)?(?:interval|range)\s+)?"
                             r"\$(?P<set>\s*(?:\\left)?[(\[][^$]*[)\]]\s*)\$")
_RANGE_BY_VERB = re.compile(rf"(?i)(?:^|[.;:!?]\s+|\b(?:let|assume(?:\s+that)?|suppose(?:\s+that)?|where|with|and)\s+)"
                            rf"\$\s*(?P<name>{NAME_TEX}(?:\s*_\s*(?:\{{[^{{}}$]*\}}|[A-Za-z0-9]))?)\s*\$\s+"
                            r"(?:be|is|are|lies|lie|ranges|range|varies|vary|takes?\s+(?:its\s+)?values)\s+(?:now\s+)?"
                            r"(?:in|within|over)\s+\$(?P<set>\s*(?:\\left)?[(\[][^$]*[)\]]\s*)\$"
                            r"(?=\s*(?:[.,;:]|$|\band\b|\bfor\s+(?:all|every|each)\b))")
"""A range said with a verb ("Let $\\beta$ be in $[0, 1]$", "where $p$ lies in $(0, 1)$."): only of a name that
is the subject of its own clause, and the clause ending with the range — not "the probability that $t$ lies in
$(0, 1)$", "the square of $t$ lies in …", "$\\hat p$ is in $(0, 1)$ only rarely"."""


_A_PROBABILITY = re.compile(
    rf"(?i)(?:^|[.;:!?]\s+|\b(?:let|where|with|and|assume(?:\s+that)?|suppose(?:\s+that)?)\s+)"
    rf"\$\s*(?P<name>{NAME_TEX}(?:\s*_\s*(?:\{{[^{{}}$]*\}}|[A-Za-z0-9]))?)\s*\$\s+(?:be|is|denotes|being)\s+"
    rf"(?:the|a|an)\s+(?:(?:success|failure|class|head|heads|tail|tails|click|event|true|target|mixing|"
    rf"[a-z]+-class|positive|keep|dropout)\s+)?probability\b"
    rf"|\b(?:success|failure|a|the|with|mixing|head|heads|win|winning|loss|losing|keep|retention|dropout|click|"
    rf"default|acceptance|survival|occupation|emission|transition|flip|error|hit|miss)\s+probability\s+\$\s*(?P<named>{NAME_TEX}"
    rf"(?:\s*_\s*(?:\{{[^{{}}$]*\}}|[A-Za-z0-9]))?)\s*\$")
"""A name the words make a probability ("Let $p$ be the probability of heads", "with success probability $p$"):
a number in [0, 1], as if "$p \\in [0, 1]$" were written there."""
_NOT_A_PROBABILITY = re.compile(r"(?i)^\s*(?:density|mass|distribution|vector|table|function|model|measure|ratio|"
                                r"generating|current|flux|difference|gap)\b|^[^.;]*\b(?:log|logit|odds|percent|percentage|"
                                r"times|divided|plus|minus|multiplied|squared|scaled|ratio|difference)\b")


_ENTRY_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5}
_ENTRIES_SAID = re.compile(r"(?i)\b(?:have|has|having|with|of)\s+(?:only\s+|just\s+|exactly\s+)?"
                           r"(two|three|four|five|[2-5])\s+(?:entries|logits|classes|components|coordinates|elements)\b")


def _count_said(words: str) -> tuple[str, int]:
    """How many entries the words right before a softmax give its vector ("For binary classification": 2, "Now
    let $z$ have only two entries": 2), with the words; ``("", 0)`` when they give none."""
    plain = re.sub(r"\$[^$]*\$", " ", words)
    if re.search(r"\\mathbb\s*\{?\s*R\s*\}?\s*\^\s*\{?\s*(?!2\s*[}$\s,.])", words):
        return "", 0            # "$w \in \mathbb{R}^d$ are attention scores over d tokens": not two
    if _ANOTHER_COUNT.search(plain) or re.search(r"=\s*(?:[013-9]|\d{2,})(?![\d.])", " ".join(re.findall(r"\$[^$]*\$", words))):
        return "", 0            # "Our problem, however, has ten classes", "but here $K = 3$": not two there
    two = _two_classes_said(words)
    if two:
        return two, 2
    found = _ENTRIES_SAID.search(plain)
    standing = bool(_SUPPOSING_COUNT.search(re.split(r"[.!?;。！？；](?:\s|$)", plain[:found.start()])[-1])) \
        if found is not None else False
    if found is None or _NOT_OUR_CASE.search(plain[:found.start()]) \
            or not _nothing_more_said(plain[found.end():], standing):
        return "", 0
    return found.group(0), _ENTRY_COUNTS[found.group(1).lower()]


_TWO_SPOKEN = re.compile(r"(?i)\b(?:two|binary|pair|both|dichotom\w*|bernoulli|logistic\s+regression|or\s+not|yes\s*/\s*no|"
                         r"true\s*/\s*false)\b|\$\s*z_\{?1\}?\s*,\s*z_\{?2\}?\s*\$|"
                         r"\b[A-Za-z]\s*=\s*2\b|二|两|双")
"""Words or math that speak of two classes at all (a refutation of a softmax relation at another count is doubted)."""
_ANOTHER_COUNT = re.compile(r"(?i)\b(?:three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|"
                            r"millions?|third|fourth|many|several|multi\w*|more|multiple|K|n|ImageNet|CIFAR\w*|MNIST|"
                            r"vocabulary)\b|[三四五六七八九十百千万多]")
"""Words that count a vector's entries otherwise than two (then no count is read from the words)."""
_MORE_SAID = re.compile(r"(?i)\b(?:but|however|yet|while|whereas|though|although|here|our|ours|instead|now|later|"
                        r"append\w*|add\w*|general\w*|arbitrary|any|other|extra|further|beyond|outside|except|"
                        r"unlike|rather)\b|之外|以外|但|然而|不过|而|推广")
"""Words after the count that may take it back for the relation ("For two logits …. With a third logit added")."""


def _nothing_more_said(after: str, standing: bool = False) -> bool:
    """Whether the words between a count and the relation (``after``) leave it standing: a few words, none that
    contrasts or adds (``_MORE_SAID``), and each one of the plain words that lead into a formula
    (``_LEADING_WORDS``: "the softmax reduces to the sigmoid:", "we get") — not "held out for testing", "compares",
    "even with a dozen labels"."""
    words = re.findall(r"[A-Za-z]+|[\u4e00-\u9fff]", after)
    return len(words) <= 12 and not _MORE_SAID.search(after) and all(w.lower() in _LEADING_WORDS for w in words) \
        and (standing or not re.search(r"[.!?;。！？；](?:\s|$)", re.sub(r"\$[^$]*\$", " ", after).rstrip().rstrip(".。")))
    # ("For two classes the softmax is the logistic function. The first class probability is": another sentence;
    # but "Now let $z$ have only two entries. Then": a supposition stands)


_SUPPOSING_COUNT = re.compile(r"(?i)\b(?:let|suppose|assume|consider|take)\b|设|假设|令")


_LEADING_WORDS = frozenset("""the a an softmax reduces reduce reducing to sigmoid logistic function becomes become is are
we have get obtain find gives give simply just so then this it its of output outputs probability probabilities first
class classes entry entries logits logit case classification problem setting here see write can be written as
identity exactly one that with for in its model 时 的 有 则 得 即 为 是 化 简 退 成 函 数""".split())
"""Plain words between words that count two classes and the formula they lead into."""


def _two_classes_said(words: str) -> str:
    """The words that make the classes two ("For binary classification", "With two classes", "二分类"), or ``""``:
    the length of a softmax's vector there (not of anything else: "binary labels" over n samples is no n = 2)."""
    words = re.sub(r"\$[^$]*\$", " ", words)
    found = ([None, *_TWO_CLASSES.finditer(words)])[-1]      # (the last: the one that leads into the relation)
    standing = bool(_SUPPOSING_COUNT.search(re.split(r"[.!?;。！？；](?:\s|$)", words[:found.start()])[-1])) \
        if found is not None else False
    if found is None or _NOT_OUR_CASE.search(words[:found.start()]) \
            or not _nothing_more_said(words[found.end():], standing):
        return ""               # "Unlike the binary case", "as for binary classification", "a common mistake …",
                                # "For binary classification one would use a sigmoid. Our problem …"
    return found.group(0)


_TWO_CLASSES = re.compile(r"(?i)\b(?:for|in|with|under)\s+(?:the\s+|a\s+)?(?:binary\s+(?:classification|classifier|case|"
                          r"problem|setting)|two[- ]class\s+\w+|two\s+(?:classes|categories|logits|possible\s+classes))\b(?!\s+of\b)|"
                          r"(?:对于|在)?二分类(?:问题|情形|时|中)|两类(?:时|情形)|两个类别(?:时|的情形)")
_NOT_OUR_CASE = re.compile(r"(?i)\b(?:unlike|than|as|like|mistake\w*|error|think|rest|other|instead|not|beyond|"
                           r"generali[sz]\w*|extend\w*|compared?)\b|不同于|不像|推广")


def positive_ray(tex: str) -> str:
    """``x \\in \\mathbb{R}_{>0}`` (``\\mathbb{R}_{++}``, ``\\mathbb{R}^{*}_{+}``) as ``x \\in (0, \\infty)``, and
    ``\\mathbb{R}_{\\ge 0}`` (``\\mathbb{R}_+``, ``\\mathbb{R}^+``: some mean zero in, some not) as
    ``x \\in [0, \\infty)`` — or ``""``."""
    m = _POSITIVE_RAY.fullmatch(tex.strip().rstrip(".,;").strip())
    if m is None:
        return ""
    if "*" in m.group("set") and "+" not in m.group("set"):
        return ""                       # ℝ^* alone: the nonzero reals, to many
    strict = re.search(r">\s*0|\+\s*\+|\*", m.group("set")) is not None
    return f"{m.group('names')} \\in {'(' if strict else '['}0, \\infty)"


_POSITIVE_RAY = re.compile(r"(?P<names>(?:[A-Za-z]|\\[A-Za-z]+)(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?)\s*\\in\s*"
                           r"(?P<set>\\mathbb\s*\{?\s*R\s*\}?\s*(?:(?:_\s*\{\s*(?:>|\\ge(?:q)?|\\geqslant)\s*0\s*\}|_\s*\{?\s*\+\s*\+?\s*\}?"
                           r"|\^\s*\{?\s*(?:\+|\*)\s*\}?)\s*){1,2})")


def ranges_in_words(lines: list[str]) -> list[tuple[int, str]]:
    """Ranges the words give a name ("Let $a$ be a number in $(0, 1)$", "$p$ is any value in $[0, 1]$"), as the
    membership each writes (``a \\in (0, 1)``), by line: read as a written ``$a \\in (0, 1)$`` is."""
    return [(number, _unspaced(f"{m.group('name')} \\in {m.group('set').strip()}"))
            for number, line in enumerate(lines, 1)
            for m in (*_RANGE_IN_WORDS.finditer(line), *_RANGE_BY_VERB.finditer(line))
            if is_stated_range(_unspaced(f"{m.group('name')} \\in {m.group('set').strip()}"))]


def probabilities_in_words(lines: list[str]) -> dict[str, tuple[int, str]]:
    """The names the words call a probability ("Let $p$ be the probability of heads", "with success probability
    $p$"), each with its line and the phrase: a refutation outside [0, 1] is doubted there — never a hypothesis a
    proof may use (words say "the probability … in percent", "… divided by …" too)."""
    out: dict[str, tuple[int, str]] = {}
    for number, line in enumerate(lines, 1):
        for m in _A_PROBABILITY.finditer(line):
            name = (m.group("name") or m.group("named")).strip()
            if name in ("\\pi", "e") or _NOT_A_PROBABILITY.search(line[m.end():m.end() + 60]):
                continue
            out[re.sub(r"\s+", "", name).lstrip("\\")] = (number, "between 0 and 1 (a probability)")
    return out


def _range_in_words(lines: list[str], line: int, name_tex: str, domain: Domain,
                    functions: set[str]) -> tuple[sp.Basic, ...]:
    """The range words give a name they free ("Now let $a$ be any number in $(0, 1]$"): its bounds, or ()."""
    from ..latex import parse_tex
    try:
        name = sp.sstr(parse_tex(name_tex, plain_context(domain, functions)))     # (\bar y: y_bar)
    except Unparsed:
        return ()
    for _, member in ranges_in_words(lines[line - 1:line] if 1 <= line <= len(lines) else []):
        bounds = dict(membership_bounds(member, domain, functions))
        if bounds.get(name):
            return tuple(bounds[name])
    return ()


def _breaks_standing(relational: sp.Basic | None, standing: dict) -> bool:
    """Whether a bound on one name (or one entry) cannot hold together with the standing bounds of that name
    (``α_t ≥ 1`` where α_t ∈ (0, 1) stands): no case a display could be, a claim."""
    if not isinstance(relational, (sp.StrictLessThan, sp.LessThan, sp.StrictGreaterThan, sp.GreaterThan)):
        return False
    names = [e for e in (relational.lhs, relational.rhs) if isinstance(e, (sp.Symbol, sp.Indexed))]
    if len(names) != 1 or not relational.lhs.is_Number and not relational.rhs.is_Number:
        return False
    name = names[0]
    known = standing.get(sp.sstr(name)) or ()
    point = sp.Dummy(real=True)
    try:
        region = sp.Interval(-sp.oo, sp.oo)
        for c in (*known, relational):
            if not isinstance(c, sp.Rel) or c.free_symbols - name.free_symbols - {name} or not c.has(name):
                return False
            region = region.intersect(c.xreplace({name: point}).as_set())
        return bool(known) and region.is_empty is True
    except Exception:  # noqa: BLE001 - not decided: no claim made of it
        return False


def _spelled(key: str) -> str | None:
    """A pattern for how the text writes the name a standing key stands for: ``a`` (``a``, ``\\a``), ``alpha[t]``
    (``\\alpha_t``, ``\\alpha_{t}``); None for other keys."""
    m = re.fullmatch(r"([A-Za-z]+)(?:\[([A-Za-z0-9]+)\])?", key)
    if m is None:
        return None
    name = rf"\\?{re.escape(m.group(1))}"
    return name if m.group(2) is None else rf"{name}\s*_\s*\{{?\s*{re.escape(m.group(2))}\s*\}}?"


def _value_released(lines: list[str], value: sp.Basic, since: int, here: int) -> bool:
    """Whether the words between ``since`` and ``here`` give a name an example or a pin valued back its range
    ("Now let $a$ be any positive number" after "set $a = 1$"): its value no longer holds."""
    name = getattr(value, "lhs", None)
    return isinstance(name, sp.Symbol) and re.fullmatch(r"[A-Za-z]+", name.name) is not None \
        and _name_freed(lines, rf"\\?{re.escape(name.name)}", since, here)


def _family_freed(lines: list[str], family: str, since: int, here: int) -> bool:
    """Whether a sentence between line ``since`` (excluded) and ``here`` writes an entry of ``family`` with
    words that take its standing sign back ("Now allow negative $p_k$", "the $p_k$ may be negative", "drop
    the assumption that $p_k > 0$")."""
    entry = re.compile(rf"\$[^$]*(?<![A-Za-z\\])\\?{re.escape(family)}\s*_")
    for number in range(since + 1, min(here, len(lines) + 1)):
        line = lines[number - 1]
        if entry.search(line) and _FREEING_WORDS.search(re.sub(r"\$[^$]*\$", " ", line)):
            return True
    return False


def _computed(expr: sp.Basic, definitions: list[Definition], depth: int = 3) -> bool:
    """Whether a definition's value is computed from sums, entries, exponentials or logarithms (``U := ⟨E⟩``
    with ``⟨E⟩ := Σ_i p_i E_i``, through up to ``depth`` names): no count a sum could run to."""
    if expr.has(sp.Sum, sp.Indexed, sp.exp, sp.log):
        return True
    if depth <= 0 or not isinstance(expr, sp.Symbol):
        return False
    return any(_computed(d.expr, definitions, depth - 1) for d in definitions if d.target == expr)


def _bare_at_its_written_argument(guess: str, rel: Relation) -> bool:
    """Whether a function written alone and read at its own parameters (``Z`` as ``Z(beta)``) is so read in
    a relation that writes each of those parameters itself (``\\beta U - \\log Z``): it speaks of that
    β, and Z there is Z at it — no guess to doubt a counterexample by."""
    m = _BARE_GUESS.match(guess)
    if m is None:
        return False
    tex = f"{rel.lhs} {rel.rhs}"
    params = [p.strip() for p in m.group(2).split(",")]
    return bool(params) and all(re.search(rf"\\{re.escape(p)}(?![A-Za-z])" if len(p) > 1
                                          else rf"(?<![A-Za-z\\])d?{re.escape(p)}(?![A-Za-z(])", tex) for p in params)
    # (∫_0^∞ p log p dx of p(x) := …: the integral's own x — "dx" writes it)


def _elsewhere_meant(guesses: tuple[str, ...], math: list[str]) -> str:
    """Why a reading of a function written alone as applied to its parameters may not be what the
    words before it mean: they write the function alone ("$Z$ denotes …"), a parameter with a prime
    ("$w'$"), or a parameter inside an expression ("at $2\\beta$", "to $t + \\pi$"); or ``""``."""
    for guess in guesses:
        m = _BARE_GUESS.match(guess)
        if m is None:
            continue
        name, params = m.group(1), [p.strip() for p in m.group(2).split(",")]
        for tex in math:
            bare = tex.lstrip("\\")
            mentions = [p for p in params if re.search(rf"(?<![A-Za-z]){re.escape(p)}(?![A-Za-z])", tex)]
            alone = re.fullmatch(r"\\?[A-Za-z]+", tex) is not None and bare not in params
            if bare == name or any(re.search(rf"(?<![A-Za-z]){re.escape(p)}\s*(?:'|\\prime)", tex) for p in mentions) \
                    or mentions and not _RELATION_SIGN.search(tex) and bare not in params \
                    or alone and len(bare) > 1:       # "at inverse temperature $\gamma$": another argument
                return (f"{name} is written alone and read as {name}({', '.join(params)}), while the words before it "
                        f"write ${tex}$: it may mean {name} elsewhere")
    return ""


def _entry_spoken_of(lines: list[str], first: int, last: int, entry: sp.Indexed) -> bool:
    """Whether prose math on lines ``first``..``last - 1`` writes the entry (``$c_0$``, ``c_{0}``)."""
    base, (index,) = str(entry.base.label), entry.indices
    pattern = re.compile(rf"\$[^$]*(?<![A-Za-z\\]){re.escape(base)}_\{{?\s*{index}\s*\}}?(?![0-9])[^$]*\$")
    return any(pattern.search(lines[n - 1]) for n in range(max(first, 1), min(last, len(lines) + 1)))


def _listing_column(text: str, name: str) -> int:
    """Where the inline math that lists ``name``'s values starts on its line (its ``$``), or 0."""
    m = re.search(rf"\$[^$]*(?<![A-Za-z\\]){re.escape(name)}\s*\\in\b", text)
    return m.start() if m else 0


_MOST_LISTED_CASES = 6
"""Most cases (product over the names) a relation is checked in for the values the text lists."""


def _listed_numbers(items: str) -> list[sp.Rational] | None:
    """The numbers of a listed set's items ("0, 1", "-1, +1"), or None when one is no plain number."""
    numbers = []
    for item in items.split(","):
        item = item.strip().lstrip("+")
        if not re.fullmatch(r"-?\d+(?:\.\d+)?", item):
            return None
        numbers.append(sp.Rational(item))
    return numbers or None


def listed_cases(names: list[str], listed_values: dict[str, tuple[int, str]], by_name: dict[str, sp.Symbol],
                 lines: list[str]) -> list[tuple[tuple[sp.Symbol, sp.Rational], ...]] | None:
    """Every assignment of the listed values to ``names`` (the relation's symbols), or None when a
    name is no plain symbol of the relation, a value no plain number, the sentence that lists them
    no plain statement, or the cases too many."""
    values = []
    for name in names:
        line, items = listed_values[name]
        numbers = _listed_numbers(items)
        symbol = by_name.get(name)
        text = lines[line - 1] if 1 <= line <= len(lines) else ""
        column = _listing_column(text, name)
        if numbers is None or not all(n.is_Integer for n in numbers) or symbol is None or symbol.is_integer \
                or unplain(lines, line, column) \
                or _as_case(lines, line, column) and not _domain_of_function(text[:column], name) \
                or re.search(r"(?i)\b(?:at|on|of|from|to|into|among)\s*$", text[:column]):
            return None     # "If $y \in \{0, 1\}$, then …" is a case; "roots at $x \in \{1, 2\}$" no domain
        values.append([(symbol, n) for n in numbers])
    cases = list(itertools.product(*values))
    return cases if 0 < len(cases) <= _MOST_LISTED_CASES else None


_LETTER_REUSED = re.compile(
    r"(?i)\b(?:different|differently|separately|also|as\s+well|another|instead|real|reals|values|takes?|taking|more|"
    r"three|four|several|many|any|general|arbitrary|continuous|extends?|extended|generali[sz]e[sd]?|relax|relaxed|"
    r"whereas|while|however|but|now|other|new|again|reuse[sd]?|same\s+letter|except|unless|otherwise)\b|"
    r"也|另|其他|任意|实数|一般|但|然而|而")


def _ranged_again(lines: list[str], name: str, listed: int, here: int) -> bool:
    """Whether the text gives ``name`` a set or a range other than its listing on line ``listed``, up to line
    ``here`` (``y \\in [0, 1]`` beside ``y \\in \\{0, 1\\}``, ``y \\in \\{1, \\dots, K\\}`` in a section) or says
    it takes other values ("$y$ takes values in $[-1, 1]$")."""
    token = rf"(?<![\\A-Za-z]){re.escape(name)}(?![A-Za-z])"
    text = "\n".join(lines[listed - 1:here])
    ranged = len(re.findall(token + r"\s*(?:\\in\b|∈)", text))
    return ranged > 1 or bool(re.search(token + r"[^.;]*?\b(?:takes?|taking)\s+(?:(?:the|its)\s+)?values\b", text))


def _listing_left(lines: list[str], name: str, listed: int, here: int) -> bool:
    """Whether the text may have left the listing of ``name``'s values (line ``listed``) before line
    ``here``: after the sentence that lists them, it writes the name alone again ("evaluated at real
    points $x$") or uses words by which a letter may take another meaning or more values ("Separately,
    the temperature is written $u$ as well", "With three classes the label takes the values 0, 1, 2")."""
    listed_sentence = True
    for line, words, (a, b), number in sentences(lines, listed, here - 1):
        if listed_sentence and number == listed and "\\in" not in line[a:b] and "∈" not in line[a:b]:
            continue            # the sentences of the listing's line before the listing
        if listed_sentence and number == listed:
            listed_sentence = False
            continue            # the listing's own sentence
        listed_sentence = False
        if _letter_again(line[a:b], words, name, alone_enough=True) \
                or re.search(r"(?i)\b(?:takes?|taking)\s+(?:the\s+)?values\b|取值", words):
            return True
    return False


def _letter_again(sentence: str, words: str, name: str, alone_enough: bool) -> bool:
    """Whether a sentence (``words``: its math blanked) writes the name ``name`` again as if anew: alone
    in its math (if ``alone_enough``), or alone or in an expression beside words by which a letter may
    take another meaning ("also called $x$, which can be negative")."""
    alone = _written_alone(sentence, name)
    if alone and alone_enough:
        return True
    mentioned = re.search(rf"\$[^$]*(?<![A-Za-z\\]){re.escape(name)}(?![A-Za-z])[^$]*\$", sentence)
    return bool(mentioned) and bool(_LETTER_REUSED.search(words))


def _letter_left(lines: list[str], name: str, since: int, here: int) -> bool:
    """Whether a sentence after line ``since`` and before line ``here`` writes ``name`` alone again
    beside words by which it may mean something else ("The second layer receives a shifted input,
    also called $x$, which can be negative"): what was assumed of the name before may not hold."""
    return any(_written_alone(line[a:b], name) and _LETTER_REUSED.search(words)
               for line, words, (a, b), _ in sentences(lines, since + 1, here - 1))


def _written_alone(sentence: str, name: str) -> bool:
    """Whether ``sentence`` writes the name alone in its math (``$x$``, ``$\\beta$``)."""
    return re.search(rf"\$\s*\\?{re.escape(name)}\s*\$", sentence) is not None


def _index_outside_entries(fact: sp.Basic, ranges: dict) -> bool:
    """Whether an extremum's "every index" symbol (l0 of ``a[l0] <= a[argmax_a]``) occurs in ``fact``
    outside the entries it indexes: then the fact would mean one l, not every l."""
    others = {x for x in fact.free_symbols if isinstance(x, sp.Symbol) and x.name in ranges
              and not x.name.startswith(("argmax", "argmin"))}
    bare = fact.xreplace({e: sp.Dummy() for e in fact.atoms(sp.Indexed)}).free_symbols
    return bool(others & bare)


def _plain_and_function(definitions: list[Definition], names: set[str]) -> list[str]:
    """The names defined both as a number (or entries) and as a function that a relation reaches through
    the plain definitions, starting from ``names`` (its own): ``z̄`` reaches p of ``p_i := …`` beside
    ``p_i(T) := …``."""
    undef = sp.core.function.AppliedUndef
    functions = {(target_name(d.target) or "").removesuffix("[]"): k for k, d in enumerate(definitions)
                 if isinstance(d.target, undef)}
    plain = {(target_name(d.target) or "").removesuffix("[]"): (k, d) for k, d in enumerate(definitions)
             if not isinstance(d.target, undef)}
    overloaded = {name for name, k in functions.items() if name in plain and plain[name][0] < k} - {""}
    plain = {name: d for name, (_, d) in plain.items()}   # (a plain one written after the function is the
    # text's meaning from there on: "The Gibbs weights are $p_i = …$" after p_i(T) := …)
    if not overloaded:
        return []
    seen: set[str] = set()
    todo = [name.removesuffix("[]") for name in names]
    while todo:
        name = todo.pop()
        if name in seen or name not in plain:
            continue
        seen.add(name)
        todo.extend(n.removesuffix("[]") for n in names_in(plain[name].expr))
    return sorted(seen & overloaded)


def _same_kind(target: sp.Basic, lhs: sp.Basic) -> bool:
    """Whether a definition's ``target`` and a new left side ``lhs`` define the same object: the same
    name, both functions or both not (Z := Σ e^{z_j} is not Z(T) := Σ e^{z_j/T}; p_i is not p_i(T))."""
    undef = sp.core.function.AppliedUndef
    return target_name(target) == target_name(lhs) and isinstance(target, undef) == isinstance(lhs, undef)


def _case_before_inline(lines: list[str], line: int, column: int, names: set[str]) -> list[str]:
    """The math of each case of one of ``names`` that the sentence before the inline math at (``line``,
    ``column``) gives ("For $x \\ge 0$, $f(x) = …$", "- When $t < 1$, $g(t) = …$")."""
    if not 1 <= line <= len(lines) or column < 0:
        return []
    before = re.split(r"[.!?;。！？；](?:\s|$)", lines[line - 1][:column])[-1]
    out = []
    worded = _WORDED_CASE.search(re.sub(r"\$[^$]*\$", " x ", before))
    if worded:                          # "For positive inputs, $h(x) = x$": a case in words, never read
        out.append(worded.group(0))
    for m in re.finditer(r"(?i)(?:\b(?:for|when|whenever|if|on|where)\b|当|若|对于?)\s*\$([^$]*)\$", before):
        math = re.sub(r"\\in\s*(?:\\mathbb\s*\{?\s*R\s*\}?|\\R\b|ℝ)(?!\s*[\^_])", " ", m.group(1))   # (x ∈ ℝ: no case)
        if re.search(r"<|>|\\[lg]e(?:q|qslant)?\b|\\in\b|\\neq?\b", math) and any(
                re.search(rf"(?<![A-Za-z\\]){re.escape(n)}(?![A-Za-z])|\\{re.escape(n)}(?![A-Za-z])", math) for n in names):
            out.append(m.group(1))
    return out


_WORDED_CASE = re.compile(r"(?i)\b(?:for|on|over|when|whenever|if|in|at)\s+(?:the\s+|all\s+|every\s+|any\s+|each\s+)?"
                          r"(?:strictly\s+)?(?:non-?negative|non-?positive|negative|positive|large|small|big|tiny|huge)\b"
                          r"|\bto\s+the\s+(?:right|left)\s+of\s+(?:zero|the\s+origin|0)\b|\b(?:above|below)\s+zero\b"
                          r"|\b(?:for|on|over)\s+(?:inputs?|arguments?|values?)\s+(?:above|below|beyond|past|under|over)\b"
                          r"|在\s*(?:零|原点|0)\s*的?\s*[左右]侧"
                          r"|(?:对于?|当|在)\s*(?:输入)?\s*(?:为)?\s*(?:正数|负数|正半轴|负半轴|正|负|非负|非正)")
"""A range in words before an inline definition ("For positive inputs, $h(x) = x$", "On large $x$, …")."""


def _cased_before(cases: list[str], context, value: sp.Basic) -> bool:
    """Whether one of the ``cases`` written before an inline definition of ``value`` is a case of it, not the
    domain where ``value`` is real at all ("For $\\mu > 0$ the deviance $d(y, \\mu) = 2(y \\log(y/\\mu) − …)$"):
    a case not read counts as one."""
    from ..latex import parse_tex
    from .extract import MathBlock
    for case in cases:
        if "$" not in case and _WORDED_CASE.fullmatch(case.strip()):
            return True                 # (a range in words: a case, softsym cannot tell which)
        split = relations([MathBlock(case, 1, 1, False, None)])
        if len(split) != 1:
            return True                 # (0 < x < 1, x ∈ [0, 1]: read as a case)
        try:
            read = as_relational(split[0].op, parse_tex(split[0].lhs, context), parse_tex(split[0].rhs, context))
        except Exception:  # noqa: BLE001 - a case not read: the definition may hold on it only
            return True
        if not (isinstance(read, sp.core.relational.Relational) and _natural_domain(read, value)):
            return True
    return False


def _pieced(lines: list[str], rel: Relation, lhs: sp.Basic, rhs: sp.Basic, earlier, defined_at, sections) -> bool:
    """Whether ``lhs := rhs`` gives a function this section already defined (with the same parameters) another
    body, with no words between that leave the first ("On positive inputs, $h(x) = x$. On negative inputs,
    $h(x) = 0.1x$."): two pieces of one definition by cases, neither of them the function everywhere."""
    if rel.op not in ("==", ":=") or not isinstance(lhs, sp.core.function.AppliedUndef) or earlier is None \
            or earlier.target != lhs or earlier.expr == rhs:
        return False
    since = [line for line in defined_at.get(target_name(lhs) or "", [])
             if line <= rel.line and same_section(sections, line, rel.line)]
    between = lines[since[-1] - 1:rel.line] if since else []
    return bool(since) and all(line.strip() for line in between) \
        and not _MODEL_SWITCH.search(blank_inline_math(" ".join(between)))
    # (one paragraph: pieces are written together; "For a coin, $$H(p) = …$$" a paragraph after H(p) of a vector is
    # a new H, read as the text's later one)


def _valued_twice(values: list, expr: sp.Basic, before, given) -> str:
    """A name of ``expr`` that the relation is read at (an equation of ``given`` gives it a number) and that the
    pins and imposed equations ``values`` ((line, Eq)) on lines ``before`` accepts give two different numbers,
    shown; or ``""`` (a name the relation speaks of in general — the variable of a derivative — is not read at
    either)."""
    seen: dict[sp.Basic, set] = {}
    for line, pin in values:
        if isinstance(pin, sp.Eq) and pin.rhs.is_number and before(line):
            seen.setdefault(pin.lhs, set()).add(pin.rhs)
    read_at = {g.lhs for g in given if isinstance(g, sp.Eq) and g.rhs.is_number} \
        | {g.rhs for g in given if isinstance(g, sp.Eq) and g.lhs.is_number}
    twice = sorted(sp.sstr(name) for name, numbers in seen.items()
                   if len(numbers) > 1 and expr.has(name) and name in read_at)
    return twice[0] if twice else ""


_FOR_A_STRETCH = re.compile(r"(?i)\b(?:until|till|up\s+to\s+step|for\s+the\s+first|during|afterwards?|after\s+which|"
                            r"thereafter|warm-?up|from\s+step|beyond\s+step|then\s+(?:held|kept|constant))\b|之后|此后|直到|前\s*\d+\s*步")
"""Words that give a family's closed form a stretch of its index only ("η_t = η_0 γ^t until step 10")."""


def _otherwise_after(lines: list[str], rel: Relation, blocks) -> bool:
    """Whether the words right after the math of ``rel`` (to the end of their sentence, or of an inline one to the
    next math) give it another case
    ("$$f(x) = λe^{-λx}$$ for nonnegative inputs, and zero otherwise", "… and vanishes elsewhere"): the
    definition holds on a range only."""
    holder = next((b for b in blocks if b.line <= rel.line <= b.end_line and b.tex.strip() and (
        b.display or rel.tex.strip()[:20] in b.tex)), None)
    if holder is None or not 1 <= holder.end_line <= len(lines):
        return False
    tail = lines[holder.end_line - 1]
    if holder.display:
        close = max(tail.rfind("$$"), tail.rfind("\\]"), tail.rfind("\\end{"))
        start = close + 2 if close >= 0 else len(tail)
    else:
        at = tail.find(holder.tex.strip()[-20:])
        start = tail.find("$", at + len(holder.tex.strip()[-20:])) + 1 if at >= 0 else len(tail)
    text = "\n".join([tail[start:], *lines[holder.end_line:holder.end_line + 2]])
    end = re.search(r"[.!?。！？](?:\s|$)|\n\s*\n|\$\$|\\\[|\\begin" + ("" if holder.display else r"|\$"), text)
    # (inline: to the next math — "$L(p) = (1-p)^2$, which differs from the cubic loss $L(p) = …$ used
    # elsewhere" gives the other L no case of this one)
    words = re.sub(r"\$[^$]*\$", " x ", text[:end.start()] if end else text)
    return bool(_OTHERWISE_AFTER.search(words))


_OTHERWISE_AFTER = re.compile(r"(?i)\b(?:otherwise|elsewhere|else|for\s+the\s+rest|(?:every|all|any)\s+other|outside\s+(?:of\s+)?(?:it|this|that|the)|"
                              r"(?:negative|positive)\s+(?:inputs?|values?|arguments?)\s+(?:give|map\s+to|yield)|"
                              r"(?:non-?negative|non-?positive|negative|positive)\s+(?:inputs?|values?|arguments?|numbers?|"
                              r"reals?|half-?lines?|half-?axis|axis|side|part|x|t|z)\b|"
                              r"vanish\w*|(?:only\s+)?(?:when|if|for|whenever)\s+(?:the\s+)?(?:input|argument|value|x|t)\s+"
                              r"(?:is\s+)?(?:at\s+least|at\s+most|no\s+(?:less|more|greater|smaller)|non-?negative|"
                              r"non-?positive|positive|negative|greater|larger|smaller|less|below|above|between))\b|"
                              r"否则|其余|其他情况|其它情况|正数|负数|正半轴|负半轴|为正|为负|非负|非正")


def _real_where(expr: sp.Basic, definitions: list) -> list[sp.Basic]:
    """Where what ``expr`` differentiates is real: the arguments of its logarithms positive, of its square roots
    nonnegative (``h''(p)`` of ``h(p) := -p\\log_2 p - (1-p)\\log_2(1-p)``: p > 0 and 1 − p > 0)."""
    inner = attempt(Deadline.after(0.5), lambda: unfold_keeping_variables(expr, definitions), None)
    if inner is None:
        return []
    bodies = [d.expr for d in inner.atoms(sp.Derivative)]
    out: list[sp.Basic] = []
    for body in bodies:
        for node in sp.preorder_traversal(body):
            if isinstance(node, sp.log) and node.args[0].free_symbols:
                out.append(sp.StrictGreaterThan(node.args[0], 0))
            elif isinstance(node, sp.Pow) and node.exp == sp.Rational(1, 2) and node.base.free_symbols:
                out.append(sp.GreaterThan(node.base, 0))
    return [c for c in dict.fromkeys(out) if isinstance(c, sp.core.relational.Relational)][:4]


def _natural_domain(condition: sp.Basic, value: sp.Basic) -> bool:
    """Whether a bound on one variable is where ``value`` is defined at all: outside it (a few points
    on the far side of each end) the value is not a real number.  "For $0 < p < 1$, $$\\logit(p) =
    \\log\\frac{p}{1-p}$$" gives the function's domain, not one case of a definition by cases."""
    names = condition.free_symbols
    if len(names) != 1 or getattr(condition, "rel_op", "") not in ("<", "<=", ">", ">="):
        return False
    (x,) = names
    bound = condition.rhs if condition.lhs == x else condition.lhs if condition.rhs == x else None
    if bound is None or not bound.is_number or x not in value.free_symbols:
        return False
    others = {s: sp.Rational(37, 100) for s in value.free_symbols - {x}}
    outside = [bound + step for step in (sp.Rational(1, 3), 2, -sp.Rational(1, 3), -2)
               if condition.subs(x, bound + step) is sp.false]
    if not outside:
        return False
    for point in outside:
        try:
            at = complex(sp.N(value.xreplace({**others, x: point}), 15))
        except (TypeError, ValueError, ZeroDivisionError):
            continue                                    # undefined there: outside the domain
        if at == at and abs(at.imag) < 1e-12 and abs(at.real) != float("inf"):
            return False                                # a real value outside the bound: a case, perhaps
    return True


def _a_domain(condition: sp.Basic, line: int, lines: list[str], columns: dict, conditions: list) -> bool:
    """Whether a bound on a definition's own variable reads as the variable's domain, not one case of
    a definition by cases: not written as a case ("for", "if", "assuming", "provided", "for every
    margin …") and a positivity (x > 0, 0 ≤ x) or one side of a two-sided bound ("with $0 < θ < 1$")."""
    column = columns.get((line, condition), -1)
    if _as_case(lines, line, column) or column < 0 or not 1 <= line <= len(lines) \
            or not re.search(r"(?i)\b(?:with|where|and|let|assume|assuming\s+that|suppose)(?:\s+(?:a|an|the|some|"
                             r"positive|inverse|fixed|given|constant|small|real|scalar|[a-z]+(?:ure|ter|ent|ing|ion))){0,3}\s*$|(?:引入|设|令|其中)[\u4e00-\u9fff]{0,4}\s*$|"
                             r"(?:温度|参数|步长|学习率|系数|方差|尺度)\s*$|"
                             r"\b(?:be|is)\s+an?\s+[a-z]+(?:\s+[a-z]+)?\s*:\s*$",     # "be a target distribution: $y_k \ge 0$"
                             re.sub(r"\$[^$]*\$", " ", lines[line - 1][:_math_start(lines[line - 1], column)]).rstrip()):
        return False            # "with $0 < \theta < 1$": a domain; "On the interval $-1 < x < 1$": a case
    names = condition.free_symbols
    entries = condition.atoms(sp.Indexed)
    if len(entries) == 1 and all(isinstance(i, sp.Symbol) for i in next(iter(entries)).indices):
        names = entries             # y_k >= 0 of every entry: the family's domain, as y > 0 is y's
    if len(names) != 1:
        return False
    (x,) = names
    lower = isinstance(condition, (sp.GreaterThan, sp.StrictGreaterThan)) and condition.lhs == x \
        or isinstance(condition, (sp.LessThan, sp.StrictLessThan)) and condition.rhs == x
    bound = condition.rhs if condition.lhs == x else condition.lhs
    if lower and bound == 0:
        return True
    other_side = [c for at, c in conditions if at == line and c is not None and c != condition
                  and columns.get((at, c), -1) >= 0 and "$" not in lines[line - 1][   # the same math span:
                      min(column, columns[(at, c)]):max(column, columns[(at, c)])]      # "$0 < \theta < 1$"
                  and c.free_symbols == {x} and getattr(c, "rel_op", "") in ("<", "<=", ">", ">=")
                  and (isinstance(c, (sp.GreaterThan, sp.StrictGreaterThan)) and c.lhs == x
                       or isinstance(c, (sp.LessThan, sp.StrictLessThan)) and c.rhs == x) != lower]
    return bool(other_side)


def _math_start(text: str, column: int) -> int:
    """Where the prose math holding ``column`` opens (its ``$``; the chain's start for a later link)."""
    opened = [m.start() for m in re.finditer(r"(?<!\\)\$", text[:column + 1])]
    return opened[-1] if len(opened) % 2 == 1 else column


_CHOSEN_FOR_WHAT_FOLLOWS = re.compile(
    r"(?i)(?:^\s*|[.;:!?]\s+|\b(?:now|here|first|next|then|so|thus|hence|finally),?\s+)"
    r"(?:(?:we|I)\s+(?:now\s+|then\s+|shall\s+|will\s+)?|let(?:\s+us|'s)\s+)?(?:choose|pick|select|tune|fix|scale)\b"
    r"(?:\s+(?:the|a|an|our)\s+(?P<noun>[a-z-]+))?[^.;]*\b(?:so\s+that|such\s+that|to\s+make)\b"
    r"|\b(?:the\s+(?P<subject>[a-z-]+)\s+)?(?:is|are|was|were|has\s+been|have\s+been)\s+(?:chosen|picked|selected|tuned|"
    r"fixed|scaled)\b[^.;]*\b(?:so\s+that|such\s+that|to\s+make)\b"
    r"|^[^若如假]*?(?:选取|选择|取|选)(?!决|值|项)[^。；，,]{0,12}?使(?:得)?")
"""A choice the text makes for what follows: a plain one, at the start of its sentence or by "we" ("Choose the
temperature so that …", "We pick $a$ such that …", "β is chosen so that …") — not "If we choose …", "Choosing …
makes …", "A common trick is to fix …"."""
_QUALIFIED_AFTER = re.compile(r"(?i);|\b(?:but|however|though|although|otherwise|other|unless|except|would|could|"
                              r"might)\b|但|然而|否则|其他|其它")
"""Words after a choice in its sentence that qualify it ("…; we keep $\beta$ free", "… , other choices give …")."""


_SET_TO_ZERO_BEFORE = re.compile(r"(?i)\b(?:setting|set|equating|equate)\s+(?:this|it|these|them|that|both|each|"
                                 r"the\s+(?:\w+\s+){0,2}(?:derivatives?|gradients?|partials?|expressions?|scores?))\s+"
                                 r"(?:equal\s+)?to\s+(?:zero|0)\b|\bsolving\s+(?:this|it|these|them|for)\b|"
                                 r"令[^。；]*(?:为零|等于零|为\s*0)")
"""Words before an inline relation that make it the root of what they set to zero ("setting this to zero gives")."""


def _written_before(lines: list[str], rel: Relation, name: sp.Basic) -> bool:
    """Whether math before ``line`` writes ``name`` (a family by its letter: ``$p$``, ``$p_k$``) — "设 $p$ 是一个分布。
    对均匀分布 $p_i = 1/n$": p is the text's already, the uniform one a case of it."""
    base = name.base.label if isinstance(name, sp.Indexed) else name
    letter = re.escape(sp.sstr(base))
    pattern = re.compile(rf"\$[^$]*(?<![A-Za-z])\\?{letter}(?![A-Za-z])[^$]*\$")
    own = lines[rel.line - 1][:max(0, column_on_line(lines[rel.line - 1], rel))] if 1 <= rel.line <= len(lines) else ""
    return any(pattern.search(text) for text in [*lines[:max(0, rel.line - 1)], own])


_ROW_NAMES = re.compile(r"(?<![A-Za-z\\])(\\?[A-Za-z](?:[A-Za-z]*(?<=\\[A-Za-z]))?(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?)")
_COMBINATION = re.compile(r"\s*-?\s*(?:\d+(?:\.\d+)?\s*(?:\\cdot\s*)?)?\\?[A-Za-z]+(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?"
                          r"(?:\s*[-+]\s*(?:\d+(?:\.\d+)?\s*(?:\\cdot\s*)?)?\\?[A-Za-z]+(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?)+\s*")
_LINEAR_SIDE = re.compile(r"\s*-?\s*(?:(?:\d+(?:\.\d+)?\s*(?:\\cdot\s*)?)?\\?[A-Za-z]+(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?|\d+(?:\.\d+)?)"
                          r"(?:\s*[-+]\s*(?:(?:\d+(?:\.\d+)?\s*(?:\\cdot\s*)?)?\\?[A-Za-z]+(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?"
                          r"|\d+(?:\.\d+)?))*\s*[.,]?\s*")
"""A side of a linear row: multiples of names and numbers added (``2x + 1``, ``-x + 4``, ``y``)."""
_NUMBER_SIDE = re.compile(r"\s*-?\s*\d+(?:\.\d+)?\s*[.,]?\s*")
"""A system written the textbook way: rows that add multiples of names (``x - y``, ``2a + 3b``) to equal a number."""
_ROW_NAME = re.compile(r"\s*(\\?[A-Za-z]+(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?)\s*")


def moment_instances(expr: sp.Basic, definitions: list[Definition], origins: dict[sp.Symbol, sp.Basic]) -> sp.Basic:
    """``expr`` with each expectation that is an instance of one the text defined at a written form in its own
    names (``$$\\mathbb{E}[X^k] = \\frac{Γ(α + k)}{Γ(α) β^k}$$``, then ``\\mathbb{E}[X^2]``: k = 2) written as that
    definition's value there.  The own names are the form's names its value uses (k); a name the text defines
    is no own name (``k := 3`` earlier: E[X^k] is E[X^3])."""
    calls = [a for a in expr.atoms(sp.core.function.AppliedUndef) if is_probability(a)]
    if not calls:
        return expr
    defined = {target_name(d.target) for d in definitions}
    latest: dict[sp.Basic, Definition] = {}
    for d in definitions:
        origin = origins.get(d.target) if isinstance(d.target, sp.Symbol) else None
        if origin is not None and not origin.free_symbols & d.expr.free_symbols & {
                sp.Symbol(n) for n in defined if n} and patterned(Definition(origin, d.expr, d.step)):
            latest[origin] = Definition(origin, d.expr, d.step)
    if not latest:
        return expr
    found = {}
    for call in calls:
        for d in reversed(latest.values()):
            values = pattern_values(d, call) if call != d.target else None
            if values and any(v != x for x, v in values.items()):
                found[call] = substitute_free(d.expr, values)
                break
    return expr.xreplace(found) if found else expr


def _linear_in(expr: sp.Basic, names: list[str]) -> bool:
    """Whether ``expr`` is linear in the names of a system (``V_A - 1 - 0.9 V_B``), not a conversion between them
    (``D - 2J/(1 + J)``: two rows that invert each other are no system to solve)."""
    symbols = [x for x in expr.free_symbols if isinstance(x, sp.Symbol) and x.name in {n.replace("\\", "") for n in names}
               | {re.sub(r"[{}\\]", "", n) for n in names}]
    try:
        return bool(symbols) and all(sp.diff(expr, x, 2) == 0 and not sp.diff(expr, x).free_symbols & set(symbols)
                                     for x in symbols)
    except Exception:  # noqa: BLE001 — not differentiable as read: no system
        return False


def _consistent(*bounds: sp.Basic) -> bool:
    """Whether bounds on one name can hold together (A < 0 and A > 0 cannot); True when that is not decided."""
    try:
        meet = sp.Interval(-sp.oo, sp.oo)
        for b in bounds:
            meet = meet.intersect(b.as_set())
        return meet is not sp.EmptySet
    except Exception:  # noqa: BLE001 — not a bound SymPy reads as a set: taken together, as before
        return True


def _converted(lhs: sp.Basic, rhs: sp.Basic, definitions: list[Definition]) -> bool:
    """Whether two sides, the definitions unfolded, are numbers a conversion factor apart (``CONVERSIONS``)."""
    def value(side: sp.Basic) -> float | None:
        try:
            v = complex(sp.N(unfold(side, definitions), 15))
        except (TypeError, ValueError, ZeroDivisionError):
            return None
        return v.real if v == v and abs(v.imag) < 1e-12 and v.real != 0 else None
    a, b = attempt(Deadline.after(0.5), lambda: (value(lhs), value(rhs)), (None, None))
    factors = _CONVERSION_FACTORS if 1 in (a, b) else CONVERSIONS     # (two factors in a row, or a power of ten,
    return a is not None and b is not None and any(abs(a * f / b - 1) < 0.005 or abs(b * f / a - 1) < 0.005   # only
                                                   for f in factors)   # where one unit is converted: "1 week = 168")
    # (within the rounding of 3 digits: 1 year ≈ 3.15e7 s; not 5.88e22 FLOPs off by 10 from 5.88e23)


_CONVERSION_FACTORS = sorted({f * g for f in (1, *CONVERSIONS) for g in (1, *CONVERSIONS)}
                             | {10 ** k for k in range(1, 13)} | {2 ** (10 * k) for k in range(1, 5)})
"""A conversion factor or two in a row (hours in a week, 24 · 7; seconds in a year, 365 · 86400; cm in a km, 10^5;
bytes in a GiB, 2^30)."""


def _root_checked(lines: list[str], rel: Relation, found: list[Relation], k: int, lhs: sp.Basic, rhs: sp.Basic,
                  context, definitions: list[Definition]) -> tuple[sp.Basic, sp.Basic] | None:
    """A value the words say solves what they set to zero ("so $f'(\\theta) = 2\\theta - 6$. Setting this to zero
    gives $\\theta = 2$"), read as the claim that the expression vanishes there (2·2 − 6 = 0) — where it does not:
    a wrong root is no value to go on from.  None when it is a root, or the words or the expression are not plain
    (the relation just before, on this line or the one above, of that one name alone)."""
    from ..latex import parse_tex
    said = _SET_TO_ZERO_BEFORE.search(_sentence_before(lines, rel))
    if said is None or not re.search(r"(?i)\b(?:this|it|that)\b", said.group(0)) or k == 0 \
            or not isinstance(lhs, sp.Symbol) or not rhs.is_number or found[k - 1].op != "==" \
            or not rel.line - 1 <= found[k - 1].line <= rel.line:
        return None
    try:
        before = unfold(parse_tex(found[k - 1].rhs, context), definitions)
        written = parse_tex(found[k - 1].lhs, context)
        candidates = [unfold(e, definitions).doit() for e in (written, *(d.expr for d in written.atoms(sp.Derivative)))]
    except Exception:  # noqa: BLE001 — not read: no check of the root
        return None
    if {x.name for x in before.free_symbols} != {lhs.name}:
        return None

    def vanishes(e: sp.Basic) -> bool | None:
        if {x.name for x in e.free_symbols} != {lhs.name}:
            return None
        value = attempt(Deadline.after(0.5), lambda: sp.nsimplify(sp.simplify(e.xreplace({x: rhs for x in e.free_symbols}))),
                        None)
        return None if value is None or not value.is_number or not value.is_comparable else value == 0
    derivatives = [attempt(Deadline.after(0.5), lambda e=e: sp.diff(e, next(iter(e.free_symbols))), None)
                   for e in (before, *candidates) if len(e.free_symbols) == 1]
    if vanishes(before) is not False or any(vanishes(e) for e in (*candidates, *(d for d in derivatives if d is not None))):
        return None         # (a root of it, of what it is the derivative of, or of its derivative — "Differentiating
        #                     and setting it to zero": "it" may be any of them)
    return before.xreplace({x: rhs for x in before.free_symbols}), sp.Integer(0)


_GENERATING = re.compile(r"(?i)\b(?:moment|cumulant|probability)[- ]generating\s+functions?\b|\bm\.?g\.?f\b|"
                         r"\bcharacteristic\s+functions?\b|矩母函数|生成函数|特征函数")
"""Words naming a generating function: "For $t < \\lambda$ its moment generating function is $$M_X(t) = …$$" — the
range is where it converges, its domain, not one case of a definition by cases."""


def _tails_used(definitions: list[Definition], expr: sp.Basic, out: list[Reading]) -> list[tuple[str, int]]:
    """The tail probabilities (``_TAIL_PROBABILITY``) the text gave a formula that ``expr`` uses (the same event's
    variable: P(|X - μ| > 3σ) of P(|X - μ| > t) := …, not P(Z ≤ 0)), each with the line of that formula: steps the
    text derives (or misderives), which softsym does not check."""
    def event(name: str) -> tuple[str, str]:        # "P(_>_)(Abs(X - mu), t)" → ("P(_>_)", "Abs(X - mu)")
        head, _, args = name.partition(")(")
        depth, cut = 0, len(args)
        for i, c in enumerate(args):
            depth += {"(": 1, ")": -1}.get(c, 0)
            if c == "," and depth == 0:
                cut = i
                break
        return head + ")", args[:cut].strip()
    called = {(f.func.__name__, sp.sstr(f.args[0])) for f in expr.atoms(sp.core.function.AppliedUndef) if f.args} | {
        event(x.name) for x in expr.free_symbols if isinstance(x, sp.Symbol) and ")(" in x.name}
    used = [sp.sstr(d.target) for d in definitions if _TAIL_PROBABILITY.match(sp.sstr(d.target))
            and event(sp.sstr(d.target)) in called]
    return [(name, next((r.relation.line for r in reversed(out) if r.verdict == "definition"
                         and r.message.startswith(f"{name} :=")), 0)) for name in sorted(used)]


_TAIL_PROBABILITY = re.compile(r"^(?:P|Pr|P_bb)\([^()]*[<>][^()]*\)\(")
"""A probability of an event an inequality states (``P(|X - μ| > t)``, ``P(T ≤ 1)``): a tail or a distribution
function, which the text derives from its distribution — given a formula, a step of its own, not a model."""


_ENTRY_AT_A_NUMBER = re.compile(r"\s*\\?[A-Za-z]+\s*_\s*(?:\{\s*\d+\s*\}|\d)\s*(?:\^\s*(?:\{\s*\d\s*\}|\d))?\s*&?\s*")
"""An entry at a written number, perhaps squared (``s_4^2``, ``\\mu_{3}``): one example's value of a family."""


_CONNECTIVE_ONLY = re.compile(r"(?i)\s*(?:(?:and|also|and\s+also|as\s+well\s+as|while|whereas|plus|together\s+with|"
                              r"as\s+well|---|--|—|–|;|,|与|且|并且|以及|和)\s*[,:;]?\s*)*")
"""Words between two displays that only join them ("$$a + b = 5,$$ and $$b < a,$$"): the second goes on as the first."""


_SYSTEM_CHANGED = re.compile(r"(?i)\b(?:now|instead|suppose|assume|rais\w*|lower\w*|increas\w*|decreas\w*|doubl\w*|"
                             r"halv\w*|chang\w*|replac\w*|modif\w*|new)\b|现在|改为|假设|如果")
"""Words after a system of equations that change it ("Now raise the reward of $A$ to $3$"): it no longer holds."""


_ASSIGNMENTS = re.compile(r"(?i)\b(?:assign\w*|updates?|updated|loop|iterat\w*|in\s+(?:this\s+)?order|sequentially|"
                          r"one\s+after\s+(?:the\s+)?other|pseudo-?code|algorithm|runs?|executes?|performs?|sweeps?|"
                          r"replac\w*|jacobi|gauss-?seidel|previous|old\s+values)\b|赋值|更新|循环|迭代|依次")
"""Words before rows that make them assignments done in order (a loop's updates), not equations solved together."""


def _top_level_items(tex: str) -> list[str] | None:
    """The comma-separated items of ``(a, b)`` or ``[a, b]`` (``\\left(`` … ``\\right)`` too), or None."""
    m = re.fullmatch(r"\s*(?:\\left\s*)?(?P<open>[(\[])(?P<body>.*)(?:\\right\s*)?[)\]]\s*", tex, re.S)
    if m is None:
        return None
    items, depth, current = [], 0, ""
    for ch in m.group("body"):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth < 0:
                return None
        if ch == "," and depth == 0:
            items.append(current)
            current = ""
        else:
            current += ch
    items.append(current)
    return [i.strip() for i in items] if depth == 0 and len(items) >= 2 and all(i.strip() for i in items) else None


def _tuple_pins(rel: Relation, parse, pinned=dict) -> list[sp.Basic] | None:
    """``(a, b) = (1, 2)``: the values a tuple of plain names is given, one equation each (None unless every
    left item is a name or an entry and every right item a number, as many) — a number once the values the
    text gave its names are put in (``[q_{\\min}, q_{\\max}] = [0, 2^b - 1]`` with $b = 8$: ``pinned()``)."""
    left, right = _top_level_items(rel.lhs), _top_level_items(rel.rhs)
    if left is None or right is None or len(left) != len(right):
        return None
    try:
        names, values = [parse(t) for t in left], [parse(t) for t in right]
    except Exception:  # noqa: BLE001 - an item not read: no values
        return None
    if any(v.free_symbols for v in values):
        known = pinned()
        values = [v.xreplace(known) if v.free_symbols <= set(known) else v for v in values]
    if not all(isinstance(n, (sp.Symbol, sp.Indexed)) for n in names) or len(set(names)) != len(names) \
            or not all(v.is_number and v.is_real for v in values):
        return None
    return [sp.Eq(n, v) for n, v in zip(names, values)]


def _finitely_many_roots(c: sp.Basic) -> bool:
    """Whether an equation in one plain name leaves it a few real numbers (x² − 5x + 6 = 0, log x = 0)."""
    names = [x for x in c.free_symbols if isinstance(x, sp.Symbol)]
    if len(names) != 1 or c.atoms(sp.Indexed, sp.core.function.AppliedUndef):
        return False
    try:
        values = attempt(Deadline.after(0.5), lambda: sp.solve(c, names[0]), None)
    except Exception:  # noqa: BLE001 — not solved: not read
        return False
    return values is not None and 0 < len(values) <= 4 and all(v.is_number for v in values)


def _off_its_roots(c: sp.Basic, name: sp.Symbol, value: sp.Basic) -> bool:
    """Whether ``value`` fails the equation ``c`` in ``name`` ("Let $x$ be a root of $x^2 - 5x + 6 = 0$. Then
    $x = 4$": not one of its roots — a claim about the root, checked, not a value the text chose among them)."""
    try:
        return c.xreplace({name: value}) == sp.false
    except (TypeError, ValueError):
        return False


def _one_value(c: sp.Basic, name: sp.Symbol) -> sp.Basic | None:
    """The one real value an equation in ``name`` alone leaves it (3x = 12: 4), or None (x² = 4: two values)."""
    try:
        values = attempt(Deadline.after(0.5), lambda: sp.solve(c, name), None)
    except Exception:  # noqa: BLE001 — not solved: no value
        return None
    real = [v for v in values or () if v.is_number and v.is_real]
    return real[0] if values is not None and len(values) == 1 and len(real) == 1 else None


def _settled_by_system(lhs: sp.Basic, rhs: sp.Basic, equations: list[sp.Basic]) -> bool:
    """Whether every name of ``lhs`` and ``rhs`` has the one value the system of ``equations`` leaves it."""
    names = sp.Tuple(lhs, rhs).free_symbols
    return bool(equations) and bool(names) and not sp.Tuple(lhs, rhs).atoms(sp.Indexed, sp.core.function.AppliedUndef) \
        and all(isinstance(x, sp.Symbol) and solved_system(x, equations) is not None for x in names)


def solved_system(name: sp.Symbol, equations: list[sp.Basic]) -> sp.Basic | None:
    """The one value a linear system of equations leaves ``name`` (the equations connected to it through shared
    names, as many as their unknowns), or None: not linear, not determined, or a value in other names."""
    system, unknowns = [], {name}
    grown = True
    while grown:
        grown = False
        for eq in equations:
            if isinstance(eq, sp.Eq) and eq not in system and eq.free_symbols & unknowns:
                system.append(eq)
                unknowns |= eq.free_symbols
                grown = True
    if not system or len(system) != len(unknowns) or len(system) > 6:
        return None
    order = sorted(unknowns, key=sp.default_sort_key)
    try:
        matrix, vector = sp.linear_eq_to_matrix([sp.nsimplify(e.lhs - e.rhs, rational=True) for e in system], order)
    except (ValueError, TypeError, NotImplementedError):      # not linear in them (NonlinearError)
        return None
    if matrix.det() == 0:
        return None
    value = matrix.LUsolve(vector)[order.index(name)]
    return sp.nsimplify(value) if value.is_number and not value.free_symbols else None


def _systems(found: list[Relation]) -> dict[int, list[str]]:
    """The rows (index in ``found`` → the names of their system) of displays that write a system of equations:
    two or more rows ``name = …`` of distinct plain names, each right side in some of those names, and one of
    them in its own name or a later row's ("$$V_A = 1 + 0.9 V_B,\\ V_B = 0.9(0.5 V_A + 0.5 V_B)$$") — not
    definitions one after another, which only use earlier rows."""
    out: dict[int, list[str]] = {}
    by_block: dict[int, list[int]] = {}
    arrows: set[int] = set()
    for k, rel in enumerate(found):
        if rel.block is not None and (rel.op == "implies" or rel.after_arrow):
            arrows.add(id(rel.block))
        if rel.block is not None and rel.block.display and rel.op == "==" and not rel.chained:
            by_block.setdefault(id(rel.block), []).append(k)
    merged: dict[int, list[int]] = {}
    last_end, last_key = -2, None
    for block, rows in by_block.items():   # "$$x + y = 8$$\n$$x - y = 2$$": displays on lines next to each other
        start, end = found[rows[0]].block.line, found[rows[0]].block.end_line      # are one system's rows
        if last_key is not None and start == last_end + 1 and block not in arrows and last_key not in arrows:
            merged[last_key].extend(rows)
        else:
            merged[block] = list(rows)
            last_key = block
        last_end = end
    by_block = merged
    for block, rows in by_block.items():
        if block in arrows:
            continue                    # ("$\eta = \log\frac{\phi}{1-\phi} \Rightarrow \phi = …$": an implication)
        combined = [_ROW_NAMES.findall(found[k].lhs) for k in rows
                    if _COMBINATION.fullmatch(found[k].lhs) and _NUMBER_SIDE.fullmatch(found[k].rhs)]
        spoken = {re.sub(r"\s+|[{}]", "", n) for row in combined for n in row}
        if len(combined) == len(rows) >= 2 and len(spoken) == len(rows) and any(len(row) > 1 for row in combined):
            names = sorted(spoken)
            out.update({k: names for k in rows})   # "$$x + y = 10, \qquad x - y = 2$$": a system (one list, shared)
            continue
        sides = [(found[k].lhs, found[k].rhs) for k in rows]
        if len(rows) >= 2 and all(_LINEAR_SIDE.fullmatch(side) for pair in sides for side in pair):
            per_row = [{re.sub(r"\s+|[{}]", "", n) for side in pair for n in _ROW_NAMES.findall(side)} for pair in sides]
            every = set().union(*per_row)
            if len(every) == len(rows) and all(sum(name in row for row in per_row) >= 2 for name in every):
                names = sorted(every)
                out.update({k: names for k in rows})   # "$$y = 2x + 1, \qquad x + y = 4$$": each name in two
                continue                                        # rows or more (not "a = 2, b = a + 1", definitions)
        named = [(k, _ROW_NAME.fullmatch(found[k].lhs)) for k in rows]
        named = [(k, re.sub(r"\s+|[{}]", "", m.group(1))) for k, m in named if m is not None]
        names = [n for _, n in named]
        if len(named) < 2 or len(set(names)) != len(names):
            continue

        def mentions(k: int) -> set[str]:
            tex = re.sub(r"\s+|[{}]", "", found[k].rhs)
            return {n for n in names if re.search(rf"(?<![A-Za-z\\]){re.escape(n)}(?![A-Za-z0-9_])", tex)}
        used = {k: mentions(k) for k, _ in named}
        if not all(used.values()):
            continue
        if any(names[j] in used[k] for i, (k, _) in enumerate(named) for j in range(i, len(named))):
            out.update({k: names for k, _ in named})
    return out


def _derivable_name(expr: sp.Basic) -> str | None:
    """The name a derived value is kept under: ``alpha``, ``p[i]`` (an entry at a free index), ``sigma**2``."""
    if isinstance(expr, sp.Symbol) and not expr.is_integer:
        return expr.name
    if isinstance(expr, sp.Indexed) and len(expr.indices) == 1 and isinstance(expr.indices[0], sp.Symbol):
        return sp.sstr(expr)
    if isinstance(expr, sp.Pow) and expr.exp == 2 and isinstance(expr.base, sp.Symbol):
        return f"{expr.base.name}**2"
    return None


def _derived_here(derived: list, rel: Relation, k: int, lhs: sp.Basic, rhs: sp.Basic, definitions: list,
                  sections: dict[int, int]) -> tuple[tuple[str, sp.Basic, int], ...]:
    """The values the text derived for names before ``rel`` in its section ((name, value, line)), the
    definitions unfolded into them: not for a relation that restates the name itself (its own side) or
    differentiates by it (it speaks of it in general)."""
    varied = {v for d in sp.Tuple(lhs, rhs).atoms(sp.Derivative) for v in d.variables}
    kept = []
    for line, at, name, value in derived:
        key = _derivable_name(name)
        base = name.base if isinstance(name, sp.Pow) else name
        if at >= k or key is None or not same_section(sections, line, rel.line) or name in (lhs, rhs) \
                or base in (lhs, rhs) or base in varied or any(isinstance(v, sp.Indexed) and isinstance(base, sp.Indexed)
                                                           and v.base == base.base for v in varied):
            continue
        kept.append((key, value, line))
    out = []
    for key, value, line in kept[-6:]:              # (the six nearest, unfolded only once chosen)
        unfolded = attempt(Deadline.after(0.5), lambda value=value: unfold(value, definitions), None)
        if unfolded is not None:
            out.append((key, unfolded, line))
    return tuple(out)


_EVERY_ENTRY = re.compile(r"(?i)\buniform(?:ly)?\b|\b(?:every|all|each)\s+(?:of\s+the\s+|the\s+)?(?:\$|entr(?:y|ies)|"
                          r"components?|coordinates?|elements?|class(?:es)?\b|outcomes?|ind(?:ex|ices)|weights?|"
                          r"probabilit|logits?|states?\b(?!\s+(?:that|which|where|in\s+the|of\s+the)\b))|"
                          r"\b(?:all|are)\s+(?:equal|the\s+same|identical)\b|\b(?:equal|identical|constant)\s+(?:entries|weights|"
                          r"probabilities|logits|components)\b|均匀|所有(?:的)?(?:分量|元素|类别|概率|状态)|每个(?:分量|元素|类别|状态)|都相等|全部相同")
"""Words that give every entry of a family a value ("the uniform distribution $p_i = 1/n$", "all logits equal")."""
_RESTRICTED_AFTER = re.compile(r"(?i)\s*(?:of\s+\$[^$]*\$\s*)?(?:\$[^$]*\$\s*)?(?:that|which|where|whose|with|when|"
                               r"in\s+(?:the\s+)?(?:set|class|subset|group|region)|on\s+(?:the|which|an?)|at\s+(?:the|an?)|"
                               r"outside|inside|except|other\s+than|among|belonging|lying)\b"
                               r"|\s*\$[^$]*\\(?:in|notin|ne|neq|le|leq|ge|geq|lt|gt)(?![A-Za-z])(?!\s*(?:\\\{\s*1|\[\s*[A-Za-z]\s*\]|"
                               r"\\{\s*0))[^$]*\$|\s*\$[^$]*[<>][^$]*\$")
"""A restriction right after words that name every entry: "every state $i$ that is absorbing", "all $i \\in A$",
"each $k > 1$" — some entries only (a full range, "$i \\in \\{1, \\dots, n\\}$", is every entry)."""


def every_entry_said(line: str) -> bool:
    """Whether the words of ``line`` give every entry of a family its value, with no restriction to some of them."""
    return any(not _RESTRICTED_AFTER.match(line[m.end() - m.group().endswith("$"):]) for m in _EVERY_ENTRY.finditer(line))
_VALUE_MEANS = re.compile(r"(?i)\s*(?:(?:means|indicates|denotes|signals|encodes|marks|stands\s+for|corresponds\s+to|"
                          r"represents)\b|(?:表示|意味着|代表|对应))")
"""Words right after a value of a name that say what the value means ("$y = 1$ means a positive example")."""


def _rest_of_sentence(lines: list[str], rel: Relation, column: int) -> str:
    """The words after the inline math at ``column`` on its line, to the end of the sentence."""
    if not 1 <= rel.line <= len(lines) or column < 0:
        return ""
    line = lines[rel.line - 1]
    close = line.find("$", column + 1) if line[column:column + 1] == "$" else line.find("$", column)
    rest = blank_inline_math(line[close + 1:]) if close >= 0 else ""
    return re.split(r"[.!?。！？](?=\s|$)", rest, maxsplit=1)[0]


_FORMULA_FOR = re.compile(r"\$\s*\\?[A-Za-z]+\s*\(\s*(?P<args>[^()$]*)\)\s*(?::=|=)[^$]*\$\s*,?\s*(?:for|当|对于)\s*$")


def _domain_of_function(before: str, name: str) -> bool:
    """Whether a listing of ``name``'s values right after a function's formula is its domain ("$f(x; p) =
    p^x (1-p)^{1-x}$ for $x \\in \\{0, 1\\}$"): where the function is read, not one case of a claim."""
    m = _FORMULA_FOR.search(before)
    return m is not None and name in {a.strip() for a in re.split(r"[,;|]", m.group("args"))}


def _as_case(lines: list[str], line: int, column: int) -> bool:
    """Whether the inline math at (``line``, ``column``) is written as a case ("for $…$", "if $…$",
    "当 $…$", "在 $…$ 时"), not as a fact the sentence states ("with equality iff $p = q$")."""
    if not 1 <= line <= len(lines) or column < 0:
        return False
    text = lines[line - 1]
    before = re.sub(r"\$[^$]*\$", " ", text[:column]).rstrip().rstrip("$")
    after = text[column:].split("$", 2)[-1] if text[column:].startswith("$") else text[column:]
    return bool(re.search(r"(?i)(?:\b(?:for|if|when|whenever|in\s+the\s+case|assuming|provided|given|only|unless|while)"
                          r"(?:\s+(?:all|every|each|any|the|a|an|that|some)\b)?(?:\s+[A-Za-z]+){0,2}|当|若|如果|在|对于)\s*$",
                          before)) \
        or bool(re.match(r"\s*(?:时|的时候)", after))


_CASE_WORD_BEFORE = re.compile(r"(?i)(?:\b(?:for|if|when|whenever|in\s+the\s+case(?:\s+of)?|with|taking|setting|putting|"
                               r"plugging\s+in|substituting|for\s+(?:example|instance),?|e\.g\.,?)|当|若|如果|对于|取|令|例如|比如)\s*$")


def _case_into_display(lines: list[str], line: int, column: int, rel: Relation, blocks) -> bool:
    """Whether the inline math at (``line``, ``column``) is a case ("For $K = 2$,", "If $x = 0$ we get",
    "当 $K=2$ 时，") whose sentence runs on into the display holding ``rel`` (into the first display of its run):
    the display states what holds in that case, and is checked there only."""
    if not rel.display or not 1 <= line <= rel.line <= len(lines) or column < 0:
        return False
    text = lines[line - 1]
    opened = _math_start(text, column)
    close = text.find("$", column)
    if opened < 0 or close < 0 or not _CASE_WORD_BEFORE.search(re.sub(r"\$[^$]*\$", " ", text[:opened])):
        return False
    block = next((b for b in blocks if b.display and b.line <= rel.line <= b.end_line), None)
    if block is None or block.line < line:
        return False
    first = run_start(block, blocks, lines)
    if first.line < line:
        return False
    joined = block
    while joined is not first:          # each display of the run joined to the one before by a restatement
        before = max((b for b in blocks if b.display and b.end_line < joined.line), key=lambda b: b.end_line)
        between = "\n".join(lines[before.end_line:joined.line - 1])
        if re.search(r"\n\s*\n|^\s*$", between) and not re.search(r"\w", between):
            return False                # "$$A$$ (blank line) $$B$$": a display of its own, not the case's
        joined = before
    if widened_after(lines, block):
        return False                    # "$$(a + b)^n = a^n + b^n$$ which is the freshman's rule, valid for every n"
    words = "\n".join([text[close + 1:], *lines[line:first.line - 1]]) if first.line > line else text[close + 1:]
    if first.line > line:
        opening = lines[first.line - 1]
        words += "\n" + opening[:_display_opening(opening)]
    else:
        words = words[:_display_opening(words)]
    if "$" in words:
        return False                    # "For $T = 1$, $T \to 0$ gives $$…$$": more math between the case and it
    words = re.sub(r"^\s*(?:时|的时候)", " ", words)
    return bool(_INTO_DISPLAY.fullmatch(words))


_INTO_DISPLAY = re.compile(r"(?i)[\s,:：，]*(?:(?:then|we\s+(?:have|get|obtain|find)|one\s+(?:has|gets|finds)|this\s+gives|"
                           r"it\s+(?:reads|becomes|gives)|(?:the\s+)?(?:formula|expression|softmax|loss|result|"
                           r"gradient|derivative|identity)\s+(?:reads|becomes|is|gives|simplifies\s+to)|"
                           r"(?:we\s+)?(?:get|have|gives?|becomes?|reads?)|有|则|得到|我们有|可得)[\s,:：，]*)?")
"""The words that may stand between a case and the display it leads into ("For $K = 2$,", "If $x = 0$ we
have", "当 $K = 2$ 时，"): none but a lead-in — not "… is the usual linearity, while …", "but after one step …",
"which is a special case of the familiar formula": the display is then no longer the case's."""


def _display_opening(text: str) -> int:
    """Where the first display math opening on ``text`` starts (its length: none)."""
    opening = re.search(r"\$\$|\\\[|\\begin\s*\{", text)
    return opening.start() if opening else len(text)


def _supposed_choice(lines: list[str], line: int, column: int) -> bool:
    """Whether the inline math at (``line``, ``column``) is a choice its own sentence argues from: "take
    $v = c$, then …", "取 $v_{jd} = c_d$ …，则 …" (still a definition: the doubt is on later paragraphs)."""
    if not 1 <= line <= len(lines) or column < 0:
        return False
    text = lines[line - 1]
    before = re.split(r"[.;!?。；！？]", re.sub(r"\$[^$]*\$", " ", text[:column]).rstrip().rstrip("$"))[-1]
    after = re.split(r"(?<=[.;!?])\s|[。；！？]", text[column:].split("$", 1)[-1])[0]
    return bool(re.search(r"(?i)(?:\b(?:take|taking|choose|choosing|pick|picking|suppose|consider)\b|取|选取|选|考虑|假如)\s*$",
                          before)) and bool(re.search(r"(?i)\b(?:then|so\s+that|hence|which\s+gives)\b|则|那么|于是|便",
                                                      re.sub(r"\$[^$]*\$", " ", after)))


_CASE_LINE = re.compile(r"(?i)\s*(?:[-*>]\s*)?(?:for|if|when|whenever|in\s+the\s+case|当|若|如果|对于|在)\b")
"""A line that opens with a case word ("When $x$ is negative,"): the condition read from its words is a case."""
_QUANTIFIED_BOUND = re.compile(r"(?i)(?:\bfor\s+(?:all|every|any|each)(?:\s+(?:real|positive|negative|nonnegative|"
                               r"non-negative|natural))?(?:\s+(?:integers?|numbers?|reals?|values?))?"
                               r"|对任意|对所有|对于任意|对于所有)\s*\$(?P<math>[^$]+)\$")


_QUANTIFIED_THEN_BOUND = re.compile(
    r"(?i)(?:\bfor\s+(?:all|every|any|each)(?:\s+real)?(?:\s+(?:numbers?|values?))?|对任意|对所有|对于任意|对于所有)(?:实数)?\s*"
    r"\$(?P<names>[^$<>=]+)\$\s*,?\s*(?:with|such\s+that|satisfying|provided(?:\s+that)?|where|for\s+which|且|满足|使得)\s*"
    r"\$(?P<bound>[^$]+(?:[<>]|\\[lg]eq?(?![A-Za-z]))[^$]+)\$")
"""A quantifier that goes on to bound its names: "for every real $x$ with $x > 0$" (the claim is made
on that range, as with "for every $x > 0$")."""


_IFF_AFTER = re.compile(r"(?i)\s*,?\s*(?:if\s+and\s+only\s+if|iff|exactly\s+when|precisely\s+when|only\s+when|only\s+if)\b|"
                        r"\s*[,，]?\s*当且仅当")
"""Words after an inline equation that make it one side of an equivalence ("with $D(p, q) = 0$ if and
only if $p = q$"): not the definition of D, nor a value it has."""


def _column_on_line(lines: list[str], rel: Relation, repeats: dict[int, int] | None = None) -> int:
    """Where a relation's math starts on its line (a definition in words before a display on the same
    line comes first: "Now $K$ is shorthand for $c + 1$. Therefore $$K \\ge 0.$$"); 0 when unknown.
    ``repeats``: how many blocks of the same text its block follows on the line (the second
    "$\\tanh(x) = \\tanh(0.5)$" of a line starts at the second one)."""
    if rel.block is None or not 1 <= rel.line <= len(lines) or rel.block.line != rel.line:
        return 0
    text = rel.block.tex.strip()
    if not text:
        return 0
    before = (repeats or {}).get(id(rel.block), 0)
    pattern = re.compile(r"(?<!\$)\$\s*" + re.escape(text) + r"\s*\$")
    wholes = [] if rel.block.display else list(pattern.finditer(lines[rel.line - 1]))
    if len(wholes) > before:        # "$r'(t) = 2t$ … $r'(t) = 2$": the inline math that is all of it, not a prefix
        return wholes[before].start()
    at = -1
    for _ in range(before + 1):
        at = lines[rel.line - 1].find(text[:40], at + 1)
    return max(at, 0)


def _leads_into(lines: list[str], start: int) -> int:
    """The line that leads into a display starting at line ``start`` across a blank line: the last
    line of text before it when that line ends in no stop ("… the logit gap is"), else 0."""
    before = start - 1
    while before >= 1 and not lines[before - 1].strip():
        before -= 1
    if before < 1 or before == start - 1:
        return 0
    text = lines[before - 1].strip()
    return 0 if re.search(r"[.!?。！？]\s*$|^#|\$\$\s*$|\\\]\s*$", text) else before


_THEN_BEFORE = re.compile(r"(?i)(?:^|[.;:!?]\s+|,\s*)(?:and\s+)?(?:then|hence|therefore|thus|so|consequently|"
                         r"it\s+follows\s+that|this\s+(?:gives|shows|means)|which\s+(?:gives|shows|means)|we\s+(?:get|"
                         r"obtain|find|have)|one\s+(?:gets|finds|has))(?:\s+that)?\s*,?\s*$|(?:因此|所以|于是|从而|故|则)\s*[，,]?\s*$")
"""Words right before inline math that make it derived ("Then $Φ(a) = …$", "Hence $…$", "因此 $…$")."""


_INDEX_LETTERS = frozenset("ijklmst")
"""Letters that index entries (z_i, δ_ij): a family at one of them is data, not a sequence of a number (H_n)."""
_CHOICES = re.compile(r"(?i)\b(?:choices?|options?|alternatives?|ways|approaches|methods|candidates|either|variants?|"
                      r"possibilities|conventions?|(?:may|can|could|might)\s+(?:\w+\s+){1,6}?(?:the\s+)?\w+\s+or)\b|"
                      r"两种|几种|选择|方案|可以\S*或")
"""The words that introduce a list as alternatives ("Two natural choices:", "we may match the slope or the
variance:"): only then do its items give a name different values that are not compared."""
_STEPS = re.compile(r"(?i)\b(?:steps?|parts?|stages?|procedure|algorithm|proof|derivation|computation|in\s+turn|"
                    r"one\s+after|then)\b|步骤|分步|依次")
"""The words that introduce a list as the steps of one computation ("The computation has two parts:")."""
_STEP_OPENING = re.compile(r"(?i)\s*(?:\*\*[^*]*\*\*\s*)?(?:and\s+)?(?:therefore|hence|thus|so|then|consequently|"
                           r"it\s+follows|finally|因此|所以|于是|从而|故|则)(?![A-Za-z])")
"""An item that opens with a consequence ("3. Therefore $λ = …$"): a step from the items before it."""


def _alternative_items(lines: list[str], first: int, second: int, column: int) -> bool:
    """Whether lines ``first`` < ``second`` give a name its values in items of a list the words call alternatives
    ("Two natural choices: 1. … gives $λ = \\sqrt{π/8}$ 2. … gives $λ = \\sqrt3/π$"), or in sub-items of two items
    of such a list — not an item that opens with "Therefore" (a step), nor the items of a list of steps."""
    outer = 0 if sibling_items(lines, first, second) else outer_sibling_items(lines, first, second)
    if not outer and not sibling_items(lines, first, second):
        return False
    lead = re.sub(r"\$[^$]*\$", " ", list_lead_in(lines, outer or second))
    if not _CHOICES.search(lead) or _STEPS.search(lead):
        return False
    return bool(outer) or not _STEP_OPENING.match(re.sub(r"\$[^$]*\$", " x ", item_opening(lines, second, column)))
_MODEL_SWITCH = re.compile(r"(?i)\b(?:switch\w*|instead|replac\w*|another|alternative\w*|different|new|now|"
                           r"consider|suppose|model|try|themselves|itself)\b|换成|改为|另一|新的")
"""Words of a paragraph that leave the model a function was defined in ("Now switch to the Laplace model. Then
$f(a) = |a|$."): a formula written after them may be the new model's, not a restatement."""
_ANOTHER_FAMILY = re.compile(r"(?i)\b(?:for|in|with|under)\s+(?:the|a|an)\s+(?!(?:same|above|previous|former|earlier|"
                                r"original|current|present)\b)(?:[\w-]+\s+){1,2}(?:family|model|distribution|likelihood|loss|"
                                r"prior|case|variant|setting)\b(?!\s+(?:above|again|before|as\s+before))|对于\S{1,8}(?:分布|模型|族)")
"""Words after a definition that name another model ("For the Poisson family the natural parameter is …"): a
formula after them in that name is the other model's, not a restatement."""
_POSED_BEFORE = re.compile(r"(?i)(?:\b(?:the|an|this|characteristic|quadratic|polynomial)\s+equations?|\bsolves|"
                           r"\b(?:equilibrium|fixed[- ]point|stationarity)\s+(?:condition|equation)s?\s+(?:reads?|is)|"
                           r"\broots\s+of|\bsolutions?\s+of|方程)\s*[:：,]?\s*$")
_POSED_AFTER = re.compile(r"(?i)^[\s,.;:]*(?:(?:which\s+)?has\s+(?:the\s+|two\s+|a\s+|no\s+|its\s+|only\s+)*(?:roots?|"
                          r"solutions?)|with\s+(?:the\s+)?(?:roots?|solutions?)|whose\s+(?:roots?|solutions?)|"
                          r"and\s+its\s+(?:only\s+)?(?:\w+\s+)?(?:roots?|solutions?)|的(?:根|解)|有(?:两个)?(?:根|解))")


def _equation_to_solve(lines: list[str], rel: Relation, blocks) -> bool:
    """Whether the words pose the display holding ``rel`` as an equation to solve: "The equation $$x^2 = 2x$$ has the
    two roots", "… has characteristic equation $$r^2 = r + 2,$$ with roots", "方程 $$…$$ 的根为"."""
    block = next((b for b in blocks if b.display and b.line <= rel.line <= b.end_line), None)
    if block is None or not 1 <= block.line <= block.end_line <= len(lines):
        return False
    opening = lines[block.line - 1]
    before = " ".join([*lines[max(0, block.line - 3):block.line - 1], opening[:_display_opening(opening)]])
    before = _SENTENCE_END.split(before)[-1] if _SENTENCE_END.search(before) else before
    tail = lines[block.end_line - 1]
    close = max(tail.rfind("$$"), tail.rfind("\\]"), tail.rfind("\\end{"))
    after = " ".join([tail[close + 2:] if close >= 0 else "", *lines[block.end_line:block.end_line + 1]])
    after = re.sub(r"^\s*[a-z]*\*?\}", "", after)
    return bool(_POSED_BEFORE.search(blank_inline_math(before))) or bool(_POSED_AFTER.match(blank_inline_math(after)))


def _noise_in(expr: sp.Basic, text: str) -> str:
    """The name in ``expr`` the text draws at random as a noise term (``\\varepsilon_i \\sim \\mathcal{N}(0, σ^2)``,
    "$\\epsilon \\sim$"), or ""."""
    if not isinstance(expr, sp.Add):
        return ""                   # (signal + noise; not "the scaled noise $\eta = \sigma\xi$")
    for name in sorted(set().union(*(names_in(term) for term in expr.args))):
        bare = name.removesuffix("[]")
        if bare not in ("varepsilon", "epsilon", "xi", "noise"):
            continue
        if re.search(rf"\\?{bare}(?![A-Za-z])\s*(?:_\s*(?:\{{[^{{}}]*\}}|\w))?\s*(?:\\overset\{{[^{{}}]*\}}\{{)?\\sim(?![A-Za-z])",
                     text):
            return bare
    return ""


def _iterate_superscript(tex: str) -> str:
    """The superscript ``x^{k+1}`` of a relation that also writes ``x^k`` (k or t, bound by no sum or product it
    writes): the step of an iteration (``x^{k+1} = x^k - η ∇f(x^k)``), or "" when there is none."""
    for m in re.finditer(r"(\\?[A-Za-z]+)\s*\^\s*\{\s*([kt])\s*\+\s*1\s*\}", tex):
        base, counter = re.escape(m.group(1)), m.group(2)
        if re.search(rf"(?<![A-Za-z\\]){base}\s*\^\s*(?:\{{\s*{counter}\s*\}}|{counter}(?![A-Za-z]))", tex) \
                and not re.search(rf"\\(?:sum|prod)\s*_\s*\{{?\s*{counter}\b", tex):
            return m.group(0)
    return ""


def _runs_into(lines: list[str], line: int, column: int, rel: Relation) -> bool:
    """Whether the sentence of the inline math at (``line``, ``column``) runs on into ``rel`` ("σ(z) = 1/2 at
    $z = 0$", "For $K = 2$ we get $$…$$") — not "Gradient descent starts at $w = 0$. The gradient is $$…$$"."""
    if column < 0 or not 1 <= line <= rel.line <= len(lines):
        return False
    close = lines[line - 1].find("$", column)
    if rel.line == line:
        start = max(lines[line - 1].find(rel.tex.strip()[:20]), 0) if rel.tex.strip() else 0
        between = lines[line - 1][close + 1:start] if start > close else ""
        return not _SENTENCE_END.search(blank_inline_math(between)) if start > close \
            else not _SENTENCE_END.search(blank_inline_math(lines[line - 1][start:column]))
    opening = lines[rel.line - 1]
    cut = opening.find(rel.tex.strip()[:20]) if rel.tex.strip() else -1
    between = "\n".join([lines[line - 1][close + 1:], *lines[line:rel.line - 1], opening[:max(cut, 0)]])
    between = re.sub(r"\$\$|\\\[|\\begin\s*\{[^}]*\}", " ", between)
    return not _SENTENCE_END.search(blank_inline_math(between))


def _closed_value_stated(lines: list[str], rel: Relation, column: int, lhs: sp.Basic, definitions: list[Definition],
                         defined_at: dict[str, list[int]]) -> bool:
    """Whether inline ``f(2) = 7`` states a value: f's definition leaves nothing free at those numbers (no constant
    the line could fix, as "the data give $y(0) = 2$" fixes C of y(t) = C e^{kt}), the words suppose nothing ("if
    $f(2) = 7$") and no other model was named since f was defined."""
    value = attempt(Deadline.after(1.0), lambda: unfold_keeping_variables(lhs, definitions), None)
    if value is None or value.free_symbols or value.atoms(sp.Indexed, sp.core.function.AppliedUndef) \
            or _as_case(lines, rel.line, column) or supposed_cue(lines, rel) or defining_cue(lines, rel):
        return False
    clause = blank_inline_math(_raw_sentence_before(lines, rel).rstrip().rstrip("$") + " "
                               + _clause_of_inline(lines, rel))
    if _RENEWING.search(clause) or re.search(r"(?i)\b(?:set|setting|redefin\w*|stipulat\w*|assign\w*|fix\w*|"
                                             r"impos\w*|requir\w*|declar\w*|chang\w*|convention\w*|choos\w*|"
                                             r"chose\w*|defin\w*|modif\w*|patch\w*|overrid\w*|instead)\b|"
                                             r"定义|规定|设定|约定|改为|取为", clause):
        return False                # "we redefine it at one point, setting $L(0) = 10$": a stipulation
    name = target_name(lhs) or (str(lhs.func) if isinstance(lhs, sp.core.function.AppliedUndef) else "")
    since = max((n for n in defined_at.get(name, []) if n <= rel.line), default=0)
    between = blank_inline_math(" ".join(lines[max(since, 1) - 1:rel.line]))
    if since <= 0:
        return False
    domain = blank_inline_math(lines[since - 1])
    if re.search(r"(?i)\b(?:elsewhere|otherwise|extended|beyond|outside|piecewise|else|past|above|below|until|"
                 r"after|before)\b|其余|其他|否则|之外", domain) \
            or re.search(r"(?i)\b(?:on|over|for)\s+\$[^$]*(?:\[|\\in\b|<|>|\\[lg]eq?\b)|\b(?:for|with)\s+\$[^$]*\$\s+"
                         r"(?:in|between|from)\b", lines[since - 1]):
        return False                # "Let $g(t) = t - t^3$ on $[0, 1]$ and zero elsewhere": g(2) is not that formula's
    return not _MODEL_SWITCH.search(between) and not _another_family_since(lines, since, rel.line)


def _named_otherwise(lines: list[str], rel: Relation, defined_line: int) -> str:
    """How the words name the quantity ``rel`` writes when the definition of its name, on ``defined_line``, was
    named by another noun ("The squared loss is $L = …$" then "The absolute loss is $L = …$"), else ""."""
    if not 1 <= defined_line < rel.line <= len(lines) or not rel.lhs.strip():
        return ""
    pattern = re.compile(r"(?i)\b(?:the|a|an|our|its|this)\s+((?:[\w-]+\s+){0,3}?[\w-]+)\s+(?:is|are|reads|:)\s*\$\s*"
                         + re.escape(rel.lhs.strip()) + r"\s*=")
    before, now = pattern.findall(lines[defined_line - 1]), pattern.findall(lines[rel.line - 1])
    if len(before) == 1 and len(now) == 1 and before[0].lower() != now[0].lower():
        return f"named \"{before[0]}\" on line {defined_line}, and here \"{now[0]}\""
    return ""


def _another_family_since(lines: list[str], since: int, line: int) -> bool:
    """Whether the lines after ``since`` (a definition's) up to ``line`` name another family or model."""
    return bool(_ANOTHER_FAMILY.search(blank_inline_math(" ".join(lines[max(since, 0):line]))))


_LONE_CUE = re.compile(r"(?i)\s*(?:then|hence|therefore|thus|so|consequently|it\s+follows\s+that|this\s+gives|"
                       r"we\s+(?:get|obtain|find)|因此|所以|于是|从而|故|则)\s*[,，]?\s*")
"""A sentence that opens with nothing but a consequence word before its math ("Then $Φ(a) = …$"): what follows is
derived — not "With the Laplace model, we get $f(a) = …$", "Adding weight decay, we have …" (a new model)."""


def _clause_of_inline(lines: list[str], rel: Relation) -> str:
    """The words of an inline relation's clause: from the math before it in its sentence to the end of
    the sentence ("Now let $a > 0$ with $a^2 = 2$ instead."  → " with … instead")."""
    line, at = _inline_at(lines, rel)
    if at < 0:
        return ""
    before = _raw_sentence_before(lines, rel).split("$")[-1]
    rest = line[at + len(rel.tex.strip()):].lstrip("$")
    end = re.search(r"[.;!?。；](?:\s|$)", blank_inline_math(rest))
    return f"{before} … {blank_inline_math(rest[:end.start()] if end else rest)}"


def _sentence_after(line: str, tex: str) -> str:
    """What follows an inline relation on its line, up to the next inline math that is no bound or
    the sentence's end ("$s - 1 - \\log s \\ge 0$ for every $s > 0$."): where its own quantifier is."""
    at = line.find(tex)
    if at < 0:
        return ""
    rest = line[at + len(tex):].lstrip("$")
    end = re.search(r"[.;!?。；](?:\s|$)", blank_inline_math(rest))
    rest = rest[:end.start()] if end else rest
    first = re.search(r"\$[^$]+\$", rest)              # the quantifier must be the next math after it
    return rest[:first.end()] if first else ""


_CASE_AFTER_CUE = re.compile(r"(?i)\b(?:if|when|whenever|where|with|for|provided|assuming|given|unless|such\s+that)\b|"
                             r"若|如果|当|其中|对于|满足")
_CLAIM_WORD = re.compile(r"(?i)\b(?:then|so|thus|hence|therefore|it\s+follows|we\s+get|we\s+have|gives?|yields?)\b|"
                         r"所以|因此|于是|从而|则|故")


def _after_last_claim_cue(lead: str) -> str:
    """The words of a display's lead-in after its last claim cue ("Then, if" → ", if")."""
    found = list(_CLAIM_WORD.finditer(lead))
    return lead[found[-1].end():] if found else lead


_COUNTED_IN_WORDS = re.compile(r"\$\s*([A-Za-z])\s*\$\s*(?:(?:classes|categories|labels|outcomes|samples|examples|layers|"
                               r"heads|blocks|workers|GPUs|devices|nodes|shards|epochs|iterations|rows|columns|users|"
                               r"observations|tokens|states|(?:time\s+)?steps|rounds|trials|items|experts|clusters|"
                               r"data\s+points|training\s+examples|entries|components|coordinates|features)\b|"
                               r"-\s*(?:class|dimensional|way|element|entry|component|vector|token|step)\b|"
                               r"个(?:类别|类|样本|状态|时间步|步)|类|维)", re.IGNORECASE)
"""A letter the words use as a count ("over $K$ classes", "$N$ samples", "a $K$-class classifier", "$d$-dimensional",
"$n$ 个类别", "$d$ 维"): a positive integer."""
_SIZED_IN_WORDS = re.compile(r"(?i)(?:\b(?<!fractal )(?<!hausdorff )(?<!intrinsic )(?<!correlation )(?<!box-counting )"
                             r"(?:dimension|dimensionality)\s+(?:of\s+)?|"
                             r"\b(?:(?:batch|sample|vocabulary|vocab|population|window|context|beam|minibatch|mini-batch|"
                             r"hidden|input|output|embedding|model|kernel|group|data|training|test|cache|block|buffer|"
                             r"table|alphabet|ensemble|state|action|set|patch|chunk|shard|page)\s+size|"
                             r"(?:vectors?|sequences?|lists?|arrays?|matri(?:x|ces)|sets?|batch(?:es)?|samples?|"
                             r"tensors?|inputs?|outputs?|tables?|windows?|groups?)\s+(?:\$[^$]*\$\s+)?"
                             r"(?:has|having|of|with)\s+size)\s+(?:of\s+)?|"
                             r"\b" + _SEQUENCE_NOUN + r"\s+(?:\$[^$]*\$\s+)?(?:of|with|has|having)\s+"
                             r"length\s+(?:of\s+)?|(?:长度|维度|维数)(?:为|是)?\s*)\$\s*([A-Za-z])\s*\$"
                             r"(?!\s*(?:seconds?|secs?|s\b|ms\b|min(?:utes?)?|hours?|h\b|days?|met(?:er|re)s?|m\b|cm\b|"
                             r"mm\b|km\b|inch(?:es)?|feet|ft\b))"
                             r"|\blength\s+\$\s*([A-Za-z])\s*\$\s+of\s+(?:the|a|an|each|every|our|its|this)\s+(?:[a-z-]+\s+)?"
                             + _SEQUENCE_NOUN)
"""A letter the words make a length or a size ("a vector $x$ of length $d$", "the input has dimension $d$", "the
length $T$ of the sequence", "batch size $B$") — not any length or size ("a pendulum of length $L$", "step size $h$":
real numbers)."""
_NUMBER_OF = re.compile(r"(?i)\b(?:the|a)\s+number\s+\$\s*([A-Za-z])\s*\$\s+of\b")
"""A letter the words make a number of things ("the number $N$ of samples")."""
_ANY_VECTOR = re.compile(r"(?i)\b(?:for\s+(?:any|every|each|all|a\s+general|an?\s+arbitrary)|in\s+general,?\s+for)"
                         r"(?:\s+(?:real|input|other))?\s+vectors?\b|对(?:任意|所有)(?:的)?向量")
"""Words that speak of vectors of any length ("For any vector $x$"): a length a worked example wrote stops."""


_RECOUNTED = re.compile(
    r"(?i)\b(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+|many|more|several|fewer)\s+(?:entries|components|"
    r"coordinates|elements|logits|scores|classes|categories|outcomes|labels|dimensions|features|tokens|inputs)|"
    r"(?:length|size|dimension)\s+(?:of\s+)?(?:\$\s*\d+(?=\s*\$)|\d+|two|three|four|five)|append\w*|adding|"
    r"add\s+(?:a|an|one)|another\s+(?:entry|logit|score|class|component|coordinate|element|feature)|"
    r"(?:second|third|fourth|fifth|extra|additional)\s+(?:entry|logit|score|class|component|coordinate|element|feature)|"
    r"in\s+general|multi-?class)\b|[两三四五六七八九十多]\s*(?:个|类|维)|第\s*[三四五]|一般地|一般情况")
"""Words that count a vector's entries anew ("now let $z$ have three entries", "adding a third logit",
"of length $3$", "In general the logits are many"): a length written before no longer holds after them."""


def _unspaced(tex: str) -> str:
    """``tex`` without spacing commands and ``\\left``/``\\right`` (``(0,\\,1)`` is ``(0, 1)``)."""
    return re.sub(r"\\(?:left|right)(?![A-Za-z])|\\[,;:!]", lambda m: " " if m.group(0)[1] in ",;:!" else "", tex)


def _declared_names(text: str) -> set[str]:
    """The names a document's declaration declares (none when it does not parse: reported elsewhere)."""
    try:
        return set(doc_declarations(text).names())
    except UserError:
        return set()


def _leaf_names(expr: sp.Basic, definitions: list[Definition], valued: frozenset[str] = frozenset()) -> set[str]:
    """The names ``expr`` rests on, followed through the definitions to names no definition gives a value
    (variables) or that ``valued`` holds: decided on names alone, the same on every machine (no unfolding
    under a clock)."""
    defined = {target_name(d.target): d for d in definitions if target_name(d.target) is not None}
    seen: set[str] = set()
    todo, leaves = list(names_in(expr)), set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        if name in valued or name not in defined:
            leaves.add(name)
        else:
            todo.extend(names_in(defined[name].expr))
    return leaves


def _rests_on_variables(expr: sp.Basic, definitions: list[Definition]) -> bool:
    """Whether ``expr``, followed through the definitions, names a variable."""
    return bool(_leaf_names(expr, definitions))


def _without_its_argument(lhs: sp.Basic, rhs: sp.Basic, definitions: list[Definition]) -> bool:
    """Whether ``lhs = rhs`` writes a function of names or entries (``FL(p_t)``) by a right side that
    mentions none of its arguments (``-(1-p)^\\gamma \\log p``), none of them defined (not ``A(\\eta) =
    -\\log\\theta`` with ``\\eta := \\log(1 - \\theta)``: a new model): the function in a case, not a new one."""
    if not isinstance(lhs, sp.core.function.AppliedUndef) or not lhs.args \
            or not all(isinstance(a, (sp.Symbol, sp.Indexed)) for a in lhs.args):
        return False
    defined = {target_name(d.target) for d in definitions}
    if any(target_name(a) in defined for a in lhs.args):
        return False
    return not any(_mentions(rhs, a) for a in lhs.args)


def _mentions(expr: sp.Basic, name: sp.Basic) -> bool:
    """Whether ``expr`` names ``name``: the symbol, or any entry of the family of the entry ``name``."""
    if isinstance(name, sp.Indexed):
        return any(x.base == name.base for x in expr.atoms(sp.Indexed))
    return name in expr.free_symbols


_SOLVED_NEXT = re.compile(r"(?i)^\s*[,;:]?\s*(?:i\.\s*e\.?|that\s+is|so(?:\s+that)?|hence|whence|giving|which\s+gives)\s*,?\s*$")
"""Words after an inline equation that lead to its solution ("yields $-\\tfrac16 = a - \\tfrac{2}{3\\pi}$, i.e.")."""
_THRESHOLD_LEAD = re.compile(r"(?i)\b(?:cut-?offs?|thresholds?|decision\s+rules?|rejection\s+regions?|criteri(?:on|a)|"
                             r"flag(?:s|ged)?\s+(?:when|if)|rejects?\s+(?:when|if)|alarms?\s+(?:when|if))\b[^.;$]*$")
"""Words before an inline inequality that make it a rule's region ("the usual 99% cut-off for $d = 2$ is $D_M^2 >
…$"), not a claim about the example's value."""
_SOLVING_BEFORE = re.compile(r"(?i)\b(?:solv(?:e|es|ing)(?:\s+for\s+\$[^$]*\$)?|the\s+equation|a\s+root\s+of)\s*:?\s*$|"
                             r"(?:求解|解方程)\s*$")
"""Words right before inline math that make it an equation to solve ("Calibrating means solving $…$")."""
def _letters(tex: str) -> set[str]:
    """The names a piece of TeX writes, by their letters (``W_{T+1}`` → W, T; ``\\eta`` → eta), macros of layout out."""
    return {m.lstrip("\\") for m in re.findall(r"\\[A-Za-z]+|(?<![\\A-Za-z])[A-Za-z](?![A-Za-z])", tex)} - _LAYOUT_WORDS


_LAYOUT_WORDS = frozenset("""frac dfrac tfrac left right ln log exp sum prod int sqrt cdot quad qquad ge le geq leq ne
mathrm mathbf operatorname text big Big bigg Bigg lVert rVert top infty partial d e i""".split())


_UNIT_NORM = re.compile(r"\s*(?:\\\||\\lVert|\\left\s*\\\||\|\|)\s*(\\?[A-Za-z]+|\\mathbf\s*\{\s*[A-Za-z]\s*\})\s*"
                        r"(?:\\\||\\rVert|\\right\s*\\\||\|\|)\s*(?:_\s*\{?\s*2\s*\}?)?\s*")
"""The norm of a name, ``\\|u\\|``, ``\\lVert u\\rVert_2``."""
_NEEDED = re.compile(r"(?i)\b(?:we|you|one)\s+(?:would\s+)?(?:need|require|want)\b|\b(?:it\s+)?(?:requires?|needs?)\s+(?:that|only)?\b|"
                     r"\bit\s+is\s+(?:required|necessary|enough|sufficient)\s+that\b|"
                     r"\bmust\s+(?:have|satisfy|be)\b|\bsuffices?\s+(?:that|to\s+(?:have|take))\b|需要|要求|必须")
"""Words that make the inequality display after them a requirement on a name ("To reach power 0.8 we need … :
$$\\sqrt{n} \\ge 4.973$$"), not a claim at the value an example gave it."""
_KEPT_WITH = re.compile(r"(?i)(?<!left\s)(?<!end\s)(?<!up\s)\b(?:with|such\s+that|satisfying|for\s+which)\s*[,:]?\s*$"
                        r"|(?:使得|使)\s*[:：]?\s*$")
"""Words that end the lead-in of an inequality that picks out what is kept ("keep every $p$ with $$|\\hat p - p| \\le …$$"):
a condition, not a claim."""
_RESTATED = re.compile(r"(?i)\b(?:(?:or|and)\s+)?(?:equivalently|that\s+is|i\.\s*e\.|in\s+other\s+words|which\s+is\s+the\s+same\s+as)"
                       r"\s*[,:]?\s*$|(?:等价于|也就是|即)\s*[,:，：]?\s*$")
"""Words that restate the display before it ("we need $$…$$ or equivalently $$…$$")."""
_SUPPOSED = re.compile(r"(?i)(?:\b(?:suppose|supposing|assume|assuming|if|iff|when|whenever)(?:\s+that)?|假设|假定|若|如果|当)"
                      r"\s*[,:，：]?\s*$")
"""Words that end the lead-in of a display the text supposes ("Suppose", "If", "假设"; "B wins iff … , i.e. iff"): the
display is a case."""


def _names_the_result(rel: Relation, lhs: sp.Basic, rhs: sp.Basic, used: set[str],
                      definitions: list[Definition], functions: set[str]) -> bool:
    """Whether ``rel``, the last link of a chain, gives the chain's result a name first written there
    (``… = p_j``): a plain name or an entry at indices the left side uses, never defined or used before,
    after an expression in names (no derivative, limit or integral left in it)."""
    if not rel.chained or rel.op != "==" or not isinstance(rhs, (sp.Symbol, sp.Indexed)) \
            or isinstance(lhs, (sp.Symbol, sp.Indexed)) or not names_in(lhs) \
            or sp.Tuple(lhs).has(sp.Derivative, sp.Limit, sp.Integral) or probabilities_in(lhs, rhs):
        return False
    if isinstance(rhs, sp.Indexed):
        plain = lhs.xreplace({e: sp.Dummy() for e in lhs.atoms(sp.Indexed)})    # the names outside entries
        if not all(isinstance(i, sp.Symbol) and i.is_integer and i in lhs.free_symbols and i not in plain.free_symbols
                   for i in rhs.indices):
            return False            # (∂f/∂x = 2xy = g_x: x is a variable there, g_x a label, not an entry of g)
    name = target_name(rhs)
    bare = str(rhs.base.label) if isinstance(rhs, sp.Indexed) else str(rhs)
    return name is not None and not {name, bare} & (used | functions) \
        and name not in {target_name(d.target) for d in definitions}


def _rests_only_on(expr: sp.Basic, definitions: list[Definition], valued: set[str]) -> bool:
    """Whether ``expr``, followed through the definitions, rests on names of ``valued`` alone (and on one at
    least): at those values it is a number."""
    leaves = _leaf_names(expr, definitions, frozenset(valued))
    return bool(leaves) and leaves <= valued


_EVERY = sp.Symbol("k_every", integer=True)
"""An index that stands for every index of a family (``p = q`` of two families: ``p[k] = q[k]``)."""


def _fixed_entry(x) -> bool:
    """Whether ``x`` is one entry of a family at a whole index (``z_1``)."""
    return isinstance(x, sp.Indexed) and all(i.is_Integer for i in x.indices)


def _entrywise(c) -> bool:
    """Whether ``c`` says two families are equal entry by entry (``p[k] = q[k]`` for every k)."""
    return isinstance(c, sp.Eq) and all(isinstance(x, sp.Indexed) and x.indices == (_EVERY,) for x in c.args)


_NEW_VALUES = re.compile(r"(?i)\b(?:double|doubling|doubled|halve|halving|halved|negate|negating|negated|reverse|reversing|"
                         r"reversed|permute|permuting|swap|swapping|shift|shifting|scale|scaling|increase|increasing|"
                         r"decrease|decreasing|multiply|multiplying|raise|raising|lower|lowering|change|changing)\s+"
                         r"(?:\w+\s+){0,3}?(?:logits?|inputs?|scores?|entries|values|components|temperature|weights?)\b|"
                         r"\b(?:logits|inputs|scores|entries|values)\s+(?:are\s+)?(?:all\s+)?(?:equal|the\s+same|identical)\b|"
                         r"\bnew\s+(?:logits?|inputs?|values?|example|scores?|point)\b|\banother\s+example\b|"
                         r"新的|另一个例子|翻倍|加倍|取反|反转")
"""Words that change a worked example's values ("Now double every logit", "When all three logits are equal")."""
_REGIME_WORDS = re.compile(r"(?i)\b(?:for|with|when|at)\s+(?:very\s+|sufficiently\s+)?(?:large|small|big|tiny|huge|"
                           r"negative|positive)\s+MATH|\bMATH\s+(?:is\s+)?(?:near|close\s+to|around)\s+(?:zero|0|MATH)|"
                           r"\bnear\s+(?:zero|0)\b|\b(?:large|small)\s+enough\b|\bin\s+the\s+limit\b|\basymptotically\b|"
                           r"\bas\s+MATH\s+(?:grows|shrinks|becomes)|很大|很小|趋于|趋向")
"""Words that put an ≈ in a regime rather than at the worked example's values ("For large $z$")."""
_IN_THE_LIMIT = re.compile(r"(?i)(?:\b(?:as|when|while|for|in\s+the\s+limit)\s*|当\s*)\$[^$]*(?:\\to\b|\\rightarrow\b|"
                           r"\\searrow\b|\\nearrow\b|\\downarrow\b|\\uparrow\b|→)[^$]*\$")
"""A limit the words take before a display ("As $T \\to \\infty$, $$p_i = 1/n$$")."""
_DROPPED = re.compile(r"(?i)\b(?:drop(?:ping|ped|s)?|without|relax(?:ing|ed|es)?|remov(?:ing|ed|e)|lift(?:ing|ed)?|"
                      r"no\s+longer)\s+(?:(?:this|that|the|these|those|our|any)\s+)?(?:assum|suppos|hypothes|condition|restrict|"
                      r"constraint)\w*|\bfor\s+(?:general|arbitrary)\b|\bin\s+general\b|\bgeneral\s+(?:real\s+)?"
                      r"(?:entries|values|inputs|numbers|arguments|reals?)\b|去掉(?:这个|该)?(?:假设|条件)|不再假设|不假设|"
                      r"一般地|一般情况下")
"""Words that withdraw an assumption for what follows ("Dropping this assumption, $$…$$", "For general real entries,
the claim $$…$$")."""
_AT_INDEX = re.compile(r"(?<![A-Za-z\\])\\?([A-Za-z]+)\s*_\s*(?:(\d+)|\{\s*(\d+)\s*\})(?![\w.])")


def _written_from_zero(text: str) -> dict[str, int]:
    """The families written at index 0 (``s_0``, ``\\mu_{0}``), each with the highest number index
    written of it: a list of numbers for one of them counts from 0 when it has room for that index."""
    highest: dict[str, int] = {}
    for m in _AT_INDEX.finditer(text):
        name, index = m.group(1), int(m.group(2) or m.group(3))
        highest[name] = max(highest.get(name, index), index)
    return {name: top for name, top in highest.items()
            if any(m.group(1) == name and int(m.group(2) or m.group(3)) == 0 for m in _AT_INDEX.finditer(text))}
_RENEWING = re.compile(r"(?i)\b(?:let|suppose|supposing|assume|assuming|instead|consider|define|redefine|take|"
                       r"choose|pick)\b|令|设|假设|假定|改为|换成|取")
"""Words that give a name a new meaning ("Now let $a$ instead be …"): its square written next is that meaning."""
_DELTA_ITSELF = re.compile(r"\\Delta\s*(?:[:=<>,$()]|\\(?:coloneqq|in|le|ge|leq|geq|ne|neq|approx|triangleq|right|cdot|times)"
                           r"(?![A-Za-z])|\\\)|$)", re.MULTILINE)
"""Δ used as a name of its own ("$\\Delta := 2$", "$\\Delta$", "\\Delta \\cdot x"): no increments."""
_NABLA_OTHER = re.compile(r"(?i)\b(?:differenc\w*|divergence|covariant|connection|del\s+squared|shift\s+operator|"
                          r"backward|forward)\b|差分")
"""Words that make ∇ another operator, in a sentence that writes it (a backward difference, a divergence)."""
_LAPLACIAN = re.compile(r"(?i)laplac|拉普拉斯")
_DIGAMMA = re.compile(r"(?i)\bdi-?gamma\b|双伽[马玛]")
def _given_a_formula(name: str) -> str:
    """The pattern of ``\\name`` given a formula at a plain argument (``\\Gamma(t) = t^2``, ``\\Gamma\\left(t\\right) = …``,
    ``\\Gamma(t_0) &= …``) where it starts a side (not ``\\log\\Gamma(x+1) - \\log\\Gamma(x) = \\log x``, a claim
    about the gamma function): the text's own function of that letter."""
    return (rf"(?:^|(?<=[$\n{{&])|(?<=\\\()|(?<=\\\[))[ \t]*\\{name}\s*(?:\\left\s*|\\[bB]igg?l?\s*)?\(\s*\\?[A-Za-z]+(?:\s*_\s*(?:\{{[^{{}}]*\}}|\w))?\s*"
            rf"(?:\\right\s*|\\[bB]igg?r?\s*)?\)\s*&?\s*(?::=|=|\\coloneqq|\\triangleq|\\equiv)")


_GAMMA_ITSELF = re.compile(r"\\Gamma'\s*/\s*\\Gamma(?![A-Za-z])|\\frac\s*\{\s*\\Gamma'\s*\}\s*\{\s*\\Gamma\s*\}|"
                           r"\\Gamma\s*(?:\\left\s*|\\[bB]igg?l?\s*)?\(\s*(?P<z>\\?[A-Za-z]+)\s*(?:\\right\s*|\\[bB]igg?r?\s*)?\)\s*"
                           r"(?::=|=|\\coloneqq|\\triangleq|\\equiv)\s*\\int_\{?\s*0\s*\}?\s*\^\s*\{?\s*\\infty\s*\}?\s*"
                           r"(?P<t>[a-z])\s*\^\s*\{\s*(?P=z)\s*-\s*1\s*\}\s*(?:\\[,;!]\s*)?e\s*\^\s*\{\s*-\s*(?P=t)\s*\}"
                           r"\s*(?:\\[,;!]\s*)?(?:d|\\mathrm\s*\{\s*d\s*\}|\\operatorname\s*\{\s*d\s*\})\s*(?P=t)|"
                           r"\$\s*\\Gamma\s*\$[\s-]*(?:function|函数)")
"""Γ written alone as the gamma function itself: the digamma's ``\\Gamma'/\\Gamma``, "the $\\Gamma$ function", or
given Euler's integral (``\\Gamma(z) = \\int_0^\\infty t^{z-1} e^{-t}\\,dt``: the gamma function's own definition)."""
_GAMMA_GIVEN = re.compile(r"(?i)=:\s*\\Gamma\s*(?:\\left\s*)?\(|"
                          r"\\Gamma\s*\(\s*\\?[A-Za-z]+\s*\)\s*\$\s*(?:be|denotes?|is\s+(?:the|a|an)|stands?\s+for|"
                          r"counts?|for\s+the|表示|为)|\\Gamma\s*\(\s*\d+\s*\\?[A-Za-z]+\s*\)\s*=")
"""Γ(t) given a meaning of the text's own in words ("Let $\\Gamma(t)$ be the number of tokens"), or a formula at a
multiple of a name ("We write $\\Gamma(2t) = t^2$")."""
_GAMMA_ALONE = re.compile(r"(?<!\\Gamma'/)(?<!\\Gamma' / )\\Gamma(?![A-Za-z])(?!\s*(?:\(|\\left\b|\\[bB]igg?l?\b|\\!|\\,\s*\(|'|\)))")
_GAMMA_FORMULA = re.compile(_given_a_formula("Gamma"))
def _gamma_function_named(text: str) -> bool:
    """Whether the words name the gamma function, and no sentence naming it denies it ("not to be confused with the
    Gamma function": the text's own Γ)."""
    said = [s for s in sentences_in(text) if _GAMMA_FUNCTION_WORDS.search(s)]
    return bool(said) and not any(_CONTRASTED.search(re.sub(r"\$[^$]*\$", " ", s)) for s in said)


_GAMMA_FUNCTION_WORDS = re.compile(r"(?i)\b(?:the\s+)?(?:log-?)?gamma\s+functions?\b|伽[马玛]函数")
"""Words naming the gamma function ("The Gamma function", "伽马函数"): its formulas at a name are claims about it."""
"""``\\Gamma`` written as a name of its own (``$\\Gamma$``, ``\\Gamma a``, ``\\Gamma = 10``, ``\\Gamma_{ij}``), not applied
(``\\Gamma(\\alpha)``, ``(\\log\\Gamma)'``, the digamma's ``\\Gamma'/\\Gamma``), or given a formula at a name (``\\Gamma(\\theta) = 1/\\theta^2``, the text's own
Γ — not even ``\\Gamma(n) = (n-1)!``, then refused rather than guessed)."""
_PARTS = re.compile(r"(?i)\b(?:positive|negative)\s+parts?\b|正部|负部|[)\]]\s*_\s*\{?\s*[+\-]")
"""Words or notation for the positive and negative parts of a number (``[x]_+``): then ``x_+`` is no name of its own."""


_NORMAL_CDF = re.compile(r"(?i)\b(?:standard\s+)?(?:normal|gaussian)\s+(?:cdf|c\.d\.f\.|cumulative(?:\s+distribution)?"
                         r"(?:\s+function)?|distribution\s+function)\b|(?:标准)?正态(?:分布)?的?(?:累积)?分布函数")
"""Words naming the standard normal CDF ("the standard normal CDF $\\Phi$", "标准正态分布函数 $\\Phi$")."""


_MATRICES_SAID = re.compile(r"(?i)\bmatri(?:x|ces)\s+\$\s*(?:\\mathbf\s*\{\s*)?[A-Z]\b|"
                            r"\$\s*[A-Z]\s*\$\s*(?:,\s*\$\s*[A-Z]\s*\$\s*)*(?:and\s+\$\s*[A-Z]\s*\$\s*)?(?:is|are|be)\s+"
                            r"(?:an?\s+|two\s+|the\s+)?(?:[a-z-]+\s+){0,2}matri(?:x|ces)\b|"
                            r"\$\s*[A-Z]\s*\\in\s*\\mathbb\s*\{?\s*[RC]\s*\}?\s*\^\s*\{[^}]*\\times")
"""Words or math that make capitals matrices ("square matrices $A$ and $B$", "$W$ is the weight matrix",
"$A \\in \\mathbb{R}^{n \\times n}$")."""
_CAPITALS_SIDE_BY_SIDE = re.compile(r"(?<![\\A-Za-z])[A-Z](?:_\{[^{}]*\}|_\w)?(?:\^\{[^{}]*\}|\^\w)?\s*(?:\\[,;]\s*)?"
                                    r"(?<![\\a-z])[A-Z](?![A-Za-z])")
"""Two capital letters written side by side (``P D P^{-1}``, ``AB``): a product of matrices in a text of them."""


def _capital(e: sp.Basic) -> bool:
    """A capital letter's name or an entry of a capital family (``S``, ``W_{uu}``) — a matrix in a text of them."""
    name = e.name if isinstance(e, sp.Symbol) else str(e.base.label) if isinstance(e, sp.Indexed) else ""
    return bool(re.fullmatch(r"[A-Z](?:_\w+)?", name))


def _matrix_algebra_in(*sides: sp.Basic) -> bool:
    """Whether a product of two capitals (``SY``, ``D^{-1/2} W``) or an inverse of an expression holding the identity
    ``I`` or a capital times a name (``(I - \\alpha S)^{-1}``) occurs — read as numbers they would commute and
    divide."""
    for side in sides:
        for node in sp.preorder_traversal(side):
            if isinstance(node, sp.Mul):
                capitals = [f for f in node.args if _capital(f.base if isinstance(f, sp.Pow) else f)
                            or isinstance(f, sp.Pow) and f.exp.is_negative and any(map(_capital, f.base.free_symbols))]
                if len(capitals) >= 2:
                    return True
            if isinstance(node, sp.Pow) and node.exp.is_negative and not _capital(node.base) and (
                    any(getattr(x, "name", "") == "I" for x in node.base.free_symbols) or any(
                        isinstance(m, sp.Mul) and any(map(_capital, m.args)) and not all(
                            a.is_number or _capital(a) for a in m.args) for m in sp.preorder_traversal(node.base))):
                return True         # ((I − αS)^{-1}: an inverse of a matrix; not 1/(N + 1) of a count N)
    return False


_STAR_OF_NAMES = re.compile(r"\s*[A-Za-z]\s*\*\s*[A-Za-z]\s*")
_NORM_BARS = re.compile(r"\\\||\\[lr]?Vert\b|‖|\\left\s*\\\|")
_NORM_OF_NAME = re.compile(r"\s*(?:\\\||\\lVert|‖|\\left\s*\\\|)\s*\\?[A-Za-z]+\s*(?:\\\||\\rVert|‖|\\right\s*\\\|)"
                           r"\s*(?:_\s*\{?\s*\w+\s*\}?)?\s*(?:\^\s*\{?\s*2\s*\}?)?\s*")
_NORM_FORMULA = re.compile(r"\\int|\\max|\\sup|\|\s*\\?[A-Za-z]+\s*_|\\lvert|\\left\s*\||\\mathbb\s*\{?\s*1")
"""A norm's own formula: an integral, a maximum, absolute values of entries (``\\|x\\| = |x_1| + |x_2|``)."""
_OTHER_NORM = re.compile(r"(?i)\b(?:hamming|manhattan|taxicab|city-?block|chebyshev|mahalanobis|frobenius|nuclear|"
                         r"spectral|operator|sup(?:remum)?|max(?:imum)?|infinity|l1|l\^?\{?1\}?|ℓ\^?\{?[1∞]\}?)\s+"
                         r"(?:norms?|distances?|metrics?)\b|\$\s*(?:L|\\ell)\s*\^\s*\{?\s*(?:1|\\infty|p)\s*\}?\s*\$"
                         r"\s*(?:norms?|distances?)|\$\s*L\s*\^\s*\{?\s*2\s*\}?\s*\$\s*norms?\s*\$?[^.]*\\int")
"""Words naming a norm other than the Euclidean one of vectors ("the Hamming distance", "Manhattan distances",
"the $L^1$ norm", "the $L^2$ norm $\\|f\\|^2 = \\int …$" of functions)."""
_STAR_OPERATOR = re.compile(r"(?<![\^_])(?<=[\w})\]])\s*\*\s*(?=[\w\\({\[])")
"""``a * b`` between two operands (not ``x^*``, ``\theta_*``)."""
_DEFINING_OP = re.compile(r"\\equiv\b|:=|=:|\\coloneqq|\\eqqcolon|\\triangleq|\\stackrel\s*\{\s*\\(?:text|mathrm)\s*\{\s*def")


def _normal_cdf_named(text: str) -> bool:
    """Whether the words name Φ the standard normal CDF (see :func:`_normal_named`)."""
    return _normal_named("\\Phi", _CDF_WORDS, _CDF_CJK)(text)


_NORMAL_SPOKEN = re.compile(r"(?i)(?<!non-)(?<!not\s)(?<!not\sa\s)\b(?:standard\s+)?(?:normal(?:ly)?|gaussian)\s+"
                            r"(?:distribut\w*|laws?|random|variables?|noise|densit(?:y|ies)|cdf|quantiles?|tables?|"
                            r"approximations?|priors?|posteriors?|likelihoods?|models?|classes|class|data|errors?|tails?|"
                            r"samples?|populations?|case|theory|curve|scores?)\b|\bstandard\s+(?:normal|gaussian)\b|"
                            r"\b(?:z-?scores?|z-?tests?|probit)\b|\\mathcal\s*\{?\s*N\s*\}?\s*\(|正态|高斯分布|"
                            r"\b(?:approximately|asymptotically|roughly|is|are)\s+normal\b(?!\s+(?:to|vectors?|form))|"
                            r"\bnormally\s+distributed\b|(?<![A-Za-z\\])z_\s*\{\s*(?:1\s*-|0\.\d)")
"""Words or math that put a normal law in a text ("Gaussian classes", "$\\mathcal N(\\mu, \\sigma^2)$", "the z-test")."""
_PHI_APPLIED = re.compile(r"\\Phi(?![A-Za-z])\s*(?:\^\s*\{\s*-\s*1\s*\}|\^\s*-\s*1)?\s*(?:\\[!,;:]\s*)*"
                          r"(?:\\(?:left|bigl?|Bigl?|biggl?|Biggl?)\s*)?[(\[]")
_PHI_ANYWHERE = re.compile(r"\\Phi(?![A-Za-z])")


PHI_CONVENTION = "Φ: the standard normal CDF (the text speaks of a normal law and applies Φ without saying what it is)"


def _normal_cdf_conventional(text: str) -> bool:
    """Whether Φ is the standard normal CDF by the convention of statistics notes: the text speaks of a normal law
    (:data:`_NORMAL_SPOKEN`), writes Φ only applied to an argument (``\\Phi(-1)``, ``\\Phi\\!\\left(…\\right)``,
    ``\\Phi^{-1}(u)`` — never alone, subscripted, transposed or as a factor: a feature matrix, a potential) and
    never says in words what Φ is (a word beside it: :func:`.known_words.letter_named_otherwise`, or any sentence
    with Φ alone in its math — "Let $\\Phi$ be the CDF of the noise")."""
    from .known_words import letter_named_otherwise
    uses = list(_PHI_ANYWHERE.finditer(text))
    if not uses or not _NORMAL_SPOKEN.search(text):
        return False
    if any(_PHI_APPLIED.match(text, m.start()) is None for m in uses):
        return False
    if re.search(r"\\Phi\s*\([^()]*\)\s*\^\s*\{?\s*(?:\\top|T|\\intercal)\b", text):
        return False                # (Φ(x)^T Φ(y): a feature map)
    for m in re.finditer(r"\\Phi\s*(?:\\left\s*)?\((?=[^()]*[A-Za-z])[^()]*(?:\\right\s*)?\)\s*"
                         r"(?::=|=|\\coloneqq|\\triangleq|\\equiv|\\doteq)", text):
        rest = re.split(r"\$|\\\]|\\end\{|\n\s*\n", text[m.end():], maxsplit=1)[0]
        if not re.search(r"\\operatorname\s*\{\s*erf|\\mathrm\s*\{\s*erf|\\erf|\\Phi|\\varphi|\\phi(?![A-Za-z])|"
                         r"e\^\s*\{\s*-\s*\w+\s*\^\s*\{?2\}?\s*/\s*2\s*\}|e\^\s*\{\s*-\s*\\frac\s*\{\s*\w+\s*\^\s*\{?2\}?\s*\}\s*\{\s*2",
                         rest):
            return False            # ("$$\Phi(x) = (1, \sqrt{2}x, x^2)$$", "$\Phi(t_0) = \frac12 + \frac1\pi\arctan
            #                         t_0$", an integral of another density: a formula of the text's own)
    if any(re.search(r"\$\s*\\Phi\s*(?:\([^$]*\)\s*)?\$", s) and re.search(
            r"(?i)\b(?:cdf|distribution|function|denotes?|defined|logistic|cauchy|laplace|uniform|exponential|student|"
            r"is\s+the|stands\s+for)\b", re.sub(r"\$[^$]*\$", " ", s)) for s in sentences_in(text)):
        return False                # ("Here $\Phi$ is …", "$\Phi(z_i)$ is the logistic CDF at $z_i$": the words say
    #                                 what it is)
    return letter_named_otherwise(text, r"\\Phi", _SPECIAL_WORDS) is None


_STANDARD_NORMAL = re.compile(r"(?i)\bstandard\s+(?:normal|gaussian)\b|\\mathcal\s*\{?\s*N\s*\}?\s*\(\s*0\s*,\s*1\s*\)|"
                              r"(?<![A-Za-z\\])N\s*\(\s*0\s*,\s*1\s*\)|标准正态")
"""A standard normal named or drawn in a sentence ("$t \\sim \\mathcal N(0,1)$", "the standard Gaussian")."""
_NORMAL_PDF = re.compile(r"(?i)\b(?:standard\s+)?(?:normal|gaussian)\s+(?:pdf|p\.d\.f\.|(?:probability\s+)?density"
                         r"(?:\s+function)?)\b|(?:标准)?正态(?:分布)?的?(?:概率)?密度(?:函数)?")

def _normal_pdf_named(letter: str):
    """Whether the words name φ (``\\varphi`` or ``\\phi``, ``letter``) the standard normal density (see
    :func:`_normal_named`)."""
    return _normal_named(letter, _PDF_WORDS, _PDF_CJK)


_CDF_WORDS = r"(?:cdf|c\.d\.f\.|cumulative(?:\s+distribution)?(?:\s+function)?|distribution\s+function)"
_PDF_WORDS = r"(?:pdf|p\.d\.f\.|(?:probability\s+)?density(?:\s+function)?)"
_CDF_CJK = r"(?:标准)?正态(?:分布)?的?(?:累积)?分布函数"
_PDF_CJK = r"(?:标准)?正态(?:分布)?的?(?:概率)?密度(?:函数)?"
_NORMAL_WORD = r"(?<![-\w])(?:standard\s+)?(?:normal|gaussian)(?:\s+distribution(?:'s)?)?"
_OTHER_NORMAL = re.compile(r"(?i)^\W{0,3}(?:(?:scaled|shifted|multiplied|stretched|rescaled|squared|raised|divided|times|"
                           r"plus|minus)\b|(?:with|of|for|having|at|whose)\s+(?:mean|variance|standard\s+deviation|sd|"
                           r"scale|location|parameters?|SYM|MATH)|of\s+(?:the\s+)?(?:sum|scaled|shifted|difference|"
                           r"average|mean)\b|of\s+(?:SYM|MATH)|evaluated\s+at\s+MATH)")
"""Words right after the naming that make the normal another one ("the normal CDF with variance $4$", "… of $Y$")."""


def _normal_named(letter: str, kind: str, kind_cjk: str):
    """Whether the words name ``letter`` the standard normal CDF or density (``kind``): the name right beside the
    letter, "the standard normal CDF $\\Phi$", "$\\Phi$ (is|denotes|for) the standard normal CDF", "write
    $\\Phi$ for the normal CDF", or "CDF $\\Phi$" right after a standard normal with no other math between
    ("$t \\sim \\mathcal N(0,1)$ (density $\\varphi$, CDF $\\Phi$)") — not a log-normal's or a half-normal's, the
    inverse ("$\\Phi$ is the inverse of the normal CDF"), one with its own variance ("the normal CDF with variance
    $4$"), another variable's ("$Y = 2Z$, with density $\\varphi$"), nor one a sentence denies."""
    own = re.compile(rf"\$\s*{re.escape(letter)}\s*(?:\(\s*(?:[a-z]|\\cdot)\s*\))?\s*(?:=\s*\\Phi\s*'\s*)?\$")
    # ($\Phi(x)$ too, and "$\varphi = \Phi'$ the standard normal density")
    alone = re.compile(r"\$\s*(?:\\[A-Za-z]+|[A-Za-z])\s*\$")

    def placeholders(sentence: str) -> str:
        out = own.sub(" LETTER ", sentence)
        out = re.sub(r"\$[^$]*\$", lambda m: " STDNORMAL " if _STANDARD_NORMAL.search(m.group(0))
                     else " SYM " if alone.fullmatch(m.group(0)) else " MATH ", out)
        return re.sub(r"\s+", " ", out)

    phrases = [rf"{_NORMAL_WORD}\s+{kind}\s*,?\s*(?:(?:written|denoted)\s+(?:by\s+)?|called\s+)?LETTER(?P<after1>.*)",
               rf"LETTER\s*,?\s*(?:(?:is|denotes?|as|be|for|:)\s+)?(?:the\s+|a\s+)?{_NORMAL_WORD}\s+{kind}\b(?P<after2>.*)",
               rf"(?:STDNORMAL|(?<![-\w])standard\s+(?:normal|gaussian)\b)(?:(?!MATH|[.;]).){{0,40}}?\b{kind}\s+LETTER"
               rf"(?P<after3>.*)",
               rf"LETTER\s*,?\s*(?:(?:is|denotes|as|be|for|:)\s+)?(?:the\s+|a\s+)?{kind}\s+of\s+(?:the\s+|a\s+)?"
               rf"(?<![-\w])standard\s+(?:normal|gaussian)(?:\s+(?:distribution|variable|law))?\b(?P<after6>.*)",
               rf"(?<!对数)(?<!半){kind_cjk}\s*(?:为|是|记为|记作)?\s*LETTER(?P<after4>.*)",
               rf"LETTER\s*(?:为|是|表示|记为|记作)\s*(?<!对数)(?<!半){kind_cjk}(?P<after5>.*)"]
    named = re.compile("|".join(f"(?:{p})" for p in phrases), re.I)

    def check(text: str) -> bool:
        standard = other = False
        for s in sentences_in(text):
            if not own.search(s) or _CONTRASTED.search(re.sub(r"\$[^$]*\$", " ", s)):
                continue
            m = named.search(placeholders(s))
            if m is None:
                continue
            after = next((m.group(f"after{n}") for n in range(1, 7) if m.group(f"after{n}") is not None), "")
            if _OTHER_NORMAL.search(after):
                other = True        # ("$\Phi$ is the normal CDF with mean 2" in one section, "the standard normal CDF
            else:                   # $\Phi$" in another: which one a relation means is not read)
                standard = True
        return standard and not other
    return check


def _digamma_named(text: str) -> bool:
    """Whether the words name ψ the digamma function: "digamma" in a sentence that writes ``\\psi`` ("with
    $\\psi := (\\log\\Gamma)'$ the digamma function"), not merely somewhere in a text whose ψ is an influence
    function."""
    led = re.sub(r"\n\s*\n(?=\s*(?:\$\$|\\\[|\\begin\s*\{))", "\n", text)   # "the digamma function satisfies\n\n$$ψ(…)$$"
    return any(_DIGAMMA.search(s) and re.search(r"\\psi(?![A-Za-z])", s)
               and not _CONTRASTED.search(re.sub(r"\$[^$]*\$", " ", s)) for s in sentences_in(led))


_OWN_FORMULA = re.compile(r"(?i)\b(?:set|sets|setting|define[sd]?|defining|let|denotes?|now|instead|write|writes|call|"
                          r"calls|here|becomes?|redefine[sd]?|take|takes|use|uses|form)\b|定义|令|记")
"""Words before a formula that give a letter a function of the text's own ("We set $B(u, v) = uv$")."""


def _lead_words(lines: list[str], rel: Relation) -> str:
    """The words of the sentence before a relation: on its line for inline math, else the line before a display."""
    before = _sentence_before(lines, rel)
    if before.strip() or not 2 <= rel.line <= len(lines) + 1:
        return before
    previous = next((lines[n - 1] for n in range(rel.line - 1, max(0, rel.line - 4), -1) if lines[n - 1].strip()
                     and not lines[n - 1].strip().startswith("$$")), "")
    return re.split(r"[.!?。！？](?:\s|$)", re.sub(r"\$[^$]*\$", " ", previous))[-1]


_SPECIAL_LETTERS = {"psi": r"\\psi(?![A-Za-z])", "Phi": r"\\Phi(?![A-Za-z])", "varphi": r"\\varphi(?![A-Za-z])",
                    "phi": r"\\phi(?![A-Za-z])",
                    "B": r"(?<![A-Za-z\\])B(?![A-Za-z])|\\(?:mathrm|operatorname)\s*\{\s*B\s*\}"}


def _special_names(text: str, found: list[Relation], lines: list[str]) -> set[str]:
    """The letters the words name special functions — ψ the digamma, B the Beta function — and the text does not
    take back: not where a sentence denies it ("In this section $B$ is not the Beta function") nor where the text
    gives the letter a formula of its own at plain arguments ("We set $B(u, v) = uv$", "$\\psi(x) = x^2$")."""
    out = set()
    for name, named, word in (("psi", _digamma_named, _DIGAMMA), ("B", _beta_named, _BETA_FUNCTION),
                              ("Phi", lambda t: _normal_cdf_named(t) or _normal_cdf_conventional(t), _NORMAL_CDF),
                              ("varphi", _normal_pdf_named("\\varphi"), _NORMAL_PDF),
                              ("phi", _normal_pdf_named("\\phi"), _NORMAL_PDF)):
        letter = _SPECIAL_LETTERS[name]
        if not named(text) or any(word.search(s) and re.search(letter, s) and _CONTRASTED.search(re.sub(r"\$[^$]*\$", " ", s))
                                  for s in sentences_in(text)):
            continue
        at_arguments = re.compile(rf"\s*(?:{letter})\s*(?:\\left\s*)?\(\s*\\?[A-Za-z]+(?:\s*,\s*\\?[A-Za-z]+)*\s*"
                                  rf"(?:\\right\s*)?\)\s*")
        if any(at_arguments.fullmatch(side) and not re.search(letter, other)
               and (rel.op == ":=" or _OWN_FORMULA.search(_lead_words(lines, rel))
                    or re.search(r"(?i)\b(?:the|our|a|an)\s+[A-Za-z-]{3,}", _lead_words(lines, rel))
                    and not _SPECIAL_WORDS.search(_lead_words(lines, rel)))   # ("For the influence function
                    #                                                          of the mean, $$\psi(x) = x$$")
               for rel in found if rel.op in ("==", ":=") for side, other in ((rel.lhs, rel.rhs),)):
            # (the letter at plain arguments on the left, the side a formula defines: not "PI = Φ(z)", PI's own)
            continue        # (not "ψ(n) = H_{n-1} − γ for the harmonic numbers": a fact of the digamma's)
        if letter_named_otherwise(text, {"psi": r"\\psi", "B": "B", "Phi": r"\\Phi", "varphi": r"\\varphi",
                                         "phi": r"\\phi"}[name], _SPECIAL_WORDS) is not None:
            continue        # ("the influence function is written $\psi$", "$B(m, n)$ is the number of lattice paths")
        out.add(name)
    return out


def _special_clash(text: str, found: list[Relation], lines: list[str]) -> dict[str, int]:
    """The letters ψ, B the text makes its own (a formula at plain arguments without the special function's pieces,
    or words: :func:`.known_words.letter_named_otherwise`) while its words also name the special function
    somewhere ("In this section $B(m,n) = \\binom{m+n}{m}$" … "For the Beta function, …"): letter → the line."""
    out = {}
    for name, word in (("psi", _DIGAMMA), ("B", _BETA_FUNCTION)):
        if not word.search(text):
            continue
        letter = _SPECIAL_LETTERS[name]
        at_arguments = re.compile(rf"\s*(?:{letter})\s*(?:\\left\s*)?\(\s*\\?[A-Za-z]+(?:\s*,\s*\\?[A-Za-z]+)*\s*"
                                  rf"(?:\\right\s*)?\)\s*")
        own = [rel.line for rel in found if rel.op in ("==", ":=") and at_arguments.fullmatch(rel.lhs)
               and not re.search(letter, rel.rhs) and not SPECIAL_FORMULA.search(rel.rhs)]
        worded = letter_named_otherwise(text, {"psi": r"\\psi", "B": "B"}[name], _SPECIAL_WORDS)
        lines_own = own + ([worded] if worded is not None else [])
        if lines_own:
            out[name] = min(lines_own)
    return out


_SPECIAL_WORDS = re.compile(r"(?i)gamma|digamma|beta|euler|psi|polygamma|factorial|normal|constant|partition|integral|"
                            r"cdf|cumulative|distribution\s+function|probit|正态|伽[马玛]|贝塔")
"""Words of the special functions themselves beside ψ, B or Γ ("the digamma $\\psi$", "the normalizer $B(a, b)$")."""
_BETA_FUNCTION = re.compile(r"(?i)\bbeta\s+function\b|\bEuler(?:'s)?\s+(?:integral\s+of\s+the\s+)?first\s+kind\b|"
                            r"[Bb]eta\s*函数|贝塔函数")


def _beta_named(text: str) -> bool:
    """Whether the words name B the Beta function: "Beta function" in a sentence that writes B(…) ("where
    $B(\\alpha, \\beta)$ is the Beta function"), not denied ("B is not the Beta function")."""
    return any(_BETA_FUNCTION.search(s) and re.search(r"(?<![A-Za-z\\])B\s*(?:\(|\\left\s*\()|\\(?:mathrm|operatorname)\s*\{\s*B\s*\}", s)
               and not _CONTRASTED.search(re.sub(r"\$[^$]*\$", " ", s)) for s in sentences_in(text))


_CONTRASTED = re.compile(r"(?i)\b(?:unlike|not|no|nothing|unrelated|neither|nor|never|rather\s+than|instead\s+of|"
                         r"different\s+from|as\s+opposed\s+to|confused)\b|n't\b|无关|不是|并非|不同于|没有|不要")
"""Words that deny a sentence's naming ("ψ, unlike the digamma, …", "γ (unrelated to Euler's constant)", "the
digamma function plays no role here", "与欧拉常数无关")."""
_GAMMA_OTHER = re.compile(r"(?i)\b(?:discount\w*|focus\w*|parameter|hyper-?parameter|factor|rate|weight|interval|"
                          r"temperature|margin|coefficient|shape|scale|step|exponent|power|tun\w*|decay\w*)\b|"
                          r"折扣|因子|参数|系数|取值|衰减|学习率|温度|指数")


def _gamma_named_otherwise(sentence: str) -> bool:
    """Whether the words give ``$\\gamma$`` a name of the text's own ("damped by the momentum $\\gamma$", "the knob
    $\\gamma$", "$\\gamma$ is the heavy-ball momentum"): a quantity of its own, not Euler's constant (whatever
    another sentence calls γ)."""
    for before_words, after_words in _beside_gamma(sentence):
        before, after = before_words.split()[-4:], after_words.split()[:5]
        for phrase, named in ((before, len(before) >= 2 and any(w.lower() in _DETERMINERS for w in before[:-1])
                               and re.fullmatch(r"[A-Za-z-]+", before[-1]) is not None
                               and before[-1].lower() not in _NOT_A_NOUN_BEFORE),
                              (after, len(after) >= 3 and after[0].lower() in ("is", "denotes", "being", "as")
                               and after[1].lower() in _DETERMINERS)):
            if named and not any(_EULERISH.match(w) for w in phrase):
                return True
    return False


_DETERMINERS = frozenset({"the", "a", "an", "our", "its", "this", "that", "their"})
_NOT_A_NOUN_BEFORE = frozenset("and or with where of to by for in on at is are be let set as than while whereas "
                               "but nor plus minus".split())
"""Words right before ``$\\gamma$`` that name nothing ("the digamma function and $\\gamma$ the constant")."""
_EULERISH = re.compile(r"(?i)euler|constant|mascheroni|number|value|limit")
_GAMMA_VALUED = re.compile(r"\\gamma\s*(?:(?::=|=|\\coloneqq)\s*(?!0\.577)[-+\d.(\\]|\\in\b|<|>|\\[lg]eq?\b|\\ne\b)")


def _euler_gamma_named(text: str) -> bool:
    """Whether γ is Euler's constant: a sentence that writes ``\\gamma`` names it ("with γ ≈ 0.5772 the
    Euler–Mascheroni constant", or writes γ ≈ 0.577), and the text gives γ no other value or range (a discount
    factor γ = 0.9, a focusing parameter γ > 0) and never says it is not the constant."""
    if _GAMMA_VALUED.search(text) or any(_EULER_GAMMA.search(s) and _CONTRASTED.search(re.sub(r"\$[^$]*\$", " ", s))
                                         for s in sentences_in(text)) or any(
            re.search(r"\\gamma(?![A-Za-z])", s) and _GAMMA_OTHER.search(re.sub(r"\$[^$]*\$", " ", s))
            and (not _EULER_APPOSED.search(s) or _role_beside_gamma(s)) for s in sentences_in(text)) \
            or any(_gamma_named_otherwise(s) for s in sentences_in(text)):
        return False                # ("the discount factor $\gamma$ in the unit interval": another γ)
    return any(re.search(r"\\gamma(?![A-Za-z])", s) and _EULER_GAMMA.search(s) for s in sentences_in(text)) \
        or _digamma_named(text) and any(re.search(r"\\psi(?![A-Za-z])", line) and re.search(r"\\gamma(?![A-Za-z])", line)
                                        for line in text.splitlines())
    # ("$\psi(1) = -\gamma$" where the words name ψ the digamma: γ beside it is Euler's constant, as everywhere)


def _beside_gamma(sentence: str):
    """For each ``$\\gamma$`` alone in math in ``sentence``: the words of its clause before it and after it."""
    for m in re.finditer(r"\$\s*\\gamma\s*\$", sentence):
        yield (re.split(r"\$[^$]*\$|[,;:，；：(（]", sentence[:m.start()])[-1],
               re.split(r"\$[^$]*\$|[,;:，；：)）.。]", sentence[m.end():])[0])


def _role_beside_gamma(sentence: str) -> bool:
    """Whether a role word stands right beside ``$\\gamma$`` ("the discount factor $\\gamma$", "$\\gamma$ 是折扣因子"),
    not elsewhere in the sentence ("grow at the rate $\\log n + \\gamma$, with $\\gamma$ Euler's constant")."""
    for before, after in _beside_gamma(sentence):
        before, after = before[-40:], after[:40]
        if _GAMMA_OTHER.search(" ".join(before.split()[-3:])) or _GAMMA_OTHER.search(" ".join(after.split()[:4])) \
                or re.match(r"\s*(?:是|为|表示)?\s*\S{0,4}(?:折扣|因子|参数|系数|衰减|学习率|温度|指数)", after):
            return True
    return False


_EULER_APPOSED = re.compile(r"(?i)\$[^$]*\\gamma(?![A-Za-z])[^$]*\$\s*[(,（，]?\s*(?:(?:is|denotes|being|为|是|表示)\s*)?"
                            r"(?:the\s+)?(?:euler|欧拉)|(?:euler'?s\s+constant|euler\s*[-–—]?\s*mascheroni(?:\s+constant)?|"
                            r"欧拉常数)\s*[(（]?\s*\$\s*\\gamma(?![A-Za-z])")
"""γ set beside Euler's name ("with $\\gamma$ Euler's constant", "Euler's constant $\\gamma$"): that sentence names the
constant, whatever else it says ("the harmonic numbers grow at the rate $\\log n + \\gamma$")."""
_EULER_GAMMA = re.compile(r"(?i)euler\s*[-–—]?\s*mascheroni|euler'?s\s+constant|欧拉常数|欧拉[-–—]马歇罗尼|"
                          r"\\gamma\s*(?:\\approx|=)\s*0\.577")
_CALLED_REAL = re.compile(r"(?i)(?:\breal(?:\s+numbers?|\s+scalars?|\s+values?)?|实数)\s*\$\s*([A-Za-z])\s*\$"
                          r"|\$\s*([A-Za-z])\s*\\in\s*\\mathbb\s*\{?\s*R\s*\}?\s*\$"
                          r"|\$\s*([A-Za-z])\s*\$\s+(?:is|be|being)\s+(?:an?\s+|any\s+)?(?:arbitrary\s+|given\s+|fixed\s+)?"
                          r"(?:(?:strictly\s+)?(?:positive|negative|nonnegative|non-negative|nonpositive)\s+)?real\b"
                          r"|\$\s*([A-Za-z])\s*\$\s*(?:为|是)(?:一个|任意)?(?:的)?(?:正|负|非负)?实数")
"""A letter the words call real ("for every real $n$", "$n \\in \\mathbb{R}$", "let $n$ be a positive real number"):
not an integer by convention."""
_SPACE_POWER = re.compile(r"\\mathbb\s*\{?\s*R\s*\}?\s*\^\s*(?:\{(?P<braced>[^{}]*)\}|(?P<bare>[A-Za-z]))")


def _dimensions(text: str) -> set[str]:
    """The letters a space's power names (``q \\in \\mathbb{R}^d``, ``W \\in \\mathbb{R}^{K \\times d}``):
    dimensions (read as positive: a standing bound, not an integer the text could not override)."""
    out: set[str] = set()
    for m in _SPACE_POWER.finditer(text):
        power = m.group("braced") if m.group("braced") is not None else m.group("bare")
        power = re.sub(r"\\times|\\cdot|[+*]|×", " ", power)
        if re.fullmatch(r"\s*(?:[A-Za-z]|\d+)(?:\s+(?:[A-Za-z]|\d+))*\s*", power):   # n, K d, not n-1 or n_1
            out |= set(re.findall(r"[A-Za-z]", power))
    return out


_KNOWN_DEFINED = re.compile(r"\s*(?:\\(?:mathrm|operatorname)\s*\{\s*(?P<name>LSE|logsumexp|softmax|softplus|sigmoid|logit)\s*\}|"
                            r"\\(?P<letter>sigma)(?![A-Za-z]))\s*"
                            r"(?:\\left\s*)?\(\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?(?P<argument>\\?[A-Za-z]+)\s*\}?\s*"
                            r"(?:\\right\s*)?\)\s*(?:_\s*\{?\s*[a-z]\s*\}?)?\s*$")
"""The left side of a definition of a function softsym knows, at a plain argument (``\\mathrm{LSE}(x)``,
``\\operatorname{softmax}(\\mathbf{z})_i``)."""
_KNOWN_ALONE = re.compile(r"\s*(?:\\(?:mathrm|operatorname)\s*\{\s*(?P<name>LSE|logsumexp|softmax|softplus|sigmoid)\s*\}|"
                          r"\\sigma(?![A-Za-z]))\s*(?:(?:\\left\s*)?\(\s*\\cdot\s*(?:\\right\s*)?\))?\s*")
"""A function softsym knows written alone (or at ``\\cdot``) as the left side of an equation that gives it a meaning."""
_OWN_WORDS = re.compile(r"(?i)\b(?:we\s+use|use\s+(?:a|an|the|our)|versions?|variants?|rescaled|scaled|modified|"
                        r"generali[sz]ed|sharper|steeper|smoother|our|here|throughout|(?:this|these)\s+(?:notes?|sections?|posts?|"
                        r"chapters?))\b|我们用|这里|本文")
"""Words before a formula for a function softsym knows that make it the text's own ("Here we use a rescaled
version, $\\mathrm{softplus}(x) = 2\\log(1 + e^{x/2})$")."""


_OWN_AFTER = re.compile(r"(?i)^\s*,?\s*(?:here|throughout|in\s+(?:this|these|our)\s+(?:notes?|sections?|posts?|chapters?|"
                        r"text|article|paper)|(?:for|in)\s+(?:us|our\s+purposes))\b|^\s*,?\s*(?:在)?(?:本文|这里|本节)")
"""Words right after an inline formula for a function softsym knows that make it the text's own ("We have
$\\sigma(x) = 1/(1 + e^{-2x})$ in this note")."""
_SIGMA_CALLED = re.compile(r"\\sigma\s*(?:\\left|\\[bB]ig[gl]?)?\s*\(")
_RESPECT_TO = re.compile(r"(?i)(?:respect\s+to|w\.\s*r\.\s*t\.?|关于)\s*(?:the\s+(?:[A-Za-z-]+\s+){0,2})?"
                         r"\$\s*(\\?[A-Za-z]+)\s*\$")
_DIFFERENTIATED_AT = re.compile(r"\\nabla\s*(?:_\s*\{?\s*(?P<sub>\\?[A-Za-z]+)\s*\}?\s*)?(?:\\[A-Za-z]+|[A-Za-z])\s*"
                                r"(?:_\s*\{?\s*\w+\s*\}?\s*)?\(\s*(?P<nabla>\\?[A-Za-z]+)\s*\)|"
                                r"(?<![A-Za-z\\])\\?[A-Za-z]+\s*'+\s*\(\s*(?P<prime>\\?[A-Za-z]+)\s*\)")


def _respect_to_another(words: str, tex: str) -> str:
    """The variable the words differentiate by ("with respect to the input $x$") where the relation differentiates
    a function of one other plain variable (``\\nabla \\ell(w)``, ``h'(t)``), or ""."""
    said = {m.group(1) for m in _RESPECT_TO.finditer(words)}
    if not said:
        return ""
    at = {m.group("nabla") or m.group("prime") for m in _DIFFERENTIATED_AT.finditer(tex) if not m.group("sub")}
    return sorted(said)[0] if at and not said & at else ""


_ANOTHER_ACTIVATION = re.compile(r"(?i)\b(?:relu|rectifie[rd]|rectified\s+linear|step\s+function|heaviside|"
                                 r"sign\s+function|signum|probit|normal\s+cdf|sparsemax|hard\s*max|argmax)s?\b")
_CLASS_SAID = re.compile(
    r"(?i)\b(?:any|every|all|each)\s+(?!(?:real|positive|negative|non-?negative|non-?positive|integers?|natural|whole|"
    r"complex|rational|numbers?|values?|choices?|points?|inputs?|arguments?|MATH|the|of|such)\b)[a-z][a-z-]*\b[^.;!?]*"
    r"\b(?:satisf(?:y|ies)|obeys?|fulfil(?:l|s|ls)?)\s*[:,]?\s*$"
    r"|(?:任何|任意|所有|一切|每个|每一个)(?!实数|正数|负数|整数|自然数|数|值|点|MATH)[^。；！？]*满足\s*[:：]?\s*$")
"""A property the words state of every object of a kind ("the code lengths of any prefix code satisfy", "任何前缀码的
码长都满足"): the math's names are that object's, not any numbers (not "for every real $x$, … satisfies")."""
_BARE_LOG = re.compile(r"\\log(?![A-Za-z])(?!\s*_)|(?<![\\A-Za-z])log(?![A-Za-z_])")
"""A logarithm written without its base (``\\log 8``, not ``\\log_2 8`` nor ``\\ln 8``)."""
_KNOWN_IN_TEX = re.compile(r"\\sigma(?![A-Za-z])|softplus|softmax|\bLSE\b")
_LOGISTIC_WORDS = re.compile(r"(?i)\b(?:sigmoid|logistic|softplus|softmax|log-?sum-?exp)\b")
"""A sentence around σ (softplus, softmax, LSE) that speaks of another activation ("Our network uses ReLU
activations, so $$\\sigma(-1) = 0$$") and not of the logistic one: σ may be that one there."""
_COUNTERFACTUAL = re.compile(r"(?i)(?:^|[.;:!?]\s+)(?:had|were)\s+(?:we|i|you|they|it|one|the|this|that)\b|"
                             r"\bin\s+place\s+of\b|\breplac(?:e|es|ed|ing)\b[^.;]{0,40}\b(?:by|with)\b(?=[^.;:]*?\b(?!x+\b)[A-Za-z]{2,})|"
                             r"\b(?:if|suppose|supposing|assume|assuming|imagine|pretend|say)\b[^.;]{0,40}\bwere\b|\bwould\s+(?:fail|break)\b|\b(?:one|we|you)\s+would\b"
                             r"(?!\s+(?:then\s+|only\s+|still\s+)?(?:need|require|use|want|choose|pick|set|take|expect)\b)|"
                             r"\b(?:using|with|taking)\b[^.;]{0,40}\bas\b[^.;]{0,20}\binstead\b|"
                             r"\bswap(?:s|ped|ping)?\b[^.;]{0,40}\bfor\b|"
                             r"\bif\s+(?:we|one|you|they)\s+had\b|\bwould\s+have\b|假如|假若|倘若")
"""Words that state a relation counterfactually ("Had we used the rate form, $\\mathbb{E}[X] = \\alpha/\\beta$")."""
_SOLVED_FOR = re.compile(r"(?i)\b(?:is|are|lies|lie|occurs?|attained|achieved|reached|found)\s+(?:exactly\s+|only\s+)?"
                         r"(?:where|when)\s*\$*\s*$|\b(?:solv\w*|setting|set|at\s+which|such\s+that)\s*\$*\s*$")
"""Words before a derivative set to zero that make it an equation to solve ("Its maximum is where $H'(p) = 0$",
"solving $f'(x) = 0$")."""
_SUPPOSED_WORLD = re.compile(r"(?i)\b(?:suppose|supposing|imagine|pretend)\b[^.;]{0,60}\bwere\b|"
                             r"假如|假若|倘若")
"""A supposition contrary to the text that frames the rest of its paragraph ("Suppose the activation were the
hyperbolic tangent. Then …")."""
_PARAMETER_NOUN = (r"(?:rates?|means?|scales?|variances?|shape\s+parameters?|parameters?|temperatures?|locations?|"
                   r"concentrations?|precisions?)")
_CHANGED = re.compile(rf"(?i)\b(?:doubl|halv|tripl|quadrupl)\w*\s+(?:the\s+|its\s+|each\s+|every\s+|a\s+|one\s+)?"
                      rf"(?:\w+\s+)?{_PARAMETER_NOUN}\b|"
                      rf"\b(?:the|its|each|every|our)\s+(?:\w+\s+)?{_PARAMETER_NOUN}\s+(?:is|are|was|were|gets?|has\s+been|have\s+been)\s+"
                      rf"(?:now\s+)?(?:doubled|halved|tripled|quadrupled|multiplied|divided|scaled|increased|decreased|"
                      rf"reduced|raised|lowered|changed)\b|"
                      rf"\b(?:twice|thrice|half|double|triple)\s+(?:the|its|each|every)\s+(?:\w+\s+)?{_PARAMETER_NOUN}\b|"
                      rf"\b(?:multiply|multiplying|divide|dividing|scale|scaling|increase|increasing|decrease|decreasing)\s+"
                      rf"(?:the|its|each|every)\s+(?:\w+\s+)?{_PARAMETER_NOUN}\s+by\b|"
                      rf"\b{_PARAMETER_NOUN}\s+(?:grows?|increases?|shrinks?|decreases?)\s+(?:\w+fold|by\s+a\s+factor)\b|"
                      r"\b(?:readers?|those|anyone|people|one|you)\s+(?:who\s+)?(?:us(?:e|ing)|prefer\w*|follow\w*)\s+(?:the\s+|a\s+)?"
                      r"(?:\w+\s+){0,2}(?:parametri[sz]ation|convention|notation)|(?:参数|速率|均值|方差|温度)(?:加倍|减半)")
"""Words that state a relation after a change the math does not write ("After doubling the rate, $\\mathbb{E}[T] =
2\\lambda$"; "Readers using the mean parametrisation should read …")."""
_POWERS_ITERATE = re.compile(r"(?i)\b(?:powers?|superscripts?|exponents?)\b[^.]{0,60}?\b(?:iterat\w*|compos\w*|"
                             r"repeated(?:ly)?\s+appl\w*)")
_FUNCTION_POWER = re.compile(r"\\(?:tanh|sigma|sin|cos|tan|sinh|cosh|exp|log|ln)\s*\^\s*\{?\s*\d")
"""A power of a function before its argument (``\\tanh^2(x)``): its square, or its iterate where the text says so."""
_SIGMA_INVERSE = re.compile(r"\\sigma\s*\^\s*(?:\{\s*-\s*1\s*\}|-\s*1)(?!\s*(?:\\left\s*|\\[bB]igg?l?\s*)?\()")
"""σ^{-1} not applied to anything (the inverse function written alone, or a reciprocal?)."""
_SIGMA_TIMES = re.compile(r"\\sigma(?![A-Za-z])\s*(?:[A-Za-z0-9]|\\(?!left|right|big|Big|cdot|times|quad|,|;|!)[A-Za-z])")


def _inline_at(lines: list[str], rel: Relation) -> tuple[str, int]:
    """An inline relation's line and the column where its TeX starts there (-1: not found)."""
    if not 1 <= rel.line <= len(lines):
        return "", -1
    line = lines[rel.line - 1]
    return line, line.find(rel.tex.strip())


def _raw_sentence_before(lines: list[str], rel: Relation) -> str:
    """The words and math of an inline relation's sentence before it, on its line."""
    line, at = _inline_at(lines, rel)
    if at < 0:
        return ""
    return re.split(r"[.;!?。；](?:\s|$)", line[:at])[-1]


def _quantified_names(words: str, domain: Domain, functions: set[str]) -> set[str]:
    """The names a universal quantifier of ``words`` binds, written alone in its math ("For every $x$",
    "for all $x, y$", "对任意 $t$"): any value of theirs, not a value the text defined them as."""
    out: set[str] = set()
    for m in _QUANTIFIED_BOUND.finditer(words):
        out |= _symbols_listed([n for n in re.split(r"\s*,\s*", m.group("math").strip())
                                if re.fullmatch(r"[A-Za-z]|\\[A-Za-z]+", n)], domain, functions)
    return out


_VALUE_IN_MATH = re.compile(r"(?<![\\\w{])(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*=\s*(-?\s*\d+(?:\.\d+)?)(?![\d.]|\s*[+\-*/^(\\])")


def _positive_in_examples(text: str) -> set[str]:
    """The names every value the math gives is positive ("$m = 0.35$", "$m = 0.5$"; none zero or negative) and
    whose sign the text does not say: a parameter its examples keep positive."""
    values: dict[str, list[float]] = {}
    for written in re.findall(r"\$\$(.+?)\$\$|\$([^$]+)\$", text, flags=re.S):
        for m in _VALUE_IN_MATH.finditer(written[0] or written[1]):
            values.setdefault(m.group(1), []).append(float(m.group(2).replace(" ", "")))
    for m in re.finditer(r"(?<![\\\w{])(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*=\s*-\s*\\[dt]?frac", text):
        values.setdefault(m.group(1), []).append(-1.0)          # ("$m = -\frac12$": a negative value)
    free = {m.group(1) for m in re.finditer(r"(?i)\b(?:every|any|all|arbitrary)\s+(?:real\s+)?(?:numbers?\s+)?"
                                            r"\$\s*(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*\$", text)}
    signed = free | {m.group(1) or m.group(2) for m in re.finditer(
        r"(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*(?:(?:<|>|\\[lg]eq?\b)\s*0(?![.\d])|\\in\b)"
        r"|(?<![.\d])0\s*(?:<|>|\\[lg]eq?\b)\s*(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)", text)}
    return {name for name, found in values.items() if found and all(v > 0 for v in found) and name not in signed}


def _symbols_listed(names: list[str], domain: Domain, functions: set[str]) -> set[str]:
    """The names of ``names`` (TeX) that read as plain symbols."""
    from ..latex import Unparsed, parse_tex
    out: set[str] = set()
    for name in names:
        try:
            named = parse_tex(name, plain_context(domain, functions))
        except Unparsed:
            continue
        if isinstance(named, sp.Symbol):
            out.add(named.name)
    return out


def _quantified_with_bound(words: str, domain: Domain, functions: set[str]) -> set[str]:
    """The names a universal quantifier of ``words`` bounds in its own math ("for every $s > 0$",
    "for all $x \\in (0, 1)$", "对任意 $t \\ge 0$"): the claim is made on that range, so the bound is no
    case of a claim "in general"."""
    out: set[str] = set()
    for m in _QUANTIFIED_THEN_BOUND.finditer(words):      # "for every real $x$ with $x > 0$": x bounded there
        named = _symbols_listed(re.split(r"\s*,\s*", m.group("names").strip()), domain, functions)
        head = re.split(r"\s*(?:[<>]|\\(?:[lg]eq?|in)(?![A-Za-z]))", m.group("bound"))[0]
        if named and named == _symbols_listed(re.split(r"\s*,\s*", head.strip()), domain, functions):
            out |= named
    for m in _QUANTIFIED_BOUND.finditer(words):
        math = m.group("math")
        if not re.search(r"[<>]|\\(?:[lg]eq?|in)(?![A-Za-z])", math):
            continue
        head = re.split(r"\s*(?:[<>]|\\(?:[lg]eq?|in)(?![A-Za-z]))", math)
        for piece in head:
            out |= _symbols_listed(re.split(r"\s*,\s*", piece.strip()), domain, functions)
    return out


_UNIVERSAL_HERE = re.compile(r"(?i)\b(?:every|all|any|always|in\s+general|generally|whole|entire|arbitrary)\b|"
                             r"任意|所有|一般|恒")
"""Words by which a sentence claims its math for every value of its names ("on the whole line")."""
_FAMILY_LISTED = re.compile(r"^\s*([A-Za-z]|\\[A-Za-z]+)_\{?1\}?\s*,\s*(?:\\[lc]?dots|\\dotsc|\.\.\.|…)\s*,?\s*"
                            r"\1_\{?[A-Za-z]\}?\s*$")
"""``y_1, \\dots, y_n``: a family listed up to a size written as a letter."""
_COUNTING = re.compile(r"\s*(-?\d+)\s*,\s*-?\d+\s*,\s*(?:\\[lc]?dots|\\dotsc|\.\.\.|…)\s*")
""""1, 2, \\dots": counting up from the first number, without an end."""


def changed_since(readings: list[Reading], name: sp.Basic, line: int, lines: list[str] | None = None,
                  until: int = 0, until_tex: str = "") -> bool:
    """Whether a relation read after ``line`` gives ``name`` something else: ``x := 7``, ``$$x = 3$$``,
    ``3 = x`` (a side that is the name), or an unread line that mentions it (``x \\gets x - 2\\eta x``,
    ``(x, y) = (3, 0)``), up to line ``until`` — on that line, up to the relation ``until_tex``
    ("Now let $n \\gets n + 1$, so $$n! = 120$$").  A dot product's value (``u_o^\\top v_c = 2``) changes
    with either vector, also when the words after it move one ("$v_c \\leftarrow v_c + u_o$", "the new $v_c$")."""
    if product_value(sp.Eq(name, 0)):
        if any(changed_since(readings, a, line, lines, until, until_tex) for a in name.args
               if isinstance(a, (sp.Symbol, sp.Indexed))):
            return True
        letters = {str(a.base.label) if isinstance(a, sp.Indexed) else str(a) for a in name.args}
        for text in (lines or [])[line:max(line, until - 1)]:
            maths = " ".join(re.findall(r"\$[^$]*\$", text))
            if _MOVED.search(re.sub(r"\$[^$]*\$", " ", text)) and any(
                    re.search(rf"(?<![A-Za-z\\]){re.escape(x)}(?![A-Za-z])", maths) for x in letters):
                return True
        return False
    shown = sp.sstr(name)
    if isinstance(name, sp.Indexed):
        label, index = str(name.base.label), sp.sstr(name.indices[0]) if len(name.indices) == 1 else None
        token = rf"\\?{re.escape(label)}\s*_\s*\{{?\s*{re.escape(index)}\s*\}}?" if index else None
    else:
        token = rf"(?<![A-Za-z\\]){re.escape(shown)}(?![A-Za-z])" if len(shown) == 1 \
            else rf"\\{re.escape(shown)}(?![A-Za-z])"
    for r in readings:
        if r.relation.line <= line:
            continue
        if shown in (r.lhs, r.rhs) or r.verdict == "unparsed" and token and re.search(token, r.relation.lhs or r.relation.tex):
            # ((x, y) = (3, 0) unread gives x a value; ℓ''(η̂) = −n e^η̂ unread only uses n)
            return True
    texts = list((lines or [])[line - 1:until - 1])
    own = re.search(token + r"\s*(?::=|\\coloneqq\b)", texts[0]) if texts and token else None
    if own is not None:                 # "set $\eta_K := 0$" gives the value itself: after it, on its line
        texts[0] = texts[0][own.end():]
    if lines and line <= until <= len(lines) and until_tex.strip():   # (on the value's own line too)
        own = lines[until - 1]
        at = own.rfind(until_tex.strip()[:20])     # (the last: "Take $x = 2$. Set $x \to -x$. Then $$x = 2.$$")
        texts.append(own[:at] if at >= 0 else "")
    label = str(name.base.label) if isinstance(name, sp.Indexed) else shown
    for text in texts:  # "x \gets x - 2\eta x" is no relation: the text says it
        if token and _ASSIGNING.search(text) and re.search(token, text):
            return True
        if any(m.group("name").lstrip("\\") == label for m in _REASSIGNED.finditer(text)):
            return True                 # "z \gets z - 3" (every entry of z), "x \to -x"
    return False


_REORDERED = re.compile(r"(?i)\b(?:sort(?:ed|ing)?|order(?:ed)?|rank(?:ed|ing)?|descending|ascending|decreasing|"
                        r"increasing|reversed?|permut\w*|largest|smallest|top)\b|排序|从大到小|从小到大|降序|升序")
"""Words before a list of numbers that may say its entries are in another order than the vector's."""


_MOVED = re.compile(r"(?i)\b(?:replace[sd]?|update[sd]?|updating|steps?|new|now|after|change[sd]?|moved?|"
                    r"becomes?|leftarrow|gets)\b|更新|替换|之后")
"""Words that say a vector moved after an example gave its dot products values."""


_ACCENTS = ("bar", "hat", "tilde")
def _family(target: sp.Basic) -> str | None:
    """``z[]`` for a definition of every entry ``z_i``, else None."""
    return f"{target.base.label}[]" if isinstance(target, sp.Indexed) else None


def _defined_after_where(found: list[Relation], k: int, lines: list[str], names: set[str]) -> list[str]:
    """The names among ``names`` that a relation within four lines after ``found[k]`` defines,
    led in by "where" or "with" (其中): "$s_y - 1 < 0$ …, where $$s_c = …$$"."""
    rel = found[k]
    out = set()
    for r in found[k + 1:]:
        if r.line > rel.end_line + 4:
            break
        m = _LATER_NAME.fullmatch(re.sub(r"_\s*\{?\s*[A-Za-z]\s*\}?\s*$", "", r.lhs)) if r.op in ("==", ":=") else None
        named = _LATER_NAMED.fullmatch(r.lhs) if r.op in ("==", ":=") and m is None else None
        if m is None and named is None:
            continue
        between = " ".join(lines[rel.end_line - 1:r.line - 1])
        if 1 <= r.line <= len(lines):       # (up to the defining relation: "where" must lead to it, not to another
            own = lines[r.line - 1]         # relation before it — "is where $H'(p) = 0$, i.e. at $p = 1/2$")
            at = own.find(r.tex.strip()[:20]) if r.tex.strip() else -1
            between = f"{between} {own[:at] if at >= 0 else own}"
        if _WHERE_LEADS.search(between):      # (… with $a_n = w^\top x_n$)
            if named is not None:                   # S_{xx}, \hat w_{\mathrm{OLS}}: the reader's S_xx, w_hat_OLS
                accent = f"_{named.group('accent')}" if named.group("accent") in ("bar", "hat", "tilde") else ""
                written = {f"{named.group('base')}{accent}_{named.group('sub')}"}
            else:
                written = {m.group(2), f"{m.group(2)}_{m.group(1)}"} if m.group(1) in ("bar", "hat", "tilde") \
                    else {m.group(2)}                                # \bar s: the reader's s_bar
            out |= {n for n in names if n.removesuffix("[]") in written}
    return sorted(out)


def _function_defined_after_where(found: list[Relation], k: int, lines: list[str], defined: set) -> str:
    """A function of ``defined`` that ``found[k]`` applies and that a relation within four lines after it
    defines anew, led in by "where" (其中) — or ""."""
    rel = found[k]
    for r in found[k + 1:]:
        if r.line > rel.end_line + 4:
            break
        m = re.fullmatch(r"\s*\\?([A-Za-z]+)\s*(?:\\left\s*)?\(\s*\\?[A-Za-z]+(?:\s*,\s*\\?[A-Za-z]+)*\s*(?:\\right\s*)?\)\s*",
                         r.lhs) if r.op in ("==", ":=") else None      # (f(x) = …, not a value f(1/2) = …)
        if m is None or m.group(1) not in defined \
                or not re.search(rf"(?<![A-Za-z]){re.escape(m.group(1))}\s*(?:'|\^\s*\{{?\s*\\prime\s*\}}?)*\s*(?:\\left\s*)?\(",
                                 rel.tex):    # (f(2), f'(2), f^{\prime}(2))
            continue
        if re.search(r"(?i)\bwhere\b|其中", " ".join(lines[rel.end_line - 1:r.line])):
            return m.group(1)
    return ""


_WHERE_LEADS = re.compile(r"(?i)(?:\b(?:where|with)\b|其中)[^$.;]{0,30}?(?:(?:\$\$?[^$]*\$\$?|\\\[[^\]]*\\\])\s*(?:,|;|and|,\s*and|和|，)\s*)*"
                          r"(?:\$\$?|\\\[|\\begin\s*\{[a-z]+\*?\}|&)?\s*$")
"""Words that lead to a definition after the relation it serves ("… where $S = \\sum_i x_i^2$ and $\\hat w = …$",
"with $$a_n = w^\\top x_n$$"): "where"/"with", then only definitions before it."""
_OPTIMUM_NAME = re.compile(r"\s*(?:\\(?:hat|widehat)\s*\{?\s*\\?[A-Za-z]+\s*\}?\s*(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?|"
                           r"\\?[A-Za-z]+\s*(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*\^\s*\{?\s*(?:\\star|\*|\\ast)\s*\}?|"
                           r"\\?[A-Za-z]+\s*_\s*\{?\s*\\(?:mathrm|text)\s*\{\s*(?:MLE|MAP|opt|OLS|ridge)\s*\}\s*\}?)\s*")
"""A name that marks an optimum or an estimate (``w^\\star``, ``x^*``, ``\\hat\\theta``, ``\\theta_{\\mathrm{MLE}}``)."""
_LATER_NAMED = re.compile(r"\s*(?:\\(?P<accent>bar|hat|tilde|mathbf|boldsymbol)\s*\{?\s*)?\\?(?P<base>[A-Za-z]+)\s*\}?\s*_\s*"
                          r"\{\s*(?:\\(?:mathrm|text|operatorname)\s*\{\s*)?(?P<sub>[A-Za-z]{2,})\s*\}?\s*\}\s*")
"""… with a subscript of letters that names it (``S_{xx}``, ``\\hat w_{\\mathrm{OLS}}``), not an index."""
_LATER_NAME = re.compile(r"\s*(?:\\(bar|hat|tilde|mathbf|boldsymbol)\s*\{?\s*)?\\?([A-Za-z]+)\s*\}?\s*")
"""The left side of a definition written after a relation in the same display (``\\qquad \\bar{x} = …``)."""


_SENTENCE_END_IN = re.compile(r"[.!?;](?:\s|$)|[。！？；]")


def same_paragraph(lines: list[str], first: int, second: int) -> bool:
    """Whether no blank line lies between lines ``first`` and ``second``."""
    return all(text.strip() for text in lines[first:second - 1])


def real_names(expr: sp.Basic) -> set[sp.Basic]:
    """The free names of ``expr`` but its indices (``(0.6, 0.8)`` read at entry i names nothing)."""
    return {x for x in expr.free_symbols if not (isinstance(x, sp.Symbol) and x.is_integer)}


_BRACKET_WORDS = re.compile(r"(?i)\\langle\s*(?:\\[,;:!]\s*)?\\cdot|\bbrackets?\b|尖括号|\baverages?\b[^.;]{0,60}\b(?:instead|now|"
                            r"uniform|plain|unnormali[sz]ed|other)\b|\b(?:instead|now|uniform|plain)\b[^.;]{0,60}\baverages?\b")
"""Words that speak of the bracket notation itself ("$\\langle \\cdot \\rangle$ denotes …", "the bracket would
become …"): what ⟨·⟩ means after them is for the words to say."""
def _variance_of(names: frozenset[str]) -> re.Pattern:
    r"""``\mathrm{Var}(E)`` of one of ``names`` (never matching when there is none)."""
    if not names:
        return re.compile(r"(?!)")
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"{VARIANCE}\s*(?:\\left\s*)?[(\[]\s*(?:{alternatives})\s*(?:\\right\s*)?[)\]]")


_PARTICULAR_SYSTEM = re.compile(r"(?i)\b(?:two|three|four|five|\d+)[- ](?:states?|levels?|outcomes?|energy\s+levels)\b"
                                r"|\b(?:two|three)-level\b|[二两三四五]\s*(?:能级|个状态|种状态|个能级|态系统)")
"""Words that take one system of a few outcomes ("Take two states with energies $0$ and $ε$", "二能级系统")."""


_COUNT_WORDS = {2: r"two|2|两|二", 3: r"three|3|三", 4: r"four|4|四", 5: r"five|5|五"}


def _said_to_be_all(words: str, count: int) -> bool:
    """Whether the words say the system has exactly ``count`` states ("Take two states with energies …",
    "a two-level system", "三个状态") and nothing of others ("the others lie higher", "its top level …"): the
    entries listed from 0 are then all of them."""
    number = _COUNT_WORDS.get(count)
    if number is None or re.search(r"(?i)\b(?:others?|another|more|further|top|higher|remaining|rest)\b|其余|其他|更高", words):
        return False
    return bool(re.search(rf"(?i)(?:\b(?:{number})[- ](?:states?|levels?|outcomes?|energy\s+levels|level\s+system)\b"
                          rf"|(?:{number})\s*(?:个状态|个能级|能级|态))", words))


def _reparametrized(lhs: sp.Basic, rhs: sp.Basic, definitions: list[Definition]) -> str:
    """How the relation applies a function the text defined in a parameter to a name defined from that
    parameter (``Z(β)`` of ``Z(T) := …`` with ``β := 1/T``, or ``T := 1/β``), or ``""``."""
    undef = sp.core.function.AppliedUndef
    symbol_defs = {d.target: d.expr for d in definitions if isinstance(d.target, sp.Symbol)}
    for call in sp.Tuple(lhs, rhs).atoms(undef):
        for d in definitions:
            if not (isinstance(d.target, undef) and d.target.func == call.func and len(d.target.args) == len(call.args)):
                continue
            for param, arg in zip(d.target.args, call.args):
                if isinstance(param, sp.Symbol) and isinstance(arg, sp.Symbol) and param != arg \
                        and (param in getattr(symbol_defs.get(arg), "free_symbols", ())
                             or arg in getattr(symbol_defs.get(param), "free_symbols", ())):
                    return f"{sp.sstr(d.target)} to {arg}, a name defined through {param}"
    return ""


def _equated_before(out: list[Reading], name: sp.Symbol, sections, here: int) -> bool:
    """Whether an earlier claim of the section equated ``name`` alone (or its negative) to something: the
    text said what the name is (``… = −⟨E⟩``), so a later ``⟨E⟩ = …`` restates it."""
    alone = {sp.sstr(name), sp.sstr(-name)}
    return any(r.verdict not in ("definition", "skipped", "unparsed") and r.relation.op == "=="
               and in_scope(sections, r.relation.line, here) and ({r.lhs, r.rhs} & alone) for r in out)


def _given_a_number(name: str) -> str:
    """A pattern for ``$name = 2$`` or ``$name^2 = 1$`` at the start of inline math (``\\sigma`` for sigma)."""
    spelled = rf"\\{name}(?![A-Za-z])" if len(name) > 1 else rf"(?<![\\A-Za-z]){name}(?![A-Za-z])"
    return r"\$\s*" + spelled + r"\s*(?:\^\s*\{?\s*2\s*\}?)?\s*=\s*-?\d"


def _valued_in_other_case(problem: Problem, lines: list[str], start: int, here: int) -> tuple[str, str] | None:
    """A free name of ``problem`` (``Sigma``) whose letter in the other case (``\\sigma``) the words of its
    section before ``here`` give a number (``$\\sigma^2 = 1$``), while the name itself has none there: the pair
    (name, other) or None."""
    words = "\n".join(lines[max(start, 1) - 1:here - 1])
    for x in sorted(problem.free_symbols, key=str):
        if not isinstance(x, sp.Symbol) or x.is_integer or not x.name.isalpha():
            continue
        other = x.name.swapcase() if len(x.name) == 1 else x.name[0].swapcase() + x.name[1:]
        if other == x.name or not other.isalpha():
            continue
        if re.search(_given_a_number(other), words) and not re.search(_given_a_number(x.name), words):
            return x.name, other
    return None


def _plain(expr: sp.Basic) -> str:
    return sp.sstr(expr)


def _index_restricted_after(lines: list[str], rel: Relation, lhs: sp.Basic, rhs: sp.Basic) -> bool:
    """Whether an inline condition on entries at a free index (``$u_k > 0$``) is followed, in its sentence,
    by words that restrict that index ("for every $k \\ge 2$", "for even $k$", "for $k$ in the set $S$",
    "except …"): read as a hypothesis on every entry it would say more than the text does."""
    indices = {i.name for e in sp.Tuple(lhs, rhs).atoms(sp.Indexed) for i in e.indices if isinstance(i, sp.Symbol)}
    if not indices or not 1 <= rel.line <= len(lines):
        return False
    line = lines[rel.line - 1]
    at = column_on_line(line, rel)
    end = line.find("$", at + 1) if at >= 0 else -1
    if end < 0:
        return False
    rest = re.split(r"[.;!?。；！？](?:\s|$)", line[end + 1:], maxsplit=1)[0]
    bases = {str(e.base.label) for e in sp.Tuple(lhs, rhs).atoms(sp.Indexed)}
    after = re.sub(r"\$[^$]*\$", " ", line[end + 1:])
    if re.search(r"(?i)\bexcept|\bexception|\bbut\b|\bwhile\b|\bhowever\b|\bunless\b|\bother\s+than\b|除了|除非|但", after) \
            or any(re.search(rf"\$[^$]*(?<![A-Za-z\\])\\?{re.escape(b)}\s*_\s*\{{?\s*\d", line[end + 1:]) for b in bases):
        return True    # "…for all $k$; the first entry $p_1$ is the exception", "…, while $p_1 < 0$": not every entry
    names = "|".join(re.escape(i) for i in indices)
    bare = re.sub(r"_\s*(?:\{[^{}$]*\}|[A-Za-z0-9])|(?<=[A-Za-z}])\s*\(\s*[A-Za-z]\s*\)", " ", rest)
    # ("and $q_i > 0$ for all $i$", "and $q(x) > 0$ for all $x$": q's entry, no bound on the index)
    return bool(re.search(rf"\$[^$]*(?<![A-Za-z\\])(?:{names})(?![A-Za-z])[^$]*(?:[<>]|\\(?:ge|le|geq|leq|in|ne|neq|notin)\b|≤|≥|∈)[^$]*\$"
                          rf"|\$[^$]*(?:[<>]|\\(?:ge|le|geq|leq|in|ne|neq|notin)\b|≤|≥|∈)[^$]*(?<![A-Za-z\\])(?:{names})(?![A-Za-z])[^$]*\$", bare)
                or re.search(r"(?i)\b(?:even|odd|except|excluding|other\s+than|but|unless|only|some|between|set|"
                             r"subset|large|small|first|last|greater|less|larger|smaller|at\s+least|at\s+most)\b|除|之外|偶|奇",
                             re.sub(r"\$[^$]*\$", " ", rest)))


_EXTREME = re.compile(r"^(?P<family>[A-Za-z]+)_(?:min|max)$")


def _extreme_entries(both: sp.Basic, definitions: list[Definition]) -> list[str]:
    """The names ``lambda_min``, ``x_max`` of a relation whose family (``lambda[i]``, ``x[i]``) the relation
    or a definition it uses holds, and that no definition gives a value: the least or greatest entry,
    read as a free number (a point where it is no entry is no counterexample)."""
    families = {str(e.base.label) for e in both.atoms(sp.Indexed)} \
        | {str(e.base.label) for d in definitions for e in sp.Tuple(d.target, d.expr).atoms(sp.Indexed)}
    defined = {target_name(d.target) for d in definitions}
    return sorted(x.name for x in both.free_symbols if isinstance(x, sp.Symbol)
                  and (m := _EXTREME.match(x.name)) and m.group("family") in families and x.name not in defined)


def _instance_elsewhere(name: str, first_use: dict[str, int], defined_at: dict[str, list[int]], sections,
                        setups, line: int) -> bool:
    """Whether the definition of ``name`` is an instance a closed section gave a name the text used
    before in general (the partition function Z, then "for a single spin, Z = e^{βh} + e^{-βh}"):
    it holds in its own section, not after it (the next section's Z is another system's)."""
    at = defined_at.get(name)
    if not at or not name:
        return False
    last = at[-1]
    return first_use.get(name, last) < last and not in_scope(sections, last, line) \
        and not in_preamble(sections, last, setups)


def _used_before_section(name: str, last_use: dict[str, int], sections: list[int], line: int) -> bool:
    """Whether ``name`` was last used before the section of ``line`` began (a bold **s** in §2, then
    "the unbiased estimate is $$s^2 = …$$" in §5: a name free to be defined again there)."""
    start = max((h for h in sections if h <= line), default=0)
    return last_use.get(name, line) < start


_PROBABILITY_STATED = re.compile(r"\s*(?:P|\\Pr|\\mathbb\s*\{?\s*[PE]\s*\}?|\\operatorname\s*\{\s*P\s*\}|E)\s*"
                                 r"(?:\\left\s*|\\[bB]igg?l?\s*)?[(\[{]")
"""A relation that states a probability or an expectation (``P(N(t) \\ge 2) = 1 - e^{-\\lambda t}(1 + \\lambda t)``): the
comparison inside its event conditions nothing around it."""


def _placed_near(lhs: sp.Basic, rhs: sp.Basic, number_tex: str) -> tuple[str, str] | None:
    """A name placed at a rounded number (``x^* \\approx -1.2785``): the name and the interval the decimals written
    allow ("between -1.27855 and -1.27845"), or None."""
    name, value = (lhs, rhs) if isinstance(lhs, sp.Symbol) else (rhs, lhs)
    m = re.fullmatch(r"\s*-?\s*\d+(?:\.(\d+))?\s*", number_tex or "")
    if not isinstance(name, sp.Symbol) or not value.is_Number or m is None:
        return None
    places = len(m.group(1) or "")
    slack = sp.Rational(1, 2 * 10 ** places)        # (half a unit of the last decimal)
    low, high = value - slack, value + slack
    return name.name, f"between {float(low):.{places + 1}f} and {float(high):.{places + 1}f}"


def _assumed_before(live: list[tuple[int, sp.Basic | None]], here: int, lines: list[str],
                    columns: dict[tuple[int, sp.Basic], int],
                    assuming: dict[tuple[int, sp.Basic], bool]) -> tuple[tuple[sp.Basic, int], ...]:
    """The inequalities of this section written up to line ``here`` in sentences that assume them
    (:func:`~.hedges.assumed_in_words`, judged once per condition: ``assuming``), but those on names a
    later condition speaks of again."""
    inequalities = (sp.StrictLessThan, sp.LessThan, sp.StrictGreaterThan, sp.GreaterThan)
    earlier = [(line, c) for line, c in live if c is not None and line <= here]   # (its own line too: "Assume
    # $x > 5$. Hence $x^2 > 25$." — a point at x = 0 is doubted, and looked for again inside the assumption)
    out = []
    for k, (line, c) in enumerate(earlier):
        if not isinstance(c, inequalities) or (line, c) not in columns:
            continue
        names = spoken_keys(c) | names_in(c)
        if any((line < later or line == later and len(c.free_symbols) == 1 and not _consistent(c, d))
               and names & (spoken_keys(d) | names_in(d)) for later, d in earlier[k + 1:]) \
                or any(line == other and len(c.free_symbols) == 1 and not _consistent(c, d)
                       and names & (spoken_keys(d) | names_in(d)) for other, d in earlier[:k]):
            continue            # (bounds one line gives both ways: "Platt writes $A < 0$; I use $A > 0$")
        if (line, c) not in assuming:
            assuming[(line, c)] = assumed_in_words(lines, line, columns[(line, c)])
        if assuming[(line, c)]:
            out.append((c, line))
    return tuple(out)


def _sequences_defined_nowhere(definitions: list[Definition]) -> dict[str, str]:
    """The families a function's definition takes at its own parameter and the text defines nowhere
    (``H`` of ``\\psi(n) := H_{n-1} - \\gamma``: a known sequence, the harmonic numbers), each with that
    function's name."""
    defined = {target_name(d.target) for d in definitions} | {
        f"{d.target.base.label}[]" for d in definitions if isinstance(d.target, sp.Indexed)}
    out: dict[str, str] = {}
    for d in definitions:
        if not isinstance(d.target, sp.core.function.AppliedUndef):
            continue
        params = {a for a in d.target.args if isinstance(a, sp.Symbol)}
        for e in d.expr.atoms(sp.Indexed):
            family = f"{e.base.label}[]"
            if family not in defined and any(i.free_symbols & params for i in e.indices):
                out.setdefault(family, str(d.target.func))
    return out


def _example_values_here(example_pins: list[tuple[int, sp.Basic]], sections: dict[int, int], line: int,
                         given: list[sp.Basic]) -> list[tuple[int, sp.Basic]]:
    """The values an example gave names earlier in the section of ``line`` ("Take $z = (1, 2, 3)$": z_1 = 1, …),
    each with its line, that ``given`` does not already give; a name given two different values there is
    left out."""
    found: dict[str, tuple[int, sp.Basic]] = {}
    twice: set[str] = set()
    for at, c in example_pins:
        if at <= line and in_scope(sections, at, line):
            key = sp.sstr(c.lhs)
            if key in found and found[key][1].rhs != c.rhs:
                twice.add(key)
            found[key] = (at, c)
    own = {sp.sstr(c.lhs) for c in given}
    return [pair for key, pair in found.items() if key not in twice and key not in own]


def _entry_renamed(lhs: sp.Basic, definitions: list[Definition], recurrences=()) -> Definition | None:
    """The last definition of every entry of ``lhs``'s family written with other letters (``J[j, k] := …``
    for ``J_{ik}``, or for the entry ``J_{13}``), its letters renamed to ``lhs``'s — None when a renamed
    letter is used in the value already (it would be captured) or there is no such definition.  An entry at
    numbers of a family defined through a recurrence (m̂_t := m_t/(1 − β^t), then "Here $\\hat m_1 = g_1$")
    is a value the text gives it, not a restatement: the recurrence may not reach it."""
    undef = sp.core.function.AppliedUndef
    entry = isinstance(lhs, sp.Indexed) and (_distinct_letters(lhs.indices)      # J_{ik}, or p_1 of p_i := …
                                             or all(i.is_Integer for i in lhs.indices))
    called = isinstance(lhs, undef) and len(lhs.args) > 1 and _distinct_letters(lhs.args)   # p_{i*}(T) of p_i(T)
    if not entry and not called:
        return None
    for d in reversed(definitions):
        t = d.target
        if entry and isinstance(t, sp.Indexed) and t.base == lhs.base and len(t.indices) == len(lhs.indices) \
                and _distinct_letters(t.indices) and not (
                    all(i.is_Integer for i in lhs.indices)
                    and {str(e.base.label) for e in d.expr.atoms(sp.Indexed)} & set(recurrences)):
            mine, theirs = lhs.indices, t.indices
        elif called and isinstance(t, undef) and t.func == lhs.func and len(t.args) == len(lhs.args) \
                and _distinct_letters(t.args) and sum(a != b for a, b in zip(t.args, lhs.args)) == 1 \
                and any(getattr(a, "is_integer", False) and getattr(b, "is_integer", False)
                        for a, b in zip(t.args, lhs.args) if a != b):
            mine, theirs = lhs.args, t.args             # (the index renamed, the other arguments the same)
        else:
            continue
        taken = d.expr.atoms(sp.Symbol) - set(theirs)
        if taken & {m for m in mine if isinstance(m, sp.Symbol)}:
            return None
        return Definition(lhs, d.expr.xreplace(dict(zip(theirs, mine))), d.step)
    return None


def _distinct_letters(indices: tuple) -> bool:
    return all(isinstance(i, sp.Symbol) for i in indices) and len(set(indices)) == len(indices)


def _ends_in_a_number(found: list[Relation], k: int) -> bool:
    """Whether the chain of ``found[k]`` goes on to a number (``log softmax(x)_1 = 1 − LSE(x) ≈ −2.4076``):
    a worked example's line, whatever its first link says."""
    for rel in found[k + 1:]:
        if not rel.chained:
            return False
        if _A_NUMBER.match(rel.rhs):
            return True
    return False


_A_NUMBER = re.compile(r"^\s*-?\s*\d+(?:\.\d+)?\s*[.,;]?\s*$")


def _same_entry_named(c: sp.Basic | None) -> bool:
    """``p_t = p_c``: one family's entries at two letters, which the text makes the same entry (t is c)."""
    return isinstance(c, sp.Eq) and all(isinstance(s, sp.Indexed) and len(s.indices) == 1
                                        and isinstance(s.indices[0], sp.Symbol) for s in c.args) \
        and c.lhs.base == c.rhs.base and c.lhs.indices != c.rhs.indices


def _case_of_defined(lines: list[str], rel: Relation, lhs: sp.Basic, definitions: list[Definition]) -> bool:
    """Whether an inline ``f(x) = …`` of a function already defined follows, in its sentence, a case
    ("For $\\gamma = 0$ this is plain cross-entropy, $\\mathrm{FL}(p_t) = -\\log p_t$"): a claim in that
    case, not a new definition of f."""
    if not isinstance(lhs, sp.core.function.AppliedUndef) or not any(
            isinstance(d.target, sp.core.function.AppliedUndef) and d.target.func == lhs.func
            and len(d.target.args) == len(lhs.args) for d in definitions) or not 1 <= rel.line <= len(lines):
        return False
    line = lines[rel.line - 1]
    at = column_on_line(line, rel)
    before = re.split(r"(?<=[.;!?。；！？])\s", line[:at if at >= 0 else 0])[-1]
    return bool(_CASE_MATH.search(before))


_CASE_MATH = re.compile(r"(?i)(?:\b(?:for|if|when|whenever|with|at)|当|若|如果|对于?)\s*\$[^$]*(?:=|<|>|\\[lg]eq?\b|\\neq?\b)[^$]*\$")


def _standard_as_written(rel: Relation, context) -> bool:
    """Whether the formula a text gives its own σ, softplus or softmax is proved the same as softsym's
    (then what uses it after means the same function, whichever of the two is meant)."""
    from ..latex import Unparsed, parse_tex
    try:
        return proved_same(parse_tex(rel.lhs, context), parse_tex(rel.rhs, context))
    except Unparsed:
        return False


_POINT_FREE = re.compile(r"\s*(?P<name>[A-Za-z])\s*=\s*\\(?P<func>log|ln|exp|tanh|sinh|cosh|sin|cos|tan|arctan|arcsin|"
                         r"arccos|sqrt)\s*")


def _point_free(rel: Relation, text: str) -> Relation:
    """``g = \\log`` (a name set equal to a function written alone, "For $g = \\log$, $g'(\\mu) = 1/\\mu$") read as
    ``g(x) = \\log(x)`` — a parameter of a letter the document's math does not use — which the reader then takes as
    any ``g(x) = …`` (a definition where the words make it one)."""
    m = _POINT_FREE.fullmatch(f"{rel.lhs}={rel.rhs}") if rel.op in ("==", ":=") else None
    if m is None:
        return rel
    used = set(re.findall(r"(?<![\\A-Za-z])[A-Za-z](?![A-Za-z])", text))
    x = next((v for v in "xtusvw" if v not in used), "\\varpi")
    body = f"\\sqrt{{{x}}}" if m.group("func") == "sqrt" else f"\\{m.group('func')}({x})"
    return replace(rel, lhs=f"{m.group('name')}({x})", rhs=body)


def _as_worded(lines: list[str], rel: Relation, blocks) -> Relation:
    """``rel`` marked ``claimed`` when it would be the text's own σ or softmax (an ``=`` of one) while the
    words leading into it do not say it defines one ("Throughout, $\\sigma$ denotes the ReLU", "Here …",
    "Let …") or say it is a property, an approximation or a mistake ("the sigmoid satisfies", "well
    approximated by", "a common mistake is to write"): a claim about the function softsym knows; marked
    ``denoted`` when the words say σ denotes it.  The words are read for such candidates only."""
    probe = replace(rel, op=":=")            # (σ(x) = tanh(x), = log(1 + e^x): candidates as a := would be)
    fd = function_definition(probe) if rel.op == "==" else None
    if fd is None or bare_name(fd[0]) not in OWN_VERSIONS or defines_an_entry(probe) and bare_name(fd[0]) == "sigma":
        return rel
    if function_definition(rel) is None:    # a tanh or log version: the text's own only where it says "denotes"
        words = _words_into(lines, rel, blocks)
        if _OWN_CUE.search(words) and not _NOT_OWN_CUE.search(words) and _DENOTES.search(words) \
                and function_definition(replace(rel, denoted=True)) is not None:
            return replace(rel, denoted=True)
        said = f"{words} {_words_after(lines, rel)}"       # ("Throughout, $σ(x) = …$ is the logistic sigmoid")
        if _DEFINED_OWN.search(words) and not _NOT_OWN_CUE.search(words) \
                and not (_STANDARD_NAMED.search(said) and not _VARIANT.search(said)):
            return replace(rel, disputed=True)      # "In this note σ is the softplus, σ(x) = log(1 + e^x)"
        return rel
    words = _words_into(lines, rel, blocks)
    if not _OWN_CUE.search(words) or _NOT_OWN_CUE.search(words):
        return replace(rel, claimed=True)
    return replace(rel, denoted=True) if _DENOTES.search(words) else rel


def _words_after(lines: list[str], rel: Relation) -> str:
    """The words after an inline relation to the end of its sentence on its line ("$…$ is the logistic sigmoid,")."""
    if rel.display is not False or not 1 <= rel.end_line <= len(lines) or not rel.tex:
        return ""
    line = lines[rel.end_line - 1]
    tail = rel.tex.strip()[-15:]
    at = line.find(tail)
    return re.split(r"[.;:。；：]|\$", line[at + len(tail):].lstrip("$"), maxsplit=1)[0] if at >= 0 else ""


def _words_into(lines: list[str], rel: Relation, blocks) -> str:
    """The words leading into ``rel``: the sentence before its display, or before it on its line."""
    words = lead_in(lines, rel, blocks) if rel.display is not False else None
    if words is None and 1 <= rel.line <= len(lines):
        line = lines[rel.line - 1]
        at = column_on_line(line, rel)
        words = line[:at if at >= 0 else 0]
    return words or ""


_FUNCTION_NOTATION = re.compile(r"\s*(?:\\(?:operatorname|mathrm)\s*\{\s*[a-z]+\s*\}|\\[a-z]+)\s*=\s*(?:1\s*/\s*)?"
                                r"(?:\\(?:operatorname|mathrm)\s*\{\s*[a-z]+\s*\}|\\[a-z]+)\s*")
"""A function named by another, without arguments (``\\operatorname{sech} = 1/\\cosh``): notation, no condition."""
_OPTIMUM_AT = re.compile(r"(?i)\b(?:minimi[sz]ed|maximi[sz]ed|minimal|maximal|smallest|largest|(?:its\s+|the\s+)?(?:minimum|maximum|"
                         r"optimum|extremum|peak))\s+(?:is\s+)?(?:attained\s+|reached\s+)?(?:at|when|for)\s*(?:\$|\\\()?\s*$")
"""Words that place an optimum at the inline value after them ("is minimised at $q = 2$")."""
_CHOSEN_TUPLE = re.compile(r"(?i)\b(?:take|taking|let|set|setting|use|using|with|choose|choosing|fix|fixing|consider|"
                           r"suppose|assume|pick|e\.g\.|for\s+example|for\s+instance)\b(?![^.;]*\b(?:is|are|be|was|were|"
                           r"becomes?|equals?|gives?|yields?)\s*$)[^.;:]{0,30}$")
"""Words before a tuple of values that choose them ("Take $(a, b) = (1, 2)$", "use uint8, $[q_{\\min}, q_{\\max}] =
…$") — not "The roots … are $(x_1, x_2) = (2, 4)$", a claim."""
_RANGE_TUPLE = re.compile(r"(?i)\b(?:range|interval|bounds|limits|endpoints|clipping\s+range)\s+(?:is|are|becomes?)\s*:?\s*\$?\s*$")
"""Words that give a tuple of fresh names its values by naming what they bound ("the integer range is
$[q_{\\min}, q_{\\max}] = [0, 2^b - 1]$"): the ends of a range, chosen by the text, not a result it found."""
_NO_SOLUTION = re.compile(r"(?i)^\s*\$?\s*(?:,\s*)?(?:(?:which|that)\s+)?(?:has|have)\s+no\s+(?:real\s+|finite\s+|positive\s+)?"
                          r"(?:solutions?|roots?|zeros?|stationary\s+points?)\b|^\s*\$?\s*(?:is|are)\s+(?:never\s+(?:met|satisfied|"
                          r"zero|true)|impossible|not\s+(?:solvable|satisfiable))\b|^\s*\$?\s*(?:无解|没有解|无实根)")
"""Words right after an equation that say nothing meets it ("$-n/\\theta = 0$ has no solution")."""
_CURRIED = re.compile(r"(?P<name>\\?[A-Za-z]+)\s*(?:_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+))?\s*(?:\\left)?\([^()]*(?:\\right)?\)"
                      r"\s*(?:\\left)?\(\s*(?:[A-Za-z]|\\[A-Za-z]+|\d+(?:\.\d+)?|\\[td]?frac\s*\{?\d+\}?\s*\{?\d+\}?)\s*"
                      r"(?:\\right)?\)")
"""A function's value applied again to one name or number (``B_n(f)(t)``, ``B_3(t^2)(\\tfrac12)``): an operator's
output at a point — not a product (``\\sigma(x)(1 - \\sigma(x))`` has more than one term in its second group)."""
_ASSERTED_LEAD = re.compile(r"(?i)(?:\b(?:since|because|as|so|hence|thus|therefore|and)\s+)?\b(?:since|because|we\s+(?:have|get|"
                            r"see|know|find|obtain))\s*(?:that\s*)?,?\s*\$?\s*$|因为\s*\$?\s*$|由于\s*\$?\s*$")
"""Words that assert the inline relation after them ("Since $d = e$", "So we have $B \\ge C$"): a claim."""
_INLINE_MATH_RE = re.compile(r"\$[^$]*\$")


def _written_as_operator(lhs_tex: str, before: list[str]) -> bool:
    """Whether the function a left side ``B_n(t)`` names was written before as an operator whose value is itself
    applied (``B_n(f)(t)``: the Bernstein operator at f, at t): a formula ``B_n(t) = t`` then says what the
    operator does to one function, it does not define B_n."""
    m = re.match(r"\s*(\\?[A-Za-z]+(?:\s*_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+))?)\s*(?:\\left\s*)?\(", lhs_tex)
    if m is None:
        return False
    name = re.escape(re.sub(r"\s+", "", m.group(1))).replace("_", r"\s*_\s*")
    curried = re.compile(rf"(?<![\\A-Za-z]){name}\s*\([^()]*\)\s*\(")
    return any(curried.search(re.sub(r"(?<=_)\s+|\s+(?=_)", "", tex)) for tex in before)


def _parameter_of_definition(rel: Relation, lhs: sp.Basic, rhs: sp.Basic, owners: list[Relation],
                             defining: set[int]) -> tuple[str, sp.Basic] | None:
    """A bound by a number on a parameter of the function the relation before it defines ("$f(x; p) =
    p^x (1-p)^{1-x}$ …, with $0 < p < 1$"; not its first argument): p's range from here on, as
    :func:`parameter_bound` reads a Greek or capital name's — (the name, the bound) — else None."""
    if rel.op not in ("<", "<=", ">", ">="):
        return None
    name = lhs if rhs.is_Number else rhs if lhs.is_Number else None
    if not isinstance(name, sp.Symbol):
        return None
    for owner in owners:
        m = re.match(r"\s*\\?[A-Za-z]+\s*(?:\\left\s*)?\(([^()]*)(?:\\right\s*)?\)\s*$", owner.lhs)
        if id(owner) in defining and m and name.name in {p.strip() for p in re.split(r"[,;|]", m.group(1))[1:]}:
            # (a parameter after the variable: "$g(x) = x$ for $x \ge 0$" is one case of g, not x's range)
            relational = as_relational(rel.op, lhs, rhs)
            return (name.name, relational) if relational is not None else None
    return None


_MAGNITUDE_AFTER = re.compile(r"^\s*(k|K(?=\s*[a-z])|M|B|G|T|thousand|million|billion|trillion)\b")
_MAGNITUDES = {"k": 3, "K": 3, "thousand": 3, "M": 6, "million": 6, "B": 9, "G": 9, "billion": 9, "T": 12,
               "trillion": 12}
"""A magnitude written right after the math ("$… \\approx 2.1$M tokens", "$\\approx 7$ billion", "32K tokens"; not
"293 K", kelvins): the power of ten."""
_ROOT_IS = re.compile(r"(?i)\b(?:roots?|solutions?|zeros?|crossings?|fixed\s+points?|minimi[sz]ers?|maximi[sz]ers?|optimum)"
                      r"\s+(?:is|are|lies|sits|occurs)\s*(?:at\s*)?$")
"""Words that place a root or an optimum at the inline ≈ after them ("the larger root is $t \\approx 1.077$")."""
_AT_THE_CASE = re.compile(r"(?i)^\s*\$?\s*(?::|,?\s*(?:we\s+(?:have|get|find)|then|it\s+(?:is|equals|becomes)|the\s+\w+\s+"
                          r"(?:is|equals|becomes))\b)")
"""Words after an inline "at $x = …$" that make it the case of what follows ("At $x = a/b$, we have …")."""
_AT_A_POINT = re.compile(r"(?i)(?:\b(?:at|for|when|whenever|if)|在|当)\s*(?:\$|\\\()?\s*$")
"""The words right before an inline ≈ that make it a place ("the peak is at $\\beta\\varepsilon \\approx 2.4$"), not a value."""
_THROUGHOUT = re.compile(r"(?i)\b(?:throughout(?!\s+(?:this|the)\s+(?:section|subsection|part|paragraph|example))|in\s+(?:these|the\s+whole|all\s+(?:of\s+)?(?:these|the))\s+(?:notes?|text|"
                         r"document|post|article|chapter)|in\s+this\s+(?:note|document|post|article|chapter)|from\s+now\s+on|"
                         r"henceforth|everywhere)\b|全文|本文|通篇|以下各节")
"""Words that make the text's own σ or softmax its own everywhere, not only in its section."""
_THIS_SECTION = re.compile(r"(?i)\b(?:in|for|within|throughout)\s+this\s+(?:section|subsection|part|paragraph|example)\b|\bhere\s+only\b|"
                           r"\bfor\s+now\b|\btemporarily\b|本节|这一节|此节")
"""Words that keep even a σ(z)_i := … of the text's own (a softmax by another name) to its section."""
_ROUNDED_UP = re.compile(r"(?i)\bround(?:ed|ing|s)?\s+up(?:wards?)?\b|\bceil(?:ing|ed)?\b|\bto\s+be\s+safe\b|\bon\s+the\s+safe\s+side\b|"
                         r"\bconservative(?:ly)?\b|向上取整")
"""Words that round a value up ("Rounding up to stay on the safe side"): a value rounded away from zero is a rounding."""
_DEGREES = re.compile(r"(?i)\b(?:in|into|measured\s+in|given\s+in|expressed\s+in|are|is|uses?|using)\s+degrees\b|"
                      r"(?<![\w$.\\])\d+(?:\.\d+)?-degrees?\b|"
                      r"\b(?:one|two|three|five|ten|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|seventy|eighty|"
                      r"ninety|hundred|a\s+hundred)(?:[- ]\w+)?\s+degrees?\b(?!\s+of\s+freedom)|"
                      r"(?<![\w$.\\])\d+(?:\.\d+)?\s*(?:degrees|deg)\b(?!\s+of\s+freedom)|"
                      r"\$[^$]*\d\s*\$\s*(?:degrees|deg)\b(?!\s+of\s+freedom)|"
                      r"\bdegrees\s+(?:throughout|everywhere|here)\b|°|\^\s*\{?\s*\\circ|度数|角度制")
"""Words or marks that measure angles in degrees ("Angles are measured in degrees", "30°", "60^\\circ")."""
_TRIG_FUNCTIONS = (sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc, sp.asin, sp.acos, sp.atan, sp.acot, sp.asec, sp.acsc)
_TRIG_OF_NUMBER = re.compile(r"\\(?:arc)?(?:sin|cos|tan|cot|sec|csc)(?![A-Za-z])|\\operatorname\s*\{\s*arc")
"""A trigonometric function (``\\sin 30``, ``\\cos\\theta`` of a θ given 60, ``\\arcsin``): in a text that measures
angles in degrees, its value is not softsym's."""
_OWN_VERSION_TEX = {"sigma": r"\\sigma(?![A-Za-z])|\\mathrm\s*\{\s*sigmoid|\\operatorname\s*\{\s*sigmoid|sigmoid",
                    "sigmoid": r"sigmoid|\\sigma(?![A-Za-z])", "softmax": r"softmax", "softplus": r"softplus",
                    "LSE": r"LSE|logsumexp", "logsumexp": r"LSE|logsumexp",
                    "logit": r"logit"}
_DENOTES = re.compile(r"(?i)\b(?:denot\w*|stands?\s+for|we\s+use\s+\S+\s+for|we\s+write\s+\S+\s+for|refers?\s+to)\b|"
                      r"表示|记作|代表")


_DEFINED_OWN = re.compile(r"(?i)\b(?:we\s+define|define|denot\w*|in\s+this\s+(?:note|section|post|chapter|document)|"
                          r"throughout|we\s+use|here\s+\S+\s+is|stands?\s+for|convention)\b|定义|表示|本文|本节")
"""Words that define the text's own version of σ or softmax, whatever its formula."""
_STANDARD_NAMED = re.compile(r"(?i)\b(?:sigmoid|logistic|softmax)\b|逻辑斯谛|逻辑函数")
"""The words name the standard function itself ("We define the sigmoid"): a wrong formula is a mistake."""
_VARIANT = re.compile(r"(?i)\b(?:scaled|shifted|modified|generali[sz]ed|tempered|temperature|hard|energy|softmin|"
                      r"variant|version|instead)\b|变体|缩放")
_OWN_CUE = re.compile(r"(?i)\b(?:denot\w*|defin\w*|let|we\s+use|use[sd]?|stands?\s+for|here|throughout|in\s+this|"
                      r"write|call\w*|is\s+the|be\s+the|replac\w*|instead|means?|represent\w*|take|choose|pick|"
                      r"activation|relu|tanh|step|hard|piecewise|linear\s+unit|convention)\b|"
                      r"记|定义|表示|取|令|设|代表|这里|本节|此处")
_NOT_OWN_CUE = re.compile(r"(?i)\b(?:approximat\w*|satisf\w*|mistake\w*|wrong\w*|incorrect\w*|error\w*|naive\w*|"
                          r"common(?:ly)?|close\s+to|behaves?|roughly|near(?:ly)?|taylor|expan\w*|linearis\w*|"
                          r"lineariz\w*|identity|obeys|fulfils|check)\b|近似|错误|误|满足")


def _constant_calls(sides: sp.Basic, definitions: list[Definition]) -> list[Definition]:
    """The function definitions ``f(x) := body`` whose body has names but not x (``A(η) = λ``, the text
    meaning λ through η) that ``sides`` applies at another point (``A(η + t)``)."""
    calls = sides.atoms(sp.core.function.AppliedUndef)
    return [d for d in definitions if isinstance(d.target, sp.core.function.AppliedUndef) and d.expr.free_symbols
            and not set(d.target.args) & d.expr.free_symbols
            and any(c.func == d.target.func and c.args != d.target.args
                    and not any(e.target == c for e in definitions) for c in calls)]   # (ℓ_i(w), a term of ℓ(w))


def _described_names(lines: list[str]) -> dict[str, int]:
    """The names the words make an optimum, a root or an estimate (``described_in_words``), as the reader
    spells them (``x^*`` → x_star, ``\\hat\\mu`` → mu_hat), each with the first line that does."""
    out: dict[str, int] = {}
    for line, tex in described_in_words(lines):
        try:
            tokens = tokenize(tex)
        except Unparsed:
            continue
        if len(tokens) == 1 and tokens[0].type in ("LETTER", "GREEK", "NAME"):
            out.setdefault(str(tokens[0].value), line)
    return out


_RANDOM_NAME = re.compile(r"(?i)\$\s*\\?(?P<a>[A-Za-z]+)\s*\$\s*(?:be|is|being)\s+(?:(?:a|an)\s+)?(?:[\w-]+\s+){0,2}?"
                          r"(?:random|poisson|binomial|geometric|stochastic)\b|"
                          r"\b(?:random|poisson|binomial|geometric|stochastic)\s+(?:[\w-]+\s+){0,3}?\$\s*\\?(?P<b>[A-Za-z]+)\s*\$|"
                          r"\$\s*\\?(?P<c>[A-Za-z]+)\s*\\sim\b")
"""A name the words make random ("Let $n$ be a Poisson random variable", "a random number $N$ of terms")."""
def _scaled_name(lhs: sp.Basic, rhs: sp.Basic, known: set[str]) -> sp.Symbol | None:
    """The one name new here in a left side that is that name times names already known (``k_B T_c = J z``
    after ``\\beta := 1/(k_B T)``): the equation defines it.  None when the left side is anything else, the
    name is on the right too, or a factor is not a plain known name or a nonzero number."""
    if not isinstance(lhs, sp.Mul):
        return None
    new = [f for f in lhs.args if isinstance(f, sp.Symbol) and f.name not in known]
    if len(new) != 1 or new[0] in rhs.free_symbols or new[0].is_integer:
        return None
    if not all(f is new[0] or f.is_Number and f != 0 or isinstance(f, sp.Symbol) and f.name in known
               for f in lhs.args):
        return None
    return new[0]


_OTHER_MODEL = re.compile(r"(?i)\b(?:exact|exactly\s+solved|true|actual|measured|empirical|observed|experimental|"
                          r"compared\s+(?:with|to)|whereas|in\s+contrast|by\s+contrast|versus|vs\.?|"
                          r"\d\s*-?\s*D|(?:one|two|three)[-\s]dimensional)\b|精确|真实|实际|相比")
"""Words of a sentence that speak of another model or another value of a quantity ("the exact 2D Onsager value")."""
_DERIVED_LEAD = re.compile(r"(?i)\b(?:so|hence|thus|therefore|consequently|gives?|giving|yields?|obtain\w*|"
                           r"we\s+(?:get|find|have)|leads?\s+to|implies|solv\w*|setting|rearrang\w*|follows?|"
                           r"vanish\w*|stationary|optim\w*|maximi[sz]\w*|minimi[sz]\w*|solutions?|roots?)\b|"
                           r"所以|因此|于是|从而|得到|可得")
"""Words leading into a display that derive it: ``k_B T_c = 2 J z`` after "Therefore" is a claim, not T_c's
definition."""
_APPLIED = re.compile(r"(?<![A-Za-z\\])(\\?[A-Za-z]+)\s*'*\s*(?:\\left\s*|\\[bB]igg?l?\s*)?\(")
_TWO_LETTER_INDICES = re.compile(r"(\\?[A-Za-z]+)\s*_\s*\{\s*[a-z]\s*,?\s*[a-z]\s*\}")
_CONCLUDING = re.compile(r"(?i)\s*(?:so|hence|thus|therefore|consequently|it\s+follows\s+that|and\s+so)\b|"
                         r"\s*(?:所以|因此|于是|从而)")
"""Words that open the sentence leading into a display as a conclusion ("so the mean energy is $$⟨E⟩ =
∂\\log Z/∂β$$"): a new name it defines is a result the text derived, which may be a mistake; what
is checked through it is doubted, never refuted."""
_CONSEQUENCE_WORD = re.compile(r"(?i)\s*(?:hence|so|thus|therefore|then|consequently|and\s+so|it\s+follows\s+that)?"
                               r"[\s,:]*|\s*(?:所以|因此|于是|从而)[\s，,]*")
_DISTINCT = re.compile(r"(?i)\b(?:distinct|different|unequal)\s+(?:\w+\s+){0,2}\$(?P<math>[^$]+)\$"
                       r"(?:\s*(?:and|,)\s*\$(?P<second>[^$]+)\$)?"
                       r"|\$(?P<after>[^$]+)\$\s+(?:are\s+|being\s+)?(?:distinct|different|unequal)\b")
"""Indices the words call distinct ("a pair of distinct items $i, j$", "For $i, j$ distinct")."""


def _distinct_in_words(lhs: sp.Basic, rhs: sp.Basic, words: str) -> sp.Basic | None:
    """``i ≠ j`` when the words leading to a relation say its two free indices are distinct ("For a pair
    of distinct items $i, j$", "For $i, j$ distinct,", "Off the diagonal,"), and it has exactly two."""
    both = sp.Tuple(lhs, rhs)
    indices = sorted({i for e in both.atoms(sp.Indexed, sp.KroneckerDelta)
                      for i in (e.indices if isinstance(e, sp.Indexed) else e.args)
                      if isinstance(i, sp.Symbol) and i.is_integer and i in both.free_symbols}, key=str)
    if len(indices) != 2:
        return None
    names = {i.name for i in indices}
    said = any(set(re.findall(r"(?<![A-Za-z\\])[A-Za-z](?![A-Za-z])", math)) >= names
               for m in _DISTINCT.finditer(words or "") for math in [(m.group("math") or m.group("after")) + " " + (m.group("second") or "")]) \
        or bool(re.search(r"(?i)\boff[- ]?(?:the[- ])?diagonal\b", words or ""))
    return sp.Ne(*indices) if said else None


def _used_names(expr: sp.Basic) -> set[str]:
    """The names ``expr`` uses: its symbols, and its families by label (p of p_k)."""
    return {s.name for s in expr.free_symbols if isinstance(s, sp.Symbol)} | {str(e.base.label) for e in expr.atoms(sp.Indexed)}


def _arguments_with_a_value(target: sp.Basic, body: sp.Basic, valued: dict[str, set[str]]) -> list[str]:
    """The arguments of a function definition ``target := body`` that the body does not use and that
    are among the ``valued`` names (defined, or made vectors, before: the example's vector p of
    ``H(p) = 0.5 log 2 + …``), nor through what they are defined from (``valued``: name → the names its
    definition uses; "η = log(1 − θ) and A(η) = −log θ" is A as a function of η): the definition is then
    the function's value there, not the function (``h(t) := 0`` of a fresh t stays a function)."""
    if not isinstance(target, sp.core.function.AppliedUndef):
        return []
    used = _used_names(body)
    return [a.name for a in target.args if isinstance(a, sp.Symbol) and a.name not in used
            and any(key in valued and not valued[key] & used for key in (a.name, f"{a.name}[]"))]


def _about_current_meanings(definitions: list[Definition], previous: list[Definition]) -> list[Definition]:
    """``definitions`` without the values written of a function at a name whose meaning changed since
    ``previous`` (Var(s) := 1 of the old s, after "Now let $s = x_1 + x_2$"): they spoke of the old name."""
    changed = {target_name(d.target) for d in previous if d not in definitions} - {None}
    if not changed:
        return definitions

    def of_old_meaning(d: Definition) -> bool:
        about = own_parameters(d.target) & changed
        if isinstance(d.target, sp.core.function.AppliedUndef):      # f(x) := x³ binds x: a new x is no matter
            about -= _used_names(d.expr)
        return bool(about) and d in previous
    return [d for d in definitions if not of_old_meaning(d)]


def _given_new_meaning(definitions: list[Definition], name: str, line: int,
                       renamed_at: dict[str, int]) -> list[Definition]:
    """``definitions`` without those of ``name``, which the text gives a new meaning on ``line``: the
    name and what was defined from it (s := softmax(z) after "Now let $z_i = …$") are marked in
    ``renamed_at``, so that relations through them are doubted — the old meaning or the new?"""
    kept = [d for d in definitions if target_name(d.target) != name]
    renamed_at[name] = line
    for d in kept:
        if name in names_in(d.expr) and target_name(d.target):
            renamed_at.setdefault(target_name(d.target), line)
    return kept


_IN_SPACE = re.compile(r"^\s*(?P<names>[^$]+?)\s*\\in\s*\\mathbb\s*\{?\s*R\s*\}?\s*\^\s*(?P<dim>\{[^{}]*\}|\w)\s*[.,;]?\s*$")
_SPACE_NAME = re.compile(r"^\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?\\?(?P<name>[A-Za-z]+)\s*\}?\s*$")


def _vectors_in_space(tex: str) -> list[tuple[str, sp.Integer | None]]:
    """The names a membership ``x, \\mathbf{y} \\in \\mathbb{R}^n`` makes vectors (not ``\\mathbb{R}^{n \\times d}``,
    a matrix, nor ``\\mathbb{R}^1``), each with its length when a number writes it (``\\mathbb{R}^3``: 3;
    else None: ``\\mathbb{R}^d`` leaves the length to the text's sums)."""
    m = _IN_SPACE.match(tex)
    if m is None or re.search(r"\\times|×|,", m.group("dim")) or m.group("dim").strip("{} ") == "1":
        return []
    names = [_SPACE_NAME.match(part) for part in m.group("names").split(",")]
    found = [n.group("name") for n in names if n is not None] if all(names) else []
    size = m.group("dim").strip("{} ")
    return [(name, sp.Integer(size) if size.isdigit() else None) for name in found]


def _scaled_statistic(left: sp.Basic, right: sp.Basic) -> bool:
    """Whether ``left = right`` speaks of one variance only, each side a multiple of it
    (``Var(X)/d = Var(X)/\\sqrt{d}`` once ``Var(X/\\sqrt{d})`` has its constant taken out): no axiom of
    probability ties it to anything else, and a counterexample that gives it a positive value (the
    variance of anything not constant) refutes as read.  (Not a mean: ``2 E[X - \\mu] = 0`` holds, a
    mean may be 0.)"""
    found = list(probabilities_in(left, right))
    if len(found) != 1 or not re.match(r"Var[\[(_]", str(found[0])):
        return False
    statistic = found[0]
    if not (left.has(statistic) and right.has(statistic)):
        return False
    try:
        difference = sp.expand(left - right)
        slope = difference.coeff(statistic)
        return not slope.has(statistic) and sp.simplify(difference - slope * statistic) == 0
    except Exception:  # noqa: BLE001 - no clear shape: the doubt stands
        return False


def _quotes_a_value(lhs: sp.Basic, rhs: sp.Basic, known: dict) -> bool:
    """Whether a relation writes one of the values an example gave its names, a number no general
    identity would hold ("log p_1 = 1000 − LSE(x)" after x = (1000, 1001, 1002)): an example's line."""
    numbers = {abs(n) for n in sp.Tuple(lhs, rhs).atoms(sp.Number)}
    given = {abs(v) for v, _ in known.values() if isinstance(v, sp.Number)}
    return bool({n for n in numbers & given if n not in (0, 1, 2, sp.Rational(1, 2))})


def _unfolded_or_not(condition: sp.Basic, definitions: list[Definition]) -> sp.Basic:
    """``condition`` with the definitions unfolded (an assumption on d_k := x_{k+1} − x_k speaks of x),
    or as it is where they cannot be."""
    try:
        return unfold_keeping_variables(condition, definitions)
    except Exception:  # noqa: BLE001 - not unfolded: judged as written
        return condition


_FACTORIAL_OF_ENTRY = re.compile(r"(?<![\\A-Za-z])(?P<base>[A-Za-z])\s*_\s*(?:\{\s*(?P<braced>[A-Za-z])\s*\}|(?P<index>[A-Za-z]))"
                                 r"\s*!(?!\s*=)")


_NONNEGATIVE_LAW = re.compile(r"(?i)(?:\\(?:mathrm|operatorname|text)\s*\{\s*(?:Uniform|U|Unif)\s*\}|\\mathcal\s*\{?\s*U\s*\}?|"
                              r"\bUniform\s*\$?)\s*\(\s*0\s*,|"
                              r"\\(?:mathrm|operatorname|text)\s*\{\s*(?:Exp|Exponential|Poisson|Pois|Gamma|Beta|Bernoulli|"
                              r"Bern|Ber|Binomial|Bin|Binom|Geometric|Geom|Rayleigh|Weibull|Pareto|LogNormal|Lognormal|"
                              r"Chi2?)\s*\}|\\chi\s*\^\s*2|\b(?:uniform(?:ly)?\s+(?:on|over|in)\s+\$?\s*\[\s*0\s*,|exponential|"
                              r"poisson|gamma|beta|bernoulli|binomial|geometric|rayleigh|weibull|pareto|log-?normal|chi-?squared?)\b")
_DRAWN_FAMILY = re.compile(r"\$\s*(?P<base>[A-Za-z])\s*_\s*\{?\s*1\s*\}?\s*,\s*(?:\\[lc]?dots|\.\.\.|…)\s*,\s*(?P=base)\s*_\s*"
                           r"\{?\s*[A-Za-z]\s*\}?\s*\$")


_UNIT_CANON = {**{w: "s" for w in ("s", "sec", "secs", "second", "seconds")},
               **{w: "ms" for w in ("ms", "millisecond", "milliseconds")},
               **{w: "min" for w in ("min", "mins", "minute", "minutes")},
               **{w: "h" for w in ("h", "hr", "hrs", "hour", "hours")},
               **{w: "day" for w in ("day", "days")},
               **{w: "week" for w in ("week", "weeks", "wk", "wks")},
               **{w: "year" for w in ("year", "years", "yr", "yrs")},
               **{w: w for w in ("kHz", "MHz", "GHz")},                   # (rates per second at a prefix)
               **{w: "kHz" for w in ("kilohertz",)}, **{w: "MHz" for w in ("megahertz",)},
               **{w: "GHz" for w in ("gigahertz",)}, "K": "kelvin", "k": "magnitude",
               **{w: "m" for w in ("m", "meter", "meters", "metre", "metres")},
               **{w: "km" for w in ("km", "kilometer", "kilometers", "kilometre", "kilometres")},
               **{w: "cm" for w in ("cm", "centimeter", "centimeters", "centimetre", "centimetres")},
               **{w: "mm" for w in ("mm", "millimeter", "millimeters", "millimetre", "millimetres")},
               **{w: "um" for w in ("um", "µm", "μm", "micron", "microns", "micrometer", "micrometers")},
               **{w: "mi" for w in ("mile", "miles")}, **{w: "ft" for w in ("ft", "foot", "feet")},
               **{w: "in" for w in ("inch", "inches")},
               **{w: "kbit" for w in ("kbps", "kilobit", "kilobits")}, **{w: "Mbit" for w in ("Mbps", "megabit",
                                                                                          "megabits")},
               **{w: "Gbit" for w in ("Gbps", "gigabit", "gigabits")},
               **{w: "kB" for w in ("kilobyte", "kilobytes")}, **{w: "MB" for w in ("megabyte", "megabytes")},
               **{w: "GB" for w in ("gigabyte", "gigabytes")}, **{w: "TB" for w in ("terabyte", "terabytes")},
               **{w: "month" for w in ("month", "months", "mo")},
               **{w: "g" for w in ("g", "gram", "grams")}, **{w: "kg" for w in ("kg", "kilogram", "kilograms")},
               **{w: "mg" for w in ("mg", "milligram", "milligrams")},
               **{w: "lb" for w in ("lb", "lbs", "pound", "pounds")}, **{w: "oz" for w in ("oz", "ounce", "ounces")},
               **{w: "t" for w in ("tonne", "tonnes")},
               **{w: "L" for w in ("L", "litre", "litres", "liter", "liters")},
               **{w: "mL" for w in ("mL", "ml", "millilitre", "millilitres", "milliliter", "milliliters")},
               **{w: "mi" for w in ("mph",)}, **{w: "km" for w in ("kph", "kmh")},   # (their lengths)
               **{w: w for w in ("Wh", "kWh", "MWh", "J", "kJ", "MJ", "cal", "kcal", "W", "kW", "MW", "GW")},
               **{w: "J" for w in ("joule", "joules")}, **{w: "W" for w in ("watt", "watts")},
               **{w: "kW" for w in ("kilowatt", "kilowatts")},
               **{w: "kelvin" for w in ("kelvin", "kelvins")}, **{w: "celsius" for w in ("celsius", "Celsius", "°C")},
               **{w: "fahrenheit" for w in ("fahrenheit", "Fahrenheit", "°F")},
               **{w: "cent" for w in ("cent", "cents")}, **{w: "dollar" for w in ("dollar", "dollars", "USD")},
               **{w: "euro" for w in ("euro", "euros", "EUR")},
               **{w: "magnitude" for w in ("dozen", "dozens", "bn", "crore", "lakh")},
               **{w: "%" for w in ("basis", "bp", "bps", "permille", "‰")},   # (basis points; "bps" is bits per
               #                                                               second as often: either way a rate)
               **{w: "us" for w in ("us", "µs", "μs", "microsecond", "microseconds")},
               **{w: "ns" for w in ("ns", "nanosecond", "nanoseconds")},
               **{w: "s" for w in ("Hz", "hertz")},                        # (a rate: per second)
               **{w: "bit" for w in ("bit", "bits")}, **{w: "byte" for w in ("byte", "bytes", "B")},
               **{w: w for w in ("KB", "kB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "kbit", "Kbit", "Mbit", "Gbit",
                                 "kb", "Mb", "Gb")},
               **{w: "%" for w in ("percent", "per cent", "pct", "%", "\\%")},
               **{w: "magnitude" for w in ("thousand", "million", "billion", "trillion", "thousands", "millions",
                                          "billions")}}
_UNIT_GROUPS = ({"s", "ms", "us", "ns", "min", "h", "day", "week", "month", "year", "kHz", "MHz", "GHz"},
               {"m", "km", "cm", "mm", "um", "mi", "ft", "in"},
               {"g", "kg", "mg", "lb", "oz", "t"}, {"L", "mL"},
               {"Wh", "kWh", "MWh", "J", "kJ", "MJ", "cal", "kcal"}, {"W", "kW", "MW", "GW"},
               {"kelvin", "celsius", "fahrenheit"}, {"cent", "dollar", "euro"},
                {"bit", "byte", "KB", "kB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "kbit", "Kbit", "Mbit", "Gbit", "kb",
                 "Mb", "Gb"})
_UNIT_WORDS = re.compile(r"\s*(?:(?:\\[,;: ]|~)\s*|-(?=[A-Za-z]))?\(?(?:(?P<unit>per\s+cent|percent|pct|\\?%|(?!per\b)[A-Za-zµμ]+)"
                         r"(?:\s+(?!per\b|an?\b)(?P<unit2>[A-Za-z]+))?)?(?:\s*(?:per|/)\s*(?P<per>[A-Za-z]+)|"
                         r"\s+an?\s+(?P<per2>second|minute|hour|day|week|month|year)\b)?")


_DECLARING_UNITS = re.compile(r"(?i)\b(?:(?:are|is|be|measured|given|expressed|quoted|written|measures?|measuring|"
                               r"count|counts|keep|keeps|report|reports)\s+(?:\w+\s+)?in|(?:are|is)\s+per|in\s+units\s+of)"
                               r"\s+[a-z]")
_IN_UNIT = re.compile(r"(?i)\b(?:in|per|of)\s+(?P<unit>[A-Za-zµμ%]+)(?:\s*(?:per|/)\s*(?P<per>[A-Za-z]+))?")


def _units_declared(line: str) -> set[str]:
    """The units a sentence says values are given in ("Durations below are in minutes and rates in tokens per
    second": min, s), as :data:`_UNIT_CANON` names them — only in a sentence that declares them ("are in …")."""
    out: set[str] = set()
    for sentence in re.split(r"(?<=[.;!?])\s+", re.sub(r"\$[^$]*\$", " MATH ", line)):
        if _DECLARING_UNITS.search(sentence):
            out |= {_UNIT_CANON[w] for m in _IN_UNIT.finditer(sentence) for w in (m.group("unit"), m.group("per"))
                    if w and w in _UNIT_CANON}
    return out


def _units_after(text: str, column: int, attached: bool = False) -> set[str]:
    """The units written right after the math that ends at ``column`` of ``text`` ("$r = 20$ tokens per second":
    s; "$t = 3$ minutes": min; "$p = 5$ percent": %), as :data:`_UNIT_CANON` names them."""
    if column < 0:
        return set()
    if attached and re.match(r"(?:[kKMBm]|bn)(?![A-Za-z])", text[column:column + 3]):
        return {"magnitude"}                # ("$n = 50$k examples": fifty thousand, written against the math)
    m = _UNIT_WORDS.match(text, column)
    if m is None:
        return set()
    return {_UNIT_CANON[w] for w in (m.group("unit"), m.group("unit2"), m.group("per"), m.group("per2"))
            if w and w in _UNIT_CANON}


def _closing_column(lines: list[str], rel: Relation, column: int) -> int:
    """The column just past the inline math of ``rel`` on its last line (-1 when not found)."""
    text = lines[rel.end_line - 1] if 1 <= rel.end_line <= len(lines) else ""
    end = text.find("$", max(column, 0))
    return end + 1 if end >= 0 else -1


def _units_of_pins(pins, conditions, columns, lines: list[str]) -> list[set[str]]:
    """The units written after each value in prose a relation rests on ("$t = 3$ minutes")."""
    out = []
    for pin in pins:
        for line, c in conditions:
            if c is pin or c == pin:
                text = lines[line - 1] if 1 <= line <= len(lines) else ""
                column = columns.get((line, c), -1)
                if column < 0:          # (an example's value: found by its name on its line)
                    name = re.escape(sp.sstr(c.lhs)).replace("_", r"\s*_\s*\{?")
                    found = re.search(rf"\$\s*\\?{name}\}}?\s*=", text)
                    column = found.start() + 1 if found else -1
                end = text.find("$", column) if column >= 0 else -1
                inside = {_UNIT_CANON[w.strip()] for w in re.findall(r"\\(?:text|mathrm|rm|mbox)\s*\{([^{}]*)\}",
                                                                       text[column:end] if end >= 0 else "")
                          if w.strip() in _UNIT_CANON}        # ("$t = 3\,\text{min}$": the unit inside the math)
                out.append((_units_after(text, end + 1, attached=True) if end >= 0 else set()) | inside)
                break
    return out


_SIZE_BOUND_WORDS = re.compile(r"(?i)\b(?:at\s+most|(?<!add\s)(?<!adds\s)(?<!added\s)up\s+to|no\s+more\s+than|"
                               r"not\s+more\s+than|fewer\s+than|maximum|limited\s+to|capped|hundreds?|thousands?|"
                               r"millions?|dozens?)\b|至多|最多|不超过|以内")
"""Words that may bound a size ("length at most one hundred"): a refutation far past the proved sizes is doubted."""
_UNIT_PARTS = {"Wh": "h", "kWh": "h", "MWh": "h"}
"""The time a unit holds (watt-hours): 60 W for 30 minutes is no 1800 Wh."""


def _mixed_units(units: list[set[str]]) -> str:
    """Why values with these units cannot be multiplied as bare numbers ("%", "min and s", "bit and byte"), or ""."""
    every = set().union(*units) if units else set()
    every |= {_UNIT_PARTS[u] for u in every if u in _UNIT_PARTS}
    if "%" in every:
        return "a percentage"
    if "magnitude" in every:
        return "a magnitude word: thousand, million"
    for group in _UNIT_GROUPS:
        found = sorted(every & group)
        if len(found) > 1:
            return " and ".join(found)
    return ""


_SIGNIFICANT = re.compile(r"(?i)(?:\b(?:to|at)\s+|\()(one|two|three|four|five|\d+)\s+(?:significant\s+(?:figures?|digits?)|"
                          r"s\.\s*f\.|sig\.?\s*figs?\.?)")


def _rounds_to_figures(sides, figures: re.Match) -> bool | None:
    """Whether the right side is the left side rounded to the significant figures the words give (None: not
    numbers)."""
    digits = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}.get(figures.group(1).lower()) \
        or int(figures.group(1))
    try:
        left, right = (sp.N(side, 30) for side in sides)
        if not (left.is_number and right.is_number and left.is_real and right.is_real) or left == 0:
            return None
        unit = sp.Integer(10) ** (sp.floor(sp.log(abs(left), 10)) - digits + 1)
        return bool(abs(left - right) <= unit / 2)
    except (TypeError, ValueError):
        return None
_TOLERANCE = re.compile(r"(?i)\bstandard\s+errors?\b|\berror\s+bars?\b|\bmargin\s+of\s+error\b|\btolerance\b|"
                        r"\bto\s+within\b|\bwithin\s+(?:about\s+)?(?:\$?[\d.]+|one|two|three|a\s+few)\b|±|\\pm\b|误差")
"""Words that give an ≈ a tolerance of its own ("agrees to within one standard error", "±0.01"): its value need not
be a rounding."""
_ANOTHER_CASE = re.compile(r"(?i)\b(?:next(?!\s+(?:we|i|you|one|step|steps|,))|new|another|second|third|later|"
                           r"following|subsequent|this\s+time|instead|in\s+the\s+(?:second|next|new|other|following)"
                           r"\s+\w+)\b|下一|另一|新的|第二")
"""Words before an inline equation that start another case ("Next quarter the budget is $a + b = 14$")."""
_IMPOSING = re.compile(r"(?i)\b(?:satisf(?:y|ies|ied)|obeys?|fulfil(?:s|ls)?|meets?|needs?|requires?)\b[^.;:]{0,20}$")
"""Words right before an inline equation that impose it ("The large model satisfies $a + b = 10$")."""


def _inconsistent_with(constraints: list[sp.Basic], equation: sp.Basic, nonlinear: bool = False) -> bool:
    """Whether linear ``constraints`` in the names of ``equation`` have solutions and none meets ``equation`` too
    (the text then speaks of another case: it would not impose equations no value meets)."""
    if not isinstance(equation, sp.Eq):
        return False
    names = equation.free_symbols
    shared = [c for c in constraints if isinstance(c, sp.Eq) and c.free_symbols & names]
    if not shared or not names or any(not (c.lhs - c.rhs).is_polynomial(*c.free_symbols)
                                      or sp.Poly(c.lhs - c.rhs, *c.free_symbols).total_degree() > 2
                                      for c in [*shared, equation]):
        return False
    every = sorted(set().union(*(c.free_symbols for c in shared)) | names, key=str)
    linear = all(sp.Poly(c.lhs - c.rhs, *c.free_symbols).total_degree() <= 1 for c in [*shared, equation])
    if not linear and (len(every) > 3 or not nonlinear):
        return False            # (quadratic systems only where the words start another case: "The large rectangle")
    try:
        if linear:
            before = sp.linsolve([c.lhs - c.rhs for c in shared], every)
            after = sp.linsolve([c.lhs - c.rhs for c in [*shared, equation]], every)
            return before != sp.S.EmptySet and after == sp.S.EmptySet
        # ("$a + b = 10$ and $ab = 21$" … "$a + b = 20$ and $ab = 96$": a second rectangle's)  (complex solutions
        # count too: "no value meets them" is then never claimed of equations that only have complex ones)
        before = attempt(Deadline.after(1.0), lambda: sp.solve([c.lhs - c.rhs for c in shared], every, dict=True), None)
        after = attempt(Deadline.after(1.0), lambda: sp.solve([c.lhs - c.rhs for c in [*shared, equation]], every,
                                                              dict=True), None)
    except Exception:  # noqa: BLE001 - not solved: not judged inconsistent
        return False
    return bool(before) and after == []


def _paragraph_before(lines: list[str], rel: Relation, column: int) -> str:
    """The words of ``rel``'s paragraph before it ("To be safe, every figure in this paragraph is rounded up. …")."""
    first = rel.line
    while first > 1 and lines[first - 2].strip() and not lines[first - 2].lstrip().startswith(("#", "$$", "\\[")):
        first -= 1
    own = lines[rel.line - 1][:max(column, 0)] if 1 <= rel.line <= len(lines) else ""
    return " ".join([*lines[first - 1:rel.line - 1], own])


def _log_base_here(scoped, lines: list[str], sections: dict[int, int], rel: Relation, column: int) -> int | None:
    """The base of ``\\log`` in ``rel`` (see :func:`.conditions.log_base_at`), natural where its own sentence
    measures in nats ("A fair coin has entropy $\\log 2 \\approx 0.69$ nats")."""
    text = lines[rel.line - 1] if 1 <= rel.line <= len(lines) else ""
    sentence = sentence_around(text, column) if text and column >= 0 else ""
    if re.search(r"(?i)\bnats?\b", sentence) and not re.search(r"(?i)\bbits?\b", sentence) \
            and not re.search(r"\\ln\b", text):    # (not "… $\log 4 = 2$, which is $2\ln 2 \approx 1.39$ nats": the nats
        return 0                                    # of the \ln it writes)
    return log_base_at(scoped, lines, sections, rel.line, max(column, 0))


def _prefix_apart(sides, step: int = 3, binary: bool = False) -> int:
    """The power k (a multiple of ``step``, not 0) when the two numbers of an ≈ are 10^k apart within 2 % — the
    factor between unit prefixes (T and m, G and k; with ``step`` 2, a percentage) — or 0."""
    try:
        a, b = (complex(sp.N(side, 15)) for side in sides)
    except (TypeError, ValueError):
        return 0
    if a.imag or b.imag or not a.real or not b.real or (a.real > 0) != (b.real > 0):
        return 0
    if binary:                  # KiB, MiB, GiB: 2^{10k} apart (reported as the power of ten nearest)
        power = math.log2(a.real / b.real)
        k = 10 * round(power / 10)
        return round(k * math.log10(2)) if k and abs(power - k) < math.log2(1.02) else 0
    power = math.log10(a.real / b.real)
    k = step * round(power / step)
    return k if k and abs(power - k) < math.log10(1.02) else 0


_UNIT_NEXT = re.compile(r"\s*(?:\\[,;: ]|~|\\quad)*\s*(?:\\(?:text|mathrm|rm)\s*\{\s*)?(?:\\mu\s*)?(?:[kMGTPnμu]?s|ms|ns|"
                        r"[kMGTP]?i?B(?:/s)?|[kMGTP]?FLOPs?(?:/s)?|[kMGT]?Hz|[kMG]?W|bytes?|seconds?|milliseconds?|"
                        r"microseconds?|minutes?|hours?|days?)(?![A-Za-z])")
"""A unit written right after a number ("0.44 ms", "5.0 μs", "\\text{ GB}")."""


def _law_moved(line: str, member: str) -> str:
    """The names drawn by ``member`` ("$X_i \\sim \\mathrm{Exp}(\\lambda)$") when its sentence moves them off the
    law ("shifted by $-5$", "after centring", "minus its mean"): what is drawn is then not what the text goes on
    to write, and the law's support bounds nothing; ``""`` otherwise."""
    if "\\sim" not in member:
        return ""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\$([^$]+)\$", line) if _unspaced(m.group(1)) == member]
    if not spans:
        return ""
    at, after = spans[0]
    start = max((m.end() for m in _STOP.finditer(line, 0, at)), default=0)
    end = next((m.start() for m in _STOP.finditer(line, after)), len(line))
    words = blank_inline_math(line[start:at]) + " " + blank_inline_math(line[after:end])
    if not _MOVED.search(words):
        return ""
    return " ".join(re.findall(r"[A-Za-z]+", member.split("\\sim")[0]))


_STOP = re.compile(r"[.;!?](?:\s|$)|。|；")
_MOVED = re.compile(r"(?i)\b(?:shift\w*|cent(?:r|er)\w*|subtract\w*|minus|offset\w*|translat\w*|displac\w*|"
                    r"de-?meaned|standardi[sz]\w*|normali[sz]\w*|rescal\w*|scaled|plus|added)\b|平移|减去|中心化|标准化")
"""Words that move what is drawn off its law ("shifted by", "after centring", "minus the mean", "standardised")."""


def _drawn_nonnegative(lines: list[str]) -> list[tuple[int, str, str | None]]:
    """Families the words draw from a law on nonnegative numbers ("Let $X_1, \\dots, X_n$ be i.i.d.
    $\\mathrm{Uniform}(0, \\theta)$", "observations $y_1, \\dots, y_n$ from a Poisson"): each entry nonnegative, as
    :func:`family_signs_in_words` reads a sign said in words — only a doubt on a counterexample that breaks it."""
    out = []
    for number, line in enumerate(lines, 1):
        for m in _DRAWN_FAMILY.finditer(line):
            sentence = line[m.start():m.start() + 160]      # (the math kept: the law is written there)
            law = _NONNEGATIVE_LAW.search(sentence)
            if law and re.search(r"(?i)\b(?:i\.?i\.?d\.?|independent(?:ly)?|drawn|sampled|"
                                                                r"samples?|observations?|draws?|from)\b|独立|观测|样本", sentence) \
                    and not re.search(r"(?i)\b(?:shift\w*|centr\w*|subtract\w*|minus|offset)\b", sentence):
                counted = re.search(r"(?i)poisson|pois\b|bernoulli|bern\b|ber\b|binom\w*|\bbin\b|geom\w*", law.group(0))
                out.append((number, m.group("base"), "count" if counted else ">="))
    return out


def _summed_counts(lines: list[str]) -> list[tuple[int, str, str | None]]:
    """Families whose sum the words call a count ("the stream has total count $N = \\sum_k a_k$", "the number of
    tokens $T = \\sum_i n_i$"): each entry a count, whole and nonnegative — as :func:`family_signs_in_words` reads a
    sign said in words, only a doubt on a counterexample that breaks it."""
    return [(number, m.group("base"), "count") for number, line in enumerate(lines, 1) for m in _SUMMED_COUNT.finditer(line)]


_SUMMED_COUNT = re.compile(r"(?i)\b(?:total\s+)?(?:counts?|frequenc(?:y|ies)|number\s+of\s+[a-z]+|tally)\s+(?:is\s+)?"
                           r"\$\s*[A-Za-z]\s*=\s*\\sum\s*(?:_\s*(?:\{[^{}]*\}|[A-Za-z]))?(?:\s*\^\s*(?:\{[^{}]*\}|\w))?\s*"
                           r"(?P<base>[A-Za-z])\s*_")
"""A count written as the sum of a family's entries ("total count $N = \\sum_k a_k$")."""


def _counted_families(blocks: list) -> list[tuple[int, str, str | None]]:
    """Families whose entries the text writes under a factorial ("$\\log y_i!$"): counts, each entry
    nonnegative — as :func:`family_signs_in_words` reads a sign said in words (line, base, ">="), so
    only a doubt on a counterexample that breaks it (a y_i = −1 of Poisson observations), never a
    hypothesis of a proof."""
    return [(b.line, m.group("base"), "count") for b in blocks for m in _FACTORIAL_OF_ENTRY.finditer(b.tex)]


def _family_conditions(worded: list[tuple[int, str, str | None]], domain: Domain, functions: set[str]
                       ) -> list[tuple[int, str, sp.Basic | None]]:
    """The signs words give every entry of a family ("Let $p_k$ be positive"), read once: (line, the
    family, the sign on an entry at a free index — or None where the words free the family again)."""
    from ..latex import Unparsed, parse_tex
    out: list[tuple[int, str, sp.Basic | None]] = []
    for line, base, sign in worded:
        if sign is None:
            out.append((line, base.lstrip("\\"), None))
            continue
        try:
            entry = parse_tex(f"{base}_{{1}}", plain_context(domain, functions))
        except Unparsed:
            continue
        if isinstance(entry, sp.Indexed):
            every = sp.Indexed(entry.base, sp.Symbol("k_every", integer=True))
            if sign in ("unit", "cosine", "open unit"):   # "$a_k$ is the accuracy of the k-th model": each entry
                low, high = (-1, 1) if sign == "cosine" else (0, 1)   # in [0, 1]; a cosine similarity in [−1, 1]
                strict = sign == "open unit"
                out.append((line, str(entry.base.label), (sp.Gt if strict else sp.Ge)(every, low)))
                out.append((line, str(entry.base.label), (sp.Lt if strict else sp.Le)(every, high)))
                continue
            if sign == "count":             # y_i! , "i.i.d. Poisson": each entry a whole number ≥ 0
                out.append((line, str(entry.base.label), sp.Ge(every, 0)))
                out.append((line, str(entry.base.label), sp.Eq(sp.floor(every), every, evaluate=False)))
                continue
            condition = as_relational(sign, every, sp.Integer(0))
            if condition is not None:
                out.append((line, str(entry.base.label), condition))
    return out


def _family_ranges(memberships: list[tuple[int, str]], domain: Domain, functions: set[str], lines: list[str]
                   ) -> list[tuple[int, str, sp.Basic | None]]:
    """The bounds a membership written for an entry at a letter index gives every entry of its family
    (``\\gamma_i \\in (0, 1)``: 0 < γ_k and γ_k < 1 for every k), as :func:`_family_conditions` reads signs —
    a doubt on a counterexample that breaks one, never a hypothesis."""
    out: list[tuple[int, str, sp.Basic | None]] = []
    every = sp.Symbol("k_every", integer=True)
    for line, member in memberships:
        moved = _law_moved(lines[line - 1], member)     # ("shifted by $-5$": not the law's support)
        for name, bounds in membership_bounds(member, domain, functions):
            if moved and name.split("[")[0] in moved:
                continue
            for bound in bounds:
                entries = [e for e in bound.atoms(sp.Indexed) if len(e.indices) == 1 and e.indices[0].is_Symbol]
                if len(entries) == 1:
                    out.append((line, str(entries[0].base.label), bound.xreplace({entries[0]: entries[0].base[every]})))
    return out


def _family_signs_before(signs: list[tuple[int, str, sp.Basic | None]], here: int) -> tuple[tuple[sp.Basic, int], ...]:
    """The family signs (:func:`_family_conditions`) said before line ``here`` and not freed since, as
    assumptions: a counterexample that breaks one is not reported.  (A doubt only, so "Throughout, the
    losses are nonnegative" reaches every section.)"""
    out: list[tuple[sp.Basic, int]] = []
    for line, family, condition in signs:
        if line > here:
            continue
        if condition is None:      # "Now let $p_k$ be any real numbers": what was said of p no longer holds
            out = [(c, at) for c, at in out if all(str(e.base.label) != family for e in c.atoms(sp.Indexed))]
        else:
            out.append((condition, line))
    return tuple(out)


def _word_checks(build, problem: Problem, written: list[sp.Basic], doubt_of: list[str], from_words: list[bool],
                 standing: dict, standing_doubts: dict[str, str], math_held: set[str], risky_lead: str,
                 elsewhere: frozenset[str], free: set[str], lhs: sp.Basic, rhs: sp.Basic, left: sp.Basic,
                 right: sp.Basic, lines: list[str], rel: Relation
                 ) -> tuple[list[tuple[str, Problem | None]], list[str], list, list[tuple[str, str]]]:
    """The follow-up problems that weigh a verdict against the words (see :mod:`.hedges`).

    "plain": the relation without the hypotheses read from sentences that are no plain ones (a
    proof needs it proved too). "signs:x>0,y<0", …: the relation in each sign case of the names
    (two at most) whose sign the words near it speak of (a refutation needs every case refuted) —
    names no hypothesis bounds, or names only words bound (those hypotheses left out) when the words
    name a side or the words leading into the relation may switch the case ("Otherwise,", "For the
    rest,": ``risky_lead``), but never names the math bounds or the text sets free (``math_held``).
    "within:x": the relation under a bound by numbers the words state ("less than 0.5").

    Returns:
        The follow-ups (a problem None: that reading could not be built), the descriptions of the
        hypotheses "plain" leaves out, the names of the sign cases with the sides the words name
        ("" when every refutation is doubted), and the names the words near it restrict in ways
        softsym does not read, with the word.
    """
    followups: list[tuple[str, Problem | None]] = []
    spoken = spoken_keys(left, right)
    bounded = {x.name for c in written for x in c.free_symbols if isinstance(x, sp.Symbol)}
    general = {n for n in free if n in spoken}          # "In general, …", "For every real $x$": no case of x
    doubt_of = [doubt or (f"{c} (a case of {', '.join(sorted(general))}, which the text says it holds for in "
                          f"general)" if worded_c and names_in(c) & general else "")
                for c, doubt, worded_c in zip(written, doubt_of, from_words)]
    doubt_of = [doubt if not is_pin(c) else "" for c, doubt in zip(written, doubt_of)]   # (an example's value
    shaky = [doubt for doubt in doubt_of if doubt]      # has its own check: proved only there, it is undecided)
    kept_bounds = {x.name for c, doubt in zip(written, doubt_of) if not doubt
                   for x in c.free_symbols if isinstance(x, sp.Symbol)}      # (what the "plain" reading keeps)
    shaky_standing = sorted(name for name, doubt in standing_doubts.items()
                            if (doubt or name in general) and name in standing and name in spoken
                            and name not in kept_bounds)
    worded = [*shaky, *(standing_doubts[name] or f"{standing[name][0]} (said before; the text says it holds in "
                        f"general)" for name in shaky_standing)]
    if worded:
        try:
            followups.append(("plain", build([c for c, doubt in zip(written, doubt_of) if not doubt],
                                             dropped=frozenset(shaky_standing) | elsewhere)[0]))
            # (nor with the bounds of earlier sections, which the "sectioned" check doubts in turn)
        except Exception:  # noqa: BLE001 - no plain reading: the proof is not weighed (kept undecided below)
            followups.append(("plain", None))
    first, last = paragraph_around(lines, rel.line, rel.end_line, bool(rel.display))
    goes_on = rel.end_line < last and re.match(r"\s*(?:[a-z,;:]|where|for|when|if|unless|except|otherwise|其中|当|若)",
                                              lines[rel.end_line])       # "$$…$$ for $x > 0$": the same sentence
    near = signs_nearby(lines, max(first, rel.line - 8), rel.end_line + 1 if goes_on else rel.end_line, skip=rel.tex)
    restricted = [(n, word) for n, word in sorted(restricted_nearby(
        lines, max(first, rel.line - 8), rel.end_line + 1 if goes_on else rel.end_line).items())
        if n in spoken and (n not in free or word_bound(word, sp.Symbol(n, real=True)) is not None)]
    # (not a name the lead-in quantifies, "对所有实数 $x$" — unless a bound follows it: "For every $f$ exceeding one")
    word_held = {x.name for c, worded_c in zip(written, from_words) if worded_c and not is_pin(c)
                 for x in c.free_symbols if isinstance(x, sp.Symbol)} | {name for name in standing if name in spoken}
    pinned = {x.name for c in written if is_pin(c) for x in c.free_symbols if isinstance(x, sp.Symbol)}
    word_only = word_held - math_held - pinned - {x.name for c, worded_c in zip(written, from_words) if not worded_c
                                                  for x in c.free_symbols if isinstance(x, sp.Symbol)}
    held = math_held | pinned | bounded - word_only | {b.symbol.name for b in problem.domain.bounds} - word_only
    symbols = {x.name: x for x in sp.Tuple(problem.lhs, problem.rhs).free_symbols if isinstance(x, sp.Symbol)}
    own = {x.name: x for x in sp.Tuple(lhs, rhs).free_symbols if isinstance(x, sp.Symbol)}
    names = sorted(n for n in near if n in symbols and n not in held and symbols[n].is_integer is not True
                   and (n in word_only or symbols[n].is_positive is None and symbols[n].is_negative is None
                        and symbols[n].is_nonnegative is None and symbols[n].is_nonpositive is None))[:2]
    # a counterexample is doubted where it puts a name on a side of zero the words do not name, or
    # anywhere when they name no one side ("?") or lead in doubtfully; a name words bound counts
    # only when they name a side ("Now let $x$ be negative": "-") or lead in doubtfully
    sides = [(n, "" if risky_lead else "".join(sorted(near[n]))) for n in names]
    sides = [(n, side) for n, side in sides if n not in word_only or risky_lead or {"+", "-"} & set(side)]
    names = [n for n, _ in sides]
    for name, phrase in restricted:            # "less than 0.5": the relation under that bound too
        bound = word_bound(phrase, own.get(name, sp.Symbol(name, real=True)))
        if bound is not None:
            try:
                followups.append((f"within:{name}", build([*written, *bound])[0]))
            except Exception:  # noqa: BLE001 - no such reading: the refutation stays doubted
                pass
    counts = sorted({(lim[2] - lim[1] + 1).name for s in sp.Tuple(problem.lhs, problem.rhs).atoms(sp.Sum)
                     for lim in s.limits if isinstance(lim[2] - lim[1] + 1, sp.Symbol)})   # Σ_{j=1}^K, Σ_{j=0}^{K-1}
    if counts:                 # a counterexample with a single term (K = 1) is checked again with K ≥ 2
        unfolded = {x.name: x for x in sp.Tuple(left, right).free_symbols if isinstance(x, sp.Symbol)}
        try:
            followups.append((f"terms:{','.join(counts)}", build(
                [*written, *(sp.Ge(unfolded.get(n, own.get(n, sp.Symbol(n, integer=True, positive=True))), 2)
                             for n in counts)])[0]))
        except Exception:  # noqa: BLE001 - no such reading: a refutation at one term stays doubted
            followups.append((f"terms:{','.join(counts)}", None))
    if not names:
        return followups, worded, [], restricted
    kept = [c for c, worded_c in zip(written, from_words)
            if not (worded_c and {x.name for x in c.free_symbols if isinstance(x, sp.Symbol)} & set(names))]
    for signs in _sign_cases(len(names)):
        cases = [sp.Gt(own.get(n, sp.Symbol(n, real=True)), 0) if up else sp.Lt(own.get(n, sp.Symbol(n, real=True)), 0)
                 for n, up in zip(names, signs)]
        kind = "signs:" + ",".join(f"{n}{'>' if up else '<'}0" for n, up in zip(names, signs))
        try:
            followups.append((kind, build([*kept, *cases], dropped=frozenset(names))[0]))
        except Exception:  # noqa: BLE001 - no such reading: the refutation is not confirmed there
            followups.append((kind, None))
    return followups, worded, sides, restricted


def _hidden_constants(lhs: sp.Basic, rhs: sp.Basic, left: sp.Basic, right: sp.Basic,
                      conditions: list[tuple[int, sp.Basic | None]]) -> list[str]:
    """The plain names a relation written without any (``T(1) = 20 + 40 e^{-1}``) takes from the
    definitions it unfolds (``D`` of ``T(t) = 20 + D e^{-t}``) and no value written in math before
    pins (an example's ``n = 10`` is checked at its values by the example's own reading)."""
    if sp.Tuple(lhs, rhs).free_symbols:
        return []
    pinned = {x for _, c in conditions if c is not None and is_pin(c) for x in c.free_symbols}
    both = sp.Tuple(left, right)
    labels = {e.base.label for e in both.atoms(sp.Indexed)}            # y of y[i] (entries are no constants)
    return sorted(x.name for x in both.free_symbols if isinstance(x, sp.Symbol) and x not in pinned | labels)


def _sign_cases(count: int) -> list[tuple[bool, ...]]:
    """Every choice of a sign (True: > 0) for ``count`` names."""
    return [tuple(bool(bits >> k & 1) for k in range(count)) for bits in range(2 ** count)]


def _entries_positive(problem: Problem, families: set[str]) -> Problem:
    """``problem`` with the entries of ``families`` positive (a distribution's entries: the search on the
    simplex must not stop at p = (−1, 2), which sums to 1 but is no distribution; nor at an entry 0
    where a log p_k the text writes has no value)."""
    bases = {b for e in sp.Tuple(problem.lhs, problem.rhs, *problem.domain.given).atoms(sp.Indexed)
             for b in [e.base] if str(b.label) in families}
    swap = {b: sp.IndexedBase(b.label, **{**{k: v for k, v in b.assumptions0.items()
                                              if k in ("real", "commutative")}, "positive": True})
            for b in bases if not b.assumptions0.get("positive")}
    if not swap:
        return problem
    domain = problem.domain
    domain = Domain(domain.symbols, tuple(swap.get(b, b) for b in domain.indexed), domain.bounds,
                    tuple(g.xreplace(swap) for g in domain.given))
    return replace(problem, lhs=problem.lhs.xreplace(swap), rhs=problem.rhs.xreplace(swap), domain=domain,
                   shown=None if problem.shown is None else tuple(x.xreplace(swap) if isinstance(x, sp.Basic) else x
                                                                  for x in problem.shown))


def simplex_conditions(problem: Problem, families: tuple[str, ...]) -> list[sp.Basic]:
    """``Σ_{k=1}^{N} p_k = 1`` for each family the words call a distribution that the relation sums
    over a whole range ``1..N`` (the sum's own range: the family's size as the relation uses it)."""
    out: list[sp.Basic] = []
    for node in sp.Tuple(problem.lhs, problem.rhs, *problem.domain.given).atoms(sp.Sum):
        if len(node.limits) != 1:
            continue
        k, lo, hi = node.limits[0]
        if lo != 1:
            continue
        for entry in node.function.atoms(sp.Indexed):
            if str(entry.base.label) in families and entry.indices[-1] == k \
                    and not any(k in i.free_symbols for i in entry.indices[:-1]):      # p_k, or e_y's entry k
                fresh = sp.Symbol(f"{k.name.lstrip('_')}_s", integer=True)
                condition = sp.Eq(sp.Sum(entry.base[(*entry.indices[:-1], fresh)], (fresh, 1, hi)), 1)
                if condition not in out:
                    out.append(condition)
    return out


def _pinned_line(pin: sp.Basic, conditions: list, example_pins: list, before: int) -> int:
    """The last line before ``before`` where the text gave ``pin`` (a condition or a worked example's value)."""
    lines = [line for line, c in conditions if c == pin and line <= before]
    lines += [line for line, c in example_pins if c == pin and line <= before] if example_pins else []
    return max(lines, default=before)

