"""The working-time clock, checked against hand-worked calendars.

Every expectation below was worked out by hand from a printed calendar and the published holiday
lists, then compared with what the `holidays` package reports (holidays 0.x, see notes):
  * GB-ENG 2026: Good Friday 3 Apr, Easter Monday 6 Apr, Christmas Fri 25 Dec, Boxing Day Sat 26
    Dec with its substitute Mon 28 Dec "Boxing Day (observed)", New Year's Day Fri 1 Jan 2027.
  * US-NC 2026: NC state holidays include Good Friday, the day after Thanksgiving (Fri 27 Nov) and
    three Christmas days (Thu 24, Fri 25, Mon 28 Dec "Day After Christmas (observed)"). The package
    also adds federal Washington's Birthday and Juneteenth, which NC state offices do not close for.
  * CA-QC 2026: Good Friday only (Quebec employers may give Easter Monday instead; add it as a
    closure where that applies), Fête nationale Wed 24 Jun ("Saint John the Baptist Day"), Canada
    Day Wed 1 Jul, no Boxing Day.
  * DST 2026: Europe/London 29 Mar and 25 Oct; America/New_York and America/Toronto 8 Mar and 1 Nov.
Times are written with their UTC offset so each row's offset was also checked by hand.
"""

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feedback.deadlines import (
    Calendar,
    Due,
    Duration,
    Pause,
    Skip,
    Unit,
    due_moment,
    working_time_between,
)

ENG = Calendar()
NC = Calendar(timezone="America/New_York", country="US", subdivision="NC")
QC = Calendar(timezone="America/Toronto", country="CA", subdivision="QC")
WD, WH, CD, H = Unit.WORKING_DAYS, Unit.WORKING_HOURS, Unit.CALENDAR_DAYS, Unit.HOURS


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def due(received: str, amount: int, unit: Unit, calendar: Calendar, **kwargs) -> Due:
    return due_moment(received_at=at(received), duration=Duration(amount, unit), calendar=calendar, **kwargs)


