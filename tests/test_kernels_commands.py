"""``softsym kernels validate | bench | generate`` through CliRunner."""
from __future__ import annotations

from softsym.kernels.commands import kernels


def test_validate_one_kernel_quick(runner):
    result = runner.invoke(kernels, ["validate", "--quick", "--kernel", "softmax", "--no-train"])
    assert result.exit_code == 0, result.output
    assert "softmax             float64" in result.output
    assert "naive" not in result.output.split("004_e81365b828eb09e1.txt")[0] or "FAILS" in result.output
    assert "got nan" in result.output and result.output.rstrip().endswith("all checks passed")


def test_bench_quick_prints_ratios_for_every_shape_and_dtype(runner):
    result = runner.invoke(kernels, ["bench", "--quick", "--kernel", "logsumexp", "--rounds", "1"])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if line.startswith("logsumexp")]
    assert len(rows) == 6 and all("ms" in r for r in rows)


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
