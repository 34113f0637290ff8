"""NumPy kernels generated from the proved steps of ``derivations/stable_kernels.py``.

Each kernel's docstring names the derivation and the step it was printed from.  Importing this
package loads only NumPy and the generated source: the generator (SymPy) runs only in
``softsym kernels generate`` and in the test that checks the shipped source is current.
"""
from __future__ import annotations

from ._generated import (cross_entropy, cross_entropy_grad, log_sigmoid, log_softmax, logsumexp, sigmoid,
                         softmax, softmax_jacobian, softmax_jvp, softplus)

__all__ = ["cross_entropy", "cross_entropy_grad", "log_sigmoid", "log_softmax", "logsumexp", "sigmoid",
           "softmax", "softmax_jacobian", "softmax_jvp", "softplus"]
