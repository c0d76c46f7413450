"""Identifying-details screening for anonymous cases (PRODUCT.md §3). All data is synthetic."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.screening.identifiers import Finding, find_identifying_details

KINDS = {"email", "phone", "postcode", "health_number", "name"}


def _found(text):
    return [(f.kind, f.text) for f in find_identifying_details(text)]


FOUND = [
    # emails
    ("write to jane.doe@example.com please", "email", "jane.doe@example.com"),
    ("écrivez à marie.tremblay+soins@exemple.qc.ca.", "email", "marie.tremblay+soins@exemple.qc.ca"),
    # UK phone numbers
    ("call 07700 900123 after six", "phone", "07700 900123"),
    ("call +44 7700 900123", "phone", "+44 7700 900123"),
    ("office: 020 7946 0958", "phone", "020 7946 0958"),
    ("office: +44 (0)20 7946 0958", "phone", "+44 (0)20 7946 0958"),
    ("mobile 07700900456", "phone", "07700900456"),
    # North American phone numbers
    ("ring (919) 555-0143 today", "phone", "(919) 555-0143"),
    ("ring 919-555-0143 today", "phone", "919-555-0143"),
    ("appelez le +1 514 555 0199", "phone", "+1 514 555 0199"),
    ("appelez le 514.555.0199.", "phone", "514.555.0199"),
    ("toll free 1-800-555-0175", "phone", "1-800-555-0175"),
    # postcodes
    ("I live at SW1A 1AA", "postcode", "SW1A 1AA"),
    ("near M1 1AE, Manchester", "postcode", "M1 1AE"),
    ("postcode sw1a1aa", "postcode", "sw1a1aa"),
    ("Montréal H2X 1Y4", "postcode", "H2X 1Y4"),
    ("code postal h2x1y4", "postcode", "h2x1y4"),
    ("zip 27601-1234", "postcode", "27601-1234"),
    ("Raleigh, NC 27601", "postcode", "27601"),
    ("Durham NC 27701-0001", "postcode", "27701-0001"),
    # health and insurance numbers
    ("NHS 943 476 5919", "health_number", "943 476 5919"),
    ("nhs 9434765919", "health_number", "9434765919"),
    ("SIN 046 454 286", "health_number", "046 454 286"),
    ("NAS 046-454-286", "health_number", "046-454-286"),
    ("RAMQ TREM 8001 0112", "health_number", "TREM 8001 0112"),
    ("carte TREM80510112", "health_number", "TREM80510112"),
    ("SSN 123-45-6789", "health_number", "123-45-6789"),
    ("my member ID is XKC123456", "health_number", "XKC123456"),
    ("Medicaid number: 12345678A", "health_number", "12345678A"),
    ("Medicare ID 1EG4-TE5-MK73", "health_number", "1EG4-TE5-MK73"),
    ("policy number AB-123456 was refused", "health_number", "AB-123456"),
    ("numéro d'assurance maladie : LAVM 5512 3109", "health_number", "LAVM 5512 3109"),
    # names, English and French
    ("Hello, my name is Jane Smith and I care for my dad", "name", "Jane Smith"),
    ("My name's Sam O'Brien", "name", "Sam O'Brien"),
    ("I am Jane Smith, a carer", "name", "Jane Smith"),
    ("I'm Priya Nair-Shah.", "name", "Priya Nair-Shah"),
    ("je m'appelle Marie Tremblay", "name", "Marie Tremblay"),
    ("Je m’appelle Hélène", "name", "Hélène"),
    ("mon nom est Jean-François Côté", "name", "Jean-François Côté"),
    ("Je suis Marie Tremblay, aidante", "name", "Marie Tremblay"),
    ("Mrs Smith was kind", "name", "Mrs Smith"),
    ("ask Dr. Okafor about it", "name", "Dr. Okafor"),
    ("Mx Jordan Lee answered", "name", "Mx Jordan Lee"),
    ("M. Tremblay a répondu", "name", "M. Tremblay"),
    ("Mme Côté et Mlle Roy", "name", "Mme Côté"),
    ("Nobody called back.\n\nRegards,\nJane Smith", "name", "Jane Smith"),
    ("Nobody called back. Kind regards, Jane", "name", "Jane"),
    ("Personne n'a rappelé.\nCordialement,\nMarie Tremblay\n", "name", "Marie Tremblay"),
]


@pytest.mark.parametrize(("text", "kind", "match"), FOUND)
def test_finds_identifying_detail(text, kind, match):
    assert (kind, match) in _found(text)


NOT_IDENTIFYING = [
    "the appointment on 12/03/2026 was cancelled",
    "le rendez-vous du 2026-03-12 a été annulé",
    "I waited from 14:30 to 16:45",
    "they charged me $250 and then £1,200.50",
    "my reference is FB-7K3M-2XD9",
    "receipt K7QM-2XD9-PH4T-8WNB-3JRA",
    "I was in room 12 for 3 weeks",
    "ward b12 3rd floor",
    "on 01 02 2026 at 10:30",
    "I am Not Happy With This",
    "I am very upset",
    "I am French",
    "we left at 5 P.M. Then nothing happened",
    "member ID is missing from the letter",
    "member ID was lost 2020",
    "reference 046 454 287",  # fails the Luhn check, so not a SIN
    "numbers 666-12-3456, 000-12-3456, 912-34-5678",  # never issued as SSNs
    "code ABCD 1234 5678",  # not a RAMQ date
    "Regards to the whole team, they were great",
    "I called 5 times, 10 times, 100 times",
]


@pytest.mark.parametrize("text", NOT_IDENTIFYING)
def test_ordinary_text_has_no_identifying_details(text):
    assert find_identifying_details(text) == []


def test_ten_digits_failing_the_nhs_check_digit_read_as_a_phone_number():
    assert _found("NHS 943 476 5918") == [("phone", "943 476 5918")]


def test_a_labelled_number_is_flagged_even_when_mistyped():
    assert _found("my SIN is 046 454 287") == [("health_number", "046 454 287")]


def test_several_details_come_back_in_order_with_offsets():
    text = (
        "My name is Jane Smith. Call 07700 900123 or jane.smith@example.org.\n"
        "I live near SW1A 1AA, NHS number 943 476 5919.\n"
        "Regards,\nJane Smith"
    )
    findings = find_identifying_details(text)
    assert [(f.kind, f.text) for f in findings] == [
        ("name", "Jane Smith"),
        ("phone", "07700 900123"),
        ("email", "jane.smith@example.org"),
        ("postcode", "SW1A 1AA"),
        ("health_number", "943 476 5919"),
        ("name", "Jane Smith"),
    ]
    assert findings[1] == Finding("phone", 28, 40, "07700 900123")
    assert all(text[f.start : f.end] == f.text for f in findings)


def test_french_text():
    text = (
        "Bonjour, je m'appelle Marie Tremblay. Mon numéro d'assurance maladie est "
        "TREM 8001 0112 et j'habite au H2X 1Y4. Téléphone : 514.555.0199.\n"
        "Cordialement,\nMarie Tremblay"
    )
    assert _found(text) == [
        ("name", "Marie Tremblay"),
        ("health_number", "TREM 8001 0112"),
        ("postcode", "H2X 1Y4"),
        ("phone", "514.555.0199"),
        ("name", "Marie Tremblay"),
    ]


def test_screens_a_long_text_quickly():
    text = ("Nobody called me back about my mother's care for 3 weeks, room 12. " * 60)[:4900]
    text += " Call 07700 900123."
    best = min(_timed(find_identifying_details, text) for _ in range(5))
    assert best < 0.05


def _timed(function, text):
    started = time.perf_counter()
    function(text)
    return time.perf_counter() - started


# Fragments that look like the start of a detail, so generated texts reach deep into the patterns.
_FRAGMENTS = st.sampled_from(
    [
        "0", "07700", "900123", "+44", "+1", "(919)", "555", "-", ".", " ", "\n", "/", "@",
        "example.com", "SW1A", "1AA", "H2X", "1Y4", "NC", "27601", "TREM", "8001", "0112",
        "943", "476", "5919", "member ID", "NHS number", " is ", "My name is", "I am", "Mr",
        "M.", "Jane", "Smith", "Côté", "Regards,", "Cordialement,", "FB-7K3M-2XD9", ":",
    ]
)
_TEXTS = st.one_of(
    st.text(max_size=300), st.lists(_FRAGMENTS | st.text(max_size=3), max_size=60).map("".join)
)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_findings_are_sorted_disjoint_spans_of_the_text(text):
    findings = find_identifying_details(text)
    for finding in findings:
        assert finding.kind in KINDS
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
    for before, after in zip(findings, findings[1:]):
        assert before.end <= after.start
