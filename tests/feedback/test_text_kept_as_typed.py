"""Nothing typed is removed (PRODUCT.md §3): every free-text box, posted through its real page,
stores the text byte for byte, and every page, email and admin view shows it escaped, as literal
text. Only control characters no keyboard types are refused, beside the box, keeping the rest."""

import html
import inspect
import re

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import moderation.services
from feedback import receipts, services
from feedback.forms import provider as provider_forms
from feedback.forms import public as public_forms
from feedback.forms.fields import FreeTextField
from feedback.models import (
    CallbackRequest,
    Case,
    CaseEvent,
    ClockPause,
    Extension,
    Message,
    OutboxEmail,
    Outcome,
    Purpose,
    Visibility,
)
from feedback.services import Submission, case_submit
from feedback.templatetags.feedback_text import linked_text
from feedback.vocabulary import Actor, State
from portal.models import Role
from tests.factories import UserFactory, provider_member

pytestmark = pytest.mark.django_db

# Hostile to a careless page, but each something a person may well write or paste.
TEXTS = [
    "my dose went from <5mg to >20mg",
    "<script>alert(1)</script>",
    "Fish & chips &amp; <b>bold</b>",
    "&lt;script&gt;",
    "<img src=x onerror=alert(1)>",
    "a<b",
    "\"quotes\" 'single'",
    "</textarea><b>out</b> {{ case.reference }} {% now 'Y' %}",
    "Merci 🙏🏽 — la visite n’a pas eu lieu 😞",
    "לא התקשרו אליי \u202eשלוש פעמים",
    "عيادة الأسنان لم تتصل بي (٣ مرات)",
]
NOT_TYPED = "\x00"
UNTYPEABLE = "holds a hidden character that we cannot save"


# ---- getting a case to where each box is offered -------------------------------------------

def new_case(service, token, **fields):
    fields = {"kind": "complaint", "language": "en", "identity_mode": "anonymous_receipt",
              "what_happened": "The home visit did not happen.", **fields}
    return case_submit(submission=Submission(service=service, **fields), token=token).case


def person_browser(case_token: str) -> Client:
    """The person, in a browser of their own, having opened their case with its receipt code."""
    browser = Client()
    browser.post(reverse("feedback:track"), {"code": receipts.code_for_token(case_token)})
    return browser


def staff_browser(user) -> Client:
    browser = Client()
    browser.force_login(user)
    return browser


def admin_browser() -> Client:
    return staff_browser(UserFactory(is_staff=True, is_superuser=True))


def get(browser: Client, url: str) -> str:
    response = browser.get(url)
    assert response.status_code == 200
    return response.content.decode()


def track_page(browser, case):
    return get(browser, reverse("feedback:track_case", args=[case.reference]))


def provider_page(browser, case):
    return get(browser, reverse("provider:case", args=[case.reference]))


def admin_page(case):
    return get(admin_browser(), reverse("admin:feedback_case_change", args=[case.pk]))


def posted(response, status=302):
    assert response.status_code == status, response.content.decode()[:3000]
    return response


def resolved_case(service, staff, token):
    case = new_case(service, token)
    services.message_to_person(case=case, user=staff, body="We have changed the rota.")
    services.outcome_record(case=case, user=staff, outcome=Outcome.UPHELD, actions_taken="",
                            service_changed=False)
    services.case_resolve(case=case, user=staff)
    return case


# ---- each box: post `text` through its page; return what was stored and the pages showing it --

def feedback_form(field, *, person_sees=False, **extra):
    def fill(service, staff, manager, text):
        token = receipts.new_submission_token()
        data = {"service": service.slug, "token": token, "kind": "complaint",
                "what_happened": "The home visit did not happen.",
                "identity_mode": "anonymous_receipt", **extra, field: text}
        posted(Client().post(f"{reverse('feedback:new')}?service={service.slug}", data))
        case = Case.objects.get(submission_key=receipts.submission_key(token))
        pages = [provider_page(staff_browser(staff), case), admin_page(case)]
        if person_sees:
            pages.append(track_page(person_browser(token), case))
        return getattr(case, field), pages
    return fill


def person_reply(service, staff, manager, text):
    case = new_case(service, "reply")
    person = person_browser("reply")
    posted(person.post(reverse("feedback:track_reply", args=[case.reference]), {"body": text}))
    stored = Message.objects.get(case=case).body
    return stored, [track_page(person, case), provider_page(staff_browser(staff), case)]


