"""``check-doc``: the mathematics of one document, read as written and checked relation by relation.

The data flows one way: text → math blocks (``extract``) → relations (``chains``) → for each, a
reading (:func:`.reader.read_document`: a definition, a skipped or unparsed line, or a ``Problem``
over the document's declarations and conventions, with the definitions so far unfolded) → verdicts
(``check_document``, which weighs each verdict against the reading's doubts and variants) → the
JSON result (``document_result``), which the reports print.

``check_document`` is a pure function of (path, text, options) apart from the verdict cache: a
user with thousands of documents can hand it to any executor.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import replace

import sympy as sp

from .. import __version__
from ..numeric.display import readable_message
from ..problem import Problem
from ..errors import StepTimeout
from ..prover import prove
from ..verdict import Status, Verdict
from .conditions import contradicted, fails_at_stated, fails_in_another_base, holds_in_another_base
from .reader import DOUBLED_BOUNDS, ZERO_PINNED, DocOptions, Reading, read_document

__all__ = ["DocOptions", "Reading", "check_document", "document_result", "documents_json", "parallel_verdicts",
           "read_document"]


# -- checking -----------------------------------------------------------------------------------
def check_document(path: str, text: str, options: DocOptions = DocOptions(), *,
                   verdicts: Callable[[list[Problem], list[tuple[str, int]]], list[Verdict]] | None = None) -> dict:
    """The JSON result of one document (contract schema).  ``verdicts`` decides problems, given
    with their keys (``("main", n)``: the n-th of :func:`_all_problems`, ``("followup", n)``: of
    :func:`_all_followups`); default: in this process, one after the other; the CLI passes a
    parallel, cached one.  Follow-ups are decided only for the verdicts that ask for them."""
    start = time.perf_counter()
    readings = read_document(path, text, options)
    decide = verdicts or (lambda ps, keys: once_each(ps, lambda p: prove(p, options.timeout)))
    problems = _all_problems(readings)
    first = iter(decide(problems, [("main", n) for n in range(len(problems))]))
    decided = [(next(first), {kind: next(first) for kind, _ in r.variants}) if r.problem is not None else (None, {})
               for r in readings]
    every = _all_followups(readings)
    wanted = [n for n, (at, kind, problem) in enumerate(every)
              if problem is not None and _asked(kind, readings[at], *decided[at])]
    answers = dict(zip(wanted, decide([every[n][2] for n in wanted], [("followup", n) for n in wanted])))
    followed: list[dict[str, Verdict | None]] = [{} for _ in readings]
    for n, (at, kind, _) in enumerate(every):
        followed[at][kind] = answers.get(n)
    results = [_weighed(_result(r, verdict, variants), r, follow)
               for r, (verdict, variants), follow in zip(readings, decided, followed)]
    return document_result(path, _checks_against_their_formula(readings, results), time.perf_counter() - start)


def _checks_against_their_formula(readings: list[Reading], results: list[dict]) -> list[dict]:
    """The text's worked checks of a formula it wrote with "=" (``BCE(a, y) = max(a, 0) − ay + log(1 +
    e^{|a|})``, then ``BCE(3, 0) = 3 + log(1 + e^{-3})`` and ``BCE(−2, 1) = …``): when two or more check it and
    every one is refuted, the formula itself may be the mistake — none of them is reported as refuted."""
    checks: dict[tuple[str, int], list[int]] = {}
    for n, reading in enumerate(readings):
        if reading.checks_of is not None:
            checks.setdefault(reading.checks_of, []).append(n)
    out = list(results)
    for (name, line), at in checks.items():
        if len(at) >= 2 and all(results[n]["verdict"] == "refuted" for n in at):
            for n in at:
                out[n] = {**{k: v for k, v in results[n].items() if k not in ("lhs_value", "rhs_value")},
                          "verdict": "undecided", "counterexample": None,
                          "message": f"as read it {results[n]['message']}, but every worked check of {name} the text "
                                     f"gives disagrees with its formula on line {line}: the formula may be the "
                                     f"mistake, not the checks: not reported as refuted"}
    return out


_PROVED = (Status.PROVED, Status.PROVED_INSTANTIATED)


def once_each(problems: list[Problem], decide: Callable[[Problem], Verdict]) -> list[Verdict]:
    """``decide`` of every problem, each distinct problem (by its fingerprint) decided once: a
    document that writes one relation in many places ("$$h < \\log 2$$" after each of its
    exclusions) pays for it once."""
    from ..fingerprint import problem_fingerprint
    seen: dict[str, Verdict] = {}
    out = []
    for problem in problems:
        key = problem_fingerprint(problem)
        if key not in seen:
            seen[key] = decide(problem)
        out.append(seen[key])
    return out


def _asked(kind: str, reading: Reading, verdict: Verdict | None, variants: dict[str, Verdict]) -> bool:
    """Whether a follow-up of this ``kind`` weighs the verdict (any reading that may be reported):
    "plain" a proof; the sign cases a refutation whose counterexample the words near it doubt;
    "within:x" one whose counterexample gives x a value the words may not admit."""
    reported = [v for v in (verdict, *(variants.get(k) for k in ("stated", "unpinned", "distinct", "converse")))
                if v is not None]
    if kind == "plain":
        return any(v.status in _PROVED for v in reported)
    points = [v.counterexample.as_dict() if v.counterexample is not None else None
              for v in reported if v.status is Status.REFUTED]
    if kind.startswith("within:"):
        name = kind[len("within:"):]
        return any(_restricted_there(p, tuple(r for r in reading.restricted if r[0] == name)) for p in points)
    if kind.startswith("terms:"):       # refuted where a sum has a single term (K = 1)
        return any(_single_term(p, kind) for p in points)
    if kind == "entries":               # refuted at an entry off the values the text lists for its family
        return any(_entry_outside(p, reading.entry_values) for p in points)
    if kind == "parameters":            # refuted where a parameter the text gives no sign is 0 or negative
        return any(_parameter_signed(p, reading.signless) for p in points)
    if kind == "assumed":               # refuted at a point that breaks what the text assumed before it
        return any(_assumption_broken(p, reading.assumed) for p in points)
    if kind == "simplex":               # refuted where a distribution's entries do not sum to 1
        return any(_outside_distributions(p, reading.distributions, reading.simplex_sizes, reading.one_hot)
                   for p in points)
    if kind.startswith("at:") or kind == "step":      # a closed form of a recurrence: checked through it
        return verdict is None or verdict.status not in _PROVED
    if kind.startswith("values:"):          # refuted off the listed values, or not decided at all
        return verdict is not None and verdict.status not in _PROVED and (
            verdict.status is not Status.REFUTED or any(_off_the_list(p, reading.listed) for p in points))
    return any(_contradicts_words(p, reading.nearby) for p in points)


def _single_term(counterexample: dict | None, kind: str) -> str:
    """Where a counterexample gives a sum's count (``kind`` "terms:K,n") the value 1: "K = 1", or ""."""
    if not counterexample or not kind:
        return ""
    return ", ".join(f"{n} = 1" for n in kind[len("terms:"):].split(",") if str(counterexample.get(n)) == "1")


