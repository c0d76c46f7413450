"""The services' deadline rules on real cases: extensions, pauses, agreed dates, callbacks and the
next deadline the inbox orders by.

GB-ENG 2026 calendar. A complaint received Monday 2 March at 10:00 (London) must be acknowledged by
Thursday 5 March 17:00 and answered by Monday 30 March 17:00 (20 working days; BST from 29 March;
Good Friday 3 April and Easter Monday 6 April are holidays).
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from feedback import services
from feedback.models import (
    CaseEvent,
    EventAction,
    ExtensionStatus,
    Message,
    OutboxEmail,
    Purpose,
    ResponsePolicy,
)
from feedback.policies import preset_rules
from feedback.services import Submission, case_submit
from feedback.tasks import outbox_flush
from feedback.vocabulary import ActionRefused
from portal.models import Role
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def local(*args) -> datetime:
    return datetime(*args, tzinfo=LONDON)


RECEIVED = local(2026, 3, 2, 10, 0)
RESPOND_DUE = local(2026, 3, 30, 17, 0)


@pytest.fixture
def manager(service):
    return MembershipFactory(role=Role.MANAGER, provider=service.provider).user


@pytest.fixture
def staff(service):
    return MembershipFactory(role=Role.STAFF, provider=service.provider).user


def new_case(service, token="clock", *, mode="named_contact", received_at=RECEIVED):
    contact = ({"contact_name": "Alex Morgan", "contact_email": "alex.morgan@example.org"}
               if mode == "named_contact" else {})
    case = case_submit(submission=Submission(
        service=service, kind="complaint", what_happened="My visits were cancelled.",
        identity_mode=mode, language="en", **contact), token=token, received_at=received_at).case
    outbox_flush()
    mail.outbox.clear()
    return case


def actions(case) -> list[str]:
    return list(CaseEvent.objects.filter(case=case).values_list("action", flat=True))


def emails_to_person(case) -> list[str]:
    outbox_flush()
    return [m.subject for m in mail.outbox if m.to == [case.contact_email]]


# --- extensions ------------------------------------------------------------------------------


def test_extension_before_the_deadline_moves_it_and_tells_the_person(service, manager):
    case = new_case(service)
    extension = services.extension_request(case=case, user=manager, amount=5,
                                           reason="We are waiting for the visit records.",
                                           now=local(2026, 3, 27, 10, 0))
    case.refresh_from_db()
    assert extension.status == ExtensionStatus.APPROVED
    # 5 working days after Monday 30 March, Good Friday and Easter Monday skipped.
    assert case.respond_due_at == local(2026, 4, 8, 17, 0)
    notice = Message.objects.get(case=case, purpose=Purpose.NOTICE)
    assert "waiting for the visit records" in notice.body and "8 April 2026" in notice.body
    assert emails_to_person(case) == [f"A new date for your answer ({case.reference})"]
    assert "must now answer you by" in mail.outbox[-1].body
    assert OutboxEmail.objects.filter(case=case, purpose="person_update",
                                      to="alex.morgan@example.org").count() == 1
    assert EventAction.EXTENSION_DECIDED in actions(case)


def test_extension_after_the_deadline_is_refused_plainly_and_logged(service, manager):
    case = new_case(service)
    with pytest.raises(ValidationError, match="The deadline has passed"):
        services.extension_request(case=case, user=manager, amount=5, reason="Too busy.",
                                   now=local(2026, 3, 31, 9, 0))
    case.refresh_from_db()
    assert case.respond_due_at == RESPOND_DUE and not case.extensions.exists()
    refused = CaseEvent.objects.get(case=case, action=EventAction.EXTENSION_REFUSED)
    assert refused.reason == "Too busy." and refused.actor == manager


def test_extensions_past_the_policy_cap_are_refused(service, manager):
    case = new_case(service)
    with pytest.raises(ValidationError, match="at most 20"):
        services.extension_request(case=case, user=manager, amount=21, reason="Complex.",
                                   now=local(2026, 3, 10, 10, 0))
    services.extension_request(case=case, user=manager, amount=15, reason="Complex.",
                               now=local(2026, 3, 10, 10, 0))
    with pytest.raises(ValidationError, match="at most 5"):
        services.extension_request(case=case, user=manager, amount=6, reason="Still complex.",
                                   now=local(2026, 3, 11, 10, 0))
    with pytest.raises(ValidationError, match="reason"):
        services.extension_request(case=case, user=manager, amount=1, reason="  ",
                                   now=local(2026, 3, 11, 10, 0))


def test_a_staff_request_waits_for_a_manager_who_approves_it(service, manager, staff):
    case = new_case(service)
    extension = services.extension_request(case=case, user=staff, amount=3,
                                           reason="A colleague is away.",
                                           now=local(2026, 3, 20, 10, 0))
    case.refresh_from_db()
    assert extension.status == ExtensionStatus.PENDING and case.respond_due_at == RESPOND_DUE
    outbox_flush()
    assert [m.subject for m in mail.outbox if m.to == [manager.email]] == [
        f"Extension to approve: {case.reference}"]
    assert emails_to_person(case) == []
    with pytest.raises(ActionRefused, match="Your role does not allow"):
        services.extension_decide(extension=extension, user=staff, approve=True)
    # A pending request already counts against the cap.
    with pytest.raises(ValidationError, match="at most 17"):
        services.extension_request(case=case, user=staff, amount=18, reason="More.",
                                   now=local(2026, 3, 20, 11, 0))
    services.extension_decide(extension=extension, user=manager, approve=True,
                              now=local(2026, 3, 23, 9, 30))
    case.refresh_from_db()
    extension.refresh_from_db()
    assert (extension.status, extension.decided_by) == (ExtensionStatus.APPROVED, manager)
    assert case.respond_due_at == local(2026, 4, 2, 17, 0)   # Tue 31, Wed 1, Thu 2
    assert emails_to_person(case) == [f"A new date for your answer ({case.reference})"]
    with pytest.raises(ValidationError, match="already been decided"):
        services.extension_decide(extension=extension, user=manager, approve=False)


def test_a_refused_request_leaves_the_deadline(service, manager, staff):
    case = new_case(service)
    extension = services.extension_request(case=case, user=staff, amount=3, reason="Busy.",
                                           now=local(2026, 3, 20, 10, 0))
    services.extension_decide(extension=extension, user=manager, approve=False,
                              now=local(2026, 3, 20, 12, 0))
    case.refresh_from_db()
    assert case.respond_due_at == RESPOND_DUE and emails_to_person(case) == []


# --- waiting for the person --------------------------------------------------------------------


def test_a_pause_and_its_resume_move_the_deadline_by_the_paused_working_time(service, manager):
    case = new_case(service)
    services.question_ask(case=case, user=manager, body="Which visits were cancelled?",
                          now=local(2026, 3, 4, 10, 0))
    assert emails_to_person(case) == [f"A question about your feedback {case.reference}"]
    services.message_from_person(case=case, body="Tuesday and Thursday.",
                                 now=local(2026, 3, 6, 12, 0))
    case.refresh_from_db()
    # Paused Wednesday 10:00 to Friday 12:00: 7 + 8 + 3 = 18 working hours, so 3 working days.
    assert case.respond_due_at == local(2026, 4, 2, 17, 0)
    assert case.acknowledge_due_at == local(2026, 3, 5, 17, 0)  # the acknowledgement never pauses
    pause = case.pauses.get()
    assert (pause.ended_at, pause.end_reason) == (local(2026, 3, 6, 12, 0), "person_answered")
    assert {EventAction.CLOCK_PAUSED, EventAction.CLOCK_RESUMED} <= set(actions(case))


def test_staff_can_stop_waiting_and_the_clock_runs_again(service, manager):
    case = new_case(service)
    services.question_ask(case=case, user=manager, body="Can you call us?",
                          now=local(2026, 3, 9, 9, 0))
    assert services.clock_resume_by_staff(case=case, user=manager, now=local(2026, 3, 9, 13, 0))
    case.refresh_from_db()
    assert case.respond_due_at == local(2026, 3, 31, 17, 0)   # half a day paused costs a day
    with pytest.raises(ActionRefused, match="not waiting"):
        services.clock_resume_by_staff(case=case, user=manager, now=local(2026, 3, 9, 14, 0))


def test_a_second_question_while_waiting_is_refused(service, manager):
    case = new_case(service)
    services.question_ask(case=case, user=manager, body="First question?",
                          now=local(2026, 3, 4, 10, 0))
    with pytest.raises(ActionRefused, match="already waiting"):
        services.question_ask(case=case, user=manager, body="Second question?",
                              now=local(2026, 3, 4, 11, 0))
    assert case.pauses.count() == 1


def test_pauses_stop_at_the_policy_cap(service, manager):
    rules = preset_rules("default")
    rules["max_pause"] = [2, "working_days"]
    ResponsePolicy.objects.create(commissioner=service.commissioner, name="Short", rules=rules)
    case = new_case(service)
    services.question_ask(case=case, user=manager, body="Question?", now=local(2026, 3, 2, 10, 0))
    services.message_from_person(case=case, body="Answer.", now=local(2026, 3, 5, 10, 0))
    with pytest.raises(ValidationError, match="paused for the most this policy allows"):
        services.question_ask(case=case, user=manager, body="Another?",
                              now=local(2026, 3, 5, 11, 0))


# --- agreed response date --------------------------------------------------------------------


@pytest.fixture
def england(service):
    ResponsePolicy.objects.create(commissioner=service.commissioner, name="England 2009",
                                  preset="england_2009", rules=preset_rules("england_2009"))
    return service


def test_an_agreed_date_within_the_maximum_becomes_the_deadline(england, manager):
    case = new_case(england)
    services.case_acknowledge(case=case, user=manager, body="We will look into it.",
                              agreed_date=date(2026, 4, 24), now=local(2026, 3, 3, 10, 0))
    case.refresh_from_db()
    # Agreed as a date: the whole day counts, like every calendar-day rule.
    assert case.agreed_response_at == case.respond_due_at == local(2026, 4, 24, 23, 59, 59)
    assert case.next_due_at == case.respond_due_at
    assert emails_to_person(case) == [f"Your feedback {case.reference} has been read"]
    assert "24 April 2026" in mail.outbox[-1].body


def test_an_agreed_date_past_the_maximum_or_in_the_past_is_refused(england, manager):
    case = new_case(england)
    # 183 calendar days from Monday 2 March is Tuesday 1 September.
    with pytest.raises(ValidationError, match="1 September 2026"):
        services.case_acknowledge(case=case, user=manager, body="Noted.",
                                  agreed_date=date(2026, 9, 2), now=local(2026, 3, 3, 10, 0))
    with pytest.raises(ValidationError, match="past"):
        services.case_acknowledge(case=case, user=manager, body="Noted.",
                                  agreed_date=date(2026, 3, 2), now=local(2026, 3, 3, 10, 0))
    case.refresh_from_db()
    assert case.acknowledged_at is None and case.agreed_response_at is None
    services.case_acknowledge(case=case, user=manager, body="Noted.",
                              agreed_date=date(2026, 9, 1), now=local(2026, 3, 3, 10, 0))
    case.refresh_from_db()
    assert case.respond_due_at == local(2026, 9, 1, 23, 59, 59)


def test_a_policy_without_agreed_dates_refuses_one(service, manager):
    case = new_case(service)
    with pytest.raises(ValidationError, match="does not allow"):
        services.case_acknowledge(case=case, user=manager, body="Noted.",
                                  agreed_date=date(2026, 3, 20), now=local(2026, 3, 3, 10, 0))


# --- callbacks and the next deadline ----------------------------------------------------------


@pytest.mark.parametrize("asked, due", [
    (local(2026, 3, 6, 16, 0), local(2026, 3, 10, 16, 0)),   # Friday 16:00: 1 + 8 + 7 hours
    (local(2026, 3, 7, 11, 0), local(2026, 3, 10, 17, 0)),   # Saturday: from Monday's opening
    (local(2026, 3, 5, 20, 0), local(2026, 3, 9, 17, 0)),    # Thursday evening: Fri and Mon
    (local(2026, 4, 2, 15, 0), local(2026, 4, 8, 15, 0)),    # Thursday before Easter
])
def test_callbacks_are_due_in_working_hours(service, asked, due):
    case = new_case(service, mode="anonymous_receipt")
    callback = services.callback_request(case=case, phone="07700 900123", good_times="",
                                         now=asked)
    assert callback.due_at == due


def test_the_next_deadline_follows_acknowledgement_callbacks_and_the_answer(service, manager):
    case = new_case(service)
    assert case.next_due_at == local(2026, 3, 5, 17, 0)
    services.case_acknowledge(case=case, user=manager, body="Read.", now=local(2026, 3, 3, 9, 0))
    case.refresh_from_db()
    assert case.next_due_at == RESPOND_DUE
    callback = services.callback_request(case=case, phone="07700 900123", good_times="",
                                         now=local(2026, 3, 9, 10, 0))
    case.refresh_from_db()
    assert case.next_due_at == callback.due_at == local(2026, 3, 11, 10, 0)
    services.case_assign(case=case, user=manager, assignee=manager)
    services.callback_attempt_record(callback=callback, user=manager, result="no_answer",
                                     now=local(2026, 3, 9, 11, 0))
    case.refresh_from_db()
    assert case.next_due_at == callback.due_at            # a missed call is still owed
    services.callback_attempt_record(callback=callback, user=manager, result="reached",
                                     now=local(2026, 3, 9, 15, 0))
    case.refresh_from_db()
    assert case.next_due_at == RESPOND_DUE
    services.message_to_person(case=case, user=manager, body="Here is our answer.",
                               now=local(2026, 3, 12, 10, 0))
    case.refresh_from_db()
    assert case.first_response_at == local(2026, 3, 12, 10, 0) and case.next_due_at is None
