"""axe-core finds no WCAG 2.2 AA problem on any service-user page, in English and French (Canada),
and the whole anonymous submission works with JavaScript turned off (PRODUCT.md §10)."""

from dataclasses import dataclass
from typing import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe

from feedback import receipts, services
from feedback.models import IdentityMode, Message
from tests.browser.conftest import CODE_RE, LANGUAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]}
AXE = Axe()
HTML_LANG = {"en": "en", "fr-ca": "fr-CA"}


def assert_no_violations(page):
    violations = AXE.run(page, options=AXE_OPTIONS).response["violations"]
    report = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n    "
        + "\n    ".join(f"{', '.join(map(str, node['target']))}: {node.get('failureSummary', '')}"
                        for node in v["nodes"])
        for v in violations)
    assert not violations, f"axe found {len(violations)} problem(s) on {page.url}:\n{report}"


# --- Getting to each page and state ----------------------------------------------------------

@dataclass
class Visit:
    """What a page recipe needs: a way to open a page in the test's language, and the data."""

    open_page: Callable
    service: object
    request: pytest.FixtureRequest


def send_feedback(page, *, text, mode=IdentityMode.ANONYMOUS_RECEIPT, kind="complaint"):
    page.check(f"input[name=kind][value={kind}]")
    page.fill("#id_what_happened", text)
    page.check(f"input[name=identity_mode][value={mode}]")
    page.click(".actions button[name=send]")


def form_page(visit):
    page = visit.open_page()
    page.goto(f"/feedback/new/?service={visit.service.slug}")
    return page


def sent_page(visit, text="Nobody called me back after three messages."):
    page = form_page(visit)
    send_feedback(page, text=text)
    page.wait_for_url("**/feedback/sent/**")
    assert CODE_RE.search(page.inner_text(".receipt-code"))
    return page


def case_with_code(service, **overrides):
    """A case sent anonymously with a receipt, and the code that opens it."""
    token = receipts.new_submission_token()
    fields = {"service": service, "kind": "concern", "language": "en",
              "what_happened": "The ramp at the entrance has been broken for a month.",
              "identity_mode": IdentityMode.ANONYMOUS_RECEIPT, **overrides}
    result = services.case_submit(submission=services.Submission(**fields), token=token)
    return result.case, receipts.code_for_token(token)


def track_with(page, code):
    page.goto("/track/")
    page.fill("#id_code", code)
    page.click("main form button[type=submit]")


def case_page(visit):
    case, code = case_with_code(visit.service)
    Message.objects.create(case=case, author_kind="staff", visibility="to_person",
                           body="Thank you for telling us. We have booked a repair for Monday: "
                                "https://example.org/repairs")
    page = visit.open_page()
    track_with(page, code)
    page.wait_for_url(f"**/track/{case.reference}/")
    assert page.locator(".message-provider").count() == 1
    return page


def case_reply_error(visit):
    page = case_page(visit)
    page.click("form[action$='/reply/'] button[type=submit]")
    page.wait_for_selector(".error-summary")
    return page


def form_with_errors(visit):
    page = form_page(visit)
    page.click(".actions button[name=send]")
    page.wait_for_selector(".error-summary")
    return page


def form_identifying_details(visit):
    page = form_page(visit)
    send_feedback(page, text="Please call me on 07700 900123 or write to jo.bloggs@example.org.")
    page.wait_for_selector("#identifying-details")
    return page


def form_long_details(visit):
    """The warning with details long enough to break a narrow screen if allowed to."""
    page = form_page(visit)
    send_feedback(page, text="Write to josephine.bloggs-worthington.the.third@"
                             "community-mental-health-services-riverside.example.org or call "
                             "+44 7700 900123; my NHS number is 943 476 5919.")
    page.wait_for_selector("#identifying-details")
    return page


def sent_urgent(visit):
    page = sent_page(visit, text="Nobody listens. I want to end my life.")
    assert page.locator(".crisis-box").is_visible()
    return page


def sent_not_kept(visit):
    page = sent_page(visit)
    page.click(".finish-form button[type=submit]")
    page.wait_for_selector(".finish-form .warning-box")
    return page


WRONG_CODE = "AAAA-BBBB-CCCC-DDDD"


def track_wrong_code(visit):
    page = visit.open_page()
    track_with(page, WRONG_CODE)
    page.wait_for_selector(".error-summary")
    return page


def track_throttled(visit):
    page = visit.open_page()
    page.goto("/track/")
    # Ten wrong codes posted from this browser (quicker than ten page loads), the eleventh typed.
    csrf = page.input_value("main form input[name=csrfmiddlewaretoken]")
    for _ in range(10):
        response = page.request.post("/track/", form={"csrfmiddlewaretoken": csrf,
                                                      "code": WRONG_CODE})
        assert response.status == 400
    track_with(page, WRONG_CODE)
    page.wait_for_selector(".error-summary h2")
    assert page.locator("#id_code").input_value() == ""
    assert page.locator(".error-summary[role=alert]").count() == 1
    # The "try again later" page, not the wrong-code error on the field.
    assert page.locator(".error-message").count() == 0
    return page


def my_feedback(visit):
    person = visit.request.getfixturevalue("person")
    session_key = visit.request.getfixturevalue("signed_in_session")
    services.case_submit(submission=services.Submission(
        service=visit.service, kind="compliment", language="en",
        what_happened="The night staff were kind.", identity_mode=IdentityMode.NAMED_ACCOUNT),
        token=receipts.new_submission_token(), user=person)
    page = visit.open_page(session_key=session_key)
    page.goto("/my-feedback/")
    assert page.locator("table.table tbody tr").count() == 1
    return page


