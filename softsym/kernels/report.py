"""Text tables for ``softsym kernels validate``."""
from __future__ import annotations

from .validate import PLAIN, TIGHT, Accuracy, beats_scipy


def _f(v: float) -> str:
    return f"{v:9.3g}"


def accuracy_table(results: list[Accuracy]) -> str:
    """softsym and scipy.special side by side: max / p99 ULP, max / p99 after ÷ max(1, κ), non-finite, flushed."""
    by = {(a.kernel, a.dtype, a.impl): a for a in results}
    wins = beats_scipy(results)
    lines = ["Accuracy on the hard inputs (ULP against mpmath at 60 digits; norm = ULP ÷ max(1, κ), κ the "
             "condition number)",
             f"{'kernel':<19} {'dtype':<8} {'values':>6} | {'softsym max':>11} {'p99':>9} {'norm max':>9} {'p99':>9} "
             f"{'nonfin':>6} {'flush':>5} | {'scipy max':>9} {'norm max':>9} {'nonfin':>6} {'flush':>5} | verdict"]
    for a in results:
        if a.impl != "softsym":
            continue
        s = by.get((a.kernel, a.dtype, "scipy.special"))
        ref = (f"{_f(s.max_ulp)} {_f(s.max_norm)} {s.nonfinite:>6} {s.flushed:>5}" if s else f"{'—':>9} {'—':>9} {'':>6} {'':>5}")
        limit = "≤2 ULP" if a.kernel in PLAIN else "≤2 norm" if a.kernel in TIGHT else "≤5 norm"
        verdict = ("ok" if a.ok else "FAIL") + f" ({limit}" + (
            "" if (a.kernel, a.dtype) not in wins else ", ≥ scipy ±1" if wins[(a.kernel, a.dtype)] else ", WORSE than scipy") + ")"
        lines.append(f"{a.kernel:<19} {a.dtype:<8} {a.count:>6} | {a.max_ulp:11.3g} {_f(a.p99_ulp)} {_f(a.max_norm)} "
                     f"{_f(a.p99_norm)} {a.nonfinite:>6} {a.flushed:>5} | {ref} | {verdict}")
    others = [a for a in results if a.impl not in ("softsym", "scipy.special", "naive (004 §二)")]
    if others:
        lines.append("other references:")
        lines += [f"  {a.kernel} {a.dtype} {a.impl}: max {a.max_ulp:.3g} ULP, norm max {a.max_norm:.3g}" for a in others]
    lines.append("worst input per kernel (softsym):")
    lines += [f"  {a.kernel} {a.dtype}: {a.worst[:220]}" for a in results if a.impl == "softsym"]
    return "\n".join(lines)


def naive_section(results: list[Accuracy]) -> str:
    """The seed's from-scratch code, lambdified as written, on the same inputs: how it fails."""
    naive = [a for a in results if a.impl.startswith("naive")]
    if not naive:
        return ""
    lines = ["\nThe from-scratch softmax and cross_entropy of 004_e81365b828eb09e1.txt §二, lambdified as written:"]
    for a in naive:
        ours = next(b for b in results if b.kernel == a.kernel and b.dtype == a.dtype and b.impl == "softsym")
        lines.append(f"  {a.kernel} {a.dtype}: {'passes' if a.ok else 'FAILS'} — {a.nonfinite} non-finite outputs "
                     f"where the truth is finite, {a.flushed} flushed, max {a.max_ulp:.3g} ULP "
                     f"(softsym: {ours.nonfinite} non-finite, max norm {ours.max_norm:.3g})")
        lines.append(f"    e.g. {a.worst[:300]}")
    return "\n".join(lines)
