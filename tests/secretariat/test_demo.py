"""`manage.py load_demo`: the files of demo/, loaded through the import commands."""

import json
import shutil
from datetime import UTC, datetime, time, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from articles.models import Article, Hero
from events.models import Event, Organisation, Person
from newsletter.models import Issue
from secretariat.management.commands import load_demo

pytestmark = pytest.mark.django_db

MODELS = [Organisation, Person, Event, Article, Hero, Issue]


def lines(name):
    with (load_demo.DEMO / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


@pytest.mark.slow
def test_demo_loads_every_line_and_a_second_run_adds_nothing(capsys):
    call_command("load_demo")
    first = counts()
    out = capsys.readouterr().out
    # The events and articles went through the commands staff run.
    assert f"Events: {len(lines('events.jsonl'))} lines: " in out
    assert f"Articles: {len(lines('articles.jsonl'))} lines: " in out
    assert first["Event"] == len(lines("events.jsonl"))
    assert first["Article"] == len(lines("articles.jsonl"))
    assert first["Organisation"] == len(lines("organisations.jsonl"))
    assert first["Person"] == len(lines("people.jsonl"))
    assert first["Hero"] == first["Issue"] == 1
    assert Article.objects.published().count() > 30
    assert Event.objects.published().upcoming().exists()
    assert Event.objects.published().past().exists()

    call_command("load_demo")

    assert counts() == first
    assert "0 created" in capsys.readouterr().out
    hero = Hero.objects.active().get()
    assert hero.heading == lines("hero.jsonl")[0]["heading"]
    assert hero.image_alt
    assert hero.image_renditions["webp"]
    issue = Issue.objects.get()
    assert issue.include_events
    expected = lines("newsletter.jsonl")[0]["articles"]
    assert [item.article.slug for item in issue.issue_articles.all()] == expected


def test_every_picture_has_a_description():
    for name, picture, alt in [
        ("articles.jsonl", "image", "image_alt"),
        ("events.jsonl", "image", "image_alt"),
        ("people.jsonl", "photo", "photo_alt"),
        ("hero.jsonl", "image", "image_alt"),
    ]:
        for line in lines(name):
            if line.get(picture):
                assert (load_demo.DEMO / line[picture]).is_file()
                assert line.get(alt) or line.get("image_decorative"), (name, line[picture])


def test_upcoming_events_stay_ahead_of_the_day_the_demo_is_loaded():
    later = load_demo.WRITTEN + timedelta(weeks=30, days=3)
    with time_machine.travel(datetime.combine(later, time(12), tzinfo=UTC)):
        call_command("import_events", load_demo.DEMO / "events.jsonl")
        written = {event.slug: event.starts_at for event in Event.objects.all()}
        assert not Event.objects.published().upcoming().exists()  # As written, all past.

        assert load_demo.keep_upcoming_ahead(timezone.localdate()) == 30

        upcoming = Event.objects.published().upcoming()
        assert upcoming.count() == 4
        for event in upcoming:
            assert event.starts_at - written[event.slug] == timedelta(weeks=30)
        # What happened before the file was written stays where it was.
        for event in Event.objects.past():
            assert event.starts_at == written[event.slug]


def test_a_bad_line_is_reported_with_its_file_and_number(tmp_path, monkeypatch):
    number = len(lines("people.jsonl")) + 1
    demo = tmp_path / "demo"
    shutil.copytree(load_demo.DEMO, demo)
    with (demo / "people.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"name": "Øystein Dæhli", "photo": "bilder/saknas.jpg"}) + "\n")
    monkeypatch.setattr(load_demo, "DEMO", demo)

    with pytest.raises(CommandError) as error:
        call_command("load_demo")

    assert f"people.jsonl:{number}: photo: no file at 'bilder/saknas.jpg'" in str(error.value)
    assert not Person.objects.filter(name="Øystein Dæhli").exists()
