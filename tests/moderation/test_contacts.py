"""Emails and postcodes (PRODUCT.md §3). All data is made up."""

import pytest

from .helpers import found

CONTACTS = {"email", "postcode"}

FOUND = [
    ("write to jane.doe@example.com please", "email", "jane.doe@example.com"),
    ("écrivez à marie.tremblay+soins@exemple.qc.ca.", "email",
     "marie.tremblay+soins@exemple.qc.ca"),
    ("mike dot jones at gmail dot com", "email", "mike dot jones at gmail dot com"),
    ("jo[at]example.org", "email", "jo[at]example.org"),
    ("I live at SW1A 1AA", "postcode", "SW1A 1AA"),
    ("near M1 1AE, Manchester", "postcode", "M1 1AE"),
    ("postcode sw1a1aa", "postcode", "sw1a1aa"),
    ("Edinburgh EH1 1YZ", "postcode", "EH1 1YZ"),
    ("Montréal H2X 1Y4", "postcode", "H2X 1Y4"),
    ("code postal h2x1y4", "postcode", "h2x1y4"),
    ("Longueuil J4K-3L2", "postcode", "J4K-3L2"),
    ("zip 27601-1234", "postcode", "27601-1234"),
    ("Raleigh, NC 27601", "postcode", "27601"),
    ("Chicago, Illinois 60601", "postcode", "60601"),
    ("zip code 90210", "postcode", "90210"),
    ("12 rue des Lilas, 75011 Paris", "postcode", "75011"),
]


@pytest.mark.parametrize(("text", "kind", "match"), FOUND)
def test_finds_contact_detail(text, kind, match):
    assert (kind, match) in found(text, kinds=CONTACTS)


NOT_FOUND = [
    "the leaflet says to email the team",
    "I posted @RiversideNHS and nobody answered",
    "ward b12 3rd floor",
    "Room B12, 3rd floor",
    "we were stuck on the M6 for an hour",
    "I paid 25000 dollars over the years",
    "the appointment on 12/03/2026 was cancelled",
    "we met at 9 at the clinic",
]


@pytest.mark.parametrize("text", NOT_FOUND)
def test_ordinary_text_has_no_contact_detail(text):
    assert found(text, kinds=CONTACTS) == []
