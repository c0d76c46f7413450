"""Provider staff pages: the inbox (inbox.py), the case page (case.py) and the actions taken from
it (actions.py)."""

from .actions import (
    callback_attempt,
    case_acknowledge,
    case_assign,
    case_extend,
    case_note,
    case_outcome,
    case_question,
    case_reopen,
    case_reply,
    case_resolve,
    case_resume,
    case_take,
    decide_extension,
)
from .case import case_detail
from .inbox import inbox

__all__ = [
    "callback_attempt", "case_acknowledge", "case_assign", "case_detail", "case_extend",
    "case_note", "case_outcome", "case_question", "case_reopen", "case_reply", "case_resolve",
    "case_resume", "case_take", "decide_extension", "inbox",
]
