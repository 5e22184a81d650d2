"""The benchmark behind `make bench`: a 50,000-article archive under load.

Steps, about 6 to 10 minutes on two cores:

1. make two databases beside the configured one, ``<name>_bench`` (50,000
   articles) and ``<name>_bench_small`` (1,000), migrate them and fill them with
   ``manage.py bench_data`` (COPY, about 20 s for the large one);
2. ask ``manage.py bench_pages`` which pages exist and how many SQL queries
   each runs (rendered once, cache off);
3. start gunicorn with the committed ``gunicorn.conf.py`` and production
   settings (``DEBUG`` off) on a free loopback port, and load each page with
   ``wrk`` at concurrency 16 for a fixed time: once with the anonymous page
   cache off, once on, and the growth pages again against 1,000 articles;
4. if the apps provide them: time ``import_articles`` on an export of the
   large archive, and ``bench_newsletter`` sending one issue to 10,000
   subscribers through a local SMTP sink;
5. print the table and the targets, write everything to ``var/bench.json``,
   and drop the databases (``--keep`` keeps them for EXPLAIN).

Run it through `make bench`; `scripts/bench.py --help` lists the options.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import psycopg

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
OUTPUT = BASE_DIR / "var" / "bench.json"
CONCURRENCY = 16
FULL_ARTICLES = 50_000
SMALL_ARTICLES = 1_000
GROWTH_PAGES = [
    "front page",
    "article list",
    "article list, deep page",
    "article",
    "tag page",
    # A year holds a full page of articles at both sizes; a month at 1,000
    # articles holds about four (at 50,000, a full page): its ratio also
    # measures the longer page.
    "archive year",
    "archive month",
    "search: one word",
    "RSS feed",
]
NEWSLETTER_SUBSCRIBERS = 10_000
IMPORT_LINES = 10_000
IMPORT_TIMEOUT = 90

# The targets, checked against the results at the end.
TARGETS = {
    "max_queries": 10,
    "cached_ratio": 0.7,
    "uncached_ratio": 0.2,
    "uncached_search_ratio": 0.1,
    "p99_ms": 100,
    "growth": 1.3,
    "newsletter_per_second": 500,
    "import_per_second": 1_000,
    "worker_memory_mb": 150,
}


def say(message):
    print(message, flush=True)


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
        "DJANGO_SETTINGS_MODULE": "secretariat.settings.production",
        "DATABASE_URL": url,
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "off",
        "DEBUG": "off",
        "LOG_LEVEL": "WARNING",
        "PAGE_CACHE_SECONDS": str(cache_seconds),
        "PAGE_CACHE_GENERATION_FILE": str(BASE_DIR / "var" / "bench" / "generation"),
    }


def manage(env, *args, capture=False):
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout


def has_command(env, name):
    result = subprocess.run(
        [PYTHON, "manage.py", "help", name], cwd=BASE_DIR, env=env, capture_output=True
    )
    return result.returncode == 0


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
            ["ps", "--ppid", str(self.process.pid), "-o", "rss="], capture_output=True, text=True
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


def measure(env, pages, seconds, label, small=None):
    """Load every page that exists through one gunicorn; returns results and worker memory.

    ``small`` is (env, pages) of the 1,000-article database: its pages are
    loaded right after the same page of the large one, through a second server,
    so that a change in the machine's load falls on both sides of the ratio.
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


# Cold cache ----------------------------------------------------------------------

COLD_SECONDS = 2
BUMP_GENERATION = "from secretariat.operations.page_cache import bump_generation; bump_generation()"


def cold_cache(env, pages, seconds=COLD_SECONDS):
    """p99 of each cached reading page right after every page left the cache.

    As after a publish: the page is in the cache, the content generation is
    bumped (every page stale at once), and ``wrk`` loads it at once with 16
    connections for ``seconds``, the first second included. Target: p99 under
    100 ms.
    """
    say(f"\nCold cache: generation bumped, then wrk -c{CONCURRENCY} for {seconds} s a page")
    server = Gunicorn(env)
    results = {}
    try:
        for page in pages:
            if page["path"] is None or page["kind"] not in {"reading", "search"}:
                continue
            # The same load on the warm cache first: the machine's own floor, for comparison.
            wrk(server.url(page["path"]), 1)
            warm = wrk(server.url(page["path"]), seconds)
            server.wait_until_idle()
            manage(env, "shell", "-v", "0", "-c", BUMP_GENERATION)
            result = wrk(server.url(page["path"]), seconds)
            results[page["name"]] = {**result, "warm_p99_ms": warm["p99_ms"]}
            server.wait_until_idle()
            say(
                f"  {page['name']:<28} p99 {result['p99_ms']} ms (warm {warm['p99_ms']} ms)  "
                f"errors {result['errors']}"
            )
    finally:
        server.stop()
    return results


