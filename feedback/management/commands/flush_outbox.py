"""Send every outbox email that is waiting and due (a safety net if the worker was down)."""

from django.core.management.base import BaseCommand

from feedback.tasks import outbox_flush


class Command(BaseCommand):
    help = "Send every pending outbox email whose next attempt is due."

    def handle(self, *args, **options):
        sent = outbox_flush()
        self.stdout.write(f"{sent} email(s) sent")
