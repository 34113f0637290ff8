"""Derivations with their verdicts as a LaTeX document that compiles with pdflatex.

Each derivation is a section: its title, its source, and its steps as one ``flalign*`` chain.
A step is a row — number, the relation (relations typed ``=``, ``≤``, ``<``, ``:=``, limits as
``lim``), its verdict mark at the right margin — and a row beneath with the justification and the
place in the source. A step whose left side is the previous step's right side continues the chain
as ``= …`` under the previous relation sign. Printed errors are set in red and marked
"printed wrong", with the counterexample and the line that corrects them.

The output is a pure function of the check results passed in (marks are read from the verdicts,
never assumed), deterministic, and needs only the base and recommended TeX Live packages.
Sides print as the derivation file writes them (``Step.written``). A formula is a list of pieces
(top-level terms, the relation and the right side's terms): TeX sets them one after the other and
starts an indented line where the next would not fit (``\\softsymformula``); only a piece wider
than a whole line is scaled down — never clipped. CJK quotations are set with CJKutf8 when the system has
the font and elided otherwise (see ``prose``).
"""
from __future__ import annotations

from .. import __version__
from ..dsl import Kind, Step
from ..engine import DerivationResult, StepResult
from .code import call_tex, code_tex, dtypes_tex
from .printer import latex, terms
from .prose import latex_prose, latex_text
from .verdicts import Mark, Note, mark, notes

RELATIONS = {"==": "=", "<=": r"\le", "<": "<", ">=": r"\ge", ">": ">", ":=": r"\mathrel{:=}"}

# Macros the sections use; \providecommand so a fragment can be \input into any document that
# loads amsmath, amssymb, graphicx and xcolor (and CJKutf8, optionally, for the quotations).
MACROS = r"""\providecolor{softsymproved}{RGB}{0,110,40}
\providecolor{softsymwrong}{RGB}{176,0,0}
\providecolor{softsymopen}{RGB}{176,100,0}
\providecolor{softsymplace}{RGB}{96,96,96}
\ifdefined\softsymbox\else\newsavebox\softsymbox\newsavebox\softsymline\newsavebox\softsymtry
  \newbox\softsymlines\newdimen\softsymindent\newcount\softsympieces\newcount\softsymrows\fi
\providecommand\softsymmarkwidth{7.5em}
\providecommand\softsymwidth{\dimexpr\linewidth-\softsymmarkwidth-4.5em\relax}
\providecommand\softsymfit[2]{\resizebox{\ifdim\width>#1 #1\else\width\fi}{!}{$\displaystyle #2$}}
% \softsymformula{LEAD}{\softsymp{a}\softsymp{+ b}\softsymp{= c}...}: the pieces (top-level terms,
% the relation) set one after the other, a new line (indented) when the next would not fit; only a
% piece wider than a whole line alone is scaled down. LEAD: \hphantom of the left side of a chain.
\providecommand\softsymformula[2]{\begingroup
  \sbox\softsymbox{$\displaystyle #1$}\softsymindent=\wd\softsymbox
  \ifdim\softsymindent>0.4\softsymwidth \softsymindent=0pt \sbox\softsymline{\hskip2em}\else
  \sbox\softsymline{$\displaystyle #1$}\fi \advance\softsymindent 2em
  \setbox\softsymlines\vbox{}\softsympieces=0 \softsymrows=0
  \let\softsymp\softsympiece #2\softsymflush
  \vtop{\unvbox\softsymlines}\endgroup}
\providecommand\softsympiece[1]{\sbox\softsymtry{\unhcopy\softsymline$\displaystyle{}#1$}%
  \ifdim\wd\softsymtry>\softsymwidth \ifnum\softsympieces>0 \softsymflush\sbox\softsymline{\hskip\softsymindent}\fi
    \sbox\softsymtry{\unhcopy\softsymline\softsymfit{\dimexpr\softsymwidth-\wd\softsymline\relax}{{}#1}}\fi
  \sbox\softsymline{\unhcopy\softsymtry}\advance\softsympieces 1 }
\providecommand\softsymflush{\setbox\softsymlines\vbox{\unvbox\softsymlines\ifnum\softsymrows>0 \vskip0.9ex\fi
  \copy\softsymline}\advance\softsymrows 1 \softsympieces=0 }
\providecommand\softsymcode[1]{\par{\ttfamily\footnotesize #1\par}\smallskip}
\providecommand\softsymwhy[1]{\parbox[t]{\softsymwidth}{\small\raggedright #1\strut}}
\providecommand\softsymplace[1]{\unskip\enspace{\footnotesize\color{softsymplace}[#1]}}
\providecommand\softsymmark[1]{\makebox[\softsymmarkwidth][l]{\small #1}}
\providecommand\softsymneedspace[1]{\par\penalty-100\begingroup\dimen0=#1\relax\dimen2=\pagegoal\advance\dimen2-\pagetotal
  \ifdim\dimen0>\dimen2 \ifdim\dimen2>0pt\vfil\fi\break\fi\endgroup}
\providecommand\softsymcjk[1]{\ifcsname CJK\endcsname{\upshape\begin{CJK}{UTF8}{gbsn}#1\end{CJK}}\else[\dots]\fi}
"""

