"""Signing up, verifying the email and signing in, with account emails sent through the outbox."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from feedback.models import OutboxEmail
from feedback.tasks import outbox_flush

pytestmark = pytest.mark.django_db


def test_sign_up_verify_email_then_sign_in(client):
    response = client.post(reverse("account_signup"), {
        "email": "jordan.ellis@example.org",
        "password1": "a long pass phrase 42", "password2": "a long pass phrase 42",
    })
    assert response.status_code == 302
    # The verification email waits in the outbox until the task sends it.
    assert OutboxEmail.objects.filter(to="jordan.ellis@example.org").count() == 1
    outbox_flush()
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", mail.outbox[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    client.post("/" + path)
    client.logout()
    signed_in = client.post(reverse("account_login"), {
        "login": "jordan.ellis@example.org", "password": "a long pass phrase 42"})
    assert signed_in.status_code == 302
    assert client.get(reverse("feedback:my_feedback")).status_code == 200


def test_unverified_email_cannot_sign_in(client):
    client.post(reverse("account_signup"), {
        "email": "casey.north@example.org",
        "password1": "a long pass phrase 42", "password2": "a long pass phrase 42",
    })
    client.logout()
    client.post(reverse("account_login"), {
        "login": "casey.north@example.org", "password": "a long pass phrase 42"})
    assert client.get(reverse("feedback:my_feedback")).status_code == 302


def test_new_account_takes_the_language_in_use(client):
    from portal.models import User

    client.cookies["django_language"] = "fr-ca"
    client.post(reverse("account_signup"), {
        "email": "marie.lavoie@example.org",
        "password1": "une longue phrase 42", "password2": "une longue phrase 42",
    })
    assert User.objects.get(email="marie.lavoie@example.org").language == "fr-ca"
    assert OutboxEmail.objects.get(to="marie.lavoie@example.org").language == "fr-ca"
