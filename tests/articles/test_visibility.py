"""Drafts and scheduled articles are invisible to the public everywhere."""

from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, draft, scheduled

# Each test twice: with the page cache off, and on as in production.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

PUBLIC_LISTS = [
    reverse("articles:home"),
    reverse("articles:list"),
    reverse("articles:list") + "?q=utkast",
    reverse("search:results") + "?q=hemligt",
    reverse("search:results") + "?q=schemalagd",
    reverse("search:results") + "?q=hemligt&typ=nyheter",
    reverse("articles:tag", args=["hemlig"]),
    reverse("articles:tags"),
    reverse("articles:archive"),
    reverse("articles:feed_rss"),
    reverse("articles:feed_atom"),
    reverse("articles:tag_feed_rss", args=["hemlig"]),
    "/sitemap.xml",
]


@pytest.fixture
def hidden():
    # One visible article carries the tag too, so the tag's pages exist.
    ArticleFactory(title="Synlig nyhet", slug="synlig", tags=["hemlig"])
    return [draft(slug="utkastet", tags=["hemlig"]), scheduled(slug="framtiden", tags=["hemlig"])]


@pytest.mark.parametrize("url", PUBLIC_LISTS)
def test_hidden_articles_are_absent_from_every_list(client, hidden, url):
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    for article in hidden:
        assert article.title not in content
        assert article.slug not in content


def test_hidden_articles_give_404_on_their_address(client, hidden):
    for article in hidden:
        assert client.get(article.get_absolute_url()).status_code == 404


def test_tag_counts_and_archive_count_only_visible_articles(client, hidden):
    response = client.get(reverse("articles:tags"))
    assert [(tag["tag__slug"], tag["count"]) for tag in response.context["tags"]] == [("hemlig", 1)]
    archive = client.get(reverse("articles:archive")).context["years"]
    assert sum(year["count"] for year in archive) == 1


def test_year_without_visible_articles_is_404(client):
    draft(published_at=timezone.now() - timedelta(days=800))
    year = timezone.localtime(timezone.now() - timedelta(days=800)).year
    assert client.get(reverse("articles:archive_year", args=[year])).status_code == 404


def test_scheduled_article_appears_by_itself(client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    article = scheduled()
    assert client.get(article.get_absolute_url()).status_code == 404
    feed = feedparser.parse(client.get(reverse("articles:feed_rss")).content)
    assert not feed.entries

    time_machine.shift(timedelta(days=3, seconds=1))
    assert client.get(article.get_absolute_url()).status_code == 200
    assert article.title in client.get(reverse("articles:list")).content.decode()
    feed = feedparser.parse(client.get(reverse("articles:feed_rss")).content)
    assert [entry.title for entry in feed.entries] == [article.title]


def test_preview_is_for_staff_only(client):
    url = reverse("articles:preview", args=[draft().pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_staff_preview_a_draft_never_cached_and_not_indexed(staff_client):
    article = draft()
    url = reverse("articles:preview", args=[article.pk])
    response = staff_client.get(url)
    assert response.status_code == 200
    assert article.title in response.content.decode()
    assert "no-cache" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_a_tag_only_hidden_articles_carry_has_no_public_page(client):
    draft(tags=["hemligt-amne"])
    scheduled(tags=["hemligt-amne"])
    for name in ("tag", "tag_feed_rss", "tag_feed_atom"):
        assert client.get(reverse(f"articles:{name}", args=["hemligt-amne"])).status_code == 404
    assert "hemligt-amne" not in client.get(reverse("articles:list")).content.decode()
