"""Text for ``softsym kernels validate``: the accuracy table, the seed's naive code, the checks.

Everything fits ``WIDTH`` (100) columns; ``wide=True`` prints every column and the whole inputs.
"""
from __future__ import annotations

import textwrap

import numpy as np

from .validate import PLAIN, TIGHT, Accuracy, beats_scipy

WIDTH = 100
NAIVE = "naive (004 §二)"


def _f(v: float) -> str:
    return f"{v:9.3g}"


def fit(text: str, wide: bool = False, indent: int = 4) -> str:
    """``text`` wrapped to ``WIDTH`` columns (continuation lines indented), unless ``wide``."""
    if wide or len(text) <= WIDTH:
        return text
    lead = len(text) - len(text.lstrip(" "))
    return "\n".join(textwrap.wrap(text.lstrip(" "), WIDTH, initial_indent=" " * lead,
                                   subsequent_indent=" " * (lead + indent),
                                   break_on_hyphens=False, drop_whitespace=True))


def _limit(kernel: str) -> str:
    return "≤2 ULP" if kernel in PLAIN else "≤2 norm" if kernel in TIGHT else "≤5 norm"


def _verdict(a: Accuracy, wins: dict[tuple[str, str], bool], wide: bool) -> str:
    if wide:
        return ("ok" if a.ok else "FAIL") + f" ({_limit(a.kernel)}" + (
            "" if (a.kernel, a.dtype) not in wins else ", ≥ scipy ±1" if wins[(a.kernel, a.dtype)]
            else ", WORSE than scipy") + ")"
    problems = ([] if a.nonfinite + a.flushed == 0 else ["non-finite or flushed"]) + \
               ([] if a.limit_ok else [f"over {_limit(a.kernel)}"]) + \
               ([] if wins.get((a.kernel, a.dtype), True) else ["worse than scipy"])
    return "ok" if not problems else "FAIL: " + ", ".join(problems)


def accuracy_table(results: list[Accuracy], wide: bool = False) -> str:
    """softsym and scipy.special side by side, the verdict of each kernel and dtype, then the worst
    input per kernel.  ``wide`` adds the p99 columns, splits non-finite from flushed, and prints
    the worst inputs whole."""
    by = {(a.kernel, a.dtype, a.impl): a for a in results}
    wins = beats_scipy(results)
    ours = [a for a in results if a.impl == "softsym"]
    lines = [fit("Accuracy on the hard inputs (ULP against mpmath at 60 digits; norm = ULP ÷ max(1, κ), κ the "
                 "condition number)", wide, indent=0)]
    if wide:
        lines.append(f"{'kernel':<19} {'dtype':<8} {'values':>6} | {'softsym max':>11} {'p99':>9} {'norm max':>9} "
                     f"{'p99':>9} {'nonfin':>6} {'flush':>5} | {'scipy max':>9} {'norm max':>9} {'nonfin':>6} "
                     f"{'flush':>5} | verdict")
    else:
        lines += [f"{'':<27}| {'softsym':<22}| {'scipy.special':<22}|",
                  f"{'kernel':<18} {'dtype':<7} | {'max ULP':>8} {'norm max':>8} {'bad':>4} | "
                  f"{'max ULP':>8} {'norm max':>8} {'bad':>4} | verdict"]
    for a in ours:
        s = by.get((a.kernel, a.dtype, "scipy.special"))
        verdict = _verdict(a, wins, wide)
        if wide:
            ref = (f"{_f(s.max_ulp)} {_f(s.max_norm)} {s.nonfinite:>6} {s.flushed:>5}" if s
                   else f"{'—':>9} {'—':>9} {'':>6} {'':>5}")
            lines.append(f"{a.kernel:<19} {a.dtype:<8} {a.count:>6} | {a.max_ulp:11.3g} {_f(a.p99_ulp)} "
                         f"{_f(a.max_norm)} {_f(a.p99_norm)} {a.nonfinite:>6} {a.flushed:>5} | {ref} | {verdict}")
        else:
            ref = (f"{s.max_ulp:8.3g} {s.max_norm:8.3g} {s.nonfinite + s.flushed:>4}" if s
                   else f"{'—':>8} {'—':>8} {'':>4}")
            lines.append(f"{a.kernel:<18} {a.dtype:<7} | {a.max_ulp:8.3g} {a.max_norm:8.3g} "
                         f"{a.nonfinite + a.flushed:>4} | {ref} | {verdict}")
    if not wide:
        lines.append(fit("bad: outputs that are non-finite where the truth is finite, or flushed to 0. A kernel "
                         "passes within ≤2 ULP (sigmoid, log_sigmoid, softplus), ≤2 norm (logsumexp) or "
                         "≤5 norm (the others), with nothing bad, and no worse than scipy + 1. "
                         "--wide: p99 columns and whole inputs.", indent=0))
    others = [a for a in results if a.impl not in ("softsym", "scipy.special", NAIVE)]
    if others:
        lines.append("other references:")
        lines += [f"  {a.kernel} {a.dtype} {a.impl}: max {a.max_ulp:.3g} ULP, norm max {a.max_norm:.3g}" for a in others]
    lines.append("worst input per kernel (softsym):")
    lines += [_worst(f"  {a.kernel} {a.dtype}: ", a.worst, wide) for a in ours]
    return "\n".join(lines)