def _all_followups(readings: list[Reading]) -> list[tuple[int, str, Problem | None]]:
    """Every reading's follow-ups, in order: (the reading's index, the kind, the problem or None)."""
    return [(at, kind, problem) for at, r in enumerate(readings) if r.problem is not None
            for kind, problem in r.followups]


def _number(value) -> sp.Basic | None:
    """A counterexample's value (as written in its JSON) read back as a number, or None."""
    from ..parsing import parse_expr
    if value is None:
        return None
    try:
        number = parse_expr(str(value))
    except Exception:  # noqa: BLE001 - a value softsym cannot read back: the caller doubts it
        return None
    return number if number.is_real else None


def _outside_distributions(counterexample: dict | None, families: tuple[str, ...],
                           sizes: tuple[str, ...] = (), one_hot: tuple[str, ...] = ()) -> str:
    """An entry of a family the words call a distribution that the counterexample puts outside
    [0, 1] ("p[1] = 10"; a one-hot family's outside {0, 1}), or entries given that do not sum to 1
    (a point where they fall short may be one with more entries than it shows: doubted too); or
    ``""``.  ``sizes`` (the names that end the ranges summed over) are kept for callers."""
    cex = counterexample or {}
    entries: dict[str, dict[int, sp.Basic]] = {}
    for key, value in cex.items():
        if "[" in key and key.split("[", 1)[0] in families:
            number = _number(value)
            if number is None or not 0 <= number <= 1 or key.split("[", 1)[0] in one_hot and number not in (0, 1):
                return f"{key} = {value}"
            index = re.fullmatch(r"(?P<row>[^\[]+(?:\[\d+\])*)\[(?P<last>\d+)\]", key)
            if index:                          # e[1][2]: entry 2 of the row e[1] (e_y, a one-hot row)
                entries.setdefault(index.group("row"), {})[int(index.group("last"))] = number
    for family, values in entries.items():
        total = sum(values.values())
        over = float(sp.N(total - 1, 30))
        if abs(over) > 1e-12:       # (short of 1 too: p = (0, 0) is no distribution on {1, 2}, and one
            # with more entries than the point shows is what the text may mean — doubted, never refuted)
            shown = ", ".join(f"{family}[{i}] = {cex[f'{family}[{i}]']}" for i in sorted(values))
            if any(k.startswith(f"{family}[") and k.count("[") > family.count("[") + 1 for k in cex):
                continue                       # e[1] beside e[1][1]: a row read two ways, not weighed
            return f"{shown} (summing to {total}, not 1)"
    return ""


def _parameter_signed(counterexample: dict | None, signless: tuple[str, ...], whole: tuple[str, ...] = ()) -> str:
    """The parameters (named by a Greek letter the text gives no sign) the counterexample makes 0 or
    negative — or, for a count in words (``whole``), no whole number — as ``"alpha = 0"``, or ``""``."""
    out = []
    for name in signless:
        number = _number((counterexample or {}).get(name)) if (counterexample or {}).get(name) is not None else None
        if number is not None and number.is_real and (not number.is_positive or name in whole and not number.is_integer):
            out.append(f"{name} = {sp.sstr(number)}")
    return ", ".join(out)


def _restricted_there(counterexample: dict | None, restricted: tuple[tuple[str, str], ...]) -> str:
    """A name the counterexample gives a value that words near the relation restrict in a way not
    read as a hypothesis, unless the words admit that value ("less than 0.5" at 0.25, an integer
    at 3): ``"k (\"integer\")"``, or ``""``."""
    from .hedges import admits
    for name, phrase in restricted:
        value = (counterexample or {}).get(name)
        if value is None:
            continue
        number = _number(value)
        if number is None or admits(phrase, float(sp.N(number, 30))) is not True:
            return f"{name} (\"{phrase}\")"
    return ""


def _off_the_list(counterexample: dict | None, listed: tuple[tuple[str, tuple[str, ...], int], ...]) -> str:
    """A name the counterexample gives a value other than those the text lists for it ("y = 2" of
    $y \\in \\{0, 1\\}$): ``"y = 2"``, or ``""``."""
    for name, values, _ in listed:
        value = (counterexample or {}).get(name)
        if value is None:
            continue
        number = _number(value)
        if number is None or all(number != sp.Rational(v) for v in values):
            return f"{name} = {value}"
    return ""


def _listed_weighed(out: dict, reading: Reading, followed: dict[str, Verdict | None]) -> dict:
    """``out`` against the values the text lists for its names: a refutation elsewhere is shown at a
    listed value where there is one, else not reported; a relation proved at every listed value
    (each case) is proved."""
    cases = {kind[len("values:"):]: v for kind, v in followed.items() if kind.startswith("values:")}
    sets = "; ".join(f"{name} in {{{', '.join(values)}}} (line {line})" for name, values, line in reading.listed)
    off = _off_the_list(out.get("counterexample"), reading.listed) if out["verdict"] == "refuted" else ""
    every_case = bool(cases) and all(v is not None and v.status in _PROVED for v in cases.values())
    if out["verdict"] not in ("proved", "proved-instantiated") and (off or out["verdict"] != "refuted") and every_case \
            and not _withheld(reading, followed):
        return {**out, "verdict": "proved", "counterexample": None, "lhs_value": None, "rhs_value": None,
                "strategy": "listed_values",
                "message": f"proved at each value the text lists ({sets}): "
                           + "; ".join(f"{case.replace(',', ', ')} by {v.strategy}" for case, v in cases.items())}
    if off:
        hit = next(((case, v) for case, v in cases.items()
                    if v is not None and v.status is Status.REFUTED and v.counterexample is not None), None)
        if hit is None:
            return {**out, "verdict": "undecided", "counterexample": None, "lhs_value": None, "rhs_value": None,
                    "message": f"as read it {out['message']}, but there {off}, and the text lists {sets}; at those "
                               f"values it is {', '.join(sorted({str(v.status) if v else 'not checked' for v in cases.values()}))}"
                               f": not reported as refuted"}
        case, verdict = hit
        cex = verdict.counterexample
        return {**out, "counterexample": cex.as_dict(), "lhs_value": cex.lhs_value, "rhs_value": cex.rhs_value,
                "message": f"{readable_message(verdict.message, cex)} (at {case.replace(',', ', ')}, values the text "
                           f"lists: {sets})"}
    return out


def _withheld(reading: Reading, followed: dict[str, Verdict | None]) -> bool:
    """Whether a proof of this reading would be withheld anyway (a guess the words may contradict,
    hypotheses from words that are no plain statement): then no follow-up makes it proved."""
    plain = followed.get("plain")
    return bool(reading.unproved) or "plain" in followed and (plain is None or plain.status not in _PROVED) \
        or any(d for d in reading.doubts if not d.startswith("it rests on a recurrence")
               and not d.startswith("it speaks of"))


