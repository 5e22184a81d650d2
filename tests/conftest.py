"""Fixtures shared by every test module."""

import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Real hashing costs ~0.3 s a login; the tests are not about hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


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
