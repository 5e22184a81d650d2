"""Addresses keep every letter: ø, æ, ß and å are spelled in ASCII, and old addresses move.

People, organisations, events, articles and tags get transliterated slugs; a
public object whose address changes leaves a 301 behind; the slugs made before
(letters dropped, or å, ä, ö kept in tags) answer 301 with the new address.
"""

import pytest
from django.contrib.redirects.models import Redirect
from django.core.management import call_command
from django.test import Client
from taggit.models import Tag

from articles.importexport import import_articles
from articles.models import Article
from events.models import Event, Organisation, Person
from secretariat.content.redirects import record_move
from secretariat.content.slugs import ascii_slug
from tests.factories import ArticleFactory, EventFactory, OrganisationFactory, PersonFactory


@pytest.fixture
def reader(settings):
    settings.PAGE_CACHE_SECONDS = 0
    return Client()


def moved(client, old, new):
    """Whether ``old`` answers 301 with ``new``, which answers 200."""
    response = client.get(old, follow=True)
    return response.redirect_chain == [(new, 301)] and response.status_code == 200


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Sykehusinnkjøp HF", "sykehusinnkjop-hf"),
        ("Bjørn Ærø", "bjorn-aero"),
        ("Grete Strauß", "grete-strauss"),
        ("Đorđe Þórsson", "dorde-thorsson"),
        ("Łukasz Œuvre", "lukasz-oeuvre"),
        ("Åsa Älvdal Öberg", "asa-alvdal-oberg"),
        ("Café René", "cafe-rene"),
    ],
)
def test_letters_are_spelled_in_ascii(name, slug):
    assert ascii_slug(name) == slug


@pytest.mark.django_db
def test_people_organisations_events_and_tags_get_transliterated_slugs():
    organisation = OrganisationFactory(name="Sykehusinnkjøp HF")
    person = PersonFactory(name="Grete Strauß", organisation=organisation)
    event = EventFactory(title="Möte i Tromsø om æ och ø", tags=["Økologi", "Tvångsarbete"])

    assert organisation.slug == "sykehusinnkjop-hf"
    assert person.slug == "grete-strauss"
    assert event.slug == "mote-i-tromso-om-ae-och-o"
    assert sorted(Tag.objects.values_list("slug", flat=True)) == ["okologi", "tvangsarbete"]


@pytest.mark.django_db
def test_imported_authors_and_tags_get_transliterated_slugs(tmp_path):
    line = (
        '{"title": "Avtal med Sykehusinnkjøp", "slug": "avtal-med-sykehusinnkjop", '
        '"lead": "Ingress.", "status": "published", "published_at": "2026-11-02T09:00:00+01:00", '
        '"authors": ["Bjørn Ærø"], "tags": ["Ærlig handel", "Straße"]}'
    )

    report = import_articles([line], base_dir=tmp_path)

    assert not report.errors, report.errors
    article = Article.objects.get()
    assert [author.slug for author in article.authors.all()] == ["bjorn-aero"]
    assert sorted(article.tags.values_list("slug", flat=True)) == ["aerlig-handel", "strasse"]


