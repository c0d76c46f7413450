"""The email outbox: every email is written in the same transaction as the change that causes it,
and a task sends it after commit. A failing email service delays a message, never loses it."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import OutboxEmail


def email_queue(*, to: str, purpose: str, language: str, context: dict, case=None) -> OutboxEmail:
    """Write one email to the outbox in `language` and send it once the transaction commits.

    Templates live at `feedback/emails/<purpose>_subject.txt`, `<purpose>.txt` and `<purpose>.html`.
    """
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = render_to_string(f"feedback/emails/{purpose}_subject.txt", context)
        body_text = render_to_string(f"feedback/emails/{purpose}.txt", context)
        body_html = render_to_string(f"feedback/emails/{purpose}.html", context)
    return outbox_write(to=to, purpose=purpose, language=language, subject=subject,
                        body_text=body_text, body_html=body_html, case=case)


def outbox_write(*, to: str, purpose: str, language: str, subject: str, body_text: str,
                 body_html: str = "", case=None) -> OutboxEmail:
    """Store an already written email in the outbox; the task sends it after commit."""
    from .tasks import outbox_send

    email = OutboxEmail.objects.create(
        case=case, purpose=purpose, to=to, language=language,
        subject=" ".join(subject.split()), body_text=body_text, body_html=body_html,
    )
    transaction.on_commit(lambda: outbox_send.enqueue(email_id=email.pk))
    return email


def person_notify(*, case, event: str, **context) -> OutboxEmail | None:
    """Tell the person something changed on their case, in their language, if they gave an email.

    Anonymous people gave no address, so they see the change when they next use their code.
    """
    to = case.email_for_notices
    if not to:
        return None
    return email_queue(to=to, purpose="person_update", language=case.language, case=case,
                       context={"case": case, "event": event, **context})


def staff_notify(*, case, users, event: str, to_provider: bool = True,
                 **context) -> list[OutboxEmail]:
    """Tell provider or commissioner people about a case, each in their own language.

    Staff emails carry the reference, service and dates only: never the person's words or
    identity, which stay behind the signed-in case page. Provider people get a link to that page;
    commissioners (`to_provider=False`) have no case page yet.
    """
    case_url = reverse("provider:case", kwargs={"reference": case.reference}) if to_provider else ""
    return [email_queue(to=user.email, purpose="staff_notice", language=user.language, case=case,
                        context={"case": case, "event": event, "recipient": user,
                                 "case_url": case_url, **context})
            for user in users if user.email]
