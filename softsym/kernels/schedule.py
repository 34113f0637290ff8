"""From one array expression to a straight line of NumPy operations on preallocated block buffers.

Three passes: ``linearize`` (one operation per node of the expression DAG, shared subexpressions
once, sums ordered so that the inputs are combined before derived terms: ``(z − m) − log1p(s)``,
never ``z − (m + log1p(s))``), ``order`` (a topological order that runs every reader of an array
before the operation that overwrites it), ``allocate`` (liveness-based buffers: an operation
writes over an operand that dies there, the result chain ends in the caller's output block).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p

from .ir import AddDiagonal, ArgMax, AsColumn, AsRow, Put, RowEqual, RowMax, RowSum, Take
from .lower import Lowered

UFUNCS = {sp.exp: "exp", sp.log: "log", log1p: "log1p", expm1: "expm1", sp.Abs: "absolute", sp.sign: "sign"}
FOLDS = {sp.Max: "maximum", sp.Min: "minimum"}
ELEMENTWISE = frozenset({"add", "subtract", "multiply", "divide", "negative", "power", *UFUNCS.values(),
                         *FOLDS.values()})
MUTATING = frozenset({"put", "add_diagonal"})     # write into their first operand
OUT = "out_"


@dataclass(frozen=True)
class Op:
    """``value = fn(*args)``."""

    value: sp.Symbol
    fn: str
    args: tuple[sp.Basic, ...]
    kind: str                      # full | outer | row | index | view

    @property
    def overwrites(self) -> sp.Basic | None:
        """The operand whose buffer this operation must write into (or a copy of it)."""
        return self.args[0] if self.fn in MUTATING else None


@dataclass(frozen=True)
class Program:
    """The operations of one block, in order, with the buffer each value lives in."""

    ops: tuple[Op, ...]
    inputs: tuple[sp.Symbol, ...]
    output: sp.Symbol
    buffers: dict[sp.Symbol, str] = field(default_factory=dict)   # value -> buffer name
    kinds: dict[str, str] = field(default_factory=dict)           # buffer name -> kind
    copies: frozenset[sp.Symbol] = frozenset()                    # mutating ops that copy first


def compile_program(lowered: Lowered) -> Program:
    """Linearize, order and allocate ``lowered``."""
    lin = _Linearizer(lowered)
    output = lin.value(lowered.expr)
    ops = order(lin.ops)
    return allocate(Program(tuple(ops), lin.inputs, output), lin.kind_of)


# -- 1. linearize ----------------------------------------------------------------------------------------
def _cost(e: sp.Basic) -> int:
    return sum(1 for _ in sp.preorder_traversal(e))


def _negated(e: sp.Basic) -> sp.Basic | None:
    coeff, rest = e.as_coeff_Mul()
    return -e if coeff.is_Number and coeff < 0 else None


class _Linearizer:
    def __init__(self, lowered: Lowered) -> None:
        self.inputs = lowered.arrays + ((lowered.classes,) if lowered.classes is not None else ())
        self.dense_kind = "outer" if lowered.spec.layout == "outer" else "full"
        self.kind_of: dict[sp.Basic, str] = {a: "full" for a in lowered.arrays}
        if lowered.classes is not None:
            self.kind_of[lowered.classes] = "index"
        self.ops: list[Op] = []
        self.memo: dict[sp.Basic, sp.Basic] = {}

    def value(self, e: sp.Basic) -> sp.Basic:
        if e.is_Number or e in self.inputs:
            return e
        if e not in self.memo:
            op = self.build(e)
            self.ops.append(op)
            self.kind_of[op.value] = op.kind
            self.memo[e] = op.value
        return self.memo[e]

    def _op(self, fn: str, *args: sp.Basic, kind: str | None = None) -> Op:
        if kind is None:
            kinds = {self.kind_of.get(a, "row") for a in args if not a.is_Number}
            kind = self.dense_kind if kinds & {"full", "outer", "view"} else "row"
        return Op(sp.Symbol(f"_v{len(self.ops)}_{fn}"), fn, args, kind)

    def _then(self, op: Op) -> sp.Symbol:
        """Append an intermediate operation (one that is not the node being built)."""
        self.ops.append(op)
        self.kind_of[op.value] = op.kind
        return op.value

    def build(self, e: sp.Basic) -> Op:
        if e.is_Add:
            return self._sum(e)
        if e.is_Mul:
            return self._product(e)
        if e.is_Pow:
            if e.exp == -1:
                return self._op("divide", sp.S.One, self.value(e.base))
            if e.exp == 2:
                b = self.value(e.base)
                return self._op("multiply", b, b)
            return self._op("power", self.value(e.base), e.exp)
        if type(e) in UFUNCS:
            return self._op(UFUNCS[type(e)], *[self.value(a) for a in e.args])
        if type(e) in FOLDS:
            args = sorted(e.args, key=lambda a: (_cost(a), sp.default_sort_key(a)))
            acc = self.value(args[0])
            for a in args[1:-1]:
                acc = self._then(self._op(FOLDS[type(e)], acc, self.value(a)))
            return self._op(FOLDS[type(e)], acc, self.value(args[-1]))
        if isinstance(e, RowSum):
            return self._op("row_sum", self.value(e.args[0]), kind="row")
        if isinstance(e, RowEqual):
            return self._op("equal", self.value(e.args[0]), self.value(e.args[1]), kind="row")
        if isinstance(e, RowMax):
            return self._op("row_max", self.value(e.args[0]), kind="row")
        if isinstance(e, ArgMax):
            return self._op("argmax", self.value(e.args[0]), kind="index")
        if isinstance(e, Take):
            return self._op("take", self.value(e.args[0]), self.value(e.args[1]), kind="row")
        if isinstance(e, Put):
            x = self.value(e.args[0])
            return self._op("put", x, self.value(e.args[1]), self.value(e.args[2]), kind=self.kind_of[x])
        if isinstance(e, AddDiagonal):
            x = self.value(e.args[0])
            return self._op("add_diagonal", x, self.value(e.args[1]), kind="outer")
        if isinstance(e, (AsColumn, AsRow)):
            return self._op("as_column" if isinstance(e, AsColumn) else "as_row", self.value(e.args[0]), kind="view")
        raise TypeError(f"no NumPy operation for {type(e).__name__}: {e}")

    def _is_row(self, e: sp.Basic) -> bool:
        return not e.is_Number and self.kind_of.get(self.value(e)) == "row"

    def _sum(self, e: sp.Add) -> Op:
        # inputs first (the exact or nearly exact differences), derived terms last; a positive term leads
        terms = sorted(e.args, key=lambda a: (_cost(a), sp.default_sort_key(a)))
        for t in terms:                      # build the terms first: a partial sum may then be shared
            self.value(_negated(t) if _negated(t) is not None else t)
        partial = max((p for p in self.memo if p.is_Add and set(p.args) < set(terms)),
                      key=lambda p: (len(p.args), sp.default_sort_key(p)), default=None)
        if partial is not None:
            terms = [partial] + [t for t in terms if t not in partial.args]
        lead = next((t for t in terms if _negated(t) is None), None)
        if lead is None:
            return self._op("negative", self.value(-e))
        terms.remove(lead)
        acc = self.value(lead)
        for k, t in enumerate(terms):
            neg = _negated(t)
            op = self._op("subtract", acc, self.value(neg)) if neg is not None else self._op("add", acc, self.value(t))
            if k == len(terms) - 1:
                return op
            acc = self._then(op)
        raise AssertionError("an Add has at least two terms")

    def _product(self, e: sp.Mul) -> Op:
        coeff, rest = e.as_coeff_Mul()
        factors = sp.Mul.make_args(rest)
        num = sorted((f for f in factors if not (f.is_Pow and f.exp == -1)), key=lambda a: (_cost(a), sp.default_sort_key(a)))
        den = [f.base for f in factors if f.is_Pow and f.exp == -1]
        steps: list[tuple[str, sp.Basic]] = [("multiply", f) for f in num[1:]] + [("divide", d) for d in den]
        if coeff != 1:
            steps.append(("negative", sp.S.NegativeOne) if coeff == -1 else ("multiply", coeff))
        acc: sp.Basic = self.value(num[0]) if num else sp.S.One
        if self.kind_of.get(acc) in ("full", "outer"):
            # a block divided by one value per row: multiply by the row's reciprocal (a division per
            # row, a multiplication per entry; 1/d is shared where the formula uses it too)
            steps = [("multiply", sp.Pow(f, -1)) if fn == "divide" and self._is_row(f) else (fn, f) for fn, f in steps]
        for k, (fn, f) in enumerate(steps):
            op = self._op("negative", acc) if fn == "negative" else self._op(fn, acc, f if f.is_Number else self.value(f))
            if k == len(steps) - 1:
                return op
            acc = self._then(op)
        raise AssertionError("a Mul has at least two factors")


# -- 2. order --------------------------------------------------------------------------------------------
def order(ops: list[Op]) -> list[Op]:
    """A topological order in which every reader of a value runs before an op that overwrites it."""
    produced = {op.value for op in ops}
    readers: dict[sp.Basic, list[Op]] = defaultdict(list)
    for op in ops:
        for a in op.args:
            readers[a].append(op)
    done: set[sp.Basic] = set()
    left = list(ops)
    out: list[Op] = []
    while left:
        ready = [op for op in left if all(a in done or a not in produced for a in op.args)]

        def destroys_live(op: Op) -> bool:
            target = op.overwrites
            return target is not None and any(r is not op and r in left for r in readers[target])
        pick = min(ready, key=lambda op: (destroys_live(op), left.index(op)))
        out.append(pick)
        done.add(pick.value)
        left.remove(pick)
    return out


# -- 3. allocate -----------------------------------------------------------------------------------------
def _in_place_operand(op: Op, index: int, last_use: dict[sp.Basic, int], kind_of: dict[sp.Basic, str],
                      produced: set[sp.Basic]) -> sp.Basic | None:
    if op.overwrites is not None:
        candidates = [op.overwrites]
    elif op.fn in ELEMENTWISE:
        candidates = list(op.args)
    else:
        return None
    for a in candidates:
        if a in produced and last_use[a] == index and kind_of[a] == op.kind and op.kind != "view":
            return a
    return None


def allocate(program: Program, kind_of: dict[sp.Basic, str]) -> Program:
    """Give every value a buffer: ``out_`` for the result chain, reused temporaries for the rest."""
    ops = program.ops
    produced = {op.value for op in ops}
    producer = {op.value: (k, op) for k, op in enumerate(ops)}
    last_use: dict[sp.Basic, int] = {}
    for k, op in enumerate(ops):
        for a in op.args:
            last_use[a] = k
    last_use[program.output] = len(ops)
    buffers: dict[sp.Symbol, str] = {}
    v: sp.Basic | None = program.output
    while v is not None and v in produced:          # the chain of in-place operations that ends in out_
        buffers[v] = OUT
        k, op = producer[v]
        v = _in_place_operand(op, k, last_use, kind_of, produced)
    kinds: dict[str, str] = {OUT: kind_of[program.output]}
    free: dict[str, list[str]] = defaultdict(list)
    copies: set[sp.Symbol] = set()
    prefix = {"full": "b", "outer": "b", "row": "r", "index": "i"}
    # Before the result chain writes its first value into out_, out_ is free: a temporary of the
    # output's kind that dies by then lives there (its memory is then hot in cache when the result is
    # written, instead of a second block's worth of memory).
    first_out = min((k for k, op in enumerate(ops) if buffers.get(op.value) == OUT), default=-1)
    out_busy_until = -1
    for k, op in enumerate(ops):
        if op.kind == "view":
            continue
        if op.value not in buffers:
            a = _in_place_operand(op, k, last_use, kind_of, produced)
            if a is not None and buffers[a] == OUT and last_use[op.value] > first_out:
                a = None                    # it would still live when the result chain writes out_
            if a is not None:
                buffers[op.value] = buffers[a]
                if buffers[a] == OUT:
                    out_busy_until = last_use[op.value]
            elif (k < first_out and op.kind == kinds[OUT] and op.overwrites is None and out_busy_until < k
                  and (last_use[op.value] < first_out
                       or (last_use[op.value] == first_out and ops[first_out].fn in ELEMENTWISE))):
                buffers[op.value] = OUT
                out_busy_until = last_use[op.value]
            else:
                if op.overwrites is not None:
                    copies.add(op.value)
                name = free[op.kind].pop() if free[op.kind] else f"{prefix[op.kind]}{sum(1 for n, kd in kinds.items() if kd == op.kind and n != OUT)}"
                kinds[name] = op.kind
                buffers[op.value] = name
        elif op.value in buffers and buffers[op.value] == OUT and op.overwrites is not None:
            a = op.overwrites
            if buffers.get(a) != OUT:
                copies.add(op.value)
        for a in set(op.args):
            if a in produced and last_use[a] == k and buffers.get(a) not in (None, OUT) \
                    and buffers[a] != buffers[op.value]:
                free[kind_of[a]].append(buffers[a])
    return replace(program, buffers=buffers, kinds=kinds, copies=frozenset(copies))
