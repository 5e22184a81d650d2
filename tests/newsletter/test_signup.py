"""Signing up with double opt-in, against a real SMTP server."""

import threading
import time
from datetime import timedelta

import pytest
from django.core import signing
from django.db import IntegrityError, connections, transaction
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsletter.models import CONSENT_VERSION, ConsentEvent, Subscriber, hash_ip
from newsletter.tokens import CONFIRM_MAX_AGE, CONFIRM_SALT, confirmation_token

from .conftest import link

pytestmark = pytest.mark.django_db

SIGNUP = reverse("newsletter:signup")
THANKS = reverse("newsletter:thanks")


def sign_up(client, email="ada@example.org", **extra):
    data = {"email": email, "name": "Ada", "consent": "on", "website": ""} | extra
    return client.post(SIGNUP, data)


def test_whole_flow_sign_up_confirm_welcome(client, smtp_server, on_commit):
    with on_commit():
        response = sign_up(client, "  Ada.Lovelace@Example.ORG ")
    assert response.status_code == 302
    assert response["Location"] == THANKS
    assert "Kolla din inkorg" in client.get(THANKS).text

    subscriber = Subscriber.objects.get()
    assert subscriber.email == "ada.lovelace@example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    [message] = smtp_server.to("ada.lovelace@example.org")
    assert message["Subject"] == "Bekräfta din prenumeration på vårt nyhetsbrev"
    assert message.get_body(("html",)) is not None
    confirm_path = link(message, "bekrafta")

    # Opening the link (as a link scanner would) shows a button and confirms nothing.
    page = client.get(confirm_path)
    assert page.status_code == 200
    assert "Bekräfta</button>" in page.text
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING

    with on_commit():
        response = client.post(confirm_path)
    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter:confirmed")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None

    welcome = smtp_server.to("ada.lovelace@example.org")[1]
    assert welcome["Subject"] == "Välkommen till vårt nyhetsbrev"
    assert "Hej Ada!" in smtp_server.text(welcome)
    unsubscribe = welcome["List-Unsubscribe"]
    assert unsubscribe.startswith("<https://nyhetsbrev.example.org/nyhetsbrev/avsluta/")
    assert welcome["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    kinds = list(subscriber.consent_events.order_by("pk").values_list("kind", "method"))
    assert kinds == [
        (ConsentEvent.Kind.SIGNED_UP, ConsentEvent.Method.WEB_FORM),
        (ConsentEvent.Kind.CONFIRMED, ConsentEvent.Method.EMAIL_LINK),
    ]
    # Confirming again is harmless and sends no second welcome.
    with on_commit():
        client.post(confirm_path)
    assert len(smtp_server.to("ada.lovelace@example.org")) == 2


def test_ledger_stores_a_keyed_hash_of_the_ip_never_the_ip(smtp_server, on_commit):
    with on_commit():
        sign_up(Client(REMOTE_ADDR="203.0.113.7"))
    event = ConsentEvent.objects.get()
    assert event.ip_hash == hash_ip("203.0.113.7")
    assert len(event.ip_hash) == 64
    assert "203.0.113.7" not in event.ip_hash
    assert event.consent_version == CONSENT_VERSION


@pytest.mark.parametrize("status", list(Subscriber.Status.values[:3]))
def test_same_answer_whether_or_not_the_address_is_known(client, smtp_server, on_commit, status):
    Subscriber.objects.create(email="known@example.org", status=status)
    with on_commit():
        new = sign_up(client, "new@example.org")
        known = sign_up(client, "KNOWN@example.org")
    assert (new.status_code, new["Location"]) == (known.status_code, known["Location"])
    assert new.content == known.content
    assert Subscriber.objects.with_email("known@example.org").count() == 1


def test_confirmed_address_signing_up_again_gets_no_email(client, smtp_server, on_commit):
    Subscriber.objects.create(email="known@example.org", status=Subscriber.Status.CONFIRMED)
    with on_commit():
        sign_up(client, "known@example.org")
    assert smtp_server.messages == []


def test_unsubscribed_address_signing_up_again_must_confirm_again(client, smtp_server, on_commit):
    Subscriber.objects.create(email="back@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    with on_commit():
        sign_up(client, "back@example.org")
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert len(smtp_server.to("back@example.org")) == 1


def test_pending_resignup_resends_at_most_once_per_interval(client, smtp_server, on_commit):
    with on_commit():
        sign_up(client)
        sign_up(client)
    assert len(smtp_server.messages) == 1
    Subscriber.objects.update(confirmation_sent_at=timezone.now() - timedelta(minutes=6))
    with on_commit():
        sign_up(client)
    assert len(smtp_server.messages) == 2
    assert link(smtp_server.messages[1], "bekrafta")


def test_honeypot_gets_thanks_and_nothing_else(client, smtp_server, on_commit):
    with on_commit():
        response = sign_up(client, website="https://spam.example")
    assert response.status_code == 302
    assert response["Location"] == THANKS
    assert not Subscriber.objects.exists()
    assert smtp_server.messages == []


def test_consent_is_required_and_errors_keep_what_was_typed(client):
    response = client.post(SIGNUP, {"email": "ada@example.org", "name": "Ada"})
    assert response.status_code == 200
    assert "Kryssa i rutan" in response.text
    assert 'value="ada@example.org"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert not Subscriber.objects.exists()


def test_invalid_address_gets_a_clear_message(client):
    response = client.post(SIGNUP, {"email": "not an address", "consent": "on"})
    assert response.status_code == 200
    assert "namn@example.org" in response.text


def test_rate_limit_per_ip(client, smtp_server, on_commit, settings):
    settings.NEWSLETTER_SIGNUP_LIMITS = {"ip": (3, 3600), "email": (100, 3600)}
    with on_commit():
        for n in range(3):
            assert sign_up(client, f"ip{n}@example.org").status_code == 302
        blocked = sign_up(client, "ip4@example.org")
    assert blocked.status_code == 429
    assert "För många försök" in blocked.text
    assert not Subscriber.objects.filter(email="ip4@example.org").exists()
    other = Client(REMOTE_ADDR="198.51.100.9")
    assert sign_up(other, "ip5@example.org").status_code == 302


def test_behind_a_proxy_each_client_has_its_own_rate_limit_and_ledger_address(
    smtp_server, on_commit, settings
):
    # Every request reaches the site from the proxy's address; the proxy says
    # who sent it in X-Forwarded-For.
    settings.TRUSTED_PROXY_COUNT = 1
    settings.NEWSLETTER_SIGNUP_LIMITS = {"ip": (2, 3600), "email": (100, 3600)}
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    first = Client(**proxy, HTTP_X_FORWARDED_FOR="203.0.113.7")
    second = Client(**proxy, HTTP_X_FORWARDED_FOR="198.51.100.9")
    with on_commit():
        for n in range(2):
            assert sign_up(first, f"forsta{n}@example.org", name="Åsa Ek").status_code == 302
        assert sign_up(first, "forsta2@example.org").status_code == 429
        assert sign_up(second, "andra@example.org").status_code == 302

    signed_up = ConsentEvent.objects.get(subscriber__email="andra@example.org")
    assert signed_up.ip_hash == hash_ip("198.51.100.9")


def test_rate_limit_per_email(client, smtp_server, on_commit, settings):
    settings.NEWSLETTER_SIGNUP_LIMITS = {"ip": (100, 3600), "email": (2, 3600)}
    for n in range(2):
        assert sign_up(Client(REMOTE_ADDR=f"198.51.100.{n}")).status_code == 302
    blocked = sign_up(Client(REMOTE_ADDR="198.51.100.50"), "ADA@example.org")
    assert blocked.status_code == 429


def test_email_is_unique_regardless_of_case_in_the_database():
    Subscriber.objects.create(email="case@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        # Bypasses every check in Python: the constraint is the database's.
        Subscriber.objects.bulk_create([Subscriber(email="CASE@Example.org")])


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_signups_of_one_address_give_one_subscriber(settings, smtp_server):
    settings.NEWSLETTER_SIGNUP_LIMITS = {"ip": (1000, 3600), "email": (1000, 3600)}
    barrier = threading.Barrier(50)
    responses = []
    errors = []

    def post(n):
        try:
            client = Client(REMOTE_ADDR=f"10.0.0.{n}")
            barrier.wait(timeout=30)
            email = "Race@Example.org" if n % 2 else "race@example.org"
            responses.append(sign_up(client, email).status_code)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert responses == [302] * 50
    assert Subscriber.objects.count() == 1
    assert ConsentEvent.objects.filter(kind=ConsentEvent.Kind.SIGNED_UP).count() == 50
    assert smtp_server.wait_for(1)
    time.sleep(0.2)
    assert len(smtp_server.to("race@example.org")) == 1


def _expired_token(subscriber):
    class PastSigner(signing.TimestampSigner):
        def timestamp(self):
            past = time.time() - CONFIRM_MAX_AGE.total_seconds() - 60
            return signing.b62_encode(int(past))

    return PastSigner(salt=CONFIRM_SALT).sign_object(subscriber.pk)


def test_expired_link_gives_a_clear_page(client):
    subscriber = Subscriber.objects.create(email="late@example.org")
    path = reverse("newsletter:confirm", args=[_expired_token(subscriber)])
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 410
        assert "Länken har gått ut" in response.text
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


@pytest.mark.parametrize("name", ["newsletter:confirm", "newsletter:unsubscribe"])
def test_tampered_link_gives_a_clear_page(client, name):
    subscriber = Subscriber.objects.create(email="sly@example.org")
    token = confirmation_token(subscriber)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    for bad in (tampered, "nonsense", token.replace(token.split(":")[0], "Mg", 1)):
        response = client.post(reverse(name, args=[bad]))
        assert response.status_code == 400
        assert "Länken fungerar inte" in response.text
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_a_confirmation_link_cannot_unsubscribe_and_vice_versa(client):
    subscriber = Subscriber.objects.create(email="salt@example.org")
    response = client.post(reverse("newsletter:unsubscribe", args=[confirmation_token(subscriber)]))
    assert response.status_code == 400


def test_old_confirmation_link_does_not_resubscribe_after_unsubscribing(client):
    subscriber = Subscriber.objects.create(
        email="gone@example.org", status=Subscriber.Status.UNSUBSCRIBED
    )
    response = client.post(reverse("newsletter:confirm", args=[confirmation_token(subscriber)]))
    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_signup_page_works_without_javascript_and_links_the_privacy_notice(client):
    response = client.get(SIGNUP)
    assert response.status_code == 200
    html = response.text
    assert 'method="post"' in html
    # No token: pages with the form stay the same for everyone, so they can be cached.
    assert 'name="csrfmiddlewaretoken"' not in html
    assert 'href="/integritet/"' in html
    assert 'name="website"' in html
    assert 'value="signup_page"' in html
    assert "<script" not in html.split("<main", 1)[1]


def test_include_is_self_contained(rf):
    html = render_to_string("newsletter/includes/signup_form.html", request=rf.get("/"))
    assert 'action="/nyhetsbrev/"' in html
    assert 'name="csrfmiddlewaretoken"' not in html
    assert 'value="front_page"' in html


def test_front_page_source_is_recorded(client, smtp_server, on_commit):
    with on_commit():
        sign_up(client, source="front_page")
    assert Subscriber.objects.get().source == Subscriber.Source.FRONT_PAGE


def test_signup_from_a_cached_page_needs_no_csrf_token(smtp_server, on_commit):
    # The form comes from the page cache, the same for everyone: it carries no token.
    with on_commit():
        response = sign_up(Client(enforce_csrf_checks=True))
    assert response.status_code == 302
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
