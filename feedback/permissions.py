"""The case policy: who may take which action on a case in which state, as one table of rows.

The same rows answer two questions. Pages ask "what may this viewer do to this case now?"
(`allowed_actions`) to build their buttons; every service asks again, after it has locked the
case row, "may this write happen?" (`require`), and a refusal raises `ActionRefused` before
anything is written. A page hiding a button is a courtesy; the service's refusal is the rule.

Provider staff never see a case still with the commissioner's moderators (the person may have
asked for that), and anyone outside the case's organisations gets a 404, as if it did not exist.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from portal.models import PROVIDER_ROLES, Membership, Role

from .models import Case
from .vocabulary import Action, ActionRefused, Actor, ActorKind, State, Who

S = State
PROVIDER = frozenset({Who.PROVIDER_STAFF, Who.PROVIDER_MANAGER})
MANAGER = frozenset({Who.PROVIDER_MANAGER})
# The provider owes the person an answer, or is answering again after a reopening.
ANSWERING = frozenset({S.WITH_PROVIDER, S.ACKNOWLEDGED, S.RESPONDED, S.REOPENED})
# Not answered yet: the response clock is running (or paused).
UNANSWERED = frozenset({S.WITH_PROVIDER, S.ACKNOWLEDGED})
# What the provider may open: everything but what moderators still hold.
PROVIDER_SEES = ANSWERING | {S.RESOLVED, S.ESCALATED, S.CLOSED}
# An escalated case belongs to the commissioner: the provider reads it and writes internal notes,
# nothing the person or the audit would see as the provider's answer.
PROVIDER_WORKS = PROVIDER_SEES - {S.CLOSED}
EVERY_STATE = frozenset(State)

# (action, states, who may take it). A (state, action) with no row is refused to everyone: a
# closed case takes no more actions.
ROWS: list[tuple[Action, frozenset[State], frozenset[Who]]] = [
    (Action.VIEW, PROVIDER_SEES, PROVIDER),
    (Action.ACKNOWLEDGE, frozenset({S.WITH_PROVIDER, S.REOPENED}), PROVIDER),
    (Action.REPLY, ANSWERING | {S.RESOLVED}, PROVIDER),
    (Action.QUESTION, UNANSWERED, PROVIDER),
    (Action.RESUME, ANSWERING, PROVIDER),
    (Action.NOTE, PROVIDER_WORKS, PROVIDER),
    (Action.ASSIGN, PROVIDER_WORKS, MANAGER),
    (Action.TAKE, PROVIDER_WORKS, PROVIDER),
    (Action.EXTEND, UNANSWERED, PROVIDER),
    (Action.DECIDE_EXTENSION, UNANSWERED, MANAGER),
    (Action.OUTCOME, ANSWERING, PROVIDER),
    (Action.RESOLVE, frozenset({S.RESPONDED, S.REOPENED}), PROVIDER),
    (Action.REOPEN, frozenset({S.RESOLVED}), PROVIDER),
    (Action.REOPEN, frozenset({S.CLOSED}), frozenset({Who.ADMINISTRATOR})),
    # PRODUCT.md §4: the phone number is for the staff handling the case, no one else.
    (Action.CALLBACK_ATTEMPT, ANSWERING | {S.RESOLVED}, frozenset({Who.ASSIGNEE})),
    (Action.SEE_PHONE, ANSWERING | {S.RESOLVED}, frozenset({Who.ASSIGNEE})),
    # The person, however they prove it is them (account or receipt code).
    (Action.FOLLOW, EVERY_STATE, frozenset({Who.PERSON})),
    (Action.PERSON_REPLY, EVERY_STATE - {S.CLOSED}, frozenset({Who.PERSON})),
    (Action.CALLBACK_REQUEST, ANSWERING | {S.IN_MODERATION, S.RESOLVED},
     frozenset({Who.PERSON})),
    (Action.ESCALATE, frozenset({S.RESOLVED}), frozenset({Who.PERSON})),
    # The portal itself.
    (Action.ROUTE, frozenset({S.SUBMITTED}), frozenset({Who.SYSTEM})),
    (Action.CLOSE, frozenset({S.RESOLVED}), frozenset({Who.SYSTEM})),
    (Action.RESUME_AT_CAP, ANSWERING, frozenset({Who.SYSTEM})),
    # The commissioner's moderators hold a case in moderation alone.
    (Action.MODERATE_APPROVE, frozenset({S.IN_MODERATION}), frozenset({Who.MODERATOR})),
    (Action.MODERATE_KEEP, frozenset({S.IN_MODERATION}), frozenset({Who.MODERATOR})),
    (Action.MODERATE_REJECT, frozenset({S.IN_MODERATION}), frozenset({Who.MODERATOR})),
]


def _table(rows) -> dict[tuple[State, Action], frozenset[Who]]:
    table: dict[tuple[State, Action], frozenset[Who]] = {}
    for action, states, who in rows:
        for state in states:
            table[(state, action)] = table.get((state, action), frozenset()) | who
    return table


RULES = _table(ROWS)


@dataclass
class Facts:
    """What a rule may need beyond the state, read once per question."""

    case: Case
    user: object | None = None
    _paused: bool | None = field(default=None, repr=False)

    @cached_property
    def paused(self) -> bool:
        if self._paused is not None:
            return self._paused
        return self.case.pauses.filter(ended_at__isnull=True).exists()


# Facts that refuse an action the state allows: (test that refuses, why, in plain words).
Condition = tuple[Callable[[Facts], bool], Callable[[], str]]
CONDITIONS: dict[Action, list[Condition]] = {
    Action.QUESTION: [(lambda f: f.paused,
                       lambda: _("You are already waiting for the person's answer."))],
    Action.RESUME: [(lambda f: not f.paused,
                     lambda: _("The clock is not waiting for the person."))],
    Action.RESUME_AT_CAP: [(lambda f: not f.paused,
                            lambda: _("The clock is not waiting for the person."))],
    Action.TAKE: [(lambda f: f.user is not None and f.case.assignee_id == f.user.pk,
                   lambda: _("This case is already assigned to you."))],
}


def parts(actor: Actor, case: Case) -> frozenset[Who]:
    """The parts `actor` plays on `case`: the person, the portal, or what their memberships of
    the case's provider and commissioner make them (one query)."""
    if actor.kind == ActorKind.PERSON:
        return frozenset({Who.PERSON})
    if actor.kind == ActorKind.SYSTEM:
        return frozenset({Who.SYSTEM})
    user = actor.user
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    found: set[Who] = set()
    if actor.kind == ActorKind.ADMINISTRATOR and user.is_superuser:
        found.add(Who.ADMINISTRATOR)
    roles = Membership.objects.filter(
        Q(provider_id=case.provider_id, role__in=PROVIDER_ROLES)
        | Q(commissioner_id=case.commissioner_id), user=user).values_list("role", flat=True)
    for role in roles:
        found.add({Role.STAFF: Who.PROVIDER_STAFF, Role.MANAGER: Who.PROVIDER_MANAGER,
                   Role.MODERATOR: Who.MODERATOR, Role.COMMISSIONER: Who.COMMISSIONER}[role])
    if case.assignee_id == user.pk and found & PROVIDER:
        found.add(Who.ASSIGNEE)
    return frozenset(found)


