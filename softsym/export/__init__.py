"""Export verified derivations: LaTeX (standalone or fragment), Markdown, and notebook display."""
from __future__ import annotations

from .latex import derivation_latex, latex_document
from .markdown import derivation_markdown, markdown_document
from .notebook import DerivationView, show

__all__ = ["DerivationView", "derivation_latex", "derivation_markdown", "latex_document", "markdown_document",
           "show"]
