"""JSON Lines import and export, shared by the article and event formats.

Each app describes its own format (``articles/importexport.py``,
``events/importexport.py``): which keys a line may have and how one line
becomes one object, saved through the model (``full_clean()``, then
``save()``). What every format does the same way lives here:

- ``run_import`` numbers the lines from 1, skips blank ones, and saves each
  line in a savepoint, so a bad line writes nothing and is reported with its
  number and reason while the good ones are kept. Lines are committed in
  batches, so a long file keeps what was done; with ``dry_run`` everything is
  checked against the database and nothing is kept. Each line is a
  django-reversion revision, to which the format adds the object the line is
  about (its history then shows the import); signals are sent as for any
  save, and the page cache is made stale once, at the end
  (``page_cache.bump_once``);
- the checks of a line's values (``parse_line``, ``check_keys``, ``text``,
  ``flag``, ``names``, ``moment``, ``file_path``), so that the same mistake
  reads the same in every file;
- ``ImportCommand`` and ``ExportCommand``, the base of the ``import_*`` and
  ``export_*`` management commands: ``--dry-run``, progress on stderr, bad
  lines as ``file:line: reason``, a non-zero exit status when a line was bad.
"""

import itertools
import json
import shutil
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import reversion
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DataError, IntegrityError, transaction
from django.utils.translation import gettext

from secretariat.media.images import max_bytes
from secretariat.operations import page_cache

BATCH_SIZE = 500


class LineError(Exception):
    """What is wrong with one line, said so that an editor can fix it."""


@dataclass
class ImportReport:
    lines: int = 0
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line number, reason)
    dry_run: bool = False

    @property
    def ok(self):
        return not self.errors

    def __str__(self):
        return (
            f"{self.lines} lines: {self.created} created, {self.updated} updated, "
            f"{len(self.errors)} bad lines"
            + (" (dry run: nothing written)" if self.dry_run else "")
        )


def run_import(
    rows, import_line, *, dry_run=False, progress=None, batch_size=BATCH_SIZE, source=None
):
    """Import ``rows`` (text or bytes lines, or dicts) with ``import_line(record)``.

    ``import_line`` gets each line as a dict, saves it through the model, adds
    it to the line's revision (``reversion.add_to_revision``), raises
    ``LineError`` (or lets a ``ValidationError`` or ``IntegrityError`` through)
    for a bad one, and returns whether it created an object. ``source`` names
    the file in the history of what was saved. ``progress(line_number)`` is
    called after each batch's lines. Returns an ``ImportReport``.
    """
    report = ImportReport(dry_run=dry_run)
    numbered = ((number, row) for number, row in enumerate(rows, start=1) if not _blank(row))
    if source:
        comment = gettext("Imported from %(file)s") % {"file": source}
    else:
        comment = gettext("Imported from a file")
    # A dry run checks everything in one transaction and rolls it back;
    # a real run commits each batch, so a long file keeps what was done.
    with transaction.atomic() if dry_run else nullcontext(), page_cache.bump_once():
        for batch in itertools.batched(numbered, batch_size):
            with transaction.atomic():
                for number, row in batch:
                    report.lines += 1
                    _import_one(number, row, import_line, report, comment)
            if progress:
                for number, _row in batch:
                    progress(number)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _blank(row):
    return not isinstance(row, dict) and not row.strip()


def _import_one(number, row, import_line, report, comment):
    try:
        record = parse_line(row)
        # The revision's block is the line's savepoint: a bad line leaves
        # neither rows nor history behind. Its content is what import_line
        # adds, once the line is whole (with its authors, its participants).
        with reversion.create_revision(manage_manually=True):
            reversion.set_comment(comment)
            created = import_line(record)
    except LineError as error:
        report.errors.append((number, str(error)))
    except ValidationError as error:
        report.errors.append((number, validation_message(error)))
    except (IntegrityError, DataError) as error:
        # E.g. a duplicate, or a tag name longer than the database keeps.
        report.errors.append((number, str(error).splitlines()[0]))
    else:
        report.created += bool(created)
        report.updated += not created


def parse_line(line):
    """One line as a dict: text or bytes of one JSON object (a dict passes as it is)."""
    if isinstance(line, dict):
        return line
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError:
            raise LineError("not UTF-8 text") from None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise LineError(f"not valid JSON: {error.msg} (column {error.colno})") from None
    if not isinstance(record, dict):
        raise LineError("a line must be one JSON object")
    if "\\u" in line and not _encodable(record):
        # "\ud800" alone is valid JSON, but half a character: no text to store.
        raise LineError("not UTF-8 text: a \\u escape of half a character")
    return record


