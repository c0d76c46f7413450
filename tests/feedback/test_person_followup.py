"""The person's side of a case in progress: questions, replies, new dates, resolution, escalation."""

import datetime as dt

import pytest
from django.urls import reverse

from feedback import receipts, services
from feedback.models import CaseEvent, EventAction, Outcome
from feedback.services import Submission, case_submit
from feedback.vocabulary import State
from portal.models import Role
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

MONDAY_10AM_LONDON = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def staff(service):
    return MembershipFactory(role=Role.MANAGER, provider=service.provider).user


def open_case(client, service, token="follow", **extra):
    case = case_submit(submission=Submission(service=service, kind="complaint", language="en",
                                             what_happened="My visits were cancelled twice.",
                                             identity_mode="anonymous_receipt", **extra),
                       token=token, received_at=MONDAY_10AM_LONDON).case
    client.post(reverse("feedback:track"), {"code": receipts.code_for_token(token)})
    return case


def page(client, case):
    return client.get(reverse("feedback:track_case", args=[case.reference])).content.decode()


def test_a_question_shows_waiting_for_your_reply_and_the_reply_restarts_the_clock(client, service,
                                                                                  staff):
    case = open_case(client, service)
    services.question_ask(case=case, user=staff, body="Which days were cancelled?",
                          now=MONDAY_10AM_LONDON + dt.timedelta(hours=2))
    shown = page(client, case)
    assert "Waiting for your reply" in shown
    assert "Which days were cancelled?" in shown and "The provider asked you" in shown
    assert "paused while they wait for your reply" in shown
    client.post(reverse("feedback:track_reply", args=[case.reference]),
                {"body": "Tuesday and Thursday."})
    case.refresh_from_db()
    assert not case.pauses.filter(ended_at__isnull=True).exists()
    assert "Waiting for your reply" not in page(client, case)
    assert CaseEvent.objects.filter(case=case, action=EventAction.CLOCK_RESUMED).exists()


def test_each_date_says_how_it_was_worked_out(client, service):
    case = open_case(client, service)
    shown = page(client, case)
    assert "How this date was worked out" in shown
    assert "3 working days after the day it was received" in shown
    # Received Monday 2 March 2026 at 10:00 in London: 20 working days skip four weekends.
    assert "weekend" in shown


def test_resolved_case_offers_escalation_to_the_commissioner(client, service, staff):
    commissioner = MembershipFactory(role=Role.COMMISSIONER, provider=None,
                                     commissioner=service.commissioner).user
    case = open_case(client, service)
    assert "escalate to the commissioner" not in page(client, case)
    refused = client.post(reverse("feedback:track_escalate", args=[case.reference]),
                          {"reason": "Nobody answered."})
    assert refused.status_code == 409
    assert "once the provider has resolved your feedback" in refused.content.decode()
    assert "Nobody answered." in refused.content.decode()
    services.message_to_person(case=case, user=staff, body="We have fixed the rota.")
    services.outcome_record(case=case, user=staff, outcome=Outcome.UPHELD,
                            actions_taken="Rota changed", service_changed=True)
    services.case_resolve(case=case, user=staff)
    shown = page(client, case)
    assert "Resolved" in shown and "escalate to the commissioner" in shown
    response = client.post(reverse("feedback:track_escalate", args=[case.reference]),
                           {"reason": "Nothing has changed."}, follow=True)
    assert "asked the commissioner to look" in response.content.decode()
    case.refresh_from_db()
    assert case.state == State.ESCALATED and case.escalated_at
    from django.core import mail

    from feedback.tasks import outbox_flush

    outbox_flush()
    assert any(commissioner.email in m.to for m in mail.outbox)
    assert "Nothing has changed" not in "".join(m.body for m in mail.outbox)


def test_an_extension_shows_the_new_date_and_reason(client, service, staff):
    case = open_case(client, service)
    services.extension_request(case=case, user=staff, amount=5, reason="We are waiting for the "
                               "rota records from the agency.",
                               now=MONDAY_10AM_LONDON + dt.timedelta(days=1))
    shown = page(client, case)
    assert "waiting for the rota records" in shown
    assert "gave you a new date" in shown
    assert "Extended by 5 working days" in shown


def test_closed_case_offers_no_reply_or_escalation(client, service, staff):
    case = open_case(client, service)
    services.message_to_person(case=case, user=staff, body="Answer")
    services.outcome_record(case=case, user=staff, outcome=Outcome.NOT_UPHELD, actions_taken="",
                            service_changed=False)
    services.case_resolve(case=case, user=staff)
    from django.utils import timezone

    services.case_close(case=case, reason="test", at=timezone.now())
    shown = page(client, case)
    assert "Send reply" not in shown and "escalate to the commissioner" not in shown
    refused = client.post(reverse("feedback:track_reply", args=[case.reference]),
                          {"body": "hello again"})
    assert refused.status_code == 409 and "hello again" in refused.content.decode()
    assert case.messages.filter(body="hello again").count() == 0


def test_after_resolution_the_person_reads_how_it_ended_and_each_call(client, service, staff):
    case = open_case(client, service)
    callback = services.callback_request(case=case, phone="07700 900123", good_times="")
    services.case_assign(case=case, user=staff, assignee=staff)
    services.callback_attempt_record(callback=callback, user=staff, result="no_answer")
    services.callback_attempt_record(callback=callback, user=staff, result="reached")
    services.message_to_person(case=case, user=staff, body="We have fixed the rota.")
    shown = page(client, case)
    assert "How it ended" not in shown
    assert "The provider tried to phone you: there was no answer" in shown
    assert "The provider phoned you and spoke with you" in shown
    services.outcome_record(case=case, user=staff, outcome=Outcome.PARTLY_UPHELD,
                            actions_taken="Visits now start on time & are logged.",
                            service_changed=True)
    services.case_resolve(case=case, user=staff)
    shown = page(client, case)
    assert "How it ended" in shown
    assert "The provider agreed with part of what you told them." in shown
    assert "Visits now start on time &amp; are logged." in shown
    assert "They made a change to the service because of your feedback." in shown


def test_my_feedback_and_the_case_page_say_the_same_status(client, service, staff, person):
    case = case_submit(submission=Submission(service=service, kind="complaint", language="en",
                                             what_happened="Late again.",
                                             identity_mode="named_account"),
                       token="same-words", user=person).case
    client.force_login(person)
    listing = client.get(reverse("feedback:my_feedback")).content.decode()
    detail = client.get(reverse("feedback:track_case", args=[case.reference])).content.decode()
    assert ">Received</td>" in listing and "<strong>Received</strong>" in detail
    assert "With the provider" not in listing
    services.question_ask(case=case, user=staff, body="Which day?")
    listing = client.get(reverse("feedback:my_feedback")).content.decode()
    detail = client.get(reverse("feedback:track_case", args=[case.reference])).content.decode()
    assert ">Waiting for your reply</td>" in listing
    assert "<strong>Waiting for your reply</strong>" in detail
