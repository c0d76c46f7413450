"""The account forms (sign in, sign up, passwords, email addresses, two-step sign-in codes):
allauth's forms in the portal's own words, with every error beside the box it is about.

The pages render each box with includes/field.html and list every error in the error summary;
`ACCOUNT_FORMS` and `MFA_FORMS` in settings point allauth at these classes.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from allauth.account import forms as account_forms
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.totp import forms as totp_forms
from django import forms
from django.contrib.auth.password_validation import (
    MinimumLengthValidator,
    get_default_password_validators,
)
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

ENTER_EMAIL = _("Enter your email address.")
ENTER_VALID_EMAIL = _("Enter an email address like name@example.com.")
ENTER_PASSWORD = _("Enter your password.")
PASSWORDS_DIFFER = _("The two passwords are not the same. Type them again.")
CODE_HINT = _("The 6-digit code your authenticator app shows now, or one of your recovery codes.")


def password_hint() -> str:
    """What makes a good password, with the shortest length the validators accept."""
    shortest = max((v.min_length for v in get_default_password_validators()
                    if isinstance(v, MinimumLengthValidator)), default=1)
    return ngettext(
        "Use at least %(count)d character. Three random words you will remember work well.",
        "Use at least %(count)d characters. Three random words you will remember work well.",
        shortest) % {"count": shortest}


@dataclass(frozen=True)
class Words:
    """A box's label, hint (or a function giving it) and error messages by Django error code."""

    label: str
    hint: str | Callable[[], str] = ""
    errors: dict = field(default_factory=dict)


EMAIL = Words(_("Email address"), errors={"required": ENTER_EMAIL, "invalid": ENTER_VALID_EMAIL})
NEW_PASSWORD = Words(_("New password"), hint=password_hint,
                     errors={"required": _("Enter a new password.")})
NEW_PASSWORD_AGAIN = Words(_("Type the new password again"),
                           errors={"required": _("Type the new password again.")})
AUTHENTICATOR_CODE = Words(_("Code"), hint=CODE_HINT, errors={"required": _("Enter the code.")})


class AccountForm:
    """Give allauth's boxes the portal's `wording`; drop placeholders (they vanish as you type and
    repeat the label); point each box at the hint and error includes/field.html shows beside it."""

    wording: dict[str, Words] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, box in self.fields.items():
            box.widget.attrs.pop("placeholder", None)
            words = self.wording.get(name)
            if words is None:
                continue
            box.label = words.label
            box.help_text = words.hint() if callable(words.hint) else words.hint
            box.error_messages.update(words.errors)
        self._describe()

    def full_clean(self):
        super().full_clean()
        self._describe()

    def add_error(self, field_name, error):
        # The only words allauth adds as plain text to the second password box say the two differ.
        if field_name == "password2" and not isinstance(error, forms.ValidationError):
            error = forms.ValidationError(PASSWORDS_DIFFER, code="password_mismatch")
        super().add_error(field_name, error)

    def _describe(self):
        # The ids includes/field.html gives the hint and the error; Django's own error id differs.
        for name, box in self.fields.items():
            auto_id = self.auto_id % self.add_prefix(name)
            ids = [f"{auto_id}_helptext"] if box.help_text else []
            if self.is_bound and getattr(self, "_errors", None) and name in self._errors:
                ids.append(f"{auto_id}-error")
            if ids:
                box.widget.attrs["aria-describedby"] = " ".join(ids)
            else:
                box.widget.attrs.pop("aria-describedby", None)


class LoginForm(AccountForm, account_forms.LoginForm):
    wording = {
        "login": EMAIL,
        "password": Words(_("Password"), errors={"required": ENTER_PASSWORD}),
        "remember": Words(_("Keep me signed in on this device")),
    }

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError as error:
            if error.code != "email_password_mismatch":
                raise
            # About the pair, but the password is the box that comes back empty to type again.
            self.add_error("password", error)
            return self.cleaned_data


class SignupForm(AccountForm, account_forms.SignupForm):
    wording = {
        "email": Words(_("Email address"), hint=_("We will send you a link to confirm it."),
                       errors=EMAIL.errors),
        "password1": Words(_("Create a password"), hint=password_hint,
                           errors={"required": _("Create a password.")}),
        "password2": Words(_("Type the password again"),
                           errors={"required": _("Type the password again.")}),
    }


class ResetPasswordForm(AccountForm, account_forms.ResetPasswordForm):
    wording = {"email": EMAIL}


class ResetPasswordKeyForm(AccountForm, account_forms.ResetPasswordKeyForm):
    wording = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD_AGAIN}


class ChangePasswordForm(AccountForm, account_forms.ChangePasswordForm):
    wording = {
        "oldpassword": Words(_("Current password"),
                             errors={"required": _("Enter your current password.")}),
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD_AGAIN,
    }


class SetPasswordForm(AccountForm, account_forms.SetPasswordForm):
    wording = {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD_AGAIN}


class AddEmailForm(AccountForm, account_forms.AddEmailForm):
    wording = {"email": EMAIL}


class ReauthenticateForm(AccountForm, account_forms.ReauthenticateForm):
    wording = {"password": Words(_("Password"), errors={"required": ENTER_PASSWORD})}


class AuthenticateForm(AccountForm, mfa_forms.AuthenticateForm):
    wording = {"code": AUTHENTICATOR_CODE}


class MFAReauthenticateForm(AccountForm, mfa_forms.ReauthenticateForm):
    wording = {"code": AUTHENTICATOR_CODE}


class ActivateTOTPForm(AccountForm, totp_forms.ActivateTOTPForm):
    wording = {"code": Words(_("Code from your authenticator app"),
                             hint=_("6 digits. A new code shows every 30 seconds."),
                             errors={"required": _("Enter the code.")})}
