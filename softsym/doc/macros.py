"""A document's own simple macros: ``\\newcommand{\\R}{\\mathbb{R}}``, ``\\def\\x{\\mathbf{x}}``,
``\\DeclareMathOperator{\\softmax}{softmax}`` — expanded in the math before it is read.

Macros with arguments (``\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}}``) are expanded
where each argument is written as a brace group or a single token; one with an optional argument
(``[2][x]``) stays an unknown macro, so what uses it is unparsed with that reason; a macro defined
twice with different bodies is not expanded at all (which one applies where is not guessed).
Expansion is textual, as TeX's.
"""
from __future__ import annotations

import re

_DEFINER = re.compile(r"\\(?:re)?newcommand\*?\s*\{?\s*\\([A-Za-z]+)\s*\}?\s*(\[)?|\\def\s*\\([A-Za-z]+)\s*(?=\{)"
                      r"|\\DeclareMathOperator\*?\s*\{\s*\\([A-Za-z]+)\s*\}")
MAX_ROUNDS = 5


def document_macros(text: str) -> dict[str, str | tuple[int, str]]:
    """The macros ``text`` defines, name (without backslash) → replacement, or (number of
    arguments, body with ``#1``…) for a macro with arguments."""
    found: dict[str, set] = {}
    for m in _DEFINER.finditer(text):
        start, arity = m.end(), 0
        if m.group(2):                              # [n] arguments
            count = re.match(r"\s*(\d)\s*\]\s*(?!\[)", text[m.end():])
            if count is None:                       # [n][default]: an optional argument, not expanded
                continue
            start, arity = m.end() + count.end(), int(count.group(1))
        body = _braced(text, start)
        if body is None:
            continue
        if m.group(4):
            name, value = m.group(4), f"\\operatorname{{{body}}}"
        else:
            name, value = m.group(1) or m.group(3), (arity, body) if arity else body
        found.setdefault(name, set()).add(value)
    return {name: next(iter(values)) for name, values in found.items() if len(values) == 1}


def expand(tex: str, macros: dict[str, str | tuple[int, str]]) -> str:
    """``tex`` with the macros replaced (a few rounds, for macros that use macros)."""
    if not macros:
        return tex
    pattern = re.compile(r"\\(" + "|".join(sorted(map(re.escape, macros), key=len, reverse=True)) + r")(?![A-Za-z])")
    for _ in range(MAX_ROUNDS):
        new = _substitute(tex, pattern, macros)
        if new == tex:
            break
        tex = new
    return tex


def _substitute(tex: str, pattern: re.Pattern, macros: dict) -> str:
    out, at = [], 0
    for m in pattern.finditer(tex):
        if m.start() < at:
            continue
        value = macros[m.group(1)]
        if isinstance(value, str):
            out.append(tex[at:m.start()] + value)
            at = m.end()
            continue
        arity, body = value
        args, end = [], m.end()
        for _ in range(arity):
            found = _argument(tex, end)
            if found is None:
                break
            args.append(found[0])
            end = found[1]
        if len(args) < arity:                       # not written with its arguments: left as it is
            continue
        for k, arg in enumerate(args, 1):
            body = body.replace(f"#{k}", arg)
        out.append(tex[at:m.start()] + "{" + body + "}")
        at = end
    return "".join(out) + tex[at:]


def _argument(tex: str, start: int) -> tuple[str, int] | None:
    """One macro argument at ``start``: a brace group's content, or one token (a letter, a digit,
    a control word); with the index after it."""
    i = start
    while i < len(tex) and tex[i].isspace():
        i += 1
    if i >= len(tex) or tex[i] in "}]^_&$":
        return None
    if tex[i] == "{":
        content = _braced(tex, i)
        return None if content is None else (content, i + len(content) + 2)
    word = re.match(r"\\[A-Za-z]+|\\.|.", tex[i:])
    return word.group(0), i + word.end()


def _braced(text: str, start: int) -> str | None:
    """The content of the brace group at ``start`` (after blanks), or None."""
    i = start
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text) or text[i] != "{":
        return None
    depth = 0
    for j in range(i, len(text)):
        c = text[j]
        if c == "\\":
            continue
        if c == "{" and (j == 0 or text[j - 1] != "\\"):
            depth += 1
        elif c == "}" and text[j - 1] != "\\":
            depth -= 1
            if depth == 0:
                return text[i + 1:j]
    return None


