"""Two app servers, one database, one Redis: a change through one shows on the other.

The app servers keep no state of their own. Here two production gunicorn
servers on different loopback ports share the test database and a Redis that
the test starts (Debian's ``redis-server``, no persistence); a page is cached
in Redis through both, content changes, and the other server shows the change
on its very next request.
"""

import os
import urllib.request

import pytest
from django.db import connection

from secretariat.models import Page
from tests.liveserver import free_port, start_production_server, stop_process


def get(port, path):
    # One public host name for both servers, as behind a load balancer.
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": "127.0.0.1"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback)
        return response.headers.get("X-Page-Cache"), response.read().decode()


@pytest.fixture
def production_env(redis_url, collected_static, transactional_db):
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "secretariat.settings.production",
        "DATABASE_URL": f"postgres://{database['USER']}@/{database['NAME']}"
        f"?host={database['HOST']}",
        "SECRET_KEY": "two-servers-test-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "off",
        "CACHE_URL": redis_url,
        "PAGE_CACHE_SECONDS": "60",
        "LOG_LEVEL": "WARNING",
        "STATIC_ROOT": str(collected_static),
    }
    return env


def test_change_through_one_server_is_visible_through_the_other(production_env, settings):
    # This process writes to the same Redis, as an editor's server would.
    redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": production_env["CACHE_URL"],
    }
    settings.CACHES = {"default": redis, "pages": redis}
    page = Page.objects.create(title="Om kansliet", slug="om-kansliet", body="<p>Första.</p>")
    one, two = free_port(), free_port()
    # One worker each: two servers, not two workers of one.
    env = {**production_env, "WEB_CONCURRENCY": "1"}
    servers = [start_production_server(env, port) for port in (one, two)]
    try:
        # Warm the shared cache through both servers.
        assert get(one, "/om-kansliet/")[0] == "miss"
        assert get(two, "/om-kansliet/") == ("hit", get(one, "/om-kansliet/")[1])

        # Autocommit: the save commits at once, and on_commit bumps the generation in Redis.
        page.title = "Om nationella kansliet"
        page.save()

        state, body = get(two, "/om-kansliet/")
        assert state == "miss"
        assert "Om nationella kansliet" in body
        assert get(one, "/om-kansliet/") == ("hit", body)
    finally:
        for server in servers:
            stop_process(server)
