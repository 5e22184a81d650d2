"""Every public page type, in a real browser, at phone and desktop widths.

WCAG 2.1 AA as far as a machine can tell (axe-core), nothing fetched from other
hosts, no cookies for readers, a keyboard path into the content, visible focus,
a heading outline without gaps, and no horizontal scrolling at 320 px or at 200 %
zoom. Screenshots of the main page types land in ``var/screenshots/`` for people
to look at.
"""

import itertools
import json
import subprocess
import urllib.error
import urllib.request

import pytest

from .conftest import (
    DESKTOP,
    NODE_MODULES,
    WIDTHS,
    axe_violations,
    format_violations,
    new_context,
    record_requests,
    screenshot_path,
)
from .pages import PAGE_TYPES

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Link texts that say nothing out of context (WCAG 2.4.4), in the site's languages.
VAGUE_LINK_TEXTS = {"här", "klicka här", "läs mer", "mer", "länk", "here", "click here", "more"}

# The page types whose screenshots people look at (var/screenshots/).
SCREENSHOTS_OF = {"front", "article", "event", "event list", "person", "newsletter signup"}

page_types = pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda p: p.name)
widths = pytest.mark.parametrize("width", WIDTHS)


@pytest.fixture(scope="module")
def inspect(browser, site):
    """``inspect(page_type, width)``: what the browser saw on the page, gathered once.

    Opening a page is the slow part, so each page type is opened once per width and
    every check below reads its part of the same report.
    """
    reports = {}

    def inspect_(page_type, width):
        if (page_type.name, width) not in reports:
            reports[page_type.name, width] = _inspect(browser, site, page_type, width)
        return reports[page_type.name, width]

    return inspect_


def _inspect(browser, site, page_type, width):
    context = new_context(browser, site, width)
    try:
        page = context.new_page()
        requests = record_requests(page)
        response = page.goto(site.paths[page_type.name])
        report = {"status": response.status}
        report["headings"] = page.evaluate(HEADINGS)
        report["links"] = page.evaluate(LINK_TEXTS)
        report["axe"] = axe_violations(page)
        if page_type.name in SCREENSHOTS_OF:
            page.screenshot(path=screenshot_path(page_type.name, width), full_page=True)
        report["keyboard"] = _tab_through(page)
        if width == DESKTOP:
            report["reflow"] = _reflow(page)
        # Anything that loads late (after a timer, say) is recorded too.
        page.wait_for_load_state("networkidle")
        report["requests"] = requests
        report["cookies"] = sorted(cookie["name"] for cookie in context.cookies())
        return report
    finally:
        context.close()


def _tab_through(page, batch=20, limit=40):
    """The skip link's behaviour, then the Tab stops on the page, up to ``limit``.

    The header, the content's first links and fields, and (on the shorter pages)
    the footer: every kind of control the site has, without walking each list to
    its end.
    """
    page.keyboard.press("Tab")
    first = page.evaluate(FOCUSED)
    after_skip = None
    if first["href"].startswith("#"):  # Anything else would leave the page.
        page.keyboard.press("Enter")
        after_skip = page.evaluate("() => document.activeElement.id")
    # Record each element as it gets focus; read them back after a batch of Tabs.
    page.evaluate(
        f"() => {{ window.tabStops = []; document.activeElement.blur(); "
        f"document.addEventListener('focusin', () => tabStops.push(({FOCUSED})())); }}"
    )
    stops, presses = [], 0
    while len(stops) < limit and presses < limit:
        for _ in range(batch):
            page.keyboard.press("Tab")
        presses += batch
        stops = page.evaluate("() => tabStops")
        order = [stop["index"] for stop in stops]
        repeat = next((i for i, index in enumerate(order) if index in order[:i]), None)
        if repeat is not None:  # Focus has come round through the whole page.
            stops = stops[:repeat]
            break
    return {"first": first, "after_skip": after_skip, "stops": stops}


