"""Backups: dump, change, restore, and the content is back as it was."""

import json

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from secretariat.models import Page
from secretariat.operations.backups import BackupError, backup, restore

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def scratch_database():
    """Settings of a new, empty database on the same server, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restore"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield {**connection.settings_dict, "NAME": name}
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def content(settings, django_user_model):
    Page.objects.create(title="Om kansliet", slug="om-kansliet", body="<p>Å ä ö</p>")
    django_user_model.objects.create_user("anna", "anna@example.org", "pw", is_staff=True)
    picture = settings.MEDIA_ROOT / "articles" / "bild.webp"
    picture.parent.mkdir(parents=True)
    picture.write_bytes(b"RIFF-not-really-a-picture")
    return picture


def table_contents(database):
    """Every row of every table of ``database``, in a comparable form."""
    params = connection.get_connection_params() | {"dbname": database["NAME"]}
    with psycopg.connect(**params) as db:
        tables = db.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        ).fetchall()
        return {
            table: sorted(map(repr, db.execute(f'SELECT * FROM "{table}"').fetchall()))  # noqa: S608
            for (table,) in tables
        }


def run_sql(database, sql):
    params = connection.get_connection_params() | {"dbname": database["NAME"]}
    with psycopg.connect(**params, autocommit=True) as db:
        db.execute(sql)


def test_a_backup_restores_into_an_empty_database_with_the_same_content(
    content, scratch_database, tmp_path, settings
):
    folder = backup(tmp_path / "backups")

    assert sorted(path.name for path in folder.iterdir()) == [
        "backup.json",
        "database.dump",
        "media.tar.gz",
    ]
    assert json.loads((folder / "backup.json").read_text())["media_files"] == 1
    restored_media = tmp_path / "restored-media"
    restore(folder, database=scratch_database, media_root=restored_media)

    original = table_contents(connection.settings_dict)
    assert table_contents(scratch_database) == original
    assert any("Å ä ö" in row for row in original["secretariat_page"])
    assert (restored_media / "articles" / "bild.webp").read_bytes() == content.read_bytes()


def test_restore_refuses_content_without_force_and_replaces_it_with_force(
    content, scratch_database, tmp_path
):
    folder = backup(tmp_path / "backups")
    media = tmp_path / "restored-media"
    restore(folder, database=scratch_database, media_root=media)
    expected = table_contents(scratch_database)
    # Staff go on working after the backup...
    run_sql(scratch_database, "UPDATE secretariat_page SET title = 'Ändrad'")
    run_sql(scratch_database, "DELETE FROM auth_user")
    run_sql(scratch_database, "CREATE TABLE added_later (id int)")
    changed = table_contents(scratch_database)

    with pytest.raises(BackupError, match="not empty"):
        restore(folder, database=scratch_database, media_root=media)
    assert table_contents(scratch_database) == changed

    restore(folder, database=scratch_database, media_root=media, force=True)

    assert table_contents(scratch_database) == expected


def test_a_damaged_backup_changes_nothing(content, scratch_database, tmp_path):
    folder = backup(tmp_path / "backups")
    restore(folder, database=scratch_database, media_root=tmp_path / "restored-media")
    before = table_contents(scratch_database)
    dump = folder / "database.dump"
    dump.write_bytes(dump.read_bytes()[: dump.stat().st_size // 2])

    with pytest.raises(BackupError, match="nothing was changed"):
        restore(
            folder, database=scratch_database, media_root=tmp_path / "restored-media", force=True
        )

    assert table_contents(scratch_database) == before


def test_a_failed_backup_leaves_no_folder(tmp_path):
    broken = {**connection.settings_dict, "NAME": "no_such_database"}

    with pytest.raises(BackupError, match="pg_dump failed"):
        backup(tmp_path / "backups", database=broken)

    assert list((tmp_path / "backups").iterdir()) == []


def test_the_commands_back_up_and_refuse_to_overwrite(content, tmp_path, capsys):
    call_command("backup", "--to", str(tmp_path / "backups"))
    folder = capsys.readouterr().out.strip()
    assert folder.startswith(str(tmp_path / "backups"))

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", folder)
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore", str(tmp_path))
