"""Reads for the service user's pages, scoped to what the viewer may see."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from portal.models import Service

from ..models import Case, CaseEvent, EventAction, Message, Visibility
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
    """The cases a signed-in person gave with their account, newest first."""
    if not user.is_authenticated:
        return Case.objects.none()
    return Case.objects.filter(submitter=user).select_related("service", "provider")


def messages_for_person(*, case: Case) -> QuerySet[Message]:
    """The thread as the person sees it: never internal notes."""
    return case.messages.filter(visibility=Visibility.TO_PERSON).order_by("created_at", "id")


# Plain words for the person, by the state a case moved into.
PUBLIC_STEP = {
    State.IN_MODERATION: _("Being checked by the commissioner's team before anything else happens"),
    State.WITH_PROVIDER: _("Sent to the provider"),
    State.ACKNOWLEDGED: _("Read by the provider"),
    State.RESPONDED: _("Answered"),
    State.RESOLVED: _("Resolved"),
    State.CLOSED: _("Closed"),
    State.ESCALATED: _("Passed to the commissioner"),
    State.REOPENED: _("Opened again"),
}

PUBLIC_STATUS = {
    State.SUBMITTED: _("Received"),
    State.IN_MODERATION: _("Being checked"),
    State.WITH_PROVIDER: _("Received"),
    State.ACKNOWLEDGED: _("Read by the provider"),
    State.RESPONDED: _("Answered"),
    State.RESOLVED: _("Resolved"),
    State.CLOSED: _("Closed"),
    State.ESCALATED: _("With the commissioner"),
    State.REOPENED: _("Opened again"),
}


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


def public_timeline(*, case: Case) -> list[TimelineStep]:
    """The case's history in plain words, from its event log; nothing internal."""
    steps = []
    events = case.events.filter(
        action__in=[EventAction.STATE_CHANGED, EventAction.EXTENSION_DECIDED, *PUBLIC_EVENT]
    ).order_by("at", "id")
    for event in events:
        if event.action == EventAction.STATE_CHANGED:
            if event.to_state in PUBLIC_STEP:
                steps.append(TimelineStep(event.at, PUBLIC_STEP[event.to_state]))
        elif event.action == EventAction.EXTENSION_DECIDED:
            if event.data.get("approved"):
                steps.append(TimelineStep(event.at, _("The provider asked for more time and "
                                                      "gave you a new date")))
        elif event.action == EventAction.MARKED_OVERDUE:
            if event.data.get("deadline") == "respond":
                steps.append(TimelineStep(event.at, PUBLIC_EVENT[event.action]))
        else:
            steps.append(TimelineStep(event.at, PUBLIC_EVENT[event.action]))
    return steps


def public_status(*, case: Case, waiting_for_person: bool):
    """The one-line status the person sees, in plain words."""
    if waiting_for_person and case.state not in (State.RESOLVED, State.CLOSED):
        return _("Waiting for your reply")
    return PUBLIC_STATUS[case.state]


def case_events(*, case: Case) -> QuerySet[CaseEvent]:
    return case.events.order_by("at", "id")
