"""Moving in from the old Joomla site: every field rule, a second run, a dry run, failures."""

import json
from datetime import UTC, date, datetime

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.utils import timezone
from taggit.models import Tag

from articles.joomla import fields
from articles.joomla.documents import SourceError, read_folder
from articles.joomla.importer import import_joomla
from articles.models import Article, Authorship
from events.models import Person
from tests.factories import ArticleFactory

from .joomla_fixtures import FOLDER, copy_documents, make_images_folder

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(tmp_path):
    return make_images_folder(tmp_path / "images")


def run(media, folder=FOLDER, **options):
    return import_joomla(read_folder(folder), media_dir=media, **options)


@pytest.fixture
def report(media):
    return run(media)


def article(joomla_id):
    return Article.objects.get(joomla_id=joomla_id)


def test_the_archive_is_imported_and_the_trashed_article_skipped(report):
    assert (report.articles, report.created, report.updated) == (6, 5, 0)
    assert report.skipped == [(105, "in the trash on the old site")]
    assert report.failed == []
    assert sorted(Article.objects.values_list("joomla_id", flat=True)) == [101, 102, 103, 104, 106]


def test_state_maps_to_status(report):
    assert article(101).status == Article.Status.PUBLISHED
    assert article(102).status == Article.Status.PUBLISHED  # archived
    assert article(103).status == Article.Status.DRAFT


def test_publish_up_is_utc_and_the_site_shows_its_own_date(report, client):
    code = article(101)
    assert code.published_at == datetime(2019, 10, 31, 23, 30, tzinfo=UTC)
    assert timezone.localdate(code.published_at) == date(2019, 11, 1)
    assert code.updated_at == datetime(2019, 11, 2, 8, 15, tzinfo=UTC)
    # No "modified": last updated when published.
    assert article(104).updated_at == article(104).published_at
    page = client.get(code.get_absolute_url()).content.decode()
    assert "1 november 2019" in page
    assert "31 oktober 2019" not in page


def test_alias_is_the_address_transliterated(report):
    assert article(101).slug == "regionerna-enas-om-en-gemensam-uppforandekod"
    assert article(103).slug == "oppna-data-for-upphandlare"
    assert article(103).joomla_alias == "öppna-data-för-upphandlare"
    assert article(106).slug == "2019-arsmote"


def test_an_address_that_is_taken_gets_a_suffix_and_is_reported(media):
    ArticleFactory(slug="hallbarhet-i-vardkedjan", title="Redan här")
    report = run(media)
    assert article(104).slug == "hallbarhet-i-vardkedjan-2"
    assert (
        104,
        "the address 'hallbarhet-i-vardkedjan' was taken: it is 'hallbarhet-i-vardkedjan-2'",
    ) in report.notes
    # Links from other old articles follow it to its new address.
    assert 'href="/aktuellt/hallbarhet-i-vardkedjan-2/"' in article(101).body


def test_read_more_splits_the_lead_from_the_body(report):
    code = article(101)
    assert code.lead == (
        "Alla tjugoen regioner ställer från årsskiftet samma krav på leverantörernas arbetsvillkor."
    )
    assert "system-readmore" not in code.body
    assert "Alla tjugoen" not in code.body
    assert code.body.startswith("<p>Koden bygger på")


def test_without_read_more_the_first_paragraph_or_the_description_is_the_lead(report):
    revision = article(102)
    assert revision.lead == "Kansliet granskade i mars en leverantör av skyddshandskar."
    assert (
        revision.body
        == "<p>Revisorerna besökte två fabriker och intervjuade arbetare på plats.</p>"
    )
    open_data = article(103)
    assert open_data.lead == "Open data helps buyers follow up contracts."
    assert open_data.body.startswith("<p>Draft text")


def test_the_body_is_sanitised_and_old_links_lead_to_the_new_pages(report):
    body = article(101).body
    assert "<script" not in body
    assert "alert" not in body
    assert "target=" not in body
    # Non-SEF with "id:alias", catid and Itemid; SEF with /index.php and .html.
    assert '<a href="/aktuellt/revision-i-malmo/">revisionen i Malmö</a>' in body
    assert '<a href="/aktuellt/hallbarhet-i-vardkedjan/">arbetet i vårdkedjan</a>' in body
    assert 'href="https://www.exempel-region.example/kod"' in body
    # What is left of the old site is linked from the root, where a redirect can catch it.
    assert '<a href="/kontakt">' in body
    assert '<a href="/images/dokument/koden.pdf">' in body
    notes = [note for joomla_id, note in report.notes if joomla_id == 101]
    assert "a link to the old site that leads to no imported article: /kontakt" in notes
    assert "a link to a file on the old site, not moved: images/dokument/koden.pdf" in notes


def test_a_picture_inside_the_text_is_stored_and_linked(report):
    body = article(101).body
    assert "<img" not in body
    stored = list(default_storage.listdir("articles/joomla")[1])
    assert len(stored) == 1
    assert f'<a href="/media/articles/joomla/{stored[0]}">Sömmerskor vid symaskiner</a>' in body
    assert (
        101,
        "a picture inside the text became a link to it: images/nyheter/fabriksgolv.jpg",
    ) in report.notes


