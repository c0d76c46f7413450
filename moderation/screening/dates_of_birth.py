"""Dates of birth: a date next to the words that make it one (§3).

A date alone is not identifying (appointments, letters, calls all have dates); a date after
"born", "date of birth", "DOB", "birthday", "né le", "née en", "date de naissance", "DDN", or
followed by "(DOB)", is. Between the words and the date only small words may stand ("on the",
"is", "le", "est"), or a place ("born in Leeds on", "née à Québec le"), so a date later in the
sentence ("born early, and on 3 May 2024 we waited") is not taken for one. The finding is the
date itself: that is what a moderator redacts.
"""

from __future__ import annotations

import re

from .findings import DATE_OF_BIRTH, Finding
from .scan import Scan

_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|"
    r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|"
    r"d[ée]cembre|janv|f[ée]vr?|avr|juil|d[ée]c"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er|re|e)?"
_YEAR = r"(?:19|20)\d\d"
_DATE = (
    rf"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:{_YEAR}|\d\d)(?!\d)"
    rf"|{_YEAR}[/.\-]\d{{1,2}}[/.\-]\d{{1,2}}(?!\d)"
    rf"|\d{{1,2}} \d{{1,2}} {_YEAR}"
    rf"|{_DAY}\s+(?:of\s+)?(?:{_MONTHS})\b\.?(?:,?\s+{_YEAR}|\s+'?\d\d(?![\d:h]))?"
    rf"|(?:{_MONTHS})\b\.?\s+{_DAY}\b(?:,?\s+{_YEAR})?"
    rf"|(?:{_MONTHS})\b\.?,?\s+{_YEAR}"
    rf"|{_YEAR})(?![\d/])"
)
_CUE = (
    r"(?:date\s+of\s+birth|birth\s*date|birthday|d\.o\.b\.?|dob|born"
    r"|date\s+de\s+naissance|date\s+de\s+naiss\.?|ddn|anniversaire"
    r"|n[ée]e?s?(?=\s+(?:le|en|à|a)\b)|(?<=\()b\.)"
)
_SMALL_WORDS = r"(?:on|in|the|is|was|of|at|around|circa|c\.|le|en|est|était|etait|au|du|:)"
_PLACE = r"(?:(?:in|at|à|a)\s+[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+){0,2},?\s+(?:on|le|en)\s+)"
_AFTER_CUE = re.compile(
    rf"(?<!\w){_CUE}(?!\w)\s*[:\-–(]?\s*(?:{_PLACE}|(?:{_SMALL_WORDS}\s+){{0,3}})"
    rf"(?P<date>{_DATE})",
    re.IGNORECASE,
)
_BEFORE_CUE = re.compile(
    rf"(?<![\w/.])(?P<date>{_DATE})\s*[,(\[]?\s*(?:dob|d\.o\.b\.?|date of birth|ddn"
    r"|date de naissance)(?!\w)",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"(\d{1,4})[/.\- ](\d{1,2})[/.\- ](\d{2,4})")


# The cue words, folded, that start the search ("date of birth" starts at "birth" too).
TRIGGERS = frozenset(
    "born birth birthday birthdate dob b naissance naiss ddn anniversaire ne nee nes nees".split())
AFTER_TRIGGERS = TRIGGERS - {"birth", "naissance", "naiss"} | {"date", "d"}
_BEFORE_TRIGGERS = frozenset("dob b birth ddn naissance".split())
_ALL_TRIGGERS = TRIGGERS | AFTER_TRIGGERS
# Common words that are cues only before these: "d.o.b", "date of birth", "née le".
_MUST_FOLLOW = {"d": {"o"}, "date": {"of", "de"}, "ne": {"le", "en", "a"},
                "nee": {"le", "en", "a"}, "nes": {"le", "en", "a"}, "nees": {"le", "en", "a"}}


def find_dates_of_birth(scan: Scan) -> list[Finding]:
    """Dates given as someone's date of birth."""
    found = []
    for w in scan.words(_ALL_TRIGGERS):
        follows = _MUST_FOLLOW.get(w.word)
        if follows is not None and scan.word(w.index + 1) not in follows:
            continue
        matches = []
        if w.word in AFTER_TRIGGERS:
            matches.append(scan.match(_AFTER_CUE, w.start, w.start + 100))
        if w.word in _BEFORE_TRIGGERS:
            matches += [m for m in scan.window(_BEFORE_CUE, w.start - 48, w.end + 20)
                        if m.end() >= w.end]
        for m in filter(None, matches):
            date = m.group("date").rstrip(".,")
            if _plausible(date):
                date_start = m.start("date")
                found.append(Finding(DATE_OF_BIRTH, date_start, date_start + len(date), date,
                                     "date after words that make it a date of birth", 0.9))
    return found


def _plausible(date: str) -> bool:
    """A numeric date must have a day and a month in range, in either order."""
    m = _NUMERIC.fullmatch(date)
    if m is None:
        return True
    a, b, c = (int(g) for g in m.groups())
    if len(m.group(1)) == 4:
        a, c = c, a  # year first
    return 1 <= b <= 31 and 1 <= a <= 31 and (a <= 12 or b <= 12)
