"""Public newsletter pages: query counts that do not grow with the list."""

import pytest
from django.urls import reverse

from newsletter.models import Subscriber
from newsletter.tokens import confirmation_token, unsubscribe_token

from .conftest import make_subscribers

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [1, 200])
def test_public_pages_query_counts_do_not_grow(client, django_assert_max_num_queries, size):
    make_subscribers(size)
    subscriber = Subscriber.objects.first()
    pages = {
        reverse("newsletter:signup"): 0,
        reverse("newsletter:thanks"): 0,
        reverse("newsletter:confirmed"): 0,
        reverse("newsletter:confirm", args=[confirmation_token(subscriber)]): 0,
        reverse("newsletter:unsubscribe", args=[unsubscribe_token(subscriber)]): 0,
    }
    for url, queries in pages.items():
        with django_assert_max_num_queries(queries):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize("size", [1, 200])
def test_signup_post_query_count_does_not_grow(client, django_assert_max_num_queries, size):
    make_subscribers(size)
    data = {"email": "new@example.org", "consent": "on"}
    # 8 for the signup, and 7 for each of its two rate-limit counts, which live in
    # the database cache that every worker shares (secretariat/operations/shared_cache.py).
    with django_assert_max_num_queries(22):
        assert client.post(reverse("newsletter:signup"), data).status_code == 302
