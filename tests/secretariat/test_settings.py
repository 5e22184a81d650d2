"""Settings read from the environment; production refuses to start half-configured."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from secretariat.settings.env import mailer_from_url

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "secretariat.settings.production",
    "SECRET_KEY": "k" * 30 + "-production-secret-for-the-settings-test-only",
    "ALLOWED_HOSTS": "upphandling.example.org",
    "EMAIL_URL": "smtp://mailer:secret@smtp.example.org:587",
    # Addresses people read (check --deploy warns while they are at example domains).
    "CONTACT_EMAIL": "kansliet@hallbar-upphandling.se",
    "DEFAULT_FROM_EMAIL": "Nationella kansliet <nyhetsbrev@hallbar-upphandling.se>",
}


def production_env(**overrides):
    db = settings.DATABASES["default"]
    url = f"postgres://{db['USER']}@/{db['NAME']}?host={db['HOST']}"
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    return env | PRODUCTION_ENV | {"DATABASE_URL": url} | overrides


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("url", "options"),
    [
        (
            "smtp://user:p%40ss@mail.example.org:587",
            {
                "host": "mail.example.org",
                "port": 587,
                "username": "user",
                "password": "p@ss",
                "use_tls": True,
                "use_ssl": False,
                "timeout": 10,
            },
        ),
        (
            "smtps://user:pw@mail.example.org",
            {
                "host": "mail.example.org",
                "port": 465,
                "username": "user",
                "password": "pw",
                "use_tls": False,
                "use_ssl": True,
                "timeout": 10,
            },
        ),
        (
            "smtp+insecure://127.0.0.1:1025?timeout=3",
            {
                "host": "127.0.0.1",
                "port": 1025,
                "username": "",
                "password": "",
                "use_tls": False,
                "use_ssl": False,
                "timeout": 3,
            },
        ),
    ],
)
def test_email_url_becomes_an_smtp_mailer(url, options):
    mailer = mailer_from_url(url)

    assert mailer["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert mailer["OPTIONS"] == options


def test_email_url_can_write_files_for_development(tmp_path):
    mailer = mailer_from_url(f"file://{tmp_path}")

    assert mailer == {
        "BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "OPTIONS": {"file_path": str(tmp_path)},
    }


@pytest.mark.parametrize("url", ["ftp://example.org", "smtp://", "file://"])
def test_a_bad_email_url_is_refused_clearly(url):
    with pytest.raises(ImproperlyConfigured):
        mailer_from_url(url)


def test_development_uses_swedish_and_stockholm_time():
    assert settings.LANGUAGE_CODE == "sv"
    assert settings.TIME_ZONE == "Europe/Stockholm"
    assert settings.USE_TZ is True
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = production_env()
    del env[missing]

    result = run_manage("check", env=env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_refuses_the_development_secret_key():
    result = run_manage("check", env=production_env(SECRET_KEY="django-insecure-" + "x" * 60))

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_check_deploy_is_clean_with_production_variables():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_while_the_contact_addresses_are_placeholders():
    env = production_env()
    del env["CONTACT_EMAIL"]
    result = run_manage("check", "--deploy", env=env | {"DEFAULT_FROM_EMAIL": "x@example.com"})

    assert result.returncode == 0  # a warning, not an error: the site still runs
    output = result.stdout + result.stderr
    assert "secretariat.W001" in output
    assert "CONTACT_EMAIL is a placeholder ('kansliet@example.org')" in output
    assert "DEFAULT_FROM_EMAIL is a placeholder ('x@example.com')" in output


def test_wsgi_and_asgi_default_to_production():
    for module in ("wsgi", "asgi"):
        source = (settings.BASE_DIR / "secretariat" / f"{module}.py").read_text()
        assert '"secretariat.settings.production"' in source
        assert "development" not in source
