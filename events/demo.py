"""The events part of the demo content: organisations, people with portraits, events.

Events go through `import_events`, the same code as staff's JSONL files. Only what is
missing is created, so a second `make run` changes nothing and keeps admin edits.
"""

import json

from django.core.files import File
from django.db import transaction

from secretariat import demo_content as content
from secretariat.demo import event_when, picture_path, portrait

from .importexport import import_events
from .models import Event, Organisation, Person
from .people import find_or_create_organisation


@transaction.atomic
def load():
    counts = {"organisations": 0, "people": 0, "events": 0}
    for fields in content.ORGANISATIONS:
        if not Organisation.objects.filter(name__iexact=fields["name"]).exists():
            Organisation.objects.create(**fields)
            counts["organisations"] += 1
    for fields in content.PEOPLE:
        if Person.objects.filter(name__iexact=fields["name"]).exists():
            continue
        person = Person(
            name=fields["name"],
            title=fields.get("title", ""),
            bio=fields.get("bio", ""),
            organisation=find_or_create_organisation(fields["organisation"]),
            photo_alt=f"Porträtt av {fields['name']}",
        )
        path = picture_path("people", fields["name"])
        if not path.exists():
            portrait(fields["name"], path)
        with path.open("rb") as handle:
            person.photo = File(handle, name=path.name)
            person.save()
        counts["people"] += 1

    existing = set(Event.objects.values_list("slug", flat=True))
    rows = []
    for fields in content.EVENTS:
        if fields["slug"] in existing:
            continue
        row = {key: value for key, value in fields.items() if key != "when"}
        starts, ends = event_when(fields["when"], fields["timezone"])
        row |= {"starts_at": starts.isoformat(), "ends_at": ends.isoformat()}
        rows.append(json.dumps(row, ensure_ascii=False))
    report = import_events(rows)
    if not report.ok:
        raise ValueError(f"The demo events do not import: {report.errors}")
    counts["events"] = report.created
    return counts
