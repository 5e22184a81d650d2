"""Addresses made from titles and names: ASCII, readable, unique, stable once public.

One transliteration for every address the site makes (people, organisations,
events, articles, and tags through taggit's ``TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING``):
Unidecode turns each letter into its ASCII spelling (ø→o, æ→ae, ß→ss, đ→d, þ→th,
å→a), so "Sykehusinnkjøp HF" is ``sykehusinnkjop-hf``, not ``sykehusinnkjp-hf``.
"""

import re

from django.utils.text import slugify
from unidecode import unidecode


def ascii_slug(value):
    """``value`` as an address part: ASCII letters and digits, lower case, hyphens."""
    return slugify(unidecode(str(value)))


def slug_base(model, value):
    """The slug ``unique_slug`` tries first for value: short enough for a suffix."""
    max_length = model._meta.get_field("slug").max_length
    return (ascii_slug(value) or model._meta.model_name)[: max_length - 4].strip("-")


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


def _slug_base_before_transliteration(model, value):
    """What ``slug_base`` gave before: Django's ``slugify`` alone drops ø, æ and ß."""
    max_length = model._meta.get_field("slug").max_length
    return (slugify(value) or model._meta.model_name)[: max_length - 4].strip("-")


def transliterate_slugs(queryset, source, *, reserved=(), moved=None):
    """Give each row whose made-up slug lost letters the transliterated one.

    ``source`` names the field the slug is made from (``name``, ``title``). A
    slug the site made before (the lossy base, perhaps with a ``-2``) is made
    again; one staff chose is kept. ``moved(row, old_slug)`` is called for each
    row changed, to keep its old address working. For data migrations: the
    queryset may be of a historical model. Returns how many rows changed.
    """
    changed = 0
    for row in queryset.order_by("pk"):
        model, value = type(row), getattr(row, source)
        before = _slug_base_before_transliteration(model, value)
        if before == slug_base(model, value):
            continue  # nothing was lost
        if not re.fullmatch(rf"{re.escape(before)}(-\d+)?", row.slug):
            continue  # chosen by staff
        old_slug = row.slug
        row.slug = unique_slug(row, value, reserved=reserved)
        row.save(update_fields=["slug"])
        changed += 1
        if moved:
            moved(row, old_slug)
    return changed


def transliterate_tag_slugs(tag_model):
    """Give every tag whose slug keeps non-ASCII letters the ASCII one taggit now makes.

    Taggit's own scheme: ``name`` transliterated, ``_1``, ``_2``… when taken. The
    old forms need no record: the tag routes send any non-ASCII slug on to its
    transliteration (``secretariat.content.tagging.ascii_tag_slugs``).
    """
    taken = set(tag_model.objects.values_list("slug", flat=True))
    changed = 0
    for tag in tag_model.objects.order_by("pk"):
        if tag.slug.isascii():
            continue
        max_length = tag_model._meta.get_field("slug").max_length
        base = (ascii_slug(tag.name) or "tag")[: max_length - 4].strip("-")
        slug, number = base, 1
        while slug in taken:
            slug = f"{base}_{number}"
            number += 1
        taken.add(slug)
        tag.slug = slug
        tag.save(update_fields=["slug"])
        changed += 1
    return changed
