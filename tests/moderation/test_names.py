"""Names that identify the writer or their family, not staff named with a title
(moderation/screening/names.py states the rule)."""

import pytest

from .helpers import found

FOUND = [
    ("Hello, my name is Jane Smith and I care for my dad", "Jane Smith"),
    ("hi my name is jane and nobody rang", "jane"),
    ("My name's Sam O'Brien", "Sam O'Brien"),
    ("I am Jane Smith, a carer", "Jane Smith"),
    ("I'm Priya Nair-Shah.", "Priya Nair-Shah"),
    ("je m'appelle Marie Tremblay", "Marie Tremblay"),
    ("Je m’appelle Hélène", "Hélène"),
    ("je m appelle sophie", "sophie"),
    ("mon nom est Jean-François Côté", "Jean-François Côté"),
    ("Je suis Marie Tremblay, aidante", "Marie Tremblay"),
    ("Moi c'est Karine.", "Karine"),
    ("Name: John Carter", "John Carter"),
    ("Patient: Mr John Smith", "Mr John Smith"),
    ("Nom : Pierre Lévesque", "Pierre Lévesque"),
    ("my son Tom Hughes is 14", "Tom Hughes"),
    ("my daughter Amy was sent home", "Amy"),
    ("my mum, Mrs Edith Jones, is 89", "Mrs Edith Jones"),
    ("Tom, my husband, carried me", "Tom"),
    ("my sons called jack hes 9", "jack"),
    ("my mother's name is jane", "jane"),
    ("I am the mother of Jake Peters", "Jake Peters"),
    ("Mon fils Félix a 12 ans", "Félix"),
    ("Ma mère, Mme Lucie Roy, a 88 ans", "Mme Lucie Roy"),
    ("ma fille s'appelle Léa", "Léa"),
    ("Le nom de ma mère est Jeanne Gagnon", "Jeanne Gagnon"),
    ("la fille de madame Roy", "madame Roy"),
    ("Nobody called back.\n\nRegards,\nJane Smith", "Jane Smith"),
    ("Nobody called back. Kind regards, Jane", "Jane"),
    ("Kind regards,\nMrs J. Thompson", "Mrs J. Thompson"),
    ("Personne n'a rappelé.\nCordialement,\nMarie Tremblay\n", "Marie Tremblay"),
    ("Merci de votre attention.\nMarc", "Marc"),
    ("It has been three weeks.\n\n- Gary", "Gary"),
]


@pytest.mark.parametrize(("text", "name"), FOUND)
def test_finds_the_writers_or_a_relatives_name(text, name):
    assert ("name", name) in found(text, kinds={"name"})


NOT_NAMES = [
    # Staff, named with a title or a role, in praise or in complaint.
    "Dr Patel was wonderful",
    "Mrs Smith was kind",
    "Mrs Smith on reception was rude to me",
    "ask Dr. Okafor about it",
    "Mx Jordan Lee answered",
    "M. Tremblay a répondu",
    "Mme Côté et Mlle Roy",
    "La Dre Tremblay a été très gentille",
    "L'infirmière Josée était super",
    "my carer Julie is the only one who comes",
    "my GP, Dr Clarke, refused",
    "Thank you Dr Patel and the team",
    "Thank you Sarah!",  # thanking someone, not signing
    "Merci Dre Tremblay!",
    # Capitals that are not names.
    "I am Not Happy With This",
    "I am very upset",
    "I am French",
    "Je suis Québécoise",
    "Regards to the whole team, they were great",
    "my name is not important",
    "From a worried mum",
]


@pytest.mark.parametrize("text", NOT_NAMES)
def test_staff_and_ordinary_words_are_not_flagged(text):
    assert found(text, kinds={"name"}) == []


def test_names_are_only_looked_for_in_anonymous_cases():
    assert found("My name is Jane Smith", anonymous=False) == []
