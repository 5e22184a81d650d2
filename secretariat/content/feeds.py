"""The base of the site's RSS and Atom feeds."""

from django.contrib.syndication.views import Feed


class SiteFeed(Feed):
    """A feed whose response body is one piece of bytes.

    Django's feed generator writes the XML in hundreds of small pieces, and
    gunicorn sends each piece of a response with a system call of its own: a
    feed took ~9 ms to leave the server even from the page cache. Joined, it
    leaves at once, and the cached copy is one piece too.
    """

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response.content = response.content
        return response
