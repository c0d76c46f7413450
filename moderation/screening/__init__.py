"""Screening: the pure steps every submission and every message from a person passes before
anyone else reads it (PRODUCT.md §3, §6). One entry point, `screen`; see pipeline.py."""

from .findings import IDENTIFYING_KINDS, KINDS, Finding
from .pipeline import identifying_findings, needs_moderation, risk_findings, screen
from .wordlists import Term

__all__ = ["IDENTIFYING_KINDS", "KINDS", "Finding", "Term", "identifying_findings",
           "needs_moderation", "risk_findings", "screen"]
