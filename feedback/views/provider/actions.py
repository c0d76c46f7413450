"""What staff do from a case page. Each view: permission, form, one service, redirect back with a
message; or the page again with the error and everything typed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.selectors import provider_members

from ... import services
from ...forms.provider import ConfirmForm, ExtensionDecisionForm
from ...models import CallbackStatus, ExtensionStatus
from ...policies import snapshot_calendar
from ...workflow import TransitionNotAllowed
from .case import callback_form, case_for, case_form, render_case_page


def _act(request, reference, *, action: str, form_name: str = "", form=None, perform):
    """Check `action` is allowed, validate the form, run `perform(case, data)` (one service) and
    redirect with the message it returns; on any error show the page again with it."""
    case = case_for(request, reference, action)
    if form is None:
        form = (case_form(form_name, case, request.POST, now=timezone.now()) if form_name
                else ConfirmForm(request.POST))
    elif callable(form):
        form = form(case)
    if form.is_valid():
        try:
            done = perform(case, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        except TransitionNotAllowed:
            form.add_error(None, _("This cannot be done while the case is “%(state)s”.")
                           % {"state": case.get_state_display()})
        else:
            messages.success(request, done)
            return redirect("provider:case", reference=case.reference)
    # The service rolled back; start again from what is stored.
    case.refresh_from_db()
    return render_case_page(request, case, failed=form, failed_key=form.prefix or action,
                            status=400)


def _staff_action(action: str, form_name: str = ""):
    """Wrap a `perform(request, case, data) -> message` as a signed-in, POST-only view."""
    def decorate(perform):
        @login_required
        @require_POST
        def view(request, reference):
            return _act(request, reference, action=action, form_name=form_name,
                        perform=lambda case, data: perform(request, case, data))
        view.__name__ = view.__qualname__ = perform.__name__
        view.__doc__ = perform.__doc__
        return view
    return decorate


@_staff_action("acknowledge", "acknowledge")
def case_acknowledge(request, case, data):
    """Send the (edited) acknowledgement, agreeing a response date where the policy allows."""
    services.case_acknowledge(case=case, user=request.user, body=data["body"],
                              agreed_date=data.get("agreed_date"))
    return _("Acknowledgement sent to the person.")


@_staff_action("reply", "reply")
def case_reply(request, case, data):
    services.message_to_person(case=case, user=request.user, body=data["body"])
    return _("Reply sent to the person.")


@_staff_action("ask", "question")
def case_question(request, case, data):
    services.question_ask(case=case, user=request.user, body=data["body"])
    return _("Question sent. The clock for your answer is paused until the person replies.")


@_staff_action("resume")
def case_resume(request, case, data):
    services.clock_resume_by_staff(case=case, user=request.user)
    return _("The clock for your answer is running again.")


@_staff_action("note", "note")
def case_note(request, case, data):
    services.note_add(case=case, user=request.user, body=data["body"])
    return _("Internal note saved.")


@_staff_action("assign", "assign")
def case_assign(request, case, data):
    """A manager gives the case to a colleague (or to nobody)."""
    assignee = None
    if data["assignee"] != "none":
        assignee = get_object_or_404(provider_members(provider=case.provider),
                                     pk=int(data["assignee"]))
    services.case_assign(case=case, user=request.user, assignee=assignee)
    if assignee is None:
        return _("Nobody is assigned to this case now.")
    return _("Case assigned to %(name)s.") % {"name": assignee.display_name}


@_staff_action("take")
def case_take(request, case, data):
    services.case_assign(case=case, user=request.user, assignee=request.user)
    return _("This case is now assigned to you.")


@_staff_action("extend", "extension")
def case_extension(request, case, data):
    """Ask for more time; a manager's request is approved at once, a colleague's waits."""
    extension = services.extension_request(case=case, user=request.user, amount=data["amount"],
                                           reason=data["reason"])
    if extension.status == ExtensionStatus.APPROVED:
        return _new_date_message(case)
    return _("Extension requested. A manager must approve it before the date changes.")


@_staff_action("outcome", "outcome")
def case_outcome(request, case, data):
    services.outcome_record(case=case, user=request.user, outcome=data["outcome"],
                            actions_taken=data["actions_taken"],
                            service_changed=data["service_changed"])
    return _("Outcome recorded.")


@_staff_action("resolve")
def case_resolve(request, case, data):
    services.case_resolve(case=case, user=request.user)
    return _("Case resolved. The person has been told.")


@login_required
@require_POST
def extension_decide(request, reference, extension_id):
    """A manager approves or refuses a colleague's request for more time."""
    def perform(case, data):
        extension = get_object_or_404(case.extensions, pk=extension_id)
        approve = data["decision"] == "approve"
        services.extension_decide(extension=extension, user=request.user, approve=approve)
        return _new_date_message(case) if approve else _("Extension refused.")
    return _act(request, reference, action="decide_extension",
                form=ExtensionDecisionForm(request.POST), perform=perform)


@login_required
@require_POST
def callback_attempt(request, reference, callback_id):
    """Record one try at phoning the person back."""
    def perform(case, data):
        callback = get_object_or_404(case.callbacks, pk=callback_id)
        services.callback_attempt_record(callback=callback, user=request.user,
                                         result=data["result"], note=data["note"])
        if callback.status == CallbackStatus.DONE:
            return _("Call recorded. The callback is done.")
        return _("Call attempt recorded.")
    return _act(request, reference, action="callback",
                form=lambda case: _callback_form_for(case, callback_id, request.POST),
                perform=perform)


def _callback_form_for(case, callback_id, data):
    # A callback of another case is a 404, before anything is validated.
    get_object_or_404(case.callbacks, pk=callback_id)
    return callback_form(callback_id, data)


def _new_date_message(case) -> str:
    case.refresh_from_db()
    when = date_format(snapshot_calendar(case.policy).local(case.respond_due_at),
                       "DATETIME_FORMAT")
    return _("Extension approved. The person has been told the new date (%(date)s).") % {
        "date": when}
