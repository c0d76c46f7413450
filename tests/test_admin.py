"""The administrator configures organisations and policies in the Django admin."""

import datetime
import logging
import re

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from feedback.models import ResponsePolicy
from feedback.policies import PRESETS, snapshot_calendar
from feedback.services import Submission, case_submit
from portal.calendars import calendar_repaired
from portal.models import Commissioner, Service
from tests.factories import CommissionerFactory, ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", ["portal/user", "portal/commissioner", "portal/provider",
                                   "portal/service", "portal/membership", "feedback/case",
                                   "feedback/responsepolicy", "feedback/outboxemail",
                                   "feedback/caseevent", "feedback/caseaccess"])
def test_every_model_has_an_admin_list(admin_client, model):
    assert admin_client.get(f"/admin/{model}/").status_code == 200


@pytest.mark.parametrize("preset", list(PRESETS))
def test_a_commissioner_picks_a_preset_and_gets_its_rules(admin_client, preset):
    commissioner = CommissionerFactory()
    response = admin_client.post(reverse("admin:feedback_responsepolicy_add"), {
        "commissioner": commissioner.pk, "name": "", "start_from": preset, "preset": "",
        "citation": "", "rules": "{}", "is_active": "on",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    policy = ResponsePolicy.objects.get(commissioner=commissioner)
    assert policy.preset == preset and policy.rules == PRESETS[preset]["rules"]
    assert policy.citation


def test_broken_rules_are_refused_with_a_message(admin_client):
    commissioner = CommissionerFactory()
    response = admin_client.post(reverse("admin:feedback_responsepolicy_add"), {
        "commissioner": commissioner.pk, "name": "Mine", "start_from": "", "preset": "",
        "citation": "", "rules": '{"kinds": {}}', "is_active": "on",
    })
    assert response.status_code == 200
    assert "missing or not [amount, unit]" in response.content.decode()
    assert not ResponsePolicy.objects.exists()


# --- a commissioner's calendar is checked where it is entered ------------------------------

def commissioner_form(admin_client, commissioner, **changes):
    """The commissioner's change form as the admin page sends it, with `changes` typed in."""
    page = admin_client.get(reverse("admin:portal_commissioner_change", args=[commissioner.pk]))
    # The inlines (closure days, memberships) each send a management form; take them as rendered.
    management = dict(re.findall(r'name="([\w-]+-(?:TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS)"'
                                 r'[^>]*value="(\d*)"', page.content.decode()))
    assert {"closure_days-TOTAL_FORMS", "memberships-TOTAL_FORMS"} <= set(management)
    data = {
        "name": commissioner.name, "slug": commissioner.slug, "country": commissioner.country,
        "subdivision": commissioner.subdivision, "timezone": commissioner.timezone,
        "work_start": commissioner.work_start.strftime("%H:%M"),
        "work_end": commissioner.work_end.strftime("%H:%M"),
        "working_weekdays": commissioner.working_weekdays, "transparency_page": "on",
        **management,
    }
    data.update(changes)
    return data


def field_row(page: str, field: str) -> str:
    """The admin form's row for one field: its label, input, help and errors."""
    found = re.search(rf'<div class="form-row([^"]*\bfield-{field}\b[^"]*)">(.*?)'
                      rf'(?=<div class="form-row|</fieldset>)', page, re.DOTALL)
    assert found, f"no row for {field}"
    return found.group(1) + found.group(2)


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"timezone": "Europe/Londn"}, "timezone", "“Europe/Londn” is not a known time zone"),
    ({"working_weekdays": "0,1,9"}, "working_weekdays", "from 0 (Monday) to 6 (Sunday)"),
    ({"working_weekdays": "9"}, "working_weekdays", "from 0 (Monday) to 6 (Sunday)"),
    ({"working_weekdays": "mon,tue"}, "working_weekdays", "from 0 (Monday) to 6 (Sunday)"),
    ({"working_weekdays": "0,1,1"}, "working_weekdays", "Enter each day only once."),
    ({"working_weekdays": " , "}, "working_weekdays", "Enter at least one working day."),
    ({"work_start": "17:00", "work_end": "09:00"}, "work_end",
     "The working day must end after it starts."),
    ({"work_start": "09:00", "work_end": "09:00"}, "work_end",
     "The working day must end after it starts."),
    ({"country": "XX"}, "country", "“XX” is not a country code with known public holidays"),
    ({"country": "GB", "subdivision": "ZZZ"}, "subdivision", "“ZZZ” is not a subdivision of GB"),
    ({"country": "CA", "subdivision": "ENG"}, "subdivision", "“ENG” is not a subdivision of CA"),
])
def test_a_broken_calendar_is_refused_beside_its_field_and_nothing_changes(
        admin_client, changes, field, message):
    commissioner = CommissionerFactory()
    before = model_to_dict(Commissioner.objects.get(pk=commissioner.pk))
    response = admin_client.post(
        reverse("admin:portal_commissioner_change", args=[commissioner.pk]),
        commissioner_form(admin_client, commissioner, **changes))
    assert response.status_code == 200
    assert set(response.context["adminform"].form.errors) == {field}
    row = field_row(response.content.decode(), field)
    assert "errors" in row.split(">", 1)[0] and message in row
    assert model_to_dict(Commissioner.objects.get(pk=commissioner.pk)) == before


