"""No stampede: a page that left the cache is rendered once, however many readers ask at once.

A production server on its own PostgreSQL cluster takes 16 requests for the same
page at the same moment, first with the page cache empty, then right after an
article is published. The ``X-Page-Cache`` header of each answer says whether
that request rendered the page (``miss``), got the rendered copy (``hit``) or
got the previous version while the page was rebuilt (``stale``). Every way the
pages can be cached: Redis shared by two workers; each worker's own memory with
the database shared by two workers, as production has it by default; and one
worker's own memory shared by its threads.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

READERS = 16
PAGE = "/aktuellt/"
PUBLISH = (
    "from articles.models import Article; Article.objects.create(title='Återbruk i Tromsø', "
    "slug='aterbruk-i-tromso', lead='Kort.', status=Article.Status.PUBLISHED)"
)


def together(site, path):
    """``READERS`` requests for ``path`` released at the same moment: their answers."""
    start = threading.Barrier(READERS)

    def read(_):
        start.wait()
        return site.fetch(path, timeout=30)

    with ThreadPoolExecutor(READERS) as pool:
        return list(pool.map(read, range(READERS)))


def states(answers):
    return sorted(answer.headers["X-Page-Cache"] for answer in answers)


@pytest.fixture(
    params=["redis, two workers", "memory and database, two workers", "memory, one worker"]
)
def cached_site(request, production_site, tmp_path):
    if request.param.startswith("redis"):
        where = {"CACHE_URL": request.getfixturevalue("redis_url"), "WEB_CONCURRENCY": "2"}
    else:
        workers = "2" if "two workers" in request.param else "1"
        cache = {} if "database" in request.param else {"CACHE_URL": "locmemcache://"}
        where = {
            "PAGE_CACHE_GENERATION_FILE": str(tmp_path / "generation"),
            "WEB_CONCURRENCY": workers,
            **cache,
        }
    with production_site(PAGE_CACHE_SECONDS="60", GUNICORN_THREADS="16", **where) as site:
        yield site


def test_sixteen_readers_of_a_page_that_left_the_cache_cause_one_rendering(cached_site):
    # Workers that have served pages before, as when a publish sends readers: a
    # worker's very first page (templates, translations) may take longer than the
    # wait for another's rendering on a busy machine.
    with ThreadPoolExecutor(READERS) as pool:
        list(pool.map(lambda n: cached_site.fetch(f"/sok/?q=uppv{n}", timeout=30), range(READERS)))

    # An empty cache: one request renders, the others wait for its copy.
    answers = together(cached_site, PAGE)
    assert {answer.status for answer in answers} == {200}
    assert states(answers) == ["hit"] * (READERS - 1) + ["miss"]
    assert len({answer.text for answer in answers}) == 1
    assert "Återbruk i Tromsø" not in answers[0].text

    # A publish makes every page stale at once: one request renders the new
    # version, the others get the previous one meanwhile (or the new one, if
    # they come after it is there).
    cached_site.manage("shell", "-c", PUBLISH)
    answers = together(cached_site, PAGE)
    assert {answer.status for answer in answers} == {200}
    assert states(answers).count("miss") == 1
    assert set(states(answers)) <= {"miss", "stale", "hit"}
    for answer in answers:
        is_new = "Återbruk i Tromsø" in answer.text
        assert is_new == (answer.headers["X-Page-Cache"] != "stale")

    # The rebuild is done: everyone gets the new version from the cache.
    after = cached_site.fetch(PAGE)
    assert after.headers["X-Page-Cache"] == "hit"
    assert "Återbruk i Tromsø" in after.text
