"""Full addresses come from SITE_URL: emails, feeds, the sitemap, og:image."""

import pytest
from django.contrib.sites.models import Site

from secretariat.content.links import absolute_url, sync_site_domain
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_a_path_gets_the_public_address_and_a_full_address_stays(settings):
    settings.SITE_URL = "https://upphandling.example.org"

    assert (
        absolute_url("/aktuellt/åäö-nyhet/")
        == "https://upphandling.example.org/aktuellt/åäö-nyhet/"
    )
    # A picture in an S3 bucket has a full address already.
    picture = "https://bilder.example.net/articles/2026/a.jpg"
    assert absolute_url(picture) == picture


def test_feeds_and_the_sitemap_link_to_the_public_address_not_example_com(client, settings):
    settings.SITE_URL = "https://upphandling.example.org"
    sync_site_domain()  # as after migrate
    article = ArticleFactory(status="published", title="Hållbar vård", slug="hallbar-vard")
    link = f"upphandling.example.org{article.get_absolute_url()}"

    feed = client.get("/aktuellt/rss/", secure=True).text
    sitemap = client.get("/sitemap.xml", secure=True).text

    assert f"<link>https://{link}</link>" in feed
    assert f"<loc>https://{link}</loc>" in sitemap
    assert "example.com" not in feed + sitemap
    assert Site.objects.get_current().domain == "upphandling.example.org"
