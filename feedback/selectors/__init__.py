"""Reads, scoped to what the viewer may see: the public side and the provider side."""

from .public import (
    OUTCOME_FOR_PERSON,
    PERSON_STATUS,
    PUBLIC_STEP,
    TimelineStep,
    case_events,
    cases_of_user,
    messages_for_person,
    public_status,
    public_timeline,
    services_search,
)

__all__ = ["OUTCOME_FOR_PERSON", "PERSON_STATUS", "PUBLIC_STEP", "TimelineStep", "case_events", "cases_of_user",
           "messages_for_person", "public_status", "public_timeline", "services_search"]