PREAMBLE = r"""\documentclass[11pt,a4paper]{article}
\usepackage[margin=2.4cm]{geometry}
\usepackage{amsmath,amssymb}
\usepackage{graphicx}
\usepackage{xcolor}
\IfFileExists{c70gbsn.fd}{\usepackage{CJKutf8}}{}
\allowdisplaybreaks[2]
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.4ex}
""" + MACROS + r"""\title{@TITLE@}
\author{@AUTHOR@}
\date{}
\begin{document}
\maketitle
\noindent\small Every line below was checked by softsym in the run that wrote this document; its mark
says what the check established.
\textcolor{softsymproved}{$\checkmark$}: proved symbolically for every value the assumptions allow.
\textcolor{softsymproved}{$\checkmark$ $n \le N$}: proved for each dimension $n = 1, \dots, N$, not
for general $n$.
\textcolor{softsymwrong}{$\times$ \textbf{printed wrong}}: the source prints this line and it is
false; the counterexample shown refutes it and the line it names corrects it.
\textcolor{softsymopen}{\textbf{? undecided}}: neither proved nor refuted.
\textcolor{softsymproved}{$\checkmark$ numerically}: code run in IEEE floating point gave a finite result
within the stated tolerance of the exact value at every input tried (given and searched), in each type
named: evidence at those inputs, not a proof.
def.: a definition. Bracketed text after a justification is the place in the source.
\normalsize
"""


def _terms(step: Step, which: int) -> list[str]:
    """A side's top-level terms; a side as written in the file is printed in the writer's order."""
    written = step.written[which]
    expr = (step.lhs, step.rhs)[which] if written is None else written
    return terms(expr, **({"order": "none"} if written is not None else {}))


def relation_pieces(step: Step) -> tuple[list[str], list[str]]:
    """The step as LaTeX pieces a long line may break between: the left side's terms, and the
    relation with the right side's terms and any condition (``\\qquad if …``)."""
    rhs = _terms(step, 1)
    if step.float_claim is not None:        # code ≈ exact value, in the dtypes named
        return [call_tex(step.float_claim)], [rf"\approx {rhs[0]}", *rhs[1:], dtypes_tex(step.float_claim)]
    body = [f"{RELATIONS[step.rel]} {rhs[0]}", *rhs[1:]]
    if step.substitution:
        values = ", ".join(f"{latex(k)} = {latex(v)}" for k, v in step.substitution)
        body.append(rf"\qquad \text{{at }} {values}")
    if step.given:
        body.append(r"\qquad \text{if } " + ", ".join(latex(g) for g in step.given))
    return _terms(step, 0), body


def relation(step: Step) -> tuple[str, str]:
    """The step as LaTeX: its left side, and its relation with the right side and any condition."""
    lhs, body = relation_pieces(step)
    return " ".join(lhs), " ".join(body)


def _continues(step: Step, previous: Step | None) -> bool:
    """Whether the step reads as ``= rhs`` continuing the previous line (A = B, then B = C).

    Only when both relations point the same way (0 < p, then p < 1), so that the chain reads true.
    """
    plain = (Kind.RELATION, Kind.NUMERIC)
    rels = {step.rel, previous.rel} if previous else set()
    return (previous is not None and step.kind in plain and previous.kind in plain
            and not (step.erratum or previous.erratum or step.given or previous.given)
            and (rels <= {"==", "<=", "<"} or rels <= {"==", ">=", ">"})
            and step.lhs == previous.rhs)


def _mark_tex(m: Mark) -> str:
    if m.label == "def.":
        return r"\softsymmark{\textcolor{softsymproved}{def.}}"
    words = [{"check": r"$\checkmark$", "cross": r"$\times$", "query": "?"}[m.symbol]]
    if m.label:
        words.append(rf"\textbf{{{m.label}}}" if m.tone != "proved" else m.label)
    if m.bound is not None:
        words.append(rf"$n \le {m.bound}$")
    return rf"\softsymmark{{\textcolor{{softsym{m.tone}}}{{{' '.join(words)}}}}}"


