"""Moving articles in and out as JSON Lines: one article per line.

The format is a contract (the old site's archive and the benchmarks use it)::

    {"title": "…", "slug": "…", "lead": "…", "body": "<p>…</p>",
     "status": "published", "published_at": "2019-03-14T16:00:00+01:00",
     "authors": ["Karin Lindqvist Berg"], "tags": ["uppförandekod"], "language": "sv",
     "image": "images/bild.jpg", "image_alt": "…", "image_decorative": false,
     "image_caption": "…", "image_credit": "…", "events": ["event-slug"], "is_featured": false}

``image`` is a path relative to the JSONL file's folder; ``authors`` are people
matched by name (created when missing); ``events`` are slugs of existing events.
A key the format does not know is an error for that line. Import is idempotent
on ``slug``; a bad line is reported with its number and writes nothing.

Lines are written a batch at a time (``ArticleWriter``): each line is checked
in Python (what ``full_clean`` checks, field by field, without an Article),
the next batch while the database writes this one; then a batch of articles
is updated or inserted in one statement, and its authors, tags and events are
looked up, created and linked in a few more. Most of the time goes to
PostgreSQL making each article's Swedish search vector and indexing it. A line
with an image goes through ``_save``, one at a time, as does every line of a
batch the database refused, so that the bad line is found and reported.
"""

import functools
import hashlib
import json
from collections import Counter
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import connection
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from events.models import Event, Person
from events.people import find_or_create_person
from secretariat.content import jsonl
from secretariat.content.jsonl import ImportReport, LineError
from secretariat.content.richtext import sanitize_html
from secretariat.content.slugs import slug_base
from secretariat.media.images import open_verified

from .models import Article, Authorship, validate_free_slug

__all__ = ["ImportReport", "LineError", "export_articles", "export_records", "import_articles"]

TEXT_FIELDS = ("title", "slug", "lead", "body", "image_alt", "image_caption", "image_credit")
FLAG_FIELDS = ("image_decorative", "is_featured")
LIST_FIELDS = ("authors", "tags", "events")
FIELDS = (
    *TEXT_FIELDS,
    "status",
    "published_at",
    "language",
    "image",
    *FLAG_FIELDS,
    *LIST_FIELDS,
)
REQUIRED = ("title", "slug", "lead")
# Read once: each read of an enum's values makes a new list.
STATUSES, DRAFT = Article.Status.values, Article.Status.DRAFT.value
LANGUAGES, SWEDISH = Article.Language.values, Article.Language.SWEDISH.value


def _clean_record(record):
    """The record's values checked for type and known keys; raises LineError."""
    jsonl.check_keys(record, FIELDS, REQUIRED)
    values = {name: jsonl.text(record, name) for name in TEXT_FIELDS}
    values |= {name: jsonl.flag(record, name) for name in FLAG_FIELDS}
    values |= {name: jsonl.names(record, name) for name in LIST_FIELDS}
    values["image"] = jsonl.text(record, "image")
    values["status"] = jsonl.choice(record.get("status") or DRAFT, "status", STATUSES)
    values["language"] = jsonl.choice(record.get("language") or SWEDISH, "language", LANGUAGES)
    published_at = jsonl.moment(record, "published_at")
    if published_at:
        values["published_at"] = published_at
    return values


def _save(record, base_dir, dry_run):
    """Create or update one article from a line; returns whether it was created."""
    values = _clean_record(record)
    events = list(Event.objects.filter(slug__in=values["events"]))
    missing_events = sorted(set(values["events"]) - {event.slug for event in events})
    if missing_events:
        raise LineError(f"no event with slug {', '.join(missing_events)}")
    image = jsonl.file_path(values, "image", base_dir)

    article = Article.objects.filter(slug=values["slug"]).first()
    created = article is None
    article = article or Article(slug=values["slug"])
    for name in (*TEXT_FIELDS, "status", "language", *FLAG_FIELDS):
        setattr(article, name, values[name])
    if "published_at" in values:
        article.published_at = values["published_at"]
    stored_image = article.image.name
    if image is None:
        article.image = ""
        article.image_source = ""
    new_image = image is not None and not _same_image(article, image)
    if new_image:
        _verify_picture(image)
        # The name alone lets full_clean check the image rules (a description).
        article.image.name = values["image"]
    article.full_clean()
    if new_image and dry_run:
        article.image.name = stored_image  # Checked, not stored.
    elif new_image:
        with image.open("rb") as handle:
            article.image = File(handle, name=image.name)
            article.save()  # Verifies, cleans and stores the picture under a new name.
        article.image_source = f"{_image_source(image)} {article.image.name}"
    article.save()
    if created:
        # An import is not an edit: a moved archive should not read "updated today".
        Article.objects.filter(pk=article.pk).update(
            updated_at=min(article.published_at, timezone.now())
        )

    article.authorships.all().delete()
    Authorship.objects.bulk_create(
        Authorship(article=article, person=find_or_create_person(name), order=order)
        for order, name in enumerate(dict.fromkeys(values["authors"]))
    )
    article.tags.set(values["tags"], clear=True)
    article.events.set(events)
    return created


