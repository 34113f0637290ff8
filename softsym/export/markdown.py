"""Derivations with their verdicts as Markdown with ``$$`` math (GitHub, MkDocs, notebooks)."""
from __future__ import annotations

from ..engine import DerivationResult, StepResult
from ..verdict import Status
from .latex import _relation
from .printer import latex

MARK = {Status.PROVED: "✔ proved", Status.PROVED_INSTANTIATED: "✔ proved for n ≤ {n}",
        Status.REFUTED: "✘ refuted", Status.UNDECIDED: "? undecided", Status.TIMEOUT: "? timeout",
        Status.ERROR: "? error"}


def _mark(result: StepResult) -> str:
    v = result.verdict
    text = MARK[v.status].format(n=v.instantiated_up_to)
    if result.step.erratum:
        text = "✘ **printed wrong in the source** (erratum, refuted)" if v.status is Status.REFUTED \
            else f"erratum NOT refuted ({v.status})"
    return text


def derivation_markdown(result: DerivationResult) -> str:
    """One derivation: heading, source, and per step its math, verdict and justification."""
    d = result.derivation
    lines = [f"## {d.title}", "", f"`{d.name}` — source: `{d.source.file}` {d.source.place}", ""]
    for r in result.results:
        s, v = r.step, r.verdict
        lines.append(f"**({s.index})** {_mark(r)} — {s.why}  ")
        lines.append(f"<sub>{s.source.place}</sub>")
        lines.append("")
        math = _relation(r).replace(r"\color{erratum}", "")
        lines.append(f"$$ {math} $$")
        if s.erratum and v.counterexample:
            cex = v.counterexample
            point = ", ".join(f"{k} = {val}" for k, val in cex.values) or "no variables"
            lines.append(f"> counterexample: {point}: left side `{cex.lhs_value}`, right side `{cex.rhs_value}`")
        lines.append("")
    return "\n".join(lines)


def markdown_document(results: list[DerivationResult]) -> str:
    """All derivations, one after the other."""
    return "# Verified derivations\n\n" + "\n".join(derivation_markdown(r) for r in results)


__all__ = ["derivation_markdown", "latex", "markdown_document"]
