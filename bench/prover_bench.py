"""Benchmark softsym's prover against two plain SymPy baselines on a table of relations.

    python bench/prover_bench.py [--table bench/relations.jsonl] [--timeout 20] [--only ID ...] [--ablate smt]

Every relation of the table (JSON Lines: id, lhs, rhs, rel, symbols, optional given (a list of
hypotheses), truth) is decided, in the
same run and with the same time limit each, by

- softsym's prover (``softsym.text.prove_text``),
- ``simplify(lhs - rhs) == 0`` (zero: "proved"; a nonzero residual: "refuted" — what a hurried
  user concludes; for inequalities the sign of ``simplify(rhs - lhs)`` by SymPy's assumptions),
- ``lhs.equals(rhs)`` (True: proved, False: refuted, None: undecided; inequalities: undecided).

Both sides are parsed by softsym's safe parser (so all three methods see the same SymPy
objects, with the same assumptions) and ``doit()`` is applied for the baselines.  The table
printed at the end counts, per method: proved-true, WRONGLY proved false, refuted-false,
WRONGLY refuted true, undecided (including time-outs), median and total seconds.  Timings are
medians of one run on a shared machine: compare the columns of one run, not runs.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import sympy as sp

from softsym.deadline import Deadline, run_until
from softsym.errors import StepTimeout, UserError
from softsym.text import parse_relation, prove_text

HERE = Path(__file__).resolve().parent


def _timed(fn, timeout: float) -> tuple[str, float]:
    start = time.perf_counter()
    try:
        outcome = run_until(Deadline.after(timeout), fn)
    except StepTimeout:
        outcome = "undecided"
    except Exception:  # noqa: BLE001 - a baseline that crashes has not decided
        outcome = "undecided"
    return outcome, time.perf_counter() - start


def softsym_method(row: dict, timeout: float) -> tuple[str, float]:
    start = time.perf_counter()
    verdict = prove_text(row["lhs"], row["rhs"], row.get("rel", "=="), row.get("symbols", ""), timeout,
                         tuple(row.get("given", ())))
    status = str(verdict.status)
    outcome = "proved" if status.startswith("proved") else ("refuted" if status == "refuted" else "undecided")
    return outcome, time.perf_counter() - start


def ablated(strategy: str):
    """softsym with one strategy of the pipeline left out (``--ablate smt``: what it adds)."""
    import softsym.prover as prover

    def method(row: dict, timeout: float) -> tuple[str, float]:
        full = prover.PIPELINE
        prover.PIPELINE = tuple(step for step in full if step[0] != strategy)
        try:
            return softsym_method(row, timeout)
        finally:
            prover.PIPELINE = full
    return method


def simplify_method(row: dict, timeout: float) -> tuple[str, float]:
    problem = parse_relation(row["lhs"], row["rhs"], row.get("rel", "=="), row.get("symbols", ""),
                             tuple(row.get("given", ())))

    def decide() -> str:
        lhs, rhs = problem.lhs.doit(), problem.rhs.doit()
        if problem.rel == "==":
            return "proved" if sp.simplify(lhs - rhs) == 0 else "refuted"
        gap = sp.simplify(rhs - lhs)
        sign = gap.is_positive if problem.rel == "<" else gap.is_nonnegative
        return {True: "proved", False: "refuted"}.get(sign, "undecided")
    return _timed(decide, timeout)


def equals_method(row: dict, timeout: float) -> tuple[str, float]:
    problem = parse_relation(row["lhs"], row["rhs"], row.get("rel", "=="), row.get("symbols", ""),
                             tuple(row.get("given", ())))

    def decide() -> str:
        if problem.rel != "==":
            return "undecided"
        answer = problem.lhs.doit().equals(problem.rhs.doit())
        return {True: "proved", False: "refuted"}.get(answer, "undecided")
    return _timed(decide, timeout)


METHODS = (("softsym", softsym_method), ("simplify(a-b)==0", simplify_method), ("a.equals(b)", equals_method))


def _summary(outcomes: list[tuple[bool, str, float]]) -> dict:
    def count(truth: bool, outcome: str) -> int:
        return sum(1 for t, o, _ in outcomes if t is truth and o == outcome)
    seconds = [s for _, _, s in outcomes]
    return {"proved-true": count(True, "proved"), "WRONG proved-false": count(False, "proved"),
            "refuted-false": count(False, "refuted"), "WRONG refuted-true": count(True, "refuted"),
            "undecided": sum(1 for _, o, _ in outcomes if o == "undecided"),
            "median s": statistics.median(seconds) if seconds else 0.0, "total s": sum(seconds)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", type=Path, default=HERE / "relations.jsonl")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds per relation and method")
    parser.add_argument("--only", nargs="*", help="ids to run (default: all)")
    parser.add_argument("--ablate", metavar="STRATEGY", help="also run softsym without this strategy "
                        "(e.g. smt), as one more method of the same run")
    args = parser.parse_args(argv)
    methods = list(METHODS)
    if args.ablate:
        methods.insert(1, (f"softsym - {args.ablate}", ablated(args.ablate)))
    rows = [json.loads(line) for line in args.table.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.only:
        rows = [r for r in rows if r["id"] in set(args.only)]
    results: dict[str, list[tuple[bool, str, float]]] = {name: [] for name, _ in methods}
    misses: list[str] = []
    for n, row in enumerate(rows, 1):
        for name, method in methods:
            try:
                outcome, seconds = method(row, args.timeout)
            except UserError:       # input the parser refuses (a Sum from a fractional lower limit)
                outcome, seconds = "undecided", 0.0
            results[name].append((bool(row["truth"]), outcome, seconds))
            if name == "softsym":
                expected = "proved" if row["truth"] else "refuted"
                if outcome != expected:
                    misses.append(f"  {row['id']:<24} truth={row['truth']!s:<5} softsym: {outcome}")
        print(f"\r[{n}/{len(rows)}] {row['id']:<30}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    true_n = sum(1 for r in rows if r["truth"])
    print(f"{len(rows)} relations ({true_n} true, {len(rows) - true_n} false), time limit {args.timeout:g} s each\n")
    columns = ["proved-true", "WRONG proved-false", "refuted-false", "WRONG refuted-true", "undecided",
               "median s", "total s"]
    print(f"{'method':<18}" + "".join(f"{c:>20}" for c in columns))
    for name, _ in methods:
        s = _summary(results[name])
        cells = [f"{s[c]:>20.3f}" if c.endswith(" s") else f"{s[c]:>20d}" for c in columns]
        print(f"{name:<18}" + "".join(cells))
    print("\nsoftsym did not decide as the truth says on:" if misses else "\nsoftsym decided every relation as the truth says.")
    print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
