"""Forms as people meet them in a browser: Enter does what the form is for, and the feedback form
shows each follow-on question only once its choice is made (and all of them without JavaScript)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT_INPUTS = ("input[type=text], input[type=email], input[type=tel], input[type=date], "
               "input[type=search], input[type=number], input:not([type])")


def forms_with_several_buttons(page) -> list[int]:
    """Indexes of the page's forms that hold more than one submit button."""
    return page.evaluate("""() => Array.from(document.forms).map((form, i) =>
        [i, form.querySelectorAll('button[type=submit], button:not([type]), input[type=submit]')
            .length]).filter(([i, n]) => n > 1).map(([i]) => i)""")


def visible_text_inputs(page, form_index: int) -> list[str]:
    """Selectors of the visible text boxes (not text areas, where Enter starts a new line)."""
    return page.evaluate("""([i, selector]) => Array.from(document.forms[i].querySelectorAll(selector))
        .filter(el => el.offsetParent !== null && !el.disabled)
        .map(el => '#' + el.id)""", [form_index, TEXT_INPUTS])


def main_button(page, form_index: int) -> dict:
    """The visible primary button of the form: its name and value."""
    return page.evaluate("""i => {
        const b = document.forms[i].querySelector('.actions button:not(.button-secondary)');
        return {name: b.name, value: b.value};
    }""", form_index)


def press_enter_in_each_box(page, url: str, prepare) -> int:
    """Open `url`, run `prepare(page)`, then for every form with several buttons and every text
    box in it: type, press Enter, and check the form was sent with its main button. Returns how
    many boxes were tried."""
    tried = 0
    page.goto(url)
    prepare(page)
    for form_index in forms_with_several_buttons(page):
        boxes = visible_text_inputs(page, form_index)
        expected = main_button(page, form_index)
        for box in boxes:
            page.goto(url)
            prepare(page)
            page.focus(box)
            page.keyboard.type("x")
            with page.expect_request(lambda r: r.method == "POST") as sent:
                page.keyboard.press("Enter")
            body = sent.value.post_data or ""
            assert f"{expected['name']}={expected['value']}" in body, (box, body)
            assert "sign_in_first" not in body and "send_anyway" not in body, (box, body)
            page.wait_for_load_state()
            assert "/accounts/login/" not in page.url, (box, page.url)
            tried += 1
    return tried


def choose_named_contact(page):
    page.check("#id_kind_3")
    page.check("input[name=identity_mode][value=named_contact]")


def test_enter_in_every_box_sends_the_feedback_never_signs_in(page, service):
    url = f"/feedback/new/?service={service.slug}"
    assert press_enter_in_each_box(page, url, choose_named_contact) >= 3  # name, email, date


def test_enter_after_the_identifying_details_warning_sends_the_changed_text(page, service):
    url = f"/feedback/new/?service={service.slug}"
    page.goto(url)
    page.check("#id_kind_3")
    page.fill("#id_what_happened", "Call me on 07700 900123 or write to sam@example.org.")
    page.check("input[name=identity_mode][value=anonymous_receipt]")
    page.click(".actions button[name=send]")
    page.wait_for_selector("#identifying-details")
    warning_url = page.url
    form = forms_with_several_buttons(page)
    assert form, "the warning offers two ways to send"
    page.focus("#id_when_happened")
    page.keyboard.type("01012026")
    with page.expect_request(lambda r: r.method == "POST") as sent:
        page.keyboard.press("Enter")
    body = sent.value.post_data or ""
    assert "send=1" in body and "send_anyway" not in body and "sign_in_first" not in body
    assert warning_url


def test_follow_on_questions_appear_only_once_their_choice_is_made(page, service):
    page.goto(f"/feedback/new/?service={service.slug}")
    name, relationship, note = "#id_contact_name", "#id_on_behalf_relationship", \
        "#id_on_behalf_consent_note"
    sign_in = "button[name=sign_in_first]"
    short = page.evaluate("() => document.documentElement.scrollHeight")
    for hidden in (name, relationship, note, sign_in, "#id_share_name"):
        assert not page.is_visible(hidden), hidden
    page.check("input[name=identity_mode][value=named_contact]")
    assert page.is_visible(name) and page.is_visible("#id_share_name")
    page.check("input[name=identity_mode][value=named_account]")
    assert not page.is_visible(name) and page.is_visible(sign_in)
    page.check("input[name=identity_mode][value=anonymous_receipt]")
    assert not page.is_visible(name) and not page.is_visible("#id_share_name")
    page.check("#id_on_behalf")
    assert page.is_visible(relationship) and not page.is_visible(note)
    page.check("input[name=on_behalf_consent][value=not_possible]")
    assert page.is_visible(note)
    page.uncheck("#id_on_behalf")
    assert not page.is_visible(relationship)

    # Without JavaScript every question shows, so the form is still complete.
    no_script = page.context.browser.new_context(java_script_enabled=False,
                                                 base_url=page.url.split("/feedback")[0],
                                                 viewport={"width": 1000, "height": 900})
    try:
        full = no_script.new_page()
        full.goto(f"/feedback/new/?service={service.slug}")
        for shown in (name, relationship, note, sign_in, "#id_share_name"):
            assert full.is_visible(shown), shown
        tall = full.evaluate("() => document.documentElement.scrollHeight")
    finally:
        no_script.close()
    assert short < tall * 0.8, (short, tall)


def test_a_choice_made_before_an_error_keeps_its_questions_open(page, service):
    page.goto(f"/feedback/new/?service={service.slug}")
    page.check("input[name=identity_mode][value=named_contact]")
    page.click(".actions button[name=send]")
    page.wait_for_selector(".error-summary")
    # The name box is there to fix, with its error beside it.
    assert page.is_visible("#id_contact_name")
    assert page.is_visible("#id_contact_name-error")
