"""The deadline sweep: reminders before a deadline, overdue marks, the person told honestly that the
answer is late, escalation to the commissioner, and resolved cases closed when the person stays
silent (PRODUCT.md §5, §8).

Run every few minutes by `manage.py sweep_deadlines`. The clock is passed in. Each notice is a
`Notice(case, kind, due_at)` row written in the same transaction as its emails and events, so running
the sweep twice, or on two machines at once, sends nothing twice: the second insert of the same key
fails (on PostgreSQL it waits for the first transaction, then fails), and its emails roll back too.
"""

import itertools
import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Exists, Max, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from portal.models import Role
from portal.selectors import commissioner_members, provider_members

from .deadlines import END_OF_DAY, Calendar, Duration, Unit, due_moment, working_time_between
from .models import (
    CallbackRequest,
    CallbackStatus,
    Case,
    CaseEvent,
    ClockPause,
    EventAction,
    Message,
    Notice,
)
from .notifications import person_notify, staff_notify
from .policies import snapshot_calendar, snapshot_duration
from .services.clock import deadlines_refresh, pause_cap_reached_at, respond_due
from .services.lifecycle import case_close, case_overdue_escalate
from .services.provider import clock_resume_at_cap
from .vocabulary import OPEN_STATES, Actor, ActorKind, CaseRuleError, State

# Cases are read in batches, each with its notices and callbacks in two more queries.
BATCH = 500
# The rules whose values the query's bounds need, read from the cases' snapshots in one query.
BOUNDED_RULES = ("reminder_before", "escalate_after_overdue", "auto_close_after")
# How far back to look for the last day a rule has run out (a year is far beyond any rule).
_SEARCH_DAYS = 400

# Notice kinds; the deadline's name ("acknowledge", "respond", "callback") follows the colon.
REMINDER = "reminder:"
OVERDUE = "overdue:"            # marked overdue (and, for the answer, the person told)
MANAGERS = "overdue_managers:"  # the provider's managers told, in working hours
ESCALATION = "escalation"
ESCALATION_NOTICE = "escalation:commissioner"
PAUSE_CAP = "pause_cap"
AUTO_CLOSE = "auto_close"

LABELS = {
    "acknowledge": _("The acknowledgement"),
    "respond": _("The answer to the person"),
    "callback": _("The phone call back"),
}


@dataclass
class SweepReport:
    """What one run of the sweep did."""

    cases: int = 0                 # cases with a deadline near or past, looked at
    pauses_ended: int = 0          # pauses that reached the policy's cap and were ended
    deadlines_moved: int = 0       # paused cases whose respond deadline moved on
    reminders: int = 0
    overdue: int = 0               # deadlines marked overdue
    late_notices: int = 0          # people told that their answer is late
    manager_notices: int = 0       # overdue deadlines the provider's managers were told about
    escalations: int = 0
    commissioner_notices: int = 0
    closed: int = 0                # resolved cases closed after the person's silence
    emails: int = 0                # emails written to the outbox

    def counts(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True)
class _Deadline:
    name: str                      # "acknowledge", "respond" or "callback"
    due_at: datetime
    still_owed: QuerySet           # non-empty while the provider still owes it, read afresh


class _Settled(Exception):
    """The notice was sent already (by an earlier run, or another sweep just now), or is no
    longer owed."""


def sweep_run(*, now: datetime) -> SweepReport:
    """Send every deadline notice due at `now` exactly once, end pauses past their cap, and close
    resolved cases the person left unanswered for the policy's time."""
    if now.tzinfo is None:
        raise ValueError("now must be time-zone aware")
    sweep = _Sweep(now)
    sweep.pauses()
    sweep.deadlines()
    sweep.resolved()
    return sweep.report


