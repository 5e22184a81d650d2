"""Fixtures shared by every test module."""

import os
from collections import Counter

import pytest
from django.core.cache import cache
from hypothesis import settings as hypothesis_settings

# In CI (`make test`, or the CI variable set), Hypothesis draws the same examples
# on every run, so that a failure there can be replayed anywhere.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI") or os.environ.get("HYPOTHESIS_PROFILE") == "ci":
    hypothesis_settings.load_profile("ci")

# The marks `make check` leaves out, given to every test that uses these fixtures.
MARKS_OF_FIXTURES = {
    "site_template": ["cluster"],
    "production_site": ["cluster", "servers"],
    "production_server": ["servers"],
    "redis_url": ["servers"],
}


def pytest_collection_modifyitems(items):
    for item in items:
        for fixture, marks in MARKS_OF_FIXTURES.items():
            if fixture in item.fixturenames:
                for mark in marks:
                    item.add_marker(mark)
        # Private clusters start from the test database's schema, which pytest-django
        # sets up only for a run with a test that asks for the database.
        if "schema_backup" in item.fixturenames:
            item.add_marker(pytest.mark.django_db)
    items.sort(key=_longest_first(items))


# Tests with these marks start servers, clusters or a browser: a few of them take
# as long as a hundred others.
LONG_MARKS = {"browser", "cluster", "servers", "faults", "slow"}


def _longest_first(items):
    """The order in which `make test` hands out test modules to its two processes
    (with ``--no-loadscope-reorder``): the modules of long tests first, then the
    others, each by number of tests. pytest-xdist's own order (by number of tests
    alone) leaves the modules of one or two long tests for the end, where one
    process runs them while the other has nothing left to do."""
    long, count = set(), Counter()
    for item in items:
        count[item.module] += 1
        if any(item.get_closest_marker(mark) for mark in LONG_MARKS):
            long.add(item.module)
    # The module's name last: two modules of the same size stay apart (pytest-django
    # has ordered the tests by their kind of database access, across modules).
    return lambda item: (item.module not in long, -count[item.module], item.module.__name__)


@pytest.fixture(params=["page cache off", "page cache on"])
def page_cache(request, settings):
    """Each public page's test twice: as in development, and with the page and
    content caches on, as production has them (a page the first request stored
    must not show the next one what it may not see)."""
    if request.param == "page cache on":
        settings.PAGE_CACHE_SECONDS = 60
        settings.CONTENT_CACHE_SECONDS = 300
    cache.clear()
    yield request.param
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Real hashing costs ~0.3 s a login; the tests are not about hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _own_page_cache_generation(settings, tmp_path):
    # The default file under var/ is shared by every process on the machine: a test
    # in the other pytest process bumping it would make this one's cached page stale.
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "page-cache-generation")


@pytest.fixture
def site_known(db):
    """The sites framework's one Site, read as each process reads it once: feeds
    and the sitemap ask for it on every request and Django keeps it."""
    from django.contrib.sites.models import Site

    return Site.objects.get_current()


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on a free loopback port; MAILERS point at it."""
    from secretariat.settings.env import mailer_from_url
    from tests.smtp import SMTPServer

    with SMTPServer() as server:
        settings.MAILERS = {"default": mailer_from_url(server.url)}
        yield server


# The production-like server and the SMTP server, for the browser tests and any
# other test that needs the site running as it does in production.
pytest_plugins = ["tests.liveserver"]
