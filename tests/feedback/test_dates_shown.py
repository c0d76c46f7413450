"""Every date the person and staff see, for an English, a US and a Quebec commissioner, in both
languages: the pages, the receipt, the explanations and the emails say the same thing, the same
way, in the case's time zone and saying whose time it is.

Each case is received on Tuesday 1 December 2026 at 20:16, local time, after working hours. The
next morning (Wednesday 2 December, 10:00) the person asks to be phoned back (16 working hours:
Friday 4 December, 10:00) and a manager extends the answer's deadline.

- England (Europe/London), default policy: acknowledge in 3 working days (Friday 4 December,
  17:00); answer in 20 (Thursday 31 December: Christmas Day and the Boxing Day holiday moved to
  Monday 28 are skipped); extended by 5 working days past New Year's Day: Friday 8 January 2027.
- United States (North Carolina, America/New_York), US Medicaid preset: acknowledge in 5 calendar
  days (Sunday 6 December, 23:59:59); answer in 90 (Monday 1 March 2027); extended by 14 calendar
  days, across the change to summer time: Monday 15 March 2027.
- Quebec (America/Toronto), default policy: acknowledge by Friday 4 December, 17:00; answer in 20
  working days with Quebec's holidays (only Christmas Day in December): Wednesday 30 December;
  extended by 5 working days past New Year's Day: Thursday 7 January 2027.
"""

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from feedback import receipts
from feedback.models import Case, OutboxEmail, ResponsePolicy
from feedback.policies import preset_rules
from portal.models import Role
from tests.factories import CommissionerFactory, ProviderFactory, ServiceFactory, provider_member

pytestmark = pytest.mark.django_db

NB = "\u00a0"


@dataclass(frozen=True)
class Seen:
    """The dates as the reader should read them."""

    received: str       # when the feedback came in
    received_day: str
    when: str           # the day the person said it happened (30 November)
    acknowledge: str    # the acknowledgement's deadline
    acknowledge_day: str
    answer_day: str     # the answer's first deadline, as a day
    asked: str          # when the callback and the extension were asked for
    asked_day: str
    callback: str       # the callback's deadline
    new_answer: str     # the answer's deadline once extended
    new_answer_day: str
    skipped: tuple = ()  # a day the clock did not count, and why


GB = {"country": "GB", "subdivision": "ENG", "timezone": "Europe/London"}
US = {"country": "US", "subdivision": "NC", "timezone": "America/New_York"}
QC = {"country": "CA", "subdivision": "QC", "timezone": "America/Toronto"}
EXTENSION = {"GB": 5, "US": 14, "CA": 5}

