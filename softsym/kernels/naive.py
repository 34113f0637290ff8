"""The from-scratch softmax and cross-entropy of 004_e81365b828eb09e1.txt §二, as printed.

The corpus transcribes the printed torch code to NumPy once, as the code of two float claims marked
errata (derivation ``softmax_regression_code_in_floats`` in derivations/softmax_cross_entropy.py,
steps labelled ``printed_softmax`` and ``printed_cross_entropy``): ``X_exp = np.exp(X)``,
``X_exp / X_exp.sum(axis=1, keepdims=True)`` and ``-np.log(y_hat[range(len(y_hat)), y])``.
``softsym check`` refutes them there (NaN and inf where the exact values are finite); ``softsym
kernels validate`` runs the same functions on its hard inputs: no max is subtracted, so exp
overflows and the log of an underflowed probability is −inf.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..dsl import Derivation
from ..loader import default_path, load_file

DERIVATION = "softmax_regression_code_in_floats"
FILE = "softmax_cross_entropy.py"
LABELS = {"softmax": "printed_softmax", "cross_entropy": "printed_cross_entropy"}


def naive_kernels(derivation: Derivation | None = None) -> dict[str, Callable[..., np.ndarray]]:
    """``{"softmax": f(z), "cross_entropy": g(z, t)}`` for 2-D logits z and classes t (0-based): the
    code of the corpus's float claims on the printed code."""
    if derivation is None:
        found, error = load_file(default_path() / FILE)
        if error is not None:
            raise RuntimeError(str(error))
        derivation = next(d for d in found if d.name == DERIVATION)
    kernels = {}
    for name, label in LABELS.items():
        claim = derivation.step_labelled(label).float_claim
        if claim is None:
            raise RuntimeError(f"step {label!r} of {DERIVATION} is not a float claim")
        kernels[name] = claim.code
    return kernels
