"""Every admin change shows in the object's history, and pages can go back a version."""

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse
from reversion.models import Version

from secretariat.models import Page

pytestmark = pytest.mark.django_db


def page_form(**changes):
    data = {"title": "Om oss", "slug": "om-oss", "intro": "", "body": "", "is_published": "on"}
    return data | changes


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("karin", "karin@example.org", "pw")


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_an_edit_shows_in_the_history_with_who_and_when(admin_client):
    admin_client.post(reverse("admin:secretariat_page_add"), page_form())
    page = Page.objects.get()
    admin_client.post(
        reverse("admin:secretariat_page_change", args=[page.pk]), page_form(title="Om kansliet")
    )

    history = admin_client.get(reverse("admin:secretariat_page_history", args=[page.pk]))

    assert history.status_code == 200
    entries = LogEntry.objects.filter(object_id=str(page.pk)).order_by("action_time")
    assert [entry.user.username for entry in entries] == ["karin", "karin"]
    assert "karin" in history.text
    assert entries.first().is_addition()
    assert entries.last().is_change()


def test_a_bulk_action_leaves_a_line_in_each_pages_history(admin_client, admin_user):
    pages = [
        Page.objects.create(title=f"Sida {n}", slug=f"sida-{n}", is_published=False)
        for n in range(3)
    ]
    selected = pages[:2]

    response = admin_client.post(
        reverse("admin:secretariat_page_changelist"),
        {"action": "publish", "_selected_action": [page.pk for page in selected]},
    )

    assert response.status_code == 302
    assert Page.objects.filter(is_published=True).count() == 2
    for page in selected:
        entry = LogEntry.objects.get(object_id=str(page.pk))
        assert entry.user == admin_user
        assert entry.action_flag == CHANGE
        assert entry.get_change_message() == "Åtgärd: Publicera de markerade sidorna"
        history = admin_client.get(reverse("admin:secretariat_page_history", args=[page.pk]))
        assert "Åtgärd: Publicera de markerade sidorna" in history.text
    assert not LogEntry.objects.filter(object_id=str(pages[2].pk)).exists()


def test_an_action_whose_log_cannot_be_written_changes_nothing(admin_client, monkeypatch):
    page = Page.objects.create(title="Sida", slug="sida", is_published=False)

    def refuse(*args, **kwargs):
        raise RuntimeError("the log could not be written")

    monkeypatch.setattr(LogEntry.objects, "log_actions", refuse)
    with pytest.raises(RuntimeError):
        admin_client.post(
            reverse("admin:secretariat_page_changelist"),
            {"action": "publish", "_selected_action": [page.pk]},
        )

    page.refresh_from_db()
    assert not page.is_published


def test_an_earlier_version_of_a_page_can_be_restored(admin_client):
    admin_client.post(reverse("admin:secretariat_page_add"), page_form(body="<p>Bra text.</p>"))
    page = Page.objects.get()
    admin_client.post(
        reverse("admin:secretariat_page_change", args=[page.pk]),
        page_form(title="Fel rubrik", body="<p>Förstörd.</p>"),
    )
    first = Version.objects.get_for_object(page).order_by("pk").first()
    assert Version.objects.get_for_object(page).count() == 2

    history = admin_client.get(reverse("admin:secretariat_page_history", args=[page.pk]))
    revision_url = reverse("admin:secretariat_page_revision", args=[page.pk, first.pk])
    assert revision_url in history.text
    form = admin_client.get(revision_url)
    assert form.status_code == 200
    assert "Bra text." in form.text
    restored = admin_client.post(revision_url, page_form(body="<p>Bra text.</p>"))

    assert restored.status_code == 302
    page.refresh_from_db()
    assert page.title == "Om oss"
    assert page.body == "<p>Bra text.</p>"
    assert Version.objects.get_for_object(page).count() == 3


def test_a_deleted_page_can_be_recovered(admin_client):
    admin_client.post(reverse("admin:secretariat_page_add"), page_form())
    page = Page.objects.get()
    admin_client.post(reverse("admin:secretariat_page_delete", args=[page.pk]), {"post": "yes"})
    assert not Page.objects.exists()

    version = Version.objects.get_deleted(Page).get()
    recover_url = reverse("admin:secretariat_page_recover", args=[version.pk])
    assert admin_client.get(reverse("admin:secretariat_page_recoverlist")).status_code == 200
    response = admin_client.post(recover_url, page_form())

    assert response.status_code == 302
    assert Page.objects.get().title == "Om oss"