EXPECTED = {
    ("GB", "en"): Seen(
        received="1 December 2026, 8:16pm UK time", received_day="1 December 2026",
        when="30 November 2026",
        acknowledge="4 December 2026, 5pm UK time", acknowledge_day="4 December 2026",
        answer_day="31 December 2026",
        asked="2 December 2026, 10am UK time", asked_day="2 December 2026",
        callback="4 December 2026, 10am UK time",
        new_answer="8 January 2027, 5pm UK time", new_answer_day="8 January 2027",
        skipped=("25 December 2026", "public holiday (Christmas Day)")),
    ("GB", "fr-ca"): Seen(
        received=f"1er décembre 2026, 20{NB}h{NB}16 (heure du Royaume-Uni)",
        received_day="1er décembre 2026",
        when="30 novembre 2026",
        acknowledge=f"4 décembre 2026, 17{NB}h (heure du Royaume-Uni)",
        acknowledge_day="4 décembre 2026",
        answer_day="31 décembre 2026",
        asked=f"2 décembre 2026, 10{NB}h (heure du Royaume-Uni)", asked_day="2 décembre 2026",
        callback=f"4 décembre 2026, 10{NB}h (heure du Royaume-Uni)",
        new_answer=f"8 janvier 2027, 17{NB}h (heure du Royaume-Uni)",
        new_answer_day="8 janvier 2027",
        skipped=("25 décembre 2026", "jour férié (Jour de Noël)")),
    ("US", "en"): Seen(
        received=f"December 1, 2026, 8:16{NB}PM Eastern time", received_day="December 1, 2026",
        when="November 30, 2026",
        acknowledge=f"December 6, 2026, 11:59{NB}PM Eastern time",
        acknowledge_day="December 6, 2026",
        answer_day="March 1, 2027",
        asked=f"December 2, 2026, 10:00{NB}AM Eastern time", asked_day="December 2, 2026",
        callback=f"December 4, 2026, 10:00{NB}AM Eastern time",
        new_answer=f"March 15, 2027, 11:59{NB}PM Eastern time", new_answer_day="March 15, 2027"),
    ("US", "fr-ca"): Seen(
        received=f"1er décembre 2026, 20{NB}h{NB}16 (heure de l’Est)",
        received_day="1er décembre 2026",
        when="30 novembre 2026",
        acknowledge=f"6 décembre 2026, 23{NB}h{NB}59 (heure de l’Est)",
        acknowledge_day="6 décembre 2026",
        answer_day="1er mars 2027",
        asked=f"2 décembre 2026, 10{NB}h (heure de l’Est)", asked_day="2 décembre 2026",
        callback=f"4 décembre 2026, 10{NB}h (heure de l’Est)",
        new_answer=f"15 mars 2027, 23{NB}h{NB}59 (heure de l’Est)", new_answer_day="15 mars 2027"),
    ("CA", "en"): Seen(
        received=f"December 1, 2026, 8:16{NB}p.m. Eastern time",
        received_day="December 1, 2026",
        when="November 30, 2026",
        acknowledge=f"December 4, 2026, 5{NB}p.m. Eastern time",
        acknowledge_day="December 4, 2026",
        answer_day="December 30, 2026",
        asked=f"December 2, 2026, 10{NB}a.m. Eastern time", asked_day="December 2, 2026",
        callback=f"December 4, 2026, 10{NB}a.m. Eastern time",
        new_answer=f"January 7, 2027, 5{NB}p.m. Eastern time", new_answer_day="January 7, 2027",
        skipped=("December 25, 2026", "public holiday (Christmas Day)")),
    ("CA", "fr-ca"): Seen(
        received=f"1er décembre 2026, 20{NB}h{NB}16 (heure de l’Est)",
        received_day="1er décembre 2026",
        when="30 novembre 2026",
        acknowledge=f"4 décembre 2026, 17{NB}h (heure de l’Est)",
        acknowledge_day="4 décembre 2026",
        answer_day="30 décembre 2026",
        asked=f"2 décembre 2026, 10{NB}h (heure de l’Est)", asked_day="2 décembre 2026",
        callback=f"4 décembre 2026, 10{NB}h (heure de l’Est)",
        new_answer=f"7 janvier 2027, 17{NB}h (heure de l’Est)", new_answer_day="7 janvier 2027",
        skipped=("25 décembre 2026", "jour férié (Jour de Noël)")),
}

