"""The provider's case page: what the person said, the deadlines, the thread, the log, and the
forms the viewer may use in the case's current state."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.selectors import provider_members

from ... import services
from ...deadlines import Unit
from ...forms.provider import (
    AcknowledgeForm,
    AssignForm,
    CallbackAttemptForm,
    ExtensionForm,
    NoteForm,
    OutcomeForm,
    QuestionForm,
    ReplyToPersonForm,
)
from ...models import (
    CallbackAttempt,
    CallbackResult,
    CallbackStatus,
    Case,
    EventAction,
    ExtensionStatus,
    Outcome,
)
from ...permissions import allowed_actions, can, cases_visible_to_provider_member
from ...policies import snapshot_calendar, snapshot_duration
from ...selectors.explanations import DeadlineExplained, deadline_explanations
from ...selectors.provider import previous_cases
from ...services.clock import extension_room
from ...workflow import ALLOWED, OPEN_STATES, ActorKind, State
from .time_left import TimeLeft, time_left

ACTIONS = ("acknowledge", "reply", "ask", "resume", "note", "assign", "take", "extend",
           "decide_extension", "outcome", "resolve", "callback")

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
FORM_ANCHORS = {"resolve": "outcome-title", "decide_extension": "extensions-title",
                "extension": "extensions-title", "take": "", "assign": "id_assign-assignee"}


def case_for(request, reference: str, action: str = "view") -> Case:
    """The case, if the viewer may see it (else 404) and take `action` on it (else 403)."""
    case = get_object_or_404(
        cases_visible_to_provider_member(user=request.user)
        .select_related("service", "provider", "assignee", "submitter"),
        reference=reference)
    if not can(request.user, "view", case):
        raise Http404
    if action != "view" and not can(request.user, action, case):
        raise PermissionDenied
    return case


@login_required
def case_detail(request, reference):
    case = case_for(request, reference)
    services.case_access_record(case=case, user=request.user)
    return render_case_page(request, case)


# ---- the forms, built the same way for the page and for the POST that checks them ----

FORMS = {"acknowledge": AcknowledgeForm, "reply": ReplyToPersonForm, "question": QuestionForm,
         "note": NoteForm, "assign": AssignForm, "extension": ExtensionForm,
         "outcome": OutcomeForm}


def case_form(name: str, case: Case, data=None, *, now: datetime, colleagues=None):
    """One of the case page's forms, with its prefix, choices and starting text."""
    kwargs = {"prefix": name}
    if name == "acknowledge":
        kwargs["agreed_latest"] = _agreed_latest(case)
        kwargs["initial"] = {"body": acknowledgement_text(case, now=now)}
    elif name == "assign":
        kwargs["colleagues"] = (colleagues if colleagues is not None
                                else provider_members(provider=case.provider))
        kwargs["initial"] = {"assignee": str(case.assignee_id or "none")}
    elif name == "extension":
        kwargs["unit_label"] = UNIT_WORDS[snapshot_duration(case.policy, "max_extension").unit]
    elif name == "outcome":
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
                 "date": date_format(calendar.local(case.respond_due_at), "DATE_FORMAT"),
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
    received = snapshot_calendar(case.policy).local(case.received_at).date()
    return date_format(received + timedelta(days=limit.amount), "DATE_FORMAT")


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


def render_case_page(request, case: Case, *, failed=None, failed_key: str = "", status=200):
    """The case page; `failed` is a form that did not pass, shown with its errors and input."""
    return render(request, "feedback/provider/case.html",
                  case_page_context(request, case, failed=failed, failed_key=failed_key),
                  status=status)