def _through_recurrence(out: dict, reading: Reading, followed: dict[str, Verdict | None]) -> dict:
    """A closed form of a recurrence (see :mod:`.induction`): refuted at a first index where the
    recurrence runs, or proved by induction (the base case and the step both proved)."""
    index, first, line, family = reading.induction
    at = {int(kind.split("=", 1)[1]): v for kind, v in followed.items() if kind.startswith("at:") and v is not None}
    only_doubt = all(d.startswith("it rests on a recurrence") for d in reading.doubts)
    refuted = [(n, v) for n, v in sorted(at.items()) if v.status is Status.REFUTED and v.counterexample is not None]
    restricted = any(name == index for name, _ in reading.restricted)    # "for every even $t$"
    if refuted and only_doubt and not restricted and out["verdict"] != "refuted":
        n, verdict = refuted[0]
        cex = verdict.counterexample
        return {**out, "verdict": "refuted", "strategy": verdict.strategy, "counterexample": cex.as_dict(),
                "lhs_value": cex.lhs_value, "rhs_value": cex.rhs_value,
                "message": f"at {index} = {n}, with {family} written out through its recurrence (line {line}): "
                           f"{readable_message(verdict.message, cex)}"}
    base, step = at.get(first), followed.get("step")
    if _withheld(reading, followed):
        return out
    if out["verdict"] not in ("proved", "proved-instantiated", "refuted") and base is not None \
            and base.status is Status.PROVED and step is not None and step.status is Status.PROVED:
        return {**out, "verdict": "proved", "strategy": "induction", "counterexample": None, "lhs_value": None,
                "rhs_value": None,
                "message": f"by induction on {index} through the recurrence of {family} (line {line}): at "
                           f"{index} = {first} by {base.strategy}; from {index} - 1 to {index} by {step.strategy}"}
    return out


def _assumption_broken(counterexample: dict | None, assumed: tuple[tuple[sp.Basic, int], ...]) -> str:
    """The first assumption (an inequality the section assumed in words before the relation) that the
    counterexample's values make false ("s[r] > 0 (line 33) fails"), or ``""``.  Only a definite
    false counts: an assumption on names the point does not give is not judged."""
    if not counterexample or not assumed:
        return ""
    values = {}
    for name, text in counterexample.items():
        number = _number(text)
        if number is not None:
            values[name] = number
    for condition, line in assumed:
        if isinstance(condition, sp.Ne) and isinstance(condition.lhs, sp.Symbol) and condition.rhs == 0 \
                and condition.lhs.name not in values:      # "(v ≠ 0)" of a vector whose entries the point gives
            entries = [v for name, v in values.items() if name.startswith(f"{condition.lhs.name}[")]
            if entries and all(v == 0 for v in entries):
                return f"{condition.lhs.name} ≠ 0 (line {line}) does not hold (every entry is 0)"
            continue
        symbols = {x: values[x.name] for x in condition.free_symbols
                   if isinstance(x, sp.Symbol) and x.name in values}
        try:
            placed = condition.xreplace(symbols)
        except (ValueError, TypeError):      # ∂/∂β at β = 1 (a claim's derivative): not judged at the point
            continue
        for at in _at_every_entry(placed, values):
            if at.has(sp.Sum):      # Σ_{x=1}^{2} E[x] e^{-βE[x]} at the point's n = 2: written out, entries and all
                try:
                    at = at.replace(lambda e: isinstance(e, sp.Sum) and all(
                        lo.is_Integer and hi.is_Integer and hi - lo < 50 for _, lo, hi in e.limits), lambda e: e.doit())
                except (ValueError, TypeError):
                    continue
            entries = {e: values[sp.sstr(e)] for e in at.atoms(sp.Indexed) if sp.sstr(e) in values}
            at = at.xreplace(entries)
            if at is sp.false or (at.is_Relational and not at.free_symbols and bool(at.simplify() is sp.false)):
                every = sorted(x.name for x in condition.free_symbols if x.name.endswith("_every"))
                shown = re.sub(r"(\w)_every\b", r"\1", sp.sstr(condition))
                if not line:
                    return f"{shown} does not hold, so a sum in it runs over no terms (read as 0, its range running " \
                           f"backwards)"
                return f"{shown}{' for every ' + ', '.join(n[:-6] for n in every) if every else ''} (line {line}) " \
                       f"does not hold"
    return ""


def _at_every_entry(condition: sp.Basic, values: dict[str, sp.Basic]) -> list[sp.Basic]:
    """``condition`` at each entry the point gives: an assumption on every entry (``p[k] > 0``, its
    index k free and not given by the point) is read at k = 1, 2, … for the entries p[1], p[2], … the
    point gives a value; any other condition as it is."""
    free = [i for e in condition.atoms(sp.Indexed) for i in e.indices
            if isinstance(i, sp.Symbol) and i.name not in values and i in condition.free_symbols]
    if len(set(free)) != 1:
        return [condition]
    index = free[0]
    families = {str(e.base.label) for e in condition.atoms(sp.Indexed) if index in e.indices}
    at = set()
    wider: dict[str, set[tuple[int, ...]]] = {}      # c[1, 2] of "the cosine similarity $c_{uv}$" (said of c[k])
    for name in values:
        m = re.fullmatch(r"(\w+)\[(-?\d+(?:,\s*-?\d+)*)\]", name)
        if m and m.group(1) in families:
            where = tuple(int(x) for x in m.group(2).split(","))
            if len(where) == 1:
                at.add(where[0])
            else:
                wider.setdefault(m.group(1), set()).add(where)
    out = [condition.xreplace({index: sp.Integer(n)}) for n in sorted(at)]
    singles = [e for e in condition.atoms(sp.Indexed) if e.indices == (index,)]
    for e in singles:
        for where in sorted(wider.get(str(e.base.label), ())):
            out.append(condition.xreplace({e: sp.Indexed(e.base, *where)}))
    return out or [condition]


def _size_broken(counterexample: dict | None, sizes: tuple[str, ...]) -> str:
    """A name the text uses as a size (the end of one of its sums: N of Σ_{n=1}^{N}) that the
    counterexample makes no positive integer ("N = 0"), as words, or ``""``."""
    for name in sizes:
        value = _number((counterexample or {}).get(name)) if name in (counterexample or {}) else None
        if value is not None and not (value.is_integer and value > 0):
            return f"{name} = {counterexample[name]}, while the text uses {name} as a size (it ends a sum or is " \
                   f"a dimension, \\mathbb{{R}}^{name})"
    return ""


