"""Unsubscribing: the personal page, and the RFC 8058 one-click POST from mail programs."""

import pytest
from django.test import Client
from django.urls import reverse

from newsletter.models import ConsentEvent, Subscriber
from newsletter.tokens import unsubscribe_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscriber():
    return Subscriber.objects.create(email="reader@example.org", status=Subscriber.Status.CONFIRMED)


def unsubscribe_path(subscriber):
    return reverse("newsletter:unsubscribe", args=[unsubscribe_token(subscriber)])


def test_one_click_post_without_csrf_or_login_answers_200(subscriber):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        unsubscribe_path(subscriber),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    event = subscriber.consent_events.get()
    assert (event.kind, event.method) == (
        ConsentEvent.Kind.UNSUBSCRIBED,
        ConsentEvent.Method.ONE_CLICK,
    )


def test_get_shows_a_button_and_unsubscribes_nobody(client, subscriber):
    response = client.get(unsubscribe_path(subscriber))
    assert response.status_code == 200
    assert "Avsluta prenumerationen</button>" in response.text
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_the_page_button_unsubscribes_and_is_idempotent(client, subscriber):
    for _ in range(2):
        response = client.post(unsubscribe_path(subscriber))
        assert response.status_code == 200
        assert "Du har avslutat prenumerationen" in response.text
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.consent_events.get().method == ConsentEvent.Method.EMAIL_LINK


def test_unsubscribing_an_erased_subscriber_is_quietly_fine(client, subscriber):
    from newsletter.subscriptions import erase

    erase(subscriber)
    assert client.post(unsubscribe_path(subscriber)).status_code == 200


def test_welcome_email_unsubscribe_header_works_end_to_end(smtp_server, subscriber):
    from newsletter.tasks import send_welcome

    send_welcome.enqueue(subscriber.pk)
    [message] = smtp_server.to("reader@example.org")
    url = message["List-Unsubscribe"].strip("<>")
    path = url.removeprefix("https://nyhetsbrev.example.org")
    assert path in smtp_server.text(message)
    assert path in smtp_server.html(message)
    response = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
