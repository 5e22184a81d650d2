"""A newcomer's `make run` shows demo events, upcoming and past, with participants."""

import pytest
from django.core.management import call_command

from events.models import Event, Person

pytestmark = pytest.mark.django_db


@pytest.mark.slow
def test_demo_shows_events_people_and_organisations(client):
    call_command("load_demo")

    upcoming = client.get("/evenemang/")
    past = client.get("/evenemang/tidigare/")
    assert len(upcoming.context["events"]) == 4  # the draft is not shown
    assert "Inställt" in upcoming.content.decode()
    assert len(past.context["events"]) == 11
    astana = client.get("/evenemang/osce-workshop-astana-2017/").content.decode()
    assert "Irina Kovalenko" in astana
    assert "lokal tid i Astana" in astana
    conference = Event.objects.get(slug="nationell-konferens-hallbar-upphandling")
    assert "Ingvild Sæther Bjørnstad" in client.get(conference.get_absolute_url()).content.decode()
    assert Event.objects.filter(status="draft").count() == 1

    karin = Person.objects.get(name="Karin Lindqvist Berg")
    assert karin.photo_renditions["width"] == 400
    assert karin.bio.startswith("Karin Lindqvist Berg leder")
    page = client.get(karin.get_absolute_url())
    assert page.status_code == 200
    assert karin.photo_alt in page.content.decode()
    norwegian = Person.objects.get(name="Ingvild Sæther Bjørnstad")
    assert norwegian.organisation.country.code == "NO"
    assert client.get(norwegian.organisation.get_absolute_url()).status_code == 200