def callback_good_times(service, staff, manager, text):
    case = new_case(service, "call")
    posted(person_browser("call").post(reverse("feedback:track_callback", args=[case.reference]),
                                       {"phone": "07700 900123", "good_times": text}))
    return CallbackRequest.objects.get(case=case).good_times, [
        provider_page(staff_browser(staff), case)]


def escalation_reason(service, staff, manager, text):
    case = resolved_case(service, staff, "escalate")
    posted(person_browser("escalate").post(
        reverse("feedback:track_escalate", args=[case.reference]), {"reason": text}))
    event = CaseEvent.objects.get(case=case, to_state=State.ESCALATED)
    # Shown on no page but the administrator's.
    return event.reason, [admin_page(case)]


def staff_message(action, purpose, visibility=Visibility.TO_PERSON):
    def fill(service, staff, manager, text):
        case = new_case(service, action)
        browser = staff_browser(staff)
        posted(browser.post(reverse(f"provider:{action}", args=[case.reference]),
                            {f"{action}-body": text}))
        message = Message.objects.get(case=case, purpose=purpose, visibility=visibility)
        pages = [provider_page(browser, case), admin_page(case)]
        if visibility == Visibility.TO_PERSON:
            pages.append(track_page(person_browser(action), case))
        if action == "question":
            assert ClockPause.objects.get(case=case).reason == text
        return message.body, pages
    return fill


def extension_reason(service, staff, manager, text):
    case = new_case(service, "extend")
    browser = staff_browser(manager)
    posted(browser.post(reverse("provider:extend", args=[case.reference]),
                        {"extend-amount": "5", "extend-reason": text}))
    # The person reads it in the notice of their new date.
    notice = Message.objects.get(case=case, purpose=Purpose.NOTICE).body
    assert notice.endswith(f"The reason: {text}")
    return Extension.objects.get(case=case).reason, [
        provider_page(browser, case), track_page(person_browser("extend"), case)]


def outcome_actions(service, staff, manager, text):
    case = new_case(service, "outcome")
    browser = staff_browser(staff)
    posted(browser.post(reverse("provider:outcome", args=[case.reference]),
                        {"outcome-outcome": "upheld", "outcome-actions_taken": text}))
    case.refresh_from_db()
    return case.actions_taken, [provider_page(browser, case), admin_page(case)]


def reopen_reason(service, staff, manager, text):
    case = resolved_case(service, staff, "reopen")
    posted(staff_browser(staff).post(reverse("provider:reopen", args=[case.reference]),
                                     {"reopen-reason": text}))
    event = CaseEvent.objects.get(case=case, to_state=State.REOPENED)
    return event.reason, [admin_page(case)]


def callback_attempt_note(service, staff, manager, text):
    case = new_case(service, "attempt")
    callback = services.callback_request(case=case, phone="07700 900123", good_times="")
    services.case_assign(case=case, user=staff, assignee=staff)
    browser = staff_browser(staff)
    posted(browser.post(reverse("provider:callback_attempt", args=[case.reference, callback.pk]),
                        {f"callback-{callback.pk}-result": "no_answer",
                         f"callback-{callback.pk}-note": text}))
    return callback.attempts.get().note, [provider_page(browser, case)]


BOXES = {
    "what happened": feedback_form("what_happened", person_sees=True),
    "outcome wanted": feedback_form("desired_outcome", person_sees=True),
    "name": feedback_form("contact_name", identity_mode="named_contact",
                          contact_email="ann@example.org", share_name="on"),
    "on behalf: relationship": feedback_form("on_behalf_relationship", on_behalf="on",
                                             on_behalf_consent="agreed"),
    "on behalf: why no agreement": feedback_form(
        "on_behalf_consent_note", on_behalf="on", on_behalf_relationship="carer",
        on_behalf_consent="not_possible"),
    "person's reply": person_reply,
    "callback: good times": callback_good_times,
    "escalation reason": escalation_reason,
    "acknowledgement": staff_message("acknowledge", Purpose.ACKNOWLEDGEMENT),
    "staff reply": staff_message("reply", Purpose.REPLY),
    "question": staff_message("question", Purpose.QUESTION),
    "internal note": staff_message("note", Purpose.REPLY, visibility=Visibility.INTERNAL),
    "extension reason": extension_reason,
    "outcome: actions taken": outcome_actions,
    "reopen reason": reopen_reason,
    "callback attempt note": callback_attempt_note,
}


