"""Hostile rich text saved through the admin runs nothing in a visitor's browser.

Each payload of ``tests.xss`` is posted as the body of a page through the admin's
own form (the plain textarea that staff without JavaScript use, which takes HTML),
then the public page is opened in Chromium with its Content Security Policy.
"""

import re

import pytest

from tests.xss import PAYLOADS, dangerous_markup

from .conftest import new_context

NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => setTimeout(done)))"
WATCH = """() => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', event => {
    window.__violations.push(event.violatedDirective + ' ' + (event.sample || event.blockedURI));
  });
}"""


def save_pages_through_the_admin(request, payloads):
    """Post each payload as a published page's body with the admin's add form; their paths."""
    form = request.get("/admin/secretariat/page/add/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text()).group(1)
    paths = []
    for number, payload in enumerate(payloads):
        slug = f"xss-{number}"
        response = request.post(
            "/admin/secretariat/page/add/",
            form={
                "csrfmiddlewaretoken": token,
                "title": f"Test {number}",
                "slug": slug,
                "intro": "",
                "body": f"<p>Före.</p>{payload}<p>Efter.</p>",
                "is_published": "on",
                "_save": "Spara",
            },
            max_redirects=0,
        )
        assert response.status == 302, f"The admin did not save {payload!r}: {response.status}"
        paths.append(f"/{slug}/")
    return paths


@pytest.fixture(scope="module")
def xss_pages(browser, site, editor_storage):
    context = new_context(browser, site, 1280, storage_state=editor_storage)
    try:
        return save_pages_through_the_admin(context.request, PAYLOADS)
    finally:
        context.close()


def test_no_payload_saved_through_the_admin_runs_in_the_browser(browser, site, xss_pages):
    context = new_context(browser, site, 1280)
    context.add_init_script(f"({WATCH})()")
    dialogs = []
    context.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page = context.new_page()
    problems = {}
    try:
        for payload, path in zip(PAYLOADS, xss_pages, strict=True):
            response = page.goto(path)
            assert response.status == 200, f"{path} answered {response.status}"
            # Let handlers that fire after loading (autofocus, toggle, error) have their turn.
            page.evaluate(
                "() => new Promise(done => requestAnimationFrame(() => setTimeout(done)))"
            )
            found = {
                "ran": page.evaluate("() => window.__xss"),
                "csp": page.evaluate("() => window.__violations"),
                # The markup as Chromium parsed it, which is where mutation XSS shows.
                "markup": dangerous_markup(page.locator("main").inner_html()),
            }
            if found["ran"] is not None or found["csp"] or found["markup"]:
                problems[payload] = found
    finally:
        context.close()

    assert not dialogs, f"Dialogs opened: {dialogs}"
    assert not problems, "Payloads that survived into the page:\n" + "\n".join(
        f"- {payload!r}: {found}" for payload, found in problems.items()
    )