def test_the_author_is_the_alias_or_the_users_name_matched_as_other_imports_do(media):
    Person.objects.create(name="åsa lindström")  # already known, written otherwise
    report = run(media)
    assert [a.person.name for a in article(101).authorships.all()] == ["åsa lindström"]
    assert [a.person.name for a in article(102).authorships.all()] == ["Per-Erik Sjöström"]
    assert [a.person.name for a in article(103).authorships.all()] == ["Jörgen Øberg"]
    assert not article(106).authorships.exists()
    assert (106, "author: user 77 is not among the users read; no author set") in report.notes
    assert Person.objects.filter(name__iexact="Åsa Lindström").count() == 1


def test_tags_and_the_category_become_tags(report):
    assert sorted(article(101).tags.names()) == [
        "Mänskliga rättigheter",
        "Nyheter",
        "Uppförandekod",
    ]
    # Tags from the relationships and the tags read; Joomla's "Uncategorised" is no subject.
    assert list(article(102).tags.names()) == ["Revision"]
    assert sorted(article(104).tags.names()) == ["Nyheter", "Uppförandekod"]
    assert list(article(106).tags.names()) == ["Nätverket"]


def test_the_full_text_picture_comes_with_its_alt_text_and_caption(report):
    code = article(101)
    assert code.image
    assert code.image.name.startswith("articles/")
    assert code.image_alt == "Representanter för regionerna runt ett bord"
    assert code.image_caption == "Mötet i Göteborg i oktober"
    assert not code.image_decorative
    assert code.image_renditions["webp"]


def test_a_picture_without_alt_text_is_decorative_and_reported(report):
    revision = article(102)  # only an intro picture
    assert revision.image
    assert revision.image_decorative
    assert revision.image_alt == ""
    assert (102, "the picture has no description: marked decorative (handskar.png)") in report.notes


def test_featured_and_language(report):
    assert article(101).is_featured
    assert not article(104).is_featured
    assert article(101).language == "sv"  # "*"
    assert article(102).language == "sv"  # "sv-SE"
    assert article(103).language == "en"  # "en-GB"


def test_a_second_run_updates_and_creates_nothing_twice(media, tmp_path):
    run(media)
    counts = (Article.objects.count(), Person.objects.count(), Tag.objects.count())
    pictures = dict(Article.objects.values_list("joomla_id", "image"))
    files = sorted(default_storage.listdir("articles/joomla")[1])

    def retitle(articles):
        articles[104]["title"] = "Hållbarhet i hela vårdkedjan"
        articles[106]["state"] = -2

    report = run(media, copy_documents(tmp_path / "igen", retitle))
    assert (report.created, report.updated, report.failed) == (0, 4, [])
    assert (Article.objects.count(), Person.objects.count(), Tag.objects.count()) == counts
    assert dict(Article.objects.values_list("joomla_id", "image")) == pictures
    assert sorted(default_storage.listdir("articles/joomla")[1]) == files
    assert article(104).title == "Hållbarhet i hela vårdkedjan"
    # Trashed on the old site after it was imported: said so, not deleted here.
    assert (
        106,
        "in the trash on the old site; imported before, it is still here: unpublish it by hand",
    ) in report.skipped
    assert article(104).slug == "hallbarhet-i-vardkedjan"
    assert Authorship.objects.filter(article__joomla_id=101).count() == 1


def test_a_dry_run_checks_everything_and_writes_nothing(media):
    report = run(media, dry_run=True)
    assert (report.created, report.updated, report.failed) == (5, 0, [])
    assert report.dry_run
    assert "dry run" in str(report)
    assert not Article.objects.exists()
    assert not Person.objects.exists()
    assert not Tag.objects.exists()
    assert not default_storage.exists("articles")


def test_a_failing_article_writes_nothing_and_the_rest_is_kept(media, tmp_path):
    def spoil(articles):
        articles[101]["created_by_alias"] = "Å" * 300  # longer than a person's name may be
        articles[104]["title"] = ""

    report = run(media, copy_documents(tmp_path / "trasig", spoil))
    assert [joomla_id for joomla_id, _reason in report.failed] == [101, 104]
    assert "title" in dict(report.failed)[104]
    assert sorted(Article.objects.values_list("joomla_id", flat=True)) == [102, 103, 106]
    # 101 was saved before its author failed: the whole article went back.
    assert not Authorship.objects.filter(person__name__startswith="ÅÅÅ").exists()
    assert not Tag.objects.filter(name="Mänskliga rättigheter").exists()


def test_the_command_reports_by_joomla_id_and_fails_on_a_failed_article(media, tmp_path, capsys):
    call_command("import_joomla", str(FOLDER), "--media", str(media))
    out, err = capsys.readouterr()
    assert "Joomla: 6 articles: 5 created, 0 updated, 1 skipped, 0 failed" in out
    assert "joomla id 105: skipped: in the trash on the old site" in err
    assert "joomla id 102: check: the picture has no description" in err

    def spoil(articles):
        articles[106]["publish_up"] = "den 20 maj"

    with pytest.raises(CommandError, match="1 failed"):
        call_command(
            "import_joomla", str(copy_documents(tmp_path / "fel", spoil)), "--media", str(media)
        )
    assert (
        "joomla id 106: failed: publish_up: 'den 20 maj' is not a date and time"
        in capsys.readouterr().err
    )


