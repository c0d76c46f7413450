"""Dates read the way the reader's language and the service's country write them, in the case's
time zone, saying whose time it is (feedback/dates.py)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from feedback.dates import date_words, datetime_words, time_words
from feedback.deadlines import Calendar

GB = Calendar(timezone="Europe/London", country="GB", subdivision="ENG")
US = Calendar(timezone="America/New_York", country="US", subdivision="NC")
QC = Calendar(timezone="America/Toronto", country="CA", subdivision="QC")
NB = "\u00a0"


def at(calendar, *parts):
    """A wall-clock moment in the calendar's own time zone."""
    return dt.datetime(*parts, tzinfo=ZoneInfo(calendar.timezone))


DATES = [
    (GB, "en", dt.date(2026, 12, 1), "1 December 2026"),
    (GB, "en", dt.date(2027, 6, 2), "2 June 2027"),
    (US, "en", dt.date(2026, 12, 1), "December 1, 2026"),
    (QC, "en", dt.date(2026, 12, 1), "December 1, 2026"),
    (GB, "fr-ca", dt.date(2026, 12, 1), "1er décembre 2026"),
    (US, "fr-ca", dt.date(2027, 3, 1), "1er mars 2027"),
    (QC, "fr-ca", dt.date(2026, 12, 1), "1er décembre 2026"),
    (QC, "fr-ca", dt.date(2026, 12, 2), "2 décembre 2026"),
    (QC, "fr-ca", dt.date(2027, 8, 11), "11 août 2027"),
]


@pytest.mark.parametrize("calendar, language, day, expected", DATES)
def test_a_date(calendar, language, day, expected):
    assert date_words(day, language=language, calendar=calendar) == expected


MOMENTS = [
    # England: GOV.UK and NHS style.
    (GB, "en", (2026, 12, 1, 17, 0), "1 December 2026, 5pm UK time"),
    (GB, "en", (2026, 12, 1, 20, 16), "1 December 2026, 8:16pm UK time"),
    (GB, "en", (2026, 12, 1, 9, 5), "1 December 2026, 9:05am UK time"),
    (GB, "en", (2026, 12, 1, 12, 0), "1 December 2026, midday UK time"),
    (GB, "en", (2026, 12, 1, 0, 0), "1 December 2026, midnight UK time"),
    (GB, "en", (2026, 12, 1, 12, 30), "1 December 2026, 12:30pm UK time"),
    (GB, "en", (2026, 12, 1, 0, 30), "1 December 2026, 12:30am UK time"),
    # A calendar-day deadline ends at 23:59:59: the seconds are not shown.
    (GB, "en", (2026, 12, 1, 23, 59, 59), "1 December 2026, 11:59pm UK time"),
    # Summer time is still UK time.
    (GB, "en", (2026, 7, 1, 17, 0), "1 July 2026, 5pm UK time"),
    (GB, "fr-ca", (2026, 12, 1, 17, 0), f"1er décembre 2026, 17{NB}h (heure du Royaume-Uni)"),
    (GB, "fr-ca", (2026, 7, 1, 17, 30),
     f"1er juillet 2026, 17{NB}h{NB}30 (heure du Royaume-Uni)"),
    # The United States.
    (US, "en", (2026, 12, 1, 17, 0), f"December 1, 2026, 5:00{NB}PM Eastern time"),
    (US, "en", (2026, 12, 1, 17, 30), f"December 1, 2026, 5:30{NB}PM Eastern time"),
    (US, "en", (2026, 12, 1, 12, 0), f"December 1, 2026, 12:00{NB}PM Eastern time"),
    (US, "en", (2026, 12, 1, 0, 0), f"December 1, 2026, 12:00{NB}AM Eastern time"),
    (US, "en", (2026, 12, 1, 23, 59, 59), f"December 1, 2026, 11:59{NB}PM Eastern time"),
    (US, "en", (2026, 7, 1, 9, 5), f"July 1, 2026, 9:05{NB}AM Eastern time"),
    (US, "fr-ca", (2026, 12, 1, 17, 0), f"1er décembre 2026, 17{NB}h (heure de l’Est)"),
    (US, "fr-ca", (2026, 12, 1, 23, 59, 59),
     f"1er décembre 2026, 23{NB}h{NB}59 (heure de l’Est)"),
    # Quebec: The Canadian Style in English, the OQLF's in French.
    (QC, "en", (2026, 12, 1, 17, 0), f"December 1, 2026, 5{NB}p.m. Eastern time"),
    (QC, "en", (2026, 12, 1, 8, 30), f"December 1, 2026, 8:30{NB}a.m. Eastern time"),
    (QC, "en", (2026, 12, 1, 12, 0), "December 1, 2026, noon Eastern time"),
    (QC, "en", (2026, 12, 1, 0, 0), "December 1, 2026, midnight Eastern time"),
    (QC, "fr-ca", (2026, 12, 1, 17, 0), f"1er décembre 2026, 17{NB}h (heure de l’Est)"),
    (QC, "fr-ca", (2026, 12, 1, 17, 5), f"1er décembre 2026, 17{NB}h{NB}05 (heure de l’Est)"),
    (QC, "fr-ca", (2026, 12, 1, 12, 0), f"1er décembre 2026, 12{NB}h (heure de l’Est)"),
    (QC, "fr-ca", (2026, 12, 1, 0, 0), f"1er décembre 2026, 0{NB}h (heure de l’Est)"),
    (QC, "fr-ca", (2026, 7, 1, 0, 30), f"1er juillet 2026, 0{NB}h{NB}30 (heure de l’Est)"),
]


