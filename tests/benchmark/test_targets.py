"""The benchmark's targets: each reads the results and says pass or fail."""

from benchmark import targets


def page(name, kind="reading", queries=6, cached=0.9, uncached=800.0, status=200):
    return {
        "name": name,
        "kind": kind,
        "path": f"/{name}/",
        "queries": queries,
        "status": status,
        "cache_off": {"rps": uncached, "errors": 0},
        "cache_on": {"ratio_to_floor": cached, "errors": 0},
    }


def verdicts(rows, steps):
    return {target["target"]: target for target in targets.judge(rows, steps)}


def test_each_target_passes_at_its_bound_and_fails_below(monkeypatch):
    monkeypatch.setitem(targets.PREVIOUS_CACHE_OFF, "article", 1000.0)
    monkeypatch.setitem(targets.PREVIOUS_CACHE_OFF, "front page", 1000.0)
    rows = [
        page("front page", queries=10, cached=0.7, uncached=800.0),
        page("article", queries=11, cached=0.69, uncached=799.0),
        page("site search: a name", kind="search", cached=0.1, uncached=50.0),
        {"name": "tag page", "kind": "reading", "path": None},
    ]
    judged = verdicts(rows, {"import": {"per_second": 299}, "newsletter": {"per_second": 100}})

    queries, cached, imported, newsletter, uncached = judged.values()
    assert queries["passed"] is False
    assert [c["subject"] for c in queries["checks"] if not c["passed"]] == ["article"]
    # Search pages are not reading pages: the cache-on ratio leaves them out.
    assert [c["subject"] for c in cached["checks"]] == ["front page", "article"]
    assert [c["passed"] for c in cached["checks"]] == [True, False]
    assert (imported["passed"], newsletter["passed"]) == (False, True)
    # 20 % below the previous figure passes, less fails; no figure is not judged.
    assert {c["subject"]: c["passed"] for c in uncached["checks"]} == {
        "front page": True,
        "article": False,
        "site search: a name": None,
    }


def test_a_page_that_answers_an_error_misses_the_cache_target():
    judged = verdicts([page("event", status=500)], {})
    assert judged[targets.TARGETS[1].text]["passed"] is False


def test_a_run_of_one_step_reports_that_steps_target_only(capsys):
    judged = verdicts([], {"import": {"per_second": 412, "articles": 10_000}})
    assert list(judged) == ["import at least 300 articles/s"]
    assert judged["import at least 300 articles/s"]["passed"] is True
    assert "pass  import: 412 articles/s" in capsys.readouterr().out


def test_a_step_that_failed_is_a_missed_target():
    judged = verdicts([], {"newsletter": {"skipped": "bench_newsletter failed"}})
    assert judged["newsletter at least 100 messages/s"]["passed"] is False


def test_every_page_must_be_fast_right_after_the_cache_was_emptied():
    cold = {
        "front page": {"p99_ms": 99.0, "warm_p99_ms": 9.0, "errors": 0},
        "article": {"p99_ms": 100.0, "warm_p99_ms": 9.0, "errors": 0},
        "event": {"p99_ms": 20.0, "warm_p99_ms": 9.0, "errors": 3},
    }
    (judged,) = verdicts([], {"cold cache": cold}).values()
    assert {check["subject"]: check["passed"] for check in judged["checks"]} == {
        "front page": True,
        "article": False,
        "event": False,
    }


def test_a_cached_page_is_compared_with_the_floor_measured_right_after_it():
    pages = [
        {"name": "front page", "kind": "reading", "path": "/"},
        {"name": "static file (floor)", "kind": "static", "path": "/static/site.css"},
    ]
    uncached = {"front page": {"rps": 90.0}, "static file (floor)": {"rps": 3000.0}}
    # The machine was slower while the front page was measured than at the end.
    cached = {
        "front page": {"rps": 2000.0, "floor_rps": 2500.0},
        "static file (floor)": {"rps": 3000.0},
    }
    front, floor = targets.page_rows(pages, [], uncached, cached, {})
    assert front["cache_on"]["ratio_to_floor"] == 0.8
    assert front["cache_off"]["ratio_to_floor"] == 0.03
    assert floor["cache_on"]["ratio_to_floor"] == 1.0
