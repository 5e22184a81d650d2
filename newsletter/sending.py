"""Sending an issue to every confirmed subscriber: resumable, and never twice.

- One ``Delivery`` row per subscriber and issue (unique in the database) is
  created up front; the rows are the to-do list, so a run that is killed can be
  started again and carries on where it stopped.
- A PostgreSQL advisory lock per issue lets only one run work on an issue at a
  time; a second one (a double click, the command beside the worker) returns.
- Deliveries are claimed with ``SELECT ... FOR UPDATE SKIP LOCKED`` in a short
  transaction that commits right after the mailer accepted their message. If
  the process dies before that, the row locks go with its connection and the
  rows are still waiting; a message is sent again only if the process dies in
  the moment between the server's "250 OK" and the commit (no protocol closes
  that window; the copy then carries the same Message-ID, which lets mail
  systems drop it).
- Each copy is an ordinary Django email (``RenderedIssue.message_for``), sent
  over one connection of the configured mailer (``mail.mailers.default``)
  kept open for the whole run, one claim after the other. With a provider
  whose API sends a batch with per-recipient merge data (``MERGE_FIELDS``),
  a claim is ``BATCH_SIZE`` deliveries and one request
  (``RenderedIssue.batch_message``), committed once the provider accepted it.
- The content is stored on the issue when sending starts (``start_sending``):
  a resumed run sends what the first one did, and the archive shows it.
- Failures are recorded on the row and retried, up to ``MAX_ATTEMPTS`` times;
  a lost connection is recorded and stops the run (the rest waits for the next).
  A permanent refusal (an SMTP 5xx answer to ``RCPT TO``, a provider rejecting
  the address) is a hard bounce: no retry, and no more mail to that address.
"""

import logging
import smtplib
from contextlib import contextmanager

from anymail.exceptions import AnymailError, AnymailInvalidAddress, AnymailRecipientsRefused
from django.core.mail import mailers
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from . import subscriptions
from .emails import RenderedIssue, issue_content
from .models import ConsentEvent, Delivery, Issue, Subscriber

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
# The server refused this one message; the next may well go through.
PER_MESSAGE_ERRORS = (
    smtplib.SMTPRecipientsRefused,
    smtplib.SMTPSenderRefused,
    smtplib.SMTPDataError,
    AnymailInvalidAddress,
    AnymailRecipientsRefused,
)
# Providers (anymail's esp_name) whose API takes one message to many recipients
# with per-recipient merge data, and how a merge field is written in the body,
# with what the request needs to read them. The others get a copy each.
MERGE_FIELDS = {
    "Mailjet": ("{{var:unsubscribe_url}}", {"Globals": {"TemplateLanguage": True}}),
}
BATCH_SIZE = 50
# What anymail reports for a recipient the provider will not send to at all.
REFUSED = {"rejected", "invalid"}
# An arbitrary number naming this app's advisory locks; the issue's number is the second key.
ADVISORY_LOCK_CLASS = 5_1771


