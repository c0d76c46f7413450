"""Who may use every URL the portal answers: each pattern of the URLconf × every role × the case's
own or another organisation × every state a case can rest in.

The patterns come from the resolver, so a new URL without a row here fails the suite. Each
request runs in a savepoint that is rolled back, against one world built once through the real
services; a refused request must leave the case, its log, its messages and its emails as they
were. The expected answers are written out below, by hand: they are the portal's access rules as
a reader would state them, checked against what the views and the case policy do.
"""

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from feedback import receipts, services
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
from feedback.vocabulary import Actor, State
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

S = State
ROLES = ("visitor", "service_user", "owner", "code_holder",
         "staff_own", "assignee_own", "manager_own", "staff_other", "manager_other",
         "moderator_own", "moderator_other", "commissioner_own", "commissioner_other",
         "administrator")
SIGNED_IN = frozenset(ROLES) - {"visitor", "code_holder"}
# States a case can rest in. "Submitted" lasts no time: a case is routed in the transaction that
# receives it, so no request can ever meet it.
STATES = (S.IN_MODERATION, S.WITH_PROVIDER, S.ACKNOWLEDGED, S.RESPONDED, S.RESOLVED, S.CLOSED,
          S.ESCALATED, S.REOPENED)

# --- the rules, as a reader would state them ---------------------------------------------------

MEMBERS = frozenset({"staff_own", "assignee_own", "manager_own"})
OTHER_MEMBERS = frozenset({"staff_other", "manager_other"})
PROVIDER_SEES = frozenset(STATES) - {S.IN_MODERATION}
ANSWERING = frozenset({S.WITH_PROVIDER, S.ACKNOWLEDGED, S.RESPONDED, S.REOPENED})
UNANSWERED = frozenset({S.WITH_PROVIDER, S.ACKNOWLEDGED})

# Provider case URLs: (states where it works, roles it works for). Elsewhere a member of the
# case's provider gets 403 if their role never allows it, 409 if the case's state (or a fact
# about it: already theirs, nothing to resume) does not allow it now.
PROVIDER_RULES = {
    "provider:case": (PROVIDER_SEES, MEMBERS),
    "provider:acknowledge": ({S.WITH_PROVIDER, S.REOPENED}, MEMBERS),
    "provider:reply": (ANSWERING | {S.RESOLVED}, MEMBERS),
    "provider:question": (UNANSWERED, MEMBERS),
    "provider:resume": (UNANSWERED, MEMBERS),
    "provider:note": (PROVIDER_SEES - {S.CLOSED}, MEMBERS),
    "provider:assign": (PROVIDER_SEES - {S.CLOSED}, {"manager_own"}),
    # The assignee has it already.
    "provider:take": (PROVIDER_SEES - {S.CLOSED}, {"staff_own", "manager_own"}),
    "provider:extend": (UNANSWERED, MEMBERS),
    "provider:decide_extension": (UNANSWERED, {"manager_own"}),
    "provider:outcome": (ANSWERING, MEMBERS),
    "provider:resolve": ({S.RESPONDED, S.REOPENED}, MEMBERS),
    "provider:reopen": ({S.RESOLVED}, MEMBERS),
    # PRODUCT.md §4: only the member handling the case phones the person.
    "provider:callback_attempt": (ANSWERING | {S.RESOLVED}, {"assignee_own"}),
}
NEVER_FOR = {"provider:assign": {"staff_own", "assignee_own"},
             "provider:decide_extension": {"staff_own", "assignee_own"},
             "provider:callback_attempt": {"staff_own", "manager_own"}}

# The person's URLs: states where the person may do it (they see their case in every state).
PERSON_RULES = {
    "feedback:track_case": frozenset(STATES),
    "feedback:track_reply": frozenset(STATES) - {S.CLOSED},
    "feedback:track_callback": ANSWERING | {S.IN_MODERATION, S.RESOLVED},
    "feedback:track_escalate": frozenset({S.RESOLVED}),
}


# --- the world ---------------------------------------------------------------------------------

@dataclass
class World:
    people: dict
    service: object
    contact: dict = field(default_factory=dict)   # state → case with a receipt code
    account: dict = field(default_factory=dict)   # state → case sent from the owner's account
    tokens: dict = field(default_factory=dict)    # case id → form token (its receipt code)
    clients: dict = field(default_factory=dict)