_ANGLE_MEAN = re.compile(r"\\langle\s*((?:\\[A-Za-z]+|[A-Za-z])(?![A-Za-z]))\s*\\rangle")


def angle_means(tex: str) -> str:
    """``\\langle E \\rangle`` (a mean, as physics notes write it) as the name ``E_angle``: one name
    between the brackets, nothing else (``\\langle x, y \\rangle``, an inner product, stays unread)."""
    return _ANGLE_MEAN.sub(lambda m: "\\softsymmean{" + m.group(1) + "}", tex)


_AVERAGE_DEFINED = re.compile(
    r"\\langle\s*(?P<f>[A-Za-z])\s*\\rangle\s*(?::=|\\coloneqq|\\triangleq|\\equiv|=)\s*"
    r"\\sum\s*_\s*(?:\{\s*(?P<x>[A-Za-z])\s*(?:\\in\s*(?:\\math[a-z]+\s*\{\s*[A-Z]\s*\}|[A-Z]))?\s*\}|(?P<bare>[A-Za-z])(?![A-Za-z]))"
    r"\s*(?P<weight>[^=<>&]*?)\s*(?:\\[,;]\s*|\\cdot\s*)?(?<![A-Za-z\\])(?P<g>(?P=f))\s*(?:\\left\s*)?\(\s*(?P<at>[A-Za-z])\s*(?:\\right\s*)?\)"
    r"(?=\s*(?:[.,;]\s*)?(?:\\q?quad\b|\\text\b|$))")
r"""``\langle f \rangle := \sum_x p_\beta(x) f(x)``: an averaging operator the text defines (its placeholder f,
its outcome x, the weight written before f(x)); f(x) ends it (not ``\sum_x w(x) f(x) / Z``)."""
_BRACKET_DEFINED = re.compile(r"\\langle\s*(?P<g>[A-Za-z])\s*\\rangle\s*(?::=|\\coloneqq|\\triangleq|\\equiv|=)")
r"""Any definition of a bracket of one placeholder: a second one (another section's, a remark's) makes the
operator the text means unclear."""
_PROBABILITY_WEIGHT = re.compile(r"\s*(?:\\hat\s*|\\tilde\s*|\\bar\s*)?\{?\s*(?:p|q|P|Q|\\pi)\s*\}?(?:\s*_\s*(?:\\[A-Za-z]+|[A-Za-z0-9]|\{[^{}]*\}))?"
                                 r"\s*(?:\\left\s*)?\(\s*[A-Za-z]\s*(?:\\right\s*)?\)\s*")
r"""A weight that is a distribution by its letter (``p(x)``, ``p_\beta(x)``, ``\pi(x)``): its average has a variance."""


def averaging_operator(maths: list[str], outcomes: frozenset[str]) -> tuple[str, str, str, str] | None:
    r"""(placeholder, outcome, weight, the math that defines it) of the one averaging operator the math
    defines over an outcome letter (``\langle f \rangle := \sum_x p(x) f(x)``), or None: none, a weight that
    is not a function of the outcome, or a bracket defined twice (another operator, a remark's)."""
    found = set()
    for tex in maths:
        for m in _AVERAGE_DEFINED.finditer(tex):
            x = m.group("x") or m.group("bare")
            weight = m.group("weight").strip()
            if m.group("at") == x and x in outcomes and weight and re.search(rf"\(\s*{x}\s*\)", weight) \
                    and not re.search(rf"(?<![A-Za-z\\]){m.group('f')}(?![A-Za-z])", weight):
                found.add((m.group("f"), x, weight, tex))
    return next(iter(found)) if len(found) == 1 and _bracket_definitions(maths) == 1 else None


def _bracket_definitions(maths: list[str]) -> int:
    """How many brackets the math defines as operators: ⟨g⟩ = … that applies its placeholder, ⟨g⟩ = Σ_x q(x) g(x)
    (⟨E⟩ = ε/(e^{βε} + 1) is a value)."""
    return sum(1 for tex in maths for m in _BRACKET_DEFINED.finditer(tex)
               if re.search(rf"(?<![A-Za-z\\]){m.group('g')}\s*(?:\\left\s*)?\(", tex[m.end():]))


