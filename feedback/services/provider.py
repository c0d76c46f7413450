"""What provider staff do to a case. Each action begins by locking the case row and asking the case
policy (`workflow.case_begin`), runs in one transaction, appends to the event log and queues its
emails."""

from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from moderation.screening.text import text_as_typed
from portal.selectors import provider_members

from ..dates import date_words
from ..deadlines import END_OF_DAY
from ..models import (
    CallbackAttempt,
    CallbackRequest,
    CallbackResult,
    CallbackStatus,
    Case,
    CaseAccess,
    CaseEvent,
    ClockPause,
    EventAction,
    Message,
    Outcome,
    Purpose,
    Visibility,
)
from ..notifications import person_notify
from ..policies import snapshot_calendar, snapshot_duration
from ..vocabulary import Action, Actor, State
from ..workflow import case_begin, case_transition
from .clock import deadlines_refresh, next_due_refresh, paused_so_far

# States from which a first answer moves the case to "responded".
ANSWERABLE = {State.WITH_PROVIDER, State.ACKNOWLEDGED, State.REOPENED}


def case_access_record(*, case: Case, user, what: str = "case_page") -> CaseAccess:
    """Write who opened which case and when (every opening, for the audit)."""
    return CaseAccess.objects.create(case=case, user=user, what=what)


def _message(case: Case, user, body: str, purpose: str,
             visibility: str = Visibility.TO_PERSON, at: datetime | None = None) -> Message:
    return Message.objects.create(case=case, author_kind=Actor.staff(user).kind, author=user,
                                  visibility=visibility, purpose=purpose,
                                  body=text_as_typed(body), created_at=at or timezone.now())


def _acknowledge_mark(case: Case, user, now: datetime) -> None:
    if case.acknowledged_at is None:
        case.acknowledged_at = now
        case.save(update_fields=["acknowledged_at", "updated_at"])
    if case.state in (State.WITH_PROVIDER, State.REOPENED):
        case_transition(case=case, to=State.ACKNOWLEDGED, actor=Actor.staff(user), at=now)


@transaction.atomic
def case_acknowledge(*, case: Case, user, body: str, agreed_date: date | None = None,
                     now: datetime | None = None) -> Message:
    """Send the (edited) acknowledgement, once; where the policy allows it, agree a response date
    that then becomes the deadline."""
    case_begin(case, Action.ACKNOWLEDGE, Actor.staff(user))
    now = now or timezone.now()
    if agreed_date is not None:
        _agreed_date_set(case, agreed_date, now)
    message = _message(case, user, body, Purpose.ACKNOWLEDGEMENT, at=now)
    _acknowledge_mark(case, user, now)
    next_due_refresh(case=case)
    CaseEvent.record(case=case, actor=Actor.staff(user), action=EventAction.ACKNOWLEDGED, at=now,
                     data={"message_id": message.pk,
                           "agreed_response_at": case.agreed_response_at.isoformat()
                           if case.agreed_response_at else None})
    person_notify(case=case, event="acknowledged")
    return message


def _agreed_date_set(case: Case, agreed_date: date, now: datetime) -> None:
    limit = snapshot_duration(case.policy, "agreed_response_max")
    if limit is None:
        raise ValidationError(_("This policy does not allow agreeing a response date."))
    calendar = snapshot_calendar(case.policy)
    today = calendar.local(now).date()
    # The agreed date counts in calendar days from receipt (England 2009: at most 6 months).
    latest = calendar.local(case.received_at).date() + timedelta(days=limit.amount)
    if agreed_date < today:
        raise ValidationError(_("The agreed date cannot be in the past."))
    if agreed_date > latest:
        raise ValidationError(_("The agreed date can be at most %(date)s under this policy.")
                              % {"date": date_words(latest, language=get_language(),
                                                    calendar=calendar)})
    # The whole agreed day, as the deadline counts it (calendar days end at 23:59:59).
    case.agreed_response_at = calendar.at(agreed_date, END_OF_DAY)
    case.save(update_fields=["agreed_response_at", "updated_at"])
    deadlines_refresh(case=case, as_of=now)


