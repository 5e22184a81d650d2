"""The site search: a supplier dialogue in Oslo, its Norwegian speaker and organiser,
news about it and the site's pages, found by any word of theirs, and nothing hidden."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Authorship
from events.models import Event, Organisation, Participation, Person
from secretariat.content.search import SEARCH_MAX_ALIKE, fold, search_query
from secretariat.models import Page
from secretariat.operations import page_cache
from tests.factories import (
    ArticleFactory,
    EventFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    draft,
    scheduled,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def oslo():
    """A supplier dialogue in Oslo, as the secretariat would publish it."""
    hospitals = OrganisationFactory(name="Sykehusinnkjøp HF", short_name="SI", country="NO")
    event = EventFactory(
        title="Leverantørdialog i Oslo",
        slug="leverantordialog-i-oslo",
        kind=Event.Kind.SUPPLIER_DIALOGUE,
        summary="Sjukhusens inköpare möter leverantörer.",
        venue="Oslo kongressenter",
        city="Oslo",
        country="NO",
        description="<p>Om krav på medicinteknik och spårbarhet i leveranskedjan.</p>",
        organisers=[hospitals],
    )
    kari = PersonFactory(
        name="Kari Høyland", slug="kari-hoyland", title="Rådgiver", organisation=hospitals
    )
    ParticipationFactory(event=event, person=kari, role=Participation.Role.SPEAKER)
    article = ArticleFactory(
        title="Rapport från dialogen i Oslo",
        slug="rapport-fran-oslo",
        lead="Leverantörerna visade hur de följer upp sina underleverantörer.",
        body="<p>Kari Høyland berättade om sjukhusens krav.</p>",
        authors=[kari],
    )
    # The first migrate made the accessibility statement; this one is the site's own words.
    page, _ = Page.objects.update_or_create(
        slug="tillganglighet",
        defaults={
            "title": "Tillgänglighetsredogörelse",
            "intro": "Hur webbplatsen uppfyller lagen om tillgänglighet.",
            "body": "<p>Vi följer WCAG 2.1 nivå AA.</p>",
        },
    )
    return {
        "event": event,
        "person": kari,
        "organisation": hospitals,
        "article": article,
        "page": page,
    }


@pytest.fixture
def hidden():
    """What the public may not see: drafts, a scheduled article, an unpublished page,
    and a person and organisation known only from a draft."""
    secret_organiser = OrganisationFactory(name="Hemliga bolaget Æsir")
    secret_event = EventFactory(
        title="Hemlig leverantørdialog",
        status=Event.Status.DRAFT,
        organisers=[secret_organiser],
    )
    ParticipationFactory(
        event=secret_event, person=PersonFactory(name="Ola Hemligsen", organisation=None)
    )
    draft(slug="utkast-om-oslo", body="<p>Hemligt om leverantørdialog i Oslo.</p>")
    scheduled(slug="schemalagd-om-oslo", body="<p>Schemalagt om leverantørdialog i Oslo.</p>")
    page = Page.objects.create(
        title="Hemlig sida", slug="hemlig-sida", body="<p>x</p>", is_published=False
    )
    return {
        secret_event.get_absolute_url(),
        secret_organiser.get_absolute_url(),
        secret_event.participants.get().get_absolute_url(),
        page.get_absolute_url(),
        "/aktuellt/utkast-om-oslo/",
        "/aktuellt/schemalagd-om-oslo/",
    }


def search(client, text, kind=None, **params):
    query = {"q": text, **params}
    if kind:
        query["typ"] = kind
    response = client.get(reverse("search:results"), query)
    assert response.status_code == 200
    return response


def found(client, text, kind=None):
    """The addresses of the results, by kind."""
    return addresses(search(client, text, kind))


def addresses(response):
    """The addresses of a search page's results, by kind."""
    groups = response.context["groups"]
    return {
        group["kind"].slug: [row.get_absolute_url() for row in group["results"]]
        for group in groups
        if group["results"]
    }


@pytest.mark.parametrize(
    "text",
    [
        "leverantørdialog",
        "Leverantordialog",
        "medicinteknik",
        "spårbarheten",
        "kongressenter",
        "sykehusinnkjop",
    ],
)
def test_a_word_of_the_events_title_place_description_or_organisers_finds_it(client, oslo, text):
    assert oslo["event"].get_absolute_url() in found(client, text)["evenemang"]


@pytest.mark.parametrize("text", ["Kari Høyland", "Kari Hoyland", "høy", "Hoy", "HØYLAND"])
def test_a_name_is_found_with_and_without_letters_outside_swedish(client, oslo, text):
    assert found(client, text)["personer"] == [oslo["person"].get_absolute_url()]


