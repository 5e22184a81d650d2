"""Rich text saved through the admin comes out with nothing that can run script.

Each payload is typed into the admin's form as an editor would paste it, saved,
and the public page is read back: the part of the page that holds the text must
have no script, event handler, inline style or ``javascript:`` URL. The browser
test runs the same pages in Chromium.
"""

import re

import pytest

from secretariat.models import Page
from tests.xss import PAYLOADS, dangerous_markup

pytestmark = pytest.mark.django_db


def content_of(html):
    """The page's own content: what lies inside <main>."""
    return re.search(r"<main\b.*?</main>", html, re.DOTALL)[0]


def save_page_through_admin(client, body):
    response = client.post(
        "/admin/secretariat/page/add/",
        {"title": "Testsida", "slug": "testsida", "intro": "", "body": body, "is_published": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Page.objects.get(slug="testsida").get_absolute_url()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_page_body_keeps_no_script(staff_client, client, payload):
    url = save_page_through_admin(staff_client, f"<p>Före</p>{payload}<p>Efter</p>")

    html = client.get(url).content.decode()

    main = content_of(html)
    assert "Före" in main
    assert "Efter" in main
    assert dangerous_markup(main) == []


def test_the_scanner_finds_what_it_looks_for():
    # Everything is dangerous as it stands but a comment, template syntax and
    # the split tag (a trap for filters that strip "<script>" once).
    for payload in PAYLOADS:
        if not payload.startswith(("<!--", "{{", "<scr<")):
            assert dangerous_markup(payload), payload