def at(path):
    def open_path(visit):
        page = visit.open_page()
        page.goto(path)
        return page
    return open_path


PAGES = {
    "home": at("/"),
    "services": at("/services/"),
    "services-search": at("/services/?q=riverside"),
    "services-no-results": at("/services/?q=nothing+matches+this"),
    "service": at("/services/riverside-crisis-line/"),
    "choose-service": at("/feedback/new/"),
    "choose-service-search": at("/feedback/new/?q=crisis"),
    "form": form_page,
    "form-errors": form_with_errors,
    "form-identifying-details": form_identifying_details,
    "form-long-details": form_long_details,
    "sent-with-receipt": sent_page,
    "sent-urgent": sent_urgent,
    "sent-code-not-kept": sent_not_kept,
    "track": at("/track/"),
    "track-wrong-code": track_wrong_code,
    "track-throttled": track_throttled,
    "case": case_page,
    "case-reply-error": case_reply_error,
    "my-feedback": my_feedback,
    "sign-in": at("/accounts/login/"),
    "sign-up": at("/accounts/signup/"),
    "not-found": at("/no-such-page/"),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_wcag_22_aa_violations(name, language, new_context, service, request):
    def open_page(**kwargs):
        return new_context(language=language, **kwargs).new_page()

    page = PAGES[name](Visit(open_page=open_page, service=service, request=request))
    assert page.locator("html").get_attribute("lang") == HTML_LANG[language]
    assert page.locator("h1").count() == 1
    assert_no_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PAGES)
def test_page_fits_a_320_pixel_screen_without_sideways_scrolling(name, language, new_context,
                                                                 service, request):
    """WCAG 1.4.10 reflow: 320 CSS pixels wide, nothing wider than the screen."""
    def open_page(**kwargs):
        return new_context(language=language, width=320, **kwargs).new_page()

    page = PAGES[name](Visit(open_page=open_page, service=service, request=request))
    wide = page.evaluate("""() => {
        const width = document.documentElement.clientWidth;
        const over = Array.from(document.querySelectorAll('body *')).filter(el => {
            const box = el.getBoundingClientRect();
            return box.width > 0 && (box.right > width + 1 || box.left < -1)
                && getComputedStyle(el).position !== 'absolute';
        }).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
                     + ' ' + Math.round(el.getBoundingClientRect().right));
        return {scroll: document.documentElement.scrollWidth, width, over: over.slice(0, 8)};
    }""")
    assert wide["scroll"] <= wide["width"], f"{page.url} scrolls sideways at 320 px: {wide}"


def test_language_switcher_names_the_other_language_in_its_own_words(new_context):
    page = new_context(language="en").new_page()
    page.goto("/track/")
    switcher = page.locator(".language-switcher button")
    assert switcher.count() == 1
    assert (switcher.inner_text(), switcher.get_attribute("lang")) == ("Français", "fr-CA")
    with page.expect_navigation():
        switcher.click()
    assert page.locator("html").get_attribute("lang") == "fr-CA"
    assert [b.inner_text() for b in switcher.all()] == ["English"]
    assert switcher.get_attribute("lang") == "en"
    assert_no_violations(page)


# --- Without JavaScript --------------------------------------------------------------------------

def test_anonymous_submission_and_follow_up_work_without_javascript(new_context, service,
                                                                    live_server):
    page = new_context(javascript=False).new_page()
    page.goto("/")
    page.get_by_role("link", name="Give feedback").first.click()
    page.fill("#service-search", "riverside")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/feedback/new/?q=riverside")
    page.get_by_role("link", name="Riverside crisis line").click()
    send_feedback(page, text="The ramp at the entrance has been broken for a month.")
    page.wait_for_url("**/feedback/sent/**")
    code = page.inner_text(".receipt-code").strip()
    assert CODE_RE.fullmatch(code)
    # The print button needs the page's script: without it the button stays hidden.
    assert not page.locator("[data-print]").is_visible()
    page.check("#kept")
    page.get_by_role("button", name="Finish").click()
    page.wait_for_url(f"{live_server.url}/")
    assert "has been sent" in page.inner_text(".notices")

    fresh = new_context(javascript=False).new_page()
    track_with(fresh, code.lower())
    fresh.wait_for_url("**/track/*/")
    assert "The ramp at the entrance has been broken" in fresh.inner_text("main")
    fresh.fill("#id_body", "It is still broken today.")
    fresh.get_by_role("button", name="Send reply").click()
    assert "Your reply has been sent" in fresh.inner_text(".notices")


@pytest.mark.parametrize("name", ["case", "sent-with-receipt", "my-feedback"])
def test_the_last_button_has_room_above_the_footer(name, new_context, service, request):
    def open_page(**kwargs):
        return new_context(**kwargs).new_page()

    page = PAGES[name](Visit(open_page=open_page, service=service, request=request))
    gap = page.evaluate("""() => {
        const buttons = Array.from(document.querySelectorAll('main button, main .button'))
            .filter(el => el.offsetParent !== null);
        const last = buttons[buttons.length - 1].getBoundingClientRect();
        return document.querySelector('.site-footer').getBoundingClientRect().top - last.bottom;
    }""")
    assert gap >= 32, f"the last button sits {gap}px above the footer line"
