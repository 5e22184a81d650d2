"""Pages that belong to the site rather than to a content type."""

import re

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.urls import Resolver404, resolve, reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .content.richtext import RichTextField, plain_text_in_sql
from .content.search import Fold, best_matches, search_vector_field

# Settings a page's text may name as {{ name }}: filled in each time the page is shown,
# so that the legal pages follow a changed setting without anyone editing them.
PLACEHOLDERS = {
    "contact_email": "CONTACT_EMAIL",
    "newsletter_retention_days": "NEWSLETTER_RETENTION_DAYS",
}
PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def fill_placeholders(html):
    """``html`` with each known ``{{ name }}`` replaced by its setting, escaped."""

    def value(match):
        setting = PLACEHOLDERS.get(match[1])
        return escape(getattr(settings, setting)) if setting else match[0]

    return PLACEHOLDER.sub(value, html)


class PageQuerySet(models.QuerySet):
    def published(self):
        """The pages the public may see."""
        return self.filter(is_published=True)

    def search(self, text):
        """Pages whose title, introduction or text matches a visitor's search."""
        return best_matches(self, text, order=("title", "pk"), alike=Fold(F("title")))


class Page(models.Model):
    """A standalone page, such as the accessibility statement or the privacy notice."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("address"),
        max_length=100,
        unique=True,
        help_text=_(
            "The last part of the page's web address, e.g. 'tillganglighet' gives "
            "/tillganglighet/. Do not change it once the page is public."
        ),
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two shown under the title and in search engines."),
    )
    body = RichTextField(
        _("text"),
        blank=True,
        help_text=_(
            "{{ contact_email }} in the text shows the site's contact address and "
            "{{ newsletter_retention_days }} the days after which the newsletter erases "
            "those who left it; both come from the site's settings."
        ),
    )
    is_published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Untick to hide the page from the public."),
    )
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)
    # Kept by PostgreSQL itself, for the site search.
    search_vector = search_vector_field(
        ("title", "A"), ("intro", "B"), (plain_text_in_sql("body"), "C")
    )

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        indexes = [
            GinIndex(fields=["search_vector"], name="page_search_vector"),
            GinIndex(OpClass(Fold(F("title")), name="gin_trgm_ops"), name="page_title_trigram"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("page", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        # /aktuellt/, /sok/ and the like belong to other parts of the site: a page
        # there would never be shown.
        try:
            taken = self.slug and resolve(f"/{self.slug}/").url_name != "page"
        except Resolver404:
            taken = False
        if taken:
            raise ValidationError(
                {"slug": _("This address belongs to another part of the site. Choose another.")}
            )

    def body_for_readers(self):
        """The body as shown: sanitised on save, with the settings filled in."""
        return mark_safe(fill_placeholders(self.body))  # noqa: S308 - escaped values in clean HTML
