"""What provider staff notice on their pages: the inbox, the case page and what each action does,
for them and for the person who gave the feedback."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from feedback import receipts, services
from feedback.models import (
    CallbackStatus,
    CaseAccess,
    Extension,
    ExtensionStatus,
    OutboxEmail,
    ResponsePolicy,
)
from feedback.policies import preset_rules
from feedback.services import Submission, case_submit
from feedback.vocabulary import State
from portal.models import Role
from tests.factories import MembershipFactory, ServiceFactory, UserFactory, provider_member

pytestmark = pytest.mark.django_db

UTC = dt.timezone.utc
# Monday 2 March 2026, 10:00 in London (GMT). Default policy: acknowledge by Thursday 5 March
# 17:00; respond (20 working days) by Monday 30 March 17:00 (BST from 29 March).
MONDAY = dt.datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
ACK_DUE = dt.datetime(2026, 3, 5, 17, 0, tzinfo=UTC)
RESPOND_DUE = dt.datetime(2026, 3, 30, 16, 0, tzinfo=UTC)


@pytest.fixture
def clock(monkeypatch):
    """Set what "now" is for the views and services: clock.set(moment)."""
    class Clock:
        def set(self, moment):
            monkeypatch.setattr(timezone, "now", lambda: moment)

    clock = Clock()
    clock.set(MONDAY + dt.timedelta(hours=1))
    return clock


@pytest.fixture
def staff(service):
    return provider_member(provider=service.provider, full_name="Priya Staff")


@pytest.fixture
def manager(service):
    return provider_member(provider=service.provider, role=Role.MANAGER, full_name="Morgan Lead")


def submit(service, token, *, mode="anonymous_receipt", kind="complaint", received_at=MONDAY,
           text="The home visit did not happen.", **extra):
    return case_submit(submission=Submission(service=service, kind=kind, what_happened=text,
                                             identity_mode=mode, language=extra.pop("language", "en"),
                                             **extra),
                       token=token, received_at=received_at).case


def named(service, token, *, name="Ann Example", email="ann@example.org", share=True, **extra):
    return submit(service, token, mode="named_contact", contact_name=name, contact_email=email,
                  share_name=share, **extra)


def signed_in(client, user):
    client.force_login(user)
    return client


def inbox(client, **params):
    response = client.get(reverse("provider:inbox"), params)
    assert response.status_code == 200
    return response.content.decode()


def references_in(page: str) -> list[str]:
    return re.findall(r'class="case-link" href="/provider/cases/([^/]+)/"', page)


def case_page(client, case):
    response = client.get(reverse("provider:case", args=[case.reference]))
    assert response.status_code == 200
    return response.content.decode()


def act(client, case, name, data, **kwargs):
    return client.post(reverse(f"provider:{name}", args=[case.reference, *kwargs.values()]), data)


def person_page(client_factory, case, token):
    """The person's follow-up page, opened with their receipt code in a fresh browser."""
    person = client_factory()
    person.post(reverse("feedback:track"), {"code": receipts.code_for_token(token)})
    response = person.get(reverse("feedback:track_case", args=[case.reference]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def person_client():
    from django.test import Client

    return Client


# ---- the inbox ----

def test_inbox_lists_nearest_deadline_first(client, clock, service, staff):
    tuesday = MONDAY + dt.timedelta(days=1)
    later = submit(service, "later", received_at=tuesday)                 # acknowledge by Fri 6
    earliest = submit(service, "earliest", received_at=MONDAY - dt.timedelta(days=4))  # Tue 3
    middle = submit(service, "middle")                                    # Thu 5
    # Received after the Monday case, but urgent: acknowledge within 1 working day (Wed 4).
    urgent = submit(service, "urgent", received_at=tuesday, urgent_reported=True)
    clock.set(tuesday + dt.timedelta(hours=2))
    page = inbox(signed_in(client, staff))
    assert references_in(page) == [earliest.reference, urgent.reference, middle.reference,
                                   later.reference]


def test_inbox_shows_only_the_members_provider(client, clock, service, staff):
    mine = submit(service, "mine")
    theirs = submit(ServiceFactory(), "theirs")
    page = inbox(signed_in(client, staff))
    assert mine.reference in page and theirs.reference not in page


def test_inbox_switches_between_the_members_own_providers_only(client, clock, service, staff):
    second = ServiceFactory()
    MembershipFactory(user=staff, provider=second.provider, role=Role.STAFF)
    stranger = ServiceFactory()
    first_case, second_case = submit(service, "first"), submit(second, "second")
    stranger_case = submit(stranger, "stranger")
    client = signed_in(client, staff)
    page = inbox(client, provider=second.provider.pk)
    assert second_case.reference in page and first_case.reference not in page
    assert 'name="provider"' in page
    # Someone else's provider id falls back to the member's own first provider.
    page = inbox(client, provider=stranger.provider.pk)
    assert stranger_case.reference not in page


@pytest.fixture
def varied(service, staff, manager):
    """Cases that differ in one thing each, for the filters."""
    other_service = ServiceFactory(provider=service.provider, commissioner=service.commissioner)
    cases = {
        "plain": submit(service, "plain"),
        "compliment": submit(service, "compliment", kind="compliment"),
        "other_service": submit(other_service, "other-service"),
        "urgent": submit(service, "urgent", urgent_reported=True),
        "mine": submit(service, "mine"),
        "colleague": submit(service, "colleague"),
        "callback": submit(service, "callback"),
        "old": submit(service, "old", received_at=MONDAY - dt.timedelta(days=10)),
        "resolved": submit(service, "resolved", received_at=MONDAY - dt.timedelta(days=1)),
    }
    now = MONDAY + dt.timedelta(hours=1)
    services.case_assign(case=cases["mine"], user=staff, assignee=staff)
    services.case_assign(case=cases["colleague"], user=manager, assignee=manager)
    services.callback_request(case=cases["callback"], phone="07700 900123", good_times="",
                              now=now)
    resolved = cases["resolved"]
    services.message_to_person(case=resolved, user=staff, body="Answer", now=now)
    services.outcome_record(case=resolved, user=staff, outcome="upheld", actions_taken="",
                            service_changed=False)
    services.case_resolve(case=resolved, user=staff, now=now)
    return {"cases": cases, "other_service": other_service}


@pytest.mark.parametrize("params, expected", [
    ({}, {"plain", "compliment", "other_service", "urgent", "mine", "colleague", "callback",
          "old"}),
    ({"state": "all"}, {"plain", "compliment", "other_service", "urgent", "mine", "colleague",
                        "callback", "old", "resolved"}),
    ({"state": "resolved"}, {"resolved"}),
    ({"kind": "compliment"}, {"compliment"}),
    ({"service": "other"}, {"other_service"}),
    ({"assignee": "me"}, {"mine"}),
    ({"assignee": "colleague"}, {"colleague"}),
    ({"assignee": "none"}, {"plain", "compliment", "other_service", "urgent", "callback", "old"}),
    ({"overdue": "on"}, {"old"}),
    ({"urgent": "on"}, {"urgent"}),
    ({"callback": "on"}, {"callback"}),
])
def test_inbox_filters(client, clock, varied, manager, staff, params, expected):
    if params.get("service") == "other":
        params = {"service": varied["other_service"].pk}
    if params.get("assignee") == "colleague":
        params = {"assignee": manager.pk}
    page = inbox(signed_in(client, staff), **params)
    shown = {name for name, case in varied["cases"].items() if case.reference in page}
    assert shown == expected


def test_inbox_pages_keep_the_filters(client, clock, service, staff):
    for number in range(30):
        submit(service, f"case-{number}", kind="concern")
    submit(service, "compliment", kind="compliment")
    client = signed_in(client, staff)
    first = inbox(client, kind="concern")
    assert len(references_in(first)) == 25 and "Page 1 of 2" in first
    assert 'href="?kind=concern&amp;page=2"' in first
    second = inbox(client, kind="concern", page=2)
    assert len(references_in(second)) == 5
    assert not set(references_in(first)) & set(references_in(second))
    assert 'href="?kind=concern&amp;page=1"' in second
    assert len(references_in(inbox(client, kind="concern", per_page=50))) == 30


def test_inbox_empty_state_is_honest(client, clock, service, staff):
    client = signed_in(client, staff)
    assert "There are no open cases." in inbox(client)
    submit(service, "one")
    page = inbox(client, kind="suggestion")
    assert "No cases match these filters." in page and "Show all open cases" in page


def test_inbox_shows_time_left_in_working_days_then_hours(client, clock, service, staff):
    submit(service, "case")
    client = signed_in(client, staff)
    # Monday 12:00 → Thursday 17:00: 5 + 8 + 8 + 8 working hours = 3.6 working days.
    clock.set(MONDAY + dt.timedelta(hours=2))
    assert "3 working days left" in inbox(client)
    # Thursday 14:00: three working hours before the close.
    clock.set(dt.datetime(2026, 3, 5, 14, 0, tzinfo=UTC))
    assert "3 working hours left" in inbox(client)


def test_inbox_marks_overdue_in_words(client, clock, service, staff):
    submit(service, "late")
    # The following Tuesday 17:00: Friday, Monday and Tuesday have passed since Thursday's close.
    clock.set(dt.datetime(2026, 3, 10, 17, 0, tzinfo=UTC))
    page = inbox(signed_in(client, staff))
    assert "Overdue by 3 working days" in page
    assert 'class="row-overdue"' in page


def test_inbox_shows_a_paused_case_as_waiting_for_the_person(client, clock, service, staff):
    case = submit(service, "paused")
    services.case_acknowledge(case=case, user=staff, body="Read it", now=MONDAY)
    services.question_ask(case=case, user=staff, body="Which day?", now=MONDAY)
    page = inbox(signed_in(client, staff))
    assert "Paused: waiting for the person" in page


def test_an_extended_case_is_not_overdue_after_its_original_deadline(client, clock, service,
                                                                     manager):
    case = submit(service, "extended")
    services.case_acknowledge(case=case, user=manager, body="Read it", now=MONDAY)
    clock.set(dt.datetime(2026, 3, 27, 12, 0, tzinfo=UTC))
    client = signed_in(client, manager)
    assert act(client, case, "extend", {"extend-amount": "5",
                                           "extend-reason": "We are waiting for records."}
               ).status_code == 302
    # The day after the original deadline of 30 March.
    clock.set(dt.datetime(2026, 3, 31, 12, 0, tzinfo=UTC))
    assert case.reference not in inbox(client, overdue="on")
    page = inbox(client)
    assert case.reference in page and "Overdue by" not in page
    assert "working days left" in page


@pytest.mark.parametrize("count", [5, 60])
@pytest.mark.parametrize("per_page", [25, 50])
def test_inbox_query_count_is_constant(client, clock, service, staff, manager,
                                       django_assert_max_num_queries, count, per_page):
    for number in range(count):
        case = submit(service, f"q{number}", urgent_reported=number % 7 == 0)
        if number % 3 == 0:
            services.case_assign(case=case, user=manager, assignee=manager)
        if number % 4 == 0:
            services.callback_request(case=case, phone="07700 900123", good_times="",
                                      now=MONDAY)
        if number % 5 == 0:
            services.question_ask(case=case, user=staff, body="Which day?", now=MONDAY)
    client = signed_in(client, staff)
    # Session, user, the navigation's role check, providers, services, colleagues, count and
    # the page: 8, whatever the size.
    with django_assert_max_num_queries(8):
        page = inbox(client, per_page=per_page)
    assert len(references_in(page)) == min(count, per_page)


# ---- the case page ----

def test_acknowledge_sends_the_edited_text_to_the_person(client, clock, service, staff,
                                                          person_client):
    case = submit(service, "ack")
    client = signed_in(client, staff)
    page = case_page(client, case)
    # The standard text is there to edit, with the date the person will be answered by.
    assert "We will answer you by 30 March 2026" in page
    response = act(client, case, "acknowledge",
                   {"acknowledge-body": "Thank you. Sam from the north team will look at it."})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.acknowledged_at is not None and case.state == State.ACKNOWLEDGED
    assert "Sam from the north team will look at it." in person_page(person_client, case, "ack")
    assert "Acknowledgement sent to the person." in case_page(client, case)


def test_acknowledging_a_named_case_emails_the_person_in_their_language(client, clock, service,
                                                                       staff):
    case = named(service, "ack-fr", language="fr-ca")
    OutboxEmail.objects.all().delete()
    act(signed_in(client, staff), case, "acknowledge", {"acknowledge-body": "Merci."})
    email = OutboxEmail.objects.get(case=case)
    assert email.to == "ann@example.org" and email.language == "fr-ca"


def test_agreed_response_date_is_offered_only_when_the_policy_allows(client, clock, service,
                                                                    staff):
    client = signed_in(client, staff)
    default_case = submit(service, "default")
    assert "agreed_date" not in case_page(client, default_case)
    ResponsePolicy.objects.create(commissioner=service.commissioner, name="England 2009",
                                  preset="england_2009", rules=preset_rules("england_2009"))
    england = submit(service, "england")
    assert 'name="acknowledge-agreed_date"' in case_page(client, england)
    response = act(client, england, "acknowledge", {"acknowledge-body": "We agreed 15 May.",
                                                    "acknowledge-agreed_date": "2026-05-15"})
    assert response.status_code == 302
    england.refresh_from_db()
    assert timezone.localtime(england.respond_due_at, ZoneInfo("Europe/London")).date() == \
        dt.date(2026, 5, 15)


def test_a_refused_action_shows_the_reason_and_keeps_what_was_typed(client, clock, service,
                                                                   staff):
    ResponsePolicy.objects.create(commissioner=service.commissioner, name="England 2009",
                                  preset="england_2009", rules=preset_rules("england_2009"))
    case = submit(service, "typed")
    response = act(signed_in(client, staff), case, "acknowledge",
                   {"acknowledge-body": "My careful words.", "acknowledge-agreed_date": "2027-12-01"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page and "can be at most" in page
    assert "My careful words." in page and 'value="2027-12-01"' in page
    case.refresh_from_db()
    assert case.acknowledged_at is None


def test_reply_is_the_first_response(client, clock, service, staff, person_client):
    case = submit(service, "reply")
    response = act(signed_in(client, staff), case, "reply",
                   {"reply-body": "We have spoken to the team. Visits restart Monday."})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.first_response_at == MONDAY + dt.timedelta(hours=1)
    assert case.state == State.RESPONDED
    assert "Visits restart Monday." in person_page(person_client, case, "reply")


def test_a_question_pauses_the_clock_until_resumed(client, clock, service, staff, person_client):
    case = submit(service, "question")
    client = signed_in(client, staff)
    assert act(client, case, "question", {"question-body": "Which day was missed?"}
               ).status_code == 302
    seen = person_page(person_client, case, "question")
    assert "Waiting for your reply" in seen and "Which day was missed?" in seen
    assert "Paused: waiting for the person" in case_page(client, case)
    # Two working days later staff stop waiting: the answer is due two working days later.
    clock.set(dt.datetime(2026, 3, 4, 11, 0, tzinfo=UTC))
    assert act(client, case, "resume", {}).status_code == 302
    case.refresh_from_db()
    assert case.respond_due_at > RESPOND_DUE
    assert not case.pauses.filter(ended_at__isnull=True).exists()
    assert "Waiting for your reply" not in person_page(person_client, case, "question")


def test_internal_notes_never_reach_the_person(client, clock, service, staff, person_client):
    case = named(service, "note")
    OutboxEmail.objects.all().delete()
    client = signed_in(client, staff)
    assert act(client, case, "note", {"note-body": "Check the rota for 24 Feb."}).status_code == 302
    page = case_page(client, case)
    assert "Check the rota for 24 Feb." in page and "Internal note: the person does not see this" in page
    assert "Check the rota" not in person_page(person_client, case, "note")
    assert not OutboxEmail.objects.filter(case=case).exists()


def test_extension_before_the_deadline_moves_the_date_and_tells_the_person(
        client, clock, service, manager, person_client):
    case = submit(service, "extend")
    client = signed_in(client, manager)
    response = act(client, case, "extend", {"extend-amount": "5",
                                               "extend-reason": "We are waiting for records."})
    assert response.status_code == 302
    case.refresh_from_db()
    # Monday 30 March and then 5 more working days, skipping Good Friday and Easter Monday.
    assert case.respond_due_at == dt.datetime(2026, 4, 8, 16, 0, tzinfo=UTC)
    seen = person_page(person_client, case, "extend")
    assert "We are waiting for records." in seen and "8 April 2026" in seen
    assert "Extended" in case_page(client, case)


def test_staff_extension_waits_for_a_manager(client, clock, service, staff, manager):
    case = submit(service, "ask-manager")
    response = act(signed_in(client, staff), case, "extend",
                   {"extend-amount": "3", "extend-reason": "Waiting for the GP."})
    assert response.status_code == 302
    extension = Extension.objects.get(case=case)
    assert extension.status == ExtensionStatus.PENDING
    case.refresh_from_db()
    assert case.respond_due_at == RESPOND_DUE
    manager_client = signed_in(type(client)(), manager)
    assert "Approve: the person is told the new date" in case_page(manager_client, case)
    response = act(manager_client, case, "decide_extension", {"decision": "approve"},
                   extension_id=extension.pk)
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.respond_due_at > RESPOND_DUE


@pytest.mark.parametrize("now, amount, on_page, refusal", [
    # Late: asked an hour after the deadline to answer.
    (RESPOND_DUE + dt.timedelta(hours=1), "5", "The deadline to answer has passed",
     "The deadline has passed. An extension must be asked for before"),
    # Too much: the default policy allows 20 working days in all.
    (MONDAY + dt.timedelta(hours=1), "25", "up to 20 more working days",
     "This policy allows at most 20 more."),
], ids=["after-the-deadline", "over-the-cap"])
def test_extension_is_refused_late_or_over_the_cap(client, clock, service, manager, now, amount,
                                                   on_page, refusal):
    case = submit(service, "refused")
    clock.set(now)
    client = signed_in(client, manager)
    assert on_page in case_page(client, case)
    response = act(client, case, "extend", {"extend-amount": amount,
                                               "extend-reason": "We need more time."})
    assert response.status_code == 400
    # In the error summary, linked to the part of the page it is about.
    assert f'<a href="#extensions-title">{refusal}' in response.content.decode()
    assert not Extension.objects.filter(case=case).exists()
    case.refresh_from_db()
    assert case.respond_due_at == RESPOND_DUE


def test_outcome_then_resolve(client, clock, service, staff, person_client):
    case = submit(service, "resolve")
    client = signed_in(client, staff)
    act(client, case, "reply", {"reply-body": "Here is our answer."})
    response = act(client, case, "resolve", {})
    assert response.status_code == 400
    assert "Record the outcome before resolving the case." in response.content.decode()
    response = act(client, case, "outcome", {"outcome-outcome": "partly_upheld",
                                             "outcome-actions_taken": "New rota checks.",
                                             "outcome-service_changed": "on"})
    assert response.status_code == 302
    assert act(client, case, "resolve", {}).status_code == 302
    case.refresh_from_db()
    assert case.state == State.RESOLVED and case.outcome == "partly_upheld"
    assert case.service_changed and case.actions_taken == "New rota checks."
    assert "Resolved" in person_page(person_client, case, "resolve")


def test_callback_attempts_are_recorded_and_reaching_the_person_completes_it(client, clock,
                                                                            service, staff):
    case = submit(service, "call")
    callback = services.callback_request(case=case, phone="07700 900456", good_times="mornings",
                                         now=MONDAY)
    client = signed_in(client, staff)
    page = case_page(client, case)
    # Only the member handling the case sees the number (PRODUCT.md §4): take it first.
    assert "07700 900456" not in page and "mornings" in page
    assert "Take the case to call the person back." in page
    refused = act(client, case, "callback_attempt",
                  {f"callback-{callback.pk}-result": "no_answer"}, callback_id=callback.pk)
    assert refused.status_code == 403 and callback.attempts.count() == 0
    assert act(client, case, "take", {}).status_code == 302
    assert "07700 900456" in case_page(client, case)
    assert act(client, case, "callback_attempt", {f"callback-{callback.pk}-result": "no_answer"},
               callback_id=callback.pk).status_code == 302
    callback.refresh_from_db()
    assert callback.status == CallbackStatus.REQUESTED and callback.attempts.count() == 1
    assert "Callback waiting" in inbox(client)
    assert act(client, case, "callback_attempt",
               {f"callback-{callback.pk}-result": "reached",
                f"callback-{callback.pk}-note": "Agreed a visit on Friday."},
               callback_id=callback.pk).status_code == 302
    callback.refresh_from_db()
    assert callback.status == CallbackStatus.DONE
    page = case_page(client, case)
    assert "Agreed a visit on Friday." in page and "Spoke with the person" in page
    assert "Callback waiting" not in inbox(client)


def test_previous_cases_show_only_when_the_person_shared_who_they_are(client, clock, service,
                                                                      staff):
    earlier = named(service, "earlier", received_at=MONDAY - dt.timedelta(days=30))
    shared = named(service, "shared")
    unshared = named(service, "unshared", share=False)
    client = signed_in(client, staff)
    page = case_page(client, shared)
    assert "Earlier cases from the same person" in page
    assert reverse("provider:case", args=[earlier.reference]) in page
    assert unshared.reference not in page
    page = case_page(client, unshared)
    assert "Earlier cases from the same person" not in page and earlier.reference not in page


def test_a_named_case_not_shared_shows_no_name(client, clock, service, staff):
    case = named(service, "private", share=False, name="Zed Private", email="zed@example.org")
    page = case_page(signed_in(client, staff), case)
    assert "The person chose not to share their name" in page
    assert "Zed Private" not in page and "zed@example.org" not in page


def test_a_named_account_case_not_shared_never_names_the_person_in_the_log(client, clock,
                                                                           service, staff):
    person = UserFactory(full_name="Quinn Account", email="quinn@example.org")
    case = case_submit(submission=Submission(service=service, kind="complaint",
                                             what_happened="Words", identity_mode="named_account",
                                             language="en"),
                       token="account", user=person, received_at=MONDAY).case
    services.message_from_person(case=case, body="Any news?", now=MONDAY)
    page = case_page(signed_in(client, staff), case)
    assert "Quinn" not in page and "quinn@example.org" not in page
    assert "The person wrote" in page


def test_an_anonymous_case_shows_no_identity_and_every_opening_is_recorded(client, clock,
                                                                            service, staff):
    case = submit(service, "anon")
    services.message_from_person(case=case, body="Any news?", now=MONDAY)
    services.callback_request(case=case, phone="07700 900789", good_times="", now=MONDAY)
    client = signed_in(client, staff)
    page = case_page(client, case)
    assert "Anonymous" in page and "The person wrote" in page
    assert case.contact_email == "" and case.contact_name == "" and case.submitter_id is None
    assert "@" not in re.sub(r"<[^>]*>", "", page.split('id="main"')[1].split("</main>")[0])
    # The phone number they chose to give for the call is for the member handling the case.
    assert "07700 900789" not in page
    services.case_assign(case=case, user=staff, assignee=staff)
    assert "07700 900789" in case_page(client, case)
    accesses = CaseAccess.objects.filter(case=case, user=staff)
    assert accesses.count() == 2


def test_manager_assigns_and_staff_take(client, clock, service, staff, manager):
    case = submit(service, "assign")
    manager_client = signed_in(client, manager)
    assert act(manager_client, case, "assign", {"assign-assignee": str(staff.pk)}
               ).status_code == 302
    case.refresh_from_db()
    assert case.assignee == staff
    other = submit(service, "take")
    staff_client = signed_in(type(client)(), staff)
    page = case_page(staff_client, other)
    assert "Take this case" in page and 'name="assign-assignee"' not in page
    assert act(staff_client, other, "take", {}).status_code == 302
    other.refresh_from_db()
    assert other.assignee == staff


@pytest.mark.parametrize("busy", [False, True])
def test_case_page_query_count_does_not_grow_with_the_case(client, clock, service, staff, manager,
                                                           django_assert_max_num_queries, busy):
    case = named(service, "busy" if busy else "quiet")
    if busy:
        services.case_acknowledge(case=case, user=manager, body="We have read it.", now=MONDAY)
        for number in range(12):
            services.note_add(case=case, user=staff, body=f"Note {number}")
            services.message_from_person(case=case, body=f"Reply {number}")
            services.callback_request(case=case, phone="07700 900123", good_times="", now=MONDAY)
    client = signed_in(client, staff)
    # A fixed budget whatever the number of messages, events, callbacks and colleagues.
    with django_assert_max_num_queries(20):
        response = client.get(reverse("provider:case", args=[case.reference]))
    assert response.status_code == 200
