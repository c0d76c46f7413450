"""Find details that could identify the writer of an anonymous case (PRODUCT.md §3).

Each detector yields candidate spans; overlaps are settled leftmost-longest so one detail is
reported once, under the most specific kind. The patterns favour catching a detail over missing
one: the person sees every finding and decides, so a false positive costs a glance, a miss may
cost their anonymity.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    kind: str  # one of: "email", "phone", "postcode", "health_number", "name"
    start: int  # character offsets into the text
    end: int
    text: str  # the matched text


_Span = tuple[str, int, int]

# A detail is never a slice of a longer token: letters, digits, "/" and "-" or "." joined to a
# word are part of the token, so dates (12/03/2026), the portal's own codes (FB-7K3M-2XD9,
# K7QM-2XD9-PH4T-8WNB) and decimals are never cut into phone numbers or postcodes.
_START = r"(?<![\w/])(?<!\w[-.])"
_END = r"(?![\w/]|-\w|[.,]\d)"

_EMAIL = re.compile(
    # Starting only at the beginning of a run keeps the scan linear on long runs without "@".
    r"(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])"
)

_UK_PHONE = re.compile(
    _START
    + r"(?:\+44[ \t-]?(?:\(0\)[ \t-]?)?|\(?0)"
    # UK numbers group as 2-4 / 3-4 / 3-4 (020 7946 0958), 4-5 / 6 (07700 900123) or run together.
    + r"(?:\d{2,4}\)?[ \t-]?\d{3,4}[ \t-]?\d{3,4}|\d{3,4}\)?[ \t-]?\d{6}|\d{9,10})"
    + _END
)
_NANP_PHONE = re.compile(
    # North American area codes and exchanges never start with 0 or 1.
    r"(?<![\w/+])(?<!\w[-.])(?:\+1[ \t.-]?|1[ \t.-])?"
    r"(?:\([2-9]\d\d\)[ \t]?|[2-9]\d\d[ \t.-]?)[2-9]\d\d[ \t.-]?\d{4}" + _END
)

_UK_AREAS = (
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY "
    "E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE "
    "LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL "
    "SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE"
).split()
_UK_POSTCODE = re.compile(
    # Only real postcode areas, and the inward letters never use C, I, K, M, O or V.
    _START
    + rf"(?:{'|'.join(sorted(_UK_AREAS, key=len, reverse=True))})"
    + r"\d[A-Z\d]?[ \t]?\d[ABD-HJLNP-UW-Z]{2}"
    + _END,
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)", re.IGNORECASE)
_CA_POSTCODE = re.compile(
    _START
    + r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \t-]?\d[ABCEGHJ-NPRSTV-Z]\d"
    + _END,
    re.IGNORECASE,
)
_US_ZIP4 = re.compile(_START + r"\d{5}-\d{4}" + _END)
_US_STATES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM "
    "NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR VI GU AS MP"
).split()
# A bare 5-digit number is too common to flag on its own; after a state abbreviation it is a ZIP.
_US_STATE_ZIP = re.compile(
    rf"\b(?:{'|'.join(_US_STATES)}),?[ \t]+(?P<zip>\d{{5}}(?:-\d{{4}})?)" + _END
)

# NHS numbers are printed 3-3-4 with spaces; hyphens or dots mean a North American phone number.
_TEN_DIGITS = re.compile(_START + r"(\d{3})([ \t]?)(\d{3})\2(\d{4})" + _END)
_SIN = re.compile(_START + r"(\d{3})([ \t-])(\d{3})\2(\d{3})" + _END)
_SSN = re.compile(_START + r"(\d{3})([ \t-])(\d{2})\2(\d{4})" + _END)
# Quebec RAMQ: 3 letters of the surname, 1 of the first name, then YY MM DD and 2 digits.
_RAMQ = re.compile(_START + r"[A-Za-z]{4}[ \t]?(\d\d)(\d\d)[ \t]?(\d\d)\d\d" + _END)

_ID_LABELS = (
    "member id", "member number", "member no", "membership number", "subscriber id",
    "medicaid id", "medicaid number", "medicaid no", "medicare id", "medicare number",
    "medicare no", "nhs number", "nhs no", "chi number", "hospital number", "patient id",
    "patient number", "mrn", "medical record number", "policy number", "policy no",
    "insurance number", "insurance id", "health card number", "health insurance number",
    "social security number", "ssn", "social insurance number", "sin", "national insurance number",
    "ni number", "numéro d'assurance maladie", "numéro d'assurance sociale", "nas", "nam",
    "numéro de carte soleil", "numéro de carte santé", "numéro de dossier", "numéro de membre",
    "numéro de police", "numéro ramq", "carte soleil", "carte d'assurance maladie",
)


def _phrase_pattern(phrase: str) -> str:
    """Spaces, apostrophes and "é" in a phrase match however they were typed."""
    return (
        re.escape(phrase)
        .replace(r"\ ", r"[ \t]+")
        .replace("'", "['’]")
        .replace("é", "[ée]")
    )


_MEMBER_ID = re.compile(
    r"\b(?:" + "|".join(_phrase_pattern(label) for label in _ID_LABELS) + r")\b"
    r"[ \t]*(?:(?:is|was|est|de|:|#|=|n[o°º]\.?)(?![\w])[ \t]*){0,2}"
    # First group: holds a digit, or is a short capital prefix (YGH 123456); later groups hold
    # a digit, so the token stops before the next ordinary word.
    r"(?P<id>(?:(?=[A-Za-z]*\d)[A-Za-z0-9]+|(?-i:[A-Z]{1,4}))"
    r"(?:[ \t-](?=[A-Za-z]*\d)[A-Za-z0-9]+){0,3})"
    r"(?!\w)",
    re.IGNORECASE,
)

_UPPER = "A-ZÀ-ÖØ-ÞŒ"
_LOWER = "a-zß-öø-ÿœ"
_NAME_WORD = (
    rf"(?:[{_UPPER}]['’])?[{_UPPER}][{_LOWER}]+(?:[{_UPPER}][{_LOWER}]+)?"
    rf"(?:-[{_UPPER}][{_LOWER}]+)?"
)
_NAME_RUN = rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}"
_MY_NAME_IS = re.compile(
    r"\b(?i:my[ \t]+name[ \t]+is|my[ \t]+name['’]s|je[ \t]+m['’][ \t]?appelle"
    r"|mon[ \t]+nom[ \t]+est|je[ \t]+me[ \t]+nomme)[ \t]*:?[ \t]+"
    rf"(?P<name>{_NAME_RUN})"
)
# "I am" is followed by a name far less often than by an adjective, so ask for two names.
_I_AM = re.compile(
    rf"\b(?:I[ \t]+am|I['’]m|(?i:je[ \t]+suis))[ \t]+(?P<name>{_NAME_RUN})"
)
_TITLE = re.compile(
    r"(?<![\w.])(?P<title>(?:Mrs|Mr|Ms|Miss|Mx|Dr|Prof|Mme|Mlle)\.?|M\.)"
    rf"[ \t]+(?P<name>{_NAME_RUN})"
)
_CLOSINGS = (
    "regards", "kind regards", "best regards", "warm regards", "many thanks", "thanks",
    "thank you", "best wishes", "yours sincerely", "sincerely", "yours faithfully",
    "yours truly", "cheers", "cordialement", "bien cordialement", "salutations",
    "sincères salutations", "bien à vous", "merci", "merci beaucoup", "amitiés",
)
_SIGNATURE = re.compile(
    r"(?:(?<![^\n])|(?<=[.!?][ \t]))[ \t]*"
    r"(?i:" + "|".join(_phrase_pattern(c) for c in sorted(_CLOSINGS, key=len, reverse=True)) + ")"
    rf"[ \t]*[,.!:-]?\s+(?P<name>{_NAME_RUN})[.\s]*\Z"
)
# Capitalised words that start sentences or shout, not names ("I am Not Happy").
_NOT_NAMES = frozenset(
    """the this that these those it its he she we they you your my our his her their i and but or
    so then when where what why how who not no yes very really also just still now here there
    today yesterday tomorrow please thanks thank hello hi dear sorry writing worried concerned
    happy unhappy angry upset disappointed going trying calling complaining with from for about
    after before at in on of to by as if all any some one le la les un une des je il elle nous
    vous ils elles mon ma mes ton ta son sa ses notre votre leur et mais ou donc car ce cet cette
    ces pas très aussi encore merci bonjour bonsoir cher chère désolé désolée""".split()
)


def find_identifying_details(text: str) -> list[Finding]:
    """Emails, phone numbers, postcodes, health/insurance numbers and name-like patterns in `text`, in order, not overlapping."""
    candidates = sorted(
        (span for detect in _DETECTORS for span in detect(text)),
        key=lambda span: (span[1], -span[2], _RANK[span[0]]),  # leftmost, longest, most specific
    )
    findings: list[Finding] = []
    last_end = 0
    for kind, start, end in candidates:
        if start >= last_end:
            findings.append(Finding(kind, start, end, text[start:end]))
            last_end = end
    return findings


def _emails(text: str) -> Iterator[_Span]:
    for m in _EMAIL.finditer(text):
        yield "email", m.start(), m.end()


def _phones(text: str) -> Iterator[_Span]:
    for m in _UK_PHONE.finditer(text):
        digits = "".join(c for c in m.group() if c.isdigit())
        national = digits[2:] if m.group().startswith("+") else digits
        # Without the trunk 0, UK numbers have 9 or 10 digits; fewer is a reference or a count.
        if len(national.removeprefix("0")) in (9, 10):
            yield "phone", m.start(), m.end()
    for m in _NANP_PHONE.finditer(text):
        yield "phone", m.start(), m.end()


def _postcodes(text: str) -> Iterator[_Span]:
    for m in _UK_POSTCODE.finditer(text):
        inward = m.group()[-3:]
        # "ward b12 3rd floor": a lower-case ordinal is a sentence, not a postcode.
        if not (_ORDINAL.fullmatch(inward) and not inward.isupper()):
            yield "postcode", m.start(), m.end()
    for pattern in (_CA_POSTCODE, _US_ZIP4):
        for m in pattern.finditer(text):
            yield "postcode", m.start(), m.end()
    for m in _US_STATE_ZIP.finditer(text):
        yield "postcode", m.start("zip"), m.end("zip")


def _health_numbers(text: str) -> Iterator[_Span]:
    for m in _TEN_DIGITS.finditer(text):
        if _nhs_valid(m.group(1) + m.group(3) + m.group(4)):
            yield "health_number", m.start(), m.end()
    for m in _SIN.finditer(text):
        if _luhn_valid(m.group(1) + m.group(3) + m.group(4)):
            yield "health_number", m.start(), m.end()
    for m in _SSN.finditer(text):
        area, group, serial = m.group(1), m.group(3), m.group(4)
        # The SSA never issues area 000, 666 or 900-999, group 00 or serial 0000.
        if area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000":
            yield "health_number", m.start(), m.end()
    for m in _RAMQ.finditer(text):
        month, day = int(m.group(2)), int(m.group(3))
        # Women's RAMQ numbers add 50 to the birth month; the date check rules out plain words + numbers.
        if (1 <= month <= 12 or 51 <= month <= 62) and 1 <= day <= 31:
            yield "health_number", m.start(), m.end()
    for m in _MEMBER_ID.finditer(text):
        token = m.group("id")
        alnum = [c for c in token if c.isalnum()]
        if len(alnum) >= 6 and any(c.isdigit() for c in alnum):
            yield "health_number", m.start("id"), m.end("id")


def _names(text: str) -> Iterator[_Span]:
    for pattern, min_words in ((_MY_NAME_IS, 1), (_I_AM, 2), (_TITLE, 1), (_SIGNATURE, 1)):
        for m in pattern.finditer(text):
            end = _name_end(m, min_words)
            if end is not None:
                start = m.start("title") if "title" in pattern.groupindex else m.start("name")
                yield "name", start, end


def _name_end(m: re.Match[str], min_words: int) -> int | None:
    """End of the captured name, cut before the first word that is not a name; None if too short."""
    end, count = None, 0
    for word in re.finditer(r"\S+", m.group("name")):
        if word.group().casefold() in _NOT_NAMES:
            break
        end, count = m.start("name") + word.end(), count + 1
    return end if count >= min_words else None


def _nhs_valid(digits: str) -> bool:
    """NHS modulus-11: weights 10..2 on the first nine digits; a check value of 10 is never issued."""
    if len(set(digits)) == 1:
        return False
    check = 11 - sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1))) % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _luhn_valid(digits: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0 and len(set(digits)) > 1


_DETECTORS = (_emails, _health_numbers, _postcodes, _phones, _names)
# On equal spans the more specific kind wins (a valid NHS number also looks like a phone number).
_RANK = {"email": 0, "health_number": 1, "postcode": 2, "phone": 3, "name": 4}
