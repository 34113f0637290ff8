"""The ``softsym`` command line; the only place exceptions become exit codes.

Exit codes: ``check`` 0 all steps as expected, 1 a failure, 2 usage error; ``prove`` 0 proved,
1 refuted, 3 undecided (or timeout), 2 usage or parse error.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from . import __version__
from . import lockfile
from .cache import Cache
from .engine import check_all
from .export.commands import export
from .kernels.commands import kernels
from .errors import UserError
from .loader import default_path, load, select
from .progress import progress
from .prover import DEFAULT_TIMEOUT
from .report import json_report, junit_report, prove_result, text_report
from .text import prove_text
from .verdict import Status, Verdict

RELS = ("==", "<=", "<", ">=", ">")
PROVE_EXIT = {Status.PROVED: 0, Status.PROVED_INSTANTIATED: 0, Status.REFUTED: 1,
              Status.UNDECIDED: 3, Status.TIMEOUT: 3, Status.ERROR: 3}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="softsym")
def main() -> None:
    """Check every step of a derivation: proved, refuted with a counterexample, or undecided.

    \b
    Examples:
      softsym check all                       check the bundled derivations
      softsym prove 'exp(p)/(exp(p)+exp(q))' '1/(1+exp(q-p))'
      softsym prove 'log(a*b)' 'log(a)+log(b)' --symbols 'a b: positive'
      softsym list                            show the derivations and their sources
    """


def _load(path: Path | None) -> tuple[list, list]:
    root = path or default_path()
    try:
        return load(root)
    except UserError as exc:
        raise click.UsageError(str(exc)) from None


@main.command("list")
@click.option("--path", type=click.Path(path_type=Path), help="Directory (or file) of derivations.")
def list_cmd(path: Path | None) -> None:
    """Show each derivation: name, steps, source, file."""
    derivations, errors = _load(path)
    for d in derivations:
        errata = sum(1 for s in d.steps if s.erratum)
        note = f", {errata} erratum" if errata else ""
        click.echo(f"{d.name:<34} {len(d.steps):>3} steps{note:<12}  {d.source}  ({d.file})\n"
                   f"    {d.title}")
    for e in errors:
        click.echo(f"ERROR {e}", err=True)
    sys.exit(1 if errors else 0)


def _select(derivations: list, names: tuple[str, ...], shard: str | None) -> list:
    try:
        derivations = select(derivations, names)
    except UserError as exc:
        raise click.UsageError(str(exc)) from None
    if shard:
        try:
            k, n = (int(x) for x in shard.split("/"))
            if not 1 <= k <= n:
                raise ValueError
        except ValueError:
            raise click.BadParameter(f"{shard!r}: write K/N with 1 <= K <= N, e.g. 2/4", param_hint="--shard") from None
        ordered = sorted(derivations, key=lambda d: d.name)
        derivations = [d for i, d in enumerate(ordered) if i % n == k - 1]
    return derivations


def _run(names, path, jobs, timeout, no_cache, quiet, shard):
    """Load, select and check; returns (results, load errors, seconds, lock path, locked entries)."""
    root = path or default_path()
    derivations, errors = _load(path)
    derivations = _select(derivations, names, shard)
    cache = None if no_cache else Cache()
    start = time.perf_counter()
    results = check_all(derivations, jobs=jobs, timeout=timeout, cache=cache,
                        on_step=progress(sum(len(d.steps) for d in derivations), quiet))
    seconds = time.perf_counter() - start
    where = lockfile.lock_path(root)
    try:
        locked = lockfile.read(where)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    return results, errors, seconds, where, locked


def _check_options(f):
    options = [
        click.argument("names", nargs=-1, required=True),
        click.option("--path", type=click.Path(path_type=Path), help="Directory (or file) of derivations [bundled]."),
        click.option("--jobs", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
                     help="Worker processes (steps are spread over a process pool)."),
        click.option("--timeout", type=click.FloatRange(0.1, 3600), default=DEFAULT_TIMEOUT, show_default=True,
                     help="Seconds per step; a step over it becomes 'timeout'."),
        click.option("--no-cache", is_flag=True, help="Recompute every step (ignore and do not fill the cache; "
                     "the cache lives in $SOFTSYM_CACHE_DIR or ~/.cache/softsym and is safe to delete)."),
        click.option("--shard", metavar="K/N", help="Check only the K-th of N deterministic slices of the derivations."),
        click.option("--quiet", "-q", is_flag=True, help="No progress on stderr."),
    ]
    for option in reversed(options):
        f = option(f)
    return f


@main.command()
@_check_options
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit"]), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(path_type=Path), help="Write the report here instead of stdout.")
@click.option("--update-lock", is_flag=True, help="Record this run's verdicts in the lockfile (as `softsym lock`).")
def check(names: tuple[str, ...], path: Path | None, jobs: int, timeout: float, no_cache: bool, shard: str | None,
          quiet: bool, fmt: str, output: Path | None, update_lock: bool) -> None:
    """Check derivations: NAMES are derivation names, or 'all'.

    Every step must get its expected verdict (proved; an erratum refuted) and nothing may regress
    against the lockfile (softsym.lock.json beside the derivations): a step that was proved and
    is now less, an erratum no longer refuted, or a locked step that vanished. New and changed
    steps are reported; `softsym lock` (or --update-lock) records them.

    Exit 0 when all is as expected, 1 otherwise, 2 on usage errors (unknown name, bad path).
    """
    results, errors, seconds, where, locked = _run(names, path, jobs, timeout, no_cache, quiet, shard)
    whole = names == ("all",) and not shard and (path or default_path()).is_dir()   # every locked file was read
    changes = lockfile.compare(results, locked, complete=whole) if locked is not None else []
    render = {"text": text_report, "json": json_report, "junit": junit_report}[fmt]
    report = render(results, errors, seconds, changes=changes, lock=None if locked is None else str(where))
    if output:
        output.write_text(report, encoding="utf-8")
    else:
        click.echo(report, nl=False)
    ok = all(r.ok for r in results) and not errors and not lockfile.failing(changes)
    if update_lock:
        lockfile.write(where, results, keep=locked)
        click.echo(f"lockfile written: {where}", err=True)
    sys.exit(0 if ok else 1)


@main.command()
@_check_options
def lock(names: tuple[str, ...], path: Path | None, jobs: int, timeout: float, no_cache: bool, shard: str | None,
         quiet: bool) -> None:
    """Check NAMES (or 'all') and record their verdicts in the lockfile, after an intended change.

    Exit 0 when the lockfile was written and every step got its expected verdict, 1 when it was
    written but some step failed (the failure is locked in as it is: fix it, then lock again).
    """
    results, errors, seconds, where, locked = _run(names, path, jobs, timeout, no_cache, quiet, shard)
    keep = locked if names != ("all",) or shard or not (path or default_path()).is_dir() else None
    lockfile.write(where, results, keep=keep)
    failed = [r for d in results for r in d.results if not r.ok]
    click.echo(f"locked {sum(len(d.results) for d in results)} steps of {len(results)} derivations in {where} "
               f"({seconds:.1f} s)" + (f"; {len(failed)} steps do not have their expected verdict" if failed else ""))
    for e in errors:
        click.echo(f"ERROR {e}", err=True)
    sys.exit(0 if not failed and not errors else 1)


@main.command("prove")
@click.argument("lhs", required=False)
@click.argument("rhs", required=False)
@click.option("--rel", type=click.Choice(RELS), default="==", show_default=True, help="The relation to check.")
@click.option("--symbols", "symbols", default="", metavar="DECL",
              help="Assumptions, e.g. 'p q: real; phi: 0<phi<1; n: integer positive; z: indexed, real'. "
                   "Undeclared names are real.")
@click.option("--timeout", type=click.FloatRange(0.1, 3600), default=DEFAULT_TIMEOUT, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--given", "given", multiple=True, metavar="RELATION",
              help="A hypothesis the relation may use, e.g. 'Sum(p[i], (i, 1, n)) == 1' (repeatable). "
                   "A counterexample always satisfies every hypothesis.")
@click.option("--batch", type=click.Path(path_type=Path, dir_okay=False),
              help="JSON Lines file of {id, lhs, rhs, rel, symbols, given}; one result per line on stdout.")
def prove_cmd(lhs: str | None, rhs: str | None, rel: str, symbols: str, timeout: float, as_json: bool,
              given: tuple[str, ...], batch: Path | None) -> None:
    """Check one relation LHS REL RHS (expressions in SymPy syntax, parsed without eval).

    \b
    Examples:
      softsym prove 'exp(p)/(exp(p)+exp(q))' '1/(1+exp(q-p))'
      softsym prove 'log(a*b)' 'log(a)+log(b)' --symbols 'a b: positive'
      softsym prove 'Sum(p[i]*(KroneckerDelta(i,j) - p[j]), (i, 1, n))' 0 \\
          --symbols 'n: integer positive; i j: integer, 1<=i<=n; p: indexed, positive' \\
          --given 'Sum(p[i], (i, 1, n)) == 1'

    Exit 0 proved, 1 refuted (the counterexample is printed), 3 undecided, 2 usage or parse error.
    """
    if batch is not None:
        if lhs or rhs:
            raise click.UsageError("give either LHS RHS or --batch FILE, not both")
        _run_batch(batch, timeout)
        return
    if lhs is None or rhs is None:
        raise click.UsageError("prove needs LHS and RHS (or --batch FILE)")
    try:
        verdict = prove_text(lhs, rhs, rel, symbols, timeout, given)
    except UserError as exc:
        if as_json:
            click.echo(json.dumps({"id": None, "verdict": "error", "strategy": "parse", "message": str(exc)}))
        else:
            click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(prove_result(verdict), ensure_ascii=False))
    else:
        extra = f" for n <= {verdict.instantiated_up_to}" if verdict.instantiated_up_to else ""
        click.echo(f"{verdict.status}{extra} ({verdict.strategy}, {verdict.seconds:.2f} s)")
        if verdict.counterexample:
            click.echo(f"counterexample: {verdict.counterexample.describe()}")
        if verdict.message:
            click.echo(verdict.message)
    sys.exit(PROVE_EXIT[verdict.status])


def _run_batch(path: Path, timeout: float) -> None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise click.UsageError(f"cannot read {path}: {exc.strerror}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        ident: object = None
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise UserError("each line must be a JSON object")
            ident = item.get("id", number)
            missing = [k for k in ("lhs", "rhs") if not isinstance(item.get(k), str)]
            if missing:
                raise UserError(f"missing or non-string field(s): {', '.join(missing)}")
            rel = item.get("rel", "==")
            if rel not in RELS:
                raise UserError(f"unknown rel {rel!r}; use one of {', '.join(RELS)}")
            hypotheses = item.get("given") or []
            if isinstance(hypotheses, str):
                hypotheses = [hypotheses]
            if not isinstance(hypotheses, list) or not all(isinstance(g, str) for g in hypotheses):
                raise UserError("given must be a string or a list of strings")
            verdict = prove_text(item["lhs"], item["rhs"], rel, item.get("symbols", "") or "", timeout,
                                 tuple(hypotheses))
            result = prove_result(verdict, ident)
        except (UserError, json.JSONDecodeError) as exc:
            result = {"id": ident if ident is not None else number, "verdict": "error", "strategy": "parse",
                      "counterexample": None, "lhs_value": None, "rhs_value": None, "seconds": 0.0,
                      "message": f"{path}:{number}: {exc}"}
        click.echo(json.dumps(result, ensure_ascii=False))
        sys.stdout.flush()
    sys.exit(0)


main.add_command(export)
main.add_command(kernels)


if __name__ == "__main__":  # pragma: no cover
    main()
