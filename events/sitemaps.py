"""The events app's part of the sitemap: public events, people and organisations."""

from django.contrib.sitemaps import Sitemap

from .models import Event, Organisation, Person


class EventSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().order_by("-starts_at")

    def lastmod(self, event):
        return event.updated_at


class PersonSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Person.objects.public()


class OrganisationSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Organisation.objects.public()
