"""Detect words suggesting risk to life or of harm, so crisis contacts show at once (PRODUCT.md §3)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

_DATA = Path(__file__).with_name("data")
# Every text is checked against these whatever the form's language: people write in the language
# they are most at ease in, not the one the page was shown in.
_ALWAYS = ("en", "fr")
# Typographic apostrophes and dashes are folded so "can’t" and "self‑harm" match the plain lists.
_FOLD_EXTRA = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-", "–": "-", "—": "-", "œ": "oe", "æ": "ae"}
)


def find_risk(text: str, *, language: str, extra_terms: Iterable[str] = ()) -> list[str]:
    """Risk-to-life or harm phrases (self-harm, suicide, abuse, neglect) found in `text`; checks both English and French lists plus the given language's, case- and accent-insensitively, on word boundaries."""
    terms = [term for lang in dict.fromkeys((*_ALWAYS, _base(language))) for term in load_terms(lang)]
    terms.extend(term for term in extra_terms if term.strip())
    matcher = _matcher(tuple(terms))
    if matcher is None:
        return []
    folded, origin = _fold(text)
    found: dict[str, None] = {}  # insertion-ordered set: each phrase once, in order of appearance
    for m in matcher.finditer(folded):
        found.setdefault(text[origin[m.start()] : origin[m.end() - 1] + 1], None)
    return list(found)


@functools.cache
def load_terms(language: str) -> tuple[str, ...]:
    """The phrases in data/risk_<language>.txt, without comments; () when there is no such list."""
    path = _DATA / f"risk_{_base(language)}.txt"
    if not path.is_file():
        return ()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(dict.fromkeys(line for line in lines if line))


def _base(language: str) -> str:
    """"fr-CA", "fr_ca" and "FR" all use the "fr" list."""
    return language.replace("_", "-").split("-", 1)[0].strip().lower()


@functools.lru_cache(maxsize=32)
def _matcher(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    patterns = {_term_pattern(term) for term in terms}
    patterns.discard("")
    if not patterns:
        return None
    # Longest first, so "hit me again" is reported rather than its prefix "hit me".
    alternation = "|".join(sorted(patterns, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


def _term_pattern(term: str) -> str:
    folded, _ = _fold(term)
    words = [word for word in re.split(r"[\s-]+", folded) if word.strip("*")]
    return r"[\s-]+".join(_word_pattern(word) for word in words)


def _word_pattern(word: str) -> str:
    """A word ending in * matches any ending, so "maltrait*" finds "maltraitée" and "maltraitance"."""
    return re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word)


def _fold(text: str) -> tuple[str, list[int]]:
    """Case- and accent-folded `text`, with the index in `text` of every folded character."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    folded: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        piece = _fold_char(char)
        folded.append(piece)
        origin.extend([i] * len(piece))
    return "".join(folded), origin


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.casefold().translate(_FOLD_EXTRA)
