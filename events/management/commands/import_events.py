from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from events.importexport import import_events


class Command(BaseCommand):
    help = "Import events from a JSON Lines file (one event per line), updating by slug."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every line, write nothing."
        )

    def handle(self, *args, file, dry_run, **options):
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        with file.open(encoding="utf-8") as handle:
            total = sum(1 for _ in handle)
        every = max(total // 20, 100)

        def progress(number, report):
            if number % every == 0 or number == total:
                self.stderr.write(f"  {number}/{total} lines")

        with file.open(encoding="utf-8") as handle:
            report = import_events(handle, base_dir=file.parent, dry_run=dry_run, progress=progress)
        for number, message in report.errors:
            self.stderr.write(self.style.ERROR(f"line {number}: {message}"))
        self.stdout.write(str(report))
        if not report.ok:
            raise CommandError(f"{len(report.errors)} line(s) were not imported.")
