"""Anonymous feedback holds nothing identifying: not in its row, its events, any table, or the logs."""

import logging

import pytest
from django.apps import apps
from django.core import serializers
from django.test import Client
from django.urls import reverse

from feedback import receipts
from feedback.models import Case, IdentityMode
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

ADDRESS = "203.0.113.197"
AGENT = "DistinctiveAgent/7.3 (anonymity-probe)"
EMAIL = "riley.quinn.probe@example.org"
NAME = "Riley Quinn"

# Tables that legitimately hold the person's account (it exists; it is just never linked).
ACCOUNT_TABLES = {"portal.user", "account.emailaddress"}


def everything_in_the_database() -> dict[str, str]:
    dump = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        rows = list(model._base_manager.all())
        if rows:
            dump[label] = serializers.serialize("json", rows)
    return dump


@pytest.mark.parametrize("mode", [IdentityMode.ANONYMOUS_RECEIPT, IdentityMode.ANONYMOUS_NO_CONTACT])
@pytest.mark.parametrize("signed_in", [False, True], ids=["not-signed-in", "signed-in"])
def test_anonymous_case_stores_no_email_address_or_user_agent(service, caplog, mode, signed_in):
    client = Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT)
    user = UserFactory(email=EMAIL, full_name=NAME)
    caplog.set_level(logging.DEBUG)  # everything the portal logs from here on
    if signed_in:
        client.force_login(user)
    token = receipts.new_submission_token()
    data = {
        "service": service.slug, "token": token, "kind": "complaint",
        "what_happened": "The receptionist shouted at me in front of everyone.",
        "identity_mode": mode,
        # A form tampered with, or filled in before switching to anonymous, still keeps nothing.
        "contact_name": NAME, "contact_email": EMAIL, "share_name": "on",
    }
    response = client.post(f"{reverse('feedback:new')}?service={service.slug}", data)
    assert response.status_code == 302
    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    case = Case.objects.get()
    if mode == IdentityMode.ANONYMOUS_RECEIPT:
        opened = Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT).post(
            reverse("feedback:track"), {"code": receipts.code_for_token(token)})
        assert opened.status_code == 302
        client.post(reverse("feedback:track"), {"code": receipts.code_for_token(token)})
        client.post(reverse("feedback:track_reply", args=[case.reference]),
                    {"body": "Any news about my complaint?"})

    case.refresh_from_db()
    assert case.submitter_id is None and case.contact_email == "" and case.contact_name == ""
    assert case.share_name is False
    assert all(event.actor_id is None for event in case.events.all())
    assert case.events.exists()

    for label, rows in everything_in_the_database().items():
        assert ADDRESS not in rows, f"the address is stored in {label}"
        assert AGENT not in rows, f"the user agent is stored in {label}"
        if label not in ACCOUNT_TABLES:
            assert EMAIL not in rows, f"the email is stored in {label}"
            assert NAME not in rows, f"the name is stored in {label}"
            assert f'"user": {user.pk}' not in rows and f'"submitter": {user.pk}' not in rows
            # The session table must not link the account to the case either.
            assert case.reference not in rows or label in {"feedback.case", "feedback.caseevent"}

    logs = caplog.text
    for identifying in (ADDRESS, AGENT, EMAIL, NAME):
        assert identifying not in logs


def test_the_receipt_code_itself_is_never_stored(service):
    client = Client()
    token = receipts.new_submission_token()
    client.post(f"{reverse('feedback:new')}?service={service.slug}", {
        "service": service.slug, "token": token, "kind": "concern",
        "what_happened": "Waiting times were not explained.", "identity_mode": "anonymous_receipt",
    })
    code = receipts.code_for_token(token)
    for label, rows in everything_in_the_database().items():
        assert code not in rows and receipts.normalise(code) not in rows, label
        assert token not in rows, label


def test_receipt_codes_carry_at_least_80_random_bits():
    codes = {receipts.code_for_token(receipts.new_submission_token()) for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:50]:
        groups = code.split("-")
        assert [len(g) for g in groups] == [4, 4, 4, 4]
        assert set(code.replace("-", "")) <= set(receipts.ALPHABET)
    assert len(receipts.ALPHABET) ** 16 >= 2 ** 80
    # Every character position varies: the code is not padded or partly fixed.
    for position in range(16):
        assert len({c.replace("-", "")[position] for c in codes}) > 20


def test_codes_are_read_forgivingly_and_compared_by_keyed_hash():
    code = receipts.code_for_token("some-token")
    typed = code.lower().replace("-", " ").replace("1", "l").replace("0", "o")
    assert receipts.code_matches(typed, receipts.code_hash(code))
    assert not receipts.code_matches("AAAA-BBBB-CCCC-DDDD", receipts.code_hash(code))
    assert not receipts.code_matches(code, None)
    assert receipts.code_hash(code) != receipts.code_hash(code.replace(code[0], "Z" if code[0] != "Z" else "Y", 1))
