"""The text as the word lists see it, shared by the abuse and risk steps.

Folding makes "NÉGLIGENCE", "negligence" and "négligence" one word, "can’t" and "can't" one
spelling, and "self‑harm" (a non-breaking hyphen) an ordinary hyphen; every folded character
keeps the offset of the character it came from, so a finding's span is always in the text as
typed. Words are runs of letters and digits; what lies between two words (a space, a hyphen, an
apostrophe, punctuation) is kept, so a phrase never runs across a full stop.

Disguises are undone only on single words, where they are cheap to find: letters replaced by
look-alike digits or signs (sh1t, tabarn@k, $hit, b!tch), masked letters (f*ck, f**king, c#nt),
stretched letters (fuuuck, shiiit) and letters spaced out (f u c k, s.h.i.t). Each disguised
word yields a few readings that are looked up like any other word, whole, so a list word is
never found inside a longer one.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

_TYPOGRAPHY = {"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "‐": "-", "‑": "-", "‒": "-",
               "–": "-", "—": "-", "−": "-", "İ": "i"}


def _one_for_one_table() -> dict[int, str]:
    """Latin letters with accents to their bare lower-case letter; typographic marks to ASCII."""
    table = {ord(k): v for k, v in _TYPOGRAPHY.items()}
    for code in range(0xC0, 0x250):
        char = chr(code)
        decomposed = unicodedata.normalize("NFD", char)
        bare = "".join(c for c in decomposed if not unicodedata.combining(c))
        if len(bare) == 1 and bare.isascii() and bare.isalpha():
            table[code] = bare.lower()
    return table


_TABLE = _one_for_one_table()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Characters that fold to more than one (œ → oe) or that fold with the letter before them
# (a combining accent): texts holding them take the slower path that keeps a map of offsets.
_MANY = frozenset("œŒæÆßẞ") | frozenset(map(chr, range(0x300, 0x370)))
# Words of ASCII letters and digits: folding has made every Latin letter ASCII already.
_SPLIT = re.compile(r"([a-z0-9_]+)")


def fold(text: str) -> tuple[str, list[int] | None]:
    """Case-, accent- and typography-folded `text`, with the offset in `text` of each folded
    character (None when the two line up one for one, as they do for nearly every text)."""
    if text.isascii():
        return text.lower(), None
    many = False

    def one_for_one(m: re.Match[str]) -> str:
        nonlocal many
        char = m.group()
        many = many or char in _MANY
        return _TABLE.get(ord(char), char)

    # Only the few letters outside ASCII are looked up: translating the whole text costs more.
    folded = _NON_ASCII.sub(one_for_one, text).lower()
    if not many and len(folded) == len(text):
        return folded, None
    pieces: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        piece = _fold_char(char)  # "" for a combining accent, "oe" for "œ"
        pieces.append(piece)
        origin.extend([i] * len(piece))
    return "".join(pieces), origin


def _fold_char(char: str) -> str:
    bare = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    return bare.casefold().translate(_TABLE).replace("œ", "oe").replace("æ", "ae")


def fold_phrase(phrase: str) -> str:
    """A list phrase folded as texts are."""
    return fold(phrase)[0]


@dataclass
class Prepared:
    """A text folded and cut into words once, for every word-list step to read."""

    text: str
    folded: str
    origin: list[int] | None
    parts: list[str] = field(repr=False)  # gap, word, gap, word, ..., gap

    @classmethod
    def of(cls, text: str) -> Prepared:
        folded, origin = fold(text)
        return cls(text, folded, origin, _SPLIT.split(folded))

    @cached_property
    def words(self) -> list[str]:
        return self.parts[1::2]

    @cached_property
    def gaps(self) -> list[str]:
        """gaps[i] is what comes before words[i]; the last one ends the text."""
        return self.parts[0::2]

    @cached_property
    def _ends(self) -> list[int]:
        return list(itertools.accumulate(map(len, self.parts)))

    @cached_property
    def word_ends(self) -> list[int]:
        return self._ends[1::2]

    def word_start(self, i: int) -> int:
        return self._ends[2 * i]

    def word_end(self, i: int) -> int:
        return self._ends[2 * i + 1]

    @cached_property
    def disguised(self) -> list[Disguised]:
        return disguised_words(self)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Folded offsets [start, end) as offsets into the text as typed."""
        if self.origin is None:
            return start, end
        text, origin = self.text, self.origin
        end = origin[end - 1] + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1  # an accent typed as its own mark belongs to the letter before it
        return origin[start], end


# How two words of a phrase may be joined in a text: by spaces or hyphens ("self harm",
# "self-harm"), or by an apostrophe ("m'a", "don't"), typed or not (fused: "ma", "dont").
SPACE, APOSTROPHE = " ", "'"
_SPACE_GAP = re.compile(r"[\s-]+")
_APOSTROPHE_GAP = re.compile(r" ?' ?")


def gap_kind(gap: str) -> str | None:
    """SPACE, APOSTROPHE, or None when the gap breaks a phrase (punctuation, a line of dots)."""
    if gap == " ":
        return SPACE
    if _SPACE_GAP.fullmatch(gap):
        return SPACE
    if _APOSTROPHE_GAP.fullmatch(gap):
        return APOSTROPHE
    return None


