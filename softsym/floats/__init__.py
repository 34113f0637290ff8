"""Claims about floating-point results: transcribed NumPy code against the exact value, in IEEE
float64 and float32, at given and searched inputs (``d.float_claim``).

``claim.py`` holds a claim as data (and reads what the derivation file wrote), ``points.py`` the
inputs it is tested at, ``exact.py`` the exact value (mpmath, 50 digits and more), ``check.py`` the
verdict: ``refuted`` with the input, or ``checked-numerically`` — evidence, never a proof.
"""
from __future__ import annotations

from .claim import ClaimError, FloatClaim

__all__ = ["ClaimError", "FloatClaim"]
