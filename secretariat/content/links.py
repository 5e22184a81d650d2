"""Full addresses of the site's pages and files, as emails, feeds, calendars,
sitemaps, search engines and social media need them: always from ``SITE_URL``,
never from whatever host a request named."""

from urllib.parse import urljoin, urlsplit

from django.conf import settings


def absolute_url(location):
    """``location`` (a path such as ``/aktuellt/``) as a full address on ``SITE_URL``.

    An address that is full already (a picture in an S3 bucket) is returned as it is.
    """
    return urljoin(f"{settings.SITE_URL}/", location)


def sync_site_domain(using="default", **kwargs):
    """Keep the sites framework's one site (``SITE_ID``) at ``SITE_URL``'s host.

    Django's feeds and sitemaps take their links' host from it, and it would
    otherwise say ``example.com``. Connected to ``post_migrate``.
    """
    from django.contrib.sites.models import Site

    domain = urlsplit(settings.SITE_URL).netloc
    if domain:
        Site.objects.using(using).update_or_create(
            pk=settings.SITE_ID, defaults={"domain": domain, "name": str(settings.SITE_NAME)[:50]}
        )
        Site.objects.clear_cache()