# --- disguised words -------------------------------------------------------------------------

_LOOK_ALIKES = {"0": "o", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i",
                "€": "e"}
_EITHER = {"1": "il", "|": "il"}  # a 1 or a bar stands for an i as often as for an l
_AMBIGUOUS = frozenset(_EITHER)
_LOOK_ALIKE_TABLE = str.maketrans(_LOOK_ALIKES)
MASKS = "*#%_"
_SIGNS = "@$!|€" + MASKS
_S = re.escape(_SIGNS)
# Where a disguise shows: a digit or sign beside a letter, a letter typed three times, single
# letters spaced out. Each pattern starts with a rare character or a short fixed shape, so the
# text is scanned at C speed; only the words around what they find are read again.
_SIGN_BESIDE_LETTER = re.compile(rf"[0-9{_S}](?<=[a-z][0-9{_S}])|[0-9{_S}][a-z]")
_STRETCHED = re.compile(r"([a-z])\1\1")
_SPACED_START = re.compile(r"[ .][a-z@$0-9][ .](?<=[^\w.][a-z@$][ .][a-z@$0-9][ .])")
_SPACED = re.compile(r"[a-z@$](?:[ .][a-z@$0-9]){2,}(?![\w@$])")
_CODE = re.compile(r"[0-9]{2}")  # two digits side by side: a number, not a letter's look-alike
_TOKEN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789" + _SIGNS)
_EDGE_PUNCTUATION = "!|" + MASKS  # "shit!", "*sigh*": signs at the edges are punctuation


@dataclass(frozen=True)
class Disguised:
    """One disguised word: its folded span and the plain spellings it may stand for."""

    start: int
    end: int
    readings: tuple[str, ...]
    masked: str | None = None  # the word with its masks, when letters are masked ("f*ck")


def disguised_words(prepared: Prepared) -> list[Disguised]:
    """Every disguised word of the text with its readings, in order; plain words are left to the
    ordinary word-by-word reading."""
    folded = prepared.folded
    spans: dict[int, tuple[int, str]] = {}
    for m in itertools.chain(_SIGN_BESIDE_LETTER.finditer(folded), _STRETCHED.finditer(folded)):
        start, end = m.start(), m.end()
        while start > 0 and folded[start - 1] in _TOKEN_CHARS:
            start -= 1
        while end < len(folded) and folded[end] in _TOKEN_CHARS:
            end += 1
        if start in spans:
            continue
        whole = folded[start:end]
        raw = whole.strip(_EDGE_PUNCTUATION)
        if not raw or (raw.isalpha() and not _STRETCHED.search(raw)):
            continue  # a plain word with punctuation around it
        start += whole.index(raw)
        spans[start] = (start + len(raw), raw)
    at_start = [_SPACED.match(folded)] if folded[:1].isalpha() else []
    for spaced in at_start + [_SPACED.match(folded, m.start() - 1)
                              for m in _SPACED_START.finditer(folded)]:
        if spaced is not None and spaced.start() not in spans:
            spans[spaced.start()] = (spaced.end(), spaced.group().replace(" ", "").replace(".", ""))
    found = []
    last_end = -1
    for start in sorted(spans):
        end, raw = spans[start]
        letters = sum(map(str.isalpha, raw))
        if start < last_end or len(raw) < 2 or letters < 2 or _CODE.search(raw) \
                or letters < len(raw) - letters:
            continue  # a code or a number with letters in it (SW1A, h2x, 3pm, XKC123456)
        last_end = end
        masked = raw if raw[0].isalpha() and any(c in MASKS for c in raw[1:]) else None
        found.append(Disguised(start, end, tuple(_readings(raw)), masked))
    return found


def _readings(word: str) -> list[str]:
    """Plain spellings a disguised word may stand for: signs read as letters, stretched letters
    shortened to one or two."""
    if not _AMBIGUOUS.intersection(word) and not _STRETCHED.search(word):
        spelling = word.translate(_LOOK_ALIKE_TABLE)
        return [spelling] if spelling.isalpha() else []
    choices = [_EITHER.get(char) or _LOOK_ALIKES.get(char, char) for char in word]
    readings: set[str] = set()
    for spelling in map("".join, itertools.islice(itertools.product(*choices), 8)):
        if not spelling.isalpha():
            continue
        runs = [(c, len(list(g))) for c, g in itertools.groupby(spelling)]
        long_runs = [i for i, (_, n) in enumerate(runs) if n >= 3][:3]
        for lengths in itertools.product((1, 2), repeat=len(long_runs)):
            chosen = dict(zip(long_runs, lengths))
            readings.add("".join(c * chosen.get(i, n) for i, (c, n) in enumerate(runs)))
    return sorted(readings)


def masked_fits(masked: str, word: str) -> bool:
    """Whether `word` fits `masked`, each mask standing for exactly one letter ("f*ck", "fuck")."""
    return len(masked) == len(word) and all(
        m == w or (m in MASKS and w.isalpha()) or _LOOK_ALIKES.get(m) == w
        or w in _EITHER.get(m, "") for m, w in zip(masked, word))