def test_a_valid_calendar_change_is_saved(admin_client):
    commissioner = CommissionerFactory()
    response = admin_client.post(
        reverse("admin:portal_commissioner_change", args=[commissioner.pk]),
        commissioner_form(admin_client, commissioner, timezone="America/Toronto", country="CA",
                          subdivision="QC", work_start="08:30", work_end="16:30",
                          working_weekdays="0, 1, 2, 3"))
    assert response.status_code == 302, response.content.decode()[:2000]
    commissioner.refresh_from_db()
    assert (commissioner.timezone, commissioner.country, commissioner.subdivision) == (
        "America/Toronto", "CA", "QC")
    assert (commissioner.work_start, commissioner.work_end) == (datetime.time(8, 30),
                                                                datetime.time(16, 30))
    assert commissioner.weekdays == {0, 1, 2, 3}


def test_a_calendar_broken_behind_the_admins_back_still_receives_feedback(caplog, settings):
    service = ServiceFactory()
    Commissioner.objects.filter(pk=service.commissioner_id).update(
        timezone="Europe/Londn", working_weekdays="9")
    text = "The visits stopped without a word to my mother."
    with caplog.at_level(logging.ERROR, logger="feedback.policies"):
        case = case_submit(submission=Submission(
            service=Service.objects.get(pk=service.pk), kind="complaint", what_happened=text,
            language="en", identity_mode="anonymous_receipt"), token="broken-calendar").case
    case.refresh_from_db()
    assert case.acknowledge_due_at and case.respond_due_at
    assert case.policy["calendar"]["timezone"] == settings.TIME_ZONE
    assert case.policy["calendar"]["weekdays"] == [0, 1, 2, 3, 4]
    [record] = [r for r in caplog.records if r.name == "feedback.policies"]
    assert record.levelno == logging.ERROR
    logged = record.getMessage()
    assert f"Commissioner {service.commissioner_id} " in logged
    assert "Europe/Londn" in logged and "weekdays [9]" in logged
    assert text not in caplog.text and "visits" not in caplog.text


SETTINGS_ZONE = "America/Toronto"


@pytest.mark.parametrize(("given", "repaired", "problems"), [
    ({}, {}, []),
    ({"timezone": "Europe/Londn"}, {"timezone": SETTINGS_ZONE}, ["unknown time zone 'Europe/Londn'"]),
    ({"timezone": None}, {"timezone": SETTINGS_ZONE}, ["unknown time zone None"]),
    ({"weekdays": [9]}, {"weekdays": [0, 1, 2, 3, 4]}, ["bad working weekdays [9]"]),
    ({"weekdays": "9,x"}, {"weekdays": [0, 1, 2, 3, 4]}, ["bad working weekdays '9,x'"]),
    ({"weekdays": []}, {"weekdays": [0, 1, 2, 3, 4]}, ["bad working weekdays []"]),
    ({"weekdays": [1, 1]}, {"weekdays": [0, 1, 2, 3, 4]}, ["bad working weekdays [1, 1]"]),
    ({"weekdays": [5, 6]}, {}, []),
    ({"work_start": "17:00", "work_end": "09:00"}, {"work_start": "09:00", "work_end": "17:00"},
     ["bad working hours '17:00'–'09:00'"]),
    ({"work_start": "nine"}, {"work_start": "09:00", "work_end": "17:00"},
     ["bad working hours 'nine'–'17:00'"]),
    ({"country": "XX"}, {"country": "", "subdivision": None}, ["unknown country 'XX'"]),
    ({"subdivision": "ZZZ"}, {"subdivision": None}, ["unknown subdivision 'ZZZ' for country 'GB'"]),
    ({"country": "US", "subdivision": "NC"}, {}, []),
    ({"country": "", "subdivision": None}, {}, []),
    ({"subdivision": None}, {}, []),
    ({"timezone": "Mars/Olympus", "weekdays": [7], "country": "XX"},
     {"timezone": SETTINGS_ZONE, "weekdays": [0, 1, 2, 3, 4], "country": "", "subdivision": None},
     ["unknown time zone 'Mars/Olympus'", "bad working weekdays [7]", "unknown country 'XX'"]),
])
def test_calendar_repaired_replaces_only_the_broken_parts(settings, given, repaired, problems):
    settings.TIME_ZONE = SETTINGS_ZONE
    valid = {"timezone": "Europe/London", "country": "GB", "subdivision": "ENG",
             "work_start": "09:00", "work_end": "17:00", "weekdays": [0, 1, 2, 3, 4],
             "closures": ["2026-12-29"]}
    data = {**valid, **given}
    expected = {**data, **repaired}
    assert calendar_repaired(data) == (expected, problems)
    assert data == {**valid, **given}, "the given calendar is left as it was"
    fixed, _ = calendar_repaired(data)
    snapshot_calendar({"calendar": fixed})  # a repaired calendar always makes a clock


