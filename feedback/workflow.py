"""The case lifecycle: states, the transitions allowed between them, and the only function that
changes a case's state."""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class State(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    IN_MODERATION = "in_moderation", _("In moderation")
    WITH_PROVIDER = "with_provider", _("With the provider")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    RESPONDED = "responded", _("Responded")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")
    ESCALATED = "escalated", _("Escalated to the commissioner")
    REOPENED = "reopened", _("Reopened")


ALLOWED: dict[str, frozenset[str]] = {
    State.SUBMITTED: frozenset({State.IN_MODERATION, State.WITH_PROVIDER}),
    # Moderators may reject a submission (closed) or keep it with the commissioner (escalated).
    State.IN_MODERATION: frozenset({State.WITH_PROVIDER, State.ESCALATED, State.CLOSED}),
    State.WITH_PROVIDER: frozenset({State.ACKNOWLEDGED, State.RESPONDED, State.ESCALATED}),
    State.ACKNOWLEDGED: frozenset({State.RESPONDED, State.ESCALATED}),
    State.RESPONDED: frozenset({State.RESOLVED, State.ESCALATED}),
    State.RESOLVED: frozenset({State.CLOSED, State.ESCALATED, State.REOPENED}),
    State.ESCALATED: frozenset({State.WITH_PROVIDER, State.RESOLVED, State.CLOSED}),
    State.REOPENED: frozenset({State.ACKNOWLEDGED, State.RESPONDED, State.RESOLVED, State.ESCALATED}),
    State.CLOSED: frozenset({State.REOPENED}),
}

OPEN_STATES = frozenset(set(State.values) - {State.RESOLVED, State.CLOSED})


class TransitionNotAllowed(Exception):
    """Raised when a case is asked to move to a state its current state cannot reach."""


class ActorKind(models.TextChoices):
    PERSON = "person", _("The person who gave feedback")
    STAFF = "staff", _("Provider staff")
    MODERATOR = "moderator", _("Moderator")
    COMMISSIONER = "commissioner", _("Commissioner")
    SYSTEM = "system", _("The portal")


@dataclass(frozen=True)
class Actor:
    """Who did something to a case. An anonymous person is an actor too, with no user."""

    kind: str
    user: object | None = None

    @classmethod
    def person(cls, case) -> "Actor":
        """The person behind `case`: their account if they used one, otherwise nobody identifiable."""
        return cls(ActorKind.PERSON, case.submitter)

    @classmethod
    def staff(cls, user) -> "Actor":
        return cls(ActorKind.STAFF, user)

    @classmethod
    def system(cls) -> "Actor":
        return cls(ActorKind.SYSTEM, None)


def case_transition(*, case, to: str, actor: Actor, reason: str = "", data: dict | None = None,
                    at=None):
    """Move `case` to state `to` and record the event (at `at`, default now), or raise
    TransitionNotAllowed."""
    from .models import CaseEvent, EventAction

    if to not in ALLOWED[case.state]:
        raise TransitionNotAllowed(f"{case.state} → {to}")
    before = case.state
    case.state = to
    case.save(update_fields=["state", "updated_at"])
    return CaseEvent.record(case=case, actor=actor, action=EventAction.STATE_CHANGED,
                            from_state=before, to_state=to, reason=reason, data=data, at=at)
