"""What the person who gave feedback does after sending it: reply, ask for a call, escalate.
The view has proved who they are (their account or their receipt code)."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from moderation.screening.text import text_as_typed
from portal.models import Role
from portal.selectors import commissioner_members, provider_members

from ..models import CallbackRequest, Case, CaseEvent, EventAction, Message
from ..notifications import staff_notify
from ..vocabulary import Action, Actor, State
from ..workflow import case_begin, case_transition
from .clock import callback_due, next_due_refresh
from .provider import clock_resume


def _provider_people(case: Case):
    """Who at the provider hears about the person's news: the assignee, or everyone."""
    if case.assignee_id:
        return [case.assignee]
    return provider_members(provider=case.provider)


def _commissioners(case: Case):
    return commissioner_members(commissioner=case.commissioner_id, roles=[Role.COMMISSIONER])


@transaction.atomic
def message_from_person(*, case: Case, body: str, now: datetime | None = None) -> Message:
    """Add the person's reply to the thread, as plain text; it ends any wait for their answer."""
    case_begin(case, Action.PERSON_REPLY, Actor.person(case))
    now = now or timezone.now()
    message = Message.objects.create(case=case, author_kind=Actor.person(case).kind,
                                     author=case.submitter, body=text_as_typed(body),
                                     created_at=now)
    CaseEvent.record(case=case, actor=Actor.person(case), action=EventAction.MESSAGE_FROM_PERSON,
                     data={"message_id": message.pk}, at=now)
    clock_resume(case=case, actor=Actor.person(case), reason="person_answered", at=now)
    if case.state == State.ESCALATED:
        staff_notify(case=case, users=_commissioners(case), event="person_replied",
                     to_provider=False)
    elif case.state != State.IN_MODERATION:
        staff_notify(case=case, users=_provider_people(case), event="person_replied")
    return message


@transaction.atomic
def callback_request(*, case: Case, phone: str, good_times: str,
                     now: datetime | None = None) -> CallbackRequest:
    """Ask the provider to phone the person back, due within the policy's callback time."""
    case_begin(case, Action.CALLBACK_REQUEST, Actor.person(case))
    now = now or timezone.now()
    due = callback_due(case, requested_at=now).at
    callback = CallbackRequest.objects.create(case=case, phone=text_as_typed(phone),
                                              good_times=text_as_typed(good_times),
                                              requested_at=now, due_at=due)
    # The number itself stays on the callback row only, so erasing it later erases it everywhere.
    CaseEvent.record(case=case, actor=Actor.person(case), action=EventAction.CALLBACK_REQUESTED,
                     data={"callback_id": callback.pk}, at=now)
    next_due_refresh(case=case)
    if case.state != State.IN_MODERATION:
        staff_notify(case=case, users=_provider_people(case), event="callback", due_at=due)
    return callback


@transaction.atomic
def case_escalate_by_person(*, case: Case, reason: str, now: datetime | None = None) -> None:
    """"I am not satisfied": the resolved case goes to the commissioner."""
    reason = text_as_typed(reason)
    case_begin(case, Action.ESCALATE, Actor.person(case))
    now = now or timezone.now()
    case.escalated_at = now
    case.save(update_fields=["escalated_at", "updated_at"])
    case_transition(case=case, to=State.ESCALATED, actor=Actor.person(case),
                    reason=reason, at=now)
    next_due_refresh(case=case)
    staff_notify(case=case, users=_commissioners(case), event="escalated", by_person=True,
                 to_provider=False)
