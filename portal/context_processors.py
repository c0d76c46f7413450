"""What every page needs to know about the signed-in person's roles (for the navigation only;
permission checks happen in the views)."""

from .models import PROVIDER_ROLES


def roles(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"is_provider_member": False}
    return {"is_provider_member": user.memberships.filter(role__in=PROVIDER_ROLES).exists()}
