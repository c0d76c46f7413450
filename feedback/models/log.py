"""The append-only event log and the record of who opened which case."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..vocabulary import ActorKind
from .cases import Case


class EventAction(models.TextChoices):
    SUBMITTED = "submitted", _("Feedback received")
    STATE_CHANGED = "state_changed", _("State changed")
    RECEIPT_KEPT = "receipt_kept", _("Receipt code kept")
    MESSAGE_FROM_PERSON = "message_from_person", _("Message from the person")
    MESSAGE_TO_PERSON = "message_to_person", _("Message to the person")
    INTERNAL_NOTE = "internal_note", _("Internal note")
    CALLBACK_REQUESTED = "callback_requested", _("Callback requested")
    CALLBACK_ATTEMPT = "callback_attempt", _("Callback attempted")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    ASSIGNED = "assigned", _("Assigned")
    EXTENSION_REQUESTED = "extension_requested", _("Extension requested")
    EXTENSION_DECIDED = "extension_decided", _("Extension decided")
    EXTENSION_REFUSED = "extension_refused", _("Late extension refused")
    EXTENSION_WITHDRAWN = "extension_withdrawn", _("Extension withdrawn")
    CLOCK_PAUSED = "clock_paused", _("Clock paused: waiting for the person")
    CLOCK_RESUMED = "clock_resumed", _("Clock resumed")
    OUTCOME_RECORDED = "outcome_recorded", _("Outcome recorded")
    REMINDER_SENT = "reminder_sent", _("Reminder sent")
    MARKED_OVERDUE = "marked_overdue", _("Marked overdue")
    # The sweep's alert when an answer is overdue by the policy's margin; the state is unchanged.
    ESCALATED = "escalated", _("Escalated to the commissioner")
    CONTACT_ERASED = "contact_erased", _("Phone number erased")


class AppendOnlyQuerySet(models.QuerySet):
    """The event log is the audit's source of truth: the app never edits or deletes it."""

    def update(self, **kwargs):
        raise TypeError("The case event log is append-only.")

    def delete(self):
        raise TypeError("The case event log is append-only.")


class CaseEvent(models.Model):
    """One entry in a case's append-only log: who did what, when, before and after, and why."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor_kind = models.CharField(max_length=20, choices=ActorKind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=40, choices=EventAction.choices)
    from_state = models.CharField(max_length=20, blank=True)
    to_state = models.CharField(max_length=20, blank=True)
    reason = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("case event")
        verbose_name_plural = _("case events")

    def __str__(self) -> str:
        return f"{self.case_id} {self.action} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("The case event log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The case event log is append-only.")

    @classmethod
    def record(cls, *, case, actor, action, from_state="", to_state="", reason="", data=None,
               at=None):
        """Append one event for `case`, at `at` (default now); an anonymous person's events carry
        no user because their actor has none."""
        return cls.objects.create(case=case, actor_kind=actor.kind, actor=actor.user, action=action,
                                  from_state=from_state, to_state=to_state, reason=reason,
                                  data=data or {}, at=at or timezone.now())


class CaseAccess(models.Model):
    """Someone on the provider or commissioner side opened a case: who, what, when."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="accesses")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                             related_name="case_accesses")
    at = models.DateTimeField(default=timezone.now)
    what = models.CharField(max_length=40, default="case_page")

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["case", "at"], name="access_case_at_idx")]

    def __str__(self) -> str:
        return f"{self.user_id} opened {self.case_id} at {self.at:%Y-%m-%d %H:%M}"


class Notice(models.Model):
    """A deadline notice the sweep has sent (reminder, overdue, escalation): one row per case,
    kind and due moment, so running the sweep twice, or on two machines at once, sends nothing
    twice."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=40)
    due_at = models.DateTimeField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "kind", "due_at"],
                                               name="notice_once_per_deadline")]

    def __str__(self) -> str:
        return f"{self.case_id} {self.kind} {self.due_at:%Y-%m-%d %H:%M}"
