"""``Context``: what the document declared before the expression being read."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import sympy as sp


def _default_dimension() -> sp.Symbol:
    return sp.Symbol("n", integer=True, positive=True)


@dataclass(frozen=True)
class Context:
    """Declarations the reader honours.

    Attributes:
        names: declared names (keys as SymPy spells them: ``"phi"``, ``"z"``, ``"y_hat"``) mapped to
            a ``Symbol``, an ``IndexedBase`` or a ``Function`` class; a declared name is used as is.
        dimension: the range end of ``\\sum_i``, ``\\sum_{k \\ne t}`` and ``softmax`` (they run from
            1 to it); the name it carries is read as this symbol everywhere.
        functions: names the document defined as functions (``f`` in ``f(x) := …``; a leading
            backslash is ignored), so that ``f(x)`` is an application and ``f'(x)`` a derivative.
        vectors: names the document made vectors (``\\mathbf{p} = \\mathrm{softmax}(z)``,
            ``z = [1, 2, 3]``), each with the range of its indices (``(1, 3)``; None: 1 to the
            dimension).  A bold lowercase name is a vector too.
        families: names written with an index somewhere in the document (``z`` of ``z_i``): inside
            ``\\mathrm{softmax}(z + c)`` they are the vector, the others scalars.
        column: with ``entry``, read a matrix relation at the entry (row ``entry``, column
            ``column``): ``\\mathrm{diag}(p)`` is ``δ(entry, column) p[entry]``, ``p q^\\top`` is
            ``p[entry] q[column]``, ``\\partial \\mathbf{s} / \\partial \\mathbf{z}`` the Jacobian's entry.
        range_ends: letters the document uses as sizes (``\\sum_{k=1}^{K}``, ``i = 1, …, N``); when
            given, a capital subscript that is not one of them names (``\\mu_B`` is the name mu_B, the
            batch's mean), while ``z_K`` stays an entry.  None: capitals index as any letter.
        entry_functions: the document's functions defined with an entry (``\\sigma(\\mathbf{z})_i = …``):
            ``\\sigma(\\mathbf{z})_k`` applies it to (z, k).
        labels: (name, superscript) pairs the document defines as names of their own (``define
            s_i^\\tau = …``, ``p_k^{(T)} = …``): there the superscript labels, it is no power.
        parameters: the parameters of the document's functions (``L(w) = …``: ``("w",)``): a function
            written without its argument (``\\frac{dL}{dw}``) is applied to them.
        bare: the functions (of ``parameters``) defined before the line read: written alone anywhere
            (``\\log Z`` after ``Z(\\beta) = …``) they are read as applied to their parameters, a guess.
        lengths: index ranges of families the document sums over one range only (``\\sum_{j=1}^{K}
            e^{z_j}``: z runs over 1..K), for the sums and softmax it leaves unbounded.
        bold_only: names of ``vectors`` the document defined in bold (``\\mathbf{z} = …``): the same
            letter in plain type (a scalar z) is not that vector.
        matrices: names the document made matrices (``J = \\mathrm{diag}(s) - s s^\\top``).
        letters: one-letter names the document has used alone before (``m`` and ``s``): a run of them
            (``2ms^2``) is their product, not a word.
        words: multi-letter words the document uses as names (``\\mathrm{Loss} = …``): such a word
            (upright or in plain letters) is that name.
        zero_based: families the document writes at index 0 (``s_0``), each with the highest number index
            written of it: a list of numbers given for one (``s = (0.8, 0.2, -0.1)``) runs from index 0 when
            that index fits in it (not with ``s_3`` beside three numbers).
        log_base: the base the text gives ``\\log`` in words ("log denotes the logarithm to base 2"):
            ``\\log x`` is then ``log(x)/log(2)``; ``\\ln`` stays natural.
        paired: families the document writes with two letter indices (``a_{ij}``, ``s_{i,l}``): there
            ``a_{11}`` is the entry (1, 1), as for ``matrices``, not entry 11.
        applied: names the document writes applied somewhere (``f(x)``, ``\\ell(w)``, even ``x(1 - x)``):
            a prime on one of them is a derivative, never the name of a new point (``x'``, ``y'``).
        random: names the words make random ("Let $n$ be a Poisson random variable"): never a constant
            size that ``Var(c X) = c² Var(X)`` takes out.
        entry: read vector-valued sides at this entry (``\\mathbf{p}`` is ``p[entry]``); None: a
            vector-valued side raises ``VectorValued``.
    """

    names: Mapping[str, sp.Basic] = field(default_factory=dict)
    dimension: sp.Symbol = field(default_factory=_default_dimension)
    functions: frozenset[str] = frozenset()
    vectors: Mapping[str, tuple[sp.Expr, sp.Expr] | None] = field(default_factory=dict)
    families: frozenset[str] = frozenset()
    entry: sp.Symbol | None = None
    words: frozenset[str] = frozenset()
    increments: bool = True
    """Whether ``\\Delta`` before a letter names an increment (``\\Delta z``): not where the document
    uses Δ as a name of its own (``\\Delta := 2``, the Laplacian)."""
    laplacian: bool = False
    """Whether the document calls ``\\Delta`` the Laplacian: an operator, not read (``\\Delta u`` is unparsed)."""
    nabla_other: bool = False
    """Whether the words make ``\\nabla`` another operator than the gradient ("∇ denotes the backward difference
    operator"): then it is not read."""
    special: frozenset[str] = frozenset()
    """Special functions the document's words name (``"digamma"``): ``\\psi(x)`` is then the digamma."""
    letters: frozenset[str] = frozenset()
    column: sp.Symbol | None = None
    matrices: frozenset[str] = frozenset()
    bold_only: frozenset[str] = frozenset()
    lengths: Mapping[str, tuple[sp.Expr, sp.Expr]] = field(default_factory=dict)
    parameters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    bare: frozenset[str] = frozenset()
    labels: frozenset[tuple[str, str]] = frozenset()
    entry_functions: frozenset[str] = frozenset()
    range_ends: frozenset[str] | None = None
    zero_based: Mapping[str, int] = field(default_factory=dict)
    paired: frozenset[str] = frozenset()
    applied: frozenset[str] = frozenset()
    random: frozenset[str] = frozenset()
    log_base: int | None = None
    valued_sums: frozenset[str] = frozenset()
    """Letters (``x``) the document sums over without bounds and also uses as numbers: ``\\sum_x`` over them
    is refused (over which values? the labels 1..n would be a guess)."""
    outcomes: frozenset[str] = frozenset()
    """Letters the document sums over as the outcomes of a finite set (``\\sum_x p(x) \\log q(x)``,
    ``\\sum_{x \\in \\mathcal{X}} e^{-\\beta E(x)}``): a name applied to one (``p(x)``, ``E(x)``,
    ``p_\\beta(x)``), and not defined as a function, is its value there, the entry ``p[x]`` of a family
    indexed by the outcomes.  Inside such a sum the letter labels; used as a number it is refused."""
    outcome_size: sp.Symbol | None = None
    """How many outcomes there are: the name the words give the count ("over $K$ outcomes", "$|\\mathcal{X}|
    = n$"), else a name of its own (``n_outcomes``) — never the document's n by default, which may count
    samples (a die's six faces are no n draws).  ``\\sum_x`` over the outcomes runs 1..it; ``|\\mathcal{X}|``
    is it."""
