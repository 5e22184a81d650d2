"""The demo's news and front-page hero, loaded through the JSONL import.

Called by ``secretariat.demo.load()`` after the events app's part, so that the
authors and events the articles name usually exist already. Run alone, it still
works: missing authors are created by the import, and references to events that
do not exist are dropped (only here; a real import reports them as errors).
"""

from django.core.files import File

from events.models import Event
from secretariat import demo_content as content
from secretariat.demo import IMAGE_DIR, landscape, picture_path

from .importexport import import_articles
from .models import Article, Hero


def load():
    return {"articles": _load_articles(), "heroes": _load_hero()}


def _load_articles():
    existing = set(Article.objects.values_list("slug", flat=True))
    records = [dict(record) for record in content.ARTICLES if record["slug"] not in existing]
    if not records:
        return 0
    known_events = set(Event.objects.values_list("slug", flat=True))
    for record in records:
        record["events"] = [slug for slug in record.get("events", []) if slug in known_events]
        if record.get("image_alt") or record.get("image_decorative"):
            path = _picture(record["slug"])
            record["image"] = str(path.relative_to(IMAGE_DIR))
    report = import_articles(records, base_dir=IMAGE_DIR)
    if report.errors:
        raise ValueError(f"The demo articles do not import: {report.errors}")
    return report.created


def _load_hero():
    if Hero.objects.exists():
        return 0
    # The picture is decoration under the heading: it needs no description.
    hero = Hero(is_active=True, **content.HERO)
    with _picture("hero").open("rb") as handle:
        hero.image.save("hero.jpg", File(handle), save=False)
    hero.save()
    return 1


def _picture(key):
    path = picture_path("articles", key)
    return path if path.exists() else landscape(key, path)
