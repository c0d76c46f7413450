"""How a case ends and starts again: closing (with the phone numbers erased), reopening, and the
portal's alert to the commissioner when an answer is long overdue."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from moderation.screening.text import text_as_typed

from ..models import Case, CaseEvent, EventAction
from ..vocabulary import Action, Actor, State
from ..workflow import case_begin, case_transition
from .clock import next_due_refresh


@transaction.atomic
def case_close(*, case: Case, reason: str, at: datetime) -> None:
    """The portal closes a resolved case the person left unanswered (PRODUCT.md §4)."""
    case_begin(case, Action.CLOSE, Actor.system())
    case_close_step(case=case, actor=Actor.system(), reason=reason, at=at)


def case_close_step(*, case: Case, actor: Actor, reason: str, at: datetime) -> None:
    """Close the case and erase every phone number the person gave for callbacks: a step of a
    service that has already locked the case and asked the policy."""
    case.closed_at = at
    case.save(update_fields=["closed_at", "updated_at"])
    case_transition(case=case, to=State.CLOSED, actor=actor, reason=reason, at=at)
    next_due_refresh(case=case)
    erased = case.callbacks.exclude(phone="").update(phone="", phone_erased_at=at)
    if erased:
        CaseEvent.record(case=case, actor=Actor.system(), action=EventAction.CONTACT_ERASED,
                         at=at, data={"callbacks": erased})


@transaction.atomic
def case_reopen(*, case: Case, actor: Actor, reason: str, now: datetime | None = None) -> None:
    """Open a resolved case again (provider staff, when the person comes back with more), or a
    closed one (an administrator), with the reason in the log."""
    reason = text_as_typed(reason)
    case_begin(case, Action.REOPEN, actor)
    now = now or timezone.now()
    case.resolved_at = None
    case.closed_at = None
    case.save(update_fields=["resolved_at", "closed_at", "updated_at"])
    case_transition(case=case, to=State.REOPENED, actor=actor, reason=reason, at=now)
    next_due_refresh(case=case)


def case_overdue_escalate(*, case: Case, at: datetime) -> None:
    """The portal tells the commissioner an answer is overdue by the policy's margin: an alert
    in the log, not a change of state (the provider still owes the answer)."""
    Case.objects.filter(pk=case.pk, escalated_at__isnull=True).update(escalated_at=at,
                                                                       updated_at=at)
    CaseEvent.record(case=case, actor=Actor.system(), action=EventAction.ESCALATED, at=at,
                     data={"deadline": "respond", "due_at": case.respond_due_at.isoformat()})


__all__ = ["case_close", "case_close_step", "case_overdue_escalate", "case_reopen"]
