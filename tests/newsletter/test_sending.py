"""Sending an issue: everyone confirmed gets exactly one copy, even across a crash."""

import os
import signal
import smtplib
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Article
from events.models import Event
from newsletter.emails import unsubscribe_url
from newsletter.models import Delivery, Issue, IssueArticle, Subscriber
from newsletter.sending import ADVISORY_LOCK_CLASS, MAX_ATTEMPTS, send_issue
from newsletter.tasks import send_issue as send_issue_task
from newsletter.tokens import read_unsubscribe_token

from .conftest import make_subscribers

pytestmark = pytest.mark.django_db


def counts(**some):
    """The progress of an issue: these counts, and none in every other state."""
    return dict.fromkeys(Delivery.Status.values, 0) | some


def make_issue(articles=(), introduction="Första stycket.\n\nAndra stycket."):
    issue = Issue.objects.create(
        subject="Nyhetsbrev i november",
        introduction=introduction,
        include_events=True,
    )
    for order, article in enumerate(articles):
        IssueArticle.objects.create(issue=issue, article=article, order=order)
    return issue


def make_article(slug, status=Article.Status.PUBLISHED, **extra):
    return Article.objects.create(
        title=f"Artikel {slug}", slug=slug, lead=f"Ingress {slug}.", status=status, **extra
    )


def test_issue_reaches_every_confirmed_subscriber_once_with_headers_and_links(smtp_server):
    readers = make_subscribers(12)
    make_subscribers(2, Subscriber.Status.PENDING, prefix="pending")
    make_subscribers(2, Subscriber.Status.UNSUBSCRIBED, prefix="gone")
    second, first = make_article("andra"), make_article("forsta")
    draft = make_article("utkast", status=Article.Status.DRAFT)
    issue = make_issue([first, second, draft])
    now = timezone.now()
    event = Event.objects.create(
        title="Konferens i Malmö",
        slug="konferens",
        kind=Event.Kind.CONFERENCE,
        status=Event.Status.PUBLISHED,
        starts_at=now + timedelta(days=10),
        ends_at=now + timedelta(days=10, hours=3),
        city="Malmö",
    )

    result = send_issue_task.enqueue(issue.pk)

    assert result.return_value == counts(sent=12)
    assert len(smtp_server.messages) == 12
    for reader in readers:
        [message] = smtp_server.to(reader.email)
        assert message["Subject"] == "Nyhetsbrev i november"
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        link = message["List-Unsubscribe"].strip("<>")
        assert link.startswith("https://nyhetsbrev.example.org/nyhetsbrev/avsluta/")
        text, html = smtp_server.text(message), smtp_server.html(message)
        assert link in text
        assert link in html
    # One person's unsubscribe link is not another's.
    links = {m["List-Unsubscribe"] for m in smtp_server.messages}
    assert len(links) == 12
    text = smtp_server.text(smtp_server.messages[0])
    assert text.index("Artikel forsta") < text.index("Artikel andra")
    assert "https://nyhetsbrev.example.org/aktuellt/forsta/" in text
    assert "Artikel utkast" not in text
    assert "Konferens i Malmö" in text
    assert f"https://nyhetsbrev.example.org{event.get_absolute_url()}" in text
    assert "Andra stycket." in smtp_server.html(smtp_server.messages[0])

    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    assert issue.sent_at is not None
    # Sending again sends nothing.
    send_issue(issue.pk)
    assert len(smtp_server.messages) == 12


def test_the_headers_arrive_as_mail_programs_read_them(smtp_server, settings):
    settings.DEFAULT_FROM_EMAIL = (
        "Kansliet för hållbar upphandling i Västra Götaland <brev@example.org>"
    )
    (reader,) = make_subscribers(1)
    issue = make_issue()
    Issue.objects.filter(pk=issue.pk).update(subject="Nyheter om återbruk och miljökrav i år")

    send_issue(issue.pk)

    [raw] = smtp_server.raw
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    link = unsubscribe_url(reader)
    # The link as it is, on one line: mailbox providers ignore a List-Unsubscribe
    # written as RFC 2047 encoded-words, and then offer no one-click unsubscribe.
    assert f"\r\nList-Unsubscribe: <{link}>\r\n" in head
    assert "\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" in head
    [message] = smtp_server.messages
    assert message["Subject"] == "Nyheter om återbruk och miljökrav i år"
    [sender] = message["From"].addresses
    assert sender.display_name == "Kansliet för hållbar upphandling i Västra Götaland"
    assert sender.addr_spec == "brev@example.org"
    assert "Första stycket." in smtp_server.text(message)


def test_a_temporarily_refused_recipient_is_retried_a_bounded_number_of_times(smtp_server):
    make_subscribers(3)
    smtp_server.defer.add("reader1@example.org")
    issue = make_issue()

    progress = send_issue(issue.pk)

    assert progress == counts(sent=2, failed=1)
    failed = Delivery.objects.get(status=Delivery.Status.FAILED)
    assert failed.subscriber.email == "reader1@example.org"
    assert failed.attempts == MAX_ATTEMPTS
    assert "450" in failed.error
    assert len(smtp_server.messages) == 2
    # A temporary refusal says nothing about the address: it still subscribes.
    assert failed.subscriber.status == Subscriber.Status.CONFIRMED


