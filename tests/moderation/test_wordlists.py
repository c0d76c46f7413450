"""The word lists are data: files that name their source and licence, in one syntax that the
administrator's phrases share; risk words are never in the abuse lists."""

import pytest

from moderation.screening import wordlists
from moderation.screening.folding import Prepared

NAMES = wordlists.list_names("abuse") + wordlists.list_names("risk")


def test_every_shipped_list_is_there():
    assert NAMES == ["abuse_en", "abuse_fr", "abuse_fr_qc", "risk_en", "risk_fr"]


@pytest.mark.parametrize("name", NAMES)
def test_each_list_names_its_source_and_licence(name):
    header = wordlists.header(name)
    assert header["source"] and "LDNOOBW" in header["source"] or name.startswith("risk")
    assert header["licence"] in ("CC-BY-4.0", "public domain")
    assert header["language"] in ("en", "fr")


@pytest.mark.parametrize("name", NAMES)
def test_each_list_reads_and_is_long_enough(name):
    entries = wordlists.read_list(name)  # raises on a line the lists cannot use
    assert len([e for e in entries if not e.never]) >= 50


def test_risk_words_are_never_in_the_abuse_lists():
    risk = wordlists.PhraseIndex(tuple(e for n in wordlists.list_names("risk")
                                       for e in wordlists.read_list(n) if not e.never))
    for name in wordlists.list_names("abuse"):
        for entry in wordlists.read_list(name):
            if not entry.never:
                phrase = entry.phrase.replace("*", "")
                assert not risk.find(Prepared.of(phrase)), (name, entry.phrase)


@pytest.mark.parametrize(("phrase", "spellings"), [
    ("self harm", [[(None, "self"), (" ", "harm")]]),
    ("m'a frappé", [[(None, "m"), ("'", "a"), (" ", "frappe")], [(None, "ma"), (" ", "frappe")]]),
    ("suicid*", [[(None, "suicid*")]]),
])
def test_phrases_are_read_into_their_spellings(phrase, spellings):
    assert wordlists.parse_phrase(phrase) == spellings


@pytest.mark.parametrize(("phrase", "code"), [
    ("", "empty"), ("  ", "empty"), ("kill, myself", "punctuation"), ("ab*", "short_stem"),
    ("hit {nobody}", "unknown_slot"), ("f*ck", "punctuation"), ("hit # me", "punctuation"),
])
def test_phrases_the_lists_cannot_use_are_refused(phrase, code):
    with pytest.raises(wordlists.PhraseError) as refused:
        wordlists.check_phrase(phrase)
    assert refused.value.code == code


def test_slots_write_a_rule_once_for_every_person():
    phrases = wordlists.expand_slots("kill {self}")
    assert "kill myself" in phrases and "kill herself" in phrases
    assert wordlists.expand_slots("{l'}a frappé") == ["m'a frappé", "t'a frappé", "l'a frappé"]


def test_a_never_phrase_cancels_what_it_covers():
    index = wordlists.PhraseIndex(tuple(
        wordlists.entries_from(["hit me", "!it hit me"], kind="risk", language="en",
                               source="test")))
    prepared = Prepared.of("It hit me, then he hit me")
    hits = wordlists.without_exceptions(index.find(prepared))
    assert [(prepared.folded[h.start:h.end], h.start) for h in hits] == [("hit me", 19)]


def test_the_index_is_built_once_per_set_of_extra_terms():
    assert wordlists.index_for() is wordlists.index_for()
    extra = (wordlists.Term("risk", "lock me in*"),)
    assert wordlists.index_for(extra) is wordlists.index_for(extra)
    assert wordlists.index_for(extra) is not wordlists.index_for()
