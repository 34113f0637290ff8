"""Derivations with their verdicts as Markdown: ``$$`` blocks for GitHub, MkDocs and notebooks."""
from __future__ import annotations

from ..engine import DerivationResult, StepResult
from .code import code_markdown
from .latex import relation
from .prose import markdown_prose, markdown_text
from .verdicts import Mark, Note, mark, notes

SYMBOLS = {"check": "✔", "cross": "✘", "query": "?"}


def _mark_md(m: Mark) -> str:
    if m.label == "def.":
        return "def."
    words = [SYMBOLS[m.symbol]]
    if m.label:
        words.append(f"**{m.label}**" if m.tone != "proved" else m.label)
    if m.bound is not None:
        words.append(f"for $n \\le {m.bound}$")
    return " ".join(words)


def _note_md(note: Note) -> str:
    why = markdown_prose(note.why)
    parts = [why + ("." if why and note.continues and not why.endswith((".", "!", "?", ":")) else "")]
    if note.evidence and note.evidence.dtype:
        ev = note.evidence
        parts.append(f"*Fails in {ev.dtype} at ${'$, $'.join(ev.point)}$: the code gives ${ev.lhs}$ where the exact "
                     f"value is ${ev.rhs}$.*")
    elif note.evidence:
        ev = note.evidence
        where = f"at ${'$, $'.join(ev.point)}$, where" if ev.point else ":"
        parts.append(f"*False {where} the left side is ${ev.lhs}$ and the right side ${ev.rhs}$.*")
    if note.tested:
        parts.append(markdown_text(note.tested))
    if note.corrected_in:
        parts.append(f"Corrected in ({note.corrected_in}).")
    if note.corrects:
        parts.append(f"Corrects ({note.corrects}).")
    if note.instantiated_up_to:
        parts.append(f"Proved for each $n \\le {note.instantiated_up_to}$ separately, not for general $n$.")
    if note.message:
        parts.append(f"*{markdown_text(note.message)}*")
    if note.place:
        parts.append(f"<sub>[{markdown_prose(note.place)}]</sub>")
    return " ".join(p for p in parts if p)


def _step_markdown(result: StepResult, note: Note) -> list[str]:
    lhs, body = relation(result.step)
    color = r"\color{red}" if result.step.erratum else ""
    text = _note_md(note)
    listing = [*code_markdown(note.code), ""] if note.code else []
    return [f"**({result.step.index})** {_mark_md(mark(result))}" + (f" — {text}" if text else ""), "",
            "$$", f"{color}{lhs} {body}", "$$", "", *listing]


def derivation_markdown(result: DerivationResult) -> str:
    """One derivation: heading, source, then per step its mark, justification and math."""
    d = result.derivation
    lines = [f"## {markdown_prose(d.title)}", "",
             f"`{d.name}` · source: `{d.source.file}` {markdown_prose(d.source.place)}".rstrip(), ""]
    for r, note in zip(result.results, notes(result)):
        lines.extend(_step_markdown(r, note))
    failed = sum(1 for r in result.results if not r.ok)
    lines.append(f"*{failed} of {len(result.results)} steps did not get the verdict they expect.*" if failed
                 else f"*All {len(result.results)} steps have the verdict they expect.*")
    return "\n".join(lines) + "\n"


def markdown_document(results: list[DerivationResult], title: str = "Verified derivations", author: str = "") -> str:
    """All derivations, one after the other, under one heading (the title), then the author if given."""
    head = f"# {title}\n\n" + (f"{author}\n\n" if author else "")
    return head + "\n".join(derivation_markdown(r) for r in results)


__all__ = ["derivation_markdown", "markdown_document"]
