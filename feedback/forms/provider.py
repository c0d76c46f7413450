"""Forms for provider staff pages: the inbox filters and the actions on a case page.

Each case-page form has its own prefix, so several can sit on one page with unique ids and the
error summary can link to the right field.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import CallbackResult, Kind, Outcome
from ..selectors.provider import InboxFilters
from ..vocabulary import State
from .fields import FreeTextField
from .public import REPLY_MAX, TOO_LONG

MESSAGE_MAX = 10_000

# Every state a provider can see: "submitted" lasts no time and moderation is hidden from them.
INBOX_STATES = [(value, label) for value, label in State.choices
                if value not in (State.SUBMITTED, State.IN_MODERATION)]


class DescribedForm(forms.Form):
    """Point each box at its hint and error by the ids includes/field.html gives them, so screen
    readers read both (Django's own `_helptext` id is not on the page)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._describe()

    def full_clean(self):
        super().full_clean()
        self._describe()

    def _describe(self):
        for name, field in self.fields.items():
            # The id BoundField.auto_id gives, worked out without creating (and caching) the
            # bound field, so labels set later in a subclass's __init__ still show.
            auto_id = self.auto_id % self.add_prefix(name)
            ids = [f"{auto_id}-hint"] if field.help_text else []
            if self.is_bound and getattr(self, "_errors", None) and name in self._errors:
                ids.append(f"{auto_id}-error")
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
            else:
                field.widget.attrs.pop("aria-describedby", None)


class InboxFilterForm(forms.Form):
    """The inbox's GET filters; an unknown value falls back to "any" rather than failing."""

    provider = forms.TypedChoiceField(label=_("Provider"), required=False, coerce=int,
                                      empty_value=None)
    state = forms.ChoiceField(
        label=_("State"), required=False,
        choices=[("open", _("Open")), ("all", _("Any state")),
                 *INBOX_STATES])
    kind = forms.ChoiceField(label=_("Kind"), required=False,
                             choices=[("", _("Any kind")), *Kind.choices])
    service = forms.TypedChoiceField(label=_("Service"), required=False, coerce=int,
                                     empty_value=None)
    assignee = forms.ChoiceField(label=_("Assigned to"), required=False)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    urgent = forms.BooleanField(label=_("Urgent only"), required=False)
    callback = forms.BooleanField(label=_("Waiting for a callback only"), required=False)

    def __init__(self, *args, providers=(), services=(), colleagues=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provider"].choices = [(p.pk, p.name) for p in providers]
        self.fields["service"].choices = [("", _("Any service")),
                                          *[(s.pk, s.label) for s in services]]
        self.fields["assignee"].choices = [
            ("", _("Anyone or nobody")), ("me", _("Me")), ("none", _("Nobody yet")),
            *[(str(user.pk), user.display_name) for user in colleagues]]

    def filters(self) -> InboxFilters:
        """The valid part of what was asked for, as the selector's filters."""
        self.is_valid()
        data = self.cleaned_data
        return InboxFilters(state=data.get("state") or "open", kind=data.get("kind") or "",
                            service=data.get("service"), assignee=data.get("assignee") or "",
                            overdue=bool(data.get("overdue")), urgent=bool(data.get("urgent")),
                            callback=bool(data.get("callback")))


def _message_field(label, help_text="", rows=6, required_message=None):
    return FreeTextField(
        label=label, help_text=help_text, widget=forms.Textarea(attrs={"rows": rows}),
        max_length=MESSAGE_MAX, strip=True,
        error_messages={"required": required_message or _("Write the message before sending."),
                        "max_length": TOO_LONG})


class AcknowledgeForm(DescribedForm):
    body = _message_field(
        _("Your message"),
        _("A standard text in the person's language. Change anything you need before sending."),
        rows=7)
    agreed_date = forms.DateField(
        label=_("Agreed response date (optional)"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a real date, for example 2026-03-14.")})

    def __init__(self, *args, agreed_latest=None, **kwargs):
        super().__init__(*args, **kwargs)
        if agreed_latest is None:
            # The policy does not let staff agree a date: the field is not offered at all.
            del self.fields["agreed_date"]
        else:
            self.fields["agreed_date"].help_text = _(
                "If you agreed a date with the person, it becomes the deadline. It can be at most "
                "%(date)s. Put the same date in the message.") % {"date": agreed_latest}
            self._describe()


class ReplyToPersonForm(DescribedForm):
    body = _message_field(_("Your message"),
                          _("The person reads this on their page and, if they gave an email, "
                            "gets an email saying there is a new message."))


class QuestionForm(DescribedForm):
    body = _message_field(
        _("Your question"),
        _("Asking a question pauses the clock for your answer until the person replies (up to "
          "the limit the policy allows). Ask only what you need to answer them."), rows=4,
        required_message=_("Write the question before sending."))


class NoteForm(DescribedForm):
    body = _message_field(_("Your note"),
                          _("Only your colleagues and the commissioner can read it. The person "
                            "never sees it."), rows=4,
                          required_message=_("Write the note before saving."))


class AssignForm(DescribedForm):
    assignee = forms.ChoiceField(label=_("Assign to"),
                                 error_messages={"invalid_choice": _("Choose a colleague.")})

    def __init__(self, *args, colleagues=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].choices = [
            ("none", _("Nobody")), *[(str(user.pk), user.display_name) for user in colleagues]]


class ExtensionForm(DescribedForm):
    amount = forms.IntegerField(
        label=_("How much more time"), min_value=1, max_value=400,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"required": _("Enter how much more time you need."),
                        "invalid": _("Enter a whole number."),
                        "min_value": _("Ask for at least 1."),
                        "max_value": _("That is more than any policy allows.")})
    reason = FreeTextField(
        label=_("Reason"), help_text=_("The person will read this reason with the new date."),
        widget=forms.Textarea(attrs={"rows": 3}), max_length=REPLY_MAX, strip=True,
        error_messages={"required": _("Give the reason: the person will read it."),
                        "max_length": TOO_LONG})

    def __init__(self, *args, unit_label="", **kwargs):
        super().__init__(*args, **kwargs)
        if unit_label:
            self.fields["amount"].label = _("How much more time, in %(unit)s") % {
                "unit": unit_label}


class ExtensionDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("refuse", _("Refuse"))],
                                 error_messages={"required": _("Approve or refuse.")})


class OutcomeForm(DescribedForm):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices,
                                widget=forms.RadioSelect,
                                error_messages={"required": _("Choose an outcome.")})
    actions_taken = FreeTextField(
        label=_("Actions taken (optional)"), required=False,
        widget=forms.Textarea(attrs={"rows": 4}), max_length=MESSAGE_MAX, strip=True,
        help_text=_("What was done about it: apologies, changes, training, nothing."),
        error_messages={"max_length": TOO_LONG})
    service_changed = forms.BooleanField(label=_("A change was made to the service"),
                                         required=False)


class CallbackAttemptForm(DescribedForm):
    result = forms.ChoiceField(label=_("What happened?"), choices=CallbackResult.choices,
                               widget=forms.RadioSelect,
                               error_messages={"required": _("Choose what happened.")})
    note = FreeTextField(label=_("Note (optional)"), required=False,
                         widget=forms.Textarea(attrs={"rows": 2}), max_length=REPLY_MAX,
                         strip=True, error_messages={"max_length": TOO_LONG})


class ReopenForm(DescribedForm):
    reason = FreeTextField(
        label=_("Why reopen it?"),
        help_text=_("For example: the person wrote back and something is still not right."),
        widget=forms.Textarea(attrs={"rows": 2}), max_length=REPLY_MAX, strip=True,
        error_messages={"required": _("Say why you are reopening the case."),
                        "max_length": TOO_LONG})


class ConfirmForm(forms.Form):
    """An action with nothing to fill in (take, resume, resolve): the button is the form."""
