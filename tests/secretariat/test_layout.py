"""The base layout: Swedish, accessible landmarks, and nothing from other hosts."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.template import Context, Template

from secretariat import legal
from secretariat.models import Page

pytestmark = pytest.mark.django_db


class _Collector(HTMLParser):
    """Collects the tags, their attributes and the URLs the page loads or posts to.

    Links a visitor may follow (`<a href>`) are not requests the page makes;
    stylesheets, scripts, images, icons, frames and form targets are.
    """

    LOADING_ATTRIBUTES = {"src", "srcset", "action", "poster", "data", "formaction"}

    def __init__(self):
        super().__init__()
        self.tags = []
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        for name, value in attrs.items():
            if not value:
                continue
            if name == "srcset":
                self.urls += [part.split()[0] for part in value.split(",")]
            elif name in self.LOADING_ATTRIBUTES or (tag == "link" and name == "href"):
                self.urls.append(value)


def parse(response):
    collector = _Collector()
    collector.feed(response.content.decode())
    return collector


@pytest.fixture
def pages():
    # As the first migrate made them (a transactional test elsewhere may have emptied them).
    legal.create_missing(Page)


def test_front_page_is_swedish_with_skip_link_and_landmarks(client, pages):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'<html lang="sv">', html)
    page = parse(response)
    first_link = next(attrs for tag, attrs in page.tags if tag == "a")
    assert first_link["href"] == "#main"
    assert "Hoppa till huvudinnehållet" in html
    assert ("main", {"id": "main", "tabindex": "-1"}) in page.tags
    assert any(tag == "nav" and attrs.get("aria-label") == "Huvudmeny" for tag, attrs in page.tags)
    for label in ("Aktuellt", "Evenemang", "Nyhetsbrev"):
        assert f">{label}</a>" in html
    assert "Tillgänglighetsredogörelse" in html
    assert "Integritetspolicy" in html


@pytest.mark.parametrize(
    "path",
    ["/", "/aktuellt/", "/evenemang/", "/nyhetsbrev/", "/tillganglighet/", "/saknas/"],
)
def test_no_page_references_another_host(client, pages, settings, path):
    response = client.get(path)

    assert response.status_code in (200, 404)
    site_host = urlsplit(settings.SITE_URL).netloc
    urls = parse(response).urls
    assert urls  # the stylesheet at least
    for url in urls:
        # Relative, or the site's own canonical address; never a CDN or tracker.
        assert urlsplit(url).netloc in ("", site_host), f"{path} loads {url}"


def test_dates_render_the_swedish_way():
    rendered = Template('{{ day|date:"j F Y" }}').render(
        Context({"day": __import__("datetime").date(2019, 3, 14)})
    )

    assert rendered == "14 mars 2019"


def test_page_shows_published_text_and_hides_unpublished(client):
    Page.objects.create(slug="om", title="Om kansliet", body="<p>Vi samordnar.</p>")
    Page.objects.create(slug="utkast", title="Utkast", is_published=False)

    assert "Vi samordnar." in client.get("/om/").content.decode()
    assert client.get("/utkast/").status_code == 404


def test_page_body_is_sanitised_on_save():
    page = Page.objects.create(
        slug="x",
        title="X",
        body='<p onclick="steal()">Hej<script>alert(1)</script></p>',
    )

    page.refresh_from_db()
    assert page.body == "<p>Hej</p>"


def test_not_found_page_is_friendly_and_swedish(client, pages):
    response = client.get("/finns-inte/")

    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


def test_robots_txt_points_to_the_sitemap_at_the_public_address(client, settings):
    settings.SITE_URL = "https://upphandling.example.org"
    response = client.get("/robots.txt", HTTP_HOST="testserver")

    assert response.status_code == 200
    assert "Sitemap: https://upphandling.example.org/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()