# (calendar, received with its local offset, amount, unit, expected due with its local offset)
CASES = {
    # --- GB-ENG, Europe/London --------------------------------------------------------------
    "eng-wd-plain": (ENG, "2026-03-02T14:00+00:00", 3, WD, "2026-03-05T17:00+00:00"),  # Mon + 3 wd: Tue, Wed, Thu
    "eng-wd-after-hours": (ENG, "2026-03-02T18:30+00:00", 3, WD, "2026-03-05T17:00+00:00"),  # Mon evening: same rule, Thu
    "eng-wd-saturday": (ENG, "2026-03-07T10:00+00:00", 1, WD, "2026-03-09T17:00+00:00"),  # Sat: day 1 is Mon 9
    "eng-wd-weekend": (ENG, "2026-03-05T10:00+00:00", 3, WD, "2026-03-10T17:00+00:00"),  # Thu: Fri, (Sat, Sun), Mon, Tue
    "eng-wd-zero": (ENG, "2026-03-02T10:00+00:00", 0, WD, "2026-03-02T17:00+00:00"),  # 0 wd: close of the day received
    "eng-wd-zero-saturday": (ENG, "2026-03-07T10:00+00:00", 0, WD, "2026-03-09T17:00+00:00"),  # 0 wd on Sat: close Mon
    "eng-wd-zero-late": (ENG, "2026-03-02T18:00+00:00", 0, WD, "2026-03-03T17:00+00:00"),  # 0 wd after close: next day
    # Thu 24 Dec + 3 wd: 25 Christmas, 26-27 weekend, 28 Boxing Day (observed); 29, 30, 31 → Thu 31
    "eng-wd-christmas": (ENG, "2026-12-24T10:00+00:00", 3, WD, "2026-12-31T17:00+00:00"),
    # Thu 24 Dec + 5 wd: 29, 30, 31, (Fri 1 Jan New Year, 2-3 weekend), Mon 4, Tue 5 Jan 2027
    "eng-wd-new-year": (ENG, "2026-12-24T10:00+00:00", 5, WD, "2027-01-05T17:00+00:00"),
    # Thu 2 Apr + 1 wd: Fri 3 Good Friday, 4-5 weekend, Mon 6 Easter Monday → Tue 7 (BST)
    "eng-wd-easter": (ENG, "2026-04-02T11:00+01:00", 1, WD, "2026-04-07T17:00+01:00"),
    # Fri 27 Mar GMT + 1 wd: clocks go forward Sun 29 → Mon 30 17:00 BST = 16:00 UTC
    "eng-wd-spring-forward": (ENG, "2026-03-27T12:00+00:00", 1, WD, "2026-03-30T17:00+01:00"),
    # Fri 23 Oct BST + 1 wd: clocks go back Sun 25 → Mon 26 17:00 GMT
    "eng-wd-fall-back": (ENG, "2026-10-23T12:00+01:00", 1, WD, "2026-10-26T17:00+00:00"),
    "eng-wh-same-day": (ENG, "2026-03-02T10:00+00:00", 4, WH, "2026-03-02T14:00+00:00"),  # Mon 10:00 + 4h = 14:00
    "eng-wh-overnight": (ENG, "2026-03-02T15:00+00:00", 4, WH, "2026-03-03T11:00+00:00"),  # Mon 2h, Tue 2h → 11:00
    "eng-wh-weekend": (ENG, "2026-03-06T16:00+00:00", 2, WH, "2026-03-09T10:00+00:00"),  # Fri 1h, Mon 1h → 10:00
    "eng-wh-saturday": (ENG, "2026-03-07T12:00+00:00", 3, WH, "2026-03-09T12:00+00:00"),  # Sat: starts Mon 09:00
    "eng-wh-before-opening": (ENG, "2026-03-03T07:00+00:00", 8, WH, "2026-03-03T17:00+00:00"),  # Tue 09-17 exactly
    # Thu 2 Apr 16:30 + 1 wh: 0.5h Thu, Good Friday..Easter Monday, Tue 7 09:00 + 0.5h
    "eng-wh-easter": (ENG, "2026-04-02T16:30+01:00", 1, WH, "2026-04-07T09:30+01:00"),
    "eng-wh-spring-forward": (ENG, "2026-03-27T16:00+00:00", 2, WH, "2026-03-30T10:00+01:00"),  # Fri 1h GMT, Mon 1h BST
    "eng-wh-fall-back": (ENG, "2026-10-23T16:00+01:00", 2, WH, "2026-10-26T10:00+00:00"),  # Fri 1h BST, Mon 1h GMT
    "eng-cd-plain": (ENG, "2026-03-02T10:00+00:00", 5, CD, "2026-03-07T23:59:59+00:00"),  # Mon + 5 cd = Sat 7 end
    "eng-cd-spring-forward": (ENG, "2026-03-25T10:00+00:00", 5, CD, "2026-03-30T23:59:59+01:00"),  # Wed 25 → Mon 30
    "eng-cd-fall-back": (ENG, "2026-10-22T10:00+01:00", 5, CD, "2026-10-27T23:59:59+00:00"),  # Thu 22 → Tue 27
    "eng-cd-new-year": (ENG, "2026-12-30T10:00+00:00", 3, CD, "2027-01-02T23:59:59+00:00"),  # holidays don't matter
    "eng-h-spring-forward": (ENG, "2026-03-28T12:00+00:00", 24, H, "2026-03-29T13:00+01:00"),  # 24 real hours
    "eng-h-fall-back": (ENG, "2026-10-24T12:00+01:00", 24, H, "2026-10-25T11:00+00:00"),  # 24 real hours
    # --- US-NC, America/New_York ------------------------------------------------------------
    # Wed 25 Nov + 1 wd: Thu 26 Thanksgiving, Fri 27 Day After Thanksgiving, weekend → Mon 30 (EST)
    "nc-wd-thanksgiving": (NC, "2026-11-25T10:00-05:00", 1, WD, "2026-11-30T17:00-05:00"),
    # Tue 22 Dec + 3 wd: Wed 23, (24 Eve, 25, 26-27 weekend, 28 Day After Christmas observed), Tue 29, Wed 30
    "nc-wd-christmas": (NC, "2026-12-22T10:00-05:00", 3, WD, "2026-12-30T17:00-05:00"),
    # Tue 22 Dec + 5 wd: 23, 29, 30, 31, (Fri 1 Jan, weekend) Mon 4 Jan 2027
    "nc-wd-new-year": (NC, "2026-12-22T10:00-05:00", 5, WD, "2027-01-04T17:00-05:00"),
    "nc-wd-good-friday": (NC, "2026-04-02T10:00-04:00", 1, WD, "2026-04-06T17:00-04:00"),  # Fri 3 holiday, Mon 6 works
    "nc-wd-spring-forward": (NC, "2026-03-06T12:00-05:00", 1, WD, "2026-03-09T17:00-04:00"),  # DST Sun 8 Mar
    "nc-wd-fall-back": (NC, "2026-10-30T12:00-04:00", 1, WD, "2026-11-02T17:00-05:00"),  # DST ends Sun 1 Nov
    # 23:30 UTC Fri 6 Mar is 18:30 EST Fri in New York: after hours, counting starts Mon 9
    "nc-wd-local-day": (NC, "2026-03-06T23:30+00:00", 1, WD, "2026-03-09T17:00-04:00"),
    # Wed 25 Nov 16:00 + 3 wh: Wed 1h, Thanksgiving + day after + weekend, Mon 30 09:00 + 2h
    "nc-wh-thanksgiving": (NC, "2026-11-25T16:00-05:00", 3, WH, "2026-11-30T11:00-05:00"),
    "nc-wh-spring-forward": (NC, "2026-03-06T16:00-05:00", 2, WH, "2026-03-09T10:00-04:00"),
    "nc-wh-fall-back": (NC, "2026-10-30T16:00-04:00", 2, WH, "2026-11-02T10:00-05:00"),
    # 42 CFR 438.408: appeal 30 calendar days; Mon 2 Mar + 30 = Wed 1 Apr (EDT since 8 Mar)
    "nc-cd-appeal": (NC, "2026-03-02T10:00-05:00", 30, CD, "2026-04-01T23:59:59-04:00"),
    # grievance 90 calendar days: 5 Jan + 90 = 5 Apr (Jan 26 + Feb 28 + Mar 31 + 5)
    "nc-cd-grievance": (NC, "2026-01-05T10:00-05:00", 90, CD, "2026-04-05T23:59:59-04:00"),
    "nc-cd-fall-back": (NC, "2026-10-30T10:00-04:00", 5, CD, "2026-11-04T23:59:59-05:00"),
    # expedited 72 hours across spring forward: 17:00Z + 72h = 17:00Z Mon = 13:00 EDT
    "nc-h-expedited-spring": (NC, "2026-03-06T12:00-05:00", 72, H, "2026-03-09T13:00-04:00"),
    "nc-h-expedited-fall": (NC, "2026-10-30T12:00-04:00", 72, H, "2026-11-02T11:00-05:00"),
    # --- CA-QC, America/Toronto -------------------------------------------------------------
    "qc-wd-fete-nationale": (QC, "2026-06-23T10:00-04:00", 1, WD, "2026-06-25T17:00-04:00"),  # Wed 24 Jun skipped
    "qc-wd-canada-day": (QC, "2026-06-30T10:00-04:00", 1, WD, "2026-07-02T17:00-04:00"),  # Wed 1 Jul skipped
    # Tue 23 Jun + 5 wd: (24) 25, 26, (27-28) 29, 30, (1 Jul) Thu 2 Jul
    "qc-wd-both": (QC, "2026-06-23T10:00-04:00", 5, WD, "2026-07-02T17:00-04:00"),
    "qc-wd-christmas": (QC, "2026-12-24T10:00-05:00", 1, WD, "2026-12-28T17:00-05:00"),  # no Boxing Day in QC
    "qc-wd-new-year": (QC, "2026-12-31T10:00-05:00", 1, WD, "2027-01-04T17:00-05:00"),  # Fri 1 Jan, weekend
    "qc-wd-easter": (QC, "2026-04-02T10:00-04:00", 1, WD, "2026-04-06T17:00-04:00"),  # Good Friday only
    "qc-wd-spring-forward": (QC, "2026-03-06T12:00-05:00", 1, WD, "2026-03-09T17:00-04:00"),
    "qc-wd-fall-back": (QC, "2026-10-30T12:00-04:00", 1, WD, "2026-11-02T17:00-05:00"),
    "qc-wh-fete-nationale": (QC, "2026-06-23T15:00-04:00", 4, WH, "2026-06-25T11:00-04:00"),  # Tue 2h, Thu 2h
    "qc-wh-fall-back": (QC, "2026-10-30T16:00-04:00", 2, WH, "2026-11-02T10:00-05:00"),
    # Quebec complaints commissioner: 45 calendar days; 1 Jun + 45 = 16 Jul
    "qc-cd-commissioner": (QC, "2026-06-01T10:00-04:00", 45, CD, "2026-07-16T23:59:59-04:00"),
    "qc-cd-fall-back": (QC, "2026-10-01T10:00-04:00", 45, CD, "2026-11-15T23:59:59-05:00"),  # Oct 30 + Nov 15
    "qc-h-spring-forward": (QC, "2026-03-07T12:00-05:00", 24, H, "2026-03-08T13:00-04:00"),  # 24 real hours
}


