"""The account pages (sign in, sign up, email confirmation, password reset, and the signed-in account
pages) pass axe (WCAG 2.2 AA rules) in English and French (Canada), errors shown included."""

import pytest

from tests.browser.test_accessibility import HTML_LANG, assert_no_violations

from .conftest import LANGUAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# name: (path, signed in, boxes to fill before sending the form; None opens the page only)
PAGES = {
    "sign-in": ("/accounts/login/", False, None),
    "sign-in-wrong-password": ("/accounts/login/", False,
                               {"#id_login": "sam.rivers@example.org",
                                "#id_password": "not my password"}),
    "sign-up": ("/accounts/signup/", False, None),
    "sign-up-errors": ("/accounts/signup/", False,
                       {"#id_email": "robin.hale@example.org", "#id_password1": "short"}),
    "check-your-email": ("/accounts/confirm-email/", False, None),
    "confirm-email-bad-link": ("/accounts/confirm-email/not-a-key/", False, None),
    "password-reset": ("/accounts/password/reset/", False, None),
    "password-reset-errors": ("/accounts/password/reset/", False, {"#id_email": "not an address"}),
    "password-reset-done": ("/accounts/password/reset/done/", False, None),
    "password-reset-bad-link": ("/accounts/password/reset/key/1-not-a-key/", False, None),
    "email-addresses": ("/accounts/email/", True, None),
    "email-addresses-errors": ("/accounts/email/", True, {"#id_email": "not an address"}),
    "change-password": ("/accounts/password/change/", True, None),
    "change-password-errors": ("/accounts/password/change/", True,
                               {"#id_oldpassword": "not my password"}),
    "two-step-sign-in": ("/accounts/2fa/", True, None),
    "sign-out": ("/accounts/logout/", True, None),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_account_page_has_no_wcag_22_aa_violations(name, language, new_context, request):
    path, signed_in, boxes = PAGES[name]
    session_key = request.getfixturevalue("signed_in_session") if signed_in else None
    page = new_context(language=language, session_key=session_key).new_page()
    page.goto(path)
    assert page.url.endswith(path), f"{path} sent the browser on to {page.url}"
    if boxes is not None:
        for box, text in boxes.items():
            page.fill(box, text)
        page.click("main form[novalidate] button[type=submit]")
        page.wait_for_selector(".error-summary")
        assert page.locator(".error-message").count() >= 1
    assert page.locator("html").get_attribute("lang") == HTML_LANG[language]
    assert page.locator("h1").count() == 1
    assert_no_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_demo_note_on_where_emails_go_has_no_wcag_22_aa_violations(language, new_context,
                                                                   settings):
    settings.DEBUG = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    page = new_context(language=language).new_page()
    page.goto("/accounts/confirm-email/")
    assert page.locator(".notice-box code").inner_text() == "make run"
    assert_no_violations(page)
