"""Dates of birth: a date next to the words that make it one (PRODUCT.md §3)."""

import pytest

from .helpers import found

FOUND = [
    ("DOB: 14 Feb 1990", "14 Feb 1990"),
    ("D.O.B. 14/2/90 - patient", "14/2/90"),
    ("dob 14 02 1990", "14 02 1990"),
    ("born 1990-02-14 in Leeds", "1990-02-14"),
    ("date of birth is the 14th of February 1990", "14th of February 1990"),
    ("She was born on February 14th, 1990.", "February 14th, 1990"),
    ("Born: 02/14/1990", "02/14/1990"),  # month first, as in the US
    ("birthdate 14-02-1990", "14-02-1990"),
    ("born in Leeds on 3 May 1950", "3 May 1950"),
    ("I was born in February 1990", "February 1990"),
    ("I was born in 1952", "1952"),
    ("my dad who is 83 (born 1941) was left alone", "1941"),
    ("Mum (b. 1938) has dementia", "1938"),
    ("her birthday was on the 2nd of feb", "2nd of feb"),
    ("22/11/1960 (date of birth)", "22/11/1960"),
    ("ma date de naissance est le 14 février 1990", "14 février 1990"),
    ("née le 14 février 90", "14 février 90"),
    ("ne le 3 avril 1950 a Trois-Rivieres", "3 avril 1950"),
    ("née à Québec le 4 juillet 1960", "4 juillet 1960"),
    ("Il est né le 1er mai 1939.", "1er mai 1939"),
    ("date de naissance : 14 fév. 1990", "14 fév. 1990"),
    ("DDN : 1990/02/14", "1990/02/14"),
    ("je suis né en 1990", "1990"),
]


@pytest.mark.parametrize(("text", "date"), FOUND)
def test_finds_date_of_birth(text, date):
    assert found(text, kinds={"date_of_birth"}) == [("date_of_birth", date)]


NOT_BIRTH_DATES = [
    "The appointment on 12 March 2026 was cancelled.",
    "I was born and raised here.",
    "My baby was born early, and on 3 May we were sent home.",
    "Since 01/02/2025 nobody has called.",
    "It is my birthday tomorrow.",
    "my 2 yr old was born at 27 weeks",
    "He was born on a Tuesday, 12 weeks early.",
    "Le rendez-vous du 12 mars 2026 a été annulé.",
    "Elle est née avec une malformation cardiaque.",
    "Je ne le saurai que le 3 avril.",
    "date of birth 31/31/1990",  # no such date
]


@pytest.mark.parametrize("text", NOT_BIRTH_DATES)
def test_other_dates_are_not_dates_of_birth(text):
    assert found(text, kinds={"date_of_birth"}) == []
