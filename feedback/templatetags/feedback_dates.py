"""A case's dates in pages and emails, as feedback/dates.py writes them: in the language of the
page (or email) being rendered and the case's calendar, e.g.
`{{ case.received_at|datetime_words:case }}`, `{{ case.respond_due_at|date_words:case }}`."""

from django import template
from django.utils import translation

from .. import dates
from ..policies import snapshot_calendar

register = template.Library()


@register.filter
def date_words(value, case) -> str:
    """The day of a date or moment, e.g. "1 December 2026"; "" for none."""
    if not value:
        return ""
    return dates.date_words(value, language=translation.get_language(),
                            calendar=snapshot_calendar(case.policy))


@register.filter
def datetime_words(value, case) -> str:
    """The day and time of a moment and whose time it is, e.g. "1 December 2026, 5pm UK time";
    "" for none."""
    if not value:
        return ""
    return dates.datetime_words(value, language=translation.get_language(),
                                calendar=snapshot_calendar(case.policy))