class _Sweep:
    def __init__(self, now: datetime):
        self.now = now
        self.report = SweepReport()
        self._calendars: dict[str, Calendar] = {}
        self._snapshots: dict[frozenset, list[dict]] = {}
        self._people: dict[tuple, list] = {}

    # --- waiting for the person -------------------------------------------------------------

    def pauses(self) -> None:
        """End pauses that used up the policy's cap (at the moment they did); push the respond
        deadline of cases still waiting, so a paused case is never marked overdue."""
        open_pauses = ClockPause.objects.filter(ended_at__isnull=True,
                                                case__state__in=OPEN_STATES)
        for pause in _in_batches(open_pauses, lambda batch: batch.select_related("case")):
            case = pause.case
            reached = pause_cap_reached_at(case, pause, as_of=self.now)
            if reached is not None:
                still_open = ClockPause.objects.filter(pk=pause.pk, ended_at__isnull=True)
                if self._once(case, PAUSE_CAP, pause.started_at, still_open,
                              lambda: clock_resume_at_cap(case=case, at=reached)):
                    self.report.pauses_ended += 1
            elif respond_due(case, as_of=self.now).at != case.respond_due_at:
                with transaction.atomic():
                    # Locked and read again: the person may be answering at this very moment.
                    case = Case.objects.select_for_update().get(pk=case.pk)
                    if case.pauses.filter(pk=pause.pk, ended_at__isnull=True).exists():
                        deadlines_refresh(case=case, as_of=self.now)
                        self.report.deadlines_moved += 1

    # --- reminders, overdue, escalation -----------------------------------------------------

    def deadlines(self) -> None:
        """Reminders, overdue marks and escalations for every open case with a deadline near or
        past and a notice not yet sent."""
        def load(batch: QuerySet[Case]) -> QuerySet[Case]:
            return (batch.select_related("submitter", "assignee")
                    .annotate(paused=Exists(ClockPause.objects.filter(case=OuterRef("pk"),
                                                                      ended_at__isnull=True)))
                    .prefetch_related(
                        Prefetch("notices", to_attr="sent_notices"),
                        Prefetch("callbacks", to_attr="owed_callbacks",
                                 queryset=CallbackRequest.objects.filter(
                                     status=CallbackStatus.REQUESTED, due_at__isnull=False))))

        for case in _in_batches(self._candidates(), load):
            self.report.cases += 1
            self._case_deadlines(case)

    def _candidates(self) -> QuerySet[Case]:
        """Open cases owing a notice now or soon: the query leaves out every case whose notices
        are all sent, so a sweep over 100,000 open cases reads only the few that need one."""
        now, horizon = self.now, self._reminder_horizon()
        staff = ~Q(state=State.IN_MODERATION)
        staff_in_callback = ~Q(case__state=State.IN_MODERATION)

        def missing(kind: str, case_ref: str, due_ref: str) -> Exists:
            return ~Exists(Notice.objects.filter(case=OuterRef(case_ref), kind=kind,
                                                 due_at=OuterRef(due_ref)))

        def unsettled(name: str, due: str, staff_q: Q, case_ref: str = "pk",
                      reminder_q: Q = Q()) -> Q:
            soon = (Q(**{f"{due}__gte": now, f"{due}__lte": horizon}) & staff_q & reminder_q
                    & missing(REMINDER + name, case_ref, due))
            late = Q(**{f"{due}__lt": now}) & (missing(OVERDUE + name, case_ref, due)
                                               | staff_q & missing(MANAGERS + name, case_ref, due))
            return soon | late

        acknowledge = Q(acknowledged_at__isnull=True) & unsettled(
            "acknowledge", "acknowledge_due_at", staff)
        respond = Q(first_response_at__isnull=True) & unsettled(
            "respond", "respond_due_at", staff,
            # No reminder while waiting for the person: staff can do nothing until they answer.
            reminder_q=~Exists(ClockPause.objects.filter(case=OuterRef("pk"),
                                                         ended_at__isnull=True)))
        escalation = Q(first_response_at__isnull=True, respond_due_at__lt=now,
                       respond_due_at__lte=self._run_out_before(OPEN_STATES, "escalate_after_overdue")) & (
            missing(ESCALATION, "pk", "respond_due_at")
            | missing(ESCALATION_NOTICE, "pk", "respond_due_at"))
        callbacks = Exists(CallbackRequest.objects.filter(
            unsettled("callback", "due_at", staff_in_callback, case_ref="case_id"),
            case=OuterRef("pk"), status=CallbackStatus.REQUESTED))
        return Case.objects.filter(state__in=OPEN_STATES).filter(
            acknowledge | respond | escalation | callbacks)

    def _case_deadlines(self, case: Case) -> None:
        now, calendar = self.now, self._calendar(case)
        working = calendar.is_working_time(now)
        # Staff hear of deadlines in their working hours only, and not while moderators hold the
        # case; the person and the audit are never held back.
        staff_hours = working and case.state != State.IN_MODERATION
        sent = {(notice.kind, notice.due_at) for notice in case.sent_notices}
        for deadline in self._owed(case):
            name, due = deadline.name, deadline.due_at
            if due >= now:
                if (staff_hours and (REMINDER + name, due) not in sent
                        and not (name == "respond" and case.paused)
                        and self._reminder_due(case, calendar, due)):
                    self._remind(case, deadline)
                continue
            if (OVERDUE + name, due) not in sent:
                self._mark_overdue(case, deadline)
            if staff_hours and (MANAGERS + name, due) not in sent:
                self._tell_managers(case, deadline)
            if name == "respond":
                margin = snapshot_duration(case.policy, "escalate_after_overdue")
                if due_moment(received_at=due, duration=margin, calendar=calendar).at <= now:
                    if (ESCALATION, due) not in sent:
                        self._escalate(case, deadline)
                    if working and (ESCALATION_NOTICE, due) not in sent:
                        self._tell_commissioner(case, deadline)

    def _owed(self, case: Case) -> list[_Deadline]:
        owed = []
        open_case = Case.objects.filter(pk=case.pk, state__in=OPEN_STATES)
        if case.acknowledged_at is None and case.acknowledge_due_at:
            owed.append(_Deadline("acknowledge", case.acknowledge_due_at, open_case.filter(
                acknowledged_at__isnull=True, acknowledge_due_at=case.acknowledge_due_at)))
        if case.first_response_at is None and case.respond_due_at:
            owed.append(_Deadline("respond", case.respond_due_at, open_case.filter(
                first_response_at__isnull=True, respond_due_at=case.respond_due_at)))
        # Callbacks due at the same moment share their notices: one email names that moment.
        for due in sorted({callback.due_at for callback in case.owed_callbacks}):
            owed.append(_Deadline("callback", due, open_case.filter(
                callbacks__status=CallbackStatus.REQUESTED, callbacks__due_at=due)))
        return owed

    def _reminder_due(self, case: Case, calendar: Calendar, due: datetime) -> bool:
        """Whether the reminder window has opened: for a rule in working days, from the start of
        the Nth working day before the due day ("due tomorrow"), otherwise when that much time is
        left."""
        rule = snapshot_duration(case.policy, "reminder_before")
        if rule.unit is not Unit.WORKING_DAYS:
            return working_time_between(start=self.now, end=due, calendar=calendar,
                                        unit=rule.unit) <= rule.amount
        today, due_day = calendar.local(self.now).date(), calendar.local(due).date()
        for count, day in enumerate(calendar.working_days_after(today), start=1):
            if day > due_day:
                return True
            if count > rule.amount:
                return False
        return False  # pragma: no cover - working_days_after raises first

    def _remind(self, case: Case, deadline: _Deadline) -> None:
        people = [case.assignee] if case.assignee_id else self._provider_people(case, None)

        def send() -> None:
            emails = staff_notify(case=case, users=people, event="reminder",
                                  deadline_label=LABELS[deadline.name], due_at=deadline.due_at)
            CaseEvent.record(case=case, actor=Actor.system(), action=EventAction.REMINDER_SENT,
                             at=self.now, data={**_about(deadline), "recipients": len(emails)})
            self.report.emails += len(emails)

        if self._once(case, REMINDER + deadline.name, deadline.due_at, deadline.still_owed, send):
            self.report.reminders += 1

    def _mark_overdue(self, case: Case, deadline: _Deadline) -> None:
        late = deadline.name == "respond"

        def mark() -> None:
            CaseEvent.record(case=case, actor=Actor.system(), action=EventAction.MARKED_OVERDUE,
                             at=self.now, data=_about(deadline))
            # Honesty is not held back at night: the person hears as soon as the answer is late.
            if late and person_notify(case=case, event="late") is not None:
                self.report.late_notices += 1
                self.report.emails += 1

        if self._once(case, OVERDUE + deadline.name, deadline.due_at, deadline.still_owed, mark):
            self.report.overdue += 1

    def _tell_managers(self, case: Case, deadline: _Deadline) -> None:
        people = self._provider_people(case, (Role.MANAGER,))
        if case.assignee_id and case.assignee not in people:
            people = [*people, case.assignee]

        def send() -> None:
            emails = staff_notify(case=case, users=people, event="overdue",
                                  deadline_label=LABELS[deadline.name], due_at=deadline.due_at)
            self.report.emails += len(emails)

        if self._once(case, MANAGERS + deadline.name, deadline.due_at, deadline.still_owed, send):
            self.report.manager_notices += 1

    def _escalate(self, case: Case, deadline: _Deadline) -> None:
        # An alert to the commissioner, not a change of state: the provider still owes the
        # answer. (The person's own "not satisfied" escalation is the one that moves the case.)
        if self._once(case, ESCALATION, deadline.due_at, deadline.still_owed,
                      lambda: case_overdue_escalate(case=case, at=self.now)):
            self.report.escalations += 1

    def _tell_commissioner(self, case: Case, deadline: _Deadline) -> None:
        key = ("commissioner", case.commissioner_id)
        if key not in self._people:
            self._people[key] = list(commissioner_members(commissioner=case.commissioner_id,
                                                          roles=[Role.COMMISSIONER]))

        def send() -> None:
            emails = staff_notify(case=case, users=self._people[key], event="escalated",
                                  due_at=deadline.due_at, to_provider=False)
            self.report.emails += len(emails)

        if self._once(case, ESCALATION_NOTICE, deadline.due_at, deadline.still_owed, send):
            self.report.commissioner_notices += 1

    # --- resolved and silent ----------------------------------------------------------------

    def resolved(self) -> None:
        """Close resolved cases after the policy's time without a word from the person (10
        working days by default); closing erases callback phone numbers."""
        person = Q(messages__author_kind=ActorKind.PERSON)
        cases = Case.objects.filter(state=State.RESOLVED, resolved_at__isnull=False,
                                    resolved_at__lte=self._run_out_before(
                                        frozenset({State.RESOLVED}), "auto_close_after"))
        for case in _in_batches(cases, lambda batch: batch.annotate(
                last_from_person=Max("messages__created_at", filter=person))):
            quiet_since = max(case.resolved_at, case.last_from_person or case.resolved_at)
            rule = snapshot_duration(case.policy, "auto_close_after")
            if due_moment(received_at=quiet_since, duration=rule,
                          calendar=self._calendar(case)).at > self.now:
                continue
            still_silent = Case.objects.filter(pk=case.pk, state=State.RESOLVED).exclude(
                Exists(Message.objects.filter(case=OuterRef("pk"), author_kind=ActorKind.PERSON,
                                              created_at__gt=quiet_since)))
            if self._once(case, AUTO_CLOSE, quiet_since, still_silent,
                          lambda: case_close(case=case, reason="no_reply_after_resolution",
                                             at=self.now)):
                self.report.closed += 1

    # --- helpers ----------------------------------------------------------------------------

    def _once(self, case: Case, kind: str, due_at: datetime, still_owed: QuerySet,
              act: Callable[[], object]) -> bool:
        """Run `act` in one transaction with the notice row that records it, unless that notice
        exists already, the deadline is no longer owed, or the case policy refuses it now;
        True if it ran."""
        try:
            with transaction.atomic():
                try:
                    with transaction.atomic():
                        Notice.objects.create(case=case, kind=kind, due_at=due_at,
                                              created_at=self.now)
                except IntegrityError:
                    raise _Settled from None
                # Read under the case's lock, after the notice is ours: a reply or an escalation
                # by the person that committed since the batch was read wins.
                list(Case.objects.select_for_update().filter(pk=case.pk).values_list("pk"))
                if not still_owed.exists():
                    raise _Settled
                try:
                    act()
                except CaseRuleError:
                    raise _Settled from None
        except _Settled:
            return False
        return True

    def _calendar(self, case: Case) -> Calendar:
        return self._calendar_of(case.policy["calendar"])

    def _calendar_of(self, data: dict) -> Calendar:
        key = json.dumps(data, sort_keys=True)
        if key not in self._calendars:
            self._calendars[key] = snapshot_calendar({"calendar": data})
        return self._calendars[key]

    def _provider_people(self, case: Case, roles: tuple | None) -> list:
        key = ("provider", case.provider_id, roles)
        if key not in self._people:
            found = (provider_members(provider=case.provider_id) if roles is None
                     else provider_members(provider=case.provider_id, roles=roles))
            self._people[key] = list(found.order_by("pk"))
        return self._people[key]

    def _snapshot_rules(self, states, key: str) -> list[tuple[Calendar, Duration]]:
        """Each (calendar, rule) pair that cases in `states` carry in their policy snapshots: the
        query's bounds hold for every case, whatever the commissioner has changed since."""
        if states not in self._snapshots:
            self._snapshots[states] = list(
                Case.objects.filter(state__in=states).order_by().values(
                    "policy__calendar", *(f"policy__{rule}" for rule in BOUNDED_RULES))
                .distinct())
        return [(self._calendar_of(row["policy__calendar"]), Duration(*row[f"policy__{key}"]))
                for row in self._snapshots[states]]

    def _reminder_horizon(self) -> datetime:
        """The latest deadline whose reminder may be due now, on any case's calendar."""
        horizon = self.now
        for calendar, rule in self._snapshot_rules(OPEN_STATES, "reminder_before"):
            if rule.unit is Unit.WORKING_DAYS:
                # The end of the day before the (N+1)th working day: see _reminder_due.
                after = calendar.working_days_after(calendar.local(self.now).date())
                day = next(itertools.islice(after, rule.amount, None))
                latest = calendar.at(day - timedelta(days=1), END_OF_DAY)
            else:
                ahead = due_moment(received_at=self.now, duration=rule, calendar=calendar).at
                latest = due_moment(received_at=ahead, calendar=calendar,
                                    duration=Duration(1, Unit.WORKING_DAYS)).at
            horizon = max(horizon, latest)
        return horizon

    def _run_out_before(self, states, key: str) -> datetime:
        """A moment after every start whose `key` rule (escalation margin, auto-close wait) has
        run out by now, on any case's calendar; so the query reads only those cases."""
        latest = self.now - timedelta(days=_SEARCH_DAYS)
        for calendar, rule in self._snapshot_rules(states, key):
            if rule.unit in (Unit.HOURS, Unit.WORKING_HOURS):
                bound = self.now - timedelta(hours=rule.amount)
            else:
                bound = self._last_day_run_out(calendar, rule)
            latest = max(latest, bound)
        return latest

    def _last_day_run_out(self, calendar: Calendar, rule: Duration) -> datetime:
        # Due moments never move back as the start moves on: walk back from today to the last
        # day whose first moment has run out, and take that day's end.
        day = calendar.local(self.now).date()
        for _day in range(_SEARCH_DAYS):
            start = calendar.at(day, time.min)
            if due_moment(received_at=start, duration=rule, calendar=calendar).at <= self.now:
                return calendar.at(day, END_OF_DAY)
            day -= timedelta(days=1)
        return calendar.at(day, END_OF_DAY)


def _in_batches(rows: QuerySet, load: Callable[[QuerySet], QuerySet]) -> Iterator:
    """The rows a batch at a time, each batch read whole with what `load` adds to it. No cursor
    stays open while the sweep writes: SQLite cannot start writing under an open read."""
    ids = list(rows.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        yield from load(rows.model.objects.filter(pk__in=ids[start:start + BATCH]).order_by("pk"))


def _about(deadline: _Deadline) -> dict:
    return {"deadline": deadline.name, "due_at": deadline.due_at.isoformat()}
