"""The service user's pages: the directory, the feedback form, the confirmation and follow-up."""

import logging
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from moderation.screening import identifying_findings, screen
from moderation.selectors import screening_terms
from portal.models import Service

from .. import browser_state, receipts, selectors, services, throttle
from ..forms import CallbackForm, EscalateForm, FeedbackForm, ReplyForm, TrackForm
from ..models import ANONYMOUS_MODES, Case
from ..permissions import allowed_actions
from ..selectors.explanations import deadline_explanations
from ..vocabulary import Action, ActionRefused, Actor, State

logger = logging.getLogger(__name__)

DRAFT_KEY = "feedback_draft"


def home(request):
    return render(request, "feedback/public/home.html")


def service_directory(request):
    query = request.GET.get("q", "").strip()[:100]
    return render(request, "feedback/public/services.html", {
        "query": query, "services": selectors.services_search(query=query),
    })


def service_detail(request, slug):
    service = get_object_or_404(Service.objects.select_related("provider"), slug=slug,
                                is_active=True)
    return render(request, "feedback/public/service_detail.html", {"service": service})


def feedback_new(request):
    """Choose a service, then fill in the form; nothing typed is lost on any error."""
    slug = request.GET.get("service") or request.POST.get("service")
    if not slug:
        query = request.GET.get("q", "").strip()[:100]
        return render(request, "feedback/public/choose_service.html", {
            "query": query, "services": selectors.services_search(query=query),
        })
    service = get_object_or_404(Service.objects.select_related("provider", "commissioner"),
                                slug=slug, is_active=True)
    if request.method != "POST":
        draft = request.session.pop(DRAFT_KEY, None)
        initial = {"token": receipts.new_submission_token()}
        if draft and draft.get("service") == slug:
            # Back from signing in: everything they wrote, with the same token, so it stays one case.
            initial = {**initial, **{k: v for k, v in draft["data"].items() if v}}
        form = FeedbackForm(initial=initial, user=request.user)
        return _render_form(request, service, form)

    if "sign_in_first" in request.POST:
        # Keep everything they wrote while they sign in; it comes back with the same token.
        request.session[DRAFT_KEY] = {"service": slug, "data": _draft_data(request.POST)}
        return redirect(_sign_in_url(service))
    form = FeedbackForm(request.POST, user=request.user)
    if not form.is_valid():
        if form.has_error("identity_mode", "sign_in"):
            # Keep everything they wrote for when they come back from signing in.
            request.session[DRAFT_KEY] = {"service": slug, "data": _draft_data(request.POST)}
        return _render_form(request, service, form, status=400)

    data = form.cleaned_data
    findings = []
    send_anyway = "send_anyway" in request.POST
    if data["identity_mode"] in ANONYMOUS_MODES and not send_anyway:
        findings = identifying_findings(screen(
            "\n".join([data["what_happened"], data["desired_outcome"]]),
            language=translation.get_language() or "en", anonymous=True,
            extra_terms=screening_terms(commissioner_id=service.commissioner_id),
            country=service.commissioner.country))
        if findings:
            return _render_form(request, service, form, findings=findings)

    submission = services.Submission(
        service=service, kind=data["kind"], what_happened=data["what_happened"],
        identity_mode=data["identity_mode"], language=translation.get_language() or "en",
        when_happened=data["when_happened"], desired_outcome=data["desired_outcome"],
        contact_name=data["contact_name"], contact_email=data["contact_email"],
        share_name=data["share_name"], urgent_reported=data["urgent_reported"],
        worried_about_reaction=data["worried_about_reaction"],
        **({"on_behalf_relationship": data["on_behalf_relationship"],
            "on_behalf_consent": data["on_behalf_consent"],
            "on_behalf_consent_note": data["on_behalf_consent_note"]}
           if data["on_behalf"] else {}),
        identifying_details_sent_anyway=send_anyway and data["identity_mode"] in ANONYMOUS_MODES,
    )
    try:
        result = services.case_submit(
            submission=submission, token=data["token"],
            user=request.user if request.user.is_authenticated else None)
    except ValidationError as error:
        # The form checks the same rules; this is the service's own word, shown the same way.
        form.add_error(None, error)
        return _render_form(request, service, form, status=400)
    except Exception:
        # Log the failure without the request or anything the person wrote.
        logger.exception("Feedback could not be saved")
        return _render_form(request, service, form, status=503, server_error=True)

    response = redirect("feedback:sent", reference=result.case.reference)
    browser_state.remember_sent(response, request, reference=result.case.reference,
                                code=result.receipt_code)
    return response


