"""Throwaway PostgreSQL clusters of their own, for tests that stop and start the database.

The suite's own cluster must stay up, so a test that takes PostgreSQL away
(``test_faults``) runs the site against one of these: a folder under /tmp
with the server programs ``scripts/localdb.py`` finds (run as the ``postgres``
user when we are root), listening only on a Unix socket there.

``initdb`` and loading the schema take seconds, so they happen once a session
(``template_cluster``); each test gets a copy of that folder (``copy``).
"""

import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

from scripts import localdb
from secretariat.operations import backups

NAME = "secretariat"
USER = localdb.DB_USER


class PrivateCluster:
    def __init__(self, folder):
        self.bindir = localdb.find_bindir(install=False)
        self.folder = folder

    @classmethod
    def create(cls):
        cluster = cls(cls._new_folder())
        cluster._as_owner(
            [
                *(cluster.bindir / "initdb", "-D", cluster.folder, "-U", USER),
                *("--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"),
            ],
        )
        # Commits are confirmed only once in the write-ahead log, as in
        # production, so what the site confirmed survives PostgreSQL being
        # killed. (fsync matters only when the machine itself loses power.)
        cluster._configure("listen_addresses = ''\nsynchronous_commit = on\nfsync = off")
        return cluster

    def copy(self):
        """A new cluster with this one's data; this one must be stopped."""
        clone = PrivateCluster(self._new_folder())
        self._as_owner(["cp", "-a", f"{self.folder}/.", clone.folder])
        clone._configure("")
        return clone

    @property
    def settings_dict(self):
        """Django's ``DATABASES`` entry for the cluster's database."""
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": NAME,
            "USER": USER,
            "PASSWORD": "",
            "HOST": str(self.folder),
            "PORT": "",
            "OPTIONS": {},
        }

    @property
    def url(self):
        return f"postgres://{USER}@/{NAME}?host={quote(str(self.folder))}"

    def start(self):
        self._pg_ctl("start", "-w", "-t", "30", "-l", self.folder / "server.log")

    def stop(self, mode="fast"):
        """Stop the server; ``mode="immediate"`` kills it as a crash would."""
        self._pg_ctl("stop", "-w", "-t", "30", "-m", mode)

    def create_database(self):
        subprocess.run(
            [self.bindir / "createdb", "-h", self.folder, "-U", USER, NAME],
            check=True,
            timeout=30,
        )

    def remove(self):
        if (self.folder / "postmaster.pid").exists():
            self.stop("immediate")
        self._as_owner(["rm", "-rf", self.folder])

    @staticmethod
    def _new_folder():
        # Short: a Unix socket's path must fit in about 100 bytes.
        folder = Path(tempfile.mkdtemp(prefix="pg-"))
        if localdb.IS_ROOT:
            shutil.chown(folder, user=localdb.RUN_AS)
        return folder

    def _configure(self, lines):
        # The socket lives in the cluster's own folder; a later line wins.
        config = f"\nunix_socket_directories = '{self.folder}'\n{lines}\n"
        self._as_owner(["sh", "-c", f"cat >> '{self.folder}/postgresql.conf'"], input=config)

    def _pg_ctl(self, action, *options):
        self._as_owner([self.bindir / "pg_ctl", action, "-D", self.folder, *options])

    def _as_owner(self, args, input=None):
        localdb._as_owner(
            args, input=input, text=True, check=True, capture_output=True, timeout=120
        )


def template_cluster(schema_backup):
    """A stopped cluster holding the site's tables, restored from ``schema_backup``."""
    cluster = PrivateCluster.create()
    cluster.start()
    try:
        cluster.create_database()
        empty_media = Path(tempfile.mkdtemp())
        backups.restore(schema_backup, database=cluster.settings_dict, media_root=empty_media)
        shutil.rmtree(empty_media)
    finally:
        cluster.stop()
    return cluster