@pytest.fixture
def staff(service):
    return provider_member(provider=service.provider, full_name="Priya Staff")


@pytest.fixture
def manager(service):
    return provider_member(provider=service.provider, role=Role.MANAGER, full_name="Morgan Lead")


def assert_shown_as_text(page: str, text: str):
    assert escape(text) in page
    if escape(text) != text:
        assert text not in page, "the text reached the page unescaped"


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("box", list(BOXES))
def test_every_box_stores_the_text_byte_for_byte_and_shows_it_escaped(service, staff, manager,
                                                                      box, text):
    stored, pages = BOXES[box](service, staff, manager, text)
    assert stored.encode() == text.encode()
    for page in pages:
        assert_shown_as_text(page, text)


def test_the_phone_number_is_stored_as_typed_and_shown_to_the_member_handling_it(service,
                                                                                staff):
    case = new_case(service, "phone")
    typed = "+44 (0)7700-900.123"
    posted(person_browser("phone").post(reverse("feedback:track_callback",
                                                args=[case.reference]), {"phone": typed}))
    assert CallbackRequest.objects.get(case=case).phone == typed
    services.case_assign(case=case, user=staff, assignee=staff)
    assert typed in provider_page(staff_browser(staff), case)


def test_line_endings_become_newlines_and_only_the_edges_of_a_box_are_trimmed(client, service):
    token = receipts.new_submission_token()
    typed = "  \r\n  First <line>\r\n\r\n\tsecond & line  \rthird\r\n  "
    posted(client.post(f"{reverse('feedback:new')}?service={service.slug}", {
        "service": service.slug, "token": token, "kind": "complaint", "what_happened": typed,
        "identity_mode": "anonymous_no_contact"}))
    assert Case.objects.get().what_happened == "First <line>\n\n\tsecond & line  \nthird"


# ---- any text at all survives storage and display ------------------------------------------

# Everything but what is refused: controls no keyboard types, and surrogates (never valid).
_TYPEABLE = st.characters(blacklist_categories=("Cs",),
                          blacklist_characters=[*map(chr, range(0x09)), "\x0b", "\x0c",
                                                *map(chr, range(0x0e, 0x20)),
                                                *map(chr, range(0x7f, 0xa0))])
_PIECES = st.sampled_from([
    "<", ">", "&", ";", "amp;", "lt;", "#60;", "&#x3c;", "&nbsp;", "<script>", "</script>",
    "<b>", "</div>", "<br>", "<!--", "-->", '"', "'", "\n", "\r\n", "\r", "\t", " ",
    "https://example.org/a?b=1&c=<2>", "www.example.org", "javascript:alert(1)", "\u2028",
    "\u202e", "\ufeff", "\U0001F600", "é",
])
TYPEABLE_TEXT = st.one_of(st.text(_TYPEABLE, max_size=300),
                          st.lists(_PIECES | st.text(_TYPEABLE, max_size=4),
                                   max_size=40).map("".join))
_MARKUP_THE_FILTER_ADDS = re.compile(r'<a href="[^"]*" rel="nofollow noopener">|</a>')


def shown(fragment: str) -> str:
    """The text a reader sees in an HTML fragment made by `linked_text`."""
    return html.unescape(_MARKUP_THE_FILTER_ADDS.sub("", fragment.replace("<br>\n", "\n")))


@settings(max_examples=1000, deadline=None)
@given(TYPEABLE_TEXT)
def test_linked_text_shows_any_text_unchanged(text):
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    assert shown(str(linked_text(text))) == text


def test_any_typeable_text_survives_the_reply_box_the_database_and_the_page(service):
    case = new_case(service, "property")
    person = person_browser("property")
    url = reverse("feedback:track_reply", args=[case.reference])

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(TYPEABLE_TEXT.filter(lambda text: text.strip()))
    def reply(text):
        posted(person.post(url, {"body": text}))
        stored = Message.objects.filter(case=case).latest("id").body
        assert stored == text.replace("\r\n", "\n").replace("\r", "\n").strip()
        bodies = re.findall(r'<div class="message-body">(.*?)</div>', track_page(person, case),
                            re.DOTALL)
        assert shown(bodies[-1]) == stored

    reply()


