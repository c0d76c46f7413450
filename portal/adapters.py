"""Account behaviour: new accounts take the language the person is using; account emails
(verification, password reset) are written in the recipient's language and go through the portal's
outbox like every other email; allauth's messages are replaced by the portal's own words."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

# Django's password validators, by error code, in the portal's words (their own say "This password
# is too short. It must contain at least 10 characters." in France French).
PASSWORD_PROBLEMS = {
    "password_too_common": _("This password is too common, so it is easy to guess. Choose "
                             "another one."),
    "password_entirely_numeric": _("A password cannot be only numbers. Add some letters."),
    "password_too_similar": _("This password is too close to your email address or name. "
                              "Choose another one."),
}


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _("The email address or the password is not right. Check "
                                     "them and try again."),
        "too_many_login_attempts": _("Too many tries to sign in. For your safety, wait a few "
                                     "minutes and then try again."),
        "rate_limited": _("Too many tries. For your safety, wait a few minutes and then try "
                          "again."),
        "enter_current_password": _("This is not your current password. Try again."),
        "incorrect_password": _("This password is not right. Try again."),
        "duplicate_email": _("This email address is already on your account."),
    }

    def save_user(self, request, user, form, commit=True):
        user.language = translation.get_language() or user.language
        return super().save_user(request, user, form, commit=commit)

    def clean_password(self, password, user=None):
        try:
            return super().clean_password(password, user=user)
        except ValidationError as error:
            raise ValidationError([self._password_problem(problem)
                                   for problem in error.error_list]) from error

    @staticmethod
    def _password_problem(problem: ValidationError) -> ValidationError:
        if problem.code == "password_too_short":
            shortest = (problem.params or {}).get("min_length", 0)
            message = ngettext(
                "This password is too short. Use at least %(count)d character.",
                "This password is too short. Use at least %(count)d characters.",
                shortest) % {"count": shortest}
            return ValidationError(message, code=problem.code)
        if problem.code in PASSWORD_PROBLEMS:
            return ValidationError(PASSWORD_PROBLEMS[problem.code], code=problem.code)
        return problem

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        from feedback.notifications import outbox_write

        request = allauth_context.request
        language = self.recipient_language(email, context)
        with translation.override(language):
            message = self.render_mail(template_prefix, email, {
                "request": request, "email": email, "current_site": get_current_site(request),
                **context,
            })
        html = next((body for body, kind in getattr(message, "alternatives", [])
                     if kind == "text/html"), "")
        outbox_write(to=email, purpose=template_prefix.rsplit("/", 1)[-1],
                     language=language, subject=message.subject,
                     body_text=message.body, body_html=html)

    @staticmethod
    def recipient_language(email: str, context: dict) -> str:
        """The language of the account the email goes to, else the language of the page: a
        password reset asked for from an English page still reaches a French reader in French."""
        from allauth.account.utils import filter_users_by_email

        user = context.get("user")
        if getattr(user, "pk", None) is None:
            user = next(iter(filter_users_by_email(email)), None)
        return (getattr(user, "language", "") or translation.get_language()
                or settings.LANGUAGE_CODE)


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "incorrect_code": _("This code is not right. Check it and try again."),
        "unverified_email": _("Confirm your email address before you turn on two-step "
                              "sign-in."),
        "add_email_blocked": _("You cannot add an email address while two-step sign-in is "
                               "on."),
        "cannot_delete_authenticator": _("You cannot turn off two-step sign-in."),
        "cannot_generate_recovery_codes": _("Turn on two-step sign-in before you make "
                                            "recovery codes."),
    }

    def get_totp_issuer(self) -> str:
        # The name the authenticator app shows beside the code: the portal's, not the host's.
        return gettext("Feedback portal")
