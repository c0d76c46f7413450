"""Screening measured on the labelled corpus (tests/moderation/corpus/): precision and recall per
kind of finding and per language, printed with the test run. The suite fails when any kind's
recall drops below 0.95 or its precision below 0.85."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pytest

from moderation.screening import KINDS, screen

from .corpus import Text, corpus

MIN_RECALL = 0.95
MIN_PRECISION = 0.85


@dataclass
class Tally:
    """One kind in one language: what was right and wrong, with the texts, to fix them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0  # true positives whose span is exactly the expected words
    false_alarms: list[tuple[str, str]] = field(default_factory=list)
    misses: list[tuple[str, str]] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.exact += other.exact
        self.false_alarms += other.false_alarms
        self.misses += other.misses

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def expected_spans(item: Text) -> list[tuple[str, int, int]]:
    """Each expected (kind, words) as a span: its first place in the text not already taken."""
    spans, taken = [], Counter()
    for kind, words in item.expected:
        start = -1
        for _ in range(taken[words] + 1):
            start = item.text.index(words, start + 1)  # ValueError: the words are not there
        taken[words] += 1
        spans.append((kind, start, start + len(words)))
    return spans


def score(items: list[Text]) -> dict[tuple[str, str], Tally]:
    """A tally by (kind, language). A finding matches an expected detail of its kind whose span
    it overlaps, each detail once; a second finding inside a detail already matched (two phrases
    of one sentence, "gripped her wrist" and "left marks") is part of it, neither right nor
    wrong again."""
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for item in items:
        unmatched = expected_spans(item)
        matched: list[tuple[str, int, int]] = []
        for finding in screen(item.text, language=item.language, anonymous=item.anonymous):
            tally = tallies[finding.kind, item.language]

            def overlaps(span, finding=finding):
                return span[0] == finding.kind and finding.start < span[2] and span[1] < finding.end

            match = next(filter(overlaps, unmatched), None)
            if match is None:
                if not any(map(overlaps, matched)):
                    tally.fp += 1
                    tally.false_alarms.append((item.text, finding.text))
                continue
            unmatched.remove(match)
            matched.append(match)
            tally.tp += 1
            tally.exact += (finding.start, finding.end) == match[1:]
        for kind, start, end in unmatched:
            tally = tallies[kind, item.language]
            tally.fn += 1
            tally.misses.append((item.text, item.text[start:end]))
    return tallies


def pooled(tallies: dict[tuple[str, str], Tally], kind: str, language: str = "all") -> Tally:
    total = Tally()
    for (k, lang), tally in tallies.items():
        if k == kind and language in (lang, "all"):
            total.add(tally)
    return total


def table(tallies: dict[tuple[str, str], Tally]) -> str:
    rows = ["kind           lang  expected  found  precision  recall  exact spans"]
    for kind in KINDS:
        for language in ("en", "fr", "all"):
            t = pooled(tallies, kind, language)
            rows.append(f"{kind:<14} {language:<4} {t.tp + t.fn:>9} {t.tp + t.fp:>6} "
                        f"{t.precision:>10.2f} {t.recall:>7.2f} {t.exact:>6}/{t.tp}")
    return "\n".join(rows)


@pytest.fixture(scope="module")
def tallies():
    return score(corpus())


def test_the_corpus_is_large_in_both_languages_and_holds_every_kind():
    items = corpus()
    languages = Counter(item.language for item in items)
    assert len(items) >= 200
    assert languages["en"] >= 80 and languages["fr"] >= 80
    for kind in KINDS:
        for language in ("en", "fr"):
            assert sum(kind == k for item in items if item.language == language
                       for k, _ in item.expected) >= 3, (kind, language)
    assert sum(not item.expected for item in items) >= 80  # hard negatives
    for item in items:
        expected_spans(item)  # every expected detail is in its text


def test_prints_precision_and_recall(tallies, capsys):
    with capsys.disabled():
        print("\n\nScreening on the labelled corpus (tests/moderation/corpus/, "
              f"{len(corpus())} texts)\n{table(tallies)}\n")


@pytest.mark.parametrize("kind", KINDS)
def test_recall_and_precision_per_kind(tallies, kind):
    t = pooled(tallies, kind)
    assert t.recall >= MIN_RECALL, f"{kind} recall {t.recall:.2f}; missed: {t.misses}"
    assert t.precision >= MIN_PRECISION, (
        f"{kind} precision {t.precision:.2f}; flagged: {t.false_alarms}")
