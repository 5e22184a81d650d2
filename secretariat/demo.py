"""Demo content for a newcomer's `make run`: written for this project, not copied.

The texts live in ``demo_content.py``. Events and articles go through the same
import code as the JSONL files staff use, so the demo also exercises that path.
Loading is idempotent: what already exists (by slug or name) is left as it is,
so a second `make run` is quick and never undoes an edit made in the admin.
"""

import colorsys
import hashlib
import importlib
import random
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

IMAGE_DIR = Path(settings.BASE_DIR) / "var" / "demo-images"

# Each app loads its own part through ``<app>.demo.load() -> {name: count}``,
# in this order: people and events first, since articles name them.
APPS = ("events", "articles", "newsletter")


def load():
    """Create whatever demo content is missing; return counts of what was created."""
    counts = {}
    for app in APPS:
        counts |= importlib.import_module(f"{app}.demo").load()
    return counts


# Records in the import formats --------------------------------------------------


def event_when(when, tz_name, today=None):
    """The start and end instants of a demo event.

    Past events have fixed local times; upcoming ones are placed relative to the
    day the demo is loaded, so that a newcomer always sees something coming.
    """
    tz = ZoneInfo(tz_name)
    if "start" in when:
        starts = datetime.fromisoformat(when["start"]).replace(tzinfo=tz)
        ends = datetime.fromisoformat(when["end"]).replace(tzinfo=tz)
        return starts, ends
    today = today or timezone.localdate()
    day = today + timedelta(days=when["in_days"])
    starts = datetime.combine(day, time.fromisoformat(when["start_time"]), tzinfo=tz)
    days = when.get("days", 1)
    if days > 1:
        ends = datetime.combine(day + timedelta(days=days - 1), time(17, 0), tzinfo=tz)
    else:
        ends = starts + timedelta(hours=when.get("duration_hours", 2))
    return starts, ends


# Generated pictures ---------------------------------------------------------------


def _palette(seed):
    rng = random.Random(seed)  # noqa: S311 - pictures, not secrets.
    hue = rng.random()
    return rng, [
        tuple(round(c * 255) for c in colorsys.hls_to_rgb((hue + shift) % 1, light, sat))
        for shift, light, sat in ((0, 0.30, 0.45), (0.08, 0.45, 0.40), (0.5, 0.80, 0.35))
    ]


def landscape(seed, path, size=(1600, 900)):
    """A calm abstract picture: soft hills under a sky, coloured by the seed."""
    rng, (dark, mid, light) = _palette(seed)
    image = Image.new("RGB", size, light)
    draw = ImageDraw.Draw(image)
    width, height = size
    for layer, colour in enumerate((mid, dark)):
        base = height * (0.55 + 0.18 * layer)
        points = [(0, height)]
        for x in range(0, width + 80, 80):
            points.append((x, base + rng.uniform(-60, 60)))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    sun = rng.uniform(0.15, 0.85) * width
    draw.ellipse((sun - 70, 90, sun + 70, 230), fill=(250, 245, 230))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=82)
    return path


def portrait(name, path, size=600):
    """A placeholder portrait: the person's initials on a coloured disc."""
    _, (dark, _mid, light) = _palette(name)
    image = Image.new("RGB", (size, size), light)
    draw = ImageDraw.Draw(image)
    draw.ellipse((40, 40, size - 40, size - 40), fill=dark)
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    font = ImageFont.load_default(size=size // 3)
    draw.text((size / 2, size / 2), initials, fill=(255, 255, 255), font=font, anchor="mm")
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=85)
    return path


def picture_path(kind, key):
    digest = hashlib.sha256(key.encode()).hexdigest()[:10]
    return IMAGE_DIR / kind / f"{digest}.jpg"
