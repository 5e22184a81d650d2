"""The consent ledger is append-only in the database; purging keeps it, anonymous."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import DatabaseError, transaction
from django.utils import timezone

from newsletter.models import ConsentEvent, Delivery, Issue, Subscriber
from newsletter.subscriptions import sign_up, stop_mail, unsubscribe

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    subscriber = Subscriber.objects.create(email="ledger@example.org")
    return ConsentEvent.objects.create(
        subscriber=subscriber, kind=ConsentEvent.Kind.SIGNED_UP, method="web_form"
    )


def test_update_is_refused_by_the_database(event):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        ConsentEvent.objects.filter(pk=event.pk).update(kind=ConsentEvent.Kind.CONFIRMED)
    event.refresh_from_db()
    assert event.kind == ConsentEvent.Kind.SIGNED_UP


def test_delete_is_refused_by_the_database(event):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        ConsentEvent.objects.filter(pk=event.pk)._raw_delete(ConsentEvent.objects.db)
    assert ConsentEvent.objects.filter(pk=event.pk).exists()


def _age(subscriber, days, times=("created_at",)):
    past = timezone.now() - timedelta(days=days)
    Subscriber.objects.filter(pk=subscriber.pk).update(**dict.fromkeys(times, past))


def test_purge_erases_personal_data_and_keeps_the_anonymous_ledger(settings, capsys):
    settings.NEWSLETTER_RETENTION_DAYS = 30
    left = sign_up("left@example.org", "Leif", ip_address="192.0.2.1")
    unsubscribe(left.pk)
    _age(left, 31, times=("created_at", "unsubscribed_at"))
    never = sign_up("never@example.org", "Nora")
    _age(never, 31, times=("created_at", "confirmation_sent_at"))
    recent = sign_up("recent@example.org")
    staying = Subscriber.objects.create(
        email="stays@example.org", status=Subscriber.Status.CONFIRMED, created_at=timezone.now()
    )
    _age(staying, 400)
    issue = Issue.objects.create(subject="S", introduction="I")
    Delivery.objects.create(issue=issue, subscriber=left, error="550 <left@example.org> refused")
    ledger_before = set(ConsentEvent.objects.values_list("pk", "kind", "ip_hash", "created_at"))

    call_command("purge_subscribers")
    assert "2" in capsys.readouterr().out

    for erased in (left, never):
        erased.refresh_from_db()
        assert erased.status == Subscriber.Status.ERASED
        assert erased.email is None
        assert erased.name == ""
        assert erased.erased_at is not None
        assert erased.consent_events.filter(kind=ConsentEvent.Kind.ERASED).count() == 1
    assert not Delivery.objects.filter(error__contains="left@").exists()
    for kept in (recent, staying):
        kept.refresh_from_db()
        assert kept.email
    # The earlier ledger is untouched, and nothing in it names anyone.
    ledger_after = set(ConsentEvent.objects.values_list("pk", "kind", "ip_hash", "created_at"))
    assert ledger_before <= ledger_after
    assert not any("@" in str(row) or "192.0.2.1" in str(row) for row in ledger_after)

    # Running again erases nobody twice; the address can sign up afresh.
    call_command("purge_subscribers")
    assert ConsentEvent.objects.filter(kind=ConsentEvent.Kind.ERASED).count() == 2
    assert sign_up("left@example.org").status == Subscriber.Status.PENDING


def test_purge_dry_run_changes_nothing(capsys):
    subscriber = sign_up("never@example.org")
    _age(subscriber, 400, times=("created_at", "confirmation_sent_at"))
    call_command("purge_subscribers", "--dry-run", "--days", "10")
    assert "1" in capsys.readouterr().out
    subscriber.refresh_from_db()
    assert subscriber.email == "never@example.org"


def test_purge_erases_bounced_and_complained_addresses_after_the_retention_period(settings):
    settings.NEWSLETTER_RETENTION_DAYS = 30
    old_bounce, old_complaint, recent_bounce = (
        Subscriber.objects.create(email=f"{name}@exempel.se", status=Subscriber.Status.CONFIRMED)
        for name in ("gammal-studs", "gammalt-klagomål", "ny-studs")
    )
    stop_mail(old_bounce.pk, Subscriber.Status.BOUNCED, "550 <gammal-studs@exempel.se> unknown")
    stop_mail(old_complaint.pk, Subscriber.Status.COMPLAINED, "abuse")
    stop_mail(recent_bounce.pk, Subscriber.Status.BOUNCED, "550")
    past = timezone.now() - timedelta(days=31)
    Subscriber.objects.filter(pk__in=[old_bounce.pk, old_complaint.pk]).update(stopped_at=past)

    call_command("purge_subscribers")

    for erased in (old_bounce, old_complaint):
        erased.refresh_from_db()
        assert erased.status == Subscriber.Status.ERASED
        # The bounce message quoted the address: it goes with the rest.
        assert erased.stop_reason == ""
    recent_bounce.refresh_from_db()
    assert recent_bounce.email == "ny-studs@exempel.se"


def test_an_address_that_complained_can_sign_up_again_with_a_new_confirmation():
    subscriber = Subscriber.objects.create(
        email="åter@exempel.se", status=Subscriber.Status.CONFIRMED
    )
    stop_mail(subscriber.pk, Subscriber.Status.COMPLAINED, "abuse")

    again = sign_up("Åter@exempel.se", ip_address="192.0.2.7")

    assert again.pk == subscriber.pk
    assert again.status == Subscriber.Status.PENDING
    kinds = list(again.consent_events.order_by("pk").values_list("kind", flat=True))
    assert kinds == [ConsentEvent.Kind.COMPLAINED, ConsentEvent.Kind.SIGNED_UP]