@transaction.atomic
def message_to_person(*, case: Case, user, body: str, now: datetime | None = None) -> Message:
    """Reply to the person; the first reply is the first response (and acknowledges, if needed)."""
    case_begin(case, Action.REPLY, Actor.staff(user))
    now = now or timezone.now()
    message = _message(case, user, body, Purpose.REPLY, at=now)
    _acknowledge_mark(case, user, now)
    if case.first_response_at is None:
        case.first_response_at = now
        case.save(update_fields=["first_response_at", "updated_at"])
    if case.state in ANSWERABLE:
        case_transition(case=case, to=State.RESPONDED, actor=Actor.staff(user), at=now)
    next_due_refresh(case=case)
    CaseEvent.record(case=case, actor=Actor.staff(user), action=EventAction.MESSAGE_TO_PERSON,
                     data={"message_id": message.pk}, at=now)
    person_notify(case=case, event="message")
    return message


@transaction.atomic
def question_ask(*, case: Case, user, body: str, now: datetime | None = None) -> Message:
    """Ask the person something; the response clock stops until they answer (capped by policy)."""
    case_begin(case, Action.QUESTION, Actor.staff(user))
    now = now or timezone.now()
    cap = snapshot_duration(case.policy, "max_pause")
    if paused_so_far(case, as_of=now) >= cap.amount:
        raise ValidationError(_("The clock has already been paused for the most this policy "
                                "allows. Ask your question as a normal reply."))
    message = _message(case, user, body, Purpose.QUESTION, at=now)
    ClockPause.objects.create(case=case, started_at=now, reason=text_as_typed(body)[:500],
                              started_by=user)
    deadlines_refresh(case=case, as_of=now)
    CaseEvent.record(case=case, actor=Actor.staff(user), action=EventAction.CLOCK_PAUSED, at=now,
                     reason=_("Waiting for the person's answer"),
                     data={"message_id": message.pk})
    person_notify(case=case, event="question")
    return message


def clock_resume(*, case: Case, actor: Actor, reason: str, at: datetime) -> bool:
    """End the open pause, if any (the person answered, staff resumed, the case was resolved or
    the cap was reached). A step of a service that already holds the case's lock."""
    pause = case.pauses.filter(ended_at__isnull=True).first()
    if pause is None:
        return False
    pause.ended_at = at
    pause.end_reason = reason
    pause.save(update_fields=["ended_at", "end_reason"])
    deadlines_refresh(case=case, as_of=at)
    CaseEvent.record(case=case, actor=actor, action=EventAction.CLOCK_RESUMED, reason=reason,
                     at=at, data={"pause_id": pause.pk})
    return True


@transaction.atomic
def clock_resume_by_staff(*, case: Case, user, now: datetime | None = None) -> bool:
    """Staff stop waiting for the person and the clock runs again."""
    case_begin(case, Action.RESUME, Actor.staff(user))
    return clock_resume(case=case, actor=Actor.staff(user), reason="resumed_by_staff",
                        at=now or timezone.now())


@transaction.atomic
def clock_resume_at_cap(*, case: Case, at: datetime) -> bool:
    """The portal ends a wait that used up the policy's cap, at the moment it did."""
    case_begin(case, Action.RESUME_AT_CAP, Actor.system())
    return clock_resume(case=case, actor=Actor.system(), reason="pause_cap_reached", at=at)


@transaction.atomic
def note_add(*, case: Case, user, body: str, now: datetime | None = None) -> Message:
    """An internal note: staff and commissioners only, never the person."""
    case_begin(case, Action.NOTE, Actor.staff(user))
    now = now or timezone.now()
    message = _message(case, user, body, Purpose.REPLY, visibility=Visibility.INTERNAL, at=now)
    CaseEvent.record(case=case, actor=Actor.staff(user), action=EventAction.INTERNAL_NOTE,
                     data={"message_id": message.pk}, at=now)
    return message