@pytest.mark.parametrize(("href", "linked"), [
    ("https://example.org/x", True), ("HTTP://EXAMPLE.ORG", True), ("www.example.org", True),
    ("javascript:alert(1)", False), ("ftp://example.org", False), ("mailto:a@example.org", False),
    ("data:text/html,<b>x</b>", False),
])
def test_only_web_addresses_become_links_and_never_followed(href, linked):
    made = str(linked_text(f"see {href} please"))
    assert ("<a " in made) is linked
    assert all(tag.endswith('rel="nofollow noopener">')
               for tag in re.findall(r"<a [^>]*>", made))
    assert shown(made) == f"see {href} please"


# ---- control characters no keyboard types are refused, everything else kept ---------------

def _form_fields():
    for module in (public_forms, provider_forms):
        for _, form_class in inspect.getmembers(module, inspect.isclass):
            if issubclass(form_class, forms.BaseForm) and form_class.__module__ == module.__name__:
                for name, field in form_class.base_fields.items():
                    yield form_class.__name__, name, field


# Character fields that are not somebody's words, each with what checks it instead.
NOT_WORDS = {
    ("FeedbackForm", "contact_email"): "an email address, checked as one",
    ("FeedbackForm", "token"): "the hidden submission token",
    ("TrackForm", "code"): "a receipt code, looked up and never stored",
    ("CallbackForm", "phone"): "a phone number, checked against its pattern",
}


def test_every_box_for_words_is_a_free_text_field_so_a_new_one_cannot_forget_the_rule():
    words = [(form, name, field) for form, name, field in _form_fields()
             if isinstance(field, forms.CharField) and (form, name) not in NOT_WORDS]
    assert len(words) >= len(BOXES)
    forgotten = [f"{form}.{name}" for form, name, field in words
                 if not isinstance(field, FreeTextField)]
    assert not forgotten, "boxes for words that are not a FreeTextField"


@pytest.mark.parametrize("control", ["\x00", "\x07", "\x0b", "\x1b", "\x7f", "\x85", "\x9f"])
def test_each_box_refuses_a_control_character_beside_it_naming_the_line(control):
    field = FreeTextField(max_length=100)
    with pytest.raises(ValidationError) as refused:
        field.clean(f"first line\r\nsecond {control} line")
    assert refused.value.messages == [(
        "Line 2 holds a hidden character that we cannot save. It sometimes comes with text "
        "copied from another program: please type that line again yourself.")]


def test_a_control_character_at_the_edge_is_refused_not_trimmed_away():
    with pytest.raises(ValidationError):
        FreeTextField().clean("kind words\x1f")


