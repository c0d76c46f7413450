"""A commissioner's working calendar: checked where it is entered, repaired where it is used."""

import datetime
import functools
import zoneinfo

import holidays
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# PRODUCT.md §5: working hours default to Monday–Friday, 09:00–17:00.
DEFAULT_WEEKDAYS = (0, 1, 2, 3, 4)
DEFAULT_WORK_START = "09:00"
DEFAULT_WORK_END = "17:00"


@functools.cache
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


@functools.cache
def _regions() -> dict[str, frozenset[str]]:
    return {country: frozenset(subdivisions)
            for country, subdivisions in holidays.list_supported_countries().items()}


def timezone_known(name) -> bool:
    """True if `name` is an IANA time zone this machine knows."""
    return isinstance(name, str) and name in _time_zones()


def country_known(code) -> bool:
    """True if the holidays package has public holidays for the country `code`."""
    return isinstance(code, str) and code in _regions()


def subdivision_known(country, subdivision) -> bool:
    """True if the holidays package knows `subdivision` within `country`."""
    return country_known(country) and subdivision in _regions()[country]


def weekdays_parse(text: str) -> list[int] | None:
    """The day numbers in a comma-separated text, in order, or None if one is not a number."""
    parts = [part.strip() for part in str(text).split(",")]
    # A trailing comma or a doubled one says nothing; skip it rather than refuse the lot.
    numbers = [part for part in parts if part]
    if not all(part.isascii() and part.isdigit() for part in numbers):
        return None
    return [int(part) for part in numbers]


def timezone_validate(value: str) -> None:
    """Refuse a time zone that is not in the IANA database, e.g. a misspelt city."""
    if not timezone_known(value):
        raise ValidationError(
            _("“%(value)s” is not a known time zone. Use a name such as Europe/London or "
              "America/Toronto."), code="unknown_timezone", params={"value": value})


def weekdays_validate(value: str) -> None:
    """Refuse working weekdays unless they are distinct day numbers 0–6, at least one."""
    days = weekdays_parse(value)
    if days is None or any(day > 6 for day in days):
        raise ValidationError(
            _("Enter day numbers from 0 (Monday) to 6 (Sunday), separated by commas, "
              "e.g. 0,1,2,3,4."), code="bad_weekday")
    if not days:
        raise ValidationError(_("Enter at least one working day."), code="no_weekday")
    if len(set(days)) != len(days):
        raise ValidationError(_("Enter each day only once."), code="repeated_weekday")


def country_validate(value: str) -> None:
    """Refuse a country for which the holidays package has no public holidays."""
    if not country_known(value):
        raise ValidationError(
            _("“%(value)s” is not a country code with known public holidays. Use a code such "
              "as GB, US or CA."), code="unknown_country", params={"value": value})


def subdivision_validate(country: str, subdivision: str) -> None:
    """Refuse a subdivision the holidays package does not know for `country`; blank is allowed."""
    if subdivision and not subdivision_known(country, subdivision):
        known = ", ".join(sorted(_regions().get(country, ()))) or "—"
        raise ValidationError(
            _("“%(value)s” is not a subdivision of %(country)s. Known subdivisions: %(known)s."),
            code="unknown_subdivision",
            params={"value": subdivision, "country": country, "known": known})


def working_hours_validate(start: datetime.time, end: datetime.time) -> None:
    """Refuse a working day that does not end after it starts."""
    if not start < end:
        raise ValidationError(_("The working day must end after it starts."), code="hours_order")


def _clock(value) -> datetime.time | None:
    try:
        return datetime.time.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _weekdays_valid(days) -> bool:
    return (isinstance(days, list) and bool(days) and len(set(days)) == len(days)
            and all(type(day) is int and 0 <= day <= 6 for day in days))


def calendar_repaired(data: dict) -> tuple[dict, list[str]]:
    """A copy of a plain calendar with each invalid part set to a default, and what was wrong."""
    fixed, problems = dict(data), []
    if not timezone_known(data.get("timezone")):
        problems.append(f"unknown time zone {data.get('timezone')!r}")
        fixed["timezone"] = settings.TIME_ZONE
    if not _weekdays_valid(data.get("weekdays")):
        problems.append(f"bad working weekdays {data.get('weekdays')!r}")
        fixed["weekdays"] = list(DEFAULT_WEEKDAYS)
    start, end = _clock(data.get("work_start")), _clock(data.get("work_end"))
    if start is None or end is None or not start < end:
        problems.append(f"bad working hours {data.get('work_start')!r}–{data.get('work_end')!r}")
        fixed["work_start"], fixed["work_end"] = DEFAULT_WORK_START, DEFAULT_WORK_END
    country, subdivision = data.get("country"), data.get("subdivision")
    if country and not country_known(country):
        # No public holidays is safer than a guessed country's.
        problems.append(f"unknown country {country!r}")
        fixed["country"], fixed["subdivision"] = "", None
    elif subdivision and not subdivision_known(country, subdivision):
        problems.append(f"unknown subdivision {subdivision!r} for country {country!r}")
        fixed["subdivision"] = None
    elif not country:
        fixed["country"], fixed["subdivision"] = "", None
    return fixed, problems
