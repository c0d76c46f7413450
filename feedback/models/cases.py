"""Cases: one piece of feedback, who gave it, its deadlines and how it ended."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Commissioner, Provider, Service

from ..vocabulary import OPEN_STATES, State


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


class Outcome(models.TextChoices):
    UPHELD = "upheld", _("Upheld")
    PARTLY_UPHELD = "partly_upheld", _("Partly upheld")
    NOT_UPHELD = "not_upheld", _("Not upheld")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class BehalfConsent(models.TextChoices):
    AGREED = "agreed", _("They agreed to me writing this")
    NOT_POSSIBLE = "not_possible", _("They could not agree")


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state__in=OPEN_STATES)

    def overdue(self, *, at):
        """Open cases past a deadline they have not met, at the moment `at`."""
        return self.open().filter(
            Q(acknowledged_at__isnull=True, acknowledge_due_at__lt=at)
            | Q(first_response_at__isnull=True, respond_due_at__lt=at)
        )


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
    on_behalf_consent = models.CharField(_("the person's agreement"), max_length=20,
                                         choices=BehalfConsent.choices, blank=True)
    on_behalf_consent_note = models.TextField(_("why they could not agree"), blank=True)

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
    # Set when staff agreed a response date with the person at acknowledgement (where the
    # policy allows it); it then replaces the policy's respond rule as the base deadline.
    agreed_response_at = models.DateTimeField(_("agreed response date"), null=True, blank=True)
    assignee = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                 on_delete=models.SET_NULL, related_name="assigned_cases",
                                 verbose_name=_("assigned to"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    actions_taken = models.TextField(_("actions taken"), blank=True)
    service_changed = models.BooleanField(_("a change was made to the service"), default=False)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)
    # The nearest deadline not yet met (acknowledge, respond or a callback), kept up to date by
    # the services so the inbox orders by an index, not by a computation over every case.
    next_due_at = models.DateTimeField(_("next deadline"), null=True, blank=True)
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
            models.CheckConstraint(condition=Q(outcome="") | Q(outcome__in=Outcome.values),
                                   name="case_outcome_known"),
            models.CheckConstraint(
                condition=~Q(identity_mode=IdentityMode.ANONYMOUS_NO_CONTACT)
                | Q(receipt_hash__isnull=True),
                name="case_no_contact_has_no_receipt",
            ),
        ]
        indexes = [
            models.Index(fields=["provider", "state", "respond_due_at"], name="case_inbox_idx"),
            models.Index(fields=["provider", "next_due_at", "id"], name="case_inbox_next_due_idx"),
            # The inbox's default view (open cases), covering the columns its filters use
            # (respond_due_at: "overdue" leaves out cases whose answer's clock is paused).
            models.Index(fields=["provider", "next_due_at", "id"],
                         include=["state", "kind", "urgent", "assignee", "service",
                                  "respond_due_at"],
                         condition=Q(state__in=sorted(OPEN_STATES)), name="case_inbox_open_idx"),
            # Earlier cases from a person who shared who they are, found by their email whatever
            # its case (selectors.provider.previous_cases): without it, a case page reads every
            # case of its provider.
            models.Index(F("provider"), Upper("contact_email"), condition=Q(share_name=True),
                         name="case_same_contact_idx"),
        ]

    def __str__(self) -> str:
        return self.reference

    def get_absolute_url(self) -> str:
        return reverse("feedback:track_case", kwargs={"reference": self.reference})

    @property
    def is_anonymous(self) -> bool:
        return self.identity_mode in ANONYMOUS_MODES

    @property
    def identity_shared(self) -> bool:
        """Whether the provider may see who the person is (and their earlier cases)."""
        return self.share_name and not self.is_anonymous

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