def test_the_feedback_form_refuses_a_nul_stores_nothing_and_keeps_everything_typed(client,
                                                                                   service):
    data = {"service": service.slug, "token": receipts.new_submission_token(),
            "kind": "complaint", "what_happened": f"They said <wait>.\nThen{NOT_TYPED} nothing.",
            "desired_outcome": "An apology & a call", "identity_mode": "named_contact",
            "contact_name": "Ann <Example>", "contact_email": "ann@example.org"}
    response = client.post(f"{reverse('feedback:new')}?service={service.slug}", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert f"Line 2 {UNTYPEABLE}" in page
    assert 'id="id_what_happened-error"' in page
    assert not Case.objects.exists() and not OutboxEmail.objects.exists()
    for kept in ("They said &lt;wait&gt;.", " nothing.", "An apology &amp; a call",
                 "Ann &lt;Example&gt;", "ann@example.org", data["token"]):
        assert kept in page


def test_a_reply_with_a_control_character_is_refused_and_kept(service):
    case = new_case(service, "control")
    person = person_browser("control")
    response = person.post(reverse("feedback:track_reply", args=[case.reference]),
                           {"body": "Still <no> news\x07"})
    assert response.status_code == 400
    page = response.content.decode()
    assert f"Line 1 {UNTYPEABLE}" in page and "Still &lt;no&gt; news" in page
    assert not Message.objects.filter(case=case).exists()


def test_a_staff_note_with_a_control_character_is_refused_and_kept(service, staff):
    case = new_case(service, "control-note")
    response = staff_browser(staff).post(reverse("provider:note", args=[case.reference]),
                                         {"note-body": "Rota \x1b[31m & <check>"})
    assert response.status_code == 400
    page = response.content.decode()
    assert f"Line 1 {UNTYPEABLE}" in page and "&amp; &lt;check&gt;" in page
    assert not Message.objects.filter(case=case).exists()


@pytest.mark.parametrize("write", [
    lambda case, staff: services.message_from_person(case=case, body=f"hi{NOT_TYPED}"),
    lambda case, staff: services.callback_request(case=case, phone="07700 900123",
                                                  good_times=f"am{NOT_TYPED}"),
    lambda case, staff: services.message_to_person(case=case, user=staff, body=f"x{NOT_TYPED}"),
    lambda case, staff: services.note_add(case=case, user=staff, body="\ud800"),
    lambda case, staff: services.extension_request(case=case, user=staff, amount=2,
                                                   reason=f"late{NOT_TYPED}"),
    lambda case, staff: services.outcome_record(case=case, user=staff, outcome=Outcome.UPHELD,
                                                actions_taken="\x85", service_changed=False),
    lambda case, staff: services.case_submit(submission=Submission(
        service=case.service, kind="complaint", language="en", identity_mode="anonymous_receipt",
        what_happened=f"again{NOT_TYPED}"), token="another"),
], ids=["person reply", "callback", "staff reply", "note", "extension", "outcome", "submit"])
def test_a_service_given_untypeable_text_refuses_it_and_stores_nothing(service, staff, write):
    case = new_case(service, "service-control")
    before = (Case.objects.count(), Message.objects.count(), CaseEvent.objects.count(),
              CallbackRequest.objects.count(), Extension.objects.count())
    with pytest.raises(ValidationError):
        write(case, staff)
    case.refresh_from_db()
    assert case.actions_taken == "" and case.outcome == ""
    assert (Case.objects.count(), Message.objects.count(), CaseEvent.objects.count(),
            CallbackRequest.objects.count(), Extension.objects.count()) == before


@pytest.mark.parametrize("decide", [moderation.services.moderation_approve,
                                    moderation.services.moderation_keep,
                                    moderation.services.moderation_reject])
def test_moderators_reasons_are_refused_with_untypeable_characters(service, decide):
    case = new_case(service, "moderated", worried_about_reaction=True)
    with pytest.raises(ValidationError):
        decide(case=case, user=UserFactory(), reason=f"ok{NOT_TYPED}")
    case.refresh_from_db()
    assert case.state == State.IN_MODERATION


def test_an_extension_reason_that_looks_like_markup_is_not_empty(service, manager):
    case = new_case(service, "markup-reason")
    extension = services.extension_request(case=case, user=manager, amount=3,
                                           reason="<script>alert(1)</script>")
    assert extension.reason == "<script>alert(1)</script>"
    with pytest.raises(ValidationError, match="Give the reason"):
        services.extension_request(case=new_case(service, "blank-reason"), user=manager,
                                   amount=3, reason=" \n ")


def test_reopening_refuses_untypeable_text(service, staff):
    case = resolved_case(service, staff, "reopen-control")
    with pytest.raises(ValidationError):
        services.case_reopen(case=case, actor=Actor.staff(staff), reason=f"back{NOT_TYPED}")
    case.refresh_from_db()
    assert case.state == State.RESOLVED


# ---- emails: plain text shows the characters, HTML escapes them ----------------------------

def test_the_person_reads_the_extension_reason_literally_in_text_and_escaped_in_html(service,
                                                                                    manager):
    case = new_case(service, "mail", identity_mode="named_contact", contact_name="Ann",
                    contact_email="ann@example.org")
    reason = "my dose went from <5mg to >20mg & the \"records\" are late"
    posted(staff_browser(manager).post(reverse("provider:extend", args=[case.reference]),
                                       {"extend-amount": "5", "extend-reason": reason}))
    email = OutboxEmail.objects.filter(case=case, purpose="person_update").latest("id")
    assert f"Their reason: {reason}" in email.body_text
    assert "&lt;" not in email.body_text and "&amp;" not in email.body_text
    assert escape(reason) in email.body_html and reason not in email.body_html
    assert "<" not in email.subject
