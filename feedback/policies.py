"""Response policies as data: the default, the presets that cite their rules, validation, and the
snapshot copied onto each case when it is received.

A policy's `rules` look like this (every duration is `[amount, unit]`, unit one of
feedback.deadlines.Unit):

    {"kinds": {"complaint": {"acknowledge": [3, "working_days"], "respond": [20, "working_days"]},
               ... one entry per kind, plus "urgent"},
     "callback": [16, "working_hours"],
     "max_extension": [20, "working_days"],      # total of all extensions
     "max_pause": [20, "working_days"],          # total time waiting for the person
     "escalate_after_overdue": [5, "working_days"],
     "reminder_before": [1, "working_days"],
     "auto_close_after": [10, "working_days"],   # resolved with no word from the person
     "agreed_response_max": null | [6, "months" ≈ 183, "calendar_days"]}
"""

import copy
import datetime
import functools
import json
import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal import calendars

from .deadlines import Calendar, Duration, Unit

logger = logging.getLogger(__name__)

WD = Unit.WORKING_DAYS.value
WH = Unit.WORKING_HOURS.value
CD = Unit.CALENDAR_DAYS.value
HOURS = Unit.HOURS.value
KINDS = ("complaint", "concern", "compliment", "suggestion")
DURATION_KEYS = ("callback", "max_extension", "max_pause", "escalate_after_overdue",
                 "reminder_before", "auto_close_after")


def _kinds(acknowledge, complaint, compliment, urgent_ack, urgent_respond):
    return {
        "complaint": {"acknowledge": acknowledge, "respond": complaint},
        "concern": {"acknowledge": acknowledge, "respond": complaint},
        "compliment": {"acknowledge": acknowledge, "respond": compliment},
        "suggestion": {"acknowledge": acknowledge, "respond": compliment},
        "urgent": {"acknowledge": urgent_ack, "respond": urgent_respond},
    }


# The default mirrors the NHS complaint regulations and standards (PRODUCT.md §5).
DEFAULT_RULES = {
    "kinds": _kinds([3, WD], [20, WD], [10, WD], [1, WD], [3, WD]),
    # Two working days' worth of working hours: people who ask to be called back are waiting.
    "callback": [16, WH],
    "max_extension": [20, WD],
    "max_pause": [20, WD],
    "escalate_after_overdue": [5, WD],
    "reminder_before": [1, WD],
    "auto_close_after": [10, WD],
    "agreed_response_max": None,
}

PRESETS = {
    "default": {
        "name": _("Default (NHS complaint standards)"),
        "citation": _("Acknowledge within 3 working days; respond within 20 working days "
                      "(10 for compliments and suggestions); urgent: 1 and 3 working days; "
                      "escalate when 5 working days overdue."),
        "rules": DEFAULT_RULES,
    },
    "england_2009": {
        "name": _("England, 2009 complaints regulations"),
        "citation": _("The Local Authority Social Services and National Health Service Complaints "
                      "(England) Regulations 2009, regulation 13: acknowledge not later than 3 "
                      "working days after the day the complaint is received; the response period "
                      "is agreed with the person, and is at most 6 months unless agreed otherwise "
                      "(regulation 14)."),
        "rules": {
            **DEFAULT_RULES,
            # Without an agreed date the regulations' outer limit applies: six months.
            "kinds": _kinds([3, WD], [183, CD], [183, CD], [1, WD], [3, WD]),
            "agreed_response_max": [183, CD],
            "max_extension": [183, CD],
        },
    },
    "us_medicaid_438_408": {
        "name": _("US Medicaid managed care, 42 CFR 438.408"),
        "citation": _("42 CFR 438.408: a grievance is resolved and the enrollee notified within 90 "
                      "calendar days of receipt; a standard appeal within 30 calendar days; an "
                      "expedited appeal within 72 hours; a plan may extend by up to 14 calendar "
                      "days with a written reason given to the enrollee (438.408(c)). "
                      "438.406(b)(1) requires acknowledging receipt without fixing a time; this "
                      "preset uses 5 calendar days."),
        "rules": {
            **DEFAULT_RULES,
            "kinds": _kinds([5, CD], [90, CD], [90, CD], [24, HOURS], [72, HOURS]),
            "max_extension": [14, CD],
            "max_pause": [14, CD],
            "escalate_after_overdue": [5, CD],
        },
    },
    "quebec": {
        "name": _("Quebec, complaints commissioner"),
        "citation": _("Act respecting health services and social services (CQLR c S-4.2), "
                      "section 33: the local service quality and complaints commissioner "
                      "informs the person of the conclusions within 45 days of receiving the "
                      "complaint. The act fixes no acknowledgement time; this preset keeps "
                      "3 working days."),
        "rules": {
            **DEFAULT_RULES,
            "kinds": _kinds([3, WD], [45, CD], [45, CD], [1, WD], [3, WD]),
            "max_extension": [0, CD],
            "escalate_after_overdue": [5, CD],
        },
    },
}


