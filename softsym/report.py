"""Reports of a check run: human text, the contract's JSON, and one ``prove`` result object."""
from __future__ import annotations

import json
import re

import sympy as sp

from . import __version__
from .engine import DerivationResult, StepResult
from .floats import FloatClaim
from .loader import LoadError
from .lockfile import Change
from .numeric.display import readable, readable_message
from .verdict import Status, Verdict

# Verdicts short of a full proof: each such step is marked where it is shown and listed at the end.
NOT_FULLY_PROVED = (Status.PROVED_INSTANTIATED, Status.UNDECIDED, Status.TIMEOUT, Status.VACUOUS)
# What each strategy does, in words (failure messages name these, not the identifiers).
STRATEGY_WORDS = {
    "exact_numeric": "exact arithmetic", "limit_algebra": "the limit algebra (case by case)",
    "limits": "evaluating the limits", "rational_form": "rational normal forms",
    "sum_identities": "sum identities", "numeric_counterexample": "a counterexample search",
    "inequalities": "sign and monotonicity rules", "smt": "the z3 solver",
    "sign_resolution": "resolving Abs/Max/Min by signs", "simplify_difference": "SymPy's simplify",
    "case_split": "case splits", "finite_domain": "each value of a finite domain",
    "instantiate": "a proof for each small size", "float_evaluation": "running the code in floating point",
    "integral_points": "integrals evaluated at concrete parameters",
}
_STRATEGY = re.compile(r"\b(" + "|".join(STRATEGY_WORDS) + r")\b")


def plain(expr: sp.Basic) -> str:
    """A side as a plain string ``prove`` accepts back (SymPy's ``str``, never ``srepr``)."""
    return sp.sstr(expr, order="none")


def relation_text(result: StepResult) -> str:
    """``lhs rel rhs`` as the derivation file writes it (unevaluated, in the writer's order, where
    that is known — ``softsym.written``), else as checked; a float claim as ``softmax(z)[i] ≈ exact
    in float64, float32 (rtol …)``."""
    s = result.step
    claim = s.float_claim
    if claim is not None:
        return f"{claim.call_text()} ≈ {plain(s.rhs)} in {', '.join(claim.dtypes)} ({claim.tolerance_text()})"
    return f"{plain(s.shown_lhs)} {s.rel} {plain(s.shown_rhs)}"


def checked_text(result: StepResult) -> str | None:
    """``lhs rel rhs`` as the prover checks it, when that reads differently from the written form
    (SymPy evaluates on construction: ``1 - 1/exp(p - q)`` is checked as ``1 - exp(q - p)``)."""
    s = result.step
    if s.float_claim is not None:
        return None
    checked = f"{plain(s.lhs)} {s.rel} {plain(s.rhs)}"
    return None if checked == relation_text(result) else checked


def _verdict_text(v: Verdict) -> str:
    extra = f" for n <= {v.instantiated_up_to}" if v.instantiated_up_to else ""
    return f"{v.status}{extra} by {v.strategy} ({v.seconds:.2f} s)"


def status_words(v: Verdict) -> str:
    """The verdict as a reader needs it: ``proved for n ≤ 6 only``, ``timed out``, ``undecided``."""
    if v.status is Status.PROVED_INSTANTIATED:
        return f"proved for n ≤ {v.instantiated_up_to} only" if v.instantiated_up_to else "proved for small n only"
    return "timed out" if v.status is Status.TIMEOUT else str(v.status)


def in_words(message: str) -> str:
    """``message`` with the strategies' identifiers replaced by what they do."""
    return _STRATEGY.sub(lambda m: STRATEGY_WORDS[m[1]], message)


def step_name(result: StepResult, derivation: DerivationResult) -> str:
    """``name · step 7 (label) · what the source prints there`` (the ``quote=`` text, else the ``at=``
    place, else the justification), short enough for a test name."""
    s, section = result.step, derivation.derivation.source.place
    at = s.source.place[len(section):].strip() if section and s.source.place.startswith(section) else s.source.place
    return " · ".join(x for x in (derivation.derivation.name,
                                  f"step {s.index}" + (f" ({s.label})" if s.label else ""),
                                  _clip(" ".join((s.source.quote or at or s.why).split()), 80)) if x)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def not_fully_proved(results: list[DerivationResult]) -> list[str]:
    """One line per step that is proved for small n only, undecided, timed out or vacuous:
    ``name step k (label): status — file:line (source place)``."""
    return [f"{d.derivation.name} step {r.step.index}{f' ({r.step.label})' if r.step.label else ''}: "
            f"{status_words(r.verdict)} — {r.step.place} ({r.step.source})"
            for d in results for r in d.results if r.verdict.status in NOT_FULLY_PROVED]


