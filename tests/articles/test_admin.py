"""The news desk in the admin."""

import io
import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from taggit.models import Tag

from articles.models import Article, Hero
from secretariat.media.images import renditions_for
from tests.factories import ArticleFactory, PersonFactory, draft, scheduled

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


def picture_of(article, name):
    """Give the article a stored picture with renditions, as an upload leaves it."""
    stored = default_storage.save(f"articles/2026/{name}.png", ContentFile(png(1200, 600)))
    article.image = stored
    article.image_decorative = True
    article.image_renditions = renditions_for(default_storage, stored)
    article.save()
    return article


def png(width, height):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#3a7").save(buffer, "PNG")
    return buffer.getvalue()


def test_the_list_and_the_form_show_a_thumbnail_never_the_original(staff_client):
    article = picture_of(ArticleFactory(title="Leverantørdialog i Oslo"), "oslo")
    smallest = article.image_renditions["webp"]["480"]

    listing = staff_client.get(reverse("admin:articles_article_changelist")).content.decode()
    form = staff_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    form = form.content.decode()

    for html in (listing, form):
        assert f'<img src="/media/{smallest}" width="96" height="48" alt=""' in html
    assert f"/media/{article.image.name}" not in listing


def test_tag_and_author_filters_offer_the_most_used_and_find_any_typed(staff_client, settings):
    settings.CONTENT_CACHE_SECONDS = 0
    kari = PersonFactory(name="Kari Høyland", slug="kari-hoyland")
    other = PersonFactory(name="Anna Berg", slug="anna-berg")
    for number in range(12):
        ArticleFactory(title=f"Nyhet {number}", tags=[f"ämne {number}"], authors=[other])
    oslo = ArticleFactory(
        title="Leverantørdialog i Oslo", tags=["leverantørdialog"], authors=[kari]
    )
    url = reverse("admin:articles_article_changelist")

    listing = staff_client.get(url).content.decode()
    by_tag = staff_client.get(url, {"tag": "leverantørdialog"})
    by_typed_author = staff_client.get(url, {"author": "Høyland"})

    tag_links = re.findall(r'href="\?tag=([^"&]+)"', listing)
    assert len(tag_links) == 10  # The ten most used, never all thirteen.
    assert 'name="tag"' in listing
    assert 'name="author"' in listing
    assert list(by_tag.context["cl"].result_list) == [oslo]
    assert list(by_typed_author.context["cl"].result_list) == [oslo]
    # The box keeps the rest of the list's state.
    form = re.search(
        r'<form method="get" class="related-search-filter">.*?</form>',
        by_tag.content.decode(),
        re.S,
    ).group()
    assert 'name="tag" value="leverantørdialog"' in form


def test_tags_suggest_existing_ones_and_say_which_are_new(staff_client):
    Tag.objects.create(name="leverantörsdialog", slug="leverantorsdialog")
    form = staff_client.get(reverse("admin:articles_article_add")).content.decode()
    suggestions = staff_client.get(
        "/admin/autocomplete/",
        {"app_label": "articles", "model_name": "article", "field_name": "tags", "term": "lever"},
    )

    assert 'data-tag-suggestions="/admin/autocomplete/?app_label=articles' in form
    assert 'list="id_tags-suggestions"' in form
    assert "js/tag-suggestions.js" in form
    assert [result["text"] for result in suggestions.json()["results"]] == ["leverantörsdialog"]

    response = staff_client.post(
        reverse("admin:articles_article_add"),
        {
            "title": "Leverantørdialog i Oslo",
            "slug": "leverantordialog-i-oslo",
            "lead": "Ingress.",
            "status": "draft",
            "published_at_0": "2026-01-10",
            "published_at_1": "10:00:00",
            "language": "sv",
            "tags": "leverantörsdialog, Norge, sjukhus",
            "authorships-TOTAL_FORMS": "0",
            "authorships-INITIAL_FORMS": "0",
        },
        follow=True,
    )
    assert "Nya ämnen skapades: Norge, sjukhus" in response.content.decode()
