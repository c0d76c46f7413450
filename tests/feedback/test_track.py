"""Following up with a receipt code: only its own case, throttled wrong codes, replies, callbacks."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from feedback import receipts
from feedback.models import CallbackRequest, Case, Message
from feedback.services import Submission, case_submit
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def make_case(service, token, mode="anonymous_receipt", text="The home visit did not happen."):
    return case_submit(submission=Submission(service=service, kind="concern", what_happened=text,
                                             identity_mode=mode, language="en"),
                       token=token).case


def open_with_code(client, code, **extra):
    return client.post(reverse("feedback:track"), {"code": code}, **extra)


def test_a_code_opens_only_its_own_case(client, service):
    mine = make_case(service, "token-mine", text="My own words about the visit.")
    theirs = make_case(service, "token-theirs", text="Somebody else's words.")
    response = open_with_code(client, receipts.code_for_token("token-mine"))
    assert response["Location"] == reverse("feedback:track_case", args=[mine.reference])
    page = client.get(response["Location"]).content.decode()
    assert "My own words" in page and "Somebody else" not in page
    # Knowing the other case's reference is not enough.
    assert client.get(reverse("feedback:track_case", args=[theirs.reference])).status_code == 404
    assert client.post(reverse("feedback:track_reply", args=[theirs.reference]),
                       {"body": "hello"}).status_code == 404
    assert not Message.objects.filter(case=theirs).exists()


def test_a_wrong_code_is_refused_plainly(client, service):
    make_case(service, "token-a")
    response = open_with_code(client, "AAAA-BBBB-CCCC-DDDD")
    assert response.status_code == 400
    assert "could not find feedback with that code" in response.content.decode()


def test_no_contact_case_cannot_be_opened_with_anything(client, service):
    case = make_case(service, "token-none", mode="anonymous_no_contact")
    assert case.receipt_hash is None
    response = open_with_code(client, receipts.code_for_token("token-none"))
    assert response.status_code == 400


@override_settings(TRACK_MAX_FAILURES=10)
def test_after_ten_wrong_codes_the_address_must_wait(service):
    make_case(service, "token-right")
    right = receipts.code_for_token("token-right")
    attacker = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(10):
        assert open_with_code(attacker, "AAAA-BBBB-CCCC-DDDD").status_code == 400
    blocked = open_with_code(attacker, right)
    assert blocked.status_code == 429
    assert "try again later" in blocked.content.decode().lower()
    # Someone else, from another address, is not affected.
    other = Client(REMOTE_ADDR="198.51.100.8")
    assert open_with_code(other, right).status_code == 302


@override_settings(TRACK_MAX_FAILURES=10, TRACK_FAILURE_WINDOW_SECONDS=1)
def test_the_wait_ends_when_the_window_passes(service):
    import time

    make_case(service, "token-right")
    attacker = Client(REMOTE_ADDR="198.51.100.9")
    for _ in range(10):
        open_with_code(attacker, "AAAA-BBBB-CCCC-DDDD")
    assert open_with_code(attacker, "AAAA-BBBB-CCCC-DDDD").status_code == 429
    time.sleep(1.2)
    assert open_with_code(attacker, receipts.code_for_token("token-right")).status_code == 302


def test_person_replies_and_asks_for_a_callback(client, service):
    case = make_case(service, "token-reply")
    open_with_code(client, receipts.code_for_token("token-reply"))
    url = reverse("feedback:track_case", args=[case.reference])
    response = client.post(reverse("feedback:track_reply", args=[case.reference]),
                           {"body": "Thank you, <b>any</b> news?"}, follow=True)
    assert "Your reply has been sent" in response.content.decode()
    message = Message.objects.get(case=case)
    assert message.body == "Thank you, <b>any</b> news?" and message.author is None
    response = client.post(reverse("feedback:track_callback", args=[case.reference]),
                           {"phone": "07700 900456", "good_times": "Mornings"}, follow=True)
    assert "phone call has been sent" in response.content.decode()
    callback = CallbackRequest.objects.get(case=case)
    assert callback.due_at > callback.requested_at
    page = client.get(url).content.decode()
    assert "Phone you back" in page and "You asked for a phone call" in page


def test_reply_and_callback_errors_keep_what_was_typed(client, service):
    case = make_case(service, "token-errors")
    open_with_code(client, receipts.code_for_token("token-errors"))
    response = client.post(reverse("feedback:track_callback", args=[case.reference]),
                           {"phone": "call me maybe", "good_times": "After 2pm"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter a phone number" in page and "After 2pm" in page
    response = client.post(reverse("feedback:track_reply", args=[case.reference]), {"body": ""})
    assert response.status_code == 400
    assert "Write your reply" in response.content.decode()


def test_provider_messages_show_but_internal_notes_never_do(client, service):
    case = make_case(service, "token-thread")
    Message.objects.create(case=case, author_kind="staff", visibility="to_person",
                           body="We are sorry. See https://example.org/help for the next steps.")
    Message.objects.create(case=case, author_kind="staff", visibility="internal",
                           body="Internal: check the rota for that week.")
    open_with_code(client, receipts.code_for_token("token-thread"))
    page = client.get(reverse("feedback:track_case", args=[case.reference])).content.decode()
    assert "We are sorry." in page
    assert 'href="https://example.org/help"' in page and 'rel="nofollow noopener"' in page
    assert "check the rota" not in page


def test_leaving_forgets_the_case_on_this_device(client, service):
    case = make_case(service, "token-leave")
    open_with_code(client, receipts.code_for_token("token-leave"))
    client.post(reverse("feedback:track_leave"))
    assert client.get(reverse("feedback:track_case", args=[case.reference])).status_code == 404


def test_status_timeline_in_plain_words(client, service):
    case = make_case(service, "token-timeline")
    open_with_code(client, receipts.code_for_token("token-timeline"))
    page = client.get(reverse("feedback:track_case", args=[case.reference])).content.decode()
    assert "Received" in page and "Sent to the provider" in page
    assert "Tell you they have read it" in page and "Answer you" in page


def test_my_feedback_needs_sign_in_and_shows_only_own_cases(client, person):
    service = ServiceFactory()
    response = client.get(reverse("feedback:my_feedback"))
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    mine = case_submit(submission=Submission(service=service, kind="compliment",
                                             what_happened="Lovely nurse.",
                                             identity_mode="named_account", language="en"),
                       token="t-mine", user=person).case
    other = make_case(service, "t-other")
    client.force_login(person)
    page = client.get(reverse("feedback:my_feedback")).content.decode()
    assert mine.reference in page and other.reference not in page
    assert client.get(reverse("feedback:track_case", args=[other.reference])).status_code == 404
    assert Case.objects.count() == 2


@pytest.mark.parametrize("text, expected", [
    ("5 < 6 & <b>x</b>", "5 &lt; 6 &amp; &lt;b&gt;x&lt;/b&gt;"),
    ('<a href="javascript:alert(1)">click</a>', "&lt;a href=&quot;javascript:alert(1)&quot;&gt;"),
    ("see https://example.org/a?b=1&c=2", 'href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener"'),
    ("line one\nline two", "line one<br>\nline two"),
])
def test_shown_text_is_escaped_and_only_web_addresses_become_links(text, expected):
    from feedback.templatetags.feedback_text import linked_text

    shown = linked_text(text)
    assert expected in shown
    assert "<b>" not in shown and "javascript:alert(1)\"" not in shown.replace("&quot;", "")
