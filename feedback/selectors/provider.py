"""Reads for provider staff: the inbox and a case's page, scoped to their provider."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Exists, F, OuterRef, Q, QuerySet

from ..models import CallbackRequest, CallbackStatus, Case, ClockPause
from ..vocabulary import OPEN_STATES


@dataclass(frozen=True)
class InboxFilters:
    state: str = ""          # a State value, "open" (default) or "all"
    kind: str = ""
    service: int | None = None
    assignee: str = ""       # "", "me", "none" or a user id
    overdue: bool = False
    urgent: bool = False
    callback: bool = False   # only cases with a callback waiting


def inbox_for(*, user, provider_id: int, filters: InboxFilters, now: datetime) -> QuerySet[Case]:
    """The provider's cases, nearest unmet deadline first, filtered; a constant number of
    queries whatever the page size (the callback and pause flags are subqueries, not a query
    per row)."""
    cases = (Case.objects.filter(provider_id=provider_id).exclude(state="in_moderation")
             .select_related("service", "assignee")
             .annotate(callback_waiting=Exists(CallbackRequest.objects.filter(
                 case=OuterRef("pk"), status=CallbackStatus.REQUESTED)),
                 waiting_for_person=Exists(ClockPause.objects.filter(
                     case=OuterRef("pk"), ended_at__isnull=True))))
    if filters.state in ("", "open"):
        cases = cases.filter(state__in=OPEN_STATES)
    elif filters.state != "all":
        cases = cases.filter(state=filters.state)
    if filters.kind:
        cases = cases.filter(kind=filters.kind)
    if filters.service:
        cases = cases.filter(service_id=filters.service)
    if filters.assignee == "me":
        cases = cases.filter(assignee=user)
    elif filters.assignee == "none":
        cases = cases.filter(assignee__isnull=True)
    elif filters.assignee.isdigit():
        cases = cases.filter(assignee_id=int(filters.assignee))
    if filters.overdue:
        # While the person is asked a question the answer's clock is stopped: not overdue.
        cases = cases.filter(next_due_at__lt=now).exclude(
            waiting_for_person=True, next_due_at=F("respond_due_at"))
    if filters.urgent:
        cases = cases.filter(urgent=True)
    if filters.callback:
        cases = cases.filter(callback_waiting=True)
    # Nearest deadline first; cases that owe nothing (resolved, closed) last. The order matches
    # the (provider, next_due_at, id) index, so a page never sorts the whole provider's cases.
    return cases.order_by(F("next_due_at").asc(nulls_last=True), "id")


def previous_cases(*, case: Case) -> QuerySet[Case]:
    """Earlier cases of the same person at this provider — only when they shared who they are."""
    if not case.identity_shared:
        return Case.objects.none()
    same_person = Q(submitter_id=case.submitter_id) if case.submitter_id else Q(
        contact_email__iexact=case.contact_email)
    return (Case.objects.filter(same_person, provider_id=case.provider_id, share_name=True)
            .exclude(pk=case.pk).exclude(state="in_moderation")
            .select_related("service").order_by("-received_at"))
