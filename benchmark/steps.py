"""The benchmark's timed steps beside the pages: the article import and the newsletter.

Each returns a dict with ``per_second``, the figure its target reads (see
``benchmark/targets.py``); ``optional`` turns a step that fails into a note,
so that the table still prints.
"""

import json
import re
import subprocess
import time

from .site import (
    BASE_DIR,
    CONCURRENCY,
    Gunicorn,
    database_url,
    free_port,
    manage,
    recreate_database,
    say,
    site_env,
    wrk,
)

IMPORT_LINES = 10_000
IMPORT_TIMEOUT = 90
NEWSLETTER_SUBSCRIBERS = 10_000
COUNT_ARTICLES = "from articles.models import Article; print(Article.objects.count())"


def optional(step, *args):
    """An optional step that fails is reported as not measured; the table still prints."""
    try:
        return step(*args)
    except subprocess.CalledProcessError as error:
        return {"skipped": f"{' '.join(error.cmd[1:3])} failed with exit status {error.returncode}"}


COLD_SECONDS = 2
BUMP_GENERATION = "from secretariat.operations.page_cache import bump_generation; bump_generation()"


def cold_cache(env, pages, seconds=COLD_SECONDS):
    """p99 of each cached reading page right after every page left the cache.

    As after a publish: the page is in the cache, the content generation is
    bumped (every page stale at once), and ``wrk`` loads it at once with 16
    connections for ``seconds``, the first second included.
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
            say(f"  {page['name']:<28} p99 {result['p99_ms']} ms (warm {warm['p99_ms']} ms)")
    finally:
        server.stop()
    return results


def import_rate(connect, base_name, source_env):
    """``import_articles`` on 10,000 lines exported from the archive, in articles per second.

    The lines go into a new, empty database, as a moved archive would.
    """
    everything = BASE_DIR / "var" / "bench" / "articles-all.jsonl"
    everything.parent.mkdir(parents=True, exist_ok=True)
    manage(source_env, "export_articles", str(everything))
    export = everything.with_name("articles.jsonl")
    # The import database is empty: related events are left out, since a
    # reference to an event that does not exist is (rightly) a bad line.
    with everything.open() as source, export.open("w") as target:
        for _, line in zip(range(IMPORT_LINES), source, strict=False):
            target.write(json.dumps(json.loads(line) | {"events": []}, ensure_ascii=False) + "\n")
    lines = sum(1 for _ in export.open())
    name = f"{base_name}_bench_import"
    recreate_database(connect, name)
    env = site_env(database_url(connect, name))
    try:
        manage(env, "migrate", "-v", "0")
        started = time.monotonic()
        try:
            # A large file, but the wait is bounded all the same.
            manage(env, "import_articles", str(export), capture=True, timeout=IMPORT_TIMEOUT)
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

    ``manage.py bench_newsletter --limit N`` sends one issue to N confirmed
    subscribers (those ``bench_data`` made) through the configured mailer,
    synchronously, and says how long the sending took. The sink counts what
    arrives.
    """
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
