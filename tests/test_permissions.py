"""Who may open each service-user page: every view × every role × own/other organisation.

A case's follow-up pages open only for the browser holding its receipt code or for the account that
sent it; staff, moderators and commissioners get nothing from the public pages (their own pages check
their organisation).
"""

import pytest
from django.test import Client
from django.urls import reverse

from feedback import receipts
from feedback.services import Submission, case_submit
from portal.models import Role
from tests.factories import CommissionerFactory, MembershipFactory, ProviderFactory, ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "code_holder", "owner", "other_person",
         "staff_own", "staff_other", "manager_own", "manager_other",
         "moderator_own", "moderator_other", "commissioner_own", "commissioner_other"]


@pytest.fixture
def world():
    commissioner = CommissionerFactory()
    provider = ProviderFactory(commissioners=[commissioner])
    other_commissioner = CommissionerFactory()
    other_provider = ProviderFactory(commissioners=[other_commissioner])
    service = ServiceFactory(provider=provider, commissioner=commissioner)
    owner = UserFactory()
    named = case_submit(submission=Submission(service=service, kind="complaint",
                                              what_happened="Named words", language="en",
                                              identity_mode="named_account"),
                        token="named", user=owner).case
    anonymous = case_submit(submission=Submission(service=service, kind="complaint",
                                                  what_happened="Anonymous words", language="en",
                                                  identity_mode="anonymous_receipt"),
                            token="anon").case
    members = {
        "staff_own": MembershipFactory(role=Role.STAFF, provider=provider).user,
        "staff_other": MembershipFactory(role=Role.STAFF, provider=other_provider).user,
        "manager_own": MembershipFactory(role=Role.MANAGER, provider=provider).user,
        "manager_other": MembershipFactory(role=Role.MANAGER, provider=other_provider).user,
        "moderator_own": MembershipFactory(role=Role.MODERATOR, provider=None,
                                           commissioner=commissioner).user,
        "moderator_other": MembershipFactory(role=Role.MODERATOR, provider=None,
                                             commissioner=other_commissioner).user,
        "commissioner_own": MembershipFactory(role=Role.COMMISSIONER, provider=None,
                                              commissioner=commissioner).user,
        "commissioner_other": MembershipFactory(role=Role.COMMISSIONER, provider=None,
                                                commissioner=other_commissioner).user,
        "owner": owner,
        "other_person": UserFactory(),
    }
    return {"service": service, "named": named, "anonymous": anonymous, "members": members}


def client_for(role, world):
    client = Client()
    if role == "code_holder":
        client.post(reverse("feedback:track"), {"code": receipts.code_for_token("anon")})
    elif role in world["members"]:
        client.force_login(world["members"][role])
    return client


PUBLIC_PAGES = ["feedback:home", "feedback:services", "feedback:new", "feedback:track"]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_public_pages_open_for_everyone(world, role, page):
    assert client_for(role, world).get(reverse(page)).status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_service_page_and_form_open_for_everyone(world, role):
    client = client_for(role, world)
    service = world["service"]
    assert client.get(service.get_absolute_url()).status_code == 200
    assert client.get(reverse("feedback:new"), {"service": service.slug}).status_code == 200


CASE_VIEWS = [("get", "feedback:track_case", {}),
              ("post", "feedback:track_reply", {"body": "Any news?"}),
              ("post", "feedback:track_callback", {"phone": "07700 900321"})]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method, view, data", CASE_VIEWS)
@pytest.mark.parametrize("which", ["named", "anonymous"])
def test_case_follow_up_only_for_its_own_person(world, role, method, view, data, which):
    case = world[which]
    allowed = (which == "named" and role == "owner") or (which == "anonymous" and role == "code_holder")
    response = getattr(client_for(role, world), method)(reverse(view, args=[case.reference]), data)
    if allowed:
        assert response.status_code in (200, 302)
    else:
        assert response.status_code == 404
        assert case.messages.count() == 0 and case.callbacks.count() == 0


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("which", ["named", "anonymous"])
def test_confirmation_and_receipt_only_for_the_browser_that_sent_it(world, role, which):
    case = world[which]
    client = client_for(role, world)
    assert client.get(reverse("feedback:sent", args=[case.reference])).status_code == 404
    assert client.post(reverse("feedback:receipt", args=[case.reference])).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_my_feedback_lists_only_the_signed_in_persons_own_cases(world, role):
    response = client_for(role, world).get(reverse("feedback:my_feedback"))
    if role in ("visitor", "code_holder"):
        assert response.status_code == 302
        return
    page = response.content.decode()
    assert (world["named"].reference in page) == (role == "owner")
    assert world["anonymous"].reference not in page


def test_staff_see_an_inbox_link_and_service_users_do_not(world):
    staff = client_for("staff_own", world).get(reverse("feedback:home")).content.decode()
    person = client_for("owner", world).get(reverse("feedback:home")).content.decode()
    assert reverse("provider:inbox") in staff
    assert reverse("provider:inbox") not in person


def test_forbidden_page_explains_in_plain_words(rf):
    from portal.views import forbidden

    response = forbidden(rf.get("/"))
    assert response.status_code == 403
    assert "Your role does not allow this action" in response.content.decode()
