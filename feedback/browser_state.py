"""What one browser remembers about the feedback it sent or opened, kept in signed cookies.

Not in the session table: a signed-in person who gives anonymous feedback must leave no row in the
database that links their account to the case or to its receipt code. The cookies live only in the
person's browser, are signed so they cannot be forged, and expire on their own.
"""

from django.conf import settings
from django.core import signing

SENT_COOKIE = "feedback_sent"
TRACKED_COOKIE = "feedback_tracked"
SENT_MAX_AGE = 2 * 60 * 60  # long enough to download and print the receipt
MAX_ITEMS = 10


def _read(request, name: str, max_age: int | None, default):
    value = request.COOKIES.get(name)
    if not value:
        return default
    try:
        return signing.loads(value, salt=f"feedback.{name}", max_age=max_age)
    except signing.BadSignature:
        return default


def _write(response, name: str, value, max_age: int | None) -> None:
    response.set_cookie(
        name, signing.dumps(value, salt=f"feedback.{name}"), max_age=max_age, httponly=True,
        secure=settings.SESSION_COOKIE_SECURE, samesite="Lax",
    )


def sent_receipts(request) -> dict[str, str | None]:
    """References this browser has just sent, each with its receipt code until it has been shown."""
    return _read(request, SENT_COOKIE, SENT_MAX_AGE, {})


def remember_sent(response, request, *, reference: str, code: str | None) -> None:
    sent = sent_receipts(request)
    sent.pop(reference, None)
    sent[reference] = code
    _write(response, SENT_COOKIE, dict(list(sent.items())[-MAX_ITEMS:]), SENT_MAX_AGE)


def forget_code(response, request, *, reference: str) -> None:
    """Drop the receipt code once shown: it is shown once only."""
    sent = sent_receipts(request)
    if sent.get(reference):
        sent[reference] = None
        _write(response, SENT_COOKIE, sent, SENT_MAX_AGE)


def tracked_cases(request) -> list[int]:
    """Cases this browser opened with a receipt code (until the browser closes)."""
    return _read(request, TRACKED_COOKIE, None, [])


def remember_tracked(response, request, *, case_id: int) -> None:
    tracked = [pk for pk in tracked_cases(request) if pk != case_id] + [case_id]
    _write(response, TRACKED_COOKIE, tracked[-MAX_ITEMS:], None)


def forget_tracked(response) -> None:
    response.delete_cookie(TRACKED_COOKIE, samesite="Lax")
