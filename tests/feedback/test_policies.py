"""Response policies: each preset against the rule it cites, validation, and the snapshot each
case keeps so later policy changes never rewrite its deadlines.

Every due moment below was counted by hand on a 2026 calendar (holidays as listed in
test_deadlines.py; US and Canadian clocks change on 8 March, the UK's on 29 March).
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from feedback import services
from feedback.models import ResponsePolicy
from feedback.policies import DEFAULT_RULES, PRESETS, preset_rules, rules_validate
from feedback.services import Submission, case_submit
from feedback.services.clock import deadlines_refresh
from portal.models import ClosureDay, Role
from tests.factories import (
    CommissionerFactory,
    MembershipFactory,
    ProviderFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
TORONTO = ZoneInfo("America/Toronto")
END = (23, 59, 59)  # calendar-day rules end at the last second of the day


def at(zone, *args) -> datetime:
    return datetime(*args, tzinfo=zone)


def service_under(preset: str | None, **calendar):
    commissioner = CommissionerFactory(**calendar)
    if preset:
        ResponsePolicy.objects.create(commissioner=commissioner, name=str(PRESETS[preset]["name"]),
                                      preset=preset, rules=preset_rules(preset))
    return ServiceFactory(provider=ProviderFactory(commissioners=[commissioner]))


def receive(service, received_at, *, kind="complaint", urgent=False, token=None):
    return case_submit(submission=Submission(
        service=service, kind=kind, what_happened="The visits stopped.", language="en",
        identity_mode="anonymous_receipt", urgent_reported=urgent),
        token=token or f"{service.pk}-{kind}-{urgent}-{received_at.isoformat()}",
        received_at=received_at).case


US = {"country": "US", "subdivision": "NC", "timezone": "America/New_York"}
QC = {"country": "CA", "subdivision": "QC", "timezone": "America/Toronto"}


# --- each preset against its rule ----------------------------------------------------------


def test_default_follows_the_nhs_figures():
    service = service_under(None)
    monday = at(LONDON, 2026, 3, 2, 10, 0)
    complaint = receive(service, monday)
    assert complaint.policy["preset"] == "default"
    assert complaint.acknowledge_due_at == at(LONDON, 2026, 3, 5, 17, 0)     # 3 working days
    assert complaint.respond_due_at == at(LONDON, 2026, 3, 30, 17, 0)        # 20, into BST
    compliment = receive(service, monday, kind="compliment")
    assert compliment.respond_due_at == at(LONDON, 2026, 3, 16, 17, 0)       # 10 working days
    urgent = receive(service, monday, urgent=True)
    assert urgent.acknowledge_due_at == at(LONDON, 2026, 3, 3, 17, 0)        # 1 working day
    assert urgent.respond_due_at == at(LONDON, 2026, 3, 5, 17, 0)            # 3 working days
    assert complaint.policy["escalate_after_overdue"] == [5, "working_days"]


def test_england_2009_acknowledge_in_3_working_days_respond_within_six_months():
    service = service_under("england_2009")
    case = receive(service, at(LONDON, 2026, 3, 3, 14, 0))                  # Tuesday
    assert "regulation 13" in str(PRESETS["england_2009"]["citation"])
    assert case.acknowledge_due_at == at(LONDON, 2026, 3, 6, 17, 0)         # Wed, Thu, Fri
    # Without an agreed date, the regulations' outer limit: 183 calendar days, 2 September.
    assert case.respond_due_at == at(LONDON, 2026, 9, 2, *END)
    assert case.policy["agreed_response_max"] == [183, "calendar_days"]


def test_us_medicaid_grievance_90_calendar_days_expedited_72_hours_extension_14_days():
    service = service_under("us_medicaid_438_408", **US)
    assert "438.408" in str(PRESETS["us_medicaid_438_408"]["citation"])
    grievance = receive(service, at(NEW_YORK, 2026, 3, 2, 10, 0))
    assert grievance.respond_due_at == at(NEW_YORK, 2026, 5, 31, *END)       # 90 calendar days
    # Expedited: 72 real hours across the change to daylight time on Sunday 8 March.
    expedited = receive(service, at(NEW_YORK, 2026, 3, 6, 15, 0), urgent=True)
    assert expedited.respond_due_at == at(NEW_YORK, 2026, 3, 9, 16, 0)
    # Extensions: at most 14 calendar days, with a written reason given to the enrollee.
    manager = MembershipFactory(role=Role.MANAGER, provider=service.provider).user
    with pytest.raises(ValidationError, match="at most 14"):
        services.extension_request(case=grievance, user=manager, amount=15,
                                   reason="Waiting for records.", now=at(NEW_YORK, 2026, 5, 1, 9))
    services.extension_request(case=grievance, user=manager, amount=14,
                               reason="Waiting for records.", now=at(NEW_YORK, 2026, 5, 1, 9))
    grievance.refresh_from_db()
    assert grievance.respond_due_at == at(NEW_YORK, 2026, 6, 14, *END)


def test_quebec_conclusions_within_45_calendar_days_holidays_included():
    service = service_under("quebec", **QC)
    assert "45 days" in str(PRESETS["quebec"]["citation"])
    # Received on the Fête nationale: calendar days count it, working days do not.
    case = receive(service, at(TORONTO, 2026, 6, 24, 10, 0))
    assert case.respond_due_at == at(TORONTO, 2026, 8, 8, *END)
    assert case.acknowledge_due_at == at(TORONTO, 2026, 6, 29, 17, 0)       # Thu, Fri, Mon
    manager = MembershipFactory(role=Role.MANAGER, provider=service.provider).user
    with pytest.raises(ValidationError, match="at most 0"):
        services.extension_request(case=case, user=manager, amount=1, reason="More time.",
                                   now=at(TORONTO, 2026, 7, 2, 10, 0))


# --- validation --------------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(PRESETS))
def test_every_preset_is_valid(key):
    rules_validate(preset_rules(key))
    ResponsePolicy(commissioner=CommissionerFactory(), name="x", rules=preset_rules(key)).clean()


def broken(change):
    rules = preset_rules("default")
    change(rules)
    return rules


@pytest.mark.parametrize("rules, problem", [
    ({}, "kinds"),
    ("not rules", "kinds"),
    (broken(lambda r: r["kinds"].pop("urgent")), "kinds.urgent.acknowledge"),
    (broken(lambda r: r["kinds"]["complaint"].update(respond=[20, "fortnights"])),
     "kinds.complaint.respond"),
    (broken(lambda r: r["kinds"]["concern"].update(acknowledge=[-1, "working_days"])),
     "kinds.concern.acknowledge"),
    (broken(lambda r: r["kinds"]["suggestion"].update(respond=[2.5, "working_days"])),
     "kinds.suggestion.respond"),
    (broken(lambda r: r.pop("callback")), "callback"),
    (broken(lambda r: r.update(max_pause="20 working days")), "max_pause"),
    (broken(lambda r: r.update(escalate_after_overdue=[5])), "escalate_after_overdue"),
    (broken(lambda r: r.update(agreed_response_max=[6, "months"])), "agreed_response_max"),
])
def test_broken_rules_are_refused_naming_what_is_wrong(rules, problem):
    with pytest.raises(ValidationError) as refused:
        rules_validate(rules)
    assert problem in " ".join(refused.value.messages)


def test_the_default_rules_are_not_changed_by_editing_a_preset_copy():
    rules = preset_rules("default")
    rules["kinds"]["complaint"]["respond"] = [1, "working_days"]
    assert DEFAULT_RULES["kinds"]["complaint"]["respond"] == [20, "working_days"]


# --- the snapshot ----------------------------------------------------------------------------


def test_the_policy_in_force_is_copied_onto_the_case_and_later_changes_never_rewrite_it():
    service = service_under(None)
    commissioner = service.commissioner
    first = ResponsePolicy.objects.create(commissioner=commissioner, name="Ours",
                                          rules=preset_rules("default"))
    monday = at(LONDON, 2026, 3, 2, 10, 0)
    old = receive(service, monday, token="old")
    assert old.policy["name"] == "Ours" and old.policy["respond"] == [20, "working_days"]
    assert old.policy["calendar"]["timezone"] == "Europe/London"
    snapshot, due = old.policy, old.respond_due_at

    # The commissioner changes its rules, closes a day and puts a new policy in force.
    first.rules["kinds"]["complaint"]["respond"] = [5, "working_days"]
    first.is_active = False
    first.save()
    ClosureDay.objects.create(commissioner=commissioner, day=datetime(2026, 3, 3).date())
    rules = preset_rules("default")
    rules["kinds"]["complaint"]["respond"] = [30, "working_days"]
    ResponsePolicy.objects.create(commissioner=commissioner, name="Stricter", rules=rules)

    old.refresh_from_db()
    deadlines_refresh(case=old, as_of=at(LONDON, 2026, 3, 4, 10, 0))
    old.refresh_from_db()
    assert (old.policy, old.respond_due_at) == (snapshot, due)

    new = receive(service, monday, token="new")
    assert new.policy["name"] == "Stricter" and new.policy["respond"] == [30, "working_days"]
    # 30 working days from Monday 2 March, the closure on Tuesday 3 March and Easter skipped.
    assert new.respond_due_at == at(LONDON, 2026, 4, 16, 17, 0)
