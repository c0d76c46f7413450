"""An administrator's phrases for the abuse and risk lists (ScreeningTerm): checked when added,
read (cached) for the commissioner's feedback, and seen by screening at once."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from feedback import receipts
from feedback.models import Case, IdentityMode
from moderation.models import ScreeningTerm
from moderation.screening import Term
from moderation.selectors import screening_terms
from tests.factories import CommissionerFactory, ServiceFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_terms_are_the_commissioners_and_everyones(settings):
    settings.RISK_EXTRA_TERMS = ["they lock me in*"]
    mine, theirs = CommissionerFactory(), CommissionerFactory()
    ScreeningTerm.objects.create(kind="abuse", phrase="numpty", commissioner=mine)
    ScreeningTerm.objects.create(kind="abuse", phrase="plonker", commissioner=theirs)
    ScreeningTerm.objects.create(kind="risk", phrase="locked in the shed", language="en")
    assert set(screening_terms(commissioner_id=mine.pk)) == {
        Term("abuse", "numpty", "any"), Term("risk", "locked in the shed", "en"),
        Term("risk", "they lock me in*", "any")}


def test_terms_are_read_once_then_from_the_cache(django_assert_num_queries):
    commissioner = CommissionerFactory()
    ScreeningTerm.objects.create(kind="abuse", phrase="numpty")
    with django_assert_num_queries(1):
        screening_terms(commissioner_id=commissioner.pk)
        screening_terms(commissioner_id=commissioner.pk)


def test_a_row_the_lists_cannot_read_never_stops_screening():
    ScreeningTerm.objects.create(kind="abuse", phrase="bad, phrase")  # not through the admin
    assert screening_terms(commissioner_id=None) == ()


@pytest.mark.parametrize(("kind", "phrase", "message"), [
    ("abuse", "numpty, plonker", "Use only letters"),
    ("abuse", "ab* head", "three letters"),
    ("abuse", "{nobody}", "Braces"),
    ("abuse", "kill myself", "already a risk phrase"),
])
def test_phrases_the_lists_cannot_use_are_refused_with_a_reason(kind, phrase, message):
    term = ScreeningTerm(kind=kind, phrase=phrase)
    with pytest.raises(ValidationError) as refused:
        term.full_clean()
    assert message in " ".join(refused.value.message_dict["phrase"])


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_an_administrator_adds_a_risk_phrase_and_screening_sees_it_at_once(admin_client):
    service = ServiceFactory()
    commissioner = service.commissioner
    assert screening_terms(commissioner_id=commissioner.pk) == ()  # now cached
    response = admin_client.post(reverse("admin:moderation_screeningterm_add"), {
        "kind": "risk", "phrase": "  locked in the shed ", "language": "any",
        "commissioner": commissioner.pk,
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ScreeningTerm.objects.get().phrase == "locked in the shed"
    assert screening_terms(commissioner_id=commissioner.pk) == (
        Term("risk", "locked in the shed", "any"),)
    assert admin_client.get(reverse("admin:moderation_screeningterm_changelist")).status_code == 200


def _send(client, service, text, mode=IdentityMode.ANONYMOUS_RECEIPT):
    return client.post(f"{reverse('feedback:new')}?service={service.slug}", {
        "service": service.slug, "token": receipts.new_submission_token(), "kind": "complaint",
        "what_happened": text, "when_happened": "", "desired_outcome": "",
        "identity_mode": mode,
    })


def test_a_commissioners_risk_phrase_makes_feedback_urgent(client):
    service = ServiceFactory()
    ScreeningTerm.objects.create(kind="risk", phrase="locked in the shed",
                                 commissioner=service.commissioner)
    _send(client, service, "They keep him locked in the shed at night.")
    case = Case.objects.get()
    assert case.urgent and case.risk_terms == ["locked in the shed"]


def test_another_commissioners_phrase_does_not(client):
    service = ServiceFactory()
    ScreeningTerm.objects.create(kind="risk", phrase="locked in the shed",
                                 commissioner=CommissionerFactory())
    _send(client, service, "They keep him locked in the shed at night.")
    assert not Case.objects.get().urgent


def test_the_anonymous_warning_names_a_date_of_birth_and_leaves_out_abuse(client):
    service = ServiceFactory()
    response = _send(client, service, "My dad (DOB 04/07/1941) was sent home. Bloody shit service.")
    page = response.content.decode()
    assert not Case.objects.exists()
    assert "A date of birth" in page and "04/07/1941" in page
    assert "<mark>shit</mark>" not in page
