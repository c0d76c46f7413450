"""Background tasks, run by the django-tasks worker (`manage.py db_worker`)."""

from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import OutboxEmail, OutboxStatus

# Back off 1, 2, 4 … minutes, up to about a day in all, before giving up and leaving the email
# for an administrator to see; the row is never deleted.
MAX_ATTEMPTS = 12


def retry_delay(attempts: int) -> timedelta:
    return timedelta(minutes=min(2 ** (attempts - 1), 6 * 60))


@task()
def outbox_send(*, email_id: int) -> str:
    """Send one outbox email if it is still waiting and due; schedule a retry if sending fails."""
    with transaction.atomic():
        email = (OutboxEmail.objects.select_for_update()
                 .filter(pk=email_id, status=OutboxStatus.PENDING).first())
        if email is None:
            return "not pending"
        now = timezone.now()
        if email.next_attempt_at > now:
            return "not due"
        message = EmailMultiAlternatives(subject=email.subject, body=email.body_text, to=[email.to])
        if email.body_html:
            message.attach_alternative(email.body_html, "text/html")
        email.attempts += 1
        try:
            message.send()
        except Exception as error:  # any ESP failure: keep the email and try again later
            email.last_error = f"{type(error).__name__}: {error}"[:2000]
            if email.attempts >= MAX_ATTEMPTS:
                email.status = OutboxStatus.FAILED
            else:
                email.next_attempt_at = now + retry_delay(email.attempts)
            email.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
            if email.status == OutboxStatus.PENDING:
                retry_at = email.next_attempt_at
                transaction.on_commit(
                    lambda: outbox_send.using(run_after=retry_at).enqueue(email_id=email_id))
            return "retry"
        email.status = OutboxStatus.SENT
        email.sent_at = now
        email.last_error = ""
        email.save(update_fields=["attempts", "status", "sent_at", "last_error"])
        return "sent"


def outbox_flush(*, now=None) -> int:
    """Send every pending email that is due, e.g. after the worker was down; returns how many."""
    now = now or timezone.now()
    due = OutboxEmail.objects.filter(status=OutboxStatus.PENDING, next_attempt_at__lte=now)
    sent = 0
    for email_id in due.values_list("pk", flat=True):
        if outbox_send.call(email_id=email_id) == "sent":
            sent += 1
    return sent
