"""Storing what people type exactly as they typed it (PRODUCT.md §3): nothing removed, not even
something that looks like HTML; only line endings made "\n"; control characters no keyboard types
refused, naming their line."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from moderation.screening.text import text_as_typed

KEPT = [
    "<script>alert(1)</script>hello",
    "<b>bold</b>",
    "<img src=x onerror=alert(1)>",
    "Fish & chips <3",
    "my dose went from <5mg to >20mg",
    "a<b",
    '<a href="javascript:alert(1)">link text</a>',
    "<!-- a comment -->kept",
    "caf&eacute; &amp; cr&egrave;me",
    "&lt;script&gt;alert(1)&lt;/script&gt;ok",
    "&amp;lt;b&amp;gt;deep",
    "<p>First</p><p>Second<br>Third</p>",
    "\n\n  \nHello   \nthere\t \n\n  \n",
    "  indented first line",
    "Je n’ai pas été rappelée.",
    "عيادة الأسنان لم تتصل بي 🙁",
    "line\u2028separator and \u202eright-to-left override\ufeff",
    "",
]


@pytest.mark.parametrize("value", KEPT)
def test_every_character_typed_is_kept(value):
    assert text_as_typed(value) == value


def test_only_line_endings_change():
    assert text_as_typed("one\r\ntwo\rthree\nfour") == "one\ntwo\nthree\nfour"


@pytest.mark.parametrize(("value", "line"), [
    ("nul\x00", 1),
    ("bell \x07", 1),
    ("one\r\ntwo\r\nescape \x1b[31m", 3),
    ("one\rtwo \x0b", 2),
    ("form feed\n\x0c", 2),
    ("delete \x7f", 1),
    ("c1 \x85 next line", 1),
    ("c1 \x9f", 1),
    ("lone surrogate \ud800", 1),
])
def test_control_characters_no_keyboard_types_are_refused_naming_their_line(value, line):
    with pytest.raises(ValidationError) as refused:
        text_as_typed(value)
    error = refused.value
    assert error.code == "untypeable_character"
    assert error.params == {"line": line}
    assert f"Line {line} holds a hidden character" in error.messages[0]


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


_FORBIDDEN = {*map(chr, range(0x09)), "\x0b", "\x0c", *map(chr, range(0x0e, 0x20)),
              *map(chr, range(0x7f, 0xa0))}


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=200), _HOSTILE))
def test_text_is_kept_whole_or_refused_whole(value):
    if _FORBIDDEN & set(value):
        with pytest.raises(ValidationError):
            text_as_typed(value)
        return
    kept = text_as_typed(value)
    assert kept == value.replace("\r\n", "\n").replace("\r", "\n")
    assert text_as_typed(kept) == kept
