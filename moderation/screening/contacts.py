"""Email addresses and postcodes: details that reach or place the writer (§3)."""

from __future__ import annotations

import re

from .cues import END, START
from .findings import EMAIL, POSTCODE, Finding
from .scan import Scan

_EMAIL = re.compile(
    # Starting only at the beginning of a run keeps the scan linear on long runs without "@".
    r"(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])"
)

# An address spelled out so it is not an address: "mike dot jones at gmail dot com",
# "jo[at]example.org". Looked for only where "dot", "[at]" or "(at)" is written.
_SPELLED_DOT = r"(?:[ \t]*(?:\[dot\]|\(dot\)|\{dot\}|[ \t]dot[ \t])[ \t]*|\.)"
_SPELLED_AT = r"(?:[ \t]*(?:\[at\]|\(at\)|\{at\}|@)[ \t]*|[ \t]+at[ \t]+)"
_SPELLED_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w+-]+(?:{_SPELLED_DOT}[\w+-]+)*{_SPELLED_AT}"
    rf"[A-Za-z0-9-]+(?:{_SPELLED_DOT}[A-Za-z0-9-]+)*{_SPELLED_DOT}"
    r"(?:com|org|net|edu|gov|info|io|ca|fr|uk|us|be|ch)(?!\w)",
    re.IGNORECASE,
)
EMAIL_TRIGGERS = frozenset({"dot"})

_UK_AREAS = frozenset((
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY "
    "E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE "
    "LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL "
    "SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE"
).split())
_UK_POSTCODE = re.compile(
    # The inward letters never use C, I, K, M, O or V; the area is checked against the real ones.
    START + r"(?P<area>[A-Za-z]{1,2})\d[A-Za-z\d]?[ \t]?\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}" + END
)
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)", re.IGNORECASE)
_CA_POSTCODE = re.compile(
    START + r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ \t-]?\d[ABCEGHJ-NPRSTV-Z]\d" + END,
    re.IGNORECASE,
)
_US_ZIP4 = re.compile(START + r"\d{5}-\d{4}" + END)
_US_STATES = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM "
    "NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR VI GU AS MP"
).split()
# A bare 5-digit number is too common to flag on its own; after a state abbreviation, or the
# words "zip" or "code postal", it is a postcode.
_US_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming")
_LABELLED_ZIP = re.compile(
    rf"(?:\b(?:{'|'.join(_US_STATES)}|{_US_STATE_NAMES}),?[ \t]+"
    r"|(?i:\bzip(?:[ \t]?code)?|\bcode[ \t]postal)[ \t]*(?:is|est|:)?[ \t]*)"
    r"(?P<zip>\d{5}(?:-\d{4})?)" + END
)
# A French postcode written before its town, as on an envelope: ", 75011 Paris".
_FR_POSTCODE = re.compile(
    r"(?:(?<=,)|(?<=\n)|(?<=^))[ \t]*(?P<zip>(?:0[1-9]|[1-8]\d|9[0-5])\d{3})"
    r"(?=[ \t]+[A-ZÀ-Ý][a-zà-ÿ]+)", re.MULTILINE)


def find_emails(scan: Scan) -> list[Finding]:
    """Email addresses: read around each "@", and addresses spelled out to dodge filters."""
    text, found, searched_to = scan.text, [], -1
    for w in scan.words(EMAIL_TRIGGERS):
        for m in scan.window(_SPELLED_EMAIL, w.start - 64, w.end + 64):
            found.append(Finding(EMAIL, m.start(), m.end(), m.group(), "email address, spelled out",
                                 0.9))
    for bracket in ("[at]", "(at)", "{at}"):
        at = text.find(bracket)
        while at != -1:
            for m in scan.window(_SPELLED_EMAIL, at - 64, at + 80):
                found.append(Finding(EMAIL, m.start(), m.end(), m.group(),
                                     "email address, spelled out", 0.9))
            at = text.find(bracket, at + 1)
    at = text.find("@")
    while at != -1:
        if at >= searched_to:
            for m in scan.window(_EMAIL, at - 64, at + 256):
                if m.start() <= at < m.end():
                    found.append(Finding(EMAIL, m.start(), m.end(), m.group(), "email address",
                                         0.99))
                    searched_to = m.end()
                    break
        at = text.find("@", at + 1)
    return found


def find_postcodes(scan: Scan) -> list[Finding]:
    """UK postcodes, Canadian postal codes, US ZIP codes (ZIP+4, or after a state or a label)."""
    text, found = scan.text, []
    for run in scan.digit_runs:
        if run.start and text[run.start - 1].isalpha():
            # A postcode's first digit follows its area letters: SW1A 1AA, H2X 1Y4.
            for m in scan.window(_UK_POSTCODE, run.start - 2, run.start + 9):
                inward = m.group()[-3:]
                # "ward b12 3rd floor": a lower-case ordinal is a sentence, not a postcode.
                if m.group("area").upper() in _UK_AREAS and not (
                        _ORDINAL.fullmatch(inward) and not inward.isupper()):
                    found.append(Finding(POSTCODE, m.start(), m.end(), m.group(), "UK postcode",
                                         0.9))
            for m in scan.window(_CA_POSTCODE, run.start - 1, run.start + 9):
                found.append(Finding(POSTCODE, m.start(), m.end(), m.group(),
                                     "Canadian postal code", 0.9))
        if run.digits == 9:
            for m in scan.window(_US_ZIP4, run.start, run.end + 3):
                found.append(Finding(POSTCODE, m.start(), m.end(), m.group(), "US ZIP+4 code",
                                     0.9))
        if run.digits == 5:
            for m in scan.window(_FR_POSTCODE, run.start - 2, run.end + 30):
                found.append(Finding(POSTCODE, m.start("zip"), m.end("zip"), m.group("zip"),
                                     "French postcode before its town", 0.8))
        if run.digits in (5, 9):
            for m in scan.window(_LABELLED_ZIP, run.start - 30, run.end + 3):
                if m.start("zip") == run.start:
                    found.append(Finding(POSTCODE, m.start("zip"), m.end("zip"), m.group("zip"),
                                         "ZIP or postal code after a state or a label", 0.85))
    return found
