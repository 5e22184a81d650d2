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
Each line is saved through the model (``full_clean()``, then ``save()``, with its signals
and a version in the event's history), whole or not at all, and each bad line is reported
with its number and reason; lines are committed in batches, as articles are
(``secretariat/content/jsonl.py``). A dry run checks everything, including the database's
constraints, and writes nothing.
"""

import zoneinfo
from pathlib import Path

import reversion
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django_countries import countries

from secretariat.content import jsonl
from secretariat.content.jsonl import ImportReport, LineError
from secretariat.content.slugs import ascii_slug
from secretariat.media.images import clean_copy, open_verified

from .models import Event, Participation
from .people import find_or_create_organisation, find_or_create_person

__all__ = ["ImportReport", "LineError", "export_events", "import_events"]

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


def import_events(rows, *, base_dir=None, dry_run=False, progress=None, source=None):
    """Import lines of JSON (an open file, or a list of strings). Returns an ImportReport.

    ``progress(line_number)`` is called as lines are done; ``source`` names the file in
    the events' history.
    """
    return jsonl.run_import(
        rows, EventLines(base_dir), dry_run=dry_run, progress=progress, source=source
    )


class EventLines(jsonl.Lines):
    """Each line checked as the event it makes, then saved with its organisers,
    tags and participants."""

    def __init__(self, base_dir):
        self.base_dir = base_dir

    def check(self, data):
        """The line's event (stored or new) with the line's values, checked by the
        model, and what is saved with it."""
        jsonl.check_keys(data, FIELDS, REQUIRED)
        values = {name: jsonl.text(data, name) for name in TEXT_FIELDS}
        tz_name = jsonl.text(data, "timezone") or "Europe/Stockholm"
        if tz_name not in ZONES:
            raise LineError(f"timezone: unknown time zone {tz_name!r} (use an IANA name)")
        values["timezone"] = tz_name
        for name in ("starts_at", "ends_at", "registration_closes_at"):
            values[name] = jsonl.moment(data, name, zoneinfo.ZoneInfo(tz_name))
        for name in ("all_day", "image_decorative"):
            values[name] = jsonl.flag(data, name)
        country = jsonl.text(data, "country").upper()
        if country and country not in countries:
            raise LineError(f"country: {country!r} is not an ISO 3166 two-letter code")
        values["country"] = country
        values["kind"] = data["kind"]
        values["status"] = data.get("status") or Event.Status.DRAFT
        values["language"] = data.get("language") or Event.Language.SWEDISH
        organisers = jsonl.names(data, "organisers")
        tags = jsonl.names(data, "tags")
        participants = _participants(data.get("participants"))
        image = jsonl.file_path(data, "image", self.base_dir)

        # Without a slug, the one the title gives: importing the file again finds the event.
        values["slug"] = values["slug"] or ascii_slug(values["title"])[:250]
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
        return event, created, organisers, tags, participants

    def save(self, checked):
        event, created, organisers, tags, participants = checked
        event.save()
        event.organisers.set([find_or_create_organisation(name) for name in organisers])
        event.tags.set(tags)
        event.participations.all().delete()
        for order, person in enumerate(participants):
            Participation.objects.create(
                event=event,
                person=find_or_create_person(
                    person["name"],
                    title=person.get("title"),
                    organisation=person.get("organisation"),
                ),
                role=person["role"],
                order=order,
            )
        # The event's version as the line left it, with its participants.
        reversion.add_to_revision(event)
        return created


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
        jsonl.check_keys(person, PARTICIPANT_FIELDS, where=where)
        if not isinstance(person.get("name"), str) or not person["name"].strip():
            raise LineError(f"{where}: a name is needed")
        for key in ("title", "organisation"):
            if person.get(key) is not None and not isinstance(person[key], str):
                raise LineError(f"{where}: {key} must be text")
        role = jsonl.choice(
            person.get("role") or Participation.Role.SPEAKER,
            f"{where}: role",
            Participation.Role.values,
        )
        key = (person["name"].strip().casefold(), role)
        if key in seen:
            raise LineError(f"{where}: {person['name']} is listed twice as {role}")
        seen.add(key)
        people.append({**person, "role": role, "title": person.get("title") or None})
    return people


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
    return jsonl.write_lines(handle, (_row(event, base_dir) for event in events))


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
    jsonl.copy_file(event.image, base_dir / relative)
    return relative.as_posix()