@pytest.mark.parametrize(("calendar", "received", "amount", "unit", "expected"), CASES.values(), ids=CASES.keys())
def test_due_moment_matches_hand_checked_calendar(calendar, received, amount, unit, expected):
    result = due(received, amount, unit, calendar)
    assert result.at == at(expected)
    assert result.at.utcoffset() == timedelta(0)
    # The explanation shows the same moment on the local wall clock.
    assert result.explanation.due_at.tzinfo == ZoneInfo(calendar.timezone)
    assert result.explanation.due_at.isoformat() == at(expected).astimezone(ZoneInfo(calendar.timezone)).isoformat()
    assert result.explanation.due_at.utcoffset() == at(expected).utcoffset()


def test_time_zone_decides_the_day_received():
    # 02:00 UTC Tue 3 Mar is Tue in London but 21:00 Mon 2 Mar in New York.
    received = "2026-03-03T02:00+00:00"
    assert due(received, 1, WD, ENG).at == at("2026-03-04T17:00+00:00")
    assert due(received, 1, WD, NC).at == at("2026-03-03T17:00-05:00")
    assert due(received, 1, WD, NC).explanation.start_day == date(2026, 3, 2)


def test_closure_day_is_skipped_and_explained():
    calendar = Calendar(closures=frozenset({date(2026, 3, 3)}))
    # Mon 2 Mar + 3 wd, Tue 3 closed: Wed, Thu, Fri 6
    result = due("2026-03-02T14:00+00:00", 3, WD, calendar)
    assert result.at == at("2026-03-06T17:00+00:00")
    assert result.explanation.skipped == (Skip(date(2026, 3, 3), "closure"),)


