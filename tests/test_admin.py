"""The administrator configures organisations and policies in the Django admin."""

import pytest
from django.urls import reverse

from feedback.models import ResponsePolicy
from feedback.policies import PRESETS
from tests.factories import CommissionerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", ["portal/user", "portal/commissioner", "portal/provider",
                                   "portal/service", "portal/membership", "feedback/case",
                                   "feedback/responsepolicy", "feedback/outboxemail",
                                   "feedback/caseevent", "feedback/caseaccess"])
def test_every_model_has_an_admin_list(admin_client, model):
    assert admin_client.get(f"/admin/{model}/").status_code == 200


@pytest.mark.parametrize("preset", list(PRESETS))
def test_a_commissioner_picks_a_preset_and_gets_its_rules(admin_client, preset):
    commissioner = CommissionerFactory()
    response = admin_client.post(reverse("admin:feedback_responsepolicy_add"), {
        "commissioner": commissioner.pk, "name": "", "start_from": preset, "preset": "",
        "citation": "", "rules": "{}", "is_active": "on",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    policy = ResponsePolicy.objects.get(commissioner=commissioner)
    assert policy.preset == preset and policy.rules == PRESETS[preset]["rules"]
    assert policy.citation


def test_broken_rules_are_refused_with_a_message(admin_client):
    commissioner = CommissionerFactory()
    response = admin_client.post(reverse("admin:feedback_responsepolicy_add"), {
        "commissioner": commissioner.pk, "name": "Mine", "start_from": "", "preset": "",
        "citation": "", "rules": '{"kinds": {}}', "is_active": "on",
    })
    assert response.status_code == 200
    assert "missing or not [amount, unit]" in response.content.decode()
    assert not ResponsePolicy.objects.exists()