def _past_a_number(out: dict, numbers: tuple[int, ...]) -> str:
    """A refutation at a size past the proved window (instantiation: "holds for each size up to 6 but fails at
    n = 141") beyond a whole number the text writes on its other lines ("Our sequences have length at most $100$",
    "$n \\in \\{1, \\dots, 100\\}$": a bound softsym may not have read; 7 stands for words that bound a size), as words,
    or ``""``."""
    if "but fails at" not in (out.get("message") or ""):
        return ""
    for name, text in (out.get("counterexample") or {}).items():
        value = _number(text)
        below = [c for c in numbers if value is not None and value.is_integer and c < value]
        if below:
            return f"{name} = {text}, past {max(below)}, a number the text writes (or words that may bound a size): " \
                   f"a bound softsym may not have read"
    return ""


def _asymmetric(counterexample: dict | None, symmetric: tuple[tuple[str, int], ...]) -> str:
    """An entry pair w[a, b], w[b, a] of a family the words call symmetric ("symmetric weights $w_{ij}$") that the
    counterexample gives two values, as words, or ``""``."""
    values = counterexample or {}
    for family, line in symmetric:
        for name, text in values.items():
            m = re.fullmatch(rf"{re.escape(family)}\[([^,\]]+),\s*([^,\]]+)\]", name)
            if m is None or m.group(1) == m.group(2):
                continue
            mirror = f"{family}[{m.group(2)}, {m.group(1)}]"      # (absent: the relation does not use it, and the
            if mirror in values and _number(values[mirror]) != _number(text):   # point keeps symmetry there)
                return f"{name} = {text} and {mirror} = {values[mirror]}, while the text calls {family} symmetric " \
                       f"(line {line})"
    return ""


def _entry_outside(counterexample: dict | None, entry_values: tuple[tuple[str, tuple[str, ...], int], ...]) -> str:
    """An entry of a family the counterexample sets to a value outside those the text listed for its
    entries ("$y_k \\in \\{0, 1\\}$" and y[1] = −1 there), as words, or ``""``."""
    for family, values, line in entry_values:
        allowed = {_number(v) for v in values}
        for name, text in (counterexample or {}).items():
            if re.fullmatch(rf"{re.escape(family)}\[[^\]]+\]", name):
                number = _number(text)
                if number is None or number not in allowed:
                    return f"{name} = {text}, while the text lists only {', '.join(values)} for the entries of " \
                           f"{family} (line {line})"
    return ""


def _contradicts_words(counterexample: dict | None, nearby: tuple[tuple[str, str], ...]) -> bool:
    """Whether a refutation is doubted by the words near it: the counterexample puts a name on a
    side of zero they do not name ("+", "-") or outside the interval they name ("(0,1)"), or they
    name no one side for it ("", "?", "+-")."""
    from .hedges import in_interval
    for name, sides in nearby:
        number = _number((counterexample or {}).get(name))
        inside = in_interval(sides, number) if number is not None else None
        if inside is not None:              # "for $p \in (0, 1)$": a point inside is what the words speak of
            if not inside:
                return True
            continue
        if sides not in ("+", "-"):
            return True
        if number is None:
            return True
        if number.is_positive and "+" not in sides or number.is_negative and "-" not in sides:
            return True
    return False


def _hypotheses_clash(problem: Problem | None) -> str:
    """Two hypotheses of a problem that cannot both hold once the values it gives its names are put in
    ("B = 32", "C = 64" and "B ≥ C" said in prose: 32 ≥ 64 is false) — described, or ``""``.  A proof
    under them would hold vacuously."""
    if problem is None:
        return ""
    given = list(problem.domain.given)
    values = {c.lhs: c.rhs for c in given if isinstance(c, sp.Eq) and isinstance(c.lhs, (sp.Symbol, sp.Indexed))
              and c.rhs.is_number}
    values.update({c.rhs: c.lhs for c in given if isinstance(c, sp.Eq) and isinstance(c.rhs, (sp.Symbol, sp.Indexed))
                   and c.lhs.is_number and c.rhs not in values})
    if not values:
        return ""
    for c in given:
        if not isinstance(c, sp.Rel) or (isinstance(c, sp.Eq) and values.get(c.lhs) == c.rhs):
            continue
        try:
            placed = c.xreplace(values)
        except (TypeError, ValueError):
            continue
        if placed == sp.false:
            shown = ", ".join(f"{sp.sstr(k)} = {sp.sstr(v)}" for k, v in values.items() if c.has(k))
            return f"{sp.sstr(c)} fails where {shown}"
    for b in problem.domain.bounds:
        value = values.get(b.symbol)
        if value is None or not value.is_real:
            continue
        below = b.lower is not None and b.lower.is_number and (value < b.lower or b.lower_strict and value == b.lower)
        above = b.upper is not None and b.upper.is_number and (value > b.upper or b.upper_strict and value == b.upper)
        if below is sp.true or below is True or above is sp.true or above is True:
            return f"{b} fails where {sp.sstr(b.symbol)} = {sp.sstr(value)}"
    return ""