def _people():
    commissioner, other_commissioner = CommissionerFactory(), CommissionerFactory()
    own, other = ProviderFactory(commissioners=[commissioner]), ProviderFactory(
        commissioners=[other_commissioner])
    people = {
        "service_user": UserFactory(), "owner": UserFactory(),
        "staff_own": provider_member(provider=own),
        "assignee_own": provider_member(provider=own),
        "manager_own": provider_member(provider=own, role=Role.MANAGER),
        "staff_other": provider_member(provider=other),
        "manager_other": provider_member(provider=other, role=Role.MANAGER),
        "administrator": UserFactory(is_staff=True, is_superuser=True),
    }
    for role, kind in (("moderator", Role.MODERATOR), ("commissioner", Role.COMMISSIONER)):
        people[f"{role}_own"] = MembershipFactory(role=kind, provider=None,
                                                  commissioner=commissioner).user
        people[f"{role}_other"] = MembershipFactory(role=kind, provider=None,
                                                    commissioner=other_commissioner).user
    return people, ServiceFactory(provider=own, commissioner=commissioner)


def _case_in(world: World, state: str, mode: str):
    """A case brought to `state` through the services, with a callback asked for, a colleague's
    pending request for more time (while the answer is owed) and an assignee."""
    p = world.people
    token = f"{mode}-{state}"
    case = case_submit(submission=Submission(
        service=world.service, kind="complaint", what_happened="Nobody called me back.",
        language="en", identity_mode=mode,
        contact_name="Ada Lovelace" if mode == "named_contact" else "",
        contact_email="ada@example.org" if mode == "named_contact" else "",
        worried_about_reaction=state == S.IN_MODERATION), token=token,
        user=p["owner"] if mode == "named_account" else None).case
    world.tokens[case.pk] = token
    services.callback_request(case=case, phone="07700 900123", good_times="mornings")
    if state == S.IN_MODERATION:
        return case
    staff = p["staff_own"]
    services.extension_request(case=case, user=staff, amount=1, reason="Records.")
    services.case_assign(case=case, user=p["manager_own"], assignee=p["assignee_own"])
    if state == S.WITH_PROVIDER:
        return case
    services.case_acknowledge(case=case, user=staff, body="We have read it.")
    if state == S.ACKNOWLEDGED:
        return case
    services.message_to_person(case=case, user=staff, body="Our answer.")
    services.outcome_record(case=case, user=staff, outcome="upheld", actions_taken="",
                            service_changed=False)
    if state == S.RESPONDED:
        return case
    services.case_resolve(case=case, user=staff)
    if state == S.CLOSED:
        services.case_close(case=case, reason="quiet", at=timezone.now())
    elif state == S.ESCALATED:
        services.case_escalate_by_person(case=case, reason="Not satisfied.")
    elif state == S.REOPENED:
        services.case_reopen(case=case, actor=Actor.staff(staff), reason="They wrote back.")
    return case


@pytest.fixture
def world():
    people, service = _people()
    world = World(people=people, service=service)
    for state in STATES:
        world.contact[state] = _case_in(world, state, "named_contact")
        world.account[state] = _case_in(world, state, "named_account")
    for case in [*world.contact.values(), *world.account.values()]:
        case.refresh_from_db()
        assert case.state in STATES
    assert {c.state for c in world.contact.values()} == set(STATES)
    for role in ROLES:
        client = Client()
        if role in people:
            client.force_login(people[role])
        if role == "code_holder":
            for case in world.contact.values():
                client.post(reverse("feedback:track"),
                            {"code": receipts.code_for_token(world.tokens[case.pk])})
        world.clients[role] = client
    return world


def written(case) -> tuple:
    """Everything a request could change about a case."""
    case.refresh_from_db()
    return (case.state, case.assignee_id, case.outcome, case.acknowledged_at,
            case.first_response_at, case.respond_due_at, case.resolved_at, case.closed_at,
            case.escalated_at,
            CaseEvent.objects.filter(case=case).count(), Message.objects.filter(case=case).count(),
            list(Extension.objects.filter(case=case).values_list("status", flat=True)),
            ClockPause.objects.filter(case=case).count(),
            CallbackAttempt.objects.filter(callback__case=case).count(),
            case.callbacks.count(), CaseAccess.objects.filter(case=case).count(),
            OutboxEmail.objects.filter(case=case).count())


def everything() -> tuple:
    return (CaseEvent.objects.count(), Message.objects.count(), OutboxEmail.objects.count(),
            Extension.objects.count(), CaseAccess.objects.count())


