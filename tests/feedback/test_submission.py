"""Giving feedback: every identity mode end to end, idempotency, kept text, plain text."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from feedback import receipts
from feedback.models import Case, CaseEvent, IdentityMode, OutboxEmail
from feedback.tasks import outbox_flush
from feedback.vocabulary import State

pytestmark = pytest.mark.django_db

CODE_RE = re.compile(r"\b[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b")


def form_data(service, **overrides):
    data = {
        "service": service.slug,
        "token": receipts.new_submission_token(),
        "kind": "complaint",
        "what_happened": "Nobody called me back after three messages about my appointment.",
        "when_happened": "",
        "desired_outcome": "A phone call and an apology.",
        "identity_mode": IdentityMode.ANONYMOUS_RECEIPT,
    }
    data.update(overrides)
    return data


def submit(client, service, **overrides):
    data = form_data(service, **overrides)
    response = client.post(f"{reverse('feedback:new')}?service={service.slug}", data)
    return data, response


def test_form_offers_every_identity_mode_with_none_preselected(client, service):
    page = client.get(reverse("feedback:new"), {"service": service.slug}).content.decode()
    for mode in IdentityMode.values:
        assert f'value="{mode}"' in page
    identity_inputs = re.findall(r'<input[^>]*name="identity_mode"[^>]*>', page)
    assert len(identity_inputs) == 4
    assert not any("checked" in tag for tag in identity_inputs)


def test_anonymous_with_receipt_shows_code_once_and_code_opens_case(client, service):
    data, response = submit(client, service)
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback:sent", args=[case.reference])
    page = client.get(response["Location"]).content.decode()
    codes = CODE_RE.findall(page)
    assert codes, "the confirmation page shows the receipt code"
    code = codes[0]
    assert code == receipts.code_for_token(data["token"])
    assert case.reference in page
    # Shown once: a second visit does not show it again.
    again = client.get(response["Location"]).content.decode()
    assert code not in again
    # The code opens the case from another browser.
    from django.test import Client

    other = Client()
    opened = other.post(reverse("feedback:track"), {"code": code.lower().replace("-", " ")})
    assert opened["Location"] == reverse("feedback:track_case", args=[case.reference])
    assert "Nobody called me back" in other.get(opened["Location"]).content.decode()
    assert case.state == State.WITH_PROVIDER
    assert case.submitter is None and case.contact_email == "" and case.contact_name == ""


def test_named_contact_gets_email_receipt_through_outbox(client, service):
    data, response = submit(client, service, identity_mode=IdentityMode.NAMED_CONTACT,
                            contact_name="Alex Morgan", contact_email="alex.morgan@example.org",
                            share_name="on")
    case = Case.objects.get()
    assert case.contact_email == "alex.morgan@example.org" and case.share_name
    # Written to the outbox with the case; sent by the task.
    email = OutboxEmail.objects.get(case=case)
    assert email.to == "alex.morgan@example.org"
    outbox_flush()
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert case.reference in sent.subject
    assert receipts.code_for_token(data["token"]) in sent.body
    assert reverse("feedback:track") in sent.body


def test_named_account_needs_sign_in_and_keeps_the_text(client, service, person):
    data, response = submit(client, service, identity_mode=IdentityMode.NAMED_ACCOUNT)
    assert response.status_code == 400
    page = response.content.decode()
    assert "sign in first" in page
    assert data["what_happened"] in page
    assert not Case.objects.exists()
    # After signing in, the draft is still there.
    client.force_login(person)
    page = client.get(reverse("feedback:new"), {"service": service.slug}).content.decode()
    assert data["what_happened"] in page
    assert data["token"] in page


def test_named_account_case_is_on_my_feedback(client, service, person):
    client.force_login(person)
    submit(client, service, identity_mode=IdentityMode.NAMED_ACCOUNT)
    case = Case.objects.get()
    assert case.submitter == person
    assert case.receipt_hash is None
    page = client.get(reverse("feedback:my_feedback")).content.decode()
    assert case.reference in page
    assert client.get(reverse("feedback:track_case", args=[case.reference])).status_code == 200
    outbox_flush()
    assert mail.outbox[0].to == [person.email]


def test_anonymous_no_contact_warns_and_gives_no_code(client, service):
    page = client.get(reverse("feedback:new"), {"service": service.slug}).content.decode()
    assert "cannot answer you" in page
    _, response = submit(client, service, identity_mode=IdentityMode.ANONYMOUS_NO_CONTACT)
    case = Case.objects.get()
    assert case.receipt_hash is None
    page = client.get(response["Location"]).content.decode()
    assert not CODE_RE.search(page)
    assert "cannot answer you" in page


def test_double_submit_makes_one_case_and_shows_the_same_code(client, service):
    data = form_data(service)
    url = f"{reverse('feedback:new')}?service={service.slug}"
    first = client.post(url, data)
    second = client.post(url, data)
    assert Case.objects.count() == 1
    assert first["Location"] == second["Location"]
    page = client.get(second["Location"]).content.decode()
    assert receipts.code_for_token(data["token"]) in page
    assert CaseEvent.objects.filter(action="submitted").count() == 1


def test_invalid_form_keeps_everything_typed(client, service):
    data, response = submit(client, service, kind="", identity_mode="",
                            what_happened="The night staff were kind & patient <3",
                            desired_outcome="Tell them thank you")
    assert response.status_code == 400
    page = response.content.decode()
    assert "The night staff were kind &amp; patient &lt;3" in page
    assert "Tell them thank you" in page
    assert 'href="#id_kind_0"' in page and 'href="#id_identity_mode_0"' in page


def test_too_long_text_says_how_long_and_keeps_it(client, service):
    text = "word " * 2100
    _, response = submit(client, service, what_happened=text)
    assert response.status_code == 400
    page = response.content.decode()
    assert "10000 characters or fewer" in page or "10,000" in page
    assert "word word word" in page


def test_server_error_keeps_the_text(client, service, monkeypatch):
    from feedback import services

    def broken(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "case_submit", broken)
    data, response = submit(client, service)
    assert response.status_code == 503
    page = response.content.decode()
    assert "has not been sent yet" in page
    assert data["what_happened"] in page
    assert data["token"] in page


@pytest.mark.parametrize("field", ["what_happened", "desired_outcome", "contact_name"])
def test_html_and_script_are_stored_as_typed_never_removed(client, service, field):
    hostile = 'Before<script>alert("x")</script><b>bold</b><img src=x onerror=alert(1)> after'
    overrides = {field: hostile}
    if field == "contact_name":
        overrides.update(identity_mode=IdentityMode.NAMED_CONTACT, contact_email="a@example.org")
    submit(client, service, **overrides)
    case = Case.objects.get()
    assert getattr(case, field) == hostile


def test_text_that_looks_like_html_is_escaped_when_shown(client, service):
    data, response = submit(client, service,
                            what_happened="Wait times went from 5 < 6 weeks & I said <3 to staff")
    page = client.get(response["Location"]).content.decode()
    case = Case.objects.get()
    client.post(reverse("feedback:track"), {"code": CODE_RE.findall(page)[0]})
    shown = client.get(reverse("feedback:track_case", args=[case.reference])).content.decode()
    assert "5 &lt; 6 weeks &amp; I said &lt;3" in shown


def test_identifying_details_warning_before_anonymous_case_is_sent(client, service):
    text = "Please call me on 07700 900123 or write to jo.bloggs@example.org about it."
    data, response = submit(client, service, what_happened=text)
    assert response.status_code == 200
    page = response.content.decode()
    assert not Case.objects.exists()
    assert "07700 900123" in page and "jo.bloggs@example.org" in page
    assert "Send it as it is" in page
    # They edit the text and send: no warning, the case goes to the provider.
    data["what_happened"] = "Please answer me here, I will check with my code."
    client.post(f"{reverse('feedback:new')}?service={service.slug}", data)
    assert Case.objects.get().state == State.WITH_PROVIDER


def test_send_anyway_sends_and_routes_for_checking(client, service):
    data = form_data(service, what_happened="My email is jo.bloggs@example.org, please reply.")
    data["send_anyway"] = "1"
    client.post(f"{reverse('feedback:new')}?service={service.slug}", data)
    case = Case.objects.get()
    assert case.state == State.IN_MODERATION


def test_worried_about_reaction_is_stored_and_kept_from_the_provider(client, service):
    submit(client, service, worried_about_reaction="on")
    case = Case.objects.get()
    assert case.worried_about_reaction
    assert case.state == State.IN_MODERATION


def test_risk_words_mark_urgent_and_show_crisis_contacts(client, service):
    _, response = submit(client, service,
                         what_happened="Since they stopped my visits I want to end my life.")
    case = Case.objects.get()
    assert case.urgent and case.risk_terms
    page = client.get(response["Location"]).content.decode()
    assert "If you need help now" in page
    assert case.policy["respond"] == [3, "working_days"]


def test_kept_code_tick_and_leaving_without_it(client, service):
    data, response = submit(client, service)
    code = receipts.code_for_token(data["token"])
    url = response["Location"]
    client.get(url)
    reminder = client.post(url, {"code": code})
    assert reminder.status_code == 200
    assert "not ticked" in reminder.content.decode()
    assert code in reminder.content.decode()
    done = client.post(url, {"code": code, "kept": "1"})
    assert done.status_code == 302
    assert Case.objects.get().receipt_kept


def test_receipt_download_has_reference_service_time_and_nothing_identifying(client, service):
    data, response = submit(client, service, identity_mode=IdentityMode.NAMED_CONTACT,
                            contact_name="Alex Morgan", contact_email="alex.morgan@example.org")
    case = Case.objects.get()
    code = receipts.code_for_token(data["token"])
    download = client.post(reverse("feedback:receipt", args=[case.reference]), {"code": code})
    text = download.content.decode()
    assert download["Content-Disposition"].startswith("attachment")
    assert case.reference in text and service.name in text and code in text
    assert "Alex" not in text and "alex.morgan" not in text
    # Only the browser that sent it can download it.
    from django.test import Client

    assert Client().post(reverse("feedback:receipt", args=[case.reference]),
                         {"code": code}).status_code == 404


def test_service_directory_search_works_without_javascript(client, db):
    from tests.factories import ServiceFactory

    ServiceFactory(name="Crisis line", slug="crisis-line")
    ServiceFactory(name="Day centre", slug="day-centre")
    page = client.get(reverse("feedback:new"), {"q": "crisis"}).content.decode()
    assert "Crisis line" in page and "Day centre" not in page
    assert f"{reverse('feedback:new')}?service=crisis-line" in page
    page = client.get(reverse("feedback:services"), {"q": "zzz"}).content.decode()
    assert "No service matches" in page


def test_service_page_links_to_the_form(client, service):
    page = client.get(service.get_absolute_url()).content.decode()
    assert f"?service={service.slug}" in page


def test_future_date_is_refused_with_a_clear_message(client, service):
    _, response = submit(client, service, when_happened="2999-01-01")
    assert response.status_code == 400
    assert "in the future" in response.content.decode()


def test_sign_in_first_keeps_the_text_and_returns_to_the_form(client, service, person):
    data = form_data(service, what_happened="The ward was cold at night.", sign_in_first="1")
    response = client.post(f"{reverse('feedback:new')}?service={service.slug}", data)
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert not Case.objects.exists()
    signed_in = client.post(response["Location"], {"login": person.email,
                                                   "password": "correct horse battery"})
    back = signed_in["Location"]
    assert back == f"{reverse('feedback:new')}?service={service.slug}"
    page = client.get(back).content.decode()
    assert "The ward was cold at night." in page and data["token"] in page


def test_times_are_shown_in_the_commissioners_time_zone(client, db):
    from tests.factories import CommissionerFactory, ProviderFactory, ServiceFactory

    quebec = CommissionerFactory(country="CA", subdivision="QC", timezone="America/Toronto")
    service = ServiceFactory(provider=ProviderFactory(commissioners=[quebec]), commissioner=quebec)
    import datetime as dt

    received = dt.datetime(2026, 6, 2, 14, 30, tzinfo=dt.timezone.utc)  # 10:30 in Montréal
    from feedback.services import Submission, case_submit

    result = case_submit(submission=Submission(service=service, kind="concern", language="en",
                                               what_happened="x" * 20,
                                               identity_mode="named_contact", contact_name="A B",
                                               contact_email="a.b@example.org"),
                         token="tz", received_at=received)
    email = OutboxEmail.objects.get(case=result.case)
    assert "10:30" in email.body_text and "14:30" not in email.body_text


def test_writing_for_someone_else_records_relationship_and_agreement(client, service):
    submit(client, service, on_behalf="on", on_behalf_relationship="daughter",
           on_behalf_consent="agreed")
    case = Case.objects.get()
    assert (case.on_behalf_relationship, case.on_behalf_consent) == ("daughter", "agreed")


def test_writing_for_someone_who_could_not_agree_needs_the_reason(client, service):
    data, response = submit(client, service, on_behalf="on", on_behalf_relationship="carer",
                            on_behalf_consent="not_possible")
    assert response.status_code == 400
    assert "why they could not agree" in response.content.decode()
    assert "carer" in response.content.decode()
    data["on_behalf_consent_note"] = "She is in hospital and too unwell to read it."
    client.post(f"{reverse('feedback:new')}?service={service.slug}", data)
    case = Case.objects.get()
    assert case.on_behalf_consent == "not_possible"
    assert case.on_behalf_consent_note.startswith("She is in hospital")


def test_behalf_details_are_dropped_when_the_box_is_not_ticked(client, service):
    submit(client, service, on_behalf_relationship="neighbour", on_behalf_consent="agreed")
    case = Case.objects.get()
    assert case.on_behalf_relationship == "" and case.on_behalf_consent == ""


@pytest.mark.parametrize("mode, worried, says, never", [
    (IdentityMode.ANONYMOUS_NO_CONTACT, False,
     "They cannot answer you, because you chose to leave no way to follow up.",
     "tell you they have read it"),
    (IdentityMode.ANONYMOUS_RECEIPT, False, "The provider must answer you by", "commissioner"),
    (IdentityMode.ANONYMOUS_RECEIPT, True,
     "The commissioner's team, or the provider if the team passes it on, must answer you by",
     "The provider must tell you they have read it"),
])
def test_the_receipt_says_who_must_do_what_for_each_way_of_sending(client, service, mode,
                                                                   worried, says, never):
    extra = {"worried_about_reaction": "on"} if worried else {}
    _data, response = submit(client, service, identity_mode=mode, **extra)
    page = client.get(response["Location"]).content.decode()
    next_steps = page.split('id="next-title"')[1].split("</section>")[0]
    assert says in next_steps
    assert never not in next_steps


def test_a_signed_in_person_is_not_asked_for_a_name_and_email(client, service, person):
    client.force_login(person)
    page = client.get(reverse("feedback:new"), {"service": service.slug}).content.decode()
    assert 'value="named_contact"' not in page and 'name="contact_email"' not in page
    assert 'value="named_account"' in page and 'name="sign_in_first"' not in page
    _data, response = submit(client, service, identity_mode=IdentityMode.NAMED_CONTACT,
                             contact_name="Sam", contact_email="sam@example.org")
    assert response.status_code == 400 and not Case.objects.exists()