_WEIGHT_DEFINED = re.compile(r"(?<![A-Za-z\\])(?P<weight>(?:p|q|P|Q|\\pi)(?:\s*_\s*(?:\\[A-Za-z]+|[A-Za-z0-9]|\{[^{}]*\}))?"
                             r"\s*(?:\\left\s*)?\(\s*(?P<x>[A-Za-z])\s*(?:\\right\s*)?\))\s*(?::=|\\coloneqq|\\triangleq|=)"
                             r"(?P<rhs>[^,;]*)")
"""A distribution over an outcome written as a function of it (``p(x) := e^{-E(x)/T} / Z(T)``, ``\\pi(x) = …``)."""
_OTHER_MEANS = re.compile(r"(?i)\bempirical\b|\bdata\b|\bsample\s+(?:mean|average)s?\b|\btime\s+averages?\b|\btraining\b|"
                          r"\bobserv\w*|经验|样本均值|数据|训练")
"""Words that speak of averages over data or time: brackets there may be those, not the distribution's mean."""
_BRACKET_SAID = re.compile(r"(?i)\$\s*\\langle[^$]*\\rangle\s*\$\s*(?:is|are|denotes?|stands|means|now|here|表示|是|为|指)\b|"
                           r"\b(?:write|denote|use|call)\s+\$\s*\\langle")
"""Words that say what a bracket is ("write $\\langle E \\rangle$ for …", "$\\langle E \\rangle$ is the mean energy of
the cooled system"): theirs to say, not read as the distribution's mean."""
_MEAN_WORDS = re.compile(r"(?i)\b(?:averages?|mean|expectations?|expected)\b|平均|期望|均值")


def _divides(tex: str) -> bool:
    """Whether ``tex`` divides by something outside its exponents (``e^{-E(x)/T} / Z``, not ``e^{-E(x)/T}`` nor
    ``e^{-\\frac{E(x)}{T}}``)."""
    kept, i = [], 0
    while i < len(tex):
        if tex[i] == "^":
            j = i + 1
            while j < len(tex) and tex[j].isspace():
                j += 1
            if j < len(tex) and tex[j] == "{":
                depth = 0
                for j in range(j, len(tex)):
                    depth += {"{": 1, "}": -1}.get(tex[j], 0)
                    if depth == 0:
                        break
                i = j + 1
                continue
        kept.append(tex[i])
        i += 1
    return bool(re.search(r"\\frac|/", "".join(kept)))


def _starts_relation(tex: str, at: int) -> bool:
    """Whether what ``tex`` has at ``at`` begins a relation's left side (not the p(x) of ``-\\log p(x) = …``)."""
    return bool(re.search(r"(?:^|[,;&$]|\\q?quad|\\\\|\\text\s*\{[^{}]*\})\s*$", tex[:at]))


def probability_letter(name: str) -> bool:
    """Whether a name is a distribution by its letter: p, q, P, Q, π (with an accent or a subscript)."""
    return re.sub(r"^(?:hat|tilde|bar)_?|_.*$", "", name.lstrip("\\")) in ("p", "q", "P", "Q", "pi")


def implicit_averaging(maths: list[str], outcomes: frozenset[str], words: str,
                       distributions: frozenset[str] = frozenset()) -> tuple[str, str, str, str] | None:
    r"""The averaging operator a text uses without defining it: ``\langle E \rangle`` written beside one
    distribution over the outcomes it defines (``p(x) := e^{-E(x)/T} / Z(T)``, normalized: a ratio) and words
    that speak of averages or means — ⟨f⟩ = Σ_x p(x) f(x), the physicist's mean.  None when the math defines a
    bracket itself, defines two distributions (or one twice), or the words name other distributions."""
    if not any(re.search(r"\\langle", tex) for tex in maths) or _bracket_definitions(maths):
        return None
    if not _MEAN_WORDS.search(words) or _OTHER_MEANS.search(words) or _BRACKET_SAID.search(words):
        return None
    found = [(m.group("weight").strip(), m.group("x"), tex, m.group("rhs")) for tex in maths
             for m in _WEIGHT_DEFINED.finditer(tex) if m.group("x") in outcomes
             and _starts_relation(tex, m.start())]
    heads = {re.sub(r"\s+", "", w.split("(")[0].replace("\\left", "")) for w, *_ in found}
    if len(found) != 1 or len(heads) != 1:
        return None
    weight, x, tex, rhs = found[0]
    others = {n for n in distributions if probability_letter(n)}
    if others - heads - {h.lstrip("\\") for h in heads}:      # (words naming p itself are no other)
        return None
    if not _divides(rhs) or re.search(r"(?<![A-Za-z\\])f(?![A-Za-z])", rhs):
        return None
    return "f", x, weight, tex


