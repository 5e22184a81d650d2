"""The accessibility statement and the privacy notice exist from the first migrate.

Made by secretariat's initial migration from the texts in secretariat/legal/, on a
database without the demo; staff edits survive; the contact address and the
newsletter's retention period come from the settings when the page is shown.
"""

from importlib import import_module

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client

from secretariat import checks, legal
from secretariat.models import Page, fill_placeholders

LEGAL_SLUGS = ["integritet", "tillganglighet"]


def migrate_secretariat_again():
    """Unapply and apply the secretariat app's migration, as a site's first migrate runs it."""
    call_command("migrate", "secretariat", "zero", verbosity=0)
    call_command("migrate", "secretariat", verbosity=0)


@pytest.fixture
def readers(settings):
    """A client, with the page cache off so that changed settings show at once."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.CONTACT_EMAIL = "kansliet@hallbar-upphandling.se"
    settings.NEWSLETTER_RETENTION_DAYS = 45
    return Client()


@pytest.mark.django_db(transaction=True)
def test_the_first_migrate_creates_both_pages_with_their_whole_text(readers):
    Page.objects.all().delete()  # as on a database that never saw the demo

    migrate_secretariat_again()

    assert sorted(Page.objects.published().values_list("slug", flat=True)) == LEGAL_SLUGS
    statement = readers.get("/tillganglighet/").content.decode()
    notice = readers.get("/integritet/").content.decode()
    # DIGG's model statement, part by part.
    for heading in (
        "Hur tillgänglig är webbplatsen?",
        "Innehåll som inte är tillgängligt",
        "Vad kan du göra om du inte kan använda delar av webbplatsen?",
        "Rapportera brister i webbplatsens tillgänglighet",
        "Tillsyn",
        "Hur vi testat webbplatsen",
    ):
        assert f"<h2>{heading}</h2>" in statement, heading
    assert "Myndigheten för digital förvaltning (DIGG)" in statement
    assert "Den senaste granskningen gjordes" in statement
    # What GDPR article 13 asks of the privacy notice.
    for part in (
        "<h2>Personuppgiftsansvarig</h2>",
        "<h2>När du prenumererar på nyhetsbrevet</h2>",
        "<h2>När du kontaktar oss</h2>",
        "artikel 6.1 a",
        "<h2>Vilka som får ta del av uppgifterna</h2>",
        "<h2>Dina rättigheter</h2>",
        "Integritetsskyddsmyndigheten (IMY)",
    ):
        assert part in notice, part
    assert "raderas de 45 dagar senare" in notice
    for html in (statement, notice):
        assert '<a href="mailto:kansliet@hallbar-upphandling.se">' in html
        assert "{{" not in html


@pytest.mark.django_db(transaction=True)
def test_migrating_again_never_overwrites_a_page_staff_have_edited():
    legal.create_missing(Page)
    edited = Page.objects.get(slug="tillganglighet")
    edited.title = "Tillgänglighet på webbplatsen"
    edited.body = "<p>Vår egen text om tillgänglighet, skriven i år.</p>"
    edited.save()
    Page.objects.filter(slug="integritet").delete()

    # The migration's own operation, run again on a database staff have used.
    import_module("secretariat.migrations.0001_initial").create_legal_pages(apps, None)

    edited.refresh_from_db()
    assert edited.title == "Tillgänglighet på webbplatsen"
    assert edited.body == "<p>Vår egen text om tillgänglighet, skriven i år.</p>"
    assert Page.objects.get(slug="integritet").title == "Integritetspolicy"
    assert legal.create_missing(Page) == []


@pytest.mark.django_db
def test_a_changed_setting_shows_without_editing_the_page(readers, settings):
    legal.create_missing(Page)
    assert "kansliet@hallbar-upphandling.se" in readers.get("/integritet/").content.decode()

    settings.CONTACT_EMAIL = "dataskydd@sjukhusinköp.se"
    settings.NEWSLETTER_RETENTION_DAYS = 14

    html = readers.get("/integritet/").content.decode()
    assert "dataskydd@sjukhusinköp.se" in html
    assert "raderas de 14 dagar senare" in html
    assert "kansliet@hallbar-upphandling.se" not in html


@pytest.mark.django_db
def test_staff_keep_the_placeholders_when_they_save_the_page(staff_client):
    legal.create_missing(Page)
    page = Page.objects.get(slug="integritet")

    response = staff_client.post(
        f"/admin/secretariat/page/{page.pk}/change/",
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "body": page.body + "<p>Frågor: {{ contact_email }}.</p>",
            "is_published": "on",
        },
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body.count("{{ contact_email }}") > 2
    assert page.body.endswith("<p>Frågor: {{ contact_email }}.</p>")


def test_placeholders_are_filled_in_escaped_and_unknown_ones_left(settings):
    settings.CONTACT_EMAIL = 'å"<b>@example.org'

    html = fill_placeholders('<a href="mailto:{{contact_email}}">{{ contact_email }}</a> {{ x }}')

    assert html == (
        '<a href="mailto:å&quot;&lt;b&gt;@example.org">å&quot;&lt;b&gt;@example.org</a> {{ x }}'
    )


@pytest.mark.parametrize(
    ("address", "placeholder"),
    [
        ("kansliet@example.org", True),
        ("Kansliet <nyhetsbrev@EXAMPLE.com>", True),
        ("post@mail.example.net", True),
        ("", True),
        ("root@localhost", True),
        ("kansliet@hallbar-upphandling.se", False),
        ("Sykehusinnkjøp <post@sykehusinnkjop.no>", False),
    ],
)
def test_example_addresses_count_as_placeholders(address, placeholder):
    assert checks.is_placeholder(address) is placeholder


def test_the_deploy_check_names_each_placeholder(settings):
    settings.CONTACT_EMAIL = "kansliet@example.org"
    settings.DEFAULT_FROM_EMAIL = "Kansliet <nyhetsbrev@hallbar-upphandling.se>"

    warnings = checks.contact_addresses(None)

    assert [(w.id, w.msg.split(" ")[0]) for w in warnings] == [
        ("secretariat.W001", "CONTACT_EMAIL")
    ]
    settings.CONTACT_EMAIL = "kansliet@hallbar-upphandling.se"
    assert checks.contact_addresses(None) == []