# --- no back doors: records of what happened are read-only ---------------------------------

def _resolved_case(service, token="admin-case"):
    from feedback import services
    from tests.factories import provider_member

    staff = provider_member(provider=service.provider)
    case = case_submit(submission=Submission(service=service, kind="complaint", language="en",
                                             what_happened="Nobody came.",
                                             identity_mode="named_contact",
                                             contact_name="Ada", contact_email="ada@example.org"),
                       token=token).case
    services.callback_request(case=case, phone="07700 900111", good_times="mornings")
    services.message_to_person(case=case, user=staff, body="We are sorry.")
    services.outcome_record(case=case, user=staff, outcome="upheld", actions_taken="",
                            service_changed=False)
    services.case_resolve(case=case, user=staff)
    case.refresh_from_db()
    return case


def _records(case):
    from feedback.models import CallbackRequest, CaseAccess, CaseEvent, Message, OutboxEmail

    return {
        "feedback/case": case,
        "feedback/message": Message.objects.filter(case=case).first(),
        "feedback/callbackrequest": CallbackRequest.objects.filter(case=case).first(),
        "feedback/caseevent": CaseEvent.objects.filter(case=case).first(),
        "feedback/caseaccess": CaseAccess.objects.create(case=case, user=case.events.first().actor
                                                         or UserFactory()),
        "feedback/outboxemail": OutboxEmail.objects.filter(case=case).first(),
    }


def _state(case):
    from feedback.models import CallbackRequest, CaseEvent, Message, OutboxEmail

    case.refresh_from_db()
    return (model_to_dict(case), list(Message.objects.filter(case=case).values()),
            list(CallbackRequest.objects.filter(case=case).values()),
            CaseEvent.objects.filter(case=case).count(),
            list(OutboxEmail.objects.filter(case=case).values()))


@pytest.mark.parametrize("model", ["feedback/case", "feedback/message", "feedback/callbackrequest",
                                   "feedback/caseevent", "feedback/caseaccess",
                                   "feedback/outboxemail"])
def test_the_admin_shows_case_records_but_cannot_change_add_or_delete_them(admin_client, service,
                                                                          model):
    case = _resolved_case(service)
    record = _records(case)[model]
    before = _state(case)
    page = admin_client.get(f"/admin/{model}/{record.pk}/change/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="_save"' not in html and "<textarea" not in html
    changed = admin_client.post(f"/admin/{model}/{record.pk}/change/",
                                {"state": "with_provider", "body": "rewritten",
                                 "phone": "0000", "outcome": "not_upheld"})
    assert changed.status_code == 403
    assert admin_client.get(f"/admin/{model}/add/").status_code == 403
    assert admin_client.post(f"/admin/{model}/{record.pk}/delete/",
                             {"post": "yes"}).status_code == 403
    assert _state(case) == before


def test_the_admin_never_shows_a_callback_phone_number(admin_client, service):
    case = _resolved_case(service)
    callback = case.callbacks.get()
    for url in (f"/admin/feedback/callbackrequest/{callback.pk}/change/",
                "/admin/feedback/callbackrequest/", f"/admin/feedback/case/{case.pk}/change/"):
        assert "07700 900111" not in admin_client.get(url).content.decode()


def test_the_admin_reopens_a_closed_case_through_the_service_with_an_event(admin_client,
                                                                          service):
    from django.utils import timezone

    from feedback import services
    from feedback.models import CaseEvent

    closed = _resolved_case(service)
    services.case_close(case=closed, reason="quiet", at=timezone.now())
    resolved = _resolved_case(ServiceFactory(), token="another")
    response = admin_client.post("/admin/feedback/case/", {
        "action": "reopen", "_selected_action": [closed.pk, resolved.pk], "index": 0},
        follow=True)
    page = response.content.decode()
    assert "1 case reopened." in page and resolved.reference in page
    closed.refresh_from_db()
    resolved.refresh_from_db()
    assert closed.state == "reopened" and resolved.state == "resolved"
    event = CaseEvent.objects.filter(case=closed, to_state="reopened").get()
    assert event.actor_kind == "administrator" and event.actor.is_superuser
    assert not CaseEvent.objects.filter(case=resolved, to_state="reopened").exists()
