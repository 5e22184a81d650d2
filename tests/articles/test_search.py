"""Swedish full-text search: inflections, prefixes, misspellings, ranking, any input."""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from secretariat.content.search import search_query
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def found(text):
    return set(Article.objects.published().search(text).values_list("slug", flat=True))


@pytest.fixture
def articles():
    return {
        "upphandling": ArticleFactory(
            slug="upphandling", title="Ny vägledning", lead="Om offentlig upphandling i regionerna."
        ),
        "leverantor": ArticleFactory(
            slug="leverantor", title="Möte", lead="En leverantör berättade om sitt arbete."
        ),
        "hallbara": ArticleFactory(slug="hallbara", title="Hållbara val", lead="Kort text."),
        "hallbarhet": ArticleFactory(
            slug="hallbarhet", title="Rapport", lead="Hållbarhet i vården.", body=""
        ),
        "handskar": ArticleFactory(
            slug="handskar", title="Handskar", lead="Kort.", body="<p>Kemikalier i handskar.</p>"
        ),
    }


def test_inflected_forms_find_the_base_form(articles):
    assert "upphandling" in found("upphandlingar")
    assert "leverantor" in found("leverantörerna")


def test_a_word_finds_longer_words_it_begins(articles):
    assert {"hallbara", "hallbarhet"} <= found("hållbar")


def test_a_misspelt_title_word_still_matches():
    ArticleFactory(slug="rubrik", title="Gemensam upphandling av handskar")
    assert "rubrik" in found("upphandlnig")


def test_title_ranks_over_body():
    in_body = ArticleFactory(slug="i-texten", title="Nyhet", body="<p>Kemikalier i plast.</p>")
    in_title = ArticleFactory(slug="i-rubriken", title="Kemikalier", body="<p>Annat.</p>")
    ranked = list(Article.objects.published().search("kemikalier"))
    assert ranked[:2] == [in_title, in_body]


def test_html_tags_are_not_searched():
    ArticleFactory(slug="med-lank", body='<p><a href="https://example.org/strong">Länk</a></p>')
    assert "med-lank" not in found("strong")


def test_the_old_search_address_moves_to_the_site_search_showing_news(client):
    response = client.get(reverse("articles:search"), {"q": "hållbar upphandling", "page": "2"})
    assert response.status_code == 301
    assert response["Location"] == ("/sok/?q=h%C3%A5llbar+upphandling&page=2&typ=nyheter")


@pytest.mark.parametrize(
    "text",
    ['"handskar', "handskar & | ! ( :*", "a\x00b", "ord " * 5000, "' OR 1=1 --", "", "   ", "<>"],
)
def test_any_input_is_plain_words(client, articles, text):
    response = client.get(reverse("articles:list"), {"q": text})
    assert response.status_code == 200


def test_the_search_conditions_can_use_their_gin_indexes():
    ArticleFactory.create_batch(3)
    with connection.cursor() as cursor:
        # At test sizes a scan is cheapest; forbid it to see that the index fits.
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = Article.objects.filter(search_vector=search_query("handskar")).explain()
    assert "article_search_vector" in plan
    plan = Article.objects.filter(title__trigram_word_similar="handskar").explain()
    assert "article_title_trigram" in plan


@pytest.fixture
def at_most_two_results(monkeypatch):
    monkeypatch.setattr("secretariat.content.search.SEARCH_MAX_RESULTS", 2)


def published_on_three_days(slug, title):
    """Three articles of one title, published one, two and three days ago (slug-1, -2, -3)."""
    now = timezone.now()
    for days in (1, 2, 3):
        ArticleFactory(slug=f"{slug}-{days}", title=title, published_at=now - timedelta(days=days))


def test_a_common_word_ranks_the_newest_matches(at_most_two_results):
    published_on_three_days("handskar", "Handskar")
    assert found("handskar") == {"handskar-1", "handskar-2"}


def test_other_filters_narrow_the_search_before_the_limit(client, at_most_two_results):
    now = timezone.now()
    for days in (1, 2):
        ArticleFactory(title="Handskar", published_at=now - timedelta(days=days))
    older = ArticleFactory(title="Handskar", published_at=now - timedelta(days=30))
    older.tags.add("Kemikalier")
    response = client.get(reverse("articles:list"), {"q": "handskar", "amne": "kemikalier"})
    assert list(response.context["object_list"]) == [older]


def test_a_misspelt_search_shows_the_newest_titles_spelt_alike(monkeypatch):
    monkeypatch.setattr("secretariat.content.search.SEARCH_MAX_ALIKE", 2)
    published_on_three_days("rubrik", "Gemensam upphandling av handskar")
    assert found("upphandlnig") == {"rubrik-1", "rubrik-2"}


def test_a_title_spelt_alike_is_only_a_fallback():
    ArticleFactory(slug="rubrik", title="Gemensam upphandling av handskar")
    ArticleFactory(slug="i-texten", title="Nyhet", body="<p>En upphandlnig, felstavad.</p>")
    # Full-text search finds the misspelt word itself: no fallback is needed.
    assert found("upphandlnig") == {"i-texten"}
