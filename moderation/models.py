"""What a commissioner's administrator adds to screening: phrases for the abuse and risk lists."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from moderation.screening import wordlists


class ScreeningTerm(models.Model):
    """A phrase added to the shipped abuse or risk lists, for one commissioner or for all."""

    class Kind(models.TextChoices):
        ABUSE = "abuse", _("Abusive language")
        RISK = "risk", _("Risk to life or of harm")

    class Language(models.TextChoices):
        ANY = "any", _("Any language")
        EN = "en", _("English")
        FR = "fr", _("French")

    kind = models.CharField(_("list"), max_length=10, choices=Kind.choices)
    language = models.CharField(
        _("language"), max_length=3, choices=Language.choices, default=Language.ANY,
        help_text=_("Any language: checked on every text. English or French: only on feedback "
                    "sent in that language, for a word that means something harmless in the "
                    "other."))
    phrase = models.CharField(
        _("word or phrase"), max_length=200,
        help_text=_("Matched on whole words, whatever the case or accents. A * at the end of a "
                    "word matches any ending (suicid* finds suicidal). A line starting with ! is "
                    "never flagged, for an everyday phrase that holds a listed one."))
    commissioner = models.ForeignKey(
        "portal.Commissioner", verbose_name=_("commissioner"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="screening_terms",
        help_text=_("Leave empty to screen every commissioner's feedback with it."))
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["kind", "phrase"]
        verbose_name = _("screening word")
        verbose_name_plural = _("screening words")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["abuse", "risk"]),
                                   name="screeningterm_kind_known"),
            models.CheckConstraint(condition=Q(language__in=["any", "en", "fr"]),
                                   name="screeningterm_language_known"),
        ]

    def __str__(self) -> str:
        return self.phrase

    def clean(self) -> None:
        self.phrase = self.phrase.strip()
        try:
            wordlists.check_phrase(self.phrase)
        except wordlists.PhraseError as error:
            raise ValidationError({"phrase": _PHRASE_ERRORS.get(error.code,
                                                                _PHRASE_ERRORS["punctuation"])})
        if self.kind == self.Kind.ABUSE and wordlists.is_risk_phrase(self.phrase):
            raise ValidationError({"phrase": _(
                "This is already a risk phrase. Risk words are never added to the abuse list: "
                "they must raise the alarm, not be hidden.")})

    def as_term(self) -> wordlists.Term:
        return wordlists.Term(self.kind, self.phrase, self.language)


_PHRASE_ERRORS = {
    "empty": _("Write a word or a phrase."),
    "punctuation": _("Use only letters, digits, spaces, hyphens and apostrophes (and a * at the "
                     "end of a word)."),
    "short_stem": _("Put at least three letters before a * in the first word."),
    "unknown_slot": _("Braces stand for a set of words and must name one the lists know, such "
                      "as {self} or {poss}."),
}
