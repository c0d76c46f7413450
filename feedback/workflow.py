"""The only function that changes a case's state, and the row lock every write takes first.

The words (states, transitions, actors, errors) live in `vocabulary.py`; who may do what in which
state is the case policy in `permissions.py`.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from .models import Case, CaseEvent, EventAction, Extension, ExtensionStatus
from .permissions import require
from .vocabulary import (
    ALLOWED,
    ENDS_PENDING_EXTENSIONS,
    Action,
    Actor,
    State,
    TransitionNotAllowed,
)


def case_lock(case: Case) -> Case:
    """Hold `case`'s row until the transaction ends and read it afresh, in place: every rule a
    write then checks is checked against what is stored, not what a page read earlier."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("case_lock needs a transaction: the lock ends with it")
    case.refresh_from_db(from_queryset=Case.objects.select_for_update())
    return case


def case_transition(*, case: Case, to: State, actor: Actor, reason: str = "",
                    data: dict | None = None, at: datetime | None = None) -> CaseEvent:
    """Move `case` to state `to` and record the event (at `at`, default now), or raise
    TransitionNotAllowed; entering a state that settles pending extensions withdraws them.

    The move is a conditional update that must hit the one row still in the state we read, so
    even a caller that forgot the lock can never write a path the rules do not allow.
    """
    before = case.state
    if to not in ALLOWED[before]:
        raise TransitionNotAllowed(f"{before} → {to}")
    at = at or timezone.now()
    moved = Case.objects.filter(pk=case.pk, state=before).update(state=to,
                                                                 updated_at=timezone.now())
    if moved != 1:
        raise TransitionNotAllowed(f"{before} → {to}: the case changed meanwhile")
    case.state = to
    event = CaseEvent.record(case=case, actor=actor, action=EventAction.STATE_CHANGED,
                             from_state=before, to_state=to, reason=reason, data=data, at=at)
    if to in ENDS_PENDING_EXTENSIONS:
        _pending_extensions_withdraw(case=case, actor=actor, because=to, at=at)
    return event


def _pending_extensions_withdraw(*, case: Case, actor: Actor, because: str, at: datetime) -> None:
    """A request for more time that nobody decided is moot once the case is answered or has left
    the provider: withdraw it, with an event, so approving it later cannot move a deadline."""
    pending = list(case.extensions.filter(status=ExtensionStatus.PENDING)
                   .values_list("pk", flat=True))
    if not pending:
        return
    Extension.objects.filter(pk__in=pending, status=ExtensionStatus.PENDING).update(
        status=ExtensionStatus.WITHDRAWN, decided_at=at)
    for extension_id in pending:
        CaseEvent.record(case=case, actor=actor, action=EventAction.EXTENSION_WITHDRAWN, at=at,
                         data={"extension_id": extension_id, "state": because})


def case_begin(case: Case, action: Action, actor: Actor) -> Case:
    """Where every write to a case begins: lock its row, read it afresh, and let the case policy
    refuse `action` (ActionRefused) before anything is written. Services read the clock after
    this, so the first to hold the lock is also the first in time (the first response is the
    first reply)."""
    case_lock(case)
    require(action, case, actor=actor)
    return case
