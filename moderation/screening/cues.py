"""What the identifying-detail steps share: where a detail may start and end, and the words
just before it that say what it is ("call me on", "NHS number", "ref", "SIN")."""

from __future__ import annotations

import re

# A detail is never a slice of a longer token: letters, digits, "/" and "-" or "." joined to a
# word are part of the token, so dates (12/03/2026), the portal's own codes (FB-7K3M-2XD9,
# K7QM-2XD9-PH4T-8WNB) and decimals are never cut into phone numbers or postcodes.
START = r"(?<![\w/])(?<!\w[-.])"
END = r"(?![\w/]|-\w|[.,]\d)"

PHONE, REFERENCE, NUMBER_NAME, HEALTH, SIN, SSN, ONTARIO = (
    "phone", "reference", "number name", "health", "sin", "ssn", "ontario")

# How far back a cue may be ("call me any time after six on"): words, within the sentence.
REACH = 6
SENTENCE_BREAK = re.compile(r"[!?\n]|\.(?:\s|$)")
# Words whose full stop is an abbreviation's, not a sentence's: "ref no. 0113 496 0372".
ABBREVIATIONS = frozenset("no nos n ref tel tél ph nr num ext acct inv".split())


def _cues(kind: str, words: str) -> dict[tuple[str, ...], str]:
    """{words of a cue, folded: kind} for cues written "one|two words|three"."""
    return {tuple(cue.split()): kind for cue in words.split("|")}


_PHONE = _cues(PHONE, (
    "call|calling|called|ring|ringing|rang|phone|phoned|phoning|tel|telephone|mobile|cell|"
    "cellphone|text|texting|whatsapp|landline|reach me|contact me|my number|appel|appelez|"
    "appeler|appelle|rappel|rappelez|rappeler|rappelle|telephoner|cellulaire|portable|joindre|"
    "texto|texter|textez|mon numero"))
_REFERENCE = _cues(REFERENCE, (
    "ref|reference|case|claim|invoice|order|account|booking|ticket|file|dossier|facture|"
    "commande|reclamation|plainte|confirmation|tracking|complaint|no|n|receipt|recu|serial|"
    "batch|lot|contract|contrat|bill|payment|paiement|transaction"))
_NUMBER_NAMES = (
    "nhs|chi|ohip|ramq|phn|medicaid|medicare|sin|nas|ssn|nam|health card|health number|"
    "health insurance|carte sante|carte soleil|assurance maladie|social insurance|"
    "social security|assurance sociale|member id|member number")
_NUMBER_NAME = _cues(NUMBER_NAME, _NUMBER_NAMES)
_HEALTH = _cues(HEALTH, _NUMBER_NAMES + "|health|hospital|patient|sante|soleil|maladie|"
                "insurance|assurance|member|membre|id")

# The cue tables the steps ask with: the nearest cue of any kind in a table wins.
PHONE_OR_NOT = {**_PHONE, **_REFERENCE, **_NUMBER_NAME}
HEALTH_OR_PHONE = {**_PHONE, **_REFERENCE, **_HEALTH}
SIN_LABEL = _cues(SIN, "sin|nas|social insurance|assurance sociale")
SSN_LABEL = _cues(SSN, "ssn|social security|soc sec")
ONTARIO_LABEL = _cues(ONTARIO, "ohip|ontario|health card|health number|carte sante|"
                               "assurance sante|assurance maladie")