def refusal(action: Action, case: Case, *, actor: Actor, who: frozenset[Who] | None = None,
            paused: bool | None = None) -> ActionRefused | None:
    """Why `actor` may not take `action` on `case` now, or None if they may."""
    who = parts(actor, case) if who is None else who
    allowed = RULES.get((case.state, action), frozenset())
    if not who & allowed:
        if not who & _ever_allowed(action):
            return ActionRefused(action, _("Your role does not allow this action."), status=403)
        return ActionRefused(action, _("This cannot be done while the case is “%(state)s”.")
                             % {"state": case.get_state_display()})
    facts = Facts(case, actor.user, paused)
    for refuses, why in CONDITIONS.get(action, ()):
        if refuses(facts):
            return ActionRefused(action, why())
    return None


def require(action: Action, case: Case, *, actor: Actor) -> None:
    """Raise ActionRefused unless `actor` may take `action` on `case` as it is stored now (the
    caller holds the case's row lock)."""
    refused = refusal(action, case, actor=actor)
    if refused is not None:
        raise refused


def allowed_actions(case: Case, *, actor: Actor, paused: bool | None = None,
                    actions: Iterable[Action] = Action) -> frozenset[Action]:
    """Every action `actor` may take on `case` now: what a page offers."""
    who = parts(actor, case)
    return frozenset(action for action in actions
                     if refusal(action, case, actor=actor, who=who, paused=paused) is None)


def can(user, action: Action, case: Case) -> bool:
    """May provider member `user` take `action` on `case` now?"""
    return refusal(action, case, actor=Actor.staff(user)) is None


def states_where(action: Action, who: Iterable[Who]) -> frozenset[State]:
    """The states in which any of `who` may take `action`."""
    who = frozenset(who)
    return frozenset(state for (state, act), allowed in RULES.items()
                     if act == action and allowed & who)


def _ever_allowed(action: Action) -> frozenset[Who]:
    return frozenset().union(*(who for (_state, act), who in RULES.items() if act == action))


def cases_visible_to_provider_member(*, user) -> QuerySet[Case]:
    """Every case the user may open as provider staff or manager."""
    if not user.is_authenticated:
        return Case.objects.none()
    providers = Membership.objects.filter(user=user, role__in=PROVIDER_ROLES,
                                          provider__isnull=False).values("provider_id")
    return Case.objects.filter(provider_id__in=providers,
                               state__in=states_where(Action.VIEW, PROVIDER))
