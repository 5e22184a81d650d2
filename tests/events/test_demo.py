"""A newcomer's `make run` shows demo events, upcoming and past, with participants."""

import pytest

from events import demo
from events.models import Event, Person

pytestmark = pytest.mark.django_db


@pytest.mark.slow
def test_demo_loads_events_people_and_organisations_once(client):
    counts = demo.load()

    assert counts["events"] == 16
    assert counts["people"] == 20
    assert counts["organisations"] == 16
    assert demo.load() == {"organisations": 0, "people": 0, "events": 0}

    upcoming = client.get("/evenemang/")
    past = client.get("/evenemang/tidigare/")
    assert len(upcoming.context["events"]) == 4  # the draft is not shown
    assert "Inställt" in upcoming.content.decode()
    assert len(past.context["events"]) == 11
    astana = client.get("/evenemang/osce-workshop-astana-2017/").content.decode()
    assert "Irina Kovalenko" in astana
    assert "lokal tid i Astana" in astana
    karin = Person.objects.get(name="Karin Lindqvist Berg")
    assert karin.photo_renditions["width"] == 600
    assert Event.objects.filter(status="draft").count() == 1
