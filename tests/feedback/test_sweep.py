"""The deadline sweep: reminders a working day before (to staff in working hours only), overdue
marks, the person told the answer is late, escalation to the commissioner, auto-close, and nothing
ever sent twice, even by two sweeps at once.

Dates are in 2026, GB-ENG calendar (Europe/London; BST from 29 March; Good Friday 3 April and
Easter Monday 6 April are holidays). A complaint received Monday 2 March at 10:00 must be
acknowledged by Thursday 5 March 17:00 and answered by Monday 30 March 17:00 (20 working days).
"""

import sqlite3
import threading
from contextlib import contextmanager
from datetime import datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from feedback import services
from feedback.models import (
    Case,
    CaseEvent,
    ClockPause,
    EventAction,
    Notice,
    OutboxEmail,
    Outcome,
    ResponsePolicy,
)
from feedback.deadlines import due_moment
from feedback.policies import preset_rules, snapshot_calendar, snapshot_duration
from feedback.services import Submission, case_submit
from feedback.sweep import _Sweep, sweep_run
from feedback.tasks import outbox_flush
from feedback.vocabulary import OPEN_STATES, State
from portal.models import Role
from tests.factories import (
    CommissionerFactory,
    MembershipFactory,
    ProviderFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def local(*args) -> datetime:
    return datetime(*args, tzinfo=LONDON)


RECEIVED = local(2026, 3, 2, 10, 0)               # Monday
ACKNOWLEDGE_DUE = local(2026, 3, 5, 17, 0)        # Thursday, 3 working days
RESPOND_DUE = local(2026, 3, 30, 17, 0)           # Monday, 20 working days (BST by then)


def people(service):
    return SimpleNamespace(
        manager=MembershipFactory(role=Role.MANAGER, provider=service.provider).user,
        staff=MembershipFactory(role=Role.STAFF, provider=service.provider).user,
        commissioner=MembershipFactory(role=Role.COMMISSIONER, provider=None,
                                       commissioner=service.commissioner).user,
        moderator=MembershipFactory(role=Role.MODERATOR, provider=None,
                                    commissioner=service.commissioner).user,
    )


@pytest.fixture
def org(service):
    return people(service)


def new_case(service, token, *, received_at=RECEIVED, language="en", mode="named_contact",
             **extra) -> Case:
    contact = ({"contact_name": "Alex Morgan", "contact_email": f"{token}@example.org"}
               if mode == "named_contact" else {})
    return case_submit(submission=Submission(
        service=service, kind="complaint", what_happened="Nobody called me back.",
        identity_mode=mode, language=language, **contact, **extra),
        token=token, received_at=received_at).case


def sweep(at: datetime):
    """Run the sweep at `at` and return its report and the emails it caused, as sent."""
    outbox_flush()
    mail.outbox.clear()
    report = sweep_run(now=at)
    outbox_flush()
    return report, list(mail.outbox)


def to(messages, user) -> list[str]:
    return [m.subject for m in messages if m.to == [user.email]]


def events(case, action) -> list[CaseEvent]:
    return list(CaseEvent.objects.filter(case=case, action=action))


def acknowledged(case, user, at=RECEIVED.replace(hour=11)):
    services.case_acknowledge(case=case, user=user, body="We have read it.", now=at)
    case.refresh_from_db()
    return case


# --- reminders ------------------------------------------------------------------------------


def test_reminder_goes_the_working_day_before_to_staff_and_managers_once(service, org):
    case = new_case(service, "remind")
    assert case.acknowledge_due_at == ACKNOWLEDGE_DUE
    assert sweep(local(2026, 3, 3, 10, 0))[1] == []       # Tuesday: two working days left
    assert sweep(local(2026, 3, 4, 8, 30))[1] == []       # Wednesday, before opening
    report, sent = sweep(local(2026, 3, 4, 9, 5))          # Wednesday, in working hours
    assert report.reminders == 1
    subject = f"Reminder: {case.reference} is due soon"
    assert to(sent, org.staff) == [subject] and to(sent, org.manager) == [subject]
    assert to(sent, org.commissioner) == []
    assert "is due by" in sent[0].body and case.what_happened not in sent[0].body
    assert [e.data["deadline"] for e in events(case, EventAction.REMINDER_SENT)] == ["acknowledge"]
    assert sweep(local(2026, 3, 4, 9, 10))[1] == []        # once only
    assert sweep(local(2026, 3, 5, 9, 10))[1] == []


def test_reminder_goes_to_the_assignee_when_there_is_one(service, org):
    case = new_case(service, "assigned")
    services.case_assign(case=case, user=org.manager, assignee=org.staff)
    _, sent = sweep(local(2026, 3, 4, 14, 0))
    assert to(sent, org.staff) == [f"Reminder: {case.reference} is due soon"]
    assert to(sent, org.manager) == []


def test_no_staff_reminder_at_night_the_next_working_hours_run_sends_it(service, org):
    case = new_case(service, "night")
    report, sent = sweep(local(2026, 3, 4, 20, 0))         # Wednesday 20:00, window open
    assert (report.reminders, sent) == (0, [])
    assert not Notice.objects.filter(case=case).exists()   # nothing recorded either
    assert sweep(local(2026, 3, 5, 7, 0))[1] == []         # Thursday before opening
    report, sent = sweep(local(2026, 3, 5, 9, 0))          # Thursday at opening
    assert report.reminders == 1 and to(sent, org.manager)


def test_no_staff_reminder_on_a_saturday_or_a_holiday(service, org):
    # Received Tuesday 31 March: acknowledge by Tuesday 7 April (Good Friday, the weekend and
    # Easter Monday skipped), so the reminder window opens on Thursday 2 April.
    case = new_case(service, "easter", received_at=local(2026, 3, 31, 10, 0))
    assert case.acknowledge_due_at == local(2026, 4, 7, 17, 0)
    for closed_day in (local(2026, 4, 3, 11, 0), local(2026, 4, 4, 11, 0),
                       local(2026, 4, 6, 11, 0)):
        report, sent = sweep(closed_day)
        assert (report.reminders, sent) == (0, []), closed_day
    report, sent = sweep(local(2026, 4, 7, 9, 30))
    assert report.reminders == 1 and to(sent, org.staff) == [
        f"Reminder: {case.reference} is due soon"]


def test_callbacks_get_their_own_reminder_and_overdue_notice(service, org):
    case = acknowledged(new_case(service, "callback"), org.manager)
    # Asked on Monday 9 March at 16:00: 16 working hours runs to Wednesday 11 March 16:00.
    callback = services.callback_request(case=case, phone="07700 900123", good_times="mornings",
                                         now=local(2026, 3, 9, 16, 0))
    assert callback.due_at == local(2026, 3, 11, 16, 0)
    case.refresh_from_db()
    assert case.next_due_at == callback.due_at
    report, sent = sweep(local(2026, 3, 10, 10, 0))
    assert report.reminders == 1 and to(sent, org.staff)
    report, sent = sweep(local(2026, 3, 11, 16, 30))
    assert (report.overdue, report.manager_notices) == (1, 1)
    assert to(sent, org.manager) == [f"Overdue: {case.reference}"] and to(sent, org.staff) == []
    assert [e.data["deadline"] for e in events(case, EventAction.MARKED_OVERDUE)] == ["callback"]
    # A late phone call is not the late answer: the person is not emailed about it.
    assert report.late_notices == 0


def test_no_staff_notice_while_moderators_hold_the_case(service, org):
    case = new_case(service, "held", worried_about_reaction=True)
    assert case.state == State.IN_MODERATION
    report, sent = sweep(local(2026, 3, 4, 10, 0))
    assert (report.reminders, sent) == (0, [])
    # Time in moderation still counts: the deadline passes and is marked, but staff are not told.
    report, sent = sweep(local(2026, 3, 6, 10, 0))
    assert report.overdue == 1 and report.manager_notices == 0
    assert to(sent, org.manager) == []


# --- overdue and late ----------------------------------------------------------------------


def test_overdue_answer_is_marked_and_the_person_told_at_once_managers_in_working_hours(
        service, org):
    case = acknowledged(new_case(service, "late"), org.manager)
    assert case.respond_due_at == RESPOND_DUE
    assert sweep(local(2026, 3, 30, 16, 59))[0].overdue == 0
    report, sent = sweep(local(2026, 3, 31, 3, 0))         # the night after the deadline
    assert (report.overdue, report.late_notices, report.manager_notices) == (1, 1, 0)
    assert [m.subject for m in sent] == [f"Your answer is late ({case.reference})"]
    assert sent[0].to == ["late@example.org"]
    assert "not answered you in time" in sent[0].body
    marked = events(case, EventAction.MARKED_OVERDUE)
    assert [(e.data["deadline"], e.actor_kind) for e in marked] == [("respond", "system")]
    report, sent = sweep(local(2026, 3, 31, 9, 0))         # opening: the managers hear
    assert (report.overdue, report.manager_notices) == (0, 1)
    assert to(sent, org.manager) == [f"Overdue: {case.reference}"]
    assert to(sent, org.staff) == [] and to(sent, org.commissioner) == []
    assert sweep(local(2026, 3, 31, 11, 0))[1] == []


def test_the_late_notice_is_in_the_persons_language(service, org):
    case = acknowledged(new_case(service, "french", language="fr-ca"), org.manager)
    before = OutboxEmail.objects.order_by("-pk").values_list("pk", flat=True).first()
    sweep(local(2026, 3, 31, 10, 0))
    email = OutboxEmail.objects.get(case=case, purpose="person_update", pk__gt=before)
    assert email.language == "fr-ca"
    with translation.override("fr-ca"):
        subject = render_to_string("feedback/emails/person_update_subject.txt",
                                   {"case": case, "event": "late"})
    assert email.subject == " ".join(subject.split())
    # Staff emails follow each member's own language, not the case's.
    assert OutboxEmail.objects.get(case=case, to=org.manager.email,
                                   subject__startswith="Overdue").language == "en"


def test_an_unanswered_acknowledgement_is_marked_overdue_but_the_person_not_emailed(service, org):
    case = new_case(service, "noack")
    report, sent = sweep(local(2026, 3, 6, 10, 0))
    assert (report.overdue, report.late_notices, report.manager_notices) == (1, 0, 1)
    assert [e.data["deadline"] for e in events(case, EventAction.MARKED_OVERDUE)] == [
        "acknowledge"]
    assert not [m for m in sent if m.to == ["noack@example.org"]]
    assert to(sent, org.manager) == [f"Overdue: {case.reference}"]


def test_a_validly_extended_case_is_not_overdue_after_its_original_deadline(service, org):
    case = acknowledged(new_case(service, "extended"), org.manager)
    services.extension_request(case=case, user=org.manager, amount=5, reason="Records from "
                               "another team.", now=local(2026, 3, 27, 10, 0))
    case.refresh_from_db()
    assert case.respond_due_at == local(2026, 4, 8, 17, 0)  # 5 working days, Easter skipped
    report, sent = sweep(local(2026, 3, 31, 10, 0))
    assert report.overdue == 0 and not events(case, EventAction.MARKED_OVERDUE)
    assert not [m for m in sent if "late" in m.subject or "Overdue" in m.subject]
    assert sweep(local(2026, 4, 9, 10, 0))[0].overdue == 1


def test_a_paused_case_is_not_overdue_and_a_pause_at_its_cap_resumes_by_itself(service, org):
    rules = preset_rules("default")
    rules["max_pause"] = [5, "working_days"]
    ResponsePolicy.objects.create(commissioner=service.commissioner, name="Short pauses",
                                  rules=rules)
    case = acknowledged(new_case(service, "paused"), org.manager)
    services.question_ask(case=case, user=org.manager, body="Which visit was it?",
                          now=local(2026, 3, 25, 10, 0))
    # Tuesday after the original deadline, still waiting for the person.
    report, sent = sweep(local(2026, 3, 31, 10, 0))
    case.refresh_from_db()
    assert report.overdue == 0 and report.deadlines_moved == 1 and sent == []
    assert case.respond_due_at > local(2026, 3, 31, 10, 0)
    assert ClockPause.objects.get(case=case).ended_at is None
    # The cap (5 working days from Wednesday 25 March) is reached Wednesday 1 April at 17:00.
    report, sent = sweep(local(2026, 4, 2, 10, 0))
    pause = ClockPause.objects.get(case=case)
    assert report.pauses_ended == 1
    assert (pause.ended_at, pause.end_reason) == (local(2026, 4, 1, 17, 0), "pause_cap_reached")
    resumed = events(case, EventAction.CLOCK_RESUMED)
    assert [(e.reason, e.actor_kind) for e in resumed] == [("pause_cap_reached", "system")]
    case.refresh_from_db()
    # 47 working hours paused = 6 working days after Monday 30 March, Easter skipped.
    assert case.respond_due_at == local(2026, 4, 9, 17, 0)
    assert report.overdue == 0
    assert sweep(local(2026, 4, 2, 10, 5))[0].pauses_ended == 0


# --- escalation and auto-close -------------------------------------------------------------


def test_escalation_after_the_margin_alerts_the_commissioner_without_changing_the_state(
        service, org):
    case = acknowledged(new_case(service, "escalate"), org.manager)
    # 5 working days after Monday 30 March 17:00, with Easter: Wednesday 8 April 17:00.
    assert sweep(local(2026, 4, 8, 16, 0))[0].escalations == 0
    report, sent = sweep(local(2026, 4, 8, 18, 0))          # after hours: marked, not emailed
    case.refresh_from_db()
    assert report.escalations == 1 and case.escalated_at == local(2026, 4, 8, 18, 0)
    assert case.state == State.ACKNOWLEDGED
    assert to(sent, org.commissioner) == []
    assert [e.data["deadline"] for e in events(case, EventAction.ESCALATED)] == ["respond"]
    report, sent = sweep(local(2026, 4, 9, 9, 30))
    assert report.commissioner_notices == 1
    assert to(sent, org.commissioner) == [f"Escalated to you: {case.reference}"]
    assert to(sent, org.moderator) == [] and to(sent, org.manager) == []
    assert "has not answered" in sent[0].body
    assert sweep(local(2026, 4, 10, 9, 30))[1] == []


def resolved(case, user, at):
    services.message_to_person(case=case, user=user, body="Here is what we found.", now=at)
    services.outcome_record(case=case, user=user, outcome=Outcome.UPHELD,
                            actions_taken="Visits rebooked.", service_changed=False)
    services.case_resolve(case=case, user=user, now=at)
    case.refresh_from_db()
    return case


def test_a_resolved_case_closes_after_ten_silent_working_days_and_forgets_the_phone(service,
                                                                                     org):
    case = new_case(service, "closing")
    callback = services.callback_request(case=case, phone="07700 900456", good_times="any",
                                         now=local(2026, 3, 3, 10, 0))
    case = resolved(case, org.manager, local(2026, 3, 9, 12, 0))
    # 10 working days after Monday 9 March: Monday 23 March at 17:00.
    assert sweep(local(2026, 3, 23, 16, 0))[0].closed == 0
    report, _ = sweep(local(2026, 3, 23, 17, 30))
    case.refresh_from_db()
    callback.refresh_from_db()
    assert report.closed == 1 and case.state == State.CLOSED
    assert case.closed_at == local(2026, 3, 23, 17, 30)
    assert callback.phone == "" and callback.phone_erased_at == case.closed_at
    closing = CaseEvent.objects.get(case=case, action=EventAction.STATE_CHANGED,
                                    to_state=State.CLOSED)
    assert (closing.reason, closing.actor_kind) == ("no_reply_after_resolution", "system")
    assert events(case, EventAction.CONTACT_ERASED)


def test_a_word_from_the_person_after_resolution_restarts_the_wait(service, org):
    case = resolved(new_case(service, "replied"), org.manager, local(2026, 3, 9, 12, 0))
    services.message_from_person(case=case, body="One more thing.", now=local(2026, 3, 13, 9, 0))
    assert sweep(local(2026, 3, 23, 17, 30))[0].closed == 0
    # 10 working days after Friday 13 March: Friday 27 March.
    assert sweep(local(2026, 3, 27, 17, 30))[0].closed == 1


# --- idempotence -----------------------------------------------------------------------------


def test_running_the_sweep_twice_sends_nothing_twice(service, org, monkeypatch):
    monkeypatch.setattr("feedback.sweep.BATCH", 2)   # two batches of cases
    cases = [new_case(service, f"twice-{n}") for n in range(3)]
    at = local(2026, 4, 9, 10, 0)   # everything is overdue and past the escalation margin
    first, sent = sweep(at)
    assert (first.overdue, first.late_notices, first.escalations) == (6, 3, 3)
    assert len(sent) == 3 + 6 + 3   # late notices, managers (two deadlines), commissioner
    emails, notices = OutboxEmail.objects.count(), Notice.objects.count()
    again, sent = sweep(at)
    assert sent == [] and again.emails == 0
    assert (OutboxEmail.objects.count(), Notice.objects.count()) == (emails, notices)
    for case in cases:
        assert len(events(case, EventAction.MARKED_OVERDUE)) == 2
        assert len(events(case, EventAction.ESCALATED)) == 1


def test_a_quiet_sweep_reads_few_rows_whatever_the_number_of_cases(service, org):
    for n in range(12):
        new_case(service, f"quiet-{n}")
    at = local(2026, 4, 9, 10, 0)
    sweep(at)
    with CaptureQueriesContext(connection) as small:
        sweep_run(now=at)
    for n in range(12, 36):
        new_case(service, f"quiet-{n}")
    sweep(at)
    with CaptureQueriesContext(connection) as large:
        report = sweep_run(now=at)
    assert report.cases == 0
    assert len(large) == len(small) <= 8


def test_the_query_never_leaves_out_a_case_whose_notice_is_due(service):
    """The sweep's query reads only deadlines up to a reminder horizon and escalations up to a
    run-out bound; every few hours over two weeks around Easter, on a working-day calendar (GB)
    and a calendar-day one (US Medicaid, holidays of North Carolina), no due notice falls
    outside them."""
    us = CommissionerFactory(country="US", subdivision="NC", timezone="America/New_York")
    ResponsePolicy.objects.create(commissioner=us, name="Medicaid",
                                  rules=preset_rules("us_medicaid_438_408"))
    us_service = ServiceFactory(provider=ProviderFactory(commissioners=[us]))
    # The bounds come from the policies the open cases carry.
    snapshots = [new_case(service, "bounds-gb").policy, new_case(us_service, "bounds-us").policy]
    assert snapshots[1]["escalate_after_overdue"] == [5, "calendar_days"]
    start = local(2026, 3, 27, 0, 0)
    for step in range(0, 16 * 24, 5):
        now = start + timedelta(hours=step)
        sweep = _Sweep(now)
        horizon = sweep._reminder_horizon()
        run_out = sweep._run_out_before(OPEN_STATES, "escalate_after_overdue")
        for snapshot in snapshots:
            calendar = snapshot_calendar(snapshot)
            margin = snapshot_duration(snapshot, "escalate_after_overdue")
            for offset in range(-12 * 24, 6 * 24, 5):
                due = now + timedelta(hours=offset, minutes=7)
                if due >= now and sweep._reminder_due(SimpleNamespace(policy=snapshot),
                                                      calendar, due):
                    assert due <= horizon, (now, due)
                if due_moment(received_at=due, duration=margin, calendar=calendar).at <= now:
                    assert due <= run_out, (now, due)


def test_the_command_prints_what_it_did(service, org, capsys):
    new_case(service, "command")
    call_command("sweep_deadlines", "--now", "2026-03-06T10:00:00+00:00")
    out = capsys.readouterr().out
    assert "overdue: 1" in out and "manager notices: 1" in out
    call_command("sweep_deadlines", "--now", "2026-03-06T10:05")   # the site's time zone
    assert "overdue: 0" in capsys.readouterr().out
    with pytest.raises(CommandError, match="ISO 8601"):
        call_command("sweep_deadlines", "--now", "Friday")


@contextmanager
def writers_wait_their_turn(tmp_path):
    """Yield the setup each sweeping thread runs first.

    On PostgreSQL, nothing: each thread's connection is a real concurrent session. Django's SQLite
    test database lives in memory with a shared cache, where a second writer fails at once
    ("table is locked") instead of waiting; the portal's SQLite is a file in WAL mode whose
    writers wait their turn (IMMEDIATE transactions, 20 s timeout). So on SQLite the threads sweep
    a file copy of the test database, which is copied back for the assertions.
    """
    if connection.vendor != "sqlite":
        yield lambda: None
        return
    path = str(tmp_path / "sweep.sqlite3")
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    connection.connection.backup(copy)
    copy.execute("PRAGMA journal_mode=WAL")  # now, not as both threads first connect
    copy.close()

    def use_the_file():
        connection.settings_dict = {**connection.settings_dict, "NAME": path}

    try:
        yield use_the_file
    finally:
        copy = sqlite3.connect(path)
        copy.backup(connection.connection)
        copy.close()


@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_send_each_notice_exactly_once(tmp_path):
    service = ServiceFactory()
    org = people(service)
    cases = [new_case(service, f"race-{n}") for n in range(4)]
    at = local(2026, 4, 9, 10, 0)
    barrier, reports, errors = threading.Barrier(2), [], []

    def run(setup):
        try:
            setup()
            barrier.wait(timeout=10)
            reports.append(sweep_run(now=at))
        except Exception as error:  # surfaced below; a thread cannot fail the test itself
            errors.append(error)
        finally:
            connection.close()

    with writers_wait_their_turn(tmp_path) as setup:
        threads = [threading.Thread(target=run, args=(setup,)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert errors == [] and len(reports) == 2
    total = {key: sum(r.counts()[key] for r in reports) for key in reports[0].counts()}
    assert (total["overdue"], total["late_notices"], total["manager_notices"],
            total["escalations"], total["commissioner_notices"]) == (8, 4, 8, 4, 4)
    for case in cases:
        assert len(events(case, EventAction.MARKED_OVERDUE)) == 2
        assert len(events(case, EventAction.ESCALATED)) == 1
        swept = OutboxEmail.objects.filter(case=case).exclude(purpose="receipt").exclude(
            subject__startswith="New feedback")
        assert sorted(swept.values_list("to", flat=True)) == sorted(
            [f"{case.contact_email}", org.manager.email, org.manager.email,
             org.commissioner.email])
    assert Notice.objects.count() == 4 * 6  # two deadlines × (mark, managers), escalation × 2
