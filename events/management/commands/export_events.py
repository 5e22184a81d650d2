from pathlib import Path

from django.core.management.base import BaseCommand

from events.importexport import export_events


class Command(BaseCommand):
    help = "Export every event to a JSON Lines file, in the format import_events reads."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        file.parent.mkdir(parents=True, exist_ok=True)
        with file.open("w", encoding="utf-8") as handle:
            count = export_events(handle, base_dir=file.parent)
        self.stdout.write(f"{count} events written to {file}")
