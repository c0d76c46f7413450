"""Who may see and do what with a case: one policy, asked by views, never re-decided in templates.

Provider staff and managers see their own provider's cases only, and never a case still with the
commissioner's moderators (the person may have asked for that). Anyone else gets a 404 for a case
page, as if it did not exist.
"""

from django.db.models import QuerySet

from portal.models import PROVIDER_ROLES, Membership, Role

from .models import Case
from .workflow import State

# Actions on a case page, and the provider roles that may take them.
STAFF_ACTIONS = frozenset({
    "view", "acknowledge", "reply", "ask", "note", "take", "extend", "outcome", "resolve",
    "callback", "resume",
})
MANAGER_ACTIONS = STAFF_ACTIONS | {"assign", "decide_extension"}
HIDDEN_FROM_PROVIDER = (State.IN_MODERATION,)


def provider_memberships(user) -> list[Membership]:
    if not user.is_authenticated:
        return []
    return list(Membership.objects.filter(user=user, role__in=PROVIDER_ROLES,
                                          provider__isnull=False))


def cases_visible_to_provider_member(*, user) -> QuerySet[Case]:
    """Every case the user may open as provider staff or manager."""
    providers = [m.provider_id for m in provider_memberships(user)]
    return Case.objects.filter(provider_id__in=providers).exclude(state__in=HIDDEN_FROM_PROVIDER)


def provider_role(user, case: Case) -> str | None:
    """The user's role at the case's provider, or None."""
    for membership in provider_memberships(user):
        if membership.provider_id == case.provider_id:
            return membership.role
    return None


def allowed_actions(user, case: Case) -> frozenset[str]:
    """Every action `user` may take on `case` from the provider side (one lookup of their role)."""
    if case.state in HIDDEN_FROM_PROVIDER:
        return frozenset()
    role = provider_role(user, case)
    if role == Role.MANAGER:
        return MANAGER_ACTIONS
    if role == Role.STAFF:
        return STAFF_ACTIONS
    return frozenset()


def can(user, action: str, case: Case) -> bool:
    """May `user` take `action` on `case` from the provider side?"""
    return action in allowed_actions(user, case)
