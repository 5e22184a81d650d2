"""The newsletter admin: who may see subscribers, export them and send issues."""

import csv
import io

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from newsletter.models import ConsentEvent, Delivery, Issue, ProviderEvent, Subscriber
from newsletter.subscriptions import stop_mail

from .conftest import make_subscribers

pytestmark = pytest.mark.django_db


def staff(django_user_model, *permissions, username="staff"):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "pw", is_staff=True
    )
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    return user


@pytest.fixture
def issue():
    return Issue.objects.create(subject="Novembernumret", introduction="Hej läsare.")


def test_editors_without_newsletter_permissions_cannot_see_subscribers(client, django_user_model):
    make_subscribers(2)
    client.force_login(staff(django_user_model, "view_issue", "change_issue"))
    assert client.get(reverse("admin:newsletter_subscriber_changelist")).status_code == 403
    assert client.get(reverse("admin:newsletter_consentevent_changelist")).status_code == 403
    index = client.get(reverse("admin:index")).text
    assert "reader0@example.org" not in index
    assert reverse("admin:newsletter_subscriber_changelist") not in index


def test_subscribers_are_listed_searched_and_counted(client, django_user_model):
    make_subscribers(3)
    make_subscribers(2, Subscriber.Status.PENDING, prefix="waiting")
    client.force_login(staff(django_user_model, "view_subscriber"))
    url = reverse("admin:newsletter_subscriber_changelist")
    page = client.get(url)
    assert page.status_code == 200
    assert "Väntar på bekräftelse (2)" in page.text
    found = client.get(url, {"q": "waiting1"})
    assert "waiting1@example.org" in found.text
    assert "reader0@example.org" not in found.text
    # Nobody adds subscribers by hand, and nobody deletes them (erasure keeps the ledger).
    assert client.get(reverse("admin:newsletter_subscriber_add")).status_code == 403


def _export(client, pks):
    return client.post(
        reverse("admin:newsletter_subscriber_changelist"),
        {"action": "export_csv", "_selected_action": pks},
    )


def test_csv_export_needs_its_own_permission(client, django_user_model):
    readers = make_subscribers(2)
    pending = Subscriber.objects.create(email="pending@example.org")
    pks = [s.pk for s in [*readers, pending]]

    client.force_login(staff(django_user_model, "view_subscriber"))
    denied = _export(client, pks)
    assert denied.get("Content-Type", "").startswith("text/html")

    client.force_login(
        staff(django_user_model, "view_subscriber", "export_subscriber", username="exporter")
    )
    response = _export(client, pks)
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["E-postadress", "Namn", "Bekräftad", "Källa"]
    assert sorted(row[0] for row in rows[1:]) == ["reader0@example.org", "reader1@example.org"]


def test_erase_action_blanks_personal_data_and_writes_the_ledger(client, django_user_model):
    [reader] = make_subscribers(1)
    client.force_login(staff(django_user_model, "view_subscriber", "change_subscriber"))
    client.post(
        reverse("admin:newsletter_subscriber_changelist"),
        {"action": "erase", "_selected_action": [reader.pk]},
    )
    reader.refresh_from_db()
    assert reader.email is None
    assert reader.consent_events.get().method == ConsentEvent.Method.ADMIN


def test_ledger_is_read_only_in_the_admin(client, django_user_model):
    [reader] = make_subscribers(1)
    event = ConsentEvent.objects.create(subscriber=reader, kind="signed_up", method="web_form")
    client.force_login(staff(django_user_model, "view_consentevent", "change_consentevent"))
    page = client.get(reverse("admin:newsletter_consentevent_change", args=[event.pk]))
    assert page.status_code == 200
    assert 'name="_save"' not in page.text


def test_preview_shows_the_email_in_the_browser(client, django_user_model, issue):
    client.force_login(staff(django_user_model, "view_issue"))
    response = client.get(reverse("admin:newsletter_issue_preview", args=[issue.pk]))
    assert response.status_code == 200
    assert "Novembernumret" in response.text
    assert "Hej läsare." in response.text
    assert "'unsafe-inline'" in response["Content-Security-Policy"]
    assert "script-src" not in response["Content-Security-Policy"]


def test_test_send_goes_to_my_own_address_only(
    client, django_user_model, issue, smtp_server, on_commit
):
    make_subscribers(3)
    client.force_login(staff(django_user_model, "view_issue", "change_issue"))
    page = client.get(reverse("admin:newsletter_issue_change", args=[issue.pk]))
    assert "Skicka ett test till min adress" in page.text
    assert "Skicka till prenumeranterna" not in page.text  # No send permission.
    with on_commit():
        response = client.post(reverse("admin:newsletter_issue_test", args=[issue.pk]))
    assert response.status_code == 302
    [message] = smtp_server.messages
    assert message["To"] == "staff@example.org"
    assert message["Subject"] == "[Test] Novembernumret"
    issue.refresh_from_db()
    assert issue.status == Issue.Status.DRAFT
    assert not Delivery.objects.exists()


def test_test_send_needs_the_change_permission(client, django_user_model, issue, smtp_server):
    client.force_login(staff(django_user_model, "view_issue"))
    response = client.post(reverse("admin:newsletter_issue_test", args=[issue.pk]))
    assert response.status_code == 403
    assert smtp_server.messages == []


def test_sending_needs_the_send_permission(client, django_user_model, issue, smtp_server):
    make_subscribers(2)
    client.force_login(staff(django_user_model, "view_issue", "change_issue"))
    url = reverse("admin:newsletter_issue_send", args=[issue.pk])
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert smtp_server.messages == []


