"""The working-time clock: turns (received at, duration, calendar) into a due moment and its explanation.

Pure: no database, no Django, no `now()`. Every moment passed in must be time-zone aware; the
calendar's time zone decides which local day a moment falls on. Due moments are local wall-clock
times (17:00 local stays 17:00 across daylight-saving changes), returned in UTC on `Due.at` and in
local time on `Explanation.due_at`.
"""

from __future__ import annotations

import enum
import functools
import itertools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import holidays

UTC = timezone.utc
# Calendar-day rules (42 CFR 438.408 for US Medicaid managed care, Quebec's complaints commissioner)
# count whole calendar days, so the last moment of the last day is the deadline.
END_OF_DAY = time(23, 59, 59)
# A calendar in which no working day appears for ten years is misconfigured; fail instead of looping.
_SEARCH_LIMIT_DAYS = 3660
_ITERATION_LIMIT = 1000


class Unit(str, enum.Enum):
    WORKING_DAYS = "working_days"
    WORKING_HOURS = "working_hours"
    CALENDAR_DAYS = "calendar_days"
    HOURS = "hours"  # plain clock hours, e.g. US Medicaid expedited "72 hours"


DAY_UNITS = frozenset({Unit.WORKING_DAYS, Unit.CALENDAR_DAYS})
WORKING_UNITS = frozenset({Unit.WORKING_DAYS, Unit.WORKING_HOURS})


@dataclass(frozen=True)
class Duration:
    amount: int
    unit: Unit

    def __post_init__(self) -> None:
        # Policies stored in the database hand us the unit as a plain string.
        object.__setattr__(self, "unit", Unit(self.unit))
        if isinstance(self.amount, bool) or not isinstance(self.amount, int) or self.amount < 0:
            raise ValueError(f"Duration amount must be a whole number >= 0, got {self.amount!r}")


@dataclass(frozen=True)
class Skip:
    """A day the clock passed over."""

    day: date
    reason: str  # "weekend" | "holiday" | "closure"
    name: str = ""  # the holiday's name as the holidays package gives it, "" otherwise


@dataclass(frozen=True)
class Pause:
    """The clock was stopped while waiting for the person."""

    start: datetime
    end: datetime | None  # None = still paused at `as_of`


@functools.lru_cache(maxsize=256)
def _holidays(country: str, subdivision: str | None, year: int) -> dict[date, str]:
    """Public holidays for one year, cached: counts are lazy and may cross New Year."""
    # Names appear in explanations: ask for one English (en_US) everywhere it is offered, since
    # some countries' own default is another language and en_CA renames Quebec's 24 June.
    probe = holidays.country_holidays(country, subdiv=subdivision)
    language = "en_US" if "en_US" in probe.supported_languages else probe.default_language
    found = holidays.country_holidays(country, subdiv=subdivision, years=year, language=language)
    return dict(found)


