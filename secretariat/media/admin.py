"""Pictures in the admin: a thumbnail in lists and change forms, from the stored renditions."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .images import smallest_rendition

THUMBNAIL_WIDTH = 96


class ThumbnailAdmin:
    """Mixin for a ``ModelAdmin`` whose model has a ``ResponsiveImageField``, named by
    ``picture_field``: ``thumbnail`` can go in ``list_display`` and ``readonly_fields``."""

    picture_field = "image"

    @admin.display(description=_("picture"))
    def thumbnail(self, obj):
        field = obj._meta.get_field(self.picture_field)
        file, renditions = getattr(obj, field.attname), getattr(obj, field.renditions_field)
        found = smallest_rendition(file, renditions)
        if found is None:
            return ""
        url, width, height = found
        # The row or the form says what the picture is about: no text of its own.
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="" loading="lazy" class="thumbnail">',
            url,
            THUMBNAIL_WIDTH,
            round(height * THUMBNAIL_WIDTH / width),
        )
