"""ArchivePaginator: the same pages as Django's, counted once and read by their keys."""

from datetime import timedelta

import pytest
from django.core.paginator import Paginator
from django.db.models.functions import Lower
from django.utils import timezone

from articles.models import Article
from secretariat.content.pagination import ArchivePaginator
from secretariat.operations import page_cache


@pytest.fixture(autouse=True)
def _content_cache_on(settings):
    settings.CONTENT_CACHE_SECONDS = 300
    page_cache.cache().clear()
    yield
    page_cache.cache().clear()


@pytest.fixture
def articles(db):
    now = timezone.now()
    # Pairs share a publication time, so the primary key must break ties.
    return Article.objects.bulk_create(
        Article(
            title=f"Artikel {number}",
            slug=f"artikel-{number}",
            lead="Kort.",
            status=Article.Status.PUBLISHED,
            published_at=now - timedelta(hours=number // 2),
        )
        for number in range(45)
    )


def pages(paginator):
    return [[a.pk for a in paginator.page(n)] for n in paginator.page_range]


def test_pages_are_those_of_djangos_paginator(articles):
    published = Article.objects.published()
    assert pages(ArchivePaginator(published, 10, key="")) == pages(Paginator(published, 10))
    oldest_first = Article.objects.published().order_by("published_at", "pk")
    assert pages(ArchivePaginator(oldest_first, 10, key="")) == pages(Paginator(oldest_first, 10))


def test_orphans_join_the_last_page_as_in_djangos_paginator(articles):
    published = Article.objects.published()
    archive = ArchivePaginator(published, 10, orphans=5, key="?orphans=5")
    assert pages(archive) == pages(Paginator(published, 10, orphans=5))
    assert len(pages(archive)[-1]) == 15


def test_known_pages_cost_one_query_however_deep(articles, django_assert_num_queries):
    for number in (1, 3, 5):
        list(ArchivePaginator(Article.objects.published(), 10, key="").page(number))
    for number in (1, 3, 5):
        with django_assert_num_queries(1):
            page = ArchivePaginator(Article.objects.published(), 10, key="").page(number)
            assert len(list(page)) == (5 if number == 5 else 10)
            assert page.paginator.count == 45


def test_lists_with_other_filters_keep_their_own_pages(articles):
    ArchivePaginator(Article.objects.published(), 10, key="").page(1)
    english = Article.objects.published().filter(pk__in=[a.pk for a in articles[:3]])
    assert ArchivePaginator(english, 10, key="?pk=three").count == 3


def test_committed_change_is_counted_at_once(articles, django_capture_on_commit_callbacks):
    assert ArchivePaginator(Article.objects.published(), 10, key="").count == 45
    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.filter(pk=articles[0].pk).delete()
    assert ArchivePaginator(Article.objects.published(), 10, key="").count == 44


def test_scheduled_article_bounds_how_long_pages_are_remembered(articles, settings):
    Article.objects.create(
        title="Snart",
        slug="snart",
        lead="Kort.",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + timedelta(seconds=30),
    )
    generation = page_cache.current_generation()
    assert 0 < page_cache.seconds_to_live(generation, settings.CONTENT_CACHE_SECONDS) <= 30


def test_empty_list_has_one_empty_page(db):
    page = ArchivePaginator(Article.objects.published(), 10, key="").page(1)
    assert list(page) == []
    assert page.paginator.count == 0


@pytest.mark.parametrize(
    "ordering",
    [("title",), ("-published_at", "pk"), ("-published_at", "title"), (Lower("title"), "pk")],
)
def test_other_orderings_are_paginated_as_django_does(articles, ordering):
    listed = Article.objects.published().order_by(*ordering)
    assert pages(ArchivePaginator(listed, 10, key="")) == pages(Paginator(listed, 10))


def test_remember_computes_every_time_when_switched_off(settings, db):
    settings.CONTENT_CACHE_SECONDS = 0
    calls = []
    page_cache.remember("x", lambda: calls.append(1))
    page_cache.remember("x", lambda: calls.append(1))
    assert len(calls) == 2


def test_remember_keeps_a_value_until_content_changes(db, django_capture_on_commit_callbacks):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert page_cache.remember("x", compute) == 1
    assert page_cache.remember("x", compute) == 1
    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.create(title="Ny", slug="ny", lead="Kort.")
    assert page_cache.remember("x", compute) == 2


def test_other_orderings_are_counted_once_per_content_generation(
    articles, django_assert_num_queries
):
    by_title = Article.objects.published().order_by(Lower("title"))
    assert ArchivePaginator(by_title, 10, key="titles").count == 45
    with django_assert_num_queries(0):
        assert ArchivePaginator(by_title, 10, key="titles").count == 45
    Article.objects.filter(pk=articles[0].pk).delete()
    page_cache.bump_generation()
    assert ArchivePaginator(by_title, 10, key="titles").count == 44
