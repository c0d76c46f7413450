"""How each of a case's dates was worked out, ready to show to staff and to the person."""

from dataclasses import dataclass, replace
from datetime import datetime

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ..deadlines import Explanation
from ..holiday_names import holiday_name_lazy
from ..models import Case, CallbackStatus
from ..services.clock import acknowledge_due, callback_due, respond_due


@dataclass(frozen=True)
class DeadlineExplained:
    key: str                 # "acknowledge", "respond" or "callback-<id>"
    label: Promise
    explanation: Explanation
    met_at: datetime | None  # when the provider did it, if they have
    agreed: bool = False     # the respond date was agreed with the person


def deadline_explanations(*, case: Case, now: datetime) -> list[DeadlineExplained]:
    """Every deadline of the case with the calculation behind it."""
    found = [
        DeadlineExplained("acknowledge", _("Tell the person their feedback has been read"),
                          acknowledge_due(case).explanation, case.acknowledged_at),
        DeadlineExplained("respond", _("Answer the person"),
                          respond_due(case, as_of=now).explanation, case.first_response_at,
                          agreed=bool(case.agreed_response_at)),
    ]
    for callback in case.callbacks.all():
        explanation = callback_due(case, requested_at=callback.requested_at).explanation
        met = callback.completed_at if callback.status == CallbackStatus.DONE else None
        found.append(DeadlineExplained(f"callback-{callback.pk}", _("Phone the person back"),
                                       explanation, met))
    calendar = case.policy.get("calendar", {})
    return [replace(item, explanation=_named_in_readers_language(item.explanation, calendar))
            for item in found]


def _named_in_readers_language(explanation: Explanation, calendar: dict) -> Explanation:
    """The same explanation, its holidays named in the language of whoever reads it."""
    if not any(skip.name for skip in explanation.skipped):
        return explanation
    skipped = tuple(replace(skip, name=holiday_name_lazy(
        calendar.get("country"), calendar.get("subdivision"), skip.day, skip.name))
        if skip.name else skip for skip in explanation.skipped)
    return replace(explanation, skipped=skipped)