def _verify_picture(path):
    try:
        with path.open("rb") as handle:
            open_verified(handle).close()
    except ValidationError as error:
        raise LineError(f"image: {path.name}: {' '.join(error.messages)}") from None


def _image_source(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _same_image(article, path):
    """Whether the article already holds this file, so a re-import copies nothing."""
    return bool(article.image) and article.image_source == (
        f"{_image_source(path)} {article.image.name}"
    )


class ArticleWriter(jsonl.BatchWriter):
    """Articles without an image, a batch at a time; see the module's docstring."""

    def __init__(self, base_dir, dry_run):
        self.save_one = functools.partial(_save, base_dir=base_dir, dry_run=dry_run)

    def prepare(self, record):
        values = _clean_record(record)
        if values["image"]:
            return record, None  # Checked and written by _save, picture and all.
        body = values["body"]
        _check_fields(values)
        # Stored as a save stores it: RichTextField.pre_save sanitises the sanitised
        # HTML again, which changes nothing when the line's HTML was clean already.
        if values["body"] != body:
            values["body"] = sanitize_html(values["body"])
        return record, values

    def write(self, prepared_lines):
        plain = [values for _, values in prepared_lines if values is not None]
        created = sum(self.save_one(record) for record, values in prepared_lines if not values)
        if not plain:
            return created
        events = _events_by_slug({slug for values in plain for slug in values["events"]})
        for values in plain:
            missing = sorted(set(values["events"]) - set(events))
            if missing:
                raise LineError(f"no event with slug {', '.join(missing)}")
        if len({values["slug"] for values in plain}) < len(plain):
            raise LineError("a slug twice in one batch")  # Line by line, the last one wins.
        written = _upsert(plain)
        if len(written) < len(plain):
            raise LineError("an article was added meanwhile")  # Line by line, as it is now.
        pks = {slug: pk for slug, pk, _created in written}
        _link(plain, pks, events, linked=[pk for _slug, pk, created in written if not created])
        return created + sum(created for _slug, _pk, created in written)


def _check_fields(values):
    """What ``Article.full_clean`` checks of a line's values, without an Article.

    The same field checks, in the same order, with the same messages: each
    text field cleaned by the model's own field (its length, the slug's
    characters, the body's HTML sanitised), then the rule of ``Article.clean``
    that needs no database. Status, language, the flags and the time were
    checked by ``_clean_record``; the image fields are empty. What only the
    database can refuse (a NUL character, a tag too long) it refuses.
    """
    errors = {}
    for name in TEXT_FIELDS:
        field = Article._meta.get_field(name)
        value = values[name]
        if field.blank and value in field.empty_values:
            continue
        try:
            values[name] = field.clean(value, None)
        except ValidationError as error:
            errors[name] = error.error_list
    try:
        validate_free_slug(values["slug"])
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


# The columns a line without an image sets (its image is removed), and their types
# in the statement. Article's columns are named as its fields.
UPSERT_COLUMNS = {
    **dict.fromkeys((*TEXT_FIELDS, "status", "language"), "text"),
    **dict.fromkeys(FLAG_FIELDS, "boolean"),
}
UPSERT = """
WITH line AS (
    SELECT * FROM json_to_recordset(%(lines)s::json) AS line({typed}, published_at timestamptz)
), updated AS (
    UPDATE {table} AS article SET {assigned},
        image = '', image_renditions = '{{}}', image_source = '',
        published_at = COALESCE(line.published_at, article.published_at), updated_at = %(now)s
    FROM line WHERE article.slug = line.slug
    RETURNING article.slug, article.id
), inserted AS (
    INSERT INTO {table} ({columns}, image, image_renditions, image_source, published_at, updated_at)
    SELECT {line_columns}, '', '{{}}', '',
        COALESCE(line.published_at, %(now)s), LEAST(line.published_at, %(now)s)
    FROM line WHERE line.slug NOT IN (SELECT slug FROM updated)
    ON CONFLICT (slug) DO NOTHING
    RETURNING slug, id
)
SELECT slug, id, false FROM updated UNION ALL SELECT slug, id, true FROM inserted
"""


def _upsert(lines):
    """Update the article with each line's slug, or insert one: one statement.

    Returns (slug, pk, created) for each line written. The lines go as one
    JSON array, which PostgreSQL reads as rows. An existing article is updated
    in place, not through INSERT … ON CONFLICT DO UPDATE, which would compute
    its search vector twice (for the row proposed, then for the update).

    A line without a time leaves an existing article's time as it is and
    gives a new one the time now. A new article reads "last updated" at its
    publication time (an import is not an edit: a moved archive should not
    read "updated today"), an updated one at now. A slug that another
    transaction inserted meanwhile is left out (the caller's count tells).
    """
    sql = UPSERT.format(
        table=connection.ops.quote_name(Article._meta.db_table),
        typed=", ".join(f"{name} {kind}" for name, kind in UPSERT_COLUMNS.items()),
        assigned=", ".join(f"{name} = line.{name}" for name in UPSERT_COLUMNS),
        columns=", ".join(UPSERT_COLUMNS),
        line_columns=", ".join(f"line.{name}" for name in UPSERT_COLUMNS),
    )
    rows = [
        {name: values[name] for name in UPSERT_COLUMNS}
        | {"published_at": values["published_at"].isoformat() if "published_at" in values else None}
        for values in lines
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, {"lines": json.dumps(rows, ensure_ascii=False), "now": timezone.now()})
        return cursor.fetchall()


def _events_by_slug(slugs):
    return dict(Event.objects.filter(slug__in=slugs).values_list("slug", "pk"))


def _link(lines, pks, events, *, linked):
    """Replace the authors, tags and events of the batch's articles: a few statements.

    ``pks`` is each slug's article; ``linked`` the articles that were there
    before the batch (new ones have nothing to replace).
    """
    people = _people_by_name({name for values in lines for name in values["authors"]})
    tags = _tags_by_name({name for values in lines for name in values["tags"]})
    article_type = ContentType.objects.get_for_model(Article)
    through = Article.events.through
    if linked:
        # Plain DELETEs: a QuerySet.delete() would send a signal for every row.
        with connection.cursor() as cursor:
            for table, column, extra in (
                (Authorship._meta.db_table, "article_id", ""),
                (through._meta.db_table, "article_id", ""),
                (
                    TaggedItem._meta.db_table,
                    "object_id",
                    f"AND content_type_id = {article_type.pk}",
                ),
            ):
                cursor.execute(
                    f"DELETE FROM {table} WHERE {column} = ANY(%s) {extra}",  # noqa: S608
                    [linked],
                )
    authorships, tagged, related = [], [], []
    for values in lines:
        pk = pks[values["slug"]]
        authors = dict.fromkeys(people[_normal_name(name)] for name in values["authors"])
        authorships += ((pk, person, order) for order, person in enumerate(authors))
        tagged += ((article_type.pk, pk, tags[name]) for name in values["tags"])
        related += ((pk, events[slug]) for slug in values["events"])
    _insert_rows(Authorship, ("article_id", "person_id", "order"), authorships)
    _insert_rows(TaggedItem, ("content_type_id", "object_id", "tag_id"), set(tagged))
    _insert_rows(through, ("article_id", "event_id"), set(related))


def _insert_rows(model, columns, rows):
    """Rows of a link table in one statement, with no model object per row.

    The values (integers) go as one array per column, which PostgreSQL unnests
    into rows; each written as an array literal ("{1,2,3}"), which psycopg
    sends as it is rather than converting value by value.
    """
    rows = list(rows)
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    arrays = ", ".join(["%s::bigint[]"] * len(columns))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({names}) SELECT * FROM unnest({arrays})",  # noqa: S608
            ["{" + ",".join(map(str, column)) + "}" for column in zip(*rows, strict=True)],
        )


