"""The base of the site's RSS and Atom feeds."""

from django.contrib.syndication.views import Feed

from .links import absolute_url


class SiteFeed(Feed):
    """A feed whose addresses all start at ``SITE_URL``.

    Django builds a feed's addresses from the sites framework's domain and the
    request's scheme, which behind a proxy that ends TLS is plain ``http``;
    feed readers keep these addresses, so they get the public ones instead.
    Subclasses give ``link`` through ``absolute_url``; items link to their
    ``get_absolute_url``.
    """

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["feed_url"] = absolute_url(request.path)
        return feed
