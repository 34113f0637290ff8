"""Derivations with their verdicts as a LaTeX document that compiles with pdflatex.

Each derivation is a section: its title, its source, and its steps as one ``align*`` chain, one
row per step (number, the relation, its verdict mark) and a row below with the justification.
Errata are set in red and marked "printed wrong", with the counterexample and a pointer to the
corrected step.  Marks come from the check results passed in — never assumed.
"""
from __future__ import annotations

import sympy as sp

from ..dsl import Kind
from ..engine import DerivationResult, StepResult
from ..verdict import Status
from .printer import latex
from .text import tex_text

REL = {"==": "=", "<=": r"\le", "<": "<", ">=": r"\ge", ">": ">", ":=": r"\mathrel{:=}"}
PREAMBLE = r"""\documentclass[11pt]{article}
\usepackage[margin=2.2cm]{geometry}
\usepackage{amsmath,amssymb}
\usepackage{graphicx}
\usepackage{xcolor}
\allowdisplaybreaks
\definecolor{proved}{RGB}{0,110,40}
\definecolor{erratum}{RGB}{170,0,0}
\definecolor{pending}{RGB}{170,100,0}
\newcommand{\fitmath}[1]{\resizebox{\ifdim\width>0.7\linewidth 0.7\linewidth\else\width\fi}{!}{$\displaystyle #1$}}
\newcommand{\why}[1]{\parbox[t]{0.72\linewidth}{\footnotesize\itshape #1}}
\title{Verified derivations}
\author{softsym}
\date{}
\begin{document}
\maketitle
"""


def _mark(result: StepResult) -> str:
    v, step = result.verdict, result.step
    if step.erratum:
        if v.status is Status.REFUTED:
            return r"\textcolor{erratum}{\textbf{printed wrong}}"
        return rf"\textcolor{{erratum}}{{erratum not refuted: {v.status}}}"
    if v.status is Status.PROVED:
        return r"\textcolor{proved}{$\checkmark$}" if step.kind is not Kind.DEFINITION else r"\textcolor{proved}{def.}"
    if v.status is Status.PROVED_INSTANTIATED:
        return rf"\textcolor{{proved}}{{$\checkmark$ $n\le {v.instantiated_up_to}$}}"
    return rf"\textcolor{{pending}}{{\textbf{{{v.status}}}}}"


def _relation(result: StepResult) -> str:
    step = result.step
    rel = REL[step.rel]
    if step.kind is Kind.LIMIT and isinstance(step.lhs, sp.Limit):
        expr, var, point, _ = step.lhs.args
        lhs = rf"\lim_{{{latex(var)} \to {latex(point)}}} {latex(expr)}"
    else:
        lhs = latex(step.lhs)
    body = rf"{lhs} {rel} {latex(step.rhs)}"
    if step.substitution:
        subs = ", ".join(rf"{latex(k)} = {latex(v)}" for k, v in step.substitution)
        body += rf" \qquad \mathrm{{at}}\ {subs}"
    if step.given:
        body += r" \qquad \mathrm{if}\ " + ", ".join(latex(g) for g in step.given)
    return rf"\color{{erratum}}{body}" if step.erratum else body


def _row(result: StepResult, corrections: dict[int, int], section: str) -> str:
    step, v = result.step, result.verdict
    note = tex_text(step.why)
    if step.erratum and v.counterexample:
        cex = v.counterexample
        point = ", ".join(f"{tex_text(k)} = {tex_text(val)}" for k, val in cex.values) or "no variables"
        note += (rf" \textcolor{{erratum}}{{Counterexample: {point}: left side {tex_text(cex.lhs_value)}, "
                 rf"right side {tex_text(cex.rhs_value)}.}}")
        if step.index in corrections:
            note += rf" Corrected in ({corrections[step.index]})."
    if result.verdict.status is Status.PROVED_INSTANTIATED:
        note += rf" (Proved for each $n \le {v.instantiated_up_to}$ only.)"
    detail = step.source.place[len(section):].strip() if step.source.place.startswith(section) else step.source.place
    place = rf" {{\upshape [{tex_text(detail)}]}}" if detail else ""
    return (rf"\text{{({step.index})}} &\quad \fitmath{{{_relation(result)}}} && \text{{{_mark(result)}}} \\*" "\n"
            rf"& \quad \why{{{note}{place}}} \\[3pt]")


def derivation_latex(result: DerivationResult) -> str:
    """One derivation as a section with an aligned chain of its steps."""
    d = result.derivation
    corrections = {r.step.corrects: r.step.index for r in result.results if r.step.corrects}
    lines = [rf"\section*{{{tex_text(d.title)}}}",
             rf"\noindent\textsf{{{tex_text(d.name)}}} \hfill {{\small Source: \texttt{{{tex_text(d.source.file)}}} "
             rf"{tex_text(d.source.place)}}}" "\n",
             r"\begin{align*}"]
    lines.extend(_row(r, corrections, d.source.place) for r in result.results)
    lines.append(r"\end{align*}")
    ok = sum(1 for r in result.results if r.ok)
    lines.append(rf"\noindent{{\small {ok} of {len(result.results)} steps have their expected verdict.}}" "\n")
    return "\n".join(lines)


def latex_document(results: list[DerivationResult], fragment: bool = False) -> str:
    """The whole export: a standalone document, or (``fragment``) the sections alone."""
    body = "\n".join(derivation_latex(r) for r in results)
    return body if fragment else PREAMBLE + body + "\n\\end{document}\n"
