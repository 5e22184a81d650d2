"""Writing the old site's articles: each in its own transaction, matched on its Joomla id.

``import_joomla(archive)`` first plans every article (skipped or not, and the
address it gets: its own on a second run, else one made from its alias), so
that links between old articles can be rewritten whichever comes first. Then
each article is written through the model (``full_clean``, then ``save``) in a
savepoint of its own: one that fails writes nothing and is reported with its
Joomla id and reason; the others are kept, committed a batch at a time. A dry
run does the same inside one transaction that is rolled back, and stores no
pictures.
"""

import itertools
from collections import defaultdict
from contextlib import nullcontext
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DataError, IntegrityError, transaction
from django.utils import timezone

from events.people import find_or_create_person
from secretariat.content.jsonl import BATCH_SIZE, LineError, validation_message
from secretariat.content.slugs import slug_base, unique_slug

from ..models import RESERVED_SLUGS, Article, Authorship
from . import fields
from .pictures import PictureError, Pictures, fingerprint
from .texts import TextRewriter


@dataclass
class JoomlaReport:
    """What an import did, and each article that needs a person's attention, by Joomla id."""

    articles: int = 0
    created: int = 0
    updated: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)  # left behind on purpose
    failed: list[tuple[int, str]] = field(default_factory=list)  # could not be written
    notes: list[tuple[int, str]] = field(default_factory=list)  # written; worth a look
    dry_run: bool = False

    @property
    def ok(self):
        return not self.failed

    def __str__(self):
        return (
            f"{self.articles} articles: {self.created} created, {self.updated} updated, "
            f"{len(self.skipped)} skipped, {len(self.failed)} failed, "
            f"{len(self.notes)} notes for an editor"
            + (" (dry run: nothing written)" if self.dry_run else "")
        )


@dataclass
class PlannedArticle:
    """An article about to be imported, with the address it will have.

    Has ``joomla_id`` and ``joomla_alias`` like an Article, so that old links
    can be matched against plans and articles alike (``addresses.matches``).
    """

    joomla_id: int
    joomla_alias: str
    slug: str
    status: str
    resource: dict
    notes: list


def import_joomla(archive, *, media_dir=None, dry_run=False, progress=None):
    """Import the articles of an ``Archive``; returns a ``JoomlaReport``.

    ``progress(done, total)`` is called after each article.
    """
    report = JoomlaReport(dry_run=dry_run)
    report.articles = len(archive.articles)
    plan = plan_articles(archive, report)
    known = [
        *plan,
        *Article.objects.exclude(joomla_id=None)
        .exclude(joomla_id__in=[item.joomla_id for item in plan])
        .only("slug", "joomla_id", "joomla_alias"),
    ]
    pictures = Pictures(media_dir, archive.site_root)
    writer = ArticleWriter(
        archive, pictures, TextRewriter(known, pictures, archive.site_root, dry_run), dry_run
    )
    done = 0
    # A dry run checks everything in one transaction and rolls it back; a real
    # run commits a batch at a time, so a long import keeps what was done.
    with transaction.atomic() if dry_run else nullcontext():
        for batch in itertools.batched(plan, BATCH_SIZE):
            with transaction.atomic():
                for item in batch:
                    write_one(writer, item, report)
                    done += 1
                    if progress:
                        progress(done, len(plan))
        if dry_run:
            transaction.set_rollback(True)
    for entries in (report.skipped, report.failed, report.notes):
        entries.sort(key=lambda entry: entry[0])
    return report


def write_one(writer, item, report):
    """One article in a savepoint of its own: one that fails writes nothing."""
    notes = list(item.notes)
    try:
        with transaction.atomic():
            created = writer.write(item, notes)
    except (fields.ItemError, LineError, PictureError) as error:
        report.failed.append((item.joomla_id, str(error)))
    except ValidationError as error:
        report.failed.append((item.joomla_id, validation_message(error)))
    except (IntegrityError, DataError) as error:
        report.failed.append((item.joomla_id, str(error).splitlines()[0]))
    else:
        report.created += created
        report.updated += not created
        report.notes += [(item.joomla_id, note) for note in notes]


