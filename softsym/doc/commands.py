"""``softsym check-doc``: check the mathematics of Markdown or LaTeX documents as they are written.

``check_doc`` is a click command; ``softsym.cli`` registers it (``main.add_command(check_doc)``).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from ..cache import Cache
from ..errors import StepTimeout, UserError
from ..prover import DEFAULT_TIMEOUT
from ..verdict import Verdict
from .check import DocOptions, check_document, document_result, parallel_verdicts
from .report import FAILING, STRICT_FAILING, json_report, junit_report, marked_document, text_report


@click.command("check-doc")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--symbols", default="", metavar="DECL",
              help="Declarations for every document, as for `prove` ('phi: 0<phi<1; z: indexed, real'); "
                   "a document adds its own with <!-- softsym: DECL --> (Markdown) or % softsym: DECL (LaTeX), "
                   "applied from their line on.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit", "markdown"]), default="text",
              show_default=True, help="markdown: each document written back with a mark after each checked line.")
@click.option("--output", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the report here instead of stdout.")
@click.option("--timeout", type=click.FloatRange(0.1, 3600), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds per relation.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes (relations are independent tasks).")
@click.option("--no-cache", is_flag=True, help="Recompute every verdict (the cache is keyed by content).")
@click.option("--strict", is_flag=True, help="Also fail (exit 1) on undecided, unparsed, timeout and error.")
@click.option("--verbose", "-v", is_flag=True, help="Text format: list definitions and skipped lines too.")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
@click.option("--watch", "-w", is_flag=True, help="Check again whenever one of FILES is saved (unchanged relations "
              "come from the cache); Ctrl-C stops, with exit status 0.")
@click.option("--watch-iterations", type=int, hidden=True, help="Stop watching after N polls (tests).")
def check_doc(files: tuple[Path, ...], symbols: str, fmt: str, output: Path | None, timeout: float, jobs: int,
              no_cache: bool, strict: bool, verbose: bool, quiet: bool, watch: bool = False,
              watch_iterations: int | None = None) -> None:
    """Check every relation in the mathematics of FILES (.md, .txt read as Markdown, .tex).

    Math is found in $…$, $$…$$, \\(…\\), \\[…\\], equation/align/aligned/gather environments and
    ```math fences; a = b = c and &= rows are checked pair by pair. `x := …` and the first `x = …`
    of a new name are definitions, unfolded in later relations. Each relation is proved, refuted
    (with a counterexample), undecided, or: definition, skipped (≈, ∝, ⇒) or unparsed (the reason
    is printed: softsym never guesses a reading).

    \b
    Examples:
      softsym check-doc notes.md
      softsym check-doc paper.tex --symbols 'n: integer positive' --format json -o report.json
      softsym check-doc notes.md --format markdown -o notes.checked.md

    Exit 0 when no relation is refuted, 1 when one is (with --strict: also undecided, unparsed,
    timeout or error), 2 on usage errors (unreadable file, unknown kind, bad --symbols).
    """
    if watch:
        from ..watch import watch as watch_loop

        def once() -> None:
            try:
                _check_once(files, symbols, fmt, output, timeout, jobs, no_cache, strict, verbose, quiet)
            except click.ClickException as exc:     # a file removed or unreadable for a moment
                exc.show()
        sys.exit(watch_loop(list(files), once, iterations=watch_iterations))
    sys.exit(1 if _check_once(files, symbols, fmt, output, timeout, jobs, no_cache, strict, verbose, quiet) else 0)


def _check_once(files: tuple[Path, ...], symbols: str, fmt: str, output: Path | None, timeout: float, jobs: int,
                no_cache: bool, strict: bool, verbose: bool, quiet: bool) -> bool:
    """One run over FILES: the report printed (or written); whether a relation fails."""
    options = DocOptions(symbols=symbols, timeout=timeout)
    cache = None if no_cache else Cache()
    documents, texts = [], []
    for path in files:
        text = _read(path)
        decide = parallel_verdicts(str(path), text, options, jobs=jobs, cache=cache,
                                   on_done=None if quiet else _progress(str(path)))
        try:
            documents.append(check_document(str(path), text, options, verdicts=decide))
        except UserError as exc:          # unknown suffix, malformed --symbols
            raise click.UsageError(f"{path}: {exc}") from None
        except (Exception, StepTimeout) as exc:  # noqa: BLE001 - our bug: this document gets an error entry, the others go on
            documents.append(document_result(str(path), [{
                "line": 1, "end_line": 1, "tex": "", "rel": "", "lhs": "", "rhs": "", "verdict": "error",
                "strategy": "reader", "counterexample": None, "lhs_value": None, "rhs_value": None,
                "message": f"internal error while reading the document, nothing in it was checked: "
                           f"{type(exc).__name__}: {exc} (please report it with the document)"}], 0.0))
        texts.append(text)
    if fmt == "text":
        report = text_report(documents, verbose=verbose)
    elif fmt == "json":
        report = json_report(documents)
    elif fmt == "junit":
        report = junit_report(documents)
    else:
        report = "".join(marked_document(d["path"], t, d) for d, t in zip(documents, texts, strict=True))
    if output:
        output.write_text(report, encoding="utf-8")
    else:
        click.echo(report, nl=False)
    failing = STRICT_FAILING if strict else FAILING
    return any(r["verdict"] in failing for d in documents for r in d["relations"])


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise click.UsageError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise click.UsageError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise click.UsageError(f"{path}: cannot read it ({exc.strerror})") from None


def _progress(path: str):
    """Progress on stderr: a line per relation when it takes a while (after 2 s), on a terminal a
    counter; the follow-ups (checks that weigh a verdict against the words) counted apart.  Each
    line shows the prover's verdict on the relation as read ("as read refuted"): the verdict
    reported at the end is that one weighed against the words, and may be undecided."""
    done: dict[str, int] = {}
    start = time.perf_counter()

    def report(verdict: Verdict, total: int, batch: str = "main") -> None:
        done[batch] = done.get(batch, 0) + 1
        label = path if batch == "main" else f"{path} (follow-up checks)"
        if sys.stderr.isatty():
            click.echo(f"\r[{done[batch]}/{total}] {label}: as read {verdict.status}"[:79].ljust(79), err=True,
                       nl=done[batch] == total)
        elif time.perf_counter() - start > 2:
            click.echo(f"[{done[batch]}/{total}] {label}: as read {verdict.status} ({verdict.seconds:.1f} s)", err=True)
    return report


__all__ = ["check_doc"]