# --- the rows: one per URL pattern ---------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    """How to call a URL and what each role must get. `check(world, role, case, response)`
    returns None when the answer is right, else what was wrong."""

    method: str
    kind: str  # "provider_case", "person_case", "page", "admin", "account"
    data: dict | Callable = field(default_factory=dict)
    public: bool = True   # for "page" and "account": open to visitors


def _is_sign_in(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(
        reverse("account_login"))


PROVIDER_ROWS = {
    "provider:case": Row("get", "provider_case"),
    "provider:acknowledge": Row("post", "provider_case", {"acknowledge-body": "Read."}),
    "provider:reply": Row("post", "provider_case", {"reply-body": "Our answer <5mg."}),
    "provider:question": Row("post", "provider_case", {"question-body": "Which day?"}),
    "provider:resume": Row("post", "provider_case"),
    "provider:note": Row("post", "provider_case", {"note-body": "Check the rota."}),
    "provider:assign": Row("post", "provider_case",
                           lambda w: {"assign-assignee": str(w.people["staff_own"].pk)}),
    "provider:take": Row("post", "provider_case"),
    "provider:extend": Row("post", "provider_case",
                           {"extend-amount": "1", "extend-reason": "Records."}),
    "provider:decide_extension": Row("post", "provider_case", {"decision": "approve"}),
    "provider:outcome": Row("post", "provider_case",
                            {"outcome-outcome": "partly_upheld", "outcome-actions_taken": ""}),
    "provider:resolve": Row("post", "provider_case"),
    "provider:reopen": Row("post", "provider_case", {"reopen-reason": "They wrote back."}),
    "provider:callback_attempt": Row("post", "provider_case", {"result": "reached"}),
}
PERSON_ROWS = {
    "feedback:track_case": Row("get", "person_case"),
    "feedback:track_reply": Row("post", "person_case", {"body": "Any news? <b>now</b>"}),
    "feedback:track_callback": Row("post", "person_case",
                                   {"phone": "07700 900999", "good_times": "after 5"}),
    "feedback:track_escalate": Row("post", "person_case", {"reason": "Not satisfied."}),
}
PAGE_ROWS = {
    "feedback:home": Row("get", "page"),
    "feedback:services": Row("get", "page"),
    "feedback:service": Row("get", "page"),
    "feedback:new": Row("get", "page"),
    "feedback:track": Row("get", "page"),
    "feedback:track_leave": Row("post", "page"),
    "feedback:my_feedback": Row("get", "page", public=False),
    # The confirmation and its receipt are for the browser that sent the case: nobody here did.
    "feedback:sent": Row("get", "sender_only"),
    "feedback:receipt": Row("post", "sender_only"),
    "provider:inbox": Row("get", "inbox"),
    "set_language": Row("post", "page", {"language": "fr-ca", "next": "/"}),
}
# django-allauth's pages: open to visitors, or for signed-in people only.
ACCOUNT_PUBLIC = {"account_login", "account_signup", "account_inactive",
                  "account_email_verification_sent", "account_reset_password",
                  "account_reset_password_done", "account_reset_password_from_key_done",
                  "account_confirm_email", "account_reset_password_from_key"}
# Steps of a sign-in under way (a code, the second factor) and signing out: a visitor with
# nothing under way is sent to sign in.
ACCOUNT_STAGES = {"account_confirm_login_code", "mfa_authenticate"}
ACCOUNT_SIGNED_IN = {"account_reauthenticate", "account_email", "account_change_password",
                     "account_set_password", "mfa_index", "mfa_reauthenticate",
                     "mfa_activate_totp", "mfa_generate_recovery_codes",
                     "account_logout"} | ACCOUNT_STAGES
# Pages about an authenticator: "not found" until the person has set one up.
ACCOUNT_NEEDS_AUTHENTICATOR = {"mfa_deactivate_totp", "mfa_view_recovery_codes",
                               "mfa_download_recovery_codes"}


def _walk(resolver=None, prefix="", namespace=None):
    """Every URL pattern: (route, qualified name or None, pattern)."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            space = ":".join(n for n in (namespace, pattern.namespace) if n) \
                if pattern.namespace else namespace
            yield from _walk(pattern, prefix + str(pattern.pattern), space)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            yield prefix + str(pattern.pattern), name, pattern


def _row_for(route: str, name: str | None) -> Row | None:
    for rows in (PROVIDER_ROWS, PERSON_ROWS, PAGE_ROWS):
        if name in rows:
            return rows[name]
    if name in ACCOUNT_PUBLIC | ACCOUNT_SIGNED_IN | ACCOUNT_NEEDS_AUTHENTICATOR:
        return Row("get", "account", public=name in ACCOUNT_PUBLIC)
    if route.startswith("admin/"):
        return Row("get", "admin")
    return None


