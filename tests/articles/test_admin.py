"""The news desk in the admin."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Hero

from .factories import ArticleFactory, PersonFactory, draft, scheduled

pytestmark = pytest.mark.django_db


def test_changelist_search_and_filters(staff_client):
    ArticleFactory(title="Handskar", tags=["klimat"], authors=[PersonFactory()])
    draft()
    url = reverse("admin:articles_article_changelist")
    for query in ({}, {"q": "handskar"}, {"status__exact": "draft"}, {"year": "2019"}):
        assert staff_client.get(url, query).status_code == 200
    assert staff_client.get(url, {"q": "handskar"}).context["cl"].result_count == 1


def test_publish_and_unpublish_actions(staff_client):
    old_draft = draft(published_at=timezone.now() - timedelta(days=30))
    future = scheduled(status="draft")
    url = reverse("admin:articles_article_changelist")
    staff_client.post(url, {"action": "publish", "_selected_action": [old_draft.pk, future.pk]})
    old_draft.refresh_from_db()
    future.refresh_from_db()
    assert old_draft.is_live
    assert old_draft.published_at > timezone.now() - timedelta(minutes=1)
    assert future.status == "published"
    assert not future.is_live  # Still scheduled for its own time.

    staff_client.post(url, {"action": "unpublish", "_selected_action": [old_draft.pk]})
    old_draft.refresh_from_db()
    assert old_draft.status == "draft"


def test_add_article_with_authors_in_order(staff_client):
    first, second = PersonFactory(), PersonFactory()
    response = staff_client.post(
        reverse("admin:articles_article_add"),
        {
            "title": "Ny nyhet",
            "slug": "ny-nyhet",
            "lead": "Ingress.",
            "body": "<p>Text<script>x</script></p>",
            "status": "draft",
            "published_at_0": "2026-01-10",
            "published_at_1": "10:00:00",
            "language": "sv",
            "tags": "klimat, textil",
            "authorships-TOTAL_FORMS": "2",
            "authorships-INITIAL_FORMS": "0",
            "authorships-0-person": second.pk,
            "authorships-0-order": "0",
            "authorships-1-person": first.pk,
            "authorships-1-order": "1",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    article = Article.objects.get(slug="ny-nyhet")
    assert list(article.authors.order_by("authorships__order")) == [second, first]
    assert "<script>" not in article.body
    assert sorted(article.tags.names()) == ["klimat", "textil"]


def test_slug_is_stable_once_published(staff_client):
    article = ArticleFactory(slug="fast-adress")
    response = staff_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert "slug" in response.context["adminform"].readonly_fields
    article.slug = "ny-adress"
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert list(error.value.message_dict) == ["slug"]


def test_view_on_site_previews_a_draft(staff_client):
    article = draft()
    response = staff_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert reverse("articles:preview", args=[article.pk]) in response.content.decode()


def test_hero_admin_refuses_a_second_active_hero(staff_client):
    Hero.objects.create(heading="Första", text="Text.", is_active=True)
    response = staff_client.post(
        reverse("admin:articles_hero_add"),
        {"heading": "Andra", "text": "Text.", "is_active": "on"},
    )
    assert response.status_code == 200
    assert Hero.objects.count() == 1


def test_an_address_the_news_pages_use_is_refused():
    article = ArticleFactory.build(slug="arkiv")
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert list(error.value.message_dict) == ["slug"]
