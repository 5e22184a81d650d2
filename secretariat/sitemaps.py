"""The sitemap: every public page, each app contributing its own section."""

from django.contrib.sitemaps import Sitemap

from articles.sitemaps import ArticleSitemap
from events.sitemaps import EventSitemap, OrganisationSitemap, PersonSitemap
from newsletter.sitemaps import IssueArchiveSitemap, IssueSitemap

from .models import Page


class PageSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        # A handful of pages: one query for them, not a count and then the rows.
        return list(Page.objects.published())

    def lastmod(self, page):
        return page.updated_at


sitemaps = {"pages": PageSitemap, "articles": ArticleSitemap}
sitemaps |= {
    "events": EventSitemap,
    "people": PersonSitemap,
    "organisations": OrganisationSitemap,
    "newsletter-archive": IssueArchiveSitemap,
    "newsletter-issues": IssueSitemap,
}
