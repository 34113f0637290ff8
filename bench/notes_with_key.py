"""check-doc on notes with an answer key: false alarms, planted mistakes refuted, true lines proved.

    python bench/notes_with_key.py                       # the 54 outside notes of tests/docs/external
    python bench/notes_with_key.py DIR [--timeout 1] [--jobs 2] [--quiet]

DIR holds Markdown (.md, .txt) and LaTeX (.tex) notes and their answer key, ``DIR/KEY.json``:
``{"notes.md": {"planted": [12, 40]}, ...}`` — the lines of the mistakes their author planted.
A *false alarm* is a refuted relation whose lines hold no planted line; a planted line is *caught*
when a refuted relation covers it; the *proved share* is proved or proved-instantiated relations
over the relations on no planted line (definitions and skipped ones left out).  Each note prints
its figures (with every false alarm and every miss), then the totals and the wall time.

Exit 1 when there is a false alarm (so the command can gate a change to the reader), else 0.
Before a change to the reader or the prover lands, run it on the outside notes: it took about six
minutes on two cores, too long for CI (whose regression documents pin every false alarm found).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from softsym.doc.check import check_document  # noqa: E402
from softsym.doc.reader import DocOptions  # noqa: E402

OUTSIDE_NOTES = Path(__file__).resolve().parent.parent / "tests" / "docs" / "external"
PROVED = ("proved", "proved-instantiated")
NOT_CLAIMS = ("definition", "skipped")


def score(path: Path, planted: set[int], timeout: float) -> dict:
    """One note's figures: false alarms and misses (line, relation, verdict and message)."""
    started = time.monotonic()
    doc = check_document(str(path), path.read_text(encoding="utf-8"), DocOptions(timeout=timeout))
    caught: set[int] = set()
    false_alarms, proved, claims = [], 0, 0
    for r in doc["relations"]:
        span = set(range(r["line"], (r.get("end_line") or r["line"]) + 1))
        on_planted = span & planted
        if r["verdict"] == "refuted":
            if on_planted:
                caught |= on_planted
            else:
                false_alarms.append((r["line"], r["tex"], r.get("message") or ""))
        if not on_planted and r["verdict"] not in NOT_CLAIMS:
            claims += 1
            proved += r["verdict"] in PROVED
    missed = [(line, [f"{r['verdict']}: {r['tex']}" for r in doc["relations"]
                      if r["line"] <= line <= (r.get("end_line") or r["line"])]) for line in sorted(planted - caught)]
    return {"name": path.name, "false_alarms": false_alarms, "caught": len(caught), "planted": len(planted),
            "missed": missed, "proved": proved, "claims": claims, "seconds": time.monotonic() - started}


def _score(job: tuple[str, list[int], float]) -> dict:
    path, planted, timeout = job
    return score(Path(path), set(planted), timeout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", nargs="?", type=Path, default=OUTSIDE_NOTES,
                        help="notes and their KEY.json (default: tests/docs/external)")
    parser.add_argument("--timeout", type=float, default=1.0, help="seconds a relation (default 1: refutations come fast)")
    parser.add_argument("--jobs", type=int, default=2, help="notes checked at once (default 2)")
    parser.add_argument("--quiet", action="store_true", help="only the false alarms and the totals")
    args = parser.parse_args()
    key_path = args.directory / "KEY.json"
    if not key_path.is_file():
        print(f"error: {key_path} not found (the answer key: {{\"note.md\": {{\"planted\": [lines]}}}})", file=sys.stderr)
        return 2
    key = json.loads(key_path.read_text(encoding="utf-8"))
    missing = [name for name in key if not (args.directory / name).is_file()]
    if missing:
        print(f"error: {key_path} names notes that are not in {args.directory}: {', '.join(missing)}", file=sys.stderr)
        return 2
    jobs = [(str(args.directory / name), entry.get("planted", []), args.timeout) for name, entry in sorted(key.items())]
    started = time.monotonic()
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(_score, jobs))
    for r in results:
        for line, tex, message in r["false_alarms"]:
            print(f"  FALSE ALARM {r['name']}:{line}: {tex}  —  {message[:200]}")
        if not args.quiet:
            for line, verdicts in r["missed"]:
                print(f"  missed {r['name']}:{line}: {'; '.join(verdicts) or 'no relation found on the line'}")
            print(f"{r['name']}: {len(r['false_alarms'])} false alarms, {r['caught']}/{r['planted']} planted refuted, "
                  f"{r['proved']}/{r['claims']} proved ({r['seconds']:.0f} s)")
    alarms = sum(len(r["false_alarms"]) for r in results)
    caught, planted = sum(r["caught"] for r in results), sum(r["planted"] for r in results)
    proved, claims = sum(r["proved"] for r in results), sum(r["claims"] for r in results)
    print(f"{len(results)} notes: {alarms} false alarms, {caught}/{planted} planted mistakes refuted, "
          f"{proved}/{claims} = {100 * proved / max(claims, 1):.0f} % of the other relations proved "
          f"({time.monotonic() - started:.0f} s, --timeout {args.timeout:g}, --jobs {args.jobs})")
    return 1 if alarms else 0


if __name__ == "__main__":
    sys.exit(main())
