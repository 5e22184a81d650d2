"""Template helpers for the base layout and every template that shows times."""

from datetime import datetime

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from secretariat.content.links import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def current(context, url, exact=False):
    """`aria-current="page"` when the request is at (or, unless exact, under) url."""
    path = context["request"].path
    if path == url or (not exact and url != "/" and path.startswith(url)):
        return mark_safe('aria-current="page"')
    return ""


@register.filter
def iso(value):
    """A date or time for ``<time datetime>``: ISO 8601 in the site's zone, whole seconds.

    Django's ``date:"c"`` keeps microseconds, which HTML does not accept.
    """
    if not value:
        return ""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    return value.isoformat()


@register.filter
def absolute(location):
    """A path (or a file's URL) as a full address on ``SITE_URL``, for canonical
    links and OpenGraph."""
    return absolute_url(location)
