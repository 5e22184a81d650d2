"""Admin logins: password guessing is locked out, logged and explained."""

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory
from django.utils import timezone

from secretariat.operations.requests import client_ip

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user(
        "anna", "anna@example.org", "rätt-lösenord", is_staff=True
    )


def log_in(client, username, password, address="198.51.100.7"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def fail(client, times, username="anna", address="198.51.100.7"):
    for _ in range(times):
        response = log_in(client, username, "fel", address)
    return response


def is_logged_in(client):
    return client.get("/admin/").status_code == 200


def test_a_wrong_password_below_the_limit_just_shows_the_form(client, staff, settings):
    response = fail(client, settings.LOGIN_FAILURE_LIMIT - 1)

    assert response.status_code == 200
    assert "login-form" in response.text


def test_too_many_failures_for_one_account_lock_it_even_from_other_addresses(
    client, staff, settings, caplog
):
    addresses = [f"203.0.113.{n}" for n in range(settings.LOGIN_FAILURE_LIMIT)]
    with caplog.at_level(logging.WARNING):
        for address in addresses:
            response = log_in(client, "anna", "fel", address)

    assert response.status_code == 429
    assert response["Retry-After"] == str(settings.LOGIN_LOCKOUT_MINUTES * 60)
    page = response.text
    assert "Inloggningen är tillfälligt spärrad" in page
    assert f"Vänta {settings.LOGIN_LOCKOUT_MINUTES} minuter" in page
    unlocked_at = timezone.localtime(timezone.now() + settings.AXES_COOLOFF_TIME)
    assert unlocked_at.strftime("%H:%M") in page
    assert "<time datetime=" in page
    assert any("locked out" in record.getMessage() for record in caplog.records)

    # The right password from a fresh address does not get in during the lockout.
    response = log_in(client, "anna", "rätt-lösenord", "192.0.2.1")
    assert response.status_code == 429
    assert not is_logged_in(client)


def test_too_many_failures_from_one_address_lock_it_for_every_account(
    client, staff, settings, django_user_model
):
    fail_for = [f"gissning{n}" for n in range(settings.LOGIN_FAILURE_LIMIT)]
    for username in fail_for:
        response = log_in(client, username, "fel", "198.51.100.99")
    assert response.status_code == 429

    assert log_in(client, "anna", "rätt-lösenord", "198.51.100.99").status_code == 429
    assert not is_logged_in(client)
    # Anna, from her own address, is not affected.
    assert log_in(client, "anna", "rätt-lösenord", "192.0.2.50").status_code == 302
    assert is_logged_in(client)


def test_the_lock_lifts_after_the_lockout_time(client, staff, settings):
    fail(client, settings.LOGIN_FAILURE_LIMIT)
    assert log_in(client, "anna", "rätt-lösenord").status_code == 429

    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )

    assert log_in(client, "anna", "rätt-lösenord").status_code == 302
    assert is_logged_in(client)


def test_a_successful_login_forgets_earlier_failures(client, staff, settings):
    fail(client, settings.LOGIN_FAILURE_LIMIT - 1)
    assert log_in(client, "anna", "rätt-lösenord").status_code == 302
    client.logout()

    response = fail(client, settings.LOGIN_FAILURE_LIMIT - 1)

    assert response.status_code == 200


def test_failures_are_listed_for_the_administrators_in_swedish(client, staff, admin_client):
    fail(client, 2, address="198.51.100.7")

    attempt = AccessAttempt.objects.get()
    assert (attempt.username, attempt.ip_address) == ("anna", "198.51.100.7")
    assert attempt.failures_since_start == 2
    assert "fel" not in attempt.post_data  # the password itself is not kept
    listing = admin_client.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert "Inloggningsförsök" in listing.text
    assert "Misslyckade inloggningar" in listing.text
    assert "198.51.100.7" in listing.text


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "203.0.113.1", "10.0.0.2"),  # no proxy: the header is the client's word
        (1, "203.0.113.1", "203.0.113.1"),
        (1, "6.6.6.6, 203.0.113.1", "203.0.113.1"),  # a forged entry is ignored
        (2, "203.0.113.1, 10.0.0.1", "203.0.113.1"),
        (2, "", "10.0.0.2"),  # not through the proxies: only the socket counts
    ],
)
def test_the_client_address_behind_trusted_proxies(settings, proxies, forwarded_for, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for)

    assert client_ip(request) == expected