def test_explanation_lists_skipped_days_with_holiday_names():
    result = due("2026-12-24T10:00+00:00", 5, WD, ENG)
    assert result.explanation.skipped == (
        Skip(date(2026, 12, 25), "holiday", "Christmas Day"),
        Skip(date(2026, 12, 26), "weekend"),  # Boxing Day falls on Saturday; its substitute is the 28th
        Skip(date(2026, 12, 27), "weekend"),
        Skip(date(2026, 12, 28), "holiday", "Boxing Day (observed)"),
        Skip(date(2027, 1, 1), "holiday", "New Year's Day"),
        Skip(date(2027, 1, 2), "weekend"),
        Skip(date(2027, 1, 3), "weekend"),
    )
    explanation = result.explanation
    assert explanation.received_at == at("2026-12-24T10:00+00:00")
    assert explanation.received_at.tzinfo == ZoneInfo("Europe/London")
    assert explanation.start_day == date(2026, 12, 24)
    assert explanation.duration == Duration(5, WD)
    assert explanation.pauses == () and explanation.extensions == ()
    assert explanation.paused_working_time == timedelta(0)


def test_quebec_holiday_names():
    skipped = due("2026-06-23T10:00-04:00", 5, WD, QC).explanation.skipped
    assert [(s.day, s.name) for s in skipped if s.reason == "holiday"] == [
        (date(2026, 6, 24), "Saint John the Baptist Day"),
        (date(2026, 7, 1), "Canada Day"),
    ]