def test_unreadable_sources_are_refused_with_a_clear_message(tmp_path):
    with pytest.raises(CommandError, match="no such folder"):
        call_command("import_joomla", str(tmp_path / "saknas"))
    (tmp_path / "trasig").mkdir()
    (tmp_path / "trasig" / "artiklar.json").write_text("{inte json", encoding="utf-8")
    with pytest.raises(CommandError, match=r"artiklar\.json: not valid JSON"):
        call_command("import_joomla", str(tmp_path / "trasig"))
    (tmp_path / "trasig" / "artiklar.json").write_text('{"errors": []}', encoding="utf-8")
    with pytest.raises(SourceError, match="not a JSON:API document"):
        read_folder(tmp_path / "trasig")
    with pytest.raises(CommandError, match="--media"):
        call_command("import_joomla", str(FOLDER), "--media", str(tmp_path / "inga-bilder"))


def test_an_alias_two_articles_share_is_reported(media, tmp_path, client):
    def share(articles):
        articles[104]["alias"] = "revision-i-malmo"

    report = run(media, copy_documents(tmp_path / "delad", share))
    assert (
        102,
        "the alias 'revision-i-malmo' is also article 104's: an old address with the alias "
        "alone leads to neither (add a redirect if needed)",
    ) in report.notes
    assert article(104).slug == "revision-i-malmo-2"
    assert client.get("/nyheter/revision-i-malmo").status_code == 404
    assert (
        client.get("/nyheter/104-revision-i-malmo")["Location"] == "/aktuellt/revision-i-malmo-2/"
    )


def test_odd_documents_fail_one_article_with_a_reason_never_the_run(media, tmp_path):
    def garble(articles):
        articles[101]["title"] = "Rubrik med \x00 i"
        articles[102]["images"] = 17
        articles[102]["tags"] = {"7": 7}
        articles[104]["state"] = "publicerad"
        articles[106]["language"] = "de-DE"

    folder = copy_documents(tmp_path / "konstig", garble)
    document = json.loads((folder / "articles-1.json").read_text(encoding="utf-8"))
    document["data"][2]["relationships"] = ["inte", "ett", "objekt"]
    (folder / "articles-1.json").write_text(json.dumps(document), encoding="utf-8")
    report = run(media, folder)
    assert dict(report.failed) == {
        101: "PostgreSQL text fields cannot contain NUL (0x00) bytes",
        104: "state 'publicerad' is not a number",
    }
    assert list(article(102).tags.names()) == ["7"]
    assert not article(102).image
    # Without relationships, the attributes still name the author (not the category).
    assert [a.person.name for a in article(103).authorships.all()] == ["Jörgen Øberg"]
    assert not article(103).tags.exists()
    assert article(106).language == "sv"
    assert (106, "language 'de-DE' is neither Swedish nor English: imported as Swedish") in (
        report.notes
    )


@pytest.mark.parametrize(
    ("attributes", "lead", "body", "notes"),
    [
        (  # introtext and fulltext apart, as some sites' plugins serve them
            {"introtext": "<p>Kort om mötet.</p>", "fulltext": "<p>Allt om mötet.</p>"},
            "Kort om mötet.",
            "<p>Allt om mötet.</p>",
            [],
        ),
        (  # an introduction with a link keeps it in the text too
            {"text": '<p>Se <a href="/x">x</a>.</p><hr id="system-readmore"><p>Mer.</p>'},
            "Se x.",
            '<p>Se <a href="/x">x</a>.</p>\n<p>Mer.</p>',
            ["the introduction has links or pictures: kept at the top of the text too"],
        ),
        (  # the marker as Joomla's editor wrote it, attributes in another order
            {
                "text": "<p>Ingress.</p><hr title=\"Läs mer\" id='system-readmore' />"
                "<p>Brödtext.</p>"
            },
            "Ingress.",
            "<p>Brödtext.</p>",
            [],
        ),
        ({"title": "Bara rubrik", "text": ""}, "Bara rubrik", "", ["no text"]),
        (
            {"title": "Lista", "text": "<ul><li>Ett</li></ul>"},
            "Lista",
            "<ul><li>Ett</li></ul>",
            ["no introduction: the title stands in as the lead"],
        ),
    ],
)
def test_lead_and_body(attributes, lead, body, notes):
    found = []
    assert fields.lead_and_body(attributes, found) == (lead, body)
    assert found == notes


def test_a_text_that_is_not_text_fails_its_article(media, tmp_path):
    def garble(articles):
        articles[104]["text"] = ["<p>En lista</p>"]

    report = run(media, copy_documents(tmp_path / "lista", garble))
    assert report.failed == [(104, "text: must be text")]


def test_progress_is_told_after_each_article(media):
    told = []
    run(media, dry_run=True, progress=lambda done, total: told.append((done, total)))
    assert told == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