def _worst(prefix: str, worst: str, wide: bool, limit: int = 220) -> str:
    """``prefix`` and the worst input, the input cut (never the got/true values) to fit the width."""
    if wide:
        return prefix + worst[:limit]
    where, _, result = worst.rpartition(": got ")
    if not where:
        return (prefix + worst)[:WIDTH]
    tail = f": got {result}"
    room = WIDTH - len(prefix) - len(tail)
    where = " ".join(where.split())
    return prefix + (where if len(where) <= room else where[:max(0, room - 1)] + "…") + tail


def naive_section(results: list[Accuracy], wide: bool = False) -> str:
    """The seed's from-scratch code, as the corpus transcribes it, on the same inputs: its failures are
    expected (they are why the stable kernels exist), named by what they show, and not verdicts."""
    naive = [a for a in results if a.impl == NAIVE]
    if not naive:
        return ""
    lines = ["", fit("The seed's naive code, for comparison: softmax and cross_entropy as 004_e81365b828eb09e1.txt "
                     "§二 prints them (exp of the raw logits, no max subtracted), transcribed to NumPy as printed and run on "
                     "the same inputs. Its failures below are expected — they are what the stable kernels fix — "
                     "and do not count towards the exit code.", wide, indent=0)]
    for a in naive:
        ours = next(b for b in results if b.kernel == a.kernel and b.dtype == a.dtype and b.impl == "softsym")
        if a.ok:
            shows = f"passes on these inputs (max {a.max_ulp:.3g} ULP)"
        else:
            overflow = float(np.log(np.finfo(a.dtype).max))
            log_of_zero = "; the log of an underflowed p is −inf" if a.kernel == "cross_entropy" else ""
            shows = "expected failure: " + ", ".join(
                ([f"{a.nonfinite} NaN/inf outputs (exp overflows above {overflow:.1f}, then inf/inf = NaN"
                  f"{log_of_zero})"] if a.nonfinite else [])
                + ([f"{a.flushed} flushed to 0 (exp underflows)"] if a.flushed else [])
                + ([f"max {a.max_ulp:.3g} ULP"] if not (a.nonfinite or a.flushed) else []))
        lines.append(fit(f"  {a.kernel} {a.dtype}: {shows}; softsym: {ours.nonfinite} non-finite, "
                         f"max norm {ours.max_norm:.3g}", wide))
        lines.append(_worst("    e.g. ", a.worst, wide, limit=300))
    return "\n".join(lines)