def _weighed(out: dict, reading: Reading, followed: dict[str, Verdict | None]) -> dict:
    """``out`` weighed against the words (see :mod:`.hedges`): a proof that needs a hypothesis read
    from a sentence that is no plain statement is undecided; so is a refutation that the words near
    it may exclude — it fails on one side of a name's sign they speak of only."""
    def undecided(message: str) -> dict:
        return {**out, "verdict": "undecided", "counterexample": None, "lhs_value": None, "rhs_value": None,
                "message": message}
    if out["verdict"] in ("proved", "proved-instantiated") and reading.unproved:
        return undecided(f"it is {out['verdict']} as read, but {reading.unproved}: not reported as proved")
    clash = _hypotheses_clash(reading.problem) if out["verdict"] in ("proved", "proved-instantiated") else ""
    if clash:
        return undecided(f"it is {out['verdict']} as read, but the conditions it is read under contradict each other "
                         f"({clash}): a proof from them proves nothing, not reported as proved")
    if out["verdict"] in ("proved", "proved-instantiated") and "plain" in followed:
        plain = followed["plain"]
        if plain is None or plain.status not in _PROVED:
            without = "not read" if plain is None else readable_message(plain.message, plain.counterexample) \
                if plain.status is Status.REFUTED else str(plain.status)
            return undecided(f"it is {out['verdict']} under {'; '.join(reading.worded)}, read from words that are "
                             f"no plain statement of a case or an assumption, and without "
                             f"{'it' if len(reading.worded) == 1 else 'them'} it {without}: not reported as proved")
    if reading.listed:
        out = _listed_weighed(out, reading, followed)
    if reading.induction is not None:
        out = _through_recurrence(out, reading, followed)
    signed = _parameter_signed(out.get("counterexample"), reading.signless, reading.whole) \
        if out["verdict"] == "refuted" else ""
    positive = followed.get("parameters") if signed else None
    if positive is not None and positive.status is Status.REFUTED and positive.counterexample is not None \
            and not _parameter_signed(positive.counterexample.as_dict(), reading.signless, reading.whole):
        cex = positive.counterexample        # refuted with the parameters positive too: that point is shown
        out = {**out, "counterexample": cex.as_dict(), "lhs_value": cex.lhs_value, "rhs_value": cex.rhs_value,
               "message": readable_message(positive.message, cex)}
        signed = ""
    if signed:
        there = "not checked" if positive is None else str(positive.status)
        return undecided(f"as read it {out['message']}, but only where {signed}: a parameter the text gives no sign, "
                         f"which notes take positive (a step size, a rate, a scale); with every such parameter "
                         f"positive it is {there}: not reported as refuted")
    # (first: the point shown then goes through every check below)
    unread = _restricted_there(out.get("counterexample"), reading.restricted) if out["verdict"] == "refuted" else ""
    within = followed.get(f"within:{unread.split(' ', 1)[0]}") if unread else None
    if within is not None and within.status is Status.REFUTED and within.counterexample is not None:
        cex = within.counterexample          # refuted where the words' bound holds too: that point is shown
        out = {**out, "counterexample": cex.as_dict(), "lhs_value": cex.lhs_value, "rhs_value": cex.rhs_value,
               "message": f"{readable_message(within.message, cex)} (where {unread} holds)"}
        unread = _restricted_there(out["counterexample"], reading.restricted)
    if unread:
        return undecided(f"as read it {out['message']}, but the words near it restrict {unread} in a way softsym does "
                         f"not read into a hypothesis: the value there may be one the text excludes, not reported as "
                         f"refuted")
    kind = next((k for k in followed if k.startswith("terms:")), "")
    single = _single_term(out.get("counterexample"), kind) if out["verdict"] == "refuted" else ""
    if single:
        more = followed.get(kind)
        if more is not None and more.status is Status.REFUTED and more.counterexample is not None:
            cex = more.counterexample        # refuted with several terms too: that point is shown
            out = {**out, "counterexample": cex.as_dict(), "lhs_value": cex.lhs_value, "rhs_value": cex.rhs_value,
                   "message": readable_message(more.message, cex)}
        else:
            there = "not read" if more is None else str(more.status)
            return undecided(f"as read it {out['message']}, but only where {single}: a sum of a single term (one "
                             f"class, one sample), which the text may not mean; with {kind[len('terms:'):]} ≥ 2 it is "
                             f"{there}: not reported as refuted")
    broken = _assumption_broken(out.get("counterexample"), reading.assumed) if out["verdict"] == "refuted" else ""
    inside = followed.get("assumed") if broken else None
    if inside is not None and inside.status is Status.REFUTED and inside.counterexample is not None \
            and not _assumption_broken(inside.counterexample.as_dict(), reading.assumed):
        cex = inside.counterexample          # refuted inside what the text assumed too: that point is shown
        out = {**out, "counterexample": cex.as_dict(), "lhs_value": cex.lhs_value, "rhs_value": cex.rhs_value,
               "message": readable_message(inside.message, cex)}
        broken = ""
    listed = followed.get("entries") if not broken and out["verdict"] == "refuted" \
        and _entry_outside(out.get("counterexample"), reading.entry_values) else None
    if listed is not None and listed.status is Status.REFUTED and listed.counterexample is not None \
            and not _entry_outside(listed.counterexample.as_dict(), reading.entry_values) \
            and not _assumption_broken(listed.counterexample.as_dict(), reading.assumed):
        cex = listed.counterexample          # refuted at entries the text lists too: that point is shown
        out = {**out, "counterexample": cex.as_dict(), "lhs_value": cex.lhs_value, "rhs_value": cex.rhs_value,
               "message": readable_message(listed.message, cex)}
    broken = broken or (_entry_outside(out.get("counterexample"), reading.entry_values)
                        if out["verdict"] == "refuted" else "")
    broken = broken or (_size_broken(out.get("counterexample"), reading.sizes) if out["verdict"] == "refuted" else "")
    broken = broken or (_asymmetric(out.get("counterexample"), reading.symmetric) if out["verdict"] == "refuted"
                        else "")
    broken = broken or (_past_a_number(out, reading.numbers_before) if out["verdict"] == "refuted" else "")
    if broken:
        assumed_before = "" if "runs over no terms" in broken else ": the point breaks what the text assumed before it"
        return undecided(f"as read it {out['message']}, but there {broken}{assumed_before}, not reported as refuted")
    outside = _outside_distributions(out.get("counterexample"), reading.distributions, reading.simplex_sizes,
                                     reading.one_hot) if out["verdict"] == "refuted" else ""
    on_simplex = followed.get("simplex") if outside else None
    if on_simplex is not None and on_simplex.status is Status.REFUTED and on_simplex.counterexample is not None \
            and not _outside_distributions(on_simplex.counterexample.as_dict(), reading.distributions,
                                           reading.simplex_sizes, reading.one_hot):
        cex = on_simplex.counterexample      # refuted where the distributions sum to 1 too: that point is shown
        out = {**out, "counterexample": cex.as_dict(), "lhs_value": cex.lhs_value, "rhs_value": cex.rhs_value,
               "message": readable_message(on_simplex.message, cex)}
        outside = ""
    if outside:
        return undecided(f"as read it {out['message']}, but there {outside}, which the text calls a distribution "
                         f"or probabilities (entries in [0, 1] summing to 1): not reported as refuted")
    if out["verdict"] == "refuted" and _contradicts_words(out.get("counterexample"), reading.nearby):
        for kind in (k for k in followed if k.startswith("signs:")):
            there = followed[kind]
            if there is None or there.status is not Status.REFUTED:
                status = "not checked" if there is None else str(there.status)
                case = ", ".join(kind[len("signs:"):].split(","))
                return undecided(f"as read it {out['message']}, but the words near it speak of the sign of "
                                 f"{' and '.join(n for n, _ in reading.nearby)}, and where {case} it is {status}: which case the "
                                 f"text means is not clear, not reported as refuted")
    return out


def _indices_equal(counterexample, pair: tuple[str, str]) -> bool:
    """Whether the counterexample gives the two indices of ``pair`` the same value."""
    if counterexample is None or not all(pair):
        return False
    values = dict(counterexample.values)
    return pair[0] in values and values.get(pair[0]) == values.get(pair[1])


def _all_problems(readings: list[Reading]) -> list[Problem]:
    """What the prover decides for a document, in order: each reading's problem, followed by the
    same relation without the values prose gave its names when there are such values."""
    return [p for r in readings if r.problem is not None for p in (r.problem, *(v for _, v in r.variants))]