def _draft_data(post) -> dict:
    fields = FeedbackForm.base_fields
    return {name: post.get(name, "") for name in fields}


def _render_form(request, service, form, *, status=200, findings=(), server_error=False):
    return render(request, "feedback/public/feedback_form.html", {
        "service": service, "form": form, "findings": findings, "server_error": server_error,
    }, status=status)


def _sign_in_url(service) -> str:
    back = f"{reverse('feedback:new')}?service={service.slug}"
    return f"{reverse('account_login')}?{urlencode({'next': back})}"


def _sent_case(request, reference) -> Case:
    """The case this browser has just sent, or 404: the confirmation is for its sender only."""
    if reference not in browser_state.sent_receipts(request):
        raise Http404
    return get_object_or_404(Case.objects.select_related("service", "provider"),
                             reference=reference)


def feedback_sent(request, reference):
    """The confirmation: the reference and, once only, the receipt code."""
    case = _sent_case(request, reference)
    if request.method == "POST":
        code = _posted_code(request, case)
        if request.POST.get("kept") or not case.receipt_hash:
            if case.receipt_hash:
                services.case_receipt_kept(case=case)
            messages.success(request, _("Thank you. Your feedback %(reference)s has been sent.")
                             % {"reference": case.reference})
            return redirect("feedback:my_feedback" if case.submitter_id else "feedback:home")
        return _render_sent(request, case, code, not_kept=True)
    code = browser_state.sent_receipts(request).get(reference)
    response = _render_sent(request, case, code)
    browser_state.forget_code(response, request, reference=reference)
    return response


def _posted_code(request, case) -> str | None:
    """The receipt code the confirmation page posted back, only if it is this case's."""
    code = request.POST.get("code", "")
    return code if receipts.code_matches(code, case.receipt_hash) else None


def _render_sent(request, case, code, not_kept=False):
    return render(request, "feedback/public/sent.html", {
        "case": case, "code": code, "not_kept": not_kept,
    })


@require_POST
def receipt_download(request, reference):
    """The receipt as a text file: reference, service, when received, code; nothing identifying."""
    case = _sent_case(request, reference)
    code = _posted_code(request, case)
    text = render_to_string("feedback/public/receipt.txt", {
        "case": case, "code": code,
    }, request=request)
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    filename = _("receipt-%(reference)s.txt") % {"reference": case.reference}
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def track(request):
    """Enter a receipt code to open a case; wrong codes are limited per address."""
    form = TrackForm(request.POST or None)
    if request.method == "POST":
        if throttle.track_blocked(request):
            return render(request, "feedback/public/track.html",
                          {"form": TrackForm(), "blocked": True}, status=429)
        if form.is_valid():
            code = form.cleaned_data["code"]
            case = None
            if receipts.looks_like_code(code):
                case = Case.objects.filter(receipt_hash=receipts.code_hash(code)).first()
            if case is not None and receipts.code_matches(code, case.receipt_hash):
                response = redirect("feedback:track_case", reference=case.reference)
                browser_state.remember_tracked(response, request, case_id=case.pk)
                return response
            throttle.track_failure(request)
            form.add_error("code", _("We could not find feedback with that code. Check each "
                                     "character and try again."))
        return render(request, "feedback/public/track.html", {"form": form}, status=400)
    return render(request, "feedback/public/track.html", {"form": form})


def _tracked_case(request, reference) -> Case:
    """A case the viewer may follow: opened with its code in this session, or their own."""
    case = get_object_or_404(Case.objects.select_related("service", "provider", "submitter"),
                             reference=reference)
    if case.pk in browser_state.tracked_cases(request):
        return case
    if request.user.is_authenticated and case.submitter_id == request.user.pk:
        return case
    raise Http404


