"""The ``softsym`` command line; the only place exceptions become exit codes.

Exit codes: ``check`` 0 all steps as expected, 1 a failure, 2 usage error; ``prove`` 0 proved,
1 refuted (and nothing else), 3 undecided (or timeout), 2 usage or parse error or an ``error``
verdict (a crash inside softsym becomes one, with a one-line message, never a traceback).
"""
from __future__ import annotations

import difflib
import itertools
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import click

from . import __version__
from . import lockfile
from .cache import Cache
from .engine import check_all
from .doc.commands import check_doc
from .export.commands import export
from .kernels.commands import kernels
from .errors import StepTimeout, UserError
from .loader import default_path, load, names_as_path, select
from .numeric.display import readable, readable_message
from .progress import progress
from .prover import DEFAULT_TIMEOUT
from .report import json_report, junit_report, prove_result, text_report
from .text import prove_text
from .verdict import Status, Verdict

RELS = ("==", "<=", "<", ">=", ">")
PROVE_EXIT = {Status.PROVED: 0, Status.PROVED_INSTANTIATED: 0, Status.REFUTED: 1,
              Status.UNDECIDED: 3, Status.TIMEOUT: 3, Status.VACUOUS: 3, Status.ERROR: 2}


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


def _path_option(path: Path | None) -> str:
    """The user's --path, repeated in a hint (so that following it does not switch directories)."""
    return f" --path {path}" if path else ""


def _select(derivations: list, names: tuple[str, ...], shard: str | None, path: Path | None = None) -> list:
    try:
        derivations = select(derivations, names)
    except UserError as exc:
        message = str(exc).replace("`softsym list`", f"`softsym list{_path_option(path)}`")
        raise click.UsageError(message) from None
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
    derivations = _select(derivations, names, shard, path)
    cache = None if no_cache else Cache()
    start = time.perf_counter()
    with progress(sum(len(d.steps) for d in derivations), quiet) as shown:
        results = check_all(derivations, jobs=jobs, timeout=timeout, cache=cache, on_step=shown, on_start=shown.started)
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
@click.option("--verbose", "-v", is_flag=True, help="Text format: each expected erratum in full (step, why, "
              "counterexample, correction) instead of one line.")
@click.option("--watch", "-w", is_flag=True, help="Check again whenever a derivation file is saved (unchanged steps "
              "come from the cache); Ctrl-C stops, with exit status 0.")
@click.option("--watch-iterations", type=int, hidden=True, help="Stop watching after N polls (tests).")
def check(names: tuple[str, ...], path: Path | None, jobs: int, timeout: float, no_cache: bool, shard: str | None,
          quiet: bool, fmt: str, output: Path | None, update_lock: bool, verbose: bool, watch: bool,
          watch_iterations: int | None) -> None:
    """Check derivations: NAMES are derivation names, or 'all'.

    Every step must get its expected verdict (proved; an erratum refuted) and nothing may regress
    against the lockfile (softsym.lock.json beside the derivations): a step that was proved and
    is now less, an erratum no longer refuted, or a locked step that vanished. New and changed
    steps are reported; `softsym lock` (or --update-lock) records them.

    Exit 0 when all is as expected, 1 otherwise, 2 on usage errors (unknown name, bad path).
    """
    names, path = names_as_path(names, path)
    if watch:
        from .watch import watch as watch_loop
        sys.exit(watch_loop([path or default_path()], lambda: _shown_errors(lambda: _check_once(
            names, path, jobs, timeout, no_cache, shard, quiet, fmt, output, update_lock, verbose)),
            iterations=watch_iterations))
    sys.exit(0 if _check_once(names, path, jobs, timeout, no_cache, shard, quiet, fmt, output, update_lock,
                              verbose) else 1)


def _shown_errors(run: Callable[[], object]) -> None:
    """One run of a watch loop: a usage error (a name removed by an edit) is shown, not fatal."""
    try:
        run()
    except click.ClickException as exc:
        exc.show()


def _check_once(names, path, jobs, timeout, no_cache, shard, quiet, fmt, output, update_lock, verbose) -> bool:
    """One ``check`` run: report printed (or written), lockfile updated if asked; whether all is as expected."""
    results, errors, seconds, where, locked = _run(names, path, jobs, timeout, no_cache, quiet, shard)
    whole = names == ("all",) and not shard and (path or default_path()).is_dir()   # every locked file was read
    changes = lockfile.compare(results, locked, complete=whole) if locked is not None else []
    render = {"text": text_report, "json": json_report, "junit": junit_report}[fmt]
    report = render(results, errors, seconds, changes=changes, lock=None if locked is None else str(where),
                    **({"lock_hint": f"softsym lock all{_path_option(path)}", "verbose": verbose}
                       if fmt == "text" else {}))
    if output:
        output.write_text(report, encoding="utf-8")
    else:
        click.echo(report, nl=False)
    ok = all(r.ok for r in results) and not errors and not lockfile.failing(changes)
    if update_lock:
        lockfile.write(where, results, keep=locked)
        click.echo(f"lockfile written: {where}", err=True)
    return ok


