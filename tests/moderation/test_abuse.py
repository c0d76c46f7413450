"""Abusive language: swearing, insults, slurs and Quebec oaths, plain or disguised, never inside
a longer word (PRODUCT.md §6)."""

import pytest

from .helpers import found

FOUND = [
    ("the food is absolute shit", "shit"),
    ("fucking useless", "fucking"),
    ("what the f*ck", "f*ck"),
    ("f**k you all", "f**k"),
    ("f***ing joke", "f***ing"),
    ("this is bullsh1t", "bullsh1t"),
    ("$h1t service", "$h1t"),
    ("that b!tch at reception", "b!tch"),
    ("you're an a$$hole", "a$$hole"),
    ("fuuuuck this", "fuuuuck"),
    ("F u c k this place", "F u c k"),
    ("s.h.i.t service", "s.h.i.t"),
    ("what the fck", "fck"),
    ("FFS answer the phone", "FFS"),
    ("Wankers.", "Wankers"),
    ("merde alors", "merde"),
    ("c'est de la m3rde", "m3rde"),
    ("Putain, encore", "Putain"),
    ("un connard fini", "connard"),
    ("ta gueule", "ta gueule"),
    ("fils de pute", "fils de pute"),
    ("Tabarnak!", "Tabarnak"),
    ("tabarn@k que c'est lent", "tabarn@k"),
    ("tabarnac", "tabarnac"),
    ("c@lice", "c@lice"),
    ("câlisse que c'est long", "câlisse"),
    ("calisse de formulaires", "calisse"),
    ("l'ostie de préposé", "ostie"),
    ("esti que c'est long", "esti"),
    ("crissssss", "crissssss"),
    ("ciboire", "ciboire"),
    ("viarge", "viarge"),
    ("Sacrament!", "Sacrament"),
    ("calvaire, trois mois!", "calvaire"),
    ("Hostie que j'suis tanné", "Hostie"),
    ("c'est de la marde", "marde"),
]


@pytest.mark.parametrize(("text", "word"), FOUND)
def test_finds_abusive_word(text, word):
    assert ("abuse", word) in found(text, language="fr" if "'" in text else "en",
                                    kinds={"abuse"})


NOT_ABUSE = [
    "Scunthorpe General sent me home",
    "They would not assess my mother",
    "The exercise class was cancelled",
    "We read Dickens while we waited",
    "I had a finger prick test",
    "The shiitake soup",
    "My cocker spaniel",
    "I live in Cockermouth",
    "Penistone surgery closed",
    "my assistant passed the message",
    "une salopette bleue",  # starts like "salope"
    "un retard de trois semaines",  # "retard" is French for a delay
    "pas de douche depuis lundi",  # "douche" is a shower
    "une chaise branlante",
    "au fond d'un cul-de-sac",
    "un conseil : ne pas compter sur le rappel",
    "c'est un vrai calvaire d'avoir un rendez-vous",  # an ordeal, not an oath
    "recevoir l'hostie à la chapelle",
    "the priest gave him the last sacrament",
    "pros and cons of the new system",
    "the dog tried to bite the carer",
    "the damn bus was late",  # mild words are not listed
    "covid19 and h2x and 3pm",
]


@pytest.mark.parametrize("text", NOT_ABUSE)
def test_ordinary_words_are_not_abuse(text):
    assert found(text, kinds={"abuse"}) == []


def test_abuse_is_found_in_named_cases_too():
    assert found("what a load of shit", anonymous=False) == [("abuse", "shit")]
