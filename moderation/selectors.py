"""Reads for screening: the extra phrases a commissioner's administrator added (ScreeningTerm)."""

import time

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q

from moderation.screening import Term, wordlists

_CACHE_KEY = "moderation:screening-terms:{version}:{commissioner}"
_VERSION_KEY = "moderation:screening-terms:version"
# Terms change rarely and are read on every submission; the admin forgets the cache on each
# change, and the timeout bounds how stale a cache shared with another process can be.
_TIMEOUT = 300


def screening_terms(*, commissioner_id: int | None) -> tuple[Term, ...]:
    """The extra terms for feedback to `commissioner_id`: its own, everyone's, and the
    RISK_EXTRA_TERMS setting's (risk, any language); cached."""
    version = cache.get_or_set(_VERSION_KEY, time.time_ns, timeout=None)
    key = _CACHE_KEY.format(version=version, commissioner=commissioner_id or "all")
    terms = cache.get(key)
    if terms is None:
        from .models import ScreeningTerm

        rows = ScreeningTerm.objects.filter(
            Q(commissioner__isnull=True) | Q(commissioner_id=commissioner_id))
        terms = [(row.kind, row.phrase, row.language) for row in rows if _usable(row.as_term())]
        cache.set(key, terms, _TIMEOUT)
    extra = [Term("risk", phrase, "any") for phrase in settings.RISK_EXTRA_TERMS
             if _usable(Term("risk", phrase, "any"))]
    return tuple(Term(*fields) for fields in terms) + tuple(extra)


def screening_terms_forget() -> None:
    """Make the next read of the terms go to the database (after an administrator's change)."""
    cache.set(_VERSION_KEY, time.time_ns(), timeout=None)


def _usable(term: Term) -> bool:
    """Whether the lists can read `term`: the admin checks each phrase, but a row written another
    way must never stop feedback from being screened."""
    try:
        wordlists.check_phrase(term.phrase)
    except wordlists.PhraseError:
        return False
    return True
