"""Phone numbers through `phonenumbers` (PRODUCT.md §3). Numbers are from ranges kept for fiction
(07700 900xxx, 0161 496 0xxx, 555-01xx) or made up."""

import pytest

from moderation.screening import screen

from .helpers import found

FOUND = [
    ("call 07700 900123 after six", "07700 900123"),  # the UK's drama range: possible, not valid
    ("call +44 7700 900123", "+44 7700 900123"),
    ("office: 020 7946 0958", "020 7946 0958"),
    ("office: +44 (0)20 7946 0958", "+44 (0)20 7946 0958"),
    ("mobile 07911123456", "07911123456"),
    ("my number's 07700-900-654", "07700-900-654"),
    ("ring (919) 555-0143 today", "(919) 555-0143"),
    ("ring 919-555-0143 today", "919-555-0143"),
    ("appelez le +1 514 555 0199", "+1 514 555 0199"),
    ("appelez le 514.555.0199.", "514.555.0199"),
    ("mon cell 438-555-0142 svp", "438-555-0142"),
    ("joindre au (418) 555-0123, poste 221", "(418) 555-0123"),
    ("mon numéro : 06 12 34 56 78", "06 12 34 56 78"),  # French, in pairs
    ("tél. 01.23.45.67.89", "01.23.45.67.89"),
    ("mon portable +33 (0)6 12 34 56 78", "+33 (0)6 12 34 56 78"),
    ("0044 20 7946 0958 from abroad", "0044 20 7946 0958"),
    ("texte moi 5145550166", "5145550166"),
]


@pytest.mark.parametrize(("text", "number"), FOUND)
def test_finds_phone_number(text, number):
    assert ("phone", number) in found(text, kinds={"phone"})


NOT_PHONES = [
    "I called 0800 123 4567 three times",  # freephone: an organisation's, not the writer's
    "the crisis line 1-800-555-0175 rang out",
    "they said phone 0300 123 7123 and wait",  # shared cost
    "my reference is 01234 567890",
    "ref no. 0113 496 0372",
    "case number 2026-0457-118",
    "invoice 4471 2290 1183",
    "account 123-456-7890",
    "order #5145550199",
    "the appointment on 12/03/2026 at 14:30",
    "on 01 02 2026 at 10:30",
    "they charged me $250 and then £1,200.50",
    "my reference is FB-7K3M-2XD9",
    "receipt K7QM-2XD9-PH4T-8WNB-3JRA",
    "NHS 943 476 5918",  # a health number with a wrong check digit is neither
]


@pytest.mark.parametrize("text", NOT_PHONES)
def test_ordinary_numbers_are_not_phones(text):
    assert found(text, kinds={"phone"}) == []


def test_a_number_written_twice_in_a_row_is_two_numbers():
    assert found("landline 01632 960 442, mobile 07700 900 317", kinds={"phone"}) == [
        ("phone", "01632 960 442"), ("phone", "07700 900 317")]


def test_the_commissioners_country_is_read_first():
    # An Australian mobile: valid there; elsewhere only a number of the right length.
    [australian] = screen("number 0412 345 678", language="en", anonymous=True, country="AU")
    assert (australian.kind, australian.text, australian.confidence) == (
        "phone", "0412 345 678", 0.95)
    assert "AU" in australian.reason
    [elsewhere] = screen("number 0412 345 678", language="en", anonymous=True)
    assert elsewhere.kind == "phone" and "AU" not in elsewhere.reason
