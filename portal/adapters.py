"""Account behaviour: new accounts take the language the person is using, and account emails
(verification, password reset) go through the portal's outbox like every other email."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user.language = translation.get_language() or user.language
        return super().save_user(request, user, form, commit=commit)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        from feedback.notifications import outbox_write

        request = allauth_context.request
        message = self.render_mail(template_prefix, email, {
            "request": request, "email": email, "current_site": get_current_site(request),
            **context,
        })
        html = next((body for body, kind in getattr(message, "alternatives", [])
                     if kind == "text/html"), "")
        outbox_write(to=email, purpose=template_prefix.rsplit("/", 1)[-1],
                     language=translation.get_language() or "en", subject=message.subject,
                     body_text=message.body, body_html=html)
