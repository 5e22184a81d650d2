from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.importexport import import_articles


class Command(BaseCommand):
    help = "Import articles from a JSON Lines file (one article per line); idempotent on slug."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", type=Path, help="The .jsonl file; image paths are relative to its folder."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every line, write nothing."
        )
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, file, dry_run, batch_size, **options):
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from None
        total = sum(1 for line in lines if line.strip())

        def progress(line_number):
            self.stderr.write(f"… line {line_number} of {len(lines)}")

        report = import_articles(
            lines,
            base_dir=file.parent,
            dry_run=dry_run,
            batch_size=batch_size,
            progress=progress if total > batch_size else None,
        )
        for number, reason in report.errors:
            self.stderr.write(self.style.ERROR(f"{file}:{number}: {reason}"))
        summary = f"{report} (of {total} lines)"
        if dry_run:
            summary += "; dry run, nothing was written"
        if report.errors:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
