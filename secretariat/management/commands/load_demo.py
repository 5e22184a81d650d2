"""Load the demo content. Idempotent: running it again changes nothing."""

from django.core.management.base import BaseCommand

from secretariat import demo


class Command(BaseCommand):
    help = "Create (or bring up to date) the demo people, events and articles."

    def handle(self, *args, **options):
        counts = demo.load()
        if not any(counts.values()):
            self.stdout.write("Demo content: already loaded, nothing to add.")
            return
        summary = ", ".join(f"{name} {count}" for name, count in counts.items() if count)
        self.stdout.write(f"Demo content added: {summary}.")
