"""Running the site for the benchmark: its databases, ``manage.py``, gunicorn and ``wrk``.

Used by ``scripts/bench.py`` outside Django. The databases live beside the
configured one (``DATABASE_URL``, or the private cluster in ``.pgdata/``).
Management commands run with ``secretariat.settings.bench`` (production's
settings plus the benchmark app); gunicorn serves the site with the production
settings alone, as ``make serve`` does.
"""

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import timeit
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import psycopg

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SITE_SETTINGS = "secretariat.settings.production"
BENCH_SETTINGS = "secretariat.settings.bench"
CONCURRENCY = 16


def say(message):
    print(message, flush=True)


def machine_speed():
    """Seconds a fixed pure-Python loop takes (the best of three): this machine's speed now.

    The same code measures a fifth to a half slower in a slow hour of a shared
    machine; the figure beside the rates tells such an hour from a regression.
    """
    loop = "for number in range(10_000_000): total += number"
    return round(min(timeit.repeat(loop, setup="total = 0", repeat=3, number=1)), 2)


# Databases ------------------------------------------------------------------


def server_settings():
    """Where the databases live: DATABASE_URL's server, or the private cluster."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        return {"host": str((BASE_DIR / ".pgdata").resolve()), "user": "secretariat"}, "secretariat"
    parts = urlsplit(url)
    host = parse_qs(parts.query).get("host", [parts.hostname or ""])[0]
    connect = {"host": host, "user": parts.username or "", "password": parts.password or ""}
    if parts.port:
        connect["port"] = parts.port
    return connect, parts.path.lstrip("/")


def database_url(connect, name):
    auth = connect["user"] + (f":{connect['password']}" if connect.get("password") else "")
    host = connect["host"]
    if host.startswith("/"):
        return f"postgres://{auth}@/{name}?host={host}"
    return f"postgres://{auth}@{host}:{connect.get('port', 5432)}/{name}"


def recreate_database(connect, name, drop_only=False):
    with psycopg.connect(dbname="postgres", autocommit=True, **connect) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not drop_only:
            conn.execute(f'CREATE DATABASE "{name}"')


# Running the site -------------------------------------------------------------


def site_env(url, cache_seconds=0):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SITE_SETTINGS,
        "DATABASE_URL": url,
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "off",
        "DEBUG": "off",
        "LOG_LEVEL": "WARNING",
        "PAGE_CACHE_SECONDS": str(cache_seconds),
        "PAGE_CACHE_GENERATION_FILE": str(BASE_DIR / "var" / "bench" / "generation"),
    }


def manage(env, *args, capture=False, timeout=None):
    """``manage.py`` with the benchmark's settings; its output when ``capture``."""
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=BASE_DIR,
        env={**env, "DJANGO_SETTINGS_MODULE": BENCH_SETTINGS},
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
        timeout=timeout,
    )
    return result.stdout


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Gunicorn:
    """The production server, as `make serve` runs it, on a free loopback port."""

    def __init__(self, env):
        self.port = free_port()
        self.process = subprocess.Popen(
            # The committed config, but no worker recycling: with it, every worker
            # restarts at about the same request count, in the middle of one page's
            # measurement; and memory after the run should show any growth.
            [PYTHON, "-m", "gunicorn", "--config", "gunicorn.conf.py", "--max-requests", "0"],
            cwd=BASE_DIR,
            env={**env, "PORT": str(self.port)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # The port opens before the workers have booted: wait for real answers.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url("/healthz/"), timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit("gunicorn did not answer within 60 s")

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def wait_until_idle(self, limit=120):
        """Until a health check answers quickly, i.e. no queue is left (at most ``limit`` s)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            started = time.monotonic()
            try:
                with urllib.request.urlopen(self.url("/healthz/"), timeout=limit):  # noqa: S310
                    pass
            except OSError:
                return
            if time.monotonic() - started < 0.2:
                return

    def worker_memory_mb(self):
        """Resident memory of each worker process, in MB."""
        out = subprocess.run(
            ["ps", "--ppid", str(self.process.pid), "-o", "rss="],
            capture_output=True,
            text=True,
        ).stdout
        return [int(line) / 1024 for line in out.split()]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# Load -----------------------------------------------------------------------

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def wrk(url, seconds):
    """Requests per second, p50 and p99 in ms, and errors, from one wrk run."""
    command = ["wrk", "-t2", f"-c{CONCURRENCY}", f"-d{seconds}s", "--timeout", "10s", "--latency"]
    output = subprocess.run(
        [*command, url],
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 30,
    ).stdout

    def latency(percent):
        match = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
        return round(float(match[1]) * UNITS[match[2]], 2) if match else None

    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    bad_status = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = int(bad_status[1]) if bad_status else 0
    errors += sum(int(n) for n in sockets.groups()) if sockets else 0
    return {
        "rps": round(float(rate[1]), 1) if rate else 0.0,
        "p50_ms": latency(50),
        "p99_ms": latency(99),
        "errors": errors,
    }


def measure(env, pages, seconds, label, small=None, floor=None):
    """Load every page that exists through one gunicorn; returns results and worker memory.

    ``small`` is (env, pages) of the 1,000-article database: its pages are
    loaded right after the same page of the large one, through a second server,
    so that a change in the machine's load falls on both sides of the ratio.
    ``floor`` is the static file's path: loaded right after each other page, for
    the same reason (``floor_rps`` in that page's results).
    """
    say(f"\n{label}: gunicorn with production settings, wrk -c{CONCURRENCY} for {seconds} s a page")
    servers = [Gunicorn(env)]
    small_paths = {}
    if small:
        servers.append(Gunicorn(small[0]))
        small_paths = {page["name"]: page["path"] for page in small[1] if page["path"]}
    results, small_results = {}, {}
    try:
        for page in pages:
            if page["path"] is None:
                continue
            results[page["name"]] = load(servers[0], page["path"], seconds, page["name"])
            if floor and page["path"] != floor:
                floor_result = load(servers[0], floor, seconds, "  static file (floor)")
                results[page["name"]]["floor_rps"] = floor_result["rps"]
            if page["name"] in small_paths:
                small_results[page["name"]] = load(
                    servers[1], small_paths[page["name"]], seconds, "  at 1,000 articles"
                )
        memory = servers[0].worker_memory_mb()
    finally:
        for server in servers:
            server.stop()
    return results, memory, small_results


def load(server, path, seconds, label):
    wrk(server.url(path), 1)  # Warm up: connections, caches, workers.
    server.wait_until_idle()
    result = wrk(server.url(path), seconds)
    # A page slower than wrk's window leaves requests queued in gunicorn; they
    # must not eat into the next page's measurement.
    server.wait_until_idle()
    say(
        f"  {label:<28} {result['rps']:>8.0f} req/s  p50 {result['p50_ms']} ms  "
        f"p99 {result['p99_ms']} ms  errors {result['errors']}"
    )
    return result
