"""``softsym check --watch``: re-checks on save (using the cache), stops on Ctrl-C with status 0;
and the progress line that names the step in hand."""
from __future__ import annotations

from pathlib import Path

import pytest

from softsym import watch as watch_module
from softsym.cli import main
from softsym.progress import Progress

FILE = '''
from sympy import exp
from softsym.dsl import DerivationBuilder, Source
d = DerivationBuilder("mine", title="Mine", source=Source.added("notes"))
x = d.symbols("x", real=True)
d.eq(exp(x) * exp(x), exp(2 * x), why="e^x e^x = e^{2x}")
DERIVATION = d.build()
'''


@pytest.fixture
def ders(tmp_path: Path) -> Path:
    (tmp_path / "ders").mkdir()
    (tmp_path / "ders" / "mine.py").write_text(FILE, encoding="utf-8")
    return tmp_path / "ders"


def test_watch_checks_again_after_a_save_and_stops_after_the_polls(runner, ders, monkeypatch):
    polls = []

    def save_once(seconds: float) -> None:      # the user saves a new step between the first two polls
        polls.append(seconds)
        if len(polls) == 1:
            text = FILE.replace("DERIVATION =", 'd.eq(exp(x) / exp(x), 1, why="cancel")\nDERIVATION =')
            (ders / "mine.py").write_text(text, encoding="utf-8")

    monkeypatch.setattr(watch_module, "watch", _with_sleep(watch_module.watch, save_once))
    r = runner.invoke(main, ["check", str(ders), "--watch", "--watch-iterations", "3", "-q"])
    assert r.exit_code == 0, r.output
    assert len(polls) == 3
    reports = [line for line in r.stdout.splitlines() if line.startswith("1 derivation,")]
    assert len(reports) == 2                            # once at the start, once after the save
    assert "1 step:" in reports[0] and "2 steps" in reports[1]
    assert f"changed: {ders / 'mine.py'}; checking again" in r.stderr


def _with_sleep(real, sleep):
    def patched(paths, run, **kw):
        return real(paths, run, **{**kw, "sleep": sleep})
    return patched


def test_ctrl_c_stops_watching_with_status_0(runner, ders, monkeypatch):
    def interrupt(seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(watch_module, "watch", _with_sleep(watch_module.watch, interrupt))
    r = runner.invoke(main, ["check", str(ders), "--watch", "-q"])
    assert r.exit_code == 0, r.output
    assert "stopped watching" in r.stderr


def test_nothing_changed_means_no_second_check(runner, ders, monkeypatch):
    monkeypatch.setattr(watch_module, "watch", _with_sleep(watch_module.watch, lambda s: None))
    r = runner.invoke(main, ["check", str(ders), "--watch", "--watch-iterations", "5", "-q"])
    assert r.exit_code == 0
    assert sum(line.startswith("1 derivation,") for line in r.stdout.splitlines()) == 1


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class _Named:
    def __init__(self, name: str, index: int = 1) -> None:
        self.name, self.index = name, index


def test_progress_names_a_long_step_while_it_runs(capsys):
    clock = _Clock()
    shown = Progress(3, tty=False, clock=clock)
    shown.started(_Named("slow"), _Named("", 4))
    clock.now = 3.0
    shown.tick()                                       # the first 5 seconds stay quiet in a log
    clock.now = 12.0
    shown.tick()
    assert capsys.readouterr().err.splitlines() == ["[0/3] slow step 4: checking, 12 s"]


def test_progress_on_a_terminal_refreshes_with_the_step_in_hand(capsys):
    clock = _Clock()
    shown = Progress(2, tty=True, clock=clock)
    shown.started(_Named("slow"), _Named("", 2))
    clock.now = 1.0
    shown.tick()
    assert "[0/2] slow step 2: checking, 1 s" in capsys.readouterr().err


def test_check_doc_watch_checks_a_saved_document_again(runner, tmp_path, monkeypatch):
    from softsym.doc.commands import check_doc

    notes = tmp_path / "notes.md"
    notes.write_text("$$\\log(e^{x}) = x$$\n", encoding="utf-8")

    def save_once(seconds: float, calls=[]) -> None:    # noqa: B006 - counts the polls of this test
        calls.append(seconds)
        if len(calls) == 1:
            notes.write_text("$$\\log(e^{x}) = x$$\n\n$$e^{x} e^{x} = e^{2 x}$$\n", encoding="utf-8")

    monkeypatch.setattr(watch_module, "watch", _with_sleep(watch_module.watch, save_once))
    r = runner.invoke(check_doc, [str(notes), "--watch", "--watch-iterations", "2", "-q"])
    assert r.exit_code == 0, r.output
    summaries = [line for line in r.stdout.splitlines() if line.startswith("1 document,")]
    assert [s.split(":")[0] for s in summaries] == ["1 document, 1 relations", "1 document, 2 relations"]
    assert r.stdout.count("notes.md:3: proved") == 1
