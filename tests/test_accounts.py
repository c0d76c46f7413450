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


# --- The portal's own words, look and emails ------------------------------------------------------

def error_beside(page: str, field: str) -> str | None:
    """The error includes/field.html shows beside the box `field`, if any."""
    found = re.search(rf'<p class="error-message" id="id_{field}-error">(.*?)</p>', page, re.S)
    return found.group(1) if found else None


def summary_links(page: str) -> dict[str, str]:
    """The error summary's links: the box each points at, and what it says."""
    summary = re.search(r'<div class="error-summary".*?</div>', page, re.S)
    if summary is None:
        return {}
    return dict(re.findall(r'<a href="#id_(\w+)">(.*?)</a>', summary.group(0), re.S))


@pytest.mark.parametrize("password1, password2, field, words", [
    ("short", "short", "password1", "too short"),
    ("a long pass phrase 42", "a long pass phrase 43", "password2", "not the same"),
])
def test_sign_up_password_problem_shows_beside_the_password_and_in_the_summary(
        client, password1, password2, field, words):
    response = client.post(reverse("account_signup"), {
        "email": "robin.hale@example.org", "password1": password1, "password2": password2})
    assert response.status_code == 200
    page = response.content.decode()
    assert words in error_beside(page, field)
    assert error_beside(page, "email") is None
    assert words in summary_links(page)[field]
    assert "<title>Error: Create an account" in page


def test_wrong_password_on_sign_in_shows_beside_the_password(client, person):
    response = client.post(reverse("account_login"), {"login": person.email,
                                                      "password": "not my password"})
    page = response.content.decode()
    assert "email address or the password is not right" in error_beside(page, "password")
    assert error_beside(page, "login") is None
    assert "password" in summary_links(page)
    # The address stays typed; the password comes back empty.
    assert f'value="{person.email}"' in page


def test_sign_in_page_speaks_in_the_portal_s_words(client):
    page = client.get(reverse("account_login")).content.decode()
    for words in ["<h1>Sign in</h1>", "Create an account", "Keep me signed in on this device",
                  "Forgot your password?", "Email address"]:
        assert words in page
    for allauth_words in ["Sign In", "Sign Up", "Remember Me", "placeholder="]:
        assert allauth_words not in page


def test_account_pages_in_french_use_the_portal_s_french_not_allauth_s(client):
    # Needs the French (Canada) catalogue to hold the account pages' strings.
    client.cookies["django_language"] = "fr-ca"
    sign_in = client.get(reverse("account_login")).content.decode()
    sign_up = client.get(reverse("account_signup")).content.decode()
    assert "<h1>Se connecter</h1>" in sign_in
    assert "Mot de passe oublié?" in sign_in
    assert "<h1>Créer un compte</h1>" in sign_up
    for page in (sign_in, sign_up):
        assert "au préalable" not in page  # allauth's France French
        assert "E-mail" not in page and "e-mail" not in page


def sign_up_and_read_the_email(client, email: str):
    client.post(reverse("account_signup"), {
        "email": email, "password1": "a long pass phrase 42", "password2": "a long pass phrase 42"})
    outbox_flush()
    (sent,) = [message for message in mail.outbox if message.to == [email]]
    return sent


def html_of(message) -> str:
    return next(body for body, kind in message.alternatives if kind == "text/html")


def test_verification_email_names_the_portal_not_the_host(client):
    sent = sign_up_and_read_the_email(client, "jordan.ellis@example.org")
    words = re.sub(r"https?://\S+", "", sent.body)
    assert sent.subject == "Confirm your email address"
    assert "Feedback portal" in words
    assert "Hello from" not in words and "testserver" not in words
    assert "/accounts/confirm-email/" in sent.body
    assert '<html lang="en">' in html_of(sent) and "Feedback portal" in html_of(sent)


def test_verification_email_is_in_french_for_a_french_reader(client):
    # Needs the French (Canada) catalogue to hold the account emails' strings.
    client.cookies["django_language"] = "fr-ca"
    sent = sign_up_and_read_the_email(client, "marie.lavoie@example.org")
    assert "Portail des commentaires" in sent.body
    assert '<html lang="fr-CA">' in html_of(sent)
    assert sent.subject == "Confirmez votre adresse courriel"
    assert "Merci d’avoir créé un compte." in sent.body


def test_password_reset_email_is_in_the_language_of_the_account(client):
    from tests.factories import UserFactory

    UserFactory(email="marie.lavoie@example.org", language="fr-ca")
    client.post(reverse("account_reset_password"), {"email": "marie.lavoie@example.org"})
    email = OutboxEmail.objects.get(to="marie.lavoie@example.org")
    assert (email.purpose, email.language) == ("password_reset_key", "fr-ca")
    # Needs the French (Canada) catalogue to hold the account emails' strings.
    assert email.subject == "Réinitialiser votre mot de passe"


def test_password_reset_for_an_address_without_an_account_says_so(client):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    email = OutboxEmail.objects.get(to="nobody@example.org")
    assert email.purpose == "unknown_account"
    assert "no account uses it" in email.body_text
    assert "Feedback portal" in email.body_text and "/accounts/signup/" in email.body_text


def test_security_notices_are_in_the_portal_s_words_when_turned_on(client, settings, person):
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = True
    client.force_login(person)
    client.post(reverse("account_change_password"), {
        "oldpassword": "correct horse battery", "password1": "a new long phrase 42",
        "password2": "a new long phrase 42"})
    email = OutboxEmail.objects.get(to=person.email, purpose="password_changed")
    assert email.subject == "Your password was changed"
    assert "The password of your account was changed." in email.body_text
    assert "/accounts/password/reset/" in email.body_text
    assert "Feedback portal" in email.body_text and "IP address" not in email.body_text


@pytest.mark.parametrize("debug, backend, shown", [
    (True, "django.core.mail.backends.console.EmailBackend", True),
    (True, "anymail.backends.postmark.EmailBackend", False),
    (True, "django.core.mail.backends.smtp.EmailBackend", False),
    (False, "django.core.mail.backends.console.EmailBackend", False),
])
def test_check_your_email_says_where_demo_emails_go_only_in_development(client, settings, debug,
                                                                        backend, shown):
    settings.DEBUG = debug
    settings.EMAIL_BACKEND = backend
    for url in ("account_email_verification_sent", "account_reset_password_done"):
        page = client.get(reverse(url)).content.decode()
        assert "<h1>Check your email</h1>" in page
        assert ("printed in the terminal where <code>make run</code> runs" in page) == shown


def test_too_many_password_resets_get_the_portal_s_try_later_page(client):
    for _ in range(5):
        client.post(reverse("account_reset_password"), {"email": "sam.rivers@example.org"})
    response = client.post(reverse("account_reset_password"), {"email": "sam.rivers@example.org"})
    assert response.status_code == 429
    assert "<h1>Please try again later</h1>" in response.content.decode()
