"""The .ics files and feeds, parsed back with icalendar; the RSS feed with feedparser."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
from django.utils import timezone

from events.models import Event
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db

ALMATY = ZoneInfo("Asia/Almaty")


def vevents(response):
    return icalendar.Calendar.from_ical(response.content).walk("VEVENT")


def test_one_event_as_ics_has_the_right_instants_zone_and_fields(client, settings):
    settings.SITE_URL = "https://upphandling.example.org"
    event = EventFactory(
        title="Workshop i Astana",
        timezone="Asia/Almaty",
        venue="Utrikesministeriet",
        city="Astana",
        country="KZ",
        starts_at=datetime(2017, 6, 15, 9, 0, tzinfo=ALMATY),
        ends_at=datetime(2017, 6, 16, 17, 0, tzinfo=ALMATY),
        summary="Två dagar om tvångsarbete i leveranskedjor.",
    )

    response = client.get(f"/evenemang/{event.slug}/kalender.ics")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(response.content)
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Almaty"]
    (entry,) = cal.walk("VEVENT")
    assert entry["DTSTART"].dt == event.starts_at
    assert entry["DTEND"].dt == event.ends_at
    assert entry["DTSTART"].params["TZID"] == "Asia/Almaty"
    assert entry["DTSTART"].dt.utcoffset() == timedelta(hours=6)
    assert str(entry["UID"]) == f"event-{event.pk}@upphandling.example.org"
    assert entry["SEQUENCE"] == 0
    assert entry["STATUS"] == "CONFIRMED"
    assert "Astana" in str(entry["LOCATION"])
    assert str(entry["URL"]) == f"https://upphandling.example.org/evenemang/{event.slug}/"
    assert "Två dagar om tvångsarbete" in str(entry["DESCRIPTION"])
    assert entry["DTSTAMP"].dt.tzinfo is not None


def test_all_day_events_are_dates_with_an_exclusive_end(client):
    santiago = ZoneInfo("America/Santiago")
    event = EventFactory(
        all_day=True,
        timezone="America/Santiago",
        starts_at=datetime(2018, 9, 26, 9, 0, tzinfo=santiago),
        ends_at=datetime(2018, 9, 27, 17, 0, tzinfo=santiago),
    )

    (entry,) = vevents(client.get(f"/evenemang/{event.slug}/kalender.ics"))

    assert entry["DTSTART"].dt == date(2018, 9, 26)
    assert entry["DTEND"].dt == date(2018, 9, 28)


def test_a_cancelled_event_keeps_its_uid_with_a_raised_sequence(client):
    event = EventFactory()
    (before,) = vevents(client.get(f"/evenemang/{event.slug}/kalender.ics"))

    event = Event.objects.get(pk=event.pk)
    event.status = Event.Status.CANCELLED
    event.save()
    (after,) = vevents(client.get(f"/evenemang/{event.slug}/kalender.ics"))

    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] == before["SEQUENCE"] + 1
    assert after["STATUS"] == "CANCELLED"


def test_conditional_get_answers_not_modified_until_the_event_changes(client):
    event = EventFactory()
    url = f"/evenemang/{event.slug}/kalender.ics"
    first = client.get(url)

    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    since = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304

    event = Event.objects.get(pk=event.pk)
    event.starts_at += timedelta(hours=1)
    event.ends_at += timedelta(hours=1)
    event.save()
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 200


def test_the_feed_holds_upcoming_public_events_in_their_zones(client):
    now = timezone.now()
    soon = EventFactory(title="Snart")
    abroad = EventFactory(title="Utomlands", timezone="America/Santiago")
    EventFactory(title="Utkast", status=Event.Status.DRAFT)
    EventFactory(title="Förbi", starts_at=now - timedelta(days=2), ends_at=now - timedelta(days=1))

    response = client.get("/evenemang/kalender.ics")
    cal = icalendar.Calendar.from_ical(response.content)

    assert sorted(str(e["SUMMARY"]) for e in cal.walk("VEVENT")) == sorted(
        [abroad.title, soon.title]
    )
    assert {tz["TZID"] for tz in cal.walk("VTIMEZONE")} == {"Europe/Stockholm", "America/Santiago"}
    again = client.get("/evenemang/kalender.ics", headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


def test_an_event_that_ends_changes_the_feed(client):
    now = timezone.now()
    EventFactory(
        title="Pågår", starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1)
    )
    first = client.get("/evenemang/kalender.ics")

    Event.objects.update(ends_at=now - timedelta(minutes=1))

    second = client.get("/evenemang/kalender.ics", headers={"if-none-match": first["ETag"]})
    assert second.status_code == 200
    assert vevents(second) == []


def test_feeds_per_topic_and_per_kind(client):
    EventFactory(title="Klimatwebbinarium", tags=["klimat"])
    EventFactory(title="Workshop", kind=Event.Kind.WORKSHOP)

    by_topic = vevents(client.get("/evenemang/amne/klimat/kalender.ics"))
    by_kind = vevents(client.get("/evenemang/typ/workshop/kalender.ics"))

    assert [str(e["SUMMARY"]) for e in by_topic] == ["Klimatwebbinarium"]
    assert [str(e["SUMMARY"]) for e in by_kind] == ["Workshop"]
    assert client.get("/evenemang/typ/picknick/kalender.ics").status_code == 404
    assert client.get("/evenemang/amne/saknas/kalender.ics").status_code == 404


def test_rss_of_upcoming_events_is_valid_and_marks_cancellations(client):
    EventFactory(title="Kommande seminarium")
    EventFactory(title="Inställd workshop", status=Event.Status.CANCELLED)

    feed = feedparser.parse(client.get("/evenemang/rss/").content)

    assert not feed.bozo
    assert sorted(entry.title for entry in feed.entries) == [
        "Inställt: Inställd workshop",
        "Kommande seminarium",
    ]


def test_a_filtered_list_offers_the_calendar_of_its_kind_or_topic(client):
    EventFactory(tags=["klimat"])

    by_topic = client.get("/evenemang/?amne=klimat").content.decode()
    by_kind = client.get("/evenemang/?typ=workshop").content.decode()

    assert 'href="/evenemang/amne/klimat/kalender.ics"' in by_topic
    assert 'href="/evenemang/typ/workshop/kalender.ics"' in by_kind


def test_calendar_entries_carry_their_kind_and_topics_as_categories(client):
    EventFactory(title="Klimatwebbinarium", kind=Event.Kind.WEBINAR, tags=["klimat", "avfall"])
    EventFactory(title="Workshop", kind=Event.Kind.WORKSHOP)

    entries = {str(e["SUMMARY"]): e for e in vevents(client.get("/evenemang/kalender.ics"))}

    def categories(entry):
        found = entry.get("CATEGORIES")
        found = found if isinstance(found, list) else [found]
        return [str(name) for item in found for name in item.cats]

    assert categories(entries["Klimatwebbinarium"]) == ["Webbinarium", "avfall", "klimat"]
    assert categories(entries["Workshop"]) == ["Workshop"]
