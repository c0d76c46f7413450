"""The provider's inbox and case page pass axe (WCAG 2.2 AA rules) in both languages too."""

import pytest
from django.test import Client

from feedback import services
from feedback.services import Submission, case_submit
from portal.models import Role
from tests.browser.test_accessibility import assert_no_violations
from tests.factories import MembershipFactory

from .conftest import LANGUAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def staff_session(service):
    manager = MembershipFactory(role=Role.MANAGER, provider=service.provider).user
    for number, mode in enumerate(["anonymous_receipt", "named_contact", "anonymous_no_contact"]):
        case = case_submit(submission=Submission(
            service=service, kind="complaint", language="en", identity_mode=mode,
            what_happened="The visits stopped without a word.", contact_name="Alex Morgan"
            if mode == "named_contact" else "", contact_email="alex.morgan@example.org"
            if mode == "named_contact" else "", share_name=mode == "named_contact"),
            token=f"a11y-{number}").case
    services.callback_request(case=case, phone="07700 900123", good_times="Mornings")
    services.question_ask(case=case, user=manager, body="Which days were missed?")
    client = Client()
    client.force_login(manager)
    return client.cookies["sessionid"].value, case


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("where", ["inbox", "case"])
def test_provider_pages_have_no_wcag_22_aa_violations(new_context, staff_session, language,
                                                      where):
    session_key, case = staff_session
    page = new_context(language=language, session_key=session_key).new_page()
    page.goto("/provider/" if where == "inbox" else f"/provider/cases/{case.reference}/")
    assert page.locator("h1").count() == 1
    assert_no_violations(page)
