"""Forms for the service user's pages. Messages are plain and say how to fix the problem."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from ..models import BehalfConsent, IdentityMode, Kind
from .fields import FreeTextField

WHAT_HAPPENED_MAX = 10_000
OUTCOME_MAX = 3_000
REPLY_MAX = 5_000

IDENTITY_HELP = {
    IdentityMode.NAMED_ACCOUNT: _(
        "You sign in. You can follow your feedback on your account pages. The provider sees your "
        "name only if you tick the box below."),
    IdentityMode.NAMED_CONTACT: _(
        "You give your name and email. We email you a receipt code to follow your feedback. "
        "The provider sees your name only if you tick the box below."),
    IdentityMode.ANONYMOUS_RECEIPT: _(
        "We keep nothing about who you are. You get a receipt code: it is the only way to see "
        "the answer, so keep it safe."),
    IdentityMode.ANONYMOUS_NO_CONTACT: _(
        "We keep nothing about who you are and give you no code. The provider will read your "
        "feedback but cannot answer you."),
}


# Django fills in the field's limit and the length written.
TOO_LONG = ngettext_lazy(
    "Please shorten this to %(limit_value)d character or fewer (you wrote %(show_value)d).",
    "Please shorten this to %(limit_value)d characters or fewer (you wrote %(show_value)d).",
    "limit_value",
)


class IdentityChoiceWidget(forms.RadioSelect):

    def create_option(self, *args, **kwargs):
        option = super().create_option(*args, **kwargs)
        option["help"] = IDENTITY_HELP.get(option["value"], "")
        option["attrs"]["aria-describedby"] = f"{option['attrs'].get('id')}-help"
        return option


class FeedbackForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What kind of feedback is it?"), choices=Kind.choices, widget=forms.RadioSelect,
        error_messages={"required": _("Choose what kind of feedback this is.")})
    what_happened = FreeTextField(
        label=_("What happened?"),
        help_text=_("Tell us in your own words. You can write as much or as little as you like."),
        widget=forms.Textarea(attrs={"rows": 8}), max_length=WHAT_HAPPENED_MAX, strip=True,
        error_messages={"required": _("Tell us what happened."),
                        "max_length": TOO_LONG})
    when_happened = forms.DateField(
        label=_("When did it happen? (optional)"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a real date, for example 2026-03-14.")})
    desired_outcome = FreeTextField(
        label=_("What would you like to happen? (optional)"), required=False,
        widget=forms.Textarea(attrs={"rows": 4}), max_length=OUTCOME_MAX, strip=True,
        error_messages={"max_length": TOO_LONG})
    urgent_reported = forms.BooleanField(
        label=_("Something urgent is happening: someone may be at risk of harm"), required=False)
    on_behalf = forms.BooleanField(
        label=_("I am writing for someone else"),
        help_text=_("For example for a family member, someone you care for, or as their "
                    "advocate."),
        required=False)
    on_behalf_relationship = FreeTextField(
        label=_("Who are you to them?"), required=False, max_length=100,
        help_text=_("For example: daughter, carer, advocate."),
        error_messages={"max_length": TOO_LONG})
    on_behalf_consent = forms.ChoiceField(
        label=_("Did they agree to you writing this?"), required=False,
        choices=BehalfConsent.choices, widget=forms.RadioSelect)
    on_behalf_consent_note = FreeTextField(
        label=_("If they could not agree, tell us why"), required=False, max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: they are too unwell just now."),
        error_messages={"max_length": TOO_LONG})
    identity_mode = forms.ChoiceField(
        label=_("How do you want to be known?"), choices=IdentityMode.choices,
        widget=IdentityChoiceWidget,
        error_messages={"required": _("Choose how you want to be known.")})
    contact_name = FreeTextField(label=_("Your name"), required=False, max_length=200,
                                 error_messages={"max_length": TOO_LONG})
    contact_email = forms.EmailField(
        label=_("Your email"), required=False, max_length=254,
        error_messages={"invalid": _("Enter an email address like name@example.com.")})
    share_name = forms.BooleanField(label=_("Share my name with the provider"), required=False)
    worried_about_reaction = forms.BooleanField(
        label=_("I am worried about how the provider may react"),
        help_text=_("Your feedback goes to the commissioner's team first. They will talk with "
                    "you before the provider sees anything."),
        required=False)
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user is not None and user.is_authenticated:
            # A signed-in person has an account to use: they are not asked for a name and email
            # as if they had none.
            self.fields["identity_mode"].choices = [
                choice for choice in IdentityMode.choices
                if choice[0] != IdentityMode.NAMED_CONTACT]

    @property
    def identity_choices(self) -> list[str]:
        return [value for value, _label in self.fields["identity_mode"].choices]

    def clean_when_happened(self):
        value = self.cleaned_data.get("when_happened")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("This date is in the future. Enter the date it happened."))
        return value

    def clean(self):
        data = super().clean()
        mode = data.get("identity_mode")
        if mode == IdentityMode.NAMED_ACCOUNT and not (self.user and self.user.is_authenticated):
            self.add_error("identity_mode", forms.ValidationError(_(
                "To use your account, sign in first. Your writing is kept. "
                "Or choose another option."), code="sign_in"))
        if data.get("on_behalf"):
            if not data.get("on_behalf_relationship"):
                self.add_error("on_behalf_relationship",
                               _("Tell us who you are to the person, for example carer."))
            if not data.get("on_behalf_consent"):
                self.add_error("on_behalf_consent", _("Tell us whether they agreed."))
            elif (data["on_behalf_consent"] == BehalfConsent.NOT_POSSIBLE
                  and not data.get("on_behalf_consent_note")):
                self.add_error("on_behalf_consent_note",
                               _("Tell us why they could not agree."))
        if mode == IdentityMode.NAMED_CONTACT:
            if not data.get("contact_name"):
                self.add_error("contact_name", _("Enter your name, or choose another option."))
            if not data.get("contact_email") and "contact_email" not in self.errors:
                self.add_error("contact_email", _("Enter your email, or choose another option."))
        return data


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Your receipt code"), max_length=40,
        help_text=_("It looks like K7QM-2XD9-PH4T-8WNB. Capitals and dashes do not matter."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false",
                                      "autocapitalize": "characters"}),
        error_messages={"required": _("Enter your receipt code.")})


class ReplyForm(forms.Form):
    body = FreeTextField(
        label=_("Your reply"), widget=forms.Textarea(attrs={"rows": 5}), max_length=REPLY_MAX,
        strip=True, error_messages={"required": _("Write your reply before sending."),
                                    "max_length": TOO_LONG})


class CallbackForm(forms.Form):
    phone = forms.RegexField(
        label=_("Phone number"), max_length=40, regex=r"^[0-9+()\-. ]{6,40}$",
        error_messages={"required": _("Enter the number to call."),
                        "invalid": _("Enter a phone number using numbers, spaces and + ( ) - only.")})
    good_times = FreeTextField(
        label=_("Good times to call (optional)"), required=False, max_length=200,
        help_text=_("For example: weekday mornings, not after 4pm."),
        error_messages={"max_length": TOO_LONG})


class EscalateForm(forms.Form):
    reason = FreeTextField(
        label=_("Why are you not satisfied? (optional)"), required=False,
        widget=forms.Textarea(attrs={"rows": 4}), max_length=REPLY_MAX, strip=True,
        help_text=_("The commissioner pays for this service and checks how it treats people. "
                    "They will read your feedback and the provider's answer."),
        error_messages={"max_length": TOO_LONG})