def _normal_name(name):
    return " ".join(name.split())


def _people_by_name(names):
    """Each name's person (as ``find_or_create_person`` matches them), made if missing."""
    names = {_normal_name(name) for name in names}
    if not names:
        return {}
    with connection.cursor() as cursor:
        # The first person whose name equals it, ignoring case, as name__iexact does.
        cursor.execute(
            "SELECT DISTINCT ON (wanted) wanted, person.id "  # noqa: S608
            f"FROM unnest(%s::text[]) AS wanted JOIN {Person._meta.db_table} AS person "
            "ON UPPER(person.name) = UPPER(wanted) ORDER BY wanted, person.id",
            [sorted(names)],
        )
        found = dict(cursor.fetchall())
    # New names that differ only in case are one person, as they are one by one.
    same = {}
    for name in sorted(names - set(found)):
        same.setdefault(name.upper(), []).append(name)
    made = _create_named(
        Person, [group[0] for group in same.values()], functools.partial(slug_base, Person)
    )
    for group in same.values():
        found |= dict.fromkeys(group, made[group[0]])
    return found


def _tags_by_name(names):
    found = dict(Tag.objects.filter(name__in=names).values_list("name", "pk"))
    found |= _create_named(Tag, sorted(set(names) - set(found)), Tag().slugify)
    return found


