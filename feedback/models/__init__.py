"""The feedback app's models, one module per part of the product."""

from .cases import ANONYMOUS_MODES, Case, CaseQuerySet, IdentityMode, Kind
from .conversation import CallbackRequest, CallbackStatus, Message, Visibility
from .log import AppendOnlyQuerySet, CaseEvent, EventAction
from .outbox import OutboxEmail, OutboxStatus

__all__ = [
    "ANONYMOUS_MODES", "AppendOnlyQuerySet", "CallbackRequest", "CallbackStatus", "Case",
    "CaseEvent", "CaseQuerySet", "EventAction", "IdentityMode", "Kind", "Message",
    "OutboxEmail", "OutboxStatus", "Visibility",
]
