"""Addresses keep every letter: ø, æ, ß and å are spelled in ASCII, and old addresses move.

People, organisations, events, articles and tags get transliterated slugs; a
public object whose address changes leaves a 301 behind; the slugs made before
(letters dropped, or å, ä, ö kept in tags) answer 301 with the new address.
"""

import pytest
from django.contrib.redirects.models import Redirect
from django.test import Client
from taggit.models import Tag

from articles.importexport import import_articles
from articles.models import Article
from events.models import Event
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


@pytest.mark.django_db
def test_old_tag_addresses_with_their_letters_answer_301(reader):
    """Tag slugs were once made with å, ä, ö and ø kept; links that still carry
    that form (in a path or in ?amne=) lead to the transliterated one."""
    event = EventFactory(title="Möte i Tromsø", tags=["Tvångsarbete"])
    article = ArticleFactory(title="Avtal med Sykehusinnkjøp")
    article.tags.add("Tvångsarbete", "Økologi")
    assert event.tags.get().slug == "tvangsarbete"

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
