"""Word lists as data: the files in data/ and the phrases an administrator adds (ScreeningTerm).

One phrase a line, matched on whole words, case-, accent- and typography-insensitively (see
folding.py). The syntax, the same in the files and in the admin:

- a space or a hyphen between two words matches any run of spaces or hyphens ("self harm" finds
  "self-harm"); an apostrophe matches an apostrophe, typed or left out ("m'a" finds "ma");
- a word ending in * matches any ending ("suicid*" finds "suicidal"; a phrase's first word
  needs three letters before its *);
- {slot} stands for each of a small set of words, so a rule is written once for every person:
  "kill {self}" is "kill myself", "kill himself", "kill herself"... (SLOTS below);
- a line starting with ! is a phrase never to flag, even though it holds a listed one: a longer
  real word ("!salopette" beside "salop*") or an everyday figure of speech ("!it hit me" beside
  "hit me").

A data file starts with comment lines naming its source and licence ("# Source:", "# Licence:").
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .findings import Spans
from .folding import APOSTROPHE, MASKS, SPACE, Prepared, fold_phrase, gap_kind, masked_fits

DATA = Path(__file__).with_name("data")

SLOTS = {
    # English
    "self": "myself himself herself themselves themself yourself ourselves",
    "obj": "me him her them us you",
    "him": "him her",
    "poss": "my his her their your our",
    "isnt": "not never isn't wasn't weren't aren't hasn't|been haven't|been hadn't|been "
            "not|been never|been",
    # French: reflexive and object pronouns before a consonant, and elided before a vowel
    "se": "me te se nous vous",
    "se'": "m' t' s'",
    "le": "me te le la les nous vous",
    "l'": "m' t' l'",
    "lui": "me te lui leur nous vous",
    "son": "mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs",
    "ses": "mes tes ses nos vos leurs",
}
_SLOT = re.compile(r"\{([^{}]+)\}")
_WORD = re.compile(r"[^\W_]+\*?")
_JOIN = re.compile(r"[\s-]+|\s*'\s*")
MIN_STEM = 3
KINDS = ("abuse", "risk")
_FIRST_LETTERS = operator.itemgetter(slice(0, MIN_STEM))  # the kinds of finding the lists give


class PhraseError(ValueError):
    """A phrase the lists cannot use; `code` says why (for a message in the admin)."""

    def __init__(self, code: str, phrase: str):
        super().__init__(f"{code}: {phrase!r}")
        self.code = code


@dataclass(frozen=True)
class Term:
    """A phrase added by an administrator: its kind (abuse, risk), language (en, fr, any)."""

    kind: str
    phrase: str
    language: str = "any"


@dataclass(frozen=True)
class Entry:
    """One phrase of a list, as written (slots expanded), with where it came from."""

    kind: str
    phrase: str
    source: str
    language: str
    never: bool = False
    negative: bool = False  # the phrase itself denies something ("not fed", "pas nourri")


class Hit(NamedTuple):
    """A phrase found: folded offsets, the entry, and the index of its first word (None for a
    disguised word, read on its own)."""

    start: int
    end: int
    entry: Entry
    first_word: int | None = None
    disguised: bool = False


# --- reading phrases --------------------------------------------------------------------------

_NEGATIONS = frozenset(
    "not never no nobody none nothing without t dont didnt doesnt wont cant cannot isnt wasnt "
    "arent werent havent hasnt hadnt wouldnt couldnt shouldnt "
    "ne n pas jamais aucun aucune aucuns non ni rien sans plus".split())


def parse_phrase(phrase: str) -> list[list[tuple[str | None, str]]]:
    """The ways `phrase` may be spelled, each a list of (join, word) with join None for the
    first word; raise PhraseError if the phrase cannot be used."""
    folded = fold_phrase(phrase.strip())
    if not folded or not _WORD.search(folded):
        raise PhraseError("empty", phrase)
    words, joins, last = [], [], 0
    for m in _WORD.finditer(folded):
        between = folded[last:m.start()]
        if words:
            if not _JOIN.fullmatch(between):
                raise PhraseError("punctuation", phrase)
            joins.append(APOSTROPHE if "'" in between else SPACE)
        elif between.strip():
            raise PhraseError("punctuation", phrase)
        words.append(m.group())
        last = m.end()
    if folded[last:].strip() not in ("", "'"):
        raise PhraseError("punctuation", phrase)
    # The first word is looked up by its first letters: a wildcard there needs three of them.
    if words[0].endswith("*") and len(words[0]) - 1 < MIN_STEM:
        raise PhraseError("short_stem", phrase)
    spellings = [list(zip([None, *joins], words))]
    # "don't" is typed "dont" as often as not, "m'a" as "ma": each apostrophe may be left out.
    elisions = [i for i, join in enumerate(joins) if join == APOSTROPHE
                and not words[i].endswith("*") and not words[i + 1].endswith("*")]
    for chosen in itertools.chain.from_iterable(
            itertools.combinations(elisions, n) for n in range(1, len(elisions) + 1)):
        spelled: list[tuple[str | None, str]] = []
        for i, word in enumerate(words):
            if i - 1 in chosen:
                join, previous = spelled.pop()
                spelled.append((join, previous + word))
            else:
                spelled.append((None if i == 0 else joins[i - 1], word))
        spellings.append(spelled)
    return spellings


def expand_slots(line: str) -> list[str]:
    """`line` with each {slot} replaced by each of its words ("|" in a slot word is a space)."""
    names = _SLOT.findall(line)
    for name in names:
        if name not in SLOTS:
            raise PhraseError("unknown_slot", line)
    if not names:
        return [line]
    template = _SLOT.sub("{}", line)
    choices = [[w.replace("|", " ") for w in SLOTS[name].split()] for name in names]
    # An elided slot word ("m'") joins the next word directly: "{l'}a" is "m'a", "l'a"...
    return [re.sub(r"' +", "'", template.format(*combo)) for combo in itertools.product(*choices)]


def check_phrase(phrase: str) -> None:
    """Raise PhraseError if one phrase typed by an administrator cannot be used."""
    if "#" in phrase:
        raise PhraseError("punctuation", phrase)
    text = phrase.strip().removeprefix("!").strip()
    if not text:
        raise PhraseError("empty", phrase)
    for spelled in expand_slots(text):
        parse_phrase(spelled)


def read_list(name: str) -> tuple[Entry, ...]:
    """The entries of data/<name>.txt ("risk_en", "abuse_fr_qc"...): kind and language from the
    name; raise PhraseError on a line the lists cannot use."""
    kind, language = name.split("_")[:2]
    lines = (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(entries_from(lines, kind=kind, language=language, source=f"{name}.txt"))


def entries_from(lines: Iterable[str], *, kind: str, language: str, source: str) -> list[Entry]:
    """Entries from lines of the list syntax; comments and blank lines skipped."""
    entries = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        never = line.startswith("!")
        for phrase in expand_slots(line.lstrip("!").strip()):
            parse_phrase(phrase)
            words = {w.rstrip("*") for w in _WORD.findall(fold_phrase(phrase))}
            entries.append(Entry(kind, phrase, source, language, never=never,
                                 negative=bool(words & _NEGATIONS)))
    return entries


def header(name: str) -> dict[str, str]:
    """The "# Key: value" lines at the top of data/<name>.txt."""
    fields = {}
    for line in (DATA / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        key, colon, value = line[1:].partition(":")
        if colon and key.strip() and " " not in key.strip():
            fields[key.strip().lower()] = value.strip()
    return fields


def list_names(kind: str) -> list[str]:
    return sorted(p.stem for p in DATA.glob(f"{kind}_*.txt"))


# --- finding phrases --------------------------------------------------------------------------

class _Node:
    __slots__ = ("exact", "stems", "entries", "next_words", "next_stems")

    def __init__(self) -> None:
        self.exact: dict[tuple[str, str], _Node] = {}
        self.stems: list[tuple[str, str, _Node]] = []
        self.entries: list[Entry] = []
        # The words of `exact` and the first letters of `stems`, to rule out most walks at once.
        self.next_words: set[str] = set()
        self.next_stems: set[str] = set()


@dataclass
class PhraseIndex:
    """Every phrase of some lists as a tree of words, read once along the text's words."""

    entries: tuple[Entry, ...]
    _root_exact: dict[str, _Node] = field(default_factory=dict, repr=False)
    _root_stems: dict[str, list[tuple[str, _Node]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            for spelling in parse_phrase(entry.phrase):
                self._add(spelling, entry)

    def _add(self, spelling: list[tuple[str | None, str]], entry: Entry) -> None:
        (_, first), rest = spelling[0], spelling[1:]
        if first.endswith("*"):
            stems = self._root_stems.setdefault(first[:MIN_STEM], [])
            node = next((n for stem, n in stems if stem == first[:-1]), None)
            if node is None:
                node = _Node()
                stems.append((first[:-1], node))
        else:
            node = self._root_exact.setdefault(first, _Node())
        for join, word in rest:
            if word.endswith("*"):
                child = next((c for j, stem, c in node.stems if j == join and stem == word[:-1]),
                             None)
                if child is None:
                    child = _Node()
                    node.stems.append((join, word[:-1], child))
                    node.next_stems.add(word[:MIN_STEM])
                node = child
            else:
                node.next_words.add(word)
                node = node.exact.setdefault((join, word), _Node())
        if entry not in node.entries:
            node.entries.append(entry)

    def find(self, prepared: Prepared) -> list[Hit]:
        """Every listed phrase in the text, on whole words (overlapping ones included)."""
        words = prepared.words
        exact, stems = self._root_exact, self._root_stems
        # The distinct words that start a phrase, then where they are: two passes at C speed
        # over the words, and Python only where a phrase may start.
        unique = set(words)
        starts: dict[str, list[_Node]] = {word: [exact[word]] for word in unique & exact.keys()}
        prefixes = set(map(_FIRST_LETTERS, unique)) & stems.keys()
        for word in [word for word in unique if word[:MIN_STEM] in prefixes] if prefixes else ():
            for stem, node in stems[word[:MIN_STEM]]:
                if word.startswith(stem):
                    starts.setdefault(word, []).append(node)
        hits: list[Hit] = []
        last = len(words) - 1
        for i in [i for i, word in enumerate(words) if word in starts]:
            for node in starts[words[i]]:
                if node.entries:
                    for entry in node.entries:
                        hits.append(Hit(prepared.word_start(i), prepared.word_end(i), entry, i))
                if i < last and (words[i + 1] in node.next_words
                                 or words[i + 1][:MIN_STEM] in node.next_stems):
                    self._walk(prepared, i, node, hits, skip_first=True)
        return hits

    @staticmethod
    def _walk(prepared: Prepared, first: int, node: _Node, hits: list[Hit],
              skip_first: bool = False) -> None:
        words, gaps = prepared.words, prepared.gaps
        stack = [(node, first + 1)]
        while stack:
            node, after = stack.pop()
            if skip_first:
                skip_first = False  # the caller recorded the first word's own entries
            else:
                for entry in node.entries:
                    hits.append(Hit(prepared.word_start(first), prepared.word_end(after - 1),
                                    entry, first))
            if after >= len(words) or not (node.exact or node.stems):
                continue
            join = gap_kind(gaps[after])
            if join is None:
                continue
            word = words[after]
            child = node.exact.get((join, word))
            if child is not None:
                stack.append((child, after + 1))
            for stem_join, stem, child in node.stems:
                if stem_join == join and word.startswith(stem):
                    stack.append((child, after + 1))

    def find_disguised(self, disguised) -> list[Hit]:
        """One-word phrases hidden by a disguise (sh1t, f*ck, fuuuck, f u c k)."""
        hits = []
        for word in disguised:
            for entry in self._one_word_entries(word.readings, word.masked):
                hits.append(Hit(word.start, word.end, entry, None, disguised=True))
        return hits

    def _one_word_entries(self, readings, masked) -> list[Entry]:
        found: list[Entry] = []
        for reading in readings:
            node = self._root_exact.get(reading)
            if node is not None:
                found.extend(node.entries)
            for stem, node in self._root_stems.get(reading[:MIN_STEM], ()):
                if reading.startswith(stem):
                    found.extend(node.entries)
        if masked and not found:
            for word, node in self._masked_candidates.get((masked[0], len(masked)), ()):
                if masked_fits(masked, word):
                    found.extend(node.entries)
            for stem, node in self._stems_by_first.get(masked[0], ()):
                tail = masked[len(stem):]
                if masked_fits(masked[:len(stem)], stem) and all(
                        c.isalpha() or c in MASKS for c in tail):
                    found.extend(node.entries)
        return found

    @functools.cached_property
    def _masked_candidates(self) -> dict[tuple[str, int], list[tuple[str, _Node]]]:
        by_shape: dict[tuple[str, int], list[tuple[str, _Node]]] = {}
        for word, node in self._root_exact.items():
            if node.entries:
                by_shape.setdefault((word[0], len(word)), []).append((word, node))
        return by_shape

    @functools.cached_property
    def _stems_by_first(self) -> dict[str, list[tuple[str, _Node]]]:
        by_first: dict[str, list[tuple[str, _Node]]] = {}
        for candidates in self._root_stems.values():
            for stem, node in candidates:
                if node.entries:
                    by_first.setdefault(stem[0], []).append((stem, node))
        return by_first


def without_exceptions(hits: list[Hit]) -> list[Hit]:
    """The hits not overlapping a never-flag phrase ("!salopette", "!it hit me")."""
    never = [(h.start, h.end) for h in hits if h.entry.never]
    if not never:
        return hits
    spans = Spans(never)
    return [h for h in hits if not h.entry.never and not spans.overlap(h.start, h.end)]


def longest_first(hits: list[Hit]) -> list[Hit]:
    """Of hits that overlap, the longest (then earliest); one hit per stretch of text."""
    starts: list[int] = []
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        at = bisect.bisect_left(starts, hit.start)
        if (at == 0 or kept[at - 1].end <= hit.start) and (
                at == len(kept) or hit.end <= kept[at].start):
            starts.insert(at, hit.start)
            kept.insert(at, hit)
    return kept


@functools.lru_cache(maxsize=64)
def index_for(extra: tuple[Term, ...] = ()) -> PhraseIndex:
    """One index of every shipped list (abuse and risk) plus the administrator's `extra` terms,
    so a text's words are read once for both."""
    entries = [entry for kind in KINDS for name in list_names(kind) for entry in read_list(name)]
    entries.extend(entry for term in extra
                   for entry in entries_from([term.phrase], kind=term.kind, language=term.language,
                                             source="admin"))
    return PhraseIndex(tuple(entries))


def hits_in(prepared: Prepared, index: PhraseIndex) -> dict[str, list[Hit]]:
    """The index's hits in the text, plain and disguised words, by kind ("abuse", "risk")."""
    by_kind: dict[str, list[Hit]] = {kind: [] for kind in KINDS}
    for hit in index.find(prepared) + index.find_disguised(prepared.disguised):
        by_kind[hit.entry.kind].append(hit)
    return by_kind


def is_risk_phrase(phrase: str) -> bool:
    """Whether `phrase`, read as a text, is one of the shipped risk phrases (or holds one)."""
    prepared = Prepared.of(phrase)
    return any(hit.entry.kind == "risk" for hit in without_exceptions(index_for().find(prepared)))
