"""Addresses made from titles and names: unique, readable, stable once public."""

from django.utils.text import slugify

# Single path segments under /evenemang/ that belong to fixed pages, never to an event.
RESERVED_EVENT_SLUGS = ("tidigare", "kalender", "rss", "amne", "typ")


def unique_slug(instance, value, *, reserved=()):
    """A slug from value that no other row of the model uses, e.g. `workshop-2`."""
    model = type(instance)
    base = slug_base(model, value)
    taken = set(
        model._default_manager.filter(slug__startswith=base)
        .exclude(pk=instance.pk)
        .values_list("slug", flat=True)
    ) | set(reserved)
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def slug_base(model, value):
    """The slug ``unique_slug`` tries first for value: short enough for a suffix."""
    max_length = model._meta.get_field("slug").max_length
    return (slugify(value) or model._meta.model_name)[: max_length - 4].strip("-")
