"""``softsym export``: the verified steps as LaTeX or Markdown, marks from a check in this run."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cache import Cache
from ..engine import check_all
from ..loader import default_path, load
from ..prover import DEFAULT_TIMEOUT
from .latex import latex_document
from .markdown import markdown_document


@click.group()
def export() -> None:
    """Export derivations with their verdicts (LaTeX for papers, Markdown for the web)."""


@export.command("latex")
@click.argument("names", nargs=-1, required=True)
@click.option("--path", type=click.Path(path_type=Path), help="Directory (or file) of derivations [bundled].")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here instead of stdout.")
@click.option("--fragment", is_flag=True, help="Only the sections, for \\input into a document of yours "
              "(needs amsmath, amssymb, graphicx, xcolor and the two macros of the standalone preamble).")
@click.option("--format", "fmt", type=click.Choice(["latex", "markdown"]), default="latex", show_default=True,
              help="markdown: the same content with $$ blocks (GitHub, MkDocs).")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True)
@click.option("--timeout", type=click.FloatRange(0.1, 3600), default=DEFAULT_TIMEOUT, show_default=True)
def latex_cmd(names: tuple[str, ...], path: Path | None, output: Path | None, fragment: bool, fmt: str,
              jobs: int, timeout: float) -> None:
    """Check NAMES (or 'all') now and write them as a document whose every line shows its verdict.

    Exit 0 when written and every step got its expected verdict, 1 when written but some step
    did not (its mark says so), 2 on usage errors.
    """
    try:
        derivations, errors = load(path or default_path())
    except Exception as exc:  # noqa: BLE001 - a bad path is the user's to fix
        raise click.UsageError(str(exc)) from None
    if names != ("all",):
        known = {d.name: d for d in derivations}
        unknown = [n for n in names if n not in known]
        if unknown:
            raise click.UsageError(f"unknown derivation {', '.join(unknown)}; `softsym list` shows the names")
        derivations = [known[n] for n in names]
    results = check_all(derivations, jobs=jobs, timeout=timeout, cache=Cache())
    text = markdown_document(results) if fmt == "markdown" else latex_document(results, fragment=fragment)
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    for e in errors:
        click.echo(f"ERROR {e}", err=True)
    sys.exit(0 if all(r.ok for r in results) and not errors else 1)
