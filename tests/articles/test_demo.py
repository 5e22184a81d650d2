"""A newcomer's `make run` shows the demo news everywhere the public looks."""

import feedparser
import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, Hero

pytestmark = pytest.mark.django_db


@pytest.mark.slow
def test_demo_news_shows_everywhere(client):
    call_command("load_demo")

    hero = Hero.objects.active().get()
    latest = Article.objects.published().first()
    tag = latest.tags.first()
    home = client.get(reverse("articles:home")).content.decode()
    assert hero.heading in home
    assert latest.title in home
    assert latest.title in client.get(reverse("articles:list")).content.decode()
    assert latest.title in client.get(reverse("articles:tag", args=[tag.slug])).content.decode()
    assert client.get(latest.get_absolute_url()).status_code == 200
    assert client.get(reverse("articles:archive")).context["years"]
    found = client.get(reverse("search:results"), {"q": "upphandlingar", "typ": "nyheter"})
    assert found.context["page_obj"].object_list
    feed = feedparser.parse(client.get(reverse("articles:feed_rss")).content)
    assert latest.title in [entry.title for entry in feed.entries]
    pictured = Article.objects.published().exclude(image="").first()
    assert pictured.image_renditions["webp"]
