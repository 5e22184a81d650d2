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

Each line is saved through the model, as the admin saves an article:
``full_clean()``, then ``save()``, with its signals and a version in its
history (``secretariat/content/jsonl.py`` runs the lines).
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db.models import F, Prefetch, prefetch_related_objects
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from events.models import Event
from events.people import find_or_create_person
from secretariat.content import jsonl
from secretariat.content.jsonl import BATCH_SIZE, ImportReport, LineError
from secretariat.media.images import open_verified

from .models import Article, Authorship

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


def _clean_record(record):
    """The record's values checked for type and known keys; raises LineError."""
    jsonl.check_keys(record, FIELDS, REQUIRED)
    values = {name: jsonl.text(record, name) for name in TEXT_FIELDS}
    values |= {name: jsonl.flag(record, name) for name in FLAG_FIELDS}
    values |= {name: jsonl.names(record, name) for name in LIST_FIELDS}
    values["image"] = jsonl.text(record, "image")
    values["status"] = jsonl.choice(
        record.get("status") or Article.Status.DRAFT, "status", Article.Status.values
    )
    values["language"] = jsonl.choice(
        record.get("language") or Article.Language.SWEDISH, "language", Article.Language.values
    )
    published_at = jsonl.moment(record, "published_at")
    if published_at:
        values["published_at"] = published_at
    return values


@dataclass
class CheckedLine:
    """A line's article with the line's values set and checked, not saved yet."""

    article: Article
    values: dict
    events: list
    image: Path | None = None  # A picture to store: new, or not the one the article holds.
    stored_image: str = ""


@dataclass
class NewLinks:
    """The authors and tags of an article made in the batch, written when it ends."""

    article: Article
    created: bool  # By the line these links are from: its time is set when the batch ends.
    authorships: list
    tags: list


