"""Where details can be, found once per text for every identifying step.

Scanning 10 KB with a regular expression costs a few tenths of a millisecond however simple the
expression; a dozen detailed expressions over the whole text would cost more than the whole
budget. So the text is scanned once for its runs of digits, its "@" signs and the words that
announce a detail ("born", "name", "my son", "member"), and each detailed expression only reads
a few dozen characters around those places. An expression searched from `pos` still sees the
characters before it (its look-behinds work as on the whole text); `endpos` ends the text for
it, so every window runs a few characters past what it looks for, for the look-aheads.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from .cues import ABBREVIATIONS, REACH, SENTENCE_BREAK
from .folding import Prepared

# Digits, with at most two separators between two of them: "07700 900123", "(919) 555-0143",
# "8001 0112". A slash ends a run, so the three parts of 12/03/2026 are three short runs. Only
# the runs some step can use: five digits or more, or any beside a letter, where a postcode
# (SW1A, H2X) or a Medicare number (1EG4) starts; not "3 weeks" or "14:30".
_SEP_DIGIT = r"(?:[ \t().\-]{0,2}[0-9])"
_DIGIT_RUN = re.compile(
    rf"[0-9](?:{_SEP_DIGIT}{{4,}}|(?<=[^\W\d_][0-9]){_SEP_DIGIT}*|{_SEP_DIGIT}*(?=[^\W\d_]))")


class DigitRun(NamedTuple):
    start: int
    end: int
    digits: int  # how many digits


class Word(NamedTuple):
    """A word the steps asked for: folded, its index among the text's words, its span."""

    word: str
    index: int
    start: int
    end: int


@dataclass
class Scan:
    """A text and where its details can be."""

    text: str
    prepared: Prepared
    triggers: frozenset[str]  # the folded words that any step asks for

    @cached_property
    def digit_runs(self) -> list[DigitRun]:
        return [DigitRun(m.start(), m.end(), sum(map(str.isdigit, m.group())))
                for m in _DIGIT_RUN.finditer(self.text)]

    @cached_property
    def _trigger_words(self) -> list[Word]:
        prepared, wanted = self.prepared, self.triggers
        found = []
        for i in [i for i, word in enumerate(prepared.words) if word in wanted]:
            start, end = prepared.span(prepared.word_start(i), prepared.word_end(i))
            found.append(Word(prepared.words[i], i, start, end))
        return found

    def words(self, wanted: frozenset[str]) -> Iterator[Word]:
        """Each of the `wanted` words (folded) in the text, in order."""
        return (w for w in self._trigger_words if w.word in wanted)

    def word(self, i: int) -> str:
        """The folded word `i` places into the text ("" past either end)."""
        words = self.prepared.words
        return words[i] if 0 <= i < len(words) else ""

    def gap(self, i: int) -> str:
        """What comes between word i - 1 and word i ("" past either end)."""
        gaps = self.prepared.gaps
        return gaps[i] if 0 <= i < len(gaps) else ""

    def next_is_capitalised(self, i: int) -> bool:
        """Whether word i + 1 starts with a capital letter in the text as typed."""
        prepared = self.prepared
        if i + 1 >= len(prepared.words):
            return False
        start, _ = prepared.span(prepared.word_start(i + 1), prepared.word_end(i + 1))
        return self.text[start].isupper()

    def match(self, pattern: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
        """`pattern` matched at `start` exactly, reading no further than `end`."""
        return pattern.match(self.text, max(0, start), min(len(self.text), end))

    def cue(self, offset: int, table: dict[tuple[str, ...], str]) -> str | None:
        """The kind of the nearest cue of `table` in the few words before `offset` (a text
        offset), within its sentence; None when there is none."""
        prepared = self.prepared
        folded_offset = offset if prepared.origin is None else bisect.bisect_left(
            prepared.origin, offset)
        words, gaps = prepared.words, prepared.gaps
        first = bisect.bisect_right(prepared.word_ends, folded_offset)  # words wholly before
        for j in range(first - 1, max(first - 1 - REACH, -1), -1):
            if SENTENCE_BREAK.search(gaps[j + 1]) and not (
                    words[j] in ABBREVIATIONS and gaps[j + 1].lstrip().startswith(".")
                    and "\n" not in gaps[j + 1]):
                return None
            kind = (j and table.get((words[j - 1], words[j]))) or table.get((words[j],))
            if kind:
                return kind
        return None

    def window(self, pattern: re.Pattern[str], start: int, end: int) -> Iterator[re.Match[str]]:
        """The matches of `pattern` starting in [start, end), look-aheads seeing a little past."""
        return pattern.finditer(self.text, max(0, start), min(len(self.text), end))
