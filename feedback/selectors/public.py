"""Reads for the service user's pages, scoped to what the viewer may see."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from portal.models import Service

from ..models import Case, CaseEvent, EventAction, Message, Visibility
from ..workflow import State


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


def public_timeline(*, case: Case) -> list[TimelineStep]:
    """The case's history in plain words, from its event log; nothing internal."""
    steps = []
    for event in case.events.filter(
        action__in=[EventAction.SUBMITTED, EventAction.STATE_CHANGED,
                    EventAction.CALLBACK_REQUESTED]
    ).order_by("at", "id"):
        if event.action == EventAction.SUBMITTED:
            steps.append(TimelineStep(event.at, _("Received")))
        elif event.action == EventAction.CALLBACK_REQUESTED:
            steps.append(TimelineStep(event.at, _("You asked for a phone call")))
        elif event.to_state in PUBLIC_STEP:
            steps.append(TimelineStep(event.at, PUBLIC_STEP[event.to_state]))
    return steps


def case_events(*, case: Case) -> QuerySet[CaseEvent]:
    return case.events.order_by("at", "id")
