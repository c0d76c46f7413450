"""Browser fixtures: one Debian Chromium for the whole run, a fresh context per test.

Playwright's sync API runs an event loop in the test thread, so Django's async-safety check has to
be told the ORM calls made by fixtures there are fine.
"""

import os
import re

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.factories import ServiceFactory, UserFactory  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
LANGUAGES = ["en", "fr-ca"]
CODE_RE = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-"
                     r"[0-9A-HJKMNP-TV-Z]{4}")


@pytest.fixture(scope="session")
def playwright_driver():
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright_driver):
    # Debian's Chromium, never a browser Playwright downloads.
    browser = playwright_driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def new_context(browser, live_server):
    """Make browser contexts (language, JavaScript on or off) that are closed after the test."""
    contexts = []

    def make(*, language="en", javascript=True, session_key=None, width=1000):
        context = browser.new_context(base_url=live_server.url, java_script_enabled=javascript,
                                      viewport={"width": width, "height": 900})
        context.set_default_timeout(10_000)
        cookies = [{"name": "django_language", "value": language, "url": live_server.url}]
        if session_key:
            cookies.append({"name": "sessionid", "value": session_key, "url": live_server.url})
        context.add_cookies(cookies)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


@pytest.fixture
def service(transactional_db):
    return ServiceFactory(name="Riverside crisis line", name_fr="Ligne de crise Riverside",
                          slug="riverside-crisis-line", area="Riverside")


@pytest.fixture
def person(transactional_db):
    return UserFactory(email="sam.rivers@example.org", full_name="Sam Rivers")


@pytest.fixture
def signed_in_session(client, person):
    """The session cookie value of `person`, signed in through Django's test client."""
    client.force_login(person)
    return client.cookies["sessionid"].value
