"""Differential soundness fuzzing of softsym's prover.

    python bench/soundness_fuzz.py --minutes N [--seed S] [--timeout T] [--jobs J] [--count C] [--start I]

Random relations from the field's building blocks (``softsym.fuzz``: exp, log, sums over symbolic
dimensions, Kronecker deltas, Max/Abs, sigmoid/softmax/logsumexp, integrals, limits, random
declarations and hypotheses; true ones made by value-preserving rewrites, false ones by
perturbing) are proved by softsym and every verdict is checked by an independent oracle at
admissible points (50 digits, failures re-checked at 100).  Relation ``#i`` of seed ``S`` is
always the same relation, so a run is reproducible.

Relations ``#I``, ``#I+1``, ... are generated until N minutes have passed (or C relations, if
given); those already submitted are finished.  Progress goes to stderr; at the end stdout gets
the relations tried, the verdict counts, the oracle's counts, every disagreement in full (a
``softsym prove`` command that reproduces it, the verdict, what the oracle found), the
refutations the oracle could not check, the ``error`` verdicts and crashes, and fuzzer bugs.
Exit 1 if there is any disagreement.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from softsym.errors import StepTimeout
from softsym.fuzz.generator import generate_case
from softsym.fuzz.runner import CRASH, HANG, SKIPPED, Outcome, describe, run_label

STATUSES = ("proved", "proved-instantiated", "refuted", "undecided", "timeout", "error", "vacuous")
PROGRESS_EVERY = 15.0


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzer as the command line asks; return the exit code."""
    args = _arguments(argv)
    start = time.monotonic()
    outcomes = _run(args, start)
    print(_report(outcomes, args, time.monotonic() - start))
    return 1 if any(o.finding.kind == "disagreement" for o in outcomes) else 0


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, required=True, help="how long to generate new relations")
    parser.add_argument("--seed", default="0", help="the run's seed (relation #i of a seed is always the same)")
    parser.add_argument("--timeout", type=float, default=2.0, help="softsym's time limit per relation, seconds")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--count", type=int, default=None, help="stop after this many relations")
    parser.add_argument("--start", type=int, default=0, help="the index of the first relation")
    return parser.parse_args(argv)


def _run(args: argparse.Namespace, start: float) -> list[Outcome]:
    """Submit relations while time (and ``--count``) allow; collect every outcome."""
    outcomes: list[Outcome] = []
    pending: dict[Future, str] = {}
    next_index = args.start
    last = start

    def more() -> bool:
        timely = time.monotonic() - start < args.minutes * 60
        return timely and (args.count is None or next_index < args.start + args.count)

    pool = ProcessPoolExecutor(max_workers=args.jobs)
    try:
        while True:
            while more() and len(pending) < 2 * args.jobs:
                label = f"{args.seed}:{next_index}"
                try:
                    pending[pool.submit(run_label, label, args.timeout)] = label
                except BrokenProcessPool:       # a worker died (a crash in a C library): go on with a new pool;
                    pool.shutdown(wait=False)   # the relations it held are reported as crashes
                    pool = ProcessPoolExecutor(max_workers=args.jobs)
                    continue
                next_index += 1
            if not pending:
                break
            done, _ = wait(pending, timeout=PROGRESS_EVERY, return_when=FIRST_COMPLETED)
            for future in done:
                outcome = _outcome(future, pending.pop(future))
                outcomes.append(outcome)
                if outcome.finding.kind == "disagreement":
                    print(f"DISAGREEMENT\n{describe(outcome, args.timeout)}", file=sys.stderr, flush=True)
            if time.monotonic() - last >= PROGRESS_EVERY:
                last = time.monotonic()
                print(_progress(outcomes, last - start), file=sys.stderr, flush=True)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return outcomes


def _outcome(future: Future, label: str) -> Outcome:
    """The worker's outcome, or a crash record when the worker itself failed (it died, say)."""
    try:
        return future.result()
    except (Exception, StepTimeout) as exc:  # noqa: BLE001 - one lost worker must not end the run
        case = generate_case(label)
        return Outcome(case, CRASH, "worker", f"the worker failed: {type(exc).__name__}: {exc}")


def _progress(outcomes: list[Outcome], seconds: float) -> str:
    counts = Counter(o.status for o in outcomes)
    disagreements = sum(o.finding.kind == "disagreement" for o in outcomes)
    shown = ", ".join(f"{s} {counts[s]}" for s in STATUSES if counts[s])
    return f"[{seconds / 60:5.1f} min] {len(outcomes)} relations: {shown}; {disagreements} disagreements"


def _report(outcomes: list[Outcome], args: argparse.Namespace, seconds: float) -> str:
    """The final report (see the module docstring)."""
    outcomes = sorted(outcomes, key=lambda o: int(o.case.label.rsplit(":", 1)[-1]))
    counts = Counter(o.status for o in outcomes)
    findings = Counter(o.finding.kind for o in outcomes)
    tried = [o for o in outcomes if o.status != SKIPPED]
    disagreements = [o for o in outcomes if o.finding.kind == "disagreement"]
    fuzzer_bugs = [o for o in outcomes if o.finding.kind == "generator" or o.status == SKIPPED]
    errors = [o for o in outcomes if o.status in ("error", CRASH, HANG)]
    truths = Counter({True: "true", None: "unknown", False: "false"}[o.case.truth] for o in tried)
    lines = [
        f"softsym soundness fuzz: seed {args.seed}, relations #{args.start}..#{args.start + len(outcomes) - 1}, "
        f"{seconds / 60:.1f} min, {args.jobs} jobs, softsym timeout {args.timeout:g} s",
        f"relations tried: {len(tried)} (true by construction {truths['true']}, unknown {truths['unknown']}); "
        f"skipped (softsym rejected the input: a fuzzer bug): {counts[SKIPPED]}",
        "verdicts: " + ", ".join(f"{s} {counts[s]}" for s in STATUSES)
        + f" (counted apart: crashes {counts[CRASH]}, runs stopped past the time limit {counts[HANG]})",
        f"oracle: agree {findings['agree']}, unchecked {findings['unchecked']}, "
        f"disagreements {findings['disagreement']}, fuzzer bugs {findings['generator']}",
        "",
        f"DISAGREEMENTS: {len(disagreements)}",
    ]
    lines += [f"\n--- disagreement {k}\n{describe(o, args.timeout)}" for k, o in enumerate(disagreements, 1)]
    unchecked = [o for o in outcomes if o.status == "refuted" and o.finding.kind == "unchecked"]
    lines += ["", f"REFUTATIONS THE ORACLE COULD NOT CHECK (not counted as disagreements): {len(unchecked)}"]
    lines += [f"\n--- {k}\n{describe(o, args.timeout)}" for k, o in enumerate(unchecked, 1)]
    lines += ["", f"ERRORS, CRASHES, STOPPED RUNS (not soundness disagreements): {len(errors)}"]
    lines += [f"\n--- {o.status} {k}\n{describe(o, args.timeout)}" for k, o in enumerate(errors, 1)]
    lines += ["", "FUZZER BUGS (skipped inputs, refutations of relations the generator thought true): "
                  f"{len(fuzzer_bugs)}"]
    lines += [f"\n--- {k}\n{describe(o, args.timeout)}" for k, o in enumerate(fuzzer_bugs, 1)]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
