"""Hostile input never causes a server error.

Every public URL in the URLconf is found by walking it, so a page added later is
covered without touching this file. Hypothesis fills its path segments and every
query parameter the site knows (the filters' names, ``page`` and ``q``) with NUL
bytes, invalid UTF-8, huge numbers, SQL and template syntax and very long
strings, and the answer must be a page or a clear client error, never a 500.
"""

import re
from datetime import timedelta
from urllib.parse import quote

import pytest
from django import forms
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter, PathConverter, SlugConverter, StringConverter
from django.urls.resolvers import RoutePattern
from django.utils import timezone
from django_filters import FilterSet
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article
from events.models import Event, Organisation, Participation, Person
from secretariat.content.converters import TagSlugConverter, YearConverter
from secretariat.models import Page

# Many generated requests a route: `make test` runs them, `make check` does not.
pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

# Paths the public never reaches or that are not pages of ours.
PRIVATE_PREFIXES = ("admin/", "media/")

# A page, a redirect or a clear client error: gone (an expired link) and too
# many requests (a rate limit) included. Never a 5xx.
ACCEPTABLE = {200, 301, 302, 303, 304, 400, 403, 404, 405, 410, 429}

NASTY = [
    "\x00",
    "a\x00b",
    "'; DROP TABLE articles_article; --",
    "' OR '1'='1",
    '" OR ""="',
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "${7*7}",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "-1",
    "0",
    "9" * 40,
    "-" + "9" * 40,
    "1e309",
    "NaN",
    "2026-13-45",
    "../../etc/passwd",
    "%",
    "%%",
    "_",
    "\\",
    "*",
    ":*",
    "!",
    "&|!",
    "()",
    "😀",
    "\u202e",
    "\ufeff",
    "\ud800",  # a lone surrogate: sent as invalid UTF-8
    " ",
    "",
    "a" * 5000,
    "å" * 300,
]

hostile_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=200),
    st.integers(min_value=-(10**25), max_value=10**25).map(str),
)


def encode(value):
    """Percent-encode, keeping lone surrogates as the invalid bytes a client could send."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def walk(patterns, prefix="", converters=None):
    for entry in patterns:
        if not isinstance(entry.pattern, RoutePattern):
            continue
        route = prefix + str(entry.pattern)
        found = {**(converters or {}), **entry.pattern.converters}
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, route, found)
        elif isinstance(entry, URLPattern):
            yield route, found


def public_routes():
    routes = {
        route: converters
        for route, converters in walk(get_resolver().url_patterns)
        if not route.startswith(PRIVATE_PREFIXES)
    }
    return sorted(routes.items())


def query_parameters():
    """Every filter's parameter name, plus paging and search."""
    # Importing the URLconf has imported every app's filters.
    get_resolver().url_patterns  # noqa: B018
    names = {"page", "q"}
    stack = list(FilterSet.__subclasses__())
    while stack:
        filterset = stack.pop()
        stack += filterset.__subclasses__()
        names.update(filterset.base_filters)
    return sorted(names)


ROUTES = public_routes()
PARAMETERS = query_parameters()


def segment_strategy(converter, known_slugs):
    if isinstance(converter, YearConverter):
        # Every four digits the archive routes accept, year 0000 and 9999 included.
        return st.integers(min_value=0, max_value=9999).map(lambda year: f"{year:04d}")
    if isinstance(converter, TagSlugConverter):
        # Any letters of any alphabet, as the tag routes accept them, percent-encoded.
        return st.one_of(
            st.sampled_from(known_slugs),
            st.from_regex(r"[-\w]{1,300}", fullmatch=True).map(encode),
        )
    if isinstance(converter, IntConverter):
        return st.one_of(
            st.integers(min_value=0, max_value=10**30),
            st.sampled_from([0, 1, 12, 13, 1999, 2026, 9999, 10000, 2**31, 2**63]),
        ).map(str)
    if isinstance(converter, SlugConverter):
        return st.one_of(
            st.sampled_from(known_slugs),
            st.from_regex(r"[-a-zA-Z0-9_]{1,300}", fullmatch=True),
        )
    if isinstance(converter, StringConverter | PathConverter):
        text = st.one_of(st.sampled_from(known_slugs), hostile_text)
        if isinstance(converter, StringConverter):
            text = text.filter(lambda value: value and "/" not in value)
        return text.filter(bool).map(encode)
    return st.sampled_from(known_slugs)


