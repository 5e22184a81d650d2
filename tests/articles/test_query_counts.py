"""Every public news page runs the same number of queries with 5 or 200 articles.

The limits are the exact counts today: a new query on a page shows up here.
"""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import Article, Authorship, Hero
from tests.factories import ArticleFactory, EventFactory, PersonFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_known")]

PAGES = {
    "home": (reverse("articles:home"), 6),
    "list": (reverse("articles:list"), 8),
    "filtered": (
        reverse("articles:list") + "?amne=klimat&amne=textil&ar={year}&forfattare=sara&sprak=sv",
        8,
    ),
    "tags": (reverse("articles:tags"), 1),
    "tag": (reverse("articles:tag", args=["klimat"]), 6),
    "archive": (reverse("articles:archive"), 1),
    "year": ("/aktuellt/arkiv/{year}/", 10),
    "month": ("/aktuellt/arkiv/{year}/{month}/", 8),
    "rss": (reverse("articles:feed_rss"), 5),
    "atom": (reverse("articles:feed_atom"), 5),
    "tag_rss": (reverse("articles:tag_feed_rss", args=["klimat"]), 6),
    # Pages, articles, the events app's events, people and organisations, sent issues.
    "sitemap": ("/sitemap.xml", 10),
    "detail": ("{detail}", 6),
}


def make(count):
    """count published articles, each with two authors, two tags and two events."""
    authors = [PersonFactory(slug="sara"), PersonFactory()]
    tags = [Tag.objects.create(name=name, slug=name) for name in ("klimat", "textil")]
    events = EventFactory.create_batch(2)
    Hero.objects.create(heading="Puff", text="Text.", is_active=True)
    articles = Article.objects.bulk_create(
        ArticleFactory.build(
            published_at=timezone.now() - timedelta(hours=n + 1), body="<p>Om upphandling.</p>"
        )
        for n in range(count)
    )
    content_type = ContentType.objects.get_for_model(Article)
    TaggedItem.objects.bulk_create(
        TaggedItem(tag=tag, content_type=content_type, object_id=article.pk)
        for article in articles
        for tag in tags
    )
    Authorship.objects.bulk_create(
        Authorship(article=article, person=person, order=order)
        for article in articles
        for order, person in enumerate(authors)
    )
    Article.events.through.objects.bulk_create(
        Article.events.through(article=article, event=event)
        for article in articles
        for event in events
    )
    return articles[len(articles) // 2]


@pytest.mark.parametrize("count", [5, 200])
@pytest.mark.parametrize("page", PAGES)
def test_query_count_does_not_grow_with_data(client, django_assert_max_num_queries, count, page):
    article = make(count)
    url, limit = PAGES[page]
    year = timezone.localtime(article.published_at).year
    month = timezone.localtime(article.published_at).month
    url = url.format(year=year, month=month, detail=article.get_absolute_url())
    with django_assert_max_num_queries(limit):
        response = client.get(url)
    assert response.status_code == 200
