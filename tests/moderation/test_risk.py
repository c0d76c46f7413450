"""Risk to life or of harm, in both languages, with figures of speech and negations left out
(PRODUCT.md §3 "Safety")."""

import pytest

from .helpers import found

FOUND = [
    # suicide, in the person's words or in other words
    ("Some days I want to kill myself.", "en", "kill myself"),
    ("I just want to die", "en", "want to die"),
    ("She has been SUICIDAL since March", "en", "SUICIDAL"),
    ("I don't want to be here any more", "en", "don't want to be here any more"),
    ("I'm not wanting to be here anymore", "en", "not wanting to be here anymore"),
    ("nobody would notice if i was gone", "en", "if i was gone"),
    ("everyone would be better off if I just disappeared", "en", "if I just disappeared"),
    ("I took all my tablets last week", "en", "took all my tablets"),
    ("I've been overdosing on purpose", "en", "overdosing"),
    ("he tried to hang himself", "en", "hang himself"),
    ("Je vais me tuer", "fr", "me tuer"),
    ("je veux en finir", "fr", "veux en finir"),
    ("il veut se tuer", "fr", "veut se tuer"),
    ("Elle parle de se suicider", "fr", "se suicider"),
    ("des idées suicidaires", "fr", "suicidaires"),
    ("elle ne veut plus vivre", "fr", "veut plus vivre"),
    ("des fois j'ai pu le goût de vivre", "fr", "pu le goût de vivre"),
    # self-harm
    ("my son is self-harming again", "en", "self-harming"),
    ("I've been cutting my arms again", "en", "cutting my arms"),
    ("burning my arms with a lighter", "en", "burning my arms"),
    ("il s'est fait du mal", "fr", "s'est fait du mal"),
    ("ma fille se coupe les bras", "fr", "se coupe les bras"),
    # abuse and neglect of someone else, with and without the key word
    ("the carer hit me twice", "en", "hit me"),
    ("this is financial abuse", "en", "abuse"),
    ("the carer shouts at her", "en", "shouts at her"),
    ("she has bruises she can't explain", "en", "bruises"),
    ("they left him in a soiled bed", "en", "soiled"),
    ("she hasn't been washed in a week", "en", "hasn't been washed"),
    ("they don't change his pad for hours", "en", "don't change his pad"),
    ("the carer is using her bank card", "en", "using her bank card"),
    ("he's tied into his chair all day", "en", "tied into his chair"),
    ("Dad was left alone for days", "en", "left alone for days"),
    ("residents are not fed properly", "en", "not fed"),
    ("c'est de la maltraitance", "fr", "maltraitance"),
    ("il me frappe", "fr", "me frappe"),
    ("il ma frappé", "fr", "ma frappé"),  # "m'a" typed without its apostrophe
    ("on l'attache à son lit", "fr", "attache à son lit"),
    ("ils l'attachent à sa chaise", "fr", "l'attachent à"),
    ("le préposé lui crie dessus", "fr", "lui crie dessus"),
    ("elle reste dans sa couche souillée", "fr", "couche souillée"),
    ("on ne la lave pas", "fr", "la lave pas"),
    ("elle a été laissée seule pendant des jours", "fr", "laissée seule pendant des jours"),
    ("c'est de la négligence", "fr", "négligence"),
    ("negligence totale", "fr", "negligence"),  # French typed without accents
    # danger now
    ("I am in danger tonight", "en", "in danger"),
    ("I’m not safe, he is back", "en", "I’m not safe"),  # curly apostrophe
    ("je suis en danger", "fr", "en danger"),
]


@pytest.mark.parametrize(("text", "language", "phrase"), FOUND)
def test_finds_risk_phrase(text, language, phrase):
    assert ("risk", phrase) in found(text, language=language, kinds={"risk"})


NO_RISK = [
    ("Honestly this killed my hopes of getting better.", "en"),
    ("It hit me that nobody was going to call.", "en"),
    ("The wait is killing me.", "en"),
    ("I'm dying to know why.", "en"),
    ("My phone died so I missed the call.", "en"),
    ("I'm starving, the canteen was closed.", "en"),
    ("I'm dead, this form is so long lol", "en"),
    ("I could kill for a coffee.", "en"),
    ("he beat me to the phone", "en"),
    ("She neglected to tell me the appointment had moved.", "en"),
    ("It really hurt me that nobody said sorry.", "en"),
    ("I am not suicidal, I just want a call back.", "en"),
    ("There was no abuse, just a long wait.", "en"),
    ("The bill is unpaid and they keep taking money from my account.", "en"),
    ("They threatened to cut off my support over an unpaid bill.", "en"),
    ("I am in danger of losing my job over these appointments.", "en"),
    ("the killer feature is the online booking", "en"),
    ("Jump to the next page", "en"),
    ("The receptionist was rude and the wait was long.", "en"),
    ("J'ai hâte d'en finir avec ce dossier.", "fr"),
    ("Pas de maltraitance, juste une longue attente.", "fr"),
    ("Ça m'a frappé qu'aucun médecin ne soit venu.", "fr"),
    ("il a frappé à la porte", "fr"),
    ("La ligne s'est coupée deux fois.", "fr"),
    ("elle m'a coupé la parole", "fr"),
    ("Je me suis battue pour avoir un rendez-vous.", "fr"),
    ("Nous sommes en danger de perdre notre logement.", "fr"),
    ("le fromage râpé était froid", "fr"),  # "rape" only in unambiguous forms
    ("un retard non négligeable", "fr"),
    ("la violette est bleue", "fr"),
    ("Cette attente me tue.", "fr"),
    ("", "en"),
]


@pytest.mark.parametrize(("text", "language"), NO_RISK)
def test_everyday_speech_is_not_risk(text, language):
    assert found(text, language=language, kinds={"risk"}) == []


def test_both_lists_apply_whatever_the_language():
    text = "I want to die. Je veux mourir."
    for language in ("en", "fr-CA", "es"):
        assert found(text, language=language, kinds={"risk"}) == [
            ("risk", "want to die"), ("risk", "veux mourir")]


def test_risk_is_found_in_named_cases_too():
    assert found("they hit me", anonymous=False) == [("risk", "hit me")]