def _result(reading: Reading, verdict: Verdict | None, variants: dict[str, Verdict] | None = None) -> dict:
    rel = reading.relation
    out = {"line": rel.line, "end_line": rel.end_line, "tex": rel.tex, "rel": rel.op,
           "lhs": reading.lhs, "rhs": reading.rhs}

    def undecided(strategy: str, message: str) -> dict:
        return {**out, "verdict": "undecided", "strategy": strategy, "counterexample": None, "message": message}
    variants = variants or {}
    unpinned, distinct, sectioned = variants.get("unpinned"), variants.get("distinct"), variants.get("sectioned")
    if verdict is not None and distinct is not None and verdict.status is Status.REFUTED:
        if distinct.status is Status.REFUTED:
            verdict = distinct              # a counterexample with i ≠ j says more than one at i = j
        elif distinct.status in (Status.PROVED, Status.PROVED_INSTANTIATED) \
                and _indices_equal(verdict.counterexample, reading.pair):
            return undecided(verdict.strategy,
                             f"it fails only where {reading.pair[0]} = {reading.pair[1]} "
                             f"({readable_message(verdict.message, verdict.counterexample)}), which a pair of "
                             f"two items may exclude; for {reading.pair[0]} ≠ {reading.pair[1]} it is "
                             f"{distinct.status}")
    stated = variants.get("stated")
    at_values = f"at the values the text gave earlier in this section: {', '.join(reading.example_values[:4])}"
    if verdict is not None and stated is not None and stated.status is Status.PROVED \
            and verdict.status not in (Status.PROVED, Status.PROVED_INSTANTIATED):
        verdict = replace(stated, message=f"{stated.message} ({at_values})")      # an example's line, checked
        unpinned = sectioned = None  # at the example's values: that it fails without them says nothing
    if verdict is not None and verdict.status is Status.REFUTED and verdict.counterexample is not None:
        clash = contradicted(verdict.counterexample, reading.stated) \
            or contradicted(verdict.counterexample, reading.links)
        if clash and stated is not None and stated.status is Status.REFUTED and reading.values_unique \
                and not reading.doubts and stated.counterexample is not None \
                and not contradicted(stated.counterexample, reading.stated_here):   # (nor at another value
                                                                                    # this section gave)
            rounded = _off_by_rounding(rel, stated, dict(reading.variants).get("stated"))
            if rounded:                     # LSE(x) = 1002 + \log 1.5032 at the example's x
                return undecided(stated.strategy, f"{rounded} ({at_values})")
            return {**out, "verdict": "refuted", "strategy": stated.strategy,
                    "counterexample": stated.counterexample.as_dict() if stated.counterexample else None,
                    "lhs_value": stated.counterexample.lhs_value if stated.counterexample else None,
                    "rhs_value": stated.counterexample.rhs_value if stated.counterexample else None,
                    "message": f"{stated.message} ({at_values})", "seconds": stated.seconds}
        if clash:
            return undecided(verdict.strategy,
                             f"as read it {readable_message(verdict.message, verdict.counterexample)}, but there "
                             f"{clash}: a worked example's values may hold here, not reported as refuted")
        derived = contradicted(verdict.counterexample, reading.derived, "derived")
        if derived and reading.problem is not None \
                and fails_at_stated(reading.problem, verdict.counterexample, reading.derived):
            derived = ""                    # (false at the derived value too: λφ(0) = λ/√π)
        if derived:                         # "which gives $α = ½ \log …$. Plugging back in, $$Z(α) = …$$"
            return undecided(verdict.strategy,
                             f"as read it {readable_message(verdict.message, verdict.counterexample)}, but there "
                             f"{derived}: it may speak of that value, not reported as refuted")
    if unpinned is not None and unpinned.status is Status.PROVED:
        verdict = unpinned                  # proved without the values prose gave: the general proof
    entrywise = variants.get("entrywise")
    if verdict is not None and entrywise is not None and entrywise.status in _PROVED \
            and verdict.status not in _PROVED:  # "at $p = q$": proved with p's entries written as q's
        verdict = replace(entrywise, message=f"{entrywise.message} (with each entry of one family written as the "
                                             f"other's, as the condition that they are equal allows)")

    if verdict is not None and sectioned is not None and sectioned.status is not Status.PROVED \
            and verdict.status in (Status.PROVED, Status.PROVED_INSTANTIATED) \
            and not sectioned.status is verdict.status is Status.PROVED_INSTANTIATED:   # the same proof without it
        return undecided(verdict.strategy,
                         f"it is {verdict.status} under {', '.join(reading.elsewhere)}, written in an earlier "
                         f"section, and not without it (" + (readable_message(sectioned.message,
                                                                              sectioned.counterexample)
                                                             if sectioned.status is Status.REFUTED
                                                             else str(sectioned.status))
                         + "): whether it still holds here is not clear")
    if verdict is not None and unpinned is not None and unpinned.status is Status.REFUTED \
            and verdict.status in (Status.PROVED, Status.PROVED_INSTANTIATED) and not reading.at_pins:
        return undecided(verdict.strategy,
                         f"it holds where {', '.join(reading.pins)} (written in prose before it) but "
                         f"{readable_message(unpinned.message, unpinned.counterexample)} otherwise: "
                         f"whether the text means it only there is not clear")
    if verdict is None:
        said = f" [conventions: {'; '.join(reading.conventions)}]" if reading.conventions \
            and reading.verdict in ("proved", "refuted") else ""
        return {**out, "verdict": reading.verdict, "strategy": None, "counterexample": None,
                "message": f"{reading.message}{said}"}
    if verdict.status in (Status.PROVED, Status.PROVED_INSTANTIATED) and reading.hollow:
        return {**out, "verdict": "undecided", "strategy": verdict.strategy, "counterexample": None,
                "message": f"as read it is {verdict.status}, but {'; and '.join(reading.hollow)}: not reported "
                           f"as proved"}
    converse = variants.get("converse")
    if reading.one_way and converse is not None and converse.status is Status.REFUTED \
            and verdict.status is not Status.REFUTED:          # x = 2 ⟺ x² = 4: false at x = −2
        return {**out, "verdict": "refuted", "strategy": converse.strategy,
                "counterexample": converse.counterexample.as_dict() if converse.counterexample else None,
                "lhs_value": None, "rhs_value": None, "seconds": converse.seconds,
                "message": f"the equivalence fails the other way: {readable_message(converse.message, converse.counterexample)} "
                           f"(the right side holds there, the left does not)"}
    if reading.one_way and verdict.status in (Status.PROVED, Status.PROVED_INSTANTIATED):
        if converse is not None and converse.status in (Status.PROVED, Status.PROVED_INSTANTIATED):
            verdict = replace(verdict, message=f"{verdict.message}; and the converse: {converse.message}")
        else:
            return undecided(verdict.strategy, f"it is {verdict.status} under the premise of the equivalence it "
                                               f"concludes, and the converse is {converse.status if converse else 'not read'}")
    base = holds_in_another_base(reading.problem, verdict.counterexample) \
        if verdict.status is Status.REFUTED and reading.base_open and reading.problem is not None else None
    unbased = (fails_in_another_base(reading.problem) or (2 if not sp.Tuple(reading.problem.lhs, reading.problem.rhs).has(
        sp.log) else None)) if verdict.status in _PROVED and reading.base_open and reading.base_other \
        and reading.problem is not None else None     # (log e = 1, d/dm log m = 1/m: the logarithm read away as natural)
    if unbased:                             # "$\log 2 = 0.693$" in a text that measures in bits: log₂ 2 = 1
        return undecided(verdict.strategy, f"it is {verdict.status} with \\log the natural logarithm, but the text "
                                           f"speaks of another base (bits, dB or base 10), and with the logarithm to "
                                           f"base {unbased} it fails: not reported as proved")
    if base:                                # "$H = \log 8 = 3$ bits": log₂ 8 = 3
        return undecided(verdict.strategy, f"as read it {readable_message(verdict.message, verdict.counterexample)}, "
                                           f"with \\log the natural logarithm, but it holds with the logarithm to "
                                           f"base {base}, which the text may mean: not reported as refuted")
    logged = variants.get("logged")
    if verdict.status is Status.REFUTED and logged is not None and logged.status is not Status.REFUTED:
        return undecided(verdict.strategy, f"as read it {readable_message(verdict.message, verdict.counterexample)}, "
                                           f"but there a logarithm it writes is not real, and where they all are it "
                                           f"is {logged.status}: not reported as refuted")
    verdict = _worst_entry(verdict, reading.problem, rel)
    rounded = _off_by_rounding(rel, verdict, reading.problem) or _naming_its_left_side(verdict, reading.problem)
    if rounded:
        return undecided(verdict.strategy, rounded)
    from_zero, tightest = variants.get("from_zero"), variants.get("tightest")
    if verdict.status is Status.REFUTED and reading.doubts and from_zero is not None \
            and from_zero.status is Status.REFUTED and all(d.endswith(ZERO_PINNED) for d in reading.doubts):
        verdict = replace(from_zero, message=f"{from_zero.message} (over the entries the text lists from 0; "
                                             f"read from 1 it {readable_message(verdict.message, verdict.counterexample)})")
    elif verdict.status is Status.REFUTED and reading.doubts and tightest is not None \
            and tightest.status is Status.REFUTED and tightest.counterexample is not None \
            and all(d.endswith(DOUBLED_BOUNDS) for d in reading.doubts):
        verdict = replace(tightest, message=f"{tightest.message} (where every bound the text gives before it holds)")
    elif verdict.status is Status.REFUTED and reading.doubts:
        return {**out, "verdict": "undecided", "strategy": verdict.strategy, "counterexample": None,
                "message": f"as read it {readable_message(verdict.message, verdict.counterexample)}, but "
                           f"{'; and '.join(reading.doubts)}: "
                           f"not reported as refuted"}
    cex = verdict.counterexample
    message = verdict.message
    if verdict.status is Status.REFUTED and reading.pins and cex is not None and not cex.values \
            or reading.at_pins and unpinned is not None and unpinned.status is Status.REFUTED:
        message += f" (at {', '.join(reading.pins)}, the value{'s' if len(reading.pins) > 1 else ''} written " \
                   f"in prose before it)"
    if reading.conventions and verdict.status in (Status.PROVED, Status.PROVED_INSTANTIATED, Status.REFUTED,
                                                  Status.VACUOUS):
        message += f" [conventions: {'; '.join(reading.conventions)}]"
    return {**out, "verdict": str(verdict.status), "strategy": verdict.strategy,
            "counterexample": cex.as_dict() if cex else None,
            "lhs_value": cex.lhs_value if cex else None, "rhs_value": cex.rhs_value if cex else None,
            "message": message, "seconds": verdict.seconds}


