"""Every public page runs the same number of queries with 5 and with 200 events."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from events.models import Event, Participation, Person
from tests.factories import EventFactory, OrganisationFactory, PersonFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_known")]

# The exact counts today; a page may never need more as the data grows.
PAGES = {
    "upcoming": (lambda d: "/evenemang/?typ=webinar", 5),
    "words": (lambda d: "/evenemang/?q=upphandling&organisation=" + d["organisation"].slug, 6),
    "past": (lambda d: "/evenemang/tidigare/", 6),
    "past_year": (lambda d: f"/evenemang/tidigare/{d['past'].starts_at.year}/", 6),
    "detail": (lambda d: d["event"].get_absolute_url(), 7),
    "ical": (lambda d: f"/evenemang/{d['event'].slug}/kalender.ics", 2),
    "feed": (lambda d: "/evenemang/kalender.ics", 3),
    "feed_tag": (lambda d: "/evenemang/amne/klimat/kalender.ics", 4),
    "rss": (lambda d: "/evenemang/rss/", 1),
    "person": (lambda d: d["person"].get_absolute_url(), 5),
    "organisation": (lambda d: d["organisation"].get_absolute_url(), 3),
}


def make_data(size):
    """size events, half past, each with organisers, topics and three participations.

    Made in bulk: the test is about the pages' queries, not the factories'.
    """
    organisation, other = OrganisationFactory(), OrganisationFactory()
    person = PersonFactory(organisation=organisation)
    now = timezone.now()
    events = []
    for number in range(size):
        starts = now + timedelta(days=number + 1) * (-1 if number % 2 else 1)
        event = EventFactory.build(starts_at=starts, ends_at=starts + timedelta(hours=2))
        event.slug = f"evenemang-{number}"
        events.append(event)
    events = Event.objects.bulk_create(events)
    speakers = Person.objects.bulk_create(
        Person(name=f"Talare {n}", slug=f"talare-{n}", organisation=organisation)
        for n in range(size)
    )
    Participation.objects.bulk_create(
        Participation(event=event, person=someone, role=role)
        for event, speaker in zip(events, speakers, strict=True)
        for someone, role in (
            (person, Participation.Role.SPEAKER),
            (person, Participation.Role.MODERATOR),
            (speaker, Participation.Role.SPEAKER),
        )
    )
    through = Event.organisers.through
    through.objects.bulk_create(
        through(event=event, organisation=each)
        for event in events
        for each in (organisation, other)
    )
    klimat, _ = Tag.objects.get_or_create(name="klimat", slug="klimat")
    kind = ContentType.objects.get_for_model(Event)
    TaggedItem.objects.bulk_create(
        TaggedItem(tag=klimat, content_type=kind, object_id=event.pk) for event in events
    )
    return {"event": events[0], "past": events[1], "person": person, "organisation": organisation}


@pytest.mark.parametrize("size", [5, 200])
@pytest.mark.parametrize("page", list(PAGES))
def test_public_pages_run_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, size, page, make_article
):
    data = make_data(size)
    for number in range(min(size, 30)):
        make_article(f"Artikel {number}", authors=[data["person"]], events=[data["event"]])
    url, most = PAGES[page]

    with django_assert_max_num_queries(most):
        response = client.get(url(data))

    assert response.status_code == 200
