"""What screening reports: one finding per detail, and the one rule that settles overlaps.

A finding's `kind` is one of KINDS. `start` and `end` are offsets into the text as typed, so
`text[start:end] == finding.text` always holds and a moderator's redaction can use the span as is.
`reason` says in a few plain words why it was flagged (for the moderator, not the person);
`confidence` is between 0 and 1: 0.95 and above when a check digit or an unambiguous pattern
confirms it, about 0.7 when only the shape and the words around it do.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable
from dataclasses import dataclass

EMAIL = "email"
PHONE = "phone"
POSTCODE = "postcode"
HEALTH_NUMBER = "health_number"
DATE_OF_BIRTH = "date_of_birth"
NAME = "name"
ABUSE = "abuse"
RISK = "risk"

KINDS = (EMAIL, PHONE, POSTCODE, HEALTH_NUMBER, DATE_OF_BIRTH, NAME, ABUSE, RISK)
# Details that could identify the writer of an anonymous case (PRODUCT.md §3).
IDENTIFYING_KINDS = frozenset({EMAIL, PHONE, POSTCODE, HEALTH_NUMBER, DATE_OF_BIRTH, NAME})

# When two findings overlap, the earlier kind here keeps its span. Risk comes first so a
# safety finding is never hidden by another; then the more specific a detail, the earlier: an
# email holds a name, a health number's digits also look like a phone number, a date of birth
# like a number, and abuse is last because it changes nothing but a word.
PRECEDENCE = (RISK, EMAIL, HEALTH_NUMBER, DATE_OF_BIRTH, POSTCODE, PHONE, NAME, ABUSE)
_RANK = {kind: rank for rank, kind in enumerate(PRECEDENCE)}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str
    reason: str = ""
    confidence: float = 1.0


def settle(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that remain once overlaps are settled, in the order of the text.

    Of two overlapping findings the kind earlier in PRECEDENCE wins, then the longer, then the
    earlier one; the rule depends on nothing but the findings, so the result is the same
    whatever order the steps ran in.
    """
    starts: list[int] = []  # the kept findings' starts and ends, in the order of the text
    ends: list[int] = []
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (_RANK[f.kind], f.start - f.end, f.start)):
        at = bisect.bisect_left(starts, finding.start)
        clear_before = at == 0 or ends[at - 1] <= finding.start
        clear_after = at == len(starts) or finding.end <= starts[at]
        if clear_before and clear_after:
            starts.insert(at, finding.start)
            ends.insert(at, finding.end)
            kept.insert(at, finding)
    return kept


class Spans:
    """Spans of text, asked whether a span overlaps any of them (in logarithmic time)."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(itertools.accumulate((end for _, end in ordered), max))

    def overlap(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with any of the spans."""
        before_end = bisect.bisect_left(self._starts, end)  # the spans starting before `end`
        return before_end > 0 and self._reach[before_end - 1] > start
