"""``softsym export latex``: the verified steps as LaTeX or Markdown, marks from a check in this run.

``export`` is a click group; ``softsym.cli`` registers it (``main.add_command(export)``).
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..cache import Cache
from ..engine import check_all
from ..errors import UserError
from ..loader import default_path, load, names_as_path, select
from ..progress import progress
from ..prover import DEFAULT_TIMEOUT
from .latex import DEFAULT_TITLE, latex_document
from .markdown import markdown_document


@click.group()
def export() -> None:
    """Export derivations with their verdicts (LaTeX for papers and books, Markdown for the web)."""


@export.command("latex")
@click.argument("names", nargs=-1, required=True)
@click.option("--path", type=click.Path(path_type=Path), help="Directory (or file) of derivations [bundled].")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Write here instead of stdout.")
@click.option("--fragment", is_flag=True, help="Only the macros and sections, for \\input into a document that "
              "loads amsmath, amssymb, graphicx and xcolor (and CJKutf8 for Chinese quotations).")
@click.option("--format", "fmt", type=click.Choice(["latex", "markdown"]), default="latex", show_default=True,
              help="markdown: the same content with $ and $$ math (GitHub, MkDocs).")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes for the check.")
@click.option("--timeout", type=click.FloatRange(0.1, 3600), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds per step.")
@click.option("--no-cache", is_flag=True, help="Recompute every verdict instead of reusing cached ones.")
@click.option("--title", default=DEFAULT_TITLE, show_default=True, help="The document's title.")
@click.option("--author", default="", help="The author line [default: checked by softsym VERSION].")
def latex_cmd(names: tuple[str, ...], path: Path | None, output: Path | None, fragment: bool, fmt: str,
              jobs: int, timeout: float, no_cache: bool, title: str, author: str) -> None:
    """Check NAMES (or 'all') now and write them as a document whose every line shows its verdict.

    'all' writes the derivations in the order of their sources (000 → 004, each in its text's order).

    \b
    Examples:
      softsym export latex all -o corpus.tex && pdflatex corpus.tex
      softsym export latex sigmoid_two_class_softmax --fragment -o sigmoid.tex
      softsym export latex all --format markdown -o derivations.md
      softsym export latex all --title 'Softmax, verified' --author 'A. Reader' -o corpus.tex

    Exit 0 when written and every step got its expected verdict, 1 when written but some step
    did not (its mark says so) or a derivation file did not load, 2 on usage errors.
    """
    names, path = names_as_path(names, path)
    try:
        derivations, errors = load(path or default_path())
        derivations = select(derivations, names)
    except UserError as exc:
        raise click.UsageError(str(exc)) from None
    with progress(sum(len(d.steps) for d in derivations)) as shown:
        results = check_all(derivations, jobs=jobs, timeout=timeout, cache=None if no_cache else Cache(),
                            on_step=shown, on_start=shown.started)
    text = (markdown_document(results, title, author) if fmt == "markdown"
            else latex_document(results, fragment=fragment, title=title, author=author))
    if output:
        output.write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    for e in errors:
        click.echo(f"ERROR {e}", err=True)
    failed = sum(1 for d in results for r in d.results if not r.ok)
    if failed:
        click.echo(f"{failed} steps did not get their expected verdict (marked in the output)", err=True)
    sys.exit(0 if not failed and not errors else 1)


__all__ = ["export"]
