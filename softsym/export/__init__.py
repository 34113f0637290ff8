"""Export verified derivations: LaTeX (standalone or fragment), Markdown, and notebook display."""
from __future__ import annotations

from .latex import latex_document
from .markdown import markdown_document

__all__ = ["latex_document", "markdown_document"]
