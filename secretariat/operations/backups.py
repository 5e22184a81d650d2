"""Backups: the database and the uploaded files, together in one dated folder.

    make backup                                  # manage.py backup
    make restore BACKUP=var/backups/<folder>     # manage.py restore <folder>
    make restore BACKUP=... FORCE=1              # ... --force

A backup folder holds ``database.dump`` (``pg_dump`` custom format: one
consistent snapshot, restorable table by table), ``media.tar.gz`` (the
uploads, read through the site's storage: the media folder, or the S3 bucket
with ``MEDIA_STORAGE=s3``) and ``backup.json`` (what, when, from where). It is written under a
temporary name and renamed when complete, so a folder that exists is whole.

A restore goes into an empty database, as on a new server. ``--force``
replaces a database that has content: its ``public`` schema is dropped and
the backup loaded in one transaction, so a restore that fails half-way
leaves the database as it was. The server programs (``pg_dump``,
``pg_restore``, ``psql``) are the system's, at least as new as the server.
"""

import glob
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, storages
from django.db import connection
from django.db.backends.postgresql.client import DatabaseClient
from django.utils import timezone

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"
MANIFEST_FILE = "backup.json"
PROGRAM_FOLDERS = (
    "/usr/lib/postgresql/*/bin",
    "/usr/pgsql-*/bin",
    "/opt/homebrew/opt/postgresql@*/bin",
    "/usr/local/opt/postgresql@*/bin",
)
# Relations that make a database "not empty": tables, views, sequences...
USER_RELATIONS_SQL = """
    SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
      AND n.nspname NOT LIKE 'pg\\_toast%'
"""


class BackupError(Exception):
    """A backup or restore that could not be done; the message says why."""


def default_folder():
    return Path(settings.BASE_DIR) / "var" / "backups"


