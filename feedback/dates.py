"""Dates and times as people read them: in the reader's language, written the way the service's
country writes them, in the case's time zone, saying whose time it is.

Pure: no database, no settings, no `now()`, no catalogue. The reader's language and the case's
calendar (anything with an IANA `timezone` and an ISO `country`, such as a
`feedback.deadlines.Calendar`) are passed in. A date's grammar is not a sentence a translator can
reorder (French writes "1er" on the first; the United States puts the month first), so the words
are kept here, per language, and held by a table-driven test (tests/feedback/test_dates.py).

One form for each reader, in every page, email, message and receipt (1 December 2026, 17:00):

    reader                     date                date and time
    English, GB (and others)   1 December 2026     1 December 2026, 5pm UK time
    English, US                December 1, 2026    December 1, 2026, 5:00 PM Eastern time
    English, CA                December 1, 2026    December 1, 2026, 5 p.m. Eastern time
    French, any country        1er décembre 2026   1er décembre 2026, 17 h (heure de l’Est)

- English GB follows the GOV.UK and NHS style guides: "5pm", "5:30pm", "midday", "midnight".
  It is also the form for every country not listed (day first is the international order).
- English US: "5:00 PM", "5:30 PM", "12:00 PM" (noon), "12:00 AM" (midnight), as US forms and
  devices write them.
- English CA follows The Canadian Style: "5 p.m.", "5:30 p.m.", "noon", "midnight".
- French (Office québécois de la langue française), whatever the country: "17 h", "17 h 30",
  "12 h", "0 h", and "1er" on the first of the month.
- A time always says whose time it is, in the reader's language ("5pm UK time", "17 h (heure de
  l’Est)"): the reader may be elsewhere, or read the email later. The name does not change with
  summer time; a zone with no name here shows its abbreviation ("5pm CET", "17 h (CET)"). A date
  alone needs no zone, but it is always the day in the case's time zone.
- Seconds are dropped: a calendar-day deadline (23:59:59) reads "11:59pm".
- No form ends with a full stop, so a sentence ending with a date never gets two ("p.m..").
- A time's parts are held together by no-break spaces (U+00A0): "17 h 30", "5:00 PM".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

NBSP = "\u00a0"

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")

# Friendly names for the zones the portal's commissioners use, (English, French). The name stays
# the same across daylight saving time: 1 July in London is still "UK time".
_UK = ("UK time", "heure du Royaume-Uni")
_EASTERN = ("Eastern time", "heure de l’Est")
_CENTRAL = ("Central time", "heure du Centre")
_MOUNTAIN = ("Mountain time", "heure des Rocheuses")
_PACIFIC = ("Pacific time", "heure du Pacifique")
_ATLANTIC = ("Atlantic time", "heure de l’Atlantique")
ZONE_NAMES: dict[str, tuple[str, str]] = {
    "Europe/London": _UK, "Europe/Belfast": _UK, "GB": _UK,
    # Quebec keeps Eastern time, whatever the city in its zone's name.
    **dict.fromkeys(("America/New_York", "America/Toronto", "America/Montreal",
                     "America/Detroit", "America/Iqaluit", "America/Indiana/Indianapolis",
                     "America/Kentucky/Louisville", "US/Eastern", "Canada/Eastern"), _EASTERN),
    **dict.fromkeys(("America/Chicago", "America/Winnipeg", "America/Indiana/Knox",
                     "America/Menominee", "US/Central", "Canada/Central"), _CENTRAL),
    **dict.fromkeys(("America/Denver", "America/Edmonton", "America/Boise", "US/Mountain",
                     "Canada/Mountain"), _MOUNTAIN),
    **dict.fromkeys(("America/Los_Angeles", "America/Vancouver", "US/Pacific",
                     "Canada/Pacific"), _PACIFIC),
    **dict.fromkeys(("America/Halifax", "America/Moncton", "America/Glace_Bay",
                     "America/Goose_Bay", "Canada/Atlantic"), _ATLANTIC),
    # Places that do not change their clocks with their neighbours are named for themselves:
    # "Central time" in July would be an hour out in Regina.
    **dict.fromkeys(("America/St_Johns", "Canada/Newfoundland"),
                    ("Newfoundland time", "heure de Terre-Neuve")),
    **dict.fromkeys(("America/Regina", "America/Swift_Current", "Canada/Saskatchewan"),
                    ("Saskatchewan time", "heure de la Saskatchewan")),
    **dict.fromkeys(("America/Phoenix", "US/Arizona"), ("Arizona time", "heure de l’Arizona")),
    **dict.fromkeys(("America/Anchorage", "America/Juneau", "US/Alaska"),
                    ("Alaska time", "heure de l’Alaska")),
    **dict.fromkeys(("Pacific/Honolulu", "US/Hawaii"), ("Hawaii time", "heure d’Hawaï")),
}


class Where(Protocol):
    """The part of a case's calendar that decides how its dates are written."""

    timezone: str  # IANA name, e.g. "Europe/London"
    country: str   # ISO 3166 code, e.g. "GB"


