"""In a real browser, text that looks like markup is shown as the letters the person typed, on their
own page and on the provider's: no element is made from it and no script runs (PRODUCT.md §3)."""

import pytest
from django.test import Client
from django.urls import reverse

from feedback.models import Case
from tests.browser.conftest import CODE_RE
from tests.browser.test_accessibility import send_feedback, track_with
from tests.factories import provider_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TYPED = "<b>bold</b> <script>alert(1)</script>"

# What the first message body holds: its text, and any element or script the text made.
READ_BODY = """() => {
  const body = document.querySelector(".message-body");
  const scripts = [...document.querySelectorAll("script")].filter(s => s.textContent.includes("alert(1)"));
  return {text: body.textContent, elements: body.querySelectorAll("*").length,
          bold: document.querySelectorAll("b").length, scripts: scripts.length};
}"""


def assert_literal(page):
    shown = page.evaluate(READ_BODY)
    assert shown == {"text": TYPED, "elements": 0, "bold": 0, "scripts": 0}


def test_markup_typed_into_a_complaint_is_shown_literally_to_the_person_and_the_provider(
        new_context, service):
    dialogs = []
    person = new_context().new_page()
    person.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    person.goto(f"/feedback/new/?service={service.slug}")
    send_feedback(person, text=TYPED)
    person.wait_for_url("**/feedback/sent/**")
    code = CODE_RE.search(person.inner_text(".receipt-code")).group()
    assert Case.objects.get().what_happened == TYPED

    track_with(person, code)
    person.wait_for_url("**/track/*/")
    assert_literal(person)

    staff = provider_member(provider=service.provider)
    client = Client()
    client.force_login(staff)
    provider = new_context(session_key=client.cookies["sessionid"].value).new_page()
    provider.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    provider.goto(reverse("provider:case", args=[Case.objects.get().reference]))
    assert_literal(provider)
    assert dialogs == [], "a script written by the person ran"
