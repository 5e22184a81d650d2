"""``manage.py import_joomla SOURCE [--media FOLDER] [--dry-run]``: see articles/joomla/."""

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.joomla.documents import JoomlaAPI, SourceError, read_folder
from articles.joomla.importer import import_joomla


class Command(BaseCommand):
    help = (
        "Import the old Joomla 4/5 site's articles: live from its address (https://…, with "
        "the API token in JOOMLA_API_TOKEN) or from a folder of saved API responses (*.json). "
        "Idempotent on the Joomla id."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "source", help="The old site's address (https://…) or a folder of *.json files."
        )
        parser.add_argument(
            "--media",
            type=Path,
            help="A copy of the old site's images/ folder; without it, pictures are "
            "downloaded from the old site.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every article, write nothing."
        )

    def handle(self, *args, source, media, dry_run, **options):
        if media is not None and not media.is_dir():
            raise CommandError(f"--media {media}: no such folder")
        try:
            if source.startswith(("https://", "http://")):
                site = JoomlaAPI(source, os.environ.get("JOOMLA_API_TOKEN", ""))
                archive = site.read(progress=lambda text: self.stderr.write(f"  {text}"))
            else:
                archive = read_folder(source)
        except SourceError as error:
            raise CommandError(str(error)) from None
        self.stderr.write(
            f"Read {len(archive.articles)} articles, {len(archive.categories)} categories, "
            f"{len(archive.tags)} tags and {len(archive.users)} users."
        )
        every = max(len(archive.articles) // 20, 50)

        def progress(done, total):
            if done % every == 0 or (done == total and total > every):
                self.stderr.write(f"  {done}/{total} articles")

        report = import_joomla(archive, media_dir=media, dry_run=dry_run, progress=progress)
        for title, entries, style in (
            ("skipped", report.skipped, self.style.WARNING),
            ("failed", report.failed, self.style.ERROR),
            ("check", report.notes, self.style.NOTICE),
        ):
            for joomla_id, reason in entries:
                self.stderr.write(style(f"joomla id {joomla_id}: {title}: {reason}"))
        if not report.ok:
            raise CommandError(f"Joomla: {report}")
        self.stdout.write(self.style.SUCCESS(f"Joomla: {report}"))
