"""The site as production runs it, started by the tests on a free loopback port.

``start_production_server(env, port)`` runs gunicorn with the committed
``gunicorn.conf.py`` and ``secretariat.settings.production`` (``DEBUG`` off,
whitenoise serving the collected static files). The session fixtures below give
the browser tests one such server, with its own database, its own media folder
and a real SMTP server (``tests.smtp.SMTPServer``) for its mail:

- ``server_database``: a copy of pytest-django's test database made for the server.
  The server and the tests must see the same committed rows, which the usual
  rolled-back test transaction cannot give; a separate database keeps those rows
  away from every other test, also with ``--reuse-db`` and after an aborted run.
- ``server_orm``: ``server_orm(function, *args)`` calls ``function`` with the test
  process's ORM on that database, so tests create data the server sees and read
  back what the server wrote.
- ``production_server``: the running server (``.url``, ``.smtp``, ``.media_root``), with
  the production settings and ``/fel/<status>/`` answering each error page
  (``tests.error_settings``).
- ``smtp_sink``: the ``tests.smtp.SMTPServer`` the server sends its mail to.
"""

import os
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import global_settings
from django.db import DEFAULT_DB_ALIAS, connection
from django.db.backends.base.creation import TEST_DATABASE_PREFIX
from django.test import override_settings
from django.test.utils import setup_databases

from tests.smtp import SMTPServer, free_port

BASE_DIR = Path(__file__).resolve().parent.parent
STARTUP_TIMEOUT = 30  # seconds


def start_production_server(env, port):
    """Start gunicorn as production does, on 127.0.0.1:``port``; return the process.

    ``env`` holds the settings (``DATABASE_URL``, ``SECRET_KEY``, ...) on top of the
    current environment. Returns once ``/healthz/`` answers 200; raises with the
    server's output when it does not within ``STARTUP_TIMEOUT`` seconds.
    """
    environ = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "secretariat.settings.production",
        **env,
        "BIND": f"127.0.0.1:{port}",
    }
    log = Path(environ.get("SERVER_LOG", os.devnull))
    with log.open("ab") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
            cwd=BASE_DIR,
            env=environ,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/", timeout=2) as answer:
                if answer.status == 200:
                    return process
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    stop_process(process)
    tail = log.read_text(errors="replace")[-3000:] if log.is_file() else ""
    raise RuntimeError(f"The production server did not answer on port {port}.\n{tail}")


def stop_process(process, timeout=20):
    """Stop a server the tests started: politely first, then for sure."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def database_url(settings_dict, name):
    """A ``DATABASE_URL`` for database ``name`` on the server of ``settings_dict``."""
    user = quote(settings_dict.get("USER") or "", safe="")
    if settings_dict.get("PASSWORD"):
        user += ":" + quote(settings_dict["PASSWORD"], safe="")
    host = settings_dict.get("HOST") or settings_dict.get("OPTIONS", {}).get("host", "")
    if host.startswith("/"):  # A Unix socket folder, as with the private cluster.
        return f"postgres://{user}@/{name}?host={quote(host)}"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{user}@{host}{port}/{name}"


def in_thread(function, *args, **kwargs):
    """Call ``function`` in a thread of its own and return its result.

    Playwright's sync API keeps an event loop in the test's thread, and Django
    refuses database calls there; a short-lived thread (with its own connection,
    closed afterwards) has no event loop.
    """

    def call():
        try:
            return function(*args, **kwargs)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(call).result()


def _recreate_database(name, template=None):
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if template:
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


@contextmanager
def orm_database(name):
    """Point new connections at database ``name`` for the block (autocommit).

    Django keeps content types and the site in memory by their ids, which differ
    from one database to another: those caches are emptied on the way in and out.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.sites.models import Site

    previous = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = name
    ContentType.objects.clear_cache()
    Site.objects.clear_cache()
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["NAME"] = previous
        ContentType.objects.clear_cache()
        Site.objects.clear_cache()


def _test_database():
    """The name of pytest-django's test database, setting it up if no test asked for it.

    pytest-django sets up the test database only when a collected test uses ``db``;
    a run of just the browser tests does not.
    """
    if not connection.settings_dict["NAME"].startswith(TEST_DATABASE_PREFIX):
        setup_databases(verbosity=0, interactive=False, aliases={DEFAULT_DB_ALIAS}, keepdb=True)
    return connection.settings_dict["NAME"]