def _counts(results: list[DerivationResult]) -> dict[str, int]:
    counts = {"derivations": len(results), "steps": 0, "proved": 0, "proved_instantiated": 0,
              "checked_numerically": 0, "errata_refuted": 0, "failed": 0}
    for d in results:
        for r in d.results:
            counts["steps"] += 1
            if not r.ok:
                counts["failed"] += 1
            elif r.step.erratum:
                counts["errata_refuted"] += 1
            elif r.verdict.status is Status.PROVED_INSTANTIATED:
                counts["proved_instantiated"] += 1
            elif r.verdict.status is Status.CHECKED_NUMERICALLY:
                counts["checked_numerically"] += 1
            else:
                counts["proved"] += 1
    return counts


def _step_block(result: StepResult, heading: str) -> list[str]:
    s, v = result.step, result.verdict
    lines = [f"{heading} {s.place} step {s.index} ({s.source})",
             f"    step:     {relation_text(result)}",
             *([f"    checked:  {checked}"] if (checked := checked_text(result)) else []),
             *([f"    code:     {line}" if k == 0 else f"              {line}"
                for k, line in enumerate(s.float_claim.code_text.splitlines())] if s.float_claim else []),
             *([f"    why:      {s.why}"] if s.why else []),
             *([f"    uses:     steps {', '.join(map(str, s.depends_on))}"] if s.depends_on else []),
             f"    expected: {s.expected}",
             f"    verdict:  {_verdict_text(v)}"]
    if v.counterexample:
        lines.append(f"    counterexample: {readable(v.counterexample)}")
    if v.message:
        lines.append(f"    message:  {readable_message(v.message, v.counterexample)}")
    return lines


def text_report(results: list[DerivationResult], errors: list[LoadError], seconds: float,
                changes: list[Change] = (), lock: str | None = None, lock_hint: str = "softsym lock all",
                verbose: bool = False) -> str:
    """One line per derivation, a block per failing step, one line per expected erratum (a block with
    ``verbose``), the lockfile diff, and the summary last (``lock_hint``: the command that creates
    the lockfile, with the user's --path)."""
    lines: list[str] = []
    for d in results:
        mark = "ok  " if d.ok else "FAIL"
        n_err = sum(1 for r in d.results if r.step.erratum)
        errata = f", {n_err} erratum refuted" if n_err and d.ok else ""
        weak = [r for r in d.results if r.ok and r.verdict.status is Status.PROVED_INSTANTIATED]
        small = f", {len(weak)} proved for small n only" if weak else ""
        tested = sum(1 for r in d.results if r.ok and r.verdict.status is Status.CHECKED_NUMERICALLY)
        small += f", {tested} checked numerically" if tested else ""
        lines.append(f"{mark} {d.derivation.name:<34} {len(d.results):>3} steps{errata}{small}  "
                     f"[{d.derivation.source}]  {d.seconds:.1f} s")
        lines.extend(f"       step {r.step.index}: {status_words(r.verdict)} ({r.step.place})" for r in weak)
    for e in errors:
        lines.append(f"ERROR {e}")
    errata_lines: list[str] = []
    for d in results:
        by_index = {r.step.index: r for r in d.results}
        for r in d.results:
            if not r.ok:
                lines.append("")
                lines.extend(_step_block(r, "FAILED"))
            elif r.step.erratum:
                fix = next((x for x in d.results if x.step.corrects == r.step.index), None) or by_index.get(r.step.index + 1)
                if not verbose:
                    cex = r.verdict.counterexample
                    where = f" at {readable(cex)}" if cex else ""
                    fixed = f"; corrected by step {fix.step.index} ({fix.verdict.status})" if fix else ""
                    errata_lines.append(f"ERRATUM {d.derivation.name} step {r.step.index} ({r.step.source}): "
                                        f"refuted as expected{where}{fixed}")
                    continue
                lines.append("")
                lines.extend(_step_block(r, "ERRATUM (printed wrong in the source, refuted as expected)"))
                if fix:
                    lines.append(f"    corrected by step {fix.step.index}: {relation_text(fix)}  -> {_verdict_text(fix.verdict)}")
    if errata_lines:
        lines.append("")
        lines.append("Printed errors of the sources, refuted as expected (-v shows each in full):")
        lines.extend(f"  {e}" for e in errata_lines)
    if changes:
        lines.append("")
        lines.append(f"Against the lockfile {lock}:")
        lines.extend(f"  {c}" for c in changes)
        if any(c.kind in ("new", "changed") for c in changes):
            lines.append("  (record new and changed steps with `softsym lock` or `softsym check --update-lock`)")
    weak = not_fully_proved(results)
    if weak:
        lines.append("")
        lines.append(f"Steps without a full proof ({len(weak)}):")
        lines.extend(f"  {w}" for w in weak)
    c = _counts(results)
    lines.append("")
    if lock is None and results:
        lines.append(f"no lockfile: nothing to compare against (create one with `{lock_hint}`)")
    regressions = sum(1 for x in changes if x.kind in ("regression", "vanished"))
    tested = f"{c['checked_numerically']} checked numerically, " if c["checked_numerically"] else ""
    lines.append(f"{_many(c['derivations'], 'derivation')}, {_many(c['steps'], 'step')}: {c['proved']} proved, "
                 f"{c['proved_instantiated']} proved for small n only, {tested}"
                 f"{_many(c['errata_refuted'], 'erratum', 'errata')} refuted, "
                 f"{c['failed']} failed, {regressions} regressed, {_many(len(errors), 'file')} with errors  "
                 f"({seconds:.1f} s)")
    return "\n".join(lines) + "\n"


