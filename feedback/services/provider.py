"""What provider staff do to a case. Each action checks its rule, runs in one transaction, appends
to the event log and queues its emails; the view has already checked the person may act."""

from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from moderation.screening.text import plain_text
from portal.models import Role
from portal.selectors import is_manager, provider_members

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
    Extension,
    ExtensionStatus,
    Message,
    Outcome,
    Purpose,
    Visibility,
)
from ..notifications import person_notify, staff_notify
from ..policies import snapshot_calendar, snapshot_duration
from ..workflow import Actor, State, case_transition
from .clock import deadlines_refresh, extension_room, next_due_refresh, paused_so_far

# States from which a first answer moves the case to "responded".
ANSWERABLE = {State.WITH_PROVIDER, State.ACKNOWLEDGED, State.REOPENED}


def case_access_record(*, case: Case, user, what: str = "case_page") -> CaseAccess:
    """Write who opened which case and when (every opening, for the audit)."""
    return CaseAccess.objects.create(case=case, user=user, what=what)


def _message(case: Case, user, body: str, purpose: str,
             visibility: str = Visibility.TO_PERSON, at: datetime | None = None) -> Message:
    return Message.objects.create(case=case, author_kind=Actor.staff(user).kind, author=user,
                                  visibility=visibility, purpose=purpose,
                                  body=plain_text(body), created_at=at or timezone.now())


def _acknowledge_mark(case: Case, user, now: datetime) -> None:
    if case.acknowledged_at is None:
        case.acknowledged_at = now
        case.save(update_fields=["acknowledged_at", "updated_at"])
    if case.state in (State.WITH_PROVIDER, State.REOPENED):
        case_transition(case=case, to=State.ACKNOWLEDGED, actor=Actor.staff(user), at=now)


@transaction.atomic
def case_acknowledge(*, case: Case, user, body: str, agreed_date: date | None = None,
                     now: datetime | None = None) -> Message:
    """Send the (edited) acknowledgement; where the policy allows it, agree a response date that
    then becomes the deadline."""
    now = now or timezone.now()
    if agreed_date is not None:
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
                                  % {"date": latest.isoformat()})
        # The whole agreed day, as the deadline counts it (calendar days end at 23:59:59).
        case.agreed_response_at = calendar.at(agreed_date, END_OF_DAY)
        case.save(update_fields=["agreed_response_at", "updated_at"])
        deadlines_refresh(case=case, as_of=now)
    message = _message(case, user, body, Purpose.ACKNOWLEDGEMENT, at=now)
    _acknowledge_mark(case, user, now)
    next_due_refresh(case=case)
    CaseEvent.record(case=case, actor=Actor.staff(user), action=EventAction.ACKNOWLEDGED, at=now,
                     data={"message_id": message.pk,
                           "agreed_response_at": case.agreed_response_at.isoformat()
                           if case.agreed_response_at else None})
    person_notify(case=case, event="acknowledged")
    return message


@transaction.atomic
def message_to_person(*, case: Case, user, body: str, now: datetime | None = None) -> Message:
    """Reply to the person; the first reply is the first response (and acknowledges, if needed)."""
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
    now = now or timezone.now()
    if case.pauses.filter(ended_at__isnull=True).exists():
        raise ValidationError(_("You are already waiting for the person's answer."))
    cap = snapshot_duration(case.policy, "max_pause")
    if paused_so_far(case, as_of=now) >= cap.amount:
        raise ValidationError(_("The clock has already been paused for the most this policy "
                                "allows. Ask your question as a normal reply."))
    message = _message(case, user, body, Purpose.QUESTION, at=now)
    ClockPause.objects.create(case=case, started_at=now, reason=plain_text(body)[:500],
                              started_by=user)
    deadlines_refresh(case=case, as_of=now)
    CaseEvent.record(case=case, actor=Actor.staff(user), action=EventAction.CLOCK_PAUSED, at=now,
                     reason=_("Waiting for the person's answer"),
                     data={"message_id": message.pk})
    person_notify(case=case, event="question")
    return message