def _reflow(page):
    """Horizontal overflow at 320 px, at 200 % zoom and with text at 200 %."""
    # 200 % zoom of a 1280 px window lays the page out 640 CSS px wide, and
    # 400 % zoom (WCAG 1.4.10) lays it out 320 CSS px wide.
    results = {}
    for name, width in (("320 px", 320), ("200 % zoom", DESKTOP // 2)):
        page.set_viewport_size({"width": width, "height": 900})
        results[name] = page.evaluate(OVERFLOW)
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
    results["text at 200 %"] = page.evaluate(OVERFLOW)
    page.evaluate("() => { document.documentElement.style.fontSize = ''; }")
    return results


@page_types
@widths
def test_answers_with_the_expected_status(inspect, page_type, width):
    assert inspect(page_type, width)["status"] == page_type.status


@page_types
@widths
def test_no_accessibility_violations(inspect, page_type, width):
    violations = inspect(page_type, width)["axe"]

    assert not violations, (
        f"axe-core found WCAG 2.1 A/AA problems on {page_type.name} at {width} px:\n"
        + format_violations(violations)
    )


@page_types
@widths
def test_no_third_party_requests_and_no_tracking_cookies(inspect, site, page_type, width):
    report = inspect(page_type, width)

    assert report["requests"], "No requests were recorded"
    elsewhere = [url for url in report["requests"] if not site.is_own(url)]
    assert not elsewhere, f"{page_type.name} made requests to other hosts: {elsewhere}"
    unexpected = set(report["cookies"]) - page_type.allowed_cookies
    assert not unexpected, (
        f"{page_type.name} set cookies {sorted(unexpected)} for an anonymous visitor"
    )


@page_types
@widths
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(inspect, page_type, width):
    keyboard = inspect(page_type, width)["keyboard"]

    first = keyboard["first"]
    assert first["href"].endswith("#main"), f"The first Tab stop is {first}, not the skip link"
    assert first["inViewport"], f"The focused skip link is off screen: {first}"
    assert first["indicator"], f"The focused skip link shows no focus: {first}"
    assert keyboard["after_skip"] == "main", "The skip link does not move focus to <main>"


@page_types
@widths
def test_focus_is_visible_on_every_tab_stop(inspect, page_type, width):
    stops = inspect(page_type, width)["keyboard"]["stops"]

    assert stops, f"Nothing on {page_type.name} can be reached with Tab"
    unmarked = [stop["path"] for stop in stops if not stop["indicator"]]
    assert not unmarked, f"Focus is not visible on: {unmarked}"
    hidden = [stop["path"] for stop in stops if not stop["inViewport"]]
    assert not hidden, f"Focused elements off screen: {hidden}"


@page_types
@widths
def test_one_h1_and_no_skipped_heading_levels(inspect, page_type, width):
    headings = inspect(page_type, width)["headings"]

    outline = "\n".join(f"{'  ' * (level - 1)}h{level} {text}" for level, text in headings)
    levels = [level for level, _ in headings]
    assert levels.count(1) == 1, f"{page_type.name} has {levels.count(1)} h1:\n{outline}"
    assert levels[0] == 1, f"{page_type.name} has headings before its h1:\n{outline}"
    skips = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    assert not skips, f"{page_type.name} skips heading levels {skips}:\n{outline}"


@page_types
@widths
def test_link_texts_make_sense_out_of_context(inspect, page_type, width):
    texts = inspect(page_type, width)["links"]

    vague = [text for text in texts if text.lower() in VAGUE_LINK_TEXTS]
    assert not vague, f"{page_type.name} has links that say nothing on their own: {vague}"


@page_types
def test_reflows_without_horizontal_scrolling(inspect, page_type):
    reflow = inspect(page_type, DESKTOP)["reflow"]

    scrolling = {
        name: overflow["offenders"]
        for name, overflow in reflow.items()
        if overflow["scrollWidth"] > overflow["clientWidth"]
    }
    assert not scrolling, f"{page_type.name} scrolls sideways; too wide: " + json.dumps(
        scrolling, ensure_ascii=False, indent=1
    )


@pytest.fixture(scope="module")
def html_errors(site, tmp_path_factory):
    """The Nu Html Checker's errors for each page type, from one run over all of them."""
    folder = tmp_path_factory.mktemp("html")
    files = {}
    for page_type in PAGE_TYPES:
        try:
            url = site.url + site.paths[page_type.name]
            with urllib.request.urlopen(url) as response:  # noqa: S310 - our http server
                html = response.read()
        except urllib.error.HTTPError as error:  # The 404 page is a page too.
            html = error.read()
        files[page_type.name] = folder / f"{len(files)}.html"
        files[page_type.name].write_bytes(html)
    checked = subprocess.run(
        [
            "java",
            "-jar",
            VNU,
            "--format",
            "json",
            "--errors-only",
            "--exit-zero-always",
            *files.values(),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(checked.stderr or checked.stdout)["messages"]
    by_file = {path.as_uri(): name for name, path in files.items()}
    errors = {name: [] for name in files}
    for message in messages:
        name = by_file.get(message.get("url", "").replace("file:/", "file:///", 1))
        errors.setdefault(name, []).append(message)
    return errors


@page_types
def test_html_is_valid(html_errors, page_type):
    errors = html_errors[page_type.name]

    assert not errors, f"The Nu Html Checker found errors in {page_type.name}:\n" + "\n".join(
        f"- line {e.get('lastLine')}: {e['message']} {e.get('extract', '')!r}" for e in errors
    )


def test_html_checker_runs(html_errors):
    assert None not in html_errors, f"Messages about no checked page: {html_errors.get(None)}"


# What the browser reports, as JavaScript run in the page -------------------------

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const path = [];
  for (let node = el; node && node !== document.body; node = node.parentElement) {
    path.unshift(node.tagName.toLowerCase() + (node.id ? '#' + node.id : ''));
  }
  return {
    index: Array.prototype.indexOf.call(document.getElementsByTagName('*'), el),
    tag: el.tagName.toLowerCase(),
    href: el.getAttribute('href') || '',
    path: path.join(' > ') + ' "' + (el.innerText || el.value || '').trim().slice(0, 40) + '"',
    indicator: outline || style.boxShadow !== 'none',
    inViewport: rect.bottom > 0 && rect.right > 0
      && rect.top < innerHeight && rect.left < innerWidth,
  };
}"""

HEADINGS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
  .filter(h => h.checkVisibility({visibilityProperty: true}))
  .map(h => [Number(h.tagName[1]), h.innerText.trim() || h.textContent.trim()])"""

OVERFLOW = """() => {
  const clientWidth = document.documentElement.clientWidth;
  const offenders = [...document.body.querySelectorAll('*')]
    .filter(el => {
      const rect = el.getBoundingClientRect();
      return rect.width > 1 && rect.right > clientWidth + 1;
    })
    .slice(0, 8)
    .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
      + ' right=' + Math.round(el.getBoundingClientRect().right));
  return {scrollWidth: document.documentElement.scrollWidth, clientWidth, offenders};
}"""

LINK_TEXTS = """() => [...document.querySelectorAll('a[href]')]
  .map(a => (a.getAttribute('aria-label') || a.innerText).trim())"""
