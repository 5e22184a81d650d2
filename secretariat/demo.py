"""Demo content for a newcomer's `make run`: written for this project, not copied."""

from .models import Page

PAGES = {
    "tillganglighet": {
        "title": "Tillgänglighetsredogörelse",
        "body": "<p>Redogörelsen skrivs.</p>",
    },
    "integritet": {
        "title": "Integritetspolicy",
        "body": "<p>Policyn skrivs.</p>",
    },
}


def load():
    for slug, fields in PAGES.items():
        Page.objects.update_or_create(slug=slug, defaults=fields)
    return {"pages": len(PAGES)}