def case_page_context(request, case: Case, *, failed=None, failed_key: str = "") -> dict:
    user, now = request.user, timezone.now()
    permitted = allowed_actions(user, case)
    allowed = {action: action in permitted for action in ACTIONS}
    open_ = case.state in OPEN_STATES
    paused = case.pauses.filter(ended_at__isnull=True).first()
    extensions = list(case.extensions.select_related("requested_by", "decided_by"))
    for extension in extensions:
        extension.unit_words = UNIT_WORDS[Unit(extension.unit)]
    callbacks = list(case.callbacks.prefetch_related(
        Prefetch("attempts", queryset=CallbackAttempt.objects.select_related("by"))))
    colleagues = list(provider_members(provider=case.provider).order_by("full_name", "email"))
    person = case.person_name if case.identity_shared else _("The person")

    def form(name):
        if failed_key == name:
            return failed
        return case_form(name, case, now=now, colleagues=colleagues)

    answered = case.first_response_at is not None
    room = extension_room(case)
    callback_rows = [{
        "callback": callback,
        "form": failed if failed_key == f"callback-{callback.pk}" else callback_form(callback.pk),
        "can_record": (allowed["callback"] and callback.status == CallbackStatus.REQUESTED
                       and case.state != State.CLOSED),
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
        "extensions": extensions,
        "previous": list(previous_cases(case=case)) if case.identity_shared else [],
        "log": _log(case, person, colleagues),
        # Which forms make sense for this viewer, now: templates never test roles.
        "can_acknowledge": allowed["acknowledge"] and open_ and case.acknowledged_at is None,
        "can_reply": allowed["reply"] and case.state != State.CLOSED,
        "can_ask": allowed["ask"] and open_ and not answered and paused is None,
        "can_resume": allowed["resume"] and paused is not None,
        "can_note": allowed["note"],
        "can_assign": allowed["assign"] and case.state != State.CLOSED,
        "can_take": (allowed["take"] and not allowed["assign"] and case.state != State.CLOSED
                     and case.assignee_id != user.pk),
        "show_extension": allowed["extend"] and open_ and not answered,
        "can_extend": room > 0 and now < case.respond_due_at,
        "extension_late": now >= case.respond_due_at,
        "extension_room": room,
        "extension_unit": UNIT_WORDS[snapshot_duration(case.policy, "max_extension").unit],
        "extension_needs_manager": not allowed["decide_extension"],
        "can_decide_extension": allowed["decide_extension"],
        "can_outcome": allowed["outcome"] and open_,
        "can_resolve": allowed["resolve"] and State.RESOLVED in ALLOWED[case.state],
        "acknowledge_form": form("acknowledge"), "reply_form": form("reply"),
        "question_form": form("question"), "note_form": form("note"),
        "assign_form": form("assign"), "extension_form": form("extension"),
        "outcome_form": form("outcome"),
    }


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
    return [{
        "message": message,
        "who": person if message.from_person
        else (message.author.display_name if message.author else _("The portal")),
        "internal": message.visibility == "internal",
        "purpose": message.get_purpose_display() if message.purpose != "reply" else "",
    } for message in case.messages.select_related("author")]


def _log(case: Case, person: str, colleagues) -> list[LogLine]:
    """The event log in words; the person is "the person" unless they shared who they are."""
    names = {user.pk: user.display_name for user in colleagues}
    states = dict(State.choices)
    lines = []
    for event in case.events.select_related("actor"):
        if event.actor_kind == ActorKind.PERSON:
            who = person
        elif event.actor_kind == ActorKind.STAFF and event.actor is not None:
            who = event.actor.display_name
        else:
            who = event.get_actor_kind_display()
        what, detail = event.get_action_display(), ""
        if event.action == EventAction.STATE_CHANGED:
            what = _("%(before)s → %(after)s") % {
                "before": states.get(event.from_state, event.from_state),
                "after": states.get(event.to_state, event.to_state)}
        elif event.action == EventAction.ASSIGNED:
            detail = names.get(event.data.get("to"), "") if event.data.get("to") else _("nobody")
        elif event.action == EventAction.CLOCK_RESUMED:
            detail = RESUME_REASONS.get(event.reason, "")
        elif event.action == EventAction.CALLBACK_ATTEMPT:
            detail = dict(CallbackResult.choices).get(event.data.get("result"), "")
        elif event.action == EventAction.OUTCOME_RECORDED:
            detail = dict(Outcome.choices).get(event.data.get("outcome"), "")
        elif event.action == EventAction.EXTENSION_DECIDED:
            detail = _("approved") if event.data.get("approved") else _("refused")
        elif event.actor_kind == ActorKind.STAFF:
            # Staff's own reasons (extension, pause); others' reasons stay with moderators.
            detail = event.reason
        lines.append(LogLine(event.at, who, what, detail))
    return lines
