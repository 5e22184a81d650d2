"""`make backup`: the database and the media files into a dated folder."""

from django.core.management.base import BaseCommand, CommandError

from secretariat.operations.backups import BackupError, backup, default_folder


class Command(BaseCommand):
    help = "Back up the database (pg_dump custom format) and the media files into a dated folder."

    def add_arguments(self, parser):
        parser.add_argument(
            "--to",
            default=None,
            help=f"Where the dated folders go (default {default_folder()}).",
        )

    def handle(self, *args, to, **options):
        try:
            folder = backup(to)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(folder))
