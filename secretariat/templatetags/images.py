"""``{% responsive_image %}``: a picture with its WebP renditions and fixed proportions."""

from django import template
from django.utils.html import format_html

from secretariat.media import images

register = template.Library()


@register.simple_tag
def responsive_image(file, renditions, alt="", sizes="100vw", css_class="", loading="lazy"):
    """Render ``<picture>`` for a ``ResponsiveImageField``.

    ``alt`` is the editor's description; leave it empty for a decorative
    picture. ``width`` and ``height`` keep the page from jumping while it loads.
    """
    if not file:
        return ""
    renditions = renditions or {}
    width, height = renditions.get("width"), renditions.get("height")
    img = format_html(
        '<img src="{}" alt="{}"{}{} loading="{}" decoding="async">',
        file.url,
        alt,
        format_html(' width="{}" height="{}"', width, height) if width and height else "",
        format_html(' class="{}"', css_class) if css_class else "",
        loading,
    )
    sources = images.srcset(file, renditions)
    if not sources:
        return img
    return format_html(
        '<picture><source type="image/webp" srcset="{}" sizes="{}">{}</picture>',
        sources,
        sizes,
        img,
    )