def test_who_unsubscribes_while_an_issue_is_sent_is_skipped(smtp_server):
    staying, leaving = make_subscribers(2)
    issue = make_issue()
    Delivery.objects.create(issue=issue, subscriber=leaving)
    Subscriber.objects.filter(pk=leaving.pk).update(status=Subscriber.Status.UNSUBSCRIBED)

    progress = send_issue(issue.pk)

    assert progress == counts(sent=1, skipped=1)
    assert [m["To"] for m in smtp_server.messages] == [staying.email]


def test_a_second_sender_of_the_same_issue_stands_aside(smtp_server):
    make_subscribers(2)
    issue = make_issue()
    other = connections.create_connection("default")
    keys = [ADVISORY_LOCK_CLASS, issue.pk]
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", keys)
            send_issue(issue.pk)
            assert smtp_server.messages == []
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", keys)
    finally:
        other.close()
    send_issue(issue.pk)
    assert len(smtp_server.messages) == 2


def _subprocess_env(smtp_server):
    db = connection.settings_dict
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "secretariat.settings.development",
        "DATABASE_URL": f"postgres://{db['USER']}@/{db['NAME']}?host={db['HOST']}",
        "EMAIL_URL": smtp_server.url,
        "SITE_URL": "https://nyhetsbrev.example.org",
        "CONN_MAX_AGE": "0",
    }


def _manage(*args):
    return [sys.executable, str(django_settings.BASE_DIR / "manage.py"), *args]


def _eventually(condition, timeout=10):
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return condition()


