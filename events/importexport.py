"""Events in and out as JSON Lines: one event per line, the model's field names as keys.

    {"slug": "...", "title": "...", "kind": "webinar", "status": "published",
     "starts_at": "2026-03-14T10:00:00+01:00", "ends_at": "...", "timezone": "Europe/Stockholm",
     "country": "SE", "organisers": ["OSCE"], "tags": ["klimat"], "image": "bilder/x.jpg",
     "participants": [{"name": "...", "title": "...", "organisation": "...", "role": "speaker"}]}

Rules: a key the format does not know is an error (a misspelt field is never lost); optional
fields may be absent, null or empty; a time without an offset is read in the event's time zone;
`image` is a path relative to the file's folder. Import is idempotent on `slug` (update or
create; a line without one gets the slug its title gives). Participants replace the event's
participants; people are matched by name, and a given title or organisation updates them.
Each line is written whole or not at all, and each bad line is reported with its
number and reason. A dry run checks everything, including the database's constraints, and
writes nothing.
"""

import json
import shutil
import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django_countries import countries

from secretariat.images import clean_copy, max_bytes, open_verified

from .models import Event, Participation
from .people import find_or_create_organisation, find_or_create_person

TEXT_FIELDS = (
    "title",
    "slug",
    "summary",
    "venue",
    "city",
    "online_url",
    "description",
    "registration_url",
    "image_alt",
)
FIELDS = {
    *TEXT_FIELDS,
    "kind",
    "status",
    "starts_at",
    "ends_at",
    "all_day",
    "timezone",
    "country",
    "organisers",
    "registration_closes_at",
    "tags",
    "image",
    "image_decorative",
    "language",
    "participants",
}
REQUIRED = ("title", "kind", "starts_at", "ends_at")
PARTICIPANT_FIELDS = {"name", "title", "organisation", "role"}
ZONES = zoneinfo.available_timezones()


class LineError(Exception):
    """What is wrong with one line, said so that an editor can fix it."""


@dataclass
class ImportReport:
    lines: int = 0
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self):
        return not self.errors

    def __str__(self):
        return (
            f"{self.lines} lines: {self.created} created, {self.updated} updated, "
            f"{len(self.errors)} with errors"
            + (" (dry run: nothing written)" if self.dry_run else "")
        )


def import_events(rows, *, base_dir=None, dry_run=False, progress=None):
    """Import lines of JSON (an open file, or a list of strings). Returns an ImportReport."""
    report = ImportReport(dry_run=dry_run)
    base_dir = Path(base_dir or ".").resolve()
    with transaction.atomic():
        for number, line in enumerate(rows, start=1):
            if line.strip():
                report.lines += 1
                try:
                    with transaction.atomic():
                        created = _import_line(line, base_dir)
                except LineError as error:
                    report.errors.append((number, str(error)))
                except ValidationError as error:
                    report.errors.append((number, _validation_message(error)))
                except IntegrityError as error:
                    report.errors.append((number, str(error).splitlines()[0]))
                else:
                    report.created += created
                    report.updated += not created
            if progress:
                progress(number, report)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _validation_message(error):
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(str(m) for m in messages)}"
            if name != "__all__"
            else " ".join(str(m) for m in messages)
            for name, messages in error.message_dict.items()
        )
    return " ".join(str(message) for message in error.messages)


def _import_line(line, base_dir):
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise LineError(f"not valid JSON: {error.msg} (column {error.colno})") from None
    if not isinstance(data, dict):
        raise LineError("a line must be one JSON object")
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        raise LineError(f"unknown field(s): {', '.join(unknown)}")
    missing = [name for name in REQUIRED if data.get(name) in (None, "")]
    if missing:
        raise LineError(f"missing field(s): {', '.join(missing)}")

    values = {}
    for name in TEXT_FIELDS:
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            raise LineError(f"{name}: must be text")
        values[name] = value or ""
    tz_name = data.get("timezone") or "Europe/Stockholm"
    if tz_name not in ZONES:
        raise LineError(f"timezone: unknown time zone {tz_name!r} (use an IANA name)")
    values["timezone"] = tz_name
    for name in ("starts_at", "ends_at", "registration_closes_at"):
        values[name] = _moment(data.get(name), name, zoneinfo.ZoneInfo(tz_name))
    for name in ("all_day", "image_decorative"):
        value = data.get(name)
        if value is not None and not isinstance(value, bool):
            raise LineError(f"{name}: must be true or false")
        values[name] = bool(value)
    country = (data.get("country") or "").upper()
    if country and country not in countries:
        raise LineError(f"country: {country!r} is not an ISO 3166 two-letter code")
    values["country"] = country
    values["kind"] = data["kind"]
    values["status"] = data.get("status") or Event.Status.DRAFT
    values["language"] = data.get("language") or Event.Language.SWEDISH
    organisers = _names(data.get("organisers"), "organisers")
    tags = _names(data.get("tags"), "tags")
    participants = _participants(data.get("participants"))
    image = _image_path(data.get("image"), base_dir)

    # Without a slug, the one the title gives: importing the file again finds the event.
    values["slug"] = values["slug"] or slugify(values["title"])[:250]
    event = Event.objects.filter(slug=values["slug"]).first()
    created = event is None
    event = event or Event()
    for name, value in values.items():
        setattr(event, name, value)
    if image is None and data.get("image") is not None:
        event.image = ""
    if image is not None and not _same_file(event.image, image):
        # An unsaved file: the image field verifies it, strips metadata and resizes it.
        event.image = ContentFile(image.read_bytes(), name=image.name)
    event.full_clean()
    event.save()
    event.organisers.set([find_or_create_organisation(name) for name in organisers])
    event.tags.set(tags)
    event.participations.all().delete()
    for order, person in enumerate(participants):
        Participation.objects.create(
            event=event,
            person=find_or_create_person(
                person["name"], title=person.get("title"), organisation=person.get("organisation")
            ),
            role=person["role"],
            order=order,
        )
    return created