def test_received_on_weekend_lists_it_as_skipped():
    skipped = due("2026-03-07T10:00+00:00", 1, WD, ENG).explanation.skipped
    assert [s.day for s in skipped] == [date(2026, 3, 7), date(2026, 3, 8)]


def test_calendar_and_clock_hours_skip_nothing():
    assert due("2026-12-24T10:00+00:00", 10, CD, ENG).explanation.skipped == ()
    assert due("2026-12-24T10:00+00:00", 72, H, ENG).explanation.skipped == ()


def test_duration_accepts_stored_unit_strings_and_rejects_negatives():
    assert Duration(3, "working_days") == Duration(3, WD)
    with pytest.raises(ValueError):
        Duration(-1, WD)


# --- Extensions --------------------------------------------------------------------------------

def test_one_working_day_extension_counts_from_the_due_day():
    # Due Thu 5 Mar; + 2 wd: Fri 6, (weekend) Mon 9
    result = due("2026-03-02T14:00+00:00", 3, WD, ENG, extensions=[Duration(2, WD)])
    assert result.at == at("2026-03-09T17:00+00:00")
    assert result.explanation.extensions == (Duration(2, WD),)


def test_several_extensions_are_added_in_turn():
    # Thu 5 → +2 wd Mon 9 → +1 wd Tue 10
    result = due("2026-03-02T14:00+00:00", 3, WD, ENG, extensions=[Duration(2, WD), Duration(1, WD)])
    assert result.at == at("2026-03-10T17:00+00:00")


def test_medicaid_extension_of_fourteen_calendar_days():
    # 30 cd → Wed 1 Apr 23:59:59 EDT; + 14 cd → Wed 15 Apr 23:59:59 EDT
    result = due("2026-03-02T10:00-05:00", 30, CD, NC, extensions=[Duration(14, CD)])
    assert result.at == at("2026-04-15T23:59:59-04:00")


def test_hours_and_working_hours_extensions():
    assert due("2026-03-02T09:00+00:00", 72, H, ENG, extensions=[Duration(24, H)]).at == at("2026-03-06T09:00+00:00")
    # Mon 15:00 + 4 wh → Tue 11:00; + 4 wh → Tue 15:00
    assert due("2026-03-02T15:00+00:00", 4, WH, ENG, extensions=[Duration(4, WH)]).at == at("2026-03-03T15:00+00:00")
    # Due at Tue 17:00 close; 1 more working hour is Wed 10:00, not 18:00
    assert due("2026-03-03T09:00+00:00", 8, WH, ENG, extensions=[Duration(1, WH)]).at == at("2026-03-04T10:00+00:00")


def test_extension_across_christmas_lists_skipped_days_to_the_new_due_day():
    # GB: due Thu 24 Dec (Tue 22 + 2 wd); + 2 wd: (25, 26-27, 28) Tue 29, Wed 30
    result = due("2026-12-22T10:00+00:00", 2, WD, ENG, extensions=[Duration(2, WD)])
    assert result.at == at("2026-12-30T17:00+00:00")
    assert [s.day.day for s in result.explanation.skipped] == [25, 26, 27, 28]


