from pathlib import Path

from django.core.management.base import BaseCommand

from articles.importexport import export_articles


class Command(BaseCommand):
    help = (
        "Export every article to a JSON Lines file in the import format; "
        "images are copied into a folder beside it."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        count = export_articles(file)
        self.stdout.write(self.style.SUCCESS(f"{count} articles written to {file}"))