def _note_tex(note: Note) -> str:
    """The note beneath a line: justification, counterexample, correction, place."""
    why = latex_prose(note.why)
    parts = [rf"\softsymcode{{{code_tex(note.code)}}}" if note.code else ""]
    parts.append(why + ("." if why and note.continues and not why.endswith((".", "!", "?", ":")) else ""))
    if note.evidence and note.evidence.dtype:
        ev = note.evidence
        parts.append(rf"\textcolor{{softsymwrong}}{{Fails in {ev.dtype} at ${'$, $'.join(ev.point)}$: the code gives "
                     rf"${ev.lhs}$ where the exact value is ${ev.rhs}$.}}")
    elif note.evidence:
        ev = note.evidence
        where = f"at ${'$, $'.join(ev.point)}$, where" if ev.point else ":"
        parts.append(rf"\textcolor{{softsymwrong}}{{False {where} the left side is ${ev.lhs}$ and the right "
                     rf"side ${ev.rhs}$.}}")
    if note.tested:
        parts.append(latex_text(note.tested))
    if note.corrected_in:
        parts.append(f"Corrected in~({note.corrected_in}).")
    if note.corrects:
        parts.append(f"Corrects~({note.corrects}).")
    if note.instantiated_up_to:
        parts.append(rf"Proved for each $n \le {note.instantiated_up_to}$ separately, not for general $n$.")
    if note.message:
        parts.append(rf"\textcolor{{softsymopen}}{{{latex_text(note.message)}}}")
    if note.place:
        parts.append(rf"\softsymplace{{{latex_prose(note.place)}}}")
    return " ".join(p for p in parts if p)


def derivation_latex(result: DerivationResult) -> str:
    """One derivation as a section: title, source, the chain of steps, a count of verdicts."""
    d = result.derivation
    lines = [r"\softsymneedspace{9\baselineskip}",          # a heading never ends a page
             rf"\section*{{\raggedright\boldmath {latex_prose(d.title)}}}",
             rf"{{\small\textsf{{{latex_text(d.name)}}}\quad Source: \texttt{{{latex_text(d.source.file)}}}"
             rf"\ {latex_prose(d.source.place)}}}\par\nopagebreak",
             r"\begin{flalign*}"]
    head: str | None = None
    previous: StepResult | None = None
    for r, note in zip(result.results, notes(result)):
        lhs, body = relation_pieces(r.step)
        color = r"\color{softsymwrong}" if r.step.erratum else ""
        if previous is not None and head is not None and _continues(r.step, previous.step):
            formula = rf"{color}\softsymformula{{\hphantom{{{head}}}}}{{{_pieces(body)}}}"
        else:
            head = " ".join(lhs)
            formula = rf"{color}\softsymformula{{}}{{{_pieces(lhs + body)}}}"
        lines.append(rf"\text{{({r.step.index})}}\quad & {formula} && {_mark_tex(mark(r))} \\*")
        lines.append(rf"& \softsymwhy{{{_note_tex(note)}}} && \\[0.8ex]")
        previous = r
    lines[-1] = lines[-1].removesuffix(r" \\[0.8ex]")
    lines.append(r"\end{flalign*}")
    lines.append(rf"{{\small {_summary(result)}}}" "\n")
    return "\n".join(lines)


def _pieces(parts: list[str]) -> str:
    return "".join(rf"\softsymp{{{p}}}" for p in parts)


def _summary(result: DerivationResult) -> str:
    marks = [mark(r) for r in result.results]
    n = len(marks)
    failed = sum(1 for m in marks if not m.ok)
    errata = sum(1 for r, m in zip(result.results, marks) if r.step.erratum and m.ok)
    if failed:
        return rf"\textcolor{{softsymwrong}}{{{failed} of {n} steps did not get the verdict they expect.}}"
    extra = f", {errata} printed {'error' if errata == 1 else 'errors'} refuted" if errata else ""
    return f"All {n} steps have the verdict they expect{extra}."


DEFAULT_TITLE = "Verified derivations"


def latex_document(results: list[DerivationResult], fragment: bool = False, title: str = DEFAULT_TITLE,
                   author: str = "") -> str:
    """The whole export: a standalone document, or (``fragment``) the macros and sections alone.

    Args:
        results: checked derivations, in the order to print them.
        fragment: leave out the document class, packages and title (for ``\\input``; the host
            document loads amsmath, amssymb, graphicx, xcolor and optionally CJKutf8).
        title: the document's title (plain text).
        author: the author line; by default "checked by softsym VERSION".
    """
    body = "\n".join(derivation_latex(r) for r in results)
    if fragment:
        return "% softsym export: needs amsmath, amssymb, graphicx, xcolor (CJKutf8 optional)\n" + MACROS + body
    byline = latex_text(author) if author else f"checked by softsym {__version__}"
    preamble = PREAMBLE.replace("@TITLE@", latex_text(title)).replace("@AUTHOR@", byline)
    return preamble + body + "\\end{document}\n"


__all__ = ["DEFAULT_TITLE", "MACROS", "PREAMBLE", "RELATIONS", "derivation_latex", "latex_document", "relation", "relation_pieces"]
