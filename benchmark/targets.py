"""What ``make bench`` prints at the end: the table of pages, then the targets.

The table has one row per page of ``benchmark/pages.py``: SQL queries, then
requests per second, p50 and p99 latency, errors and the ratio to the static
file (the floor) with the page cache off and on, and the growth of p50 from
1,000 to 50,000 articles (information; no target reads it). With the cache on,
each page is compared with the floor measured right after it: the machine's
speed drifts by a fifth and more over the minutes a run takes.

``TARGETS`` is the list the table is judged by: each a sentence and a check
that reads the results and returns one ``Check`` per page or step it judged.
A new target is a check function and one line in the list.
"""

from collections.abc import Callable
from dataclasses import asdict, dataclass

from .site import say

READING, SEARCH, FORM, STATIC = "reading", "search", "form", "static"  # As in pages.py.
MAX_QUERIES = 10
CACHED_RATIO = 0.7
IMPORT_PER_SECOND = 300
NEWSLETTER_PER_SECOND = 100
COLD_P99_MS = 100
CACHE_OFF_TOLERANCE = 0.2

# Requests per second with the page cache off, per page, in the table of the
# previous stop (the closing note of the performance issue, 2026-11-30). A page
# not listed has no figure yet, so it is reported and not judged.
PREVIOUS_CACHE_OFF = {
    "front page": 93,
    "article list": 79,
    "article list, deep page": 83,
    "article": 131,
    "tag page": 92,
    "two-tag filter": 75,
    "archive year": 67,
    "archive month": 80,
    "search: one word": 34,
    "search: prefix": 34,
    "search: inflected words": 30,
    "RSS feed": 136,
    "upcoming events": 66,
    "event": 116,
    "event calendar (.ics)": 174,
    "person": 94,
    "newsletter": 561,
    "page (accessibility)": 457,
    "static file (floor)": 2658,
}


@dataclass
class Check:
    subject: str  # A page's name, or a step's.
    passed: bool | None  # None: reported, not judged.
    detail: str


@dataclass
class Target:
    text: str
    check: Callable  # (page rows, steps) -> [Check]
    every_line: bool = False  # Print every check, not only the missed ones.


def verdict(checks):
    """Passed when every check judged passed; None when none was judged."""
    judged = [check.passed for check in checks if check.passed is not None]
    return all(judged) if judged else None


MARKS = {True: "pass", False: "FAIL", None: "  - "}


def measured(rows, *kinds):
    return [row for row in rows if row["path"] is not None and row["kind"] in kinds]


def few_queries(rows, steps):
    checks = []
    for row in measured(rows, READING, SEARCH, FORM):
        queries = row.get("queries") or 0
        checks.append(Check(row["name"], queries <= MAX_QUERIES, f"{queries} queries"))
    return checks


def near_the_floor_when_cached(rows, steps):
    checks = []
    for row in measured(rows, READING):
        on = row.get("cache_on", {})
        if not on:
            continue
        ratio = on.get("ratio_to_floor") or 0
        passed = ratio >= CACHED_RATIO and not on.get("errors") and row.get("status") == 200
        detail = f"{ratio} of the floor, {on.get('errors')} errors, status {row.get('status')}"
        checks.append(Check(row["name"], passed, detail))
    return checks


def rate(step, least, unit):
    """A step's ``per_second`` at least ``least``; nothing when the step did not run."""

    def check(rows, steps):
        result = steps.get(step)
        if result is None:
            return []
        if "skipped" in result:
            return [Check(step, False, f"not measured: {result['skipped']}")]
        note = f" ({result['note']})" if result.get("note") else ""
        return [Check(step, result["per_second"] >= least, f"{result['per_second']} {unit}{note}")]

    return check


def no_slower_than_before(rows, steps):
    checks = []
    for row in measured(rows, READING, SEARCH, FORM, STATIC):
        now = row.get("cache_off", {}).get("rps")
        if now is None:
            continue
        previous = PREVIOUS_CACHE_OFF.get(row["name"])
        if previous is None:
            checks.append(Check(row["name"], None, f"{now:.0f} req/s, no previous figure"))
            continue
        least = previous * (1 - CACHE_OFF_TOLERANCE)
        detail = f"{now:.0f} req/s, previously {previous:.0f} (at least {least:.0f})"
        checks.append(Check(row["name"], now >= least, detail))
    return checks


