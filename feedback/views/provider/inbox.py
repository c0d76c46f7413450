"""The provider inbox: the member's provider's cases, nearest deadline first, filtered and paged."""

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation

from portal.models import PROVIDER_ROLES, Provider
from portal.selectors import provider_members

from ...dates import date_words, datetime_words
from ...forms.provider import InboxFilterForm
from ...models import Case
from ...policies import snapshot_calendar
from ...selectors.provider import InboxFilters, inbox_for
from .time_left import TimeLeft, time_left

PAGE_SIZES = (25, 50)


@dataclass(frozen=True)
class InboxRow:
    """One case as the inbox shows it. Every value is worked out here, once per row, so the
    template only places them: dates are already in the commissioner's time zone and format."""

    reference: str
    url: str
    time_left: TimeLeft | None
    due: str             # the next deadline, e.g. "5 March 2026, 5pm UK time"
    # The answer's clock is stopped and nothing else is due sooner.
    paused: bool
    service_name: str
    kind: str
    state: str
    urgent: bool
    callback_waiting: bool
    waiting_for_person: bool
    assignee: str        # "" when nobody has it yet
    received_iso: str
    received: str


@login_required
def inbox(request):
    providers = list(Provider.objects.filter(memberships__user=request.user,
                                             memberships__role__in=PROVIDER_ROLES)
                     .order_by("name", "id"))
    if not providers:
        raise Http404
    provider = _chosen(providers, request.GET.get("provider"))
    language = translation.get_language() or "en"
    services = list(provider.services.order_by("name"))
    for service in services:
        service.label = service.localised_name(language)
    # Names only: the lists show each colleague's display name.
    colleagues = list(provider_members(provider=provider).only("id", "full_name", "email")
                      .order_by("full_name", "email"))
    form = InboxFilterForm(request.GET, providers=providers, services=services,
                           colleagues=colleagues)
    filters = form.filters()
    now = timezone.now()
    per_page = _per_page(request.GET.get("per_page"))
    cases = inbox_for(user=request.user, provider_id=provider.pk, filters=filters, now=now)
    # Page over ids (an index-only walk, even far into the list), then load that page's rows in
    # the same query as a subquery: deep pages stay as fast as the first.
    page = Paginator(cases.values_list("pk", flat=True), per_page).get_page(request.GET.get("page"))
    page.object_list = list(cases.filter(pk__in=page.object_list))
    return render(request, "feedback/provider/inbox.html", {
        "inbox_page": True, "provider": provider, "several_providers": len(providers) > 1, "form": form,
        "page": page, "rows": _rows(page.object_list, now=now, language=language),
        "per_page": per_page, "page_sizes": PAGE_SIZES,
        "filtered": filters != InboxFilters(state="open"),
    })


def _chosen(providers: list[Provider], wanted: str | None) -> Provider:
    """The provider asked for, if the member belongs to it, else their first."""
    for provider in providers:
        if str(provider.pk) == wanted:
            return provider
    return providers[0]


def _per_page(value: str | None) -> int:
    return int(value) if value in {str(size) for size in PAGE_SIZES} else PAGE_SIZES[0]


def _rows(cases: list[Case], *, now, language: str) -> list[InboxRow]:
    """The page's rows; labels, links and local dates computed in Python rather than by template
    tags per row (the page's main cost at a large provider's size)."""
    kinds, states = dict(Case.kind.field.flatchoices), dict(Case.state.field.flatchoices)
    # Every case link has the same shape: reverse once (about 75 µs a call) and put each
    # reference in; references are letters, digits and hyphens (receipts.new_reference).
    placeholder = "REFERENCE"
    link = reverse("provider:case", args=[placeholder])
    rows = []
    for case in cases:
        calendar = snapshot_calendar(case.policy)
        paused = bool(case.waiting_for_person and case.first_response_at is None
                      and case.next_due_at == case.respond_due_at)
        # Dates as the commissioner's calendar counts them (what {% timezone %} did per row).
        zone = ZoneInfo(case.timezone_name)
        left, due = None, ""
        if case.next_due_at and not paused:
            left = time_left(due_at=case.next_due_at, now=now, calendar=calendar)
            due = datetime_words(case.next_due_at, language=language, calendar=calendar)
        received = case.received_at.astimezone(zone)
        rows.append(InboxRow(
            reference=case.reference, url=link.replace(placeholder, case.reference),
            time_left=left, due=due, paused=paused,
            service_name=case.service.localised_name(language),
            kind=str(kinds.get(case.kind, case.kind)), state=str(states.get(case.state, case.state)),
            urgent=case.urgent, callback_waiting=case.callback_waiting,
            waiting_for_person=case.waiting_for_person,
            assignee=case.assignee.display_name if case.assignee else "",
            received_iso=received.isoformat(),
            received=date_words(received, language=language, calendar=calendar)))
    return rows