# --- one request, checked ----------------------------------------------------------------------

def _provider_url(name, case):
    args = [case.reference]
    if name == "provider:decide_extension":
        extension = case.extensions.first()
        args.append(extension.pk if extension else 0)
    elif name == "provider:callback_attempt":
        args.append(case.callbacks.get().pk)
    return reverse(name, args=args)


def _provider_expected(name, role, state) -> int:
    if role not in SIGNED_IN:
        return 302
    if role not in MEMBERS or state == S.IN_MODERATION:
        return 404
    states, roles = PROVIDER_RULES[name]
    if role in roles and state in states:
        return 200 if name == "provider:case" else 302
    return 403 if role in NEVER_FOR.get(name, ()) else 409


def _check_provider(world, name, row, role, state) -> str | None:
    case = world.contact[state]
    client = world.clients[role]
    if name == "provider:resume" and state in UNANSWERED:
        # Something to resume: the case waits for the person's answer.
        services.question_ask(case=case, user=world.people["staff_own"], body="Which day?")
    data = row.data(world) if callable(row.data) else dict(row.data)
    if name == "provider:callback_attempt":
        data = {f"callback-{case.callbacks.get().pk}-{k}": v for k, v in data.items()}
    before = written(case)
    response = getattr(client, row.method)(_provider_url(name, case), data)
    expected = _provider_expected(name, role, state)
    if response.status_code != expected:
        return f"got {response.status_code}, expected {expected}"
    if role not in SIGNED_IN and not _is_sign_in(response):
        return "a visitor is not sent to sign in"
    changed = written(case) != before
    if expected in (200, 302) and role in SIGNED_IN:
        if not changed:
            return "allowed, but nothing was written"
        if expected == 302 and response["Location"] != reverse("provider:case",
                                                                args=[case.reference]):
            return f"redirected to {response['Location']}"
    elif changed:
        return "refused, but something was written"
    if expected == 404 and "Nobody called me back." in response.content.decode():
        return "a 404 page shows the case's words"
    return None


def _check_person(world, name, row, role, state) -> str | None:
    failures = []
    for which, holder in (("contact", "code_holder"), ("account", "owner")):
        case = getattr(world, which)[state]
        before = written(case)
        response = getattr(world.clients[role], row.method)(
            reverse(name, args=[case.reference]), dict(row.data))
        if role != holder:
            expected = 404
        elif state in PERSON_RULES[name]:
            expected = 200 if row.method == "get" else 302
        else:
            expected = 409
        if response.status_code != expected:
            failures.append(f"{which} case: got {response.status_code}, expected {expected}")
            continue
        changed = written(case) != before
        if expected == 302 and not changed:
            failures.append(f"{which} case: allowed, but nothing was written")
        if expected in (404, 409) and changed:
            failures.append(f"{which} case: refused, but something was written")
    return "; ".join(failures) or None


def _page_url(name, world):
    case = world.contact[S.WITH_PROVIDER]
    if name == "feedback:service":
        return reverse(name, args=[world.service.slug])
    if name in ("feedback:sent", "feedback:receipt"):
        return reverse(name, args=[case.reference])
    return reverse(name)


def _check_page(world, name, row, role) -> str | None:
    before = everything()
    data = row.data(world) if callable(row.data) else dict(row.data)
    # A copy of the browser: what a page does to its cookies (leaving, a language) stays there.
    client = Client()
    client.cookies = copy.deepcopy(world.clients[role].cookies)
    response = getattr(client, row.method)(_page_url(name, world), data)
    status = response.status_code
    if row.kind == "sender_only":
        expected = {404}
    elif row.kind == "inbox":
        expected = ({302} if role not in SIGNED_IN
                    else {200} if role in MEMBERS | OTHER_MEMBERS else {404})
    elif not row.public and role not in SIGNED_IN:
        expected = {302}
    else:
        expected = {200} if row.method == "get" else {302}
    if status not in expected:
        return f"got {status}, expected {sorted(expected)}"
    if row.method == "post" and everything() != before:
        return "a page that writes nothing wrote something"
    if name == "provider:inbox" and status == 200:
        page = response.content.decode()
        own_case = world.contact[S.WITH_PROVIDER].reference
        if (own_case in page) != (role in MEMBERS):
            return "the inbox shows another provider's case, or not its own"
        if world.contact[S.IN_MODERATION].reference in page:
            return "the inbox shows a case still in moderation"
    return None


