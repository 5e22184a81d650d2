"""What the mail provider reports after sending: bounces, complaints, unsubscribes.

Anymail's tracking webhooks (``/anymail/<provider>/tracking/``) turn each
provider's report into an ``AnymailTrackingEvent`` and send the ``tracking``
signal; ``handle`` acts on it:

- a hard bounce, a rejection as invalid or blocked, or a spam complaint stops
  all mail to the address at once (``subscriptions.stop_mail``);
- a soft bounce (a full mailbox, a server that is down) counts once per issue;
  ``Subscriber.SOFT_BOUNCE_LIMIT`` issues in a row make the address bounced,
  and a delivered issue starts the count again;
- an unsubscribe reported by the provider unsubscribes, as the one-click link does;
- each event is acted on once: a repeat of it is recognised by ``_key``.

Copies of an issue carry ``{"issue": …, "delivery": …}`` as anymail metadata;
events without it (a welcome mail) still stop mail to the address they name.
"""

import hashlib
import logging

from anymail.signals import EventType, RejectReason
from django.db import IntegrityError, transaction
from django.db.models import F

from . import subscriptions
from .models import ConsentEvent, Delivery, ProviderEvent, Subscriber

logger = logging.getLogger(__name__)

HARD_REJECTIONS = {RejectReason.INVALID, RejectReason.BLOCKED, RejectReason.BOUNCED}
# Delivery states a later, milder report does not overwrite.
FINAL = (Delivery.Status.BOUNCED, Delivery.Status.COMPLAINED)


def is_soft_bounce(event):
    """Whether a bounce is temporary. Providers say so in their own fields."""
    if event.event_type == EventType.DEFERRED:
        return True
    if event.event_type != EventType.BOUNCED:
        return False
    raw = event.esp_event if isinstance(event.esp_event, dict) else {}
    return (
        raw.get("Type") == "SoftBounce"  # Postmark
        or raw.get("event") == "soft_bounce"  # Brevo
        or raw.get("hard_bounce") is False  # Mailjet
        or (event.description or "").startswith("Transient")  # Amazon SES
    )


def _key(event, esp_name):
    """The same for a repeat of one report; several providers send no event id."""
    parts = [esp_name, event.event_id, event.event_type, event.message_id, event.recipient]
    parts.append(event.timestamp.isoformat() if event.timestamp else "")
    parts.append((event.metadata or {}).get("delivery", ""))
    return hashlib.sha256("|".join(str(part or "") for part in parts).encode()).hexdigest()


def _first_time(event, esp_name):
    """Remember the event; False if it was handled before."""
    try:
        with transaction.atomic():
            ProviderEvent.objects.create(
                key=_key(event, esp_name),
                esp_name=esp_name[:50],
                event_id=(event.event_id or "")[:200],
                event_type=event.event_type[:30],
            )
    except IntegrityError:
        return False
    return True


def _delivery(event, subscriber):
    try:
        number = int((event.metadata or {}).get("delivery", ""))
    except (TypeError, ValueError):
        return None
    return Delivery.objects.filter(pk=number, subscriber=subscriber).first()


def _reason(event):
    """What the provider said; Mailjet gives only its own words, in ``error``."""
    raw = event.esp_event if isinstance(event.esp_event, dict) else {}
    parts = (
        (event.description, event.mta_response)
        if event.mta_response
        else (
            event.description,
            raw.get("error"),
        )
    )
    return " ".join(str(part) for part in parts if part)


@transaction.atomic
def handle(sender, event, esp_name, **kwargs):
    """The receiver of anymail's ``tracking`` signal."""
    if not event.recipient or not _first_time(event, esp_name):
        return
    subscriber = Subscriber.objects.with_email(event.recipient).first()
    if subscriber is None:
        return
    delivery = _delivery(event, subscriber)
    kind = event.event_type
    hard = kind == EventType.BOUNCED or (
        kind == EventType.REJECTED and event.reject_reason in HARD_REJECTIONS
    )
    if kind == EventType.COMPLAINED:
        _stop(subscriber, delivery, Subscriber.Status.COMPLAINED, event)
    elif is_soft_bounce(event):
        _soft_bounce(subscriber, delivery, event)
    elif hard:
        _stop(subscriber, delivery, Subscriber.Status.BOUNCED, event)
    elif kind == EventType.UNSUBSCRIBED:
        subscriptions.unsubscribe(subscriber.pk, ConsentEvent.Method.PROVIDER)
    elif kind == EventType.DELIVERED and delivery is not None:
        Delivery.objects.filter(pk=delivery.pk).exclude(status__in=FINAL).update(
            status=Delivery.Status.DELIVERED
        )
        Subscriber.objects.filter(pk=subscriber.pk).update(soft_bounces=0)


def _stop(subscriber, delivery, status, event):
    if delivery is not None:
        final = Delivery.Status.COMPLAINED if status == Subscriber.Status.COMPLAINED else None
        deliveries = Delivery.objects.filter(pk=delivery.pk)
        if final is None:
            deliveries = deliveries.exclude(status=Delivery.Status.COMPLAINED)
        deliveries.update(status=final or Delivery.Status.BOUNCED)
    subscriptions.stop_mail(subscriber.pk, status, _reason(event), event.event_id or "")
    logger.info("Mail to subscriber %s stopped: %s", subscriber.pk, event.event_type)


def _soft_bounce(subscriber, delivery, event):
    """Count the issue once; the limit reached in a row stops mail as a hard bounce would."""
    if delivery is None:
        return
    counted = (
        Delivery.objects.filter(pk=delivery.pk)
        .exclude(status__in=(Delivery.Status.SOFT_BOUNCED, *FINAL))
        .update(status=Delivery.Status.SOFT_BOUNCED)
    )
    if not counted:
        return
    Subscriber.objects.filter(pk=subscriber.pk).update(soft_bounces=F("soft_bounces") + 1)
    subscriber.refresh_from_db(fields=["soft_bounces"])
    if subscriber.soft_bounces >= Subscriber.SOFT_BOUNCE_LIMIT:
        reason = f"{subscriber.soft_bounces} issues in a row soft-bounced. {_reason(event)}"
        subscriptions.stop_mail(
            subscriber.pk, Subscriber.Status.BOUNCED, reason.strip(), event.event_id or ""
        )
