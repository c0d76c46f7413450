"""Two people acting on one case at the same moment, on two real PostgreSQL connections.

Each race starts both actions behind a barrier, many times over. Whatever order the database
chooses, the case ends in a state the rules allow, its event log is a valid path through the
lifecycle, nothing is done twice, and the first response is the first reply.
"""

import threading

import pytest
from django.db import close_old_connections, connection
from django.utils import timezone

from feedback import services
from feedback.models import CaseEvent, EventAction, Extension, ExtensionStatus, Message, Purpose
from feedback.services import Submission, case_submit
from feedback.vocabulary import ALLOWED, CaseRuleError, State
from portal.models import Role
from tests.factories import ServiceFactory, provider_member

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="races need two real connections: PostgreSQL"),
]

ROUNDS = 10


def race(*actions) -> list:
    """Run each action on its own thread and connection, released together; what each returned
    or raised, in order."""
    barrier = threading.Barrier(len(actions))
    results: list = [None] * len(actions)

    def run(index, action):
        try:
            barrier.wait()
            results[index] = action()
        except Exception as error:  # noqa: BLE001 - the race's outcome is what we check
            results[index] = error
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def assert_valid_log(case):
    """The state changes recorded are one path through the allowed transitions, ending where
    the case is."""
    changes = list(CaseEvent.objects.filter(case=case, action=EventAction.STATE_CHANGED)
                   .order_by("at", "id").values_list("from_state", "to_state"))
    state = State.SUBMITTED
    for before, after in changes:
        assert before == state, changes
        assert after in ALLOWED[before], changes
        state = after
    case.refresh_from_db()
    assert case.state == state, changes


@pytest.fixture
def world():
    service = ServiceFactory()
    return {"service": service,
            "staff": [provider_member(provider=service.provider) for _ in range(2)],
            "manager": provider_member(provider=service.provider, role=Role.MANAGER)}


def new_case(world, token, **fields):
    return case_submit(submission=Submission(
        service=world["service"], kind="complaint", what_happened="Nobody called me back.",
        language="en", identity_mode="named_contact", contact_name="Ada",
        contact_email="ada@example.org", **fields), token=token).case


def answered_and_resolved(world, token):
    case = new_case(world, token)
    staff = world["staff"][0]
    services.message_to_person(case=case, user=staff, body="Our answer.")
    services.outcome_record(case=case, user=staff, outcome="upheld", actions_taken="",
                            service_changed=False)
    services.case_resolve(case=case, user=staff)
    case.refresh_from_db()
    return case


def test_two_replies_at_once_keep_both_and_the_first_is_the_first_response(world):
    for n in range(ROUNDS):
        case = new_case(world, f"reply-{n}")
        one, two = world["staff"]
        results = race(
            lambda: services.message_to_person(case=type(case).objects.get(pk=case.pk),
                                               user=one, body="First answer."),
            lambda: services.message_to_person(case=type(case).objects.get(pk=case.pk),
                                               user=two, body="Second answer."))
        assert all(isinstance(result, Message) for result in results), results
        replies = list(Message.objects.filter(case=case, purpose=Purpose.REPLY)
                       .order_by("created_at"))
        assert len(replies) == 2
        case.refresh_from_db()
        assert case.state == State.RESPONDED
        assert case.first_response_at == replies[0].created_at
        assert case.acknowledged_at == replies[0].created_at
        assert_valid_log(case)


def test_two_acknowledgements_at_once_send_one(world):
    for n in range(ROUNDS):
        case = new_case(world, f"ack-{n}")
        one, two = world["staff"]
        results = race(
            lambda: services.case_acknowledge(case=type(case).objects.get(pk=case.pk),
                                              user=one, body="We have read it."),
            lambda: services.case_acknowledge(case=type(case).objects.get(pk=case.pk),
                                              user=two, body="We have read it too."))
        assert sum(isinstance(result, Message) for result in results) == 1, results
        assert sum(isinstance(result, CaseRuleError) for result in results) == 1, results
        assert Message.objects.filter(case=case, purpose=Purpose.ACKNOWLEDGEMENT).count() == 1
        assert CaseEvent.objects.filter(case=case, action=EventAction.ACKNOWLEDGED).count() == 1
        assert case.emails.filter(purpose="person_update").count() == 1
        assert_valid_log(case)


def test_the_person_escalating_while_the_sweep_closes_ends_one_way_only(world):
    endings = set()
    for n in range(ROUNDS):
        case = answered_and_resolved(world, f"close-{n}")
        results = race(
            lambda: services.case_escalate_by_person(case=type(case).objects.get(pk=case.pk),
                                                     reason="Not satisfied."),
            lambda: services.case_close(case=type(case).objects.get(pk=case.pk),
                                        reason="no_reply_after_resolution", at=timezone.now()))
        assert sum(isinstance(result, CaseRuleError) for result in results) == 1, results
        case.refresh_from_db()
        assert case.state in (State.ESCALATED, State.CLOSED)
        # Whichever came second found the case moved on and wrote nothing.
        changes = CaseEvent.objects.filter(case=case, action=EventAction.STATE_CHANGED,
                                           from_state=State.RESOLVED)
        assert changes.count() == 1
        assert (case.escalated_at is None) == (case.state == State.CLOSED)
        assert (case.closed_at is None) == (case.state == State.ESCALATED)
        assert_valid_log(case)
        endings.add(case.state)
    assert endings  # at least one race ran to the end


def test_an_extension_decided_while_the_case_is_answered_never_moves_an_answered_deadline(world):
    # A pending extension can only exist before the answer: the race is the manager approving it
    # while a colleague sends the answer (which withdraws it).
    for n in range(ROUNDS):
        case = new_case(world, f"extend-{n}")
        staff, manager = world["staff"][0], world["manager"]
        extension = services.extension_request(case=case, user=staff, amount=2,
                                               reason="Records.")
        case.refresh_from_db()
        due_before = case.respond_due_at
        results = race(
            lambda: services.extension_decide(extension=Extension.objects.get(pk=extension.pk),
                                              user=manager, approve=True),
            lambda: services.message_to_person(case=type(case).objects.get(pk=case.pk),
                                               user=staff, body="Our answer."))
        assert isinstance(results[1], Message), results
        extension.refresh_from_db()
        case.refresh_from_db()
        if isinstance(results[0], CaseRuleError):
            # The answer came first: the request was withdrawn, the deadline never moved.
            assert extension.status == ExtensionStatus.WITHDRAWN
            assert case.respond_due_at == due_before
            assert not case.messages.filter(purpose=Purpose.NOTICE).exists()
        else:
            # The approval came first: the new date was told before the answer arrived.
            assert results[0] is None
            assert extension.status == ExtensionStatus.APPROVED
            notice = case.messages.get(purpose=Purpose.NOTICE)
            assert notice.created_at < case.first_response_at
        assert case.state == State.RESPONDED
        assert_valid_log(case)
