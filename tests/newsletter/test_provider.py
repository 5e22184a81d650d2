"""Sending through a mail provider's API, with django-anymail's test backend.

The test backend takes the message exactly as a provider backend would (anymail
parses it into the same send parameters) and keeps what it would send.
"""

import pytest
from anymail.message import AnymailRecipientStatus
from anymail.signals import pre_send
from django.core import mail
from django.core.exceptions import ImproperlyConfigured

from newsletter import sending
from newsletter.models import ConsentEvent, Delivery, Issue, Subscriber
from newsletter.sending import send_issue
from newsletter.tokens import read_unsubscribe_token
from secretariat.settings.env import mailer_from_url

from .conftest import make_subscribers

pytestmark = pytest.mark.django_db

UNSUBSCRIBE = "https://nyhetsbrev.example.org/nyhetsbrev/avsluta/"


@pytest.fixture
def provider(settings):
    settings.MAILERS = {"default": {"BACKEND": "anymail.backends.test.EmailBackend"}}
    mail.outbox = []


def _issue():
    return Issue.objects.create(subject="Nyhetsbrev för Åre och Öland", introduction="Hej alla!")


def _subscriber_of(link):
    assert link.startswith(UNSUBSCRIBE), link
    return read_unsubscribe_token(link.removeprefix(UNSUBSCRIBE).strip("/"))


def test_each_copy_is_the_whole_email_with_both_parts_and_both_headers(provider):
    readers = make_subscribers(2, prefix="läsare")
    issue = _issue()

    assert send_issue(issue.pk)["sent"] == 2

    assert len(mail.outbox) == 2
    for message in mail.outbox:
        params = message.anymail_test_params
        [to] = params["to"]
        reader = next(r for r in readers if r.email == to.addr_spec)
        delivery = Delivery.objects.get(issue=issue, subscriber=reader)
        assert params["subject"] == "Nyhetsbrev för Åre och Öland"
        link = params["extra_headers"]["List-Unsubscribe"].strip("<>")
        assert _subscriber_of(link) == reader.pk
        assert params["extra_headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert link in params["text_body"]
        assert link in params["html_body"]
        archive = f"https://nyhetsbrev.example.org/nyhetsbrev/tidigare/{issue.pk}/"
        assert f"Läs i webbläsaren: {archive}" in params["text_body"]
        assert f'<a href="{archive}"' in params["html_body"]
        assert "Hej alla!" in params["text_body"]
        assert "<p>Hej alla!</p>" in params["html_body"]
        assert params["metadata"] == {"issue": str(issue.pk), "delivery": str(delivery.pk)}
        assert not params["is_batch_send"]


def test_a_provider_that_batches_gets_merge_data_per_recipient(provider, monkeypatch):
    # How the test backend would write a merge field, if it were such a provider.
    monkeypatch.setitem(sending.MERGE_FIELDS, "Test", ("*|UNSUBSCRIBE|*", {"extra": 1}))
    readers = make_subscribers(3, prefix="grupp")
    issue = _issue()

    assert send_issue(issue.pk)["sent"] == 3

    [message] = mail.outbox
    params = message.anymail_test_params
    assert params["is_batch_send"]
    assert sorted(to.addr_spec for to in params["to"]) == sorted(r.email for r in readers)
    assert "*|UNSUBSCRIBE|*" in params["text_body"]
    assert "*|UNSUBSCRIBE|*" in params["html_body"]
    assert params["extra"] == 1  # The provider-specific part of the request.
    for reader in readers:
        delivery = Delivery.objects.get(issue=issue, subscriber=reader)
        link = params["merge_data"][reader.email]["unsubscribe_url"]
        assert _subscriber_of(link) == reader.pk
        assert params["merge_headers"][reader.email] == {
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
        assert params["merge_metadata"][reader.email] == {"delivery": str(delivery.pk)}
        assert delivery.status == Delivery.Status.SENT
    assert params["metadata"] == {"issue": str(issue.pk)}


def test_an_address_the_provider_refuses_is_a_hard_bounce(provider):
    staying, refused = make_subscribers(2)

    def reject(sender, message, esp_name, **kwargs):
        message.anymail_test_response = {
            "recipient_status": {
                address: AnymailRecipientStatus(
                    message_id="1", status="rejected" if address == refused.email else "queued"
                )
                for address in message.to
            }
        }

    pre_send.connect(reject)
    try:
        progress = send_issue(_issue().pk)
    finally:
        pre_send.disconnect(reject)

    assert progress["sent"] == 1
    assert progress["bounced"] == 1
    refused.refresh_from_db()
    assert refused.status == Subscriber.Status.BOUNCED
    staying.refresh_from_db()
    assert staying.status == Subscriber.Status.CONFIRMED
    assert refused.consent_events.get().method == ConsentEvent.Method.PROVIDER


@pytest.mark.parametrize(
    ("url", "backend", "options"),
    [
        (
            "anymail+postmark://server-token-1@",
            "anymail.backends.postmark.EmailBackend",
            {"server_token": "server-token-1"},
        ),
        (
            "anymail+mailjet://public-key:secret%2Fkey@",
            "anymail.backends.mailjet.EmailBackend",
            {"api_key": "public-key", "secret_key": "secret/key"},
        ),
        (
            "anymail+brevo://xkeysib-123@?api_url=http://127.0.0.1:9/v3/",
            "anymail.backends.brevo.EmailBackend",
            {"api_key": "xkeysib-123", "api_url": "http://127.0.0.1:9/v3/"},
        ),
        (
            "anymail+amazon_ses://AKIAEXAMPLE:c2VjcmV0@eu-north-1",
            "anymail.backends.amazon_ses.EmailBackend",
            {
                "session_params": {
                    "region_name": "eu-north-1",
                    "aws_access_key_id": "AKIAEXAMPLE",
                    "aws_secret_access_key": "c2VjcmV0",
                }
            },
        ),
    ],
)
def test_email_url_names_the_provider_and_its_keys(url, backend, options):
    assert mailer_from_url(url) == {"BACKEND": backend, "OPTIONS": options}


def test_keys_come_from_their_own_variables_when_the_url_has_none(monkeypatch):
    monkeypatch.setenv("MAILJET_API_KEY", "från-miljön")
    monkeypatch.setenv("MAILJET_SECRET_KEY", "hemlig")
    assert mailer_from_url("anymail+mailjet://")["OPTIONS"] == {
        "api_key": "från-miljön",
        "secret_key": "hemlig",
    }
    # Amazon SES: boto3 reads AWS_ACCESS_KEY_ID and the rest itself.
    assert mailer_from_url("anymail+amazon_ses://")["OPTIONS"] == {"session_params": {}}


def test_a_missing_key_or_unknown_provider_fails_at_start(monkeypatch):
    monkeypatch.delenv("POSTMARK_SERVER_TOKEN", raising=False)
    with pytest.raises(ImproperlyConfigured, match="POSTMARK_SERVER_TOKEN"):
        mailer_from_url("anymail+postmark://")
    with pytest.raises(ImproperlyConfigured, match="sendgrid"):
        mailer_from_url("anymail+sendgrid://key@")
