"""Emails are written with their cause and sent by a task; a failing email service loses nothing."""

import pytest
from django.core import mail
from django.utils import timezone

from feedback.models import Case, OutboxEmail, OutboxStatus
from feedback.services import Submission, case_submit
from feedback.tasks import MAX_ATTEMPTS, outbox_flush, outbox_send

pytestmark = pytest.mark.django_db


class FailingBackend:
    """An email backend that always fails, like an ESP that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("email service unavailable")


def named_case(service, token="t1"):
    return case_submit(submission=Submission(
        service=service, kind="complaint", what_happened="No call back.",
        identity_mode="named_contact", contact_name="Alex Morgan",
        contact_email="alex.morgan@example.org", language="en"), token=token).case


def test_failing_email_service_keeps_the_case_and_retries_later(service, settings):
    settings.EMAIL_BACKEND = "tests.feedback.test_outbox.FailingBackend"
    case = named_case(service)
    assert Case.objects.filter(pk=case.pk).exists()
    email = OutboxEmail.objects.get(case=case)
    assert outbox_send.call(email_id=email.pk) == "retry"
    email.refresh_from_db()
    assert email.status == OutboxStatus.PENDING and email.attempts == 1
    assert "unavailable" in email.last_error
    assert email.next_attempt_at > timezone.now()
    # Not due yet: nothing is tried.
    assert outbox_send.call(email_id=email.pk) == "not due"
    # The service comes back; once due, the email goes.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutboxEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
    assert outbox_flush() == 1
    email.refresh_from_db()
    assert email.status == OutboxStatus.SENT and email.attempts == 2
    assert len(mail.outbox) == 1
    # Sent once only, however often the task runs.
    assert outbox_send.call(email_id=email.pk) == "not pending"
    assert len(mail.outbox) == 1


def test_backoff_grows_and_gives_up_without_deleting(service, settings):
    settings.EMAIL_BACKEND = "tests.feedback.test_outbox.FailingBackend"
    email = OutboxEmail.objects.get(case=named_case(service))
    delays = []
    for _ in range(MAX_ATTEMPTS):
        OutboxEmail.objects.filter(pk=email.pk).update(next_attempt_at=timezone.now())
        before = timezone.now()
        outbox_send.call(email_id=email.pk)
        email.refresh_from_db()
        delays.append((email.next_attempt_at - before).total_seconds())
    assert email.status == OutboxStatus.FAILED and email.attempts == MAX_ATTEMPTS
    assert delays[1] > delays[0] and delays[2] > delays[1]


def test_email_is_queued_only_when_the_case_commits(service, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        named_case(service)
    assert len(callbacks) == 1  # the send task is enqueued after commit, not before


# The worker closes and reopens database connections between tasks as in production, which would
# throw away a test transaction: this test commits for real.
@pytest.mark.django_db(transaction=True)
def test_the_task_worker_sends_the_receipt_email(service):
    from django.core.management import call_command

    case = named_case(service, token="worker")
    assert len(mail.outbox) == 0  # queued, not sent inline
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    assert [m.to for m in mail.outbox] == [["alex.morgan@example.org"]]
    assert OutboxEmail.objects.get(case=case).status == OutboxStatus.SENT