@main.command()
@_check_options
def lock(names: tuple[str, ...], path: Path | None, jobs: int, timeout: float, no_cache: bool, shard: str | None,
         quiet: bool) -> None:
    """Check NAMES (or 'all') and record their verdicts in the lockfile, after an intended change.

    Exit 0 when the lockfile was written and every step got its expected verdict, 1 when it was
    written but some step failed (the failure is locked in as it is: fix it, then lock again).
    """
    names, path = names_as_path(names, path)
    results, errors, seconds, where, locked = _run(names, path, jobs, timeout, no_cache, quiet, shard)
    keep = locked if names != ("all",) or shard or not (path or default_path()).is_dir() else None
    lockfile.write(where, results, keep=keep)
    failed = [r for d in results for r in d.results if not r.ok]
    click.echo(f"locked {sum(len(d.results) for d in results)} steps of {len(results)} derivations in {where} "
               f"({seconds:.1f} s)" + (f"; {len(failed)} steps do not have their expected verdict" if failed else ""))
    for e in errors:
        click.echo(f"ERROR {e}", err=True)
    sys.exit(0 if not failed and not errors else 1)


class _ProveCommand(click.Command):
    """``prove``, reading a side that starts with '-' (``-x``, ``-exp(x)``, ``-1``) as an expression.

    Before click parses, every word that is neither a known option nor an option's value is moved
    behind a ``--``.  Words that start with ``--`` stay options (an unknown one is reported, with
    a hint about ``--``), and so does ``-h``; after a ``--`` of the user's, everything is a side.
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        options, sides = _split_sides(args, self.get_params(ctx))
        if len(sides) > 2 and not ctx.resilient_parsing:
            raise click.UsageError(_extra_sides_message(sides, self.get_params(ctx)), ctx)
        try:
            return super().parse_args(ctx, options + ["--", *sides] if sides else options)
        except click.NoSuchOption as exc:             # "--x": an option misspelt, or the side --x?
            exc.message, exc.possibilities = f"{exc.format_message()} {_DASH_HINT}", None
            raise


_DASH_HINT = "(a side that starts with '-' may follow '--': softsym prove -- LHS RHS)"


def _split_sides(args: list[str], params: list[click.Parameter]) -> tuple[list[str], list[str]]:
    """The option words (with their values) and the sides, each in the order given."""
    options_of = [p for p in params if isinstance(p, click.Option)]
    valued = {name: p.nargs for p in options_of if not (p.is_flag or p.count) for name in p.opts}
    flags = {name for p in options_of if p.is_flag or p.count for name in p.opts + p.secondary_opts}
    options: list[str] = []
    sides: list[str] = []
    words = iter(args)
    for word in words:
        name = word.split("=", 1)[0] if word.startswith("--") else word
        if word == "--":
            sides.extend(words)
        elif name in valued:
            options.append(word)
            if name == word:                              # the value is the next word, whatever it looks like
                options.extend(itertools.islice(words, valued[name]))
        elif word.startswith("--") or word in flags:
            options.append(word)
        else:
            sides.append(word)
    return options, sides


def _extra_sides_message(sides: list[str], params: list[click.Parameter]) -> str:
    """Why three or more sides are wrong, suggesting the option a dashed word may have meant."""
    extra = " ".join(repr(s) for s in sides[2:])
    message = f"prove takes two sides, LHS and RHS; got {len(sides)} (extra: {extra})"
    names = [o for p in params if isinstance(p, click.Option) for o in p.opts if o.startswith("--")]
    for side in sides:
        if side.startswith("-"):
            close = difflib.get_close_matches("--" + side.lstrip("-"), names, n=1)
            if close:
                return f"{message}; {side!r} is read as an expression: did you mean {close[0]}?"
    return message


@main.command("prove", cls=_ProveCommand)
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
                   "Hypotheses are used together (the z3 strategy combines linear and polynomial "
                   "facts: x < 7*z + 2 from x < 2*y and y < 3*z + 1). "
                   "A counterexample always satisfies every hypothesis.")
@click.option("--batch", type=click.Path(path_type=Path, dir_okay=False),
              help="JSON Lines file of {id, lhs, rhs, rel, symbols, given} (plus the metadata truth, note); "
                   "one result per line on stdout.")
def prove_cmd(lhs: str | None, rhs: str | None, rel: str, symbols: str, timeout: float, as_json: bool,
              given: tuple[str, ...], batch: Path | None) -> None:
    """Check one relation LHS REL RHS (expressions in SymPy syntax, parsed without eval).

    \b
    Examples:
      softsym prove 'exp(p)/(exp(p)+exp(q))' '1/(1+exp(q-p))'
      softsym prove 'log(a*b)' 'log(a)+log(b)' --symbols 'a b: positive'
      softsym prove -x 'x*-1'
      softsym prove 'Sum(p[i]*(KroneckerDelta(i,j) - p[j]), (i, 1, n))' 0 \\
          --symbols 'n: integer positive; i j: integer, 1<=i<=n; p: indexed, positive' \\
          --given 'Sum(p[i], (i, 1, n)) == 1'

    A side may start with '-' (-x, -exp(x), -1); only the options above and -h are read as
    options. After '--' every word is a side: softsym prove -- -h h.

    Exit 0 proved, 1 refuted (the counterexample is printed), 3 undecided or timeout, 2 usage or
    parse error, or an 'error' verdict (the relation could not be checked; the message says why).
    """
    if batch is not None:
        if lhs or rhs:
            raise click.UsageError("give either LHS RHS or --batch FILE, not both")
        _run_batch(batch, timeout)
        return
    if lhs is None or rhs is None:
        raise click.UsageError("prove needs LHS and RHS (or --batch FILE)")
    start = time.perf_counter()
    for note in constant_notes(" ".join((lhs, rhs, *given)), symbols):
        click.echo(f"note: {note}", err=True)
    try:
        verdict = prove_text(lhs, rhs, rel, symbols, timeout, given)
    except UserError as exc:
        if as_json:
            click.echo(json.dumps({"id": None, "verdict": "error", "strategy": "parse", "message": str(exc)}))
        else:
            click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except (Exception, StepTimeout) as exc:  # noqa: BLE001 — our bug, reported as an error verdict, never a traceback
        verdict = _crash_verdict(exc, time.perf_counter() - start, timeout)
    if as_json:
        click.echo(json.dumps(prove_result(verdict), ensure_ascii=False))
    else:
        extra = f" for n <= {verdict.instantiated_up_to}" if verdict.instantiated_up_to else ""
        click.echo(f"{verdict.status}{extra} ({verdict.strategy}, {verdict.seconds:.2f} s)")
        cex = verdict.counterexample
        if cex:
            click.echo(f"counterexample: {readable(cex)}")
        if verdict.message and not (cex and verdict.message == f"fails at {cex.describe()}"):   # not twice
            click.echo(readable_message(verdict.message, cex))
    sys.exit(PROVE_EXIT[verdict.status])


_CONSTANT_WORDS = {"E": "Euler's number e ≈ 2.718", "I": "the imaginary unit i"}


def constant_notes(text: str, symbols: str) -> list[str]:
    """A note for each of ``E`` and ``I`` that the text uses undeclared: SymPy's constants, not the
    real names (an energy E, an identity I) many users mean."""
    declared = set(re.findall(r"[A-Za-z_]\w*", " ".join(part.split(":", 1)[0] for part in symbols.split(";"))))
    return [f"{name} is {meaning} here; declare '{name}: real' to use it as a name"
            for name, meaning in _CONSTANT_WORDS.items()
            if name not in declared and re.search(rf"(?<![\w.]){name}(?![\w(\[])", text)]


def _crash_verdict(exc: BaseException, seconds: float, timeout: float, where: str = "") -> Verdict:
    """The verdict for an exception that escaped the prover: ``timeout`` for a time limit that
    fired outside the pipeline, else ``error`` with a one-line message naming the exception
    (prefixed by ``where``, e.g. ``rels.jsonl:3: ``)."""
    seconds = round(seconds, 4)
    if isinstance(exc, StepTimeout):
        return Verdict(Status.TIMEOUT, "none", seconds, f"{where}time limit of {timeout:g} s reached")
    text = " ".join(str(exc).split())
    text = text if len(text) <= 300 else text[:297] + "..."
    return Verdict(Status.ERROR, "internal", seconds,
                   f"{where}internal error, the relation could not be checked: {type(exc).__name__}"
                   + (f": {text}" if text else ""))


# -- batch files ----------------------------------------------------------------------------------

# Each key of a batch line: what its value must be, as a test and the words for the message.
_Field = tuple[Callable[[object], bool], str]
_STRING: _Field = (lambda v: isinstance(v, str), "a string")
_FIELDS: dict[str, _Field] = {
    "id": (lambda v: v is None or (isinstance(v, (str, int, float)) and not isinstance(v, bool)),
           "a string or a number"),
    "lhs": _STRING,
    "rhs": _STRING,
    "rel": (lambda v: v in RELS, f"one of {', '.join(RELS)}"),
    "symbols": (lambda v: v is None or isinstance(v, str), "a string (a declaration such as 'a b: positive')"),
    "given": (lambda v: v is None or isinstance(v, str) or (isinstance(v, list) and all(isinstance(g, str) for g in v)),
              "a string or a list of strings"),
    # metadata, read by the benchmarks (bench/relations.jsonl) and ignored by the prover
    "truth": (lambda v: isinstance(v, bool), "true or false"),
    "note": _STRING,
}
_REQUIRED = ("lhs", "rhs")
# Names people reach for, and the field they mean (beside difflib's near spellings).
_ALIASES = {"relation": "rel", "op": "rel", "decl": "symbols", "declarations": "symbols", "assumptions": "symbols",
            "hypothesis": "given", "hypotheses": "given", "assume": "given", "left": "lhs", "right": "rhs",
            "name": "id", "expected": "truth"}


def _suggest(key: str) -> str:
    """`` (did you mean 'given'?)`` for a near miss of a known field, else ``""``."""
    lowered = key.lower()
    known = list(_FIELDS)
    match = _ALIASES.get(lowered) or next(iter(difflib.get_close_matches(lowered, known, n=1)), None) \
        or next((k for k in known if len(lowered) >= 3 and (lowered.startswith(k) or k.startswith(lowered))), None)
    return f" (did you mean {match!r}?)" if match and match != key else ""


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "..."


def _batch_problems(item: dict) -> list[str]:
    """What is wrong with one batch line's fields, each naming its field (empty: the line is fine)."""
    problems = [f"unknown field {key!r}{_suggest(key)}" for key in item if key not in _FIELDS]
    problems += [f"missing field {key!r}" for key in _REQUIRED if key not in item]
    for key, value in item.items():
        if key in _FIELDS and not _FIELDS[key][0](value):
            problems.append(f"field {key!r} must be {_FIELDS[key][1]}, got {_shown(value)}")
    return problems


