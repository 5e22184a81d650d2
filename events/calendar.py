"""iCalendar (RFC 5545) files for one event and for subscribable feeds, via `icalendar`.

Times keep the event's own zone (DTSTART;TZID=Asia/Almaty plus a matching VTIMEZONE),
so a calendar abroad and one in Sweden both show the right moment; all-day events are
dates. UIDs never change, and SEQUENCE rises when the time, place or status changes,
so a subscribed calendar updates the entry instead of adding a second one.
"""

from datetime import timedelta
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone

from secretariat.content.links import absolute_url
from secretariat.content.richtext import plain_text
from secretariat.content.tagging import tag_names

PRODID = "-//Nationella kansliet for hallbar upphandling//Evenemang//SV"

# How long a subscribable calendar keeps an event after it ends: calendar programs
# delete from their subscribers' calendars whatever leaves the feed.
KEEPS_PAST = timedelta(days=365)


def subscription(path):
    """The two addresses of a subscribable calendar at ``path``.

    ``webcal`` makes a calendar program subscribe when the link is opened; ``https``
    is the same feed for programs where one pastes an address.
    """
    https = absolute_url(path)
    return {"https": https, "webcal": "webcal://" + https.split("://", 1)[1]}


def event_uid(event):
    host = urlsplit(settings.SITE_URL).hostname or "secretariat.invalid"
    return f"event-{event.pk}@{host}"


def event_component(event, tags=()):
    entry = icalendar.Event()
    entry.add("uid", event_uid(event))
    entry.add("dtstamp", event.updated_at or timezone.now())
    entry.add("last-modified", event.updated_at or timezone.now())
    entry.add("sequence", event.sequence)
    entry.add("summary", event.title)
    if event.all_day:
        entry.add("dtstart", event.local_starts_at.date())
        entry.add("dtend", event.calendar_end_date)
    else:
        entry.add("dtstart", event.local_starts_at)
        entry.add("dtend", event.local_ends_at)
    url = absolute_url(event.get_absolute_url())
    entry.add("url", url)
    location = event.place or event.online_url
    if location:
        entry.add("location", location)
    lines = [event.summary or plain_text(event.description)]
    if event.online_url:
        lines.append(event.online_url)
    lines.append(url)
    entry.add("description", "\n\n".join(line for line in lines if line))
    entry.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    for category in [event.get_kind_display(), *tags]:
        entry.add("categories", str(category))
    return entry


def calendar(events, *, name):
    """A VCALENDAR holding events, with a VTIMEZONE for every zone they use."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", str(name))
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    # Clients that honour these re-read a subscribed feed every few hours.
    cal.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT6H")
    tags = tag_names(events)
    for event in events:
        cal.add_component(event_component(event, tags[event.pk]))
    cal.add_missing_timezones()
    return cal.to_ical()
