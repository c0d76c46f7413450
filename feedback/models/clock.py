"""What moves a case's deadlines: response policies, extensions and pauses of the clock."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Commissioner

from .cases import Case


class ResponsePolicy(models.Model):
    """A commissioner's rules for how fast providers must answer. The rules are data (see
    feedback/policies.py for their shape and the presets); each case keeps a copy."""

    commissioner = models.ForeignKey(Commissioner, on_delete=models.CASCADE,
                                     related_name="policies", verbose_name=_("commissioner"))
    name = models.CharField(_("name"), max_length=200)
    preset = models.CharField(_("based on"), max_length=40, blank=True)
    citation = models.TextField(_("rule it follows"), blank=True)
    rules = models.JSONField(_("rules"))
    is_active = models.BooleanField(_("in force"), default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["commissioner", "-is_active", "name"]
        verbose_name = _("response policy")
        verbose_name_plural = _("response policies")
        constraints = [
            models.UniqueConstraint(fields=["commissioner"], condition=Q(is_active=True),
                                    name="policy_one_active_per_commissioner"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.commissioner})"

    def clean(self):
        from ..policies import rules_validate

        rules_validate(self.rules)


class ExtensionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a manager")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    # Nobody decided before the person was answered or the case left the provider.
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Extension(models.Model):
    """More time to respond, asked for before the deadline with a reason the person is told."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="extensions")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                     on_delete=models.SET_NULL, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    amount = models.PositiveIntegerField(_("how much more time"))
    unit = models.CharField(max_length=20)
    reason = models.TextField(_("reason"))
    status = models.CharField(max_length=20, choices=ExtensionStatus.choices,
                              default=ExtensionStatus.PENDING)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    due_before = models.DateTimeField(_("deadline when asked"))

    class Meta:
        ordering = ["requested_at", "id"]

    def __str__(self) -> str:
        return f"{self.case_id} +{self.amount} {self.unit} ({self.status})"


class ClockPause(models.Model):
    """The response clock stopped while the provider waits for the person's answer."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="pauses")
    started_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("reason"))
    end_reason = models.CharField(max_length=40, blank=True)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["started_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case"], condition=Q(ended_at__isnull=True),
                                    name="pause_one_open_per_case"),
        ]

    def __str__(self) -> str:
        return f"{self.case_id} paused {self.started_at:%Y-%m-%d}"
