"""softsym: check every step of a machine-learning derivation symbolically."""
from __future__ import annotations

__version__ = "0.1.0"

from .domain import Bound, Domain  # noqa: E402
from .dsl import Derivation, DerivationBuilder, Kind, Source, Step  # noqa: E402
from .verdict import Counterexample, Status, Verdict  # noqa: E402

__all__ = ["Bound", "Counterexample", "Derivation", "DerivationBuilder", "Domain", "Kind", "Source",
           "Status", "Step", "Verdict", "__version__"]
