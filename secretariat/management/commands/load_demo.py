"""`manage.py load_demo`: the demo content of ``demo/``, loaded as staff load their files.

Events and articles go through ``import_events`` and ``import_articles``, the
commands staff run, so the demo also exercises them. What no import command
carries (organisations' details, people's biographies and portraits, the
front-page hero, the newsletter issue) is read from JSONL files beside them with
the same line machinery (``secretariat.content.jsonl``) and saved through the
models' own checks. ``demo/README.md`` describes the files.

Running it again puts the demo's objects back as the files say and adds nothing.
"""

import json
from datetime import date, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.models import Article, Hero
from events.models import Event, Organisation, Person
from events.people import find_or_create_organisation, find_or_create_person
from newsletter.models import Issue, IssueArticle
from secretariat.content import jsonl

DEMO = Path(settings.BASE_DIR) / "demo"

# The day demo/events.jsonl was written: its events after that day are the
# upcoming ones, moved forward by whole weeks (same weekday) when the demo is
# loaded later, so that a newcomer always sees something coming.
WRITTEN = date(2026, 12, 7)


class Command(BaseCommand):
    help = "Load the demo content of demo/ (articles, events, people, hero, newsletter issue)."

    def handle(self, *args, **options):
        self.load("organisations.jsonl", "Organisations", _organisation)
        self.load("people.jsonl", "People", _person)
        call_command("import_events", DEMO / "events.jsonl", stdout=self.stdout)
        moved = keep_upcoming_ahead(timezone.localdate())
        if moved:
            self.stdout.write(f"Upcoming demo events moved {moved} weeks ahead.")
        call_command("import_articles", DEMO / "articles.jsonl", stdout=self.stdout)
        self.load("hero.jsonl", "Front-page hero", _hero)
        self.load("newsletter.jsonl", "Newsletter issues", _issue)

    def load(self, name, noun, import_line):
        path = DEMO / name
        with path.open("rb") as lines:
            report = jsonl.run_import(lines, lambda line: import_line(line, DEMO))
        if report.errors:
            reasons = "\n".join(f"{path}:{number}: {reason}" for number, reason in report.errors)
            raise CommandError(f"{reasons}\n{noun}: {report}")
        self.stdout.write(f"{noun}: {report}")


def keep_upcoming_ahead(today):
    """Move the file's upcoming events by the whole weeks since it was written."""
    weeks = (today - WRITTEN).days // 7
    if weeks <= 0:
        return 0
    written = datetime.combine(WRITTEN, datetime.min.time(), tzinfo=timezone.get_current_timezone())
    with (DEMO / "events.jsonl").open(encoding="utf-8") as lines:
        slugs = [json.loads(line)["slug"] for line in lines if line.strip()]
    shift = timedelta(weeks=weeks)
    for event in Event.objects.filter(slug__in=slugs, starts_at__gte=written):
        event.starts_at += shift
        event.ends_at += shift
        if event.registration_closes_at:
            event.registration_closes_at += shift
        event.save()
    return weeks


def _organisation(line, base_dir):
    jsonl.check_keys(line, {"name", "short_name", "url", "country"}, ("name",))
    organisation = Organisation.objects.filter(name__iexact=line["name"]).first()
    created = organisation is None
    organisation = organisation or Organisation(name=line["name"])
    for name in ("short_name", "url", "country"):
        setattr(organisation, name, jsonl.text(line, name))
    organisation.full_clean(exclude=["slug"])  # Made from the name on save.
    organisation.save()
    return created


def _person(line, base_dir):
    fields = {"name", "title", "organisation", "bio", "photo", "photo_alt"}
    jsonl.check_keys(line, fields, ("name",))
    photo = jsonl.file_path(line, "photo", base_dir)
    organisation = jsonl.text(line, "organisation")
    known = Person.objects.filter(name__iexact=line["name"]).exists()
    person = find_or_create_person(
        line["name"],
        title=jsonl.text(line, "title"),
        organisation=find_or_create_organisation(organisation) if organisation else None,
    )
    person.bio = jsonl.text(line, "bio")
    person.photo_alt = jsonl.text(line, "photo_alt")
    if photo and not person.photo:
        # Verified, cleaned and given renditions by the image field, as an upload is.
        person.photo = ContentFile(photo.read_bytes(), name=photo.name)
    person.full_clean(exclude=["slug"])
    person.save()
    return not known


def _hero(line, base_dir):
    fields = {"heading", "text", "link_url", "link_text", "image", "image_alt"}
    jsonl.check_keys(line, fields, ("heading", "text"))
    image = jsonl.file_path(line, "image", base_dir)
    hero = Hero.objects.filter(heading=line["heading"]).first()
    created = hero is None
    # Shown on the front page unless staff show another one.
    hero = hero or Hero(is_active=not Hero.objects.active().exists())
    for name in fields - {"image"}:
        setattr(hero, name, jsonl.text(line, name))
    if image and not hero.image:
        hero.image = ContentFile(image.read_bytes(), name=image.name)
    hero.full_clean()
    hero.save()
    return created


def _issue(line, base_dir):
    """An issue is made once: an existing one may have been sent, and is left as it is."""
    jsonl.check_keys(line, {"subject", "introduction", "articles", "include_events"}, ("subject",))
    if Issue.objects.filter(subject=line["subject"]).exists():
        return False
    slugs = jsonl.names(line, "articles")
    articles = Article.objects.published().in_bulk(slugs, field_name="slug")
    missing = [slug for slug in slugs if slug not in articles]
    if missing:
        raise jsonl.LineError(f"articles: no published article {', '.join(missing)}")
    issue = Issue(
        subject=line["subject"],
        introduction=jsonl.text(line, "introduction"),
        include_events=jsonl.flag(line, "include_events"),
    )
    issue.full_clean()
    issue.save()
    IssueArticle.objects.bulk_create(
        IssueArticle(issue=issue, article=articles[slug], order=order)
        for order, slug in enumerate(slugs)
    )
    return True
