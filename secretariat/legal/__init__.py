"""The legal pages every Swedish public body's site must publish, as data.

The accessibility statement (``/tillganglighet/``) and the privacy notice
(``/integritet/``) are ordinary ``Page``s that staff edit in the admin. Their first
text lives in the TOML files beside this module, one per page, named by its slug;
migration ``secretariat/0002_legal_pages`` creates them from the first ``migrate``,
so a site made from an empty database has them without the demo.
"""

import tomllib
from pathlib import Path

FOLDER = Path(__file__).resolve().parent


def texts():
    """``{slug: {"title": …, "intro": …, "body": …}}`` for every legal page."""
    return {
        path.stem: tomllib.loads(path.read_text(encoding="utf-8"))
        for path in sorted(FOLDER.glob("*.toml"))
    }


def create_missing(page_model):
    """Create each legal page that has no page at its address; return the slugs created.

    A page at the address is left exactly as it is, edited or not: the address is
    what tells, so neither running this again nor a newer text in the files can
    overwrite what staff wrote. ``page_model`` is the migration's historical model.
    """
    created = []
    for slug, fields in texts().items():
        _, was_created = page_model.objects.get_or_create(slug=slug, defaults=fields)
        if was_created:
            created.append(slug)
    return created
