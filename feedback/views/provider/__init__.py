"""Provider staff pages: the inbox (inbox.py), the case page (case.py) and the actions taken from
it (actions.py)."""

from .actions import (
    callback_attempt,
    case_acknowledge,
    case_assign,
    case_extension,
    case_note,
    case_outcome,
    case_question,
    case_reply,
    case_resolve,
    case_resume,
    case_take,
    extension_decide,
)
from .case import case_detail
from .inbox import inbox

__all__ = [
    "callback_attempt", "case_acknowledge", "case_assign", "case_detail", "case_extension",
    "case_note", "case_outcome", "case_question", "case_reply", "case_resolve", "case_resume",
    "case_take", "extension_decide", "inbox",
]
