"""`manage.py seed_demo` gives a demo that shows the whole product: every role, state and kind."""

import re
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.db.models import Count, F
from django.utils import timezone

from feedback import demo_data, receipts
from feedback.models import (
    CallbackRequest,
    Case,
    CaseEvent,
    IdentityMode,
    Kind,
    Message,
    OutboxEmail,
    OutboxStatus,
    Visibility,
)
from feedback.vocabulary import State
from portal.models import Commissioner, Membership, Provider, Role, Service, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    """The demo, small, and what the command printed."""
    out = StringIO()
    call_command("seed_demo", cases=60, stdout=out)
    return out.getvalue()


def test_demo_has_two_commissioners_six_providers_and_about_twenty_services(seeded):
    assert {c.country for c in Commissioner.objects.all()} == {"GB", "CA"}
    assert Provider.objects.count() == 6
    assert 18 <= Service.objects.count() <= 22
    assert not Service.objects.filter(name_fr="").exists()
    assert not Service.objects.filter(description_fr="").exists()
    # One provider works for both commissioners.
    assert Provider.objects.filter(commissioners__country="GB").filter(
        commissioners__country="CA").exists()


def test_every_role_has_a_demo_account_that_can_sign_in(seeded, client):
    accounts = {role: Membership.objects.filter(role=role).first().user for role in Role.values}
    accounts["admin"] = User.objects.get(is_superuser=True)
    accounts["service_user"] = (User.objects.filter(memberships=None, is_staff=False)
                                .annotate(n=Count("cases")).order_by("-n").first())
    for role, user in accounts.items():
        assert user.check_password(demo_data.DEMO_PASSWORD), role
        assert user.email.endswith(("@example.org", "@example.com")), role
        assert EmailAddress.objects.filter(user=user, email=user.email, verified=True,
                                           primary=True).exists(), role
        assert role.replace("_", " ") in seeded.lower() and user.email in seeded
    assert User.objects.filter(language="fr-ca").exists()

    person = accounts["service_user"]
    response = client.post("/accounts/login/", {"login": person.email,
                                                "password": demo_data.DEMO_PASSWORD})
    assert response.status_code == 302
    page = client.get("/my-feedback/").content.decode()
    assert person.cases.first().reference in page


def test_cases_reach_every_state_kind_and_identity_mode(seeded):
    cases = Case.objects.all()
    assert cases.count() == 60
    # `submitted` is only ever passed through: case_submit moves each case on at once.
    assert set(cases.values_list("state", flat=True)) == set(State.values) - {State.SUBMITTED}
    assert set(cases.values_list("kind", flat=True)) == set(Kind.values)
    assert set(cases.values_list("identity_mode", flat=True)) == set(IdentityMode.values)
    assert cases.filter(urgent=True).exists()
    assert cases.filter(worried_about_reaction=True, state=State.IN_MODERATION).exists()
    assert CallbackRequest.objects.exists()


def test_some_open_cases_are_overdue(seeded):
    now = timezone.now()
    overdue = Case.objects.filter(state__in=[State.WITH_PROVIDER, State.ACKNOWLEDGED],
                                  respond_due_at__lt=now, first_response_at__isnull=True)
    assert overdue.exists()
    received = Case.objects.order_by("received_at").values_list("received_at", flat=True)
    assert (now - received.first()).days > 300


def test_quebec_cases_are_mostly_in_french_and_english_ones_in_english(seeded):
    assert Case.objects.filter(commissioner__country="CA", language="fr-ca").exists()
    assert not Case.objects.filter(commissioner__country="GB", language="fr-ca").exists()
    replies = Message.objects.filter(case__language="fr-ca", author_kind="staff",
                                     visibility=Visibility.TO_PERSON)
    assert replies.exists()
    assert all(body.startswith("Bonjour") for body in replies.values_list("body", flat=True))


def test_history_happens_between_receipt_and_now(seeded):
    now = timezone.now()
    assert not CaseEvent.objects.filter(at__lt=F("case__received_at")).exists()
    assert not CaseEvent.objects.filter(at__gt=now).exists()
    responded = Case.objects.filter(first_response_at__isnull=False)
    assert responded.exists()
    assert not responded.filter(first_response_at__lt=F("received_at")).exists()
    # After the demo, the event log stamps the present again.
    event = CaseEvent.objects.create(case=Case.objects.first(), actor_kind="system",
                                     action="state_changed")
    assert abs((event.at - timezone.now()).total_seconds()) < 60


def test_printed_receipt_code_opens_its_anonymous_case(seeded, client):
    code = re.search(r"receipt code: ([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})", seeded).group(1)
    assert code == receipts.code_for_token(demo_data.DEMO_RECEIPT_TOKEN)
    case = Case.objects.get(receipt_hash=receipts.code_hash(code))
    assert case.identity_mode == IdentityMode.ANONYMOUS_RECEIPT
    assert case.state == State.RESPONDED

    response = client.post("/track/", {"code": code})
    assert response.status_code == 302
    assert case.reference in response["Location"]


def test_no_demo_email_is_left_to_send(seeded):
    assert OutboxEmail.objects.exists()
    assert not OutboxEmail.objects.exclude(status=OutboxStatus.SENT).exists()


def test_second_run_adds_nothing_with_if_empty_and_refuses_without(seeded):
    before = (Case.objects.count(), User.objects.count(), Service.objects.count())
    out = StringIO()
    call_command("seed_demo", if_empty=True, stdout=out)
    assert "not added" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("seed_demo", stdout=StringIO())
    assert (Case.objects.count(), User.objects.count(), Service.objects.count()) == before


def test_demo_signins_prints_the_same_table(seeded):
    out = StringIO()
    call_command("demo_signins", stdout=out)
    assert out.getvalue() in seeded
