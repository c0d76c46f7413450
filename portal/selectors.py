"""Reads about organisations and who belongs to them."""

from django.db.models import QuerySet

from .models import COMMISSIONER_ROLES, PROVIDER_ROLES, Membership, Role, User


def provider_members(*, provider, roles=PROVIDER_ROLES) -> QuerySet[User]:
    """Active people with one of `roles` at `provider`."""
    return User.objects.filter(is_active=True, memberships__provider=provider,
                               memberships__role__in=roles).distinct()


def commissioner_members(*, commissioner, roles=COMMISSIONER_ROLES) -> QuerySet[User]:
    """Active people with one of `roles` at `commissioner`."""
    return User.objects.filter(is_active=True, memberships__commissioner=commissioner,
                               memberships__role__in=roles).distinct()


def provider_membership(*, user, provider=None) -> Membership | None:
    """The user's membership of a provider (of `provider` if given), or None."""
    if not user.is_authenticated:
        return None
    memberships = Membership.objects.filter(user=user, role__in=PROVIDER_ROLES,
                                            provider__isnull=False).select_related("provider")
    if provider is not None:
        memberships = memberships.filter(provider=provider)
    return memberships.order_by("id").first()


def is_manager(*, user, provider) -> bool:
    return Membership.objects.filter(user=user, provider=provider, role=Role.MANAGER).exists()
