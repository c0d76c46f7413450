"""The thread of a case and the phone calls the person asked for."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..vocabulary import ActorKind
from .cases import Case


class Visibility(models.TextChoices):
    TO_PERSON = "to_person", _("Visible to the person")
    INTERNAL = "internal", _("Internal note")


class Purpose(models.TextChoices):
    REPLY = "reply", _("Reply")
    ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement")
    QUESTION = "question", _("Question to the person")
    NOTICE = "notice", _("Notice")


class Message(models.Model):
    """One message in a case's thread, to or from the person, or an internal note."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    author_kind = models.CharField(max_length=20, choices=ActorKind.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    visibility = models.CharField(max_length=20, choices=Visibility.choices,
                                  default=Visibility.TO_PERSON)
    # Only a reply counts as the first response; an acknowledgement, a question or a notice of
    # a new date does not answer the person.
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.REPLY)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(author_kind=ActorKind.PERSON) | Q(visibility="to_person"),
                name="message_from_person_is_visible",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.author_kind} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def from_person(self) -> bool:
        return self.author_kind == ActorKind.PERSON


class CallbackStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    DONE = "done", _("Called back")
    CANCELLED = "cancelled", _("Cancelled")


class CallbackRequest(models.Model):
    """The person asked to be phoned back. The number is erased when the case closes."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="callbacks")
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    good_times = models.CharField(_("good times to call"), max_length=200, blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField(_("call back by"), null=True, blank=True)
    status = models.CharField(max_length=20, choices=CallbackStatus.choices,
                              default=CallbackStatus.REQUESTED)
    completed_at = models.DateTimeField(null=True, blank=True)
    phone_erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "id"]
        # The inbox's "callback waiting" flag looks only at callbacks still waiting.
        indexes = [models.Index(fields=["case"], condition=Q(status="requested"),
                                name="callback_waiting_idx")]

    def __str__(self) -> str:
        return f"{self.case_id} callback {self.requested_at:%Y-%m-%d}"



class CallbackResult(models.TextChoices):
    REACHED = "reached", _("Spoke with the person")
    NO_ANSWER = "no_answer", _("No answer")
    LEFT_MESSAGE = "left_message", _("Left a message")
    WRONG_NUMBER = "wrong_number", _("Wrong number")


class CallbackAttempt(models.Model):
    """One try at phoning the person back, and what happened."""

    callback = models.ForeignKey(CallbackRequest, on_delete=models.CASCADE,
                                 related_name="attempts")
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                           related_name="+")
    result = models.CharField(_("result"), max_length=20, choices=CallbackResult.choices)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.callback_id} {self.result}"
