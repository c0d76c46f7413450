"""The provider's case page: what the person said, the deadlines, the thread, the log, and the
forms the viewer may use in the case's current state."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import get_object_or_404, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.selectors import provider_members

from ... import services
from ...dates import date_words, datetime_words
from ...deadlines import Unit
from ...forms.provider import (
    AcknowledgeForm,
    AssignForm,
    CallbackAttemptForm,
    ExtensionForm,
    NoteForm,
    OutcomeForm,
    QuestionForm,
    ReopenForm,
    ReplyToPersonForm,
)
from ...models import (
    CallbackAttempt,
    CallbackRequest,
    CallbackResult,
    CallbackStatus,
    Case,
    EventAction,
    Extension,
    ExtensionStatus,
    Outcome,
    Purpose,
)
from ...permissions import allowed_actions, cases_visible_to_provider_member
from ...policies import snapshot_calendar, snapshot_duration
from ...selectors.explanations import DeadlineExplained, deadline_explanations
from ...selectors.provider import previous_cases
from ...services.clock import extension_room
from ...vocabulary import OPEN_STATES, Action, Actor, ActorKind, State
from .time_left import TimeLeft, time_left

UNIT_WORDS = {
    Unit.WORKING_DAYS: gettext_lazy("working days"),
    Unit.CALENDAR_DAYS: gettext_lazy("calendar days"),
    Unit.WORKING_HOURS: gettext_lazy("working hours"),
    Unit.HOURS: gettext_lazy("hours"),
}

# Why a paused clock ran again, in plain words (the codes the services record).
RESUME_REASONS = {
    "person_answered": gettext_lazy("the person answered"),
    "resumed_by_staff": gettext_lazy("resumed by staff"),
    "resolved": gettext_lazy("the case was resolved"),
    "pause_cap_reached": gettext_lazy("the longest wait the policy allows was reached"),
}


# Where the error summary sends the reader for a form without a panel of its own.
FORM_ANCHORS = {Action.RESOLVE: "outcome-title", Action.DECIDE_EXTENSION: "extensions-title",
                Action.EXTEND: "extensions-title", Action.TAKE: "",
                Action.ASSIGN: "id_assign-assignee"}


def case_for(request, reference: str) -> Case:
    """The case, if the viewer may open it as a member of its provider; else 404, as if it did
    not exist. What they may do to it is the case policy's answer, asked per action."""
    return get_object_or_404(
        cases_visible_to_provider_member(user=request.user)
        .select_related("service", "provider", "assignee", "submitter"),
        reference=reference)


@login_required
def case_detail(request, reference):
    case = case_for(request, reference)
    services.case_access_record(case=case, user=request.user)
    return render_case_page(request, case)


# ---- the forms, built the same way for the page and for the POST that checks them ----

FORMS = {Action.ACKNOWLEDGE: AcknowledgeForm, Action.REPLY: ReplyToPersonForm,
         Action.QUESTION: QuestionForm, Action.NOTE: NoteForm, Action.ASSIGN: AssignForm,
         Action.EXTEND: ExtensionForm, Action.OUTCOME: OutcomeForm, Action.REOPEN: ReopenForm}


def case_form(name: str, case: Case, data=None, *, now: datetime, colleagues=None):
    """One of the case page's forms, with its prefix, choices and starting text."""
    name = Action(name)
    kwargs = {"prefix": name.value}
    if name == Action.ACKNOWLEDGE:
        kwargs["agreed_latest"] = _agreed_latest(case)
        kwargs["initial"] = {"body": acknowledgement_text(case, now=now)}
    elif name == Action.ASSIGN:
        kwargs["colleagues"] = (colleagues if colleagues is not None
                                else provider_members(provider=case.provider))
        kwargs["initial"] = {"assignee": str(case.assignee_id or "none")}
    elif name == Action.EXTEND:
        kwargs["unit_label"] = UNIT_WORDS[snapshot_duration(case.policy, "max_extension").unit]
    elif name == Action.OUTCOME:
        kwargs["initial"] = {"outcome": case.outcome or None, "actions_taken": case.actions_taken,
                             "service_changed": case.service_changed}
    return FORMS[name](data, **kwargs)


def callback_form(callback_id: int, data=None) -> CallbackAttemptForm:
    return CallbackAttemptForm(data, prefix=f"callback-{callback_id}")


def acknowledgement_text(case: Case, *, now: datetime) -> str:
    """The standard acknowledgement, in the person's language, with the date they will be
    answered by."""
    calendar = snapshot_calendar(case.policy)
    with translation.override(case.language):
        facts = {"service": case.service.localised_name(case.language),
                 "date": date_words(case.respond_due_at, language=case.language,
                                    calendar=calendar),
                 "reference": case.reference}
        if case.respond_due_at <= now:
            # Never promise a date that has already gone by.
            return _("Hello,\n\nThank you for your feedback about %(service)s. We have read it "
                     "and we are looking into it.\n\nWe are sorry: we should have answered you "
                     "by %(date)s. We will answer you as soon as we can.\n\nYour reference is "
                     "%(reference)s.") % facts
        return _("Hello,\n\nThank you for your feedback about %(service)s. We have read it and we "
                 "are looking into it.\n\nWe will answer you by %(date)s. If we need more time, "
                 "we will tell you why and give you a new date.\n\nYour reference is "
                 "%(reference)s.") % facts