_ANGLE_BODY = re.compile(r"\\langle\s*(?P<body>(?:(?!\\rangle|\\langle)[^,|])+?)\s*\\rangle(?!\s*_)")
VARIANCE = r"(?:\\mathrm\s*\{\s*Var\s*\}|\\operatorname\s*\{\s*Var\s*\}|\\Var(?![A-Za-z])|\\mathbb\s*\{\s*V\s*\})"
"""How a text writes the variance: ``\\mathrm{Var}``, ``\\operatorname{Var}``, ``\\Var``, ``\\mathbb{V}``."""


def _variance_linked(maths: list[str], name: str) -> bool:
    r"""Whether the math says ``\mathrm{Var}(E)`` is ``\langle E^2 \rangle - \langle E \rangle^2`` (either order)."""
    g = re.escape(name)
    moments = rf"\\langle\s*{g}\s*\^\s*\{{?\s*2\s*\}}?\s*\\rangle\s*-\s*\\langle\s*{g}\s*\\rangle\s*\^\s*\{{?\s*2\s*\}}?"
    variance = rf"{VARIANCE}\s*(?:\\left\s*)?[(\[]\s*{g}\s*(?:\\right\s*)?[)\]]"
    return any(re.search(rf"{moments}\s*=\s*{variance}|{variance}\s*=\s*{moments}", tex) for tex in maths)


def averages(tex: str, operator: tuple[str, str, str, str], functions: frozenset[str],
             variances: frozenset[str] = frozenset()) -> str:
    r"""``\langle E^2 \rangle`` as the sum the text's averaging operator makes of it (``\sum_{x} p_\beta(x)
    \left(E(x)^2\right)``), each function of the outcome (``E``, written ``E(x)`` elsewhere) at the outcome;
    ``\mathrm{Var}(E)`` of a name in ``variances`` as ``\langle E^2 \rangle - \langle E \rangle^2`` under it.  A
    bracket of anything else (the outcome itself, ``\langle x, y \rangle``, ``\langle E \rangle_q``) is left as
    written."""
    placeholder, x, weight, _ = operator
    names = sorted(functions, key=len, reverse=True)
    if not names:
        return tex
    name_pattern = "|".join(re.escape(n) for n in names)
    if variances:
        varied = "|".join(re.escape(n) for n in sorted(variances, key=len, reverse=True))
        tex = re.sub(rf"{VARIANCE}\s*(?:\\left\s*)?[(\[]\s*(?P<g>{varied})\s*(?:\\right\s*)?[)\]]",
                     lambda m: f"\\left(\\langle {m.group('g')}^2 \\rangle - \\langle {m.group('g')} \\rangle^2\\right)", tex)

    def average(m: re.Match) -> str:
        body = m.group("body")
        if re.search(rf"(?<![A-Za-z\\]){x}(?![A-Za-z])", body) or re.search(rf"(?<![A-Za-z\\]){placeholder}(?![A-Za-z])", body):
            return m.group(0)
        at = re.sub(rf"(?<![A-Za-z\\])({name_pattern})(?![A-Za-z])(?!\s*(?:\(|_|\\left))", rf"\1({x})", body)
        if at == body:
            return m.group(0)                     # no function of the outcome in it: not an average it defines
        return f"\\left(\\sum_{{{x}}} {weight} \\left({at}\\right)\\right)"      # (⟨E⟩^2: the whole average squared)
    return _ANGLE_BODY.sub(average, tex)