def verdict_dict(v: Verdict) -> dict:
    """The contract's fields of a verdict (plus ``instantiated_up_to`` and ``trace``)."""
    cex = v.counterexample
    return {"verdict": str(v.status), "strategy": v.strategy,
            "counterexample": cex.as_dict() if cex else None,
            "lhs_value": cex.lhs_value if cex else None, "rhs_value": cex.rhs_value if cex else None,
            "seconds": v.seconds, "message": v.message,
            "instantiated_up_to": v.instantiated_up_to, "trace": list(v.trace)}


def float_claim_dict(claim: FloatClaim) -> dict:
    """A float claim's own fields in the JSON report: the code as shown, the inputs and their roles,
    the given points (classes 1-based), dtypes and tolerances."""
    return {"code": claim.code_text,
            "inputs": [{"name": plain(s), "role": role} for s, role in zip(claim.inputs, claim.roles)],
            "entry": None if claim.entry is None else plain(claim.entry),
            "points": [list(list(v) if isinstance(v, tuple) else v for v in p) for p in claim.points],
            "search": claim.search, "dtypes": list(claim.dtypes),
            "rtol": dict(zip(claim.dtypes, claim.rtol)), "atol": dict(zip(claim.dtypes, claim.atol))}


def prove_result(v: Verdict, ident: object = None) -> dict:
    """One ``prove`` result object (contract schema)."""
    return {"id": ident, **verdict_dict(v)}


def json_report(results: list[DerivationResult], errors: list[LoadError], seconds: float,
                changes: list[Change] = (), lock: str | None = None) -> str:
    """The contract's ``check --format json`` document."""
    derivations = []
    for d in results:
        steps = []
        for r in d.results:
            s = r.step
            steps.append({"index": s.index, "line": s.line, "source": str(s.source), "kind": str(s.kind),
                          "rel": s.rel, "lhs": plain(s.lhs), "rhs": plain(s.rhs),
                          "written_lhs": plain(s.shown_lhs), "written_rhs": plain(s.shown_rhs),
                          "why": s.why, "depends_on": list(s.depends_on),
                          "expected": s.expected, "ok": r.ok, **verdict_dict(r.verdict),
                          "float_claim": float_claim_dict(s.float_claim) if s.float_claim else None})
        derivations.append({"name": d.derivation.name, "title": d.derivation.title,
                            "source": str(d.derivation.source), "file": d.derivation.file,
                            "ok": d.ok, "steps": steps})
    summary = {**_counts(results), "load_errors": len(errors),
               "regressions": sum(1 for x in changes if x.kind in ("regression", "vanished")),
               "seconds": round(seconds, 3)}
    return json.dumps({"softsym_version": __version__, "derivations": derivations,
                       "errors": [{"file": e.file, "line": e.line, "message": e.message} for e in errors],
                       "lock": {"file": lock, "changes": [{"kind": x.kind, "derivation": x.derivation, "place": x.place,
                                                           "detail": x.detail} for x in changes]},
                       "summary": summary}, indent=2, ensure_ascii=False) + "\n"


