"""Risk to life or of harm: suicide, self-harm, abuse and neglect, in English and French (§3).

Every list applies to every text (data/risk_*.txt and the administrator's phrases): people
write in the language they are most at ease in, not the one the page was shown in. Two simple
rules keep everyday speech out, and nothing cleverer, because a miss may cost a life:

- figures of speech are written in the lists as phrases never to flag ("!it hit me" beside
  "hit me", "!neglected to" beside "neglect*", "!en finir avec" beside "en finir"); "this
  killed my hopes" holds no listed phrase at all;
- a phrase closely preceded, in the same clause, by a negation ("not", "never", "no", "n't";
  "ne", "pas", "jamais", "aucun") is not flagged ("I am not suicidal", "pas de
  maltraitance"), unless the phrase is itself negative ("don't want to live", "pas nourri").
"""

from __future__ import annotations

import re

from .findings import RISK, Finding
from .folding import Prepared
from .wordlists import Hit, longest_first, without_exceptions

# Every list applies to every text, so the negations of both languages do too; "dont" is left
# out, being French for "whose" as often as a "don't" typed without its apostrophe.
_NEGATIONS = frozenset(
    "not never no nobody nor didnt doesnt wont cant cannot isnt wasnt arent werent havent hasnt "
    "hadnt wouldnt couldnt shouldnt "
    "ne n pas jamais aucun aucune aucuns aucunes ni non".split())
_CONTRASTS = frozenset("but however although though except mais pourtant cependant sauf".split())
_CLAUSE_BREAK = re.compile(r"[.,;:!?()\n\"«»]")
_WINDOW = 2  # words looked at before a phrase: "not suicidal", "never been hit", "jamais été"


def find_risk(prepared: Prepared, hits: list[Hit]) -> list[Finding]:
    """Every phrase suggesting a risk to life or of harm among the risk lists' `hits` in the
    text, figures of speech and negated phrases left out."""
    findings = []
    for hit in longest_first([h for h in without_exceptions(hits) if not _negated(prepared, h)]):
        start, end = prepared.span(hit.start, hit.end)
        findings.append(Finding(RISK, start, end, prepared.text[start:end],
                                f"risk phrase “{hit.entry.phrase}” ({hit.entry.source})",
                                0.8 if hit.disguised else 0.9))
    return findings


def _negated(prepared: Prepared, hit: Hit) -> bool:
    if hit.entry.negative or hit.first_word is None:
        return False
    words, gaps = prepared.words, prepared.gaps
    i = hit.first_word
    for j in range(i - 1, max(i - 1 - _WINDOW, -1), -1):
        if _CLAUSE_BREAK.search(gaps[j + 1]) or words[j] in _CONTRASTS:
            return False
        word = words[j]
        # "don't", "didn't": the "t" after an apostrophe, the word before it ending in "n";
        # "no one" as well as "nobody".
        if word in _NEGATIONS or (word == "t" and gaps[j].strip() == "'" and j > 0
                                 and words[j - 1].endswith("n")) or (
                word == "one" and j > 0 and words[j - 1] == "no"):
            return True
    return False
