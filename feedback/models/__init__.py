"""The feedback app's models, one module per part of the product."""

from .cases import ANONYMOUS_MODES, BehalfConsent, Case, CaseQuerySet, IdentityMode, Kind, Outcome
from .clock import ClockPause, Extension, ExtensionStatus, ResponsePolicy
from .conversation import (
    CallbackAttempt,
    CallbackRequest,
    CallbackResult,
    CallbackStatus,
    Message,
    Purpose,
    Visibility,
)
from .log import AppendOnlyQuerySet, CaseAccess, CaseEvent, EventAction, Notice
from .outbox import OutboxEmail, OutboxStatus

__all__ = [
    "ANONYMOUS_MODES", "AppendOnlyQuerySet", "BehalfConsent", "CallbackAttempt", "CallbackRequest",
    "CallbackResult", "CallbackStatus", "Case", "CaseAccess", "CaseEvent", "CaseQuerySet",
    "ClockPause", "EventAction", "Extension", "ExtensionStatus", "IdentityMode", "Kind",
    "Message", "Notice", "Purpose", "Outcome", "OutboxEmail", "OutboxStatus", "ResponsePolicy",
    "Visibility",
]