# ---- the forms, per reader ----

def _date_day_first(day: date) -> str:
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def _date_month_first(day: date) -> str:
    return f"{_MONTHS_EN[day.month - 1]} {day.day}, {day.year}"


def _date_french(day: date) -> str:
    return f"{'1er' if day.day == 1 else day.day} {_MONTHS_FR[day.month - 1]} {day.year}"


def _clock_gb(hour: int, minute: int) -> str:
    if minute == 0 and hour in (0, 12):
        return "midnight" if hour == 0 else "midday"
    suffix = "am" if hour < 12 else "pm"
    hour = hour % 12 or 12
    return f"{hour}{suffix}" if minute == 0 else f"{hour}:{minute:02d}{suffix}"


def _clock_us(hour: int, minute: int) -> str:
    return f"{hour % 12 or 12}:{minute:02d}{NBSP}{'AM' if hour < 12 else 'PM'}"


def _clock_ca(hour: int, minute: int) -> str:
    if minute == 0 and hour in (0, 12):
        return "midnight" if hour == 0 else "noon"
    suffix = "a.m." if hour < 12 else "p.m."
    hour = hour % 12 or 12
    return f"{hour}{NBSP}{suffix}" if minute == 0 else f"{hour}:{minute:02d}{NBSP}{suffix}"


def _clock_french(hour: int, minute: int) -> str:
    return f"{hour}{NBSP}h" if minute == 0 else f"{hour}{NBSP}h{NBSP}{minute:02d}"


@dataclass(frozen=True)
class _Style:
    date: Callable[[date], str]
    clock: Callable[[int, int], str]
    zoned: str   # how a time and its zone go together
    names: int   # which of ZONE_NAMES' pair


_GB = _Style(_date_day_first, _clock_gb, "{clock} {zone}", 0)
_ENGLISH_BY_COUNTRY = {
    "US": _Style(_date_month_first, _clock_us, "{clock} {zone}", 0),
    "CA": _Style(_date_month_first, _clock_ca, "{clock} {zone}", 0),
}
_FRENCH = _Style(_date_french, _clock_french, "{clock} ({zone})", 1)


def _style(language: str | None, country: str | None) -> _Style:
    base = (language or "en").split("-")[0].lower()
    if base == "fr":
        return _FRENCH
    # English as the service's country writes it; day first anywhere not listed.
    return _ENGLISH_BY_COUNTRY.get((country or "").upper(), _GB)


def _local(moment: datetime, calendar: Where) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"a moment to show must be time-zone aware, got naive {moment!r}")
    return moment.astimezone(ZoneInfo(calendar.timezone))


def _zone_words(local: datetime, timezone: str, style: _Style) -> str:
    names = ZONE_NAMES.get(timezone)
    if names:
        return names[style.names]
    abbreviation = local.tzname() or timezone
    # Zones without letters give an offset ("+03"): say what it is an offset from.
    return f"UTC{abbreviation}" if abbreviation[:1] in "+-" else abbreviation


def _zoned_clock(local: datetime, timezone: str, style: _Style) -> str:
    return style.zoned.format(clock=style.clock(local.hour, local.minute),
                              zone=_zone_words(local, timezone, style))


# ---- what pages, emails and messages call ----

def date_words(value: date | datetime, *, language: str | None, calendar: Where) -> str:
    """The day, e.g. "1 December 2026"; a moment is first put in the calendar's time zone."""
    style = _style(language, calendar.country)
    day = _local(value, calendar).date() if isinstance(value, datetime) else value
    return style.date(day)


def time_words(value: datetime, *, language: str | None, calendar: Where) -> str:
    """The time of an aware moment in the calendar's time zone, and whose time it is, e.g.
    "5:30pm UK time"."""
    style = _style(language, calendar.country)
    return _zoned_clock(_local(value, calendar), calendar.timezone, style)


def datetime_words(value: datetime, *, language: str | None, calendar: Where) -> str:
    """The day and time of an aware moment, e.g. "1 December 2026, 5pm UK time"."""
    style = _style(language, calendar.country)
    local = _local(value, calendar)
    return f"{style.date(local.date())}, {_zoned_clock(local, calendar.timezone, style)}"