def _is_duration(value) -> bool:
    if not (isinstance(value, list | tuple) and len(value) == 2):
        return False
    amount, unit = value
    return isinstance(amount, int) and amount >= 0 and unit in {u.value for u in Unit}


def rules_validate(rules: dict) -> None:
    """Raise ValidationError unless `rules` has every kind and duration a case needs."""
    problems = []
    kinds = rules.get("kinds") if isinstance(rules, dict) else None
    if not isinstance(kinds, dict):
        raise ValidationError(_("The rules need a “kinds” entry."))
    for kind in (*KINDS, "urgent"):
        for step in ("acknowledge", "respond"):
            if not _is_duration(kinds.get(kind, {}).get(step)):
                problems.append(f"kinds.{kind}.{step}")
    for key in DURATION_KEYS:
        if not _is_duration(rules.get(key)):
            problems.append(key)
    agreed = rules.get("agreed_response_max")
    if agreed is not None and not _is_duration(agreed):
        problems.append("agreed_response_max")
    if problems:
        raise ValidationError(_("These rules are missing or not [amount, unit]: %(keys)s"),
                              params={"keys": ", ".join(problems)})


def preset_rules(key: str) -> dict:
    return copy.deepcopy(PRESETS[key]["rules"])


def commissioner_calendar(commissioner) -> dict:
    """The commissioner's working calendar as plain data, repaired if need be, to copy onto a case."""
    # A calendar can reach the database without the admin's checks (a shell, an SQL fix, an old
    # row); feedback is never refused because of it: the bad part gets a default and is logged.
    days = calendars.weekdays_parse(commissioner.working_weekdays)
    data, problems = calendars.calendar_repaired({
        "timezone": commissioner.timezone,
        "country": commissioner.country,
        "subdivision": commissioner.subdivision or None,
        "work_start": commissioner.work_start.strftime("%H:%M"),
        "work_end": commissioner.work_end.strftime("%H:%M"),
        # Unreadable text is passed on as written, so that the log shows it.
        "weekdays": commissioner.working_weekdays if days is None else sorted(set(days)),
        "closures": [day.isoformat() for day in
                     commissioner.closure_days.values_list("day", flat=True)],
    })
    if problems:
        logger.error("Commissioner %s has an invalid calendar; using defaults for: %s",
                     commissioner.pk, "; ".join(problems))
    return data


def policy_snapshot(*, kind: str, urgent: bool, commissioner) -> dict:
    """The rules in force for one case, copied onto it when received: later policy changes never
    rewrite an existing case's deadlines."""
    policy = commissioner.policies.filter(is_active=True).first()
    if policy is not None:
        name, preset, rules = policy.name, policy.preset, policy.rules
    else:
        name, preset, rules = str(PRESETS["default"]["name"]), "default", DEFAULT_RULES
    step = rules["kinds"]["urgent" if urgent else kind]
    snapshot = {key: rules[key] for key in DURATION_KEYS}
    return {
        "name": name,
        "preset": preset,
        "acknowledge": step["acknowledge"],
        "respond": step["respond"],
        **snapshot,
        "agreed_response_max": rules.get("agreed_response_max"),
        "calendar": commissioner_calendar(commissioner),
    }


def snapshot_calendar(snapshot: dict) -> Calendar:
    """The working calendar a case's deadlines are counted on."""
    # Thousands of cases share a handful of calendars: one Calendar object each, built once, so
    # the days it has already counted are remembered too (feedback/deadlines.py).
    try:
        key = json.dumps(snapshot["calendar"], sort_keys=True)
    except TypeError:  # not plain data: build it afresh
        return _calendar_build(snapshot["calendar"])
    return _calendar_cached(key)


@functools.lru_cache(maxsize=256)
def _calendar_cached(key: str) -> Calendar:
    return _calendar_build(json.loads(key))


def _calendar_build(cal: dict) -> Calendar:
    extra = {}
    if "work_start" in cal:
        extra = {
            "work_start": datetime.time.fromisoformat(cal["work_start"]),
            "work_end": datetime.time.fromisoformat(cal["work_end"]),
            "working_weekdays": frozenset(cal["weekdays"]),
            "closures": frozenset(datetime.date.fromisoformat(d) for d in cal["closures"]),
        }
    return Calendar(timezone=cal["timezone"], country=cal["country"],
                    subdivision=cal["subdivision"], **extra)


def snapshot_duration(snapshot: dict, rule: str) -> Duration | None:
    value = snapshot.get(rule)
    if value is None:
        return None
    amount, unit = value
    return Duration(amount, Unit(unit))
