"""Receiving feedback: the one way a case comes into being."""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from moderation.screening import risk_findings, screen
from moderation.screening.text import text_as_typed
from moderation.selectors import screening_terms
from portal.models import Role, Service
from portal.selectors import provider_members

from .. import receipts
from ..models import ANONYMOUS_MODES, BehalfConsent, Case, CaseEvent, EventAction, IdentityMode
from ..notifications import email_queue, staff_notify
from ..policies import policy_snapshot
from ..vocabulary import Actor, State
from ..workflow import case_transition
from .clock import deadlines_refresh


@dataclass(frozen=True)
class Submission:
    """What the person filled in on the feedback form."""

    service: Service
    kind: str
    what_happened: str
    identity_mode: str
    language: str
    when_happened: date | None = None
    desired_outcome: str = ""
    on_behalf_relationship: str = ""
    on_behalf_consent: str = ""
    on_behalf_consent_note: str = ""
    contact_name: str = ""
    contact_email: str = ""
    share_name: bool = False
    urgent_reported: bool = False
    worried_about_reaction: bool = False
    identifying_details_sent_anyway: bool = False


@dataclass(frozen=True)
class SubmitResult:
    case: Case
    receipt_code: str | None
    created: bool


def case_submit(*, submission: Submission, token: str, user=None,
                received_at=None) -> SubmitResult:
    """Record new feedback once per form token, with its deadlines, first event and receipt email.

    Anonymous modes never keep the account, name or email, whatever the form sent.
    """
    key = receipts.submission_key(token)
    existing = Case.objects.filter(submission_key=key).first()
    if existing is not None:
        return SubmitResult(existing, _code_for(existing, token), created=False)
    try:
        with transaction.atomic():
            case = _case_create(submission=submission, key=key, token=token, user=user,
                                received_at=received_at or timezone.now())
    except IntegrityError:
        # Two submits of the same form raced; the other one made the case.
        existing = Case.objects.filter(submission_key=key).first()
        if existing is None:
            raise
        return SubmitResult(existing, _code_for(existing, token), created=False)
    return SubmitResult(case, _code_for(case, token), created=True)


def _code_for(case: Case, token: str) -> str | None:
    return receipts.code_for_token(token) if case.receipt_hash else None


def _case_create(*, submission: Submission, key: str, token: str, user, received_at) -> Case:
    s = submission
    mode = s.identity_mode
    anonymous = mode in ANONYMOUS_MODES
    what_happened = text_as_typed(s.what_happened)
    desired_outcome = text_as_typed(s.desired_outcome)
    findings = screen(f"{what_happened}\n{desired_outcome}", language=s.language,
                      anonymous=anonymous,
                      extra_terms=screening_terms(commissioner_id=s.service.commissioner_id),
                      country=s.service.commissioner.country)
    risk = list(dict.fromkeys(f.text for f in risk_findings(findings)))  # each phrase once
    urgent = s.urgent_reported or bool(risk)
    snapshot = policy_snapshot(kind=s.kind, urgent=urgent, commissioner=s.service.commissioner)
    gives_receipt = mode in (IdentityMode.NAMED_CONTACT, IdentityMode.ANONYMOUS_RECEIPT)
    case = Case.objects.create(
        reference=receipts.new_reference(),
        service=s.service, provider_id=s.service.provider_id,
        commissioner_id=s.service.commissioner_id,
        kind=s.kind, identity_mode=mode, language=s.language,
        what_happened=what_happened, when_happened=s.when_happened,
        desired_outcome=desired_outcome,
        on_behalf_relationship=text_as_typed(s.on_behalf_relationship),
        on_behalf_consent=s.on_behalf_consent if s.on_behalf_relationship else "",
        on_behalf_consent_note=text_as_typed(s.on_behalf_consent_note)
        if s.on_behalf_consent == BehalfConsent.NOT_POSSIBLE else "",
        submitter=user if mode == IdentityMode.NAMED_ACCOUNT else None,
        contact_name=text_as_typed(s.contact_name) if mode == IdentityMode.NAMED_CONTACT else "",
        contact_email=s.contact_email.strip() if mode == IdentityMode.NAMED_CONTACT else "",
        share_name=s.share_name and not anonymous,
        urgent=urgent, urgent_reported=s.urgent_reported, risk_terms=risk,
        worried_about_reaction=s.worried_about_reaction,
        receipt_hash=receipts.code_hash(receipts.code_for_token(token)) if gives_receipt else None,
        submission_key=key,
        received_at=received_at, policy=snapshot,
    )
    deadlines_refresh(case=case, as_of=received_at)
    person = Actor.person(case)
    CaseEvent.record(case=case, actor=person, action=EventAction.SUBMITTED,
                     to_state=State.SUBMITTED,
                     data={"urgent": urgent, "risk_found": bool(risk),
                           "identifying_details_sent_anyway": s.identifying_details_sent_anyway},
                     at=received_at)
    # People who fear the provider's reaction are heard by the commissioner's moderators first;
    # details an anonymous person chose to send anyway are checked before the provider sees them.
    if s.worried_about_reaction or s.identifying_details_sent_anyway:
        reason = "worried_about_reaction" if s.worried_about_reaction else "identifying_details"
        case_transition(case=case, to=State.IN_MODERATION, actor=Actor.system(), reason=reason,
                        at=received_at)
    else:
        case_transition(case=case, to=State.WITH_PROVIDER, actor=Actor.system(), at=received_at)
        # Urgent cases reach every manager as well as the staff; others the staff only.
        roles = [Role.STAFF, Role.MANAGER] if urgent else [Role.STAFF]
        staff_notify(case=case, users=provider_members(provider=case.provider, roles=roles),
                     event="new_case")
    if case.email_for_notices:
        email_queue(to=case.email_for_notices, purpose="receipt", language=case.language,
                    case=case, context={"case": case,
                                        "receipt_code": receipts.code_for_token(token)
                                        if gives_receipt else None})
    return case


@transaction.atomic
def case_receipt_kept(*, case: Case) -> None:
    """Note that the person said they kept their receipt code (once, even if sent twice)."""
    if not Case.objects.filter(pk=case.pk, receipt_kept=False).update(
            receipt_kept=True, updated_at=timezone.now()):
        return
    case.receipt_kept = True
    CaseEvent.record(case=case, actor=Actor.person(case), action=EventAction.RECEIPT_KEPT)
