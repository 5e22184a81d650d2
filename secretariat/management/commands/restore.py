"""`make restore BACKUP=...`: bring back a backup made by `make backup`."""

from django.core.management.base import BaseCommand, CommandError

from secretariat.operations import page_cache
from secretariat.operations.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup folder made by `manage.py backup` into an empty database and "
        "media folder; --force replaces a database that has content."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the database's content (in one transaction) and add to the media.",
        )

    def handle(self, *args, folder, force, **options):
        try:
            restore(folder, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        # pg_restore wrote every table behind the ORM's back: no signal fired.
        page_cache.bump_generation()
        self.stdout.write(f"Restored {folder}. Run `manage.py migrate` if the code is newer.")
