"""Sending an issue to every confirmed subscriber: resumable, and never twice.

- One ``Delivery`` row per subscriber and issue (unique in the database) is
  created up front; the rows are the to-do list, so a run that is killed can be
  started again and carries on where it stopped.
- A PostgreSQL advisory lock per issue lets only one run work on an issue at a
  time; a second one (a double click, the command beside the worker) returns.
- Each delivery is claimed with ``SELECT ... FOR UPDATE SKIP LOCKED`` in its own
  short transaction that commits right after the SMTP server accepted the
  message. If the process dies before that, the row lock goes with its
  connection and the row is still waiting; a message is sent again only if the
  process dies in the moment between the server's "250 OK" and the commit
  (no protocol closes that window; the copy then carries the same Message-ID,
  which lets mail systems drop it).
- Failures are recorded on the row and retried, up to ``MAX_ATTEMPTS`` times.
- Messages go over ``NEWSLETTER_SENDING_CONNECTIONS`` SMTP connections at
  once (4 by default), each in a thread of its own with its own database
  connection (``_SendingThreads``): a message's time goes mostly to waiting
  for the answers of the mail server (four) and of the database (three), and
  several conversations wait at the same time. The calling thread keeps the
  advisory lock, reads the waiting deliveries and hands their numbers out ten
  at a time; each thread claims each delivery with the statement above, so
  every delivery goes out once whichever thread has it. The first thread to
  lose its connection stops them all, and the run fails as with one.
  Other mailers (files, console, memory in development) and a call inside a
  transaction (whose rows other connections cannot see) use one connection in
  the calling thread (``_SendingHere``).
- The issue is serialised once (``SerialisedIssue``) and each copy is handed
  to the SMTP connection as bytes (smtplib's ``sendmail``); other mailers get the same
  bytes through Django's mail API.
- The bookkeeping per message is one SQL statement (claim and mark), prepared
  once per connection, and a commit that does not wait for the disk
  (``_commits_without_waiting_for_disk``). Like the advisory lock, the
  prepared statement needs a database session of its own (no pooler in
  transaction mode).
"""

import contextlib
import logging
import queue
import smtplib
import threading
from contextlib import contextmanager

from django.conf import settings
from django.core.mail import mailers
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.db import DatabaseError, connection, transaction
from django.db.backends.postgresql.base import ServerBindingCursor
from django.db.models import F
from django.utils import timezone

from .emails import RenderedIssue, SerialisedIssue
from .models import Delivery, Issue, Subscriber

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
BATCH_SIZE = 500
# Deliveries handed to a sending thread at a time: fewer hand-overs, fewer wake-ups.
HANDOUT_SIZE = 10
# The server refused this one message; the next may well go through.
PER_MESSAGE_ERRORS = (
    smtplib.SMTPRecipientsRefused,
    smtplib.SMTPSenderRefused,
    smtplib.SMTPDataError,
)
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
    """A waiting delivery for every confirmed subscriber who has none yet; one statement.

    ``limit`` takes only the first that many subscribers (for the benchmark).
    """
    table = Delivery._meta.db_table
    subscribers = Subscriber._meta.db_table
    limit_sql = "ORDER BY id LIMIT %s" if limit is not None else ""
    params = [issue.pk, Delivery.Status.PENDING, Subscriber.Status.CONFIRMED]
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (issue_id, subscriber_id, status, attempts, error) "  # noqa: S608
            f"SELECT %s, id, %s, 0, '' FROM {subscribers} WHERE status = %s {limit_sql} "
            "ON CONFLICT (issue_id, subscriber_id) DO NOTHING",
            [*params, limit] if limit is not None else params,
        )
        if cursor.rowcount > 0:
            # Statistics for the new rows, or the planner, which may still think
            # the table empty, claims each delivery by scanning all the issue's.
            cursor.execute(f"ANALYZE {table}")


def _waiting(issue, attempts):
    return Delivery.objects.filter(
        issue=issue,
        status=Delivery.Status.PENDING,
        attempts=attempts,
        subscriber__status=Subscriber.Status.CONFIRMED,
    )


def _waiting_batches(issue, attempts):
    """The numbers of the waiting deliveries with this many attempts, in lists of ``BATCH_SIZE``."""
    after = 0
    while True:
        batch = list(
            _waiting(issue, attempts)
            .filter(pk__gt=after)
            .order_by("pk")
            .values_list("pk", flat=True)[:BATCH_SIZE]
        )
        if not batch:
            return
        yield batch
        after = batch[-1]


