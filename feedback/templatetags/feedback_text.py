"""Showing people's plain text safely: escaped, with web addresses made into links."""

from bleach.linkifier import Linker
from django import template
from django.utils.html import escape
from django.utils import translation
from django.utils.safestring import mark_safe

register = template.Library()


def _rel_nofollow_noopener(attrs, new=False):
    attrs[(None, "rel")] = "nofollow noopener"
    return attrs


def _only_web_links(attrs, new=False):
    href = attrs.get((None, "href"), "")
    return attrs if href.lower().startswith(("http://", "https://")) else None


_linker = Linker(callbacks=[_only_web_links, _rel_nofollow_noopener], parse_email=False)


@register.filter
def linked_text(value: str) -> str:
    """Escape `value`, link its web addresses (rel="nofollow noopener") and keep its line breaks.
    People's words are escaped even if something marked them safe: they are never markup."""
    escaped = str(escape(value or ""))
    linked = _linker.linkify(escaped)
    return mark_safe(linked.replace("\r\n", "\n").replace("\n", "<br>\n"))



@register.filter
def has_typed_text(form) -> bool:
    """Whether the person typed anything into `form`'s visible fields (so an error page may say
    that what they wrote is still there)."""
    if form is None or not getattr(form, "is_bound", False):
        return False
    for field in form.visible_fields():
        value = field.value()
        kind = getattr(field.field.widget, "input_type", "text")
        if isinstance(value, str) and value.strip() and kind not in ("radio", "checkbox",
                                                                     "select"):
            return True
    return False


@register.filter
def localised_name(service) -> str:
    """The service's name in the language of the page (or email) being rendered."""
    return service.localised_name(translation.get_language() or "en")


@register.filter
def duration_words(value) -> str:
    """A timedelta as plain words: whole days, or hours and minutes under a day."""
    from django.utils.translation import ngettext

    if not value:
        return ""
    seconds = int(value.total_seconds())
    days, rest = divmod(seconds, 86400)
    if days and not rest:
        return ngettext("%(n)d day", "%(n)d days", days) % {"n": days}
    hours, minutes = divmod(rest + days * 86400, 3600)
    minutes //= 60
    if not minutes:
        return ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours}
    return ngettext("%(h)d hour %(m)d min", "%(h)d hours %(m)d min", hours) % {
        "h": hours, "m": minutes}
