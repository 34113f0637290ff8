"""``softsym kernels``: validate, bench and (re)generate the NumPy kernels.

``softsym.cli`` registers the group (``main.add_command(kernels)``).  ``validate`` and ``bench``
compare with SciPy, which they need (``pip install 'softsym[kernels]'``); the kernels themselves
need NumPy only.
"""
from __future__ import annotations

import shutil
import sys

import click

from .spec import BY_NAME, KERNELS

NAMES = click.Choice([k.name for k in KERNELS])


@click.group()
def kernels() -> None:
    """NumPy kernels printed from the proved steps of derivations/stable_kernels.py.

    \b
    Examples:
      softsym kernels validate            # accuracy vs mpmath and SciPy, gradients, training
      softsym kernels bench               # medians and ratios vs SciPy, hand-written NumPy, np.copyto
      softsym kernels generate --check    # is softsym/kernels/_generated.py what the proofs print?
    """


def _need_scipy(command: str) -> None:
    """Stop with a usage error (exit 2) naming the fix when SciPy, the reference, is missing."""
    try:
        import scipy.special  # noqa: F401
    except ImportError:
        raise click.UsageError(f"`softsym kernels {command}` compares with SciPy, which is not installed: "
                               "pip install 'softsym[kernels]'") from None


@kernels.command("validate")
@click.option("--quick", is_flag=True, help="A smaller hard input set (the test suite's).")
@click.option("--kernel", "names", multiple=True, type=NAMES, help="Only these kernels (repeatable) [all].")
@click.option("--dtype", "dtypes", multiple=True, type=click.Choice(["float64", "float32"]),
              help="Only these dtypes [both].")
@click.option("--no-train", is_flag=True, help="Skip the softmax-regression training check.")
@click.option("--wide", is_flag=True, help="Every column (p99, non-finite and flushed apart) and whole inputs; "
                                           "without it the output fits 100 columns.")
def validate_cmd(quick: bool, names: tuple[str, ...], dtypes: tuple[str, ...], no_train: bool, wide: bool) -> None:
    """Accuracy against mpmath (60 digits) on hard inputs, vs scipy.special and the seed's naive code;
    gradients against finite differences and SymPy; the proved properties; training on iris.

    The seed's naive code (004 §二, no max subtracted) is shown failing on purpose: its NaN and inf
    outputs are what the stable kernels fix, and do not count towards the exit code.

    Exit 0 when every softsym check passes, 1 otherwise.
    """
    _need_scipy("validate")
    from .checks import gradient_checks, property_checks
    from .report import accuracy_table, fit, naive_section
    from .validate import beats_scipy, measure_all
    dtypes = dtypes or ("float64", "float32")
    progress = _Progress()
    results = measure_all(dtypes, quick, names or None, on_start=progress)
    progress.done()
    click.echo(accuracy_table(results, wide))
    verdicts = [a.ok for a in results if a.impl == "softsym"] + list(beats_scipy(results).values())
    click.echo(naive_section(results, wide))
    checks = gradient_checks() + [c for dt in dtypes for c in property_checks(dt)]
    click.echo("\nGradients and proved properties")
    for c in checks:
        click.echo(fit(f"  {'ok  ' if c.passed else 'FAIL'} [{c.dtype}] {c.name}: {c.detail}", wide, indent=16))
    verdicts += [c.passed for c in checks]
    if not no_train:
        from .train import EPOCHS, compare
        tr = compare()
        click.echo(f"\nSoftmax regression on iris (scipy's iris.txt; {tr.n_train} train / {tr.n_test} test, same split)")
        for k, acc in tr.accuracy.items():
            click.echo(f"  {k:<52} test accuracy {acc:.4f}  loss {tr.loss[k]:.6f}")
        click.echo(f"  max |W_softsym − W_scipy| after {EPOCHS} steps: {tr.max_weight_difference:.1e}")
        reference = tr.accuracy["scipy.special softmax − onehot (gradient descent)"]
        verdicts.append(tr.accuracy["softsym kernels (gradient descent)"] >= reference)
    ok = all(verdicts)
    click.echo(f"\n{'all checks passed' if ok else 'SOME CHECKS FAILED'}")
    sys.exit(0 if ok else 1)


class _Progress:
    """``[k/total] checking KERNEL DTYPE against mpmath`` on stderr while the 60-digit references are
    computed: on a terminal one line rewritten in place and erased at the end, elsewhere a line each."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.shown = 0

    def __call__(self, kernel: str, dtype: str, k: int, total: int) -> None:
        line = f"[{k}/{total}] checking {kernel} {dtype} against mpmath"
        if self.tty:
            width = max(20, shutil.get_terminal_size().columns - 1)     # never wraps, so \r rewrites it
            line = line[:width]
            click.echo("\r" + line.ljust(self.shown), err=True, nl=False)
            self.shown = len(line)
        else:
            click.echo(line, err=True)

    def done(self) -> None:
        """Erase the terminal line, so that no progress line is left above the report."""
        if self.tty and self.shown:
            click.echo("\r" + " " * self.shown + "\r", err=True, nl=False)
            self.shown = 0


@kernels.command("bench")
@click.option("--quick", is_flag=True, help="Small shapes, 3 rounds: a smoke test, not a measurement.")
@click.option("--kernel", "names", multiple=True, type=NAMES, help="Only these kernels [all].")
@click.option("--dtype", "dtypes", multiple=True, type=click.Choice(["float64", "float32"]),
              help="Only these dtypes [both].")
@click.option("--rounds", type=click.IntRange(1, 100), default=15, show_default=True,
              help="Interleaved rounds per kernel, shape and dtype; medians are reported.")
def bench_cmd(quick: bool, names: tuple[str, ...], dtypes: tuple[str, ...], rounds: int) -> None:
    """Median times against scipy.special, hand-written NumPy and np.copyto, in one run.

    \b
    Columns: ×scipy and ×hand are medians of same-round time ratios (above 1:
    softsym is faster); "faster" counts the rounds softsym beat SciPy;
    /copyto is softsym's time over a plain copy of the input (the memory
    bandwidth floor); peak extra memory is per call, divided by the input size.
    Method and latest figures: bench/KERNELS.md.
    """
    _need_scipy("bench")
    from .bench import HEADER, QUICK_SHAPES, SHAPES, format_row, run
    click.echo(HEADER)
    run(names or tuple(BY_NAME), QUICK_SHAPES if quick else SHAPES, dtypes or ("float64", "float32"),
        3 if quick else rounds, on_result=lambda r: click.echo(format_row(r)))


@kernels.command("generate")
@click.option("--check", is_flag=True, help="Only compare: exit 1 if the shipped source is not what the "
                                             "derivations generate now.")
@click.option("--no-prove", is_flag=True, help="Do not prove the kernels' steps first (faster; the lockfile "
                                                "gate proves them too).")
def generate_cmd(check: bool, no_prove: bool) -> None:
    """Prove the kernels' steps and print them into softsym/kernels/_generated.py."""
    from .generate import GENERATED, UnprovedStepError, module_source
    try:
        text = module_source(prove=not no_prove)
    except UnprovedStepError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    current = GENERATED.read_text(encoding="utf-8") if GENERATED.exists() else ""
    if check:
        click.echo("up to date" if text == current else f"{GENERATED} is stale: run `softsym kernels generate`")
        sys.exit(0 if text == current else 1)
    GENERATED.write_text(text, encoding="utf-8")
    click.echo(f"wrote {GENERATED} ({len(KERNELS)} kernels)")