def _require_aware(name: str, moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be a time-zone aware datetime, got naive {moment!r}")


@dataclass(frozen=True)
class Calendar:
    timezone: str = "Europe/London"  # IANA name
    country: str = "GB"
    subdivision: str | None = "ENG"
    work_start: time = time(9, 0)
    work_end: time = time(17, 0)
    working_weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday=0
    closures: frozenset[date] = frozenset()  # extra closure days

    def __post_init__(self) -> None:
        ZoneInfo(self.timezone)  # raises for an unknown zone now, not deep inside a count
        if not self.work_start < self.work_end:
            raise ValueError("work_start must be before work_end")
        if not self.working_weekdays:
            raise ValueError("a calendar needs at least one working weekday")

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def local(self, moment: datetime) -> datetime:
        """The moment in the calendar's time zone."""
        _require_aware("moment", moment)
        return moment.astimezone(self.tz)

    def at(self, day: date, clock: time) -> datetime:
        """The aware moment of a local wall-clock time on a local day (normalised if in a DST gap)."""
        return datetime.combine(day, clock, tzinfo=self.tz).astimezone(UTC).astimezone(self.tz)

    def working_window(self, day: date) -> tuple[datetime, datetime]:
        """Opening and close of a day's working hours, in UTC so that subtraction is real time."""
        return _working_window(self, day)

    def non_working_reason(self, day: date) -> Skip | None:
        """Why the clock skips this day (weekend, then holiday, then closure), or None if it counts."""
        return _non_working_reason(self, day)

    def is_working_day(self, day: date) -> bool:
        """True if the day is a working weekday, not a public holiday and not a closure."""
        return _non_working_reason(self, day) is None

    def is_working_time(self, moment: datetime) -> bool:
        """True if the aware moment falls inside working hours on a working day."""
        day = self.local(moment).date()
        if not self.is_working_day(day):
            return False
        opening, close = self.working_window(day)
        return opening <= moment < close

    def working_days_after(self, day: date) -> Iterator[date]:
        """The working days after `day`, in order."""
        for offset in range(1, _SEARCH_LIMIT_DAYS):
            candidate = day + timedelta(days=offset)
            if self.is_working_day(candidate):
                yield candidate
        raise ValueError(f"no working day within {_SEARCH_LIMIT_DAYS} days after {day}")

    def working_day_length(self) -> timedelta:
        return datetime.combine(date.min, self.work_end) - datetime.combine(date.min, self.work_start)


# What a calendar says about a day never changes, and an inbox page asks about the same days for
# every row it shows: the answers are remembered, keyed by the (immutable, hashable) calendar.
_DAYS_REMEMBERED = 32768


@functools.lru_cache(maxsize=_DAYS_REMEMBERED)
def _working_window(calendar: Calendar, day: date) -> tuple[datetime, datetime]:
    return (calendar.at(day, calendar.work_start).astimezone(UTC),
            calendar.at(day, calendar.work_end).astimezone(UTC))


@functools.lru_cache(maxsize=_DAYS_REMEMBERED)
def _non_working_reason(calendar: Calendar, day: date) -> Skip | None:
    # Weekend first: a holiday on a Saturday is not what moves the deadline; its substitute
    # Monday ("Boxing Day (observed)") is, and that one is listed by name.
    if day.weekday() not in calendar.working_weekdays:
        return Skip(day, "weekend")
    if calendar.country:
        name = _holidays(calendar.country, calendar.subdivision, day.year).get(day)
        if name:
            return Skip(day, "holiday", name)
    if day in calendar.closures:
        return Skip(day, "closure")
    return None


@dataclass(frozen=True)
class Explanation:
    received_at: datetime  # aware, in the calendar's time zone
    duration: Duration
    start_day: date  # the local day received; day units count the days after it
    skipped: tuple[Skip, ...]  # every non-working day from start_day to the due day, in order
    pauses: tuple[Pause, ...]
    paused_working_time: timedelta  # in the unit's sense; day units as timedelta(days=n)
    extensions: tuple[Duration, ...]
    due_at: datetime  # aware, calendar tz


@dataclass(frozen=True)
class Due:
    at: datetime  # aware, UTC
    explanation: Explanation


def _working_time(start: datetime, end: datetime, calendar: Calendar) -> timedelta:
    """Working time between two aware moments (start <= end), in real time."""
    total, nothing, one_day = timedelta(), timedelta(), timedelta(days=1)
    day, last = calendar.local(start).date(), calendar.local(end).date()
    while day <= last:
        if _non_working_reason(calendar, day) is None:
            opening, close = _working_window(calendar, day)
            overlap = min(close, end) - max(opening, start)
            if overlap > nothing:
                total += overlap
        day += one_day
    return total


def _add_working_time(start: datetime, amount: timedelta, calendar: Calendar) -> datetime:
    """The moment `amount` of working time after `start` (the clock waits for the next opening)."""
    if amount <= timedelta():
        return start.astimezone(UTC)
    remaining, cursor = amount, start.astimezone(UTC)
    first = calendar.local(start).date()
    for day in itertools.chain([first], calendar.working_days_after(first)):
        if not calendar.is_working_day(day):
            continue
        opening, close = calendar.working_window(day)
        begin = max(cursor, opening)
        if begin >= close:
            continue
        if begin + remaining <= close:
            # Ending exactly at close stays on this day rather than rolling to the next opening.
            return begin + remaining
        remaining -= close - begin
    raise AssertionError("unreachable: working_days_after raises first")  # pragma: no cover


def _advance(moment: datetime, duration: Duration, calendar: Calendar) -> datetime:
    """The due moment `duration` after `moment` (a receipt or a previous due moment)."""
    amount = duration.amount
    if duration.unit is Unit.HOURS:
        # Real elapsed hours: arithmetic in UTC, so a DST change shifts the local wall clock.
        return moment.astimezone(UTC) + timedelta(hours=amount)
    if duration.unit is Unit.WORKING_HOURS:
        return _add_working_time(moment, timedelta(hours=amount), calendar)
    day = calendar.local(moment).date()
    if duration.unit is Unit.CALENDAR_DAYS:
        return calendar.at(day + timedelta(days=amount), END_OF_DAY).astimezone(UTC)
    # Working days: the close of the Nth working day after the day of `moment`. For N=0 the close
    # of that day, unless it is not a working day or already closed: then the next working day.
    if amount == 0:
        if calendar.is_working_day(day) and moment <= calendar.working_window(day)[1]:
            return calendar.working_window(day)[1]
        amount = 1
    for count, working_day in enumerate(calendar.working_days_after(day), start=1):
        if count == amount:
            return calendar.working_window(working_day)[1]
    raise AssertionError("unreachable: working_days_after raises first")  # pragma: no cover


def _paused(received_at: datetime, due: datetime, pauses: Sequence[tuple[datetime, datetime]],
            unit: Unit, calendar: Calendar) -> timedelta:
    """How much of the clock the pauses consumed between receipt and `due`, in `unit`'s sense."""
    used = timedelta()
    for start, end in pauses:
        start, end = max(start, received_at), min(end, due)
        if start >= end:
            continue
        used += _working_time(start, end, calendar) if unit in WORKING_UNITS else end - start
    if unit is Unit.WORKING_DAYS:
        # A deadline in days ends at a day's close, so any part of a working day paused costs a day.
        return timedelta(days=math.ceil(used / calendar.working_day_length()))
    if unit is Unit.CALENDAR_DAYS:
        return timedelta(days=math.ceil(used / timedelta(days=1)))
    return used


def _push(due: datetime, paused: timedelta, unit: Unit, calendar: Calendar) -> datetime:
    """The due moment pushed out by the paused amount, counted in the duration's own unit."""
    if not paused:
        return due
    if unit in DAY_UNITS:
        return _advance(due, Duration(paused.days, unit), calendar)
    if unit is Unit.WORKING_HOURS:
        return _add_working_time(due, paused, calendar)
    return due + paused


def _skipped(start_day: date, due_day: date, calendar: Calendar) -> tuple[Skip, ...]:
    found, day = [], start_day
    while day <= due_day:
        reason = calendar.non_working_reason(day)
        if reason:
            found.append(reason)
        day += timedelta(days=1)
    return tuple(found)


def due_moment(*, received_at: datetime, duration: Duration, calendar: Calendar,
               pauses: Sequence[Pause] = (), extensions: Sequence[Duration] = (),
               as_of: datetime | None = None) -> Due:
    """received_at + duration on the calendar, pushed out by pauses and extensions, with the explanation.

    Extensions are added one after another, each from the previous due moment. Pauses then push
    the deadline out by the part of them that fell between receipt and the due moment, measured in
    the duration's unit: working time for working units, real time for calendar units; for day
    units rounded up to whole days (working days are `work_end - work_start` long), because a
    day deadline ends at a day's close. Pushing may bring a later pause inside the deadline, so
    this repeats until the due moment stops moving; a pause starting after it never counts. An
    open pause (end=None) runs until `as_of`, which is then required.
    """
    _require_aware("received_at", received_at)
    if as_of is not None:
        _require_aware("as_of", as_of)
    spans = []
    for pause in pauses:
        _require_aware("pause start", pause.start)
        if pause.end is None:
            if as_of is None:
                raise ValueError("an open pause (end=None) needs as_of")
            end = as_of
        else:
            _require_aware("pause end", pause.end)
            if pause.end < pause.start:
                raise ValueError(f"pause ends before it starts: {pause!r}")
            end = pause.end
        spans.append((pause.start.astimezone(UTC), end.astimezone(UTC)))

    received = received_at.astimezone(UTC)
    base = _advance(received, duration, calendar)
    for extension in extensions:
        base = _advance(base, extension, calendar)

    # The paused amount only grows as the due moment moves out, and pauses are finite: this settles.
    due, paused = base, timedelta()
    for _ in range(_ITERATION_LIMIT):
        now_paused = _paused(received, due, spans, duration.unit, calendar)
        if now_paused == paused:
            break
        paused, due = now_paused, _push(base, now_paused, duration.unit, calendar)
    else:  # pragma: no cover - guarded by the argument above
        raise RuntimeError("pause adjustment did not settle")

    local_received, local_due = calendar.local(received), calendar.local(due)
    skipped = ()
    if duration.unit in WORKING_UNITS:
        skipped = _skipped(local_received.date(), local_due.date(), calendar)
    explanation = Explanation(
        received_at=local_received,
        duration=duration,
        start_day=local_received.date(),
        skipped=skipped,
        pauses=tuple(pauses),
        paused_working_time=paused,
        extensions=tuple(extensions),
        due_at=local_due,
    )
    return Due(at=due, explanation=explanation)


def working_time_between(*, start: datetime, end: datetime, calendar: Calendar, unit: Unit) -> float:
    """How much of `unit` elapses between start and end (negative if end < start), e.g. to show 'time left: 2.5 working days' or 'overdue by 3 working hours'."""
    _require_aware("start", start)
    _require_aware("end", end)
    if end < start:
        return -working_time_between(start=end, end=start, calendar=calendar, unit=unit)
    unit = Unit(unit)
    if unit is Unit.HOURS:
        return (end - start) / timedelta(hours=1)
    if unit is Unit.CALENDAR_DAYS:
        # Local wall-clock difference: from one 23:59:59 to the next is a whole day even on the
        # 23- or 25-hour days of a DST change.
        wall = calendar.local(end).replace(tzinfo=None) - calendar.local(start).replace(tzinfo=None)
        return wall / timedelta(days=1)
    worked = _working_time(start.astimezone(UTC), end.astimezone(UTC), calendar)
    if unit is Unit.WORKING_HOURS:
        return worked / timedelta(hours=1)
    # Working days as fractions of a working day, so a partly worked day shows as e.g. 0.25.
    return worked / calendar.working_day_length()
