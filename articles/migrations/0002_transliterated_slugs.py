from django.db import migrations
from django.urls import reverse


# Hand-written: articles whose slug was made by dropping the letters Django's slugify
# cannot spell (ø, æ, ß) get the transliterated one, their old address answering 301;
# tags' slugs become ASCII, as taggit now makes them (TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING).
# The tag routes send the old forms on by themselves (secretariat.content.tagging).
def transliterate(apps, schema_editor):
    from articles.models import RESERVED_SLUGS
    from secretariat.content.redirects import record_move
    from secretariat.content.slugs import transliterate_slugs, transliterate_tag_slugs

    redirect_model = apps.get_model("redirects", "Redirect")
    site_model = apps.get_model("sites", "Site")

    def moved(article, old_slug):
        record_move(
            reverse("articles:detail", kwargs={"slug": old_slug}),
            reverse("articles:detail", kwargs={"slug": article.slug}),
            redirect_model=redirect_model,
            site_model=site_model,
        )

    transliterate_slugs(
        apps.get_model("articles", "Article").objects.all(),
        "title",
        reserved=RESERVED_SLUGS,
        moved=moved,
    )
    transliterate_tag_slugs(apps.get_model("taggit", "Tag"))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("redirects", "0002_alter_redirect_new_path_help_text"),
        ("sites", "0002_alter_domain_unique"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        # Hand-written, see transliterate; the old slugs cannot be told apart again.
        migrations.RunPython(transliterate, migrations.RunPython.noop),
    ]
