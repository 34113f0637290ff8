"""A 200-relation document of corpus difficulty, for timing ``check-doc`` (not a test).

    python tests/bench_check_doc.py [--relations 200] [--jobs 2] [--timeout 5]

The document is the Markdown notes of tests/docs and tests/docs/external put one after the other
(each keeps its own declarations and definitions), repeated until it holds the number of relations
asked for; it is checked with ``--no-cache`` so that every relation is proved again.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from softsym.doc.chains import relations
from softsym.doc.extract import find_math

DOCS = Path(__file__).parent / "docs"


def bench_document(count: int) -> str:
    notes = sorted(DOCS.glob("*.md")) + sorted((DOCS / "external").glob("*.md"))
    parts: list[str] = []
    found = 0
    while found < count:
        for note in notes:
            text = note.read_text(encoding="utf-8")
            parts.append(f"\n\n# {note.name}\n\n{text}")
            found = len(relations(find_math("".join(parts), "markdown")[0]))
            if found >= count:
                break
    return "".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--relations", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=5.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "bench.md"
        doc.write_text(bench_document(args.relations), encoding="utf-8")
        start = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "softsym.cli", "check-doc", str(doc), "--no-cache", "--quiet",
                              "--jobs", str(args.jobs), "--timeout", str(args.timeout)],
                             capture_output=True, text=True)
        seconds = time.perf_counter() - start
    print(run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr[-500:])
    print(f"{seconds:.1f} s with --jobs {args.jobs} --timeout {args.timeout:g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
