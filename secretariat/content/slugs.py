"""Addresses made from titles and names: ASCII, readable, unique, stable once public.

One transliteration for every address the site makes (people, organisations,
events, articles, and tags through taggit's ``TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING``):
Unidecode turns each letter into its ASCII spelling (ø→o, æ→ae, ß→ss, đ→d, þ→th,
å→a), so "Sykehusinnkjøp HF" is ``sykehusinnkjop-hf``, not ``sykehusinnkjp-hf``.
"""

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