class ArticleLines(jsonl.Lines):
    """The lines of one import, each saved as one article through the model.

    What a batch's lines name is looked up once for the batch: the articles by
    slug, the tags by name. People and tags are remembered by name for the
    whole import (an archive names the same few hundred authors and tags
    thousands of times). The authors and tags of an article made in the batch
    are written when the batch ends, all in one statement each; an existing
    article's are replaced at once, as the admin replaces them.
    """

    def __init__(self, base_dir, dry_run):
        self.base_dir, self.dry_run = base_dir, dry_run
        self.people, self.tags = {}, {}  # By name; a tag known to be missing is None.
        self.articles = {}  # By slug, for the batch's lines not checked yet.
        self.saved = {}  # By id: each article saved in the batch, as its last line left it.
        self.new_links = {}  # By id: NewLinks.

    def prefetch(self, records):
        slugs = [_readable(jsonl.text, record, "slug") for record in records]
        slugs = [slug for slug in slugs if slug]
        self.articles = dict.fromkeys(slugs) | Article.objects.in_bulk(slugs, field_name="slug")
        tags = [_readable(jsonl.names, record, "tags") or [] for record in records]
        self.look_up_tags(name for names in tags for name in names)

    def check(self, record):
        """The line's article, with the line's values, checked by the model.

        A line without a time keeps an existing article's time; a new one gets now.
        """
        values = _clean_record(record)
        events = list(Event.objects.filter(slug__in=values["events"])) if values["events"] else []
        missing_events = sorted(set(values["events"]) - {event.slug for event in events})
        if missing_events:
            raise LineError(f"no event with slug {', '.join(missing_events)}")
        image = jsonl.file_path(values, "image", self.base_dir)

        if values["slug"] in self.articles:
            # Taken, not read: once a line has changed it, the next line reads it anew.
            article = self.articles.pop(values["slug"])
        else:
            article = Article.objects.filter(slug=values["slug"]).first()
        article = article or Article(slug=values["slug"])
        line = CheckedLine(article, values, events, stored_image=article.image.name)
        for name in (*TEXT_FIELDS, "status", "language", *FLAG_FIELDS):
            setattr(article, name, values[name])
        if "published_at" in values:
            article.published_at = values["published_at"]
        if image is None:
            article.image = ""
            article.image_source = ""
        elif not _same_image(article, image):
            _verify_picture(image)
            line.image = image
            # The name alone lets full_clean check the image rules (a description).
            article.image.name = values["image"]
        # The slug, the one unique field, was just looked up; the one constraint is the image's.
        article.full_clean(validate_unique=False, validate_constraints=bool(article.image))
        return line

    def save(self, line):
        """Save the line's article; returns whether it was created."""
        article, values = line.article, line.values
        created = article.pk is None
        if line.image and self.dry_run:
            article.image.name = line.stored_image  # Checked, not stored.
        elif line.image:
            with line.image.open("rb") as handle:
                article.image = File(handle, name=line.image.name)
                article.save()  # Verifies, cleans and stores the picture under a new name.
            article.image_source = f"{_image_source(line.image)} {article.image.name}"
        article.save()
        # Two spellings of one name are one author.
        people = dict.fromkeys(self.person(name) for name in values["authors"])
        authorships = [
            Authorship(article=article, person=person, order=order)
            for order, person in enumerate(people)
        ]
        tags = self.named_tags(values["tags"])
        if created or article.pk in self.new_links:
            self.new_links[article.pk] = NewLinks(article, created, authorships, tags)
        else:
            article.authorships.all().delete()
            Authorship.objects.bulk_create(authorships)
            article.tags.set(tags)
        if line.events or not created:
            article.events.set(line.events)
        self.saved[article.pk] = article
        return created

    def finish(self):
        """Write the links of the articles made in the batch, then add each article
        saved to the batch's revision, as its line left it (with its authors)."""
        links = list(self.new_links.values())
        Authorship.objects.bulk_create(a for new in links for a in new.authorships)
        # taggit's set() links each tag with get_or_create, four statements a
        # tag; a new article has no links to compare with.
        content_type = ContentType.objects.get_for_model(Article)
        TaggedItem.objects.bulk_create(
            TaggedItem(content_type=content_type, object_id=new.article.pk, tag=tag)
            for new in links
            for tag in new.tags
        )
        # An import is not an edit: a moved archive should not read "updated today".
        # Saving set the time to now. One plain UPDATE for the batch: bulk_update
        # would build a CASE with a branch per article.
        now = timezone.now()
        made = [new.article for new in links if new.created and new.article.published_at < now]
        for article in made:
            article.updated_at = article.published_at
        Article.objects.filter(pk__in=[article.pk for article in made]).update(
            updated_at=F("published_at")
        )
        articles = list(self.saved.values())
        prefetch_related_objects(
            articles, "events", Prefetch("authorships", Authorship.objects.select_related("person"))
        )
        for article in articles:
            reversion.add_to_revision(article)
        self.new_links.clear()
        self.saved.clear()

    def forget(self):
        for remembered in (self.people, self.tags, self.articles, self.saved, self.new_links):
            remembered.clear()

    def person(self, name):
        if name not in self.people:
            self.people[name] = find_or_create_person(name)
        return self.people[name]

    def look_up_tags(self, names):
        unknown = list(dict.fromkeys(name for name in names if name not in self.tags))
        if unknown:
            self.tags |= dict.fromkeys(unknown)
            self.tags |= {tag.name: tag for tag in Tag.objects.filter(name__in=unknown)}

    def named_tags(self, names):
        """The tags of these names, in order, made if missing."""
        names = list(dict.fromkeys(names))
        self.look_up_tags(names)
        for name in names:
            if self.tags[name] is None:
                self.tags[name] = Tag.objects.create(name=name)
        return [self.tags[name] for name in names]


def _readable(read, record, name):
    """A value of a line not checked yet, or ``None`` if unreadable (the checks will say why)."""
    try:
        return read(record, name)
    except LineError:
        return None


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


def import_articles(
    records, *, base_dir=None, dry_run=False, batch_size=BATCH_SIZE, progress=None, source=None
):
    """Import articles from JSONL lines (or dicts); one line per article.

    Lines are numbered from 1 in the order given; blank lines are skipped. A
    bad line writes nothing and is reported with its number; lines are
    committed in batches of ``batch_size``, one revision a batch. With
    ``dry_run`` everything is checked against the database and nothing is kept.
    ``progress(line_number)`` is called as lines are done; ``source`` names the
    file in the articles' history.
    """
    return jsonl.run_import(
        records,
        ArticleLines(base_dir, dry_run),
        dry_run=dry_run,
        progress=progress,
        batch_size=batch_size,
        source=source,
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
