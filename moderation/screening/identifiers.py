"""Details that could identify the writer of an anonymous case (§3).

The steps run in an order that settles digits two of them could claim: emails, health numbers
(confirmed by their check digits), dates of birth and postcodes first, then phone numbers
outside what those found, so a valid NHS number or a date of birth is never also a phone
number. Names come from the words around them (names.py). Remaining overlaps are settled with
every other finding by findings.settle.
"""

from __future__ import annotations

from . import dates_of_birth, health_numbers, names
from .contacts import EMAIL_TRIGGERS, find_emails, find_postcodes
from .findings import Finding
from .folding import Prepared
from .phones import find_phones
from .scan import Scan

_TRIGGERS = dates_of_birth.TRIGGERS | dates_of_birth.AFTER_TRIGGERS | health_numbers.TRIGGERS \
    | names.TRIGGERS | EMAIL_TRIGGERS


def find_identifying_details(text: str, *, prepared: Prepared | None = None,
                             country: str | None = None) -> list[Finding]:
    """Emails, health numbers, dates of birth, postcodes, phone numbers and names in `text`;
    `country` is the commissioner's (ISO code), for phone numbers written without one."""
    scan = Scan(text, prepared or Prepared.of(text), _TRIGGERS)
    settled = find_emails(scan) + health_numbers.find_health_numbers(scan) \
        + dates_of_birth.find_dates_of_birth(scan) + find_postcodes(scan)
    claimed = [(f.start, f.end) for f in settled]
    return settled + find_phones(scan, country=country, claimed=claimed) + names.find_names(scan)
