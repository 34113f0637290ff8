"""softsym: check every step of a machine-learning derivation symbolically.

The names below are loaded on first use, so that ``import softsym.kernels`` (NumPy kernels) does
not pay for SymPy.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Bound": "domain", "Domain": "domain",
    "Derivation": "dsl", "DerivationBuilder": "dsl", "Kind": "dsl", "Source": "dsl", "Step": "dsl",
    "Counterexample": "verdict", "Status": "verdict", "Verdict": "verdict",
    **{f: "functions" for f in ("expm1", "log1p", "log_softmax", "logaddexp", "logit", "logsumexp", "sigmoid",
                                "softmax", "softplus")},
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'softsym' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
