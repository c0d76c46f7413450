"""Risk-to-life and harm detection (PRODUCT.md §3 "Safety")."""

import time

import pytest

from moderation.screening.risk import find_risk, load_terms

FOUND = [
    # suicide and self-harm
    ("Some days I want to kill myself.", "en", ["kill myself"]),
    ("He said he wants to end his life, I want to end my life too", "en", ["end my life"]),
    ("I just want to die", "en", ["want to die"]),
    ("She has been SUICIDAL since March", "en", ["SUICIDAL"]),
    ("my son is self-harming again", "en", ["self-harming"]),
    ("he talks about self harm", "en", ["self harm"]),
    ("Je vais me tuer", "fr", ["Je vais me tuer"]),
    ("il veut me tuer", "fr", ["me tuer"]),
    ("je veux en finir", "fr", ["en finir"]),
    ("Il a peur de ME SUICIDER", "fr", ["ME SUICIDER"]),
    ("des idées suicidaires", "fr", ["suicidaires"]),
    # abuse
    ("the carer hit me twice", "en", ["hit me"]),
    ("my nephew hurts me when nobody is there", "en", ["hurts me"]),
    ("this is financial abuse", "en", ["abuse"]),
    ("she was sexually assaulted", "en", ["sexually assaulted"]),
    ("c'est de la maltraitance", "fr", ["maltraitance"]),
    ("ma mère est maltraitée", "fr", ["maltraitée"]),
    ("il a abusé de sa confiance", "fr", ["abusé"]),
    ("il me frappe", "fr", ["me frappe"]),
    ("elle a été laissée seule pendant des jours", "fr", ["laissée seule pendant des jours"]),
    # neglect
    ("Dad was left alone for days", "en", ["left alone for days"]),
    ("residents are not fed properly", "en", ["not fed"]),
    ("c'est de la négligence", "fr", ["négligence"]),
    # immediate danger
    ("I am in danger tonight", "en", ["in danger"]),
    ("je suis en danger", "fr", ["en danger"]),
]


@pytest.mark.parametrize(("text", "language", "expected"), FOUND)
def test_finds_risk_phrase(text, language, expected):
    assert find_risk(text, language=language) == expected


NO_RISK = [
    ("The receptionist was rude and the wait was long.", "en"),
    ("Nobody called me back for three weeks.", "en"),
    ("the killer feature is the online booking", "en"),  # "kill" only as part of a word
    ("Jump to the next page", "en"),
    ("le fromage râpé était froid", "fr"),  # "rape" only in unambiguous forms
    ("il a frappé à la porte", "fr"),
    ("elle m'a coupé la parole", "fr"),
    ("un retard non négligeable", "fr"),
    ("la violette est bleue", "fr"),
    ("", "en"),
]


@pytest.mark.parametrize(("text", "language"), NO_RISK)
def test_ordinary_text_is_not_risk(text, language):
    assert find_risk(text, language=language) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("negligence totale", ["negligence"]),  # French typed without accents
        ("NÉGLIGENCE", ["NÉGLIGENCE"]),
        ("I’m not safe at home", ["I’m not safe"]),  # curly apostrophe
        ("self‑harm", ["self‑harm"]),  # non-breaking hyphen
    ],
)
def test_case_accent_and_typography_do_not_hide_a_phrase(text, expected):
    assert find_risk(text, language="fr") == expected


def test_both_lists_apply_whatever_the_language():
    text = "I want to die. Je veux mourir."
    for language in ("en", "fr-CA", "es"):
        assert find_risk(text, language=language) == ["want to die", "Je veux mourir"]


def test_each_phrase_is_reported_once_in_order_of_appearance():
    text = "he hit me. Then he hit me again and I thought about suicide"
    assert find_risk(text, language="en") == ["hit me", "suicide"]


def test_extra_terms_from_settings_are_checked_too():
    assert find_risk("they lock me in my room", language="en") == []
    assert find_risk("they lock me in my room", language="en", extra_terms=["lock me in*", " "]) == [
        "lock me in"
    ]
    assert find_risk("Ils m'enferment", language="fr", extra_terms=["m'enferm*"]) == ["m'enferment"]


def test_load_terms_reads_the_language_file_once():
    english = load_terms("en")
    assert english is load_terms("en")
    assert "suicid*" in english and "kill myself" in english
    assert "me suicider" in load_terms("fr")
    assert load_terms("fr-CA") == load_terms("fr")
    assert load_terms("xx") == ()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_term_files_hold_only_phrases(language):
    terms = load_terms(language)
    assert len(terms) > 50
    for term in terms:
        assert term == term.strip() and "#" not in term
        assert all(not word.rstrip("*").count("*") for word in term.split()), "* may only end a word"


def test_screens_a_long_text_quickly():
    text = ("Personne ne m'a rappelé pour les soins de ma mère, chambre 12. " * 80)[:4980]
    text += " veux mourir"
    find_risk(text, language="fr")  # the first call compiles the lists
    started = time.perf_counter()
    assert find_risk(text, language="fr") == ["veux mourir"]
    assert time.perf_counter() - started < 0.05