@pytest.mark.parametrize("calendar, language, parts, expected", MOMENTS)
def test_a_date_and_time(calendar, language, parts, expected):
    moment = at(calendar, *parts)
    assert datetime_words(moment, language=language, calendar=calendar) == expected
    # The time alone is the part after the date, and the date alone the part before.
    day, time = expected.rsplit(", ", 1)
    assert time_words(moment, language=language, calendar=calendar) == time
    assert date_words(moment, language=language, calendar=calendar) == day


def test_a_moment_is_shown_in_the_cases_time_zone_not_the_servers():
    # 03:00 in London on 2 December is still 1 December, 10pm, in New York.
    moment = dt.datetime(2026, 12, 2, 3, 0, tzinfo=dt.timezone.utc)
    assert datetime_words(moment, language="en", calendar=US) == \
        f"December 1, 2026, 10:00{NB}PM Eastern time"
    assert date_words(moment, language="en", calendar=US) == "December 1, 2026"
    assert date_words(moment, language="en", calendar=GB) == "2 December 2026"


@pytest.mark.parametrize("zone, english, french", [
    ("America/Montreal", "Eastern time", "heure de l’Est"),
    ("America/Chicago", "Central time", "heure du Centre"),
    ("America/Denver", "Mountain time", "heure des Rocheuses"),
    ("America/Los_Angeles", "Pacific time", "heure du Pacifique"),
    ("America/Vancouver", "Pacific time", "heure du Pacifique"),
    ("America/Halifax", "Atlantic time", "heure de l’Atlantique"),
    ("America/St_Johns", "Newfoundland time", "heure de Terre-Neuve"),
    ("America/Regina", "Saskatchewan time", "heure de la Saskatchewan"),
    # Zones without a friendly name here: their abbreviation, summer or winter.
    ("Europe/Paris", "CET", "CET"),
    ("Asia/Dubai", "UTC+04", "UTC+04"),
    ("UTC", "UTC", "UTC"),
])
def test_whose_time_it_is(zone, english, french):
    calendar = Calendar(timezone=zone, country="GB", subdivision=None)
    moment = at(calendar, 2026, 12, 1, 17, 0)
    assert time_words(moment, language="en", calendar=calendar) == f"5pm {english}"
    assert time_words(moment, language="fr-ca", calendar=calendar) == f"17{NB}h ({french})"


def test_summer_abbreviations_follow_the_clock():
    paris = Calendar(timezone="Europe/Paris", country="FR", subdivision=None)
    assert time_words(at(paris, 2026, 7, 1, 17, 0), language="en", calendar=paris) == "5pm CEST"


@pytest.mark.parametrize("language", ["en", "en-us", "en-gb", None])
def test_english_follows_the_services_country_not_the_readers_region(language):
    assert date_words(dt.date(2026, 12, 1), language=language, calendar=US) == "December 1, 2026"
    assert date_words(dt.date(2026, 12, 1), language=language, calendar=GB) == "1 December 2026"


@pytest.mark.parametrize("country", ["AU", "IE", "FR", ""])
def test_other_countries_write_english_day_first(country):
    calendar = Calendar(timezone="Europe/London", country=country, subdivision=None)
    assert date_words(dt.date(2026, 12, 1), language="en", calendar=calendar) == \
        "1 December 2026"


@pytest.mark.parametrize("language", ["fr", "fr-ca", "FR-CA"])
def test_french_is_french_whatever_the_country(language):
    for calendar in (GB, US, QC):
        assert date_words(dt.date(2026, 12, 1), language=language, calendar=calendar) == \
            "1er décembre 2026"


@pytest.mark.parametrize("calendar", [GB, US, QC])
@pytest.mark.parametrize("language", ["en", "fr-ca"])
def test_no_form_ends_with_a_full_stop(calendar, language):
    # A sentence that ends with a date adds its own full stop: never two ("8:16 p.m..").
    for hour in range(24):
        for minute in (0, 5, 30, 59):
            shown = datetime_words(at(calendar, 2026, 12, 1, hour, minute), language=language,
                                   calendar=calendar)
            assert not shown.endswith("."), shown


def test_a_moment_without_a_time_zone_is_refused():
    with pytest.raises(ValueError, match="aware"):
        datetime_words(dt.datetime(2026, 12, 1, 17, 0), language="en", calendar=GB)
