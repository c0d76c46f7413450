"""What every page needs to know: the signed-in person's roles (for the navigation only;
permission checks happen in the views), and whether the demo's emails go to the terminal."""

from django.conf import settings

from .models import PROVIDER_ROLES


def roles(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"is_provider_member": False}
    return {"is_provider_member": user.memberships.filter(role__in=PROVIDER_ROLES).exists()}


def demo_email(request):
    """Whether pages that promise an email should say where it went: in development with the
    console backend, emails are printed in the terminal, never sent."""
    return {"emails_printed_in_terminal": settings.DEBUG and settings.EMAIL_BACKEND
            == "django.core.mail.backends.console.EmailBackend"}