@pytest.mark.parametrize("text", ["Sykehusinnkjøp", "sykehusinnkjop", "Sykehus", "SI"])
def test_an_organisations_name_or_short_name_finds_it(client, oslo, text):
    assert found(client, text)["organisationer"] == [oslo["organisation"].get_absolute_url()]


def test_people_are_found_by_title_and_organisation(client, oslo):
    assert found(client, "rådgiver")["personer"] == [oslo["person"].get_absolute_url()]
    assert oslo["person"].get_absolute_url() in found(client, "Sykehusinnkjøp")["personer"]


def test_news_and_pages_are_found(client, oslo):
    results = found(client, "Oslo")
    assert results["nyheter"] == [oslo["article"].get_absolute_url()]
    assert results["evenemang"] == [oslo["event"].get_absolute_url()]
    assert found(client, "tillgänglighet")["sidor"] == [oslo["page"].get_absolute_url()]


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("Kari Høylnad", "personer", "person"),
        ("Sykehusinkjøp", "organisationer", "organisation"),
        ("Leverantørdialgo", "evenemang", "event"),
        ("Tillgänglihetsredogörelse", "sidor", "page"),
    ],
)
def test_a_misspelt_name_or_title_still_finds(client, oslo, text, kind, target):
    assert found(client, text)[kind] == [oslo[target].get_absolute_url()]


@pytest.mark.parametrize(
    "text", ["hemlig", "leverantørdialog", "Oslo", "Ola Hemligsen", "Æsir", "Aesir", "schemalagt"]
)
def test_drafts_scheduled_and_unpublished_are_never_found(client, oslo, hidden, text):
    for kind in (None, "nyheter", "evenemang", "personer", "organisationer", "sidor"):
        response = search(client, text, kind)
        shown = {url for urls in addresses(response).values() for url in urls}
        assert not shown & hidden
        assert not any(f'href="{url}"' in response.text for url in hidden)


def test_results_are_grouped_with_counts_and_link_to_their_pages(client, oslo):
    response = search(client, "Oslo")
    content = response.content.decode()
    assert "Nyheter (1)" in content
    assert "Evenemang (1)" in content
    for url in (oslo["article"].get_absolute_url(), oslo["event"].get_absolute_url()):
        assert f'href="{url}"' in content
        assert "Oslo" in client.get(url).content.decode()


def test_one_kind_has_its_own_pages(client):
    for number in range(25):
        EventFactory(title=f"Leverantörsdialog nummer {number}")
    ArticleFactory(title="Leverantörsdialog i Skåne")
    everything = search(client, "leverantörsdialog").context
    assert [(g["kind"].slug, g["count"]) for g in everything["groups"] if g["count"]] == [
        ("nyheter", 1),
        ("evenemang", 25),
    ]
    assert len(everything["groups"][1]["results"]) == 5
    first = search(client, "leverantörsdialog", "evenemang")
    second = search(client, "leverantörsdialog", "evenemang", page="2")
    assert len(first.context["page_obj"].object_list) == 20
    assert len(second.context["page_obj"].object_list) == 5
    assert "typ=evenemang" in re.search(r'href="\?([^"]*page=2)"', first.text).group(1)
    assert "Nyheter (1)" in second.text  # The other kinds still say what they hold.
    assert "Evenemang (25)" in second.text


def test_the_other_kinds_totals_are_remembered_until_the_content_changes(
    client, settings, django_capture_on_commit_callbacks
):
    settings.CONTENT_CACHE_SECONDS = 300
    page_cache.cache().clear()
    for number in range(3):
        EventFactory(title=f"Leverantörsdialog nummer {number}")
    ArticleFactory(title="Leverantörsdialog i Skåne")
    with CaptureQueriesContext(connection) as first:
        search(client, "leverantörsdialog", "evenemang")
    with CaptureQueriesContext(connection) as again:
        response = search(client, "Leverantörsdialog", "evenemang")
    # Only the page of events: its total and the other kinds' are remembered.
    assert len(again) < len(first) - 4
    assert "Nyheter (1)" in response.text
    assert "Evenemang (3)" in response.text
    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(title="Leverantörsdialog i Malmö")
    assert "Nyheter (2)" in search(client, "leverantörsdialog", "evenemang").text
    page_cache.cache().clear()


def test_excerpts_highlight_the_words_and_escape_the_text(client):
    EventFactory(
        title="Webbinarium",
        summary="",
        description="<p>Krav på handskar &lt;script&gt;alert(1)&lt;/script&gt; i vården.</p>",
    )
    content = search(client, "handskar").content.decode()
    assert "<mark>handskar</mark>" in content
    assert "<script>alert(1)" not in content


def test_a_name_is_highlighted_as_written(client, oslo):
    content = search(client, "Høyland", "nyheter").content.decode()
    assert "<mark>Høyland</mark>" in content


