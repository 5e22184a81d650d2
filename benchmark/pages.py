"""The pages the benchmark measures, found in whatever database it runs against.

``PAGES`` is a table: a name, a kind (which targets apply) and a function that
returns the page's path from the data, or None when the site has no such page
yet (its URL name does not resolve). The benchmark lists those as missing
rather than failing, so the table can name pages before the apps build them.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.apps import apps
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, resolve, reverse

READING, SEARCH, FORM, STATIC = "reading", "search", "form", "static"
# Articles per list page when the list view does not say (django's paginate_by).
DEFAULT_PAGE_SIZE = 20


@dataclass
class BenchPage:
    name: str
    kind: str
    path: object  # () -> str | None


def url(name, *args, query=None, **kwargs):
    """The path of a URL name, None while the name does not exist."""
    try:
        path = reverse(name, args=args or None, kwargs=kwargs or None)
    except NoReverseMatch:
        return None
    return f"{path}?{urlencode(query, doseq=True)}" if query else path


def published(label):
    model = apps.get_model(label)
    return model._default_manager.published() if hasattr(model.objects, "published") else None


def middle(queryset):
    """An object from the middle of the archive: neither the newest nor the oldest."""
    count = queryset.count()
    return queryset[count // 2] if count else None


def deep_list_page():
    """Three quarters of the way back through the article list."""
    path = url("articles:list")
    if path is None:
        return None
    page_size = getattr(resolve(path).func, "view_class", None)
    page_size = getattr(page_size, "paginate_by", None) or DEFAULT_PAGE_SIZE
    pages = max(1, published("articles.Article").count() // page_size)
    return url("articles:list", query={"page": max(1, pages * 3 // 4)})


def popular_tags(count):
    from taggit.models import Tag

    return list(Tag.objects.order_by("id").values_list("slug", flat=True)[:count])


def article():
    found = middle(published("articles.Article"))
    return found.get_absolute_url() if found else None


def event():
    found = middle(published("events.Event"))
    return found.get_absolute_url() if found else None


def event_calendar():
    found = middle(published("events.Event"))
    return url("events:ical", slug=found.slug) if found else None


def person():
    # An author with many articles and events: the heaviest person page.
    Person = apps.get_model("events.Person")  # noqa: N806
    found = Person.objects.order_by("id").first()
    try:
        return found.get_absolute_url() if found else None
    except NoReverseMatch:
        return None


def archive_year():
    found = middle(published("articles.Article"))
    return url("articles:archive_year", year=found.published_at.year) if found else None


def archive_month():
    found = middle(published("articles.Article"))
    if not found:
        return None
    return url(
        "articles:archive_month", year=found.published_at.year, month=found.published_at.month
    )


def news_search(words):
    """The site search, news only: where the article search's old address leads."""
    return url("search:results", query={"q": words, "typ": "nyheter"})


def site_search(words):
    return url("search:results", query={"q": words})


def site_search_for_a_name():
    """A public person's full name, as a visitor would type it."""
    Person = apps.get_model("events.Person")  # noqa: N806
    found = middle(Person.objects.public().order_by("id"))
    return site_search(found.name) if found else None


PAGES = [
    BenchPage("front page", READING, lambda: url("articles:home")),
    BenchPage("article list", READING, lambda: url("articles:list")),
    BenchPage("article list, deep page", READING, deep_list_page),
    BenchPage("article", READING, article),
    BenchPage("tag page", READING, lambda: url("articles:tag", slug=popular_tags(1)[0])),
    BenchPage(
        "two-tag filter", READING, lambda: url("articles:list", query={"amne": popular_tags(2)})
    ),
    BenchPage("archive year", READING, archive_year),
    BenchPage("archive month", READING, archive_month),
    BenchPage("search: one word", SEARCH, lambda: news_search("upphandling")),
    BenchPage("search: prefix", SEARCH, lambda: news_search("hållbar")),
    BenchPage("search: inflected words", SEARCH, lambda: news_search("leverantörerna kemikalier")),
    BenchPage("site search: a name", SEARCH, site_search_for_a_name),
    # A word in event titles and articles alike (the benchmark's events are "Dialog: …").
    BenchPage("site search: events and news", SEARCH, lambda: site_search("dialog")),
    BenchPage("site search: misspelt", SEARCH, lambda: site_search("upphandlnig")),
    BenchPage("RSS feed", READING, lambda: url("articles:feed_rss")),
    BenchPage("upcoming events", READING, lambda: url("events:upcoming")),
    BenchPage("event", READING, event),
    BenchPage("event calendar (.ics)", READING, event_calendar),
    BenchPage("person", READING, person),
    BenchPage("newsletter", FORM, lambda: url("newsletter:signup")),
    BenchPage("page (accessibility)", READING, lambda: url("page", slug="tillganglighet")),
    BenchPage("static file (floor)", STATIC, lambda: staticfiles_storage.url("css/site.css")),
]


def resolve_pages(host, names=None):
    """Each page's path, HTTP status and SQL query count, rendered once without the cache.

    ``names`` limits the table (the 1,000-article comparison measures a few pages).
    """
    client = Client(HTTP_HOST=host)
    found = []
    for page in PAGES:
        if names and page.name not in names:
            continue
        try:
            path = page.path()
        except (NoReverseMatch, IndexError):
            path = None
        entry = {"name": page.name, "kind": page.kind, "path": path}
        if path is not None and page.kind != STATIC:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            entry.update(status=response.status_code, queries=len(queries))
        found.append(entry)
    return found
