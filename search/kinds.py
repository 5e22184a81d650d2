"""What the site search finds: each kind of content, through its app's public queryset.

A kind names its public rows that match a visitor's words, best first (each
app's ``search()`` on its ``published()`` or ``public()`` queryset), the text
its excerpt is taken from, and the template of one result.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline
from django.db.models import TextField, Value
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext_lazy

from articles.models import Article
from events.models import Event, Organisation, Person
from secretariat.content.richtext import plain_text_in_sql
from secretariat.content.search import SEARCH_CONFIG, search_query
from secretariat.models import Page

# Markers that cannot occur in the text, so the excerpt can be escaped and then marked.
MARK_START, MARK_STOP = "\ue000", "\ue001"


@dataclass(frozen=True)
class Kind:
    slug: str  # the value of ?typ=
    model: type
    label: str
    template: str
    matches: Callable  # (words) -> the public rows that match, best first
    excerpt_of: Callable = None  # () -> the text expression the excerpt comes from

    def results(self, text):
        """The matches, each with ``excerpt``: highlighted HTML when the kind has one."""
        rows = self.matches(text)
        if self.excerpt_of is None:
            return rows
        return rows.annotate(
            excerpt=SearchHeadline(
                self.excerpt_of(),
                search_query(text, as_written=True),
                config=SEARCH_CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_STOP,
                max_words=35,
                min_words=15,
            )
        )


def highlight(excerpt):
    """An excerpt from PostgreSQL, escaped, with the matched words in ``<mark>``."""
    marked = escape((excerpt or "").strip())
    marked = marked.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    return mark_safe(marked)  # noqa: S308 - escaped on the line above.


def _text(*parts):
    """Several columns as one text, for an excerpt."""
    pieces = (piece for part in parts for piece in (part, Value(" ")))
    return Concat(*pieces, output_field=TextField())


KINDS = [
    Kind(
        "nyheter",
        Article,
        pgettext_lazy("kind of content", "News"),
        "search/includes/article.html",
        lambda text: Article.objects.published().search(text).for_listing(),
        lambda: _text("lead", plain_text_in_sql("body")),
    ),
    Kind(
        "evenemang",
        Event,
        pgettext_lazy("kind of content", "Events"),
        "search/includes/event.html",
        lambda text: Event.objects.published().search(text).for_listing(),
        lambda: _text("summary", plain_text_in_sql("description")),
    ),
    Kind(
        "personer",
        Person,
        pgettext_lazy("kind of content", "People"),
        "search/includes/person.html",
        lambda text: (
            Person.objects.public()
            .search(text)
            .select_related("organisation")
            .defer("bio", "search_vector", "organisation__search_vector")
        ),
        lambda: _text("title", "organisation__name"),
    ),
    Kind(
        "organisationer",
        Organisation,
        pgettext_lazy("kind of content", "Organisations"),
        "search/includes/organisation.html",
        lambda text: Organisation.objects.public().search(text).defer("search_vector"),
    ),
    Kind(
        "sidor",
        Page,
        pgettext_lazy("kind of content", "Pages"),
        "search/includes/page.html",
        lambda text: Page.objects.published().search(text).defer("body", "search_vector"),
        lambda: _text("intro", plain_text_in_sql("body")),
    ),
]
KINDS_BY_SLUG = {kind.slug: kind for kind in KINDS}
