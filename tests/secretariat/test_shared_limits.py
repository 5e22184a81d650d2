"""Limits per visitor hold across gunicorn workers: the counts live in a shared cache.

Two sync workers of one production server (the default settings: Django's
database cache on the site's PostgreSQL, made by ``migrate``) take concurrent
signups and failed logins from one address; the access log, which names the
worker process of each request, shows that both workers answered.
"""

import re
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.core.cache import caches
from django.db import connection

SIGNUP_LIMIT_PER_ADDRESS = 10  # newsletter.views.SIGNUP_LIMITS["ip"]
LOGIN_FAILURE_LIMIT = 5  # settings.LOGIN_FAILURE_LIMIT
# The access log names the worker (%(p)s: "<pid>") that answered each request.
ACCESS_LOG = {"GUNICORN_CMD_ARGS": "--access-logformat='%(p)s %(m)s %(U)s %(s)s'"}


def workers_that_answered(site, method, path):
    line = re.compile(rf"^<(\d+)> {method} {re.escape(path)} \d+$", re.M)
    return set(line.findall(Path(site.env["SERVER_LOG"]).read_text()))


def signup(site, number):
    return site.fetch(
        "/nyhetsbrev/",
        method="POST",
        form={"email": f"lasare{number}@example.org", "name": "Åsa Øberg", "consent": "on"},
        timeout=30,
    )


def test_signup_limit_holds_across_two_workers(production_site):
    with production_site(WEB_CONCURRENCY="2", GUNICORN_THREADS="1", **ACCESS_LOG) as site:
        start = threading.Barrier(16)

        def together(number):
            start.wait()
            return signup(site, number).status

        with ThreadPoolExecutor(16) as pool:
            statuses = list(pool.map(together, range(16)))
        # Later attempts stay refused, whichever worker takes them.
        statuses += [signup(site, number).status for number in range(16, 24)]

        assert statuses.count(302) == SIGNUP_LIMIT_PER_ADDRESS, statuses
        assert statuses.count(429) == 24 - SIGNUP_LIMIT_PER_ADDRESS
        assert len(workers_that_answered(site, "POST", "/nyhetsbrev/")) == 2
        count = "from newsletter.models import Subscriber; print(Subscriber.objects.count())"
        assert site.manage("shell", "-c", count).stdout.split()[-1] == "10"


def csrf_login(site, username):
    """A failed admin login, with the CSRF cookie and token of the login page."""
    page = site.fetch("/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    cookie = re.search(r"csrftoken=([^;]+)", page.headers["Set-Cookie"])[1]
    return site.fetch(
        "/admin/login/",
        method="POST",
        form={"csrfmiddlewaretoken": token, "username": username, "password": "fel-lösenord"},
        headers={"Cookie": f"csrftoken={cookie}"},
        timeout=30,  # Django hashes a password even for an unknown name: slow on a busy machine.
    )


def test_login_lockout_holds_across_two_workers(production_site):
    # django-axes keeps its counts in its own tables (AXES_HANDLER, the database handler).
    with production_site(WEB_CONCURRENCY="2", GUNICORN_THREADS="1", **ACCESS_LOG) as site:
        # Two at a time, so that both workers take attempts (one alone may take them all).
        with ThreadPoolExecutor(2) as pool:
            answers = list(
                pool.map(lambda _: csrf_login(site, "björn").status, range(LOGIN_FAILURE_LIMIT))
            )
        # Whichever worker takes them, later attempts are refused: the count is shared.
        answers += [csrf_login(site, "björn").status for _ in range(3)]

        assert answers.count(200) >= LOGIN_FAILURE_LIMIT - 1, answers
        assert answers[-3:] == [429] * 3
        assert len(workers_that_answered(site, "POST", "/admin/login/")) == 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_counts_in_the_database_cache_are_all_counted_and_keep_their_window():
    cache = caches["default"]
    cache.add("visits", 0, timeout=3600)
    expires = cache_expiry("visits")

    def count(_):
        try:
            return [cache.incr("visits") for _ in range(25)]
        finally:
            connection.close()

    with ThreadPoolExecutor(8) as pool:
        seen = [value for values in pool.map(count, range(8)) for value in values]

    assert sorted(seen) == list(range(1, 201))
    assert cache.get("visits") == 200
    assert cache_expiry("visits") == expires
    cache.delete("visits")
    with pytest.raises(ValueError, match="not found"):
        cache.incr("visits")


def cache_expiry(key):
    cache = caches["default"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT expires FROM django_cache WHERE cache_key = %s", [cache.make_key(key)]
        )
        return cursor.fetchone()[0]
