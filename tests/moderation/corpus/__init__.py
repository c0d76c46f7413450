"""A labelled corpus for screening: texts written the way people write to the portal, each with
the findings a careful moderator expects, as (kind, the exact words in the text).

Every detail is made up: names, numbers and addresses are invented, phone numbers come from
ranges kept for fiction or are numbers nobody could reach. A text is screened as an anonymous
case unless it says otherwise (a named person's own details are not flagged).

The texts are not written for the rules: about half hold details the rules must find, the rest
hold what looks like a detail and is not (a date that is not a birth date, a freephone number,
a reference number, a doctor named in thanks, "this killed my hopes", "Scunthorpe").
"""

from typing import NamedTuple


class Text(NamedTuple):
    language: str
    text: str
    expected: tuple[tuple[str, str], ...] = ()
    anonymous: bool = True


def corpus() -> list[Text]:
    from . import english, french

    return english.TEXTS + french.TEXTS
