"""Writes: every change a person, a member of staff or the portal makes to a case. Each is one
transaction that locks the case row, asks the case policy, appends to the event log and queues its
emails in the outbox."""

from .extensions import extension_decide, extension_request
from .lifecycle import case_close, case_overdue_escalate, case_reopen
from .person import callback_request, case_escalate_by_person, message_from_person
from .provider import (
    callback_attempt_record,
    case_access_record,
    case_acknowledge,
    case_assign,
    case_resolve,
    clock_resume_at_cap,
    clock_resume_by_staff,
    message_to_person,
    note_add,
    outcome_record,
    question_ask,
)
from .submission import Submission, SubmitResult, case_receipt_kept, case_submit

__all__ = [
    "Submission", "SubmitResult", "callback_attempt_record", "callback_request",
    "case_access_record", "case_acknowledge", "case_assign", "case_close",
    "case_escalate_by_person", "case_overdue_escalate", "case_receipt_kept", "case_reopen",
    "case_resolve", "case_submit", "clock_resume_at_cap", "clock_resume_by_staff",
    "extension_decide", "extension_request", "message_from_person", "message_to_person",
    "note_add", "outcome_record", "question_ask",
]