# --- Pauses ------------------------------------------------------------------------------------

RECEIVED = "2026-03-02T14:00+00:00"  # Mon; 3 wd due Thu 5 Mar 17:00


def pause(start: str, end: str | None) -> Pause:
    return Pause(at(start), at(end) if end else None)


def test_closed_pause_of_one_working_day_pushes_one_working_day():
    p = pause("2026-03-03T10:00+00:00", "2026-03-04T10:00+00:00")  # Tue 10:00 → Wed 10:00 = 8 working hours
    result = due(RECEIVED, 3, WD, ENG, pauses=[p])
    assert result.at == at("2026-03-06T17:00+00:00")
    assert result.explanation.paused_working_time == timedelta(days=1)
    assert result.explanation.pauses == (p,)


def test_part_of_a_working_day_paused_costs_a_whole_day():
    p = pause("2026-03-03T10:00+00:00", "2026-03-03T11:00+00:00")
    assert due(RECEIVED, 3, WD, ENG, pauses=[p]).at == at("2026-03-06T17:00+00:00")


def test_pause_over_a_weekend_only_costs_nothing():
    # Received Thu 5, 3 wd → Tue 10; paused Fri 17:00 → Mon 09:00 consumes no working time
    p = pause("2026-03-06T17:00+00:00", "2026-03-09T09:00+00:00")
    result = due("2026-03-05T10:00+00:00", 3, WD, ENG, pauses=[p])
    assert result.at == at("2026-03-10T17:00+00:00")
    assert result.explanation.paused_working_time == timedelta(0)


def test_open_pause_runs_until_as_of():
    p = pause("2026-03-03T10:00+00:00", None)
    result = due(RECEIVED, 3, WD, ENG, pauses=[p], as_of=at("2026-03-04T10:00+00:00"))
    assert result.at == at("2026-03-06T17:00+00:00")
    assert result.explanation.pauses == (p,)


def test_open_pause_without_as_of_is_refused():
    with pytest.raises(ValueError):
        due(RECEIVED, 3, WD, ENG, pauses=[pause("2026-03-03T10:00+00:00", None)])


def test_pause_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError):
        due(RECEIVED, 3, WD, ENG, pauses=[pause("2026-03-04T10:00+00:00", "2026-03-03T10:00+00:00")])


def test_pause_after_the_due_moment_is_ignored():
    p = pause("2026-03-06T10:00+00:00", "2026-03-10T10:00+00:00")
    result = due(RECEIVED, 3, WD, ENG, pauses=[p])
    assert result.at == at("2026-03-05T17:00+00:00")
    assert result.explanation.paused_working_time == timedelta(0)


def test_pushing_the_deadline_can_bring_more_of_a_pause_inside_it():
    # Due Thu 5; paused Thu 09:00 → Mon 09:00. Thu paused → Fri; Fri paused too → Mon 9 17:00.
    p = pause("2026-03-05T09:00+00:00", "2026-03-09T09:00+00:00")
    result = due(RECEIVED, 3, WD, ENG, pauses=[p])
    assert result.at == at("2026-03-09T17:00+00:00")
    assert result.explanation.paused_working_time == timedelta(days=2)


def test_second_pause_brought_inside_by_the_first_counts():
    # Due Thu 5; pause 1 takes Tue (→ Fri 6); pause 2 on Fri then counts too (→ Mon 9)
    pauses = [pause("2026-03-03T09:00+00:00", "2026-03-03T17:00+00:00"),
              pause("2026-03-06T10:00+00:00", "2026-03-06T11:00+00:00")]
    assert due(RECEIVED, 3, WD, ENG, pauses=pauses).at == at("2026-03-09T17:00+00:00")


def test_pause_in_working_hours_pushes_by_the_working_time_paused():
    # Mon 15:00 + 4 wh → Tue 11:00; paused Tue 09:00-10:00 → Tue 12:00
    p = pause("2026-03-03T09:00+00:00", "2026-03-03T10:00+00:00")
    result = due("2026-03-02T15:00+00:00", 4, WH, ENG, pauses=[p])
    assert result.at == at("2026-03-03T12:00+00:00")
    assert result.explanation.paused_working_time == timedelta(hours=1)


