"""Source texts: where they live, and whether a step's quotation is printed in them.

A step may quote its source (``quote=r"P(y = p|x) = \\frac{e^{\\bar p}}{...}"``).  The quotation
must be found in the text, compared after normalizing what never changes the printed text:
whitespace (removed), LaTeX spacing commands (``\\,`` ``\\;`` ``\\:`` ``\\!`` ``\\ `` ``\\quad``
``\\qquad``) and the sizing of delimiters (``\\left`` ``\\right``).  Where it is found gives the step's
line range; where it is not, the step fails (``engine.quote_verdict``).

Source texts are looked up, by the file name a ``Source`` gives, in the directories of
``$SOFTSYM_SOURCES`` (``os.pathsep``-separated), then in ``sources/`` beside the derivation file,
then beside the derivation file itself, and last among the bundled texts, ``derivations/sources/``
(the five source texts, vendored: a copy of a bundled derivation checks its quotations anywhere).
"""
from __future__ import annotations

import ast
import os
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .dsl import Derivation, Source, Step

SOURCES_ENV = "SOFTSYM_SOURCES"
BUNDLED_SOURCES = Path(__file__).resolve().parent.parent / "derivations" / "sources"

# What normalization drops: whitespace, spacing commands, \left and \right (not \leftarrow).
# A line break \\ is matched first so that it is kept whole (its second backslash and a space
# after it are not the control space "\ ").
_TOKENS = re.compile(r"\\\\|\s+|\\(?:[,;:!]|\s|q?quad(?![A-Za-z])|left(?![A-Za-z])|right(?![A-Za-z]))")
_KEPT = "\\\\"


def normalize(text: str) -> str:
    """``text`` without whitespace, LaTeX spacing commands, ``\\left`` and ``\\right``."""
    return _TOKENS.sub(lambda m: m.group() if m.group() == _KEPT else "", text)


@dataclass(frozen=True)
class SourceText:
    """A source text, normalized, with the line of every character kept."""

    path: Path
    normalized: str
    line_of: tuple[int, ...]

    def locate(self, quote: str) -> tuple[int, int] | None:
        """The first and last line of the first place that prints ``quote`` (None: nowhere)."""
        wanted = normalize(quote)
        if not wanted:
            return None
        at = self.normalized.find(wanted)
        if at < 0:
            return None
        return self.line_of[at], self.line_of[at + len(wanted) - 1]


@lru_cache(maxsize=64)
def read_source(path: Path) -> SourceText:
    """The normalized text of ``path`` (read once per process)."""
    text = path.read_text(encoding="utf-8")
    kept: list[str] = []
    lines: list[int] = []
    line, position = 1, 0
    for match in _TOKENS.finditer(text):
        chunk = text[position:match.end() if match.group() == _KEPT else match.start()]
        for ch in chunk:
            kept.append(ch)
            lines.append(line)
        line += text.count("\n", position, match.end())
        position = match.end()
    for ch in text[position:]:
        kept.append(ch)
        lines.append(line)
    return SourceText(path, "".join(kept), tuple(lines))


def source_dirs(derivation_file: str) -> list[Path]:
    """Where the texts a derivation file cites are looked for, in order."""
    dirs = [Path(p) for p in os.environ.get(SOURCES_ENV, "").split(os.pathsep) if p]
    here = Path(derivation_file).resolve().parent if derivation_file else Path.cwd()
    return dirs + [here / "sources", here, BUNDLED_SOURCES]


def find_source(source: Source, derivation_file: str) -> Path | None:
    """The file ``source`` names, or None when no source directory holds it."""
    if not source.file or source.is_added:
        return None
    for directory in source_dirs(derivation_file):
        candidate = directory / source.file
        if candidate.is_file():
            return candidate
    return None


def quote_line(step: Step) -> int:
    """The line of the derivation file where the step's ``quote=`` is written (else the step's)."""
    try:
        tree = ast.parse(Path(step.file).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return step.line
    best: tuple[int, int] | None = None
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and node.lineno <= step.line <= (node.end_lineno or node.lineno):
            for kw in node.keywords:
                if kw.arg == "quote":
                    span = (node.end_lineno or node.lineno) - node.lineno
                    if best is None or span < best[0]:
                        best = (span, kw.value.lineno)
    return step.line if best is None else best[1]


def quote_problem(derivation: Derivation, step: Step) -> str | None:
    """Why the step's quotation is not its source's text, or None when it is (or needs none).

    A step of a derivation whose source text is found must quote it or be marked added.
    """
    source = step.source
    if source.is_added:
        return None
    path = find_source(source, derivation.file)
    if path is None:
        if source.quote:
            looked = ", ".join(str(p) for p in source_dirs(derivation.file))
            return (f"{step.file}:{quote_line(step)}: the source text {source.file} is not found "
                    f"(looked in {looked}; set ${SOURCES_ENV}), so the quotation cannot be checked")
        return None
    if not source.quote:
        return (f"{step.file}:{step.line}: the step cites {source.file} but quotes nothing: give quote= "
                f"(the text as printed there) or mark it added=True (material softsym adds)")
    if read_source(path).locate(source.quote) is None:
        return (f"{step.file}:{quote_line(step)}: the quotation is not in {_shown(path)} "
                f"(compared without whitespace, \\, \\; \\! \\quad, \\left, \\right): {source.quote!r}")
    return None


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def located(derivation: Derivation) -> Derivation:
    """A copy whose quoting steps carry the line range where their source prints the quotation."""
    steps = []
    for step in derivation.steps:
        path = find_source(step.source, derivation.file) if step.source.quote else None
        lines = read_source(path).locate(step.source.quote) if path else None
        steps.append(replace(step, source=replace(step.source, lines=lines)) if lines else step)
    return replace(derivation, steps=tuple(steps))


def text_order(derivation: Derivation) -> tuple[int, str, int]:
    """Sort key of a derivation in its source's order: the text, then where it quotes it.

    Derivations that name no text (added material) come after every text; ones without a located
    quotation come after the located ones of their text.
    """
    if not derivation.source.file:
        return (1, "", 0)
    lines = sorted(s.source.lines[0] for s in derivation.steps
                   if s.source.lines and s.source.file == derivation.source.file)
    # the median quoted line: a derivation that recalls an earlier formula stays at its own place
    return (0, derivation.source.file, lines[(len(lines) - 1) // 2] if lines else 10**9)


__all__ = ["BUNDLED_SOURCES", "SOURCES_ENV", "SourceText", "find_source", "located", "normalize", "quote_line", "quote_problem",
           "read_source", "source_dirs", "text_order"]