def outcome_functions(maths: list[str], operator: tuple[str, str, str, str],
                      distributions: frozenset[str] = frozenset()) -> tuple[frozenset[str], frozenset[str]]:
    r"""The names the math applies to the operator's outcome alone (``E(x)``), but the weight's, the
    placeholder's, distributions' (``p``, ``q``, and those the words call distributions) and names whose bracket
    the text gives a value of its own (``\langle E \rangle := 1.5``): the functions of the outcome an average is
    taken of; and those of them whose variance is the operator's (the weight a distribution by its letter, and
    the math saying ``\mathrm{Var}(E) = \langle E^2 \rangle - \langle E \rangle^2``)."""
    placeholder, x, weight, _ = operator
    applied = set()
    for tex in maths:
        applied.update(re.findall(rf"(?<![A-Za-z\\])(\\?[A-Za-z]+)\s*(?:\\left\s*)?\(\s*{x}\s*(?:\\right\s*)?\)", tex))
    skipped = {placeholder, "p", "q", "P", "Q", "\\pi", "\\log", "\\exp", "\\sigma", "\\ln", "\\sqrt", "\\tanh", "\\left",
               "\\big", "\\Big", "\\bigl", "\\Bigl", "\\mathrm", "\\operatorname", "\\text"} | set(distributions)
    weight_names = set(re.findall(r"\\?[A-Za-z]+", weight))
    own = {n for tex in maths for n in re.findall(r"\\langle\s*(\\?[A-Za-z]+)\s*\\rangle\s*(?::=|\\coloneqq|=\s*-?\s*[\d.]+(?![\d.]*\s*[A-Za-z\\]))", tex)}
    functions = frozenset(n for n in applied if n not in skipped and n not in weight_names and n not in own)
    variances = frozenset(n for n in functions if _PROBABILITY_WEIGHT.fullmatch(weight) and _variance_linked(maths, n)
                          and _normalized(maths, weight))
    return functions, variances


def _normalized(maths: list[str], weight: str) -> bool:
    r"""Whether the weight (``p_\beta(x)``) is normalized as far as its definition shows: no definition of it
    in the math (a distribution the words name), or one that divides by something (``e^{-\beta E(x)}/Z``) —
    not ``p(x) := e^{-\beta E(x)}``, whose variance is not ⟨E²⟩ − ⟨E⟩²."""
    head = re.escape(re.sub(r"\s*(?:\\left\s*)?\(\s*[A-Za-z]\s*(?:\\right\s*)?\)\s*$", "", weight).strip())
    for tex in maths:
        for m in re.finditer(rf"(?<![A-Za-z\\])\s*{head}\s*(?:\\left\s*)?\(\s*[A-Za-z]\s*(?:\\right\s*)?\)\s*(?::=|\\coloneqq|=)"
                             rf"(?P<rhs>[^,;]*)", tex):
            if not (_divides(m.group("rhs")) or "\\sum" in m.group("rhs")) and _starts_relation(tex, m.start()):
                return False
    return True


def variance_link_written(lhs: str, rhs: str, names: frozenset[str]) -> bool:
    r"""Whether a relation is itself the text's ``\mathrm{Var}(E) = \langle E^2 \rangle - \langle E \rangle^2``:
    the link the variance reading rests on is not checked by it."""
    return any(_variance_linked([f"{lhs} = {rhs}"], n) for n in names)


_NAME = r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*(?:\\[A-Za-z]+|[A-Za-z])\s*\}|\\[A-Za-z]+|[A-Za-z])"
_BARE_GRADIENT = re.compile(rf"\\nabla(?P<sup>\s*\^\s*(?:2|\{{\s*2\s*\}}))?(?![A-Za-z_^])\s*"
                            rf"(?P<f>(?:\\(?:mathcal|operatorname|mathrm)\s*\{{\s*[A-Za-z]+\s*\}}|\\[A-Za-z]+|[A-Za-z])"
                            rf"(?:\s*_\s*(?:\\[A-Za-z]+|[A-Za-z0-9]|\{{[^{{}}]*\}}))?)"
                            rf"\s*(?P<open>\\left\s*\(|\\bigl?\s*\(|\()\s*(?P<x>{_NAME})\s*"
                            rf"(?P<close>\\right\s*\)|\\bigr?\s*\)|\))")


def argument_gradients(tex: str) -> str:
    """``\\nabla \\ell(\\mathbf{w})`` — a gradient written without its variable, of a function applied
    to one name — as ``\\nabla_{\\mathbf{w}} \\ell(\\mathbf{w})``: with respect to that argument, as the
    notation means; ``\\nabla^2 \\mathrm{LSE}(\\mathbf{x})``, the Hessian, as ``\\nabla^2_{\\mathbf{x}}``.  At a
    point (``\\nabla f(\\theta_t)``) it stays unread."""
    return _BARE_GRADIENT.sub(lambda m: f"\\left(\\nabla{'^{2}' if m.group('sup') else ''}_{{{m.group('x')}}} "
                                        f"{m.group('f')}{m.group('open')}"
                                        f"{m.group('x')}{m.group('close')}\\right)", tex)
