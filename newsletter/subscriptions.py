"""What happens to a subscriber: sign up, confirm, unsubscribe, stop mail, reactivate, erase.

Each function is one transaction that changes the subscriber and appends to the
consent ledger together, and enqueues its email only once that has committed.
"""

from datetime import timedelta

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from .models import ConsentEvent, Delivery, Subscriber, hash_ip, normalise_email

# A pending subscriber who signs up again gets the confirmation again, but not
# more often than this, so the form cannot be used to flood someone's inbox.
RESEND_INTERVAL = timedelta(minutes=5)

# Those who get no mail until they sign up again (or staff reactivate them).
STOPPED = (
    Subscriber.Status.UNSUBSCRIBED,
    Subscriber.Status.BOUNCED,
    Subscriber.Status.COMPLAINED,
)


def _record(subscriber, kind, method, ip_address=""):
    ConsentEvent.objects.create(
        subscriber=subscriber, kind=kind, method=method, ip_hash=hash_ip(ip_address)
    )


def _get_or_create_locked(email, defaults):
    """The subscriber with this address, locked; created if missing.

    Concurrent sign-ups of one address race to insert; the unique index on
    ``lower(email)`` lets one win, and the others (inside a savepoint, so their
    transaction survives) find the winner's row once it has committed.
    """
    queryset = Subscriber.objects.with_email(email).select_for_update()
    subscriber = queryset.first()
    if subscriber:
        return subscriber, False
    try:
        with transaction.atomic():
            return Subscriber.objects.create(email=email, **defaults), True
    except IntegrityError:
        return queryset.get(), False


@transaction.atomic
def sign_up(email, name="", source=Subscriber.Source.SIGNUP_PAGE, ip_address=""):
    """Sign someone up, or do what fits an address already on the list.

    The visitor sees the same answer in every case; only the emails differ: a new
    or unsubscribed address gets a confirmation link, a pending one gets it again
    at most once per ``RESEND_INTERVAL``, a confirmed one gets nothing.
    """
    from .tasks import send_confirmation

    email = normalise_email(email)
    now = timezone.now()
    subscriber, created = _get_or_create_locked(
        email, {"name": name, "source": source, "created_at": now}
    )
    if subscriber.status == Subscriber.Status.CONFIRMED:
        return subscriber
    if subscriber.status in STOPPED:
        # Signing up again is a new consent, proven by the confirmation link: an
        # address that bounced has to receive that mail, and one that complained
        # asks for it.
        subscriber.status = Subscriber.Status.PENDING
        subscriber.confirmation_sent_at = None
    if name and not created:
        subscriber.name = name
    _record(subscriber, ConsentEvent.Kind.SIGNED_UP, ConsentEvent.Method.WEB_FORM, ip_address)
    sent = subscriber.confirmation_sent_at
    if sent is None or now - sent >= RESEND_INTERVAL:
        subscriber.confirmation_sent_at = now
        transaction.on_commit(lambda: send_confirmation.enqueue(subscriber.pk))
    subscriber.save()
    return subscriber


@transaction.atomic
def confirm(subscriber_pk, ip_address=""):
    """Confirm a pending subscriber. Returns the subscriber, or None if it cannot be.

    Confirming twice is harmless; an unsubscribed or erased subscriber must sign
    up again, since an old link is not a new consent.
    """
    from .tasks import send_welcome

    subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber_pk).first()
    if subscriber is None or subscriber.status in (*STOPPED, Subscriber.Status.ERASED):
        return None
    if subscriber.status == Subscriber.Status.PENDING:
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["status", "confirmed_at"])
        _record(subscriber, ConsentEvent.Kind.CONFIRMED, ConsentEvent.Method.EMAIL_LINK, ip_address)
        transaction.on_commit(lambda: send_welcome.enqueue(subscriber.pk))
    return subscriber


@transaction.atomic
def unsubscribe(subscriber_pk, method=ConsentEvent.Method.EMAIL_LINK, ip_address=""):
    """Take a subscriber off the list at once. Idempotent; unknown numbers are ignored."""
    subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber_pk).first()
    if subscriber is None or subscriber.status in (
        Subscriber.Status.UNSUBSCRIBED,
        # Already gets nothing, for a stronger reason than an unsubscribe.
        Subscriber.Status.COMPLAINED,
        Subscriber.Status.ERASED,
    ):
        return subscriber
    subscriber.status = Subscriber.Status.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save(update_fields=["status", "unsubscribed_at"])
    _record(subscriber, ConsentEvent.Kind.UNSUBSCRIBED, method, ip_address)
    return subscriber


