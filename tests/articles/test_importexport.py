"""The JSONL import and export: the format is a contract."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation
from PIL import Image
from reversion.models import Revision, Version
from taggit.models import Tag

from articles.importexport import export_articles, import_articles
from articles.models import Article
from events.models import Person
from secretariat.operations import page_cache
from tests.factories import ArticleFactory, EventFactory, PersonFactory

pytestmark = pytest.mark.django_db


def record(**fields):
    base = {
        "title": "Revision i Sialkot",
        "slug": "revision-i-sialkot",
        "lead": "Kansliet besökte verkstäder.",
        "body": "<p>Text.</p>",
        "status": "published",
        "published_at": "2019-03-14T16:00:00+01:00",
        "authors": ["Sara Nyberg", "Johan Ekström"],
        "tags": ["revision", "medicinteknik"],
        "language": "sv",
    }
    return base | fields


def lines(*records):
    return [json.dumps(item, ensure_ascii=False) for item in records]


def picture(path):
    Image.new("RGB", (800, 600), (40, 120, 90)).save(path, "JPEG")
    return path


def test_import_creates_authors_tags_and_is_idempotent():
    PersonFactory(name="Sara Nyberg")
    report = import_articles(lines(record()))
    assert (report.created, report.updated, report.errors) == (1, 0, [])
    article = Article.objects.get(slug="revision-i-sialkot")
    assert [a.person.name for a in article.authorships.order_by("order")] == [
        "Sara Nyberg",
        "Johan Ekström",
    ]
    assert Person.objects.filter(name="Sara Nyberg").count() == 1
    assert sorted(article.tags.names()) == ["medicinteknik", "revision"]

    report = import_articles(lines(record(title="Ny rubrik", authors=["Johan Ekström"])))
    assert (report.created, report.updated) == (0, 1)
    article.refresh_from_db()
    assert article.title == "Ny rubrik"
    assert [a.person.name for a in article.authorships.all()] == ["Johan Ekström"]


def test_bad_lines_are_reported_with_numbers_and_write_nothing():
    source = [
        *lines(record(slug="bra")),
        "{not json",
        *lines(
            record(slug="stavfel", titel="Felstavat fält"),
            record(slug="fel-status", status="live"),
            record(slug="utan-zon", published_at="2019-03-14T16:00"),
            record(slug="okant-evenemang", events=["finns-inte"]),
            record(slug="bild-saknas", image="saknas.jpg", image_alt="Bild"),
            record(slug="utan-titel", title=""),
        ),
        "",
        *lines(record(slug="ocksa-bra", authors=["Ny Person"])),
    ]
    report = import_articles(source)
    assert [number for number, _ in report.errors] == [2, 3, 4, 5, 6, 7, 8]
    reasons = dict(report.errors)
    assert "titel" in reasons[3]
    assert "finns-inte" in reasons[6]
    assert sorted(Article.objects.values_list("slug", flat=True)) == ["bra", "ocksa-bra"]


def test_events_are_linked_by_slug():
    EventFactory(slug="workshop-stockholm")
    import_articles(lines(record(events=["workshop-stockholm"])))
    assert [e.slug for e in Article.objects.get().events.all()] == ["workshop-stockholm"]


def test_dry_run_writes_nothing(tmp_path):
    picture(tmp_path / "bild.jpg")
    report = import_articles(
        lines(record(image="bild.jpg", image_alt="En verkstad")), base_dir=tmp_path, dry_run=True
    )
    assert report.created == 1
    assert not Article.objects.exists()
    assert not Person.objects.exists()


def test_image_needs_a_description(tmp_path):
    picture(tmp_path / "bild.jpg")
    report = import_articles(lines(record(image="bild.jpg")), base_dir=tmp_path)
    assert [number for number, _ in report.errors] == [1]
    assert not Article.objects.exists()


def test_a_file_that_is_not_a_picture_is_refused(tmp_path):
    (tmp_path / "bild.jpg").write_text("inte en bild")
    report = import_articles(
        lines(record(image="bild.jpg", image_alt="En bild")), base_dir=tmp_path
    )
    assert report.errors[0][0] == 1
    assert not Article.objects.exists()


def test_export_then_import_into_an_empty_database_gives_the_same_articles(tmp_path):
    picture(tmp_path / "bild.jpg")
    import_articles(
        lines(record(image="bild.jpg", image_alt="En verkstad", image_credit="Foto: Kansliet")),
        base_dir=tmp_path,
    )
    ArticleFactory(slug="utkast", status="draft", language="en", tags=["klimat"])
    path = tmp_path / "export" / "articles.jsonl"
    path.parent.mkdir()
    assert export_articles(path) == 2
    before = [json.loads(line) for line in path.read_text().splitlines()]

    Article.objects.all().delete()
    report = import_articles(path.read_text().splitlines(), base_dir=path.parent)
    assert report.errors == []
    export_articles(path)
    after = [json.loads(line) for line in path.read_text().splitlines()]
    assert after == before
    # By slug: the factory's dates go further back with every article a process made.
    assert {line["slug"]: line for line in before}["revision-i-sialkot"]["image"]
    assert Article.objects.get(slug="revision-i-sialkot").image_renditions["webp"]


def test_reimporting_the_same_picture_copies_nothing(tmp_path):
    picture(tmp_path / "bild.jpg")
    source = lines(record(image="bild.jpg", image_alt="En verkstad"))
    import_articles(source, base_dir=tmp_path)
    name = Article.objects.get().image.name
    import_articles(source, base_dir=tmp_path)
    assert Article.objects.get().image.name == name


def test_commands(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join([*lines(record()), '{"title": "x", "bogus": 1}']) + "\n")
    with pytest.raises(CommandError, match="1 bad lines"):
        call_command("import_articles", str(source))
    assert f"{source}:2: unknown field(s): bogus" in capsys.readouterr().err
    source.write_text("\n".join(lines(record(slug="torrsim"))) + "\n")
    call_command("import_articles", str(source), "--dry-run")
    assert not Article.objects.filter(slug="torrsim").exists()
    call_command("export_articles", str(tmp_path / "out.jsonl"))
    assert '"slug": "revision-i-sialkot"' in (tmp_path / "out.jsonl").read_text()


def test_a_line_only_the_database_refuses_is_one_bad_line_and_its_batch_is_kept():
    # Only the database knows that a tag name is too long; the line's new
    # author goes with it, and the next line that names her makes her anew.
    source = lines(
        *(record(slug=f"artikel-{n}", title=f"Artikel {n}") for n in range(1, 4)),
        record(slug="for-lang-tagg", tags=["t" * 150], authors=["Åsa Ørn"]),
        record(slug="artikel-5", title="Artikel 5", tags=["revision", "ny tagg"]),
        record(slug="artikel-6", authors=["Åsa Ørn"]),
    )
    report = import_articles(source, batch_size=5)

    assert [number for number, _ in report.errors] == [4]
    assert "too long" in report.errors[0][1]
    assert (report.created, report.updated) == (5, 0)
    assert not Article.objects.filter(slug="for-lang-tagg").exists()
    assert sorted(Article.objects.values_list("slug", flat=True)) == [
        "artikel-1",
        "artikel-2",
        "artikel-3",
        "artikel-5",
        "artikel-6",
    ]
    assert Article.objects.get(slug="artikel-6").authors.get().name == "Åsa Ørn"
    fifth = Article.objects.get(slug="artikel-5")
    assert sorted(fifth.tags.names()) == ["ny tagg", "revision"]
    assert [a.person.name for a in fifth.authorships.all()] == ["Sara Nyberg", "Johan Ekström"]
    # Each article kept has its version; the refused line has none.
    for article in Article.objects.all():
        assert Version.objects.get_for_object(article).count() == 1
    assert Version.objects.get_for_model(Article).count() == 5


def test_a_slug_twice_in_one_batch_is_created_then_updated():
    source = lines(record(title="Första versionen"), record(title="Andra versionen"))
    report = import_articles(source)
    assert (report.created, report.updated, report.errors) == (1, 1, [])
    assert Article.objects.get().title == "Andra versionen"


def test_a_batch_matches_people_ignoring_case_and_tags_exactly():
    PersonFactory(name="Sara Nyberg")
    source = lines(
        record(slug="a", authors=["sara  nyberg", "Ny Skribent"], tags=["Miljö", "miljö"]),
        record(slug="b", authors=["NY SKRIBENT"], tags=["miljö"]),
    )
    report = import_articles(source)
    assert report.errors == []
    assert Person.objects.filter(name__iexact="sara nyberg").count() == 1
    assert Person.objects.filter(name__iexact="ny skribent").count() == 1
    first, second = Article.objects.get(slug="a"), Article.objects.get(slug="b")
    assert sorted(first.tags.names()) == ["Miljö", "miljö"]
    assert list(second.tags.names()) == ["miljö"]
    assert first.authors.get(name__iexact="ny skribent") == second.authors.get()
    # Different tags whose plain slugs clash still get slugs of their own.
    assert len({tag.slug for tag in first.tags.all()}) == 2


def test_a_line_is_refused_with_the_reasons_the_model_gives():
    source = lines(
        record(slug="rad-1", title="x" * 251),
        record(slug="med mellanslag", image_alt="y" * 251),
        record(slug="sok"),
        record(slug="rad-4", image_caption="c" * 501),
        record(slug="rad-5", image_credit="f" * 201),
    )
    with translation.override("en"):
        report = import_articles(source)
    reasons = dict(report.errors)
    assert sorted(reasons) == [1, 2, 3, 4, 5]
    assert reasons[1] == "title: Ensure this value has at most 250 characters (it has 251)."
    assert "slug: Enter a valid “slug”" in reasons[2]
    assert "image_alt: Ensure this value has at most 250 characters" in reasons[2]
    assert reasons[3] == "slug: This address is used by the news pages. Choose another."
    assert reasons[4].startswith("image_caption: Ensure this value has at most 500")
    assert reasons[5].startswith("image_credit: Ensure this value has at most 200")
    assert not Article.objects.exists()


def test_the_body_is_stored_as_the_admin_stores_it():
    # Sanitised by the model's own field, as for any save.
    body = "<h2><b></p><p>&nbsp;<br><hr><math><h2>\xa0<img src=x onerror=y>"
    saved = ArticleFactory.build(slug="i-admin", body=body)
    saved.full_clean()
    saved.save()
    import_articles(lines(record(slug="importerad", body=body)))
    imported = Article.objects.get(slug="importerad")
    assert imported.body == Article.objects.get(slug="i-admin").body
    assert "onerror" not in imported.body


def test_the_reasons_are_in_the_callers_language():
    with translation.override("en"):
        report = import_articles(lines(record(title="x" * 251)))
    assert report.errors == [
        (1, "title: Ensure this value has at most 250 characters (it has 251).")
    ]


def test_a_bad_line_in_a_batch_writes_nothing_and_the_rest_is_written():
    # Line 2 is refused by the checks, line 4 only by the database (NUL);
    # the others are written with their authors and tags.
    source = lines(
        record(slug="ett", tags=["ett"]),
        record(slug="tva", title="x" * 251, tags=["tva"]),
        record(slug="tre", tags=["tre"], authors=["Tre Skribent"]),
        record(slug="fyra", title="fy\x00ra", tags=["fyra"], authors=["Fyra Skribent"]),
        record(slug="fem", tags=["fem"]),
    )
    report = import_articles(source)
    assert [number for number, _ in report.errors] == [2, 4]
    assert (report.created, report.updated) == (3, 0)
    assert sorted(Article.objects.values_list("slug", flat=True)) == ["ett", "fem", "tre"]
    assert sorted(Tag.objects.values_list("name", flat=True)) == ["ett", "fem", "tre"]
    assert not Person.objects.filter(name="Fyra Skribent").exists()
    assert Article.objects.get(slug="tre").authors.get().name == "Tre Skribent"


def test_an_update_replaces_the_links_and_keeps_a_time_the_line_leaves_out():
    import_articles(lines(record(slug="a"), record(slug="b")))
    first = {article.slug: article for article in Article.objects.all()}
    assert first["a"].updated_at == first["a"].published_at  # An import is not an edit.

    report = import_articles(
        lines(
            record(slug="a", title="Ny rubrik", published_at=None, authors=[], tags=["ny"]),
            record(slug="b", published_at="2020-01-01T12:00:00+01:00"),
            record(slug="c", published_at=None),
        )
    )
    assert (report.created, report.updated, report.errors) == (1, 2, [])
    a, b, c = Article.objects.order_by("slug")
    assert (a.title, a.published_at) == ("Ny rubrik", first["a"].published_at)
    assert a.updated_at > first["a"].updated_at
    assert (list(a.authors.all()), list(a.tags.names())) == ([], ["ny"])
    assert b.published_at.isoformat() == "2020-01-01T11:00:00+00:00"
    assert [p.name for p in b.authors.order_by("authorships__order")] == [
        "Sara Nyberg",
        "Johan Ekström",
    ]
    assert c.published_at == c.updated_at  # Now: a new article without a time.


def test_a_slug_twice_in_one_batch_updates_an_existing_article_with_the_last_line():
    import_articles(lines(record(title="Första versionen")))
    report = import_articles(lines(record(title="Andra"), record(title="Tredje", tags=["sist"])))
    assert (report.created, report.updated, report.errors) == (0, 2, [])
    article = Article.objects.get()
    assert (article.title, list(article.tags.names())) == ("Tredje", ["sist"])


def test_a_lone_surrogate_escape_is_one_bad_line():
    # Valid JSON, but no text: it once stopped the whole import.
    source = [*lines(record(slug="forsta")), '{"title": "Halv \\ud800", "slug": "halv"}']
    source += lines(record(slug="tredje"))
    report = import_articles(source)
    assert report.errors == [(2, "not UTF-8 text: a \\u escape of half a character")]
    assert sorted(Article.objects.values_list("slug", flat=True)) == ["forsta", "tredje"]


def test_each_imported_article_has_a_version_in_its_history(tmp_path):
    source = tmp_path / "arkiv.jsonl"
    source.write_text("\n".join(lines(record(), record(slug="utan-titel", title=""))) + "\n")
    with pytest.raises(CommandError, match="1 bad lines"):
        call_command("import_articles", str(source))

    article = Article.objects.get()
    version = Version.objects.get_for_object(article).get()
    assert "arkiv.jsonl" in version.revision.get_comment()
    assert version.field_dict["title"] == "Revision i Sialkot"
    # The version holds the authors as the line left them (and the new people).
    in_revision = {v.object_repr for v in version.revision.version_set.all()}
    assert {"Sara Nyberg", "Johan Ekström"} <= in_revision
    assert Revision.objects.count() == 1  # The bad line left no history.

    source.write_text("\n".join(lines(record(title="Ny rubrik"))) + "\n")
    call_command("import_articles", str(source), "--dry-run")
    assert Revision.objects.count() == 1


def test_an_import_makes_the_cached_pages_stale_once(django_capture_on_commit_callbacks):
    before = page_cache.current_generation()
    source = lines(*(record(slug=f"nyhet-{n}", tags=[f"ämne {n}"]) for n in range(5)))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        report = import_articles(source, batch_size=2)
    assert report.created == 5
    assert callbacks.count(page_cache.bump_generation) == 1
    assert page_cache.current_generation() != before

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        import_articles(source, dry_run=True)
    assert page_cache.bump_generation not in callbacks


def test_a_batch_is_one_revision_with_a_version_of_each_article():
    source = lines(*(record(slug=f"nyhet-{n}", title=f"Nyhet {n}") for n in range(5)))
    report = import_articles(source, batch_size=2, source="arkiv.jsonl")
    assert report.created == 5
    assert Revision.objects.count() == 3
    for article in Article.objects.all():
        version = Version.objects.get_for_object(article).get()
        assert version.field_dict["title"] == article.title
        assert "arkiv.jsonl" in version.revision.get_comment()
        in_revision = {v.object_repr for v in version.revision.version_set.all()}
        assert {article.title, "Sara Nyberg", "Johan Ekström"} <= in_revision


def test_an_import_costs_a_few_queries_a_batch_and_one_a_new_article(
    django_assert_max_num_queries,
):
    # People and tags are looked up once an import, articles and tags once a batch.
    import_articles(lines(record(slug="forsta")))
    source = lines(*(record(slug=f"nyhet-{n}", title=f"Nyhet {n}") for n in range(40)))
    with django_assert_max_num_queries(40 + 20):
        report = import_articles(source)
    assert report.created == 40
    article = Article.objects.get(slug="nyhet-39")
    assert [a.person.name for a in article.authorships.all()] == ["Sara Nyberg", "Johan Ekström"]
    assert sorted(article.tags.names()) == ["medicinteknik", "revision"]
    assert article.updated_at == article.published_at


def test_a_line_the_checks_refuse_does_not_change_what_the_next_line_reads():
    import_articles(lines(record(slug="a", title="Första")))
    report = import_articles(
        lines(
            record(slug="a", title="x" * 251, published_at="2001-01-01T12:00:00+01:00"),
            record(slug="a", title="Andra", published_at=None),
        )
    )
    assert [number for number, _ in report.errors] == [1]
    article = Article.objects.get()
    assert article.title == "Andra"
    assert article.published_at.isoformat() == "2019-03-14T15:00:00+00:00"
    assert Version.objects.get_for_object(article).first().field_dict["title"] == "Andra"


def test_imported_articles_are_found_by_search_whether_or_not_a_letter_is_folded():
    import_articles(
        lines(
            record(slug="bodo", title="Besök i Bodø", body="<p>Sykehusinnkjøp HF köper in.</p>"),
            record(slug="lakemedel", title="Läkemedel", body="<p>Hållbar upphandling.</p>"),
            record(slug="ide", title="En idé", lead="Om ett café i Malmö.", body=""),
        )
    )

    def found(text):
        return sorted(Article.objects.search(text).values_list("slug", flat=True))

    assert found("sykehusinnkjop") == found("Sykehusinnkjøp") == ["bodo"]
    assert found("bodo") == ["bodo"]
    assert found("cafe") == found("café") == ["ide"]
    # Å, ä and ö are letters of their own, never folded.
    assert found("hållbar") == ["lakemedel"]
    assert found("hallbar") == []
    assert found("läkemedel") == ["lakemedel"]


def test_a_version_holds_what_the_line_wrote_and_restores_a_findable_article():
    import_articles(lines(record(title="Sjukhusens upphandling")))
    import_articles(lines(record(title="Ny rubrik om läkemedel")))
    article = Article.objects.get()
    first = Version.objects.get_for_object(article).last()
    # The search vector is the database's own, computed from these fields.
    assert "search_vector" not in first.field_dict
    assert first.field_dict["updated_at"] == article.published_at  # An import is not an edit.

    first.revert()
    assert Article.objects.get().title == "Sjukhusens upphandling"
    assert list(Article.objects.search("sjukhusens").values_list("slug", flat=True)) == [
        "revision-i-sialkot"
    ]


def test_a_scheduled_article_is_not_dated_as_updated_in_the_future():
    before = timezone.now()
    import_articles(lines(record(published_at="2999-01-01T12:00:00+01:00")))
    article = Article.objects.get()
    assert before <= article.updated_at <= timezone.now()
