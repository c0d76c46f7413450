"""Health and insurance numbers: confirmed by their check digits where they have one (§3).

- python-stdnum checks the NHS number (modulus 11), the Canadian SIN (Luhn), the US SSN (its
  issued ranges) and the British Columbia PHN (modulus 11). A number whose check digit fails
  is not one of these, whatever the words around it say: "NHS 943 476 5918" is a mistyped or
  invented number, and flagging it would teach people to ignore the warning.
- The numbers stdnum lacks are found by their shape: the Ontario health card (10 digits
  printed 4-3-3, often with a two-letter version code; its Luhn digit raises the confidence
  but is not required, as stdnum cannot confirm it), the Quebec RAMQ number (4 letters then
  the birth date, women's months plus 50), the Medicare MBI, the UK National Insurance number,
  and member, Medicaid and policy numbers after their label ("member ID", "Medicaid number").
- A SIN whose Luhn digit is right but that stdnum refuses for its range (the well-known sample
  046 454 286) is flagged only after a "SIN" or "NAS" label.

Ten digits printed 3-3-4 are both an NHS number and a North American phone number; with a valid
NHS check digit they are a health number, unless the words just before call them a phone
number or they are printed as phone numbers are, with dots or brackets.
"""

from __future__ import annotations

import re

from stdnum import luhn
from stdnum.ca import bc_phn, sin
from stdnum.gb import nhs
from stdnum.us import ssn

from .cues import END, HEALTH, HEALTH_OR_PHONE, ONTARIO_LABEL, PHONE, SIN_LABEL, SSN_LABEL, START
from .findings import HEALTH_NUMBER, Finding
from .scan import Scan

_SEP = r"[ \t-]"
_TEN_3_3_4 = re.compile(START + rf"\(?(\d{{3}})\)?({_SEP}?|\.)(\d{{3}})(?:\2|-)(\d{{4}})" + END)
_TEN_4_3_3 = re.compile(
    START + rf"(\d{{4}})({_SEP}?)(\d{{3}})\2(\d{{3}})"
    rf"(?:{_SEP}?(?P<version>[A-Z]{{2}}))?" + END)
_NINE_3_3_3 = re.compile(START + rf"(\d{{3}})({_SEP}?)(\d{{3}})\2(\d{{3}})" + END)
_SSN = re.compile(START + rf"(\d{{3}})({_SEP}?)(\d{{2}})\2(\d{{4}})" + END)
# Quebec RAMQ: 3 letters of the surname, 1 of the first name, then YY MM DD and 2 digits. In
# capitals, or run together in lower case (a word then a number is a sentence, not a RAMQ).
_RAMQ = re.compile(
    START + r"(?:[A-Z]{4}[ \t]?|[a-z]{4})(\d\d)(\d\d)[ \t]?(\d\d)\d\d" + END)
# Medicare Beneficiary Identifier: 11 characters, letters never S, L, O, I, B or Z.
_MBI_LETTER = "AC-HJKMNP-RT-Y"
_MBI = re.compile(
    START + rf"[1-9][{_MBI_LETTER}][{_MBI_LETTER}\d]\d-?[{_MBI_LETTER}][{_MBI_LETTER}\d]\d-?"
    rf"[{_MBI_LETTER}]{{2}}\d\d" + END)
# Its prefix letters, without the ones never issued: the specimen QQ 12 34 56 C counts too.
_NI_NUMBER = re.compile(
    START + r"(?!BG|GB|KN|NK|NT|TN|ZZ)[A-Z]{2}"
    r"[ \t]?\d\d[ \t]?\d\d[ \t]?\d\d[ \t]?[A-D]" + END)

# Labels whose number has no check digit: what follows them is an identifier. (A number that has
# one, NHS, SIN, OHIP, PHN, is flagged only when its check digit is right, label or not.)
_ID_LABELS = (
    "member id", "member number", "member no", "membership number", "subscriber id",
    "medicaid id", "medicaid number", "medicaid no", "medicare id", "medicare number",
    "medicare no", "chi number", "hospital number", "patient id", "patient number", "mrn",
    "medical record number", "policy number", "policy no", "insurance number", "insurance id",
    "health insurance number", "national insurance number", "ni number",
    "numéro d'assurance maladie", "nam", "numéro de carte soleil", "numéro de carte santé",
    "numéro de dossier médical", "numéro de membre", "numéro de police", "numéro ramq",
    "carte soleil", "carte d'assurance maladie",
)


def _phrase_pattern(phrase: str) -> str:
    """Spaces, apostrophes and "é" in a phrase match however they were typed."""
    return (re.escape(phrase).replace(r"\ ", r"[ \t]+").replace("'", "['’]")
            .replace("é", "[ée]"))


_LABELLED_ID = re.compile(
    r"\b(?:" + "|".join(_phrase_pattern(label) for label in _ID_LABELS) + r")\b"
    r"[ \t]*(?:(?:is|was|est|de|:|#|=|n[o°º]\.?)(?![\w])[ \t]*){0,2}"
    # First group: holds a digit, or is a short capital prefix (YGH 123456); later groups hold
    # a digit, so the token stops before the next ordinary word.
    r"(?P<id>(?:(?=[A-Za-z]*\d)[A-Za-z0-9]+|(?-i:[A-Z]{1,4}))"
    r"(?:[ \t-](?=[A-Za-z]*\d)[A-Za-z0-9]+){0,3})"
    r"(?!\w)",
    re.IGNORECASE,
)