def clock_resume(*, case: Case, actor: Actor, reason: str, at: datetime) -> bool:
    """End the open pause, if any (the person answered, staff resumed, or the cap was reached)."""
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
    return clock_resume(case=case, actor=Actor.staff(user), reason="resumed_by_staff",
                        at=now or timezone.now())


@transaction.atomic
def note_add(*, case: Case, user, body: str) -> Message:
    """An internal note: staff and commissioners only, never the person."""
    message = _message(case, user, body, Purpose.REPLY, visibility=Visibility.INTERNAL)
    CaseEvent.record(case=case, actor=Actor.staff(user), action=EventAction.INTERNAL_NOTE,
                     data={"message_id": message.pk})
    return message


@transaction.atomic
def case_assign(*, case: Case, user, assignee) -> None:
    """Give the case to a colleague: managers assign anyone at the provider; staff take it."""
    members = provider_members(provider=case.provider)
    if assignee is not None and not members.filter(pk=assignee.pk).exists():
        raise ValidationError(_("You can only assign the case to someone at this provider."))
    if not is_manager(user=user, provider=case.provider) and assignee != user:
        raise ValidationError(_("Only a manager can assign cases to someone else."))
    before = case.assignee_id
    case.assignee = assignee
    case.save(update_fields=["assignee", "updated_at"])
    CaseEvent.record(case=case, actor=Actor.staff(user), action=EventAction.ASSIGNED,
                     data={"from": before, "to": assignee.pk if assignee else None})


def extension_request(*, case: Case, user, amount: int, reason: str,
                      now: datetime | None = None) -> Extension:
    """Ask for more time before the deadline passes, with a reason; a manager's request is
    approved at once, a colleague's waits for a manager. Late requests are refused."""
    now = now or timezone.now()
    reason = plain_text(reason)
    if case.first_response_at is not None:
        raise ValidationError(_("The person has already been answered: no extension is needed."))
    if now >= case.respond_due_at:
        # Outside the request's transaction: the refusal stays in the log though the request fails.
        CaseEvent.record(case=case, actor=Actor.staff(user), action=EventAction.EXTENSION_REFUSED,
                         reason=reason, at=now)
        raise ValidationError(_("The deadline has passed. An extension must be asked for before "
                                "the deadline; tell the person honestly that the answer is late."))
    with transaction.atomic():
        return _extension_create(case=case, user=user, amount=amount, reason=reason, now=now)


def _extension_create(*, case: Case, user, amount: int, reason: str, now: datetime) -> Extension:
    if not reason:
        raise ValidationError(_("Give the reason: the person will read it."))
    if amount < 1:
        raise ValidationError(_("Ask for at least one day."))
    room = extension_room(case)
    if amount > room:
        raise ValidationError(_("This policy allows at most %(room)d more.") % {"room": room})
    unit = snapshot_duration(case.policy, "max_extension").unit
    extension = Extension.objects.create(case=case, requested_by=user, requested_at=now,
                                         amount=amount, unit=unit.value, reason=reason,
                                         due_before=case.respond_due_at)
    CaseEvent.record(case=case, actor=Actor.staff(user), action=EventAction.EXTENSION_REQUESTED,
                     reason=reason, at=now, data={"extension_id": extension.pk, "amount": amount,
                                                  "unit": unit.value})
    if is_manager(user=user, provider=case.provider):
        _extension_settle(extension, user, approve=True, now=now)
    else:
        staff_notify(case=case, users=provider_members(provider=case.provider,
                                                       roles=[Role.MANAGER]),
                     event="extension_request")
    return extension


