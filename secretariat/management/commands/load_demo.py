"""Load the demo content. Idempotent: running it again changes nothing."""

from django.core.management.base import BaseCommand

from secretariat import demo


class Command(BaseCommand):
    help = "Create (or bring up to date) the demo pages, people, events and articles."

    def handle(self, *args, **options):
        counts = demo.load()
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(f"Demo content: {summary}.")