def track_case(request, reference):
    case = _tracked_case(request, reference)
    return _render_case(request, case)


def _render_case(request, case, reply_form=None, callback_form=None, escalate_form=None,
                 status=200):
    waiting = case.pauses.filter(ended_at__isnull=True).exists()
    may = (allowed_actions(case, actor=Actor.person(case), paused=waiting)
           if case.can_follow_up else frozenset())
    return render(request, "feedback/public/track_case.html", {
        "case": case,
        "status_label": selectors.public_status(case=case, waiting_for_person=waiting),
        "waiting_for_person": waiting,
        "timeline": selectors.public_timeline(case=case),
        "thread": selectors.messages_for_person(case=case),
        "callbacks": case.callbacks.all(),
        # Once the provider has settled it, the person reads how it ended in plain words.
        "outcome_words": (selectors.OUTCOME_FOR_PERSON.get(case.outcome)
                          if case.state in (State.RESOLVED, State.CLOSED, State.ESCALATED)
                          else None),
        "deadlines": deadline_explanations(case=case, now=timezone.now()),
        "reply_form": reply_form or ReplyForm(),
        "callback_form": callback_form or CallbackForm(),
        "escalate_form": escalate_form or EscalateForm(),
        "can_reply": Action.PERSON_REPLY in may,
        "can_ask_callback": Action.CALLBACK_REQUEST in may,
        "can_escalate": Action.ESCALATE in may,
    }, status=status)


def _person_act(request, reference, *, form_class, form_key: str, perform, done: str):
    """The person's action on their case: the form, one service (which locks the case and asks
    the case policy), then back to the case; on a refusal or an error the page again, with it
    and everything they typed."""
    case = _tracked_case(request, reference)
    form = form_class(request.POST)
    status = 400
    if form.is_valid():
        try:
            perform(case, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        except ActionRefused as refused:
            case.refresh_from_db()
            form.add_error(None, _person_refusal(refused))
            status = 409
        else:
            messages.success(request, done)
            return redirect("feedback:track_case", reference=case.reference)
    return _render_case(request, case, status=status, **{form_key: form})


def _person_refusal(refused: ActionRefused) -> str:
    """What the person reads when their case can no longer take what they sent."""
    return {
        Action.PERSON_REPLY: _("This feedback is closed, so it cannot take new messages. You "
                               "can give new feedback at any time."),
        Action.CALLBACK_REQUEST: _("A phone call cannot be asked for on this feedback now."),
        Action.ESCALATE: _("You can ask the commissioner to look at it once the provider has "
                           "resolved your feedback, and before it is closed."),
    }.get(refused.action, refused.message)


@require_POST
def track_reply(request, reference):
    return _person_act(
        request, reference, form_class=ReplyForm, form_key="reply_form",
        perform=lambda case, data: services.message_from_person(case=case, body=data["body"]),
        done=_("Your reply has been sent."))


@require_POST
def track_callback(request, reference):
    return _person_act(
        request, reference, form_class=CallbackForm, form_key="callback_form",
        perform=lambda case, data: services.callback_request(
            case=case, phone=data["phone"], good_times=data["good_times"]),
        done=_("Your request for a phone call has been sent."))


@require_POST
def track_escalate(request, reference):
    """"I am not satisfied": ask the commissioner to look at a resolved case."""
    return _person_act(
        request, reference, form_class=EscalateForm, form_key="escalate_form",
        perform=lambda case, data: services.case_escalate_by_person(case=case,
                                                                    reason=data["reason"]),
        done=_("We have asked the commissioner to look at your feedback."))


@require_POST
def track_leave(request):
    """Forget the cases this browser opened with a code."""
    messages.success(request, _("You have closed your feedback on this device."))
    response = redirect("feedback:home")
    browser_state.forget_tracked(response)
    return response


@login_required
def my_feedback(request):
    return render(request, "feedback/public/my_feedback.html", {
        "rows": [(case, selectors.public_status(case=case,
                                                waiting_for_person=case.waiting_for_person))
                 for case in selectors.cases_of_user(user=request.user)],
    })
