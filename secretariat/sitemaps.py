"""The sitemap: every public page, each app contributing its own section."""

from django.contrib.sitemaps import Sitemap

from articles.sitemaps import ArticleSitemap

from .models import Page


class PageSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        return Page.objects.published()

    def lastmod(self, page):
        return page.updated_at


sitemaps = {"pages": PageSitemap, "articles": ArticleSitemap}
