"""Keyboard only: giving feedback and following it up with Tab, Shift+Tab, Space, arrows, Enter
and typing, with the focus always visible (PRODUCT.md §10)."""

import pytest

from feedback import receipts, services
from feedback.models import IdentityMode
from tests.browser.conftest import CODE_RE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def focused_matches(page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement.matches(s)", selector)


def focused_description(page) -> str:
    return page.evaluate("() => document.activeElement.outerHTML.slice(0, 120)")


def tab_to(page, selector: str, *, key: str = "Tab", limit: int = 60) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches `selector`."""
    passed = []
    for _ in range(limit):
        page.keyboard.press(key)
        if focused_matches(page, selector):
            return
        passed.append(focused_description(page))
    raise AssertionError(f"{key} never reached {selector!r}; focus went through:\n"
                         + "\n".join(passed))


def focus_ring(page) -> dict:
    return page.evaluate("""() => {
        const style = getComputedStyle(document.activeElement);
        return {outline: style.outlineStyle, width: style.outlineWidth, shadow: style.boxShadow};
    }""")


def assert_focus_visible(page, what: str) -> None:
    ring = focus_ring(page)
    visible_outline = ring["outline"] != "none" and ring["width"] not in ("0px", "")
    assert visible_outline or ring["shadow"] != "none", (
        f"no visible focus on the {what}: {ring} ({focused_description(page)})")


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert focused_matches(page, "a.skip-link[href='#main']")
    box = page.locator(".skip-link").bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0, "the focused skip link is on screen"
    assert_focus_visible(page, "skip link")
    page.keyboard.press("Enter")
    assert focused_matches(page, "main#main")
    # The next stop is inside the main content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")


def test_focus_is_visible_on_links_buttons_and_text_inputs(page, service):
    page.goto("/services/")
    tab_to(page, "main a")
    assert_focus_visible(page, "link")
    tab_to(page, "header nav a")  # white links on the dark header
    assert_focus_visible(page, "header link")
    page.goto("/services/")
    tab_to(page, "main form button[type=submit]")
    assert_focus_visible(page, "button")
    tab_to(page, "#service-search", key="Shift+Tab")
    assert_focus_visible(page, "text input")
    page.goto(f"/feedback/new/?service={service.slug}")
    tab_to(page, "#id_kind_0")
    assert_focus_visible(page, "radio button")
    tab_to(page, "#id_what_happened")
    assert_focus_visible(page, "text box")


def test_feedback_can_be_given_with_the_keyboard_only(page, service):
    page.goto("/")
    tab_to(page, "a[href='/feedback/new/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/feedback/new/")

    tab_to(page, "#service-search")
    page.keyboard.type("riverside")
    page.keyboard.press("Enter")
    page.wait_for_url("**/feedback/new/?q=riverside")
    tab_to(page, f"main a[href$='service={service.slug}']")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/feedback/new/?service={service.slug}")

    # Radio buttons: Space picks the first, the arrow keys move the choice.
    tab_to(page, "#id_kind_0")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.locator("input[name=kind]:checked").get_attribute("value") == "concern"

    tab_to(page, "#id_what_happened")
    page.keyboard.type("The ramp at the entrance has been broken for a month.")

    tab_to(page, "#id_identity_mode_0")
    for _ in range(2):
        page.keyboard.press("ArrowDown")
    assert (page.locator("input[name=identity_mode]:checked").get_attribute("value")
            == IdentityMode.ANONYMOUS_RECEIPT)

    tab_to(page, ".actions button[name=send]")
    assert_focus_visible(page, "send button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/feedback/sent/**")
    assert CODE_RE.fullmatch(page.inner_text(".receipt-code").strip())


def test_feedback_can_be_followed_up_with_the_keyboard_only(page, service):
    token = receipts.new_submission_token()
    case = services.case_submit(submission=services.Submission(
        service=service, kind="concern", language="en",
        identity_mode=IdentityMode.ANONYMOUS_RECEIPT,
        what_happened="The ramp at the entrance has been broken for a month."), token=token).case
    code = receipts.code_for_token(token)

    page.goto("/track/")
    tab_to(page, "#id_code")
    page.keyboard.type(code)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/track/{case.reference}/")

    tab_to(page, "#id_body")
    page.keyboard.type("It is still broken today.")
    # Enter in a text box starts a new line, so the reply is sent from its button.
    tab_to(page, "form[action$='/reply/'] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector(".notices")
    assert "Your reply has been sent" in page.inner_text(".notices")
    assert "It is still broken today." in page.inner_text("main")