@pytest.mark.django_db
def test_a_public_organisation_renamed_in_the_admin_leaves_a_301(staff_client, reader):
    organisation = OrganisationFactory(name="Sykehusinnkjøp HF", short_name="")
    EventFactory(organisers=[organisation])
    old = organisation.get_absolute_url()

    response = staff_client.post(
        f"/admin/events/organisation/{organisation.pk}/change/",
        {"name": "Sykehusinnkjøp", "short_name": "", "slug": "sykehusinnkjop", "url": ""},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert moved(reader, old, "/organisationer/sykehusinnkjop/")


@pytest.mark.django_db
def test_moving_back_and_forth_never_makes_a_loop_nor_a_chain(reader):
    person = PersonFactory(name="Bjørn Ærø")
    EventFactory().participations.create(person=person, role="speaker")
    for slug in ("bjorn", "bjorn-aero-2", "bjorn"):
        person.slug = slug
        person.save()

    assert moved(reader, "/personer/bjorn-aero/", "/personer/bjorn/")
    assert moved(reader, "/personer/bjorn-aero-2/", "/personer/bjorn/")
    assert reader.get("/personer/bjorn/").status_code == 200
    assert not Redirect.objects.filter(old_path="/personer/bjorn/").exists()


@pytest.mark.django_db
def test_a_draft_changing_its_address_leaves_nothing_behind():
    event = EventFactory(title="Utkast om ål", status=Event.Status.DRAFT)
    event.slug = "utkast-om-al-2027"
    event.save()

    assert not Redirect.objects.exists()


@pytest.mark.django_db
def test_record_move_keeps_one_row_per_old_address():
    record_move("/personer/a/", "/personer/b/")
    record_move("/personer/a/", "/personer/c/")

    assert list(Redirect.objects.values_list("old_path", "new_path")) == [
        ("/personer/a/", "/personer/c/")
    ]


def lossy(model, pk, slug):
    """Give a row the slug the site used to make, as before transliteration."""
    model.objects.filter(pk=pk).update(slug=slug)


def migrate_again(app):
    call_command("migrate", app, "0001", verbosity=0)
    call_command("migrate", app, verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_made_up_slugs_and_keeps_old_addresses(reader):
    made = OrganisationFactory(name="Sykehusinnkjøp HF", short_name="")
    chosen = OrganisationFactory(name="Helse Sør-Øst", short_name="")
    person = PersonFactory(name="Grete Strauß", organisation=made)
    event = EventFactory(title="Möte i Tromsø", organisers=[made, chosen], tags=["Tvångsarbete"])
    event.participations.create(person=person, role="speaker")
    article = ArticleFactory(title="Avtal med Sykehusinnkjøp", authors=[person])
    article.tags.add("Tvångsarbete", "Økologi")
    lossy(Organisation, made.pk, "sykehusinnkjp-hf")
    lossy(Organisation, chosen.pk, "helse")  # staff chose it: it stays
    lossy(Person, person.pk, "grete-strau-2")
    lossy(Event, event.pk, "mote-i-troms")
    lossy(Article, article.pk, "avtal-med-sykehusinnkjp")
    for name in ("Tvångsarbete", "Økologi"):
        Tag.objects.filter(name=name).update(slug=name.lower())

    migrate_again("events")
    migrate_again("articles")

    assert moved(reader, "/organisationer/sykehusinnkjp-hf/", "/organisationer/sykehusinnkjop-hf/")
    assert moved(reader, "/personer/grete-strau-2/", "/personer/grete-strauss/")
    assert moved(reader, "/evenemang/mote-i-troms/", "/evenemang/mote-i-tromso/")
    assert moved(
        reader, "/aktuellt/avtal-med-sykehusinnkjp/", "/aktuellt/avtal-med-sykehusinnkjop/"
    )
    assert reader.get("/organisationer/helse/").status_code == 200
    assert sorted(Tag.objects.values_list("slug", flat=True)) == ["okologi", "tvangsarbete"]
    # The tags' old forms, in a path or in ?amne=, percent-encoded as links carry them.
    for old, new in [
        ("/aktuellt/amne/tvångsarbete/", "/aktuellt/amne/tvangsarbete/"),
        ("/aktuellt/amne/%C3%B8kologi/rss/", "/aktuellt/amne/okologi/rss/"),
        ("/evenemang/amne/tvångsarbete/kalender.ics", "/evenemang/amne/tvangsarbete/kalender.ics"),
        ("/evenemang/?amne=tv%C3%A5ngsarbete", "/evenemang/?amne=tvangsarbete"),
        (
            "/aktuellt/?amne=%C3%B8kologi&amne=tvangsarbete",
            "/aktuellt/?amne=okologi&amne=tvangsarbete",
        ),
    ]:
        assert moved(reader, old, new), old


@pytest.mark.django_db
def test_a_non_ascii_tag_path_that_is_no_tag_ends_in_404(reader):
    response = reader.get("/aktuellt/amne/%E4%B8%AD%E6%96%87/", follow=True)

    assert response.redirect_chain == [("/aktuellt/amne/zhong-wen/", 301)]
    assert response.status_code == 404
