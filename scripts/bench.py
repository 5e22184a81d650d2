"""The benchmark behind `make bench`: a 50,000-article archive under load.

Steps, about 13 minutes on two cores:

1. make two databases beside the configured one, ``<name>_bench`` (50,000
   articles) and ``<name>_bench_small`` (1,000), migrate them and fill them with
   ``manage.py bench_data`` (COPY, about 20 s for the large one);
2. pages: ask ``manage.py bench_pages`` which pages exist and how many SQL
   queries each runs (rendered once, cache off); start gunicorn with the
   committed ``gunicorn.conf.py`` and production settings (``DEBUG`` off) on a
   free loopback port, and load each page with ``wrk`` at concurrency 16 for a
   fixed time: once with the anonymous page cache off, once on (each page then
   followed by the static file, the floor it is compared with), and the growth
   pages again against 1,000 articles;
3. import: time ``import_articles`` on 10,000 lines exported from the large
   archive, into an empty database;
4. cold: each cached reading page right after the page cache was emptied (the
   content generation bumped, as after a publish), 16 connections for 2 s,
   p99 with the first second included;
5. newsletter: time ``bench_newsletter`` sending one issue to 10,000
   subscribers through a local SMTP sink;
6. print the table and the targets, write everything to ``var/bench.json``,
   and drop the databases (``--keep`` keeps them for EXPLAIN).

Beside the results it prints the machine's speed (``machine_speed``: a fixed
Python loop, timed at the start, before the import and the newsletter, and at
the end): a slow hour of a shared machine shows there, not only as missed rates.

``--only import`` (or ``pages``, ``newsletter``; repeatable) runs those steps
alone, with only the databases they need. The code lives in the ``benchmark``
app (``benchmark/site.py``, ``steps.py``, ``targets.py``); its commands exist
only under ``secretariat.settings.bench``. Run it through `make bench`;
``scripts/bench.py --help`` lists the options.
"""

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

# The benchmark app is in the project folder, the parent of scripts/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmark.site import (
    BASE_DIR,
    database_url,
    machine_speed,
    manage,
    measure,
    recreate_database,
    say,
    server_settings,
    site_env,
)
from benchmark.steps import cold_cache, import_rate, newsletter_rate, optional
from benchmark.targets import STATIC, judge, page_rows, print_table

OUTPUT = BASE_DIR / "var" / "bench.json"
STEPS = ("pages", "cold", "import", "newsletter")
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


def measure_pages(large_env, small_env, seconds, names=None):
    """The pages with the page cache off (and the growth pages at 1,000 articles), then on.

    ``names`` limits both to those pages (``--page``), for a short loop while working.
    """
    manage(large_env, "collectstatic", "--noinput", "-v", "0")
    only = ("--only", *names) if names else ()
    large_pages = json.loads(manage(large_env, "bench_pages", *only, capture=True))
    growth = [name for name in GROWTH_PAGES if not names or name in names]
    small_pages = []
    if growth:
        small_pages = json.loads(manage(small_env, "bench_pages", "--only", *growth, capture=True))
    uncached, _, small = measure(
        large_env,
        large_pages,
        seconds,
        "Cache off, 50,000 articles (and 1,000 for the growth ratio)",
        small=(small_env, small_pages),
    )
    cached_env = {**large_env, "PAGE_CACHE_SECONDS": "60"}
    floor = next((page["path"] for page in large_pages if page["kind"] == STATIC), None)
    cached, memory, _ = measure(
        cached_env, large_pages, seconds, "Cache on, 50,000 articles", floor=floor
    )
    return page_rows(large_pages, small_pages, uncached, cached, small), memory


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="load per page (default 5)")
    parser.add_argument("--articles", type=int, default=FULL_ARTICLES)
    parser.add_argument("--reuse", action="store_true", help="reuse the databases of --keep")
    parser.add_argument("--keep", action="store_true", help="keep the databases afterwards")
    parser.add_argument(
        "--only", action="append", choices=STEPS, help="run only this step (repeatable)"
    )
    parser.add_argument(
        "--page",
        action="append",
        metavar="NAME",
        help='measure only this page, e.g. "search: one word" (repeatable; pages and cold steps)',
    )
    args = parser.parse_args()
    steps = args.only or STEPS
    if "pages" in steps and not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `make bench` installs it (Debian package wrk).")
    started = time.monotonic()
    speed = {"start": machine_speed()}
    connect, base_name = server_settings()
    large_name, small_name = f"{base_name}_bench", f"{base_name}_bench_small"
    large_env = site_env(database_url(connect, large_name))
    small_env = site_env(database_url(connect, small_name))
    databases = [(large_name, large_env, args.articles)]
    if "pages" in steps:
        databases.append((small_name, small_env, SMALL_ARTICLES))
    cached_env = {**large_env, "PAGE_CACHE_SECONDS": "60"}
    if not args.reuse:
        for name, env, articles in databases:
            say(f"\nDatabase {name}: migrate, then bench_data --articles {articles}")
            recreate_database(connect, name)
            manage(env, "migrate", "-v", "0")
            manage(env, "bench_data", "--articles", str(articles))
    rows, memory, timed = [], [], {}
    try:
        if "pages" in steps:
            rows, memory = measure_pages(large_env, small_env, args.seconds, args.page)
        if "cold" in steps:
            manage(large_env, "collectstatic", "--noinput", "-v", "0")
            pages = json.loads(manage(large_env, "bench_pages", capture=True))
            if args.page:
                pages = [page for page in pages if page["name"] in args.page]
            timed["cold cache"] = cold_cache(cached_env, pages)
        if "import" in steps:
            speed["import"] = machine_speed()
            say("\nImport: import_articles on 10,000 exported lines, into an empty database")
            timed["import"] = optional(import_rate, connect, base_name, large_env)
        if "newsletter" in steps:
            speed["newsletter"] = machine_speed()
            say("\nNewsletter: bench_newsletter to 10,000 subscribers through a local SMTP sink")
            timed["newsletter"] = optional(newsletter_rate, large_env)
    finally:
        if not args.keep:
            for name, _env, _articles in databases:
                recreate_database(connect, name, drop_only=True)
    if rows:
        print_table(rows)
        say(f"\nGunicorn workers after the run: {', '.join(f'{mb:.0f} MB' for mb in memory)}")
    for name, result in timed.items():
        say(f"{name}: {result}")
    speed["end"] = machine_speed()
    timings = ", ".join(f"{moment} {seconds}" for moment, seconds in speed.items())
    say(
        "\nMachine speed, a fixed Python loop in seconds (lower is faster; "
        f"about 0.4 with Python 3.13 on a quiet machine): {timings}"
    )
    result = {
        "pages": rows,
        "worker_memory_mb": memory,
        **timed,
        "machine_loop_seconds": speed,
        "targets": judge(rows, timed),
    }
    result["seconds"] = round(time.monotonic() - started)
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    say(f"\nWritten to {OUTPUT.relative_to(BASE_DIR)} ({result['seconds']} s in all).")


if __name__ == "__main__":
    main()