# Words that start a label above (folded), to find the labels without reading the whole text.
TRIGGERS = frozenset(
    "member membership subscriber medicaid medicare chi hospital patient mrn medical policy "
    "insurance health national ni numero nam carte".split())


def find_health_numbers(scan: Scan) -> list[Finding]:
    """NHS, SIN, SSN, BC PHN, Ontario, RAMQ, MBI and NI numbers, and labelled member IDs."""
    text, found = scan.text, []
    for run in scan.digit_runs:
        # A run of 18 digits or more may hold two numbers side by side ("943 476 5919 07700...").
        if run.digits == 10 or run.digits >= 19:
            found += _ten_digits(scan, run.start, run.end)
        if run.digits == 9 or run.digits >= 18:
            found += _nine_digits(scan, run.start, run.end)
        if run.digits == 8 and run.start >= 4 and (text[run.start - 1].isalpha()
                                                      or text[run.start - 2].isalpha()):
            for m in scan.window(_RAMQ, run.start - 5, run.end + 3):
                month, day = int(m.group(2)), int(m.group(3))
                if (1 <= month <= 12 or 51 <= month <= 62) and 1 <= day <= 31:
                    found.append(_found(m, "Quebec RAMQ number: letters then a birth date", 0.9))
        if run.digits == 6 and run.start >= 2 and text[run.start - 2:run.start].strip().isupper():
            for m in scan.window(_NI_NUMBER, run.start - 3, run.end + 5):
                found.append(_found(m, "UK National Insurance number", 0.85))
        if run.digits == 1 and text[run.end:run.end + 1].isupper():
            for m in scan.window(_MBI, run.start, run.start + 16):
                found.append(_found(m, "Medicare beneficiary identifier", 0.9))
    for w in scan.words(TRIGGERS):
        m = scan.match(_LABELLED_ID, w.start, w.start + 90)
        if m is not None:
            token = m.group("id")
            alnum = [c for c in token if c.isalnum()]
            if len(alnum) >= 6 and any(c.isdigit() for c in alnum):
                found.append(Finding(HEALTH_NUMBER, m.start("id"), m.end("id"), token,
                                     "identifier after its label", 0.8))
    return found


def _ten_digits(scan: Scan, start: int, end: int) -> list[Finding]:
    found = []
    for m in scan.window(_TEN_3_3_4, start - 1, end + 3):
        digits = m.group(1) + m.group(3) + m.group(4)
        if nhs.is_valid(digits) and not _reads_as_phone(scan, m):
            found.append(_found(m, "NHS number: valid check digit", 0.95))
    for m in scan.window(_TEN_4_3_3, start, end + 6):
        digits = m.group(1) + m.group(3) + m.group(4)
        if digits[0] == "0":
            continue  # a UK number (0800 123 456); neither card starts with 0
        grouped = bool(m.group(2)) or m.group("version")
        if bc_phn.is_valid(digits) and (grouped or scan.cue(m.start(), HEALTH_OR_PHONE) == HEALTH):
            found.append(_found(m, "British Columbia PHN: valid check digit", 0.95))
        elif grouped or scan.cue(m.start(), ONTARIO_LABEL):
            # Printed 4-3-3 (often with its version code) nothing else is; its Luhn digit, when
            # right, only makes it surer: a misread card is still the person's card.
            if luhn.is_valid(digits):
                found.append(_found(m, "Ontario health card number: valid check digit", 0.9))
            else:
                found.append(_found(m, "Ontario health card number: its 4-3-3 shape", 0.75))
    return found


def _nine_digits(scan: Scan, start: int, end: int) -> list[Finding]:
    found = []
    for m in scan.window(_NINE_3_3_3, start, end + 3):
        digits = m.group(1) + m.group(3) + m.group(4)
        cue = scan.cue(m.start(), SIN_LABEL)
        if sin.is_valid(digits) and (m.group(2) or cue):
            found.append(_found(m, "Canadian SIN: valid check digit", 0.95))
        elif cue and luhn.is_valid(digits) and len(set(digits)) > 1:
            found.append(_found(m, "SIN after its label: valid check digit", 0.9))
    for m in scan.window(_SSN, start, end + 3):
        digits = m.group(1) + m.group(3) + m.group(4)
        if ssn.is_valid(f"{digits[:3]}-{digits[3:5]}-{digits[5:]}") and (
                m.group(2) or scan.cue(m.start(), SSN_LABEL)):
            found.append(_found(m, "US SSN: an issued range", 0.9))
    return found


def _found(m: re.Match[str], reason: str, confidence: float) -> Finding:
    return Finding(HEALTH_NUMBER, m.start(), m.end(), m.group(), reason, confidence)


def _reads_as_phone(scan: Scan, m: re.Match[str]) -> bool:
    """Whether ten digits that pass the NHS check are more likely a phone number."""
    cue = scan.cue(m.start(), HEALTH_OR_PHONE)
    if cue == HEALTH:
        return False
    return cue == PHONE or "(" in m.group() or "." in m.group() or "-" in m.group()