@pytest.fixture(scope="session")
def server_database(django_db_setup, django_db_blocker):
    """The name of a fresh copy of the (migrated, empty) test database, for the server."""
    with django_db_blocker.unblock():
        test_database = in_thread(_test_database)
        name = f"{test_database}_server"
        # A copy needs the original to be idle: close this thread's connection too.
        connection.close()
        in_thread(_recreate_database, name, template=test_database)
    yield name
    with django_db_blocker.unblock():
        in_thread(_recreate_database, name)


@pytest.fixture(scope="session")
def server_orm(server_database, django_db_blocker, server_media_root):
    """``server_orm(function, *args)``: call it with the ORM on the server's database.

    Rows it writes are committed, so the server sees them; it also sees the
    server's media folder and password hashers.
    """

    def run(function, *args, **kwargs):
        def call():
            with (
                orm_database(server_database),
                # The server hashes passwords with the default hashers, not the tests' fast one.
                override_settings(
                    MEDIA_ROOT=server_media_root,
                    PASSWORD_HASHERS=global_settings.PASSWORD_HASHERS,
                ),
            ):
                return function(*args, **kwargs)

        with django_db_blocker.unblock():
            return in_thread(call)

    return run


@pytest.fixture(scope="session")
def server_media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("server-media")


@pytest.fixture(scope="session")
def smtp_sink():
    """The SMTP server the production server sends its mail to, for the whole session."""
    with SMTPServer() as server:
        yield server


def catalogues_are_stale():
    """Whether a translation catalogue (``.po``) is newer than its compiled ``.mo``."""
    for po in [
        *BASE_DIR.glob("locale/*/LC_MESSAGES/*.po"),
        *BASE_DIR.glob("*/locale/*/LC_MESSAGES/*.po"),
    ]:
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            return True
    return False


@dataclass
class ProductionServer:
    url: str
    smtp: object
    media_root: Path
    log: Path

    def absolute(self, path):
        return self.url + path


def run_manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**os.environ, **env},
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )


def production_env(database_url, folder, **overrides):
    """The variables of a production server, for plain HTTP on loopback."""
    return {
        "DJANGO_SETTINGS_MODULE": "secretariat.settings.production",
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        "EMAIL_URL": "console://",
        "MEDIA_ROOT": str(folder / "media"),
        "WEB_CONCURRENCY": "2",
        "GUNICORN_THREADS": "4",
        "LOG_LEVEL": "WARNING",
        "SERVER_LOG": str(folder / "server.log"),
    } | overrides


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """The static files, collected once for every production server the tests start,
    outside the checkout (whose ``var/static`` is the developer's)."""
    folder = tmp_path_factory.mktemp("static")
    # collectstatic reads no database.
    env = production_env("postgres://unused@/unused", folder, STATIC_ROOT=str(folder))
    run_manage(env, "collectstatic", "--noinput", "-v", "0")
    return folder


@pytest.fixture(scope="session")
def production_server(
    server_database, server_media_root, smtp_sink, collected_static, tmp_path_factory
):
    """gunicorn with the production settings, plus the background worker that sends mail."""
    folder = tmp_path_factory.mktemp("production-server")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        # The production settings, plus /fel/<status>/ for the error pages' checks.
        "DJANGO_SETTINGS_MODULE": "tests.error_settings",
        "DATABASE_URL": database_url(connection.settings_dict, server_database),
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": url,
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        "EMAIL_URL": smtp_sink.url,
        "STATIC_ROOT": str(collected_static),
        "MEDIA_ROOT": str(server_media_root),
        "WEB_CONCURRENCY": "2",
        "GUNICORN_THREADS": "4",
        "LOG_LEVEL": "WARNING",
        "SERVER_LOG": str(folder / "server.log"),
    }
    environ = {**os.environ, **env}
    manage = [sys.executable, "manage.py"]
    # As a deployment does: the Swedish catalogues compiled, the static files collected.
    if catalogues_are_stale():  # `make test` has just compiled them.
        ignored = ["--ignore=.venv", "--ignore=var", "--ignore=node_modules"]
        subprocess.run(
            [*manage, "compilemessages", *ignored, "-v", "0"], cwd=BASE_DIR, env=environ, check=True
        )
    server = start_production_server(env, port)
    with (folder / "worker.log").open("ab") as output:
        worker = subprocess.Popen(
            [*manage, "db_worker", "--no-reload", "--interval", "0.1"],
            cwd=BASE_DIR,
            env=environ,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        yield ProductionServer(url, smtp_sink, server_media_root, folder / "server.log")
    finally:
        stop_process(worker)
        stop_process(server)
