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


def is_manager(*, user, provider) -> bool:
    return Membership.objects.filter(user=user, provider=provider, role=Role.MANAGER).exists()
