"""Provider pages beyond the URL × role × state matrix (tests/test_url_matrix.py): objects of
another case in the address, buttons offered by role, and actions that only take a POST."""

import pytest
from django.test import Client
from django.urls import reverse

from feedback import services
from feedback.models import (
    CallbackAttempt,
    CaseAccess,
    CaseEvent,
    ClockPause,
    Extension,
    Message,
    OutboxEmail,
)
from feedback.services import Submission, case_submit
from portal.models import Role
from tests.factories import (
    CommissionerFactory,
    MembershipFactory,
    ProviderFactory,
    ServiceFactory,
    UserFactory,
    provider_member,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """Provider X and provider Y, both commissioned by one commissioner; a case at each."""
    commissioner = CommissionerFactory()
    x = ProviderFactory(commissioners=[commissioner])
    y = ProviderFactory(commissioners=[commissioner])
    service_x = ServiceFactory(provider=x, commissioner=commissioner)
    service_y = ServiceFactory(provider=y, commissioner=commissioner)
    owner = UserFactory()
    people = {
        "service_user": owner,
        "staff_own": provider_member(provider=x),
        "manager_own": provider_member(provider=x, role=Role.MANAGER),
        "staff_other": provider_member(provider=y),
        "manager_other": provider_member(provider=y, role=Role.MANAGER),
        "moderator": MembershipFactory(role=Role.MODERATOR, provider=None,
                                       commissioner=commissioner).user,
        "commissioner": MembershipFactory(role=Role.COMMISSIONER, provider=None,
                                          commissioner=commissioner).user,
    }
    cases = {}
    for name, service, staff in (("own", service_x, people["staff_own"]),
                                 ("other", service_y, people["staff_other"])):
        case = case_submit(submission=Submission(service=service, kind="complaint", language="en",
                                                 what_happened="Nobody called me back.",
                                                 identity_mode="named_account"),
                           token=f"case-{name}", user=owner).case
        # Something for every action to act on: a callback and a colleague's pending request.
        services.callback_request(case=case, phone="07700 900123", good_times="mornings")
        services.extension_request(case=case, user=staff, amount=2, reason="Waiting for notes.")
        cases[name] = case
    moderated = case_submit(submission=Submission(service=service_x, kind="complaint",
                                                  language="en", what_happened="I am afraid.",
                                                  identity_mode="anonymous_receipt",
                                                  worried_about_reaction=True),
                            token="moderated").case
    staff_of = {cases["own"].pk: people["staff_own"], cases["other"].pk: people["staff_other"]}
    return {"people": people, "cases": cases, "moderated": moderated, "staff_of": staff_of}


def client_for(role, world):
    client = Client()
    if role != "visitor":
        client.force_login(world["people"][role])
    return client


def _prepare_resume(case, world):
    services.question_ask(case=case, user=world["staff_of"][case.pk], body="Which day?")


def _prepare_resolve(case, world):
    staff = world["staff_of"][case.pk]
    services.message_to_person(case=case, user=staff, body="Our answer.")
    services.outcome_record(case=case, user=staff, outcome="upheld",
                            actions_taken="", service_changed=False)


# (url name, POST data for a valid request, extra URL argument, preparation, managers only)
ACTIONS = [
    ("acknowledge", {"acknowledge-body": "We have read it."}, None, None, False),
    ("reply", {"reply-body": "Our answer."}, None, None, False),
    ("question", {"question-body": "Which day?"}, None, None, False),
    ("resume", {}, None, _prepare_resume, False),
    ("note", {"note-body": "Check the rota."}, None, None, False),
    ("assign", {"assign-assignee": "colleague"}, None, None, True),
    ("take", {}, None, None, False),
    ("extend", {"extend-amount": "1", "extend-reason": "Records."}, None, None, False),
    ("decide_extension", {"decision": "approve"}, "extension", None, True),
    ("outcome", {"outcome-outcome": "upheld", "outcome-actions_taken": ""}, None, None, False),
    ("resolve", {}, None, _prepare_resolve, False),
    ("callback_attempt", {"result": "reached"}, "callback", None, False),
]


def _url_and_data(action, case, world):
    name, data, extra, prepare, _managers_only = action
    if prepare:
        prepare(case, world)
    args = [case.reference]
    if extra == "extension":
        args.append(case.extensions.get().pk)
    elif extra == "callback":
        callback = case.callbacks.get()
        args.append(callback.pk)
        data = {f"callback-{callback.pk}-{key}": value for key, value in data.items()}
    if data.get("assign-assignee") == "colleague":
        data = {"assign-assignee": str(world["staff_of"][case.pk].pk)}
    return reverse(f"provider:{name}", args=args), data


def snapshot(case) -> tuple:
    """Everything an action could change, to prove a refused one changed nothing."""
    case.refresh_from_db()
    return (case.state, case.assignee_id, case.outcome, case.acknowledged_at,
            case.first_response_at, case.respond_due_at, case.resolved_at,
            CaseEvent.objects.filter(case=case).count(), Message.objects.filter(case=case).count(),
            list(Extension.objects.filter(case=case).values_list("status", flat=True)),
            ClockPause.objects.filter(case=case).count(),
            CallbackAttempt.objects.filter(callback__case=case).count(),
            CaseAccess.objects.filter(case=case).count(),
            OutboxEmail.objects.filter(case=case).count())


@pytest.mark.parametrize("role", ["staff_own", "manager_own"])
def test_a_callback_or_extension_of_another_providers_case_is_404(world, role):
    own, other = world["cases"]["own"], world["cases"]["other"]
    client = client_for(role, world)
    callback, extension = other.callbacks.get(), other.extensions.get()
    before = snapshot(other)
    response = client.post(reverse("provider:callback_attempt", args=[own.reference, callback.pk]),
                           {f"callback-{callback.pk}-result": "reached"})
    assert response.status_code == 404
    response = client.post(reverse("provider:decide_extension",
                                   args=[own.reference, extension.pk]), {"decision": "approve"})
    assert response.status_code == 404
    assert snapshot(other) == before


def test_staff_cannot_assign_a_colleague_but_can_take_the_case(world):
    case = world["cases"]["own"]
    staff = world["people"]["staff_own"]
    client = client_for("staff_own", world)
    page = client.get(reverse("provider:case", args=[case.reference])).content.decode()
    assert 'name="assign-assignee"' not in page and "Take this case" in page
    assert 'name="decision"' not in page
    manager_page = client_for("manager_own", world).get(
        reverse("provider:case", args=[case.reference])).content.decode()
    assert 'name="assign-assignee"' in manager_page and 'name="decision"' in manager_page
    response = client.post(reverse("provider:assign", args=[case.reference]),
                           {"assign-assignee": str(world["people"]["manager_own"].pk)})
    assert response.status_code == 403
    assert client.post(reverse("provider:take", args=[case.reference])).status_code == 302
    case.refresh_from_db()
    assert case.assignee == staff


@pytest.mark.parametrize("action", ACTIONS, ids=[a[0] for a in ACTIONS])
def test_actions_refuse_get(world, action):
    url, _data = _url_and_data(action, world["cases"]["own"], world)
    assert client_for("manager_own", world).get(url).status_code == 405
