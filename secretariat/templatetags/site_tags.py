"""Template helpers for the base layout."""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def current(context, url, exact=False):
    """`aria-current="page"` when the request is at (or, unless exact, under) url."""
    path = context["request"].path
    if path == url or (not exact and url != "/" and path.startswith(url)):
        return mark_safe('aria-current="page"')
    return ""
