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
"""

import contextlib
import hashlib
import itertools
import json
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from events.models import Event, Person
from secretariat.images import open_verified

from .models import Article, Authorship

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


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list = field(default_factory=list)  # (line number, reason)

    @property
    def ok(self):
        return not self.errors

    def __str__(self):
        return f"{self.created} created, {self.updated} updated, {len(self.errors)} bad lines"


class BadLineError(Exception):
    pass


def find_or_create_person(name):
    """The person with this name, created when there is none.

    A stand-in for ``events.people.find_or_create_person``: switch to that one at merge.
    """
    name = " ".join(name.split())
    person = Person.objects.filter(name__iexact=name).order_by("pk").first()
    if person is None:
        base = slugify(name)[:190] or "person"
        slug, number = base, 1
        while Person.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        person = Person.objects.create(name=name, slug=slug)
    return person


def _parse(line):
    if isinstance(line, dict):
        return line
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise BadLineError(f"not valid JSON ({error.msg}, column {error.colno})") from None
    if not isinstance(record, dict):
        raise BadLineError("not a JSON object")
    return record


def _clean_record(record):
    """The record's values checked for type and known keys; raises BadLineError."""
    unknown = sorted(set(record) - set(FIELDS))
    if unknown:
        raise BadLineError(f"unknown field(s): {', '.join(unknown)}")
    missing = [name for name in REQUIRED if not record.get(name)]
    if missing:
        raise BadLineError(f"missing field(s): {', '.join(missing)}")
    values = {}
    for name in TEXT_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise BadLineError(f"{name} must be text")
        values[name] = value or ""
    for name in FLAG_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, bool):
            raise BadLineError(f"{name} must be true or false")
        values[name] = bool(value)
    for name in LIST_FIELDS:
        value = record.get(name) or []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise BadLineError(f"{name} must be a list of names")
        values[name] = [item.strip() for item in value if item.strip()]
    values["status"] = record.get("status") or Article.Status.DRAFT
    if values["status"] not in Article.Status.values:
        raise BadLineError(f"status must be one of {', '.join(Article.Status.values)}")
    values["language"] = record.get("language") or Article.Language.SWEDISH
    if values["language"] not in Article.Language.values:
        raise BadLineError(f"language must be one of {', '.join(Article.Language.values)}")
    published_at = record.get("published_at")
    if published_at:
        try:
            values["published_at"] = datetime.fromisoformat(published_at)
        except (TypeError, ValueError):
            raise BadLineError("published_at is not an ISO 8601 time") from None
        if values["published_at"].tzinfo is None:
            raise BadLineError("published_at needs a time zone, e.g. +01:00")
    values["image"] = record.get("image") or ""
    if not isinstance(values["image"], str):
        raise BadLineError("image must be a path")
    return values


def _image_path(relative, base_dir):
    base = Path(base_dir or ".").resolve()
    path = (base / relative).resolve()
    if not path.is_relative_to(base):
        raise BadLineError(f"image {relative} is outside the file's folder")
    if not path.is_file():
        raise BadLineError(f"image {relative} does not exist")
    return path


def _save(values, base_dir, dry_run):
    """Create or update one article from checked values; returns whether it was created."""
    events = list(Event.objects.filter(slug__in=values["events"]))
    missing_events = sorted(set(values["events"]) - {event.slug for event in events})
    if missing_events:
        raise BadLineError(f"no event with slug {', '.join(missing_events)}")
    image = _image_path(values["image"], base_dir) if values["image"] else None

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
    try:
        article.full_clean()
    except ValidationError as error:
        raise BadLineError(_messages(error)) from None
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
        raise BadLineError(f"image {path.name}: {' '.join(error.messages)}") from None


def _image_source(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _same_image(article, path):
    """Whether the article already holds this file, so a re-import copies nothing."""
    return bool(article.image) and article.image_source == (
        f"{_image_source(path)} {article.image.name}"
    )


def _messages(error):
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def import_articles(records, *, base_dir=None, dry_run=False, batch_size=500, progress=None):
    """Import articles from JSONL lines (or dicts); one line per article.

    Lines are numbered from 1 in the order given; blank lines are skipped. Each
    line is written in a savepoint, so a bad line writes nothing and is reported
    with its number; lines are committed in batches of ``batch_size``. With
    ``dry_run`` everything is checked against the database and nothing is kept.
    ``progress(lines_done)`` is called after each batch.
    """
    report = ImportReport()
    numbered = (
        (number, line)
        for number, line in enumerate(records, start=1)
        if isinstance(line, dict) or line.strip()
    )
    # A dry run checks everything in one transaction and rolls it back;
    # a real run commits each batch, so a long file keeps what was done.
    with transaction.atomic() if dry_run else contextlib.nullcontext():
        for batch in itertools.batched(numbered, batch_size):
            with transaction.atomic():
                _import_batch(batch, base_dir, dry_run, report)
            if progress:
                progress(batch[-1][0])
        if dry_run:
            transaction.set_rollback(True)
    return report


def _import_batch(batch, base_dir, dry_run, report):
    for number, line in batch:
        try:
            with transaction.atomic():
                created = _save(_clean_record(_parse(line)), base_dir, dry_run)
        except BadLineError as error:
            report.errors.append((number, str(error)))
            continue
        if created:
            report.created += 1
        else:
            report.updated += 1


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
    image_dir.mkdir(parents=True, exist_ok=True)
    target = image_dir / f"{article.slug}{Path(article.image.name).suffix}"
    with article.image.open("rb") as source, target.open("wb") as copy:
        shutil.copyfileobj(source, copy)
    return f"{image_dir.name}/{target.name}"


def export_articles(path, articles=None):
    """Write articles to a JSONL file, images into a folder beside it. Returns the count."""
    path = Path(path)
    image_dir = path.parent / f"{path.stem}-images"
    count = 0
    with path.open("w", encoding="utf-8") as output:
        for record in export_records(articles, image_dir=image_dir):
            output.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
