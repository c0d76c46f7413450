"""More time to answer: asked for before the deadline with a reason the person reads, approved at
once for a manager, otherwise by a manager; withdrawn by the workflow once it is moot."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from moderation.screening.text import text_as_typed
from portal.models import Role
from portal.selectors import provider_members

from ..dates import date_words
from ..models import Case, CaseEvent, EventAction, Extension, ExtensionStatus, Message, Purpose
from ..notifications import person_notify, staff_notify
from ..permissions import parts
from ..policies import snapshot_calendar, snapshot_duration
from ..vocabulary import Action, Actor, Who
from ..workflow import case_begin
from .clock import deadlines_refresh, extension_room


def extension_request(*, case: Case, user, amount: int, reason: str,
                      now: datetime | None = None) -> Extension:
    """Ask for more time before the deadline passes, with a reason; a manager's request is
    approved at once, a colleague's waits for a manager. Late requests are refused, and the
    refusal stays in the log."""
    reason = text_as_typed(reason)
    with transaction.atomic():
        case_begin(case, Action.EXTEND, Actor.staff(user))
        now = now or timezone.now()
        if now < case.respond_due_at:
            return _extension_create(case=case, user=user, amount=amount, reason=reason, now=now)
        CaseEvent.record(case=case, actor=Actor.staff(user), action=EventAction.EXTENSION_REFUSED,
                         reason=reason, at=now)
    raise ValidationError(_("The deadline has passed. An extension must be asked for before "
                            "the deadline; tell the person honestly that the answer is late."))


def _extension_create(*, case: Case, user, amount: int, reason: str, now: datetime) -> Extension:
    if not reason.strip():
        raise ValidationError(_("Give the reason: the person will read it."))
    if amount < 1:
        raise ValidationError(_("Ask for at least one day."))
    room = extension_room(case)
    if amount > room:
        raise ValidationError(_("This policy allows at most %(room)d more.") % {"room": room})
    unit = snapshot_duration(case.policy, "max_extension").unit
    extension = Extension.objects.create(case=case, requested_by=user, requested_at=now,
                                         amount=amount, unit=unit.value, reason=reason,
                                         due_before=case.respond_due_at)
    CaseEvent.record(case=case, actor=Actor.staff(user), action=EventAction.EXTENSION_REQUESTED,
                     reason=reason, at=now, data={"extension_id": extension.pk, "amount": amount,
                                                  "unit": unit.value})
    if Who.PROVIDER_MANAGER in parts(Actor.staff(user), case):
        _extension_settle(case, extension, user, approve=True, now=now)
    else:
        staff_notify(case=case, users=provider_members(provider=case.provider_id,
                                                       roles=[Role.MANAGER]),
                     event="extension_request")
    return extension


@transaction.atomic
def extension_decide(*, extension: Extension, user, approve: bool,
                     now: datetime | None = None) -> None:
    """A manager approves or refuses a colleague's request, while it is still pending."""
    case = case_begin(extension.case, Action.DECIDE_EXTENSION, Actor.staff(user))
    extension.refresh_from_db(from_queryset=Extension.objects.select_for_update())
    if extension.case_id != case.pk:
        raise ValidationError(_("This extension belongs to another case."))
    if extension.status != ExtensionStatus.PENDING:
        raise ValidationError(_("This extension has already been decided."))
    _extension_settle(case, extension, user, approve=approve, now=now or timezone.now())


def _extension_settle(case: Case, extension: Extension, manager, *, approve: bool,
                      now: datetime) -> None:
    extension.status = ExtensionStatus.APPROVED if approve else ExtensionStatus.REFUSED
    extension.decided_by, extension.decided_at = manager, now
    extension.save(update_fields=["status", "decided_by", "decided_at"])
    before = case.respond_due_at
    if approve:
        deadlines_refresh(case=case, as_of=now)
    CaseEvent.record(case=case, actor=Actor.staff(manager), action=EventAction.EXTENSION_DECIDED,
                     reason=extension.reason, at=now,
                     data={"extension_id": extension.pk, "approved": approve,
                           "before": before.isoformat(),
                           "after": case.respond_due_at.isoformat()})
    if approve:
        Message.objects.create(
            case=case, author_kind=Actor.staff(manager).kind, author=manager,
            purpose=Purpose.NOTICE, created_at=now,
            body=_extension_notice(case, extension.reason))
        person_notify(case=case, event="extension", reason=extension.reason)


def _extension_notice(case: Case, reason: str) -> str:
    when = date_words(case.respond_due_at, language=case.language,
                      calendar=snapshot_calendar(case.policy))
    with translation.override(case.language):
        return _("We need more time to answer you properly. We will answer you by %(date)s. "
                 "The reason: %(reason)s") % {"date": when, "reason": reason}


__all__ = ["extension_decide", "extension_request"]
