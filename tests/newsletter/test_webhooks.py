"""The mail providers' reports, posted to the site as each provider posts them.

The payloads are files in ``webhooks/`` (see its README). Each is posted to
anymail's standard address with the Basic auth of ``ANYMAIL_WEBHOOK_SECRET``,
and without it, through the site's real URLs and middleware.
"""

import base64
import importlib
from pathlib import Path

import pytest
from django.urls import clear_url_caches

import secretariat.urls
from newsletter.models import ConsentEvent, Delivery, Issue, ProviderEvent, Subscriber

pytestmark = pytest.mark.django_db

PAYLOADS = Path(__file__).parent / "webhooks"
SECRET = "nyhetsbrev:Hemlig-webhook-1"
PROVIDERS = ["postmark", "mailjet", "brevo", "amazon_ses"]


def _reload_urls():
    importlib.reload(secretariat.urls)
    clear_url_caches()


@pytest.fixture
def webhooks(settings):
    """The site as it runs with ANYMAIL_WEBHOOK_SECRET set: the webhooks are mounted."""
    settings.ANYMAIL = {**settings.ANYMAIL, "WEBHOOK_SECRET": SECRET}
    _reload_urls()
    yield
    settings.ANYMAIL = {key: v for key, v in settings.ANYMAIL.items() if key != "WEBHOOK_SECRET"}
    _reload_urls()


@pytest.fixture
def sent():
    """A subscriber with an accented address, and their delivery of a sent issue."""
    subscriber = Subscriber.objects.create(
        email="åsa.öberg@exempel.se", status=Subscriber.Status.CONFIRMED
    )
    issue = Issue.objects.create(subject="Nyhetsbrev i november", introduction="Hej.")
    return Delivery.objects.create(
        issue=issue, subscriber=subscriber, status=Delivery.Status.SENT, attempts=1
    )


def post(client, provider, name, delivery, auth=SECRET):
    body = (PAYLOADS / f"{provider}_{name}.json").read_text()
    body = body.replace("__RECIPIENT__", delivery.subscriber.email)
    body = body.replace("__ISSUE__", str(delivery.issue_id))
    body = body.replace("__DELIVERY__", str(delivery.pk))
    headers = {}
    if auth:
        headers["HTTP_AUTHORIZATION"] = "Basic " + base64.b64encode(auth.encode()).decode()
    if provider == "amazon_ses":
        # SNS names the message in its headers too; anymail checks they agree.
        import json

        sns = json.loads(body)
        headers |= {
            "HTTP_X_AMZ_SNS_MESSAGE_TYPE": sns["Type"],
            "HTTP_X_AMZ_SNS_MESSAGE_ID": sns["MessageId"],
        }
    return client.post(
        f"/anymail/{provider}/tracking/", body, content_type="application/json", **headers
    )


def _state(delivery):
    delivery.refresh_from_db()
    delivery.subscriber.refresh_from_db()
    return delivery.status, delivery.subscriber.status


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_hard_bounce_stops_all_mail_to_the_address_once(client, webhooks, sent, provider):
    response = post(client, provider, "hard_bounce", sent)

    assert response.status_code == 200
    assert _state(sent) == (Delivery.Status.BOUNCED, Subscriber.Status.BOUNCED)
    subscriber = sent.subscriber
    assert subscriber.stopped_at is not None
    expected = "user unknown" if provider == "mailjet" else "550"
    assert expected in subscriber.stop_reason
    [entry] = subscriber.consent_events.all()
    assert (entry.kind, entry.method) == (ConsentEvent.Kind.BOUNCED, ConsentEvent.Method.PROVIDER)
    if provider in ("postmark", "amazon_ses"):
        # The providers that number their events: the number is kept to look it up.
        assert subscriber.stop_event_id

    # The same report again changes nothing.
    assert post(client, provider, "hard_bounce", sent).status_code == 200
    assert subscriber.consent_events.count() == 1
    assert ProviderEvent.objects.count() == 1


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_spam_complaint_stops_all_mail_and_is_recorded(client, webhooks, sent, provider):
    assert post(client, provider, "complaint", sent).status_code == 200

    assert _state(sent) == (Delivery.Status.COMPLAINED, Subscriber.Status.COMPLAINED)
    kinds = list(sent.subscriber.consent_events.values_list("kind", flat=True))
    assert kinds == [ConsentEvent.Kind.COMPLAINED]
    # A later bounce report does not turn the complaint into a bounce.
    post(client, provider, "hard_bounce", sent)
    assert _state(sent) == (Delivery.Status.COMPLAINED, Subscriber.Status.COMPLAINED)