def _check_account(world, route, name, row, role) -> str | None:
    kwargs = {}
    if name == "account_confirm_email":
        kwargs = {"key": "not-a-real-key"}
    elif name == "account_reset_password_from_key":
        kwargs = {"uidb36": "1", "key": "not-a-real-key"}
    response = world.clients[role].get(reverse(name, kwargs=kwargs))
    status = response.status_code
    if status >= 500:
        return f"got {status}"
    if role not in SIGNED_IN:
        if row.public and status not in (200, 400):
            return f"a public account page answered a visitor {status}"
        signing_out = name == "account_logout" and status == 302
        if not row.public and not signing_out and not (
                status == 302 and "/login/" in response["Location"]):
            return f"a signed-in account page answered a visitor {status}"
    elif status not in (200, 302, 400, 405) and not (
            status == 404 and name in ACCOUNT_NEEDS_AUTHENTICATOR):
        return f"got {status}"
    return None


def _admin_url(route: str, pattern, world) -> str | None:
    """A concrete address for an admin pattern, with an existing object where it takes one."""
    from django.apps import apps

    parts = route.split("/")
    converters = {"<app_label>": "feedback", "<int:content_type_id>": "1"}
    if route.startswith("admin/r/"):
        return None  # "view on site" needs an object with an address; none of ours has one
    url = route
    for placeholder in ("<path:object_id>", "<id>"):
        if placeholder in url:
            app, model = parts[1], parts[2]
            instance = apps.get_model(app, model).objects.order_by("pk").first()
            url = url.replace(placeholder, str(instance.pk if instance else 999999))
    for placeholder, value in converters.items():
        url = url.replace(placeholder, value)
    if "(?P<url>" in url:
        return "/admin/no-such-page/"
    if "^" in url or "(?P<app_label>" in url:
        url = "admin/feedback/"
    return "/" + url


READ_ONLY_ADMIN = ("case", "caseevent", "caseaccess", "message", "callbackrequest",
                   "outboxemail", "notice", "extension", "clockpause", "callbackattempt")


def _check_admin(world, route, pattern, role) -> str | None:
    url = _admin_url(route, pattern, world)
    if url is None:
        return None
    response = world.clients[role].get(url)
    status = response.status_code
    if route == "admin/login/":
        return None if status in (200, 302) else f"login page answered {status}"
    if route == "admin/logout/":
        # Signing out is a POST; a GET changes nothing for anyone.
        return None if status in (302, 405) else f"logout answered {status}"
    if role != "administrator":
        if status != 302 or "/admin/login/" not in response["Location"]:
            return f"a non-administrator got {status} from {url}"
        return None
    if "(?P<url>" in route:
        return None if status == 404 else f"an unknown admin page answered {status}"
    if status >= 500 or status == 404:
        return f"the administrator got {status} from {url}"
    model = route.split("/")[2] if route.count("/") >= 3 else ""
    if model in READ_ONLY_ADMIN and (route.endswith("add/") or route.endswith("delete/")):
        if status != 403:
            return f"{url} is not refused to the administrator ({status})"
    return None


# --- the test ----------------------------------------------------------------------------------

def test_every_url_answers_every_role_as_the_rules_say(world, capsys):
    patterns = list(_walk())
    missing = [route for route, name, _pattern in patterns if _row_for(route, name) is None]
    assert not missing, f"URLs with no row in the permission matrix: {missing}"

    failures, checks = [], 0
    for route, name, pattern in patterns:
        row = _row_for(route, name)
        states = STATES if row.kind in ("provider_case", "person_case") else (None,)
        roles = ROLES if row.kind != "admin" else ("visitor", "service_user", "staff_own",
                                                   "manager_own", "moderator_own",
                                                   "commissioner_own", "administrator")
        for role in roles:
            for state in states:
                with transaction.atomic():
                    if row.kind == "provider_case":
                        problem = _check_provider(world, name, row, role, state)
                    elif row.kind == "person_case":
                        problem = _check_person(world, name, row, role, state)
                    elif row.kind == "account":
                        problem = _check_account(world, route, name, row, role)
                    elif row.kind == "admin":
                        problem = _check_admin(world, route, pattern, role)
                    else:
                        problem = _check_page(world, name, row, role)
                    transaction.set_rollback(True)
                checks += 1
                if problem:
                    failures.append(f"{name or route} as {role}"
                                    f"{f' ({state})' if state else ''}: {problem}")
    with capsys.disabled():
        print(f"\nPermission matrix: {len(patterns)} URL patterns, 100 % with a row; "
              f"{checks} role × state checks.")
    assert not failures, f"{len(failures)} wrong answers:\n" + "\n".join(failures[:60])
