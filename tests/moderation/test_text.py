"""Storing what people type as plain text (PRODUCT.md §3: HTML stripped with bleach)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.screening.text import plain_text

CASES = [
    ("<script>alert(1)</script>hello", "hello"),
    ("<b>bold</b>", "bold"),
    ("<img src=x onerror=alert(1)>", ""),
    ("Fish & chips <3", "Fish & chips <3"),  # stored as seen; templates escape when rendering
    ("a < b and c > d", "a < b and c > d"),
    ("<style>p { color: red }</style>Hi", "Hi"),
    ("<SCRIPT SRC=//example.com/x.js></SCRIPT>after", "after"),
    ("<script>never closed", ""),
    ("cut short <SCRIPT src=x", "cut short SCRIPT src=x"),
    ("a<b", "a<b"),
    ('<a href="javascript:alert(1)">link text</a>', "link text"),
    ("<!-- a comment -->kept", "kept"),
    ("caf&eacute; &amp; cr&egrave;me", "café & crème"),
    ("&lt;script&gt;alert(1)&lt;/script&gt;ok", "ok"),  # an escaped tag is not revived
    ("&amp;lt;b&amp;gt;deep", "deep"),
    ("<p>First</p><p>Second<br>Third</p>", "First\nSecond\nThird"),
    ("line one\r\nline two\rline three", "line one\nline two\nline three"),
    ("\n\n  \nHello   \nthere\t \n\n  \n", "Hello\nthere"),
    ("tab\tkept\x00\x07\x1b[31m", "tab\tkept[31m"),
    ("  indented first line", "  indented first line"),
    ("Je n’ai pas été rappelée.", "Je n’ai pas été rappelée."),
    ("", ""),
]


@pytest.mark.parametrize(("value", "expected"), CASES)
def test_plain_text(value, expected):
    assert plain_text(value) == expected


# Markup pieces, entities and awkward characters, so generated texts are mostly hostile.
_PIECES = st.sampled_from(
    [
        "<", ">", "/", "&", ";", "lt;", "gt;", "amp;", "#60;", "&#x3c;", "script", "SCRIPT", "style",
        "<script>", "</script>", "<b>", "</b>", "<p>", "<br/>", "<!--", "-->", "<![CDATA[", "]]>",
        "&lt;", "&gt;", "&amp;", "&nbsp;", "=", '"', "'", " ", "\n", "\r", "\t", "\x00", "\x0c",
        "\u2028", "\ufeff", "a", "é", "onerror=alert(1)", "<img src=x ",
    ]
)
_HOSTILE = st.lists(_PIECES | st.text(max_size=3), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=200), _HOSTILE))
def test_plain_text_is_idempotent_and_never_holds_a_script_tag(value):
    once = plain_text(value)
    assert plain_text(once) == once
    assert "<script" not in once.lower()
    assert "\r" not in once
