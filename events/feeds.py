"""RSS of upcoming events, for readers who follow the site in a feed reader."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from secretariat.content.feeds import SiteFeed
from secretariat.content.links import absolute_url

from .models import Event
from .templatetags.event_tags import event_when, zone_label


class UpcomingEventsFeed(SiteFeed):
    title = _("Upcoming events")
    description = _("Workshops, webinars and conferences of the national secretariat.")

    def link(self):
        return absolute_url(reverse("events:upcoming"))

    def items(self):
        return Event.objects.upcoming()[:50]

    def item_title(self, event):
        if event.is_cancelled:
            return _("Cancelled: %(title)s") % {"title": event.title}
        return event.title

    def item_description(self, event):
        when = str(event_when(event))
        if not event.all_day:
            when += f" ({zone_label(event)})"
        return " · ".join(part for part in (when, event.place, event.teaser) if part)

    def item_pubdate(self, event):
        return event.updated_at

    def item_updateddate(self, event):
        return event.updated_at

    def item_guid(self, event):
        return f"event-{event.pk}"

    item_guid_is_permalink = False
