"""The .ics files and feeds, parsed back with icalendar; the RSS feed with feedparser."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
import time_machine
from django.utils import timezone
from django.utils.http import http_date

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


def test_the_feed_holds_upcoming_and_recent_public_events_in_their_zones(client):
    now = timezone.now()
    soon = EventFactory(title="Snart")
    abroad = EventFactory(title="Utomlands", timezone="America/Santiago")
    EventFactory(title="Utkast", status=Event.Status.DRAFT)
    recent = EventFactory(
        title="Förbi i våras",
        starts_at=now - timedelta(days=200),
        ends_at=now - timedelta(days=199),
    )
    EventFactory(title="För länge sedan", starts_at=now - timedelta(days=400))

    response = client.get("/evenemang/kalender.ics")
    cal = icalendar.Calendar.from_ical(response.content)

    assert sorted(str(e["SUMMARY"]) for e in cal.walk("VEVENT")) == sorted(
        [abroad.title, recent.title, soon.title]
    )
    assert {tz["TZID"] for tz in cal.walk("VTIMEZONE")} == {"Europe/Stockholm", "America/Santiago"}
    again = client.get("/evenemang/kalender.ics", headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


@pytest.mark.parametrize(
    "path", ["/evenemang/kalender.ics", "/evenemang/amne/ostersjon/kalender.ics"]
)
def test_an_event_stays_in_the_feeds_for_twelve_months_after_it_ends(client, path):
    ends = datetime(2026, 3, 12, 17, 0, tzinfo=ZoneInfo("Europe/Stockholm"))
    EventFactory(
        title="Östersjöns leverantörer",
        starts_at=ends - timedelta(hours=3),
        ends_at=ends,
        tags=["Östersjön"],
    )

    with time_machine.travel(ends + timedelta(days=1), tick=False):
        next_day = client.get(path)
    with time_machine.travel(ends + timedelta(days=364), tick=False):
        within_a_year = client.get(path, headers={"if-none-match": next_day["ETag"]})
    with time_machine.travel(ends + timedelta(days=366), tick=False):
        after_a_year = client.get(path, headers={"if-none-match": next_day["ETag"]})

    assert [str(e["SUMMARY"]) for e in vevents(next_day)] == ["Östersjöns leverantörer"]
    assert within_a_year.status_code == 304
    assert after_a_year.status_code == 200
    assert vevents(after_a_year) == []
    assert after_a_year["Last-Modified"] == http_date((ends + timedelta(days=365)).timestamp())


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


def test_a_filtered_list_offers_the_calendar_of_its_kind_or_topic(client, settings):
    settings.SITE_URL = "https://upphandling.example.org"
    EventFactory(tags=["Klimat på Åland"])

    by_topic = client.get("/evenemang/?amne=klimat-pa-aland").content.decode()
    by_kind = client.get("/evenemang/?typ=workshop").content.decode()

    for html, path in (
        (by_topic, "/evenemang/amne/klimat-pa-aland/kalender.ics"),
        (by_kind, "/evenemang/typ/workshop/kalender.ics"),
    ):
        # webcal:// subscribes in a calendar program; https:// is the address to paste.
        assert f'href="webcal://upphandling.example.org{path}"' in html
        assert f'href="https://upphandling.example.org{path}"' in html


def test_every_event_list_offers_the_whole_calendar_as_webcal_and_https(client, settings):
    settings.SITE_URL = "https://upphandling.example.org"

    html = client.get("/evenemang/tidigare/").content.decode()

    assert 'href="webcal://upphandling.example.org/evenemang/kalender.ics"' in html
    assert ">https://upphandling.example.org/evenemang/kalender.ics</a>" in html
    assert "de senaste tolv månaderna" in html


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
