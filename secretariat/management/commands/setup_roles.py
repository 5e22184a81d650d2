"""Bring the staff roles' groups up to date (also done after every migrate)."""

from django.core.management.base import BaseCommand

from secretariat.roles import sync_roles


class Command(BaseCommand):
    help = "Create or update the staff roles' groups and their permissions."

    def handle(self, *args, **options):
        for group in sync_roles():
            count = group.permissions.count()
            self.stdout.write(f"{group.name}: {count} permissions")
