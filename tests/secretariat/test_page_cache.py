"""The anonymous page cache: hits without queries, changes visible at once."""

import socket
import time
from datetime import timedelta

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone

from articles.models import Article
from events.models import Event
from secretariat.models import Page
from secretariat.operations import page_cache


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60
    page_cache.cache().clear()


@pytest.fixture
def page(db):
    return Page.objects.create(title="Om kansliet", slug="om-kansliet", body="<p>Text</p>")


def test_second_anonymous_request_is_served_without_queries(
    client, page, django_assert_num_queries
):
    first = client.get("/om-kansliet/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/om-kansliet/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    # The headers of the inner middleware are kept with the page.
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["Permissions-Policy"]


def test_cached_page_answers_conditional_get_with_304(client, page):
    etag = client.get("/om-kansliet/")["ETag"]
    again = client.get("/om-kansliet/", headers={"if-none-match": etag})
    assert again.status_code == 304


def test_staff_change_in_the_admin_is_visible_at_once(
    staff_client, page, django_capture_on_commit_callbacks
):
    assert Client().get("/om-kansliet/")["X-Page-Cache"] == "miss"
    assert Client().get("/om-kansliet/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            f"/admin/secretariat/page/{page.pk}/change/",
            {
                "title": "Om det nationella kansliet",
                "slug": "om-kansliet",
                "intro": "",
                "body": "<p>Ny text</p>",
                "is_published": "on",
            },
        )
    assert response.status_code == 302
    fresh = Client().get("/om-kansliet/")
    assert fresh["X-Page-Cache"] == "miss"
    assert "Om det nationella kansliet" in fresh.text


def test_any_successful_admin_post_makes_pages_stale(staff_client, page):
    # Admin actions may change rows with QuerySet.update(), which sends no signal.
    assert Client().get("/om-kansliet/")["X-Page-Cache"] == "miss"
    response = staff_client.post(
        "/admin/secretariat/page/", {"action": "delete_selected", "_selected_action": [page.pk]}
    )
    assert response.status_code == 200  # The confirmation page.
    assert Client().get("/om-kansliet/")["X-Page-Cache"] == "miss"


def test_admin_post_by_a_visitor_keeps_the_cache(client, page):
    client.get("/om-kansliet/")
    assert client.post("/admin/login/", {"username": "x", "password": "y"}).status_code == 200
    assert client.get("/om-kansliet/")["X-Page-Cache"] == "hit"


def test_change_that_is_rolled_back_keeps_the_cache(client, page, django_assert_num_queries):
    client.get("/om-kansliet/")
    page.title = "Ändrad"
    page.save()  # Inside the test's transaction, which never commits.
    with django_assert_num_queries(0):
        assert client.get("/om-kansliet/")["X-Page-Cache"] == "hit"


def test_tag_change_makes_pages_stale(client, page, django_capture_on_commit_callbacks):
    article = Article.objects.create(title="Om", slug="om", lead="Kort.", status="published")
    client.get("/om-kansliet/")
    with django_capture_on_commit_callbacks(execute=True):
        article.tags.add("upphandling")
    assert client.get("/om-kansliet/")["X-Page-Cache"] == "miss"


def test_many_saves_in_bump_once_make_pages_stale_once_at_the_end(
    client, page, django_capture_on_commit_callbacks
):
    client.get("/om-kansliet/")
    with django_capture_on_commit_callbacks(execute=True) as callbacks, page_cache.bump_once():
        for number in range(3):
            Article.objects.create(title="Ny", slug=f"ny-{number}", lead="Kort.")
        with page_cache.bump_once():  # An inner block leaves it to the outer one.
            Article.objects.create(title="Inre", slug="inre", lead="Kort.")
        assert client.get("/om-kansliet/")["X-Page-Cache"] == "hit"
    assert callbacks.count(page_cache.bump_generation) == 1
    assert client.get("/om-kansliet/")["X-Page-Cache"] == "miss"


def test_unrelated_model_does_not_make_pages_stale(
    client, page, django_user_model, django_capture_on_commit_callbacks
):
    client.get("/om-kansliet/")
    with django_capture_on_commit_callbacks(execute=True):
        django_user_model.objects.create_user("reader")
    assert client.get("/om-kansliet/")["X-Page-Cache"] == "hit"


def test_logged_in_users_are_never_served_or_stored(staff_client, page):
    assert Client().get("/om-kansliet/")["X-Page-Cache"] == "miss"
    assert "X-Page-Cache" not in staff_client.get("/om-kansliet/")
    assert "X-Page-Cache" not in staff_client.get("/om-kansliet/")


def test_visitor_with_pending_messages_is_not_served_from_cache(client, page):
    client.get("/om-kansliet/")
    client.cookies["messages"] = "something"
    assert "X-Page-Cache" not in client.get("/om-kansliet/")


def test_post_is_never_answered_from_cache(client, page):
    assert client.get("/om-kansliet/").status_code == 200
    response = client.post("/om-kansliet/")
    assert response.status_code == 405
    assert "X-Page-Cache" not in response


def test_head_is_cached_apart_from_get(client, page):
    assert client.head("/om-kansliet/")["X-Page-Cache"] == "miss"
    assert client.get("/om-kansliet/")["X-Page-Cache"] == "miss"
    assert client.head("/om-kansliet/")["X-Page-Cache"] == "hit"


def test_missing_page_is_not_cached(client, db):
    assert client.get("/finns-inte/").status_code == 404
    assert "X-Page-Cache" not in client.get("/finns-inte/")


@pytest.mark.parametrize(
    "path",
    [
        pytest.param("/csrf/", id="a CSRF token in a form"),
        pytest.param("/nonce/", id="a CSP nonce"),
        pytest.param("/cookie/", id="sets a cookie"),
        pytest.param("/private/", id="never_cache"),
        pytest.param("/language/", id="varies by a header"),
    ],
)
def test_responses_for_one_visitor_are_not_stored(client, settings, db, path):
    settings.ROOT_URLCONF = "tests.secretariat.page_cache_urls"
    assert client.get(path).status_code == 200
    assert "X-Page-Cache" not in client.get(path)


def test_nonce_is_new_on_every_response(client, settings, db):
    settings.ROOT_URLCONF = "tests.secretariat.page_cache_urls"
    first, second = client.get("/nonce/"), client.get("/nonce/")
    assert first["Content-Security-Policy"] != second["Content-Security-Policy"]
    assert "nonce-" in first["Content-Security-Policy"]


def test_page_without_nonce_has_no_nonce_in_its_policy(client, page):
    policy = client.get("/om-kansliet/")["Content-Security-Policy"]
    assert "nonce-" not in policy


def test_pages_do_not_outlive_the_next_scheduled_article(client, page):
    Article.objects.create(
        title="Snart",
        slug="snart",
        lead="Kort.",
        status="published",
        published_at=timezone.now() + timedelta(seconds=2),
    )
    assert client.get("/om-kansliet/")["X-Page-Cache"] == "miss"
    assert client.get("/om-kansliet/")["X-Page-Cache"] == "hit"
    time.sleep(2.2)
    assert client.get("/om-kansliet/")["X-Page-Cache"] == "miss"


def test_next_scheduled_change_is_the_earliest_future_moment(db):
    now = timezone.now()
    assert page_cache.next_scheduled_change(now) is None
    Article.objects.create(
        title="Gammal", slug="gammal", lead="K.", published_at=now - timedelta(days=1)
    )
    Article.objects.create(
        title="Planerad", slug="planerad", lead="K.", published_at=now + timedelta(hours=3)
    )
    Event.objects.create(
        title="Webbinarium",
        slug="webbinarium",
        kind="webinar",
        starts_at=now + timedelta(minutes=30),
        ends_at=now + timedelta(hours=1),
    )
    assert page_cache.next_scheduled_change(now) == now + timedelta(hours=1)


def test_lifetime_is_capped(db, settings):
    generation = page_cache.current_generation()
    assert page_cache.seconds_to_live(generation) == settings.PAGE_CACHE_SECONDS


def test_cache_is_off_when_lifetime_is_zero(client, page, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/om-kansliet/")
    assert "X-Page-Cache" not in client.get("/om-kansliet/")


def test_pages_are_served_while_redis_is_away(client, page, settings, free_tcp_port):
    away = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{free_tcp_port}/0",
    }
    settings.CACHES = {"default": away, "pages": away}
    response = client.get("/om-kansliet/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert client.get("/om-kansliet/").status_code == 200


def test_pages_are_served_when_the_generation_file_cannot_be_written(client, page, settings):
    settings.PAGE_CACHE_GENERATION_FILE = "/proc/no-such-folder/generation"
    response = client.get("/om-kansliet/")
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


@pytest.fixture
def free_tcp_port():
    """A loopback port with nothing listening on it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_page_with_the_newsletter_form_is_served_from_cache(client, db, django_assert_num_queries):
    assert 'action="/nyhetsbrev/"' in client.get("/nyhetsbrev/").text
    with django_assert_num_queries(0):
        assert client.get("/nyhetsbrev/")["X-Page-Cache"] == "hit"


def test_article_page_with_json_ld_is_served_from_cache(client, db, django_assert_num_queries):
    article = Article.objects.create(
        title="Rapport", slug="rapport", lead="Kort.", status=Article.Status.PUBLISHED
    )
    first = client.get(article.get_absolute_url())
    assert 'type="application/ld+json"' in first.text
    assert "nonce-" not in first["Content-Security-Policy"]
    with django_assert_num_queries(0):
        assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"


def rebuild_lock(path):
    request = RequestFactory().get(path)
    return page_cache.AnonymousPageCacheMiddleware.keys(request)[1]


def test_while_another_request_rebuilds_a_stale_page_the_previous_copy_is_served(client, page):
    first = client.get("/om-kansliet/")
    page_cache.bump_generation()
    # Another request (a thread of this worker, or another server with Redis) renders it now.
    page_cache.shared().add(rebuild_lock("/om-kansliet/"), 1)
    stale = client.get("/om-kansliet/")
    assert stale["X-Page-Cache"] == "stale"
    assert stale.content == first.content
    page_cache.shared().delete(rebuild_lock("/om-kansliet/"))
    assert client.get("/om-kansliet/")["X-Page-Cache"] == "miss"
    assert client.get("/om-kansliet/")["X-Page-Cache"] == "hit"


def test_a_rebuild_that_never_ends_is_taken_over(client, page, monkeypatch):
    monkeypatch.setattr(page_cache, "WAIT_SECONDS", 0.2)
    # A lock never released: its holder lost the database that keeps it.
    page_cache.shared().add(rebuild_lock("/om-kansliet/"), 1)
    started = time.monotonic()
    # Nothing to show meanwhile: the request waits for the rebuild, then renders it itself.
    assert client.get("/om-kansliet/")["X-Page-Cache"] == "miss"
    assert 0.2 <= time.monotonic() - started < 2
