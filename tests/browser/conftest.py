"""Real Chromium through Playwright, against the production-like server.

One browser per test process; each test opens fresh contexts (no shared cookies)
with ``open_page(path, width=..., js=...)``. Playwright's own browser download does
not work here, so Debian's Chromium is launched (``make browser-tools`` installs it).
"""

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect, sync_playwright

from secretariat import roles

from . import pages

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE, DESKTOP = 360, 1280
WIDTHS = [pytest.param(PHONE, id="phone"), pytest.param(DESKTOP, id="desktop")]
BASE_DIR = Path(__file__).resolve().parent.parent.parent
SCREENSHOTS = BASE_DIR / "var" / "screenshots"
NODE_MODULES = BASE_DIR / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    folder = Path(__file__).parent
    for item in items:
        if folder in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


# Package scope: a process that comes back to the browser tests after others
# launches Chromium again (a second or so). Session fixtures are set up before
# it, and Django refuses database work in a thread where Playwright's loop runs.
@pytest.fixture(scope="package")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is not at {CHROMIUM}. Install Debian's chromium "
            "(`sudo apt-get install chromium`, which `make test` does when run as root), "
            "or set CHROMIUM to its path."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@dataclass
class Site:
    """The running server and the path of each page type in ``pages.PAGE_TYPES``."""

    url: str
    paths: dict
    server: object

    def is_own(self, url):
        """Whether ``url`` is on the site itself (same scheme, host and port)."""
        own = urlsplit(self.url)
        other = urlsplit(url)
        return (other.scheme, other.netloc) == (own.scheme, own.netloc)


@pytest.fixture(scope="session")
def site(production_server, server_orm):
    server_orm(pages.create_content)
    return Site(production_server.url, server_orm(pages.paths), production_server)


@dataclass
class Visit:
    """One page opened in its own browser context, with every request it made."""

    page: object
    response: object
    requests: list = field(default_factory=list)

    @property
    def context(self):
        return self.page.context


def new_context(browser, site, width, js=True, **options):
    """A fresh browser context (no cookies) on the site: a phone below 600 px."""
    phone = width < 600
    context = browser.new_context(
        base_url=site.url,
        viewport={"width": width, "height": 740 if phone else 900},
        is_mobile=phone,
        has_touch=phone,
        java_script_enabled=js,
        locale="sv-SE",
        timezone_id="Europe/Stockholm",
        **options,
    )
    context.set_default_timeout(10_000)
    return context


def record_requests(page):
    """The list of URLs ``page`` requests from now on, filled in as it goes."""
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    return requests


@pytest.fixture
def open_page(browser, site):
    """``open_page(path, width=1280, js=True)`` opens a fresh context on the site."""
    contexts = []

    def open_(path, width=DESKTOP, js=True, **options):
        context = new_context(browser, site, width, js, **options)
        contexts.append(context)
        page = context.new_page()
        requests = record_requests(page)
        response = page.goto(path)
        return Visit(page, response, requests)

    yield open_
    for context in contexts:
        context.close()


@functools.cache
def _axe_source():
    return AXE.read_text()


def axe_violations(page):
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now."""
    # Evaluated through the DevTools protocol, which the page's CSP does not restrict.
    page.evaluate(_axe_source())
    return page.evaluate(
        "options => axe.run(document, options)",
        {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]},
    )["violations"]


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"  at {' '.join(node['target'])}: {node['html'][:200]}")
            lines.append("    " + node["failureSummary"].replace("\n", "\n    "))
    return "\n".join(lines)


def screenshot_path(name, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{re.sub(r'[^a-z0-9]+', '-', name.lower())}-{width}.png"


EDITOR = {"username": "redaktor", "password": "Hållbar-upphandling-2026"}


@pytest.fixture(scope="session")
def editor(server_orm):
    """A member of staff with the editor's role ("Redaktör"), as staff have: not a superuser."""

    def create():
        get_user_model().objects.filter(username=EDITOR["username"]).delete()
        user = get_user_model().objects.create_user(
            email="redaktor@example.org", is_staff=True, **EDITOR
        )
        group = next(group for group in roles.sync_roles() if group.name == roles.EDITOR.name)
        user.groups.add(group)

    server_orm(create)
    return EDITOR


def log_in(page, editor):
    page.goto("/admin/")
    page.get_by_label("Användarnamn").fill(editor["username"])
    page.get_by_label("Lösenord").fill(editor["password"])
    page.get_by_role("button", name="Logga in").click()
    expect(page.get_by_role("button", name="Logga ut")).to_be_attached()


@pytest.fixture(scope="package")
def editor_storage(browser, site, editor, tmp_path_factory):
    """The cookies of an editor who has logged in, for journeys that start in the admin.

    Logging in is shown once per variant by the page journey; the other editor
    journeys start from this state instead of hashing the password again.
    """
    context = new_context(browser, site, DESKTOP)
    try:
        log_in(context.new_page(), editor)
        path = tmp_path_factory.mktemp("editor") / "state.json"
        context.storage_state(path=path)
    finally:
        context.close()
    return path
