"""Time left before a deadline, in the working days or hours staff count in."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ...deadlines import Calendar, Unit, working_time_between


@dataclass(frozen=True)
class TimeLeft:
    overdue: bool
    words: str  # e.g. "3 working days left", "Overdue by 2 working hours"


def time_left(*, due_at: datetime, now: datetime, calendar: Calendar) -> TimeLeft:
    """Whole working days left (or overdue by), or working hours when under one working day.

    Rounded down, so "2 working days left" always means at least two.
    """
    overdue = due_at <= now
    days = abs(working_time_between(start=now, end=due_at, calendar=calendar,
                                    unit=Unit.WORKING_DAYS))
    # A hair of tolerance: 0.9999999 of a day from float division is a whole day.
    days += 1e-9
    if days >= 1:
        n = int(days)
        if overdue:
            words = ngettext("Overdue by %(n)d working day", "Overdue by %(n)d working days", n)
        else:
            words = ngettext("%(n)d working day left", "%(n)d working days left", n)
        return TimeLeft(overdue, words % {"n": n})
    n = int(days * calendar.working_day_length() / timedelta(hours=1))
    if n < 1:
        words = (_("Overdue by less than 1 working hour") if overdue
                 else _("Less than 1 working hour left"))
        return TimeLeft(overdue, words)
    if overdue:
        words = ngettext("Overdue by %(n)d working hour", "Overdue by %(n)d working hours", n)
    else:
        words = ngettext("%(n)d working hour left", "%(n)d working hours left", n)
    return TimeLeft(overdue, words % {"n": n})
