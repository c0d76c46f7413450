"""The provider inbox: the member's provider's cases, nearest deadline first, filtered and paged."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone, translation

from portal.models import PROVIDER_ROLES, Provider
from portal.selectors import provider_members

from ...forms.provider import InboxFilterForm
from ...models import Case
from ...policies import snapshot_calendar
from ...selectors.provider import InboxFilters, inbox_for
from .time_left import TimeLeft, time_left

PAGE_SIZES = (25, 50)


@dataclass(frozen=True)
class InboxRow:
    case: Case
    service_name: str
    time_left: TimeLeft | None
    # The answer's clock is stopped and nothing else is due sooner.
    paused: bool


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
    colleagues = list(provider_members(provider=provider).order_by("full_name", "email"))
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
        "page": page, "rows": [_row(case, now, language) for case in page],
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


def _row(case: Case, now, language: str) -> InboxRow:
    paused = bool(case.waiting_for_person and case.first_response_at is None
                  and case.next_due_at == case.respond_due_at)
    left = None
    if case.next_due_at and not paused:
        left = time_left(due_at=case.next_due_at, now=now,
                         calendar=snapshot_calendar(case.policy))
    return InboxRow(case, case.service.localised_name(language), left, paused)
