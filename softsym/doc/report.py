"""Reports of ``check-doc`` results: text lines editors and CI annotate, JSON, JUnit, and the
document written back with a mark after each checked line."""
from __future__ import annotations

import json
from xml.sax.saxutils import escape, quoteattr

from ..numeric.display import shown_sides, shown_value
from .check import documents_json
from .extract import find_math, kind_of

MARKS = {"proved": "✔", "proved-instantiated": "✔", "refuted": "✘", "undecided": "?", "timeout": "⧗",
         "error": "!", "vacuous": "∅", "definition": "≔", "unparsed": "·", "skipped": "–"}
FAILING = ("refuted",)
STRICT_FAILING = ("refuted", "undecided", "unparsed", "timeout", "error")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def relation_line(path: str, r: dict) -> list[str]:
    """``FILE:LINE: verdict — the relation as written`` and, indented, the evidence."""
    verdict = r["verdict"]
    lines = [f"{path}:{r['line']}: {verdict} — {_one_line(r['tex'])}"]
    if verdict == "refuted" and r.get("counterexample") is not None:
        point = ", ".join(f"{k} {s.sign} {s.text}" for k, s in ((k, shown_value(v)) for k, v in r["counterexample"].items()))
        left, right = shown_sides(r.get("lhs_value") or "", r.get("rhs_value") or "")
        lines.append(f"    counterexample: {point or '(no free symbols)'}: left side {left.sign} {left.text}, "
                     f"right side {right.sign} {right.text}")
        if not point and r.get("message"):          # a relation at the values prose gave: say which
            lines.append(f"    {r['message']}")
    elif verdict in ("unparsed", "error", "undecided", "timeout", "vacuous", "refuted") and r.get("message"):
        lines.append(f"    {r['message']}")
    return lines


def text_report(documents: list[dict], verbose: bool = False) -> str:
    """One line per relation (definitions and skipped lines only with ``verbose``), then a summary."""
    out: list[str] = []
    totals: dict[str, int] = {}
    for doc in documents:
        for r in doc["relations"]:
            totals[r["verdict"]] = totals.get(r["verdict"], 0) + 1
            if verbose or r["verdict"] not in ("definition", "skipped"):
                out.extend(relation_line(doc["path"], r))
    count = sum(totals.values())
    parts = ", ".join(f"{v} {k}" for k, v in sorted(totals.items(), key=lambda kv: -kv[1]))
    out.append(f"{len(documents)} document{'s' if len(documents) != 1 else ''}, {count} relations: {parts or 'none'}")
    return "\n".join(out) + "\n"


def json_report(documents: list[dict]) -> str:
    return json.dumps(documents_json(documents), indent=2, ensure_ascii=False) + "\n"


def junit_report(documents: list[dict]) -> str:
    """One test suite per document, one test case per checked relation (refuted: a failure)."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites name="softsym check-doc">']
    for doc in documents:
        rels = [r for r in doc["relations"] if r["verdict"] not in ("definition", "skipped")]
        failures = sum(1 for r in rels if r["verdict"] in FAILING)
        out.append(f'  <testsuite name={quoteattr(doc["path"])} tests="{len(rels)}" failures="{failures}">')
        for r in rels:
            name = quoteattr(f"line {r['line']}: {_one_line(r['tex'])[:120]}")
            out.append(f'    <testcase classname={quoteattr(doc["path"])} name={name} file={quoteattr(doc["path"])} '
                       f'line="{r["line"]}">')
            body = "\n".join(relation_line(doc["path"], r))
            if r["verdict"] in FAILING:
                out.append(f'      <failure message={quoteattr(r["verdict"])}>{escape(body)}</failure>')
            elif r["verdict"] not in ("proved", "proved-instantiated"):
                out.append(f'      <skipped message={quoteattr(r["verdict"] + ": " + (r.get("message") or ""))}/>')
            out.append("    </testcase>")
        out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"


def marked_document(path: str, text: str, doc: dict) -> str:
    """The document with a mark after each checked line: a quoted line after a display block, a
    superscript at the end of a line of inline math."""
    lines = text.splitlines()
    blocks, _ = find_math(text, kind_of(path))
    after: dict[int, list[str]] = {}
    inline: dict[int, list[str]] = {}
    for r in doc["relations"]:
        mark = f"{MARKS.get(r['verdict'], '?')} {r['verdict']}"
        if r["verdict"] == "refuted" and r.get("counterexample"):
            mark += " at " + ", ".join(f"{k} = {v}" for k, v in r["counterexample"].items())
        elif r["verdict"] == "unparsed":
            mark += f" ({r.get('message', '')})"
        block = next((b for b in blocks if b.line <= r["line"] <= b.end_line and b.display), None)
        if block is not None:
            after.setdefault(block.end_line, []).append(f"line {r['line']}: {mark}")
        else:
            inline.setdefault(r["end_line"], []).append(mark)
    comment = "%" if kind_of(path) == "latex" else ">"
    out: list[str] = []
    for number, line in enumerate(lines, start=1):
        if number in inline and comment == ">":
            line += " <sup>softsym: " + "; ".join(escape(m) for m in inline[number]) + "</sup>"
        elif number in inline:
            line += " % softsym: " + "; ".join(inline[number])
        out.append(line)
        if number in after:
            out.extend(f"{comment} softsym {m}" for m in after[number])
            if comment == ">":
                out.append("")
    return "\n".join(out) + "\n"
