"""The text as the word lists read it: folded, cut into words, disguises read again."""

import pytest

from moderation.screening.folding import Prepared, fold, masked_fits


@pytest.mark.parametrize(("text", "folded"), [
    ("NÉGLIGENCE", "negligence"),
    ("Câlisse", "calisse"),
    ("can’t", "can't"),
    ("self‑harm", "self-harm"),  # a non-breaking hyphen
    ("İstanbul", "istanbul"),
])
def test_folding_keeps_one_character_for_each(text, folded):
    assert fold(text) == (folded, None)


def test_letters_that_fold_to_two_keep_a_map_to_the_text():
    text = "ma sœur, e\u0301te\u0301"  # œ, and accents typed as separate marks
    folded, origin = fold(text)
    assert folded == "ma soeur, ete"
    start = folded.index("soeur")
    prepared = Prepared.of(text)
    assert text[slice(*prepared.span(start, start + 5))] == "sœur"
    assert text[slice(*prepared.span(folded.index("ete"), len(folded)))] == "e\u0301te\u0301"
    assert len(origin) == len(folded)


def test_words_and_what_lies_between_them():
    prepared = Prepared.of("He hit me. Twice!")
    assert prepared.words == ["he", "hit", "me", "twice"]
    assert prepared.gaps == ["", " ", " ", ". ", "!"]
    assert [prepared.word_start(i) for i in range(4)] == [0, 3, 7, 11]


@pytest.mark.parametrize(("text", "readings"), [
    ("sh1t", {"shit", "shlt"}),
    ("$hit", {"shit"}),
    ("b!tch", {"bitch"}),
    ("tabarn@k", {"tabarnak"}),
    ("b0ll0cks", {"bollocks"}),
    ("fuuuuck", {"fuck", "fuuck"}),
    ("f u c k", {"fuck"}),
    ("s.h.i.t", {"shit"}),
])
def test_disguised_words_are_read_as_plain_ones(text, readings):
    [word] = Prepared.of(f"well {text} then").disguised
    assert set(word.readings) == readings


@pytest.mark.parametrize("text", ["shit!", "*sigh*", "XKC123456", "covid19", "14:30", "a b"])
def test_plain_words_and_codes_are_not_read_again(text):
    assert [w for w in Prepared.of(text).disguised if w.readings] == []


def test_a_mask_stands_for_one_letter():
    assert masked_fits("f*ck", "fuck") and masked_fits("c**t", "cunt")
    assert not masked_fits("f*ck", "fck") and not masked_fits("f*ck", "fucks")
