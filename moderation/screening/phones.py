"""Phone numbers, judged with the `phonenumbers` library's data on candidate spans (§3).

A cheap pattern finds runs of digits that could be dialled (with +, brackets, spaces, dots or
hyphens between them), only where the text has seven digits or more close together;
`phonenumbers` then judges each candidate for the regions it can belong to: the commissioner's
country, then by its shape the UK or France for a number with a trunk 0 (French ones are
written in pairs, 06 12 34 56 78), the US and Canada (+1) for one without, or its own country
after + or 00.

For the UK, France, the US and Canada the national number is checked against the library's
own metadata (`PhoneMetadata`: the patterns of every number type, with its possible lengths),
compiled once: the same verdict as `is_valid_number` and `number_type`, which recompile or look
up those patterns on every call and cost tens of microseconds each (`PhoneNumberMatcher`
rescans the text once per region and costs more again). Other countries, and numbers written
with a +, go through `phonenumbers.parse`.

Lenient, as the matcher's POSSIBLE leniency: a number that no type allows but that has a
possible length still counts when it is written with a trunk 0 or a + and ten digits or more,
or after words like "call me", because people make up or mistype numbers and the UK's drama
range (07700 900123) is not "valid". It is not a phone number when:
- its digits were already settled as another detail (a health number, a date of birth);
- the words just before name it as something else ("ref", "invoice", "NHS number");
- it is an organisation's number (freephone, premium rate, shared cost: 0800 123 4567,
  1-800-555-0175), which a person calls and does not own, so it identifies no one.
"""

from __future__ import annotations

import functools
import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneMetadata, PhoneNumberType

from . import cues
from .cues import END, PHONE_OR_NOT, START
from .findings import PHONE, Finding, Spans
from .scan import Scan

_CANDIDATE = re.compile(
    START + r"(?:\+|00)?(?:\(\d{1,4}\)|\d)(?:[ \t.\-]?(?:\(\d{1,4}\)|\d)){6,18}" + END)
_GROUP = re.compile(r"\S+")
_PAIRS = re.compile(r"0\d(?:[ .]\d\d){4}")
_ORGANISATION_TYPES = frozenset({PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE,
                                 PhoneNumberType.SHARED_COST, PhoneNumberType.UAN})
# The number types of the library's metadata: an organisation's first, then a person's.
_TYPE_DESCS = (("toll_free", True), ("premium_rate", True), ("shared_cost", True), ("uan", True),
               ("fixed_line", False), ("mobile", False), ("voip", False),
               ("personal_number", False), ("pager", False), ("voicemail", False))
_KNOWN = {"GB": 44, "FR": 33, "US": 1, "CA": 1}
# The UK's +44 is shared with the Crown dependencies (07911 numbers are Jersey's and Guernsey's).
_UK = ("GB", "JE", "GG", "IM")
_SHARING = {"GB": _UK, "FR": ("FR",), "US": ("US", "CA")}


def find_phones(scan: Scan, *, country: str | None = None,
                claimed: list[tuple[int, int]] = ()) -> list[Finding]:
    """Phone numbers outside the `claimed` spans; `country` is the commissioner's."""
    text, found, claimed = scan.text, [], Spans(claimed)
    for run in scan.digit_runs:
        if run.digits < 7:
            continue
        for m in scan.window(_CANDIDATE, run.start - 3, run.end + 3):
            if claimed.overlap(m.start(), m.end()):
                continue
            cue = scan.cue(m.start(), PHONE_OR_NOT)
            if cue in (cues.REFERENCE, cues.NUMBER_NAME):
                continue
            found.extend(_phones_in(text, m, country, cued=cue == cues.PHONE))
    return found


def _phones_in(text: str, m: re.Match[str], country: str | None, cued: bool) -> list[Finding]:
    """The candidate as one number, or else the numbers in its runs of groups, left to right."""
    groups = [(m.start() + g.start(), m.start() + g.end()) for g in _GROUP.finditer(m.group())]
    found = []
    first = 0
    while first < len(groups):
        for last in range(len(groups), first, -1):
            start, end = groups[first][0], groups[last - 1][1]
            verdict = _judge(text[start:end], country, cued)
            if verdict is not None:
                if verdict:
                    found.append(Finding(PHONE, start, end, text[start:end], *verdict))
                first = last
                break
        else:
            first += 1
    return found


def _judge(raw: str, country: str | None, cued: bool):
    """(reason, confidence) for a phone number, () for an organisation's number (a number, but
    not one to flag), None for no phone number."""
    digits = "".join(c for c in raw if c.isdigit())
    if not 7 <= len(digits) <= 15:
        return None
    if raw.startswith("00"):
        raw, digits = "+" + raw[2:], digits[2:]
    international = raw.startswith("+")
    country = (country or "").upper()
    if country and country not in _KNOWN and not international:
        return _judge_parsed(raw, country, cued, digits)
    if international:
        for region in ("GB", "FR", "US"):
            code = str(_KNOWN[region])
            if digits.startswith(code):
                national = digits[len(code):]
                national = national[1:] if region != "US" and national.startswith("0") else national
                return _judge_national(national, _SHARING[region], True)
        return _judge_parsed(raw, None, cued, digits)
    if digits[0] == "0":
        regions = ("FR", *_UK) if _PAIRS.fullmatch(raw) else (*_UK, "FR")
        return _judge_national(digits[1:], regions, cued or len(digits) >= 10)
    national = digits[1:] if len(digits) == 11 and digits[0] == "1" else digits
    return _judge_national(national, _SHARING["US"], cued)


def _judge_national(national: str, regions: tuple[str, ...], lenient: bool):
    """The verdict on a national number against each region's metadata in turn."""
    possible = None
    for region in regions:
        length_ok, types = _region(region)
        if len(national) not in length_ok:
            continue
        for pattern, organisation in types:
            if pattern.fullmatch(national):
                return () if organisation else (f"phone number, valid in {region}", 0.95)
        if possible is None and lenient:
            possible = (f"phone number, possible in {region}", 0.7)
    return possible


@functools.cache
def _region(region: str) -> tuple[frozenset[int], list[tuple[re.Pattern[str], bool]]]:
    """A region's possible national lengths and its number types' patterns, compiled once."""
    metadata = PhoneMetadata.metadata_for_region(region)
    lengths = frozenset(metadata.general_desc.possible_length or ())
    types = []
    for name, organisation in _TYPE_DESCS:
        desc = getattr(metadata, name, None)
        if desc is not None and desc.national_number_pattern:
            types.append((re.compile(desc.national_number_pattern), organisation))
    return lengths, types


def _judge_parsed(raw: str, region: str | None, cued: bool, digits: str):
    """The slower verdict of `phonenumbers.parse`, for the countries the metadata above skips."""
    try:
        number = phonenumbers.parse(raw, region)
    except NumberParseException:
        return None
    if phonenumbers.is_valid_number(number):
        if phonenumbers.number_type(number) in _ORGANISATION_TYPES:
            return ()
        return (f"phone number, valid in {phonenumbers.region_code_for_number(number)}", 0.95)
    if phonenumbers.is_possible_number(number) and (cued or len(digits) >= 10):
        return ("phone number, possible", 0.7)
    return None