def _batch_line(line: str, where: str, number: int, timeout: float) -> tuple[object, Verdict]:
    """The id and the verdict of one batch line (``where``: its place, for messages).

    Raises:
        UserError: the line is not a JSON object or a field is unknown, missing or of the wrong type.
        json.JSONDecodeError: the line is not JSON.
    """
    item = json.loads(line)
    if not isinstance(item, dict):
        raise UserError(f"each line must be a JSON object, got {_shown(item)}")
    problems = _batch_problems(item)
    if problems:
        raise UserError("; ".join(problems))
    hypotheses = item.get("given") or []
    hypotheses = [hypotheses] if isinstance(hypotheses, str) else hypotheses
    start = time.perf_counter()
    try:
        verdict = prove_text(item["lhs"], item["rhs"], item.get("rel", "=="), item.get("symbols") or "", timeout,
                             tuple(hypotheses))
    except UserError:
        raise
    except (Exception, StepTimeout) as exc:  # noqa: BLE001 — our bug: an error result for this line, the batch goes on
        verdict = _crash_verdict(exc, time.perf_counter() - start, timeout, f"{where}: ")
    return item.get("id", number), verdict


def _run_batch(path: Path, timeout: float) -> None:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise click.UsageError(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError as exc:
        raise click.UsageError(f"cannot read {path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            ident, verdict = _batch_line(line, f"{path}:{number}", number, timeout)
            result = prove_result(verdict, ident)
        except (UserError, json.JSONDecodeError) as exc:
            result = {"id": _line_id(line, number), "verdict": "error", "strategy": "parse",
                      "counterexample": None, "lhs_value": None, "rhs_value": None, "seconds": 0.0,
                      "message": f"{path}:{number}: {exc}"}
        click.echo(json.dumps(result, ensure_ascii=False))
        sys.stdout.flush()
    sys.exit(0)


def _line_id(line: str, number: int) -> object:
    """The line's own id when it has a usable one, else its line number."""
    try:
        ident = json.loads(line).get("id")
    except (ValueError, AttributeError):
        return number
    return ident if ident is not None and _FIELDS["id"][0](ident) else number


main.add_command(export)
main.add_command(kernels)
main.add_command(check_doc)


if __name__ == "__main__":  # pragma: no cover
    main()