def _extension_settle(extension: Extension, manager, *, approve: bool, now: datetime) -> None:
    case = extension.case
    extension.status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REFUSED
    extension.decided_by, extension.decided_at = manager, now
    extension.save(update_fields=["status", "decided_by", "decided_at"])
    before = case.respond_due_at
    if approve:
        deadlines_refresh(case=case, as_of=now)
    CaseEvent.record(case=case, actor=Actor.staff(manager), action=EventAction.EXTENSION_DECIDED,
                     reason=extension.reason, at=now,
                     data={"extension_id": extension.pk, "approved": approve,
                           "before": before.isoformat(),
                           "after": case.respond_due_at.isoformat()})
    if approve:
        Message.objects.create(
            case=case, author_kind=Actor.staff(manager).kind, author=manager,
            purpose=Purpose.NOTICE, created_at=now,
            body=_extension_notice(case, extension.reason))
        person_notify(case=case, event="extension", reason=extension.reason)


def _extension_notice(case: Case, reason: str) -> str:
    from django.utils import translation
    from django.utils.formats import date_format

    with translation.override(case.language):
        when = date_format(timezone.localtime(case.respond_due_at,
                                              snapshot_calendar(case.policy).tz), "DATE_FORMAT")
        return _("We need more time to answer you properly. We will answer you by %(date)s. "
                 "The reason: %(reason)s") % {"date": when, "reason": reason}


@transaction.atomic
def extension_decide(*, extension: Extension, user, approve: bool,
                     now: datetime | None = None) -> None:
    """A manager approves or refuses a colleague's request (it was asked for in time)."""
    if not is_manager(user=user, provider=extension.case.provider):
        raise ValidationError(_("Only a manager can approve or refuse an extension."))
    if extension.status != ExtensionStatus.PENDING:
        raise ValidationError(_("This extension has already been decided."))
    _extension_settle(extension, user, approve=approve, now=now or timezone.now())


@transaction.atomic
def outcome_record(*, case: Case, user, outcome: str, actions_taken: str,
                   service_changed: bool, now: datetime | None = None) -> None:
    """Record how the case ended and what was done about it."""
    if outcome not in Outcome.values:
        raise ValidationError(_("Choose an outcome."))
    case.outcome, case.actions_taken = outcome, plain_text(actions_taken)
    case.service_changed = service_changed
    case.save(update_fields=["outcome", "actions_taken", "service_changed", "updated_at"])
    CaseEvent.record(case=case, actor=Actor.staff(user), action=EventAction.OUTCOME_RECORDED,
                     data={"outcome": outcome, "service_changed": service_changed}, at=now)


@transaction.atomic
def case_resolve(*, case: Case, user, now: datetime | None = None) -> None:
    """Mark the case resolved once the person has been answered and the outcome recorded."""
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
    """Record one try at phoning the person; speaking with them completes the callback."""
    now = now or timezone.now()
    if result not in CallbackResult.values:
        raise ValidationError(_("Choose what happened."))
    attempt = CallbackAttempt.objects.create(callback=callback, at=now, by=user, result=result,
                                             note=plain_text(note))
    if result == CallbackResult.REACHED and callback.status == CallbackStatus.REQUESTED:
        callback.status, callback.completed_at = CallbackStatus.DONE, now
        callback.save(update_fields=["status", "completed_at"])
        next_due_refresh(case=callback.case)
    CaseEvent.record(case=callback.case, actor=Actor.staff(user), at=now,
                     action=EventAction.CALLBACK_ATTEMPT,
                     data={"callback_id": callback.pk, "result": result})
    return attempt


def case_close(*, case: Case, actor: Actor, reason: str, at: datetime) -> None:
    """Close the case and erase every phone number the person gave for callbacks."""
    case.closed_at = at
    case.save(update_fields=["closed_at", "updated_at"])
    case_transition(case=case, to=State.CLOSED, actor=actor, reason=reason, at=at)
    next_due_refresh(case=case)
    erased = case.callbacks.exclude(phone="").update(phone="", phone_erased_at=at)
    if erased:
        CaseEvent.record(case=case, actor=Actor.system(), action=EventAction.CONTACT_ERASED,
                         at=at, data={"callbacks": erased})


__all__ = [
    "callback_attempt_record", "case_access_record", "case_acknowledge",
    "case_assign", "case_close", "case_resolve", "clock_resume", "clock_resume_by_staff",
    "extension_decide", "extension_request", "message_to_person", "note_add", "outcome_record",
    "question_ask",
]