def backup(destination=None, *, database=None, media_root=None):
    """Write a backup into a new dated folder under ``destination``; return the folder."""
    database = database or connection.settings_dict
    storage = media_storage(media_root)
    destination = Path(destination or default_folder())
    destination.mkdir(parents=True, exist_ok=True)
    started = timezone.localtime()
    partial = Path(tempfile.mkdtemp(prefix=".partial-", dir=destination))
    try:
        _run(
            "pg_dump",
            ["--format=custom", "--compress=6", f"--file={partial / DATABASE_FILE}"],
            database,
        )
        media_files = _pack_media(storage, partial / MEDIA_FILE)
        manifest = {
            "created_at": started.isoformat(timespec="seconds"),
            "database": database.get("NAME"),
            "server_version": _query(database, "SHOW server_version"),
            "media_files": media_files,
            "media_storage": describe(storage),
        }
        (partial / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n")
        folder = _new_folder(destination, started.strftime("%Y-%m-%d-%H%M%S"))
        partial.rename(folder)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return folder


def restore(folder, *, database=None, media_root=None, force=False):
    """Restore the backup in ``folder``; refuse to overwrite content unless ``force``."""
    database = database or connection.settings_dict
    storage = media_storage(media_root)
    folder = Path(folder)
    dump = folder / DATABASE_FILE
    if not dump.is_file():
        raise BackupError(f"{folder} is not a backup: it has no {DATABASE_FILE}.")
    if not force:
        if int(_query(database, USER_RELATIONS_SQL)):
            raise BackupError(
                f"The database {database.get('NAME')!r} is not empty. Restore into an "
                "empty database, or replace its content with --force (make restore FORCE=1)."
            )
        if next(stored_names(storage), None) is not None:
            raise BackupError(
                f"The media storage ({describe(storage)}) is not empty. Restore into an "
                "empty one, or add to it with --force (make restore FORCE=1)."
            )
    _load_dump(dump, database, replace=force)
    if (folder / MEDIA_FILE).is_file():
        _unpack_media(folder / MEDIA_FILE, storage)


def media_storage(media_root=None):
    """Where the uploads are: the folder ``media_root`` when given, else the site's storage."""
    if media_root is not None:
        return FileSystemStorage(location=media_root)
    return storages["default"]


def describe(storage):
    bucket = getattr(storage, "bucket_name", None)
    return f"S3 bucket {bucket}" if bucket else f"folder {storage.location}"


def stored_names(storage, folder=""):
    """Every file in ``storage``, through the storage API (a folder or a bucket alike)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:  # A media folder not made yet holds nothing.
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(folders):
        yield from stored_names(storage, f"{folder}/{name}" if folder else name)


def _load_dump(dump, database, replace):
    """Load the dump in one transaction: committed only if all of it went in."""
    env = _libpq_env(database)
    with tempfile.TemporaryFile() as errors:
        psql = subprocess.Popen(  # noqa: S603 - the system's psql, fixed arguments
            [_program("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-o", os.devnull],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env=env,
        )
        psql.stdin.write(b"BEGIN;\n")
        if replace:
            psql.stdin.write(b"DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n")
        psql.stdin.flush()
        pg_restore = subprocess.run(  # noqa: S603
            [_program("pg_restore"), "--no-owner", "--no-privileges", "--file=-", str(dump)],
            stdout=psql.stdin,
            stderr=subprocess.PIPE,
            env=env,
            check=False,
        )
        try:
            if pg_restore.returncode == 0:
                psql.stdin.write(b"COMMIT;\n")
            psql.stdin.close()
        except BrokenPipeError:
            pass  # psql stopped at an error; it says which below.
        psql.wait()
        errors.seek(0)
        message = errors.read().decode(errors="replace").strip()
    if pg_restore.returncode != 0:
        raise BackupError(
            f"pg_restore could not read {dump}; nothing was changed.\n"
            + pg_restore.stderr.decode(errors="replace")
        )
    if psql.returncode != 0:
        raise BackupError(f"The restore failed; nothing was changed.\n{message}")


def _pack_media(storage, archive_path):
    count = 0
    with tarfile.open(archive_path, "w:gz") as archive:
        for name in stored_names(storage):
            with storage.open(name) as file:
                info = tarfile.TarInfo(name)
                info.size, info.mtime, info.mode = file.size, int(time.time()), 0o644
                archive.addfile(info, file)
            count += 1
    return count


def _unpack_media(archive_path, storage):
    """Put every file of the archive back under its own name (replacing one that is there)."""
    with tarfile.open(archive_path) as archive:
        for member in archive:
            path = PurePosixPath(member.name)
            if not member.isfile():
                continue
            if path.is_absolute() or ".." in path.parts:
                raise BackupError(f"{archive_path} holds a file outside the media: {member.name}")
            if storage.exists(member.name):
                storage.delete(member.name)
            saved = storage.save(member.name, File(archive.extractfile(member), member.name))
            if saved != member.name:
                raise BackupError(f"{member.name} was restored as {saved}.")


def _new_folder(destination, name):
    folder, number = destination / name, 1
    while folder.exists():
        number += 1
        folder = destination / f"{name}-{number}"
    return folder


def _query(database, sql):
    return _run("psql", ["-X", "-A", "-t", "-c", sql], database).strip()


def _run(program, arguments, database):
    result = subprocess.run(  # noqa: S603
        [_program(program), *arguments],
        env=_libpq_env(database),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()}")
    return result.stdout


def _libpq_env(database):
    """The connection of ``database`` (Django settings) as libpq's environment."""
    _, secrets = DatabaseClient.settings_to_cmd_args_env(database, [])
    values = {
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
        "PGUSER": database.get("USER"),
        "PGDATABASE": database.get("NAME"),
    }
    values = {key: str(value) for key, value in values.items() if value}
    return {**os.environ, **values, **(secrets or {})}


def _program(name):
    """The newest ``name`` (pg_dump, ...) among the system's PostgreSQL programs.

    pg_dump refuses a server newer than itself, so where several PostgreSQL
    versions are installed, the newest one's programs are used.
    """
    found = [path for folder in PROGRAM_FOLDERS for path in glob.glob(f"{folder}/{name}")]
    on_path = shutil.which(name)
    candidates = sorted(found, key=_major_version, reverse=True) + [on_path] * bool(on_path)
    if not candidates:
        raise BackupError(
            f"{name} was not found. Install the PostgreSQL client programs "
            "(Debian: postgresql-client)."
        )
    return candidates[0]


def _major_version(program):
    version = [program, "--version"]
    out = subprocess.run(version, capture_output=True, text=True).stdout  # noqa: S603
    try:
        return int(out.split()[-1].split(".")[0])
    except (IndexError, ValueError):
        return 0
