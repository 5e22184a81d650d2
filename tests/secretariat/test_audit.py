"""Every admin change shows in the object's history, and content can go back a version."""

import pytest
import reversion
from django.contrib import admin
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from reversion.models import Version
from taggit.models import Tag

from articles.models import Article, Hero
from events.models import Event, Organisation, Person
from newsletter.models import Subscriber
from secretariat.models import Page
from secretariat.operations.audit import VersionedAdmin
from tests.factories import ArticleFactory, EventFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_pages():
    # These tests count pages; the legal pages the first migrate made are not theirs.
    Page.objects.all().delete()


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


# Every app's admin ------------------------------------------------------------


def history(obj):
    return LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    )


def test_every_custom_admin_action_is_logged():
    """An action Django does not log itself must be a ``logged_action``."""
    unlogged = []
    for model, model_admin in admin.site._registry.items():
        for action in model_admin.actions or ():
            function = getattr(type(model_admin), action) if isinstance(action, str) else action
            if not getattr(function, "logged", False):
                unlogged.append(f"{model._meta.label}: {getattr(action, '__name__', action)}")
    for name, function in admin.site.actions:
        # Django's own delete action logs each deletion in the object's history.
        if name != "delete_selected" and not getattr(function, "logged", False):
            unlogged.append(f"site: {name}")
    assert unlogged == []


@pytest.mark.parametrize(
    "model", [Article, Hero, Event, Person, Organisation], ids=lambda model: model.__name__
)
def test_content_admins_keep_versions(model):
    assert isinstance(admin.site.get_model_admin(model), VersionedAdmin)
    assert reversion.is_registered(model)


def test_an_article_action_is_in_its_history_with_a_version(admin_client):
    article = ArticleFactory(status=Article.Status.DRAFT)

    admin_client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "publish", "_selected_action": [article.pk]},
    )

    entry = history(article).get()
    assert entry.get_change_message() == "Åtgärd: Publicera de markerade artiklarna"
    [version] = Version.objects.get_for_object(article)
    assert version.field_dict["status"] == Article.Status.PUBLISHED


def test_an_earlier_version_of_an_article_brings_back_its_authors(admin_client):
    first, second = PersonFactory(name="Sara Nyberg"), PersonFactory(name="Johan Ekström")
    form = {
        "title": "Revision i Sialkot",
        "slug": "revision-i-sialkot",
        "lead": "Kansliet besökte verkstäder.",
        "body": "<p>Text.</p>",
        "status": "draft",
        "published_at_0": "2019-03-14",
        "published_at_1": "16:00:00",
        "language": "sv",
        "tags": "revision",
        "image_alt": "",
        "image_caption": "",
        "image_credit": "",
        "authorships-TOTAL_FORMS": "1",
        "authorships-INITIAL_FORMS": "0",
        "authorships-0-person": str(first.pk),
        "authorships-0-order": "0",
    }
    assert admin_client.post(reverse("admin:articles_article_add"), form).status_code == 302
    article = Article.objects.get()
    authorship = article.authorships.get()
    changed = form | {
        "title": "Fel rubrik",
        "authorships-INITIAL_FORMS": "1",
        "authorships-0-id": str(authorship.pk),
        "authorships-0-article": str(article.pk),
        "authorships-0-person": str(second.pk),
    }
    url = reverse("admin:articles_article_change", args=[article.pk])
    assert admin_client.post(url, changed).status_code == 302
    assert [person.name for person in article.authors.all()] == ["Johan Ekström"]
    earliest = Version.objects.get_for_object(article).order_by("pk").first()

    earliest.revision.revert(delete=True)

    article.refresh_from_db()
    assert article.title == "Revision i Sialkot"
    assert [person.name for person in article.authors.all()] == ["Sara Nyberg"]


def test_event_actions_are_logged_and_a_merge_only_once_confirmed(admin_client):
    event = EventFactory(title="Workshop i Wien")
    keep, duplicate = PersonFactory(name="Irina Kovalenko"), PersonFactory(name="I. Kovalenko")

    admin_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "cancel", "_selected_action": [event.pk]},
    )
    confirm = admin_client.post(
        reverse("admin:events_person_changelist"),
        {"action": "merge", "_selected_action": [keep.pk, duplicate.pk]},
    )
    assert confirm.status_code == 200
    assert not history(keep).exists()
    assert not history(duplicate).exists()
    admin_client.post(
        reverse("admin:events_person_changelist"),
        {"action": "merge", "_selected_action": [keep.pk, duplicate.pk], "keep": keep.pk},
    )

    assert history(event).get().get_change_message() == ("Åtgärd: Ställ in de valda evenemangen")
    assert Version.objects.get_for_object(event).get().field_dict["status"] == "cancelled"
    assert history(keep).count() == 1


def test_an_erased_subscriber_is_not_named_in_the_admin_history(admin_client):
    reader = Subscriber.objects.create(email="las@example.org", status="confirmed")
    changelist = reverse("admin:newsletter_subscriber_changelist")

    admin_client.post(changelist, {"action": "unsubscribe", "_selected_action": [reader.pk]})
    admin_client.post(changelist, {"action": "erase", "_selected_action": [reader.pk]})

    entries = history(reader)
    assert entries.count() == 2
    assert not entries.filter(object_repr__icontains="las@example.org").exists()
    page = admin_client.get(reverse("admin:newsletter_subscriber_history", args=[reader.pk]))
    assert "las@example.org" not in page.text


def test_merging_tags_keeps_every_tagged_thing_and_is_logged(admin_client):
    both = ArticleFactory(tags=["klimat", "Klimat"])
    one = ArticleFactory(tags=["Klimat"])
    event = EventFactory(tags=["klimatet"])
    tags = list(Tag.objects.order_by("name"))
    selected = {"action": "merge", "_selected_action": [tag.pk for tag in tags]}
    keep = Tag.objects.get(name="klimat")

    confirm = admin_client.post(reverse("admin:taggit_tag_changelist"), selected)
    assert "Vilket ämne ska behållas" in confirm.text
    assert "Slå ihop ämnen" in confirm.text
    done = admin_client.post(reverse("admin:taggit_tag_changelist"), selected | {"keep": keep.pk})

    assert done.status_code == 302
    assert list(Tag.objects.all()) == [keep]
    for tagged in (both, one, event):
        assert list(tagged.tags.names()) == ["klimat"]
    assert all(history(tag).count() == 1 for tag in tags)


def test_a_merge_of_one_says_so_and_logs_nothing(admin_client):
    person = PersonFactory()

    response = admin_client.post(
        reverse("admin:events_person_changelist"),
        {"action": "merge", "_selected_action": [person.pk]},
        follow=True,
    )

    assert "Välj minst två personer att slå ihop." in response.text
    assert not history(person).exists()
