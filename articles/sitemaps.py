from django.contrib.sitemaps import Sitemap

from .models import Article


class ArticleSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Article.objects.published().only("slug", "updated_at")

    def lastmod(self, article):
        return article.updated_at