def _claim_and_mark_sql():
    """Mark the delivery sent, if it is still waiting and nobody else holds it; its subscriber.

    Runs in the transaction that sends the message: the mark is committed only
    once the server has accepted it, and rolled back if it refused.
    """
    deliveries, subscribers = Delivery._meta.db_table, Subscriber._meta.db_table
    return (
        f"UPDATE {deliveries} d SET status = %s, attempts = d.attempts + 1, sent_at = %s, "  # noqa: S608
        f"error = '' FROM {subscribers} s WHERE d.id = (SELECT id FROM {deliveries} "
        "WHERE id = %s AND issue_id = %s AND status = %s AND attempts = %s "
        "FOR UPDATE SKIP LOCKED) AND s.id = d.subscriber_id AND s.status = %s "
        "RETURNING s.id, s.email"
    )


class _Mailer:
    """One connection for the whole run; copies go to SMTP as bytes, elsewhere as emails."""

    def __init__(self, serialised):
        self.serialised = serialised
        self.backend = None
        self.envelope_from = None

    def send(self, subscriber, delivery_pk):
        if self.backend is None:
            self.backend = mailers.default
            self.backend.open()
            if isinstance(self.backend, SMTPBackend):
                self.envelope_from = self.backend.prep_address(self.serialised.from_email)
        try:
            if self.envelope_from and self.serialised.can_serialise_for(subscriber.email):
                self.backend.connection.sendmail(
                    self.envelope_from,
                    [subscriber.email],
                    self.serialised.as_bytes(subscriber, delivery_pk),
                )
            else:
                self.backend.send_messages([self.serialised.message_for(subscriber, delivery_pk)])
        except (smtplib.SMTPServerDisconnected, ConnectionError):
            self.close()
            raise

    def close(self):
        if self.backend is not None:
            self.backend.close()
            self.backend = None


@contextmanager
def _commits_without_waiting_for_disk():
    """Let this connection's commits return before PostgreSQL has flushed them to disk.

    Each delivery is committed on its own, right after the server accepted the
    message; waiting for a disk flush each time would cap sending at the
    disk's rate. Without the wait a commit is still atomic and at once visible
    to everyone, and it survives the death of this process (the case the
    resumable design is about); only a crash of the database server itself can
    lose the last fraction of a second of commits (``wal_writer_delay``), and
    those few subscribers would receive the issue a second time. For a
    newsletter that is a fair price; for money it would not be.
    """
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        # In a transaction that failed, its rollback undoes the SET by itself.
        with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


class _SendingHere:
    """Each delivery sent at once by the calling thread, with its database connection."""

    def __init__(self, serialised):
        self.mailer = _Mailer(serialised)

    def send(self, issue_pk, attempts, pks):
        for pk in pks:
            _send_one(issue_pk, attempts, pk, self.mailer)

    def wait(self):
        pass

    def close(self):
        self.mailer.close()


class _SendingThreads:
    """Deliveries handed to ``count`` threads, each with its own SMTP and database connection.

    ``send`` queues deliveries, ``HANDOUT_SIZE`` to a job (waiting while the
    queue is full), and ``wait`` returns once every queued one is done. The
    first error that stops a thread (a lost connection, a database error)
    makes all of them drop what is still queued, and ``send`` or ``wait``
    raise it in the calling thread. ``close`` ends the threads, each after its
    current message.
    """

    def __init__(self, serialised, count):
        self.queue = queue.Queue(maxsize=2 * count)
        self.error = None
        self.stopping = threading.Event()
        self.threads = [
            threading.Thread(
                target=self._work, args=[serialised], name=f"newsletter-{number}", daemon=True
            )
            for number in range(count)
        ]
        for thread in self.threads:
            thread.start()

    def send(self, issue_pk, attempts, pks):
        for start in range(0, len(pks), HANDOUT_SIZE):
            self._raise_error()
            self.queue.put((issue_pk, attempts, pks[start : start + HANDOUT_SIZE]))

    def wait(self):
        self.queue.join()
        self._raise_error()

    def close(self):
        self.stopping.set()
        for _thread in self.threads:
            self.queue.put(None)
        for thread in self.threads:
            thread.join()

    def _raise_error(self):
        if self.error is not None:
            raise self.error

    def _work(self, serialised):
        mailer = _Mailer(serialised)
        try:
            with _commits_without_waiting_for_disk():
                self._take(mailer)
        except BaseException as error:  # Raised again in the calling thread.
            if self.error is None:
                self.error = error
            self.stopping.set()
            # Keep taking (and dropping) deliveries, so that ``wait`` returns.
            self._take(mailer)
        finally:
            try:
                mailer.close()
            finally:
                connection.close()

    def _take(self, mailer):
        """Send queued deliveries until told to end; drop them once the run is stopping."""
        while (job := self.queue.get()) is not None:
            issue_pk, attempts, pks = job
            try:
                for pk in pks:
                    if self.stopping.is_set():
                        break
                    _send_one(issue_pk, attempts, pk, mailer)
            finally:
                self.queue.task_done()


