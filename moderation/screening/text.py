"""What people type is stored exactly as they typed it (PRODUCT.md §3).

The portal stores plain text, never HTML: "my dose went from <5mg to >20mg" or a pasted `<b>` tag is
kept character for character, and every page, email and export escapes it when it is shown. The only
change is to line endings, which browsers send as "\\r\\n" anyway. Text holding a control character
that no keyboard types (NUL and the like, usually dragged in by copying from another program) is
refused with a message saying where it is, so the person can retype that line; it is never
silently removed.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_LINE_ENDING = re.compile(r"\r\n?")
# C0 controls except tab, line feed and carriage return; DEL; C1 controls; and lone surrogates,
# which a browser cannot send but a caller in Python could, and no database would store.
_UNTYPEABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

UNTYPEABLE_CHARACTER = _(
    "Line %(line)d holds a hidden character that we cannot save. It sometimes comes with text "
    "copied from another program: please type that line again yourself.")


def text_as_typed(value: str) -> str:
    """Return `value` unchanged but for line endings ("\\r\\n" and "\\r" become "\\n"); raise
    ValidationError (code "untypeable_character", naming the line) if it holds a control
    character no keyboard types."""
    found = _UNTYPEABLE.search(value)
    if found is not None:
        line = _LINE_ENDING.sub("\n", value[:found.start()]).count("\n") + 1
        raise ValidationError(UNTYPEABLE_CHARACTER, code="untypeable_character",
                              params={"line": line})
    return _LINE_ENDING.sub("\n", value)