@transaction.atomic
def stop_mail(subscriber_pk, status, reason="", event_id="", method=ConsentEvent.Method.PROVIDER):
    """Send nothing more to this address: it bounced, or its owner marked our mail as spam.

    ``status`` is ``Subscriber.Status.BOUNCED`` or ``COMPLAINED``. A complaint
    is never turned back into a bounce; erased subscribers stay as they are.
    Returns the subscriber, or None for an unknown number.
    """
    subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber_pk).first()
    if subscriber is None or subscriber.status in (
        status,
        Subscriber.Status.COMPLAINED,
        Subscriber.Status.ERASED,
    ):
        return subscriber
    subscriber.status = status
    subscriber.stopped_at = timezone.now()
    subscriber.stop_reason = reason[:2000]
    subscriber.stop_event_id = event_id[:200]
    subscriber.save(update_fields=["status", "stopped_at", "stop_reason", "stop_event_id"])
    kind = (
        ConsentEvent.Kind.COMPLAINED
        if status == Subscriber.Status.COMPLAINED
        else ConsentEvent.Kind.BOUNCED
    )
    _record(subscriber, kind, method)
    return subscriber


def can_reactivate(subscriber):
    """Only someone who had confirmed, and not unsubscribed since, gets the list back."""
    return (
        subscriber.status in (Subscriber.Status.BOUNCED, Subscriber.Status.COMPLAINED)
        and subscriber.confirmed_at is not None
        and (
            subscriber.unsubscribed_at is None
            or subscriber.unsubscribed_at < subscriber.confirmed_at
        )
    )


@transaction.atomic
def reactivate(subscriber_pk):
    """Staff put back an address that bounced, or was reported as spam, by mistake.

    Returns True if the subscriber subscribes again, False if they cannot be.
    """
    subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber_pk).first()
    if subscriber is None or not can_reactivate(subscriber):
        return False
    subscriber.status = Subscriber.Status.CONFIRMED
    subscriber.soft_bounces = 0
    subscriber.stopped_at = None
    subscriber.stop_reason = ""
    subscriber.stop_event_id = ""
    subscriber.save(
        update_fields=["status", "soft_bounces", "stopped_at", "stop_reason", "stop_event_id"]
    )
    _record(subscriber, ConsentEvent.Kind.REACTIVATED, ConsentEvent.Method.ADMIN)
    return True


@transaction.atomic
def erase(subscriber, method=ConsentEvent.Method.RETENTION):
    """Erase a subscriber's personal data; the row and the ledger stay, anonymous."""
    if subscriber.status == Subscriber.Status.ERASED:
        return
    subscriber.email = None
    subscriber.name = ""
    # A bounce message may quote the address.
    subscriber.stop_reason = ""
    subscriber.status = Subscriber.Status.ERASED
    subscriber.erased_at = timezone.now()
    subscriber.save(update_fields=["email", "name", "stop_reason", "status", "erased_at"])
    # An SMTP error message may quote the address.
    Delivery.objects.filter(subscriber=subscriber).exclude(error="").update(error="")
    # The admin's history names the subscriber as it was when staff acted on it.
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Subscriber), object_id=str(subscriber.pk)
    ).update(object_repr=str(subscriber))
    _record(subscriber, ConsentEvent.Kind.ERASED, method)


def due_for_erasure(retention_days, now=None):
    """Unsubscribed, stopped and never-confirmed subscribers older than the retention period."""
    cutoff = (now or timezone.now()) - timedelta(days=retention_days)
    unsubscribed = Q(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at__lt=cutoff)
    unsubscribed |= Q(
        status__in=[Subscriber.Status.BOUNCED, Subscriber.Status.COMPLAINED],
        stopped_at__lt=cutoff,
    )
    never_confirmed = Q(status=Subscriber.Status.PENDING) & (
        Q(confirmation_sent_at__lt=cutoff)
        | Q(confirmation_sent_at__isnull=True, created_at__lt=cutoff)
    )
    return Subscriber.objects.filter(unsubscribed | never_confirmed)