def test_pause_in_clock_hours_pushes_by_real_time():
    p = pause("2026-03-07T12:00-05:00", "2026-03-07T18:00-05:00")
    result = due("2026-03-06T12:00-05:00", 72, H, NC, pauses=[p])
    assert result.at == at("2026-03-09T19:00-04:00")  # 13:00 EDT + 6h


def test_pause_in_calendar_days_rounds_up_to_whole_days():
    # 30 cd → 1 Apr; paused 25 real hours → 2 days → 3 Apr
    p = pause("2026-03-10T12:00-04:00", "2026-03-11T13:00-04:00")
    result = due("2026-03-02T10:00-05:00", 30, CD, NC, pauses=[p])
    assert result.at == at("2026-04-03T23:59:59-04:00")
    assert result.explanation.paused_working_time == timedelta(days=2)


def test_pause_before_receipt_only_counts_from_receipt():
    p = pause("2026-03-01T10:00+00:00", "2026-03-02T15:00+00:00")  # 1 working hour after receipt at 14:00
    assert due(RECEIVED, 3, WD, ENG, pauses=[p]).at == at("2026-03-06T17:00+00:00")


# --- working_time_between ----------------------------------------------------------------------

def test_working_time_between_counts_working_hours():
    # Mon 14:00 → Thu 17:00: 3 + 8 + 8 + 8
    start, end = at("2026-03-02T14:00+00:00"), at("2026-03-05T17:00+00:00")
    assert working_time_between(start=start, end=end, calendar=ENG, unit=WH) == 27
    assert working_time_between(start=start, end=end, calendar=ENG, unit=WD) == 27 / 8


def test_working_time_between_is_negative_when_overdue():
    due_at, now = at("2026-03-05T17:00+00:00"), at("2026-03-06T12:00+00:00")
    assert working_time_between(start=now, end=due_at, calendar=ENG, unit=WH) == -3


def test_working_time_between_across_a_weekend():
    start, end = at("2026-03-06T16:00+00:00"), at("2026-03-09T10:00+00:00")
    assert working_time_between(start=start, end=end, calendar=ENG, unit=WH) == 2
    assert working_time_between(start=start, end=end, calendar=ENG, unit=WD) == 0.25
    assert working_time_between(start=start, end=end, calendar=ENG, unit=H) == 66


def test_working_time_between_in_calendar_days_and_hours_across_dst():
    start, end = at("2026-03-07T12:00-05:00"), at("2026-03-08T12:00-04:00")
    assert working_time_between(start=start, end=end, calendar=NC, unit=H) == 23
    assert working_time_between(start=start, end=end, calendar=NC, unit=CD) == 1


# --- Calendar -----------------------------------------------------------------------------------

def test_calendar_knows_working_days_and_times():
    assert ENG.is_working_day(date(2026, 3, 2))
    assert not ENG.is_working_day(date(2026, 4, 6))  # Easter Monday
    assert ENG.non_working_reason(date(2026, 4, 3)) == Skip(date(2026, 4, 3), "holiday", "Good Friday")
    assert ENG.is_working_time(at("2026-03-02T09:00+00:00"))
    assert not ENG.is_working_time(at("2026-03-02T17:00+00:00"))
    assert not ENG.is_working_time(at("2026-03-07T12:00+00:00"))
    # 16:30 BST is 15:30 UTC: inside working hours
    assert ENG.is_working_time(at("2026-04-07T15:30+00:00"))
    assert NC.is_working_time(at("2026-03-09T13:30+00:00"))  # 09:30 EDT


