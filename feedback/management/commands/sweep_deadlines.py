"""Send the deadline notices due now: reminders, overdue marks, late notices, escalations."""

from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from feedback.sweep import sweep_run


class Command(BaseCommand):
    help = ("Send reminders before deadlines, mark and announce overdue cases, escalate to the "
            "commissioner and close resolved cases left unanswered. Safe to run often, and on "
            "several machines at once: nothing is sent twice.")

    def add_arguments(self, parser):
        parser.add_argument("--now", metavar="ISO8601",
                            help="Sweep as if it were this moment, e.g. 2026-03-05T10:00+00:00 "
                                 "(without an offset, the site's time zone); for tests and demos.")

    def handle(self, *args, now=None, **options):
        report = sweep_run(now=_moment(now) if now else timezone.now())
        for name, count in report.counts().items():
            self.stdout.write(f"{name.replace('_', ' ')}: {count}")


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--now expects an ISO 8601 moment, e.g. 2026-03-05T10:00+00:00; "
                           f"got {text!r}") from None
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)