def fast_from_a_cold_cache(rows, steps):
    checks = []
    for name, result in steps.get("cold cache", {}).items():
        p99 = result.get("p99_ms")
        passed = p99 is not None and p99 < COLD_P99_MS and not result.get("errors")
        detail = (
            f"p99 {p99} ms (warm {result.get('warm_p99_ms')} ms), {result.get('errors')} errors"
        )
        checks.append(Check(name, passed, detail))
    return checks


TARGETS = [
    Target(f"every page at most {MAX_QUERIES} SQL queries", few_queries),
    Target(
        f"page cache on: every reading page at least {CACHED_RATIO} of the static-file floor",
        near_the_floor_when_cached,
    ),
    Target(
        f"page cache just emptied: every cached page p99 under {COLD_P99_MS} ms at concurrency 16",
        fast_from_a_cold_cache,
    ),
    Target(
        f"import at least {IMPORT_PER_SECOND} articles/s",
        rate("import", IMPORT_PER_SECOND, "articles/s"),
    ),
    Target(
        f"newsletter at least {NEWSLETTER_PER_SECOND} messages/s",
        rate("newsletter", NEWSLETTER_PER_SECOND, "messages/s"),
    ),
    Target(
        f"page cache off: every page no worse than {CACHE_OFF_TOLERANCE * 100:.0f} % "
        "below the previous table",
        no_slower_than_before,
        every_line=True,
    ),
]


# The table ----------------------------------------------------------------------


def ratio(value, floor):
    return round(value / floor, 3) if value and floor else None


def page_rows(large_pages, small_pages, uncached, cached, small):
    """One row per page: what ``bench_pages`` found, and each measurement."""
    floor_name = next((page["name"] for page in large_pages if page["kind"] == STATIC), None)
    modes = (("off", uncached), ("on", cached))
    floors = {mode: results.get(floor_name, {}).get("rps") for mode, results in modes}
    small_queries = {page["name"]: page.get("queries") for page in small_pages}
    rows = []
    for page in large_pages:
        name = page["name"]
        row = {**page, "queries_small": small_queries.get(name)}
        for mode, results in modes:
            if name in results:
                # The floor measured right after the page, where there is one.
                floor = results[name].get("floor_rps") or floors[mode]
                row[f"cache_{mode}"] = {
                    **results[name],
                    "ratio_to_floor": ratio(results[name]["rps"], floor),
                }
        if name in small and name in uncached:
            row["growth_p50"] = ratio(uncached[name]["p50_ms"], small[name]["p50_ms"])
        rows.append(row)
    return rows


def cell(value, width, digits=1):
    if value is None:
        return "-".rjust(width)
    return f"{value:>{width}.{digits}f}" if isinstance(value, float) else f"{value:>{width}}"


def print_table(rows):
    header = (
        f"{'page':<28} {'queries':>7} | {'off req/s':>9} {'p50':>6} {'p99':>6} {'err':>4} "
        f"{'x floor':>7} | {'on req/s':>9} {'p50':>6} {'p99':>6} {'x floor':>7} | {'growth':>6}"
    )
    say("\n" + header + "\n" + "-" * len(header))
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


def judge(rows, steps):
    """Each target with its checks, printed; returns them for ``var/bench.json``."""
    say("\nTargets:")
    judged = []
    for target in TARGETS:
        checks = target.check(rows, steps)
        if not checks:
            continue  # Not measured in this run (e.g. only the import step).
        passed = verdict(checks)
        say(f"  {MARKS[passed]}  {target.text}")
        for check in checks:
            if target.every_line or len(checks) == 1 or check.passed is False:
                say(f"          {MARKS[check.passed]}  {check.subject}: {check.detail}")
        judged.append(
            {"target": target.text, "passed": passed, "checks": [asdict(c) for c in checks]}
        )
    return judged