def cold_cache_misses(results):
    return [
        f"{name}: cold cache p99 {result['p99_ms']} ms (< {TARGETS['p99_ms']} ms)"
        for name, result in results.items()
        if (result["p99_ms"] or 0) >= TARGETS["p99_ms"] or result["errors"]
    ]


def cold_cache_only(connect, base_name, args):
    """``--cold-cache``: only the cold-cache measurement, on a small archive."""
    name = f"{base_name}_bench_small"
    env = site_env(database_url(connect, name), cache_seconds=60)
    if not args.reuse:
        recreate_database(connect, name)
        manage(env, "migrate", "-v", "0")
        manage(env, "bench_data", "--articles", str(args.articles))
    try:
        manage(env, "collectstatic", "--noinput", "-v", "0")
        pages = json.loads(manage(env, "bench_pages", capture=True))
        results = cold_cache(env, pages)
    finally:
        if not args.keep:
            recreate_database(connect, name, drop_only=True)
    misses = cold_cache_misses(results)
    say("\nTargets missed:" if misses else "\nEvery cold-cache target is met.")
    for miss in misses:
        say(f"  - {miss}")
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.with_name("bench-cold.json").write_text(
        json.dumps({"cold_cache": results, "targets_missed": misses}, indent=2, ensure_ascii=False)
    )


# Optional steps, active once the apps provide their commands ------------------


def optional(step, *args):
    """An optional step that fails is reported as not measured; the table still prints."""
    try:
        return step(*args)
    except subprocess.CalledProcessError as error:
        return {"skipped": f"{' '.join(error.cmd[1:3])} failed with exit status {error.returncode}"}


COUNT_ARTICLES = "from articles.models import Article; print(Article.objects.count())"


