"""What staff do from a case page. Each view: the case (404 outside the member's provider), the
form, one service (which locks the case and asks the case policy), and a redirect with a message;
or the page again with the refusal or error and everything typed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.selectors import provider_members

from ... import services
from ...dates import datetime_words
from ...forms.provider import ConfirmForm, ExtensionDecisionForm
from ...models import CallbackStatus, ExtensionStatus
from ...permissions import refusal
from ...policies import snapshot_calendar
from ...vocabulary import Action, ActionRefused, Actor, TransitionNotAllowed
from .case import FORMS, callback_form, case_for, case_form, render_case_page


def _act(request, reference, *, action: Action, form=None, perform):
    """Build the form, let the case policy refuse early (a courtesy: the service asks again under
    the case's lock), run `perform(case, data)` and redirect with the message it returns; on a
    refusal or an error show the page again with it and everything typed."""
    case = case_for(request, reference)
    if form is None:
        form = (case_form(action, case, request.POST, now=timezone.now()) if action in FORMS
                else ConfirmForm(request.POST))
    elif callable(form):
        form = form(case)
    refused = refusal(action, case, actor=Actor.staff(request.user))
    if refused is None and form.is_valid():
        try:
            done = perform(case, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        except ActionRefused as error:
            refused = error
        except TransitionNotAllowed:
            # Someone else moved the case between our read and our write.
            case.refresh_from_db()
            refused = ActionRefused(action, _("Someone else changed this case just now. Check "
                                              "what happened, then try again."))
        else:
            messages.success(request, done)
            return redirect("provider:case", reference=case.reference)
    # The service rolled back; start again from what is stored.
    case.refresh_from_db()
    if refused is not None:
        form.add_error(None, refused.message)
    return render_case_page(request, case, failed=form, failed_key=form.prefix or action,
                            status=refused.status if refused is not None else 400)


def _staff_action(action: Action):
    """Wrap a `perform(request, case, data) -> message` as a signed-in, POST-only view."""
    def decorate(perform):
        @login_required
        @require_POST
        def view(request, reference):
            return _act(request, reference, action=action,
                        perform=lambda case, data: perform(request, case, data))
        view.__name__ = view.__qualname__ = perform.__name__
        view.__doc__ = perform.__doc__
        return view
    return decorate


@_staff_action(Action.ACKNOWLEDGE)
def case_acknowledge(request, case, data):
    """Send the (edited) acknowledgement, agreeing a response date where the policy allows."""
    services.case_acknowledge(case=case, user=request.user, body=data["body"],
                              agreed_date=data.get("agreed_date"))
    return _("Acknowledgement sent to the person.")


@_staff_action(Action.REPLY)
def case_reply(request, case, data):
    services.message_to_person(case=case, user=request.user, body=data["body"])
    return _("Reply sent to the person.")


@_staff_action(Action.QUESTION)
def case_question(request, case, data):
    services.question_ask(case=case, user=request.user, body=data["body"])
    return _("Question sent. The clock for your answer is paused until the person replies.")


@_staff_action(Action.RESUME)
def case_resume(request, case, data):
    services.clock_resume_by_staff(case=case, user=request.user)
    return _("The clock for your answer is running again.")


@_staff_action(Action.NOTE)
def case_note(request, case, data):
    services.note_add(case=case, user=request.user, body=data["body"])
    return _("Internal note saved.")


@_staff_action(Action.ASSIGN)
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


@_staff_action(Action.TAKE)
def case_take(request, case, data):
    services.case_assign(case=case, user=request.user, assignee=request.user)
    return _("This case is now assigned to you.")


@_staff_action(Action.EXTEND)
def case_extend(request, case, data):
    """Ask for more time; a manager's request is approved at once, a colleague's waits."""
    extension = services.extension_request(case=case, user=request.user, amount=data["amount"],
                                           reason=data["reason"])
    if extension.status == ExtensionStatus.APPROVED:
        return _new_date_message(case)
    return _("Extension requested. A manager must approve it before the date changes.")


@_staff_action(Action.OUTCOME)
def case_outcome(request, case, data):
    services.outcome_record(case=case, user=request.user, outcome=data["outcome"],
                            actions_taken=data["actions_taken"],
                            service_changed=data["service_changed"])
    return _("Outcome recorded.")


@_staff_action(Action.RESOLVE)
def case_resolve(request, case, data):
    services.case_resolve(case=case, user=request.user)
    return _("Case resolved. The person has been told.")


@_staff_action(Action.REOPEN)
def case_reopen(request, case, data):
    """Open a resolved case again when the person comes back with more."""
    services.case_reopen(case=case, actor=Actor.staff(request.user), reason=data["reason"])
    return _("Case reopened.")


@login_required
@require_POST
def decide_extension(request, reference, extension_id):
    """A manager approves or refuses a colleague's request for more time."""
    def form(case):
        # An extension of another case is a 404, before anything is validated.
        get_object_or_404(case.extensions, pk=extension_id)
        return ExtensionDecisionForm(request.POST)

    def perform(case, data):
        extension = get_object_or_404(case.extensions, pk=extension_id)
        approve = data["decision"] == "approve"
        services.extension_decide(extension=extension, user=request.user, approve=approve)
        return _new_date_message(case) if approve else _("Extension refused.")
    return _act(request, reference, action=Action.DECIDE_EXTENSION, form=form, perform=perform)


@login_required
@require_POST
def callback_attempt(request, reference, callback_id):
    """Record one try at phoning the person back."""
    def form(case):
        # A callback of another case is a 404, before anything is validated.
        get_object_or_404(case.callbacks, pk=callback_id)
        return callback_form(callback_id, request.POST)

    def perform(case, data):
        callback = get_object_or_404(case.callbacks, pk=callback_id)
        services.callback_attempt_record(callback=callback, user=request.user,
                                         result=data["result"], note=data["note"])
        if callback.status == CallbackStatus.DONE:
            return _("Call recorded. The callback is done.")
        return _("Call attempt recorded.")
    return _act(request, reference, action=Action.CALLBACK_ATTEMPT, form=form, perform=perform)


def _new_date_message(case) -> str:
    case.refresh_from_db()
    when = datetime_words(case.respond_due_at, language=get_language(),
                          calendar=snapshot_calendar(case.policy))
    return _("Extension approved. The person has been told the new date: %(date)s.") % {
        "date": when}