def _create_named(model, names, slug):
    """New rows for ``names``, in one statement where ``slug(name)`` is free.

    A name whose slug is taken, or shared by two of the names, is saved on its
    own, so that the model's ``save`` picks a free slug as it always does.
    """
    instances = [model(name=name, slug=slug(name)) for name in names]
    counts = Counter(instance.slug for instance in instances)
    taken = set(model.objects.filter(slug__in=counts).values_list("slug", flat=True))
    alone = {
        id(instance)
        for instance in instances
        if not instance.slug or instance.slug in taken or counts[instance.slug] > 1
    }
    model.objects.bulk_create([instance for instance in instances if id(instance) not in alone])
    for instance in instances:
        if id(instance) in alone:
            instance.slug = ""
            instance.save()
    return {instance.name: instance.pk for instance in instances}


def import_articles(records, *, base_dir=None, dry_run=False, batch_size=500, progress=None):
    """Import articles from JSONL lines (or dicts); one line per article.

    Lines are numbered from 1 in the order given; blank lines are skipped. Each
    line is written in a savepoint, so a bad line writes nothing and is reported
    with its number; lines are committed in batches of ``batch_size``. With
    ``dry_run`` everything is checked against the database and nothing is kept.
    ``progress(line_number)`` is called after each line.
    """
    return jsonl.run_import(
        records,
        functools.partial(_save, base_dir=base_dir, dry_run=dry_run),
        import_batch=ArticleWriter(base_dir, dry_run),
        dry_run=dry_run,
        progress=progress,
        batch_size=batch_size,
    )


def export_records(articles=None, *, image_dir=None):
    """Each article as a dict in the import format.

    With ``image_dir``, images are copied there and named by a path relative to
    its parent (the JSONL file's folder); without it, ``image`` is left empty.
    """
    articles = Article.objects.all() if articles is None else articles
    articles = articles.defer("search_vector").prefetch_related(
        "tags", "events", "authorships__person"
    )
    for article in articles.order_by("published_at", "pk"):
        yield {
            "title": article.title,
            "slug": article.slug,
            "lead": article.lead,
            "body": article.body,
            "status": article.status,
            "published_at": article.published_at.isoformat(),
            "authors": [authorship.person.name for authorship in article.authorships.all()],
            "tags": sorted(tag.name for tag in article.tags.all()),
            "language": article.language,
            "image": _export_image(article, image_dir),
            "image_alt": article.image_alt,
            "image_decorative": article.image_decorative,
            "image_caption": article.image_caption,
            "image_credit": article.image_credit,
            "events": [event.slug for event in article.events.all()],
            "is_featured": article.is_featured,
        }


def _export_image(article, image_dir):
    if not article.image or image_dir is None:
        return None
    image_dir = Path(image_dir)
    target = image_dir / f"{article.slug}{Path(article.image.name).suffix}"
    jsonl.copy_file(article.image, target)
    return f"{image_dir.name}/{target.name}"


def export_articles(path, articles=None):
    """Write articles to a JSONL file, images into a folder beside it. Returns the count."""
    path = Path(path)
    image_dir = path.parent / f"{path.stem}-images"
    with path.open("w", encoding="utf-8") as output:
        return jsonl.write_lines(output, export_records(articles, image_dir=image_dir))
