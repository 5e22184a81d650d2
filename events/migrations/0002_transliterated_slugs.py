from django.db import migrations
from django.urls import reverse


# Hand-written: people, organisations and events whose slug the site made by dropping
# the letters Django's slugify cannot spell (ø, æ, ß: "sykehusinnkjp-hf") get the
# transliterated one ("sykehusinnkjop-hf"); each old address answers 301 with the new.
def transliterate(apps, schema_editor):
    from events.models import RESERVED_EVENT_SLUGS
    from secretariat.content.redirects import record_move
    from secretariat.content.slugs import transliterate_slugs

    redirect_model = apps.get_model("redirects", "Redirect")
    site_model = apps.get_model("sites", "Site")

    def moved_under(route):
        def moved(row, old_slug):
            record_move(
                reverse(route, kwargs={"slug": old_slug}),
                reverse(route, kwargs={"slug": row.slug}),
                redirect_model=redirect_model,
                site_model=site_model,
            )

        return moved

    for model, source, route, reserved in (
        ("Organisation", "name", "events:organisation", ()),
        ("Person", "name", "events:person", ()),
        ("Event", "title", "events:detail", RESERVED_EVENT_SLUGS),
    ):
        transliterate_slugs(
            apps.get_model("events", model).objects.all(),
            source,
            reserved=reserved,
            moved=moved_under(route),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("redirects", "0002_alter_redirect_new_path_help_text"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [
        # Hand-written, see transliterate; the old slugs cannot be told apart again.
        migrations.RunPython(transliterate, migrations.RunPython.noop),
    ]
