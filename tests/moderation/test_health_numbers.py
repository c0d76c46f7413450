"""Health and insurance numbers, confirmed by their check digits where they have one
(PRODUCT.md §3). All numbers are made up or published samples."""

import pytest

from .helpers import found

FOUND = [
    ("NHS 943 476 5919", "943 476 5919"),
    ("nhs 9434765919", "9434765919"),
    ("NHS: 943-476-5919", "943-476-5919"),
    ("SIN 130 692 544", "130 692 544"),
    ("NAS 046-454-286", "046-454-286"),  # the published sample: Luhn right, range refused, labelled
    ("SSN 536-90-4399", "536-90-4399"),
    ("SSN 536904399", "536904399"),
    ("OHIP 7484-896-886 KT", "7484-896-886 KT"),
    ("health card number 2345-678-901-XY", "2345-678-901-XY"),  # Ontario's shape
    ("My PHN is 9321 858 382", "9321 858 382"),
    ("RAMQ TREM 8001 0112", "TREM 8001 0112"),
    ("carte TREM80510112", "TREM80510112"),  # a woman's: month plus 50
    ("ma carte soleil c'est lavm55123109", "lavm55123109"),
    ("my member ID is XKC123456", "XKC123456"),
    ("Medicaid number: 12345678A", "12345678A"),
    ("Medicare ID 1EG4-TE5-MK73", "1EG4-TE5-MK73"),
    ("unlabelled 1EG4-TE5-MK73 on the form", "1EG4-TE5-MK73"),
    ("policy number AB-123456 was refused", "AB-123456"),
    ("NI number QQ 12 34 56 C", "QQ 12 34 56 C"),
    ("numéro d'assurance maladie : LAVM 5512 3109", "LAVM 5512 3109"),
]


@pytest.mark.parametrize(("text", "number"), FOUND)
def test_finds_health_or_insurance_number(text, number):
    assert ("health_number", number) in found(text, kinds={"health_number"})


NOT_HEALTH_NUMBERS = [
    "NHS 943 476 5918",  # wrong check digit, label or not
    "my NHS number is 474 537 8383",
    "reference 046 454 287",  # fails the Luhn check, so not a SIN
    "SIN 222 832 391",
    "numbers 666-12-3456, 000-12-3456, 912-34-5678",  # never issued as SSNs
    "code ABCD 1234 5678",  # not a RAMQ date
    "room 1201 1502",
    "member ID is missing from the letter",
    "I was in room 12 for 3 weeks",
    "call 0800 123 456",
]


@pytest.mark.parametrize("text", NOT_HEALTH_NUMBERS)
def test_ordinary_numbers_are_not_health_numbers(text):
    assert found(text, kinds={"health_number"}) == []


def test_a_valid_nhs_number_is_a_health_number_not_a_phone_number():
    assert found("it is 943 476 5919") == [("health_number", "943 476 5919")]


def test_ten_digits_called_a_phone_number_stay_a_phone_number():
    # 604 555 0102's digits pass the NHS check too: the words before say which it is.
    assert found("call me on 604 555 0102") == [("phone", "604 555 0102")]
    assert found("NHS number 604 555 0102") == [("health_number", "604 555 0102")]
    assert found("my line is (604) 555-0102") == [("phone", "(604) 555-0102")]
