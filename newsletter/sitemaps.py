"""The newsletter's part of the sitemap: the archive of sent issues."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Issue


class IssueSitemap(Sitemap):
    changefreq = "yearly"

    def items(self):
        # A few issues a year: one query for them, not a count and then the rows.
        return list(Issue.objects.published().only("pk", "status", "sent_at"))

    def lastmod(self, issue):
        return issue.sent_at


class IssueArchiveSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return ["newsletter:archive"]

    def location(self, name):
        return reverse(name)
