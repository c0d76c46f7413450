"""What providers actually receive — pages and emails — never carries an anonymous person's
identity, nor a named person's when they did not share it."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from feedback import receipts, services
from feedback.models import Case, IdentityMode
from feedback.tasks import outbox_flush
from portal.models import Role
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

NAME, EMAIL = "Morgan Fairweather", "morgan.fairweather@example.org"


@pytest.fixture
def staff(service):
    return MembershipFactory(role=Role.STAFF, provider=service.provider).user


@pytest.fixture
def manager(service):
    return MembershipFactory(role=Role.MANAGER, provider=service.provider).user


def provider_view(staff, case) -> str:
    """Everything the provider's staff can read about the case: inbox, case page, their emails."""
    client = Client()
    client.force_login(staff)
    pages = [client.get(reverse("provider:inbox"), {"state": "all"}).content.decode(),
             client.get(reverse("provider:case", args=[case.reference])).content.decode()]
    outbox_flush()
    emails = [f"{m.subject}\n{m.body}\n{m.alternatives}" for m in mail.outbox
              if set(m.to) & {staff.email}]
    return "\n".join(pages + emails)


@pytest.mark.parametrize("mode", IdentityMode.values)
def test_provider_never_sees_who_did_not_share(service, staff, manager, mode):
    person = UserFactory(email=EMAIL, full_name=NAME)
    client = Client(REMOTE_ADDR="203.0.113.50", HTTP_USER_AGENT="ProbeAgent/1.0")
    if mode != IdentityMode.NAMED_CONTACT:  # a signed-in person is not offered that mode
        client.force_login(person)  # signed in, yet choosing not to be known
    token = receipts.new_submission_token()
    data = {"service": service.slug, "token": token, "kind": "complaint",
            "what_happened": "They cancelled my visits without telling me.",
            "identity_mode": mode, "contact_name": NAME, "contact_email": EMAIL,
            "urgent_reported": "on"}
    client.post(f"{reverse('feedback:new')}?service={service.slug}", data)
    case = Case.objects.get()
    if case.can_follow_up and case.is_anonymous:
        services.message_from_person(case=case, body="Any news?")
        services.callback_request(case=case, phone="07700 900999", good_times="mornings")
    seen = provider_view(staff, case) + provider_view(manager, case)
    assert "They cancelled my visits" in seen  # the words arrive…
    for identifying in (NAME, EMAIL, "Fairweather", "203.0.113.50", "ProbeAgent"):
        assert identifying not in seen  # …the person does not


def test_a_shared_name_is_shown_to_the_provider(service, staff):
    client = Client()
    client.post(f"{reverse('feedback:new')}?service={service.slug}", {
        "service": service.slug, "token": receipts.new_submission_token(), "kind": "compliment",
        "what_happened": "The night nurse was so kind.", "identity_mode": "named_contact",
        "contact_name": NAME, "contact_email": EMAIL, "share_name": "on"})
    case = Case.objects.get()
    assert NAME in provider_view(staff, case)