def _encodable(record):
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def validation_message(error):
    """A model's ``ValidationError`` as one line: ``field: message; …``."""
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(str(m) for m in messages)}"
            if name != "__all__"
            else " ".join(str(m) for m in messages)
            for name, messages in error.message_dict.items()
        )
    return " ".join(str(message) for message in error.messages)


def check_keys(record, fields, required=(), *, where=""):
    """Refuse keys the format does not know (a misspelt field is never lost) and missing ones."""
    prefix = f"{where}: " if where else ""
    unknown = sorted(set(record) - set(fields))
    if unknown:
        raise LineError(f"{prefix}unknown field(s): {', '.join(unknown)}")
    missing = [name for name in required if record.get(name) in (None, "")]
    if missing:
        raise LineError(f"{prefix}missing field(s): {', '.join(missing)}")


def text(record, name):
    """An optional text value: absent, null or empty is ``""``."""
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise LineError(f"{name}: must be text")
    return value or ""


def flag(record, name):
    """An optional true or false: absent or null is false."""
    value = record.get(name)
    if value is not None and not isinstance(value, bool):
        raise LineError(f"{name}: must be true or false")
    return bool(value)


def choice(value, name, choices):
    if value not in choices:
        raise LineError(f"{name}: {value!r} is not one of {', '.join(choices)}")
    return value


def names(record, name):
    """An optional list of names, trimmed; blank names are left out."""
    value = record.get(name)
    if value in (None, ""):
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise LineError(f"{name}: must be a list of names")
    return [item.strip() for item in value if item.strip()]


def moment(record, name, zone=None):
    """An optional ISO 8601 time; one without an offset is read in ``zone``, or refused."""
    value = record.get(name)
    if value in (None, ""):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise LineError(f"{name}: {value!r} is not an ISO 8601 date and time") from None
    if parsed.tzinfo:
        return parsed
    if zone is None:
        raise LineError(f"{name}: needs a time zone, e.g. +01:00")
    return parsed.replace(tzinfo=zone)


def file_path(record, name, base_dir):
    """An optional file named by a path relative to the JSONL file's folder, or ``None``."""
    value = record.get(name)
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise LineError(f"{name}: must be a path")
    base_dir = Path(base_dir or ".").resolve()
    path = (base_dir / value).resolve()
    if not path.is_relative_to(base_dir):
        raise LineError(f"{name}: {value!r} is outside the file's folder")
    if not path.is_file():
        raise LineError(f"{name}: no file at {value!r}")
    if path.stat().st_size > max_bytes():
        raise LineError(f"{name}: {value!r} is larger than {max_bytes()} bytes")
    return path


def write_lines(handle, records):
    """Write each record as one line of JSON; returns how many."""
    count = 0
    for record in records:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def copy_file(stored, target):
    """Copy a stored file (a ``FieldFile``) to the path ``target``, making its folder."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with stored.open("rb") as source, target.open("wb") as copy:
        shutil.copyfileobj(source, copy)


class ImportCommand(BaseCommand):
    """``manage.py import_<things> FILE.jsonl [--dry-run]``.

    A subclass names what it imports (``noun``) and implements
    ``run(lines, options, **import_options)`` returning an ``ImportReport``
    (``options`` are the command's own). Lines are read as bytes, so a line that is not UTF-8 is
    one bad line, not a failed file.
    """

    noun = "objects"

    def add_arguments(self, parser):
        parser.add_argument(
            "file", type=Path, help="The .jsonl file; image paths are relative to its folder."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every line, write nothing."
        )

    def handle(self, *args, file, dry_run, **options):
        try:
            with file.open("rb") as handle:
                total = sum(1 for _ in handle)
            handle = file.open("rb")
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        every = max(total // 20, 100)

        def progress(number):
            if total > every and (number % every == 0 or number == total):
                self.stderr.write(f"  {number}/{total} lines")

        with handle:
            report = self.run(
                handle,
                options,
                base_dir=file.parent,
                dry_run=dry_run,
                progress=progress,
                source=file.name,
            )
        for number, reason in report.errors:
            self.stderr.write(self.style.ERROR(f"{file}:{number}: {reason}"))
        if report.errors:
            raise CommandError(f"{self.noun.capitalize()}: {report}")
        self.stdout.write(self.style.SUCCESS(f"{self.noun.capitalize()}: {report}"))

    def run(self, lines, options, **import_options):
        """Import ``lines`` with ``import_options`` (``base_dir``, ``dry_run``, ``progress``,
        ``source``)."""
        raise NotImplementedError


class ExportCommand(BaseCommand):
    """``manage.py export_<things> FILE.jsonl``: a subclass implements ``export(file)``."""

    noun = "objects"

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        file.parent.mkdir(parents=True, exist_ok=True)
        count = self.export(file)
        self.stdout.write(self.style.SUCCESS(f"{count} {self.noun} written to {file}"))

    def export(self, file):
        raise NotImplementedError