def _off_by_rounding(rel, verdict: Verdict, problem: Problem | None = None) -> str:
    """Why a refuted ``=`` between written roundings is not reported (``\\log(1 + e^{-3}) + 3 = 3 + 0.0486``,
    ``\\ell'(1.4) = 1 \\cdot (2 - 4.055)``, ``\\operatorname{softplus}(3) = \\log(1 + 20.0855)``: a worked
    example's ``=`` that means ``≈``), or ``""``: its sides at the counterexample differ by less than the
    rounding of the decimals written (see ``equality_rounding``; in a closed relation, also of decimals
    inside functions, carried through them: ``propagated_rounding``)."""
    from ..parsing import parse_expr
    from .approximate import carried_rounding, decimal_rounding, equality_rounding, propagated_rounding
    cex = verdict.counterexample
    if verdict.status is not Status.REFUTED or cex is None or rel.op != "==":
        return ""
    tolerance = equality_rounding(rel.lhs) + equality_rounding(rel.rhs)
    try:
        constants = {"EulerGamma": sp.EulerGamma, "Catalan": sp.Catalan, "GoldenRatio": sp.GoldenRatio}
        values = (parse_expr(cex.lhs_value, constants), parse_expr(cex.rhs_value, constants))   # (ψ(1) = -EulerGamma)
    except Exception:  # noqa: BLE001 - values softsym cannot read back: the refutation stands
        return ""
    closed = problem is not None and not sp.Tuple(problem.lhs, problem.rhs).atoms(sp.Indexed) \
        and all(x.is_integer for x in (problem.lhs - problem.rhs).free_symbols)    # (but an entry's index)
    entry = _entry_position(cex, problem) if closed else None
    for side, other in ((rel.lhs, values[1]), (rel.rhs, values[0])):
        if closed and not other.is_Rational:
            tolerance = max(tolerance, decimal_rounding(side, entry) * (1 + sp.Float(1e-12)))   # σ(2) = 0.88
    if problem is not None:
        tolerance = max(tolerance, propagated_rounding(problem.lhs - problem.rhs, (rel.lhs, rel.rhs)))
        if not (problem.lhs - problem.rhs).free_symbols:    # \log(0.9333/0.0333) = \log 28: folded into 1037/37
            tolerance = max(tolerance, carried_rounding(rel.lhs) + carried_rounding(rel.rhs))
    if not tolerance:
        return ""
    try:
        gap = abs(sp.N(values[0] - values[1], 30))
    except Exception:  # noqa: BLE001 - values softsym cannot read back: the refutation stands
        return ""
    if not gap.is_number or not gap <= tolerance:
        return ""
    return (f"as read it {readable_message(verdict.message, cex)}, but its sides differ by {sp.N(gap, 3)}, "
            f"within the rounding of the decimals written ({sp.N(tolerance, 3)}): an \"=\" between rounded "
            f"numbers may mean \"≈\", not reported as refuted")


def _entry_range(problem: Problem) -> tuple[sp.Symbol, int, int] | None:
    """The index of a relation closed but for one integer index with numbers for bounds (read at an
    entry of listed vectors), with its first and last values; None for any other relation."""
    free = (problem.lhs - problem.rhs).free_symbols
    if len(free) != 1 or sp.Tuple(problem.lhs, problem.rhs).atoms(sp.Indexed):
        return None
    (index,) = free
    bound = next((b for b in problem.domain.bounds if b.symbol == index), None)
    if not index.is_integer or bound is None or bound.lower is None or bound.upper is None \
            or not (bound.lower.is_Integer and bound.upper.is_Integer):
        return None
    return index, int(bound.lower) + bound.lower_strict, int(bound.upper) - bound.upper_strict