@pytest.mark.faults
@pytest.mark.servers
@pytest.mark.django_db(transaction=True)
def test_killed_and_restarted_send_delivers_exactly_once_to_everyone(smtp_server):
    readers = make_subscribers(30)
    issue = make_issue()
    # The server takes ten messages, then leaves the next ones hanging unanswered.
    smtp_server.hold_after = 10
    process = subprocess.Popen(
        _manage("send_issue", str(issue.pk)),
        env=_subprocess_env(smtp_server),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert smtp_server.holding.wait(timeout=60)
        # The last accepted message may still be committing; the kill is meant
        # for the unanswered one, not for that moment.
        assert _eventually(
            lambda: Delivery.objects.filter(status=Delivery.Status.SENT).count() == 10
        )
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    smtp_server.hold_after = None
    assert len(smtp_server.messages) == 10
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 10
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENDING

    call_command("send_issue", str(issue.pk))

    assert len(smtp_server.messages) == 30
    for reader in readers:
        assert len(smtp_server.to(reader.email)) == 1
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    assert Delivery.objects.filter(issue=issue, status=Delivery.Status.SENT).count() == 30


@pytest.mark.servers
@pytest.mark.django_db(transaction=True)
def test_the_database_worker_sends_what_was_enqueued(smtp_server, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    make_subscribers(3)
    issue = make_issue()
    send_issue_task.enqueue(issue.pk)
    assert smtp_server.messages == []

    subprocess.run(
        _manage("db_worker", "--batch", "--no-startup-delay", "--no-reload"),
        env=_subprocess_env(smtp_server),
        check=True,
        timeout=120,
        capture_output=True,
    )

    assert len(smtp_server.messages) == 3
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT


def _recipients(smtp_server):
    return [rcpt for rcpts in smtp_server.envelopes for rcpt in rcpts]


@pytest.mark.django_db(transaction=True)
def test_everyone_gets_exactly_one_personal_copy_and_refusals_are_retried(smtp_server):
    readers = make_subscribers(80)
    smtp_server.defer.add("reader7@example.org")
    # A line that begins with a dot, which SMTP must carry doubled.
    issue = make_issue([make_article("parallell")], introduction=".NET-avtalet förnyas.")

    progress = send_issue(issue.pk)

    assert progress == counts(sent=79, failed=1)
    assert len(smtp_server.messages) == 79
    # One connection carried the whole issue.
    assert len(set(smtp_server.peers)) == 1
    for reader in readers:
        received = smtp_server.to(reader.email)
        if reader.email == "reader7@example.org":
            assert received == []
            continue
        [message] = received
        assert message["To"] == reader.email
        link = message["List-Unsubscribe"].strip("<>")
        assert _subscriber_of(link) == reader.pk
        assert link in smtp_server.text(message)
        assert link in smtp_server.html(message)
        assert ".NET-avtalet förnyas." in _lines(smtp_server.text(message))
    sent = Delivery.objects.filter(issue=issue, status=Delivery.Status.SENT)
    assert sorted(sent.values_list("subscriber__email", flat=True)) == sorted(
        _recipients(smtp_server)
    )
    assert all(delivery.attempts == 1 and delivery.sent_at for delivery in sent)
    refused = Delivery.objects.get(issue=issue, status=Delivery.Status.FAILED)
    assert refused.subscriber.email == "reader7@example.org"
    assert refused.attempts == MAX_ATTEMPTS
    assert "450" in refused.error
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT
    # Sending again sends nothing.
    send_issue(issue.pk)
    assert len(smtp_server.messages) == 79


@pytest.mark.django_db(transaction=True)
def test_a_lost_connection_stops_the_run_and_a_new_run_sends_the_rest(smtp_server):
    readers = make_subscribers(80)
    smtp_server.drop.add("reader35@example.org")
    issue = make_issue()

    with pytest.raises(smtplib.SMTPServerDisconnected):
        send_issue(issue.pk)

    # What the server accepted is marked sent, and nothing else; the rest waits.
    received = _recipients(smtp_server)
    assert len(received) == len(set(received)) < 80
    sent = Delivery.objects.filter(issue=issue, status=Delivery.Status.SENT)
    assert sorted(sent.values_list("subscriber__email", flat=True)) == sorted(received)
    waiting = Delivery.objects.filter(issue=issue, status=Delivery.Status.PENDING)
    assert waiting.count() == 80 - len(received)
    lost = Delivery.objects.get(issue=issue, subscriber__email="reader35@example.org")
    assert lost.status == Delivery.Status.PENDING
    assert lost.attempts == 1
    assert "closed" in lost.error
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENDING

    smtp_server.drop.clear()
    assert send_issue(issue.pk) == counts(sent=80)

    for reader in readers:
        assert len(smtp_server.to(reader.email)) == 1
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT


def test_each_copy_is_a_whole_email_personal_in_headers_and_bodies(settings):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    first, second = make_subscribers(2)
    issue = make_issue([make_article("hallbar-upphandling")])

    assert send_issue(issue.pk)["sent"] == 2

    links = {}
    for sent in mail.outbox:
        [address] = sent.to
        subscriber = first if address == first.email else second
        message = sent.message()
        delivery = Delivery.objects.get(issue=issue, subscriber=subscriber)
        assert message["Subject"] == "Nyhetsbrev i november"
        assert message["Message-ID"] == (
            f"<issue-{issue.pk}.delivery-{delivery.pk}@nyhetsbrev.example.org>"
        )
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message.get_content_type() == "multipart/alternative"
        link = message["List-Unsubscribe"].strip("<>")
        assert _subscriber_of(link) == subscriber.pk
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert link in text
        assert link in html
        assert "Första stycket." in text
        assert "Andra stycket." in html
        assert "https://nyhetsbrev.example.org/aktuellt/hallbar-upphandling/" in html
        links[subscriber.pk] = link
    assert links[first.pk] != links[second.pk]


def _lines(text):
    return text.replace("\r\n", "\n").strip("\n").split("\n")


def _subscriber_of(link):
    prefix = "https://nyhetsbrev.example.org/nyhetsbrev/avsluta/"
    assert link.startswith(prefix)
    return read_unsubscribe_token(link.removeprefix(prefix).strip("/"))


def test_other_mailers_get_the_same_copy_through_djangos_mail_api(settings):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    (reader,) = make_subscribers(1)
    issue = make_issue()

    assert send_issue(issue.pk)["sent"] == 1

    [sent] = mail.outbox
    assert sent.to == [reader.email]
    message = sent.message()
    link = message["List-Unsubscribe"].strip("<>")
    assert _subscriber_of(link) == reader.pk
    assert link in message.get_body(("plain",)).get_content()


@pytest.mark.django_db(transaction=True)
def test_each_copy_costs_the_same_four_statements_however_many_subscribers(settings):
    # BEGIN, the claim, the mark and COMMIT: nothing read lazily per copy (the
    # claim reads only some columns), and no savepoint.
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    queries = {}
    for count in (5, 20):
        Subscriber.objects.all().delete()
        make_subscribers(count)
        issue = make_issue([make_article(f"hallbar-{count}")])
        with CaptureQueriesContext(connection) as captured:
            assert send_issue(issue.pk)["sent"] == count
        queries[count] = len(captured)
    assert queries[20] - queries[5] == 15 * 4


def test_the_html_part_carries_no_empty_lines(settings):
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    make_subscribers(1)
    issue = make_issue(
        [make_article("aterbruk-i-vaxjo")], introduction="Återbruk i Växjö.\n\nMöbler åt alla."
    )

    send_issue(issue.pk)

    [sent] = mail.outbox
    html = sent.message().get_body(("html",)).get_content()
    assert "Ingress aterbruk-i-vaxjo." in html
    assert "<p>Återbruk i Växjö.</p>" in html
    assert "<p>Möbler åt alla.</p>" in html
    assert html.startswith("<!doctype html>")
    assert [line for line in html.splitlines() if not line.strip()] == []