CODE = re.compile(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")


@pytest.fixture(autouse=True)
def _language_restored():
    """A request leaves its language active in the thread: later tests start from the default."""
    with translation.override(translation.get_language()):
        yield


@pytest.fixture
def clock(monkeypatch):
    class Clock:
        def set(self, moment):
            monkeypatch.setattr(timezone, "now", lambda: moment)
    return Clock()


def browser(language: str) -> Client:
    client = Client()
    client.cookies["django_language"] = language
    return client


def commissioner_service(calendar: dict):
    commissioner = CommissionerFactory(**calendar)
    if calendar["country"] == "US":
        ResponsePolicy.objects.create(commissioner=commissioner, name="Medicaid",
                                      preset="us_medicaid_438_408",
                                      rules=preset_rules("us_medicaid_438_408"))
    return ServiceFactory(provider=ProviderFactory(commissioners=[commissioner]),
                          commissioner=commissioner)


def page(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def dates_in(text: str, *expected: str) -> None:
    for words in expected:
        assert words in text, f"{words!r} is missing"
        # A sentence that ends with a date has one full stop.
        assert f"{words}.." not in text


@pytest.mark.parametrize("country, calendar", [("GB", GB), ("US", US), ("CA", QC)])
@pytest.mark.parametrize("language", ["en", "fr-ca"])
def test_every_date_reads_the_same_everywhere(clock, country, calendar, language):
    seen = EXPECTED[(country, language)]
    zone = ZoneInfo(calendar["timezone"])
    service = commissioner_service(calendar)
    manager = provider_member(provider=service.provider, role=Role.MANAGER, language=language)

    # The person sends their feedback.
    clock.set(dt.datetime(2026, 12, 1, 20, 16, 30, tzinfo=zone))
    person = browser(language)
    token = receipts.new_submission_token()
    sent = person.post(f"{reverse('feedback:new')}?service={service.slug}", {
        "service": service.slug, "token": token, "kind": "complaint",
        "what_happened": "Nobody called me back after three messages.",
        "when_happened": "2026-11-30", "identity_mode": "named_contact",
        "contact_name": "Alex Morgan", "contact_email": "alex.morgan@example.org"})
    assert sent.status_code == 302, sent.content.decode()[:2000]
    case = Case.objects.get()
    assert case.language == language

    confirmation = page(person.get(sent["Location"]))
    dates_in(confirmation, seen.received, seen.acknowledge_day, seen.answer_day)
    code = CODE.search(confirmation)[0]
    receipt = person.post(reverse("feedback:receipt", args=[case.reference]), {"code": code})
    dates_in(receipt.content.decode(), seen.received)
    email = OutboxEmail.objects.get(case=case, purpose="receipt")
    for body in (email.body_text, email.body_html):
        dates_in(body, seen.received, seen.answer_day)

    # The next morning: a callback, and more time to answer.
    clock.set(dt.datetime(2026, 12, 2, 10, 0, tzinfo=zone))
    person.post(reverse("feedback:track"), {"code": code})
    assert person.post(reverse("feedback:track_callback", args=[case.reference]),
                       {"phone": "01632 960001", "good_times": "Mornings"}).status_code == 302
    staff = browser(language)
    staff.force_login(manager)
    extended = staff.post(reverse("provider:extend", args=[case.reference]), {
        "extend-amount": str(EXTENSION[country]),
        "extend-reason": "We are waiting for the records."}, follow=True)
    # The manager is told the new date, in words, with its time.
    dates_in(page(extended), seen.new_answer)

    # What the person reads: their case page with how each date was worked out, and the emails.
    tracked = page(person.get(reverse("feedback:track_case", args=[case.reference])))
    dates_in(tracked, seen.received, seen.when, seen.acknowledge, seen.callback,
             seen.new_answer, seen.new_answer_day, seen.asked, *seen.skipped)
    update = OutboxEmail.objects.get(case=case, purpose="person_update")
    for body in (update.body_text, update.body_html):
        dates_in(body, seen.new_answer_day)

    # What staff read: the case page, the inbox and the callback email.
    case_page = page(staff.get(reverse("provider:case", args=[case.reference])))
    dates_in(case_page, seen.received, seen.when, seen.acknowledge, seen.callback,
             seen.new_answer, seen.asked, seen.asked_day, seen.new_answer_day, *seen.skipped)
    inbox = page(staff.get(reverse("provider:inbox")))
    dates_in(inbox, seen.callback, seen.received_day)
    notice = OutboxEmail.objects.get(case=case, purpose="staff_notice", to=manager.email,
                                     body_text__contains=seen.callback)
    dates_in(notice.body_html, seen.callback)

    # Nothing left in the old formats.
    for text in (confirmation, receipt.content.decode(), tracked, case_page, inbox,
                 email.body_text, update.body_text, notice.body_text):
        assert not re.search(r"\b(a|p)\.m\.\.|\b\d{4}-\d{2}-\d{2}\b(?![^<]*>)", text)


@pytest.mark.parametrize("language, latest", [("en", "2 June 2027"), ("fr-ca", "2 juin 2027")])
def test_the_latest_agreed_date_is_written_like_every_other_date(clock, language, latest):
    # England 2009: a date agreed with the person is at most 183 calendar days after receipt.
    service = commissioner_service(GB)
    ResponsePolicy.objects.create(commissioner=service.commissioner, name="England 2009",
                                  preset="england_2009", rules=preset_rules("england_2009"))
    staff = browser(language)
    staff.force_login(provider_member(provider=service.provider, language=language))
    clock.set(dt.datetime(2026, 12, 1, 20, 16, tzinfo=ZoneInfo("Europe/London")))
    from feedback.services import Submission, case_submit

    case = case_submit(submission=Submission(
        service=service, kind="complaint", what_happened="Nobody called me back.",
        identity_mode="anonymous_receipt", language=language), token="agreed").case
    # The form says how late the date may be ...
    dates_in(page(staff.get(reverse("provider:case", args=[case.reference]))), latest)
    # ... and so does the refusal of a later one.
    refused = staff.post(reverse("provider:acknowledge", args=[case.reference]), {
        "acknowledge-body": "Thank you.", "acknowledge-agreed_date": "2027-06-03"})
    assert refused.status_code == 400
    dates_in(refused.content.decode(), latest)
    assert "2027-06-02" not in refused.content.decode()
