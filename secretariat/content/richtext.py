"""Rich text shared by articles, events and pages: one editor, one sanitiser.

Editors write in django-prose-editor; the HTML it sends is cleaned by nh3 with an
allow-list derived from the same extension list, so the server accepts exactly
what the editor can produce. Cleaning happens on every save (admin, import,
shell), which is what makes rendering the stored HTML with ``|safe`` sound.

``plain_text`` turns that HTML into text for feeds, calendars and teasers;
``plain_text_in_sql`` does the same inside PostgreSQL, for the search vector.
"""

import re
from html import unescape

from django.db import models
from django.db.models import F, Func, Value
from django.utils.html import strip_tags
from django_prose_editor.fields import ProseEditorField, create_sanitizer

EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "History": True,
}

sanitize_html = create_sanitizer(EXTENSIONS)


class RichTextField(ProseEditorField):
    """A text field holding sanitised HTML from the rich text editor."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", EXTENSIONS)
        kwargs.setdefault("sanitize", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value


BLOCK_ENDS = re.compile(r"(?i)<br\s*/?>|</(p|li|h[1-6]|blockquote)>")


def plain_text(html):
    """Rich text as plain text for feeds, calendars and teasers: blocks become lines."""
    lines = (
        " ".join(line.split())
        for line in unescape(strip_tags(BLOCK_ENDS.sub("\n", html or ""))).splitlines()
    )
    return "\n".join(line for line in lines if line)


def plain_text_in_sql(field):
    """The text of a rich text column without its tags, as a database expression
    (the search vector is computed by PostgreSQL, not in Python)."""
    return Func(
        F(field),
        Value("<[^>]+>"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=models.TextField(),
    )
