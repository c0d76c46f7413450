"""Reads for the service user's pages, scoped to what the viewer may see."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from portal.models import Service

from ..models import (
    CallbackResult,
    Case,
    CaseEvent,
    ClockPause,
    EventAction,
    Message,
    Outcome,
    Visibility,
)
from ..vocabulary import State


def services_search(*, query: str = "") -> QuerySet[Service]:
    """Active services whose name, provider, area or description matches every word of `query`."""
    services = Service.objects.filter(is_active=True).select_related("provider")
    for word in query.split()[:8]:
        services = services.filter(
            Q(name__icontains=word) | Q(name_fr__icontains=word)
            | Q(provider__name__icontains=word) | Q(area__icontains=word)
            | Q(description__icontains=word) | Q(description_fr__icontains=word)
        )
    return services.order_by("provider__name", "name")


def cases_of_user(*, user) -> QuerySet[Case]:
    """The cases a signed-in person gave with their account, newest first, each knowing whether
    the provider is waiting for the person's reply (for its status)."""
    if not user.is_authenticated:
        return Case.objects.none()
    return (Case.objects.filter(submitter=user).select_related("service", "provider")
            .annotate(waiting_for_person=Exists(ClockPause.objects.filter(
                case=OuterRef("pk"), ended_at__isnull=True))))


def messages_for_person(*, case: Case) -> QuerySet[Message]:
    """The thread as the person sees it: never internal notes."""
    return case.messages.filter(visibility=Visibility.TO_PERSON).order_by("created_at", "id")


# The person's one vocabulary (PRODUCT.md §4): the status of their case, the same on every page
# and in every email; the timeline says the same words as the case moves.
PERSON_STATUS = {
    State.SUBMITTED: _("Received"),
    State.IN_MODERATION: _("With the commissioner's team"),
    State.WITH_PROVIDER: _("Received"),
    State.ACKNOWLEDGED: _("Read by the provider"),
    State.RESPONDED: _("Answered"),
    State.RESOLVED: _("Resolved"),
    State.CLOSED: _("Closed"),
    State.ESCALATED: _("With the commissioner"),
    State.REOPENED: _("Opened again"),
}
WAITING_FOR_YOU = _("Waiting for your reply")
# Moving into these states is a step the timeline shows, in the status's words.
PUBLIC_STEP = {state: PERSON_STATUS[state] for state in
               (State.IN_MODERATION, State.ACKNOWLEDGED, State.RESPONDED, State.RESOLVED,
                State.CLOSED, State.ESCALATED, State.REOPENED)}
PUBLIC_STEP[State.WITH_PROVIDER] = _("Sent to the provider")


@dataclass(frozen=True)
class TimelineStep:
    at: datetime
    label: str


# Plain words for the person, by event (besides state changes); anything else is internal.
PUBLIC_EVENT = {
    EventAction.SUBMITTED: _("Received"),
    EventAction.CALLBACK_REQUESTED: _("You asked for a phone call"),
    EventAction.CLOCK_PAUSED: _("The provider asked you a question and is waiting for your reply"),
    EventAction.MESSAGE_FROM_PERSON: _("You replied"),
    EventAction.MARKED_OVERDUE: _("The answer is late: the provider has been told"),
}


# Each try at phoning the person back, as they would say it.
CALL_RESULT = {
    CallbackResult.REACHED: _("The provider phoned you and spoke with you"),
    CallbackResult.NO_ANSWER: _("The provider tried to phone you: there was no answer"),
    CallbackResult.LEFT_MESSAGE: _("The provider tried to phone you and left a message"),
    CallbackResult.WRONG_NUMBER: _("The provider tried to phone you: the number did not work"),
}

# How it ended, in the person's words (staff see the outcome's own name).
OUTCOME_FOR_PERSON = {
    Outcome.UPHELD: _("The provider agreed with what you told them."),
    Outcome.PARTLY_UPHELD: _("The provider agreed with part of what you told them."),
    Outcome.NOT_UPHELD: _("The provider did not agree with what you told them."),
    Outcome.NOT_APPLICABLE: _("The provider has recorded your feedback; there was nothing to "
                              "agree or disagree with."),
}


def public_timeline(*, case: Case) -> list[TimelineStep]:
    """The case's history in plain words, from its event log; nothing internal."""
    steps = []
    events = case.events.filter(
        action__in=[EventAction.STATE_CHANGED, EventAction.EXTENSION_DECIDED,
                    EventAction.CALLBACK_ATTEMPT, *PUBLIC_EVENT]
    ).order_by("at", "id")
    for event in events:
        if event.action == EventAction.STATE_CHANGED:
            if event.to_state in PUBLIC_STEP:
                steps.append(TimelineStep(event.at, PUBLIC_STEP[event.to_state]))
        elif event.action == EventAction.EXTENSION_DECIDED:
            if event.data.get("approved"):
                steps.append(TimelineStep(event.at, _("The provider asked for more time and "
                                                      "gave you a new date")))
        elif event.action == EventAction.CALLBACK_ATTEMPT:
            if event.data.get("result") in CALL_RESULT:
                steps.append(TimelineStep(event.at, CALL_RESULT[event.data["result"]]))
        elif event.action == EventAction.MARKED_OVERDUE:
            if event.data.get("deadline") == "respond":
                steps.append(TimelineStep(event.at, PUBLIC_EVENT[event.action]))
        else:
            steps.append(TimelineStep(event.at, PUBLIC_EVENT[event.action]))
    return steps


def public_status(*, case: Case, waiting_for_person: bool):
    """The one-line status the person sees, in plain words."""
    if waiting_for_person and case.state not in (State.RESOLVED, State.CLOSED):
        return WAITING_FOR_YOU
    return PERSON_STATUS[case.state]


def case_events(*, case: Case) -> QuerySet[CaseEvent]:
    return case.events.order_by("at", "id")
