"""Dates and times read naturally in each language."""

import datetime as dt

from django.utils import translation
from django.utils.formats import date_format


def test_french_times_use_the_24_hour_clock_with_h():
    moment = dt.datetime(2026, 1, 31, 13, 40)
    with translation.override("fr-ca"):
        assert date_format(moment, "DATETIME_FORMAT") == "31 janvier 2026, 13\xa0h\xa040"
    with translation.override("en"):
        assert "1:40" in date_format(moment, "DATETIME_FORMAT")
