"""Every admin list and change form the editors use opens in a fixed number of
queries, at 5 and at 200 rows: at most 10, plus one per inline form (each lists
its choices)."""

from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import Article, Authorship, Hero
from events.models import Event, Organisation, Participation, Person
from secretariat.models import Page
from tests.factories import ArticleFactory, EventFactory

pytestmark = pytest.mark.django_db

# A picture and its stored renditions, as the image field leaves them.
PICTURE = {
    "image": "articles/2026/bild.jpg",
    "image_renditions": {
        "source": "articles/2026/bild.jpg",
        "width": 1600,
        "height": 900,
        "webp": {"480": "articles/2026/bild-480w.webp", "960": "articles/2026/bild-960w.webp"},
    },
    "image_decorative": True,
}


def make(count):
    """count of each: organisations, people, tags, articles and events, all linked."""
    cache.clear()  # The filters' most used values are remembered between requests.
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Sykehusinnkjøp {n}", slug=f"sykehusinnkjop-{n}") for n in range(count)
    )
    people = Person.objects.bulk_create(
        Person(name=f"Kari Høyland {n}", slug=f"kari-hoyland-{n}", organisation=organisation)
        for n, organisation in enumerate(organisations)
    )
    tags = Tag.objects.bulk_create(Tag(name=f"ämne {n}", slug=f"amne-{n}") for n in range(count))
    articles = Article.objects.bulk_create(
        ArticleFactory.build(slug=f"nyhet-{n}", **PICTURE) for n in range(count)
    )
    now = timezone.now()
    events = Event.objects.bulk_create(
        EventFactory.build(
            slug=f"evenemang-{n}",
            starts_at=now + timedelta(days=n),
            ends_at=now + timedelta(days=n, hours=1),
            **PICTURE,
        )
        for n in range(count)
    )
    Authorship.objects.bulk_create(
        Authorship(article=article, person=person, order=order)
        for n, article in enumerate(articles)
        for order, person in enumerate((people[n], people[n - 1]))
    )
    Participation.objects.bulk_create(
        Participation(event=event, person=person, role=role)
        for n, event in enumerate(events)
        for person, role in ((people[n], "speaker"), (people[n - 1], "moderator"))
    )
    Event.organisers.through.objects.bulk_create(
        Event.organisers.through(event=event, organisation=organisations[n])
        for n, event in enumerate(events)
    )
    for model, objects in ((Article, articles), (Event, events)):
        content_type = ContentType.objects.get_for_model(model)
        TaggedItem.objects.bulk_create(
            TaggedItem(tag=tags[n], content_type=content_type, object_id=obj.pk)
            for n, obj in enumerate(objects)
        )
    Page.objects.update_or_create(
        slug="tillganglighet", defaults={"title": "Tillgänglighet", "body": "<p>Text.</p>"}
    )
    Hero.objects.create(heading="Välkommen", text="Text.", is_active=True)
    return {
        "article": articles[0],
        "event": events[0],
        "person": people[0],
        "organisation": organisations[0],
        "tag": tags[0],
    }


# (address, inline forms on the page, the empty one that "add another" copies
# included: each lists its choices in a query)
PAGES = {
    "article list": (lambda d: "/admin/articles/article/", 0),
    "article list, filtered": (
        lambda d: f"/admin/articles/article/?tag={d['tag'].slug}&author=Høyland&q=nyhet",
        0,
    ),
    "article": (lambda d: f"/admin/articles/article/{d['article'].pk}/change/", 4),
    "new article": (lambda d: "/admin/articles/article/add/", 2),
    "hero list": (lambda d: "/admin/articles/hero/", 0),
    "event list": (lambda d: "/admin/events/event/", 0),
    "event list, filtered": (
        lambda d: f"/admin/events/event/?organiser=Sykehus&tag={d['tag'].slug}&status=published",
        0,
    ),
    "event": (lambda d: f"/admin/events/event/{d['event'].pk}/change/", 4),
    "new event": (lambda d: "/admin/events/event/add/", 2),
    "people": (lambda d: "/admin/events/person/", 0),
    "people, filtered": (lambda d: "/admin/events/person/?organisation=sykehusinnkjop-1", 0),
    "person": (lambda d: f"/admin/events/person/{d['person'].pk}/change/", 0),
    "organisations": (lambda d: "/admin/events/organisation/", 0),
    "organisation": (lambda d: f"/admin/events/organisation/{d['organisation'].pk}/change/", 0),
    "tags": (lambda d: "/admin/taggit/tag/", 0),
    "tag": (lambda d: f"/admin/taggit/tag/{d['tag'].pk}/change/", 0),
    "pages": (lambda d: "/admin/secretariat/page/", 0),
}


@pytest.mark.parametrize("count", [5, 200])
@pytest.mark.parametrize("page", PAGES)
def test_admin_pages_open_in_a_fixed_number_of_queries(
    staff_client, django_assert_max_num_queries, count, page
):
    data = make(count)
    url, inline_forms = PAGES[page]
    staff_client.get("/admin/")  # The session is loaded once, as for any editor.
    # Content types are looked up once per process, then kept: as a running site has.
    ContentType.objects.get_for_models(*apps.get_models())

    with django_assert_max_num_queries(10 + inline_forms):
        response = staff_client.get(url(data))

    assert response.status_code == 200
