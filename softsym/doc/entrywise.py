"""Vectors, matrices and sizes: a relation between vectors read at a fresh entry index (row and
column for a matrix), maxima over a symbolic range, the ranges of families and indices, and the
conventions of a relation (range ends are positive integers, a free index lies in its range)."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

import sympy as sp

from ..domain import Bound, Domain
from ..errors import UserError
from .chains import Relation
from .names import DEFAULT_DIMENSION, context_names, keeping_bases, merged_declarations


@dataclass(frozen=True)
class Entry:
    """A relation between vectors, read at one entry: ``index`` runs over ``span`` (None: 1..n);
    ``target`` is the bare name on the left that the relation makes a vector (``p = softmax(z)``)."""

    index: sp.Symbol
    span: tuple[sp.Expr, sp.Expr] | None
    target: str | None
    column: sp.Symbol | None = None          # a matrix relation: read at (index, column)
    bold: bool = False                       # the target was written bold (\mathbf{p} = …)

    def describe(self, dimension: sp.Symbol) -> str:
        lo, hi = self.span or (1, dimension)
        if self.column is not None:
            return f"{lo} <= {self.index}, {self.column} <= {hi}"
        return f"{lo} <= {self.index} <= {hi}"

    @property
    def indices(self) -> tuple[sp.Symbol, ...]:
        return (self.index,) if self.column is None else (self.index, self.column)

_ENTRY_INDICES = ("i", "j", "k", "l", "m", "r", "s", "u", "v")

_MACRO_NAME = re.compile(r"\\[A-Za-z]+")


def read_entrywise(rel: Relation, context) -> tuple[sp.Basic, sp.Basic, Entry, tuple[str, ...]]:
    """Both sides read at a fresh entry index (one side is a vector: ``\\mathbf{p}``,
    ``\\mathrm{softmax}(z)``, ``[1, 2, 3]``).  A bare name on the left becomes a vector too.

    Raises:
        Unparsed: a side cannot be read at an entry, or the vectors' lengths differ.
    """
    from ..latex import Unparsed, VectorValued, parse_entry, parse_tex
    written = set(re.findall(r"[A-Za-z]", _MACRO_NAME.sub(" ", rel.lhs + " " + rel.rhs)))
    name = next((c for c in _ENTRY_INDICES if c not in written and c not in context.names), "i_")
    index = sp.Symbol(name, integer=True)
    vectors = dict(context.vectors)
    target, bold = None, False
    try:
        plain = parse_tex(rel.lhs, context)
        if isinstance(plain, (sp.Symbol, sp.IndexedBase)) and "(" not in plain.name \
                and rel.op in ("==", ":=", "approx"):        # (π declared indexed, written bare: the vector)
            target = plain.name
            vectors.setdefault(target, None)
    except VectorValued:
        bare = re.fullmatch(r"\s*\\(?:mathbf|boldsymbol|bm|vec)\s*\{?\s*(\\?[A-Za-z]+)\s*\}?\s*", rel.lhs)
        if bare is not None and rel.op in ("==", ":="):
            target, bold = bare.group(1).lstrip("\\"), True
    for family in context.families - context.paired - context.matrices:   # "∂L/∂z = p − y" of p_k := softmax(z)_k:
        if family not in vectors and family not in context.names and family not in context.functions \
                and re.search(rf"(?<![\\A-Za-z])\\?{re.escape(family)}(?![A-Za-z_(]|\s*\()", rel.lhs + " " + rel.rhs):
            vectors[family] = None           # the vector p, not a number p (a family of one index only)
    at = replace(context, entry=index, vectors=vectors)
    column = None
    try:
        lhs, left_ranges, left_guesses = parse_entry(rel.lhs, at)
        rhs, right_ranges, right_guesses = parse_entry(rel.rhs, at)
    except VectorValued as exc:
        if not exc.matrix:
            raise
        column = sp.Symbol(next(c for c in (*_ENTRY_INDICES, "j_") if c not in written and c != name
                                and c not in context.names), integer=True)
        matrices = context.matrices | ({target} if target else set())
        vectors.pop(target, None)
        at = replace(context, entry=index, column=column, vectors=vectors, matrices=frozenset(matrices))
        lhs, left_ranges, left_guesses = parse_entry(rel.lhs, at)
        rhs, right_ranges, right_guesses = parse_entry(rel.rhs, at)
        for side in (lhs, rhs):
            for term in sp.Add.make_args(sp.expand(side)):
                if index in term.atoms(sp.Symbol) and column not in term.atoms(sp.Symbol):
                    raise Unparsed("a vector added to a matrix (read entrywise at a row and a column)",
                                   rel.tex[:80]) from None
    for one, other, written_as in ((lhs, rhs, rel.lhs), (rhs, lhs, rel.rhs)):
        own = {i for x in one.atoms(sp.Indexed) for i in x.indices if isinstance(i, sp.Symbol)} \
            & one.free_symbols - {index, column}            # (not the j of Σ_j e^{x_j}: bound)
        if index not in one.free_symbols and index in other.free_symbols and own:
            # "$q^\top k_i = (0.8, 0.2, 0.1, -0.3)$": the list's values of an entry at its own index i —
            # from which i on (0 or 1) is not written: not read as one value for every entry
            raise Unparsed(f"a list of values for {written_as.strip()}, an entry at its own index "
                           f"{', '.join(sorted(map(str, own)))}: which index each value belongs to is not read",
                           rel.tex[:80])
    known = {(str(r[0]), str(r[1])): r for r in (*left_ranges, *right_ranges) if r is not None}
    tops = [context.zero_based[str(e.base.label)] for e in sp.Tuple(lhs, rhs).atoms(sp.Indexed)
            if str(e.base.label) in context.zero_based]
    if len(known) == 2 and tops:
        # "$s/\tau = (1.6, 0.4, -0.2)$" of scores s_0, s_1, s_2: the list of numbers runs from 0 too
        (lo1, hi1), (lo2, hi2) = sorted(known.values(), key=lambda r: str(r[0]))
        lists = [side for side in (lhs, rhs) if _numbers_by_entry(side, index)]
        if lo1 == 0 and lo2 == 1 and hi2 == hi1 + 1 and len(lists) == 1 and max(tops) <= hi1:
            shifted = lists[0].xreplace({index: index + 1})
            lhs, rhs = (shifted, rhs) if lists[0] is lhs else (lhs, shifted)
            known = {(str(lo1), str(hi1)): (lo1, hi1)}
    if len(known) > 1:
        shown = " and ".join(f"{lo}..{hi}" for lo, hi in sorted(known))
        raise Unparsed(f"a relation between vectors of different lengths ({shown})", rel.tex[:80])
    span = next(iter(known.values()), None)
    if target is not None and target in context.zero_based and column is None and span is not None \
            and span[0] == 1 and span[1].is_Integer and context.zero_based[target] <= span[1] - 1 \
            and _numbers_by_entry(rhs, index):
        # "$s = (0.8, 0.2, -0.1, 0.3)$" of scores s_0, s_1, …: the list runs from index 0
        rhs, span = rhs.xreplace({index: index + 1}), (sp.Integer(0), span[1] - 1)
    return lhs, rhs, Entry(index, span, target, column, bold), (*left_guesses, *right_guesses)


def _numbers_by_entry(side: sp.Basic, index: sp.Symbol) -> bool:
    """Whether ``side`` is a list of numbers read at ``index``: Σ_r v_r δ(index, r)."""
    return side.free_symbols == {index} and all(
        isinstance(term, (sp.Mul, sp.KroneckerDelta)) and term.atoms(sp.KroneckerDelta)
        and all(d.free_symbols == {index} for d in term.atoms(sp.KroneckerDelta))
        for term in sp.Add.make_args(side))


def extremum_facts(left: sp.Basic, right: sp.Basic, domain: Domain) -> tuple[Domain, dict]:
    """For every ``\\max_i f(z_i)`` read as ``f(z_μ)``: the hypothesis f(z_l) ≤ f(z_μ) for every
    l of the range (l an index only there, which reads "for every l"), and the ranges of μ and l."""
    from ..latex import extrema_in
    found = extrema_in(left, right, *domain.given)
    if not found:
        return domain, {}
    ranges: dict[str, tuple[sp.Expr, sp.Expr]] = {}
    given = []
    taken = {s.name for s in sp.Tuple(left, right, *domain.given).free_symbols}
    for k, ext in enumerate(found):
        other = sp.Symbol(next(c for c in (f"l{k}", f"l{k}_", f"l{k}__") if c not in taken), integer=True)
        given.append(ext.hypothesis(other))
        given.append(sp.Ge(ext.index, ext.lower))       # μ is one index (written outside an entry, it is not
        ranges[ext.index.name] = ranges[other.name] = (ext.lower, ext.upper)   # read "for every μ" as l is)
    return domain.with_given(*given), ranges


def family_ranges(left: sp.Basic, right: sp.Basic, vectors: dict) -> dict[str, tuple[sp.Expr, sp.Expr]]:
    """A free index of entries of vectors the text gave a range (``z = (z_1, …, z_K)``: 1..K).  An index
    that also indexes a family of no known length (``W_{kj}`` beside ``z_k``) takes the one range it
    has: the relation means something only where each of its entries exists."""
    spans: dict[str, set] = {}
    for e in sp.Tuple(left, right).atoms(sp.Indexed):
        for i in e.indices:
            if isinstance(i, sp.Symbol) and i.is_integer:
                spans.setdefault(i.name, set()).add(vectors.get(str(e.base.label)))
    known = {name: s - {None} for name, s in spans.items()}
    return {name: next(iter(s)) for name, s in known.items() if len(s) == 1}


def speaks_generally(left: sp.Basic, right: sp.Basic, domain: Domain) -> bool:
    """Whether the relation ranges over a size that is not a number (a sum to n, an index up to K)."""
    both = sp.Tuple(left, right)
    if any(not (lo.is_Integer and hi.is_Integer) for node in both.atoms(sp.Sum, sp.Product)
           for _, lo, hi in node.limits):
        return True
    return any(b.symbol in both.free_symbols and not ((b.lower is None or b.lower.is_Integer)
                                                       and (b.upper is not None and b.upper.is_Integer))
               for b in domain.bounds if b.symbol.is_integer)


def conventional_length(rel: Relation, left: sp.Basic, right: sp.Basic, dimension: sp.Symbol,
                        sizes: frozenset[str] = frozenset()) -> bool:
    """The relation sums to the conventional length n (written nowhere in it, nor as a size anywhere
    in the text: ``sizes``) and to another bound."""
    if dimension.name in sizes:
        return False                # a_j := e^{s_j} / Σ_{l=1}^{n} e^{s_l}: the text wrote n itself
    both = sp.Tuple(left, right)
    ends = {s.name for node in both.atoms(sp.Sum, sp.Product) for _, _, hi in node.limits
            for s in hi.free_symbols if isinstance(s, sp.Symbol)}
    written = re.search(rf"(?<![A-Za-z\\]){re.escape(dimension.name)}(?![A-Za-z])", rel.lhs + " " + rel.rhs)
    return dimension.name in ends and len(ends - {dimension.name}) > 0 and written is None

_SUM_END = re.compile(r"\\(?:sum|prod)\s*_\s*\{[^{}]*=[^{}]*\}\s*\^\s*\{?\s*([A-Za-z])\s*\}?")

_RANGE_END = re.compile(r"(?:\\[lc]?dots|\.\.\.)\s*,\s*([A-Za-z])\s*$")

_N_WRITTEN = re.compile(rf"(?<![A-Za-z\\]){DEFAULT_DIMENSION}(?![A-Za-z])")


def family_lengths(found: list[Relation], functions: set[str], base: Domain, declarations
                   ) -> tuple[dict, dict[str, set[int]]]:
    """The range of every family the text sums over one range only, from 1 to a name (``\\sum_{j=1}^{K}
    e^{z_j}``: z over 1..K), read from every relation before the checking starts; and, for the
    families whose only range ends at a number (``\\sum_{k=1}^{2}``, a worked case), the lines that
    write it: that length holds in their section only (see ``lengths_in_section``)."""
    from ..latex import Context, Unparsed, parse_tex
    try:
        domain = merged_declarations(base, [d.text for d in declarations])
    except UserError:
        domain = base
    unwritten = sp.Symbol("unwritten_bound_", integer=True, positive=True)      # \sum_i: no bound written
    context = Context(names=context_names(domain, functions), functions=frozenset(functions), dimension=unwritten)
    seen: dict[str, set] = {}
    lines: dict[str, set[int]] = {}
    for rel in found:
        for side in (rel.lhs, rel.rhs):
            try:
                value = parse_tex(side, context)
            except Unparsed:
                continue
            for node in value.atoms(sp.Sum, sp.Product):
                for var, lo, hi in node.limits:
                    if lo != 1 or not (hi.is_Integer and hi > 0 or len(hi.free_symbols) == 1) \
                            or unwritten in hi.free_symbols:
                        continue
                    for e in node.function.atoms(sp.Indexed):
                        if e.indices == (var,):
                            seen.setdefault(str(e.base.label), set()).add(hi)
                            lines.setdefault(str(e.base.label), set()).add(rel.line)
    out, numbered = {}, {}
    for name, ends in seen.items():
        named = {hi for hi in ends if not hi.is_Integer}
        if len(named) == 1:                 # Σ_{j=1}^{n} beside a worked Σ_{j=1}^{3}: the general length
            (hi,) = named
            end = next(iter(hi.free_symbols))
            out[name] = (sp.Integer(1), hi.xreplace({end: sp.Symbol(end.name, integer=True, positive=True)}))
        elif not named and len(ends) == 1:  # only Σ_{b=1}^{3} e^{θ_b}: three entries
            out[name] = (sp.Integer(1), next(iter(ends)))
            numbered[name] = lines[name]
    return out, numbered


def lengths_in_section(lengths: dict, numbered: dict[str, set[int]], sections: dict[int, int], line: int,
                       counts: list[int]) -> dict:
    """``lengths`` at ``line``: a length read from sums that end at a number (``\\sum_{k=1}^{2}`` "with two
    classes") holds but in another section that counts with a letter before ``line`` (``counts``: the
    lines that do, "For $n$ classes …  $\\sum_j$"); the subsections of one worked example keep it."""
    return {name: span for name, span in lengths.items()
            if name not in numbered or not all(recounted(at, line, sections, counts) for at in numbered[name])}


def recounted(at: int, line: int, sections: dict[int, int], counts: list[int]) -> bool:
    """Whether a section other than the one of line ``at``, or a line after ``at`` in its own, counts with
    a letter (``counts``: the lines that do, "For $n$ classes", "a vector with $n$ entries", "of length
    $d$") before ``line``, which it governs: a length written at ``at`` no longer holds there."""
    from .conditions import in_scope
    return any((not in_scope(sections, at, count) or at < count) and count <= line
               and in_scope(sections, count, line) for count in counts)


def sizes_written(found: list[Relation]) -> frozenset[str]:
    """Letters the text uses as sizes: ends of sums and products, of index ranges (``i = 1, …, N``),
    of ellipsis lists (``z_1, …, z_K``)."""
    ends: set[str] = set()
    for rel in found:
        text = rel.lhs + " " + rel.rhs
        ends |= set(re.findall(r"\\(?:sum|prod)\s*_\s*(?:\{[^{}]*\}|\S)\s*\^\s*\{?\s*([A-Za-z])", text))
        ends |= set(re.findall(r"(?:\\[lc]?dots|\.\.\.)\s*,?\s*[A-Za-z]*_\s*\{?\s*([A-Za-z])\s*\}?", text))
        ends |= set(_RANGE_END.findall(rel.rhs))
    return frozenset(ends)


def inferred_dimension(found: list[Relation]) -> str | None:
    """The one letter every written range ends at (``\\sum_{j=1}^{K}``, ``i = 1, …, K``) in a text
    that never writes n: the length of its vectors, where a sum or softmax leaves it unwritten."""
    ends: set[str] = set()
    for rel in found:
        text = rel.lhs + " " + rel.rhs
        if _N_WRITTEN.search(text):
            return None
        ends |= set(_SUM_END.findall(text)) | set(_RANGE_END.findall(rel.rhs))
    return next(iter(ends)) if len(ends) == 1 else None


def with_conventions(lhs: sp.Basic, rhs: sp.Basic, domain: Domain, dimension: sp.Symbol,
                      ranges: dict[str, tuple[sp.Expr, sp.Expr]] | None = None
                      ) -> tuple[sp.Basic, sp.Basic, Domain, tuple[str, ...]]:
    """The relation with the document's conventions applied: a name that ends a summation range
    is a positive integer; a free index of an entry, or a name an indicator compares (the y of
    ``1\\{k = y\\}``), is an integer in 1..(the dimension) — or in the range ``ranges`` gives
    it (an entry of a vector the text listed, an index of a maximum) — whose ends are positive
    integers too."""
    declared = domain.names()
    ranges = ranges or {}
    both = sp.Tuple(lhs, rhs)
    given_symbols = set().union(*(g.free_symbols for g in domain.given))
    ends = {s for node in both.atoms(sp.Sum, sp.Product) for _, lo, hi in node.limits
            for s in (lo.free_symbols | hi.free_symbols)
            if isinstance(s, sp.Symbol) and s.name not in declared and not isinstance(s, sp.Dummy)}
    bounded = {g.name for g in given_symbols} | {b.symbol.name for b in domain.bounds}
    starts = {s for node in both.atoms(sp.Sum, sp.Product) for _, lo, hi in node.limits for s in lo.free_symbols
              if s.name in bounded} - {s for node in both.atoms(sp.Sum, sp.Product)
                                       for _, _, hi in node.limits for s in hi.free_symbols}
    ends -= starts          # ("for every integer n <= 0, Σ_{t=n}^{0} 1": the text's bound on where a range
    #                          begins, not the size convention, says what n is)
    present = {s.name for s in both.free_symbols | given_symbols}
    ends |= {s for name, (lo, hi) in ranges.items() if name in present for end in (lo, hi)
             for s in end.free_symbols if isinstance(s, sp.Symbol) and s.name not in declared}
    names = {s.name for s in ends}
    every = both.free_symbols | set().union(*(g.free_symbols for g in domain.given))
    swap = {s: sp.Symbol(s.name, integer=True, positive=True) for s in every
            if isinstance(s, sp.Symbol) and s.name in names and not isinstance(s, sp.Dummy)
            and not (s.is_integer and s.is_positive)}          # one K, whatever each side read it as
    swap.update({s: sp.Symbol(s.name, integer=True) for s in every if isinstance(s, sp.Symbol)
                 and s.name in {x.name for x in starts} - names and not isinstance(s, sp.Dummy) and not s.is_integer})
    counted = {f.args[0].name for f in both.atoms(sp.factorial) if isinstance(f.args[0], sp.Symbol)
               and not isinstance(f.args[0], sp.Dummy) and f.args[0].name not in set(declared) | names}
    swap.update({s: sp.Symbol(s.name, integer=True, nonnegative=True) for s in every      # y! : y = 0, 1, 2, …
                 if isinstance(s, sp.Symbol) and s.name in counted and not isinstance(s, sp.Dummy)
                 and not (s.is_integer and s.is_nonnegative)})
    both = both.xreplace(swap) if swap else both
    by_name: dict[str, list[sp.Symbol]] = {}
    for x in both.free_symbols | set().union(*(g.free_symbols for g in domain.given)):
        if isinstance(x, sp.Symbol) and not isinstance(x, sp.Dummy):
            by_name.setdefault(x.name, []).append(x)
    same = {}                   # one name, one symbol: the one that knows most (an integer over a real)
    for group in (g for g in by_name.values() if len(g) > 1):
        best = max(group, key=lambda x: (bool(x.is_integer), bool(x.is_positive), len(x.assumptions0)))
        same.update({x: best for x in group if x != best})
    if same:
        both = keeping_bases(both, same)
        swap.update(same)
    domain = Domain(domain.symbols, domain.indexed, domain.bounds, tuple(g.xreplace(swap) for g in domain.given))
    dims = sorted({swap.get(s, s) for s in ends} | ({dimension} if dimension in both.free_symbols else set()),
                  key=str)
    dims = list({d.name: d for d in dims}.values())
    notes: list[str] = [f"{d}: integer positive (ends a summation range)" for d in dims if d.name not in declared]
    notes += [f"{name}: integer nonnegative (under a factorial)" for name in sorted(counted)]
    notes += [f"{name}: integer (begins a summation range)" for name in sorted({x.name for x in starts} - names)
              if name not in declared]
    compared = [i for d in both.atoms(sp.KroneckerDelta) for i in d.args]   # the y of 1{k = y}: a class
    free_here = both.free_symbols | {s for d in both.atoms(sp.Derivative) for v in d.variables
                                     for s in v.free_symbols}      # the j of ∂/∂z_j is free too
    free_indices = sorted({i for i in [*(i for e in both.atoms(sp.Indexed) for i in e.indices), *compared]
                           if isinstance(i, sp.Symbol) and i in free_here and i.name not in declared
                           and i.is_integer}, key=str)
    universal = sorted({s for g in domain.given for s in g.free_symbols if isinstance(s, sp.Symbol)
                        and s.name in ranges and s not in both.free_symbols and s.name not in declared
                        and s.is_integer}, key=str)          # the l of "z_l <= z_argmax for every l"
    symbols = list(domain.symbols)
    bounds = [Bound(swap.get(b.symbol, b.symbol), *(None if e is None else e.xreplace(swap) if k % 2 == 0 else e
                                                     for k, e in enumerate((b.lower, b.lower_strict, b.upper,
                                                                            b.upper_strict))))
              for b in domain.bounds]   # (a bound follows its name: "m <= 0" of an m the conventions make an integer)
    top = dims[0] if len(dims) == 1 else dimension
    for d in dims:
        if d.name not in declared:
            symbols.append(d)
    symbols += [x for x in {swap[s] for s in swap if s.name in counted}]
    by_name = {s.name: s for s in both.free_symbols | set().union(*(g.free_symbols for g in domain.given))
               if isinstance(s, sp.Symbol)}
    for i in [*free_indices, *universal]:
        symbols.append(i)
        lo, hi = ranges.get(i.name, (sp.Integer(1), top))
        fix: dict[sp.Basic, sp.Basic] = {}
        for s in (lo.free_symbols | hi.free_symbols) - {i}:
            if not isinstance(s, sp.Symbol):
                continue
            if s.name in declared:
                fix[s] = declared[s.name]
                continue
            end = by_name.get(s.name)
            if end is None or not (end.is_integer and end.is_positive):
                end = sp.Symbol(s.name, integer=True, positive=True)
            fix[s] = end
            if end not in symbols:
                symbols.insert(0, end)
        lo, hi = lo.xreplace(fix), hi.xreplace(fix)
        bounds.append(Bound(i, lo, False, hi, False))
        if i in free_indices:
            notes.append(f"{i}: integer, {lo} <= {i} <= {hi} (an index)")
    if top not in symbols and free_indices and top.name not in declared:
        symbols.append(top)
    new = Domain(tuple(symbols), domain.indexed, tuple(bounds), domain.given)
    return both.args[0], both.args[1], new, tuple(notes)


def example_entries(entry: Entry | None, lhs: sp.Basic, rhs: sp.Basic) -> list[sp.Basic]:
    """``z = (2, 1, 0)`` read at its entry i: the values of its entries, ``z_1 = 2``, ``z_2 = 1``,
    ``z_3 = 0`` (empty unless the vector has a few entries, each given a number)."""
    if entry is None or entry.column is not None or entry.span is None or not isinstance(lhs, sp.Indexed) \
            or lhs.indices != (entry.index,):
        return []
    lo, hi = entry.span
    if not (lo.is_Integer and hi.is_Integer) or not 0 <= hi - lo < 32:
        return []
    out = []
    for k in range(int(lo), int(hi) + 1):
        value = rhs.xreplace({entry.index: sp.Integer(k)})
        value = value.doit() if isinstance(value, sp.Piecewise) else value
        if value.free_symbols or value.atoms(sp.Indexed) or not value.is_number:
            return []
        out.append(sp.Eq(lhs.base[k], value, evaluate=False))
    return out


def instance_of_length(reason: str, conditions: list[sp.Basic | None]) -> bool:
    """Whether "vectors of different lengths (1..3 and 1..n)" is an instance the text set up: a
    condition written beside it gives the symbolic end its number (``n = 3``)."""
    spans = re.findall(r"(\w+)\.\.(\w+)", reason)
    numbers = {hi for _, hi in spans if hi.isdigit()}
    names = {hi for _, hi in spans if not hi.isdigit()}
    return len(numbers) == 1 and len(names) == 1 and any(
        isinstance(c, sp.Eq) and isinstance(c.lhs, sp.Symbol) and c.lhs.name in names
        and c.rhs == int(next(iter(numbers))) for c in conditions)


def listed_length(reason: str, span: tuple | None) -> sp.Basic | None:
    """``n = 3`` when "vectors of different lengths (1..3 and 1..n)" is a vector listed with three
    numbers whose family runs over 1..n (``z = (1, 2, 3)`` after ``\\sum_{i=1}^{n} e^{z_i}``): the
    instance the text sets up, or None."""
    found = re.fullmatch(r"[^(]*\(1\.\.(\d+) and 1\.\.(\w+)\).*", reason, re.S)
    if found is None or span is None or span[0] != 1 or not isinstance(span[1], sp.Symbol) \
            or span[1].name != found.group(2):
        return None
    return sp.Eq(span[1], sp.Integer(int(found.group(1))), evaluate=False)


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10}
_COUNT = r"(?P<count>\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_MATH_NAMES = r"(?P<names>\$[^$]+\$(?:\s*(?:,\s*and|,|and)\s*\$[^$]+\$)*)"
_LENGTH_IN_WORDS = (
    re.compile(rf"(?i){_MATH_NAMES}\s+(?:be|is|are)\s+(?:an?\s+)?(?:real\s+)?{_COUNT}[-\s]dimensional\b"),
    re.compile(rf"(?i)\b(?:an?|the|two|some)\s+(?:real\s+)?{_COUNT}[-\s]dimensional\s+(?:real\s+)?(?:\w+\s+){{0,2}}?"
               rf"{_MATH_NAMES}"),
    re.compile(rf"(?i){_MATH_NAMES}\s+(?:be|is|are)\s+(?:an?\s+)?(?:real\s+)?(?:vectors?|lists?|arrays?|sequences?)\s+"
               rf"(?:of\s+length|with)\s+{_COUNT}(?:\s+(?:entries|components|elements|coordinates))?\b"),
    re.compile(rf"(?i)\b(?:vectors?|inputs?)\s+{_MATH_NAMES}\s+(?:of\s+length|with)\s+{_COUNT}"
               rf"(?:\s+(?:entries|components|elements|coordinates))?\b"),
    re.compile(rf"{_MATH_NAMES}\s*(?:为|是)\s*(?P<count>\d+)\s*维"),
)
"""A vector's length said in words: "Let $x$ be a 3-dimensional vector", "a three-dimensional input $x$",
"$u$ and $v$ be vectors of length 2", "设 $x$ 为 3 维向量"."""


def lengths_in_words(lines: list[str]) -> list[tuple[int, str, sp.Integer]]:
    """(line, name, length) for each vector whose length the words give as a number; a sentence that
    hedges ("if", "not") gives none."""
    out: list[tuple[int, str, sp.Integer]] = []
    for number, line in enumerate(lines, 1):
        for sentence in re.split(r"(?<=[.!?;])\s+|(?<=[。！？；])", line):
            if re.search(r"(?i)\b(?:if|not|unless|whether|or)\b|如果|不", re.sub(r"\$[^$]*\$", " ", sentence)):
                continue
            for pattern in _LENGTH_IN_WORDS:
                for m in pattern.finditer(sentence):
                    count = m.group("count").lower()
                    size = sp.Integer(_NUMBER_WORDS.get(count) or int(count))
                    for tex in re.findall(r"\$([^$]+)\$", m.group("names")):
                        name = re.fullmatch(r"\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?([A-Za-z])\s*\}?\s*", tex)
                        if name is not None and size > 0:
                            out.append((number, name.group(1), size))
    return out

