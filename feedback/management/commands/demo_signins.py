"""`manage.py demo_signins`: who to sign in as in the demo, and a receipt code to try at /track/."""

from django.conf import settings
from django.core.management.base import BaseCommand

from feedback import demo_data as data
from feedback import receipts
from feedback.models import Case
from portal.models import Role, User

ROLE_LABELS = {"admin": "Administrator", "service_user": "Service user",
               **{role.value: str(role.label) for role in Role}}


def signin_rows(emails: set[str]) -> list[tuple[str, str, str, str, str]]:
    """(role, organisation, email, password, what to try) for each demo account in `emails`."""
    organisations = {c["slug"]: c["short_name"] for c in data.COMMISSIONERS}
    organisations.update({p["slug"]: p["name"] for p in data.PROVIDERS})
    hints = {role: hint.format(admin=f"/{settings.ADMIN_PATH}") for role, hint in
             data.ROLE_HINTS.items()}
    return [(ROLE_LABELS[u["role"]], organisations.get(u.get("org"), "—"), u["email"],
             data.DEMO_PASSWORD, hints[u["role"]])
            for u in data.USERS if u["email"] in emails]


def table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()
            for row in rows]


class Command(BaseCommand):
    help = "Print the demo sign-ins (made by seed_demo) and a receipt code for an anonymous case."

    def handle(self, *args, **options):
        emails = set(User.objects.filter(email__in=[u["email"] for u in data.USERS])
                     .values_list("email", flat=True))
        if not emails:
            self.stdout.write("No demo accounts yet: run `manage.py seed_demo` first.")
            return
        self.stdout.write(f"Demo sign-ins, at /accounts/login/ (every password: "
                          f"{data.DEMO_PASSWORD})")
        header = ("Role", "Organisation", "Email", "Password", "What to try")
        lines = table([header, *signin_rows(emails)])
        self.stdout.write(lines[0])
        self.stdout.write("-" * len(lines[0]))
        for line in lines[1:]:
            self.stdout.write(line)
        # Only a keyed hash of the code is stored; the demo case's token is known, so recompute.
        code = receipts.code_for_token(data.DEMO_RECEIPT_TOKEN)
        case = Case.objects.filter(receipt_hash=receipts.code_hash(code)).first()
        if case is not None:
            self.stdout.write("")
            self.stdout.write(f"Anonymous receipt code: {code}  (case {case.reference}, no "
                              f"account): enter it at /track/")
