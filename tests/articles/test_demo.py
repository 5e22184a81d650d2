"""A newcomer's `make run` shows the demo news everywhere the public looks."""

import feedparser
import pytest
from django.urls import reverse

from articles import demo
from articles.models import Article, Hero
from secretariat import demo_content

pytestmark = pytest.mark.django_db


def test_demo_loads_once_and_shows_everywhere(client):
    assert demo.load() == {"articles": len(demo_content.ARTICLES), "heroes": 1}
    assert demo.load() == {"articles": 0, "heroes": 0}
    assert Hero.objects.active().get().heading == demo_content.HERO["heading"]

    latest = Article.objects.published().first()
    tag = latest.tags.first()
    assert latest.title in client.get(reverse("articles:home")).content.decode()
    assert latest.title in client.get(reverse("articles:list")).content.decode()
    assert latest.title in client.get(reverse("articles:tag", args=[tag.slug])).content.decode()
    assert client.get(reverse("articles:archive")).context["years"]
    found = client.get(reverse("search:results"), {"q": "upphandlingar", "typ": "nyheter"})
    assert found.context["page_obj"].object_list
    feed = feedparser.parse(client.get(reverse("articles:feed_rss")).content)
    assert latest.title in [entry.title for entry in feed.entries]
