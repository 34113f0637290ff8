"""Which kernel is printed from which proved step: the table the generator reads, as data."""
from __future__ import annotations

from dataclasses import dataclass, replace

DERIVATION_FILE = "stable_kernels.py"


@dataclass(frozen=True)
class KernelSpec:
    """One kernel of ``softsym.kernels``.

    Attributes:
        name: the Python name of the kernel.
        derivation: the derivation (in ``derivations/stable_kernels.py``) holding its formula.
        label: the label of the step whose right-hand side is the formula.
        layout: ``"rows"`` (vectors along the last axis), ``"outer"`` (an ``(n, n)`` block per row)
            or ``"elementwise"``.
        arrays: the names of the inputs in the step (IndexedBases, or the scalar symbol of an
            elementwise kernel), in argument order.
        entries: the free indices that run over the entries of a row (``("i",)``, ``("i", "j")``
            for outer); none for a kernel that reduces each row to one value.
        classes: the index that is an argument of the kernel, one class per row (``"t"``).
        at_class: the label of a second step that gives entry ``classes`` of the result (a gradient
            p − onehot(t) is the softmax step with the target entry from its own proved step).
        summary: the first line of the docstring.
        short_label, short_at_class: the steps that give the same values for rows of at most
            ``_runtime.SHORT_ROW`` entries, where another formula is faster (a strategy per shape:
            for short rows NumPy's argmax costs ~30 ns per row, the row max far less).
    """

    name: str
    derivation: str
    label: str
    layout: str
    arrays: tuple[str, ...]
    entries: tuple[str, ...] = ()
    classes: str = ""
    at_class: str = ""
    summary: str = ""
    short_label: str = ""
    short_at_class: str = ""

    def for_short_rows(self) -> KernelSpec | None:
        """The spec whose steps are printed for short rows, if the kernel has such steps."""
        if not self.short_label:
            return None
        return replace(self, label=self.short_label, at_class=self.short_at_class, short_label="", short_at_class="")

    def labels(self) -> tuple[str, ...]:
        """Every step label the kernel is printed from."""
        return tuple(x for x in (self.label, self.at_class, self.short_label, self.short_at_class) if x)

    @property
    def signature(self) -> str:
        """The Python parameter list of the kernel."""
        params = list(self.arrays) + ([self.classes] if self.classes else [])
        if self.layout == "rows":
            params.append("axis=-1")
        return ", ".join(params)


KERNELS: tuple[KernelSpec, ...] = (
    KernelSpec("softmax", "stable_softmax", "softmax", "rows", ("z",), ("i",),
               summary="softmax(z) along ``axis``: exp(z_i) / Σ_k exp(z_k).", short_label="softmax_shifted"),
    KernelSpec("log_softmax", "stable_logsumexp_log_softmax", "log_softmax", "rows", ("z",), ("i",),
               summary="log softmax(z) along ``axis``: z_i − logsumexp(z)."),
    KernelSpec("logsumexp", "stable_logsumexp_log_softmax", "logsumexp", "rows", ("z",),
               summary="log Σ_k exp(z_k) along ``axis`` (that axis is reduced)."),
    KernelSpec("sigmoid", "stable_sigmoid_softplus", "sigmoid", "elementwise", ("x",),
               summary="The logistic sigmoid 1 / (1 + exp(−x)), elementwise."),
    KernelSpec("log_sigmoid", "stable_sigmoid_softplus", "log_sigmoid", "elementwise", ("x",),
               summary="log sigmoid(x) = −softplus(−x), elementwise."),
    KernelSpec("softplus", "stable_sigmoid_softplus", "softplus", "elementwise", ("x",),
               summary="softplus(x) = log(1 + exp(x)), elementwise."),
    KernelSpec("softmax_jacobian", "stable_softmax_jacobian", "softmax_jacobian", "outer", ("p",), ("i", "j"),
               summary="The softmax Jacobian ∂p_i/∂z_j = p_i (δ_ij − p_j) from the softmax output p: "
                       "shape ``(..., n, n)``."),
    KernelSpec("softmax_jvp", "stable_softmax_jacobian", "softmax_jvp", "rows", ("p", "v"), ("i",),
               summary="J·v = p ⊙ (v − Σ p ⊙ v) along ``axis``, from the softmax output p."),
    KernelSpec("cross_entropy", "stable_cross_entropy", "cross_entropy", "rows", ("z",), classes="t",
               summary="−log softmax(z)_t for logits z and class indices t (shape ``z.shape[:-1]``)."),
    KernelSpec("cross_entropy_grad", "stable_cross_entropy", "softmax_of_logits", "rows", ("z",), ("i",),
               classes="t", at_class="cross_entropy_grad_at_target",
               short_label="softmax_of_logits_shifted", short_at_class="cross_entropy_grad_at_target_shifted",
               summary="The gradient softmax(z) − onehot(t) of the cross-entropy with respect to the logits z\n"
                       "(−∂ln p_t/∂z_i = p_i − δ_it is step 4 of the same derivation)."),
)

BY_NAME = {k.name: k for k in KERNELS}