def import_rate(connect, base_name, large_env):
    """``import_articles`` on an export of the large archive, in articles per second."""
    if not has_command(large_env, "export_articles"):
        return {"skipped": "manage.py export_articles/import_articles not available yet"}
    everything = BASE_DIR / "var" / "bench" / "articles-all.jsonl"
    manage(large_env, "export_articles", str(everything))
    # 10,000 lines: a large file. The wait is bounded all the same.
    export = everything.with_name("articles.jsonl")
    # The import database is empty: related events are left out, since a
    # reference to an event that does not exist is (rightly) a bad line.
    with everything.open() as source, export.open("w") as target:
        for _, line in zip(range(IMPORT_LINES), source, strict=False):
            target.write(json.dumps(json.loads(line) | {"events": []}, ensure_ascii=False) + "\n")
    name = f"{base_name}_bench_import"
    recreate_database(connect, name)
    env = site_env(database_url(connect, name))
    try:
        manage(env, "migrate", "-v", "0")
        lines = sum(1 for _ in export.open())
        started = time.monotonic()
        try:
            subprocess.run(
                [PYTHON, "manage.py", "import_articles", str(export)],
                cwd=BASE_DIR,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
                timeout=IMPORT_TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            # Count what was written in the time allowed.
            written = int(manage(env, "shell", "-c", COUNT_ARTICLES, capture=True).split()[-1])
            return {
                "articles": written,
                "seconds": IMPORT_TIMEOUT,
                "per_second": round(written / IMPORT_TIMEOUT),
                "note": f"stopped after {IMPORT_TIMEOUT} s of {lines:,} lines",
            }
        seconds = time.monotonic() - started
    finally:
        recreate_database(connect, name, drop_only=True)
    return {"articles": lines, "seconds": round(seconds, 1), "per_second": round(lines / seconds)}


def newsletter_rate(large_env):
    """One issue to 10,000 subscribers through a local SMTP sink, in messages per second.

    The newsletter app's ``manage.py bench_newsletter --limit N`` sends one issue
    to N confirmed subscribers (those ``bench_data`` made) through the configured
    mailer, synchronously, and says how long the sending took. The sink counts
    what arrives.
    """
    if not has_command(large_env, "bench_newsletter"):
        return {"skipped": "manage.py bench_newsletter not available yet (newsletter app)"}
    from aiosmtpd.controller import Controller

    class Sink:
        received = 0

        async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
            Sink.received += len(envelope.rcpt_tos)
            return "250 OK"

    port = free_port()
    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        env = {**large_env, "EMAIL_URL": f"smtp+insecure://127.0.0.1:{port}"}
        started = time.monotonic()
        output = manage(
            env, "bench_newsletter", "--limit", str(NEWSLETTER_SUBSCRIBERS), capture=True
        )
        seconds = time.monotonic() - started
    finally:
        controller.stop()
    # The command times the sending alone (not Django's start nor the setup).
    timed = re.search(r"in ([\d.]+) s", output)
    seconds = float(timed[1]) if timed else seconds
    return {
        "messages": Sink.received,
        "seconds": round(seconds, 1),
        "per_second": round(Sink.received / seconds) if seconds else 0,
        "command_said": output.strip().splitlines()[-1] if output.strip() else "",
    }


# Report -----------------------------------------------------------------------


def ratio(value, floor):
    return round(value / floor, 3) if value and floor else None


def report(large_pages, small_pages, uncached, cached, small, memory, extras):
    floor_name = next(page["name"] for page in large_pages if page["kind"] == "static")
    modes = (("off", uncached), ("on", cached))
    floors = {mode: results[floor_name]["rps"] for mode, results in modes}
    small_queries = {page["name"]: page.get("queries") for page in small_pages}
    rows = []
    for page in large_pages:
        name = page["name"]
        row = {**page, "queries_small": small_queries.get(name)}
        for mode, results in modes:
            if name in results:
                row[f"cache_{mode}"] = {
                    **results[name],
                    "ratio_to_floor": ratio(results[name]["rps"], floors[mode]),
                }
        if name in small and name in uncached:
            row["growth_p50"] = ratio(uncached[name]["p50_ms"], small[name]["p50_ms"])
        rows.append(row)

    header = (
        f"{'page':<28} {'queries':>7} | {'off req/s':>9} {'p50':>6} {'p99':>6} {'err':>4} "
        f"{'x floor':>7} | {'on req/s':>9} {'p50':>6} {'p99':>6} {'x floor':>7} | {'growth':>6}"
    )
    say("\n" + header + "\n" + "-" * len(header))

    def cell(value, width, digits=1):
        if value is None:
            return "-".rjust(width)
        return f"{value:>{width}.{digits}f}" if isinstance(value, float) else f"{value:>{width}}"

    for row in rows:
        if row["path"] is None:
            continue
        off, on = row.get("cache_off", {}), row.get("cache_on", {})
        say(
            f"{row['name']:<28} {cell(row.get('queries'), 7)} | {cell(off.get('rps'), 9, 0)} "
            f"{cell(off.get('p50_ms'), 6)} {cell(off.get('p99_ms'), 6)} "
            f"{cell(off.get('errors'), 4)} {cell(off.get('ratio_to_floor'), 7, 2)} | "
            f"{cell(on.get('rps'), 9, 0)} {cell(on.get('p50_ms'), 6)} {cell(on.get('p99_ms'), 6)} "
            f"{cell(on.get('ratio_to_floor'), 7, 2)} | {cell(row.get('growth_p50'), 6, 2)}"
        )
    missing = [row["name"] for row in rows if row["path"] is None]
    if missing:
        say("\nNot measured (the site has no such page yet): " + ", ".join(missing))
    say(f"\nGunicorn workers after the run: {', '.join(f'{mb:.0f} MB' for mb in memory)}")
    for name, extra in extras.items():
        say(f"{name}: {extra}")
    misses = check_targets(rows, memory, extras)
    say("\nTargets missed:" if misses else "\nEvery target measured is met.")
    for miss in misses:
        say(f"  - {miss}")
    return {"pages": rows, "worker_memory_mb": memory, **extras, "targets_missed": misses}


def check_targets(rows, memory, extras):
    misses = []
    for row in rows:
        if row["path"] is None or row["kind"] == "static":
            continue
        name, off, on = row["name"], row.get("cache_off", {}), row.get("cache_on", {})
        if (row.get("queries") or 0) > TARGETS["max_queries"]:
            misses.append(f"{name}: {row['queries']} SQL queries (target ≤ 10)")
        if row.get("queries_small") not in (None, row.get("queries")):
            misses.append(
                f"{name}: {row['queries_small']} queries at 1,000 articles but "
                f"{row['queries']} at 50,000 (must not depend on the data size)"
            )
        if row.get("status") != 200:
            misses.append(f"{name}: answered {row.get('status')}, not 200")
        floor = TARGETS["uncached_search_ratio" if row["kind"] == "search" else "uncached_ratio"]
        if (off.get("ratio_to_floor") or 0) < floor:
            misses.append(
                f"{name}: cache off at {off.get('ratio_to_floor')} of the floor (≥ {floor})"
            )
        if (off.get("p99_ms") or 0) >= TARGETS["p99_ms"]:
            misses.append(f"{name}: cache off p99 {off.get('p99_ms')} ms (< 100 ms)")
        if row["kind"] != "search" and (on.get("ratio_to_floor") or 0) < TARGETS["cached_ratio"]:
            misses.append(f"{name}: cache on at {on.get('ratio_to_floor')} of the floor (≥ 0.7)")
        if (row.get("growth_p50") or 0) > TARGETS["growth"]:
            misses.append(
                f"{name}: p50 grows {row['growth_p50']} times from 1,000 to 50,000 (≤ 1.3)"
            )
        if off.get("errors") or on.get("errors"):
            misses.append(f"{name}: {off.get('errors')} / {on.get('errors')} errors (off / on)")
    misses += cold_cache_misses(extras.get("cold_cache", {}))
    if any(mb >= TARGETS["worker_memory_mb"] for mb in memory):
        misses.append(f"worker memory {max(memory):.0f} MB (< 150 MB)")
    for name, key in (("import", "import_per_second"), ("newsletter", "newsletter_per_second")):
        extra = extras.get(name, {})
        if "skipped" in extra:
            misses.append(f"{name}: not measured ({extra['skipped']})")
        elif extra.get("per_second", 0) < TARGETS[key]:
            misses.append(f"{name}: {extra.get('per_second')} per second (≥ {TARGETS[key]})")
    return misses


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="load per page (default 5)")
    parser.add_argument("--articles", type=int, default=FULL_ARTICLES)
    parser.add_argument("--reuse", action="store_true", help="reuse the databases of --keep")
    parser.add_argument("--keep", action="store_true", help="keep the databases afterwards")
    parser.add_argument(
        "--cold-cache",
        action="store_true",
        help="only the cold-cache p99 of each reading page, on --articles (default 1,000)",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `make bench` installs it (Debian package wrk).")
    started = time.monotonic()
    connect, base_name = server_settings()
    if args.cold_cache:
        args.articles = SMALL_ARTICLES if args.articles == FULL_ARTICLES else args.articles
        return cold_cache_only(connect, base_name, args)
    large_name, small_name = f"{base_name}_bench", f"{base_name}_bench_small"
    large_env = site_env(database_url(connect, large_name))
    small_env = site_env(database_url(connect, small_name))
    if not args.reuse:
        for name, env, articles in (
            (large_name, large_env, args.articles),
            (small_name, small_env, SMALL_ARTICLES),
        ):
            say(f"\nDatabase {name}: migrate, then bench_data --articles {articles}")
            recreate_database(connect, name)
            manage(env, "migrate", "-v", "0")
            manage(env, "bench_data", "--articles", str(articles))
    manage(large_env, "collectstatic", "--noinput", "-v", "0")
    large_pages = json.loads(manage(large_env, "bench_pages", capture=True))
    small_pages = json.loads(
        manage(small_env, "bench_pages", "--only", *GROWTH_PAGES, capture=True)
    )
    try:
        uncached, _, small = measure(
            large_env,
            large_pages,
            args.seconds,
            "Cache off, 50,000 articles (and 1,000 for the growth ratio)",
            small=(small_env, small_pages),
        )
        cached_env = {**large_env, "PAGE_CACHE_SECONDS": "60"}
        cached, memory, _ = measure(
            cached_env, large_pages, args.seconds, "Cache on, 50,000 articles"
        )
        extras = {
            "cold_cache": cold_cache(cached_env, large_pages),
            "import": optional(import_rate, connect, base_name, large_env),
            "newsletter": optional(newsletter_rate, large_env),
        }
    finally:
        if not args.keep:
            for name in (large_name, small_name):
                recreate_database(connect, name, drop_only=True)
    result = report(large_pages, small_pages, uncached, cached, small, memory, extras)
    result["seconds"] = round(time.monotonic() - started)
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    say(f"\nWritten to {OUTPUT.relative_to(BASE_DIR)} ({result['seconds']} s in all).")


if __name__ == "__main__":
    main()
