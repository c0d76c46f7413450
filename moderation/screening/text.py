"""Turn whatever was typed or pasted into the plain text the portal stores (PRODUCT.md §3).

The result is plain text, not HTML: it may hold a literal "<" or "&" ("Fish & chips <3", or "a<b"
as bleach keeps it), exactly as the person sees it, and every template autoescapes it when rendering. What it never holds is
markup that a browser or a second cleaning would treat as a tag: cleaning repeats until nothing
changes, so an entity-encoded tag ("&lt;script&gt;") cannot come back to life after unescaping.
"""

from __future__ import annotations

import html
import re

import bleach

# Script and style are let through bleach only so their contents can be dropped whole below; all
# other tags are stripped by bleach keeping their text. Line-breaking tags survive for the same
# reason, to keep pasted paragraphs on separate lines.
_PASS_THROUGH = frozenset(
    {"script", "style", "br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"}
)
# After bleach every literal "<" in the text is escaped, so each "<" left is one of the tags above,
# attribute-free and well formed; plain regular expressions are safe on that output.
_DROPPED = re.compile(r"<(script|style)>.*?</\1>", re.DOTALL)
_LINE_BREAK = re.compile(r"<br>|</(?:p|div|li|tr|h[1-6])>")
_OTHER_TAG = re.compile(r"</?[a-z0-9]+>")
# bleach keeps an unterminated tag at the very end as text ("a<b" stays "a<b"); for script and
# style that is only ever an injection attempt cut short, so once cleaning is stable its "<" goes.
_UNTERMINATED = re.compile(r"(?<!<)<+(?=/?(?i:script|style))")
_NEWLINES = re.compile(r"\r\n?|[\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Matching only from the start of a run keeps long runs of spaces linear.
_TRAILING_SPACE = re.compile(r"(?<![ \t\u00a0])[ \t\u00a0]+$", re.MULTILINE)
# Each round peels one layer of markup; deeper nesting than this is deliberate obfuscation.
_MAX_ROUNDS = 8


def plain_text(value: str) -> str:
    """Strip every HTML tag with bleach (keeping the tags' text, dropping <script>/<style> contents entirely), unescape entities so the stored text is what the person sees, normalise newlines to \\n, strip trailing spaces per line and leading/trailing blank lines, remove control characters except \\n and \\t."""
    text = _tidy(value)
    if "<" not in text and "&" not in text:
        return text  # no markup and no entities: what was typed is already plain text
    for _ in range(_MAX_ROUNDS):
        cleaned = _clean_once(text)
        if cleaned == text:
            cleaned = _UNTERMINATED.sub("", text)
            if cleaned == text:
                return text
        text = cleaned
    # Still changing: drop the characters markup is made of, which leaves a text cleaning keeps as is.
    return _clean_once(text.replace("<", "").replace("&", ""))


def _clean_once(text: str) -> str:
    cleaned = bleach.clean(
        text, tags=_PASS_THROUGH, attributes={}, protocols=[], strip=True, strip_comments=True
    )
    cleaned = _DROPPED.sub("", cleaned)
    cleaned = _LINE_BREAK.sub("\n", cleaned)
    cleaned = _OTHER_TAG.sub("", cleaned)
    return _tidy(html.unescape(cleaned))


def _tidy(text: str) -> str:
    text = _CONTROL.sub("", _NEWLINES.sub("\n", text))
    # With trailing spaces gone, blank lines are empty, so the edges are plain newlines.
    return _TRAILING_SPACE.sub("", text).strip("\n")