def plan_articles(archive, report):
    """Each article to import, with the address it will have; the trashed left out."""
    existing = dict(
        Article.objects.filter(joomla_id__in=list(archive.articles)).values_list(
            "joomla_id", "slug"
        )
    )
    plan, planned_slugs = [], []
    sharing = defaultdict(list)
    for joomla_id, resource in archive.articles.items():
        sharing[str(resource["attributes"].get("alias") or "").strip()].append(joomla_id)
    for joomla_id in sorted(archive.articles):
        resource = archive.articles[joomla_id]
        attributes = resource["attributes"]
        try:
            status = fields.status(attributes)
        except fields.Skip as reason:
            if joomla_id in existing:
                reason = f"{reason}; imported before, it is still here: unpublish it by hand"
            report.skipped.append((joomla_id, str(reason)))
            continue
        except fields.ItemError as error:
            report.failed.append((joomla_id, str(error)))
            continue
        alias = str(attributes.get("alias") or "").strip()
        notes = []
        others = sorted(set(sharing[alias]) - {joomla_id}) if alias else []
        if others:
            notes.append(
                f"the alias {alias!r} is also article {', '.join(map(str, others))}'s: an old "
                "address with the alias alone leads to neither (add a redirect if needed)"
            )
        slug = existing.get(joomla_id)
        if slug is None:
            wanted = alias or str(attributes.get("title") or "")
            slug = unique_slug(Article(), wanted, reserved=(*RESERVED_SLUGS, *planned_slugs))
            if slug != slug_base(Article, wanted):
                notes.append(
                    f"the address {slug_base(Article, wanted)!r} was taken: it is {slug!r}"
                )
        planned_slugs.append(slug)
        plan.append(PlannedArticle(joomla_id, alias, slug, status, resource, notes))
    return plan


class ArticleWriter:
    """Writes one planned article, its picture, authors and tags."""

    def __init__(self, archive, pictures, texts, dry_run):
        self.archive = archive
        self.pictures = pictures
        self.texts = texts
        self.dry_run = dry_run

    def write(self, item, notes):
        """Create or update the article; returns whether it was created."""
        resource = item.resource
        attributes = resource["attributes"]
        article = Article.objects.filter(joomla_id=item.joomla_id).first()
        created = article is None
        if created:
            article = Article(joomla_id=item.joomla_id, slug=item.slug)
        lead, body = fields.lead_and_body(attributes, notes)
        article.title = " ".join(str(attributes.get("title") or "").split())
        article.joomla_alias = item.joomla_alias
        article.lead = lead
        article.body = self.texts.rewrite(body, notes)
        article.status = item.status
        article.published_at = fields.publication_time(attributes)
        article.language = fields.language(attributes, notes)
        article.is_featured = fields.featured(attributes)
        new_picture = self.set_picture(article, attributes, notes)
        article.full_clean()
        article.save()
        if new_picture:
            article.image_source = f"{new_picture} {article.image.name}"
            article.save(update_fields=["image_source"])
        # The old site's last change, not the import's: a moved archive is not "updated today".
        modified = fields.moment(attributes, "modified") or article.published_at
        Article.objects.filter(pk=article.pk).update(updated_at=min(modified, timezone.now()))
        self.set_authors(article, resource, notes)
        article.tags.set(
            fields.tag_names(resource, self.archive.tags, self.archive.categories, notes),
            clear=True,
        )
        return created

    def set_picture(self, article, attributes, notes):
        """The article's picture from ``images``; returns the new file's fingerprint, if any."""
        found = fields.picture(attributes)
        if found is None:
            article.image, article.image_alt, article.image_caption = "", "", ""
            article.image_decorative = False
            article.image_source = ""
            return None
        address, alt, caption = found
        try:
            data, name = self.pictures.read(address)
        except PictureError as error:
            notes.append(f"the article's picture was not imported: {error}")
            return None
        if not alt:
            notes.append(f"the picture has no description: marked decorative ({name})")
        article.image_alt = alt[:250]
        article.image_decorative = not alt
        article.image_caption = caption[:500]
        source = fingerprint(data)
        if article.image and article.image_source == f"{source} {article.image.name}":
            return None  # The same file as last time: nothing to copy.
        if self.dry_run:
            return None  # Verified when read; a dry run stores nothing.
        article.image = ContentFile(data, name=name)
        return source

    def set_authors(self, article, resource, notes):
        name = fields.author_name(resource, self.archive.users, notes)
        article.authorships.all().delete()
        if name:
            Authorship.objects.create(article=article, person=find_or_create_person(name))
