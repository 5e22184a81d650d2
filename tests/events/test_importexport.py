"""Moving events in and out as JSON Lines: round trip, idempotence and bad lines."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from PIL import Image
from reversion.models import Version

from events.importexport import export_events, import_events
from events.models import Event, Organisation, Participation, Person
from events.people import find_or_create_person
from tests.factories import EventFactory, OrganisationFactory, ParticipationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def row(**fields):
    base = {
        "slug": "webbinarium-om-kemikalier",
        "title": "Webbinarium om kemikalier",
        "kind": "webinar",
        "status": "published",
        "starts_at": "2030-02-05T10:00:00",
        "ends_at": "2030-02-05T11:30:00",
        "timezone": "Europe/Stockholm",
    }
    return json.dumps(base | fields, ensure_ascii=False)


def test_import_creates_events_people_and_organisations():
    line = row(
        country="se",
        organisers=["Upphandlingsmyndigheten"],
        tags=["kemikalier", "klimat"],
        participants=[
            {"name": "Maria Sjöholm", "title": "Specialist", "organisation": "SU", "role": "host"},
            {"name": "Ingrid Falk", "role": "speaker"},
        ],
    )

    report = import_events([line])

    assert report.ok, report.errors
    assert (report.created, report.updated) == (1, 0)
    event = Event.objects.get(slug="webbinarium-om-kemikalier")
    assert event.local_starts_at.isoformat() == "2030-02-05T10:00:00+01:00"
    assert event.country.code == "SE"
    assert [o.name for o in event.organisers.all()] == ["Upphandlingsmyndigheten"]
    assert sorted(event.tags.names()) == ["kemikalier", "klimat"]
    host = Person.objects.get(name="Maria Sjöholm")
    assert (host.title, host.organisation.name) == ("Specialist", "SU")
    assert list(event.participations.values_list("person__name", "role")) == [
        ("Maria Sjöholm", "host"),
        ("Ingrid Falk", "speaker"),
    ]


def test_import_is_idempotent_on_slug_and_updates():
    import_events([row()])
    report = import_events([row(title="Nytt namn", participants=[{"name": "A B"}])])

    assert (report.created, report.updated) == (0, 1)
    assert Event.objects.get().title == "Nytt namn"
    assert Participation.objects.count() == 1


def test_each_bad_line_is_reported_with_its_number_and_nothing_of_it_is_written():
    lines = [
        row(slug="bra"),
        "{inte json",
        row(slug="okant-falt", plats="Malmö"),
        row(slug="fel-typ", kind="picknick"),
        row(slug="fel-roll", participants=[{"name": "Ny Person", "role": "dj"}]),
        row(slug="fel-land", country="XX"),
        row(slug="fel-zon", timezone="Mars/Olympus"),
        row(slug="baklanges", ends_at="2030-02-05T09:00:00"),
        row(
            slug="person-ny",
            participants=[{"name": "Ska Inte Finnas"}],
            organisers=["Org"],
            kind="fel",
        ),
        "",
        row(slug="ocksa-bra"),
    ]

    report = import_events(lines)

    assert [number for number, _ in report.errors] == [2, 3, 4, 5, 6, 7, 8, 9]
    messages = dict(report.errors)
    assert "not valid JSON" in messages[2]
    assert "plats" in messages[3]
    assert "kind" in messages[4]
    assert "dj" in messages[5]
    assert "XX" in messages[6]
    assert "Mars/Olympus" in messages[7]
    assert "kan inte sluta innan det börjar" in messages[8]
    assert sorted(Event.objects.values_list("slug", flat=True)) == ["bra", "ocksa-bra"]
    assert not Person.objects.exists()
    assert not Organisation.objects.exists()
    assert report.created == 2


def test_dry_run_writes_nothing():
    report = import_events([row(participants=[{"name": "Ny"}])], dry_run=True)

    assert report.ok
    assert report.created == 1
    assert not Event.objects.exists()
    assert not Person.objects.exists()


def test_people_are_matched_by_name_and_given_facts_update_them():
    person = find_or_create_person("Irina Kovalenko", title="Adviser", organisation="OSCE")

    same = find_or_create_person("irina  kovalenko", title="Senior Adviser")
    untouched = find_or_create_person("Irina Kovalenko")

    assert same.pk == untouched.pk == person.pk
    assert Person.objects.get().title == "Senior Adviser"
    assert Person.objects.get().organisation.name == "OSCE"


def test_export_then_import_into_an_empty_database_gives_the_same_events(tmp_path, settings):
    picture = tmp_path / "in" / "bild.png"
    picture.parent.mkdir()
    Image.new("RGB", (40, 30), "teal").save(picture)
    osce = OrganisationFactory(name="OSCE")
    event = EventFactory(
        title="Workshop i Wien",
        timezone="Europe/Vienna",
        country="AT",
        organisers=[osce],
        tags=["människohandel"],
        summary="Kort.",
        registration_url="https://example.org/anmalan",
    )
    with picture.open("rb") as handle:
        event.image.save("bild.png", handle, save=False)
    event.image_alt = "Deltagare"
    event.save()
    ParticipationFactory(event=event, person=PersonFactory(name="Marcus", organisation=osce))
    EventFactory(title="Utkast", status=Event.Status.DRAFT, all_day=True)
    out = tmp_path / "out"
    out.mkdir()
    with (out / "events.jsonl").open("w") as handle:
        assert export_events(handle, base_dir=out) == 2
    first = (out / "events.jsonl").read_text()

    Event.objects.all().delete()
    Person.objects.all().delete()
    Organisation.objects.all().delete()
    with (out / "events.jsonl").open() as handle:
        report = import_events(handle, base_dir=out)
    again = tmp_path / "again"
    again.mkdir()
    with (again / "events.jsonl").open("w") as handle:
        export_events(handle, base_dir=again)

    assert report.ok, report.errors

    def rows(text):
        # The stored image's file name may differ; its bytes are compared below.
        return [
            {**json.loads(line), "image": bool(json.loads(line)["image"])}
            for line in text.splitlines()
        ]

    assert rows((again / "events.jsonl").read_text()) == rows(first)
    imported = Event.objects.get(slug="workshop-i-wien")
    assert imported.image_renditions["width"] == 40
    assert imported.image_renditions["height"] == 30
    # A second import of the same file changes nothing and stores no second image.
    files = sorted(p.name for p in (settings.MEDIA_ROOT / "events").rglob("*"))
    with (out / "events.jsonl").open() as handle:
        assert import_events(handle, base_dir=out).updated == 2
    assert sorted(p.name for p in (settings.MEDIA_ROOT / "events").rglob("*")) == files


def test_an_image_outside_the_files_folder_or_not_a_picture_is_refused(tmp_path):
    (tmp_path / "fake.jpg").write_text("not a picture")

    report = import_events(
        [
            row(image="../../etc/passwd", image_alt="x"),
            row(image="fake.jpg", image_alt="x"),
            row(image="saknas.jpg", image_alt="x"),
        ],
        base_dir=tmp_path,
    )

    assert [number for number, _ in report.errors] == [1, 2, 3]
    assert "outside" in report.errors[0][1]
    assert "image:" in report.errors[1][1]
    assert "no file" in report.errors[2][1]
    assert not Event.objects.exists()


@pytest.mark.slow
def test_the_commands_show_progress_and_fail_on_bad_lines(tmp_path):
    # Progress shows every 100 lines: just past the first report is enough.
    good = tmp_path / "good.jsonl"
    good.write_text("\n".join(row(slug=f"e-{n}") for n in range(120)) + "\n")
    out, err = StringIO(), StringIO()

    call_command("import_events", str(good), stdout=out, stderr=err)

    assert "120 created" in out.getvalue()
    assert "100/120 lines" in err.getvalue()
    assert "120/120 lines" in err.getvalue()
    bad = tmp_path / "bad.jsonl"
    bad.write_text(row(slug="ny") + "\n" + row(kind="x") + "\n")
    with pytest.raises(CommandError):
        call_command("import_events", str(bad), "--dry-run", stdout=out, stderr=err)
    assert f"{bad}:2: kind" in err.getvalue()
    assert not Event.objects.filter(slug="ny").exists()

    exported = tmp_path / "export" / "events.jsonl"
    call_command("export_events", str(exported), stdout=out)
    assert len(exported.read_text().splitlines()) == 120


def test_a_line_without_a_slug_gets_one_from_its_title_and_imports_idempotently():
    line = json.dumps({k: v for k, v in json.loads(row()).items() if k != "slug"})

    first = import_events([line])
    second = import_events([line])

    assert (first.created, second.updated) == (1, 1)
    assert Event.objects.get().slug == "webbinarium-om-kemikalier"


def test_each_imported_event_has_a_version_with_its_participants(tmp_path):
    source = tmp_path / "evenemang.jsonl"
    participants = [{"name": "Åsa Ørsted", "role": "host"}]
    source.write_text(row(participants=participants) + "\n" + row(slug="fel", kind="x") + "\n")
    with pytest.raises(CommandError):
        call_command("import_events", str(source), stdout=StringIO(), stderr=StringIO())

    version = Version.objects.get_for_object(Event.objects.get()).get()
    assert "evenemang.jsonl" in version.revision.get_comment()
    in_revision = {v.object_repr for v in version.revision.version_set.all()}
    assert "Webbinarium om kemikalier" in in_revision
    assert any("Åsa Ørsted" in name for name in in_revision)  # Person and participation.
    assert not Version.objects.filter(object_repr__contains="fel").exists()


def test_a_line_only_the_database_refuses_leaves_nothing_and_the_rest_of_its_batch_is_kept():
    # An organiser's name longer than the database keeps: the line has already
    # saved its event when that shows, so its batch is saved again line by line.
    lines = [
        row(slug="forsta", participants=[{"name": "Åsa Ørsted"}]),
        row(slug="for-langt", organisers=["O" * 201], participants=[{"name": "Nils Ödman"}]),
        row(slug="tredje", participants=[{"name": "Åsa Ørsted", "role": "host"}]),
    ]

    report = import_events(lines)

    assert [number for number, _ in report.errors] == [2]
    assert (report.created, report.updated) == (2, 0)
    assert sorted(Event.objects.values_list("slug", flat=True)) == ["forsta", "tredje"]
    assert list(Person.objects.values_list("name", flat=True)) == ["Åsa Ørsted"]
    assert not Organisation.objects.exists()
    for event in Event.objects.all():
        assert Version.objects.get_for_object(event).count() == 1
    assert not Version.objects.filter(object_repr__contains="Nils").exists()