# --- Naive datetimes ----------------------------------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda naive: due_moment(received_at=naive, duration=Duration(1, WD), calendar=ENG),
    lambda naive: due_moment(received_at=at("2026-03-02T10:00+00:00"), duration=Duration(1, WD), calendar=ENG,
                             pauses=[Pause(naive, None)], as_of=at("2026-03-03T10:00+00:00")),
    lambda naive: due_moment(received_at=at("2026-03-02T10:00+00:00"), duration=Duration(1, WD), calendar=ENG,
                             pauses=[Pause(at("2026-03-02T11:00+00:00"), None)], as_of=naive),
    lambda naive: working_time_between(start=naive, end=at("2026-03-02T10:00+00:00"), calendar=ENG, unit=WH),
    lambda naive: ENG.is_working_time(naive),
])
def test_naive_datetimes_are_rejected(call):
    with pytest.raises(ValueError):
        call(datetime(2026, 3, 2, 10, 0))


# --- Properties ---------------------------------------------------------------------------------

moments = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2028, 6, 30),
                       timezones=st.just(timezone.utc))
calendars = st.sampled_from([ENG, NC, QC])
units = st.sampled_from(list(Unit))


@settings(max_examples=150, deadline=None)
@given(received=moments, amount=st.integers(1, 60), unit=units, calendar=calendars)
def test_due_is_never_before_receipt(received, amount, unit, calendar):
    assert due_moment(received_at=received, duration=Duration(amount, unit), calendar=calendar).at > received


@settings(max_examples=150, deadline=None)
@given(received=moments, amount=st.integers(0, 60), unit=units, calendar=calendars)
def test_due_is_monotonic_in_the_amount(received, amount, unit, calendar):
    shorter = due_moment(received_at=received, duration=Duration(amount, unit), calendar=calendar).at
    longer = due_moment(received_at=received, duration=Duration(amount + 1, unit), calendar=calendar).at
    assert shorter <= longer


@settings(max_examples=150, deadline=None)
@given(received=moments, amount=st.integers(0, 60), calendar=calendars)
def test_working_days_end_at_close_of_a_working_day(received, amount, calendar):
    local = due_moment(received_at=received, duration=Duration(amount, WD), calendar=calendar).explanation.due_at
    assert calendar.is_working_day(local.date())
    assert local.time() == calendar.work_end


@settings(max_examples=150, deadline=None)
@given(received=moments, amount=st.integers(0, 200), calendar=calendars)
def test_working_hours_between_receipt_and_due_equal_the_amount(received, amount, calendar):
    result = due_moment(received_at=received, duration=Duration(amount, WH), calendar=calendar)
    elapsed = working_time_between(start=received, end=result.at, calendar=calendar, unit=WH)
    assert elapsed == pytest.approx(amount)


@settings(max_examples=100, deadline=None)
@given(received=moments, amount=st.integers(1, 30), unit=units, calendar=calendars,
       offset=st.integers(-48, 24 * 40), length=st.integers(0, 24 * 10))
def test_a_pause_never_brings_the_deadline_forward(received, amount, unit, calendar, offset, length):
    start = received + timedelta(hours=offset)
    kwargs = dict(received_at=received, duration=Duration(amount, unit), calendar=calendar)
    plain = due_moment(**kwargs)
    paused = due_moment(**kwargs, pauses=[Pause(start, start + timedelta(hours=length))])
    assert paused.at >= plain.at
    if start >= plain.at:  # a pause after the due moment changes nothing
        assert paused.at == plain.at


def test_custom_working_hours_and_weekdays():
    # A service open Tue-Sat 10:00-14:00: Fri 13:00 + 3 wh = Fri 1h, Sat 2h → Sat 12:00
    calendar = Calendar(work_start=time(10), work_end=time(14), working_weekdays=frozenset({1, 2, 3, 4, 5}))
    assert due("2026-03-06T13:00+00:00", 3, WH, calendar).at == at("2026-03-07T12:00+00:00")
    # Sat 7 + 1 wd: Sun, Mon closed → Tue 10 14:00
    assert due("2026-03-07T11:00+00:00", 1, WD, calendar).at == at("2026-03-10T14:00+00:00")