@transaction.atomic
def case_assign(*, case: Case, user, assignee, now: datetime | None = None) -> None:
    """Give the case to a colleague (managers) or take it yourself (anyone at the provider)."""
    action = Action.TAKE if assignee is not None and assignee == user else Action.ASSIGN
    case_begin(case, action, Actor.staff(user))
    members = provider_members(provider=case.provider_id)
    if assignee is not None and not members.filter(pk=assignee.pk).exists():
        raise ValidationError(_("You can only assign the case to someone at this provider."))
    before = case.assignee_id
    case.assignee = assignee
    case.save(update_fields=["assignee", "updated_at"])
    CaseEvent.record(case=case, actor=Actor.staff(user), action=EventAction.ASSIGNED, at=now,
                     data={"from": before, "to": assignee.pk if assignee else None})


@transaction.atomic
def outcome_record(*, case: Case, user, outcome: str, actions_taken: str,
                   service_changed: bool, now: datetime | None = None) -> None:
    """Record how the case ended and what was done about it (while the provider is answering)."""
    case_begin(case, Action.OUTCOME, Actor.staff(user))
    if outcome not in Outcome.values:
        raise ValidationError(_("Choose an outcome."))
    case.outcome, case.actions_taken = outcome, text_as_typed(actions_taken)
    case.service_changed = service_changed
    case.save(update_fields=["outcome", "actions_taken", "service_changed", "updated_at"])
    CaseEvent.record(case=case, actor=Actor.staff(user), action=EventAction.OUTCOME_RECORDED,
                     data={"outcome": outcome, "service_changed": service_changed}, at=now)


@transaction.atomic
def case_resolve(*, case: Case, user, now: datetime | None = None) -> None:
    """Mark the case resolved once the person has been answered and the outcome recorded."""
    case_begin(case, Action.RESOLVE, Actor.staff(user))
    now = now or timezone.now()
    if case.first_response_at is None:
        raise ValidationError(_("Answer the person before resolving the case."))
    if not case.outcome:
        raise ValidationError(_("Record the outcome before resolving the case."))
    clock_resume(case=case, actor=Actor.staff(user), reason="resolved", at=now)
    case.resolved_at = now
    case.save(update_fields=["resolved_at", "updated_at"])
    case_transition(case=case, to=State.RESOLVED, actor=Actor.staff(user), at=now)
    next_due_refresh(case=case)
    person_notify(case=case, event="resolved")


@transaction.atomic
def callback_attempt_record(*, callback: CallbackRequest, user, result: str, note: str = "",
                            now: datetime | None = None) -> CallbackAttempt:
    """Record one try at phoning the person (by the member handling the case); speaking with
    them completes the callback."""
    case = case_begin(callback.case, Action.CALLBACK_ATTEMPT, Actor.staff(user))
    now = now or timezone.now()
    callback.refresh_from_db(from_queryset=CallbackRequest.objects.select_for_update())
    if callback.case_id != case.pk:
        raise ValidationError(_("This call back belongs to another case."))
    if callback.status != CallbackStatus.REQUESTED:
        raise ValidationError(_("This call back is already done."))
    if result not in CallbackResult.values:
        raise ValidationError(_("Choose what happened."))
    attempt = CallbackAttempt.objects.create(callback=callback, at=now, by=user, result=result,
                                             note=text_as_typed(note))
    if result == CallbackResult.REACHED:
        callback.status, callback.completed_at = CallbackStatus.DONE, now
        callback.save(update_fields=["status", "completed_at"])
        next_due_refresh(case=case)
    CaseEvent.record(case=case, actor=Actor.staff(user), at=now,
                     action=EventAction.CALLBACK_ATTEMPT,
                     data={"callback_id": callback.pk, "result": result})
    return attempt


__all__ = [
    "callback_attempt_record", "case_access_record", "case_acknowledge", "case_assign",
    "case_resolve", "clock_resume", "clock_resume_at_cap", "clock_resume_by_staff",
    "message_to_person", "note_add", "outcome_record", "question_ask",
]
