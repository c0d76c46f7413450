"""The case policy holds at the source: every service refuses what the rules refuse, before it
writes anything, whatever a page showed."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from feedback import services
from feedback.models import (
    CallbackAttempt,
    CaseEvent,
    ClockPause,
    EventAction,
    Extension,
    ExtensionStatus,
    Message,
    OutboxEmail,
)
from feedback.permissions import ROWS, RULES, allowed_actions, refusal
from feedback.services import Submission, case_submit
from feedback.tasks import outbox_flush
from feedback.vocabulary import ALLOWED, Action, ActionRefused, Actor, State, Who
from portal.models import Role
from tests.factories import UserFactory, provider_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(service):
    return provider_member(provider=service.provider, full_name="Sam Staff")


@pytest.fixture
def manager(service):
    return provider_member(provider=service.provider, role=Role.MANAGER, full_name="Mo Manager")


def new_case(service, token="policy", **fields):
    return case_submit(submission=Submission(
        service=service, kind="complaint", what_happened="Nobody called me back.",
        language="en", identity_mode="named_contact", contact_name="Ada Lovelace",
        contact_email="ada@example.org", **fields), token=token).case


def resolved(service, staff, token="policy"):
    case = new_case(service, token)
    services.message_to_person(case=case, user=staff, body="We are sorry.")
    services.outcome_record(case=case, user=staff, outcome="upheld", actions_taken="",
                            service_changed=False)
    services.case_resolve(case=case, user=staff)
    return case


def written(case) -> tuple:
    """Everything a refused action must leave untouched."""
    case.refresh_from_db()
    return (case.state, case.assignee_id, case.outcome, case.acknowledged_at,
            case.first_response_at, case.respond_due_at, case.resolved_at, case.closed_at,
            CaseEvent.objects.filter(case=case).count(), Message.objects.filter(case=case).count(),
            list(Extension.objects.filter(case=case).values_list("status", flat=True)),
            ClockPause.objects.filter(case=case).count(),
            CallbackAttempt.objects.filter(callback__case=case).count(),
            OutboxEmail.objects.filter(case=case).count())


def provider_actions(case, staff, manager):
    """Every provider service, as (name, call) with valid arguments."""
    callback = case.callbacks.first()
    extension = case.extensions.first()
    return [
        ("acknowledge", lambda: services.case_acknowledge(case=case, user=staff, body="Read.")),
        ("reply", lambda: services.message_to_person(case=case, user=staff, body="Answer.")),
        ("question", lambda: services.question_ask(case=case, user=staff, body="Which day?")),
        ("resume", lambda: services.clock_resume_by_staff(case=case, user=staff)),
        ("note", lambda: services.note_add(case=case, user=staff, body="A note.")),
        ("take", lambda: services.case_assign(case=case, user=manager, assignee=manager)),
        ("assign", lambda: services.case_assign(case=case, user=manager, assignee=staff)),
        ("extend", lambda: services.extension_request(case=case, user=staff, amount=1,
                                                      reason="Records.")),
        ("decide", lambda: services.extension_decide(extension=extension, user=manager,
                                                     approve=True)),
        ("outcome", lambda: services.outcome_record(case=case, user=staff,
                                                    outcome="not_upheld", actions_taken="",
                                                    service_changed=False)),
        ("resolve", lambda: services.case_resolve(case=case, user=staff)),
        ("callback", lambda: services.callback_attempt_record(callback=callback, user=staff,
                                                              result="reached")),
    ]


# --- the table itself -----------------------------------------------------------------------

def test_every_action_has_a_row_and_every_row_names_known_states():
    assert {action for action, _states, _who in ROWS} == set(Action)
    for _action, states, who in ROWS:
        assert states <= set(State) and who <= set(Who)


def test_rows_never_allow_a_state_change_the_lifecycle_forbids():
    # Each action that moves a case names where it goes; its rows may only sit in states that
    # can reach that place.
    moves = {Action.RESOLVE: State.RESOLVED, Action.REOPEN: State.REOPENED,
             Action.ESCALATE: State.ESCALATED, Action.CLOSE: State.CLOSED,
             Action.MODERATE_APPROVE: State.WITH_PROVIDER, Action.MODERATE_KEEP: State.ESCALATED,
             Action.MODERATE_REJECT: State.CLOSED}
    for (state, action), _who in RULES.items():
        if action in moves:
            assert moves[action] in ALLOWED[state], (state, action)


def test_a_closed_case_allows_nothing_but_reading_following_and_an_administrators_reopening():
    closed = {action for (state, action), who in RULES.items() if state == State.CLOSED and who}
    assert closed == {Action.VIEW, Action.FOLLOW, Action.REOPEN}
    assert RULES[(State.CLOSED, Action.REOPEN)] == {Who.ADMINISTRATOR}


# --- closed, escalated, acknowledged: refused at the service, nothing written ---------------

def test_a_closed_case_refuses_every_provider_action_at_the_service(service, staff, manager):
    case = new_case(service)
    services.callback_request(case=case, phone="07700 900123", good_times="")
    services.extension_request(case=case, user=staff, amount=1, reason="Records.")
    services.case_assign(case=case, user=staff, assignee=staff)
    services.message_to_person(case=case, user=staff, body="We are sorry.")
    services.outcome_record(case=case, user=staff, outcome="upheld", actions_taken="",
                            service_changed=False)
    services.case_resolve(case=case, user=staff)
    services.case_close(case=case, reason="quiet", at=timezone.now())
    before = written(case)
    for name, call in provider_actions(case, staff, manager):
        with pytest.raises(ActionRefused):
            call()
        assert written(case) == before, name
    with pytest.raises(ActionRefused):
        services.message_from_person(case=case, body="Hello?")
    with pytest.raises(ActionRefused):
        services.case_escalate_by_person(case=case, reason="Not happy.")
    assert written(case) == before


def test_a_second_acknowledgement_is_refused_and_sends_nothing(service, staff):
    case = new_case(service)
    services.case_acknowledge(case=case, user=staff, body="We have read it.")
    before = written(case)
    with pytest.raises(ActionRefused, match="Acknowledged"):
        services.case_acknowledge(case=case, user=staff, body="We have read it again.")
    assert written(case) == before
    outbox_flush()
    assert [m.subject for m in mail.outbox].count(mail.outbox[-1].subject) == 1


def test_an_escalated_case_belongs_to_the_commissioner(service, staff, manager):
    case = resolved(service, staff)
    services.case_escalate_by_person(case=case, reason="They did not listen.")
    case.refresh_from_db()
    assert case.state == State.ESCALATED
    before = written(case)
    for call in (lambda: services.case_resolve(case=case, user=staff),
                 lambda: services.message_to_person(case=case, user=staff, body="Sorry."),
                 lambda: services.outcome_record(case=case, user=staff, outcome="not_upheld",
                                                 actions_taken="", service_changed=False),
                 lambda: services.case_reopen(case=case, actor=Actor.staff(staff), reason="x")):
        with pytest.raises(ActionRefused):
            call()
    assert written(case) == before
    # The provider still reads it and writes notes for colleagues.
    assert allowed_actions(case, actor=Actor.staff(manager)) >= {Action.VIEW, Action.NOTE}
    assert Action.RESOLVE not in allowed_actions(case, actor=Actor.staff(manager))


@pytest.mark.parametrize("ending", ["answered", "escalated", "closed"])
def test_a_pending_extension_is_withdrawn_once_moot_and_cannot_be_approved(service, staff,
                                                                           manager, ending):
    case = new_case(service)
    extension = services.extension_request(case=case, user=staff, amount=2, reason="Records.")
    due_before = case.respond_due_at
    services.message_to_person(case=case, user=staff, body="Our answer.")
    if ending in ("escalated", "closed"):
        services.outcome_record(case=case, user=staff, outcome="upheld", actions_taken="",
                                service_changed=False)
        services.case_resolve(case=case, user=staff)
    if ending == "escalated":
        services.case_escalate_by_person(case=case, reason="Not satisfied.")
    if ending == "closed":
        services.case_close(case=case, reason="quiet", at=timezone.now())
    extension.refresh_from_db()
    assert extension.status == ExtensionStatus.WITHDRAWN
    withdrawn = CaseEvent.objects.filter(case=case, action=EventAction.EXTENSION_WITHDRAWN)
    assert [e.data["extension_id"] for e in withdrawn] == [extension.pk]
    before = written(case)
    with pytest.raises(ActionRefused):
        services.extension_decide(extension=extension, user=manager, approve=True)
    assert written(case) == before
    case.refresh_from_db()
    assert case.respond_due_at == due_before
    assert not case.messages.filter(body__startswith="We need more time").exists()


def test_the_callback_number_and_calls_are_for_the_member_handling_the_case(service, staff,
                                                                           manager):
    case = new_case(service)
    callback = services.callback_request(case=case, phone="07700 900123", good_times="")
    for user in (staff, manager):
        assert refusal(Action.SEE_PHONE, case, actor=Actor.staff(user)) is not None
        with pytest.raises(ActionRefused, match="role"):
            services.callback_attempt_record(callback=callback, user=user, result="reached")
    services.case_assign(case=case, user=staff, assignee=staff)
    assert refusal(Action.SEE_PHONE, case, actor=Actor.staff(staff)) is None
    assert refusal(Action.SEE_PHONE, case, actor=Actor.staff(manager)) is not None
    services.callback_attempt_record(callback=callback, user=staff, result="reached")


def test_a_member_who_leaves_the_provider_can_do_nothing_at_once(service, staff):
    case = new_case(service)
    staff.memberships.all().delete()
    with pytest.raises(ActionRefused, match="role"):
        services.message_to_person(case=case, user=staff, body="Still here?")


def test_an_administrator_part_needs_a_superuser(service, staff):
    case = resolved(service, staff)
    services.case_close(case=case, reason="quiet", at=timezone.now())
    with pytest.raises(ActionRefused):
        services.case_reopen(case=case, actor=Actor.administrator(UserFactory(is_staff=True)),
                             reason="Let me")
    services.case_reopen(case=case, actor=Actor.administrator(UserFactory(is_superuser=True)),
                         reason="The person wrote in by post.")
    case.refresh_from_db()
    assert case.state == State.REOPENED and case.closed_at is None


def test_the_sweep_does_not_close_a_case_the_person_has_escalated(service, staff):
    case = resolved(service, staff)
    services.case_escalate_by_person(case=case, reason="Not satisfied.")
    with pytest.raises(ActionRefused):
        services.case_close(case=case, reason="quiet", at=timezone.now())
    case.refresh_from_db()
    assert case.state == State.ESCALATED


# --- and at the view: the page again, with the reason and what was typed --------------------

def test_a_closed_case_refuses_a_reply_posted_directly_and_keeps_the_text(client, service, staff):
    case = resolved(service, staff)
    services.case_close(case=case, reason="quiet", at=timezone.now())
    client.force_login(staff)
    page = client.get(reverse("provider:case", args=[case.reference])).content.decode()
    assert 'name="reply-body"' not in page
    before = written(case)
    response = client.post(reverse("provider:reply", args=[case.reference]),
                           {"reply-body": "A reply after closing <5mg"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "This cannot be done while the case is “Closed”" in html
    assert "A reply after closing &lt;5mg" in html
    assert written(case) == before


def test_a_second_acknowledgement_posted_directly_is_refused(client, service, staff):
    case = new_case(service)
    client.force_login(staff)
    url = reverse("provider:acknowledge", args=[case.reference])
    assert client.post(url, {"acknowledge-body": "Read."}).status_code == 302
    before = written(case)
    response = client.post(url, {"acknowledge-body": "Read again."})
    assert response.status_code == 409 and "Read again." in response.content.decode()
    assert written(case) == before


def test_staff_cannot_resolve_an_escalated_case_from_the_page(client, service, staff):
    case = resolved(service, staff)
    services.case_escalate_by_person(case=case, reason="Not satisfied.")
    client.force_login(staff)
    page = client.get(reverse("provider:case", args=[case.reference])).content.decode()
    assert "This case is with the commissioner now" in page
    assert "Resolve the case" not in page and 'name="reply-body"' not in page
    before = written(case)
    assert client.post(reverse("provider:resolve", args=[case.reference])).status_code == 409
    assert written(case) == before
