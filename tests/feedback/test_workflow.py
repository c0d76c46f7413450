"""The lifecycle: only allowed transitions, each recorded in the append-only event log."""

import pytest

from feedback.models import CaseEvent
from feedback.services import Submission, case_submit
from feedback.vocabulary import ALLOWED, Actor, State, TransitionNotAllowed
from feedback.workflow import case_transition

pytestmark = pytest.mark.django_db


def new_case(service):
    return case_submit(submission=Submission(service=service, kind="concern",
                                             what_happened="Text", language="en",
                                             identity_mode="anonymous_receipt"),
                       token="wf").case


def test_every_state_has_its_transitions_defined():
    assert set(ALLOWED) == set(State.values)
    for targets in ALLOWED.values():
        assert targets <= set(State.values)


def test_allowed_transition_records_before_and_after(service):
    case = new_case(service)
    event = case_transition(case=case, to=State.ACKNOWLEDGED, actor=Actor.system(),
                            reason="read it")
    case.refresh_from_db()
    assert case.state == State.ACKNOWLEDGED
    assert (event.from_state, event.to_state, event.reason) == (
        State.WITH_PROVIDER, State.ACKNOWLEDGED, "read it")


def test_forbidden_transition_changes_nothing(service):
    case = new_case(service)
    events = case.events.count()
    with pytest.raises(TransitionNotAllowed):
        case_transition(case=case, to=State.CLOSED, actor=Actor.system())
    case.refresh_from_db()
    assert case.state == State.WITH_PROVIDER and case.events.count() == events


def test_the_event_log_cannot_be_edited_or_deleted(service):
    case = new_case(service)
    event = case.events.first()
    event.reason = "rewritten"
    with pytest.raises(TypeError):
        event.save()
    with pytest.raises(TypeError):
        event.delete()
    with pytest.raises(TypeError):
        CaseEvent.objects.filter(case=case).update(reason="x")
    with pytest.raises(TypeError):
        CaseEvent.objects.filter(case=case).delete()
    assert CaseEvent.objects.get(pk=event.pk).reason == ""


def test_the_database_refuses_unknown_states(service):
    from django.db import IntegrityError, transaction

    from feedback.models import Case

    case = new_case(service)
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.filter(pk=case.pk).update(state="lost")


def test_the_database_refuses_identity_on_anonymous_cases(service):
    from django.db import IntegrityError, transaction

    from feedback.models import Case

    case = new_case(service)
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.filter(pk=case.pk).update(contact_email="someone@example.org")