def fill(route, converters, draw, known_slugs):
    values = {
        name: draw(segment_strategy(converter, known_slugs), label=name)
        for name, converter in converters.items()
    }
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda match: values[match[1]], route)


def form_fields():
    """The fields of every public form the apps define."""
    names = set()
    stack = list(forms.Form.__subclasses__())
    while stack:
        form = stack.pop()
        stack += form.__subclasses__()
        if form.__module__.split(".")[0] in (
            "articles",
            "events",
            "newsletter",
            "search",
            "secretariat",
        ):
            names.update(form.base_fields)
    return sorted(names)


FORM_FIELDS = form_fields()


@pytest.fixture
def known_slugs(db):
    """Real content, so that hostile parameters also reach pages that exist."""
    Page.objects.create(slug="om-oss", title="Om oss", body="<p>Text</p>")
    organisation = Organisation.objects.create(name="Region Exempel", slug="region-exempel")
    person = Person.objects.create(name="Anna Berg", slug="anna-berg", organisation=organisation)
    starts = timezone.now() + timedelta(days=3)
    event = Event.objects.create(
        title="Dialog med leverantörer",
        slug="dialog",
        kind=Event.Kind.SUPPLIER_DIALOGUE,
        status=Event.Status.PUBLISHED,
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
    )
    event.organisers.add(organisation)
    Participation.objects.create(event=event, person=person, role=Participation.Role.SPEAKER)
    article = Article.objects.create(
        title="Hållbar upphandling",
        slug="hallbar-upphandling",
        lead="Ingress.",
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() - timedelta(days=1),
    )
    article.tags.add("upphandling", "Tvångsarbete", "Økologi och ærlig handel")
    article.authors.add(person)
    event.tags.add("Tvångsarbete")
    return [
        "om-oss",
        "anna-berg",
        "region-exempel",
        "dialog",
        "hallbar-upphandling",
        "upphandling",
        *(tag.slug for tag in article.tags.all()),
        "finns-inte",
    ]


def every_public_route(examples):
    """Run the test for each public route, with hypothesis drawing ``data``."""

    def decorate(test):
        test = given(data=st.data())(test)
        test = settings(
            max_examples=examples,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        )(test)
        ids = [route for route, _ in ROUTES]
        return pytest.mark.parametrize(("route", "converters"), ROUTES, ids=ids)(test)

    return decorate


def request_fields(draw, names, **sizes):
    """``name=value&…`` for a few of these names, each with a hostile value."""
    chosen = draw(st.lists(st.sampled_from(names), unique=True, **sizes))
    return "&".join(f"{name}={encode(draw(hostile_text, label=name))}" for name in chosen)


@every_public_route(examples=25)
def test_public_urls_answer_hostile_input_without_a_server_error(
    route, converters, known_slugs, data
):
    cache.clear()
    path = fill(route, converters, data.draw, known_slugs)
    query = request_fields(data.draw, PARAMETERS, max_size=3)

    response = Client(raise_request_exception=False).get(path, QUERY_STRING=query)

    assert response.status_code in ACCEPTABLE, f"{path}?{query} -> {response.status_code}"


@every_public_route(examples=15)
def test_public_urls_answer_hostile_form_posts_without_a_server_error(
    route, converters, known_slugs, data
):
    cache.clear()
    path = fill(route, converters, data.draw, known_slugs)
    body = request_fields(data.draw, FORM_FIELDS, min_size=1, max_size=5)

    response = Client(raise_request_exception=False).post(
        path, body, content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code in ACCEPTABLE, f"POST {path} {body[:300]} -> {response.status_code}"
