"""``softsym kernels validate | bench | generate`` through CliRunner."""
from __future__ import annotations

from softsym.kernels.commands import kernels


def test_validate_one_kernel_quick(runner):
    result = runner.invoke(kernels, ["validate", "--quick", "--kernel", "softmax", "--no-train"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "softmax            float64 |" in out
    words = " ".join(out.split())
    assert "Its failures below are expected" in words and "do not count towards the exit code" in words
    assert "softmax float64: expected failure: " in words and "exp overflows above 709.8, then inf/inf = NaN" in words
    assert "FAILS" not in out
    assert "got nan" in out and out.rstrip().endswith("all checks passed")
    assert max(len(line) for line in out.splitlines()) <= 100          # fits 100 columns
    progress = result.stderr.splitlines()
    assert progress == ["[1/2] checking softmax float64 against mpmath", "[2/2] checking softmax float32 against mpmath"]


def test_validate_wide_prints_every_column(runner):
    result = runner.invoke(kernels, ["validate", "--quick", "--kernel", "sigmoid", "--dtype", "float64", "--no-train",
                                     "--wide"])
    assert result.exit_code == 0, result.output
    assert "softsym max       p99  norm max       p99 nonfin flush" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) > 100


def test_progress_on_a_terminal_is_rewritten_in_place_and_erased(monkeypatch, capsys):
    import sys

    from softsym.kernels.commands import _Progress
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    progress = _Progress()
    for k in (1, 2):
        progress("softmax", "float64", k, 2)
    progress.done()
    err = capsys.readouterr().err
    assert "\n" not in err and err.count("[2/2]") == 1               # the last line is not printed twice
    assert err.endswith("\r" + " " * len("[2/2] checking softmax float64 against mpmath") + "\r")


def test_bench_rows_keep_the_memory_columns_aligned_without_scipy():
    from softsym.kernels.bench import HEADER, Timing, format_row
    times = {"softsym": 1e-3, "hand-written NumPy": 2e-3, "np.copyto": 1e-4}
    jvp = Timing("softmax_jvp", (4096, 16), "float64", times, {"softsym": 512, "hand-written NumPy": 1024}, 1024)
    softmax = Timing("softmax", (4096, 16), "float64", {**times, "scipy.special": 2e-3},
                     {"softsym": 512, "scipy.special": 2048, "hand-written NumPy": 1024}, 1024)
    header = HEADER.splitlines()[-1]
    for row in (format_row(jvp), format_row(softmax)):
        assert len(row) == len(header) <= 100
        assert row.endswith("   1.0") and row[header.index("softsym", 60):].split()[0] == "0.5"
    assert format_row(jvp).split()[-3:] == ["0.5", "—", "1.0"]
    assert format_row(softmax).split()[-3:] == ["0.5", "2.0", "1.0"]


def test_bench_quick_prints_ratios_for_every_shape_and_dtype(runner):
    result = runner.invoke(kernels, ["bench", "--quick", "--kernel", "logsumexp", "--rounds", "1"])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if line.startswith("logsumexp")]
    assert len(rows) == 6 and all("ms" in r and len(r) <= 100 for r in rows)


def test_generate_check_says_up_to_date(runner):
    result = runner.invoke(kernels, ["generate", "--check", "--no-prove"])
    assert result.exit_code == 0 and "up to date" in result.output


def test_unknown_kernel_is_a_usage_error(runner):
    assert runner.invoke(kernels, ["validate", "--kernel", "softmin"]).exit_code == 2


def test_kernels_is_a_subcommand_of_softsym(runner):
    from softsym.cli import main
    result = runner.invoke(main, ["kernels", "--help"])
    assert result.exit_code == 0 and "validate" in result.output and "bench" in result.output


def test_validate_without_scipy_names_the_extra_to_install(runner, monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "scipy", None)
    monkeypatch.setitem(sys.modules, "scipy.special", None)
    for command in ("validate", "bench"):
        result = runner.invoke(kernels, [command, "--quick"])
        assert result.exit_code == 2
        assert "softsym[kernels]" in result.output and "Traceback" not in result.output