def _moment(value, name, zone):
    if value in (None, ""):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise LineError(f"{name}: {value!r} is not an ISO 8601 date and time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _names(value, name):
    if value in (None, ""):
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LineError(f"{name}: must be a list of names")
    return [v.strip() for v in value]


def _participants(value):
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        raise LineError("participants: must be a list")
    people, seen = [], set()
    for position, person in enumerate(value, start=1):
        where = f"participants[{position}]"
        if not isinstance(person, dict):
            raise LineError(f"{where}: must be an object with name, title, organisation, role")
        unknown = sorted(set(person) - PARTICIPANT_FIELDS)
        if unknown:
            raise LineError(f"{where}: unknown field(s): {', '.join(unknown)}")
        if not isinstance(person.get("name"), str) or not person["name"].strip():
            raise LineError(f"{where}: a name is needed")
        for key in ("title", "organisation"):
            if person.get(key) is not None and not isinstance(person[key], str):
                raise LineError(f"{where}: {key} must be text")
        role = person.get("role") or Participation.Role.SPEAKER
        if role not in Participation.Role.values:
            roles = ", ".join(Participation.Role.values)
            raise LineError(f"{where}: role {role!r} is not one of {roles}")
        key = (person["name"].strip().casefold(), role)
        if key in seen:
            raise LineError(f"{where}: {person['name']} is listed twice as {role}")
        seen.add(key)
        people.append({**person, "role": role, "title": person.get("title") or None})
    return people


def _image_path(value, base_dir):
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise LineError("image: must be a path")
    path = (base_dir / value).resolve()
    if not path.is_relative_to(base_dir):
        raise LineError(f"image: {value!r} is outside the file's folder")
    if not path.is_file():
        raise LineError(f"image: no file at {value!r}")
    if path.stat().st_size > max_bytes():
        raise LineError(f"image: {value!r} is larger than {max_bytes()} bytes")
    return path


def _same_file(stored, path):
    """Whether the stored image is this file as the image field stores it, so that
    importing the same file again stores no second copy."""
    if not stored:
        return False
    try:
        with open_verified(ContentFile(path.read_bytes())) as picture:
            content, _extension, _size = clean_copy(picture)
        with stored.open("rb") as handle:
            return handle.read() == content.read()
    except (OSError, ValidationError):
        return False


def export_events(handle, *, base_dir, events=None):
    """Write events as JSON Lines to handle; images are copied beside it. Returns the count."""
    base_dir = Path(base_dir)
    events = (events if events is not None else Event.objects.all()).order_by("starts_at", "pk")
    events = events.prefetch_related("organisers", "tags", "participations__person__organisation")
    count = 0
    for event in events:
        handle.write(json.dumps(_row(event, base_dir), ensure_ascii=False) + "\n")
        count += 1
    return count


def _row(event, base_dir):
    zone = event.zone
    row = {name: getattr(event, name) for name in TEXT_FIELDS}
    row |= {
        "kind": event.kind,
        "status": event.status,
        "starts_at": event.starts_at.astimezone(zone).isoformat(),
        "ends_at": event.ends_at.astimezone(zone).isoformat(),
        "all_day": event.all_day,
        "timezone": event.timezone,
        "country": event.country.code or "",
        "organisers": [organisation.name for organisation in event.organisers.all()],
        "registration_closes_at": event.registration_closes_at
        and event.registration_closes_at.astimezone(zone).isoformat(),
        "tags": sorted(tag.name for tag in event.tags.all()),
        "image": _export_image(event, base_dir),
        "image_decorative": event.image_decorative,
        "language": event.language,
        "participants": [
            {
                "name": p.person.name,
                "title": p.person.title,
                "organisation": p.person.organisation.name if p.person.organisation else "",
                "role": p.role,
            }
            for p in event.participations.all()
        ],
    }
    return row


def _export_image(event, base_dir):
    if not event.image:
        return ""
    relative = Path("bilder") / event.slug / Path(event.image.name).name
    target = base_dir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    with event.image.open("rb") as source, target.open("wb") as copy:
        shutil.copyfileobj(source, copy)
    return relative.as_posix()
