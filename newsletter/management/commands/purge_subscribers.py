"""Erase the personal data of subscribers who left or never confirmed (run daily)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from newsletter.subscriptions import due_for_erasure, erase


class Command(BaseCommand):
    help = (
        "Erase the address and name of subscribers who unsubscribed, or never confirmed, "
        "more than NEWSLETTER_RETENTION_DAYS days ago. The anonymous consent ledger is kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Retention period in days (default: the NEWSLETTER_RETENTION_DAYS setting).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count who would be erased."
        )

    def handle(self, *args, days, dry_run, **options):
        days = settings.NEWSLETTER_RETENTION_DAYS if days is None else days
        due = due_for_erasure(days)
        if dry_run:
            self.stdout.write(f"{due.count()} subscribers would be erased.")
            return
        count = 0
        for subscriber in due.iterator():
            erase(subscriber)
            count += 1
        self.stdout.write(f"Erased the personal data of {count} subscribers.")
