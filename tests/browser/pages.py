"""The public page types that every browser check visits, and the content they show.

Adding a page type is one line in ``PAGE_TYPES``: a name and a function that
returns its path once the content exists (it runs with the ORM on the server's
database, so it may look objects up). Every check in ``test_pages.py`` then runs
on it at both widths.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from events.models import Event
from newsletter.models import Issue
from newsletter.sending import start_sending
from secretariat import legal
from secretariat.models import Page


@dataclass(frozen=True)
class PageType:
    name: str
    path: Callable[[], str]
    status: int = 200
    # Cookies the page may set for an anonymous visitor: none for reading pages;
    # a page with a form may set Django's CSRF cookie.
    allowed_cookies: frozenset = frozenset()


def _page(slug):
    return lambda: Page.objects.published().get(slug=slug).get_absolute_url()


def _article():
    """The newest published article with tags: the one the article page types show."""
    return Article.objects.published().filter(tags__isnull=False).distinct().first()


def _archive_month():
    published = timezone.localtime(_article().published_at)
    return reverse("articles:archive_month", args=[published.year, published.month])


def _author():
    """A person who writes articles and belongs to an organisation."""
    return (
        Article.objects.published()
        .filter(authors__organisation__isnull=False)
        .first()
        .authors.exclude(organisation=None)
        .first()
    )


def _tag():
    return reverse("articles:tag", args=[_article().tags.order_by("slug").first().slug])


PAGE_TYPES = [
    # The front page carries the newsletter signup form.
    PageType("front", lambda: reverse("articles:home"), allowed_cookies=frozenset({"csrftoken"})),
    PageType("article list", lambda: reverse("articles:list")),
    PageType("article", lambda: _article().get_absolute_url()),
    PageType("tag index", lambda: reverse("articles:tags")),
    PageType("tag", _tag),
    PageType("archive", lambda: reverse("articles:archive")),
    PageType("archive year", lambda: _archive_month().rsplit("/", 2)[0] + "/"),
    PageType("archive month", _archive_month),
    PageType("search with hits", lambda: reverse("search:results") + "?q=upphandling"),
    PageType(
        "search of one kind", lambda: reverse("search:results") + "?q=upphandling&typ=nyheter"
    ),
    PageType("search without hits", lambda: reverse("search:results") + "?q=xyzzyqwerty"),
    PageType("event list", lambda: reverse("events:upcoming")),
    PageType("past events", lambda: reverse("events:past")),
    PageType("event", lambda: Event.objects.upcoming().first().get_absolute_url()),
    PageType("past event", lambda: Event.objects.past().first().get_absolute_url()),
    PageType("person", lambda: _author().get_absolute_url()),
    PageType("organisation", lambda: _author().organisation.get_absolute_url()),
    PageType(
        "newsletter signup",
        lambda: reverse("newsletter:signup"),
        allowed_cookies=frozenset({"csrftoken"}),
    ),
    PageType("newsletter archive", lambda: reverse("newsletter:archive")),
    PageType("newsletter issue", lambda: Issue.objects.published().first().get_absolute_url()),
    PageType("accessibility statement", _page("tillganglighet")),
    PageType("privacy notice", _page("integritet")),
    # The error pages. /fel/<status>/ goes through the site's own handler for each
    # (tests/error_urls.py); 429 is the login lockout's page, 503 the database's.
    PageType("bad request", lambda: "/fel/400/", status=400),
    PageType("access denied", lambda: "/fel/403/", status=403),
    PageType("not found", lambda: "/sidan-finns-inte/", status=404),
    PageType("login locked", lambda: "/fel/429/", status=429),
    PageType("server error", lambda: "/fel/500/", status=500),
    PageType("database away", lambda: "/fel/503/", status=503),
]


def create_content():
    """What the pages show: the demo content of ``demo/``, as a visitor would see it.

    The accessibility statement and the privacy notice come from a migration
    (a transactional test may have emptied the test database this one is copied from).
    """
    legal.create_missing(Page)
    call_command("load_demo")
    # The demo issue as if it had gone out, so that the archive has an issue to show.
    for issue in Issue.objects.all():
        start_sending(issue.pk)
        Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENT, sent_at=timezone.now())


def paths():
    """Each page type's path, by name."""
    return {page_type.name: page_type.path() for page_type in PAGE_TYPES}
