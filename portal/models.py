"""Organisations and people: commissioners fund providers, providers run services, members have roles."""

import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import calendars


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **extra):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


class User(AbstractUser):
    """Anyone with an account: a service user, provider staff, a moderator or a commissioner."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []
    objects = UserManager()

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def display_name(self) -> str:
        return self.full_name or self.email.split("@")[0]


class Commissioner(models.Model):
    """A body that funds and contracts providers, and audits how they answer people."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(unique=True)
    country = models.CharField(_("country"), max_length=2, default="GB",
                               validators=[calendars.country_validate],
                               help_text=_("ISO country code for public holidays, e.g. GB, US, CA."))
    subdivision = models.CharField(_("subdivision"), max_length=10, blank=True, default="ENG",
                                   help_text=_("e.g. ENG, NC, QC."))
    timezone = models.CharField(_("time zone"), max_length=64, default="Europe/London",
                                validators=[calendars.timezone_validate])
    work_start = models.TimeField(_("working day starts"), default=datetime.time(9, 0))
    work_end = models.TimeField(_("working day ends"), default=datetime.time(17, 0))
    working_weekdays = models.CharField(
        _("working weekdays"), max_length=20, default="0,1,2,3,4",
        validators=[calendars.weekdays_validate],
        help_text=_("Comma-separated day numbers, Monday = 0 … Sunday = 6."))
    transparency_page = models.BooleanField(_("public transparency page"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("commissioner")
        verbose_name_plural = _("commissioners")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        # Checks across fields; each message is attached to the field the person must change.
        errors = {}
        if self.work_start is not None and self.work_end is not None:
            try:
                calendars.working_hours_validate(self.work_start, self.work_end)
            except ValidationError as error:
                errors["work_end"] = error
        # An unknown country is reported on its own field; its subdivisions cannot be checked.
        if calendars.country_known(self.country):
            try:
                calendars.subdivision_validate(self.country, self.subdivision)
            except ValidationError as error:
                errors["subdivision"] = error
        if errors:
            raise ValidationError(errors)

    @property
    def weekdays(self) -> frozenset[int]:
        """The working day numbers (Monday = 0); empty if the stored text is not day numbers."""
        return frozenset(calendars.weekdays_parse(self.working_weekdays) or ())


class ClosureDay(models.Model):
    """A day the commissioner's area does not count as a working day, beyond public holidays."""

    commissioner = models.ForeignKey(Commissioner, on_delete=models.CASCADE,
                                     related_name="closure_days")
    day = models.DateField(_("day"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["day"]
        verbose_name = _("closure day")
        verbose_name_plural = _("closure days")
        constraints = [models.UniqueConstraint(fields=["commissioner", "day"],
                                               name="closure_day_once")]

    def __str__(self) -> str:
        return f"{self.day} {self.reason}"


class Provider(models.Model):
    """An organisation that runs services and must answer the people who use them."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(unique=True)
    commissioners = models.ManyToManyField(Commissioner, related_name="providers",
                                           verbose_name=_("commissioners"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("provider")
        verbose_name_plural = _("providers")

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    """Something a provider runs that people use, e.g. "Crisis line"."""

    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="services",
                                 verbose_name=_("provider"))
    commissioner = models.ForeignKey(Commissioner, on_delete=models.PROTECT,
                                     related_name="services", verbose_name=_("commissioner"))
    name = models.CharField(_("name"), max_length=200)
    name_fr = models.CharField(_("name in French"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_fr = models.TextField(_("description in French"), blank=True)
    area = models.CharField(_("area"), max_length=120, blank=True)
    slug = models.SlugField(unique=True)
    is_active = models.BooleanField(_("accepting feedback"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        constraints = [
            models.UniqueConstraint(fields=["provider", "name"], name="service_unique_name_per_provider"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.provider.name})"

    def get_absolute_url(self) -> str:
        return reverse("feedback:service", kwargs={"slug": self.slug})

    def localised_name(self, language: str) -> str:
        """The service's name in `language`, falling back to English."""
        if language.startswith("fr") and self.name_fr:
            return self.name_fr
        return self.name

    def localised_description(self, language: str) -> str:
        if language.startswith("fr") and self.description_fr:
            return self.description_fr
        return self.description


class Role(models.TextChoices):
    STAFF = "staff", _("Provider staff")
    MANAGER = "manager", _("Provider manager")
    MODERATOR = "moderator", _("Moderator")
    COMMISSIONER = "commissioner", _("Commissioner")


PROVIDER_ROLES = (Role.STAFF, Role.MANAGER)
COMMISSIONER_ROLES = (Role.MODERATOR, Role.COMMISSIONER)


class Membership(models.Model):
    """A person's role in one organisation: staff and managers of a provider, moderators and
    commissioners of a commissioner."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="memberships", verbose_name=_("user"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    provider = models.ForeignKey(Provider, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="memberships", verbose_name=_("provider"))
    commissioner = models.ForeignKey(Commissioner, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="memberships", verbose_name=_("commissioner"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            # A role belongs to exactly one kind of organisation.
            models.CheckConstraint(
                condition=(
                    Q(role__in=PROVIDER_ROLES, provider__isnull=False, commissioner__isnull=True)
                    | Q(role__in=COMMISSIONER_ROLES, commissioner__isnull=False, provider__isnull=True)
                ),
                name="membership_role_matches_organisation",
            ),
            models.UniqueConstraint(fields=["user", "provider"], name="membership_once_per_provider",
                                    condition=Q(provider__isnull=False)),
            models.UniqueConstraint(fields=["user", "commissioner"],
                                    name="membership_once_per_commissioner",
                                    condition=Q(commissioner__isnull=False)),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.organisation}"

    @property
    def organisation(self):
        return self.provider or self.commissioner