@contextmanager
def _sending(serialised):
    """Several threads for SMTP outside a transaction, else the calling thread (see above)."""
    count = settings.NEWSLETTER_SENDING_CONNECTIONS
    if count > 1 and not connection.in_atomic_block and isinstance(mailers.default, SMTPBackend):
        senders = _SendingThreads(serialised, count)
        try:
            yield senders
        finally:
            senders.close()
    else:
        senders = _SendingHere(serialised)
        try:
            with _commits_without_waiting_for_disk():
                yield senders
        finally:
            senders.close()


def send_issue(issue_pk, add_recipients=True):
    """Send the issue to everyone still waiting for it. Returns the progress counts.

    With ``add_recipients`` (the default), every confirmed subscriber without a
    delivery gets one first; without, only the deliveries that exist are sent.
    """
    with issue_lock(issue_pk) as acquired:
        issue = Issue.objects.get(pk=issue_pk)
        if not acquired:
            logger.info("Issue %s is being sent by another process.", issue_pk)
            return Delivery.objects.filter(issue=issue).progress()
        if issue.status == Issue.Status.DRAFT:
            Issue.objects.filter(pk=issue.pk).update(
                status=Issue.Status.SENDING, sending_started_at=timezone.now()
            )
        if add_recipients:
            create_deliveries(issue)
        with _sending(SerialisedIssue(RenderedIssue(issue))) as senders:
            for attempts in range(MAX_ATTEMPTS):
                for pks in _waiting_batches(issue, attempts):
                    senders.send(issue.pk, attempts, pks)
                # The refused ones are tried again only once this round is done.
                senders.wait()
        _finish(issue)
        return Delivery.objects.filter(issue=issue).progress()


def _send_one(issue_pk, attempts, pk, mailer):
    """Send one delivery in its own transaction, committed as soon as the server accepted it.

    The claim and the mark are one statement (one round trip to the database),
    prepared by each connection the first time; psycopg binds the values on the
    server, as a prepared statement needs (Django's own cursors bind them in
    the client). A refused recipient or message is recorded and the run goes
    on; a lost connection is recorded and stops the run (the task fails, the
    rest waits).
    """
    try:
        with transaction.atomic():
            with (
                connection.wrap_database_errors,
                ServerBindingCursor(connection.connection) as cursor,
            ):
                cursor.execute(
                    _claim_and_mark_sql(),
                    [
                        *(Delivery.Status.SENT.value, timezone.now()),
                        *(pk, issue_pk, Delivery.Status.PENDING.value, attempts),
                        Subscriber.Status.CONFIRMED.value,
                    ],
                    prepare=True,
                )
                row = cursor.fetchone()
            if row is not None:
                # An error here rolls the mark back.
                mailer.send(Subscriber(pk=row[0], email=row[1]), pk)
    except (smtplib.SMTPException, OSError) as error:
        failed = attempts + 1 >= MAX_ATTEMPTS
        Delivery.objects.filter(pk=pk).update(
            attempts=F("attempts") + 1,
            error=str(error)[:1000],
            status=Delivery.Status.FAILED if failed else Delivery.Status.PENDING,
        )
        logger.warning("Delivery %s of issue %s failed: %s", pk, issue_pk, error)
        if not isinstance(error, PER_MESSAGE_ERRORS):
            raise


def _finish(issue):
    # Whoever unsubscribed while the issue was going out is skipped, not sent to.
    Delivery.objects.filter(issue=issue, status=Delivery.Status.PENDING).exclude(
        subscriber__status=Subscriber.Status.CONFIRMED
    ).update(status=Delivery.Status.SKIPPED)
    if not Delivery.objects.filter(issue=issue, status=Delivery.Status.PENDING).exists():
        Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENT, sent_at=timezone.now())