@contextmanager
def issue_lock(issue_pk):
    """Yield True if this session got the issue's advisory lock, False if another holds it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [ADVISORY_LOCK_CLASS, issue_pk])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [ADVISORY_LOCK_CLASS, issue_pk])


def create_deliveries(issue, limit=None):
    """A waiting delivery for every confirmed subscriber who has none yet.

    ``limit`` takes only the first that many of them (for the benchmark).
    """
    subscribers = (
        Subscriber.objects.confirmed()
        .exclude(deliveries__issue=issue)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    pks = list(subscribers[:limit] if limit is not None else subscribers)
    Delivery.objects.bulk_create(
        (Delivery(issue=issue, subscriber_id=pk) for pk in pks),
        batch_size=2000,
        ignore_conflicts=True,
    )
    if pks:
        # Fresh statistics, or the planner, which may still think the table
        # empty, finds each next delivery by walking past every one already sent.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {Delivery._meta.db_table}")


def _waiting(issue, attempts):
    """The deliveries still waiting with this many attempts, to be claimed a slice at a time.

    Each claim takes the next ones that nobody else holds, locked. The query is
    built once per round and each claim runs a copy: building it again for
    every message cost as much as running it. Only the columns a copy needs
    are read (the subscriber's address; the numbers come with them).
    """
    return (
        Delivery.objects.filter(
            issue=issue,
            status=Delivery.Status.PENDING,
            attempts=attempts,
            subscriber__status=Subscriber.Status.CONFIRMED,
        )
        .select_related("subscriber")
        .only("issue", "subscriber__email")
        .select_for_update(skip_locked=True, of=("self",))
        .order_by("pk")
    )


def start_sending(issue_pk):
    """Mark a draft as being sent and store its content as it is now; once only."""
    issue = Issue.objects.get(pk=issue_pk)
    if issue.status == Issue.Status.DRAFT:
        Issue.objects.filter(pk=issue.pk, status=Issue.Status.DRAFT).update(
            status=Issue.Status.SENDING,
            sending_started_at=timezone.now(),
            content=issue_content(issue),
        )


def send_issue(issue_pk, add_recipients=True):
    """Send the issue to everyone still waiting for it. Returns the progress counts.

    With ``add_recipients`` (the default), every confirmed subscriber without a
    delivery gets one first; without, only the deliveries that exist are sent.
    """
    with issue_lock(issue_pk) as acquired:
        if not acquired:
            logger.info("Issue %s is being sent by another process.", issue_pk)
            return Delivery.objects.filter(issue_id=issue_pk).progress()
        start_sending(issue_pk)
        issue = Issue.objects.get(pk=issue_pk)
        if add_recipients:
            create_deliveries(issue)
        rendered = RenderedIssue(issue)
        with mailers.default as mailer:
            merge = MERGE_FIELDS.get(getattr(mailer, "esp_name", None))
            # The refused ones are tried again only once a round is done.
            for attempts in range(MAX_ATTEMPTS):
                waiting = _waiting(issue, attempts)
                while _send_next(waiting, attempts, rendered, mailer, merge):
                    pass
        _finish(issue)
        return Delivery.objects.filter(issue=issue).progress()


def _send_next(waiting, attempts, rendered, mailer, merge):
    """Claim, send and mark the next waiting deliveries; False once there is none.

    The marks are committed only once the mailer has accepted the message, and
    rolled back if it refused. A refused recipient or message is recorded and
    the run goes on; a lost connection is recorded and stops the run.
    """
    deliveries = []
    try:
        with transaction.atomic():
            deliveries = list(waiting[: BATCH_SIZE if merge else 1])
            if not deliveries:
                return False
            if merge:
                field, extra = merge
                message = rendered.batch_message(deliveries, field)
                message.esp_extra = extra
            else:
                [delivery] = deliveries
                message = rendered.message_for(delivery.subscriber, delivery.pk)
            mailer.send_messages([message])
            _mark(deliveries, _refused(message))
    except smtplib.SMTPRecipientsRefused as error:
        [(code, answer)] = error.recipients.values()
        if code >= 500:
            # A permanent "no such user" (or the like) is a hard bounce.
            reason = f"{code} {answer.decode(errors='replace')}"
            _bounce(deliveries[0], reason, ConsentEvent.Method.MAIL_SERVER)
        else:
            _record_failure(deliveries, attempts, error)
    except (smtplib.SMTPException, OSError, AnymailError) as error:
        _record_failure(deliveries, attempts, error)
        if not isinstance(error, PER_MESSAGE_ERRORS):
            raise
    return True


def _refused(message):
    """The recipients a provider would not send to, with its reason."""
    status = getattr(message, "anymail_status", None)
    if status is None:
        return {}
    return {
        address: recipient.status
        for address, recipient in status.recipients.items()
        if recipient.status in REFUSED
    }


def _mark(deliveries, refused):
    now = timezone.now()
    sent = [d.pk for d in deliveries if d.subscriber.email not in refused]
    Delivery.objects.filter(pk__in=sent).update(
        status=Delivery.Status.SENT, attempts=F("attempts") + 1, sent_at=now, error=""
    )
    for delivery in deliveries:
        if delivery.subscriber.email in refused:
            reason = f"The provider refused the address: {refused[delivery.subscriber.email]}"
            _bounce(delivery, reason, ConsentEvent.Method.PROVIDER)


@transaction.atomic
def _bounce(delivery, reason, method):
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.BOUNCED, attempts=F("attempts") + 1, error=reason[:1000]
    )
    subscriptions.stop_mail(
        delivery.subscriber_id,
        Subscriber.Status.BOUNCED,
        reason,
        method=method,
    )


def _record_failure(deliveries, attempts, error):
    failed = attempts + 1 >= MAX_ATTEMPTS
    Delivery.objects.filter(pk__in=[d.pk for d in deliveries]).update(
        attempts=F("attempts") + 1,
        error=str(error)[:1000],
        status=Delivery.Status.FAILED if failed else Delivery.Status.PENDING,
    )
    for delivery in deliveries:
        logger.warning("Delivery %s of issue %s failed: %s", delivery.pk, delivery.issue_id, error)


def _finish(issue):
    # Whoever unsubscribed while the issue was going out is skipped, not sent to.
    Delivery.objects.filter(issue=issue, status=Delivery.Status.PENDING).exclude(
        subscriber__status=Subscriber.Status.CONFIRMED
    ).update(status=Delivery.Status.SKIPPED)
    if not Delivery.objects.filter(issue=issue, status=Delivery.Status.PENDING).exists():
        # A save, not an update: the issue goes public in the archive, and the
        # page cache learns of it from the save signal.
        issue.status = Issue.Status.SENT
        issue.sent_at = timezone.now()
        issue.save(update_fields=["status", "sent_at"])
