"""A case's deadlines from its policy snapshot, pauses and extensions (the pure clock does the
counting; this module feeds it a case's facts and stores the answers)."""

from datetime import datetime

from ..deadlines import Due, Duration, Pause, Unit, due_moment, working_time_between
from ..models import CallbackStatus, Case, ClockPause, ExtensionStatus
from ..vocabulary import OPEN_STATES
from ..policies import snapshot_calendar, snapshot_duration


def case_pauses(case: Case) -> list[Pause]:
    return [Pause(p.started_at, p.ended_at) for p in case.pauses.all()]


def case_extensions(case: Case) -> list[Duration]:
    return [Duration(e.amount, Unit(e.unit))
            for e in case.extensions.all() if e.status == ExtensionStatus.APPROVED]


def respond_rule(case: Case) -> Duration:
    """The policy's respond rule, or the date agreed with the person counted in calendar days."""
    if case.agreed_response_at:
        calendar = snapshot_calendar(case.policy)
        days = (calendar.local(case.agreed_response_at).date()
                - calendar.local(case.received_at).date()).days
        return Duration(max(days, 0), Unit.CALENDAR_DAYS)
    return snapshot_duration(case.policy, "respond")


def acknowledge_due(case: Case) -> Due:
    """When the provider must tell the person they have read it (never paused or extended)."""
    return due_moment(received_at=case.received_at, calendar=snapshot_calendar(case.policy),
                      duration=snapshot_duration(case.policy, "acknowledge"))


def respond_due(case: Case, *, as_of: datetime) -> Due:
    """When the provider must answer, with agreed date, approved extensions and pauses."""
    return due_moment(received_at=case.received_at, calendar=snapshot_calendar(case.policy),
                      duration=respond_rule(case), pauses=case_pauses(case),
                      extensions=case_extensions(case), as_of=as_of)


def callback_due(case: Case, *, requested_at: datetime) -> Due:
    """When the provider must phone the person back (the policy's callback rule, working hours)."""
    return due_moment(received_at=requested_at, calendar=snapshot_calendar(case.policy),
                      duration=snapshot_duration(case.policy, "callback"))


def deadlines_refresh(*, case: Case, as_of: datetime) -> None:
    """Store the case's deadlines: when received, and again after a pause, resume, extension or
    agreed date (the acknowledgement deadline never moves; storing it again costs nothing)."""
    case.acknowledge_due_at = acknowledge_due(case).at
    case.respond_due_at = respond_due(case, as_of=as_of).at
    case.save(update_fields=["acknowledge_due_at", "respond_due_at", "updated_at"])
    next_due_refresh(case=case)


def next_due_refresh(*, case: Case) -> None:
    """Store the nearest deadline the provider has not met yet (None once nothing is owed)."""
    candidates = []
    if case.state in OPEN_STATES:
        if case.acknowledged_at is None and case.acknowledge_due_at:
            candidates.append(case.acknowledge_due_at)
        if case.first_response_at is None and case.respond_due_at:
            candidates.append(case.respond_due_at)
        candidates += [due for due in case.callbacks.filter(status=CallbackStatus.REQUESTED)
                       .values_list("due_at", flat=True) if due]
    next_due = min(candidates) if candidates else None
    if next_due != case.next_due_at:
        case.next_due_at = next_due
        case.save(update_fields=["next_due_at", "updated_at"])


def paused_so_far(case: Case, *, as_of: datetime) -> float:
    """Total time waiting for the person, in the unit of the policy's pause cap."""
    cap = snapshot_duration(case.policy, "max_pause")
    calendar = snapshot_calendar(case.policy)
    return sum(working_time_between(start=p.started_at, end=p.ended_at or as_of,
                                    calendar=calendar, unit=cap.unit)
               for p in case.pauses.all())


def pause_cap_reached_at(case: Case, pause: ClockPause, *, as_of: datetime) -> datetime | None:
    """When an open pause uses up the policy's cap, or None if it has not yet."""
    cap = snapshot_duration(case.policy, "max_pause")
    used_before = sum(working_time_between(start=p.started_at, end=p.ended_at,
                                           calendar=snapshot_calendar(case.policy), unit=cap.unit)
                      for p in case.pauses.all() if p.pk != pause.pk and p.ended_at)
    remaining = max(int(cap.amount - used_before), 0)
    reached = due_moment(received_at=pause.started_at, calendar=snapshot_calendar(case.policy),
                         duration=Duration(remaining, cap.unit)).at
    return reached if reached <= as_of else None


def extension_room(case: Case) -> int:
    """How much more extension the policy allows, in its max_extension unit."""
    cap = snapshot_duration(case.policy, "max_extension")
    used = sum(e.amount for e in case.extensions.all()
               if e.status in (ExtensionStatus.APPROVED, ExtensionStatus.PENDING))
    return max(cap.amount - used, 0)

