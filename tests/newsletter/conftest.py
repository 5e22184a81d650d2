"""Newsletter fixtures: tasks run for real, at once; a fresh rate-limit cache per test."""

import re

import pytest
from django.core.cache import cache

from newsletter.models import Subscriber


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    # The real task code runs, in the request that enqueued it, instead of in a worker.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://nyhetsbrev.example.org"
    settings.ROOT_URLCONF = "tests.newsletter.urls"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what was enqueued on commit (the emails), as a real commit would."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


def link(message, name):
    """The path of the first site link in a message's text part containing ``name``."""
    text = message.get_body(("plain",)).get_content()
    match = re.search(rf"https://nyhetsbrev\.example\.org(/nyhetsbrev/{name}/[^\s]+/)", text)
    assert match, text
    return match.group(1)


def make_subscribers(count, status=Subscriber.Status.CONFIRMED, prefix="reader"):
    return Subscriber.objects.bulk_create(
        Subscriber(email=f"{prefix}{n}@example.org", status=status) for n in range(count)
    )
