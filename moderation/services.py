"""What the commissioner's moderators decide about a case held for moderation (PRODUCT.md §6):
pass it to the provider, keep it with the commissioner, or reject it with a reason the person
reads. Each decision locks the case, is asked of the case policy, and is an event with its
reason."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from feedback.models import Case
from feedback.notifications import staff_notify
from feedback.services.lifecycle import case_close_step
from feedback.vocabulary import Action, Actor, State
from feedback.workflow import case_begin, case_transition
from moderation.screening.text import text_as_typed
from portal.models import Role
from portal.selectors import provider_members


@transaction.atomic
def moderation_approve(*, case: Case, user, reason: str, now: datetime | None = None) -> None:
    """Pass the case to its provider, who hears about it as about any new case."""
    reason = text_as_typed(reason)
    case_begin(case, Action.MODERATE_APPROVE, Actor.moderator(user))
    now = now or timezone.now()
    case_transition(case=case, to=State.WITH_PROVIDER, actor=Actor.moderator(user),
                    reason=reason, data={"decision": "approve"}, at=now)
    roles = [Role.STAFF, Role.MANAGER] if case.urgent else [Role.STAFF]
    staff_notify(case=case, users=provider_members(provider=case.provider_id, roles=roles),
                 event="new_case")


@transaction.atomic
def moderation_keep(*, case: Case, user, reason: str, now: datetime | None = None) -> None:
    """Keep the case with the commissioner: the provider never sees it."""
    reason = text_as_typed(reason)
    case_begin(case, Action.MODERATE_KEEP, Actor.moderator(user))
    now = now or timezone.now()
    case.escalated_at = now
    case.save(update_fields=["escalated_at", "updated_at"])
    case_transition(case=case, to=State.ESCALATED, actor=Actor.moderator(user), reason=reason,
                    data={"decision": "keep"}, at=now)


@transaction.atomic
def moderation_reject(*, case: Case, user, reason: str, now: datetime | None = None) -> None:
    """Reject the case with a reason the person reads in their timeline."""
    reason = text_as_typed(reason)
    case_begin(case, Action.MODERATE_REJECT, Actor.moderator(user))
    now = now or timezone.now()
    case_close_step(case=case, actor=Actor.moderator(user), reason=reason, at=now)
