"""Cases, their append-only event log, the conversation, callbacks and the email outbox."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Commissioner, Provider, Service

from .workflow import OPEN_STATES, ActorKind, State


class Kind(models.TextChoices):
    COMPLIMENT = "compliment", _("Compliment")
    SUGGESTION = "suggestion", _("Suggestion")
    CONCERN = "concern", _("Concern")
    COMPLAINT = "complaint", _("Complaint")


class IdentityMode(models.TextChoices):
    NAMED_ACCOUNT = "named_account", _("Use my account")
    NAMED_CONTACT = "named_contact", _("Give my name and email")
    ANONYMOUS_RECEIPT = "anonymous_receipt", _("Stay anonymous, with a receipt code")
    ANONYMOUS_NO_CONTACT = "anonymous_no_contact", _("Stay anonymous, with no way to follow up")


ANONYMOUS_MODES = (IdentityMode.ANONYMOUS_RECEIPT, IdentityMode.ANONYMOUS_NO_CONTACT)


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state__in=OPEN_STATES)


class Case(models.Model):
    """One piece of feedback and everything that happens to it."""

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="cases",
                                verbose_name=_("service"))
    # Copied from the service when received, so moving a service never moves its past cases.
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="cases",
                                 verbose_name=_("provider"))
    commissioner = models.ForeignKey(Commissioner, on_delete=models.PROTECT, related_name="cases",
                                     verbose_name=_("commissioner"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    state = models.CharField(_("state"), max_length=20, choices=State.choices,
                             default=State.SUBMITTED)
    identity_mode = models.CharField(_("identity"), max_length=30, choices=IdentityMode.choices)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES,
                                default=settings.LANGUAGE_CODE)

    what_happened = models.TextField(_("what happened"))
    when_happened = models.DateField(_("when it happened"), null=True, blank=True)
    desired_outcome = models.TextField(_("outcome wanted"), blank=True)
    on_behalf_relationship = models.CharField(_("written on behalf of someone, as their"),
                                              max_length=100, blank=True)

    # Identity: only ever filled for the named modes (a check constraint holds this).
    submitter = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="cases",
                                  verbose_name=_("submitted by"))
    contact_name = models.CharField(_("name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("email"), blank=True)
    share_name = models.BooleanField(_("name shared with the provider"), default=False)

    urgent = models.BooleanField(_("urgent"), default=False)
    urgent_reported = models.BooleanField(_("person said something urgent is happening"),
                                          default=False)
    risk_terms = models.JSONField(_("risk words found"), default=list, blank=True)
    worried_about_reaction = models.BooleanField(
        _("worried about how the provider may react"), default=False)

    # Keyed hashes only: the receipt code and the submission token are never stored.
    receipt_hash = models.CharField(max_length=64, unique=True, null=True, blank=True,
                                    editable=False)
    submission_key = models.CharField(max_length=64, unique=True, editable=False)
    receipt_kept = models.BooleanField(_("person said they kept the receipt code"), default=False)

    received_at = models.DateTimeField(_("received"), default=timezone.now)
    # The response policy in force when received, copied so later changes never rewrite deadlines.
    policy = models.JSONField(_("response policy"), default=dict)
    acknowledge_due_at = models.DateTimeField(_("acknowledge by"), null=True, blank=True)
    respond_due_at = models.DateTimeField(_("respond by"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.CheckConstraint(condition=Q(state__in=State.values), name="case_state_known"),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="case_kind_known"),
            models.CheckConstraint(condition=Q(identity_mode__in=IdentityMode.values),
                                   name="case_identity_mode_known"),
            # Anonymous cases can never hold an account, a name or an email.
            models.CheckConstraint(
                condition=~Q(identity_mode__in=ANONYMOUS_MODES)
                | (Q(submitter__isnull=True) & Q(contact_name="") & Q(contact_email="")
                   & Q(share_name=False)),
                name="case_anonymous_holds_no_identity",
            ),
            models.CheckConstraint(
                condition=~Q(identity_mode=IdentityMode.ANONYMOUS_NO_CONTACT)
                | Q(receipt_hash__isnull=True),
                name="case_no_contact_has_no_receipt",
            ),
        ]
        indexes = [
            models.Index(fields=["provider", "state", "respond_due_at"], name="case_inbox_idx"),
        ]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("feedback:track_case", kwargs={"reference": self.reference})

    @property
    def is_anonymous(self) -> bool:
        return self.identity_mode in ANONYMOUS_MODES

    @property
    def timezone_name(self) -> str:
        """The time zone of the commissioner's calendar: dates are shown as the provider counts them."""
        return (self.policy or {}).get("calendar", {}).get("timezone") or settings.TIME_ZONE

    @property
    def can_follow_up(self) -> bool:
        return self.identity_mode != IdentityMode.ANONYMOUS_NO_CONTACT

    @property
    def email_for_notices(self) -> str:
        """Where the person wants to hear from us, or "" when they gave no address."""
        if self.identity_mode == IdentityMode.NAMED_CONTACT:
            return self.contact_email
        if self.identity_mode == IdentityMode.NAMED_ACCOUNT and self.submitter_id:
            return self.submitter.email
        return ""

    @property
    def person_name(self) -> str:
        if self.identity_mode == IdentityMode.NAMED_CONTACT:
            return self.contact_name
        if self.identity_mode == IdentityMode.NAMED_ACCOUNT and self.submitter_id:
            return self.submitter.display_name
        return ""


class EventAction(models.TextChoices):
    SUBMITTED = "submitted", _("Feedback received")
    STATE_CHANGED = "state_changed", _("State changed")
    RECEIPT_KEPT = "receipt_kept", _("Receipt code kept")
    MESSAGE_FROM_PERSON = "message_from_person", _("Message from the person")
    MESSAGE_TO_PERSON = "message_to_person", _("Message to the person")
    INTERNAL_NOTE = "internal_note", _("Internal note")
    CALLBACK_REQUESTED = "callback_requested", _("Callback requested")


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


class Visibility(models.TextChoices):
    TO_PERSON = "to_person", _("Visible to the person")
    INTERNAL = "internal", _("Internal note")


class Message(models.Model):
    """One message in a case's thread, to or from the person, or an internal note."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="messages")
    author_kind = models.CharField(max_length=20, choices=ActorKind.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    visibility = models.CharField(max_length=20, choices=Visibility.choices,
                                  default=Visibility.TO_PERSON)
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

    class Meta:
        ordering = ["requested_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} callback {self.requested_at:%Y-%m-%d}"


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to send")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Gave up")


class OutboxEmail(models.Model):
    """An email written in the same transaction as its cause, sent later by a task."""

    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="emails")
    purpose = models.CharField(max_length=40)
    to = models.EmailField()
    language = models.CharField(max_length=10, default=settings.LANGUAGE_CODE)
    subject = models.CharField(max_length=250)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=OutboxStatus.choices,
                              default=OutboxStatus.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx")]

    def __str__(self) -> str:
        return f"{self.purpose} → {self.to} ({self.status})"
