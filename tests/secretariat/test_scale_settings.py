"""Settings that take the app servers' state off the machine: sessions, cache, media."""

import json

import pytest

from .test_settings import production_env, run_manage

SHOW = (
    "import json; from django.conf import settings as s; "
    "from django.core.files.storage import default_storage as d; "
    "print(json.dumps([s.SESSION_ENGINE, [s.CACHES[a]['BACKEND'] for a in ('default', 'pages')], "
    "s.STORAGES['default']['BACKEND'], s.SERVE_MEDIA, d.url('bilder/a.webp')]))"
)


def show(**overrides):
    result = run_manage("shell", "-c", SHOW, env=production_env(**overrides))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_defaults_keep_everything_in_postgresql_and_local_files(db):
    session, cache, storage, serve_media, _ = show()
    assert session == "django.contrib.sessions.backends.db"
    # Counters shared by every worker in PostgreSQL; pages in each worker's memory.
    assert cache == [
        "secretariat.operations.shared_cache.DatabaseCache",
        "django.core.cache.backends.locmem.LocMemCache",
    ]
    assert storage == "django.core.files.storage.FileSystemStorage"
    assert serve_media is True


def test_shared_redis_cache_sessions_and_s3_media(db):
    session, cache, storage, serve_media, url = show(
        CACHE_URL="redis://cache.internal:6379/0",
        SESSION_STORE="cached_db",
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="kansliet-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
    )
    assert session == "django.contrib.sessions.backends.cached_db"
    assert cache == ["django.core.cache.backends.redis.RedisCache"] * 2
    assert storage == "storages.backends.s3.S3Storage"
    assert serve_media is False
    assert url == "https://media.example.org/bilder/a.webp"


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("SESSION_STORE", "files", "SESSION_STORE must be db, cache or cached_db"),
        ("MEDIA_STORAGE", "ftp", "MEDIA_STORAGE must be local or s3"),
    ],
)
def test_unknown_choice_is_refused_with_a_clear_message(db, variable, value, message):
    result = run_manage("check", env=production_env(**{variable: value}))
    assert result.returncode != 0
    assert message in result.stderr
