"""`make run`: prepare the development database, then serve the site and run the worker."""

import os
import subprocess
import sys

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from events.models import Event

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "admin"  # noqa: S105 - development only; refused without DEBUG.


class Command(BaseCommand):
    help = (
        "Migrate, load the demo content into an empty database, make an admin account, "
        "run the worker and serve."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        if not settings.DEBUG:
            raise CommandError("devserver is for development only (DEBUG is off).")
        # runserver's autoreloader runs this command again in a child process
        # (RUN_MAIN=true); only the first process prepares and starts the worker.
        if os.environ.get("RUN_MAIN") != "true":
            call_command("migrate", interactive=False, verbosity=0)
            if not (Article.objects.exists() or Event.objects.exists()):
                # Into an empty database only: a second `make run` keeps admin edits.
                call_command("load_demo")
            self.ensure_admin()
            worker = subprocess.Popen([sys.executable, "manage.py", "db_worker"])
            self.stdout.write(
                self.style.SUCCESS(
                    f"\nSite:  http://{addrport}/\n"
                    f"Admin: http://{addrport}/admin/  user {ADMIN_USERNAME!r}, "
                    f"password {ADMIN_PASSWORD!r}\n"
                    f"Mail:  written to {settings.BASE_DIR / 'var' / 'mail'}/ "
                    "(open the newest file to follow a confirmation link)\n"
                )
            )
        else:
            worker = None
        try:
            call_command("runserver", addrport)
        finally:
            if worker:
                worker.terminate()
                worker.wait(timeout=10)

    def ensure_admin(self):
        User = get_user_model()  # noqa: N806
        user, created = User.objects.get_or_create(
            username=ADMIN_USERNAME,
            defaults={
                "is_staff": True,
                "is_superuser": True,
                "email": "admin@example.org",
            },
        )
        if created:
            user.set_password(ADMIN_PASSWORD)
            user.save()
