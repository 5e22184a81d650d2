"""The production-like site on a private PostgreSQL cluster, for the operations tests."""

import http.client
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.db import connection

from secretariat.operations import backups
from tests.liveserver import (
    free_port,
    production_env,
    run_manage,
    start_production_server,
    stop_process,
)
from tests.pgcluster import template_cluster


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    text: str
    seconds: float


class Site:
    """The running server: ``fetch`` it, read its ``cluster``, run ``manage`` against it."""

    def __init__(self, port, env, cluster):
        self.port, self.env, self.cluster = port, env, cluster
        self.origin = f"http://127.0.0.1:{port}"

    def fetch(self, path, *, method="GET", form=None, headers=None, timeout=5):
        """One request on a new connection; raises on a timeout rather than waiting."""
        headers = dict(headers or {})
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode(errors="replace")
        finally:
            conn.close()
        return Answer(response.status, response.headers, text, time.monotonic() - started)

    def manage(self, *args):
        return run_manage(self.env, *args)


@pytest.fixture(scope="session")
def schema_backup(django_db_setup, django_db_blocker, tmp_path_factory):
    """A backup of the migrated test database, to start private clusters from."""
    with django_db_blocker.unblock():
        database = dict(connection.settings_dict)
    return backups.backup(
        tmp_path_factory.mktemp("schema"),
        database=database,
        media_root=tmp_path_factory.mktemp("no-media"),
    )


@pytest.fixture(scope="session")
def site_template(schema_backup):
    """A stopped private cluster with the site's tables; each site gets a copy."""
    cluster = template_cluster(schema_backup)
    yield cluster
    cluster.remove()


@pytest.fixture
def production_site(site_template, collected_static, tmp_path):
    """``with production_site(**variables) as site``: gunicorn on a cluster of its own."""

    @contextmanager
    def start(**overrides):
        cluster = site_template.copy()
        try:
            cluster.start()
            overrides.setdefault("STATIC_ROOT", str(collected_static))
            env = production_env(cluster.url, tmp_path, **overrides)
            port = free_port()
            server = start_production_server(env, port)
            try:
                yield Site(port, env, cluster)
            finally:
                stop_process(server)
        finally:
            cluster.remove()

    return start


@pytest.fixture
def database_away(tmp_path):
    """``with database_away():`` the default connection points at a socket folder where
    no PostgreSQL listens: real connection attempts that fail, as when it is stopped."""

    @contextmanager
    def away():
        saved = dict(connection.settings_dict)
        connection.close()
        connection.settings_dict.update(HOST=str(tmp_path), PORT="")
        try:
            yield
        finally:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(saved)

    return away


def wait_until(check, what, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not start within {timeout} s")


@pytest.fixture(scope="module")
def redis_url():
    server = shutil.which("redis-server")
    assert server, "redis-server is missing: `make test` installs it (scripts/need)"
    port = free_port()
    process = subprocess.Popen(
        [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )

    def answers():
        with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")

    try:
        wait_until(answers, "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        stop_process(process)


@pytest.fixture(scope="session")
def s3_server():
    """A real S3-compatible server on loopback (``tests.s3``), for the whole session."""
    from tests.s3 import S3Server

    with S3Server() as server:
        yield server


@pytest.fixture
def s3_bucket(s3_server, settings):
    """A new, empty bucket that the site's media storage points at; its name."""
    bucket = s3_server.new_bucket()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": s3_server.storage_options(bucket),
        },
    }
    return bucket
