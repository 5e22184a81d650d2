"""JSON Lines import and export, shared by the article and event formats.

Each app describes its own format (``articles/importexport.py``,
``events/importexport.py``): which keys a line may have and how one line
becomes one object, saved through the model (``full_clean()``, then
``save()``). What every format does the same way lives here:

- ``run_import`` numbers the lines from 1, skips blank ones, and saves them
  in batches, each batch one transaction and one django-reversion revision
  (its objects' history then shows the import). A format says how through a
  ``Lines``: each line is checked, then saved; a line the checks refuse writes
  nothing and is reported with its number and reason, while the good ones are
  kept. A line that fails while saving (something only the database refuses)
  sends its batch back to be saved line by line, each in a savepoint, so that
  it too leaves nothing behind. Lines are committed a batch at a time, so a
  long file keeps what was done; with ``dry_run`` everything is checked
  against the database and nothing is kept. Signals are sent as for any save,
  and the page cache is made stale once, at the end (``page_cache.bump_once``);
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
from contextlib import contextmanager, nullcontext
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


class Lines:
    """How one format saves its lines; ``run_import`` runs them, a batch at a time.

    Each line is first checked (``check``: reads only, and raises ``LineError``
    or ``ValidationError`` for a bad line), then saved (``save``: through the
    model, returning whether it created an object). ``prefetch`` may look up,
    in a few queries, what a batch's lines name before they are checked;
    ``finish`` writes what the batch's lines left for its end and adds the
    saved objects to the batch's revision (``reversion.add_to_revision``), if
    ``save`` has not. ``forget`` is told when what was saved since the last
    ``finish`` was rolled back, so that nothing it made is remembered.
    """

    def prefetch(self, records):
        """Look up what the batch's records (dicts, not checked yet) name."""

    def check(self, record):
        """The line's values checked against the model and the database; writes nothing."""
        return record

    def save(self, checked):
        """Save what ``check`` returned; returns whether an object was created."""
        raise NotImplementedError

    def finish(self):
        """Write what the lines saved since the last call left for the end of the batch."""

    def forget(self):
        """What was saved since the last ``finish`` was rolled back."""


class _EachLine(Lines):
    """A function that checks and saves one line, as a ``Lines``."""

    def __init__(self, function):
        self.function = function

    def save(self, checked):
        return self.function(checked)


# What makes a line bad rather than the import broken: the line is reported.
# The first two come from a line's checks, which write nothing; the others
# from the database, which may have been given part of the line.
REFUSED = (LineError, ValidationError)
BAD_LINE = (*REFUSED, IntegrityError, DataError)


def run_import(rows, lines, *, dry_run=False, progress=None, batch_size=BATCH_SIZE, source=None):
    """Import ``rows`` (text or bytes lines, or dicts) with ``lines``.

    ``lines`` is a ``Lines``, or a function that checks and saves one line (a
    dict) and returns whether it created an object. A bad line raises
    ``LineError`` (or lets a ``ValidationError``, ``IntegrityError`` or
    ``DataError`` through) and is reported with its number; nothing of it is
    kept. ``source`` names the file in the history of what was saved.
    ``progress(line_number)`` is called after each batch's lines. Returns an
    ``ImportReport``.
    """
    if not isinstance(lines, Lines):
        lines = _EachLine(lines)
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
            for number, outcome in _import_batch(batch, lines, comment):
                report.lines += 1
                if isinstance(outcome, str):
                    report.errors.append((number, outcome))
                else:
                    report.created += outcome
                    report.updated += not outcome
            if progress:
                for number, _row in batch:
                    progress(number)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _blank(row):
    return not isinstance(row, dict) and not row.strip()


def _import_batch(batch, lines, comment):
    """Each line's number with its outcome: whether it created an object, or why it is bad.

    The batch is one transaction and one revision, which records a version of
    each object saved (the revision's block is the transaction; a savepoint in
    a dry run). A line that fails its checks has written nothing and is left
    out. One that fails while saving may have written part of itself, so the
    batch is rolled back and saved again line by line, each line in a
    savepoint of its own.
    """
    outcomes, records = {}, []
    for number, row in batch:
        try:
            records.append((number, parse_line(row)))
        except LineError as error:
            outcomes[number] = str(error)
    try:
        with _revision(comment):
            lines.prefetch([record for _number, record in records])
            for number, record in records:
                try:
                    checked = lines.check(record)
                except REFUSED as error:
                    outcomes[number] = _reason(error)
                else:
                    outcomes[number] = lines.save(checked)
            lines.finish()
    except BAD_LINE:
        lines.forget()
        with _revision(comment):
            for number, record in records:
                outcomes[number] = _import_alone(record, lines)
    return sorted(outcomes.items())


@contextmanager
def _revision(comment):
    with reversion.create_revision(manage_manually=True):
        reversion.set_comment(comment)
        yield


def _import_alone(record, lines):
    try:
        with transaction.atomic():
            created = lines.save(lines.check(record))
            lines.finish()
    except BAD_LINE as error:
        lines.forget()
        return _reason(error)
    return created


def _reason(error):
    """Why a line is bad, in one line."""
    if isinstance(error, ValidationError):
        return validation_message(error)
    if isinstance(error, (IntegrityError, DataError)):
        # E.g. a duplicate, or a tag name longer than the database keeps.
        return str(error).splitlines()[0]
    return str(error)


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
