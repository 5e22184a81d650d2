"""The benchmark's Django side: the generated archive, the list of pages, its commands.

The commands exist only under ``secretariat.settings.bench``; the tests here
run the site's settings, so they call the command classes themselves.
"""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import Article, Authorship
from benchmark import data
from benchmark.management.commands import bench_data, bench_newsletter
from benchmark.pages import resolve_pages
from events.models import Event, Organisation, Participation, Person
from newsletter.models import Subscriber
from secretariat.models import Page

BASE_DIR = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def archive(db):
    return data.build(200, report=lambda line: None)


def test_archive_keeps_the_full_sizes_proportions(archive):
    assert Article.objects.count() == 200
    assert Article.objects.published().count() > 190  # A few drafts and scheduled.
    assert Article.objects.exclude(pk__in=Article.objects.published()).exists()
    assert Tag.objects.count() == 10  # 1,500 at 50,000 articles, at least 10.
    assert 2 <= TaggedItem.objects.count() / 200 <= 6
    assert Authorship.objects.count() >= 200
    assert Person.objects.count() == 40
    assert Organisation.objects.count() == 10
    assert Event.objects.count() == 12
    assert Participation.objects.count() > 0
    assert Event.objects.upcoming().exists()
    assert Page.objects.filter(slug="tillganglighet").exists()
    assert Subscriber.objects.count() == 400  # 100,000 at 50,000 articles.
    assert Subscriber.objects.confirmed().count() == 360


def test_archive_is_replaced_not_added_to(archive):
    data.build(100, report=lambda line: None)
    assert Article.objects.count() == 100
    # Sequences are reset: new rows get new ids.
    assert Article.objects.create(title="Ny", slug="ny", lead="K.").pk == 101


def test_command_refuses_a_database_that_is_not_for_benchmarks(db):
    with pytest.raises(CommandError, match="does not look like a benchmark database"):
        call_command(bench_data.Command(), "--articles", "10")


def test_pages_and_the_site_searches_are_found_with_their_query_counts(archive):
    pages = {page["name"]: page for page in resolve_pages("testserver")}
    for name in ("front page", "article", "tag page", "two-tag filter", "archive month"):
        assert pages[name]["status"] == 200, name
    deep = pages["article list, deep page"]
    assert deep["status"] == 200
    assert int(deep["path"].rsplit("=", 1)[1]) > 1
    assert pages["page (accessibility)"]["status"] == 200
    assert pages["page (accessibility)"]["queries"] >= 1
    assert pages["static file (floor)"]["path"].startswith("/static/")
    assert "queries" not in pages["static file (floor)"]
    for name in ("site search: a name", "site search: events and news", "site search: misspelt"):
        assert pages[name]["path"].startswith("/sok/?q="), name
        assert pages[name]["status"] == 200, name
        assert pages[name]["queries"] <= 10, name


def test_newsletter_hook_sends_to_the_number_asked_for(db, smtp_server, capsys):
    Subscriber.objects.bulk_create(
        Subscriber(
            email=f"reader{n}@example.org",
            status=Subscriber.Status.CONFIRMED,
            confirmed_at=timezone.now(),
        )
        for n in range(3)
    )
    call_command(bench_newsletter.Command(), "--limit", "5")
    assert len(smtp_server.messages) == 5
    assert "5 sent, 0 failed" in capsys.readouterr().out
    assert Subscriber.objects.confirmed().count() == 5


def help_lists(settings_module):
    """What ``manage.py help`` lists under ``settings_module`` (no database needed)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": "postgres://nobody@/nothing",
        "SECRET_KEY": "s" * 60,
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "help"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_the_benchmark_is_not_part_of_the_site():
    assert importlib.util.find_spec("secretariat.bench") is None
    for settings_module in ("secretariat.settings.development", "secretariat.settings.production"):
        assert "bench_" not in help_lists(settings_module), settings_module
    listed = help_lists("secretariat.settings.bench")
    assert {"bench_data", "bench_pages", "bench_newsletter"} <= set(listed.split())
