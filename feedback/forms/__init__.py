"""Forms: the service user's pages (public.py) and provider staff pages (provider.py)."""

from .public import (
    IDENTITY_HELP,
    OUTCOME_MAX,
    REPLY_MAX,
    WHAT_HAPPENED_MAX,
    CallbackForm,
    EscalateForm,
    FeedbackForm,
    IdentityChoiceWidget,
    ReplyForm,
    TrackForm,
    TOO_LONG,
)

__all__ = [
    "IDENTITY_HELP", "OUTCOME_MAX", "REPLY_MAX", "WHAT_HAPPENED_MAX", "CallbackForm",
    "EscalateForm", "FeedbackForm", "IdentityChoiceWidget", "ReplyForm", "TrackForm",
    "TOO_LONG",
]
