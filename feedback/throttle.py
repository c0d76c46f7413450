"""Rate limits for receipt-code lookups, counted in the cache under a keyed hash of the address.

Nothing here touches the database: an anonymous person's address is never stored (PRODUCT.md §3).
"""

from django.conf import settings
from django.core.cache import cache

from .receipts import address_key


def client_address(request) -> str:
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def _key(request) -> str:
    return f"track-failures:{address_key(client_address(request))}"


def track_blocked(request) -> bool:
    """Whether this address has had too many wrong codes in the window."""
    return cache.get(_key(request), 0) >= settings.TRACK_MAX_FAILURES


def track_failure(request) -> None:
    """Count one wrong code; the count expires with the window that the first failure opened."""
    key = _key(request)
    if not cache.add(key, 1, timeout=settings.TRACK_FAILURE_WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=settings.TRACK_FAILURE_WINDOW_SECONDS)