@pytest.mark.parametrize("provider", ["postmark", "mailjet", "brevo"])
def test_an_unsubscribe_reported_by_the_provider_unsubscribes(client, webhooks, sent, provider):
    assert post(client, provider, "unsubscribe", sent).status_code == 200

    assert _state(sent)[1] == Subscriber.Status.UNSUBSCRIBED
    [entry] = sent.subscriber.consent_events.all()
    assert (entry.kind, entry.method) == (
        ConsentEvent.Kind.UNSUBSCRIBED,
        ConsentEvent.Method.PROVIDER,
    )


@pytest.mark.parametrize("provider", PROVIDERS)
def test_three_issues_in_a_row_that_soft_bounce_make_the_address_bounced(
    client, webhooks, sent, provider
):
    subscriber = sent.subscriber
    deliveries = [sent]
    for number in (2, 3):
        issue = Issue.objects.create(subject=f"Nummer {number}", introduction="Hej.")
        deliveries.append(
            Delivery.objects.create(issue=issue, subscriber=subscriber, status="sent")
        )

    post(client, provider, "soft_bounce", deliveries[0])
    post(client, provider, "soft_bounce", deliveries[1])
    assert _state(deliveries[1]) == (Delivery.Status.SOFT_BOUNCED, Subscriber.Status.CONFIRMED)
    assert deliveries[1].subscriber.soft_bounces == 2
    assert not subscriber.consent_events.exists()

    post(client, provider, "soft_bounce", deliveries[2])

    assert _state(deliveries[2]) == (Delivery.Status.SOFT_BOUNCED, Subscriber.Status.BOUNCED)
    assert "3 issues in a row" in deliveries[2].subscriber.stop_reason
    assert subscriber.consent_events.get().kind == ConsentEvent.Kind.BOUNCED


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_delivered_issue_starts_the_soft_bounce_count_again(client, webhooks, sent, provider):
    Subscriber.objects.filter(pk=sent.subscriber_id).update(soft_bounces=2)

    assert post(client, provider, "delivered", sent).status_code == 200

    assert _state(sent) == (Delivery.Status.DELIVERED, Subscriber.Status.CONFIRMED)
    assert sent.subscriber.soft_bounces == 0


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("auth", [None, "nyhetsbrev:fel-lösen"])
def test_without_the_right_credentials_a_post_changes_nothing(
    client, webhooks, sent, provider, auth
):
    response = post(client, provider, "hard_bounce", sent, auth=auth)

    assert response.status_code in (400, 401, 403)
    assert _state(sent) == (Delivery.Status.SENT, Subscriber.Status.CONFIRMED)
    assert not ConsentEvent.objects.exists()
    assert not ProviderEvent.objects.exists()


def test_without_a_secret_the_webhooks_are_not_there(client, sent):
    response = post(client, "postmark", "hard_bounce", sent)

    assert response.status_code == 404
    assert _state(sent) == (Delivery.Status.SENT, Subscriber.Status.CONFIRMED)


def test_a_report_about_an_unknown_address_is_accepted_and_ignored(client, webhooks, sent):
    sent.subscriber.email = "någon.annan@exempel.se"
    response = post(client, "postmark", "hard_bounce", sent)

    assert response.status_code == 200
    assert _state(sent) == (Delivery.Status.SENT, Subscriber.Status.CONFIRMED)
