"""Response policies as data: the default that ships, and the snapshot copied onto each case.

The default mirrors the NHS complaint regulations and standards (PRODUCT.md §5): acknowledge within
3 working days; respond within 20 working days for complaints and concerns and 10 for compliments
and suggestions; urgent cases: acknowledge within 1 working day, respond within 3; escalate to the
commissioner when 5 working days overdue. A later issue stores policies per commissioner; the
snapshot's shape stays the same.
"""

from .deadlines import Calendar, Duration, Unit

WD = Unit.WORKING_DAYS.value
WH = Unit.WORKING_HOURS.value

DEFAULT_POLICY: dict = {
    "name": "Default (NHS complaint standards)",
    "rules": {
        "complaint": {"acknowledge": [3, WD], "respond": [20, WD]},
        "concern": {"acknowledge": [3, WD], "respond": [20, WD]},
        "compliment": {"acknowledge": [3, WD], "respond": [10, WD]},
        "suggestion": {"acknowledge": [3, WD], "respond": [10, WD]},
        "urgent": {"acknowledge": [1, WD], "respond": [3, WD]},
    },
    # Two working days' worth of working hours: people who ask to be called back are waiting.
    "callback": [16, WH],
    "escalate_after_overdue": [5, WD],
}


def policy_snapshot(*, kind: str, urgent: bool, commissioner) -> dict:
    """The rules that apply to one case, copied onto it when received."""
    rules = DEFAULT_POLICY["rules"]["urgent" if urgent else kind]
    return {
        "name": DEFAULT_POLICY["name"],
        "acknowledge": rules["acknowledge"],
        "respond": rules["respond"],
        "callback": DEFAULT_POLICY["callback"],
        "escalate_after_overdue": DEFAULT_POLICY["escalate_after_overdue"],
        "calendar": {
            "timezone": commissioner.timezone,
            "country": commissioner.country,
            "subdivision": commissioner.subdivision or None,
        },
    }


def snapshot_calendar(snapshot: dict) -> Calendar:
    cal = snapshot["calendar"]
    return Calendar(timezone=cal["timezone"], country=cal["country"],
                    subdivision=cal["subdivision"])


def snapshot_duration(snapshot: dict, rule: str) -> Duration:
    amount, unit = snapshot[rule]
    return Duration(amount, Unit(unit))
