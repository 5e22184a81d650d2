"""Sending through an SMTP relay as providers run them, and what a permanent refusal does."""

import smtplib
import subprocess

import pytest

from newsletter.models import ConsentEvent, Delivery, Issue, Subscriber
from newsletter.sending import send_issue
from newsletter.subscriptions import confirm, sign_up
from secretariat.settings.env import mailer_from_url
from tests.smtp import SMTPServer

from .conftest import make_subscribers

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(tmp_path, monkeypatch):
    """A certificate for 127.0.0.1 made here, and trusted by this process's TLS clients."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1"),
            *("-addext", "subjectAltName=IP:127.0.0.1"),
        ],
        check=True,
        capture_output=True,
    )
    # OpenSSL's default verify paths honour it: Django's SMTP backend checks
    # the certificate and the host name as it would a provider's.
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    return cert, key


@pytest.fixture
def relay(settings, certificate):
    with SMTPServer(tls=certificate, login=("nyhetsbrev", "hemlig/nyckel:1")) as server:
        settings.MAILERS = {
            "default": mailer_from_url(
                f"smtp://nyhetsbrev:hemlig%2Fnyckel%3A1@127.0.0.1:{server.port}"
            )
        }
        yield server


def _issue():
    return Issue.objects.create(subject="Nyhetsbrev i december", introduction="Hej Åsa!")


def test_an_issue_goes_through_a_relay_with_starttls_and_auth_login(relay):
    readers = make_subscribers(3)

    progress = send_issue(_issue().pk)

    assert progress["sent"] == 3
    assert sorted(rcpt for [rcpt] in relay.envelopes) == sorted(r.email for r in readers)
    # One login for the whole run, with the mechanism the relay offered.
    assert relay.logins == [("LOGIN", "nyhetsbrev")]
    assert "Hej Åsa!" in relay.text(relay.messages[0])


def test_a_wrong_password_sends_nothing_and_marks_nothing(relay, settings):
    make_subscribers(2)
    settings.MAILERS["default"]["OPTIONS"]["password"] = "fel"
    issue = _issue()

    with pytest.raises(smtplib.SMTPAuthenticationError, match="535"):
        send_issue(issue.pk)

    assert relay.messages == []
    assert not Delivery.objects.filter(status=Delivery.Status.SENT).exists()
    assert Delivery.objects.filter(issue=issue, status=Delivery.Status.PENDING).count() == 2


def test_a_permanent_refusal_is_a_hard_bounce_and_stops_all_later_mail(smtp_server, on_commit):
    staying, gone = make_subscribers(2)
    smtp_server.refuse.add(gone.email)
    first = _issue()

    progress = send_issue(first.pk)

    assert progress["sent"] == 1
    assert progress["bounced"] == 1
    delivery = Delivery.objects.get(issue=first, subscriber=gone)
    # Refused once, for good: not tried again.
    assert delivery.attempts == 1
    assert "550" in delivery.error
    gone.refresh_from_db()
    assert gone.status == Subscriber.Status.BOUNCED
    assert gone.stopped_at is not None
    assert "550 5.1.1 No such user here" in gone.stop_reason
    [entry] = gone.consent_events.all()
    assert (entry.kind, entry.method) == (
        ConsentEvent.Kind.BOUNCED,
        ConsentEvent.Method.MAIL_SERVER,
    )

    # The next issue leaves the address out altogether.
    smtp_server.refuse.clear()
    second = Issue.objects.create(subject="Nästa nummer", introduction="Text.")
    send_issue(second.pk)
    assert smtp_server.envelopes == [[staying.email], [staying.email]]
    assert not Delivery.objects.filter(issue=second, subscriber=gone).exists()


def test_a_bounced_address_gets_no_welcome_mail_from_an_old_confirmation_link(
    smtp_server, on_commit
):
    with on_commit():
        subscriber = sign_up("örjan.ärlig@example.org")
    Subscriber.objects.filter(pk=subscriber.pk).update(status=Subscriber.Status.BOUNCED)
    smtp_server.messages.clear()

    with on_commit():
        assert confirm(subscriber.pk) is None

    assert smtp_server.messages == []
