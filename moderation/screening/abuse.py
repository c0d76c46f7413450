"""Abusive language: swearing, insults and slurs, in English, French and Quebec French (§6).

The lists are data (data/abuse_*.txt, each naming its source and licence, plus the phrases an
administrator adds); the matching is the shared word-list reading of folding.py and
wordlists.py: whole words only, so "Scunthorpe", "assess" and "cockpit" are never abuse, and
disguised spellings (f*ck, sh1t, tabarn@k, fuuuck) are read as the plain word. Abuse never
blocks a complaint: the finding tells a moderator which words to redact.
"""

from __future__ import annotations

from .findings import ABUSE, Finding
from .folding import Prepared
from .wordlists import Hit, longest_first, without_exceptions


def find_abuse(prepared: Prepared, hits: list[Hit]) -> list[Finding]:
    """Every listed swear word, insult or slur among the abuse lists' `hits` in the text."""
    findings = []
    for hit in longest_first(without_exceptions(hits)):
        start, end = prepared.span(hit.start, hit.end)
        how = "disguised spelling of" if hit.disguised else "listed"
        findings.append(Finding(ABUSE, start, end, prepared.text[start:end],
                                f"{how} “{hit.entry.phrase}” ({hit.entry.source})",
                                0.75 if hit.disguised else 0.9))
    return findings