def test_send_from_the_admin_with_progress(
    client, django_user_model, issue, smtp_server, on_commit
):
    make_subscribers(4)
    client.force_login(staff(django_user_model, "view_issue", "change_issue", "send_issue"))
    url = reverse("admin:newsletter_issue_send", args=[issue.pk])
    confirm = client.get(url)
    assert "till 4 bekräftade prenumeranter" in confirm.text
    with on_commit():
        response = client.post(url)
    assert response.status_code == 302
    assert len(smtp_server.messages) == 4
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    listing = client.get(reverse("admin:newsletter_issue_changelist"))
    assert (
        "4 skickade, 0 levererade, 0 studsade, 0 markerade som skräppost, "
        "0 misslyckade, 0 väntar" in listing.text
    )
    # A sent issue can be looked at but not changed, nor sent again.
    page = client.get(reverse("admin:newsletter_issue_change", args=[issue.pk]))
    assert 'name="_save"' not in page.text
    with on_commit():
        client.post(url)
    assert len(smtp_server.messages) == 4


def test_issue_admin_pages_render(client, django_user_model, issue):
    client.force_login(staff(django_user_model, "view_issue", "add_issue", "change_issue"))
    assert client.get(reverse("admin:newsletter_issue_add")).status_code == 200
    assert client.get(reverse("admin:newsletter_issue_change", args=[issue.pk])).status_code == 200


def test_reactivating_an_address_that_bounced_by_mistake(client, django_user_model):
    bounced, complained, never_confirmed = make_subscribers(3, prefix="åter")
    now = timezone.now()
    Subscriber.objects.filter(pk__in=[bounced.pk, complained.pk]).update(confirmed_at=now)
    for subscriber, status in (
        (bounced, Subscriber.Status.BOUNCED),
        (complained, Subscriber.Status.COMPLAINED),
        (never_confirmed, Subscriber.Status.BOUNCED),
    ):
        stop_mail(subscriber.pk, status, "550 5.1.1 user unknown", "ev-1")
    client.force_login(staff(django_user_model, "view_subscriber", "change_subscriber"))

    response = client.post(
        reverse("admin:newsletter_subscriber_changelist"),
        {"action": "reactivate", "_selected_action": [s.pk for s in (bounced, never_confirmed)]},
        follow=True,
    )

    assert "1 prenumerant får nyhetsbrevet igen." in response.text
    assert "kan återaktiveras" in response.text
    bounced.refresh_from_db()
    assert bounced.status == Subscriber.Status.CONFIRMED
    assert (bounced.stop_reason, bounced.soft_bounces) == ("", 0)
    kinds = list(bounced.consent_events.order_by("pk").values_list("kind", "method"))
    assert kinds == [
        (ConsentEvent.Kind.BOUNCED, ConsentEvent.Method.PROVIDER),
        (ConsentEvent.Kind.REACTIVATED, ConsentEvent.Method.ADMIN),
    ]
    # Someone who never confirmed is not put on the list by staff.
    never_confirmed.refresh_from_db()
    assert never_confirmed.status == Subscriber.Status.BOUNCED
    # The action is in the admin's history too.
    assert LogEntry.objects.filter(object_id=str(bounced.pk)).exists()


def test_reactivating_needs_the_change_permission(client, django_user_model):
    [subscriber] = make_subscribers(1)
    stop_mail(subscriber.pk, Subscriber.Status.BOUNCED, "550")
    client.force_login(staff(django_user_model, "view_subscriber"))
    client.post(
        reverse("admin:newsletter_subscriber_changelist"),
        {"action": "reactivate", "_selected_action": [subscriber.pk]},
    )
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.BOUNCED


def test_subscribers_are_filtered_by_state(client, django_user_model):
    make_subscribers(2)
    [gone] = make_subscribers(1, prefix="studsad")
    stop_mail(gone.pk, Subscriber.Status.BOUNCED, "550")
    client.force_login(staff(django_user_model, "view_subscriber"))
    url = reverse("admin:newsletter_subscriber_changelist")

    page = client.get(url, {"status__exact": "bounced"})

    assert "Studsade (1)" in page.text
    assert "studsad0@example.org" in page.text
    assert "reader0@example.org" not in page.text


def test_each_issue_shows_delivered_bounced_complained_and_failed(client, django_user_model, issue):
    readers = make_subscribers(6)
    for reader, status in zip(
        readers,
        ["sent", "delivered", "delivered", "bounced", "complained", "failed"],
        strict=True,
    ):
        Delivery.objects.create(issue=issue, subscriber=reader, status=status)
    client.force_login(staff(django_user_model, "view_issue"))

    listing = client.get(reverse("admin:newsletter_issue_changelist"))

    assert (
        "1 skickade, 2 levererade, 1 studsade, 1 markerade som skräppost, "
        "1 misslyckade, 0 väntar" in listing.text
    )


@pytest.mark.parametrize("size", [5, 200])
def test_newsletter_admin_lists_query_counts_do_not_grow(
    client, django_user_model, django_assert_max_num_queries, size
):
    readers = make_subscribers(size)
    issue = Issue.objects.create(subject="Nummer", introduction="Text.")
    Delivery.objects.bulk_create(
        Delivery(issue=issue, subscriber=reader, status="delivered") for reader in readers
    )
    ProviderEvent.objects.bulk_create(
        ProviderEvent(key=f"{n:064d}", esp_name="Postmark", event_type="bounced", event_id=str(n))
        for n in range(size)
    )
    client.force_login(
        staff(django_user_model, "view_subscriber", "view_issue", "view_providerevent")
    )
    for name in ("subscriber", "issue", "providerevent"):
        with django_assert_max_num_queries(10):
            response = client.get(reverse(f"admin:newsletter_{name}_changelist"))
            assert response.status_code == 200