def _entry_position(cex, problem: Problem) -> int | None:
    """Where in a list the counterexample's entry sits (from 0), for a relation read at an entry whose
    index runs between numbers; None when it is not one."""
    found = _entry_range(problem)
    value = dict(cex.values).get(found[0].name) if found else None
    try:
        return int(value) - found[1] if value is not None else None
    except ValueError:
        return None


def _worst_entry(verdict: Verdict, problem: Problem | None, rel=None) -> Verdict:
    """A refuted relation between listed vectors read at an entry (``(0.5498 - 1)(2, 1) = (-0.9003, -0.4402)``,
    closed but for the entry's index, a few entries): refuted at the entry where its sides are furthest
    apart for the places that entry is written to (``(σ(2), σ(0.1)) = (0.9, 0.53)``: 0.025 at 0.53 is worse
    than 0.019 at 0.9), so that a rounding at one entry does not hide a slip at another.  Else ``verdict``
    as it is."""
    from ..verdict import Counterexample
    from .approximate import decimal_rounding
    cex = verdict.counterexample
    if verdict.status is not Status.REFUTED or cex is None or problem is None or problem.rel != "==":
        return verdict
    found = _entry_range(problem)
    if found is None or not 0 <= found[2] - found[1] <= 50:
        return verdict
    index, low, high = found
    gaps = []
    for value in range(low, high + 1):
        if any(g.subs(index, value) is sp.false for g in problem.domain.given):
            continue                        # an entry the hypotheses exclude (i ≠ 2) is no counterexample
        left, right = problem.lhs.subs(index, value), problem.rhs.subs(index, value)
        gap = abs(sp.N(left - right, 30))
        if not gap.is_number:
            return verdict
        places = decimal_rounding(rel.lhs, value - low) + decimal_rounding(rel.rhs, value - low) if rel else 0
        gaps.append((gap / places if places else gap * 10 ** 40, gap, value, left, right))
    if not gaps:
        return verdict
    _, gap, value, left, right = max(gaps, key=lambda g: g[0])
    if not gap > 0:
        return verdict
    point = Counterexample(values=((index.name, str(value)),), lhs_value=sp.sstr(left), rhs_value=sp.sstr(right))
    return replace(verdict, counterexample=point,
                   message=f"fails at {index.name}={value}: lhs={sp.sstr(left)}, rhs={sp.sstr(right)}")


def _naming_its_left_side(verdict: Verdict, problem: Problem | None) -> str:
    """Why a refuted ``a_1 = e^{0.5}/(e^{0.5} + e^2)`` is not reported, or ``""``: its left side is a name or
    an entry that nothing in the text defines or constrains (here a one-index a beside the two-index
    a_{ij}), its right side a closed value, and the counterexample only gives that name another value
    — the line names a value (a worked example's), it claims nothing that could fail."""
    cex = verdict.counterexample
    if verdict.status is not Status.REFUTED or cex is None or problem is None or problem.rel != "==":
        return ""
    left, right = problem.lhs, problem.rhs
    if not isinstance(left, (sp.Symbol, sp.Indexed)) or right.free_symbols or right.atoms(sp.Indexed) \
            or isinstance(left, sp.Indexed) and not all(i.is_Integer for i in left.indices):
        return ""
    if [name for name, _ in cex.values] != [sp.sstr(left)] \
            or any(left in g.free_symbols or left in g.atoms(sp.Indexed) for g in problem.domain.given):
        return ""
    return (f"as read it {readable_message(verdict.message, cex)}, but nothing in the text gives {sp.sstr(left)} "
            f"a meaning or a value before: the line names its value (a worked example's), not reported as refuted")


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
_worker_documents: dict[tuple[str, str, DocOptions], tuple[list[Problem], list]] = {}


def _problems_of(path: str, text: str, options: DocOptions) -> tuple[list[Problem], list]:
    key = (path, text, options)
    if key not in _worker_documents:
        _worker_documents.clear()
        readings = read_document(path, text, options)
        _worker_documents[key] = (_all_problems(readings), _all_followups(readings))
    return _worker_documents[key]


def _decide_in_worker(path: str, text: str, options: DocOptions, key: tuple[str, int]) -> Verdict:
    """A worker reads the document itself (a pure function) and proves the problem ``key`` names."""
    problems, followups = _problems_of(path, text, options)
    batch, index = key
    return prove(problems[index] if batch == "main" else followups[index][2], options.timeout)


def parallel_verdicts(path: str, text: str, options: DocOptions, *, jobs: int = 1, cache=None,
                      on_done: Callable[[Verdict, int, str], None] | None = None
                      ) -> Callable[[list[Problem], list[tuple[str, int]]], list[Verdict]]:
    """A ``verdicts`` function for ``check_document``: cached verdicts first, the rest proved in
    ``jobs`` processes (each re-reads the document: relations are independent tasks)."""
    import os
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from ..fingerprint import problem_fingerprint

    def decide(problems: list[Problem], names: list[tuple[str, int]]) -> list[Verdict]:
        out: dict[int, Verdict] = {}
        prints = [problem_fingerprint(p) for p in problems]
        keys = [cache.key(f, options.timeout) if cache else None for f in prints]
        todo = []
        first: dict[str, int] = {}          # one relation written in many places is decided once
        again: dict[int, list[int]] = {}
        for k, key in enumerate(keys):
            hit = cache.get(key) if cache and key else None
            if hit is not None:
                out[k] = hit
                if on_done:
                    on_done(hit, len(problems), names[k][0])
            elif prints[k] in first:
                again.setdefault(first[prints[k]], []).append(k)
            else:
                first[prints[k]] = k
                todo.append(k)

        def record(k: int, verdict: Verdict) -> None:
            for same in (k, *again.get(k, ())):
                out[same] = verdict
                if on_done:
                    on_done(verdict, len(problems), names[same][0])
            if cache and keys[k]:
                cache.put(keys[k], verdict)

        if jobs <= 1 or len(todo) <= 1:
            for k in todo:
                record(k, prove(problems[k], options.timeout))
        else:
            with ProcessPoolExecutor(max_workers=min(jobs, os.cpu_count() or jobs)) as pool:
                futures = {pool.submit(_decide_in_worker, path, text, options, names[k]): k for k in todo}
                for future in as_completed(futures):
                    k = futures[future]
                    try:
                        verdict = future.result()
                    except (Exception, StepTimeout) as exc:  # noqa: BLE001 - a worker that died fails its relation only
                        verdict = Verdict(Status.ERROR, "engine", message=f"worker failed: {type(exc).__name__}: {exc}")
                    record(k, verdict)
        return [out[k] for k in range(len(problems))]
    return decide