def _agreed_latest(case: Case) -> str | None:
    """The last date the policy lets staff agree with the person, or None if it does not."""
    limit = snapshot_duration(case.policy, "agreed_response_max")
    if limit is None:
        return None
    calendar = snapshot_calendar(case.policy)
    received = calendar.local(case.received_at).date()
    return date_words(received + timedelta(days=limit.amount),
                      language=translation.get_language(), calendar=calendar)


# ---- what the page shows ----

@dataclass(frozen=True)
class DeadlineRow:
    item: DeadlineExplained
    status: str          # met, met_late, paused, overdue, due, cancelled, missed
    due_at: datetime
    time_left: TimeLeft | None = None
    extended: bool = False


@dataclass(frozen=True)
class LogLine:
    at: datetime
    who: str
    what: str
    detail: str = ""
    # `at` as the page shows it, in the commissioner's time zone: worked out once per line here.
    at_iso: str = ""
    at_text: str = ""


def render_case_page(request, case: Case, *, failed=None, failed_key: str = "", status=200):
    """The case page; `failed` is a form that did not pass, shown with its errors and input."""
    return render(request, "feedback/provider/case.html",
                  case_page_context(request, case, failed=failed, failed_key=failed_key),
                  status=status)


def case_page_context(request, case: Case, *, failed=None, failed_key: str = "") -> dict:
    user, now = request.user, timezone.now()
    _case_lists_read(case)
    paused = next((pause for pause in case.pauses.all() if pause.ended_at is None), None)
    # What this viewer may do now, from the case policy: templates never test roles or states.
    may = allowed_actions(case, actor=Actor.staff(user), paused=paused is not None)
    extensions = list(case.extensions.all())
    for extension in extensions:
        extension.unit_words = UNIT_WORDS[Unit(extension.unit)]
    callbacks = list(case.callbacks.all())
    # Names only: the lists show each colleague's display name.
    colleagues = list(provider_members(provider=case.provider).only("id", "full_name", "email")
                      .order_by("full_name", "email"))
    person = case.person_name if case.identity_shared else _("The person")

    def form(name):
        if failed_key == name:
            return failed
        return case_form(name, case, now=now, colleagues=colleagues)

    room = extension_room(case)
    retry_extension = failed_key == Action.EXTEND
    callback_rows = [{
        "callback": callback,
        "form": failed if failed_key == f"callback-{callback.pk}" else callback_form(callback.pk),
        "can_record": Action.CALLBACK_ATTEMPT in may
        and callback.status == CallbackStatus.REQUESTED,
    } for callback in callbacks]
    return {
        "case": case,
        "failed": failed,
        "failed_key": failed_key,
        "failed_anchor": FORM_ANCHORS.get(failed_key, f"{failed_key}-title"),
        "person_label": person,
        "identity": _identity(case),
        "service_name": case.service.localised_name(translation.get_language() or "en"),
        "paused": paused,
        "deadlines": _deadline_rows(case, now, paused, extensions, callbacks),
        "thread": _thread(case, person),
        "callbacks": callback_rows,
        "can_see_phone": Action.SEE_PHONE in may,
        "callback_needs_taking": (Action.CALLBACK_ATTEMPT not in may
                                  and Action.TAKE in may),
        "extensions": extensions,
        "previous": list(previous_cases(case=case)) if case.identity_shared else [],
        "log": _log(case, person, colleagues),
        "can_acknowledge": Action.ACKNOWLEDGE in may,
        "can_reply": Action.REPLY in may,
        "can_ask": Action.QUESTION in may,
        "can_resume": Action.RESUME in may,
        "can_note": Action.NOTE in may,
        "can_assign": Action.ASSIGN in may,
        # Managers choose anyone, themselves included, from the assign list.
        "can_take": Action.TAKE in may and Action.ASSIGN not in may,
        # A refused request shows again with its reason as typed, whatever the state now.
        "show_extension": Action.EXTEND in may or retry_extension,
        "can_extend": room > 0 and now < case.respond_due_at or retry_extension,
        "extension_late": now >= case.respond_due_at and not retry_extension,
        "extension_room": room,
        "extension_unit": UNIT_WORDS[snapshot_duration(case.policy, "max_extension").unit],
        "extension_needs_manager": Action.DECIDE_EXTENSION not in may,
        "can_decide_extension": Action.DECIDE_EXTENSION in may,
        "can_outcome": Action.OUTCOME in may,
        "can_resolve": Action.RESOLVE in may,
        "can_reopen": Action.REOPEN in may,
        "escalated": case.state == State.ESCALATED,
        "acknowledge_form": form(Action.ACKNOWLEDGE), "reply_form": form(Action.REPLY),
        "question_form": form(Action.QUESTION), "note_form": form(Action.NOTE),
        "assign_form": form(Action.ASSIGN), "extension_form": form(Action.EXTEND),
        "outcome_form": form(Action.OUTCOME), "reopen_form": form(Action.REOPEN),
    }