def test_an_unknown_kind_is_reported_and_everything_searched(client, oslo):
    response = search(client, "Høyland", "finns-inte")
    assert response.context["form"].errors["typ"]
    assert found(client, "Høyland", "finns-inte")["personer"] == [oslo["person"].get_absolute_url()]


def test_the_header_search_box_searches_the_whole_site(client):
    content = client.get(reverse("articles:home")).content.decode()
    assert f'action="{reverse("search:results")}"' in content
    assert "Sök på webbplatsen" in content


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"handskar'},
        {"q": "handskar & | ! ( :*"},
        {"q": "a\x00b"},
        {"q": "ord " * 5000},
        {"q": "' OR 1=1 --"},
        {"q": ""},
        {"q": "<>"},
        {"q": "Høyland", "typ": "finns-inte"},
        {"q": "Høyland", "typ": "personer", "page": "999999999999"},
        {"q": "Høyland", "typ": "personer", "page": "-1"},
    ],
)
def test_any_input_is_plain_words(client, oslo, params):
    assert client.get(reverse("search:results"), params).status_code == 200


def test_letters_outside_swedish_are_folded_and_swedish_ones_kept():
    assert (
        fold("Høyland Ærø Ångström Müller Ñandú Straße")
        == "hoyland aero ångström muller nandu strasse"
    )


@pytest.mark.parametrize(
    ("model", "vector_index", "trigram_index", "alike"),
    [
        (Event, "event_search_vector", "event_title_trigram", "title"),
        (Person, "person_search_vector", "person_name_trigram", "name"),
        (Organisation, "organisation_search_vector", "organisation_name_trigram", "name"),
        (Page, "page_search_vector", "page_title_trigram", "title"),
    ],
)
def test_the_search_conditions_can_use_their_gin_indexes(
    oslo, model, vector_index, trigram_index, alike
):
    from django.db.models import F

    from secretariat.content.search import Fold

    with connection.cursor() as cursor:
        # At test sizes a scan is cheapest; forbid it to see that the index fits.
        cursor.execute("SET LOCAL enable_seqscan = off")
    query = search_query("oslo")
    assert vector_index in model.objects.order_by().filter(search_vector=query).explain()
    plan = (
        model.objects.order_by()
        .alias(alike=Fold(F(alike)))
        .filter(alike__trigram_word_similar="hoyland")
        .explain()
    )
    assert trigram_index in plan


def make(count):
    """count public rows of every kind, all matching "upphandling"."""
    # Only the rows made here: the legal pages the first migrate made go.
    Page.objects.all().delete()
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Upphandlingsbolaget {n}", slug=f"upphandlingsbolaget-{n}")
        for n in range(count)
    )
    people = Person.objects.bulk_create(
        Person(name=f"Upphandlare {n}", slug=f"upphandlare-{n}", organisation=organisation)
        for n, organisation in enumerate(organisations)
    )
    now = timezone.now()
    events = Event.objects.bulk_create(
        EventFactory.build(
            title=f"Upphandling {n}",
            slug=f"upphandling-{n}",
            starts_at=now + timedelta(days=n),
            ends_at=now + timedelta(days=n, hours=2),
        )
        for n in range(count)
    )
    Participation.objects.bulk_create(
        Participation(event=event, person=person)
        for event, person in zip(events, people, strict=True)
    )
    Event.organisers.through.objects.bulk_create(
        Event.organisers.through(event=event, organisation=organisation)
        for event, organisation in zip(events, organisations, strict=True)
    )
    articles = Article.objects.bulk_create(
        ArticleFactory.build(title=f"Om upphandling {n}", slug=f"om-upphandling-{n}")
        for n in range(count)
    )
    Authorship.objects.bulk_create(
        Authorship(article=article, person=person)
        for article, person in zip(articles, people, strict=True)
    )
    Page.objects.bulk_create(
        Page(title=f"Upphandling {n}", slug=f"upphandling-sida-{n}", body="<p>Om upphandling.</p>")
        for n in range(count)
    )


@pytest.mark.parametrize("count", [5, 200])
@pytest.mark.parametrize(
    "params",
    [
        {"q": "upphandling"},
        {"q": "upphandlnig"},  # misspelt: the fallback of every kind
        *(
            {"q": "upphandling", "typ": kind, "page": "2"}
            for kind in ("nyheter", "evenemang", "personer", "organisationer", "sidor")
        ),
    ],
    ids=lambda params: "-".join(params.values()),
)
def test_a_page_of_results_costs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count, params
):
    make(count)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("search:results"), params)
    assert response.status_code == 200
    # Misspelt, each kind shows the first of those spelt alike.
    shown = min(count, SEARCH_MAX_ALIKE) if params["q"] == "upphandlnig" else count
    assert response.context["total"] == 5 * shown