def junit_report(results: list[DerivationResult], errors: list[LoadError], seconds: float,
                 changes: list[Change] = (), lock: str | None = None) -> str:
    """JUnit XML: one test suite per derivation, one test case per step."""
    from xml.sax.saxutils import quoteattr
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<testsuites name="softsym" time="{seconds:.3f}">']
    for d in results:
        failures = sum(1 for r in d.results if not r.ok)
        out.append(f'  <testsuite name={quoteattr(d.derivation.name)} tests="{len(d.results)}" '
                   f'failures="{failures}" time="{d.seconds:.3f}">')
        for r in d.results:
            v = r.verdict
            out.append(f'    <testcase classname={quoteattr(d.derivation.name)} name={quoteattr(step_name(r, d))} '
                       f'file={quoteattr(r.step.file)} line="{r.step.line}" time="{v.seconds:.3f}">')
            if v.status in NOT_FULLY_PROVED or v.status is Status.CHECKED_NUMERICALLY:
                properties = {"verdict": str(v.status), "strategy": v.strategy,
                              **({"proved_up_to_n": str(v.instantiated_up_to)} if v.instantiated_up_to else {})}
                out.append("      <properties>" + "".join(f"<property name={quoteattr(k)} value={quoteattr(x)}/>"
                                                         for k, x in properties.items()) + "</properties>")
            if not r.ok:
                body = "\n".join(_step_block(r, "FAILED"))
                out.append(f'      <failure message={quoteattr(failure_message(r))}>{_escape(body)}</failure>')
            elif v.status in (Status.PROVED_INSTANTIATED, Status.CHECKED_NUMERICALLY):
                out.append(f"      <system-out>{_escape(failure_message(r))}</system-out>")
            out.append("    </testcase>")
        out.append("  </testsuite>")
    failing = [x for x in changes if x.kind in ("regression", "vanished")]
    if failing:
        out.append(f'  <testsuite name="lockfile" tests="{len(failing)}" failures="{len(failing)}">')
        for x in failing:
            out.append(f'    <testcase classname="lockfile" name={quoteattr(f"{x.derivation} {x.place}")}>'
                       f'<failure message={quoteattr(x.detail)}>{_escape(str(x))}</failure></testcase>')
        out.append("  </testsuite>")
    for e in errors:
        out.append(f'  <testsuite name={quoteattr(e.file)} tests="1" errors="1"><testcase name="load">'
                   f'<error message={quoteattr(e.message)}/></testcase></testsuite>')
    out.append("</testsuites>")
    return "\n".join(out) + "\n"


def failure_message(result: StepResult) -> str:
    """What happened to a step, in words: ``undecided: no strategy could prove it … (tried exact
    arithmetic, rational normal forms, …) (12.0 s)``, ``refuted: fails at x=1: lhs≈0.7310586, …``."""
    s, v = result.step, result.verdict
    what = status_words(v)
    if s.erratum and not result.ok:
        what = f"a printed error, expected to be refuted, but {what}"
    message = in_words(readable_message(v.message, v.counterexample))
    if v.counterexample and readable(v.counterexample) not in message:
        message = f"{message}; counterexample {readable(v.counterexample)}" if message else f"fails at {readable(v.counterexample)}"
    return f"{what}: {message} ({v.seconds:.1f} s)" if message else f"{what} ({v.seconds:.1f} s)"


def _escape(text: str) -> str:
    from xml.sax.saxutils import escape
    return escape(text)


def _many(count: int, one: str, several: str = "") -> str:
    """``1 derivation``, ``2 derivations``, ``1 erratum``, ``17 errata``."""
    return f"{count} {one if count == 1 else several or one + 's'}"