def _case_lists_read(case: Case) -> None:
    """Read the case's pauses, extensions and callbacks (with their calls) once, into the case's
    prefetch cache: the page, the clock (respond_due, extension_room) and the deadline
    explanations all read them through `case.<list>.all()`, which then asks no more queries."""
    prefetch_related_objects(
        [case], "pauses",
        Prefetch("extensions", queryset=Extension.objects.select_related("requested_by",
                                                                          "decided_by")),
        Prefetch("callbacks", queryset=CallbackRequest.objects.prefetch_related(
            Prefetch("attempts", queryset=CallbackAttempt.objects.select_related("by")))))


def _identity(case: Case) -> dict | None:
    """Who the person is, only when they chose to share it with the provider."""
    if not case.identity_shared:
        return None
    email = case.contact_email if case.identity_mode == "named_contact" else ""
    return {"name": case.person_name, "email": email}


def _deadline_rows(case, now, paused, extensions, callbacks) -> list[DeadlineRow]:
    callbacks_by_key = {f"callback-{c.pk}": c for c in callbacks}
    calendar = snapshot_calendar(case.policy)
    extended = any(e.status == ExtensionStatus.APPROVED for e in extensions)
    rows = []
    for item in deadline_explanations(case=case, now=now):
        due = item.explanation.due_at
        callback = callbacks_by_key.get(item.key)
        left, status = None, "due"
        if item.met_at:
            status = "met_late" if item.met_at > due else "met"
        elif callback is not None and callback.status == CallbackStatus.CANCELLED:
            status = "cancelled"
        elif item.key == "respond" and paused is not None:
            status = "paused"
        elif case.state not in OPEN_STATES:
            status = "missed"
        else:
            left = time_left(due_at=due, now=now, calendar=calendar)
            status = "overdue" if left.overdue else "due"
        rows.append(DeadlineRow(item, status, due, left,
                                extended=item.key == "respond" and extended))
    return rows


def _thread(case: Case, person: str) -> list[dict]:
    zone = ZoneInfo(case.timezone_name)
    language, calendar = translation.get_language(), snapshot_calendar(case.policy)
    purposes = dict(Purpose.choices)
    thread = []
    for message in case.messages.select_related("author"):
        at = message.created_at.astimezone(zone)
        thread.append({
            "message": message,
            "who": person if message.from_person
            else (message.author.display_name if message.author else _("The portal")),
            "internal": message.visibility == "internal",
            "purpose": str(purposes.get(message.purpose, message.purpose))
            if message.purpose != Purpose.REPLY else "",
            "at_iso": at.isoformat(),
            "at_text": datetime_words(at, language=language, calendar=calendar),
        })
    return thread


def _log(case: Case, person: str, colleagues) -> list[LogLine]:
    """The event log in words; the person is "the person" unless they shared who they are."""
    names = {user.pk: user.display_name for user in colleagues}
    # Labels looked up once per page, not through get_<field>_display per event.
    states, actions, actor_kinds = (dict(State.choices), dict(EventAction.choices),
                                    dict(ActorKind.choices))
    results, outcomes = dict(CallbackResult.choices), dict(Outcome.choices)
    zone = ZoneInfo(case.timezone_name)
    language, calendar = translation.get_language(), snapshot_calendar(case.policy)
    lines = []
    for event in case.events.select_related("actor"):
        if event.actor_kind == ActorKind.PERSON:
            who = person
        elif event.actor_kind == ActorKind.STAFF and event.actor is not None:
            who = event.actor.display_name
        else:
            who = str(actor_kinds.get(event.actor_kind, event.actor_kind))
        what, detail = str(actions.get(event.action, event.action)), ""
        if event.action == EventAction.STATE_CHANGED:
            what = _("%(before)s → %(after)s") % {
                "before": states.get(event.from_state, event.from_state),
                "after": states.get(event.to_state, event.to_state)}
        elif event.action == EventAction.ASSIGNED:
            detail = names.get(event.data.get("to"), "") if event.data.get("to") else _("nobody")
        elif event.action == EventAction.CLOCK_RESUMED:
            detail = RESUME_REASONS.get(event.reason, "")
        elif event.action == EventAction.CALLBACK_ATTEMPT:
            detail = results.get(event.data.get("result"), "")
        elif event.action == EventAction.OUTCOME_RECORDED:
            detail = outcomes.get(event.data.get("outcome"), "")
        elif event.action == EventAction.EXTENSION_DECIDED:
            detail = _("approved") if event.data.get("approved") else _("refused")
        elif event.actor_kind == ActorKind.STAFF:
            # Staff's own reasons (extension, pause); others' reasons stay with moderators.
            detail = event.reason
        at = event.at.astimezone(zone)
        lines.append(LogLine(event.at, who, what, detail, at_iso=at.isoformat(),
                             at_text=datetime_words(at, language=language, calendar=calendar)))
    return lines
