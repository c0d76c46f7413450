"""The words of the case lifecycle: states, the transitions between them, who acts, what they may
do, and the errors a refused change raises.

A leaf module: it imports nothing of the portal, so models, the workflow, the case policy,
services, views and URLs all speak the same words without importing one another.
"""

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
    # A submission is routed in the transaction that receives it: nobody ever sees it here.
    State.SUBMITTED: frozenset({State.IN_MODERATION, State.WITH_PROVIDER}),
    # Moderators pass it on, keep it with the commissioner, or reject it (closed, with a reason).
    State.IN_MODERATION: frozenset({State.WITH_PROVIDER, State.ESCALATED, State.CLOSED}),
    State.WITH_PROVIDER: frozenset({State.ACKNOWLEDGED, State.RESPONDED, State.ESCALATED}),
    State.ACKNOWLEDGED: frozenset({State.RESPONDED, State.ESCALATED}),
    State.RESPONDED: frozenset({State.RESOLVED, State.ESCALATED}),
    State.RESOLVED: frozenset({State.CLOSED, State.ESCALATED, State.REOPENED}),
    # The commissioner hands it back, settles it, or closes it.
    State.ESCALATED: frozenset({State.WITH_PROVIDER, State.RESOLVED, State.CLOSED}),
    State.REOPENED: frozenset({State.ACKNOWLEDGED, State.RESPONDED, State.RESOLVED,
                               State.ESCALATED}),
    State.CLOSED: frozenset({State.REOPENED}),
}

OPEN_STATES = frozenset(set(State.values) - {State.RESOLVED, State.CLOSED})
# Entering one of these settles the question a pending extension asked ("may we have more
# time to answer?"): the person has been answered, or the case has left the provider's hands.
ENDS_PENDING_EXTENSIONS = frozenset({State.RESPONDED, State.RESOLVED, State.ESCALATED,
                                     State.CLOSED})


class ActorKind(models.TextChoices):
    """Who an event in the log is by."""

    PERSON = "person", _("The person who gave feedback")
    STAFF = "staff", _("Provider staff")
    MODERATOR = "moderator", _("Moderator")
    COMMISSIONER = "commissioner", _("Commissioner")
    ADMINISTRATOR = "administrator", _("Administrator")
    SYSTEM = "system", _("The portal")


class Who(models.TextChoices):
    """The parts the case policy gives rights to. One user may play several on one case (a
    manager who is also the assignee)."""

    PERSON = "person", _("the person who gave feedback")
    PROVIDER_STAFF = "provider_staff", _("provider staff")
    ASSIGNEE = "assignee", _("the member handling the case")
    PROVIDER_MANAGER = "provider_manager", _("a provider manager")
    MODERATOR = "moderator", _("a moderator")
    COMMISSIONER = "commissioner", _("the commissioner")
    ADMINISTRATOR = "administrator", _("an administrator")
    SYSTEM = "system", _("the portal")


class Action(models.TextChoices):
    """Everything anyone may do to a case. The value is the URL segment, the form prefix and the
    policy's key alike."""

    # Provider side
    VIEW = "view", _("Open the case")
    ACKNOWLEDGE = "acknowledge", _("Acknowledge")
    REPLY = "reply", _("Reply to the person")
    QUESTION = "question", _("Ask the person a question")
    RESUME = "resume", _("Stop waiting for the person")
    NOTE = "note", _("Add an internal note")
    ASSIGN = "assign", _("Assign")
    TAKE = "take", _("Take the case")
    EXTEND = "extend", _("Ask for more time")
    DECIDE_EXTENSION = "decide_extension", _("Approve or refuse more time")
    OUTCOME = "outcome", _("Record the outcome")
    RESOLVE = "resolve", _("Resolve")
    REOPEN = "reopen", _("Reopen")
    CALLBACK_ATTEMPT = "callback_attempt", _("Record a call")
    SEE_PHONE = "see_phone", _("See the phone number")
    # The person
    FOLLOW = "follow", _("Follow the case")
    PERSON_REPLY = "person_reply", _("Reply")
    CALLBACK_REQUEST = "callback_request", _("Ask for a phone call")
    ESCALATE = "escalate", _("Ask the commissioner to look at it")
    # The portal
    ROUTE = "route", _("Route a new case")
    CLOSE = "close", _("Close")
    RESUME_AT_CAP = "resume_at_cap", _("End a wait that reached the policy's cap")
    # Moderators
    MODERATE_APPROVE = "moderate_approve", _("Pass to the provider")
    MODERATE_KEEP = "moderate_keep", _("Keep with the commissioner")
    MODERATE_REJECT = "moderate_reject", _("Reject with a reason")


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
    def moderator(cls, user) -> "Actor":
        return cls(ActorKind.MODERATOR, user)

    @classmethod
    def administrator(cls, user) -> "Actor":
        return cls(ActorKind.ADMINISTRATOR, user)

    @classmethod
    def system(cls) -> "Actor":
        return cls(ActorKind.SYSTEM, None)


class CaseRuleError(Exception):
    """A change the case's rules do not allow; nothing was written."""


class TransitionNotAllowed(CaseRuleError):
    """Raised when a case is asked to move to a state its current state cannot reach, or its
    state changed under us (someone else acted first)."""


class ActionRefused(CaseRuleError):
    """The case policy refuses `action` to this actor on this case now.

    `status` is what a page answers: 403 when the actor's part never allows it, 409 when the
    case's state (or a fact about it) does not allow it now. `message` is plain words for the page.
    """

    def __init__(self, action: str, message: str, *, status: int = 409):
        super().__init__(message)
        self.action = action
        self.message = message
        self.status = status
